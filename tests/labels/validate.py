#!/usr/bin/env python3
"""Check tests/labels/labels.jsonl against the label conventions.

Usage: validate.py [LABELS] [CORPUS_DIR]

Checks every line: JSON, the exact key set, the enumerations of the
jaen.incident/1 schema (TYPE, ITEM, UNIT, qualifier, report_stage,
secondary_damage), sorted and duplicate-free lists, ISO dates, integer
counts and no duplicate paths. When CORPUS_DIR exists, each path must name
a file in it. Exit status: 0 valid, 1 invalid, 2 usage error.
"""
import datetime
import json
import os
import sys

TYPES = {
    "unauthorized_access", "ransomware", "malware", "data_leak", "phishing",
    "web_tampering", "misdelivery", "misconfiguration", "loss_theft",
    "insider", "system_outage", "ddos", "third_party",
}
ITEMS = {
    "name", "address", "postal_code", "phone", "email", "birth_date", "age",
    "gender", "company_name", "job_title", "department", "login_id",
    "password", "credit_card_number", "card_expiry", "security_code",
    "card_holder_name", "bank_account", "purchase_history", "order_info",
    "shareholding", "employee_id", "my_number", "health_info",
    "id_document", "photo", "ip_address", "other",
}
UNITS = {"record", "person", "company", "device", "item", "yen", "other"}
QUALIFIERS = {None, "max", "min", "over", "under"}
STAGES = {"initial", "update", "final", "single"}
SECONDARY = {None, "none_confirmed", "confirmed"}
KEYS = {
    "path", "report_stage", "types", "detected", "counts", "data_items",
    "secondary_damage", "has_cause", "response_implemented_count",
    "response_planned_count", "notes",
}
COUNT_KEYS = {"value", "unit", "approx", "qualifier", "before_dedup"}


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def check_sorted_set(name, values, allowed, errs):
    if not isinstance(values, list):
        errs.append(f"{name} is not a list")
        return
    bad = [v for v in values if v not in allowed]
    if bad:
        errs.append(f"{name} has unknown values {bad}")
    if values != sorted(set(values), key=str):
        errs.append(f"{name} is not sorted or has duplicates")


def check_count(i, c, errs):
    if not isinstance(c, dict) or set(c) != COUNT_KEYS:
        errs.append(f"counts[{i}] keys must be {sorted(COUNT_KEYS)}")
        return
    if c["value"] is not None and not is_int(c["value"]):
        errs.append(f"counts[{i}].value must be an integer or null")
    if c["unit"] not in UNITS:
        errs.append(f"counts[{i}].unit {c['unit']!r} unknown")
    if not isinstance(c["approx"], bool):
        errs.append(f"counts[{i}].approx must be a boolean")
    if c["qualifier"] not in QUALIFIERS:
        errs.append(f"counts[{i}].qualifier {c['qualifier']!r} unknown")
    if c["before_dedup"] is not None and not is_int(c["before_dedup"]):
        errs.append(f"counts[{i}].before_dedup must be an integer or null")


def check_record(rec, corpus, errs):
    if not isinstance(rec, dict) or set(rec) != KEYS:
        errs.append(f"keys must be exactly {sorted(KEYS)}")
        return
    path = rec["path"]
    if not isinstance(path, str) or path.startswith("/") or ".." in path:
        errs.append("path must be relative to the corpus")
    elif corpus and not os.path.isfile(os.path.join(corpus, path)):
        errs.append(f"no such corpus file: {path}")
    if rec["report_stage"] not in STAGES:
        errs.append(f"report_stage {rec['report_stage']!r} unknown")
    check_sorted_set("types", rec["types"], TYPES, errs)
    if not rec["types"]:
        errs.append("types is empty")
    check_sorted_set("data_items", rec["data_items"], ITEMS, errs)
    if rec["detected"] is not None:
        try:
            datetime.date.fromisoformat(rec["detected"])
        except (TypeError, ValueError):
            errs.append(f"detected {rec['detected']!r} is not YYYY-MM-DD")
    if not isinstance(rec["counts"], list):
        errs.append("counts is not a list")
    else:
        seen = set()
        for i, c in enumerate(rec["counts"]):
            check_count(i, c, errs)
            key = json.dumps(c, sort_keys=True)
            if key in seen:
                errs.append(f"counts[{i}] repeats an earlier count")
            seen.add(key)
    if rec["secondary_damage"] not in SECONDARY:
        errs.append(f"secondary_damage {rec['secondary_damage']!r} unknown")
    if not isinstance(rec["has_cause"], bool):
        errs.append("has_cause must be a boolean")
    for k in ("response_implemented_count", "response_planned_count"):
        if not is_int(rec[k]) or rec[k] < 0:
            errs.append(f"{k} must be a non-negative integer")
    if not isinstance(rec["notes"], str):
        errs.append("notes must be a string")


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    labels = argv[1] if len(argv) > 1 else os.path.join(here, "labels.jsonl")
    corpus = argv[2] if len(argv) > 2 else os.path.join(
        here, "..", "..", "..", "shared", "corpus")
    if len(argv) > 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    if not os.path.isdir(corpus):
        corpus = None
    bad = 0
    paths = set()
    with open(labels, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            errs = []
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                errs.append(f"not JSON: {e}")
                rec = None
            if rec is not None:
                check_record(rec, corpus, errs)
                p = rec.get("path") if isinstance(rec, dict) else None
                if p in paths:
                    errs.append(f"duplicate path {p}")
                paths.add(p)
            for e in errs:
                print(f"{labels}:{n}: {e}", file=sys.stderr)
            bad += bool(errs)
    print(f"{len(paths)} labels, {bad} invalid"
          + ("" if corpus else " (corpus absent: paths not checked)"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Validate VERIS records (JSON Lines) against the VERIS 1.4.1 subset.

    scripts/validate-veris.py [--schema FILE] [--today YYYY-MM-DD] [FILE]...

The schema file (default tests/veris/verisc-1.4.1-subset.json) lists the
required fields, enumerations, patterns and integer ranges, transcribed from
TRANSLATION.md section 4; the cross-field rules of vz-risk/veris
bin/checkValidity.py are coded below.  Lines that are jaen.incident/1 error
records (a document that failed upstream) are counted, not validated.

Prints one line per problem ("LINE: path: message") and a summary; exits 0
when every record is valid, 1 when one is not, 2 on bad usage.  Python 3
standard library only.
"""
import argparse
import datetime
import json
import os
import re
import sys


def values(rec, path):
    """Every value at the dotted path; arrays on the way are walked."""
    cur = [rec]
    for key in path.split("."):
        nxt = []
        for v in cur:
            if isinstance(v, list):
                v_items = v
            else:
                v_items = [v]
            for x in v_items:
                if isinstance(x, dict) and key in x:
                    nxt.append(x[key])
        cur = nxt
    return cur


def flat(vals):
    out = []
    for v in vals:
        if isinstance(v, list):
            out.extend(v)
        else:
            out.append(v)
    return out


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def check(rec, schema, today):
    errs = []
    top = schema["top_level"]
    for key in top["required"]:
        if key not in rec:
            errs.append(f"{key}: required field missing")
    for key in rec:
        if key not in top["allowed"]:
            errs.append(f"{key}: not a VERIS top-level field")
    if rec.get("schema_version") not in schema["schema_version"]:
        errs.append(f"schema_version: {rec.get('schema_version')!r}")
    if not isinstance(rec.get("summary"), str) or not rec.get("summary"):
        errs.append("summary: must be a non-empty string")
    for path, keys in schema["required"].items():
        for obj in flat(values(rec, path)):
            if not isinstance(obj, dict):
                errs.append(f"{path}: must be an object")
                continue
            for k in keys:
                if k not in obj:
                    errs.append(f"{path}.{k}: required field missing")
                elif isinstance(obj[k], list) and not obj[k]:
                    errs.append(f"{path}.{k}: empty array")
    for path, keys in schema["one_of_keys"].items():
        for obj in values(rec, path):
            if not isinstance(obj, dict) or not obj:
                errs.append(f"{path}: needs at least one of {keys}")
                continue
            for k in obj:
                if k not in keys:
                    errs.append(f"{path}.{k}: not a VERIS category")
    for path, allowed in schema["enums"].items():
        for v in flat(values(rec, path)):
            if v not in allowed:
                errs.append(f"{path}: {v!r} is not an allowed value")
        for arr in values(rec, path):
            if isinstance(arr, list) and len(arr) != len(
                    set(json.dumps(x) for x in arr)):
                errs.append(f"{path}: duplicate items")
    for path, pat in schema["patterns"].items():
        for v in flat(values(rec, path)):
            if not isinstance(v, str) or not re.match(pat, v):
                errs.append(f"{path}: {v!r} does not match {pat}")
    for path, (lo, hi) in schema["integers"].items():
        for v in flat(values(rec, path)):
            if not is_int(v):
                errs.append(f"{path}: {v!r} is not an integer")
            elif (lo is not None and v < lo) or (hi is not None and v > hi):
                errs.append(f"{path}: {v} out of range")
    # cross-field rules (vz-risk/veris bin/checkValidity.py)
    attr = rec.get("attribute") or {}
    action = rec.get("action") or {}
    actor = rec.get("actor") or {}
    integ = (attr.get("integrity") or {}).get("variety") or []
    if rec.get("security_incident") == "Confirmed" and not attr:
        errs.append("attribute: a Confirmed incident needs an attribute")
    if "malware" in action and "Software installation" not in integ:
        errs.append("attribute.integrity: malware needs "
                    "'Software installation'")
    if "social" in action and "Alter behavior" not in integ:
        errs.append("attribute.integrity: social needs 'Alter behavior'")
    conf = attr.get("confidentiality") or {}
    amounts = [d.get("amount") for d in conf.get("data") or []
               if is_int(d.get("amount"))]
    if amounts and is_int(conf.get("data_total")) \
            and conf["data_total"] < max(amounts):
        errs.append("attribute.confidentiality.data_total: below the "
                    "largest data amount")
    if amounts and "data_total" not in conf:
        errs.append("attribute.confidentiality.data_total: missing while "
                    "data amounts are given")
    if "misuse" in action and not ("internal" in actor or "partner" in actor):
        errs.append("actor: misuse needs an internal or partner actor")
    inc = (rec.get("timeline") or {}).get("incident") or {}
    if is_int(inc.get("year")):
        try:
            d = datetime.date(inc["year"], inc.get("month") or 1,
                              inc.get("day") or 1)
            if d > today:
                errs.append(f"timeline.incident: {d} is in the future")
        except (TypeError, ValueError):
            errs.append("timeline.incident: not a real date")
    if "day" in inc and "month" not in inc:
        errs.append("timeline.incident.day: without a month")
    return errs


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--schema", default=os.path.join(
        here, "..", "tests", "veris", "verisc-1.4.1-subset.json"))
    ap.add_argument("--today", help="YYYY-MM-DD (default: today)")
    ap.add_argument("--quiet", action="store_true",
                    help="only the summary")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    try:
        today = (datetime.date.fromisoformat(args.today) if args.today
                 else datetime.date.today())
        with open(args.schema, encoding="utf-8") as f:
            schema = json.load(f)
    except (OSError, ValueError) as e:
        print(f"validate-veris: {e}", file=sys.stderr)
        return 2
    n = ok = bad = skipped = 0
    for name in args.files or ["-"]:
        f = sys.stdin if name == "-" else open(name, encoding="utf-8")
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            n += 1
            try:
                rec = json.loads(line)
            except ValueError as e:
                print(f"{name}:{lineno}: not JSON: {e}")
                bad += 1
                continue
            if isinstance(rec, dict) and "error" in rec \
                    and rec.get("schema") == "jaen.incident/1":
                skipped += 1
                continue
            errs = check(rec, schema, today) if isinstance(rec, dict) \
                else ["not an object"]
            if errs:
                bad += 1
                if not args.quiet:
                    for e in errs:
                        print(f"{name}:{lineno}: {e}")
            else:
                ok += 1
        if f is not sys.stdin:
            f.close()
    print(f"validate-veris: {n} records: {ok} valid, {bad} invalid, "
          f"{skipped} error records")
    return 0 if bad == 0 and n > skipped else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Score jaen.incident/1 records against the hand labels.

Usage: eval-labels.py LABELS RECORDS [--min FIELD=X ...] [--show FIELD]
                      [--half 0|1]

LABELS is tests/labels/labels.jsonl; RECORDS the output of `jaen run` (or
`jaen record`) over the labelled documents, one record a line, matched by
id suffix.  Prints accuracy per field (conventions in tests/labels/README.md):
exact match for report_stage, detected, secondary_damage and has_cause;
exact set match for types, data_items and counts (full tuple, and on
(value, unit) alone as counts_vu); within +-2 for the response counts.
Also micro F1 for the set fields.  --min FIELD=X makes the exit status 1
when FIELD scores below X; --show FIELD prints the mismatches of FIELD.
--half 0 (or 1) scores only the labels at even (odd) positions in path
order, so that rules can be developed on one half and checked on the other.
Exit status: 0 ok, 1 under a threshold or records missing, 2 usage.
"""
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def count_key(c, full=True):
    if full:
        return (c["value"], c["unit"], bool(c["approx"]), c["qualifier"],
                c["before_dedup"])
    return (c["value"], c["unit"])


def compare(lab, rec):
    """Per-field (ok, gold, got) for one document."""
    inc = rec.get("incident") or {}
    imp = rec.get("impact") or {}
    src = rec.get("source") or {}
    resp = rec.get("response") or {}
    out = {}

    def exact(name, gold, got):
        out[name] = (gold == got, gold, got)

    exact("report_stage", lab["report_stage"], src.get("report_stage"))
    exact("types", set(lab["types"]), set(inc.get("types") or []))
    exact("detected", lab["detected"], inc.get("detected"))
    exact("counts", {count_key(c) for c in lab["counts"]},
          {count_key(c) for c in imp.get("counts") or []})
    exact("counts_vu", {count_key(c, False) for c in lab["counts"]},
          {count_key(c, False) for c in imp.get("counts") or []})
    exact("data_items", set(lab["data_items"]),
          set(imp.get("data_items") or []))
    exact("secondary_damage", lab["secondary_damage"],
          imp.get("secondary_damage"))
    exact("has_cause", lab["has_cause"], inc.get("cause") is not None)
    for kind in ("implemented", "planned"):
        gold = lab[f"response_{kind}_count"]
        got = len(resp.get(kind) or [])
        out[f"response_{kind}"] = (abs(gold - got) <= 2, gold, got)
    return out


SET_FIELDS = ("types", "data_items", "counts", "counts_vu")


def main(argv):
    args, mins, show, half = [], {}, set(), None
    i = 1
    while i < len(argv):
        if argv[i] == "--min" and i + 1 < len(argv):
            k, v = argv[i + 1].split("=")
            mins[k] = float(v)
            i += 2
        elif argv[i] == "--half" and i + 1 < len(argv):
            half = int(argv[i + 1])
            i += 2
        elif argv[i] == "--show" and i + 1 < len(argv):
            show.add(argv[i + 1])
            i += 2
        else:
            args.append(argv[i])
            i += 1
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    labels, records = load(args[0]), load(args[1])
    labels.sort(key=lambda lab: lab["path"])
    if half is not None:
        labels = labels[half::2]
    by_id = {}
    for r in records:
        by_id[r.get("id", "")] = r
    ok, n, missing = {}, 0, 0
    tp, fp, fn = {}, {}, {}
    for lab in labels:
        rec = next((r for k, r in by_id.items()
                    if k == lab["path"] or k.endswith("/" + lab["path"])),
                   None)
        if rec is None or "error" in rec:
            missing += 1
            print(f"missing or error record: {lab['path']}", file=sys.stderr)
            continue
        n += 1
        for field, (good, gold, got) in compare(lab, rec).items():
            ok[field] = ok.get(field, 0) + int(good)
            if field in SET_FIELDS:
                tp[field] = tp.get(field, 0) + len(gold & got)
                fp[field] = fp.get(field, 0) + len(got - gold)
                fn[field] = fn.get(field, 0) + len(gold - got)
            if field in show and not good:
                if field in SET_FIELDS:
                    print(f"{lab['path']}: {field} missing "
                          f"{sorted(gold - got, key=str)} extra "
                          f"{sorted(got - gold, key=str)}")
                else:
                    print(f"{lab['path']}: {field} gold {gold!r} "
                          f"got {got!r}")
    status = 1 if missing else 0
    print(f"documents: {n} scored, {missing} missing")
    for field in ok:
        acc = ok[field] / n if n else 0.0
        extra = ""
        if field in SET_FIELDS:
            p = tp[field] / max(1, tp[field] + fp[field])
            r = tp[field] / max(1, tp[field] + fn[field])
            f1 = 2 * p * r / max(1e-9, p + r)
            extra = f"  (micro P {p:.3f} R {r:.3f} F1 {f1:.3f})"
        flag = ""
        if field in mins and acc < mins[field]:
            flag = f"  BELOW {mins[field]:.2f}"
            status = 1
        print(f"{field:22s} {acc:.3f}{extra}{flag}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))

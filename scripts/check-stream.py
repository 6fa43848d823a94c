#!/usr/bin/env python3
"""Checks the invariants of a jaen document stream (docs/STREAM.md).

Reads JSON Lines on stdin or from files and checks, for every record that
is not an error record:
  - sentence spans are sorted, do not overlap, and cover every
    non-whitespace code point of "text" exactly once (whitespace is
    Unicode White_Space, as ICU's u_isUWhiteSpace);
  - tokens lie inside their sentence, sorted, non-empty, not overlapping;
  - block spans lie inside the text;
  - with --published (archive documents, which all have a body),
    meta.published is an ISO date and "text" is not empty.
Prints a summary and exits 1 on the first few failures it lists.
"""
import argparse
import json
import re
import sys

WHITE_SPACE = set(map(chr, [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0,
                            0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029,
                            0x202F, 0x205F, 0x3000]))
ISO = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def check(doc, published):
    text = doc["text"]
    n = len(text)
    covered = bytearray(n)
    prev_end = 0
    for s in doc.get("sentences", []):
        a, b = s["start"], s["end"]
        if not (prev_end <= a < b <= n):
            return f"sentence [{a},{b}) out of order or outside text"
        prev_end = b
        for i in range(a, b):
            covered[i] = 1
        tprev = a
        for t in s["tokens"]:
            x, y = t
            if not (tprev <= x < y <= b):
                return f"token [{x},{y}) bad in sentence [{a},{b})"
            tprev = y
    for i, c in enumerate(text):
        if not covered[i] and c not in WHITE_SPACE:
            return f"code point {i} ({c!r}) is in no sentence"
    for bl in doc.get("blocks", []):
        if not (0 <= bl["start"] <= bl["end"] <= n):
            return f"block {bl} outside text"
    if published:
        p = doc.get("meta", {}).get("published")
        if not (isinstance(p, str) and ISO.match(p)):
            return f"meta.published is {p!r}"
        if not text.strip():
            return "the body is empty (a section heading not recognised?)"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--published", action="store_true",
                    help="also require meta.published and a body")
    ap.add_argument("--expect", type=int, help="number of records expected")
    args = ap.parse_args()
    streams = [open(f, encoding="utf-8") for f in args.files] or [sys.stdin]
    docs = bad = errors = sents = toks = 0
    for st in streams:
        for line in st:
            doc = json.loads(line)
            docs += 1
            if "error" in doc:
                errors += 1
                continue
            sents += len(doc.get("sentences", []))
            toks += sum(len(s["tokens"]) for s in doc.get("sentences", []))
            why = check(doc, args.published)
            if why:
                bad += 1
                if bad <= 10:
                    print(f"{doc.get('id')}: {why}", file=sys.stderr)
    print(f"{docs} documents, {errors} error records, {sents} sentences, "
          f"{toks} tokens, {bad} failing")
    if args.expect is not None and docs != args.expect:
        print(f"expected {args.expect} documents", file=sys.stderr)
        return 1
    return 1 if bad or errors else 0


if __name__ == "__main__":
    sys.exit(main())

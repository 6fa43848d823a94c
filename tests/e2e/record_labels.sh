#!/usr/bin/env bash
# Accuracy per field of `jaen run` against the hand labels of
# tests/labels/labels.jsonl (55 documents of ../shared/corpus).  Skips
# when ../shared/corpus is absent.  The thresholds sit just below what the
# extractor reaches (scripts/eval-labels.py prints the figures), so a
# regression fails the test.
set -u
jaen=$1 src=$2 build=$3
corpus=$src/../shared/corpus
[ -d "$corpus" ] || { echo "../shared/corpus absent: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -c 'import json,sys
for l in open(sys.argv[1]): print(json.loads(l)["path"])' \
    "$src/tests/labels/labels.jsonl" | tr '\n' '\0' > "$tmp/paths"
(cd "$corpus" && xargs -0 "$jaen" run < "$tmp/paths") > "$tmp/records.jsonl" \
    || exit 1
python3 "$src/scripts/eval-labels.py" "$src/tests/labels/labels.jsonl" \
    "$tmp/records.jsonl" \
    --min report_stage=0.98 --min types=0.95 --min detected=0.94 \
    --min counts=0.96 --min counts_vu=0.96 --min data_items=0.89 \
    --min secondary_damage=0.98 --min has_cause=0.96 \
    --min response_implemented=0.89 --min response_planned=0.91

#!/usr/bin/env bash
# Every record the tests produce, and every record of ../shared/corpus when
# it is present, validates against docs/incident.schema.json: the corpus/
# samples as JSON, the golden records of tests/stages/record, an error
# record, and a record from a document with no sentences.
set -u
jaen=$1 src=$2 build=$3
validate() { python3 "$src/scripts/validate-schema.py" \
    "$src/docs/incident.schema.json" "$@"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

"$jaen" run "$src"/corpus/*/*/*.md > "$tmp/samples.jsonl" || fail=1
[ "$(wc -l < "$tmp/samples.jsonl")" -eq 15 ] || { echo "expected 15"; fail=1; }
validate "$tmp/samples.jsonl" || fail=1

# golden JSON records (skip the Markdown ones)
for out in "$src"/tests/stages/record/*.out; do
    head -c 1 "$out" | grep -q '{' && cat "$out"
done > "$tmp/golden.jsonl"
validate "$tmp/golden.jsonl" || fail=1

# an error record passes through, and a text without sentences still
# gives a full record
printf 'not json\n' | "$jaen" record > "$tmp/error.jsonl"
[ $? -eq 1 ] || { echo "bad input must exit 1"; fail=1; }
grep -q '"error"' "$tmp/error.jsonl" || { echo "no error record"; fail=1; }
printf '%s\n' '{"id":"e","text":""}' | "$jaen" record >> "$tmp/error.jsonl" \
    || fail=1
validate "$tmp/error.jsonl" || fail=1

corpus=$src/../shared/corpus
if [ -d "$corpus" ]; then
    (cd "$corpus" && find . -name '*.md' -print0 | sort -z \
        | xargs -0 "$jaen" run) > "$tmp/corpus.jsonl" || fail=1
    n=$(find "$corpus" -name '*.md' | wc -l)
    [ "$(wc -l < "$tmp/corpus.jsonl")" -eq "$n" ] \
        || { echo "corpus: expected $n records"; fail=1; }
    validate "$tmp/corpus.jsonl" || fail=1
else
    echo "../shared/corpus absent: corpus part skipped"
fi
exit $fail

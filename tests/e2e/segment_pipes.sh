#!/usr/bin/env bash
# How jaen segment behaves at the edges of a pipeline: a closed stdout, a
# full disk, unreadable files, a 50 MB line with no sentence break.
set -u
jaen=$1 src=$2
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; fail=1; fi; }

# many documents, so that output outlives the reader
for i in $(seq 1 40); do cat "$src"/corpus/2025/*/*.md; done > "$tmp/big.md"

# | head -1: quiet exit (SIGPIPE, or 0), nothing on stderr
"$jaen" segment < "$tmp/big.md" 2> "$tmp/err" | head -1 > /dev/null
st=${PIPESTATUS[0]}
check "behind head -1 the status is 141 or 0 (got $st)" '[ "$st" = 141 ] || [ "$st" = 0 ]'
check "behind head -1 stderr is empty" '[ ! -s "$tmp/err" ]'

# the same with SIGPIPE ignored by the parent: EPIPE must still stop it
( trap '' PIPE; "$jaen" segment < "$tmp/big.md" 2> "$tmp/err" | head -1 > /dev/null
  echo "${PIPESTATUS[0]}" > "$tmp/st" )
st=$(cat "$tmp/st")
check "with SIGPIPE ignored the status is 141 or 0 (got $st)" '[ "$st" = 141 ] || [ "$st" = 0 ]'
check "with SIGPIPE ignored stderr is empty" '[ ! -s "$tmp/err" ]'

# > /dev/full: non-zero with a message
if [ -w /dev/full ]; then
    "$jaen" segment < "$tmp/big.md" > /dev/full 2> "$tmp/err"
    st=$?
    check "> /dev/full exits 2 (got $st)" '[ "$st" = 2 ]'
    check "> /dev/full says why" 'grep -q "No space left" "$tmp/err"'
fi

# a missing file is reported, the others are still processed
"$jaen" segment "$tmp/nope.md" "$src/corpus/2025/01/31_みどり野市.md" > "$tmp/out" 2> "$tmp/err"
st=$?
check "a missing file gives status 2 (got $st)" '[ "$st" = 2 ]'
check "a missing file is named" 'grep -q "nope.md" "$tmp/err"'
check "the other file is still segmented" '[ "$(wc -l < "$tmp/out")" = 1 ]'

# a 50 MB line with no sentence break: completes, bounded chunks, invariants
python3 - "$tmp/long.txt" <<'PY'
import sys
unit = "不正アクセスによる情報漏えいの可能性があり、"   # no 。 anywhere
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write(unit * (50_000_000 // len(unit.encode())))
PY
/usr/bin/time -f "%M" -o "$tmp/rss" "$jaen" segment --input text "$tmp/long.txt" > "$tmp/long.jsonl"
st=$?
check "the 50 MB line is segmented (status $st)" '[ "$st" = 0 ]'
rss=$(cat "$tmp/rss")
echo "peak RSS for a 50 MB line: $rss KiB"
[ -n "${JAEN_SANITIZED:-}" ] || check "peak RSS under 2 GiB" '[ "$rss" -lt 2097152 ]'
python3 - "$tmp/long.jsonl" <<'PY' || fail=1
import json, sys
d = json.loads(open(sys.argv[1], encoding="utf-8").readline())
longest = max(s["end"] - s["start"] for s in d["sentences"])
print(f"{len(d['text'])} code points, {len(d['sentences'])} sentences, "
      f"longest {longest}")
assert longest <= 65536, "a sentence is longer than one chunk"
PY
python3 "$src/scripts/check-stream.py" "$tmp/long.jsonl" || fail=1
exit $fail

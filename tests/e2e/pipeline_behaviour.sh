#!/usr/bin/env bash
# pipeline_behaviour.sh JAEN SRC BUILD: every stage as a Unix filter.
#
# For each stage that `jaen --help` lists:
#  - behind `| head -1` it stops without a word on stderr and exits 141
#    (SIGPIPE) or 0, both with SIGPIPE at its default and with SIGPIPE
#    ignored by the parent (git's check_pipe idiom must still end it);
#  - with stdout on /dev/full it exits 2 with a message, both for an output
#    larger than any buffer and for one small record (caught only when
#    stdout is flushed and closed).
# Source stages read corpus/ from stdin; JSONL stages read the corpus
# through segment | normalize | gloss, with an English text on every
# sentence as an engine would give, repeated until
# the output is far larger than a pipe buffer.
set -uo pipefail
jaen=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
err() { echo "FAIL: $*"; fail=1; }

stages=$("$jaen" --help | sed -n '/^Stages:/,/^$/p' | awk 'NR>1 && NF {print $1}')
[ -n "$stages" ] || { echo "no stages in jaen --help"; exit 1; }
extra() { case $1 in translate) echo "--offline --cache $tmp/tm.sqlite" ;; esac; }

# inputs: archive Markdown on stdin, and a rich JSONL stream
shopt -s globstar nullglob
mds=("$src"/corpus/**/*.md)
[ ${#mds[@]} -gt 0 ] || { echo "no corpus/ samples"; exit 1; }
for i in 1 2 3 4; do cat "${mds[@]}"; done > "$tmp/in.md"
# English for every sentence, as an engine would give, so that the stages
# after translate (record, dataset, check) have work to do
"$jaen" segment "${mds[@]}" 2>/dev/null | "$jaen" normalize | "$jaen" gloss \
  | python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    for i, s in enumerate(d.get("sentences", [])):
        s["en"] = "English sentence %d." % i
        s["en_source"] = "deepl"
    print(json.dumps(d, ensure_ascii=False, separators=(",", ":")))' > "$tmp/one.jsonl"
[ -s "$tmp/one.jsonl" ] || { echo "could not build the JSONL input"; exit 1; }
for i in $(seq 20); do cat "$tmp/one.jsonl"; done > "$tmp/in.jsonl"
head -1 "$tmp/one.jsonl" > "$tmp/small.jsonl"
head -c 2000 "${mds[0]}" > "$tmp/small.md"

for s in $stages; do
  if "$jaen" "$s" --help | grep -q -- '--input MODE'; then
    big=$tmp/in.md small=$tmp/small.md
  else
    big=$tmp/in.jsonl small=$tmp/small.jsonl
  fi
  # shellcheck disable=SC2046
  args=($(extra "$s"))

  # behind head -1: SIGPIPE default, then SIGPIPE ignored by the parent
  for how in default ignored; do
    if [ $how = ignored ]; then trap_cmd="trap '' PIPE;"; else trap_cmd=""; fi
    timeout 120 bash -c "$trap_cmd"' exec "$@"' _ "$jaen" "$s" "${args[@]}" \
        < "$big" 2> "$tmp/err" | head -1 > "$tmp/first"
    rc=${PIPESTATUS[0]}
    if [ "$rc" != 141 ] && [ "$rc" != 0 ]; then
      err "$s | head -1 (SIGPIPE $how): exit $rc, want 141 or 0"
      head -5 "$tmp/err"
    fi
    if [ -s "$tmp/err" ] && grep -v "^jaen $s: .*:[0-9]*: " "$tmp/err" | grep -q .; then
      # per-record diagnostics before the pipe closed are allowed; nothing else
      err "$s | head -1 (SIGPIPE $how): wrote to stderr:"; head -5 "$tmp/err"
    fi
    [ -s "$tmp/first" ] || err "$s | head -1 (SIGPIPE $how): no first line"
  done

  # a full disk, with a big and a one-record output
  for input in "$big" "$small"; do
    timeout 120 "$jaen" "$s" "${args[@]}" < "$input" > /dev/full 2> "$tmp/err"
    rc=$?
    if [ "$rc" != 2 ]; then
      err "$s > /dev/full ($(basename "$input")): exit $rc, want 2"
    elif ! grep -q "^jaen $s: .*\(No space\|stdout\|write\)" "$tmp/err"; then
      err "$s > /dev/full ($(basename "$input")): no message:"; head -3 "$tmp/err"
    fi
  done
  echo "$s: head -1 and /dev/full checked"
done
exit $fail

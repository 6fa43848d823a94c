#!/usr/bin/env bash
# oom.sh JAEN SRC BUILD: allocation failure, each allocation in turn.
#
# pipeline/main.c has a test hook: JAEN_FAIL_ALLOC=N makes the Nth
# allocation of libjaen and jansson, and every later one, fail (alloc.h's
# jaen_alloc_fail_at); N = 0 only counts them.  ICU, SQLite and libcurl
# allocate on their own and are not covered.  For every stage on one small
# document (--jobs 1: the counter is not thread-safe), each N from 1 to the
# count must give, with no signal and no sanitizer report (so no leak in
# the ASan build):
#   exit 0 with exactly the normal output (a failure may not pass silently),
#   exit 1 with one record out per record in and an "error" record, or
#   exit 2 with a message on stderr.
# A stage with more than JAEN_OOM_MAX allocations (default 150; 40 under
# sanitizers, JAEN_SANITIZED=1, for the CI time budget) is tested at that
# many points spread evenly over its count; JAEN_OOM_MAX=0 tests all.
# JAEN_OOM_STAGES="a b" limits the run to those stages.
set -uo pipefail
jaen=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ "${JAEN_SANITIZED:-0}" = 1 ]; then max=${JAEN_OOM_MAX:-40}; else max=${JAEN_OOM_MAX:-150}; fi
fail=0

cat > "$tmp/doc.md" <<'EOF'
# 公表概要

- 架空データ株式会社
- 不正アクセスに関するお知らせ
- 2025年3月11日

# 本文

2025年3月1日午前10時頃、当社サーバへの不正アクセスを確認しました。
約1,200件の個人情報が漏えいした可能性があります。
現時点で二次被害は確認されておりません。
EOF
"$jaen" segment "$tmp/doc.md" | "$jaen" normalize | "$jaen" gloss | python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    for i, s in enumerate(d["sentences"]):
        s["en"] = "Sentence %d." % i
        s["en_source"] = "deepl"
    print(json.dumps(d, ensure_ascii=False, separators=(",", ":")))' > "$tmp/doc.jsonl"
# a second record, so that a failure on the first must not lose the second
cat "$tmp/doc.jsonl" "$tmp/doc.jsonl" > "$tmp/two.jsonl"

stages=${JAEN_OOM_STAGES:-$("$jaen" --help | sed -n '/^Stages:/,/^$/p' | awk 'NR>1 && NF {print $1}')}
total=0
for s in $stages; do
  args=(--jobs 1)
  [ "$s" = translate ] && args+=(--offline --cache "$tmp/tm.sqlite")
  if "$jaen" "$s" --help | grep -q -- '--input MODE'; then
    in="$tmp/doc.md"; nin=1
  else
    in="$tmp/two.jsonl"; nin=2
  fi
  JAEN_FAIL_ALLOC=0 "$jaen" "$s" "${args[@]}" "$in" > "$tmp/ref" 2> "$tmp/referr"
  refrc=$?
  count=$(sed -n 's/^jaen: JAEN_FAIL_ALLOC: \([0-9]*\) allocations$/\1/p' "$tmp/referr")
  if [ -z "$count" ] || [ "$count" -eq 0 ]; then
    echo "FAIL $s: no allocation count (exit $refrc)"; cat "$tmp/referr"; fail=1; continue
  fi
  step=1
  if [ "$max" -gt 0 ] && [ "$count" -gt "$max" ]; then step=$(( (count + max - 1) / max )); fi
  bad=0 runs=0 n0=0 n1=0 n2=0
  for ((n = 1; n <= count; n += step)); do
    JAEN_FAIL_ALLOC=$n "$jaen" "$s" "${args[@]}" "$in" > "$tmp/out" 2> "$tmp/err"
    rc=$?
    runs=$((runs + 1))
    why=""
    if [ $rc -ge 128 ]; then
      why="killed by signal $((rc - 128))"
    elif grep -q "Sanitizer\|runtime error:" "$tmp/err"; then
      why="sanitizer report"
    elif [ $rc = 0 ]; then
      n0=$((n0 + 1))
      cmp -s "$tmp/out" "$tmp/ref" || why="exit 0 but the output differs from a normal run"
    elif [ $rc = 1 ]; then
      n1=$((n1 + 1))
      if [ "$(grep -c '' "$tmp/out")" != "$nin" ] && [ -s "$tmp/ref" ] \
         && [ "$(grep -c '' "$tmp/ref")" = "$nin" ]; then
        why="exit 1 with $(grep -c '' "$tmp/out") records out for $nin in"
      elif ! grep -q '"error"' "$tmp/out" && [ "$(grep -c '' "$tmp/ref")" = "$nin" ]; then
        why="exit 1 without an error record"
      fi
    elif [ $rc = 2 ]; then
      n2=$((n2 + 1))
      grep -v '^jaen: JAEN_FAIL_ALLOC' "$tmp/err" | grep -q . || why="exit 2 without a message"
    else
      why="exit $rc"
    fi
    if [ -n "$why" ]; then
      bad=$((bad + 1))
      if [ $bad -le 3 ]; then
        echo "FAIL $s: allocation $n of $count failing: $why"
        echo "  (JAEN_FAIL_ALLOC=$n $jaen $s ${args[*]} $in)"
        grep -v '^jaen: JAEN_FAIL_ALLOC' "$tmp/err" | head -c 1500
      fi
    fi
  done
  total=$((total + runs))
  printf '%-10s %5d allocations, %4d runs (every %d): exit 0 %d, 1 %d, 2 %d; %d failed\n' \
    "$s" "$count" "$runs" "$step" "$n0" "$n1" "$n2" "$bad"
  [ $bad -eq 0 ] || fail=1
done
echo "$total runs"
exit $fail

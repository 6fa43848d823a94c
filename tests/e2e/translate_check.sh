#!/usr/bin/env bash
# Issue 6: after translation, `jaen check` finds 0 number mismatches and 0
# missing terms.  The test corpus is corpus/ through segment, normalize and
# gloss, translated by each engine of the fault server on loopback (which
# keeps every placeholder), then checked.
. "$2/tests/mt/lib.bash" "$@"
find "$SRC/corpus" -name '*.md' ! -name README.md -print0 | sort -z \
  | xargs -0 "$JAEN" segment | "$JAEN" normalize | "$JAEN" gloss > "$T/in.jsonl" \
  || fail "building the input"
start_server
for engine in deepl libre openai; do
    rm -f "$T/tm.sqlite"
    run_tr "$engine"
    [ "$RC" = 0 ] || fail "$engine: translate exited $RC"
    "$JAEN" check --format json < "$T/out.jsonl" > "$T/findings.jsonl" 2> "$T/err"
    st=$?
    python3 - "$T/findings.jsonl" "$engine" <<'PY' || fail "$engine: check found faults"
import collections, json, sys
totals = None
for line in open(sys.argv[1], encoding="utf-8"):
    f = json.loads(line)
    if "totals" in f:
        totals = f["totals"]
print(sys.argv[2], totals)
sys.exit(0 if totals and totals["sentences"] > 0
         and totals["number_mismatch"] == 0 and totals["term_missing"] == 0
         else 1)
PY
    echo "$engine: check exit $st"
done
stop_server

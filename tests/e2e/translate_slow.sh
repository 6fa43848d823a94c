#!/bin/bash
# A slow drip.  (1) One byte every 5 s trips the low-speed limit (1 B/s
# over JAEN_MT_LOW_SPEED_TIME=1 s; libcurl averages over a few seconds, so
# the abort comes after about 7 s); the retry succeeds.  (2) A drip fast
# enough for the low-speed check (a byte every 0.3 s) is cut by the
# whole-request timeout, here JAEN_MT_TIMEOUT=2.
. "$2/tests/mt/lib.bash" "$@"
for engine in deepl libre openai; do
    start_server --fault slow --times 1 --drip 5
    start=$(date +%s)
    run_tr "$engine"
    took=$(( $(date +%s) - start ))
    [ "$RC" -eq 0 ] || fail "$engine: exit $RC"
    [ "$took" -le 15 ] || fail "$engine: took $took s"
    check_all_translated
    check 'assert "1 retries" in err, err'
    echo "$engine: slow drip -> 1 retry, ${took}s"
done
start_server --fault slow --times 1 --drip 0.3
rm -f "$T/tm.sqlite"
start=$(date +%s)
JAEN_MT_TIMEOUT=2 run_tr deepl
took=$(( $(date +%s) - start ))
[ "$RC" -eq 0 ] || fail "total timeout: exit $RC"
[ "$took" -le 6 ] || fail "total timeout: took $took s"
check_all_translated
check 'assert "1 retries" in err, err'
echo "deepl: trickle cut by the 2 s request timeout -> 1 retry, ${took}s"

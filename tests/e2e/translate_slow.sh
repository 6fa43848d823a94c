#!/bin/bash
# A slow drip: the answer, status line first, one byte at a time.
# (1) DeepL: a byte every 2 s trips the low-speed limit (1 B/s over
# JAEN_MT_LOW_SPEED_TIME=1 s; libcurl averages upload and download speed
# over about 5 s, so the abort comes after 6-8 s); the retry succeeds.
# (2) Every engine: a drip fast enough for the low-speed check (a byte
# every 0.3 s) is cut by the whole-request timeout, JAEN_MT_TIMEOUT=2.
. "$2/tests/mt/lib.bash" "$@"
start_server --fault slow --times 1 --drip 2
start=$(date +%s)
run_tr deepl
took=$(( $(date +%s) - start ))
[ "$RC" -eq 0 ] || fail "low speed: exit $RC"
[ "$took" -le 14 ] || fail "low speed: took $took s"
check_all_translated
check 'assert "1 retries" in err, err'
echo "deepl: 1 B/2 s cut by the low-speed limit -> 1 retry, ${took}s"
for engine in deepl libre openai; do
    start_server --fault slow --times 1 --drip 0.3
    rm -f "$T/tm.sqlite"
    start=$(date +%s)
    JAEN_MT_TIMEOUT=2 run_tr "$engine"
    took=$(( $(date +%s) - start ))
    [ "$RC" -eq 0 ] || fail "$engine: exit $RC"
    [ "$took" -le 8 ] || fail "$engine: took $took s"
    check_all_translated
    check 'assert "1 retries" in err, err'
    echo "$engine: trickle cut by the 2 s request timeout -> 1 retry, ${took}s"
done

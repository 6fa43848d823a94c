#!/bin/bash
# 429 with Retry-After: retried, Retry-After honoured and clamped, nothing
# lost.  Retry-After 100 s is clamped to 60 s, then scaled by
# JAEN_MT_BACKOFF_SCALE=0.01: the retry waits 0.6 s, far more than the
# plain backoff (0.01 s) and less than the unclamped 1 s.
. "$2/tests/mt/lib.bash" "$@"
for engine in deepl libre openai; do
    start_server --fault 429 --times 2 --retry-after 100
    run_tr "$engine"
    [ "$RC" -eq 0 ] || fail "$engine: exit $RC"
    check_all_translated
    check '
assert [r["fault"] for r in reqs[:3]] == ["429", "429", None], reqs[:3]
for i in (1, 2):
    gap = reqs[i]["t"] - reqs[i - 1]["t"]
    assert 0.5 <= gap < 0.95, ("Retry-After not honoured/clamped", gap)
assert "2 retries" in err, err
'
    echo "$engine: $(nreq) requests, 2 retries"
done

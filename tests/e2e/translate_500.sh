#!/bin/bash
# 500 (JSON and plain-text bodies) and 503: retried with backoff; when the
# retries run out, only the sentences of that request fail.
. "$2/tests/mt/lib.bash" "$@"
for engine in deepl libre openai; do
    start_server --fault 500 --times 2
    run_tr "$engine"
    [ "$RC" -eq 0 ] || fail "$engine: exit $RC"
    check_all_translated
    check 'assert "2 retries" in err, err'

    start_server --fault notjson500 --times 1
    run_tr "$engine"
    [ "$RC" -eq 0 ] || fail "$engine: plain-text 500: exit $RC"
    check_all_translated

    # 6 failures in a row: 1 attempt + 5 retries, then request 1 gives up.
    start_server --fault 503 --times 6
    rm -f "$T/tm.sqlite"
    run_tr "$engine"
    [ "$RC" -eq 1 ] || fail "$engine: retries exhausted: exit $RC"
    check '
assert len(docs) == 3 and len(sents) == 68
failed = [s for s in sents if "error" in s]
assert all("en" not in s for s in failed)
assert all("HTTP 503" in s["error"] for s in failed), failed[0]
assert all(s["doc"] == "a.md" for s in failed), failed
# what request 1 carried: a.md, all but the phrase (deepl, libre batch it)
# or its first sentence (openai, one per request)
assert len(failed) == (1 if reqs[0]["engine"] == "openai" else 4), failed
assert sum(1 for r in reqs if r["fault"]) == 6
assert "5 retries" in err, err
'
    echo "$engine: 6 x 503 -> 5 retries, one request failed"
done

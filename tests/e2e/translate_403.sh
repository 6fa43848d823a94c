#!/bin/bash
# 403 (a bad key) stops the run for each engine, naming the variable to fix.
. "$2/tests/mt/lib.bash" "$@"
for engine in deepl libre openai; do
    start_server --fault 403 --times 1000
    run_tr "$engine"
    [ "$RC" -eq 2 ] || fail "$engine: exit $RC, want 2"
    check '
assert len(docs) == 3 and len(sents) == 68
assert len(reqs) == 1, len(reqs)
assert "HTTP 403" in err, err
assert ("DEEPL_AUTH_KEY" in err or "OPENAI_API_KEY" in err
        or "LIBRETRANSLATE_API_KEY" in err), err
assert sum(1 for s in sents if "error" in s) == 67
'
    echo "$engine: 403 -> 1 request, exit 2"
done

#!/bin/bash
# Connection resets (RST right after the request) are retried.
. "$2/tests/mt/lib.bash" "$@"
for engine in deepl libre openai; do
    start_server --fault reset --times 2
    run_tr "$engine"
    [ "$RC" -eq 0 ] || fail "$engine: exit $RC"
    check_all_translated
    check 'assert "2 retries" in err, err'
    echo "$engine: 2 resets -> 2 retries"
done

#!/bin/bash
# A body over the response cap (JAEN_MT_MAX_RESPONSE=1 MiB; the server offers 64 MiB) fails only the sentences of that request: no retry, the run goes on
# and exits 1.
. "$2/tests/mt/lib.bash" "$@"
bad_body huge

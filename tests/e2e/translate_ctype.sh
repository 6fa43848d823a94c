#!/bin/bash
# A 200 answer with Content-Type text/html fails only the sentences of that request: no retry, the run goes on
# and exits 1.
. "$2/tests/mt/lib.bash" "$@"
bad_body ctype

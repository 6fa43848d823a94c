#!/bin/bash
# Truncated JSON (a complete HTTP answer, half a JSON document) fails only the sentences of that request: no retry, the run goes on
# and exits 1.
. "$2/tests/mt/lib.bash" "$@"
bad_body truncated

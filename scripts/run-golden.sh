#!/usr/bin/env bash
# Golden tests through the real binary (jq.test, MeCab test.gld style).
#
#   scripts/run-golden.sh JAEN DIR
#
# DIR holds cases: CASE.args (one argument per line; optional), CASE.in
# (standard input; optional, else /dev/null), CASE.out (expected standard
# output), CASE.status (expected exit status; optional, default 0).  Cases
# run from the source tree's root, so arguments can name corpus/ files.
# With UPDATE=1 the .out and .status files are rewritten from the actual
# output instead: review the diff before committing.
set -u
jaen=$1
dir=$2
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
pass=0
fail=0
for out in "$dir"/*.out; do
    [ -e "$out" ] || continue
    case=${out%.out}
    name=$(basename "$case")
    args=()
    if [ -f "$case.args" ]; then
        while IFS= read -r line || [ -n "$line" ]; do
            args+=("$line")
        done < "$case.args"
    fi
    input=/dev/null
    [ -f "$case.in" ] && input=$case.in
    want_status=0
    [ -f "$case.status" ] && want_status=$(cat "$case.status")
    actual=$(mktemp)
    "$jaen" "${args[@]}" < "$input" > "$actual" 2> "$actual.err"
    status=$?
    if [ "${UPDATE:-}" = 1 ]; then
        cp "$actual" "$out"
        [ "$status" = 0 ] && rm -f "$case.status" || echo "$status" > "$case.status"
        pass=$((pass + 1))
    elif [ "$status" != "$want_status" ]; then
        echo "FAIL $name: exit status $status, expected $want_status"
        sed 's/^/  stderr: /' "$actual.err" | head -5
        fail=$((fail + 1))
    elif ! cmp -s "$actual" "$out"; then
        echo "FAIL $name: output differs"
        diff "$out" "$actual" | head -10
        fail=$((fail + 1))
    else
        pass=$((pass + 1))
    fi
    rm -f "$actual" "$actual.err"
done
echo "golden $(basename "$dir"): $pass passed, $fail failed"
[ "$fail" = 0 ] && [ "$pass" -gt 0 ]

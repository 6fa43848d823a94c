#!/bin/bash
# The API key: never in argv, stdout, stderr, the cache or the TMX; a config
# file readable by others is refused; no key at all is explained.
. "$2/tests/mt/lib.bash" "$@"
no_key_anywhere() {
    for f in "$T"/out.jsonl "$T"/err "$T"/tm.sqlite* "$T"/tm.tmx; do
        [ -e "$f" ] || continue
        if grep -aqF -- "$KEY" "$f"; then fail "key found in $f"; fi
    done
}

# Nothing configured: exit 2 and say what to set.
"$JAEN" translate < "$T/in.jsonl" > "$T/out.jsonl" 2> "$T/err"
[ $? -eq 2 ] || fail "no engine: want exit 2"
grep -q DEEPL_AUTH_KEY "$T/err" && grep -q -- --offline "$T/err" \
    && grep -q "config/jaen/config" "$T/err" && grep -q "libre|openai" "$T/err" || fail "no explanation"

# A config file others can read is refused, without echoing it.
mkdir -p "$HOME/.config/jaen"
printf '# keys\nDEEPL_AUTH_KEY = %s\n' "$KEY" > "$HOME/.config/jaen/config"
chmod 644 "$HOME/.config/jaen/config"
start_server
"$JAEN" translate --engine deepl --endpoint "http://127.0.0.1:$PORT" \
    --cache "$T/tm.sqlite" < "$T/in.jsonl" > "$T/out.jsonl" 2> "$T/err"
[ $? -eq 2 ] || fail "0644 config: want exit 2"
grep -q "chmod 600" "$T/err" || fail "no chmod advice"
no_key_anywhere
[ "$(nreq)" -eq 0 ] || fail "requests with a refused config"

# Mode 0600: used.  While the request hangs on a slow drip, look at the
# process: the key is not in its argv (/proc and ps).
chmod 600 "$HOME/.config/jaen/config"
start_server --fault slow --times 1 --drip 0.3
JAEN_MT_TIMEOUT=3 "$JAEN" translate --engine deepl --endpoint "http://127.0.0.1:$PORT" \
    --cache "$T/tm.sqlite" --export-tmx "$T/tm.tmx" \
    < "$T/in.jsonl" > "$T/out.jsonl" 2> "$T/err" &
pid=$!
sleep 1.5
[ -r "/proc/$pid/cmdline" ] || fail "translate ended too early"
tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$KEY" && fail "key in argv"
tr '\0' '\n' < "/proc/$pid/environ" | grep -qF -- "$KEY" \
    && fail "key in the environment though it came from the config file"
if command -v ps > /dev/null; then
    ps -ww -o args= -p "$pid" | grep -qF -- "$KEY" && fail "key in ps"
fi
wait "$pid" || fail "config-file run failed"
check 'assert all("en" in s for s in sents)
assert all(r["auth_ok"] for r in reqs)'
no_key_anywhere
echo "deepl: key from a 0600 config file; not in argv, outputs or cache"

# From the environment, for each engine, also through a refusal (403).
rm -f "$HOME/.config/jaen/config"
for engine in deepl libre openai; do
    for fault in none 403; do
        rm -f "$T"/tm.sqlite*
        if [ "$fault" = none ]; then start_server
        else start_server --fault 403 --times 99; fi
        run_tr "$engine"
        no_key_anywhere
        "$JAEN" translate --offline --cache "$T/tm.sqlite" \
            --export-tmx "$T/tm.tmx" < /dev/null > /dev/null 2>&1
        no_key_anywhere
    done
    echo "$engine: key from the environment; never written anywhere"
done

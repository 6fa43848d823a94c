#!/bin/bash
# The translation memory: a second run makes 0 requests, --offline uses
# only the TM and the fixed phrases, the key covers the glossary version,
# the default cache is created 0600, and the TM exports as TMX.
. "$2/tests/mt/lib.bash" "$@"
start_server
run_tr deepl
[ "$RC" -eq 0 ] || fail "first run: exit $RC"
check_all_translated
first=$(nreq)
cp "$T/out.jsonl" "$T/first.jsonl"
run_tr deepl
[ "$RC" -eq 0 ] || fail "second run: exit $RC"
[ "$(nreq)" -eq "$first" ] || fail "second run made $(( $(nreq) - first )) requests"
cmp -s "$T/out.jsonl" "$T/first.jsonl" && fail "en_source should say tm now"
check '
assert len(sents) == 68
assert all(s["en_source"] in ("tm", "phrase") for s in sents)
first = [json.loads(l) for l in open(sys.argv[1].replace("out.jsonl", "first.jsonl"))]
assert [s["en"] for d in first for s in d["sentences"]] == \
       [s["en"] for s in sents]
assert "0 requests" in err
'
echo "deepl: first run $first requests, second run 0"

# The glossary version is part of the key: a new version asks again.
# --progress shows the progress line and the counters.
run_tr deepl --glossary-version v2 --progress
[ "$(nreq)" -eq $(( first * 2 )) ] || fail "new glossary version: $(nreq)"
check '
import re
assert re.search(r"jaen translate: \d+/\d+ sentences, \d+ requests, \d+ cache "
                 r"hits, \d+ retries", err), err
assert "68 sentences: 1 phrase, 3 tm, 64 translated" in err, err
'

stop_server
# Offline, with and without the engine's name; no server, no key.
for args in "--engine deepl" ""; do
    "$JAEN" translate --offline $args --cache "$T/tm.sqlite" \
        < "$T/in.jsonl" > "$T/out.jsonl" 2> "$T/err"
    [ $? -eq 0 ] || fail "offline $args: exit"
    check 'assert all(s["en_source"] in ("tm", "phrase") for s in sents)'
done
# A sentence the TM has never seen fails offline; the rest is served.
sed 's/調査を継続しています。/調査を完了しています。/g' "$T/in.jsonl" \
    > "$T/in2.jsonl"
"$JAEN" translate --offline --cache "$T/tm.sqlite" < "$T/in2.jsonl" \
    > "$T/out.jsonl" 2> "$T/err"
[ $? -eq 1 ] || fail "offline with new sentences: want exit 1"
check '
failed = [s for s in sents if "error" in s]
assert len(failed) == 60 and all("offline" in s["error"] for s in failed)
assert len([s for s in sents if "en" in s]) == 8
'
echo "offline: TM and phrases only; 60 unseen sentences failed, 8 served"

# TMX 1.4b export: well-formed, one <tu> per TM entry.
"$JAEN" translate --offline --cache "$T/tm.sqlite" --export-tmx "$T/tm.tmx" \
    < /dev/null > /dev/null 2> "$T/err" || fail "export"
python3 - "$T/tm.tmx" <<'PY' || fail "TMX"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "tmx" and root.get("version") == "1.4"
assert root.find("header").get("srclang") == "ja"
tus = root.find("body").findall("tu")
assert len(tus) == 128, len(tus)    # 64 sentences x 2 glossary versions
segs = [tuv.find("seg").text for tuv in tus[0].findall("tuv")]
assert len(segs) == 2 and segs[0] and segs[1]
assert any("A&B <test>" in (t.findall("tuv")[1].find("seg").text or "")
           for t in tus)
PY
echo "TMX: 128 translation units"

# The default cache: ~/.cache/jaen/tm.sqlite, 0600 in a 0700 directory.
start_server
env DEEPL_AUTH_KEY="$KEY" "$JAEN" translate --engine deepl \
    --endpoint "http://127.0.0.1:$PORT" < "$T/in.jsonl" > /dev/null 2>&1 \
    || fail "default cache run"
[ "$(stat -c %a "$HOME/.cache/jaen/tm.sqlite")" = 600 ] || fail "cache mode"
[ "$(stat -c %a "$HOME/.cache/jaen")" = 700 ] || fail "cache dir mode"
echo "default cache: ~/.cache/jaen/tm.sqlite, mode 600"

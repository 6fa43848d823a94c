#!/usr/bin/env bash
# jaen dataset --format tmx passes xmllint --valid against the TMX 1.4b DTD
# (tests/tmx/tmx14.dtd, from the published specification), on the
# hand-written stream (markup characters, a control character, quotes) and
# on an empty stream; the same structure is checked in Python (the seven
# required header attributes, tu > tuv[xml:lang] > seg) so that the test
# means something where xmllint is missing.  A header without an attribute
# must fail the DTD, or the check is not checking.
set -u
jaen=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
cp "$src/tests/tmx/tmx14.dtd" "$tmp/"

python3 - "$src/tests/stages/dataset/hf.in" "$tmp/in.jsonl" <<'EOF'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().rstrip("\n").split("\n")
d = json.loads(lines[0])
d["id"] = "ctl<&>\"'"
d["sentences"][0]["en"] = "bell\u0007 and tab\t & ]]> <x/>"
open(sys.argv[2], "w", encoding="utf-8").write(
    "\n".join(lines + [json.dumps(d, ensure_ascii=False)]) + "\n")
EOF
"$jaen" dataset --format tmx < "$tmp/in.jsonl" > "$tmp/a.tmx" || fail=1
"$jaen" dataset --format tmx < /dev/null > "$tmp/empty.tmx" || fail=1

structural() {
    python3 - "$1" <<'EOF'
import sys
import xml.etree.ElementTree as ET
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "tmx" and root.get("version") == "1.4", "root"
header, body = list(root)
need = ["creationtool", "creationtoolversion", "segtype", "o-tmf",
        "adminlang", "srclang", "datatype"]
for a in need:
    assert header.get(a), f"header lacks {a}"
assert header.get("segtype") in ("block", "paragraph", "sentence", "phrase")
assert body.tag == "body"
for tu in body:
    assert tu.tag == "tu", tu.tag
    tuvs = list(tu)
    assert tuvs and all(t.tag == "tuv" and t.get(XML_LANG) for t in tuvs)
    assert [t.get(XML_LANG) for t in tuvs] == ["ja", "en"]
    for t in tuvs:
        assert [s.tag for s in t] == ["seg"], "tuv holds one seg"
        assert len(list(t[0])) == 0, "level 1: plain text"
print(f"structure ok: {len(list(body))} tu")
EOF
}

for f in a empty; do
    structural "$tmp/$f.tmx" || { echo "FAIL: $f.tmx structure"; fail=1; }
done
if command -v xmllint > /dev/null; then
    for f in a empty; do
        (cd "$tmp" && xmllint --noout --valid "$f.tmx") \
            || { echo "FAIL: $f.tmx is not valid TMX 1.4b"; fail=1; }
    done
    sed 's/ o-tmf="[^"]*"//' "$tmp/a.tmx" > "$tmp/broken.tmx"
    if (cd "$tmp" && xmllint --noout --valid broken.tmx 2> /dev/null); then
        echo "FAIL: the DTD accepts a header without o-tmf"
        fail=1
    fi
else
    echo "xmllint not installed: structural check only"
fi
exit $fail

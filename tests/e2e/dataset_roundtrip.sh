#!/usr/bin/env bash
# jaen dataset: for hf, tmx and moses, reading the output back gives exactly
# the pairs of the stream (every sentence with "en", in order, ids and
# text byte for byte, escapes undone), and every hf term span points at its
# text on both sides: translation.ja[ja_span] is the term's Japanese,
# translation.en[en_span] its glossary English (case aside), and en_span is
# null only when that English is not in the sentence.  Inputs: the
# hand-written stream of tests/stages/dataset (escapes, repeated terms, an
# untranslated sentence, an error record), sentences that fixed phrases
# translate, and ../shared/corpus through translate --offline when present.
set -u
jaen=$1
src=$2
build=$3
export JAEN_DICT=$build/dict/jaen.dict
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

cp "$src/tests/stages/dataset/hf.in" "$tmp/in.jsonl"
printf '%s\n' '2025年3月10日、当社グループにおいてランサムウェア被害の発生が確認されました。' \
    '上記に該当する1,198名のお客様については、別途、電子メールにて個別にご連絡申し上げます。' \
    '詳細は現在調査中です。' > "$tmp/doc.txt"
"$jaen" segment --input text "$tmp/doc.txt" | "$jaen" normalize \
    | "$jaen" gloss | "$jaen" translate --offline --cache "$tmp/tm.sqlite" \
    >> "$tmp/in.jsonl"
corpus=$src/../shared/corpus
if [ -d "$corpus" ]; then
    find "$corpus" -name '*.md' -print0 | sort -z | xargs -0 "$jaen" segment \
        | "$jaen" normalize | "$jaen" gloss \
        | "$jaen" translate --offline --cache "$tmp/tm.sqlite" \
        >> "$tmp/in.jsonl" 2> /dev/null
fi

"$jaen" dataset --format hf < "$tmp/in.jsonl" > "$tmp/out.hf" 2> "$tmp/err" \
    || { echo "FAIL: hf"; cat "$tmp/err"; fail=1; }
"$jaen" dataset --format tmx < "$tmp/in.jsonl" > "$tmp/out.tmx" 2> "$tmp/err" \
    || { echo "FAIL: tmx"; fail=1; }
"$jaen" dataset --format moses --output "$tmp/out" < "$tmp/in.jsonl" \
    > "$tmp/moses.stdout" 2> "$tmp/err" || { echo "FAIL: moses"; fail=1; }
[ -s "$tmp/moses.stdout" ] && { echo "FAIL: moses wrote to stdout"; fail=1; }

python3 - "$tmp" <<'EOF' || fail=1
import html, json, re, sys
import xml.etree.ElementTree as ET
tmp = sys.argv[1]
want, terms_of = [], {}
for line in open(f"{tmp}/in.jsonl", encoding="utf-8"):
    d = json.loads(line)
    for i, s in enumerate(d.get("sentences") or []):
        if s.get("en"):
            pid = f"{d['id']}#{i}"
            want.append((pid, d["text"][s["start"]:s["end"]], s["en"]))
            terms_of[pid] = [t for t in d.get("terms") or []
                             if t["start"] >= s["start"]
                             and t["end"] <= s["end"]]
bad = 0
def same(fmt, got):
    global bad
    if got != want:
        bad += 1
        for k, (g, w) in enumerate(zip(got, want)):
            if g != w:
                print(f"FAIL {fmt}: pair {k}: {g!r} != {w!r}")
                break
        else:
            print(f"FAIL {fmt}: {len(got)} pairs, expected {len(want)}")

# hf
hf = [json.loads(l) for l in open(f"{tmp}/out.hf", encoding="utf-8")]
same("hf", [(r["id"], r["translation"]["ja"], r["translation"]["en"])
            for r in hf])
nterms = nspans = 0
for r in hf:
    ja, en = r["translation"]["ja"], r["translation"]["en"]
    if len(r["terms"]) != len(terms_of[r["id"]]):
        print(f"FAIL hf {r['id']}: {len(r['terms'])} terms, expected "
              f"{len(terms_of[r['id']])}")
        bad += 1
    for t in r["terms"]:
        nterms += 1
        a, b = t["ja_span"]
        if ja[a:b] != t["ja"]:
            print(f"FAIL hf {r['id']}: ja_span {t['ja_span']} is "
                  f"{ja[a:b]!r}, not {t['ja']!r}")
            bad += 1
        word = re.search(r"(?<![A-Za-z0-9])" + re.escape(t["en"]), en,
                         re.IGNORECASE)
        if t["en_span"] is None:
            if word and not re.match(r"[A-Za-z0-9]", en[word.end():]
                                     .removeprefix("es").removeprefix("s")
                                     or " "):
                print(f"FAIL hf {r['id']}: {t['en']!r} is in {en!r} but "
                      f"en_span is null")
                bad += 1
            continue
        nspans += 1
        a, b = t["en_span"]
        if en[a:b].lower() != t["en"].lower():
            print(f"FAIL hf {r['id']}: en_span {t['en_span']} is "
                  f"{en[a:b]!r}, not {t['en']!r}")
            bad += 1

# tmx
root = ET.parse(f"{tmp}/out.tmx").getroot()
got = []
for tu in root.iter("tu"):
    segs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang"):
            tuv.find("seg").text or "" for tuv in tu.iter("tuv")}
    got.append((tu.get("tuid"), segs.get("ja"), segs.get("en")))
same("tmx", got)

# moses: line-aligned, one segment a line, no |, escapes reversible
def unescape(s):
    for e, c in (("&#124;", "|"), ("&#10;", "\n"), ("&#13;", "\r"),
                 ("&#8232;", "\u2028"), ("&#8233;", "\u2029"),
                 ("&amp;", "&")):
        s = s.replace(e, c)
    return s
ja_lines = open(f"{tmp}/out.ja", encoding="utf-8", newline="").read()
en_lines = open(f"{tmp}/out.en", encoding="utf-8", newline="").read()
jl, el = ja_lines.split("\n")[:-1], en_lines.split("\n")[:-1]
if len(jl) != len(el):
    print("FAIL moses: line counts differ")
    bad += 1
if any("|" in l or "\r" in l or "\u2028" in l for l in jl + el):
    print("FAIL moses: a raw | or line break inside a segment")
    bad += 1
same("moses", [(w[0], unescape(j), unescape(e))
               for w, j, e in zip(want, jl, el)])
print(f"dataset_roundtrip: {len(want)} pairs in each of hf, tmx, moses; "
      f"{nterms} terms, {nspans} with an English span, all pointing at "
      f"their text")
sys.exit(1 if bad else 0)
EOF
exit $fail

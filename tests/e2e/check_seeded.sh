#!/usr/bin/env bash
# jaen check on a seeded set: six sentences that fixed phrases translate
# (segment | normalize | gloss | translate --offline) must be clean; then
# each seeded copy of the document breaks one sentence (a changed number, a
# changed date, a dropped term, Japanese left in the English, the English
# identical to the Japanese, an empty target, an untranslated sentence) and
# must give exactly that finding, while harmless rewrites (full-width
# digits, no grouping comma, upper case) must stay clean.
set -u
jaen=$1
src=$2
build=$3
export JAEN_DICT=$build/dict/jaen.dict
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

cat > "$tmp/doc.txt" <<'EOF'
2025年3月10日、当社グループにおいてランサムウェア被害の発生が確認されました。
上記に該当する1,198名のお客様については、別途、電子メールにて個別にご連絡申し上げます。
また、弊社は本件の事態を監督官庁である個人情報保護委員会には2025年3月12日に報告済みです。
現在は外部からのアクセスを遮断する措置を実施済みです。
今後とも何卒よろしくお願い申し上げます。
詳細は現在調査中です。
EOF
"$jaen" segment --input text "$tmp/doc.txt" | "$jaen" normalize \
    | "$jaen" gloss | "$jaen" translate --offline --cache "$tmp/tm.sqlite" \
    > "$tmp/clean.jsonl" || { echo "FAIL: the pipeline failed"; exit 1; }

# clean: every sentence is a fixed phrase, and check finds nothing
python3 - "$tmp/clean.jsonl" <<'EOF' || fail=1
import json, sys
d = json.loads(open(sys.argv[1], encoding="utf-8").readline())
src = [s.get("en_source") for s in d["sentences"]]
if src != ["phrase"] * 6:
    sys.exit(f"FAIL: not all six sentences are fixed phrases: {src}")
EOF
"$jaen" check < "$tmp/clean.jsonl" > "$tmp/clean.out"
st=$?
[ $st = 0 ] || { echo "FAIL: clean input exits $st"; cat "$tmp/clean.out";
                 fail=1; }
grep -q ': 0 findings' "$tmp/clean.out" || { echo "FAIL: clean report";
                                            fail=1; }

# the seeded set: (id, sentence, edit, expected check or "clean")
python3 - "$tmp/clean.jsonl" "$tmp/seeded.jsonl" "$tmp/want.json" <<'EOF'
import json, sys
clean = json.loads(open(sys.argv[1], encoding="utf-8").readline())
def ja(d, i):
    s = d["sentences"][i]
    return d["text"][s["start"]:s["end"]]
seeds = [
    ("number", 1, lambda en, j: en.replace("1,198", "1,189"),
     "number_mismatch"),
    ("date", 0, lambda en, j: en.replace("March 10", "March 11"),
     "number_mismatch"),
    ("year", 2, lambda en, j: en.replace("2025", "2024"), "number_mismatch"),
    ("term", 0, lambda en, j: en.replace("ransomware", "cyber"),
     "term_missing"),
    ("japanese", 3, lambda en, j: en.replace("blocked", "遮断"),
     "untranslated"),
    ("identical", 5, lambda en, j: j, "untranslated"),
    ("empty", 4, lambda en, j: "", "empty_target"),
    ("error", 4, None, "empty_target"),
    ("fullwidth", 1, lambda en, j: en.replace("1,198", "１，１９８"), "clean"),
    ("nocomma", 1, lambda en, j: en.replace("1,198", "1198"), "clean"),
    ("words", 1, lambda en, j: en.replace("1,198", "1.198 thousand"),
     "clean"),
    ("upper", 0, lambda en, j: en.replace("ransomware", "RANSOMWARE"),
     "clean"),
    ("plural", 0, lambda en, j: en.replace("ransomware attack",
                                           "ransomware attacks"), "clean"),
]
want = {}
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for name, i, edit, check in seeds:
        d = json.loads(json.dumps(clean))
        d["id"] = name
        s = d["sentences"][i]
        if edit is None:
            del s["en"], s["en_source"]
            s["error"] = "seeded: not translated"
        else:
            s["en"] = edit(s["en"], ja(d, i))
            if s["en"] == clean["sentences"][i]["en"]:
                sys.exit(f"seed {name} changed nothing")
            s["en_source"] = "deepl"
        want[name] = [i, check]
        out.write(json.dumps(d, ensure_ascii=False) + "\n")
json.dump(want, open(sys.argv[3], "w"))
EOF
"$jaen" check --format json < "$tmp/seeded.jsonl" > "$tmp/found.jsonl"
st=$?
[ $st = 1 ] || { echo "FAIL: seeded faults exit $st, expected 1"; fail=1; }
python3 - "$tmp/want.json" "$tmp/found.jsonl" <<'EOF' || fail=1
import json, sys, collections
want = json.load(open(sys.argv[1]))
found = collections.defaultdict(list)
totals = None
for line in open(sys.argv[2], encoding="utf-8"):
    f = json.loads(line)
    if "totals" in f:
        totals = f["totals"]
    else:
        found[f["id"]].append((f["sentence"], f["check"]))
bad = caught = faults = 0
for name, (i, check) in want.items():
    got = found.get(name, [])
    if check == "clean":
        if got:
            print(f"FAIL {name}: expected clean, found {got}")
            bad += 1
        continue
    faults += 1
    if got == [(i, check)]:
        caught += 1
    else:
        print(f"FAIL {name}: expected [({i}, {check!r})], found {got}")
        bad += 1
print(f"check_seeded: {caught} of {faults} seeded faults caught, "
      f"{sum(1 for c in want.values() if c[1] == 'clean')} clean controls, "
      f"totals {totals}")
sys.exit(1 if bad else 0)
EOF

# usage errors
"$jaen" check --format xml < /dev/null > /dev/null 2>&1
[ $? = 2 ] || { echo "FAIL: a bad --format is not a usage error"; fail=1; }
exit $fail

#!/usr/bin/env bash
# Runs `jaen segment | jaen normalize` over every document of
# ../shared/corpus and checks that every count written with digits and
# 件/名/人 (Arabic or full-width digits, optional 万/千/億 and one space
# before the counter) lies inside a quantity entity.  Prints the share and
# fails below 99%: the corpus reaches 100% today, and the 1% margin is for
# counters that are the start of a word (3名簿, 2人事) which the scanner
# rightly declines.  Skips when ../shared/corpus is absent.
set -u
jaen=$1 src=$2
corpus=$src/../shared/corpus
[ -d "$corpus" ] || { echo "no $corpus: skipped"; exit 77; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
find "$corpus" -name '*.md' -print0 | sort -z |
    xargs -0 "$jaen" segment | "$jaen" normalize > "$out" || exit 1
python3 - "$out" <<'PY'
import json, re, sys
pat = re.compile(r'[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?(?:[ 　]?[万千億])?'
                 r'[ 　]?(件|名|人)')
total = covered = docs = 0
misses = []
for line in open(sys.argv[1], encoding='utf-8'):
    d = json.loads(line)
    docs += 1
    if 'error' in d:
        print('error record:', d['id'], d['error'])
        sys.exit(1)
    text = d['text']
    spans = [(e['start'], e['end']) for e in d['entities']
             if e['type'] == 'quantity']
    for e in d['entities']:
        if not (0 <= e['start'] < e['end'] <= len(text)):
            print('bad offsets', d['id'], e)
            sys.exit(1)
        if text[e['start']:e['end']] != e['surface']:
            print('surface mismatch', d['id'], e)
            sys.exit(1)
    for m in pat.finditer(text):
        total += 1
        if any(s <= m.start() and m.end() <= t for s, t in spans):
            covered += 1
        else:
            misses.append((d['id'], text[max(0, m.start() - 8):m.end() + 4]))
share = covered / total if total else 1.0
print(f'{docs} documents, {covered}/{total} counts covered: {share:.2%}')
for doc, ctx in misses[:20]:
    print('  missed', repr(ctx), 'in', doc)
sys.exit(0 if share >= 0.99 else 1)
PY

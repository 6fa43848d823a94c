#!/usr/bin/env bash
# gloss end to end: the compiled glossary on disk (mmap), the lookup order,
# refusal of damaged files, compiler errors with file:line, exports through
# the CLI, and the corpus coverage figures when ../shared/corpus exists.
set -u
jaen=$1
src=$2
build=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$src" || exit 2
g=tests/stages/gloss

"$jaen" dict compile -o "$tmp/basic.dict" tests/dict/basic.tsv \
    || fail "dict compile"
"$jaen" gloss --dict-path "$tmp/basic.dict" < $g/phrases.in > "$tmp/out" \
    || fail "gloss --dict-path"
cmp -s "$tmp/out" $g/phrases.out || fail "mmap'd glossary differs from golden"
JAEN_DICT="$tmp/basic.dict" "$jaen" gloss < $g/terms.in > "$tmp/out" \
    || fail "JAEN_DICT"
cmp -s "$tmp/out" $g/terms.out || fail "JAEN_DICT output differs"
# --dict-path wins over JAEN_DICT
JAEN_DICT=/nonexistent "$jaen" gloss --dict-path "$tmp/basic.dict" \
    < $g/terms.in > /dev/null || fail "--dict-path before JAEN_DICT"

# damaged files are refused with a clear message and exit 2
size=$(stat -c %s "$tmp/basic.dict")
head -c $((size - 8)) "$tmp/basic.dict" > "$tmp/trunc.dict"
"$jaen" gloss --dict-path "$tmp/trunc.dict" < $g/terms.in > /dev/null \
    2> "$tmp/err"
[ $? = 2 ] || fail "truncated glossary: exit status"
grep -q "truncated glossary" "$tmp/err" || fail "truncated: $(cat "$tmp/err")"
printf 'XXXXXXXX' | dd of="$tmp/basic.dict" conv=notrunc 2> /dev/null
"$jaen" gloss --dict-path "$tmp/basic.dict" < $g/terms.in > /dev/null \
    2> "$tmp/err"
[ $? = 2 ] || fail "foreign file: exit status"
grep -q "not a jaen glossary" "$tmp/err" || fail "magic: $(cat "$tmp/err")"

# the compiler reports file:line
"$build/dict/jaen-dictc" -o "$tmp/x.dict" tests/dict/basic.tsv \
    tests/dict/bad.tsv 2> "$tmp/err"
[ $? = 1 ] || fail "jaen-dictc on a bad file: exit status"
grep -q "tests/dict/bad.tsv:2: \"不正\" is already defined at tests/dict/basic.tsv:4" \
    "$tmp/err" || fail "jaen-dictc message: $(cat "$tmp/err")"
[ ! -e "$tmp/x.dict" ] || fail "jaen-dictc wrote a bad glossary"

# exports read back to the same glossary
for fmt in tsv tbx tbx2 deepl-tsv csv; do
    ext=tsv
    case $fmt in tbx*) ext=tbx ;; csv) ext=csv ;; esac
    "$jaen" dict export $fmt --no-default-dict --dict tests/dict/basic.tsv \
        > "$tmp/a.$ext" || fail "export $fmt"
    "$jaen" dict export $fmt --no-default-dict --dict "$tmp/a.$ext" \
        > "$tmp/b.$ext" || fail "re-export $fmt"
    cmp -s "$tmp/a.$ext" "$tmp/b.$ext" || fail "round trip $fmt"
done

# the build's own glossary: compiled from dict/src, found without options
[ -s "$build/dict/jaen.dict" ] || fail "no $build/dict/jaen.dict"
"$jaen" dict info > "$tmp/info" || fail "dict info"
grep -q "^entries: " "$tmp/info" || fail "dict info output"

corpus=$src/../shared/corpus
[ -d "$corpus" ] || exit 77
find "$corpus" -name '*.md' -print0 | xargs -0 "$jaen" segment \
    | "$jaen" normalize | "$jaen" gloss | "$jaen" terms --top 5 > "$tmp/terms" \
    || fail "corpus pipeline"
head -3 "$tmp/terms"
grep -Eq "^# sentences covered by a fixed phrase: [1-9][0-9]* of" \
    "$tmp/terms" || fail "no phrase coverage on the corpus"
grep -Eq "^# word tokens inside a term: [1-9][0-9]* of" "$tmp/terms" \
    || fail "no term coverage on the corpus"
exit 0

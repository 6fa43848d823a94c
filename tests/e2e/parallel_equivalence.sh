#!/usr/bin/env bash
# parallel_equivalence.sh JAEN SRC BUILD: the stages scale out unchanged.
#
# For each 1:1 filter stage, `parallel --pipe --keep-order -N 100 jaen
# STAGE` (GNU parallel) must write the same bytes as `jaen STAGE`, on
# corpus/ (repeated to 320 documents; 128 under sanitizers) and, when
# ../shared/corpus exists and the build is not a sanitizer one, on a sample
# of it (every 4th file).  Every
# stage, reports included, must also give the same bytes with --jobs 1 and
# --jobs 4.  Source stages (segment, run) read documents: they are spread
# with `parallel -X` over file operands, and with --pipe over `--input tsv`
# (id, tab, text: the id travels with the line), both byte-identical.
# Under --pipe with `--input lines` only the positional ids (stdin:N,
# counted per chunk) may differ, which is why tsv exists.  Stages that
# write a report at the end (terms, check) are compared across --jobs only.
set -uo pipefail
jaen=$1 src=$2
command -v parallel > /dev/null || { echo "GNU parallel missing"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
REPORTS=" terms check "
export PARALLEL_HOME="$tmp/.parallel"
mkdir -p "$PARALLEL_HOME"; touch "$PARALLEL_HOME/will-cite"

stages=$("$jaen" --help | sed -n '/^Stages:/,/^$/p' | awk 'NR>1 && NF {print $1}')
extra() { case $1 in translate) echo "--offline --cache $tmp/tm.sqlite" ;; esac; }
is_source() { "$jaen" "$1" --help | grep -q -- '--input MODE'; }

same() {    # same LABEL A B
  if cmp -s "$2" "$3"; then
    echo "ok   $1 ($(wc -l < "$2") lines)"
  else
    echo "FAIL $1: outputs differ"; diff <(head -c 3000 "$2") <(head -c 3000 "$3") | head -10
    fail=1
  fi
}

# English on every sentence, as an engine would give, for record/dataset/check
add_en() {
  python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    for i, s in enumerate(d.get("sentences", [])):
        s["en"] = "Sentence %d of %s." % (i, d.get("id"))
        s["en_source"] = "deepl"
    print(json.dumps(d, ensure_ascii=False, separators=(",", ":")))'
}

run_set() {   # run_set NAME FILE...: the documents to test with
  local name=$1; shift
  local d="$tmp/$name"
  mkdir -p "$d"
  printf '%s\0' "$@" > "$d/files0"
  # one document per line, for --pipe into a source stage: lines.txt bare,
  # docs.tsv with a unique id (the line number) before a tab
  python3 -c '
import sys
for p in open(sys.argv[1], "rb").read().split(b"\0"):
    if p:
        t = open(p, "rb").read().replace(b"\r", b"").split(b"\n")
        print(" ".join(x.decode("utf-8", "replace").strip() for x in t if x.strip()))' \
    "$d/files0" > "$d/lines.txt"
  awk '{ printf "doc-%d\t%s\n", NR, $0 }' "$d/lines.txt" > "$d/docs.tsv"
  xargs -0 "$jaen" segment < "$d/files0" 2> /dev/null | "$jaen" normalize \
    | "$jaen" gloss | add_en > "$d/in.jsonl"
  echo "== $name: $# documents, $(wc -c < "$d/in.jsonl") bytes of JSONL"
  for s in $stages; do
    # shellcheck disable=SC2046
    local args=($(extra "$s"))
    if is_source "$s"; then
      xargs -0 "$jaen" "$s" "${args[@]}" < "$d/files0" > "$d/$s.serial" 2> /dev/null
      parallel -0 -X --keep-order -N 100 -a "$d/files0" "$jaen" "$s" \
        "${args[@]}" > "$d/$s.par" 2> /dev/null
      same "$name: parallel -X -N 100 jaen $s FILE..." "$d/$s.serial" "$d/$s.par"
      "$jaen" "$s" "${args[@]}" --input lines < "$d/lines.txt" 2> /dev/null \
        | python3 "$tmp/renumber.py" 0 > "$d/$s.lserial"
      parallel --pipe --keep-order -N 100 "$jaen" "$s" "${args[@]}" --input lines \
        < "$d/lines.txt" 2> /dev/null | python3 "$tmp/renumber.py" 100 > "$d/$s.lpar"
      same "$name: parallel --pipe -N 100 jaen $s --input lines (ids renumbered)" \
        "$d/$s.lserial" "$d/$s.lpar"
      "$jaen" "$s" "${args[@]}" --input tsv < "$d/docs.tsv" > "$d/$s.tserial" 2> /dev/null
      parallel --pipe --keep-order -N 100 "$jaen" "$s" "${args[@]}" --input tsv \
        < "$d/docs.tsv" > "$d/$s.tpar" 2> /dev/null
      same "$name: parallel --pipe --keep-order -N 100 jaen $s --input tsv" \
        "$d/$s.tserial" "$d/$s.tpar"
      xargs -0 "$jaen" "$s" "${args[@]}" --jobs 1 < "$d/files0" > "$d/$s.j1" 2> /dev/null
      xargs -0 "$jaen" "$s" "${args[@]}" --jobs 4 < "$d/files0" > "$d/$s.j4" 2> /dev/null
      same "$name: jaen $s --jobs 1 vs --jobs 4" "$d/$s.j1" "$d/$s.j4"
      continue
    fi
    "$jaen" "$s" "${args[@]}" < "$d/in.jsonl" > "$d/$s.serial" 2> /dev/null
    if [[ $REPORTS != *" $s "* ]]; then
      parallel --pipe --keep-order -N 100 "$jaen" "$s" "${args[@]}" \
        < "$d/in.jsonl" > "$d/$s.par" 2> /dev/null
      same "$name: parallel --pipe --keep-order -N 100 jaen $s" "$d/$s.serial" "$d/$s.par"
    fi
    "$jaen" "$s" "${args[@]}" --jobs 1 < "$d/in.jsonl" > "$d/$s.j1" 2> /dev/null
    "$jaen" "$s" "${args[@]}" --jobs 4 < "$d/in.jsonl" > "$d/$s.j4" 2> /dev/null
    same "$name: jaen $s --jobs 1 vs --jobs 4" "$d/$s.j1" "$d/$s.j4"
  done
}

# stdin:N ids of --input lines count per chunk under --pipe: number them
# as one stream (N-th record of the whole run), and check nothing else moved
cat > "$tmp/renumber.py" <<'EOF'
import json, re, sys
chunk = int(sys.argv[1])
for n, line in enumerate(sys.stdin):
    d = json.loads(line)
    want = "stdin:%d" % ((n % chunk) + 1 if chunk else n + 1)
    if d.get("id") != want:
        sys.exit("record %d: id %r, expected %r" % (n + 1, d.get("id"), want))
    d["id"] = "stdin:%d" % (n + 1)
    print(json.dumps(d, ensure_ascii=False, separators=(",", ":")))
EOF

shopt -s globstar nullglob
samples=("$src"/corpus/**/*.md)
[ ${#samples[@]} -gt 0 ] || { echo "no corpus/ samples"; exit 1; }
# 320 documents: enough for four chunks of 100
# (under sanitizers 8 copies: still two chunks, for the CI time budget)
reps=20
[ "${JAEN_SANITIZED:-0}" = 1 ] && reps=8
docs=()
for i in $(seq $reps); do docs+=("${samples[@]}"); done
run_set corpus "${docs[@]}"

shared="$src/../shared/corpus"
if [ -d "$shared" ] && [ "${JAEN_SANITIZED:-0}" = 1 ]; then
  echo "(sanitizer build: the ../shared/corpus sample runs in the plain build only)"
elif [ -d "$shared" ]; then
  step=4
  mapfile -d '' all < <(find "$shared" -name '*.md' -print0 | sort -z)
  pick=()
  for ((i = 0; i < ${#all[@]}; i += step)); do pick+=("${all[$i]}"); done
  run_set shared "${pick[@]}"
else
  echo "(no ../shared/corpus: the sample run is skipped)"
fi
exit $fail

#!/usr/bin/env bash
# Segments every document of ../shared/corpus and checks the stream
# invariants (scripts/check-stream.py) and that meta.published is set.
# Skips when ../shared/corpus is absent.
set -u
jaen=$1 src=$2
corpus=$src/../shared/corpus
[ -d "$corpus" ] || { echo "no $corpus: skipped"; exit 77; }
n=$(find "$corpus" -name '*.md' | wc -l)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
find "$corpus" -name '*.md' -print0 | sort -z | xargs -0 "$jaen" segment > "$out" || exit 1
python3 "$src/scripts/check-stream.py" --published --expect "$n" "$out"

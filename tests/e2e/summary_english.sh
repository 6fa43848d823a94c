#!/usr/bin/env bash
# The English summaries (jaen run --format markdown) of the corpus/ samples
# and, when present, of every ../shared/corpus document keep Japanese out
# of the structured parts (issue 5): from "## Affected data" to "## Cause"
# (the counts table, data items, secondary damage) every line is ASCII,
# and any other line with Japanese in it is marked [ja] (a title, an
# organization, free text), except the Source and Earlier report lines,
# whose URLs are the source's own, and an English title whose Japanese is
# only a name the writer quoted, kept as written in "" (incident_title.c).
set -u
jaen=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

check() {
    python3 - "$1" <<'PYEOF' || fail=1
import sys
bad = 0
structured = False
doc = ""
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    line = line.rstrip("\n")
    if line.startswith("# "):
        doc, structured = line, False
    if line.startswith("## "):
        structured = line == "## Affected data" or (
            structured and line != "## Cause")
    if line.isascii():
        continue
    if line.startswith(("- **Source:**", "- **Earlier report:**")):
        continue
    if line.startswith("# ") and "".join(line.split('"')[0::2]).isascii():
        continue            # an English title with a quoted name
    if structured or "[ja]" not in line:
        bad += 1
        if bad <= 10:
            print(f"line {n} ({doc[:60]}): Japanese outside [ja]: {line[:120]}")
print(f"summaries: {bad} lines with unmarked or structured Japanese")
sys.exit(1 if bad else 0)
PYEOF
}

"$jaen" run --format markdown "$src"/corpus/*/*/*.md > "$tmp/samples.md" \
    || fail=1
check "$tmp/samples.md"

corpus=$src/../shared/corpus
if [ -d "$corpus" ]; then
    (cd "$corpus" && find . -name '*.md' -print0 | sort -z \
        | xargs -0 "$jaen" run --format markdown) > "$tmp/corpus.md" \
        || fail=1
    check "$tmp/corpus.md"
else
    echo "../shared/corpus absent: corpus part skipped"
fi
exit $fail

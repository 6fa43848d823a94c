#!/usr/bin/env bash
# `jaen run` writes exactly what segment | normalize | gloss | record
# writes, byte for byte, as JSON and as Markdown, on corpus/ and (when
# present) on ../shared/corpus, with several threads and with one; and
# `jaen run --until STAGE` what the pipe up to STAGE writes.
set -u
jaen=$1 src=$2 build=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

check() {   # label, files...
    local label=$1
    shift
    "$jaen" run "$@" > "$tmp/run.jsonl" || fail=1
    "$jaen" run --jobs 1 --format markdown "$@" > "$tmp/run.md" || fail=1
    "$jaen" segment "$@" | tee "$tmp/pipe.segment" | "$jaen" normalize \
        | tee "$tmp/pipe.normalize" | "$jaen" gloss \
        | tee "$tmp/glossed.jsonl" | "$jaen" record > "$tmp/pipe.jsonl" \
        || fail=1
    cp "$tmp/glossed.jsonl" "$tmp/pipe.gloss"
    for st in segment normalize gloss; do       # run --until STAGE
        "$jaen" run --until $st "$@" > "$tmp/run.$st" || fail=1
        if ! cmp "$tmp/run.$st" "$tmp/pipe.$st"; then
            echo "$label: run --until $st and the pipe differ"
            fail=1
        fi
    done
    "$jaen" record --format markdown < "$tmp/glossed.jsonl" > "$tmp/pipe.md" \
        || fail=1
    if ! cmp "$tmp/run.jsonl" "$tmp/pipe.jsonl"; then
        echo "$label: run and the pipe differ (json)"
        fail=1
    fi
    if ! cmp "$tmp/run.md" "$tmp/pipe.md"; then
        echo "$label: run and the pipe differ (markdown)"
        fail=1
    fi
    [ -s "$tmp/run.jsonl" ] || { echo "$label: no output"; fail=1; }
    echo "$label: $(wc -l < "$tmp/run.jsonl") records compared"
}

check corpus "$src"/corpus/*/*/*.md
# stdin, plain text
printf 'テスト用の文書です。不正アクセスを確認しました。\n' > "$tmp/t.txt"
"$jaen" run --input text < "$tmp/t.txt" > "$tmp/a" || fail=1
"$jaen" segment --input text < "$tmp/t.txt" | "$jaen" normalize \
    | "$jaen" gloss | "$jaen" record > "$tmp/b" || fail=1
cmp "$tmp/a" "$tmp/b" || { echo "stdin text differs"; fail=1; }

corpus=$src/../shared/corpus
if [ -d "$corpus" ]; then
    mapfile -d '' files < <(find "$corpus" -name '*.md' -print0 | sort -z)
    check shared-corpus "${files[@]}"
else
    echo "../shared/corpus absent: corpus part skipped"
fi
exit $fail

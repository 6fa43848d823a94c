#!/bin/bash
# Placeholders and glossaries end to end: a DeepL glossary is created once
# and its glossary_id used; a dropped placeholder fails that sentence only;
# an OpenAI answer cut off by max_tokens (finish_reason "length") is an
# error; the system prompt carries the glossary terms (the server checks).
. "$2/tests/mt/lib.bash" "$@"
printf '不正アクセス\tunauthorized access\n個人情報\tpersonal information\n' \
    > "$T/gloss.tsv"
start_server
run_tr deepl --deepl-glossary "$T/gloss.tsv"
[ "$RC" -eq 0 ] || fail "glossary run: exit $RC"
check_all_translated
check '
g = [r for r in log if "glossary" in r]
assert len(g) == 1 and g[0]["glossary"], log[:2]
assert all(r["glossary_id"] == "g-test-1" for r in reqs), reqs
assert all(r["context"] for r in reqs)
'
echo "deepl: glossary created once, glossary_id on $(nreq) requests"

for engine in deepl libre openai; do
    start_server --fault drop --times 1000
    rm -f "$T"/tm.sqlite*
    run_tr "$engine"
    [ "$RC" -eq 1 ] || fail "$engine drop: exit $RC"
    check '
failed = [s for s in sents if "error" in s]
# a.md 1, 2, 3 and c.md 1, 2, 3 carry terms or values
assert len(failed) == 6, failed
assert all("dropped placeholder" in s["error"] for s in failed)
assert len([s for s in sents if "en" in s]) == 62
'
    echo "$engine: a dropped placeholder fails its sentence only"
done

start_server --fault length --times 1
rm -f "$T"/tm.sqlite*
run_tr openai
[ "$RC" -eq 1 ] || fail "length: exit $RC"
check '
failed = [s for s in sents if "error" in s]
assert len(failed) == 1 and "length" in failed[0]["error"], failed
'
echo "openai: finish_reason length -> that sentence failed"

# A value outranks a glossary term that would swallow it: the English keeps
# "24 hours" and the term 24時間監視 is left to the engine.
python3 "$SRC/tests/mt/make_input.py" --overlap > "$T/in.jsonl"
start_server
rm -f "$T"/tm.sqlite*
run_tr deepl
[ "$RC" -eq 0 ] || fail "overlap: exit $RC"
check '
assert len(sents) == 1
assert "24 hours" in sents[0]["en"] and "continuous" not in sents[0]["en"], sents
'
echo "deepl: a value inside a term is kept (24 hours)"

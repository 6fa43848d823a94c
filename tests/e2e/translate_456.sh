#!/bin/bash
# 456 (DeepL: quota exceeded) stops all requests with a clear message; the
# documents still come out, failed sentences keep their Japanese.
. "$2/tests/mt/lib.bash" "$@"
start_server --fault 456 --times 1000
run_tr deepl
[ "$RC" -eq 2 ] || fail "exit $RC, want 2"
check '
assert len(docs) == 3 and len(sents) == 68
assert len(reqs) == 1, ("456 must not be retried", len(reqs))
assert "quota exceeded" in err and "456" in err, err
failed = [s for s in sents if "error" in s]
assert len(failed) == 67, len(failed)
assert all("quota exceeded" in s["error"] for s in failed)
assert docs[0]["text"].startswith("このたび")
ph = [s for s in sents if s.get("en_source") == "phrase"]
assert len(ph) == 1
'
echo "deepl: 456 -> 1 request, run stopped, exit 2"

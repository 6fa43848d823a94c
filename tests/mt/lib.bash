# lib.bash: shared by tests/e2e/translate_*.sh (sourced, not a test).
#
# Usage in a test:   . "$2/tests/mt/lib.bash" "$@"
# Gives: $JAEN, $SRC, $T (a scratch dir, removed on exit), start_server,
# stop_server, run_tr ENGINE [ARGS], nreq, check (python asserts on the
# output), fail.  Every run is bounded: servers die after 60 s anyway.
set -u
JAEN=$1
SRC=$2
BLD=$3
command -v python3 >/dev/null || exit 77
T=$(mktemp -d "$BLD/translate_test.XXXXXX")
SERVER_PID=
KEY=test-key-$$-$RANDOM-c0ffee
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null; fi
    rm -rf "$T"
}
trap cleanup EXIT

# Fast, bounded client settings; a private HOME so no real key is used.
export JAEN_MT_BACKOFF_SCALE=0.01
export JAEN_MT_LOW_SPEED_TIME=1
export JAEN_MT_TIMEOUT=10
export JAEN_MT_CONNECT_TIMEOUT=5
export JAEN_MT_MAX_RESPONSE=1048576
export HOME=$T/home
unset XDG_CONFIG_HOME XDG_CACHE_HOME DEEPL_AUTH_KEY OPENAI_API_KEY \
      LIBRETRANSLATE_API_KEY
mkdir -p "$HOME"
python3 "$SRC/tests/mt/make_input.py" > "$T/in.jsonl" || exit 99

fail() {
    echo "FAIL: $*" >&2
    for f in "$T"/err "$T"/log.jsonl; do
        [ -f "$f" ] && { echo "--- $f" >&2; tail -n 20 "$f" >&2; }
    done
    exit 1
}

# start_server [fault_server.py options]: a fresh server and log.
start_server() {
    stop_server
    rm -f "$T/port" "$T/log.jsonl"
    python3 "$SRC/tests/mt/fault_server.py" --port-file "$T/port" \
        --log "$T/log.jsonl" --key "$KEY" --lifetime 60 "$@" &
    SERVER_PID=$!
    for _ in $(seq 100); do
        [ -s "$T/port" ] && break
        sleep 0.05
    done
    [ -s "$T/port" ] || fail "the fault server did not start"
    PORT=$(cat "$T/port")
    : > "$T/log.jsonl"
}

stop_server() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null
        wait "$SERVER_PID" 2>/dev/null
    fi
    SERVER_PID=
}

key_env() {
    case $1 in
    deepl) echo DEEPL_AUTH_KEY ;;
    libre) echo LIBRETRANSLATE_API_KEY ;;
    openai) echo OPENAI_API_KEY ;;
    esac
}

# run_tr ENGINE [ARGS...]: translate $T/in.jsonl into $T/out.jsonl with the
# key in the environment; sets $RC.  The cache is $T/tm.sqlite unless
# ARGS name another.
run_tr() {
    local engine=$1
    shift
    env "$(key_env "$engine")=$KEY" "$JAEN" translate --engine "$engine" \
        --endpoint "http://127.0.0.1:$PORT" --cache "$T/tm.sqlite" --stats \
        "$@" < "$T/in.jsonl" > "$T/out.jsonl" 2> "$T/err"
    RC=$?
}

# Number of translate requests the server saw.
nreq() {
    python3 -c 'import json,sys
print(sum(1 for l in open(sys.argv[1]) if "\"n\":" in l))' "$T/log.jsonl"
}

# check 'PYTHON' : runs asserts with docs (list of output records), sents
# (every sentence of every doc, with "doc"), log (server records), err
# (stderr text).  Exits the test on failure.
check() {
    python3 - "$T/out.jsonl" "$T/log.jsonl" "$T/err" "$1" <<'EOF' || fail "check failed: $1"
import json, sys
out, logf, errf, code = sys.argv[1:5]
docs = [json.loads(l) for l in open(out, encoding="utf-8")]
sents = []
for d in docs:
    for s in d.get("sentences", []):
        s = dict(s)
        s["doc"] = d["id"]
        sents.append(s)
log = [json.loads(l) for l in open(logf, encoding="utf-8")] \
    if logf else []
reqs = [r for r in log if "n" in r]
err = open(errf, encoding="utf-8").read()
try:
    exec(code)
except AssertionError as e:
    print("assertion failed:", code, e, file=sys.stderr)
    print("stderr was:", err[-2000:], file=sys.stderr)
    sys.exit(1)
EOF
}

# Checks that hold after any complete, fault-free translation.
check_all_translated() {
    check '
assert len(docs) == 3, len(docs)
assert [d["id"] for d in docs] == ["a.md", "b dir/ｂ.md", "c.md"]
assert len(sents) == 68
bad = [s for s in sents if "en" not in s]
assert not bad, bad[:3]
a = [s for s in sents if s["doc"] == "a.md"]
assert a[3]["en_source"] == "phrase"
assert "unauthorized access" in a[0]["en"], a[0]
assert "160,000 records" in a[1]["en"] and "personal information" in a[1]["en"], a[1]
assert "March 11, 2025" in a[2]["en"], a[2]
assert "A&B <test>" in a[4]["en"], a[4]
assert all("[[" not in s["en"] and "<x" not in s["en"] for s in sents)
c = [s for s in sents if s["doc"] == "c.md"]
assert all(s["en_source"] == "tm" for s in c), c
'
}

# bad_body FAULT: truncated JSON, a wrong content type or a huge body fails
# only the sentences of the request that got it; no retry; exit 1.
bad_body() {
    export FAULT=$1
    for engine in deepl libre openai; do
        start_server --fault "$FAULT" --times 1
        rm -f "$T/tm.sqlite"
        run_tr "$engine"
        [ "$RC" -eq 1 ] || fail "$FAULT/$engine: exit $RC, want 1"
        check '
import os
want = {"truncated": "not JSON", "ctype": "text/html",
        "huge": "over the"}[os.environ["FAULT"]]
assert len(docs) == 3 and len(sents) == 68
failed = [s for s in sents if "error" in s]
assert failed and all(want in s["error"] for s in failed), failed[:2]
assert all(s["doc"] == "a.md" for s in failed)
assert len(failed) == (1 if reqs[0]["engine"] == "openai" else 4)
assert "0 retries" in err, err
assert len([s for s in sents if "en" in s]) == 68 - len(failed)
'
        echo "$FAULT/$engine: $(nreq) requests, request 1 failed alone"
    done
}

#!/usr/bin/env bash
# bad_input.sh JAEN SRC BUILD: every case of tests/bad/ through every stage.
#
# Source stages (segment, and run once registered) get each case's raw bytes
# as a FILE operand (one document) and with --input lines (one document per
# line); every JSONL stage gets each case as it is and segment's output of
# it.  Each run must: not die of a signal or hang (120 s), exit with the
# documented status (0 no bad record, 1 some, never 2 for bad data), write
# exactly one JSONL record per input record (blank lines carry none), mark
# each bad record with "error" and name it on stderr as "jaen STAGE:
# FILE:LINE:", pass records that already carry "error" through unchanged,
# and print no sanitizer report.  tests/bad/EXPECT adds the number of error
# records a stage must give for a case ("-" = every record), and literals
# the output must keep.  The stages come from `jaen --help`, so a new stage
# is covered as soon as main.c registers it.  Stages that are not 1:1 filters
# (terms, dataset, check: reports and sentence pairs)
# are held to everything but the record count.
set -euo pipefail
jaen=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
JAEN="$jaen" SRC="$src" TMP="$tmp" exec python3 - <<'PYEOF'
import concurrent.futures as cf, heapq, json, multiprocessing, os, re
import subprocess, sys, traceback

jaen, src, tmp = os.environ["JAEN"], os.environ["SRC"], os.environ["TMP"]
bad_dir = os.path.join(src, "tests", "bad")
AGGREGATE = {"terms", "dataset", "check"}  # reports or pairs, not 1:1 filters
NEW_FORMAT = {"record"}     # writes jaen.incident/1: keeps "error", not the rest
# options a stage needs to run without a network or a user's files
EXTRA = {"translate": ["--offline", "--cache", os.path.join(tmp, "tm.sqlite")]}
sanitized = os.environ.get("JAEN_SANITIZED") == "1"
TIMEOUT = 600 if sanitized else 120
RUNS = [0]
SANITIZER = re.compile(r"Sanitizer|runtime error:|LeakSanitizer")
WHERE_LINE = re.compile(r"(jaen \S+: .*?:\d+:) ")     # jaen STAGE: FILE:LINE:
WHERE_FILE = re.compile(r"(jaen \S+: [^:]+)")          # jaen STAGE: FILE

def stages():
    out = subprocess.run([jaen, "--help"], capture_output=True, text=True).stdout
    names, on = [], False
    for line in out.splitlines():
        if line.startswith("Stages:"):
            on = True
        elif on and not line.strip():
            break
        elif on:
            names.append(line.split()[0])
    kinds = {}
    for n in names:
        h = subprocess.run([jaen, n, "--help"], capture_output=True, text=True).stdout
        kinds[n] = "source" if "--input MODE" in h else "jsonl"
    return kinds

def materialize(name):
    path = os.path.join(bad_dir, name)
    if not name.endswith(".gen"):
        return name, path
    real = name[:-4]
    out = os.path.join(tmp, "cases", real)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(path) as f:
        data = eval(f.read(), {})
    with open(out, "wb") as f:
        f.write(data)
    return real, out

JSON_WS = b" \t\r\n"

def jsonl_records(data):
    """Input line numbers of the records a JSONL stage must write."""
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    recs = []
    for i, l in enumerate(lines, 1):
        if l.startswith(b"\xef\xbb\xbf"):
            l = l[3:]
        if l.strip(JSON_WS):
            recs.append(i)
    return recs

def lines_records(data):
    """--input lines: a BOM is text there, not a mark."""
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return [i for i, l in enumerate(lines, 1) if l.strip(JSON_WS)]

def load_expect():
    exp = {}
    with open(os.path.join(bad_dir, "EXPECT"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if not line:
                continue
            d = exp.setdefault(line[0], {})
            for kv in line[1:]:
                k, v = kv.split("=", 1)
                d.setdefault(k, []).append(v) if k == "keep" else d.__setitem__(k, v)
    return exp

def check(stage, kind, mode, path, label, expect):
    """Runs one stage on one input and returns a list of failures."""
    args = [jaen, stage] + EXTRA.get(stage, [])
    if mode == "lines":
        args += ["--input", "lines"]
    args.append(path)
    what = "%s %s(%s)" % (stage, label, mode)
    try:
        p = subprocess.run(args, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return ["%s: no exit within %d s" % (what, TIMEOUT)], None
    fails = []
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode < 0 or p.returncode >= 128:
        return ["%s: killed by signal %d\n%s" % (what, -p.returncode, err[-3000:])], None
    if SANITIZER.search(err):
        fails.append("%s: sanitizer report\n%s" % (what, err[-3000:]))
    if p.returncode not in (0, 1):
        fails.append("%s: exit %d (bad data must give 0 or 1)\n%s"
                     % (what, p.returncode, err[-2000:]))
    data = open(path, "rb").read()
    if stage in AGGREGATE:      # exit 1 may mean findings (check)
        return fails, None
    if kind == "source" and mode == "file":
        inrecs = [0]
    elif kind == "source":
        inrecs = lines_records(data)
    else:
        inrecs = jsonl_records(data)
    out = p.stdout.split(b"\n")
    if out and out[-1] == b"":
        out.pop()
    if p.stdout and not p.stdout.endswith(b"\n"):
        fails.append("%s: output does not end with a newline" % what)
    if len(out) != len(inrecs):
        fails.append("%s: %d records in, %d out" % (what, len(inrecs), len(out)))
        return fails, None
    inlines = data.split(b"\n")
    # the "jaen STAGE: WHERE:" prefixes on stderr, for lookups in O(1)
    named = set()
    for l in err.splitlines():
        m = WHERE_LINE.match(l)
        if m:
            named.add(m.group(1))
        m = WHERE_FILE.match(l)
        if m:
            named.add(m.group(1))
    nerr = partial = passed_n = 0
    for k, (line, lineno) in enumerate(zip(out, inrecs)):
        try:
            r = json.loads(line)
        except (ValueError, RecursionError) as e:
            fails.append("%s: output record %d is not JSON: %s" % (what, k + 1, e))
            continue
        if not isinstance(r, dict):
            fails.append("%s: output record %d is not an object" % (what, k + 1))
            continue
        if kind == "jsonl":
            # the input record, when it may carry "error": a line with no
            # "error", no escape and no NUL (UTF-16 or -32) cannot
            raw = inlines[lineno - 1].lstrip(b"\xef\xbb\xbf")
            orig = None
            if b"error" in raw or b"\\" in raw or b"\0" in raw:
                try:
                    orig = json.loads(raw)
                except (ValueError, RecursionError):
                    pass
            if isinstance(orig, dict) and "error" in orig and (
                    r.get("error") != orig["error"]
                    or (stage not in NEW_FORMAT and r != orig)):
                fails.append("%s: line %d already carried \"error\" and was changed"
                             % (what, lineno))
        if "error" not in r:
            # a partial failure is marked inside the record (a sentence's
            # "error", JAEN_EPARTIAL) and also makes the exit status 1
            if any(isinstance(x, dict) and "error" in x
                   for x in (r.get("sentences") or [])
                   if isinstance(r.get("sentences"), list)):
                partial += 1
            continue
        nerr += 1
        e = r["error"]
        if not (isinstance(e, dict) and e.get("stage") and e.get("message")):
            fails.append("%s: record %d: \"error\" lacks stage or message" % (what, k + 1))
        if isinstance(orig if kind == "jsonl" else None, dict) and "error" in orig:
            passed_n += 1
            continue            # passed through: not this stage's error
        if kind == "source" and mode == "file":
            where = "jaen %s: %s" % (stage, path)
        else:
            where = "jaen %s: %s:%d:" % (stage, path, lineno)
        if where not in named and where not in err[:200000]:
            fails.append("%s: record %d has \"error\" but stderr does not name "
                         "it (%s)\n%s" % (what, k + 1, where, err[-1500:]))
    # records that already carried "error" pass through and do not count
    if (p.returncode == 1) != (nerr - passed_n + partial > 0):
        fails.append("%s: exit %d with %d error records (%d passed through), "
                     "%d partly failed" % (what, p.returncode, nerr, passed_n,
                                           partial))
    want = expect.get(stage if mode != "lines" else stage + "-lines")
    if want is not None and label.startswith("case"):
        n = len(inrecs) if want == "-" else int(want)
        if nerr != n:
            fails.append("%s: %d error records, EXPECT says %s\n%s"
                         % (what, nerr, want, err[-1500:]))
    keeps = label.startswith("case") and kind == "jsonl" and stage not in NEW_FORMAT
    for lit in expect.get("keep", []) if keeps else []:
        if lit.encode() not in p.stdout:
            fails.append("%s: output lost %s" % (what, lit))
    return fails, p.stdout

# under sanitizers (several times slower) the big and deep cases go through
# segment and normalize only, and the other cases skip --input lines and
# segment's output except for normalize and gloss: the CI time budget
def wanted(big, s, how):
    if not sanitized:
        return True
    if big:
        return how in ("file", "jsonl") and s in ("segment", "normalize")
    return how in ("file", "jsonl") or s in ("normalize", "gloss")

def run_one(args, segpath):
    """One run in a worker process: check(*args), and segment's output of
    the case written to segpath when there is one.  Returns the failures
    and whether segpath was written."""
    fails, out = check(*args)
    if segpath is None or out is None:
        return fails, False
    with open(segpath, "wb") as f:
        f.write(out)
    return fails, True

def main():
    kinds = stages()
    source = [s for s, k in kinds.items() if k == "source"]
    jsonl = [s for s, k in kinds.items() if k == "jsonl"]
    expect = load_expect()
    names = sorted(n for n in os.listdir(bad_dir)
                   if n.endswith((".md", ".txt", ".jsonl", ".gen")))
    print("stages: source %s, jsonl %s; %d cases" % (source, jsonl, len(names)))
    for n in expect:
        if n not in names and n + ".gen" not in names and not any(
                m[:-4] == n for m in names if m.endswith(".gen")):
            print("EXPECT names a missing case: %s" % n)
            return 1
    os.makedirs(os.path.join(tmp, "seg"))
    # Each run is a job: (-cost, case, order within the case, check's
    # arguments, where segment's output goes).  The costliest start first
    # and the many small ones fill in; a case's runs on segment's output
    # are queued once that output is there.  Each job runs and checks in
    # a process of its own (the checks parse big outputs and would hold
    # one interpreter's lock), one more than there are CPUs: a small run
    # spends much of its time starting up.
    todo, results, order = [], {}, []
    def add(cost, real, seq, args, segpath=None):
        heapq.heappush(todo, (-cost, real, seq, args, segpath))
    big_of = {}
    for name in names:
        real, path = materialize(name)
        order.append(real)
        results[real] = []
        big = big_of[real] = name.endswith(".gen")
        exp = expect.get(real, {})
        size = os.path.getsize(path) + 1
        for i, s in enumerate(source):
            for j, mode in enumerate(("file", "lines")):
                if not wanted(big, s, mode):
                    continue
                seg = s == "segment" and mode == "file"
                # segment's own run first: more runs wait for its output
                add(3 * size if seg else size, real, (1, i, j),
                    (s, "source", mode, path, "case " + real, exp),
                    os.path.join(tmp, "seg", real + ".jsonl") if seg else None)
        for i, s in enumerate(jsonl):
            if wanted(big, s, "jsonl"):
                add(size, real, (2, i, 0),
                    (s, "jsonl", "jsonl", path, "case " + real, exp))
    jobs = max(1, min(4, (os.cpu_count() or 1) + 1))
    running = {}
    ctx = multiprocessing.get_context("fork")
    with cf.ProcessPoolExecutor(jobs, mp_context=ctx) as ex:
        while todo or running:
            while todo and len(running) < jobs:
                job = heapq.heappop(todo)
                running[ex.submit(run_one, job[3], job[4])] = job
            done, _ = cf.wait(running, return_when=cf.FIRST_COMPLETED)
            for fut in done:
                _, real, seq, args, segpath = running.pop(fut)
                RUNS[0] += 1
                try:
                    fails, seg = fut.result()
                except Exception:
                    fails, seg = ["%s %s: the checker raised\n%s"
                                  % (args[0], args[4], traceback.format_exc())], False
                results[real].append((seq, fails))
                if not seg:
                    continue
                # the JSONL stages on segment's output of the case
                for i, s in enumerate(jsonl):
                    if wanted(big_of[real], s, "segment-of"):
                        add(os.path.getsize(segpath) + 1, real, (2, i, 1),
                            (s, "jsonl", "jsonl", segpath,
                             "segment-of " + real, {}))
    fails = []
    for real in order:
        res = [f for _, fs in sorted(results[real]) for f in fs]
        fails += res
        print("%-36s %s" % (real, "ok" if not res else "FAILED (%d)" % len(res)))
        for f in res:
            print("  FAIL " + f)
    print("%d cases, %d runs, %d failures" % (len(names), RUNS[0], len(fails)))
    return 1 if fails else 0

sys.exit(main())
PYEOF

#!/usr/bin/env python3
"""dict-coverage.py: measures how much of a corpus the dict/src glossary covers,
and lists what to add next.

Usage: scripts/dict-coverage.py [--dict DIR] [--tokenizer CMD] [--top N]
                                [--uncovered FILE] CORPUS_DIR

CORPUS_DIR holds archive Markdown disclosures (*.md); the body after
"# 本文" is measured.  Text is width-folded like jaen's fold.h.

Figures printed:
  - phrases: the share of sentences (the body split on 。 and line breaks,
    whitespace removed) that equal a fixed phrase (ja or a variant) once
    numbers and dates are replaced by slots ({date}, {quantity}, ...) with
    regular expressions that approximate jaen normalize; also the share after
    removing a leading list marker (-, ・, ※, ●, ■), and the share among
    the sentences that end with 。 (prose, not headings or list items);
  - terms: a leftmost-longest scan over the text with the glossary headwords
    (terms, data items, orgs: ja and variants) where a match must start and
    end on a token boundary; it prints the share of non-space characters and
    the share of tokens inside a match;
  - headwords that occur in the corpus but never start and end on token
    boundaries (the matcher could never find them there).
Token boundaries come from CMD, which reads lines on stdin and writes, for
each input line, one line of its tokens separated by single spaces
(`mecab -Owakati` does; so will a word-break tool built on ICU).  The
default is `mecab -Owakati`.

With --uncovered FILE it writes the most frequent uncovered sentences and
the most frequent uncovered noun runs (by document frequency, from
`mecab`), so you know what to add next.
Standard library only (plus the tokenizer command).
"""

import argparse
import collections
import importlib.util
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load_lint():
    spec = importlib.util.spec_from_file_location(
        "dict_lint", os.path.join(HERE, "dict-lint.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


LINT = load_lint()
fold = LINT.fold

NUM = r"(?:\d[\d,]*(?:\.\d+)?(?:万|億|千)?\d*)"
ERA = r"(?:令和|平成|昭和)(?:\d+|元)年"
DOW = r"(?:\((?:[月火水木金土日](?:曜日?)?|祝|[月火水木金土日]・祝)\))"
DATE = (r"(?:(?:\d{4}年|" + ERA + r")?\d{1,2}月\d{1,2}日" + DOW + r"?|(?:\d{4}年|"
        + ERA + r")\d{1,2}月|\d{4}/\d{1,2}/\d{1,2}" + DOW + r"?|(?:\d{4}年|"
        + ERA + r")(?:度)?)")
TIME = r"(?:(?:午前|午後)?\d{1,2}時(?:\d{1,2}分|半)?|\d{1,2}:\d{2})"
SLOT_PATTERNS = [
    ("date_range", DATE + r"(?:" + TIME + r")?(?:~|〜|～|-|から)" + DATE
     + r"(?:" + TIME + r")?(?:まで)?"),
    ("time_range", TIME + r"(?:~|〜|～|-|から)" + TIME + r"(?:まで)?"),
    ("date", DATE),
    ("time", TIME),
    ("money", r"(?:約|最大)?" + NUM + r"円"),
    ("percent", NUM + r"(?:%|%|パーセント)"),
    ("duration", NUM + r"(?:時間|日間|か月|ヶ月|カ月|ケ月|年間|週間|分間)"),
    ("quantity", r"(?:約|最大|最大で)?" + NUM
     + r"(?:件|名|人|社|台|通|店舗|団体|校|点|個|枚|アカウント|法人|口座)(?:分)?"),
    ("number", NUM),
]
SLOT_RX = re.compile("|".join("(?P<%s>%s)" % p for p in SLOT_PATTERNS))
MARKER_RX = re.compile(r"^[-・※*●■◆○]+")


def slotify(s):
    """Replaces numbers and dates in s by {type}, {type2}, ... slots."""
    counts = {}

    def rep(m):
        t = m.lastgroup
        if t == "time_range":
            t = "date_range"
        counts[t] = counts.get(t, 0) + 1
        k = counts[t]
        return "{%s}" % t if k == 1 else "{%s%d}" % (t, k)
    return SLOT_RX.sub(rep, s)


def read_dict(dict_dir):
    """Returns (headword -> concept, phrase forms set)."""
    heads, phrases = {}, set()
    for name in sorted(os.listdir(dict_dir)):
        if not name.endswith(".tsv"):
            continue
        header = None
        for line in open(os.path.join(dict_dir, name), encoding="utf-8"):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            f = line.split("\t")
            if header is None:
                header = f
                continue
            row = dict(zip(header, f))
            forms = [row["ja"]] + [v for v in row.get("variants", "").split("|")
                                   if v]
            for h in forms:
                if name == "phrases.tsv":
                    phrases.add(fold(h))
                else:
                    heads[fold(h)] = row["concept"]
    return heads, phrases


def read_corpus(root):
    docs = []
    for dp, _, fn in os.walk(root):
        for f in fn:
            if f.endswith(".md"):
                docs.append(os.path.join(dp, f))
    docs.sort()
    out = []
    for p in docs:
        t = open(p, encoding="utf-8", errors="replace").read()
        i = t.find("# 本文")
        body = t[i + len("# 本文"):] if i >= 0 else t
        out.append((p, fold(body.replace("\r", ""))))
    return out


def sentences(body):
    for line in body.split("\n"):
        for part in re.split(r"(?<=。)", line):
            s = re.sub(r"\s+", "", part)
            if s:
                yield s


def tokenize(lines, cmd):
    """Returns, per line, the set of token boundary offsets and token count."""
    data = "\n".join(l.replace("\n", " ") for l in lines) + "\n"
    res = subprocess.run(cmd, shell=True, input=data, capture_output=True,
                         text=True, check=True)
    outs = res.stdout.split("\n")
    result = []
    for k, line in enumerate(lines):
        toks = outs[k].split(" ") if k < len(outs) and outs[k] else []
        bounds, pos, ntok = {0, len(line)}, 0, 0
        for tok in toks:
            if not tok:
                continue
            j = line.find(tok, pos)
            if j < 0:
                continue        # the tokenizer changed the text: skip token
            bounds.add(j)
            bounds.add(j + len(tok))
            pos = j + len(tok)
            ntok += 1
        result.append((bounds, ntok))
    return result


def aligned_any(line, bounds, heads, maxlen, counter):
    """Counts every headword occurrence that starts and ends on a boundary,
    overlapping or not."""
    bl = sorted(bounds)
    for x, i in enumerate(bl):
        for j in bl[x + 1:]:
            if j - i > maxlen:
                break
            if line[i:j] in heads:
                counter[line[i:j]] += 1


def scan(line, bounds, heads, maxlen):
    """Leftmost-longest matches on token boundaries: list of (i, j)."""
    out, i, n = [], 0, len(line)
    bl = sorted(bounds)
    while i < n:
        if i in bounds:
            best = 0
            for j in reversed(bl):
                if j <= i or j - i > maxlen:
                    continue
                if line[i:j] in heads:
                    best = j
                    break
            if best:
                out.append((i, best))
                i = best
                continue
        i += 1
    return out


def noun_runs(text):
    """Maximal runs of mecab nouns (2+ characters) in text."""
    res = subprocess.run(["mecab"], input=text, capture_output=True,
                         text=True, check=True)
    runs, cur = [], []
    for line in res.stdout.split("\n"):
        surf, _, feat = line.partition("\t")
        f = feat.split(",")
        if line == "EOS" or not feat or f[0] != "名詞" or \
                f[1] in ("数", "非自立", "代名詞", "副詞可能"):
            if cur:
                w = "".join(cur)
                if len(w) >= 2 and not re.fullmatch(r"[\W_0-9a-zA-Z]+", w):
                    runs.append(w)
            cur = []
            continue
        cur.append(surf)
    return runs


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--dict", default=os.path.join(HERE, "..", "dict", "src"))
    ap.add_argument("--tokenizer", default="mecab -Owakati")
    ap.add_argument("--top", type=int, default=200)
    ap.add_argument("--uncovered")
    a = ap.parse_args(argv[1:])
    heads, phrases = read_dict(a.dict)
    maxlen = max(len(h) for h in heads)
    docs = read_corpus(a.corpus)

    total = hit = hit_marker = prose = prose_hit = 0
    sent_df = collections.Counter()
    for _, body in docs:
        seen = set()
        for s in sentences(body):
            total += 1
            k = slotify(s)
            if s.endswith("。"):
                prose += 1
                prose_hit += k in phrases
            if k in phrases:
                hit += 1
                hit_marker += 1
            elif slotify(MARKER_RX.sub("", s)) in phrases:
                hit_marker += 1
            else:
                seen.add(k)
        sent_df.update(seen)
    print(f"documents\t{len(docs)}")
    print(f"sentences\t{total}")
    print(f"sentences equal to a phrase\t{hit}\t{100.0 * hit / total:.2f}%")
    print(f"  after removing a list marker\t{hit_marker}\t"
          f"{100.0 * hit_marker / total:.2f}%")
    print(f"  of the sentences ending with 。\t{prose_hit}/{prose}\t"
          f"{100.0 * prose_hit / max(prose, 1):.2f}%")

    lines = [l for _, body in docs for l in body.split("\n") if l.strip()]
    toks = tokenize(lines, a.tokenizer)
    chars = cov_chars = ntok = cov_tok = 0
    raw_seen, aligned = collections.Counter(), collections.Counter()
    for line, (bounds, nt) in zip(lines, toks):
        matches = scan(line, bounds, heads, maxlen)
        aligned_any(line, bounds, heads, maxlen, aligned)
        covered = [False] * len(line)
        for i, j in matches:
            for k in range(i, j):
                covered[k] = True
        for k, c in enumerate(line):
            if not c.isspace():
                chars += 1
                cov_chars += covered[k]
        bl = sorted(bounds)
        for i, j in zip(bl, bl[1:]):
            seg = line[i:j]
            if seg.strip() == "":
                continue
            ntok += 1
            if all(covered[i:j]):
                cov_tok += 1
    print(f"non-space characters inside a term match\t{cov_chars}/{chars}\t"
          f"{100.0 * cov_chars / chars:.2f}%")
    print(f"tokens inside a term match\t{cov_tok}/{ntok}\t"
          f"{100.0 * cov_tok / ntok:.2f}%")
    joined = "\n".join(lines)
    never = []
    for h in heads:
        if aligned[h] == 0 and h in joined:
            never.append((joined.count(h), h))
    never.sort(reverse=True)
    print(f"headwords found only off token boundaries\t{len(never)}")
    for n, h in never[:40]:
        print(f"  {h}\t{n}")

    if a.uncovered:
        with open(a.uncovered, "w", encoding="utf-8") as out:
            out.write("# most frequent sentences not covered by a phrase "
                      "(documents)\n")
            for s, n in sent_df.most_common(a.top):
                out.write(f"{n}\t{s}\n")
            runs_df = collections.Counter()
            for _, body in docs:
                runs_df.update(set(noun_runs(body)))
            out.write("# most frequent noun runs without a glossary entry "
                      "(documents)\n")
            k = 0
            for w, n in runs_df.most_common():
                if w in heads:
                    continue
                out.write(f"{n}\t{w}\n")
                k += 1
                if k >= a.top:
                    break
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

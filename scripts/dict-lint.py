#!/usr/bin/env python3
"""dict-lint.py: checks the glossary sources in dict/src/ (format jaen.dict-src/1).

Usage: scripts/dict-lint.py [--no-sort-check] [DIR_OR_FILE ...]

With no argument it checks every *.tsv in dict/src/ next to this script.
For every file it checks, and reports with file:line:
  - valid UTF-8, LF line ends, no BOM;
  - a header line naming known columns, with ja, en and concept present;
  - the column count of every row equals the header's;
  - ja, en and concept are not empty; no empty variant;
  - concept ids match [a-z0-9_]+(\\.[a-z0-9_]+)+, and data_item.* /
    incident_type.* ids use the fixed item and type names;
  - no control characters (C0, C1, DEL, U+2028/U+2029) in any field;
  - no leading or trailing whitespace in any field or variant;
  - ja and every variant are unique across all files after width folding
    (full-width ASCII -> ASCII, half-width kana -> full-width, Kangxi radicals,
    CJK compatibility ideographs and enclosed forms -> the ordinary characters);
  - phrases: the slots of ja and of every variant equal those of en, and only
    the slot types that jaen normalize produces are used; other files use none;
  - rows are sorted by concept, then ja (unless --no-sort-check).
It prints the row count per file and the totals, and exits 1 on any error.
Standard library only.
"""

import os
import re
import sys
import unicodedata

KNOWN_COLUMNS = ("ja", "en", "concept", "variants", "pos", "note")
REQUIRED_COLUMNS = ("ja", "en", "concept")
CONCEPT_RE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")
POS_RE = re.compile(r"^[a-z_]+$")
SLOT_TYPES = ("date", "date_range", "time", "duration", "number", "quantity",
              "money", "percent")
SLOT_RE = re.compile(r"\{([a-z_]+?)([2-9]|[1-9][0-9]+)?\}")
BRACE_RE = re.compile(r"[{}]")
DATA_ITEMS = frozenset("""
name address postal_code phone email birth_date age gender company_name
job_title department login_id password credit_card_number card_expiry
security_code card_holder_name bank_account purchase_history order_info
shareholding employee_id my_number health_info id_document photo ip_address
other""".split())
INCIDENT_TYPES = frozenset("""
unauthorized_access ransomware malware data_leak phishing web_tampering
misdelivery misconfiguration loss_theft insider system_outage ddos
third_party""".split())
GLOSSARY_FILES = ("terms.tsv", "data_items.tsv", "orgs.tsv")
PHRASE_FILES = ("phrases.tsv",)


def fold_char(c):
    """Width-folds one character the way jaen's fold.h documents it."""
    o = ord(c)
    if 0xFF01 <= o <= 0xFF5E:
        return chr(o - 0xFEE0)
    if (0xFF61 <= o <= 0xFF9F or 0x2E80 <= o <= 0x2FDF
            or 0xF900 <= o <= 0xFAFF or 0x2F800 <= o <= 0x2FA1F
            or 0x3200 <= o <= 0x33FF or 0x2460 <= o <= 0x24FF):
        return unicodedata.normalize("NFKC", c)
    return c


def fold(s):
    """Width-folds a string; composes half-width voiced marks."""
    t = "".join(fold_char(c) for c in s)
    if "\u3099" in t or "\u309a" in t:
        t = unicodedata.normalize("NFC", t)
    return t


def is_control(c):
    o = ord(c)
    return o < 0x20 or 0x7F <= o <= 0x9F or o in (0x2028, 0x2029)


def has_outer_space(s):
    return s != s.strip() or (s and (s[0].isspace() or s[-1].isspace()))


def slots_of(s):
    """Returns (sorted slot list, list of bad slot texts) of s."""
    found, bad = [], []
    for m in re.finditer(r"\{[^{}]*\}", s):
        sm = SLOT_RE.fullmatch(m.group(0))
        if not sm or sm.group(1) not in SLOT_TYPES:
            bad.append(m.group(0))
        else:
            found.append(m.group(0))
    rest = re.sub(r"\{[^{}]*\}", "", s)
    if BRACE_RE.search(rest):
        bad.append("unbalanced brace")
    return sorted(found), bad


class Linter:
    def __init__(self, sort_check):
        self.sort_check = sort_check
        self.errors = 0
        self.seen = {}      # folded headword -> (file, line)
        self.counts = {}    # file -> rows

    def err(self, path, line, msg):
        self.errors += 1
        print(f"{path}:{line}: {msg}", file=sys.stderr)

    def lint_file(self, path):
        base = os.path.basename(path)
        is_phrase = base in PHRASE_FILES
        try:
            raw = open(path, "rb").read()
        except OSError as e:
            self.err(path, 0, f"cannot read: {e}")
            return
        if raw.startswith(b"\xef\xbb\xbf"):
            self.err(path, 1, "byte order mark")
        lines = raw.split(b"\n")
        if lines and lines[-1] == b"":
            lines.pop()
        elif raw:
            self.err(path, len(lines), "no newline at end of file")
        header = None
        rows = 0
        prev_key = None
        for no, bline in enumerate(lines, 1):
            try:
                line = bline.decode("utf-8")
            except UnicodeDecodeError as e:
                self.err(path, no, f"invalid UTF-8 at byte {e.start}")
                continue
            if line.endswith("\r"):
                self.err(path, no, "CR line end")
                line = line[:-1]
            if line.strip() == "" or line.startswith("#"):
                continue
            fields = line.split("\t")
            if header is None:
                header = self.check_header(path, no, fields)
                if header is None:
                    return
                continue
            if len(fields) != len(header):
                self.err(path, no, f"{len(fields)} columns, header has "
                         f"{len(header)}")
                continue
            row = dict(zip(header, fields))
            rows += 1
            self.check_row(path, no, row, is_phrase)
            key = (row["concept"], row["ja"])
            if self.sort_check and prev_key is not None and key < prev_key:
                self.err(path, no, "rows not sorted by concept, then ja")
            prev_key = key
        if header is None:
            self.err(path, 0, "no header line")
        self.counts[path] = rows

    def check_header(self, path, no, fields):
        bad = [f for f in fields if f not in KNOWN_COLUMNS]
        if bad:
            self.err(path, no, f"unknown header columns: {', '.join(bad)}")
            return None
        if len(set(fields)) != len(fields):
            self.err(path, no, "repeated header column")
            return None
        missing = [c for c in REQUIRED_COLUMNS if c not in fields]
        if missing:
            self.err(path, no, f"header lacks: {', '.join(missing)}")
            return None
        return fields

    def check_row(self, path, no, row, is_phrase):
        for col, val in row.items():
            if any(is_control(c) for c in val):
                self.err(path, no, f"control character in {col}")
            if has_outer_space(val):
                self.err(path, no, f"leading or trailing space in {col}")
        for col in REQUIRED_COLUMNS:
            if row[col] == "":
                self.err(path, no, f"empty {col}")
        concept = row["concept"]
        if concept and not CONCEPT_RE.match(concept):
            self.err(path, no, f"bad concept id: {concept}")
        self.check_concept_names(path, no, concept)
        if row.get("pos") and not POS_RE.match(row["pos"]):
            self.err(path, no, f"bad pos: {row['pos']}")
        heads = [row["ja"]]
        if "|" in row["ja"]:
            self.err(path, no, "'|' in ja")
        if row.get("variants"):
            for v in row["variants"].split("|"):
                if v == "":
                    self.err(path, no, "empty variant")
                elif has_outer_space(v):
                    self.err(path, no, f"space around variant: {v!r}")
                else:
                    heads.append(v)
        for h in heads:
            if h == "":
                continue
            f = fold(h)
            if f in self.seen:
                ofile, oline = self.seen[f]
                where = ("this row" if (ofile, oline) == (path, no)
                         else f"{ofile}:{oline}")
                self.err(path, no, f"duplicate headword {h!r} after width "
                         f"folding (first in {where})")
            else:
                self.seen[f] = (path, no)
        self.check_slots(path, no, row, heads, is_phrase)

    def check_concept_names(self, path, no, concept):
        parts = concept.split(".")
        if parts[0] == "data_item" and len(parts) >= 2 \
                and parts[1] not in DATA_ITEMS:
            self.err(path, no, f"unknown data item: {parts[1]}")
        if parts[0] == "incident_type" and len(parts) >= 2 \
                and parts[1] not in INCIDENT_TYPES:
            self.err(path, no, f"unknown incident type: {parts[1]}")

    def check_slots(self, path, no, row, heads, is_phrase):
        en_slots, en_bad = slots_of(row["en"])
        if not is_phrase:
            if en_slots or en_bad or any(BRACE_RE.search(h) for h in heads):
                self.err(path, no, "slots are only allowed in phrases")
            return
        for b in en_bad:
            self.err(path, no, f"bad slot in en: {b}")
        for h in heads:
            s, bad = slots_of(h)
            for b in bad:
                self.err(path, no, f"bad slot in {h!r}: {b}")
            if s != en_slots:
                self.err(path, no, f"slots differ: {h!r} has {s}, en has "
                         f"{en_slots}")


def main(argv):
    sort_check = True
    paths = []
    for a in argv[1:]:
        if a == "--no-sort-check":
            sort_check = False
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            paths.append(a)
    if not paths:
        here = os.path.dirname(os.path.abspath(__file__))
        paths = [os.path.join(here, "..", "dict", "src")]
    files = []
    for p in paths:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, f) for f in os.listdir(p)
                            if f.endswith(".tsv"))
        else:
            files.append(p)
    if not files:
        print("dict-lint: no .tsv files found", file=sys.stderr)
        return 1
    lint = Linter(sort_check)
    for f in files:
        lint.lint_file(f)
    gloss = phr = 0
    for f in files:
        n = lint.counts.get(f, 0)
        print(f"{os.path.basename(f)}\t{n}")
        if os.path.basename(f) in PHRASE_FILES:
            phr += n
        else:
            gloss += n
    print(f"glossary entries\t{gloss}")
    print(f"phrases\t{phr}")
    print(f"headwords (ja + variants)\t{len(lint.seen)}")
    if lint.errors:
        print(f"dict-lint: {lint.errors} error(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

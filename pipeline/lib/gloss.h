/* gloss.h: the compiled glossary: build, load (mmap), match, annotate.
 *
 * jaen_gloss_build turns checked sources (dictsrc.h) into the binary of
 * glossfmt.h; jaen_gloss_open maps such a file and checks only its header,
 * so a 100,000-entry glossary opens in well under a millisecond.  The
 * matcher finds leftmost-longest terms that start and end on token
 * boundaries of width-folded text; jaen_gloss_doc does that for a whole
 * document and adds "terms" and the sentences' "phrase" objects. */
#ifndef JAEN_GLOSS_H
#define JAEN_GLOSS_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "dictsrc.h"
#include "doc.h"
#include "err.h"

struct jaen_gloss;

/* One row of a compiled glossary; strings borrowed from the glossary. */
struct jaen_gloss_entry {
    const char *ja;         /* headword as written in the source */
    const char *en;         /* English (a template for phrases) */
    const char *concept;    /* concept id */
    const char *variants;   /* '|'-separated, or "" */
    const char *pos;        /* or "" */
    const char *note;       /* or "" */
    unsigned kind;          /* JAEN_GLOSSFMT_KIND_* */
};

/* Compiles the live rows of ds into the binary glossary, appended to out.
 * Entry i of the result is the i-th live row of ds.  Returns JAEN_OK,
 * JAEN_ENOMEM or JAEN_ELIMIT (over 2^31 trie units). */
int jaen_gloss_build(const struct jaen_dictsrc *ds, struct jaen_buf *out,
                     struct jaen_err *err);

/* Maps the compiled glossary at path read-only and checks its header:
 * magic, version, feature flags, header hash, file size and section
 * bounds.  A foreign, wrong-version or truncated file is JAEN_EFORMAT with a
 * message naming the problem; a missing file is JAEN_EIO.  *out receives
 * the glossary (close with jaen_gloss_close). */
int jaen_gloss_open(const char *path, struct jaen_gloss **out,
                    struct jaen_err *err);

/* Like jaen_gloss_open for an image in memory, e.g. from jaen_gloss_build.
 * Takes ownership of bytes (jaen_malloc'd), also on failure. */
int jaen_gloss_open_take(char *bytes, size_t len, const char *name,
                         struct jaen_gloss **out, struct jaen_err *err);

/* Unmaps or frees the glossary.  NULL is a no-op. */
void jaen_gloss_close(struct jaen_gloss *g);

/* Finds the compiled glossary: path when not NULL, else $JAEN_DICT (env
 * given by the caller, may be NULL), else JAEN_DICT_BUILD_DIR/jaen.dict,
 * else JAEN_DICT_INSTALL_DIR/jaen.dict, the first that exists.  Copies it
 * into out (NUL-terminated).  JAEN_EUSAGE when none exists. */
int jaen_gloss_locate(const char *path, const char *env, char *out,
                      size_t outlen, struct jaen_err *err);

/* Opens the glossary a stage uses: the compiled base glossary (found by
 * jaen_gloss_locate(path, env), skipped when no_base) merged with the
 * users' files[0..nfiles) in order, each overriding the rows before it
 * that share a folded headword or variant.  Without user files the base
 * is mapped as it is; with them the merge is compiled in memory.  Returns
 * as jaen_gloss_open and jaen_dictsrc_load. */
int jaen_gloss_load(const char *path, const char *env, int no_base,
                    const char *const *files, size_t nfiles,
                    struct jaen_gloss **out, struct jaen_err *err);

/* Facts about a loaded glossary. */
size_t jaen_gloss_count(const struct jaen_gloss *g);     /* entries */
size_t jaen_gloss_size(const struct jaen_gloss *g);      /* bytes */
uint64_t jaen_gloss_source_hash(const struct jaen_gloss *g);
const char *jaen_gloss_name(const struct jaen_gloss *g);

/* Entry i.  JAEN_EFORMAT when i or one of its strings is out of bounds. */
int jaen_gloss_entry(const struct jaen_gloss *g, size_t i,
                     struct jaen_gloss_entry *e, struct jaen_err *err);

/* The end of entry's object in jaen gloss's "terms", ready-made JSON text
 * of *len bytes: ,"en":...,"concept":...,"entry":...} (glossfmt.h).  NULL
 * when entry is not a term or the glossary is corrupt there. */
const char *jaen_gloss_term_json(const struct jaen_gloss *g, uint32_t entry,
                                 size_t *len);

/* Adds every entry of g to ds as rows of one source file named after g
 * (line = entry index + 1), for merging with users' glossaries. */
int jaen_gloss_to_dictsrc(const struct jaen_gloss *g, struct jaen_dictsrc *ds,
                          struct jaen_err *err);

/* Export formats. */
enum jaen_gloss_export {
    JAEN_EXPORT_TSV = 0,    /* our TSV with a header, every entry */
    JAEN_EXPORT_DEEPL_TSV,  /* ja TAB en, terms and variants only */
    JAEN_EXPORT_CSV,        /* ja,en (RFC 4180), terms and variants only */
    JAEN_EXPORT_TBX,        /* TBX v3 (TBX-Core, DCA style), every entry */
    JAEN_EXPORT_TBX2,       /* TBX v2 <martif>, every entry */
};

/* Maps "tsv", "deepl-tsv", "csv", "tbx", "tbx2" to a format.  Returns
 * JAEN_OK or JAEN_EUSAGE. */
int jaen_gloss_export_format(const char *name, enum jaen_gloss_export *fmt);

/* Writes every entry of g in format fmt onto out.  Phrases (templates with
 * slots) are left out of the DeepL TSV and CSV exports, which have no way
 * to say what a slot is.  Returns JAEN_OK, JAEN_EFORMAT (corrupt entry),
 * JAEN_ENOMEM or JAEN_ELIMIT. */
int jaen_gloss_export(const struct jaen_gloss *g, enum jaen_gloss_export fmt,
                      struct jaen_buf *out, struct jaen_err *err);

/* Which matcher jaen_gloss_match uses.  Both find the same hits. */
enum jaen_gloss_matcher {
    JAEN_GLOSS_SCALAR = 0,  /* one token start after the other */
    JAEN_GLOSS_AUTO,        /* the default: the vector matcher for a large
                             * glossary, where it is faster (gloss.c) */
    JAEN_GLOSS_VECTOR,      /* the vector matcher whenever the CPU has it */
};

/* Sets g's matcher; for tests and benchmarks.  Returns 1 when the vector
 * matcher (AVX2) is in use, 0 when the scalar one is (the CPU or the build
 * has no AVX2, or mode chose it). */
int jaen_gloss_set_matcher(struct jaen_gloss *g,
                           enum jaen_gloss_matcher mode);

#define JAEN_GLOSS_NOPOS ((size_t)-1)

/* A token as a byte span of the folded text.  A boundary that falls inside
 * a folded character (half of ｶﾞ) is JAEN_GLOSS_NOPOS: no term starts or
 * ends there. */
struct jaen_gloss_span {
    size_t start;
    size_t end;
};

/* A term found: tokens first..last (inclusive) make up entry's key. */
struct jaen_gloss_hit {
    size_t first;
    size_t last;
    uint32_t entry;
};

/* Finds leftmost-longest, non-overlapping terms in folded text[0..len)
 * that start at a token start and end at a token end.  toks[0..ntok) must
 * be sorted and not overlap.  Writes at most ntok hits and returns their
 * number.  Never allocates. */
size_t jaen_gloss_match(const struct jaen_gloss *g, const char *text,
                        size_t len, const struct jaen_gloss_span *toks,
                        size_t ntok, struct jaen_gloss_hit *hits);

/* Looks up a whole phrase key (folded, slot tokens, no whitespace).
 * Returns 1 and sets *entry when found, else 0. */
int jaen_gloss_phrase(const struct jaen_gloss *g, const char *key, size_t len,
                      uint32_t *entry);

/* The phrase suffix filter (glossfmt.h): text[0..len) is a sentence's
 * folded text (valid UTF-8).  Returns 0 when no fixed phrase can cover
 * the sentence, whatever its entities; 1 when one may (then look it up).
 * Reads the sentence from its end, most often only a few characters. */
int jaen_gloss_phrase_maybe(const struct jaen_gloss *g, const char *text,
                            size_t len);

/* Incremental phrase lookup: start, feed key bytes in pieces, then end.
 * feed returns 0 once no phrase can match any more (later feeds are then
 * no-ops), so a caller can stop building the key early. */
struct jaen_gloss_cursor {
    uint32_t state;         /* trie node */
    uint32_t toff;          /* bytes matched of state's tail, if it has one */
    int dead;               /* no key has this prefix */
};
void jaen_gloss_phrase_start(struct jaen_gloss_cursor *c);
int jaen_gloss_phrase_feed(const struct jaen_gloss *g,
                           struct jaen_gloss_cursor *c, const char *s,
                           size_t len);
/* Returns 1 and sets *entry when the bytes fed form a whole key. */
int jaen_gloss_phrase_end(const struct jaen_gloss *g,
                          const struct jaen_gloss_cursor *c, uint32_t *entry);

/* Annotates one document in place: "terms" gets [{start, end, ja, en,
 * concept, entry}] (code points into "text"; ja as written; entry the
 * headword of the matched row), and each sentence that a fixed phrase
 * covers in full gets "phrase": {concept, en, entry} with its slots filled
 * from "entities".  A stale "phrase" is removed.  The document must have
 * "text" and "sentences" (JAEN_EDATA otherwise).  Returns JAEN_OK,
 * JAEN_EDATA, JAEN_EFORMAT (corrupt glossary), JAEN_ENOMEM or
 * JAEN_ELIMIT. */
int jaen_gloss_doc(const struct jaen_gloss *g, struct jaen_doc *doc,
                   struct jaen_err *err);

#endif

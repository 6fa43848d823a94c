/* dictsrc.h: glossary sources in memory, read from every format we accept.
 *
 * A struct jaen_dictsrc collects rows from jaen's own TSV (dict/FORMAT.md),
 * DeepL-style two-column TSV and CSV, and TBX (v2 martif, v3 tbx).  Each row
 * is checked (UTF-8, control characters, empty sides, concept ids, phrase
 * slots) and keyed by its width-folded headword and variants, so that a
 * clash is found with both file:line positions.  The compiler
 * (jaen_gloss_build) turns the live rows into the binary glossary. */
#ifndef JAEN_DICTSRC_H
#define JAEN_DICTSRC_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"

enum jaen_dict_format {
    JAEN_DICT_AUTO = 0,     /* by extension, then by content */
    JAEN_DICT_JAEN,         /* our TSV with a header line */
    JAEN_DICT_DEEPL_TSV,    /* ja TAB en, no header */
    JAEN_DICT_CSV,          /* ja,en (RFC 4180 quoting), no header */
    JAEN_DICT_TBX,          /* TBX v2 <martif> or v3 <tbx> */
};

/* Per-file flags. */
#define JAEN_DICTSRC_OVERRIDE 0x1u  /* rows replace clashing rows of earlier
                                       files instead of being an error */

/* One row.  All strings are NUL-terminated and owned by the dictsrc. */
struct jaen_dict_entry {
    const char *ja;         /* headword as written ({slot}s for phrases) */
    const char *en;         /* English, a template for phrases */
    const char *concept;    /* concept id */
    const char *variants;   /* '|'-separated other spellings, or "" */
    const char *pos;        /* part of speech, or "" */
    const char *note;       /* free text, or "" */
    unsigned kind;          /* JAEN_GLOSSFMT_KIND_TERM or _PHRASE */
    const char *file;       /* source name, for messages */
    long line;              /* 1-based line in file */
};

struct jaen_dictsrc;

/* Lifecycle.  new returns NULL on allocation failure; free(NULL) is a
 * no-op. */
struct jaen_dictsrc *jaen_dictsrc_new(void);
void jaen_dictsrc_free(struct jaen_dictsrc *ds);

/* Reads the file at path and parses it as jaen_dictsrc_parse does (name =
 * path).  Returns JAEN_EIO when the file cannot be read, else as parse. */
int jaen_dictsrc_load(struct jaen_dictsrc *ds, const char *path,
                      enum jaen_dict_format fmt, unsigned flags,
                      struct jaen_err *err);

/* Parses one source file held in bytes[0..len) and adds its rows.  name is
 * used in messages and copied.  A bad row stops the parse with JAEN_EDATA
 * and err->line set (err->msg starts with "name:line: ").  Rows of one file
 * never override each other; with JAEN_DICTSRC_OVERRIDE they replace every
 * row of an earlier file that shares a folded headword or variant.
 * Returns JAEN_OK, JAEN_EDATA, JAEN_ENOMEM or JAEN_ELIMIT. */
int jaen_dictsrc_parse(struct jaen_dictsrc *ds, const char *name,
                       const char *bytes, size_t len,
                       enum jaen_dict_format fmt, unsigned flags,
                       struct jaen_err *err);

/* Starts a new source file for jaen_dictsrc_add (parse does this itself).
 * name is copied.  Returns JAEN_OK or JAEN_ENOMEM. */
int jaen_dictsrc_begin(struct jaen_dictsrc *ds, const char *name,
                       unsigned flags);

/* Checks one row and adds it to the current file (e->file is ignored; the
 * current file's name is used).  Empty pointers may be NULL for the
 * optional fields.  kind is taken from e->kind, but a concept starting with
 * "phrase." or pos "phrase" makes a phrase.  Returns as parse. */
int jaen_dictsrc_add(struct jaen_dictsrc *ds, const struct jaen_dict_entry *e,
                     struct jaen_err *err);

/* Rows added so far, including replaced ones (see live). */
size_t jaen_dictsrc_count(const struct jaen_dictsrc *ds);
/* Row i (borrowed, valid until ds is freed); NULL past the end. */
const struct jaen_dict_entry *jaen_dictsrc_get(const struct jaen_dictsrc *ds,
                                               size_t i);
/* 1 when row i was not replaced by a later file. */
int jaen_dictsrc_live(const struct jaen_dictsrc *ds, size_t i);

/* The lookup keys: folded headwords and variants (phrases also stripped of
 * whitespace).  Key i is in *key (borrowed, *len bytes) and belongs to row
 * *row.  Returns 1 when the key is live, 0 when its row was replaced. */
size_t jaen_dictsrc_nkeys(const struct jaen_dictsrc *ds);
int jaen_dictsrc_key(const struct jaen_dictsrc *ds, size_t i,
                     const char **key, size_t *len, size_t *row);

/* FNV-1a 64 of every source byte parsed so far, in order. */
uint64_t jaen_dictsrc_hash(const struct jaen_dictsrc *ds);

/* 1 when s is a valid concept id: [a-z0-9_]+(\.[a-z0-9_]+)+ */
int jaen_dict_concept_ok(const char *s);

/* The format of a file by its name and first bytes (never AUTO). */
enum jaen_dict_format jaen_dict_sniff(const char *name, const char *bytes,
                                      size_t len);

#endif

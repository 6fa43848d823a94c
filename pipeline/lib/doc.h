/* doc.h: one document of the JSON Lines stream, and the stream itself.
 *
 * This module is the only one that reads or writes the stream format
 * (docs/STREAM.md).  A record is indexed, not rebuilt: the top-level object
 * is validated and split into fields whose values stay as raw JSON bytes
 * until a stage asks for one.  Fields no stage touches are written back byte
 * for byte, so unknown fields pass through untouched and big integers never
 * wrap.  "sentences" has a typed fast path (struct jaen_sent/jaen_tok)
 * because it holds millions of token spans on a corpus.
 *
 * Ownership: a struct jaen_doc owns everything it hands out; borrowed
 * pointers stay valid until the field is set again or the doc is reset. */
#ifndef JAEN_DOC_H
#define JAEN_DOC_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"

/* Version of the stream format written in every record's "jaen" field. */
#define JAEN_STREAM_VERSION "jaen.stream/1"

/* Field names: stages never spell a key string themselves. */
#define JAEN_F_STREAM "jaen"
#define JAEN_F_ID "id"
#define JAEN_F_META "meta"
#define JAEN_F_TEXT "text"
#define JAEN_F_BLOCKS "blocks"
#define JAEN_F_SENTENCES "sentences"
#define JAEN_F_ENTITIES "entities"
#define JAEN_F_TERMS "terms"
#define JAEN_F_ERROR "error"
#define JAEN_F_WARNINGS "warnings"
#define JAEN_F_START "start"
#define JAEN_F_END "end"
#define JAEN_F_TOKENS "tokens"

/* A span in code points of the document's text, end exclusive. */
struct jaen_tok {
    int64_t start;
    int64_t end;
};

/* A sentence: its span, its tokens as a slice of the doc's token array, and
 * any further keys stages added to it (NULL or a JSON object, owned by the
 * doc).  extra keys are written after start, end and tokens. */
struct jaen_sent {
    int64_t start;
    int64_t end;
    size_t tok0;        /* index of the first token in the token array */
    size_t ntok;        /* number of tokens */
    json_t *extra;      /* owned; NULL when the sentence has no other keys */
};

struct jaen_doc;

/* Lifecycle.  jaen_doc_new returns NULL on allocation failure. */
struct jaen_doc *jaen_doc_new(void);
void jaen_doc_free(struct jaen_doc *doc);          /* NULL is a no-op */
void jaen_doc_reset(struct jaen_doc *doc);         /* empty, keeps memory */

/* Parses one JSONL record (without its newline; UTF-8 already repaired)
 * into doc, which is reset first.  The top level must be an object with
 * unique keys; nesting deeper than JAEN_MAX_JSON_DEPTH, trailing data and
 * malformed JSON are JAEN_EDATA with err->column set to the byte offset.
 * The bytes are copied. */
int jaen_doc_parse(struct jaen_doc *doc, const char *line, size_t len,
                   struct jaen_err *err);

/* With sentences != 0, jaen_doc_parse decodes "sentences" as it reads the
 * record (for stages that will ask for them: one pass instead of a JSON
 * scan and then a decode).  The output is the same either way. */
void jaen_doc_decode_early(struct jaen_doc *doc, int sentences);

/* Looks a field up.  Returns a borrowed jansson value parsed on first use
 * (NULL if absent or, with err set, if its raw value fails to load).
 * Editing the returned value in place is allowed after calling
 * jaen_doc_touch(doc, key), which marks the field for re-serialization. */
json_t *jaen_doc_get(struct jaen_doc *doc, const char *key,
                     struct jaen_err *err);
int jaen_doc_has(const struct jaen_doc *doc, const char *key);
/* The raw JSON text of field key, as read or given to jaen_doc_set_raw and
 * unchanged since: json[0..len), borrowed until the doc changes.  Returns
 * 1, or 0 when the field is absent or held only as a jansson value. */
int jaen_doc_raw(const struct jaen_doc *doc, const char *key,
                 const char **json, size_t *len);
int jaen_doc_touch(struct jaen_doc *doc, const char *key);
/* The string member name of the object field key (meta.published, say),
 * decoded into out (reset first, NUL-terminated), without building the
 * object as jansson values when the field is still raw.  Returns 1 when it
 * is a string, 0 when the field or member is absent or not a string, or
 * JAEN_ENOMEM. */
int jaen_doc_member_string(struct jaen_doc *doc, const char *key,
                           const char *name, struct jaen_buf *out);

/* Sets a field, stealing the reference to value (also on failure).  An
 * existing field keeps its position; a new one goes at the end. */
int jaen_doc_set(struct jaen_doc *doc, const char *key, json_t *value);
int jaen_doc_del(struct jaen_doc *doc, const char *key);
/* Sets a field to the JSON text json[0..len), copied and written as it is:
 * the caller guarantees one valid JSON value (the fast path for big
 * generated arrays such as "terms").  Not for "text" or "sentences"
 * (JAEN_EUSAGE).  Returns JAEN_OK, JAEN_ENOMEM or JAEN_ELIMIT. */
int jaen_doc_set_raw(struct jaen_doc *doc, const char *key, const char *json,
                     size_t len);

/* The document id ("id" as a string) or "" when missing. */
const char *jaen_doc_id(struct jaen_doc *doc);

/* The document's text, decoded: *text is NUL-terminated valid UTF-8 that
 * may contain NUL bytes, *len its byte length, *ncp its code points.  A
 * missing "text" is JAEN_EDATA. */
int jaen_doc_text(struct jaen_doc *doc, const char **text, size_t *len,
                  size_t *ncp, struct jaen_err *err);
/* Sets "text" (copied). */
int jaen_doc_set_text(struct jaen_doc *doc, const char *text, size_t len);

/* The typed sentences.  Parsed on first use; a missing "sentences" gives
 * n = 0 and JAEN_OK.  Offsets are checked against each other (sorted, inside
 * the sentence) but not against the text. */
int jaen_doc_sentences(struct jaen_doc *doc, struct jaen_sent **sents,
                       size_t *nsents, const struct jaen_tok **toks,
                       size_t *ntoks, struct jaen_err *err);
/* Replaces the sentences (arrays copied; the extras are stolen). */
int jaen_doc_set_sentences(struct jaen_doc *doc, struct jaen_sent *sents,
                           size_t nsents, const struct jaen_tok *toks,
                           size_t ntoks);
/* The extra-keys object of sentence i, created empty if needed, for a
 * stage to add keys to.  Returns NULL on allocation failure. */
json_t *jaen_doc_sentence_extra(struct jaen_doc *doc, size_t i);

/* A glossary match from "terms" (gloss adds them; docs/STREAM.md).
 * Strings are NULL when absent or null. */
struct jaen_term {
    int64_t start;
    int64_t end;
    const char *ja;
    const char *en;
    const char *concept;
    const char *entry;
};

/* The typed "terms", decoded on first use without building JSON objects
 * (a glossed corpus holds millions).  Borrowed until "terms" is set again
 * or the doc is reset.  A missing "terms" gives n = 0 and JAEN_OK; one
 * that is not an array of objects with integer start/end is JAEN_EDATA. */
int jaen_doc_terms(struct jaen_doc *doc, const struct jaen_term **terms,
                   size_t *n, struct jaen_err *err);

/* Marks the record as failed: sets "error" to {"stage", "message", "code"
 * and, when known, "line" and "column"}.  Keeps every other field. */
int jaen_doc_set_error(struct jaen_doc *doc, const char *stage,
                       const struct jaen_err *e);
int jaen_doc_has_error(const struct jaen_doc *doc);

/* Appends a warning {"stage", "message"} to the record's "warnings". */
int jaen_doc_warn(struct jaen_doc *doc, const char *stage, const char *msg);

/* Serializes doc as one compact line with its newline into out. */
int jaen_doc_write(struct jaen_doc *doc, struct jaen_buf *out,
                   struct jaen_err *err);

/* Writes doc's sentences as text: one sentence a line, its tokens joined
 * by single spaces (mecab -Owakati style). */
int jaen_doc_write_wakati(struct jaen_doc *doc, struct jaen_buf *out,
                          struct jaen_err *err);

/* Appends a JSON value compactly (UTF-8 kept, keys in order) to out.
 * The one dump path for values that are not a whole record. */
int jaen_json_dump(const json_t *value, struct jaen_buf *out);

/* Appends s[0..len) as a JSON string literal, quotes included.  Escapes ",
 * \, controls, DEL, NEL, U+2028 and U+2029 (\n, \t and \r by letter, the
 * rest as lower-case \u00XX); keeps other UTF-8 as is. */
int jaen_json_add_string(struct jaen_buf *out, const char *s, size_t len);

/* Raw reading of validated JSON text (a field's raw value, jaen_doc_raw),
 * for hot paths that need a few members of many objects without building
 * them.  jaen_json_next_elem steps through an array: *pos starts at 0 and
 * each call sets json[elem, elem + elen) to the next element; returns 1, or
 * 0 at the end (or when json is not an array).  jaen_json_members finds n
 * top-level members of an object in one pass (the last, if one is
 * repeated): vals[m] and vlens[m] get member names[m]'s raw value text, or
 * NULL when it is absent; returns how many it found.  jaen_json_raw_int
 * reads such a value as an int64 (0 when NULL or not one);
 * jaen_json_raw_string decodes a string value into out (reset first; 0
 * when NULL or not a string, JAEN_ENOMEM). */
int jaen_json_next_elem(const char *json, size_t len, size_t *pos,
                        const char **elem, size_t *elen);
int jaen_json_members(const char *obj, size_t len, const char *const *names,
                      size_t n, const char **vals, size_t *vlens);
int jaen_json_raw_int(const char *val, size_t vlen, int64_t *v);
int jaen_json_raw_string(const char *val, size_t vlen, struct jaen_buf *out);

/* Loads a standalone JSON text (a file, an API response) with the same
 * flags as the stream (NUL allowed, duplicate keys rejected). */
json_t *jaen_json_load(const char *s, size_t len, struct jaen_err *err);

#endif

/* phrase.h: fixed phrases with slots ({date}, {quantity2}, ...).
 *
 * A fixed phrase is a whole boilerplate sentence whose values are slots.
 * Its lookup key is the width-folded sentence with every normalize entity
 * replaced by its slot token and all whitespace removed; the first entity
 * of a type is {type}, the second {type2}, and so on.  The compiler builds
 * keys from the `ja` column the same way, so both sides agree.  Filling
 * the English template formats each entity with english.h. */
#ifndef JAEN_PHRASE_H
#define JAEN_PHRASE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"

/* Longest slot token, braces and NUL included ("{date_range99}"). */
#define JAEN_PHRASE_SLOT_MAX 24

/* One entity placed in a sentence. */
struct jaen_phrase_slot {
    int64_t start;          /* code points into the document text */
    int64_t end;            /* exclusive */
    const json_t *entity;   /* borrowed from the document's "entities", or
                             * NULL when only its raw text is at hand: */
    const char *raw;        /* the entity's JSON text, borrowed from the
                             * document, loaded only to be filled in */
    size_t raw_len;
    unsigned type;          /* index of its type among the slot types */
    char name[JAEN_PHRASE_SLOT_MAX]; /* "{date}", "{date2}", ... */
};

/* 1 when type is a slot type (date, date_range, time, duration, number,
 * quantity, money, percent). */
int jaen_phrase_type_ok(const char *type, size_t len);

/* Checks the slots of a phrase row: every {...} in ja and en must be a slot
 * type with an optional number 2..99; in ja, {t} comes before {t2}, {t2}
 * before {t3}; en uses exactly the slots that ja has.  On a problem writes
 * a reason into why (NUL-terminated) and returns JAEN_EDATA. */
int jaen_phrase_check(const char *ja, const char *en, char *why,
                      size_t whylen);

/* 1 when s contains something shaped like a slot token ({letters}). */
int jaen_phrase_has_slot(const char *s);

/* 1 for the whitespace that keys drop: ASCII space and controls \t\n\v\f\r,
 * U+00A0, U+3000 and the other Unicode space separators. */
int jaen_phrase_space(uint32_t cp);

/* The byte length of the whitespace character (as jaen_phrase_space) that
 * starts at s[0..left), or 0.  Works on bytes: no decoding. */
size_t jaen_phrase_space_at(const char *s, size_t left);

/* Appends valid UTF-8 s[0..len) to out without whitespace.  Returns
 * JAEN_OK, JAEN_ENOMEM or JAEN_ELIMIT. */
int jaen_phrase_key_add(struct jaen_buf *out, const char *s, size_t len);

/* Collects the entities of a document as slots, sorted by start, dropping
 * any that lies inside or overlaps an earlier, longer one and any without
 * a slot type.  *slots is jaen_malloc'd (free with jaen_free), *n its
 * length.  Names are not set (see jaen_phrase_name).  entities may be NULL.
 * Returns JAEN_OK or JAEN_ENOMEM. */
int jaen_phrase_collect(const json_t *entities, struct jaen_phrase_slot **slots,
                        size_t *n);
/* The slots of document doc's "entities": raw when the field is still as
 * read, else from its jansson value.  err gets the reason when "entities"
 * cannot be read.  Returns JAEN_OK, JAEN_ENOMEM or JAEN_EDATA. */
struct jaen_doc;
int jaen_phrase_collect_doc(struct jaen_doc *doc,
                            struct jaen_phrase_slot **slots, size_t *n,
                            struct jaen_err *err);
/* The same from the raw JSON text of an "entities" array (jaen_doc_raw):
 * the slots point into it, so a document's hundreds of entities are not
 * built as jansson values for the few that a phrase fills. */
int jaen_phrase_collect_raw(const char *json, size_t len,
                            struct jaen_phrase_slot **slots, size_t *n);

/* Names slots[0..n) in order: the first of each type {type}, then
 * {type2}...  Names past 99 of a type stay "{type99}" (no phrase has so
 * many). */
void jaen_phrase_name(struct jaen_phrase_slot *slots, size_t n);

/* Appends template tmpl to out with each {slot} replaced by the English of
 * the slot of that name among slots[0..n) (english.h).  An unknown slot is
 * JAEN_EDATA.  Returns JAEN_OK, JAEN_EDATA, JAEN_ENOMEM or JAEN_ELIMIT. */
int jaen_phrase_fill(const char *tmpl, const struct jaen_phrase_slot *slots,
                     size_t n, struct jaen_buf *out, struct jaen_err *err);

#endif

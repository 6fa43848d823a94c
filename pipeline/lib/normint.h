/* normint.h: what norm.c and normqty.c share; not a public API.
 *
 * The scan state of one jaen_norm_scan call, and the helpers that turn a
 * folded span into an entity object with original-text offsets. */
#ifndef JAEN_NORMINT_H
#define JAEN_NORMINT_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "dates.h"

struct jaen_norm_scan {
    const uint32_t *s;          /* folded text as code points */
    size_t n;                   /* code points in s */
    const int64_t *map;         /* folded offset -> original offset */
    const char *text;           /* the original text */
    size_t len;                 /* its bytes */
    size_t cur_cp;              /* cursor: original code point ... */
    size_t cur_byte;            /* ... and its byte offset */
    struct jaen_ref ref;        /* reference date, zeros if none */
    struct jaen_buf big;        /* decimal string of an overflowing value */
    json_t *arr;                /* the entities so far */
    size_t prev_end;            /* folded end of the last entity */
    struct jaen_when last;      /* the last full date, for 同日 and 翌日 */
    int has_last;               /* whether last is set */
};

/* A new object {"type", "start", "end", "surface"} for folded span
 * [fs, fe); spans must be requested in order of fs.  *obj is set even on
 * failure (JAEN_ENOMEM), for the caller to release. */
int jaen_norm_new_entity(struct jaen_norm_scan *sc, const char *type,
                         size_t fs, size_t fe, json_t **obj);

/* Appends obj (stolen) to the entities. */
int jaen_norm_append(struct jaen_norm_scan *sc, json_t *obj);

/* json_object_set_new with a status code. */
int jaen_norm_set(json_t *obj, const char *key, json_t *v);

/* Tries a number, quantity, money, percent or duration at i; emits it
 * and sets *used to the code points consumed from i, or 0. */
int jaen_norm_quantity(struct jaen_norm_scan *sc, size_t i, size_t *used);

#endif

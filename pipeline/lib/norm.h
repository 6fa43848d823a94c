/* norm.h: the entity scanner of `jaen normalize`.
 *
 * Finds numbers, quantities, money, percentages, dates, date ranges, times
 * and durations in a document's text and returns them as typed JSON values
 * (field names and rules in docs/NORMALIZE.md).  Offsets are code points
 * into the original text, though matching runs on the width-folded text. */
#ifndef JAEN_NORM_H
#define JAEN_NORM_H

#include <jansson.h>
#include <stddef.h>

#include "doc.h"
#include "err.h"

/* Scans valid UTF-8 text[0..len) and stores a new JSON array of entity
 * objects in *entities_out (the caller owns it), sorted by start.  ref_date
 * is "YYYY-MM-DD" (a longer timestamp is cut at 10) or NULL; year-less
 * dates are resolved against it.  Returns JAEN_OK, JAEN_ENOMEM or
 * JAEN_ELIMIT (text over the buffer cap); *entities_out is NULL then. */
int jaen_norm_scan(const char *text, size_t len, const char *ref_date,
                   json_t **entities_out, struct jaen_err *err);

/* The per-document transform of the normalize stage: reads the doc's
 * text and meta.published (ref_override, when not NULL, wins) and sets
 * "entities".  Returns JAEN_OK, JAEN_EDATA (no text, or a bad ref date in
 * ref_override), JAEN_ENOMEM or JAEN_ELIMIT. */
int jaen_normalize_doc(struct jaen_doc *doc, const char *ref_override,
                       struct jaen_err *err);

#endif

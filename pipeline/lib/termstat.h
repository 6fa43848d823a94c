/* termstat.h: what the glossary misses, for `jaen terms`.
 *
 * Fed glossed documents (segment | normalize | gloss), it counts the runs
 * of two or more adjacent noun-like tokens (kanji, katakana, Latin letters)
 * that no term covers, and the sentences that no fixed phrase covers
 * (folded, entities as slot tokens, whitespace removed: the form a phrase's
 * `ja` must take), plus the coverage figures. */
#ifndef JAEN_TERMSTAT_H
#define JAEN_TERMSTAT_H

#include <stddef.h>

#include "buf.h"
#include "doc.h"
#include "err.h"

/* Longest noun run counted, in tokens (longer runs are cut). */
#define JAEN_TERMSTAT_MAX_RUN 8

/* Shortest sentence listed, in code points of its key: shorter ones are
 * headings, list numbers and table cells, which terms cover better. */
#define JAEN_TERMSTAT_MIN_SENT 10

struct jaen_termstat;

struct jaen_termstat *jaen_termstat_new(void);          /* NULL: no memory */
void jaen_termstat_free(struct jaen_termstat *ts);      /* NULL: no-op */

/* Counts one glossed document.  JAEN_EDATA when it has no "text" or no
 * "sentences"; JAEN_ENOMEM.  A document without "terms" counts as having
 * none. */
int jaen_termstat_doc(struct jaen_termstat *ts, struct jaen_doc *doc,
                      struct jaen_err *err);

/* Writes the report: '#' lines with the coverage, then the top noun runs
 * and the top uncovered sentences as "count TAB text" lines, most frequent
 * first (ties in byte order), top of each. */
int jaen_termstat_report(const struct jaen_termstat *ts, size_t top,
                         struct jaen_buf *out);

#endif

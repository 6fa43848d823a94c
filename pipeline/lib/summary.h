/* summary.h: writing incident records, as JSON or as an English summary.
 *
 * The Markdown summary is for a reader without Japanese: every structured
 * part (dates, report stage, types, the counts table, data items,
 * secondary damage) is English.  Only an organization name without English
 * and free text without English yet appear in Japanese, each marked with
 * "[ja]". */
#ifndef JAEN_SUMMARY_H
#define JAEN_SUMMARY_H

#include <jansson.h>

#include "buf.h"
#include "doc.h"
#include "err.h"

enum jaen_record_format {
    JAEN_RECORD_JSON = 0,       /* one compact record a line */
    JAEN_RECORD_MARKDOWN,       /* the English summary */
};

/* Maps "json" or "markdown" to *fmt.  Returns JAEN_OK or JAEN_EUSAGE. */
int jaen_record_format_parse(const char *name, enum jaen_record_format *fmt);

/* Appends the English Markdown summary of record rec (jaen.incident/1) to
 * out.  doc (may be NULL) supplies the opening sentences of the text for
 * "What happened".  A record with "error" becomes a marked error line.
 * Returns JAEN_OK, JAEN_EDATA (rec is not a record), JAEN_ENOMEM or
 * JAEN_ELIMIT. */
int jaen_summary_write(const json_t *rec, struct jaen_doc *doc,
                       struct jaen_buf *out, struct jaen_err *err);

/* Writes rec (NULL: the error record of doc) in format fmt onto out, one
 * JSON line or one summary.  Returns as jaen_summary_write. */
int jaen_record_write(const json_t *rec, struct jaen_doc *doc,
                      enum jaen_record_format fmt, struct jaen_buf *out,
                      struct jaen_err *err);

#endif

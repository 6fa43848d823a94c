/* md.h: the archive's Markdown form of a disclosure, and plain text.
 *
 * An archive document is `# 公表概要` with bullets (title, date,
 * organization, URL, links to earlier reports, in any order), then
 * `# 本文` with the body.  Bullets are recognized by their shape, not their
 * position.  The body becomes the document's "text" with Markdown syntax
 * (`#` heading marks, `-`/`*`/`+` list marks) removed and recorded in
 * "blocks" instead; everything else, other sections included, is kept. */
#ifndef JAEN_MD_H
#define JAEN_MD_H

#include <stddef.h>

#include "doc.h"
#include "err.h"

/* 1 when s looks like archive Markdown (a `# 公表概要` line). */
int jaen_md_detect(const char *s, size_t len);

/* Where the document that starts at s[pos] ends: at the next `# 公表概要`
 * line that follows a `# 本文` line, or at len. */
size_t jaen_md_split(const char *s, size_t len, size_t pos);

/* Fills doc with "jaen", "id", "meta", "text" and "blocks" from one archive
 * document.  id is the document id; when the bullets carry no date, the
 * publication date is taken from an archive path in id (YYYY/MM/DD_...).
 * Returns JAEN_OK, JAEN_ENOMEM or JAEN_ELIMIT. */
int jaen_md_parse(const char *s, size_t len, const char *id,
                  struct jaen_doc *doc, struct jaen_err *err);

/* The same for plain text: the whole input is the text; blank lines
 * separate paragraph blocks; meta fields are null. */
int jaen_text_parse(const char *s, size_t len, const char *id,
                    struct jaen_doc *doc, struct jaen_err *err);

/* Parses a Japanese or ISO date at the start of s ("2025年3月11日",
 * "令和7年3月11日", "２０２５年３月１１日", "2025/3/11", "2025-03-11")
 * into "YYYY-MM-DD" (out must hold 11 bytes).  When only the month is
 * certain ("2025年12月", "2025年3月XX日", "2025年2月29日") out is "YYYY-MM"
 * and the bytes consumed stop after 月.  Returns the bytes consumed, or 0
 * when s does not start with at least a year and a month. */
size_t jaen_md_parse_date(const char *s, size_t len, char out[11]);

#endif

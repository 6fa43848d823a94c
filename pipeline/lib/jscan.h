/* jscan.h: a validating JSON scanner that finds where values end.
 *
 * Private to the stream layer (doc.c, stage.c): it lets a record be split into raw
 * field values without building a tree, so that fields no stage asks for are
 * copied through byte for byte.  The grammar is RFC 8259, with the same
 * choices as jansson loading with JSON_ALLOW_NUL: "\u0000" is allowed, lone
 * surrogate escapes are rejected, raw control characters in strings are
 * rejected.  It never recurses, so depth is bounded by JAEN_MAX_JSON_DEPTH
 * and not by the C stack. */
#ifndef JAEN_JSCAN_H
#define JAEN_JSCAN_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"

/* Skips JSON whitespace from s[pos]; returns the new position. */
size_t jaen_jscan_ws(const char *s, size_t len, size_t pos);

/* Validates one JSON value starting at s[*pos] (no leading whitespace) and
 * sets *pos just past it.  Returns JAEN_OK or JAEN_EDATA with err->column
 * set to the 1-based byte offset of the fault. */
int jaen_jscan_value(const char *s, size_t len, size_t *pos,
                     struct jaen_err *err);

/* Decodes the validated string literal s[pos..] (starting at its opening
 * quote) and appends its UTF-8 bytes to out; *end receives the position past
 * the closing quote. */
int jaen_jscan_string(const char *s, size_t len, size_t pos, size_t *end,
                      struct jaen_buf *out);

/* The same for the body of a validated string literal, s[0..len) being
 * the bytes between its quotes: for a long string whose end is known (a
 * field's raw value), with escapes found by memchr rather than byte by
 * byte.  Returns JAEN_OK, JAEN_ENOMEM or JAEN_ELIMIT. */
int jaen_jscan_string_body(const char *s, size_t len, struct jaen_buf *out);

/* Parses a validated JSON integer at s[*pos] into *v.  Returns JAEN_EDATA if
 * the number has a fraction or exponent or does not fit in int64_t. */
int jaen_jscan_int(const char *s, size_t len, size_t *pos, int64_t *v);

#endif

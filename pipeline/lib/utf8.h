/* utf8.h: UTF-8 validation, repair and code point arithmetic.
 *
 * Repair follows the Unicode "U+FFFD substitution of maximal subparts"
 * practice (Unicode 15 ch. 3 §3.9, WHATWG Encoding): each maximal subpart of
 * an ill-formed sequence becomes one U+FFFD, so `E3 81 41` gives FFFD 'A'
 * and an overlong `C0 AF` gives two.  Ill-formed bytes are never ASCII, so
 * repairing a JSON line leaves its structure intact. */
#ifndef JAEN_UTF8_H
#define JAEN_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define JAEN_UTF8_REPLACEMENT 0xFFFDu

/* Length of the valid UTF-8 prefix of s[0..len).  Returns len when all of
 * it is valid.  Fast path for ASCII. */
size_t jaen_utf8_valid_prefix(const char *s, size_t len);

/* Decodes one code point at s[*pos..len).  On a well-formed sequence stores
 * it in *cp, advances *pos and returns 1.  On an ill-formed one stores
 * U+FFFD, advances *pos past one maximal subpart and returns 0.  *pos must be
 * below len. */
int jaen_utf8_next(const char *s, size_t len, size_t *pos, uint32_t *cp);

/* Appends s[0..len) to out with every maximal ill-formed subpart replaced by
 * U+FFFD.  *nrepairs (if not NULL) receives the number of replacements and
 * *first_bad (if not NULL) the byte offset of the first one, or -1.
 * Returns JAEN_OK, JAEN_ENOMEM or JAEN_ELIMIT (out's cap). */
int jaen_utf8_repair(const char *s, size_t len, struct jaen_buf *out,
                     size_t *nrepairs, long *first_bad);

/* Number of code points in valid UTF-8 s[0..len). */
size_t jaen_utf8_count(const char *s, size_t len);

/* Encoded length of a code point: 1 to 4. */
size_t jaen_utf8_cplen(uint32_t cp);

#endif

/* cps.h: small inline helpers for scanning code point arrays.
 *
 * The normalize scanner (norm.c, dates.c) works on folded text decoded to
 * UTF-32; these test and match code points there.  Literals are written as
 * U"..." strings and cast with JAEN_U. */
#ifndef JAEN_CPS_H
#define JAEN_CPS_H

#include <stddef.h>
#include <stdint.h>
#include <uchar.h>

#define JAEN_U(s) ((const uint32_t *)U##s)

/* Length of the literal w if s[i..] starts with it, else 0. */
static inline size_t jaen_cps_lit(const uint32_t *s, size_t n, size_t i,
                                  const uint32_t *w)
{
    size_t k = 0;
    while (w[k]) {
        if (i + k >= n || s[i + k] != w[k])
            return 0;
        k++;
    }
    return k;
}

static inline int jaen_cps_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static inline int jaen_cps_alpha(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A space inside a date or between a number and its unit (PDF text). */
static inline int jaen_cps_space(uint32_t c)
{
    return c == ' ' || c == 0x3000 || c == '\t';
}

/* The CJK unified ideographs and the iteration mark 々. */
static inline int jaen_cps_kanji(uint32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           c == 0x3005;
}

#endif

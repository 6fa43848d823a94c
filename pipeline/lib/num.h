/* num.h: Japanese and Arabic numerals on folded code point arrays.
 *
 * The parser works on width-folded text (jaen_fold), decoded to code
 * points, so digits and separators are ASCII.  It reads Arabic digits with
 * "," thousands groups and a "." decimal part, kanji digits and the
 * multipliers 十百千 and 万億兆京 in any mix (1億2千万, 1.5万, 三万八千,
 * 二〇二五), and 数十/数百/十数 as vague amounts.  Values are exact: past
 * 2^63-1 they come as a decimal string, in linear time for any length. */
#ifndef JAEN_NUM_H
#define JAEN_NUM_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum jaen_num_kind {
    JAEN_NUM_INT = 0,     /* exact integer in i */
    JAEN_NUM_REAL = 1,    /* has a fractional part: d */
    JAEN_NUM_BIG = 2,     /* over 2^63-1: decimal string in the caller's buf */
    JAEN_NUM_VAGUE = 3,   /* 数十, 数百, 十数: no value */
};

/* What the numeral was written with. */
enum {
    JAEN_NUMF_ARABIC = 1 << 0,    /* at least one Arabic digit */
    JAEN_NUMF_KANJI = 1 << 1,     /* at least one kanji digit 〇一..九 */
    JAEN_NUMF_SMALL = 1 << 2,     /* 十, 百 or 千 */
    JAEN_NUMF_BIG = 1 << 3,       /* 万, 億, 兆 or 京 */
    JAEN_NUMF_COMMA = 1 << 4,     /* a thousands separator */
    JAEN_NUMF_POINT = 1 << 5,     /* a decimal point */
    JAEN_NUMF_POSITIONAL = 1 << 6,/* two or more kanji digits in a row */
};

struct jaen_num {
    enum jaen_num_kind kind;
    int64_t i;          /* JAEN_NUM_INT value */
    double d;           /* JAEN_NUM_REAL value (also set for INT) */
    unsigned flags;     /* JAEN_NUMF_* */
    size_t ndigits;     /* digits written (Arabic or kanji), not counting
                         * multipliers; a leading-digit count for guards */
};

/* Value of a kanji digit (〇 零 一 壱 二 弐 三 参 四..九), or -1. */
int jaen_num_kanji_digit(uint32_t c);

/* Whether c can start or continue a numeral: an ASCII digit, a kanji
 * digit, 十百千拾 or 万億兆京萬, or 数. */
/* 1 for a big multiplier: 万, 億, 兆, 京. */
int jaen_num_big_mult_cp(uint32_t c);
int jaen_num_is_numeral_cp(uint32_t c);

/* Parses the longest numeral at s[i] (s has n code points).  On success
 * *used > 0 is its length in code points and num is filled; when the
 * numeral is JAEN_NUM_BIG its decimal string (digits, maybe one ".") is
 * written to big, which is reset first.  *used = 0 means no numeral starts
 * at i.  A "," counts only before exactly three digits, a "." only before a
 * digit; multipliers apply to the whole group before them (2千3万 is
 * 2003万) and must decrease (1万1万 stops after the first 万).
 * Returns JAEN_OK, or JAEN_ENOMEM/JAEN_ELIMIT from big. */
int jaen_num_parse(const uint32_t *s, size_t n, size_t i, size_t *used,
                   struct jaen_num *num, struct jaen_buf *big);

#endif

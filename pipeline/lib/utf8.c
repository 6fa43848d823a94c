/* utf8.c: UTF-8 validation and maximal-subpart repair. */
#include "utf8.h"

#include "err.h"

#include <string.h>

/* Decodes the sequence at s[i] per Unicode Table 3-7.  Returns the number of
 * bytes consumed; *ok says whether they formed a well-formed sequence.  When
 * not, the bytes consumed are exactly one maximal subpart (at least 1). */
static size_t decode(const unsigned char *s, size_t len, size_t i,
                     uint32_t *cp, int *ok)
{
    unsigned c = s[i];
    unsigned lo = 0x80, hi = 0xBF;
    size_t need, k;
    uint32_t v;

    *ok = 0;
    *cp = JAEN_UTF8_REPLACEMENT;
    if (c < 0x80) {
        *cp = c;
        *ok = 1;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        v = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;      /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        v = c & 0x07;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;      /* nothing past U+10FFFF */
    } else {
        return 1;           /* 80..C1, F5..FF: never a lead byte */
    }
    for (k = 1; k <= need; k++) {
        unsigned t;
        if (i + k >= len)
            return k;       /* truncated: the subpart so far */
        t = s[i + k];
        if (t < lo || t > hi)
            return k;
        lo = 0x80;
        hi = 0xBF;
        v = (v << 6) | (t & 0x3F);
    }
    *cp = v;
    *ok = 1;
    return need + 1;
}

size_t jaen_utf8_valid_prefix(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;

    while (i < len) {
        uint32_t cp;
        int ok;
        size_t n;

        /* ASCII runs, sixteen bytes at a time */
        while (len - i >= 16) {
            uint64_t a, b;
            memcpy(&a, s + i, 8);
            memcpy(&b, s + i + 8, 8);
            if ((a | b) & 0x8080808080808080ull)
                break;
            i += 16;
        }
        /* then byte by byte up to the next non-ASCII byte */
        while (i < len && s[i] < 0x80)
            i++;
        /* runs of the common three-byte form (kana, kanji) without the
         * two lead bytes whose second byte has a narrower range (E0, ED):
         * Japanese text stays in this loop */
        while (len - i >= 3 && s[i] >= 0xE1 && s[i] <= 0xEF && s[i] != 0xED
               && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80)
            i += 3;
        if (i >= len || s[i] < 0x80)
            continue;
        n = decode(s, len, i, &cp, &ok);
        if (!ok)
            return i;
        i += n;
    }
    return len;
}

int jaen_utf8_next(const char *s, size_t len, size_t *pos, uint32_t *cp)
{
    int ok;
    size_t n = decode((const unsigned char *)s, len, *pos, cp, &ok);
    *pos += n;
    return ok;
}

int jaen_utf8_repair(const char *s, size_t len, struct jaen_buf *out,
                     size_t *nrepairs, long *first_bad)
{
    size_t i = 0, fixes = 0;
    long first = -1;
    int rc;

    while (i < len) {
        size_t good = jaen_utf8_valid_prefix(s + i, len - i);
        uint32_t cp;

        rc = jaen_buf_add(out, s + i, good);
        if (rc)
            return rc;
        i += good;
        if (i >= len)
            break;
        if (first < 0)
            first = (long)i;
        jaen_utf8_next(s, len, &i, &cp);
        rc = jaen_buf_add(out, "\xEF\xBF\xBD", 3);
        if (rc)
            return rc;
        fixes++;
    }
    if (nrepairs)
        *nrepairs = fixes;
    if (first_bad)
        *first_bad = first;
    return JAEN_OK;
}

size_t jaen_utf8_count(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t n = 0, i;

    /* every byte that is not a continuation byte (10xxxxxx) starts a
     * code point; eight bytes at a time, bit 6 of each byte shifted under
     * its bit 7 (a bit carried in from the byte below lands on bit 0).
     * The continuation bytes, one bit per byte, are summed into the top
     * byte by a multiply: baseline x86-64 has no popcount instruction,
     * and __builtin_popcountll became a call into libgcc. */
    for (i = 0; i + 8 <= len; i += 8) {
        uint64_t w, cont;
        memcpy(&w, s + i, 8);
        cont = (w & ~(w << 1) & 0x8080808080808080ull) >> 7;
        n += 8 - (size_t)((cont * 0x0101010101010101ull) >> 56);
    }
    for (; i < len; i++)
        n += (s[i] & 0xC0) != 0x80;
    return n;
}

size_t jaen_utf8_cplen(uint32_t cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

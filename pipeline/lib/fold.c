/* fold.c: width folding (rules in docs/NORMALIZE.md).
 *
 * Full-width ASCII and half-width katakana go through fixed tables; the
 * ideographic compatibility ranges (Kangxi radicals, CJK radicals
 * supplement, compatibility ideographs, enclosed and squared CJK) go
 * through ICU's NFKC on that one code point.  Voiced marks are composed by
 * hand because NFKC turns the spacing mark ゛ into space + U+3099. */
#include "fold.h"

#include "alloc.h"
#include "utf8.h"

#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

/* Full-width katakana for U+FF61..U+FF9F; the two marks become the spacing
 * marks ゛ and ゜ when nothing precedes them that they compose with. */
static const uint16_t halfwidth_kana[0x3F] = {
    0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3, /* FF61 */
    0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3, 0x30FC, /* FF69 */
    0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, /* FF71 */
    0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, /* FF79 */
    0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD, /* FF81 */
    0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE, 0x30DF, /* FF89 */
    0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9, 0x30EA, /* FF91 */
    0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3, 0x309B, 0x309C,         /* FF99 */
};

static int is_voiced_mark(uint32_t c)
{
    return c == 0xFF9E || c == 0x309B || c == 0x3099;
}

static int is_semivoiced_mark(uint32_t c)
{
    return c == 0xFF9F || c == 0x309C || c == 0x309A;
}

/* The voiced form of a full-width kana (が for か, ヴ for ウ), or 0. */
static uint32_t voiced(uint32_t c)
{
    uint32_t h = c;

    if (c >= 0x30A1 && c <= 0x30F6)
        h = c - 0x60;               /* katakana: same layout as hiragana */
    if (h >= 0x304B && h <= 0x3062 && (h - 0x304B) % 2 == 0)
        return c + 1;               /* か..ち */
    if (h == 0x3064 || h == 0x3066 || h == 0x3068)
        return c + 1;               /* つ て と */
    if (h >= 0x306F && h <= 0x307B && (h - 0x306F) % 3 == 0)
        return c + 1;               /* は..ほ */
    switch (c) {
    case 0x3046: return 0x3094;     /* う → ゔ */
    case 0x30A6: return 0x30F4;     /* ウ → ヴ */
    case 0x30EF: return 0x30F7;     /* ワ → ヷ */
    case 0x30F0: return 0x30F8;     /* ヰ → ヸ */
    case 0x30F1: return 0x30F9;     /* ヱ → ヹ */
    case 0x30F2: return 0x30FA;     /* ヲ → ヺ */
    case 0x309D: return 0x309E;     /* ゝ → ゞ */
    case 0x30FD: return 0x30FE;     /* ヽ → ヾ */
    default: return 0;
    }
}

/* The semi-voiced form (ぱ for は), or 0. */
static uint32_t semivoiced(uint32_t c)
{
    uint32_t h = c;

    if (c >= 0x30A1 && c <= 0x30F6)
        h = c - 0x60;
    if (h >= 0x306F && h <= 0x307B && (h - 0x306F) % 3 == 0)
        return c + 2;
    return 0;
}

/* Whether c goes through NFKC: the ideographic compatibility ranges. */
static int nfkc_range(uint32_t c)
{
    return (c >= 0x2E80 && c <= 0x2FD5) || (c >= 0x3200 && c <= 0x33FF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

/* NFKC of the single code point c into dst; returns the count, or 0 when ICU
 * fails or the result does not fit (the caller then keeps c). */
static size_t nfkc_one(uint32_t c, uint32_t dst[8])
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&st);
    UChar src[2], res[24];
    int32_t nsrc = 0, nres, i = 0;
    size_t n = 0;

    if (U_FAILURE(st))
        return 0;
    U16_APPEND_UNSAFE(src, nsrc, c);
    nres = unorm2_normalize(nfkc, src, nsrc, res, 24, &st);
    if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING)
        return 0;
    while (i < nres) {
        UChar32 u;
        if (n == 8)
            return 0;
        U16_NEXT(res, i, nres, u);
        dst[n++] = (uint32_t)u;
    }
    return n;
}

size_t jaen_fold_cp(uint32_t c, uint32_t next, uint32_t dst[8],
                    int *consumed)
{
    uint32_t base = c, v;

    *consumed = 1;
    if (c >= 0xFF01 && c <= 0xFF5E) {
        dst[0] = c - 0xFEE0;
        return 1;
    }
    if (c >= 0xFF61 && c <= 0xFF9F)
        base = halfwidth_kana[c - 0xFF61];
    if (base >= 0x3041 && base <= 0x30FE) {
        v = 0;
        if (is_voiced_mark(next))
            v = voiced(base);
        else if (is_semivoiced_mark(next))
            v = semivoiced(base);
        if (v) {
            *consumed = 2;
            base = v;
        }
        dst[0] = base;
        return 1;
    }
    if (base != c) {
        dst[0] = base;              /* half-width punctuation */
        return 1;
    }
    if (nfkc_range(c)) {
        size_t n = nfkc_one(c, dst);
        if (n)
            return n;
    }
    dst[0] = c;
    return 1;
}

/* Decodes the code point at s[*pos]: inline for ASCII and the 3-byte
 * sequences that cannot be overlong or surrogates (leads E1-EC, EE, EF:
 * all kana, kanji and full-width forms), jaen_utf8_next for the rest. */
static inline uint32_t next_cp(const unsigned char *s, size_t len,
                               size_t *pos)
{
    size_t p = *pos;
    unsigned b = s[p];
    uint32_t c;

    if (b < 0x80) {
        *pos = p + 1;
        return b;
    }
    if (b >= 0xE1 && b != 0xED && b <= 0xEF && p + 2 < len &&
        (s[p + 1] & 0xC0) == 0x80 && (s[p + 2] & 0xC0) == 0x80) {
        *pos = p + 3;
        return ((uint32_t)(b & 0x0F) << 12) |
               ((uint32_t)(s[p + 1] & 0x3F) << 6) | (s[p + 2] & 0x3F);
    }
    jaen_utf8_next((const char *)s, len, pos, &c);
    return c;
}

/* Whether c may fold to something else (alone or with the next one).
 * Hiragana and katakana only matter when a mark follows. */
static int candidate(uint32_t c)
{
    if (c < 0x2E80)
        return 0;
    return c <= 0x2FD5 || (c >= 0x3041 && c <= 0x30FE) ||
           (c >= 0x3200 && c <= 0x33FF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF01 && c <= 0xFF9F) || (c >= 0x2F800 && c <= 0x2FA1F);
}

/* The growing offset map. */
struct fmap {
    int64_t *v;         /* entries, or NULL when the caller wants no map */
    size_t n;           /* entries in use */
    size_t alloc;       /* entries allocated */
};

static int map_reserve(struct fmap *m, size_t extra)
{
    size_t want, na;
    int64_t *p;

    if (!m->v)
        return JAEN_OK;
    if (extra > ((size_t)-1) / sizeof(int64_t) - m->n)
        return JAEN_ELIMIT;
    want = m->n + extra;
    if (want <= m->alloc)
        return JAEN_OK;
    na = m->alloc;
    while (na < want)
        na = na > ((size_t)-1) / sizeof(int64_t) / 2 ? want : na * 2;
    p = jaen_realloc(m->v, na * sizeof(int64_t));
    if (!p)
        return JAEN_ENOMEM;
    m->v = p;
    m->alloc = na;
    return JAEN_OK;
}

int jaen_fold(const char *in, size_t len, struct jaen_buf *out,
              int64_t **map, size_t *nmap, struct jaen_err *err)
{
    const unsigned char *s = (const unsigned char *)in;
    struct fmap m = {NULL, 0, 0};
    size_t pos = 0, run = 0, ocp = 0, len0 = out->len;
    int64_t icp = 0;
    int rc;

    if (map) {
        /* code points never outnumber bytes, except after expansions */
        m.alloc = len + 1;
        m.v = jaen_malloc(m.alloc * sizeof(int64_t));
        if (!m.v)
            return jaen_err_set(err, JAEN_ENOMEM, "fold: out of memory");
    }
    rc = jaen_buf_reserve(out, len);
    if (rc)
        goto fail;
    while (pos < len) {
        uint32_t c, next = 0, dst[8];
        size_t p2 = pos, p3, n, k;
        int consumed;

        if (s[pos] < 0x80) {
            if (m.v) {
                if (m.n == m.alloc) {
                    rc = map_reserve(&m, 1);
                    if (rc)
                        goto fail;
                }
                m.v[m.n++] = icp;   /* ASCII: one byte, one entry */
            }
            icp++;
            ocp++;
            pos++;
            continue;
        }
        c = next_cp(s, len, &p2);
        if (!candidate(c)) {
            if (m.v) {
                rc = map_reserve(&m, 1);
                if (rc)
                    goto fail;
                m.v[m.n++] = icp;
            }
            icp++;
            ocp++;
            pos = p2;
            continue;
        }
        p3 = p2;
        if (p2 < len && s[p2] >= 0x80)
            next = next_cp(s, len, &p3);
        n = jaen_fold_cp(c, next, dst, &consumed);
        if (n == 1 && consumed == 1 && dst[0] == c) {
            if (m.v) {
                rc = map_reserve(&m, 1);
                if (rc)
                    goto fail;
                m.v[m.n++] = icp;
            }
            icp++;
            ocp++;
            pos = p2;
            continue;
        }
        rc = jaen_buf_add(out, in + run, pos - run);
        if (rc)
            goto fail;
        rc = map_reserve(&m, n);
        if (rc)
            goto fail;
        for (k = 0; k < n; k++) {
            rc = jaen_buf_add_cp(out, dst[k]);
            if (rc)
                goto fail;
            if (m.v)
                m.v[m.n++] = icp;
        }
        ocp += n;
        icp += consumed;
        pos = consumed == 2 ? p3 : p2;
        run = pos;
    }
    rc = jaen_buf_add(out, in + run, pos - run);
    if (rc)
        goto fail;
    if (map) {
        rc = map_reserve(&m, 1);
        if (rc)
            goto fail;
        m.v[m.n++] = icp;
        *map = m.v;
    }
    if (nmap)
        *nmap = ocp;
    return JAEN_OK;
fail:
    jaen_free(m.v);
    out->len = len0;            /* leave out as it was */
    if (out->ptr)
        out->ptr[len0] = '\0';
    if (rc == JAEN_ELIMIT)
        return jaen_err_set(err, rc, "fold: text over the size limit");
    return jaen_err_set(err, rc, "fold: out of memory");
}

/* Makes room for need entries in both arrays of jaen_fold_cps. */
static int cps_reserve(uint32_t **out, int64_t **m, size_t *cap, size_t need)
{
    size_t nc = *cap;
    void *p;

    if (need <= *cap)
        return JAEN_OK;
    while (nc < need)
        nc *= 2;
    p = jaen_realloc(*out, nc * sizeof **out);
    if (!p)
        return JAEN_ENOMEM;
    *out = p;
    p = jaen_realloc(*m, nc * sizeof **m);
    if (!p)
        return JAEN_ENOMEM;
    *m = p;
    *cap = nc;
    return JAEN_OK;
}

int jaen_fold_cps(const char *in, size_t len, uint32_t **cps, int64_t **map,
                  size_t *n, struct jaen_err *err)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t pos = 0, o = 0, cap = len + 1;
    uint32_t *out = jaen_malloc(cap * sizeof *out);
    int64_t *m = jaen_malloc(cap * sizeof *m);
    int64_t icp = 0;
    int composable = 0;     /* out[o-1] is a kana from the code point
                             * right before: a mark may merge with it */

    if (!out || !m)
        goto nomem;
    while (pos < len) {
        uint32_t c = next_cp(s, len, &pos), dst[8], v;
        size_t k, nd;
        int used;

        if (c >= 0x3041 && c <= 0x30FE && (c < 0x3099 || c > 0x309C)) {
            /* kana: kept, and a following mark may merge with it */
            if (o + 1 >= cap && cps_reserve(&out, &m, &cap, o + 2))
                goto nomem;
            out[o] = c;
            m[o++] = icp++;
            composable = 1;
            continue;
        }
        if (c < 0x2E80 || !candidate(c)) {
            /* len + 1 entries suffice unless expansions came before */
            if (o + 1 >= cap && cps_reserve(&out, &m, &cap, o + 2))
                goto nomem;
            out[o] = c;
            m[o++] = icp++;
            composable = 0;
            continue;
        }
        if (composable && (is_voiced_mark(c) || is_semivoiced_mark(c))) {
            v = is_voiced_mark(c) ? voiced(out[o - 1])
                                  : semivoiced(out[o - 1]);
            if (v) {
                out[o - 1] = v;             /* ｶﾞ, う゛: one code point */
                icp++;
                composable = 0;
                continue;
            }
        }
        nd = jaen_fold_cp(c, 0, dst, &used);
        if (cps_reserve(&out, &m, &cap, o + nd + 1))
            goto nomem;
        for (k = 0; k < nd; k++) {
            out[o] = dst[k];
            m[o++] = icp;
        }
        icp++;
        composable = nd == 1 && ((c >= 0x3041 && c <= 0x30FE) ||
                                 (c >= 0xFF61 && c <= 0xFF9F));
    }
    out[o] = 0;
    m[o] = icp;
    *cps = out;
    *map = m;
    *n = o;
    return JAEN_OK;
nomem:
    jaen_free(out);
    jaen_free(m);
    return jaen_err_set(err, JAEN_ENOMEM, "fold: out of memory");
}

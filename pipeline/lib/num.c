/* num.c: numeral parsing with exact, overflow-checked values.
 *
 * A numeral is read as a short list of terms, each a coefficient (Arabic
 * digits, kanji digits, or an implicit 1 before a bare 十/百/千) times a
 * power of ten.  The sum is computed in int64 with overflow checks; when it
 * overflows, the same terms are added again as decimal digit arrays, so a
 * 100,000-digit number costs linear time. */
#include "num.h"

#include "cps.h"

#include "alloc.h"
#include "err.h"

#include <string.h>

#define MAX_TERMS 32

/* One term: coefficient code points [a, b) (may hold "," and "."), or the
 * implicit 1 when a == b; times 10^exp. */
struct term {
    size_t a, b;
    int kanji;          /* coefficient written in kanji digits */
    int exp;            /* power of ten */
};

int jaen_num_kanji_digit(uint32_t c)
{
    switch (c) {
    case 0x3007: case 0x96F6: return 0;             /* 〇 零 */
    case 0x4E00: case 0x58F1: return 1;             /* 一 壱 */
    case 0x4E8C: case 0x5F10: return 2;             /* 二 弐 */
    case 0x4E09: case 0x53C2: return 3;             /* 三 参 */
    case 0x56DB: return 4;
    case 0x4E94: return 5;
    case 0x516D: return 6;
    case 0x4E03: return 7;
    case 0x516B: return 8;
    case 0x4E5D: return 9;
    default: return -1;
    }
}

static int small_mult(uint32_t c)
{
    switch (c) {
    case 0x5341: case 0x62FE: return 1;             /* 十 拾 */
    case 0x767E: return 2;                          /* 百 */
    case 0x5343: return 3;                          /* 千 */
    default: return 0;
    }
}

static int big_mult(uint32_t c)
{
    switch (c) {
    case 0x4E07: case 0x842C: return 4;             /* 万 萬 */
    case 0x5104: return 8;                          /* 億 */
    case 0x5146: return 12;                         /* 兆 */
    case 0x4EAC: return 16;                         /* 京 */
    default: return 0;
    }
}

static int is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

int jaen_num_big_mult_cp(uint32_t c)
{
    return big_mult(c) != 0;
}

int jaen_num_is_numeral_cp(uint32_t c)
{
    return is_digit(c) || jaen_num_kanji_digit(c) >= 0 || small_mult(c) ||
           big_mult(c) || c == 0x6570;              /* 数 */
}

/* End of an Arabic coefficient at s[i] (a digit): digits, "," + exactly
 * three digits when the first group has at most three, "." + digits. */
static size_t arabic_end(const uint32_t *s, size_t n, size_t i,
                         unsigned *flags)
{
    size_t j = i, first;

    while (j < n && is_digit(s[j]))
        j++;
    first = j - i;
    while (first <= 3 && j + 3 < n && s[j] == ',' && is_digit(s[j + 1]) &&
           is_digit(s[j + 2]) && is_digit(s[j + 3]) &&
           (j + 4 >= n || !is_digit(s[j + 4]))) {
        j += 4;
        *flags |= JAEN_NUMF_COMMA;
    }
    if (j + 1 < n && s[j] == '.' && is_digit(s[j + 1])) {
        j++;
        while (j < n && is_digit(s[j]))
            j++;
        *flags |= JAEN_NUMF_POINT;
    }
    return j;
}

/* Digits of a term's coefficient in order, into the mantissa m (checked)
 * with *frac digits after the point.  Returns 0 on overflow. */
static int term_mantissa(const uint32_t *s, const struct term *t,
                         int64_t *m, int *frac)
{
    size_t k;
    int after = 0;

    *m = 0;
    *frac = 0;
    if (t->a == t->b) {
        *m = 1;
        return 1;
    }
    for (k = t->a; k < t->b; k++) {
        int d;
        if (s[k] == ',')
            continue;
        if (s[k] == '.') {
            after = 1;
            continue;
        }
        d = t->kanji ? jaen_num_kanji_digit(s[k]) : (int)(s[k] - '0');
        if (__builtin_mul_overflow(*m, 10, m) ||
            __builtin_add_overflow(*m, d, m))
            return 0;
        if (after)
            (*frac)++;
    }
    return 1;
}

static int pow10_checked(int e, int64_t *out)
{
    int64_t p = 1;
    while (e-- > 0)
        if (__builtin_mul_overflow(p, 10, &p))
            return 0;
    *out = p;
    return 1;
}

/* The exact sum of the terms as a decimal string, for when int64 is not
 * enough.  Digits are laid out little-endian at a common scale. */
static int big_sum(const uint32_t *s, const struct term *t, size_t nt,
                   struct jaen_buf *big)
{
    long scale = 0, top = 0, k;
    size_t i, width;
    unsigned char *dig;
    int rc = JAEN_OK;

    for (i = 0; i < nt; i++) {
        long nd = 0, frac = 0, after = 0;
        size_t j;
        for (j = t[i].a; j < t[i].b; j++) {
            if (s[j] == ',')
                continue;
            if (s[j] == '.') {
                after = 1;
                continue;
            }
            nd++;
            frac += after;
        }
        if (t[i].a == t[i].b)
            nd = 1;
        if (t[i].exp - frac < scale)
            scale = t[i].exp - frac;
        if (t[i].exp - frac + nd > top)
            top = t[i].exp - frac + nd;
    }
    width = (size_t)(top - scale) + 2;
    dig = jaen_calloc(width, 1);
    if (!dig)
        return JAEN_ENOMEM;
    for (i = 0; i < nt; i++) {
        long frac = 0, pos;
        size_t j;
        int after = 0;
        for (j = t[i].a; j < t[i].b; j++) {
            if (s[j] == '.')
                after = 1;
            else if (s[j] != ',' && after)
                frac++;
        }
        pos = t[i].exp - frac - scale;
        if (t[i].a == t[i].b) {
            dig[pos] += 1;
        } else {
            for (j = t[i].b; j-- > t[i].a;) {
                int d;
                if (s[j] == ',' || s[j] == '.')
                    continue;
                d = t[i].kanji ? jaen_num_kanji_digit(s[j])
                               : (int)(s[j] - '0');
                dig[pos++] += (unsigned char)d;
            }
        }
        /* carry once per term keeps every cell below 20 */
        for (k = 0; k + 1 < (long)width; k++) {
            if (dig[k] >= 10) {
                dig[k] -= 10;
                dig[k + 1]++;
            }
        }
    }
    jaen_buf_reset(big);
    k = (long)width - 1;
    while (k > -scale && dig[k] == 0)
        k--;
    for (; k >= 0; k--) {
        if (k == -scale - 1) {
            long z = 0;             /* trailing zeros of the fraction */
            while (z <= k && dig[z] == 0)
                z++;
            if (z > k)
                break;
            rc = jaen_buf_addc(big, '.');
            if (rc)
                break;
            for (; k >= z; k--) {
                rc = jaen_buf_addc(big, (char)('0' + dig[k]));
                if (rc)
                    break;
            }
            break;
        }
        rc = jaen_buf_addc(big, (char)('0' + dig[k]));
        if (rc)
            break;
    }
    jaen_free(dig);
    return rc;
}

/* Sums the terms into num, falling back to big_sum on overflow. */
static int sum_terms(const uint32_t *s, const struct term *t, size_t nt,
                     struct jaen_num *num, struct jaen_buf *big)
{
    int64_t total = 0;
    double dtotal = 0;
    int real = 0;
    size_t i;

    for (i = 0; i < nt; i++) {
        int64_t m, p;
        int frac;
        if (!term_mantissa(s, &t[i], &m, &frac))
            goto overflow;
        if (t[i].exp >= frac) {
            if (!pow10_checked(t[i].exp - frac, &p) ||
                __builtin_mul_overflow(m, p, &m) ||
                __builtin_add_overflow(total, m, &total))
                goto overflow;
            dtotal += (double)m;
        } else {
            double q = 1;
            int e = frac - t[i].exp;
            while (e-- > 0)
                q *= 10;
            dtotal += (double)m / q;
            real = 1;
        }
    }
    if (real) {
        num->kind = JAEN_NUM_REAL;
        num->d = dtotal;
    } else {
        num->kind = JAEN_NUM_INT;
        num->i = total;
        num->d = (double)total;
    }
    return JAEN_OK;
overflow:
    num->kind = JAEN_NUM_BIG;
    num->d = 0;
    return big_sum(s, t, nt, big);
}

/* 数十, 数百, 数千, 数万, 数十万, 十数, 数: vague amounts.  Returns the
 * length, or 0. */
static size_t vague(const uint32_t *s, size_t n, size_t i)
{
    size_t j = i;

    if (s[j] == 0x6570) {                           /* 数 */
        j++;
        if (j >= n || !(small_mult(s[j]) || big_mult(s[j])))
            return 0;
        while (j < n && (small_mult(s[j]) || big_mult(s[j])))
            j++;
        return j - i;
    }
    if (small_mult(s[j]) == 1 && j + 1 < n && s[j + 1] == 0x6570) {
        j += 2;                                     /* 十数, 十数万 */
        while (j < n && big_mult(s[j]))
            j++;
        return j - i;
    }
    return 0;
}

int jaen_num_parse(const uint32_t *s, size_t n, size_t i, size_t *used,
                   struct jaen_num *num, struct jaen_buf *big)
{
    struct term t[MAX_TERMS];
    size_t nt = 0, j = i, v;
    int last_big = 99;

    memset(num, 0, sizeof *num);
    *used = 0;
    if (i >= n)
        return JAEN_OK;
    v = vague(s, n, i);
    if (v) {
        num->kind = JAEN_NUM_VAGUE;
        num->flags = JAEN_NUMF_KANJI;
        *used = v;
        return JAEN_OK;
    }
    for (;;) {
        size_t sec0 = nt, save = j;
        int last_small = 99, bm;

        /* 2 億 5 千万円: after a multiplier, PDF text is spaced too
         * (when a multiplier follows the digits: not 1万 2025年) */
        if (nt > 0 && last_big < 99 && j + 1 < n && jaen_cps_space(s[j])
            && is_digit(s[j + 1]) && !t[nt - 1].kanji) {
            size_t k = j + 1;
            while (k < n && is_digit(s[k]))
                k++;
            if (k + 1 < n && jaen_cps_space(s[k]))
                k++;
            if (k < n && (small_mult(s[k]) || big_mult(s[k])))
                j++;
        }

        for (;;) {
            size_t a = j, b = j, mp;
            int kanji = 0, sm = 0;

            if (nt >= MAX_TERMS - 1)
                break;
            if (is_digit(s[j])) {
                b = arabic_end(s, n, j, &num->flags);
                num->flags |= JAEN_NUMF_ARABIC;
            } else if (jaen_num_kanji_digit(s[j]) >= 0) {
                while (b < n && jaen_num_kanji_digit(s[b]) >= 0)
                    b++;
                kanji = 1;
                num->flags |= JAEN_NUMF_KANJI;
                if (b - a >= 2)
                    num->flags |= JAEN_NUMF_POSITIONAL;
            }
            mp = b;                 /* where a multiplier would be */
            if (!kanji && b > a && b + 1 < n && jaen_cps_space(s[b])
                && (small_mult(s[b + 1]) == 3
                    || (small_mult(s[b + 1]) && b + 2 < n
                        && big_mult(s[b + 2]))))
                mp = b + 1;         /* 9 千件, 256 百万円: PDF text spaced */
            if (mp < n)
                sm = small_mult(s[mp]);
            if (sm && sm < last_small && (!kanji || b - a == 1)) {
                t[nt++] = (struct term){a, b, kanji, sm};
                num->flags |= JAEN_NUMF_SMALL;
                num->ndigits += b - a;
                last_small = sm;
                j = mp + 1;
                if (j >= n)
                    break;
                continue;
            }
            if (b > a) {
                t[nt++] = (struct term){a, b, kanji, 0};
                num->ndigits += b - a;
                j = b;
            }
            break;
        }
        if (nt == sec0) {
            j = save;               /* empty section: stop before it */
            break;
        }
        bm = j < n ? big_mult(s[j]) : 0;
        if (!bm && j + 1 < n && jaen_cps_space(s[j]) && !t[nt - 1].kanji
            && big_mult(s[j + 1])) {
            j++;                    /* 119 万: text from PDFs is spaced */
            bm = big_mult(s[j]);
        }
        if (bm && bm >= last_big) {
            nt = sec0;              /* 1万1万: the second group is not ours */
            j = save;
            break;
        }
        if (!bm)
            break;
        for (v = sec0; v < nt; v++)
            t[v].exp += bm;
        num->flags |= JAEN_NUMF_BIG;
        last_big = bm;
        j++;
        if (j >= n)
            break;
    }
    if (nt == 0)
        return JAEN_OK;
    *used = j - i;
    return sum_terms(s, t, nt, num, big);
}

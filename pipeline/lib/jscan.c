/* jscan.c: validating JSON scanner (see jscan.h). */
#include "jscan.h"

#include "limits.h"

#include <string.h>

size_t jaen_jscan_ws(const char *s, size_t len, size_t pos)
{
    while (pos < len && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n'
                         || s[pos] == '\r'))
        pos++;
    return pos;
}

static int fail(struct jaen_err *err, size_t pos, const char *what)
{
    jaen_err_set(err, JAEN_EDATA, "invalid JSON at byte %zu: %s", pos + 1,
                 what);
    jaen_err_at(err, 0, (long)pos + 1);
    return JAEN_EDATA;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static int hex4(const char *s, size_t len, size_t pos, unsigned *v)
{
    unsigned r = 0;
    size_t i;

    if (pos + 4 > len)
        return -1;
    for (i = 0; i < 4; i++) {
        int h = hexval(s[pos + i]);
        if (h < 0)
            return -1;
        r = (r << 4) | (unsigned)h;
    }
    *v = r;
    return 0;
}

/* Does the word hold a '"', a '\\' or a control character?  Exact, with
 * the classic has-zero-byte tests (bytes >= 0x80 never match). */
static int special8(uint64_t v)
{
    const uint64_t ones = 0x0101010101010101ull;
    const uint64_t high = 0x8080808080808080ull;
    uint64_t q = v ^ (ones * '"'), b = v ^ (ones * '\\');

    return ((((q - ones) & ~q) | ((b - ones) & ~b) | ((v - ones * 0x20) & ~v))
            & high) != 0;
}

/* Validates a string literal at s[*pos] == '"'. */
static int scan_string(const char *s, size_t len, size_t *pos,
                       struct jaen_err *err)
{
    size_t i = *pos + 1;

    for (;;) {
        unsigned char c;

        /* the common case: plain bytes, eight at a time */
        while (i + 8 <= len) {
            uint64_t v;
            memcpy(&v, s + i, 8);
            if (special8(v))
                break;
            i += 8;
        }
        while (i < len) {
            c = (unsigned char)s[i];
            if (c == '"' || c == '\\' || c < 0x20)
                break;
            i++;
        }
        if (i >= len)
            return fail(err, i, "unterminated string");
        c = (unsigned char)s[i];
        if (c == '"') {
            *pos = i + 1;
            return JAEN_OK;
        }
        if (c < 0x20)
            return fail(err, i, "control character in string");
        /* an escape */
        if (i + 1 >= len)
            return fail(err, i, "unterminated escape");
        switch (s[i + 1]) {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n':
        case 'r': case 't':
            i += 2;
            break;
        case 'u': {
            unsigned u, lo;
            if (hex4(s, len, i + 2, &u))
                return fail(err, i, "bad \\u escape");
            i += 6;
            if (u >= 0xDC00 && u <= 0xDFFF)
                return fail(err, i - 6, "lone low surrogate escape");
            if (u >= 0xD800 && u <= 0xDBFF) {
                if (i + 1 >= len || s[i] != '\\' || s[i + 1] != 'u'
                    || hex4(s, len, i + 2, &lo) || lo < 0xDC00
                    || lo > 0xDFFF)
                    return fail(err, i - 6, "lone high surrogate escape");
                i += 6;
            }
            break;
        }
        default:
            return fail(err, i, "bad escape");
        }
    }
}

static int scan_number(const char *s, size_t len, size_t *pos,
                       struct jaen_err *err)
{
    size_t i = *pos;

    if (i < len && s[i] == '-')
        i++;
    if (i >= len || s[i] < '0' || s[i] > '9')
        return fail(err, i, "bad number");
    if (s[i] == '0')
        i++;
    else
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++;
    if (i < len && s[i] == '.') {
        i++;
        if (i >= len || s[i] < '0' || s[i] > '9')
            return fail(err, i, "bad fraction");
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-'))
            i++;
        if (i >= len || s[i] < '0' || s[i] > '9')
            return fail(err, i, "bad exponent");
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    *pos = i;
    return JAEN_OK;
}

static int scan_literal(const char *s, size_t len, size_t *pos,
                        const char *word, struct jaen_err *err)
{
    size_t n = strlen(word);

    if (len - *pos < n || memcmp(s + *pos, word, n) != 0)
        return fail(err, *pos, "unexpected character");
    *pos += n;
    return JAEN_OK;
}

/* The fast path for what fills a stream: token spans, a compact array of
 * pairs of non-negative integers such as [[0,2],[2,3]].  Returns the
 * position after the closing bracket, or 0 when s[i..] is anything else
 * (spaces, signs, fractions, other shapes): the general scanner then takes
 * it, so the fast path never changes what is accepted. */
static size_t fast_pairs(const char *s, size_t len, size_t i)
{
    i++;                                /* past the outer '[' */
    for (;;) {
        int k;
        if (i + 5 > len || s[i] != '[')
            return 0;
        i++;
        for (k = 0; k < 2; k++) {
            if (s[i] == '0')
                i++;
            else if (s[i] >= '1' && s[i] <= '9')
                while (i < len && s[i] >= '0' && s[i] <= '9')
                    i++;
            else
                return 0;
            if (i >= len || s[i] != (k ? ']' : ','))
                return 0;
            i++;
        }
        if (i >= len)
            return 0;
        if (s[i] == ']')
            return i + 1;
        if (s[i] != ',')
            return 0;
        i++;
    }
}

/* A member's key and its ':' at s[*pos]; *pos ends at the value. */
static int scan_key(const char *s, size_t len, size_t *pos,
                    struct jaen_err *err)
{
    size_t i = *pos;
    int rc;

    if (i >= len || s[i] != '"')
        return fail(err, i, "expected a key");
    if ((rc = scan_string(s, len, &i, err)))
        return rc;
    i = jaen_jscan_ws(s, len, i);
    if (i >= len || s[i] != ':')
        return fail(err, i, "expected ':'");
    *pos = i + 1;
    return JAEN_OK;
}

/* One bit per open container: 1 for an object, 0 for an array. */
struct nest {
    uint64_t bits[(JAEN_MAX_JSON_DEPTH + 63) / 64];
    size_t depth;
};

static int nest_push(struct nest *n, int is_obj)
{
    if (n->depth >= JAEN_MAX_JSON_DEPTH)
        return -1;
    if (is_obj)
        n->bits[n->depth / 64] |= (uint64_t)1 << (n->depth % 64);
    else
        n->bits[n->depth / 64] &= ~((uint64_t)1 << (n->depth % 64));
    n->depth++;
    return 0;
}

static int nest_top_is_obj(const struct nest *n)
{
    size_t d = n->depth - 1;
    return (int)((n->bits[d / 64] >> (d % 64)) & 1);
}

int jaen_jscan_value(const char *s, size_t len, size_t *pos,
                     struct jaen_err *err)
{
    struct nest n;
    size_t i = *pos;
    int rc;

    n.depth = 0;
    for (;;) {
        /* at the start of a value */
        i = jaen_jscan_ws(s, len, i);
        if (i >= len)
            return fail(err, i, "unexpected end of record");
        switch (s[i]) {
        case '[':
            if (i + 1 < len && s[i + 1] == '[') {
                size_t end = fast_pairs(s, len, i);
                if (end) {
                    i = end;
                    rc = JAEN_OK;
                    break;
                }
            }
            /* fall through */
        case '{': {
            int is_obj = s[i] == '{';
            if (nest_push(&n, is_obj))
                return fail(err, i, "nesting too deep");
            i = jaen_jscan_ws(s, len, i + 1);
            if (i < len && s[i] == (is_obj ? '}' : ']')) {
                n.depth--;
                i++;
                rc = JAEN_OK;
                break;      /* an empty container is a complete value */
            }
            if (is_obj && (rc = scan_key(s, len, &i, err)))
                return rc;
            continue;       /* scan the first member's value */
        }
        case '"':
            rc = scan_string(s, len, &i, err);
            break;
        case 't':
            rc = scan_literal(s, len, &i, "true", err);
            break;
        case 'f':
            rc = scan_literal(s, len, &i, "false", err);
            break;
        case 'n':
            rc = scan_literal(s, len, &i, "null", err);
            break;
        default:
            rc = scan_number(s, len, &i, err);
            break;
        }
        if (rc)
            return rc;
        /* after a complete value: close containers or move to the next */
        for (;;) {
            int is_obj;
            if (n.depth == 0) {
                *pos = i;
                return JAEN_OK;
            }
            is_obj = nest_top_is_obj(&n);
            i = jaen_jscan_ws(s, len, i);
            if (i >= len)
                return fail(err, i, "unexpected end of record");
            if (s[i] == ',') {
                i = jaen_jscan_ws(s, len, i + 1);
                if (is_obj && (rc = scan_key(s, len, &i, err)))
                    return rc;
                break;      /* scan the next value */
            }
            if (s[i] != (is_obj ? '}' : ']'))
                return fail(err, i, is_obj ? "expected ',' or '}'"
                                           : "expected ',' or ']'");
            n.depth--;
            i++;
        }
    }
}

/* Appends the character of the escape at s[*i] (a backslash, in a
 * validated literal) to out and moves *i past it. */
static inline int unescape(const char *s, size_t len, size_t *i,
                           struct jaen_buf *out)
{
    unsigned u = 0, lo = 0;
    size_t k = *i;
    int rc;

    switch (s[k + 1]) {
    case 'b': rc = jaen_buf_addc(out, '\b'); break;
    case 'f': rc = jaen_buf_addc(out, '\f'); break;
    case 'n': rc = jaen_buf_addc(out, '\n'); break;
    case 'r': rc = jaen_buf_addc(out, '\r'); break;
    case 't': rc = jaen_buf_addc(out, '\t'); break;
    case 'u':
        hex4(s, len, k + 2, &u);
        if (u >= 0xD800 && u <= 0xDBFF) {
            hex4(s, len, k + 8, &lo);
            u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            k += 6;
        }
        rc = jaen_buf_add_cp(out, u);
        k += 4;
        break;
    default: rc = jaen_buf_addc(out, s[k + 1]); break;
    }
    *i = k + 2;
    return rc;
}

int jaen_jscan_string(const char *s, size_t len, size_t pos, size_t *end,
                      struct jaen_buf *out)
{
    size_t i = pos + 1;
    int rc;

    for (;;) {
        size_t run = i;
        while (i < len && s[i] != '"' && s[i] != '\\')
            i++;
        if ((rc = jaen_buf_add(out, s + run, i - run)))
            return rc;
        if (i >= len)
            return JAEN_EDATA;
        if (s[i] == '"') {
            *end = i + 1;
            return JAEN_OK;
        }
        if ((rc = unescape(s, len, &i, out)))
            return rc;
    }
}

int jaen_jscan_string_body(const char *s, size_t len, struct jaen_buf *out)
{
    size_t i = 0;
    int rc;

    /* the decoded bytes never outnumber the escaped ones, so one reserve
     * covers them; runs between backslashes are found with memchr and
     * copied whole */
    if ((rc = jaen_buf_reserve(out, len)))
        return rc;
    while (i < len) {
        const char *bs = memchr(s + i, '\\', len - i);
        size_t run = bs ? (size_t)(bs - (s + i)) : len - i;

        memcpy(out->ptr + out->len, s + i, run);
        out->len += run;
        i += run;
        if (i >= len)
            break;
        if ((rc = unescape(s, len, &i, out)))
            return rc;
    }
    out->ptr[out->len] = '\0';
    return JAEN_OK;
}

int jaen_jscan_int(const char *s, size_t len, size_t *pos, int64_t *v)
{
    size_t i = *pos;
    int neg = 0;
    uint64_t u = 0, lim;

    if (i < len && s[i] == '-') {
        neg = 1;
        i++;
    }
    lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    if (i >= len || s[i] < '0' || s[i] > '9')
        return JAEN_EDATA;
    if (s[i] == '0' && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9')
        return JAEN_EDATA;              /* no leading zeros in JSON */
    while (i < len && s[i] >= '0' && s[i] <= '9') {
        unsigned d = (unsigned)(s[i] - '0');
        if (u > (lim - d) / 10)
            return JAEN_EDATA;
        u = u * 10 + d;
        i++;
    }
    if (i < len && (s[i] == '.' || s[i] == 'e' || s[i] == 'E'))
        return JAEN_EDATA;
    *pos = i;
    *v = neg ? (int64_t)(0 - u) : (int64_t)u;
    return JAEN_OK;
}

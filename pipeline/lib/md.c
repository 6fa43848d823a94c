/* md.c: archive Markdown and plain text into a document.
 *
 * Real files vary: bullets come in any order, dates carry stray marks
 * (`2025年1月9日？`, `…（2025年1月9日更新）`), some documents have no date at
 * all.  So each bullet is classified by its shape: a lone URL, a report link
 * (第N報, 初報, 続報, 関連 …), a date, or text; of the text bullets the one
 * that reads like a legal entity is the organization and the other the
 * title.  Nothing is dropped: unclassified bullets go to meta.other and
 * other sections to meta.sections. */
#include "md.h"

#include "alloc.h"
#include "buf.h"
#include "limits.h"
#include "utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define SUMMARY "\xE5\x85\xAC\xE8\xA1\xA8\xE6\xA6\x82\xE8\xA6\x81" /* 公表概要 */
#define BODY "\xE6\x9C\xAC\xE6\x96\x87"                           /* 本文 */

/* ---- small UTF-8 helpers --------------------------------------------- */

static uint32_t cp_at(const char *s, size_t len, size_t i, size_t *next)
{
    uint32_t cp;
    size_t p = i;

    jaen_utf8_next(s, len, &p, &cp);
    if (next)
        *next = p;
    return cp;
}

static int is_space_cp(uint32_t c)
{
    return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == '\r';
}

/* Trims spaces (ASCII, ideographic, NBSP) from both ends of s[*a..*b). */
static void trim(const char *s, size_t *a, size_t *b)
{
    while (*a < *b) {
        size_t n;
        if (!is_space_cp(cp_at(s, *b, *a, &n)))
            break;
        *a = n;
    }
    while (*b > *a) {
        size_t p = *b - 1, n;
        while (p > *a && ((unsigned char)s[p] & 0xC0) == 0x80)
            p--;
        if (!is_space_cp(cp_at(s, *b, p, &n)))
            break;
        *b = p;
    }
}

static int starts(const char *s, size_t len, const char *pfx)
{
    size_t n = strlen(pfx);
    return len >= n && memcmp(s, pfx, n) == 0;
}

static int contains(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    const char *p = s, *end = s + len;

    while (n <= (size_t)(end - p)) {
        p = memchr(p, needle[0], (size_t)(end - p) - n + 1);
        if (!p)
            return 0;
        if (memcmp(p, needle, n) == 0)
            return 1;
        p++;
    }
    return 0;
}

/* Decimal digit value of an ASCII or full-width digit, else -1. */
static int digit(uint32_t c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 0xFF10 && c <= 0xFF19)
        return (int)(c - 0xFF10);
    return -1;
}

/* Reads digits (ASCII or full-width, spaces allowed around) at s[*i]. */
static long read_num(const char *s, size_t len, size_t *i)
{
    long v = 0;
    int any = 0;
    size_t p = *i, n;

    while (p < len && is_space_cp(cp_at(s, len, p, &n)))
        p = n;
    while (p < len) {
        int d = digit(cp_at(s, len, p, &n));
        if (d < 0 || v > 100000)
            break;
        v = v * 10 + d;
        any = 1;
        p = n;
    }
    if (!any)
        return -1;
    while (p < len && is_space_cp(cp_at(s, len, p, &n)))
        p = n;
    *i = p;
    return v;
}

static int expect(const char *s, size_t len, size_t *i, const char *lit)
{
    if (!starts(s + *i, len - *i, lit))
        return 0;
    *i += strlen(lit);
    return 1;
}

static const struct {
    const char *name;
    int base;               /* era year 1 is this Gregorian year */
} eras[] = {
    {"\xE4\xBB\xA4\xE5\x92\x8C", 2019},     /* 令和 */
    {"\xE5\xB9\xB3\xE6\x88\x90", 1989},     /* 平成 */
    {"\xE6\x98\xAD\xE5\x92\x8C", 1926},     /* 昭和 */
};

/* Writes "YYYY-MM-DD" (y in 0..9999). */
static void fmt_date(char out[11], long y, long m, long d)
{
    out[0] = (char)('0' + y / 1000 % 10);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10 % 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10 % 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}

static int days_in(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

size_t jaen_md_parse_date(const char *s, size_t len, char out[11])
{
    size_t i = 0, k;
    long y = -1, m, d;

    for (k = 0; k < sizeof(eras) / sizeof(eras[0]); k++) {
        if (starts(s, len, eras[k].name)) {
            i = strlen(eras[k].name);
            if (expect(s, len, &i, "\xE5\x85\x83"))     /* 元 */
                y = 1;
            else
                y = read_num(s, len, &i);
            if (y < 1)
                return 0;
            y += eras[k].base - 1;
            if (!expect(s, len, &i, "\xE5\xB9\xB4"))    /* 年 */
                return 0;
            break;
        }
    }
    if (y < 0) {
        y = read_num(s, len, &i);
        if (y < 1900 || y > 2100)
            return 0;
        if (expect(s, len, &i, "\xE5\xB9\xB4")) {       /* 年 */
            m = read_num(s, len, &i);
            if (m < 0 || !expect(s, len, &i, "\xE6\x9C\x88"))  /* 月 */
                return 0;
            goto day;
        }
        if (!(expect(s, len, &i, "/") || expect(s, len, &i, "-")
              || expect(s, len, &i, ".")))
            return 0;
        m = read_num(s, len, &i);
        if (m < 0 || !(expect(s, len, &i, "/") || expect(s, len, &i, "-")
                       || expect(s, len, &i, ".")))
            return 0;
        d = read_num(s, len, &i);
        goto check;
    }
    m = read_num(s, len, &i);
    if (m < 0 || !expect(s, len, &i, "\xE6\x9C\x88"))
        return 0;
day:
    {
        size_t at = i;
        d = read_num(s, len, &i);
        if (d < 0 || !expect(s, len, &i, "\xE6\x97\xA5")) {  /* 日 */
            /* "2025年12月", "2025年3月XX日?": the month is known */
            if (m < 1 || m > 12)
                return 0;
            fmt_date(out, y, m, 1);
            out[7] = '\0';
            return at;
        }
    }
check:
    if (m < 1 || m > 12)
        return 0;
    if (d < 1 || d > days_in((int)y, (int)m)) {
        /* "2025年2月29日": no such day, but the month is known */
        fmt_date(out, y, m, 1);
        out[7] = '\0';
        return i;
    }
    fmt_date(out, y, m, d);
    return i;
}

/* ---- splitting ------------------------------------------------------- */

/* Is s[0..len) a level-1 heading line?  Sets [*a, *b) to its name.  As in
 * CommonMark, up to three spaces may come before the '#' (" # 本文"). */
static int h1(const char *s, size_t len, size_t *a, size_t *b)
{
    size_t i = 0;

    while (i < 3 && i < len && s[i] == ' ')
        i++;
    if (len < i + 1 || s[i] != '#' || (len > i + 1 && s[i + 1] == '#'))
        return 0;
    *a = i + 1;
    *b = len;
    if (len > i + 1 && !is_space_cp(cp_at(s, len, i + 1, NULL)))
        return 0;
    trim(s, a, b);
    return 1;
}

/* Where the line at s[pos] ends: at LF, CR or CRLF (archive files come
 * with all three). */
static size_t line_end(const char *s, size_t len, size_t pos)
{
    while (pos < len && s[pos] != '\n' && s[pos] != '\r')
        pos++;
    return pos;
}

/* Where the line after the one ending at e starts. */
static size_t next_line(const char *s, size_t len, size_t e)
{
    if (e < len && s[e] == '\r' && e + 1 < len && s[e + 1] == '\n')
        return e + 2;
    return e + 1;
}

int jaen_md_detect(const char *s, size_t len)
{
    size_t pos = 0;

    while (pos < len) {
        size_t e = line_end(s, len, pos), a, b;
        if (h1(s + pos, e - pos, &a, &b)
            && (starts(s + pos + a, b - a, SUMMARY)
                || (b - a == strlen(BODY) && starts(s + pos + a, b - a,
                                                    BODY))))
            return 1;
        pos = next_line(s, len, e);
    }
    return 0;
}

size_t jaen_md_split(const char *s, size_t len, size_t pos)
{
    int seen_body = 0;
    size_t start = pos;

    while (pos < len) {
        size_t e = line_end(s, len, pos), a, b;
        if (h1(s + pos, e - pos, &a, &b)) {
            if (starts(s + pos + a, b - a, SUMMARY) && seen_body
                && pos > start)
                return pos;
            if (b - a == strlen(BODY) && starts(s + pos + a, b - a, BODY))
                seen_body = 1;
        }
        pos = next_line(s, len, e);
    }
    return len;
}

/* ---- meta bullets ---------------------------------------------------- */

static int is_url(const char *s, size_t len)
{
    size_t i;

    if (!starts(s, len, "http://") && !starts(s, len, "https://"))
        return 0;
    for (i = 0; i < len; i++)
        if (s[i] == ' ' || s[i] == '\t')
            return 0;
    return 1;
}

/* Length of a report label at s (第N報, 初報, 続報, 最終報, 関連…), or 0. */
static size_t report_label(const char *s, size_t len)
{
    static const char *const fixed[] = {
        "\xE5\x88\x9D\xE5\xA0\xB1",                     /* 初報 */
        "\xE7\xB6\x9A\xE5\xA0\xB1",                     /* 続報 */
        "\xE6\x9C\x80\xE7\xB5\x82\xE5\xA0\xB1",         /* 最終報 */
        "\xE9\x80\x9F\xE5\xA0\xB1",                     /* 速報 */
        "\xE7\xA2\xBA\xE5\xA0\xB1",                     /* 確報 */
        "\xE6\x97\xA2\xE5\xA0\xB1",                     /* 既報 */
        "\xE9\x96\xA2\xE9\x80\xA3",                     /* 関連 */
    };
    size_t i = 0, k, n;

    if (expect(s, len, &i, "\xE7\xAC\xAC")) {           /* 第 */
        size_t digits = i;
        while (i < len) {
            uint32_t c = cp_at(s, len, i, &n);
            if (digit(c) < 0
                && !(c == 0x4E00 || c == 0x4E8C || c == 0x4E09
                     || c == 0x56DB || c == 0x4E94 || c == 0x516D
                     || c == 0x4E03 || c == 0x516B || c == 0x4E5D
                     || c == 0x5341 || is_space_cp(c)))
                break;
            i = n;
        }
        if (i > digits && expect(s, len, &i, "\xE5\xA0\xB1"))  /* 報 */
            return i;
        return 0;
    }
    for (k = 0; k < sizeof(fixed) / sizeof(fixed[0]); k++) {
        if (starts(s, len, fixed[k])) {
            i = strlen(fixed[k]);
            /* 関連公表, 関連リリース…: the label runs to the separator */
            while (i < len) {
                uint32_t c = cp_at(s, len, i, &n);
                if (c == ':' || c == 0xFF1A || c == ';' || c == 0xFF1B
                    || is_space_cp(c) || c == 'h')
                    break;
                i = n;
            }
            return i;
        }
    }
    return 0;
}

/* Adds {"label", "url"} for a report-link bullet. */
static int add_related(json_t *related, const char *s, size_t len,
                       size_t lab)
{
    size_t i = lab, a, b, n;
    json_t *o;

    while (i < len) {
        uint32_t c = cp_at(s, len, i, &n);
        if (!(c == ':' || c == 0xFF1A || c == ';' || c == 0xFF1B
              || is_space_cp(c)))
            break;
        i = n;
    }
    a = i;
    b = len;
    trim(s, &a, &b);
    o = json_object();
    if (!o)
        return JAEN_ENOMEM;
    json_object_set_new(o, "label", json_stringn(s, lab));
    if (is_url(s + a, b - a))
        json_object_set_new(o, "url", json_stringn(s + a, b - a));
    else {
        json_object_set_new(o, "url", json_null());
        if (b > a)
            json_object_set_new(o, "note", json_stringn(s + a, b - a));
    }
    return json_array_append_new(related, o) ? JAEN_ENOMEM : JAEN_OK;
}

/* How much a text bullet reads like an organization's name. */
static int org_score(const char *s, size_t len)
{
    static const char *const org[] = {
        "\xE6\xA0\xAA\xE5\xBC\x8F\xE4\xBC\x9A\xE7\xA4\xBE", /* 株式会社 */
        "\xE6\x9C\x89\xE9\x99\x90\xE4\xBC\x9A\xE7\xA4\xBE", /* 有限会社 */
        "\xE5\x90\x88\xE5\x90\x8C\xE4\xBC\x9A\xE7\xA4\xBE", /* 合同会社 */
        "\xE6\xB3\x95\xE4\xBA\xBA",                         /* 法人 */
        "\xE5\xA4\xA7\xE5\xAD\xA6",                         /* 大学 */
        "\xE7\x97\x85\xE9\x99\xA2",                         /* 病院 */
        "\xE5\xAD\xA6\xE6\xA0\xA1",                         /* 学校 */
        "\xE5\x8D\x94\xE4\xBC\x9A",                         /* 協会 */
        "\xE7\xB5\x84\xE5\x90\x88",                         /* 組合 */
        "\xE6\xA9\x9F\xE6\xA7\x8B",                         /* 機構 */
        "\xE9\x8A\x80\xE8\xA1\x8C",                         /* 銀行 */
        "\xE5\xA7\x94\xE5\x93\xA1\xE4\xBC\x9A",             /* 委員会 */
        "Inc", "Co.", "Ltd", "LLC", "Corporation",
    };
    static const char *const title[] = {
        "\xE3\x81\xAB\xE3\x81\xA4\xE3\x81\x84\xE3\x81\xA6", /* について */
        "\xE3\x81\x8A\xE7\x9F\xA5\xE3\x82\x89\xE3\x81\x9B", /* お知らせ */
        "\xE3\x81\x8A\xE8\xA9\xAB\xE3\x81\xB3",             /* お詫び */
        "\xE3\x81\x94\xE5\xA0\xB1\xE5\x91\x8A",             /* ご報告 */
        "\xE3\x81\xAB\xE9\x96\xA2\xE3\x81\x99\xE3\x82\x8B", /* に関する */
        "\xE3\x81\xAB\xE3\x82\x88\xE3\x82\x8B",             /* による */
        "\xE7\x99\xBA\xE7\x94\x9F",                         /* 発生 */
        "\xE3\x81\x8A\xE3\x81\x9D\xE3\x82\x8C",             /* おそれ */
        "\xE5\x8F\xAF\xE8\x83\xBD\xE6\x80\xA7",             /* 可能性 */
    };
    int score = 0;
    size_t k, ncp = jaen_utf8_count(s, len);

    for (k = 0; k < sizeof(org) / sizeof(org[0]); k++)
        if (contains(s, len, org[k]))
            score += 2;
    for (k = 0; k < sizeof(title) / sizeof(title[0]); k++)
        if (contains(s, len, title[k]))
            score -= 3;
    if (ncp <= 30)
        score += 1;
    if (ncp > 50)
        score -= 2;
    return score;
}

/* Reads the 公表概要 section s[0..len) into meta. */
static int read_summary(const char *s, size_t len, json_t *meta)
{
    json_t *related = json_object_get(meta, "related");
    json_t *other = json_object_get(meta, "other");
    size_t pos = 0, texts[8][2], ntext = 0, k;
    int have_date = 0, have_url = 0;

    while (pos < len) {
        size_t e = line_end(s, len, pos), a = pos, b = e, n, lab;
        uint32_t c;
        char date[11];

        pos = next_line(s, len, e);
        trim(s, &a, &b);
        if (a >= b)
            continue;
        c = cp_at(s, b, a, &n);
        if (c == '-' || c == '*' || c == '+' || c == 0x30FB) {
            a = n;
            trim(s, &a, &b);
        }
        if (a >= b)
            continue;
        if (is_url(s + a, b - a)) {
            if (!have_url++)
                json_object_set_new(meta, "url", json_stringn(s + a, b - a));
            else
                json_array_append_new(other, json_stringn(s + a, b - a));
        } else if ((lab = report_label(s + a, b - a))) {
            if (add_related(related, s + a, b - a, lab))
                return JAEN_ENOMEM;
        } else if (!have_date && jaen_md_parse_date(s + a, b - a, date)) {
            have_date = 1;
            json_object_set_new(meta, "published", json_string(date));
            json_object_set_new(meta, "published_raw",
                                json_stringn(s + a, b - a));
        } else if (ntext < 8) {
            texts[ntext][0] = a;
            texts[ntext][1] = b;
            ntext++;
        } else {
            json_array_append_new(other, json_stringn(s + a, b - a));
        }
    }
    /* title first and organization second, unless their shapes say the
     * order was swapped */
    if (ntext >= 2 && org_score(s + texts[0][0], texts[0][1] - texts[0][0])
                      > org_score(s + texts[1][0], texts[1][1] - texts[1][0])
                          + 2) {
        size_t t0 = texts[0][0], t1 = texts[0][1];
        texts[0][0] = texts[1][0];
        texts[0][1] = texts[1][1];
        texts[1][0] = t0;
        texts[1][1] = t1;
    }
    for (k = 0; k < ntext; k++) {
        json_t *v = json_stringn(s + texts[k][0], texts[k][1] - texts[k][0]);
        if (k == 0)
            json_object_set_new(meta, "title", v);
        else if (k == 1)
            json_object_set_new(meta, "organization", v);
        else
            json_array_append_new(other, v);
    }
    return JAEN_OK;
}

/* Does the section s[pos..) up to the next level-1 heading hold a bullet
 * that is a URL or a date, as the summary's do? */
static int looks_like_summary(const char *s, size_t len, size_t pos)
{
    while (pos < len) {
        size_t e = line_end(s, len, pos), a = pos, b = e, h, n;
        char date[11];
        if (h1(s + pos, e - pos, &h, &n))
            return 0;
        trim(s, &a, &b);
        if (a < b && (s[a] == '-' || s[a] == '*')) {
            a++;
            trim(s, &a, &b);
            if (is_url(s + a, b - a) || jaen_md_parse_date(s + a, b - a,
                                                           date))
                return 1;
        }
        pos = next_line(s, len, e);
    }
    return 0;
}

/* "YYYY/MM/DD_" in an archive path gives the date a file was filed under;
 * "YYYY/MM/XX_" gives the month. */
static int date_from_path(const char *id, char out[11])
{
    size_t n = strlen(id), i;

    for (i = 0; i + 11 <= n; i++) {
        const char *p = id + i;
        int y, m, d;
        if (p[4] != '/' || p[7] != '/' || p[10] != '_')
            continue;
        if (sscanf(p, "%4d/%2d/", &y, &m) != 2 || y < 1900 || m < 1
            || m > 12)
            continue;
        if (p[8] == 'X' && p[9] == 'X') {
            fmt_date(out, y, m, 1);
            out[7] = '\0';
            return 1;
        }
        if (sscanf(p + 8, "%2d_", &d) == 1 && d >= 1 && d <= days_in(y, m)) {
            fmt_date(out, y, m, d);
            return 1;
        }
    }
    return 0;
}

/* ---- the body -------------------------------------------------------- */

/* The body being built: its text, and its blocks written straight as
 * JSON text (a corpus has millions of them: no jansson objects). */
struct body {
    struct jaen_buf text;
    size_t ncp;             /* code points in text */
    struct jaen_buf blocks; /* "[{...},{...}" so far */
    const char *type;       /* the open block's type, NULL if none */
    int level;              /* its heading level */
    size_t start, end;      /* its span */
    int blank;              /* a blank line is pending */
};

static int flush_block(struct body *bd)
{
    int rc = 0;

    if (!bd->type)
        return JAEN_OK;
    rc = jaen_buf_adds(&bd->blocks, bd->blocks.len > 1 ? ",{\"type\":\""
                                                        : "{\"type\":\"");
    if (!rc)
        rc = jaen_buf_adds(&bd->blocks, bd->type);
    if (!rc && bd->level)
        rc = jaen_buf_addf(&bd->blocks, "\",\"level\":%d", bd->level);
    else if (!rc)
        rc = jaen_buf_addc(&bd->blocks, '"');
    if (!rc)
        rc = jaen_buf_addf(&bd->blocks, ",\"start\":%zu,\"end\":%zu}",
                           bd->start, bd->end);
    bd->type = NULL;
    return rc;
}

static int add_line(struct body *bd, const char *type, int level,
                    const char *s, size_t len)
{
    size_t start;
    int rc;

    if (bd->text.len) {
        if ((rc = jaen_buf_add(&bd->text, bd->blank ? "\n\n" : "\n",
                               bd->blank ? 2 : 1)))
            return rc;
        bd->ncp += bd->blank ? 2 : 1;
    }
    start = bd->ncp;
    if ((rc = jaen_buf_add(&bd->text, s, len)))
        return rc;
    bd->ncp += jaen_utf8_count(s, len);
    /* consecutive paragraph lines make one paragraph block */
    if (bd->type && !bd->blank && strcmp(type, "paragraph") == 0
        && strcmp(bd->type, "paragraph") == 0) {
        bd->end = bd->ncp;
        return JAEN_OK;
    }
    bd->blank = 0;
    if ((rc = flush_block(bd)))
        return rc;
    bd->type = type;
    bd->level = level;
    bd->start = start;
    bd->end = bd->ncp;
    return JAEN_OK;
}

/* One body line: a heading, a list item, a paragraph line or blank. */
static int body_line(struct body *bd, const char *s, size_t a, size_t b)
{
    size_t n, level = 0, i;
    uint32_t c;

    trim(s, &a, &b);
    if (a >= b) {
        bd->blank = bd->text.len > 0;
        return JAEN_OK;
    }
    while (a + level < b && s[a + level] == '#')
        level++;
    if (level >= 1 && level <= 6
        && (a + level == b || is_space_cp(cp_at(s, b, a + level, NULL)))) {
        i = a + level;
        trim(s, &i, &b);
        if (i >= b)
            return JAEN_OK;     /* an empty heading holds no text */
        return add_line(bd, "heading", (int)level, s + i, b - i);
    }
    c = cp_at(s, b, a, &n);
    if ((c == '-' || c == '*' || c == '+') && n < b
        && is_space_cp(cp_at(s, b, n, NULL))) {
        i = n;
        trim(s, &i, &b);
        return add_line(bd, "item", 0, s + i, b - i);
    }
    /* Japanese bullets are part of the text, but still mark an item */
    if (c == 0x30FB || c == 0x25CF || c == 0x25CB || c == 0x25A0
        || c == 0x25A1 || c == 0x25C6 || c == 0x25C7 || c == 0x203B
        || c == 0x2022)
        return add_line(bd, "item", 0, s + a, b - a);
    return add_line(bd, "paragraph", 0, s + a, b - a);
}

static json_t *new_meta(void)
{
    return json_pack("{s:n,s:n,s:n,s:n,s:[],s:[]}", "title", "published",
                     "organization", "url", "related", "other");
}

static int body_init(struct body *bd)
{
    memset(bd, 0, sizeof(*bd));
    jaen_buf_init(&bd->text, JAEN_MAX_RECORD_BYTES);
    jaen_buf_init(&bd->blocks, JAEN_MAX_RECORD_BYTES);
    return jaen_buf_addc(&bd->blocks, '[');
}

static void body_free(struct body *bd)
{
    jaen_buf_free(&bd->text);
    jaen_buf_free(&bd->blocks);
}

/* Sets the document's fields; takes meta, frees the body. */
static int finish_doc(struct jaen_doc *doc, const char *id, json_t *meta,
                      struct body *bd)
{
    int rc = flush_block(bd);

    if (!rc)
        rc = jaen_buf_addc(&bd->blocks, ']');
    if (!rc)
        rc = jaen_doc_set(doc, JAEN_F_STREAM,
                          json_string(JAEN_STREAM_VERSION));
    if (!rc)
        rc = jaen_doc_set(doc, JAEN_F_ID, json_string(id));
    if (!rc) {
        rc = jaen_doc_set(doc, JAEN_F_META, meta);
        meta = NULL;
    }
    if (!rc)
        rc = jaen_doc_set_text(doc, bd->text.ptr ? bd->text.ptr : "",
                               bd->text.len);
    if (!rc)
        rc = jaen_doc_set_raw(doc, JAEN_F_BLOCKS, bd->blocks.ptr,
                              bd->blocks.len);
    json_decref(meta);
    body_free(bd);
    return rc;
}

int jaen_md_parse(const char *s, size_t len, const char *id,
                  struct jaen_doc *doc, struct jaen_err *err)
{
    enum { NONE, SUMMARY_SEC, BODY_SEC, OTHER_SEC } sec = NONE;
    json_t *meta = new_meta(), *sections = json_object();
    struct body bd;
    size_t pos = 0, sec_start = 0, sec_name[2] = {0, 0};
    char date[11];
    int rc = JAEN_OK, seen_summary = 0, seen_body = 0;

    if (body_init(&bd) || !meta || !sections) {
        json_decref(meta);
        json_decref(sections);
        body_free(&bd);
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    }
    if (starts(s, len, "\xEF\xBB\xBF"))
        pos = 3;
    while (pos <= len && !rc) {
        size_t e = pos < len ? line_end(s, len, pos) : len, a, b;
        int is_h1 = pos < len && h1(s + pos, e - pos, &a, &b);
        int known = is_h1 && (starts(s + pos + a, b - a, SUMMARY)
                              || (b - a == strlen(BODY)
                                  && starts(s + pos + a, b - a, BODY)));

        /* level-1 headings inside the body stay in the body, unless they
         * name an archive section (公表概要…, or anything before 本文) */
        if (pos >= len || (is_h1 && (sec != BODY_SEC || known))) {
            if (sec == SUMMARY_SEC)
                rc = read_summary(s + sec_start, pos - sec_start, meta);
            else if (sec == OTHER_SEC) {
                size_t x = sec_start, y = pos;
                while (x < y && (s[x] == '\n' || s[x] == '\r'))
                    x++;
                while (y > x && (s[y - 1] == '\n' || s[y - 1] == '\r'))
                    y--;
                json_object_setn_new(sections, s + sec_name[0],
                                     sec_name[1] - sec_name[0],
                                     json_stringn(s + x, y - x));
            }
            if (pos >= len)
                break;
            sec_name[0] = pos + a;
            sec_name[1] = pos + b;
            sec_start = next_line(s, len, e) > len ? len : next_line(s, len, e);
            /* the summary is found by its shape: the first section before
             * the body holds the bullets, whatever its heading says
             * ("# ", "# 公表以外用", "# 公表概要（続報）") */
            if (!known && !seen_summary && !seen_body
                && looks_like_summary(s, len, next_line(s, len, e)))
                known = 2;
            if (known && !starts(s + pos + a, b - a, BODY)) {
                sec = SUMMARY_SEC;
                seen_summary = 1;
                if (b - a != strlen(SUMMARY)
                    || !starts(s + pos + a, b - a, SUMMARY))
                    json_object_set_new(meta, "summary_heading",
                                        json_stringn(s + pos + a, b - a));
            } else if (known) {
                seen_body = 1;
                sec = BODY_SEC;
            } else {
                sec = OTHER_SEC;
            }
        } else if (sec == BODY_SEC) {
            rc = body_line(&bd, s, pos, e);
        } else if (sec == NONE) {
            /* text before any section: keep it as the body */
            rc = body_line(&bd, s, pos, e);
        }
        pos = next_line(s, len, e);
    }
    if (json_object_size(sections))
        json_object_set(meta, "sections", sections);
    json_decref(sections);
    if (!rc && json_is_null(json_object_get(meta, "published"))
        && date_from_path(id, date)) {
        json_object_set_new(meta, "published", json_string(date));
        json_object_set_new(meta, "published_source", json_string("path"));
    }
    if (rc) {
        json_decref(meta);
        body_free(&bd);
        return jaen_err_set(err, rc, "reading Markdown: %s",
                            jaen_strstatus(rc));
    }
    if ((rc = finish_doc(doc, id, meta, &bd)))
        return jaen_err_set(err, rc, "%s", jaen_strstatus(rc));
    return JAEN_OK;
}

int jaen_text_parse(const char *s, size_t len, const char *id,
                    struct jaen_doc *doc, struct jaen_err *err)
{
    json_t *meta = new_meta();
    struct body bd;
    size_t pos = 0;
    int rc = JAEN_OK;

    if (body_init(&bd) || !meta) {
        json_decref(meta);
        body_free(&bd);
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    }
    if (starts(s, len, "\xEF\xBB\xBF"))
        pos = 3;
    while (pos < len && !rc) {
        size_t e = line_end(s, len, pos), a = pos, b = e;
        trim(s, &a, &b);
        if (a >= b) {
            bd.blank = bd.text.len > 0;
        } else {
            rc = add_line(&bd, "paragraph", 0, s + a, b - a);
        }
        pos = next_line(s, len, e);
    }
    if (rc) {
        json_decref(meta);
        body_free(&bd);
        return jaen_err_set(err, rc, "%s", jaen_strstatus(rc));
    }
    if ((rc = finish_doc(doc, id, meta, &bd)))
        return jaen_err_set(err, rc, "%s", jaen_strstatus(rc));
    return JAEN_OK;
}

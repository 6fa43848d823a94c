/* dates.c: date, time and range recognition (rules in docs/NORMALIZE.md).
 *
 * Recursive-descent over folded code points: a "when" is a date, a time, or
 * a date followed by its time; a range is two whens around a connector.
 * Every parser returns the code points it consumed, 0 for no match, and
 * never reads past n. */
#include "dates.h"

#include "cps.h"
#include "num.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define U JAEN_U
#define BAD ((size_t)-1)    /* looked like a date but is impossible */

int jaen_days_in_month(int year, int month)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
                                31};
    int leap;

    if (month < 1 || month > 12)
        return 0;
    leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return dim[month - 1] + (month == 2 && leap);
}

int jaen_ref_parse(const char *s, struct jaen_ref *ref)
{
    int k, v[3] = {0, 0, 0}, w[3] = {4, 2, 2}, p = 0, f;

    memset(ref, 0, sizeof *ref);
    if (!s)
        return -1;
    for (f = 0; f < 3; f++) {
        for (k = 0; k < w[f]; k++, p++) {
            if (s[p] < '0' || s[p] > '9')
                return -1;
            v[f] = v[f] * 10 + (s[p] - '0');
        }
        if (f < 2 && s[p++] != '-')
            return -1;
    }
    if (v[1] < 1 || v[1] > 12 || v[2] < 1 ||
        v[2] > jaen_days_in_month(v[0], v[1]))
        return -1;
    ref->year = v[0];
    ref->month = v[1];
    ref->day = v[2];
    return 0;
}

static size_t skip_space(const uint32_t *s, size_t n, size_t i)
{
    return (i < n && jaen_cps_space(s[i])) ? i + 1 : i;
}

/* A small integer in ASCII digits (at most maxd of them, and the run must
 * end there) or kanji (二〇二五, 三十一, 十二).  Returns the length or 0. */
static size_t read_int(const uint32_t *s, size_t n, size_t i, int maxd,
                       int *v)
{
    size_t j = i;
    int val = 0, d;

    if (i >= n)
        return 0;
    if (jaen_cps_digit(s[i])) {
        while (j < n && jaen_cps_digit(s[j])) {
            if ((int)(j - i) >= maxd)
                return 0;
            val = val * 10 + (int)(s[j] - '0');
            j++;
        }
        *v = val;
        return j - i;
    }
    /* kanji: [d]十[d] or positional digits */
    d = jaen_num_kanji_digit(s[j]);
    if (d >= 0 && j + 1 < n && s[j + 1] == 0x5341) {     /* d十 */
        val = d * 10;
        j += 2;
    } else if (s[j] == 0x5341) {                        /* 十 */
        val = 10;
        j++;
    } else if (d >= 0) {
        while (j < n && (d = jaen_num_kanji_digit(s[j])) >= 0) {
            if ((int)(j - i) >= maxd)
                return 0;
            val = val * 10 + d;
            j++;
        }
        *v = val;
        return j - i;
    } else {
        return 0;
    }
    if (j < n && (d = jaen_num_kanji_digit(s[j])) >= 0 && d > 0) {
        val += d;
        j++;
    }
    *v = val;
    return j - i;
}

/* Weekday in parentheses: (火), (火曜日), (月・祝), (Tue). */
static size_t weekday(const uint32_t *s, size_t n, size_t i)
{
    static const uint32_t ok[] = {0x6708, 0x706B, 0x6C34, 0x6728, 0x91D1,
                                  0x571F, 0x65E5, 0x66DC, 0x795D, 0x4F11,
                                  0x30FB, 0x002E, 0};  /* 月火水木金土日曜祝休・. */
    size_t j = skip_space(s, n, i), k;

    if (j >= n || s[j] != '(')
        return 0;
    for (k = j + 1; k < n && k < j + 8 && s[k] != ')'; k++) {
        size_t m;
        int hit = jaen_cps_alpha(s[k]);
        for (m = 0; ok[m] && !hit; m++)
            hit = s[k] == ok[m];
        if (!hit)
            return 0;
    }
    if (k >= n || s[k] != ')' || k == j + 1)
        return 0;
    return k + 1 - i;
}

/* The day of the week (0 Sunday .. 6 Saturday) that the weekday in
 * parentheses at s[i] names ((火), (火曜日)), or -1. */
static int weekday_named(const uint32_t *s, size_t n, size_t i)
{
    static const uint32_t names[7] = {0x65E5, 0x6708, 0x706B, 0x6C34,
                                      0x6728, 0x91D1, 0x571F}; /* 日月火水木金土 */
    size_t j = skip_space(s, n, i);
    int k;

    if (!weekday(s, n, i) || j + 1 >= n)
        return -1;
    for (k = 0; k < 7; k++)
        if (s[j + 1] == names[k])
            return k;
    return -1;
}

/* The day of the week of a Gregorian date, 0 Sunday (Sakamoto). */
static int day_of_week(int y, int m, int d)
{
    static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};

    y -= m < 3;
    return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

static const struct {
    const uint32_t *name;
    int base;           /* year 1 of the era minus 1 */
} eras[] = {
    {U("令和"), 2018}, {U("平成"), 1988}, {U("昭和"), 1925},
    {U("大正"), 1911}, {U("明治"), 1867},
};

/* Era year: 令和7年, 令和元年, R7年 (R7. and R7/ when a month follows). */
static size_t era_year(const uint32_t *s, size_t n, size_t i, int *year,
                       int *sep)
{
    size_t j = i, l = 0, k;
    int base = -1, v = 0;

    *sep = 0;
    for (k = 0; k < sizeof eras / sizeof eras[0]; k++) {
        l = jaen_cps_lit(s, n, i, eras[k].name);
        if (l) {
            base = eras[k].base;
            break;
        }
    }
    if (base >= 0) {
        j = skip_space(s, n, i + l);
        if (j < n && s[j] == 0x5143) {                  /* 元 */
            v = 1;
            j++;
        } else {
            l = read_int(s, n, j, 2, &v);
            if (!l || v < 1)
                return 0;
            j += l;
        }
        j = skip_space(s, n, j);
        if (j >= n || s[j] != 0x5E74)                   /* 年 */
            return 0;
        *year = base + v;
        return j + 1 - i;
    }
    if (i < n && (s[i] == 'R' || s[i] == 'H' || s[i] == 'S')) {
        if (i > 0 && (jaen_cps_alpha(s[i - 1]) || jaen_cps_digit(s[i - 1])))
            return 0;
        base = s[i] == 'R' ? 2018 : s[i] == 'H' ? 1988 : 1925;
        l = read_int(s, n, i + 1, 2, &v);
        if (!l || !jaen_cps_digit(s[i + 1]) || v < 1)
            return 0;
        j = i + 1 + l;
        if (j < n && s[j] == 0x5E74) {
            *year = base + v;
            return j + 1 - i;
        }
        if (j + 1 < n && (s[j] == '.' || s[j] == '/') &&
            jaen_cps_digit(s[j + 1])) {
            *year = base + v;
            *sep = (int)s[j];
            return j + 1 - i;
        }
    }
    return 0;
}

/* Numeric forms: Y/M/D, Y.M.D, Y-M-D, Y/M, Y-M, M/D (sep says which).
 * Returns the length, 0, or BAD. */
static size_t numeric_date(const uint32_t *s, size_t n, size_t i,
                           struct jaen_when *w, int era_year_v, int era_sep)
{
    size_t j = i, l;
    int a, b = 0, c = 0, sep;

    if (i > 0 && !era_sep && (jaen_cps_digit(s[i - 1]) ||
                              jaen_cps_alpha(s[i - 1]) || s[i - 1] == '/' ||
                              s[i - 1] == '.' || s[i - 1] == '-'))
        return 0;
    if (era_sep) {
        a = era_year_v;
        sep = era_sep;
        l = read_int(s, n, j, 2, &b);
        if (!l || !jaen_cps_digit(s[j]))
            return 0;
        j += l;
        goto day;
    }
    l = read_int(s, n, j, 4, &a);
    if (!l || !jaen_cps_digit(s[j]) || j + l + 1 >= n)
        return 0;
    j += l;
    sep = (int)s[j];
    if (sep != '/' && sep != '.' && sep != '-')
        return 0;
    if (!jaen_cps_digit(s[j + 1]))
        return 0;
    if (l <= 2) {                       /* M/D */
        if (sep != '/')
            return 0;
        b = a;
        a = 0;
        l = read_int(s, n, j + 1, 2, &c);
        if (!l)
            return 0;
        j += 1 + l;
        if (j < n && (jaen_cps_digit(s[j]) || s[j] == '/' ||
                      (s[j] == '.' && j + 1 < n && jaen_cps_digit(s[j + 1]))))
            return 0;
        if (b < 1 || b > 12 || c < 1 || c > jaen_days_in_month(2000, b))
            return 0;
        w->month = b;
        w->day = c;
        return j - i;
    }
    if (l != 4 || a < 1000)
        return 0;
    l = read_int(s, n, j + 1, 2, &b);
    if (!l)
        return 0;
    j += 1 + l;
day:
    if (j + 1 < n && s[j] == (uint32_t)sep && jaen_cps_digit(s[j + 1])) {
        l = read_int(s, n, j + 1, 2, &c);
        if (!l)
            return 0;
        j += 1 + l;
    } else if (sep == '.') {
        return 0;                       /* 2025.3 is a decimal */
    }
    if (j < n && (jaen_cps_digit(s[j]) || s[j] == (uint32_t)sep ||
                  (s[j] == '.' && j + 1 < n && jaen_cps_digit(s[j + 1]))))
        return 0;                       /* a version, an IP, a phone */
    if (b < 1 || b > 12 || (c && c > jaen_days_in_month(a, b)))
        return BAD;
    w->year = a;
    w->month = b;
    w->day = c;
    return j - i;
}

/* An empty date and time: no field read, no hour. */
static void when_clear(struct jaen_when *w)
{
    memset(w, 0, sizeof *w);
    w->hour = -1;
}

/* Month and day: M月[D日], with optional spaces; 月 alone when no day. */
static size_t month_day(const uint32_t *s, size_t n, size_t i,
                        struct jaen_when *w)
{
    size_t j = i, l;
    int m, d;

    l = read_int(s, n, j, 2, &m);
    if (!l)
        return 0;
    j = skip_space(s, n, j + l);
    if (j >= n || s[j] != 0x6708)                       /* 月 */
        return 0;
    if (j + 1 < n && (s[j + 1] == 0x9593 || s[j + 1] == 0x672B ||
                      s[j + 1] == 0x5EA6)) {
        /* 月間 is a duration; 月末 and 月度 stay with the month */
        if (s[j + 1] == 0x9593)
            return 0;
    }
    if (m < 1 || m > 12)
        return BAD;
    w->month = m;
    j++;
    {
        size_t k = skip_space(s, n, j);
        l = read_int(s, n, k, 2, &d);
        if (l) {
            size_t e = skip_space(s, n, k + l);
            if (e < n && s[e] == 0x65E5 &&              /* 日 */
                !(e + 1 < n && s[e + 1] == 0x9593)) {   /* not 日間 */
                if (d < 1 || d > 31)
                    return BAD;
                w->day = d;
                j = e + 1;
            }
        }
    }
    return j - i;
}

/* Inherited forms at a range end: 同月D日, 同日, 翌日, 翌月, D日. */
static size_t relative_day(const uint32_t *s, size_t n, size_t i,
                           const struct jaen_when *from, struct jaen_when *w,
                           int bare_ok)
{
    size_t l;
    int d;

    if (!from || !(from->flags & JAEN_WHEN_DATE))
        return 0;
    if ((l = jaen_cps_lit(s, n, i, U("同日"))) ||
        (l = jaen_cps_lit(s, n, i, U("当日")))) {
        w->year = from->year;
        w->month = from->month;
        w->day = from->day;
        return l;
    }
    if ((l = jaen_cps_lit(s, n, i, U("翌日")))) {
        w->year = from->year;
        w->month = from->month;
        w->day = from->day + 1;
        if (from->month && w->day > jaen_days_in_month(from->year ?
                                                       from->year : 2001,
                                                       from->month)) {
            w->day = 1;
            if (++w->month > 12) {
                w->month = 1;
                if (w->year)
                    w->year++;
            }
        }
        return l;
    }
    /* 同年4月2日: the month and day in the year of the date before */
    if ((l = jaen_cps_lit(s, n, i, U("同年"))) && from->year) {
        struct jaen_when t;
        size_t m;
        when_clear(&t);
        m = month_day(s, n, i + l, &t);
        if (m && m != BAD && t.month
            && (!t.day || t.day <= jaen_days_in_month(from->year, t.month))) {
            *w = t;
            w->year = from->year;
            return l + m;
        }
    }
    l = jaen_cps_lit(s, n, i, U("同月"));
    if (l) {
        size_t k = read_int(s, n, i + l, 2, &d);
        if (!k || i + l + k >= n || s[i + l + k] != 0x65E5 || d < 1 ||
            d > jaen_days_in_month(from->year ? from->year : 2000,
                                   from->month))
            return 0;
        w->year = from->year;
        w->month = from->month;
        w->day = d;
        return l + k + 1;
    }
    /* a bare D日 at a range end, or with its weekday (14日（火）: the
     * month and year of the date before) */
    l = read_int(s, n, i, 2, &d);
    if (l)                      /* 12 日, as PDF text spaces it */
        l = skip_space(s, n, i + l) - i;
    if (l && !bare_ok && !(i + l < n && s[i + l] == 0x65E5
                           && weekday(s, n, i + l + 1)))
        l = 0;
    if (l && i > 0 && (jaen_cps_digit(s[i - 1]) || s[i - 1] == 0x6708))
        l = 0;                  /* inside 2025年1月14日: not bare */
    if (l && i + l < n && s[i + l] == 0x65E5 && from->month && d >= 1 &&
        d <= 31 && !(i + l + 1 < n && s[i + l + 1] == 0x9593)) {
        int y = from->year, m = from->month, wd = weekday_named(s, n, i + l + 1);
        /* a day before the one it follows is in the next month (28日…3日),
         * unless the weekday written says it is this month's */
        if (d < from->day && !(y && wd >= 0 && d <= jaen_days_in_month(y, m)
                               && day_of_week(y, m, d) == wd)) {
            if (++m > 12) {
                m = 1;
                y = y ? y + 1 : 0;
            }
        }
        if (d > jaen_days_in_month(y ? y : 2000, m))
            return 0;
        w->year = y;
        w->month = m;
        w->day = d;
        return l + 1;
    }
    return 0;
}

/* A date at s[i]; from is the range start when parsing a range end. */
static size_t date_part(const uint32_t *s, size_t n, size_t i,
                        const struct jaen_when *from, int bare_ok,
                        struct jaen_when *w)
{
    size_t j = i, l;
    int y = 0, sep = 0;

    l = relative_day(s, n, i, from, w, bare_ok);
    if (l) {
        w->flags |= from->flags & JAEN_WHEN_INFERRED;
        goto done;
    }
    l = era_year(s, n, i, &y, &sep);
    if (l && sep) {
        size_t el = l;
        l = numeric_date(s, n, i + el, w, y, sep);
        if (l == BAD)
            return BAD;
        if (!l)
            return 0;
        l += el;
        goto done;
    }
    if (!l) {
        size_t k = read_int(s, n, i, 4, &y);
        if (k == 4 && y >= 1000) {
            size_t e = skip_space(s, n, i + k);
            if (e < n && s[e] == 0x5E74 &&
                !(i > 0 && jaen_cps_digit(s[i - 1])))
                l = e + 1 - i;
        }
    }
    if (l) {
        w->year = y;
        j = i + l;
        if (j < n && s[j] == 0x5EA6) {                  /* 年度 */
            w->flags |= JAEN_WHEN_FISCAL;
            j++;
        } else {
            size_t k = skip_space(s, n, j), m;
            struct jaen_when t = *w;
            m = month_day(s, n, k, &t);
            if (m == BAD)
                return BAD;
            if (m) {
                *w = t;
                j = k + m;
            }
        }
        if (w->day && w->day > jaen_days_in_month(w->year, w->month))
            return BAD;
        l = j - i;
        goto done;
    }
    l = numeric_date(s, n, i, w, 0, 0);
    if (l == BAD)
        return BAD;
    if (!l) {
        l = month_day(s, n, i, w);
        if (l == BAD || !l)
            return l;
        if (w->day && w->day > jaen_days_in_month(2000, w->month))
            return BAD;
    }
done:
    w->flags |= JAEN_WHEN_DATE;
    return l;
}

/* 頃, ごろ, 過ぎ, (日本時間) after a date or time. */
static size_t approx_suffix(const uint32_t *s, size_t n, size_t i,
                            struct jaen_when *w)
{
    static const uint32_t *const words[] = {
        U("頃"), U("ごろ"), U("ころ"), U("過ぎ"), U("すぎ"), U("前後"),
    };
    size_t k, l, j = i;

    for (k = 0; k < sizeof words / sizeof words[0]; k++) {
        l = jaen_cps_lit(s, n, j, words[k]);
        if (l) {
            w->flags |= JAEN_WHEN_APPROX;
            j += l;
            break;
        }
    }
    if ((l = jaen_cps_lit(s, n, j, U("(日本時間)"))) ||
        (l = jaen_cps_lit(s, n, j, U("(JST)"))))
        j += l;
    return j - i;
}

/* A time: [午前|午後|深夜..] (H時[M分|半|MM] | H:MM[:SS] | 正午). */
static size_t time_part(const uint32_t *s, size_t n, size_t i,
                        const struct jaen_when *from, struct jaen_when *w)
{
    static const uint32_t *const am_words[] = {U("午前"), U("深夜"),
        U("未明"), U("早朝"), U("朝")};
    static const uint32_t *const pm_words[] = {U("午後"), U("夕方"),
        U("夜間"), U("夜")};
    size_t j = i, k, l;
    int h = -1, m = 0, am = 0, pm = 0, strict = 0, kanji_hour;

    for (k = 0; k < 5 && !am; k++) {
        l = jaen_cps_lit(s, n, j, am_words[k]);
        if (l) {
            am = 1;
            strict = k == 0;
            j += l;
        }
    }
    for (k = 0; k < 4 && !am && !pm; k++) {
        l = jaen_cps_lit(s, n, j, pm_words[k]);
        if (l) {
            pm = 1;
            strict = k == 0;
            j += l;
        }
    }
    j = skip_space(s, n, j);
    if ((l = jaen_cps_lit(s, n, j, U("正午")))) {
        h = 12;
        j += l;
        goto check;
    }
    if (j == i && i > 0 && (jaen_cps_digit(s[i - 1]) ||
                            (s[i - 1] == ':' && i > 1 &&
                             jaen_cps_digit(s[i - 2])) ||
                            s[i - 1] == '.' || jaen_cps_alpha(s[i - 1])))
        return 0;
    l = read_int(s, n, j, 2, &h);
    if (!l)
        return 0;
    k = j + l;
    if (k + 2 < n && s[k] == ':' && jaen_cps_digit(s[k + 1]) &&
        jaen_cps_digit(s[k + 2]) && jaen_cps_digit(s[j]) &&
        !(k + 3 < n && jaen_cps_digit(s[k + 3]))) {
        m = (int)(s[k + 1] - '0') * 10 + (int)(s[k + 2] - '0');
        k += 3;
        if (k + 2 < n && s[k] == ':' && jaen_cps_digit(s[k + 1]) &&
            jaen_cps_digit(s[k + 2]))
            k += 3;                                     /* seconds */
        if (k < n && (s[k] == ':' || s[k] == '.') && k + 1 < n &&
            jaen_cps_digit(s[k + 1]))
            return 0;
        j = k;
        goto check;
    }
    k = skip_space(s, n, k);
    if (k >= n || s[k] != 0x6642 ||                     /* 時 */
        (k + 1 < n && (s[k + 1] == 0x9593 || s[k + 1] == 0x9650)))
        return 0;                                       /* 時間, 時限 */
    kanji_hour = !jaen_cps_digit(s[j]);
    j = k + 1;
    if (j + 1 < n && jaen_cps_space(s[j]) && jaen_cps_digit(s[j + 1]))
        j++;                                            /* 16 時 28 分 */
    if (j < n && s[j] == 0x534A) {                      /* 半 */
        m = 30;
        j++;
        goto check;
    }
    l = read_int(s, n, j, 2, &m);
    if (l) {
        size_t e = skip_space(s, n, j + l);
        if (e < n && s[e] == 0x5206 &&                  /* 分 */
            !(e + 1 < n && s[e + 1] == 0x9593))
            j = e + 1;
        else if (l == 2 && jaen_cps_digit(s[j]) && e < n &&
                 (s[e] == 0x9803 || s[e] == 0x3054 || s[e] == 0x301C ||
                  s[e] == '~'))
            j += l;                                     /* 14時30頃 */
        else
            l = 0;
    }
    if (!l) {
        m = 0;
        j = k + 1;
        /* 一時的, 一時停止: a kanji hour needs 午前/午後 or minutes */
        if (kanji_hour && !strict)
            return 0;
    }
check:
    if (h < 0 || m > 59 || h > 24 || (h == 24 && m) ||
        ((am || pm) && strict && h > 12))
        return 0;
    if (am && h == 12 && strict)
        h = 12;                 /* 午前12時 is noon (明治5年太政官布告) */
    else if (pm && h < 12)
        h += 12;
    else if (pm && strict && h == 12)
        h = 24;                 /* 午後12時 is midnight */
    if (h == 24 && m)
        return 0;
    if (!am && !pm && from && (from->flags & JAEN_WHEN_PM) && h < 12 &&
        h + 12 >= from->hour)
        h += 12;                /* 午後1時から3時 */
    w->hour = h;
    w->minute = m;
    if (am && strict)
        w->flags |= JAEN_WHEN_AM;
    if (pm)
        w->flags |= JAEN_WHEN_PM;
    j += approx_suffix(s, n, j, w);
    return j - i;
}

/* 上旬, 中旬, 下旬, 初旬, 末 after a month or a date. */
static size_t part_suffix(const uint32_t *s, size_t n, size_t i,
                          struct jaen_when *w)
{
    static const struct {
        const uint32_t *w;
        const char *part;
    } parts[] = {
        {U("上旬"), "early"}, {U("初旬"), "early"}, {U("中旬"), "mid"},
        {U("下旬"), "late"}, {U("末"), "end"},
    };
    size_t k, l;

    if (w->day)
        return 0;
    for (k = 0; k < sizeof parts / sizeof parts[0]; k++) {
        l = jaen_cps_lit(s, n, i, parts[k].w);
        if (l) {
            w->part = parts[k].part;
            return l;
        }
    }
    return 0;
}

/* A part of the day after a date with no time (7月10日未明から11日昼にか
 * けて, 10日の未明から): part of the span, so that a range connector after
 * it is found.  Not before a time (朝9時 is a time) nor in a word (朝刊). */
static size_t day_period(const uint32_t *s, size_t n, size_t i)
{
    static const uint32_t *const words[] = {
        U("未明"), U("早朝"), U("午前中"), U("昼過ぎ"), U("昼頃"), U("昼"),
        U("夕方"), U("夕刻"), U("夜間"), U("深夜"), U("夜"), U("朝"),
    };
    size_t k, l, no = i < n && s[i] == 0x306E;      /* の */

    for (k = 0; k < sizeof words / sizeof words[0]; k++) {
        l = jaen_cps_lit(s, n, i + no, words[k]);
        if (l && !(i + no + l < n
                   && (jaen_cps_digit(s[i + no + l])
                       || jaen_num_kanji_digit(s[i + no + l]) >= 0
                       || s[i + no + l] == 0x520A)))        /* 朝刊 */
            return no + l;
    }
    return 0;
}

/* Days from 0000-03-01 to y-m-d (proleptic Gregorian). */
static long day_number(int y, int m, int d)
{
    y -= m < 3;
    m = m < 3 ? m + 9 : m - 3;
    return 365L * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d;
}

/* The year of a date written without one: the reference's, or the year
 * before for a later month; but the year next to it when only that one
 * has the weekday written and it lies nearer the reference (4月1日(火)
 * in a notice of 2025-03-31 is 2025-04-01, a Tuesday, not 2024-04-01, a
 * Monday; 3月31日(日) there stays the notice's own day, a slip of the
 * weekday).  wd: 0 Sunday .. 6, or -1 when none is written. */
static void infer_year(struct jaen_when *w, const struct jaen_ref *ref,
                       int wd)
{
    if ((w->flags & JAEN_WHEN_DATE) && !w->year && w->month && ref->year) {
        int y = ref->year - (w->month > ref->month), k;
        static const int near[] = {1, -1};
        if (wd >= 0 && w->day && ref->month && ref->day
            && w->day <= jaen_days_in_month(y, w->month)
            && day_of_week(y, w->month, w->day) != wd) {
            long r = day_number(ref->year, ref->month, ref->day);
            long dy = labs(day_number(y, w->month, w->day) - r);
            for (k = 0; k < 2; k++) {
                int c = y + near[k];
                if (w->day <= jaen_days_in_month(c, w->month)
                    && day_of_week(c, w->month, w->day) == wd
                    && labs(day_number(c, w->month, w->day) - r) < dy) {
                    y = c;
                    break;
                }
            }
        }
        w->year = y;
        w->flags |= JAEN_WHEN_INFERRED;
    }
}

/* A date and/or time starting at s[i]; from is set for a range end. */
static size_t when_part(const uint32_t *s, size_t n, size_t i,
                        const struct jaen_when *from,
                        const struct jaen_when *ctx, struct jaen_when *w,
                        size_t *date_end, size_t *time_start, int *wd)
{
    size_t j, l, k, t;

    when_clear(w);
    *date_end = *time_start = 0;
    *wd = -1;
    l = date_part(s, n, i, from ? from : ctx, from != NULL, w);
    if (l == BAD)
        return BAD;
    if (l) {
        j = i + l;
        j += part_suffix(s, n, j, w);
        *wd = weekday_named(s, n, j);
        j += weekday(s, n, j);
        *date_end = j;
        k = skip_space(s, n, j);
        t = time_part(s, n, k, from, w);
        if (t) {
            *time_start = k;
            return k + t - i;
        }
        j += approx_suffix(s, n, j, w);
        if (w->day)
            j += day_period(s, n, j);
        *date_end = j;
        return j - i;
    }
    t = time_part(s, n, i, from, w);
    if (t)
        *time_start = i;
    return t;
}

/* The end of a bad date (2025年13月45日): the digits and date marks. */
static size_t bad_span(const uint32_t *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && (jaen_cps_digit(s[j]) || s[j] == 0x5E74 ||
                     s[j] == 0x6708 || s[j] == 0x65E5 || s[j] == '/' ||
                     s[j] == '.' || s[j] == '-' ||
                     jaen_num_kanji_digit(s[j]) >= 0 || s[j] == 0x5341))
        j++;
    return j > i ? j - i : 1;
}

/* The end inherits what it leaves out from the start. */
static void inherit(const struct jaen_when *a, struct jaen_when *b)
{
    if (!(b->flags & JAEN_WHEN_DATE) && (a->flags & JAEN_WHEN_DATE)) {
        b->year = a->year;
        b->month = a->month;
        b->day = a->day;
        b->flags |= JAEN_WHEN_DATE | (a->flags & JAEN_WHEN_INFERRED);
        return;
    }
    if ((b->flags & JAEN_WHEN_DATE) && !b->year && a->year && b->month) {
        b->year = a->year + (b->month < a->month);
        b->flags |= a->flags & JAEN_WHEN_INFERRED;
    }
}

size_t jaen_when_scan(const uint32_t *s, size_t n, size_t i,
                      const struct jaen_ref *ref,
                      const struct jaen_when *ctx,
                      struct jaen_when_hit hits[2], size_t *skip)
{
    static const uint32_t *const conns[] = {
        U("〜"), U("~"), U("-"), U("–"), U("−"), U("から"), U("より"),
    };
    struct jaen_when a, b;
    size_t l, j, k, c, cl = 0, de, ts, de2, ts2;
    int wd, wd2;

    *skip = 0;
    l = when_part(s, n, i, NULL, ctx, &a, &de, &ts, &wd);
    if (l == BAD) {
        *skip = bad_span(s, n, i);
        return 0;
    }
    if (!l)
        return 0;
    infer_year(&a, ref, wd);
    j = i + l;
    memset(&hits[0], 0, sizeof hits[0]);
    hits[0].start = i;
    hits[0].from = a;
    if ((c = jaen_cps_lit(s, n, j, U("現在"))) ||
        (c = jaen_cps_lit(s, n, j, U("時点")))) {
        hits[0].as_of = 1;
        j += c;
        goto single;
    }
    k = skip_space(s, n, j);
    for (c = 0; c < sizeof conns / sizeof conns[0] && !cl; c++)
        cl = jaen_cps_lit(s, n, k, conns[c]);
    if (cl) {
        size_t e = skip_space(s, n, k + cl), bl;
        bl = when_part(s, n, e, &a, NULL, &b, &de2, &ts2, &wd2);
        if (bl && bl != BAD) {
            inherit(&a, &b);
            j = e + bl;
            if ((c = jaen_cps_lit(s, n, j, U("まで"))))
                j += c;
            hits[0].type = JAEN_HIT_RANGE;
            hits[0].end = j;
            hits[0].to = b;
            hits[0].has_from = hits[0].has_to = 1;
            return 1;
        }
        if (s[k] != '-' && s[k] != 0x2013 && s[k] != 0x2212) {
            hits[0].type = JAEN_HIT_RANGE;
            hits[0].end = k + cl;
            hits[0].has_from = 1;
            return 1;
        }
    }
    if ((c = jaen_cps_lit(s, n, j, U("以降"))) ||
        (c = jaen_cps_lit(s, n, j, U("以後")))) {
        hits[0].type = JAEN_HIT_RANGE;
        hits[0].end = j + c;
        hits[0].has_from = 1;
        return 1;
    }
    if ((c = jaen_cps_lit(s, n, j, U("まで")))) {
        hits[0].type = JAEN_HIT_RANGE;
        hits[0].end = j + c;
        hits[0].to = a;
        hits[0].has_to = 1;
        return 1;
    }
single:
    if ((a.flags & JAEN_WHEN_DATE) && a.hour >= 0) {
        hits[0].type = JAEN_HIT_DATE;
        hits[0].end = de;
        hits[1] = hits[0];
        hits[1].type = JAEN_HIT_TIME;
        hits[1].start = ts;
        hits[1].end = j;
        hits[0].as_of = 0;
        hits[0].from.flags &= ~(unsigned)JAEN_WHEN_APPROX;  /* the time's */
        return 2;
    }
    hits[0].type = (a.flags & JAEN_WHEN_DATE) ? JAEN_HIT_DATE : JAEN_HIT_TIME;
    hits[0].end = j;
    return 1;
}

size_t jaen_when_format(const struct jaen_when *w, int with_date,
                        int with_time, char buf[24])
{
    size_t len = 0;
    int r = 0;

    buf[0] = '\0';
    if (with_date && (w->flags & JAEN_WHEN_DATE)) {
        if (w->year)
            r = snprintf(buf, 24, "%04d", w->year);
        else if (w->month)
            r = snprintf(buf, 24, "-");
        else if (w->day)
            r = snprintf(buf, 24, "---%02d", w->day);
        len = r > 0 ? (size_t)r : 0;
        if (w->month) {
            r = snprintf(buf + len, 24 - len, "-%02d", w->month);
            len += r > 0 ? (size_t)r : 0;
            if (w->day) {
                r = snprintf(buf + len, 24 - len, "-%02d", w->day);
                len += r > 0 ? (size_t)r : 0;
            }
        }
    }
    if (with_time && w->hour >= 0) {
        r = snprintf(buf + len, 24 - len, "%s%02d:%02d", len ? "T" : "",
                     w->hour, w->minute);
        len += r > 0 ? (size_t)r : 0;
    }
    return len;
}

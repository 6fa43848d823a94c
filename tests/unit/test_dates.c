/* test_dates.c: dates, times and ranges through jaen_when_scan. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "alloc.h"
#include "buf.h"
#include "dates.h"
#include "fold.h"
#include "utf8.h"

/* want: "" for nothing, "BAD" for a malformed date, else hits joined by
 * " + ": D:value, T:value[@datetime], R:from..to; then flags: ~ approx,
 * ^ inferred, F fiscal, ! as_of; then /end (code points). */
struct date_case {
    const char *in;
    const char *ref;
    const char *want;
};

#define R0 "2025-07-11"

static const struct date_case cases[] = {
    /* full dates */
    {"2025年3月11日", R0, "D:2025-03-11/10"},
    {"２０２５年３月１１日", R0, "D:2025-03-11/10"},
    {"2025年3月", R0, "D:2025-03/7"},
    {"2025年", R0, "D:2025/5"},
    {"2025 年 3 月 11 日", R0, "D:2025-03-11/15"},
    {"2024年2月29日", R0, "D:2024-02-29/10"},
    {"二〇二五年三月十一日", R0, "D:2025-03-11/10"},
    {"令和7年3月11日", R0, "D:2025-03-11/9"},
    {"令和７年３月１１日", R0, "D:2025-03-11/9"},
    {"令和元年5月1日", R0, "D:2019-05-01/8"},
    {"平成31年4月30日", R0, "D:2019-04-30/10"},
    {"平成元年", R0, "D:1989/4"},
    {"昭和64年1月7日", R0, "D:1989-01-07/9"},
    {"令和 7 年", R0, "D:2025/6"},
    {"令和七年", R0, "D:2025/4"},
    {"R7年3月11日", R0, "D:2025-03-11/8"},
    {"R7.3.11", R0, "D:2025-03-11/7"},
    {"H30/1/5", R0, "D:2018-01-05/7"},
    {"2025/3/11", R0, "D:2025-03-11/9"},
    {"2025.3.11", R0, "D:2025-03-11/9"},
    {"2025-03-11", R0, "D:2025-03-11/10"},
    {"２０２５／０３／１１", R0, "D:2025-03-11/10"},
    {"2025/3", R0, "D:2025-03/6"},
    {"2025年度", R0, "D:2025F/6"},
    {"令和6年度", R0, "D:2024F/5"},
    {"令和元年度", R0, "D:2019F/5"},
    {"2025年3月上旬", R0, "D:2025-03(early)/9"},
    {"2025年3月末", R0, "D:2025-03(end)/8"},
    {"3月下旬", R0, "D:2025-03^(late)/4"},
    {"2025年3月11日（火）", R0, "D:2025-03-11/13"},
    {"2025年3月11日(火曜日)", R0, "D:2025-03-11/15"},
    /* a part of the day belongs to the date, so a range goes on after it */
    {"2025年3月5日未明", R0, "D:2025-03-05/11"},
    {"3月5日夜間", R0, "D:2025-03-05^/6"},
    {"3月5日朝刊", R0, "D:2025-03-05^/4"},
    {"3月10日未明から11日昼", R0, "R:2025-03-10..2025-03-11^/13"},
    {"3月10日の未明から11日の昼", R0, "R:2025-03-10..2025-03-11^/15"},
    {"3月5日の朝", R0, "D:2025-03-05^/6"},
    {"3月5日の朝刊", R0, "D:2025-03-05^/4"},
    {"3月3日(月・祝)", R0, "D:2025-03-03^/9"},
    /* missing year */
    {"3月11日", R0, "D:2025-03-11^/5"},
    {"7月20日", R0, "D:2025-07-20^/5"},
    {"8月1日", R0, "D:2024-08-01^/4"},
    {"12月22日", "2026-01-08", "D:2025-12-22^/6"},
    {"1月5日", "2026-01-08", "D:2026-01-05^/4"},
    {"3月11日", NULL, "D:--03-11/5"},
    {"3/8", R0, "D:2025-03-08^/3"},
    {"12/31", "2026-01-08", "D:2025-12-31^/5"},
    /* a weekday written picks the year nearer the reference that has it;
     * a slip of the weekday moves nothing far */
    {"4月1日(火)", "2025-03-31", "D:2025-04-01^/7"},
    {"4月1日", "2025-03-31", "D:2024-04-01^/4"},
    {"5/4（日）", "2025-04-23", "D:2025-05-04^/6"},
    {"1月5日(月)", "2025-12-26", "D:2026-01-05^/7"},
    {"3月31日(日)", "2025-03-31", "D:2025-03-31^/8"},
    {"4月10日現在", R0, "D:2025-04-10^!/7"},
    {"2025年4月10日時点", R0, "D:2025-04-10!/12"},
    /* impossible dates */
    {"2025年13月45日", R0, "BAD"},
    {"2025年2月29日", R0, "BAD"},
    {"2025年4月31日", R0, "BAD"},
    {"13月1日", R0, "BAD"},
    {"2025/13/1", R0, "BAD"},
    {"2025/2/30", R0, "BAD"},
    {"0月1日", R0, "BAD"},
    {"3/32", R0, ""},
    {"13/1", R0, ""},
    /* not dates */
    {"", R0, ""}, {"3年", R0, ""}, {"3年間", R0, ""}, {"3か月", R0, ""},
    {"25年", R0, ""}, {"1.2.3", R0, ""}, {"192.168.0.1", R0, ""},
    {"2025.3", R0, ""}, {"1/2/3/4", R0, ""}, {"3ヶ月", R0, ""},
    {"10日", R0, ""}, {"3日間", R0, ""}, {"2025", R0, ""},
    {"一時的", R0, ""}, {"一時停止", R0, ""}, {"3時間", R0, ""},
    {"12:345", R0, ""}, {"1.2.3.4", R0, ""},
    /* times */
    {"9:00", R0, "T:09:00/4"}, {"09:00", R0, "T:09:00/5"},
    {"23:59", R0, "T:23:59/5"}, {"24:00", R0, "T:24:00/5"},
    {"24:30", R0, ""}, {"25:00", R0, ""}, {"12:60", R0, ""},
    {"14:30:15", R0, "T:14:30/8"}, {"14時", R0, "T:14:00/3"},
    {"14時30分", R0, "T:14:30/6"}, {"14時半", R0, "T:14:30/4"},
    {"午前9時", R0, "T:09:00/4"}, {"午後3時", R0, "T:15:00/4"},
    {"午後3時30分", R0, "T:15:30/7"}, {"午後11時50分", R0, "T:23:50/8"},
    {"午前0時", R0, "T:00:00/4"}, {"午前12時", R0, "T:12:00/5"},
    {"午後12時", R0, "T:24:00/5"}, {"午後13時", R0, ""},
    {"正午", R0, "T:12:00/2"}, {"14時頃", R0, "T:14:00~/4"},
    {"14時ごろ", R0, "T:14:00~/5"}, {"9:00頃", R0, "T:09:00~/5"},
    {"午前一時", R0, "T:01:00/4"}, {"十時三十分", R0, "T:10:30/5"},
    {"深夜0時", R0, "T:00:00/4"}, {"夜9時", R0, "T:21:00/3"},
    {"14時30頃", R0, "T:14:30~/6"}, {"16 時 28 分", R0, "T:16:28/9"},
    {"10:00(日本時間)", R0, "T:10:00/11"},
    /* date with time */
    {"2026年2月13日 22:00", R0, "D:2026-02-13 + T:22:00@2026-02-13T22:00/16"},
    {"2025年3月11日14時", R0,
     "D:2025-03-11 + T:14:00@2025-03-11T14:00/13"},
    {"3月11日（火）午後2時", R0,
     "D:2025-03-11 + T:14:00@2025-03-11T14:00^/12"},
    {"2025/1/27 14:34", R0, "D:2025-01-27 + T:14:34@2025-01-27T14:34/15"},
    {"令和7年1月8日未明", R0, "D:2025-01-08/10"},
    /* ranges */
    {"3月11日〜14日", R0, "R:2025-03-11..2025-03-14^/9"},
    {"3月11日～14日", R0, "R:2025-03-11..2025-03-14^/9"},
    {"3月11日から同月14日まで", R0, "R:2025-03-11..2025-03-14^/14"},
    /* spaced as PDF text is */
    {"2024 年 12 月 11 日から 12 日にかけて", R0,
     "R:2024-12-11..2024-12-12/23"},
    {"2024年12月～2025年1月", R0, "R:2024-12..2025-01/16"},
    {"12月～1月", "2025-02-01", "R:2024-12..2025-01^/6"},
    {"2024年12月28日～1月5日", R0, "R:2024-12-28..2025-01-05/16"},
    {"1月29日午後11時50分頃から翌日午前1時頃", "2026-02-01",
     "R:2026-01-29T23:50..2026-01-30T01:00~^/23"},
    {"1月31日23時から翌日2時", "2026-02-10",
     "R:2026-01-31T23:00..2026-02-01T02:00^/14"},
    {"2024年12月31日から翌日", R0, "R:2024-12-31..2025-01-01/15"},
    {"9:00～18:00", R0, "R:09:00..18:00/10"},
    {"9:00-18:00", R0, "R:09:00..18:00/10"},
    {"9時～17時", R0, "R:09:00..17:00/6"},
    {"午後1時から3時", R0, "R:13:00..15:00/8"},
    {"午前10時から午後3時", R0, "R:10:00..15:00/11"},
    {"3月1日10時～15時", R0, "R:2025-03-01T10:00..2025-03-01T15:00^/11"},
    {"2021/6/16～2024/12/5", R0, "R:2021-06-16..2024-12-05/19"},
    {"2025年3月11日以降", R0, "R:2025-03-11../12"},
    {"3月11日から", R0, "R:2025-03-11..^/7"},
    {"3月11日より", R0, "R:2025-03-11..^/7"},
    {"3月11日〜", R0, "R:2025-03-11..^/6"},
    {"3月31日まで", R0, "R:..2025-03-31^/7"},
    {"3月11日から同日", R0, "R:2025-03-11..2025-03-11^/9"},
    {"2025年3月11日-3月14日", R0, "R:2025-03-11..2025-03-14/16"},
    {"2025年3月11日 - ", R0, "D:2025-03-11/10"},
};

static uint32_t *decode(const char *s, size_t *n)
{
    struct jaen_buf f;
    uint32_t *cps;
    size_t pos = 0, i = 0, nmap = 0;

    jaen_buf_init(&f, 1 << 24);
    assert_int_equal(jaen_fold(s, strlen(s), &f, NULL, &nmap, NULL), 0);
    cps = jaen_malloc((nmap + 1) * sizeof *cps);
    assert_non_null(cps);
    while (pos < f.len)
        jaen_utf8_next(f.ptr, f.len, &pos, &cps[i++]);
    *n = i;
    jaen_buf_free(&f);
    return cps;
}

static void describe(const struct jaen_when_hit *h, size_t nh, char *out,
                     size_t cap)
{
    size_t k, len = 0;
    char a[24], b[24];
    int infer = 0, approx = 0;

    out[0] = '\0';
    for (k = 0; k < nh; k++) {
        const struct jaen_when *w = &h[k].from;
        const char *sep = k ? " + " : "";
        if (h[k].type == JAEN_HIT_RANGE) {
            a[0] = b[0] = '\0';
            if (h[k].has_from)
                jaen_when_format(&h[k].from, 1, 1, a);
            if (h[k].has_to)
                jaen_when_format(&h[k].to, 1, 1, b);
            len += (size_t)snprintf(out + len, cap - len, "%sR:%s..%s", sep,
                                    a, b);
            infer |= (h[k].from.flags | h[k].to.flags) & JAEN_WHEN_INFERRED;
            approx |= (h[k].from.flags | h[k].to.flags) & JAEN_WHEN_APPROX;
        } else if (h[k].type == JAEN_HIT_DATE) {
            jaen_when_format(w, 1, 0, a);
            len += (size_t)snprintf(out + len, cap - len, "%sD:%s%s", sep, a,
                                    (w->flags & JAEN_WHEN_FISCAL) ? "F" : "");
            infer |= w->flags & JAEN_WHEN_INFERRED;
            if (w->part)
                len += (size_t)snprintf(out + len, cap - len, "(%s)",
                                        w->part);
        } else {
            jaen_when_format(w, 0, 1, a);
            len += (size_t)snprintf(out + len, cap - len, "%sT:%s", sep, a);
            if (w->flags & JAEN_WHEN_DATE) {
                jaen_when_format(w, 1, 1, b);
                len += (size_t)snprintf(out + len, cap - len, "@%s", b);
            }
            approx |= w->flags & JAEN_WHEN_APPROX;
        }
    }
    /* flags after the last hit, in a fixed order */
    if (approx)
        len += (size_t)snprintf(out + len, cap - len, "~");
    if (infer && !strstr(out, "(")) {
        len += (size_t)snprintf(out + len, cap - len, "^");
    } else if (infer) {
        /* keep "^" before the part, as the table writes it */
        char *p = strchr(out, '(');
        memmove(p + 1, p, strlen(p) + 1);
        *p = '^';
        len++;
    }
    if (nh && h[nh - 1].as_of)
        len += (size_t)snprintf(out + len, cap - len, "!");
    snprintf(out + len, cap - len, "/%zu", nh ? h[nh - 1].end : 0);
}

static void test_table(void **state)
{
    size_t k, bad = 0;
    (void)state;
    for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        struct jaen_when_hit hits[2];
        struct jaen_ref ref;
        size_t n, nh, skip;
        uint32_t *s = decode(cases[k].in, &n);
        char got[160];

        jaen_ref_parse(cases[k].ref, &ref);
        nh = jaen_when_scan(s, n, 0, &ref, NULL, hits, &skip);
        if (nh)
            describe(hits, nh, got, sizeof got);
        else
            snprintf(got, sizeof got, "%s", skip ? "BAD" : "");
        if (strcmp(got, cases[k].want)) {
            print_error("case %zu '%s': got '%s', want '%s'\n", k,
                        cases[k].in, got, cases[k].want);
            bad++;
        }
        jaen_free(s);
    }
    assert_int_equal(bad, 0);
}

/* text scanned with the context date ctx is one date, want (YYYY-MM-DD),
 * or no hit at all when want is NULL. */
static void one_date(const char *text, const struct jaen_ref *ref,
                     const struct jaen_when *ctx, const char *want)
{
    struct jaen_when_hit hits[2];
    size_t n, skip;
    char v[24];
    uint32_t *s = decode(text, &n);
    size_t nh = jaen_when_scan(s, n, 0, ref, ctx, hits, &skip);

    assert_int_equal(nh, want ? 1 : 0);
    if (want) {
        jaen_when_format(&hits[0].from, 1, 0, v);
        assert_string_equal(v, want);
    }
    jaen_free(s);
}

/* 同月, 同日 and 翌日 at the start of a date need the context date. */
static void test_context(void **state)
{
    struct jaen_when ctx = {2025, 3, 31, -1, 0, JAEN_WHEN_DATE, NULL};
    struct jaen_when_hit hits[2];
    struct jaen_ref ref = {2025, 7, 11};
    size_t n, nh, skip;
    char v[24];
    uint32_t *s = decode("翌日10時", &n);
    (void)state;
    nh = jaen_when_scan(s, n, 0, &ref, &ctx, hits, &skip);
    assert_int_equal(nh, 2);
    jaen_when_format(&hits[1].from, 1, 1, v);
    assert_string_equal(v, "2025-04-01T10:00");
    nh = jaen_when_scan(s, n, 0, &ref, NULL, hits, &skip);
    assert_int_equal(nh, 0);
    jaen_free(s);
    one_date("同月5日", &ref, &ctx, "2025-03-05");
    one_date("同月32日", &ref, &ctx, NULL);
    /* 同年: the year of the date before, not the reference's */
    ctx.year = 2024;
    one_date("同年4月2日", &ref, &ctx, "2024-04-02");
    one_date("同年2月30日", &ref, &ctx, NULL);
}

/* A bare D日 is a date only with its weekday, in the context date's month,
 * or the next one when it is an earlier day, unless the weekday says it
 * is this month's. */
static void test_bare_day(void **state)
{
    static const struct {
        struct jaen_when ctx;
        const char *text;
        const char *want;       /* NULL: no date */
    } days[] = {
        {{2025, 1, 10, -1, 0, JAEN_WHEN_DATE, NULL}, "14日（火）", "2025-01-14"},
        {{2025, 1, 10, -1, 0, JAEN_WHEN_DATE, NULL}, "14日(火曜日)", "2025-01-14"},
        {{2024, 12, 28, -1, 0, JAEN_WHEN_DATE, NULL}, "3日（金）", "2025-01-03"},
        {{2025, 1, 10, -1, 0, JAEN_WHEN_DATE, NULL}, "3日（金）", "2025-01-03"},
        {{2025, 1, 10, -1, 0, JAEN_WHEN_DATE, NULL}, "3日（月）", "2025-02-03"},
        {{2025, 1, 10, -1, 0, JAEN_WHEN_DATE, NULL}, "14日", NULL},
        {{2025, 1, 10, -1, 0, JAEN_WHEN_DATE, NULL}, "14日間", NULL},
        {{2025, 1, 10, -1, 0, JAEN_WHEN_DATE, NULL}, "14 日（火）",
         "2025-01-14"},
        {{2025, 2, 10, -1, 0, JAEN_WHEN_DATE, NULL}, "30日（木）", NULL},
    };
    struct jaen_when_hit hits[2];
    struct jaen_ref ref = {2025, 7, 11};
    size_t n, nh, skip, k;
    char v[24];
    uint32_t *s;
    (void)state;

    for (k = 0; k < sizeof(days) / sizeof(days[0]); k++) {
        s = decode(days[k].text, &n);
        nh = jaen_when_scan(s, n, 0, &ref, &days[k].ctx, hits, &skip);
        if (!days[k].want) {
            if (nh)
                fail_msg("%s: a date, expected none", days[k].text);
        } else {
            assert_int_equal(nh, 1);
            jaen_when_format(&hits[0].from, 1, 0, v);
            assert_string_equal(v, days[k].want);
        }
        jaen_free(s);
    }
}

static void test_ref_parse(void **state)
{
    struct jaen_ref r;
    (void)state;
    assert_int_equal(jaen_ref_parse("2025-07-11", &r), 0);
    assert_int_equal(r.year, 2025);
    assert_int_equal(r.month, 7);
    assert_int_equal(r.day, 11);
    assert_int_equal(jaen_ref_parse("2025-07-11T10:00:00Z", &r), 0);
    assert_int_equal(jaen_ref_parse("2025-02-29", &r), -1);
    assert_int_equal(r.year, 0);
    assert_int_equal(jaen_ref_parse("2025-7-11", &r), -1);
    assert_int_equal(jaen_ref_parse("", &r), -1);
    assert_int_equal(jaen_ref_parse(NULL, &r), -1);
    assert_int_equal(jaen_ref_parse("2025-13-01", &r), -1);
    assert_int_equal(jaen_days_in_month(2024, 2), 29);
    assert_int_equal(jaen_days_in_month(1900, 2), 28);
    assert_int_equal(jaen_days_in_month(2000, 2), 29);
    assert_int_equal(jaen_days_in_month(2025, 13), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_context),
        cmocka_unit_test(test_bare_day),
        cmocka_unit_test(test_ref_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

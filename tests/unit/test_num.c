/* test_num.c: numeral parsing, a table of forms plus overflow and size. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "alloc.h"
#include "buf.h"
#include "fold.h"
#include "num.h"
#include "utf8.h"

struct num_case {
    const char *in;     /* parsed from its first code point */
    size_t used;        /* code points taken (0: no numeral) */
    const char *value;  /* INT "%lld", REAL "%g", BIG the string, "null" */
};

static const struct num_case cases[] = {
    /* Arabic, half- and full-width, separators */
    {"0", 1, "0"}, {"7", 1, "7"}, {"42件", 2, "42"}, {"1234", 4, "1234"},
    {"1,234", 5, "1234"}, {"1,234,567名", 9, "1234567"},
    {"１，２３４", 5, "1234"}, {"１２３", 3, "123"}, {"12,34", 2, "12"},
    {"1,2345", 1, "1"}, {"1234,567", 4, "1234"}, {"1,234,56", 5, "1234"},
    {"1.5", 3, "1.5"}, {"0.25", 4, "0.25"}, {"１．５", 3, "1.5"},
    {"3.", 1, "3"}, {"3.x", 1, "3"}, {"1,234.5", 7, "1234.5"},
    {"12,345件", 6, "12345"}, {"7,290,087 件", 9, "7290087"},
    {"9223372036854775807", 19, "9223372036854775807"},
    {"9223372036854775808", 19, "9223372036854775808"},
    {"18446744073709551616", 20, "18446744073709551616"},
    {"000123", 6, "123"},
    /* kanji */
    {"一", 1, "1"}, {"十", 1, "10"}, {"十一", 2, "11"}, {"二十", 2, "20"},
    {"二十三", 3, "23"}, {"百", 1, "100"}, {"百五", 2, "105"},
    {"三百", 2, "300"}, {"千", 1, "1000"}, {"三千", 2, "3000"},
    {"万", 0, ""}, {"一万", 2, "10000"}, {"三万八千", 4, "38000"},
    {"一千二百三十四万五千六百七十八", 15, "12345678"},
    {"千万", 2, "10000000"}, {"一億", 2, "100000000"},
    {"十億", 2, "1000000000"}, {"一兆", 2, "1000000000000"},
    {"一京", 2, "10000000000000000"}, {"二〇二五", 4, "2025"},
    {"一九四〇", 4, "1940"}, {"〇", 1, "0"}, {"零", 1, "0"},
    {"壱万弐千", 4, "12000"}, {"参拾", 2, "30"}, {"萬", 0, ""},
    {"九千九百九十九", 7, "9999"}, {"百二十三億四千五百六十七万八千九百", 17,
                                    "12345678900"},
    {"一千七百〇八", 6, "1708"}, {"十数", 2, "null"},
    {"二十三百", 3, "23"}, {"三五十", 2, "35"},
    /* mixed */
    {"1億2千万", 5, "120000000"}, {"1億2千万円", 5, "120000000"},
    {"1.5万", 4, "15000"}, {"16万", 3, "160000"}, {"2億3千430万", 8,
                                                    "234300000"},
    {"14億1,983万", 9, "1419830000"}, {"1万6千件", 4, "16000"},
    {"２億５千万", 5, "250000000"}, {"3千", 2, "3000"},
    {"1,000万", 6, "10000000"}, {"0.5万", 4, "5000"},
    {"1.23億", 5, "123000000"}, {"1.234567万", 9, "12345.67"},
    {"12345万", 6, "123450000"}, {"5千5百", 4, "5500"},
    {"2千3万", 4, "20030000"}, {"1万1万", 2, "10000"}, {"1億万", 2, "100000000"},
    {"100億円", 4, "10000000000"}, {"1兆5000億", 7, "1500000000000"},
    {"9999京", 5, "99990000000000000000"},
    {"922京3372兆368億5477万5807", 22, "9223372036854775807"},
    {"922京3372兆368億5477万5808", 22, "9223372036854775808"},
    {"1.5京", 4, "15000000000000000"}, {"99.9京", 5, "999000000000000000"},
    {"1000京", 5, "10000000000000000000"},
    /* vague */
    {"数十", 2, "null"}, {"数百", 2, "null"}, {"数千", 2, "null"},
    {"数万", 2, "null"}, {"数十万", 3, "null"}, {"数百万件", 3, "null"},
    {"十数万", 3, "null"}, {"数", 0, ""}, {"数日", 0, ""},
    /* not numerals */
    {"", 0, ""}, {"a1", 0, ""}, {"件", 0, ""}, {",1", 0, ""},
    {".5", 0, ""}, {"億", 0, ""},
};

/* Folds and decodes s into a code point array (caller frees). */
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

static void format_value(const struct jaen_num *num, const struct jaen_buf *big,
                         char *out, size_t cap)
{
    switch (num->kind) {
    case JAEN_NUM_INT:
        snprintf(out, cap, "%lld", (long long)num->i);
        break;
    case JAEN_NUM_REAL:
        snprintf(out, cap, "%.10g", num->d);
        break;
    case JAEN_NUM_BIG:
        snprintf(out, cap, "%s", big->ptr ? big->ptr : "");
        break;
    default:
        snprintf(out, cap, "null");
    }
}

static void test_table(void **state)
{
    size_t k, bad = 0;
    (void)state;
    for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        struct jaen_buf big;
        struct jaen_num num;
        size_t n, used;
        uint32_t *s = decode(cases[k].in, &n);
        char got[128];

        jaen_buf_init(&big, 1 << 24);
        assert_int_equal(jaen_num_parse(s, n, 0, &used, &num, &big), 0);
        got[0] = '\0';
        if (used)
            format_value(&num, &big, got, sizeof got);
        if (used != cases[k].used || strcmp(got, cases[k].value)) {
            print_error("case %zu '%s': used %zu value %s, want %zu %s\n",
                        k, cases[k].in, used, got, cases[k].used,
                        cases[k].value);
            bad++;
        }
        jaen_buf_free(&big);
        jaen_free(s);
    }
    assert_int_equal(bad, 0);
}

static void test_flags(void **state)
{
    struct jaen_buf big;
    struct jaen_num num;
    size_t n, used;
    uint32_t *s;
    (void)state;
    jaen_buf_init(&big, 1 << 20);
    s = decode("1億2千万", &n);
    assert_int_equal(jaen_num_parse(s, n, 0, &used, &num, &big), 0);
    assert_int_equal(num.flags & (JAEN_NUMF_ARABIC | JAEN_NUMF_BIG |
                                  JAEN_NUMF_SMALL | JAEN_NUMF_KANJI),
                     JAEN_NUMF_ARABIC | JAEN_NUMF_BIG | JAEN_NUMF_SMALL);
    jaen_free(s);
    s = decode("二〇二五", &n);
    assert_int_equal(jaen_num_parse(s, n, 0, &used, &num, &big), 0);
    assert_true(num.flags & JAEN_NUMF_POSITIONAL);
    assert_true(num.flags & JAEN_NUMF_KANJI);
    assert_false(num.flags & JAEN_NUMF_ARABIC);
    jaen_free(s);
    s = decode("1,234.5", &n);
    assert_int_equal(jaen_num_parse(s, n, 0, &used, &num, &big), 0);
    assert_true(num.flags & JAEN_NUMF_COMMA);
    assert_true(num.flags & JAEN_NUMF_POINT);
    jaen_free(s);
    /* parsing from the middle */
    s = decode("約16万件", &n);
    assert_int_equal(jaen_num_parse(s, n, 1, &used, &num, &big), 0);
    assert_int_equal(used, 3);
    assert_int_equal(num.i, 160000);
    assert_int_equal(jaen_num_parse(s, n, n, &used, &num, &big), 0);
    assert_int_equal(used, 0);
    jaen_free(s);
    jaen_buf_free(&big);
}

/* 100,000 digits: exact, linear, and the multiplier appends zeros. */
static void test_huge(void **state)
{
    enum { N = 100000 };
    struct jaen_buf in, big;
    struct jaen_num num;
    size_t n, used, k;
    uint32_t *s;
    (void)state;
    jaen_buf_init(&in, 1 << 24);
    jaen_buf_init(&big, 1 << 24);
    assert_int_equal(jaen_buf_addc(&in, '7'), 0);
    for (k = 1; k < N; k++)
        assert_int_equal(jaen_buf_addc(&in, (char)('0' + k % 10)), 0);
    assert_int_equal(jaen_buf_adds(&in, "万件"), 0);
    s = decode(in.ptr, &n);
    assert_int_equal(jaen_num_parse(s, n, 0, &used, &num, &big), 0);
    assert_int_equal(used, N + 1);
    assert_int_equal(num.kind, JAEN_NUM_BIG);
    assert_int_equal(big.len, N + 4);
    assert_memory_equal(big.ptr, in.ptr, N);
    assert_memory_equal(big.ptr + N, "0000", 4);
    jaen_free(s);
    /* a huge number with a fraction keeps its point */
    jaen_buf_reset(&in);
    for (k = 0; k < 30; k++)
        assert_int_equal(jaen_buf_addc(&in, '9'), 0);
    assert_int_equal(jaen_buf_adds(&in, ".25"), 0);
    s = decode(in.ptr, &n);
    assert_int_equal(jaen_num_parse(s, n, 0, &used, &num, &big), 0);
    assert_int_equal(num.kind, JAEN_NUM_BIG);
    assert_string_equal(big.ptr, "999999999999999999999999999999.25");
    jaen_free(s);
    jaen_buf_free(&in);
    jaen_buf_free(&big);
}

/* The big path under a small cap fails cleanly. */
static void test_big_limit(void **state)
{
    struct jaen_buf big;
    struct jaen_num num;
    size_t n, used;
    uint32_t *s = decode("123456789012345678901234567890", &n);
    (void)state;
    jaen_buf_init(&big, 8);
    assert_int_equal(jaen_num_parse(s, n, 0, &used, &num, &big),
                     JAEN_ELIMIT);
    jaen_buf_free(&big);
    jaen_alloc_fail_at(1);
    jaen_buf_init(&big, 1 << 20);
    assert_int_equal(jaen_num_parse(s, n, 0, &used, &num, &big),
                     JAEN_ENOMEM);
    jaen_alloc_fail_at(0);
    jaen_buf_free(&big);
    jaen_free(s);
}

static void test_cp_classes(void **state)
{
    (void)state;
    assert_int_equal(jaen_num_kanji_digit(0x4E00), 1);
    assert_int_equal(jaen_num_kanji_digit(0x3007), 0);
    assert_int_equal(jaen_num_kanji_digit(0x4E5D), 9);
    assert_int_equal(jaen_num_kanji_digit('1'), -1);
    assert_true(jaen_num_is_numeral_cp('5'));
    assert_true(jaen_num_is_numeral_cp(0x5104));       /* 億 */
    assert_true(jaen_num_is_numeral_cp(0x6570));       /* 数 */
    assert_false(jaen_num_is_numeral_cp(0x4EF6));      /* 件 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_flags),
        cmocka_unit_test(test_huge),
        cmocka_unit_test(test_big_limit),
        cmocka_unit_test(test_cp_classes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_utf8.c: validation, maximal-subpart repair, code point counts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

#define FFFD "\xEF\xBF\xBD"

struct repair_case {
    const char *in;
    size_t len;
    const char *out;
    size_t fixes;
};

/* Unicode Table 3-8 and RELIABILITY.md's classes. */
static const struct repair_case cases[] = {
    {"abc", 3, "abc", 0},
    {"\x80", 1, FFFD, 1},
    {"\xFE", 1, FFFD, 1},
    {"\xFF", 1, FFFD, 1},
    {"\xE3\x81", 2, FFFD, 1},
    {"\xE3\x81" "A", 3, FFFD "A", 1},
    {"\xC0\xAF", 2, FFFD FFFD, 2},
    {"\xE0\x80\xAF", 3, FFFD FFFD FFFD, 3},
    {"\xC0\x80", 2, FFFD FFFD, 2},
    {"\xED\xA0\x80", 3, FFFD FFFD FFFD, 3},
    {"\xED\xA0\xBD\xED\xB8\x80", 6, FFFD FFFD FFFD FFFD FFFD FFFD, 6},
    {"\xF4\x90\x80\x80", 4, FFFD FFFD FFFD FFFD, 4},
    {"\xF8\x88\x80\x80\x80", 5, FFFD FFFD FFFD FFFD FFFD, 5},
    {"a\xF1\x80\x80\xE1\x80\xC2" "b\x80" "c\x80\xBF" "d", 13,
     "a" FFFD FFFD FFFD "b" FFFD "c" FFFD FFFD "d", 6},
    {"\xEF\xBF\xBE\xEF\xBF\xBF\xF4\x8F\xBF\xBF", 10,
     "\xEF\xBF\xBE\xEF\xBF\xBF\xF4\x8F\xBF\xBF", 0},   /* FFFE FFFF 10FFFF */
    {"\x00\xE3\x81\x82", 4, "\x00\xE3\x81\x82", 0},
    {"\xF0\x9F\x98", 3, FFFD, 1},
    {"\xF0\x9F\x98\x80", 4, "\xF0\x9F\x98\x80", 0},
};

static void test_repair_table(void **state)
{
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct jaen_buf b;
        size_t fixes = 99, outlen = strlen(cases[i].out);
        long first = 0;
        jaen_buf_init(&b, 1024);
        if (cases[i].in[0] == '\0')
            outlen = 4;     /* the NUL case */
        assert_int_equal(jaen_utf8_repair(cases[i].in, cases[i].len, &b,
                                          &fixes, &first), 0);
        assert_int_equal(b.len, outlen);
        assert_memory_equal(b.ptr, cases[i].out, outlen);
        assert_int_equal(fixes, cases[i].fixes);
        assert_true((fixes == 0) == (first == -1));
        assert_int_equal(jaen_utf8_valid_prefix(cases[i].in, cases[i].len)
                             == cases[i].len,
                         cases[i].fixes == 0);
        jaen_buf_free(&b);
    }
}

static void test_first_bad_offset(void **state)
{
    struct jaen_buf b;
    size_t fixes;
    long first;

    (void)state;
    jaen_buf_init(&b, 64);
    assert_int_equal(jaen_utf8_repair("abcdefghij\x80", 11, &b, &fixes,
                                      &first), 0);
    assert_int_equal(first, 10);
    jaen_buf_free(&b);
}

static void test_repair_respects_cap(void **state)
{
    struct jaen_buf b;

    (void)state;
    jaen_buf_init(&b, 4);
    assert_int_equal(jaen_utf8_repair("\x80\x80", 2, &b, NULL, NULL),
                     -4 /* JAEN_ELIMIT */);
    jaen_buf_free(&b);
}

static void test_count_and_next(void **state)
{
    const char *s = "a\xE3\x81\x82\xF0\x9F\x98\x80";
    size_t pos = 0;
    uint32_t cp;

    (void)state;
    assert_int_equal(jaen_utf8_count(s, strlen(s)), 3);
    assert_true(jaen_utf8_next(s, strlen(s), &pos, &cp));
    assert_int_equal(cp, 'a');
    assert_true(jaen_utf8_next(s, strlen(s), &pos, &cp));
    assert_int_equal(cp, 0x3042);
    assert_true(jaen_utf8_next(s, strlen(s), &pos, &cp));
    assert_int_equal(cp, 0x1F600);
    assert_int_equal(pos, strlen(s));
    assert_int_equal(jaen_utf8_cplen(0x7F), 1);
    assert_int_equal(jaen_utf8_cplen(0x7FF), 2);
    assert_int_equal(jaen_utf8_cplen(0xFFFF), 3);
    assert_int_equal(jaen_utf8_cplen(0x10000), 4);
}

static void test_long_ascii_prefix(void **state)
{
    char s[100];

    (void)state;
    memset(s, 'x', sizeof(s));
    s[77] = (char)0xC3;     /* truncated two-byte sequence */
    assert_int_equal(jaen_utf8_valid_prefix(s, sizeof(s)), 77);
}

/* The word-at-a-time count and the three-byte fast path of the validator
 * agree with a byte-by-byte reference at every alignment and length. */
static void test_fast_paths_match_reference(void **state)
{
    static const char *const pieces[] = {
        "a", "\xE3\x81\x82", "\xE6\xBC\xA2", "\xC3\xA9", "\xF0\x9F\x98\x80",
        "\xED\x9F\xBF", "\xEF\xBF\xBD", "\xE0\xA0\x80",
        "\xED\xA0\x80",             /* a surrogate: invalid */
        "\xE0\x80\xAF",             /* overlong: invalid */
        "\xE3\x81", "\x80", "\xFF", /* truncated, stray, never */
    };
    char s[64];
    uint64_t seed = 0x9E3779B97F4A7C15ull;
    int round;

    (void)state;
    for (round = 0; round < 4000; round++) {
        size_t len = 0, i, naive = 0, good;
        while (len < 48) {
            const char *p;
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            p = pieces[seed % (round % 3 ? 8 : 13)];
            memcpy(s + len, p, strlen(p));
            len += strlen(p);
        }
        len -= round % 7;               /* cut anywhere, even mid-sequence */
        for (i = 0; i < len; i++)
            naive += ((unsigned char)s[i] & 0xC0) != 0x80;
        assert_int_equal(jaen_utf8_count(s, len), naive);
        good = jaen_utf8_valid_prefix(s, len);
        for (i = 0; i < good;) {        /* the prefix decodes cleanly */
            uint32_t cp;
            assert_true(jaen_utf8_next(s, len, &i, &cp));
        }
        if (good < len) {               /* and stops at a bad sequence */
            uint32_t cp;
            assert_false(jaen_utf8_next(s, len, &good, &cp));
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_repair_table),
        cmocka_unit_test(test_first_bad_offset),
        cmocka_unit_test(test_repair_respects_cap),
        cmocka_unit_test(test_count_and_next),
        cmocka_unit_test(test_long_ascii_prefix),
        cmocka_unit_test(test_fast_paths_match_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

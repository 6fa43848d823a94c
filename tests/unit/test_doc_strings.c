/* test_doc_strings.c: the stream module's string paths, checked against
 * plain reference versions: escaping (jaen_json_add_string) and decoding
 * "text". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

#include <jansson.h>

/* The escaper as its contract in doc.h reads, one byte at a time. */
static void ref_escape(const unsigned char *s, size_t len, struct jaen_buf *o)
{
    size_t i;

    jaen_buf_addc(o, '"');
    for (i = 0; i < len; i++) {
        unsigned c = s[i];
        if (c == '"' || c == '\\') {
            jaen_buf_addc(o, '\\');
            jaen_buf_addc(o, (char)c);
        } else if (c == '\n') {
            jaen_buf_adds(o, "\\n");
        } else if (c == '\t') {
            jaen_buf_adds(o, "\\t");
        } else if (c == '\r') {
            jaen_buf_adds(o, "\\r");
        } else if (c < 0x20 || c == 0x7F) {
            jaen_buf_addf(o, "\\u%04x", c);
        } else if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80
                   && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
            jaen_buf_addf(o, "\\u%04x", s[i + 2] == 0xA8 ? 0x2028 : 0x2029);
            i += 2;
        } else if (c == 0xC2 && i + 1 < len && s[i + 1] == 0x85) {
            jaen_buf_adds(o, "\\u0085");
            i++;
        } else {
            jaen_buf_addc(o, (char)c);
        }
    }
    jaen_buf_addc(o, '"');
}

/* jaen_json_add_string(s) appended after some bytes already in the buffer
 * must equal the reference. */
static void check_escape(const char *s, size_t len)
{
    struct jaen_buf got, want;

    jaen_buf_init(&got, 1 << 20);
    jaen_buf_init(&want, 1 << 20);
    jaen_buf_adds(&got, "x:");
    jaen_buf_adds(&want, "x:");
    assert_int_equal(jaen_json_add_string(&got, s, len), 0);
    ref_escape((const unsigned char *)s, len, &want);
    if (got.len != want.len || memcmp(got.ptr, want.ptr, got.len) != 0)
        fail_msg("escaping %zu bytes: got %s, want %s", len, got.ptr,
                 want.ptr);
    assert_int_equal(got.ptr[got.len], '\0');
    jaen_buf_free(&got);
    jaen_buf_free(&want);
}

static void expect_escape(const char *s, size_t len, const char *want)
{
    struct jaen_buf got;

    jaen_buf_init(&got, 4096);
    assert_int_equal(jaen_json_add_string(&got, s, len), 0);
    assert_string_equal(got.ptr, want);
    jaen_buf_free(&got);
}

static void test_escape_fixed(void **state)
{
    (void)state;
    /* the reference itself, pinned to literal output */
    expect_escape("", 0, "\"\"");
    expect_escape("a\"b\\c/", 6, "\"a\\\"b\\\\c/\"");
    expect_escape("\n\t\r\b\f\x01\x1f\x7f", 8,
                  "\"\\n\\t\\r\\u0008\\u000c\\u0001\\u001f\\u007f\"");
    expect_escape("a\0b", 3, "\"a\\u0000b\"");
    expect_escape("\xE2\x80\xA8\xE2\x80\xA9\xC2\x85", 8,
                  "\"\\u2028\\u2029\\u0085\"");
    /* the same lead bytes in other characters are plain text */
    expect_escape("\xE2\x80\xA6\xE2\x80\x94\xC2\xA9", 8,
                  "\"\xE2\x80\xA6\xE2\x80\x94\xC2\xA9\"");
    expect_escape("\xE3\x81\x82", 3, "\"\xE3\x81\x82\"");
}

static void test_escape_every_byte(void **state)
{
    char s[8];
    unsigned c, d;

    (void)state;
    /* each byte alone, between plain bytes, at either end */
    for (c = 0; c < 256; c++) {
        s[0] = 'a';
        s[1] = (char)c;
        s[2] = 'b';
        check_escape(s, 3);
        check_escape(s + 1, 1);
        check_escape(s + 1, 2);
        check_escape(s, 2);
    }
    /* E2 80 xx and C2 xx for every xx, whole and cut short */
    for (d = 0; d < 256; d++) {
        memcpy(s, "\xE2\x80", 2);
        s[2] = (char)d;
        s[3] = 'z';
        check_escape(s, 4);
        check_escape(s, 3);
        check_escape(s, 2);
        check_escape(s, 1);
        s[0] = (char)0xC2;
        s[1] = (char)d;
        check_escape(s, 2);
        check_escape(s, 3);
    }
}

/* Random strings over an alphabet heavy in bytes that need a look. */
static void test_escape_random(void **state)
{
    static const unsigned char alpha[] = {
        'a', ' ', '"', '\\', '\n', '\t', '\r', 0x00, 0x01, 0x1F, 0x7F,
        0xE2, 0x80, 0xA8, 0xA9, 0xC2, 0x85, 0xE3, 0x81, 0x82, '/', 'u',
    };
    char s[64];
    unsigned seed = 12345;
    int k;

    (void)state;
    for (k = 0; k < 20000; k++) {
        size_t len, i;
        seed = seed * 1103515245u + 12345u;
        len = (seed >> 16) % sizeof(s);
        for (i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            s[i] = (char)alpha[(seed >> 16) % sizeof(alpha)];
        }
        check_escape(s, len);
    }
}

/* "text" as jaen_doc_text decodes it must equal jansson's reading of the
 * same literal (an independent decoder). */
static void check_text(const char *lit)
{
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_err err = {0};
    struct jaen_buf line;
    const char *text;
    size_t len, ncp;
    json_t *want;
    json_error_t je;

    jaen_buf_init(&line, 1 << 20);
    jaen_buf_addf(&line, "{\"id\":\"t\",\"text\":%s}", lit);
    want = json_loads(lit, JSON_DECODE_ANY | JSON_ALLOW_NUL, &je);
    if (!want)
        fail_msg("bad test literal %s: %s", lit, je.text);
    assert_int_equal(jaen_doc_parse(doc, line.ptr, line.len, &err), 0);
    assert_int_equal(jaen_doc_text(doc, &text, &len, &ncp, &err), 0);
    if (len != json_string_length(want)
        || memcmp(text, json_string_value(want), len) != 0)
        fail_msg("text %s decoded wrong (%zu bytes)", lit, len);
    assert_int_equal(text[len], '\0');
    json_decref(want);
    jaen_buf_free(&line);
    jaen_doc_free(doc);
}

static void test_text_decode_fixed(void **state)
{
    (void)state;
    check_text("\"\"");
    check_text("\"plain \xE3\x81\x82\xE3\x81\x84 text\"");
    check_text("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"");
    check_text("\"\\u0000\\u001f\\u007F\\u00e9\\u3042\\uFFFF\"");
    check_text("\"\\uD83D\\uDE00 pair, \\ud83d\\ude00 lower\"");
    check_text("\"\\n at the start and at the end\\n\"");
    check_text("\"a\\\\\"");
    check_text("\"\\\\\"");
}

/* Random literals made of plain runs and every kind of escape. */
static void test_text_decode_random(void **state)
{
    static const char *const piece[] = {
        "a", "xyz ", "\xE3\x81\x82", "\xF0\x9F\x98\x80", "\\\"", "\\\\",
        "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u0000", "\\u0041",
        "\\u00e9", "\\u3042", "\\uD83D\\uDE00", "\\u2028", "/", "u",
    };
    struct jaen_buf lit;
    unsigned seed = 777;
    int k;

    (void)state;
    jaen_buf_init(&lit, 1 << 20);
    for (k = 0; k < 3000; k++) {
        size_t n, i;
        jaen_buf_reset(&lit);
        jaen_buf_addc(&lit, '"');
        seed = seed * 1103515245u + 12345u;
        n = (seed >> 16) % 40;
        for (i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            jaen_buf_adds(&lit, piece[(seed >> 16)
                                      % (sizeof(piece) / sizeof(piece[0]))]);
        }
        jaen_buf_addc(&lit, '"');
        check_text(lit.ptr);
    }
    jaen_buf_free(&lit);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape_fixed),
        cmocka_unit_test(test_escape_every_byte),
        cmocka_unit_test(test_escape_random),
        cmocka_unit_test(test_text_decode_fixed),
        cmocka_unit_test(test_text_decode_random),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

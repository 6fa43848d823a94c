/* test_doc_strings.c: the stream module's string paths, checked against
 * plain reference versions: escaping (jaen_json_add_string), decoding
 * "text" and dumping values (jaen_json_dump against jansson's own dump). */
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

/* The dump as jansson writes it, the way jaen_json_dump did before it had
 * its own writer. */
static int ref_dump_cb(const char *buffer, size_t size, void *data)
{
    return jaen_buf_add(data, buffer, size) ? -1 : 0;
}

static int ref_dump(const json_t *v, struct jaen_buf *out)
{
    return json_dump_callback(v, ref_dump_cb, out, JSON_COMPACT
                              | JSON_ENCODE_ANY | JSON_REAL_PRECISION(15))
        ? JAEN_ENOMEM : JAEN_OK;
}

/* jaen_json_dump(v) after a prefix, into a buffer capped at cap, must give
 * jansson's status and bytes. */
static void check_dump_cap(const json_t *v, size_t cap)
{
    struct jaen_buf got, want;
    int rg, rw;

    jaen_buf_init(&got, cap);
    jaen_buf_init(&want, cap);
    jaen_buf_adds(&got, "p");
    jaen_buf_adds(&want, "p");
    rg = jaen_json_dump(v, &got);
    rw = ref_dump(v, &want);
    assert_int_equal(rg, rw);
    if (got.len != want.len || memcmp(got.ptr, want.ptr, got.len) != 0)
        fail_msg("dump differs:\n got %s\nwant %s", got.ptr, want.ptr);
    jaen_buf_free(&got);
    jaen_buf_free(&want);
}

static void check_dump(const json_t *v)
{
    check_dump_cap(v, 1 << 20);
}

static void expect_dump(json_t *v, const char *want)
{
    struct jaen_buf got;

    jaen_buf_init(&got, 4096);
    assert_int_equal(jaen_json_dump(v, &got), 0);
    assert_string_equal(got.ptr, want);
    check_dump(v);
    jaen_buf_free(&got);
    json_decref(v);
}

static void test_dump_fixed(void **state)
{
    json_t *o, *deep;
    int i;

    (void)state;
    expect_dump(json_pack("{s:s,s:s,s:s}", "concept", "phrase.x", "en",
                          "We \"apologize\".", "entry",
                          "\xE3\x81\x8A\xE8\xA9\xAB\xE3\x81\xB3"),
                "{\"concept\":\"phrase.x\",\"en\":\"We \\\"apologize\\\".\","
                "\"entry\":\"\xE3\x81\x8A\xE8\xA9\xAB\xE3\x81\xB3\"}");
    /* jansson's escapes, not jaen_json_add_string's: \b and \f by
     * letter, upper-case hex, DEL, U+2028, NEL and '/' as they are */
    expect_dump(json_stringn("\b\f\n\r\t\x01\x1f\x7f/\xE2\x80\xA8\xC2\x85"
                             "\0", 15),
                "\"\\b\\f\\n\\r\\t\\u0001\\u001F\x7f/\xE2\x80\xA8"
                "\xC2\x85\\u0000\"");
    expect_dump(json_pack("[iIbnn{}[]]", -1, (json_int_t)INT64_MIN, 1),
                "[-1,-9223372036854775808,true,null,null,{},[]]");
    expect_dump(json_integer(INT64_MAX), "9223372036854775807");
    expect_dump(json_false(), "false");
    /* what goes to jansson: reals, deep nesting, a cycle, bad UTF-8 */
    o = json_pack("{s:f,s:[f]}", "a", 0.1, "b", 1e300);
    check_dump(o);
    json_decref(o);
    deep = json_array();
    for (i = 0, o = deep; i < 40; i++) {
        json_t *a = json_array();
        json_array_append_new(o, a);
        o = a;
    }
    check_dump(deep);
    json_decref(deep);
    /* a cycle (jansson refuses it; the writer gives up at its depth) */
    o = json_object();
    deep = json_array();
    json_object_set(o, "a", deep);
    json_array_append(deep, o);
    check_dump(o);
    json_array_clear(deep);
    json_decref(deep);
    json_decref(o);
    o = json_object();
    json_object_set_new_nocheck(o, "k", json_stringn_nocheck("\xFF", 1));
    check_dump(o);
    json_decref(o);
    o = json_object();
    json_object_set_new_nocheck(o, "\xC0\x80", json_true());
    check_dump(o);
    /* a key with a NUL in it */
    json_object_setn_new(o, "a\0b", 3, json_null());
    check_dump(o);
    json_decref(o);
}

/* A random value of the kinds stages build, with strings and keys heavy
 * in bytes that need escaping. */
static json_t *random_value(unsigned *seed, int depth)
{
    static const char *const piece[] = {
        "a", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f", "\x01",
        "\x1f", "\x7f", "\xE2\x80\xA8", "\xC2\x85", "\xE3\x81\x82",
        "\xF0\x9F\x98\x80", "u00",
    };
    unsigned r;
    json_t *v;
    char str[64];
    size_t n, i, len = 0;

    *seed = *seed * 1103515245u + 12345u;
    r = (*seed >> 16) % (depth > 3 ? 5 : 7);
    if (r == 5 || r == 6) {
        v = r == 5 ? json_object() : json_array();
        n = (*seed >> 8) % 4;
        for (i = 0; i < n; i++) {
            json_t *e = random_value(seed, depth + 1);
            if (r == 6) {
                json_array_append_new(v, e);
                continue;
            }
            snprintf(str, sizeof(str), "k%zu%s", i, i % 2 ? "\"\n" : "");
            json_object_set_new(v, str, e);
        }
        return v;
    }
    if (r == 0)
        return json_integer((json_int_t)(*seed % 2000001) - 1000000);
    if (r == 1)
        return r % 2 ? json_true() : json_null();
    n = (*seed >> 4) % 8;
    for (i = 0; i < n; i++) {
        const char *p;
        *seed = *seed * 1103515245u + 12345u;
        p = piece[(*seed >> 16) % (sizeof(piece) / sizeof(piece[0]))];
        memcpy(str + len, p, strlen(p));
        len += strlen(p);
    }
    return json_stringn(str, len);
}

static void test_dump_random(void **state)
{
    unsigned seed = 4242;
    int k;

    (void)state;
    for (k = 0; k < 3000; k++) {
        json_t *v = random_value(&seed, 0);
        check_dump(v);
        /* a capped buffer fails the same way, keeping the same bytes */
        check_dump_cap(v, 1 + k % 40);
        json_decref(v);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape_fixed),
        cmocka_unit_test(test_escape_every_byte),
        cmocka_unit_test(test_escape_random),
        cmocka_unit_test(test_text_decode_fixed),
        cmocka_unit_test(test_text_decode_random),
        cmocka_unit_test(test_dump_fixed),
        cmocka_unit_test(test_dump_random),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

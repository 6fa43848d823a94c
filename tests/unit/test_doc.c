/* test_doc.c: the stream module: parsing, pass-through, sentences, errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "doc.h"
#include "limits.h"

/* Parses line, writes it back, compares with want (NULL: same as line). */
static void roundtrip(const char *line, const char *want)
{
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_err err = {0};
    struct jaen_buf out;

    jaen_buf_init(&out, 1 << 20);
    assert_int_equal(jaen_doc_parse(doc, line, strlen(line), &err), 0);
    assert_int_equal(jaen_doc_write(doc, &out, &err), 0);
    if (!want)
        want = line;
    assert_int_equal(out.len, strlen(want) + 1);
    assert_memory_equal(out.ptr, want, strlen(want));
    assert_int_equal(out.ptr[out.len - 1], '\n');
    jaen_buf_free(&out);
    jaen_doc_free(doc);
}

static void test_passthrough_is_byte_exact(void **state)
{
    (void)state;
    roundtrip("{\"id\":\"a\",\"x\":{\"b\" : [1, 2.50, -0e+3],\"c\":null}}", NULL);
    /* numbers beyond int64 are never parsed, so never wrapped */
    roundtrip("{\"n\":99990000000000000000,\"m\":1e400}", NULL);
    /* escapes stay as written */
    roundtrip("{\"s\":\"\\u3042\\n\\\"\\/\"}", NULL);
    /* whitespace between top-level members is dropped, inside kept */
    roundtrip(" { \"a\" : [ 1 ] , \"b\":true } ",
              "{\"a\":[ 1 ],\"b\":true}");
    roundtrip("{}", NULL);
    /* empty containers anywhere, the tail of each scan path */
    roundtrip("{\"a\":[],\"b\":{},\"c\":[[],{},[[]],{\"d\":[]}],"
              "\"e\":[ ],\"f\":{ }}", NULL);
}

static void expect_bad(const char *line, const char *needle)
{
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_err err = {0};

    assert_int_equal(jaen_doc_parse(doc, line, strlen(line), &err),
                     JAEN_EDATA);
    if (!strstr(err.msg, needle))
        fail_msg("\"%s\": message \"%s\" lacks \"%s\"", line, err.msg,
                 needle);
    jaen_doc_free(doc);
}

static void test_bad_records(void **state)
{
    (void)state;
    expect_bad("[1,2]", "object");
    expect_bad("", "object");
    expect_bad("{\"a\":1,\"a\":2}", "duplicate");
    expect_bad("{\"a\":1} x", "trailing");
    expect_bad("{\"a\":1", "cut off");
    expect_bad("{\"a\":[1,2}", "expected");
    expect_bad("{\"a\":\"x", "unterminated");
    expect_bad("{\"a\":\"\\ud800\"}", "surrogate");
    expect_bad("{\"a\":\"\\udc00\"}", "surrogate");
    expect_bad("{\"a\":\"tab\there\"}", "control");
    expect_bad("{\"a\":01}", "expected");
    expect_bad("{\"a\":tru}", "unexpected");
    expect_bad("{\"a\":1,}", "key");
    expect_bad("{\"a\\u0000b\":1}", "NUL");
    /* the fast paths for pairs and plain strings defer to the full rules */
    expect_bad("{\"a\":[[01,2]]}", "expected");
    expect_bad("{\"a\":[[1,2],[3,4]}", "expected");
    expect_bad("{\"a\":[[1,2],[3,]]}", "bad number");
    expect_bad("{\"a\":\"0123456789abcdef\x01xyz\"}", "control");
    expect_bad("{\"a\":\"0123456789abcdef\\qxyz\"}", "escape");
}

static void test_fast_path_equivalents(void **state)
{
    (void)state;
    roundtrip("{\"a\":[[0,2],[2,30],[30,400]]}", NULL);
    roundtrip("{\"a\":[ [0, 2] , [-1,2.5], [1e3,2] ]}", NULL);
    roundtrip("{\"a\":[[1,2],[\"x\",{}]]}", NULL);
    roundtrip("{\"s\":\"long enough to take the eight-byte path \\\"q\\\" "
              "and \\u3042 and more text\"}", NULL);
}

static void test_depth_limit(void **state)
{
    size_t n = 100000, i;
    char *s = malloc(n + 16);

    (void)state;
    memcpy(s, "{\"a\":", 5);
    for (i = 0; i < n; i++)
        s[5 + i] = '[';
    s[5 + n] = '\0';
    expect_bad(s, "too deep");
    /* just inside the limit is fine */
    memcpy(s, "{\"a\":", 5);
    for (i = 0; i < JAEN_MAX_JSON_DEPTH; i++) {
        s[5 + i] = '[';
        s[5 + JAEN_MAX_JSON_DEPTH + i] = ']';
    }
    s[5 + 2 * JAEN_MAX_JSON_DEPTH] = '}';
    s[6 + 2 * JAEN_MAX_JSON_DEPTH] = '\0';
    roundtrip(s, NULL);
    free(s);
}

static void test_text_and_fields(void **state)
{
    const char *line = "{\"id\":\"d1\",\"text\":\"a\\u0000b\\u3042\\n\","
                       "\"meta\":{\"title\":\"t\"}}";
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_err err = {0};
    struct jaen_buf out;
    const char *text;
    size_t len, ncp;
    json_t *meta;

    (void)state;
    jaen_buf_init(&out, 4096);
    assert_int_equal(jaen_doc_parse(doc, line, strlen(line), &err), 0);
    assert_string_equal(jaen_doc_id(doc), "d1");
    assert_int_equal(jaen_doc_text(doc, &text, &len, &ncp, &err), 0);
    assert_int_equal(len, 7);
    assert_int_equal(ncp, 5);
    assert_memory_equal(text, "a\0b\xE3\x81\x82\n", 7);
    meta = jaen_doc_get(doc, "meta", &err);
    assert_string_equal(json_string_value(json_object_get(meta, "title")),
                        "t");
    json_object_set_new(meta, "title", json_string("u"));
    assert_int_equal(jaen_doc_touch(doc, "meta"), 0);
    assert_int_equal(jaen_doc_set(doc, "extra", json_integer(7)), 0);
    assert_int_equal(jaen_doc_set_text(doc, "x\xE2\x80\xA8y\"", 6), 0);
    assert_int_equal(jaen_doc_write(doc, &out, &err), 0);
    assert_string_equal(out.ptr, "{\"id\":\"d1\",\"text\":\"x\\u2028y\\\"\","
                        "\"meta\":{\"title\":\"u\"},\"extra\":7}\n");
    assert_int_equal(jaen_doc_del(doc, "meta"), 0);
    assert_false(jaen_doc_has(doc, "meta"));
    jaen_buf_free(&out);
    jaen_doc_free(doc);
}

/* A string member of an object field, read raw or from a set value. */
static void test_member_string(void **state)
{
    const char *line = "{\"id\":\"d\",\"meta\":{ \"sections\" : {\"a\":[1,{\"published\""
                       ":\"no\"}]}, \"pub\\u006cished\":\"2025-03-\\u0031\","
                       "\"n\":1},\"other\":[]}";
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_err err = {0};
    struct jaen_buf b;

    (void)state;
    jaen_buf_init(&b, 4096);
    assert_int_equal(jaen_doc_parse(doc, line, strlen(line), &err), 0);
    /* only top-level keys count; escapes in keys and values decode */
    assert_int_equal(jaen_doc_member_string(doc, "meta", "published", &b), 1);
    assert_string_equal(b.ptr, "2025-03-1");
    assert_int_equal(jaen_doc_member_string(doc, "meta", "n", &b), 0);
    assert_int_equal(jaen_doc_member_string(doc, "meta", "nope", &b), 0);
    assert_int_equal(jaen_doc_member_string(doc, "other", "x", &b), 0);
    assert_int_equal(jaen_doc_member_string(doc, "absent", "x", &b), 0);
    /* a value set by a stage is read from jansson */
    assert_int_equal(jaen_doc_set(doc, "meta", json_pack("{s:s}", "published",
                                                         "2024-12-31")), 0);
    assert_int_equal(jaen_doc_member_string(doc, "meta", "published", &b), 1);
    assert_string_equal(b.ptr, "2024-12-31");
    jaen_buf_free(&b);
    jaen_doc_free(doc);
}

/* Changing one sentence re-encodes only that one: the others are written
 * as they were read, spacing and extra keys included. */
static void test_sentence_splice(void **state)
{
    const char *line = "{\"text\":\"abcdef\",\"sentences\":["
                       "{\"start\":0, \"end\":2,\"tokens\":[[0,2]],\"x\":1},"
                       "{\"start\":2,\"end\":4,\"tokens\":[[2,3],[3,4]]},"
                       "{ \"tokens\":[[4,6]],\"end\":6,\"start\":4 }]}";
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_err err = {0};
    struct jaen_sent *sents;
    struct jaen_buf out;
    size_t n;
    json_t *x;

    (void)state;
    jaen_buf_init(&out, 4096);
    assert_int_equal(jaen_doc_parse(doc, line, strlen(line), &err), 0);
    assert_int_equal(jaen_doc_sentences(doc, &sents, &n, NULL, NULL, &err), 0);
    assert_int_equal(n, 3);
    x = jaen_doc_sentence_extra(doc, 1);
    assert_non_null(x);
    json_object_set_new(x, "en", json_string("cd"));
    assert_int_equal(jaen_doc_write(doc, &out, &err), 0);
    assert_string_equal(out.ptr, "{\"text\":\"abcdef\",\"sentences\":["
                        "{\"start\":0, \"end\":2,\"tokens\":[[0,2]],\"x\":1},"
                        "{\"start\":2,\"end\":4,\"tokens\":[[2,3],[3,4]],"
                        "\"en\":\"cd\"},"
                        "{ \"tokens\":[[4,6]],\"end\":6,\"start\":4 }]}\n");
    jaen_buf_free(&out);
    jaen_doc_free(doc);
}

/* Decoding sentences while parsing accepts and refuses exactly what a
 * plain parse does: records whose sentences are valid JSON but not valid
 * sentences, and records that are not JSON at all. */
static void test_early_sentences(void **state)
{
    static const char *const lines[] = {
        "{\"sentences\":[{\"start\":0,\"end\":2,\"tokens\":[[0,1],[1,2]]}]}",
        "{\"sentences\":[{\"start\":0,\"end\":2,\"tokens\":[[0,1],[1,2]],"
        "\"phrase\":{\"en\":\"x\"}}],\"k\":1}",
        "{\"sentences\" : [ { \"tokens\" : [ [ 0 , 1 ] ] , \"end\" : 1 ,"
        " \"start\" : 0 } ] }",
        "{\"sentences\":[]}",
        "{\"sentences\":[{\"start\":0,\"end\":2,\"tokens\":[[0,1],]}]}",
        "{\"sentences\":[{\"start\":0,\"end\":2,\"tokens\":[[0,1]]},]}",
        "{\"sentences\":[{\"start\":0,\"end\":2,\"tokens\":[[0,1]],}]}",
        "{\"sentences\":[{\"start\":0,\"end\":2,\"tokens\":[[0,1]]}{}]}",
        "{\"sentences\":[{\"start\":0 \"end\":2,\"tokens\":[[0,1]]}]}",
        "{\"sentences\":[{\"start\":0,\"end\":2,\"tokens\":[[0,1]]\"x\":1}]}",
        "{\"sentences\":[{\"start\":00,\"end\":2,\"tokens\":[[0,1]]}]}",
        "{\"sentences\":[{\"start\":0,\"end\":2,\"tokens\":[[01,2]]}]}",
        "{\"sentences\":[{\"start\":0,\"end\":2,\"tokens\":[[0,1]],"
        "\"a\tb\":1}]}",
        "{\"sentences\":[{\"start\":0,\"end\":2,\"tokens\":[[0,1]]}",
        "{\"sentences\":[{\"start\":1.5,\"end\":2,\"tokens\":[]}]}",
        "{\"sentences\":[{\"start\":3,\"end\":2,\"tokens\":[]}]}",
        "{\"sentences\":{\"start\":0}}",
        "{\"sentences\":[{\"end\":2,\"tokens\":[[0,1]],\"x\":[1,}]}",
    };
    size_t k;

    (void)state;
    for (k = 0; k < sizeof(lines) / sizeof(lines[0]); k++) {
        struct jaen_doc *a = jaen_doc_new(), *b = jaen_doc_new();
        struct jaen_err ea = {0}, eb = {0};
        struct jaen_buf oa, ob;
        struct jaen_sent *sa, *sb;
        size_t na, nb;
        int ra, rb;

        jaen_buf_init(&oa, 4096);
        jaen_buf_init(&ob, 4096);
        jaen_doc_decode_early(b, 1);
        ra = jaen_doc_parse(a, lines[k], strlen(lines[k]), &ea);
        rb = jaen_doc_parse(b, lines[k], strlen(lines[k]), &eb);
        if (ra != rb || strcmp(ea.msg, eb.msg) != 0)
            fail_msg("line %zu: %d '%s' vs %d '%s'", k, ra, ea.msg, rb,
                     eb.msg);
        if (!ra) {
            ra = jaen_doc_sentences(a, &sa, &na, NULL, NULL, &ea);
            rb = jaen_doc_sentences(b, &sb, &nb, NULL, NULL, &eb);
            assert_int_equal(ra, rb);
            assert_string_equal(ea.msg, eb.msg);
            assert_int_equal(jaen_doc_write(a, &oa, &ea), 0);
            assert_int_equal(jaen_doc_write(b, &ob, &eb), 0);
            assert_string_equal(oa.ptr, ob.ptr);
        }
        jaen_buf_free(&oa);
        jaen_buf_free(&ob);
        jaen_doc_free(a);
        jaen_doc_free(b);
    }
}

static void test_sentences_codec(void **state)
{
    const char *line = "{\"text\":\"abcdef\",\"sentences\":[{\"start\":0,"
                       "\"end\":3,\"tokens\":[[0,1],[1,3]],\"x\":{\"k\":1}},"
                       "{\"end\":6,\"start\":4,\"tokens\":[]}]}";
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_err err = {0};
    struct jaen_sent *s;
    const struct jaen_tok *t;
    struct jaen_buf out;
    size_t ns, nt;
    json_t *extra;

    (void)state;
    jaen_buf_init(&out, 4096);
    assert_int_equal(jaen_doc_parse(doc, line, strlen(line), &err), 0);
    assert_int_equal(jaen_doc_sentences(doc, &s, &ns, &t, &nt, &err), 0);
    assert_int_equal(ns, 2);
    assert_int_equal(nt, 2);
    assert_int_equal(s[0].ntok, 2);
    assert_int_equal(t[s[0].tok0 + 1].start, 1);
    assert_int_equal(s[1].start, 4);
    assert_non_null(s[0].extra);
    /* untouched: byte-exact, even with keys out of the usual order */
    assert_int_equal(jaen_doc_write(doc, &out, &err), 0);
    assert_memory_equal(out.ptr, line, strlen(line));
    /* touched: re-serialized from the typed arrays */
    extra = jaen_doc_sentence_extra(doc, 1);
    json_object_set_new(extra, "en", json_string("ef"));
    jaen_buf_reset(&out);
    assert_int_equal(jaen_doc_write(doc, &out, &err), 0);
    assert_string_equal(out.ptr,
        "{\"text\":\"abcdef\",\"sentences\":[{\"start\":0,\"end\":3,"
        "\"tokens\":[[0,1],[1,3]],\"x\":{\"k\":1}},{\"start\":4,\"end\":6,"
        "\"tokens\":[],\"en\":\"ef\"}]}\n");
    jaen_buf_free(&out);
    jaen_doc_free(doc);
}

static void expect_bad_sentences(const char *sents)
{
    char line[512];
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_err err = {0};
    struct jaen_sent *s;
    size_t ns;

    snprintf(line, sizeof(line), "{\"sentences\":%s}", sents);
    assert_int_equal(jaen_doc_parse(doc, line, strlen(line), &err), 0);
    assert_int_equal(jaen_doc_sentences(doc, &s, &ns, NULL, NULL, &err),
                     JAEN_EDATA);
    assert_non_null(strstr(err.msg, "sentences"));
    jaen_doc_free(doc);
}

static void test_bad_sentences(void **state)
{
    (void)state;
    expect_bad_sentences("{}");
    expect_bad_sentences("[1]");
    expect_bad_sentences("[{\"start\":0}]");
    expect_bad_sentences("[{\"start\":5,\"end\":2,\"tokens\":[]}]");
    expect_bad_sentences("[{\"start\":0,\"end\":5,\"tokens\":[[3,4],[1,2]]}]");
    expect_bad_sentences("[{\"start\":0,\"end\":5,\"tokens\":[[0,9]]}]");
    expect_bad_sentences("[{\"start\":0,\"end\":5,\"tokens\":[[0]]}]");
    expect_bad_sentences("[{\"start\":0,\"end\":5,\"tokens\":[]},"
                         "{\"start\":3,\"end\":6,\"tokens\":[]}]");
    expect_bad_sentences("[{\"start\":1.5,\"end\":5,\"tokens\":[]}]");
    expect_bad_sentences("[{\"start\":0,\"end\":99999999999999999999,"
                         "\"tokens\":[]}]");
    /* the compact fast path and the general path agree on limits */
    expect_bad_sentences("[{\"start\":0,\"end\":5,\"tokens\":"
                         "[[0,99999999999999999999]]}]");
    expect_bad_sentences("[{\"start\":0,\"end\":5,\"tokens\":[[2,1]]}]");
}

static void test_error_record(void **state)
{
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_err err = {0}, e = {0};
    struct jaen_buf out;

    (void)state;
    jaen_buf_init(&out, 4096);
    assert_int_equal(jaen_doc_parse(doc, "{\"id\":\"x\"}", 10, &err), 0);
    jaen_err_set(&e, JAEN_EDATA, "bad %s", "thing");
    jaen_err_at(&e, 3, 9);
    assert_int_equal(jaen_doc_set_error(doc, "gloss", &e), 0);
    assert_true(jaen_doc_has_error(doc));
    assert_int_equal(jaen_doc_warn(doc, "gloss", "w1"), 0);
    assert_int_equal(jaen_doc_write(doc, &out, &err), 0);
    assert_string_equal(out.ptr, "{\"id\":\"x\",\"error\":{\"stage\":\"gloss\","
                        "\"message\":\"bad thing\",\"code\":\"malformed "
                        "input\",\"line\":3,\"column\":9},\"warnings\":"
                        "[{\"stage\":\"gloss\",\"message\":\"w1\"}]}\n");
    jaen_buf_free(&out);
    jaen_doc_free(doc);
}

/* Every allocation on the parse-edit-write path fails in turn: each run
 * must fail cleanly (no crash; leaks show under ASan/valgrind). */
static void test_allocation_failures(void **state)
{
    const char *line = "{\"id\":\"d\",\"text\":\"abc\",\"meta\":{\"a\":[1]},"
                       "\"sentences\":[{\"start\":0,\"end\":3,\"tokens\":"
                       "[[0,3]]}]}";
    long n, total;

    (void)state;
    jaen_alloc_install_json();
    for (n = 1;; n++) {
        struct jaen_doc *doc;
        struct jaen_err err = {0};
        struct jaen_buf out;
        struct jaen_sent *s;
        size_t ns;
        int rc = 0;

        jaen_alloc_fail_at(n);
        jaen_buf_init(&out, 1 << 16);
        doc = jaen_doc_new();
        if (doc) {
            rc = jaen_doc_parse(doc, line, strlen(line), &err);
            if (!rc)
                rc = jaen_doc_sentences(doc, &s, &ns, NULL, NULL, &err);
            if (!rc && !jaen_doc_get(doc, "meta", &err))
                rc = -1;
            if (!rc)
                rc = jaen_doc_set(doc, "x", json_integer(1));
            if (!rc && !jaen_doc_sentence_extra(doc, 0))
                rc = -1;
            if (!rc)
                rc = jaen_doc_write(doc, &out, &err);
        }
        total = jaen_alloc_count();
        jaen_alloc_fail_at(0);
        jaen_doc_free(doc);
        jaen_buf_free(&out);
        if (doc && rc == 0 && total < n)
            break;      /* no allocation failed: every path was tried */
        assert_true(!doc || rc != 0 || total >= n);
    }
    assert_true(n > 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_passthrough_is_byte_exact),
        cmocka_unit_test(test_bad_records),
        cmocka_unit_test(test_fast_path_equivalents),
        cmocka_unit_test(test_depth_limit),
        cmocka_unit_test(test_text_and_fields),
        cmocka_unit_test(test_member_string),
        cmocka_unit_test(test_sentence_splice),
        cmocka_unit_test(test_early_sentences),
        cmocka_unit_test(test_sentences_codec),
        cmocka_unit_test(test_bad_sentences),
        cmocka_unit_test(test_error_record),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_dataset.c: escaping for TMX and Moses, the hf record with term spans
 * on both sides, skipped sentences, the TMX frame and the format names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "alloc.h"
#include "dataset.h"
#include "doc.h"

static void test_escapes(void **state)
{
    struct jaen_buf b;
    const char *s = "a&b<c>\"d'\x01\te";
    const char *m = "a|b&c\nd\re\xE2\x80\xA8" "f\xE2\x80\xA9g";
    (void)state;

    jaen_buf_init(&b, 1 << 20);
    assert_int_equal(jaen_dataset_xml_escape(&b, s, strlen(s)), 0);
    assert_string_equal(b.ptr, "a&amp;b&lt;c&gt;&quot;d&apos;\xEF\xBF\xBD\te");
    jaen_buf_reset(&b);
    assert_int_equal(jaen_dataset_moses_escape(&b, m, strlen(m)), 0);
    assert_string_equal(b.ptr, "a&#124;b&amp;c&#10;d&#13;e&#8232;f&#8233;g");
    jaen_buf_reset(&b);
    /* a full buffer is JAEN_ELIMIT, not a crash */
    jaen_buf_free(&b);
    jaen_buf_init(&b, 8);
    assert_int_equal(jaen_dataset_xml_escape(&b, s, strlen(s)), JAEN_ELIMIT);
    jaen_buf_free(&b);
}

static void test_formats(void **state)
{
    enum jaen_dataset_format f;
    (void)state;

    assert_int_equal(jaen_dataset_format_parse("hf", &f), 0);
    assert_int_equal(f, JAEN_DATASET_HF);
    assert_int_equal(jaen_dataset_format_parse("tmx", &f), 0);
    assert_int_equal(f, JAEN_DATASET_TMX);
    assert_int_equal(jaen_dataset_format_parse("moses", &f), 0);
    assert_int_equal(f, JAEN_DATASET_MOSES);
    assert_int_equal(jaen_dataset_format_parse("xliff", &f), JAEN_EUSAGE);
}

/* Two sentences with terms (the second repeats one), one without English. */
static const char doc_json[] =
    "{\"id\":\"d\",\"text\":\"顧客の個人情報。個人情報と個人情報。未訳。\","
    "\"sentences\":["
    "{\"start\":0,\"end\":8,\"tokens\":[],"
    "\"en\":\"Personal information of customers.\"},"
    "{\"start\":8,\"end\":18,\"tokens\":[],"
    "\"en\":\"Personal information and personal information.\"},"
    "{\"start\":18,\"end\":21,\"tokens\":[],\"error\":\"x\"}],"
    "\"terms\":["
    "{\"start\":0,\"end\":2,\"ja\":\"顧客\",\"en\":\"customer\","
    "\"concept\":\"party.customer\"},"
    "{\"start\":3,\"end\":7,\"ja\":\"個人情報\",\"en\":\"personal information\","
    "\"concept\":\"data_item.pi\"},"
    "{\"start\":8,\"end\":12,\"ja\":\"個人情報\",\"en\":\"personal information\","
    "\"concept\":\"data_item.pi\"},"
    "{\"start\":13,\"end\":17,\"ja\":\"個人情報\",\"en\":\"personal information\","
    "\"concept\":\"data_item.pi\"},"
    "{\"start\":18,\"end\":20,\"ja\":\"未訳\",\"en\":\"untranslated\","
    "\"concept\":\"general.x\"}]}";

static void test_hf(void **state)
{
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_dataset_stats st;
    struct jaen_err err = {0};
    struct jaen_buf b;
    json_t *r1, *r2, *t;
    char *nl;
    (void)state;

    memset(&st, 0, sizeof(st));
    jaen_buf_init(&b, 1 << 20);
    assert_int_equal(jaen_doc_parse(doc, doc_json, strlen(doc_json), &err),
                     0);
    assert_int_equal(jaen_dataset_write(doc, JAEN_DATASET_HF, &b, NULL, &st,
                                        &err), 0);
    assert_int_equal(st.pairs, 2);
    assert_int_equal(st.skipped, 1);
    assert_int_equal(st.terms, 4);
    assert_int_equal(st.unaligned, 0);
    nl = strchr(b.ptr, '\n');
    assert_non_null(nl);
    r1 = json_loadb(b.ptr, (size_t)(nl - b.ptr), 0, NULL);
    r2 = json_loads(nl + 1, JSON_DISABLE_EOF_CHECK, NULL);
    assert_non_null(r1);
    assert_non_null(r2);
    assert_string_equal(json_string_value(json_object_get(r1, "id")), "d#0");
    assert_string_equal(json_string_value(json_object_get(
        json_object_get(r1, "translation"), "ja")), "顧客の個人情報。");
    /* 顧客 → "customers" (plural), span in the English's code points */
    t = json_array_get(json_object_get(r1, "terms"), 0);
    assert_int_equal(json_integer_value(json_array_get(
        json_object_get(t, "ja_span"), 0)), 0);
    assert_int_equal(json_integer_value(json_array_get(
        json_object_get(t, "en_span"), 0)), 24);
    assert_int_equal(json_integer_value(json_array_get(
        json_object_get(t, "en_span"), 1)), 32);
    /* the second 個人情報 of sentence 2 maps to the second occurrence */
    t = json_array_get(json_object_get(r2, "terms"), 1);
    assert_int_equal(json_integer_value(json_array_get(
        json_object_get(t, "ja_span"), 0)), 5);
    assert_int_equal(json_integer_value(json_array_get(
        json_object_get(t, "en_span"), 0)), 25);
    t = json_array_get(json_object_get(r2, "terms"), 0);
    assert_int_equal(json_integer_value(json_array_get(
        json_object_get(t, "en_span"), 0)), 0);
    json_decref(r1);
    json_decref(r2);
    jaen_buf_free(&b);
    jaen_doc_free(doc);
}

static void test_tmx_moses(void **state)
{
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_dataset_stats st;
    struct jaen_err err = {0};
    struct jaen_buf b, e;
    (void)state;

    memset(&st, 0, sizeof(st));
    jaen_buf_init(&b, 1 << 20);
    jaen_buf_init(&e, 1 << 20);
    assert_int_equal(jaen_doc_parse(doc, doc_json, strlen(doc_json), &err),
                     0);
    assert_int_equal(jaen_dataset_tmx_begin(&b, "1<2"), 0);
    assert_non_null(strstr(b.ptr, "creationtoolversion=\"1&lt;2\""));
    assert_non_null(strstr(b.ptr, "srclang=\"ja\""));
    assert_int_equal(jaen_dataset_write(doc, JAEN_DATASET_TMX, &b, NULL, &st,
                                        &err), 0);
    assert_int_equal(jaen_dataset_tmx_end(&b), 0);
    assert_non_null(strstr(b.ptr, "<tu tuid=\"d#1\"><tuv xml:lang=\"ja\">"
                                  "<seg>個人情報と個人情報。</seg>"));
    assert_null(strstr(b.ptr, "未訳"));
    assert_int_equal(strcmp(b.ptr + b.len - 15, "</body>\n</tmx>\n"), 0);
    jaen_buf_reset(&b);
    assert_int_equal(jaen_dataset_write(doc, JAEN_DATASET_MOSES, &b, &e, &st,
                                        &err), 0);
    assert_string_equal(b.ptr, "顧客の個人情報。\n個人情報と個人情報。\n");
    assert_string_equal(e.ptr, "Personal information of customers.\n"
                               "Personal information and personal "
                               "information.\n");
    jaen_buf_free(&b);
    jaen_buf_free(&e);
    jaen_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escapes), cmocka_unit_test(test_formats),
        cmocka_unit_test(test_hf), cmocka_unit_test(test_tmx_moses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

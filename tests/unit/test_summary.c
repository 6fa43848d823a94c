/* test_summary.c: the English Markdown summary and the record writer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "doc.h"
#include "summary.h"

static const char *const record_json =
    "{\"schema\":\"jaen.incident/1\",\"id\":\"r1\",\"source\":{"
    "\"title\":{\"ja\":\"不正アクセスのお知らせ\",\"en\":null},"
    "\"organization\":{\"ja\":\"株式会社ハナ\",\"en\":\"Hana Co., Ltd.\"},"
    "\"published\":\"2025-03-28\",\"url\":\"https://example.jp/n\","
    "\"report_stage\":\"final\",\"related\":[{\"label\":{\"ja\":\"第1報\","
    "\"en\":\"Report 1\"},\"url\":\"https://example.jp/1\"}]},"
    "\"incident\":{\"types\":[\"ransomware\",\"data_leak\"],"
    "\"detected\":\"2025-03-10\",\"cause\":{\"ja\":\"脆弱性が原因です。\","
    "\"en\":null}},\"impact\":{\"counts\":[{\"value\":12345,\"approx\":false,"
    "\"qualifier\":\"max\",\"unit\":\"person\",\"before_dedup\":15678,"
    "\"subject\":{\"ja\":\"お客様\",\"en\":\"customers\"}},{\"value\":40,"
    "\"approx\":true,\"qualifier\":null,\"unit\":\"record\","
    "\"before_dedup\":null,\"subject\":{\"ja\":\"取引先\",\"en\":null}}],"
    "\"data_items\":[\"name\",\"credit_card_number\"],"
    "\"secondary_damage\":\"none_confirmed\"},\"response\":{"
    "\"implemented\":[{\"ja\":\"遮断しました。\",\"en\":\"Access was "
    "blocked.\"}],\"planned\":[{\"ja\":\"警察に相談し、全社員のパスワード"
    "を変更します。\",\"en\":null},{\"ja\":\"お客様へご案内します。\","
    "\"en\":null},{\"ja\":\"警察への届出は行っておりません。\","
    "\"en\":null},{\"ja\":\"サーバーを隔離してネットワークから切り離しま"
    "す。\",\"en\":null}]}}";

/* Does s[0..len) contain a byte of a multi-byte UTF-8 sequence? */
static int has_non_ascii(const char *s, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 1;
    return 0;
}

static void test_summary(void **state)
{
    json_t *rec = json_loads(record_json, 0, NULL);
    struct jaen_buf out;
    const char *table, *end;

    (void)state;
    assert_non_null(rec);
    jaen_buf_init(&out, 1 << 20);
    assert_int_equal(jaen_summary_write(rec, NULL, &out, NULL), 0);
    assert_non_null(strstr(out.ptr, "# [ja] 不正アクセスのお知らせ\n"));
    assert_non_null(strstr(out.ptr, "**Organization:** Hana Co., Ltd."));
    assert_non_null(strstr(out.ptr, "**Published:** March 28, 2025"));
    assert_non_null(strstr(out.ptr, "**Detected:** March 10, 2025"));
    assert_non_null(strstr(out.ptr, "**Report stage:** Final report"));
    assert_non_null(strstr(out.ptr, "**Earlier report:** Report 1"));
    assert_non_null(strstr(out.ptr, "- Ransomware\n"));
    assert_non_null(strstr(out.ptr, "| up to 12,345 | people | 15,678 | "
                                    "customers |"));
    assert_non_null(strstr(out.ptr, "| about 40 | records | - | "
                                    "(no English) |"));
    assert_non_null(strstr(out.ptr, "**Data items:** Name, Credit card "
                                    "number"));
    assert_non_null(strstr(out.ptr, "None confirmed so far."));
    assert_non_null(strstr(out.ptr, "[ja] 脆弱性が原因です。"));
    assert_non_null(strstr(out.ptr, "- Access was blocked.\n"));
    /* a measure without English: its topics, then its Japanese; none
     * when it names no topic */
    assert_non_null(strstr(out.ptr, "- Police; password change — [ja] "
                                    "警察に相談し"));
    assert_non_null(strstr(out.ptr, "- [ja] お客様へご案内します。\n"));
    /* nor when it denies the topic */
    assert_non_null(strstr(out.ptr, "- [ja] 警察への届出は行って"));
    /* a topic named by two of its words is said once */
    assert_non_null(strstr(out.ptr, "- Isolation or blocking — [ja] サーバー"
                                    "を隔離して"));
    /* the cause likewise */
    assert_non_null(strstr(out.ptr, "Vulnerability — [ja] 脆弱性が原因"));
    /* the structured parts, from the table to the cause, are English */
    table = strstr(out.ptr, "## Affected data");
    end = strstr(out.ptr, "## Cause");
    assert_non_null(table);
    assert_non_null(end);
    assert_false(has_non_ascii(table, (size_t)(end - table)));
    jaen_buf_free(&out);
    json_decref(rec);
}

static void test_error_and_formats(void **state)
{
    struct jaen_doc *doc = jaen_doc_new();
    const char *line = "{\"id\":\"d9\",\"error\":{\"stage\":\"gloss\","
                       "\"message\":\"corrupt glossary\",\"code\":-6}}";
    enum jaen_record_format fmt;
    struct jaen_buf out;

    (void)state;
    assert_int_equal(jaen_record_format_parse("markdown", &fmt), 0);
    assert_int_equal(fmt, JAEN_RECORD_MARKDOWN);
    assert_int_equal(jaen_record_format_parse("json", &fmt), 0);
    assert_int_equal(fmt, JAEN_RECORD_JSON);
    assert_int_equal(jaen_record_format_parse("yaml", &fmt), JAEN_EUSAGE);
    assert_int_equal(jaen_doc_parse(doc, line, strlen(line), NULL), 0);
    jaen_buf_init(&out, 1 << 20);
    assert_int_equal(jaen_record_write(NULL, doc, JAEN_RECORD_JSON, &out,
                                       NULL), 0);
    assert_string_equal(out.ptr, "{\"schema\":\"jaen.incident/1\",\"id\":"
                                 "\"d9\",\"error\":{\"stage\":\"gloss\","
                                 "\"message\":\"corrupt glossary\","
                                 "\"code\":-6}}\n");
    jaen_buf_reset(&out);
    assert_int_equal(jaen_record_write(NULL, doc, JAEN_RECORD_MARKDOWN, &out,
                                       NULL), 0);
    assert_non_null(strstr(out.ptr, "**[error]**"));
    assert_non_null(strstr(out.ptr, "corrupt glossary"));
    {
        json_t *arr = json_array();
        assert_int_equal(jaen_summary_write(arr, NULL, &out, NULL),
                         JAEN_EDATA);
        json_decref(arr);
    }
    jaen_buf_free(&out);
    jaen_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_summary),
        cmocka_unit_test(test_error_and_formats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_qa.c: English number reading, term search, Japanese detection and
 * the four checks of jaen check on hand-built documents. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "alloc.h"
#include "doc.h"
#include "qa.h"

static int has_num(const char *s, double v)
{
    double vals[64];
    size_t n = jaen_qa_numbers(s, strlen(s), vals, 64), i;

    for (i = 0; i < n && i < 64; i++)
        if (vals[i] == v)
            return 1;
    return 0;
}

static void test_numbers(void **state)
{
    (void)state;
    assert_true(has_num("3,800 people", 3800));
    assert_true(has_num("３，８００ people", 3800));
    assert_true(has_num("1.5 million records", 1500000));
    assert_true(has_num("1.5 million records", 1.5));
    assert_true(has_num("16万 records", 160000));
    assert_true(has_num("on March 10, 2025", 3));
    assert_true(has_num("on March 10, 2025", 10));
    assert_true(has_num("on March 10, 2025", 2025));
    assert_true(has_num("Sept. 3", 9));
    assert_true(has_num("three servers", 3));
    assert_true(has_num("at 8:30 a.m.", 30));
    assert_true(has_num("version 12.5", 12.5));
    /* a comma not before three digits ends the number */
    assert_true(has_num("1,23 and", 1));
    assert_false(has_num("1,23 and", 123));
    /* words inside words are not numbers */
    assert_false(has_num("someone", 1));
    assert_false(has_num("maybe", 5));
    assert_false(has_num("often", 10));
}

static void test_terms(void **state)
{
    const char *en = "Customers' personal information leaked; the "
                     "personal information of staff too.";
    size_t a, b;
    (void)state;

    assert_true(jaen_qa_find_term(en, strlen(en), "customer", 8, 0, &a, &b));
    assert_int_equal(a, 0);
    assert_int_equal(b, 8);
    assert_true(jaen_qa_find_term(en, strlen(en), "Personal Information",
                                  20, 0, &a, &b));
    assert_int_equal(a, 11);
    assert_true(jaen_qa_find_term(en, strlen(en), "personal information",
                                  20, b, &a, &b));
    assert_int_equal(a, 44);
    assert_false(jaen_qa_find_term(en, strlen(en), "personal information",
                                   20, b, &a, &b));
    assert_false(jaen_qa_find_term(en, strlen(en), "leak", 4, 0, &a, &b));
    assert_false(jaen_qa_find_term(en, strlen(en), "form", 4, 0, &a, &b));
    /* code points, not bytes */
    assert_true(jaen_qa_find_term("の漏えい leak", 17, "leak", 4, 0, &a, &b));
    assert_int_equal(a, 5);
    assert_int_equal(b, 9);
}

static void test_japanese(void **state)
{
    size_t at = 0;
    (void)state;

    assert_false(jaen_qa_has_japanese("Plain ASCII, ¥100, café", 25, &at));
    assert_true(jaen_qa_has_japanese("left 漏えい here", 17, &at));
    assert_int_equal(at, 5);
    assert_true(jaen_qa_has_japanese("ｶﾀｶﾅ", 12, NULL));
    assert_true(jaen_qa_has_japanese("ひらがな", 12, NULL));
}

static struct jaen_doc *doc_of(const char *json)
{
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_err err = {0};

    assert_non_null(doc);
    if (jaen_doc_parse(doc, json, strlen(json), &err))
        fail_msg("%s", err.msg);
    return doc;
}

static const char *check_at(const json_t *findings, size_t i)
{
    return json_string_value(json_object_get(json_array_get(findings, i),
                                             "check"));
}

static void test_doc(void **state)
{
    /* 0: number; 1: term; 2: Japanese left; 3: no en; 4: identical;
     * 5: clean (phrase) */
    static const char json[] =
        "{\"id\":\"d\",\"text\":\"3,800名。ランサムウェア。漏えい。未訳。"
        "同じ。完了。\","
        "\"sentences\":["
        "{\"start\":0,\"end\":7,\"tokens\":[],\"en\":\"3,900 people.\"},"
        "{\"start\":7,\"end\":15,\"tokens\":[],\"en\":\"Malware.\"},"
        "{\"start\":15,\"end\":19,\"tokens\":[],\"en\":\"漏えい happened.\"},"
        "{\"start\":19,\"end\":22,\"tokens\":[],\"error\":\"x\"},"
        "{\"start\":22,\"end\":25,\"tokens\":[],\"en\":\"同じ。\"},"
        "{\"start\":25,\"end\":28,\"tokens\":[],\"en\":\"Done.\","
        "\"phrase\":{\"concept\":\"phrase.x\",\"en\":\"Done.\"}}],"
        "\"entities\":[{\"type\":\"quantity\",\"start\":0,\"end\":6,"
        "\"surface\":\"3,800名\",\"value\":3800}],"
        "\"terms\":[{\"start\":7,\"end\":14,\"ja\":\"ランサムウェア\","
        "\"en\":\"ransomware\",\"concept\":\"incident_type.ransomware\"},"
        "{\"start\":25,\"end\":27,\"ja\":\"完了\",\"en\":\"completion\","
        "\"concept\":\"incident_type.x\"}]}";
    struct jaen_doc *doc = doc_of(json);
    struct jaen_qa_totals t;
    json_t *f = json_array();
    (void)state;

    memset(&t, 0, sizeof(t));
    assert_int_equal(jaen_qa_check_doc(doc, JAEN_QA_TERMS_KEY, f, &t, NULL),
                     0);
    assert_int_equal(json_array_size(f), 5);
    assert_string_equal(check_at(f, 0), "number_mismatch");
    assert_string_equal(check_at(f, 1), "term_missing");
    assert_string_equal(check_at(f, 2), "untranslated");
    assert_string_equal(check_at(f, 3), "empty_target");
    assert_string_equal(check_at(f, 4), "untranslated");
    assert_int_equal(json_integer_value(json_object_get(json_array_get(f, 3),
                                                        "sentence")), 3);
    assert_string_equal(json_string_value(json_object_get(
        json_array_get(f, 2), "ja")), "漏えい。");
    assert_int_equal(t.sentences, 6);
    assert_int_equal(t.findings[JAEN_QA_NUMBER], 1);
    json_decref(f);

    /* --terms none: no term check */
    f = json_array();
    memset(&t, 0, sizeof(t));
    assert_int_equal(jaen_qa_check_doc(doc, JAEN_QA_TERMS_NONE, f, &t, NULL),
                     0);
    assert_int_equal(t.findings[JAEN_QA_TERM], 0);
    json_decref(f);
    jaen_doc_free(doc);

    /* no sentences: counted, not checked */
    doc = doc_of("{\"id\":\"e\",\"error\":{\"stage\":\"segment\"}}");
    f = json_array();
    memset(&t, 0, sizeof(t));
    assert_int_equal(jaen_qa_check_doc(doc, JAEN_QA_TERMS_KEY, f, &t, NULL),
                     0);
    assert_int_equal(t.skipped_docs, 1);
    assert_int_equal(json_array_size(f), 0);
    json_decref(f);
    jaen_doc_free(doc);
}

static void test_dates(void **state)
{
    /* a date passes on its digit runs; 午後3時 on the 12-hour clock; an
     * era year on the western year; 同日 has nothing to compare */
    static const char json[] =
        "{\"id\":\"d\",\"text\":\"令和7年3月10日午後3時、同日。\","
        "\"sentences\":[{\"start\":0,\"end\":17,\"tokens\":[],"
        "\"en\":\"At 3 p.m. on March 10, 2025, the same day.\"}],"
        "\"entities\":["
        "{\"type\":\"date\",\"start\":0,\"end\":9,\"surface\":\"令和7年3月10日\","
        "\"value\":\"2025-03-10\"},"
        "{\"type\":\"time\",\"start\":9,\"end\":13,\"surface\":\"午後3時\","
        "\"value\":\"15:00\"},"
        "{\"type\":\"date\",\"start\":14,\"end\":16,\"surface\":\"同日\","
        "\"value\":\"2025-03-10\"}]}";
    struct jaen_doc *doc = doc_of(json);
    struct jaen_qa_totals t;
    json_t *f = json_array();
    (void)state;

    memset(&t, 0, sizeof(t));
    assert_int_equal(jaen_qa_check_doc(doc, JAEN_QA_TERMS_ALL, f, &t, NULL),
                     0);
    if (json_array_size(f))
        fail_msg("%s", json_string_value(json_object_get(
            json_array_get(f, 0), "message")));
    json_decref(f);
    jaen_doc_free(doc);
}

/* Forms real reports write: an era range (the years come from "from" and
 * "to"), spaces inside an era date and a time, a dotted date, 24/7. */
static void test_date_forms(void **state)
{
    static const char json[] =
        "{\"id\":\"d\",\"text\":\"令和6年12月～令和7年1月、令和 6 年 7 月 22 日"
        "午後 8 時、2025.07.11、24時間365日。\","
        "\"sentences\":[{\"start\":0,\"end\":57,\"tokens\":[],"
        "\"en\":\"December 2024 to January 2025, July 22, 2024 at 8 p.m., "
        "July 11, 2025, 24/7.\"}],"
        "\"entities\":["
        "{\"type\":\"date_range\",\"start\":0,\"end\":14,"
        "\"surface\":\"令和6年12月～令和7年1月\",\"from\":\"2024-12\","
        "\"to\":\"2025-01\"},"
        "{\"type\":\"date\",\"start\":15,\"end\":30,"
        "\"surface\":\"令和 6 年 7 月 22 日\",\"value\":\"2024-07-22\"},"
        "{\"type\":\"time\",\"start\":30,\"end\":36,"
        "\"surface\":\"午後 8 時\",\"value\":\"20:00\"},"
        "{\"type\":\"date\",\"start\":37,\"end\":47,"
        "\"surface\":\"2025.07.11\",\"value\":\"2025-07-11\"},"
        "{\"type\":\"duration\",\"start\":48,\"end\":56,"
        "\"surface\":\"24時間365日\",\"value\":null,\"iso\":\"24/7\"}]}";
    struct jaen_doc *doc = doc_of(json);
    struct jaen_qa_totals t;
    json_t *f = json_array();
    (void)state;

    memset(&t, 0, sizeof(t));
    assert_int_equal(jaen_qa_check_doc(doc, JAEN_QA_TERMS_ALL, f, &t, NULL),
                     0);
    if (json_array_size(f))
        fail_msg("%s", json_string_value(json_object_get(
            json_array_get(f, 0), "message")));
    json_decref(f);
    jaen_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers), cmocka_unit_test(test_terms),
        cmocka_unit_test(test_japanese), cmocka_unit_test(test_doc),
        cmocka_unit_test(test_dates), cmocka_unit_test(test_date_forms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_incident_rules.c: the incident rules' finer decisions (report
 * stage, types, detection date, secondary damage, cause) on short
 * documents written for the test, built by the real segmenter and
 * normalizer without a glossary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "doc.h"
#include "incident.h"
#include "md.h"
#include "norm.h"
#include "seg.h"

/* Segments and normalizes archive Markdown, then builds its record. */
static json_t *record_of(const char *md)
{
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_seg *seg = NULL;
    struct jaen_incident *ix = NULL;
    struct jaen_err err = {0};
    json_t *rec = NULL;

    assert_non_null(doc);
    assert_int_equal(jaen_md_parse(md, strlen(md), "t.md", doc, &err), 0);
    assert_int_equal(jaen_seg_open(&seg, &err), 0);
    assert_int_equal(jaen_seg_doc(seg, doc, &err), 0);
    assert_int_equal(jaen_normalize_doc(doc, NULL, &err), 0);
    assert_int_equal(jaen_incident_open(NULL, &ix, &err), 0);
    assert_int_equal(jaen_incident_record(ix, doc, &rec, &err), 0);
    jaen_incident_close(ix);
    jaen_seg_close(seg);
    jaen_doc_free(doc);
    return rec;
}

/* The archive header with title t, then "# 本文" and body b. */
#define DOC(t, b)                                                          \
    "# 公表概要\n- " t "\n- 2025年6月30日\n- 株式会社テスト\n"             \
    "- https://example.jp/n\n\n# 本文\n" b

static const char *str_at(json_t *rec, const char *a, const char *b)
{
    return json_string_value(json_object_get(json_object_get(rec, a), b));
}

static const json_t *types_of(json_t *rec)
{
    return json_object_get(json_object_get(rec, "incident"), "types");
}

static int has_type(json_t *rec, const char *s)
{
    const json_t *arr = types_of(rec);
    size_t i;

    for (i = 0; i < json_array_size(arr); i++)
        if (strcmp(json_string_value(json_array_get(arr, i)), s) == 0)
            return 1;
    return 0;
}

static const json_t *cause_of(json_t *rec)
{
    return json_object_get(json_object_get(rec, "incident"), "cause");
}

/* Kangxi radicals from PDF extraction (⼆ ⽤ ⽣) read as 二 用 生, and the
 * record still quotes the text as written. */
static void test_kangxi_folded(void **state)
{
    json_t *rec = record_of(DOC(
        "不正アクセスに関するお知らせ",
        "当社サーバーが不正アクセスを受けました。\n"
        "## 原因\n"
        "原因は、VPN装置の脆弱性を悪⽤されたことです。\n"
        "## ⼆次被害\n"
        "現時点で、不正利⽤などの⼆次被害の発⽣は確認されておりません。\n"));
    const json_t *c;

    (void)state;
    assert_true(has_type(rec, "unauthorized_access"));
    assert_string_equal(str_at(rec, "impact", "secondary_damage"),
                        "none_confirmed");
    c = cause_of(rec);
    assert_non_null(strstr(json_string_value(json_object_get(c, "ja")),
                           "悪⽤"));
    json_decref(rec);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kangxi_folded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

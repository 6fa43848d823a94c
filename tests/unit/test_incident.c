/* test_incident.c: the incident extractor on documents built by the real
 * segmenter and normalizer (no glossary, so only text rules and
 * normalize's values decide), romanized names, error records. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "dictsrc.h"
#include "doc.h"
#include "gloss.h"
#include "incident.h"
#include "md.h"
#include "norm.h"
#include "romaji.h"
#include "seg.h"

#include "record_fixture.h"
#include "gloss_fixture.h"

static const char *str_at(json_t *rec, const char *a, const char *b)
{
    return json_string_value(json_object_get(json_object_get(rec, a), b));
}

static int has_string(const json_t *arr, const char *s)
{
    size_t i;

    for (i = 0; i < json_array_size(arr); i++)
        if (strcmp(json_string_value(json_array_get(arr, i)), s) == 0)
            return 1;
    return 0;
}

static const char *const ransom_md =
    "# 公表概要\n- ランサムウェア被害に関するお知らせ（第2報）\n"
    "- 2025年3月28日\n- 株式会社テスト商事\n- https://example.jp/n\n"
    "- 第1報：https://example.jp/1\n\n# 本文\n"
    "2025年3月10日、サーバーがランサムウェアに感染したことを検知しました。\n"
    "## 1.漏えいのおそれがある情報\n"
    "外部へ送信されたデータには、個人情報が含まれていた可能性があります。\n"
    "- お取引先様の情報 12,345名（名寄せ前 15,678件）\n"
    "- お客様の情報 最大3,400名\n"
    "お問い合わせ先の電話番号は03-1234-5678です。\n"
    "## 2.原因\n"
    "VPN装置の脆弱性を悪用されたことが原因です。\n"
    "## 3.今後の対応\n"
    "1. 多要素認証を導入しました。\n"
    "2. 外部の監視サービスを導入する予定です。\n"
    "現時点で、二次被害は確認されておりません。\n";

static void test_ransomware_update(void **state)
{
    json_t *rec = record_of(ransom_md);
    json_t *types, *counts, *c;

    (void)state;
    assert_string_equal(json_string_value(json_object_get(rec, "schema")),
                        "jaen.incident/1");
    assert_string_equal(str_at(rec, "source", "report_stage"), "update");
    assert_string_equal(str_at(rec, "source", "published"), "2025-03-28");
    assert_string_equal(str_at(rec, "incident", "detected"), "2025-03-10");
    types = json_object_get(json_object_get(rec, "incident"), "types");
    assert_true(has_string(types, "ransomware"));
    assert_true(has_string(types, "data_leak"));
    assert_false(has_string(types, "phishing"));
    counts = json_object_get(json_object_get(rec, "impact"), "counts");
    /* 15,678件 is the 名寄せ前 figure, the phone number is no count */
    assert_int_equal(json_array_size(counts), 2);
    c = json_array_get(counts, 0);
    assert_int_equal(json_integer_value(json_object_get(c, "value")), 12345);
    assert_string_equal(json_string_value(json_object_get(c, "unit")),
                        "person");
    assert_int_equal(json_integer_value(json_object_get(c, "before_dedup")),
                     15678);
    c = json_array_get(counts, 1);
    assert_string_equal(json_string_value(json_object_get(c, "qualifier")),
                        "max");
    assert_string_equal(str_at(rec, "impact", "secondary_damage"),
                        "none_confirmed");
    assert_non_null(json_object_get(json_object_get(rec, "incident"),
                                    "cause"));
    assert_int_equal(json_array_size(json_object_get(json_object_get(
                         rec, "response"), "implemented")), 1);
    assert_int_equal(json_array_size(json_object_get(json_object_get(
                         rec, "response"), "planned")), 1);
    /* no glossary: the organization has no English */
    assert_true(json_is_null(json_object_get(json_object_get(json_object_get(
        rec, "source"), "organization"), "en")));
    json_decref(rec);
}

/* Labels of the links to earlier reports: 第N報 in any digits. */
static void test_related_labels(void **state)
{
    json_t *rec = record_of(
        "# 公表概要\n- 不正アクセスに関するお知らせ（第4報）\n"
        "- 2025年3月28日\n- 株式会社テスト商事\n- https://example.jp/n\n"
        "- 第1報：https://example.jp/1\n- 第二報：https://example.jp/2\n"
        "- 第３報：https://example.jp/3\n- 最終報：https://example.jp/f\n"
        "- 第1234報：https://example.jp/x\n\n# 本文\n"
        "不正アクセスを確認しました。\n");
    json_t *rel = json_object_get(json_object_get(rec, "source"), "related");
    static const char *const want[] = {
        "Report 1", "Report 2", "Report 3", "Final report", NULL,
    };
    size_t i;

    (void)state;
    assert_int_equal(json_array_size(rel), 5);
    for (i = 0; i < 5; i++) {
        json_t *en = json_object_get(json_object_get(json_array_get(rel, i),
                                                     "label"), "en");
        if (want[i])
            assert_string_equal(json_string_value(en), want[i]);
        else
            assert_true(json_is_null(en));
    }
    json_decref(rec);
}

static void test_single_no_leak(void **state)
{
    json_t *rec = record_of(
        "# 公表概要\n- システム障害のお知らせ\n- 2025年5月1日\n"
        "- 株式会社テスト\n- https://example.jp/x\n\n# 本文\n"
        "当社のシステムで障害が発生し、サービスが利用できない状態となりました。"
        "\n情報の流出は確認されておりません。\n");
    json_t *types = json_object_get(json_object_get(rec, "incident"),
                                    "types");

    (void)state;
    assert_string_equal(str_at(rec, "source", "report_stage"), "single");
    assert_true(has_string(types, "system_outage"));
    assert_false(has_string(types, "data_leak"));
    assert_true(json_is_null(json_object_get(json_object_get(rec, "incident"),
                                             "detected")));
    assert_int_equal(json_array_size(json_object_get(json_object_get(
                         rec, "impact"), "counts")), 0);
    json_decref(rec);
}

static void test_initial_promise(void **state)
{
    json_t *rec = record_of(
        "# 公表概要\n- 不正アクセスに関するお知らせ\n- 2025年6月2日\n"
        "- 株式会社テスト\n- https://example.jp/y\n\n# 本文\n"
        "当社サーバーへの不正アクセスを確認しました。"
        "詳細が判明次第、改めてお知らせいたします。\n");

    (void)state;
    assert_string_equal(str_at(rec, "source", "report_stage"), "initial");
    json_decref(rec);
}

static void test_error_record(void **state)
{
    struct jaen_doc *doc = jaen_doc_new();
    const char *line = "{\"id\":\"d1\",\"error\":{\"stage\":\"segment\","
                       "\"message\":\"bad\",\"code\":-3}}";
    json_t *rec = NULL;

    (void)state;
    assert_int_equal(jaen_doc_parse(doc, line, strlen(line), NULL), 0);
    assert_int_equal(jaen_incident_error_record(doc, &rec), 0);
    assert_string_equal(json_string_value(json_object_get(rec, "id")), "d1");
    assert_string_equal(str_at(rec, "error", "message"), "bad");
    assert_null(json_object_get(rec, "source"));
    json_decref(rec);
    jaen_doc_free(doc);
}

static void test_romaji(void **state)
{
    struct jaen_romaji *r = NULL;
    struct jaen_buf b;
    int found = -1;

    (void)state;
    assert_int_equal(jaen_romaji_open(NULL, &r, NULL), 0);
    jaen_buf_init(&b, 1 << 16);
    assert_int_equal(jaen_romaji_kana(r, "ハナミズキ", strlen("ハナミズキ"),
                                      &b), 0);
    assert_string_equal(b.ptr, "Hanamizuki");
    jaen_buf_reset(&b);
    assert_int_equal(jaen_romaji_org(r, "エイ・アイ", strlen("エイ・アイ"),
                                     &b, &found), 0);
    assert_int_equal(found, 1);
    assert_string_equal(b.ptr, "Ei Ai");
    jaen_buf_reset(&b);
    /* kanji in the body: no English offline */
    assert_int_equal(jaen_romaji_org(r, "サンプル商事",
                                     strlen("サンプル商事"), &b, &found), 0);
    assert_int_equal(found, 0);
    assert_int_equal(jaen_romaji_kana(r, "商事", strlen("商事"), &b),
                     JAEN_EDATA);
    jaen_buf_free(&b);
    jaen_romaji_close(r);
    jaen_romaji_close(NULL);
}

/* Loanwords of names (dict/src/name_words.tsv) and legal forms from a
 * glossary: a loanword is used only where the run of kana goes on with
 * more loanwords, and a name ending in Corporation or Company gets no
 * Co., Ltd. after it. */
static void test_romaji_loanwords(void **state)
{
    static const char source[] =
        "ja\ten\tconcept\tvariants\tpos\tnote\n"
        "株式会社\tCo., Ltd.\tlegal_form.kabushiki_kaisha\t\tnoun\t\n"
        "ホールディングス\tHoldings\tname_word.holdings\t\tnoun\t\n"
        "グループ\tGroup\tname_word.group\t\tnoun\t\n"
        "ハウス\tHouse\tname_word.house\t\tnoun\t\n"
        "トラスト\tTrust\tname_word.trust\t\tnoun\t\n"
        "バンク\tBank\tname_word.bank\t\tnoun\t\n"
        "コーポレーション\tCorporation\tname_word.corporation\t\tnoun\t\n";
    static const char *const cases[][2] = {
        {"株式会社じもとホールディングス", "Jimoto Holdings Co., Ltd."},
        {"アサヒグループホールディングス株式会社",
         "Asahi Group Holdings Co., Ltd."},
        {"株式会社トラストバンク", "Trust Bank Co., Ltd."},
        {"株式会社フレッシュハウス", "Furesshu House Co., Ltd."},
        /* not ハウス + テンボス: the rest is no loanword */
        {"ハウステンボス株式会社", "Hausutenbosu Co., Ltd."},
        {"株式会社ヤマダコーポレーション", "Yamada Corporation"},
        /* ICU's '~' for a small kana it cannot join is dropped */
        {"株式会社ウェッジ", "Uejji Co., Ltd."},
    };
    struct jaen_dictsrc *ds = jaen_dictsrc_new();
    struct jaen_gloss *g = NULL;
    struct jaen_romaji *r = NULL;
    struct jaen_buf b;
    struct jaen_err err;
    size_t i;
    int found;

    (void)state;
    jaen_err_clear(&err);
    jaen_buf_init(&b, 1 << 16);
    assert_int_equal(jaen_dictsrc_parse(ds, "t.tsv", source,
                                        sizeof(source) - 1, JAEN_DICT_JAEN,
                                        0, &err), 0);
    assert_int_equal(gloss_of(ds, "t", &g, &err), 0);
    assert_int_equal(jaen_romaji_open(g, &r, &err), 0);
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        jaen_buf_reset(&b);
        found = -1;
        assert_int_equal(jaen_romaji_org(r, cases[i][0], strlen(cases[i][0]),
                                         &b, &found), 0);
        assert_int_equal(found, 1);
        if (strcmp(b.ptr, cases[i][1]) != 0)
            fail_msg("%s: got \"%s\", want \"%s\"", cases[i][0], b.ptr,
                     cases[i][1]);
    }
    jaen_buf_free(&b);
    jaen_romaji_close(r);
    jaen_gloss_close(g);
    jaen_dictsrc_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ransomware_update),
        cmocka_unit_test(test_related_labels),
        cmocka_unit_test(test_single_no_leak),
        cmocka_unit_test(test_initial_promise),
        cmocka_unit_test(test_error_record),
        cmocka_unit_test(test_romaji),
        cmocka_unit_test(test_romaji_loanwords),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_md.c: archive Markdown: bullets by shape, dates, sections, blocks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "doc.h"
#include "md.h"

static struct jaen_doc *parse(const char *md, const char *id)
{
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_err err = {0};

    assert_int_equal(jaen_md_parse(md, strlen(md), id, doc, &err), 0);
    return doc;
}

static const char *meta_str(struct jaen_doc *doc, const char *key)
{
    json_t *v = json_object_get(jaen_doc_get(doc, "meta", NULL), key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static void test_dates(void **state)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"2025年3月11日", "2025-03-11"},
        {"2025年3月11日（火）", "2025-03-11"},
        {"２０２５年３月１１日", "2025-03-11"},
        {"2025 年 5 月 12 日", "2025-05-12"},
        {"令和7年3月11日", "2025-03-11"},
        {"令和元年5月1日", "2019-05-01"},
        {"平成31年4月30日", "2019-04-30"},
        {"昭和64年1月7日", "1989-01-07"},
        {"2025/3/11", "2025-03-11"},
        {"2025.3.11", "2025-03-11"},
        {"2025-03-11", "2025-03-11"},
        {"2024年2月29日", "2024-02-29"},
        {"2025年12月", "2025-12"},
        {"2025年3月XX日?", "2025-03"},
        {"2025年2月29日", "2025-02"},   /* no such day: the month stands */
        {"2025年13月1日", NULL},
        {"日付記載なし", NULL},
        {"第2報", NULL},
        {"12345", NULL},
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char out[11] = "";
        size_t n = jaen_md_parse_date(cases[i].in, strlen(cases[i].in), out);
        if (!cases[i].out) {
            if (n)
                fail_msg("%s parsed as %s", cases[i].in, out);
            continue;
        }
        if (!n)
            fail_msg("%s not parsed", cases[i].in);
        assert_string_equal(out, cases[i].out);
    }
}

static void test_bullets_by_shape(void **state)
{
    /* reordered bullets with stray marks */
    const char *md =
        "# 公表概要\n"
        "- https://example.jp/news/1\n"
        "- 株式会社サンプル \n"
        "- 2025年1月9日？\n"
        "- 不正アクセスに関するお知らせ（第2報）\n"
        "- 第1報：https://example.jp/news/0\n"
        "- 続報 https://example.jp/news/2\n"
        "- 関連 株式会社ほげ（親会社）\n"
        "\n# 本文\n本文です。\n";
    struct jaen_doc *doc = parse(md, "x.md");
    json_t *rel = json_object_get(jaen_doc_get(doc, "meta", NULL), "related");

    (void)state;
    assert_string_equal(meta_str(doc, "title"),
                        "不正アクセスに関するお知らせ（第2報）");
    assert_string_equal(meta_str(doc, "organization"), "株式会社サンプル");
    assert_string_equal(meta_str(doc, "published"), "2025-01-09");
    assert_string_equal(meta_str(doc, "url"), "https://example.jp/news/1");
    assert_int_equal(json_array_size(rel), 3);
    assert_string_equal(json_string_value(json_object_get(
                            json_array_get(rel, 0), "label")), "第1報");
    assert_string_equal(json_string_value(json_object_get(
                            json_array_get(rel, 0), "url")),
                        "https://example.jp/news/0");
    assert_string_equal(json_string_value(json_object_get(
                            json_array_get(rel, 1), "label")), "続報");
    assert_true(json_is_null(json_object_get(json_array_get(rel, 2),
                                             "url")));
    jaen_doc_free(doc);
}

static void test_sections_and_path_date(void **state)
{
    const char *md =
        "# 事案ID\nA-123\n\n"
        "# \n- 障害のお知らせ\n- 日付記載なし\n- 株式会社テスト\n"
        "- https://example.jp/x\n\n"
        "# 本文\n## 1.経緯\n本文。\n# FAQ\n質問。\n";
    struct jaen_doc *doc = parse(md, "corpus/2025/03/XX_株式会社テスト.md");
    json_t *meta = jaen_doc_get(doc, "meta", NULL);
    const char *text;
    size_t len;

    (void)state;
    assert_string_equal(meta_str(doc, "published"), "2025-03");
    assert_string_equal(meta_str(doc, "published_source"), "path");
    assert_string_equal(meta_str(doc, "title"), "障害のお知らせ");
    assert_string_equal(json_string_value(json_object_get(
                            json_object_get(meta, "sections"), "事案ID")),
                        "A-123");
    /* a level-1 heading inside the body stays in the body */
    assert_int_equal(jaen_doc_text(doc, &text, &len, NULL, NULL), 0);
    assert_string_equal(text, "1.経緯\n本文。\nFAQ\n質問。");
    jaen_doc_free(doc);
}

/* Up to three spaces before a section heading still make it one
 * (CommonMark): " # 本文" must not lose the body. */
static void test_indented_heading(void **state)
{
    const char *md =
        "# 公表概要\n- お知らせ\n- 2025年3月11日\n- 株式会社テスト\n\n"
        "   # 本文\n不正アクセスを確認しました。\n";
    struct jaen_doc *doc = parse(md, "t.md");
    const char *text;
    size_t len;

    (void)state;
    assert_int_equal(jaen_doc_text(doc, &text, &len, NULL, NULL), 0);
    assert_string_equal(text, "不正アクセスを確認しました。");
    assert_string_equal(meta_str(doc, "title"), "お知らせ");
    jaen_doc_free(doc);
}

static void test_blocks(void **state)
{
    const char *md =
        "# 公表概要\n- t\n- 2025年1月1日\n# 本文\n"
        "前文です。\n続きの行。\n\n"
        "## １．概要\n"
        "- 項目一\n"
        "* 項目二\n"
        "・中黒の項目\n"
        "\n\n\n"
        "### （１）詳細\n"
        "　全角スペースで始まる段落。\r\n";
    struct jaen_doc *doc = parse(md, "y.md");
    json_t *blocks = jaen_doc_get(doc, "blocks", NULL);
    const char *text;
    size_t len;
    static const char *const types[] = {"paragraph", "heading", "item",
                                        "item", "item", "heading",
                                        "paragraph"};
    static const int starts[] = {0, 13, 18, 22, 26, 34, 40};
    size_t i;

    (void)state;
    assert_int_equal(jaen_doc_text(doc, &text, &len, NULL, NULL), 0);
    assert_string_equal(text, "前文です。\n続きの行。\n\n１．概要\n項目一\n項目二\n"
                              "・中黒の項目\n\n（１）詳細\n全角スペースで始まる段落。");
    assert_int_equal(json_array_size(blocks), 7);
    for (i = 0; i < 7; i++) {
        json_t *b = json_array_get(blocks, i);
        assert_string_equal(json_string_value(json_object_get(b, "type")),
                            types[i]);
        assert_int_equal(json_integer_value(json_object_get(b, "start")),
                         starts[i]);
    }
    assert_int_equal(json_integer_value(json_object_get(
                         json_array_get(blocks, 1), "level")), 2);
    assert_int_equal(json_integer_value(json_object_get(
                         json_array_get(blocks, 0), "end")), 11);
    jaen_doc_free(doc);
}

static void test_detect_and_split(void **state)
{
    const char *two = "# 公表概要\n- a\n# 本文\nx\n# 公表概要\n- b\n# 本文\ny\n";
    size_t end;

    (void)state;
    assert_true(jaen_md_detect(two, strlen(two)));
    assert_true(jaen_md_detect("# 本文\nx", 10));
    assert_false(jaen_md_detect("# 公表\nx", 10));
    assert_false(jaen_md_detect("ただの文章。", strlen("ただの文章。")));
    end = jaen_md_split(two, strlen(two), 0);
    assert_memory_equal(two + end, "# 公表概要\n- b", 16);
    assert_int_equal(jaen_md_split(two, strlen(two), end), strlen(two));
}

static void test_plain_text(void **state)
{
    const char *t = "\xEF\xBB\xBF一段落目。\n同じ段落。\n\n二段落目。";
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_err err = {0};
    const char *text;
    size_t len;

    (void)state;
    assert_int_equal(jaen_text_parse(t, strlen(t), "stdin:1", doc, &err), 0);
    assert_int_equal(jaen_doc_text(doc, &text, &len, NULL, NULL), 0);
    assert_string_equal(text, "一段落目。\n同じ段落。\n\n二段落目。");
    assert_int_equal(json_array_size(jaen_doc_get(doc, "blocks", NULL)), 2);
    assert_null(meta_str(doc, "title"));
    jaen_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_bullets_by_shape),
        cmocka_unit_test(test_sections_and_path_date),
        cmocka_unit_test(test_indented_heading),
        cmocka_unit_test(test_blocks),
        cmocka_unit_test(test_detect_and_split),
        cmocka_unit_test(test_plain_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_norm.c: the entity scanner end to end, one table of texts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "alloc.h"
#include "buf.h"
#include "norm.h"

/* want: the entities as "; "-joined signatures (see sig()); "" = none. */
struct norm_case {
    const char *in;
    const char *ref;
    const char *want;
};

#define R0 "2025-07-11"

static const struct norm_case cases[] = {
    /* quantities and counters */
    {"約16万件", R0, "quantity 約16万件 160000 record ~"},
    {"1,234名", R0, "quantity 1,234名 1234 person"},
    {"１，２３４名", R0, "quantity １，２３４名 1234 person"},
    {"13,193名", R0, "quantity 13,193名 13193 person"},
    {"7,518人", R0, "quantity 7,518人 7518 person"},
    {"5社", R0, "quantity 5社 5 company"},
    {"3台", R0, "quantity 3台 3 device"},
    {"メール20通", R0, "quantity 20通 20 item"},
    {"102校", R0, "quantity 102校 102 school"},
    {"7 拠点", R0, "quantity 7 拠点 7 site"},
    /* text from PDFs: spaces around the parts of a count */
    {"約 119 万件", R0, "quantity 約 119 万件 1190000 record ~"},
    {"119 万件", R0, "quantity 119 万件 1190000 record"},
    {"約　1,200名", R0, "quantity 約　1,200名 1200 person ~"},
    {"約 9 千件", R0, "quantity 約 9 千件 9000 record ~"},
    {"最大 3 万人", R0, "quantity 最大 3 万人 30000 person max"},
    {"2 億円", R0, "money 2 億円 200000000 yen"},
    {"約 256 百万円", R0, "money 約 256 百万円 256000000 yen ~"},
    {"最大のべ15,535名", R0, "quantity 最大のべ15,535名 15535 person max"},
    {"最大で約 2 億 5 千万円", R0,
     "money 最大で約 2 億 5 千万円 250000000 yen ~ max"},
    {"約1万 2025年", R0, "number 約1万 10000 ~; date 2025年 2025"},
    {"147 名", R0, "quantity 147 名 147 person"},
    {"2,460 件", R0, "quantity 2,460 件 2460 record"},
    {"1,950人分", R0, "quantity 1,950人分 1950 person"},
    {"251名分の", R0, "quantity 251名分 251 person"},
    {"三万八千人", R0, "quantity 三万八千人 38000 person"},
    {"一人", R0, "quantity 一人 1 person"},
    {"十件", R0, "quantity 十件 10 record"},
    {"1万6千件", R0, "quantity 1万6千件 16000 record"},
    {"約２万５千点", R0, "quantity 約２万５千点 25000 item ~"},
    {"5アカウント", R0, "quantity 5アカウント 5 account"},
    {"3ファイル", R0, "quantity 3ファイル 3 file"},
    {"2種類", R0, "quantity 2種類 2 kind"},
    {"10項目", R0, "quantity 10項目 10 field"},
    {"3回", R0, "quantity 3回 3 time"},
    {"5箇所", R0, "quantity 5箇所 5 location"},
    {"5か所", R0, "quantity 5か所 5 location"},
    {"100GB", R0, "quantity 100GB 100 gigabyte"},
    {"1.5TB", R0, "quantity 1.5TB 1.5 terabyte"},
    {"20歳", R0, "quantity 20歳 20 year_of_age"},
    {"9世帯", R0, "quantity 9世帯 9 household"},
    /* counters that are words */
    {"3名簿", R0, "number 3 3"},
    {"2通り", R0, "number 2 2"},
    {"1個人", R0, "number 1 1"},
    {"5社員", R0, "number 5 5"},
    {"3回答", R0, "number 3 3"},
    {"1台帳", R0, "number 1 1"},
    /* money and percent */
    {"1億2千万円", R0, "money 1億2千万円 120000000 yen"},
    {"500円", R0, "money 500円 500 yen"},
    {"100万円", R0, "money 100万円 1000000 yen"},
    {"最大で約２億５千万円", R0,
     "money 最大で約２億５千万円 250000000 yen ~ max"},
    {"1,000ドル", R0, "money 1,000ドル 1000 dollar"},
    {"90千米ドル", R0, "money 90千米ドル 90000 dollar"},
    {"$500", R0, "money $500 500 dollar"},
    {"￥1,000", R0, "money ￥1,000 1000 yen"},
    {"50ユーロ", R0, "money 50ユーロ 50 euro"},
    {"15.5%", R0, "percent 15.5% 15.5 percent"},
    {"50％", R0, "percent 50％ 50 percent"},
    {"約２．５％", R0, "percent 約２．５％ 2.5 percent ~"},
    {"10パーセント", R0, "percent 10パーセント 10 percent"},
    {"約6割", R0, "percent 約6割 60 percent ~"},
    {"0.5%未満", R0, "percent 0.5%未満 0.5 percent under"},
    /* qualifiers */
    {"最大45万件", R0, "quantity 最大45万件 450000 record max"},
    {"最大で45万件", R0, "quantity 最大で45万件 450000 record max"},
    {"上限100件", R0, "quantity 上限100件 100 record max"},
    {"100件以上", R0, "quantity 100件以上 100 record min"},
    {"少なくとも3社", R0, "quantity 少なくとも3社 3 company min"},
    {"1万件超", R0, "quantity 1万件超 10000 record over"},
    {"1万件を超える", R0, "quantity 1万件を超える 10000 record over"},
    {"10名未満", R0, "quantity 10名未満 10 person under"},
    {"10名以下", R0, "quantity 10名以下 10 person under"},
    {"100件程度", R0, "quantity 100件程度 100 record ~"},
    {"100件前後", R0, "quantity 100件前後 100 record ~"},
    {"100件余り", R0, "quantity 100件余り 100 record ~"},
    {"およそ100人", R0, "quantity およそ100人 100 person ~"},
    {"約100件程度", R0, "quantity 約100件程度 100 record ~"},
    {"最大約1,000件以上", R0,
     "quantity 最大約1,000件以上 1000 record ~ max"},
    {"1万件強", R0, "quantity 1万件強 10000 record ~"},
    {"数十件", R0, "quantity 数十件 null record ~"},
    {"数百名", R0, "quantity 数百名 null person ~"},
    {"数万件", R0, "quantity 数万件 null record ~"},
    {"十数件", R0, "quantity 十数件 null record ~"},
    {"数十", R0, ""},
    /* 名寄せ前 */
    {"1,234名（名寄せ前1,500件）", R0,
     "quantity 1,234名 1234 person bd=1500; quantity 1,500件 1500 record"},
    {"約30,000件（名寄せ前：約124,000件）", R0,
     "quantity 約30,000件 30000 record ~ bd=124000; "
     "quantity 約124,000件 124000 record ~"},
    {"500名(名寄せ前 600件)", R0,
     "quantity 500名 500 person bd=600; quantity 600件 600 record"},
    {"500名（うち重複10件）", R0,
     "quantity 500名 500 person; quantity 10件 10 record"},
    /* ranges of counts */
    {"3～5名", R0, "quantity 3 3 person; quantity 5名 5 person"},
    /* plain numbers */
    {"合計は399です", R0, "number 399 399"},
    {"三万八千", R0, "number 三万八千 38000"},
    {"1.5", R0, "number 1.5 1.5"},
    {"9223372036854775808個", R0,
     "quantity 9223372036854775808個 9223372036854775808 item ovf"},
    {"9999京円", R0, "money 9999京円 99990000000000000000 yen ovf"},
    {"922京3372兆368億5477万5807件", R0,
     "quantity 922京3372兆368億5477万5807件 9223372036854775807 record"},
    /* durations */
    {"24時間365日", R0, "duration 24時間365日 null 24/7"},
    {"２４時間３６５日体制", R0, "duration ２４時間３６５日 null 24/7"},
    {"1時間30分", R0, "duration 1時間30分 1.5 PT1H30M"},
    {"1時間半", R0, "duration 1時間半 1.5 PT1H30M"},
    {"2時間", R0, "duration 2時間 2 PT2H"},
    {"約40日", R0, "duration 約40日 40 P40D ~"},
    {"40日以内", R0, "duration 40日以内 40 P40D under"},
    {"3日後", R0, "duration 3日 3 P3D"},
    {"3日間", R0, "duration 3日間 3 P3D"},
    {"3年間", R0, "duration 3年間 3 P3Y"},
    {"1年半", R0, "duration 1年半 1.5 P1Y6M"},
    {"6か月", R0, "duration 6か月 6 P6M"},
    {"6ヶ月間", R0, "duration 6ヶ月間 6 P6M"},
    {"2週間", R0, "duration 2週間 2 P2W"},
    {"30分間", R0, "duration 30分間 30 PT30M"},
    {"約10分", R0, "duration 約10分 10 PT10M ~"},
    {"33秒", R0, "duration 33秒 33 PT33S"},
    {"1.5時間", R0, "duration 1.5時間 1.5 PT1.5H"},
    {"3営業日以内", R0, "duration 3営業日以内 3 null under"},
    {"十分な対策", R0, ""},
    {"3分の1", R0, "number 3 3; number 1 1"},
    {"5年生", R0, "number 5 5"},
    /* dates */
    {"令和7年3月11日", R0, "date 令和7年3月11日 2025-03-11"},
    {"3月11日", R0, "date 3月11日 2025-03-11 ^"},
    {"8月1日", R0, "date 8月1日 2024-08-01 ^"},
    {"2025年度", R0, "date 2025年度 2025 F"},
    {"4月10日現在", R0, "date 4月10日現在 2025-04-10 ^ !"},
    {"⼆〇⼆五年⼗⼆⽉", R0, "date ⼆〇⼆五年⼗⼆⽉ 2025-12"},
    {"2024 年 7 ⽉ 17 ⽇", R0, "date 2024 年 7 ⽉ 17 ⽇ 2024-07-17"},
    {"2025年13月45日", R0, ""},
    {"2025年2月30日に", R0, ""},
    {"2026年2月13日 22:00", R0,
     "date 2026年2月13日 2026-02-13; "
     "time 22:00 22:00 @2026-02-13T22:00"},
    {"14時30分頃", R0, "time 14時30分頃 14:30 ~"},
    {"3月11日〜14日", R0, "range 3月11日〜14日 2025-03-11..2025-03-14"},
    {"3月11日から同月14日まで", R0,
     "range 3月11日から同月14日まで 2025-03-11..2025-03-14"},
    {"2024年12月～2025年1月", R0,
     "range 2024年12月～2025年1月 2024-12..2025-01"},
    {"受付時間：9:00～18:00", R0, "range 9:00～18:00 09:00..18:00"},
    {"3月31日まで", R0, "range 3月31日まで ..2025-03-31"},
    {"17日に発生し、同月22日に解消", R0, "number 17 17; number 22 22"},
    {"3月17日に発生し、同月22日に解消", R0,
     "date 3月17日 2025-03-17 ^; date 同月22日 2025-03-22 ^"},
    {"3月17日に発生し、翌日に解消", R0,
     "date 3月17日 2025-03-17 ^; date 翌日 2025-03-18 ^"},
    /* not entities: codes, versions, items, words */
    {"電話03-1234-5678", R0, ""},
    {"TEL:0120-123-456", R0, ""},
    {"〒100-0001", R0, ""},
    {"v1.2.3", R0, ""},
    {"バージョン1.2.3", R0, ""},
    {"192.168.0.1", R0, ""},
    {"https://example.com/2025/03/11/page123", R0, ""},
    {"CVE-2024-12345", R0, ""},
    {"SHA-256", R0, ""},
    {"Windows 11", R0, ""},
    {"Windows10", R0, ""},
    {"第2報", R0, ""},
    {"第 2 報", R0, ""},
    {"第三者", R0, ""},
    {"※1", R0, ""},
    {"(1)概要", R0, ""},
    {"1. 概要", R0, ""},
    {"## 2 対応", R0, ""},
    {"## ３　情報", R0, ""},
    {"1)", R0, ""},
    {"No.5", R0, ""},
    {"#3", R0, ""},
    {"一部", R0, ""},
    {"一時的に", R0, ""},
    {"統一", R0, ""},
    {"千葉県", R0, ""},
    {"万全", R0, ""},
    {"四半期", R0, ""},
    {"5G回線", R0, ""},
    {"<img width=\"603\">", R0, ""},
    {"0120123456", R0, ""},
    /* mixed scripts and widths */
    {"ﾃﾞｰﾀ1,234件", R0, "quantity 1,234件 1234 record"},
    {"約１６万件のﾃﾞｰﾀ", R0, "quantity 約１６万件 160000 record ~"},
    {"ＩＤ43,451件", R0, "quantity 43,451件 43451 record"},
    {"ID 43,451件", R0, "quantity 43,451件 43451 record"},
    {"対象：1,238件", R0, "quantity 1,238件 1238 record"},
    {"人数889名", R0, "quantity 889名 889 person"},
    {"児童生徒数９７２人", R0, "quantity ９７２人 972 person"},
    {"（4件）", R0, "quantity 4件 4 record"},
    {"(1,000件)", R0, "quantity 1,000件 1000 record"},
    {"㈱ABCの1,000件", R0, "quantity 1,000件 1000 record"},
    {"", R0, ""},
    {"漢字だけの文。", R0, ""},
};

/* One entity as a short signature. */
static void sig(json_t *e, struct jaen_buf *out)
{
    const char *type = json_string_value(json_object_get(e, "type"));
    json_t *v = json_object_get(e, "value");
    char *vs;

    if (!strcmp(type, "date_range"))
        type = "range";
    jaen_buf_addf(out, "%s %s", type,
                  json_string_value(json_object_get(e, "surface")));
    if (!strcmp(type, "range")) {
        json_t *f = json_object_get(e, "from"), *t = json_object_get(e, "to");
        jaen_buf_addf(out, " %s..%s", f ? json_string_value(f) : "",
                      t ? json_string_value(t) : "");
        return;
    }
    vs = json_is_string(v) ? strdup(json_string_value(v))
                           : json_dumps(v, JSON_ENCODE_ANY);
    jaen_buf_addf(out, " %s", vs);
    free(vs);
    if (!strcmp(type, "duration")) {
        json_t *iso = json_object_get(e, "iso");
        jaen_buf_addf(out, " %s", json_is_string(iso) ?
                      json_string_value(iso) : "null");
    } else if (json_object_get(e, "unit_en") &&
               json_is_string(json_object_get(e, "unit_en"))) {
        jaen_buf_addf(out, " %s", json_string_value(
                          json_object_get(e, "unit_en")));
    }
    if (json_is_true(json_object_get(e, "approx")))
        jaen_buf_adds(out, " ~");
    if (json_is_string(json_object_get(e, "qualifier")))
        jaen_buf_addf(out, " %s", json_string_value(
                          json_object_get(e, "qualifier")));
    if (json_object_get(e, "before_dedup"))
        jaen_buf_addf(out, " bd=%lld", (long long)json_integer_value(
                          json_object_get(e, "before_dedup")));
    if (json_is_true(json_object_get(e, "value_overflow")))
        jaen_buf_adds(out, " ovf");
    if (json_is_true(json_object_get(e, "year_inferred")))
        jaen_buf_adds(out, " ^");
    if (json_is_true(json_object_get(e, "fiscal_year")))
        jaen_buf_adds(out, " F");
    if (json_object_get(e, "role"))
        jaen_buf_adds(out, " !");
    if (json_object_get(e, "datetime"))
        jaen_buf_addf(out, " @%s", json_string_value(
                          json_object_get(e, "datetime")));
}

static void test_table(void **state)
{
    size_t k, bad = 0;
    (void)state;
    for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        struct jaen_buf got;
        json_t *ents = NULL, *e;
        size_t i;

        jaen_buf_init(&got, 1 << 20);
        jaen_buf_adds(&got, "");
        assert_int_equal(jaen_norm_scan(cases[k].in, strlen(cases[k].in),
                                        cases[k].ref, &ents, NULL), 0);
        json_array_foreach(ents, i, e) {
            if (i)
                jaen_buf_adds(&got, "; ");
            sig(e, &got);
        }
        if (strcmp(got.ptr, cases[k].want)) {
            print_error("case %zu '%s':\n   got '%s'\n  want '%s'\n", k,
                        cases[k].in, got.ptr, cases[k].want);
            bad++;
        }
        json_decref(ents);
        jaen_buf_free(&got);
    }
    assert_int_equal(bad, 0);
}

/* Offsets are code points of the original text, across folding. */
static void test_offsets(void **state)
{
    const char *in = "ｶﾞｲﾄﾞ㈱は１２３件";  /* 5 + 1 + 1 then 123件 */
    json_t *ents = NULL, *e;
    (void)state;
    assert_int_equal(jaen_norm_scan(in, strlen(in), NULL, &ents, NULL), 0);
    assert_int_equal(json_array_size(ents), 1);
    e = json_array_get(ents, 0);
    assert_int_equal(json_integer_value(json_object_get(e, "start")), 7);
    assert_int_equal(json_integer_value(json_object_get(e, "end")), 11);
    assert_string_equal(json_string_value(json_object_get(e, "surface")),
                        "１２３件");
    assert_int_equal(json_integer_value(json_object_get(e, "value")), 123);
    json_decref(ents);
}

/* Key order and the full shape of one entity of each family. */
static void test_shape(void **state)
{
    const char *in = "約16万件、3月11日〜14日";
    json_t *ents = NULL;
    char *s;
    (void)state;
    assert_int_equal(jaen_norm_scan(in, strlen(in), "2025-07-11", &ents,
                                    NULL), 0);
    s = json_dumps(ents, JSON_COMPACT);
    assert_string_equal(s,
        "[{\"type\":\"quantity\",\"start\":0,\"end\":5,\"surface\":\"約16万件\","
        "\"value\":160000,\"unit\":\"件\",\"unit_en\":\"record\","
        "\"approx\":true,\"qualifier\":null},"
        "{\"type\":\"date_range\",\"start\":6,\"end\":15,"
        "\"surface\":\"3月11日〜14日\",\"from\":\"2025-03-11\","
        "\"to\":\"2025-03-14\",\"year_inferred\":true}]");
    free(s);
    json_decref(ents);
}

/* Large inputs stay linear: 100,000 digits, and a long run of kanji
 * numerals and separators. */
static void test_large(void **state)
{
    struct jaen_buf in;
    json_t *ents = NULL;
    size_t k;
    (void)state;
    jaen_buf_init(&in, 1 << 26);
    for (k = 0; k < 100000; k++)
        assert_int_equal(jaen_buf_addc(&in, (char)('1' + k % 9)), 0);
    assert_int_equal(jaen_buf_adds(&in, "件"), 0);
    assert_int_equal(jaen_norm_scan(in.ptr, in.len, NULL, &ents, NULL), 0);
    assert_int_equal(json_array_size(ents), 1);
    assert_int_equal(strlen(json_string_value(json_object_get(
        json_array_get(ents, 0), "value"))), 100000);
    assert_true(json_is_true(json_object_get(json_array_get(ents, 0),
                                             "value_overflow")));
    json_decref(ents);
    jaen_buf_reset(&in);
    for (k = 0; k < 50000; k++)
        assert_int_equal(jaen_buf_adds(&in, "1,"), 0);
    for (k = 0; k < 50000; k++)
        assert_int_equal(jaen_buf_adds(&in, "一二"), 0);
    for (k = 0; k < 20000; k++)
        assert_int_equal(jaen_buf_adds(&in, "1.2."), 0);
    assert_int_equal(jaen_norm_scan(in.ptr, in.len, NULL, &ents, NULL), 0);
    json_decref(ents);
    jaen_buf_free(&in);
}

/* Every allocation failure is JAEN_ENOMEM, with nothing leaked. */
static void test_oom(void **state)
{
    const char *in = "約16万件、3月11日〜14日、9999京円、1,234名（名寄せ前"
                     "1,500件）";
    long k;
    (void)state;
    for (k = 1; k < 200; k++) {
        json_t *ents = NULL;
        int rc;
        jaen_alloc_fail_at(k);
        rc = jaen_norm_scan(in, strlen(in), NULL, &ents, NULL);
        jaen_alloc_fail_at(0);
        if (rc == 0) {
            assert_int_equal(json_array_size(ents), 5);
            json_decref(ents);
            break;
        }
        assert_int_equal(rc, JAEN_ENOMEM);
        assert_null(ents);
    }
    assert_true(k < 200);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_offsets),
        cmocka_unit_test(test_shape),
        cmocka_unit_test(test_large),
        cmocka_unit_test(test_oom),
    };
    jaen_alloc_install_json();
    return cmocka_run_group_tests(tests, NULL, NULL);
}

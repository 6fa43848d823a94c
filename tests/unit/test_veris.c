/* test_veris.c: SHA-1 and UUIDv5 vectors, and the mapping of jaen.incident/1
 * records to VERIS 1.4.1: required fields, enumerations, data_disclosure
 * from おそれ, data varieties, victim, timeline and the cross-field rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "alloc.h"
#include "doc.h"
#include "veris.h"

static json_t *load(const char *s)
{
    json_error_t e;
    json_t *v = json_loads(s, 0, &e);
    if (!v)
        fail_msg("%s: %s", s, e.text);
    return v;
}

/* A record in the shape jaen record writes, with the given parts. */
static json_t *record(const char *types, const char *items,
                      const char *counts, const char *title,
                      const char *org, const char *detected)
{
    char buf[4096];
    int n = snprintf(buf, sizeof(buf),
        "{\"schema\":\"jaen.incident/1\",\"id\":\"corpus/2025/03/11_x.md\","
        "\"source\":{\"title\":{\"ja\":\"%s\",\"en\":null},"
        "\"organization\":{\"ja\":\"%s\",\"en\":null},"
        "\"published\":\"2025-03-11\",\"url\":\"https://example.jp/n\","
        "\"report_stage\":\"single\",\"related\":[]},"
        "\"incident\":{\"types\":%s,\"detected\":%s,\"cause\":null},"
        "\"impact\":{\"counts\":%s,\"data_items\":%s,"
        "\"secondary_damage\":null},"
        "\"response\":{\"implemented\":[],\"planned\":[]}}",
        title, org, types, detected, counts, items);
    assert_true(n > 0 && (size_t)n < sizeof(buf));
    return load(buf);
}

static json_t *build(json_t *rec, struct jaen_doc *doc)
{
    json_t *v = NULL;
    struct jaen_err err = {0};
    assert_int_equal(jaen_veris_build(rec, doc, &v, &err), JAEN_OK);
    assert_non_null(v);
    json_decref(rec);
    return v;
}

static const char *str_at(const json_t *v, const char *a, const char *b,
                          const char *c)
{
    v = json_object_get(v, a);
    if (b)
        v = json_object_get(v, b);
    if (c)
        v = json_object_get(v, c);
    if (json_is_array(v))
        v = json_array_get(v, 0);
    return json_string_value(v);
}

static void test_sha1_uuid(void **state)
{
    static const char *const want[] = {
        "a9993e364706816aba3e25717850c26c9cd0d89d",     /* "abc" */
        "da39a3ee5e6b4b0d3255bfef95601890afd80709",     /* "" */
        "84983e441c3bd26ebaae4aa1f95129e5e54670f1",     /* 448 bits */
    };
    const char *in[] = {
        "abc", "", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"};
    unsigned char md[20];
    char hex[41], uuid[37];
    int i, k;
    (void)state;

    for (k = 0; k < 3; k++) {
        jaen_veris_sha1(in[k], strlen(in[k]), md);
        for (i = 0; i < 20; i++)
            snprintf(hex + 2 * i, 3, "%02x", md[i]);
        assert_string_equal(hex, want[k]);
    }
    /* Python: uuid.uuid5(uuid.NAMESPACE_URL, ...) */
    jaen_veris_uuid5("python.org", 10, uuid);
    assert_string_equal(uuid, "7af94e2b-4dd9-50f0-9c9a-8a48519bdef0");
    jaen_veris_uuid5("jaen:incident:a.md", 18, uuid);
    assert_string_equal(uuid, "e0153b1d-2e24-54a2-8286-a8fca26009be");
}

static void test_required(void **state)
{
    static const char *const req[] = {
        "incident_id", "schema_version", "summary", "security_incident",
        "timeline", "actor", "action", "asset", "discovery_method",
        "victim", "attribute", "impact", "reference", NULL};
    json_t *v = build(record("[\"ransomware\",\"data_leak\"]",
                             "[\"name\",\"email\"]",
                             "[{\"value\":1200,\"unit\":\"person\"}]",
                             "ランサムウェア被害のお知らせ",
                             "株式会社サンプル", "\"2025-03-10\""), NULL);
    const char *const *k;
    const char *sum;
    (void)state;

    for (k = req; *k; k++)
        if (!json_object_get(v, *k))
            fail_msg("missing %s", *k);
    assert_string_equal(str_at(v, "schema_version", NULL, NULL), "1.4.1");
    assert_string_equal(str_at(v, "security_incident", NULL, NULL),
                        "Confirmed");
    assert_string_equal(str_at(v, "victim", "country", NULL), "JP");
    assert_string_equal(str_at(v, "victim", "employee_count", NULL),
                        "Unknown");
    assert_string_equal(str_at(v, "victim", "industry", NULL), "000");
    assert_string_equal(str_at(v, "victim", "government", NULL), "NA");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(
        json_object_get(v, "timeline"), "incident"), "day")), 10);
    assert_string_equal(str_at(v, "action", "malware", "variety"),
                        "Ransomware");
    assert_string_equal(str_at(v, "actor", "external", "motive"),
                        "Financial");
    /* cross-field: malware needs Software installation */
    assert_string_equal(str_at(v, "attribute", "integrity", "variety"),
                        "Software installation");
    assert_string_equal(str_at(v, "attribute", "availability", "variety"),
                        "Obscuration");
    assert_string_equal(str_at(v, "impact", "overall_rating", NULL),
                        "Unknown");
    assert_true(json_is_true(json_object_get(
        json_object_get(v, "discovery_method"), "unknown")));
    sum = str_at(v, "summary", NULL, NULL);
    assert_non_null(strstr(sum, "A ransomware infection and a data leak"));
    assert_non_null(strstr(sum, "names and email addresses"));
    assert_non_null(strstr(sum, "1200"));
    for (; *sum; sum++)         /* English: no Japanese in the summary */
        assert_true((unsigned char)*sum < 0x80);
    json_decref(v);
}

static void test_data(void **state)
{
    json_t *v = build(record("[\"unauthorized_access\",\"data_leak\"]",
                             "[\"name\",\"credit_card_number\","
                             "\"security_code\",\"password\","
                             "\"bank_account\",\"health_info\"]",
                             "[{\"value\":300,\"unit\":\"person\","
                             "\"subject\":{\"ja\":\"お客様\",\"en\":null}},"
                             "{\"value\":5000,\"unit\":\"record\"},"
                             "{\"value\":9000000,\"unit\":\"yen\"}]",
                             "個人情報漏えいのおそれに関するお知らせ",
                             "サンプル信用金庫", "null"), NULL);
    const json_t *c = json_object_get(json_object_get(v, "attribute"),
                                      "confidentiality");
    const json_t *data = json_object_get(c, "data");
    static const char *const want[] = {"Personal", "Payment",
                                       "Credentials", "Bank", "Medical"};
    size_t i;
    (void)state;

    /* no doc: the title's おそれ decides */
    assert_string_equal(str_at(c, "data_disclosure", NULL, NULL),
                        "Potentially");
    /* the largest count of people or records, not yen */
    assert_int_equal(json_integer_value(json_object_get(c, "data_total")),
                     5000);
    assert_int_equal(json_array_size(data), 5);
    for (i = 0; i < 5; i++)
        assert_string_equal(str_at(json_array_get(data, i), "variety", NULL,
                                   NULL), want[i]);
    /* several varieties: no amount is guessed for any of them */
    assert_null(json_object_get(json_array_get(data, 0), "amount"));
    assert_string_equal(str_at(c, "data_victim", NULL, NULL), "Customer");
    assert_string_equal(str_at(v, "victim", "industry", NULL), "522");
    /* no detection date: the publication date */
    assert_int_equal(json_integer_value(json_object_get(json_object_get(
        json_object_get(v, "timeline"), "incident"), "day")), 11);
    assert_string_equal(str_at(v, "action", "hacking", "variety"),
                        "Unknown");
    json_decref(v);
}

static void test_actions(void **state)
{
    json_t *v;
    const json_t *c;
    (void)state;

    v = build(record("[\"misdelivery\"]", "[\"email\"]",
                     "[{\"value\":12,\"unit\":\"person\"}]",
                     "メール誤送信について", "みどり野市", "null"), NULL);
    assert_string_equal(str_at(v, "action", "error", "variety"),
                        "Misdelivery");
    assert_string_equal(str_at(v, "actor", "internal", "motive"), "NA");
    assert_string_equal(str_at(v, "victim", "industry", NULL), "92");
    assert_string_equal(str_at(v, "victim", "government", NULL), "Local");
    c = json_object_get(json_object_get(v, "attribute"), "confidentiality");
    /* one variety: its amount is the total (data_total >= amount) */
    assert_int_equal(json_integer_value(json_object_get(
        json_array_get(json_object_get(c, "data"), 0), "amount")), 12);
    assert_string_equal(str_at(c, "data_disclosure", NULL, NULL), "Unknown");
    json_decref(v);

    v = build(record("[\"phishing\"]", "[]", "[]",
                     "フィッシングメールにご注意ください", "サンプル大学",
                     "null"), NULL);
    assert_string_equal(str_at(v, "action", "social", "variety"),
                        "Phishing");
    assert_string_equal(str_at(v, "action", "social", "vector"), "Email");
    assert_string_equal(str_at(v, "action", "social", "target"), "Unknown");
    assert_string_equal(str_at(v, "attribute", "integrity", "variety"),
                        "Alter behavior");
    assert_string_equal(str_at(v, "victim", "industry", NULL), "611");
    /* no data: no data section, only the disclosure */
    assert_null(json_object_get(json_object_get(json_object_get(
        v, "attribute"), "confidentiality"), "data"));
    json_decref(v);

    v = build(record("[\"loss_theft\"]", "[]", "[]", "PC盗難のお知らせ",
                     "サンプル病院", "null"), NULL);
    assert_string_equal(str_at(v, "action", "physical", "variety"),
                        "Theft");
    assert_string_equal(str_at(v, "victim", "industry", NULL), "622");
    json_decref(v);
    v = build(record("[\"loss_theft\"]", "[]", "[]", "書類紛失のお知らせ",
                     "", "null"), NULL);
    assert_string_equal(str_at(v, "action", "error", "variety"), "Loss");
    json_decref(v);

    v = build(record("[\"insider\"]", "[]", "[]", "元従業員による持ち出し",
                     "", "null"), NULL);
    /* misuse needs an internal actor */
    assert_string_equal(str_at(v, "action", "misuse", "variety"), "Unknown");
    assert_non_null(json_object_get(json_object_get(v, "actor"),
                                    "internal"));
    json_decref(v);

    v = build(record("[]", "[]", "[]", "お知らせ", "", "null"), NULL);
    assert_string_equal(str_at(v, "security_incident", NULL, NULL),
                        "Suspected");
    assert_non_null(str_at(v, "action", "unknown", "notes"));
    assert_non_null(str_at(v, "actor", "unknown", "notes"));
    json_decref(v);

    v = build(record("[\"unauthorized_access\"]", "[]", "[]",
                     "VPN機器の脆弱性を悪用した不正アクセス", "", "null"),
              NULL);
    assert_string_equal(str_at(v, "action", "hacking", "variety"),
                        "Exploit vuln");
    assert_string_equal(str_at(v, "action", "hacking", "vector"), "VPN");
    json_decref(v);
}

/* With the document: sentences decide disclosure and discovery; terms give
 * the assets. */
static void test_doc(void **state)
{
    static const char line[] =
        "{\"id\":\"a.md\",\"text\":\"当社サーバーに不正アクセスがありました。"
        "警察から連絡を受け発覚しました。顧客情報が流出したことが判明しました。"
        "クレジットカード情報が漏えいした可能性があります。\","
        "\"sentences\":[{\"start\":0,\"end\":20,\"tokens\":[]},"
        "{\"start\":20,\"end\":36,\"tokens\":[]},"
        "{\"start\":36,\"end\":55,\"tokens\":[]},"
        "{\"start\":55,\"end\":80,\"tokens\":[]}],"
        "\"terms\":[{\"start\":0,\"end\":6,\"ja\":\"当社サーバー\","
        "\"en\":\"our server\",\"concept\":\"system.server\","
        "\"entry\":\"当社サーバー\"},{\"start\":0,\"end\":1,\"ja\":\"x\","
        "\"en\":\"email\",\"concept\":\"system.email\","
        "\"entry\":\"電子メール\"},{\"start\":0,\"end\":1,\"ja\":\"x\","
        "\"en\":\"AWS\",\"concept\":\"system.cloud\",\"entry\":\"AWS\"}]}";
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_err err = {0};
    struct jaen_buf b;
    json_t *v, *again;
    const json_t *assets;
    (void)state;

    assert_non_null(doc);
    assert_int_equal(jaen_doc_parse(doc, line, strlen(line), &err), 0);
    v = build(record("[\"unauthorized_access\",\"data_leak\"]", "[\"name\"]",
                     "[]", "", "", "null"), doc);
    /* a leak stated as done outweighs a possible one */
    assert_string_equal(str_at(v, "attribute", "confidentiality",
                               "data_disclosure"), "Yes");
    assert_string_equal(str_at(v, "discovery_method", "external", "variety"),
                        "Law enforcement");
    assets = json_object_get(json_object_get(v, "asset"), "assets");
    /* 電子メール names a channel, not an asset */
    assert_int_equal(json_array_size(assets), 1);
    assert_string_equal(str_at(json_array_get(assets, 0), "variety", NULL,
                               NULL), "S - Unknown");
    assert_string_equal(str_at(v, "asset", "cloud", NULL),
                        "External Cloud Asset(s)");
    /* deterministic: the same record gives the same id and bytes */
    again = build(record("[\"unauthorized_access\",\"data_leak\"]",
                         "[\"name\"]", "[]", "", "", "null"), doc);
    assert_true(json_equal(v, again));
    json_decref(again);
    json_decref(v);

    /* the error record of a failed document is passed on as it is */
    jaen_buf_init(&b, 1 << 20);
    assert_int_equal(jaen_doc_set_error(doc, "gloss", &(struct jaen_err){
        .code = JAEN_EDATA, .msg = "bad"}), 0);
    assert_int_equal(jaen_veris_write(NULL, doc, &b, &err), 0);
    assert_non_null(strstr(b.ptr, "\"schema\":\"jaen.incident/1\""));
    assert_non_null(strstr(b.ptr, "\"error\""));
    assert_int_equal(b.ptr[b.len - 1], '\n');
    jaen_buf_free(&b);
    jaen_doc_free(doc);
}

static void test_bad(void **state)
{
    json_t *v = NULL, *rec = load("{\"schema\":\"jaen.incident/1\","
                                  "\"id\":\"x\",\"error\":{}}");
    struct jaen_err err = {0};
    (void)state;

    assert_int_equal(jaen_veris_build(rec, NULL, &v, &err), JAEN_EDATA);
    assert_null(v);
    json_decref(rec);
    rec = load("[1]");
    assert_int_equal(jaen_veris_build(rec, NULL, &v, NULL), JAEN_EDATA);
    json_decref(rec);
}

/* Every allocation failure gives JAEN_ENOMEM (or success), never a crash or
 * a half-built record. */
static void test_oom(void **state)
{
    json_t *rec = record("[\"ransomware\",\"phishing\"]", "[\"name\"]",
                         "[{\"value\":3,\"unit\":\"person\"}]", "おそれ",
                         "", "null");
    json_t *v;
    long n;
    int rc;
    (void)state;

    jaen_alloc_install_json();
    for (n = 1; n < 400; n++) {
        v = NULL;
        jaen_alloc_fail_at(n);
        rc = jaen_veris_build(rec, NULL, &v, NULL);
        jaen_alloc_fail_at(0);
        if (rc == 0) {
            assert_non_null(json_object_get(v, "attribute"));
            assert_non_null(json_object_get(v, "summary"));
            assert_non_null(json_object_get(v, "actor"));
            json_decref(v);
        } else {
            assert_int_equal(rc, JAEN_ENOMEM);
            assert_null(v);
        }
    }
    json_decref(rec);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha1_uuid), cmocka_unit_test(test_required),
        cmocka_unit_test(test_data),      cmocka_unit_test(test_actions),
        cmocka_unit_test(test_doc),       cmocka_unit_test(test_bad),
        cmocka_unit_test(test_oom),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

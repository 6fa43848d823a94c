/* test_phrase.c: slots, phrase keys, filling templates, and the English
 * renderings of english.h that filling uses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "alloc.h"
#include "english.h"
#include "phrase.h"

static void test_check(void **state)
{
    char why[128];
    (void)state;
    assert_int_equal(jaen_phrase_check("{date}に確認", "On {date}.", why,
                                       sizeof(why)), 0);
    assert_int_equal(jaen_phrase_check("{date}〜{date2}、{quantity}",
                                       "{quantity} from {date} to {date2}",
                                       why, sizeof(why)), 0);
    assert_int_equal(jaen_phrase_check("{date}", "x", why, sizeof(why)),
                     JAEN_EDATA);
    assert_string_equal(why, "{date} is in the Japanese only");
    assert_int_equal(jaen_phrase_check("{date2}{date}", "{date}{date2}", why,
                                       sizeof(why)), JAEN_EDATA);
    assert_int_equal(jaen_phrase_check("{money}", "{percent}", why,
                                       sizeof(why)), JAEN_EDATA);
    assert_int_equal(jaen_phrase_check("{foo}", "{foo}", why, sizeof(why)),
                     JAEN_EDATA);
    assert_string_equal(why, "unknown slot {foo}");
    /* braces that are no slot are text */
    assert_int_equal(jaen_phrase_check("{ }", "{", why, sizeof(why)), 0);
    assert_int_equal(jaen_phrase_has_slot("a{date}"), 1);
    assert_int_equal(jaen_phrase_has_slot("a{ date}"), 0);
}

static void test_key(void **state)
{
    struct jaen_buf b;
    const char *s = " 現時点で　二次被害は\t確認\xC2\xA0されて\r\nいません。 ";
    (void)state;
    jaen_buf_init(&b, 1 << 20);
    assert_int_equal(jaen_phrase_key_add(&b, s, strlen(s)), 0);
    assert_string_equal(b.ptr, "現時点で二次被害は確認されていません。");
    assert_int_equal(jaen_phrase_space_at("\xE3\x80\x80", 3), 3);
    assert_int_equal(jaen_phrase_space_at("\xE3\x80\x81", 3), 0);  /* 、 */
    assert_int_equal(jaen_phrase_space_at("\xE2\x80\xAF", 3), 3);
    assert_int_equal(jaen_phrase_space_at("\xE2\x80\x8B", 3), 0);  /* ZWSP */
    jaen_buf_free(&b);
}

static json_t *ents(const char *json)
{
    json_error_t e;
    json_t *v = json_loads(json, 0, &e);
    if (!v)
        fail_msg("%s: %s", json, e.text);
    return v;
}

static void test_collect_fill(void **state)
{
    json_t *e = ents(
        "[{\"type\":\"quantity\",\"start\":20,\"end\":26,\"value\":4142,"
        "\"unit_en\":\"record\",\"approx\":true},"
        "{\"type\":\"date\",\"start\":0,\"end\":9,\"value\":\"2025-03-11\"},"
        "{\"type\":\"number\",\"start\":20,\"end\":24,\"value\":4142},"
        "{\"type\":\"date\",\"start\":30,\"end\":35,\"value\":\"2025-04\"},"
        "{\"type\":\"weird\",\"start\":40,\"end\":41}]");
    struct jaen_phrase_slot *s;
    struct jaen_buf b;
    size_t n;
    (void)state;

    jaen_buf_init(&b, 1 << 20);
    assert_int_equal(jaen_phrase_collect(e, &s, &n), 0);
    assert_int_equal(n, 3);             /* the inner number is dropped */
    jaen_phrase_name(s, n);
    assert_string_equal(s[0].name, "{date}");
    assert_string_equal(s[1].name, "{quantity}");
    assert_string_equal(s[2].name, "{date2}");
    assert_int_equal(jaen_phrase_fill("On {date}, {quantity} leaked; "
                                      "checked in {date2}.", s, n, &b, NULL),
                     0);
    assert_string_equal(b.ptr, "On March 11, 2025, about 4,142 records "
                        "leaked; checked in April 2025.");
    jaen_buf_reset(&b);
    assert_int_equal(jaen_phrase_fill("{money}", s, n, &b, NULL),
                     JAEN_EDATA);
    jaen_free(s);
    json_decref(e);
    jaen_buf_free(&b);
}

/* The raw path gives the same slots and English as the jansson one,
 * and skips what is not a slot (bad type, string offsets, empty span). */
static void test_collect_raw(void **state)
{
    const char *raw =
        "[ {\"type\":\"quantity\",\"start\":20,\"end\":26,\"value\":4142,"
        "\"unit_en\":\"record\",\"approx\":true},"
        "{\"start\":0,\"t\\u0079pes\":\"nested\",\"end\":9,\"type\":\"d\\u0061te\","
        "\"value\":\"2025-03-11\",\"x\":{\"type\":\"money\"}},"
        "{\"type\":\"number\",\"start\":20,\"end\":24,\"value\":4142},"
        "{\"type\":\"date\",\"start\":30,\"end\":35,\"value\":\"2025-04\"},"
        "{\"type\":\"time\",\"start\":\"36\",\"end\":38},"
        "{\"type\":\"time\",\"start\":39,\"end\":39},"
        "{\"type\":\"weird\",\"start\":40,\"end\":41}, 7 ]";
    json_t *e = ents(raw);
    struct jaen_phrase_slot *s, *r;
    struct jaen_buf b1, b2;
    size_t n, m, i;
    const char *tmpl = "On {date}, {quantity} leaked; checked in {date2}.";
    (void)state;

    jaen_buf_init(&b1, 1 << 20);
    jaen_buf_init(&b2, 1 << 20);
    assert_int_equal(jaen_phrase_collect(e, &s, &n), 0);
    assert_int_equal(jaen_phrase_collect_raw(raw, strlen(raw), &r, &m), 0);
    assert_int_equal(n, 3);
    assert_int_equal(m, n);
    jaen_phrase_name(s, n);
    jaen_phrase_name(r, m);
    for (i = 0; i < n; i++) {
        assert_int_equal(r[i].start, s[i].start);
        assert_int_equal(r[i].end, s[i].end);
        assert_string_equal(r[i].name, s[i].name);
        assert_null(r[i].entity);
    }
    assert_int_equal(jaen_phrase_fill(tmpl, s, n, &b1, NULL), 0);
    assert_int_equal(jaen_phrase_fill(tmpl, r, m, &b2, NULL), 0);
    assert_string_equal(b2.ptr, b1.ptr);
    jaen_free(s);
    jaen_free(r);
    assert_int_equal(jaen_phrase_collect_raw("{}", 2, &r, &m), 0);
    assert_int_equal(m, 0);
    jaen_free(r);
    json_decref(e);
    jaen_buf_free(&b1);
    jaen_buf_free(&b2);
}

static void en(const char *entity, const char *want)
{
    json_t *e = ents(entity);
    struct jaen_buf b;

    jaen_buf_init(&b, 1 << 20);
    if (jaen_en_entity(&b, e) != JAEN_OK || strcmp(b.ptr ? b.ptr : "", want))
        fail_msg("%s: got \"%s\", want \"%s\"", entity, b.ptr ? b.ptr : "",
                 want);
    jaen_buf_free(&b);
    json_decref(e);
}

static void test_english(void **state)
{
    struct jaen_buf b;
    json_t *e;
    (void)state;
    en("{\"type\":\"date\",\"value\":\"2025-03-11\"}", "March 11, 2025");
    en("{\"type\":\"date\",\"value\":\"2025-03\"}", "March 2025");
    en("{\"type\":\"date\",\"value\":\"2025\"}", "2025");
    en("{\"type\":\"date\",\"value\":\"2026-02-13\",\"datetime\":"
       "\"2026-02-13T22:00\"}", "February 13, 2026, 22:00");
    en("{\"type\":\"time\",\"value\":\"09:30\"}", "09:30");
    en("{\"type\":\"date_range\",\"from\":\"2025-03-11\",\"to\":"
       "\"2025-03-14\"}", "March 11 to 14, 2025");
    en("{\"type\":\"date_range\",\"from\":\"2025-03-11\",\"to\":"
       "\"2025-04-02\"}", "March 11 to April 2, 2025");
    en("{\"type\":\"date_range\",\"from\":\"2024-12\",\"to\":\"2025-01\"}",
       "December 2024 to January 2025");
    en("{\"type\":\"date_range\",\"from\":\"2025-03-11\"}",
       "from March 11, 2025");
    en("{\"type\":\"date_range\",\"from\":\"09:00\",\"to\":\"18:00\"}",
       "09:00 to 18:00");
    en("{\"type\":\"quantity\",\"value\":4142,\"unit_en\":\"record\"}",
       "4,142 records");
    en("{\"type\":\"quantity\",\"value\":1,\"unit_en\":\"person\"}",
       "1 person");
    en("{\"type\":\"quantity\",\"value\":2,\"unit_en\":\"person\"}",
       "2 people");
    en("{\"type\":\"quantity\",\"value\":3,\"unit_en\":\"company\"}",
       "3 companies");
    en("{\"type\":\"quantity\",\"value\":160000,\"unit_en\":\"record\","
       "\"approx\":true}", "about 160,000 records");
    en("{\"type\":\"quantity\",\"value\":500,\"unit_en\":\"record\","
       "\"qualifier\":\"max\"}", "up to 500 records");
    en("{\"type\":\"quantity\",\"value\":10,\"unit_en\":\"person\","
       "\"qualifier\":\"min\"}", "at least 10 people");
    en("{\"type\":\"quantity\",\"value\":10,\"unit_en\":\"item\","
       "\"qualifier\":\"over\"}", "more than 10 items");
    en("{\"type\":\"quantity\",\"value\":10,\"unit_en\":\"item\","
       "\"qualifier\":\"under\"}", "fewer than 10 items");
    en("{\"type\":\"quantity\",\"value\":null,\"approx\":true,\"surface\":"
       "\"数十件\",\"unit_en\":\"record\"}", "dozens of records");
    en("{\"type\":\"quantity\",\"value\":\"99990000000000000000\","
       "\"unit_en\":\"record\"}", "99,990,000,000,000,000,000 records");
    en("{\"type\":\"money\",\"value\":1000,\"unit_en\":\"yen\"}", "¥1,000");
    en("{\"type\":\"money\",\"value\":120000000,\"unit\":\"円\"}",
       "¥120,000,000");
    en("{\"type\":\"percent\",\"value\":12.5}", "12.5%");
    en("{\"type\":\"number\",\"value\":1234567}", "1,234,567");
    en("{\"type\":\"duration\",\"iso\":\"PT1H30M\"}", "1 hour 30 minutes");
    en("{\"type\":\"duration\",\"iso\":\"P40D\"}", "40 days");
    en("{\"type\":\"duration\",\"value\":3,\"unit_en\":\"month\"}",
       "3 months");
    jaen_buf_init(&b, 1 << 20);
    e = ents("{\"type\":\"date\",\"value\":\"2025-13-45\"}");
    assert_int_equal(jaen_en_entity(&b, e), JAEN_EDATA);
    json_decref(e);
    assert_int_equal(jaen_en_digits(&b, "12a"), JAEN_EDATA);
    jaen_buf_reset(&b);
    assert_int_equal(jaen_en_plural(&b, "box"), 0);
    assert_string_equal(b.ptr, "boxes");
    jaen_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_check),
        cmocka_unit_test(test_key),
        cmocka_unit_test(test_collect_fill),
        cmocka_unit_test(test_collect_raw),
        cmocka_unit_test(test_english),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

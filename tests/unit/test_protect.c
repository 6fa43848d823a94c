/* test_protect.c: placeholders for terms and values, and their English. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "alloc.h"
#include "buf.h"
#include "english.h"
#include "err.h"
#include "protect.h"

/* 当社の不正アクセスにより約16万件 (code points 0..14) */
static const char *ja = "当社の不正アクセスにより約16万件";

static void protect_xml_replaces_and_escapes(void **state)
{
    struct jaen_prot_span sp[] = {
        { 12, 17, "approximately 160,000 records" },
        { 3, 9, "unauthorized access" },
    };
    const char *src = "A&B<当社の不正アクセスにより約16万件>";
    struct jaen_prot_span sp2[] = { { 7, 13, "R&D <x>" } };
    struct jaen_prot p;

    (void)state;
    jaen_prot_init(&p);
    assert_int_equal(jaen_protect(ja, strlen(ja), sp, 2, JAEN_PROT_XML, &p,
                                  NULL), JAEN_OK);
    assert_int_equal(p.n, 2);
    assert_string_equal(p.text.ptr,
                        "当社の<x id=\"1\">unauthorized access</x>により"
                        "<x id=\"2\">approximately 160,000 records</x>");
    assert_string_equal(p.en[0], "unauthorized access");
    assert_non_null(strstr(p.hints.ptr, "[[2]] = approximately"));
    /* The key carries the English of each placeholder too. */
    assert_non_null(strstr(p.key.ptr, "\x1f" "1=unauthorized access"));

    assert_int_equal(jaen_protect(src, strlen(src), sp2, 1, JAEN_PROT_XML,
                                  &p, NULL), JAEN_OK);
    assert_string_equal(p.text.ptr,
                        "A&amp;B&lt;当社の<x id=\"1\">R&amp;D &lt;x&gt;</x>"
                        "により約16万件&gt;");
    jaen_prot_free(&p);
}

static void protect_token_overlaps_and_bounds(void **state)
{
    struct jaen_prot_span sp[] = {
        { 3, 7, "unauthorized" },        /* overlaps the longer one */
        { 3, 9, "unauthorized access" }, /* earliest-longest wins */
        { 5, 11, "x" },                  /* overlaps: dropped */
        { 12, 99, "beyond" },            /* past the end: dropped */
        { 2, 2, "empty" },               /* empty: dropped */
        { 0, 2, "" },                    /* no English: dropped */
    };
    struct jaen_prot p;

    (void)state;
    jaen_prot_init(&p);
    assert_int_equal(jaen_protect(ja, strlen(ja), sp, 6, JAEN_PROT_TOKEN,
                                  &p, NULL), JAEN_OK);
    assert_int_equal(p.n, 1);
    assert_string_equal(p.text.ptr, "当社の[[1]]により約16万件");
    jaen_prot_free(&p);
    assert_int_equal(jaen_protect("", 0, NULL, 0, JAEN_PROT_TOKEN, &p, NULL),
                     JAEN_OK);
    assert_int_equal(p.text.len, 0);
    jaen_prot_free(&p);
}

static void restore_reordered_xml(void **state)
{
    struct jaen_prot_span sp[] = {
        { 3, 9, "unauthorized access" },
        { 12, 17, "approximately 160,000 records" },
    };
    struct jaen_prot p;
    struct jaen_buf out;
    struct jaen_err err;
    const char *mt = "  <x id=\"2\">approximately 160,000 records</x> were "
                     "exposed by <x id='1'/> &amp; &lt;more&gt; &#x41;&#66; ";

    (void)state;
    jaen_prot_init(&p);
    jaen_buf_init(&out, 1 << 20);
    jaen_err_clear(&err);
    assert_int_equal(jaen_protect(ja, strlen(ja), sp, 2, JAEN_PROT_XML, &p,
                                  NULL), JAEN_OK);
    assert_int_equal(jaen_restore(mt, strlen(mt), &p, JAEN_PROT_XML, &out,
                                  &err), JAEN_OK);
    assert_string_equal(out.ptr, "approximately 160,000 records were "
                                 "exposed by unauthorized access & <more> AB");
    jaen_buf_free(&out);
    jaen_prot_free(&p);
}

static void restore_failures(void **state)
{
    struct jaen_prot_span sp[] = {
        { 3, 9, "unauthorized access" },
        { 12, 17, "160,000 records" },
    };
    struct jaen_prot p, q;
    struct jaen_buf out;
    struct jaen_err err;
    static const char *bad_xml[] = {
        "<x id=\"1\">u</x> only one",       /* 2 dropped */
        "<x id=\"1\"/> <x id=\"3\"/> <x id=\"2\"/>",  /* unknown id */
        "<x id=\"1\"/> <b>bold</b> <x id=\"2\"/>",   /* stray tag */
        "<x id=\"1\">unclosed <x id=\"2\"/>",
    };
    size_t i;

    (void)state;
    jaen_prot_init(&p);
    jaen_prot_init(&q);
    jaen_buf_init(&out, 1 << 20);
    assert_int_equal(jaen_protect(ja, strlen(ja), sp, 2, JAEN_PROT_XML, &p,
                                  NULL), JAEN_OK);
    for (i = 0; i < sizeof(bad_xml) / sizeof(bad_xml[0]); i++) {
        jaen_err_clear(&err);
        assert_int_equal(jaen_restore(bad_xml[i], strlen(bad_xml[i]), &p,
                                      JAEN_PROT_XML, &out, &err),
                         JAEN_EDATA);
        assert_int_equal(out.len, 0);   /* nothing half-written */
        assert_true(err.msg[0] != '\0');
    }
    assert_int_equal(jaen_protect(ja, strlen(ja), sp, 2, JAEN_PROT_TOKEN,
                                  &q, NULL), JAEN_OK);
    jaen_err_clear(&err);
    assert_int_equal(jaen_restore("[[1]] and [[ 2 ]], again [[2]]", 30, &q,
                                  JAEN_PROT_TOKEN, &out, &err), JAEN_OK);
    assert_string_equal(out.ptr, "unauthorized access and 160,000 records, "
                                 "again 160,000 records");
    jaen_buf_reset(&out);
    jaen_err_clear(&err);
    assert_int_equal(jaen_restore("[[1]] and [2]", 13, &q, JAEN_PROT_TOKEN,
                                  &out, &err), JAEN_EDATA);
    assert_non_null(strstr(err.msg, "placeholder 2"));
    jaen_buf_free(&out);
    jaen_prot_free(&p);
    jaen_prot_free(&q);
}

/* Entities render through english.h: the same words as the record and
 * gloss's phrase slots.  Unrenderable ones are left to the engine. */
static const char *const ents[] = {
    "{\"type\":\"quantity\",\"value\":160000,\"unit\":\"件\","
    "\"unit_en\":\"record\",\"approx\":true}",
    "{\"type\":\"quantity\",\"value\":\"99990000000000000000\","
    "\"unit_en\":\"record\"}",
    "{\"type\":\"money\",\"value\":120000000,\"unit_en\":\"yen\"}",
    "{\"type\":\"percent\",\"value\":12.5}",
    "{\"type\":\"date\",\"value\":\"2025-03-11\"}",
    "{\"type\":\"date_range\",\"from\":\"2025-03-11\","
    "\"to\":\"2025-03-14\"}",
    "{\"type\":\"duration\",\"iso\":\"P40D\"}",
    "{\"type\":\"date\",\"value\":\"not a date\"}",
    "{\"type\":\"unknown\",\"value\":1}",
    "{\"value\":1}",
};

static void entity_english(void **state)
{
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(ents) / sizeof(ents[0]); i++) {
        json_error_t je;
        json_t *e = json_loads(ents[i], 0, &je);
        struct jaen_buf b, want;
        int rc, wrc;

        assert_non_null(e);
        jaen_buf_init(&b, 4096);
        jaen_buf_init(&want, 4096);
        assert_int_equal(jaen_buf_adds(&b, "keep:"), JAEN_OK);
        rc = jaen_protect_entity_en(e, &b);
        wrc = jaen_en_entity(&want, e);
        if (wrc == JAEN_OK) {
            assert_int_equal(rc, 1);
            assert_string_equal(b.ptr + 5, want.ptr);
        } else {
            assert_int_equal(rc, 0);
            assert_string_equal(b.ptr, "keep:");   /* untouched */
        }
        jaen_buf_free(&b);
        jaen_buf_free(&want);
        json_decref(e);
    }
    /* What english.h leaves out is still kept. */
    {
        static const char *const more[][2] = {
            { "{\"type\":\"date_range\",\"to\":\"2024-12-26T23:59\"}",
              "until December 26, 2024, 23:59" },
            { "{\"type\":\"duration\",\"value\":null,\"unit_en\":\"24/7\","
              "\"iso\":\"24/7\"}", "24/7" },
            { "{\"type\":\"date_range\",\"to\":\"soon\"}", NULL },
        };
        for (i = 0; i < 3; i++) {
            json_t *e = json_loads(more[i][0], 0, NULL);
            struct jaen_buf b;
            jaen_buf_init(&b, 4096);
            assert_int_equal(jaen_protect_entity_en(e, &b), more[i][1] != NULL);
            if (more[i][1])
                assert_string_equal(b.ptr, more[i][1]);
            else
                assert_int_equal(b.len, 0);
            jaen_buf_free(&b);
            json_decref(e);
        }
    }
    /* Spot checks of what a sentence will carry. */
    {
        json_t *e = json_loads(ents[0], 0, NULL);
        struct jaen_buf b;
        jaen_buf_init(&b, 4096);
        assert_int_equal(jaen_protect_entity_en(e, &b), 1);
        assert_non_null(strstr(b.ptr, "160,000 records"));
        jaen_buf_free(&b);
        json_decref(e);
    }
}

/* Every allocation failure gives JAEN_ENOMEM and no crash. */
static void protect_oom(void **state)
{
    struct jaen_prot_span sp[] = {
        { 3, 9, "unauthorized access" },
        { 12, 17, "160,000 records" },
    };
    struct jaen_prot p;
    struct jaen_buf out;
    long n;
    int rc;

    (void)state;
    for (n = 1; n < 60; n++) {
        jaen_prot_init(&p);
        jaen_buf_init(&out, 4096);
        jaen_alloc_fail_at(n);
        rc = jaen_protect(ja, strlen(ja), sp, 2, JAEN_PROT_TOKEN, &p, NULL);
        if (!rc)
            rc = jaen_restore("[[2]] [[1]]", 11, &p, JAEN_PROT_TOKEN, &out,
                              NULL);
        jaen_alloc_fail_at(0);
        assert_true(rc == JAEN_OK || rc == JAEN_ENOMEM);
        if (!rc)
            assert_string_equal(out.ptr,
                                "160,000 records unauthorized access");
        jaen_prot_free(&p);
        jaen_buf_free(&out);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(protect_xml_replaces_and_escapes),
        cmocka_unit_test(protect_token_overlaps_and_bounds),
        cmocka_unit_test(restore_reordered_xml),
        cmocka_unit_test(restore_failures),
        cmocka_unit_test(entity_english),
        cmocka_unit_test(protect_oom),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

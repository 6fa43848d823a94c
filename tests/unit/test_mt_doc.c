/* test_mt_doc.c: the per-document translator without a network: fixed
 * phrases, the translation memory (--offline), per-sentence errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "alloc.h"
#include "doc.h"
#include "err.h"
#include "mt.h"
#include "tm.h"

static const char rec[] =
    "{\"id\":\"t\",\"text\":\"不正アクセスを確認しました。\\n"
    "お詫び申し上げます。\\n未知の文です。\","
    "\"sentences\":[{\"start\":0,\"end\":14},"
    "{\"start\":15,\"end\":25,\"phrase\":{\"concept\":\"phrase.apology\","
    "\"en\":\"We apologize.\"}},{\"start\":26,\"end\":33}]}";

static char dir[256], path[400];

static int setup(void **state)
{
    struct jaen_tm *tm;
    struct jaen_tm_keyparts kp = { "deepl", "", "ja", "en", "", "", 0 };
    unsigned char key[32], skey[32];
    const char *src = "不正アクセスを確認しました。";

    (void)state;
    snprintf(dir, sizeof(dir), "%s/test_mt_doc.XXXXXX", JAEN_BINARY_DIR);
    if (!mkdtemp(dir))
        return -1;
    snprintf(path, sizeof(path), "%s/tm.sqlite", dir);
    if (jaen_tm_open(&tm, path, NULL))
        return -1;
    /* What an earlier online run stored: found offline by its source. */
    memset(key, 7, sizeof(key));
    jaen_tm_skey(&kp, src, strlen(src), skey);
    if (jaen_tm_put(tm, key, skey, &kp, src,
                    "We confirmed unauthorized access.", NULL))
        return -1;
    jaen_tm_close(tm);
    return 0;
}

static int teardown(void **state)
{
    char cmd[400];

    (void)state;
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void open_offline(struct jaen_mt **mt)
{
    struct jaen_mt_conf conf;

    memset(&conf, 0, sizeof(conf));
    jaen_http_opts_default(&conf.http);
    conf.cache_path = path;
    conf.offline = 1;
    assert_int_equal(jaen_mt_open(mt, &conf, NULL), JAEN_OK);
}

static void phrase_tm_and_error(void **state)
{
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_mt *mt;
    struct jaen_mt_stats st;
    struct jaen_err err;
    struct jaen_buf out;

    (void)state;
    open_offline(&mt);
    assert_non_null(doc);
    assert_int_equal(jaen_doc_parse(doc, rec, strlen(rec), NULL), JAEN_OK);
    jaen_err_clear(&err);
    assert_int_equal(jaen_mt_translate_doc(mt, doc, &err), JAEN_EPARTIAL);
    assert_non_null(strstr(err.msg, "1 of 3 sentences"));
    jaen_buf_init(&out, 1 << 20);
    assert_int_equal(jaen_doc_write(doc, &out, NULL), JAEN_OK);
    assert_non_null(strstr(out.ptr, "\"en\":\"We confirmed unauthorized "
                                    "access.\",\"en_source\":\"tm\""));
    assert_non_null(strstr(out.ptr, "\"en\":\"We apologize.\","
                                    "\"en_source\":\"phrase\""));
    assert_non_null(strstr(out.ptr, "\"error\":\"not in the translation "
                                    "memory (offline run)\""));
    /* The Japanese is kept. */
    assert_non_null(strstr(out.ptr, "未知の文です。"));
    jaen_mt_get_stats(mt, &st);
    assert_int_equal(st.sentences, 3);
    assert_int_equal(st.phrase, 1);
    assert_int_equal(st.tm_hits, 1);
    assert_int_equal(st.failed, 1);
    assert_int_equal(st.requests, 0);
    assert_null(jaen_mt_fatal(mt));
    jaen_buf_free(&out);
    jaen_doc_free(doc);
    jaen_mt_close(mt);
}

static void bad_offsets_and_no_sentences(void **state)
{
    static const char outside[] =
        "{\"id\":\"x\",\"text\":\"短い\",\"sentences\":[{\"start\":0,"
        "\"end\":9}]}";
    static const char none[] = "{\"id\":\"y\",\"text\":\"短い\"}";
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_mt *mt;
    struct jaen_err err;

    (void)state;
    open_offline(&mt);
    assert_int_equal(jaen_doc_parse(doc, outside, strlen(outside), NULL),
                     JAEN_OK);
    jaen_err_clear(&err);
    assert_int_equal(jaen_mt_translate_doc(mt, doc, &err), JAEN_EDATA);
    assert_non_null(strstr(err.msg, "outside the text"));
    assert_int_equal(jaen_doc_parse(doc, none, strlen(none), NULL), JAEN_OK);
    assert_int_equal(jaen_mt_translate_doc(mt, doc, NULL), JAEN_OK);
    jaen_doc_free(doc);
    jaen_mt_close(mt);
}

static void setup_needs_an_engine(void **state)
{
    struct jaen_mt_args a;
    struct jaen_mt_setup s;
    struct jaen_err err;

    (void)state;
    memset(&a, 0, sizeof(a));
    setenv("HOME", dir, 1);
    unsetenv("XDG_CONFIG_HOME");
    unsetenv("DEEPL_AUTH_KEY");
    unsetenv("OPENAI_API_KEY");
    unsetenv("LIBRETRANSLATE_API_KEY");
    jaen_err_clear(&err);
    assert_int_equal(jaen_mt_setup(&s, &a, &err), JAEN_EUSAGE);
    assert_non_null(strstr(err.msg, "DEEPL_AUTH_KEY"));
    jaen_mt_setup_free(&s);
    a.engine = "deepl";
    jaen_err_clear(&err);
    assert_int_equal(jaen_mt_setup(&s, &a, &err), JAEN_EUSAGE);
    assert_non_null(strstr(err.msg, "deepl needs an API key"));
    jaen_mt_setup_free(&s);
    a.engine = "libre";
    a.endpoint = "http://127.0.0.1:5000";
    assert_int_equal(jaen_mt_setup(&s, &a, NULL), JAEN_OK);
    assert_null(s.conf.key);
    assert_non_null(strstr(s.cache, "/.cache/jaen/tm.sqlite"));
    jaen_mt_setup_free(&s);
    a.engine = "bing";
    assert_int_equal(jaen_mt_setup(&s, &a, NULL), JAEN_EUSAGE);
    jaen_mt_setup_free(&s);
    a.engine = NULL;
    setenv("OPENAI_API_KEY", "sk-x", 1);
    assert_int_equal(jaen_mt_setup(&s, &a, NULL), JAEN_OK);
    assert_string_equal(s.conf.backend->name, "openai");
    assert_string_equal(s.key_from, "the environment");
    jaen_mt_setup_free(&s);
    unsetenv("OPENAI_API_KEY");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(phrase_tm_and_error),
        cmocka_unit_test(bad_offsets_and_no_sentences),
        cmocka_unit_test(setup_needs_an_engine),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

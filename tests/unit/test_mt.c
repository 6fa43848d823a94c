/* test_mt.c: URL policy, backoff, Retry-After, the three backends' wire
 * formats, error bodies and the key configuration.  No network. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <curl/curl.h>

#include "alloc.h"
#include "buf.h"
#include "config.h"
#include "err.h"
#include "mt.h"

static void url_policy(void **state)
{
    static const char *ok[] = {
        "https://api.deepl.com", "https://api-free.deepl.com/v2/translate",
        "HTTPS://Example.org:8443/x", "http://127.0.0.1:5000",
        "http://127.8.9.10/translate", "http://localhost:8080/v1",
        "http://LOCALHOST", "http://[::1]:11434/",
    };
    static const char *bad[] = {
        "http://example.com", "http://127.0.0.1.evil.example/",
        "http://localhost.evil.example", "http://128.0.0.1",
        "http://[::2]:80", "ftp://127.0.0.1/", "file:///etc/passwd",
        "https://user:secret@api.deepl.com", "http://10.0.0.1:5000",
        "https://", "api.deepl.com", "http://1270.0.0.1/",
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
        if (jaen_mt_url_check(ok[i], NULL) != JAEN_OK)
            fail_msg("refused %s", ok[i]);
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        if (jaen_mt_url_check(bad[i], NULL) != JAEN_EUSAGE)
            fail_msg("accepted %s", bad[i]);
}

static void backoff_schedule(void **state)
{
    struct jaen_http_opts o;
    double want[] = { 1.0, 1.6, 2.56, 4.096, 6.5536 };
    int i;

    (void)state;
    jaen_http_opts_default(&o);
    for (i = 0; i < 5; i++)
        assert_float_equal(jaen_mt_backoff(&o, i + 1, 0.5), want[i], 1e-9);
    /* +-23% jitter at the ends of [0, 1). */
    assert_float_equal(jaen_mt_backoff(&o, 1, 0.0), 0.77, 1e-9);
    assert_float_equal(jaen_mt_backoff(&o, 1, 0.999999), 1.23, 1e-5);
    /* The cap, then the scale tests use. */
    assert_float_equal(jaen_mt_backoff(&o, 30, 0.5), 120.0, 1e-9);
    o.backoff_scale = 0.01;
    assert_float_equal(jaen_mt_backoff(&o, 2, 0.5), 0.016, 1e-9);
    assert_int_equal(o.max_retries, 5);
    assert_int_equal(o.connect_timeout_ms, 10000);
    assert_int_equal(o.timeout_ms, 120000);
    assert_int_equal(o.low_speed_limit, 1);
    assert_int_equal(o.low_speed_time_s, 30);
}

static void opts_from_env(void **state)
{
    struct jaen_http_opts o;
    struct jaen_err err;

    (void)state;
    jaen_http_opts_default(&o);
    setenv("JAEN_MT_BACKOFF_SCALE", "0.01", 1);
    setenv("JAEN_MT_TIMEOUT", "2.5", 1);
    setenv("JAEN_MT_LOW_SPEED_TIME", "2", 1);
    assert_int_equal(jaen_http_opts_env(&o, NULL), JAEN_OK);
    assert_float_equal(o.backoff_scale, 0.01, 1e-12);
    assert_int_equal(o.timeout_ms, 2500);
    assert_int_equal(o.low_speed_time_s, 2);
    setenv("JAEN_MT_MAX_RETRIES", "many", 1);
    jaen_err_clear(&err);
    assert_int_equal(jaen_http_opts_env(&o, &err), JAEN_EUSAGE);
    assert_non_null(strstr(err.msg, "JAEN_MT_MAX_RETRIES"));
    unsetenv("JAEN_MT_MAX_RETRIES");
    unsetenv("JAEN_MT_BACKOFF_SCALE");
    unsetenv("JAEN_MT_TIMEOUT");
    unsetenv("JAEN_MT_LOW_SPEED_TIME");
}

static void retry_after_values(void **state)
{
    long long now = 1767225600;     /* 2026-01-01T00:00:00Z */

    (void)state;
    assert_float_equal(jaen_mt_retry_after("5", now, 60), 5, 0);
    assert_float_equal(jaen_mt_retry_after(" 0\r\n", now, 60), 0, 0);
    assert_float_equal(jaen_mt_retry_after("100000", now, 60), 60, 0);
    assert_float_equal(jaen_mt_retry_after(
                           "99999999999999999999999999", now, 60), 60, 0);
    assert_float_equal(jaen_mt_retry_after("Thu, 01 Jan 2026 00:00:10 GMT",
                                           now, 60), 10, 0);
    assert_float_equal(jaen_mt_retry_after("Wed, 31 Dec 2025 23:00:00 GMT",
                                           now, 60), 0, 0);
    assert_float_equal(jaen_mt_retry_after("-3", now, 60), -1, 0);
    assert_float_equal(jaen_mt_retry_after("soon", now, 60), -1, 0);
    assert_float_equal(jaen_mt_retry_after("5 s", now, 60), -1, 0);
    assert_float_equal(jaen_mt_retry_after("", now, 60), -1, 0);
    assert_float_equal(jaen_mt_retry_after(NULL, now, 60), -1, 0);
}

static json_t *load(const struct jaen_buf *b)
{
    json_error_t je;
    json_t *j = json_loadb(b->ptr, b->len, JSON_REJECT_DUPLICATES, &je);

    if (!j)
        fail_msg("not JSON: %s: %s", je.text, b->ptr);
    return j;
}

static const char *texts2[] = { "当社の<x id=\"1\">unauthorized access</x>",
                                "二つ目\"\\\n" };
static const size_t lens2[] = { 0, 0 };

static struct jaen_mt_req req2(const char *key, size_t *lens)
{
    struct jaen_mt_req rq;

    lens[0] = strlen(texts2[0]);
    lens[1] = strlen(texts2[1]);
    memset(&rq, 0, sizeof(rq));
    rq.texts = texts2;
    rq.lens = lens;
    rq.n = 2;
    rq.context = "前の文。\n次の文。";
    rq.key = key;
    rq.source_lang = "ja";
    rq.target_lang = "en";
    return rq;
}

static void deepl_wire(void **state)
{
    struct jaen_buf body, auth, url;
    size_t lens[2];
    struct jaen_mt_req rq = req2("k3y-123:fx", lens);
    json_t *j;
    char *outs[2] = { NULL, NULL };
    const char *msgs[2] = { NULL, NULL };
    struct jaen_err err;
    const char *good = "{\"translations\":[{\"detected_source_language\":"
                       "\"JA\",\"text\":\"One\"},{\"text\":\"Two\"}]}";

    (void)state;
    (void)lens2;
    jaen_buf_init(&body, 1 << 20);
    jaen_buf_init(&auth, 4096);
    jaen_buf_init(&url, 4096);
    rq.glossary_id = "gl-1";
    assert_int_equal(jaen_mt_deepl.build(&rq, &body, &auth, NULL), JAEN_OK);
    j = load(&body);
    assert_int_equal(json_array_size(json_object_get(j, "text")), 2);
    assert_string_equal(json_string_value(json_array_get(
                            json_object_get(j, "text"), 1)), texts2[1]);
    assert_string_equal(json_string_value(json_object_get(j, "source_lang")),
                        "JA");
    assert_string_equal(json_string_value(json_object_get(j, "target_lang")),
                        "EN-US");
    assert_string_equal(json_string_value(json_object_get(j,
                            "split_sentences")), "0");
    assert_string_equal(json_string_value(json_object_get(j, "tag_handling")),
                        "xml");
    assert_string_equal(json_string_value(json_array_get(
                            json_object_get(j, "ignore_tags"), 0)), "x");
    assert_string_equal(json_string_value(json_object_get(j, "context")),
                        rq.context);
    assert_string_equal(json_string_value(json_object_get(j, "glossary_id")),
                        "gl-1");
    /* The key goes in the header only, never in the body. */
    assert_null(strstr(body.ptr, "k3y-123"));
    assert_string_equal(auth.ptr, "Authorization: DeepL-Auth-Key k3y-123:fx");
    json_decref(j);

    assert_int_equal(jaen_mt_deepl.url(NULL, "k3y:fx", &url, NULL), JAEN_OK);
    assert_string_equal(url.ptr, "https://api-free.deepl.com/v2/translate");
    assert_int_equal(jaen_mt_deepl.url(NULL, "k3y", &url, NULL), JAEN_OK);
    assert_string_equal(url.ptr, "https://api.deepl.com/v2/translate");
    assert_int_equal(jaen_mt_deepl.url("http://127.0.0.1:9/", "k", &url,
                                       NULL), JAEN_OK);
    assert_string_equal(url.ptr, "http://127.0.0.1:9/v2/translate");
    assert_int_equal(jaen_mt_deepl.url("http://127.0.0.1:9/v2/translate",
                                       "k", &url, NULL), JAEN_OK);
    assert_string_equal(url.ptr, "http://127.0.0.1:9/v2/translate");

    assert_int_equal(jaen_mt_deepl.parse(good, strlen(good), 2, outs, msgs,
                                         NULL), JAEN_OK);
    assert_string_equal(outs[0], "One");
    assert_string_equal(outs[1], "Two");
    jaen_free(outs[0]);
    jaen_free(outs[1]);
    jaen_err_clear(&err);
    assert_int_equal(jaen_mt_deepl.parse(good, strlen(good), 3, outs, msgs,
                                         &err), JAEN_EDATA);
    assert_int_equal(jaen_mt_deepl.parse(good, strlen(good) - 5, 2, outs,
                                         msgs, NULL), JAEN_EDATA);
    assert_int_equal(jaen_mt_deepl.parse("{\"translations\":[{\"text\":1}]}",
                                         29, 1, outs, msgs, NULL),
                     JAEN_EDATA);
    assert_int_equal(jaen_mt_deepl.parse("<html>", 6, 1, outs, msgs, NULL),
                     JAEN_EDATA);
    assert_int_equal(jaen_mt_deepl.max_texts, 50);
    assert_int_equal(jaen_mt_deepl.max_body, 128 * 1024);
    jaen_buf_free(&body);
    jaen_buf_free(&auth);
    jaen_buf_free(&url);
}

static void deepl_glossary(void **state)
{
    struct jaen_buf body;
    json_t *j;
    char *id = NULL;
    const char *ans = "{\"glossary_id\":\"def3a26b\",\"ready\":true,"
                      "\"entry_count\":2}";

    (void)state;
    jaen_buf_init(&body, 4096);
    assert_int_equal(jaen_mt_deepl_glossary_body("jaen", "不正アクセス\t"
                         "unauthorized access\n", strlen("不正アクセス\t"
                         "unauthorized access\n"), &body), JAEN_OK);
    j = load(&body);
    assert_string_equal(json_string_value(json_object_get(j, "source_lang")),
                        "ja");
    assert_string_equal(json_string_value(json_object_get(j,
                            "entries_format")), "tsv");
    assert_non_null(strstr(json_string_value(json_object_get(j, "entries")),
                           "\tunauthorized access\n"));
    json_decref(j);
    assert_int_equal(jaen_mt_deepl_glossary_id(ans, strlen(ans), &id, NULL),
                     JAEN_OK);
    assert_string_equal(id, "def3a26b");
    jaen_free(id);
    assert_int_equal(jaen_mt_deepl_glossary_id("{}", 2, &id, NULL),
                     JAEN_EDATA);
    jaen_buf_free(&body);
}

static void libre_wire(void **state)
{
    struct jaen_buf body, auth, url;
    size_t lens[2];
    struct jaen_mt_req rq = req2("libre-key", lens);
    json_t *j;
    char *outs[2] = { NULL, NULL };
    const char *msgs[2] = { NULL, NULL };
    const char *arr = "{\"translatedText\":[\"A\",\"B\"]}";

    (void)state;
    jaen_buf_init(&body, 1 << 20);
    jaen_buf_init(&auth, 4096);
    jaen_buf_init(&url, 4096);
    assert_int_equal(jaen_mt_libre.build(&rq, &body, &auth, NULL), JAEN_OK);
    j = load(&body);
    assert_int_equal(json_array_size(json_object_get(j, "q")), 2);
    assert_string_equal(json_string_value(json_object_get(j, "source")),
                        "ja");
    assert_string_equal(json_string_value(json_object_get(j, "target")),
                        "en");
    assert_string_equal(json_string_value(json_object_get(j, "api_key")),
                        "libre-key");
    assert_int_equal(auth.len, 0);
    json_decref(j);
    rq.key = NULL;
    assert_int_equal(jaen_mt_libre.build(&rq, &body, &auth, NULL), JAEN_OK);
    assert_null(strstr(body.ptr, "api_key"));
    assert_int_equal(jaen_mt_libre.url("http://localhost:5000", NULL, &url,
                                       NULL), JAEN_OK);
    assert_string_equal(url.ptr, "http://localhost:5000/translate");

    assert_int_equal(jaen_mt_libre.parse(arr, strlen(arr), 2, outs, msgs,
                                         NULL), JAEN_OK);
    assert_string_equal(outs[1], "B");
    jaen_free(outs[0]);
    jaen_free(outs[1]);
    assert_int_equal(jaen_mt_libre.parse("{\"translatedText\":\"A\"}", 22, 1,
                                         outs, msgs, NULL), JAEN_OK);
    assert_string_equal(outs[0], "A");
    jaen_free(outs[0]);
    assert_int_equal(jaen_mt_libre.parse("{\"translatedText\":\"A\"}", 22, 2,
                                         outs, msgs, NULL), JAEN_EDATA);
    assert_int_equal(jaen_mt_libre.parse("{\"translatedText\":[\"A\",2]}", 26,
                                         2, outs, msgs, NULL), JAEN_EDATA);
    assert_int_equal(jaen_mt_libre.parse("{\"error\":\"x\"}", 13, 1, outs,
                                         msgs, NULL), JAEN_EDATA);
    jaen_buf_free(&body);
    jaen_buf_free(&auth);
    jaen_buf_free(&url);
}

static void openai_wire(void **state)
{
    struct jaen_buf body, auth, url;
    size_t lens[2];
    struct jaen_mt_req rq = req2("sk-test", lens);
    json_t *j, *msgs_j;
    char *outs[1] = { NULL };
    const char *msgs[1] = { NULL };
    const char *ok = "{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\""
                     ":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                     "\"content\":\"We found [[1]].\"},\"finish_reason\":"
                     "\"stop\"}]}";
    const char *cut = "{\"choices\":[{\"message\":{\"content\":\"We fo\"},"
                      "\"finish_reason\":\"length\"}]}";

    (void)state;
    jaen_buf_init(&body, 1 << 20);
    jaen_buf_init(&auth, 4096);
    jaen_buf_init(&url, 4096);
    assert_int_equal(jaen_mt_openai.build(&rq, &body, &auth, NULL),
                     JAEN_EUSAGE);
    rq.n = 1;
    rq.hints = "[[1]] = unauthorized access\n";
    rq.model = "llama-3";
    assert_int_equal(jaen_mt_openai.build(&rq, &body, &auth, NULL), JAEN_OK);
    j = load(&body);
    assert_string_equal(json_string_value(json_object_get(j, "model")),
                        "llama-3");
    assert_int_equal(json_integer_value(json_object_get(j, "temperature")),
                     0);
    assert_true(json_is_false(json_object_get(j, "stream")));
    msgs_j = json_object_get(j, "messages");
    assert_string_equal(json_string_value(json_object_get(
                            json_array_get(msgs_j, 0), "role")), "system");
    assert_non_null(strstr(json_string_value(json_object_get(
                               json_array_get(msgs_j, 0), "content")),
                           "[[1]] = unauthorized access"));
    assert_non_null(strstr(json_string_value(json_object_get(
                               json_array_get(msgs_j, 0), "content")),
                           "次の文。"));
    assert_string_equal(json_string_value(json_object_get(
                            json_array_get(msgs_j, 1), "content")),
                        texts2[0]);
    assert_null(strstr(body.ptr, "sk-test"));
    assert_string_equal(auth.ptr, "Authorization: Bearer sk-test");
    json_decref(j);
    rq.key = NULL;
    assert_int_equal(jaen_mt_openai.build(&rq, &body, &auth, NULL), JAEN_OK);
    assert_int_equal(auth.len, 0);
    assert_int_equal(jaen_mt_openai.url("http://127.0.0.1:8080/v1", NULL,
                                        &url, NULL), JAEN_OK);
    assert_string_equal(url.ptr,
                        "http://127.0.0.1:8080/v1/chat/completions");
    assert_int_equal(jaen_mt_openai.url("http://127.0.0.1:8080", NULL, &url,
                                        NULL), JAEN_OK);
    assert_string_equal(url.ptr, "http://127.0.0.1:8080/v1/chat/completions");

    assert_int_equal(jaen_mt_openai.parse(ok, strlen(ok), 1, outs, msgs,
                                          NULL), JAEN_OK);
    assert_string_equal(outs[0], "We found [[1]].");
    jaen_free(outs[0]);
    outs[0] = NULL;
    assert_int_equal(jaen_mt_openai.parse(cut, strlen(cut), 1, outs, msgs,
                                          NULL), JAEN_OK);
    assert_null(outs[0]);
    assert_non_null(strstr(msgs[0], "length"));
    assert_int_equal(jaen_mt_openai.parse("{\"error\":{\"code\":null}}", 23,
                                          1, outs, msgs, NULL), JAEN_EDATA);
    assert_int_equal(jaen_mt_openai.parse("Internal Server Error", 21, 1,
                                          outs, msgs, NULL), JAEN_EDATA);
    assert_int_equal(jaen_mt_openai.parse("{\"choices\":[]}", 14, 1, outs,
                                          msgs, NULL), JAEN_EDATA);
    jaen_buf_free(&body);
    jaen_buf_free(&auth);
    jaen_buf_free(&url);
}

static void error_bodies(void **state)
{
    static const struct { const char *body, *want; } c[] = {
        { "{\"message\":\"Quota exceeded\"}", "Quota exceeded" },
        { "{\"message\":\"Bad glossary\",\"detail\":\"dup entry\"}",
          "Bad glossary: dup entry" },
        { "{\"error\":\"Slowdown: 10 per 1 minute\"}",
          "Slowdown: 10 per 1 minute" },
        { "{\"error\":{\"code\":503,\"message\":\"Loading model\","
          "\"type\":\"unavailable_error\"}}", "Loading model (code 503)" },
        { "{\"error\":{\"message\":\"model not found\",\"type\":\"api_error\","
          "\"param\":null,\"code\":\"model_not_found\"}}",
          "model not found (code model_not_found)" },
        { "{\"error\":{\"message\":\"x\",\"code\":null}}", "x" },
        { "{\"object\":\"error\",\"message\":\"old vllm\",\"code\":400}",
          "old vllm" },
        { "Internal Server Error", "Internal Server Error" },
        { "line1\nline2\x01", "line1 line2 " },
        { "{}", "(an error body without a message)" },
        { "", "" },
    };
    char msg[64];
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
        jaen_mt_errmsg(c[i].body, strlen(c[i].body), msg, sizeof(msg));
        assert_string_equal(msg, c[i].want);
    }
    /* Clipping keeps UTF-8 whole. */
    jaen_mt_clip("ああああ", 12, msg, 8);
    assert_string_equal(msg, "ああ");
}

static char dir[256];

static void write_file(const char *path, const char *text, mode_t mode)
{
    FILE *f = fopen(path, "w");

    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    assert_int_equal(chmod(path, mode), 0);
}

static void config_keys(void **state)
{
    char path[400], link[400], *key = NULL;
    const char *from = NULL;
    struct jaen_err err;

    (void)state;
    snprintf(dir, sizeof(dir), "%s/test_mt.XXXXXX", JAEN_BINARY_DIR);
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/config", dir);
    unsetenv("DEEPL_AUTH_KEY");

    assert_int_equal(jaen_config_key("DEEPL_AUTH_KEY", path, &key, &from,
                                     NULL), 0);
    write_file(path, "# jaen\nDEEPL_AUTH_KEY = s3cret:fx\n"
                     "openai_api_key=sk-1\n", 0644);
    jaen_err_clear(&err);
    assert_int_equal(jaen_config_key("DEEPL_AUTH_KEY", path, &key, &from,
                                     &err), JAEN_EUSAGE);
    assert_non_null(strstr(err.msg, "0644"));
    assert_non_null(strstr(err.msg, "chmod 600"));
    assert_null(strstr(err.msg, "s3cret"));
    assert_null(key);

    chmod(path, 0600);
    assert_int_equal(jaen_config_key("DEEPL_AUTH_KEY", path, &key, &from,
                                     NULL), 1);
    assert_string_equal(key, "s3cret:fx");
    assert_string_equal(from, "the config file");
    jaen_config_free_secret(key);
    assert_int_equal(jaen_config_key("OPENAI_API_KEY", path, &key, &from,
                                     NULL), 1);
    assert_string_equal(key, "sk-1");
    jaen_config_free_secret(key);
    assert_int_equal(jaen_config_key("LIBRETRANSLATE_API_KEY", path, &key,
                                     &from, NULL), 0);

    setenv("DEEPL_AUTH_KEY", "from-env", 1);
    assert_int_equal(jaen_config_key("DEEPL_AUTH_KEY", path, &key, &from,
                                     NULL), 1);
    assert_string_equal(key, "from-env");
    assert_string_equal(from, "the environment");
    jaen_config_free_secret(key);
    unsetenv("DEEPL_AUTH_KEY");

    /* A symbolic link is refused, so is a malformed line (without
     * echoing it: it may be a key). */
    snprintf(link, sizeof(link), "%s/link", dir);
    assert_int_equal(symlink(path, link), 0);
    jaen_err_clear(&err);
    assert_int_equal(jaen_config_key("DEEPL_AUTH_KEY", link, &key, &from,
                                     &err), JAEN_EUSAGE);
    write_file(path, "\n\nsk-pasted-alone\n", 0600);
    jaen_err_clear(&err);
    assert_int_equal(jaen_config_key("DEEPL_AUTH_KEY", path, &key, &from,
                                     &err), JAEN_EDATA);
    assert_int_equal(err.line, 3);
    assert_null(strstr(err.msg, "sk-pasted"));
    unlink(link);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(url_policy),
        cmocka_unit_test(backoff_schedule),
        cmocka_unit_test(opts_from_env),
        cmocka_unit_test(retry_after_values),
        cmocka_unit_test(deepl_wire),
        cmocka_unit_test(deepl_glossary),
        cmocka_unit_test(libre_wire),
        cmocka_unit_test(openai_wire),
        cmocka_unit_test(error_bodies),
        cmocka_unit_test(config_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

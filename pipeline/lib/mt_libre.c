/* mt_libre.c: the LibreTranslate backend, POST /translate.
 *
 * q is an array, so one request carries a batch; api_key goes in the body,
 * never in a header or the URL.  Spans are protected with [[N]] tokens. */
#include "mt.h"

#include <string.h>

#include "alloc.h"

static int libre_url(const char *endpoint, const char *key,
                     struct jaen_buf *url, struct jaen_err *err)
{
    int rc;

    (void)key;
    rc = jaen_mt_join_url(endpoint ? endpoint : "https://libretranslate.com",
                          "/translate", url);
    return rc ? jaen_err_set(err, rc, "out of memory") : JAEN_OK;
}

static int libre_build(const struct jaen_mt_req *rq, struct jaen_buf *body,
                       struct jaen_buf *auth, struct jaen_err *err)
{
    size_t i;
    int rc;

    jaen_buf_reset(body);
    jaen_buf_reset(auth);
    rc = jaen_buf_adds(body, "{\"q\":[");
    for (i = 0; i < rq->n && !rc; i++) {
        if (i)
            rc = jaen_buf_addc(body, ',');
        if (!rc)
            rc = jaen_json_add_string(body, rq->texts[i], rq->lens[i]);
    }
    if (!rc)
        rc = jaen_buf_adds(body, "],\"source\":");
    if (!rc)
        rc = jaen_json_add_string(body, rq->source_lang,
                                  strlen(rq->source_lang));
    if (!rc)
        rc = jaen_buf_adds(body, ",\"target\":");
    if (!rc)
        rc = jaen_json_add_string(body, rq->target_lang,
                                  strlen(rq->target_lang));
    if (!rc)
        rc = jaen_buf_adds(body, ",\"format\":\"text\"");
    if (!rc && rq->key && rq->key[0]) {
        rc = jaen_buf_adds(body, ",\"api_key\":");
        if (!rc)
            rc = jaen_json_add_string(body, rq->key, strlen(rq->key));
    }
    if (!rc)
        rc = jaen_buf_addc(body, '}');
    if (rc)
        return jaen_err_set(err, rc, "building a LibreTranslate request: %s",
                            jaen_strstatus(rc));
    return JAEN_OK;
}

static int libre_parse(const char *body, size_t len, size_t n, char **out,
                       const char **msgs, struct jaen_err *err)
{
    json_t *j = jaen_json_load(body, len, NULL);
    const json_t *t = json_object_get(j, "translatedText");
    size_t i;

    (void)msgs;
    /* q was an array, so the answer must be one; a lone string is
     * accepted for a batch of one (older servers). */
    if (json_is_string(t) && n == 1) {
        out[0] = jaen_strndup(json_string_value(t), json_string_length(t));
        json_decref(j);
        return out[0] ? JAEN_OK
                      : jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    }
    if (!json_is_array(t) || json_array_size(t) != n) {
        json_decref(j);
        return jaen_err_set(err, JAEN_EDATA,
                            j ? "LibreTranslate answered without %zu "
                                "translations"
                              : "LibreTranslate's answer is not JSON "
                                "(%zu texts)", n);
    }
    for (i = 0; i < n; i++)
        if (!json_is_string(json_array_get(t, i))) {
            json_decref(j);
            return jaen_err_set(err, JAEN_EDATA,
                                "LibreTranslate translation %zu is not a "
                                "string", i);
        }
    for (i = 0; i < n; i++) {
        const json_t *s = json_array_get(t, i);
        out[i] = jaen_strndup(json_string_value(s), json_string_length(s));
        if (!out[i]) {
            json_decref(j);
            return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
        }
    }
    json_decref(j);
    return JAEN_OK;
}

const struct jaen_mt_backend jaen_mt_libre = {
    .name = "libre",
    .key_env = "LIBRETRANSLATE_API_KEY",
    .style = JAEN_PROT_TOKEN,
    .max_texts = 50,
    .max_body = 128 * 1024,
    .key_required = 0,
    .url = libre_url,
    .build = libre_build,
    .parse = libre_parse,
};

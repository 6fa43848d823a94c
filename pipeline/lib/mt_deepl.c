/* mt_deepl.c: the DeepL backend, POST /v2/translate with a JSON body.
 *
 * One text per sentence (split_sentences "0"), neighbouring sentences in
 * "context" (steers, is not billed), spans protected as ignored XML tags
 * (tag_handling xml, ignore_tags x), source_lang always set so that a
 * glossary_id may be used.  Keys ending in ":fx" go to the Free host. */
#include "mt.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"

static int deepl_url(const char *endpoint, const char *key,
                     struct jaen_buf *url, struct jaen_err *err)
{
    size_t kl = key ? strlen(key) : 0;
    const char *base = endpoint;
    int rc;

    if (!base)
        base = kl >= 3 && !strcmp(key + kl - 3, ":fx")
                   ? "https://api-free.deepl.com"
                   : "https://api.deepl.com";
    rc = jaen_mt_join_url(base, "/v2/translate", url);
    return rc ? jaen_err_set(err, rc, "out of memory") : JAEN_OK;
}

/* "en" -> "EN-US" (plain EN is deprecated as a target), "ja" -> "JA". */
static int add_lang(struct jaen_buf *b, const char *lang, int target)
{
    char up[16];
    size_t i;

    if (target && !strcasecmp(lang, "en"))
        return jaen_json_add_string(b, "EN-US", 5);
    for (i = 0; lang[i] && i < sizeof(up) - 1; i++)
        up[i] = (char)toupper((unsigned char)lang[i]);
    return jaen_json_add_string(b, up, i);
}

static int deepl_build(const struct jaen_mt_req *rq, struct jaen_buf *body,
                       struct jaen_buf *auth, struct jaen_err *err)
{
    size_t i;
    int rc;

    jaen_buf_reset(body);
    jaen_buf_reset(auth);
    rc = jaen_buf_adds(body, "{\"text\":[");
    for (i = 0; i < rq->n && !rc; i++) {
        if (i)
            rc = jaen_buf_addc(body, ',');
        if (!rc)
            rc = jaen_json_add_string(body, rq->texts[i], rq->lens[i]);
    }
    if (!rc)
        rc = jaen_buf_adds(body, "],\"source_lang\":");
    if (!rc)
        rc = add_lang(body, rq->source_lang, 0);
    if (!rc)
        rc = jaen_buf_adds(body, ",\"target_lang\":");
    if (!rc)
        rc = add_lang(body, rq->target_lang, 1);
    if (!rc)
        rc = jaen_buf_adds(body, ",\"split_sentences\":\"0\","
                                 "\"tag_handling\":\"xml\","
                                 "\"ignore_tags\":[\"x\"]");
    if (!rc && rq->context && rq->context[0]) {
        rc = jaen_buf_adds(body, ",\"context\":");
        if (!rc)
            rc = jaen_json_add_string(body, rq->context,
                                      strlen(rq->context));
    }
    if (!rc && rq->glossary_id && rq->glossary_id[0]) {
        rc = jaen_buf_adds(body, ",\"glossary_id\":");
        if (!rc)
            rc = jaen_json_add_string(body, rq->glossary_id,
                                      strlen(rq->glossary_id));
    }
    if (!rc)
        rc = jaen_buf_addc(body, '}');
    if (!rc && rq->key) {
        rc = jaen_buf_adds(auth, "Authorization: DeepL-Auth-Key ");
        if (!rc)
            rc = jaen_buf_adds(auth, rq->key);
    }
    if (rc)
        return jaen_err_set(err, rc, "building a DeepL request: %s",
                            jaen_strstatus(rc));
    return JAEN_OK;
}

static int deepl_parse(const char *body, size_t len, size_t n, char **out,
                       const char **msgs, struct jaen_err *err)
{
    json_t *j = jaen_json_load(body, len, NULL);
    const json_t *tr = json_object_get(j, "translations");
    size_t i;

    (void)msgs;
    if (!json_is_array(tr) || json_array_size(tr) != n) {
        json_decref(j);
        return jaen_err_set(err, JAEN_EDATA,
                            j ? "DeepL answered without %zu translations"
                              : "DeepL's answer is not JSON (%zu texts)",
                            n);
    }
    for (i = 0; i < n; i++) {
        const json_t *t = json_object_get(json_array_get(tr, i), "text");
        if (!json_is_string(t)) {
            json_decref(j);
            return jaen_err_set(err, JAEN_EDATA,
                                "DeepL translation %zu has no text", i);
        }
    }
    for (i = 0; i < n; i++) {
        const json_t *t = json_object_get(json_array_get(tr, i), "text");
        out[i] = jaen_strndup(json_string_value(t), json_string_length(t));
        if (!out[i]) {
            json_decref(j);
            return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
        }
    }
    json_decref(j);
    return JAEN_OK;
}

int jaen_mt_deepl_glossary_body(const char *name, const char *tsv,
                                size_t len, struct jaen_buf *body)
{
    int rc;

    jaen_buf_reset(body);
    rc = jaen_buf_adds(body, "{\"name\":");
    if (!rc)
        rc = jaen_json_add_string(body, name, strlen(name));
    if (!rc)
        rc = jaen_buf_adds(body, ",\"source_lang\":\"ja\","
                                 "\"target_lang\":\"en\",\"entries\":");
    if (!rc)
        rc = jaen_json_add_string(body, tsv, len);
    if (!rc)
        rc = jaen_buf_adds(body, ",\"entries_format\":\"tsv\"}");
    return rc;
}

int jaen_mt_deepl_glossary_id(const char *body, size_t len, char **id,
                              struct jaen_err *err)
{
    json_t *j = jaen_json_load(body, len, NULL);
    const char *s = json_string_value(json_object_get(j, "glossary_id"));

    *id = NULL;
    if (!s || !s[0]) {
        json_decref(j);
        return jaen_err_set(err, JAEN_EDATA,
                            "DeepL's glossary answer has no glossary_id");
    }
    *id = jaen_strdup(s);
    json_decref(j);
    if (!*id)
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    return JAEN_OK;
}

const struct jaen_mt_backend jaen_mt_deepl = {
    .name = "deepl",
    .key_env = "DEEPL_AUTH_KEY",
    .style = JAEN_PROT_XML,
    .max_texts = 50,
    .max_body = 128 * 1024,
    .key_required = 1,
    .url = deepl_url,
    .build = deepl_build,
    .parse = deepl_parse,
};

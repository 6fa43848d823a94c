/* mt_openai.c: the OpenAI-compatible backend, POST /v1/chat/completions,
 * as served by OpenAI, llama.cpp server, Ollama and vLLM.
 *
 * One sentence per request: the system prompt carries the rules, the
 * placeholders with their glossary English, and the neighbouring sentences
 * as context; temperature 0.  finish_reason "length" means the answer was
 * cut off, which is an error for that sentence. */
#include "mt.h"

#include <string.h>

#include "alloc.h"

#define OPENAI_DEFAULT_MODEL "gpt-4o-mini"

static int openai_url(const char *endpoint, const char *key,
                      struct jaen_buf *url, struct jaen_err *err)
{
    const char *base = endpoint ? endpoint : "https://api.openai.com";
    size_t n = strlen(base);
    int rc;

    (void)key;
    while (n && base[n - 1] == '/')
        n--;
    /* Clients often give the base URL with its /v1. */
    if (n >= 3 && !memcmp(base + n - 3, "/v1", 3)) {
        jaen_buf_reset(url);
        rc = jaen_buf_add(url, base, n - 3);
        if (!rc)
            rc = jaen_buf_adds(url, "/v1/chat/completions");
    } else {
        rc = jaen_mt_join_url(base, "/v1/chat/completions", url);
    }
    return rc ? jaen_err_set(err, rc, "out of memory") : JAEN_OK;
}

static int add_prompt(struct jaen_buf *p, const struct jaen_mt_req *rq)
{
    int rc = jaen_buf_adds(p,
        "You translate Japanese security-incident disclosures into "
        "English. Reply with the English translation of the user's text "
        "and nothing else: no notes, no quotes, no Japanese.\n"
        "Tokens such as [[1]] are placeholders for glossary terms and "
        "exact values. Copy every placeholder exactly once, unchanged, "
        "where its meaning belongs in the English sentence.\n");

    if (!rc && rq->hints && rq->hints[0]) {
        rc = jaen_buf_adds(p, "Glossary terms and values behind the "
                              "placeholders:\n");
        if (!rc)
            rc = jaen_buf_adds(p, rq->hints);
    }
    if (!rc && rq->context && rq->context[0]) {
        rc = jaen_buf_adds(p, "Surrounding text, for reference only "
                              "(do not translate it):\n");
        if (!rc)
            rc = jaen_buf_adds(p, rq->context);
    }
    return rc;
}

static int openai_build(const struct jaen_mt_req *rq, struct jaen_buf *body,
                        struct jaen_buf *auth, struct jaen_err *err)
{
    struct jaen_buf prompt;
    const char *model = rq->model ? rq->model : OPENAI_DEFAULT_MODEL;
    size_t max_tokens;
    int rc;

    if (rq->n != 1)
        return jaen_err_set(err, JAEN_EUSAGE,
                            "the OpenAI backend takes one text a request");
    jaen_buf_reset(body);
    jaen_buf_reset(auth);
    jaen_buf_init(&prompt, JAEN_PROT_MAX_BYTES);
    /* English needs about as many tokens as the UTF-8 bytes of the
     * Japanese / 2; leave ample room and let "length" catch the rest. */
    max_tokens = 256 + rq->lens[0];
    if (max_tokens > 4096)
        max_tokens = 4096;
    rc = add_prompt(&prompt, rq);
    if (!rc)
        rc = jaen_buf_adds(body, "{\"model\":");
    if (!rc)
        rc = jaen_json_add_string(body, model, strlen(model));
    if (!rc)
        rc = jaen_buf_adds(body, ",\"messages\":[{\"role\":\"system\","
                                 "\"content\":");
    if (!rc)
        rc = jaen_json_add_string(body, prompt.ptr, prompt.len);
    if (!rc)
        rc = jaen_buf_adds(body, "},{\"role\":\"user\",\"content\":");
    if (!rc)
        rc = jaen_json_add_string(body, rq->texts[0], rq->lens[0]);
    if (!rc)
        rc = jaen_buf_addf(body, "}],\"temperature\":0,\"stream\":false,"
                                 "\"seed\":0,\"max_tokens\":%zu}",
                           max_tokens);
    if (!rc && rq->key && rq->key[0]) {
        rc = jaen_buf_adds(auth, "Authorization: Bearer ");
        if (!rc)
            rc = jaen_buf_adds(auth, rq->key);
    }
    jaen_buf_free(&prompt);
    if (rc)
        return jaen_err_set(err, rc, "building a chat request: %s",
                            jaen_strstatus(rc));
    return JAEN_OK;
}

static int openai_parse(const char *body, size_t len, size_t n, char **out,
                        const char **msgs, struct jaen_err *err)
{
    json_t *j = jaen_json_load(body, len, NULL);
    const json_t *ch = json_array_get(json_object_get(j, "choices"), 0);
    const json_t *content = json_object_get(json_object_get(ch, "message"),
                                            "content");
    const char *finish = json_string_value(json_object_get(ch,
                                                           "finish_reason"));

    if (n != 1 || !json_is_string(content)) {
        int has_error = json_object_get(j, "error") != NULL;
        json_decref(j);
        return jaen_err_set(err, JAEN_EDATA,
                            !j ? "the chat answer is not JSON"
                            : has_error ? "the chat answer is an error"
                                        : "the chat answer has no "
                                          "choices[0].message.content");
    }
    if (finish && !strcmp(finish, "length")) {
        msgs[0] = "the model stopped at max_tokens (finish_reason "
                  "\"length\"): the translation is cut off";
        out[0] = NULL;
        json_decref(j);
        return JAEN_OK;
    }
    out[0] = jaen_strndup(json_string_value(content),
                          json_string_length(content));
    json_decref(j);
    return out[0] ? JAEN_OK : jaen_err_set(err, JAEN_ENOMEM, "out of memory");
}

const struct jaen_mt_backend jaen_mt_openai = {
    .name = "openai",
    .key_env = "OPENAI_API_KEY",
    .style = JAEN_PROT_TOKEN,
    .max_texts = 1,
    .max_body = 1024 * 1024,
    .key_required = 0,
    .url = openai_url,
    .build = openai_build,
    .parse = openai_parse,
};

/* mt_batch.c: one translate request: build it, send it, classify the
 * answer, restore the placeholders of each text.
 *
 * Classification: 401, 403 and 456 are fatal for the run (no further
 * requests); any other failure (a network error after the retries, another
 * status, a body over the cap, a wrong content type, malformed JSON) fails
 * only the texts of this request. */
#include "mt_int.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "utf8.h"

const char *jaen_mt_engine_name(const struct jaen_mt *mt)
{
    return mt->conf.backend ? mt->conf.backend->name : "";
}

static void set_fatal(struct jaen_mt *mt, const struct jaen_http_resp *r,
                      const char *what)
{
    char m[200];
    const char *env = mt->conf.backend->key_env;

    jaen_mt_errmsg(r->body.ptr ? r->body.ptr : "", r->body.len, m, sizeof(m));
    if (r->status == 456)
        snprintf(mt->fatal, sizeof(mt->fatal),
                 "%s quota exceeded (HTTP 456: %s); no further requests "
                 "are made", jaen_mt_engine_name(mt), m);
    else
        snprintf(mt->fatal, sizeof(mt->fatal),
                 "%s refused %s (HTTP %ld: %s); check the key in %s or the "
                 "config file; no further requests are made",
                 jaen_mt_engine_name(mt), what, r->status, m, env);
}

/* Classifies a finished exchange.  Returns 1 when resp holds a usable
 * 2xx JSON body; otherwise writes why into msg and returns 0. */
static int usable(struct jaen_mt *mt, const struct jaen_http_resp *r,
                  const char *what, char *msg, size_t cap)
{
    char m[200];
    const char *ct = r->content_type;

    if (r->too_big) {
        snprintf(msg, cap, "the response is over the %zu-byte cap",
                 mt->conf.http.max_response);
        return 0;
    }
    if (r->net_failed) {
        snprintf(msg, cap, "network error: %s", r->net_msg);
        return 0;
    }
    if (r->status == 401 || r->status == 403 || r->status == 456) {
        set_fatal(mt, r, what);
        snprintf(msg, cap, "%.200s", mt->fatal);
        return 0;
    }
    if (r->status < 200 || r->status > 299) {
        jaen_mt_errmsg(r->body.ptr ? r->body.ptr : "", r->body.len, m,
                       sizeof(m));
        snprintf(msg, cap, "HTTP %ld from %s: %s", r->status,
                 jaen_mt_engine_name(mt), m);
        return 0;
    }
    if (strcmp(ct, "application/json") != 0
        && !(strlen(ct) > 5 && !strcmp(ct + strlen(ct) - 5, "+json"))) {
        snprintf(msg, cap, "%s answered with content type \"%s\", not "
                 "JSON", jaen_mt_engine_name(mt), ct[0] ? ct : "(none)");
        return 0;
    }
    return 1;
}

static int post(struct jaen_mt *mt, const char *url,
                struct jaen_http_resp *r, struct jaen_err *err)
{
    const char *hdrs[4];
    size_t n = 0;

    hdrs[n++] = "Content-Type: application/json";
    hdrs[n++] = "Accept: application/json";
    if (mt->auth.len)
        hdrs[n++] = mt->auth.ptr;
    hdrs[n] = NULL;
    return jaen_http_post(mt->http, url, hdrs, mt->body.ptr, mt->body.len, r,
                          err);
}

int jaen_mt_batch_glossary(struct jaen_mt *mt, struct jaen_err *err)
{
    struct jaen_http_resp r;
    struct jaen_buf url;
    char msg[256];
    int rc;

    if (mt->glossary_id || !mt->conf.glossary_tsv
        || mt->conf.backend != &jaen_mt_deepl)
        return JAEN_OK;
    memset(&r, 0, sizeof(r));
    jaen_buf_init(&r.body, mt->conf.http.max_response);
    jaen_buf_init(&url, 8192);
    rc = jaen_mt_join_url(mt->conf.endpoint ? mt->conf.endpoint
                          : mt->url.ptr, "/v2/glossaries", &url);
    /* url is ".../v2/translate" when no endpoint was given. */
    if (!rc && !mt->conf.endpoint) {
        jaen_buf_reset(&url);
        rc = jaen_buf_add(&url, mt->url.ptr,
                          mt->url.len - strlen("/v2/translate"));
        if (!rc)
            rc = jaen_buf_adds(&url, "/v2/glossaries");
    }
    jaen_buf_reset(&mt->auth);
    if (!rc && mt->conf.key) {
        rc = jaen_buf_adds(&mt->auth, "Authorization: DeepL-Auth-Key ");
        if (!rc)
            rc = jaen_buf_adds(&mt->auth, mt->conf.key);
    }
    if (!rc)
        rc = jaen_mt_deepl_glossary_body("jaen", mt->conf.glossary_tsv,
                                         mt->conf.glossary_tsv_len,
                                         &mt->body);
    if (rc) {
        rc = jaen_err_set(err, rc, "out of memory");
    } else {
        rc = post(mt, url.ptr, &r, err);
    }
    if (!rc && usable(mt, &r, "the glossary", msg, sizeof(msg))) {
        if (jaen_mt_deepl_glossary_id(r.body.ptr, r.body.len,
                                      &mt->glossary_id, NULL))
            snprintf(mt->fatal, sizeof(mt->fatal),
                     "DeepL's glossary answer has no glossary_id");
    } else if (!rc && !mt->fatal[0]) {
        snprintf(mt->fatal, sizeof(mt->fatal),
                 "cannot create the DeepL glossary: %s", msg);
    }
    jaen_buf_free(&r.body);
    jaen_buf_free(&url);
    return rc;
}

int jaen_mt_batch_context(struct jaen_mt *mt, const char *text,
                          const size_t *offs, const struct jaen_sent *sents,
                          size_t nsents, size_t a, size_t b)
{
    size_t lo = a >= 2 ? a - 2 : 0, hi = b + 2 < nsents ? b + 2 : nsents - 1;
    size_t i;
    int rc = JAEN_OK;

    jaen_buf_reset(&mt->scratch);
    for (i = lo; i <= hi && !rc; i++) {
        size_t s = offs[sents[i].start], e = offs[sents[i].end];
        if (mt->scratch.len + (e - s) + 1 > MT_CONTEXT_MAX)
            break;
        if (mt->scratch.len)
            rc = jaen_buf_addc(&mt->scratch, '\n');
        if (!rc)
            rc = jaen_buf_add(&mt->scratch, text + s, e - s);
    }
    return rc;
}

int jaen_mt_batch_send(struct jaen_mt *mt, struct pending **p, size_t n,
                       const char *context, struct jaen_err *err)
{
    const struct jaen_mt_backend *be = mt->conf.backend;
    const char *texts[64], *msgs[64];
    size_t lens[64], i;
    char *outs[64];
    struct jaen_mt_req rq;
    struct jaen_http_resp r;
    char msg[256];
    int rc;

    memset(&rq, 0, sizeof(rq));
    memset(outs, 0, sizeof(outs));
    memset(msgs, 0, sizeof(msgs));
    for (i = 0; i < n; i++) {
        texts[i] = p[i]->text;
        lens[i] = p[i]->text_len;
    }
    rq.texts = texts;
    rq.lens = lens;
    rq.n = n;
    rq.context = context;
    rq.hints = n == 1 && p[0]->prot.hints.ptr ? p[0]->prot.hints.ptr : NULL;
    rq.key = mt->conf.key;
    rq.model = mt->conf.model;
    rq.glossary_id = mt->glossary_id;
    rq.source_lang = "ja";
    rq.target_lang = "en";
    rc = be->build(&rq, &mt->body, &mt->auth, err);
    if (rc)
        return rc;
    memset(&r, 0, sizeof(r));
    jaen_buf_init(&r.body, mt->conf.http.max_response);
    mt->st.batches++;
    rc = post(mt, mt->url.ptr, &r, err);
    if (!rc && usable(mt, &r, "the request", msg, sizeof(msg))) {
        struct jaen_err perr;
        jaen_err_clear(&perr);
        rc = be->parse(r.body.ptr, r.body.len, n, outs, msgs, &perr);
        if (rc == JAEN_EDATA) {
            snprintf(msg, sizeof(msg), "bad response: %.200s", perr.msg);
            for (i = 0; i < n; i++)
                p[i]->why = msg;
            rc = JAEN_OK;
        } else if (rc) {
            jaen_err_set(err, rc, "%s", perr.msg);
        }
    } else if (!rc) {
        for (i = 0; i < n; i++)
            p[i]->why = msg;
    }
    /* why may point at msg, which dies here: copy it into each. */
    for (i = 0; i < n; i++) {
        if (outs[i] || (!p[i]->why && !msgs[i]))
            continue;
        snprintf(p[i]->msg, sizeof(p[i]->msg), "%s",
                 p[i]->why ? p[i]->why : msgs[i]);
        p[i]->why = p[i]->msg;
    }
    for (i = 0; i < n && !rc; i++) {
        struct jaen_buf en;
        struct jaen_err rerr;

        if (!outs[i])
            continue;
        jaen_buf_init(&en, JAEN_PROT_MAX_BYTES);
        jaen_err_clear(&rerr);
        /* LibreTranslate echoes what it cannot translate, with a 200. */
        if (!strcmp(outs[i], p[i]->text)
            && jaen_utf8_count(outs[i], strlen(outs[i])) != strlen(outs[i])) {
            snprintf(p[i]->msg, sizeof(p[i]->msg),
                     "%s returned the text untranslated", be->name);
            p[i]->why = p[i]->msg;
        } else if (jaen_restore(outs[i], strlen(outs[i]), &p[i]->prot,
                                be->style, &en, &rerr)) {
            if (rerr.code == JAEN_ENOMEM)
                rc = jaen_err_set(err, JAEN_ENOMEM, "out of memory");
            snprintf(p[i]->msg, sizeof(p[i]->msg), "%s", rerr.msg);
            p[i]->why = p[i]->msg;
        } else {
            p[i]->en = jaen_buf_take(&en, NULL);
            if (!p[i]->en)
                rc = jaen_err_set(err, JAEN_ENOMEM, "out of memory");
        }
        jaen_buf_free(&en);
    }
    for (i = 0; i < n; i++)
        jaen_free(outs[i]);
    jaen_buf_free(&r.body);
    return rc;
}

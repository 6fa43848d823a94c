/* mt_doc.c: the per-document translator behind `jaen translate`.
 *
 * Order of preference per sentence: the fixed phrase that gloss found, the
 * translation memory, then the engine.  Sentences for the engine are
 * protected (protect.h), deduplicated, batched within the backend's limits
 * (DeepL: 50 texts, 128 KiB) with their neighbours as context, and every
 * answer goes to the TM before it is used, so nothing is paid for twice.
 * A failed request fails only the sentences it carried; 401, 403 and 456
 * stop all further requests for the run. */
#include "mt_int.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "limits.h"
#include "tm.h"
#include "utf8.h"

int jaen_mt_open(struct jaen_mt **out, const struct jaen_mt_conf *conf,
                 struct jaen_err *err)
{
    struct jaen_mt *mt = jaen_calloc(1, sizeof(*mt));
    int rc = JAEN_OK;

    *out = NULL;
    if (!mt)
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    mt->conf = *conf;
    jaen_buf_init(&mt->url, 8192);
    jaen_buf_init(&mt->body, JAEN_BUF_DEFAULT_CAP);
    jaen_buf_init(&mt->auth, 8192);
    jaen_buf_init(&mt->scratch, JAEN_BUF_DEFAULT_CAP);
    if (conf->glossary_version && conf->glossary_version[0]) {
        snprintf(mt->glossary_version, sizeof(mt->glossary_version), "%s",
                 conf->glossary_version);
    } else if (conf->glossary_tsv) {
        unsigned char h[32];
        jaen_sha256(conf->glossary_tsv, conf->glossary_tsv_len, h);
        snprintf(mt->glossary_version, sizeof(mt->glossary_version),
                 "tsv:%02x%02x%02x%02x%02x%02x%02x%02x", h[0], h[1], h[2],
                 h[3], h[4], h[5], h[6], h[7]);
    } else if (conf->glossary_id) {
        snprintf(mt->glossary_version, sizeof(mt->glossary_version),
                 "id:%s", conf->glossary_id);
    }
    if (conf->glossary_id) {
        mt->glossary_id = jaen_strdup(conf->glossary_id);
        if (!mt->glossary_id)
            rc = jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    }
    if (!rc && conf->backend) {
        rc = conf->backend->url(conf->endpoint, conf->key, &mt->url, err);
        if (!rc)
            rc = jaen_mt_url_check(mt->url.ptr, err);
        if (!rc && !conf->offline)
            rc = jaen_http_open(&mt->http, &conf->http, err);
    }
    if (!rc)
        rc = jaen_tm_open(&mt->tm, conf->cache_path, err);
    if (rc) {
        jaen_mt_close(mt);
        return rc;
    }
    *out = mt;
    return JAEN_OK;
}

void jaen_mt_close(struct jaen_mt *mt)
{
    if (!mt)
        return;
    jaen_http_close(mt->http);
    jaen_tm_close(mt->tm);
    jaen_buf_free(&mt->url);
    jaen_buf_free(&mt->body);
    /* The Authorization line held the key. */
    if (mt->auth.ptr)
        memset(mt->auth.ptr, 0, mt->auth.alloc);
    jaen_buf_free(&mt->auth);
    jaen_buf_free(&mt->scratch);
    jaen_free(mt->glossary_id);
    jaen_free(mt);
}

const char *jaen_mt_fatal(const struct jaen_mt *mt)
{
    return mt->fatal[0] ? mt->fatal : NULL;
}

void jaen_mt_get_stats(const struct jaen_mt *mt, struct jaen_mt_stats *s)
{
    *s = mt->st;
    if (mt->http) {
        const struct jaen_http_stats *h = jaen_http_stats(mt->http);
        s->requests = h->requests;
        s->retries = h->retries;
        s->bytes_sent = h->bytes_sent;
        s->max_payload = h->max_payload;
    }
}

int jaen_mt_export_tmx(struct jaen_mt *mt, const char *path,
                       struct jaen_err *err)
{
    return jaen_tm_export_tmx(mt->tm, path, err);
}

void jaen_mt_report(struct jaen_mt *mt)
{
    struct jaen_mt_stats s;

    if (!mt->conf.progress)
        return;
    jaen_mt_get_stats(mt, &s);
    mt->conf.progress(mt->conf.progress_arg, &s);
}

/* ---- one document ---- */

static void keyparts(const struct jaen_mt *mt, const char *text, size_t len,
                     struct jaen_tm_keyparts *kp)
{
    kp->engine = jaen_mt_engine_name(mt);
    kp->model = mt->conf.model ? mt->conf.model : "";
    kp->source_lang = "ja";
    kp->target_lang = "en";
    kp->glossary = mt->glossary_version;
    kp->text = text;
    kp->text_len = len;
}

static void free_spans(struct span *sp, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        jaen_free(sp[i].en);
    jaen_free(sp);
}

/* Drops the terms (sp[0..nterms)) that overlap a value (sp[nterms..n)):
 * an exact value outranks a glossary rendering that would swallow it
 * (24時間監視 "continuous monitoring" loses the 24).  Returns the new n. */
static size_t values_win(struct span *sp, size_t nterms, size_t n)
{
    size_t i, j, k = 0;

    for (i = 0; i < n; i++) {
        int hit = 0;
        for (j = nterms; i < nterms && j < n && !hit; j++)
            hit = sp[i].start < sp[j].end && sp[j].start < sp[i].end;
        if (hit)
            jaen_free(sp[i].en);
        else
            sp[k++] = sp[i];
    }
    return k;
}

/* Collects the protected spans of the document: glossary terms ("terms",
 * with "en") and values ("entities" that render to English). */
static int collect_spans(struct jaen_doc *doc, struct span **out,
                         size_t *nout, struct jaen_err *err)
{
    const char *keys[2] = { JAEN_F_TERMS, JAEN_F_ENTITIES };
    struct span *sp = NULL;
    size_t n = 0, cap = 0, k, i, nterms = 0;
    struct jaen_buf en;
    int rc = JAEN_OK;

    jaen_buf_init(&en, JAEN_PROT_MAX_BYTES);
    for (k = 0; k < 2 && !rc; k++) {
        json_t *arr = jaen_doc_get(doc, keys[k], err);

        if (k == 1)
            nterms = n;
        for (i = 0; i < json_array_size(arr) && !rc; i++) {
            const json_t *o = json_array_get(arr, i);
            const json_t *s = json_object_get(o, JAEN_F_START);
            const json_t *e = json_object_get(o, JAEN_F_END);
            int ok;

            if (!json_is_integer(s) || !json_is_integer(e))
                continue;
            jaen_buf_reset(&en);
            if (k == 0) {
                const char *t = json_string_value(json_object_get(o, "en"));
                ok = t && t[0] && !jaen_buf_adds(&en, t);
            } else {
                ok = jaen_protect_entity_en(o, &en);
                if (ok < 0) {
                    rc = ok;
                    break;
                }
            }
            if (!ok)
                continue;
            if (n == cap) {
                struct span *g;
                cap = cap ? cap * 2 : 32;
                g = jaen_realloc(sp, cap * sizeof(*sp));
                if (!g) {
                    rc = JAEN_ENOMEM;
                    break;
                }
                sp = g;
            }
            sp[n].start = json_integer_value(s);
            sp[n].end = json_integer_value(e);
            sp[n].en = jaen_buf_take(&en, NULL);
            if (!sp[n].en) {
                rc = JAEN_ENOMEM;
                break;
            }
            n++;
        }
    }
    jaen_buf_free(&en);
    if (rc) {
        free_spans(sp, n);
        return jaen_err_set(err, rc, "collecting terms: %s",
                            jaen_strstatus(rc));
    }
    *out = sp;
    *nout = values_win(sp, nterms, n);
    return JAEN_OK;
}

/* Code point -> byte offsets of text: offs[0..ncp]. */
static size_t *cp_offsets(const char *text, size_t len, size_t ncp)
{
    size_t *offs = jaen_malloc((ncp + 1) * sizeof(*offs));
    size_t pos = 0, i = 0;
    uint32_t c;

    if (!offs)
        return NULL;
    while (pos < len && i < ncp) {
        offs[i++] = pos;
        jaen_utf8_next(text, len, &pos, &c);
    }
    while (i <= ncp)
        offs[i++] = pos;
    return offs;
}

/* Protects sentence i into pe and computes its keys. */
static int prepare(struct jaen_mt *mt, const char *text, const size_t *offs,
                   const struct jaen_sent *s, const struct span *sp,
                   size_t nsp, struct pending *pe, struct jaen_err *err)
{
    enum jaen_prot_style style = mt->conf.backend ? mt->conf.backend->style
                                                  : JAEN_PROT_TOKEN;
    struct jaen_prot_span *ps = NULL;
    struct jaen_tm_keyparts kp;
    struct jaen_buf norm;
    size_t a = offs[s->start], b = offs[s->end], i, n = 0;
    int rc;

    pe->source = jaen_strndup(text + a, b - a);
    if (nsp)
        ps = jaen_malloc(nsp * sizeof(*ps));
    if (!pe->source || (nsp && !ps)) {
        jaen_free(ps);
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    }
    for (i = 0; i < nsp; i++) {
        if (sp[i].start < s->start || sp[i].end > s->end)
            continue;
        ps[n].start = sp[i].start - s->start;
        ps[n].end = sp[i].end - s->start;
        ps[n].en = sp[i].en;
        n++;
    }
    rc = jaen_protect(text + a, b - a, ps, n, style, &pe->prot, err);
    jaen_free(ps);
    if (rc)
        return rc;
    jaen_buf_init(&norm, JAEN_PROT_MAX_BYTES);
    rc = jaen_tm_normalize(pe->prot.text.ptr ? pe->prot.text.ptr : "",
                           pe->prot.text.len, &norm);
    pe->text = rc ? NULL : jaen_buf_take(&norm, &pe->text_len);
    if (!pe->text)
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    rc = jaen_tm_normalize(pe->prot.key.ptr ? pe->prot.key.ptr : "",
                           pe->prot.key.len, &norm);
    if (rc) {
        jaen_buf_free(&norm);
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    }
    keyparts(mt, norm.ptr ? norm.ptr : "", norm.len, &kp);
    jaen_tm_key(&kp, pe->key);
    jaen_buf_reset(&norm);
    rc = jaen_tm_normalize(pe->source, b - a, &norm);
    if (!rc)
        jaen_tm_skey(&kp, norm.ptr ? norm.ptr : "", norm.len, pe->skey);
    jaen_buf_free(&norm);
    return rc ? jaen_err_set(err, JAEN_ENOMEM, "out of memory") : JAEN_OK;
}

/* Bytes text adds to a request body once JSON-escaped. */
static size_t body_cost(struct jaen_mt *mt, const char *text, size_t len)
{
    jaen_buf_reset(&mt->scratch);
    if (jaen_json_add_string(&mt->scratch, text, len))
        return (size_t)-1 / 4;
    return mt->scratch.len + 1;
}

/* Translates the pending sentences that are not duplicates, in batches. */
static int run_batches(struct jaen_mt *mt, const char *text,
                       const size_t *offs, const struct jaen_sent *sents,
                       size_t nsents, struct pending *pend, size_t np,
                       struct jaen_err *err)
{
    const struct jaen_mt_backend *be = mt->conf.backend;
    struct pending *batch[64];
    size_t i = 0, j, n, used;
    int rc = JAEN_OK;

    while (i < np && !rc) {
        char *ctx = NULL;

        if (pend[i].dup_of >= 0 || pend[i].en || pend[i].why) {
            i++;
            continue;
        }
        if (mt->fatal[0]) {
            pend[i].why = mt->fatal;
            i++;
            continue;
        }
        rc = jaen_mt_batch_glossary(mt, err);
        if (rc)
            break;
        if (mt->fatal[0])
            continue;
        n = 0;
        used = MT_BODY_OVERHEAD + MT_CONTEXT_MAX + 6 * MT_CONTEXT_MAX / 5;
        for (j = i; j < np && n < be->max_texts && n < 64; j++) {
            size_t c;
            if (pend[j].dup_of >= 0 || pend[j].en || pend[j].why)
                continue;
            c = body_cost(mt, pend[j].text, pend[j].text_len);
            if (used + c > be->max_body) {
                if (n == 0) {
                    pend[j].why = "the sentence is too long for one "
                                  "request";
                    continue;
                }
                break;
            }
            used += c;
            batch[n++] = &pend[j];
        }
        i = j;
        if (!n)
            continue;
        rc = jaen_mt_batch_context(mt, text, offs, sents, nsents,
                                   batch[0]->sent, batch[n - 1]->sent);
        if (!rc)
            ctx = jaen_buf_take(&mt->scratch, NULL);
        if (!ctx) {
            rc = jaen_err_set(err, JAEN_ENOMEM, "out of memory");
            break;
        }
        rc = jaen_mt_batch_send(mt, batch, n, ctx, err);
        jaen_free(ctx);
        if (!rc)
            rc = jaen_tm_begin(mt->tm, err);
        for (j = 0; j < n && !rc; j++) {
            struct jaen_tm_keyparts kp;
            if (!batch[j]->en)
                continue;
            keyparts(mt, "", 0, &kp);
            rc = jaen_tm_put(mt->tm, batch[j]->key, batch[j]->skey, &kp,
                             batch[j]->source, batch[j]->en, err);
        }
        if (!rc)
            rc = jaen_tm_commit(mt->tm, err);
        jaen_mt_report(mt);
    }
    return rc;
}

/* Writes en/en_source or error into sentence i's extra keys. */
static int set_result(struct jaen_doc *doc, size_t i, const char *en,
                      const char *source, const char *why)
{
    json_t *x = jaen_doc_sentence_extra(doc, i);
    int rc;

    if (!x)
        return JAEN_ENOMEM;
    json_object_del(x, "en");
    json_object_del(x, "en_source");
    json_object_del(x, JAEN_F_ERROR);
    if (en) {
        rc = json_object_set_new(x, "en", json_string(en));
        if (!rc)
            rc = json_object_set_new(x, "en_source", json_string(source));
    } else {
        rc = json_object_set_new(x, JAEN_F_ERROR, json_string(why));
    }
    return rc ? JAEN_ENOMEM : JAEN_OK;
}

static void free_pending(struct pending *p, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        jaen_prot_free(&p[i].prot);
        jaen_free(p[i].text);
        jaen_free(p[i].source);
        jaen_free(p[i].en);
    }
    jaen_free(p);
}

/* Looks pe up in the TM: by the full key, then (offline) by the
 * engine-free key.  Returns 1 when found (pe->en set). */
static int from_tm(struct jaen_mt *mt, struct pending *pe,
                   struct jaen_err *err)
{
    int rc = 0;

    if (mt->conf.backend)
        rc = jaen_tm_get(mt->tm, pe->key, &pe->en, err);
    if (rc == 0 && mt->conf.offline)
        rc = jaen_tm_get_skey(mt->tm, pe->skey, &pe->en, err);
    return rc;
}

int jaen_mt_translate_doc(struct jaen_mt *mt, struct jaen_doc *doc,
                          struct jaen_err *err)
{
    struct jaen_sent *sents;
    const struct jaen_tok *toks;
    size_t nsents, ntoks, len, ncp, i, np = 0, nsp = 0, failed = 0;
    const char *text, *first_why = NULL;
    struct pending *pend = NULL;
    struct span *sp = NULL;
    size_t *offs = NULL;
    char first[200] = "";
    int rc;

    rc = jaen_doc_sentences(doc, &sents, &nsents, &toks, &ntoks, err);
    if (rc || !nsents)
        return rc;
    rc = jaen_doc_text(doc, &text, &len, &ncp, err);
    if (rc)
        return rc;
    for (i = 0; i < nsents; i++)
        if (sents[i].start < 0 || sents[i].end > (int64_t)ncp
            || sents[i].start > sents[i].end)
            return jaen_err_set(err, JAEN_EDATA,
                                "sentence %zu lies outside the text", i);
    offs = cp_offsets(text, len, ncp);
    pend = jaen_calloc(nsents, sizeof(*pend));
    if (!offs || !pend) {
        rc = jaen_err_set(err, JAEN_ENOMEM, "out of memory");
        goto out;
    }
    rc = collect_spans(doc, &sp, &nsp, err);
    for (i = 0; i < nsents && !rc; i++) {
        const json_t *ph = json_object_get(sents[i].extra, "phrase");
        const char *pen = json_string_value(json_object_get(ph, "en"));
        struct pending *pe = &pend[np];
        size_t k;

        mt->st.sentences++;
        if (pen) {
            rc = set_result(doc, i, pen, "phrase", NULL);
            mt->st.phrase++;
            mt->st.done++;
            continue;
        }
        jaen_prot_init(&pe->prot);
        pe->sent = i;
        pe->dup_of = -1;
        np++;
        rc = prepare(mt, text, offs, &sents[i], sp, nsp, pe, err);
        if (!rc)
            rc = from_tm(mt, pe, err);
        if (rc == 1) {
            rc = JAEN_OK;
            pe->tm_hit = 1;
            mt->st.tm_hits++;
            continue;
        }
        for (k = 0; k + 1 < np && !rc; k++)
            if (!memcmp(pend[k].key, pe->key, 32)) {
                pe->dup_of = (long)k;
                break;
            }
        if (!mt->conf.backend || mt->conf.offline)
            pe->why = "not in the translation memory (offline run)";
    }
    if (!rc && mt->conf.backend && !mt->conf.offline)
        rc = run_batches(mt, text, offs, sents, nsents, pend, np, err);
    for (i = 0; i < np && !rc; i++) {
        struct pending *pe = &pend[i];
        struct pending *src = pe->dup_of >= 0 ? &pend[pe->dup_of] : pe;
        int hit = src->tm_hit;

        if (src->en) {
            rc = set_result(doc, pe->sent, src->en,
                            hit ? "tm" : jaen_mt_engine_name(mt), NULL);
            mt->st.done++;
            if (!hit)
                mt->st.translated++;
        } else {
            const char *why = src->why ? src->why : "not translated";
            rc = set_result(doc, pe->sent, NULL, NULL, why);
            mt->st.failed++;
            if (!failed++) {
                snprintf(first, sizeof(first), "%s", why);
                first_why = first;
            }
        }
    }
    if (rc == JAEN_ENOMEM)
        jaen_err_set(err, rc, "out of memory");
    if (!rc && failed)
        rc = jaen_err_set(err, JAEN_EPARTIAL,
                          "%zu of %zu sentences not translated; first: %s",
                          failed, nsents, first_why);
out:
    jaen_mt_report(mt);
    free_spans(sp, nsp);
    free_pending(pend, np);
    jaen_free(offs);
    return rc;
}

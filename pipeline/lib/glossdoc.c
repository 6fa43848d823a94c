/* glossdoc.c: the gloss transform of one document (jaen_gloss_doc).
 *
 * The text is folded once with its offset map.  Token boundaries, given in
 * code points of the original text, become byte offsets of the folded text
 * (a boundary inside a composed pair such as ｶﾞ has none), and the matcher
 * runs over each sentence's tokens.  Terms report the original spans, so
 * "ja" is the text as written.  Phrase keys are built from the same folded
 * text with normalize's entities replaced by slot tokens. */
#include "gloss.h"

#include "alloc.h"
#include "fold.h"
#include "glossfmt.h"
#include "limits.h"
#include "phrase.h"
#include "utf8.h"

#include <string.h>

struct work {
    const char *text;       /* original text */
    size_t ncp;             /* its code points */
    size_t *obyte;          /* original cp -> original byte, ncp + 1 */
    size_t *inv;            /* original cp -> folded byte or NOPOS */
    struct jaen_buf folded; /* folded text */
    struct jaen_buf key;    /* phrase key of one sentence */
    struct jaen_buf en;     /* filled phrase English */
    struct jaen_gloss_span *spans;
    struct jaen_gloss_hit *hits;
    struct jaen_phrase_slot *slots;
    size_t nslots;
};

static void work_free(struct work *w)
{
    jaen_free(w->obyte);
    jaen_free(w->inv);
    jaen_free(w->spans);
    jaen_free(w->hits);
    jaen_free(w->slots);
    jaen_buf_free(&w->folded);
    jaen_buf_free(&w->key);
    jaen_buf_free(&w->en);
}

/* Folds the text and builds the two offset tables. */
static int prepare(struct work *w, size_t len, struct jaen_err *err)
{
    int64_t *map = NULL;
    size_t nmap = 0, i, pos = 0, cp = 0;
    int rc;

    rc = jaen_fold(w->text, len, &w->folded, &map, &nmap, err);
    if (rc)
        return rc;
    w->obyte = jaen_malloc((w->ncp + 1) * sizeof(*w->obyte));
    w->inv = jaen_malloc((w->ncp + 1) * sizeof(*w->inv));
    if (!w->obyte || !w->inv) {
        jaen_free(map);
        return JAEN_ENOMEM;
    }
    while (pos < len && cp < w->ncp) {
        uint32_t c;
        w->obyte[cp++] = pos;
        jaen_utf8_next(w->text, len, &pos, &c);
    }
    w->obyte[cp] = len;
    for (i = 0; i <= w->ncp; i++)
        w->inv[i] = JAEN_GLOSS_NOPOS;
    for (i = 0, pos = 0; i < nmap; i++) {
        uint32_t c;
        size_t o = (size_t)map[i];
        if (o <= w->ncp && w->inv[o] == JAEN_GLOSS_NOPOS)
            w->inv[o] = pos;
        jaen_utf8_next(w->folded.ptr, w->folded.len, &pos, &c);
    }
    w->inv[w->ncp] = w->folded.len;
    jaen_free(map);
    return JAEN_OK;
}

/* Folded bytes of original code points [a, b) minus whitespace onto key. */
static int key_text(struct work *w, int64_t a, int64_t b)
{
    size_t fa, fb;

    while (a < b && w->inv[a] == JAEN_GLOSS_NOPOS)
        a++;
    while (b < (int64_t)w->ncp && w->inv[b] == JAEN_GLOSS_NOPOS)
        b++;
    if (a >= b)
        return JAEN_OK;
    fa = w->inv[a];
    fb = w->inv[b];
    return fb > fa ? jaen_phrase_key_add(&w->key, w->folded.ptr + fa, fb - fa)
                   : JAEN_OK;
}

/* Builds the key of sentence s and, when a phrase has it, fills "phrase". */
static int phrase(const struct jaen_gloss *g, struct work *w,
                  struct jaen_doc *doc, size_t si, const struct jaen_sent *s,
                  size_t *k, struct jaen_err *err)
{
    size_t first, n, i;
    int64_t a = s->start;
    uint32_t entry;
    struct jaen_gloss_entry e;
    json_t *extra, *obj;
    int rc;

    while (*k < w->nslots && w->slots[*k].start < s->start)
        (*k)++;
    first = *k;
    while (*k < w->nslots && w->slots[*k].end <= s->end)
        (*k)++;
    n = *k - first;
    jaen_phrase_name(w->slots + first, n);
    jaen_buf_reset(&w->key);
    for (i = first, rc = JAEN_OK; !rc && i < first + n; i++) {
        rc = key_text(w, a, w->slots[i].start);
        if (!rc)
            rc = jaen_buf_adds(&w->key, w->slots[i].name);
        a = w->slots[i].end;
    }
    if (!rc)
        rc = key_text(w, a, s->end);
    if (rc)
        return rc;
    if (!jaen_gloss_phrase(g, w->key.ptr, w->key.len, &entry)) {
        if (s->extra && json_object_get(s->extra, "phrase")) {
            extra = jaen_doc_sentence_extra(doc, si);
            if (extra)
                json_object_del(extra, "phrase");
        }
        return JAEN_OK;
    }
    rc = jaen_gloss_entry(g, entry, &e, err);
    if (rc)
        return rc;
    jaen_buf_reset(&w->en);
    rc = jaen_phrase_fill(e.en, w->slots + first, n, &w->en, err);
    if (rc == JAEN_EDATA) {
        jaen_err_clear(err);   /* a value with no English: not covered */
        return JAEN_OK;
    }
    if (rc)
        return rc;
    extra = jaen_doc_sentence_extra(doc, si);
    obj = json_pack("{s:s,s:s%,s:s}", "concept", e.concept, "en",
                    w->en.ptr ? w->en.ptr : "", w->en.len, "entry", e.ja);
    if (!extra || !obj || json_object_set_new(extra, "phrase", obj)) {
        json_decref(obj);
        return JAEN_ENOMEM;
    }
    return JAEN_OK;
}

/* Appends the terms found in sentence s to terms. */
static int terms_of(const struct jaen_gloss *g, struct work *w,
                    const struct jaen_sent *s, const struct jaen_tok *toks,
                    json_t *terms, struct jaen_err *err)
{
    size_t nh = jaen_gloss_match(g, w->folded.ptr, w->folded.len,
                                 w->spans + s->tok0, s->ntok, w->hits), i;

    for (i = 0; i < nh; i++) {
        const struct jaen_tok *a = &toks[s->tok0 + w->hits[i].first];
        const struct jaen_tok *b = &toks[s->tok0 + w->hits[i].last];
        struct jaen_gloss_entry e;
        size_t ba = w->obyte[a->start], bb = w->obyte[b->end];
        json_t *t;
        int rc = jaen_gloss_entry(g, w->hits[i].entry, &e, err);

        if (rc)
            return rc;
        t = json_pack("{s:I,s:I,s:s%,s:s,s:s,s:s}", "start",
                      (json_int_t)a->start, "end", (json_int_t)b->end, "ja",
                      w->text + ba, bb - ba, "en", e.en, "concept", e.concept,
                      "entry", e.ja);
        if (!t || json_array_append_new(terms, t))
            return JAEN_ENOMEM;
    }
    return JAEN_OK;
}

int jaen_gloss_doc(const struct jaen_gloss *g, struct jaen_doc *doc,
                   struct jaen_err *err)
{
    struct jaen_sent *sents;
    const struct jaen_tok *toks;
    size_t nsents, ntoks, len, i, k = 0;
    struct work w;
    json_t *terms = NULL;
    int rc;

    memset(&w, 0, sizeof(w));
    jaen_buf_init(&w.folded, JAEN_MAX_RECORD_BYTES * 4);
    jaen_buf_init(&w.key, JAEN_MAX_RECORD_BYTES * 4);
    jaen_buf_init(&w.en, JAEN_MAX_RECORD_BYTES);
    rc = jaen_doc_text(doc, &w.text, &len, &w.ncp, err);
    if (!rc && !jaen_doc_has(doc, JAEN_F_SENTENCES))
        rc = jaen_err_set(err, JAEN_EDATA,
                          "no \"sentences\": run jaen segment first");
    if (!rc)
        rc = jaen_doc_sentences(doc, &sents, &nsents, &toks, &ntoks, err);
    if (!rc)
        rc = prepare(&w, len, err);
    if (!rc) {
        w.spans = jaen_malloc((ntoks + 1) * sizeof(*w.spans));
        w.hits = jaen_malloc((ntoks + 1) * sizeof(*w.hits));
        terms = json_array();
        if (!w.spans || !w.hits || !terms)
            rc = JAEN_ENOMEM;
    }
    for (i = 0; !rc && i < ntoks; i++) {
        if (toks[i].start < 0 || toks[i].end > (int64_t)w.ncp
            || toks[i].start >= toks[i].end)
            rc = jaen_err_set(err, JAEN_EDATA,
                              "token %zu [%lld, %lld) outside the text", i,
                              (long long)toks[i].start,
                              (long long)toks[i].end);
        else {
            w.spans[i].start = w.inv[toks[i].start];
            w.spans[i].end = w.inv[toks[i].end];
        }
    }
    for (i = 0; !rc && i < nsents; i++)
        if (sents[i].start < 0 || sents[i].end > (int64_t)w.ncp)
            rc = jaen_err_set(err, JAEN_EDATA, "sentence %zu outside the "
                              "text", i);
    if (!rc)
        rc = jaen_phrase_collect(jaen_doc_get(doc, JAEN_F_ENTITIES, NULL),
                                 &w.slots, &w.nslots);
    for (i = 0; !rc && i < nsents; i++) {
        rc = terms_of(g, &w, &sents[i], toks, terms, err);
        if (!rc)
            rc = phrase(g, &w, doc, i, &sents[i], &k, err);
    }
    if (!rc) {
        rc = jaen_doc_set(doc, JAEN_F_TERMS, terms);
        terms = NULL;
    }
    json_decref(terms);
    work_free(&w);
    return rc;
}

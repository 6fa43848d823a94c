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
    struct jaen_buf en;     /* filled phrase English */
    struct jaen_buf terms;  /* the "terms" array as JSON text */
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
    jaen_buf_free(&w->en);
    jaen_buf_free(&w->terms);
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
    /* valid UTF-8: a code point starts at every non-continuation byte */
    for (pos = 0; pos < len && cp < w->ncp; pos++)
        if (((unsigned char)w->text[pos] & 0xC0) != 0x80)
            w->obyte[cp++] = pos;
    w->obyte[cp] = len;
    for (i = 0; i <= w->ncp; i++)
        w->inv[i] = JAEN_GLOSS_NOPOS;
    for (i = 0, pos = 0; i < nmap && pos < w->folded.len; pos++) {
        size_t o;
        if (((unsigned char)w->folded.ptr[pos] & 0xC0) == 0x80)
            continue;
        o = (size_t)map[i++];
        if (o <= w->ncp && w->inv[o] == JAEN_GLOSS_NOPOS)
            w->inv[o] = pos;
    }
    w->inv[w->ncp] = w->folded.len;
    jaen_free(map);
    return JAEN_OK;
}

/* Feeds the folded bytes of original code points [a, b), minus
 * whitespace, to the phrase cursor.  Returns 0 once no phrase can match. */
static int feed_text(const struct jaen_gloss *g, struct work *w,
                     struct jaen_gloss_cursor *c, int64_t a, int64_t b)
{
    const char *s;
    size_t pos = 0, run = 0, len, n;

    while (a < b && w->inv[a] == JAEN_GLOSS_NOPOS)
        a++;
    while (b < (int64_t)w->ncp && w->inv[b] == JAEN_GLOSS_NOPOS)
        b++;
    if (a >= b || w->inv[b] <= w->inv[a])
        return !c->dead;
    s = w->folded.ptr + w->inv[a];
    len = w->inv[b] - w->inv[a];
    while (pos < len) {
        n = jaen_phrase_space_at(s + pos, len - pos);
        if (!n && pos - run < 16) {
            pos++;
            continue;
        }
        /* feed at most 16 bytes at a time, so that a dead key stops us */
        if (!jaen_gloss_phrase_feed(g, c, s + run, pos - run))
            return 0;
        pos += n;
        run = pos;
    }
    return jaen_gloss_phrase_feed(g, c, s + run, len - run);
}

/* Looks sentence s up as a fixed phrase and, when one covers it, fills
 * its "phrase".  The key is fed to the trie piece by piece and abandoned
 * at the first byte that no phrase has. */
static int phrase(const struct jaen_gloss *g, struct work *w,
                  struct jaen_doc *doc, size_t si, const struct jaen_sent *s,
                  size_t *k, struct jaen_err *err)
{
    struct jaen_gloss_cursor c;
    size_t first, n, i;
    int64_t a = s->start;
    uint32_t entry;
    struct jaen_gloss_entry e;
    json_t *extra, *obj;
    int rc, alive = 1;

    while (*k < w->nslots && w->slots[*k].start < s->start)
        (*k)++;
    first = *k;
    while (*k < w->nslots && w->slots[*k].end <= s->end)
        (*k)++;
    n = *k - first;
    jaen_phrase_name(w->slots + first, n);
    jaen_gloss_phrase_start(&c);
    for (i = first; alive && i < first + n; i++) {
        alive = feed_text(g, w, &c, a, w->slots[i].start)
            && jaen_gloss_phrase_feed(g, &c, w->slots[i].name,
                                      strlen(w->slots[i].name));
        a = w->slots[i].end;
    }
    if (alive)
        alive = feed_text(g, w, &c, a, s->end);
    if (!alive || !jaen_gloss_phrase_end(g, &c, &entry)) {
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

/* Appends the terms found in sentence s to the JSON array text in
 * w->terms (written directly: a corpus has hundreds of thousands). */
static int terms_of(const struct jaen_gloss *g, struct work *w,
                    const struct jaen_sent *s, const struct jaen_tok *toks,
                    struct jaen_err *err)
{
    size_t nh = jaen_gloss_match(g, w->folded.ptr, w->folded.len,
                                 w->spans + s->tok0, s->ntok, w->hits), i;
    struct jaen_buf *o = &w->terms;
    int rc = JAEN_OK;

    for (i = 0; !rc && i < nh; i++) {
        const struct jaen_tok *a = &toks[s->tok0 + w->hits[i].first];
        const struct jaen_tok *b = &toks[s->tok0 + w->hits[i].last];
        struct jaen_gloss_entry e;
        size_t ba = w->obyte[a->start], bb = w->obyte[b->end];

        rc = jaen_gloss_entry(g, w->hits[i].entry, &e, err);
        if (!rc)
            rc = jaen_buf_adds(o, o->len > 1 ? ",{\"start\":" : "{\"start\":");
        if (!rc)
            rc = jaen_buf_add_i64(o, a->start);
        if (!rc)
            rc = jaen_buf_adds(o, ",\"end\":");
        if (!rc)
            rc = jaen_buf_add_i64(o, b->end);
        if (!rc)
            rc = jaen_buf_adds(o, ",\"ja\":");
        if (!rc)
            rc = jaen_json_add_string(o, w->text + ba, bb - ba);
        if (!rc)
            rc = jaen_buf_adds(o, ",\"en\":");
        if (!rc)
            rc = jaen_json_add_string(o, e.en, strlen(e.en));
        if (!rc)
            rc = jaen_buf_adds(o, ",\"concept\":");
        if (!rc)
            rc = jaen_json_add_string(o, e.concept, strlen(e.concept));
        if (!rc)
            rc = jaen_buf_adds(o, ",\"entry\":");
        if (!rc)
            rc = jaen_json_add_string(o, e.ja, strlen(e.ja));
        if (!rc)
            rc = jaen_buf_addc(o, '}');
    }
    return rc;
}

int jaen_gloss_doc(const struct jaen_gloss *g, struct jaen_doc *doc,
                   struct jaen_err *err)
{
    struct jaen_sent *sents;
    const struct jaen_tok *toks;
    size_t nsents, ntoks, len, i, k = 0;
    struct work w;
    int rc;

    memset(&w, 0, sizeof(w));
    jaen_buf_init(&w.folded, JAEN_MAX_RECORD_BYTES * 4);
    jaen_buf_init(&w.en, JAEN_MAX_RECORD_BYTES);
    jaen_buf_init(&w.terms, JAEN_MAX_RECORD_BYTES * 4);
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
        if (!w.spans || !w.hits || jaen_buf_addc(&w.terms, '['))
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
        rc = terms_of(g, &w, &sents[i], toks, err);
        if (!rc)
            rc = phrase(g, &w, doc, i, &sents[i], &k, err);
    }
    if (!rc)
        rc = jaen_buf_addc(&w.terms, ']');
    if (!rc)
        rc = jaen_doc_set_raw(doc, JAEN_F_TERMS, w.terms.ptr, w.terms.len);
    work_free(&w);
    return rc;
}

/* termstat.c: counting what the glossary does not cover (termstat.h). */
#include "termstat.h"

#include "alloc.h"
#include "fold.h"
#include "phrase.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

struct counted {
    char *s;                /* jaen_malloc'd, NUL-terminated */
    size_t len;             /* bytes */
    long n;                 /* occurrences */
    uint64_t hash;
};

struct counter {
    struct counted *items;  /* open addressing, power-of-two size */
    size_t size, used;
};

struct jaen_termstat {
    struct counter runs;        /* uncovered noun runs */
    struct counter sents;       /* uncovered sentence keys */
    long docs;                  /* documents counted */
    long nsent, nsent_phrase;   /* sentences, of which covered */
    long ntok, ntok_term;       /* all tokens, of which inside a term */
    long nword, nword_term;     /* word tokens, of which inside a term */
    struct jaen_buf tmp, key;   /* scratch */
};

static uint64_t fnv(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    size_t i;

    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

static int counter_add(struct counter *c, const char *s, size_t len)
{
    uint64_t h = fnv(s, len);
    size_t i;

    if ((c->used + 1) * 2 > c->size) {
        size_t n = c->size ? c->size * 2 : 4096, k;
        struct counted *t = jaen_calloc(n, sizeof(*t));
        if (!t)
            return JAEN_ENOMEM;
        for (k = 0; k < c->size; k++) {
            if (!c->items[k].s)
                continue;
            i = (size_t)c->items[k].hash & (n - 1);
            while (t[i].s)
                i = (i + 1) & (n - 1);
            t[i] = c->items[k];
        }
        jaen_free(c->items);
        c->items = t;
        c->size = n;
    }
    i = (size_t)h & (c->size - 1);
    while (c->items[i].s) {
        struct counted *e = &c->items[i];
        if (e->hash == h && e->len == len && memcmp(e->s, s, len) == 0) {
            e->n++;
            return JAEN_OK;
        }
        i = (i + 1) & (c->size - 1);
    }
    c->items[i].s = jaen_strndup(s, len);
    if (!c->items[i].s)
        return JAEN_ENOMEM;
    c->items[i].len = len;
    c->items[i].n = 1;
    c->items[i].hash = h;
    c->used++;
    return JAEN_OK;
}

static void counter_free(struct counter *c)
{
    size_t i;

    for (i = 0; i < c->size; i++)
        jaen_free(c->items[i].s);
    jaen_free(c->items);
}

struct jaen_termstat *jaen_termstat_new(void)
{
    struct jaen_termstat *ts = jaen_calloc(1, sizeof(*ts));

    if (ts) {
        jaen_buf_init(&ts->tmp, (size_t)1 << 30);
        jaen_buf_init(&ts->key, (size_t)1 << 30);
    }
    return ts;
}

void jaen_termstat_free(struct jaen_termstat *ts)
{
    if (!ts)
        return;
    counter_free(&ts->runs);
    counter_free(&ts->sents);
    jaen_buf_free(&ts->tmp);
    jaen_buf_free(&ts->key);
    jaen_free(ts);
}

static int nounish(uint32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)
        || c == 0x3005 || c == 0x3006 || (c >= 0x30A1 && c <= 0x30FC)
        || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
        || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)
        || (c >= 0xFF66 && c <= 0xFF9F);
}

static int wordish(uint32_t c)
{
    return nounish(c) || (c >= 0x3041 && c <= 0x309F)
        || (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* Classifies text bytes [a, b): bit 0 all noun-like, bit 1 has a letter. */
static int classify(const char *t, size_t a, size_t b)
{
    int all = 1, any = 0;

    while (a < b) {
        uint32_t c;
        jaen_utf8_next(t, b, &a, &c);
        all = all && nounish(c);
        any = any || wordish(c);
    }
    return (all ? 1 : 0) | (any ? 2 : 0);
}

/* Appends the folded text of bytes [a, b) to out, whitespace removed. */
static int add_folded(struct jaen_termstat *ts, struct jaen_buf *out,
                      const char *t, size_t a, size_t b)
{
    int rc;

    jaen_buf_reset(&ts->tmp);
    rc = jaen_fold(t + a, b - a, &ts->tmp, NULL, NULL, NULL);
    return rc ? rc : jaen_phrase_key_add(out, ts->tmp.ptr ? ts->tmp.ptr : "",
                                         ts->tmp.len);
}

/* Byte offset of every code point, ncp + 1 entries. */
static size_t *cp_bytes(const char *t, size_t len, size_t ncp)
{
    size_t *ob = jaen_malloc((ncp + 1) * sizeof(*ob)), pos = 0, i = 0;

    if (!ob)
        return NULL;
    while (pos < len && i < ncp) {
        uint32_t c;
        ob[i++] = pos;
        jaen_utf8_next(t, len, &pos, &c);
    }
    while (i <= ncp)
        ob[i++] = len;
    return ob;
}

static int64_t get_int(const json_t *o, const char *k)
{
    return json_integer_value(json_object_get(o, k));
}

/* Tokens and noun runs of sentence s; terms[*ti..] are sorted spans. */
static int tokens(struct jaen_termstat *ts, const char *t, const size_t *ob,
                  const struct jaen_sent *s, const struct jaen_tok *toks,
                  const json_t *terms, size_t *ti)
{
    size_t i, run0 = 0, nrun = 0, nt = json_array_size(terms);
    int rc = JAEN_OK;

    for (i = 0; !rc && i <= s->ntok; i++) {
        const struct jaen_tok *k = &toks[s->tok0 + (i < s->ntok ? i : 0)];
        int covered = 0, cls = 0;
        if (i < s->ntok) {
            while (*ti < nt && get_int(json_array_get(terms, *ti), "end")
                   <= k->start)
                (*ti)++;
            covered = *ti < nt
                && get_int(json_array_get(terms, *ti), "start") <= k->start;
            cls = classify(t, ob[k->start], ob[k->end]);
            ts->ntok++;
            ts->ntok_term += covered;
            ts->nword += (cls & 2) != 0;
            ts->nword_term += covered && (cls & 2);
        }
        if (i < s->ntok && !covered && (cls & 1) && nrun < JAEN_TERMSTAT_MAX_RUN
            && (!nrun || toks[s->tok0 + i - 1].end == k->start)) {
            if (!nrun++)
                run0 = i;
            continue;
        }
        if (nrun >= 2) {
            jaen_buf_reset(&ts->key);
            rc = add_folded(ts, &ts->key, t, ob[toks[s->tok0 + run0].start],
                            ob[toks[s->tok0 + run0 + nrun - 1].end]);
            if (!rc)
                rc = counter_add(&ts->runs, ts->key.ptr, ts->key.len);
        }
        nrun = 0;
        if (i < s->ntok && !covered && (cls & 1)) {
            nrun = 1;
            run0 = i;
        }
    }
    return rc;
}

int jaen_termstat_doc(struct jaen_termstat *ts, struct jaen_doc *doc,
                      struct jaen_err *err)
{
    struct jaen_sent *sents;
    const struct jaen_tok *toks;
    struct jaen_phrase_slot *slots = NULL;
    size_t nsents, ntoks, len, ncp, i, ti = 0, k = 0, *ob;
    const char *t;
    const json_t *terms;
    int rc = jaen_doc_text(doc, &t, &len, &ncp, err);

    if (!rc && !jaen_doc_has(doc, JAEN_F_SENTENCES))
        rc = jaen_err_set(err, JAEN_EDATA, "no \"sentences\"");
    if (!rc)
        rc = jaen_doc_sentences(doc, &sents, &nsents, &toks, &ntoks, err);
    if (rc)
        return rc;
    terms = jaen_doc_get(doc, JAEN_F_TERMS, NULL);
    ob = cp_bytes(t, len, ncp);
    rc = ob ? jaen_phrase_collect_doc(doc, &slots, &k, err) : JAEN_ENOMEM;
    for (i = 0; !rc && i < nsents; i++) {
        const struct jaen_sent *s = &sents[i];
        size_t first, j, n = k;
        int64_t a = s->start;
        if (s->start < 0 || s->end > (int64_t)ncp || s->tok0 + s->ntok > ntoks)
            rc = jaen_err_set(err, JAEN_EDATA, "sentence %zu out of range", i);
        if (!rc)
            rc = tokens(ts, t, ob, s, toks, terms, &ti);
        ts->nsent++;
        if (rc || (s->extra && json_object_get(s->extra, "phrase"))) {
            ts->nsent_phrase += !rc;
            continue;
        }
        for (first = 0; first < n && slots[first].start < s->start; first++)
            ;
        for (j = first; j < n && slots[j].end <= s->end; j++)
            ;
        jaen_phrase_name(slots + first, j - first);
        jaen_buf_reset(&ts->key);
        for (; !rc && first < j; first++) {
            rc = add_folded(ts, &ts->key, t, ob[a], ob[slots[first].start]);
            if (!rc)
                rc = jaen_buf_adds(&ts->key, slots[first].name);
            a = slots[first].end;
        }
        if (!rc)
            rc = add_folded(ts, &ts->key, t, ob[a], ob[s->end]);
        if (!rc && jaen_utf8_count(ts->key.ptr ? ts->key.ptr : "",
                                   ts->key.len) >= JAEN_TERMSTAT_MIN_SENT)
            rc = counter_add(&ts->sents, ts->key.ptr, ts->key.len);
    }
    ts->docs++;
    jaen_free(slots);
    jaen_free(ob);
    return rc;
}

static int by_count(const void *a, const void *b)
{
    const struct counted *x = *(const struct counted *const *)a;
    const struct counted *y = *(const struct counted *const *)b;

    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return strcmp(x->s, y->s);
}

static int top_list(const struct counter *c, size_t top, const char *title,
                    struct jaen_buf *out)
{
    const struct counted **v = jaen_calloc(c->used + 1, sizeof(*v));
    size_t i, n = 0;
    int rc;

    if (!v)
        return JAEN_ENOMEM;
    for (i = 0; i < c->size; i++)
        if (c->items[i].s)
            v[n++] = &c->items[i];
    qsort(v, n, sizeof(*v), by_count);
    rc = jaen_buf_addf(out, "# %s (%zu distinct)\n", title, n);
    for (i = 0; !rc && i < n && i < top; i++)
        rc = jaen_buf_addf(out, "%ld\t%s\n", v[i]->n, v[i]->s);
    jaen_free(v);
    return rc;
}

static double pct(long a, long b)
{
    return b ? 100.0 * (double)a / (double)b : 0.0;
}

int jaen_termstat_report(const struct jaen_termstat *ts, size_t top,
                         struct jaen_buf *out)
{
    int rc = jaen_buf_addf(out,
        "# documents: %ld\n"
        "# sentences covered by a fixed phrase: %ld of %ld (%.2f%%)\n"
        "# word tokens inside a term: %ld of %ld (%.2f%%); all tokens: "
        "%ld of %ld (%.2f%%)\n",
        ts->docs, ts->nsent_phrase, ts->nsent, pct(ts->nsent_phrase,
                                                   ts->nsent),
        ts->nword_term, ts->nword, pct(ts->nword_term, ts->nword),
        ts->ntok_term, ts->ntok, pct(ts->ntok_term, ts->ntok));

    if (!rc)
        rc = top_list(&ts->runs, top, "uncovered noun sequences", out);
    if (!rc)
        rc = top_list(&ts->sents, top, "uncovered sentences", out);
    return rc;
}

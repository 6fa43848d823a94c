/* glossdoc.c: the gloss transform of one document (jaen_gloss_doc).
 *
 * One pass over the text finds each code point's byte offset and its
 * offset in the folded text (a boundary inside a composed pair such as ｶﾞ
 * has none); most text folds to itself, and then the text is used as it
 * is, with no copy.  Token boundaries, given in code points of the
 * original text, become byte offsets of the folded text, and the matcher
 * runs over each sentence's tokens.  Terms report the original spans, so
 * "ja" is the text as written; the rest of each "terms" object comes ready
 * made from the glossary.  Phrase keys are built from the same folded text
 * with normalize's entities replaced by slot tokens. */
#include "gloss.h"

#include "alloc.h"
#include "fold.h"
#include "glossfmt.h"
#include "limits.h"
#include "phrase.h"
#include "utf8.h"

#include <string.h>

#define NOPOS32 UINT32_MAX

struct work {
    const char *text;       /* original text */
    size_t ncp;             /* its code points */
    uint32_t *obyte;        /* original cp -> original byte, ncp + 1 */
    uint32_t *inv;          /* original cp -> folded byte or NOPOS32 */
    const char *ftext;      /* folded text: text itself or folded.ptr */
    size_t flen;            /* its bytes */
    struct jaen_buf folded; /* folded text, when it differs */
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

/* The code point of valid UTF-8 at s; *n gets its length. */
static inline uint32_t decode(const unsigned char *s, size_t *n)
{
    uint32_t c = s[0];

    if (c < 0xE0) {
        *n = 2;
        return ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
    }
    if (c < 0xF0) {
        *n = 3;
        return ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    }
    *n = 4;
    return ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12)
        | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
}

/* Whether jaen_fold may change c (a superset of fold.c's candidates). */
static inline int may_fold(uint32_t c)
{
    return c >= 0x2E80 && (c <= 0x2FD5 || (c >= 0x3041 && c <= 0x30FE)
                           || (c >= 0x3200 && c <= 0x33FF)
                           || (c >= 0xF900 && c <= 0xFAFF)
                           || (c >= 0xFF01 && c <= 0xFF9F)
                           || (c >= 0x2F800 && c <= 0x2FA1F));
}

/* Whether the bytes at s[0..left) start a (semi-)voiced sound mark,
 * U+3099..U+309C or U+FF9E..U+FF9F: the only way a kana folds. */
static inline int mark_at(const unsigned char *s, size_t left)
{
    return left >= 3 && ((s[0] == 0xE3 && s[1] == 0x82 && s[2] >= 0x99
                          && s[2] <= 0x9C)
                         || (s[0] == 0xEF && s[1] == 0xBE
                             && (s[2] == 0x9E || s[2] == 0x9F)));
}

/* Folds the text as jaen_fold does, in one pass that also builds the two
 * offset tables; the folded text is only written out once something in it
 * changes (a half-width kana, a full-width letter, ...). */
static int prepare(struct work *w, size_t len, struct jaen_err *err)
{
    const unsigned char *s = (const unsigned char *)w->text;
    size_t pos = 0, cp = 0, run = 0, n, n2, k;
    int64_t delta = 0;          /* folded bytes minus original bytes */
    int rc;

    if (len >= NOPOS32 / 2)
        return jaen_err_set(err, JAEN_ELIMIT, "text too long to gloss");
    w->obyte = jaen_malloc((w->ncp + 1) * sizeof(*w->obyte));
    w->inv = jaen_malloc((w->ncp + 1) * sizeof(*w->inv));
    if (!w->obyte || !w->inv)
        return JAEN_ENOMEM;
    while (pos < len && cp < w->ncp) {
        uint32_t c, next = 0, dst[8];
        int consumed;
        w->obyte[cp] = (uint32_t)pos;
        w->inv[cp] = (uint32_t)((int64_t)pos + delta);
        cp++;
        if (s[pos] < 0x80) {
            pos++;
            continue;
        }
        /* the bulk of Japanese, without decoding: U+4000..U+9FFF (lead
         * bytes E4..E9) never folds, and kana (E3 81..83) only with a
         * voiced sound mark after it */
        if ((s[pos] >= 0xE4 && s[pos] <= 0xE9)
            || (s[pos] == 0xE3 && s[pos + 1] >= 0x81 && s[pos + 1] <= 0x83
                && !mark_at(s + pos + 3, len - pos - 3))) {
            pos += 3;
            continue;
        }
        c = decode(s + pos, &n);
        if (!may_fold(c) || (c >= 0x3041 && c <= 0x30FE
                             && !mark_at(s + pos + n, len - pos - n))) {
            pos += n;
            continue;
        }
        n2 = 0;
        if (pos + n < len && s[pos + n] >= 0x80)
            next = decode(s + pos + n, &n2);
        k = jaen_fold_cp(c, next, dst, &consumed);
        if (k == 1 && consumed == 1 && dst[0] == c) {
            pos += n;
            continue;
        }
        rc = jaen_buf_add(&w->folded, w->text + run, pos - run);
        for (size_t i = 0; !rc && i < k; i++) {
            rc = jaen_buf_add_cp(&w->folded, dst[i]);
            delta += (int64_t)jaen_utf8_cplen(dst[i]);
        }
        if (rc)
            return jaen_err_set(err, rc, "fold: out of memory");
        delta -= (int64_t)n;
        pos += n;
        if (consumed == 2 && cp < w->ncp) {     /* the mark went in c */
            w->obyte[cp] = (uint32_t)pos;
            w->inv[cp++] = NOPOS32;
            delta -= (int64_t)n2;
            pos += n2;
        }
        run = pos;
    }
    w->obyte[cp] = (uint32_t)len;
    w->inv[cp] = (uint32_t)((int64_t)len + delta);
    w->ncp = cp;
    if (run == 0) {             /* nothing folded: use the text */
        w->ftext = w->text;
        w->flen = len;
        return JAEN_OK;
    }
    rc = jaen_buf_add(&w->folded, w->text + run, len - run);
    if (rc)
        return jaen_err_set(err, rc, "fold: out of memory");
    w->ftext = w->folded.ptr;
    w->flen = w->folded.len;
    return JAEN_OK;
}

/* Feeds the folded bytes of original code points [a, b), minus
 * whitespace, to the phrase cursor.  Returns 0 once no phrase can match. */
static int feed_text(const struct jaen_gloss *g, struct work *w,
                     struct jaen_gloss_cursor *c, int64_t a, int64_t b)
{
    const char *s;
    size_t pos = 0, run = 0, len, n;

    while (a < b && w->inv[a] == NOPOS32)
        a++;
    while (b < (int64_t)w->ncp && w->inv[b] == NOPOS32)
        b++;
    if (a >= b || w->inv[b] <= w->inv[a])
        return !c->dead;
    s = w->ftext + w->inv[a];
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

/* Removes a stale "phrase" from sentence si. */
static void unmark(struct jaen_doc *doc, size_t si, const struct jaen_sent *s)
{
    json_t *extra;

    if (s->extra && json_object_get(s->extra, "phrase")) {
        extra = jaen_doc_sentence_extra(doc, si);
        if (extra)
            json_object_del(extra, "phrase");
    }
}

/* Whether a fixed phrase may cover sentence s (its folded text, as
 * feed_text sees it, through jaen_gloss_phrase_maybe). */
static int maybe_phrase(const struct jaen_gloss *g, const struct work *w,
                        const struct jaen_sent *s)
{
    int64_t i = s->start, j = s->end;

    while (i < j && w->inv[i] == NOPOS32)
        i++;
    while (j < (int64_t)w->ncp && w->inv[j] == NOPOS32)
        j++;
    if (i >= j || w->inv[j] <= w->inv[i])
        return jaen_gloss_phrase_maybe(g, "", 0);
    return jaen_gloss_phrase_maybe(g, w->ftext + w->inv[i],
                                   w->inv[j] - w->inv[i]);
}

/* A string value, or NULL when s is not UTF-8 (as json_stringn refuses
 * it); checked with our validator, which is much faster than jansson's. */
static json_t *utf8_string(const char *s, size_t len)
{
    if (jaen_utf8_valid_prefix(s, len) != len)
        return NULL;
    return json_stringn_nocheck(s, len);
}

/* {"concept", "en", "entry"}: what json_pack("{s:s,s:s%,s:s}") built, NULL
 * in the same cases (no memory, a string that is not UTF-8), at a third of
 * the cost. */
static json_t *phrase_object(const char *concept, const char *en,
                             size_t enlen, const char *entry)
{
    json_t *o = json_object();

    if (!o || json_object_set_new_nocheck(o, "concept",
                                          utf8_string(concept,
                                                      strlen(concept)))
        || json_object_set_new_nocheck(o, "en", utf8_string(en, enlen))
        || json_object_set_new_nocheck(o, "entry",
                                       utf8_string(entry, strlen(entry)))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* Looks sentence s up as a fixed phrase and, when one covers it, fills
 * its "phrase".  The key is fed to the trie piece by piece and abandoned
 * at the first byte that no phrase has. */
static int phrase(const struct jaen_gloss *g, struct work *w,
                  struct jaen_doc *doc, size_t si, const struct jaen_sent *s,
                  size_t *k, struct jaen_err *err)
{
    struct jaen_gloss_cursor c;
    struct jaen_phrase_slot *sl;
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
    sl = n ? w->slots + first : NULL;   /* slots may be NULL: no NULL + 0 */
    jaen_phrase_name(sl, n);
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
        unmark(doc, si, s);
        return JAEN_OK;
    }
    rc = jaen_gloss_entry(g, entry, &e, err);
    if (rc)
        return rc;
    jaen_buf_reset(&w->en);
    rc = jaen_phrase_fill(e.en, sl, n, &w->en, err);
    if (rc == JAEN_EDATA) {
        jaen_err_clear(err);   /* a value with no English: not covered */
        return JAEN_OK;
    }
    if (rc)
        return rc;
    extra = jaen_doc_sentence_extra(doc, si);
    obj = phrase_object(e.concept, w->en.ptr ? w->en.ptr : "", w->en.len,
                        e.ja);
    if (!extra || !obj || json_object_set_new(extra, "phrase", obj)) {
        json_decref(obj);
        return JAEN_ENOMEM;
    }
    return JAEN_OK;
}

/* Writes v in decimal at p (room for 20 bytes); returns the length.  The
 * length is counted first so that the digits go straight to their place,
 * two a division: offsets have five or six. */
static size_t put_i64(char *p, int64_t v)
{
    static const char pairs[] =
        "00010203040506070809101112131415161718192021222324252627282930313233"
        "34353637383940414243444546474849505152535455565758596061626364656667"
        "6869707172737475767778798081828384858687888990919293949596979899";
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v, t;
    size_t n = 1, sign = v < 0;
    char *q;

    for (t = u; t >= 10; t /= 10)
        n++;
    if (sign)
        *p++ = '-';
    q = p + n;
    while (u >= 100) {
        q -= 2;
        memcpy(q, pairs + (u % 100) * 2, 2);
        u /= 100;
    }
    if (u >= 10)
        memcpy(q - 2, pairs + u * 2, 2);
    else
        q[-1] = (char)('0' + u);
    return sign + n;
}

/* Appends the terms found in sentence s to the JSON array text in
 * w->terms (written directly: a corpus has hundreds of thousands). */
static int terms_of(const struct jaen_gloss *g, struct work *w,
                    const struct jaen_sent *s, const struct jaen_tok *toks,
                    struct jaen_err *err)
{
    size_t nh = jaen_gloss_match(g, w->ftext, w->flen, w->spans + s->tok0,
                                 s->ntok, w->hits), i;
    struct jaen_buf *o = &w->terms;
    int rc = JAEN_OK;

    for (i = 0; !rc && i < nh; i++) {
        const struct jaen_tok *a = &toks[s->tok0 + w->hits[i].first];
        const struct jaen_tok *b = &toks[s->tok0 + w->hits[i].last];
        size_t ba = w->obyte[a->start], bb = w->obyte[b->end], tl;
        const char *tail = jaen_gloss_term_json(g, w->hits[i].entry, &tl);
        char *p;

        if (!tail)
            return jaen_err_set(err, JAEN_EFORMAT, "%s: corrupt glossary "
                                "(entry %u)", jaen_gloss_name(g),
                                (unsigned)w->hits[i].entry);
        /* ',' {"start": (9) 20 digits ,"end": (7) 20 digits ,"ja": (6) */
        rc = jaen_buf_reserve(o, 63 + tl);
        if (rc)
            break;
        p = o->ptr + o->len;
        if (o->len > 1)
            *p++ = ',';
        memcpy(p, "{\"start\":", 9);
        p += 9;
        p += put_i64(p, a->start);
        memcpy(p, ",\"end\":", 7);
        p += 7;
        p += put_i64(p, b->end);
        memcpy(p, ",\"ja\":", 6);
        p += 6;
        o->len = (size_t)(p - o->ptr);
        rc = jaen_json_add_string(o, w->text + ba, bb - ba);
        if (!rc)
            rc = jaen_buf_add(o, tail, tl);
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
    int rc, have_slots = 0;

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
            uint32_t a = w.inv[toks[i].start], b = w.inv[toks[i].end];
            w.spans[i].start = a == NOPOS32 ? JAEN_GLOSS_NOPOS : a;
            w.spans[i].end = b == NOPOS32 ? JAEN_GLOSS_NOPOS : b;
        }
    }
    for (i = 0; !rc && i < nsents; i++)
        if (sents[i].start < 0 || sents[i].end > (int64_t)w.ncp)
            rc = jaen_err_set(err, JAEN_EDATA, "sentence %zu outside the "
                              "text", i);
    for (i = 0; !rc && i < nsents; i++) {
        rc = terms_of(g, &w, &sents[i], toks, err);
        if (rc)
            break;
        if (!maybe_phrase(g, &w, &sents[i])) {
            unmark(doc, i, &sents[i]);
            continue;
        }
        if (!have_slots) {      /* "entities" only now: most docs never */
            rc = jaen_phrase_collect_doc(doc, &w.slots, &w.nslots, err);
            have_slots = 1;
        }
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

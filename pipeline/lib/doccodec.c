/* doccodec.c: the typed fields of the stream, "sentences" and "terms".
 *
 * They hold most of a record's bytes (millions of token spans and glossary
 * matches on a corpus), so they are decoded with small hand-written parsers
 * over JSON that jaen_doc_parse has already validated, and sentences are
 * written back without jansson.  Compact forms, as jaen writes them, take
 * fast paths; anything else takes the general path. */
#include "doc_int.h"

#include "alloc.h"
#include "jscan.h"
#include "limits.h"

#include <string.h>

void jaen_doc_clear_sents_(struct jaen_doc *doc)
{
    size_t i;

    for (i = 0; i < doc->nsents; i++)
        json_decref(doc->sents[i].extra);
    doc->nsents = 0;
    doc->ntoks = 0;
    doc->nsraw = 0;
    doc->sents_ok = 0;
}

/* ---- sentences ------------------------------------------------------- */

static int sent_fail(struct jaen_err *err, size_t pos, const char *what)
{
    jaen_err_set(err, JAEN_EDATA, "\"sentences\": %s (byte %zu of the "
                 "field)", what, pos + 1);
    return JAEN_EDATA;
}

/* Reads "[int,int]" at s[*pos]. */
static int read_pair(const char *s, size_t len, size_t *pos,
                     struct jaen_tok *t)
{
    size_t i = *pos;

    /* the compact form every jaen stage writes: [123,456] (a leading
     * zero, not JSON, goes to jaen_jscan_int, which refuses it) */
    if (len - i > 40 && s[i] == '['
        && (unsigned char)(s[i + 1] - '1') < 9) {
        /* room for two 18-digit numbers: no length tests in the loops */
        const unsigned char *u = (const unsigned char *)s + i + 1, *e;
        uint64_t a = 0, b = 0;
        unsigned dg;
        for (e = u + 18; u < e && (dg = (unsigned)*u - '0') < 10; u++)
            a = a * 10 + dg;
        if (*u == ',' && (unsigned char)(u[1] - '1') < 9) {
            for (u++, e = u + 18; u < e && (dg = (unsigned)*u - '0') < 10;
                 u++)
                b = b * 10 + dg;
            if (*u == ']') {
                t->start = (int64_t)a;
                t->end = (int64_t)b;
                *pos = (size_t)(u - (const unsigned char *)s) + 1;
                return JAEN_OK;
            }
        }
    }
    i = jaen_jscan_ws(s, len, *pos);

    if (i >= len || s[i] != '[')
        return JAEN_EDATA;
    i = jaen_jscan_ws(s, len, i + 1);
    if (jaen_jscan_int(s, len, &i, &t->start))
        return JAEN_EDATA;
    i = jaen_jscan_ws(s, len, i);
    if (i >= len || s[i] != ',')
        return JAEN_EDATA;
    i = jaen_jscan_ws(s, len, i + 1);
    if (jaen_jscan_int(s, len, &i, &t->end))
        return JAEN_EDATA;
    i = jaen_jscan_ws(s, len, i);
    if (i >= len || s[i] != ']')
        return JAEN_EDATA;
    *pos = i + 1;
    return JAEN_OK;
}

static int read_tokens(struct jaen_doc *doc, const char *s, size_t len,
                       size_t *pos, struct jaen_sent *st,
                       struct jaen_err *err)
{
    size_t i = *pos;

    if (s[i] != '[')
        return sent_fail(err, i, "\"tokens\" is not an array");
    st->tok0 = doc->ntoks;
    i = jaen_jscan_ws(s, len, i + 1);
    if (i < len && s[i] == ']') {
        *pos = i + 1;
        return JAEN_OK;
    }
    for (;;) {
        /* read in place: a struct copied from the stack right after its
         * two fields were stored there stalled store forwarding, which
         * was half of this function's time */
        if (doc->ntoks == doc->atoks       /* (the call only to grow) */
            && jaen_doc_grow_((void **)&doc->toks, &doc->atoks,
                              doc->ntoks + 1, sizeof(doc->toks[0])))
            return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
        if (read_pair(s, len, &i, &doc->toks[doc->ntoks]))
            return sent_fail(err, i, "a token is not [start, end]");
        doc->ntoks++;
        st->ntok++;
        if (i < len && s[i] != ',' && s[i] != ']')
            i = jaen_jscan_ws(s, len, i);
        if (i < len && s[i] == ',') {
            i++;
            continue;
        }
        if (i < len && s[i] == ']')
            break;
        return sent_fail(err, i, "expected ',' or ']' in \"tokens\"");
    }
    *pos = i + 1;
    return JAEN_OK;
}

static int check_sentence(const struct jaen_doc *doc,
                          const struct jaen_sent *st, size_t at,
                          struct jaen_err *err)
{
    int64_t prev = st->start;
    size_t k;

    if (st->start < 0 || st->end < st->start)
        return sent_fail(err, at, "a sentence's span is not start <= end");
    for (k = 0; k < st->ntok; k++) {
        const struct jaen_tok *t = &doc->toks[st->tok0 + k];
        if (t->start < prev || t->end <= t->start || t->end > st->end)
            return sent_fail(err, at, "tokens must be sorted, non-empty, "
                             "non-overlapping and inside their sentence");
        prev = t->end;
    }
    return JAEN_OK;
}

/* Reads the literal lit at s[*i], then an integer. */
static int lit_int(const char *s, size_t len, size_t *i, const char *lit,
                   size_t n, int64_t *v)
{
    size_t j = *i + n;

    if (len - *i < n || memcmp(s + *i, lit, n) != 0
        || jaen_jscan_int(s, len, &j, v))
        return 0;
    *i = j;
    return 1;
}

/* One sentence object at s[*pos].  s is at byte base of doc->line, or
 * base is SIZE_MAX when s is not the line (then no slice is kept). */
static int read_sentence(struct jaen_doc *doc, const char *s, size_t len,
                         size_t base, size_t *pos, struct jaen_err *err)
{
    struct jaen_sent st;
    size_t i = jaen_jscan_ws(s, len, *pos), at = i;
    int have = 0, rc;

    memset(&st, 0, sizeof(st));
    st.tok0 = doc->ntoks;
    if (i >= len || s[i] != '{')
        return sent_fail(err, i, "a sentence is not an object");
    /* the compact form jaen writes: {"start":N,"end":N,"tokens":[...] */
    {
        size_t j = i;
        if (lit_int(s, len, &j, "{\"start\":", 9, &st.start)
            && lit_int(s, len, &j, ",\"end\":", 7, &st.end)
            && len - j > 10 && memcmp(s + j, ",\"tokens\":", 10) == 0) {
            j += 10;
            if ((rc = read_tokens(doc, s, len, &j, &st, err)))
                return rc;
            have = 3;
            i = j;
            if (i < len && s[i] == ',') {
                i = jaen_jscan_ws(s, len, i + 1);
                if (i >= len || s[i] != '"') {
                    rc = sent_fail(err, i, "expected a key after ','");
                    goto fail;
                }
            } else if (i < len && s[i] == '}') {
                goto close;
            } else {
                rc = sent_fail(err, i, "expected ',' or '}'");
                goto fail;
            }
        } else {
            i++;
        }
    }
    i = jaen_jscan_ws(s, len, i);
    while (i < len && s[i] != '}') {
        size_t kend, vstart;
        const char *key;

        jaen_buf_reset(&doc->scratch);
        kend = i;               /* (a valid string literal first) */
        if (s[i] != '"' || jaen_jscan_value(s, len, &kend, NULL)
            || jaen_jscan_string(s, len, i, &kend, &doc->scratch)) {
            rc = sent_fail(err, i, "expected a key");
            goto fail;
        }
        key = doc->scratch.ptr ? doc->scratch.ptr : "";
        i = jaen_jscan_ws(s, len, kend);
        if (i >= len || s[i] != ':') {
            rc = sent_fail(err, i, "expected ':'");
            goto fail;
        }
        i = jaen_jscan_ws(s, len, i + 1);
        vstart = i;
        if (strcmp(key, JAEN_F_START) == 0 || strcmp(key, JAEN_F_END) == 0) {
            int64_t v;
            if (jaen_jscan_int(s, len, &i, &v)) {
                rc = sent_fail(err, i, "start/end must be integers");
                goto fail;
            }
            if (key[0] == 's')
                st.start = v;
            else
                st.end = v;
            have |= key[0] == 's' ? 1 : 2;
        } else if (strcmp(key, JAEN_F_TOKENS) == 0) {
            if ((rc = read_tokens(doc, s, len, &i, &st, err)))
                goto fail;
        } else {
            json_t *v;
            char *k = jaen_strndup(key, doc->scratch.len);
            if (!k) {
                rc = jaen_err_set(err, JAEN_ENOMEM, "out of memory");
                goto fail;
            }
            if (jaen_jscan_value(s, len, &i, NULL)) {
                jaen_free(k);
                rc = sent_fail(err, i, "bad value");
                goto fail;
            }
            v = jaen_json_load(s + vstart, i - vstart, err);
            if (!st.extra)
                st.extra = json_object();
            if (!v || !st.extra || json_object_set_new(st.extra, k, v)) {
                if (!st.extra)
                    json_decref(v);     /* set_new was not there to take it */
                jaen_free(k);
                json_decref(st.extra);
                return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
            }
            jaen_free(k);
        }
        i = jaen_jscan_ws(s, len, i);
        if (i < len && s[i] == ',') {
            i = jaen_jscan_ws(s, len, i + 1);
            if (i >= len || s[i] != '"') {
                rc = sent_fail(err, i, "expected a key after ','");
                goto fail;
            }
        } else if (i >= len || s[i] != '}') {
            rc = sent_fail(err, i, "expected ',' or '}'");
            goto fail;
        }
    }
    if (i >= len) {
        rc = sent_fail(err, i, "a sentence is cut off");
        goto fail;
    }
close:
    if (have != 3 || (rc = check_sentence(doc, &st, at, err))) {
        json_decref(st.extra);
        return have != 3 ? sent_fail(err, at, "a sentence needs start and "
                                     "end") : rc;
    }
    if (jaen_doc_grow_((void **)&doc->sents, &doc->asents, doc->nsents + 1,
             sizeof(st))) {
        json_decref(st.extra);
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    }
    if (base != SIZE_MAX && doc->nsraw == doc->nsents) {
        if (jaen_doc_grow_((void **)&doc->sraw, &doc->asraw, doc->nsraw + 1,
                           sizeof(*doc->sraw))) {
            json_decref(st.extra);
            return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
        }
        doc->sraw[doc->nsraw].off = base + at;
        doc->sraw[doc->nsraw++].len = i + 1 - at;
    }
    doc->sents[doc->nsents++] = st;
    *pos = i + 1;
    return JAEN_OK;
fail:
    json_decref(st.extra);      /* extra keys read before the bad one */
    return rc;
}

/* The sentences array at s[0] (s is at byte base of doc->line, or base is
 * SIZE_MAX).  Strict JSON: whatever it accepts is a valid JSON value, so a
 * record can be read with its sentences decoded and not scanned twice
 * (jaen_doc_parse with jaen_doc_decode_early).  *end gets the position
 * past the closing bracket. */
int jaen_doc_decode_sents_(struct jaen_doc *doc, const char *s, size_t len,
                           size_t base, size_t *end, struct jaen_err *err)
{
    size_t i = 0;
    int rc;

    if (len == 0 || s[0] != '[')
        return sent_fail(err, 0, "not an array");
    i = jaen_jscan_ws(s, len, 1);
    while (i < len && s[i] != ']') {
        if ((rc = read_sentence(doc, s, len, base, &i, err)))
            return rc;
        if (doc->nsents > 1
            && doc->sents[doc->nsents - 1].start
               < doc->sents[doc->nsents - 2].end)
            return sent_fail(err, i, "sentences overlap or are unsorted");
        i = jaen_jscan_ws(s, len, i);
        if (i < len && s[i] == ',') {
            i = jaen_jscan_ws(s, len, i + 1);
            if (i >= len || s[i] != '{')
                return sent_fail(err, i, "expected a sentence after ','");
        } else if (i >= len || s[i] != ']') {
            return sent_fail(err, i, "expected ',' or ']'");
        }
    }
    if (i >= len)
        return sent_fail(err, i, "the array is cut off");
    *end = i + 1;
    return JAEN_OK;
}

static int decode_sentences(struct jaen_doc *doc, const char *s, size_t len,
                            size_t base, struct jaen_err *err)
{
    size_t end;

    return jaen_doc_decode_sents_(doc, s, len, base, &end, err);
}

int jaen_doc_sentences(struct jaen_doc *doc, struct jaen_sent **sents,
                       size_t *nsents, const struct jaen_tok **toks,
                       size_t *ntoks, struct jaen_err *err)
{
    struct field *f;
    int rc;

    if (!doc->sents_ok) {
        jaen_doc_clear_sents_(doc);
        f = jaen_doc_find_(doc, JAEN_F_SENTENCES);
        if (f && f->raw_len) {
            rc = decode_sentences(doc, doc->line.ptr + f->raw_off,
                                  f->raw_len, f->raw_off, err);
        } else if (f && f->val) {
            /* set as a plain json value by a stage: decode its dump */
            struct jaen_buf b;
            jaen_buf_init(&b, JAEN_BUF_DEFAULT_CAP);
            rc = jaen_json_dump(f->val, &b);
            if (!rc)
                rc = decode_sentences(doc, b.ptr, b.len, SIZE_MAX, err);
            jaen_buf_free(&b);
        } else {
            rc = JAEN_OK;
        }
        if (rc) {
            jaen_doc_clear_sents_(doc);
            return jaen_err_set(err, rc, "%s", jaen_strstatus(rc));
        }
        doc->sents_ok = 1;
    }
    *sents = doc->sents;
    *nsents = doc->nsents;
    if (toks)
        *toks = doc->toks;
    if (ntoks)
        *ntoks = doc->ntoks;
    return JAEN_OK;
}

int jaen_doc_set_sentences(struct jaen_doc *doc, struct jaen_sent *sents,
                           size_t nsents, const struct jaen_tok *toks,
                           size_t ntoks)
{
    size_t i;
    int rc;

    jaen_doc_clear_sents_(doc);
    if (jaen_doc_grow_((void **)&doc->sents, &doc->asents, nsents, sizeof(*sents))
        || jaen_doc_grow_((void **)&doc->toks, &doc->atoks, ntoks, sizeof(*toks))) {
        for (i = 0; i < nsents; i++)
            json_decref(sents[i].extra);
        return JAEN_ENOMEM;
    }
    if (nsents)
        memcpy(doc->sents, sents, nsents * sizeof(*sents));
    if (ntoks)
        memcpy(doc->toks, toks, ntoks * sizeof(*toks));
    doc->nsents = nsents;
    doc->ntoks = ntoks;
    doc->sents_ok = 1;
    if ((rc = jaen_doc_set_field_(doc, JAEN_F_SENTENCES, NULL, FIELD_SENTS)))
        jaen_doc_clear_sents_(doc);
    return rc;
}

json_t *jaen_doc_sentence_extra(struct jaen_doc *doc, size_t i)
{
    struct field *f = jaen_doc_find_(doc, JAEN_F_SENTENCES);

    if (!doc->sents_ok || i >= doc->nsents || !f)
        return NULL;
    if (!doc->sents[i].extra && !(doc->sents[i].extra = json_object()))
        return NULL;
    if (i < doc->nsraw)
        doc->sraw[i].len = 0;           /* the caller may change it */
    json_decref(f->val);
    f->val = NULL;
    f->raw_len = 0;
    f->state = FIELD_SENTS;
    return doc->sents[i].extra;
}

/* ---- terms ----------------------------------------------------------- */

/* Arena offsets are kept in the pointer fields while decoding (the arena
 * may move) and turned into pointers at the end; 0 stands for NULL, so the
 * arena starts with one unused byte. */
#define ARENA_REF(off) ((const char *)(uintptr_t)(off))

static int term_string(struct jaen_doc *doc, const char *s, size_t len,
                       size_t *i, const char **out)
{
    size_t off, end;

    if (s[*i] == 'n') {                 /* null: validated already */
        *i += 4;
        *out = NULL;
        return JAEN_OK;
    }
    if (s[*i] != '"')
        return JAEN_EDATA;
    off = doc->arena.len;
    if (jaen_jscan_string(s, len, *i, &end, &doc->arena)
        || jaen_buf_addc(&doc->arena, '\0'))
        return JAEN_ENOMEM;
    *i = end;
    *out = ARENA_REF(off);
    return JAEN_OK;
}

/* One term object at s[*pos] (validated JSON). */
static int read_term(struct jaen_doc *doc, const char *s, size_t len,
                     size_t *pos, struct jaen_term *t)
{
    size_t i = jaen_jscan_ws(s, len, *pos);
    int have = 0, rc;

    memset(t, 0, sizeof(*t));
    if (s[i] != '{')
        return JAEN_EDATA;
    i = jaen_jscan_ws(s, len, i + 1);
    while (i < len && s[i] != '}') {
        size_t kend, k0 = i + 1;
        const char *k = s + k0;
        if (s[i] != '"')
            return JAEN_EDATA;
        kend = k0;
        while (s[kend] != '"')          /* our keys have no escapes */
            kend += s[kend] == '\\' ? 2 : 1;
        i = jaen_jscan_ws(s, len, kend + 1);
        i = jaen_jscan_ws(s, len, i + 1);   /* past ':' */
#define KEY(lit) (kend - k0 == sizeof(lit) - 1 && memcmp(k, lit, kend - k0) == 0)
        if (KEY("start") || KEY("end")) {
            int64_t v;
            if (jaen_jscan_int(s, len, &i, &v))
                return JAEN_EDATA;
            if (k[0] == 's')
                t->start = v;
            else
                t->end = v;
            have |= k[0] == 's' ? 1 : 2;
        } else if (KEY("ja") || KEY("en") || KEY("concept") || KEY("entry")) {
            const char **dst = KEY("ja") ? &t->ja : KEY("en") ? &t->en
                               : KEY("concept") ? &t->concept : &t->entry;
            if ((rc = term_string(doc, s, len, &i, dst)))
                return rc;
        } else if (jaen_jscan_value(s, len, &i, NULL)) {
            return JAEN_EDATA;
        }
#undef KEY
        i = jaen_jscan_ws(s, len, i);
        if (i < len && s[i] == ',')
            i = jaen_jscan_ws(s, len, i + 1);
    }
    *pos = i + 1;
    return have == 3 && t->start <= t->end ? JAEN_OK : JAEN_EDATA;
}

static int decode_terms(struct jaen_doc *doc, const char *s, size_t len)
{
    size_t i = jaen_jscan_ws(s, len, 0), k;
    int rc;

    if (i >= len || s[i] != '[')
        return JAEN_EDATA;
    i = jaen_jscan_ws(s, len, i + 1);
    while (i < len && s[i] != ']') {
        if (jaen_doc_grow_((void **)&doc->terms, &doc->aterms, doc->nterms + 1,
                 sizeof(*doc->terms)))
            return JAEN_ENOMEM;
        if ((rc = read_term(doc, s, len, &i, &doc->terms[doc->nterms])))
            return rc;
        doc->nterms++;
        i = jaen_jscan_ws(s, len, i);
        if (i < len && s[i] == ',')
            i = jaen_jscan_ws(s, len, i + 1);
    }
    /* offsets into the arena become pointers now that it has stopped
     * moving */
    for (k = 0; k < doc->nterms; k++) {
        struct jaen_term *t = &doc->terms[k];
        const char **f[4] = {&t->ja, &t->en, &t->concept, &t->entry};
        int j;
        for (j = 0; j < 4; j++)
            if (*f[j])
                *f[j] = doc->arena.ptr + (uintptr_t)*f[j];
    }
    return JAEN_OK;
}

int jaen_doc_terms(struct jaen_doc *doc, const struct jaen_term **terms,
                   size_t *n, struct jaen_err *err)
{
    struct field *f;
    int rc = JAEN_OK;

    if (!doc->terms_ok) {
        doc->nterms = 0;
        jaen_buf_reset(&doc->arena);
        if ((rc = jaen_buf_addc(&doc->arena, '\0')))
            return jaen_err_set(err, rc, "%s", jaen_strstatus(rc));
        f = jaen_doc_find_(doc, JAEN_F_TERMS);
        if (f && f->raw_len) {
            rc = decode_terms(doc, doc->line.ptr + f->raw_off, f->raw_len);
        } else if (f && f->val) {
            struct jaen_buf b;
            jaen_buf_init(&b, JAEN_BUF_DEFAULT_CAP);
            rc = jaen_json_dump(f->val, &b);
            if (!rc)
                rc = decode_terms(doc, b.ptr, b.len);
            jaen_buf_free(&b);
        }
        if (rc) {
            doc->nterms = 0;
            return jaen_err_set(err, rc, "\"terms\": %s",
                                rc == JAEN_EDATA ? "not an array of terms "
                                "with integer start and end"
                                : jaen_strstatus(rc));
        }
        doc->terms_ok = 1;
    }
    *terms = doc->terms;
    *n = doc->nterms;
    return JAEN_OK;
}

/* Writes a non-negative offset at p; returns the bytes written. */
static size_t put_u64(char *p, uint64_t v)
{
    char tmp[20];
    size_t n = 0, i;

    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (i = 0; i < n; i++)
        p[i] = tmp[n - 1 - i];
    return n;
}

static size_t put_i64(char *p, int64_t v)
{
    if (v < 0) {
        *p = '-';
        return 1 + put_u64(p + 1, (uint64_t)0 - (uint64_t)v);
    }
    return put_u64(p, (uint64_t)v);
}

/* The hot path of `jaen segment`: millions of token pairs, so each sentence
 * reserves its worst case once and is written without further checks. */
int jaen_doc_write_sents_(const struct jaen_doc *doc, struct jaen_buf *out)
{
    size_t i, k;
    int rc = jaen_buf_addc(out, '[');

    for (i = 0; i < doc->nsents && !rc; i++) {
        const struct jaen_sent *st = &doc->sents[i];
        char *p;

        if (i < doc->nsraw && doc->sraw[i].len) {   /* unchanged */
            if (i)
                ADD(jaen_buf_addc(out, ','));
            ADD(jaen_buf_add(out, doc->line.ptr + doc->sraw[i].off,
                             doc->sraw[i].len));
            continue;
        }

        /* ",{"start":N,"end":N,"tokens":[" + per token "[N,N]," */
        if ((rc = jaen_buf_reserve(out, 64 + 2 * 21 + st->ntok * 45)))
            break;
        p = out->ptr + out->len;
        if (i)
            *p++ = ',';
        memcpy(p, "{\"start\":", 9);
        p += 9;
        p += put_i64(p, st->start);
        memcpy(p, ",\"end\":", 7);
        p += 7;
        p += put_i64(p, st->end);
        memcpy(p, ",\"tokens\":[", 11);
        p += 11;
        for (k = 0; k < st->ntok; k++) {
            const struct jaen_tok *t = &doc->toks[st->tok0 + k];
            if (k)
                *p++ = ',';
            *p++ = '[';
            p += put_i64(p, t->start);
            *p++ = ',';
            p += put_i64(p, t->end);
            *p++ = ']';
        }
        *p++ = ']';
        out->len = (size_t)(p - out->ptr);
        out->ptr[out->len] = '\0';
        if (st->extra && json_object_size(st->extra)) {
            /* splice the extra object's members after "tokens": its '{'
             * becomes our ',' and its '}' closes the sentence */
            size_t mark = out->len;
            ADD(jaen_json_dump(st->extra, out));
            if (!rc)
                out->ptr[mark] = ',';
        } else {
            ADD(jaen_buf_addc(out, '}'));
        }
    }
    ADD(jaen_buf_addc(out, ']'));
    return rc;
}

int jaen_doc_write_wakati(struct jaen_doc *doc, struct jaen_buf *out,
                          struct jaen_err *err)
{
    struct jaen_sent *sents;
    const struct jaen_tok *toks;
    const char *text;
    size_t len, ns, nt, i, k, byte = 0;
    int64_t cp = 0;
    int rc;

    if ((rc = jaen_doc_text(doc, &text, &len, NULL, err))
        || (rc = jaen_doc_sentences(doc, &sents, &ns, &toks, &nt, err)))
        return rc;
    /* offsets only grow, so one forward walk maps code points to bytes */
    for (i = 0; i < ns && !rc; i++) {
        for (k = 0; k < sents[i].ntok && !rc; k++) {
            const struct jaen_tok *t = &toks[sents[i].tok0 + k];
            size_t a;
            while (cp < t->start && byte < len) {
                byte++;
                while (byte < len && ((unsigned char)text[byte] & 0xC0)
                                         == 0x80)
                    byte++;
                cp++;
            }
            a = byte;
            while (cp < t->end && byte < len) {
                byte++;
                while (byte < len && ((unsigned char)text[byte] & 0xC0)
                                         == 0x80)
                    byte++;
                cp++;
            }
            if (k)
                ADD(jaen_buf_addc(out, ' '));
            ADD(jaen_buf_add(out, text + a, byte - a));
        }
        ADD(jaen_buf_addc(out, '\n'));
    }
    if (rc)
        return jaen_err_set(err, rc, "%s", jaen_strstatus(rc));
    return JAEN_OK;
}

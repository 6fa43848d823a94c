/* doc.c: the document model and the JSON Lines record codec.
 *
 * A parsed record keeps its line and an ordered list of fields, each a slice
 * of raw JSON until a stage asks for it.  Writing copies clean slices and
 * re-serializes only what a stage touched.  "text" and "sentences" have
 * their own decoders because they are the bulk of every record. */
#include "doc.h"

#include "alloc.h"
#include "jscan.h"
#include "limits.h"
#include "utf8.h"

#include <string.h>

enum field_state {
    FIELD_RAW = 0,      /* raw slice of the line, not parsed */
    FIELD_PARSED,       /* raw slice plus a cached, unmodified json value */
    FIELD_DIRTY,        /* json value set or touched: must be dumped */
    FIELD_TEXT,         /* "text" set by a stage: doc->text is the value */
    FIELD_SENTS,        /* "sentences" changed: doc->sents is the value */
};

struct field {
    char *key;          /* decoded key, owned, NUL-terminated */
    size_t raw_off;     /* raw value: offset into doc->line */
    size_t raw_len;     /* raw value length in bytes, 0 when not raw */
    json_t *val;        /* owned cached/set value, or NULL */
    enum field_state state;
};

struct jaen_doc {
    struct jaen_buf line;       /* the record as read */
    struct field *fields;       /* in record order */
    size_t nfields, afields;
    struct jaen_buf text;       /* decoded "text" */
    int text_ok;                /* text holds the decoded value */
    size_t text_ncp;            /* code points in text */
    struct jaen_sent *sents;    /* typed "sentences" */
    size_t nsents, asents;
    struct jaen_tok *toks;
    size_t ntoks, atoks;
    int sents_ok;               /* sents hold the decoded value */
    struct jaen_term *terms;    /* typed "terms" */
    size_t nterms, aterms;
    int terms_ok;               /* terms hold the decoded value */
    struct jaen_buf arena;      /* the terms' strings */
    struct jaen_buf scratch;    /* key decoding */
};

struct jaen_doc *jaen_doc_new(void)
{
    struct jaen_doc *doc = jaen_calloc(1, sizeof(*doc));

    if (!doc)
        return NULL;
    jaen_buf_init(&doc->line, JAEN_BUF_DEFAULT_CAP);
    jaen_buf_init(&doc->text, JAEN_BUF_DEFAULT_CAP);
    jaen_buf_init(&doc->scratch, JAEN_BUF_DEFAULT_CAP);
    jaen_buf_init(&doc->arena, JAEN_BUF_DEFAULT_CAP);
    return doc;
}

static void clear_sents(struct jaen_doc *doc)
{
    size_t i;

    for (i = 0; i < doc->nsents; i++)
        json_decref(doc->sents[i].extra);
    doc->nsents = 0;
    doc->ntoks = 0;
    doc->sents_ok = 0;
}

void jaen_doc_reset(struct jaen_doc *doc)
{
    size_t i;

    if (!doc)
        return;
    for (i = 0; i < doc->nfields; i++) {
        jaen_free(doc->fields[i].key);
        json_decref(doc->fields[i].val);
    }
    doc->nfields = 0;
    jaen_buf_reset(&doc->line);
    jaen_buf_reset(&doc->text);
    doc->text_ok = 0;
    doc->text_ncp = 0;
    doc->terms_ok = 0;
    clear_sents(doc);
}

void jaen_doc_free(struct jaen_doc *doc)
{
    if (!doc)
        return;
    jaen_doc_reset(doc);
    jaen_free(doc->fields);
    jaen_buf_free(&doc->line);
    jaen_buf_free(&doc->text);
    jaen_buf_free(&doc->scratch);
    jaen_buf_free(&doc->arena);
    jaen_free(doc->terms);
    jaen_free(doc->sents);
    jaen_free(doc->toks);
    jaen_free(doc);
}

static struct field *find(const struct jaen_doc *doc, const char *key)
{
    size_t i;

    for (i = 0; i < doc->nfields; i++)
        if (strcmp(doc->fields[i].key, key) == 0)
            return &doc->fields[i];
    return NULL;
}

/* Appends a field that takes ownership of key. */
static struct field *add_field(struct jaen_doc *doc, char *key)
{
    struct field *f;

    if (doc->nfields == doc->afields) {
        size_t n = doc->afields ? doc->afields * 2 : 16;
        f = jaen_realloc(doc->fields, n * sizeof(*f));
        if (!f)
            return NULL;
        doc->fields = f;
        doc->afields = n;
    }
    f = &doc->fields[doc->nfields++];
    memset(f, 0, sizeof(*f));
    f->key = key;
    return f;
}

int jaen_doc_parse(struct jaen_doc *doc, const char *line, size_t len,
                   struct jaen_err *err)
{
    const char *s;
    size_t i;
    int rc;

    jaen_doc_reset(doc);
    if ((rc = jaen_buf_add(&doc->line, line, len)))
        return jaen_err_set(err, rc, "%s", jaen_strstatus(rc));
    s = doc->line.ptr;
    i = jaen_jscan_ws(s, len, 0);
    if (i >= len || s[i] != '{') {
        jaen_err_set(err, JAEN_EDATA, "a record must be a JSON object");
        jaen_err_at(err, 0, (long)i + 1);
        return JAEN_EDATA;
    }
    i = jaen_jscan_ws(s, len, i + 1);
    if (i < len && s[i] == '}') {
        i++;
        goto tail;
    }
    for (;;) {
        size_t kend, vstart;
        struct field *f;
        char *key;

        if (i >= len || s[i] != '"') {
            jaen_err_set(err, JAEN_EDATA, "invalid JSON at byte %zu: "
                         "expected a key", i + 1);
            jaen_err_at(err, 0, (long)i + 1);
            return JAEN_EDATA;
        }
        kend = i;
        if ((rc = jaen_jscan_value(s, len, &kend, err)))
            return rc;
        jaen_buf_reset(&doc->scratch);
        if ((rc = jaen_jscan_string(s, len, i, &kend, &doc->scratch)))
            return jaen_err_set(err, rc, "%s", jaen_strstatus(rc));
        if (memchr(doc->scratch.ptr, '\0', doc->scratch.len)) {
            jaen_err_set(err, JAEN_EDATA, "NUL in a key at byte %zu", i + 1);
            return JAEN_EDATA;
        }
        if (find(doc, doc->scratch.ptr)) {
            jaen_err_set(err, JAEN_EDATA, "duplicate key \"%.64s\"",
                         doc->scratch.ptr);
            jaen_err_at(err, 0, (long)i + 1);
            return JAEN_EDATA;
        }
        i = jaen_jscan_ws(s, len, kend);
        if (i >= len || s[i] != ':') {
            jaen_err_set(err, JAEN_EDATA, "invalid JSON at byte %zu: "
                         "expected ':'", i + 1);
            jaen_err_at(err, 0, (long)i + 1);
            return JAEN_EDATA;
        }
        vstart = i = jaen_jscan_ws(s, len, i + 1);
        if ((rc = jaen_jscan_value(s, len, &i, err)))
            return rc;
        key = jaen_strndup(doc->scratch.ptr, doc->scratch.len);
        if (!key || !(f = add_field(doc, key))) {
            jaen_free(key);
            return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
        }
        f->raw_off = vstart;
        f->raw_len = i - vstart;
        i = jaen_jscan_ws(s, len, i);
        if (i < len && s[i] == ',') {
            i = jaen_jscan_ws(s, len, i + 1);
            continue;
        }
        if (i < len && s[i] == '}') {
            i++;
            break;
        }
        jaen_err_set(err, JAEN_EDATA, "invalid JSON at byte %zu: %s", i + 1,
                     i >= len ? "record cut off" : "expected ',' or '}'");
        jaen_err_at(err, 0, (long)i + 1);
        return JAEN_EDATA;
    }
tail:
    i = jaen_jscan_ws(s, len, i);
    if (i < len) {
        jaen_err_set(err, JAEN_EDATA, "trailing data after the record at "
                     "byte %zu", i + 1);
        jaen_err_at(err, 0, (long)i + 1);
        return JAEN_EDATA;
    }
    return JAEN_OK;
}

int jaen_doc_has(const struct jaen_doc *doc, const char *key)
{
    return find(doc, key) != NULL;
}

json_t *jaen_json_load(const char *s, size_t len, struct jaen_err *err)
{
    json_error_t je;
    json_t *v = json_loadb(s, len, JSON_DECODE_ANY | JSON_ALLOW_NUL
                           | JSON_REJECT_DUPLICATES, &je);
    if (!v) {
        jaen_err_set(err, JAEN_EDATA, "%s", je.text);
        jaen_err_at(err, je.line, je.column);
    }
    return v;
}

/* The value of field f as a json_t, materializing typed fields. */
static json_t *field_value(struct jaen_doc *doc, struct field *f,
                           struct jaen_err *err);

json_t *jaen_doc_get(struct jaen_doc *doc, const char *key,
                     struct jaen_err *err)
{
    struct field *f = find(doc, key);

    return f ? field_value(doc, f, err) : NULL;
}

int jaen_doc_touch(struct jaen_doc *doc, const char *key)
{
    struct field *f = find(doc, key);

    if (!f || !f->val)
        return JAEN_EUSAGE;
    f->state = FIELD_DIRTY;
    return JAEN_OK;
}

static int set_field(struct jaen_doc *doc, const char *key, json_t *value,
                     enum field_state state)
{
    struct field *f = find(doc, key);

    if (!f) {
        char *k = jaen_strdup(key);
        if (!k || !(f = add_field(doc, k))) {
            jaen_free(k);
            json_decref(value);
            return JAEN_ENOMEM;
        }
    }
    json_decref(f->val);
    f->val = value;
    f->raw_len = 0;
    f->state = state;
    return JAEN_OK;
}

int jaen_doc_set(struct jaen_doc *doc, const char *key, json_t *value)
{
    if (!value)
        return JAEN_ENOMEM;
    if (strcmp(key, JAEN_F_TEXT) == 0)
        doc->text_ok = 0;
    if (strcmp(key, JAEN_F_SENTENCES) == 0)
        clear_sents(doc);
    if (strcmp(key, JAEN_F_TERMS) == 0)
        doc->terms_ok = 0;
    return set_field(doc, key, value, FIELD_DIRTY);
}

int jaen_doc_set_raw(struct jaen_doc *doc, const char *key, const char *json,
                     size_t len)
{
    size_t off = doc->line.len;
    struct field *f;
    int rc;

    if (!strcmp(key, JAEN_F_TEXT) || !strcmp(key, JAEN_F_SENTENCES) || !len)
        return JAEN_EUSAGE;
    if (strcmp(key, JAEN_F_TERMS) == 0)
        doc->terms_ok = 0;
    /* after the record in the line buffer: raw offsets stay valid */
    if ((rc = jaen_buf_add(&doc->line, json, len)))
        return rc;
    if ((rc = set_field(doc, key, NULL, FIELD_RAW)))
        return rc;
    f = find(doc, key);
    f->raw_off = off;
    f->raw_len = len;
    return JAEN_OK;
}

int jaen_doc_del(struct jaen_doc *doc, const char *key)
{
    struct field *f = find(doc, key);
    size_t i;

    if (!f)
        return JAEN_OK;
    i = (size_t)(f - doc->fields);
    jaen_free(f->key);
    json_decref(f->val);
    memmove(f, f + 1, (doc->nfields - i - 1) * sizeof(*f));
    doc->nfields--;
    if (strcmp(key, JAEN_F_TEXT) == 0)
        doc->text_ok = 0;
    if (strcmp(key, JAEN_F_SENTENCES) == 0)
        clear_sents(doc);
    if (strcmp(key, JAEN_F_TERMS) == 0)
        doc->terms_ok = 0;
    return JAEN_OK;
}

const char *jaen_doc_id(struct jaen_doc *doc)
{
    json_t *v = jaen_doc_get(doc, JAEN_F_ID, NULL);
    const char *s = json_is_string(v) ? json_string_value(v) : NULL;

    return s ? s : "";
}

int jaen_doc_text(struct jaen_doc *doc, const char **text, size_t *len,
                  size_t *ncp, struct jaen_err *err)
{
    struct field *f;
    size_t end;
    int rc;

    if (!doc->text_ok) {
        f = find(doc, JAEN_F_TEXT);
        if (!f)
            return jaen_err_set(err, JAEN_EDATA, "no \"text\" field");
        jaen_buf_reset(&doc->text);
        if (f->raw_len) {
            const char *raw = doc->line.ptr + f->raw_off;
            if (raw[0] != '"')
                return jaen_err_set(err, JAEN_EDATA,
                                    "\"text\" is not a string");
            rc = jaen_jscan_string(raw, f->raw_len, 0, &end, &doc->text);
        } else if (json_is_string(f->val)) {
            rc = jaen_buf_add(&doc->text, json_string_value(f->val),
                              json_string_length(f->val));
        } else {
            return jaen_err_set(err, JAEN_EDATA, "\"text\" is not a string");
        }
        if (rc)
            return jaen_err_set(err, rc, "\"text\": %s", jaen_strstatus(rc));
        if (!doc->text.ptr && (rc = jaen_buf_add(&doc->text, "", 0)))
            return jaen_err_set(err, rc, "%s", jaen_strstatus(rc));
        doc->text_ncp = jaen_utf8_count(doc->text.ptr, doc->text.len);
        doc->text_ok = 1;
    }
    *text = doc->text.ptr;
    if (len)
        *len = doc->text.len;
    if (ncp)
        *ncp = doc->text_ncp;
    return JAEN_OK;
}

int jaen_doc_set_text(struct jaen_doc *doc, const char *text, size_t len)
{
    int rc;

    jaen_buf_reset(&doc->text);
    doc->text_ok = 0;
    if ((rc = jaen_buf_add(&doc->text, text, len)))
        return rc;
    if ((rc = set_field(doc, JAEN_F_TEXT, NULL, FIELD_TEXT)))
        return rc;
    doc->text_ncp = jaen_utf8_count(text, len);
    doc->text_ok = 1;
    return JAEN_OK;
}

int jaen_doc_set_error(struct jaen_doc *doc, const char *stage,
                       const struct jaen_err *e)
{
    json_t *o = json_object();

    if (!o)
        return JAEN_ENOMEM;
    json_object_set_new(o, "stage", json_string(stage));
    json_object_set_new(o, "message", json_string(e && e->msg[0] ? e->msg
                                   : jaen_strstatus(e ? e->code : 0)));
    json_object_set_new(o, "code", json_string(jaen_strstatus(e ? e->code
                                                                : 0)));
    if (e && e->line)
        json_object_set_new(o, "line", json_integer(e->line));
    if (e && e->column)
        json_object_set_new(o, "column", json_integer(e->column));
    return jaen_doc_set(doc, JAEN_F_ERROR, o);
}

int jaen_doc_has_error(const struct jaen_doc *doc)
{
    return find(doc, JAEN_F_ERROR) != NULL;
}

int jaen_doc_warn(struct jaen_doc *doc, const char *stage, const char *msg)
{
    json_t *w = jaen_doc_get(doc, JAEN_F_WARNINGS, NULL);
    json_t *o = json_pack("{s:s,s:s}", "stage", stage, "message", msg);

    if (!o)
        return JAEN_ENOMEM;
    if (!json_is_array(w)) {
        w = json_array();
        if (!w || jaen_doc_set(doc, JAEN_F_WARNINGS, w)) {
            json_decref(o);
            return JAEN_ENOMEM;
        }
    }
    if (json_array_append_new(w, o))
        return JAEN_ENOMEM;
    return jaen_doc_touch(doc, JAEN_F_WARNINGS);
}

/* ---- sentences ------------------------------------------------------- */

static int grow(void **p, size_t *alloc, size_t need, size_t size)
{
    size_t n;
    void *q;

    if (need <= *alloc)
        return JAEN_OK;
    n = *alloc ? *alloc : 64;
    while (n < need)
        n *= 2;
    q = jaen_realloc(*p, n * size);
    if (!q)
        return JAEN_ENOMEM;
    *p = q;
    *alloc = n;
    return JAEN_OK;
}

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

    /* the compact form every jaen stage writes: [123,456] */
    if (i + 4 < len && s[i] == '[' && s[i + 1] >= '0' && s[i + 1] <= '9') {
        int64_t a = 0, b = 0;
        size_t j = i + 1, d = 0;
        while (j < len && s[j] >= '0' && s[j] <= '9' && d++ < 18)
            a = a * 10 + (s[j++] - '0');
        if (j < len && s[j] == ',' && j + 1 < len && s[j + 1] >= '0'
            && s[j + 1] <= '9') {
            j++;
            d = 0;
            while (j < len && s[j] >= '0' && s[j] <= '9' && d++ < 18)
                b = b * 10 + (s[j++] - '0');
            if (j < len && s[j] == ']') {
                t->start = a;
                t->end = b;
                *pos = j + 1;
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
        struct jaen_tok t;
        if (read_pair(s, len, &i, &t))
            return sent_fail(err, i, "a token is not [start, end]");
        if (grow((void **)&doc->toks, &doc->atoks, doc->ntoks + 1,
                 sizeof(t)))
            return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
        doc->toks[doc->ntoks++] = t;
        st->ntok++;
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

/* One sentence object at s[*pos]. */
static int read_sentence(struct jaen_doc *doc, const char *s, size_t len,
                         size_t *pos, struct jaen_err *err)
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
            if (i < len && s[i] == ',')
                i++;
            else if (i < len && s[i] == '}')
                goto close;
        } else {
            i++;
        }
    }
    i = jaen_jscan_ws(s, len, i);
    while (i < len && s[i] != '}') {
        size_t kend, vstart;
        const char *key;

        jaen_buf_reset(&doc->scratch);
        if (s[i] != '"' || jaen_jscan_string(s, len, i, &kend, &doc->scratch))
            return sent_fail(err, i, "expected a key");
        key = doc->scratch.ptr ? doc->scratch.ptr : "";
        i = jaen_jscan_ws(s, len, kend);
        i = jaen_jscan_ws(s, len, i + 1);     /* past ':' */
        vstart = i;
        if (strcmp(key, JAEN_F_START) == 0 || strcmp(key, JAEN_F_END) == 0) {
            int64_t v;
            if (jaen_jscan_int(s, len, &i, &v))
                return sent_fail(err, i, "start/end must be integers");
            if (key[0] == 's')
                st.start = v;
            else
                st.end = v;
            have |= key[0] == 's' ? 1 : 2;
        } else if (strcmp(key, JAEN_F_TOKENS) == 0) {
            if ((rc = read_tokens(doc, s, len, &i, &st, err)))
                return rc;
        } else {
            json_t *v;
            char *k = jaen_strndup(key, doc->scratch.len);
            if (!k)
                return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
            if (jaen_jscan_value(s, len, &i, NULL)) {
                jaen_free(k);
                return sent_fail(err, i, "bad value");
            }
            v = jaen_json_load(s + vstart, i - vstart, err);
            if (!st.extra)
                st.extra = json_object();
            if (!v || !st.extra || json_object_set_new(st.extra, k, v)) {
                jaen_free(k);
                json_decref(st.extra);
                return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
            }
            jaen_free(k);
        }
        i = jaen_jscan_ws(s, len, i);
        if (i < len && s[i] == ',')
            i = jaen_jscan_ws(s, len, i + 1);
    }
close:
    if (have != 3 || (rc = check_sentence(doc, &st, at, err))) {
        json_decref(st.extra);
        return have != 3 ? sent_fail(err, at, "a sentence needs start and "
                                     "end") : rc;
    }
    if (grow((void **)&doc->sents, &doc->asents, doc->nsents + 1,
             sizeof(st))) {
        json_decref(st.extra);
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    }
    doc->sents[doc->nsents++] = st;
    *pos = i + 1;
    return JAEN_OK;
}

static int decode_sentences(struct jaen_doc *doc, const char *s, size_t len,
                            struct jaen_err *err)
{
    size_t i = 0;
    int rc;

    if (len == 0 || s[0] != '[')
        return sent_fail(err, 0, "not an array");
    i = jaen_jscan_ws(s, len, 1);
    while (i < len && s[i] != ']') {
        if ((rc = read_sentence(doc, s, len, &i, err)))
            return rc;
        if (doc->nsents > 1
            && doc->sents[doc->nsents - 1].start
               < doc->sents[doc->nsents - 2].end)
            return sent_fail(err, i, "sentences overlap or are unsorted");
        i = jaen_jscan_ws(s, len, i);
        if (i < len && s[i] == ',')
            i = jaen_jscan_ws(s, len, i + 1);
    }
    return JAEN_OK;
}

int jaen_doc_sentences(struct jaen_doc *doc, struct jaen_sent **sents,
                       size_t *nsents, const struct jaen_tok **toks,
                       size_t *ntoks, struct jaen_err *err)
{
    struct field *f;
    int rc;

    if (!doc->sents_ok) {
        clear_sents(doc);
        f = find(doc, JAEN_F_SENTENCES);
        if (f && f->raw_len) {
            rc = decode_sentences(doc, doc->line.ptr + f->raw_off,
                                  f->raw_len, err);
        } else if (f && f->val) {
            /* set as a plain json value by a stage: decode its dump */
            struct jaen_buf b;
            jaen_buf_init(&b, JAEN_BUF_DEFAULT_CAP);
            rc = jaen_json_dump(f->val, &b);
            if (!rc)
                rc = decode_sentences(doc, b.ptr, b.len, err);
            jaen_buf_free(&b);
        } else {
            rc = JAEN_OK;
        }
        if (rc) {
            clear_sents(doc);
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

    clear_sents(doc);
    if (grow((void **)&doc->sents, &doc->asents, nsents, sizeof(*sents))
        || grow((void **)&doc->toks, &doc->atoks, ntoks, sizeof(*toks))) {
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
    if ((rc = set_field(doc, JAEN_F_SENTENCES, NULL, FIELD_SENTS)))
        clear_sents(doc);
    return rc;
}

json_t *jaen_doc_sentence_extra(struct jaen_doc *doc, size_t i)
{
    struct field *f = find(doc, JAEN_F_SENTENCES);

    if (!doc->sents_ok || i >= doc->nsents || !f)
        return NULL;
    if (!doc->sents[i].extra && !(doc->sents[i].extra = json_object()))
        return NULL;
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
        if (grow((void **)&doc->terms, &doc->aterms, doc->nterms + 1,
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
        f = find(doc, JAEN_F_TERMS);
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

/* ---- writing --------------------------------------------------------- */

int jaen_json_add_string(struct jaen_buf *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    size_t i = 0, run;
    int rc;

    if ((rc = jaen_buf_reserve(out, len + 2)))
        return rc;
    out->ptr[out->len++] = '"';
    while (i < len) {
        unsigned char c;
        run = i;
        while (i < len) {
            c = (unsigned char)s[i];
            if (c < 0x20 || c == '"' || c == '\\' || c == 0x7F)
                break;
            /* U+2028, U+2029 (E2 80 A8/A9) and NEL (C2 85) */
            if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80
                && ((unsigned char)s[i + 2] == 0xA8
                    || (unsigned char)s[i + 2] == 0xA9))
                break;
            if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0x85)
                break;
            i++;
        }
        if ((rc = jaen_buf_add(out, s + run, i - run)))
            return rc;
        if (i >= len)
            break;
        c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            rc = jaen_buf_add(out, e, 2);
            i++;
        } else if (c == '\n') {
            rc = jaen_buf_add(out, "\\n", 2);
            i++;
        } else if (c == '\t') {
            rc = jaen_buf_add(out, "\\t", 2);
            i++;
        } else if (c == '\r') {
            rc = jaen_buf_add(out, "\\r", 2);
            i++;
        } else {
            unsigned cp = c;
            char e[6] = {'\\', 'u', '0', '0', 0, 0};
            if (c == 0xE2) {
                cp = (unsigned char)s[i + 2] == 0xA8 ? 0x2028 : 0x2029;
                i += 3;
            } else if (c == 0xC2) {
                cp = 0x85;
                i += 2;
            } else {
                i++;
            }
            e[2] = hex[(cp >> 12) & 15];
            e[3] = hex[(cp >> 8) & 15];
            e[4] = hex[(cp >> 4) & 15];
            e[5] = hex[cp & 15];
            rc = jaen_buf_add(out, e, 6);
        }
        if (rc)
            return rc;
    }
    return jaen_buf_addc(out, '"');
}

static int dump_cb(const char *buffer, size_t size, void *data)
{
    return jaen_buf_add(data, buffer, size) ? -1 : 0;
}

int jaen_json_dump(const json_t *value, struct jaen_buf *out)
{
    if (json_dump_callback(value, dump_cb, out,
                           JSON_COMPACT | JSON_ENCODE_ANY
                           | JSON_REAL_PRECISION(15)))
        return JAEN_ENOMEM;
    return JAEN_OK;
}

/* Chains appends: after the first failure the rest are skipped, so a
 * record is either written whole or reported as failed. */
#define ADD(call) do { if (!rc) rc = (call); } while (0)

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
static int write_sentences(const struct jaen_doc *doc, struct jaen_buf *out)
{
    size_t i, k;
    int rc = jaen_buf_addc(out, '[');

    for (i = 0; i < doc->nsents && !rc; i++) {
        const struct jaen_sent *st = &doc->sents[i];
        char *p;

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

static json_t *field_value(struct jaen_doc *doc, struct field *f,
                           struct jaen_err *err)
{
    if (f->val)
        return f->val;
    if (f->state == FIELD_TEXT) {
        f->val = json_stringn(doc->text.ptr ? doc->text.ptr : "",
                              doc->text.len);
    } else if (f->state == FIELD_SENTS) {
        struct jaen_buf b;
        jaen_buf_init(&b, JAEN_BUF_DEFAULT_CAP);
        if (!write_sentences(doc, &b))
            f->val = jaen_json_load(b.ptr, b.len, err);
        jaen_buf_free(&b);
        return f->val;      /* stays FIELD_SENTS: the typed data rules */
    } else if (f->raw_len) {
        f->val = jaen_json_load(doc->line.ptr + f->raw_off, f->raw_len, err);
        if (f->val)
            f->state = FIELD_PARSED;
    }
    return f->val;
}

int jaen_doc_write(struct jaen_doc *doc, struct jaen_buf *out,
                   struct jaen_err *err)
{
    size_t i, mark = out->len;
    int rc = jaen_buf_addc(out, '{');

    for (i = 0; i < doc->nfields && !rc; i++) {
        struct field *f = &doc->fields[i];
        if (i)
            ADD(jaen_buf_addc(out, ','));
        ADD(jaen_json_add_string(out, f->key, strlen(f->key)));
        ADD(jaen_buf_addc(out, ':'));
        switch (f->state) {
        case FIELD_RAW:
        case FIELD_PARSED:
            ADD(jaen_buf_add(out, doc->line.ptr + f->raw_off, f->raw_len));
            break;
        case FIELD_DIRTY:
            ADD(jaen_json_dump(f->val, out));
            break;
        case FIELD_TEXT:
            ADD(jaen_json_add_string(out, doc->text.ptr ? doc->text.ptr
                                     : "", doc->text.len));
            break;
        case FIELD_SENTS:
            ADD(write_sentences(doc, out));
            break;
        }
    }
    ADD(jaen_buf_add(out, "}\n", 2));
    if (rc) {
        out->len = mark;    /* never leave half a record behind */
        if (out->ptr)
            out->ptr[mark] = '\0';
    }
    if (rc)
        return jaen_err_set(err, rc, "writing a record: %s",
                            jaen_strstatus(rc));
    return JAEN_OK;
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

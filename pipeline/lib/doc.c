/* doc.c: the document model and the JSON Lines record codec.
 *
 * A parsed record keeps its line and an ordered list of fields, each a slice
 * of raw JSON until a stage asks for it.  Writing copies clean slices and
 * re-serializes only what a stage touched.  "text" and "sentences" have
 * their own decoders because they are the bulk of every record. */
#include "doc.h"

#include "alloc.h"
#include "doc_int.h"
#include "jscan.h"
#include "limits.h"
#include "utf8.h"

#include <string.h>

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
    jaen_doc_clear_sents_(doc);
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
    jaen_free(doc->sraw);
    jaen_free(doc->toks);
    jaen_free(doc);
}

struct field *jaen_doc_find_(const struct jaen_doc *doc, const char *key)
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

void jaen_doc_decode_early(struct jaen_doc *doc, int sentences)
{
    doc->early_sents = sentences;
}

/* Decodes "sentences" at doc->line[vstart] while the record is parsed;
 * *i gets the position past it.  On any failure the typed sentences are
 * dropped and the caller scans the value as JSON, so a bad record gets the
 * same error as without early decoding (and bad sentences theirs when the
 * stage asks for them). */
static int early_sentences(struct jaen_doc *doc, size_t vstart, size_t *i)
{
    size_t end;
    int rc = jaen_doc_decode_sents_(doc, doc->line.ptr + vstart,
                                    doc->line.len - vstart, vstart, &end,
                                    NULL);

    if (rc) {
        jaen_doc_clear_sents_(doc);
        return rc;
    }
    doc->sents_ok = 1;
    *i = vstart + end;
    return JAEN_OK;
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
        if (jaen_doc_find_(doc, doc->scratch.ptr)) {
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
        key = jaen_strndup(doc->scratch.ptr, doc->scratch.len);
        if (!key)               /* (decoding sentences reuses scratch) */
            return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
        if (doc->early_sents && !doc->sents_ok
            && strcmp(key, JAEN_F_SENTENCES) == 0
            && early_sentences(doc, vstart, &i) == JAEN_OK) {
            /* decoded, and so validated, in one pass */
        } else if ((rc = jaen_jscan_value(s, len, &i, err))) {
            jaen_free(key);
            return rc;
        }
        if (!(f = add_field(doc, key))) {
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
    return jaen_doc_find_(doc, key) != NULL;
}

int jaen_doc_raw(const struct jaen_doc *doc, const char *key,
                 const char **json, size_t *len)
{
    const struct field *f = jaen_doc_find_(doc, key);

    if (!f || !f->raw_len
        || (f->state != FIELD_RAW && f->state != FIELD_PARSED))
        return 0;
    *json = doc->line.ptr + f->raw_off;
    *len = f->raw_len;
    return 1;
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
    struct field *f = jaen_doc_find_(doc, key);

    return f ? field_value(doc, f, err) : NULL;
}

/* Past the validated string literal at s[i] == '"'. */
static size_t string_end(const char *s, size_t len, size_t i)
{
    for (i++; i < len && s[i] != '"'; i++)
        if (s[i] == '\\')
            i++;
    return i < len ? i + 1 : len;
}

int jaen_json_next_elem(const char *json, size_t len, size_t *pos,
                        const char **elem, size_t *elen)
{
    size_t i = jaen_jscan_ws(json, len, *pos), start;

    if (*pos == 0) {                    /* the opening bracket */
        if (i >= len || json[i] != '[')
            return 0;
        i = jaen_jscan_ws(json, len, i + 1);
    } else if (i < len && json[i] == ',') {
        i = jaen_jscan_ws(json, len, i + 1);
    }
    if (i >= len || json[i] == ']')
        return 0;
    start = i;
    if (jaen_jscan_value(json, len, &i, NULL))
        return 0;
    *elem = json + start;
    *elen = i - start;
    *pos = i;
    return 1;
}

int jaen_json_members(const char *obj, size_t len, const char *const *names,
                      size_t n, const char **vals, size_t *vlens)
{
    size_t i = jaen_jscan_ws(obj, len, 0), end, start, m, found = 0;
    struct jaen_buf key;

    for (m = 0; m < n; m++)
        vals[m] = NULL;
    if (i >= len || obj[i] != '{')
        return 0;
    jaen_buf_init(&key, JAEN_BUF_DEFAULT_CAP);
    i = jaen_jscan_ws(obj, len, i + 1);
    while (i < len && obj[i] == '"') {    /* the last one wins */
        const char *k = obj + i + 1;
        size_t kl;
        end = string_end(obj, len, i);
        if (!memchr(k, '\\', end - i - 2)) {
            kl = end - i - 2;           /* plain key: compare in place */
        } else {
            jaen_buf_reset(&key);
            if (jaen_jscan_string(obj, len, i, &end, &key))
                break;
            k = key.ptr ? key.ptr : "";
            kl = key.len;
        }
        i = jaen_jscan_ws(obj, len, end);
        if (i >= len || obj[i] != ':')
            break;
        start = i = jaen_jscan_ws(obj, len, i + 1);
        if (jaen_jscan_value(obj, len, &i, NULL))
            break;
        for (m = 0; m < n; m++)
            if (strlen(names[m]) == kl && memcmp(k, names[m], kl) == 0) {
                found += !vals[m];
                vals[m] = obj + start;
                vlens[m] = i - start;
            }
        i = jaen_jscan_ws(obj, len, i);
        if (i < len && obj[i] == ',')
            i = jaen_jscan_ws(obj, len, i + 1);
    }
    jaen_buf_free(&key);
    return (int)found;
}

int jaen_json_raw_int(const char *val, size_t vlen, int64_t *v)
{
    size_t pos = 0;

    return val && jaen_jscan_int(val, vlen, &pos, v) == JAEN_OK
        && pos == vlen;
}

int jaen_json_raw_string(const char *val, size_t vlen, struct jaen_buf *out)
{
    size_t end;
    int rc;

    jaen_buf_reset(out);
    if (!val || vlen == 0 || val[0] != '"')
        return 0;
    if ((rc = jaen_jscan_string(val, vlen, 0, &end, out)))
        return rc == JAEN_ENOMEM ? rc : 0;
    return out->ptr || !jaen_buf_add(out, "", 0) ? 1 : JAEN_ENOMEM;
}

int jaen_doc_member_string(struct jaen_doc *doc, const char *key,
                           const char *name, struct jaen_buf *out)
{
    const struct field *f = jaen_doc_find_(doc, key);
    const char *raw;
    size_t len;
    json_t *v;

    jaen_buf_reset(out);
    if (!f)
        return 0;
    if (jaen_doc_raw(doc, key, &raw, &len)) {
        const char *val;
        size_t vlen = 0;     /* set with val (-O3 cannot tell) */
        jaen_json_members(raw, len, &name, 1, &val, &vlen);
        return jaen_json_raw_string(val, vlen, out);
    }
    v = json_is_object(f->val) ? json_object_get(f->val, name) : NULL;
    if (!json_is_string(v))
        return 0;
    if (jaen_buf_add(out, json_string_value(v), json_string_length(v))
        || (!out->ptr && jaen_buf_add(out, "", 0)))
        return JAEN_ENOMEM;
    return 1;
}

int jaen_doc_touch(struct jaen_doc *doc, const char *key)
{
    struct field *f = jaen_doc_find_(doc, key);

    if (!f || !f->val)
        return JAEN_EUSAGE;
    f->state = FIELD_DIRTY;
    return JAEN_OK;
}

int jaen_doc_set_field_(struct jaen_doc *doc, const char *key, json_t *value,
                        int state)
{
    struct field *f = jaen_doc_find_(doc, key);

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
        jaen_doc_clear_sents_(doc);
    if (strcmp(key, JAEN_F_TERMS) == 0)
        doc->terms_ok = 0;
    return jaen_doc_set_field_(doc, key, value, FIELD_DIRTY);
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
    if ((rc = jaen_doc_set_field_(doc, key, NULL, FIELD_RAW)))
        return rc;
    f = jaen_doc_find_(doc, key);
    f->raw_off = off;
    f->raw_len = len;
    return JAEN_OK;
}

int jaen_doc_del(struct jaen_doc *doc, const char *key)
{
    struct field *f = jaen_doc_find_(doc, key);
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
        jaen_doc_clear_sents_(doc);
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
    int rc;

    if (!doc->text_ok) {
        f = jaen_doc_find_(doc, JAEN_F_TEXT);
        if (!f)
            return jaen_err_set(err, JAEN_EDATA, "no \"text\" field");
        jaen_buf_reset(&doc->text);
        if (f->raw_len) {
            const char *raw = doc->line.ptr + f->raw_off;
            if (raw[0] != '"')
                return jaen_err_set(err, JAEN_EDATA,
                                    "\"text\" is not a string");
            /* the literal fills the raw value: its body is known, and
             * mostly free of escapes */
            rc = jaen_jscan_string_body(raw + 1, f->raw_len - 2, &doc->text);
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
    if ((rc = jaen_doc_set_field_(doc, JAEN_F_TEXT, NULL, FIELD_TEXT)))
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
    return jaen_doc_find_(doc, JAEN_F_ERROR) != NULL;
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

/* ---- writing --------------------------------------------------------- */

/* Bytes that end a run of bytes copied as they are: controls, '"', '\\',
 * DEL, and the lead bytes of U+2028/U+2029 (E2) and NEL (C2), which may or
 * may not start an escaped character.  One load per byte instead of six
 * comparisons: "ja" of every glossary match and every key pass here. */
static const unsigned char json_stop[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,     /* 00 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,     /* 10 */
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,     /* 20: '"' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,     /* 30 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,     /* 40 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,     /* 50: '\\' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,     /* 60 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,     /* 70: DEL */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,     /* 80 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,     /* 90 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,     /* A0 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,     /* B0 */
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,     /* C0: C2 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,     /* D0 */
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,     /* E0: E2 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,     /* F0 */
};

int jaen_json_add_string(struct jaen_buf *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, run;
    int rc;

    if ((rc = jaen_buf_reserve(out, len + 2)))
        return rc;
    /* the common case, nothing to escape: one scan and one copy into the
     * room just reserved */
    while (i < len && !json_stop[u[i]])
        i++;
    out->ptr[out->len++] = '"';
    if (i == len) {
        if (len)
            memcpy(out->ptr + out->len, s, len);
        out->len += len;
        out->ptr[out->len++] = '"';
        out->ptr[out->len] = '\0';
        return JAEN_OK;
    }
    /* then escape by escape, from the first byte that may need one */
    run = 0;
    while (i < len) {
        unsigned char c = u[i];
        unsigned cp;
        char e[6] = {'\\', 'u', '0', '0', 0, 0};
        size_t n = 1, elen = 2;

        if (!json_stop[c]) {
            i++;
            continue;
        }
        if (c == '"' || c == '\\') {
            e[1] = (char)c;
        } else if (c == '\n') {
            e[1] = 'n';
        } else if (c == '\t') {
            e[1] = 't';
        } else if (c == '\r') {
            e[1] = 'r';
        } else {
            /* the rest of the controls, DEL, U+2028, U+2029 (E2 80 A8/A9)
             * and NEL (C2 85) as \u00XX; other E2 and C2 sequences are
             * plain text */
            cp = c;
            if (c == 0xE2) {
                if (i + 2 >= len || u[i + 1] != 0x80
                    || (u[i + 2] != 0xA8 && u[i + 2] != 0xA9)) {
                    i++;
                    continue;
                }
                cp = u[i + 2] == 0xA8 ? 0x2028 : 0x2029;
                n = 3;
            } else if (c == 0xC2) {
                if (i + 1 >= len || u[i + 1] != 0x85) {
                    i++;
                    continue;
                }
                cp = 0x85;
                n = 2;
            }
            e[2] = hex[(cp >> 12) & 15];
            e[3] = hex[(cp >> 8) & 15];
            e[4] = hex[(cp >> 4) & 15];
            e[5] = hex[cp & 15];
            elen = 6;
        }
        if ((rc = jaen_buf_add(out, s + run, i - run))
            || (rc = jaen_buf_add(out, e, elen)))
            return rc;
        i += n;
        run = i;
    }
    if ((rc = jaen_buf_add(out, s + run, len - run)))
        return rc;
    return jaen_buf_addc(out, '"');
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
        if (!jaen_doc_write_sents_(doc, &b))
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
            ADD(jaen_doc_write_sents_(doc, out));
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

int jaen_doc_grow_(void **p, size_t *alloc, size_t need, size_t size)
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

/* protect.c: placeholders for terms and values, and their English. */
#include "protect.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "english.h"
#include "utf8.h"

void jaen_prot_init(struct jaen_prot *p)
{
    jaen_buf_init(&p->text, JAEN_PROT_MAX_BYTES);
    jaen_buf_init(&p->hints, JAEN_PROT_MAX_BYTES);
    jaen_buf_init(&p->key, JAEN_PROT_MAX_BYTES);
    p->en = NULL;
    p->n = 0;
}

void jaen_prot_free(struct jaen_prot *p)
{
    size_t i;

    for (i = 0; i < p->n; i++)
        jaen_free(p->en[i]);
    jaen_free(p->en);
    jaen_buf_free(&p->text);
    jaen_buf_free(&p->hints);
    jaen_buf_free(&p->key);
    p->en = NULL;
    p->n = 0;
}

/* Appends s[0..len) escaped for XML character data. */
static int add_xml(struct jaen_buf *b, const char *s, size_t len)
{
    size_t i;
    int rc = JAEN_OK;

    for (i = 0; i < len && !rc; i++) {
        switch (s[i]) {
        case '&': rc = jaen_buf_adds(b, "&amp;"); break;
        case '<': rc = jaen_buf_adds(b, "&lt;"); break;
        case '>': rc = jaen_buf_adds(b, "&gt;"); break;
        default: rc = jaen_buf_addc(b, s[i]); break;
        }
    }
    return rc;
}

static int add_text(struct jaen_buf *b, enum jaen_prot_style style,
                    const char *s, size_t len)
{
    return style == JAEN_PROT_XML ? add_xml(b, s, len)
                                  : jaen_buf_add(b, s, len);
}

/* Sort order: by start, longer first. */
static int span_cmp(const void *a, const void *b)
{
    const struct jaen_prot_span *x = a, *y = b;

    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return 0;
}

/* Byte offset of code point cp in s (len bytes), or len. */
static size_t cp_to_byte(const char *s, size_t len, int64_t cp)
{
    size_t pos = 0;
    uint32_t c;

    while (cp > 0 && pos < len) {
        jaen_utf8_next(s, len, &pos, &c);
        cp--;
    }
    return pos;
}

static int add_placeholder(struct jaen_prot *p, enum jaen_prot_style style,
                           const char *en)
{
    char **v;
    size_t id = p->n + 1;
    int rc;

    v = jaen_realloc(p->en, (p->n + 1) * sizeof(*v));
    if (!v)
        return JAEN_ENOMEM;
    p->en = v;
    p->en[p->n] = jaen_strdup(en);
    if (!p->en[p->n])
        return JAEN_ENOMEM;
    p->n++;
    if (style == JAEN_PROT_XML) {
        rc = jaen_buf_addf(&p->text, "<x id=\"%zu\">", id);
        if (!rc)
            rc = add_xml(&p->text, en, strlen(en));
        if (!rc)
            rc = jaen_buf_adds(&p->text, "</x>");
    } else {
        rc = jaen_buf_addf(&p->text, "[[%zu]]", id);
    }
    if (!rc)
        rc = jaen_buf_addf(&p->hints, "[[%zu]] = %s\n", id, en);
    if (!rc)
        rc = jaen_buf_addf(&p->key, "\x1f%zu=%s", id, en);
    return rc;
}

int jaen_protect(const char *s, size_t len,
                 const struct jaen_prot_span *spans, size_t nspans,
                 enum jaen_prot_style style, struct jaen_prot *p,
                 struct jaen_err *err)
{
    struct jaen_prot_span *sorted = NULL;
    size_t ncp = jaen_utf8_count(s, len), i, done = 0;
    int64_t covered = 0;
    int rc = JAEN_OK;

    jaen_prot_free(p);
    if (nspans) {
        sorted = jaen_malloc(nspans * sizeof(*sorted));
        if (!sorted)
            return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
        memcpy(sorted, spans, nspans * sizeof(*sorted));
        qsort(sorted, nspans, sizeof(*sorted), span_cmp);
    }
    for (i = 0; i < nspans && !rc; i++) {
        const struct jaen_prot_span *sp = &sorted[i];
        size_t a, b;

        if (sp->start < covered || sp->end <= sp->start
            || sp->end > (int64_t)ncp || !sp->en || !sp->en[0])
            continue;
        a = cp_to_byte(s, len, sp->start);
        b = cp_to_byte(s, len, sp->end);
        rc = add_text(&p->text, style, s + done, a - done);
        if (!rc)
            rc = add_placeholder(p, style, sp->en);
        done = b;
        covered = sp->end;
    }
    if (!rc)
        rc = add_text(&p->text, style, s + done, len - done);
    if (!rc)
        rc = jaen_buf_add(&p->key, p->text.ptr ? p->text.ptr : "",
                          p->text.len);
    jaen_free(sorted);
    if (rc)
        return jaen_err_set(err, rc, "protecting a sentence: %s",
                            jaen_strstatus(rc));
    return JAEN_OK;
}

/* Decodes one XML entity at s[*i] ('&') into out; unknown ones are kept. */
static int add_entity(struct jaen_buf *out, const char *s, size_t len,
                      size_t *i)
{
    static const struct { const char *name; char c; } ents[] = {
        { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' },
        { "&quot;", '"' }, { "&apos;", '\'' },
    };
    size_t k;

    for (k = 0; k < sizeof(ents) / sizeof(ents[0]); k++) {
        size_t n = strlen(ents[k].name);
        if (len - *i >= n && !memcmp(s + *i, ents[k].name, n)) {
            *i += n;
            return jaen_buf_addc(out, ents[k].c);
        }
    }
    if (len - *i > 3 && s[*i + 1] == '#') {
        size_t j = *i + 2;
        int hex = s[j] == 'x' || s[j] == 'X';
        unsigned long cp = 0;
        size_t digits = 0;

        j += (size_t)hex;
        while (j < len && digits < 7) {
            char c = s[j];
            int d = c >= '0' && c <= '9' ? c - '0'
                : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0)
                break;
            cp = cp * (hex ? 16 : 10) + (unsigned long)d;
            digits++;
            j++;
        }
        if (digits && j < len && s[j] == ';' && cp > 0 && cp <= 0x10FFFF
            && (cp < 0xD800 || cp > 0xDFFF)) {
            *i = j + 1;
            return jaen_buf_add_cp(out, (uint32_t)cp);
        }
    }
    (*i)++;
    return jaen_buf_addc(out, '&');
}

/* Reads a placeholder at s[i]: [[N]] (spaces tolerated) for tokens,
 * <x id="N">...</x> or <x id="N"/> for XML.  Returns its length, 0 if
 * none is there; *id receives N. */
static size_t match_placeholder(const char *s, size_t len, size_t i,
                                enum jaen_prot_style style, size_t *id)
{
    size_t j = i, n = 0, digits = 0;

    if (style == JAEN_PROT_TOKEN) {
        if (len - i < 5 || s[i] != '[' || s[i + 1] != '[')
            return 0;
        j = i + 2;
        while (j < len && s[j] == ' ')
            j++;
        while (j < len && s[j] >= '0' && s[j] <= '9' && digits < 6) {
            n = n * 10 + (size_t)(s[j] - '0');
            j++;
            digits++;
        }
        while (j < len && s[j] == ' ')
            j++;
        if (!digits || len - j < 2 || s[j] != ']' || s[j + 1] != ']')
            return 0;
        *id = n;
        return j + 2 - i;
    }
    if (len - i < 9 || memcmp(s + i, "<x id=", 6) != 0)
        return 0;
    j = i + 6;
    if (s[j] != '"' && s[j] != '\'')
        return 0;
    j++;
    while (j < len && s[j] >= '0' && s[j] <= '9' && digits < 6) {
        n = n * 10 + (size_t)(s[j] - '0');
        j++;
        digits++;
    }
    if (!digits || j >= len || (s[j] != '"' && s[j] != '\''))
        return 0;
    j++;
    *id = n;
    if (len - j >= 2 && s[j] == '/' && s[j + 1] == '>')
        return j + 2 - i;
    if (j >= len || s[j] != '>')
        return 0;
    /* Skip the content: DeepL leaves ignored tags' content alone. */
    for (j++; len - j >= 4; j++)
        if (!memcmp(s + j, "</x>", 4))
            return j + 4 - i;
    return 0;
}

int jaen_restore(const char *mt, size_t len, const struct jaen_prot *p,
                 enum jaen_prot_style style, struct jaen_buf *out,
                 struct jaen_err *err)
{
    unsigned char *seen = NULL;
    size_t i = 0, id = 0, start = out->len, k;
    int rc = JAEN_OK;

    if (p->n) {
        seen = jaen_calloc(p->n, 1);
        if (!seen)
            return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    }
    while (i < len && !rc) {
        size_t m = match_placeholder(mt, len, i, style, &id);

        if (m) {
            if (id < 1 || id > p->n) {
                rc = jaen_err_set(err, JAEN_EDATA,
                                  "the engine returned an unknown "
                                  "placeholder %zu", id);
                break;
            }
            seen[id - 1] = 1;
            rc = jaen_buf_adds(out, p->en[id - 1]);
            i += m;
        } else if (style == JAEN_PROT_XML && mt[i] == '<') {
            rc = jaen_err_set(err, JAEN_EDATA,
                              "the engine returned a stray tag");
        } else if (style == JAEN_PROT_XML && mt[i] == '&') {
            rc = add_entity(out, mt, len, &i);
        } else {
            rc = jaen_buf_addc(out, mt[i]);
            i++;
        }
    }
    for (k = 0; k < p->n && !rc; k++)
        if (!seen[k])
            rc = jaen_err_set(err, JAEN_EDATA,
                              "the engine dropped placeholder %zu (\"%s\")",
                              k + 1, p->en[k]);
    jaen_free(seen);
    if (rc) {
        out->len = start;
        if (out->ptr)
            out->ptr[start] = '\0';
        if (rc == JAEN_ENOMEM || rc == JAEN_ELIMIT)
            jaen_err_set(err, rc, "restoring placeholders: %s",
                         jaen_strstatus(rc));
        return rc;
    }
    /* Trim ASCII spaces and newlines at both ends of the new part. */
    k = start;
    while (k < out->len && (out->ptr[k] == ' ' || out->ptr[k] == '\n'
                            || out->ptr[k] == '\t' || out->ptr[k] == '\r'))
        k++;
    if (k > start) {
        memmove(out->ptr + start, out->ptr + k, out->len - k + 1);
        out->len -= k - start;
    }
    while (out->len > start && (out->ptr[out->len - 1] == ' '
                                || out->ptr[out->len - 1] == '\n'
                                || out->ptr[out->len - 1] == '\t'
                                || out->ptr[out->len - 1] == '\r'))
        out->ptr[--out->len] = '\0';
    return JAEN_OK;
}

/* ---- English renderings of normalize's entities ---- */

/* What the shared renderer leaves out, with a rendering that keeps the
 * value: an open range with only an end ("…まで" → "until March 11,
 * 2025") and 24時間365日 ("24/7").  Returns 1, 0 or a negative status. */
static int fallback_en(const json_t *ent, struct jaen_buf *out)
{
    const char *type = json_string_value(json_object_get(ent, "type"));
    const char *to = json_string_value(json_object_get(ent, "to"));
    const char *iso = json_string_value(json_object_get(ent, "iso"));
    const json_t *v = json_object_get(ent, "value");
    int rc;

    if (!type)
        return 0;
    if (!strcmp(type, "date_range") && to
        && !json_object_get(ent, "from")
        && !(json_is_object(v) && json_object_get(v, "from"))) {
        rc = jaen_buf_adds(out, "until ");
        if (!rc)
            rc = jaen_en_date(out, to);
        return rc == JAEN_OK ? 1 : rc == JAEN_EDATA ? 0 : rc;
    }
    if (!strcmp(type, "duration") && iso && !strcmp(iso, "24/7"))
        return jaen_buf_adds(out, "24/7") ? JAEN_ENOMEM : 1;
    return 0;
}

int jaen_protect_entity_en(const json_t *ent, struct jaen_buf *out)
{
    size_t mark = out->len;
    int rc;

    /* The one renderer that gloss's phrase slots and record use too, so
     * that every stage spells a value the same way. */
    rc = jaen_en_entity(out, ent);
    if (rc == JAEN_OK)
        return 1;
    out->len = mark;
    if (out->ptr)
        out->ptr[mark] = '\0';
    if (rc == JAEN_EDATA) {
        rc = fallback_en(ent, out);
        if (rc == 1)
            return 1;
        out->len = mark;
        if (out->ptr)
            out->ptr[mark] = '\0';
    }
    return rc == JAEN_ENOMEM || rc == JAEN_ELIMIT ? JAEN_ENOMEM : 0;
}

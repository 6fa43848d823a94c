/* phrase.c: slot syntax, phrase keys and filling English templates. */
#include "phrase.h"

#include "alloc.h"
#include "doc.h"
#include "english.h"
#include "limits.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const slot_types[] = {
    "date", "date_range", "time", "duration", "number", "quantity", "money",
    "percent",
};
#define NTYPES (sizeof(slot_types) / sizeof(slot_types[0]))

/* The index of a slot type, NTYPES when type is none. */
static size_t type_index(const char *type, size_t len)
{
    size_t i;

    for (i = 0; i < NTYPES; i++)
        if (strlen(slot_types[i]) == len
            && memcmp(slot_types[i], type, len) == 0)
            break;
    return i;
}

int jaen_phrase_type_ok(const char *type, size_t len)
{
    return type_index(type, len) < NTYPES;
}

/* Parses a slot token at s ('{' ... '}').  On success stores the type
 * index and number (1 for {t}) and returns the token length, else 0. */
static size_t slot_at(const char *s, size_t *type, int *num)
{
    size_t n = 1, tl, i;

    while ((s[n] >= 'a' && s[n] <= 'z') || s[n] == '_')
        n++;
    tl = n - 1;
    *num = 1;
    if (s[n] >= '2' && s[n] <= '9') {
        *num = s[n++] - '0';
        if (s[n] >= '0' && s[n] <= '9')
            *num = *num * 10 + (s[n++] - '0');
    }
    if (s[n] != '}')
        return 0;
    for (i = 0; i < NTYPES; i++)
        if (strlen(slot_types[i]) == tl
            && memcmp(slot_types[i], s + 1, tl) == 0) {
            *type = i;
            return n + 1;
        }
    return 0;
}

/* Length of a token shaped like a slot at s ({[a-z0-9_]+}), or 0. */
static size_t shaped(const char *s)
{
    size_t n = 1;

    while ((s[n] >= 'a' && s[n] <= 'z') || s[n] == '_'
           || (s[n] >= '0' && s[n] <= '9'))
        n++;
    return n > 1 && s[n] == '}' ? n + 1 : 0;
}

int jaen_phrase_has_slot(const char *s)
{
    for (; (s = strchr(s, '{')) != NULL; s++)
        if (shaped(s))
            return 1;
    return 0;
}

/* Marks the slots of s in seen[type][num]; checks their order if ordered.
 * Returns 0 or -1 with why set. */
static int scan(const char *s, unsigned char seen[NTYPES][100], int ordered,
                char *why, size_t whylen)
{
    int last[NTYPES] = {0};

    for (; (s = strchr(s, '{')) != NULL; s++) {
        size_t type, n;
        int num;
        n = slot_at(s, &type, &num);
        if (!n) {
            size_t m = shaped(s);
            if (m) {
                snprintf(why, whylen, "unknown slot %.*s", (int)m, s);
                return -1;
            }
            continue;
        }
        if (ordered && num != last[type] + 1) {
            snprintf(why, whylen, "%.*s out of order (number slots of one "
                     "type 1, 2, 3... as they appear)", (int)n, s);
            return -1;
        }
        if (ordered)
            last[type] = num;
        seen[type][num] = 1;
        s += n - 1;
    }
    return 0;
}

int jaen_phrase_check(const char *ja, const char *en, char *why,
                      size_t whylen)
{
    static const unsigned char none[NTYPES][100];
    unsigned char a[NTYPES][100], b[NTYPES][100];
    size_t t;
    int k;

    memcpy(a, none, sizeof(a));
    memcpy(b, none, sizeof(b));
    if (scan(ja, a, 1, why, whylen) || scan(en, b, 0, why, whylen))
        return JAEN_EDATA;
    for (t = 0; t < NTYPES; t++)
        for (k = 1; k < 100; k++)
            if (a[t][k] != b[t][k]) {
                char name[32];
                if (k == 1)
                    snprintf(name, sizeof(name), "{%s}", slot_types[t]);
                else
                    snprintf(name, sizeof(name), "{%s%d}", slot_types[t], k);
                snprintf(why, whylen, "%s is in the %s only", name,
                         a[t][k] ? "Japanese" : "English");
                return JAEN_EDATA;
            }
    return JAEN_OK;
}

int jaen_phrase_space(uint32_t cp)
{
    return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0
        || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028
        || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000
        || cp == 0xFEFF;
}

size_t jaen_phrase_space_at(const char *str, size_t left)
{
    const unsigned char *p = (const unsigned char *)str;

    if (p[0] < 0x80)
        return p[0] == ' ' || (p[0] >= 0x09 && p[0] <= 0x0D);
    if (p[0] == 0xC2)
        return left >= 2 && p[1] == 0xA0 ? 2 : 0;
    if (left < 3)
        return 0;
    switch (p[0]) {
    case 0xE1:      /* U+1680 */
        return p[1] == 0x9A && p[2] == 0x80 ? 3 : 0;
    case 0xE2:      /* U+2000..200A, 2028, 2029, 202F, 205F */
        if (p[1] == 0x80)
            return p[2] <= 0x8A || p[2] == 0xA8 || p[2] == 0xA9
                || p[2] == 0xAF ? 3 : 0;
        return p[1] == 0x81 && p[2] == 0x9F ? 3 : 0;
    case 0xE3:      /* U+3000 */
        return p[1] == 0x80 && p[2] == 0x80 ? 3 : 0;
    case 0xEF:      /* U+FEFF */
        return p[1] == 0xBB && p[2] == 0xBF ? 3 : 0;
    }
    return 0;
}

int jaen_phrase_key_add(struct jaen_buf *out, const char *s, size_t len)
{
    size_t pos = 0, run = 0, n;
    int rc = JAEN_OK;

    /* continuation bytes never look like a space's first byte */
    while (pos < len && !rc) {
        n = jaen_phrase_space_at(s + pos, len - pos);
        if (!n) {
            pos++;
            continue;
        }
        rc = jaen_buf_add(out, s + run, pos - run);
        pos += n;
        run = pos;
    }
    return rc ? rc : jaen_buf_add(out, s + run, len - run);
}

static int cmp_slot(const void *a, const void *b)
{
    const struct jaen_phrase_slot *x = a, *y = b;

    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->end > y->end ? -1 : x->end < y->end;    /* longer first */
}

/* Sorts slots s[0..k) and keeps the outermost; the result is *slots. */
static void keep_outermost(struct jaen_phrase_slot *s, size_t k,
                           struct jaen_phrase_slot **slots, size_t *n)
{
    size_t i, m = k;
    int64_t reach = -1;

    if (m)                      /* (s is NULL when nothing was found) */
        qsort(s, m, sizeof(*s), cmp_slot);
    k = 0;
    for (i = 0; i < m; i++) {
        if (s[i].start < reach)
            continue;
        s[k++] = s[i];
        reach = s[i].end;
    }
    *slots = s;
    *n = k;
}

int jaen_phrase_collect(const json_t *entities, struct jaen_phrase_slot **slots,
                        size_t *n)
{
    size_t i, k = 0, m = json_array_size(entities);
    struct jaen_phrase_slot *s;

    *slots = NULL;
    *n = 0;
    if (!m)
        return JAEN_OK;
    s = jaen_calloc(m, sizeof(*s));
    if (!s)
        return JAEN_ENOMEM;
    for (i = 0; i < m; i++) {
        const json_t *e = json_array_get(entities, i);
        const char *type = json_string_value(json_object_get(e, "type"));
        const json_t *a = json_object_get(e, "start");
        const json_t *b = json_object_get(e, "end");
        size_t t = type ? type_index(type, json_string_length(
                                         json_object_get(e, "type")))
                        : NTYPES;
        if (t == NTYPES || !json_is_integer(a) || !json_is_integer(b)
            || json_integer_value(a) >= json_integer_value(b))
            continue;
        s[k].start = json_integer_value(a);
        s[k].end = json_integer_value(b);
        s[k].entity = e;
        s[k].type = (unsigned)t;
        k++;
    }
    keep_outermost(s, k, slots, n);
    return JAEN_OK;
}

int jaen_phrase_collect_raw(const char *json, size_t len,
                            struct jaen_phrase_slot **slots, size_t *n)
{
    struct jaen_phrase_slot *s = NULL;
    struct jaen_buf type;
    size_t pos = 0, k = 0, alloc = 0, elen, t;
    const char *e;
    int64_t a, b;
    int rc = JAEN_OK;

    *slots = NULL;
    *n = 0;
    jaen_buf_init(&type, JAEN_BUF_DEFAULT_CAP);
    while (jaen_json_next_elem(json, len, &pos, &e, &elen)) {
        static const char *const names[] = {"type", "start", "end"};
        const char *v[3];
        size_t vl[3];
        jaen_json_members(e, elen, names, 3, v, vl);
        rc = jaen_json_raw_string(v[0], vl[0], &type);
        if (rc < 0)
            break;
        t = rc == 1 ? type_index(type.ptr, type.len) : NTYPES;
        rc = JAEN_OK;
        if (t == NTYPES || !jaen_json_raw_int(v[1], vl[1], &a)
            || !jaen_json_raw_int(v[2], vl[2], &b) || a >= b)
            continue;
        if (k == alloc) {
            struct jaen_phrase_slot *p;
            alloc = alloc ? alloc * 2 : 16;
            p = jaen_realloc(s, alloc * sizeof(*s));
            if (!p) {
                rc = JAEN_ENOMEM;
                break;
            }
            s = p;
        }
        memset(&s[k], 0, sizeof(s[k]));
        s[k].start = a;
        s[k].end = b;
        s[k].raw = e;
        s[k].raw_len = elen;
        s[k].type = (unsigned)t;
        k++;
    }
    jaen_buf_free(&type);
    if (rc) {
        jaen_free(s);
        return rc;
    }
    keep_outermost(s, k, slots, n);
    return JAEN_OK;
}

int jaen_phrase_collect_doc(struct jaen_doc *doc,
                            struct jaen_phrase_slot **slots, size_t *n,
                            struct jaen_err *err)
{
    const char *raw;
    size_t len;
    json_t *ents;

    *slots = NULL;
    *n = 0;
    if (jaen_doc_raw(doc, JAEN_F_ENTITIES, &raw, &len))
        return jaen_phrase_collect_raw(raw, len, slots, n);
    ents = jaen_doc_get(doc, JAEN_F_ENTITIES, err);
    if (!ents && jaen_doc_has(doc, JAEN_F_ENTITIES))
        return err && err->code ? err->code : JAEN_ENOMEM;
    return jaen_phrase_collect(ents, slots, n);
}

void jaen_phrase_name(struct jaen_phrase_slot *slots, size_t n)
{
    int count[NTYPES] = {0};
    size_t i, t;

    for (i = 0; i < n; i++) {
        const char *type;
        t = slots[i].type;
        if (t >= NTYPES)
            continue;
        type = slot_types[t];
        if (count[t] < 99)
            count[t]++;
        if (count[t] == 1)
            snprintf(slots[i].name, sizeof(slots[i].name), "{%s}", type);
        else
            snprintf(slots[i].name, sizeof(slots[i].name), "{%s%d}", type,
                     count[t]);
    }
}

int jaen_phrase_fill(const char *tmpl, const struct jaen_phrase_slot *slots,
                     size_t n, struct jaen_buf *out, struct jaen_err *err)
{
    const char *s = tmpl, *b;
    int rc = JAEN_OK;

    while (!rc && (b = strchr(s, '{')) != NULL) {
        size_t type, len, i;
        int num;
        rc = jaen_buf_add(out, s, (size_t)(b - s));
        len = slot_at(b, &type, &num);
        if (rc)
            break;
        if (!len) {
            rc = jaen_buf_addc(out, '{');
            s = b + 1;
            continue;
        }
        for (i = 0; i < n; i++)
            if (strlen(slots[i].name) == len
                && memcmp(slots[i].name, b, len) == 0)
                break;
        if (i == n)
            return jaen_err_set(err, JAEN_EDATA, "no value for %.*s",
                                (int)len, b);
        if (slots[i].entity) {
            rc = jaen_en_entity(out, slots[i].entity);
        } else {                        /* load the one entity filled in */
            json_t *e = jaen_json_load(slots[i].raw ? slots[i].raw : "null",
                                       slots[i].raw ? slots[i].raw_len : 4,
                                       NULL);
            rc = e ? jaen_en_entity(out, e) : JAEN_ENOMEM;
            json_decref(e);
        }
        if (rc == JAEN_EDATA)
            return jaen_err_set(err, rc, "cannot render %.*s in English",
                                (int)len, b);
        s = b + len;
    }
    return rc ? rc : jaen_buf_adds(out, s);
}

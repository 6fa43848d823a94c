/* glossbuild.c: the glossary compiler, checked rows to binary image.
 *
 * Keys are sorted and placed into a double-array trie breadth-first: the
 * children of a node go to the first base where all their units are free
 * (as in darts), and a search start that skips the densely packed front of
 * the array keeps placement near linear.  Where one key is left below a
 * node, the rest of it goes to a tail record instead of a chain of units. */
#include "gloss.h"

#include "alloc.h"
#include "glossfmt.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct bkey {
    const char *bytes;      /* borrowed from the dictsrc */
    size_t len;             /* bytes */
    uint32_t value;         /* entry index in the image */
};

struct da {
    struct jaen_buf *tail;  /* tail records, shared by the tries */
    struct jaen_glossfmt_unit *u;   /* units */
    size_t cap;             /* units allocated */
    size_t used;            /* highest used unit + 1 */
    size_t next_check;      /* where the free-slot search starts */
};

#define DA_MAX ((size_t)1 << 31)

static int da_reserve(struct da *d, size_t need)
{
    size_t n = d->cap ? d->cap : 1024, i;
    struct jaen_glossfmt_unit *u;

    if (need <= d->cap)
        return JAEN_OK;
    if (need >= DA_MAX)
        return JAEN_ELIMIT;
    while (n < need)
        n *= 2;
    u = jaen_realloc(d->u, n * sizeof(*u));
    if (!u)
        return JAEN_ENOMEM;
    for (i = d->cap; i < n; i++) {
        u[i].base = 0;
        u[i].check = -1;
    }
    d->u = u;
    d->cap = n;
    return JAEN_OK;
}

static unsigned label(const struct bkey *k, size_t depth)
{
    return depth < k->len ? (unsigned char)k->bytes[depth] + 1u : 0u;
}

/* Finds a base for the sorted, distinct labels lab[0..n). */
static int find_base(struct da *d, const unsigned *lab, size_t n,
                     size_t *out)
{
    size_t pos = d->next_check > lab[0] + 1 ? d->next_check : lab[0] + 1;
    size_t nonfree = 0, first = 1, start = pos, i;
    int rc;

    for (;; pos++) {
        size_t base;
        rc = da_reserve(d, pos + 258);
        if (rc)
            return rc;
        if (d->u[pos].check != -1) {
            nonfree++;
            continue;
        }
        if (first) {
            d->next_check = pos;
            start = pos;
            first = 0;
        }
        base = pos - lab[0];
        for (i = 1; i < n; i++)
            if (d->u[base + lab[i]].check != -1)
                break;
        if (i == n) {
            /* darts: once the scanned stretch is 95% full, start later */
            if (nonfree * 20 >= (pos - start + 1) * 19)
                d->next_check = pos;
            *out = base;
            return JAEN_OK;
        }
    }
}

/* A node whose children are still to be placed. */
struct pending {
    size_t s;               /* the node */
    size_t lo, hi;          /* its keys */
    size_t depth;           /* bytes of them it stands for */
};

static int grow_q(struct pending **q, size_t *alloc, size_t need)
{
    size_t n = *alloc ? *alloc : 1024;
    struct pending *p;

    if (need <= *alloc)
        return JAEN_OK;
    while (n < need)
        n *= 2;
    p = jaen_realloc(*q, n * sizeof(*p));
    if (!p)
        return JAEN_ENOMEM;
    *q = p;
    *alloc = n;
    return JAEN_OK;
}

/* Stores the rest of key k from depth as node s's tail record. */
static int add_tail(struct da *d, const struct bkey *k, size_t depth,
                    size_t s)
{
    static const char zero[4];
    size_t off = d->tail->len, rest = k->len - depth;
    uint32_t head[2];
    int rc;

    if (off / 4 >= (size_t)INT32_MAX)
        return JAEN_ELIMIT;
    head[0] = (uint32_t)rest;
    head[1] = k->value;
    rc = jaen_buf_add(d->tail, head, sizeof(head));
    if (!rc)
        rc = jaen_buf_add(d->tail, k->bytes + depth, rest);
    if (!rc)
        rc = jaen_buf_add(d->tail, zero, (4 - rest % 4) % 4);
    if (rc)
        return rc;
    d->u[s].base = -(int32_t)(off / 4) - 1;
    return JAEN_OK;
}

/* Places every node breadth-first from the root: the nodes of the first
 * levels, which nearly every walk visits, end up side by side at the front
 * of the array and stay in the cache, while the rarely visited deep nodes
 * and tails lie behind them. */
static int place(struct da *d, const struct bkey *keys, size_t nkeys)
{
    struct pending *q = NULL;
    size_t head = 0, nq = 0, aq = 0, i, n, base;
    unsigned lab[257];
    size_t from[258];
    int rc = JAEN_OK;

    if (grow_q(&q, &aq, 1))
        return JAEN_ENOMEM;
    q[nq].s = 0;
    q[nq].lo = 0;
    q[nq].hi = nkeys;
    q[nq++].depth = 0;
    while (!rc && head < nq) {
        struct pending p = q[head++];
        if (p.hi - p.lo == 1) {     /* one key left: its rest is a tail */
            rc = add_tail(d, &keys[p.lo], p.depth, p.s);
            continue;
        }
        n = 0;
        for (i = p.lo; i < p.hi; i++) {
            unsigned l = label(&keys[i], p.depth);
            if (n && lab[n - 1] == l)
                continue;
            lab[n] = l;
            from[n] = i;
            n++;
        }
        from[n] = p.hi;
        rc = find_base(d, lab, n, &base);
        if (rc)
            break;
        d->u[p.s].base = (int32_t)base;
        for (i = 0; i < n; i++) {
            d->u[base + lab[i]].check = (int32_t)p.s;
            if (base + lab[i] + 1 > d->used)
                d->used = base + lab[i] + 1;
        }
        if (grow_q(&q, &aq, nq + n)) {
            rc = JAEN_ENOMEM;
            break;
        }
        for (i = 0; i < n; i++) {
            if (lab[i] == 0) {
                d->u[base].base = (int32_t)keys[from[i]].value;
                continue;
            }
            q[nq].s = base + lab[i];
            q[nq].lo = from[i];
            q[nq].hi = from[i + 1];
            q[nq++].depth = p.depth + 1;
        }
    }
    jaen_free(q);
    return rc;
}

static int cmp_key(const void *a, const void *b)
{
    const struct bkey *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->bytes, y->bytes, n);

    if (c)
        return c;
    return x->len < y->len ? -1 : x->len > y->len;
}

/* Builds the double-array of keys[0..n) (sorted here) into d. */
static int build_da(struct da *d, struct bkey *keys, size_t n)
{
    int rc = da_reserve(d, 1024);

    if (rc)
        return rc;
    d->u[0].check = -2;     /* the root is nobody's child */
    d->used = 1;
    d->next_check = 1;
    if (!n)
        return JAEN_OK;
    qsort(keys, n, sizeof(*keys), cmp_key);
    return place(d, keys, n);
}

static uint32_t pool_add(struct jaen_buf *pool, const char *s, int *rc)
{
    size_t off = pool->len;

    if (!*s)
        return 0;
    if (!*rc)
        *rc = jaen_buf_add(pool, s, strlen(s) + 1);
    return (uint32_t)off;
}

static int pad8(struct jaen_buf *out)
{
    static const char zero[8];
    return jaen_buf_add(out, zero, (8 - out->len % 8) % 8);
}

static uint32_t fnv32(const void *p, size_t len)
{
    const unsigned char *s = p;
    uint32_t h = 0x811c9dc5u;
    size_t i;

    for (i = 0; i < len; i++) {
        h ^= s[i];
        h *= 0x01000193u;
    }
    return h;
}

/* The start filter of the term keys (glossfmt.h): 16 bits per key or
 * more, a power of two between 2^12 and 2^24 bits.  jaen_malloc'd. */
static unsigned char *build_filter(const struct bkey *keys, size_t n,
                                   uint32_t *log2)
{
    unsigned char *f;
    size_t i;

    *log2 = 12;
    while (*log2 < 24 && ((size_t)1 << *log2) < n * 16)
        (*log2)++;
    f = jaen_calloc((size_t)1 << (*log2 - 3), 1);
    if (!f)
        return NULL;
    for (i = 0; i < n; i++) {
        const unsigned char *s = (const unsigned char *)keys[i].bytes;
        size_t n1, n2;
        uint32_t c1 = jaen_glossfmt_cp(s, keys[i].len, &n1), c2 = 0, b;
        if (n1 < keys[i].len)
            c2 = jaen_glossfmt_cp(s + n1, keys[i].len - n1, &n2);
        b = jaen_glossfmt_pair(c1, c2, *log2);
        f[b >> 3] |= (unsigned char)(1u << (b & 7));
    }
    return f;
}

/* Serializes everything after the trie building. */
static int write_image(struct jaen_buf *out, struct jaen_glossfmt_header *h,
                       const struct jaen_glossfmt_entry *ents,
                       const struct da *terms, const struct da *phrases,
                       const struct jaen_buf *pool,
                       const unsigned char *filter)
{
    size_t at = out->len;
    int rc = jaen_buf_add(out, h, sizeof(*h));

    if (!rc)
        rc = pad8(out);
    h->off_entries = out->len - at;
    if (!rc)
        rc = jaen_buf_add(out, ents, h->n_entries * sizeof(*ents));
    if (!rc)
        rc = pad8(out);
    h->off_term_da = out->len - at;
    if (!rc)
        rc = jaen_buf_add(out, terms->u, terms->used * sizeof(*terms->u));
    if (!rc)
        rc = pad8(out);
    h->off_phrase_da = out->len - at;
    if (!rc)
        rc = jaen_buf_add(out, phrases->u,
                          phrases->used * sizeof(*phrases->u));
    if (!rc)
        rc = pad8(out);
    h->off_tail = out->len - at;
    h->tail_size = terms->tail->len;
    if (!rc && terms->tail->len)
        rc = jaen_buf_add(out, terms->tail->ptr, terms->tail->len);
    if (!rc)
        rc = pad8(out);
    h->off_filter = out->len - at;
    if (!rc)
        rc = jaen_buf_add(out, filter, (size_t)1 << (h->filter_log2 - 3));
    h->off_strings = out->len - at;
    if (!rc)
        rc = jaen_buf_add(out, pool->ptr, pool->len);
    if (!rc)
        rc = pad8(out);
    if (rc)
        return rc;
    h->file_size = out->len - at;
    h->n_term_units = (uint32_t)terms->used;
    h->n_phrase_units = (uint32_t)phrases->used;
    h->strings_size = pool->len;
    h->header_hash = fnv32(h, offsetof(struct jaen_glossfmt_header,
                                       header_hash));
    memcpy(out->ptr + at, h, sizeof(*h));
    return JAEN_OK;
}

int jaen_gloss_build(const struct jaen_dictsrc *ds, struct jaen_buf *out,
                     struct jaen_err *err)
{
    size_t nrows = jaen_dictsrc_count(ds), nk = jaen_dictsrc_nkeys(ds);
    uint32_t *map = jaen_calloc(nrows + 1, sizeof(*map));
    struct jaen_glossfmt_entry *ents = jaen_calloc(nrows + 1, sizeof(*ents));
    struct bkey *tk = jaen_calloc(nk + 1, sizeof(*tk));
    struct bkey *pk = jaen_calloc(nk + 1, sizeof(*pk));
    struct da terms = {0}, phrases = {0};
    struct jaen_buf tail;
    struct jaen_glossfmt_header h;
    struct jaen_buf pool;
    unsigned char *filter = NULL;
    size_t i, ne = 0, nt = 0, np = 0;
    int rc = JAEN_OK;

    jaen_buf_init(&pool, (size_t)UINT32_MAX);
    jaen_buf_init(&tail, (size_t)INT32_MAX * 4);
    terms.tail = &tail;
    phrases.tail = &tail;
    if (!map || !ents || !tk || !pk || jaen_buf_addc(&pool, '\0'))
        rc = JAEN_ENOMEM;
    memset(&h, 0, sizeof(h));
    /* terms first, so that n_terms entries lead the table */
    for (i = 0; !rc && i < 2 * nrows; i++) {
        const struct jaen_dict_entry *e = jaen_dictsrc_get(ds, i % nrows);
        struct jaen_glossfmt_entry *g = &ents[ne];
        if (!jaen_dictsrc_live(ds, i % nrows)
            || e->kind != (i < nrows ? JAEN_GLOSSFMT_KIND_TERM :
                           JAEN_GLOSSFMT_KIND_PHRASE))
            continue;
        map[i % nrows] = (uint32_t)ne++;
        g->ja = pool_add(&pool, e->ja, &rc);
        g->en = pool_add(&pool, e->en, &rc);
        g->concept = pool_add(&pool, e->concept, &rc);
        g->variants = pool_add(&pool, e->variants, &rc);
        g->pos = pool_add(&pool, e->pos, &rc);
        g->note = pool_add(&pool, e->note, &rc);
        g->kind = e->kind;
        if (e->kind == JAEN_GLOSSFMT_KIND_TERM)
            h.n_terms++;
    }
    for (i = 0; !rc && i < nk; i++) {
        const char *key;
        size_t len, row;
        struct bkey *b;
        if (!jaen_dictsrc_key(ds, i, &key, &len, &row))
            continue;
        b = jaen_dictsrc_get(ds, row)->kind == JAEN_GLOSSFMT_KIND_TERM ?
            &tk[nt++] : &pk[np++];
        b->bytes = key;
        b->len = len;
        b->value = map[row];
    }
    if (!rc) {
        filter = build_filter(tk, nt, &h.filter_log2);
        rc = filter ? JAEN_OK : JAEN_ENOMEM;
    }
    if (!rc)
        rc = build_da(&terms, tk, nt);
    if (!rc)
        rc = build_da(&phrases, pk, np);
    if (!rc) {
        memcpy(h.magic, JAEN_GLOSSFMT_MAGIC, 8);
        h.version = JAEN_GLOSSFMT_VERSION;
        h.flags = JAEN_GLOSSFMT_F_LE | JAEN_GLOSSFMT_F_PHRASES
            | JAEN_GLOSSFMT_F_FILTER;
        h.source_hash = jaen_dictsrc_hash(ds);
        h.n_entries = (uint32_t)ne;
        h.n_keys = (uint32_t)(nt + np);
        rc = write_image(out, &h, ents, &terms, &phrases, &pool, filter);
    }
    if (rc == JAEN_ELIMIT)
        jaen_err_set(err, rc, "glossary too large");
    jaen_free(map);
    jaen_free(ents);
    jaen_free(tk);
    jaen_free(pk);
    jaen_free(filter);
    jaen_free(terms.u);
    jaen_free(phrases.u);
    jaen_buf_free(&pool);
    jaen_buf_free(&tail);
    return rc;
}

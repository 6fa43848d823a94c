/* glossbuild.c: the glossary compiler, checked rows to binary image.
 *
 * Term keys are spelled in alphabet codes (glossfmt.h), one label per code
 * point, ranked by frequency in the keys; phrase keys in bytes.  Keys are
 * sorted and placed into a double-array trie breadth-first: the children of
 * a node go to the first base where all their units are free, found by
 * walking a list of the free units in order (a unit that fails too often
 * as the first child's slot leaves the list, as in cedar), so placement
 * stays near linear and the array dense.  Where one key is left below a
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
    const uint32_t *lab;    /* term keys: codes, nlab of them; else NULL */
    size_t nlab;            /* labels (bytes when lab is NULL) */
    uint32_t value;         /* entry index in the image */
};

struct da {
    struct jaen_buf *tail;  /* tail records, shared by the tries */
    struct jaen_glossfmt_unit *u;   /* units */
    int32_t *next, *prev;   /* the list of free units, in order */
    unsigned char *fails;   /* times a unit failed as a first slot */
    unsigned char *flag;    /* UNIT_USED, BASE_USED */
    int32_t head;           /* first unit of the list, -1 when empty */
    size_t cap;             /* units allocated */
    size_t used;            /* highest used unit + 1 */
};

#define DA_MAX ((size_t)1 << 31)
#define FAILS_MAX 255       /* tries before a unit leaves the free list */
#define UNIT_USED 1u        /* the unit is a node (or the root) */
#define BASE_USED 2u        /* some node has this unit as its base */

/* Unlinks free unit i from the list (if it is on it). */
static void unlink_free(struct da *d, int32_t i)
{
    int32_t n = d->next[i], p = d->prev[i];

    if (n < 0)
        return;                 /* not on the list */
    if (n == i) {
        d->head = -1;
    } else {
        d->next[p] = n;
        d->prev[n] = p;
        if (d->head == i)
            d->head = n;
    }
    d->next[i] = d->prev[i] = -1;
}

/* Grows the arrays to at least need units; new units are free and join
 * the end of the free list. */
static int da_reserve(struct da *d, size_t need)
{
    size_t n = d->cap ? d->cap : 1024, i;
    void *p;

    if (need <= d->cap)
        return JAEN_OK;
    if (need >= DA_MAX)
        return JAEN_ELIMIT;
    while (n < need)
        n *= 2;
    if (n > DA_MAX)
        n = DA_MAX;
    p = jaen_realloc(d->u, n * sizeof(*d->u));
    if (!p)
        return JAEN_ENOMEM;
    d->u = p;
    p = jaen_realloc(d->next, n * sizeof(*d->next));
    if (!p)
        return JAEN_ENOMEM;
    d->next = p;
    p = jaen_realloc(d->prev, n * sizeof(*d->prev));
    if (!p)
        return JAEN_ENOMEM;
    d->prev = p;
    p = jaen_realloc(d->fails, n);
    if (!p)
        return JAEN_ENOMEM;
    d->fails = p;
    p = jaen_realloc(d->flag, n);
    if (!p)
        return JAEN_ENOMEM;
    d->flag = p;
    for (i = d->cap; i < n; i++) {
        int32_t k = (int32_t)i;
        d->u[i].base = 0;
        d->u[i].check = JAEN_GLOSSFMT_NOCHECK;
        d->u[i].hint = 0;
        d->fails[i] = 0;
        d->flag[i] = 0;
        if (d->head < 0) {
            d->head = d->next[i] = d->prev[i] = k;
        } else {
            int32_t last = d->prev[d->head];
            d->next[last] = k;
            d->prev[k] = last;
            d->next[k] = d->head;
            d->prev[d->head] = k;
        }
    }
    d->cap = n;
    return JAEN_OK;
}

static void da_free(struct da *d)
{
    jaen_free(d->u);
    jaen_free(d->next);
    jaen_free(d->prev);
    jaen_free(d->fails);
    jaen_free(d->flag);
}

static uint32_t label(const struct bkey *k, size_t depth)
{
    if (depth >= k->nlab)
        return 0;
    return k->lab ? k->lab[depth] : (unsigned char)k->bytes[depth] + 1u;
}

/* Finds a base for the sorted, distinct labels lab[0..n): the first free
 * unit f on the list with base = f - lab[0] >= 0 not yet anyone's base and
 * every base + lab[i] free, else the end of the array. */
static int find_base(struct da *d, const uint32_t *lab, size_t n,
                     size_t *out)
{
    int32_t f = d->head;
    size_t base, i;
    int rc;

    while (f >= 0) {
        int32_t nx;
        if ((size_t)f >= lab[0]) {
            base = (size_t)f - lab[0];
            rc = da_reserve(d, base + lab[n - 1] + 1);
            if (rc)
                return rc;
            for (i = 1; i < n; i++)
                if (d->flag[base + lab[i]] & UNIT_USED)
                    break;
            if (i == n && !(d->flag[base] & BASE_USED)) {
                *out = base;
                return JAEN_OK;
            }
            nx = d->next[f];
            if (++d->fails[f] >= FAILS_MAX)
                unlink_free(d, f);
        } else {
            nx = d->next[f];
        }
        if (nx <= f)            /* the list is in order: wrapped around */
            break;
        f = nx;
    }
    base = d->cap > lab[0] ? d->cap - lab[0] : 0;
    while (base < d->cap && (d->flag[base] & BASE_USED))
        base++;
    rc = da_reserve(d, base + lab[n - 1] + 1);
    if (rc)
        return rc;
    *out = base;
    return JAEN_OK;
}

/* A node whose children are still to be placed. */
struct pending {
    size_t s;               /* the node */
    size_t lo, hi;          /* its keys */
    size_t depth;           /* labels of them it stands for */
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

/* Byte offset in k of its label at depth. */
static size_t byte_at(const struct bkey *k, size_t depth)
{
    size_t pos = 0;

    if (!k->lab)
        return depth;
    while (depth > 0 && pos < k->len) {
        pos++;
        while (pos < k->len && ((unsigned char)k->bytes[pos] & 0xC0) == 0x80)
            pos++;
        depth--;
    }
    return pos;
}

/* Makes node s, below which key k alone is left at depth, a tail node:
 * its next label in hint and the rest of it in a tail record, or its entry
 * in base when it ends here (glossfmt.h). */
static int add_tail(struct da *d, const struct bkey *k, size_t depth,
                    size_t s)
{
    static const char zero[4];
    size_t off = d->tail->len, at = byte_at(k, depth), rest = k->len - at;
    uint32_t head[2];
    int rc;

    d->u[s].hint = (uint16_t)label(k, depth);
    if (!rest) {
        d->u[s].base = -(int32_t)k->value - 1;
        return JAEN_OK;
    }
    if (off / 4 >= (size_t)INT32_MAX)
        return JAEN_ELIMIT;
    head[0] = (uint32_t)rest;
    head[1] = k->value;
    rc = jaen_buf_add(d->tail, head, sizeof(head));
    if (!rc)
        rc = jaen_buf_add(d->tail, k->bytes + at, rest);
    if (!rc)
        rc = jaen_buf_add(d->tail, zero, (4 - rest % 4) % 4);
    if (rc)
        return rc;
    d->u[s].base = -(int32_t)(off / 4) - 1;
    return JAEN_OK;
}

/* Gives node s the base and claims units base + lab[0..n) as its
 * children. */
static void claim(struct da *d, size_t s, size_t base, const uint32_t *lab,
                  size_t n)
{
    size_t i;

    d->u[s].base = (int32_t)base;
    d->u[s].hint = lab[0] == 0;         /* has a terminal */
    d->flag[base] |= BASE_USED;
    for (i = 0; i < n; i++) {
        size_t t = base + lab[i];
        unlink_free(d, (int32_t)t);
        d->flag[t] |= UNIT_USED;
        d->u[t].check = (uint16_t)lab[i];
        if (t + 1 > d->used)
            d->used = t + 1;
    }
}

/* Places every node breadth-first from the root: the nodes of the first
 * levels, which nearly every walk visits, end up side by side at the front
 * of the array and stay in the cache, while the rarely visited deep nodes
 * and tails lie behind them. */
static int place(struct da *d, const struct bkey *keys, size_t nkeys,
                 size_t maxlab)
{
    struct pending *q = NULL;
    size_t head = 0, nq = 0, aq = 0, i, n, base;
    uint32_t *lab = jaen_malloc((maxlab + 2) * sizeof(*lab));
    size_t *from = jaen_malloc((maxlab + 3) * sizeof(*from));
    int rc = JAEN_OK;

    if (!lab || !from || grow_q(&q, &aq, 1)) {
        jaen_free(lab);
        jaen_free(from);
        return JAEN_ENOMEM;
    }
    q[nq].s = 0;
    q[nq].lo = 0;
    q[nq].hi = nkeys;
    q[nq++].depth = 0;
    while (!rc && head < nq) {
        struct pending p = q[head++];
        if (p.hi - p.lo == 1 && p.s != 0) {  /* one key left: a tail */
            rc = add_tail(d, &keys[p.lo], p.depth, p.s);
            continue;
        }
        n = 0;
        for (i = p.lo; i < p.hi; i++) {
            uint32_t l = label(&keys[i], p.depth);
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
        claim(d, p.s, base, lab, n);
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
    jaen_free(lab);
    jaen_free(from);
    return rc;
}

static int cmp_key(const void *a, const void *b)
{
    const struct bkey *x = a, *y = b;
    size_t n = x->nlab < y->nlab ? x->nlab : y->nlab, i;

    if (!x->lab) {
        int c = memcmp(x->bytes, y->bytes, n);
        if (c)
            return c;
    } else {
        for (i = 0; i < n; i++)
            if (x->lab[i] != y->lab[i])
                return x->lab[i] < y->lab[i] ? -1 : 1;
    }
    return x->nlab < y->nlab ? -1 : x->nlab > y->nlab;
}

/* Builds the double-array of keys[0..n) (sorted here) into d; labels are
 * at most maxlab. */
static int build_da(struct da *d, struct bkey *keys, size_t n, size_t maxlab)
{
    int rc;

    d->head = -1;
    rc = da_reserve(d, 1024);
    if (rc)
        return rc;
    unlink_free(d, 0);
    d->flag[0] = UNIT_USED;     /* the root, nobody's child */
    d->used = 1;
    if (!n)
        return JAEN_OK;
    qsort(keys, n, sizeof(*keys), cmp_key);
    return place(d, keys, n, maxlab);
}

/* The alphabet of the term keys (glossfmt.h): codes by frequency. */
struct alpha {
    uint16_t *pages;        /* n_pages block numbers */
    uint16_t *blocks;       /* n_blocks * 64 codes */
    uint32_t n_pages, n_blocks, n_codes;
};

static uint32_t cp_at(const unsigned char *s, size_t *pos)
{
    uint32_t c = s[*pos];
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4, k;

    if (n > 1)
        c &= 0x3Fu >> (n - 1);
    for (k = 1; k < n; k++)
        c = (c << 6) | (s[*pos + k] & 0x3Fu);
    *pos += n;
    return c;
}

static uint32_t alpha_code(const struct alpha *a, uint32_t cp)
{
    uint32_t p = cp >> JAEN_GLOSSFMT_PAGE_BITS;

    if (p >= a->n_pages)
        return JAEN_GLOSSFMT_NOCODE;
    return a->blocks[(size_t)a->pages[p] * JAEN_GLOSSFMT_PAGE
                     + (cp & (JAEN_GLOSSFMT_PAGE - 1))];
}

struct cpcount {
    uint32_t cp;
    uint32_t n;
};

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp_count(const void *a, const void *b)
{
    const struct cpcount *x = a, *y = b;

    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return x->cp < y->cp ? -1 : x->cp > y->cp;
}

/* Ranks the code points of keys[0..n) by frequency into a, spells every
 * key in codes (*labs, jaen_malloc'd) and sets *maxlab to the largest. */
static int build_alpha(struct alpha *a, struct bkey *keys, size_t n,
                       uint32_t **labs, size_t *maxlab)
{
    uint32_t *cps;
    struct cpcount *cc = NULL;
    size_t total = 0, i, k, nc = 0, pos;
    int rc = JAEN_OK;

    for (i = 0; i < n; i++)
        total += keys[i].len;          /* bytes bound code points */
    cps = jaen_malloc((total + 1) * sizeof(*cps));
    *labs = jaen_malloc((total + 1) * sizeof(**labs));
    if (!cps || !*labs) {
        jaen_free(cps);
        return JAEN_ENOMEM;
    }
    for (i = 0, k = 0; i < n; i++)
        for (pos = 0; pos < keys[i].len;)
            cps[k++] = cp_at((const unsigned char *)keys[i].bytes, &pos);
    total = k;
    qsort(cps, total, sizeof(*cps), cmp_u32);
    cc = jaen_malloc((total + 1) * sizeof(*cc));
    if (!cc) {
        rc = JAEN_ENOMEM;
        goto out;
    }
    for (i = 0; i < total; i++) {
        if (nc && cc[nc - 1].cp == cps[i]) {
            cc[nc - 1].n++;
            continue;
        }
        cc[nc].cp = cps[i];
        cc[nc++].n = 1;
    }
    if (nc > JAEN_GLOSSFMT_MAX_CODES) {
        rc = JAEN_ELIMIT;
        goto out;
    }
    a->n_codes = (uint32_t)nc;
    a->n_pages = JAEN_GLOSSFMT_MAX_PAGES;
    a->n_blocks = 1;
    for (i = 0; i < nc; i++)            /* sorted by cp: count the pages */
        if (!i || cc[i].cp >> JAEN_GLOSSFMT_PAGE_BITS
            != cc[i - 1].cp >> JAEN_GLOSSFMT_PAGE_BITS)
            a->n_blocks++;
    a->pages = jaen_calloc(a->n_pages, sizeof(*a->pages));
    a->blocks = jaen_calloc((size_t)a->n_blocks * JAEN_GLOSSFMT_PAGE,
                            sizeof(*a->blocks));
    if (!a->pages || !a->blocks) {
        rc = JAEN_ENOMEM;
        goto out;
    }
    for (i = 0; i < (size_t)a->n_blocks * JAEN_GLOSSFMT_PAGE; i++)
        a->blocks[i] = JAEN_GLOSSFMT_NOCODE;
    for (i = 0, k = 0; i < nc; i++) {
        uint32_t p = cc[i].cp >> JAEN_GLOSSFMT_PAGE_BITS;
        if (!i || p != cc[i - 1].cp >> JAEN_GLOSSFMT_PAGE_BITS)
            a->pages[p] = (uint16_t)++k;
    }
    qsort(cc, nc, sizeof(*cc), cmp_count);
    for (i = 0; i < nc; i++) {
        uint32_t p = cc[i].cp >> JAEN_GLOSSFMT_PAGE_BITS;
        a->blocks[(size_t)a->pages[p] * JAEN_GLOSSFMT_PAGE
                  + (cc[i].cp & (JAEN_GLOSSFMT_PAGE - 1))] = (uint16_t)(i + 1);
    }
    *maxlab = nc;
    for (i = 0, k = 0; i < n; i++) {
        keys[i].lab = *labs + k;
        for (pos = 0; pos < keys[i].len;)
            (*labs)[k++] = alpha_code(a, cp_at((const unsigned char *)
                                               keys[i].bytes, &pos));
        keys[i].nlab = (size_t)(*labs + k - keys[i].lab);
    }
out:
    jaen_free(cps);
    jaen_free(cc);
    return rc;
}

/* The phrase suffix filter of the phrase keys (glossfmt.h) onto out. */
static int add_psuf(struct jaen_buf *out, const struct bkey *keys, size_t n)
{
    uint32_t head[2] = {6, 0};
    uint64_t mask[2] = {0, 0};      /* tail, whole */
    unsigned char *bits;
    size_t i, j;
    int rc;

    while (head[0] < 24 && ((size_t)1 << head[0]) < n * 64)
        head[0]++;              /* a bitmap under 4% full */
    bits = jaen_calloc((size_t)1 << (head[0] - 3), 1);
    if (!bits)
        return JAEN_ENOMEM;
    for (i = 0; i < n; i++) {
        const unsigned char *k = (const unsigned char *)keys[i].bytes;
        size_t from = 0, l, len = keys[i].len;
        int slots = 0;
        uint32_t h = JAEN_GLOSSFMT_PSUF_SEED, b[2];
        for (j = 0; j < len; j++)
            if (k[j] == '}') {
                from = j + 1;
                slots = 1;
            }
        l = len - from;
        if (l > JAEN_GLOSSFMT_PSUF_MAX)
            l = JAEN_GLOSSFMT_PSUF_MAX;
        mask[!slots] |= (uint64_t)1 << l;
        for (j = 1; j <= len - from; j++) {
            h = jaen_glossfmt_psuf_step(h, k[len - j]);
            if (j == l && (slots || l == JAEN_GLOSSFMT_PSUF_MAX)) {
                b[0] = jaen_glossfmt_psuf_bit(h, l, slots ?
                                              JAEN_GLOSSFMT_PSUF_TAIL :
                                              JAEN_GLOSSFMT_PSUF_LAST,
                                              head[0]);
                bits[b[0] >> 3] |= (unsigned char)(1u << (b[0] & 7));
                if (slots)
                    break;
            }
        }
        if (!slots) {
            b[1] = jaen_glossfmt_psuf_bit(h, len, JAEN_GLOSSFMT_PSUF_WHOLE,
                                          head[0]);
            bits[b[1] >> 3] |= (unsigned char)(1u << (b[1] & 7));
        }
    }
    rc = jaen_buf_add(out, head, sizeof(head));
    if (!rc)
        rc = jaen_buf_add(out, mask, sizeof(mask));
    if (!rc)
        rc = jaen_buf_add(out, bits, (size_t)1 << (head[0] - 3));
    jaen_free(bits);
    return rc;
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

/* Adds the end of a term's "terms" object to the pool (glossfmt.h),
 * after its length as two bytes. */
static uint32_t pool_add_json(struct jaen_buf *pool,
                              const struct jaen_dict_entry *e, int *rc)
{
    size_t at = pool->len, n;

    if (!*rc)
        *rc = jaen_buf_add(pool, "\0\0", 2);
    if (!*rc)
        *rc = jaen_buf_adds(pool, ",\"en\":");
    if (!*rc)
        *rc = jaen_json_add_string(pool, e->en, strlen(e->en));
    if (!*rc)
        *rc = jaen_buf_adds(pool, ",\"concept\":");
    if (!*rc)
        *rc = jaen_json_add_string(pool, e->concept, strlen(e->concept));
    if (!*rc)
        *rc = jaen_buf_adds(pool, ",\"entry\":");
    if (!*rc)
        *rc = jaen_json_add_string(pool, e->ja, strlen(e->ja));
    if (!*rc)
        *rc = jaen_buf_add(pool, "}", 2);       /* with the NUL */
    if (*rc)
        return 0;
    n = pool->len - at - 3;
    pool->ptr[at] = (char)(n > 0xFFFF ? 0xFF : n & 0xFF);
    pool->ptr[at + 1] = (char)(n > 0xFFFF ? 0xFF : n >> 8);
    return (uint32_t)(at + 2);
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

/* Serializes everything after the trie building. */
static int write_image(struct jaen_buf *out, struct jaen_glossfmt_header *h,
                       const struct jaen_glossfmt_entry *ents,
                       const struct da *terms, const struct da *phrases,
                       const struct jaen_buf *pool, const struct alpha *a,
                       const struct bkey *pk, size_t np)
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
    h->off_cmap = out->len - at;
    h->n_pages = a->n_pages;
    h->n_blocks = a->n_blocks;
    if (!rc)
        rc = jaen_buf_add(out, a->pages, (size_t)a->n_pages * 2);
    if (!rc)
        rc = pad8(out);
    if (!rc)
        rc = jaen_buf_add(out, a->blocks, (size_t)a->n_blocks
                          * JAEN_GLOSSFMT_PAGE * 2);
    if (!rc)
        rc = pad8(out);
    h->off_psuf = out->len - at;
    if (!rc)
        rc = add_psuf(out, pk, np);
    if (!rc)
        rc = pad8(out);
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
    uint32_t *map = jaen_calloc(nrows + 1, sizeof(*map)), *labs = NULL;
    struct jaen_glossfmt_entry *ents = jaen_calloc(nrows + 1, sizeof(*ents));
    struct bkey *tk = jaen_calloc(nk + 1, sizeof(*tk));
    struct bkey *pk = jaen_calloc(nk + 1, sizeof(*pk));
    struct da terms, phrases;
    struct jaen_buf tail;
    struct jaen_glossfmt_header h;
    struct jaen_buf pool;
    struct alpha alpha;
    size_t i, ne = 0, nt = 0, np = 0, maxlab = 0;
    int rc = JAEN_OK;

    memset(&terms, 0, sizeof(terms));
    memset(&phrases, 0, sizeof(phrases));
    memset(&alpha, 0, sizeof(alpha));
    terms.head = phrases.head = -1;
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
        if (e->kind == JAEN_GLOSSFMT_KIND_TERM) {
            g->json = pool_add_json(&pool, e, &rc);
            h.n_terms++;
        }
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
        b->nlab = len;
        b->value = map[row];
    }
    if (!rc)
        rc = build_alpha(&alpha, tk, nt, &labs, &maxlab);
    if (!rc)
        rc = build_da(&terms, tk, nt, maxlab);
    if (!rc)
        rc = build_da(&phrases, pk, np, 256);
    if (!rc) {
        memcpy(h.magic, JAEN_GLOSSFMT_MAGIC, 8);
        h.version = JAEN_GLOSSFMT_VERSION;
        h.flags = JAEN_GLOSSFMT_F_LE | JAEN_GLOSSFMT_F_PHRASES;
        h.source_hash = jaen_dictsrc_hash(ds);
        h.n_entries = (uint32_t)ne;
        h.n_keys = (uint32_t)(nt + np);
        rc = write_image(out, &h, ents, &terms, &phrases, &pool, &alpha,
                         pk, np);
    }
    if (rc == JAEN_ELIMIT)
        jaen_err_set(err, rc, "glossary too large (over 2^31 trie units, "
                     "4 GiB of strings or 65535 distinct characters)");
    jaen_free(map);
    jaen_free(ents);
    jaen_free(tk);
    jaen_free(pk);
    jaen_free(labs);
    jaen_free(alpha.pages);
    jaen_free(alpha.blocks);
    da_free(&terms);
    da_free(&phrases);
    jaen_buf_free(&pool);
    jaen_buf_free(&tail);
    return rc;
}

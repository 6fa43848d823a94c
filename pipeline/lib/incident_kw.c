/* incident_kw.c: the keyword index the rules query instead of searching.
 *
 * Every keyword list (and single keyword) a rule asks about is registered
 * on its first use: its keywords join a vocabulary, and the list gets the
 * ids of its keywords.  Each document's sentences and title are then
 * scanned once, from every code point, against all keywords at the same
 * time (a table of the keywords keyed by their first two code points),
 * which gives each span a bitset of the keywords in it and the sorted list
 * of their occurrences.  A rule's question (any keyword of this list in
 * sentence i? where is the first one after byte p?) is then a few bit
 * tests.  A list first met while a document is being decided is answered
 * by a plain search for that document and by the index from the next one
 * on, so the answers never depend on the order lists are met in. */
#define _GNU_SOURCE     /* memmem */
#include "incident_int.h"

#include "alloc.h"

#include <string.h>

#define KW_MAX 4096         /* keywords in the vocabulary */
#define KW_HASH 8192        /* content hash slots, > 2 * KW_MAX */
#define KW_SLOTS 2048       /* registered lists and words */
#define KW_BUCKETS 4096     /* first-bigram buckets of the scan table */
#define KW_WORDS (KW_MAX / 64)  /* words of a set of keyword ids */

struct ix_kwslot {
    const void *key;    /* the list or the keyword; NULL: free slot */
    uint32_t id;        /* a keyword: its id */
    uint32_t set;       /* a list: its ids are the bits of sets[set] */
    uint32_t gen;       /* generation that holds all its keywords */
    int scannable;      /* 0: a keyword is too short for the scan */
};

struct ix_kw {
    const char *str[KW_MAX];    /* the keywords (borrowed, static) */
    uint32_t len[KW_MAX];       /* their bytes */
    uint32_t kgen[KW_MAX];      /* generation that added each one */
    uint64_t bkey[KW_MAX];      /* their first two code points, packed */
    uint32_t nkw;
    int32_t hash[KW_HASH];      /* content hash → id + 1; 0: empty */
    struct ix_kwslot slot[KW_SLOTS];
    uint64_t (*sets)[KW_WORDS]; /* the lists' keyword sets */
    size_t nsets, asets;
    uint32_t gen;               /* bumped when a keyword is added */
    uint32_t tgen;              /* generation of the scan table */
    uint32_t bstart[KW_BUCKETS + 1];  /* bucket → its run of bids */
    uint16_t bids[KW_MAX];      /* keyword ids, grouped by bucket */
    uint64_t lead[65536 / 64];  /* first code points (mod 2^16) */
    uint64_t pair[65536 / 64];  /* first bigrams, hashed */
};

/* Bytes of the UTF-8 sequence that starts with lead byte c. */
static size_t seq_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* The code point of the n-byte UTF-8 sequence at s. */
static uint32_t cp_at(const unsigned char *s, size_t n)
{
    switch (n) {
    case 1:
        return s[0];
    case 2:
        return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    case 3:
        return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6)
               | (s[2] & 0x3F);
    default:
        return ((uint32_t)(s[0] & 0x07) << 18)
               | ((uint32_t)(s[1] & 0x3F) << 12)
               | ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    }
}

/* The first two code points of s[0..len) as one key, or 0 when s holds
 * fewer than two. */
static uint64_t bigram_key(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n1, n2;

    if (len == 0)
        return 0;
    n1 = seq_len(u[0]);
    if (n1 >= len)
        return 0;
    n2 = seq_len(u[n1]);
    if (n1 + n2 > len)
        return 0;
    return ((uint64_t)cp_at(u, n1) << 21) | cp_at(u + n1, n2);
}

/* The bit of a bigram key in the pair filter. */
static uint32_t pair_bit(uint64_t key)
{
    return (uint32_t)((key * 0xC2B2AE3D27D4EB4Fu) >> 48);
}

static uint32_t bucket_of(uint64_t key)
{
    return (uint32_t)((key * 0x9E3779B97F4A7C15u) >> 52) & (KW_BUCKETS - 1);
}

static uint64_t str_hash(const void *p, size_t len)
{
    const unsigned char *s = p;
    uint64_t h = 14695981039346656037u;
    size_t i;

    for (i = 0; i < len; i++)
        h = (h ^ s[i]) * 1099511628211u;
    return h;
}

int jaen_ix_kw_open(struct ix_kw **out)
{
    *out = jaen_calloc(1, sizeof(**out));
    return *out ? JAEN_OK : JAEN_ENOMEM;
}

void jaen_ix_kw_close(struct ix_kw *kw)
{
    if (!kw)
        return;
    jaen_free(kw->sets);
    jaen_free(kw);
}

/* The id of keyword k, added to the vocabulary if new; -1 when k is
 * shorter than two code points or the vocabulary is full. */
static int32_t vocab_id(struct ix_kw *kw, const char *k)
{
    size_t kl = strlen(k);
    uint64_t bk = bigram_key(k, kl);
    size_t h = (size_t)str_hash(k, kl) & (KW_HASH - 1);
    int32_t id;

    if (!bk)
        return -1;
    while ((id = kw->hash[h]) != 0) {
        id--;
        if (kw->len[id] == kl && memcmp(kw->str[id], k, kl) == 0)
            return id;
        h = (h + 1) & (KW_HASH - 1);
    }
    if (kw->nkw == KW_MAX)
        return -1;
    id = (int32_t)kw->nkw++;
    kw->str[id] = k;
    kw->len[id] = (uint32_t)kl;
    kw->bkey[id] = bk;
    kw->kgen[id] = ++kw->gen;
    kw->hash[h] = id + 1;
    return id;
}

/* The slot of list ks (word 0) or keyword k (word 1), registered now if
 * new; NULL when the table is full or memory runs out. */
static const struct ix_kwslot *slot_of(struct ix_kw *kw, const void *key,
                                       int word)
{
    uint64_t p = (uint64_t)(uintptr_t)key;
    size_t i = (size_t)((p * 0x9E3779B97F4A7C15u) >> 40) & (KW_SLOTS - 1);
    size_t n;
    const char *one[2] = {word ? key : NULL, NULL};
    const char *const *ks = word ? one : key;
    struct ix_kwslot *sl;
    uint64_t *set = NULL;
    int32_t id;

    for (n = 0; n < KW_SLOTS; n++, i = (i + 1) & (KW_SLOTS - 1)) {
        sl = &kw->slot[i];
        if (sl->key == key)
            return sl;
        if (!sl->key)
            break;
    }
    if (n == KW_SLOTS)
        return NULL;
    if (!word && kw->nsets == kw->asets) {
        size_t na = kw->asets ? kw->asets * 2 : 256;
        void *np = jaen_realloc(kw->sets, na * sizeof(*kw->sets));
        if (!np)
            return NULL;
        kw->sets = np;
        kw->asets = na;
    }
    if (!word) {
        sl->set = (uint32_t)kw->nsets++;
        set = kw->sets[sl->set];
        memset(set, 0, sizeof(*kw->sets));
    }
    sl->key = key;
    sl->gen = 0;
    sl->scannable = 1;
    for (n = 0; ks[n]; n++) {
        id = vocab_id(kw, ks[n]);
        if (id < 0) {
            sl->scannable = 0;
            continue;
        }
        sl->id = (uint32_t)id;
        if (set)
            set[id / 64] |= (uint64_t)1 << (id % 64);
        if (kw->kgen[id] > sl->gen)
            sl->gen = kw->kgen[id];
    }
    return sl;
}

/* Rebuilds the scan table when keywords were added since the last. */
static void table_build(struct ix_kw *kw)
{
    uint32_t i, b;

    if (kw->tgen == kw->gen)
        return;
    memset(kw->bstart, 0, sizeof(kw->bstart));
    memset(kw->lead, 0, sizeof(kw->lead));
    memset(kw->pair, 0, sizeof(kw->pair));
    for (i = 0; i < kw->nkw; i++) {
        uint32_t c = (uint32_t)(kw->bkey[i] >> 21) & 0xFFFF;
        uint32_t pb = pair_bit(kw->bkey[i]);
        kw->bstart[bucket_of(kw->bkey[i]) + 1]++;
        kw->lead[c / 64] |= (uint64_t)1 << (c % 64);
        kw->pair[pb / 64] |= (uint64_t)1 << (pb % 64);
    }
    for (b = 0; b < KW_BUCKETS; b++)
        kw->bstart[b + 1] += kw->bstart[b];
    for (i = 0; i < kw->nkw; i++) {
        b = bucket_of(kw->bkey[i]);
        kw->bids[kw->bstart[b]++] = (uint16_t)i;
    }
    for (b = KW_BUCKETS; b > 0; b--)
        kw->bstart[b] = kw->bstart[b - 1];
    kw->bstart[0] = 0;
    kw->tgen = kw->gen;
}

/* The bytes of span sp: sentence sp, or the title when sp == ns. */
static const char *span_bytes(const struct ix_doc *d, size_t sp, size_t *len)
{
    if (sp == d->ns) {
        *len = d->title_len;
        return d->title;
    }
    *len = IX_L(d, sp);
    return IX_S(d, sp);
}

/* Appends the keyword occurrences of s[0..len) to d->hits and sets their
 * bits in bits.  Returns JAEN_OK or JAEN_ENOMEM. */
static int scan_span(struct ix_doc *d, const char *s, size_t len,
                     uint64_t *bits)
{
    const struct ix_kw *kw = d->kw;
    const unsigned char *u = (const unsigned char *)s;
    size_t pos = 0, n1, n2;
    uint32_t j, z, c, pb;
    uint64_t key;

    while (pos + 1 < len) {
        n1 = seq_len(u[pos]);
        if (pos + n1 >= len)
            break;
        c = cp_at(u + pos, n1);
        if (!((kw->lead[(c & 0xFFFF) / 64] >> (c % 64)) & 1u)) {
            pos += n1;
            continue;
        }
        n2 = seq_len(u[pos + n1]);
        if (pos + n1 + n2 > len)
            break;
        key = ((uint64_t)c << 21) | cp_at(u + pos + n1, n2);
        pb = pair_bit(key);
        if (!((kw->pair[pb / 64] >> (pb % 64)) & 1u)) {
            pos += n1;
            continue;
        }
        j = bucket_of(key);
        z = kw->bstart[j + 1];
        for (j = kw->bstart[j]; j < z; j++) {
            uint16_t id = kw->bids[j];
            size_t nb = n1 + n2;
            if (kw->bkey[id] != key || kw->len[id] > len - pos
                || memcmp(s + pos + nb, kw->str[id] + nb, kw->len[id] - nb))
                continue;
            if (d->nhits == d->ahits) {
                size_t na = d->ahits ? d->ahits * 2 : 4096;
                struct ix_hit *np = jaen_realloc(d->hits, na * sizeof(*np));
                if (!np)
                    return JAEN_ENOMEM;
                d->hits = np;
                d->ahits = na;
            }
            d->hits[d->nhits].off = (uint32_t)pos;
            d->hits[d->nhits++].kw = id;
            bits[id / 64] |= (uint64_t)1 << (id % 64);
        }
        pos += n1;
    }
    return JAEN_OK;
}

int jaen_ix_kw_scan(struct ix_doc *d)
{
    struct ix_kw *kw = d->kw;
    size_t i, len, need;
    const char *s;

    table_build(kw);
    d->scan_gen = kw->gen;
    d->nw = (kw->nkw + 63) / 64;
    need = (d->ns + 1) * (d->nw ? d->nw : 1);
    if (need > d->abits) {
        uint64_t *np = jaen_realloc(d->bits, need * sizeof(*np));
        if (!np)
            return JAEN_ENOMEM;
        d->bits = np;
        d->abits = need;
    }
    memset(d->bits, 0, need * sizeof(*d->bits));
    d->nhits = 0;
    for (i = 0; i <= d->ns; i++) {
        s = span_bytes(d, i, &len);
        d->s[i].h0 = d->nhits;
        if (s && scan_span(d, s, len, d->bits + i * d->nw))
            return JAEN_ENOMEM;
        d->s[i].h1 = d->nhits;
    }
    return JAEN_OK;
}

/* The slot of key when the current scan answers for it, else NULL. */
static const struct ix_kwslot *usable(const struct ix_doc *d,
                                      const void *key, int word)
{
    const struct ix_kwslot *sl = slot_of(d->kw, key, word);

    if (!sl || !sl->scannable || sl->gen > d->scan_gen || !d->bits)
        return NULL;
    return sl;
}

static int bit(const struct ix_doc *d, size_t sp, uint32_t id)
{
    return (int)((d->bits[sp * d->nw + id / 64] >> (id % 64)) & 1u);
}

static int member(const struct ix_doc *d, const struct ix_kwslot *sl,
                  uint32_t id)
{
    return (int)((d->kw->sets[sl->set][id / 64] >> (id % 64)) & 1u);
}

int jaen_ix_q_any(const struct ix_doc *d, size_t sp, const char *const *ks)
{
    const struct ix_kwslot *sl = usable(d, ks, 0);
    size_t len, h;
    const char *s;

    if (!sl) {
        s = span_bytes(d, sp, &len);
        return s && jaen_ix_any(s, len, ks);
    }
    for (h = d->s[sp].h0; h < d->s[sp].h1; h++)
        if (member(d, sl, d->hits[h].kw))
            return 1;
    return 0;
}

int jaen_ix_q_has(const struct ix_doc *d, size_t sp, const char *k)
{
    const struct ix_kwslot *sl = usable(d, k, 1);
    size_t len;
    const char *s;

    if (!sl) {
        s = span_bytes(d, sp, &len);
        return s && jaen_ix_has(s, len, k);
    }
    return bit(d, sp, sl->id);
}

size_t jaen_ix_q_find(const struct ix_doc *d, size_t sp, size_t from,
                      const char *k)
{
    const struct ix_kwslot *sl = usable(d, k, 1);
    size_t len, p, h;
    const char *s = span_bytes(d, sp, &len);

    if (!s || from > len)
        return (size_t)-1;
    if (!sl) {
        p = jaen_ix_find(s + from, len - from, k);
        return p == (size_t)-1 ? p : p + from;
    }
    if (!bit(d, sp, sl->id))
        return (size_t)-1;
    for (h = d->s[sp].h0; h < d->s[sp].h1; h++)
        if (d->hits[h].kw == sl->id && d->hits[h].off >= from)
            return d->hits[h].off;
    return (size_t)-1;
}

/* q_first by a plain search of each keyword. */
static size_t first_plain(const char *s, size_t from, size_t to,
                          const char *const *ks, size_t *kl)
{
    size_t best = (size_t)-1, p, l;

    for (; *ks; ks++) {
        p = jaen_ix_find(s + from, to - from, *ks);
        l = strlen(*ks);
        if (p == (size_t)-1)
            continue;
        p += from;
        if (p < best || (p == best && l > *kl)) {
            best = p;
            *kl = l;
        }
    }
    return best;
}

size_t jaen_ix_q_first(const struct ix_doc *d, size_t sp, size_t from,
                       size_t to, const char *const *ks, size_t *kl)
{
    const struct ix_kwslot *sl = usable(d, ks, 0);
    size_t best = (size_t)-1, len, h, l;
    const char *s = span_bytes(d, sp, &len);
    const struct ix_hit *hit;

    *kl = 0;
    if (!s || from > to || to > len)
        return best;
    if (!sl)
        return first_plain(s, from, to, ks, kl);
    for (h = d->s[sp].h0; h < d->s[sp].h1; h++) {
        hit = &d->hits[h];
        if (best != (size_t)-1 && hit->off > best)
            break;
        l = d->kw->len[hit->kw];
        if (hit->off < from || hit->off + l > to || !member(d, sl, hit->kw))
            continue;
        if (best == (size_t)-1 || l > *kl) {
            best = hit->off;
            *kl = l;
        }
    }
    return best;
}

int jaen_ix_q_any_from(const struct ix_doc *d, size_t sp, size_t from,
                       const char *const *ks)
{
    size_t len, kl;
    const char *s = span_bytes(d, sp, &len);

    if (!s || from > len)
        return 0;
    return jaen_ix_q_first(d, sp, from, len, ks, &kl) != (size_t)-1;
}

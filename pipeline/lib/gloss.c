/* gloss.c: loading a compiled glossary and matching terms.
 *
 * Why a double-array trie over code points, walked from token starts:
 * - Terms must start and end on token boundaries, so there is no need for
 *   Aho-Corasick's failure links: we start a walk only at each token start
 *   (one per two or three characters of Japanese) and accept only where a
 *   token ends.  A walk stops at the first character with no transition,
 *   which for ordinary text is after one or two characters; the work is
 *   linear in practice and never starts inside a token.
 * - One transition per character: the character's code comes from a small
 *   table (the alphabet of the keys, ranked by frequency, glossfmt.h), and
 *   a double-array step is one 8-byte unit: t = base[s] + code, check[t] ==
 *   code (every node has its own base), with no pointer chasing.  A
 *   byte-wise trie took three dependent steps, each a likely cache miss,
 *   per Japanese character.  Frequent characters have small codes, so the
 *   children of busy nodes sit close together, and breadth-first placement
 *   keeps the first levels (visited by every walk) at the front of the
 *   array, in the cache.
 * - The root's children are a dense array indexed by code, so a token
 *   start that begins no term costs one table look-up and one probe;
 *   characters outside the alphabet have a code no unit has as its label.
 * - Misses are avoided where the order allows: a unit's hint answers
 *   "does a key end here?" and "can the one key left match?" without
 *   touching the terminal unit or the tail record, and the terminal entries
 *   of a sentence's hits are read together at the end, their misses
 *   overlapping.  The walks themselves do not prefetch: the out-of-order
 *   core already overlaps a walk's miss with the next walks (most walks
 *   end at that unit, and the branch predictor guesses so).  Prefetching
 *   each walk's second unit a few token starts early cost 65% more
 *   instructions and gained nothing measurable with a 100,000-entry
 *   glossary; so did a 15-bit filter of each node's children in hint,
 *   which saved 15% of the misses.
 * - It is a flat array: the file is used in place after mmap, with no
 *   parsing at load, which is what makes opening O(1).
 * - With a large glossary, the walks of 64 token starts go side by side in
 *   vector lanes instead (AVX2, "The vector matcher" below): the misses and
 *   the walk ends that the scalar loop meets one after the other overlap.
 * Folding happens before, once per document (glossdoc.c). */
#include "gloss.h"

#include "alloc.h"
#include "glossfmt.h"
#include "phrase.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define GLOSS_AVX2 1
#include <immintrin.h>
#endif

/* JAEN_GLOSS_AUTO uses the vector matcher for a term trie of this many
 * bytes or more (see the vector matcher below). */
#ifndef SIMD_MIN_TRIE
#define SIMD_MIN_TRIE ((uint64_t)256 << 10)
#endif

struct jaen_gloss {
    const char *base;       /* the image */
    size_t size;            /* its bytes */
    int mapped;             /* 1: munmap, 0: jaen_free */
    const struct jaen_glossfmt_header *h;
    const struct jaen_glossfmt_entry *entries;
    const struct jaen_glossfmt_unit *term;      /* term double-array */
    uint32_t nterm;                             /* its units */
    const struct jaen_glossfmt_unit *phrase;    /* phrase double-array */
    uint32_t nphrase;                           /* its units */
    const unsigned char *tail;      /* tail records */
    size_t ntail;                   /* their bytes */
    const uint16_t *pages;  /* cmap page table, npages entries */
    uint32_t npages;
    const uint16_t *blocks; /* cmap blocks of 64 codes */
    const unsigned char *psuf;      /* phrase suffix filter bits */
    uint32_t psuf_log2;             /* its size */
    uint64_t psuf_tail, psuf_whole; /* its key lengths */
    const char *strings;    /* the pool */
    size_t nstrings;        /* its bytes */
    int vector;             /* 1: match with the vector matcher */
    char name[512];         /* path or name, for messages */
};

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

static int host_le(void)
{
    const uint16_t probe = 1;
    unsigned char c;

    memcpy(&c, &probe, 1);
    return c == 1;
}

/* Is [off, off + n * size) inside a file of fsize bytes, 8-aligned? */
static int section_ok(uint64_t off, uint64_t n, uint64_t size, uint64_t fsize)
{
    if (off % 8 || off > fsize)
        return 0;
    if (n && size > (fsize - off) / n)
        return 0;
    return 1;
}

static int check_image(struct jaen_gloss *g, struct jaen_err *err)
{
    struct jaen_glossfmt_header h;
    const char *nm = g->name;
    uint32_t i, psuf[2];

    if (g->size < sizeof(h))
        return jaen_err_set(err, JAEN_EFORMAT,
                            "%s: not a jaen glossary (%zu bytes, too short "
                            "for a header)", nm, g->size);
    memcpy(&h, g->base, sizeof(h));
    if (memcmp(h.magic, JAEN_GLOSSFMT_MAGIC, 8) != 0)
        return jaen_err_set(err, JAEN_EFORMAT,
                            "%s: not a jaen glossary (bad magic)", nm);
    if (!host_le() || !(h.flags & JAEN_GLOSSFMT_F_LE))
        return jaen_err_set(err, JAEN_EFORMAT,
                            "%s: byte order differs from this machine", nm);
    if (h.version != JAEN_GLOSSFMT_VERSION)
        return jaen_err_set(err, JAEN_EFORMAT,
                            "%s: glossary format version %u, this jaen "
                            "reads version %u: recompile it", nm,
                            (unsigned)h.version, JAEN_GLOSSFMT_VERSION);
    if (h.flags & ~JAEN_GLOSSFMT_F_KNOWN)
        return jaen_err_set(err, JAEN_EFORMAT,
                            "%s: unknown feature flags 0x%x", nm,
                            (unsigned)(h.flags & ~JAEN_GLOSSFMT_F_KNOWN));
    if (fnv32(g->base, offsetof(struct jaen_glossfmt_header, header_hash))
        != h.header_hash)
        return jaen_err_set(err, JAEN_EFORMAT,
                            "%s: corrupt glossary header", nm);
    if (h.file_size != g->size)
        return jaen_err_set(err, JAEN_EFORMAT,
                            "%s: %s glossary: header says %llu bytes, file "
                            "has %zu", nm,
                            h.file_size > g->size ? "truncated" : "oversized",
                            (unsigned long long)h.file_size, g->size);
    if (!section_ok(h.off_entries, h.n_entries,
                    sizeof(struct jaen_glossfmt_entry), g->size)
        || !section_ok(h.off_term_da, h.n_term_units,
                       sizeof(struct jaen_glossfmt_unit), g->size)
        || !section_ok(h.off_phrase_da, h.n_phrase_units,
                       sizeof(struct jaen_glossfmt_unit), g->size)
        || !section_ok(h.off_strings, h.strings_size, 1, g->size)
        || !section_ok(h.off_tail, h.tail_size, 1, g->size)
        || h.tail_size % 4
        || !section_ok(h.off_psuf, 1, JAEN_GLOSSFMT_PSUF_HEAD, g->size)
        || h.n_pages != JAEN_GLOSSFMT_MAX_PAGES
        || h.n_blocks == 0 || h.n_blocks > 65535
        || !section_ok(h.off_cmap, 1, jaen_glossfmt_pages_size(h.n_pages)
                       + (uint64_t)h.n_blocks * JAEN_GLOSSFMT_PAGE * 2,
                       g->size)
        || h.strings_size == 0 || h.n_term_units == 0
        || h.n_terms > h.n_entries
        || g->base[h.off_strings + h.strings_size - 1] != '\0'
        || g->base[h.off_strings] != '\0')
        return jaen_err_set(err, JAEN_EFORMAT,
                            "%s: corrupt glossary (section out of bounds)",
                            nm);
    g->h = (const struct jaen_glossfmt_header *)(const void *)g->base;
    g->entries = (const void *)(g->base + h.off_entries);
    g->term = (const void *)(g->base + h.off_term_da);
    g->nterm = h.n_term_units;
    g->phrase = (const void *)(g->base + h.off_phrase_da);
    g->nphrase = h.n_phrase_units;
    g->strings = g->base + h.off_strings;
    g->tail = (const unsigned char *)g->base + h.off_tail;
    g->ntail = h.tail_size;
    g->pages = (const void *)(g->base + h.off_cmap);
    g->npages = h.n_pages;
    g->blocks = (const void *)(g->base + h.off_cmap
                               + jaen_glossfmt_pages_size(h.n_pages));
    g->nstrings = h.strings_size;
    memcpy(psuf, g->base + h.off_psuf, 8);
    if (psuf[0] < 6 || psuf[0] > 24
        || !section_ok(h.off_psuf + JAEN_GLOSSFMT_PSUF_HEAD,
                       (uint64_t)1 << (psuf[0] - 3), 1, g->size))
        return jaen_err_set(err, JAEN_EFORMAT,
                            "%s: corrupt glossary (phrase filter)", nm);
    memcpy(&g->psuf_tail, g->base + h.off_psuf + 8, 8);
    memcpy(&g->psuf_whole, g->base + h.off_psuf + 16, 8);
    g->psuf = (const unsigned char *)g->base + h.off_psuf
        + JAEN_GLOSSFMT_PSUF_HEAD;
    g->psuf_log2 = psuf[0];
    for (i = 0; i < h.n_pages; i++)     /* at most 17,408: no entry work */
        if (g->pages[i] >= h.n_blocks)
            return jaen_err_set(err, JAEN_EFORMAT,
                                "%s: corrupt glossary (alphabet)", nm);
    jaen_gloss_set_matcher(g, JAEN_GLOSS_AUTO);
    return JAEN_OK;
}

int jaen_gloss_open_take(char *bytes, size_t len, const char *name,
                         struct jaen_gloss **out, struct jaen_err *err)
{
    struct jaen_gloss *g = jaen_calloc(1, sizeof(*g));
    int rc;

    *out = NULL;
    if (!g) {
        jaen_free(bytes);
        return JAEN_ENOMEM;
    }
    g->base = bytes;
    g->size = len;
    snprintf(g->name, sizeof(g->name), "%s", name);
    rc = check_image(g, err);
    if (rc) {
        jaen_gloss_close(g);
        return rc;
    }
    *out = g;
    return JAEN_OK;
}

int jaen_gloss_open(const char *path, struct jaen_gloss **out,
                    struct jaen_err *err)
{
    struct jaen_gloss *g;
    struct stat st;
    void *p;
    int fd, rc;

    *out = NULL;
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return jaen_err_sys(err, JAEN_EIO, "%s", path);
    if (fstat(fd, &st) != 0) {
        rc = jaen_err_sys(err, JAEN_EIO, "%s", path);
        close(fd);
        return rc;
    }
    if (!S_ISREG(st.st_mode) || st.st_size == 0) {
        close(fd);
        return jaen_err_set(err, JAEN_EFORMAT,
                            "%s: not a jaen glossary (%s)", path,
                            S_ISREG(st.st_mode) ? "empty file" :
                            "not a regular file");
    }
    p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
        rc = jaen_err_sys(err, JAEN_EIO, "%s: mmap", path);
        close(fd);
        return rc;
    }
    close(fd);
    g = jaen_calloc(1, sizeof(*g));
    if (!g) {
        munmap(p, (size_t)st.st_size);
        return JAEN_ENOMEM;
    }
    g->base = p;
    g->size = (size_t)st.st_size;
    g->mapped = 1;
    snprintf(g->name, sizeof(g->name), "%s", path);
    rc = check_image(g, err);
    if (rc) {
        jaen_gloss_close(g);
        return rc;
    }
    *out = g;
    return JAEN_OK;
}

void jaen_gloss_close(struct jaen_gloss *g)
{
    if (!g)
        return;
    if (g->mapped)
        munmap((void *)g->base, g->size);
    else
        jaen_free((void *)g->base);
    jaen_free(g);
}

int jaen_gloss_set_matcher(struct jaen_gloss *g,
                           enum jaen_gloss_matcher mode)
{
    g->vector = 0;
#ifdef GLOSS_AVX2
    __builtin_cpu_init();
    g->vector = __builtin_cpu_supports("avx2")
        && (mode == JAEN_GLOSS_VECTOR
            || (mode == JAEN_GLOSS_AUTO
                && (uint64_t)g->nterm * sizeof(*g->term) >= SIMD_MIN_TRIE));
#else
    (void)mode;
#endif
    return g->vector;
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int jaen_gloss_locate(const char *path, const char *env, char *out,
                      size_t outlen, struct jaen_err *err)
{
    const char *cand[4];
    size_t i, n = 0;

    if (path)
        cand[n++] = path;
    else if (env && *env)
        cand[n++] = env;
    else {
        cand[n++] = JAEN_DICT_BUILD_DIR "/jaen.dict";
        cand[n++] = JAEN_DICT_INSTALL_DIR "/jaen.dict";
    }
    for (i = 0; i < n; i++) {
        if (exists(cand[i]) || (i == 0 && (path || (env && *env)))) {
            if ((size_t)snprintf(out, outlen, "%s", cand[i]) >= outlen)
                return jaen_err_set(err, JAEN_EUSAGE, "path too long");
            return JAEN_OK;
        }
    }
    return jaen_err_set(err, JAEN_EUSAGE,
                        "no compiled glossary: give --dict-path or set "
                        "JAEN_DICT (looked in %s and %s)",
                        JAEN_DICT_BUILD_DIR, JAEN_DICT_INSTALL_DIR);
}

int jaen_gloss_load(const char *path, const char *env, int no_base,
                    const char *const *files, size_t nfiles,
                    struct jaen_gloss **out, struct jaen_err *err)
{
    struct jaen_gloss *base = NULL;
    struct jaen_dictsrc *ds;
    struct jaen_buf img;
    char where[4096];
    size_t i, len;
    int rc = JAEN_OK;

    *out = NULL;
    if (!no_base) {
        rc = jaen_gloss_locate(path, env, where, sizeof(where), err);
        if (!rc)
            rc = jaen_gloss_open(where, &base, err);
        if (rc || !nfiles) {
            *out = base;
            return rc;
        }
    }
    ds = jaen_dictsrc_new();
    if (!ds) {
        jaen_gloss_close(base);
        return JAEN_ENOMEM;
    }
    jaen_buf_init(&img, (size_t)1 << 31);
    if (base)
        rc = jaen_gloss_to_dictsrc(base, ds, err);
    for (i = 0; !rc && i < nfiles; i++)
        rc = jaen_dictsrc_load(ds, files[i], JAEN_DICT_AUTO,
                               JAEN_DICTSRC_OVERRIDE, err);
    if (!rc)
        rc = jaen_gloss_build(ds, &img, err);
    if (!rc) {
        char *p = jaen_buf_take(&img, &len);
        rc = jaen_gloss_open_take(p, len, nfiles ? files[nfiles - 1] :
                                  "<empty>", out, err);
    }
    jaen_buf_free(&img);
    jaen_dictsrc_free(ds);
    jaen_gloss_close(base);
    return rc;
}

size_t jaen_gloss_count(const struct jaen_gloss *g)
{
    return g->h->n_entries;
}

size_t jaen_gloss_size(const struct jaen_gloss *g)
{
    return g->size;
}

uint64_t jaen_gloss_source_hash(const struct jaen_gloss *g)
{
    return g->h->source_hash;
}

const char *jaen_gloss_name(const struct jaen_gloss *g)
{
    return g->name;
}

static const char *str(const struct jaen_gloss *g, uint32_t off, int *ok)
{
    if (off >= g->nstrings) {
        *ok = 0;
        return "";
    }
    return g->strings + off;
}

int jaen_gloss_entry(const struct jaen_gloss *g, size_t i,
                     struct jaen_gloss_entry *e, struct jaen_err *err)
{
    const struct jaen_glossfmt_entry *r;
    int ok = 1;

    if (i >= g->h->n_entries)
        return jaen_err_set(err, JAEN_EFORMAT,
                            "%s: corrupt glossary (entry %zu of %u)",
                            g->name, i, (unsigned)g->h->n_entries);
    r = &g->entries[i];
    e->ja = str(g, r->ja, &ok);
    e->en = str(g, r->en, &ok);
    e->concept = str(g, r->concept, &ok);
    e->variants = str(g, r->variants, &ok);
    e->pos = str(g, r->pos, &ok);
    e->note = str(g, r->note, &ok);
    e->kind = r->kind;
    if (!ok || r->kind > JAEN_GLOSSFMT_KIND_PHRASE)
        return jaen_err_set(err, JAEN_EFORMAT,
                            "%s: corrupt glossary (entry %zu)", g->name, i);
    return JAEN_OK;
}

const char *jaen_gloss_term_json(const struct jaen_gloss *g, uint32_t entry,
                                 size_t *len)
{
    const unsigned char *p;
    uint32_t off;

    if (entry >= g->h->n_terms)
        return NULL;
    off = g->entries[entry].json;
    if (off < 2 || off >= g->nstrings)
        return NULL;
    p = (const unsigned char *)g->strings + off;
    *len = p[-2] | (size_t)p[-1] << 8;
    if (*len == 0xFFFF || *len >= g->nstrings - off)
        *len = strlen((const char *)p);
    return (const char *)p;
}

int jaen_gloss_to_dictsrc(const struct jaen_gloss *g, struct jaen_dictsrc *ds,
                          struct jaen_err *err)
{
    size_t i, n = jaen_gloss_count(g);
    int rc = jaen_dictsrc_begin(ds, g->name, 0);

    for (i = 0; !rc && i < n; i++) {
        struct jaen_gloss_entry ge = {0};  /* (-O3 cannot tell it is set) */
        struct jaen_dict_entry e;
        rc = jaen_gloss_entry(g, i, &ge, err);
        if (rc)
            break;
        e.ja = ge.ja;
        e.en = ge.en;
        e.concept = ge.concept;
        e.variants = ge.variants;
        e.pos = ge.pos;
        e.note = ge.note;
        e.kind = ge.kind;
        e.file = g->name;
        e.line = (long)i + 1;
        rc = jaen_dictsrc_add(ds, &e, err);
    }
    return rc;
}

/* The byte offset in the tail section of the record of a node with
 * base < 0. */
static inline size_t tail_off(int32_t base)
{
    return ((size_t)(-(int64_t)base) - 1) * 4;
}

/* The tail record of a node with base < 0: *len bytes at the returned
 * pointer, entry in *value.  NULL when the record lies outside the
 * section (a corrupt file): the key then simply does not match. */
static const unsigned char *tail_of(const struct jaen_gloss *g, int32_t base,
                                    uint32_t *len, uint32_t *value)
{
    size_t off = tail_off(base);
    uint32_t head[2];

    if (off > g->ntail || g->ntail - off < 8)
        return NULL;
    memcpy(head, g->tail + off, 8);
    if (head[0] > g->ntail - off - 8)
        return NULL;
    *len = head[0];
    *value = head[1];
    return g->tail + off + 8;
}

/* The alphabet code of the character at s (valid UTF-8),
 * JAEN_GLOSSFMT_NOCODE when no term key has it; *n gets its byte length.
 * Kana and kanji (three bytes) first.  The tables come as arguments that
 * the matcher keeps in registers: read through g, they were loaded again
 * at every character (the stores into hits may alias them), which was 15%
 * of the matcher's instructions. */
static inline uint32_t code_in(const uint16_t *pages, const uint16_t *blocks,
                               const unsigned char *s, size_t *n)
{
    uint32_t c = s[0];

    if ((c & 0xF0u) == 0xE0u) {     /* page and offset straight from bytes */
        *n = 3;
        return blocks[(size_t)pages[((c & 0x0Fu) << 6) | (s[1] & 0x3Fu)]
                      * JAEN_GLOSSFMT_PAGE + (s[2] & 0x3Fu)];
    } else if (c < 0x80) {
        *n = 1;
    } else if (c < 0xE0) {
        *n = 2;
        c = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
    } else {
        *n = 4;
        c = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12)
            | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
        if (c >= 0x110000u)
            return JAEN_GLOSSFMT_NOCODE;
    }
    return blocks[(size_t)pages[c >> JAEN_GLOSSFMT_PAGE_BITS]
                  * JAEN_GLOSSFMT_PAGE + (c & (JAEN_GLOSSFMT_PAGE - 1))];
}

/* The first token from j on that ends at or after pos (skipping those
 * without an end); ntok when none does. */
static inline size_t end_from(const struct jaen_gloss_span *toks, size_t ntok,
                              size_t j, size_t pos)
{
    while (j < ntok && (toks[j].end < pos || toks[j].end == JAEN_GLOSS_NOPOS))
        j++;
    return j;
}

/* A hit whose entry is still in the terminal unit of node entry &
 * ~PENDING: the terminals of a sentence's hits are read together at the
 * end, so that their cache misses overlap. */
#define PENDING 0x80000000u

/* Reads the pending entries of hits[0..nh); drops a hit whose terminal
 * is not there (a corrupt file).  Returns the hits kept. */
static size_t resolve(const struct jaen_gloss *g, struct jaen_gloss_hit *hits,
                      size_t nh)
{
    const struct jaen_glossfmt_unit *da = g->term;
    size_t k, m = 0;
    uint32_t t;

    for (k = 0; k < nh; k++) {
        if (!(hits[k].entry & PENDING)
            || (hits[k].entry & ~PENDING) >= g->nterm)
            continue;
        t = (uint32_t)da[hits[k].entry & ~PENDING].base;
        if (t < g->nterm)
            __builtin_prefetch(&da[t]);
    }
    for (k = 0; k < nh; k++) {
        if (hits[k].entry & PENDING) {
            if ((hits[k].entry & ~PENDING) >= g->nterm)
                continue;                       /* corrupt */
            t = (uint32_t)da[hits[k].entry & ~PENDING].base;
            if (t >= g->nterm || da[t].check != 0
                || (uint32_t)da[t].base >= g->h->n_entries)
                continue;                       /* corrupt */
            hits[k].entry = (uint32_t)da[t].base;
        }
        hits[m++] = hits[k];
    }
    return m;
}

/* The walks of jaen_gloss_match, one token start after the other. */
static size_t match_scalar(const struct jaen_gloss *g, const unsigned char *s,
                           size_t limit, const struct jaen_gloss_span *toks,
                           size_t ntok, struct jaen_gloss_hit *hits)
{
    const struct jaen_glossfmt_unit *da = g->term;
    const uint32_t n = g->nterm;
    const uint32_t rootb = (uint32_t)da[0].base;
    const uint16_t *pages = g->pages, *blocks = g->blocks;
    size_t i = 0, nh = 0;

    while (i < ntok) {
        size_t start = toks[i].start, pos = start, j = i, nb;
        size_t best = JAEN_GLOSS_NOPOS;
        uint32_t st = 0, bestv = 0, bestst = 0, t, code;

        if (start >= limit) {           /* also JAEN_GLOSS_NOPOS */
            i++;
            continue;
        }
        /* the root's child: cached */
        code = code_in(pages, blocks, s + start, &nb);
        t = rootb + code;
        if (nb > limit - start || t >= n || da[t].check != code) {
            i++;
            continue;
        }
        st = t;
        pos += nb;
        for (;;) {
            int32_t b = da[st].base;
            if (b < 0) {                /* one key left */
                uint32_t tl, tv, h = da[st].hint;
                const unsigned char *tb;
                if (h == 0) {           /* and it ends here */
                    tl = 0;
                    tv = (uint32_t)(-(int64_t)b - 1);
                } else {                /* its next character, then rest */
                    if (pos >= limit
                        || code_in(pages, blocks, s + pos, &nb) != h)
                        break;
                    tb = tail_of(g, b, &tl, &tv);
                    if (!tb || tl > limit - pos
                        || memcmp(s + pos, tb, tl) != 0)
                        break;
                }
                pos += tl;
                j = end_from(toks, ntok, j, pos);
                if (j < ntok && toks[j].end == pos) {
                    best = j;
                    bestv = tv;
                    bestst = 0;
                }
                break;
            }
            if (da[st].hint) {          /* a key ends here */
                j = end_from(toks, ntok, j, pos);
                if (j < ntok && toks[j].end == pos) {
                    best = j;   /* its entry is read once, at the end */
                    bestst = st;
                }
            }
            if (pos >= limit)
                break;
            code = code_in(pages, blocks, s + pos, &nb);
            t = (uint32_t)b + code;
            if (nb > limit - pos || t >= n || da[t].check != code)
                break;
            st = t;
            pos += nb;
        }
        if (best != JAEN_GLOSS_NOPOS) {
            hits[nh].first = i;
            hits[nh].last = best;
            hits[nh].entry = bestst ? bestst | PENDING : bestv;
            nh++;
            i = best + 1;
        } else {
            i++;
        }
    }
    return nh;
}

#ifdef GLOSS_AVX2
/* The vector matcher (AVX2).
 *
 * With a large glossary the walks above spend most of their time in two
 * ways that no ordering of the scalar code removed (the notes of issue 4
 * list the attempts): the branch at the end of each walk, which the
 * predictor often gets wrong, and the cache miss of each walk's second
 * unit, which that branch keeps from overlapping with the next walks.
 * Here the walks of eight consecutive token starts run side by side in the
 * lanes of a vector, one trie level per round: their eight probes are one
 * gather, and a walk's end is a lane going dead in a mask, not a branch.
 * A group of GROUP such batches (64 token starts) goes round by round
 * together, so that the misses of one batch overlap with the others'.
 * When every lane is dead, leftmost-longest is chosen over the lanes'
 * longest accepted ends in token order, skipping a start inside a term
 * already taken, as the scalar loop does.
 *
 * Before the walks, the sentence is read once into a table with a word per
 * byte (struct sentence): the alphabet code and byte length of the
 * character starting there, and the first token ending there.  A round
 * gathers its next characters from it; positions advance without waiting
 * for the trie, so the chain of character loads and the chain of unit
 * loads overlap, and a key ending on a token end is one more bit test.  A
 * lane that reaches a node with one key left and a tail record is finished
 * by tail_end: tails are rare, and their records are fetched as soon as a
 * lane reaches one.
 *
 * The hits are the scalar matcher's for tokens that start on a character
 * (folded text's always do); test_match_reference checks both against a
 * brute-force reference.  It takes sentences of at most SIMD_SPAN bytes.
 *
 * When: with bench-gloss's generated glossary and text it runs about
 * twice as fast as the scalar loop at 100,000 entries, and about 1.5 times
 * at 3,000.  On the archive's real text it is slower: with the bundled
 * glossary (a 35 KB trie) most token starts begin no walk and the scalar
 * branches are well predicted (10 to 15% slower), and with 100,000 keys
 * cut from that very text (every token start begins a long walk, and most
 * lanes idle while the longest goes on) 20 to 25% slower.  With 100,000
 * words of two to six characters drawn with the archive's character
 * frequencies, on its text, it is 10 to 20% faster.  The size of the trie
 * is what is known before any text, so JAEN_GLOSS_AUTO takes the vector
 * matcher from SIMD_MIN_TRIE bytes on: the bundled and the usual users'
 * glossaries stay on the scalar loop, and a large one gets the matcher
 * that hides its misses, at that cost when its keys cover the text as
 * densely as keys cut from it. */
#define SIMD_SPAN 4096u

/* A sentence from byte lo: at[p] = code | length << 16 | (k + 1) << TOK
 * for the character at byte lo + p and the first token k that ends there
 * (0 when none does). */
#define TOK 19
#define MAX_TOKS ((1u << (32 - TOK)) - 2)
#define NOCHAR (JAEN_GLOSSFMT_NOCODE | 1 << 16)
struct sentence {
    int at[SIMD_SPAN + 1];
};

#define V __m256i
#define AVX2 __attribute__((target("avx2")))
#define AVX2_INLINE __attribute__((target("avx2"), always_inline)) inline

static AVX2_INLINE V v_set(int x)
{
    return _mm256_set1_epi32(x);
}

/* The lanes of m (all bits set or none): a bit per lane. */
static AVX2_INLINE int v_bits(V m)
{
    return _mm256_movemask_ps(_mm256_castsi256_ps(m));
}

/* The codes of the characters at s[p..] while they are three bytes long
 * (kana, kanji), eight at a time: writes at[p], at[p + 3], ... and returns
 * how many of the eight were, 0 to 8.  Reads s[p..p + 28).  Each gather
 * reads the two bytes before the entry with it, not the two after, so that
 * it stays inside the alphabet section, whatever its last block. */
static AVX2 size_t read_kanji(const struct jaen_gloss *g,
                              const unsigned char *s, int *at)
{
    const V take = _mm256_setr_epi8(0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1,
                                    9, 10, 11, -1, 0, 1, 2, -1, 3, 4, 5, -1,
                                    6, 7, 8, -1, 9, 10, 11, -1);
    const V x3f = v_set(0x3F);
    int code[8];
    V w = _mm256_shuffle_epi8(_mm256_loadu2_m128i(
                                  (const void *)(s + 12), (const void *)s),
                              take), page, blk;
    unsigned ok = (unsigned)v_bits(_mm256_cmpeq_epi32(
                                       _mm256_and_si256(w, v_set(0xF0)),
                                       v_set(0xE0)));
    size_t n = (size_t)__builtin_ctz(~ok), j;

    if (!n)
        return 0;
    page = _mm256_or_si256(
        _mm256_slli_epi32(_mm256_and_si256(w, v_set(0x0F)), 6),
        _mm256_and_si256(_mm256_srli_epi32(w, 8), x3f));
    blk = _mm256_srli_epi32(_mm256_i32gather_epi32(
                                (const int *)(const void *)(g->pages - 1),
                                page, 2), 16);
    blk = _mm256_or_si256(_mm256_slli_epi32(blk, JAEN_GLOSSFMT_PAGE_BITS),
                          _mm256_and_si256(_mm256_srli_epi32(w, 16), x3f));
    _mm256_storeu_si256((V *)(void *)code, _mm256_or_si256(
                            _mm256_srli_epi32(_mm256_i32gather_epi32(
                                                  (const int *)(const void *)
                                                  (g->blocks - 1), blk, 2),
                                              16), v_set(3 << 16)));
    for (j = 0; j < n; j++)
        at[3 * j] = code[j];
    return n;
}

/* Fills sn for text s[lo..limit) and its tokens. */
static AVX2 void read_sentence(const struct jaen_gloss *g,
                               const unsigned char *s, size_t lo,
                               size_t limit, const struct jaen_gloss_span *toks,
                               size_t ntok, struct sentence *sn)
{
    size_t span = limit - lo, p, k, x, nb;
    const V fill = v_set(NOCHAR);

    for (k = 0; k < ntok; k += 4)       /* their misses overlap the rest */
        __builtin_prefetch(toks + k);
    for (p = 0; p + 8 <= span + 1; p += 8)  /* inside a character: none */
        _mm256_storeu_si256((V *)(void *)(sn->at + p), fill);
    for (; p <= span; p++)
        sn->at[p] = NOCHAR;
    for (p = 0; p < span;) {
        k = p + 28 <= span ? read_kanji(g, s + lo + p, sn->at + p) : 0;
        p += 3 * k;                     /* below span - 7 when k > 0 */
        if (k < 8) {                    /* then one other character */
            sn->at[p] = (int)(code_in(g->pages, g->blocks, s + lo + p, &nb)
                              | nb << 16);
            p += nb;
        }
    }
    for (k = 0; k < ntok; k++) {
        x = toks[k].end - lo;           /* NOPOS and ends before lo wrap */
        if (x <= span && !((unsigned)sn->at[x] >> TOK))   /* the first */
            sn->at[x] = (int)((unsigned)sn->at[x] | (unsigned)(k + 1) << TOK);
    }
}

/* A lane at node st, with one key left whose next character, st's hint,
 * starts at byte p of sn (match_avx2 has checked both): when the rest of
 * that key, its tail record, follows up to a token end, *best and *ent get
 * its end and entry. */
static void tail_end(const struct jaen_gloss *g, const unsigned char *t0,
                     const struct sentence *sn, size_t lim, uint32_t st,
                     size_t p, int *best, int *ent)
{
    const unsigned char *tb;
    uint32_t tl, tv;

    if (p < lim && (tb = tail_of(g, g->term[st].base, &tl, &tv)) != NULL
        && tl <= lim - p && memcmp(t0 + p, tb, tl) == 0
        && (uint32_t)sn->at[p + tl] >> TOK) {
        *best = (int)(p + tl);
        *ent = (int)tv;
    }
}

/* Batches of eight walks in flight at once: a round gathers the units of
 * all of them, so the misses of one batch overlap with the others'. */
#define GROUP 8

static AVX2 size_t match_avx2(const struct jaen_gloss *g,
                              const unsigned char *s, size_t lo, size_t limit,
                              const struct jaen_gloss_span *toks, size_t ntok,
                              const struct sentence *sn,
                              struct jaen_gloss_hit *hits)
{
    const struct jaen_glossfmt_unit *da = g->term;
    const int *bases = (const int *)(const void *)da;
    const int *checks = (const int *)(const void *)((const char *)da + 4);
    const unsigned char *t0 = s + lo;
    const size_t lim = limit - lo;
    const V sign = v_set((int)0x80000000u);
    const V vn = _mm256_xor_si256(v_set((int)g->nterm), sign);
    const V vlim = v_set((int)lim), vlim1 = v_set((int)lim + 1);
    const V ffff = v_set(0xFFFF), zero = v_set(0);
    const V pending = v_set((int)PENDING);
    const V bit = _mm256_setr_epi32(1, 2, 4, 8, 16, 32, 64, 128);
    size_t i = 0, nh = 0;

    while (i < ntok) {
        int ng = (int)((ntok - i + 7) / 8 < GROUP ? (ntok - i + 7) / 8
                       : GROUP);
        int rel[8 * GROUP], best[8 * GROUP], ent[8 * GROUP];
        int nst[8 * GROUP], npos[8 * GROUP], l, q, any = 0;
        unsigned live[GROUP], left[GROUP];
        uint64_t cand = 0;
        size_t next = i;
        V pos[GROUP], at[GROUP], alive[GROUP], b[GROUP], st[GROUP];
        V lpos[GROUP], vbest[GROUP], vent[GROUP];

        for (q = 0; q < ng; q++) {
            live[q] = 0;
            left[q] = 0;
            for (l = 0; l < 8; l++) {
                size_t k = i + (size_t)(8 * q + l);
                size_t a = k < ntok ? toks[k].start - lo : lim;
                rel[8 * q + l] = a < lim ? (int)a : 0;   /* NOPOS wraps */
                live[q] |= (unsigned)(a < lim) << l;
            }
            any |= (int)live[q];
        }
        for (q = 0; q < ng; q++) {
            alive[q] = _mm256_cmpeq_epi32(
                _mm256_and_si256(v_set((int)live[q]), bit), bit);
            pos[q] = _mm256_loadu_si256((const V *)(const void *)
                                        (rel + 8 * q));
            at[q] = _mm256_mask_i32gather_epi32(zero, sn->at, pos[q],
                                                alive[q], 4);
            vbest[q] = v_set(-1);
            vent[q] = zero;
            b[q] = v_set((int)da[0].base);
            st[q] = zero;
            lpos[q] = zero;
        }
        while (any) {
            any = 0;
            for (q = 0; q < ng; q++) {
                V code, nb, t, ch, h, one, h0, acc;
                int m;
                if (!v_bits(alive[q]))
                    continue;
                /* the step from the nodes st (bases b) on the characters
                 * at pos; the next characters are read at once, whatever
                 * the step finds */
                code = _mm256_and_si256(at[q], ffff);
                nb = _mm256_and_si256(_mm256_srli_epi32(at[q], 16),
                                      v_set(7));
                t = _mm256_add_epi32(b[q], code);
                alive[q] = _mm256_andnot_si256(
                    _mm256_cmpgt_epi32(nb, _mm256_sub_epi32(vlim, pos[q])),
                    alive[q]);
                alive[q] = _mm256_and_si256(alive[q], _mm256_cmpgt_epi32(
                                                vn, _mm256_xor_si256(t, sign)));
                pos[q] = _mm256_add_epi32(pos[q], nb);
                at[q] = _mm256_mask_i32gather_epi32(
                    zero, sn->at, pos[q], _mm256_cmpgt_epi32(vlim1, pos[q]),
                    4);
                ch = _mm256_mask_i32gather_epi32(zero, checks, t, alive[q], 8);
                b[q] = _mm256_mask_i32gather_epi32(zero, bases, t, alive[q],
                                                   8);
                alive[q] = _mm256_and_si256(alive[q], _mm256_cmpeq_epi32(
                                                _mm256_and_si256(ch, ffff),
                                                code));
                st[q] = _mm256_blendv_epi8(st[q], t, alive[q]);
                lpos[q] = _mm256_blendv_epi8(lpos[q], pos[q], alive[q]);
                /* at the nodes reached: does a key end here, on a token
                 * end?  base < 0: one key left, which ends here when its
                 * hint is 0; else a key ends here when the hint is 1 */
                h = _mm256_srli_epi32(ch, 16);
                one = _mm256_and_si256(alive[q],
                                       _mm256_cmpgt_epi32(zero, b[q]));
                h0 = _mm256_cmpeq_epi32(h, zero);
                acc = _mm256_andnot_si256(h0, _mm256_andnot_si256(one,
                                                                  alive[q]));
                acc = _mm256_or_si256(acc, _mm256_and_si256(one, h0));
                acc = _mm256_andnot_si256(_mm256_cmpeq_epi32(
                                              _mm256_srli_epi32(at[q], TOK),
                                              zero), acc);
                vbest[q] = _mm256_blendv_epi8(vbest[q], pos[q], acc);
                vent[q] = _mm256_blendv_epi8(
                    vent[q], _mm256_blendv_epi8(
                        _mm256_or_si256(st[q], pending),
                        _mm256_sub_epi32(v_set(-1), b[q]), one), acc);
                /* one key left with its next character next: tail_end
                 * reads its tail record, which is fetched now */
                one = _mm256_and_si256(_mm256_andnot_si256(h0, one),
                                       _mm256_cmpeq_epi32(
                                           _mm256_and_si256(at[q], ffff), h));
                m = v_bits(one);
                if (m) {
                    int tb[8];
                    left[q] |= (unsigned)m;
                    _mm256_storeu_si256((V *)(void *)tb, b[q]);
                    for (; m; m &= m - 1) {
                        size_t off = tail_off(tb[__builtin_ctz((unsigned)m)]);
                        if (off < g->ntail)
                            __builtin_prefetch(g->tail + off);
                    }
                }
                alive[q] = _mm256_andnot_si256(
                    _mm256_cmpgt_epi32(zero, b[q]), alive[q]);
                any |= v_bits(alive[q]);
            }
        }
        for (q = 0; q < ng; q++) {
            _mm256_storeu_si256((V *)(void *)(best + 8 * q), vbest[q]);
            _mm256_storeu_si256((V *)(void *)(ent + 8 * q), vent[q]);
            cand |= (uint64_t)(~v_bits(vbest[q]) & 0xFF) << (8 * q);
            if (!left[q])
                continue;
            /* one key left and a tail */
            _mm256_storeu_si256((V *)(void *)(nst + 8 * q), st[q]);
            _mm256_storeu_si256((V *)(void *)(npos + 8 * q), lpos[q]);
            for (; left[q]; left[q] &= left[q] - 1) {
                int r = 8 * q + __builtin_ctz(left[q]);
                tail_end(g, t0, sn, lim, (uint32_t)nst[r], (size_t)npos[r],
                         &best[r], &ent[r]);
                if (best[r] >= 0)
                    cand |= (uint64_t)1 << r;
            }
        }
        /* leftmost-longest: in token order, skipping starts inside a
         * term already taken */
        for (; cand; cand &= cand - 1) {
            size_t k, last;
            l = __builtin_ctzll(cand);
            k = i + (size_t)l;
            if (k < next)
                continue;
            last = ((unsigned)sn->at[best[l]] >> TOK) - 1;
            if (last < k)               /* overlapping tokens: no term */
                continue;
            hits[nh].first = k;
            hits[nh].last = last;
            hits[nh].entry = (uint32_t)ent[l];
            nh++;
            next = last + 1;
        }
        i = next > i + 8 * GROUP ? next : i + 8 * GROUP;
    }
    return nh;
}

#endif

size_t jaen_gloss_match(const struct jaen_gloss *g, const char *text,
                        size_t len, const struct jaen_gloss_span *toks,
                        size_t ntok, struct jaen_gloss_hit *hits)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t limit = 0, k, nh;

    for (k = ntok; k > 0; k--) {          /* walks never pass the last end */
        if (toks[k - 1].end != JAEN_GLOSS_NOPOS) {
            limit = toks[k - 1].end;
            break;
        }
    }
    if (limit > len)
        limit = len;
#ifdef GLOSS_AVX2
    for (k = 0; g->vector && k < ntok && toks[k].start == JAEN_GLOSS_NOPOS;
         k++)
        ;
    if (g->vector && k < ntok && ntok <= MAX_TOKS && toks[k].start < limit
        && limit - toks[k].start <= SIMD_SPAN) {
        struct sentence sn;
        read_sentence(g, s, toks[k].start, limit, toks, ntok, &sn);
        nh = match_avx2(g, s, toks[k].start, limit, toks, ntok, &sn, hits);
        return resolve(g, hits, nh);
    }
#endif
    nh = match_scalar(g, s, limit, toks, ntok, hits);
    return resolve(g, hits, nh);
}

void jaen_gloss_phrase_start(struct jaen_gloss_cursor *c)
{
    c->state = 0;
    c->toff = 0;
    c->dead = 0;
}

int jaen_gloss_phrase_feed(const struct jaen_gloss *g,
                           struct jaen_gloss_cursor *c, const char *key,
                           size_t len)
{
    const struct jaen_glossfmt_unit *da = g->phrase;
    const unsigned char *s = (const unsigned char *)key;
    const uint32_t n = g->nphrase;
    uint32_t st = c->state, t;
    size_t i;

    if (c->dead || !n)
        return !(c->dead = 1);
    for (i = 0; i < len; i++) {
        if (da[st].base < 0) {          /* inside the one key left */
            uint32_t tl, tv;
            const unsigned char *tb = da[st].hint ?
                tail_of(g, da[st].base, &tl, &tv) : NULL;
            if (!tb || len - i > tl - c->toff
                || memcmp(s + i, tb + c->toff, len - i) != 0)
                return !(c->dead = 1);
            c->toff += (uint32_t)(len - i);
            break;
        }
        t = (uint32_t)da[st].base + s[i] + 1u;
        if (t >= n || da[t].check != s[i] + 1u)
            return !(c->dead = 1);
        st = t;
    }
    c->state = st;
    return 1;
}

int jaen_gloss_phrase_end(const struct jaen_gloss *g,
                          const struct jaen_gloss_cursor *c, uint32_t *entry)
{
    const struct jaen_glossfmt_unit *da = g->phrase;
    uint32_t t;

    if (c->dead || !g->nphrase || c->state == 0)
        return 0;
    if (da[c->state].base < 0) {
        uint32_t tl, tv;
        if (!da[c->state].hint) {
            *entry = (uint32_t)(-(int64_t)da[c->state].base - 1);
            return 1;
        }
        if (!tail_of(g, da[c->state].base, &tl, &tv) || c->toff != tl)
            return 0;
        *entry = tv;
        return 1;
    }
    t = (uint32_t)da[c->state].base;
    if (!da[c->state].hint || t >= g->nphrase || da[t].check != 0)
        return 0;
    *entry = (uint32_t)da[t].base;
    return 1;
}

/* Is bit b of the phrase suffix filter set? */
static inline int psuf_has(const struct jaen_gloss *g, uint32_t b)
{
    return (g->psuf[b >> 3] >> (b & 7)) & 1;
}

int jaen_gloss_phrase_maybe(const struct jaen_gloss *g, const char *text,
                            size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    const size_t max = JAEN_GLOSSFMT_PSUF_MAX;
    uint32_t h = JAEN_GLOSSFMT_PSUF_SEED;
    size_t l = 0, end = len, q, k;
    int last = 0;

    if (g->psuf_tail & 1)
        return 1;
    while (end > 0) {           /* the characters from the last one back */
        unsigned b0;
        int space;
        q = end - 1;
        while (q > 0 && (s[q] & 0xC0) == 0x80)
            q--;
        b0 = s[q];              /* kana, kanji: no call */
        if (b0 < 0x80)
            space = b0 == ' ' || (b0 >= 0x09 && b0 <= 0x0D);
        else if (b0 == 0xE3)
            space = end - q == 3 && s[q + 1] == 0x80 && s[q + 2] == 0x80;
        else if (b0 >= 0xE4 && b0 != 0xEF)
            space = 0;
        else
            space = jaen_phrase_space_at(text + q, end - q) == end - q;
        if (space) {
            end = q;
            continue;
        }
        for (k = end; k > q; k--) {
            h = jaen_glossfmt_psuf_step(h, s[k - 1]);
            if (++l > max) {
                if (!last)
                    return 0;   /* no phrase ends like this */
                continue;
            }
            if (((g->psuf_tail >> l) & 1)
                && psuf_has(g, jaen_glossfmt_psuf_bit(
                                h, l, JAEN_GLOSSFMT_PSUF_TAIL,
                                g->psuf_log2)))
                return 1;
            if (l == max && ((g->psuf_whole >> max) & 1)
                && psuf_has(g, jaen_glossfmt_psuf_bit(
                                h, l, JAEN_GLOSSFMT_PSUF_LAST,
                                g->psuf_log2)))
                last = 1;
        }
        end = q;
    }
    return (last || (l < max && ((g->psuf_whole >> l) & 1)))
        && psuf_has(g, jaen_glossfmt_psuf_bit(h, l, JAEN_GLOSSFMT_PSUF_WHOLE,
                                              g->psuf_log2));
}

int jaen_gloss_phrase(const struct jaen_gloss *g, const char *key, size_t len,
                      uint32_t *entry)
{
    struct jaen_gloss_cursor c;

    jaen_gloss_phrase_start(&c);
    return jaen_gloss_phrase_feed(g, &c, key, len)
        && jaen_gloss_phrase_end(g, &c, entry);
}

/* gloss.c: loading a compiled glossary and matching terms.
 *
 * Why a byte-wise double-array trie walked from token starts:
 * - Terms must start and end on token boundaries, so there is no need for
 *   Aho-Corasick's failure links: we start a walk only at each token start
 *   (a few per ten bytes of Japanese) and accept only where a token ends.
 *   A walk stops at the first byte with no transition, which for ordinary
 *   text is after one or two characters; the work is linear in practice
 *   and never touches positions inside tokens as starting points.
 * - A double-array transition is two loads and a compare (t = base[s] + c,
 *   check[t] == s), with no pointer chasing and no per-node child lists,
 *   so the walk runs at memory speed; 8 bytes per unit keeps the array of a
 *   100,000-entry glossary at a few megabytes.
 * - It is a flat array of int32 pairs: the file is used in place after
 *   mmap, with no parsing at load, which is what makes opening O(1).
 * Walking UTF-8 bytes rather than code points keeps the alphabet at 256 and
 * needs no decoding in the hot loop; folding happens before, once per
 * document. */
#include "gloss.h"

#include "alloc.h"
#include "glossfmt.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

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
    const unsigned char *filter;    /* start filter, or NULL */
    uint32_t filter_log2;   /* its size */
    const char *strings;    /* the pool */
    size_t nstrings;        /* its bytes */
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
        || ((h.flags & JAEN_GLOSSFMT_F_FILTER)
            && (h.filter_log2 < 6 || h.filter_log2 > 30
                || !section_ok(h.off_filter, (uint64_t)1 << (h.filter_log2
                                                             - 3), 1,
                               g->size)))
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
    if (h.flags & JAEN_GLOSSFMT_F_FILTER) {
        g->filter = (const unsigned char *)g->base + h.off_filter;
        g->filter_log2 = h.filter_log2;
    }
    g->nstrings = h.strings_size;
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

int jaen_gloss_to_dictsrc(const struct jaen_gloss *g, struct jaen_dictsrc *ds,
                          struct jaen_err *err)
{
    size_t i, n = jaen_gloss_count(g);
    int rc = jaen_dictsrc_begin(ds, g->name, 0);

    for (i = 0; !rc && i < n; i++) {
        struct jaen_gloss_entry ge;
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

/* The tail record of a node with base < 0: *len bytes at the returned
 * pointer, entry in *value.  NULL when the record lies outside the
 * section (a corrupt file): the key then simply does not match. */
static const unsigned char *tail_of(const struct jaen_gloss *g, int32_t base,
                                    uint32_t *len, uint32_t *value)
{
    size_t off = ((size_t)(-(int64_t)base) - 1) * 4;
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

size_t jaen_gloss_match(const struct jaen_gloss *g, const char *text,
                        size_t len, const struct jaen_gloss_span *toks,
                        size_t ntok, struct jaen_gloss_hit *hits)
{
    const struct jaen_glossfmt_unit *da = g->term;
    const unsigned char *s = (const unsigned char *)text;
    const uint32_t n = g->nterm;
    size_t i = 0, nh = 0, limit = 0, k;

    for (k = ntok; k > 0; k--) {          /* walks never pass the last end */
        if (toks[k - 1].end != JAEN_GLOSS_NOPOS) {
            limit = toks[k - 1].end;
            break;
        }
    }
    if (limit > len)
        limit = len;
    while (i < ntok) {
        size_t pos = toks[i].start, j = i, best = JAEN_GLOSS_NOPOS;
        uint32_t st = 0, bestv = 0;

        if (pos == JAEN_GLOSS_NOPOS || pos >= limit) {
            i++;
            continue;
        }
        if (g->filter) {        /* does any term start like this? */
            size_t n1, n2;
            uint32_t c1 = jaen_glossfmt_cp(s + pos, limit - pos, &n1);
            uint32_t b = jaen_glossfmt_pair(c1, 0, g->filter_log2);
            int hit = (g->filter[b >> 3] >> (b & 7)) & 1;
            if (!hit && pos + n1 < limit) {
                b = jaen_glossfmt_pair(c1, jaen_glossfmt_cp(s + pos + n1,
                                                            limit - pos - n1,
                                                            &n2),
                                       g->filter_log2);
                hit = (g->filter[b >> 3] >> (b & 7)) & 1;
            }
            if (!hit) {
                i++;
                continue;
            }
        }
        for (;;) {
            uint32_t t;
            if (da[st].base < 0) {      /* one key left: compare its tail */
                uint32_t tl, tv;
                const unsigned char *tb = tail_of(g, da[st].base, &tl, &tv);
                if (!tb || tl > limit - pos || memcmp(s + pos, tb, tl) != 0)
                    break;
                pos += tl;
                while (j < ntok && (toks[j].end < pos
                                    || toks[j].end == JAEN_GLOSS_NOPOS))
                    j++;
                if (j < ntok && toks[j].end == pos && pos > toks[i].start) {
                    best = j;
                    bestv = tv;
                }
                break;
            }
            while (j < ntok && (toks[j].end < pos
                                || toks[j].end == JAEN_GLOSS_NOPOS))
                j++;
            if (j < ntok && toks[j].end == pos && pos > toks[i].start) {
                t = (uint32_t)da[st].base;          /* terminal: label 0 */
                if (t < n && da[t].check == (int32_t)st) {
                    best = j;
                    bestv = (uint32_t)da[t].base;
                }
            }
            if (pos >= limit)
                break;
            t = (uint32_t)da[st].base + s[pos] + 1u;
            if (t >= n || da[t].check != (int32_t)st)
                break;
            st = t;
            pos++;
        }
        if (best != JAEN_GLOSS_NOPOS) {
            hits[nh].first = i;
            hits[nh].last = best;
            hits[nh].entry = bestv;
            nh++;
            i = best + 1;
        } else {
            i++;
        }
    }
    return nh;
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
        if (da[st].base < 0) {          /* inside a tail */
            uint32_t tl, tv;
            const unsigned char *tb = tail_of(g, da[st].base, &tl, &tv);
            if (!tb || len - i > tl - c->toff
                || memcmp(s + i, tb + c->toff, len - i) != 0)
                return !(c->dead = 1);
            c->toff += (uint32_t)(len - i);
            break;
        }
        t = (uint32_t)da[st].base + s[i] + 1u;
        if (t >= n || da[t].check != (int32_t)st)
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

    if (c->dead || !g->nphrase)
        return 0;
    if (da[c->state].base < 0) {
        uint32_t tl, tv;
        if (!tail_of(g, da[c->state].base, &tl, &tv) || c->toff != tl)
            return 0;
        *entry = tv;
        return 1;
    }
    if (c->state == 0)
        return 0;
    t = (uint32_t)da[c->state].base;
    if (t >= g->nphrase || da[t].check != (int32_t)c->state)
        return 0;
    *entry = (uint32_t)da[t].base;
    return 1;
}

int jaen_gloss_phrase(const struct jaen_gloss *g, const char *key, size_t len,
                      uint32_t *entry)
{
    struct jaen_gloss_cursor c;

    jaen_gloss_phrase_start(&c);
    return jaen_gloss_phrase_feed(g, &c, key, len)
        && jaen_gloss_phrase_end(g, &c, entry);
}

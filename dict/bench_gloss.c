/* bench-gloss: the matcher and loader with a generated glossary.
 *
 * Usage: bench-gloss [ENTRIES [TEXT_MB [SEGMENTED.jsonl [DICT]]]]
 *        (default 100000 entries, 64 MB of text: passes over 16 MB of
 *        generated text, or over the folded corpus; the machine may be
 *        shared, so the quietest figure, each chunk's fastest pass, is
 *        printed as well as the mean)
 *
 * Generates ENTRIES distinct headwords of 2-6 kanji/katakana drawn with
 * Zipf letter frequencies, compiles them, times jaen_gloss_open on the
 * file (median of 101 opens) and then the matcher alone over generated
 * tokens: one to three characters of the same alphabet, with a glossary
 * headword split into one-character tokens every 20 tokens or so, matched
 * sentence by sentence (40 tokens).
 * With SEGMENTED.jsonl (jaen segment output, e.g. of ../shared/corpus):
 * the text is that corpus, folded, with its own tokens and sentences, and
 * the ENTRIES headwords are distinct runs of one to three of its tokens,
 * or, with DICT, the glossary is that compiled file (build/dict/jaen.dict).
 * The matcher is timed as jaen runs it (JAEN_GLOSS_AUTO) and, when that is
 * the vector matcher, then the scalar one on the same text.
 * Built by CMake (target bench-gloss), not run by ctest. */
#include "alloc.h"
#include "dictsrc.h"
#include "doc.h"
#include "fold.h"
#include "gloss.h"
#include "glossfmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* CPU time of this process: the machine may be shared. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t rng(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* Letter r of the alphabet: 1,500 CJK ideographs and the katakana. */
static uint32_t nth(uint64_t r)
{
    return r < 1500 ? 0x4E00 + (uint32_t)r * 7 % 0x5000 : 0x30A1
        + (uint32_t)(r - 1500);
}

#define ALPHA 1590

/* Timing: the machine may be shared, so each chunk of the text, 1,000
 * sentences, is timed on every pass and the quietest figure sums each
 * chunk's fastest pass. */
#define CHUNK_SENTS 1000

/* A letter drawn with Zipf frequencies (weight 1/rank), as characters are
 * in real text: frequent ones start many terms and stay in the cache. */
static uint32_t letter(uint64_t *s, const double *cdf)
{
    double u = (double)(rng(s) >> 11) / 9007199254740992.0;
    size_t lo = 0, hi = ALPHA - 1;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cdf[mid] < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return nth(lo);
}

/* Where the bytes of a compiled image go. */
static void breakdown(const char *img)
{
    struct jaen_glossfmt_header h;
    const struct jaen_glossfmt_unit *u;
    size_t i, occ = 0;

    memcpy(&h, img, sizeof(h));
    u = (const void *)(img + h.off_term_da);
    for (i = 0; i < h.n_term_units; i++)
        occ += u[i].check != JAEN_GLOSSFMT_NOCHECK || i == 0;
    printf("image: term trie %u units (%zu occupied, %.0f%%) = %zu bytes, "
           "tails %llu, entries %zu, strings %llu, alphabet %u blocks\n",
           (unsigned)h.n_term_units, occ,
           100.0 * (double)occ / (double)(h.n_term_units + !h.n_term_units),
           (size_t)h.n_term_units * sizeof(*u),
           (unsigned long long)h.tail_size,
           (size_t)h.n_entries * sizeof(struct jaen_glossfmt_entry),
           (unsigned long long)h.strings_size, (unsigned)h.n_blocks);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

struct corpus {
    struct jaen_buf text;           /* all folded texts, concatenated */
    struct jaen_gloss_span *spans;  /* all tokens, in bytes of text */
    size_t ntok, atok;
    size_t *sent;                   /* first token of each sentence */
    size_t nsent, asent;
};

static void *grow(void *p, size_t *alloc, size_t need, size_t size)
{
    if (need > *alloc) {
        while (*alloc < need)
            *alloc = *alloc ? *alloc * 2 : 1024;
        p = realloc(p, *alloc * size);
    }
    return p;
}

/* Reads segment output: folds each text and maps its token spans. */
static int load_corpus(const char *path, struct corpus *c)
{
    FILE *f = fopen(path, "r");
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_buf folded;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;

    if (!f || !doc)
        return -1;
    jaen_buf_init(&folded, (size_t)1 << 30);
    while ((n = getline(&line, &cap, f)) > 0) {
        struct jaen_sent *ss;
        const struct jaen_tok *tk;
        size_t ns, nt, len, ncp, nmap, i, pos, *inv, base = c->text.len;
        const char *t;
        int64_t *map = NULL;
        if (jaen_doc_parse(doc, line, (size_t)n - 1, NULL)
            || jaen_doc_text(doc, &t, &len, &ncp, NULL)
            || jaen_doc_sentences(doc, &ss, &ns, &tk, &nt, NULL))
            continue;
        jaen_buf_reset(&folded);
        if (jaen_fold(t, len, &folded, &map, &nmap, NULL))
            continue;
        inv = malloc((ncp + 1) * sizeof(*inv));
        for (i = 0; i <= ncp; i++)
            inv[i] = JAEN_GLOSS_NOPOS;
        for (i = 0, pos = 0; i < nmap && pos < folded.len; pos++)
            if (((unsigned char)folded.ptr[pos] & 0xC0) != 0x80) {
                if (inv[map[i]] == JAEN_GLOSS_NOPOS)
                    inv[map[i]] = base + pos;
                i++;
            }
        inv[ncp] = base + folded.len;
        jaen_buf_add(&c->text, folded.ptr, folded.len);
        for (i = 0; i < ns; i++) {
            size_t k;
            c->sent = grow(c->sent, &c->asent, c->nsent + 2, sizeof(size_t));
            c->sent[c->nsent++] = c->ntok;
            for (k = ss[i].tok0; k < ss[i].tok0 + ss[i].ntok; k++) {
                c->spans = grow(c->spans, &c->atok, c->ntok + 1,
                                sizeof(*c->spans));
                c->spans[c->ntok].start = inv[tk[k].start];
                c->spans[c->ntok++].end = inv[tk[k].end];
            }
        }
        free(inv);
        jaen_free(map);
    }
    if (c->sent)
        c->sent[c->nsent] = c->ntok;
    free(line);
    fclose(f);
    jaen_doc_free(doc);
    jaen_buf_free(&folded);
    return c->ntok ? 0 : -1;
}

/* A set of byte strings of the text, for drawing distinct headwords. */
struct seen {
    size_t *off, *len;      /* slot i: text[off[i]..off[i] + len[i]) */
    size_t size;            /* slots, a power of two; len 0 = empty */
};

/* Adds text[a..a + n) (n > 0) to the set; 1 when it was new. */
static int seen_add(struct seen *t, const char *text, size_t a, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    size_t i;

    for (i = 0; i < n; i++)
        h = (h ^ (unsigned char)text[a + i]) * 1099511628211ull;
    for (i = (size_t)h & (t->size - 1); t->len[i];
         i = (i + 1) & (t->size - 1))
        if (t->len[i] == n && memcmp(text + t->off[i], text + a, n) == 0)
            return 0;
    t->off[i] = a;
    t->len[i] = n;
    return 1;
}

/* Writes img to a temporary file and prints the median time of 101
 * jaen_gloss_open calls (mmap and header checks). */
static int time_load(const struct jaen_buf *img)
{
    char path[] = "/tmp/bench-gloss-XXXXXX";
    struct jaen_gloss *g;
    struct jaen_err err;
    double t0, times[101];
    int fd = mkstemp(path), i;
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;

    jaen_err_clear(&err);
    if (!f || fwrite(img->ptr, 1, img->len, f) != img->len || fclose(f)) {
        fprintf(stderr, "bench-gloss: cannot write %s\n", path);
        return 2;
    }
    for (i = 0; i < 101; i++) {
        t0 = now();
        if (jaen_gloss_open(path, &g, &err)) {
            fprintf(stderr, "bench-gloss: %s\n", err.msg);
            return 1;
        }
        times[i] = now() - t0;
        jaen_gloss_close(g);
    }
    unlink(path);
    qsort(times, 101, sizeof(times[0]), cmp_double);
    printf("load: median %.3f ms, max %.3f ms (mmap, header checks)\n",
           times[50] * 1e3, times[100] * 1e3);
    return 0;
}

/* Pass m of the timing: 0 is g's default matcher, 1 the scalar one for
 * comparison (skipped when the default is scalar already).  Returns its
 * name, or NULL to skip the pass. */
static const char *matcher(struct jaen_gloss *g, int m)
{
    if (m == 0)
        return jaen_gloss_set_matcher(g, JAEN_GLOSS_AUTO) ? "vector, default"
            : "scalar, default";
    if (!jaen_gloss_set_matcher(g, JAEN_GLOSS_AUTO))
        return NULL;
    jaen_gloss_set_matcher(g, JAEN_GLOSS_SCALAR);
    return "scalar";
}

/* Times g's matchers over the sentences of text: sentence i is the tokens
 * spans[sent[i]..sent[i + 1]).  Passes over all of them until mb MB have
 * been matched; chunks of CHUNK_SENTS sentences are timed on every pass,
 * and the quietest figure sums each chunk's fastest pass.  hits has room
 * for the longest sentence's tokens. */
static void time_match(struct jaen_gloss *g, const char *text, size_t len,
                       const struct jaen_gloss_span *spans,
                       const size_t *sent, size_t nsent, long mb,
                       struct jaen_gloss_hit *hits)
{
    size_t nchunk = (nsent + CHUNK_SENTS - 1) / CHUNK_SENTS, pass, ck, i;
    double *cmin = calloc(nchunk + 1, sizeof(*cmin)), cpu, best, t0, t;
    size_t nhits, bytes;
    int m;

    for (m = 0; m < 2; m++) {
        const char *what = matcher(g, m);
        if (!what)
            continue;
        cpu = 0;
        best = 0;
        nhits = 0;
        bytes = 0;
        for (pass = 0; bytes < (size_t)mb << 20; pass++) {
            for (ck = 0; ck < nchunk; ck++) {
                size_t end = (ck + 1) * CHUNK_SENTS < nsent ?
                    (ck + 1) * CHUNK_SENTS : nsent;
                t0 = now();
                for (i = ck * CHUNK_SENTS; i < end; i++)
                    nhits += jaen_gloss_match(g, text, len, spans + sent[i],
                                              sent[i + 1] - sent[i], hits);
                t = now() - t0;
                cpu += t;
                if (!pass || t < cmin[ck])
                    cmin[ck] = t;
            }
            bytes += len;
        }
        for (ck = 0; ck < nchunk; ck++)
            best += cmin[ck];
        printf("match (%s): %.1f MB in %.3f s CPU = %.0f MB/s (quietest: "
               "%.0f MB/s), %zu tokens, %zu hits\n", what,
               (double)bytes / (1 << 20), cpu,
               (double)bytes / (1 << 20) / cpu,
               (double)len / (1 << 20) / best, sent[nsent], nhits / pass);
    }
    free(cmin);
}

/* The corpus mode of main: glossary from token runs, real text. */
static int corpus_bench(const char *path, const char *dict, long entries,
                        long mb)
{
    struct corpus c;
    struct jaen_dictsrc *ds = jaen_dictsrc_new();
    struct jaen_gloss *g;
    struct jaen_buf img;
    struct jaen_err err;
    struct jaen_gloss_hit *hits;
    uint64_t seed = 88172645463325252ull;
    double t0;
    size_t len;
    long tries = 0;
    struct seen set;
    char *p;

    memset(&c, 0, sizeof(c));
    jaen_buf_init(&c.text, (size_t)1 << 31);
    jaen_buf_init(&img, (size_t)1 << 31);
    jaen_err_clear(&err);
    if (load_corpus(path, &c)) {
        fprintf(stderr, "bench-gloss: cannot read %s\n", path);
        return 2;
    }
    jaen_dictsrc_begin(ds, "bench", 0);
    set.size = 1;
    while (set.size < (size_t)entries * 4)
        set.size *= 2;
    set.off = calloc(set.size, sizeof(size_t));
    set.len = calloc(set.size, sizeof(size_t));
    t0 = now();
    while ((long)jaen_dictsrc_nkeys(ds) < entries && tries++ < 50000000) {
        size_t a = rng(&seed) % c.ntok, k = 1 + rng(&seed) % 3;
        struct jaen_dict_entry d;
        char *ja;
        if (a + k > c.ntok || c.spans[a].start == JAEN_GLOSS_NOPOS
            || c.spans[a + k - 1].end == JAEN_GLOSS_NOPOS
            || c.spans[a + k - 1].end <= c.spans[a].start
            || c.spans[a + k - 1].end - c.spans[a].start > 60
            || !seen_add(&set, c.text.ptr, c.spans[a].start,
                         c.spans[a + k - 1].end - c.spans[a].start))
            continue;           /* each headword once: one row per key */
        ja = strndup(c.text.ptr + c.spans[a].start,
                     c.spans[a + k - 1].end - c.spans[a].start);
        memset(&d, 0, sizeof(d));
        d.ja = ja;
        d.en = ja;
        d.concept = "bench.term";
        jaen_err_clear(&err);
        jaen_dictsrc_add(ds, &d, &err);    /* spaces, controls: skipped */
        free(ja);
    }
    if (jaen_gloss_build(ds, &img, &err)) {
        fprintf(stderr, "bench-gloss: %s\n", err.msg);
        return 1;
    }
    printf("corpus: %zu bytes folded, %zu tokens, %zu sentences\n",
           c.text.len, c.ntok, c.nsent);
    printf("generate and compile: %zu entries from token runs, %.0f ms, "
           "%zu bytes\n", jaen_dictsrc_nkeys(ds), (now() - t0) * 1e3,
           img.len);
    breakdown(img.ptr);
    if (time_load(&img))
        return 1;
    p = jaen_buf_take(&img, &len);
    if (jaen_gloss_open_take(p, len, "bench", &g, &err))
        return 1;
    if (dict) {                 /* the glossary given, not the runs */
        jaen_gloss_close(g);
        if (jaen_gloss_open(dict, &g, &err)) {
            fprintf(stderr, "bench-gloss: %s\n", err.msg);
            return 1;
        }
        printf("glossary: %s, %zu entries\n", dict, jaen_gloss_count(g));
    }
    hits = malloc((c.ntok + 1) * sizeof(*hits));
    time_match(g, c.text.ptr, c.text.len, c.spans, c.sent, c.nsent, mb,
               hits);
    jaen_gloss_close(g);
    jaen_dictsrc_free(ds);
    free(hits);
    free(set.off);
    free(set.len);
    free(c.spans);
    free(c.sent);
    jaen_buf_free(&c.text);
    return 0;
}

int main(int argc, char **argv)
{
    long entries = argc > 1 ? strtol(argv[1], NULL, 10) : 100000;
    long mb = argc > 2 ? strtol(argv[2], NULL, 10) : 64;
    struct jaen_buf src, img, text;
    struct jaen_dictsrc *ds = jaen_dictsrc_new();
    struct jaen_gloss *g;
    struct jaen_gloss_span *spans;
    struct jaen_gloss_hit hits[64];
    struct jaen_err err;
    char **heads, *p;
    size_t ntok = 0, atok = 1 << 20, i, len, nsent, *sent;
    double t0, cdf[ALPHA], sum, acc;
    uint64_t seed = 88172645463325252ull;
    long e;

    if (argc > 3)
        return corpus_bench(argv[3], argc > 4 ? argv[4] : NULL, entries, mb);
    jaen_err_clear(&err);
    jaen_buf_init(&src, (size_t)1 << 31);
    jaen_buf_init(&img, (size_t)1 << 31);
    jaen_buf_init(&text, (size_t)1 << 31);
    heads = calloc((size_t)entries, sizeof(*heads));
    for (i = 0, sum = 0; i < ALPHA; i++)
        sum += 1.0 / (double)(i + 1);
    for (i = 0, acc = 0; i < ALPHA; i++) {
        acc += 1.0 / (double)(i + 1) / sum;
        cdf[i] = acc;
    }
    cdf[ALPHA - 1] = 1.0;
    t0 = now();
    jaen_dictsrc_begin(ds, "bench", 0);
    /* Zipf words of 2-6 letters until there are ENTRIES distinct ones; a
     * repeated word has the same target (from its hash), so it merges */
    for (e = 0; (long)jaen_dictsrc_nkeys(ds) < entries; e++) {
        struct jaen_dict_entry d;
        char en[64], concept[64];
        uint64_t h = 1469598103934665603ull;
        int n = 2 + (int)(rng(&seed) % 5), k;
        size_t before = jaen_dictsrc_nkeys(ds);
        jaen_buf_reset(&src);
        for (k = 0; k < n; k++)
            jaen_buf_add_cp(&src, letter(&seed, cdf));
        for (k = 0; k < (int)src.len; k++)
            h = (h ^ (unsigned char)src.ptr[k]) * 1099511628211ull;
        snprintf(en, sizeof(en), "term %016llx", (unsigned long long)h);
        snprintf(concept, sizeof(concept), "bench.t%016llx",
                 (unsigned long long)h);
        memset(&d, 0, sizeof(d));
        d.ja = src.ptr;
        d.en = en;
        d.concept = concept;
        if (jaen_dictsrc_add(ds, &d, &err)) {
            fprintf(stderr, "bench-gloss: %s\n", err.msg);
            return 1;
        }
        if (jaen_dictsrc_nkeys(ds) > before)
            heads[jaen_dictsrc_nkeys(ds) - 1] = strndup(src.ptr, src.len);
    }
    if (jaen_gloss_build(ds, &img, &err)) {
        fprintf(stderr, "bench-gloss: %s\n", err.msg);
        return 1;
    }
    printf("generate and compile: %ld entries (%ld words drawn), %.0f ms, "
           "%zu bytes\n", entries, e, (now() - t0) * 1e3, img.len);
    breakdown(img.ptr);
    if (time_load(&img))
        return 1;
    p = jaen_buf_take(&img, &len);
    if (jaen_gloss_open_take(p, len, "bench", &g, &err)) {
        fprintf(stderr, "bench-gloss: %s\n", err.msg);
        return 1;
    }

    spans = malloc(atok * sizeof(*spans));
    while (text.len < ((size_t)(mb < 16 ? mb : 16) << 20)) {
        if (ntok + 8 > atok) {
            atok *= 2;
            spans = realloc(spans, atok * sizeof(*spans));
        }
        if (rng(&seed) % 20 == 0) {     /* a headword, in 1-char tokens */
            const char *h = heads[rng(&seed) % (uint64_t)entries];
            size_t hl = strlen(h), hp;
            for (hp = 0; hp < hl; hp += 3) {
                spans[ntok].start = text.len;
                jaen_buf_add(&text, h + hp, 3);
                spans[ntok++].end = text.len;
            }
        } else {
            int n = 1 + (int)(rng(&seed) % 3), k;
            spans[ntok].start = text.len;
            for (k = 0; k < n; k++)
                jaen_buf_add_cp(&text, letter(&seed, cdf));
            spans[ntok++].end = text.len;
        }
    }
    nsent = (ntok + 39) / 40;           /* sentences of 40 tokens */
    sent = malloc((nsent + 1) * sizeof(*sent));
    for (i = 0; i < nsent; i++)
        sent[i] = i * 40;
    sent[nsent] = ntok;
    time_match(g, text.ptr, text.len, spans, sent, nsent, mb, hits);
    free(sent);
    jaen_gloss_close(g);
    for (e = 0; e < entries; e++)
        free(heads[e]);
    free(heads);
    free(spans);
    jaen_dictsrc_free(ds);
    jaen_buf_free(&src);
    jaen_buf_free(&img);
    jaen_buf_free(&text);
    return 0;
}

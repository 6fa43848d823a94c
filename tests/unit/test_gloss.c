/* test_gloss.c: the compiler, the loader and the matcher. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "dictsrc.h"
#include "fold.h"
#include "gloss.h"
#include "glossfmt.h"

#include "gloss_fixture.h"

#define FIXTURE JAEN_SOURCE_DIR "/tests/dict/basic.tsv"

/* Compiles sources (paths, NULL-terminated) into an in-memory glossary. */
static struct jaen_gloss *compile(const char *const *paths)
{
    struct jaen_dictsrc *ds = jaen_dictsrc_new();
    struct jaen_gloss *g = NULL;
    struct jaen_err err;

    jaen_err_clear(&err);
    assert_non_null(ds);
    for (; *paths; paths++)
        assert_int_equal(jaen_dictsrc_load(ds, *paths, JAEN_DICT_AUTO, 0,
                                           &err), JAEN_OK);
    assert_int_equal(gloss_of(ds, "test", &g, &err), JAEN_OK);
    jaen_dictsrc_free(ds);
    return g;
}

static struct jaen_gloss *basic(void)
{
    static const char *const p[] = {FIXTURE, NULL};
    return compile(p);
}

/* Matches "tok|tok|tok" (folded first) and renders the hits as
 * "[ja-of-tokens=headword]..." into out. */
static void run(const struct jaen_gloss *g, const char *spec, char *out,
                size_t cap)
{
    struct jaen_buf raw, folded;
    struct jaen_gloss_span spans[64];
    struct jaen_gloss_hit hits[64];
    size_t n = 0, i, nh, start = 0;
    char *parts[64];
    char *copy = strdup(spec), *tok, *save = NULL;

    jaen_buf_init(&raw, 1 << 20);
    jaen_buf_init(&folded, 1 << 20);
    /* fold each token alone so that the spans are exact */
    for (tok = strtok_r(copy, "|", &save); tok;
         tok = strtok_r(NULL, "|", &save)) {
        jaen_buf_reset(&raw);
        assert_int_equal(jaen_fold(tok, strlen(tok), &raw, NULL, NULL, NULL),
                         0);
        spans[n].start = start;
        jaen_buf_add(&folded, raw.ptr, raw.len);
        start = folded.len;
        spans[n].end = start;
        parts[n++] = tok;
    }
    nh = jaen_gloss_match(g, folded.ptr, folded.len, spans, n, hits);
    out[0] = '\0';
    for (i = 0; i < nh; i++) {
        struct jaen_gloss_entry e;
        size_t k, used = strlen(out);
        assert_int_equal(jaen_gloss_entry(g, hits[i].entry, &e, NULL), 0);
        snprintf(out + used, cap - used, "[");
        for (k = hits[i].first; k <= hits[i].last; k++) {
            used = strlen(out);
            snprintf(out + used, cap - used, "%s", parts[k]);
        }
        used = strlen(out);
        snprintf(out + used, cap - used, "=%s]", e.ja);
    }
    free(copy);
    jaen_buf_free(&raw);
    jaen_buf_free(&folded);
}

static void expect(const struct jaen_gloss *g, const char *spec,
                   const char *want)
{
    char got[1024];
    run(g, spec, got, sizeof(got));
    if (strcmp(got, want) != 0)
        fail_msg("%s: got \"%s\", want \"%s\"", spec, got, want);
}

static void test_longest(void **state)
{
    struct jaen_gloss *g = basic();
    (void)state;
    expect(g, "不正|アクセス|を|確認", "[不正アクセス=不正アクセス]");
    expect(g, "不正|が|あった", "[不正=不正]");
    expect(g, "アクセス|ログ", "[アクセス=アクセス]");
    jaen_gloss_close(g);
}

static void test_token_boundaries(void **state)
{
    struct jaen_gloss *g = basic();
    (void)state;
    expect(g, "事件|が|発生", "");                 /* 件 inside 事件 */
    expect(g, "事|件", "[件=件]");
    expect(g, "不正アクセス権|が", "");           /* ends inside a token */
    expect(g, "X不正|アクセス", "[アクセス=アクセス]");  /* starts inside */
    expect(g, "不|正アクセス", "[不正アクセス=不正アクセス]");
    expect(g, "不正ア|クセス", "[不正アクセス=不正アクセス]");
    expect(g, "不正|アクセス権", "[不正=不正]");
    jaen_gloss_close(g);
}

static void test_overlaps(void **state)
{
    static const char *const p[] = {JAEN_SOURCE_DIR "/tests/dict/overlap.tsv",
                                    NULL};
    struct jaen_gloss *g = compile(p);
    (void)state;
    /* AB and BC overlap: the leftmost wins, then matching resumes after */
    expect(g, "A|B|C|D", "[AB=AB][CD=CD]");
    expect(g, "B|C|D", "[BC=BC]");
    /* leftmost beats longer: AB, not the longer BCDE that overlaps it */
    expect(g, "A|B|C|D|E", "[AB=AB][CD=CD]");
    expect(g, "X|B|C|D|E", "[BCDE=BCDE]");
    /* longest at one start: ABX over AB; a prefix of ABX alone is AB */
    expect(g, "A|B|X", "[ABX=ABX]");
    expect(g, "A|BX", "[ABX=ABX]");
    expect(g, "AB|Y", "[AB=AB]");
    jaen_gloss_close(g);
}

static void test_variants_and_fold(void **state)
{
    struct jaen_gloss *g = basic();
    (void)state;
    expect(g, "漏洩|が", "[漏洩=漏えい]");
    expect(g, "流出|した", "[流出=漏えい]");
    expect(g, "USB|メモリ", "[USBメモリ=ＵＳＢメモリ]");
    expect(g, "ＵＳＢ|メモリ", "[ＵＳＢメモリ=ＵＳＢメモリ]");
    expect(g, "パスワード", "[パスワード=ﾊﾟｽﾜｰﾄﾞ]");
    expect(g, "ﾊﾟｽﾜｰﾄﾞ|を", "[ﾊﾟｽﾜｰﾄﾞ=ﾊﾟｽﾜｰﾄﾞ]");
    jaen_gloss_close(g);
}

static void test_nopos(void **state)
{
    struct jaen_gloss *g = basic();
    struct jaen_gloss_span spans[2];
    struct jaen_gloss_hit hits[2];
    const char *t = "不正アクセス";
    (void)state;
    spans[0].start = 0;
    spans[0].end = JAEN_GLOSS_NOPOS;
    spans[1].start = JAEN_GLOSS_NOPOS;
    spans[1].end = strlen(t);
    assert_int_equal(jaen_gloss_match(g, t, strlen(t), spans, 2, hits), 1);
    assert_int_equal(hits[0].first, 0);
    assert_int_equal(hits[0].last, 1);
    spans[1].end = JAEN_GLOSS_NOPOS;
    assert_int_equal(jaen_gloss_match(g, t, strlen(t), spans, 2, hits), 0);
    jaen_gloss_close(g);
}

static void test_phrase_lookup(void **state)
{
    struct jaen_gloss *g = basic();
    struct jaen_gloss_entry e;
    uint32_t entry;
    const char *k1 = "現時点で二次被害は確認されていません。";
    const char *k2 = "{date}、不正アクセスを確認しました。";
    (void)state;
    assert_int_equal(jaen_gloss_phrase(g, k1, strlen(k1), &entry), 1);
    assert_int_equal(jaen_gloss_entry(g, entry, &e, NULL), 0);
    assert_string_equal(e.concept, "phrase.no_secondary_damage");
    assert_int_equal(e.kind, JAEN_GLOSSFMT_KIND_PHRASE);
    assert_int_equal(jaen_gloss_phrase(g, k2, strlen(k2), &entry), 1);
    assert_int_equal(jaen_gloss_phrase(g, k2, strlen(k2) - 1, &entry), 0);
    /* a phrase is not a term */
    expect(g, "現時点で二次被害は確認されておりません。", "");
    jaen_gloss_close(g);
}

/* The phrase suffix filter passes every sentence a phrase covers, with
 * whitespace and with entities where the slots are, and turns away
 * sentences that merely end alike. */
static void test_phrase_filter(void **state)
{
    struct jaen_gloss *g = basic();
    static const char *const yes[] = {
        "現時点で二次被害は確認されておりません。",
        "現時点で 二次被害は確認されていません。 ",
        "2024年4月1日、不正アクセスを確認しました。",
        "昨日、不正アクセスを 確認しました。",
        "約1万件の個人情報が漏えいした可能性があります。",
    };
    static const char *const no[] = {
        "当社では二次被害は確認されておりません。",
        "不正アクセスを確認しました。",
        "お問い合わせ窓口",
        "",
        "   ",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
        if (!jaen_gloss_phrase_maybe(g, yes[i], strlen(yes[i])))
            fail_msg("filter turned away \"%s\"", yes[i]);
    for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
        if (jaen_gloss_phrase_maybe(g, no[i], strlen(no[i])))
            fail_msg("filter passed \"%s\"", no[i]);
    jaen_gloss_close(g);
}

/* Every phrase of a generated glossary (slots at the start, the middle,
 * the end, tails longer and shorter than the filter's window) passes the
 * filter as its own sentence, slots filled with text. */
static void test_phrase_filter_many(void **state)
{
    struct jaen_dictsrc *ds = jaen_dictsrc_new();
    struct jaen_gloss *g;
    struct jaen_buf src, sent;
    struct jaen_err err;
    unsigned seed = 11;
    size_t i, k;
    (void)state;

    jaen_buf_init(&src, (size_t)1 << 30);
    jaen_buf_init(&sent, (size_t)1 << 30);
    jaen_buf_adds(&src, "ja\ten\tconcept\n");
    for (i = 0; i < 500; i++) {
        unsigned n = 1 + (seed = seed * 1103515245u + 12345u) % 40;
        unsigned at = (seed >> 8) % (n + 1), slot = (seed >> 4) % 3;
        for (k = 0; k < n; k++) {
            if (slot && k == at)
                jaen_buf_adds(&src, "{date}");
            seed = seed * 1103515245u + 12345u;
            jaen_buf_add_cp(&src, 0x3042 + (seed >> 8) % 80);
        }
        if (slot && at == n)
            jaen_buf_adds(&src, "{date}");
        jaen_buf_addf(&src, "\tE %s\tphrase.p%zu\n", slot ? "{date}" : "x",
                      i);
    }
    jaen_err_clear(&err);
    assert_int_equal(jaen_dictsrc_parse(ds, "gen.tsv", src.ptr, src.len,
                                        JAEN_DICT_JAEN, 0, &err), 0);
    assert_int_equal(gloss_of(ds, "gen", &g, &err), 0);
    for (i = 0; i < jaen_dictsrc_count(ds); i++) {
        const char *ja = jaen_dictsrc_get(ds, i)->ja, *q;
        jaen_buf_reset(&sent);
        for (q = ja; *q; q++) {
            if (strncmp(q, "{date}", 6) == 0) {
                jaen_buf_adds(&sent, "4月1日");
                q += 5;
            } else {
                jaen_buf_addc(&sent, *q);
            }
        }
        if (!jaen_gloss_phrase_maybe(g, sent.ptr, sent.len))
            fail_msg("filter turned away \"%s\" (phrase %s)", sent.ptr, ja);
    }
    jaen_gloss_close(g);
    jaen_dictsrc_free(ds);
    jaen_buf_free(&src);
    jaen_buf_free(&sent);
}

/* Terms in text that folds: a composed mark (ハ + U+309A), half-width kana
 * with marks, full-width letters, and ㈱ that folds to three characters
 * before them, so that folded offsets differ from the original ones. */
static void test_doc_folding(void **state)
{
    struct jaen_gloss *g = basic();
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_buf out;
    struct jaen_err err;
    /* ㈱ ﾊﾟｽﾜｰﾄﾞ と パスワード と ＵＳＢメモリ */
    const char *line =
        "{\"text\":\"㈱ﾊﾟｽﾜｰﾄﾞとハ\u309aスワードとＵＳＢメモリ\","
        "\"sentences\":[{\"start\":0,\"end\":22,\"tokens\":"
        "[[0,1],[1,8],[8,9],[9,15],[15,16],[16,22]]}]}";
    const char *want =
        "\"terms\":[{\"start\":1,\"end\":8,\"ja\":\"ﾊﾟｽﾜｰﾄﾞ\","
        "\"en\":\"password\",\"concept\":\"data_item.password\","
        "\"entry\":\"ﾊﾟｽﾜｰﾄﾞ\"},{\"start\":9,\"end\":15,"
        "\"ja\":\"ハ\u309aスワード\"";
    (void)state;

    jaen_err_clear(&err);
    jaen_buf_init(&out, (size_t)1 << 30);
    assert_non_null(doc);
    if (jaen_doc_parse(doc, line, strlen(line), &err))
        fail_msg("parse: %s", err.msg);
    assert_int_equal(jaen_gloss_doc(g, doc, &err), 0);
    assert_int_equal(jaen_doc_write(doc, &out, &err), 0);
    if (!strstr(out.ptr, want))
        fail_msg("got %s", out.ptr);
    if (!strstr(out.ptr, "{\"start\":16,\"end\":22,\"ja\":\"ＵＳＢメモリ\""))
        fail_msg("no USB term in %s", out.ptr);
    jaen_buf_free(&out);
    jaen_doc_free(doc);
    jaen_gloss_close(g);
}

/* Every key of a generated 20,000-key glossary is found, with its own
 * entry, and no proper prefix that is not itself a key is. */
static void test_many_keys(void **state)
{
    struct jaen_dictsrc *ds = jaen_dictsrc_new();
    struct jaen_gloss *g;
    struct jaen_buf src;
    struct jaen_err err;
    unsigned seed = 7;
    size_t i;
    (void)state;

    jaen_buf_init(&src, (size_t)1 << 30);
    jaen_buf_adds(&src, "ja\ten\tconcept\n");
    for (i = 0; i < 20000; i++) {
        unsigned n = 1 + (seed = seed * 1103515245u + 12345u) % 5, k;
        jaen_buf_addf(&src, "K%zu", i);
        for (k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            jaen_buf_add_cp(&src, 0x4E00 + (seed >> 8) % 300);
        }
        jaen_buf_addf(&src, "\te%zu\tgen.k%zu\n", i, i);
    }
    jaen_err_clear(&err);
    assert_int_equal(jaen_dictsrc_parse(ds, "gen.tsv", src.ptr, src.len,
                                        JAEN_DICT_JAEN, 0, &err), 0);
    assert_int_equal(gloss_of(ds, "gen", &g, &err), 0);
    assert_int_equal(jaen_gloss_count(g), 20000);
    for (i = 0; i < jaen_dictsrc_nkeys(ds); i++) {
        const char *key;
        size_t klen, row;
        struct jaen_gloss_span sp;
        struct jaen_gloss_hit hit;
        struct jaen_gloss_entry e;
        assert_int_equal(jaen_dictsrc_key(ds, i, &key, &klen, &row), 1);
        sp.start = 0;
        sp.end = klen;
        assert_int_equal(jaen_gloss_match(g, key, klen, &sp, 1, &hit), 1);
        assert_int_equal(jaen_gloss_entry(g, hit.entry, &e, NULL), 0);
        assert_string_equal(e.ja, jaen_dictsrc_get(ds, row)->ja);
        sp.end = klen - 3;      /* a prefix: "K<digits>" is never a key */
        if (klen > 3 && key[klen - 4] >= '0' && key[klen - 4] <= '9')
            assert_int_equal(jaen_gloss_match(g, key, klen - 3, &sp, 1,
                                              &hit), 0);
    }
    jaen_gloss_close(g);
    jaen_dictsrc_free(ds);
    jaen_buf_free(&src);
}

/* The matcher against a brute-force reference: at each token start
 * (leftmost first) the longest run of tokens whose text is a key, then on
 * after it.  Random keys and texts over a small alphabet so that walks are
 * long and hits frequent; tokens of one to three characters, some with a
 * NOPOS start or end, some with a gap (a space) before them; glossaries
 * small (cached) and large (a trie of over 100,000 units). */
struct keyset {
    const struct jaen_dictsrc *ds;
    size_t *slot;               /* key index + 1, 0 when free */
    size_t size;
};

static size_t bytes_hash(const char *s, size_t n)
{
    size_t h = 1469598103934665603u, i;

    for (i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

/* The row of key s[0..n), or (size_t)-1. */
static size_t keyset_find(const struct keyset *ks, const char *s, size_t n,
                          int add, size_t k)
{
    size_t h = bytes_hash(s, n) % ks->size;

    for (; ks->slot[h]; h = (h + 1) % ks->size) {
        const char *key;
        size_t klen, row;
        jaen_dictsrc_key(ks->ds, ks->slot[h] - 1, &key, &klen, &row);
        if (klen == n && memcmp(key, s, n) == 0)
            return row;
    }
    if (add)
        ks->slot[h] = k + 1;
    return (size_t)-1;
}

static size_t ref_match(const struct keyset *ks, const char *text,
                        const struct jaen_gloss_span *toks, size_t ntok,
                        size_t *first, size_t *last, size_t *row)
{
    size_t i = 0, nh = 0, l;

    while (i < ntok) {
        size_t found = JAEN_GLOSS_NOPOS, r = (size_t)-1;
        /* a key has at most six characters, so at most six tokens */
        for (l = ntok - i > 6 ? i + 6 : ntok;
             toks[i].start != JAEN_GLOSS_NOPOS && l-- > i;) {
            if (toks[l].end == JAEN_GLOSS_NOPOS || toks[l].end <= toks[i].start)
                continue;
            r = keyset_find(ks, text + toks[i].start,
                            toks[l].end - toks[i].start, 0, 0);
            if (r != (size_t)-1) {
                found = l;
                break;
            }
        }
        if (found != JAEN_GLOSS_NOPOS) {
            first[nh] = i;
            last[nh] = found;
            row[nh++] = r;
            i = found + 1;
        } else {
            i++;
        }
    }
    return nh;
}

static uint32_t lcg(uint32_t *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return *seed >> 8;
}

/* Adds nkeys random keys of minlen to maxlen characters over alpha
 * letters to ds; a key drawn twice has the same target both times (the
 * key as a number), so it makes one row. */
static void add_random_keys(struct jaen_dictsrc *ds, size_t nkeys,
                            unsigned alpha, unsigned minlen, unsigned maxlen,
                            uint32_t *seed)
{
    struct jaen_buf src;
    size_t i;

    jaen_buf_init(&src, (size_t)1 << 30);
    jaen_buf_adds(&src, "ja\ten\tconcept\n");
    for (i = 0; i < nkeys; i++) {
        unsigned n = minlen + lcg(seed) % (maxlen - minlen + 1), k, c;
        unsigned long long v = n;
        for (k = 0; k < n; k++) {
            c = lcg(seed) % alpha;
            v = v * 2048 + c;       /* alpha <= 2048, maxlen <= 6 */
            jaen_buf_add_cp(&src, 0x4E00 + c);
        }
        jaen_buf_addf(&src, "\te%llu\tgen.k%llu\n", v, v);
    }
    assert_int_equal(jaen_dictsrc_parse(ds, "gen.tsv", src.ptr, src.len,
                                        JAEN_DICT_JAEN, 0, NULL), 0);
    jaen_buf_free(&src);
}

/* Matches text with g's matcher set to mode and compares the hits with
 * the reference's. */
static void check_matcher(struct jaen_gloss *g, enum jaen_gloss_matcher mode,
                          const struct keyset *ks, const char *text,
                          size_t len, const struct jaen_gloss_span *toks,
                          size_t n, size_t nh, const size_t *first,
                          const size_t *last, const size_t *row,
                          struct jaen_gloss_hit *hits)
{
    size_t k;

    jaen_gloss_set_matcher(g, mode);
    assert_int_equal(jaen_gloss_match(g, text, len, toks, n, hits), nh);
    for (k = 0; k < nh; k++) {
        struct jaen_gloss_entry e;
        assert_int_equal(hits[k].first, first[k]);
        assert_int_equal(hits[k].last, last[k]);
        assert_int_equal(jaen_gloss_entry(g, hits[k].entry, &e, NULL), 0);
        assert_string_equal(e.ja, jaen_dictsrc_get(ks->ds, row[k])->ja);
    }
}

/* Texts of one to maxtok tokens against a glossary of nkeys random keys
 * over alpha letters, with both matchers (the vector one where the CPU has
 * it): each must find the reference's hits. */
static void differential(size_t nkeys, unsigned alpha, size_t ntexts,
                         size_t maxtok)
{
    struct jaen_dictsrc *ds = jaen_dictsrc_new();
    struct jaen_gloss *g;
    struct jaen_buf text;
    struct jaen_err err;
    struct keyset ks;
    struct jaen_gloss_span *toks = calloc(maxtok, sizeof(*toks));
    struct jaen_gloss_hit *hits = calloc(maxtok, sizeof(*hits));
    size_t *first = calloc(maxtok, sizeof(size_t));
    size_t *last = calloc(maxtok, sizeof(size_t));
    size_t *row = calloc(maxtok, sizeof(size_t));
    uint32_t seed = (uint32_t)(nkeys + maxtok);
    size_t i, total = 0;
    int vector;

    assert_true(toks && hits && first && last && row);
    jaen_buf_init(&text, (size_t)1 << 24);
    add_random_keys(ds, nkeys, alpha, 1, 6, &seed);
    jaen_err_clear(&err);
    assert_true(jaen_dictsrc_nkeys(ds) > nkeys / 2);    /* few drawn twice */
    assert_int_equal(gloss_of(ds, "gen", &g, &err), 0);
    vector = jaen_gloss_set_matcher(g, JAEN_GLOSS_VECTOR);
    ks.ds = ds;
    ks.size = 4 * jaen_dictsrc_nkeys(ds);
    ks.slot = calloc(ks.size, sizeof(*ks.slot));
    assert_non_null(ks.slot);
    for (i = 0; i < jaen_dictsrc_nkeys(ds); i++) {
        const char *key;
        size_t klen, row1;
        jaen_dictsrc_key(ds, i, &key, &klen, &row1);
        assert_true(keyset_find(&ks, key, klen, 1, i) == (size_t)-1);
    }
    for (i = 0; i < ntexts; i++) {
        size_t n = 1 + lcg(&seed) % maxtok, k, nh;
        jaen_buf_reset(&text);
        for (k = 0; k < n; k++) {
            unsigned c = 1 + lcg(&seed) % 3, r = lcg(&seed) % 32;
            if (r == 0)
                jaen_buf_adds(&text, " ");
            toks[k].start = text.len;
            while (c--)
                jaen_buf_add_cp(&text, r == 1 ? 'a' : 0x4E00 + lcg(&seed)
                                % (alpha + 1));
            toks[k].end = text.len;
            if (r == 2)
                toks[k].start = JAEN_GLOSS_NOPOS;
            if (r == 3)
                toks[k].end = JAEN_GLOSS_NOPOS;
        }
        nh = ref_match(&ks, text.ptr, toks, n, first, last, row);
        check_matcher(g, JAEN_GLOSS_SCALAR, &ks, text.ptr, text.len, toks, n,
                      nh, first, last, row, hits);
        if (vector)
            check_matcher(g, JAEN_GLOSS_VECTOR, &ks, text.ptr, text.len,
                          toks, n, nh, first, last, row, hits);
        total += nh;
    }
    assert_true(total > ntexts);        /* the texts do hit */
    free(ks.slot);
    jaen_gloss_close(g);
    jaen_dictsrc_free(ds);
    jaen_buf_free(&text);
    free(toks);
    free(hits);
    free(first);
    free(last);
    free(row);
}

static void test_match_reference(void **state)
{
    (void)state;
    differential(60, 8, 3000, 48);      /* small: the array stays cached */
    differential(40000, 40, 3000, 48);  /* large: the array is not cached */
    /* sentences of many groups of token starts, and some longer than the
     * vector matcher takes (it hands those to the scalar one) */
    differential(60, 8, 300, 1500);
    differential(40000, 40, 300, 1500);
}

/* JAEN_GLOSS_AUTO takes the vector matcher for a large trie only. */
static void test_matcher_choice(void **state)
{
    struct jaen_dictsrc *ds = jaen_dictsrc_new();
    struct jaen_gloss *small, *large;
    uint32_t seed = 7;
    int vector;

    (void)state;
    add_random_keys(ds, 60000, 2000, 2, 5, &seed);
    assert_int_equal(gloss_of(ds, "large", &large, NULL), 0);
    small = basic();
    vector = jaen_gloss_set_matcher(large, JAEN_GLOSS_VECTOR);
    assert_int_equal(jaen_gloss_set_matcher(large, JAEN_GLOSS_AUTO), vector);
    assert_int_equal(jaen_gloss_set_matcher(large, JAEN_GLOSS_SCALAR), 0);
    assert_int_equal(jaen_gloss_set_matcher(small, JAEN_GLOSS_AUTO), 0);
    assert_int_equal(jaen_gloss_set_matcher(small, JAEN_GLOSS_VECTOR), vector);
    jaen_gloss_close(small);
    jaen_gloss_close(large);
    jaen_dictsrc_free(ds);
}

/* Writes an image to a temp file, edited by the callback. */
static char *image_file(void (*edit)(char *p, size_t *len))
{
    static const char *const paths[] = {FIXTURE, NULL};
    struct jaen_dictsrc *ds = jaen_dictsrc_new();
    struct jaen_buf img;
    static char path[256];
    FILE *f;

    (void)paths;
    jaen_buf_init(&img, (size_t)1 << 30);
    assert_int_equal(jaen_dictsrc_load(ds, FIXTURE, 0, 0, NULL), 0);
    assert_int_equal(jaen_gloss_build(ds, &img, NULL), 0);
    if (edit)
        edit(img.ptr, &img.len);
    snprintf(path, sizeof(path), "%s/test_gloss.%ld.dict", JAEN_BINARY_DIR,
             (long)getpid());
    f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(img.ptr, 1, img.len, f), img.len);
    fclose(f);
    jaen_buf_free(&img);
    jaen_dictsrc_free(ds);
    return path;
}

static void truncate_one(char *p, size_t *len)
{
    (void)p;
    *len -= 1;
}

static void truncate_header(char *p, size_t *len)
{
    (void)p;
    *len = 40;
}

static void bad_magic(char *p, size_t *len)
{
    (void)len;
    p[0] = 'X';
}

static void bad_version(char *p, size_t *len)
{
    uint32_t v = JAEN_GLOSSFMT_VERSION + 1;
    (void)len;
    memcpy(p + offsetof(struct jaen_glossfmt_header, version), &v, 4);
}

static void bad_flags(char *p, size_t *len)
{
    uint32_t v = JAEN_GLOSSFMT_F_LE | 0x100;
    (void)len;
    memcpy(p + offsetof(struct jaen_glossfmt_header, flags), &v, 4);
}

static void bad_header(char *p, size_t *len)
{
    (void)len;
    p[offsetof(struct jaen_glossfmt_header, n_entries)] ^= 1;
}

static void expect_refused(void (*edit)(char *, size_t *), int code,
                           const char *needle)
{
    struct jaen_gloss *g = (void *)1;
    struct jaen_err err;
    char *path = image_file(edit);

    jaen_err_clear(&err);
    assert_int_equal(jaen_gloss_open(path, &g, &err), code);
    assert_null(g);
    if (!strstr(err.msg, needle))
        fail_msg("message \"%s\" lacks \"%s\"", err.msg, needle);
    unlink(path);
}

static void test_loader(void **state)
{
    struct jaen_gloss *g;
    struct jaen_err err;
    char *path = image_file(NULL);
    (void)state;

    jaen_err_clear(&err);
    assert_int_equal(jaen_gloss_open(path, &g, &err), 0);
    assert_int_equal(jaen_gloss_count(g), 12);
    assert_true(jaen_gloss_source_hash(g) != 0);
    jaen_gloss_close(g);
    unlink(path);
    expect_refused(truncate_one, JAEN_EFORMAT, "truncated");
    expect_refused(truncate_header, JAEN_EFORMAT, "too short");
    expect_refused(bad_magic, JAEN_EFORMAT, "bad magic");
    expect_refused(bad_version, JAEN_EFORMAT, "version 2");
    expect_refused(bad_flags, JAEN_EFORMAT, "unknown feature flags");
    expect_refused(bad_header, JAEN_EFORMAT, "corrupt");
    jaen_err_clear(&err);
    assert_int_equal(jaen_gloss_open("/nonexistent/jaen.dict", &g, &err),
                     JAEN_EIO);
    jaen_err_clear(&err);
    assert_int_equal(jaen_gloss_open(FIXTURE, &g, &err), JAEN_EFORMAT);
    assert_non_null(strstr(err.msg, "not a jaen glossary"));
}

static void test_locate(void **state)
{
    char out[512];
    (void)state;
    assert_int_equal(jaen_gloss_locate("/x/a.dict", "/y/b.dict", out,
                                       sizeof(out), NULL), 0);
    assert_string_equal(out, "/x/a.dict");
    assert_int_equal(jaen_gloss_locate(NULL, "/y/b.dict", out, sizeof(out),
                                       NULL), 0);
    assert_string_equal(out, "/y/b.dict");
}

/* Every allocation of load + build can fail without a crash or a leak. */
static void test_oom(void **state)
{
    long n;
    (void)state;
    for (n = 1; n < 100000; n++) {
        struct jaen_dictsrc *ds = jaen_dictsrc_new();
        struct jaen_buf img;
        int rc = JAEN_ENOMEM;
        jaen_buf_init(&img, (size_t)1 << 30);
        jaen_alloc_fail_at(n);
        if (ds) {
            rc = jaen_dictsrc_load(ds, FIXTURE, 0, 0, NULL);
            if (!rc)
                rc = jaen_gloss_build(ds, &img, NULL);
        }
        jaen_alloc_fail_at(0);
        jaen_buf_free(&img);
        jaen_dictsrc_free(ds);
        if (rc == JAEN_OK)
            break;
        assert_int_equal(rc, JAEN_ENOMEM);
    }
    assert_true(n > 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_longest),
        cmocka_unit_test(test_token_boundaries),
        cmocka_unit_test(test_overlaps),
        cmocka_unit_test(test_variants_and_fold),
        cmocka_unit_test(test_nopos),
        cmocka_unit_test(test_phrase_lookup),
        cmocka_unit_test(test_phrase_filter),
        cmocka_unit_test(test_phrase_filter_many),
        cmocka_unit_test(test_doc_folding),
        cmocka_unit_test(test_many_keys),
        cmocka_unit_test(test_match_reference),
        cmocka_unit_test(test_matcher_choice),
        cmocka_unit_test(test_loader),
        cmocka_unit_test(test_locate),
        cmocka_unit_test(test_oom),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

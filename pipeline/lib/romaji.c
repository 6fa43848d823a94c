/* romaji.c: organization names into English from the glossary and ICU.
 *
 * Tables are built once per context from the glossary's rows: legal forms,
 * known organizations and katakana loanwords with plain English.  Lookups
 * are linear over the (small) form and organization tables and a binary
 * search over the loanwords, on width-folded text, so ＡＢＣ and ABC agree. */
#include "romaji.h"

#include "alloc.h"
#include "fold.h"
#include "glossfmt.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

/* Transliterator: kana to Hepburn, then plain ASCII (ō → o), without the
 * '~' that Katakana-Latin writes for a small kana it cannot join (エデュ:
 * "ede~yu"): a name has no use for the mark. */
#define ROMAJI_TRANS "Hiragana-Katakana; Katakana-Latin; Latin-ASCII; " \
    "[\\~] Remove"
#define ROMAJI_MAX_U16 1024     /* longest name part we romanize */
#define ROMAJI_MIN_WORD_CP 3    /* shortest loanword matched inside a name */

struct pair {
    char *ja;                   /* folded headword or variant */
    size_t len;                 /* its bytes */
    const char *en;             /* English, shared with other rows */
    int suffix;                 /* legal forms: only ever at the end */
    int en_last;                /* legal forms: English goes after the name */
};

struct table {
    struct pair *v;
    size_t n, alloc;
};

struct jaen_romaji {
    struct table forms;         /* legal_form.* */
    struct table orgs;          /* org.* */
    struct table words;         /* katakana loanwords, sorted by ja */
    char **ens;                 /* owned English strings */
    size_t nens, aens;
    UTransliterator *trans;
    UChar u[ROMAJI_MAX_U16];    /* scratch for the transliterator */
};

static void table_free(struct table *t)
{
    size_t i;

    for (i = 0; i < t->n; i++)
        jaen_free(t->v[i].ja);
    jaen_free(t->v);
}

void jaen_romaji_close(struct jaen_romaji *r)
{
    size_t i;

    if (!r)
        return;
    table_free(&r->forms);
    table_free(&r->orgs);
    table_free(&r->words);
    for (i = 0; i < r->nens; i++)
        jaen_free(r->ens[i]);
    jaen_free(r->ens);
    if (r->trans)
        utrans_close(r->trans);
    jaen_free(r);
}

/* Width-folds s into a new string. */
static char *fold_dup(const char *s, size_t len, size_t *outlen)
{
    struct jaen_buf b;
    char *p;

    jaen_buf_init(&b, 1 << 16);
    if (jaen_fold(s, len, &b, NULL, NULL, NULL) || jaen_buf_addc(&b, 0)) {
        jaen_buf_free(&b);
        return NULL;
    }
    p = jaen_buf_take(&b, outlen);
    if (p)
        *outlen -= 1;
    return p;
}

static int table_add(struct table *t, const char *ja, size_t len,
                     const char *en, int suffix, int en_last)
{
    struct pair *p;
    size_t flen;

    if (!len)
        return JAEN_OK;
    if (t->n == t->alloc) {
        size_t na = t->alloc ? 2 * t->alloc : 64;
        p = jaen_realloc(t->v, na * sizeof(*p));
        if (!p)
            return JAEN_ENOMEM;
        t->v = p;
        t->alloc = na;
    }
    p = &t->v[t->n];
    p->ja = fold_dup(ja, len, &flen);
    if (!p->ja)
        return JAEN_ENOMEM;
    p->len = flen;
    p->en = en;
    p->suffix = suffix;
    p->en_last = en_last;
    t->n++;
    return JAEN_OK;
}

/* Adds the headword and each '|'-separated variant of e. */
static int table_add_entry(struct table *t, const struct jaen_gloss_entry *e,
                           const char *en, int suffix, int en_last)
{
    const char *v = e->variants, *bar;
    int rc = table_add(t, e->ja, strlen(e->ja), en, suffix, en_last);

    while (!rc && *v) {
        bar = strchr(v, '|');
        if (!bar)
            bar = v + strlen(v);
        rc = table_add(t, v, (size_t)(bar - v), en, suffix, en_last);
        v = *bar ? bar + 1 : bar;
    }
    return rc;
}

static int is_katakana(uint32_t c)
{
    return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC;
}

/* Is s all katakana? */
static int all_katakana(const char *s, size_t len)
{
    size_t pos = 0;
    uint32_t c;

    if (!len)
        return 0;
    while (pos < len) {
        if (!jaen_utf8_next(s, len, &pos, &c) || !is_katakana(c))
            return 0;
    }
    return 1;
}

/* Is s plain English: ASCII letters, spaces and hyphens? */
static int plain_english(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')
              || *s == ' ' || *s == '-'))
            return 0;
    return 1;
}

static int keep_en(struct jaen_romaji *r, const char *en, const char **out)
{
    char **v;

    if (r->nens == r->aens) {
        size_t na = r->aens ? 2 * r->aens : 256;
        v = jaen_realloc(r->ens, na * sizeof(*v));
        if (!v)
            return JAEN_ENOMEM;
        r->ens = v;
        r->aens = na;
    }
    *out = r->ens[r->nens] = jaen_strdup(en);
    if (!*out)
        return JAEN_ENOMEM;
    r->nens++;
    return JAEN_OK;
}

static int pair_cmp(const void *a, const void *b)
{
    const struct pair *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->ja, y->ja, n);

    if (c)
        return c;
    return (x->len > y->len) - (x->len < y->len);
}

/* Legal forms whose English is a suffix of a company name. */
static int en_goes_last(const char *en, int suffix)
{
    size_t n = strlen(en);

    if (suffix)
        return 1;
    return (n >= 4 && strcmp(en + n - 4, "Ltd.") == 0)
           || strcmp(en, "LLC") == 0 || strstr(en, "Company") != NULL
           || strstr(en, "Bank") != NULL;
}

static int load_tables(struct jaen_romaji *r, const struct jaen_gloss *g,
                       struct jaen_err *err)
{
    size_t i, n = g ? jaen_gloss_count(g) : 0;
    struct jaen_gloss_entry e;
    const char *en;
    int rc = JAEN_OK, suffix;

    for (i = 0; i < n && !rc; i++) {
        rc = jaen_gloss_entry(g, i, &e, err);
        if (rc || e.kind != JAEN_GLOSSFMT_KIND_TERM || !*e.en)
            continue;
        if (strncmp(e.concept, "legal_form.", 11) == 0) {
            suffix = strcmp(e.pos, "suffix") == 0;
            rc = keep_en(r, e.en, &en);
            if (!rc)
                rc = table_add_entry(&r->forms, &e, en, suffix,
                                     en_goes_last(en, suffix));
        } else if (strncmp(e.concept, "org.", 4) == 0) {
            rc = keep_en(r, e.en, &en);
            if (!rc)
                rc = table_add_entry(&r->orgs, &e, en, 0, 0);
        } else if (all_katakana(e.ja, strlen(e.ja)) && plain_english(e.en)
                   && jaen_utf8_count(e.ja, strlen(e.ja))
                          >= ROMAJI_MIN_WORD_CP) {
            rc = keep_en(r, e.en, &en);
            if (!rc)
                rc = table_add(&r->words, e.ja, strlen(e.ja), en, 0, 0);
        }
    }
    if (rc == JAEN_ENOMEM)
        return jaen_err_set(err, rc, "out of memory");
    if (r->words.n)
        qsort(r->words.v, r->words.n, sizeof(*r->words.v), pair_cmp);
    return rc;
}

int jaen_romaji_open(const struct jaen_gloss *g, struct jaen_romaji **out,
                     struct jaen_err *err)
{
    struct jaen_romaji *r = jaen_calloc(1, sizeof(*r));
    UErrorCode st = U_ZERO_ERROR;
    UChar id[64];
    int rc;

    *out = NULL;
    if (!r)
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    u_uastrcpy(id, ROMAJI_TRANS);
    r->trans = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
    if (U_FAILURE(st)) {
        r->trans = NULL;
        jaen_romaji_close(r);
        return jaen_err_set(err, JAEN_EUSAGE,
                            "ICU transliterator '%s': %s", ROMAJI_TRANS,
                            u_errorName(st));
    }
    rc = load_tables(r, g, err);
    if (rc) {
        jaen_romaji_close(r);
        return rc;
    }
    *out = r;
    return JAEN_OK;
}

/* Capitalizes ASCII s[0..len) word by word onto out. */
static int add_capitalized(struct jaen_buf *out, const char *s, size_t len)
{
    size_t i;
    int start = 1, rc = JAEN_OK;

    for (i = 0; i < len && !rc; i++) {
        char c = s[i];
        if (start && c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        start = c == ' ' || c == '-';
        rc = jaen_buf_addc(out, c);
    }
    return rc;
}

static int add_word_sep(struct jaen_buf *out, size_t mark)
{
    if (out->len > mark && out->ptr[out->len - 1] != ' ')
        return jaen_buf_addc(out, ' ');
    return JAEN_OK;
}

/* Romanizes one run of kana with ICU and capitalizes it. */
static int translit(struct jaen_romaji *r, const char *s, size_t len,
                    struct jaen_buf *out)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0, limit;
    char u8[4 * ROMAJI_MAX_U16];
    int32_t n8 = 0;

    u_strFromUTF8(r->u, ROMAJI_MAX_U16 / 2, &n, s, (int32_t)len, &st);
    if (U_FAILURE(st))
        return JAEN_ELIMIT;
    limit = n;
    utrans_transUChars(r->trans, r->u, &n, ROMAJI_MAX_U16, 0, &limit, &st);
    if (U_FAILURE(st))
        return JAEN_ELIMIT;
    u_strToUTF8(u8, (int32_t)sizeof(u8), &n8, r->u, n, &st);
    if (U_FAILURE(st))
        return JAEN_ELIMIT;
    return add_capitalized(out, u8, (size_t)n8);
}

/* The longest loanword at s[0..len), by its byte length, or 0. */
static const struct pair *word_at(const struct jaen_romaji *r, const char *s,
                                  size_t len)
{
    const struct pair *best = NULL;
    struct pair key;
    size_t end = 0, ncp = 0;
    uint32_t c;

    if (!r->words.n)
        return NULL;        /* no loanword list loaded */
    while (end < len) {
        if (!jaen_utf8_next(s, len, &end, &c) || !is_katakana(c))
            break;
        ncp++;
        if (ncp < ROMAJI_MIN_WORD_CP)
            continue;
        key.ja = (char *)s;
        key.len = end;
        const struct pair *p = bsearch(&key, r->words.v, r->words.n,
                                       sizeof(*r->words.v), pair_cmp);
        if (p)
            best = p;
    }
    return best;
}

static int is_sep(uint32_t c)
{
    return c == ' ' || c == 0x3000 || c == 0x30FB || c == 0xFF65;
}

static int is_kana(uint32_t c)
{
    return (c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E
           || (is_katakana(c) && c != 0x30FB);
}

/* The loanword at s, when the run of kana goes on from its end only with
 * more loanwords: じもとホールディングス is "Jimoto Holdings" and
 * トラストバンク "Trust Bank", but ハウステンボス and ファーマインド are
 * names of their own, not ハウス "House" and ファーマ "Pharma" plus a
 * remainder. */
static const struct pair *word_chain(const struct jaen_romaji *r,
                                     const char *s, size_t len)
{
    const struct pair *w = word_at(r, s, len), *first = w;
    size_t pos = 0, next;
    uint32_t c;

    while (w) {
        pos += w->len;
        next = pos;
        if (pos >= len || !jaen_utf8_next(s, len, &next, &c) || !is_kana(c))
            return first;       /* the run ends with a loanword */
        w = word_at(r, s + pos, len - pos);
    }
    return NULL;
}

static int is_latin(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
           || (c >= '0' && c <= '9') || c == '&' || c == '-' || c == '.'
           || c == '\'';
}

int jaen_romaji_kana(struct jaen_romaji *r, const char *text, size_t len,
                     struct jaen_buf *out)
{
    size_t pos = 0, at, run0 = 0, mark = out->len;
    int in_run = 0, rc = JAEN_OK;
    uint32_t c;
    const struct pair *w;

    /* fail before the transliterator runs: kanji names are common */
    while (pos < len)
        if (!jaen_utf8_next(text, len, &pos, &c)
            || !(is_kana(c) || is_latin(c) || is_sep(c)))
            return JAEN_EDATA;
    pos = 0;
    while (pos <= len && !rc) {
        at = pos;
        c = 0;
        if (pos < len && !jaen_utf8_next(text, len, &pos, &c))
            return JAEN_EDATA;
        w = NULL;
        if (at < len && is_kana(c))
            w = word_chain(r, text + at, len - at);
        if (in_run && (at == len || !is_kana(c) || w)) {
            rc = add_word_sep(out, mark);
            if (!rc)
                rc = translit(r, text + run0, at - run0, out);
            in_run = 0;
        }
        if (rc || at == len)
            break;
        if (w) {
            rc = add_word_sep(out, mark);
            if (!rc)
                rc = add_capitalized(out, w->en, strlen(w->en));
            pos = at + w->len;
        } else if (is_kana(c)) {
            if (!in_run)
                run0 = at;
            in_run = 1;
        } else if (is_latin(c)) {
            if (at > 0 && out->len > mark && !is_latin((unsigned char)
                                                       text[at - 1]))
                rc = add_word_sep(out, mark);
            if (!rc)
                rc = jaen_buf_addc(out, (char)c);
        } else if (is_sep(c)) {
            rc = add_word_sep(out, mark);
        } else {
            out->len = mark;
            if (out->ptr)
                out->ptr[mark] = 0;
            return JAEN_EDATA;
        }
    }
    while (!rc && out->len > mark && out->ptr[out->len - 1] == ' ')
        out->ptr[--out->len] = 0;
    return rc;
}

static const struct pair *find_exact(const struct table *t, const char *s,
                                     size_t len)
{
    size_t i;

    for (i = 0; i < t->n; i++)
        if (t->v[i].len == len && memcmp(t->v[i].ja, s, len) == 0)
            return &t->v[i];
    return NULL;
}

/* The longest legal form at the start (at_end 0) or end of s. */
static const struct pair *find_form(const struct table *t, const char *s,
                                    size_t len, int at_end)
{
    const struct pair *best = NULL;
    size_t i;

    for (i = 0; i < t->n; i++) {
        const struct pair *p = &t->v[i];
        if (p->len >= len || (best && p->len <= best->len))
            continue;
        if (!at_end && p->suffix)
            continue;
        if (memcmp(at_end ? s + len - p->len : s, p->ja, p->len) == 0)
            best = p;
    }
    return best;
}

static void trim_spaces(const char *s, size_t *a, size_t *b)
{
    while (*a < *b && s[*a] == ' ')
        (*a)++;
    while (*b > *a && s[*b - 1] == ' ')
        (*b)--;
}

static int org_body(struct jaen_romaji *r, const char *s, size_t len,
                    struct jaen_buf *out)
{
    const struct pair *o = find_exact(&r->orgs, s, len);

    if (o)
        return jaen_buf_adds(out, o->en);
    return jaen_romaji_kana(r, s, len, out);
}

/* Does the English name end in a word that is itself a company form
 * (コーポレーション, カンパニー)?  Then the legal form's English after it
 * would say it twice. */
static int names_its_form(const char *en, size_t n)
{
    static const char *const words[] = {" Corporation", " Company"};
    size_t i, k;

    for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        k = strlen(words[i]);
        if (n >= k && memcmp(en + n - k, words[i], k) == 0)
            return 1;
    }
    return 0;
}

int jaen_romaji_org(struct jaen_romaji *r, const char *name, size_t len,
                    struct jaen_buf *out, int *found)
{
    size_t flen, a = 0, b, mark = out->len;
    char *f = fold_dup(name, len, &flen);
    const struct pair *o, *form;
    int rc = JAEN_OK, at_end = 0;

    *found = 0;
    if (!f)
        return JAEN_ENOMEM;
    b = flen;
    trim_spaces(f, &a, &b);
    o = find_exact(&r->orgs, f + a, b - a);
    if (o) {
        *found = 1;
        rc = jaen_buf_adds(out, o->en);
        goto out;
    }
    form = find_form(&r->forms, f + a, b - a, 0);
    if (form) {
        a += form->len;
    } else {
        form = find_form(&r->forms, f + a, b - a, 1);
        if (form) {
            b -= form->len;
            at_end = 1;
        }
    }
    trim_spaces(f, &a, &b);
    if (a >= b)
        goto out;
    if (form && !form->en_last && !at_end) {
        rc = jaen_buf_adds(out, form->en);
        if (!rc)
            rc = jaen_buf_addc(out, ' ');
    }
    if (!rc)
        rc = org_body(r, f + a, b - a, out);
    /* "Yamada Corporation", not "Yamada Corporation Co., Ltd." */
    if (!rc && form && (form->en_last || at_end)
        && !names_its_form(out->ptr + mark, out->len - mark)) {
        rc = jaen_buf_addc(out, ' ');
        if (!rc)
            rc = jaen_buf_adds(out, form->en);
    }
    if (rc == JAEN_EDATA) {
        rc = JAEN_OK;
        out->len = mark;
        if (out->ptr)
            out->ptr[mark] = 0;
        goto out;
    }
    *found = !rc;
out:
    jaen_free(f);
    return rc;
}

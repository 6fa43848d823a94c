/* seg.c: ICU sentence and word segmentation over code point offsets.
 *
 * Work is per line: UTF-8 is converted to UTF-16 a chunk at a time, ICU's
 * sentence iterator proposes breaks, breaks inside open quotes and inside
 * brackets that close later on the line are dropped, as is a break between
 * a closing quote or bracket and a particle that goes on (）の, 」と, ）より),
 * and each sentence is handed to the word iterator.  UTF-16 offsets become
 * code point offsets with a cursor that only moves forward, so the whole
 * pass is linear. */
#include "seg.h"

#include "alloc.h"
#include "limits.h"
#include "utf8.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

struct jaen_seg {
    UBreakIterator *sent;       /* ja sentence iterator */
    UBreakIterator *word;       /* ja word iterator */
    UChar *u;                   /* the current chunk in UTF-16 */
    size_t ualloc;
    struct jaen_sent *sents;
    size_t nsents, asents;
    struct jaen_tok *toks;
    size_t ntoks, atoks;
};

/* Maps UTF-16 offsets of the chunk to code points of the document. */
struct cursor {
    const UChar *u;
    int32_t upos;               /* UTF-16 offset reached */
    int64_t cp;                 /* the code point offset at upos */
};

static int64_t cursor_to(struct cursor *c, int32_t upos)
{
    while (c->upos < upos) {
        if (U16_IS_LEAD(c->u[c->upos]) && c->upos + 1 < upos
            && U16_IS_TRAIL(c->u[c->upos + 1]))
            c->upos += 2;
        else
            c->upos++;
        c->cp++;
    }
    return c->cp;
}

int jaen_seg_open(struct jaen_seg **out, struct jaen_err *err)
{
    struct jaen_seg *sg = jaen_calloc(1, sizeof(*sg));
    UErrorCode st = U_ZERO_ERROR;

    *out = NULL;
    if (!sg)
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    sg->sent = ubrk_open(UBRK_SENTENCE, "ja", NULL, 0, &st);
    if (U_SUCCESS(st))
        sg->word = ubrk_open(UBRK_WORD, "ja", NULL, 0, &st);
    if (U_FAILURE(st)) {
        jaen_seg_close(sg);
        return jaen_err_set(err, JAEN_EUSAGE, "cannot open ICU break "
                            "iterators: %s", u_errorName(st));
    }
    *out = sg;
    return JAEN_OK;
}

void jaen_seg_close(struct jaen_seg *sg)
{
    if (!sg)
        return;
    if (sg->sent)
        ubrk_close(sg->sent);
    if (sg->word)
        ubrk_close(sg->word);
    jaen_free(sg->u);
    jaen_free(sg->sents);
    jaen_free(sg->toks);
    jaen_free(sg);
}

static int is_space16(UChar c)
{
    return c == ' ' || c == '\t' || c == 0x3000 || u_isUWhiteSpace(c);
}

static int is_digit16(UChar c)
{
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

static int is_numsep16(UChar c)
{
    return c == ',' || c == '.' || c == 0xFF0C || c == 0xFF0E;
}

static int push_tok(struct jaen_seg *sg, int64_t a, int64_t b)
{
    if (sg->ntoks == sg->atoks) {
        size_t n = sg->atoks ? sg->atoks * 2 : 1024;
        struct jaen_tok *t = jaen_realloc(sg->toks, n * sizeof(*t));
        if (!t)
            return JAEN_ENOMEM;
        sg->toks = t;
        sg->atoks = n;
    }
    sg->toks[sg->ntoks].start = a;
    sg->toks[sg->ntoks].end = b;
    sg->ntoks++;
    return JAEN_OK;
}

/* Words of the sentence u[a..b) (already trimmed). */
static int words(struct jaen_seg *sg, struct cursor *cur, int32_t a,
                 int32_t b)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t x = a, y;
    int32_t pend_a = -1, pend_b = -1;   /* token waiting for a merge */
    int rc;

    ubrk_setText(sg->word, cur->u + a, b - a, &st);
    if (U_FAILURE(st))
        return JAEN_EUSAGE;
    while ((y = ubrk_next(sg->word)) != UBRK_DONE) {
        int32_t s = x, e = a + y, k;
        int blank = 1;
        x = e;
        for (k = s; k < e && blank; k++)
            blank = is_space16(cur->u[k]);
        if (blank)
            continue;
        /* 3 , 800 → 3,800 when ICU splits a full-width separator */
        if (pend_a >= 0 && pend_b == s && is_digit16(cur->u[s])
            && pend_b - pend_a >= 2 && is_numsep16(cur->u[pend_b - 1])
            && is_digit16(cur->u[pend_b - 2])) {
            pend_b = e;
            continue;
        }
        if (pend_a >= 0 && pend_b == s && e - s == 1
            && is_numsep16(cur->u[s]) && is_digit16(cur->u[pend_b - 1])
            && e < b && is_digit16(cur->u[e])) {
            pend_b = e;
            continue;
        }
        if (pend_a >= 0) {
            int64_t ca = cursor_to(cur, pend_a);
            if ((rc = push_tok(sg, ca, cursor_to(cur, pend_b))))
                return rc;
        }
        pend_a = s;
        pend_b = e;
    }
    if (pend_a >= 0) {
        int64_t ca = cursor_to(cur, pend_a);
        if ((rc = push_tok(sg, ca, cursor_to(cur, pend_b))))
            return rc;
    }
    return JAEN_OK;
}

static int sentence(struct jaen_seg *sg, struct cursor *cur, int32_t a,
                    int32_t b)
{
    struct jaen_sent *st;
    int rc;

    while (a < b && is_space16(cur->u[a]))
        a++;
    while (b > a && is_space16(cur->u[b - 1]))
        b--;
    if (a >= b)
        return JAEN_OK;
    if (sg->nsents == sg->asents) {
        size_t n = sg->asents ? sg->asents * 2 : 256;
        st = jaen_realloc(sg->sents, n * sizeof(*st));
        if (!st)
            return JAEN_ENOMEM;
        sg->sents = st;
        sg->asents = n;
    }
    st = &sg->sents[sg->nsents];
    memset(st, 0, sizeof(*st));
    st->start = cursor_to(cur, a);
    st->tok0 = sg->ntoks;
    if ((rc = words(sg, cur, a, b)))
        return rc;
    st = &sg->sents[sg->nsents++];
    st->ntok = sg->ntoks - st->tok0;
    st->end = cursor_to(cur, b);
    return JAEN_OK;
}

/* Quote depth change of one UTF-16 unit: 「『 open, 」』 close. */
static int quote(UChar c)
{
    return c == 0x300C || c == 0x300E ? 1 : c == 0x300D || c == 0x300F ? -1
                                                                       : 0;
}

/* Bracket depth change of one UTF-16 unit: （ ( open, ） ) close. */
static int paren(UChar c)
{
    return c == 0xFF08 || c == '(' ? 1 : c == 0xFF09 || c == ')' ? -1 : 0;
}

/* Whether the brackets open before u[b] (depth of them) close in u[b..n)
 * before the end of the line: only then is a break inside them dropped, so
 * that a stray （ does not swallow the rest of the line.  The answer holds
 * for every later break before *until, so each unit is looked at once. */
static int closes_later(const UChar *u, int32_t b, int32_t n, int depth,
                        int32_t *until, int *closes)
{
    int32_t k;

    if (b < *until)
        return *closes;
    for (k = b; k < n && u[k] != '\n'; k++) {
        depth += paren(u[k]);
        if (depth <= 0)
            break;
    }
    *closes = k < n && u[k] != '\n';
    *until = k;
    return *closes;
}

/* An opening bracket or quote, which ICU's rules leave at the end of the
 * sentence before it (they count it as closing punctuation). */
static int opener(UChar c)
{
    return c == 0xFF08 || c == '(' || c == 0x300C || c == 0x300E
           || c == 0x3010 || c == 0xFF3B || c == 0x3014;
}

/* Whether u[b..n), just after a closing quote or bracket, goes on with
 * the sentence: a particle (と, って, の, を, が, は, に, で, も, や, か, 、,
 * より, へ, および, まで), a passive (された, され…) or 旨 (「…。」旨を).
 * Words that start sentences (なお, また, さらに, お客様) do not. */
static int goes_on(const UChar *u, int32_t b, int32_t n)
{
    static const UChar two[][2] = {
        {0x3088, 0x308A},       /* より */
        {0x304A, 0x3088},       /* および */
        {0x307E, 0x3067},       /* まで */
        {0x3055, 0x308C},       /* され */
    };
    UChar c = u[b];
    size_t i;

    if (c == 0x3068 || c == 0x3063 || c == 0x306E || c == 0x3092
        || c == 0x304C || c == 0x306F || c == 0x306B || c == 0x3067
        || c == 0x3082 || c == 0x3084 || c == 0x304B || c == 0x3001
        || c == 0x3078 || c == 0x65E8)
        return 1;
    for (i = 0; i < sizeof(two) / sizeof(two[0]); i++)
        if (b + 1 < n && c == two[i][0] && u[b + 1] == two[i][1])
            return 1;
    return 0;
}

/* Segments one chunk u[0..n) whose first code point is at *cp. */
static int chunk(struct jaen_seg *sg, int32_t n, int64_t *cp)
{
    struct cursor cur = {sg->u, 0, *cp};
    UErrorCode st = U_ZERO_ERROR;
    int32_t start = 0, b, k = 0;
    int depth = 0, pdepth = 0, closes = 0, rc;
    int32_t until = 0;          /* closes_later's answer holds before this */

    ubrk_setText(sg->sent, sg->u, n, &st);
    if (U_FAILURE(st))
        return JAEN_EUSAGE;
    while ((b = ubrk_next(sg->sent)) != UBRK_DONE) {
        if (b < n && b - 1 > start && b - 1 >= k && opener(sg->u[b - 1]))
            b--;                /* 。（詳細は…）: the bracket opens the next */
        for (; k < b; k++) {
            depth += quote(sg->u[k]);
            if (depth < 0)
                depth = 0;      /* a stray closing mark */
            pdepth += paren(sg->u[k]);
            if (pdepth < 0)
                pdepth = 0;
        }
        if (depth > 0 && b < n)
            continue;           /* inside 「…」: not a sentence end */
        if (pdepth > 0 && b < n
            && closes_later(sg->u, b, n, pdepth, &until, &closes))
            continue;           /* （注：…。…）: the aside goes on */
        if (b < n && b >= 1 && (sg->u[b - 1] == 0x300D || sg->u[b - 1] == 0x300F
                                || sg->u[b - 1] == 0xFF09 || sg->u[b - 1] == ')')
            && goes_on(sg->u, b, n))
            continue;           /* 「…。」と述べた, （…といいます。）の: embedded */
        if (b < n && b >= 2 && (sg->u[b - 1] == '.' || sg->u[b - 1] == 0xFF0E)
            && is_digit16(sg->u[b - 2]))
            continue;           /* "1.経緯": a numbered heading, not an end */
        if (b < n && b >= 2 && sg->u[b - 1] == '.' && sg->u[b] >= 0x3000
            && ((sg->u[b - 2] >= 'A' && sg->u[b - 2] <= 'Z')
                || (sg->u[b - 2] >= 'a' && sg->u[b - 2] <= 'z')))
            continue;           /* SDN.BHD.（以下…, Inc.が: an abbreviation
                                 * that Japanese goes on after */
        if ((rc = sentence(sg, &cur, start, b)))
            return rc;
        start = b;
    }
    *cp = cursor_to(&cur, n);
    return JAEN_OK;
}

/* Where to cut a line that is longer than a chunk: after the last 。, else
 * after the last 、, else at a code point boundary, within s[0..max). */
static size_t cut(const char *s, size_t max)
{
    size_t i, half = max / 2;

    for (i = max; i > half; i--)
        if (i >= 3 && memcmp(s + i - 3, "\xE3\x80\x82", 3) == 0)   /* 。 */
            return i;
    for (i = max; i > half; i--)
        if (i >= 3 && memcmp(s + i - 3, "\xE3\x80\x81", 3) == 0)   /* 、 */
            return i;
    i = max;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

static int line(struct jaen_seg *sg, const char *s, size_t len, int64_t *cp)
{
    /* a chunk of UTF-8 bytes never yields more UTF-16 units than bytes */
    const size_t max = JAEN_SEG_CHUNK_U16;
    UErrorCode st = U_ZERO_ERROR;
    int rc;

    if (sg->ualloc < max + 1) {
        UChar *u = jaen_realloc(sg->u, (max + 1) * sizeof(UChar));
        if (!u)
            return JAEN_ENOMEM;
        sg->u = u;
        sg->ualloc = max + 1;
    }
    while (len > 0) {
        size_t n = len <= max ? len : cut(s, max);
        int32_t ulen = 0;
        if (n == 0)
            n = len <= max ? len : max;     /* cannot happen on valid UTF-8 */
        u_strFromUTF8WithSub(sg->u, (int32_t)sg->ualloc, &ulen, s,
                             (int32_t)n, 0xFFFD, NULL, &st);
        if (U_FAILURE(st))
            return JAEN_EUSAGE;
        if ((rc = chunk(sg, ulen, cp)))
            return rc;
        s += n;
        len -= n;
    }
    return JAEN_OK;
}

int jaen_seg_run(struct jaen_seg *sg, const char *text, size_t len,
                 struct jaen_sent **sents, size_t *nsents,
                 struct jaen_tok **toks, size_t *ntoks, struct jaen_err *err)
{
    size_t pos = 0;
    int64_t cp = 0;
    int rc;

    sg->nsents = 0;
    sg->ntoks = 0;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t e = nl ? (size_t)(nl - text) : len;
        if ((rc = line(sg, text + pos, e - pos, &cp)))
            return jaen_err_set(err, rc, "segmenting: %s",
                                jaen_strstatus(rc));
        if (nl)
            cp++;               /* the newline */
        pos = e + 1;
    }
    *sents = sg->sents;
    *nsents = sg->nsents;
    *toks = sg->toks;
    *ntoks = sg->ntoks;
    return JAEN_OK;
}

int jaen_seg_doc(struct jaen_seg *sg, struct jaen_doc *doc,
                 struct jaen_err *err)
{
    const char *text;
    size_t len, ns, nt;
    struct jaen_sent *s;
    struct jaen_tok *t;
    int rc;

    if ((rc = jaen_doc_text(doc, &text, &len, NULL, err)))
        return rc;
    if ((rc = jaen_seg_run(sg, text, len, &s, &ns, &t, &nt, err)))
        return rc;
    if ((rc = jaen_doc_set_sentences(doc, s, ns, t, nt)))
        return jaen_err_set(err, rc, "%s", jaen_strstatus(rc));
    return JAEN_OK;
}

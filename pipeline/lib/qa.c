/* qa.c: the four QA checks of `jaen check` (see qa.h).
 *
 * Numbers are compared as values, not as strings, so that 3,800 and 3800,
 * ３８００ and 3800, 16万 and 160,000 agree.  A Japanese entity passes when
 * the English has its value, or every digit run of its surface (a date
 * 2025年3月10日 is 2025, 3 and 10, found in "March 10, 2025"). */
#include "qa.h"

#include "alloc.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define MAX_NUMS 256        /* numbers kept per English sentence */

const char *jaen_qa_check_name(enum jaen_qa_check c)
{
    static const char *const names[JAEN_QA_NCHECKS] = {
        "empty_target", "untranslated", "number_mismatch", "term_missing"};
    return c < JAEN_QA_NCHECKS ? names[c] : "?";
}

static int is_japanese(uint32_t c)
{
    return (c >= 0x3040 && c <= 0x30FF)         /* hiragana, katakana */
           || (c >= 0x3400 && c <= 0x4DBF)      /* CJK extension A */
           || (c >= 0x4E00 && c <= 0x9FFF)      /* CJK unified */
           || (c >= 0xF900 && c <= 0xFAFF)      /* compatibility */
           || (c >= 0xFF66 && c <= 0xFF9D)      /* half-width katakana */
           || (c >= 0x20000 && c <= 0x3134F);   /* extensions B-G */
}

int jaen_qa_has_japanese(const char *s, size_t len, size_t *at)
{
    size_t pos = 0, before;
    uint32_t c;

    while (pos < len) {
        before = pos;
        jaen_utf8_next(s, len, &pos, &c);
        if (is_japanese(c)) {
            if (at)
                *at = before;
            return 1;
        }
    }
    return 0;
}

static int word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
           || (c >= '0' && c <= '9') || c >= 0x80;
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

int jaen_qa_find_term(const char *s, size_t len, const char *term,
                      size_t tlen, size_t from_cp, size_t *start,
                      size_t *end)
{
    size_t i = 0, cp = 0, k, e;

    if (tlen == 0 || tlen > len)
        return 0;
    while (i < len && cp < from_cp) {
        i++;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        cp++;
    }
    for (; i + tlen <= len; ) {
        for (k = 0; k < tlen && lower((unsigned char)s[i + k])
                                    == lower((unsigned char)term[k]); k++)
            ;
        e = i + tlen;
        if (k == tlen && e < len && word_byte((unsigned char)s[e])
            && word_byte((unsigned char)term[tlen - 1])) {
            /* a plural: "customers" for "customer" */
            if (lower((unsigned char)s[e]) == 's')
                e++;
            else if (e + 1 < len && lower((unsigned char)s[e]) == 'e'
                     && lower((unsigned char)s[e + 1]) == 's')
                e += 2;
        }
        if (k == tlen
            && (i == 0 || !word_byte((unsigned char)term[0])
                || !word_byte((unsigned char)s[i - 1]))
            && (e >= len || !word_byte((unsigned char)term[tlen - 1])
                || !word_byte((unsigned char)s[e]))) {
            *start = cp;
            *end = cp + jaen_utf8_count(term, tlen);
            return 1;
        }
        i++;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        cp++;
    }
    return 0;
}

/* ---- numbers ---- */

static void put(double *vals, size_t cap, size_t *n, double v)
{
    if (*n < cap)
        vals[*n] = v;
    (*n)++;
}

/* An ASCII digit for c (full-width folded), or -1. */
static int digit(uint32_t c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 0xFF10 && c <= 0xFF19)
        return (int)(c - 0xFF10);
    return -1;
}

/* Reads a digit run at s[*pos]: 1,234.5 (commas only between groups of
 * three digits).  Returns its value and advances *pos. */
static double read_run(const char *s, size_t len, size_t *pos, int date)
{
    double v = 0, scale = 0.1;
    size_t p = *pos, q;
    uint32_t c;
    int frac = 0, d;

    while (p < len) {
        q = p;
        jaen_utf8_next(s, len, &q, &c);
        d = digit(c);
        if (d >= 0) {
            if (frac) {
                v += d * scale;
                scale /= 10;
            } else {
                v = v * 10 + d;
            }
            p = q;
            continue;
        }
        if ((c == ',' || c == 0xFF0C) && !frac) {
            size_t r = q, k = 0;
            uint32_t c2;
            while (r < len && k < 4) {
                size_t r2 = r;
                jaen_utf8_next(s, len, &r2, &c2);
                if (digit(c2) < 0)
                    break;
                r = r2, k++;
            }
            if (k == 3) {
                p = q;
                continue;
            }
        }
        /* in a date (2025.07.11) a dot separates fields */
        if ((c == '.' || c == 0xFF0E) && !frac && !date && q < len) {
            size_t r = q;
            uint32_t c2;
            jaen_utf8_next(s, len, &r, &c2);
            if (digit(c2) >= 0) {
                frac = 1;
                p = q;
                continue;
            }
        }
        break;
    }
    *pos = p;
    return v;
}

/* Does s[pos..] start with word w (ASCII case-insensitive), ending a
 * word?  Returns its length or 0. */
static size_t word_at(const char *s, size_t len, size_t pos, const char *w)
{
    size_t k, wl = strlen(w);

    if (pos + wl > len)
        return 0;
    for (k = 0; k < wl; k++)
        if (lower((unsigned char)s[pos + k]) != (unsigned char)w[k])
            return 0;
    if (pos + wl < len && word_byte((unsigned char)s[pos + wl])
        && (unsigned char)w[0] < 0x80)
        return 0;
    return wl;
}

size_t jaen_qa_numbers(const char *s, size_t len, double *vals, size_t cap)
{
    static const char *const months[] = {
        "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};
    static const char *const mon3[] = {"jan", "feb", "mar", "apr", "may",
                                       "jun", "jul", "aug", "sep", "oct",
                                       "nov", "dec"};
    static const char *const words[] = {
        "zero", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
    static const struct {
        const char *w;
        double mult;
    } mults[] = {{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9},
                 {"trillion", 1e12}, {"万", 1e4}, {"億", 1e8}, {"千", 1e3}};
    size_t pos = 0, n = 0, k, q;
    uint32_t c;

    while (pos < len) {
        q = pos;
        jaen_utf8_next(s, len, &q, &c);
        if (digit(c) >= 0) {
            double v = read_run(s, len, &pos, 0);
            size_t p = pos;
            put(vals, cap, &n, v);
            while (p < len && s[p] == ' ')
                p++;
            for (k = 0; k < sizeof(mults) / sizeof(mults[0]); k++)
                if (word_at(s, len, p, mults[k].w)) {
                    put(vals, cap, &n, v * mults[k].mult);
                    break;
                }
            continue;
        }
        if (c < 0x80 && word_byte((unsigned char)c)
            && (pos == 0 || !word_byte((unsigned char)s[pos - 1]))) {
            for (k = 0; k < 12; k++)
                if (word_at(s, len, pos, months[k])
                    || word_at(s, len, pos, mon3[k])
                    || (k == 8 && word_at(s, len, pos, "sept")))
                    put(vals, cap, &n, (double)(k + 1));
            for (k = 0; k < 21; k++)
                if (word_at(s, len, pos, words[k]))
                    put(vals, cap, &n, (double)k);
            if (word_at(s, len, pos, "noon"))
                put(vals, cap, &n, 12);
            while (pos < len && word_byte((unsigned char)s[pos])
                   && (unsigned char)s[pos] < 0x80)
                pos++;
            continue;
        }
        pos = q;
    }
    return n;
}

static int in_set(const double *vals, size_t n, double v)
{
    size_t i;

    for (i = 0; i < n && i < MAX_NUMS; i++)
        if (fabs(vals[i] - v) <= 1e-9 * (fabs(v) > 1 ? fabs(v) : 1))
            return 1;
    return 0;
}

/* Does every digit run of the entity's surface appear in the English?  An
 * era year (令和7年, R7) stands for the value's western year; an hour (15時)
 * may be written on the 12-hour clock.  *nruns gets the count of runs. */
static int runs_found(const char *surf, const char *const *years,
                      size_t nyears, const double *en, size_t nen,
                      size_t *nruns)
{
    size_t nera = 0;                /* era years seen so far */
    static const char *const eras[] = {"令和", "平成", "昭和", "大正", "明治",
                                       "R", "H", "S", NULL};
    size_t len = strlen(surf), pos = 0, q, k;
    uint32_t c;
    int ok = 1;

    *nruns = 0;
    while (pos < len) {
        q = pos;
        jaen_utf8_next(surf, len, &q, &c);
        if (digit(c) < 0) {
            pos = q;
            continue;
        }
        {
            size_t at = pos;
            double v = read_run(surf, len, &pos, nyears > 0);
            size_t back = at, fwd = pos;
            int era = 0, hour;
            /* 令和 6 年, 午後 8 時: spaces may stand between */
            while (back > 0 && surf[back - 1] == ' ')
                back--;
            while (fwd < len && surf[fwd] == ' ')
                fwd++;
            for (k = 0; eras[k]; k++) {
                size_t el = strlen(eras[k]);
                if (back >= el && memcmp(surf + back - el, eras[k], el) == 0)
                    era = 1;
            }
            /* the Nth era year of a range is the Nth of its values
             * (value, or from and to) */
            if (era && nyears) {
                const char *value = years[nera < nyears ? nera : nyears - 1];
                nera++;
                if (strlen(value) >= 4 && value[0] >= '0' && value[0] <= '9') {
                    v = 0;
                    for (k = 0; k < 4; k++)
                        v = v * 10 + (value[k] - '0');
                }
            }
            hour = fwd + 3 <= len && memcmp(surf + fwd, "時", 3) == 0;
            (*nruns)++;
            if (!in_set(en, nen, v)
                && !(hour && (in_set(en, nen, v - 12)
                              || in_set(en, nen, v + 12))))
                ok = 0;
        }
    }
    return ok;
}

/* ---- the checks ---- */

static int add_finding(json_t *findings, struct jaen_doc *doc, size_t i,
                       const struct jaen_sent *s, enum jaen_qa_check check,
                       const char *msg, const char *ja, size_t jalen,
                       const char *en, struct jaen_qa_totals *t)
{
    json_t *f = json_pack("{s:s,s:I,s:I,s:I,s:s,s:s,s:s%,s:s?}", "id",
                          jaen_doc_id(doc), "sentence", (json_int_t)i,
                          "start", (json_int_t)s->start, "end",
                          (json_int_t)s->end, "check",
                          jaen_qa_check_name(check), "message", msg, "ja",
                          ja, jalen, "en", en);

    if (!f || json_array_append_new(findings, f))
        return JAEN_ENOMEM;
    t->findings[check]++;
    return JAEN_OK;
}

static int key_concept(const char *c)
{
    static const char *const key[] = {"incident_type.", "attack.", "malware.",
                                      "vuln.", "data_item.", "regulator.",
                                      "law.", "standard.", NULL};
    const char *const *k;

    for (k = key; *k; k++)
        if (strncmp(c, *k, strlen(*k)) == 0)
            return 1;
    return 0;
}

/* Byte offset of code point cp, walking from (byte b0, cp c0). */
static size_t byte_at(const char *text, size_t len, size_t b0, int64_t c0,
                      int64_t cp)
{
    while (c0 < cp && b0 < len) {
        b0++;
        while (b0 < len && ((unsigned char)text[b0] & 0xC0) == 0x80)
            b0++;
        c0++;
    }
    return b0;
}

static int check_numbers(struct jaen_doc *doc, const struct jaen_sent *s,
                         const char *en, json_t *findings, size_t i,
                         const char *ja, size_t jalen,
                         struct jaen_qa_totals *t)
{
    json_t *ents = jaen_doc_get(doc, JAEN_F_ENTITIES, NULL), *e;
    double *vals;
    size_t nen, k, nruns;
    char msg[256];
    int rc = JAEN_OK;

    if (!json_is_array(ents) || json_array_size(ents) == 0)
        return JAEN_OK;
    vals = jaen_malloc(MAX_NUMS * sizeof(*vals));
    if (!vals)
        return JAEN_ENOMEM;
    nen = jaen_qa_numbers(en, strlen(en), vals, MAX_NUMS);
    json_array_foreach(ents, k, e) {
        json_int_t a = json_integer_value(json_object_get(e, "start"));
        json_int_t b = json_integer_value(json_object_get(e, "end"));
        const char *surf = json_string_value(json_object_get(e, "surface"));
        const json_t *v = json_object_get(e, "value");
        const char *years[2];
        size_t ny = 0;
        int runs_ok;
        if (a < s->start || b > s->end || !surf)
            continue;
        /* 24時間365日 is rendered "24/7" */
        {
            const char *iso = json_string_value(json_object_get(e, "iso"));
            if (iso && strcmp(iso, "24/7") == 0 && strstr(en, "24/7"))
                continue;
        }
        if (json_is_string(v))
            years[ny++] = json_string_value(v);
        else {
            const char *from = json_string_value(json_object_get(e, "from"));
            const char *to = json_string_value(json_object_get(e, "to"));
            if (from)
                years[ny++] = from;
            if (to)
                years[ny++] = to;
        }
        runs_ok = runs_found(surf, years, ny, vals, nen, &nruns);
        if (json_is_number(v) && in_set(vals, nen, json_number_value(v)))
            continue;
        if (nruns > 0 && runs_ok)
            continue;
        if (nruns == 0 && !json_is_number(v))
            continue;       /* 同日, 数十件: nothing written to compare */
        if (json_is_number(v))
            snprintf(msg, sizeof(msg), "%s (%.15g) is not in the English",
                     surf, json_number_value(v));
        else
            snprintf(msg, sizeof(msg), "%s is not in the English", surf);
        rc = add_finding(findings, doc, i, s, JAEN_QA_NUMBER, msg, ja, jalen,
                         en, t);
        if (rc)
            break;
    }
    jaen_free(vals);
    return rc;
}

/* For a term of several words, is its longest word in the English?  A
 * compound glossary English ("ransomware damage") is often rendered with
 * its key word and another head ("ransomware attack"). */
static int head_found(const char *en, const char *term)
{
    const char *p = term, *best = NULL;
    size_t bl = 0, l, a, b;

    if (!strchr(term, ' '))
        return 0;
    while (*p) {
        l = strcspn(p, " ");
        if (l > bl)
            best = p, bl = l;
        p += l;
        p += strspn(p, " ");
    }
    return best && bl >= 4
           && jaen_qa_find_term(en, strlen(en), best, bl, 0, &a, &b);
}

static int check_terms(struct jaen_doc *doc, const struct jaen_sent *s,
                       const char *en, enum jaen_qa_terms which,
                       json_t *findings, size_t i, const char *ja,
                       size_t jalen, struct jaen_qa_totals *t)
{
    json_t *terms = jaen_doc_get(doc, JAEN_F_TERMS, NULL), *x;
    const json_t *ph = s->extra ? json_object_get(s->extra, "phrase") : NULL;
    const char *phen = json_string_value(json_object_get(ph, "en"));
    size_t k, a, b;
    char msg[256];
    int rc;

    if (which == JAEN_QA_TERMS_NONE || (phen && strcmp(phen, en) == 0))
        return JAEN_OK;
    json_array_foreach(terms, k, x) {
        json_int_t ts = json_integer_value(json_object_get(x, "start"));
        json_int_t te = json_integer_value(json_object_get(x, "end"));
        const char *c = json_string_value(json_object_get(x, "concept"));
        const char *ten = json_string_value(json_object_get(x, "en"));
        const char *tja = json_string_value(json_object_get(x, "ja"));
        if (ts < s->start || te > s->end || !c || !ten || !tja)
            continue;
        if (which == JAEN_QA_TERMS_KEY && !key_concept(c))
            continue;
        if (jaen_qa_find_term(en, strlen(en), ten, strlen(ten), 0, &a, &b)
            || head_found(en, ten))
            continue;
        snprintf(msg, sizeof(msg), "%s: \"%s\" is not in the English", tja,
                 ten);
        rc = add_finding(findings, doc, i, s, JAEN_QA_TERM, msg, ja, jalen,
                         en, t);
        if (rc)
            return rc;
    }
    return JAEN_OK;
}

static int blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return 0;
    return 1;
}

int jaen_qa_check_doc(struct jaen_doc *doc, enum jaen_qa_terms terms,
                      json_t *findings, struct jaen_qa_totals *t,
                      struct jaen_err *err)
{
    const char *text;
    size_t len, ncp, ns, ntok, i, b0 = 0, jb, je, at;
    int64_t c0 = 0;
    struct jaen_sent *ss;
    const struct jaen_tok *toks;
    char msg[256];
    int rc = JAEN_OK;

    t->docs++;
    if (jaen_doc_text(doc, &text, &len, &ncp, NULL)
        || jaen_doc_sentences(doc, &ss, &ns, &toks, &ntok, NULL) || ns == 0) {
        t->skipped_docs++;
        return JAEN_OK;
    }
    for (i = 0; i < ns && !rc; i++) {
        const struct jaen_sent *s = &ss[i];
        const char *en = json_string_value(
            s->extra ? json_object_get(s->extra, "en") : NULL);
        if (s->start < c0 || s->end > (int64_t)ncp)
            break;
        jb = byte_at(text, len, b0, c0, s->start);
        je = byte_at(text, len, jb, s->start, s->end);
        b0 = je, c0 = s->end;
        t->sentences++;
        if (!en || blank(en)) {
            rc = add_finding(findings, doc, i, s, JAEN_QA_EMPTY,
                             en ? "the English is empty"
                                : "no English (the sentence was not "
                                  "translated)", text + jb, je - jb, en, t);
            continue;
        }
        if (strlen(en) == je - jb && memcmp(en, text + jb, je - jb) == 0
            && jaen_qa_has_japanese(en, strlen(en), NULL)) {
            rc = add_finding(findings, doc, i, s, JAEN_QA_UNTRANSLATED,
                             "the English is identical to the Japanese",
                             text + jb, je - jb, en, t);
            continue;
        }
        if (jaen_qa_has_japanese(en, strlen(en), &at)) {
            size_t n = 0, p = at;
            uint32_t c;
            while (p < strlen(en) && n < 12) {
                size_t q = p;
                jaen_utf8_next(en, strlen(en), &q, &c);
                if (!is_japanese(c) && n > 0)
                    break;
                p = q, n++;
            }
            snprintf(msg, sizeof(msg), "Japanese left in the English: "
                     "\"%.*s\"", (int)(p - at), en + at);
            rc = add_finding(findings, doc, i, s, JAEN_QA_UNTRANSLATED, msg,
                             text + jb, je - jb, en, t);
        }
        if (!rc)
            rc = check_numbers(doc, s, en, findings, i, text + jb, je - jb,
                               t);
        if (!rc)
            rc = check_terms(doc, s, en, terms, findings, i, text + jb,
                             je - jb, t);
    }
    if (rc)
        return jaen_err_set(err, rc, "out of memory");
    return JAEN_OK;
}

/* norm.c: the entity scanner: fold, decode, pre-filter, match, emit.
 *
 * The text is folded once (jaen_fold) and decoded to code points; the loop
 * only stops at code points that can start an entity (digits, kanji
 * numerals, era names, 午前/午後).  Dates and times are tried first
 * (dates.c), then numerals with their unit and qualifiers (normqty.c).  A
 * position is never looked at twice, so the scan is linear. */
#include "norm.h"

#include "alloc.h"
#include "cps.h"
#include "dates.h"
#include "fold.h"
#include "limits.h"
#include "normint.h"
#include "num.h"
#include "units.h"
#include "utf8.h"

#include <pthread.h>
#include <string.h>

#define U JAEN_U

static size_t lead_len(unsigned char b)
{
    return b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

int jaen_norm_new_entity(struct jaen_norm_scan *sc, const char *type,
                         size_t fs, size_t fe, json_t **obj)
{
    int64_t os = sc->map[fs], oe = sc->map[fe];
    size_t b0, b1;
    json_t *o;

    /* a span that ends inside a character folded to several (㏰ is 17日)
     * covers that whole character: never an empty span */
    if (fe > fs && oe <= sc->map[fe - 1])
        oe = sc->map[fe - 1] + 1;

    /* starts only move forward, so one cursor walks the original text;
     * it is valid UTF-8, so the lead byte gives each length */
    while ((int64_t)sc->cur_cp < os && sc->cur_byte < sc->len) {
        sc->cur_byte += lead_len((unsigned char)sc->text[sc->cur_byte]);
        sc->cur_cp++;
    }
    if (sc->cur_byte > sc->len)
        sc->cur_byte = sc->len;
    b0 = sc->cur_byte;
    b1 = b0;
    for (int64_t k = os; k < oe && b1 < sc->len; k++)
        b1 += lead_len((unsigned char)sc->text[b1]);
    if (b1 > sc->len)
        b1 = sc->len;
    o = json_object();
    *obj = o;
    if (!o ||
        json_object_set_new(o, "type", json_string(type)) ||
        json_object_set_new(o, "start", json_integer(os)) ||
        json_object_set_new(o, "end", json_integer(oe)) ||
        json_object_set_new(o, "surface",
                            json_stringn(sc->text + b0, b1 - b0)))
        return JAEN_ENOMEM;
    return JAEN_OK;
}

int jaen_norm_append(struct jaen_norm_scan *sc, json_t *obj)
{
    if (json_array_append_new(sc->arr, obj))
        return JAEN_ENOMEM;
    return JAEN_OK;
}

/* Sets key to a new value, failing on allocation. */
int jaen_norm_set(json_t *obj, const char *key, json_t *v)
{
    return json_object_set_new(obj, key, v) ? JAEN_ENOMEM : JAEN_OK;
}

/* Can c start an entity?  The cheap pre-filter of the loop. */
static int trigger_slow(uint32_t c)
{
    if (c < 0x80)
        return jaen_cps_digit(c) || c == 'R' || c == 'H' || c == 'S' ||
               c == 'h' || c == 'w';
    if (c < 0x4E00)
        return c == 0x3007;                             /* 〇 */
    return jaen_num_is_numeral_cp(c) || c == 0x4EE4 || c == 0x5E73 ||
           c == 0x662D || c == 0x5927 || c == 0x660E || /* 令平昭大明 */
           c == 0x5348 || c == 0x6B63 || c == 0x6DF1 || /* 午正深 */
           c == 0x672A || c == 0x65E9 || c == 0x671D || /* 未早朝 */
           c == 0x5915 || c == 0x591C ||                /* 夕夜 */
           c == 0x540C || c == 0x7FCC || c == 0x5F53;   /* 同翌当 */
}

/* trigger_slow as a bitmap over ASCII and the CJK block, where nearly all
 * text is: the scan asks once per code point. */
#define TRIG_LO 0x4E00u
#define TRIG_HI 0xA000u
static uint64_t trig_ascii[2];
static uint64_t trig_cjk[(TRIG_HI - TRIG_LO) / 64];
static pthread_once_t trig_once = PTHREAD_ONCE_INIT;

static void trigger_init(void)
{
    uint32_t c;

    for (c = 0; c < 0x80; c++)
        if (trigger_slow(c))
            trig_ascii[c >> 6] |= (uint64_t)1 << (c & 63);
    for (c = TRIG_LO; c < TRIG_HI; c++)
        if (trigger_slow(c))
            trig_cjk[(c - TRIG_LO) >> 6] |= (uint64_t)1 << (c & 63);
}

static inline int trigger(uint32_t c)
{
    if (c < 0x80)
        return (int)(trig_ascii[c >> 6] >> (c & 63)) & 1;
    if (c >= TRIG_LO && c < TRIG_HI)
        return (int)(trig_cjk[(c - TRIG_LO) >> 6] >> (c & 63)) & 1;
    return trigger_slow(c);
}

/* Characters of a URL or an e-mail address. */
static int url_char(uint32_t c)
{
    return c > 0x20 && c < 0x7F && c != '"' && c != '<' && c != '>' &&
           c != '(' && c != ')' && c != '[' && c != ']';
}

/* Past a URL starting at i (http://, https://, www.), or i. */
static size_t skip_url(const uint32_t *s, size_t n, size_t i)
{
    size_t j = i;
    if (!jaen_cps_lit(s, n, i, U("http://")) &&
        !jaen_cps_lit(s, n, i, U("https://")) &&
        !jaen_cps_lit(s, n, i, U("www.")))
        return i;
    if (i > 0 && (jaen_cps_alpha(s[i - 1]) || jaen_cps_digit(s[i - 1])))
        return i;
    while (j < n && url_char(s[j]))
        j++;
    return j;
}

/* End of the run of digits and digit separators at i: what an excluded
 * token (a version, a phone number, an IP address) spans. */
static size_t token_end(const uint32_t *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && (jaen_cps_digit(s[j]) || jaen_cps_alpha(s[j]) ||
                     ((s[j] == '.' || s[j] == '-' || s[j] == '_' ||
                       s[j] == ':' || s[j] == '/') &&
                      j + 1 < n && (jaen_cps_digit(s[j + 1]) ||
                                    jaen_cps_alpha(s[j + 1])))))
        j++;
    return j;
}

static size_t skip_sp(const uint32_t *s, size_t n, size_t i)
{
    return (i < n && jaen_cps_space(s[i])) ? i + 1 : i;
}

/* Whether the ASCII digits at i are not a quantity: part of a word
 * (Windows10, CVE-2024-1234, v1.2), an IP or version (1.2.3), a phone or
 * postal code (03-1234-5678, 〒100-0001), an item number (第2報, (1), 1.
 * at a line start, ※1, No.3, #2) or a long leading-zero code. */
static int excluded(const uint32_t *s, size_t n, size_t i)
{
    size_t j = i, dots = 0, dashes = 0, k;
    uint32_t p = i > 0 ? s[i - 1] : '\n';

    while (j < n && (jaen_cps_digit(s[j]) || s[j] == ','))
        j++;
    if (jaen_cps_alpha(p) && jaen_unit_match(s, n, skip_sp(s, n, j), &k))
        return 0;                                       /* ID43,451件 */
    j = i;
    if (jaen_cps_alpha(p) || p == '_' || p == '#' || p == '@' ||
        p == 0x203B || p == 0x7B2C || p == 0x3012 || p == '+' ||
        p == 0x2116)                                    /* ※ 第 〒 № */
        return 1;
    if (p == '"' || p == '=' || p == '\'' ||
        (jaen_cps_space(p) && i > 1 && s[i - 2] == 0x7B2C))
        return 1;                                       /* width="3", 第 5 */
    if (p == '.' && i > 1 && (jaen_cps_alpha(s[i - 2]) ||
                              jaen_cps_digit(s[i - 2])))
        return 1;
    if (p == '-' && i > 1 && (jaen_cps_digit(s[i - 2]) ||
                              jaen_cps_alpha(s[i - 2])))
        return 1;
    while (j < n && (jaen_cps_digit(s[j]) || s[j] == ','))
        j++;
    if (p == ' ' && i > 1 && jaen_cps_alpha(s[i - 2]) &&
        !jaen_unit_match(s, n, skip_sp(s, n, j), &k))
        return 1;                                       /* Windows 11 */
    j = i;
    while (j < n && jaen_cps_digit(s[j]))
        j++;
    if (s[i] == '0' && j - i >= 4)
        return 1;
    for (k = i; k < n; k++) {
        if (jaen_cps_digit(s[k]))
            continue;
        if (k + 1 < n && jaen_cps_digit(s[k + 1]) &&
            (s[k] == '.' || s[k] == '-')) {
            dots += s[k] == '.';
            dashes += s[k] == '-';
            continue;
        }
        break;
    }
    if (dots >= 2 || dashes >= 1)
        return 1;
    if (k < n && jaen_cps_alpha(s[k]) &&
        !(k + 1 < n && (s[k] == 'G' || s[k] == 'T' || s[k] == 'M' ||
                        s[k] == 'K') && s[k + 1] == 'B'))
        return 1;                                       /* 5G, 2FA, 10px */
    /* "(1)" and "1)", "1.", "1 " or "1、" at the start of a line */
    if (j < n && (s[j] == ')' || s[j] == '.' || s[j] == ',' ||
                  s[j] == 0x3001 || s[j] == ':' ||
                  (jaen_cps_space(s[j]) &&
                   !jaen_unit_match(s, n, j + 1, &k) &&
                   !(j + 1 < n && jaen_num_big_mult_cp(s[j + 1])))) &&
        !((s[j] == '.' || s[j] == ',' || s[j] == ':') && j + 1 < n &&
          jaen_cps_digit(s[j + 1]))) {
        if (p == '(')
            return s[j] == ')';
        for (k = i; k > 0; k--) {
            uint32_t q = s[k - 1];
            if (q == '\n')
                break;
            if (!(jaen_cps_space(q) || q == '#' || q == '-' || q == '*' ||
                  q == '>' || q == '(' || q == '|' || q == 0x3010))
                return 0;
        }
        return 1;
    }
    return 0;
}

/* 第三者, 第一報: kanji ordinals; 一部, 統一: a lone kanji digit inside a
 * word.  Only for numerals written without Arabic digits. */
static int kanji_excluded(const uint32_t *s, size_t i)
{
    return i > 0 && (s[i - 1] == 0x7B2C || s[i - 1] == 0x540C ||
                     s[i - 1] == 0x552F || s[i - 1] == 0x7D71 ||
                     s[i - 1] == 0x5358 || s[i - 1] == 0x5747);
}

static int emit_when(struct jaen_norm_scan *sc, struct jaen_when_hit *h)
{
    static const char *const names[] = {"date", "time", "date_range"};
    char v[24];
    json_t *o;
    int rc;
    const struct jaen_when *w = &h->from;

    rc = jaen_norm_new_entity(sc, names[h->type], h->start, h->end, &o);
    if (rc)
        goto fail;
    if (h->type == JAEN_HIT_RANGE) {
        int inferred = 0;
        if (h->has_from) {
            jaen_when_format(&h->from, 1, 1, v);
            rc = jaen_norm_set(o, "from", json_string(v));
            inferred |= (h->from.flags & JAEN_WHEN_INFERRED) != 0;
        }
        if (!rc && h->has_to) {
            jaen_when_format(&h->to, 1, 1, v);
            rc = jaen_norm_set(o, "to", json_string(v));
            inferred |= (h->to.flags & JAEN_WHEN_INFERRED) != 0;
        }
        if (!rc)
            rc = jaen_norm_set(o, "year_inferred", json_boolean(inferred));
        w = h->has_from ? &h->from : &h->to;
    } else if (h->type == JAEN_HIT_DATE) {
        jaen_when_format(w, 1, 0, v);
        rc = jaen_norm_set(o, "value", json_string(v));
        if (!rc)
            rc = jaen_norm_set(o, "year_inferred",
                               json_boolean(w->flags & JAEN_WHEN_INFERRED));
        if (!rc && (w->flags & JAEN_WHEN_FISCAL))
            rc = jaen_norm_set(o, "fiscal_year", json_true());
        if (!rc && w->part)
            rc = jaen_norm_set(o, "part", json_string(w->part));
    } else {
        jaen_when_format(w, 0, 1, v);
        rc = jaen_norm_set(o, "value", json_string(v));
        if (!rc && (w->flags & JAEN_WHEN_DATE)) {
            jaen_when_format(w, 1, 1, v);
            rc = jaen_norm_set(o, "datetime", json_string(v));
        }
    }
    if (!rc && (w->flags & JAEN_WHEN_APPROX))
        rc = jaen_norm_set(o, "approx", json_true());
    if (!rc && h->as_of)
        rc = jaen_norm_set(o, "role", json_string("as_of"));
    if (rc)
        goto fail;
    return jaen_norm_append(sc, o);
fail:
    json_decref(o);
    return JAEN_ENOMEM;
}

/* One step of the loop at a trigger position i: returns where to go on. */
static int step(struct jaen_norm_scan *sc, size_t i, size_t *next)
{
    const uint32_t *s = sc->s;
    size_t n = sc->n, k, skip = 0, nh, used;
    struct jaen_when_hit hits[2];
    int rc, ascii = jaen_cps_digit(s[i]);

    *next = i + 1;
    if (!jaen_cps_digit(s[i]) && s[i] < 0x80) {
        k = skip_url(s, n, i);
        if (k > i)
            *next = k;
        else if (s[i] == 'R' || s[i] == 'H' || s[i] == 'S')
            goto dates;
        return JAEN_OK;
    }
    if (ascii && (i == 0 || !jaen_cps_digit(s[i - 1]))) {
        uint32_t p = i > 0 ? s[i - 1] : 0;
        size_t j = i;
        while (j < n && (jaen_cps_digit(s[j]) || s[j] == ','))
            j++;
        if ((jaen_cps_alpha(p) || p == '_' || p == '@' || p == '#' ||
             p == '\\') && !jaen_unit_match(s, n, skip_sp(s, n, j), &k)) {
            *next = token_end(s, n, i);
            return JAEN_OK;
        }
    }
dates:
    nh = jaen_when_scan(s, n, i, &sc->ref, sc->has_last ? &sc->last : NULL,
                        hits, &skip);
    if (nh) {
        const struct jaen_when *lw = hits[0].has_to ? &hits[0].to
                                                    : &hits[0].from;
        if ((lw->flags & JAEN_WHEN_DATE) && lw->month && lw->day) {
            sc->last = *lw;
            sc->has_last = 1;
        }
        for (k = 0; k < nh; k++) {
            rc = emit_when(sc, &hits[k]);
            if (rc)
                return rc;
        }
        *next = hits[nh - 1].end;
        sc->prev_end = *next;
        return JAEN_OK;
    }
    if (skip) {
        *next = i + skip;
        return JAEN_OK;
    }
    if (!jaen_num_is_numeral_cp(s[i]))
        return JAEN_OK;
    if (ascii && excluded(s, n, i)) {
        *next = token_end(s, n, i);
        return JAEN_OK;
    }
    if (!ascii && kanji_excluded(s, i)) {
        while (*next < n && jaen_num_is_numeral_cp(s[*next]))
            (*next)++;
        return JAEN_OK;
    }
    rc = jaen_norm_quantity(sc, i, &used);
    if (rc)
        return rc;
    if (used) {
        *next = i + used;
        sc->prev_end = *next;
        return JAEN_OK;
    }
    /* not an entity: never look inside the same digit run again */
    if (ascii)
        while (*next < n && (jaen_cps_digit(s[*next]) || s[*next] == ','))
            (*next)++;
    return JAEN_OK;
}

int jaen_norm_scan(const char *text, size_t len, const char *ref_date,
                   json_t **entities_out, struct jaen_err *err)
{
    struct jaen_norm_scan sc;
    uint32_t *cps = NULL;
    int64_t *map = NULL;
    size_t nmap = 0, i;
    int rc;

    *entities_out = NULL;
    pthread_once(&trig_once, trigger_init);
    memset(&sc, 0, sizeof sc);
    jaen_buf_init(&sc.big, JAEN_BUF_DEFAULT_CAP);
    rc = jaen_fold_cps(text, len, &cps, &map, &nmap, err);
    if (rc)
        goto out;
    sc.arr = json_array();
    if (!sc.arr) {
        rc = jaen_err_set(err, JAEN_ENOMEM, "normalize: out of memory");
        goto out;
    }
    sc.s = cps;
    sc.n = nmap;
    sc.map = map;
    sc.text = text;
    sc.len = len;
    jaen_ref_parse(ref_date, &sc.ref);
    i = 0;
    while (i < nmap) {
        size_t next;
        if (!trigger(cps[i])) {
            i++;
            continue;
        }
        rc = step(&sc, i, &next);
        if (rc) {
            rc = jaen_err_set(err, rc, "normalize: %s", jaen_strstatus(rc));
            goto out;
        }
        i = next > i ? next : i + 1;
    }
    *entities_out = sc.arr;
    sc.arr = NULL;
out:
    json_decref(sc.arr);
    jaen_buf_free(&sc.big);
    jaen_free(cps);
    jaen_free(map);
    return rc;
}

int jaen_normalize_doc(struct jaen_doc *doc, const char *ref_override,
                       struct jaen_err *err)
{
    const char *text, *ref = ref_override;
    size_t len, ncp;
    json_t *ents = NULL;
    struct jaen_buf pub;
    int rc;

    rc = jaen_doc_text(doc, &text, &len, &ncp, err);
    if (rc)
        return rc;
    jaen_buf_init(&pub, JAEN_BUF_DEFAULT_CAP);
    if (!ref) {     /* read from the raw "meta": it may hold whole sections */
        rc = jaen_doc_member_string(doc, JAEN_F_META, "published", &pub);
        if (rc < 0) {
            jaen_buf_free(&pub);
            return jaen_err_set(err, rc, "normalize: out of memory");
        }
        ref = rc == 1 ? pub.ptr : NULL;
    }
    rc = jaen_norm_scan(text, len, ref, &ents, err);
    jaen_buf_free(&pub);
    if (rc)
        return rc;
    if (jaen_doc_set(doc, JAEN_F_ENTITIES, ents))
        return jaen_err_set(err, JAEN_ENOMEM, "normalize: out of memory");
    return JAEN_OK;
}

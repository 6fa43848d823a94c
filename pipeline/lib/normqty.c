/* normqty.c: numbers with their unit, qualifiers and 名寄せ前 figure.
 *
 * A numeral (num.c) is extended to the right by a unit (units.c) and
 * trailing qualifiers (以上, 程度), and to the left by leading ones (約,
 * 最大) that lie after the previous entity.  Kanji-only numerals need a
 * unit or a multiplier, so 一部 and 十分な stay words. */
#include "cps.h"
#include "err.h"
#include "normint.h"
#include "num.h"
#include "units.h"

#include <stdio.h>
#include <string.h>

#define U JAEN_U

struct qual {
    const uint32_t *w;
    const char *qualifier;      /* or NULL */
    int approx;
};

static const struct qual before[] = {
    {U("約"), NULL, 1}, {U("およそ"), NULL, 1}, {U("凡そ"), NULL, 1},
    {U("概ね"), NULL, 1}, {U("おおむね"), NULL, 1}, {U("ほぼ"), NULL, 1},
    {U("推定"), NULL, 1}, {U("最大で"), "max", 0}, {U("最大"), "max", 0},
    {U("上限"), "max", 0}, {U("最多"), "max", 0}, {U("最低でも"), "min", 0},
    {U("最低"), "min", 0}, {U("少なくとも"), "min", 0},
    {U("最小"), "min", 0},
    {U("のべ"), NULL, 0}, {U("延べ"), NULL, 0},   /* 最大のべ15,535名 */
};

static const struct qual after[] = {
    {U("以上"), "min", 0}, {U("を超える"), "over", 0},
    {U("を超え"), "over", 0}, {U("超え"), "over", 0}, {U("超"), "over", 0},
    {U("未満"), "under", 0}, {U("以下"), "under", 0},
    {U("以内"), "under", 0}, {U("程度"), NULL, 1}, {U("前後"), NULL, 1},
    {U("余り"), NULL, 1}, {U("あまり"), NULL, 1}, {U("余"), NULL, 1},
    {U("ほど"), NULL, 1}, {U("くらい"), NULL, 1}, {U("ぐらい"), NULL, 1},
    {U("強"), NULL, 1}, {U("弱"), NULL, 1}, {U("近く"), NULL, 1},
};

/* Units read only in context (see bare_unit). */
static const struct jaen_unit day_unit = {
    JAEN_U("日"), "日", "day", JAEN_UNIT_DURATION, 'D', 1, NULL};
static const struct jaen_unit year_unit = {
    JAEN_U("年"), "年", "year", JAEN_UNIT_DURATION, 'Y', 1, NULL};
static const struct jaen_unit minute_unit = {
    JAEN_U("分"), "分", "minute", JAEN_UNIT_DURATION, 'm', 1, NULL};

static size_t match_qual(const uint32_t *s, size_t n, size_t i,
                         const struct qual *q, size_t nq, size_t *which)
{
    size_t k, l;
    for (k = 0; k < nq; k++) {
        l = jaen_cps_lit(s, n, i, q[k].w);
        if (l) {
            *which = k;
            return l;
        }
    }
    return 0;
}

/* 日, 年 and 分 after a bare number are durations only in context: 約40日,
 * 40日以内, 3年前, 10分程度; never 3分の1 or 5年生. */
static const struct jaen_unit *bare_unit(const uint32_t *s, size_t n,
                                         size_t j, int approx,
                                         const struct jaen_num *num)
{
    size_t w;
    uint32_t c, d;
    int ctx;

    if (j >= n || num->kind == JAEN_NUM_BIG)
        return NULL;
    c = s[j];
    d = j + 1 < n ? s[j + 1] : 0;
    ctx = match_qual(s, n, j + 1, after, sizeof after / sizeof after[0],
                     &w) || d == 0x5F8C || d == 0x524D ||   /* 後 前 */
          d == 0x5206;                                      /* 分 */
    if (c == 0x65E5)                                        /* 日 */
        return (approx || ctx || (num->kind == JAEN_NUM_INT && num->i > 31))
               ? &day_unit : NULL;
    if (c == 0x5E74) {                                      /* 年 */
        if (d == 0x751F || d == 0x76EE || d == 0x5EA6 || d == 0x7D44 ||
            d == 0x6B21 || d == 0x7D1A)                     /* 生目度組次級 */
            return NULL;
        if (num->kind == JAEN_NUM_INT && num->i >= 1000)
            return NULL;
        return &year_unit;
    }
    if (c == 0x5206) {                                      /* 分 */
        if (d == 0x306E || jaen_cps_kanji(d))               /* の, 分析 */
            return NULL;
        if (!(num->flags & JAEN_NUMF_ARABIC) && !approx && !ctx)
            return NULL;                                    /* 十分 */
        return &minute_unit;
    }
    return NULL;
}

/* ISO 8601 duration for value and designator, minutes extra. */
static json_t *iso_duration(const struct jaen_num *num, char des, int times,
                            int extra_min)
{
    char buf[64];
    int r;
    const char *t = (des == 'H' || des == 'm' || des == 'S') ? "T" : "";
    char d = des == 'm' ? 'M' : des;

    if (!des || num->kind == JAEN_NUM_VAGUE)
        return json_null();
    if (num->kind == JAEN_NUM_BIG)
        return json_null();
    if (num->kind == JAEN_NUM_REAL)
        r = snprintf(buf, sizeof buf, "P%s%g%c", t, num->d * times, d);
    else if (extra_min && des == 'H')
        r = snprintf(buf, sizeof buf, "PT%lldH%dM",
                     (long long)num->i, extra_min);
    else if (extra_min && des == 'Y')
        r = snprintf(buf, sizeof buf, "P%lldY%dM", (long long)num->i,
                     extra_min);
    else
        r = snprintf(buf, sizeof buf, "P%s%lld%c", t, (long long)num->i, d);
    if (r < 0 || (size_t)r >= sizeof buf)
        return json_null();
    return json_string(buf);
}

/* The value as JSON, times the unit's multiplier (割 = 10%). */
static json_t *value_json(struct jaen_norm_scan *sc,
                          const struct jaen_num *num, int times,
                          int *overflow)
{
    int64_t v;

    *overflow = 0;
    switch (num->kind) {
    case JAEN_NUM_INT:
        if (__builtin_mul_overflow(num->i, times, &v))
            return json_real(num->d * times);
        return json_integer(v);
    case JAEN_NUM_REAL:
        return json_real(num->d * times);
    case JAEN_NUM_BIG:
        *overflow = 1;
        return json_stringn(sc->big.ptr ? sc->big.ptr : "", sc->big.len);
    default:
        return json_null();
    }
}

/* 名寄せ前 figure in parentheses right after e: (名寄せ前1,500件),
 * (名寄せ前:約1,500件).  Returns 1 and sets *v when present. */
static int before_dedup(struct jaen_norm_scan *sc, size_t e, int64_t *v)
{
    const uint32_t *s = sc->s;
    size_t n = sc->n, j = e, l, used;
    struct jaen_num num;

    /* the figure may come after a few words: 16万件の個人情報(名寄せ前… */
    while (j < n && j < e + 12 && s[j] != '(' && !jaen_cps_digit(s[j]) &&
           s[j] != 0x3002 && s[j] != 0x3001 && s[j] != '\n' &&
           s[j] != ',')
        j++;
    if (j >= n || s[j] != '(')
        return 0;
    j++;
    l = jaen_cps_lit(s, n, j, U("名寄せ前"));
    if (!l)
        return 0;
    j += l;
    while (j < n && (s[j] == ':' || jaen_cps_space(s[j]) ||
                     s[j] == 0x3067 || s[j] == 0x306F))   /* で は */
        j++;
    if (jaen_cps_lit(s, n, j, U("約")))
        j++;
    if (jaen_num_parse(s, n, j, &used, &num, &sc->big) || !used ||
        num.kind != JAEN_NUM_INT)
        return 0;
    *v = num.i;
    return 1;
}

static int special_247(struct jaen_norm_scan *sc, size_t i, size_t *used)
{
    static const uint32_t *const forms[] = {
        U("24時間365日"), U("24時間・365日"), U("365日24時間"),
        U("24時間/365日"), U("24時間 365日"),
    };
    size_t k, l = 0;
    json_t *o;
    int rc;

    for (k = 0; k < sizeof forms / sizeof forms[0] && !l; k++)
        l = jaen_cps_lit(sc->s, sc->n, i, forms[k]);
    if (!l)
        return JAEN_OK;
    rc = jaen_norm_new_entity(sc, "duration", i, i + l, &o);
    if (!rc)
        rc = jaen_norm_set(o, "value", json_null());
    if (!rc)
        rc = jaen_norm_set(o, "unit", json_string("24/7"));
    if (!rc)
        rc = jaen_norm_set(o, "unit_en", json_string("24/7"));
    if (!rc)
        rc = jaen_norm_set(o, "iso", json_string("24/7"));
    if (!rc)
        rc = jaen_norm_set(o, "approx", json_false());
    if (rc) {
        json_decref(o);
        return rc;
    }
    *used = l;
    return jaen_norm_append(sc, o);
}

/* A unit after the numeral ending at j: the table, with one space allowed
 * after Arabic digits, or a bare 日/年/分 in context. */
static const struct jaen_unit *find_unit(const uint32_t *s, size_t n,
                                         size_t j, int approx,
                                         const struct jaen_num *num,
                                         size_t *ustart, size_t *ulen)
{
    const struct jaen_unit *u = jaen_unit_match(s, n, j, ulen);

    *ustart = j;
    if (!u && j + 1 < n && jaen_cps_space(s[j]) &&
        (num->flags & JAEN_NUMF_ARABIC)) {
        u = jaen_unit_match(s, n, j + 1, ulen);
        if (u)
            *ustart = j + 1;
    }
    if (!u) {
        u = bare_unit(s, n, j, approx, num);
        *ulen = u ? 1 : 0;
    }
    return u;
}

int jaen_norm_quantity(struct jaen_norm_scan *sc, size_t i, size_t *used)
{
    const uint32_t *s = sc->s;
    size_t n = sc->n, nu, j, e, st = i, us, ul = 0, w, k;
    const struct jaen_unit *u;
    const char *qualifier = NULL, *type, *ubase = NULL, *uen = NULL;
    int approx = 0, rc, overflow, extra_min = 0, has_dedup = 0;
    struct jaen_num num;
    int64_t dedup = 0;
    json_t *o = NULL, *val;

    *used = 0;
    rc = special_247(sc, i, used);
    if (rc || *used)
        return rc;
    rc = jaen_num_parse(s, n, i, &nu, &num, &sc->big);
    if (rc || !nu)
        return rc;
    j = i + nu;
    /* leading qualifiers, at most two (最大約), after the last entity */
    for (k = 0; k < 2; k++) {
        size_t q, best = 0, bw = 0, p = st;
        while (p > sc->prev_end && jaen_cps_space(s[p - 1]))
            p--;                    /* 約 119万件, spaced as in PDFs */
        for (q = 0; q < sizeof before / sizeof before[0]; q++) {
            size_t l = 0;
            while (before[q].w[l])
                l++;
            if (p >= l + sc->prev_end && l > best &&
                jaen_cps_lit(s, n, p - l, before[q].w)) {
                best = l;
                bw = q;
            }
        }
        if (!best)
            break;
        st = p - best;
        approx |= before[bw].approx;
        if (before[bw].qualifier && !qualifier)
            qualifier = before[bw].qualifier;
    }
    u = find_unit(s, n, j, approx, &num, &us, &ul);
    if (!u && j < n && (s[j] == 0x301C || s[j] == '~') &&
        j + 1 < n && jaen_cps_digit(s[j + 1]) &&
        (num.flags & JAEN_NUMF_ARABIC)) {
        /* 3〜5名: the first bound takes the second's unit */
        struct jaen_num n2;
        size_t u2, us2, ul2;
        if (!jaen_num_parse(s, n, j + 1, &u2, &n2, &sc->big) && u2) {
            u = find_unit(s, n, j + 1 + u2, approx, &n2, &us2, &ul2);
            if (u && u->type == JAEN_UNIT_DURATION && !u->iso)
                u = NULL;
            ul = 0;
            us = j;
            if (num.kind == JAEN_NUM_BIG) {     /* big was overwritten */
                rc = jaen_num_parse(s, n, i, &nu, &num, &sc->big);
                if (rc)
                    return rc;
            }
        }
    }
    if (!(num.flags & JAEN_NUMF_ARABIC)) {
        /* kanji only: a unit, or a multiplier in two or more characters */
        if (!u && (num.kind == JAEN_NUM_VAGUE || nu < 2 ||
                   !(num.flags & (JAEN_NUMF_BIG | JAEN_NUMF_SMALL |
                                  JAEN_NUMF_POSITIONAL))))
            return JAEN_OK;
        if (nu == 1 && st == i && i > 0 && jaen_cps_kanji(s[i - 1]) &&
            !jaen_num_is_numeral_cp(s[i - 1]))
            return JAEN_OK;
    }
    e = u ? us + ul : j;
    if (u && u->iso == 'H' && e < n && s[e] == 0x534A) {    /* 1時間半 */
        extra_min = 30;
        e++;
    } else if (u && u->iso == 'H' && num.kind == JAEN_NUM_INT) {
        int m = 0;
        size_t l = 0;
        while (e + l < n && l < 2 && jaen_cps_digit(s[e + l]))
            m = m * 10 + (int)(s[e + (l++)] - '0');
        if (l && e + l < n && s[e + l] == 0x5206 && m < 60 && m > 0) {
            extra_min = m;
            e += l + 1;
            if (e < n && s[e] == 0x9593)
                e++;                                        /* 分間 */
        }
    } else if (u && u->iso == 'Y' && e < n && s[e] == 0x534A) {
        extra_min = 6;                                      /* 1年半 */
        e++;
    }
    for (k = 0; k < 2; k++) {
        size_t l = match_qual(s, n, e, after, sizeof after / sizeof after[0],
                              &w);
        if (!l)
            break;
        e += l;
        approx |= after[w].approx;
        if (after[w].qualifier && !qualifier)
            qualifier = after[w].qualifier;
    }
    if (num.kind == JAEN_NUM_VAGUE)
        approx = 1;
    type = "number";
    if (u) {
        static const char *const names[] = {"quantity", "money", "percent",
                                            "duration"};
        type = names[u->type];
        ubase = u->base;
        uen = u->en;
    } else if (st == i && i > 0 && (s[i - 1] == '$' || s[i - 1] == 0xA5 ||
                                    s[i - 1] == 0xFFE5)) {
        type = "money";
        st = i - 1;
        ubase = s[i - 1] == '$' ? "$" : "¥";
        uen = s[i - 1] == '$' ? "dollar" : "yen";
    }
    if (u && u->type != JAEN_UNIT_DURATION && num.kind != JAEN_NUM_BIG)
        has_dedup = before_dedup(sc, e, &dedup);  /* it reuses sc->big */
    rc = jaen_norm_new_entity(sc, type, st, e, &o);
    if (rc)
        goto fail;
    val = value_json(sc, &num, u ? u->times : 1, &overflow);
    if (u && u->type == JAEN_UNIT_DURATION && extra_min &&
        num.kind == JAEN_NUM_INT) {
        json_decref(val);
        val = json_real((double)num.i +
                        extra_min / (u->iso == 'H' ? 60.0 : 12.0));
    }
    rc = jaen_norm_set(o, "value", val);
    if (!rc && overflow)
        rc = jaen_norm_set(o, "value_overflow", json_true());
    if (!rc)
        rc = jaen_norm_set(o, "unit", ubase ? json_string(ubase)
                                            : json_null());
    if (!rc)
        rc = jaen_norm_set(o, "unit_en", uen ? json_string(uen)
                                             : json_null());
    if (!rc && u && u->type == JAEN_UNIT_DURATION)
        rc = jaen_norm_set(o, "iso", iso_duration(&num, u->iso, u->times,
                                                  extra_min));
    if (!rc)
        rc = jaen_norm_set(o, "approx", json_boolean(approx));
    if (!rc)
        rc = jaen_norm_set(o, "qualifier", qualifier ?
                           json_string(qualifier) : json_null());
    if (!rc && has_dedup)
        rc = jaen_norm_set(o, "before_dedup", json_integer(dedup));
    if (rc)
        goto fail;
    *used = e - i;
    return jaen_norm_append(sc, o);
fail:
    json_decref(o);
    return JAEN_ENOMEM;
}

/* english.c: English renderings of normalize's values (rules in english.h).
 */
#include "english.h"

#include "err.h"

#include <stdio.h>
#include <string.h>

static const char *const months[12] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
};

int jaen_en_plural(struct jaen_buf *out, const char *unit)
{
    size_t n = strlen(unit);
    int rc;

    if (strcmp(unit, "person") == 0)
        return jaen_buf_adds(out, "people");
    if (!n || strcmp(unit, "yen") == 0 || strcmp(unit, "percent") == 0
        || unit[n - 1] == 's')
        return jaen_buf_adds(out, unit);
    if (n > 1 && unit[n - 1] == 'y' && !strchr("aeiou", unit[n - 2])) {
        rc = jaen_buf_add(out, unit, n - 1);
        return rc ? rc : jaen_buf_adds(out, "ies");
    }
    if (unit[n - 1] == 'x' || (n > 1 && unit[n - 1] == 'h'
                               && strchr("cs", unit[n - 2]))) {
        rc = jaen_buf_adds(out, unit);
        return rc ? rc : jaen_buf_adds(out, "es");
    }
    rc = jaen_buf_adds(out, unit);
    return rc ? rc : jaen_buf_addc(out, 's');
}

int jaen_en_digits(struct jaen_buf *out, const char *s)
{
    size_t intlen = 0, i;
    int rc = JAEN_OK;

    if (*s == '-') {
        rc = jaen_buf_addc(out, '-');
        s++;
    }
    while (s[intlen] >= '0' && s[intlen] <= '9')
        intlen++;
    if (!intlen)
        return JAEN_EDATA;
    if (s[intlen] == '.') {
        for (i = intlen + 1; s[i] >= '0' && s[i] <= '9'; i++)
            ;
        if (i == intlen + 1 || s[i])
            return JAEN_EDATA;
    } else if (s[intlen]) {
        return JAEN_EDATA;
    }
    for (i = 0; !rc && i < intlen; i++) {
        if (i && (intlen - i) % 3 == 0)
            rc = jaen_buf_addc(out, ',');
        if (!rc)
            rc = jaen_buf_addc(out, s[i]);
    }
    if (!rc && s[intlen])
        rc = jaen_buf_adds(out, s + intlen);
    return rc;
}

/* The digits of a JSON number or decimal string, into tmp.  *one is set
 * when the value is exactly 1.  JAEN_EDATA when v is neither. */
static int value_digits(const json_t *v, char *tmp, size_t n, int *one)
{
    if (json_is_integer(v)) {
        snprintf(tmp, n, "%lld", (long long)json_integer_value(v));
    } else if (json_is_real(v)) {
        char *e;
        snprintf(tmp, n, "%.10f", json_real_value(v));
        e = tmp + strlen(tmp) - 1;       /* trim trailing zeros */
        while (e > tmp && *e == '0')
            *e-- = '\0';
        if (*e == '.')
            *e = '\0';
    } else if (json_is_string(v)) {
        snprintf(tmp, n, "%s", json_string_value(v));
    } else {
        return JAEN_EDATA;
    }
    *one = strcmp(tmp, "1") == 0;
    return JAEN_OK;
}

struct ymd {
    int y, m, d;            /* 0 when absent */
    char hm[6];             /* "HH:MM" or "" */
};

/* Parses YYYY[-MM[-DD]][THH:MM] or HH:MM.  0 on success, -1 if neither. */
static int parse_date(const char *s, struct ymd *t)
{
    size_t n = strlen(s);
    char extra;

    memset(t, 0, sizeof(*t));
    if (n == 5 && s[2] == ':') {
        memcpy(t->hm, s, 5);
        return 0;
    }
    if (n >= 10 && sscanf(s, "%4d-%2d-%2d%c", &t->y, &t->m, &t->d, &extra)
        >= 3) {
        if (n > 10 && (s[10] != 'T' || n != 16 || s[13] != ':'))
            return -1;
        if (n == 16)
            memcpy(t->hm, s + 11, 5);
    } else if (n == 7 && sscanf(s, "%4d-%2d", &t->y, &t->m) == 2) {
        t->d = 0;
    } else if (n == 4 && sscanf(s, "%4d", &t->y) == 1) {
        t->m = 0;
    } else {
        return -1;
    }
    if (t->m < 0 || t->m > 12 || t->d < 0 || t->d > 31 || (!t->m && t->d))
        return -1;
    return 0;
}

/* Writes t; with_year 0 leaves the year out ("March 11"). */
static int add_ymd(struct jaen_buf *out, const struct ymd *t, int with_year)
{
    int rc;

    if (!t->y)
        return jaen_buf_adds(out, t->hm);
    if (t->m && t->d)
        rc = with_year ? jaen_buf_addf(out, "%s %d, %d", months[t->m - 1],
                                       t->d, t->y)
                       : jaen_buf_addf(out, "%s %d", months[t->m - 1], t->d);
    else if (t->m)
        rc = with_year ? jaen_buf_addf(out, "%s %d", months[t->m - 1], t->y)
                       : jaen_buf_adds(out, months[t->m - 1]);
    else
        rc = jaen_buf_addf(out, "%d", t->y);
    if (!rc && t->hm[0])
        rc = jaen_buf_addf(out, ", %s", t->hm);
    return rc;
}

int jaen_en_date(struct jaen_buf *out, const char *s)
{
    struct ymd t;

    if (!s || parse_date(s, &t))
        return JAEN_EDATA;
    return add_ymd(out, &t, 1);
}

int jaen_en_range(struct jaen_buf *out, const char *from, const char *to)
{
    struct ymd a, b;
    int rc;

    if (!from || parse_date(from, &a))
        return JAEN_EDATA;
    if (!to) {
        rc = jaen_buf_adds(out, "from ");
        return rc ? rc : add_ymd(out, &a, 1);
    }
    if (parse_date(to, &b))
        return JAEN_EDATA;
    if (a.y && a.y == b.y && !a.hm[0] && !b.hm[0] && a.m && b.m
        && !a.d == !b.d) {
        /* one year: say it once */
        if (a.d && a.m == b.m)
            return jaen_buf_addf(out, "%s %d to %d, %d", months[a.m - 1],
                                 a.d, b.d, a.y);
        rc = add_ymd(out, &a, 0);
        if (!rc)
            rc = jaen_buf_adds(out, " to ");
        return rc ? rc : add_ymd(out, &b, 1);
    }
    rc = add_ymd(out, &a, 1);
    if (!rc)
        rc = jaen_buf_adds(out, " to ");
    return rc ? rc : add_ymd(out, &b, 1);
}

static const char *field(const json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

static int add_prefix(struct jaen_buf *out, const json_t *e, int approx)
{
    static const char *const q[][2] = {
        {"max", "up to "}, {"min", "at least "}, {"over", "more than "},
        {"under", "fewer than "},
    };
    const char *qual = field(e, "qualifier");
    size_t i;
    int rc = JAEN_OK;

    for (i = 0; qual && i < sizeof(q) / sizeof(q[0]); i++)
        if (strcmp(qual, q[i][0]) == 0)
            rc = jaen_buf_adds(out, q[i][1]);
    if (!rc && approx && json_is_true(json_object_get(e, "approx")))
        rc = jaen_buf_adds(out, "about ");
    return rc;
}

/* 数十 → "dozens of", 数百 → "hundreds of", ... */
static const char *vague(const json_t *e)
{
    const char *s = field(e, "surface");

    if (!s)
        return "several";
    if (strstr(s, "十"))
        return "dozens of";
    if (strstr(s, "百"))
        return "hundreds of";
    if (strstr(s, "千") || strstr(s, "万"))
        return "thousands of";
    return "several";
}

static int add_amount(struct jaen_buf *out, const json_t *e, const char *type)
{
    const char *unit = field(e, "unit_en");
    const json_t *v = json_object_get(e, "value");
    char tmp[128];
    int one = 0, rc = add_prefix(out, e, !json_is_null(v) && v);

    if (rc)
        return rc;
    if (json_is_null(v) || !v) {
        rc = jaen_buf_adds(out, vague(e));
        if (!rc && unit && *unit && strcmp(type, "number") != 0) {
            rc = jaen_buf_addc(out, ' ');
            if (!rc)
                rc = jaen_en_plural(out, unit);
        }
        return rc;
    }
    rc = value_digits(v, tmp, sizeof(tmp), &one);
    if (rc)
        return rc;
    if (strcmp(type, "money") == 0 && (!unit || strcmp(unit, "yen") == 0)) {
        rc = jaen_buf_adds(out, "¥");
        return rc ? rc : jaen_en_digits(out, tmp);
    }
    rc = jaen_en_digits(out, tmp);
    if (rc || strcmp(type, "number") == 0)
        return rc;
    if (strcmp(type, "percent") == 0)
        return jaen_buf_addc(out, '%');
    if (!unit || !*unit)
        return JAEN_OK;
    rc = jaen_buf_addc(out, ' ');
    if (rc)
        return rc;
    return one ? jaen_buf_adds(out, unit) : jaen_en_plural(out, unit);
}

/* P40D → "40 days", PT1H30M → "1 hour 30 minutes". */
static int add_iso(struct jaen_buf *out, const char *s)
{
    static const char *const names[] = {"year", "month", "week", "day",
                                        "hour", "minute", "second"};
    int in_time = 0, parts = 0, rc = JAEN_OK;

    if (!s || *s++ != 'P')
        return JAEN_EDATA;
    while (*s && !rc) {
        unsigned long v = 0;
        const char *p = s;
        int k = -1;
        if (*s == 'T') {
            in_time = 1;
            s++;
            continue;
        }
        while (*s >= '0' && *s <= '9' && s - p < 9)
            v = v * 10 + (unsigned long)(*s++ - '0');
        if (s == p)
            return JAEN_EDATA;
        switch (*s++) {
        case 'Y': k = 0; break;
        case 'M': k = in_time ? 5 : 1; break;
        case 'W': k = 2; break;
        case 'D': k = 3; break;
        case 'H': k = 4; break;
        case 'S': k = 6; break;
        default: return JAEN_EDATA;
        }
        rc = jaen_buf_addf(out, "%s%lu %s%s", parts ? " " : "", v, names[k],
                           v == 1 ? "" : "s");
        parts++;
    }
    return rc ? rc : (parts ? JAEN_OK : JAEN_EDATA);
}

int jaen_en_entity(struct jaen_buf *out, const json_t *e)
{
    const char *type = field(e, "type");
    const json_t *v = json_object_get(e, "value");
    int rc;

    if (!type)
        return JAEN_EDATA;
    if (!strcmp(type, "number") || !strcmp(type, "quantity")
        || !strcmp(type, "money") || !strcmp(type, "percent"))
        return add_amount(out, e, type);
    if (!strcmp(type, "date") || !strcmp(type, "time")) {
        const char *dt = field(e, "datetime");
        return jaen_en_date(out, dt ? dt : json_string_value(v));
    }
    if (!strcmp(type, "date_range")) {
        const char *from = field(e, "from"), *to = field(e, "to");
        if (!from && json_is_object(v)) {
            from = field(v, "from");
            to = field(v, "to");
        }
        return jaen_en_range(out, from, to);
    }
    if (!strcmp(type, "duration")) {
        const char *unit = field(e, "unit_en");
        if (json_string_value(json_object_get(e, "iso")) == NULL
            && (!unit || !json_is_number(v)))
            return JAEN_EDATA;
        rc = add_prefix(out, e, 1);
        if (!rc && unit && json_is_number(v)) {
            char tmp[64];
            int one = 0;
            rc = value_digits(v, tmp, sizeof(tmp), &one);
            if (!rc)
                rc = jaen_en_digits(out, tmp);
            if (!rc)
                rc = jaen_buf_addc(out, ' ');
            if (!rc)
                rc = one ? jaen_buf_adds(out, unit) : jaen_en_plural(out, unit);
            return rc;
        }
        return rc ? rc : add_iso(out, field(e, "iso"));
    }
    return JAEN_EDATA;
}

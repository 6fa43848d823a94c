/* dates.h: dates, times and date ranges in folded Japanese text.
 *
 * Reads 2025年3月11日, 令和7年 (元年, R7), 2025/3/11, 2025.3.11, 2025-03-11,
 * 3/11, 年度, 午前/午後 H時M分, H時半, HH:MM, and ranges joined by 〜 ~ - から
 * まで 以降 whose end inherits year, month, day and 午前/午後 from the start
 * (翌日, 同日, 同月).  A missing year comes from the reference date: a month
 * after the reference month means the year before. */
#ifndef JAEN_DATES_H
#define JAEN_DATES_H

#include <stddef.h>
#include <stdint.h>

/* A point in time as far as the text says; 0 / -1 mean "not written". */
struct jaen_when {
    int year;           /* 0 if unknown */
    int month;          /* 1-12, 0 if unknown */
    int day;            /* 1-31, 0 if unknown */
    int hour;           /* 0-24, -1 if no time */
    int minute;         /* 0-59 when hour >= 0 */
    unsigned flags;     /* JAEN_WHEN_* */
    const char *part;   /* "early" 上旬, "mid" 中旬, "late" 下旬, "end" 末,
                         * or NULL */
};

enum {
    JAEN_WHEN_INFERRED = 1 << 0,  /* year from the reference date */
    JAEN_WHEN_FISCAL = 1 << 1,    /* 年度: a fiscal year */
    JAEN_WHEN_APPROX = 1 << 2,    /* 頃, ごろ, 過ぎ */
    JAEN_WHEN_AM = 1 << 3,        /* 午前 written */
    JAEN_WHEN_PM = 1 << 4,        /* 午後 written */
    JAEN_WHEN_DATE = 1 << 5,      /* a date part was written */
};

/* What jaen_when_scan found. */
enum jaen_hit_type {
    JAEN_HIT_DATE = 0,
    JAEN_HIT_TIME = 1,
    JAEN_HIT_RANGE = 2,
};

struct jaen_when_hit {
    enum jaen_hit_type type;
    size_t start, end;          /* folded code points, end exclusive */
    struct jaen_when from;      /* DATE, TIME: the value; RANGE: start */
    struct jaen_when to;        /* RANGE: the end */
    int has_from, has_to;       /* RANGE: which sides exist */
    int as_of;                  /* followed by 現在 or 時点 */
};

/* The reference date (meta.published or --ref-date); zeros if none. */
struct jaen_ref {
    int year, month, day;
};

/* Parses "YYYY-MM-DD" (with anything after position 10 ignored, so a
 * full timestamp works) into ref.  Returns 0 on success, -1 when s is NULL
 * or not such a date (ref is then zeroed). */
int jaen_ref_parse(const char *s, struct jaen_ref *ref);

/* Scans a date, time or range at s[i].  ctx (or NULL) is the last date
 * the text gave, for 同月14日, 同日 and 翌日.  Writes up to 2 hits (a date
 * and a time written with it) into hits and returns how many; 0 when
 * nothing starts at i.  *skip receives how far a caller may jump when the text at
 * i is a malformed date (2025年13月45日): it is then not a number either. */
size_t jaen_when_scan(const uint32_t *s, size_t n, size_t i,
                      const struct jaen_ref *ref,
                      const struct jaen_when *ctx,
                      struct jaen_when_hit hits[2], size_t *skip);

/* Formats w: "YYYY-MM-DD", "YYYY-MM", "YYYY", "--MM-DD" (no year known),
 * "HH:MM", or "YYYY-MM-DDTHH:MM"; date and/or time as the flags say.
 * Returns the length written (buf must hold 24 bytes). */
size_t jaen_when_format(const struct jaen_when *w, int with_date,
                        int with_time, char buf[24]);

/* Days in a month of the proleptic Gregorian calendar. */
int jaen_days_in_month(int year, int month);

#endif

/* units.h: the counters and units that follow a numeral in Japanese text.
 *
 * One table (units.c, listed in docs/NORMALIZE.md) maps what is written
 * after a number to the entity type, the base unit and its English name:
 * 名分 → 名 "person", 万円 is handled by the numeral, ヶ月 → 月 "month". */
#ifndef JAEN_UNITS_H
#define JAEN_UNITS_H

#include <stddef.h>
#include <stdint.h>

enum jaen_unit_type {
    JAEN_UNIT_QUANTITY = 0,
    JAEN_UNIT_MONEY = 1,
    JAEN_UNIT_PERCENT = 2,
    JAEN_UNIT_DURATION = 3,
};

struct jaen_unit {
    const uint32_t *written;    /* as it appears in folded text */
    const char *base;           /* the base unit as written: 件, 円, 月 */
    const char *en;             /* English unit name */
    enum jaen_unit_type type;
    char iso;                   /* duration designator Y M W D H m S, or 0
                                 * for none (m = minutes) */
    int times;                  /* value multiplier: 10 for 割, else 1 */
    const uint32_t *not_before; /* code points that must not follow, or
                                 * NULL (名 not before 簿: 名簿) */
};

/* The longest unit written at s[i], or NULL.  *len receives its length in
 * code points.  A counter followed by 分 (人分, 件分) takes the 分 too. */
const struct jaen_unit *jaen_unit_match(const uint32_t *s, size_t n,
                                        size_t i, size_t *len);

/* The table itself, for documentation and tests; *count entries. */
const struct jaen_unit *jaen_unit_table(size_t *count);

#endif

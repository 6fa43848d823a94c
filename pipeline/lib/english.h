/* english.h: English renderings of the typed values of `jaen normalize`.
 *
 * Shared by the gloss stage (phrase slots) and the record stage.  Rules:
 *   date        2025-03-11 → "March 11, 2025"; 2025-03 → "March 2025";
 *               2025 → "2025"; with a time → "March 11, 2025, 14:30"
 *   date_range  from/to → "March 11 to 14, 2025", "March 11 to April 2,
 *               2025", "December 2024 to January 2025"; only from →
 *               "from March 11, 2025"; times alone → "09:00 to 18:00"
 *   time        "14:30" as it is
 *   number      thousands separated: 4142 → "4,142"; 12.5 → "12.5"
 *   quantity    "4,142 records", "1 person", "2 people" (unit_en made
 *               plural unless the value is 1)
 *   money       yen → "¥1,000"; another unit_en → "1,000 dollars"
 *   percent     "12.5%"
 *   duration    "3 months" from value and unit_en, else from iso (P40D →
 *               "40 days", PT1H30M → "1 hour 30 minutes")
 * Prefixes: approx → "about "; qualifier max → "up to ", min → "at least ",
 * over → "more than ", under → "fewer than " (the qualifier goes first:
 * "up to about 500 records").  A null value (数十, 数百) gives "dozens of",
 * "hundreds of", "thousands of" or "several" by its surface, without
 * "about".
 * Big values written as decimal strings are grouped the same way. */
#ifndef JAEN_ENGLISH_H
#define JAEN_ENGLISH_H

#include <jansson.h>

#include "buf.h"

/* Appends the plural of an English unit name: person → people, company →
 * companies, record → records; yen, percent and words ending in s stay. */
int jaen_en_plural(struct jaen_buf *out, const char *unit);

/* Appends a decimal number given as digits with an optional sign and
 * fraction ("-4142.5"), with thousands separators.  JAEN_EDATA when s is
 * not of that shape. */
int jaen_en_digits(struct jaen_buf *out, const char *s);

/* Appends a date, date-time or time value (YYYY[-MM[-DD]][THH:MM] or
 * HH:MM) in English.  JAEN_EDATA when s is none of those. */
int jaen_en_date(struct jaen_buf *out, const char *s);

/* Appends a date range; to may be NULL (an open range). */
int jaen_en_range(struct jaen_buf *out, const char *from, const char *to);

/* Appends the English for one entity object of "entities".  Returns
 * JAEN_OK, JAEN_EDATA when the entity lacks what its type needs, or
 * JAEN_ENOMEM / JAEN_ELIMIT. */
int jaen_en_entity(struct jaen_buf *out, const json_t *entity);

#endif

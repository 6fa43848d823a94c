/* romaji.h: English for an organization name, offline.
 *
 * An organization's English is built from the glossary only: a name the
 * glossary knows (concept org.*) gets its English; otherwise the legal form
 * (concept legal_form.*, 株式会社 → Co., Ltd.) is split off and the rest is
 * romanized when it is kana, Latin or digits (ICU's Katakana-Latin, with
 * katakana loanwords the glossary translates, such as サービス, kept as
 * English words).  A name with kanji in its body has no English offline. */
#ifndef JAEN_ROMAJI_H
#define JAEN_ROMAJI_H

#include <stddef.h>

#include "buf.h"
#include "err.h"
#include "gloss.h"

struct jaen_romaji;

/* Builds the tables from g (borrowed only during the call; NULL gives empty
 * tables) and opens the ICU transliterator.  Returns JAEN_OK, JAEN_ENOMEM,
 * JAEN_EFORMAT (corrupt glossary) or JAEN_EUSAGE (ICU lacks the
 * transliterator).  Close with jaen_romaji_close. */
int jaen_romaji_open(const struct jaen_gloss *g, struct jaen_romaji **out,
                     struct jaen_err *err);

/* Frees r.  NULL is a no-op. */
void jaen_romaji_close(struct jaen_romaji *r);

/* Appends the English of organization name[0..len) (valid UTF-8) to out
 * and sets *found to 1, or leaves out alone and sets *found to 0 when the
 * name has no English.  Returns JAEN_OK, JAEN_ENOMEM or JAEN_ELIMIT. */
int jaen_romaji_org(struct jaen_romaji *r, const char *name, size_t len,
                    struct jaen_buf *out, int *found);

/* Appends kana text[0..len) romanized (Hepburn, ASCII, each word
 * capitalized) to out.  Returns JAEN_OK, JAEN_EDATA when text holds
 * something other than kana, Latin letters, digits and word separators,
 * JAEN_ENOMEM or JAEN_ELIMIT. */
int jaen_romaji_kana(struct jaen_romaji *r, const char *text, size_t len,
                     struct jaen_buf *out);

#endif

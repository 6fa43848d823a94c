/* fold.h: width folding, the one text normalizer of jaen.
 *
 * normalize's --format text, the glossary compiler and the gloss matcher all
 * fold with this same function, so headwords and text always agree.  Rules
 * (documented in docs/NORMALIZE.md): full-width ASCII and digits become
 * ASCII; half-width katakana become full-width with voiced marks composed
 * (ｶﾞ → ガ, う゛ → ゔ); Kangxi radicals, CJK compatibility ideographs and
 * enclosed forms (㈱) become the ordinary characters; everything else is
 * kept as it is. */
#ifndef JAEN_FOLD_H
#define JAEN_FOLD_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"

/* Folds valid UTF-8 in[0..len) and appends the result to out.  When map is
 * not NULL, *map receives a jaen_malloc'd array of (folded code points + 1)
 * entries: (*map)[i] is the code point offset in the input where folded code
 * point i came from, and the last entry is the input's code point count, so
 * a folded span [a, b) maps back to [(*map)[a], (*map)[b]).  *nmap receives
 * the folded code point count.  Returns JAEN_OK, JAEN_ENOMEM or JAEN_ELIMIT. */
int jaen_fold(const char *in, size_t len, struct jaen_buf *out,
              int64_t **map, size_t *nmap, struct jaen_err *err);

/* Like jaen_fold, for scanners: the folded text as code points.  *cps
 * receives a jaen_malloc'd array of *n code points plus a 0 terminator,
 * *map the same map as jaen_fold (n + 1 entries).  Returns JAEN_OK or
 * JAEN_ENOMEM (then both are untouched). */
int jaen_fold_cps(const char *in, size_t len, uint32_t **cps, int64_t **map,
                  size_t *n, struct jaen_err *err);

/* Folds one code point c, given the next one (or 0): writes up to 8 code
 * points into dst, returns how many, and sets *consumed to 1 or 2 (2 when a
 * voiced mark was composed with c). */
size_t jaen_fold_cp(uint32_t c, uint32_t next, uint32_t dst[8],
                    int *consumed);

#endif

/* protect.h: placeholders that carry glossary terms, numbers and dates
 * through machine translation unchanged.
 *
 * Before a sentence goes to an engine, every protected span (a glossary
 * term, a value found by `jaen normalize`) is replaced by a placeholder that
 * carries its fixed English: an ignored XML tag for DeepL (tag_handling=xml,
 * ignore_tags=x, DeepL's own placeholder recipe), a numbered token [[N]] for
 * the others.  After translation the placeholders are swapped back for the
 * English, so the output has the glossary's term and the exact value. */
#ifndef JAEN_PROTECT_H
#define JAEN_PROTECT_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"

/* Cap on one protected sentence (its text, hints or key). */
#define JAEN_PROT_MAX_BYTES ((size_t)4 << 20)

enum jaen_prot_style {
    JAEN_PROT_XML = 0,      /* <x id="N">english</x>, text XML-escaped */
    JAEN_PROT_TOKEN = 1,    /* [[N]], text as is */
};

/* A span to protect, in code points of the sentence, end exclusive. */
struct jaen_prot_span {
    int64_t start;
    int64_t end;
    const char *en;         /* the English it must become (borrowed) */
};

/* A protected sentence. */
struct jaen_prot {
    struct jaen_buf text;   /* what goes to the engine */
    struct jaen_buf hints;  /* "[[N]] = english" lines, for prompts */
    struct jaen_buf key;    /* text plus every placeholder's English:
                               what the TM key hashes */
    char **en;              /* en[i] is placeholder i+1's English, owned */
    size_t n;               /* placeholders */
};

void jaen_prot_init(struct jaen_prot *p);
void jaen_prot_free(struct jaen_prot *p);   /* back to the init state */

/* Protects s[0..len) (valid UTF-8): spans may come unsorted and may
 * overlap; the earliest, then longest, span wins and spans overlapping it
 * are dropped, as are empty spans and spans beyond the text.  p is reset
 * first.  Returns JAEN_OK or JAEN_ENOMEM. */
int jaen_protect(const char *s, size_t len,
                 const struct jaen_prot_span *spans, size_t nspans,
                 enum jaen_prot_style style, struct jaen_prot *p,
                 struct jaen_err *err);

/* Restores an engine's output mt[0..len) into out (appended): placeholders
 * become their English, XML entities are decoded (XML style), spaces are
 * trimmed.  A placeholder that went missing, an unknown id or a leftover
 * tag is JAEN_EDATA; a duplicated placeholder is restored each time. */
int jaen_restore(const char *mt, size_t len, const struct jaen_prot *p,
                 enum jaen_prot_style style, struct jaen_buf *out,
                 struct jaen_err *err);

/* Renders an entity of `jaen normalize` as English into out, with the
 * shared renderer of english.h ("about 160,000 records", "March 11, 2025",
 * "12.5%"), plus what it leaves out: an open range with only an end
 * ("until March 11, 2025") and 24/7.  Returns 1 when rendered, 0 when the
 * entity lacks what its type needs (out untouched), JAEN_ENOMEM. */
int jaen_protect_entity_en(const json_t *ent, struct jaen_buf *out);

#endif

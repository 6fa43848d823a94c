/* tbx.h: reading TBX glossaries (v2 <martif>, v3 <tbx>) into a dictsrc.
 *
 * A small XML reader for the subset TBX files use: elements, attributes,
 * text, the five predefined entities, character references, CDATA,
 * comments, processing instructions and a DOCTYPE (skipped).  No external
 * entities, no namespaces beyond matching local names.  Errors carry the
 * line number. */
#ifndef JAEN_TBX_H
#define JAEN_TBX_H

#include <stddef.h>

#include "dictsrc.h"
#include "err.h"

/* Deepest element nesting accepted. */
#define JAEN_TBX_MAX_DEPTH 64

/* Parses a TBX document bytes[0..len) (valid UTF-8) and adds one row per
 * termEntry / conceptEntry to ds's current file (jaen_dictsrc_begin must
 * have been called): the first Japanese term is the headword, the others
 * its variants; the first English term is the English.  The concept is an
 * <admin type="conceptId"> when present, else the entry's id when it is a
 * valid concept id, else user.<n>.  A partOfSpeech termNote and a <note>
 * are kept.  Returns JAEN_OK, JAEN_EDATA ("name:line: ..."), JAEN_ENOMEM. */
int jaen_tbx_parse(struct jaen_dictsrc *ds, const char *name,
                   const char *bytes, size_t len, struct jaen_err *err);

#endif

/* seg.h: sentences and words with ICU.
 *
 * Sentences come from ICU's Japanese sentence break plus the rules these
 * documents need: every line is its own unit (a heading, a list item or a
 * line break ends a sentence), no break inside 「…」 or 『…』, and spaces,
 * ideographic ones included, are trimmed from sentence edges.  Words come
 * from ICU's word break; whitespace is not a token, and numbers written
 * with separators (3,800, ３，８００, 1.5) stay one token.  All offsets are
 * code points into the text. */
#ifndef JAEN_SEG_H
#define JAEN_SEG_H

#include <stddef.h>

#include "doc.h"
#include "err.h"

struct jaen_seg;

/* Opens the ICU break iterators.  Returns JAEN_OK or JAEN_EUSAGE (ICU data
 * missing) / JAEN_ENOMEM with err set. */
int jaen_seg_open(struct jaen_seg **sg, struct jaen_err *err);
void jaen_seg_close(struct jaen_seg *sg);          /* NULL is a no-op */

/* Segments valid UTF-8 text[0..len).  The results are borrowed from sg and
 * stay valid until the next call.  Memory is linear in the input: a line is
 * fed to ICU in chunks of at most JAEN_SEG_CHUNK_U16 code units, cut at a
 * sentence end, then after 、, then at a code point boundary. */
int jaen_seg_run(struct jaen_seg *sg, const char *text, size_t len,
                 struct jaen_sent **sents, size_t *nsents,
                 struct jaen_tok **toks, size_t *ntoks, struct jaen_err *err);

/* Segments doc's text and sets its "sentences". */
int jaen_seg_doc(struct jaen_seg *sg, struct jaen_doc *doc,
                 struct jaen_err *err);

#endif

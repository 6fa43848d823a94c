/* dataset.h: glossary-aligned parallel data from translated sentences.
 *
 * `jaen dataset` turns every sentence that has "en" into one
 * Japanese–English pair, with the glossary terms of the sentence aligned on
 * both sides:
 *   hf     JSON Lines {"id", "translation": {"ja", "en"}, "terms": [{"ja",
 *          "en", "concept", "ja_span": [s, e], "en_span": [s, e] | null}]}
 *          (the Hugging Face translation layout); spans are code points of
 *          each side, end exclusive; en_span is where the term's glossary
 *          English occurs in the English (qa.h jaen_qa_find_term), null
 *          when it does not;
 *   tmx    TMX 1.4b: the header's seven required attributes, one <tu> per
 *          pair, XML-escaped, plain text (level 1);
 *   moses  two line-aligned texts; inside a segment & | and line breaks
 *          are escaped as &amp; &#124; &#10; &#13; &#8232; &#8233; (the
 *          entity forms Moses' tokenizer uses), so that every segment is
 *          one line, no `|` reaches clean-corpus-n.perl, and the escaping
 *          is reversible.
 * A pair's id is the document id, '#' and the sentence's index. */
#ifndef JAEN_DATASET_H
#define JAEN_DATASET_H

#include "buf.h"
#include "doc.h"
#include "err.h"

enum jaen_dataset_format {
    JAEN_DATASET_HF = 0,
    JAEN_DATASET_TMX,
    JAEN_DATASET_MOSES,
};

/* Counts over a run. */
struct jaen_dataset_stats {
    long pairs;             /* pairs written */
    long skipped;           /* sentences without English ("error") */
    long skipped_docs;      /* documents without text or sentences */
    long terms;             /* terms written */
    long unaligned;         /* terms whose English was not found */
};

/* Maps "hf", "tmx" or "moses" to *fmt.  Returns JAEN_OK or JAEN_EUSAGE. */
int jaen_dataset_format_parse(const char *name, enum jaen_dataset_format *fmt);

/* Appends the TMX header (up to and including <body>) or footer to out.
 * version is the creation tool's version.  Returns JAEN_OK, JAEN_ENOMEM or
 * JAEN_ELIMIT. */
int jaen_dataset_tmx_begin(struct jaen_buf *out, const char *version);
int jaen_dataset_tmx_end(struct jaen_buf *out);

/* Appends the pairs of doc in format fmt: for hf and tmx to out; for moses
 * the Japanese lines to out and the English lines to en_out (line i of one
 * is the translation of line i of the other).  en_out is used for moses
 * only.  Adds to *st.  Returns JAEN_OK, JAEN_ENOMEM or JAEN_ELIMIT. */
int jaen_dataset_write(struct jaen_doc *doc, enum jaen_dataset_format fmt,
                       struct jaen_buf *out, struct jaen_buf *en_out,
                       struct jaen_dataset_stats *st, struct jaen_err *err);

/* Appends s[0..len) XML-escaped (& < > " ') to out; C0 controls other
 * than tab, LF and CR, which XML 1.0 forbids, become U+FFFD. */
int jaen_dataset_xml_escape(struct jaen_buf *out, const char *s, size_t len);

/* Appends s[0..len) with the Moses escapes above. */
int jaen_dataset_moses_escape(struct jaen_buf *out, const char *s,
                              size_t len);

#endif

/* qa.h: translation QA over a translated stream (`jaen check`).
 *
 * Four checks per sentence, the families of Xbench and Okapi CheckMate
 * (TRANSLATION.md §3):
 *   empty_target     no "en", or only spaces (translate gave "error");
 *   untranslated     Japanese characters left in the English, or the
 *                    English identical to the Japanese;
 *   number_mismatch  a value of normalize's entities in the sentence that
 *                    the English does not contain, after reading 1,234,
 *                    full-width digits, 1.5 million, 3万, month names and
 *                    small number words in the English;
 *   term_missing     a glossary term of the sentence whose English is not
 *                    in the English (case-insensitive, whole words, a
 *                    plural allowed; for a term of several words its
 *                    longest word is enough).
 * A sentence covered by a fixed phrase whose English is the phrase's own
 * skips the term check: the phrase is the glossary's rendering of its
 * terms. */
#ifndef JAEN_QA_H
#define JAEN_QA_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "err.h"

enum jaen_qa_check {
    JAEN_QA_EMPTY = 0,
    JAEN_QA_UNTRANSLATED,
    JAEN_QA_NUMBER,
    JAEN_QA_TERM,
    JAEN_QA_NCHECKS
};

/* Which glossary terms the term check looks at. */
enum jaen_qa_terms {
    JAEN_QA_TERMS_KEY = 0,  /* concepts of incident types, attacks,
                             * malware, vulnerabilities, data items,
                             * damage, regulators, laws and standards */
    JAEN_QA_TERMS_ALL,      /* every term */
    JAEN_QA_TERMS_NONE,     /* no term check */
};

/* Totals over a run. */
struct jaen_qa_totals {
    long docs;              /* documents seen */
    long skipped_docs;      /* documents without sentences (error records) */
    long sentences;         /* sentences checked */
    long findings[JAEN_QA_NCHECKS];
};

/* The check's name as written in reports ("number_mismatch", ...). */
const char *jaen_qa_check_name(enum jaen_qa_check c);

/* Checks every sentence of doc and appends one object per finding to
 * findings: {"id", "sentence" (index), "start", "end" (code points in the
 * text), "check", "message", "ja", "en" (or null)}.  Adds to *t.  A doc
 * without text or sentences is counted in t->skipped_docs.  Returns JAEN_OK
 * or JAEN_ENOMEM. */
int jaen_qa_check_doc(struct jaen_doc *doc, enum jaen_qa_terms terms,
                      json_t *findings, struct jaen_qa_totals *t,
                      struct jaen_err *err);

/* Finds the English term term[0..tlen) in s[0..len): ASCII
 * case-insensitive, not inside a word (a plural s or es may follow).
 * Searches from code point from_cp on; stores the code point span of the
 * match in *start, *end.  Returns 1 when found, else 0. */
int jaen_qa_find_term(const char *s, size_t len, const char *term,
                      size_t tlen, size_t from_cp, size_t *start,
                      size_t *end);

/* Does s[0..len) contain hiragana, katakana or CJK ideographs?  Stores
 * the byte offset of the first in *at (may be NULL). */
int jaen_qa_has_japanese(const char *s, size_t len, size_t *at);

/* The numbers written in English text s[0..len), into vals (at most cap;
 * the count is returned, also past cap): digit runs with grouping commas
 * and a decimal point (full-width too), the same times thousand, million,
 * billion, 万, 億 after them, month names as 1-12, and the words zero to
 * twenty. */
size_t jaen_qa_numbers(const char *s, size_t len, double *vals, size_t cap);

#endif

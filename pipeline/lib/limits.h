/* limits.h: every size cap of jaen, named in one place (curl's DYN_*).
 *
 * Going over a cap is a data error for that record (JAEN_ELIMIT), never an
 * out-of-memory condition. */
#ifndef JAEN_LIMITS_H
#define JAEN_LIMITS_H

/* Default cap on one input record (a JSONL line, or a whole document read
 * from a file); --max-record-bytes overrides it. */
#define JAEN_MAX_RECORD_BYTES ((size_t)256 << 20)

/* Nesting depth accepted in a JSONL record (jansson's own cap is 2048). */
#define JAEN_MAX_JSON_DEPTH 2048

/* ICU works on UTF-16 chunks of at most this many code units; longer
 * paragraphs are cut at a sentence end, then after 、, then at a grapheme
 * boundary, so that a 50 MB line costs linear time and bounded memory. */
#define JAEN_SEG_CHUNK_U16 (64 * 1024)

/* A growable buffer never passes this size unless its owner says otherwise. */
#define JAEN_BUF_DEFAULT_CAP ((size_t)1 << 30)

/* How much of a bad record is kept in its error record's "raw" field. */
#define JAEN_ERROR_RAW_BYTES 4096

/* Largest glossary source file (TSV, CSV or TBX) the compiler reads. */
#define JAEN_DICT_MAX_SOURCE_BYTES ((size_t)256 << 20)

/* Longest headword or phrase key in bytes, after folding. */
#define JAEN_DICT_MAX_KEY_BYTES 4096

#endif

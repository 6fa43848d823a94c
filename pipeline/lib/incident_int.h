/* incident_int.h: the insides of the incident extractor, shared by
 * incident.c (the document view and the record) and incident_rules.c,
 * incident_count.c (the decisions).  Private to those files. */
#ifndef JAEN_INCIDENT_INT_H
#define JAEN_INCIDENT_INT_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "doc.h"
#include "err.h"

/* What the heading above a sentence says its section is about. */
enum ix_sec {
    SEC_NONE = 0,
    SEC_TIMELINE,       /* 経緯, 概要, 経過 */
    SEC_DATA,           /* the data or people affected */
    SEC_CAUSE,          /* 原因 */
    SEC_RESPONSE,       /* 対応, 対策, 再発防止 */
    SEC_SECONDARY,      /* 二次被害 */
    SEC_CONTACT,        /* お問い合わせ, 窓口 */
};

/* A block of the document (doc.h "blocks"), as the sections need it. */
enum ix_block_type { BLOCK_OTHER = 0, BLOCK_HEADING, BLOCK_ITEM };
struct ix_block {
    enum ix_block_type type;
    int64_t start, end;     /* code point span; 0 when missing */
    int level;              /* a Markdown heading's level, else 0 */
};

/* One sentence as the rules see it. */
struct ix_sent {
    size_t a, b;        /* byte span in the text, trimmed */
    int64_t start, end; /* code point span */
    enum ix_sec sec;    /* section of the nearest heading above */
    int heading;        /* the sentence is (part of) a heading */
    int item;           /* the sentence is in a list item */
    const json_t *extra;/* borrowed extra keys, or NULL */
    size_t h0, h1;      /* its keyword occurrences: hits[h0 .. h1) */
    size_t ndates;      /* date and date_range entities that start in it */
};

/* One occurrence of a registered keyword (incident_kw.c). */
struct ix_hit {
    uint32_t off;       /* byte offset in the span */
    uint16_t kw;        /* keyword id */
};

/* The keyword index: the vocabulary of the rules' keyword lists and the
 * table that finds them all in one pass (incident_kw.c). */
struct ix_kw;

/* One document as the rules see it; arrays owned by the extractor. */
struct ix_doc {
    const char *text;   /* the text the rules read: raw, with Kangxi
                           radicals, compatibility ideographs and
                           half-width kana folded, same offsets */
    const char *raw;    /* the document's text as written: what the
                           record quotes */
    size_t len;         /* its bytes */
    size_t ncp;         /* its code points */
    size_t *cpb;        /* byte offset of each code point, ncp + 1 */
    struct ix_sent *s;  /* the sentences */
    size_t ns;
    const json_t *meta;     /* borrowed, or NULL */
    const json_t *entities; /* borrowed array, or NULL */
    const struct jaen_term *terms;  /* borrowed from the doc */
    size_t nterms;
    const char *published;  /* "YYYY-MM-DD" or NULL */
    const char *title;      /* the meta title (span ns), folded like
                               text, or NULL */
    size_t title_len;
    const char *org;        /* the meta organization, folded like text, or
                               NULL */
    struct jaen_buf tmp;    /* scratch */
    struct ix_kw *kw;       /* owned by the extractor */
    uint32_t scan_gen;      /* vocabulary generation of the scan */
    size_t nw;              /* bitset words per span */
    uint64_t *bits;         /* span i's keywords: bits[i * nw ..] */
    size_t abits;
    struct ix_hit *hits;    /* the spans' occurrences, span by span */
    size_t nhits, ahits;
};

/* Incident types as bits, in schema order. */
enum ix_type {
    T_UNAUTHORIZED = 0, T_RANSOMWARE, T_MALWARE, T_DATA_LEAK, T_PHISHING,
    T_WEB_TAMPERING, T_MISDELIVERY, T_MISCONFIG, T_LOSS_THEFT, T_INSIDER,
    T_OUTAGE, T_DDOS, T_THIRD_PARTY, T_NTYPES
};

extern const char *const jaen_ix_type_names[T_NTYPES];

/* Does s[0..len) contain the NUL-terminated k? */
int jaen_ix_has(const char *s, size_t len, const char *k);
/* Does s[0..len) contain any of the NULL-terminated list ks? */
int jaen_ix_any(const char *s, size_t len, const char *const *ks);
/* Does s[0..len) end with one of the NULL-terminated list ks? */
int jaen_ix_ends_any(const char *s, size_t len, const char *const *ks);
/* Byte offset of k in s[0..len), or (size_t)-1. */
size_t jaen_ix_find(const char *s, size_t len, const char *k);
/* Copies s[0..len) to out without spaces (ASCII and U+3000), as the
 * headings of PDF text read (「発 生 日 時」); returns the bytes written,
 * 0 when len > cap or nothing is left. */
size_t jaen_ix_despace(const char *s, size_t len, char *out, size_t cap);

/* The keyword index (incident_kw.c).  Opens an empty one: JAEN_OK or
 * JAEN_ENOMEM.  Close frees it; NULL is a no-op. */
/* The English of a disclosure title composed from glossary g's terms
 * (incident_title.c), into out (reset first).  Returns 1 when the whole
 * title was rendered, else 0 (out then undefined). */
/* Reads 第N報 at the start of s: N in ASCII or full-width digits, or one
 * kanji digit 一..九 (incident_rules.c).  Returns the bytes through 報 and
 * sets *n (which stops growing past 1,000,000), or returns 0 and sets *n
 * to 0 when s does not start so. */
size_t jaen_ix_report_at(const char *s, size_t len, long *n);

struct jaen_gloss;
int jaen_ix_title_en(const struct jaen_gloss *g, const char *title,
                     size_t len, struct jaen_buf *out);

int jaen_ix_kw_open(struct ix_kw **out);
void jaen_ix_kw_close(struct ix_kw *kw);
/* Scans the sentences and the title of d (after d->ns, d->s and d->title
 * are set) for every registered keyword.  JAEN_OK or JAEN_ENOMEM. */
int jaen_ix_kw_scan(struct ix_doc *d);

/* Queries on span sp: sentence sp, or the title when sp == d->ns.  Lists
 * and keywords are remembered by address, so they must have static
 * storage (string literals, static arrays); a list is registered on its
 * first use and answered by the scan from the next document on (by a plain
 * search until then).  Offsets are bytes from the span's start. */
/* Does span sp contain a keyword of ks? */
int jaen_ix_q_any(const struct ix_doc *d, size_t sp, const char *const *ks);
/* Does span sp contain k? */
int jaen_ix_q_has(const struct ix_doc *d, size_t sp, const char *k);
/* Offset of the first k at or after from, or (size_t)-1. */
size_t jaen_ix_q_find(const struct ix_doc *d, size_t sp, size_t from,
                      const char *k);
/* Offset of the first keyword of ks wholly inside [from, to), the longest
 * of those starting there (its length in *kl), or (size_t)-1. */
size_t jaen_ix_q_first(const struct ix_doc *d, size_t sp, size_t from,
                       size_t to, const char *const *ks, size_t *kl);
/* Is a keyword of ks at or after byte from of span sp? */
int jaen_ix_q_any_from(const struct ix_doc *d, size_t sp, size_t from,
                       const char *const *ks);

/* The text of sentence i. */
#define IX_S(d, i) ((d)->text + (d)->s[i].a)
#define IX_L(d, i) ((d)->s[i].b - (d)->s[i].a)

/* Index of the sentence holding code point cp, or ns. */
size_t jaen_ix_sent_at(const struct ix_doc *d, int64_t cp);

/* The decisions (incident_rules.c, incident_count.c). */
const char *jaen_ix_report_stage(const struct ix_doc *d);
unsigned jaen_ix_types(const struct ix_doc *d);
int jaen_ix_detected(const struct ix_doc *d, char out[11]);
const char *jaen_ix_secondary(const struct ix_doc *d);
/* Index of the cause sentence, or (size_t)-1. */
size_t jaen_ix_cause(const struct ix_doc *d);
/* The response measures (incident_resp.c): calls fn once per measure,
 * bytes [a, b) of sentence si, kind 1 implemented or 2 planned, in text
 * order; fn returns 0 or a negative status that stops the walk.  Returns
 * JAEN_OK or fn's status. */
typedef int (*jaen_ix_measure_fn)(void *ctx, size_t si, size_t a, size_t b,
                                  int kind);
int jaen_ix_response(const struct ix_doc *d, jaen_ix_measure_fn fn,
                     void *ctx);
/* The data items as a sorted array of schema names (incident_items.c). */
int jaen_ix_items(const struct ix_doc *d, json_t *items);
/* The counts: appends {value, approx, qualifier, unit, before_dedup,
 * subject} objects; subject filled by the caller's T maker. */
typedef json_t *(*jaen_ix_subject_fn)(struct ix_doc *d, int64_t a,
                                      int64_t b);
int jaen_ix_counts(struct ix_doc *d, jaen_ix_subject_fn subject,
                   json_t *counts);

#endif

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

/* Bits of the per-sentence bigram filter that lets most keyword searches
 * stop before they scan: a keyword whose first two code points never occur
 * together in the sentence is not in it. */
#define IX_BLOOM_WORDS 16

/* One sentence as the rules see it. */
struct ix_sent {
    size_t a, b;        /* byte span in the text, trimmed */
    int64_t start, end; /* code point span */
    enum ix_sec sec;    /* section of the nearest heading above */
    int heading;        /* the sentence is (part of) a heading */
    int item;           /* the sentence is in a list item */
    const json_t *extra;/* borrowed extra keys, or NULL */
    uint64_t bloom[IX_BLOOM_WORDS]; /* code point bigrams present */
};

/* Per-list bigram masks, computed on a list's first use, so that a whole
 * keyword list is skipped with a few word ANDs (incident.c). */
struct ix_kwcache;

/* One document as the rules see it; arrays owned by the extractor. */
struct ix_doc {
    const char *text;   /* the document's text */
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
    struct jaen_buf tmp;    /* scratch */
    struct ix_kwcache *kc;  /* list masks, owned by the extractor */
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
/* Byte offset of k in s[0..len), or (size_t)-1. */
size_t jaen_ix_find(const char *s, size_t len, const char *k);

/* Like jaen_ix_has / jaen_ix_any / jaen_ix_find on s[0..len), skipping
 * keywords whose first bigram is not in bloom (NULL: no filter). */
int jaen_ix_bhas(const char *s, size_t len, const uint64_t *bloom,
                 const char *k);
int jaen_ix_bany(const struct ix_doc *d, const char *s, size_t len,
                 const uint64_t *bloom, const char *const *ks);
/* 0 when no keyword of ks can be in a text with this bloom filter. */
int jaen_ix_list_may(const struct ix_doc *d, const uint64_t *bloom,
                     const char *const *ks);
size_t jaen_ix_bfind(const char *s, size_t len, const uint64_t *bloom,
                     const char *k);

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
/* Response sentences: kinds[i] = 1 implemented, 2 planned, 0 neither. */
int jaen_ix_response(const struct ix_doc *d, unsigned char *kinds);
/* The data items as a sorted array of schema names. */
int jaen_ix_items(const struct ix_doc *d, json_t *items);
/* The counts: appends {value, approx, qualifier, unit, before_dedup,
 * subject} objects; subject filled by the caller's T maker. */
typedef json_t *(*jaen_ix_subject_fn)(struct ix_doc *d, int64_t a,
                                      int64_t b);
int jaen_ix_counts(struct ix_doc *d, jaen_ix_subject_fn subject,
                   json_t *counts);

#endif

/* doc_int.h: the insides of struct jaen_doc, shared by doc.c (records and
 * fields) and doccodec.c (the typed sentences and terms).  Private to the
 * stream module. */
#ifndef JAEN_DOC_INT_H
#define JAEN_DOC_INT_H

#include "doc.h"

enum field_state {
    FIELD_RAW = 0,      /* raw slice of the line, not parsed */
    FIELD_PARSED,       /* raw slice plus a cached, unmodified json value */
    FIELD_DIRTY,        /* json value set or touched: must be dumped */
    FIELD_TEXT,         /* "text" set by a stage: doc->text is the value */
    FIELD_SENTS,        /* "sentences" changed: doc->sents is the value */
};

struct field {
    char *key;          /* decoded key, owned, NUL-terminated */
    size_t raw_off;     /* raw value: offset into doc->line */
    size_t raw_len;     /* raw value length in bytes, 0 when not raw */
    json_t *val;        /* owned cached/set value, or NULL */
    enum field_state state;
};

/* A sentence's object in doc->line: [off, off + len); len 0 once the
 * sentence has changed (or when it was not read from the line). */
struct sent_raw {
    size_t off;
    size_t len;
};

struct jaen_doc {
    struct jaen_buf line;       /* the record as read */
    struct field *fields;       /* in record order */
    size_t nfields, afields;
    struct jaen_buf text;       /* decoded "text" */
    int text_ok;                /* text holds the decoded value */
    size_t text_ncp;            /* code points in text */
    struct jaen_sent *sents;    /* typed "sentences" */
    size_t nsents, asents;
    struct jaen_tok *toks;
    size_t ntoks, atoks;
    int sents_ok;               /* sents hold the decoded value */
    int early_sents;            /* decode "sentences" while parsing */
    struct sent_raw *sraw;      /* where each sentence was read, so that */
    size_t nsraw, asraw;        /* unchanged ones are written as they were */
    struct jaen_term *terms;    /* typed "terms" */
    size_t nterms, aterms;
    int terms_ok;               /* terms hold the decoded value */
    struct jaen_buf arena;      /* the terms' strings */
    struct jaen_buf scratch;    /* key decoding */
};

/* doc.c */
struct field *jaen_doc_find_(const struct jaen_doc *doc, const char *key);
int jaen_doc_set_field_(struct jaen_doc *doc, const char *key, json_t *value,
                        int state);
int jaen_doc_grow_(void **p, size_t *alloc, size_t need, size_t size);

/* doccodec.c */
void jaen_doc_clear_sents_(struct jaen_doc *doc);
int jaen_doc_write_sents_(const struct jaen_doc *doc, struct jaen_buf *out);
int jaen_doc_decode_sents_(struct jaen_doc *doc, const char *s, size_t len,
                           size_t base, size_t *end, struct jaen_err *err);

/* Chains appends: after the first failure the rest are skipped, so a
 * record is either written whole or reported as failed. */
#define ADD(call) do { if (!rc) rc = (call); } while (0)

#endif

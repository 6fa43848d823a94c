/* mt_int.h: internals shared by mt_doc.c (documents, batching, TM) and
 * mt_batch.c (one request: glossary upload, sending, classifying the
 * answer, restoring placeholders).  Not API: include only from those. */
#ifndef JAEN_MT_INT_H
#define JAEN_MT_INT_H

#include "mt.h"
#include "protect.h"
#include "tm.h"

/* Neighbouring text sent as context, at most (bytes). */
#define MT_CONTEXT_MAX 4000
/* Room for the JSON around the texts and the context. */
#define MT_BODY_OVERHEAD 1024

struct pending {
    size_t sent;                /* sentence index */
    struct jaen_prot prot;      /* protected text and placeholders */
    char *text;                 /* normalized protected text to send */
    size_t text_len;
    unsigned char key[32];      /* TM key */
    unsigned char skey[32];     /* engine-free TM key */
    char *source;               /* the original sentence */
    long dup_of;                /* index of an identical earlier one, -1 */
    int tm_hit;                 /* en came from the TM */
    char *en;                   /* result */
    const char *why;            /* failure, static or in msg */
    char msg[256];              /* failure text when not static */
};

/* A protected span of the document, in code points of its text. */
struct span {
    int64_t start;
    int64_t end;
    char *en;                   /* owned */
};

struct jaen_mt {
    struct jaen_mt_conf conf;   /* borrowed strings */
    struct jaen_http *http;     /* NULL offline */
    struct jaen_tm *tm;
    struct jaen_buf url;        /* the translate URL */
    struct jaen_buf body;       /* scratch: request body */
    struct jaen_buf auth;       /* scratch: Authorization line */
    struct jaen_buf scratch;    /* scratch: sizes, context */
    char *glossary_id;          /* DeepL glossary in use, owned */
    char glossary_version[80];  /* in every TM key */
    char fatal[320];            /* why requests stopped, "" if they did not */
    struct jaen_mt_stats st;
};

/* The engine's name, "" when offline without one. */
const char *jaen_mt_engine_name(const struct jaen_mt *mt);

/* Reports the counters to the progress callback, if any. */
void jaen_mt_report(struct jaen_mt *mt);

/* Creates the DeepL glossary from the configured TSV once, when the first
 * request needs it; failure is fatal for the run (mt->fatal). */
int jaen_mt_batch_glossary(struct jaen_mt *mt, struct jaen_err *err);

/* Puts up to MT_CONTEXT_MAX bytes of the sentences around [a, b] into
 * mt->scratch. */
int jaen_mt_batch_context(struct jaen_mt *mt, const char *text,
                          const size_t *offs, const struct jaen_sent *sents,
                          size_t nsents, size_t a, size_t b);

/* Sends p[0..n) as one request and fills in en or why for each.  Returns
 * JAEN_OK (even when the request failed: see why), or JAEN_ENOMEM. */
int jaen_mt_batch_send(struct jaen_mt *mt, struct pending **p, size_t n,
                       const char *context, struct jaen_err *err);

#endif

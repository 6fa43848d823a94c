/* mt.h: machine translation: the HTTP client, the backends and the
 * per-document translator behind `jaen translate`.
 *
 * Three layers.  The HTTP client (mt.c) owns libcurl: URL policy (https, or
 * http to loopback only), timeouts, a response size cap, retries with the
 * DeepL clients' backoff and Retry-After.  A backend (mt_deepl.c,
 * mt_libre.c, mt_openai.c) is a pair of pure functions that build one
 * request body and parse one response, testable without a network.  The
 * translator (mt_doc.c) walks a document's sentences: fixed phrases first,
 * then the translation memory (tm.h), then batched requests with protected
 * spans (protect.h), and writes "en"/"en_source" or "error" per sentence. */
#ifndef JAEN_MT_H
#define JAEN_MT_H

#include <stddef.h>

#include "buf.h"
#include "doc.h"
#include "err.h"
#include "protect.h"

/* ---- HTTP client ---- */

/* Largest response body accepted by default; more is a bad response. */
#define JAEN_MT_MAX_RESPONSE ((size_t)8 << 20)

struct jaen_http_opts {
    long connect_timeout_ms;    /* connection phase, default 10 s */
    long low_speed_limit;       /* bytes per second, default 1 */
    long low_speed_time_s;      /* ...for this long, default 30 s */
    long timeout_ms;            /* whole request, default 120 s */
    size_t max_response;        /* body cap in the write callback */
    int max_retries;            /* default 5: at most 6 attempts */
    double backoff_scale;       /* multiplies every wait; tests use 0.01 */
    double backoff_cap_s;       /* largest backoff step, default 120 s */
    double retry_after_max_s;   /* Retry-After is clamped to this, 60 s */
};

struct jaen_http_stats {
    long requests;              /* attempts sent, retries included */
    long retries;               /* attempts after the first, per call */
    long bytes_sent;            /* request bodies, all attempts */
    long max_payload;           /* largest single request body */
    long retry_after_seen;      /* responses that carried Retry-After */
    double waited_s;            /* time spent in backoff sleeps */
};

struct jaen_http_resp {
    long status;                /* HTTP status; 0 when none arrived */
    int net_failed;             /* 1 when the transfer itself failed */
    int too_big;                /* 1 when the body passed the cap */
    char content_type[128];     /* lower-cased media type, no params */
    char net_msg[160];          /* curl's error text when net_failed */
    struct jaen_buf body;       /* the response body */
};

struct jaen_http;

/* Fills o with the defaults above. */
void jaen_http_opts_default(struct jaen_http_opts *o);

/* Overrides o from the environment, for tests and slow links:
 * JAEN_MT_CONNECT_TIMEOUT, JAEN_MT_TIMEOUT, JAEN_MT_LOW_SPEED_TIME (seconds,
 * decimals allowed), JAEN_MT_MAX_RESPONSE (bytes), JAEN_MT_MAX_RETRIES and
 * JAEN_MT_BACKOFF_SCALE.  A malformed value is JAEN_EUSAGE. */
int jaen_http_opts_env(struct jaen_http_opts *o, struct jaen_err *err);

/* Checks the URL policy: scheme https, or http when the host is loopback
 * (127.0.0.0/8, ::1, localhost).  Returns JAEN_OK or JAEN_EUSAGE. */
int jaen_mt_url_check(const char *url, struct jaen_err *err);

/* The wait before retry number `attempt` (1-based), in seconds, scaled:
 * 1 s x 1.6^(attempt-1), capped, times 1 + 0.23 * (2u - 1) for u in [0,1). */
double jaen_mt_backoff(const struct jaen_http_opts *o, int attempt, double u);

/* Parses a Retry-After value (delta-seconds or an HTTP-date) against now
 * (seconds since the epoch).  Returns the wait in seconds clamped to
 * [0, max_s], or -1 when the value is absent or malformed. */
double jaen_mt_retry_after(const char *value, long long now, double max_s);

/* Opens a client.  Returns JAEN_OK, JAEN_ENOMEM or JAEN_ENET. */
int jaen_http_open(struct jaen_http **out, const struct jaen_http_opts *o,
                   struct jaen_err *err);
void jaen_http_close(struct jaen_http *h);          /* NULL is a no-op */

/* POSTs body to url with the given headers (NULL-terminated, may be NULL),
 * retrying on network errors, 429 and 5xx.  On return resp describes the
 * last attempt; its body buffer is reset first and owned by the caller
 * (free with jaen_buf_free).  Returns JAEN_OK whenever an answer or a
 * final network failure is in resp, JAEN_EUSAGE when the URL breaks the
 * policy, JAEN_ENOMEM.  Neither url nor headers are ever logged. */
int jaen_http_post(struct jaen_http *h, const char *url,
                   const char *const *headers, const char *body,
                   size_t len, struct jaen_http_resp *resp,
                   struct jaen_err *err);

/* Counters since open; borrowed, valid until close. */
const struct jaen_http_stats *jaen_http_stats(const struct jaen_http *h);

/* ---- Backends ---- */

/* One request's worth of input for a backend. */
struct jaen_mt_req {
    const char *const *texts;   /* protected source texts */
    const size_t *lens;         /* their byte lengths */
    size_t n;                   /* number of texts */
    const char *context;        /* neighbouring text, or NULL */
    const char *hints;          /* placeholder meanings, one per line */
    const char *key;            /* API key or NULL */
    const char *model;          /* model name or NULL */
    const char *glossary_id;    /* DeepL glossary or NULL */
    const char *source_lang;    /* "ja" */
    const char *target_lang;    /* "en" */
};

struct jaen_mt_backend {
    const char *name;           /* "deepl", "libre", "openai" */
    const char *key_env;        /* environment variable of the key */
    enum jaen_prot_style style; /* how spans are protected */
    size_t max_texts;           /* texts per request */
    size_t max_body;            /* request body bytes */
    int key_required;           /* 1 when no key means no service */
    /* The request URL for an endpoint (NULL: the default) and key. */
    int (*url)(const char *endpoint, const char *key, struct jaen_buf *url,
               struct jaen_err *err);
    /* The request body and the Authorization header line (or nothing). */
    int (*build)(const struct jaen_mt_req *rq, struct jaen_buf *body,
                 struct jaen_buf *auth, struct jaen_err *err);
    /* Parses a 2xx JSON body into n jaen_malloc'd strings (out[i]; a NULL
     * entry with msgs[i] set is a per-text failure).  A body that is not
     * the expected shape is JAEN_EDATA, for every text it carried. */
    int (*parse)(const char *body, size_t len, size_t n, char **out,
                 const char **msgs, struct jaen_err *err);
};

extern const struct jaen_mt_backend jaen_mt_deepl;
extern const struct jaen_mt_backend jaen_mt_libre;
extern const struct jaen_mt_backend jaen_mt_openai;

/* Looks a backend up by name; NULL when unknown. */
const struct jaen_mt_backend *jaen_mt_backend_find(const char *name);

/* Joins base and path ("https://h" + "/v2/translate"), unless base already
 * ends with path.  Shared by the backends' url functions. */
int jaen_mt_join_url(const char *base, const char *path,
                     struct jaen_buf *url);

/* Copies a short text into msg[cap], replacing controls by spaces and
 * truncating on a UTF-8 boundary. */
void jaen_mt_clip(const char *s, size_t len, char *msg, size_t cap);

/* Extracts a readable message from an error body of any of the three
 * services: {"message"[, "detail"]} (DeepL), {"error": "..."} (Libre),
 * {"error": {"message", "code": int|string|null}} (OpenAI-compatible), or
 * the start of a body that is not JSON at all.  Never fails. */
void jaen_mt_errmsg(const char *body, size_t len, char *msg, size_t cap);

/* DeepL glossary upload: builds the POST /v2/glossaries body from TSV
 * entries, and parses the glossary_id out of its answer (jaen_malloc'd). */
int jaen_mt_deepl_glossary_body(const char *name, const char *tsv,
                                size_t len, struct jaen_buf *body);
int jaen_mt_deepl_glossary_id(const char *body, size_t len, char **id,
                              struct jaen_err *err);

/* ---- The translator ---- */

struct jaen_mt_stats {
    long sentences;             /* sentences seen */
    long done;                  /* with "en" */
    long failed;                /* with "error" */
    long phrase;                /* covered by a fixed phrase */
    long tm_hits;               /* found in the translation memory */
    long translated;            /* translated by the engine */
    long batches;               /* translate requests (not attempts) */
    long requests;              /* HTTP attempts, retries included */
    long retries;               /* HTTP retries */
    long bytes_sent;            /* request bytes, all attempts */
    long max_payload;           /* largest request body */
};

struct jaen_mt_conf {
    const struct jaen_mt_backend *backend; /* NULL: offline only */
    const char *endpoint;       /* NULL: the backend's default */
    const char *model;          /* NULL: the backend's default */
    const char *key;            /* borrowed for the translator's life */
    const char *glossary_id;    /* DeepL: an existing glossary */
    const char *glossary_tsv;   /* DeepL: upload these entries lazily */
    size_t glossary_tsv_len;
    const char *glossary_version; /* part of every TM key, "" if none */
    const char *cache_path;     /* the TM file */
    int offline;                /* 1: phrases and TM only */
    struct jaen_http_opts http;
    /* Called after every batch and document; may be NULL. */
    void (*progress)(void *arg, const struct jaen_mt_stats *s);
    void *progress_arg;
};

struct jaen_mt;

/* Opens the translator and its TM.  conf's strings are borrowed.  Returns
 * JAEN_OK, JAEN_ENOMEM, JAEN_EIO/JAEN_EFORMAT (the cache), JAEN_EUSAGE (a
 * bad endpoint) or JAEN_ENET. */
int jaen_mt_open(struct jaen_mt **out, const struct jaen_mt_conf *conf,
                 struct jaen_err *err);
void jaen_mt_close(struct jaen_mt *mt);             /* NULL is a no-op */

/* Translates doc in place: every sentence gets "en" and "en_source"
 * ("phrase", "tm" or the engine's name) or, when it failed, "error" (a
 * message) and keeps no "en".  Returns JAEN_OK when every sentence has
 * "en", JAEN_EDATA when some failed (err says how many and the first
 * reason), JAEN_ENOMEM, or JAEN_EIO when the TM failed. */
int jaen_mt_translate_doc(struct jaen_mt *mt, struct jaen_doc *doc,
                          struct jaen_err *err);

/* The message that stopped all requests (403, 401, 456), or NULL. */
const char *jaen_mt_fatal(const struct jaen_mt *mt);

/* The counters so far. */
void jaen_mt_get_stats(const struct jaen_mt *mt, struct jaen_mt_stats *s);

/* Writes the whole translation memory as TMX 1.4b to path. */
int jaen_mt_export_tmx(struct jaen_mt *mt, const char *path,
                       struct jaen_err *err);

/* ---- Setting a run up from the command line ---- */

/* What the user asked for; every field may be NULL/0. */
struct jaen_mt_args {
    const char *engine;         /* --engine */
    const char *endpoint;       /* --endpoint */
    const char *model;          /* --model */
    const char *cache;          /* --cache; default under ~/.cache/jaen */
    const char *glossary_id;    /* --glossary-id (DeepL) */
    const char *glossary_file;  /* --deepl-glossary FILE (TSV to upload) */
    const char *glossary_version; /* --glossary-version */
    int offline;                /* --offline */
};

/* A resolved configuration and the memory behind it. */
struct jaen_mt_setup {
    struct jaen_mt_conf conf;   /* ready for jaen_mt_open */
    char *key;                  /* the API key (wiped on free) */
    const char *key_from;       /* "the environment", "the config file" */
    char *cache;                /* the cache path */
    char *tsv;                  /* glossary entries read from the file */
};

/* Resolves args: picks the engine (--engine, else the first of DeepL,
 * OpenAI, LibreTranslate whose key is configured), finds its key in the
 * environment or the config file, the default cache path, reads the
 * glossary file, and applies JAEN_MT_* environment overrides.  Without an
 * engine or a needed key it returns JAEN_EUSAGE with a message that says
 * what to set.  Free s with jaen_mt_setup_free, also after a failure. */
int jaen_mt_setup(struct jaen_mt_setup *s, const struct jaen_mt_args *a,
                  struct jaen_err *err);
void jaen_mt_setup_free(struct jaen_mt_setup *s);

#endif

/* runner.h: the stage runner's insides, shared by stage.c and pool.c.
 *
 * Private: stages see only stage.h.  The reader (stage.c) cuts the input
 * into items and packs them into jobs; workers (pool.c) turn each item into
 * output and diagnostics inside its job; the main thread writes finished
 * jobs in input order, so the output is the same for any --jobs. */
#ifndef JAEN_RUNNER_H
#define JAEN_RUNNER_H

#include <pthread.h>
#include <stddef.h>
#include <time.h>

#include "buf.h"
#include "doc.h"
#include "stage.h"

enum item_kind {
    ITEM_JSONL,         /* one JSONL line, not yet checked */
    ITEM_MD,            /* one archive Markdown document, valid UTF-8 */
    ITEM_TEXT,          /* one plain-text document, valid UTF-8 */
    ITEM_ERROR,         /* input that failed before parsing: message only */
};

/* One input record.  Offsets point into its job's bytes. */
struct item {
    enum item_kind kind;
    size_t off, len;            /* the record's bytes */
    size_t id_off;              /* NUL-terminated document id */
    size_t where_off;           /* NUL-terminated file name for messages */
    long line;                  /* line number in that file, 0 if none */
    int code;                   /* ITEM_ERROR: the status; sources: 1 when
                                 * ill-formed UTF-8 was replaced */
};

enum job_state { JOB_FREE, JOB_FILLING, JOB_QUEUED, JOB_RUNNING, JOB_DONE };

/* A batch of items and what became of them. */
struct job {
    enum job_state state;
    struct jaen_buf in;         /* item bytes, ids, names, messages */
    struct item *items;
    size_t nitems, aitems;
    struct jaen_buf out;        /* the output of every item, in order */
    struct jaen_buf diag;       /* messages for stderr, in order */
    long records, bad;
    int fatal;                  /* an item could not be written: stop */
    int stopped;                /* --fail-fast stopped inside this job */
};

/* What each thread owns: a stage context, a document, scratch space. */
struct worker {
    struct run *run;
    void *ctx;                  /* the stage's context for this thread */
    struct jaen_doc *doc;
    struct jaen_buf tmp;        /* repaired bytes */
    pthread_t thread;
    int started;
};

struct saved_opt {
    const struct jaen_opt *opt;
    const char *arg;
};

struct run {
    const struct jaen_stage *stage;
    struct jaen_run_info info;
    size_t max_record;
    int fail_fast;
    int input;                  /* enum input_mode of stage.c */
    long njobs_opt;             /* --jobs, 0 for the default */
    struct saved_opt *opts;     /* stage options, replayed on each ctx */
    size_t nopts;
    struct worker *workers;     /* [0] always exists; threads use [1..] */
    size_t nworkers;            /* threads; 0 means work on the caller */
    struct job *ring;           /* jobs in flight, oldest at head */
    size_t nring, head, tail, next_run;
    struct job *filling;        /* the job being filled, or NULL */
    pthread_mutex_t mu;
    pthread_cond_t work;        /* a job was queued, or quit */
    pthread_cond_t done;        /* a job finished */
    int quit;
    long records, bad;
    int status;                 /* exit status so far */
    int stop;                   /* stop reading: EPIPE, fatal, fail-fast */
    int epipe;
    time_t last_progress;
};

/* pool.c */
int jaen_pool_start(struct run *run, struct jaen_err *err);
/* Returns a job to add items to (waiting for room if need be), or NULL
 * when the run is stopping. */
struct job *jaen_pool_job(struct run *run);
/* Adds an item to the filling job; id and where are copied.  Returns
 * JAEN_OK or JAEN_ENOMEM. */
int jaen_pool_add(struct run *run, enum item_kind kind, const char *bytes,
                  size_t len, const char *id, const char *where, long line,
                  int code);
/* Queues the filling job, writes every finished job, stops the threads. */
void jaen_pool_finish(struct run *run);
void jaen_pool_free(struct run *run);
/* Writes text to stdout unless the run stopped; notes EPIPE and failures. */
void jaen_pool_write(struct run *run, const char *p, size_t len);

#endif

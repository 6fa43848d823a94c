/* pool.c: records to output, on one thread or several, in input order.
 *
 * Jobs sit in a ring.  The reader fills the job at the tail and queues it;
 * workers take queued jobs in order; the main thread writes the job at the
 * head once it is done.  Memory is bounded by the ring: at most nring jobs
 * of at most JOB_ITEMS records or JOB_BYTES bytes (or one larger record). */
#include "runner.h"

#include "alloc.h"
#include "io.h"
#include "jscan.h"
#include "limits.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define JOB_ITEMS 64
#define JOB_BYTES ((size_t)1 << 20)

static void diag(const struct run *run, struct job *job, const char *where,
                 long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void diag(const struct run *run, struct job *job, const char *where,
                 long line, const char *fmt, ...)
{
    char msg[512], text[1024];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (where && line > 0)
        snprintf(text, sizeof(text), "jaen %s: %.256s:%ld: %s\n",
                 run->stage->name, where, line, msg);
    else if (where)
        snprintf(text, sizeof(text), "jaen %s: %.256s: %s\n",
                 run->stage->name, where, msg);
    else
        snprintf(text, sizeof(text), "jaen %s: %s\n", run->stage->name, msg);
    /* out of memory for the message: say it now, out of order, rather
     * than not at all */
    if (jaen_buf_adds(&job->diag, text))
        fputs(text, stderr);
}

static void bad(struct run *run, struct job *job, const struct item *it,
                const struct jaen_err *err)
{
    job->bad++;
    diag(run, job, job->in.ptr + it->where_off, it->line, "%s", err->msg);
    if (run->fail_fast)
        job->stopped = 1;
}

static void emit(struct worker *w, struct job *job, const struct item *it)
{
    struct run *run = w->run;
    struct jaen_err err = {0};
    int rc;

    if (job->fatal)
        return;         /* the record could not be marked: write nothing */
    rc = run->stage->emit ? run->stage->emit(w->ctx, w->doc, &job->out, &err)
                          : jaen_doc_write(w->doc, &job->out, &err);
    if (rc) {
        diag(run, job, job->in.ptr + it->where_off, it->line,
             "cannot write the record: %s",
             err.msg[0] ? err.msg : jaen_strstatus(rc));
        job->fatal = 1;
    }
}

/* Turns the worker's doc into an error record for input that could not be
 * parsed, keeping the start of the raw bytes. */
static void error_record(struct worker *w, const char *id, const char *raw,
                         size_t rawlen, const struct jaen_err *err)
{
    size_t keep = rawlen;

    jaen_doc_reset(w->doc);
    jaen_doc_set(w->doc, JAEN_F_ID, json_string(id));
    if (raw) {
        if (keep > JAEN_ERROR_RAW_BYTES) {
            keep = JAEN_ERROR_RAW_BYTES;    /* cut at a code point */
            while (keep > 0 && ((unsigned char)raw[keep] & 0xC0) == 0x80)
                keep--;
        }
        jaen_doc_set(w->doc, "raw", json_stringn(raw, keep));
        if (keep < rawlen)
            jaen_doc_set(w->doc, "raw_bytes",
                         json_integer((json_int_t)rawlen));
    }
    jaen_doc_set_error(w->doc, w->run->stage->name, err);
}

/* A failed record that could not get its "error" field (no memory) must
 * not be written as if it were good: the run stops instead. */
static void check_marked(struct worker *w, struct job *job,
                         const struct item *it)
{
    if (!jaen_doc_has_error(w->doc)) {
        diag(w->run, job, job->in.ptr + it->where_off, it->line,
             "out of memory for the error record");
        job->fatal = 1;
    }
}

static void do_item(struct worker *w, struct job *job, const struct item *it)
{
    struct run *run = w->run;
    const char *bytes = job->in.ptr + it->off;
    const char *id = job->in.ptr + it->id_off;
    const char *where = job->in.ptr + it->where_off;
    size_t len = it->len;
    struct jaen_err err = {0};
    int rc;

    job->records++;
    if (it->kind == ITEM_ERROR) {
        jaen_err_set(&err, it->code, "%.*s", (int)len, bytes);
        error_record(w, id, NULL, 0, &err);
        check_marked(w, job, it);
        bad(run, job, it, &err);
        emit(w, job, it);
        return;
    }
    if (it->kind == ITEM_JSONL) {
        size_t fixes = 0;
        long first = -1;
        if (jaen_utf8_valid_prefix(bytes, len) != len) {
            jaen_buf_reset(&w->tmp);
            if (jaen_utf8_repair(bytes, len, &w->tmp, &fixes, &first)) {
                jaen_err_set(&err, JAEN_ENOMEM, "out of memory");
                error_record(w, id, NULL, 0, &err);
                check_marked(w, job, it);
                bad(run, job, it, &err);
                emit(w, job, it);
                return;
            }
            diag(run, job, where, it->line, "invalid UTF-8 at byte %ld "
                 "(%zu sequence%s replaced by U+FFFD)", first + 1, fixes,
                 fixes == 1 ? "" : "s");
            bytes = w->tmp.ptr;
            len = w->tmp.len;
        }
        rc = jaen_doc_parse(w->doc, bytes, len, &err);
        if (!rc && fixes)
            jaen_doc_warn(w->doc, run->stage->name, "invalid UTF-8 was "
                          "replaced by U+FFFD");
    } else {
        jaen_doc_reset(w->doc);
        rc = run->stage->source(w->ctx, id, bytes, len, it->kind == ITEM_MD,
                                w->doc, &err);
        if (!rc && it->code)
            jaen_doc_warn(w->doc, run->stage->name, "invalid UTF-8 was "
                          "replaced by U+FFFD");
    }
    if (rc) {
        if (!err.code)
            jaen_err_set(&err, rc, "%s", jaen_strstatus(rc));
        error_record(w, id, bytes, len, &err);
        check_marked(w, job, it);
        bad(run, job, it, &err);
        emit(w, job, it);
        return;
    }
    if (!jaen_doc_has_error(w->doc) && run->stage->process) {
        rc = run->stage->process(w->ctx, w->doc, &err);
        if (rc) {
            if (!err.code)
                jaen_err_set(&err, rc, "%s", jaen_strstatus(rc));
            /* a partial failure is marked inside the record already */
            if (rc != JAEN_EPARTIAL) {
                jaen_doc_set_error(w->doc, run->stage->name, &err);
                check_marked(w, job, it);
            }
            bad(run, job, it, &err);
        }
    }
    emit(w, job, it);
}

static void do_job(struct worker *w, struct job *job)
{
    size_t i;

    for (i = 0; i < job->nitems && !job->fatal && !job->stopped; i++)
        do_item(w, job, &job->items[i]);
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    struct run *run = w->run;

    pthread_mutex_lock(&run->mu);
    for (;;) {
        struct job *job = NULL;
        if (run->next_run < run->tail
            && run->ring[run->next_run % run->nring].state == JOB_QUEUED) {
            job = &run->ring[run->next_run % run->nring];
            run->next_run++;
        } else if (run->quit) {
            break;
        }
        if (!job) {
            pthread_cond_wait(&run->work, &run->mu);
            continue;
        }
        job->state = JOB_RUNNING;
        pthread_mutex_unlock(&run->mu);
        do_job(w, job);
        pthread_mutex_lock(&run->mu);
        job->state = JOB_DONE;
        pthread_cond_broadcast(&run->done);
    }
    pthread_mutex_unlock(&run->mu);
    return NULL;
}

static int worker_init(struct run *run, struct worker *w,
                       struct jaen_err *err)
{
    size_t i;
    int rc;

    w->run = run;
    jaen_buf_init(&w->tmp, JAEN_BUF_DEFAULT_CAP);
    w->ctx = jaen_calloc(1, run->stage->ctx_size ? run->stage->ctx_size : 1);
    w->doc = jaen_doc_new();
    if (!w->ctx || !w->doc)
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    jaen_doc_decode_early(w->doc, run->stage->reads_sentences);
    for (i = 0; i < run->nopts; i++) {
        if (!run->stage->option)
            break;
        rc = run->stage->option(w->ctx, run->opts[i].opt->id,
                                run->opts[i].arg, err);
        if (rc) {
            char msg[sizeof(err->msg)];
            snprintf(msg, sizeof(msg), "--%.40s: %.200s",
                     run->opts[i].opt->name,
                     err->msg);
            memcpy(err->msg, msg, sizeof(msg));
            return rc;
        }
    }
    if (run->stage->init && (rc = run->stage->init(w->ctx, &run->info, err)))
        return rc;
    return JAEN_OK;
}

int jaen_pool_start(struct run *run, struct jaen_err *err)
{
    size_t n = 0, i;
    long cpus;
    int rc;

    if (run->stage->parallel && !run->stage->finish) {
        cpus = sysconf(_SC_NPROCESSORS_ONLN);
        n = run->njobs_opt > 0 ? (size_t)run->njobs_opt
            : cpus > 4 ? 4 : cpus > 0 ? (size_t)cpus : 1;
    }
    run->nworkers = n > 1 ? n : 0;
    run->workers = jaen_calloc(run->nworkers + 1, sizeof(*run->workers));
    run->nring = run->nworkers ? 2 * run->nworkers + 2 : 1;
    run->ring = jaen_calloc(run->nring, sizeof(*run->ring));
    if (!run->workers || !run->ring)
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    for (i = 0; i < run->nring; i++) {
        jaen_buf_init(&run->ring[i].in, JAEN_BUF_DEFAULT_CAP);
        jaen_buf_init(&run->ring[i].out, JAEN_BUF_DEFAULT_CAP);
        jaen_buf_init(&run->ring[i].diag, JAEN_BUF_DEFAULT_CAP);
    }
    /* worker 0 serves the single-threaded case and checks the options */
    for (i = 0; i < (run->nworkers ? run->nworkers : 1); i++)
        if ((rc = worker_init(run, &run->workers[i], err)))
            return rc;
    pthread_mutex_init(&run->mu, NULL);
    pthread_cond_init(&run->work, NULL);
    pthread_cond_init(&run->done, NULL);
    for (i = 0; i < run->nworkers; i++) {
        if (pthread_create(&run->workers[i].thread, NULL, worker_main,
                           &run->workers[i]))
            return jaen_err_set(err, JAEN_EUSAGE, "cannot start a thread");
        run->workers[i].started = 1;
    }
    return JAEN_OK;
}

void jaen_pool_write(struct run *run, const char *p, size_t len)
{
    struct jaen_err err = {0};
    int rc;

    if (run->stop || !len)
        return;
    rc = jaen_write_all(STDOUT_FILENO, p, len, &err);
    if (rc == JAEN_EPIPE) {
        run->epipe = 1;
        run->stop = 1;
    } else if (rc) {
        fprintf(stderr, "jaen %s: stdout: %s\n", run->stage->name, err.msg);
        run->status = JAEN_EXIT_FAIL;
        run->stop = 1;
    }
}

static void progress(struct run *run)
{
    time_t now = time(NULL);

    if (!run->info.progress || now == run->last_progress)
        return;
    run->last_progress = now;
    fprintf(stderr, "\rjaen %s: %ld records, %ld bad", run->stage->name,
            run->records, run->bad);
}

/* Writes the job at the head once it is done, and frees its slot. */
static void drain_one(struct run *run)
{
    struct job *job = &run->ring[run->head % run->nring];

    if (run->nworkers) {
        pthread_mutex_lock(&run->mu);
        while (job->state != JOB_DONE)
            pthread_cond_wait(&run->done, &run->mu);
        pthread_mutex_unlock(&run->mu);
    }
    if (!run->stop) {
        if (job->diag.len)
            fwrite(job->diag.ptr, 1, job->diag.len, stderr);
        jaen_pool_write(run, job->out.ptr, job->out.len);
        run->records += job->records;
        run->bad += job->bad;
        if (job->bad && run->status < JAEN_EXIT_DATA)
            run->status = JAEN_EXIT_DATA;
        if (job->fatal) {
            run->status = JAEN_EXIT_FAIL;
            run->stop = 1;
        }
        if (job->stopped)
            run->stop = 1;
        progress(run);
    }
    jaen_buf_reset(&job->in);
    jaen_buf_reset(&job->out);
    jaen_buf_reset(&job->diag);
    job->nitems = 0;
    job->records = job->bad = 0;
    job->fatal = job->stopped = 0;
    job->state = JOB_FREE;
    run->head++;
}

/* Hands the filling job to the workers (or runs it here). */
static void queue(struct run *run)
{
    struct job *job = run->filling;

    if (!job)
        return;
    run->filling = NULL;
    if (!run->nworkers) {
        do_job(&run->workers[0], job);
        job->state = JOB_DONE;
        run->tail++;
        drain_one(run);
        return;
    }
    pthread_mutex_lock(&run->mu);
    job->state = JOB_QUEUED;
    run->tail++;
    pthread_cond_signal(&run->work);
    pthread_mutex_unlock(&run->mu);
}

struct job *jaen_pool_job(struct run *run)
{
    struct job *job = run->filling;

    if (job && (job->nitems >= JOB_ITEMS || job->in.len >= JOB_BYTES))
        queue(run);
    if (run->stop)
        return NULL;
    if (!run->filling) {
        while (run->tail - run->head >= run->nring)
            drain_one(run);
        if (run->stop)
            return NULL;
        run->filling = &run->ring[run->tail % run->nring];
        run->filling->state = JOB_FILLING;
    }
    return run->filling;
}

static int add_str(struct jaen_buf *b, const char *s, size_t *off)
{
    *off = b->len;
    return jaen_buf_add(b, s, strlen(s) + 1);
}

int jaen_pool_add(struct run *run, enum item_kind kind, const char *bytes,
                  size_t len, const char *id, const char *where, long line,
                  int code)
{
    struct job *job = jaen_pool_job(run);
    struct item *it;

    if (!job)
        return JAEN_OK;
    if (job->nitems == job->aitems) {
        size_t n = job->aitems ? job->aitems * 2 : JOB_ITEMS;
        it = jaen_realloc(job->items, n * sizeof(*it));
        if (!it)
            return JAEN_ENOMEM;
        job->items = it;
        job->aitems = n;
    }
    it = &job->items[job->nitems];
    memset(it, 0, sizeof(*it));
    it->kind = kind;
    it->line = line;
    it->code = code;
    it->len = len;
    it->off = job->in.len;
    if (jaen_buf_add(&job->in, bytes, len) || jaen_buf_addc(&job->in, '\0')
        || add_str(&job->in, id, &it->id_off)
        || add_str(&job->in, where, &it->where_off))
        return JAEN_ENOMEM;
    job->nitems++;
    return JAEN_OK;
}

void jaen_pool_finish(struct run *run)
{
    size_t i;

    if (run->filling && !run->stop)
        queue(run);
    while (run->head < run->tail)
        drain_one(run);
    if (run->filling) {
        run->filling->state = JOB_FREE;
        run->filling = NULL;
    }
    if (run->nworkers) {
        pthread_mutex_lock(&run->mu);
        run->quit = 1;
        pthread_cond_broadcast(&run->work);
        pthread_mutex_unlock(&run->mu);
        for (i = 0; i < run->nworkers; i++)
            if (run->workers[i].started)
                pthread_join(run->workers[i].thread, NULL);
    }
}

void jaen_pool_free(struct run *run)
{
    size_t i;

    for (i = 0; run->workers && i < (run->nworkers ? run->nworkers : 1);
         i++) {
        struct worker *w = &run->workers[i];
        if (w->ctx && run->stage->fini)
            run->stage->fini(w->ctx);
        jaen_free(w->ctx);
        jaen_doc_free(w->doc);
        jaen_buf_free(&w->tmp);
    }
    for (i = 0; run->ring && i < run->nring; i++) {
        jaen_buf_free(&run->ring[i].in);
        jaen_buf_free(&run->ring[i].out);
        jaen_buf_free(&run->ring[i].diag);
        jaen_free(run->ring[i].items);
    }
    jaen_free(run->workers);
    jaen_free(run->ring);
    jaen_free(run->opts);
    if (run->nworkers) {
        pthread_mutex_destroy(&run->mu);
        pthread_cond_destroy(&run->done);
        pthread_cond_destroy(&run->work);
    }
}

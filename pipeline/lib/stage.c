/* stage.c: the stage runner: options, input, records, output, exit status.
 *
 * This is the one place that writes diagnostics to stderr and the one place
 * that turns status codes into exit codes, so that every stage behaves the
 * same on bad input, a closed pipe or a full disk. */
#include "stage.h"

#include "alloc.h"
#include "io.h"
#include "limits.h"
#include "jscan.h"
#include "md.h"
#include "utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define OUT_FLUSH_BYTES ((size_t)64 * 1024)

enum input_mode { IN_AUTO, IN_MD, IN_TEXT, IN_LINES };

enum {
    OPT_HELP = -100, OPT_VERSION, OPT_MAX_RECORD, OPT_UNBUFFERED,
    OPT_PROGRESS, OPT_FAIL_FAST, OPT_INPUT,
};

static const struct jaen_opt common_opts[] = {
    {"help", NULL, OPT_HELP, "print this help and exit"},
    {"version", NULL, OPT_VERSION, "print the version and exit"},
    {"max-record-bytes", "N", OPT_MAX_RECORD,
     "largest input record (default 256 MiB); a larger one is an error"},
    {"unbuffered", NULL, OPT_UNBUFFERED, "flush the output after each record"},
    {"progress", NULL, OPT_PROGRESS,
     "show a progress line on stderr (default when stderr is a terminal)"},
    {"fail-fast", NULL, OPT_FAIL_FAST,
     "stop at the first bad record instead of carrying on"},
    {NULL, NULL, 0, NULL},
};

static const struct jaen_opt source_opts[] = {
    {"input", "MODE", OPT_INPUT,
     "auto (default), md (archive Markdown), text (one document) or lines "
     "(one document per line)"},
    {NULL, NULL, 0, NULL},
};

/* Everything one run needs; lives on jaen_stage_main's stack. */
struct run {
    const struct jaen_stage *stage;
    void *ctx;
    struct jaen_run_info info;
    size_t max_record;
    int fail_fast;
    enum input_mode input;
    struct jaen_doc *doc;
    struct jaen_buf out;        /* pending output */
    struct jaen_buf tmp;        /* scratch: repaired input */
    long records, bad;
    int status;                 /* exit status so far */
    int stop;                   /* stop reading: EPIPE or fatal */
    int epipe;
    time_t last_progress;
};

void jaen_stage_diag(const struct jaen_stage *stage, const char *where,
                     long line, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "jaen %s: ", stage->name);
    if (where && line > 0)
        fprintf(stderr, "%s:%ld: ", where, line);
    else if (where)
        fprintf(stderr, "%s: ", where);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

static void print_opts(const struct jaen_opt *o, FILE *f)
{
    for (; o && o->name; o++) {
        char left[64];
        snprintf(left, sizeof(left), "--%s%s%s", o->name, o->arg ? " " : "",
                 o->arg ? o->arg : "");
        fprintf(f, "  %-24s %s\n", left, o->help);
    }
}

void jaen_stage_help(const struct jaen_stage *stage, FILE *f)
{
    fprintf(f, "Usage: jaen %s %s\n%s\n\n", stage->name,
            stage->synopsis ? stage->synopsis : "[OPTION]... [FILE]...",
            stage->summary);
    if (stage->description)
        fprintf(f, "%s\n\n", stage->description);
    fprintf(f, "Options:\n");
    print_opts(stage->opts, f);
    if (stage->input == JAEN_INPUT_SOURCE)
        print_opts(source_opts, f);
    print_opts(common_opts, f);
    fprintf(f, "\nWith no FILE, or when FILE is -, read standard input.\n"
            "Exit status: 0 ok, 1 some records were bad (written with an "
            "\"error\" field),\n2 usage, system or I/O error.  "
            "See jaen-%s(1).\n", stage->name);
}

static const struct jaen_opt *find_opt(const struct jaen_opt *o,
                                       const char *name, size_t n)
{
    for (; o && o->name; o++)
        if (strlen(o->name) == n && memcmp(o->name, name, n) == 0)
            return o;
    return NULL;
}

static int parse_size(const char *s, size_t *v)
{
    char *end;
    unsigned long long n;

    errno = 0;
    n = strtoull(s, &end, 10);
    if (errno || end == s || *end || n == 0 || s[0] == '-')
        return -1;
    *v = (size_t)n;
    return 0;
}

/* Handles one option; returns 0, or an exit status to stop with. */
static int handle_opt(struct run *run, const struct jaen_opt *o,
                      const char *arg)
{
    struct jaen_err err = {0};

    switch (o->id) {
    case OPT_HELP:
        jaen_stage_help(run->stage, stdout);
        return fflush(stdout) ? JAEN_EXIT_FAIL : -1;
    case OPT_VERSION:
        printf("jaen %s\n", JAEN_VERSION);
        return fflush(stdout) ? JAEN_EXIT_FAIL : -1;
    case OPT_MAX_RECORD:
        if (parse_size(arg, &run->max_record)) {
            jaen_stage_diag(run->stage, NULL, 0, "--max-record-bytes: not a "
                            "positive number: %s", arg);
            return JAEN_EXIT_FAIL;
        }
        return 0;
    case OPT_UNBUFFERED:
        run->info.unbuffered = 1;
        return 0;
    case OPT_PROGRESS:
        run->info.progress = 1;
        return 0;
    case OPT_FAIL_FAST:
        run->fail_fast = 1;
        return 0;
    case OPT_INPUT:
        if (strcmp(arg, "auto") == 0)
            run->input = IN_AUTO;
        else if (strcmp(arg, "md") == 0)
            run->input = IN_MD;
        else if (strcmp(arg, "text") == 0)
            run->input = IN_TEXT;
        else if (strcmp(arg, "lines") == 0)
            run->input = IN_LINES;
        else {
            jaen_stage_diag(run->stage, NULL, 0, "--input: expected auto, "
                            "md, text or lines, not '%s'", arg);
            return JAEN_EXIT_FAIL;
        }
        return 0;
    }
    if (run->stage->option
        && run->stage->option(run->ctx, o->id, arg, &err)) {
        jaen_stage_diag(run->stage, NULL, 0, "--%s: %s", o->name, err.msg);
        return JAEN_EXIT_FAIL;
    }
    return 0;
}

/* Parses argv; moves the file operands to the front of argv and returns
 * their count in *nfiles.  Returns 0 to go on, -1 to exit 0 (--help), or
 * an exit status. */
static int parse_args(struct run *run, int argc, char **argv, int *nfiles)
{
    int i, n = 0, only_files = 0;

    for (i = 1; i < argc; i++) {
        const char *a = argv[i], *name, *eq, *arg = NULL;
        const struct jaen_opt *o;
        size_t len;
        int rc;

        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            argv[n++] = argv[i];
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_files = 1;
            continue;
        }
        if (strcmp(a, "-h") == 0)
            a = "--help";
        if (a[1] != '-') {
            jaen_stage_diag(run->stage, NULL, 0, "unknown option '%s'; try "
                            "'jaen %s --help'", a, run->stage->name);
            return JAEN_EXIT_FAIL;
        }
        name = a + 2;
        eq = strchr(name, '=');
        len = eq ? (size_t)(eq - name) : strlen(name);
        o = find_opt(run->stage->opts, name, len);
        if (!o && run->stage->input == JAEN_INPUT_SOURCE)
            o = find_opt(source_opts, name, len);
        if (!o)
            o = find_opt(common_opts, name, len);
        if (!o) {
            jaen_stage_diag(run->stage, NULL, 0, "unknown option '%s'; try "
                            "'jaen %s --help'", a, run->stage->name);
            return JAEN_EXIT_FAIL;
        }
        if (o->arg) {
            if (eq)
                arg = eq + 1;
            else if (i + 1 < argc)
                arg = argv[++i];
            else {
                jaen_stage_diag(run->stage, NULL, 0, "option '--%s' needs "
                                "an argument", o->name);
                return JAEN_EXIT_FAIL;
            }
        } else if (eq) {
            jaen_stage_diag(run->stage, NULL, 0, "option '--%s' takes no "
                            "argument", o->name);
            return JAEN_EXIT_FAIL;
        }
        if ((rc = handle_opt(run, o, arg)))
            return rc;
    }
    *nfiles = n;
    return 0;
}

/* Sends pending output when there is enough of it, or when forced. */
static void flush_out(struct run *run, int force)
{
    struct jaen_err err = {0};
    int rc;

    if (run->stop || !run->out.len
        || (!force && !run->info.unbuffered && run->out.len < OUT_FLUSH_BYTES))
        return;
    rc = jaen_write_all(STDOUT_FILENO, run->out.ptr, run->out.len, &err);
    jaen_buf_reset(&run->out);
    if (rc == JAEN_EPIPE) {
        run->epipe = 1;
        run->stop = 1;
    } else if (rc) {
        jaen_stage_diag(run->stage, "stdout", 0, "%s", err.msg);
        run->status = JAEN_EXIT_FAIL;
        run->stop = 1;
    }
}

static void progress(struct run *run, int last)
{
    time_t now;

    if (!run->info.progress)
        return;
    now = time(NULL);
    if (!last && now == run->last_progress)
        return;
    run->last_progress = now;
    fprintf(stderr, "\rjaen %s: %ld records, %ld bad%s", run->stage->name,
            run->records, run->bad, last ? "\n" : "");
}

static void record_bad(struct run *run, const char *where, long line,
                       const struct jaen_err *err)
{
    run->bad++;
    if (run->status < JAEN_EXIT_DATA)
        run->status = JAEN_EXIT_DATA;
    jaen_stage_diag(run->stage, where, line, "%s", err->msg);
    if (run->fail_fast)
        run->stop = 1;
}

/* Runs process (unless the record already failed upstream) and emits. */
static void finish_record(struct run *run, const char *where, long line)
{
    struct jaen_err err = {0};
    int rc = JAEN_OK;

    run->records++;
    if (!jaen_doc_has_error(run->doc) && run->stage->process) {
        rc = run->stage->process(run->ctx, run->doc, &err);
        if (rc) {
            if (!err.code)
                jaen_err_set(&err, rc, "%s", jaen_strstatus(rc));
            jaen_doc_set_error(run->doc, run->stage->name, &err);
            record_bad(run, where, line, &err);
        }
    }
    jaen_err_clear(&err);
    rc = run->stage->emit
             ? run->stage->emit(run->ctx, run->doc, &run->out, &err)
             : jaen_doc_write(run->doc, &run->out, &err);
    if (rc) {
        jaen_stage_diag(run->stage, where, line, "cannot write the record: "
                        "%s", err.msg[0] ? err.msg : jaen_strstatus(rc));
        run->status = JAEN_EXIT_FAIL;
        run->stop = 1;
    }
    flush_out(run, 0);
    progress(run, 0);
}

/* Makes doc an error record for input that could not be parsed. */
static void error_record(struct run *run, const char *id,
                         const char *raw, size_t rawlen,
                         const struct jaen_err *err)
{
    size_t keep = rawlen;

    jaen_doc_reset(run->doc);
    jaen_doc_set(run->doc, JAEN_F_ID, json_string(id));
    if (raw) {
        /* cut on a code point boundary */
        if (keep > JAEN_ERROR_RAW_BYTES) {
            keep = JAEN_ERROR_RAW_BYTES;
            while (keep > 0 && ((unsigned char)raw[keep] & 0xC0) == 0x80)
                keep--;
        }
        jaen_doc_set(run->doc, "raw", json_stringn(raw, keep));
        if (keep < rawlen)
            jaen_doc_set(run->doc, "raw_bytes", json_integer((json_int_t)
                                                             rawlen));
    }
    jaen_doc_set_error(run->doc, run->stage->name, err);
}

/* Repairs ill-formed UTF-8 into run->tmp, reporting it.  Returns the bytes
 * to use (the input itself when it was valid). */
static const char *repair(struct run *run, const char *where, long line,
                          const char *s, size_t *len)
{
    size_t fixes = 0;
    long first = -1;

    if (jaen_utf8_valid_prefix(s, *len) == *len)
        return s;
    jaen_buf_reset(&run->tmp);
    if (jaen_utf8_repair(s, *len, &run->tmp, &fixes, &first))
        return NULL;
    jaen_stage_diag(run->stage, where, line, "invalid UTF-8 at byte %ld "
                    "(%zu sequence%s replaced by U+FFFD)", first, fixes,
                    fixes == 1 ? "" : "s");
    *len = run->tmp.len;
    return run->tmp.ptr;
}

static void run_jsonl(struct run *run, int fd, const char *name)
{
    struct jaen_reader *r = jaen_reader_open(fd, run->max_record);
    struct jaen_err err = {0};
    char id[64 + 32];

    if (!r) {
        jaen_stage_diag(run->stage, name, 0, "out of memory");
        run->status = JAEN_EXIT_FAIL;
        run->stop = 1;
        return;
    }
    while (!run->stop) {
        const char *line;
        size_t len;
        long lineno;
        int rc;

        jaen_err_clear(&err);
        rc = jaen_reader_line(r, &line, &len, &lineno, &err);
        if (rc == 0)
            break;
        snprintf(id, sizeof(id), "%.64s:%ld", name, lineno);
        if (rc == JAEN_ELIMIT) {
            error_record(run, id, NULL, 0, &err);
            record_bad(run, name, lineno, &err);
            run->records++;
            if (jaen_doc_write(run->doc, &run->out, NULL) == JAEN_OK)
                flush_out(run, 0);
            continue;
        }
        if (rc < 0) {
            jaen_stage_diag(run->stage, name, lineno, "%s", err.msg);
            run->status = JAEN_EXIT_FAIL;
            break;
        }
        if (len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
            if (lineno > 1)
                jaen_stage_diag(run->stage, name, lineno, "byte order mark "
                                "inside the stream removed");
            line += 3;
            len -= 3;
        }
        if (jaen_jscan_ws(line, len, 0) == len)
            continue;           /* blank lines carry no record */
        line = repair(run, name, lineno, line, &len);
        if (!line || jaen_doc_parse(run->doc, line, len, &err)) {
            if (!line)
                jaen_err_set(&err, JAEN_ENOMEM, "out of memory");
            jaen_err_at(&err, lineno, 0);
            error_record(run, id, line, line ? len : 0, &err);
            record_bad(run, name, lineno, &err);
            run->records++;
            run->stage->emit
                ? run->stage->emit(run->ctx, run->doc, &run->out, NULL)
                : jaen_doc_write(run->doc, &run->out, NULL);
            flush_out(run, 0);
            continue;
        }
        finish_record(run, name, lineno);
    }
    jaen_reader_close(r);
}

/* Builds a document from raw bytes with the stage's source callback. */
static void source_doc(struct run *run, const char *id, const char *s,
                       size_t len, int markdown, long line)
{
    struct jaen_err err = {0};
    int rc;

    jaen_doc_reset(run->doc);
    rc = run->stage->source(run->ctx, id, s, len, markdown, run->doc, &err);
    if (rc) {
        if (!err.code)
            jaen_err_set(&err, rc, "%s", jaen_strstatus(rc));
        error_record(run, id, s, len, &err);
        record_bad(run, id, line, &err);
        run->records++;
        if (jaen_doc_write(run->doc, &run->out, NULL) == JAEN_OK)
            flush_out(run, 0);
        return;
    }
    finish_record(run, id, line);
}

static void run_source(struct run *run, int fd, const char *name, int stdin)
{
    struct jaen_buf all;
    struct jaen_err err = {0};
    const char *s;
    size_t len, pos = 0;
    char id[4096];
    long n = 0;
    enum input_mode mode = run->input;
    int rc;

    jaen_buf_init(&all, run->max_record + 1);
    if (mode == IN_LINES) {
        struct jaen_reader *r = jaen_reader_open(fd, run->max_record);
        const char *line;
        long lineno;
        while (r && !run->stop) {
            jaen_err_clear(&err);
            rc = jaen_reader_line(r, &line, &len, &lineno, &err);
            if (rc == 0)
                break;
            snprintf(id, sizeof(id), "%s:%ld", stdin ? "stdin" : name,
                     lineno);
            if (rc < 0 && rc != JAEN_ELIMIT) {
                jaen_stage_diag(run->stage, name, lineno, "%s", err.msg);
                run->status = JAEN_EXIT_FAIL;
                break;
            }
            if (rc == JAEN_ELIMIT) {
                error_record(run, id, NULL, 0, &err);
                record_bad(run, name, lineno, &err);
                run->records++;
                if (jaen_doc_write(run->doc, &run->out, NULL) == JAEN_OK)
                    flush_out(run, 0);
                continue;
            }
            if (jaen_jscan_ws(line, len, 0) == len)
                continue;
            s = repair(run, id, 0, line, &len);
            if (s)
                source_doc(run, id, s, len, 0, lineno);
        }
        jaen_reader_close(r);
        return;
    }
    rc = jaen_read_all(fd, run->max_record, &all, &err);
    if (rc) {
        snprintf(id, sizeof(id), "%s", stdin ? "stdin:1" : name);
        error_record(run, id, NULL, 0, &err);
        record_bad(run, name, 0, &err);
        run->records++;
        if (jaen_doc_write(run->doc, &run->out, NULL) == JAEN_OK)
            flush_out(run, 0);
        jaen_buf_free(&all);
        return;
    }
    len = all.len;
    s = repair(run, stdin ? "stdin" : name, 0, all.ptr ? all.ptr : "", &len);
    if (s && mode == IN_AUTO)
        mode = jaen_md_detect(s, len) ? IN_MD : IN_TEXT;
    while (s && !run->stop && (pos < len || n == 0)) {
        size_t end = mode == IN_MD ? jaen_md_split(s, len, pos) : len;
        n++;
        if (stdin)
            snprintf(id, sizeof(id), "stdin:%ld", n);
        else if (n == 1)
            snprintf(id, sizeof(id), "%s", name);
        else
            snprintf(id, sizeof(id), "%s#%ld", name, n);
        source_doc(run, id, s + pos, end - pos, mode == IN_MD, 0);
        pos = end;
    }
    jaen_buf_free(&all);
}

static void run_input(struct run *run, const char *path)
{
    int is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);

    if (fd < 0) {
        jaen_stage_diag(run->stage, path, 0, "%s", strerror(errno));
        run->status = JAEN_EXIT_FAIL;
        return;
    }
    if (run->stage->input == JAEN_INPUT_SOURCE)
        run_source(run, fd, path, is_stdin);
    else
        run_jsonl(run, fd, is_stdin ? "stdin" : path);
    if (!is_stdin)
        close(fd);
}

int jaen_stage_main(const struct jaen_stage *stage, int argc, char **argv)
{
    struct run run;
    struct jaen_err err = {0};
    int rc, nfiles = 0, i;

    memset(&run, 0, sizeof(run));
    run.stage = stage;
    run.max_record = JAEN_MAX_RECORD_BYTES;
    run.info.progress = isatty(STDERR_FILENO);
    /* EPIPE, not death by signal, so that we can stop cleanly */
    signal(SIGPIPE, SIG_IGN);
    run.ctx = jaen_calloc(1, stage->ctx_size ? stage->ctx_size : 1);
    if (!run.ctx) {
        jaen_stage_diag(stage, NULL, 0, "out of memory");
        return JAEN_EXIT_FAIL;
    }
    rc = parse_args(&run, argc, argv, &nfiles);
    if (rc) {
        if (stage->fini)
            stage->fini(run.ctx);
        jaen_free(run.ctx);
        return rc < 0 ? JAEN_EXIT_OK : rc;
    }
    if (stage->init && (rc = stage->init(run.ctx, &run.info, &err))) {
        jaen_stage_diag(stage, NULL, 0, "%s", err.msg[0] ? err.msg
                        : jaen_strstatus(rc));
        if (stage->fini)
            stage->fini(run.ctx);
        jaen_free(run.ctx);
        return JAEN_EXIT_FAIL;
    }
    jaen_buf_init(&run.out, JAEN_BUF_DEFAULT_CAP);
    jaen_buf_init(&run.tmp, JAEN_BUF_DEFAULT_CAP);
    run.doc = jaen_doc_new();
    if (!run.doc) {
        jaen_stage_diag(stage, NULL, 0, "out of memory");
        run.status = JAEN_EXIT_FAIL;
    }
    for (i = 0; run.doc && !run.stop && i < (nfiles ? nfiles : 1); i++)
        run_input(&run, nfiles ? argv[i] : "-");
    if (run.doc && !run.stop && stage->finish
        && stage->finish(run.ctx, &run.out, &err)) {
        jaen_stage_diag(stage, NULL, 0, "%s", err.msg);
        run.status = JAEN_EXIT_FAIL;
    }
    flush_out(&run, 1);
    progress(&run, 1);
    if (stage->fini)
        stage->fini(run.ctx);
    jaen_free(run.ctx);
    jaen_doc_free(run.doc);
    jaen_buf_free(&run.out);
    jaen_buf_free(&run.tmp);
    if (run.epipe) {
        /* git's check_pipe(): die of SIGPIPE as a producer should */
        fflush(stderr);
        signal(SIGPIPE, SIG_DFL);
        raise(SIGPIPE);
        return 141;
    }
    if (close(STDOUT_FILENO) && errno != EBADF && run.status == 0) {
        jaen_stage_diag(stage, "stdout", 0, "%s", strerror(errno));
        return JAEN_EXIT_FAIL;
    }
    return run.status;
}

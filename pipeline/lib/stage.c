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
#include "runner.h"
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

enum input_mode { IN_AUTO, IN_MD, IN_TEXT, IN_LINES, IN_TSV };

enum {
    OPT_HELP = -100, OPT_VERSION, OPT_MAX_RECORD, OPT_UNBUFFERED,
    OPT_PROGRESS, OPT_FAIL_FAST, OPT_INPUT, OPT_JOBS,
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
    {"jobs", "N", OPT_JOBS,
     "threads for independent records (default: CPUs, at most 4); the "
     "output is the same for any N"},
    {NULL, NULL, 0, NULL},
};

static const struct jaen_opt source_opts[] = {
    {"input", "MODE", OPT_INPUT,
     "auto (default), md (archive Markdown), text (one document), lines "
     "(one document per line) or tsv (ID, a tab, then the text: ids that "
     "survive any split of the input)"},
    {NULL, NULL, 0, NULL},
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
    case OPT_JOBS: {
        size_t n;
        if (parse_size(arg, &n) || n > 256) {
            jaen_stage_diag(run->stage, NULL, 0, "--jobs: expected 1 to "
                            "256, not '%s'", arg);
            return JAEN_EXIT_FAIL;
        }
        run->njobs_opt = (long)n;
        return 0;
    }
    case OPT_INPUT:
        if (strcmp(arg, "auto") == 0)
            run->input = IN_AUTO;
        else if (strcmp(arg, "md") == 0)
            run->input = IN_MD;
        else if (strcmp(arg, "text") == 0)
            run->input = IN_TEXT;
        else if (strcmp(arg, "lines") == 0)
            run->input = IN_LINES;
        else if (strcmp(arg, "tsv") == 0)
            run->input = IN_TSV;
        else {
            jaen_stage_diag(run->stage, NULL, 0, "--input: expected auto, "
                            "md, text, lines or tsv, not '%s'", arg);
            return JAEN_EXIT_FAIL;
        }
        return 0;
    }
    /* stage options are replayed on every worker's context */
    {
        struct saved_opt *so = jaen_realloc(run->opts, (run->nopts + 1)
                                                       * sizeof(*so));
        if (!so) {
            jaen_stage_diag(run->stage, NULL, 0, "out of memory");
            return JAEN_EXIT_FAIL;
        }
        run->opts = so;
        so[run->nopts].opt = o;
        so[run->nopts].arg = arg;
        run->nopts++;
    }
    (void)err;
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

/* Queues an input failure as an error record; when even that fails, the
 * run stops with a message instead of losing the record silently. */
static void add_error(struct run *run, const char *id, const char *where,
                      long line, const struct jaen_err *err)
{
    if (jaen_pool_add(run, ITEM_ERROR, err->msg, strlen(err->msg), id, where,
                      line, err->code ? err->code : JAEN_EDATA)) {
        jaen_stage_diag(run->stage, where, line, "%s; out of memory for its "
                        "error record", err->msg);
        run->status = JAEN_EXIT_FAIL;
        run->stop = 1;
    }
}

static void read_jsonl(struct run *run, int fd, const char *name)
{
    struct jaen_reader *r = jaen_reader_open(fd, run->max_record);
    struct jaen_err err = {0};
    char id[300];

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
        snprintf(id, sizeof(id), "%.256s:%ld", name, lineno);
        if (rc == JAEN_ELIMIT) {
            add_error(run, id, name, lineno, &err);
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
        if (jaen_pool_add(run, ITEM_JSONL, line, len, id, name, lineno, 0)) {
            jaen_stage_diag(run->stage, name, lineno, "out of memory");
            run->status = JAEN_EXIT_FAIL;
            break;
        }
    }
    jaen_reader_close(r);
}

/* Repairs ill-formed UTF-8 in a whole source, reporting where. */
static const char *repair_source(struct run *run, const char *where,
                                 const char *s, size_t *len,
                                 struct jaen_buf *tmp)
{
    size_t fixes = 0;
    long first = -1;

    if (jaen_utf8_valid_prefix(s, *len) == *len)
        return s;
    if (jaen_utf8_repair(s, *len, tmp, &fixes, &first))
        return NULL;
    jaen_stage_diag(run->stage, where, 0, "invalid UTF-8 at byte %ld (%zu "
                    "sequence%s replaced by U+FFFD)", first + 1, fixes,
                    fixes == 1 ? "" : "s");
    *len = tmp->len;
    return tmp->ptr;
}

/* --input tsv: the document's id is the line up to its first tab.  A line
 * without a tab, or with an empty or over-long id, is an error record named
 * by its position, so no line is lost. */
static int tsv_split(struct run *run, const char *name, long lineno,
                     const char **line, size_t *len, char *id, size_t idcap)
{
    const char *tab = memchr(*line, '\t', *len);
    size_t n = tab ? (size_t)(tab - *line) : 0;
    struct jaen_err err = {0};

    if (tab && n > 0 && n < idcap && !memchr(*line, '\0', n)
        && jaen_utf8_valid_prefix(*line, n) == n) {
        memcpy(id, *line, n);
        id[n] = '\0';
        *len -= n + 1;
        *line = tab + 1;
        return 0;
    }
    jaen_err_set(&err, JAEN_EDATA, !tab ? "--input tsv: no tab after the id"
                 : n == 0 ? "--input tsv: empty id"
                 : n >= idcap ? "--input tsv: id longer than 256 bytes"
                 : "--input tsv: the id is not valid UTF-8 text");
    add_error(run, id, name, lineno, &err);
    return -1;
}

static void read_lines(struct run *run, int fd, const char *name, int stdin)
{
    struct jaen_reader *r = jaen_reader_open(fd, run->max_record);
    struct jaen_buf tmp;
    struct jaen_err err = {0};
    const char *line, *s;
    size_t len;
    long lineno;
    char id[300];
    int rc;

    jaen_buf_init(&tmp, JAEN_BUF_DEFAULT_CAP);
    while (r && !run->stop) {
        jaen_err_clear(&err);
        rc = jaen_reader_line(r, &line, &len, &lineno, &err);
        if (rc == 0)
            break;
        snprintf(id, sizeof(id), "%.256s:%ld", stdin ? "stdin" : name,
                 lineno);
        if (rc == JAEN_ELIMIT) {
            add_error(run, id, name, lineno, &err);
            continue;
        }
        if (rc < 0) {
            jaen_stage_diag(run->stage, name, lineno, "%s", err.msg);
            run->status = JAEN_EXIT_FAIL;
            break;
        }
        if (jaen_jscan_ws(line, len, 0) == len)
            continue;
        if (run->input == IN_TSV
            && tsv_split(run, name, lineno, &line, &len, id, 257))
            continue;
        jaen_buf_reset(&tmp);
        s = repair_source(run, id, line, &len, &tmp);
        if (!s || jaen_pool_add(run, ITEM_TEXT, s, len, id, id, 0,
                                s != line)) {
            jaen_stage_diag(run->stage, name, lineno, "out of memory");
            run->status = JAEN_EXIT_FAIL;
            break;
        }
    }
    jaen_reader_close(r);
    jaen_buf_free(&tmp);
}

/* A file is one document; standard input may hold several archive
 * documents one after the other (stdin:1, stdin:2, ...). */
static void read_source(struct run *run, int fd, const char *name, int stdin)
{
    struct jaen_buf all, tmp;
    struct jaen_err err = {0};
    const char *s;
    size_t len, pos = 0;
    char id[4096];
    long n = 0;
    int mode = run->input;

    if (mode == IN_LINES || mode == IN_TSV) {
        read_lines(run, fd, name, stdin);
        return;
    }
    jaen_buf_init(&all, run->max_record + 1);
    jaen_buf_init(&tmp, JAEN_BUF_DEFAULT_CAP);
    snprintf(id, sizeof(id), "%s", stdin ? "stdin:1" : name);
    if (jaen_read_all(fd, run->max_record, &all, &err)) {
        add_error(run, id, stdin ? "stdin" : name, 0, &err);
        jaen_buf_free(&all);
        return;
    }
    len = all.len;
    s = repair_source(run, stdin ? "stdin" : name, all.ptr ? all.ptr : "",
                      &len, &tmp);
    if (s && mode == IN_AUTO)
        mode = jaen_md_detect(s, len) ? IN_MD : IN_TEXT;
    /* an empty file is an empty document; empty stdin holds none */
    while (s && !run->stop && (pos < len || (n == 0 && !stdin))) {
        size_t end = mode == IN_MD && stdin ? jaen_md_split(s, len, pos)
                                            : len;
        n++;
        if (stdin)
            snprintf(id, sizeof(id), "stdin:%ld", n);
        if (jaen_pool_add(run, mode == IN_MD ? ITEM_MD : ITEM_TEXT, s + pos,
                          end - pos, id, id, 0,
                          tmp.ptr && s == tmp.ptr)) {
            jaen_stage_diag(run->stage, id, 0, "out of memory");
            run->status = JAEN_EXIT_FAIL;
            break;
        }
        pos = end;
    }
    jaen_buf_free(&all);
    jaen_buf_free(&tmp);
}

static void read_input(struct run *run, const char *path)
{
    int is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);

    if (fd < 0) {
        jaen_stage_diag(run->stage, path, 0, "%s", strerror(errno));
        run->status = JAEN_EXIT_FAIL;
        return;
    }
    if (run->stage->input == JAEN_INPUT_SOURCE)
        read_source(run, fd, path, is_stdin);
    else
        read_jsonl(run, fd, is_stdin ? "stdin" : path);
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
    rc = parse_args(&run, argc, argv, &nfiles);
    if (rc) {
        jaen_free(run.opts);
        return rc < 0 ? JAEN_EXIT_OK : rc;
    }
    if ((rc = jaen_pool_start(&run, &err))) {
        jaen_stage_diag(stage, NULL, 0, "%s", err.msg[0] ? err.msg
                        : jaen_strstatus(rc));
        jaen_pool_finish(&run);
        jaen_pool_free(&run);
        return JAEN_EXIT_FAIL;
    }
    for (i = 0; !run.stop && i < (nfiles ? nfiles : 1); i++)
        read_input(&run, nfiles ? argv[i] : "-");
    jaen_pool_finish(&run);
    if (!run.stop && stage->finish) {
        struct jaen_buf out;
        jaen_buf_init(&out, JAEN_BUF_DEFAULT_CAP);
        rc = stage->finish(run.workers[0].ctx, &out, &err);
        if (rc) {
            jaen_stage_diag(stage, NULL, 0, "%s", err.msg);
            /* JAEN_EDATA: the data failed a check (jaen check) */
            if (rc != JAEN_EDATA || run.status == JAEN_EXIT_OK)
                run.status = rc == JAEN_EDATA ? JAEN_EXIT_DATA
                                              : JAEN_EXIT_FAIL;
        }
        jaen_pool_write(&run, out.ptr, out.len);
        jaen_buf_free(&out);
    }
    if (run.info.progress)
        fprintf(stderr, "\rjaen %s: %ld records, %ld bad\n", stage->name,
                run.records, run.bad);
    jaen_pool_free(&run);
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

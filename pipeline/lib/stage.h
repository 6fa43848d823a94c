/* stage.h: the stage runner shared by every `jaen STAGE`.
 *
 * A stage file describes itself with a struct jaen_stage: an option table
 * (which also renders --help), and init/process/emit/fini callbacks that
 * call into lib/.  The runner does the rest: option parsing, reading files or
 * stdin, UTF-8 repair, parsing records, error records, writing, flushing,
 * SIGPIPE and the exit status:
 *   0  every record was processed
 *   1  at least one record was bad (it was still written, with "error")
 *   2  usage, system or I/O error (a file could not be read, stdout failed)
 *   141 (or death by SIGPIPE) when the reader of stdout went away. */
#ifndef JAEN_STAGE_H
#define JAEN_STAGE_H

#include <stdio.h>

#include "buf.h"
#include "doc.h"
#include "err.h"

enum {
    JAEN_EXIT_OK = 0,
    JAEN_EXIT_DATA = 1,
    JAEN_EXIT_FAIL = 2,
};

struct jaen_opt {
    const char *name;       /* long name without "--" */
    const char *arg;        /* NULL for a flag, else the argument's name */
    int id;                 /* handed to the stage's option callback */
    const char *help;       /* one line for --help */
};

/* What the runner tells a stage about the run. */
struct jaen_run_info {
    int progress;           /* --progress, or stderr is a terminal */
    int unbuffered;         /* --unbuffered: flush after every record */
};

/* How a stage reads its input. */
enum jaen_input_kind {
    JAEN_INPUT_JSONL = 0,   /* a JSON Lines stream of documents */
    JAEN_INPUT_SOURCE = 1,  /* raw documents: Markdown, text or lines */
};

struct jaen_stage {
    const char *name;       /* "segment" */
    int parallel;           /* records are independent: the runner may
                             * process them on --jobs threads, each with
                             * its own ctx (options replayed, init run) */
    const char *summary;    /* one line for `jaen --help` */
    const char *synopsis;   /* "[OPTION]... [FILE]..." */
    const char *description;/* a paragraph for `jaen STAGE --help` */
    const struct jaen_opt *opts;   /* NULL-name terminated, may be NULL */
    enum jaen_input_kind input;
    int reads_sentences;    /* JSONL stages that ask every record for its
                             * sentences: they are decoded while the
                             * record is parsed (jaen_doc_decode_early) */
    size_t ctx_size;        /* the runner allocates this much, zeroed */
    /* Called once per option, in command-line order, before init. */
    int (*option)(void *ctx, int id, const char *arg, struct jaen_err *err);
    /* Called once after the options. */
    int (*init)(void *ctx, const struct jaen_run_info *info,
                struct jaen_err *err);
    /* For JAEN_INPUT_SOURCE stages: builds doc from one raw document,
     * valid UTF-8; markdown says whether it is archive Markdown (--input md,
     * or auto-detected) or plain text.  For JSONL stages NULL. */
    int (*source)(void *ctx, const char *id, const char *bytes, size_t len,
                  int markdown, struct jaen_doc *doc, struct jaen_err *err);
    /* Transforms one document in place.  An error return turns the record
     * into an error record ("error" field) and makes the run exit 1;
     * JAEN_EPARTIAL writes the record as it is (the stage marked what
     * failed inside it) and also makes the run exit 1. */
    int (*process)(void *ctx, struct jaen_doc *doc, struct jaen_err *err);
    /* Writes the output for doc into out.  NULL: doc as one JSONL line.
     * Also called for error records. */
    int (*emit)(void *ctx, struct jaen_doc *doc, struct jaen_buf *out,
                struct jaen_err *err);
    /* Called at the end of a successful run, may write a trailer.  A
     * stage with finish runs on one thread.  JAEN_EDATA makes the exit
     * status 1 (the data failed, as for a bad record); other codes 2. */
    int (*finish)(void *ctx, struct jaen_buf *out, struct jaen_err *err);
    void (*fini)(void *ctx);       /* frees what init and process made */
};

/* Runs a stage with the arguments after its name (argv[0] is the stage's
 * name).  Returns the exit status. */
int jaen_stage_main(const struct jaen_stage *stage, int argc, char **argv);

/* Prints a stage's --help text to f. */
void jaen_stage_help(const struct jaen_stage *stage, FILE *f);

/* Reports "jaen STAGE: ID:LINE: message" on stderr: the one diagnostic
 * path of the program (the runner and the stage mains use it). */
void jaen_stage_diag(const struct jaen_stage *stage, const char *where,
                     long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif

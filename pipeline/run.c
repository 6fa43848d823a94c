/* run.c: `jaen run`, the whole offline pipeline in one process. */
#include "gloss.h"
#include "incident.h"
#include "md.h"
#include "norm.h"
#include "seg.h"
#include "stage.h"
#include "summary.h"

#include <stdlib.h>
#include <string.h>

enum { OPT_FORMAT = 1, OPT_DICT_PATH, OPT_UNTIL };

/* The stages run runs, in order; --until stops after one of them. */
enum until { UNTIL_RECORD = 0, UNTIL_SEGMENT, UNTIL_NORMALIZE, UNTIL_GLOSS };

struct run_ctx {
    struct jaen_seg *seg;
    struct jaen_gloss *g;
    struct jaen_incident *ix;
    json_t *rec;                    /* the last record built */
    enum jaen_record_format fmt;    /* --format */
    const char *dict_path;          /* --dict-path */
    enum until until;               /* --until */
};

static const struct jaen_opt opts[] = {
    {"format", "FORMAT", OPT_FORMAT,
     "json (default): one jaen.incident/1 record a line; markdown: an "
     "English summary per document"},
    {"dict-path", "PATH", OPT_DICT_PATH,
     "the compiled glossary (default: $JAEN_DICT, then the build's, then "
     "the installed jaen.dict)"},
    {"until", "STAGE", OPT_UNTIL,
     "stop after segment, normalize or gloss and write the document stream "
     "as that stage would; record (the default) writes records"},
    {NULL, NULL, 0, NULL},
};

static int run_option(void *vctx, int id, const char *arg,
                      struct jaen_err *err)
{
    struct run_ctx *ctx = vctx;

    if (id == OPT_FORMAT && jaen_record_format_parse(arg, &ctx->fmt))
        return jaen_err_set(err, JAEN_EUSAGE, "expected json or markdown");
    if (id == OPT_DICT_PATH)
        ctx->dict_path = arg;
    if (id == OPT_UNTIL) {
        static const char *const names[] = {"record", "segment", "normalize",
                                            "gloss"};
        size_t i;
        for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
            if (strcmp(arg, names[i]) == 0)
                break;
        if (i == sizeof(names) / sizeof(names[0]))
            return jaen_err_set(err, JAEN_EUSAGE, "expected segment, "
                                "normalize, gloss or record");
        ctx->until = (enum until)i;
    }
    return JAEN_OK;
}

static int run_init(void *vctx, const struct jaen_run_info *info,
                    struct jaen_err *err)
{
    struct run_ctx *ctx = vctx;
    int rc;

    (void)info;
    rc = jaen_seg_open(&ctx->seg, err);
    if (!rc && (ctx->until == UNTIL_RECORD || ctx->until == UNTIL_GLOSS))
        rc = jaen_gloss_load(ctx->dict_path, getenv("JAEN_DICT"), 0, NULL,
                             0, &ctx->g, err);
    if (!rc && ctx->until == UNTIL_RECORD)
        rc = jaen_incident_open(ctx->g, &ctx->ix, err);
    return rc;
}

static int run_source(void *vctx, const char *id, const char *bytes,
                      size_t len, int markdown, struct jaen_doc *doc,
                      struct jaen_err *err)
{
    (void)vctx;
    if (markdown)
        return jaen_md_parse(bytes, len, id, doc, err);
    return jaen_text_parse(bytes, len, id, doc, err);
}

/* The stages' lib functions on the one parsed document: nothing is
 * serialized between them. */
static int run_process(void *vctx, struct jaen_doc *doc, struct jaen_err *err)
{
    struct run_ctx *ctx = vctx;
    int rc;

    json_decref(ctx->rec);
    ctx->rec = NULL;
    rc = jaen_seg_doc(ctx->seg, doc, err);
    if (rc || ctx->until == UNTIL_SEGMENT)
        return rc;
    rc = jaen_normalize_doc(doc, NULL, err);
    if (rc || ctx->until == UNTIL_NORMALIZE)
        return rc;
    rc = jaen_gloss_doc(ctx->g, doc, err);
    if (rc || ctx->until == UNTIL_GLOSS)
        return rc;
    return jaen_incident_record(ctx->ix, doc, &ctx->rec, err);
}

static int run_emit(void *vctx, struct jaen_doc *doc, struct jaen_buf *out,
                    struct jaen_err *err)
{
    struct run_ctx *ctx = vctx;

    if (ctx->until != UNTIL_RECORD)
        return jaen_doc_write(doc, out, err);
    return jaen_record_write(jaen_doc_has_error(doc) ? NULL : ctx->rec, doc,
                             ctx->fmt, out, err);
}

static void run_fini(void *vctx)
{
    struct run_ctx *ctx = vctx;

    json_decref(ctx->rec);
    jaen_incident_close(ctx->ix);
    jaen_gloss_close(ctx->g);
    jaen_seg_close(ctx->seg);
}

const struct jaen_stage jaen_stage_run = {
    .name = "run",
    .parallel = 1,
    .summary = "the whole offline pipeline: documents in, records out",
    .synopsis = "[OPTION]... [FILE]...",
    .description =
        "Runs segment, normalize, gloss and record in one process on "
        "archive Markdown, plain text or one document per line, and "
        "writes what 'jaen segment FILE | jaen normalize | jaen gloss | "
        "jaen record' writes, byte for byte (with --until, what the "
        "pipeline up to that stage writes).",
    .opts = opts,
    .input = JAEN_INPUT_SOURCE,
    .ctx_size = sizeof(struct run_ctx),
    .option = run_option,
    .init = run_init,
    .source = run_source,
    .process = run_process,
    .emit = run_emit,
    .fini = run_fini,
};

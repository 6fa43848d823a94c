/* record.c: `jaen record`, one incident record per document. */
#include "gloss.h"
#include "incident.h"
#include "stage.h"
#include "summary.h"
#include "veris.h"

#include <stdlib.h>
#include <string.h>

enum { OPT_FORMAT = 1, OPT_DICT_PATH };

struct rec_ctx {
    struct jaen_gloss *g;           /* legal forms and names for romaji */
    struct jaen_incident *ix;
    json_t *rec;                    /* the last record built */
    enum jaen_record_format fmt;    /* --format */
    const char *dict_path;          /* --dict-path */
    int veris;                      /* --format veris (veris.h) */
};

static const struct jaen_opt opts[] = {
    {"format", "FORMAT", OPT_FORMAT,
     "json (default): one jaen.incident/1 record a line; markdown: an "
     "English summary per document; veris: VERIS 1.4.1 JSON"},
    {"dict-path", "PATH", OPT_DICT_PATH,
     "the compiled glossary for organization names (default: as jaen "
     "gloss)"},
    {NULL, NULL, 0, NULL},
};

static int rec_option(void *vctx, int id, const char *arg,
                      struct jaen_err *err)
{
    struct rec_ctx *ctx = vctx;

    if (id == OPT_FORMAT)
        ctx->veris = strcmp(arg, "veris") == 0;
    if (id == OPT_FORMAT && !ctx->veris
        && jaen_record_format_parse(arg, &ctx->fmt))
        return jaen_err_set(err, JAEN_EUSAGE,
                            "expected json, markdown or veris");
    if (id == OPT_DICT_PATH)
        ctx->dict_path = arg;
    return JAEN_OK;
}

static int rec_init(void *vctx, const struct jaen_run_info *info,
                    struct jaen_err *err)
{
    struct rec_ctx *ctx = vctx;
    int rc;

    (void)info;
    rc = jaen_gloss_load(ctx->dict_path, getenv("JAEN_DICT"), 0, NULL, 0,
                         &ctx->g, err);
    if (rc)
        return rc;
    return jaen_incident_open(ctx->g, &ctx->ix, err);
}

static int rec_process(void *vctx, struct jaen_doc *doc, struct jaen_err *err)
{
    struct rec_ctx *ctx = vctx;

    json_decref(ctx->rec);
    ctx->rec = NULL;
    return jaen_incident_record(ctx->ix, doc, &ctx->rec, err);
}

static int rec_emit(void *vctx, struct jaen_doc *doc, struct jaen_buf *out,
                    struct jaen_err *err)
{
    struct rec_ctx *ctx = vctx;

    if (ctx->veris)
        return jaen_veris_write(jaen_doc_has_error(doc) ? NULL : ctx->rec,
                                doc, out, err);
    return jaen_record_write(jaen_doc_has_error(doc) ? NULL : ctx->rec, doc,
                             ctx->fmt, out, err);
}

static void rec_fini(void *vctx)
{
    struct rec_ctx *ctx = vctx;

    json_decref(ctx->rec);
    jaen_incident_close(ctx->ix);
    jaen_gloss_close(ctx->g);
}

const struct jaen_stage jaen_stage_record = {
    .name = "record",
    .parallel = 1,
    .summary = "build the bilingual incident record (jaen.incident/1)",
    .synopsis = "[OPTION]... [FILE]...",
    .description =
        "Reads the glossed stream (segment | normalize | gloss [| "
        "translate]) and writes one jaen.incident/1 record per document "
        "(docs/incident.schema.json): source, incident types, detection "
        "date, cause, counts, data items, secondary damage and measures, "
        "each text as {ja, en}.  With --format markdown, an English "
        "summary instead.  Documents with \"error\" give error records.",
    .opts = opts,
    .input = JAEN_INPUT_JSONL,
    .reads_sentences = 1,
    .ctx_size = sizeof(struct rec_ctx),
    .option = rec_option,
    .init = rec_init,
    .process = rec_process,
    .emit = rec_emit,
    .fini = rec_fini,
};

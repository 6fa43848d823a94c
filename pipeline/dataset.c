/* dataset.c: `jaen dataset`, parallel data from translated sentences. */
#include "dataset.h"
#include "limits.h"
#include "stage.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

enum { OPT_FORMAT = 1, OPT_OUTPUT, OPT_STATS };

extern const struct jaen_stage jaen_stage_dataset;

struct ds_ctx {
    enum jaen_dataset_format fmt;   /* --format */
    const char *prefix;             /* --output (moses) */
    int stats;                      /* --stats */
    int started;                    /* the TMX header is out */
    FILE *ja, *en;                  /* moses: PREFIX.ja, PREFIX.en */
    struct jaen_buf jb, eb;         /* moses lines of one document */
    struct jaen_dataset_stats st;
};

static const struct jaen_opt opts[] = {
    {"format", "FORMAT", OPT_FORMAT,
     "hf (default): JSON Lines with aligned terms; tmx: TMX 1.4b; moses: "
     "PREFIX.ja and PREFIX.en"},
    {"output", "PREFIX", OPT_OUTPUT,
     "moses: write PREFIX.ja and PREFIX.en (required for moses)"},
    {"stats", NULL, OPT_STATS,
     "print the counts of pairs, skipped sentences and unaligned terms"},
    {NULL, NULL, 0, NULL},
};

static int ds_option(void *vctx, int id, const char *arg,
                     struct jaen_err *err)
{
    struct ds_ctx *ctx = vctx;

    if (id == OPT_FORMAT && jaen_dataset_format_parse(arg, &ctx->fmt))
        return jaen_err_set(err, JAEN_EUSAGE, "expected hf, tmx or moses");
    if (id == OPT_OUTPUT)
        ctx->prefix = arg;
    if (id == OPT_STATS)
        ctx->stats = 1;
    return JAEN_OK;
}

static FILE *open_side(const char *prefix, const char *ext,
                       struct jaen_err *err)
{
    char path[4096];
    FILE *f;

    if ((size_t)snprintf(path, sizeof(path), "%s.%s", prefix, ext)
        >= sizeof(path)) {
        jaen_err_set(err, JAEN_EUSAGE, "--output: path too long");
        return NULL;
    }
    f = fopen(path, "w");
    if (!f)
        jaen_err_sys(err, JAEN_EIO, "%s", path);
    return f;
}

static int ds_init(void *vctx, const struct jaen_run_info *info,
                   struct jaen_err *err)
{
    struct ds_ctx *ctx = vctx;

    (void)info;
    jaen_buf_init(&ctx->jb, JAEN_BUF_DEFAULT_CAP);
    jaen_buf_init(&ctx->eb, JAEN_BUF_DEFAULT_CAP);
    if ((ctx->fmt == JAEN_DATASET_MOSES) != (ctx->prefix != NULL))
        return jaen_err_set(err, JAEN_EUSAGE, "--output PREFIX goes with "
                            "--format moses, and only with it");
    if (ctx->fmt != JAEN_DATASET_MOSES)
        return JAEN_OK;
    ctx->ja = open_side(ctx->prefix, "ja", err);
    ctx->en = ctx->ja ? open_side(ctx->prefix, "en", err) : NULL;
    return ctx->en ? JAEN_OK : err->code;
}

/* Error records are read too: translate marks a document whose sentences
 * were not all translated, and its translated ones still make pairs. */
static int ds_emit(void *vctx, struct jaen_doc *doc, struct jaen_buf *out,
                   struct jaen_err *err)
{
    struct ds_ctx *ctx = vctx;
    int rc;

    if (ctx->fmt == JAEN_DATASET_TMX && !ctx->started) {
        ctx->started = 1;
        if ((rc = jaen_dataset_tmx_begin(out, JAEN_VERSION)))
            return jaen_err_set(err, rc, "%s", jaen_strstatus(rc));
    }
    if (ctx->fmt != JAEN_DATASET_MOSES)
        return jaen_dataset_write(doc, ctx->fmt, out, NULL, &ctx->st, err);
    jaen_buf_reset(&ctx->jb);
    jaen_buf_reset(&ctx->eb);
    rc = jaen_dataset_write(doc, ctx->fmt, &ctx->jb, &ctx->eb, &ctx->st, err);
    if (rc)
        return rc;
    if (fwrite(ctx->jb.ptr ? ctx->jb.ptr : "", 1, ctx->jb.len, ctx->ja)
            != ctx->jb.len
        || fwrite(ctx->eb.ptr ? ctx->eb.ptr : "", 1, ctx->eb.len, ctx->en)
            != ctx->eb.len)
        return jaen_err_sys(err, JAEN_EIO, "%s.ja/.en", ctx->prefix);
    return JAEN_OK;
}

static int ds_finish(void *vctx, struct jaen_buf *out, struct jaen_err *err)
{
    struct ds_ctx *ctx = vctx;
    const struct jaen_dataset_stats *st = &ctx->st;
    int rc = JAEN_OK;

    if (ctx->fmt == JAEN_DATASET_TMX) {
        if (!ctx->started)
            rc = jaen_dataset_tmx_begin(out, JAEN_VERSION);
        ctx->started = 1;
        if (!rc)
            rc = jaen_dataset_tmx_end(out);
        if (rc)
            return jaen_err_set(err, rc, "%s", jaen_strstatus(rc));
    }
    if (ctx->fmt == JAEN_DATASET_MOSES) {
        int bad = fclose(ctx->ja) != 0;
        bad |= fclose(ctx->en) != 0;
        ctx->ja = ctx->en = NULL;
        if (bad)
            return jaen_err_sys(err, JAEN_EIO, "%s.ja/.en", ctx->prefix);
    }
    if (ctx->stats || st->skipped)
        jaen_stage_diag(&jaen_stage_dataset, NULL, 0, "%ld pairs, %ld "
                        "sentences without English skipped, %ld documents "
                        "without sentences, %ld terms (%ld without English "
                        "span)", st->pairs, st->skipped, st->skipped_docs,
                        st->terms, st->unaligned);
    return JAEN_OK;
}

static void ds_fini(void *vctx)
{
    struct ds_ctx *ctx = vctx;

    if (ctx->ja)
        fclose(ctx->ja);
    if (ctx->en)
        fclose(ctx->en);
    jaen_buf_free(&ctx->jb);
    jaen_buf_free(&ctx->eb);
}

const struct jaen_stage jaen_stage_dataset = {
    .name = "dataset",
    .parallel = 1,
    .summary = "glossary-aligned parallel data: hf, tmx or moses",
    .synopsis = "[OPTION]... [FILE]...",
    .description =
        "Reads a translated stream (... | gloss | translate) and writes one "
        "Japanese-English pair per sentence with \"en\": Hugging Face JSON "
        "Lines with the glossary terms aligned on both sides (code point "
        "spans), TMX 1.4b, or Moses line-aligned files.  Sentences without "
        "English are skipped and counted.",
    .opts = opts,
    .input = JAEN_INPUT_JSONL,
    .reads_sentences = 1,
    .ctx_size = sizeof(struct ds_ctx),
    .option = ds_option,
    .init = ds_init,
    .emit = ds_emit,
    .finish = ds_finish,
    .fini = ds_fini,
};

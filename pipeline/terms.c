/* terms.c: `jaen terms`, what the glossary does not cover yet. */
#include "stage.h"
#include "termstat.h"

#include <stdlib.h>

enum { OPT_TOP = 1 };

struct terms_ctx {
    struct jaen_termstat *ts;
    size_t top;             /* --top */
};

static const struct jaen_opt opts[] = {
    {"top", "N", OPT_TOP,
     "list the N most frequent of each kind (default 50)"},
    {NULL, NULL, 0, NULL},
};

static int tm_option(void *vctx, int id, const char *arg,
                     struct jaen_err *err)
{
    struct terms_ctx *ctx = vctx;
    char *end;
    long n;

    if (id == OPT_TOP) {
        n = strtol(arg, &end, 10);
        if (*arg == '\0' || *end != '\0' || n < 1)
            return jaen_err_set(err, JAEN_EUSAGE, "--top needs a number "
                                "above 0");
        ctx->top = (size_t)n;
    }
    return JAEN_OK;
}

static int tm_init(void *vctx, const struct jaen_run_info *info,
                   struct jaen_err *err)
{
    struct terms_ctx *ctx = vctx;

    (void)info;
    (void)err;
    if (!ctx->top)
        ctx->top = 50;
    ctx->ts = jaen_termstat_new();
    return ctx->ts ? JAEN_OK : JAEN_ENOMEM;
}

static int tm_process(void *vctx, struct jaen_doc *doc, struct jaen_err *err)
{
    struct terms_ctx *ctx = vctx;

    return jaen_termstat_doc(ctx->ts, doc, err);
}

/* Documents are only counted; the report comes at the end. */
static int tm_emit(void *vctx, struct jaen_doc *doc, struct jaen_buf *out,
                   struct jaen_err *err)
{
    (void)vctx;
    (void)doc;
    (void)out;
    (void)err;
    return JAEN_OK;
}

static int tm_finish(void *vctx, struct jaen_buf *out, struct jaen_err *err)
{
    struct terms_ctx *ctx = vctx;
    int rc = jaen_termstat_report(ctx->ts, ctx->top, out);

    return rc ? jaen_err_set(err, rc, "%s", jaen_strstatus(rc)) : JAEN_OK;
}

static void tm_fini(void *vctx)
{
    struct terms_ctx *ctx = vctx;

    jaen_termstat_free(ctx->ts);
}

const struct jaen_stage jaen_stage_terms = {
    .name = "terms",
    .summary = "list what the glossary misses, with coverage figures",
    .description =
        "Reads a glossed stream (segment | normalize | gloss) and reports "
        "the share of sentences a fixed phrase covers and of tokens inside "
        "a term, then the most frequent uncovered runs of noun-like tokens "
        "and the most frequent uncovered sentences (folded, with slot "
        "tokens for entities), as 'count TAB text' lines.",
    .opts = opts,
    .input = JAEN_INPUT_JSONL,
    .reads_sentences = 1,
    .ctx_size = sizeof(struct terms_ctx),
    .option = tm_option,
    .init = tm_init,
    .process = tm_process,
    .emit = tm_emit,
    .finish = tm_finish,
    .fini = tm_fini,
};

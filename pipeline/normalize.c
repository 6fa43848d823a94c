/* normalize.c: `jaen normalize`, typed entities for every number and date. */
#include "dates.h"
#include "fold.h"
#include "norm.h"
#include "stage.h"

#include <string.h>

enum { OPT_REF_DATE = 1, OPT_FORMAT };

struct nz_ctx {
    const char *ref;        /* --ref-date, or NULL for meta.published */
    int text_format;        /* --format text: the folded text */
};

static const struct jaen_opt opts[] = {
    {"ref-date", "YYYY-MM-DD", OPT_REF_DATE,
     "resolve year-less dates against this date instead of meta.published"},
    {"format", "FORMAT", OPT_FORMAT,
     "json (default): the document stream with \"entities\"; text: each "
     "document's width-folded text"},
    {NULL, NULL, 0, NULL},
};

static int nz_option(void *vctx, int id, const char *arg,
                     struct jaen_err *err)
{
    struct nz_ctx *ctx = vctx;
    struct jaen_ref ref;

    if (id == OPT_REF_DATE) {
        if (strlen(arg) != 10 || jaen_ref_parse(arg, &ref))
            return jaen_err_set(err, JAEN_EUSAGE,
                                "expected YYYY-MM-DD, got '%s'",
                                arg);
        ctx->ref = arg;
    } else if (id == OPT_FORMAT) {
        if (strcmp(arg, "json") && strcmp(arg, "text"))
            return jaen_err_set(err, JAEN_EUSAGE, "expected json or text");
        ctx->text_format = strcmp(arg, "text") == 0;
    }
    return JAEN_OK;
}

static int nz_process(void *vctx, struct jaen_doc *doc, struct jaen_err *err)
{
    struct nz_ctx *ctx = vctx;

    if (ctx->text_format)
        return JAEN_OK;     /* text output needs no entities */
    return jaen_normalize_doc(doc, ctx->ref, err);
}

static int nz_emit(void *vctx, struct jaen_doc *doc, struct jaen_buf *out,
                   struct jaen_err *err)
{
    struct nz_ctx *ctx = vctx;
    const char *text;
    size_t len, ncp;
    int rc;

    if (!ctx->text_format || jaen_doc_has_error(doc))
        return jaen_doc_write(doc, out, err);
    rc = jaen_doc_text(doc, &text, &len, &ncp, err);
    if (rc)
        return rc;
    rc = jaen_fold(text, len, out, NULL, NULL, err);
    if (!rc && (out->len == 0 || out->ptr[out->len - 1] != '\n'))
        rc = jaen_buf_addc(out, '\n');
    return rc;
}

const struct jaen_stage jaen_stage_normalize = {
    .name = "normalize",
    .parallel = 1,
    .summary = "find numbers, quantities, dates, times and durations",
    .description =
        "Reads the document stream and adds \"entities\": every number, "
        "quantity, money amount, percentage, date, date range, time and "
        "duration of the text with its exact value, in code point offsets "
        "(docs/NORMALIZE.md).  Year-less dates are resolved against "
        "meta.published or --ref-date.",
    .opts = opts,
    .input = JAEN_INPUT_JSONL,
    .ctx_size = sizeof(struct nz_ctx),
    .option = nz_option,
    .process = nz_process,
    .emit = nz_emit,
};

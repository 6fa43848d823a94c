/* segment.c: `jaen segment`, documents in, sentences and words out. */
#include "md.h"
#include "seg.h"
#include "stage.h"

#include <string.h>

enum { OPT_FORMAT = 1 };

struct seg_ctx {
    struct jaen_seg *seg;
    int text_format;        /* --format text: one sentence per line */
};

static const struct jaen_opt opts[] = {
    {"format", "FORMAT", OPT_FORMAT,
     "json (default): the document stream; text: one sentence a line, "
     "tokens split by spaces (like mecab -Owakati)"},
    {NULL, NULL, 0, NULL},
};

static int seg_option(void *vctx, int id, const char *arg,
                      struct jaen_err *err)
{
    struct seg_ctx *ctx = vctx;

    if (id == OPT_FORMAT) {
        if (strcmp(arg, "json") && strcmp(arg, "text"))
            return jaen_err_set(err, JAEN_EUSAGE, "expected json or text");
        ctx->text_format = strcmp(arg, "text") == 0;
    }
    return JAEN_OK;
}

static int seg_init(void *vctx, const struct jaen_run_info *info,
                    struct jaen_err *err)
{
    struct seg_ctx *ctx = vctx;

    (void)info;
    return jaen_seg_open(&ctx->seg, err);
}

/* The runner has decided between Markdown and text (--input). */
static int seg_source(void *vctx, const char *id, const char *bytes,
                      size_t len, int markdown, struct jaen_doc *doc,
                      struct jaen_err *err)
{
    (void)vctx;
    if (markdown)
        return jaen_md_parse(bytes, len, id, doc, err);
    return jaen_text_parse(bytes, len, id, doc, err);
}

static int seg_process(void *vctx, struct jaen_doc *doc,
                       struct jaen_err *err)
{
    struct seg_ctx *ctx = vctx;

    return jaen_seg_doc(ctx->seg, doc, err);
}

static int seg_emit(void *vctx, struct jaen_doc *doc, struct jaen_buf *out,
                    struct jaen_err *err)
{
    struct seg_ctx *ctx = vctx;

    if (!ctx->text_format || jaen_doc_has_error(doc))
        return jaen_doc_write(doc, out, err);
    return jaen_doc_write_wakati(doc, out, err);
}

static void seg_fini(void *vctx)
{
    struct seg_ctx *ctx = vctx;

    jaen_seg_close(ctx->seg);
}

const struct jaen_stage jaen_stage_segment = {
    .name = "segment",
    .parallel = 1,
    .summary = "split documents into sentences and words (ICU)",
    .description =
        "Reads archive Markdown disclosures (detected by a '# 公表概要' "
        "line), plain text or one document per line, and writes one JSON "
        "object per document: id, meta, text, blocks and sentences with "
        "their token spans, in code points (docs/STREAM.md).",
    .opts = opts,
    .input = JAEN_INPUT_SOURCE,
    .ctx_size = sizeof(struct seg_ctx),
    .option = seg_option,
    .init = seg_init,
    .source = seg_source,
    .process = seg_process,
    .emit = seg_emit,
    .fini = seg_fini,
};

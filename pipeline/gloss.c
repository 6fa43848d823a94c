/* gloss.c: `jaen gloss`, glossary terms and fixed phrases. */
#include "alloc.h"
#include "gloss.h"
#include "stage.h"

#include <stdlib.h>

enum { OPT_DICT = 1, OPT_DICT_PATH, OPT_NO_DEFAULT };

struct gloss_ctx {
    struct jaen_gloss *g;
    const char **files;     /* --dict, in order (argv strings) */
    size_t nfiles;
    const char *path;       /* --dict-path */
    int no_default;         /* --no-default-dict */
};

static const struct jaen_opt opts[] = {
    {"dict", "FILE", OPT_DICT,
     "add a glossary (our TSV, DeepL TSV, CSV or TBX); repeatable, later "
     "files override earlier ones and the compiled glossary"},
    {"dict-path", "PATH", OPT_DICT_PATH,
     "the compiled glossary (default: $JAEN_DICT, then the build's, then "
     "the installed jaen.dict)"},
    {"no-default-dict", NULL, OPT_NO_DEFAULT,
     "use only the --dict files, not the compiled glossary"},
    {NULL, NULL, 0, NULL},
};

static int gl_option(void *vctx, int id, const char *arg,
                     struct jaen_err *err)
{
    struct gloss_ctx *ctx = vctx;
    const char **f;

    (void)err;
    if (id == OPT_DICT) {
        f = jaen_realloc(ctx->files, (ctx->nfiles + 1) * sizeof(*f));
        if (!f)
            return JAEN_ENOMEM;
        ctx->files = f;
        ctx->files[ctx->nfiles++] = arg;
    } else if (id == OPT_DICT_PATH) {
        ctx->path = arg;
    } else if (id == OPT_NO_DEFAULT) {
        ctx->no_default = 1;
    }
    return JAEN_OK;
}

static int gl_init(void *vctx, const struct jaen_run_info *info,
                   struct jaen_err *err)
{
    struct gloss_ctx *ctx = vctx;

    (void)info;
    if (ctx->no_default && !ctx->nfiles)
        return jaen_err_set(err, JAEN_EUSAGE,
                            "--no-default-dict needs at least one --dict");
    return jaen_gloss_load(ctx->path, getenv("JAEN_DICT"), ctx->no_default,
                           ctx->files, ctx->nfiles, &ctx->g, err);
}

static int gl_process(void *vctx, struct jaen_doc *doc, struct jaen_err *err)
{
    struct gloss_ctx *ctx = vctx;

    return jaen_gloss_doc(ctx->g, doc, err);
}

static void gl_fini(void *vctx)
{
    struct gloss_ctx *ctx = vctx;

    jaen_gloss_close(ctx->g);
    jaen_free(ctx->files);
}

const struct jaen_stage jaen_stage_gloss = {
    .name = "gloss",
    .parallel = 1,
    .summary = "mark glossary terms and fixed phrases",
    .description =
        "Reads the stream from jaen segment (and normalize) and adds "
        "\"terms\": [{start, end, ja, en, concept, entry}], the "
        "leftmost-longest glossary matches on token boundaries, and a "
        "\"phrase\" {concept, en, entry} to each sentence that a fixed "
        "phrase covers in full, its slots filled from \"entities\".  "
        "'jaen dict export' writes the glossary in other formats.",
    .opts = opts,
    .input = JAEN_INPUT_JSONL,
    .reads_sentences = 1,
    .ctx_size = sizeof(struct gloss_ctx),
    .option = gl_option,
    .init = gl_init,
    .process = gl_process,
    .fini = gl_fini,
};

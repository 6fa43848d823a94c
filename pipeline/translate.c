/* translate.c: `jaen translate`, English for every sentence. */
#include "mt.h"
#include "stage.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

enum { O_ENGINE = 1, O_ENDPOINT, O_MODEL, O_CACHE, O_OFFLINE, O_TMX,
       O_GLOSSARY_ID, O_GLOSSARY, O_GVERSION, O_STATS };

struct tr_ctx {
    struct jaen_mt_args args;
    struct jaen_mt_setup setup;
    struct jaen_mt *mt;
    const char *tmx;            /* --export-tmx */
    int stats, progress, told;  /* --stats; progress line; fatal reported */
    time_t last;                /* last progress line */
};

extern const struct jaen_stage jaen_stage_translate;

static const struct jaen_opt opts[] = {
    {"engine", "NAME", O_ENGINE, "deepl, libre or openai (default: the "
     "first whose key is set)"},
    {"endpoint", "URL", O_ENDPOINT, "https server, or http on loopback"},
    {"model", "NAME", O_MODEL, "the model (openai; part of the cache key)"},
    {"cache", "FILE", O_CACHE, "the TM (~/.cache/jaen/tm.sqlite)"},
    {"offline", NULL, O_OFFLINE, "no requests: fixed phrases and TM only"},
    {"export-tmx", "FILE", O_TMX, "write the TM as TMX 1.4b at the end"},
    {"glossary-id", "ID", O_GLOSSARY_ID, "use this DeepL glossary"},
    {"deepl-glossary", "FILE", O_GLOSSARY, "upload these ja<TAB>en lines "
     "as a DeepL glossary and use it"},
    {"glossary-version", "STR", O_GVERSION, "glossary version (cache key)"},
    {"stats", NULL, O_STATS, "print request and cache counters at the end"},
    {NULL, NULL, 0, NULL},
};

static int tr_option(void *vctx, int id, const char *arg,
                     struct jaen_err *err)
{
    struct tr_ctx *c = vctx;
    const char **slot[] = { NULL, &c->args.engine, &c->args.endpoint,
                            &c->args.model, &c->args.cache, NULL, &c->tmx,
                            &c->args.glossary_id, &c->args.glossary_file,
                            &c->args.glossary_version };
    (void)err;
    if (id == O_OFFLINE)
        c->args.offline = 1;
    else if (id == O_STATS)
        c->stats = 1;
    else if (id > 0 && id < O_STATS && slot[id])
        *slot[id] = arg;
    return JAEN_OK;
}

static void tr_progress(void *vctx, const struct jaen_mt_stats *s)
{
    struct tr_ctx *c = vctx;
    time_t now = time(NULL);
    if (now == c->last)
        return;
    c->last = now;
    fprintf(stderr, "\rjaen translate: %ld/%ld sentences, %ld requests, "
            "%ld cache hits, %ld retries ", s->done + s->failed,
            s->sentences, s->requests, s->tm_hits, s->retries);
}

static int tr_init(void *vctx, const struct jaen_run_info *info,
                   struct jaen_err *err)
{
    struct tr_ctx *c = vctx;
    int rc = jaen_mt_setup(&c->setup, &c->args, err);

    if (rc)
        return rc;
    c->progress = info->progress;
    if (c->progress) {
        c->setup.conf.progress = tr_progress;
        c->setup.conf.progress_arg = c;
    }
    return jaen_mt_open(&c->mt, &c->setup.conf, err);
}

static int tr_process(void *vctx, struct jaen_doc *doc, struct jaen_err *err)
{
    struct tr_ctx *c = vctx;
    int rc = jaen_mt_translate_doc(c->mt, doc, err);

    if (jaen_mt_fatal(c->mt) && !c->told) {
        c->told = 1;
        jaen_stage_diag(&jaen_stage_translate, NULL, 0, "%s",
                        jaen_mt_fatal(c->mt));
    }
    return rc;
}

static int tr_finish(void *vctx, struct jaen_buf *out, struct jaen_err *err)
{
    struct tr_ctx *c = vctx;
    struct jaen_mt_stats s;

    (void)out;
    jaen_mt_get_stats(c->mt, &s);
    if (c->stats || c->progress)
        jaen_stage_diag(&jaen_stage_translate, NULL, 0,
                        "%ld sentences: %ld phrase, %ld tm, %ld translated, "
                        "%ld failed; %ld requests (%ld batches, %ld "
                        "retries), %ld bytes sent, largest %ld",
                        s.sentences, s.phrase, s.tm_hits, s.translated,
                        s.failed, s.requests, s.batches, s.retries,
                        s.bytes_sent, s.max_payload);
    if (c->tmx) {
        int rc = jaen_mt_export_tmx(c->mt, c->tmx, err);
        if (rc)
            return rc;
    }
    if (jaen_mt_fatal(c->mt))
        return jaen_err_set(err, JAEN_ENET, "stopped: %s",
                            jaen_mt_fatal(c->mt));
    return JAEN_OK;
}

static void tr_fini(void *vctx)
{
    struct tr_ctx *c = vctx;

    jaen_mt_close(c->mt);
    jaen_mt_setup_free(&c->setup);
}

const struct jaen_stage jaen_stage_translate = {
    .name = "translate",
    .summary = "English for each sentence: phrase, memory, then DeepL, "
               "LibreTranslate or an OpenAI-compatible server",
    .description =
        "Gives every sentence \"en\" and \"en_source\" (phrase, tm or the "
        "engine), or \"error\" when it could not be translated.  Glossary "
        "terms and values are protected and restored.  Keys come from "
        "DEEPL_AUTH_KEY, LIBRETRANSLATE_API_KEY, OPENAI_API_KEY or "
        "~/.config/jaen/config (mode 0600), never from the command line.",
    .opts = opts,
    .input = JAEN_INPUT_JSONL,
    .reads_sentences = 1,
    .ctx_size = sizeof(struct tr_ctx),
    .option = tr_option,
    .init = tr_init,
    .process = tr_process,
    .finish = tr_finish,
    .fini = tr_fini,
};

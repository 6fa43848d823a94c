/* check.c: `jaen check`, QA of a translated stream (qa.h). */
#include "qa.h"
#include "stage.h"

#include <string.h>

enum { OPT_FORMAT = 1, OPT_TERMS };

struct check_ctx {
    int json;                       /* --format json */
    enum jaen_qa_terms terms;       /* --terms */
    struct jaen_qa_totals t;
};

static const struct jaen_opt opts[] = {
    {"format", "FORMAT", OPT_FORMAT,
     "text (default): one line per finding and the totals; json: one "
     "finding a line, then {\"totals\"}"},
    {"terms", "WHICH", OPT_TERMS,
     "key (default): terms of incident types, attacks, malware, "
     "vulnerabilities, data items, regulators, laws, standards; all; none"},
    {NULL, NULL, 0, NULL},
};

static int ck_option(void *vctx, int id, const char *arg,
                     struct jaen_err *err)
{
    struct check_ctx *ctx = vctx;

    if (id == OPT_FORMAT) {
        if (strcmp(arg, "json") && strcmp(arg, "text"))
            return jaen_err_set(err, JAEN_EUSAGE, "expected text or json");
        ctx->json = strcmp(arg, "json") == 0;
    } else if (id == OPT_TERMS) {
        if (strcmp(arg, "key") == 0)
            ctx->terms = JAEN_QA_TERMS_KEY;
        else if (strcmp(arg, "all") == 0)
            ctx->terms = JAEN_QA_TERMS_ALL;
        else if (strcmp(arg, "none") == 0)
            ctx->terms = JAEN_QA_TERMS_NONE;
        else
            return jaen_err_set(err, JAEN_EUSAGE, "expected key, all or none");
    }
    return JAEN_OK;
}

/* Every document is checked here, error records included: a sentence that
 * translate could not translate is an empty target. */
static int ck_emit(void *vctx, struct jaen_doc *doc, struct jaen_buf *out,
                   struct jaen_err *err)
{
    struct check_ctx *ctx = vctx;
    json_t *findings = json_array(), *f;
    size_t i;
    int rc;

    if (!findings)
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    rc = jaen_qa_check_doc(doc, ctx->terms, findings, &ctx->t, err);
    json_array_foreach(findings, i, f) {
        if (rc)
            break;
        if (ctx->json)
            rc = jaen_json_dump(f, out) || jaen_buf_addc(out, '\n');
        else
            rc = jaen_buf_addf(out, "%s#%lld [%lld-%lld] %s: %s\n",
                   json_string_value(json_object_get(f, "id")),
                   (long long)json_integer_value(json_object_get(f,
                                                                 "sentence")),
                   (long long)json_integer_value(json_object_get(f, "start")),
                   (long long)json_integer_value(json_object_get(f, "end")),
                   json_string_value(json_object_get(f, "check")),
                   json_string_value(json_object_get(f, "message")));
    }
    json_decref(findings);
    if (rc)
        return jaen_err_set(err, rc, "%s", jaen_strstatus(rc));
    return JAEN_OK;
}

static int ck_finish(void *vctx, struct jaen_buf *out, struct jaen_err *err)
{
    struct check_ctx *ctx = vctx;
    const struct jaen_qa_totals *t = &ctx->t;
    long total = 0;
    int k, rc;

    for (k = 0; k < JAEN_QA_NCHECKS; k++)
        total += t->findings[k];
    if (ctx->json)
        rc = jaen_buf_addf(out, "{\"totals\":{\"documents\":%ld,"
                           "\"skipped_documents\":%ld,\"sentences\":%ld,"
                           "\"findings\":%ld", t->docs, t->skipped_docs,
                           t->sentences, total);
    else
        rc = jaen_buf_addf(out, "%ld documents (%ld without sentences), %ld "
                           "sentences: %ld findings", t->docs,
                           t->skipped_docs, t->sentences, total);
    for (k = 0; !rc && k < JAEN_QA_NCHECKS; k++)
        rc = jaen_buf_addf(out, ctx->json ? ",\"%s\":%ld" : ", %s %ld",
                           jaen_qa_check_name(k), t->findings[k]);
    if (!rc)
        rc = jaen_buf_adds(out, ctx->json ? "}}\n" : "\n");
    if (rc)
        return jaen_err_set(err, rc, "%s", jaen_strstatus(rc));
    if (total > 0)
        return jaen_err_set(err, JAEN_EDATA, "%ld findings in %ld sentences",
                            total, t->sentences);
    return JAEN_OK;
}

const struct jaen_stage jaen_stage_check = {
    .name = "check",
    .parallel = 1,
    .summary = "QA of translations: numbers, terms, untranslated, empty",
    .synopsis = "[OPTION]... [FILE]...",
    .description =
        "Reads a translated stream (... | gloss | translate) and reports, "
        "per sentence: an empty target, untranslated text (Japanese left in "
        "the English, or the English identical to the Japanese), a number "
        "of normalize's entities missing from the English, and a glossary "
        "term whose English is missing.  Prints the findings and the "
        "totals; exits 1 when there is a finding.",
    .opts = opts,
    .input = JAEN_INPUT_JSONL,
    .reads_sentences = 1,
    .ctx_size = sizeof(struct check_ctx),
    .option = ck_option,
    .emit = ck_emit,
    .finish = ck_finish,
};

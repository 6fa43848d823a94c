/* fuzz_record.c: the whole offline pipeline on one document, as `jaen run`
 * runs it: the Markdown or text reader, segmentation, normalize, gloss
 * (a small glossary compiled at start-up: terms, data items, a legal form,
 * phrases with slots), then the incident record (incident.h) and its
 * English summary (summary.h).
 *
 * The record rules search the text at byte offsets derived from code
 * points, entities and terms, which is where an off-by-one reads past a
 * sentence; this harness reaches them with any text.  The first byte picks
 * the reader (Markdown or text) and the document id; the rest is the
 * document, repaired to valid UTF-8 as the runner does.  Checks: every
 * status is a documented one; a record is built for every document that
 * got through the stages; it is a jaen.incident/1 object that dumps to
 * JSON and loads again; the summary is valid UTF-8. */
#include "fuzz_common.h"

#include "gloss.h"
#include "incident.h"
#include "md.h"
#include "norm.h"
#include "seg.h"
#include "summary.h"

#include <stdlib.h>
#include <string.h>

static const char source[] =
    "ja\ten\tconcept\tvariants\tpos\tnote\n"
    "不正アクセス\tunauthorized access\tincident_type.unauthorized_access\t"
    "不正ログイン\tnoun\t\n"
    "ランサムウェア\transomware\tincident_type.ransomware\t\tnoun\t\n"
    "漏えい\tleak\tincident.leak\t漏洩|流出\tnoun\t\n"
    "個人情報\tpersonal information\tdata.personal_information\t\tnoun\t\n"
    "氏名\tname\tdata_item.name\tお名前\tnoun\t\n"
    "メールアドレス\temail address\tdata_item.email\t\tnoun\t\n"
    "お客様\tcustomers\tparty.customer\t\tnoun\t\n"
    "株式会社\tCo., Ltd.\tlegal_form.kabushiki_kaisha\t(株)\tnoun\t\n"
    "{date}、不正アクセスを確認しました。\tOn {date}, we confirmed "
    "unauthorized access.\tphrase.confirmed_access\t\tphrase\t\n"
    "{quantity}の個人情報が漏えいした可能性があります。\tPersonal "
    "information of {quantity} may have leaked.\tphrase.possible_leak\t\t"
    "phrase\t\n"
    "現時点で二次被害は確認されておりません。\tNo secondary damage has "
    "been confirmed so far.\tphrase.no_secondary_damage\t\tphrase\t\n";

static struct jaen_seg *seg;            /* ICU iterators: opened once */
static struct jaen_gloss *glossary;
static struct jaen_incident *extractor;

static void close_all(void)
{
    jaen_incident_close(extractor);
    jaen_gloss_close(glossary);
    jaen_seg_close(seg);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    struct jaen_err err = {0};
    size_t len;
    char *p;

    (void)argc;
    (void)argv;
    p = fuzz_glossary(source, sizeof(source) - 1, "fuzz_record", &len);
    if (jaen_gloss_open_take(p, len, "fuzz", &glossary, &err)
        || jaen_seg_open(&seg, &err)
        || jaen_incident_open(glossary, &extractor, &err)) {
        fprintf(stderr, "fuzz_record: %s\n", err.msg);
        abort();
    }
    atexit(close_all);
    return 0;
}

static void check_record(const json_t *rec, struct jaen_doc *doc)
{
    struct jaen_buf out;
    struct jaen_err err = {0};
    json_t *back;
    char *s;

    CHECK(json_is_object(rec));
    CHECK(json_is_string(json_object_get(rec, "schema")));
    CHECK(strcmp(json_string_value(json_object_get(rec, "schema")),
                 "jaen.incident/1") == 0);
    s = json_dumps(rec, JSON_COMPACT);
    CHECK(s != NULL);
    back = json_loads(s, JSON_ALLOW_NUL, NULL);  /* text may hold NUL */
    CHECK(back != NULL && json_equal(back, rec));
    json_decref(back);
    free(s);
    jaen_buf_init(&out, JAEN_BUF_DEFAULT_CAP);
    if (jaen_summary_write(rec, doc, &out, &err) == JAEN_OK)
        CHECK(jaen_utf8_valid_prefix(out.ptr ? out.ptr : "", out.len)
              == out.len);
    jaen_buf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const ids[] = {"stdin:1", "2025/03/11_report.md"};
    struct jaen_doc *doc;
    struct jaen_err err = {0};
    struct jaen_buf in;
    json_t *rec = NULL;
    unsigned mode;
    int rc;

    if (size < 1)
        return 0;
    mode = data[0];
    if (fuzz_repair(data + 1, size - 1, &in)) {
        jaen_buf_free(&in);
        return 0;
    }
    doc = jaen_doc_new();
    if (!doc) {
        jaen_buf_free(&in);
        return 0;
    }
    rc = (mode & 1) ? jaen_md_parse(in.ptr, in.len, ids[(mode >> 1) & 1],
                                    doc, &err)
                    : jaen_text_parse(in.ptr, in.len, ids[(mode >> 1) & 1],
                                      doc, &err);
    CHECK(fuzz_status_ok(rc));
    if (rc == JAEN_OK)
        rc = jaen_seg_doc(seg, doc, &err);
    if (rc == JAEN_OK)
        rc = jaen_normalize_doc(doc, NULL, &err);
    if (rc == JAEN_OK)
        rc = jaen_gloss_doc(glossary, doc, &err);
    CHECK(fuzz_status_ok(rc));
    if (rc == JAEN_OK) {
        rc = jaen_incident_record(extractor, doc, &rec, &err);
        CHECK(fuzz_status_ok(rc));
        CHECK((rc == JAEN_OK) == (rec != NULL));
        if (rec)
            check_record(rec, doc);
        json_decref(rec);
    }
    jaen_doc_free(doc);
    jaen_buf_free(&in);
    return 0;
}

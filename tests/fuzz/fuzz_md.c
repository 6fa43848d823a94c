/* fuzz_md.c: the Markdown and text reader (md.h), then segmentation
 * (seg.h), as `jaen segment` runs them on one document.
 *
 * The first byte picks the document id (plain, or an archive path that
 * carries a date) and whether the input is read as Markdown or text; the
 * rest is the document, repaired to valid UTF-8 first as the runner does.
 * Checks: statuses are documented ones, md_split always advances, the
 * record written loads again, sentence and token spans stay inside the
 * text. */
#include "fuzz_common.h"

#include "md.h"
#include "seg.h"

#include <string.h>

static struct jaen_seg *seg;    /* ICU iterators: opened once */

static void close_seg(void)
{
    jaen_seg_close(seg);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    struct jaen_err err = {0};

    (void)argc;
    (void)argv;
    if (jaen_seg_open(&seg, &err)) {
        fprintf(stderr, "fuzz_md: %s\n", err.msg);
        abort();
    }
    atexit(close_seg);      /* no "possibly lost" ICU blocks in valgrind */
    return 0;
}

static void check_spans(struct jaen_doc *doc, size_t ncp)
{
    struct jaen_sent *sents;
    const struct jaen_tok *toks;
    size_t ns, nt, i, j;
    struct jaen_err err = {0};

    if (jaen_doc_sentences(doc, &sents, &ns, &toks, &nt, &err))
        return;
    for (i = 0; i < ns; i++) {
        CHECK(sents[i].start >= 0 && sents[i].start < sents[i].end);
        CHECK((size_t)sents[i].end <= ncp);
        CHECK(i == 0 || sents[i - 1].end <= sents[i].start);
        CHECK(sents[i].tok0 + sents[i].ntok <= nt);
        for (j = sents[i].tok0; j < sents[i].tok0 + sents[i].ntok; j++)
            CHECK(toks[j].start >= sents[i].start && toks[j].start
                  < toks[j].end && toks[j].end <= sents[i].end);
    }
}

static void one(const char *s, size_t len, const char *id, int markdown)
{
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_buf out;
    struct jaen_err err = {0};
    const char *text;
    size_t tlen, ncp;
    int rc;

    jaen_buf_init(&out, JAEN_BUF_DEFAULT_CAP);
    if (!doc)
        return;
    rc = markdown ? jaen_md_parse(s, len, id, doc, &err)
                  : jaen_text_parse(s, len, id, doc, &err);
    CHECK(fuzz_status_ok(rc));
    if (rc == JAEN_OK) {
        rc = jaen_seg_doc(seg, doc, &err);
        CHECK(fuzz_status_ok(rc));
    }
    if (rc == JAEN_OK
        && jaen_doc_text(doc, &text, &tlen, &ncp, &err) == JAEN_OK) {
        CHECK(jaen_utf8_valid_prefix(text, tlen) == tlen);
        check_spans(doc, ncp);
    }
    if (rc != JAEN_OK)
        jaen_doc_set_error(doc, "segment", &err);
    if (jaen_doc_write(doc, &out, &err) == JAEN_OK)
        fuzz_check_record(&out);
    jaen_buf_reset(&out);
    if (rc == JAEN_OK)
        jaen_doc_write_wakati(doc, &out, &err);
    jaen_buf_free(&out);
    jaen_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const ids[] = {
        "stdin:1", "2025/03/11_report.md", "2024/12/XX_note.md",
        "archive/2023/02/29_leap.md",
    };
    struct jaen_buf in;
    size_t pos, end, n = 0;
    char date[11];
    unsigned mode;

    if (size < 1)
        return 0;
    mode = data[0];
    if (fuzz_repair(data + 1, size - 1, &in)) {
        jaen_buf_free(&in);
        return 0;
    }
    /* stdin holds several archive documents one after the other */
    for (pos = 0; pos < in.len; pos = end, n++) {
        end = jaen_md_split(in.ptr, in.len, pos);
        CHECK(end > pos && end <= in.len);
        CHECK(n < in.len + 1);
    }
    if (jaen_md_parse_date(in.ptr, in.len, date)) {
        /* "YYYY-MM-DD", or "YYYY-MM" when only the month is known */
        size_t dl = strlen(date), k;
        CHECK(dl == 10 || dl == 7);
        for (k = 0; k < dl; k++)
            CHECK(k == 4 || k == 7 ? date[k] == '-'
                  : (date[k] >= '0' && date[k] <= '9'));
    }
    if (mode & 4) {
        for (pos = 0; pos < in.len; pos = end) {
            end = jaen_md_split(in.ptr, in.len, pos);
            one(in.ptr + pos, end - pos, ids[mode & 3], 1);
        }
    } else {
        one(in.ptr, in.len, ids[mode & 3],
            (mode & 8) ? 0 : jaen_md_detect(in.ptr, in.len));
    }
    jaen_buf_free(&in);
    return 0;
}

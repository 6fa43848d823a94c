/* fuzz_jsonl.c: the JSON Lines reader, as a JSONL stage runs it: the line
 * reader (io.h) over a pipe, BOM and blank-line handling, UTF-8 repair,
 * jaen_doc_parse, the typed fields (id, text, sentences), the writer, and
 * the error record of a line that does not parse.
 *
 * Checks: statuses are documented ones; sentence and token spans that
 * jaen_doc_sentences accepts are sorted and nested; every record written
 * (pass-through, re-set sentences, error record) loads again; writing a
 * record that was read back gives the same bytes (pass-through is
 * idempotent). */
#include "fuzz_common.h"

#include "alloc.h"
#include "io.h"
#include "jscan.h"

#include <string.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static void check_sentences(struct jaen_doc *doc)
{
    struct jaen_sent *sents, *copy;
    const struct jaen_tok *toks;
    size_t ns, nt, i;
    struct jaen_err err = {0};
    struct jaen_tok *tcopy;

    if (jaen_doc_sentences(doc, &sents, &ns, &toks, &nt, &err))
        return;
    for (i = 0; i < ns; i++) {
        CHECK(sents[i].tok0 + sents[i].ntok <= nt);
        CHECK(sents[i].start <= sents[i].end);
    }
    /* the typed fast path written back must load again */
    copy = jaen_calloc(ns ? ns : 1, sizeof(*copy));
    tcopy = jaen_calloc(nt ? nt : 1, sizeof(*tcopy));
    if (copy && tcopy) {
        for (i = 0; i < ns; i++) {
            copy[i] = sents[i];
            copy[i].extra = sents[i].extra ? json_deep_copy(sents[i].extra)
                                           : NULL;
        }
        if (nt)
            memcpy(tcopy, toks, nt * sizeof(*tcopy));
        jaen_doc_set_sentences(doc, copy, ns, tcopy, nt);
    }
    jaen_free(copy);
    jaen_free(tcopy);
}

static void error_record(struct jaen_doc *doc, const char *raw, size_t len,
                         const struct jaen_err *perr)
{
    struct jaen_buf out;
    struct jaen_err err = {0};
    size_t keep = len > 64 ? 64 : len;

    while (keep > 0 && keep < len && ((unsigned char)raw[keep] & 0xC0) == 0x80)
        keep--;
    jaen_doc_reset(doc);
    jaen_doc_set(doc, JAEN_F_ID, json_string("fuzz:1"));
    jaen_doc_set(doc, "raw", json_stringn(raw, keep));
    jaen_doc_set_error(doc, "fuzz", perr);
    jaen_buf_init(&out, JAEN_BUF_DEFAULT_CAP);
    if (jaen_doc_write(doc, &out, &err) == JAEN_OK)
        fuzz_check_record(&out);
    jaen_buf_free(&out);
}

/* Decoding "sentences" while parsing (jaen_doc_decode_early) accepts
 * exactly the records a plain parse accepts, gives the same error, the
 * same sentences and writes the same bytes. */
static void early_same(const char *line, size_t len)
{
    struct jaen_doc *a = jaen_doc_new(), *b = jaen_doc_new();
    struct jaen_err ea = {0}, eb = {0};
    struct jaen_buf oa, ob;
    struct jaen_sent *sa, *sb;
    size_t na, nb, ta, tb;
    const struct jaen_tok *ka, *kb;
    int ra, rb;

    jaen_buf_init(&oa, JAEN_BUF_DEFAULT_CAP);
    jaen_buf_init(&ob, JAEN_BUF_DEFAULT_CAP);
    if (!a || !b)
        goto out;
    jaen_doc_decode_early(b, 1);
    ra = jaen_doc_parse(a, line, len, &ea);
    rb = jaen_doc_parse(b, line, len, &eb);
    CHECK(ra == rb);
    if (ra) {
        CHECK(strcmp(ea.msg, eb.msg) == 0 || ra == JAEN_ENOMEM);
        goto out;
    }
    ra = jaen_doc_sentences(a, &sa, &na, &ka, &ta, &ea);
    rb = jaen_doc_sentences(b, &sb, &nb, &kb, &tb, &eb);
    CHECK(ra == rb);
    if (!ra) {
        CHECK(na == nb && ta == tb);
        for (size_t i = 0; i < na && i < nb; i++)
            CHECK(sa[i].start == sb[i].start && sa[i].end == sb[i].end
                  && sa[i].tok0 == sb[i].tok0 && sa[i].ntok == sb[i].ntok);
        CHECK(ta == 0 || memcmp(ka, kb, ta * sizeof(*ka)) == 0);
    }
    if (jaen_doc_write(a, &oa, &ea) == JAEN_OK
        && jaen_doc_write(b, &ob, &eb) == JAEN_OK)
        CHECK(oa.len == ob.len && memcmp(oa.ptr, ob.ptr, oa.len) == 0);
out:
    jaen_buf_free(&oa);
    jaen_buf_free(&ob);
    jaen_doc_free(a);
    jaen_doc_free(b);
}

static void one_line(struct jaen_doc *doc, const char *line, size_t len)
{
    struct jaen_buf fixed, out, again;
    struct jaen_err err = {0};
    const char *text;
    size_t tlen, ncp;
    int rc;

    if (len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
        line += 3;
        len -= 3;
    }
    if (jaen_jscan_ws(line, len, 0) == len)
        return;
    jaen_buf_init(&fixed, JAEN_BUF_DEFAULT_CAP);
    jaen_buf_init(&out, JAEN_BUF_DEFAULT_CAP);
    jaen_buf_init(&again, JAEN_BUF_DEFAULT_CAP);
    if (jaen_utf8_repair(line, len, &fixed, NULL, NULL)
        || jaen_buf_add(&fixed, "", 0))
        goto done;
    early_same(fixed.ptr, fixed.len);
    rc = jaen_doc_parse(doc, fixed.ptr, fixed.len, &err);
    CHECK(fuzz_status_ok(rc));
    if (rc) {
        error_record(doc, fixed.ptr, fixed.len, &err);
        goto done;
    }
    (void)jaen_doc_id(doc);
    (void)jaen_doc_has_error(doc);
    (void)jaen_doc_get(doc, JAEN_F_META, &err);
    if (jaen_doc_text(doc, &text, &tlen, &ncp, &err) == JAEN_OK)
        CHECK(jaen_utf8_valid_prefix(text, tlen) == tlen);
    /* pass-through: write, read back, write again: same bytes */
    if (jaen_doc_write(doc, &out, &err) == JAEN_OK) {
        fuzz_check_record(&out);
        if (jaen_doc_parse(doc, out.ptr, out.len - 1, &err) == JAEN_OK
            && jaen_doc_write(doc, &again, &err) == JAEN_OK) {
            CHECK(again.len == out.len);
            CHECK(memcmp(again.ptr, out.ptr, out.len) == 0);
        }
    }
    jaen_buf_reset(&out);
    jaen_doc_write_wakati(doc, &out, &err);
    check_sentences(doc);
    jaen_doc_warn(doc, "fuzz", "a warning");
    jaen_buf_reset(&out);
    if (jaen_doc_write(doc, &out, &err) == JAEN_OK)
        fuzz_check_record(&out);
done:
    jaen_buf_free(&fixed);
    jaen_buf_free(&out);
    jaen_buf_free(&again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct jaen_doc *doc;
    struct jaen_reader *r;
    struct jaen_err err = {0};
    const char *line;
    size_t len;
    long lineno;
    int fds[2], rc;

    /* the whole input fits the pipe buffer (-max_len is far below 64 KiB) */
    if (size > 60000 || pipe(fds))
        return 0;
    if (size && write(fds[1], data, size) != (ssize_t)size) {
        close(fds[0]);
        close(fds[1]);
        return 0;
    }
    close(fds[1]);
    doc = jaen_doc_new();
    r = jaen_reader_open(fds[0], 2048);
    while (doc && r) {
        jaen_err_clear(&err);
        rc = jaen_reader_line(r, &line, &len, &lineno, &err);
        if (rc == 0)
            break;
        CHECK(rc == 1 || rc == JAEN_ELIMIT);
        if (rc == 1) {
            CHECK(line[len] == '\0');
            one_line(doc, line, len);
        }
    }
    jaen_reader_close(r);
    jaen_doc_free(doc);
    close(fds[0]);
    return 0;
}

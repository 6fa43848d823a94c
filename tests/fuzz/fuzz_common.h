/* fuzz_common.h: helpers shared by the libFuzzer harnesses.
 *
 * A harness checks the contract of the code it drives, not only that it
 * does not crash: CHECK aborts (a crash for libFuzzer) with the failed
 * condition, so a broken invariant is reported like a memory error. */
#ifndef JAEN_FUZZ_COMMON_H
#define JAEN_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "dictsrc.h"
#include "doc.h"
#include "err.h"
#include "gloss.h"
#include "limits.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Compiles the glossary source src[0..len) (jaen TSV) into a new image
 * (*img_len bytes); aborts, naming the harness who, when it does not
 * compile: a harness without its glossary tests nothing. */
static inline char *fuzz_glossary(const char *src, size_t len,
                                  const char *who, size_t *img_len)
{
    struct jaen_dictsrc *ds = jaen_dictsrc_new();
    struct jaen_buf img;
    struct jaen_err err = {0};

    jaen_buf_init(&img, JAEN_BUF_DEFAULT_CAP);
    if (!ds || jaen_dictsrc_parse(ds, "fuzz.tsv", src, len, JAEN_DICT_JAEN,
                                  0, &err)
        || jaen_gloss_build(ds, &img, &err)) {
        fprintf(stderr, "%s: cannot build the glossary: %s\n", who,
                err.msg);
        abort();
    }
    jaen_dictsrc_free(ds);
    return jaen_buf_take(&img, img_len);
}

#define CHECK(cond)                                                      \
    do {                                                                 \
        if (!(cond)) {                                                   \
            fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__,   \
                    __LINE__, #cond);                                    \
            abort();                                                     \
        }                                                                \
    } while (0)

/* A status a lib function may return on hostile input: anything but a
 * code that would mean a programming error. */
static inline int fuzz_status_ok(int rc)
{
    return rc == JAEN_OK || rc == JAEN_EDATA || rc == JAEN_ELIMIT
           || rc == JAEN_ENOMEM || rc == JAEN_EFORMAT;
}

/* Repairs data into out (as the stage runner does before parsing).
 * Returns 0, or -1 when the repair itself failed (out of memory). */
static inline int fuzz_repair(const uint8_t *data, size_t size,
                              struct jaen_buf *out)
{
    jaen_buf_init(out, JAEN_BUF_DEFAULT_CAP);
    if (jaen_utf8_repair((const char *)data, size, out, NULL, NULL))
        return -1;
    if (!out->ptr && jaen_buf_add(out, "", 0))
        return -1;
    return 0;
}

/* A written record must load again as a record: the writers' contract. */
static inline void fuzz_check_record(const struct jaen_buf *line)
{
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_err err = {0};
    int rc;

    CHECK(line->len > 0 && line->ptr[line->len - 1] == '\n');
    if (!doc)
        return;
    rc = jaen_doc_parse(doc, line->ptr, line->len - 1, &err);
    if (rc != JAEN_OK && rc != JAEN_ENOMEM) {
        fprintf(stderr, "written record does not load: %s\n%.*s", err.msg,
                (int)(line->len > 2000 ? 2000 : line->len), line->ptr);
        abort();
    }
    jaen_doc_free(doc);
}

#endif

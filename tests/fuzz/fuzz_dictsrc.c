/* fuzz_dictsrc.c: the glossary source parser (dictsrc.h: jaen TSV, DeepL
 * TSV, CSV, TBX) and, for sources that parse, the compiler and the loader
 * of its output (gloss.h).
 *
 * The first byte picks the format (or auto-detection by content) and the
 * override flag; the rest is the file, raw bytes as a user's file would be.
 * Checks: statuses are documented ones, a rejected row names its line,
 * every row has its strings, a compiled glossary opens, has one entry per
 * live row, exports in every format, and its TSV export parses again. */
#include "fuzz_common.h"

#include "alloc.h"
#include "dictsrc.h"
#include "gloss.h"

#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static const char *const names[] = {
    "fuzz", "fuzz.tsv", "fuzz.csv", "fuzz.tbx", "fuzz.tsv",
};

static void compile(const struct jaen_dictsrc *ds)
{
    struct jaen_buf img, exp;
    struct jaen_gloss *g = NULL;
    struct jaen_err err = {0};
    size_t i, live = 0, len;
    char *bytes;
    int rc;

    for (i = 0; i < jaen_dictsrc_count(ds); i++)
        live += jaen_dictsrc_live(ds, i) ? 1 : 0;
    jaen_buf_init(&img, JAEN_BUF_DEFAULT_CAP);
    rc = jaen_gloss_build(ds, &img, &err);
    CHECK(rc == JAEN_OK || rc == JAEN_ENOMEM || rc == JAEN_ELIMIT);
    if (rc) {
        jaen_buf_free(&img);
        return;
    }
    bytes = jaen_buf_take(&img, &len);
    rc = jaen_gloss_open_take(bytes, len, "built", &g, &err);
    if (rc == JAEN_ENOMEM)
        return;
    if (rc) {
        fprintf(stderr, "a compiled glossary does not open: %s\n", err.msg);
        abort();
    }
    CHECK(jaen_gloss_count(g) == live);
    for (i = 0; i < jaen_gloss_count(g); i++) {
        struct jaen_gloss_entry e;
        CHECK(jaen_gloss_entry(g, i, &e, &err) == JAEN_OK);
    }
    jaen_buf_init(&exp, JAEN_BUF_DEFAULT_CAP);
    for (i = JAEN_EXPORT_TSV; i <= JAEN_EXPORT_TBX2; i++) {
        jaen_buf_reset(&exp);
        rc = jaen_gloss_export(g, (enum jaen_gloss_export)i, &exp, &err);
        CHECK(rc == JAEN_OK || rc == JAEN_ENOMEM || rc == JAEN_ELIMIT);
    }
    jaen_buf_reset(&exp);
    if (jaen_gloss_export(g, JAEN_EXPORT_TSV, &exp, &err) == JAEN_OK) {
        struct jaen_dictsrc *again = jaen_dictsrc_new();
        if (again) {
            jaen_err_clear(&err);
            rc = jaen_dictsrc_parse(again, "export.tsv", exp.ptr, exp.len,
                                    JAEN_DICT_JAEN, 0, &err);
            if (rc != JAEN_OK && rc != JAEN_ENOMEM) {
                fprintf(stderr, "the TSV export does not parse again: "
                        "%s\n", err.msg);
                abort();
            }
            jaen_dictsrc_free(again);
        }
    }
    jaen_buf_free(&exp);
    jaen_gloss_close(g);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct jaen_dictsrc *ds;
    struct jaen_err err = {0};
    enum jaen_dict_format fmt;
    unsigned mode;
    size_t i;
    int rc;

    if (size < 1)
        return 0;
    mode = data[0];
    fmt = (enum jaen_dict_format)(mode % 5);
    ds = jaen_dictsrc_new();
    if (!ds)
        return 0;
    (void)jaen_dict_sniff(names[mode % 5], (const char *)data + 1, size - 1);
    /* a first file, so that the override flag has something to override */
    if (mode & 0x80) {
        static const char base[] = "不正アクセス\tunauthorized access\n"
                                   "漏えい\tleak\n";
        jaen_dictsrc_parse(ds, "base.tsv", base, sizeof(base) - 1,
                           JAEN_DICT_DEEPL_TSV, 0, &err);
    }
    jaen_err_clear(&err);
    rc = jaen_dictsrc_parse(ds, names[mode % 5], (const char *)data + 1,
                            size - 1, fmt, (mode & 0x40)
                            ? JAEN_DICTSRC_OVERRIDE : 0, &err);
    CHECK(fuzz_status_ok(rc));
    if (rc == JAEN_EDATA)
        CHECK(err.line > 0 && err.msg[0]);
    for (i = 0; i < jaen_dictsrc_count(ds); i++) {
        const struct jaen_dict_entry *e = jaen_dictsrc_get(ds, i);
        CHECK(e && e->ja && e->en && e->concept && e->variants && e->pos
              && e->note && e->file);
        CHECK(e->ja[0] && e->en[0] && jaen_dict_concept_ok(e->concept));
    }
    CHECK(jaen_dictsrc_get(ds, jaen_dictsrc_count(ds)) == NULL);
    for (i = 0; i < jaen_dictsrc_nkeys(ds); i++) {
        const char *key;
        size_t len, row;
        jaen_dictsrc_key(ds, i, &key, &len, &row);
        CHECK(row < jaen_dictsrc_count(ds));
    }
    if (rc == JAEN_OK)
        compile(ds);
    jaen_dictsrc_free(ds);
    return 0;
}

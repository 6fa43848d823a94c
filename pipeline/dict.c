/* dict.c: `jaen dict`, the glossary outside the stream.
 *
 *   jaen dict export FORMAT [--dict-path P] [--dict FILE]... [--no-default-dict]
 *   jaen dict compile [-o OUT] FILE...
 *   jaen dict info [--dict-path P] [--dict FILE]... [--no-default-dict]
 *
 * Not a stream stage (it reads no documents), so it has its own small main
 * rather than the stage runner.  Exit 0 ok, 1 bad glossary data, 2 usage or
 * I/O error. */
#include "alloc.h"
#include "dictsrc.h"
#include "gloss.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int jaen_dict_main(int argc, char **argv);

static int usage(void)
{
    fputs("usage: jaen dict export tsv|deepl-tsv|csv|tbx|tbx2 [--dict-path P]"
          " [--dict FILE]... [--no-default-dict]\n"
          "       jaen dict compile [-o OUT] FILE...\n"
          "       jaen dict info [--dict-path P] [--dict FILE]...\n", stderr);
    return 2;
}

static int fail(const struct jaen_err *err, int rc)
{
    fprintf(stderr, "jaen dict: %s\n", err->code ? err->msg :
            jaen_strstatus(rc));
    return rc == JAEN_EDATA || rc == JAEN_EFORMAT ? 1 : 2;
}

static int put(const char *p, size_t len)
{
    if (len && fwrite(p, 1, len, stdout) != len)
        return 2;
    return fflush(stdout) || ferror(stdout) ? 2 : 0;
}

/* Parses the shared options from argv[i..argc) and opens the glossary. */
static int open_from_args(int argc, char **argv, int i, struct jaen_gloss **g,
                          struct jaen_err *err)
{
    const char **files = jaen_calloc((size_t)argc, sizeof(*files));
    const char *path = NULL;
    size_t n = 0;
    int no_base = 0, rc;

    if (!files)
        return JAEN_ENOMEM;
    for (; i < argc; i++) {
        if (strcmp(argv[i], "--dict") == 0 && i + 1 < argc)
            files[n++] = argv[++i];
        else if (strcmp(argv[i], "--dict-path") == 0 && i + 1 < argc)
            path = argv[++i];
        else if (strcmp(argv[i], "--no-default-dict") == 0)
            no_base = 1;
        else {
            jaen_free(files);
            return jaen_err_set(err, JAEN_EUSAGE, "bad argument '%s'",
                                argv[i]);
        }
    }
    rc = jaen_gloss_load(path, getenv("JAEN_DICT"), no_base, files, n, g,
                         err);
    jaen_free(files);
    return rc;
}

static int compile(int argc, char **argv)
{
    const char *out = "jaen.dict";
    struct jaen_dictsrc *ds = jaen_dictsrc_new();
    struct jaen_err err = {0};
    struct jaen_buf img;
    int i = 2, rc = JAEN_OK;
    FILE *f;

    if (argc > 3 && strcmp(argv[2], "-o") == 0) {
        out = argv[3];
        i = 4;
    }
    if (!ds || i >= argc) {
        jaen_dictsrc_free(ds);
        return ds ? usage() : 2;
    }
    jaen_buf_init(&img, (size_t)1 << 31);
    for (; !rc && i < argc; i++)
        rc = jaen_dictsrc_load(ds, argv[i], JAEN_DICT_AUTO, 0, &err);
    if (!rc)
        rc = jaen_gloss_build(ds, &img, &err);
    jaen_dictsrc_free(ds);
    if (rc) {
        jaen_buf_free(&img);
        return fail(&err, rc);
    }
    f = fopen(out, "wb");
    rc = !f || fwrite(img.ptr, 1, img.len, f) != img.len;
    rc = (f && fclose(f)) || rc;
    jaen_buf_free(&img);
    if (rc)
        fprintf(stderr, "jaen dict: %s: cannot write\n", out);
    return rc ? 2 : 0;
}

int jaen_dict_main(int argc, char **argv)
{
    enum jaen_gloss_export fmt;
    struct jaen_gloss *g = NULL;
    struct jaen_err err = {0};
    struct jaen_buf out;
    int rc;

    if (argc >= 2 && strcmp(argv[1], "compile") == 0)
        return compile(argc, argv);
    if (argc >= 3 && strcmp(argv[1], "export") == 0) {
        if (jaen_gloss_export_format(argv[2], &fmt))
            return usage();
        rc = open_from_args(argc, argv, 3, &g, &err);
    } else if (argc >= 2 && strcmp(argv[1], "info") == 0) {
        rc = open_from_args(argc, argv, 2, &g, &err);
    } else {
        return usage();
    }
    if (rc)
        return fail(&err, rc);
    jaen_buf_init(&out, (size_t)1 << 31);
    if (strcmp(argv[1], "info") == 0)
        rc = jaen_buf_addf(&out, "glossary: %s\nentries: %zu\nbytes: %zu\n"
                           "source hash: %016llx\n", jaen_gloss_name(g),
                           jaen_gloss_count(g), jaen_gloss_size(g),
                           (unsigned long long)jaen_gloss_source_hash(g));
    else
        rc = jaen_gloss_export(g, fmt, &out, &err);
    jaen_gloss_close(g);
    if (rc) {
        jaen_buf_free(&out);
        return fail(&err, rc);
    }
    rc = put(out.ptr ? out.ptr : "", out.len);
    jaen_buf_free(&out);
    if (rc)
        fputs("jaen dict: cannot write to stdout\n", stderr);
    return rc;
}

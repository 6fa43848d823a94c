/* jaen-dictc: compiles glossary sources into the binary jaen.dict.
 *
 * A separate program rather than `jaen dict compile`: the build compiles
 * dict/src into jaen.dict as a dependency of the jaen target, so the
 * compiler cannot be jaen itself without a dependency cycle.  Like
 * mecab-dict-index, main is a thin wrapper around library calls
 * (jaen_dictsrc_load, jaen_gloss_build), the same ones `jaen gloss --dict`
 * uses at run time.
 *
 * Usage: jaen-dictc [-o OUT] FILE...
 * Every FILE is read strictly: a headword defined twice with different
 * targets is an error, even across files.  Exit 0 ok, 1 bad source, 2
 * usage or I/O error. */
#include "dictsrc.h"
#include "gloss.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int usage(void)
{
    fputs("usage: jaen-dictc [-o OUT] FILE...\n", stderr);
    return 2;
}

static int write_file(const char *path, const char *p, size_t len)
{
    char tmp[4096];
    FILE *f;
    int ok;

    if ((size_t)snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= sizeof(tmp))
        return -1;
    f = fopen(tmp, "wb");
    if (!f)
        return -1;
    ok = fwrite(p, 1, len, f) == len;
    ok = (fclose(f) == 0) && ok;
    if (!ok || rename(tmp, path) != 0) {
        remove(tmp);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *out = "jaen.dict";
    struct jaen_dictsrc *ds;
    struct jaen_err err;
    struct jaen_buf img;
    int i = 1, rc = 0;

    if (argc > 2 && strcmp(argv[1], "-o") == 0) {
        out = argv[2];
        i = 3;
    }
    if (i >= argc || argv[i][0] == '-')
        return usage();
    ds = jaen_dictsrc_new();
    if (!ds) {
        fputs("jaen-dictc: out of memory\n", stderr);
        return 2;
    }
    jaen_err_clear(&err);
    jaen_buf_init(&img, (size_t)1 << 31);
    for (; i < argc && !rc; i++)
        rc = jaen_dictsrc_load(ds, argv[i], JAEN_DICT_AUTO, 0, &err);
    if (!rc)
        rc = jaen_gloss_build(ds, &img, &err);
    if (rc) {
        fprintf(stderr, "jaen-dictc: %s\n",
                err.code ? err.msg : jaen_strstatus(rc));
        rc = rc == JAEN_EDATA ? 1 : 2;
    } else if (write_file(out, img.ptr, img.len) != 0) {
        fprintf(stderr, "jaen-dictc: %s: cannot write\n", out);
        rc = 2;
    }
    jaen_buf_free(&img);
    jaen_dictsrc_free(ds);
    return rc;
}

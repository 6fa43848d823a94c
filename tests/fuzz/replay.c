/* replay.c: runs a fuzz harness without libFuzzer, over files.
 *
 * Linked with one fuzz_<target>.c in ordinary (gcc) builds, it feeds every
 * file under the directories named on the command line to the harness
 * once: the seeds of tests/fuzz/corpus/<target>/ and the inputs that once
 * crashed, tests/fuzz/regress/<target>/.  So every fixed crash stays a
 * regression test of ctest, and of its ASan and valgrind runs. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    uint8_t *data = NULL, *p;
    size_t len = 0, got;
    char chunk[65536];

    if (!f) {
        perror(path);
        return -1;
    }
    while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        p = realloc(data, len + got);
        if (!p) {
            free(data);
            fclose(f);
            return -1;
        }
        data = p;
        memcpy(data + len, chunk, got);
        len += got;
    }
    fclose(f);
    /* an exact-size copy, so that ASan sees a read past the end */
    p = malloc(len ? len : 1);
    if (!p) {
        free(data);
        return -1;
    }
    if (len)
        memcpy(p, data, len);
    free(data);
    LLVMFuzzerTestOneInput(p, len);
    free(p);
    return 0;
}

int main(int argc, char **argv)
{
    int i, n = 0;

    LLVMFuzzerInitialize(&argc, &argv);
    for (i = 1; i < argc; i++) {
        DIR *d = opendir(argv[i]);
        struct dirent *e;
        if (!d)
            continue;           /* a target without regressions yet */
        while ((e = readdir(d))) {
            char path[4096];
            if (e->d_name[0] == '.')
                continue;
            snprintf(path, sizeof(path), "%s/%s", argv[i], e->d_name);
            if (run_file(path))
                return 1;
            n++;
        }
        closedir(d);
    }
    printf("%d inputs replayed\n", n);
    return n > 0 ? 0 : 1;
}

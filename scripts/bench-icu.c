/* bench-icu.c: the baseline of scripts/bench, a raw ICU word-break loop.
 *
 * Reads a file, converts each line to UTF-16 and counts ICU's Japanese word
 * boundaries in it: what `jaen segment` does at its core, with nothing
 * around it.  Prints the boundary count so that the work is not optimized
 * away. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

int main(int argc, char **argv)
{
    FILE *f;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    UChar *u = NULL;
    int32_t ucap = 0, ulen;
    long count = 0;
    UErrorCode st = U_ZERO_ERROR;
    UBreakIterator *bi;

    if (argc != 2 || !(f = fopen(argv[1], "rb"))) {
        fprintf(stderr, "usage: bench-icu FILE\n");
        return 2;
    }
    bi = ubrk_open(UBRK_WORD, "ja", NULL, 0, &st);
    if (U_FAILURE(st))
        return 2;
    while ((n = getline(&line, &cap, f)) > 0) {
        if (n + 1 > ucap) {
            ucap = (int32_t)n + 1;
            u = realloc(u, (size_t)ucap * sizeof(UChar));
        }
        st = U_ZERO_ERROR;
        u_strFromUTF8WithSub(u, ucap, &ulen, line, (int32_t)n, 0xFFFD, NULL,
                             &st);
        ubrk_setText(bi, u, ulen, &st);
        while (ubrk_next(bi) != UBRK_DONE)
            count++;
    }
    printf("%ld boundaries\n", count);
    ubrk_close(bi);
    free(u);
    free(line);
    fclose(f);
    return 0;
}

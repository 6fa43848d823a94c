/* main.c: `jaen STAGE`: looks the stage up in the table and runs it. */
#include "alloc.h"
#include "stage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const struct jaen_stage jaen_stage_segment;
extern const struct jaen_stage jaen_stage_gloss;
extern const struct jaen_stage jaen_stage_terms;
int jaen_dict_main(int argc, char **argv);   /* `jaen dict`: not a stage */
extern const struct jaen_stage jaen_stage_normalize;
extern const struct jaen_stage jaen_stage_translate;
extern const struct jaen_stage jaen_stage_record;
extern const struct jaen_stage jaen_stage_run;
extern const struct jaen_stage jaen_stage_dataset;
extern const struct jaen_stage jaen_stage_check;

/* In pipeline order; `jaen --help` lists them in this order. */
static const struct jaen_stage *const stages[] = {
    &jaen_stage_segment,
    &jaen_stage_normalize,
    &jaen_stage_gloss,
    &jaen_stage_terms,
    &jaen_stage_translate,
    &jaen_stage_record,
    &jaen_stage_run,
    &jaen_stage_dataset,
    &jaen_stage_check,
};

#define NSTAGES (sizeof(stages) / sizeof(stages[0]))

static void usage(FILE *f)
{
    size_t i;

    fprintf(f, "Usage: jaen STAGE [OPTION]... [FILE]...\n"
            "Japanese text, first of all security-incident disclosures, "
            "into normalized,\nglossary-aligned, bilingual JSON Lines.\n\n"
            "Stages:\n");
    for (i = 0; i < NSTAGES; i++)
        fprintf(f, "  %-12s %s\n", stages[i]->name, stages[i]->summary);
    fprintf(f, "\nA typical pipeline:\n"
            "  jaen segment reports/*.md | jaen normalize | jaen gloss | "
            "jaen record\n\n"
            "'jaen STAGE --help' documents each stage; jaen(1) the whole.\n");
}

/* Test hook, not an interface: JAEN_FAIL_ALLOC=N makes the Nth allocation
 * of libjaen and jansson (1-based) and every later one fail, so that
 * tests/e2e/oom.sh can fail each allocation of a stage in turn.  N = 0
 * fails nothing; either way the count of allocations goes to stderr at the
 * end.  The counter is not thread-safe: use --jobs 1. */
static int run_stage(const struct jaen_stage *stage, int argc, char **argv)
{
    const char *n = getenv("JAEN_FAIL_ALLOC");
    int rc;

    if (!n)
        return jaen_stage_main(stage, argc, argv);
    jaen_alloc_install_json();
    jaen_alloc_fail_at(strtol(n, NULL, 10));
    rc = jaen_stage_main(stage, argc, argv);
    fprintf(stderr, "jaen: JAEN_FAIL_ALLOC: %ld allocations\n",
            jaen_alloc_count());
    return rc;
}

int main(int argc, char **argv)
{
    size_t i;

    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0
        || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return fflush(stdout) ? 2 : 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("jaen %s\n", JAEN_VERSION);
        return fflush(stdout) ? 2 : 0;
    }
    if (strcmp(argv[1], "dict") == 0)
        return jaen_dict_main(argc - 1, argv + 1);
    for (i = 0; i < NSTAGES; i++)
        if (strcmp(argv[1], stages[i]->name) == 0)
            return run_stage(stages[i], argc - 1, argv + 1);
    fprintf(stderr, "jaen: '%s' is not a stage; see 'jaen --help'\n",
            argv[1]);
    return 2;
}

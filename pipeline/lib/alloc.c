/* alloc.c: allocation wrappers with a fail-the-Nth-call hook for tests.
 *
 * The two counters are the only mutable file-scope state in libjaen: they
 * exist for fault injection, like SQLite's sqlite3FaultSim, and cost one
 * compare per allocation. */
#include "alloc.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static long fail_at;    /* 0: never fail; else fail from this call on */
static long count;      /* allocations since the hook was last set */

static int should_fail(void)
{
    count++;
    return fail_at > 0 && count >= fail_at;
}

void *jaen_malloc(size_t size)
{
    if (should_fail())
        return NULL;
    return malloc(size ? size : 1);
}

void *jaen_calloc(size_t n, size_t size)
{
    if (should_fail())
        return NULL;
    return calloc(n ? n : 1, size ? size : 1);
}

void *jaen_realloc(void *p, size_t size)
{
    if (should_fail())
        return NULL;
    return realloc(p, size ? size : 1);
}

void jaen_free(void *p)
{
    free(p);
}

char *jaen_strndup(const char *s, size_t len)
{
    char *d = jaen_malloc(len + 1);
    if (!d)
        return NULL;
    memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

char *jaen_strdup(const char *s)
{
    return jaen_strndup(s, strlen(s));
}

void jaen_alloc_fail_at(long n)
{
    fail_at = n;
    count = 0;
}

long jaen_alloc_count(void)
{
    return count;
}

void jaen_alloc_install_json(void)
{
    json_set_alloc_funcs(jaen_malloc, jaen_free);
}

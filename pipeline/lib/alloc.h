/* alloc.h: the one allocation path of libjaen.
 *
 * Every allocation in lib/ goes through these wrappers so that tests can make
 * the Nth allocation fail (jaen_alloc_fail_at) and check that each path
 * returns JAEN_ENOMEM without crashing or leaking.  They never exit. */
#ifndef JAEN_ALLOC_H
#define JAEN_ALLOC_H

#include <stddef.h>

void *jaen_malloc(size_t size);
void *jaen_calloc(size_t n, size_t size);
void *jaen_realloc(void *p, size_t size);   /* on failure p is untouched */
void jaen_free(void *p);                    /* NULL is a no-op */
char *jaen_strndup(const char *s, size_t len);  /* always NUL-terminates */
char *jaen_strdup(const char *s);

/* Fault injection for tests.  After jaen_alloc_fail_at(n), the nth allocation
 * from now (1-based) and every later one fail, until jaen_alloc_fail_at(0).
 * jaen_alloc_count() tells how many allocations were made since the last
 * call to jaen_alloc_fail_at.  Also routes jansson's allocator through here
 * once jaen_alloc_install_json() has been called.  Not thread-safe. */
void jaen_alloc_fail_at(long n);
long jaen_alloc_count(void);
void jaen_alloc_install_json(void);

#endif

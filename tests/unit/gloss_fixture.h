/* gloss_fixture.h: a glossary compiled in memory from a filled dictsrc,
 * for the unit tests that need one (each test includes it once).  The
 * caller fills the dictsrc its own way (a file, TSV text, generated rows)
 * and keeps it, to look rows up against the compiled entries. */
#ifndef JAEN_TEST_GLOSS_FIXTURE_H
#define JAEN_TEST_GLOSS_FIXTURE_H

#include "buf.h"
#include "dictsrc.h"
#include "err.h"
#include "gloss.h"

/* Compiles ds and opens the image as name: jaen_gloss_build's or
 * jaen_gloss_open_take's status, *out set on success only. */
static int gloss_of(const struct jaen_dictsrc *ds, const char *name,
                    struct jaen_gloss **out, struct jaen_err *err)
{
    struct jaen_buf img;
    size_t len;
    char *p;
    int rc;

    jaen_buf_init(&img, (size_t)1 << 30);
    rc = jaen_gloss_build(ds, &img, err);
    if (rc) {
        jaen_buf_free(&img);
        return rc;
    }
    p = jaen_buf_take(&img, &len);
    return jaen_gloss_open_take(p, len, name, out, err);
}

#endif

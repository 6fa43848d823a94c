/* buf.h: a growable byte buffer with a size cap.
 *
 * The cap is fixed at init (curl's dynbuf): an append that would pass it
 * fails with JAEN_ELIMIT and leaves the buffer as it was; a failed
 * allocation returns JAEN_ENOMEM, also leaving it intact.  The contents are
 * always NUL-terminated, so ptr can be handed to C string functions. */
#ifndef JAEN_BUF_H
#define JAEN_BUF_H

#include <stddef.h>
#include <stdint.h>

struct jaen_buf {
    char *ptr;      /* the bytes, NUL-terminated; NULL until first append */
    size_t len;     /* bytes in use, not counting the NUL */
    size_t alloc;   /* bytes allocated */
    size_t cap;     /* the most len may ever reach */
};

void jaen_buf_init(struct jaen_buf *b, size_t cap);
void jaen_buf_free(struct jaen_buf *b);           /* back to the init state */
void jaen_buf_reset(struct jaen_buf *b);          /* len = 0, keeps memory */
int jaen_buf_reserve(struct jaen_buf *b, size_t extra);
int jaen_buf_add(struct jaen_buf *b, const void *p, size_t len);
int jaen_buf_addc(struct jaen_buf *b, char c);
int jaen_buf_adds(struct jaen_buf *b, const char *s);
int jaen_buf_addf(struct jaen_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int jaen_buf_add_i64(struct jaen_buf *b, int64_t v);
/* Appends one code point as UTF-8 (cp must be a scalar value). */
int jaen_buf_add_cp(struct jaen_buf *b, uint32_t cp);
/* Hands the bytes to the caller (free with jaen_free) and resets b. */
char *jaen_buf_take(struct jaen_buf *b, size_t *len);

#endif

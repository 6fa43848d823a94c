/* buf.c: growable byte buffer with a cap. */
#include "buf.h"

#include "alloc.h"
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void jaen_buf_init(struct jaen_buf *b, size_t cap)
{
    b->ptr = NULL;
    b->len = 0;
    b->alloc = 0;
    b->cap = cap;
}

void jaen_buf_free(struct jaen_buf *b)
{
    jaen_free(b->ptr);
    jaen_buf_init(b, b->cap);
}

void jaen_buf_reset(struct jaen_buf *b)
{
    b->len = 0;
    if (b->ptr)
        b->ptr[0] = '\0';
}

int jaen_buf_reserve(struct jaen_buf *b, size_t extra)
{
    size_t need, n;
    char *p;

    if (extra > b->cap || b->len > b->cap - extra)
        return JAEN_ELIMIT;
    need = b->len + extra + 1;
    if (need <= b->alloc)
        return JAEN_OK;
    n = b->alloc ? b->alloc : 64;
    while (n < need)
        n = n > ((size_t)-1) / 2 ? need : n * 2;
    p = jaen_realloc(b->ptr, n);
    if (!p)
        return JAEN_ENOMEM;
    b->ptr = p;
    b->alloc = n;
    return JAEN_OK;
}

int jaen_buf_add(struct jaen_buf *b, const void *p, size_t len)
{
    int rc = jaen_buf_reserve(b, len);
    if (rc)
        return rc;
    if (len)
        memcpy(b->ptr + b->len, p, len);
    b->len += len;
    b->ptr[b->len] = '\0';
    return JAEN_OK;
}

int jaen_buf_addc(struct jaen_buf *b, char c)
{
    if (b->len + 1 < b->alloc && b->len < b->cap) {
        b->ptr[b->len++] = c;
        b->ptr[b->len] = '\0';
        return JAEN_OK;
    }
    return jaen_buf_add(b, &c, 1);
}

int jaen_buf_adds(struct jaen_buf *b, const char *s)
{
    return jaen_buf_add(b, s, strlen(s));
}

int jaen_buf_addf(struct jaen_buf *b, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    int n, rc;

    va_start(ap, fmt);
    n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
    va_end(ap);
    if (n < 0)
        return JAEN_EUSAGE;
    if ((size_t)n < sizeof(tmp))
        return jaen_buf_add(b, tmp, (size_t)n);
    rc = jaen_buf_reserve(b, (size_t)n);
    if (rc)
        return rc;
    va_start(ap, fmt);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return JAEN_OK;
}

int jaen_buf_add_i64(struct jaen_buf *b, int64_t v)
{
    char tmp[24];
    char *e = tmp + sizeof(tmp), *p = e;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    return jaen_buf_add(b, p, (size_t)(e - p));
}

int jaen_buf_add_cp(struct jaen_buf *b, uint32_t cp)
{
    char t[4];
    size_t n;

    if (cp < 0x80) {
        t[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        t[0] = (char)(0xC0 | (cp >> 6));
        t[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        t[0] = (char)(0xE0 | (cp >> 12));
        t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        t[0] = (char)(0xF0 | (cp >> 18));
        t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return jaen_buf_add(b, t, n);
}

char *jaen_buf_take(struct jaen_buf *b, size_t *len)
{
    char *p = b->ptr;

    if (len)
        *len = b->len;
    if (!p)
        p = jaen_strndup("", 0);
    jaen_buf_init(b, b->cap);
    return p;
}

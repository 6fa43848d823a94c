/* io.c: line reader with a cap, and a write loop. */
#include "io.h"

#include "alloc.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#define READ_CHUNK ((size_t)64 * 1024)

struct jaen_reader {
    int fd;
    size_t max_line;
    struct jaen_buf buf;    /* unread bytes live in buf.ptr[pos..len) */
    size_t pos;
    long lineno;
    int eof;
};

struct jaen_reader *jaen_reader_open(int fd, size_t max_line)
{
    struct jaen_reader *r = jaen_calloc(1, sizeof(*r));

    if (!r)
        return NULL;
    r->fd = fd;
    r->max_line = max_line;
    /* room for a whole line plus one read */
    jaen_buf_init(&r->buf, max_line + 2 * READ_CHUNK + 1);
    return r;
}

void jaen_reader_close(struct jaen_reader *r)
{
    if (!r)
        return;
    jaen_buf_free(&r->buf);
    jaen_free(r);
}

/* Appends one read's worth.  Returns bytes read, 0 at EOF, <0 on error. */
static long fill(struct jaen_reader *r, struct jaen_err *err)
{
    ssize_t n;

    if (r->pos > 0 && r->pos == r->buf.len) {
        jaen_buf_reset(&r->buf);
        r->pos = 0;
    } else if (r->pos > READ_CHUNK) {
        /* slide the unread tail to the front */
        memmove(r->buf.ptr, r->buf.ptr + r->pos, r->buf.len - r->pos);
        r->buf.len -= r->pos;
        r->pos = 0;
    }
    if (jaen_buf_reserve(&r->buf, READ_CHUNK))
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    do
        n = read(r->fd, r->buf.ptr + r->buf.len, READ_CHUNK);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return jaen_err_sys(err, JAEN_EIO, "read");
    r->buf.len += (size_t)n;
    r->buf.ptr[r->buf.len] = '\0';
    if (n == 0)
        r->eof = 1;
    return n;
}

int jaen_reader_line(struct jaen_reader *r, const char **line, size_t *len,
                     long *lineno, struct jaen_err *err)
{
    size_t scanned = 0;

    for (;;) {
        char *start = r->buf.ptr ? r->buf.ptr + r->pos : NULL;
        size_t avail = r->buf.len - r->pos;
        char *nl = avail > scanned ? memchr(start + scanned, '\n',
                                            avail - scanned) : NULL;
        long n;

        if (nl || (r->eof && avail > 0)) {
            size_t l = nl ? (size_t)(nl - start) : avail;
            r->pos += nl ? l + 1 : l;
            if (l > 0 && start[l - 1] == '\r')
                l--;
            start[l] = '\0';
            *line = start;
            *len = l;
            *lineno = ++r->lineno;
            return 1;
        }
        if (r->eof) {
            *lineno = r->lineno;
            return 0;
        }
        scanned = avail;
        if (avail > r->max_line) {
            /* over the cap: drop what we have and skip to the newline */
            size_t total = avail;
            *lineno = ++r->lineno;
            for (;;) {
                r->pos = r->buf.len;
                n = fill(r, err);
                if (n < 0)
                    return (int)n;
                if (n == 0)
                    break;
                nl = memchr(r->buf.ptr + r->pos, '\n', r->buf.len - r->pos);
                if (nl) {
                    total += (size_t)(nl - (r->buf.ptr + r->pos));
                    r->pos = (size_t)(nl - r->buf.ptr) + 1;
                    break;
                }
                total += r->buf.len - r->pos;
            }
            *len = total;
            return jaen_err_set(err, JAEN_ELIMIT, "line of %zu bytes or "
                                "more is over the %zu-byte record limit",
                                total, r->max_line);
        }
        n = fill(r, err);
        if (n < 0)
            return (int)n;
    }
}

int jaen_read_all(int fd, size_t max, struct jaen_buf *out,
                  struct jaen_err *err)
{
    for (;;) {
        ssize_t n;
        size_t want = READ_CHUNK;

        if (out->len >= max) {
            char c;
            do
                n = read(fd, &c, 1);
            while (n < 0 && errno == EINTR);
            if (n > 0)
                return jaen_err_set(err, JAEN_ELIMIT, "input is over the "
                                    "%zu-byte record limit", max);
            return JAEN_OK;
        }
        if (want > max - out->len)
            want = max - out->len;
        if (jaen_buf_reserve(out, want))
            return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
        do
            n = read(fd, out->ptr + out->len, want);
        while (n < 0 && errno == EINTR);
        if (n < 0)
            return jaen_err_sys(err, JAEN_EIO, "read");
        if (n == 0)
            return JAEN_OK;
        out->len += (size_t)n;
        out->ptr[out->len] = '\0';
    }
}

int jaen_write_all(int fd, const char *p, size_t len, struct jaen_err *err)
{
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EPIPE)
                return JAEN_EPIPE;
            return jaen_err_sys(err, JAEN_EIO, "write error");
        }
        p += n;
        len -= (size_t)n;
    }
    return JAEN_OK;
}

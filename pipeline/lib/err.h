/* err.h: status codes and the caller-provided error record.
 *
 * Library code never prints or exits.  It returns JAEN_OK or a negative
 * enum jaen_status and, when the caller passes a struct jaen_err, fills it in.
 * The first error wins: later jaen_err_set calls on a set record do nothing. */
#ifndef JAEN_ERR_H
#define JAEN_ERR_H

#include <stdarg.h>

enum jaen_status {
    JAEN_OK = 0,
    JAEN_ENOMEM = -1,   /* an allocation failed */
    JAEN_EIO = -2,      /* a read or write failed (errno appended) */
    JAEN_EDATA = -3,    /* the input is malformed: the record is bad */
    JAEN_ELIMIT = -4,   /* the input is over a documented limit */
    JAEN_EUSAGE = -5,   /* the caller or the user asked for something wrong */
    JAEN_EFORMAT = -6,  /* a file (glossary, cache) is foreign or truncated */
    JAEN_ENET = -7,     /* a network request failed */
    JAEN_EPIPE = -8,    /* the reader of our output went away */
    JAEN_EPARTIAL = -9, /* the record was processed, but part of it failed
                         * and is marked inside it (a sentence's "error"):
                         * the record is written as it is, not as an error
                         * record, and the run exits 1 */
};

struct jaen_err {
    int code;           /* 0 while unset, else an enum jaen_status */
    long line;          /* 1-based line or record number, 0 if none */
    long column;        /* 1-based column or byte offset, 0 if none */
    char msg[256];      /* human-readable text, no trailing newline */
};

/* Clears the record so that it can be set again.  NULL is allowed. */
void jaen_err_clear(struct jaen_err *err);

/* Sets err (if not NULL and not yet set) from a printf-style message and
 * returns code, so that callers can write `return jaen_err_set(...)`. */
int jaen_err_set(struct jaen_err *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Like jaen_err_set, with ": strerror(errno)" appended.  Call it right after
 * the failed libc call, before anything else can touch errno. */
int jaen_err_sys(struct jaen_err *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Records a position on an already set error, if it has none yet. */
void jaen_err_at(struct jaen_err *err, long line, long column);

/* A short English name for a status code ("out of memory", ...). */
const char *jaen_strstatus(int code);

#endif

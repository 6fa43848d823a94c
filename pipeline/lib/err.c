/* err.c: the error record shared by every lib module. */
#include "err.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

void jaen_err_clear(struct jaen_err *err)
{
    if (err)
        memset(err, 0, sizeof(*err));
}

static int vset(struct jaen_err *err, int code, const char *fmt, va_list ap,
                int sys_errno)
{
    if (!err || err->code)
        return code;
    err->code = code;
    vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
    if (sys_errno) {
        size_t n = strlen(err->msg);
        snprintf(err->msg + n, sizeof(err->msg) - n, ": %s",
                 strerror(sys_errno));
    }
    return code;
}

int jaen_err_set(struct jaen_err *err, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vset(err, code, fmt, ap, 0);
    va_end(ap);
    return code;
}

int jaen_err_sys(struct jaen_err *err, int code, const char *fmt, ...)
{
    int saved = errno;
    va_list ap;
    va_start(ap, fmt);
    vset(err, code, fmt, ap, saved ? saved : EIO);
    va_end(ap);
    return code;
}

void jaen_err_at(struct jaen_err *err, long line, long column)
{
    if (!err || !err->code)
        return;
    if (!err->line)
        err->line = line;
    if (!err->column)
        err->column = column;
}

const char *jaen_strstatus(int code)
{
    switch (code) {
    case JAEN_OK: return "ok";
    case JAEN_ENOMEM: return "out of memory";
    case JAEN_EIO: return "input/output error";
    case JAEN_EDATA: return "malformed input";
    case JAEN_ELIMIT: return "over a limit";
    case JAEN_EUSAGE: return "usage error";
    case JAEN_EFORMAT: return "foreign or truncated file";
    case JAEN_ENET: return "network error";
    case JAEN_EPIPE: return "broken pipe";
    case JAEN_EPARTIAL: return "partly processed";
    }
    return "unknown error";
}

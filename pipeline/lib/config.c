/* config.c: API keys from the environment or a private config file. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"

/* Config files are small; anything bigger is not ours. */
#define CONFIG_MAX_BYTES (64 * 1024)

char *jaen_config_path(void)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    struct jaen_buf b;

    jaen_buf_init(&b, 4096);
    if (xdg && xdg[0] == '/') {
        if (jaen_buf_addf(&b, "%s/jaen/config", xdg))
            return NULL;
    } else if (home && home[0]) {
        if (jaen_buf_addf(&b, "%s/.config/jaen/config", home))
            return NULL;
    } else {
        return NULL;
    }
    return jaen_buf_take(&b, NULL);
}

void jaen_config_free_secret(char *s)
{
    volatile char *p = s;

    if (!s)
        return;
    while (*p)
        *p++ = '\0';
    jaen_free(s);
}

static char *trim(char *s, char *e)
{
    while (s < e && (*s == ' ' || *s == '\t'))
        s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        e--;
    *e = '\0';
    return s;
}

/* Reads the whole file through fd after checking who may read it. */
static int read_private(const char *path, struct jaen_buf *b,
                        struct jaen_err *err)
{
    struct stat st;
    char chunk[4096];
    ssize_t n;
    int fd, rc = JAEN_OK;

    fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        if (errno == ENOENT)
            return 0;
        if (errno == ELOOP)
            return jaen_err_set(err, JAEN_EUSAGE,
                                "refusing %s: it is a symbolic link", path);
        return jaen_err_sys(err, JAEN_EIO, "cannot read %s", path);
    }
    if (fstat(fd, &st) != 0) {
        rc = jaen_err_sys(err, JAEN_EIO, "cannot stat %s", path);
    } else if (!S_ISREG(st.st_mode)) {
        rc = jaen_err_set(err, JAEN_EUSAGE,
                          "refusing %s: not a regular file", path);
    } else if (st.st_uid != geteuid()) {
        rc = jaen_err_set(err, JAEN_EUSAGE,
                          "refusing %s: it belongs to another user", path);
    } else if (st.st_mode & 077) {
        rc = jaen_err_set(err, JAEN_EUSAGE,
                          "refusing %s: mode %04o lets others read the API "
                          "keys; run chmod 600 on it", path,
                          (unsigned)(st.st_mode & 07777));
    }
    while (!rc && (n = read(fd, chunk, sizeof(chunk))) != 0) {
        if (n < 0) {
            if (errno == EINTR)
                continue;
            rc = jaen_err_sys(err, JAEN_EIO, "cannot read %s", path);
        } else if (jaen_buf_add(b, chunk, (size_t)n)) {
            rc = jaen_err_set(err, JAEN_ELIMIT, "%s is over %d bytes", path,
                              CONFIG_MAX_BYTES);
        }
    }
    close(fd);
    return rc ? rc : 1;
}

int jaen_config_get(const char *path, const char *name, char **value,
                    struct jaen_err *err)
{
    struct jaen_buf b;
    char *line, *next, *eq, *k, *v;
    long lineno = 0;
    int rc;

    *value = NULL;
    jaen_buf_init(&b, CONFIG_MAX_BYTES);
    rc = read_private(path, &b, err);
    if (rc <= 0 || !b.ptr) {
        jaen_buf_free(&b);
        return rc;
    }
    rc = 0;
    for (line = b.ptr; line && !rc; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        k = trim(line, line + strlen(line));
        if (!*k || *k == '#')
            continue;
        eq = strchr(k, '=');
        if (!eq) {
            /* Say where, never what: the line may hold a key. */
            rc = jaen_err_set(err, JAEN_EDATA,
                              "%s:%ld: expected `name = value`", path,
                              lineno);
            jaen_err_at(err, lineno, 0);
            break;
        }
        v = trim(eq + 1, eq + 1 + strlen(eq + 1));
        k = trim(k, eq);
        if (strcasecmp(k, name) != 0)
            continue;
        if (*value)
            jaen_config_free_secret(*value);
        *value = jaen_strdup(v);
        if (!*value)
            rc = jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    }
    /* The buffer held secrets too. */
    if (b.ptr)
        memset(b.ptr, 0, b.alloc);
    jaen_buf_free(&b);
    if (rc) {
        jaen_config_free_secret(*value);
        *value = NULL;
        return rc;
    }
    return *value ? 1 : 0;
}

int jaen_config_key(const char *env_name, const char *path, char **key,
                    const char **from, struct jaen_err *err)
{
    const char *e = getenv(env_name);
    char *def = NULL;
    int rc;

    *key = NULL;
    *from = NULL;
    if (e && e[0]) {
        *key = jaen_strdup(e);
        if (!*key)
            return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
        *from = "the environment";
        return 1;
    }
    if (!path) {
        def = jaen_config_path();
        if (!def)
            return 0;
        path = def;
    }
    rc = jaen_config_get(path, env_name, key, err);
    jaen_free(def);
    if (rc == 1 && !(*key)[0]) {
        jaen_config_free_secret(*key);
        *key = NULL;
        rc = 0;
    }
    if (rc == 1)
        *from = "the config file";
    return rc;
}

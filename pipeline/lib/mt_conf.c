/* mt_conf.c: turns `jaen translate`'s options into a translator
 * configuration: the engine, its key (never from argv), the cache path and
 * the DeepL glossary entries. */
#include "mt.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "config.h"

/* A DeepL dictionary is at most 10 MB. */
#define GLOSSARY_MAX_BYTES ((size_t)10 << 20)

static int read_file(const char *path, char **out, size_t *len,
                     struct jaen_err *err)
{
    struct jaen_buf b;
    char chunk[65536];
    FILE *f = fopen(path, "rb");
    size_t n;
    int rc = JAEN_OK;

    if (!f)
        return jaen_err_sys(err, JAEN_EUSAGE, "cannot read %s", path);
    jaen_buf_init(&b, GLOSSARY_MAX_BYTES);
    while (!rc && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        if (jaen_buf_add(&b, chunk, n))
            rc = jaen_err_set(err, JAEN_ELIMIT, "%s is over 10 MB", path);
    if (!rc && ferror(f))
        rc = jaen_err_sys(err, JAEN_EIO, "cannot read %s", path);
    fclose(f);
    if (!rc) {
        *out = jaen_buf_take(&b, len);
        if (!*out)
            rc = jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    }
    jaen_buf_free(&b);
    return rc;
}

static char *default_cache(void)
{
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    struct jaen_buf b;

    jaen_buf_init(&b, 4096);
    if (xdg && xdg[0] == '/') {
        if (jaen_buf_addf(&b, "%s/jaen/tm.sqlite", xdg))
            return NULL;
    } else if (home && home[0]) {
        if (jaen_buf_addf(&b, "%s/.cache/jaen/tm.sqlite", home))
            return NULL;
    } else {
        return NULL;
    }
    return jaen_buf_take(&b, NULL);
}

/* Fits struct jaen_err's 256 bytes. */
static const char need_engine[] =
    "no engine configured: set DEEPL_AUTH_KEY, OPENAI_API_KEY or "
    "LIBRETRANSLATE_API_KEY (environment, or ~/.config/jaen/config with "
    "mode 0600); or use --engine libre|openai --endpoint URL for a "
    "key-less server; or --offline";

int jaen_mt_setup(struct jaen_mt_setup *s, const struct jaen_mt_args *a,
                  struct jaen_err *err)
{
    static const char *const order[] = { "deepl", "openai", "libre" };
    const struct jaen_mt_backend *be = NULL;
    size_t i;
    int rc;

    memset(s, 0, sizeof(*s));
    jaen_http_opts_default(&s->conf.http);
    rc = jaen_http_opts_env(&s->conf.http, err);
    if (rc)
        return rc;
    if (a->engine) {
        be = jaen_mt_backend_find(a->engine);
        if (!be)
            return jaen_err_set(err, JAEN_EUSAGE, "unknown engine '%s': "
                                "expected deepl, libre or openai",
                                a->engine);
        if (!a->offline) {
            rc = jaen_config_key(be->key_env, NULL, &s->key, &s->key_from,
                                 err);
            if (rc < 0)
                return rc;
        }
    } else if (!a->offline) {
        for (i = 0; i < 3 && !be; i++) {
            const struct jaen_mt_backend *c = jaen_mt_backend_find(order[i]);
            rc = jaen_config_key(c->key_env, NULL, &s->key, &s->key_from,
                                 err);
            if (rc < 0)
                return rc;
            if (rc == 1)
                be = c;
        }
        if (!be)
            return jaen_err_set(err, JAEN_EUSAGE, "%s", need_engine);
    }
    if (be && !a->offline && !s->key
        && (be->key_required || !a->endpoint))
        return jaen_err_set(err, JAEN_EUSAGE,
                            "%s needs an API key: set %s in the environment "
                            "or in ~/.config/jaen/config (mode 0600)%s",
                            be->name, be->key_env,
                            be->key_required ? ""
                            : ", or give --endpoint of a key-less server");
    s->conf.backend = be;
    s->conf.endpoint = a->endpoint;
    s->conf.model = a->model;
    s->conf.key = s->key;
    s->conf.offline = a->offline;
    s->conf.glossary_id = a->glossary_id;
    s->conf.glossary_version = a->glossary_version;
    if (a->glossary_file) {
        rc = read_file(a->glossary_file, &s->tsv, &s->conf.glossary_tsv_len,
                       err);
        if (rc)
            return rc;
        s->conf.glossary_tsv = s->tsv;
    }
    s->cache = a->cache ? jaen_strdup(a->cache) : default_cache();
    if (!s->cache)
        return jaen_err_set(err, JAEN_EUSAGE, "no --cache given and no "
                            "HOME to put ~/.cache/jaen/tm.sqlite in");
    s->conf.cache_path = s->cache;
    return JAEN_OK;
}

void jaen_mt_setup_free(struct jaen_mt_setup *s)
{
    jaen_config_free_secret(s->key);
    jaen_free(s->cache);
    jaen_free(s->tsv);
    memset(s, 0, sizeof(*s));
}

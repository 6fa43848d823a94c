/* config.h: where jaen finds API keys and defaults.
 *
 * A key comes from its environment variable (DEEPL_AUTH_KEY,
 * LIBRETRANSLATE_API_KEY, OPENAI_API_KEY) or from the config file,
 * $XDG_CONFIG_HOME/jaen/config or ~/.config/jaen/config: `name = value`
 * lines, `#` comments.  The file must be a regular file of the user with
 * mode 0600 (no group or other bits), else it is refused.  Keys never come
 * from argv, and no message here ever contains one. */
#ifndef JAEN_CONFIG_H
#define JAEN_CONFIG_H

#include "err.h"

/* The default config file path (jaen_malloc'd), or NULL when neither
 * XDG_CONFIG_HOME nor HOME is set or memory ran out. */
char *jaen_config_path(void);

/* Reads setting `name` (case-insensitive) from the config file at path.
 * Returns 1 with *value (jaen_malloc'd) when set, 0 when the file or the
 * setting is absent, JAEN_EUSAGE when the file is not a private regular
 * file (the message says how to fix it), JAEN_EIO, JAEN_EDATA (a bad line,
 * with err->line) or JAEN_ENOMEM. */
int jaen_config_get(const char *path, const char *name, char **value,
                    struct jaen_err *err);

/* Finds the key named env_name: the environment first, then the setting of
 * the same name in the config file at path (NULL: the default path).
 * Returns 1 with *key (free with jaen_config_free_secret) and *from (a
 * static description: "the environment" or "the config file"), 0 when there
 * is none, or a status from jaen_config_get. */
int jaen_config_key(const char *env_name, const char *path, char **key,
                    const char **from, struct jaen_err *err);

/* Wipes and frees a secret.  NULL is a no-op. */
void jaen_config_free_secret(char *s);

#endif

/* tm.h: the translation memory, a SQLite file of past translations.
 *
 * A translation is found again by a SHA-256 key over the engine, the model,
 * both languages, the glossary version and the normalized (protected)
 * source text, so a re-run over the same corpus makes no request and a
 * change of any of these asks the engine again.  A second key without the
 * engine and model serves --offline runs that name no engine.  The file is
 * created 0600 with its parent directories 0700, and can be exported as
 * TMX 1.4b. */
#ifndef JAEN_TM_H
#define JAEN_TM_H

#include <stddef.h>

#include "buf.h"
#include "err.h"

#define JAEN_TM_FORMAT "jaen.tm/1"

/* What a translation is keyed by.  Strings may be "" but not NULL. */
struct jaen_tm_keyparts {
    const char *engine;         /* "deepl" */
    const char *model;          /* "" when the engine has none */
    const char *source_lang;    /* "ja" */
    const char *target_lang;    /* "en" */
    const char *glossary;       /* glossary version */
    const char *text;           /* the normalized source as sent */
    size_t text_len;
};

struct jaen_tm;

/* SHA-256 of data[0..len) (FIPS 180-4). */
void jaen_sha256(const void *data, size_t len, unsigned char out[32]);

/* Appends s[0..len) with each run of white space (ASCII, U+3000, NBSP)
 * turned into one ASCII space and both ends trimmed. */
int jaen_tm_normalize(const char *s, size_t len, struct jaen_buf *out);

/* The full key (engine and model included) and the engine-free key. */
void jaen_tm_key(const struct jaen_tm_keyparts *kp, unsigned char key[32]);
void jaen_tm_skey(const struct jaen_tm_keyparts *kp, const char *source,
                  size_t source_len, unsigned char key[32]);

/* Opens or creates the TM at path.  A file that is not a jaen TM is
 * JAEN_EFORMAT; a file that cannot be created JAEN_EIO. */
int jaen_tm_open(struct jaen_tm **out, const char *path,
                 struct jaen_err *err);
void jaen_tm_close(struct jaen_tm *tm);             /* NULL is a no-op */

/* Looks a key up.  Returns 1 with *target (jaen_malloc'd) when found, 0
 * when not, JAEN_EIO or JAEN_ENOMEM.  jaen_tm_get_skey looks up by the
 * engine-free key and returns the newest entry. */
int jaen_tm_get(struct jaen_tm *tm, const unsigned char key[32],
                char **target, struct jaen_err *err);
int jaen_tm_get_skey(struct jaen_tm *tm, const unsigned char skey[32],
                     char **target, struct jaen_err *err);

/* Stores a translation (replacing one with the same key).  source is the
 * original Japanese sentence, for TMX.  Returns JAEN_OK or JAEN_EIO. */
int jaen_tm_put(struct jaen_tm *tm, const unsigned char key[32],
                const unsigned char skey[32],
                const struct jaen_tm_keyparts *kp, const char *source,
                const char *target, struct jaen_err *err);

/* Groups puts in one transaction (one fsync per batch, not per row). */
int jaen_tm_begin(struct jaen_tm *tm, struct jaen_err *err);
int jaen_tm_commit(struct jaen_tm *tm, struct jaen_err *err);

/* Number of entries, or a negative status. */
long jaen_tm_count(struct jaen_tm *tm, struct jaen_err *err);

/* Writes every entry as TMX 1.4b to path (a temporary file renamed into
 * place).  Returns JAEN_OK, JAEN_EIO or JAEN_ENOMEM. */
int jaen_tm_export_tmx(struct jaen_tm *tm, const char *path,
                       struct jaen_err *err);

#endif

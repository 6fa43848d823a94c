/* tm.c: the translation memory on SQLite, and its TMX export. */
#include "tm.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "limits.h"
#include "utf8.h"

struct jaen_tm {
    sqlite3 *db;                /* the open file */
    sqlite3_stmt *get;          /* SELECT by key */
    sqlite3_stmt *get_s;        /* SELECT by skey, newest first */
    sqlite3_stmt *put;          /* INSERT OR REPLACE */
};

/* ---- SHA-256 (FIPS 180-4), small and portable ---- */

static const uint32_t k256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha_block(uint32_t h[8], const unsigned char *p)
{
    uint32_t w[64], a, b, c, d, e, f, g, hh, t1, t2;
    int i;

    for (i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16
               | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (i = 16; i < 64; i++)
        w[i] = (ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10))
               + w[i - 7]
               + (ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3))
               + w[i - 16];
    a = h[0]; b = h[1]; c = h[2]; d = h[3];
    e = h[4]; f = h[5]; g = h[6]; hh = h[7];
    for (i = 0; i < 64; i++) {
        t1 = hh + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g))
             + k256[i] + w[i];
        t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22))
             + ((a & b) ^ (a & c) ^ (b & c));
        hh = g; g = f; f = e; e = d + t1;
        d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
    h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

void jaen_sha256(const void *data, size_t len, unsigned char out[32])
{
    uint32_t h[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    const unsigned char *p = data;
    unsigned char tail[128];
    uint64_t bits = (uint64_t)len * 8;
    size_t rest, n, i;

    for (n = len; n >= 64; n -= 64, p += 64)
        sha_block(h, p);
    rest = n;
    memset(tail, 0, sizeof(tail));
    if (rest)
        memcpy(tail, p, rest);
    tail[rest] = 0x80;
    n = rest + 1 + 8 <= 64 ? 64 : 128;
    for (i = 0; i < 8; i++)
        tail[n - 1 - i] = (unsigned char)(bits >> (8 * i));
    sha_block(h, tail);
    if (n == 128)
        sha_block(h, tail + 64);
    for (i = 0; i < 8; i++) {
        out[4 * i] = (unsigned char)(h[i] >> 24);
        out[4 * i + 1] = (unsigned char)(h[i] >> 16);
        out[4 * i + 2] = (unsigned char)(h[i] >> 8);
        out[4 * i + 3] = (unsigned char)h[i];
    }
}

/* ---- keys ---- */

static int is_space_cp(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
           || c == '\v' || c == 0xA0 || c == 0x3000;
}

int jaen_tm_normalize(const char *s, size_t len, struct jaen_buf *out)
{
    size_t pos = 0, mark;
    int pending = 0, any = 0, rc = JAEN_OK;
    uint32_t c;

    while (pos < len && !rc) {
        mark = pos;
        jaen_utf8_next(s, len, &pos, &c);
        if (is_space_cp(c)) {
            pending = any;
            continue;
        }
        if (pending)
            rc = jaen_buf_addc(out, ' ');
        if (!rc)
            rc = jaen_buf_add(out, s + mark, pos - mark);
        pending = 0;
        any = 1;
    }
    return rc;
}

/* Hashes the parts as length-prefixed fields so no two tuples collide. */
static void hash_fields(const char *const *f, const size_t *fl, size_t n,
                        unsigned char key[32])
{
    struct jaen_buf b;
    size_t i;
    int rc = JAEN_OK;

    jaen_buf_init(&b, JAEN_BUF_DEFAULT_CAP);
    for (i = 0; i < n && !rc; i++) {
        rc = jaen_buf_addf(&b, "%zu:", fl[i]);
        if (!rc)
            rc = jaen_buf_add(&b, f[i], fl[i]);
    }
    if (rc) {
        /* Without memory for the concatenation, hash field hashes. */
        unsigned char acc[64];
        memset(acc, 0, sizeof(acc));
        for (i = 0; i < n; i++) {
            jaen_sha256(f[i], fl[i], acc + 32);
            jaen_sha256(acc, sizeof(acc), acc);
        }
        memcpy(key, acc, 32);
    } else {
        jaen_sha256(b.ptr, b.len, key);
    }
    jaen_buf_free(&b);
}

void jaen_tm_key(const struct jaen_tm_keyparts *kp, unsigned char key[32])
{
    const char *f[7] = { JAEN_TM_FORMAT, kp->engine, kp->model,
                         kp->source_lang, kp->target_lang, kp->glossary,
                         kp->text };
    size_t fl[7];
    int i;

    for (i = 0; i < 6; i++)
        fl[i] = strlen(f[i]);
    fl[6] = kp->text_len;
    hash_fields(f, fl, 7, key);
}

void jaen_tm_skey(const struct jaen_tm_keyparts *kp, const char *source,
                  size_t source_len, unsigned char key[32])
{
    const char *f[5] = { JAEN_TM_FORMAT "/any", kp->source_lang,
                         kp->target_lang, kp->glossary, source };
    size_t fl[5];
    int i;

    for (i = 0; i < 4; i++)
        fl[i] = strlen(f[i]);
    fl[4] = source_len;
    hash_fields(f, fl, 5, key);
}

/* ---- the SQLite file ---- */

static int db_err(struct jaen_tm *tm, struct jaen_err *err, const char *what)
{
    return jaen_err_set(err, JAEN_EIO, "translation memory: %s: %s", what,
                        tm->db ? sqlite3_errmsg(tm->db) : "cannot open");
}

/* mkdir -p for the parents of path, mode 0700. */
static int make_parents(const char *path, struct jaen_err *err)
{
    char *d = jaen_strdup(path);
    char *p;

    if (!d)
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    for (p = d + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(d, 0700) != 0 && errno != EEXIST) {
            int rc = jaen_err_sys(err, JAEN_EIO, "cannot create %s", d);
            jaen_free(d);
            return rc;
        }
        *p = '/';
    }
    jaen_free(d);
    return JAEN_OK;
}

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS jaen_meta(k TEXT PRIMARY KEY, v TEXT);"
    "INSERT OR IGNORE INTO jaen_meta VALUES('format','" JAEN_TM_FORMAT "');"
    "CREATE TABLE IF NOT EXISTS tm(key BLOB PRIMARY KEY, skey BLOB NOT NULL,"
    " engine TEXT, model TEXT, source_lang TEXT, target_lang TEXT,"
    " glossary TEXT, source TEXT NOT NULL, target TEXT NOT NULL,"
    " created INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS tm_skey ON tm(skey, created);";

/* A foreign SQLite file has tables but no jaen_meta of our format. */
static int check_format(struct jaen_tm *tm, struct jaen_err *err)
{
    sqlite3_stmt *st = NULL;
    int rc, ntables = 0, ours = 0;

    rc = sqlite3_prepare_v2(tm->db, "SELECT count(*) FROM sqlite_master",
                            -1, &st, NULL);
    if (rc != SQLITE_OK)
        return jaen_err_set(err, JAEN_EFORMAT,
                            "the cache is not a jaen translation memory "
                            "(%s)", sqlite3_errmsg(tm->db));
    if (sqlite3_step(st) == SQLITE_ROW)
        ntables = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (!ntables)
        return JAEN_OK;
    rc = sqlite3_prepare_v2(tm->db,
                            "SELECT v FROM jaen_meta WHERE k='format'", -1,
                            &st, NULL);
    if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
        const unsigned char *v = sqlite3_column_text(st, 0);
        ours = v && !strcmp((const char *)v, JAEN_TM_FORMAT);
    }
    sqlite3_finalize(st);
    if (!ours)
        return jaen_err_set(err, JAEN_EFORMAT,
                            "the cache is a SQLite file of another format "
                            "(want %s)", JAEN_TM_FORMAT);
    return JAEN_OK;
}

int jaen_tm_open(struct jaen_tm **out, const char *path,
                 struct jaen_err *err)
{
    struct jaen_tm *tm;
    int fd, rc;

    *out = NULL;
    rc = make_parents(path, err);
    if (rc)
        return rc;
    /* Create it 0600 ourselves: SQLite would honour the umask. */
    fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return jaen_err_sys(err, JAEN_EIO, "cannot open the cache %s", path);
    close(fd);
    tm = jaen_calloc(1, sizeof(*tm));
    if (!tm)
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    if (sqlite3_open_v2(path, &tm->db, SQLITE_OPEN_READWRITE, NULL)
        != SQLITE_OK) {
        rc = db_err(tm, err, "open");
        goto fail;
    }
    sqlite3_busy_timeout(tm->db, 10000);
    rc = check_format(tm, err);
    if (rc)
        goto fail;
    if (sqlite3_exec(tm->db, schema, NULL, NULL, NULL) != SQLITE_OK) {
        rc = db_err(tm, err, "schema");
        goto fail;
    }
    /* WAL: a commit per batch costs no fsync; the file stays consistent. */
    sqlite3_exec(tm->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
                 NULL, NULL, NULL);
    if (sqlite3_prepare_v2(tm->db, "SELECT target FROM tm WHERE key=?1",
                           -1, &tm->get, NULL) != SQLITE_OK
        || sqlite3_prepare_v2(tm->db,
                              "SELECT target FROM tm WHERE skey=?1 "
                              "ORDER BY created DESC LIMIT 1",
                              -1, &tm->get_s, NULL) != SQLITE_OK
        || sqlite3_prepare_v2(tm->db,
                              "INSERT OR REPLACE INTO tm VALUES"
                              "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
                              -1, &tm->put, NULL) != SQLITE_OK) {
        rc = db_err(tm, err, "prepare");
        goto fail;
    }
    *out = tm;
    return JAEN_OK;
fail:
    jaen_tm_close(tm);
    return rc;
}

void jaen_tm_close(struct jaen_tm *tm)
{
    if (!tm)
        return;
    sqlite3_finalize(tm->get);
    sqlite3_finalize(tm->get_s);
    sqlite3_finalize(tm->put);
    sqlite3_close(tm->db);
    jaen_free(tm);
}

static int lookup(struct jaen_tm *tm, sqlite3_stmt *st,
                  const unsigned char key[32], char **target,
                  struct jaen_err *err)
{
    int rc;

    *target = NULL;
    sqlite3_reset(st);
    sqlite3_bind_blob(st, 1, key, 32, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        *target = jaen_strndup(t ? t : "",
                               (size_t)sqlite3_column_bytes(st, 0));
        sqlite3_reset(st);
        return *target ? 1 : jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_err(tm, err, "lookup");
}

int jaen_tm_get(struct jaen_tm *tm, const unsigned char key[32],
                char **target, struct jaen_err *err)
{
    return lookup(tm, tm->get, key, target, err);
}

int jaen_tm_get_skey(struct jaen_tm *tm, const unsigned char skey[32],
                     char **target, struct jaen_err *err)
{
    return lookup(tm, tm->get_s, skey, target, err);
}

int jaen_tm_put(struct jaen_tm *tm, const unsigned char key[32],
                const unsigned char skey[32],
                const struct jaen_tm_keyparts *kp, const char *source,
                const char *target, struct jaen_err *err)
{
    sqlite3_stmt *st = tm->put;
    int rc;

    sqlite3_reset(st);
    sqlite3_bind_blob(st, 1, key, 32, SQLITE_STATIC);
    sqlite3_bind_blob(st, 2, skey, 32, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, kp->engine, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, kp->model, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, kp->source_lang, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, kp->target_lang, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, kp->glossary, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 8, source, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 9, target, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 10, (sqlite3_int64)time(NULL));
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? JAEN_OK : db_err(tm, err, "store");
}

int jaen_tm_begin(struct jaen_tm *tm, struct jaen_err *err)
{
    if (sqlite3_exec(tm->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return db_err(tm, err, "begin");
    return JAEN_OK;
}

int jaen_tm_commit(struct jaen_tm *tm, struct jaen_err *err)
{
    if (sqlite3_exec(tm->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        return db_err(tm, err, "commit");
    return JAEN_OK;
}

long jaen_tm_count(struct jaen_tm *tm, struct jaen_err *err)
{
    sqlite3_stmt *st = NULL;
    long n = -1;

    if (sqlite3_prepare_v2(tm->db, "SELECT count(*) FROM tm", -1, &st, NULL)
        == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n < 0 ? db_err(tm, err, "count") : n;
}

/* ---- TMX 1.4b ---- */

/* XML 1.0 character data: escapes markup, drops characters XML forbids
 * (C0 controls but tab/LF/CR, U+FFFE/FFFF) rather than write a bad file. */
static int add_xml_text(struct jaen_buf *b, const char *s)
{
    size_t len = strlen(s), pos = 0, mark;
    uint32_t c;
    int rc = JAEN_OK;

    while (pos < len && !rc) {
        mark = pos;
        jaen_utf8_next(s, len, &pos, &c);
        if (c == '&')
            rc = jaen_buf_adds(b, "&amp;");
        else if (c == '<')
            rc = jaen_buf_adds(b, "&lt;");
        else if (c == '>')
            rc = jaen_buf_adds(b, "&gt;");
        else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                 || c == 0xFFFE || c == 0xFFFF)
            continue;
        else
            rc = jaen_buf_add(b, s + mark, pos - mark);
    }
    return rc;
}

static const char *col(sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    return s ? s : "";
}

static int tmx_unit(struct jaen_buf *b, sqlite3_stmt *st)
{
    int rc = jaen_buf_adds(b, "<tu><prop type=\"x-engine\">");

    if (!rc)
        rc = add_xml_text(b, col(st, 0));
    if (!rc)
        rc = jaen_buf_adds(b, "</prop><prop type=\"x-model\">");
    if (!rc)
        rc = add_xml_text(b, col(st, 1));
    if (!rc)
        rc = jaen_buf_adds(b, "</prop><tuv xml:lang=\"");
    if (!rc)
        rc = add_xml_text(b, col(st, 2));
    if (!rc)
        rc = jaen_buf_adds(b, "\"><seg>");
    if (!rc)
        rc = add_xml_text(b, col(st, 4));
    if (!rc)
        rc = jaen_buf_adds(b, "</seg></tuv><tuv xml:lang=\"");
    if (!rc)
        rc = add_xml_text(b, col(st, 3));
    if (!rc)
        rc = jaen_buf_adds(b, "\"><seg>");
    if (!rc)
        rc = add_xml_text(b, col(st, 5));
    if (!rc)
        rc = jaen_buf_adds(b, "</seg></tuv></tu>\n");
    return rc;
}

int jaen_tm_export_tmx(struct jaen_tm *tm, const char *path,
                       struct jaen_err *err)
{
    sqlite3_stmt *st = NULL;
    struct jaen_buf b, tmp;
    FILE *f = NULL;
    int rc = JAEN_OK, step;

    jaen_buf_init(&b, JAEN_BUF_DEFAULT_CAP);
    jaen_buf_init(&tmp, 4096);
    if (jaen_buf_addf(&tmp, "%s.tmp%ld", path, (long)getpid()))
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    if (sqlite3_prepare_v2(tm->db,
                           "SELECT engine, model, source_lang, target_lang,"
                           " source, target FROM tm ORDER BY created, source",
                           -1, &st, NULL) != SQLITE_OK) {
        rc = db_err(tm, err, "export");
        goto out;
    }
    f = fopen(tmp.ptr, "w");
    if (!f) {
        rc = jaen_err_sys(err, JAEN_EIO, "cannot write %s", tmp.ptr);
        goto out;
    }
    rc = jaen_buf_adds(&b,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<tmx version=\"1.4\">\n"
        "<header creationtool=\"jaen\" creationtoolversion=\"" JAEN_VERSION
        "\" segtype=\"sentence\" o-tmf=\"" JAEN_TM_FORMAT "\" adminlang=\"en\""
        " srclang=\"ja\" datatype=\"plaintext\"/>\n<body>\n");
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        rc = tmx_unit(&b, st);
        if (!rc && b.len > 65536) {
            if (fwrite(b.ptr, 1, b.len, f) != b.len)
                rc = jaen_err_sys(err, JAEN_EIO, "cannot write %s", path);
            jaen_buf_reset(&b);
        }
    }
    if (!rc && step != SQLITE_DONE)
        rc = db_err(tm, err, "export");
    if (!rc)
        rc = jaen_buf_adds(&b, "</body>\n</tmx>\n");
    if (!rc && fwrite(b.ptr, 1, b.len, f) != b.len)
        rc = jaen_err_sys(err, JAEN_EIO, "cannot write %s", path);
    if (fflush(f) != 0 || fsync(fileno(f)) != 0)
        rc = rc ? rc : jaen_err_sys(err, JAEN_EIO, "cannot write %s", path);
    if (fclose(f) != 0)
        rc = rc ? rc : jaen_err_sys(err, JAEN_EIO, "cannot write %s", path);
    f = NULL;
    if (!rc && rename(tmp.ptr, path) != 0)
        rc = jaen_err_sys(err, JAEN_EIO, "cannot rename to %s", path);
    if (rc)
        unlink(tmp.ptr);
out:
    if (rc == JAEN_ENOMEM || rc == JAEN_ELIMIT)
        jaen_err_set(err, rc, "exporting TMX: %s", jaen_strstatus(rc));
    sqlite3_finalize(st);
    jaen_buf_free(&b);
    jaen_buf_free(&tmp);
    return rc;
}

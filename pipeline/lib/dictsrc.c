/* dictsrc.c: glossary rows from TSV, CSV and TBX, checked and keyed.
 *
 * Rows and their strings live in an arena owned by the dictsrc.  Keys (the
 * folded headword and variants, whitespace-stripped for phrases) go into an
 * open-addressing hash table so that a clash is found in O(1) and reported
 * with both positions.  A row replaced by a later file is only marked dead:
 * its keys then count as absent, which keeps replacement O(1). */
#include "dictsrc.h"

#include "alloc.h"
#include "fold.h"
#include "glossfmt.h"
#include "limits.h"
#include "phrase.h"
#include "tbx.h"
#include "utf8.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#define ARENA_BLOCK ((size_t)64 * 1024)

struct block {
    struct block *next;     /* older block */
    size_t used;            /* bytes handed out */
    size_t size;            /* bytes available in data */
    char data[];
};

struct row {
    struct jaen_dict_entry e;   /* strings in the arena */
    int file;                   /* index into files */
    int dead;                   /* replaced by a later file */
};

struct key {
    const char *bytes;      /* in the arena */
    size_t len;             /* bytes */
    size_t row;             /* owning row */
    unsigned kind;          /* keys of terms and phrases never clash */
    uint64_t hash;          /* of kind and bytes */
};

struct jaen_dictsrc {
    struct block *arena;    /* newest block first */
    struct row *rows;       /* every row added */
    size_t nrows, arows;    /* used, allocated */
    struct key *keys;       /* every key added */
    size_t nkeys, akeys;    /* used, allocated */
    size_t *table;          /* key index + 1, 0 = empty; power of two */
    size_t tsize;           /* slots in table */
    const char **files;     /* names, in the arena */
    unsigned *fflags;       /* per-file JAEN_DICTSRC_* flags */
    size_t nfiles, afiles;  /* used, allocated */
    uint64_t hash;          /* FNV-1a 64 of the sources */
    long nuser;             /* user.<n> concepts handed out */
    struct jaen_buf scratch;/* folding */
};

static uint64_t fnv64(uint64_t h, const void *p, size_t len)
{
    const unsigned char *s = p;
    size_t i;

    for (i = 0; i < len; i++) {
        h ^= s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

struct jaen_dictsrc *jaen_dictsrc_new(void)
{
    struct jaen_dictsrc *ds = jaen_calloc(1, sizeof(*ds));

    if (!ds)
        return NULL;
    ds->hash = 0xcbf29ce484222325ull;
    jaen_buf_init(&ds->scratch, JAEN_DICT_MAX_SOURCE_BYTES);
    return ds;
}

void jaen_dictsrc_free(struct jaen_dictsrc *ds)
{
    struct block *b, *next;

    if (!ds)
        return;
    for (b = ds->arena; b; b = next) {
        next = b->next;
        jaen_free(b);
    }
    jaen_free(ds->rows);
    jaen_free(ds->keys);
    jaen_free(ds->table);
    jaen_free(ds->files);
    jaen_free(ds->fflags);
    jaen_buf_free(&ds->scratch);
    jaen_free(ds);
}

/* Copies s[0..len) into the arena, NUL-terminated.  NULL on failure. */
static const char *intern(struct jaen_dictsrc *ds, const char *s, size_t len)
{
    struct block *b = ds->arena;
    char *d;

    if (!b || b->size - b->used < len + 1) {
        size_t size = len + 1 > ARENA_BLOCK ? len + 1 : ARENA_BLOCK;
        b = jaen_malloc(sizeof(*b) + size);
        if (!b)
            return NULL;
        b->size = size;
        b->used = 0;
        b->next = ds->arena;
        ds->arena = b;
    }
    d = b->data + b->used;
    if (len)
        memcpy(d, s, len);
    d[len] = '\0';
    b->used += len + 1;
    return d;
}

static int grow(void **p, size_t *alloc, size_t need, size_t size)
{
    size_t n;
    void *q;

    if (need <= *alloc)
        return JAEN_OK;
    n = *alloc ? *alloc * 2 : 64;
    while (n < need)
        n *= 2;
    q = jaen_realloc(*p, n * size);
    if (!q)
        return JAEN_ENOMEM;
    *p = q;
    *alloc = n;
    return JAEN_OK;
}

int jaen_dictsrc_begin(struct jaen_dictsrc *ds, const char *name,
                       unsigned flags)
{
    const char *n;
    size_t a = ds->afiles;

    if (grow((void **)&ds->files, &a, ds->nfiles + 1, sizeof(*ds->files)))
        return JAEN_ENOMEM;
    if (a != ds->afiles) {
        unsigned *f = jaen_realloc(ds->fflags, a * sizeof(*f));
        if (!f)
            return JAEN_ENOMEM;
        ds->fflags = f;
        ds->afiles = a;
    }
    n = intern(ds, name, strlen(name));
    if (!n)
        return JAEN_ENOMEM;
    ds->files[ds->nfiles] = n;
    ds->fflags[ds->nfiles] = flags;
    ds->nfiles++;
    return JAEN_OK;
}

/* Reports a bad row as "file:line: message". */
static int bad(struct jaen_err *err, const char *file, long line,
               const char *what, const char *detail)
{
    jaen_err_set(err, JAEN_EDATA, "%s:%ld: %s%s%s", file, line, what,
                 detail ? ": " : "", detail ? detail : "");
    jaen_err_at(err, line, 0);
    return JAEN_EDATA;
}

/* Checks one field: valid UTF-8 and no control characters (C0, DEL, C1). */
static const char *field_problem(const char *s)
{
    size_t len = strlen(s), pos = 0;

    if (jaen_utf8_valid_prefix(s, len) != len)
        return "invalid UTF-8";
    while (pos < len) {
        uint32_t cp;
        jaen_utf8_next(s, len, &pos, &cp);
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
            return "control character";
    }
    return NULL;
}

int jaen_dict_concept_ok(const char *s)
{
    int parts = 0;

    for (;;) {
        size_t n = 0;
        while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9')
               || s[n] == '_')
            n++;
        if (!n)
            return 0;
        parts++;
        s += n;
        if (*s == '\0')
            return parts >= 2;
        if (*s != '.')
            return 0;
        s++;
    }
}

/* Trims ASCII spaces at both ends of s[0..*len). */
static const char *trim(const char *s, size_t *len)
{
    while (*len && s[0] == ' ') {
        s++;
        (*len)--;
    }
    while (*len && s[*len - 1] == ' ')
        (*len)--;
    return s;
}

static const struct row *key_owner(const struct jaen_dictsrc *ds,
                                   const struct key *k)
{
    const struct row *r = &ds->rows[k->row];
    return r->dead ? NULL : r;
}

static int rehash(struct jaen_dictsrc *ds)
{
    size_t n = ds->tsize ? ds->tsize * 2 : 1024, i;
    size_t *t = jaen_calloc(n, sizeof(*t));

    if (!t)
        return JAEN_ENOMEM;
    for (i = 0; i < ds->nkeys; i++) {
        size_t h = (size_t)ds->keys[i].hash & (n - 1);
        while (t[h])
            h = (h + 1) & (n - 1);
        t[h] = i + 1;
    }
    jaen_free(ds->table);
    ds->table = t;
    ds->tsize = n;
    return JAEN_OK;
}

/* Adds key k (bytes in scratch) for row r, or reports the clash. */
static int add_key(struct jaen_dictsrc *ds, size_t r, unsigned kind,
                   const char *bytes, size_t len, struct jaen_err *err)
{
    uint64_t h = fnv64(fnv64(0xcbf29ce484222325ull, &kind, sizeof(kind)),
                       bytes, len);
    struct row *me = &ds->rows[r];
    size_t slot;
    struct key *k;

    if (len > JAEN_DICT_MAX_KEY_BYTES)
        return bad(err, me->e.file, me->e.line, "headword too long", NULL);
    if (!len)
        return bad(err, me->e.file, me->e.line, "empty Japanese side", NULL);
    if ((ds->nkeys + 1) * 2 > ds->tsize && rehash(ds))
        return JAEN_ENOMEM;
    slot = (size_t)h & (ds->tsize - 1);
    while (ds->table[slot]) {
        k = &ds->keys[ds->table[slot] - 1];
        if (k->hash == h && k->kind == kind && k->len == len
            && memcmp(k->bytes, bytes, len) == 0) {
            const struct row *o = key_owner(ds, k);
            if (!o || k->row == r) {
                k->row = r;         /* dead owner, or our own variant */
                return JAEN_OK;
            }
            if (strcmp(o->e.en, me->e.en) == 0
                && strcmp(o->e.concept, me->e.concept) == 0)
                return JAEN_OK;     /* same meaning: merged */
            if ((ds->fflags[me->file] & JAEN_DICTSRC_OVERRIDE)
                && o->file < me->file) {
                ds->rows[k->row].dead = 1;
                k->row = r;
                return JAEN_OK;
            }
            jaen_err_set(err, JAEN_EDATA,
                         "%s:%ld: \"%.*s\" is already defined at %s:%ld "
                         "with a different target (\"%s\", %s)",
                         me->e.file, me->e.line, (int)(len > 80 ? 80 : len),
                         bytes, o->e.file, o->e.line, o->e.en, o->e.concept);
            jaen_err_at(err, me->e.line, 0);
            return JAEN_EDATA;
        }
        slot = (slot + 1) & (ds->tsize - 1);
    }
    if (grow((void **)&ds->keys, &ds->akeys, ds->nkeys + 1, sizeof(*k)))
        return JAEN_ENOMEM;
    k = &ds->keys[ds->nkeys];
    k->bytes = intern(ds, bytes, len);
    if (!k->bytes)
        return JAEN_ENOMEM;
    k->len = len;
    k->row = r;
    k->kind = kind;
    k->hash = h;
    ds->table[slot] = ++ds->nkeys;
    return JAEN_OK;
}

/* Folds one spelling of row r into its key and adds it. */
static int add_spelling(struct jaen_dictsrc *ds, size_t r, const char *s,
                        size_t len, struct jaen_err *err)
{
    struct row *me = &ds->rows[r];
    struct jaen_buf folded;
    int rc;

    jaen_buf_reset(&ds->scratch);
    rc = jaen_fold(s, len, &ds->scratch, NULL, NULL, err);
    if (rc)
        return rc;
    if (me->e.kind == JAEN_GLOSSFMT_KIND_PHRASE) {
        jaen_buf_init(&folded, JAEN_DICT_MAX_SOURCE_BYTES);
        rc = jaen_phrase_key_add(&folded, ds->scratch.ptr, ds->scratch.len);
        if (!rc)
            rc = add_key(ds, r, me->e.kind, folded.ptr ? folded.ptr : "",
                         folded.len, err);
        jaen_buf_free(&folded);
        return rc;
    }
    return add_key(ds, r, me->e.kind, ds->scratch.ptr ? ds->scratch.ptr : "",
                   ds->scratch.len, err);
}

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

static const char *intern_trim(struct jaen_dictsrc *ds, const char *s)
{
    size_t len = strlen(or_empty(s));
    const char *t = trim(or_empty(s), &len);
    return intern(ds, t, len);
}

/* Checks the fields of e before anything is stored. */
static int check_row(const struct jaen_dict_entry *e, const char *file,
                     unsigned kind, struct jaen_err *err)
{
    const char *f[6] = {e->ja, e->en, e->concept, e->variants, e->pos,
                        e->note};
    char why[128];
    int i;

    for (i = 0; i < 6; i++) {
        const char *p = f[i] ? field_problem(f[i]) : NULL;
        if (p)
            return bad(err, file, e->line, p, NULL);
    }
    if (kind == JAEN_GLOSSFMT_KIND_PHRASE) {
        if (jaen_phrase_check(or_empty(e->ja), or_empty(e->en), why,
                              sizeof(why)))
            return bad(err, file, e->line, "slot mismatch", why);
    } else if (jaen_phrase_has_slot(or_empty(e->ja)) && e->concept
               && *e->concept
               && strncmp(e->concept, "user.", 5) != 0) {
        return bad(err, file, e->line,
                   "slot in a term (only phrases have slots)", NULL);
    }
    return JAEN_OK;
}

int jaen_dictsrc_add(struct jaen_dictsrc *ds, const struct jaen_dict_entry *e,
                     struct jaen_err *err)
{
    const char *file = ds->nfiles ? ds->files[ds->nfiles - 1] : "<none>";
    struct row *r;
    size_t len, idx;
    const char *v, *p;
    unsigned kind = e->kind;
    char user[32];
    int rc;

    if (!ds->nfiles && jaen_dictsrc_begin(ds, "<none>", 0))
        return JAEN_ENOMEM;
    /* the kind is read from the values as they are stored (trimmed), so
     * that " phrase.x" is a phrase here and in a re-read export alike */
    len = e->concept ? strlen(e->concept) : 0;
    p = e->concept ? trim(e->concept, &len) : NULL;
    if (p && len >= 7 && strncmp(p, "phrase.", 7) == 0)
        kind = JAEN_GLOSSFMT_KIND_PHRASE;
    len = e->pos ? strlen(e->pos) : 0;
    p = e->pos ? trim(e->pos, &len) : NULL;
    if (p && len == 6 && memcmp(p, "phrase", 6) == 0)
        kind = JAEN_GLOSSFMT_KIND_PHRASE;
    rc = check_row(e, file, kind, err);
    if (rc)
        return rc;
    if (grow((void **)&ds->rows, &ds->arows, ds->nrows + 1, sizeof(*r)))
        return JAEN_ENOMEM;
    idx = ds->nrows;
    r = &ds->rows[idx];
    memset(r, 0, sizeof(*r));
    r->file = (int)ds->nfiles - 1;
    r->e.kind = kind;
    r->e.file = file;
    r->e.line = e->line;
    r->e.ja = intern_trim(ds, e->ja);
    r->e.en = intern_trim(ds, e->en);
    if (e->concept && *e->concept) {
        r->e.concept = intern_trim(ds, e->concept);
    } else {
        snprintf(user, sizeof(user), "user.%ld", ++ds->nuser);
        r->e.concept = intern(ds, user, strlen(user));
    }
    r->e.variants = intern_trim(ds, e->variants);
    r->e.pos = intern_trim(ds, e->pos);
    r->e.note = intern_trim(ds, e->note);
    if (!r->e.ja || !r->e.en || !r->e.concept || !r->e.variants || !r->e.pos
        || !r->e.note)
        return JAEN_ENOMEM;
    if (!*r->e.ja)
        return bad(err, file, e->line, "empty Japanese side", NULL);
    if (!*r->e.en)
        return bad(err, file, e->line, "empty English side", NULL);
    if (!jaen_dict_concept_ok(r->e.concept))
        return bad(err, file, e->line, "bad concept id", r->e.concept);
    ds->nrows++;
    rc = add_spelling(ds, idx, r->e.ja, strlen(r->e.ja), err);
    for (v = r->e.variants; !rc && *v; v = *p ? p + 1 : p) {
        const char *t;
        p = strchr(v, '|');
        if (!p)
            p = v + strlen(v);
        len = (size_t)(p - v);
        t = trim(v, &len);
        if (!len)
            return bad(err, file, e->line, "empty variant", NULL);
        if (kind == JAEN_GLOSSFMT_KIND_PHRASE) {
            char why[128];
            char *vz = jaen_strndup(t, len);
            if (!vz)
                return JAEN_ENOMEM;
            rc = jaen_phrase_check(vz, r->e.en, why, sizeof(why));
            jaen_free(vz);
            if (rc)
                return bad(err, file, e->line, "slot mismatch in a variant",
                           why);
        }
        rc = add_spelling(ds, idx, t, len, err);
    }
    return rc;
}

size_t jaen_dictsrc_count(const struct jaen_dictsrc *ds)
{
    return ds->nrows;
}

const struct jaen_dict_entry *jaen_dictsrc_get(const struct jaen_dictsrc *ds,
                                               size_t i)
{
    return i < ds->nrows ? &ds->rows[i].e : NULL;
}

int jaen_dictsrc_live(const struct jaen_dictsrc *ds, size_t i)
{
    return i < ds->nrows && !ds->rows[i].dead;
}

size_t jaen_dictsrc_nkeys(const struct jaen_dictsrc *ds)
{
    return ds->nkeys;
}

int jaen_dictsrc_key(const struct jaen_dictsrc *ds, size_t i,
                     const char **key, size_t *len, size_t *row)
{
    const struct key *k = &ds->keys[i];

    *key = k->bytes;
    *len = k->len;
    *row = k->row;
    return key_owner(ds, k) != NULL;
}

uint64_t jaen_dictsrc_hash(const struct jaen_dictsrc *ds)
{
    return ds->hash;
}

/* ---- line-based formats ---- */

/* Splits line[0..len) at TABs into at most max fields (NUL-terminating them
 * in place).  Returns the field count, or max + 1 when there are more. */
static size_t split_tabs(char *line, size_t len, char **f, size_t max)
{
    size_t n = 0, i, s = 0;

    for (i = 0; i <= len; i++) {
        if (i == len || line[i] == '\t') {
            if (n == max)
                return max + 1;
            f[n++] = line + s;
            line[i] = '\0';
            s = i + 1;
        }
    }
    return n;
}

static int blank(const char *s, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return 0;
    return 1;
}

enum col { C_JA, C_EN, C_CONCEPT, C_VARIANTS, C_POS, C_NOTE, C_N };
static const char *const col_names[C_N] = {"ja", "en", "concept",
                                           "variants", "pos", "note"};

static int header(const char *file, long line, char **f, size_t n,
                  int *cols, struct jaen_err *err)
{
    size_t i;
    int c, seen[C_N] = {0};

    for (i = 0; i < n; i++) {
        for (c = 0; c < C_N; c++)
            if (strcmp(f[i], col_names[c]) == 0)
                break;
        if (c == C_N)
            return bad(err, file, line, "unknown column", f[i]);
        if (seen[c])
            return bad(err, file, line, "duplicate column", f[i]);
        seen[c] = 1;
        cols[i] = c;
    }
    for (c = 0; c <= C_CONCEPT; c++)
        if (!seen[c])
            return bad(err, file, line, "missing column", col_names[c]);
    return JAEN_OK;
}

/* Our TSV (deepl == 0) or DeepL's two columns (deepl == 1). */
static int parse_tsv(struct jaen_dictsrc *ds, const char *file, char *s,
                     size_t len, int deepl, struct jaen_err *err)
{
    int cols[C_N];
    size_t ncols = 0, pos = 0;
    long line = 0;
    int rc;

    while (pos < len) {
        char *nl = memchr(s + pos, '\n', len - pos), *f[C_N];
        size_t end = nl ? (size_t)(nl - s) : len, n, l, i;
        const char *v[C_N] = {0};
        struct jaen_dict_entry e;
        char *ln = s + pos;

        line++;
        l = end - pos;
        pos = end + 1;
        if (l && ln[l - 1] == '\r')
            l--;
        if (blank(ln, l) || (!deepl && ln[0] == '#'))
            continue;
        n = split_tabs(ln, l, f, deepl ? 2 : (ncols ? ncols : C_N));
        if (!deepl && !ncols) {
            if (n > C_N)
                return bad(err, file, line, "too many columns", NULL);
            rc = header(file, line, f, n, cols, err);
            if (rc)
                return rc;
            ncols = n;
            continue;
        }
        if (deepl && n != 2)
            return bad(err, file, line,
                       "expected two TAB-separated fields", NULL);
        if (!deepl && n > ncols)
            return bad(err, file, line, "more fields than the header",
                       NULL);
        for (i = 0; i < n; i++)
            v[deepl ? i : (size_t)cols[i]] = f[i];
        memset(&e, 0, sizeof(e));
        e.ja = or_empty(v[C_JA]);
        e.en = or_empty(v[C_EN]);
        e.concept = deepl ? NULL : or_empty(v[C_CONCEPT]);
        if (!deepl && !*e.concept)
            return bad(err, file, line, "bad concept id", "empty");
        e.variants = v[C_VARIANTS];
        e.pos = v[C_POS];
        e.note = v[C_NOTE];
        e.line = line;
        rc = jaen_dictsrc_add(ds, &e, err);
        if (rc)
            return rc;
    }
    if (!deepl && !ncols)
        return bad(err, file, line ? line : 1, "no header line", NULL);
    return JAEN_OK;
}

/* RFC 4180 CSV: ja,en per record; quoted fields may hold commas, "" and
 * newlines.  Unquoted fields are taken as they are. */
static int parse_csv(struct jaen_dictsrc *ds, const char *file, char *s,
                     size_t len, struct jaen_err *err)
{
    size_t pos = 0;
    long line = 1;

    while (pos < len) {
        char *f[3];
        size_t n = 0;
        long first = line;
        int rc;
        struct jaen_dict_entry e;

        for (;;) {     /* one field per turn, written back in place */
            char *out = s + pos;
            char *start = out;
            if (pos < len && s[pos] == '"') {
                pos++;
                for (;;) {
                    if (pos >= len)
                        return bad(err, file, first, "unterminated quote",
                                   NULL);
                    if (s[pos] == '"' && pos + 1 < len && s[pos + 1] == '"') {
                        *out++ = '"';
                        pos += 2;
                    } else if (s[pos] == '"') {
                        pos++;
                        break;
                    } else {
                        if (s[pos] == '\n')
                            line++;
                        *out++ = s[pos++];
                    }
                }
                if (pos < len && s[pos] != ',' && s[pos] != '\n'
                    && s[pos] != '\r')
                    return bad(err, file, line, "text after a closing quote",
                               NULL);
            } else {
                while (pos < len && s[pos] != ',' && s[pos] != '\n')
                    *out++ = s[pos++];
                if (out > start && out[-1] == '\r')
                    out--;
            }
            if (pos < len && s[pos] == '\r')
                pos++;
            if (n < 3)
                f[n] = start;
            n++;
            if (pos >= len || s[pos] == '\n') {
                *out = '\0';
                pos++;
                line++;
                break;
            }
            *out = '\0';
            pos++;                      /* the comma */
        }
        if (n == 1 && blank(f[0], strlen(f[0])))
            continue;
        if (n != 2)
            return bad(err, file, first, "expected two comma-separated fields",
                       NULL);
        memset(&e, 0, sizeof(e));
        e.ja = f[0];
        e.en = f[1];
        e.line = first;
        rc = jaen_dictsrc_add(ds, &e, err);
        if (rc)
            return rc;
    }
    return JAEN_OK;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix), i;

    if (n < m)
        return 0;
    for (i = 0; i < m; i++) {
        char c = s[n - m + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != suffix[i])
            return 0;
    }
    return 1;
}

enum jaen_dict_format jaen_dict_sniff(const char *name, const char *bytes,
                                      size_t len)
{
    size_t i = 0;

    if (ends_with(name, ".tbx") || ends_with(name, ".xml"))
        return JAEN_DICT_TBX;
    if (ends_with(name, ".csv"))
        return JAEN_DICT_CSV;
    if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && (bytes[i] == ' ' || bytes[i] == '\n'
                       || bytes[i] == '\r' || bytes[i] == '\t'))
        i++;
    if (i < len && bytes[i] == '<')
        return JAEN_DICT_TBX;
    while (i < len && bytes[i] == '#') {     /* comments: ours */
        const char *nl = memchr(bytes + i, '\n', len - i);
        if (!nl)
            break;
        i = (size_t)(nl - bytes) + 1;
    }
    if (len - i >= 6 && memcmp(bytes + i, "ja\ten\t", 6) == 0)
        return JAEN_DICT_JAEN;
    if (i > 0 && len - i >= 3 && memcmp(bytes + i, "ja\t", 3) == 0)
        return JAEN_DICT_JAEN;
    return JAEN_DICT_DEEPL_TSV;
}

int jaen_dictsrc_parse(struct jaen_dictsrc *ds, const char *name,
                       const char *bytes, size_t len,
                       enum jaen_dict_format fmt, unsigned flags,
                       struct jaen_err *err)
{
    size_t ok = jaen_utf8_valid_prefix(bytes, len), i;
    char *copy;
    int rc;

    if (ok != len) {
        long line = 1;
        for (i = 0; i < ok; i++)
            line += bytes[i] == '\n';
        return bad(err, name, line, "invalid UTF-8", NULL);
    }
    ds->hash = fnv64(ds->hash, bytes, len);
    rc = jaen_dictsrc_begin(ds, name, flags);
    if (rc)
        return rc;
    name = ds->files[ds->nfiles - 1];
    if (fmt == JAEN_DICT_AUTO)
        fmt = jaen_dict_sniff(name, bytes, len);
    if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
        bytes += 3;
        len -= 3;
    }
    if (fmt == JAEN_DICT_TBX)
        return jaen_tbx_parse(ds, name, bytes, len, err);
    copy = jaen_strndup(bytes, len);     /* the parsers cut it in place */
    if (!copy)
        return JAEN_ENOMEM;
    if (fmt == JAEN_DICT_CSV)
        rc = parse_csv(ds, name, copy, len, err);
    else
        rc = parse_tsv(ds, name, copy, len, fmt == JAEN_DICT_DEEPL_TSV, err);
    jaen_free(copy);
    return rc;
}

int jaen_dictsrc_load(struct jaen_dictsrc *ds, const char *path,
                      enum jaen_dict_format fmt, unsigned flags,
                      struct jaen_err *err)
{
    struct jaen_buf b;
    char chunk[65536];
    size_t n;
    FILE *f = fopen(path, "rb");
    int rc = JAEN_OK;

    if (!f)
        return jaen_err_sys(err, JAEN_EIO, "%s", path);
    jaen_buf_init(&b, JAEN_DICT_MAX_SOURCE_BYTES);
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        rc = jaen_buf_add(&b, chunk, n);
        if (rc) {
            jaen_err_set(err, rc, "%s: %s", path,
                         rc == JAEN_ELIMIT ? "file too large" :
                         "out of memory");
            break;
        }
    }
    if (!rc && ferror(f))
        rc = jaen_err_sys(err, JAEN_EIO, "%s", path);
    fclose(f);
    if (!rc)
        rc = jaen_dictsrc_parse(ds, path, b.ptr ? b.ptr : "", b.len, fmt,
                                flags, err);
    jaen_buf_free(&b);
    return rc;
}

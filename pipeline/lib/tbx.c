/* tbx.c: a small XML pull reader and the TBX import built on it.
 *
 * The reader hands out start tags (with up to MAX_ATTRS attributes), end
 * tags and text, decoding entities and CDATA, and keeps a line count for
 * messages.  It checks that tags nest; it does not validate against a TBX
 * schema: the import looks only at entries, language sections, terms and a
 * few notes, and ignores every other element. */
#include "tbx.h"

#include "alloc.h"
#include "buf.h"
#include "glossfmt.h"
#include "limits.h"

#include <string.h>

#define MAX_ATTRS 8

enum { X_START, X_END, X_TEXT, X_EOF };

struct attr {
    const char *name;       /* local name, into the input */
    size_t nlen;            /* bytes */
    size_t voff;            /* decoded value: offset into xml.vals */
};

struct xml {
    const char *s;          /* input */
    size_t len, pos;        /* bytes, read position */
    long line;              /* 1-based line at pos */
    const char *file;       /* for messages */
    struct jaen_err *err;
    /* the current event */
    const char *name;       /* local tag name (prefix dropped) */
    size_t nlen;
    int empty;              /* <tag/> */
    struct attr attrs[MAX_ATTRS];
    size_t nattrs;
    struct jaen_buf vals;   /* attribute values, NUL-separated */
    struct jaen_buf text;   /* decoded text of an X_TEXT event */
    const char *stack[JAEN_TBX_MAX_DEPTH];  /* open tags */
    size_t slen[JAEN_TBX_MAX_DEPTH];
    size_t depth;
};

static int xerr(struct xml *x, const char *what)
{
    jaen_err_set(x->err, JAEN_EDATA, "%s:%ld: %s", x->file, x->line, what);
    jaen_err_at(x->err, x->line, 0);
    return JAEN_EDATA;
}

static void skip(struct xml *x, size_t n)
{
    size_t i;

    for (i = 0; i < n && x->pos < x->len; i++)
        x->line += x->s[x->pos++] == '\n';
}

/* Skips to just past the terminator; error if it never comes. */
static int skip_past(struct xml *x, const char *term, const char *what)
{
    size_t tl = strlen(term);

    while (x->pos + tl <= x->len) {
        if (memcmp(x->s + x->pos, term, tl) == 0) {
            skip(x, tl);
            return JAEN_OK;
        }
        skip(x, 1);
    }
    return xerr(x, what);
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int is_name(char c)
{
    return !is_space(c) && c != '>' && c != '/' && c != '=' && c != '<'
        && c != '"' && c != '\'' && c != '\0';
}

/* Decodes s[0..n) (entities, character references) onto out. */
static int decode(struct xml *x, const char *s, size_t n, struct jaen_buf *out)
{
    static const struct { const char *name; char c; } ents[] = {
        {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''},
    };
    size_t i = 0, run = 0, k;
    int rc = JAEN_OK;

    while (!rc && i < n) {
        const char *semi;
        if (s[i] != '&') {
            i++;
            continue;
        }
        rc = jaen_buf_add(out, s + run, i - run);
        semi = memchr(s + i, ';', n - i);
        if (rc || !semi || semi - (s + i) > 12)
            return rc ? rc : xerr(x, "bad entity reference");
        if (s[i + 1] == '#') {
            unsigned long cp = 0;
            int hex = s[i + 2] == 'x', digits = 0;
            const char *p;
            for (p = s + i + 2 + hex; p < semi; p++, digits++) {
                int d = (*p >= '0' && *p <= '9') ? *p - '0'
                    : hex && (*p | 32) >= 'a' && (*p | 32) <= 'f'
                    ? (*p | 32) - 'a' + 10 : -1;
                if (d < 0)
                    return xerr(x, "bad character reference");
                cp = cp * (hex ? 16 : 10) + (unsigned long)d;
                if (cp > 0x10FFFF)
                    return xerr(x, "bad character reference");
            }
            if (!digits || !cp || (cp >= 0xD800 && cp <= 0xDFFF))
                return xerr(x, "bad character reference");
            rc = jaen_buf_add_cp(out, (uint32_t)cp);
        } else {
            for (k = 0; k < sizeof(ents) / sizeof(ents[0]); k++)
                if ((size_t)(semi - s - i - 1) == strlen(ents[k].name)
                    && memcmp(s + i + 1, ents[k].name,
                              strlen(ents[k].name)) == 0)
                    break;
            if (k == sizeof(ents) / sizeof(ents[0]))
                return xerr(x, "unknown entity");
            rc = jaen_buf_addc(out, ents[k].c);
        }
        i = (size_t)(semi - s) + 1;
        run = i;
    }
    return rc ? rc : jaen_buf_add(out, s + run, n - run);
}

/* Reads a name at pos; drops a namespace prefix except xml:.  */
static const char *read_name(struct xml *x, size_t *nlen, int keep_xml)
{
    size_t st = x->pos, i;
    const char *n = x->s + st;

    while (x->pos < x->len && is_name(x->s[x->pos]))
        x->pos++;
    *nlen = x->pos - st;
    for (i = 0; i < *nlen; i++)
        if (n[i] == ':' && !(keep_xml && i == 3 && memcmp(n, "xml", 3) == 0)) {
            n += i + 1;
            *nlen -= i + 1;
            break;
        }
    return n;
}

static void skip_spaces(struct xml *x)
{
    while (x->pos < x->len && is_space(x->s[x->pos]))
        skip(x, 1);
}

static int start_tag(struct xml *x)
{
    int rc;

    x->pos++;
    x->name = read_name(x, &x->nlen, 0);
    if (!x->nlen)
        return xerr(x, "bad tag");
    x->nattrs = 0;
    x->empty = 0;
    jaen_buf_reset(&x->vals);
    for (;;) {
        char q;
        const char *v, *e;
        struct attr *a;
        skip_spaces(x);
        if (x->pos >= x->len)
            return xerr(x, "unterminated tag");
        if (x->s[x->pos] == '>') {
            x->pos++;
            break;
        }
        if (x->s[x->pos] == '/' && x->pos + 1 < x->len
            && x->s[x->pos + 1] == '>') {
            x->pos += 2;
            x->empty = 1;
            break;
        }
        a = &x->attrs[x->nattrs < MAX_ATTRS ? x->nattrs : MAX_ATTRS - 1];
        a->name = read_name(x, &a->nlen, 1);
        skip_spaces(x);
        if (!a->nlen || x->pos >= x->len || x->s[x->pos] != '=')
            return xerr(x, "bad attribute");
        x->pos++;
        skip_spaces(x);
        q = x->pos < x->len ? x->s[x->pos] : 0;
        if (q != '"' && q != '\'')
            return xerr(x, "unquoted attribute value");
        v = x->s + x->pos + 1;
        e = memchr(v, q, x->len - x->pos - 1);
        if (!e)
            return xerr(x, "unterminated attribute value");
        a->voff = x->vals.len;
        rc = decode(x, v, (size_t)(e - v), &x->vals);
        if (!rc)
            rc = jaen_buf_addc(&x->vals, '\0');
        if (rc)
            return rc;
        skip(x, (size_t)(e - x->s) + 1 - x->pos);
        if (x->nattrs < MAX_ATTRS)
            x->nattrs++;
    }
    if (!x->empty) {
        if (x->depth == JAEN_TBX_MAX_DEPTH)
            return xerr(x, "elements nested too deep");
        x->stack[x->depth] = x->name;
        x->slen[x->depth++] = x->nlen;
    }
    return X_START;
}

static int end_tag(struct xml *x)
{
    x->pos += 2;
    x->name = read_name(x, &x->nlen, 0);
    skip_spaces(x);
    if (x->pos >= x->len || x->s[x->pos] != '>')
        return xerr(x, "bad end tag");
    x->pos++;
    if (!x->depth || x->slen[x->depth - 1] != x->nlen
        || memcmp(x->stack[x->depth - 1], x->name, x->nlen) != 0)
        return xerr(x, "end tag does not match the open element");
    x->depth--;
    return X_END;
}

/* The next event: X_START, X_END, X_TEXT, X_EOF or a negative status. */
static int next(struct xml *x)
{
    int rc;

    jaen_buf_reset(&x->text);
    for (;;) {
        const char *p = x->s + x->pos, *lt;
        size_t left = x->len - x->pos;
        if (!left)
            return x->depth ? xerr(x, "unexpected end of file") : X_EOF;
        if (*p != '<') {
            lt = memchr(p, '<', left);
            left = lt ? (size_t)(lt - p) : left;
            rc = decode(x, p, left, &x->text);
            skip(x, left);
            if (rc)
                return rc;
            return X_TEXT;
        }
        if (left >= 4 && memcmp(p, "<!--", 4) == 0)
            rc = skip_past(x, "-->", "unterminated comment");
        else if (left >= 9 && memcmp(p, "<![CDATA[", 9) == 0) {
            const char *e;
            skip(x, 9);
            e = NULL;
            for (lt = x->s + x->pos; lt + 3 <= x->s + x->len; lt++)
                if (memcmp(lt, "]]>", 3) == 0) {
                    e = lt;
                    break;
                }
            if (!e)
                return xerr(x, "unterminated CDATA section");
            rc = jaen_buf_add(&x->text, x->s + x->pos,
                              (size_t)(e - x->s) - x->pos);
            skip(x, (size_t)(e - x->s) - x->pos + 3);
            return rc ? rc : X_TEXT;
        } else if (left >= 2 && memcmp(p, "<?", 2) == 0)
            rc = skip_past(x, "?>", "unterminated processing instruction");
        else if (left >= 2 && memcmp(p, "<!", 2) == 0) {
            const char *close = memchr(p, '[', left);
            const char *gt = memchr(p, '>', left);
            if (close && gt && close < gt)
                rc = skip_past(x, "]>", "unterminated DOCTYPE");
            else
                rc = skip_past(x, ">", "unterminated declaration");
        } else if (left >= 2 && p[1] == '/')
            return end_tag(x);
        else
            return start_tag(x);
        if (rc)
            return rc;
    }
}

static const char *attr(const struct xml *x, const char *name)
{
    size_t i, n = strlen(name);

    for (i = 0; i < x->nattrs; i++)
        if (x->attrs[i].nlen == n && memcmp(x->attrs[i].name, name, n) == 0)
            return x->vals.ptr + x->attrs[i].voff;
    return NULL;
}

static int is(const struct xml *x, const char *name)
{
    return x->nlen == strlen(name) && memcmp(x->name, name, x->nlen) == 0;
}

/* What the TBX import is collecting. */
enum cap { CAP_NONE, CAP_TERM, CAP_POS, CAP_CONCEPT, CAP_NOTE };

struct entry {
    int open;               /* inside termEntry / conceptEntry */
    long line;              /* where it started */
    int lang;               /* 0 other, 1 ja, 2 en */
    enum cap cap;           /* text being collected */
    size_t cap_depth;       /* element depth of the collecting element */
    struct jaen_buf cur;    /* collected text */
    struct jaen_buf ja;     /* ja terms, '|'-separated */
    size_t nja;
    struct jaen_buf en, id, pos, concept, note;
};

static void trim_buf(struct jaen_buf *b, const char **s, size_t *n)
{
    *s = b->ptr ? b->ptr : "";
    *n = b->len;
    while (*n && is_space(**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && is_space((*s)[*n - 1]))
        (*n)--;
}

static int set_once(struct jaen_buf *dst, const char *s, size_t n)
{
    if (dst->len)
        return JAEN_OK;
    return jaen_buf_add(dst, s, n);
}

/* The collected text of a closing capture element goes where it belongs. */
static int captured(struct entry *e)
{
    const char *s;
    size_t n;
    int rc = JAEN_OK;

    trim_buf(&e->cur, &s, &n);
    if (e->cap == CAP_TERM && e->lang == 1 && n) {
        if (e->nja++)
            rc = jaen_buf_addc(&e->ja, '|');
        if (!rc)
            rc = jaen_buf_add(&e->ja, s, n);
    } else if (e->cap == CAP_TERM && e->lang == 2) {
        rc = set_once(&e->en, s, n);
    } else if (e->cap == CAP_POS && e->lang == 1) {
        rc = set_once(&e->pos, s, n);
    } else if (e->cap == CAP_CONCEPT) {
        rc = set_once(&e->concept, s, n);
    } else if (e->cap == CAP_NOTE) {
        rc = set_once(&e->note, s, n);
    }
    e->cap = CAP_NONE;
    jaen_buf_reset(&e->cur);
    return rc;
}

static int finish_entry(struct jaen_dictsrc *ds, struct xml *x,
                        struct entry *e)
{
    struct jaen_dict_entry d;
    const char *bar;

    memset(&d, 0, sizeof(d));
    d.line = e->line;
    if (!e->nja || !e->en.len) {
        jaen_err_set(x->err, JAEN_EDATA, "%s:%ld: entry without %s term",
                     x->file, e->line, e->nja ? "an English" : "a Japanese");
        jaen_err_at(x->err, e->line, 0);
        return JAEN_EDATA;
    }
    bar = strchr(e->ja.ptr, '|');
    if (bar)
        *(char *)bar = '\0';
    d.ja = e->ja.ptr;
    d.variants = bar ? bar + 1 : "";
    d.en = e->en.ptr;
    if (e->concept.len)
        d.concept = e->concept.ptr;
    else if (e->id.len && jaen_dict_concept_ok(e->id.ptr))
        d.concept = e->id.ptr;
    d.pos = e->pos.ptr;
    d.note = e->note.ptr;
    return jaen_dictsrc_add(ds, &d, x->err);
}

static void entry_reset(struct entry *e)
{
    jaen_buf_reset(&e->ja);
    jaen_buf_reset(&e->en);
    jaen_buf_reset(&e->id);
    jaen_buf_reset(&e->pos);
    jaen_buf_reset(&e->concept);
    jaen_buf_reset(&e->note);
    e->nja = 0;
    e->lang = 0;
    e->cap = CAP_NONE;
}

static int on_start(struct xml *x, struct entry *e, int *seen_root)
{
    const char *type = attr(x, "type"), *lang;

    if (!*seen_root) {
        if (!is(x, "martif") && !is(x, "tbx"))
            return xerr(x, "not a TBX file (root is not <martif> or <tbx>)");
        *seen_root = 1;
        return JAEN_OK;
    }
    if (is(x, "termEntry") || is(x, "conceptEntry")) {
        const char *id = attr(x, "id");
        if (e->open)
            return xerr(x, "entry inside an entry");
        entry_reset(e);
        e->open = 1;
        e->line = x->line;
        return id ? jaen_buf_adds(&e->id, id) : JAEN_OK;
    }
    if (!e->open || e->cap != CAP_NONE || x->empty)
        return JAEN_OK;
    if (is(x, "langSet") || is(x, "langSec")) {
        lang = attr(x, "xml:lang");
        if (!lang)
            lang = attr(x, "lang");
        e->lang = !lang ? 0 : (lang[0] | 32) == 'j' && (lang[1] | 32) == 'a'
            ? 1 : (lang[0] | 32) == 'e' && (lang[1] | 32) == 'n' ? 2 : 0;
        return JAEN_OK;
    }
    if (is(x, "term"))
        e->cap = CAP_TERM;
    else if (is(x, "termNote") && type && !strcmp(type, "partOfSpeech"))
        e->cap = CAP_POS;
    else if (is(x, "admin") && type && !strcmp(type, "conceptId"))
        e->cap = CAP_CONCEPT;
    else if (is(x, "note"))
        e->cap = CAP_NOTE;
    e->cap_depth = x->depth;
    return JAEN_OK;
}

int jaen_tbx_parse(struct jaen_dictsrc *ds, const char *name,
                   const char *bytes, size_t len, struct jaen_err *err)
{
    struct xml *x = jaen_calloc(1, sizeof(*x));
    struct entry e;
    int rc = JAEN_OK, ev, seen_root = 0;

    if (!x)
        return JAEN_ENOMEM;
    memset(&e, 0, sizeof(e));
    x->s = bytes;
    x->len = len;
    x->line = 1;
    x->file = name;
    x->err = err;
    jaen_buf_init(&x->vals, JAEN_DICT_MAX_SOURCE_BYTES);
    jaen_buf_init(&x->text, JAEN_DICT_MAX_SOURCE_BYTES);
    jaen_buf_init(&e.cur, JAEN_DICT_MAX_SOURCE_BYTES);
    jaen_buf_init(&e.ja, JAEN_DICT_MAX_SOURCE_BYTES);
    jaen_buf_init(&e.en, JAEN_DICT_MAX_SOURCE_BYTES);
    jaen_buf_init(&e.id, JAEN_DICT_MAX_SOURCE_BYTES);
    jaen_buf_init(&e.pos, JAEN_DICT_MAX_SOURCE_BYTES);
    jaen_buf_init(&e.concept, JAEN_DICT_MAX_SOURCE_BYTES);
    jaen_buf_init(&e.note, JAEN_DICT_MAX_SOURCE_BYTES);
    while (!rc) {
        ev = next(x);
        if (ev < 0 || ev == X_EOF) {
            rc = ev < 0 ? ev : JAEN_OK;
            break;
        }
        if (ev == X_START)
            rc = on_start(x, &e, &seen_root);
        else if (ev == X_TEXT && e.cap != CAP_NONE)
            rc = jaen_buf_add(&e.cur, x->text.ptr, x->text.len);
        else if (ev == X_TEXT && !seen_root) {
            size_t i;
            for (i = 0; i < x->text.len; i++)
                if (!is_space(x->text.ptr[i]))
                    rc = xerr(x, "text before the root element");
        } else if (ev == X_END && e.cap != CAP_NONE
                   && x->depth + 1 == e.cap_depth)
            rc = captured(&e);
        else if (ev == X_END && (is(x, "termEntry") || is(x, "conceptEntry"))
                 && e.open) {
            e.open = 0;
            rc = finish_entry(ds, x, &e);
        } else if (ev == X_END && (is(x, "langSet") || is(x, "langSec")))
            e.lang = 0;
    }
    if (!rc && !seen_root)
        rc = xerr(x, "not a TBX file (no root element)");
    jaen_buf_free(&x->vals);
    jaen_buf_free(&x->text);
    jaen_buf_free(&e.cur);
    jaen_buf_free(&e.ja);
    jaen_buf_free(&e.en);
    jaen_buf_free(&e.id);
    jaen_buf_free(&e.pos);
    jaen_buf_free(&e.concept);
    jaen_buf_free(&e.note);
    jaen_free(x);
    return rc;
}

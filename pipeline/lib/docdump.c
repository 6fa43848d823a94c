/* docdump.c: jaen_json_dump, jansson's compact output without jansson.
 *
 * json_dump_callback sets up a hash table of open containers per call (to
 * catch cycles), formats each container's address into it and checks every
 * string code point by code point: about 20,000 instructions for one
 * sentence's "phrase" object in jaen gloss.  The values stages build are
 * objects, arrays, strings, integers and literals, which are written here
 * byte for byte as jansson writes them (JSON_COMPACT, no ASCII or slash
 * escaping).  Anything else (a real, nesting past DUMP_DEPTH, which a cycle
 * reaches, a string that is not UTF-8, a full buffer) rolls the output back
 * and hands the whole value to jansson, so the result is always jansson's. */
#include "doc.h"

#include "utf8.h"

#include <string.h>

#define DUMP_DEPTH 32       /* deeper values go to jansson */

/* Bytes jansson escapes in a string: controls, '"' and '\\' (one load a
 * byte, not three comparisons). */
static const unsigned char escaped[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 80..FF are 0: UTF-8 is written as it is */
};

/* A string as jansson's dump_string writes it: \b \f \n \r \t \" \\ by
 * letter, other controls as upper-case \u00XX, everything else as is.
 * JAEN_EDATA when s is not UTF-8 (jansson refuses it). */
static int dump_string(const char *s, size_t len, struct jaen_buf *out)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, run = 0;
    int rc;

    if (jaen_utf8_valid_prefix(s, len) != len)
        return JAEN_EDATA;
    if ((rc = jaen_buf_addc(out, '"')))
        return rc;
    for (;;) {
        char e[6] = {'\\', 'u', '0', '0', 0, 0};
        size_t elen = 2;
        unsigned char c;

        while (i < len && !escaped[u[i]])
            i++;
        if (i >= len)
            break;
        c = u[i];
        switch (c) {
        case '"': e[1] = '"'; break;
        case '\\': e[1] = '\\'; break;
        case '\b': e[1] = 'b'; break;
        case '\f': e[1] = 'f'; break;
        case '\n': e[1] = 'n'; break;
        case '\r': e[1] = 'r'; break;
        case '\t': e[1] = 't'; break;
        default:
            e[4] = hex[c >> 4];
            e[5] = hex[c & 15];
            elen = 6;
            break;
        }
        if ((rc = jaen_buf_add(out, s + run, i - run))
            || (rc = jaen_buf_add(out, e, elen)))
            return rc;
        run = ++i;
    }
    if ((rc = jaen_buf_add(out, s + run, len - run)))
        return rc;
    return jaen_buf_addc(out, '"');
}

/* Writes v; JAEN_EUSAGE for what is left to jansson. */
static int dump_value(const json_t *v, int depth, struct jaen_buf *out)
{
    size_t i, n;
    void *it;
    int rc;

    if (depth >= DUMP_DEPTH)
        return JAEN_EUSAGE;
    switch (json_typeof(v)) {
    case JSON_NULL:
        return jaen_buf_add(out, "null", 4);
    case JSON_TRUE:
        return jaen_buf_add(out, "true", 4);
    case JSON_FALSE:
        return jaen_buf_add(out, "false", 5);
    case JSON_INTEGER:
        return jaen_buf_add_i64(out, json_integer_value(v));
    case JSON_STRING:
        return dump_string(json_string_value(v), json_string_length(v), out);
    case JSON_ARRAY:
        n = json_array_size(v);
        if ((rc = jaen_buf_addc(out, '[')))
            return rc;
        for (i = 0; i < n; i++) {
            if (i && (rc = jaen_buf_addc(out, ',')))
                return rc;
            if ((rc = dump_value(json_array_get(v, i), depth + 1, out)))
                return rc;
        }
        return jaen_buf_addc(out, ']');
    case JSON_OBJECT:
        if ((rc = jaen_buf_addc(out, '{')))
            return rc;
        /* insertion order, as jansson iterates (no JSON_SORT_KEYS) */
        for (it = json_object_iter((json_t *)v), i = 0; it;
             it = json_object_iter_next((json_t *)v, it), i++) {
            if (i && (rc = jaen_buf_addc(out, ',')))
                return rc;
            if ((rc = dump_string(json_object_iter_key(it),
                                  json_object_iter_key_len(it), out))
                || (rc = jaen_buf_addc(out, ':'))
                || (rc = dump_value(json_object_iter_value(it), depth + 1,
                                    out)))
                return rc;
        }
        return jaen_buf_addc(out, '}');
    default:
        return JAEN_EUSAGE;     /* a real: jansson's number formatting */
    }
}

static int dump_cb(const char *buffer, size_t size, void *data)
{
    return jaen_buf_add(data, buffer, size) ? -1 : 0;
}

int jaen_json_dump(const json_t *value, struct jaen_buf *out)
{
    size_t mark = out->len;

    if (value && dump_value(value, 0, out) == JAEN_OK)
        return JAEN_OK;
    out->len = mark;
    if (out->ptr)
        out->ptr[mark] = '\0';
    if (json_dump_callback(value, dump_cb, out,
                           JSON_COMPACT | JSON_ENCODE_ANY
                           | JSON_REAL_PRECISION(15)))
        return JAEN_ENOMEM;
    return JAEN_OK;
}

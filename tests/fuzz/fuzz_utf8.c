/* fuzz_utf8.c: UTF-8 validation and repair (utf8.h), differential.
 *
 * The reference is the WHATWG Encoding Standard's UTF-8 decoder, written
 * here from the spec independently of utf8.c: one U+FFFD per maximal
 * subpart.  Checks: jaen_utf8_repair gives exactly the reference's code
 * points and repair count, its output is valid, the first bad offset is
 * the valid prefix, valid input comes back unchanged, and jaen_utf8_next,
 * jaen_utf8_count and jaen_utf8_cplen agree with it. */
#include "fuzz_common.h"

#include "alloc.h"

#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

/* WHATWG "UTF-8 decoder" (encoding.spec.whatwg.org §8.1.1), into cps[];
 * returns the count, *errors the number of U+FFFD emitted for errors. */
static size_t whatwg_decode(const uint8_t *s, size_t len, uint32_t *cps,
                            size_t *errors)
{
    uint32_t cp = 0;
    unsigned needed = 0, seen = 0, lower = 0x80, upper = 0xBF;
    size_t i = 0, n = 0;

    *errors = 0;
    while (i <= len) {
        if (i == len) {
            if (needed) {
                cps[n++] = 0xFFFD;
                ++*errors;
            }
            break;
        }
        uint8_t b = s[i];
        if (needed == 0) {
            i++;
            if (b <= 0x7F) {
                cps[n++] = b;
            } else if (b >= 0xC2 && b <= 0xDF) {
                needed = 1;
                cp = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                if (b == 0xE0)
                    lower = 0xA0;
                if (b == 0xED)
                    upper = 0x9F;
                needed = 2;
                cp = b & 0xF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                if (b == 0xF0)
                    lower = 0x90;
                if (b == 0xF4)
                    upper = 0x8F;
                needed = 3;
                cp = b & 0x7;
            } else {
                cps[n++] = 0xFFFD;
                ++*errors;
            }
            continue;
        }
        if (b < lower || b > upper) {
            cp = 0;
            needed = seen = 0;
            lower = 0x80;
            upper = 0xBF;
            cps[n++] = 0xFFFD;      /* b is read again */
            ++*errors;
            continue;
        }
        i++;
        lower = 0x80;
        upper = 0xBF;
        cp = (cp << 6) | (b & 0x3F);
        if (++seen == needed) {
            cps[n++] = cp;
            cp = 0;
            needed = seen = 0;
        }
    }
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    uint32_t *ref = jaen_malloc((size + 1) * sizeof(*ref));
    struct jaen_buf out, enc;
    size_t nref, nerr, fixes = 99, prefix, pos, k, valid;
    long first = -2;
    int rc;

    if (!ref)
        return 0;
    nref = whatwg_decode(data, size, ref, &nerr);
    jaen_buf_init(&out, JAEN_BUF_DEFAULT_CAP);
    jaen_buf_init(&enc, JAEN_BUF_DEFAULT_CAP);
    prefix = jaen_utf8_valid_prefix(s, size);
    CHECK(prefix <= size);
    rc = jaen_utf8_repair(s, size, &out, &fixes, &first);
    CHECK(rc == JAEN_OK || rc == JAEN_ENOMEM);
    if (rc == JAEN_OK) {
        CHECK(fixes == nerr);
        CHECK(jaen_utf8_valid_prefix(out.ptr ? out.ptr : "", out.len)
              == out.len);
        if (nerr == 0) {
            CHECK(prefix == size && first == -1);
            CHECK(out.len == size && (!size || !memcmp(out.ptr, s, size)));
        } else {
            CHECK(prefix < size && first == (long)prefix);
        }
        for (k = 0; k < nref; k++)
            CHECK(jaen_buf_add_cp(&enc, ref[k]) == JAEN_OK);
        CHECK(enc.len == out.len);
        CHECK(!out.len || !memcmp(enc.ptr, out.ptr, out.len));
        CHECK(jaen_utf8_count(out.ptr ? out.ptr : "", out.len) == nref);
    }
    /* jaen_utf8_next steps through the raw bytes like the reference */
    for (pos = 0, k = 0, valid = 0; pos < size; k++) {
        uint32_t cp = 0;
        size_t was = pos;
        int ok = jaen_utf8_next(s, size, &pos, &cp);
        CHECK(pos > was && pos <= size);
        CHECK(k < nref && cp == ref[k]);
        if (ok) {
            CHECK(jaen_utf8_cplen(cp) == pos - was);
            valid++;
        }
    }
    CHECK(k == nref && nref - valid == nerr);
    jaen_buf_free(&out);
    jaen_buf_free(&enc);
    jaen_free(ref);
    return 0;
}

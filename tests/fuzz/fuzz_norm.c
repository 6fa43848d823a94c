/* fuzz_norm.c: the numeral and date parser (num.h, dates.h) and the entity
 * scanner built on them (norm.h), on width-folded text as normalize runs
 * them.
 *
 * The first byte picks the reference date; the rest is the text, repaired
 * to valid UTF-8.  Checks: jaen_num_parse and jaen_when_scan never read or
 * claim past the text, a big value is a decimal string, hits lie inside the
 * text and jaen_when_format fits its buffer; jaen_norm_scan's entities are
 * sorted objects whose spans lie inside the text and whose surface is what
 * the span holds. */
#include "fuzz_common.h"

#include "alloc.h"
#include "dates.h"
#include "fold.h"
#include "norm.h"
#include "num.h"

#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static const char *const refs[] = {
    NULL, "2025-03-11", "2024-02-29", "1989-01-08", "2025-12-31T23:59",
    "0000-00-00", "9999-99-99", "2025-1-1",
};

static void check_when(const struct jaen_when *w)
{
    char buf[24];
    size_t n;

    CHECK(w->month >= 0 && w->month <= 12);
    CHECK(w->day >= 0 && w->day <= 31);
    CHECK(w->hour >= -1 && w->hour <= 24);
    n = jaen_when_format(w, 1, w->hour >= 0, buf);
    CHECK(n < sizeof(buf));
}

static void scan_parsers(const uint32_t *s, size_t n, const char *refdate)
{
    struct jaen_buf big;
    struct jaen_ref ref;
    struct jaen_when ctx, *pctx = NULL;
    size_t i, used, k, skip, nh;

    jaen_buf_init(&big, JAEN_BUF_DEFAULT_CAP);
    jaen_ref_parse(refdate, &ref);
    for (i = 0; i < n; i++) {
        struct jaen_num num;
        struct jaen_when_hit hits[2];
        int rc;

        used = (size_t)-1;
        rc = jaen_num_parse(s, n, i, &used, &num, &big);
        CHECK(rc == JAEN_OK || rc == JAEN_ENOMEM || rc == JAEN_ELIMIT);
        if (rc == JAEN_OK) {
            CHECK(used <= n - i);
            if (used && num.kind == JAEN_NUM_BIG) {
                CHECK(big.len > 0);
                for (k = 0; k < big.len; k++)
                    CHECK((big.ptr[k] >= '0' && big.ptr[k] <= '9')
                          || big.ptr[k] == '.');
            }
        }
        skip = 0;
        nh = jaen_when_scan(s, n, i, &ref, pctx, hits, &skip);
        CHECK(nh <= 2);
        CHECK(skip <= n - i);
        for (k = 0; k < nh; k++) {
            CHECK(hits[k].start >= i && hits[k].start < hits[k].end);
            CHECK(hits[k].end <= n);
            check_when(&hits[k].from);
            if (hits[k].type == JAEN_HIT_RANGE)
                check_when(&hits[k].to);
            if (hits[k].type == JAEN_HIT_DATE && hits[k].from.year) {
                ctx = hits[k].from;
                pctx = &ctx;
            }
        }
    }
    jaen_buf_free(&big);
}

static void check_entities(const char *text, size_t len, json_t *ents)
{
    size_t i, ncp = jaen_utf8_count(text, len);
    json_int_t prev = 0;
    json_t *e;

    CHECK(json_is_array(ents));
    json_array_foreach(ents, i, e) {
        json_int_t st = json_integer_value(json_object_get(e, "start"));
        json_int_t en = json_integer_value(json_object_get(e, "end"));
        const json_t *surf = json_object_get(e, "surface");
        CHECK(json_is_object(e));
        CHECK(json_is_string(json_object_get(e, "type")));
        CHECK(st >= prev && st < en && (size_t)en <= ncp);
        prev = st;
        if (json_is_string(surf)) {
            /* the surface is the original text of the span */
            size_t b = 0, c = 0, sb;
            while (c < (size_t)st) {
                uint32_t cp;
                jaen_utf8_next(text, len, &b, &cp);
                c++;
            }
            sb = b;
            while (c < (size_t)en) {
                uint32_t cp;
                jaen_utf8_next(text, len, &b, &cp);
                c++;
            }
            CHECK(json_string_length(surf) == b - sb);
            CHECK(memcmp(json_string_value(surf), text + sb, b - sb) == 0);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct jaen_buf in;
    struct jaen_err err = {0};
    const char *refdate;
    uint32_t *cps = NULL;
    int64_t *map = NULL;
    json_t *ents = NULL;
    size_t n;
    int rc;

    if (size < 1)
        return 0;
    refdate = refs[data[0] % (sizeof(refs) / sizeof(refs[0]))];
    if (fuzz_repair(data + 1, size - 1, &in)) {
        jaen_buf_free(&in);
        return 0;
    }
    if (jaen_fold_cps(in.ptr, in.len, &cps, &map, &n, &err) == JAEN_OK) {
        /* an exact-size copy: the parsers get n code points, no more */
        uint32_t *exact = jaen_malloc(n ? n * sizeof(*exact) : 1);
        CHECK(cps[n] == 0);
        if (exact) {
            memcpy(exact, cps, n * sizeof(*exact));
            scan_parsers(exact, n, refdate);
            jaen_free(exact);
        }
        jaen_free(cps);
        jaen_free(map);
    }
    rc = jaen_norm_scan(in.ptr, in.len, refdate, &ents, &err);
    CHECK(rc == JAEN_OK || rc == JAEN_ENOMEM || rc == JAEN_ELIMIT);
    if (rc == JAEN_OK)
        check_entities(in.ptr, in.len, ents);
    else
        CHECK(ents == NULL);
    json_decref(ents);
    jaen_buf_free(&in);
    return 0;
}

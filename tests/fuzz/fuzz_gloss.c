/* fuzz_gloss.c: the compiled-glossary loader (gloss.h) and everything that
 * reads a loaded image: entries, exports, the term matcher, phrase lookup
 * and jaen_gloss_doc.
 *
 * jaen_gloss_open checks only the header (magic, version, flags, hash,
 * size, section bounds), so the code that walks the tries and the entry
 * table must stay inside the image whatever the sections hold.  Input: the
 * first byte picks the mode.  Even: the rest is an image as it is.  Odd:
 * the rest is a list of 3-byte patches (16-bit offset, XOR byte) applied to
 * a valid image compiled at start-up, which reaches the section walkers
 * with a header that still checks out. */
#include "fuzz_common.h"

#include "alloc.h"
#include "dictsrc.h"
#include "gloss.h"

#include <string.h>

static const char source[] =
    "ja\ten\tconcept\tvariants\tpos\tnote\n"
    "不正アクセス\tunauthorized access\tincident.unauthorized_access\t"
    "不正ログイン\tnoun\t\n"
    "不正\tfraud\tincident.fraud\t\tnoun\t\n"
    "漏えい\tleak\tincident.leak\t漏洩|流出\tnoun\t\n"
    "個人情報\tpersonal information\tdata.personal_information\t\tnoun\t\n"
    "ﾊﾟｽﾜｰﾄﾞ\tpassword\tdata.password\t\tnoun\tnote & <x>\n"
    "{date}、不正アクセスを確認しました。\tOn {date}, we confirmed "
    "unauthorized access.\tphrase.confirmed_access\t\tphrase\t\n"
    "{quantity}の個人情報が漏えいした可能性があります。\tPersonal "
    "information of {quantity} may have leaked.\tphrase.possible_leak\t\t"
    "phrase\t\n";

static const char text[] = "2025年3月11日、不正アクセスを確認しました。"
                           "個人情報が漏洩した。パスワード";

static char *image;             /* a valid compiled glossary */
static size_t image_len;
static char *record;            /* a JSONL document over text */
static size_t record_len;

static void build_record(void)
{
    struct jaen_buf b;
    size_t ncp = jaen_utf8_count(text, sizeof(text) - 1), i;

    jaen_buf_init(&b, JAEN_BUF_DEFAULT_CAP);
    jaen_buf_adds(&b, "{\"id\":\"fuzz\",\"text\":");
    jaen_json_add_string(&b, text, sizeof(text) - 1);
    jaen_buf_addf(&b, ",\"sentences\":[{\"start\":0,\"end\":%zu,\"tokens\":[",
                  ncp);
    for (i = 0; i < ncp; i++)
        jaen_buf_addf(&b, "%s[%zu,%zu]", i ? "," : "", i, i + 1);
    jaen_buf_adds(&b, "]}],\"entities\":[{\"type\":\"date\",\"start\":0,"
                  "\"end\":10,\"surface\":\"2025年3月11日\","
                  "\"value\":\"2025-03-11\"}]}");
    record = jaen_buf_take(&b, &record_len);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    image = fuzz_glossary(source, sizeof(source) - 1, "fuzz_gloss",
                          &image_len);
    build_record();
    return 0;
}

static void use(struct jaen_gloss *g, const uint8_t *key, size_t klen)
{
    static const char folded[] = "不正アクセスを確認。個人情報が漏洩";
    struct jaen_gloss_span spans[32];
    struct jaen_gloss_hit hits[32];
    struct jaen_gloss_cursor cur;
    struct jaen_dictsrc *ds;
    struct jaen_doc *doc;
    struct jaen_buf out;
    struct jaen_err err = {0};
    size_t i, n = 0, pos = 0, nh;
    uint32_t entry;
    int rc;

    for (i = 0; i < jaen_gloss_count(g) && i < 1000; i++) {
        struct jaen_gloss_entry e;
        if (jaen_gloss_entry(g, i, &e, &err) == JAEN_OK)
            CHECK(e.ja && e.en && e.concept && e.variants && e.pos
                  && e.note);
    }
    (void)jaen_gloss_size(g);
    (void)jaen_gloss_source_hash(g);
    jaen_buf_init(&out, JAEN_BUF_DEFAULT_CAP);
    for (i = JAEN_EXPORT_TSV; i <= JAEN_EXPORT_TBX2; i++) {
        jaen_buf_reset(&out);
        jaen_err_clear(&err);
        rc = jaen_gloss_export(g, (enum jaen_gloss_export)i, &out, &err);
        CHECK(fuzz_status_ok(rc));
    }
    jaen_buf_free(&out);
    if ((ds = jaen_dictsrc_new())) {
        jaen_err_clear(&err);
        rc = jaen_gloss_to_dictsrc(g, ds, &err);
        CHECK(fuzz_status_ok(rc));
        jaen_dictsrc_free(ds);
    }
    /* one token per code point: every boundary is a candidate */
    while (pos < sizeof(folded) - 1 && n < 32) {
        uint32_t cp;
        spans[n].start = pos;
        jaen_utf8_next(folded, sizeof(folded) - 1, &pos, &cp);
        spans[n++].end = pos;
    }
    jaen_gloss_set_matcher(g, JAEN_GLOSS_SCALAR);
    nh = jaen_gloss_match(g, folded, sizeof(folded) - 1, spans, n, hits);
    CHECK(nh <= n);
    for (i = 0; i < nh; i++)
        CHECK(hits[i].first <= hits[i].last && hits[i].last < n);
    if (jaen_gloss_set_matcher(g, JAEN_GLOSS_VECTOR)) {
        /* the vector matcher, even on a corrupt image: the same hits */
        struct jaen_gloss_hit vhits[32];
        CHECK(jaen_gloss_match(g, folded, sizeof(folded) - 1, spans, n,
                               vhits) == nh);
        for (i = 0; i < nh; i++)
            CHECK(vhits[i].first == hits[i].first
                  && vhits[i].last == hits[i].last
                  && vhits[i].entry == hits[i].entry);
    }
    jaen_gloss_phrase(g, (const char *)key, klen, &entry);
    jaen_gloss_phrase_start(&cur);
    for (i = 0; i < klen; i++)
        if (!jaen_gloss_phrase_feed(g, &cur, (const char *)key + i, 1))
            break;
    jaen_gloss_phrase_end(g, &cur, &entry);
    if ((doc = jaen_doc_new())) {
        if (jaen_doc_parse(doc, record, record_len, &err) == JAEN_OK) {
            jaen_err_clear(&err);
            rc = jaen_gloss_doc(g, doc, &err);
            CHECK(fuzz_status_ok(rc));
        }
        jaen_doc_free(doc);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct jaen_gloss *g = NULL;
    struct jaen_err err = {0};
    char *bytes;
    size_t len, i;
    int rc;

    if (size < 1)
        return 0;
    if (data[0] & 1) {
        len = image_len;
        bytes = jaen_malloc(len);
        if (!bytes)
            return 0;
        memcpy(bytes, image, len);
        for (i = 1; i + 3 <= size; i += 3)
            bytes[(data[i] | (size_t)data[i + 1] << 8) % len] ^=
                (char)data[i + 2];
    } else {
        len = size - 1;
        bytes = jaen_malloc(len ? len : 1);
        if (!bytes)
            return 0;
        if (len)
            memcpy(bytes, data + 1, len);
    }
    rc = jaen_gloss_open_take(bytes, len, "fuzz.dict", &g, &err);
    CHECK(fuzz_status_ok(rc));
    if (rc == JAEN_OK) {
        use(g, data + 1, size - 1);
        jaen_gloss_close(g);
    }
    return 0;
}

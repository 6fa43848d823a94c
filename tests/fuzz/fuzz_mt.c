/* fuzz_mt.c: the API-response side of translation (mt.h, protect.h): the
 * three backends' response parsers (DeepL, LibreTranslate, OpenAI-
 * compatible), the error-body reader, the DeepL glossary-id reader, and the
 * restoring of placeholders in an engine's output.
 *
 * The first byte picks the parser and, for the backends, how many texts
 * the request carried (1 to 4); the rest is the response body, raw bytes
 * as a hostile or broken server may send.  Checks: statuses are documented
 * ones, a parse that succeeds gives every text, messages are NUL-
 * terminated inside their buffer, restored text is valid UTF-8. */
#include "fuzz_common.h"

#include "alloc.h"
#include "mt.h"
#include "protect.h"

#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static void backend(const struct jaen_mt_backend *be, size_t n,
                    const char *body, size_t len)
{
    char *out[4] = {NULL, NULL, NULL, NULL};
    const char *msgs[4] = {NULL, NULL, NULL, NULL};
    struct jaen_err err = {0};
    size_t i;
    int rc = be->parse(body, len, n, out, msgs, &err);

    CHECK(fuzz_status_ok(rc));
    if (rc == JAEN_OK)
        for (i = 0; i < n; i++)
            CHECK(out[i] || msgs[i]);
    if (rc == JAEN_EDATA)
        CHECK(err.msg[0] != '\0');
    for (i = 0; i < 4; i++)
        jaen_free(out[i]);
}

static void restore(const char *mt, size_t len, enum jaen_prot_style style)
{
    static const char s[] = "2025年3月11日に個人情報1,000件が漏えい";
    const struct jaen_prot_span spans[] = {
        {0, 10, "March 11, 2025"},
        {11, 15, "personal information"},
        {15, 21, "1,000 records"},
    };
    struct jaen_prot p;
    struct jaen_buf out;
    struct jaen_err err = {0};
    int rc;

    jaen_prot_init(&p);
    jaen_buf_init(&out, JAEN_BUF_DEFAULT_CAP);
    if (jaen_protect(s, sizeof(s) - 1, spans, 3, style, &p, &err)
        == JAEN_OK) {
        rc = jaen_restore(mt, len, &p, style, &out, &err);
        CHECK(fuzz_status_ok(rc));
        if (rc == JAEN_OK && out.len)
            CHECK(jaen_utf8_valid_prefix(out.ptr, out.len) == out.len);
    }
    jaen_buf_free(&out);
    jaen_prot_free(&p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *body = (const char *)data + 1;
    struct jaen_buf fixed;
    struct jaen_err err = {0};
    char msg[64], *id = NULL;
    size_t len = size ? size - 1 : 0, n;
    int rc;

    if (size < 1)
        return 0;
    n = (size_t)(data[0] >> 4) % 4 + 1;
    switch (data[0] % 7) {
    case 0:
        backend(&jaen_mt_deepl, n, body, len);
        break;
    case 1:
        backend(&jaen_mt_libre, n, body, len);
        break;
    case 2:
        backend(&jaen_mt_openai, n, body, len);
        break;
    case 3:
        memset(msg, 'x', sizeof(msg));
        jaen_mt_errmsg(body, len, msg, sizeof(msg));
        CHECK(memchr(msg, '\0', sizeof(msg)) != NULL);
        jaen_mt_clip(body, len, msg, 7);
        CHECK(memchr(msg, '\0', 7) != NULL);
        break;
    case 4:
        rc = jaen_mt_deepl_glossary_id(body, len, &id, &err);
        CHECK(fuzz_status_ok(rc));
        CHECK(rc != JAEN_OK || id != NULL);
        jaen_free(id);
        break;
    default:
        /* an engine's output is UTF-8 once the client has checked it */
        if (fuzz_repair(data + 1, len, &fixed) == 0)
            restore(fixed.ptr, fixed.len, data[0] % 7 == 5 ? JAEN_PROT_XML
                                                            : JAEN_PROT_TOKEN);
        jaen_buf_free(&fixed);
        break;
    }
    return 0;
}

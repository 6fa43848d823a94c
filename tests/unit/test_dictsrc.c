/* test_dictsrc.c: glossary sources: checks with line numbers, formats,
 * overriding, and round trips through every export format. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "dictsrc.h"
#include "gloss.h"

#include "gloss_fixture.h"
#include "glossfmt.h"

#define DICT JAEN_SOURCE_DIR "/tests/dict/"
#define HDR "ja\ten\tconcept\tvariants\tpos\tnote\n"

/* Parses text as one file; returns the status, err filled. */
static int parse(const char *text, enum jaen_dict_format fmt,
                 struct jaen_err *err)
{
    struct jaen_dictsrc *ds = jaen_dictsrc_new();
    int rc;

    jaen_err_clear(err);
    rc = jaen_dictsrc_parse(ds, "t.tsv", text, strlen(text), fmt, 0, err);
    jaen_dictsrc_free(ds);
    return rc;
}

static void bad(const char *text, enum jaen_dict_format fmt, long line,
                const char *needle)
{
    struct jaen_err err;
    char want[64];

    if (parse(text, fmt, &err) != JAEN_EDATA || err.line != line)
        fail_msg("\"%s\": got line %ld \"%s\", want line %ld", text,
                 err.line, err.msg, line);
    snprintf(want, sizeof(want), "t.tsv:%ld: ", line);
    if (strncmp(err.msg, want, strlen(want)) != 0 || !strstr(err.msg, needle))
        fail_msg("message \"%s\": want \"%s...%s\"", err.msg, want, needle);
}

static void test_errors(void **state)
{
    struct jaen_err err;
    (void)state;
    assert_int_equal(parse(HDR "a\tb\tx.y\n", JAEN_DICT_JAEN, &err), 0);
    /* the same source with different targets */
    bad(HDR "漏えい\tleak\tx.leak\n# c\n\n漏えい\tleakage\tx.leak\n",
        JAEN_DICT_JAEN, 5, "already defined at t.tsv:2");
    /* ... also through a variant, and after width folding */
    bad(HDR "漏えい\tleak\tx.leak\t漏洩\nＡＢ\tab\tx.ab\n漏洩\tleakage\tx.y\n",
        JAEN_DICT_JAEN, 4, "already defined");
    bad(HDR "ＡＢ\tab\tx.ab\nAB\tAB\tx.ab\n", JAEN_DICT_JAEN, 3,
        "already defined");
    /* the same meaning twice is merged, not an error */
    assert_int_equal(parse(HDR "ＡＢ\tab\tx.ab\nAB\tab\tx.ab\n",
                           JAEN_DICT_JAEN, &err), 0);
    /* an empty side */
    bad(HDR "a\tb\tx.y\n\tb\tx.z\n", JAEN_DICT_JAEN, 3, "empty Japanese");
    bad(HDR "a\tb\tx.y\nc\t  \tx.z\n", JAEN_DICT_JAEN, 3, "empty English");
    bad("a\tb\n\tx\n", JAEN_DICT_DEEPL_TSV, 2, "empty Japanese");
    /* control characters */
    bad(HDR "a\tb\x01\tx.y\n", JAEN_DICT_JAEN, 2, "control character");
    bad(HDR "a\tb\tx.y\nc\rd\te\tx.z\n", JAEN_DICT_JAEN, 3,
        "control character");
    bad(HDR "a\tb\tx.y\nc\t\xC2\x85\tx.z\n", JAEN_DICT_JAEN, 3,
        "control character");
    /* bad UTF-8: the line of the first bad byte */
    bad(HDR "a\tb\tx.y\n\n\xE3\x81\tb\tx.z\n", JAEN_DICT_JAEN, 4,
        "invalid UTF-8");
    bad("a\tb\nc\t\xFF\n", JAEN_DICT_DEEPL_TSV, 2, "invalid UTF-8");
    /* bad concept ids */
    bad(HDR "a\tb\tX.y\n", JAEN_DICT_JAEN, 2, "bad concept id");
    bad(HDR "a\tb\tnodot\n", JAEN_DICT_JAEN, 2, "bad concept id");
    bad(HDR "a\tb\tx..y\n", JAEN_DICT_JAEN, 2, "bad concept id");
    bad(HDR "a\tb\t\n", JAEN_DICT_JAEN, 2, "bad concept id");
    /* phrases: slots must agree */
    bad(HDR "{date}に確認\tConfirmed.\tphrase.x\n", JAEN_DICT_JAEN, 2,
        "{date} is in the Japanese only");
    bad(HDR "確認\tOn {date}.\tphrase.x\n", JAEN_DICT_JAEN, 2,
        "{date} is in the English only");
    bad(HDR "{date2}と{date}\t{date} {date2}\tphrase.x\n", JAEN_DICT_JAEN,
        2, "out of order");
    bad(HDR "{dat}\t{dat}\tphrase.x\n", JAEN_DICT_JAEN, 2, "unknown slot");
    bad(HDR "{date}確認\tOn {date}.\tphrase.x\t確認\n", JAEN_DICT_JAEN, 2,
        "slot mismatch in a variant");
    bad(HDR "{date}確認\tOn {date}.\tx.y\n", JAEN_DICT_JAEN, 2,
        "slot in a term");
    assert_int_equal(parse(HDR "{date}から{date2}まで\tFrom {date} to "
                           "{date2}.\tphrase.x\n", JAEN_DICT_JAEN, &err), 0);
    /* structure */
    bad("ja\ten\n", JAEN_DICT_JAEN, 1, "missing column");
    bad("ja\ten\tconcept\tcolour\n", JAEN_DICT_JAEN, 1, "unknown column");
    bad(HDR "a\tb\tx.y\t\t\t\textra\n", JAEN_DICT_JAEN, 2, "more fields");
    bad("# only a comment\n", JAEN_DICT_JAEN, 1, "no header");
    bad("a\tb\tc\n", JAEN_DICT_DEEPL_TSV, 1, "two TAB-separated");
    bad(HDR "a\tb\tx.y\ta||c\n", JAEN_DICT_JAEN, 2, "empty variant");
}

static void test_across_files(void **state)
{
    struct jaen_dictsrc *ds = jaen_dictsrc_new();
    struct jaen_err err;
    const char *a = HDR "漏えい\tleak\tx.leak\t漏洩\n";
    const char *b = "漏洩\tdata leak\n";
    (void)state;

    jaen_err_clear(&err);
    assert_int_equal(jaen_dictsrc_parse(ds, "a.tsv", a, strlen(a), 0, 0,
                                        &err), 0);
    assert_int_equal(jaen_dictsrc_parse(ds, "b.tsv", b, strlen(b), 0, 0,
                                        &err), JAEN_EDATA);
    assert_string_equal(err.msg, "b.tsv:1: \"漏洩\" is already defined at "
                        "a.tsv:2 with a different target (\"leak\", "
                        "x.leak)");
    jaen_dictsrc_free(ds);

    /* a later --dict file overrides the whole earlier row */
    ds = jaen_dictsrc_new();
    jaen_err_clear(&err);
    assert_int_equal(jaen_dictsrc_parse(ds, "a.tsv", a, strlen(a), 0, 0,
                                        &err), 0);
    assert_int_equal(jaen_dictsrc_parse(ds, "b.tsv", b, strlen(b), 0,
                                        JAEN_DICTSRC_OVERRIDE, &err), 0);
    assert_int_equal(jaen_dictsrc_count(ds), 2);
    assert_int_equal(jaen_dictsrc_live(ds, 0), 0);
    assert_int_equal(jaen_dictsrc_live(ds, 1), 1);
    assert_string_equal(jaen_dictsrc_get(ds, 1)->concept, "user.1");
    jaen_dictsrc_free(ds);
}

static void test_formats(void **state)
{
    struct jaen_dictsrc *ds = jaen_dictsrc_new();
    struct jaen_err err;
    const struct jaen_dict_entry *e;
    (void)state;

    jaen_err_clear(&err);
    assert_int_equal(jaen_dictsrc_load(ds, DICT "user.csv", 0, 0, &err), 0);
    assert_int_equal(jaen_dictsrc_count(ds), 3);
    e = jaen_dictsrc_get(ds, 0);
    assert_string_equal(e->en, "unauthorized access, by a third party");
    assert_string_equal(jaen_dictsrc_get(ds, 2)->ja, "引用\"符\"");
    assert_int_equal(jaen_dictsrc_load(ds, DICT "user2.tbx", 0, 0, &err), 0);
    e = jaen_dictsrc_get(ds, 3);
    assert_string_equal(e->ja, "フィッシング");
    assert_string_equal(e->variants, "フィッシング詐欺");
    assert_string_equal(e->concept, "incident_type.phishing");
    e = jaen_dictsrc_get(ds, 4);
    assert_string_equal(e->ja, "R&D部門");
    assert_string_equal(e->en, "R&D department");
    assert_string_equal(e->pos, "noun");
    assert_string_equal(e->concept, "user.4");
    assert_int_equal(jaen_dictsrc_load(ds, DICT "user3.tbx", 0, 0, &err), 0);
    e = jaen_dictsrc_get(ds, 6);
    assert_string_equal(e->ja, "総当たり攻撃");
    assert_string_equal(e->variants, "ブルートフォース攻撃");
    assert_string_equal(e->en, "brute-force attack");
    assert_int_equal(jaen_dict_sniff("x.txt", "ja\ten\tconcept\n", 14),
                     JAEN_DICT_JAEN);
    assert_int_equal(jaen_dict_sniff("x.txt", "# c\nja\ten\n", 10),
                     JAEN_DICT_JAEN);
    assert_int_equal(jaen_dict_sniff("x.txt", "a\tb\n", 4),
                     JAEN_DICT_DEEPL_TSV);
    assert_int_equal(jaen_dict_sniff("x", " <martif>", 9), JAEN_DICT_TBX);
    jaen_dictsrc_free(ds);
}

static void test_bad_csv_tbx(void **state)
{
    (void)state;
    bad("a,b\n\"c\nd\",e\n", JAEN_DICT_CSV, 2, "control character");
    bad("a,b\n\"c,d\n", JAEN_DICT_CSV, 2, "unterminated quote");
    bad("a,b\nc,d,e\n", JAEN_DICT_CSV, 2, "two comma-separated");
    bad("<martif><text><body>\n<termEntry>\n</langSet>\n", JAEN_DICT_TBX, 3,
        "end tag does not match");
    bad("<html></html>", JAEN_DICT_TBX, 1, "not a TBX file");
    bad("<tbx><text><body>\n<conceptEntry><langSec xml:lang=\"ja\"><termSec>"
        "<term>a</term></termSec></langSec></conceptEntry>\n</body></text>"
        "</tbx>", JAEN_DICT_TBX, 2, "entry without an English term");
    bad("<tbx>\n\n<x a=\"&bogus;\"/></tbx>", JAEN_DICT_TBX, 3,
        "unknown entity");
    bad("<tbx>\n<x>&#xD800;</x></tbx>", JAEN_DICT_TBX, 2,
        "bad character reference");
    bad("<tbx>\n<x>", JAEN_DICT_TBX, 2, "unexpected end of file");
    bad("<tbx>\n<!-- open", JAEN_DICT_TBX, 2, "unterminated comment");
    bad("<martif>\n<termEntry><langSet xml:lang=\"ja\"><tig><term>a\x01"
        "</term></tig></langSet><langSet xml:lang=\"en\"><tig><term>b</term>"
        "</tig></langSet></termEntry></martif>", JAEN_DICT_TBX, 2,
        "control character");
}

/* Compiles paths (strict), exports in fmt, re-imports the export as a new
 * source, exports again: the two exports must be equal. */
static void round_trip(const char *path, enum jaen_gloss_export fmt,
                       enum jaen_dict_format back, size_t want_entries)
{
    struct jaen_gloss *g1, *g2;
    struct jaen_dictsrc *ds = jaen_dictsrc_new();
    struct jaen_buf out1, out2;
    struct jaen_err err;

    jaen_err_clear(&err);
    jaen_buf_init(&out1, (size_t)1 << 30);
    jaen_buf_init(&out2, (size_t)1 << 30);
    assert_int_equal(jaen_dictsrc_load(ds, path, 0, 0, &err), 0);
    assert_int_equal(gloss_of(ds, "1", &g1, &err), 0);
    assert_int_equal(jaen_gloss_export(g1, fmt, &out1, &err), 0);
    jaen_dictsrc_free(ds);

    ds = jaen_dictsrc_new();
    if (jaen_dictsrc_parse(ds, "export", out1.ptr, out1.len, back, 0, &err))
        fail_msg("re-import: %s", err.msg);
    assert_int_equal(gloss_of(ds, "2", &g2, &err), 0);
    assert_int_equal(jaen_gloss_count(g2), want_entries);
    assert_int_equal(jaen_gloss_export(g2, fmt, &out2, &err), 0);
    assert_string_equal(out1.ptr, out2.ptr);
    jaen_gloss_close(g1);
    jaen_gloss_close(g2);
    jaen_dictsrc_free(ds);
    jaen_buf_free(&out1);
    jaen_buf_free(&out2);
}

static void test_round_trips(void **state)
{
    (void)state;
    /* every entry, every field */
    round_trip(DICT "basic.tsv", JAEN_EXPORT_TSV, JAEN_DICT_JAEN, 12);
    round_trip(DICT "basic.tsv", JAEN_EXPORT_TBX, JAEN_DICT_TBX, 12);
    round_trip(DICT "basic.tsv", JAEN_EXPORT_TBX2, JAEN_DICT_TBX, 12);
    /* terms only, one row per spelling: 9 terms + 2 variants */
    round_trip(DICT "basic.tsv", JAEN_EXPORT_DEEPL_TSV, JAEN_DICT_DEEPL_TSV,
               11);
    round_trip(DICT "basic.tsv", JAEN_EXPORT_CSV, JAEN_DICT_CSV, 11);
    /* from the users' formats */
    round_trip(DICT "user.csv", JAEN_EXPORT_CSV, JAEN_DICT_CSV, 3);
    round_trip(DICT "user.tsv", JAEN_EXPORT_DEEPL_TSV, JAEN_DICT_DEEPL_TSV,
               2);
    round_trip(DICT "user2.tbx", JAEN_EXPORT_TBX2, JAEN_DICT_TBX, 2);
    round_trip(DICT "user3.tbx", JAEN_EXPORT_TBX, JAEN_DICT_TBX, 2);
}

/* A compiled glossary exported as TSV keeps every field of the source. */
static void test_export_fields(void **state)
{
    struct jaen_dictsrc *ds = jaen_dictsrc_new();
    struct jaen_gloss *g;
    struct jaen_buf out;
    (void)state;

    jaen_buf_init(&out, (size_t)1 << 30);
    assert_int_equal(jaen_dictsrc_load(ds, DICT "basic.tsv", 0, 0, NULL), 0);
    assert_int_equal(gloss_of(ds, "b", &g, NULL), 0);
    assert_int_equal(jaen_gloss_export(g, JAEN_EXPORT_TSV, &out, NULL), 0);
    assert_non_null(strstr(out.ptr, "\n漏えい\tleak\tincident_type.leak\t"
                           "漏洩|流出\tnoun\t\n"));
    jaen_buf_reset(&out);
    assert_int_equal(jaen_gloss_export(g, JAEN_EXPORT_TBX, &out, NULL), 0);
    assert_non_null(strstr(out.ptr, "<note>&quot;quotes&quot;, commas &amp; "
                           "&lt;angle&gt;</note>"));
    jaen_buf_reset(&out);
    assert_int_equal(jaen_gloss_export(g, JAEN_EXPORT_DEEPL_TSV, &out, NULL),
                     0);
    assert_non_null(strstr(out.ptr, "流出\tleak\n"));
    assert_null(strstr(out.ptr, "{date}"));
    jaen_gloss_close(g);
    jaen_dictsrc_free(ds);
    jaen_buf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_across_files),
        cmocka_unit_test(test_formats),
        cmocka_unit_test(test_bad_csv_tbx),
        cmocka_unit_test(test_round_trips),
        cmocka_unit_test(test_export_fields),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

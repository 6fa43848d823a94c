/* test_fold.c: width folding and its offset map. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include "alloc.h"
#include "buf.h"
#include "err.h"
#include "fold.h"
#include "utf8.h"

struct fold_case {
    const char *in;
    const char *out;
    const char *map;    /* comma-separated map, or NULL: identity-checked */
};

static const struct fold_case cases[] = {
    /* full-width ASCII and digits */
    {"", "", "0"},
    {"abc", "abc", "0,1,2,3"},
    {"１２３", "123", "0,1,2,3"},
    {"ＡＢＣｘｙｚ", "ABCxyz", NULL},
    {"！＂＃＄％＆＇（）＊＋，－．／", "!\"#$%&'()*+,-./", NULL},
    {"：；＜＝＞？＠［＼］＾＿｀｛｜｝～", ":;<=>?@[\\]^_`{|}~", NULL},
    {"１，２３４名", "1,234名", "0,1,2,3,4,5,6"},
    {"２０２５年３月１１日", "2025年3月11日", NULL},
    {"１．５万", "1.5万", NULL},
    /* kept: ideographic space, wave dash, yen sign, fullwidth parens */
    {"\xE3\x80\x80", "\xE3\x80\x80", "0,1"},
    {"3月11日〜14日", "3月11日〜14日", NULL},
    {"￥1,000", "￥1,000", NULL},
    {"｟｠", "｟｠", NULL},
    {"①②", "①②", NULL},
    {"漢字ひらがなカタカナ", "漢字ひらがなカタカナ", NULL},
    {"™", "™", NULL},
    /* half-width katakana */
    {"ｱｲｳｴｵ", "アイウエオ", "0,1,2,3,4,5"},
    {"ｶﾞ", "ガ", "0,2"},
    {"ｳﾞ", "ヴ", "0,2"},
    {"ﾊﾟ", "パ", "0,2"},
    {"ﾊﾞﾋﾞﾌﾞﾍﾞﾎﾞ", "バビブベボ", "0,2,4,6,8,10"},
    {"ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ", "パピプペポ", NULL},
    {"ｻﾞｼﾞｽﾞｾﾞｿﾞ", "ザジズゼゾ", NULL},
    {"ﾀﾞﾁﾞﾂﾞﾃﾞﾄﾞ", "ダヂヅデド", NULL},
    {"ｶﾞｷﾞｸﾞｹﾞｺﾞ", "ガギグゲゴ", NULL},
    {"ﾜﾞｦﾞ", "ヷヺ", NULL},
    {"ｱﾞ", "ア゛", "0,1,2"},
    {"ﾏﾟ", "マ゜", "0,1,2"},
    {"ﾞ", "゛", "0,1"},
    {"ﾟｶ", "゜カ", "0,1,2"},
    {"ｶﾟ", "カ゜", NULL},
    {"｡｢｣､･ｰ", "。「」、・ー", NULL},
    {"ｧｨｩｪｫｬｭｮｯ", "ァィゥェォャュョッ", NULL},
    {"ﾅﾆﾇﾈﾉﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ", "ナニヌネノマミムメモヤユヨラリルレロワン", NULL},
    {"ｺﾝﾋﾟｭｰﾀｰｳｲﾙｽ", "コンピューターウイルス", NULL},
    {"ﾃﾞｰﾀ1,234件", "データ1,234件", "0,2,3,4,5,6,7,8,9,10"},
    /* spacing and combining marks after full-width kana */
    {"う゛", "ゔ", "0,2"},
    {"ウ゛ィルス", "ヴィルス", "0,2,3,4,5"},
    {"か゛", "が", NULL},
    {"は゜", "ぱ", NULL},
    {"ハ゜", "パ", NULL},
    {"う゛ほﾟ", "ゔぽ", "0,2,4"},
    {"か\xE3\x82\x99", "が", "0,2"},
    {"ホ\xE3\x82\x9A", "ポ", "0,2"},
    {"ゝ゛ヽ゛", "ゞヾ", NULL},
    {"ワ゛ヰ゛ヱ゛ヲ゛", "ヷヸヹヺ", NULL},
    {"あ゛", "あ゛", "0,1,2"},
    {"ア\xE3\x82\x99", "ア\xE3\x82\x99", NULL},
    {"が゛", "が゛", NULL},
    {"゛", "゛", NULL},
    {"a゛", "a゛", NULL},
    {"ﾊﾞ゛", "バ゛", "0,2,3"},
    {"ｶ゛", "ガ", "0,2"},
    {"カﾞ", "ガ", "0,2"},
    {"かﾟ", "か゜", NULL},
    /* Kangxi radicals, compatibility ideographs, enclosed and squared */
    {"⼆⽉⽇", "二月日", "0,1,2,3"},
    {"令和７年⼗⼆⽉", "令和7年十二月", NULL},
    {"㈱", "(株)", "0,0,0,1"},
    {"㈱ABC", "(株)ABC", "0,0,0,1,2,3,4"},
    {"㈲㈹", "(有)(代)", NULL},
    {"㍿", "株式会社", "0,0,0,0,1"},
    {"㍻㍼㍽㍾", "平成昭和大正明治", NULL},
    {"㋿", "令和", NULL},
    {"㌔㍉㌢", "キロミリセンチ", NULL},
    {"㎏㎞", "kgkm", NULL},
    {"㊤㊥㊦", "上中下", NULL},
    {"㉑㊿", "2150", NULL},
    {"\xEF\xA4\x80", "\xE8\xB1\x88", "0,1"},        /* U+F900 → U+8C48 */
    {"\xF0\xAF\xA0\x80", "\xE4\xB8\xBD", "0,1"},    /* U+2F800 → U+4E3D */
    {"\xE2\xBA\x9F", "\xE6\xAF\x8D", NULL},         /* U+2E9F → 母 */
    {"\xE2\xBA\x80", "\xE2\xBA\x80", NULL},         /* U+2E80: no mapping */
    {"㐀", "㐀", NULL},                              /* CJK ext A: kept */
    {"𠮷", "𠮷", "0,1"},
    /* mixed */
    {"ａ㈱ｶﾞ１", "a(株)ガ1", "0,1,1,1,2,4,5"},
    {"漢ｶﾞ字", "漢ガ字", "0,1,3,4"},
};

/* Parses "0,1,2" into v; returns the count. */
static size_t parse_map(const char *s, int64_t *v, size_t cap)
{
    size_t n = 0;
    while (*s && n < cap) {
        int64_t x = 0;
        while (*s >= '0' && *s <= '9')
            x = x * 10 + (*s++ - '0');
        v[n++] = x;
        if (*s == ',')
            s++;
    }
    return n;
}

static void check_case(const struct fold_case *c)
{
    struct jaen_buf out;
    struct jaen_err err;
    int64_t *map = NULL;
    size_t nmap = 0, i;
    int rc;

    jaen_buf_init(&out, 1 << 20);
    jaen_err_clear(&err);
    rc = jaen_fold(c->in, strlen(c->in), &out, &map, &nmap, &err);
    assert_int_equal(rc, JAEN_OK);
    assert_non_null(map);
    assert_string_equal(out.ptr ? out.ptr : "", c->out);
    assert_int_equal(nmap, jaen_utf8_count(c->out, strlen(c->out)));
    assert_int_equal(map[nmap],
                     (int64_t)jaen_utf8_count(c->in, strlen(c->in)));
    if (c->map) {
        int64_t want[64];
        size_t nw = parse_map(c->map, want, 64);
        assert_int_equal(nw, nmap + 1);
        for (i = 0; i < nw; i++)
            assert_int_equal(map[i], want[i]);
    }
    for (i = 0; i < nmap; i++)
        assert_true(map[i] <= map[i + 1]);
    {
        /* jaen_fold_cps gives the same code points and map */
        uint32_t *cps = NULL;
        int64_t *map2 = NULL;
        size_t n2 = 0, pos = 0;
        assert_int_equal(jaen_fold_cps(c->in, strlen(c->in), &cps, &map2,
                                       &n2, NULL), JAEN_OK);
        assert_int_equal(n2, nmap);
        for (i = 0; i < n2; i++) {
            uint32_t cp;
            jaen_utf8_next(out.ptr, out.len, &pos, &cp);
            assert_int_equal(cps[i], cp);
            assert_int_equal(map2[i], map[i]);
        }
        assert_int_equal(cps[n2], 0);
        assert_int_equal(map2[n2], map[nmap]);
        jaen_free(cps);
        jaen_free(map2);
    }
    jaen_free(map);
    jaen_buf_free(&out);
}

static void test_table(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        print_message("case %zu: %s\n", i, cases[i].in);
        check_case(&cases[i]);
    }
}

/* Without a map the output is the same. */
static void test_no_map(void **state)
{
    struct jaen_buf out;
    size_t nmap = 0;
    (void)state;
    jaen_buf_init(&out, 1 << 20);
    assert_int_equal(jaen_fold("ｶﾞ㈱", strlen("ｶﾞ㈱"), &out, NULL, &nmap,
                               NULL), JAEN_OK);
    assert_string_equal(out.ptr, "ガ(株)");
    assert_int_equal(nmap, 4);
    assert_int_equal(jaen_fold("x", 1, &out, NULL, NULL, NULL), JAEN_OK);
    assert_string_equal(out.ptr, "ガ(株)x");     /* appends */
    jaen_buf_free(&out);
}

/* Every full-width ASCII character maps to ASCII, one for one. */
static void test_fullwidth_all(void **state)
{
    uint32_t c, dst[8];
    int used;
    (void)state;
    for (c = 0xFF01; c <= 0xFF5E; c++) {
        assert_int_equal(jaen_fold_cp(c, 0, dst, &used), 1);
        assert_int_equal(used, 1);
        assert_int_equal(dst[0], c - 0xFEE0);
    }
    assert_int_equal(jaen_fold_cp(0xFF5F, 0, dst, &used), 1);
    assert_int_equal(dst[0], 0xFF5F);
    assert_int_equal(jaen_fold_cp(0x3000, 0, dst, &used), 1);
    assert_int_equal(dst[0], 0x3000);
    assert_int_equal(jaen_fold_cp(0x301C, 0, dst, &used), 1);
    assert_int_equal(dst[0], 0x301C);
}

/* The fold agrees with ICU NFKC on every code point of the ranges it
 * claims, and on half-width katakana except for the two marks. */
static void test_agrees_with_nfkc(void **state)
{
    static const uint32_t ranges[][2] = {
        {0x2E80, 0x2FD5}, {0x3200, 0x33FF}, {0xF900, 0xFAFF},
        {0x2F800, 0x2FA1F}, {0xFF61, 0xFF9D},
    };
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&st);
    size_t r, checked = 0;
    (void)state;
    assert_false(U_FAILURE(st));
    for (r = 0; r < sizeof ranges / sizeof ranges[0]; r++) {
        uint32_t c;
        for (c = ranges[r][0]; c <= ranges[r][1]; c++) {
            UChar src[2], res[32];
            int32_t ns = 0, nr, i = 0;
            uint32_t dst[8];
            size_t n, k = 0;
            int used;

            U16_APPEND_UNSAFE(src, ns, c);
            st = U_ZERO_ERROR;
            nr = unorm2_normalize(nfkc, src, ns, res, 32, &st);
            assert_false(U_FAILURE(st));
            n = jaen_fold_cp(c, 0, dst, &used);
            assert_int_equal(used, 1);
            while (i < nr) {
                UChar32 u;
                U16_NEXT(res, i, nr, u);
                assert_true(k < n);
                assert_int_equal(dst[k], (uint32_t)u);
                k++;
            }
            assert_int_equal(k, n);
            checked++;
        }
    }
    assert_true(checked > 1000);
}

/* Invalid UTF-8 does not crash: ill-formed bytes pass through, each
 * maximal subpart counting as one code point. */
static void test_invalid(void **state)
{
    static const char bad[] = "a\xE3\x81" "b\xFF" "１";
    struct jaen_buf out;
    int64_t *map = NULL;
    size_t nmap = 0;
    (void)state;
    jaen_buf_init(&out, 1 << 20);
    assert_int_equal(jaen_fold(bad, sizeof bad - 1, &out, &map, &nmap, NULL),
                     JAEN_OK);
    assert_memory_equal(out.ptr, "a\xE3\x81" "b\xFF" "1", 6);
    assert_int_equal(out.len, 6);
    assert_int_equal(nmap, 5);
    assert_int_equal(map[4], 4);
    assert_int_equal(map[5], 5);
    jaen_free(map);
    jaen_buf_free(&out);
    /* a truncated half-width kana before a truncated mark */
    jaen_buf_init(&out, 1 << 20);
    assert_int_equal(jaen_fold("\xEF\xBD\xB6\xEF\xBE", 5, &out, &map, &nmap,
                               NULL), JAEN_OK);
    assert_int_equal(nmap, 2);
    assert_memory_equal(out.ptr, "カ\xEF\xBE", 5);
    jaen_free(map);
    jaen_buf_free(&out);
}

/* NUL bytes are ordinary code points. */
static void test_nul(void **state)
{
    struct jaen_buf out;
    int64_t *map = NULL;
    size_t nmap = 0;
    (void)state;
    jaen_buf_init(&out, 1 << 20);
    assert_int_equal(jaen_fold("１\0２", 7, &out, &map, &nmap, NULL),
                     JAEN_OK);
    assert_int_equal(out.len, 3);
    assert_memory_equal(out.ptr, "1\0" "2", 3);
    assert_int_equal(nmap, 3);
    jaen_free(map);
    jaen_buf_free(&out);
}

/* Expansions past the input's byte count grow the map (㌗ is 3 bytes, 5
 * code points). */
static void test_expansion_growth(void **state)
{
    struct jaen_buf out, in;
    int64_t *map = NULL;
    size_t nmap = 0, i;
    (void)state;
    jaen_buf_init(&in, 1 << 20);
    for (i = 0; i < 1000; i++)
        assert_int_equal(jaen_buf_adds(&in, "㌗a"), JAEN_OK);
    jaen_buf_init(&out, 1 << 24);
    assert_int_equal(jaen_fold(in.ptr, in.len, &out, &map, &nmap, NULL),
                     JAEN_OK);
    assert_int_equal(nmap, 6000);
    assert_int_equal(map[5], 1);
    assert_int_equal(map[6], 2);
    assert_int_equal(map[5999], 1999);
    assert_int_equal(map[6000], 2000);
    jaen_free(map);
    jaen_buf_free(&out);
    jaen_buf_free(&in);
}

/* Over the output cap: JAEN_ELIMIT, the buffer left as it was. */
static void test_limit(void **state)
{
    struct jaen_buf out;
    struct jaen_err err;
    int64_t *map = (int64_t *)1;
    size_t nmap = 0;
    (void)state;
    jaen_buf_init(&out, 8);
    jaen_err_clear(&err);
    assert_int_equal(jaen_buf_adds(&out, "ok"), JAEN_OK);
    assert_int_equal(jaen_fold("㍿㍿", 6, &out, &map, &nmap, &err),
                     JAEN_ELIMIT);
    assert_int_equal(err.code, JAEN_ELIMIT);
    assert_int_equal(out.len, 2);
    assert_string_equal(out.ptr, "ok");
    assert_true(map == (int64_t *)1);      /* untouched on failure */
    jaen_buf_free(&out);
}

/* Every allocation failure gives JAEN_ENOMEM and no leak. */
static void test_oom(void **state)
{
    long n;
    (void)state;
    for (n = 1; n < 40; n++) {
        struct jaen_buf out;
        int64_t *map = NULL;
        size_t nmap;
        int rc;
        jaen_buf_init(&out, 1 << 20);
        jaen_alloc_fail_at(n);
        rc = jaen_fold("ｶﾞ㌗㌗㌗㌗１２３abc", strlen("ｶﾞ㌗㌗㌗㌗１２３abc"),
                       &out, &map, &nmap, NULL);
        jaen_alloc_fail_at(0);
        if (rc == JAEN_OK) {
            assert_string_equal(out.ptr,
                "ガキロワットキロワットキロワットキロワット123abc");
            jaen_free(map);
            jaen_buf_free(&out);
            break;
        }
        assert_int_equal(rc, JAEN_ENOMEM);
        jaen_buf_free(&out);
    }
    assert_true(n < 40);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_no_map),
        cmocka_unit_test(test_fullwidth_all),
        cmocka_unit_test(test_agrees_with_nfkc),
        cmocka_unit_test(test_invalid),
        cmocka_unit_test(test_nul),
        cmocka_unit_test(test_expansion_growth),
        cmocka_unit_test(test_limit),
        cmocka_unit_test(test_oom),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

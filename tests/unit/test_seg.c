/* test_seg.c: sentences and words, and the coverage invariants. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "seg.h"
#include "utf8.h"

struct result {
    struct jaen_sent *s;
    size_t ns;
    struct jaen_tok *t;
    size_t nt;
};

/* The text of span [a, b) in code points, into buf. */
static const char *span(const char *text, int64_t a, int64_t b, char *buf)
{
    size_t pos = 0, start = 0;
    int64_t cp = 0;
    uint32_t c;

    while (cp < a) {
        jaen_utf8_next(text, strlen(text), &pos, &c);
        cp++;
    }
    start = pos;
    while (cp < b) {
        jaen_utf8_next(text, strlen(text), &pos, &c);
        cp++;
    }
    memcpy(buf, text + start, pos - start);
    buf[pos - start] = '\0';
    return buf;
}

static struct result run(struct jaen_seg *sg, const char *text)
{
    struct result r;
    struct jaen_err err = {0};

    assert_int_equal(jaen_seg_run(sg, text, strlen(text), &r.s, &r.ns, &r.t,
                                  &r.nt, &err), 0);
    return r;
}

static void expect_sentences(struct jaen_seg *sg, const char *text,
                             const char *const *want, size_t n)
{
    struct result r = run(sg, text);
    char buf[1024];
    size_t i;

    if (r.ns != n)
        fail_msg("\"%s\": %zu sentences, expected %zu", text, r.ns, n);
    for (i = 0; i < n; i++)
        assert_string_equal(span(text, r.s[i].start, r.s[i].end, buf),
                            want[i]);
}

static int setup(void **state)
{
    struct jaen_seg *sg;

    assert_int_equal(jaen_seg_open(&sg, NULL), 0);
    *state = sg;
    return 0;
}

static int teardown(void **state)
{
    jaen_seg_close(*state);
    return 0;
}

static void test_sentence_rules(void **state)
{
    static const char *const a[] = {"一文目。", "二文目！", "三文目？"};
    static const char *const b[] = {"「至急、確認します。」と述べた。", "次。"};
    static const char *const c[] = {"見出し", "本文です。"};
    static const char *const d[] = {"1.経緯", "２０２５年。"};
    static const char *const e[] = {"前後に全角空白。"};
    static const char *const f[] = {"『引用。中。』の後。"};

    expect_sentences(*state, "一文目。二文目！三文目？", a, 3);
    expect_sentences(*state, "「至急、確認します。」と述べた。次。", b, 2);
    expect_sentences(*state, "見出し\n本文です。", c, 2);
    expect_sentences(*state, "1.経緯\n２０２５年。", d, 2);
    expect_sentences(*state, "\u3000\u3000前後に全角空白。\u3000 ", e, 1);
    expect_sentences(*state, "『引用。中。』の後。", f, 1);
    expect_sentences(*state, "\u3000 \n\n", NULL, 0);
}

/* A Latin abbreviation's period with Japanese right after it goes on
 * (子会社FCM SDN.BHD.（以下…）が…); an English sentence's does not end a
 * Japanese one either way. */
static void test_abbreviation_goes_on(void **state)
{
    static const char *const a[] = {
        "子会社ABC SDN.BHD.（以下「ABC」）が利用するサーバーです。", "次。"};
    static const char *const b[] = {"米国のSample Inc.が公表しました。"};

    expect_sentences(*state, "子会社ABC SDN.BHD.（以下「ABC」）が利用する"
                     "サーバーです。次。", a, 2);
    expect_sentences(*state, "米国のSample Inc.が公表しました。", b, 1);
}

/* Brackets: an aside goes on to its closing bracket, a definition in
 * brackets does not end the sentence it sits in, an opening bracket
 * starts the next sentence, and a stray one swallows nothing. */
static void test_bracket_rules(void **state)
{
    static const char *const a[] = {
        "システム（以下「本システム」といいます。）に対し、攻撃が続いております。",
        "次です。"};
    static const char *const b[] = {"確認しました。", "（詳細は後述します。）",
                                    "次の文です。"};
    static const char *const c[] = {"確認しました。", "「ご注意ください」とお知らせします。"};
    static const char *const d[] = {"【重要】お知らせ。", "【続報】です。"};
    static const char *const e[] = {"閉じない（注。", "次。", "その次。"};
    static const char *const f[] = {"(a) 一つ。", "二つ（注。補足。）です。"};
    static const char *const g[] = {
        "委託先（以下「本件委託先」といいます。）より、報告を受けました。",
        "（注記です。）", "なお、次です。"};
    static const char *const h[] = {"「対応中。」旨を伝えました。",
                                    "（補足。）", "お客様へ。"};

    expect_sentences(*state, "システム（以下「本システム」といいます。）に対し、"
                     "攻撃が続いております。次です。", a, 2);
    expect_sentences(*state, "確認しました。（詳細は後述します。）次の文です。",
                     b, 3);
    expect_sentences(*state, "確認しました。「ご注意ください」とお知らせします。",
                     c, 2);
    expect_sentences(*state, "【重要】お知らせ。【続報】です。", d, 2);
    expect_sentences(*state, "閉じない（注。次。その次。", e, 3);
    expect_sentences(*state, "(a) 一つ。二つ（注。補足。）です。", f, 2);
    expect_sentences(*state, "委託先（以下「本件委託先」といいます。）より、"
                     "報告を受けました。（注記です。）なお、次です。", g, 3);
    expect_sentences(*state, "「対応中。」旨を伝えました。（補足。）お客様へ。",
                     h, 3);
}

static void test_number_tokens(void **state)
{
    static const char *const nums[] = {"3,800", "３，８００", "1.5",
                                       "4,142", "１．５"};
    size_t i, k;

    for (i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
        char text[64], buf[64];
        struct result r;
        int found = 0;
        snprintf(text, sizeof(text), "合計%s件です。", nums[i]);
        r = run(*state, text);
        for (k = 0; k < r.nt; k++)
            found |= strcmp(span(text, r.t[k].start, r.t[k].end, buf),
                            nums[i]) == 0;
        if (!found)
            fail_msg("%s is not one token", nums[i]);
    }
}

/* Every non-space code point lies in exactly one sentence; tokens lie in
 * their sentence, sorted and disjoint. */
static void check_invariants(const char *text, struct result r)
{
    size_t ncp = jaen_utf8_count(text, strlen(text)), i, k, pos = 0;
    char *cov = calloc(ncp + 1, 1);
    int64_t prev = 0;
    uint32_t c;

    for (i = 0; i < r.ns; i++) {
        int64_t tprev = r.s[i].start, j;
        assert_true(r.s[i].start >= prev && r.s[i].start < r.s[i].end);
        assert_true((size_t)r.s[i].end <= ncp);
        prev = r.s[i].end;
        for (j = r.s[i].start; j < r.s[i].end; j++)
            cov[j]++;
        for (k = 0; k < r.s[i].ntok; k++) {
            const struct jaen_tok *t = &r.t[r.s[i].tok0 + k];
            assert_true(t->start >= tprev && t->end > t->start
                        && t->end <= r.s[i].end);
            tprev = t->end;
        }
    }
    for (i = 0; i < ncp; i++) {
        jaen_utf8_next(text, strlen(text), &pos, &c);
        if (c == ' ' || c == '\n' || c == 0x3000 || c == '\t')
            continue;
        if (cov[i] != 1)
            fail_msg("code point %zu (U+%04X) covered %d times", i, c,
                     cov[i]);
    }
    free(cov);
}

static void test_invariants_mixed(void **state)
{
    const char *texts[] = {
        "弊社サーバーが不正アクセスを受けました。\n\n現在、調査中です。",
        "English sentence. Another one! 日本語も。Mixed text?",
        "絵文字😀と異体字葛\xF3\xA0\x84\x80、結合文字が\xE3\x82\x99あり。",
        "ab\0cd",
        "。。。！！？",
        "「閉じない括弧。ずっと続く。\n次の行。",
        "」先に閉じる。次。",
    };
    size_t i;

    for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
        check_invariants(texts[i], run(*state, texts[i]));
}

static void test_long_line_is_chunked(void **state)
{
    size_t n = 200000, i;
    char *text = malloc(3 * n + 1);
    struct result r;

    for (i = 0; i < n; i++)
        memcpy(text + 3 * i, i % 50 == 49 ? "、" : "あ", 3);
    text[3 * n] = '\0';
    r = run(*state, text);
    assert_true(r.ns >= 3);
    for (i = 0; i < r.ns; i++)
        assert_true(r.s[i].end - r.s[i].start <= 65536);
    check_invariants(text, r);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sentence_rules),
        cmocka_unit_test(test_abbreviation_goes_on),
        cmocka_unit_test(test_bracket_rules),
        cmocka_unit_test(test_number_tokens),
        cmocka_unit_test(test_invariants_mixed),
        cmocka_unit_test(test_long_line_is_chunked),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

/* test_incident_kw.c: the keyword index of the incident rules answers
 * every question exactly as a plain search of the span would, before a
 * list is indexed (first document), after (next documents), for the title
 * span, for sub-ranges, and for keywords too short to index. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "alloc.h"
#include "incident_int.h"

static const char *const texts[] = {
    "不正アクセスにより個人情報が漏えいした可能性があります。",
    "二次被害は確認されておりません。確認されておりません。",
    "委託先において不正アクセスが発生し、委託先のサーバーが停止しました。",
    "ランサムウェアの被害は確認されていませんが、調査中です。",
    "abcABCabc と は、漏えい漏洩流出",
    "",
    "第1報として公表いたしました。",
};

static const char *const l_leak[] = {"漏えい", "漏洩", "流出", NULL};
static const char *const l_neg[] = {"確認されておりません", "確認されて",
                                    "ません", "おりません", NULL};
static const char *const l_at[] = {"において", "委託先", "委託先の", NULL};
static const char *const l_short[] = {"と", "abc", NULL};   /* 1 cp */
static const char *const l_none[] = {"存在しない語", "ZZZ", NULL};
static const char *const l_ascii[] = {"ABC", "bcA", NULL};
static const char *const *const lists[] = {l_leak, l_neg, l_at, l_short,
                                           l_none, l_ascii};
static const char *const words[] = {"不正アクセス", "委託先", "ません",
                                    "と", "abc", "第1報", "公表"};

/* The reference: the first keyword of ks wholly inside s[from..to), the
 * longest at that offset. */
static size_t plain_first(const char *s, size_t from, size_t to,
                          const char *const *ks, size_t *kl)
{
    size_t best = (size_t)-1, p;

    *kl = 0;
    for (; *ks; ks++) {
        p = jaen_ix_find(s + from, to - from, *ks);
        if (p == (size_t)-1)
            continue;
        p += from;
        if (p < best || (p == best && strlen(*ks) > *kl)) {
            best = p;
            *kl = strlen(*ks);
        }
    }
    return best;
}

/* Builds a view of one document: the texts joined, one sentence each,
 * and a title; scans it. */
static void view(struct ix_doc *d, char *buf, size_t cap, const char *title)
{
    size_t i, at = 0, n = sizeof(texts) / sizeof(texts[0]);

    d->s = jaen_calloc(n + 1, sizeof(*d->s));
    assert_non_null(d->s);
    for (i = 0; i < n; i++) {
        size_t l = strlen(texts[i]);
        assert_true(at + l < cap);
        memcpy(buf + at, texts[i], l);
        d->s[i].a = at;
        d->s[i].b = at + l;
        at += l;
    }
    buf[at] = 0;
    d->text = buf;
    d->len = at;
    d->ns = n;
    d->title = title;
    d->title_len = title ? strlen(title) : 0;
    assert_int_equal(jaen_ix_kw_scan(d), JAEN_OK);
}

/* Every query on every span and range agrees with the plain search. */
static void check_all(const struct ix_doc *d)
{
    size_t sp, k, from, to, kl, rkl, len;

    for (sp = 0; sp <= d->ns; sp++) {
        const char *s = sp == d->ns ? d->title : IX_S(d, sp);
        len = sp == d->ns ? d->title_len : IX_L(d, sp);
        if (!s)
            continue;
        for (k = 0; k < sizeof(lists) / sizeof(lists[0]); k++) {
            assert_int_equal(jaen_ix_q_any(d, sp, lists[k]),
                             jaen_ix_any(s, len, lists[k]));
            for (from = 0; from <= len; from++) {
                assert_int_equal(jaen_ix_q_any_from(d, sp, from, lists[k]),
                                 jaen_ix_any(s + from, len - from,
                                             lists[k]));
                for (to = from; to <= len; to += 7) {
                    size_t p = jaen_ix_q_first(d, sp, from, to, lists[k],
                                               &kl);
                    assert_int_equal(p, plain_first(s, from, to, lists[k],
                                                    &rkl));
                    if (p != (size_t)-1)
                        assert_int_equal(kl, rkl);
                }
            }
        }
        for (k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
            assert_int_equal(jaen_ix_q_has(d, sp, words[k]),
                             jaen_ix_has(s, len, words[k]));
            for (from = 0; from <= len; from++) {
                size_t p = jaen_ix_find(s + from, len - from, words[k]);
                assert_int_equal(jaen_ix_q_find(d, sp, from, words[k]),
                                 p == (size_t)-1 ? p : p + from);
            }
        }
    }
}

static void test_index_equals_search(void **state)
{
    struct ix_doc d;
    char buf[1024];
    int round;

    (void)state;
    memset(&d, 0, sizeof(d));
    assert_int_equal(jaen_ix_kw_open(&d.kw), JAEN_OK);
    /* round 0 registers the lists (answered by plain search), round 1
     * answers from the index, round 2 with no title */
    for (round = 0; round < 3; round++) {
        view(&d, buf, sizeof(buf), round < 2 ? "漏えいに関するお知らせ（第1報）"
                                             : NULL);
        check_all(&d);
        jaen_free(d.s);
        d.s = NULL;
    }
    jaen_free(d.bits);
    jaen_free(d.hits);
    jaen_ix_kw_close(d.kw);
    jaen_ix_kw_close(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_index_equals_search),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

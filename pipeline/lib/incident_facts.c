/* incident_facts.c: detection date, secondary damage and cause.
 *
 * The detection date is the earliest full date followed, in its clause, by
 * a verb of noticing (検知, 判明, 発覚, 確認, 気づ…) or of being told.  The
 * cause is the first sentence that states one.  The measures are in
 * incident_resp.c. */
#include "incident_int.h"

#include <string.h>

#define NONE_OF(d, i, list) (!ANY_OF(d, i, list))
#define ANY_OF(d, i, list) (jaen_ix_q_any(d, i, list))
#define HAS(d, i, k) (jaen_ix_q_has(d, i, k))

/* --- detected ---------------------------------------------------------- */

static const char *const noticed[] = {
    "検知", "判明", "発覚", "確認", "気づ", "気付", "認識", "把握", "覚知",
    "連絡を受け", "報告を受け", "通報を受け", "指摘を受け", "通知を受け",
    "ご連絡をいただ", "ご指摘", "連絡があり", "報告があり", "指摘があり",
    "通報があり", "問い合わせがあり", "お問い合わせをいただ", "申告",
    "発見", "見つか", "異常を", "不審な", "相談があり", "ご相談があり",
    NULL,
};

/* After the date, words that make it something else than a detection. */
static const char *const not_detection[] = {
    "公表", "お知らせいたしました", "お知らせしました", "ご報告いたしました",
    "報告いたしました", "報告しました", "届出", "届け出", "個人情報保護委員会",
    "警察", "第1報", "第一報", "第２報", "第2報", "掲載", "発表", "公開いたし",
    "確認されておりません", "確認されていません", "確認できておりません",
    "形跡", "痕跡", "侵入した", "侵入され", "ログ解析", "ログを", NULL,
};

/* Clause end after a date: the verb must come before the next 。 outside
 * quotes, or before the next date outside quotes (a date quoted in a
 * report, 「５月２４日に…」との報告, belongs to the quote). */
static size_t clause_end(const struct ix_doc *d, size_t a, size_t z,
                         size_t next_date)
{
    size_t p = a;
    int depth = 0;

    while (p < z) {
        const char *c = d->text + p;
        if (z - p >= 3 && memcmp(c, "「", 3) == 0)
            depth++;
        else if (z - p >= 3 && memcmp(c, "」", 3) == 0 && depth > 0)
            depth--;
        else if (z - p >= 3 && memcmp(c, "」", 3) == 0)
            return p - a;       /* the date was inside a quote */
        else if (depth == 0 && z - p >= 3 && memcmp(c, "。", 3) == 0)
            return p - a;
        else if (depth == 0 && p == next_date)
            return p - a;
        p++;
    }
    return z - a;
}

/* Offset of the first keyword of ks in bytes [a, a + len) of the text,
 * inside sentence si, counted from a; or len when there is none. */
static size_t first_in(const struct ix_doc *d, size_t si, size_t a,
                       size_t len, const char *const *ks)
{
    size_t kl, from = a - d->s[si].a;
    size_t p = jaen_ix_q_first(d, si, from, from + len, ks, &kl);

    return p == (size_t)-1 ? len : p - from;
}

int jaen_ix_detected(const struct ix_doc *d, char out[11])
{
    size_t i, n = d->entities ? json_array_size(d->entities) : 0, si;
    int found = 0;

    for (i = 0; i < n; i++) {
        const json_t *e = json_array_get(d->entities, i);
        const char *type = json_string_value(json_object_get(e, "type"));
        const char *v;
        int64_t end;
        size_t a, z, cl, nd;

        if (!type)
            continue;
        if (strcmp(type, "date") == 0)
            v = json_string_value(json_object_get(e, "value"));
        else if (strcmp(type, "date_range") == 0
                 && !json_object_get(e, "to"))
            v = json_string_value(json_object_get(e, "from"));
        else
            continue;       /* a period is not the moment of noticing */
        if (!v || strlen(v) < 10 || v[4] != '-' || v[7] != '-')
            continue;
        end = json_integer_value(json_object_get(e, "end"));
        si = jaen_ix_sent_at(d, end > 0 ? end - 1 : 0);
        if (si >= d->ns || d->s[si].sec == SEC_RESPONSE
            || d->s[si].sec == SEC_CONTACT || end > d->s[si].end)
            continue;
        if (d->published && memcmp(v, d->published, 10) > 0)
            continue;
        a = d->cpb[end];
        z = d->s[si].b;
        if (a > z)
            continue;
        /* the clause after the date, up to 。 or the next date */
        nd = (size_t)-1;
        if (i + 1 < n) {
            int64_t ns = json_integer_value(
                json_object_get(json_array_get(d->entities, i + 1), "start"));
            const char *nt = json_string_value(json_object_get(
                json_array_get(d->entities, i + 1), "type"));
            if (nt && strncmp(nt, "date", 4) == 0 && ns >= end
                && (size_t)ns <= d->ncp)
                nd = d->cpb[ns];
        }
        cl = clause_end(d, a, z, nd);
        if (cl >= 6 && (memcmp(d->text + a, "現在", 6) == 0
                        || memcmp(d->text + a, "時点", 6) == 0))
            continue;       /* 12月10日現在: "as of" */
        if (a < d->s[si].a
            || first_in(d, si, a, cl, noticed)
                   >= first_in(d, si, a, cl, not_detection))
            continue;
        if (!found || memcmp(v, out, 10) < 0) {
            memcpy(out, v, 10);
            out[10] = 0;
            found = 1;
        }
    }
    return found;
}

/* --- secondary damage -------------------------------------------------- */

const char *jaen_ix_secondary(const struct ix_doc *d)
{
    static const char *const damage[] = {
        "二次被害", "二次的な被害", "不正利用", "悪用", "不正使用",
        "被害の発生", "被害は", "被害が", "被害につきましては", "被害の連絡",
        "被害のご連絡", "被害の報告", "不正に使われ", "不正に使用", NULL,
    };
    static const char *const none[] = {
        "確認されておりません", "確認されていません", "確認されておらず",
        "確認されませんでした", "確認しておりません", "確認できておりません",
        "ございません", "ありません", "報告はありません", "報告はございません",
        "報告されておりません", "発生しておりません", "至っておりません",
        "認められておりません", "把握しておりません", "見受けられません",
        "受けておりません", NULL,
    };
    static const char *const happened[] = {
        "二次被害が発生", "二次被害を確認", "二次被害が確認", "被害が発生して",
        "不正利用が確認", "不正利用を確認", "不正利用された", "送信されて",
        "送付されて", "届いて", NULL,
    };
    size_t i;
    const char *res = NULL;

    for (i = 0; i < d->ns; i++) {
        const json_t *ph = d->s[i].extra
                               ? json_object_get(d->s[i].extra, "phrase")
                               : NULL;
        const char *c = json_string_value(json_object_get(ph, "concept"));
        if (c && (strcmp(c, "phrase.no_secondary_damage") == 0
                  || strcmp(c, "phrase.no_misuse_reported") == 0))
            return "none_confirmed";
        if (d->s[i].sec == SEC_CONTACT || d->s[i].heading)
            continue;
        if (!ANY_OF(d, i, damage) || HAS(d, i, "可能性")
            || HAS(d, i, "おそれ"))
            continue;
        if (ANY_OF(d, i, none))
            return "none_confirmed";
        if (d->s[i].sec == SEC_SECONDARY && ANY_OF(d, i, happened))
            res = "confirmed";
        else if (HAS(d, i, "二次被害") && ANY_OF(d, i, happened))
            res = "confirmed";
    }
    return res;
}

/* --- cause ------------------------------------------------------------- */

size_t jaen_ix_cause(const struct ix_doc *d)
{
    static const char *const states[] = {
        "脆弱性", "原因は", "原因となり", "原因と", "起因", "要因",
        "悪用され", "を突いた", "ことによる", "ことにより", "ため、",
        "によるもの", "窃取された認証情報", "認証情報を", "パスワードを",
        "総当たり", "ブルートフォース", "推測", "設定の不備", "設定ミス",
        "設定不備", "不備", "誤って", "インストールした", "アクセスしたこと",
        "クリック", "開封", "持ち出した", "保存した", "侵入経路",
        "VPN", "リモートデスクトップ", "RDP", "ないまま", "得ずに", "怠",
        "守られ", "規程", "手順", NULL,
    };
    static const char *const open[] = {
        "調査中", "調査しております", "調査を進め", "特定に", "特定中",
        "究明中", "特定できておりません", "特定には至って", "判明しておりません",
        "確認中", "調査を行って", "引き続き", "詳細は", "現在、", "現在は",
        "調べて", NULL,
    };
    static const char *const restated[] = {
        "ランサムウェアによる", "ランサムウェア攻撃による",
        "サイバー攻撃による", "不正アクセスによる", NULL,
    };
    size_t i;

    for (i = 0; i < d->ns; i++) {
        int in_cause = d->s[i].sec == SEC_CAUSE;
        if (d->s[i].heading || d->s[i].sec == SEC_CONTACT
            || d->s[i].sec == SEC_RESPONSE)
            continue;
        if (!in_cause && !HAS(d, i, "原因") && !HAS(d, i, "脆弱性")
            && !HAS(d, i, "起因") && !HAS(d, i, "要因")
            && !HAS(d, i, "侵入経路"))
            continue;
        if (!ANY_OF(d, i, states) || ANY_OF(d, i, open))
            continue;
        if (ANY_OF(d, i, restated) && !HAS(d, i, "脆弱性")
            && !HAS(d, i, "VPN"))
            continue;
        if (HAS(d, i, "原因の") || HAS(d, i, "原因究明")
            || HAS(d, i, "原因を調査") || HAS(d, i, "原因等"))
            continue;
        return i;
    }
    return (size_t)-1;
}

/* incident_count.c: the counts and the data items of the impact.
 *
 * Counts are normalize's quantities whose counter names people, records,
 * companies, devices or accounts, in a sentence about affected data or
 * people; a figure given twice (lead and details) is kept once.  Data items
 * are the glossary's data_item.* terms in sentences that say the data was,
 * or may have been, exposed, and in the lists such sentences introduce. */
#include "incident_int.h"

#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NONE_OF(d, i, list) (!ANY_OF(d, i, list))
#define ANY_OF(d, i, list) (jaen_ix_q_any(d, i, list))
#define HAS(d, i, k) (jaen_ix_q_has(d, i, k))

static const char *const items[] = {
    "name", "address", "postal_code", "phone", "email", "birth_date", "age",
    "gender", "company_name", "job_title", "department", "login_id",
    "password", "credit_card_number", "card_expiry", "security_code",
    "card_holder_name", "bank_account", "purchase_history", "order_info",
    "shareholding", "employee_id", "my_number", "health_info", "id_document",
    "photo", "ip_address", "other", NULL,
};

/* Counter → schema unit. */
static const char *unit_of(const char *u)
{
    static const char *const map[][2] = {
        {"件", "record"}, {"名", "person"}, {"人", "person"},
        {"名分", "person"}, {"人分", "person"}, {"名様", "person"},
        {"社", "company"}, {"台", "device"}, {"アカウント", "other"},
        {"通", "other"}, {"枚", "other"}, {"口座", "other"},
        {"アドレス", "other"}, {"ID", "other"}, {"団体", "other"},
        {"店舗", "other"}, {"校", "other"}, {"世帯", "other"},
        {"点", "item"}, {"個", "item"}, {"円", "yen"},
    };
    size_t k;

    for (k = 0; k < sizeof(map) / sizeof(map[0]); k++)
        if (strcmp(u, map[k][0]) == 0)
            return map[k][1];
    return NULL;
}

/* A sentence that speaks of affected people or data. */
static const char *const affected[] = {
    "情報", "個人", "お客", "顧客", "会員", "利用者", "患者", "従業員",
    "職員", "社員", "生徒", "学生", "児童", "住民", "市民", "対象", "漏えい",
    "漏洩", "流出", "影響", "被害", "可能性", "おそれ", "件数", "人数",
    "名分", "アカウント", "メール", "カード", "取引先", "含まれ", "宛先",
    "受信者", "登録", "データ", "名簿", "受験者", "応募者", "保護者",
    "組合員", "加入者", "契約者", "ユーザー", "の方", "様", "送信", "送付",
    "閲覧", "窃取", NULL,
};
static const char *const not_affected[] = {
    "コールセンター", "オペレーター", "回線", "連名",
    "共同", "体制", "専門家", "人員", "増員", "配置", "のべ", "延べ",
    "開催", "参加", "出席", "受講", "設置", NULL,
};

/* A figure in a sentence about a help desk (窓口) counts staff or lines,
 * unless the desk's people are the data subjects (「窓口担当者の氏名」). */
static int help_desk(const struct ix_doc *d, size_t si)
{
    return HAS(d, si, "窓口") && !HAS(d, si, "窓口担当");
}

/* Does 約 or およそ stand just before code point start, across the spaces
 * PDF text puts there (「約 53,600 件」, which normalize reads as exact)? */
static int approx_before(const struct ix_doc *d, size_t si, int64_t start)
{
    size_t a = d->s[si].a, z = d->cpb[start];

    while (z > a && (d->text[z - 1] == ' '
                     || (z - a >= 3 && !memcmp(d->text + z - 3, "　", 3))))
        z -= d->text[z - 1] == ' ' ? 1 : 3;
    return (z - a >= 3 && !memcmp(d->text + z - 3, "約", 3))
           || (z - a >= 9 && !memcmp(d->text + z - 9, "およそ", 9));
}

/* Is the figure at [start, end) the number of duplicates removed
 * (「重複していた方が3名」「重複：1名」), not of people affected? */
static int duplicates_figure(const struct ix_doc *d, size_t si,
                             int64_t start)
{
    size_t a = d->s[si].a, z = d->cpb[start];
    size_t from = z > a + 30 ? z - 30 : a;
    size_t at = jaen_ix_find(d->text + from, z - from, "重複");

    /* 「重複を除く978件」 is the figure after removing them */
    return at != (size_t)-1
           && !jaen_ix_has(d->text + from + at, z - from - at, "除");
}

/* Is the sentence nothing but the figure [start, end) (「 91名分 」 under
 * a 件数 line), which the view may take for a numbered heading? */
static int figure_only(const struct ix_doc *d, size_t si, int64_t start,
                       int64_t end)
{
    return (end - start) + 2 >= d->s[si].end - d->s[si].start;
}

/* Is the text just before code point cp 名寄せ前 or a correction
 * (「171名とお伝えしておりましたが」)? */
static int dedup_figure(const struct ix_doc *d, size_t si, int64_t start,
                        int64_t end)
{
    size_t a = d->s[si].a, z = d->cpb[start], e = d->cpb[end];
    size_t from = z > a + 24 ? z - 24 : a;

    if (jaen_ix_has(d->text + from, z - from, "名寄せ前"))
        return 1;
    return jaen_ix_has(d->text + e, d->s[si].b - e > 40 ? 40 : d->s[si].b - e,
                       "とお伝えしておりました")
           || jaen_ix_has(d->text + e,
                          d->s[si].b - e > 40 ? 40 : d->s[si].b - e,
                          "と公表しておりました");
}

static int is_delim(const char *s, size_t len)
{
    static const char *const delims[] = {"、", "。", "，", ",", "：", ":",
                                         "（", "(", "）", ")", "「", "」",
                                         " ", "　", "・", "※", "\n", NULL};
    const char *const *k;

    for (k = delims; *k; k++)
        if (strlen(*k) <= len && memcmp(s, *k, strlen(*k)) == 0)
            return (int)strlen(*k);
    return 0;
}

/* Is the code point at s a digit (ASCII or full-width)? */
static int is_digit_at(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;

    if (*u >= '0' && *u <= '9')
        return 1;
    if (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99)
        return 1;
    return 0;
}

/* Drops particles and prefixes at the edges of a subject span. */
static void subject_trim(const struct ix_doc *d, int64_t *a, int64_t *z)
{
    static const char *const tail[] = {"は", "が", "計", "合計", "総数",
                                       "約", "最大", "最大で", "の", "うち",
                                       "で", "に", "を", "延べ", NULL};
    const char *const *k;
    int again = 1;

    while (again && *z > *a) {
        again = 0;
        for (k = tail; *k; k++) {
            size_t kl = strlen(*k), bz = d->cpb[*z], ba = d->cpb[*a];
            if (bz - ba > kl && memcmp(d->text + bz - kl, *k, kl) == 0) {
                *z -= (int64_t)jaen_utf8_count(*k, kl);
                again = 1;
                break;
            }
        }
    }
}

static void subject_span(const struct ix_doc *d, size_t si, int64_t start,
                         int64_t end, int64_t *sa, int64_t *sz)
{
    int64_t a = start, lim = d->s[si].start, z;

    while (a > lim && (d->text[d->cpb[a - 1]] == ' '
                       || d->text[d->cpb[a - 1]] == ':'
                       || memcmp(d->text + d->cpb[a - 1], "　", 3) == 0
                       || memcmp(d->text + d->cpb[a - 1], "：", 3) == 0))
        a--;
    start = a;
    while (a > lim && a > start - 30
           && !is_delim(d->text + d->cpb[a - 1], d->cpb[a] - d->cpb[a - 1])
           && !is_digit_at(d->text + d->cpb[a - 1]))
        a--;
    z = start;
    subject_trim(d, &a, &z);
    if (z > a) {
        *sa = a;
        *sz = z;
        return;
    }
    /* 「12,345名の個人情報」: the noun after the count */
    a = end;
    lim = d->s[si].end;
    if (a < lim && memcmp(d->text + d->cpb[a], "の", 3) == 0)
        a++;
    else if (a + 1 < lim && memcmp(d->text + d->cpb[a], "分の", 6) == 0)
        a += 2;
    else {
        *sa = *sz = start;
        return;
    }
    z = a;
    while (z < lim && z < a + 30
           && !is_delim(d->text + d->cpb[z], d->cpb[z + 1] - d->cpb[z])) {
        const char *p = d->text + d->cpb[z];
        if (!memcmp(p, "が", 3) || !memcmp(p, "を", 3) || !memcmp(p, "は", 3)
            || !memcmp(p, "に", 3) || !memcmp(p, "で", 3)
            || !memcmp(p, "と", 3))
            break;
        z++;
    }
    *sa = a;
    *sz = z;
}

/* PDF text spaces a figure from its counter (「約 337 万件」), and normalize
 * then sees a bare number: the counter after number entity e (through
 * spaces and a 万/千/億 multiplier), with *value set to the figure, or NULL.
 * A number already joined to its counter is a quantity, never seen here. */
static const char *spaced_counter(const struct ix_doc *d, const json_t *e,
                                  json_int_t *value)
{
    static const char *const counters[] = {"件", "名", "人", "社", "台", "円",
                                           NULL};
    static const char *const mults[][2] = {
        {"万", "10000"}, {"千", "1000"}, {"億", "100000000"},
    };
    const json_t *v = json_object_get(e, "value");
    int64_t end = json_integer_value(json_object_get(e, "end"));
    size_t p, k, spaces = 0;
    json_int_t mult = 1;

    if (!json_is_integer(v) || end <= 0 || end > (int64_t)d->ncp)
        return NULL;
    for (p = d->cpb[end]; p < d->len; spaces++)
        if (d->text[p] == ' ')
            p++;
        else if (d->len - p >= 3 && !memcmp(d->text + p, "　", 3))
            p += 3;
        else
            break;
    for (k = 0; k < sizeof(mults) / sizeof(mults[0]); k++)
        if (d->len - p >= 3 && !memcmp(d->text + p, mults[k][0], 3)) {
            mult = (json_int_t)strtoll(mults[k][1], NULL, 10);
            p += 3;
            break;
        }
    if (!spaces || mult == 1 || json_integer_value(v) > INT64_MAX / mult)
        return NULL;
    for (k = 0; counters[k]; k++)
        if (d->len - p >= 3 && !memcmp(d->text + p, counters[k], 3)) {
            *value = json_integer_value(v) * mult;
            return counters[k];
        }
    return NULL;
}

/* Is entity e a bare multiplier (「千円」 cut from 「90,000 千円」)? */
static int bare_multiplier(const json_t *e)
{
    const char *s = json_string_value(json_object_get(e, "surface"));

    return s && (!strncmp(s, "千", 3) || !strncmp(s, "万", 3)
                 || !strncmp(s, "億", 3));
}

static int same_count(const json_t *a, const char *unit, const json_t *v)
{
    return json_equal(json_object_get(a, "value"), v)
           && strcmp(json_string_value(json_object_get(a, "unit")), unit)
                  == 0;
}

/* Appends the count of value v (borrowed) and unit, told by entity e at
 * [start, end) of sentence si, unless it repeats one already listed (then
 * its before_dedup, bd, completes that one).  JAEN_OK or JAEN_ENOMEM. */
static int add_count(struct ix_doc *d, jaen_ix_subject_fn subject,
                     json_t *counts, const json_t *e, size_t si,
                     int64_t start, int64_t end, const char *unit,
                     const json_t *v, const json_t *bd)
{
    const json_t *q = json_object_get(e, "qualifier");
    int64_t sa, sz;
    size_t k;
    json_t *c;
    int dup = 0;

    if (!json_is_integer(v) && !json_is_null(v))
        return JAEN_OK;     /* fractions and big decimal strings */
    if (json_is_integer(v) && json_integer_value(v) <= 0)
        return JAEN_OK;
    for (k = 0; k < json_array_size(counts); k++) {
        json_t *o = json_array_get(counts, k);
        if (json_is_integer(v) && same_count(o, unit, v)) {
            if (json_is_integer(bd)
                && json_is_null(json_object_get(o, "before_dedup")))
                json_object_set(o, "before_dedup", (json_t *)bd);
            dup = 1;
        }
    }
    if (dup)
        return JAEN_OK;
    subject_span(d, si, start, end, &sa, &sz);
    c = json_pack("{s:O,s:b,s:O,s:s,s:O,s:o}", "value", v, "approx",
                  json_is_true(json_object_get(e, "approx"))
                      || approx_before(d, si, start),
                  "qualifier", q ? q : json_null(), "unit", unit,
                  "before_dedup", json_is_integer(bd) ? bd : json_null(),
                  "subject", subject(d, sa, sz));
    if (!c || json_array_append_new(counts, c))
        return JAEN_ENOMEM;
    return JAEN_OK;
}

int jaen_ix_counts(struct ix_doc *d, jaen_ix_subject_fn subject,
                   json_t *counts)
{
    size_t i, n = d->entities ? json_array_size(d->entities) : 0, si;
    const json_t *corrected = NULL;     /* a figure since corrected */
    size_t corrected_si = 0;            /* its sentence */

    for (i = 0; i < n; i++) {
        const json_t *e = json_array_get(d->entities, i);
        const char *type = json_string_value(json_object_get(e, "type"));
        const char *u = json_string_value(json_object_get(e, "unit"));
        const char *unit;
        const json_t *bd;
        int64_t start, end;
        json_int_t spaced = 0;
        json_t *own;
        int rc;

        if (type && strcmp(type, "number") == 0)
            u = spaced_counter(d, e, &spaced);
        else if (!type || (strcmp(type, "quantity") && strcmp(type, "money"))
                 || bare_multiplier(e))
            continue;
        unit = u ? unit_of(u) : NULL;
        if (!unit)
            continue;
        start = json_integer_value(json_object_get(e, "start"));
        end = json_integer_value(json_object_get(e, "end"));
        si = jaen_ix_sent_at(d, start);
        if (si >= d->ns || d->s[si].sec == SEC_CONTACT
            || (d->s[si].heading && !figure_only(d, si, start, end))
            || (d->s[si].sec == SEC_RESPONSE && !HAS(d, si, "対象")))
            continue;
        if (dedup_figure(d, si, start, end)) {
            corrected = json_object_get(e, "value");    /* 171名と…が */
            corrected_si = si;
            continue;
        }
        if ((d->s[si].sec != SEC_DATA && !ANY_OF(d, si, affected)
             && !(corrected && corrected_si == si))
            || ANY_OF(d, si, not_affected) || help_desk(d, si)
            || duplicates_figure(d, si, start))
            continue;
        if (strcmp(unit, "yen") == 0
            && !(HAS(d, si, "被害") || HAS(d, si, "詐取")
                 || HAS(d, si, "振り込") || HAS(d, si, "送金")
                 || HAS(d, si, "損失") || HAS(d, si, "不正利用")))
            continue;
        bd = json_object_get(e, "before_dedup");
        if (!json_is_integer(bd) && corrected && corrected_si == si)
            bd = corrected;     /* …、正確には168名でした */
        own = spaced ? json_integer(spaced) : NULL;
        if (spaced && !own)
            return JAEN_ENOMEM;
        rc = add_count(d, subject, counts, e, si, start, end, unit,
                       own ? own : json_object_get(e, "value"), bd);
        json_decref(own);
        if (rc)
            return rc;
    }
    return JAEN_OK;
}

/* --- data items -------------------------------------------------------- */

static const char *const exposed[] = {
    "漏えい", "漏洩", "流出", "可能性", "おそれ", "恐れ", "含まれ", "閲覧",
    "窃取", "送信され", "保存され", "保存して", "記載され", "記録され",
    "対象", "項目", "盗まれ", "盗難", "紛失", "持ち出", "抜き取", "詐取",
    "入力された", "公開され", "格納", "保管", "以下の情報", "次の情報",
    "記載", NULL,
};
/* Words that deny the data named before them in their clause. */
static const char *const not_exposed[] = {
    "保有しておらず", "保有しておりません", "保持しておりません",
    "含まれておりません", "含まれていません", "含まれておらず",
    "含まれていない", "含まれない", "含まれません", "対象外", "ございません",
    "保存しておりません", "保存されておらず", "保存されていません",
    "保存されていない", "保持しておらず", "保有していない",
    "保持していない", "取得しておらず", "含んでおりません", "非保持",
    "漏えいはありません", "漏洩はありません", "流出はありません",
    "漏えいはない", "漏洩はない", "流出はない", "漏えいがない",
    "漏洩がない", "流出がない", "漏えいしておりません", "漏洩しておりません",
    "流出しておりません", "掲載されていません", "掲載されておりません",
    "記載されていません", "記載されておりません", NULL,
};
/* A finding of no leak (「メールアドレスの漏えいの事実は確認されておりま
 * せん」) denies the data before it too; the leak word must come just
 * before, as 「…が流出した可能性があり、悪用は確認されておりません」 is no
 * denial of the data. */
static const char *const not_found[] = {
    "確認されておりません", "確認されていません", "確認されておらず",
    "確認できておりません", "確認出来ていない", "確認できていない",
    "確認されず", "報告は受けておりません", "報告は受けていません", NULL,
};
static const char *const leak_words[] = {
    "漏えい", "漏洩", "流出", NULL,
};
/* Advice to readers: the data named is not said to be exposed. */
static const char *const advice[] = {
    "入力しないで", "ご確認ください", "ご注意", "変更", "ください",
    "お願いいたします", "お願い申し上げます", "願います", NULL,
};
/* A denial after these is about other data (「氏名、住所であり、口座情報は
 *含まれておりません」). */
static const char *const turns[] = {
    "であり、", "ですが、", "ますが、", "したが、", "でしたが", "であり", "※",
    "ものの", NULL,
};
/* Right after a datum, words that use it to reach people rather than say
 * it was exposed (「連絡先が判明している方には」「メールアドレス宛に」). */
static const char *const used_for[] = {
    "が判明している", "が判明して", "が特定でき", "を把握して", "宛に",
    "宛て", "あてに", "へご連絡", "にご連絡", NULL,
};
/* Right after a password, words that make it a safeguard, not data
 * (「パスワードによる保護を設定」「起動時のパスワード設定」). */
static const char *const safeguard[] = {
    "による保護", "で保護", "保護", "を設定", "設定", "をかけ", "ロック",
    NULL,
};
/* Right after 所属, a verb or 者: 「法人等に所属する方」「所属者」 name people,
 * not data. */
static const char *const verb_after[] = {"する", "して", "され", "者",
                                         NULL};
/* Just before a datum, the organization itself: 「弊社の社名が掲載され」
 * 「当社のメールアドレスを詐称」 name its own details, not exposed data. */
static const char *const own_prefix[] = {
    "弊社の", "当社の", "当行の", "当院の", "当庫の", "本学の", "本会の",
    "当会の", "当協会の", NULL,
};
/* Right after credentials, their use by the attacker: the way in
 * (「ログインID、パスワードを使用し、不正にログイン」). */
static const char *const used_to_enter[] = {
    "を使用し", "を使用して", "を使い", "を用いて", "を悪用", "を利用して",
    "を入手し", NULL,
};
/* Exposure wording strong enough to count in a response section, where
 * data is otherwise named as the object of a measure (「パスワードを変更」). */
static const char *const exposed_strong[] = {
    "漏えい", "漏洩", "流出", "閲覧され", "窃取され", "盗まれ", NULL,
};
/* The credentials of the organization's own management tools and network
 * devices: the way in, not data of the people affected (「管理画面のID・
 * パスワードが窃取」「装置の接続パスワードが漏洩し」). */
static const char *const admin_tools[] = {
    "管理システム", "管理画面", "管理者", "管理サイト", "管理ツール",
    "管理用", "VPN", "装置", "機器", "ルーター", "UTM", "リモートデスクトップ",
    NULL,
};

/* Kinds of data the glossary has no term for, named by their words. */
static const char *const text_items[][2] = {
    {"証券番号", "other"}, {"保険料", "other"}, {"契約番号", "other"},
    {"会員番号", "other"}, {"顧客番号", "other"}, {"お客様番号", "other"},
    {"患者ID", "other"}, {"患者番号", "other"}, {"診察券番号", "other"},
    {"学籍番号", "other"}, {"人事情報", "other"}, {"取引内容", "other"},
    {"取引情報", "other"}, {"取引履歴", "other"}, {"カードブランド", "other"},
    {"宛名", "other"}, {"職歴", "other"}, {"経歴", "other"},
    {"病名", "health_info"}, {"診断名", "health_info"},
    {"診断書", "health_info"}, {"治療内容", "health_info"},
    {"診療情報", "health_info"}, {"検査結果", "health_info"},
    {"病歴", "health_info"}, {"健康診断", "health_info"},
    {"予防接種", "health_info"}, {"カルテ", "health_info"},
    {"身分証", "id_document"}, {"運転免許証", "id_document"},
    {"パスポート", "id_document"}, {"在留カード", "id_document"},
    {"注文内容", "order_info"}, {"注文履歴", "order_info"},
    {"配送先情報", "order_info"}, {"お届け先情報", "order_info"},
    {"予約情報", "order_info"}, {"予約内容", "order_info"},
    {"購入履歴", "purchase_history"}, {"購入商品", "purchase_history"},
    {"商品名", "purchase_history"}, {"口座番号", "bank_account"},
    {"口座情報", "bank_account"},
    /* a bare ID named with its password is a login ID */
    {"IDとパスワード", "login_id"}, {"ID・パスワード", "login_id"},
    {"ID、パスワード", "login_id"}, {"ID／パスワード", "login_id"},
    {"ID/パスワード", "login_id"}, {"ID及びパスワード", "login_id"},
    {"IDおよびパスワード", "login_id"},
};

/* "Personal information" and the like name no kind of data: 1.  A
 * population's information (会員情報, 従業員情報) names none alone either
 * (「従業員情報や取引先情報等」), but as one element among kinds of data
 * (「氏名・住所・会員情報・配送先」) it is a kind of its own, other: 2. */
static int generic_item(const struct jaen_term *term)
{
    static const char *const generic[] = {
        "個人情報", "個人データ", "顧客情報", "お客様情報", "お客さま情報",
        "ユーザー情報", "機密情報", "取引先情報", "企業情報", "利用者情報",
        "情報", "保有個人データ", NULL,
    };
    static const char *const population[] = {
        "従業員情報", "社員情報", "会員情報", "会員登録情報", "登録情報",
        "患者情報", "学生情報", "児童生徒情報", "応募者情報", NULL,
    };
    const char *e = term->entry;
    size_t k;

    for (k = 0; e && generic[k]; k++)
        if (strcmp(e, generic[k]) == 0)
            return 1;
    for (k = 0; e && population[k]; k++)
        if (strcmp(e, population[k]) == 0)
            return 2;
    return 0;
}

static int is_item_term(const struct jaen_term *t)
{
    return t->concept && strncmp(t->concept, "data_item.", 10) == 0;
}

/* Is term i of sentence si one element of an enumeration of kinds of data:
 * another term of the sentence names a kind, and term i does not head a
 * list of its own (「会員情報（氏名、住所）」)? */
static int enumerated(const struct ix_doc *d, size_t i, size_t si)
{
    const struct jaen_term *t = &d->terms[i];
    size_t j, e = t->end < (int64_t)d->ncp ? d->cpb[t->end] : d->len;

    if (e < d->s[si].b
        && (!memcmp(d->text + e, "（", 3) || d->text[e] == '('
            || !memcmp(d->text + e, "：", 3) || d->text[e] == ':'))
        return 0;
    for (j = i; j-- > 0 && d->terms[j].start >= d->s[si].start;)
        if (is_item_term(&d->terms[j]) && !generic_item(&d->terms[j]))
            return 1;
    for (j = i + 1; j < d->nterms && d->terms[j].start < d->s[si].end; j++)
        if (is_item_term(&d->terms[j]) && !generic_item(&d->terms[j]))
            return 1;
    return 0;
}

/* Is sentence si a row of a Markdown table? */
static int table_row(const struct ix_doc *d, size_t si)
{
    return IX_L(d, si) > 0 && IX_S(d, si)[0] == '|';
}

/* Is table row si under a heading that speaks of exposure, back over
 * the rows of its tables and the sub-headings that name no section of
 * their own (「### 漏洩のおそれがある個人情報」 over 「#### ①お取引先さま：
 * 74名」 over a table)?  Prose or a heading of another section ends the
 * search. */
static int under_exposure_heading(const struct ix_doc *d, size_t si)
{
    size_t j;

    for (j = si; j-- > 0;) {
        if (!d->s[j].heading) {
            if (!table_row(d, j))
                return 0;
            continue;
        }
        if (ANY_OF(d, j, exposed_strong))
            return 1;
        if (d->s[j].sec != SEC_NONE)
            return 0;
    }
    return 0;
}

/* Does the data named in sentence si count as exposed in that sentence's
 * context (not contact details, not advice, in a sentence about exposure or
 * a list such a sentence or heading introduces)?  In a response section
 * only strong exposure wording counts. */
static int exposed_context(const struct ix_doc *d, size_t si)
{
    const struct ix_sent *s = &d->s[si];
    size_t j, lines;

    if (s->sec == SEC_CONTACT || ANY_OF(d, si, advice))
        return 0;
    if (s->sec == SEC_RESPONSE)
        return ANY_OF(d, si, exposed_strong);
    if (ANY_OF(d, si, exposed) || s->sec == SEC_DATA)
        return 1;
    /* a list item or line after 「以下の情報…」: back over the list's
     * items, then up to three lines before it; a heading right above the
     * list (「漏えいのおそれがある個人データ」) introduces it too */
    j = si;
    while (s->item && j > 0 && d->s[j - 1].item && !d->s[j - 1].heading)
        j--;
    if (s->item && j > 0 && d->s[j - 1].heading)
        return ANY_OF(d, j - 1, exposed_strong);
    if (table_row(d, si) && s->sec == SEC_NONE
        && under_exposure_heading(d, si))
        return 1;
    for (lines = 0; j > 0 && lines < 3 && !d->s[j - 1].heading;
         j--, lines++)
        if (HAS(d, j - 1, "以下") || HAS(d, j - 1, "次の")
            || HAS(d, j - 1, "下記")
            || jaen_ix_has(IX_S(d, j - 1), IX_L(d, j - 1), "："))
            return ANY_OF(d, j - 1, exposed);
    return 0;
}

/* Is the datum starting at byte ta of sentence si the organization's own
 * (an own_prefix word ends right before it)?  Not asked of other: 「当社の
 * メール情報が漏えい」 is the mail the organization held. */
static int own_datum(const struct ix_doc *d, size_t si, size_t ta)
{
    size_t from = ta > 12 ? ta - 12 : 0, kl;
    size_t at = jaen_ix_q_first(d, si, from, ta, own_prefix, &kl);

    return at != (size_t)-1 && at + kl == ta;
}

/* Is item, named at byte ta of sentence si, a login ID or password of the
 * organization's own management tools (named in the 16 code points before
 * it: 「管理システムのログインID・パスワード」), or one a cause section
 * names (「パスワード漏洩により侵入」)? */
static int admin_credential(const struct ix_doc *d, size_t si,
                            const char *item, size_t ta)
{
    size_t from = ta > 48 ? ta - 48 : 0, kl;

    if (strcmp(item, "login_id") && strcmp(item, "password"))
        return 0;
    return jaen_ix_q_first(d, si, from, ta, admin_tools, &kl) != (size_t)-1
           || d->s[si].sec == SEC_CAUSE;
}

/* Is the data named at byte off of sentence si denied later in its
 * clause (「…は含まれておりません」)? */
static int denied(const struct ix_doc *d, size_t si, size_t off)
{
    size_t kl, len = IX_L(d, si);
    size_t neg = jaen_ix_q_first(d, si, off, len, not_exposed, &kl);
    size_t nf = jaen_ix_q_first(d, si, off, len, not_found, &kl);

    /* 「漏えいの事実は確認されておりません」: a leak word in the 8 code
     * points before the finding */
    if (nf != (size_t)-1 && (neg == (size_t)-1 || nf < neg)
        && jaen_ix_q_first(d, si, nf > off + 24 ? nf - 24 : off, nf,
                           leak_words, &kl) != (size_t)-1)
        neg = nf;
    if (neg == (size_t)-1)
        return 0;
    return jaen_ix_q_first(d, si, off, neg, turns, &kl) == (size_t)-1;
}

/* Does a word of ks start within `within` bytes after byte off of
 * sentence si? */
static int after_within(const struct ix_doc *d, size_t si, size_t off,
                        const char *const *ks, size_t within)
{
    size_t kl, len = IX_L(d, si);
    size_t to = off + within + 36 < len ? off + within + 36 : len;
    size_t at = jaen_ix_q_first(d, si, off, to, ks, &kl);

    return at != (size_t)-1 && at <= off + within;
}

/* Does a word of ks start within four code points after byte off? */
static int right_after(const struct ix_doc *d, size_t si, size_t off,
                       const char *const *ks)
{
    return after_within(d, si, off, ks, 12);
}

/* Does a verb_after word follow byte off of sentence si at once? */
static int verb_follows(const struct ix_doc *d, size_t si, size_t off)
{
    size_t kl, len = IX_L(d, si);

    return jaen_ix_q_first(d, si, off, off + 6 < len ? off + 6 : len,
                           verb_after, &kl) == off;
}

/* Is item, ending at byte off of sentence si, not data at all there: a
 * datum used to reach people (「連絡先等が特定でき」), a password that is a
 * safeguard (「パスワードによる保護」), credentials the attacker used to
 * enter (「IDとパスワードを使用し」), 所属 as a verb (「所属する方」)? */
static int not_data(const struct ix_doc *d, size_t si, const char *item,
                    size_t off)
{
    int cred = !strcmp(item, "password") || !strcmp(item, "login_id");

    return right_after(d, si, off, used_for)
           /* past the rest of the pair: 「ID、パスワードを使用し」 */
           || (cred && after_within(d, si, off, used_to_enter, 30))
           || (strcmp(item, "password") == 0
               && right_after(d, si, off, safeguard))
           || (strcmp(item, "department") == 0
               && verb_follows(d, si, off));
}

static void set_item(unsigned long *m, const char *name)
{
    int k;

    for (k = 0; items[k]; k++)
        if (strcmp(name, items[k]) == 0)
            *m |= 1ul << k;
}

int jaen_ix_items(const struct ix_doc *d, json_t *out)
{
    size_t i, n = d->nterms, si, k, off, ta;
    unsigned long m = 0;
    size_t last = (size_t)-1;
    int ok = 0;

    for (i = 0; i < n; i++) {
        const struct jaen_term *t = &d->terms[i];
        const char *c = t->concept;
        int g;

        if (!is_item_term(t) || (g = generic_item(t)) == 1)
            continue;
        si = jaen_ix_sent_at(d, t->start);
        if (si >= d->ns || (g == 2 && !enumerated(d, i, si)))
            continue;
        if (si != last) {
            last = si;
            ok = exposed_context(d, si);
        }
        if (t->end > (int64_t)d->ncp || d->cpb[t->end] < d->s[si].a)
            continue;
        off = d->cpb[t->end] - d->s[si].a;
        if (off > IX_L(d, si))
            off = IX_L(d, si);
        ta = d->cpb[t->start] < d->s[si].a ? 0
                                           : d->cpb[t->start] - d->s[si].a;
        if (ok && !denied(d, si, off) && !not_data(d, si, c + 10, off)
            && !admin_credential(d, si, c + 10, ta)
            && !(strcmp(c + 10, "other") && own_datum(d, si, ta)))
            set_item(&m, c + 10);
    }
    for (si = 0; si < d->ns; si++)
        for (k = 0; k < sizeof(text_items) / sizeof(text_items[0]); k++) {
            off = jaen_ix_q_find(d, si, 0, text_items[k][0]);
            if (off != (size_t)-1 && exposed_context(d, si)
                && !denied(d, si, off)
                && !not_data(d, si, text_items[k][1],
                             off + strlen(text_items[k][0]))
                && !admin_credential(d, si, text_items[k][1], off))
                set_item(&m, text_items[k][1]);
        }
    for (k = 0; items[k]; k++)
        if (m & (1ul << k))
            if (json_array_append_new(out, json_string(items[k])))
                return JAEN_ENOMEM;
    return JAEN_OK;
}

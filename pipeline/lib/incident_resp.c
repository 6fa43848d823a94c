/* incident_resp.c: the response measures, implemented and planned.
 *
 * Disclosures list measures in response sections (対応, 対策, 再発防止), but
 * as often tell them in the story: 「サーバーをネットワークから切り離し、
 * 警察に相談するとともに、個人情報保護委員会へ報告いたしました」.  So a
 * sentence is cut into clauses at the joints of a run-on predicate (〜し、
 * 〜しており、〜とともに、), and each clause that names an action of the
 * organization (遮断, 隔離, 報告, 相談, 導入, 強化…) is one measure.  Its
 * tense decides the list: a clause says it (〜いたしました, 〜しております
 * → implemented; 今後, 予定, 検討, 〜してまいります → planned) or takes the
 * tense of the predicate that ends the chain.  In response sections,
 * verbless list items take the kind their introduction states (以下の対策を
 * 実施いたしました).  Apologies, requests to readers and promises to publish
 * are not measures (tests/labels/README.md).  A measure told twice (the
 * police, the regulator, the forensic investigation, the notice to the
 * people affected: in the lead and again in the details) counts once. */
#include "incident_int.h"

#include <string.h>

#define ANY_OF(d, i, list) (jaen_ix_q_any(d, i, list))
#define HAS(d, i, k) (jaen_ix_q_has(d, i, k))

#define MAX_CLAUSES 8

static const char *const planned_words[] = {
    "今後", "予定", "検討", "まいります", "参ります", "てまいる", "していく",
    "いたします。", "努めます", "図ります", "徹底します", "行います。",
    "実施します", "強化します", "進めます", "計画", "準備を進め", NULL,
};
static const char *const done_words[] = {
    "しました", "いたしました", "実施済", "対応済", "完了", "講じて",
    "講じました", "しております", "いたしております", "行っております",
    "進めております", "ました。", "済み", "遮断", "隔離", NULL,
};
/* The tense of a clause, more widely than done_words. */
static const char *const done_clause[] = {
    "ました", "ております", "ており", "おります", "済み", "済ませ", "完了",
    "講じ", "行った", "実施した", "した。", "しています", "しておりま",
    "でおりま", "ています", NULL,
};
/* Actions of the organization that make a clause a measure. */
static const char *const acts[] = {
    "遮断", "隔離", "切り離", "切断", "を停止", "の停止", "停止措置",
    "停止いたし", "停止させ", "を閉鎖", "の閉鎖", "閉鎖いたし", "閉鎖し",
    "無効化", "を削除", "の削除", "削除いたし", "削除し", "初期化", "再構築",
    "再設定", "を復旧", "の復旧", "復旧作業", "復旧いたし", "復旧し",
    "を再開",
    "再開いたし", "稼働を再開", "パスワード変更", "パスワードの変更",
    "パスワード強化", "パスワードの強化", "パスワードポリシー",
    "パスワードを強化", "変更を行", "変更しており", "変更済", "変更が完了",
    "に変更する", "に変更し", "初期設定化", "を変更", "の変更を",
    "設定変更", "変更しました", "変更いたしました", "リセット", "を更新",
    "アップデート", "パッチ", "適用", "導入", "強化", "見直", "監視",
    "禁止",
    "モニタリング", "点検", "教育", "研修", "周知", "徹底", "講じ",
    "を実施", "の実施", "調査を開始", "調査を依頼", "調査を行", "調査を進め",
    "調査してまいり", "調査を継続", "協力", "専門家", "専門会社",
    "専門企業", "専門機関", "専門業者", "フォレンジック", "通報", "に相談",
    "へ相談", "相談し", "被害相談", "被害届", "届出", "届け出", "に報告",
    "へ報告", "への報告", "報告済", "報告を行", "ご連絡", "個別に", "通知",
    "送付", "窓口を設置", "窓口を開設", "を設置", "の設置", "設置し",
    "設置いたし", "設置済", "開設", "依頼", "要請",
    "多要素", "二要素", "アクセス制限", "制限", "ファイアウォール",
    "バックアップ", "再発防止", "対応を行", "対策を", "措置を", "封鎖",
    "ブロック", "駆除", "スキャン", "入れ替え", "交換", "再発行", "開始",
    "改善", "方針", "控え", "インストール", "移行", "策定", "構築",
    "厳格化", "クリーニング", "実施", "切り替え", "切替", "連絡を行",
    "個別の連絡", "注意喚起", NULL,
};
/* Words that make a clause or a sentence something else. */
static const char *const not_measure[] = {
    "お詫び申し上げ", "お詫びいたし", "おわび申し上げ", "ご迷惑", "ご心配",
    "お願い", "ください", "下さい", "お問い合わせ", "問合せ",
    "お知らせいたします", "ご報告いたします", "公表いたします",
    "お知らせします", "ご報告します", "ご報告申し上げ", "お知らせ申し上げ",
    "ご案内", "ご理解", "以下", "下記", "次の", "次のとおり", "ご注意",
    "ご確認", "ご報告をいたし", "最終のご報告",
    "公開を控え", "公開は控え", "公表を控え", "公表は控え", "開示を控え",
    "開示は控え", "回答を控え", "回答は控え", NULL,  /* details withheld */
};
/* Events told with an action word: not something the organization did. */
static const char *const events[] = {
    "を受け", "が発生", "に感染", "が感染", "され", "ておりませ",
    "ていませ", "ませんでした", "ではな", "第三者が", "攻撃者", "犯人",
    "を検知", "が検知", "検知し", "侵入し", "侵入され",
    "販売を開始", "販売開始",   /* the business, not a response */
    "ていたところ", "発覚し、", "発覚しま", "発覚いたしま", /* the story */
    "ご報告いたしましたとおり", "お知らせいたしましたとおり",
    "ご報告しましたとおり", "お知らせしましたとおり",
    "から連絡が入", "より連絡が入", "から連絡があ", "より連絡があ",
    NULL,                       /* told by others (外部専門機関から連絡) */
};
/* A heading over measures to come (再発防止策: prevention is ahead). */
static const char *const planned_heading[] = {
    "今後", "予定", "再発防止", "防止策", NULL,
};
/* A clause ends at 、 after these. */
static const char *const joints[] = {
    "し、", "おり、", "であり、", "とともに、", "ほか、", "行い、", "上で、",
    "うえで、", "ます、", "た後、", "たうえ、", "受け、",
    "• ", "•",          /* bullets run into one line: 「…移行 • …クリーニング済」 */
    NULL,
};
static const char *const not_joints[] = {
    "対し、", "関し、", "際し、", "即し、", "則し、", NULL,
};

/* Ends of the clauses of sentence i (byte offsets in it, increasing; the
 * last is the sentence's length).  Returns their number. */
static size_t clauses(const struct ix_doc *d, size_t i,
                      size_t ends[MAX_CLAUSES])
{
    const char *s = IX_S(d, i);
    size_t len = IX_L(d, i), n = 0, p = 0, kl;

    while (n + 1 < MAX_CLAUSES
           && (p = jaen_ix_q_first(d, i, p, len, joints, &kl))
                  != (size_t)-1) {
        const char *const *x;
        int skip = 0;
        for (x = not_joints; *x; x++) {
            size_t xl = strlen(*x);
            if (p + kl >= xl && memcmp(s + p + kl - xl, *x, xl) == 0)
                skip = 1;
        }
        p += kl;
        if (!skip && p < len)
            ends[n++] = p;
    }
    ends[n++] = len;
    return n;
}

/* A clause that ends in the past after its planned words tells a
 * measure taken: 「今後同様の事案が発生しないよう、指導を徹底するよう指示を
 * 行いました」 was done (the 今後 is the purpose's), unless what was done
 * is deciding or planning (〜することといたしました, 〜を予定しました). */
static const char *const decided[] = {
    "こととし", "ことにし", "こととい", "ことにい", "こととな", "ことにな",
    "予定", "計画", "検討", NULL,
};

/* Does [a, b) of sentence i end in ました (then only 。 and spaces)? */
static int ends_past(const struct ix_doc *d, size_t i, size_t a, size_t b)
{
    const char *s = IX_S(d, i);

    while (b > a && s[b - 1] == ' ')
        b--;
    if (b >= a + 3 && memcmp(s + b - 3, "。", 3) == 0)
        b -= 3;
    return b >= a + 9 && memcmp(s + b - 9, "ました", 9) == 0;
}

/* 2 planned, 1 implemented, 0 no tense in bytes [a, b) of sentence i. */
static int tense(const struct ix_doc *d, size_t i, size_t a, size_t b)
{
    size_t kl, p = jaen_ix_q_first(d, i, a, b, planned_words, &kl), q;

    if (p != (size_t)-1) {
        /* the last planned word, then a past predicate after it */
        size_t from = p + kl;
        while ((q = jaen_ix_q_first(d, i, from, b, planned_words, &kl))
               != (size_t)-1)
            from = q + kl;
        if (ends_past(d, i, from, b)
            && jaen_ix_q_first(d, i, from, b, decided, &kl) == (size_t)-1)
            return 1;
        return 2;
    }
    if (jaen_ix_q_first(d, i, a, b, done_clause, &kl) != (size_t)-1)
        return 1;
    return 0;
}

static int in_range(const struct ix_doc *d, size_t i, size_t a, size_t b,
                    const char *const *ks)
{
    size_t kl;

    return jaen_ix_q_first(d, i, a, b, ks, &kl) != (size_t)-1;
}

/* Measures a disclosure tells more than once (in the lead and again in
 * the details): one each per list.  A clause naming a family's words is
 * that family's measure; the family's first clause stands for all. */
static const char *const fam_police[] = {"警察", NULL};
static const char *const fam_regulator[] = {
    "個人情報保護委員会", "監督官庁", "所管官庁", "所轄官庁", "関係省庁",
    NULL,
};
static const char *const fam_forensic[] = {
    "フォレンジック", "専門会社", "専門機関", "専門企業", "専門業者",
    "調査会社", "セキュリティ会社", NULL,
};
static const char *const fam_forensic_act[] = {"調査", "解析", NULL};
static const char *const fam_notify_act[] = {
    "ご連絡", "通知", "お知らせ", "送付", "ご案内", NULL,
};
static const char *const fam_notify_who[] = {
    "個別", "対象", "該当", "お客様", "お客さま", "皆様", "皆さま", "患者",
    "会員", NULL,
};
/* A clause that also names one of these is a measure of its own (「調査
 * の結果も踏まえて、スタッフに対する教育」). */
static const char *const fam_other_act[] = {
    "教育", "研修", "強化", "導入", "見直", "変更", "再開", "停止", "遮断",
    "設置", "改善", NULL,
};
enum { FAM_POLICE = 1, FAM_REGULATOR, FAM_FORENSIC, FAM_NOTIFY };

/* The families of the measure in bytes [a, b) of sentence i, a bit each
 * (「警察及び個人情報保護委員会に報告」 is in two). */
static unsigned families(const struct ix_doc *d, size_t i, size_t a,
                         size_t b)
{
    unsigned f = 0;

    if (in_range(d, i, a, b, fam_other_act))
        return 0;
    if (in_range(d, i, a, b, fam_police))
        f |= 1u << FAM_POLICE;
    if (in_range(d, i, a, b, fam_regulator))
        f |= 1u << FAM_REGULATOR;
    if (in_range(d, i, a, b, fam_forensic)
        && in_range(d, i, a, b, fam_forensic_act))
        f |= 1u << FAM_FORENSIC;
    if (in_range(d, i, a, b, fam_notify_act)
        && in_range(d, i, a, b, fam_notify_who))
        f |= 1u << FAM_NOTIFY;
    return f;
}

/* Passes measures on to the caller's fn, skipping one whose families were
 * all told before in the same kind, and trimming a bullet at its end. */
struct once {
    jaen_ix_measure_fn fn;
    void *ctx;
    const struct ix_doc *d;
    unsigned seen[3];           /* by kind: the families told */
};

static int once_fn(void *vctx, size_t i, size_t a, size_t b, int kind)
{
    struct once *o = vctx;
    const char *s = IX_S(o->d, i);
    unsigned f;

    /* a clause cut at an inline bullet ends without it */
    while (b > a + 3 && (s[b - 1] == ' ' || !memcmp(s + b - 3, "•", 3)
                         || !memcmp(s + b - 3, "　", 3)))
        b -= s[b - 1] == ' ' ? 1 : 3;
    f = families(o->d, i, a, b);

    if (f && (o->seen[kind] & f) == f)
        return JAEN_OK;
    o->seen[kind] |= f;
    return o->fn(o->ctx, i, a, b, kind);
}

/* An introduction like 「以下の対策を実施および予定しております」 sets the
 * kind of the verbless list items after it: the tense of its last clause,
 * else of any clause. */
static int intro_kind(const struct ix_doc *d, size_t i)
{
    static const char *const about[] = {
        "対策", "対応", "措置", "取り組", "取組", "実施", "変更", "改善",
        "強化", "再発防止", "予定", NULL,
    };
    size_t ends[MAX_CLAUSES], n;
    int k;

    if (!(HAS(d, i, "以下") || HAS(d, i, "下記") || HAS(d, i, "次の"))
        || !ANY_OF(d, i, about))
        return 0;
    n = clauses(d, i, ends);
    k = tense(d, i, n > 1 ? ends[n - 2] : 0, ends[n - 1]);
    if (k)
        return k;
    if (ANY_OF(d, i, planned_words))
        return 2;
    if (ANY_OF(d, i, done_words))
        return 1;
    return 0;
}

/* Is sentence i a bracketed label and nothing more (【対策済み】)? */
static int bracket_label(const struct ix_doc *d, size_t i)
{
    const char *s = IX_S(d, i);
    size_t len = IX_L(d, i);

    return len >= 6 && memcmp(s, "【", 3) == 0
           && memcmp(s + len - 3, "】", 3) == 0
           && jaen_ix_find(s + 3, len - 6, "【") == (size_t)-1;
}

/* Does the clause [a, z) of sentence i end by denying a state (・現在まで、
 * 本件による被害のご連絡はありません): a state, not a deed, though it
 * stands in a list of measures? */
static int ends_denied(const struct ix_doc *d, size_t i, size_t a, size_t z)
{
    static const char *const denied[] = {"はありません", "はございません",
                                         NULL};
    const char *s = IX_S(d, i);

    while (z >= a + 3 && (!memcmp(s + z - 3, "。", 3)
                          || !memcmp(s + z - 3, "）", 3)))
        z -= 3;
    return jaen_ix_ends_any(s + a, z - a, denied);
}

static int has_verb(const struct ix_doc *d, size_t i)
{
    return ANY_OF(d, i, planned_words) || ANY_OF(d, i, done_words);
}

/* The measures of sentence i: its clauses that name an action.  A clause
 * with no tense of its own takes the one of the chain's end, and the
 * chain's end without one takes fallback (0: none).  Returns how many
 * were reported, or a negative status from fn; *nclauses gets how many
 * clauses the sentence has. */
static int clause_measures(const struct ix_doc *d, size_t i, int fallback,
                           jaen_ix_measure_fn fn, void *ctx, size_t *nclauses)
{
    size_t ends[MAX_CLAUSES], n = clauses(d, i, ends), k, a;
    int kinds[MAX_CLAUSES], next = fallback, found = 0, rc;

    *nclauses = n;
    for (k = n; k-- > 0;) {
        a = k ? ends[k - 1] : 0;
        kinds[k] = tense(d, i, a, ends[k]);
        if (!kinds[k])
            kinds[k] = next;
        next = kinds[k];
    }
    for (k = 0; k < n; k++) {
        a = k ? ends[k - 1] : 0;
        if (!kinds[k] || !in_range(d, i, a, ends[k], acts)
            || in_range(d, i, a, ends[k], not_measure)
            || in_range(d, i, a, ends[k], events)
            || ends_denied(d, i, a, ends[k]))
            continue;
        rc = fn(ctx, i, a, ends[k], kinds[k]);
        if (rc < 0)
            return rc;
        found++;
    }
    return found;
}

int jaen_ix_response(const struct ix_doc *d, jaen_ix_measure_fn outer,
                     void *outer_ctx)
{
    struct once o = {outer, outer_ctx, d, {0, 0, 0}};
    jaen_ix_measure_fn fn = once_fn;
    void *ctx = &o;
    size_t i, nc;
    int deflt = 1, intro = 0, in_list = 0, rc, k;

    for (i = 0; i < d->ns; i++) {
        const struct ix_sent *s = &d->s[i];
        int list_kind = 0;
        if (s->heading) {
            deflt = ANY_OF(d, i, planned_heading) ? 2 : 1;
            intro = 0;
            continue;
        }
        if (s->sec == SEC_CONTACT)
            continue;
        /* 「以下の変更を行う予定です」: the list after it has its kind */
        k = intro_kind(d, i);
        if (k) {
            intro = k;
            in_list = 0;
            if (s->sec == SEC_RESPONSE)
                deflt = k;
            continue;
        }
        /* 【対策済み】: the measures below are done; the label alone is
         * no measure */
        if (HAS(d, i, "【") && HAS(d, i, "済")) {
            deflt = intro = 1;
            if (bracket_label(d, i))
                continue;
        }
        if (s->item) {
            in_list = 1;
            list_kind = intro ? intro : s->sec == SEC_RESPONSE ? deflt
                        : s->sec == SEC_TIMELINE ? 1 : 0;
        } else if (in_list) {
            intro = 0;
            in_list = 0;
        }
        if (ANY_OF(d, i, not_measure) && !ANY_OF(d, i, acts))
            continue;
        rc = clause_measures(d, i, list_kind, fn, ctx, &nc);
        if (rc < 0)
            return rc;
        /* nor one clause that denies a state (・現在まで、本件による被害の
         * ご連絡はありません); a deed followed by one (マルウェアは駆除されて
         * おり、…恐れはございません) goes on */
        if (rc > 0 || ANY_OF(d, i, not_measure)
            || (nc == 1 && ends_denied(d, i, 0, IX_L(d, i))))
            continue;
        /* a measure told without an action word, in a response section
         * or a list of measures */
        if (s->sec == SEC_RESPONSE && ANY_OF(d, i, planned_words))
            rc = fn(ctx, i, 0, IX_L(d, i), tense(d, i, 0, IX_L(d, i)));
        else if (s->sec == SEC_RESPONSE && ANY_OF(d, i, done_words))
            rc = fn(ctx, i, 0, IX_L(d, i), 1);
        else if (list_kind && (intro || s->sec == SEC_RESPONSE)
                 && !has_verb(d, i))
            rc = fn(ctx, i, 0, IX_L(d, i), list_kind);
        if (rc < 0)
            return rc;
    }
    return JAEN_OK;
}

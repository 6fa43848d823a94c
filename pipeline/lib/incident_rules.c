/* incident_rules.c: report stage, incident types, detection date,
 * secondary damage, cause and response measures.
 *
 * Each rule reads sentences with their section tags (incident_int.h) and
 * looks for the wording Japanese disclosures use, with the glossary's
 * incident_type.* terms as a further signal.  Negated and hypothetical
 * statements (〜は確認されておりません, 〜の有無を調査) are told apart by
 * words in the same sentence.  tests/labels/README.md states the
 * conventions the rules follow. */
#include "incident_int.h"

#include "cps.h"
#include "utf8.h"

#include <string.h>

#define NONE_OF(d, i, list) (!ANY_OF(d, i, list))
#define ANY_OF(d, i, list) (jaen_ix_q_any(d, i, list))
#define HAS(d, i, k) (jaen_ix_q_has(d, i, k))

/* Words that deny what the sentence names. */
static const char *const negated[] = {
    "確認されておりません", "確認されていません", "確認されませんでした",
    "確認しておりません", "確認されておらず", "認められませんでした",
    "認められておりません", "認められていません", "ございません",
    "ありません", "ではない", "ではな", "事実はない", "ないことを確認",
    "ないことが確認", "ないことが判明", "ないと判断", "見つかっておりません",
    "見つかりませんでした", "発見されておりません", "発生しておりません",
    "ないことから", "有無", "可能性は低", "可能性はない", "おりません",
    "ていません", "ませんでした", "はない", "はなく", "痕跡はな", "無い", "無く", "無かった",
    "でないこと", "でないと", "ないことも確認", "ないことについても確認",
    "形跡なし", "痕跡なし", "認められず", "確認されず",
    "確認は取れておりません", "確認が取れておりません",
    "確認は取れていません", "事実がない", "ない事を確認", "ない事が確認",
    "発見されていない", "発見されなかった", "見つかっていない", NULL,
};

/* Words of possibility: a leak that may have happened is a leak. */
static const char *const possible[] = {
    "可能性", "おそれ", "恐れ", "否定でき", "否定することができ", "懸念",
    "リスクはあった", "リスクがあった",     /* in this incident, not advice */
    NULL,
};
/* A leak suspected (情報漏えい疑義事案, 漏洩の疑いがある) is a possible
 * one; these make no doubt of other things (不正アクセスの疑いに関する調査
 * does not doubt the phishing before it). */
static const char *const suspected[] = {"疑義", "疑い", NULL};

/* Another incident, set apart (本件は…「…(最終報)」とは無関係です): its
 * report is no earlier one of this, and its words no type of this. */
static const char *const unrelated[] = {
    "とは無関係", "とは関係ありません", "とは関係がありません",
    "とは別の事案", "とは別事案", "とは別件", NULL,
};

/* Advice to readers and generic prevention: never evidence of a type. */
static const char *const advice[] = {
    "ご注意", "注意喚起", "ご留意", "お気を付け", "お気をつけ", "開かず",
    "開封せず", "削除して", "ご警戒", "防止", "対策", "防ぐ", "備え",
    "一般的",
    /* a danger or a definition, not an event (ウイルス感染や不正アクセスなど
     * の危険がございます; …ランサムウェア等のサイバー攻撃被害を受けた際に) */
    "危険がございます", "危険があります", "を受けた際", "が発生した際",
    NULL,
};


/* --- report stage ------------------------------------------------------ */

static int kanji_digit(const char *s, size_t len, long *n)
{
    static const char *const kd[] = {"一", "二", "三", "四", "五", "六", "七",
                                     "八", "九", NULL};
    size_t k;

    for (k = 0; kd[k]; k++)
        if (len >= 3 && memcmp(s, kd[k], 3) == 0) {
            *n = (long)k + 1;
            return 3;
        }
    return 0;
}

size_t jaen_ix_report_at(const char *s, size_t len, long *n)
{
    size_t k = 3, d;

    *n = 0;
    if (len < 3 || memcmp(s, "第", 3) != 0)
        return 0;
    while (k < len && s[k] == ' ')      /* 第 1 報 */
        k++;
    d = k;
    while (k < len && ((s[k] >= '0' && s[k] <= '9')
                       || ((unsigned char)s[k] == 0xEF && k + 2 < len
                           && (unsigned char)s[k + 1] == 0xBC
                           && (unsigned char)s[k + 2] >= 0x90
                           && (unsigned char)s[k + 2] <= 0x99))) {
        int dg = s[k] >= '0' && s[k] <= '9' ? s[k] - '0'
                 : (unsigned char)s[k + 2] - 0x90;
        k += s[k] >= '0' && s[k] <= '9' ? 1 : 3;
        if (*n < 1000000)       /* 第5555555555555555555報: stays large */
            *n = *n * 10 + dg;
    }
    if (k == d)
        k += (size_t)kanji_digit(s + k, len - k, n);
    if (k == d)
        return 0;
    while (k < len && s[k] == ' ')
        k++;
    if (k + 3 <= len && memcmp(s + k, "報", 3) == 0)
        return k + 3;
    *n = 0;
    return 0;
}

/* The N of 第N報 / 第N報告 in s, or 0. */
static long report_number(const char *s, size_t len)
{
    size_t at = 0, p;
    long n;

    while ((p = jaen_ix_find(s + at, len - at, "第")) != (size_t)-1) {
        p += at;
        if (jaen_ix_report_at(s + p, len - p, &n))
            return n;
        at = p + 3;
    }
    return 0;
}

/* Does sentence i refer to an earlier publication about the incident? */
static int earlier_report(const struct ix_doc *d, size_t i)
{
    static const char *const refs[] = {
        "既報", "第一報にて", "第1報にて", "第１報にて", "第一報で",
        "前回のお知らせ", "先般お知らせ", "これまでお知らせ", "先日お知らせ",
        "前回ご報告", "これまでにお知らせ", "続報", NULL,
    };
    static const char *const published[] = {
        "公表いたしました", "公表しました", "お知らせいたしました",
        "お知らせしました", "お知らせした", "公表した", "ご報告いたしました",
        "ご報告した", "付「", "付け「", "掲載いたしました", "発表いたしました",
        "公表しております", "お知らせしております",
        "お知らせさせていただきました", "」させていただきました",
        "ご報告させていただきました", "公表させていただきました", NULL,
    };
    /* letters to the people affected are no publication (該当者には、3月
     * 21日付け郵送にて文書でお知らせしております) */
    static const char *const letters[] = {
        "郵送", "書面", "文書で", "文書にて", "個別に", "該当者", "対象者",
        /* nor the year's forecast (5月13日に公表いたしました業績予想) */
        "業績予想", "決算", NULL,
    };

    if (ANY_OF(d, i, unrelated))
        return 0;       /* 「…」とは無関係です: another incident's */
    if (ANY_OF(d, i, refs))
        return 1;
    return ANY_OF(d, i, published) && NONE_OF(d, i, letters)
           && jaen_ix_any(IX_S(d, i), IX_L(d, i),
                          (const char *const[]){"年", "月", NULL});
}

/* The archive's own word on the report (a meta section 「# 公表種別」 with
 * 「- 初報」, 「- 続報」, 「- 最終報」): 'i' initial, 'u' a later report,
 * 'f' final, 0 when it says none of these. */
static int archive_kind(const struct ix_doc *d)
{
    const json_t *secs = d->meta ? json_object_get(d->meta, "sections")
                                 : NULL;
    const char *v = json_string_value(json_object_get(secs, "公表種別"));
    size_t len;
    long n;

    if (!v)
        return 0;
    len = strlen(v);
    if (jaen_ix_has(v, len, "最終") || jaen_ix_has(v, len, "確報")
        || jaen_ix_has(v, len, "終報"))
        return 'f';
    if (jaen_ix_has(v, len, "初報") || jaen_ix_has(v, len, "速報"))
        return 'i';
    if (jaen_ix_has(v, len, "続報"))
        return 'u';
    n = report_number(v, len);
    return n == 1 ? 'i' : n >= 2 ? 'u' : 0;
}

const char *jaen_ix_report_stage(const struct ix_doc *d)
{
    static const char *const final_title[] = {"最終報", "最終のご報告",
                                              "最終ご報告", "【確報】",
                                              "（確報）", "(確報)", "終報）",
                                              "終報)", "【終報】", "最終確報",
                                              "確報）", "確報】", NULL};
    static const char *const first[] = {"初報", "速報", NULL};
    static const char *const first_body[] = {
        "第一報をご報告", "第一報として", "第1報として", "初報として",
        "第一報となります", "第一報です", "第一報でございます", "第1報です",
        "第１報です", "初期報告であり", "初期報告です", "初期報告となります",
        "初期のご報告", NULL,
    };
    static const char *const later[] = {"続報", "その2", "その２", "（２）",
                                        "(2)", "その3", "その３", "中間報告",
                                        "中間ご報告", "中間のご報告", NULL};
    static const char *const done_title[] = {"調査結果", "調査完了",
                                             "調査の結果", "対応完了", NULL};
    static const char *const done[] = {
        "調査が完了", "調査は完了", "調査を完了", "調査が終了", "調査を終了",
        "調査は終了", "調査結果がまとまり", "調査結果を受領", "最終報告",
        "最終的な調査結果", "調査の結果がまとまり", "調査完了", NULL,
    };
    /* completed: of the investigation, not of sending the notices or of a
     * migration (ご報告メールの送信を完了いたしました) */
    static const char *const completed[] = {
        "完了いたしました", "完了しました", NULL,
    };
    static const char *const inquiry[] = {
        "調査", "フォレンジック", "解析", "一連の", NULL,
    };
    /* a provider's results received (IIJ社の調査の結果、…漏洩は無かった
     * 旨の報告を受けました) */
    static const char *const result[] = {"調査の結果", "調査結果",
                                         "調査を行った結果", "調査した結果",
                                         NULL};
    static const char *const result_got[] = {
        "報告を受けました", "報告を受けております", "報告がありました",
        /* or found (調査を行った結果、…流出がないことが確認できました) */
        "ないことが確認でき", "ないことを確認いたしました",
        "ないことを確認しました", "なかったことが確認", "なかったことを確認",
        "ないことが確認されました", "確認されませんでした", "見当たらず",
        "見当たりませんでした", "認められませんでした",
        /* or given now (その後の調査結果を下記の通りご報告させて頂きます) */
        "下記の通りご報告", "下記のとおりご報告", "以下の通りご報告",
        "以下のとおりご報告", NULL,
    };
    /* a result that denies a leak, passed on from who looked (JBICの
     * お取引先様に関する情報は漏えいしていない旨の報告をIIJから受け;
     * 情報漏洩がなかった旨の報告書を…受領): the series' end */
    static const char *const denied_result[] = {
        "漏えいしていない旨", "漏洩していない旨", "流出していない旨",
        "なかった旨", "発生していないとの報告", "なかったとの報告",
        "含まれないことを", "漏えいがないことが判明", "漏洩がないことが判明",
        "流出がないことが判明", NULL,
    };
    static const char *const interim[] = {
        "現時点", "現在のところ", "現段階", "現在まで", NULL,
    };
    static const char *const still_probing[] = {
        "調査を継続", "調査中", "引き続き調査", "調査を続け", NULL,
    };
    static const char *const done_later[] = {
        "しましたら", "次第", "した際", "した段階", "したのち", "した後",
        "予定", "見込み", "までに", "するまで", "完了まで", "されるまで",
        NULL,
    };
    static const char *const more[] = {
        "改めてお知らせ", "あらためてお知らせ", "改めてご報告",
        "あらためてご報告", "改めて公表", "あらためて公表", "続報",
        "判明次第", "判明し次第", "わかり次第", "分かり次第", "確認でき次第",
        "速やかにお知らせ", "速やかに公表", "速やかにご報告", "随時お知らせ",
        "随時公表", "随時ご報告", "追ってお知らせ", "追ってご報告",
        "新たな事実", "新たにお知らせすべき", "あらたにお知らせすべき",
        "お知らせすべき事実", "公表すべき事実", "ご報告すべき事実",
        "すべき新しい事実", "すべき新たな事実",
        "詳細が判明", "判明した時点で", "分かりしだい", "わかりしだい",
        "判明しだい", "まとまりしだい", "まとまり次第", "決まりしだい",
        "分かりましたら", "わかりましたら", "判明しましたら",
        "すべき事項が判明", "すべき事項が明らか", "すべき事案が判明",
        "すべき事案が明らか", "適時報告", "適時公表", "適宜お知らせ",
        "適宜ご報告", "適宜公表", "速やかに開示", "開示すべき事項",
        "すみやかに開示", "確定次第、速やかに",
        /* 詳細のご報告はもう少々お待ち頂きますよう (not 下記の通り詳細を
         * ご報告申し上げます: that is now) */
        "ご報告はもう少々", "お知らせはもう少々", "ご報告は今しばらく",
        "お知らせは今しばらく",
        /* as it progresses (進捗があり次第、あらためてご案内いたします) */
        "進捗があり次第", "進捗がわかり次第", "進捗が分かり次第",
        "進捗がありましたら", "進展があり次第", NULL,
    };
    /* once more is known, told to the reader (not 明らかになり次第対処) */
    static const char *const more_known[] = {
        "明らかになりましたら", "明らかになり次第", "明らかになった際",
        NULL,
    };
    static const char *const told[] = {
        "お知らせ", "ご報告", "公表", "開示", "情報提供", NULL,
    };
    /* again, as it comes, with a verb of telling a few words on (随時本
     * ウェブサイトにてご報告いたします, 改めて当サイトにて公開いたします) */
    static const char *const again[] = {
        "随時", "改めて", "あらためて", "速やかに", "すみやかに", "追って",
        "逐次", "適宜", NULL,
    };
    static const char *const will_tell[] = {
        "ご報告いたします", "報告いたします", "お知らせいたします",
        "公開いたします", "公表いたします", "掲載いたします",
        "ご報告します", "お知らせします", "公表します",
        "開示してまいります", "開示いたします", "ご報告申し上げます",
        "お知らせ申し上げます", "ご案内いたします", "ご案内します",
        "ご案内させていただきます", "ご報告させていただきます", NULL,
    };
    static const char *const not_incident[] = {
        "再開", "個別に", "個別で", "ご連絡", "通知", "まいりました",
        "本お知らせ", "ました。", NULL,
    };
    /* the business, not the incident, even on the site (今後の店舗営業に
     * 関する最新情報はホームページにて随時ご案内します) */
    static const char *const business[] = {
        "営業に関する", "営業状況", "営業時間", NULL,
    };
    /* but told to all again, or this notice updated (判明しましたら、改めて
     * ご連絡させて頂きます; 判明した際は、速やかに本お知らせに掲載いたし
     * ます) */
    static const char *const to_all[] = {
        "改めてご連絡", "あらためてご連絡", "本お知らせに掲載",
        "本お知らせを更新", "本お知らせにて更新", NULL,
    };
    /* a promise to act, not to tell (具体的な漏えい状況等が判明次第、その
     * 状況に応じて適切に対応してまいりたい) */
    static const char *const act[] = {
        "対応してまいり", "対応いたし", "対応させていただ", "対処いたし",
        "対処してまいり", NULL,
    };
    static const char *const tell[] = {
        "お知らせ", "報告", "公表", "開示", "ご連絡", "掲載", "公開", "ご案内",
        NULL,
    };
    /* on the site as well as to each (弊社ウェブサイトおよび個別通知等で
     * お知らせいたします) */
    static const char *const on_site[] = {
        "ウェブサイト", "ホームページ", "Webサイト", "WEBサイト", NULL,
    };
    const char *title = d->title;
    size_t tl = d->title_len, i;
    const json_t *rel = d->meta ? json_object_get(d->meta, "related") : NULL;
    int series = 0;
    int is_done = 0, promise = 0, first_said = 0, results = 0, probing = 0;
    long n = title ? report_number(title, tl) : 0;
    int kind = archive_kind(d);

    /* an earlier report links a series; a related one of another party
     * (関連 株式会社ＡＯＫＩホールディングス（親会社）: the parent's
     * release) does not */
    for (i = 0; json_is_array(rel) && i < json_array_size(rel); i++) {
        const json_t *r = json_array_get(rel, i);
        const char *lb = json_string_value(json_object_get(r, "label"));
        const char *note = json_string_value(json_object_get(r, "note"));
        if (!(lb && strncmp(lb, "関連", strlen("関連")) == 0 && note
              && d->org && !strstr(note, d->org)))
            series = 1;
    }

    if (kind == 'f' || (title && ANY_OF(d, d->ns, final_title)))
        return "final";
    if (kind == 'i')
        return "initial";
    if (kind == 'u')
        series = 1;
    if (title && ANY_OF(d, d->ns, done_title))
        is_done = 1;
    for (i = 0; i < d->ns; i++) {
        if ((ANY_OF(d, i, done)
             || (ANY_OF(d, i, completed) && ANY_OF(d, i, inquiry)))
            && NONE_OF(d, i, done_later))
            is_done = 1;
        if (((ANY_OF(d, i, result) && ANY_OF(d, i, result_got))
             || ANY_OF(d, i, denied_result))
            && NONE_OF(d, i, interim))
            results = 1;
        /* a section of results (## 調査結果の概要), not of results so far */
        if (d->s[i].heading && HAS(d, i, "調査結果") && NONE_OF(d, i, interim)
            && NONE_OF(d, i, first) && NONE_OF(d, i, later))
            results = 1;
        if (ANY_OF(d, i, still_probing))
            probing = 1;
        if ((ANY_OF(d, i, more)
             || (ANY_OF(d, i, more_known) && ANY_OF(d, i, told))
             || (ANY_OF(d, i, again) && ANY_OF(d, i, will_tell)))
            && (NONE_OF(d, i, not_incident)
                || (ANY_OF(d, i, to_all) && !HAS(d, i, "個別")
                    && !HAS(d, i, "再開"))
                || (ANY_OF(d, i, on_site) && !HAS(d, i, "再開")))
            && NONE_OF(d, i, business)
            && !(ANY_OF(d, i, act) && NONE_OF(d, i, tell)))
            promise = 1;
        if (ANY_OF(d, i, first_body))
            first_said = 1;
        else if (earlier_report(d, i))
            series = 1;
    }
    if (results && !probing)
        is_done = 1;
    if (n == 1 || first_said || (title && ANY_OF(d, d->ns, first)))
        return "initial";
    if (n >= 2 || series || (title && ANY_OF(d, d->ns, later)))
        return is_done ? "final" : "update";
    return promise ? "initial" : "single";
}

/* --- incident types ---------------------------------------------------- */

static unsigned term_types(const struct ix_doc *d)
{
    size_t i, n = d->nterms;
    unsigned m = 0;
    int k;

    for (i = 0; i < n; i++) {
        const char *c = d->terms[i].concept;
        if (!c || strncmp(c, "incident_type.", 14) != 0)
            continue;
        for (k = 0; k < T_NTYPES; k++)
            if (strcmp(c + 14, jaen_ix_type_names[k]) == 0)
                m |= 1u << k;
    }
    return m;
}

/* A span to scan: a sentence or the title. */
struct span {
    const char *s;
    size_t len;
    enum ix_sec sec;
    size_t si;              /* its span number: sentence, or ns (title) */
    const struct ix_doc *d;
};

#define SANY(sp, list) (jaen_ix_q_any((sp)->d, (sp)->si, list))
#define SHAS(sp, k) (jaen_ix_q_has((sp)->d, (sp)->si, k))

/* First offset of any of ks in sp, or (size_t)-1; *kl its length. */
static size_t first_of(const struct span *sp, const char *const *ks,
                       size_t *kl)
{
    return jaen_ix_q_first(sp->d, sp->si, 0, sp->len, ks, kl);
}

/* Words right after a keyword that state it happened (不正アクセスにより). */
static int asserted_after(const char *s, size_t len)
{
    static const char *const how[] = {
        "による", "により", "を受け", "が発生", "があり", "がありました",
        "された", "されました", "を確認",
        /* ランサムウェア被害によるものですが、…含まれていないことを確認 */
        "被害によ", "被害を受け", "被害が発生", "攻撃によ", "攻撃を受け",
        "感染によ",
        /* 当社サーバーがランサムウェアの被害を受けたことが確認され */
        "の被害を受け", "の被害が発生", "の攻撃を受け", "に感染し", NULL,
    };
    const char *const *h;

    for (h = how; *h; h++)
        if (len >= strlen(*h) && memcmp(s, *h, strlen(*h)) == 0)
            return 1;
    return 0;
}

/* Words that deny the clause they end (ランサムウェアによる被害でないこと
 * も確認): they win over asserted_after's による, but only up to the
 * clause's end, so that 攻撃を受けましたが、流出はないことを確認 stays
 * an attack. */
static int clause_denied(const char *s, size_t len)
{
    static const char *const deny[] = {
        "でない", "ではない", "ではなく", "でなく", "ないことを確認",
        "ないことが確認", "ないことも確認", "ないと判断", NULL,
    };
    size_t end = jaen_ix_find(s, len, "\xE3\x80\x81");     /* 、 */

    return jaen_ix_any(s, end == (size_t)-1 ? len : end, deny);
}

/* Is a keyword of ks in sp and not denied after it? */
static int affirmed(const struct span *sp, const char *const *ks)
{
    size_t kl, p = first_of(sp, ks, &kl);

    if (p == (size_t)-1)
        return 0;
    if (asserted_after(sp->s + p + kl, sp->len - p - kl))
        return !clause_denied(sp->s + p + kl, sp->len - p - kl);
    /* a keyword that is itself a negative (利用できない, 送受信ができな)
     * is not denied by its own ない (送受信ができないことを確認) */
    if ((kl >= 6 && memcmp(sp->s + p + kl - 6, "ない", 6) == 0)
        || (kl >= 3 && memcmp(sp->s + p + kl - 3, "な", 3) == 0))
        return !jaen_ix_q_any_from(sp->d, sp->si, p + kl, negated);
    return !jaen_ix_q_any_from(sp->d, sp->si, p, negated);
}

static int in_body(const struct span *sp)
{
    return sp->sec != SEC_CONTACT;
}

/* The first advice word in sp at or after byte from, its length in *al;
 * (size_t)-1 when none.  A task force (対策本部を立ち上げ) gives no
 * advice. */
static size_t advice_from(const struct span *sp, size_t from, size_t *al)
{
    size_t a = jaen_ix_q_first(sp->d, sp->si, from, sp->len, advice, al);

    while (a != (size_t)-1 && sp->len - a - *al >= 6
           && memcmp(sp->s + a + *al, "本部", 6) == 0)
        a = jaen_ix_q_first(sp->d, sp->si, a + *al, sp->len, advice, al);
    return a;
}

/* Is there advice in sp? */
static int advises(const struct span *sp)
{
    size_t al;

    return advice_from(sp, 0, &al) != (size_t)-1;
}

/* Is sp advice about the first keyword of ks: an advice word in the
 * sentence, unless a clause of reason (…乗っ取られてしまい、…投稿がされて
 * おりますので、…ご注意下さい) closes the statement of ks before it? */
static int advice_about(const struct span *sp, const char *const *ks)
{
    static const char *const reason[] = {"ので、", "ため、", NULL};
    static const char *const maybe_words[] = {
        "危険", "恐れ", "おそれ", "可能性", "場合", "万が一", "万一", NULL,
    };
    size_t kl, al, p = first_of(sp, ks, &kl), a, r;

    a = advice_from(sp, 0, &al);
    /* what a service is used for is no advice (メールセキュリティ対策
     * として利用している…サービス) */
    while (a != (size_t)-1 && sp->len - a - al >= 9
           && memcmp(sp->s + a + al, "として", 9) == 0)
        a = advice_from(sp, a + al, &al);
    if (a == (size_t)-1)
        return 0;
    /* a clause of purpose before it (被害の拡大を防ぐために…遮断し、
     * 不正アクセスを受けたファイルの特定) does not make a thing that
     * happened advice; 不正アクセスを受けないよう still is */
    if (p != (size_t)-1 && a < p
        && jaen_ix_q_find(sp->d, sp->si, a + al, "\xE3\x80\x81") < p
        && asserted_after(sp->s + p + kl, sp->len - p - kl)
        && !jaen_ix_has(sp->s + p + kl,
                        sp->len - p - kl < 8 * 3 ? sp->len - p - kl : 8 * 3,
                        "な"))
        a = advice_from(sp, p + kl, &al);
    if (a == (size_t)-1)
        return 0;
    if (p == (size_t)-1 || a < p)
        return 1;
    if (asserted_after(sp->s + p + kl, sp->len - p - kl))
        return 0;       /* 不正アクセスを受け、…セキュリティ対策を施した */
    r = jaen_ix_q_first(sp->d, sp->si, p, a, reason, &al);
    if (r == (size_t)-1)
        return 1;
    /* a danger (…ウイルス感染の危険がありますので) is advice too */
    return jaen_ix_q_first(sp->d, sp->si, 0, r, maybe_words, &al)
           != (size_t)-1;
}

/* Is the first keyword of ks in sp told as having happened (不正アクセス
 * を受けた…), not only named (不正アクセスに関する監視体制)? */
static int stated(const struct span *sp, const char *const *ks)
{
    size_t kl, p = first_of(sp, ks, &kl);

    return p != (size_t)-1
           && asserted_after(sp->s + p + kl, sp->len - p - kl);
}

/* A plain statement of ks: affirmed, not advice, not contact details. */
static int mention(const struct span *sp, const char *const *ks)
{
    return in_body(sp) && affirmed(sp, ks) && !advice_about(sp, ks);
}

/* Is the first keyword of ks in sp the subject of a condition (流出が
 * 確認された場合, 万が一…)?  A leak that would be reported if found is no
 * leak reported. */
static int conditional(const struct span *sp, const char *const *ks)
{
    size_t kl, p = first_of(sp, ks, &kl), w;

    if (p == (size_t)-1)
        return 0;
    if (jaen_ix_q_find(sp->d, sp->si, 0, "万が一") < p
        || jaen_ix_q_find(sp->d, sp->si, 0, "万一") < p)
        return 1;
    p += kl;
    w = sp->len - p < 7 * 3 ? sp->len - p : 7 * 3;  /* された場合 */
    if (jaen_ix_has(sp->s + p, w, "場合"))
        return 1;
    /* 今後…流出が判明した組合員様が確認された場合は: farther, in the
     * same clause, after 今後 */
    w = sp->len - p < 30 * 3 ? sp->len - p : 30 * 3;
    {
        size_t c = jaen_ix_find(sp->s + p, w, "、");
        if (c != (size_t)-1)
            w = c;
    }
    return jaen_ix_q_find(sp->d, sp->si, 0, "今後") < p
           && jaen_ix_has(sp->s + p, w, "場合");
}

/* Does sp only say the possibility is being investigated (流出の可能性に
 * ついて調査を進めております)?  Like 漏えいの有無を調査, that names
 * nothing as exposed; a finished investigation (調査が完了, 調査の結果)
 * reports its finding elsewhere in the sentence. */
static int probing(const struct span *sp)
{
    static const char *const probe[] = {
        "可能性について", "可能性を調査", "可能性を含め", "可能性も含め",
        "可能性を含む", "可能性につきまして調査", "可能性および",
        "可能性及び", "可能性がないか", "おそれもふまえ", "おそれも踏まえ",
        "おそれを踏まえ", "可能性もふまえ", "可能性も踏まえ", "可能性を踏まえ",
        NULL,
    };
    static const char *const ongoing[] = {
        "調査を進め", "調査して", "調査を継続", "調査を実施して", "調査中",
        "調査を行って", "調査いたして", "調査しており", "調査を開始",
        "確認を進め", "確認中", "調査・対応を進め", "調査・確認を進め",
        "調査・分析を進め", "調査を依頼し", "検証を進め", NULL,
    };
    static const char *const done[] = {"完了", "結果", "判明", NULL};

    size_t kl, p = first_of(sp, probe, &kl);

    /* done after the doubt: what happened before it (不正アクセスの事実が
     * 判明したことに伴い、情報漏洩の可能性について…検証を進めて) is no
     * result of the look */
    return p != (size_t)-1 && SANY(sp, ongoing)
           && !jaen_ix_q_any_from(sp->d, sp->si, p, done);
}

/* Is byte p of s inside 「」? */
static int quoted_at(const char *s, size_t p)
{
    size_t k;
    int depth = 0;

    for (k = 0; k + 3 <= p; k++) {
        if (memcmp(s + k, "「", 3) == 0)
            depth++;
        else if (memcmp(s + k, "」", 3) == 0 && depth > 0)
            depth--;
    }
    return depth > 0;
}

/* Is the leak at byte p0 (keyword kl bytes) of sp denied in its clause,
 * and the possibility sp speaks of only in the clause after it, about
 * something else (情報漏えいは確認されておりませんが、…詐欺が今後発生
 * する可能性があります)? */
static int possible_elsewhere(const struct span *sp, size_t p0, size_t kl)
{
    static const char *const denied_here[] = {
        "確認されておりません", "確認されていません", "確認されておらず",
        "発生していない", "ございません", "ありません", NULL,
    };
    /* the clause after still about data (閲覧された可能性, 可能性を完全に
     * 否定することはできません) */
    static const char *const still_data[] = {
        "漏えい", "漏洩", "流出", "閲覧", "否定", "窃取", "情報", NULL,
    };
    size_t from = p0 + kl, ga, q, ql;

    ga = jaen_ix_find(sp->s + from, sp->len - from, "が、");
    if (ga == (size_t)-1 || !jaen_ix_any(sp->s + from, ga, denied_here))
        return 0;
    ga += from;
    q = jaen_ix_q_first(sp->d, sp->si, 0, sp->len, possible, &ql);
    return q != (size_t)-1 && q > ga
           && !jaen_ix_any(sp->s + ga, sp->len - ga, still_data);
}

/* Does sp deny the possibility (漏洩の可能性もない) before raising one?  A
 * possibility raised first (漏えいした可能性があり、…調査の結果…漏えいの
 * 恐れもない) was reported: the leak stays (tests/labels/README.md). */
static int possibility_denied(const struct span *sp,
                              const char *const *no_possibility)
{
    size_t kl, r = jaen_ix_q_first(sp->d, sp->si, 0, sp->len, no_possibility,
                                   &kl);
    size_t q = jaen_ix_q_first(sp->d, sp->si, 0, sp->len, possible, &kl);

    return r != (size_t)-1 && (q == (size_t)-1 || q >= r);
}

/* Does sp, or one of the back sentences of the body before it, say a
 * word of ks? */
static int said_near(const struct span *sp, const char *const *ks,
                     size_t back)
{
    size_t k;

    if (SANY(sp, ks))
        return 1;
    for (k = 1; k <= back && k <= sp->si && sp->si < sp->d->ns; k++)
        if (jaen_ix_q_any(sp->d, sp->si - k, ks))
            return 1;
    return 0;
}

/* Is sp a line of the body that reads as a title: a list item, or a
 * line that does not end in 。 (a release cited by its title, on a line
 * of its own after 「詳細は IIJ 社からのプレスリリースをご覧ください。」)? */
static int title_line(const struct span *sp)
{
    size_t len = sp->len;

    if (sp->si >= sp->d->ns)
        return 0;
    if (sp->d->s[sp->si].item)
        return 1;
    while (len > 0 && sp->s[len - 1] == ' ')
        len--;
    return len >= 3 && memcmp(sp->s + len - 3, "。", 3) != 0;
}

/* Is sp a label whose value denies it (閲覧された可能性がある個人情報:
 * 確認されませんでした)? */
static int label_denied(const struct span *sp)
{
    static const char *const none[] = {
        "確認されませんでした", "確認されておりません", "確認されていません",
        "なし", "ありません", "ございません", "該当なし", NULL,
    };
    size_t c = jaen_ix_q_find(sp->d, sp->si, 0, "："), cl = 3, kl;
    size_t h = jaen_ix_q_find(sp->d, sp->si, 0, ":");

    if (h != (size_t)-1 && (c == (size_t)-1 || h < c)) {
        c = h;
        cl = 1;
    }
    if (c == (size_t)-1)
        return 0;
    c += cl;
    while (c < sp->len && sp->s[c] == ' ')
        c++;
    return jaen_ix_q_first(sp->d, sp->si, c, sp->len, none, &kl) == c;
}

static int leak_span(const struct span *sp)
{
    static const char *const leak[] = {
        "漏えい", "漏洩", "流出", "漏れ", "窃取", "持ち出され", "盗まれ",
        "盗み取", "詐取", "抜き取", "不正に取得", "不正取得", "閲覧された",
        "閲覧可能", "閲覧できる状態", "外部に送信", "外部へ送信", "外部に転送",
        "外部へ転送", "公開された", "公開状態", "公開されていた", "リーク",
        "暴露",
        /* exposed to outsiders (外部からアクセス可能な状態となっていた) */
        "外部からアクセス可能", "外部からのアクセスが可能",
        "外部からアクセスされ", "誰でもアクセス可能", "第三者がアクセス可能",
        "第三者にダウンロード", "不正にダウンロード",
        /* the attacker as subject (攻撃者が一部従業者の情報について閲覧した
         * 可能性がありましたが) */
        "閲覧した可能性", "閲覧できた可能性",
        /* データの一部が不正に読みだされた可能性 */
        "読み出され", "読みだされ", NULL,
    };
    /* shown: personal data shown to others (他のお客様の氏名・住所…が
     * 表示された), not a page or a site shown (表示された本会の名称) */
    static const char *const shown[] = {"表示された", "表示される事象", NULL};
    static const char *const shown_what[] = {
        "情報", "個人", "氏名", "住所", "アドレス", "番号", "名前", NULL,
    };
    /* another company's release cited by its title (下記IIJ社からの
     * プレスリリースをご確認ください。「…お客様情報の漏えいについて」),
     * in the sentence or one of the two before: the provider's words,
     * not the writer's (its own earlier release, 当社の…リリース「…」,
     * is) */
    static const char *const cites[] = {
        "からのリリース", "からのプレスリリース", "社のリリース",
        "社のプレスリリース", "社からのお知らせ", "社の公表", "社の発表資料",
        "同社ニュースリリース", "同社のニュースリリース", "(参考)", "（参考）",
        NULL,
    };
    static const char *const sure[] = {
        "漏えいしました", "漏洩しました", "流出しました", "流出した",
        "漏えいした", "漏洩した", "窃取された", "窃取されました", "盗まれ",
        "流出を確認", "漏えいを確認", "漏洩を確認", "流出が確認",
        "漏えいが確認", "漏洩が確認", "流出が判明", "漏えいが判明",
        "漏洩が判明", "情報漏洩のみ", "情報漏えいのみ",
        "持ち出されたこと", "外部に送信されていた", "閲覧されたこと",
        "公開されていた", "詐取", "抜き取られ", "流出している",
        "外部からアクセス可能な状態", "外部からアクセスされた",
        "第三者にダウンロードされた", "不正にダウンロードされた",
        "漏えい事案", "漏洩事案", "情報漏えいに関する", "情報漏洩に関する",
        "漏えいについて", "漏洩について", "漏えいのお知らせ",
        "漏洩のお知らせ", "表示された", "持ち出された", "外部へ送信された",
        "外部に送信された", "閲覧された形跡", "閲覧された痕跡",
        "送信された形跡", "窃取された形跡", "閲覧できる状態であった",
        "閲覧できる状態にあった", "閲覧可能な状態であった",
        "漏えいしていたこと", "漏洩していたこと", "流出していたこと",
        "漏えいしていました", "漏洩していました", "流出していました", NULL,
    };
    /* the possibility denied (漏えいのおそれがないことが確認できて) */
    static const char *const no_possibility[] = {
        "可能性は低", "可能性はない", "可能性はございません",
        "可能性はありません", "可能性がない", "おそれがない", "おそれはない",
        "おそれはございません", "おそれはありません", "恐れがない",
        "恐れはない", "おそれもない", "恐れもない", "可能性もない",
        "おそれもございません", "可能性もございません", NULL,
    };
    /* a possible leak reported to the regulator, told among the measures
     * (個人情報漏洩の可能性があることを速報として報告) */
    static const char *const reported[] = {
        "可能性があることを", "おそれがあることを", NULL,
    };

    /* a promise to tell once known (情報漏洩の可能性…が判明しましたら、
     * 速やかにご報告) */
    static const char *const once_known[] = {
        "判明しましたら", "判明し次第", "判明次第", "わかりましたら",
        "分かりましたら", "明らかになり次第", "明らかになりましたら", NULL,
    };
    /* funds paid out to a fraudster (資金流出事案) are no data */
    static const char *const funds_out[] = {
        "資金流出", "資金の流出", "資金が流出", "資金を流出", "資金流失",
        "金銭の流出", "流出した資金", "流出資金", NULL,
    };
    static const char *const data_words[] = {
        "情報", "データ", "個人", "ファイル", "メール", NULL,
    };
    /* credentials leaked from other services, then tried here (リスト型
     * 攻撃): the cause, not this incident's leak */
    static const char *const leaked_elsewhere[] = {
        "以外のサービスから", "他社のサービスなどから", "他社のサービスから",
        "他のサービスから", "他サービスから", "他社サービスから",
        "外部サービスから流出", "他のサイトから", "他サイトから", NULL,
    };

    int said = SANY(sp, leak);
    size_t kl, p0;

    /* a section's heading (### ■ 情報漏洩について, (1) 情報漏洩の可能性に
     * ついて) names the question; what is under it answers */
    if (sp->si < sp->d->ns && sp->d->s[sp->si].heading && SHAS(sp, "について"))
        return 0;

    /* shown: not a fake warning's phone number readers are told not to
     * call (表示されたメッセージ内の…記載された電話番号に連絡することは
     * 絶対にお控えください) */
    if (!(said || (SANY(sp, shown) && SANY(sp, shown_what)
                   && !SHAS(sp, "ください")))
        || sp->sec == SEC_CONTACT
        || (sp->sec == SEC_RESPONSE && !SANY(sp, reported))
        || (SANY(sp, funds_out) && !SANY(sp, data_words))
        || SANY(sp, leaked_elsewhere) || label_denied(sp))
        return 0;
    p0 = first_of(sp, said ? leak : shown, &kl);
    if (p0 != (size_t)-1 && (quoted_at(sp->s, p0) || title_line(sp))
        && said_near(sp, cites, 2))
        return 0;
    if (SANY(sp, possible) || SANY(sp, suspected))
        return !(SHAS(sp, "有無") || possibility_denied(sp, no_possibility)
                 || SANY(sp, once_known)
                 || (p0 != (size_t)-1 && possible_elsewhere(sp, p0, kl))
                 || probing(sp) || conditional(sp, possible));
    return affirmed(sp, sure) && !conditional(sp, sure);
}

static int closing_bracket(const char *w)
{
    return strcmp(w, "」") == 0 || strcmp(w, "）") == 0
           || strcmp(w, ")") == 0;
}

/* Does s[0..p) end in a bracket that names the writer itself, as an
 * alias does (（以下「当ホテル」）において): 当, 弊 or 本 opening it? */
static int own_alias(const char *s, size_t p)
{
    static const char *const self[] = {"当", "弊", "本", NULL};
    size_t q = p, k;

    while (q > 0 && p - q < 60) {
        q--;
        if ((unsigned char)s[q] == 0xE3 && p - q >= 3
            && memcmp(s + q, "「", 3) == 0)
            break;
    }
    if (q + 3 > p || memcmp(s + q, "「", 3) != 0)
        return 0;
    for (k = 0; self[k]; k++)
        if (p - q >= 6 && memcmp(s + q + 3, self[k], 3) == 0)
            return 1;
    return 0;
}

/* Does an attack sentence place the attack at another organization
 * (「〜株式会社において」「同社の」「委託先で」)? */
static int at_other(const struct span *sp)
{
    static const char *const at[] = {"において", "における", "にて", "では",
                                     "で、", "より", "から", NULL};
    static const char *const who[] = {
        "会社", "社", "」", "）", ")", "者", "先", "店", "業者", "ダー",
        NULL,
    };
    static const char *const own[] = {"当社", "弊社", "本社", "子会社",
                                      "グループ会社", "関係会社", NULL};
    const char *const *a, *const *w;
    size_t p, at0 = 0;

    if (SHAS(sp, "同社") || SHAS(sp, "委託先") || SHAS(sp, "指定管理者"))
        return 1;
    for (a = at; *a; a++) {
        at0 = 0;
        while ((p = jaen_ix_q_find(sp->d, sp->si, at0, *a))
               != (size_t)-1) {
            for (w = who; *w; w++) {
                size_t wl = strlen(*w);
                if (p < wl || memcmp(sp->s + p - wl, *w, wl) != 0
                    || (closing_bracket(*w) && own_alias(sp->s, p)))
                    continue;
                if (!jaen_ix_ends_any(sp->s, p, own))
                    return 1;
            }
            at0 = p + strlen(*a);
        }
    }
    return 0;
}

/* Is the first keyword of ks in sp followed by a doubt (フィッシング
 * メールが送付される可能性がございます: a warning of what may come)? */
static int doubted_after(const struct span *sp, const char *const *ks)
{
    size_t kl, p = first_of(sp, ks, &kl);

    return p != (size_t)-1 && jaen_ix_q_any_from(sp->d, sp->si, p, possible);
}

/* Does sp speak of something another organization provides (X社が提供
 * するシステム)?  当社が提供する, 弊社が提供する: the writer's own; and
 * an admin screen or account on a platform (予約サイトが提供する管理画面)
 * is the writer's own account there (tests/labels/README.md). */
static int provided_by_other(const struct span *sp)
{
    static const char *const self[] = {"当", "弊", "本", NULL};
    static const char *const provides[] = {"が提供する", "が提供して",
                                           "が提供し、", NULL};
    static const char *const own_account[] = {"管理画面", "管理システム",
                                              NULL};
    size_t p = 0, k, kl;

    if (SANY(sp, own_account))
        return 0;
    while ((p = jaen_ix_q_first(sp->d, sp->si, p, sp->len, provides, &kl))
           != (size_t)-1) {
        for (k = 0; self[k]; k++)
            if (p >= 6 && memcmp(sp->s + p - 6, self[k], 3) == 0)
                break;
        if (!self[k])
            return 1;
        p += kl;
    }
    return 0;
}

/* A full-width Latin letter or digit (ＩＩＪ社: the text is not folded
 * here). */
static int wide_alnum(uint32_t c)
{
    return (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A)
           || (c >= 0xFF41 && c <= 0xFF5A);
}

/* The code point that ends at byte b (> 0) of s, its first byte in *q;
 * 0x110000, no code point, where the bytes there are not one character. */
static uint32_t cp_before(const char *s, size_t b, size_t *q)
{
    size_t cl = 0;
    uint32_t c;

    *q = b - 1;
    while (*q > 0 && ((unsigned char)s[*q] & 0xC0) == 0x80)
        (*q)--;
    if (!jaen_utf8_next(s + *q, b - *q, &cl, &c) || cl != b - *q)
        return 0x110000;
    return c;
}

/* A Latin letter or a digit, full-width too (IIJ, ＩＩＪ). */
static int latin_or_digit(uint32_t c)
{
    return jaen_cps_digit(c) || jaen_cps_alpha(c) || wide_alnum(c);
}

/* Is a character at s (UTF-8, at most n bytes) part of a company name: a
 * letter or digit (full-width too), katakana or kanji, not a particle
 * (hiragana), bracket, punctuation or space?  Its length in *cl. */
static int name_cp(uint32_t c)
{
    return latin_or_digit(c) || jaen_cps_kanji(c)
           || (c >= 0x30A0 && c <= 0x30FF);                    /* katakana */
}

static int name_char(const char *s, size_t n, size_t *cl)
{
    uint32_t c;

    *cl = 0;
    return n && jaen_utf8_next(s, n, cl, &c) && name_cp(c);
}

/* Is a name of Latin letters, digits or katakana, two characters or more,
 * just before byte p of sp, or before the spaces there (IIJ社, IIJ 社 in
 * PDF text, シーナッツ社: another company named by 社 alone; 当社, 会社,
 * 各社 and other kanji words are not names)?  The name is [*a, *e). */
static int name_before(const struct span *sp, size_t p, size_t *a,
                       size_t *e)
{
    size_t b = p, n = 0;

    while (b > 0 && sp->s[b - 1] == ' ')
        b--;
    *e = b;
    while (b > 0 && n < 24) {
        size_t q;
        uint32_t c = cp_before(sp->s, b, &q);
        if (!(latin_or_digit(c) || (c >= 0x30A1 && c <= 0x30FA)
              || c == 0x30FC))
            break;
        b = q;
        n++;
    }
    *a = b;
    return n >= 2;
}

/* Is name (NUL-terminated) a company of the writer's group: named in a
 * sentence of the document that says 子会社 or グループ会社 (「当社子会社
 * であり…住友林業クレスト株式会社（以下、クレスト社）」)? */
static int group_name(const struct ix_doc *d, const char *name)
{
    static const char *const group[] = {
        "子会社", "グループ会社", "関連会社", "グループ企業", NULL,
    };
    /* the group itself names a member only right before it (当社グループ
     * のX社), not in 当社グループのメールデータ…IIJ社より */
    static const char *const of_group[] = {
        "当社グループの", "弊社グループの", NULL,
    };
    /* not a service the group uses from it (当社グループが利用している
     * IIJ社提供のメールシステム) */
    static const char *const service[] = {
        "提供の", "提供する", "が運営する", "の運営する", "利用している",
        "利用する", NULL,
    };
    size_t i, nl = strlen(name);

    for (i = 0; i < d->ns && nl > 0; i++) {
        const char *s = IX_S(d, i);
        size_t p = jaen_ix_find(s, IX_L(d, i), name);
        if (p == (size_t)-1 || jaen_ix_q_any(d, i, service))
            continue;
        if (jaen_ix_q_any(d, i, group) || jaen_ix_ends_any(s, p, of_group))
            return 1;
    }
    return 0;
}

static int named_with_sama(const struct span *sp);

/* Does sp name a company other than the writer (its meta organization)
 * next to a legal form: 「株式会社トラストバンク」 in a city's notice, but
 * not 「農中 JAML 投資顧問株式会社（以下「当社」）」 in that company's; or
 * by a name and 社 (「IIJ社」)? */
static int other_company(const struct span *sp)
{
    static const char *const legal[] = {"株式会社", "有限会社", "合同会社",
                                        "㈱", "(株)", "（株）", NULL};
    const char *org = sp->d->org;
    const char *const *k;

    for (k = legal; *k; k++) {
        size_t kl = strlen(*k), from = 0, p;
        while ((p = jaen_ix_q_find(sp->d, sp->si, from, *k))
               != (size_t)-1) {
            /* the name's three characters after the form, else before it
             * (two were too few: イン of インターネットイニシアティブ is
             * in 日本インベスター…) */
            size_t a = p + kl, b, cl, i;
            char name[16];
            while (a < sp->len && sp->s[a] == ' ')  /* 株式会社 IIJ (PDF) */
                a++;
            for (b = a, i = 0; i < 3 && b < sp->len
                        && name_char(sp->s + b, sp->len - b, &cl); i++)
                b += cl;
            if (b == a) {
                for (b = p, i = 0; i < 3 && b > 0; i++) {
                    size_t q;
                    if (!name_cp(cp_before(sp->s, b, &q)))
                        break;
                    b = q;
                }
                a = b;
                b = p;
            }
            if (b > a && b - a < sizeof(name)) {
                memcpy(name, sp->s + a, b - a);
                name[b - a] = '\0';
                if (!org || !strstr(org, name))
                    return 1;
            }
            from = p + kl;
        }
    }
    {           /* or by 社 after a name (IIJ社), not its make (Cisco 社製品) */
        size_t from = 0, p, a, e;
        char name[80];
        while ((p = jaen_ix_q_find(sp->d, sp->si, from, "社"))
               != (size_t)-1) {
            if (name_before(sp, p, &a, &e) && e - a < sizeof(name)
                && !(p + 6 <= sp->len && memcmp(sp->s + p + 3, "製", 3) == 0)) {
                memcpy(name, sp->s + a, e - a);
                name[e - a] = '\0';
                if ((!org || !strstr(org, name))
                    && !group_name(sp->d, name))
                    return 1;
            }
            from = p + 3;
        }
    }
    return named_with_sama(sp);
}

/* Does sp name a company with 様 after its Latin abbreviation in brackets
 * or after Latin letters alone (インターネットイニシアティブ（IIJ）様, IIJ
 * 様)?  Not a katakana word with 様: ユーザー様 and オーナー様 are people. */
static int named_with_sama(const struct span *sp)
{
    size_t from = 0, p, a, e, q, n;

    while ((p = jaen_ix_q_find(sp->d, sp->si, from, "様")) != (size_t)-1) {
        from = p + 3;
        e = p;
        if (e >= 3 && !memcmp(sp->s + e - 3, "）", 3))
            e -= 3;
        else if (e >= 1 && sp->s[e - 1] == ')')
            e -= 1;
        for (q = e, n = 0; q > 0; n++) {
            size_t b;
            if (!latin_or_digit(cp_before(sp->s, q, &b)))
                break;
            q = b;
        }
        if (n < 2)
            continue;
        if (e == p)             /* IIJ様 */
            return 1;
        a = q;                  /* （IIJ）様: a name before the bracket */
        if ((a >= 3 && !memcmp(sp->s + a - 3, "（", 3)
             && name_before(sp, a - 3, &a, &e))
            || (a >= 1 && sp->s[a - 1] == '('
                && name_before(sp, a - 1, &a, &e)))
            return 1;
    }
    return 0;
}

/* The legal forms a writer's or provider's name is read back to. */
static const char *const short_forms[] = {"株式会社", "有限会社", NULL};

/* Does byte p of sp end a name that follows a legal form (株式会社トラスト
 * バンクのサーバ): name characters only, back to 株式会社 or 有限会社? */
static int after_legal_form(const struct span *sp, size_t p)
{
    size_t b = p, n = 0;

    while (b > 0 && n < 20) {
        size_t q;
        if (n > 0 && jaen_ix_ends_any(sp->s, b, short_forms))
            return 1;
        if (!name_cp(cp_before(sp->s, b, &q)))
            return 0;
        b = q;
        n++;
    }
    return 0;
}

/* Does sp tell of a service the writer uses from another company
 * (「当行は、株式会社インターネットイニシアティブの運営するメールシステムを
 * 利用しておりますが」)? */
static int uses_other(const struct span *sp)
{
    static const char *const uses[] = {
        "利用する", "利用して", "使用する", "使用して", "提供の", "提供する",
        "サービス", "運用して", "運用する", "導入して", "導入する",
        "が運営する", "の運営する", "契約している", "契約しております",
        /* 株式会社インターネットイニシアティブのメールシステムへの不正
         * アクセス事案 */
        "のメールシステム", "のメールセキュリティ",
        /* ＩＩＪ社メールシステムへの不正アクセス事案 */
        "社メールシステム", "社メールセキュリティ", NULL,
    };
    /* another company's system or service named as attacked (サンプル
     * 株式会社（以下サンプル）のシステムの一部が第三者による不正アクセス
     * を受け), not the writer's own (弊社のシステムの一部に対して) */
    static const char *const whose[] = {"のシステム", "のサービス", "のサーバ",
                                        NULL};
    static const char *const own[] = {
        "弊社", "当社", "本社", "当行", "当院", "本学", "当法人", "当会",
        "弊所", "当所", "当機構", "当団体", "本校", "当校", "グループ", "本市",
        "当市", "本町", "当町", "本村", "当組合", "当金庫", NULL,
    };
    /* right before it, the end of a company's name (ＩＩＪ社の, サンプル
     * 保険株式会社（以下サンプル保険）の), not 一部のサーバー */
    static const char *const name_end[] = {"社", "）", ")", "」", NULL};
    size_t from = 0, p, kl;
    int theirs = 0;

    /* a table's row names a company, not a service of it (|マリサット
     * 通信サービス(株)|漏洩のおそれは確認されていません|) */
    if ((sp->len > 0 && sp->s[0] == '|') || memchr(sp->s, '\t', sp->len))
        return 0;
    while (!theirs && (p = jaen_ix_q_first(sp->d, sp->si, from, sp->len,
                                           whose, &kl)) != (size_t)-1) {
        theirs = !jaen_ix_ends_any(sp->s, p, own)
                 && (jaen_ix_ends_any(sp->s, p, name_end)
                     || after_legal_form(sp, p));
        from = p + kl;
    }
    return (SANY(sp, uses) || theirs) && other_company(sp);
}

/* Does a word of ks occur in sp outside the writer's own name (株式会社
 * 国際協力銀行 says no 協力)? */
static int any_but_org(const struct span *sp, const char *const *ks)
{
    const char *org = sp->d->org, *core = org;
    size_t cl, k, p, from, q;

    if (!org || !*org)
        return SANY(sp, ks);
    for (k = 0; short_forms[k]; k++)
        if (!strncmp(core, short_forms[k], strlen(short_forms[k])))
            core += strlen(short_forms[k]);
    cl = strlen(core);
    for (k = 0; short_forms[k]; k++)
        if (cl > strlen(short_forms[k])
            && !strcmp(core + cl - strlen(short_forms[k]), short_forms[k]))
            cl -= strlen(short_forms[k]);
    for (; *ks; ks++) {
        size_t kl = strlen(*ks);
        for (from = 0; (p = jaen_ix_q_find(sp->d, sp->si, from, *ks))
                       != (size_t)-1; from = p + 1) {
            int inside = 0;
            /* only where the name would hold the word: linear in the
             * sentence, however often the word comes */
            for (q = p + kl > cl ? p + kl - cl : 0;
                 cl >= kl && q <= p && q + cl <= sp->len && !inside; q++)
                inside = !memcmp(sp->s + q, core, cl);
            if (!inside)
                return 1;
        }
    }
    return 0;
}

/* Does sp speak to the contractor (委託先に確認, 委託先に依頼), not of
 * something at it (委託先における, 委託先において)? */
static int to_vendor(const struct span *sp)
{
    size_t from = 0, p;

    while ((p = jaen_ix_q_find(sp->d, sp->si, from, "委託先に"))
           != (size_t)-1) {
        p += strlen("委託先に");
        if (p + 3 > sp->len || (memcmp(sp->s + p, "お", 3) != 0
                                && memcmp(sp->s + p, "て", 3) != 0))
            return 1;
        from = p;
    }
    return 0;
}

unsigned jaen_ix_types(const struct ix_doc *d)
{
    static const char *const unauth[] = {
        "不正アクセス", "不正侵入", "侵入され", "侵入し", "侵入を受け",
        "不正ログイン", "なりすましログイン", "遠隔操作", "乗っ取", "不正に侵入",
        "不正にログイン", "不正にアクセス", "侵害され",
        "ハッキング", "不正な操作", "不正に操作", "不正操作", "不正なアクセス",
        "不正なログイン", "不正な侵入",
        /* what an attacker reached (サーバ内ファイルにアクセスされる) */
        "ファイルにアクセスされ", "サーバにアクセスされ",
        "サーバーにアクセスされ", "第三者にアクセスされ",
        "攻撃者にアクセスされ",
        /* a timeline's terse line (社内ネットワークへ侵入。) */
        "へ侵入", "に侵入",
        /* attempts on a login (Webメールに対して、悪意のあるアクセスが続いて
         * いることを確認): the labels read them as unauthorized access */
        "悪意のあるアクセス", "悪意あるアクセス", NULL,
    };
    static const char *const sent_to_fake[] = {
        "偽サイトに誘導され", "偽サイトへ誘導され", "偽のサイトに誘導され",
        "偽のサイトへ誘導され", NULL,
    };
    static const char *const by_message[] = {
        "メール", "SMS", "メッセージ", "フィッシング", "リンク", NULL,
    };
    static const char *const mail_server[] = {
        "メールサーバ", "メール送受信サーバ", "送信サーバ", NULL,
    };
    static const char *const relayed[] = {
        "悪用", "経由し", "中継", "踏み台", NULL,
    };
    static const char *const spam[] = {
        "迷惑メール", "不審メール", "スパムメール", "不審なメール", NULL,
    };
    static const char *const account[] = {
        "アカウント", "メールアドレス", "メールサーバ", NULL,
    };
    static const char *const misused[] = {
        "不正に利用され", "不正利用され", "不正利用による", "の不正利用",
        "不正に使用され", "を第三者が使用して", "第三者に使用され", NULL,
    };
    static const char *const unauth_not[] = {
        "ウィルスの侵入", "ウイルスの侵入", "マルウェアの侵入",
        "ランサムウェアの侵入",
        /* defences: 不正なアクセスを抗しつつ, 不正アクセスへの耐性 */
        "アクセスを抗", "アクセスへの耐性", NULL,
    };
    /* the whole word too: what follows it says whether it happened */
    static const char *const ransom[] = {"ランサムウェア", "ランサム",
                                         "身代金", NULL};
    static const char *const encrypted[] = {
        "暗号化され", "暗号化される", "暗号化が行われ", "暗号化を実行",
        "暗号化がされ",
        /* the attacker as subject (犯人が…ファイルの一部を暗号化したことを
         * 確認) */
        "暗号化したことを確認", "暗号化したことが判明", NULL,
    };
    static const char *const got_encrypted[] = {
        "サーバーが暗号化され", "サーバが暗号化され", "ファイルが暗号化され",
        "データが暗号化され", "システムが暗号化され", "端末が暗号化され",
        "ソフトウェアが暗号化され", "パソコンが暗号化され", "PCが暗号化され",
        "文書が暗号化され", "データベースが暗号化され", "NASが暗号化され",
        "が暗号化されアクセス", "が暗号化され、アクセス", NULL,
    };
    static const char *const encrypted_to_protect[] = {
        "暗号化されており", "暗号化されて保存", "暗号化されているため",
        "暗号化されて保管", "暗号化された状態で", NULL,
    };
    /* not encrypted (「認証キー」が暗号化されない状態で…流通する) */
    static const char *const not_encrypted[] = {
        "暗号化されない", "暗号化されず", "暗号化されていない",
        "暗号化されていません", "暗号化されておらず", NULL,
    };
    static const char *const encrypt_ctx[] = {
        "攻撃", "第三者", "不正", "被害", "ウイルス", "感染", "脅迫", NULL,
    };
    static const char *const malware[] = {
        "マルウェア", "ウイルス", "ウィルス", "不正プログラム",
        "不正なプログラム", "バックドア", "Emotet", "エモテット", "トロイ",
        "悪意のあるプログラム", "不審なプログラム", "ワーム",
        "攻撃ツール",
        /* a file planted on the server and run (不正なファイルが設置され、
         * 当該ファイルが実行された); planted alone, the labels read it as
         * tampering or malware alike */
        "ファイルが実行され", NULL,
    };
    static const char *const malware_word[] = {
        "マルウェア", "攻撃ツール", NULL,
    };
    static const char *const malware_not[] = {
        "対策ソフト", "アンチウイルス", "ウイルス対策", "ウイルスチェック",
        "ウイルス定義", "アンチウィルス", "ウィルス対策", "ウィルスチェック",
        "ウィルス定義", "ウイルス検査", "ウィルス検査",
        "スキャン", "排除", "残留", "検知されたファイルはない",
        /* a support scam's fake warning (「ウイルスを検出した」とする) */
        "警告", "と言われ", "とする", "偽の",
        /* a service that screens for it (ウイルスなどを検知するセキュリティー
         * サービス), a check that found none (ウイルス感染調査を実施…痕跡は
         * 発見されませんでした) */
        "などを検知する", "感染調査", NULL,
    };
    static const char *const phish[] = {
        "フィッシング", "スミッシング", "偽サイト", "偽のサイト",
        "偽のログイン", "偽のウェブサイト", "偽ページ", "偽のメール",
        "偽メール",
        /* a payment made on a fraudster's instructions (BEC): the labels
         * call it phishing, the closest type */
        "虚偽の送金指示", "虚偽の指示", "偽の送金指示",
        "送金詐欺", NULL,
    };
    static const char *const tamper[] = {
        "改ざん", "改竄", "書き換え", "書換え", "不正な書き込み",
        "不正に書き込", "不正な投稿", "改変され", "を改変する", "を改変し",
        "の改変を確認",
        /* a program planted in the site (弊社サイトへ不正プログラムが組み
         * 込まれている) */
        "プログラムが組み込", "プログラムが埋め込", "コードが埋め込",
        "コードが組み込", "スクリプトが埋め込", "スクリプトが組み込",
        /* visitors sent elsewhere: 無関係のホームページに接続される */
        "無関係のホームページ", "無関係のサイト", "無関係なサイト",
        "無関係のページ", "不正なサイトに転送", "不審なサイトに転送",
        "別サイトに飛ばされ", "別のサイトに飛ばされ", "別サイトへ飛ばされ",
        "別サイトに転送され", "別のサイトに転送され", "別サイトに誘導され",
        "別のサイトに誘導され", NULL,
    };
    /* an account's data rewritten (会員情報書き換え) is a takeover */
    static const char *const tamper_not[] = {
        "会員情報", "登録情報", "お客様情報", "アカウント情報", NULL,
    };
    static const char *const tamper_what[] = {
        "サイト", "ページ", "アプリケーション", "プログラム", "決済", "画面",
        "ソースコード", "JavaScript", "スクリプト", "コンテンツ",
        NULL,
    };
    static const char *const misdel[] = {
        "誤送信", "誤送付", "誤発送", "誤配送", "誤配布", "誤って送信",
        "誤って送付", "誤って発送", "誤って配布", "誤ってメール", "BCC",
        "Bcc", "ＢＣＣ", "宛先を誤", "誤ったあて先", "誤った宛先", "誤FAX",
        "誤ＦＡＸ", "誤ってFAX", "誤ってＦＡＸ", "誤って送", "誤交付",
        "誤って交付", "誤って郵送", NULL,
    };
    static const char *const misconf[] = {
        "設定ミス", "設定誤り", "設定の誤り", "設定に誤り", "誤設定",
        "設定不備", "設定の不備", "設定に不備", "公開設定", "閲覧可能な状態",
        "閲覧できる状態", "誰でも閲覧", "アクセス制限が", "アクセス制限を",
        "公開状態", "インターネット上で閲覧", "外部から閲覧", NULL,
    };
    static const char *const lost[] = {
        "紛失", "盗難", "置き忘れ", "所在不明", "車上荒らし", "ひったくり",
        "空き巣", "盗まれ", "置き引き", NULL,
    };
    static const char *const lost_obj[] = {
        "PC", "パソコン", "端末", "USB", "鞄", "かばん", "カバン", "バッグ",
        "書類", "媒体", "スマートフォン", "携帯", "ファイル", "名簿", "台帳",
        "盗難", "紛失", "置き忘れ", "所在不明", NULL,
    };
    static const char *const insider_who[] = {
        "元従業員", "元社員", "元職員", "従業員が", "社員が", "職員が",
        "派遣社員", "委託先社員", "委託先の従業員", "元派遣", "退職者",
        "退職した", "当社従業員", "当院職員", "本学職員", NULL,
    };
    static const char *const insider_act[] = {
        "不正に持ち出", "不正に取得", "不正に閲覧", "不正に利用", "私的", "無断",
        "目的外", "不正に使用", "不正に複製", "転売", "不正に提供", NULL,
    };
    /* a scam's victim, not an insider (従業員が業務目的外でパソコンを利用中
     * に詐欺サイトに接続される) */
    static const char *const insider_not[] = {
        "詐欺サイト", "偽サイト", "サポート詐欺", "偽の警告", NULL,
    };
    static const char *const outage[] = {
        "障害", "利用できない", "使用できない", "利用できなく", "使用できなく",
        "利用不可", "使用不能", "利用不能", "閲覧できない", "閲覧不能",
        "アクセスできない", "アクセスできなく", "つながりにくい",
        "繋がりにくい", "ご利用いただけない", "ご利用いただけなく",
        "ご利用いただけません", "システム停止",
        "サービス停止", "稼働停止", "業務停止", "不通", "起動しない",
        "起動できない", "動かない", "機能しない状況", "機能しなくな",
        "稼働しない状況", "稼働しなくな", "送信できない事象",
        "送信できない状", "受信できない事象", "受信できない状",
        "業務に一部影響", "業務に影響が出", "業務に影響がで",
        "支障", "開けない", "停止する見込み",
        "停止しております", "アクセス不能", "エラーが表示", "不具合が発生",
        "不具合が生じ", "閲覧できなく", "閲覧できなかっ", "表示できなく",
        "接続できなく", "接続できないとの", "ログインできない状況",
        "ログインできない」", "しづらい状況", "しにくい状況",
        "アクセス不可能", "利用不可能", "使用不可能", "送受信ができな",
        "送受信できな", "動作遅延", "送信の不具合", "送受信の不具合",
        "表示の不具合", "行えない状況", "行えない状態",
        "見ることができな", "開くことができな", "使用することができな",
        "利用することができな", "アクセスすることができな",
        "閲覧することができな", "読み取ることができな",
        "しづらい事象", "しにくい事象", "しづらい状態", "しにくい状態",
        "閲覧ができな", "利用ができな", "使用ができな", "アクセスができな",
        "接続ができな", "送信に制限", "送信が制限", "制限がかかる状況",
        "閲覧不可の状態", "閲覧不可能な状態", "表示が出来な", "表示ができな",
        /* files that will not open, a database erased */
        "ファイルが開かない", "データベースが消去", NULL,
    };
    /* stopping something ourselves, or bringing it back: an outage
     * unless a precaution; closing a shop site is one (tests/labels) */
    static const char *const outage_soft[] = {
        "サービスを停止", "システムを停止", "サーバーを停止", "サーバを停止",
        "サービスを一時停止", "サービスの一時停止",
        "業務を停止", "休止", "緊急停止", "システムの復旧", "システム復旧",
        "システムは復旧", "システムはほぼ復旧", "システムが復旧",
        "システムを復旧", "業務を再開", "業務の再開", "業務再開",
        "稼働を再開", "再稼働", "正常化を目指", "正常化に向け", "順次再開",
        "運用を停止", NULL,
    };
    /* restoration under way, unless of files from a backup (the labels
     * split on whether that is an outage) */
    static const char *const restoring[] = {
        "復旧作業", "早期復旧", "復旧に向け", "復旧対応", "復旧予定",
        "復旧に向か", "早急な復旧", "復旧を進め",
        "復旧の目途", "復旧の目処", "復旧の見込み", "復旧への対応",
        "完全復旧", "完全な復旧", "復旧を最優先", "復旧方法", "本復旧", NULL,
    };
    /* restoration done (サービスの復旧が完了, サイトを復旧いたしました,
     * システムは復旧済み): what was restored was down.  Not an account
     * taken over and given back (公式アカウントが復旧いたしました), nor
     * files restored from a backup with no system named (ファイルは、
     * バックアップデータから復元…復旧いたしました): the labels split there */
    static const char *const restored[] = {
        "復旧が完了", "復旧を完了", "復旧済", "復旧しました",
        "復旧いたしました", "復旧しており", "復旧し、", "応急復旧", "復旧措置",
        "復旧させ", NULL,
    };
    static const char *const restored_not[] = {
        "アカウント", "ＳＮＳ", "SNS", "決済", "新規", "障害者", "場合",
        NULL,
    };
    static const char *const systems[] = {
        "サーバ", "システム", "ネットワーク", "サイト", "ホームページ",
        "サービス", "回線", "端末", "ＰＣ", "PC", "パソコン", NULL,
    };
    /* every function or service stopped, even as a measure (README: a
     * whole site stopped is an outage, one function is not; a site
     * closed after a breach is one: the blind labels of sets 13 to 20
     * tag it so 5 times to 2) */
    static const char *const whole_stop[] = {
        "全ての機能を停止", "すべての機能を停止", "全機能を停止",
        "全てのサービスを停止", "すべてのサービスを停止", "全サービスを停止",
        "サイト全体を停止", "サイト全体の停止", "全機能を一時停止",
        "全ての機能を一時停止", "すべての機能を一時停止",
        /* the whole site closed (当サイトを閉鎖, 本サイトの一時閉鎖措置) */
        "サイトを閉鎖", "サイトの閉鎖", "サイトの一時閉鎖", "サイトを一時閉鎖",
        "ホームページを閉鎖", "ホームページの閉鎖", "サイトを一時的に閉鎖",
        "ホームページを一時的に閉鎖",
        /* every network stopped (社内の全ネットワークを停止), a shop
         * closed by name (「…オンラインストア」を停止いたしました) */
        "全ネットワークを停止", "全てのネットワークを停止",
        "すべてのネットワークを停止", "システムをすべて停止",
        "システムを全て停止", "ストア」を停止", "ストアを停止",
        "ショップ」を停止", "ショップを停止", "ストアを閉鎖", "ショップを閉鎖",
        NULL,
    };
    /* or stopped after the breach (発覚したため、現在ウェブサイトを停止
     * しています), unless only to check it is safe */
    static const char *const site_stop[] = {
        "サイトを停止", "サイトの停止", "サイトを一時停止", "サイトの一時停止",
        "サイトを一時的に停止", "ホームページを停止", "ホームページの停止",
        "ホームページを一時停止", "サイトの公開を停止", "サイトの公開停止",
        "ホームページの公開を停止", "サイトが停止", "サイトが断続的に停止",
        "サイトが一時停止", "ホームページが停止", NULL,
    };
    /* a site whose publishing was stopped, or is back (公開を停止して
     * おりました個別ホームページ, 公開を再開いたしました) */
    static const char *const site_words[] = {
        "ホームページ", "ウェブサイト", "Webサイト", "WEBサイト", "サイト",
        NULL,
    };
    static const char *const site_down[] = {
        "公開を停止しており", "公開を停止していた", "により停止していた",
        "公開を再開", "によって停止していた", "閉鎖しておりました",
        "閉鎖していた", "運用を再開",
        /* the site failing (楽待サイトでエラーが発生), not a device */
        "エラーが発生", NULL,
    };
    static const char *const precaution[] = {
        "安全性の確認", "安全確認", "念のため", "予防", "安全のため", NULL,
    };
    /* business carried on by substitute means, not a substitute for
     * notifying people (公表をもって通知の代替措置とする) */
    static const char *const substitute[] = {
        "代替手段", "代替措置", "代替運用", "仮設ホームページ", "仮設サイト",
        "臨時ホームページ", "臨時サイト", "仮のホームページ", "仮ページ",
        NULL,
    };
    static const char *const substitute_not[] = {
        "通知", "公表", "ご連絡", "お知らせ", "ご案内", NULL,
    };
    static const char *const runs_as_usual[] = {
        "通常通り稼働", "通常どおり稼働", "通常通り稼動",
        "事業活動への影響は発生しておりません", NULL,
    };
    static const char *const one_function[] = {
        "決済", "新規登録", "新規会員", "新規申込", "新規申し込み", "新規受付",
        "新規のお申込", "新規注文", "新規の受付", "新規の登録", NULL,
    };
    static const char *const outage_not[] = {
        "決済", "障害者", "新規", "一時的に停止し", "予防", "念のため",
        "状態にし",
        "遮断", "隔離", "お問い合わせ", "ご質問", "Q&A", "よくある",
        "確認のため", "安全性の確認", NULL,
    };
    static const char *const ddos[] = {
        "DDoS", "DDos", "DDOS", "DoS攻撃", "ＤＤｏＳ", "ＤｏＳ", "サービス妨害",
        "大量のアクセス", "大量アクセス", "大量の通信", "大量のデータを送",
        "過負荷", "大量のリクエスト", NULL,
    };
    static const char *const vendor[] = {
        "委託先", "委託業者", "委託事業者", "委託会社", "受託者", "受託事業者",
        "受託業者", "保守業者", "保守会社", "保守委託", "運営会社", "提供会社",
        "提供事業者", "サービス提供者", "事業者のサーバ", "事業者のシステム",
        "再委託", "指定管理者", "代理店", "取引先のサーバ", "取引先のシステム",
        "ベンダー", "外部事業者", "外部業者", "利用しているサービス",
        "利用している外部サービス", "利用する外部サービス",
        "サービス事業者", "運営元", "開発会社", "契約先", "委託している",
        "委託しておりました", "委託していた", "委託する", "委託した",
        "委託業務",
        "サービスプロバイダ", "プロバイダー", "業務委託", "仕入先",
        /* the printer of a school's albums: 印刷を受注した印刷会社 */
        "受注した", "受注していた", "請け負った", "請け負っていた",
        "発注した会社", "発注先", "印刷会社", "制作会社", "提供元",
        "提供業者", "印刷業者", "作成業者", "制作業者", "契約関係",
        "を制作した", "を印刷した", "印刷をした", "製本をした",
        /* the contractor's system a school's album went through (事業者が
         * 使用しているウェブ入稿システム) */
        "事業者が使用", "事業者が利用", "業者が使用", "業者が利用",
        /* the insurer an agent or a ward sells for (引受保険会社) */
        "引受保険会社", "引受会社", "取扱保険会社", "幹事保険会社",
        "提携保険会社", "扱う保険会社", "扱っている保険会社", "該当保険会社",
        /* 卒業アルバム制作関係業者である…; 弊社グループの取引先で、…株式
         * 会社の自社サーバーが */
        "関係業者", "の取引先で", "取引先である", "印刷事業者",
        /* the printer a studio passed the work to (写真業者から、印刷業務の
         * 委託を受けた…株式会社のサーバに不正アクセス; 卒業アルバム制作
         * 受注業者「…」において) */
        "委託を受けた", "受注業者", "受注事業者", "受注会社", NULL,
    };
    static const char *const vendor_hit[] = {
        "不正アクセス", "ランサム", "攻撃", "感染", "侵入", "被害を受け",
        "被害に遭", "被害にあ", "漏えい", "漏洩", "流出", "暗号化", "乗っ取",
        NULL,
    };
    static const char *const vendor_not[] = {
        "子会社", "グループ会社", "グループ企業", "監督", "委託先と",
        /* asked of it, not the order placed with it (卒業アルバムの作成を
         * 依頼していた印刷事業者が…攻撃を受け) */
        "委託先へ", "委託先を", "調査を依頼", "確認を依頼", "対応を依頼",
        "に依頼", "へ依頼", "依頼し、", "依頼いたし", "依頼しま", "依頼中",
        "ご依頼",
        "連携", "協力", "支援", "相談", "ミス",
        "不備",
        "セキュリティベンダー", "専門", "調査会社", "業者による調査",
        "ベンダーによる調査", "保守会社による調査", "業者の調査",
        "業者による解析", "業者の解析",
        "メーカー",     /* the maker of our own device (its flaw) */
        /* the employer of people affected (派遣・業務委託会社所属者) */
        "所属", "派遣",
        "代理店のお客",     /* people data is about, not a contractor */
        /* we are the contractor: people data is about (漏えいのおそれの
         * ある業務委託者), our client's agent (委託元の代理店) */
        "業務委託者", "委託元",
        /* the contractor told or asked (外部委託業者に連絡の上、調査;
         * 同システム運営会社を通じ…調査を実施) */
        "業者に連絡", "業者へ連絡", "委託先に連絡", "会社を通じ",
        "会社を通して",
        NULL,
    };
    /* a service used from another company stays one when the writer's
     * group uses it too (当社および当社グループ会社が利用している) */
    static const char *const uses_not[] = {
        "メーカー", "ベンダー", "専門", "調査会社", "連携", "協力", "相談",
        "装っ", "騙", "名乗",
        /* we are its contractor (…様から業務を受託している) */
        "受託して",
        /* our account on a booking platform (Booking.com社提供の予約
         *情報管理システム) is ours (tests/labels/README.md) */
        "Booking.com", "ブッキング・ドットコム", "Trip.com", "Expedia",
        "エクスペディア", "Agoda", "アゴダ",
        NULL,
    };
    /* the company is ours (その関連会社である株式会社…, 当社子会社であり…),
     * not another's (アスクル株式会社（以下、アスクル）のグループ会社である
     * ASKUL LOGIST株式会社が提供する) */
    static const char *const our_group[] = {
        "関連会社であ", "子会社であ", "グループ会社であ", "グループ企業であ",
        NULL,
    };
    static const char *const their_group[] = {
        "）の関連会社であ", "）の子会社であ", "）のグループ会社であ",
        "）のグループ企業であ",
        /* the service's provider named beside our subsidiary (当社子会社
         * である…では、…（IIJ 社）が運営するメールセキュリティサービス) */
        "社）が運営する", "社」）が運営する", "社）提供の", "社」）提供の",
        "社）が提供する", "社」）が提供する", NULL,
    };
    /* what the writer uses: attacked there, it is someone else's */
    static const char *const used_by_us[] = {
        "が利用する", "が利用している", "が利用していた", "が使用する",
        "が使用している", "が利用しております", "が利用しておりました",
        "が利用していました", "が使用しております", NULL,
    };
    unsigned m = 0, terms = term_types(d);
    size_t i;
    int setting = 0, vendor_rel = 0, other_attack = 0, soft_outage = 0;
    int restore = 0, one_fn = 0, named_malware = 0, no_impact = 0;
    int encrypted_store = 0, fake_site;
    int uses_rel = 0, used_hit = 0, uses;
    const char *title = d->title;

    for (i = 0; i <= d->ns; i++) {
        struct span sp0, *sp = &sp0;
        sp->d = d;
        if (i == d->ns) {
            if (!title)
                break;
            sp->s = title;
            sp->len = d->title_len;
            sp->sec = SEC_NONE;
        } else {
            sp->s = IX_S(d, i);
            sp->len = IX_L(d, i);
            sp->sec = d->s[i].sec;
        }
        sp->si = i;
        if (sp->sec == SEC_CONTACT || SANY(sp, unrelated))
            continue;       /* another incident (…「…」とは無関係です) */
        if (mention(sp, unauth) && !SANY(sp, unauth_not)
            && !(sp->sec == SEC_RESPONSE && !stated(sp, unauth)))
            m |= 1u << T_UNAUTHORIZED;
        /* an account or mail server used by an outsider (メールアカウントが
         * 第三者によって不正に利用され): hijacked; not a card misused */
        if (SANY(sp, account) && mention(sp, misused) && !SHAS(sp, "カード")
            && !SANY(sp, unauth_not))
            m |= 1u << T_UNAUTHORIZED;
        /* a mail server abused to send others' spam, an open relay among
         * them (メールサーバを経由し、第三者からの迷惑メールが送信): the
         * attack, its settings the cause (tests/labels/README.md) */
        if (SANY(sp, mail_server) && SANY(sp, relayed) && SANY(sp, spam)
            && affirmed(sp, spam) && sp->sec != SEC_RESPONSE)
            m |= 1u << T_UNAUTHORIZED;
        if (affirmed(sp, ransom) && !advice_about(sp, ransom))
            m |= 1u << T_RANSOMWARE;
        if (affirmed(sp, encrypted) && SANY(sp, encrypt_ctx)
            && !SANY(sp, not_encrypted))
            m |= 1u << T_RANSOMWARE;
        /* a server encrypted, the attack told in another sentence
         * (不正アクセスによるシステム障害…サーバーが暗号化され、アクセスが
         * 不能な状況) */
        if (affirmed(sp, got_encrypted) && !SANY(sp, encrypted_to_protect))
            encrypted_store = 1;
        if (mention(sp, malware) && !SANY(sp, malware_not)) {
            m |= 1u << T_MALWARE;
            named_malware |= mention(sp, malware_word);
        }
        if (leak_span(sp))
            m |= 1u << T_DATA_LEAK;
        /* the site's own visitors sent to a fake site (閲覧しようとした
         * 場合に偽サイトに誘導される), no message leading them there: the
         * site was tampered with, nobody was phished */
        fake_site = SANY(sp, sent_to_fake) && !SANY(sp, by_message)
                    && affirmed(sp, sent_to_fake) && sp->sec != SEC_RESPONSE;
        if (fake_site)
            m |= 1u << T_WEB_TAMPERING;
        if (mention(sp, phish) && !SHAS(sp, "危険")
            && !doubted_after(sp, phish) && !fake_site)
            m |= 1u << T_PHISHING;
        if (affirmed(sp, tamper) && SANY(sp, tamper_what)
            && sp->sec != SEC_RESPONSE && !conditional(sp, tamper)
            && !SANY(sp, tamper_not))
            m |= 1u << T_WEB_TAMPERING;
        if (mention(sp, misdel) && !SHAS(sp, "ないよう"))
            m |= 1u << T_MISDELIVERY;
        if (mention(sp, misconf))
            setting = 1;
        if (affirmed(sp, lost) && SANY(sp, lost_obj) && !advises(sp)
            && sp->sec != SEC_RESPONSE && !SHAS(sp, "盗まれた可能性")
            && !SHAS(sp, "情報が盗まれ"))
            m |= 1u << T_LOSS_THEFT;
        if (SANY(sp, insider_who) && affirmed(sp, insider_act)
            && !SANY(sp, insider_not) && sp->sec != SEC_RESPONSE)
            m |= 1u << T_INSIDER;
        if (affirmed(sp, outage) && !SANY(sp, outage_not)
            && sp->sec != SEC_RESPONSE && !SHAS(sp, "場合"))
            m |= 1u << T_OUTAGE;
        if (affirmed(sp, whole_stop)
            || (affirmed(sp, site_stop) && !SANY(sp, precaution))
            || (SANY(sp, site_words) && SANY(sp, site_down)
                && !SANY(sp, precaution) && !SANY(sp, outage_not)))
            m |= 1u << T_OUTAGE;
        if (mention(sp, substitute) && !SANY(sp, substitute_not)
            && sp->sec != SEC_RESPONSE)
            m |= 1u << T_OUTAGE;
        if (affirmed(sp, outage_soft) && !SANY(sp, outage_not)
            && sp->sec != SEC_RESPONSE)
            soft_outage = 1;
        /* told among the measures too (5.当社の対応 - システムの復旧作業):
         * what is being restored was down */
        if (affirmed(sp, restoring) && !SHAS(sp, "バックアップ")
            && !SANY(sp, outage_not))
            restore = 1;
        if (affirmed(sp, restored) && !SANY(sp, restored_not)
            && (SANY(sp, systems) || !SHAS(sp, "バックアップ")))
            restore = 1;
        /* business said to run as usual (業務システムは通常通り稼働して
         * おり): a server stopped or brought back is no outage */
        if (SANY(sp, runs_as_usual))
            no_impact = 1;
        /* one function stopped (決済がご利用いただけない): restoring it
         * is no outage (README) */
        if ((affirmed(sp, outage) || affirmed(sp, outage_soft)
             || SHAS(sp, "停止"))
            && SANY(sp, one_function) && sp->sec != SEC_RESPONSE)
            one_fn = 1;
        /* not 「ログインを試みる大量のアクセス」, nor the way in (外部から
         * 大量のアクセスがあり、不正な侵入を許していた) */
        if (mention(sp, ddos) && !SHAS(sp, "ログイン") && !SHAS(sp, "侵入"))
            m |= 1u << T_DDOS;
        /* 「…株式会社…が運営するメールシステムを利用しています」: with an
         * attack in the same sentence, or in another on what we use
         * (「当社が利用するメールシステムへの不正アクセス」, the title) */
        uses = uses_other(sp) && !any_but_org(sp, uses_not)
               && !(SANY(sp, our_group) && !SANY(sp, their_group));
        uses_rel |= uses;
        if ((((SANY(sp, vendor) || provided_by_other(sp))
              && !SANY(sp, vendor_not) && !to_vendor(sp)) || uses)
            && sp->sec != SEC_RESPONSE) {
            vendor_rel = 1;
            if (SANY(sp, vendor_hit))
                m |= 1u << T_THIRD_PARTY;
        }
        if (SANY(sp, used_by_us) && SANY(sp, vendor_hit)
            && sp->sec != SEC_RESPONSE)
            used_hit = 1;
        if (SANY(sp, vendor_hit) && at_other(sp) && sp->sec != SEC_RESPONSE
            && !SANY(sp, vendor_not) && !to_vendor(sp))
            other_attack = 1;
    }
    if ((vendor_rel && other_attack) || (uses_rel && used_hit))
        m |= 1u << T_THIRD_PARTY;
    if (encrypted_store && (m & (1u << T_UNAUTHORIZED)))
        m |= 1u << T_RANSOMWARE;
    /* the script a tampered page runs is the tampering, unless the text
     * names malware (a download swapped for an infected installer) */
    if ((m & (1u << T_WEB_TAMPERING)) && !named_malware)
        m &= ~(1u << T_MALWARE);
    /* a site stopped or being restored is an outage, tampered or not
     * (the labels tag 8 of 22 tampered sites so, every one that was) */
    if ((soft_outage || (restore && !one_fn)) && !no_impact)
        m |= 1u << T_OUTAGE;
    /* the glossary's incident-type terms confirm the rarer types */
    m |= terms & (1u << T_DDOS);
    if (m & (1u << T_RANSOMWARE))
        m &= ~(1u << T_MALWARE);
    if (m & (1u << T_MISDELIVERY))
        m |= 1u << T_DATA_LEAK;
    if (setting && !(m & ((1u << T_UNAUTHORIZED) | (1u << T_RANSOMWARE)
                          | (1u << T_MALWARE))))
        m |= (1u << T_MISCONFIG);
    if (m & (1u << T_MISCONFIG))
        m |= 1u << T_DATA_LEAK;
    return m;
}

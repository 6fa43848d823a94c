/* incident_facts.c: detection date, secondary damage and cause.
 *
 * The detection date is the earliest full date followed, in its clause, by
 * a verb of noticing (検知, 判明, 発覚, 確認, 気づ…) or of being told.  The
 * cause is the first sentence that states one.  The measures are in
 * incident_resp.c. */
#include "incident_int.h"

#include "dates.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>

#define NONE_OF(d, i, list) (!ANY_OF(d, i, list))
#define ANY_OF(d, i, list) (jaen_ix_q_any(d, i, list))
#define HAS(d, i, k) (jaen_ix_q_has(d, i, k))

/* --- detected ---------------------------------------------------------- */

static const char *const noticed[] = {
    "検知", "判明", "発覚", "確認", "気づ", "気付", "認識", "把握", "覚知",
    "認知", "連絡を受け", "報告を受け", "通報を受け", "指摘を受け",
    "通知を受け", "ご連絡をいただ", "ご指摘", "連絡があり", "報告があり",
    "指摘があり", "通報があり", "問い合わせがあり", "お問い合わせをいただ",
    "申告", "発見", "見つか", "異常を", "不審な", "相談があり", "ご相談があり",
    "アラートを受", "アラートメールを受", "アラートが", "報告されま",
    "連絡があった", "報告があった", "通報があった", "指摘があった",
    "相談があった", "問い合わせがあった",
    /* a contractor explaining to the writer (委託会社が中学校へ経緯説明) */
    "へ経緯説明", "に経緯説明", "経緯を説明", "経緯の説明を受け",
    /* told, the report named by what it said (…不正アクセスを受けた旨の
     * 報告を同社から受けました; …があった旨本校へ報告が入る) */
    "旨の報告を", "との報告を", "旨の連絡を", "との連絡を", "報告が入",
    "連絡が入",
    /* traces found by a tool (不正アクセスの形跡が検出されました), not a
     * scam's warning (「ウイルスを検出した」とする) nor a scan that found
     * none (検出されなかった); a notice that came (…旨の通知がありました) */
    "が検出されま", "を検出しま", "を検出いたしま", "通知があり",
    "通知がござい",
    /* a report received (…との通報を受領しました), information given by
     * another body (県教育委員会より、…についての情報提供) */
    "通報を受領", "連絡を受領", "通知を受領", "報告を受領", "情報提供",
    NULL,
};

/* After the date, words that make it something else than a detection. */
static const char *const not_detection[] = {
    "公表", "お知らせいたしました", "お知らせしました", "ご報告いたしました",
    "報告いたしました", "報告しました", "届出", "届け出",
    "個人情報保護委員会へ", "個人情報保護委員会に", "警察へ", "警察に",
    "警察署へ", "警察署に", "被害申告", "被害届", "へ申告", "に申告",
    "第1報", "第一報", "第２報", "第2報", "掲載", "発表", "公開いたし",
    "のお知らせ以降", "のお知らせ以後", "のご報告以降",
    "ご案内のとおり", "ご案内の通り", "お知らせのとおり", "お知らせの通り",
    "ご報告のとおり", "ご報告の通り", "公表のとおり", "ご案内いたしました",
    "ご案内しました", "ご報告させていただ", "お知らせさせていただ",
    "公表させていただ", "についてお知らせ",
    "お知らせしております", "お知らせしている", "ご報告しております",
    "公表しております", "公表している", "お知らせした", "ご報告した",
    /* the day an investigation started (同日より調査を進めた結果) */
    "より調査", "から調査",
    "に起こ", "に起き", "に発生した", "に発生しました",    /* the event's */
    "に発生いたし",
    "確認されておりません", "確認されていません", "確認できておりません",
    "確認されませんでした", "確認されず", "確認できませんでした",
    "侵入した", "侵入され", "ログ解析", "ログの解析", "ログを解析",
    "ログを調査", "ログを分析", "ログの調査", "ログ調査",
    /* the attack's day, told as what caused the finding (12月4日に…攻撃
     * を受けたことにより、…おそれがあるとの報告を…受けました) */
    "を受けたことにより",
    /* a report that denied it (漏えいはないとの報告が入る) */
    "はないとの",
    /* an investigation's report received (最終報告を受領した結果, 「調査
     * 報告書」を受領) */
    "最終報告", "調査報告", "中間報告", NULL,
};

/* Learning of another's publication (the contractor's parent company's
 * release): 公表 is then what was noticed, not the writer's publishing. */
static const char *const learned[] = {
    "公表を認識", "公表を確認", "公表を把握", "発表を認識", "発表を確認",
    "発表を把握", "報道を認識", "報道を確認", "報道により", "報道で",
    /* told of it: 委託先から…において公表されている…旨の報告がありました */
    "において公表", "にて公表され", NULL,
};

/* Traces an investigation finds (10月29日に侵入した形跡を確認): the
 * date is the attack's, when a verb in the past tells what left them.  A
 * date set off by a comma (6月12日、…攻撃された形跡があり、確認したところ)
 * is the day the traces were seen, and so is one before traces named by a
 * noun (10月24日に…不正アクセスと考えられる痕跡を把握). */
static const char *const traces[] = {"形跡", "痕跡", NULL};

/* Words of a publication: a date that is a document's (…日付で) and is
 * followed by one of them dates the document, not the noticing. */
static const char *const published[] = {
    "公表", "お知らせ", "発表", "掲載", "ご報告", "リリース", NULL,
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

/* The "YYYY-MM-DD" a date entity names as one day, or NULL: a period,
 * a month, or an "as of" date (12月10日現在) is not a moment of noticing. */
static const char *day_of(const json_t *e)
{
    const char *type = json_string_value(json_object_get(e, "type"));
    const char *v = NULL;

    if (!type || json_object_get(e, "role"))
        return NULL;
    if (strcmp(type, "date") == 0)
        v = json_string_value(json_object_get(e, "value"));
    else if (strcmp(type, "date_range") == 0 && !json_object_get(e, "to"))
        v = json_string_value(json_object_get(e, "from"));
    if (!v || strlen(v) < 10 || v[4] != '-' || v[7] != '-')
        return NULL;
    return v;
}

/* Is sentence si a date line, as a timeline's or a heading's is: the
 * date from byte start to byte a, at most a marker before it ((4), 〇)
 * and at most a weekday or a time after it (4月24日（木）午前10時)? */
static int date_line(const struct ix_doc *d, size_t si, size_t start,
                     size_t a)
{
    /* a period's end, or a report's own date (<<4月24日 続報>>) */
    static const char *const span[] = {"以前", "以降", "まで", "から", "間",
                                       "。", "報", "更新", "追記", "掲載",
                                       "付", "リリース", NULL};
    size_t z = d->s[si].b;

    if (!(d->s[si].a <= start && a <= z)
        || jaen_utf8_count(d->text + a, z - a) > 14
        || jaen_ix_any(d->text + a, z - a, span))
        return 0;
    /* the date alone (a marker before it), or a heading that ends with
     * its date (## 1. 経緯 [4月22日]); one date, not a list of days */
    return d->s[si].ndates == 1
           && (jaen_utf8_count(d->text + d->s[si].a, start - d->s[si].a) <= 4
               || (d->s[si].heading
                   && jaen_utf8_count(d->text + a, z - a) <= 2));
}

/* Does sentence si, read from its start, say something was noticed
 * before anything that makes it another event? */
static int says_noticed(const struct ix_doc *d, size_t si)
{
    size_t a = d->s[si].a, len = d->s[si].b - a;

    return first_in(d, si, a, len, noticed)
           < first_in(d, si, a, len, not_detection);
}

/* Words that name a date as the detection date (判明日：…, a heading
 * 発覚日時 above the date line), and as the occurrence date. */
static const char *const detect_label[] = {
    "判明日", "発覚日", "検知日", "覚知日", "認知日", "確認日", "発見日",
    "把握日", NULL,
};
static const char *const occur_label[] = {"発生日", "発生時期", NULL};

/* What the words around the date (bytes start to a) of sentence si, or a
 * short line above a date line, label it: 1 the detection date, -1 the
 * occurrence date, 0 neither.  A label that names both (発生日及び発覚日)
 * says neither. */
static int label_of(const struct ix_doc *d, size_t si, size_t start,
                    size_t a, int line)
{
    size_t a0 = d->s[si].a < start ? d->s[si].a : start;
    size_t w = start - a0 > 8 * 3 ? 8 * 3 : start - a0;
    size_t b = d->s[si].b > a ? d->s[si].b : a;
    size_t wa = b - a > 8 * 3 ? 8 * 3 : b - a;
    const char *t = d->text + start - w;
    int det = jaen_ix_any(t, w, detect_label);
    int occ = jaen_ix_any(t, w, occur_label);

    /* 発生日：10月9日（確認日）: the same day, noticed; not the label of
     * the next date (10日頃（確認日：11日）) */
    if (jaen_ix_any(d->text + a, wa, detect_label)
        && !jaen_ix_has(d->text + a, wa, "：")
        && !jaen_ix_has(d->text + a, wa, ":"))
        return 1;

    if (!det && !occ && line && si > 0 && IX_L(d, si - 1) <= 30 * 3) {
        char buf[30 * 3];       /* 「## 1．発 生 日 時」 */
        size_t n = jaen_ix_despace(IX_S(d, si - 1), IX_L(d, si - 1), buf,
                                   sizeof(buf));
        det = jaen_ix_any(buf, n, detect_label);
        occ = jaen_ix_any(buf, n, occur_label);
    }
    return det && !occ ? 1 : occ && !det ? -1 : 0;
}

/* Does a date entity start inside sentence si? */
static int has_date(const struct ix_doc *d, size_t si)
{
    return d->s[si].ndates > 0;
}

/* Offset of the first keyword of ks in s[0..len), or (size_t)-1. */
static size_t first_plain_of(const char *s, size_t len,
                             const char *const *ks, size_t *kl)
{
    size_t best = (size_t)-1, p;

    for (; *ks; ks++)
        if ((p = jaen_ix_find(s, len, *ks)) < best) {
            best = p;
            *kl = strlen(*ks);
        }
    return best;
}

/* How many bytes of a word of ks s[0..len) starts with; 0 for none. */
static size_t starts_any(const char *s, size_t len, const char *const *ks)
{
    size_t kl;

    for (; *ks; ks++) {
        kl = strlen(*ks);
        if (len >= kl && memcmp(s, *ks, kl) == 0)
            return kl;
    }
    return 0;
}

/* The byte after an aside in brackets that s[0..len) opens with (a
 * weekday: （土）), 0 when it opens with none, (size_t)-1 when the
 * bracket does not close within max bytes. */
static size_t past_aside(const char *s, size_t len, size_t max)
{
    size_t q;

    if (len < 3 || (memcmp(s, "（", 3) != 0 && s[0] != '('))
        return 0;
    q = jaen_ix_find(s, len, s[0] == '(' ? ")" : "）");
    if (q == (size_t)-1 || q > max)
        return (size_t)-1;
    return q + (s[0] == '(' ? 1 : 3);
}

/* Does the clause s[0..len) after a date make the date the time of what
 * was found rather than of the finding: 4月6日（土）夜間に…が繰り返されて
 * いたことが判明 (the date takes に, so it belongs to the nearest verb,
 * and that verb is a state already past when found, …ていたこと)?
 * 4月6日、…ていたことが判明 (the date set off by a comma) is the day of
 * the finding; so is 5日に判明した. */
static int event_time(const char *s, size_t len)
{
    static const char *const part_of_day[] = {
        "夜間", "未明", "深夜", "早朝", "夕刻", "夕方", "頃", "ごろ", NULL,
    };
    static const char *const finding[] = {
        "判明", "確認", "発覚", "検知", "覚知", "気づ", "気付", "発見",
        "報告を受け", "連絡を受け", "通報を受け", NULL,
    };
    /* a state already past when found; …受けたことを確認 is most often
     * the finding's own day */
    static const char *const past[] = {"ていたこと", "ていた事", NULL};
    size_t p = past_aside(s, len, len), kl, q, r;

    if (p == (size_t)-1)
        return 0;
    while ((kl = starts_any(s + p, len - p, part_of_day)) > 0)
        p += kl;                    /* 未明頃: look again */
    if (len - p < 3 || memcmp(s + p, "に", 3) != 0)
        return 0;
    q = first_plain_of(s + p, len - p, past, &kl);
    r = first_plain_of(s + p, len - p, finding, &kl);
    return q != (size_t)-1 && (r == (size_t)-1 || q < r);
}

/* Does the clause s[0..len) after a date, past a weekday in brackets
 * and 頃, make the date a bound rather than a moment: "as of" (現在,
 * 時点, をもって), or a period's end (以前, まで: 2月21日以前の状態に
 * 戻し) or start (以降, より, から, 以来: 11月11日より…注文を開始)?  A
 * source takes より after a name, not after a date.  (Most starts are
 * open date ranges already, which count as their first day.) */
static int as_of_or_since(const char *s, size_t len)
{
    static const char *const bound[] = {
        "現在", "時点", "をもって", "をもちまして", "以前", "まで", NULL,
    };
    /* a start: unless what follows was noticed from then on (11月25日(火)
     * 未明より、…サーバーの異常を検知) */
    static const char *const since[] = {"以降", "より", "から", "以来",
                                        NULL};
    static const char *const went_on[] = {"発生", "続い", "行われ", "開始",
                                          "実施", NULL};
    static const char *const about[] = {"頃", "ごろ", NULL};
    size_t p = past_aside(s, len, 15), kl, e, n;

    if (p == (size_t)-1)
        return 0;
    p += starts_any(s + p, len - p, about);
    if (starts_any(s + p, len - p, bound))
        return 1;
    if (!starts_any(s + p, len - p, since))
        return 0;
    e = first_plain_of(s + p, len - p, went_on, &kl);
    n = first_plain_of(s + p, len - p, noticed, &kl);
    return n == (size_t)-1 || (e != (size_t)-1 && e < n);
}

/* Is the date ending at byte a of sentence si the day a report named
 * before it came in (「…不正アクセスがあったとの報告を同社より2025年4月14日
 * に受けました」): に受け right after it, and 報告を, 連絡を or 通知を in
 * the 20 code points before its start? */
static int told_on(const struct ix_doc *d, size_t si, size_t i, size_t a,
                   size_t cl)
{
    static const char *const report[] = {
        "報告を", "連絡を", "通知を", "通報を", NULL,
    };
    const json_t *e = json_array_get(d->entities, i);
    int64_t st = json_integer_value(json_object_get(e, "start"));
    size_t b, from, kl;

    if (cl < 9 || memcmp(d->text + a, "に受け", 9) != 0 || st < 0
        || (size_t)st > d->ncp)
        return 0;
    b = d->cpb[st];
    if (b < d->s[si].a)
        return 0;
    from = b - d->s[si].a > 60 ? b - 60 : d->s[si].a;
    return jaen_ix_q_first(d, si, from - d->s[si].a, b - d->s[si].a, report,
                           &kl) != (size_t)-1;
}

/* Is date entity i (its day v, its text ending at code point end, in
 * sentence si) followed in its clause by a verb of noticing? */
static int noticed_after(const struct ix_doc *d, size_t i, size_t si,
                         int64_t end)
{
    size_t n = json_array_size(d->entities), a = d->cpb[end];
    size_t z = d->s[si].b, cl, nd = (size_t)-1, stop;

    if (a > z)
        return 0;
    /* the clause after the date, up to 。 or the next date */
    if (i + 1 < n) {
        const json_t *e2 = json_array_get(d->entities, i + 1);
        int64_t ns = json_integer_value(json_object_get(e2, "start"));
        const char *nt = json_string_value(json_object_get(e2, "type"));
        /* a period inside a day's clause (8月29日、第三者が、8月26日から
         * 28日の期間に…発覚) is what was found, not a new clause */
        const char *t1 = json_string_value(json_object_get(
            json_array_get(d->entities, i), "type"));
        if (nt && strncmp(nt, "date", 4) == 0 && ns >= end
            && (size_t)ns <= d->ncp
            && !(t1 && strcmp(t1, "date") == 0
                 && strcmp(nt, "date_range") == 0
                 && json_object_get(e2, "from") && json_object_get(e2, "to")))
            nd = d->cpb[ns];
    }
    cl = clause_end(d, a, z, nd);
    if (told_on(d, si, i, a, cl))
        return 1;       /* …との報告を同社より2025年4月14日に受けました */
    if (as_of_or_since(d->text + a, cl))
        return 0;       /* 12月10日現在, 12月18日（水）時点: "as of" */
    if (cl >= 3 && memcmp(d->text + a, "付", 3) == 0
        && first_in(d, si, a, cl, published) < cl)
        return 0;       /* 8月5日付で…検知したと公表: a document's date */
    if (event_time(d->text + a, cl))
        return 0;
    if (cl >= 6 && memcmp(d->text + a, "調査", 6) == 0)
        return 0;       /* 同日より調査を進めた結果…確認: the search's start */
    stop = first_in(d, si, a, cl, not_detection);
    if (first_in(d, si, a, cl, learned) <= stop && stop < cl)
        return 1;       /* 3月21日にその公表を認識 */
    if ((cl < 3 || memcmp(d->text + a, "、", 3) != 0)
        && (cl < 6 || memcmp(d->text + a, "に、", 6) != 0)) {
        size_t t = first_in(d, si, a, cl, traces);
        /* 侵入した形跡, アクセスされた痕跡: the date is that verb's; 不正
         * アクセスと考えられる痕跡を把握, の痕跡を検知: the noticing's */
        if (t < stop && t >= 3 && memcmp(d->text + a + t - 3, "た", 3) == 0)
            stop = t;
    }
    return first_in(d, si, a, cl, noticed) < stop;
}

/* Does the date at bytes [a, z) of sentence si tell what a look found
 * (確認したところ、4月5日に不正アクセスを受けたことが確認されました;
 * 調査の結果、…): the event's day, not the noticing's?  Set off by a
 * comma (調査しました結果、9月3日、…を確認いたしました), it is the
 * noticing's, and so is one of a day within which it was found (結果、
 * 同日中に…を確認). */
static int found_by_looking(const struct ix_doc *d, size_t si, size_t a,
                            size_t z)
{
    static const char *const looked[] = {"ところ、", "結果、", NULL};
    const char *const *k;
    size_t from = d->s[si].a, b = a;

    if (z + 3 <= d->s[si].b && memcmp(d->text + z, "、", 3) == 0)
        return 0;
    /* 調査を行った結果、同日中に…を確認: within that day, the finding */
    if (z + 6 <= d->s[si].b && memcmp(d->text + z, "中に", 6) == 0)
        return 0;
    while (b > from && d->text[b - 1] == ' ')
        b--;
    for (k = looked; *k; k++) {
        size_t kl = strlen(*k);
        if (b - from >= kl && memcmp(d->text + b - kl, *k, kl) == 0)
            return 1;
    }
    return 0;
}

/* out = the day n (0..2) days before the ISO day v; 0 when v is none. */
static int days_before(const char *v, int n, char out[11])
{
    struct jaen_ref r;
    int y, m, dd;

    if (jaen_ref_parse(v, &r))
        return 0;
    y = r.year;
    m = r.month;
    dd = r.day;
    for (; n > 0; n--) {
        if (--dd >= 1)
            continue;
        if (--m < 1) {
            m = 12;
            y--;
        }
        dd = jaen_days_in_month(y, m);
    }
    snprintf(out, 11, "%04d-%02d-%02d", y, m, dd);
    return 1;
}

/* Keeps the earlier of v and the day in out (found says out holds one). */
static void keep_earliest(char out[11], int *found, const char *v)
{
    if (!*found || memcmp(v, out, 10) < 0) {
        memcpy(out, v, 10);
        out[10] = 0;
        *found = 1;
    }
}

/* The detection date: the earliest day that the text labels so (判明日：),
 * or that is followed in its clause by a verb of noticing, or that stands
 * on a line of its own (a timeline's date, a heading's) above a sentence
 * that says what was noticed.  A day labelled the occurrence (発生日) is
 * never one. */
/* Lines under a date line (a timeline's date, a heading that ends with
 * its date: 「## 経緯 [4月22日]」) tell what happened that day: does one of
 * the first three, before the next heading or dated line, say it was
 * noticed? */
static int noticed_below(const struct ix_doc *d, size_t si)
{
    size_t k;

    for (k = si + 1; k < d->ns && k <= si + 3; k++) {
        if (d->s[k].heading || has_date(d, k))
            return 0;
        if (says_noticed(d, k))
            return 1;
    }
    return 0;
}

int jaen_ix_detected(const struct ix_doc *d, char out[11])
{
    size_t i, n = d->entities ? json_array_size(d->entities) : 0, si;
    int found = 0, line, label;

    for (i = 0; i < n; i++) {
        const json_t *e = json_array_get(d->entities, i);
        const char *v = day_of(e);
        int64_t end, start;

        if (!v)
            continue;
        end = json_integer_value(json_object_get(e, "end"));
        start = json_integer_value(json_object_get(e, "start"));
        si = jaen_ix_sent_at(d, end > 0 ? end - 1 : 0);
        if (si >= d->ns
            || d->s[si].sec == SEC_CONTACT || end > d->s[si].end
            || start < d->s[si].start || (size_t)end > d->ncp)
            continue;
        if (d->published && memcmp(v, d->published, 10) > 0)
            continue;
        line = date_line(d, si, d->cpb[start], d->cpb[end]);
        label = label_of(d, si, d->cpb[start], d->cpb[end], line);
        if (label > 0
            || (label == 0 && noticed_after(d, i, si, end)
                && !found_by_looking(d, si, d->cpb[start], d->cpb[end]))
            || (label == 0 && line && noticed_below(d, si)))
            keep_earliest(out, &found, v);
    }
    /* no date, but 本日…を確認しました: the day of the notice (a seen
     * word after 本日 and no not_detection word is a noticing); 昨日 and
     * 一昨日 the days before it */
    for (si = 0; !found && d->published && si < d->ns; si++) {
        static const char *const seen[] = {
            "判明", "確認しました", "確認いたしました", "確認され", "検知",
            "発覚", "発見", NULL,
        };
        static const char *const days[] = {"本日", "昨日", "一昨日", NULL};
        size_t kl, p, today = jaen_ix_q_first(d, si, 0, IX_L(d, si), days,
                                              &kl);
        int back;
        if (today == (size_t)-1 || d->s[si].sec == SEC_CONTACT
            || d->s[si].heading)
            continue;
        back = kl == 9 ? 2                              /* 一昨日 */
               : memcmp(IX_S(d, si) + today, "本日", 6) == 0 ? 0 : 1;
        p = jaen_ix_q_find(d, si, today, "現在");      /* 本日11月14日現在 */
        if ((p != (size_t)-1 && p - today <= 8 * 3)
            || HAS(d, si, "本日時点") || HAS(d, si, "本日付")
            || ANY_OF(d, si, not_detection)
            || jaen_ix_q_first(d, si, today, IX_L(d, si), seen, &kl)
               == (size_t)-1)
            continue;
        found = days_before(d->published, back, out);
    }
    return found;
}

/* --- secondary damage -------------------------------------------------- */

/* Does sentence i, under a 二次被害 heading, report messages that
 * reached people (メッセージが配信されていたことを確認しております)?
 * The heading names the damage, so the sentence need not repeat it. */
static int reported_under_heading(const struct ix_doc *d, size_t i)
{
    /* messages that reached people: spam, phishing, fraud calls */
    static const char *const seen[] = {
        "届いて", "届いた", "送信されて", "配信されて", "送付されて",
        "着信して", NULL,
    };
    static const char *const not_so[] = {
        "ご注意", "お願い", "場合", "可能性", "おそれ", "恐れ", "ない",
        "無い", "なし", "ません", NULL,
    };

    return d->s[i].sec == SEC_SECONDARY && ANY_OF(d, i, seen)
           && NONE_OF(d, i, not_so);
}

/* Does sentence i deny the damage (a keyword of damage, then one of
 * none) before any doubt about it (可能性, おそれ)?  流出した可能性のある
 * 情報の悪用は確認されていません denies it; 二次被害は確認されておりません
 * が、閲覧された可能性は否定できない too; 不正利用された可能性があり
 * ますが、…確認されておりません does not. */
static int denied_before_doubt(const struct ix_doc *d, size_t i,
                               const char *const *damage,
                               const char *const *none)
{
    static const char *const doubt[] = {"可能性", "おそれ", "恐れ", NULL};
    /* the doubt asserted, not denied along with the damage (二次被害
     * ならびにその恐れは確認されておりません) */
    static const char *const asserted[] = {"あり", "ある", "が、", "否定",
                                           NULL};
    size_t kl, dl, len = IX_L(d, i);
    size_t pd = jaen_ix_q_first(d, i, 0, len, damage, &kl), pn, pq, pa;

    if (pd == (size_t)-1)
        return 0;
    pn = jaen_ix_q_first(d, i, pd, len, none, &kl);
    if (pn == (size_t)-1)
        return 0;
    pq = jaen_ix_q_first(d, i, pd, len, doubt, &kl);
    if (pq == (size_t)-1 || pn < pq)
        return 1;
    /* a doubt, then a turn, then the damage denied (二次被害のおそれは完全
     * には否定できませんが、現時点で…二次被害に関する報告は受けておりません) */
    for (pa = pq; (pa = jaen_ix_q_find(d, i, pa, "が、")) != (size_t)-1
                  && pa < pn; pa += 6)
        if (jaen_ix_q_first(d, i, pa, pn, damage, &dl) != (size_t)-1
            && jaen_ix_q_first(d, i, pa, pn, doubt, &kl) == (size_t)-1)
            return 1;
    /* a doubt about what was misused, not about the misuse (流出した
     * 可能性のある情報が悪用されたといった二次被害の報告は確認されて
     * おりません): attributive のある, with the damage named after it,
     * asserts nothing */
    for (pa = jaen_ix_q_first(d, i, pq, pn, asserted, &kl);
         pa != (size_t)-1 && kl == 6 && pa >= 3
         && memcmp(IX_S(d, i) + pa - 3, "の", 3) == 0
         && memcmp(IX_S(d, i) + pa, "ある", 6) == 0
         && jaen_ix_q_first(d, i, pa, pn, damage, &dl) != (size_t)-1;
         pa = jaen_ix_q_first(d, i, pa + kl, pn, asserted, &kl))
        ;
    return pa == (size_t)-1;
}

/* Secondary damage: "confirmed" when the text reports some (spam to the
 * staff counts even when customers were spared: 当社従業員に迷惑メールが
 * …, お客様からのご連絡は受けておりません), else "none_confirmed" when it
 * says none was found, else NULL. */
const char *jaen_ix_secondary(const struct ix_doc *d)
{
    static const char *const damage[] = {
        "二次被害", "二次的な被害", "不正利用", "悪用", "不正使用",
        "被害の発生", "被害は", "被害が", "被害につきましては", "被害の連絡",
        "被害のご連絡", "被害の報告", "不正に使われ", "不正に使用",
        "不正に利用", "二次的被害", "不正流用", "不正に流用", "被害報告",
        "被害や影響", "被害等は", "被害等の", "被害等が", "被害の拡大", NULL,
    };
    static const char *const none[] = {
        "確認されておりません", "確認されていません", "確認されておらず",
        "確認されませんでした", "確認しておりません", "確認できておりません",
        "ございません", "ありません", "報告はありません", "報告はございません",
        "報告されておりません", "発生しておりません", "至っておりません",
        "認められておりません", "把握しておりません", "見受けられません",
        "受けておりません", "確認されていない", "確認されなかった",
        "発生していない", "報告はない", "上がっておりません",
        "上がっていません", "発生がない", "発生はない", "発生もない",
        "事実はない", "確認はできておりません", "確認はできていません",
        "報告されていない", NULL,
    };
    static const char *const happened[] = {
        "二次被害が発生", "二次被害を確認", "二次被害が確認", "被害が発生して",
        "不正利用が確認", "不正利用を確認", "不正利用された", "送信されて",
        "送付されて", "届いて", NULL,
    };
    /* the misuse named, then found (本件に起因する個人情報の不正利用と
     * しては、…に送られたフィッシングメールが確認されております) */
    static const char *const misuse_as[] = {
        "不正利用としては", "二次被害としては", "悪用としては", NULL,
    };
    static const char *const found[] = {
        "確認されております", "確認されています", "確認しております",
        "発生しております", NULL,
    };
    /* 被害 alone that is not the damage: the leak (個人情報漏洩の被害は
     * 確認されておりません), its spreading (これ以上被害が拡大するおそれは
     * ない), the same attack elsewhere (他のサービスでは同様の被害は発生
     * しておりません) */
    static const char *const named[] = {
        "二次被害", "二次的な被害", "二次的被害", "不正利用", "悪用",
        "不正使用", "不正流用", "不正に", NULL,
    };
    static const char *const not_damage[] = {
        "漏洩の被害", "漏えいの被害", "流出の被害", "被害が拡大", "被害拡大",
        "被害の拡大", "同様の被害",
        /* the business's damage (業務停止に至る被害は確認されておらず),
         * the attack's own (ファイルの暗号化等の被害は確認されず) */
        "に至る被害", "暗号化等の被害", "暗号化の被害", "暗号化による被害",
        NULL,
    };
    /* data that could lead to it (二次被害を直接生じさせ得る情報は…確認
     * されておりません) */
    static const char *const could_lead[] = {"させ得る", "させうる", NULL};
    size_t i;
    int said_none = 0;

    for (i = 0; i < d->ns; i++) {
        const json_t *ph = d->s[i].extra
                               ? json_object_get(d->s[i].extra, "phrase")
                               : NULL;
        const char *c = json_string_value(json_object_get(ph, "concept"));
        if (c && (strcmp(c, "phrase.no_secondary_damage") == 0
                  || strcmp(c, "phrase.no_misuse_reported") == 0))
            said_none = 1;
        if (d->s[i].sec == SEC_CONTACT || d->s[i].heading)
            continue;
        if (reported_under_heading(d, i))
            return "confirmed";
        if (ANY_OF(d, i, misuse_as) && ANY_OF(d, i, found)
            && !HAS(d, i, "ません") && !HAS(d, i, "可能性"))
            return "confirmed";
        if (!ANY_OF(d, i, damage) || ANY_OF(d, i, could_lead)
            || (ANY_OF(d, i, not_damage) && NONE_OF(d, i, named)))
            continue;
        if (denied_before_doubt(d, i, damage, none))
            said_none = 1;
        else if (HAS(d, i, "可能性") || HAS(d, i, "おそれ")
                 || HAS(d, i, "場合"))
            continue;
        else if (ANY_OF(d, i, happened)
                 && (d->s[i].sec == SEC_SECONDARY || HAS(d, i, "二次被害")))
            return "confirmed";
    }
    return said_none ? "none_confirmed" : NULL;
}

/* --- cause ------------------------------------------------------------- */

/* Does sentence i name 脆弱性 as a weakness, not as a test for one
 * (脆弱性診断) or a measure against them (脆弱性対策)? */
static int names_vulnerability(const struct ix_doc *d, size_t i)
{
    static const char *const not_flaw[] = {
        "脆弱性診断", "脆弱性検査", "脆弱性調査", "脆弱性の診断", "脆弱性対策",
        "脆弱性スキャン", "脆弱性情報", NULL,
    };

    return HAS(d, i, "脆弱性") && NONE_OF(d, i, not_flaw);
}

/* Does sentence i, in a section about measures, still state the cause
 * (このたびの事態が起こった原因は…にあります)? */
static int cause_in_response(const struct ix_doc *d, size_t i)
{
    static const char *const said[] = {
        "原因は", "が原因", "原因であり",
        /* the experts' finding told with the measure it led to (不正アクセス
         * がVPNを通じて行われた可能性が有力であるとの…報告から、…VPNの
         * 使用を廃止) */
        "通じて行われた", "経由して行われた", NULL,
    };

    return ANY_OF(d, i, said);
}

/* Does sentence i only say the way in was found, not which it was
 * (侵入経路を特定し, 経路の特定が完了)? */
static int route_unnamed(const struct ix_doc *d, size_t i)
{
    static const char *const found[] = {
        "経路を特定", "経路の特定", "経路が特定", "経路は特定", "経路を調査",
        "経路の調査", "経路特定", NULL,
    };
    static const char *const named[] = {
        "脆弱性", "VPN", "経由", "リモートデスクトップ", "RDP", "パスワード",
        "認証情報", "設定", NULL,
    };

    return ANY_OF(d, i, found) && NONE_OF(d, i, named);
}

/* A person's slip that the text gives as how it happened (番号を取り
 * 違えて送信, 確認を怠った): the cause of a misdelivery or a loss, told in
 * the story rather than under a 原因 heading. */
static const char *const slip[] = {
    "取り違え", "取違え", "押し間違", "見間違", "誤入力", "入力を誤",
    "入力ミス", "確認を怠", "確認不足", "不注意", "選択を誤", NULL,
};

/* Does sentence i say the credentials of the organization's own people or
 * of an admin account were stolen or leaked: the way in of an account
 * taken over (当団体職員 1 名の Microsoft365 の認証情報が不正に窃取され;
 * 当社グループ社員の個人アカウントにおいてパスワードが外部に漏洩; 何らか
 * の方法で窃取した管理者アカウントを用いて)?  Customers' passwords that
 * leaked are data, not a way in. */
static int staff_credentials_stolen(const struct ix_doc *d, size_t i)
{
    static const char *const cred[] = {
        "パスワード", "認証情報", "アカウント情報", "管理者アカウント",
        "資格情報", NULL,       /* not 従業員ID: data */
    };
    static const char *const stolen[] = {
        "窃取", "漏洩し", "漏えいし", "流出し", "流出。", "不正に取得",
        "不正に入手", "第三者に知られ", NULL,
    };
    static const char *const whose[] = {
        "社員", "職員", "従業員", "管理者", "管理用", "担当者", "役員",
        "教員", NULL,
    };
    static const char *const people[] = {
        "お客様", "お客さま", "会員", "利用者", "ユーザー", "顧客", "生徒",
        "学生", "保護者", "患者", NULL,
    };
    static const char *const not_so[] = {
        "ておりません", "ていません", "ていない", "ありません", "ございません",
        "可能性", "おそれ", "恐れ", "場合", NULL,
    };

    /* used to get in: a doubt is only hedging (窃取した管理者アカウントを
     * 用いて進入された可能性) */
    static const char *const used[] = {
        "を用いて", "を使用して", "を使って", "を悪用", "侵入", "進入",
        NULL,
    };

    return ANY_OF(d, i, cred) && ANY_OF(d, i, stolen) && ANY_OF(d, i, whose)
           && NONE_OF(d, i, people)
           && (NONE_OF(d, i, not_so) || ANY_OF(d, i, used));
}

/* Does sentence i tell of credentials typed into a fake site (記載のURLを
 * クリックしたところ偽サイトに遷移し、…パスワードを入力; 予約サイトを装った
 * 偽サイトへのIDとパスワードの入力): the way in of a phishing? */
static int creds_phished(const struct ix_doc *d, size_t i)
{
    static const char *const fake_site[] = {
        "偽サイト", "偽のサイト", "偽のログイン", "フィッシングサイト", NULL,
    };
    static const char *const typed[] = {
        "パスワードを入力", "パスワードの入力", "パスワード）を入力",
        "認証情報を入力", "認証情報の入力", NULL,
    };
    /* not a warning (偽サイトでパスワードを入力しないでください) */
    static const char *const warned[] = {"ください", "ないで", "場合", NULL};

    return ANY_OF(d, i, fake_site) && ANY_OF(d, i, typed)
           && NONE_OF(d, i, warned);
}

/* Does sentence i name the way in of an intrusion (VPN装置から侵入,
 * 機器を経由して不正アクセス, 偽の警告…遠隔操作ツールをインストール)? */
static int entry_point(const struct ix_doc *d, size_t i)
{
    static const char *const way[] = {
        "VPN", "ＶＰＮ", "リモートデスクトップ", "RDP", "リモートアクセス機器",
        NULL,
    };
    static const char *const into[] = {
        "侵入", "不正アクセス", "不正にアクセス", "不正なアクセス",
        "不正ログイン", "不正にログイン", "不審なアクセス", NULL,
    };
    /* how it got in, named (SQLインジェクションによるサーバーへの不正
     * アクセス; パスワード総当たり（ブルートフォースアタック）の攻撃による
     * 不正アクセス) */
    static const char *const method[] = {
        "インジェクション", "総当たり", "ブルートフォース", "辞書攻撃", NULL,
    };
    static const char *const via[] = {"経由して", "経由で", "経由し", NULL};
    /* a support scam told in the story: a fake warning, then the remote
     * tool installed or the number called */
    static const char *const fake[] = {
        "偽の警告", "偽のセキュリティ警告", "偽のウイルス", "偽の画面",
        "偽のサポート", "偽警告", "警告表示", "警告画面", "警告メッセージ",
        "ウイルス感染」", "ウイルスを検出", NULL,
    };
    static const char *const obeyed[] = {
        "インストール", "遠隔操作", "電話を", "電話し", "指示に従", NULL,
    };
    /* someone fell for a scam, and the intrusion followed (教員がサポート
     * 詐欺に遭い、パソコンが不正アクセスを受ける; 職員がスミッシング被害に
     * 遭い、…アカウントに不正アクセス) */
    static const char *const scam[] = {
        "サポート詐欺", "フィッシング", "スミッシング", NULL,
    };
    static const char *const fell[] = {
        "に遭い", "に遭っ", "にあい", "にあっ", "騙され", "だまされ",
        "誘導され", "インストールした",
        /* the intrusion put down to it (当社を騙るフィッシング詐欺による
         * ものと見られる、…口座への不正アクセス) */
        "詐欺によるもの", "詐欺等によるもの", "メール）によるもの",
        "メールによるもの", NULL,
    };
    static const char *const measure[] = {
        "無効化", "遮断", "停止", "導入", "強化", "変更", NULL,
    };
    /* credentials got elsewhere, tried here (外部で不正に取得したID・パス
     * ワードを利用し…ログインを試みた; リスト型攻撃) */
    static const char *const stolen_creds[] = {
        "不正に取得したID", "不正に取得したログイン", "不正に入手したID",
        "不正に入手したログイン", "流出したID", "流出したパスワード",
        "リスト型攻撃", "パスワードリスト攻撃", "リスト型アカウントハッキング",
        "外部で流出した", "外部で漏えいした", "外部で漏洩した",
        "他社で流出した", "他社サービスから流出した",
        /* the account's own credentials used by someone else (ログインID
         * 及びパスワードを第三者が不正にログイン操作) */
        "パスワードを第三者が", "パスワードを悪用", "パスワードを不正利用",
        "パスワードを不正に利用", "パスワードを不正に使用",
        /* 第三者が…ログインID、パスワードを使用し、不正にログイン操作 */
        "パスワードを使用し、", NULL,
    };
    size_t kl, v;

    if (staff_credentials_stolen(d, i) || creds_phished(d, i))
        return 1;
    if (ANY_OF(d, i, measure))
        return 0;
    /* not a footnote that defines the word (（注４）ブルートフォース攻撃：
     * 多数のパスワードを試行し不正侵入を狙う攻撃手法) */
    if (IX_L(d, i) >= 6 && (memcmp(IX_S(d, i), "（注", 6) == 0
                            || memcmp(IX_S(d, i), "(注", 4) == 0))
        return 0;
    if ((ANY_OF(d, i, way) || ANY_OF(d, i, method))
        && (ANY_OF(d, i, into) || HAS(d, i, "攻撃手法")))
        return 1;
    if (ANY_OF(d, i, fake) && ANY_OF(d, i, obeyed))
        return 1;
    if (ANY_OF(d, i, stolen_creds) && (ANY_OF(d, i, into)
                                       || HAS(d, i, "ログイン")))
        return 1;
    if (ANY_OF(d, i, scam) && ANY_OF(d, i, fell)
        && (ANY_OF(d, i, into) || HAS(d, i, "遠隔操作")))
        return 1;
    /* 機器を経由して…侵入; not data sent 経由で a booking site */
    v = jaen_ix_q_first(d, i, 0, IX_L(d, i), via, &kl);
    return v != (size_t)-1 && jaen_ix_q_find(d, i, v, "侵入") != (size_t)-1;
}

/* Words that state a cause in a sentence about one. */
static const char *const states[] = {
    "脆弱性", "原因は", "原因となり", "原因と", "が原因", "原因です",
    "原因であ", "起因", "要因", "一因", "主因", "悪用され", "を突いた",
    "ことによる", "ことにより", "ため、", "によるもの", "窃取された認証情報",
    "認証情報を", "パスワードを", "パスワードが", "認証情報が",
    "パスワードの強度", "類推", "総当たり", "ブルートフォース", "推測",
    "設定の不備", "設定ミス", "設定不備", "不備", "不十分", "誤って",
    "インストールした", "インストールして", "インストールされ", "誘導され",
    "欺罔",
    "サポート詐欺", "スミッシング", "フィッシング被害", "アクセスしたこと",
    "クリック", "開封", "持ち出した",
    "保存した", "侵入経路", "経由して", "経由で", "経由し", "VPN", "ＶＰＮ",
    "リモートデスクトップ", "RDP", "インジェクション", "多要素認証",
    "ないまま", "得ずに", "怠", "守られ", "規程", "手順",
    "不適切な設定", "不適切な構成", "有効化されておらず",
    "有効化されていなかった", "指示に従",
    /* the way in (インターネットとの接続口から当社環境へ侵入された), a
     * step left undone (使用後データ消去の未完了) */
    "接続口", "環境へ侵入", "未完了", "未実施", NULL,
};

/* Words that leave the cause open. */
static const char *const open[] = {
    "調査中", "調査しております", "調査を進め", "特定に", "特定中",
    "究明中", "特定できておりません", "特定には至って", "判明しておりません",
    "確認中", "調査を行って", "引き続き", "詳細は", "現在、", "現在は",
    "調べて", "原因調査及び", "原因調査を", "原因調査に", "原因や",
    "ネットワーク経由", "インターネット経由", "原因不明", "原因を把握",
    "調査を依頼", "確認しているところ", "調査しているところ", "有無",
    "経路を封鎖", "経路を遮断", "経路の封鎖", "経路の遮断", "ことも多く",
    "ことが多く", "一般的",
    "明らかとなっておりません", "明らかになっておりません",
    "明らかになっていません", "明らかではありません",
    /* said to be found, but not said (本件の原因は既に特定しており) */
    "原因は既に特定", "原因は特定", "原因を特定し", "原因を特定済",
    "原因を特定いたし",
    /* still to come (原因…に関する調整は…しばらくの時間がかかる見込み) */
    "時間がかかる", "時間を要", NULL,
};

/* Does sentence i leave the cause open, and not go on to state one after
 * a turn (詳細な経路の特定には至りませんでしたが、脆弱性を悪用して…;
 * 調査を依頼したところ、脆弱性により…)? */
static int left_open(const struct ix_doc *d, size_t i)
{
    /* what still states a cause after 調査中ですが、 */
    static const char *const likely[] = {
        "脆弱性", "悪用", "一因", "主因", "不十分", "不備", "設定ミス",
        "可能性が高", "原因と考え", NULL,
    };
    static const char *const turn[] = {"が、", "ところ、", NULL};
    static const char *const details[] = {"で、詳細", "。詳細", "、詳細",
                                          NULL};
    size_t kl, p = jaen_ix_q_first(d, i, 0, IX_L(d, i), open, &kl), c;

    if (p == (size_t)-1)
        return 0;
    /* the way in told, only the details still looked into (脆弱性を悪用
     * して不正アクセスされたもので、詳細については現在調査を進めて
     * おります) */
    if (jaen_ix_q_first(d, i, 0, p, likely, &kl) != (size_t)-1
        && jaen_ix_q_first(d, i, 0, p, details, &kl) != (size_t)-1)
        return 0;
    c = jaen_ix_q_first(d, i, p, IX_L(d, i), turn, &kl);
    return c == (size_t)-1 || !jaen_ix_q_any_from(d, i, c, likely)
           || jaen_ix_q_any_from(d, i, c, open);
}

size_t jaen_ix_cause(const struct ix_doc *d)
{
    static const char *const restated[] = {
        "ランサムウェアによる", "ランサムウェア攻撃による",
        "サイバー攻撃による", "不正アクセスによる", "攻撃を受けたため",
        "不正アクセスを受けたため", "不正アクセスによって",
        "不正アクセスが原因", "攻撃が原因", "受けたことが原因",
        "されたことが原因", "アクセスを原因とする", "攻撃を原因とする",
        /* a flood of requests is the attack itself, not how it got in */
        "アクセス集中によ", "アクセスの集中によ", "大量のアクセスによ", NULL,
    };
    /* advice to readers (開封や返答をしないようにお願いします) */
    static const char *const asks[] = {
        "お願いします", "お願いいたします", "お願い申し上げ", "ください",
        "下さい", NULL,
    };
    /* the incident as the cause of its consequences */
    static const char *const consequence[] = {
        "本件に起因", "本事案に起因", "これに起因", "本件を原因",
        "を原因として", "不正アクセスに起因", "攻撃に起因", NULL,
    };
    size_t i;
    int pass;

    /* first what a 原因 section or the word 原因 (脆弱性, 要因…) marks,
     * then a way in or a slip told in the story */
    for (pass = 0; pass < 2; pass++)
        for (i = 0; i < d->ns; i++) {
            int in_cause = d->s[i].sec == SEC_CAUSE;
            if (d->s[i].heading || d->s[i].sec == SEC_CONTACT
                || HAS(d, i, "？")
                || (d->s[i].sec == SEC_RESPONSE
                    && !cause_in_response(d, i)))
                continue;
            if (!in_cause && !HAS(d, i, "原因")
                && !names_vulnerability(d, i) && !HAS(d, i, "起因")
                && !HAS(d, i, "要因") && !HAS(d, i, "侵入経路")
                && (pass == 0
                    || (!entry_point(d, i) && NONE_OF(d, i, slip))))
                continue;
            if ((!ANY_OF(d, i, states) && NONE_OF(d, i, slip)
                 && !(pass == 1 && entry_point(d, i)))
                || left_open(d, i) || ANY_OF(d, i, consequence)
                || route_unnamed(d, i) || ANY_OF(d, i, asks))
                continue;
            if (HAS(d, i, "脆弱性") && !names_vulnerability(d, i)
                && !in_cause && !HAS(d, i, "原因"))
                continue;
            if (ANY_OF(d, i, restated) && !names_vulnerability(d, i)
                && !HAS(d, i, "VPN"))
                continue;
            if (HAS(d, i, "原因の") || HAS(d, i, "原因究明")
                || HAS(d, i, "原因を調査") || HAS(d, i, "原因等"))
                continue;
            return i;
        }
    return (size_t)-1;
}

/* incident_count.c: the counts of the impact.
 *
 * Counts are normalize's quantities whose counter names people, records,
 * companies, devices or accounts, in a sentence about affected data or
 * people; a figure given twice (lead and details) is kept once.  The data
 * items are incident_items.c's. */
#include "incident_int.h"

#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NONE_OF(d, i, list) (!ANY_OF(d, i, list))
#define ANY_OF(d, i, list) (jaen_ix_q_any(d, i, list))
#define HAS(d, i, k) (jaen_ix_q_has(d, i, k))

/* Counter → schema unit. */
static const char *unit_of(const char *u)
{
    static const char *const map[][2] = {
        {"件", "record"}, {"名", "person"}, {"人", "person"},
        {"名分", "person"}, {"人分", "person"}, {"名様", "person"},
        {"社", "company"}, {"台", "device"}, {"アカウント", "other"},
        {"通", "other"}, {"枚", "other"}, {"口座", "other"},
        {"アドレス", "other"}, {"ID", "other"}, {"団体", "other"},
        {"店舗", "other"}, {"世帯", "other"},
        {"点", "item"}, {"個", "item"}, {"円", "yen"}, {"ドル", "other"},
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
    "閲覧", "窃取", "卒業生", "在校生", "教職員",
    /* devices hit (業務用パソコン１台に対し、外部からの不正アクセス) */
    "パソコン", "端末", NULL,
};
/* Staff at work, lines, events: not who was affected.  (のべ and 延べ are
 * how anything is counted: 延べ約2,800人 of guests, データコピー延べ
 * 11,310件; のべ50名の体制 is staff by 体制.) */
static const char *const not_affected[] = {
    "コールセンター", "オペレーター", "回線", "連名",
    "共同", "体制", "専門家", "人員", "増員", "配置",
    "開催", "参加", "出席し", "出席者", "受講し", "設置", "チーム",
    "社内エンジニア", "エンジニア等", NULL,
};

/* A count's subject that names tries, not what was hit (README: numbers
 * of attempts are not counted). */
static const char *const attempts[] = {"試行", "回数", NULL};

/* Words that tell money was lost. */
static const char *const loss[] = {
    "被害", "詐取", "振り込", "送金", "損失", "不正利用", NULL,
};

/* Is sentence si a count its label names (「件数：最大15,535名」): then
 * a word of staff at work in it does not drop the figure. */
static int labelled_count(const struct ix_doc *d, size_t si)
{
    static const char *const labels[] = {
        "件数：", "件数:", "人数：", "人数:", "対象者数", NULL,
    };

    return ANY_OF(d, si, labels);
}

/* A figure in a sentence about a help desk (窓口) counts staff or lines,
 * unless the desk's people are the data subjects (「窓口担当者の氏名」). */
static int help_desk(const struct ix_doc *d, size_t si)
{
    return HAS(d, si, "窓口") && !HAS(d, si, "窓口担当");
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

/* Is s[0..len), trailing spaces aside, a note of at most 40 characters in
 * brackets: （…）, or (…) when ascii? */
static int bracket_note(const char *s, size_t len, int ascii)
{
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n'))
        len--;
    if (len > 40 * 3)
        return 0;
    return (len >= 6 && memcmp(s, "（", 3) == 0
            && memcmp(s + len - 3, "）", 3) == 0)
           || (ascii && len >= 2 && s[0] == '(' && s[len - 1] == ')');
}

/* Does the figure ending at code point end close sentence si (「第四中学校
 * 卒業生 計105人」, 「 91名分 」)?  Such a line names a population and its
 * count, even when the view takes it for a numbered heading. */
static int closes_line(const struct ix_doc *d, size_t si, int64_t end)
{
    size_t b;

    if (end + 2 >= d->s[si].end)
        return 1;
    /* or only a note in brackets after it (「（1）個人情報　約16万件（現時点
     * における最大数…）」) */
    if (end < 0 || (size_t)end > d->ncp)
        return 0;
    b = d->cpb[end];
    return b <= d->s[si].b
           && bracket_note(d->text + b, d->s[si].b - b, 1);
}

/* Is sentence si only a note in brackets after the sentence before it
 * (「…が漏洩した可能性がある事案が発生しました。（全国で173,000 件）」)? */
static int note_after(const struct ix_doc *d, size_t si)
{
    return si > 0 && !d->s[si].heading
           && bracket_note(IX_S(d, si), IX_L(d, si), 0);
}

/* Does a colon follow the figure ending at code point end (「③同窓会１３１
 * 人分：氏名、住所」: the people counted, then their data)? */
static int colon_after(const struct ix_doc *d, int64_t end)
{
    size_t b = end >= 0 && (size_t)end <= d->ncp ? d->cpb[end] : d->len;

    while (b < d->len && d->text[b] == ' ')
        b++;
    return (d->len - b >= 3 && memcmp(d->text + b, "：", 3) == 0)
           || (b < d->len && d->text[b] == ':');
}

/* Is sentence si a line of figures under a heading or line that names
 * counts (「### 漏えい対象件数」 over 「2,545件」, 「市立学校と人数」 over
 * 「白石第一小学校 58名」)?  Back over up to eight such lines. */
static int under_count_heading(const struct ix_doc *d, size_t si)
{
    static const char *const names_counts[] = {
        "件数", "人数", "対象者", "対象数", "名数", NULL,
    };
    size_t j, n = 0;

    for (j = si; j-- > 0 && n < 8; n++) {
        /* prose ends the lines; the lines themselves may look like
         * numbered headings (「第一小学校　58名」) */
        if (d->s[j].end - d->s[j].start > 40)
            return 0;
        if (ANY_OF(d, j, names_counts))
            return 1;
        if (d->s[j].heading && d->s[j].sec != SEC_NONE)
            return 0;           /* a heading of another section */
    }
    return 0;
}

/* Is sentence si a line under a sentence that gives the figures as
 * maxima (「流出した可能性のある情報の最大件数は以下のとおり」 over
 * 「■輸出管理に関する情報」「顧客情報関連（…）：4,577件」)?  Only short
 * lines and the data's own captions may stand between. */
static int under_max_intro(const struct ix_doc *d, size_t si)
{
    static const char *const maxima[] = {
        "最大件数", "最大人数", "最大の件数", "最大数", NULL,
    };
    size_t j, n = 0;

    if (d->s[si].end - d->s[si].start > 80)
        return 0;
    for (j = si; j-- > 0 && n < 12; n++) {
        if (ANY_OF(d, j, maxima))
            return 1;
        if (d->s[j].end - d->s[j].start > 80
            || (d->s[j].heading && d->s[j].sec != SEC_NONE
                && d->s[j].sec != SEC_DATA))
            return 0;
    }
    return 0;
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
                                         "\xEF\xB8\x93",     /* ︓ */
                                         "（", "(", "）", ")", "「", "」",
                                         "【", "】", "|", "｜",
                                         " ", "　", "・", "※", "\n", "\t",
                                         NULL};
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

/* Drops particles and prefixes at the edges of a subject span.  A span
 * that held nothing else (計 542 件, 上記 1,200 件) comes out empty.  When
 * the span starts right after a number (after_num), what is left of that
 * number's date or unit goes too: 2023 年 6 月～8 月の期間に勤務されてい
 * た従業員 → 勤務されていた従業員, 156 名 128 名 → nothing. */
static void subject_trim(const struct ix_doc *d, int64_t *a, int64_t *z,
                         int after_num)
{
    static const char *const tail[] = {"は", "が", "計", "合計", "総計",
                                       "総数", "約", "最大", "最大で", "の",
                                       "うち", "内", "上記", "以下", "で",
                                       "に", "を", "延べ", NULL};
    static const char *const head[] = {
        "年度", "年間", "年", "か月", "ヶ月", "カ月", "ヵ月", "月", "日間",
        "日", "時点", "時間", "時", "分", "以降", "以前", "以後", "から",
        "までの間", "まで", "にかけて", "にかけ", "の期間", "期間", "の間",
        "と", "及び", "および", "並びに",
        "～", "〜", "~", "ごろ", "頃", "名", "件", "人", "校", "社", "万",
        "千", "歳児", "歳", "分の", "の", "に", "で", "は", "が", NULL,
    };
    const char *const *k;
    int again = 1;

    while (again && *z > *a) {
        again = 0;
        for (k = tail; *k; k++) {
            size_t kl = strlen(*k), bz = d->cpb[*z], ba = d->cpb[*a];
            if (bz - ba >= kl && memcmp(d->text + bz - kl, *k, kl) == 0
                && !(strcmp(*k, "の") == 0 && bz - ba >= 6     /* もの */
                     && memcmp(d->text + bz - 6, "も", 3) == 0)) {
                *z -= (int64_t)jaen_utf8_count(*k, kl);
                again = 1;
                break;
            }
        }
    }
    if (d->cpb[*z] - d->cpb[*a] > 6
        && memcmp(d->text + d->cpb[*a], "うち", 6) == 0)
        *a += 2;                /* うち氏名が推測できるもの 52 件 */
    again = after_num;
    while (again && *z > *a) {
        again = 0;
        for (k = head; *k; k++) {
            size_t kl = strlen(*k), bz = d->cpb[*z], ba = d->cpb[*a];
            if (bz - ba >= kl && memcmp(d->text + ba, *k, kl) == 0) {
                *a += (int64_t)jaen_utf8_count(*k, kl);
                again = 1;
                break;
            }
        }
    }
}

static void subject_span(const struct ix_doc *d, size_t si, int64_t start,
                         int64_t end, int64_t *sa, int64_t *sz)
{
    int64_t a = start, lim = d->s[si].start, z, b;

    while (a > lim && (d->text[d->cpb[a - 1]] == ' '
                       || d->text[d->cpb[a - 1]] == ':'
                       || d->text[d->cpb[a - 1]] == '\t'
                       || d->text[d->cpb[a - 1]] == '|'    /* a table cell */
                       || memcmp(d->text + d->cpb[a - 1], "｜", 3) == 0
                       || memcmp(d->text + d->cpb[a - 1], "　", 3) == 0
                       || memcmp(d->text + d->cpb[a - 1], "：", 3) == 0))
        a--;
    start = a;
    while (a > lim && a > start - 30
           && !is_delim(d->text + d->cpb[a - 1], d->cpb[a] - d->cpb[a - 1])
           && !is_digit_at(d->text + d->cpb[a - 1]))
        a--;
    z = start;
    b = a;      /* a number just before the span, maybe past spaces */
    while (b > lim && (d->text[d->cpb[b - 1]] == ' '
                       || (d->cpb[b] - d->cpb[b - 1] == 3
                           && memcmp(d->text + d->cpb[b - 1], "　", 3) == 0)))
        b--;
    subject_trim(d, &a, &z, b > lim && is_digit_at(d->text + d->cpb[b - 1]));
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

static int same_count(const json_t *a, const char *unit, const json_t *v)
{
    return json_equal(json_object_get(a, "value"), v)
           && strcmp(json_string_value(json_object_get(a, "unit")), unit)
                  == 0;
}

/* Appends the count of value v (borrowed) and unit, told by entity e at
 * [start, end) of sentence si, unless it repeats one already listed (then
 * its before_dedup, bd, completes that one).  Its subject is the words
 * next to it, else code points [alt[0], alt[1]) when alt is given (a
 * table column's header).  JAEN_OK or JAEN_ENOMEM. */
static int add_count(struct ix_doc *d, jaen_ix_subject_fn subject,
                     json_t *counts, const json_t *e, size_t si,
                     int64_t start, int64_t end, const char *unit,
                     const json_t *v, const json_t *bd, const int64_t *alt)
{
    const json_t *q = json_object_get(e, "qualifier");
    json_t *mq = NULL;
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
    if (sz <= sa && alt) {
        sa = alt[0];
        sz = alt[1];
    }
    /* attempts are not counted (不正ログイン試行回数は1,722,379件) */
    if (sz > sa && (size_t)sz <= d->ncp
        && jaen_ix_any(d->text + d->cpb[sa], d->cpb[sz] - d->cpb[sa],
                       attempts))
        return JAEN_OK;
    if (!json_is_string(q) && under_max_intro(d, si)) {
        if (!(mq = json_string("max")))
            return JAEN_ENOMEM;
        q = mq;
    }
    c = json_pack("{s:O,s:b,s:O,s:s,s:O,s:o}", "value", v, "approx",
                  json_is_true(json_object_get(e, "approx")),
                  "qualifier", q ? q : json_null(), "unit", unit,
                  "before_dedup", json_is_integer(bd) ? bd : json_null(),
                  "subject", subject(d, sa, sz));
    json_decref(mq);
    if (!c || json_array_append_new(counts, c))
        return JAEN_ENOMEM;
    return JAEN_OK;
}

/* --- tables ------------------------------------------------------------ */

/* The cell separator of sentence si as a table row: '|' for a Markdown
 * row (「|顧客|1,234|」), '\t' for one copied from a PDF or a spreadsheet
 * (「県立学校14校\t2,077\t974」), else 0. */
static char row_sep(const struct ix_doc *d, size_t si)
{
    const char *s = IX_S(d, si);
    size_t len = IX_L(d, si);

    if (len >= 2 && s[0] == '|' && s[len - 1] == '|')
        return '|';
    return memchr(s, '\t', len) ? '\t' : 0;
}

/* Is sentence si the |---|---| line under a Markdown table's header? */
static int rule_row(const struct ix_doc *d, size_t si)
{
    const char *s = IX_S(d, si);
    size_t len = IX_L(d, si), k;

    for (k = 0; k < len; k++)
        if (s[k] != '|' && s[k] != '-' && s[k] != ':' && s[k] != ' ')
            return 0;
    return len > 0;
}

/* Bytes [*a, *z) of sentence si: its cell number col (cells counted from
 * 0 after the separators before them), trimmed of spaces.  0 when the row
 * has no such cell. */
static int cell_of(const struct ix_doc *d, size_t si, char sep, size_t col,
                   size_t *a, size_t *z)
{
    size_t raw = d->cpb[d->s[si].start];    /* a leading tab is a cell */
    const char *s = d->text + raw;
    size_t len = d->s[si].b - raw, p = 0, c = 0, q;

    while (c < col) {
        const char *n = memchr(s + p, sep, len - p);
        if (!n)
            return 0;
        p = (size_t)(n - s) + 1;
        c++;
    }
    q = p;
    while (q < len && s[q] != sep)
        q++;
    while (p < q && (s[p] == ' ' || (q - p >= 3 && !memcmp(s + p, "　", 3))))
        p += s[p] == ' ' ? 1 : 3;
    while (q > p && (s[q - 1] == ' '
                     || (q - p >= 3 && !memcmp(s + q - 3, "　", 3))))
        q -= s[q - 1] == ' ' ? 1 : 3;
    *a = raw + p;
    *z = raw + q;
    return 1;
}

/* The cells of sentence si as a row with separator sep. */
static size_t cells(const struct ix_doc *d, size_t si, char sep)
{
    size_t p, n = 1;

    for (p = d->cpb[d->s[si].start]; p < d->s[si].b; p++)
        n += d->text[p] == sep;
    return n;
}

/* The unit a table's column header names (件数, 人数, 生徒数(人), 対象者
 * 数, 社数, 台数), or NULL. */
static const char *header_unit(const char *h, size_t hl)
{
    static const char *const units[][2] = {
        {"件数", "record"}, {"(件)", "record"}, {"（件）", "record"},
        {"人数", "person"}, {"(人)", "person"}, {"（人）", "person"},
        {"(名)", "person"}, {"（名）", "person"}, {"者数", "person"},
        {"名数", "person"}, {"社数", "company"}, {"台数", "device"},
    };
    size_t k;

    for (k = 0; k < sizeof(units) / sizeof(units[0]); k++)
        if (jaen_ix_has(h, hl, units[k][0]))
            return units[k][1];
    return NULL;
}

/* A bare number that fills a cell of a table whose column header names a
 * count (|区分|件数| over |顧客|1,234|; 生徒数(人) over 2,077): its unit,
 * and head the code points of that header cell; else NULL.  The header is
 * the first row of the rows around si, at most 30 rows up. */
static const char *table_unit(const struct ix_doc *d, size_t si,
                              int64_t start, int64_t end, int64_t head[2])
{
    char sep = row_sep(d, si);
    size_t a = d->cpb[start], z = d->cpb[end], col = 0, p, h, ca, cz, nr, nh;

    if (!sep)
        return NULL;
    for (p = d->cpb[d->s[si].start]; p < a; p++)
        col += d->text[p] == sep;
    if (!cell_of(d, si, sep, col, &ca, &cz) || ca != a || cz != z)
        return NULL;            /* the number is not the whole cell */
    for (h = si; h > 0 && si - h < 30 && row_sep(d, h - 1) == sep
                 && !d->s[h - 1].heading; h--)
        ;
    /* a header whose first cell, over the rows' labels, is empty and was
     * lost with the line's leading space: its cells align to the right */
    nr = cells(d, si, sep);
    nh = cells(d, h, sep);
    if (h == si || rule_row(d, h) || nh > nr || col < nr - nh
        || !cell_of(d, h, sep, col - (nr - nh), &ca, &cz))
        return NULL;
    head[0] = d->s[h].start
              + (int64_t)jaen_utf8_count(d->text + d->cpb[d->s[h].start],
                                         ca - d->cpb[d->s[h].start]);
    head[1] = head[0] + (int64_t)jaen_utf8_count(d->text + ca, cz - ca);
    return header_unit(d->text + ca, cz - ca);
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
        int rc, money;

        /* (normalize reads counts spaced as in PDFs, 「約 337 万件」) */
        if (!type)
            continue;
        start = json_integer_value(json_object_get(e, "start"));
        end = json_integer_value(json_object_get(e, "end"));
        si = jaen_ix_sent_at(d, start);
        if (strcmp(type, "number") == 0 && !u && si < d->ns
            && start >= d->s[si].start && end <= d->s[si].end
            && d->s[si].sec != SEC_CONTACT) {
            int64_t head[2];
            size_t hs;
            unit = table_unit(d, si, start, end, head);
            hs = unit ? jaen_ix_sent_at(d, head[0]) : si;
            if (unit && (d->s[si].sec == SEC_DATA || ANY_OF(d, si, affected)
                         || ANY_OF(d, hs, affected))
                && NONE_OF(d, si, not_affected)
                && NONE_OF(d, hs, not_affected)) {
                rc = add_count(d, subject, counts, e, si, start, end, unit,
                               json_object_get(e, "value"), NULL, head);
                if (rc)
                    return rc;
            }
            continue;
        }
        if (strcmp(type, "quantity") && strcmp(type, "money"))
            continue;
        unit = u ? unit_of(u) : NULL;
        if (!unit)
            continue;
        if (si >= d->ns || d->s[si].sec == SEC_CONTACT
            || (d->s[si].heading && !closes_line(d, si, end)
                && !colon_after(d, end))
            || (d->s[si].sec == SEC_RESPONSE && !HAS(d, si, "対象")))
            continue;
        if (dedup_figure(d, si, start, end)) {
            corrected = json_object_get(e, "value");    /* 171名と…が */
            corrected_si = si;
            continue;
        }
        money = strcmp(type, "money") == 0;
        if (money && NONE_OF(d, si, loss))
            continue;           /* money counts only where a loss is told */
        if ((d->s[si].sec != SEC_DATA && !ANY_OF(d, si, affected) && !money
             && !(note_after(d, si) && ANY_OF(d, si - 1, affected))
             && !(corrected && corrected_si == si)
             && !(closes_line(d, si, end) && d->s[si].end - d->s[si].start
                                                 <= 40
                  && under_count_heading(d, si)))
            || (ANY_OF(d, si, not_affected) && !labelled_count(d, si))
            || help_desk(d, si)
            || duplicates_figure(d, si, start))
            continue;
        bd = json_object_get(e, "before_dedup");
        if (!json_is_integer(bd) && corrected && corrected_si == si)
            bd = corrected;     /* …、正確には168名でした */
        rc = add_count(d, subject, counts, e, si, start, end, unit,
                       json_object_get(e, "value"), bd, NULL);
        if (rc)
            return rc;
    }
    return JAEN_OK;
}

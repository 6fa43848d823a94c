/* incident_title.c: an English title composed from the glossary.
 *
 * Disclosure titles are noun phrases in a few frames: a topic, then 「に
 * 関するお知らせ」, 「についてのお詫びとご報告」 or 「について」, maybe a
 * report number (（第2報）) and a mark such as 【重要】.  The frame has a
 * fixed English ("Notice regarding ...").  The topic is rendered only when
 * glossary terms and a closed list of connectors cover all of it: each
 * connector (の, による, への, における, に伴う, ...) makes what stands to
 * its left a modifier of what stands to its right, so the English reads the
 * parts right to left with the connector's preposition between them:
 *   不正アクセス による 個人情報 漏えい → "personal information leak due
 *   to unauthorized access".
 * Terms side by side make a compound in their own order, and および, と,
 * ・ coordinate ("A and B").  当社 (we) before a noun reads "our", after a
 * preposition "us".  A name stands as written: in ASCII, or in any script
 * when the writer set it off in 「」 (「ハンズクラブアプリ」 -> "ハンズク
 * ラブアプリ": visibly untranslated, not guessed), as long as a glossary
 * term stands beside it.  Anything else (a bare product name, a verb
 * phrase) leaves the title without English: a partial rendering would be
 * silently wrong.
 *
 * The title is matched with a token boundary at every character, unlike
 * the text (where segment's tokens guard against 件 inside 事件); the rule
 * that every character must be covered is what keeps a stray match out. */
#include "incident_int.h"

#include "alloc.h"
#include "fold.h"
#include "gloss.h"
#include "limits.h"
#include "utf8.h"

#include <string.h>

#define TITLE_MAX_CPS 200   /* longer is no title */
#define TITLE_MAX_PARTS 24

/* Frames at the end of a title, longest first where one ends another. */
static const char *const frames[][2] = {
    {"に関するお詫びとお知らせ", "Apology and notice regarding"},
    {"についてのお詫びとお知らせ", "Apology and notice regarding"},
    {"に関するお知らせとお詫び", "Notice and apology regarding"},
    {"についてのお知らせとお詫び", "Notice and apology regarding"},
    {"に関するお詫びとご報告", "Apology and report regarding"},
    {"についてのお詫びとご報告", "Apology and report regarding"},
    {"に対するお詫びとご報告", "Apology and report regarding"},
    {"に関するご報告とお詫び", "Report and apology regarding"},
    {"についてのご報告とお詫び", "Report and apology regarding"},
    {"に関する重要なお知らせ", "Important notice regarding"},
    {"についての重要なお知らせ", "Important notice regarding"},
    {"に関する御報告とお詫び", "Report and apology regarding"},
    {"に関する御報告", "Report regarding"},
    {"に関するお知らせ", "Notice regarding"},
    {"についてのお知らせ", "Notice regarding"},
    {"に関するご報告", "Report regarding"},
    {"についてのご報告", "Report regarding"},
    {"に関するご案内", "Notice regarding"},
    {"に関するお詫び", "Apology regarding"},
    {"についてのお詫び", "Apology regarding"},
    {"に関する調査結果", "Investigation results regarding"},
    {"に関する調査結果について", "Investigation results regarding"},
    {"の調査結果について", "Investigation results regarding"},
    {"についてのお詫びとお願い", "Apology and request regarding"},
    {"についてお詫びとお知らせ", "Apology and notice regarding"},
    {"についてお知らせとお詫び", "Notice and apology regarding"},
    {"についてお詫びとご報告", "Apology and report regarding"},
    {"についてご報告とお詫び", "Report and apology regarding"},
    {"についての続報", "Follow-up report regarding"},
    {"に関する続報", "Follow-up report regarding"},
    {"についての御報告", "Report regarding"},
    {"に関する調査中間ご報告", "Interim report regarding"},
    {"に関する中間報告", "Interim report regarding"},
    {"のお詫びとお知らせ", "Apology and notice regarding"},
    {"のお知らせとお詫び", "Notice and apology regarding"},
    {"のお詫びとご報告", "Apology and report regarding"},
    {"のお知らせ", "Notice of"},
    {"のご報告", "Report of"},
    {"のお詫び", "Apology for"},
    {"につきましてご報告", "Report regarding"},
    {"につきましてのお知らせ", "Notice regarding"},
    {"につきまして", "Regarding"},
    {"について", "Regarding"},
    {"に関して", "Regarding"},
    {"に関しまして", "Regarding"},
};

enum conn_kind { C_MOD, C_AND, C_ETC };

/* Connectors inside a topic, longest first where one starts another. */
static const struct {
    const char *ja;
    enum conn_kind kind;
    const char *en;         /* the preposition of a C_MOD */
} conns[] = {
    {"によるものと思われる", C_MOD, "likely due to"},
    {"を装った", C_MOD, "impersonating"},
    {"が利用する", C_MOD, "used by"},
    {"が利用している", C_MOD, "used by"},
    {"が利用していた", C_MOD, "used by"},
    {"が使用している", C_MOD, "used by"},
    {"が使用する", C_MOD, "used by"},
    {"が受けた", C_MOD, "suffered by"},
    {"に掲載された", C_MOD, "published in"},
    {"に掲載した", C_MOD, "published in"},
    {"を悪用した", C_MOD, "exploiting"},
    {"を記載した", C_MOD, "containing"},
    {"を保存した", C_MOD, "storing"},
    {"を格納した", C_MOD, "storing"},
    {"を含む", C_MOD, "including"},
    {"で発生した", C_MOD, "at"},
    {"において発生した", C_MOD, "at"},
    {"が運営する", C_MOD, "operated by"},
    {"が委託する", C_MOD, "commissioned by"},
    {"に誘導する", C_MOD, "leading to"},
    {"へ誘導する", C_MOD, "leading to"},
    {"のおそれのある", C_MOD, "involving possible"},
    {"のおそれがある", C_MOD, "involving possible"},
    {"の可能性のある", C_MOD, "involving possible"},
    {"の可能性がある", C_MOD, "involving possible"},
    {"経由での", C_MOD, "via"},
    {"経由の", C_MOD, "via"},
    {"が提供する", C_MOD, "provided by"},
    {"が管理する", C_MOD, "managed by"},
    {"が保有する", C_MOD, "held by"},
    {"にて発生した", C_MOD, "at"},
    {"における", C_MOD, "at"},
    {"において", C_MOD, "at"},
    {"に対する", C_MOD, "against"},
    {"に伴う", C_MOD, "resulting from"},
    {"に係る", C_MOD, "concerning"},
    {"に関わる", C_MOD, "concerning"},
    {"に関する", C_MOD, "concerning"},
    {"によって", C_MOD, "due to"},
    {"による", C_MOD, "due to"},
    {"からの", C_MOD, "from"},
    {"での", C_MOD, "at"},
    {"への", C_MOD, "to"},
    {"の", C_MOD, "of"},
    {"および", C_AND, NULL},
    {"及び", C_AND, NULL},
    {"並びに", C_AND, NULL},
    {"と", C_AND, NULL},
    {"・", C_AND, NULL},
    {"、", C_AND, NULL},
    {"等", C_ETC, NULL},
    {"など", C_ETC, NULL},
};

/* Connectors that say what was done to data: the one term after them
 * must be data (「卒業アルバムに掲載された情報」: "information published in
 * graduation album"; 「…に掲載された個人情報漏えい」 would publish the
 * leak). */
static const char *const data_conns[] = {"に掲載された", "に掲載した", NULL};
static const char *const data_concepts[] = {
    "data_item.", "field.information", "field.data", NULL,
};

/* A part of the topic: a term's English, or a connector. */
struct part {
    const char *en;         /* the term's English; NULL for a connector */
    int conn;               /* index in conns when en is NULL */
    int data;               /* a term: its concept is data */
    int name;               /* a term: a name kept as written */
};

static int in_list(const char *s, const char *const *list, int prefix)
{
    for (; *list; list++)
        if (prefix ? strncmp(s, *list, strlen(*list)) == 0
                   : strcmp(s, *list) == 0)
            return 1;
    return 0;
}

static int starts(const char *s, size_t len, const char *lit)
{
    size_t n = strlen(lit);

    return n <= len && memcmp(s, lit, n) == 0;
}

static int ends(const char *s, size_t len, const char *lit)
{
    size_t n = strlen(lit);

    return n <= len && memcmp(s + len - n, lit, n) == 0;
}

/* Is in[0..il) made only of words (the first that fits at each place),
 * and of ASCII digits when digits says so?  An empty in is. */
static int made_of(const char *in, size_t il, const char *const *words,
                   int digits)
{
    const char *const *k;
    size_t p = 0;

    while (p < il) {
        if (digits && in[p] >= '0' && in[p] <= '9') {
            p++;
            continue;
        }
        for (k = words; *k; k++)
            if (starts(in + p, il - p, *k))
                break;
        if (!*k)
            return 0;
        p += strlen(*k);
    }
    return 1;
}

/* Is the bracketed in[0..il) at a title's end an aside with nothing of
 * the topic: the frame said again (（お知らせ）, （お詫びとご報告）) or
 * the readers addressed (（お客様・お取引先様の皆様へ）)? */
static int aside(const char *in, size_t il)
{
    static const char *const frame_words[] = {
        "お知らせ", "お詫び", "おわび", "ご報告", "報告", "ご案内", "と", "・",
        NULL,
    };
    if (ends(in, il, "へ") && (ends(in, il - 3, "皆様")
                               || ends(in, il - 3, "皆さま")
                               || ends(in, il - 3, "様")))
        return 1;
    return il > 0 && made_of(in, il, frame_words, 0);
}

/* Is in[0..il) only a date and time (「令和7年1月27日(月)17時現在」,
 * 「5 月 23 日 16 時」, 「6月3日15時30分」)? */
static int date_time_only(const char *in, size_t il)
{
    static const char *const words[] = {
        "令和", "年", "月", "日", "時", "分", "現在", "(", ")", ":", " ",
        "月)", "火)", "水)", "木)", "金)", "土)", "日)", NULL,
    };

    return made_of(in, il, words, 1);
}

/* Is the inside of a bracket before a title, in[0..il), a mark that says
 * nothing of the incident: a label (【重要】, 【緊急・重要】, 【プレスリリー
 * ス】, 【お詫びと注意喚起】), the readers (【在学生の方へ】) or the issuer
 * (【…事務局より】, 【石巻市教育委員会】)?  Not news (【UNIPA復旧】,
 * 【解消済】): a title without it would say less than the writer did. */
static int lead_mark(const char *in, size_t il)
{
    static const char *const labels[] = {
        "重要なお知らせ", "重要", "緊急", "お知らせ", "ご報告", "報告",
        "お詫び", "おわび", "ご連絡", "注意喚起", "プレスリリース", "簡易版",
        "ご案内", "と", "・", NULL,
    };
    static const char *const issuers[] = {
        "委員会", "図書館", "事務局", "大学", "学校", "病院", "研究科",
        "役所", "役場", NULL,
    };
    const char *const *k;

    if (il == 0 || ends(in, il, "より") || ends(in, il, "へ"))
        return il > 0;
    for (k = issuers; *k; k++)
        if (ends(in, il, *k))
            return 1;
    return made_of(in, il, labels, 0);
}

/* The report a bracket's inside names: N for 第N報 (第二報, 第 2 報, also
 * with its date and time: 第三報 5 月 23 日 16 時, 第一報:令和7年1月27日
 * (月)17時現在; 初報: 1; a bare number: (2)), -1 for 続報 (続報2), -2 for
 * a final one (最終報, 最終報告, 確報, 終報, 第二報(最終報)), -3 for 更新
 * or 追記 (1/17更新, 2025.6.12更新, ※4/25追記), -4 for 中間報告, -5 for
 * the results of an investigation (調査結果, 調査結果のご報告, 調査報告),
 * else 0. */
static long report_mark(const char *in, size_t il)
{
    static const char *const last[] = {
        "確報", "最終報", "最終報告", "最終ご報告", "最終確報", "終報", NULL,
    };
    static const char *const results[] = {
        "調査結果", "調査結果のご報告", "調査結果のお知らせ", "調査結果報告",
        "調査報告", NULL,
    };
    const char *const *k;
    size_t i;
    long n = 0;

    if (starts(in, il, "第")) {        /* 第2報, 第二報 */
        i = jaen_ix_report_at(in, il, &n);
        if (i == 0 || n <= 0 || n >= 1000)
            return 0;
        if (i + 2 < il && in[i] == '(' && in[il - 1] == ')')
            for (k = last; *k; k++)     /* 第2報(終報) */
                if (il - i - 2 == strlen(*k) && starts(in + i + 1, il - i - 2,
                                                       *k))
                    return -2;
        if (i < il && (in[i] == ':' || in[i] == ' '))
            i++;
        return date_time_only(in + i, il - i) ? n : 0;
    }
    if (il == 6 && starts(in, il, "初報"))
        return 1;
    if (starts(in, il, "続報")) {
        for (i = 6; i < il && in[i] >= '0' && in[i] <= '9'; i++)
            ;
        return i == il ? -1 : 0;
    }
    for (i = 0; i < il && i < 3 && in[i] >= '0' && in[i] <= '9'; i++)
        n = n * 10 + (in[i] - '0');
    if (i == il && n > 0)               /* (2) */
        return n;
    n = 0;
    if (ends(in, il, "更新") || ends(in, il, "追記")) {
        i = starts(in, il, "※") ? 3 : 0;     /* ※4/25追記 */
        for (; i + 6 < il && ((in[i] >= '0' && in[i] <= '9')
                              || in[i] == '/' || in[i] == '.'); i++)
            ;
        return i + 6 == il ? -3 : 0;
    }
    for (k = results; *k; k++)
        if (il == strlen(*k) && starts(in, il, *k))
            return -5;
    for (k = last; *k; k++)
        if (il == strlen(*k) && starts(in, il, *k))
            return -2;
    if (il == 12 && starts(in, il, "中間報告"))
        return -4;
    if (starts(in, il, "その")) {      /* その2 */
        for (i = 6; i < il && in[i] >= '0' && in[i] <= '9'; i++)
            n = n * 10 + (in[i] - '0');
        return i == il && i > 6 && n > 0 && n < 1000 ? n : 0;
    }
    return 0;
}

/* Drops marks at the edges: 【重要】 or 【続報】 before, (第2報),
 * 【続報】 or an aside after, and spaces.  *report gets the report they
 * name (report_mark), else 0. */
static void trim_marks(const char **s, size_t *len, long *report)
{
    static const char *const spaces[] = {" ", "　", NULL};
    const char *const *k;
    int again = 1;

    *report = 0;
    while (again) {
        again = 0;
        for (k = spaces; *k; k++) {
            if (starts(*s, *len, *k)) {
                *s += strlen(*k);
                *len -= strlen(*k);
                again = 1;
            }
            if (ends(*s, *len, *k)) {
                *len -= strlen(*k);
                again = 1;
            }
        }
        if (starts(*s, *len, "【")) {       /* 【重要】【お知らせ】 */
            size_t close = jaen_ix_find(*s, *len, "】");
            long r = close != (size_t)-1
                     ? report_mark(*s + 3, close - 3) : 0;  /* 【続報】 */
            if (close != (size_t)-1 && close <= 3 * 32
                && (r || lead_mark(*s + 3, close - 3))) {
                if (r)
                    *report = r;
                *s += close + 3;
                *len -= close + 3;
                again = 1;
            }
        }
        if (starts(*s, *len, "[")) {       /* [重要] */
            size_t close = jaen_ix_find(*s, *len, "]");
            if (close != (size_t)-1 && close <= 3 * 16
                && lead_mark(*s + 1, close - 1)) {
                *s += close + 1;
                *len -= close + 1;
                again = 1;
            }
        }
        if (starts(*s, *len, "(")) {       /* (続報)不正アクセス… */
            size_t close = jaen_ix_find(*s, *len, ")");
            long r = close != (size_t)-1 ? report_mark(*s + 1, close - 1)
                                         : 0;
            if (r) {
                *report = r;
                *s += close + 1;
                *len -= close + 1;
                again = 1;
            }
        }
        {                                   /* …ご報告 その2 */
            size_t q = (size_t)-1, f = 0, k2;
            long r;
            while ((k2 = jaen_ix_find(*s + f, *len - f, "その"))
                   != (size_t)-1) {         /* the last one */
                q = f + k2;
                f = q + 6;
            }
            r = q != (size_t)-1 && q > 0 ? report_mark(*s + q, *len - q) : 0;
            if (r > 0) {
                *report = r;
                *len = q;
                again = 1;
            }
        }
        /* a bracket at the end: (第2報), （続報）, 【続報】 */
        if (ends(*s, *len, "）") || ends(*s, *len, ")")
            || ends(*s, *len, "】")) {
            int lent = ends(*s, *len, "】");
            size_t cl = ends(*s, *len, ")") ? 1 : 3, i, open = 0, ol = 0;
            for (i = *len - cl; i > 0 && !open; i--) {
                if ((*s)[i - 1] == '(' && !lent)    /* （…) and (…） too */
                    open = i, ol = 1;
                else if (i >= 3 && memcmp(*s + i - 3, lent ? "【" : "（",
                                          3) == 0)
                    open = i, ol = 3;
            }
            if (open) {
                long r = report_mark(*s + open, *len - cl - open);
                if (r || aside(*s + open, *len - cl - open)) {
                    if (r)
                        *report = r;
                    *len = open - ol;
                    again = 1;
                }
            }
        }
    }
}

/* Appends term English en; "we" reads "our" before a noun (next != 0). */
static void add_term(struct jaen_buf *b, const char *en, int next, int obj)
{
    if (strcmp(en, "we") == 0)
        jaen_buf_adds(b, next ? "our" : obj ? "us" : "we");
    else
        jaen_buf_adds(b, en);
}

/* Heads that 一部 ("part") makes partial: 一部停止 is a partial
 * suspension; before anything else it is "some" (一部店舗: some store). */
static const char *const partial_heads[] = {
    "suspension", "restriction", "recovery", "resumption", "restoration",
    "leak", "outage", "failure", "closure", "stop", "shutdown",
    "interruption", "disruption", "change", "loss", "deletion", NULL,
};

/* The English of 一部 before the segment's head, whose English is head. */
static const char *part_of(const char *head)
{
    const char *w = strrchr(head, ' ');

    return in_list(w ? w + 1 : head, partial_heads, 0) ? "partial" : "some";
}

/* Appends the English of segment parts[a..z) (terms, and, etc.); obj: it
 * stands after a preposition. */
static void add_segment(struct jaen_buf *b, const struct part *p, size_t a,
                        size_t z, int obj)
{
    size_t i;

    for (i = a; i < z; i++) {
        if (p[i].en && i > a && p[i - 1].en
            && strcmp(p[i].en, "occurrence") == 0)
            continue;       /* 障害発生: "failure", not "failure occurrence" */
        if (p[i].en) {
            const char *en = p[i].en;
            if (i > a && p[i - 1].en) {
                /* サービス + サービス提供事業者: "service provider", not
                 * "service service provider" */
                size_t pl = strlen(p[i - 1].en), w = strcspn(en, " ");
                if (en[w] == ' ' && pl > w && p[i - 1].en[pl - w - 1] == ' '
                    && memcmp(p[i - 1].en + pl - w, en, w) == 0)
                    en += w + 1;
                jaen_buf_addc(b, ' ');
            }
            if (strcmp(en, "part") == 0 && i + 1 < z && p[z - 1].en)
                en = part_of(p[z - 1].en);
            add_term(b, en, i + 1 < z && p[i + 1].en, obj);
        } else if (conns[p[i].conn].kind == C_AND) {
            jaen_buf_adds(b, " and ");
        } else {
            jaen_buf_adds(b, " etc.");
        }
    }
}

/* The first part of the segment that ends before part e (>= a). */
static size_t seg_start(const struct part *p, size_t a, size_t e)
{
    while (e > a && !(!p[e - 1].en && conns[p[e - 1].conn].kind == C_MOD))
        e--;
    return e;
}

/* Appends the English of parts[a..z): segments right to left, the head
 * first, then each modifier after its connector's preposition. */
static void compose(struct jaen_buf *out, const struct part *parts,
                    size_t a, size_t z)
{
    size_t segz = z, sega;
    int skip = 0;           /* the segment ending at segz is said already */

    for (sega = z; sega > a; sega--) {
        const struct part *c = &parts[sega - 1];
        if (c->en || conns[c->conn].kind != C_MOD)
            continue;
        if (!skip)
            add_segment(out, parts, sega, segz, segz != z);
        skip = 0;
        /* 電子メールの誤送信: "misdirected email", not "misdirected email
         * of email" */
        if (segz == sega + 1 && sega >= a + 2 && parts[sega].en
            && parts[sega - 2].en && seg_start(parts, a, sega - 1) == sega - 2
            && strstr(parts[sega].en, parts[sega - 2].en)) {
            skip = 1;
            segz = sega - 1;
            continue;
        }
        jaen_buf_addc(out, ' ');
        /* an attack is on something, access is to it */
        jaen_buf_adds(out, strcmp(conns[c->conn].en, "to") == 0
                      && parts[segz - 1].en
                      && ends(parts[segz - 1].en, strlen(parts[segz - 1].en),
                              "attack") ? "on" : conns[c->conn].en);
        jaen_buf_addc(out, ' ');
        segz = sega - 1;
    }
    if (!skip)
        add_segment(out, parts, a, segz, segz != z);
}

/* A name in ASCII quoted with 「」 at s (「tenki.jp」, 「PR TIMES」): its
 * length with the brackets, else 0.  It stands in the English as written,
 * in double quotes; a name in Japanese has no English here. */
static size_t quoted_ascii(const char *s, size_t len)
{
    size_t i;

    if (!starts(s, len, "「"))
        return 0;
    for (i = 3; i < len && i < 3 + 80 && s[i] >= 0x20 && s[i] < 0x7F
                && s[i] != '"'; i++)
        ;
    return i > 3 && starts(s + i, len - i, "」") ? i + 3 : 0;
}

/* A bare name in ASCII at s (JBIC, IIJ, United Power & Resources Pte
 * Ltd): letters and digits, with single spaces, dots, hyphens, & and '
 * inside, at least one letter; its length, else 0.  It stands in the
 * English as written.  *sha gets 3 when 社 follows it (IIJ社: "IIJ"). */
/* Bytes of a name in 「」 at s, brackets included, of 1 to 30 code
 * points, in any script (「ハンズクラブアプリ」), that reads as a name and
 * not as a phrase (「…の漏えいについて」, a quoted title); else 0. */
static size_t quoted_name(const char *s, size_t len)
{
    static const char *const phrase[] = {
        "について", "に関する", "による", "における", "お知らせ", "お詫び",
        "。", "、", "「", NULL,
    };
    size_t i = 3, ncp = 0;
    const char *const *k;

    if (!starts(s, len, "「"))
        return 0;
    while (i < len && !starts(s + i, len - i, "」")) {
        for (k = phrase; *k; k++)
            if (starts(s + i, len - i, *k))
                return 0;
        i += (unsigned char)s[i] < 0x80 ? 1 : (unsigned char)s[i] < 0xE0 ? 2
             : (unsigned char)s[i] < 0xF0 ? 3 : 4;
        if (++ncp > 30)
            return 0;
    }
    return ncp > 0 && i < len ? i + 3 : 0;
}

static size_t bare_ascii(const char *s, size_t len, size_t *sha)
{
    size_t i = 0, end = 0;
    int letter = 0;

    *sha = 0;
    while (i < len && i < 80) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            letter = 1;
            end = ++i;
        } else if (c >= '0' && c <= '9') {
            end = ++i;
        } else if (end && (c == ' ' || c == '.' || c == '-' || c == '&'
                           || c == '\'')) {
            i++;
        } else {
            break;
        }
    }
    if (!letter || starts(s + end, len - end, "、"))
        return 0;       /* 「PR TIMES、…」: the writer's name, then a topic */
    if (starts(s + end, len - end, "社"))
        *sha = 3;
    return end;
}

/* Splits the folded topic s[0..len) into parts; returns their number, or
 * 0 when something is neither a term nor a connector.  Names in ASCII go
 * into lit (at least len + 1 bytes; NULL: none), which their parts point
 * into. */
static size_t parse_topic(const struct jaen_gloss *g, const char *s,
                          size_t len, struct part *parts, char *lit,
                          size_t litcap)
{
    char *lit_end = lit ? lit + litcap : NULL;
    struct jaen_gloss_span toks[TITLE_MAX_CPS];
    struct jaen_gloss_hit hits[TITLE_MAX_CPS];
    size_t ntok = 0, nh, h = 0, pos = 0, n = 0, k, cl, sha, at, nl, used;
    int quote;

    while (pos < len) {
        if (ntok == TITLE_MAX_CPS)
            return 0;
        cl = (unsigned char)s[pos] < 0x80 ? 1
             : (unsigned char)s[pos] < 0xE0 ? 2
             : (unsigned char)s[pos] < 0xF0 ? 3 : 4;
        if (cl > len - pos)
            return 0;
        toks[ntok].start = pos;
        toks[ntok++].end = pos + cl;
        pos += cl;
    }
    if (ntok == 0)
        return 0;
    nh = jaen_gloss_match(g, s, len, toks, ntok, hits);
    pos = 0;
    while (pos < ntok) {
        struct jaen_gloss_entry e;
        if (n == TITLE_MAX_PARTS)
            return 0;
        while (h < nh && hits[h].first < pos)
            h++;
        if (h < nh && hits[h].first == pos
            && jaen_gloss_entry(g, hits[h].entry, &e, NULL) == JAEN_OK
            && e.en && *e.en) {
            parts[n].en = e.en;
            parts[n].data = in_list(e.concept, data_concepts, 1);
            parts[n].name = 0;
            parts[n++].conn = -1;
            pos = hits[h].last + 1;
            continue;
        }
        /* a term in 「」 is quoted in English: 「IIJセキュアMXサービス」
         * -> "IIJ Secure MX service" */
        at = toks[pos].start;
        if (lit && starts(s + at, len - at, "「") && h < nh
            && hits[h].first == pos + 1 && hits[h].last + 1 < ntok
            && starts(s + toks[hits[h].last + 1].start,
                      len - toks[hits[h].last + 1].start, "」")
            && jaen_gloss_entry(g, hits[h].entry, &e, NULL) == JAEN_OK
            && e.en && *e.en) {
            nl = strlen(e.en);
            if (nl + 3 > (size_t)(lit_end - lit))
                return 0;
            parts[n].en = lit;
            parts[n].data = in_list(e.concept, data_concepts, 1);
            parts[n].name = 0;
            parts[n++].conn = -1;
            *lit++ = '"';
            memcpy(lit, e.en, nl);
            lit += nl;
            *lit++ = '"';
            *lit++ = '\0';
            pos = hits[h].last + 2;
            continue;
        }
        /* a name stands as written: in ASCII (「tenki.jp」 -> "tenki.jp",
         * JBIC -> JBIC, IIJ社 -> IIJ) or quoted in any script
         * (「ハンズクラブアプリ」 -> "ハンズクラブアプリ") */
        quote = 0;
        nl = used = 0;
        if (lit && ((used = quoted_ascii(s + at, len - at)) != 0
                    || (used = quoted_name(s + at, len - at)) != 0)) {
            nl = used - 6;
            quote = 1;
        } else if (lit && (nl = bare_ascii(s + at, len - at, &sha)) != 0) {
            used = nl + sha;
        }
        if (used) {
            if (nl + 3 > (size_t)(lit_end - lit))
                return 0;
            parts[n].en = lit;
            parts[n].data = 0;
            parts[n].name = 1;
            parts[n++].conn = -1;
            if (quote)
                *lit++ = '"';
            memcpy(lit, s + at + (quote ? 3 : 0), nl);
            lit += nl;
            if (quote)
                *lit++ = '"';
            *lit++ = '\0';
            while (pos < ntok && toks[pos].start < at + used)
                pos++;
            continue;
        }
        for (k = 0; k < sizeof(conns) / sizeof(conns[0]); k++)
            if (starts(s + toks[pos].start, len - toks[pos].start,
                       conns[k].ja))
                break;
        if (k == sizeof(conns) / sizeof(conns[0]))
            return 0;
        parts[n].en = NULL;
        parts[n].data = 0;
        parts[n].name = 0;
        parts[n++].conn = (int)k;
        cl = toks[pos].start + strlen(conns[k].ja);
        while (pos < ntok && toks[pos].start < cl)
            pos++;
    }
    return n;
}

/* Is the sequence well formed: terms at both ends of every segment, no
 * two connectors in a row (等 may close a segment), and a term of the
 * glossary, not only names? */
static int well_formed(const struct part *p, size_t n)
{
    size_t i;
    int term = 0;

    for (i = 0; i < n; i++)
        term |= p[i].en && !p[i].name;
    if (n == 0 || !p[0].en || !term)
        return 0;
    for (i = 1; i < n; i++) {
        if (p[i].en)
            continue;
        if (conns[p[i].conn].kind == C_ETC) {
            if (!p[i - 1].en)
                return 0;
            continue;
        }
        if (!p[i - 1].en && conns[p[i - 1].conn].kind != C_ETC)
            return 0;
        if (i + 1 == n)
            return 0;
        if (in_list(conns[p[i].conn].ja, data_conns, 0)
            && (!p[i + 1].en || !p[i + 1].data || (i + 2 < n && p[i + 2].en)))
            return 0;
    }
    return 1;
}

int jaen_ix_title_en(const struct jaen_gloss *g, const char *title,
                     size_t len, struct jaen_buf *out)
{
    struct part parts[TITLE_MAX_PARTS];
    char lit[TITLE_MAX_CPS * 4];    /* quoted names, see parse_topic */
    struct jaen_buf folded;
    const char *frame = NULL, *s;
    size_t n, i, fl, fi = 0;
    long report;
    int rc = 0;

    if (!g || !title || len == 0 || len > TITLE_MAX_CPS * 4)
        return 0;
    jaen_buf_init(&folded, JAEN_BUF_DEFAULT_CAP);
    if (jaen_fold(title, len, &folded, NULL, NULL, NULL) || !folded.ptr)
        goto done;
    s = folded.ptr;
    fl = folded.len;
    trim_marks(&s, &fl, &report);
    for (i = 0; i < sizeof(frames) / sizeof(frames[0]); i++) {
        if (ends(s, fl, frames[i][0])
            && (!frame || strlen(frames[i][0]) > strlen(frame))) {
            frame = frames[i][0];
            fi = i;
        }
    }
    if (frame)
        fl -= strlen(frame);
    n = parse_topic(g, s, fl, parts, lit, sizeof(lit));
    if (!well_formed(parts, n))
        goto done;
    /* 当社の X, 当社が利用する X: "our X", a compound, rather than "X of
     * us"; 当社における X: "X at our company" */
    for (i = 0; i + 2 < n; i++) {
        const char *cj;
        if (!parts[i].en || strcmp(parts[i].en, "we") != 0
            || (i > 0 && (parts[i - 1].en
                          || conns[parts[i - 1].conn].kind != C_MOD))
            || parts[i + 1].en || !parts[i + 2].en)
            continue;
        cj = conns[parts[i + 1].conn].ja;
        if (strcmp(cj, "の") == 0 || starts(cj, strlen(cj), "が")) {
            memmove(parts + i + 1, parts + i + 2,
                    (n - i - 2) * sizeof(parts[0]));
            n--;
        } else if (conns[parts[i + 1].conn].kind == C_MOD
                   && strcmp(conns[parts[i + 1].conn].en, "at") == 0) {
            parts[i].en = "our company";
        }
    }
    jaen_buf_reset(out);
    if (frame) {
        jaen_buf_adds(out, frames[fi][1]);
        jaen_buf_addc(out, ' ');
    }
    /* A の B 及び C の D: with a modifier before it and の after the next
     * term, 及び joins the two noun phrases, not B and C (but in A の B と
     * C への D, B and C are what D is to) */
    for (i = 1; i + 1 < n; i++) {
        size_t j, m, nmod;
        int before = 0, after = 0;
        if (parts[i].en || conns[parts[i].conn].kind != C_AND)
            continue;
        for (j = 0; j < i; j++)
            before |= !parts[j].en && conns[parts[j].conn].kind == C_MOD;
        for (j = i + 1; j < n && parts[j].en; j++)
            ;
        after = j < n && conns[parts[j].conn].kind == C_MOD
                && strcmp(conns[parts[j].conn].ja, "の") == 0;
        if (before && after) {
            compose(out, parts, 0, i);
            jaen_buf_adds(out, " and ");
            compose(out, parts, i + 1, n);
            goto marks;
        }
        /* otherwise, with a modifier right before the word before と
         * (および, 、) and one right after the word after it, and three
         * modifiers in all, which phrases it joins is a guess (「Aによる
         * Bの可能性およびCへ誘導するDの配信」); with two, the reading
         * holds (「当社グループのウェブサイトとアプリへの接続障害」); ・
         * joins words */
        for (m = 0, nmod = 0; m < n; m++)
            nmod += !parts[m].en && conns[parts[m].conn].kind == C_MOD;
        if (before && nmod >= 3 && strcmp(conns[parts[i].conn].ja, "・")
            && i >= 2 && !parts[i - 2].en
            && conns[parts[i - 2].conn].kind == C_MOD
            && j < n && conns[parts[j].conn].kind == C_MOD) {
            jaen_buf_reset(out);
            goto done;
        }
    }
    compose(out, parts, 0, n);
marks:
    if (report > 0)
        jaen_buf_addf(out, " (report %ld)", report);
    else if (report == -1)
        jaen_buf_adds(out, " (follow-up report)");
    else if (report == -2)
        jaen_buf_adds(out, " (final report)");
    else if (report == -3)
        jaen_buf_adds(out, " (update)");
    else if (report == -4)
        jaen_buf_adds(out, " (interim report)");
    else if (report == -5)
        jaen_buf_adds(out, " (investigation results)");
    if (out->ptr && out->ptr[0] >= 'a' && out->ptr[0] <= 'z')
        out->ptr[0] = (char)(out->ptr[0] - 'a' + 'A');
    rc = out->ptr != NULL;
done:
    jaen_buf_free(&folded);
    return rc;
}

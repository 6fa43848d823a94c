/* incident.c: the document view the rules work on, and the record itself.
 *
 * The view maps code points to bytes once, trims each sentence and tags it
 * with the section its nearest heading names (a Markdown heading, or a
 * short numbered or bracketed line that is one).  The record is assembled
 * here in the schema's key order; the decisions live in incident_rules.c
 * and incident_count.c. */
#define _GNU_SOURCE     /* memmem */
#include "incident.h"

#include "alloc.h"
#include "fold.h"
#include "incident_int.h"
#include "jscan.h"
#include "limits.h"
#include "romaji.h"
#include "utf8.h"

#include <string.h>

struct jaen_incident {
    struct jaen_romaji *romaji;
    struct ix_doc d;            /* reused for every document */
    size_t acpb, asent;         /* allocated entries of d.cpb and d.s */
    struct ix_block *blk;       /* the document's blocks */
    size_t nblk, ablk;
    struct jaen_buf key;        /* scratch for block keys */
    struct jaen_buf en;         /* scratch English */
    struct jaen_buf ftext;      /* the text as the rules read it */
    struct jaen_buf ftitle;     /* the title as the rules read it */
    struct jaen_buf forg;       /* the organization, likewise */
    const struct jaen_gloss *g; /* borrowed: title terms; may be NULL */
    struct jaen_buf ten;        /* the title's English */
};

const char *const jaen_ix_type_names[T_NTYPES] = {
    "unauthorized_access", "ransomware", "malware", "data_leak", "phishing",
    "web_tampering", "misdelivery", "misconfiguration", "loss_theft",
    "insider", "system_outage", "ddos", "third_party",
};

size_t jaen_ix_find(const char *s, size_t len, const char *k)
{
    size_t kl = strlen(k);
    const char *p;

    if (kl == 0 || kl > len)
        return (size_t)-1;
    p = memmem(s, len, k, kl);
    return p ? (size_t)(p - s) : (size_t)-1;
}

int jaen_ix_has(const char *s, size_t len, const char *k)
{
    return jaen_ix_find(s, len, k) != (size_t)-1;
}

int jaen_ix_any(const char *s, size_t len, const char *const *ks)
{
    for (; *ks; ks++)
        if (jaen_ix_has(s, len, *ks))
            return 1;
    return 0;
}

int jaen_ix_ends_any(const char *s, size_t len, const char *const *ks)
{
    size_t kl;

    for (; *ks; ks++) {
        kl = strlen(*ks);
        if (len >= kl && memcmp(s + len - kl, *ks, kl) == 0)
            return 1;
    }
    return 0;
}

size_t jaen_ix_despace(const char *s, size_t len, char *out, size_t cap)
{
    size_t i = 0, n = 0;

    if (len > cap)
        return 0;
    while (i < len) {
        if (s[i] == ' ')
            i++;
        else if (len - i >= 3 && memcmp(s + i, "\xE3\x80\x80", 3) == 0)
            i += 3;
        else
            out[n++] = s[i++];
    }
    return n;
}

size_t jaen_ix_sent_at(const struct ix_doc *d, int64_t cp)
{
    size_t lo = 0, hi = d->ns;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->s[mid].end <= cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < d->ns && d->s[lo].start <= cp)
        return lo;
    return d->ns;
}

/* Sentences of a made-up notice that touch the usual rules: deciding it
 * once at open registers their keyword lists with the index, so that the
 * first real document is answered by the index too (a list first met
 * during a document is searched plainly for that document, which made a
 * single 2.8 MB document 13 times slower than its second copy).  Records
 * do not depend on it: answers never depend on when a list was met. */
static const char *const warm_text[] = {
    "2025年5月20日、当社サーバーが第三者による不正アクセスを受け、"
    "ランサムウェアによりファイルが暗号化されたことを確認しました。",
    "お客様の氏名、住所、電話番号、メールアドレス、クレジットカード番号など"
    "の個人情報1,000件が漏えいした可能性があります。",
    "現時点で個人情報の不正利用などの二次被害は確認されておりません。",
    "原因はVPN機器の脆弱性を悪用されたことによるものと判明しました。",
    "直ちにネットワークを遮断し、警察に相談するとともに個人情報保護委員会に"
    "報告しました。",
    "今後、再発防止策を講じ、新たな事実が判明した場合は速やかにお知らせ"
    "いたします。",
    "お問い合わせ窓口：電話 0120-000-000（平日9時～17時）",
};

/* Decides the made-up notice once; errors are ignored (the index then
 * simply learns its lists from the first real document). */
static void warm_up(struct jaen_incident *ix)
{
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_err err;
    struct jaen_buf line, text;
    size_t i, cp = 0, n;
    json_t *rec = NULL;

    jaen_err_clear(&err);
    jaen_buf_init(&line, JAEN_BUF_DEFAULT_CAP);
    jaen_buf_init(&text, JAEN_BUF_DEFAULT_CAP);
    for (i = 0; i < sizeof(warm_text) / sizeof(warm_text[0]); i++) {
        jaen_buf_adds(&text, warm_text[i]);
        jaen_buf_addc(&text, '\n');
    }
    jaen_buf_adds(&line, "{\"id\":\"warm-up\",\"meta\":{\"title\":"
                         "\"不正アクセスによる個人情報漏えいに関するお詫びとお知らせ"
                         "（第2報）\"},\"text\":");
    jaen_json_add_string(&line, text.ptr ? text.ptr : "", text.len);
    jaen_buf_adds(&line, ",\"sentences\":[");
    for (i = 0; i < sizeof(warm_text) / sizeof(warm_text[0]); i++) {
        n = jaen_utf8_count(warm_text[i], strlen(warm_text[i]));
        jaen_buf_addf(&line, "%s{\"start\":%zu,\"end\":%zu,\"tokens\":[]}",
                      i ? "," : "", cp, cp + n);
        cp += n + 1;
    }
    jaen_buf_adds(&line, "]}");
    if (doc && line.ptr
        && jaen_doc_parse(doc, line.ptr, line.len, &err) == JAEN_OK
        && jaen_incident_record(ix, doc, &rec, &err) == JAEN_OK)
        json_decref(rec);
    jaen_doc_free(doc);
    jaen_buf_free(&line);
    jaen_buf_free(&text);
}

int jaen_incident_open(const struct jaen_gloss *g,
                       struct jaen_incident **out, struct jaen_err *err)
{
    struct jaen_incident *ix = jaen_calloc(1, sizeof(*ix));
    int rc;

    *out = NULL;
    if (!ix)
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    rc = jaen_romaji_open(g, &ix->romaji, err);
    if (rc) {
        jaen_free(ix);
        return rc;
    }
    if (jaen_ix_kw_open(&ix->d.kw)) {
        jaen_romaji_close(ix->romaji);
        jaen_free(ix);
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    }
    jaen_buf_init(&ix->d.tmp, JAEN_BUF_DEFAULT_CAP);
    jaen_buf_init(&ix->en, JAEN_BUF_DEFAULT_CAP);
    jaen_buf_init(&ix->key, JAEN_BUF_DEFAULT_CAP);
    jaen_buf_init(&ix->ftext, JAEN_BUF_DEFAULT_CAP);
    jaen_buf_init(&ix->ftitle, JAEN_BUF_DEFAULT_CAP);
    jaen_buf_init(&ix->forg, JAEN_BUF_DEFAULT_CAP);
    jaen_buf_init(&ix->ten, JAEN_BUF_DEFAULT_CAP);
    ix->g = g;
    warm_up(ix);
    *out = ix;
    return JAEN_OK;
}

void jaen_incident_close(struct jaen_incident *ix)
{
    if (!ix)
        return;
    jaen_romaji_close(ix->romaji);
    jaen_free(ix->d.cpb);
    jaen_free(ix->d.s);
    jaen_free(ix->blk);
    jaen_buf_free(&ix->key);
    jaen_ix_kw_close(ix->d.kw);
    jaen_free(ix->d.bits);
    jaen_free(ix->d.hits);
    jaen_buf_free(&ix->d.tmp);
    jaen_buf_free(&ix->en);
    jaen_buf_free(&ix->ftext);
    jaen_buf_free(&ix->ftitle);
    jaen_buf_free(&ix->forg);
    jaen_buf_free(&ix->ten);
    jaen_free(ix);
}

static int is_space_at(const char *s, size_t len, size_t i, size_t *n)
{
    if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
        *n = 1;
        return 1;
    }
    if (i + 3 <= len && memcmp(s + i, "\xE3\x80\x80", 3) == 0) {
        *n = 3;             /* U+3000 ideographic space */
        return 1;
    }
    return 0;
}

static void trim(const char *s, size_t *a, size_t *b)
{
    size_t n;

    while (*a < *b && is_space_at(s, *b, *a, &n))
        *a += n;
    while (*b > *a) {
        if (s[*b - 1] == ' ' || s[*b - 1] == '\n' || s[*b - 1] == '\t'
            || s[*b - 1] == '\r')
            (*b)--;
        else if (*b - *a >= 3 && memcmp(s + *b - 3, "\xE3\x80\x80", 3) == 0)
            *b -= 3;
        else
            break;
    }
}

/* Section names, most specific first. */
static enum ix_sec heading_sec(const char *s0, size_t len0)
{
    static const char *const contact[] = {"問い合わせ", "問合せ", "窓口",
                                          "連絡先", NULL};
    static const char *const inquiries_as_data[] = {
        "問い合わせに関する", "からのお問い合わせ", "からの問い合わせ",
        /* what people entered in a form (お問い合わせフォーム入力データ) */
        "問い合わせフォーム", "問合せフォーム", NULL,
    };
    static const char *const inquiry_content[] = {
        "問い合わせ内容", "問合せ内容", NULL,
    };
    static const char *const second[] = {"二次被害", "二次的な被害", NULL};
    static const char *const cause[] = {"原因", "要因", "侵入経路", NULL};
    static const char *const resp[] = {"対応", "対策", "再発防止", "措置",
                                       "取り組み", "取組", NULL};
    static const char *const data[] = {"情報", "項目", "対象", "件数",
                                       "範囲", "内容", "影響", "個人データ",
                                       NULL};
    static const char *const time[] = {"経緯", "経過", "概要", "時系列",
                                       "状況", NULL};
    static const char *const data_head[] = {"情報】", "データ】", "項目】",
                                            NULL};
    static const char *const data_not[] = {"なかった", "ない情報", "対象外",
                                           "含まれない", "含まれていない",
                                           NULL};
    char buf[256];      /* 「## 4．対 応」: spaced out, as PDF text is */
    size_t len = jaen_ix_despace(s0, len0, buf, sizeof(buf));
    const char *s = len ? buf : s0;

    if (!len)
        len = len0;
    /* inquiries as data (「…のお客様からのお問い合わせに関する一部の
     * 情報」, 「（お客様氏名、電話番号、お問い合わせ内容等）」) head no
     * contact section */
    if (jaen_ix_any(s, len, contact)
        && !jaen_ix_any(s, len, inquiry_content)
        && !(jaen_ix_any(s, len, inquiries_as_data)
             && jaen_ix_any(s, len, (const char *const[]){"情報", "データ",
                                                          NULL})))
        return SEC_CONTACT;
    if (jaen_ix_any(s, len, second))
        return SEC_SECONDARY;
    if (jaen_ix_any(s, len, cause))
        return SEC_CAUSE;
    /* named by its head noun: 「【外部者がアクセス可能な状況となった個人
     * 情報】６月３日現在」 lists data, though it says 状況 */
    if (jaen_ix_any(s, len, data_head) && !jaen_ix_any(s, len, data_not))
        return SEC_DATA;
    if (jaen_ix_any(s, len, time))
        return SEC_TIMELINE;        /* 経緯と対応: the story comes first */
    if (jaen_ix_any(s, len, resp))
        return SEC_RESPONSE;
    if (jaen_ix_any(s, len, data))    /* not 「…がなかった情報」 */
        return jaen_ix_any(s, len, data_not) ? SEC_NONE : SEC_DATA;
    if (jaen_ix_any(s, len, time))
        return SEC_TIMELINE;
    return SEC_NONE;
}

/* Is a short line without a full stop that opens with a number or a
 * bracket (１．概要, 【原因】, ■ 対応) a heading? */
static int looks_like_heading(const char *s, size_t len, size_t ncp)
{
    static const char *const opens[] = {"【", "■", "□", "◆", "◇", "＜", "<",
                                        "（", "(", "第", "〇", "○", "▼",
                                        "Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", NULL};
    const char *const *o;
    size_t pos = 0, k;
    uint32_t c;

    if (ncp == 0 || ncp > 30 || jaen_ix_has(s, len, "。"))
        return 0;
    /* a label and its value (〇原 因：サーバー内のソフトウェアの脆弱性を
     * つかれたもの) is a statement */
    k = jaen_ix_find(s, len, "：");
    if (k != (size_t)-1 && jaen_utf8_count(s + k + 3, len - k - 3) >= 8)
        return 0;
    if (!jaen_utf8_next(s, len, &pos, &c))
        return 0;
    if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19)
        || (c >= 0x2460 && c <= 0x2473))
        return 1;
    for (o = opens; *o; o++)
        if (len >= strlen(*o) && memcmp(s, *o, strlen(*o)) == 0)
            return 1;
    return 0;
}

/* Is a heading a group of people only (「### お客様」「### 当社従業員※2」),
 * as the data section's sub-headings are, after prose under it? */
static int people_heading(const char *s, size_t len)
{
    static const char *const people[] = {
        "お客様", "お客さま", "顧客", "従業員", "社員", "職員", "パートナー",
        "取引先", "会員", "生徒", "児童", "学生", "保護者", "患者", "利用者",
        "株主", "役員", "退職者", "応募者", "卒業生", NULL,
    };
    /* not 「お客様へのお願い」, 「会員の皆様へ」 */
    static const char *const asks[] = {
        "へ", "お願い", "について", "ご案内", "皆様", NULL,
    };
    /* or a longer one that ends in them or their number (「【…の期間中に
     * クレジットカード決済をされたお客様9名】」) */
    static const char *const ends[] = {"様", "さま", "名", "人", "者", NULL};
    static const char *const closers[] = {"】", "＞", NULL};   /* 3 bytes */
    size_t e = len;

    if (!jaen_ix_any(s, len, people) || jaen_ix_any(s, len, asks))
        return 0;
    if (len <= 15 * 3 && !jaen_ix_has(s, len, "の"))
        return 1;
    while (jaen_ix_ends_any(s, e, closers))
        e -= 3;
    return jaen_ix_ends_any(s, e, ends) && len <= 80 * 3;
}

/* If sentence st, in a paragraph block [bs, be) of several lines, is a
 * short line of its own that looks like a heading, the section it names;
 * else SEC_NONE. */
static enum ix_sec line_heading(const struct ix_doc *d,
                                const struct ix_sent *st, int64_t bs,
                                int64_t be)
{
    size_t ncp = (size_t)(st->end - st->start), a, z, n;

    if (bs < 0 || st->start < bs || st->end > be || ncp > 20
        || st->a >= st->b || (st->start == bs && st->end == be))
        return SEC_NONE;
    a = st->a;                  /* only blanks back to the line's start */
    while (a > d->cpb[bs] && d->text[a - 1] != '\n') {
        if (d->text[a - 1] == ' ' || d->text[a - 1] == '\t')
            a--;
        else if (a - d->cpb[bs] >= 3
                 && memcmp(d->text + a - 3, "\xE3\x80\x80", 3) == 0)
            a -= 3;
        else
            return SEC_NONE;
    }
    z = st->b;                  /* and on to its end */
    while (z < d->cpb[be] && d->text[z] != '\n') {
        if (!is_space_at(d->text, d->cpb[be], z, &n))
            return SEC_NONE;
        z += n;
    }
    if ((a == d->cpb[bs] && z == d->cpb[be])   /* the whole block */
        || !looks_like_heading(d->text + st->a, st->b - st->a, ncp))
        return SEC_NONE;
    return heading_sec(d->text + st->a, st->b - st->a);
}

/* Tags each sentence with its block's kind and its section. */
static void tag_sections(struct ix_doc *d, const struct ix_block *blk,
                         size_t nb)
{
    /* a heading that titles the whole notice (「## …情報漏洩の可能性に
     * 関する調査結果のご報告」) opens no data section for what is below */
    static const char *const notice_words[] = {
        "ご報告", "お知らせ", "について", "お詫び", "に関する", NULL,
    };
    /* nor does one below it that denies (「### 漏洩していない情報」) */
    static const char *const denies[] = {"ない", "対象外", NULL};
    size_t bi = 0, i;
    enum ix_sec sec = SEC_NONE, line_sec;
    int64_t bs = -1, be = -1;
    int head = 0, item = 0, sub = 0, prev_head = 0, md = 0;
    int data_level = 0;     /* the level of the data section's heading */

    for (i = 0; i < d->ns; i++) {
        struct ix_sent *st = &d->s[i];
        while (bi < nb && be <= st->start) {
            const struct ix_block *b = &blk[bi++];
            bs = b->start;
            be = b->end;
            if (bs < 0 || be < bs || (size_t)be > d->ncp) {
                be = -1;
                continue;
            }
            size_t a = d->cpb[bs], z = d->cpb[be];
            trim(d->text, &a, &z);
            head = md = b->type == BLOCK_HEADING;
            item = b->type == BLOCK_ITEM;
            if (!head)
                head = looks_like_heading(d->text + a, z - a,
                                          (size_t)(be - bs));
            if (head) {
                enum ix_sec hs = heading_sec(d->text + a, z - a);
                /* one that names no section keeps a data section open:
                 * a Markdown heading right under the data section's
                 * (「## 流出した可能性のある情報」「### 医療従事者様」)
                 * and its siblings, or a line that only looks like a
                 * heading, a caption of its lists (「【氏名・住所】」
                 * 「（2025年4月25日時点）」) */
                int keep = hs == SEC_NONE && sec == SEC_DATA
                           && (!md || prev_head || sub
                               || people_heading(d->text + a, z - a)
                               || (b->level && data_level
                                   && b->level > data_level
                                   && !jaen_ix_any(d->text + a, z - a,
                                                   denies)));
                if (md)
                    sub = keep;
                /* so does any heading deeper than it (「## 漏えいのおそれが
                 * ある情報」 over 「### 【看護キャリア支援システム】」) */
                if (!keep && (hs != SEC_DATA || sec != SEC_DATA
                              || !data_level || !b->level
                              || b->level <= data_level))
                    data_level = hs == SEC_DATA && md
                                 && !jaen_ix_any(d->text + a, z - a,
                                                 notice_words)
                                 ? b->level : 0;
                if (!keep)
                    sec = hs;
            }
        }
        /* a line of its own inside a paragraph that names a section
         * (「(2)　原因」 over the cause's sentence, no blank line between,
         * as PDF text is) heads what follows it in the paragraph */
        if (!head && !item
            && (line_sec = line_heading(d, st, bs, be)) != SEC_NONE) {
            sec = line_sec;
            data_level = 0;
            st->sec = sec;
            st->heading = 1;
            st->item = 0;
            prev_head = 0;
            continue;
        }
        st->sec = sec;
        st->heading = head && st->start >= bs && st->end <= be;
        st->item = item && st->start >= bs;
        prev_head = st->heading && md;     /* a Markdown heading */
    }
}

static int grow(void **p, size_t *alloc, size_t need, size_t size)
{
    void *np;

    if (need <= *alloc)
        return JAEN_OK;
    np = jaen_realloc(*p, need * size);
    if (!np)
        return JAEN_ENOMEM;
    *p = np;
    *alloc = need;
    return JAEN_OK;
}

/* Appends a block; JAEN_OK or JAEN_ENOMEM. */
static int add_block(struct jaen_incident *ix, const char *type,
                     int64_t start, int64_t end, int64_t level)
{
    struct ix_block *b;

    if (grow((void **)&ix->blk, &ix->ablk, ix->nblk + 1, sizeof(*b)))
        return JAEN_ENOMEM;
    b = &ix->blk[ix->nblk++];
    b->type = !type ? BLOCK_OTHER
              : strcmp(type, "heading") == 0 ? BLOCK_HEADING
              : strcmp(type, "item") == 0 ? BLOCK_ITEM : BLOCK_OTHER;
    b->start = start;
    b->end = end;
    b->level = level >= 1 && level <= 6 ? (int)level : 0;
    return JAEN_OK;
}

/* Reads one block object of the raw "blocks" at s[*pos]: 1 done, 0 the
 * JSON is not the usual shape (the caller then asks jansson), or
 * JAEN_ENOMEM.  The value was validated when the record was split. */
static int raw_block(struct jaen_incident *ix, const char *s, size_t len,
                     size_t *pos)
{
    struct jaen_buf *k = &ix->key;
    size_t p = *pos, e;
    int64_t start = 0, end = 0, level = 0;
    int type = 0;               /* 0 none, 1 heading, 2 item, 3 other */
    int rc;

    if (p >= len || s[p] != '{')
        return 0;
    p = jaen_jscan_ws(s, len, p + 1);
    while (p < len && s[p] == '"') {
        jaen_buf_reset(k);
        if ((rc = jaen_jscan_string(s, len, p, &e, k)))
            return rc == JAEN_ENOMEM ? rc : 0;
        p = jaen_jscan_ws(s, len, e);
        if (p >= len || s[p] != ':')
            return 0;
        p = jaen_jscan_ws(s, len, p + 1);
        if (k->len == 4 && memcmp(k->ptr, "type", 4) == 0) {
            if (p >= len || s[p] != '"')
                return 0;
            jaen_buf_reset(k);
            if ((rc = jaen_jscan_string(s, len, p, &p, k)))
                return rc == JAEN_ENOMEM ? rc : 0;
            type = !k->ptr ? 3 : strcmp(k->ptr, "heading") == 0 ? 1
                               : strcmp(k->ptr, "item") == 0 ? 2 : 3;
        } else if ((k->len == 5 && memcmp(k->ptr, "start", 5) == 0)
                   || (k->len == 3 && memcmp(k->ptr, "end", 3) == 0)) {
            if (jaen_jscan_int(s, len, &p, k->len == 5 ? &start : &end))
                return 0;
        } else if (k->len == 5 && memcmp(k->ptr, "level", 5) == 0) {
            if (jaen_jscan_int(s, len, &p, &level))
                return 0;
        } else if (jaen_jscan_value(s, len, &p, NULL)) {
            return 0;
        }
        p = jaen_jscan_ws(s, len, p);
        if (p < len && s[p] == ',')
            p = jaen_jscan_ws(s, len, p + 1);
        else
            break;
    }
    if (p >= len || s[p] != '}')
        return 0;
    *pos = p + 1;
    if (add_block(ix, type == 1 ? "heading" : type == 2 ? "item"
                      : type == 3 ? "other" : NULL, start, end, level))
        return JAEN_ENOMEM;
    return 1;
}

/* The doc's "blocks" into ix->blk: from the raw JSON without building a
 * tree when it has the usual shape, else through jansson.  Missing or
 * malformed blocks give none.  Returns JAEN_OK or JAEN_ENOMEM. */
static int read_blocks(struct jaen_incident *ix, struct jaen_doc *doc)
{
    const char *s;
    size_t len, pos, i, n;
    const json_t *arr;
    int rc = 1;

    ix->nblk = 0;
    if (jaen_doc_raw(doc, JAEN_F_BLOCKS, &s, &len)) {
        pos = jaen_jscan_ws(s, len, 0);
        if (pos < len && s[pos] == '[') {
            pos = jaen_jscan_ws(s, len, pos + 1);
            while (pos < len && s[pos] != ']' && rc == 1) {
                rc = raw_block(ix, s, len, &pos);
                pos = jaen_jscan_ws(s, len, pos);
                if (rc == 1 && pos < len && s[pos] == ',')
                    pos = jaen_jscan_ws(s, len, pos + 1);
                else if (rc == 1 && (pos >= len || s[pos] != ']'))
                    rc = 0;
            }
            if (rc == 1)
                return JAEN_OK;
            if (rc < 0)
                return rc;
        }
        ix->nblk = 0;
    }
    arr = jaen_doc_get(doc, JAEN_F_BLOCKS, NULL);
    n = json_is_array(arr) ? json_array_size(arr) : 0;
    for (i = 0; i < n; i++) {
        const json_t *b = json_array_get(arr, i);
        if (add_block(ix, json_string_value(json_object_get(b, "type")),
                      json_integer_value(json_object_get(b, "start")),
                      json_integer_value(json_object_get(b, "end")),
                      json_integer_value(json_object_get(b, "level"))))
            return JAEN_ENOMEM;
    }
    return JAEN_OK;
}

/* Writes code point c as the n bytes of UTF-8 at p (n its length). */
static void put_utf8(char *p, uint32_t c, size_t n)
{
    unsigned char *u = (unsigned char *)p;
    size_t k;

    for (k = n - 1; k > 0; k--) {
        u[k] = (unsigned char)(0x80 | (c & 0x3F));
        c >>= 6;
    }
    u[0] = (unsigned char)(n == 1 ? c : n == 2 ? 0xC0 | c
                           : n == 3 ? 0xE0 | c : 0xF0 | c);
}

/* The first byte of s[0..len) that may start a code point that folds to
 * one of the same length: Kangxi radicals (E2 BA..BF), enclosed and
 * compatibility forms (E3 88..8F), compatibility ideographs (EF A4..AB),
 * half-width kana (EF BD, BE) and the supplement (F0 AF); len when none,
 * as for nearly every document. */
static size_t first_foldable(const char *str, size_t len)
{
    const unsigned char *u = (const unsigned char *)str;
    size_t i;

    for (i = 0; i + 1 < len; i++) {
        unsigned char a = u[i], b = u[i + 1];
        if ((a == 0xE2 && b >= 0xBA) || (a == 0xE3 && b >= 0x88 && b <= 0x8F)
            || (a == 0xEF && ((b >= 0xA4 && b <= 0xAB) || b == 0xBD
                              || b == 0xBE))
            || (a == 0xF0 && b == 0xAF))
            return i;
    }
    return len;
}

/* Copies s[0..len) into out with each code point that jaen_fold maps to
 * one code point of the same UTF-8 length replaced by it: Kangxi radicals
 * (⽇), compatibility ideographs and half-width kana, which text drawn
 * from PDFs is full of, then read as the ordinary characters the keyword
 * lists spell, while every byte and code point offset stays the
 * document's.  Folds that change a length (full-width ASCII, ㈱, a kana
 * with its voiced mark) are left alone: the lists spell those forms out.
 * Returns JAEN_OK or JAEN_ENOMEM. */
static int fold_same_length(const char *s, size_t len, struct jaen_buf *out)
{
    size_t pos = 0, at, nx;
    uint32_t c, next, dst[8];
    int used;

    jaen_buf_reset(out);
    if (len == 0)
        return jaen_buf_adds(out, "");
    if (jaen_buf_add(out, s, len))
        return JAEN_ENOMEM;
    pos = first_foldable(s, len);
    while (pos < len) {
        unsigned char b = (unsigned char)s[pos];
        at = pos;
        /* only lead bytes E2, E3 (but not kana, 81..83), EF and F0 start
         * a code point that may fold: the rest is skipped undecoded */
        if (b < 0x80) {
            pos++;
            continue;
        }
        if (b < 0xE2 || (b > 0xE3 && b < 0xEF)
            || (b == 0xE3 && pos + 1 < len && (unsigned char)s[pos + 1] >= 0x81
                && (unsigned char)s[pos + 1] <= 0x83)) {
            pos += b < 0xE0 ? 2 : 3;
            continue;
        }
        jaen_utf8_next(s, len, &pos, &c);
        nx = pos;
        next = 0;
        if (nx < len)
            jaen_utf8_next(s, len, &nx, &next);
        if (jaen_fold_cp(c, next, dst, &used) == 1 && used == 1
            && dst[0] != c && jaen_utf8_cplen(dst[0]) == pos - at)
            put_utf8(out->ptr + at, dst[0], pos - at);
    }
    return JAEN_OK;
}

/* Counts each sentence's date entities, once per document: the rules
 * ask it of many sentences. */
static void count_dates(struct ix_doc *d)
{
    size_t i, si, n = d->entities ? json_array_size(d->entities) : 0;

    for (i = 0; i < n; i++) {
        const json_t *e = json_array_get(d->entities, i);
        const char *t = json_string_value(json_object_get(e, "type"));
        json_int_t st = json_integer_value(json_object_get(e, "start"));
        if (!t || strncmp(t, "date", 4) != 0)
            continue;
        si = jaen_ix_sent_at(d, st);
        if (si < d->ns && st >= d->s[si].start && st < d->s[si].end)
            d->s[si].ndates++;
    }
}

static int build_view(struct jaen_incident *ix, struct jaen_doc *doc,
                      struct jaen_err *err)
{
    struct ix_doc *d = &ix->d;
    struct jaen_sent *sents;
    const struct jaen_tok *toks;
    size_t nsents, ntoks, i, k = 0;
    const json_t *pub;
    int rc;

    rc = jaen_doc_text(doc, &d->raw, &d->len, &d->ncp, err);
    if (rc)
        return rc;
    d->text = d->raw;           /* folded only when something folds */
    if (first_foldable(d->raw, d->len) < d->len) {
        if (fold_same_length(d->raw, d->len, &ix->ftext))
            return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
        d->text = ix->ftext.ptr;
    }
    rc = jaen_doc_sentences(doc, &sents, &nsents, &toks, &ntoks, err);
    if (rc)
        return rc;
    if (grow((void **)&d->cpb, &ix->acpb, d->ncp + 1, sizeof(*d->cpb))
        || grow((void **)&d->s, &ix->asent, nsents + 1, sizeof(*d->s)))
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    for (i = 0; i < d->len && k <= d->ncp; i++)
        if (((unsigned char)d->text[i] & 0xC0) != 0x80)
            d->cpb[k++] = i;
    while (k <= d->ncp)
        d->cpb[k++] = d->len;
    d->ns = 0;
    for (i = 0; i < nsents; i++) {
        struct ix_sent *st = &d->s[d->ns];
        if (sents[i].start < 0 || sents[i].end > (int64_t)d->ncp
            || sents[i].end < sents[i].start)
            return jaen_err_set(err, JAEN_EDATA,
                                "sentence %zu is outside the text", i);
        st->start = sents[i].start;
        st->end = sents[i].end;
        st->a = d->cpb[st->start];
        st->b = d->cpb[st->end];
        trim(d->text, &st->a, &st->b);
        st->extra = sents[i].extra;
        st->sec = SEC_NONE;
        st->heading = st->item = 0;
        st->ndates = 0;
        if (st->b > st->a)
            d->ns++;
    }
    d->meta = jaen_doc_get(doc, JAEN_F_META, NULL);
    d->entities = jaen_doc_get(doc, JAEN_F_ENTITIES, NULL);
    if (jaen_doc_terms(doc, &d->terms, &d->nterms, NULL))
        d->nterms = 0;
    if (!json_is_object(d->meta))
        d->meta = NULL;
    if (!json_is_array(d->entities))
        d->entities = NULL;
    count_dates(d);
    pub = d->meta ? json_object_get(d->meta, "published") : NULL;
    d->published = json_string_value(pub);
    if (d->published && strlen(d->published) < 10)
        d->published = NULL;
    d->title = d->meta ? json_string_value(json_object_get(d->meta, "title"))
                       : NULL;
    d->title_len = d->title ? strlen(d->title) : 0;
    if (d->title) {
        if (fold_same_length(d->title, d->title_len, &ix->ftitle))
            return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
        d->title = ix->ftitle.ptr;
    }
    d->org = d->meta ? json_string_value(json_object_get(d->meta,
                                                         "organization"))
                     : NULL;
    if (d->org) {
        if (fold_same_length(d->org, strlen(d->org), &ix->forg))
            return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
        d->org = ix->forg.ptr;
    }
    rc = read_blocks(ix, doc);
    if (rc)
        return jaen_err_set(err, rc, "out of memory");
    tag_sections(d, ix->blk, ix->nblk);
    if (jaen_ix_kw_scan(d))
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    return JAEN_OK;
}

/* {"ja": s, "en": en or null}. */
static json_t *make_t(const char *s, size_t len, const char *en)
{
    return json_pack("{s:s%,s:s?}", "ja", s, len, "en", en);
}

/* The English of sentence i: translate's "en", else the fixed phrase's. */
static const char *sent_en(const struct ix_doc *d, size_t i)
{
    const json_t *x = d->s[i].extra, *en;

    if (!x)
        return NULL;
    en = json_object_get(x, "en");
    if (json_is_string(en) && json_string_length(en))
        return json_string_value(en);
    en = json_object_get(json_object_get(x, "phrase"), "en");
    if (json_is_string(en) && json_string_length(en))
        return json_string_value(en);
    return NULL;
}

/* Sentence i as the document wrote it (the rules read it folded). */
#define IX_RAW(d, i) ((d)->raw + (d)->s[i].a)

static json_t *sent_t(const struct ix_doc *d, size_t i)
{
    return make_t(IX_RAW(d, i), IX_L(d, i), sent_en(d, i));
}

/* Connectors allowed between glossary terms in a count's subject, and
 * how they join the English: 1 "of" (reversed), 2 "and", 0 nothing. */
static int connector(const char *s, size_t len)
{
    static const char *const of[] = {"の", NULL};
    static const char *const and_[] = {"および", "及び", "並びに", "と",
                                       "・", "、", "や", NULL};
    static const char *const none[] = {"", "様", "さま", "等", "など", "の方",
                                       "様の", "さまの", NULL};
    const char *const *k;

    for (k = none; *k; k++)
        if (strlen(*k) == len && memcmp(s, *k, len) == 0)
            return strcmp(*k, "様の") == 0 || strcmp(*k, "さまの") == 0 ? 1
                                                                    : 0;
    for (k = of; *k; k++)
        if (strlen(*k) == len && memcmp(s, *k, len) == 0)
            return 1;
    for (k = and_; *k; k++)
        if (strlen(*k) == len && memcmp(s, *k, len) == 0)
            return 2;
    return -1;
}

#define SUBJ_MAX_TERMS 16

/* English of a count's subject, composed from the glossary terms that
 * cover it exactly: A の B → "B of A", A および B → "A and B", A B → "A B".
 * Writes into b; returns 1 when the span is covered, else 0. */
static int subject_en(const struct ix_doc *d, int64_t a, int64_t z,
                      struct jaen_buf *b)
{
    const char *en[SUBJ_MAX_TERMS];
    int join[SUBJ_MAX_TERMS];       /* connector before term i */
    size_t n = 0, i, nt = d->nterms;
    int64_t at = a;
    int c, g0, k;

    for (i = 0; i < nt && n < SUBJ_MAX_TERMS; i++) {
        const struct jaen_term *t = &d->terms[i];
        int64_t ts = t->start;
        int64_t te = t->end;
        const char *e = t->en;
        if (te <= a || ts < at)
            continue;
        if (ts >= z || te > z || !e || !*e)
            break;
        c = connector(d->text + d->cpb[at], d->cpb[ts] - d->cpb[at]);
        if (c < 0 || (n == 0 && c != 0))
            return 0;
        join[n] = c;
        en[n++] = e;
        at = te;
    }
    if (n == 0 || n == SUBJ_MAX_TERMS
        || connector(d->text + d->cpb[at], d->cpb[z] - d->cpb[at]) != 0)
        return 0;
    jaen_buf_reset(b);
    /* A および B の C: の binds last, so segments split by "of" come out
     * in reverse order, and inside one "and" and compounds keep theirs */
    for (g0 = (int)n; g0 > 0;) {
        int s0 = g0 - 1;
        while (s0 > 0 && join[s0] != 1)
            s0--;
        if (g0 < (int)n)
            jaen_buf_adds(b, " of ");
        for (k = s0; k < g0; k++) {
            if (k > s0)
                jaen_buf_adds(b, join[k] == 2 ? " and " : " ");
            /* 当社 (we) as a modifier reads "our" */
            jaen_buf_adds(b, strcmp(en[k], "we") == 0 && k + 1 < g0
                                 ? "our" : en[k]);
        }
        g0 = s0;
    }
    return b->ptr != NULL;
}

static json_t *subject_t(struct ix_doc *d, int64_t a, int64_t z)
{
    struct jaen_buf *b = &d->tmp;
    size_t ba = d->cpb[a], bz = d->cpb[z];
    int ok;

    if (z <= a)
        return make_t("", 0, NULL);
    ok = subject_en(d, a, z, b);
    return make_t(d->raw + ba, bz - ba, ok ? b->ptr : NULL);
}

static const char *meta_str(const struct ix_doc *d, const char *key)
{
    return d->meta ? json_string_value(json_object_get(d->meta, key)) : NULL;
}

/* English for a related-report label: 第N報 (第一報, 第１報) → "Report N",
 * 最終報 → "Final report"; else null. */
static json_t *related_label(struct jaen_buf *b, const char *label)
{
    size_t len = strlen(label);
    long n = 0;

    jaen_buf_reset(b);
    if (jaen_ix_has(label, len, "最終報"))
        jaen_buf_adds(b, "Final report");
    else if (jaen_ix_report_at(label, len, &n) == len && n > 0 && n < 1000)
        jaen_buf_addf(b, "Report %ld", n);      /* a longer figure is none */
    return make_t(label, len, b->len ? b->ptr : NULL);
}

static json_t *build_source(struct jaen_incident *ix)
{
    struct ix_doc *d = &ix->d;
    const char *title = meta_str(d, "title");
    const char *org = meta_str(d, "organization");
    const char *title_en = NULL, *url = meta_str(d, "url");
    const json_t *rel = d->meta ? json_object_get(d->meta, "related") : NULL;
    json_t *src, *related = json_array();
    size_t i;
    int found = 0;

    if (!title)
        title = "";
    if (!org)
        org = "";
    for (i = 0; i < d->ns && *title; i++)
        if (IX_L(d, i) == strlen(title)
            && memcmp(IX_RAW(d, i), title, IX_L(d, i)) == 0) {
            title_en = sent_en(d, i);
            break;
        }
    if (!title_en && *title
        && jaen_ix_title_en(ix->g, title, strlen(title), &ix->ten))
        title_en = ix->ten.ptr;
    jaen_buf_reset(&ix->en);
    if (*org && jaen_romaji_org(ix->romaji, org, strlen(org), &ix->en,
                                &found))
        found = 0;
    for (i = 0; related && json_is_array(rel) && i < json_array_size(rel);
         i++) {
        const json_t *r = json_array_get(rel, i);
        const char *label = json_string_value(json_object_get(r, "label"));
        const char *u = json_string_value(json_object_get(r, "url"));
        json_array_append_new(related, json_pack(
            "{s:o,s:s}", "label", related_label(&d->tmp, label ? label : ""),
            "url", u ? u : ""));
    }
    src = json_pack("{s:o,s:o,s:s?,s:s?,s:s,s:o}",
                    "title", make_t(title, strlen(title), title_en),
                    "organization", make_t(org, strlen(org),
                                           found ? ix->en.ptr : NULL),
                    "published", d->published, "url", url,
                    "report_stage", jaen_ix_report_stage(d),
                    "related", related);
    return src;
}

static json_t *build_incident(struct ix_doc *d)
{
    unsigned types = jaen_ix_types(d);
    json_t *arr = json_array();
    char det[11];
    size_t cause = jaen_ix_cause(d);
    int k;

    for (k = 0; arr && k < T_NTYPES; k++)
        if (types & (1u << k))
            json_array_append_new(arr, json_string(jaen_ix_type_names[k]));
    return json_pack("{s:o,s:s?,s:o}", "types", arr,
                     "detected", jaen_ix_detected(d, det) ? det : NULL,
                     "cause", cause == (size_t)-1 ? json_null()
                                                  : sent_t(d, cause));
}

static json_t *build_impact(struct ix_doc *d)
{
    json_t *counts = json_array(), *items = json_array();

    if (!counts || !items || jaen_ix_counts(d, subject_t, counts)
        || jaen_ix_items(d, items)) {
        json_decref(counts);
        json_decref(items);
        return NULL;
    }
    return json_pack("{s:o,s:o,s:s?}", "counts", counts, "data_items", items,
                     "secondary_damage", jaen_ix_secondary(d));
}

struct measures {
    const struct ix_doc *d;
    json_t *list[2];            /* implemented, planned */
};

/* Is s[0..len) already the "ja" of a measure in arr? */
static int listed(const json_t *arr, const char *s, size_t len)
{
    size_t i;

    for (i = 0; i < json_array_size(arr); i++) {
        const json_t *ja = json_object_get(json_array_get(arr, i), "ja");
        if (json_string_length(ja) == len
            && memcmp(json_string_value(ja), s, len) == 0)
            return 1;
    }
    return 0;
}

/* jaen_ix_measure_fn: appends the clause, without its joint's 、, once. */
static int add_measure(void *vctx, size_t si, size_t a, size_t b, int kind)
{
    struct measures *m = vctx;
    const struct ix_doc *d = m->d;
    const char *s = IX_RAW(d, si);
    size_t len = IX_L(d, si);
    json_t *t;

    while (b > a + 3 && memcmp(s + b - 3, "、", 3) == 0)
        b -= 3;
    while (a < b && (s[a] == ' ' || memcmp(s + a, "　", 3) == 0))
        a += s[a] == ' ' ? 1 : 3;
    if (b <= a || listed(m->list[0], s + a, b - a)
        || listed(m->list[1], s + a, b - a))
        return JAEN_OK;
    t = a == 0 && b == len ? sent_t(d, si) : make_t(s + a, b - a, NULL);
    if (!t || json_array_append_new(m->list[kind == 2], t))
        return JAEN_ENOMEM;
    return JAEN_OK;
}

static json_t *build_response(struct jaen_incident *ix)
{
    struct measures m = {&ix->d, {json_array(), json_array()}};

    if (!m.list[0] || !m.list[1]
        || jaen_ix_response(&ix->d, add_measure, &m)) {
        json_decref(m.list[0]);
        json_decref(m.list[1]);
        return NULL;
    }
    return json_pack("{s:o,s:o}", "implemented", m.list[0], "planned",
                     m.list[1]);
}

int jaen_incident_record(struct jaen_incident *ix, struct jaen_doc *doc,
                         json_t **rec, struct jaen_err *err)
{
    int rc;

    *rec = NULL;
    rc = build_view(ix, doc, err);
    if (rc)
        return rc;
    *rec = json_pack("{s:s,s:s,s:o,s:o,s:o,s:o}",
                     "schema", JAEN_INCIDENT_SCHEMA, "id", jaen_doc_id(doc),
                     "source", build_source(ix),
                     "incident", build_incident(&ix->d),
                     "impact", build_impact(&ix->d),
                     "response", build_response(ix));
    if (!*rec)
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    return JAEN_OK;
}

int jaen_incident_error_record(struct jaen_doc *doc, json_t **rec)
{
    json_t *e = jaen_doc_get(doc, JAEN_F_ERROR, NULL);

    *rec = json_pack("{s:s,s:s,s:O}", "schema", JAEN_INCIDENT_SCHEMA, "id",
                     jaen_doc_id(doc), "error", e ? e : json_null());
    return *rec ? JAEN_OK : JAEN_ENOMEM;
}

/* summary.c: the English Markdown summary of an incident record.
 *
 * Everything structured is rendered from the record's enumerations and
 * numbers through fixed English tables and english.h, so no Japanese can
 * reach those parts (a count's subject without English shows as "(no
 * English)"); free text (title, cause, measures, the opening sentences) is
 * shown in English when the record has it and otherwise in Japanese behind
 * a "[ja]" mark. */
#include "summary.h"

#include "english.h"
#include "incident.h"
#include "incident_int.h"

#include <stdio.h>
#include <string.h>

#define SUMMARY_LEAD_SENTENCES 3

int jaen_record_format_parse(const char *name, enum jaen_record_format *fmt)
{
    if (strcmp(name, "json") == 0)
        *fmt = JAEN_RECORD_JSON;
    else if (strcmp(name, "markdown") == 0 || strcmp(name, "md") == 0)
        *fmt = JAEN_RECORD_MARKDOWN;
    else
        return JAEN_EUSAGE;
    return JAEN_OK;
}

/* Looks name up in a NULL-terminated {key, English} table. */
static const char *lookup(const char *const (*tab)[2], const char *key)
{
    size_t k;

    for (k = 0; key && tab[k][0]; k++)
        if (strcmp(tab[k][0], key) == 0)
            return tab[k][1];
    return NULL;
}

static const char *const type_en[][2] = {
    {"unauthorized_access", "Unauthorized access"},
    {"ransomware", "Ransomware"},
    {"malware", "Malware infection"},
    {"data_leak", "Data leak (confirmed or possible)"},
    {"phishing", "Phishing"},
    {"web_tampering", "Website tampering or card skimming"},
    {"misdelivery", "Misdelivery (mail, email or fax to the wrong party)"},
    {"misconfiguration", "Data exposed by a misconfiguration"},
    {"loss_theft", "Loss or theft"},
    {"insider", "Insider misuse"},
    {"system_outage", "System outage"},
    {"ddos", "Denial-of-service attack"},
    {"third_party", "Incident at a vendor or service provider"},
    {NULL, NULL},
};

static const char *const item_en[][2] = {
    {"name", "Name"}, {"address", "Address"}, {"postal_code", "Postal code"},
    {"phone", "Phone number"}, {"email", "Email address"},
    {"birth_date", "Date of birth"}, {"age", "Age"}, {"gender", "Gender"},
    {"company_name", "Company name"}, {"job_title", "Job title"},
    {"department", "Department"}, {"login_id", "Login ID"},
    {"password", "Password"}, {"credit_card_number", "Credit card number"},
    {"card_expiry", "Card expiry date"}, {"security_code", "Security code"},
    {"card_holder_name", "Cardholder name"},
    {"bank_account", "Bank account"},
    {"purchase_history", "Purchase history"},
    {"order_info", "Order information"}, {"shareholding", "Shareholding"},
    {"employee_id", "Employee ID"}, {"my_number", "My Number (national ID)"},
    {"health_info", "Health information"},
    {"id_document", "Identity document"}, {"photo", "Photograph"},
    {"ip_address", "IP address"}, {"other", "Other information"},
    {NULL, NULL},
};

static const char *const stage_en[][2] = {
    {"initial", "Initial report (more to follow)"},
    {"update", "Update to an earlier report"},
    {"final", "Final report"},
    {"single", "Single notice"},
    {NULL, NULL},
};

static const char *const unit_en[][2] = {
    {"record", "records"}, {"person", "people"}, {"company", "companies"},
    {"device", "devices"}, {"item", "items"}, {"yen", "yen"},
    {"other", "other (accounts, mails, ...)"}, {NULL, NULL},
};

static const char *const qual_en[][2] = {
    {"max", "up to"}, {"min", "at least"}, {"over", "more than"},
    {"under", "fewer than"}, {NULL, NULL},
};

static const char *or_else(const char *s, const char *dflt)
{
    return s ? s : dflt;
}

/* The English of a JSON string v in tab, else dflt. */
static const char *en_of(const char *const (*tab)[2], const json_t *v,
                         const char *dflt)
{
    return or_else(lookup(tab, json_string_value(v)), dflt);
}

static const json_t *path(const json_t *o, const char *a, const char *b)
{
    o = json_object_get(o, a);
    return b ? json_object_get(o, b) : o;
}

/* Markdown-safe text: no line breaks, | escaped inside tables. */
static int add_text(struct jaen_buf *out, const char *s, int table)
{
    int rc = JAEN_OK;

    for (; *s && !rc; s++) {
        if (*s == '\n' || *s == '\r')
            rc = jaen_buf_addc(out, ' ');
        else if (table && *s == '|')
            rc = jaen_buf_adds(out, "\\|");
        else
            rc = jaen_buf_addc(out, *s);
    }
    return rc;
}

/* A T value: its English, else its Japanese marked [ja]; empty → dflt. */
static int add_t(struct jaen_buf *out, const json_t *t, const char *dflt)
{
    const char *en = json_string_value(json_object_get(t, "en"));
    const char *ja = json_string_value(json_object_get(t, "ja"));

    if (en && *en)
        return add_text(out, en, 0);
    if (ja && *ja) {
        jaen_buf_adds(out, "[ja] ");
        return add_text(out, ja, 0);
    }
    return jaen_buf_adds(out, dflt);
}

static int add_date(struct jaen_buf *out, const json_t *v)
{
    const char *s = json_string_value(v);

    if (!s || jaen_en_date(out, s))
        return jaen_buf_adds(out, "not stated");
    return JAEN_OK;
}

static int add_int(struct jaen_buf *out, const json_t *v)
{
    char num[32];

    if (!json_is_integer(v))
        return jaen_buf_adds(out, "unknown");
    snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(v));
    return jaen_en_digits(out, num);
}

static void write_head(struct jaen_buf *out, const json_t *rec)
{
    const json_t *src = json_object_get(rec, "source"), *rel;
    const char *url = json_string_value(json_object_get(src, "url"));
    size_t i;

    jaen_buf_adds(out, "# ");
    add_t(out, json_object_get(src, "title"), "(untitled notice)");
    jaen_buf_adds(out, "\n\n- **Organization:** ");
    add_t(out, json_object_get(src, "organization"), "not stated");
    jaen_buf_adds(out, "\n- **Published:** ");
    add_date(out, json_object_get(src, "published"));
    jaen_buf_adds(out, "\n- **Detected:** ");
    add_date(out, path(rec, "incident", "detected"));
    jaen_buf_adds(out, "\n- **Report stage:** ");
    jaen_buf_adds(out, en_of(stage_en, json_object_get(src, "report_stage"),
                             "unknown"));
    if (url) {
        jaen_buf_adds(out, "\n- **Source:** <");
        add_text(out, url, 0);
        jaen_buf_adds(out, ">");
    }
    rel = json_object_get(src, "related");
    for (i = 0; i < json_array_size(rel); i++) {
        const json_t *r = json_array_get(rel, i);
        jaen_buf_adds(out, "\n- **Earlier report:** ");
        add_t(out, json_object_get(r, "label"), "report");
        jaen_buf_adds(out, " <");
        add_text(out, or_else(json_string_value(json_object_get(r, "url")), ""),
                 0);
        jaen_buf_adds(out, ">");
    }
    jaen_buf_adds(out, "\n");
}

/* Whether s[0..n), a sentence with extras x, is courtesy rather than
 * news: a fixed phrase of greeting, apology or contact, or the words of
 * one (平素より…ご愛顧, …お詫び申し上げます, お問い合わせは…) when no
 * phrase covers it. */
static int courtesy(const json_t *x, const char *s, size_t n)
{
    static const char *const concepts[] = {
        "phrase.greeting", "phrase.apology", "phrase.salutation",
        "phrase.contact", "phrase.overview",
    };
    static const char *const words[] = {
        "平素", "ご愛顧", "お引き立て", "お引立て", "お詫び申し上げ",
        "おわび申し上げ", "ありがとうございます", "ご迷惑をおかけ",
        "ご心配をおかけ", "ご不便をおかけ", "お願い申し上げ", "ご連絡くださ",
        "お問い合わせくださ", "お問い合わせは", NULL,
    };
    const char *c = json_string_value(path(x, "phrase", "concept"));
    size_t i;

    for (i = 0; c && i < sizeof(concepts) / sizeof(concepts[0]); i++)
        if (strncmp(c, concepts[i], strlen(concepts[i])) == 0)
            return 1;
    return jaen_ix_any(s, n, words);
}

static void write_happened(struct jaen_buf *out, const json_t *rec,
                           struct jaen_doc *doc)
{
    const json_t *types = path(rec, "incident", "types");
    struct jaen_sent *sents;
    const struct jaen_tok *toks;
    size_t ns, nt, i, shown = 0, pos = 0, k = 0;
    const char *text;
    size_t len, ncp;

    jaen_buf_adds(out, "\n## What happened\n\n");
    if (!json_array_size(types))
        jaen_buf_adds(out, "- Incident type not determined\n");
    for (i = 0; i < json_array_size(types); i++) {
        const char *t = json_string_value(json_array_get(types, i));
        jaen_buf_adds(out, "- ");
        jaen_buf_adds(out, or_else(lookup(type_en, t), "Other"));
        jaen_buf_adds(out, "\n");
    }
    if (!doc || jaen_doc_text(doc, &text, &len, &ncp, NULL)
        || jaen_doc_sentences(doc, &sents, &ns, &toks, &nt, NULL) || !ns)
        return;
    jaen_buf_adds(out, "\nFrom the notice:\n\n");
    /* pos, k: a byte and its code point, moving forward only (sentences
     * are sorted) */
    for (i = 0; i < ns && shown < SUMMARY_LEAD_SENTENCES; i++) {
        const json_t *x = sents[i].extra;
        const char *en = json_string_value(json_object_get(x, "en"));
        size_t a = pos, b;

        if (!en)
            en = json_string_value(path(x, "phrase", "en"));
        while (pos < len && k < (size_t)sents[i].end) {
            if (k == (size_t)sents[i].start)
                a = pos;
            pos++;
            while (pos < len && ((unsigned char)text[pos] & 0xC0) == 0x80)
                pos++;
            k++;
        }
        b = pos;
        while (b > a && (text[b - 1] == '\n' || text[b - 1] == ' '))
            b--;
        /* headings and list fragments are not sentences of the story,
         * and greetings and apologies tell nothing */
        if (b < a + 6 || memcmp(text + b - 3, "。", 3) != 0
            || courtesy(x, text + a, b - a))
            continue;
        jaen_buf_adds(out, "> ");
        if (en) {
            add_text(out, en, 0);
        } else {
            jaen_buf_adds(out, "[ja] ");
            for (size_t c = a; c < b; c++)
                jaen_buf_addc(out, text[c] == '\n' ? ' ' : text[c]);
        }
        jaen_buf_adds(out, "\n>\n");
        shown++;
    }
    if (shown)
        out->len -= 2;          /* drop the last ">\n" */
}

static void write_impact(struct jaen_buf *out, const json_t *rec)
{
    const json_t *counts = path(rec, "impact", "counts");
    const json_t *items = path(rec, "impact", "data_items");
    const char *sd = json_string_value(path(rec, "impact",
                                            "secondary_damage"));
    size_t i;

    jaen_buf_adds(out, "\n## Affected data\n\n");
    if (!json_array_size(counts)) {
        jaen_buf_adds(out, "No count of affected people or records is "
                           "stated.\n");
    } else {
        jaen_buf_adds(out, "| Count | Unit | Before de-duplication | "
                           "Affected |\n|---:|---|---:|---|\n");
    }
    for (i = 0; i < json_array_size(counts); i++) {
        const json_t *c = json_array_get(counts, i);
        const char *q = lookup(qual_en, json_string_value(
                                            json_object_get(c, "qualifier")));
        const char *en = json_string_value(path(c, "subject", "en"));
        const char *ja = json_string_value(path(c, "subject", "ja"));
        jaen_buf_adds(out, "| ");
        if (q) {
            jaen_buf_adds(out, q);
            jaen_buf_addc(out, ' ');
        }
        if (json_is_true(json_object_get(c, "approx")))
            jaen_buf_adds(out, "about ");
        add_int(out, json_object_get(c, "value"));
        jaen_buf_adds(out, " | ");
        jaen_buf_adds(out, en_of(unit_en, json_object_get(c, "unit"),
                                 "other"));
        jaen_buf_adds(out, " | ");
        if (json_is_integer(json_object_get(c, "before_dedup")))
            add_int(out, json_object_get(c, "before_dedup"));
        else
            jaen_buf_adds(out, "-");
        jaen_buf_adds(out, " | ");
        /* the table is structured: English only (the record keeps the
         * Japanese subject) */
        if (en && *en)
            add_text(out, en, 1);
        else
            jaen_buf_adds(out, ja && *ja ? "(no English)" : "-");
        jaen_buf_adds(out, " |\n");
    }
    jaen_buf_adds(out, "\n**Data items:** ");
    if (!json_array_size(items))
        jaen_buf_adds(out, "none specified");
    for (i = 0; i < json_array_size(items); i++) {
        if (i)
            jaen_buf_adds(out, ", ");
        jaen_buf_adds(out, en_of(item_en, json_array_get(items, i),
                                 "Other information"));
    }
    jaen_buf_adds(out, "\n\n## Secondary damage\n\n");
    jaen_buf_adds(out, !sd ? "Not stated.\n"
                       : strcmp(sd, "confirmed") == 0
                           ? "Confirmed: secondary damage has occurred.\n"
                           : "None confirmed so far.\n");
}

/* What a measure is about, when the record has no English for it: a topic
 * in English before its Japanese, so that a reader without Japanese sees
 * "Police; password change — [ja] …".  Topics, not a translation: the
 * list's heading says whether it was done or is planned, and the
 * Japanese stays as written.  A topic is named when all the words of one
 * of its rows occur in the measure ("|" separates them). */
static const char *const topics[][2] = {
    {"警察", "police"},
    {"個人情報保護委員会", "Personal Information Protection Commission"},
    {"監督官庁", "regulator"}, {"所管官庁", "regulator"},
    {"所管省庁", "regulator"}, {"関係省庁", "regulator"},
    {"フォレンジック", "forensic investigation"},
    {"専門|調査", "investigation by outside specialists"},
    {"調査会社", "investigation by outside specialists"},
    {"遮断", "isolation or blocking"}, {"隔離", "isolation or blocking"},
    {"切り離", "isolation or blocking"},
    {"パスワード|変更", "password change"},
    {"パスワード|リセット", "password change"},
    {"パスワード|初期化", "password change"},
    {"多要素認証", "multi-factor authentication"},
    {"二要素認証", "multi-factor authentication"},
    {"二段階認証", "multi-factor authentication"},
    {"2段階認証", "multi-factor authentication"},
    {"監視", "monitoring"}, {"モニタリング", "monitoring"},
    {"教育", "staff training"}, {"研修", "staff training"},
    {"個別|連絡", "notice to the people affected"},
    {"個別|通知", "notice to the people affected"},
    {"個別|ご案内", "notice to the people affected"},
    {"脆弱性|修正", "vulnerability fix"},
    {"脆弱性|対策", "vulnerability fix"},
    {"パッチ", "vulnerability fix"}, {"アップデート", "software update"},
    {"EDR", "endpoint protection"}, {"ウイルス対策", "endpoint protection"},
    {"再構築", "rebuilding of systems"}, {"初期化", "rebuilding of systems"},
    {"復旧", "restoration"}, {"再開", "restoration"},
    {"停止", "suspension"}, {"閉鎖", "suspension"},
    {"窓口", "inquiry desk"},
    {"再発防止", "prevention of recurrence"},
};

/* The same for the cause: how it got in, or what went wrong. */
static const char *const cause_topics[][2] = {
    {"脆弱性", "vulnerability"},
    {"VPN", "VPN device"}, {"ＶＰＮ", "VPN device"},
    {"リモートデスクトップ", "remote desktop"}, {"RDP", "remote desktop"},
    {"サポート詐欺", "support scam"}, {"偽の警告", "support scam"},
    {"フィッシング", "phishing"}, {"スミッシング", "phishing"},
    {"パスワード", "password or credentials"},
    {"認証情報", "password or credentials"},
    {"総当たり", "brute force"}, {"ブルートフォース", "brute force"},
    {"設定", "configuration"},
    {"取り違え", "human error"}, {"誤って", "human error"},
    {"確認を怠", "human error"}, {"不注意", "human error"},
    {"委託先", "contractor"},
    {"持ち出", "data taken out"},
};

/* Words after a topic's that deny it (「悪用可能な脆弱性は確認されません
 * でした」「警察への届出は行っておりません」): no topic then. */
static const char *const topic_denied[] = {
    "確認されませんでした", "確認されておりません", "確認されていません",
    "認められませんでした", "見つかりませんでした", "ありません",
    "ございません", "なかった", "ではな", "おりません", "ていません", NULL,
};

/* Do all the "|"-separated words of row occur in ja, and nothing after
 * the first deny it? */
static int topic_in(const char *ja, size_t len, const char *row)
{
    size_t first = (size_t)-1;
    char w[64];

    while (*row) {
        size_t n = strcspn(row, "|"), at;
        if (n >= sizeof(w))
            return 0;
        memcpy(w, row, n);
        w[n] = '\0';
        at = jaen_ix_find(ja, len, w);
        if (at == (size_t)-1)
            return 0;
        if (first == (size_t)-1)
            first = at;
        row += n + (row[n] == '|');
    }
    return first == (size_t)-1
           || !jaen_ix_any(ja + first, len - first, topic_denied);
}

/* Writes the topics of ja from table tab[0..nt) ("Police; password
 * change — "), or nothing when it names none; each topic once, in the
 * table's order. */
#define MAX_TOPICS 64     /* rows of a topic table */
_Static_assert(sizeof(topics) / sizeof(topics[0]) <= MAX_TOPICS
               && sizeof(cause_topics) / sizeof(cause_topics[0])
                  <= MAX_TOPICS, "a topic table outgrew add_topics");

static void add_topics(struct jaen_buf *out, const char *const (*tab)[2],
                       size_t nt, const char *ja)
{
    const char *said[MAX_TOPICS];
    size_t k, j, n = 0, len = strlen(ja);

    for (k = 0; k < nt && k < MAX_TOPICS; k++) {
        if (!topic_in(ja, len, tab[k][0]))
            continue;
        for (j = 0; j < n && strcmp(said[j], tab[k][1]); j++)
            ;
        if (j < n)
            continue;           /* said already (隔離…切り離: once) */
        said[n] = tab[k][1];
        if (n++)
            jaen_buf_adds(out, "; ");
        if (tab[k][1][0] >= 'a' && tab[k][1][0] <= 'z' && n == 1) {
            jaen_buf_addc(out, (char)(tab[k][1][0] - 'a' + 'A'));
            jaen_buf_adds(out, tab[k][1] + 1);
        } else {
            jaen_buf_adds(out, tab[k][1]);
        }
    }
    if (n)
        jaen_buf_adds(out, " — ");
}

static void write_list(struct jaen_buf *out, const json_t *list,
                       const char *none)
{
    size_t i;

    if (!json_array_size(list)) {
        jaen_buf_adds(out, none);
        return;
    }
    for (i = 0; i < json_array_size(list); i++) {
        const json_t *m = json_array_get(list, i);
        const char *en = json_string_value(json_object_get(m, "en"));
        const char *ja = json_string_value(json_object_get(m, "ja"));
        jaen_buf_adds(out, "- ");
        if (!(en && *en) && ja)
            add_topics(out, topics, sizeof(topics) / sizeof(topics[0]), ja);
        add_t(out, m, "");
        jaen_buf_adds(out, "\n");
    }
}

int jaen_summary_write(const json_t *rec, struct jaen_doc *doc,
                       struct jaen_buf *out, struct jaen_err *err)
{
    const json_t *e = json_object_get(rec, "error"), *cause;
    size_t mark = out->len;

    if (!json_is_object(rec))
        return jaen_err_set(err, JAEN_EDATA, "not a record");
    if (e) {
        const char *msg = json_string_value(json_object_get(e, "message"));
        jaen_buf_adds(out, "# ");
        add_text(out, or_else(json_string_value(json_object_get(rec, "id")),
                              ""), 0);
        jaen_buf_adds(out, "\n\n**[error]** This document could not be "
                           "processed: ");
        add_text(out, msg ? msg : "unknown error", 0);
        jaen_buf_adds(out, "\n\n");
    } else {
        write_head(out, rec);
        write_happened(out, rec, doc);
        write_impact(out, rec);
        jaen_buf_adds(out, "\n## Cause\n\n");
        cause = path(rec, "incident", "cause");
        if (json_is_object(cause)) {
            const char *en = json_string_value(json_object_get(cause, "en"));
            const char *ja = json_string_value(json_object_get(cause, "ja"));
            if (!(en && *en) && ja)
                add_topics(out, cause_topics, sizeof(cause_topics)
                           / sizeof(cause_topics[0]), ja);
            add_t(out, cause, "");
        }
        else
            jaen_buf_adds(out, "Not stated.");
        jaen_buf_adds(out, "\n\n## Measures\n\n### Implemented\n\n");
        write_list(out, path(rec, "response", "implemented"),
                   "None listed.\n");
        jaen_buf_adds(out, "\n### Planned\n\n");
        write_list(out, path(rec, "response", "planned"), "None listed.\n");
        jaen_buf_adds(out, "\n");
    }
    if (out->len == mark || !out->ptr)
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    return JAEN_OK;
}

int jaen_record_write(const json_t *rec, struct jaen_doc *doc,
                      enum jaen_record_format fmt, struct jaen_buf *out,
                      struct jaen_err *err)
{
    json_t *own = NULL;
    int rc;

    if (!rec) {
        rc = jaen_incident_error_record(doc, &own);
        if (rc)
            return jaen_err_set(err, rc, "out of memory");
        rec = own;
    }
    if (fmt == JAEN_RECORD_MARKDOWN) {
        rc = jaen_summary_write(rec, doc, out, err);
    } else {
        rc = jaen_json_dump(rec, out);
        if (!rc)
            rc = jaen_buf_addc(out, '\n');
        if (rc)
            jaen_err_set(err, rc, "cannot write the record");
    }
    json_decref(own);
    return rc;
}

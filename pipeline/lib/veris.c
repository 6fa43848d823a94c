/* veris.c: jaen.incident/1 → VERIS 1.4.1 (see veris.h).
 *
 * The record gives the incident types, dates, data items and counts; the
 * document's sentences (when the caller has them) give what the record does
 * not keep: whether a leak is certain or only possible, how the incident was
 * found, and the words of the cause that refine the action.  The rules are
 * tables of Japanese cue words, so a reader can check each one. */
#include "veris.h"

#include "alloc.h"
#include "incident.h"

#include <string.h>

/* ---- the text the rules read ---- */

struct span {
    const char *s;
    size_t len;
};

/* The sentences of the document (or the title and cause of the record). */
struct vtext {
    struct span *v;
    size_t n;
    const char *title;      /* source.title.ja, "" if none */
    const char *cause;      /* incident.cause.ja, "" if none */
};

static int has(const char *s, size_t len, const char *k)
{
    size_t kl = strlen(k), i;

    for (i = 0; kl <= len && i + kl <= len; i++)
        if (memcmp(s + i, k, kl) == 0)
            return 1;
    return 0;
}

static int any(const char *s, size_t len, const char *const *ks)
{
    for (; *ks; ks++)
        if (has(s, len, *ks))
            return 1;
    return 0;
}

static int shas(const char *s, const char *k)
{
    return has(s, strlen(s), k);
}

/* Does the title or the cause contain any of ks? */
static int tc_any(const struct vtext *t, const char *const *ks)
{
    return any(t->title, strlen(t->title), ks)
           || any(t->cause, strlen(t->cause), ks);
}

static int load_text(struct vtext *t, struct jaen_doc *doc)
{
    const char *text;
    size_t len, ncp, ns, nt, i, pos = 0, cp = 0;
    struct jaen_sent *ss;
    const struct jaen_tok *toks;

    t->v = NULL;
    t->n = 0;
    if (!doc || jaen_doc_text(doc, &text, &len, &ncp, NULL)
        || jaen_doc_sentences(doc, &ss, &ns, &toks, &nt, NULL) || ns == 0)
        return JAEN_OK;
    t->v = jaen_calloc(ns, sizeof(*t->v));
    if (!t->v)
        return JAEN_ENOMEM;
    /* sentences are sorted: one walk maps code points to bytes */
    for (i = 0; i < ns; i++) {
        size_t a;
        if (ss[i].start < (int64_t)cp || ss[i].end > (int64_t)ncp)
            break;
        while ((int64_t)cp < ss[i].start) {
            pos++, cp++;
            while (pos < len && ((unsigned char)text[pos] & 0xC0) == 0x80)
                pos++;
        }
        a = pos;
        while ((int64_t)cp < ss[i].end) {
            pos++, cp++;
            while (pos < len && ((unsigned char)text[pos] & 0xC0) == 0x80)
                pos++;
        }
        t->v[t->n].s = text + a;
        t->v[t->n++].len = pos - a;
    }
    return JAEN_OK;
}

/* ---- record access ---- */

static const json_t *path(const json_t *v, const char *a, const char *b)
{
    v = json_object_get(v, a);
    return b ? json_object_get(v, b) : v;
}

static const char *pstr(const json_t *v, const char *a, const char *b,
                        const char *c)
{
    const json_t *x = path(v, a, b);
    if (c)
        x = json_object_get(x, c);
    return json_is_string(x) ? json_string_value(x) : NULL;
}

/* Is type name t among the record's incident types? */
static int has_type(const json_t *rec, const char *t)
{
    const json_t *types = path(rec, "incident", "types"), *x;
    size_t i;

    json_array_foreach(types, i, x)
        if (json_is_string(x) && strcmp(json_string_value(x), t) == 0)
            return 1;
    return 0;
}

/* Appends s to the array arr unless it is there already. */
static void add_uniq(json_t *arr, const char *s)
{
    const json_t *x;
    size_t i;

    json_array_foreach(arr, i, x)
        if (strcmp(json_string_value(x), s) == 0)
            return;
    json_array_append_new(arr, json_string(s));
}

/* {variety: [v], vector: [w]} */
static json_t *vv(const char *v, const char *w)
{
    return json_pack("{s:[s],s:[s]}", "variety", v, "vector", w);
}

/* ---- the parts ---- */

/* A date the document itself gives when the record has none: the first
 * date entity with a written year, else an archive path in the id
 * (".../YYYY/MM/DD_name.md", STREAM.md).  Writes "YYYY[-MM[-DD]]" to out. */
static int doc_date(const json_t *rec, struct jaen_doc *doc, char out[11])
{
    json_t *ents = doc ? jaen_doc_get(doc, JAEN_F_ENTITIES, NULL) : NULL, *e;
    const char *id = json_string_value(json_object_get(rec, "id")), *p;
    size_t i;

    json_array_foreach(ents, i, e) {
        const char *v = json_string_value(json_object_get(e, "value"));
        const char *type = json_string_value(json_object_get(e, "type"));
        if (type && strcmp(type, "date") == 0 && v && strlen(v) >= 4
            && strlen(v) <= 10 && v[0] >= '1' && v[0] <= '2'
            && !json_is_true(json_object_get(e, "year_inferred"))) {
            memcpy(out, v, strlen(v) + 1);
            return 1;
        }
    }
    for (p = id ? strchr(id, '/') : NULL; p; p = strchr(p + 1, '/'))
        if (strlen(p) > 9 && p[5] == '/' && p[8] == '/'
            && strspn(p + 1, "0123456789") == 4
            && strspn(p + 6, "0123456789") == 2) {
            memcpy(out, p + 1, 4);
            out[4] = '-';
            memcpy(out + 5, p + 6, 2);
            out[7] = '\0';
            return 1;
        }
    return 0;
}

/* timeline.incident from incident.detected, else source.published (the
 * earlier one when both are known: an incident precedes its disclosure),
 * else a date of the document. */
static json_t *timeline(const json_t *rec, struct jaen_doc *doc)
{
    const char *det = pstr(rec, "incident", "detected", NULL);
    const char *pub = pstr(rec, "source", "published", NULL);
    const char *d = det ? det : pub;
    int y = 0, m = 0, day = 0, i;
    char buf[11];
    json_t *inc;

    if (det && pub && strcmp(det, pub) > 0)
        d = pub;
    if (!d && doc_date(rec, doc, buf))
        d = buf;
    if (!d || strlen(d) < 4 || strspn(d, "0123456789") < 4)
        return NULL;
    for (i = 0; i < 4; i++)
        y = y * 10 + (d[i] - '0');
    if (strlen(d) >= 7)
        m = (d[5] - '0') * 10 + (d[6] - '0');
    if (strlen(d) >= 10)
        day = (d[8] - '0') * 10 + (d[9] - '0');
    inc = json_pack("{s:i}", "year", y);
    if (inc && m >= 1 && m <= 12)
        json_object_set_new(inc, "month", json_integer(m));
    if (inc && m >= 1 && m <= 12 && day >= 1 && day <= 31)
        json_object_set_new(inc, "day", json_integer(day));
    return json_pack("{s:o}", "incident", inc);
}

/* victim: Japan; the industry and government level from the legal form or
 * the kind of body in the organization's name, else unknown. */
static json_t *victim(const json_t *rec)
{
    static const struct {
        const char *cue;
        int suffix;         /* 1: the name must end with cue */
        const char *naics;  /* NAICS 2017 sector or subsector */
        const char *gov;
    } rules[] = {
        {"教育委員会", 0, "92", "Local"}, {"役場", 1, "92", "Local"},
        {"市役所", 1, "92", "Local"}, {"市", 1, "92", "Local"},
        {"町", 1, "92", "Local"}, {"村", 1, "92", "Local"},
        {"区", 1, "92", "Local"}, {"県", 1, "92", "Local"},
        {"都", 1, "92", "Local"}, {"府", 1, "92", "Local"},
        {"病院", 0, "622", "NA"}, {"医療法人", 0, "62", "NA"},
        {"クリニック", 0, "621", "NA"}, {"診療所", 0, "621", "NA"},
        {"大学", 0, "611", "NA"}, {"学園", 0, "611", "NA"},
        {"学校", 0, "611", "NA"}, {"学院", 0, "611", "NA"},
        {"信用金庫", 0, "522", "NA"}, {"信用組合", 0, "522", "NA"},
        {"銀行", 0, "522", "NA"}, {"証券", 0, "523", "NA"},
        {"保険", 0, "524", "NA"}, {"協会", 0, "813", "NA"},
    };
    const char *org = pstr(rec, "source", "organization", "ja");
    const char *naics = JAEN_VERIS_INDUSTRY_UNKNOWN, *gov = "NA";
    size_t i, ol = org ? strlen(org) : 0;

    for (i = 0; org && i < sizeof(rules) / sizeof(rules[0]); i++) {
        size_t cl = strlen(rules[i].cue);
        if (rules[i].suffix ? ol >= cl && strcmp(org + ol - cl,
                                                  rules[i].cue) == 0
                            : shas(org, rules[i].cue)) {
            naics = rules[i].naics;
            gov = rules[i].gov;
            break;
        }
    }
    return json_pack("{s:[s],s:s,s:s,s:[s]}", "country", "JP",
                     "employee_count", "Unknown", "industry", naics,
                     "government", gov);
}

static const char *const web_cues[] = {
    "サイト", "ウェブ", "Web", "WEB", "web", "ホームページ", NULL};

/* hacking.variety and vector from the words of the title and cause. */
static json_t *hacking(const struct vtext *t, const json_t *rec)
{
    static const char *const vuln[] = {"脆弱性", "ゼロデイ", NULL};
    static const char *const sqli[] = {"SQLインジェクション", NULL};
    static const char *const brute[] = {"総当たり", "ブルートフォース",
                                        "パスワードスプレー", NULL};
    static const char *const creds[] = {"リスト型", "なりすましログイン",
                                        "不正ログイン", NULL};
    static const char *const vpn[] = {"VPN", NULL};
    static const char *const rdp[] = {"リモートデスクトップ", "RDP", NULL};
    const char *variety = "Unknown", *vector = "Unknown";

    if (has_type(rec, "ddos"))
        variety = "DoS";
    else if (tc_any(t, sqli))
        variety = "SQLi";
    else if (tc_any(t, vuln))
        variety = "Exploit vuln";
    else if (tc_any(t, brute))
        variety = "Brute force";
    else if (tc_any(t, creds))
        variety = "Use of stolen creds";
    if (tc_any(t, vpn))
        vector = "VPN";
    else if (tc_any(t, rdp))
        vector = "Desktop sharing software";
    else if (has_type(rec, "web_tampering") || tc_any(t, web_cues))
        vector = "Web application";
    return vv(variety, vector);
}

/* Lost (紛失) or stolen (盗難): error Loss or physical Theft. */
static int stolen(const struct vtext *t)
{
    static const char *const theft[] = {"盗難", "盗まれ", "窃盗", "盗取",
                                        NULL};
    size_t i;

    if (tc_any(t, theft))
        return 1;
    for (i = 0; i < t->n; i++)
        if (any(t->v[i].s, t->v[i].len, theft))
            return 1;
    return 0;
}

static json_t *action(const json_t *rec, const struct vtext *t)
{
    static const char *const mail[] = {"メール", NULL};
    json_t *a = json_object();

    if (!a)
        return NULL;
    if (has_type(rec, "unauthorized_access") || has_type(rec, "ddos")
        || has_type(rec, "web_tampering"))
        json_object_set_new(a, "hacking", hacking(t, rec));
    if (has_type(rec, "ransomware"))
        json_object_set_new(a, "malware", vv("Ransomware", "Unknown"));
    else if (has_type(rec, "malware"))
        json_object_set_new(a, "malware", vv("Unknown", "Unknown"));
    if (has_type(rec, "phishing"))
        json_object_set_new(a, "social", json_pack(
            "{s:[s],s:[s],s:[s]}", "variety", "Phishing", "vector",
            tc_any(t, mail) ? "Email" : "Unknown", "target", "Unknown"));
    if (has_type(rec, "misdelivery") || has_type(rec, "misconfiguration")
        || (has_type(rec, "loss_theft") && !stolen(t))) {
        json_t *var = json_array();
        if (has_type(rec, "misdelivery"))
            json_array_append_new(var, json_string("Misdelivery"));
        if (has_type(rec, "misconfiguration"))
            json_array_append_new(var, json_string("Misconfiguration"));
        if (has_type(rec, "loss_theft") && !stolen(t))
            json_array_append_new(var, json_string("Loss"));
        json_object_set_new(a, "error", json_pack("{s:o,s:[s]}", "variety",
                                                  var, "vector", "Unknown"));
    }
    if (has_type(rec, "loss_theft") && stolen(t))
        json_object_set_new(a, "physical", vv("Theft", "Unknown"));
    if (has_type(rec, "insider"))
        json_object_set_new(a, "misuse", vv("Unknown", "Unknown"));
    if (json_object_size(a) == 0)
        json_object_set_new(a, "unknown", json_pack(
            "{s:s}", "notes", "The disclosure does not say how the "
            "incident happened."));
    return a;
}

/* actor from the actions: attacks are external, errors and misuse
 * internal (misuse needs an internal or partner actor). */
static json_t *actor(const json_t *act)
{
    json_t *a = json_object();

    if (!a)
        return NULL;
    if (json_object_get(act, "hacking") || json_object_get(act, "malware")
        || json_object_get(act, "social")
        || json_object_get(act, "physical")) {
        const json_t *mw = json_object_get(act, "malware");
        const char *v = json_string_value(
            json_array_get(json_object_get(mw, "variety"), 0));
        int ransom = v && strcmp(v, "Ransomware") == 0;
        json_object_set_new(a, "external", json_pack(
            "{s:[s],s:[s]}", "variety", "Unknown", "motive",
            ransom ? "Financial" : "Unknown"));
    }
    if (json_object_get(act, "misuse"))
        json_object_set_new(a, "internal", json_pack(
            "{s:[s],s:[s]}", "variety", "Unknown", "motive", "Unknown"));
    else if (json_object_get(act, "error"))
        json_object_set_new(a, "internal", json_pack(
            "{s:[s],s:[s]}", "variety", "Unknown", "motive", "NA"));
    if (json_object_size(a) == 0)
        json_object_set_new(a, "unknown", json_pack(
            "{s:s}", "notes", "The disclosure does not name who caused "
            "the incident."));
    return a;
}

/* asset.assets from the glossary's system.* concepts in the document's
 * terms; asset.cloud from system.cloud. */
static json_t *asset(struct jaen_doc *doc, const json_t *rec,
                     const struct vtext *t)
{
    static const char *const map[][2] = {
        {"system.ec_site", "S - Web application"},
        {"system.website", "S - Web application"},
        {"system.web_server", "S - Web application"},
        {"system.cms", "S - Web application"},
        {"system.form", "S - Web application"},
        {"system.database", "S - Database"},
        {"system.file_server", "S - File"},
        {"system.mail_server", "S - Mail"},
        {"system.email", "S - Mail"},
        {"system.email_account", "S - Mail"},
        {"system.backup", "S - Backup"},
        {"system.active_directory", "S - Directory"},
        {"system.vpn", "S - Remote access"},
        {"system.remote_access", "S - Remote access"},
        {"system.rdp", "S - Remote access"},
        {"system.virtualization", "S - VM host"},
        {"system.server", "S - Unknown"},
        {"system.storage", "N - NAS"},
        {"system.firewall", "N - Firewall"},
        {"system.network_device", "N - Router or switch"},
        {"system.pc", "U - Desktop or laptop"},
        {"system.endpoint", "U - Desktop or laptop"},
        {"system.mobile", "U - Mobile phone"},
        {"system.removable_media", "M - Flash drive"},
        {"system.fax", "M - Fax"},
        {"system.pos", "U - POS terminal"},
        {"system.printer", "U - Peripheral"},
    };
    /* words that name the channel of a notice, not an affected asset */
    static const char *const skip[] = {"電子メール", "メールマガジン",
                                       "メールセキュリティサービス", "端末",
                                       NULL};
    json_t *terms = doc ? jaen_doc_get(doc, JAEN_F_TERMS, NULL) : NULL;
    json_t *vars = json_array(), *assets = json_array(), *x;
    const char *cloud = "Unknown";
    size_t i, k;

    if (!vars || !assets) {
        json_decref(vars);
        json_decref(assets);
        return NULL;
    }
    json_array_foreach(terms, i, x) {
        const char *c = json_string_value(json_object_get(x, "concept"));
        const char *e = json_string_value(json_object_get(x, "entry"));
        size_t j;
        if (!c)
            continue;
        for (j = 0; e && skip[j] && strcmp(e, skip[j]); j++)
            ;
        if (e && skip[j])
            continue;
        if (strcmp(c, "system.cloud") == 0)
            cloud = "External Cloud Asset(s)";
        for (k = 0; k < sizeof(map) / sizeof(map[0]); k++)
            if (strcmp(c, map[k][0]) == 0)
                add_uniq(vars, map[k][1]);
    }
    if (json_array_size(vars) == 0 && (has_type(rec, "web_tampering")
                                       || tc_any(t, web_cues)))
        add_uniq(vars, "S - Web application");
    if (json_array_size(vars) == 0)
        add_uniq(vars, "Unknown");
    json_array_foreach(vars, i, x)
        json_array_append_new(assets, json_pack("{s:O}", "variety", x));
    json_decref(vars);
    return json_pack("{s:o,s:[s]}", "assets", assets, "cloud", cloud);
}

enum disclosure { D_UNKNOWN, D_POTENTIALLY, D_YES };

/* data_disclosure from the sentences that speak of a leak: おそれ or 可能性
 * make it Potentially; a leak stated as done (流出しました) makes it Yes;
 * a denial (確認されておりません) or an open question (有無, 調査中)
 * decides nothing.  A Yes anywhere wins over a Potentially. */
static enum disclosure classify(const char *s, size_t len)
{
    static const char *const leak[] = {"漏えい", "漏洩", "流出", "漏れ",
                                       "持ち出", "窃取", "閲覧された",
                                       "閲覧可能", NULL};
    static const char *const maybe[] = {"おそれ", "恐れ", "可能性", "懸念",
                                        "恐らく", NULL};
    static const char *const open[] = {"有無", "かどうか", "調査中",
                                       "調査を", "確認中", "ないか", "次第",
                                       "場合", NULL};
    static const char *const neg[] = {"ません", "ない", "なし", "無い",
                                      "されず", "ございませ", "防止",
                                      "対策", "おりませ", NULL};
    static const char *const done[] = {"ました", "した。", "された", "判明",
                                       NULL};

    if (!any(s, len, leak))
        return D_UNKNOWN;
    if (any(s, len, maybe))
        return D_POTENTIALLY;
    if (any(s, len, open) || any(s, len, neg))
        return D_UNKNOWN;
    return any(s, len, done) ? D_YES : D_UNKNOWN;
}

static const char *disclosure(const struct vtext *t)
{
    enum disclosure d = D_UNKNOWN, c;
    size_t i;

    for (i = 0; i < t->n; i++) {
        c = classify(t->v[i].s, t->v[i].len);
        if (c > d)
            d = c;
    }
    if (t->n == 0) {
        c = classify(t->title, strlen(t->title));
        d = c > d ? c : d;
        c = classify(t->cause, strlen(t->cause));
        d = c > d ? c : d;
    }
    return d == D_YES ? "Yes" : d == D_POTENTIALLY ? "Potentially"
                                                   : "Unknown";
}

/* data varieties of the record's data items (incident_count.c names). */
static const char *variety_of(const char *item)
{
    static const char *const map[][2] = {
        {"credit_card_number", "Payment"}, {"card_expiry", "Payment"},
        {"security_code", "Payment"}, {"card_holder_name", "Payment"},
        {"login_id", "Credentials"}, {"password", "Credentials"},
        {"bank_account", "Bank"}, {"health_info", "Medical"},
        {"other", "Other"},
    };
    size_t i;

    for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (strcmp(item, map[i][0]) == 0)
            return map[i][1];
    return "Personal";      /* name, address, phone, email, my_number, ... */
}

/* The largest count of people or records, or -1. */
static json_int_t data_total(const json_t *rec)
{
    const json_t *counts = path(rec, "impact", "counts"), *c;
    json_int_t best = -1;
    size_t i;

    json_array_foreach(counts, i, c) {
        const char *u = json_string_value(json_object_get(c, "unit"));
        const json_t *v = json_object_get(c, "value");
        if (!u || !json_is_integer(v)
            || (strcmp(u, "person") && strcmp(u, "record")))
            continue;
        if (json_integer_value(v) > best)
            best = json_integer_value(v);
    }
    return best;
}

/* Whose data: from the subjects of the counts and the title. */
static json_t *data_victim(const json_t *rec)
{
    static const struct {
        const char *cue;
        const char *victim;
    } map[] = {
        {"お客", "Customer"}, {"顧客", "Customer"}, {"会員", "Customer"},
        {"利用者", "Customer"}, {"ユーザー", "Customer"},
        {"患者", "Patient"}, {"学生", "Student"}, {"生徒", "Student"},
        {"児童", "Student"}, {"従業員", "Employee"}, {"社員", "Employee"},
        {"職員", "Employee"}, {"取引先", "Partner"},
    };
    const json_t *counts = path(rec, "impact", "counts"), *c;
    const char *title = pstr(rec, "source", "title", "ja");
    json_t *out = json_array();
    size_t i, k;

    json_array_foreach(counts, i, c) {
        const char *s = pstr(c, "subject", "ja", NULL);
        for (k = 0; s && k < sizeof(map) / sizeof(map[0]); k++)
            if (shas(s, map[k].cue))
                add_uniq(out, map[k].victim);
    }
    for (k = 0; title && k < sizeof(map) / sizeof(map[0]); k++)
        if (shas(title, map[k].cue))
            add_uniq(out, map[k].victim);
    if (out && json_array_size(out) == 0)
        add_uniq(out, "Unknown");
    return out;
}

static json_t *confidentiality(const json_t *rec, const struct vtext *t)
{
    const json_t *items = path(rec, "impact", "data_items"), *x;
    json_t *c, *data = json_array(), *vars = json_array();
    json_int_t total = data_total(rec);
    size_t i;

    c = json_pack("{s:s}", "data_disclosure", disclosure(t));
    if (!c || !data || !vars) {
        json_decref(c);
        json_decref(data);
        json_decref(vars);
        return NULL;
    }
    json_array_foreach(items, i, x)
        if (json_is_string(x))
            add_uniq(vars, variety_of(json_string_value(x)));
    if (json_array_size(vars) == 0
        && (has_type(rec, "data_leak") || total >= 0))
        add_uniq(vars, "Unknown");
    json_array_foreach(vars, i, x) {
        json_t *d = json_pack("{s:O}", "variety", x);
        /* an amount only when it is clear which data the count is of */
        if (d && total >= 0 && json_array_size(vars) == 1)
            json_object_set_new(d, "amount", json_integer(total));
        json_array_append_new(data, d);
    }
    json_decref(vars);
    if (total >= 0)
        json_object_set_new(c, "data_total", json_integer(total));
    if (json_array_size(data) > 0) {
        json_object_set_new(c, "data", data);
        json_object_set_new(c, "data_victim", data_victim(rec));
    } else {
        json_decref(data);
    }
    return c;
}

/* attribute: confidentiality always (a Confirmed incident needs an
 * attribute); integrity for malware and social actions; availability for
 * ransomware, outages and DoS. */
static json_t *attribute(const json_t *rec, const json_t *act,
                         const struct vtext *t)
{
    json_t *a = json_pack("{s:o}", "confidentiality",
                          confidentiality(rec, t));
    json_t *integ = json_array(), *avail = json_array();

    if (!a || !integ || !avail) {
        json_decref(a);
        json_decref(integ);
        json_decref(avail);
        return NULL;
    }
    if (json_object_get(act, "malware"))
        add_uniq(integ, "Software installation");
    if (json_object_get(act, "social"))
        add_uniq(integ, "Alter behavior");
    if (has_type(rec, "web_tampering"))
        add_uniq(integ, "Modify data");
    if (has_type(rec, "ransomware"))
        add_uniq(avail, "Obscuration");
    if (has_type(rec, "system_outage") || has_type(rec, "ddos"))
        add_uniq(avail, "Interruption");
    if (json_array_size(integ))
        json_object_set_new(a, "integrity", json_pack("{s:O}", "variety",
                                                      integ));
    if (json_array_size(avail))
        json_object_set_new(a, "availability", json_pack("{s:O}", "variety",
                                                         avail));
    json_decref(integ);
    json_decref(avail);
    return a;
}

/* discovery_method: the first sentence that says how the incident came to
 * light and who told; else unknown. */
static json_t *discovery(const struct vtext *t)
{
    static const char *const cue[] = {"受け", "気づ", "気付", "発見", "検知",
                                      "判明", "発覚", "指摘", "通報", NULL};
    static const struct {
        const char *const who[4];
        const char *side;
        const char *variety;
    } rules[] = {
        {{"警察から", "警察より", "警視庁から", "県警から"}, "external",
         "Law enforcement"},
        {{"カード会社から", "カード会社より", "決済代行会社から",
          "決済代行会社より"}, "external", "Fraud detection"},
        {{"研究者から", "研究者より", "ホワイトハッカー", NULL},
         "external", "Security researcher"},
        {{"お客様から", "お客さまから", "顧客から", "利用者から"},
         "external", "Customer"},
        {{"第三者から", "外部機関から", "第三者より", "外部機関より"},
         "external", "Unrelated 3rd party"},
        {{"委託先から", "取引先から", "委託先より", "保守業者から"},
         "partner", "Monitoring service"},
        {{"アクセスログ", "ログを確認", "ログの調査", "ログを調査"},
         "internal", "Log review"},
        {{"従業員が", "社員が", "職員が", "担当者が"}, "internal",
         "Reported by employee"},
    };
    size_t i, k, j;

    for (i = 0; i < t->n; i++) {
        if (!any(t->v[i].s, t->v[i].len, cue))
            continue;
        for (k = 0; k < sizeof(rules) / sizeof(rules[0]); k++)
            for (j = 0; j < 4 && rules[k].who[j]; j++)
                if (has(t->v[i].s, t->v[i].len, rules[k].who[j]))
                    return json_pack("{s:{s:[s]}}", rules[k].side,
                                     "variety", rules[k].variety);
    }
    return json_pack("{s:b}", "unknown", 1);
}

/* ---- the English summary ---- */

static void add_list(struct jaen_buf *b, const char *const *names, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (i > 0)
            jaen_buf_adds(b, i + 1 == n ? " and " : ", ");
        jaen_buf_adds(b, names[i]);
    }
}

static const char *type_en(const char *t)
{
    static const char *const map[][2] = {
        {"unauthorized_access", "unauthorized access"},
        {"ransomware", "a ransomware infection"},
        {"malware", "a malware infection"}, {"data_leak", "a data leak"},
        {"phishing", "phishing"}, {"web_tampering", "website tampering"},
        {"misdelivery", "misdelivery"},
        {"misconfiguration", "a misconfiguration"},
        {"loss_theft", "loss or theft of a device or documents"},
        {"insider", "insider misuse"}, {"system_outage", "a system outage"},
        {"ddos", "a DDoS attack"},
        {"third_party", "an incident at a contractor or service provider"},
    };
    size_t i;

    for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (strcmp(t, map[i][0]) == 0)
            return map[i][1];
    return NULL;
}

static const char *item_en(const char *item)
{
    static const char *const map[][2] = {
        {"name", "names"}, {"address", "addresses"},
        {"postal_code", "postal codes"}, {"phone", "phone numbers"},
        {"email", "email addresses"}, {"birth_date", "dates of birth"},
        {"age", "ages"}, {"gender", "genders"},
        {"company_name", "company names"}, {"job_title", "job titles"},
        {"department", "departments"}, {"login_id", "login IDs"},
        {"password", "passwords"},
        {"credit_card_number", "credit card numbers"},
        {"card_expiry", "card expiry dates"},
        {"security_code", "card security codes"},
        {"card_holder_name", "cardholder names"},
        {"bank_account", "bank account details"},
        {"purchase_history", "purchase histories"},
        {"order_info", "order details"}, {"shareholding", "shareholdings"},
        {"employee_id", "employee IDs"}, {"my_number", "My Number IDs"},
        {"health_info", "health information"},
        {"id_document", "identity documents"}, {"photo", "photographs"},
        {"ip_address", "IP addresses"}, {"other", "other data"},
    };
    size_t i;

    for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (strcmp(item, map[i][0]) == 0)
            return map[i][1];
    return NULL;
}

static int summary(const json_t *rec, const char *disc, struct jaen_buf *b)
{
    const json_t *types = path(rec, "incident", "types");
    const json_t *items = path(rec, "impact", "data_items"), *x;
    const char *org = pstr(rec, "source", "organization", "en");
    const char *title = pstr(rec, "source", "title", "en");
    const char *pub = pstr(rec, "source", "published", NULL);
    const char *det = pstr(rec, "incident", "detected", NULL);
    const char *names[32];
    json_int_t total = data_total(rec);
    size_t i, n = 0;

    json_array_foreach(types, i, x)
        if (n < 32 && json_is_string(x) && type_en(json_string_value(x)))
            names[n++] = type_en(json_string_value(x));
    if (n == 0)
        jaen_buf_adds(b, "A security incident");
    else {
        add_list(b, names, n);
        b->ptr[0] = (char)(b->ptr[0] - ('a' <= b->ptr[0] && b->ptr[0] <= 'z'
                                        ? 32 : 0));
    }
    jaen_buf_addf(b, " at %s", org && *org ? org : "a Japanese organization");
    if (pub)
        jaen_buf_addf(b, ", disclosed on %s", pub);
    jaen_buf_adds(b, ".");
    if (det)
        jaen_buf_addf(b, " Detected on %s.", det);
    if (title && *title)
        jaen_buf_addf(b, " Title: %s", title);
    n = 0;
    json_array_foreach(items, i, x)
        if (n < 32 && json_is_string(x) && item_en(json_string_value(x)))
            names[n++] = item_en(json_string_value(x));
    if (n > 0) {
        jaen_buf_adds(b, " Data involved: ");
        add_list(b, names, n);
        jaen_buf_adds(b, ".");
    }
    if (total >= 0)
        jaen_buf_addf(b, " Largest count of affected people or records: "
                      "%lld.", (long long)total);
    if (strcmp(disc, "Potentially") == 0)
        jaen_buf_adds(b, " The organization says the data may have "
                      "leaked.");
    else if (strcmp(disc, "Yes") == 0)
        jaen_buf_adds(b, " The organization says the data leaked.");
    return b->ptr ? JAEN_OK : JAEN_ENOMEM;
}

/* ---- the record ---- */

int jaen_veris_build(const json_t *rec, struct jaen_doc *doc, json_t **out,
                     struct jaen_err *err)
{
    const char *id = json_string_value(json_object_get(rec, "id"));
    const char *url = pstr(rec, "source", "url", NULL);
    const char *title = pstr(rec, "source", "title", "ja");
    const char *cause = pstr(rec, "incident", "cause", "ja");
    static const char *const parts[] = {"victim", "action", "actor", "asset",
                                        "attribute", "discovery_method",
                                        "impact", NULL};
    const char *const *k;
    struct vtext t;
    struct jaen_buf b;
    char uuid[37];
    json_t *v = NULL, *act;
    const json_t *conf;
    int rc;

    *out = NULL;
    if (!json_is_object(rec) || !id || json_object_get(rec, "error")
        || !json_is_object(json_object_get(rec, "incident")))
        return jaen_err_set(err, JAEN_EDATA, "not a %s record",
                            JAEN_INCIDENT_SCHEMA);
    t.title = title ? title : "";
    t.cause = cause ? cause : "";
    if (load_text(&t, doc))
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    jaen_buf_init(&b, 1 << 20);
    rc = jaen_buf_adds(&b, "jaen:incident:") || jaen_buf_adds(&b, id)
             ? JAEN_ENOMEM : JAEN_OK;
    if (!rc)
        jaen_veris_uuid5(b.ptr, b.len, uuid);
    act = rc ? NULL : action(rec, &t);
    if (act)
        v = json_pack("{s:s,s:s,s:s,s:s,s:s}", "schema_version",
                      JAEN_VERIS_SCHEMA_VERSION, "incident_id", uuid,
                      "source_id", "jaen", "security_incident",
                      json_array_size(path(rec, "incident", "types"))
                          ? "Confirmed" : "Suspected",
                      "summary", "");
    if (v) {
        if (url && *url)
            json_object_set_new(v, "reference", json_string(url));
        json_object_set_new(v, "timeline", timeline(rec, doc));
        json_object_set_new(v, "victim", victim(rec));
        json_object_set_new(v, "action", json_incref(act));
        json_object_set_new(v, "actor", actor(act));
        json_object_set_new(v, "asset", asset(doc, rec, &t));
        json_object_set_new(v, "attribute", attribute(rec, act, &t));
        json_object_set_new(v, "discovery_method", discovery(&t));
        json_object_set_new(v, "impact",
                            json_pack("{s:s}", "overall_rating", "Unknown"));
        conf = path(v, "attribute", "confidentiality");
        jaen_buf_reset(&b);
        if (conf && !summary(rec, json_string_value(json_object_get(
                                      conf, "data_disclosure")), &b))
            json_object_set_new(v, "summary", json_string(b.ptr));
        else
            rc = JAEN_ENOMEM;
    }
    for (k = parts; v && !rc && *k; k++)
        if (!json_object_get(v, *k))
            rc = JAEN_ENOMEM;   /* a part failed to allocate */
    json_decref(act);
    jaen_buf_free(&b);
    jaen_free(t.v);
    if (!v || rc) {
        json_decref(v);
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    }
    *out = v;
    return JAEN_OK;
}

int jaen_veris_write(const json_t *rec, struct jaen_doc *doc,
                     struct jaen_buf *out, struct jaen_err *err)
{
    json_t *v = NULL;
    int rc;

    if (rec)
        rc = jaen_veris_build(rec, doc, &v, err);
    else
        rc = jaen_incident_error_record(doc, &v)
                 ? jaen_err_set(err, JAEN_ENOMEM, "out of memory") : 0;
    if (rc)
        return rc;
    rc = jaen_json_dump(v, out);
    if (!rc)
        rc = jaen_buf_addc(out, '\n');
    json_decref(v);
    if (rc)
        return jaen_err_set(err, rc, "%s", jaen_strstatus(rc));
    return JAEN_OK;
}

/* test_incident_items.c: the data items and counts of the incident record
 * on documents built by the real segmenter, normalizer and glossary (the
 * data_item.* entries of dict/src/data_items.tsv, compiled in memory), so
 * that the glossary's mapping and the extractor's context rules are tested
 * together. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "dictsrc.h"
#include "doc.h"
#include "gloss.h"
#include "incident.h"
#include "md.h"
#include "norm.h"
#include "seg.h"

#include "gloss_fixture.h"

#define DATA_ITEMS JAEN_SOURCE_DIR "/dict/src/data_items.tsv"

static struct jaen_gloss *glossary;

static int setup(void **state)
{
    struct jaen_dictsrc *ds = jaen_dictsrc_new();
    struct jaen_err err;
    int rc;

    (void)state;
    jaen_err_clear(&err);
    rc = !ds || jaen_dictsrc_load(ds, DATA_ITEMS, JAEN_DICT_AUTO, 0, &err)
        || gloss_of(ds, "items", &glossary, &err);
    jaen_dictsrc_free(ds);
    return rc ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    jaen_gloss_close(glossary);
    return 0;
}

/* Segments, normalizes and glosses the body (archive Markdown under a
 * fixed meta block), then builds its record. */
static json_t *record_of(const char *body)
{
    static const char *const head =
        "# 公表概要\n- 不正アクセスに関するお知らせ\n- 2025年6月2日\n"
        "- 株式会社テスト商事\n- https://example.jp/n\n\n# 本文\n";
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_seg *seg = NULL;
    struct jaen_incident *ix = NULL;
    struct jaen_err err = {0};
    struct jaen_buf md;
    json_t *rec = NULL;

    jaen_buf_init(&md, (size_t)1 << 20);
    assert_int_equal(jaen_buf_adds(&md, head), 0);
    assert_int_equal(jaen_buf_adds(&md, body), 0);
    assert_non_null(doc);
    assert_int_equal(jaen_md_parse(md.ptr, md.len, "t.md", doc, &err), 0);
    assert_int_equal(jaen_seg_open(&seg, &err), 0);
    assert_int_equal(jaen_seg_doc(seg, doc, &err), 0);
    assert_int_equal(jaen_normalize_doc(doc, NULL, &err), 0);
    assert_int_equal(jaen_gloss_doc(glossary, doc, &err), 0);
    assert_int_equal(jaen_incident_open(NULL, &ix, &err), 0);
    assert_int_equal(jaen_incident_record(ix, doc, &rec, &err), 0);
    jaen_incident_close(ix);
    jaen_seg_close(seg);
    jaen_doc_free(doc);
    jaen_buf_free(&md);
    return rec;
}

/* The record's data items joined with spaces, into out[size]. */
static const char *items_of(const char *body, char *out, size_t size)
{
    json_t *rec = record_of(body);
    const json_t *items = json_object_get(json_object_get(rec, "impact"),
                                          "data_items");
    size_t i, at = 0;

    out[0] = '\0';
    for (i = 0; i < json_array_size(items); i++) {
        const char *s = json_string_value(json_array_get(items, i));
        size_t l = strlen(s);
        assert_true(at + l + 2 < size);
        if (at)
            out[at++] = ' ';
        memcpy(out + at, s, l + 1);
        at += l;
    }
    json_decref(rec);
    return out;
}

#define ITEMS(body, want)                                                   \
    do {                                                                    \
        char got_[512];                                                     \
        assert_string_equal(items_of(body, got_, sizeof(got_)), want);      \
    } while (0)

/* PDF text with Kangxi radicals (⽒ U+2F52, ⾝ U+2FDD) reads as the
 * ordinary kanji. */
static void test_kangxi_radicals(void **state)
{
    (void)state;
    ITEMS("漏えいのおそれがある情報は、\xE2\xBD\x92名、\xE2\xBE\x9D"
          "分証の写しです。\n", "name id_document");
}

/* A heading that speaks of exposure introduces the list under it, though
 * it names no section the view knows (情報, 項目, …). */
static void test_heading_introduces_list(void **state)
{
    (void)state;
    ITEMS("## 漏えいのおそれがある個人データ\n- 氏名\n- 電話番号\n",
          "name phone");
    /* through a sub-heading that names no section, down to a table */
    ITEMS("### 漏洩のおそれがある個人データ\n#### ①お取引先さま：12名\n"
          "|項目|対象|\n|---|---|\n|氏名|〇|\n|会社名|〇|\n",
          "name company_name");
    /* sibling headings that name the people and their number keep it
     * open too */
    ITEMS("### (2)個人情報漏洩の可能性があるお客様\n対象のお客様は以下の"
          "とおりです。\n### 【2025年7月13日~14日の期間中にクレジットカード"
          "決済をされたお客様9名】\n- クレジットカード番号\n- 有効期限\n"
          "- セキュリティコード\n",
          "credit_card_number card_expiry security_code");
    /* a heading deeper than the data section's keeps it open, whatever
     * it names; under a heading that titles the notice it does not */
    ITEMS("## 漏えいのおそれがある情報\n### 【検体検査】\n#### 〈職員に関する"
          "情報〉\n職員ID、氏名\n### 【看護キャリア支援システム】\n"
          "- ユーザー情報（ユーザーID、パスワード、部署）\n",
          "name department login_id password employee_id");
    ITEMS("## 情報漏洩の可能性に関する調査結果のご報告\n### ＜調査結果＞\n"
          "サーバーがランサムウェアに感染しました。\n### ＜当社の対応＞\n"
          "- 本人確認書類の提出をお願いしております。\n", "");
    /* sub-headings that only name the people, after prose under the
     * data section's heading, keep it open; readers asked to beware
     * under 「お客様へのお願い」 do not */
    ITEMS("## 漏洩した可能性がある個人情報\n以下の個人情報が漏洩した可能性が"
          "あることを確認しております。\n### お客様\n氏名、会社名\n"
          "### 当社従業員※2\n氏名、役職\n", "name company_name job_title");
    ITEMS("## 漏洩した可能性がある個人情報\n氏名\n## お客様へのお願い\n"
          "クレジットカード情報の入力を求める不審なメールにご注意ください。"
          "\n", "name");
    /* a heading named by its head noun, though it says 状況; lines of
     * people and their data under it; data reachable by an outsider */
    ITEMS("### 【外部者がアクセス可能な状況となった個人情報】６月３日現在\n"
          "①生徒１，８０３人分：\n\n◆生徒全員……氏名、住所\n\n"
          "②教職員６０人分：氏名、年齢\n", "name address age");
    ITEMS("## 【漏えいのおそれのあるデータ】\n卒業アルバムに掲載された児童の"
          "氏名および写真です。\n", "name photo");
    /* a caption over the line below it */
    ITEMS("順次ご連絡を進めています。\n漏洩の恐れがある個人情報\n"
          "写真及び氏名\n", "name photo");
    ITEMS("順次ご連絡を進めています。\n本市が保有する個人情報\n"
          "写真及び氏名\n", "");
    /* a caption in 【】; data the attacker encrypted was within its
     * reach, data encrypted to protect it was not exposed for that */
    ITEMS("- 過去に勤務されていた方\n個人情報が暗号化されておりました。\n"
          "【暗号化された情報】\n氏名、住所、持株数、配当額\n",
          "name address shareholding");
    ITEMS("お客様のカード番号は暗号化されており安全です。\n"
          "【対応状況】\n氏名、住所\n", "");
    /* a what-if, steps to follow, a mail that will be sent: no data
     * exposed */
    ITEMS("これによりメールアドレスやパスワード流出があっても、セキュリティ"
          "を強化することができます。\n", "");
    ITEMS("各項目を以下のように入力し、[追加]ボタンを押します。\n"
          "・アカウント：任意の名前を入力\n", "");
    ITEMS("ログインした場合、件名のメールが登録メールアドレスに送信されます"
          "。\n", "");
    ITEMS("お客様のメールアドレスが第三者に送信されました。\n", "email");
    /* a password abused to get in is the way in, not data exposed */
    ITEMS("調査の結果、テスト用に作成していたメールアカウントのパスワードを"
          "不正利用してログインし、スパムメールが送信されていたことが判明し"
          "た。\n", "");
    /* one introduction over sub-lists split by periods */
    ITEMS("漏洩した可能性のある情報は以下のとおりです。\n"
          "2024年1月1日～2024年5月31日\n- カード名義\n- 有効期限\n"
          "2024年6月1日～2024年7月1日\n- セキュリティコード\n",
          "card_expiry security_code card_holder_name");
    /* a line that describes the people, not their data */
    ITEMS("漏えいの可能性があるのは、以下のお客様の情報です。\n"
          "- 年間パスポートのご購入履歴のあるお客様\n", "");
    /* a heading that does not speak of exposure does not */
    ITEMS("## 会員サービスのご案内\n- 氏名\n- 電話番号\n", "");
    /* nor one, or an introduction, that denies it */
    ITEMS("## 漏えいした情報\n- 氏名\n### 漏洩していない情報\n- 住所\n"
          "- 銀行口座情報\n", "name");
    /* 個人データ names a data section, as 情報 does */
    ITEMS("## ＜漏えい等が発生、またはそのおそれがある個人データ＞\n"
          "メールアドレス、氏名、電話番号\n", "name phone email");
    /* nor do its sub-headings, which name no section of their own */
    ITEMS("## ■流出した可能性のある情報\n### 会員様\n氏名、電話番号\n"
          "### 取引先様\n住所\n", "name address phone");
    ITEMS("## ■流出した可能性のある情報\n氏名\n## 今後の予定\n住所を"
          "確認します。\n", "name");
    /* captions of a data section's lists do not end it */
    ITEMS("## ＜漏洩した可能性がある個人情報＞\n●お客様に関連する情報\n\n"
          "【氏名・性別・住所】\n\n【電話番号】\n", "name address phone gender");
    ITEMS("## 外部からのアクセスがなかったことを確認している情報\n"
          "以下の情報は社外へ流出していないことを確認しております。\n"
          "- クレジットカード情報\n- マイナンバーや住所\n", "");
    ITEMS("漏えいした情報は氏名です。\n※以下の情報は含まれておりません。\n"
          "金融機関口座情報、クレジットカード情報\n", "name");
}

/* A ※ note's denial is about the data after the mark only. */
static void test_note_denial(void **state)
{
    (void)state;
    ITEMS("漏えいした可能性がある情報は、氏名／電話番号 "
          "※クレジットカード情報は含まれておりません。\n", "name phone");
    ITEMS("流出した可能性がありますが、セキュリティコードはサーバーに"
          "保存されておらず、取得できない仕様です。\n", "");
    ITEMS("漏えいのおそれがあるデータには、氏名は含まれません。\n", "");
    ITEMS("漏えいしたおそれのあるメールには、住所や電話番号は記載されて"
          "いません。\n", "");
    ITEMS("漏えいした可能性のある個人情報にクレジットカード情報は含みません。"
          "\n", "");
    /* a denial in a bracket is about the data in it */
    ITEMS("漏えいのおそれがある情報は、氏名、銀行口座番号（暗証番号は"
          "含みません）です。\n", "name bank_account");
    /* a finding of no leak denies the data named before it */
    ITEMS("現時点で、お客様のメールアドレスの漏えいの事実は確認されて"
          "おりません。\n", "");
    ITEMS("当社のメール本文が外部に漏えいしたとの報告は受けておりません。\n",
          "");
    ITEMS("クレジットカード情報は非保持とする仕組みのため、漏えいの可能性は"
          "ございません。\n", "");
    ITEMS("漏えいした可能性があるのは従業員IDです。※パスワード、メール本文の"
          "漏えいはありません。\n", "employee_id");
    ITEMS("パスワードに漏えいの可能性があるものの、メール本文の漏えいは"
          "ないとの説明を受けております。\n", "password");
    ITEMS("漏えいした可能性がある情報は氏名です。なお、ログイン情報"
          "（パスワード）は漏えいしていないことを確認しております。\n",
          "name");
    ITEMS("調査の結果、メールアドレスは外部に流出していません。\n", "");
    /* a question in a FAQ is no statement */
    ITEMS("|情報流出についての質問|回答|\n|---|---|\n"
          "|クレジットカードの情報は含まれますか？|含まれておりません。|\n"
          "|どのような情報が流出しましたか？|氏名と住所が流出した可能性が"
          "あります。|\n", "name address");
    /* credentials leaked elsewhere, tried here: the way in */
    ITEMS("流出した可能性のある情報:弊社以外のサービスから流出した可能性の"
          "あるユーザーID、パスワードを利用したリスト型攻撃\n", "");
    ITEMS("調査の結果、お客様情報及び役職員のメールアドレス、メールの内容等"
          "の漏洩は無かった旨の報告を受けました。\n", "");
    /* but a leak followed by no misuse found is a leak */
    ITEMS("氏名、住所が流出した可能性があり、現在のところ悪用は確認されて"
          "おりません。\n", "name address");
}

/* In a response section only strong exposure wording counts. */
static void test_response_section(void **state)
{
    (void)state;
    ITEMS("## お客さまへの対応\n閲覧された可能性がある項目は、氏名、住所"
          "です。\n", "name address");
    ITEMS("## 再発防止策\n同様の事態が起こりうる可能性に備え、パスワードの"
          "管理を徹底してまいります。\n", "");
}

/* Advice to readers names data that is not said to be exposed. */
static void test_advice(void **state)
{
    (void)state;
    ITEMS("不審なメールを受信された場合は、本文中に記載のURLや添付ファイルを"
          "開かないようお願いいたします。\n", "");
}

/* Credentials of the organization's own management tool are the way in,
 * not data of the people affected; data used to reach people is not
 * exposed. */
static void test_credentials_and_contact(void **state)
{
    (void)state;
    ITEMS("第三者に予約管理システムのログインID・パスワードを窃取されました。"
          "\n閲覧された可能性がある情報は氏名と電話番号です。\n",
          "name phone");
    ITEMS("VPN装置において、その接続パスワードが漏洩し不正利用されたものと"
          "思われます。\n", "");
    ITEMS("第三者が当施設のログインID、パスワードを使用し、不正にログインした"
          "可能性があります。\n", "");
    ITEMS("## 原因\nパスワードが漏洩し、侵入された可能性があります。\n", "");
    ITEMS("会員のログインIDとパスワードが流出した可能性があります。\n",
          "login_id password");
    /* a bare ID named with its password */
    ITEMS("偽のログイン画面にIDとパスワードを入力したため、メールが閲覧された"
          "可能性があります。\n", "login_id password");
    ITEMS("漏えいのおそれがあるお客さまのうち、連絡先が判明している方には"
          "個別にご連絡いたします。\n", "");
    /* the organization's own details are not exposed data */
    ITEMS("漏洩の可能性について、関係部署が連携して調査しております。\n", "");
    ITEMS("当社のメールアドレスを使用して迷惑メールが送信され、漏えいの"
          "可能性を調査しております。\n", "");
    ITEMS("流出した可能性がある情報は、お取引先の氏名、社名です。\n",
          "name company_name");
    ITEMS("## 漏えいした可能性のある情報\n- 氏名\n- 職位（約50名）\n",
          "name job_title");
    ITEMS("## 漏えいした可能性のある情報\n- 株主様の情報（氏名、所有株数等）\n"
          "- 住所、お支払い口座を含むお取引に関する情報\n",
          "name address bank_account shareholding");
    /* a mail account named with its password: its address and login */
    ITEMS("## 漏えいした可能性のある情報\n"
          "- 当該サービスで作成された電子メールのアカウント、パスワード\n",
          "email login_id password");
    /* inquiries as data head no contact section */
    ITEMS("## 外部流出を確認した情報\n### ①お客様からのお問い合わせに関する"
          "一部の情報\n（お客様氏名、電話番号、お問い合わせ内容等）\n"
          "### ②仕入れ先の情報\n（ご担当者様の部門名・氏名等）\n",
          "name phone department other");
    /* a password that protects the data is no datum */
    ITEMS("## 紛失した媒体に保存されていた情報\n"
          "ご担当者名、電話番号を記録したファイルです。\n"
          "媒体にはパスワードによる保護を設定しておりました。\n",
          "name phone");
}

/* A population's information names no kind of data alone, nor as the
 * head of its own list; as one element among kinds of data it is other. */
static void test_population_information(void **state)
{
    (void)state;
    ITEMS("従業員情報や取引先情報等について、漏えいの可能性があります。\n", "");
    ITEMS("漏えいのおそれがあるのは会員登録情報（氏名、住所）です。\n",
          "name address");
    ITEMS("漏えいのおそれがある情報は、氏名・住所・会員情報・配送先住所です。"
          "\n", "name address other");
    /* contact details alike: a kind only among kinds */
    ITEMS("漏えいのおそれがある方のうち、連絡先の判明している方には個別に"
          "連絡済みです。\n", "");
    ITEMS("漏えいのおそれがある情報は、氏名、連絡先です。\n", "name other");
    ITEMS("漏えいのおそれがある情報は、連絡先（電話番号）です。\n", "phone");
    /* a bracket that lists no kind of data heads no list */
    ITEMS("当社のメールデータ（一部）が外部に漏えいした可能性があります。\n",
          "other");
}

/* The glossary's mapping: a company named as affiliation is company_name,
 * policy and membership numbers and school grades are other. */
static void test_item_mapping(void **state)
{
    (void)state;
    ITEMS("流出したおそれがある情報は、氏名、所属会社名、証券番号、会員番号、"
          "学年です。\n", "name company_name other");
    ITEMS("漏えいのおそれがある情報は、氏名、学歴、家族情報です。\n",
          "name other");
    ITEMS("法人に所属する方の氏名、所属企業名が流出した可能性があります。\n",
          "name company_name");
    ITEMS("漏えいした情報は、氏名と預金口座の番号です。\n",
          "name bank_account");
    ITEMS("漏えいした情報は、氏名、予防接種歴です。\n", "name health_info");
    ITEMS("流出したおそれがある情報は、代表者名、事業所名、商品購入情報、"
          "交渉履歴です。\n", "name company_name purchase_history other");
    /* a nickname is no name: other (README) */
    ITEMS("漏えいした可能性のある情報は、メールアドレス、ニックネームです。\n",
          "email other");
    /* a vulnerability assessment (脆弱性診断) is no diagnosis */
    ITEMS("脆弱性診断の過程で、氏名が閲覧された可能性が判明しました。\n",
          "name");
}

/* The record's counts as "value unit[~][<before_dedup]" joined with
 * spaces, into out[size]. */
static const char *counts_of(const char *body, char *out, size_t size)
{
    json_t *rec = record_of(body);
    const json_t *counts = json_object_get(json_object_get(rec, "impact"),
                                           "counts");
    size_t i, at = 0;

    out[0] = '\0';
    for (i = 0; i < json_array_size(counts); i++) {
        const json_t *c = json_array_get(counts, i);
        const json_t *bd = json_object_get(c, "before_dedup");
        int w = snprintf(out + at, size - at, "%s%lld %s%s", at ? " " : "",
                         (long long)json_integer_value(
                             json_object_get(c, "value")),
                         json_string_value(json_object_get(c, "unit")),
                         json_is_true(json_object_get(c, "approx")) ? "~"
                                                                    : "");
        assert_true(w > 0 && (size_t)w < size - at);
        at += (size_t)w;
        if (json_is_integer(bd)) {
            w = snprintf(out + at, size - at, "<%lld",
                         (long long)json_integer_value(bd));
            assert_true(w > 0 && (size_t)w < size - at);
            at += (size_t)w;
        }
    }
    json_decref(rec);
    return out;
}

#define COUNTS(body, want)                                                  \
    do {                                                                    \
        char got_[512];                                                     \
        assert_string_equal(counts_of(body, got_, sizeof(got_)), want);     \
    } while (0)

/* A corrected figure is the count before removing duplicates, and the
 * number of duplicates is no count. */
static void test_corrected_count(void **state)
{
    (void)state;
    COUNTS("漏えいのおそれがあるお客様は169名です。\n"
           "※ご連絡の際に171名とお伝えしておりましたが、重複していた方が"
           "2名おり、正確には169名でした。\n", "169 person<171");
}

/* 約 read across the spaces of PDF text; a figure alone on its line under
 * a 件数 line, though it opens like a numbered heading. */
static void test_count_layout(void **state)
{
    (void)state;
    COUNTS("漏えいのおそれがある情報の件数：約 53,600 件\n",
           "53600 record~");
    COUNTS("- 個人データの件数\n 91名分\n", "91 person");
    /* lines of figures under a heading that names counts */
    COUNTS("## 卒業アルバムを発注していた学校と人数\n第一小学校　58名\n"
           "第二小学校　28名\n", "58 person 28 person");
    /* schools are places, not a count (README) */
    COUNTS("市内の小中学校16校の卒業生の氏名が漏えいした可能性があります。\n"
           "対象者は1,200名です。\n", "1200 person");
    /* a heading that closes with its population's count */
    COUNTS("### 基本情報をご登録いただいたお客様（約31万名）\n"
           "氏名、住所が閲覧された可能性があります。\n", "310000 person~");
    /* a figure inside a heading is none */
    COUNTS("## 3件の不正ログインについて\n詳細を調査しております。\n", "");
    /* PDF spacing cuts a figure from its multiplied counter */
    COUNTS("漏えいした可能性のある個人データは約 137 万件です。\n",
           "1370000 record~");
    COUNTS("被害額は約 4,500 千円です。\n", "4500000 yen~");
    /* a roster's 出席番号 is a field, not a meeting's attendance */
    COUNTS("生徒の氏名と出席番号を記載した名簿（約120名分）を紛失しました。\n",
           "120 person~");
    COUNTS("説明会の出席者30名に謝罪しました。\n", "");
    /* a caption inside a data section does not end it; an investigation
     * team is no population */
    COUNTS("### ＜漏えいのおそれがあるお客様情報＞\n（2025 年 4 月 25 日時点）\n"
           "- 保険のお申し込みをされた方の情報\n\n計 約 130 万件\n",
           "1300000 record~");
    COUNTS("### 【具体的な内容】\n- 社内エンジニア約 60 名とあわせて、全体で"
           "100 名規模の調査チームを組成。\n", "");
}

/* The counts' subjects (ja), joined with "/", into out[size]. */
static const char *subjects_of(const char *body, char *out, size_t size)
{
    json_t *rec = record_of(body);
    const json_t *counts = json_object_get(json_object_get(rec, "impact"),
                                           "counts");
    size_t i, at = 0;

    out[0] = '\0';
    for (i = 0; i < json_array_size(counts); i++) {
        const json_t *sj = json_object_get(json_object_get(
            json_array_get(counts, i), "subject"), "ja");
        int w = snprintf(out + at, size - at, "%s%s", i ? "/" : "",
                         json_string_value(sj));
        assert_true(w >= 0 && (size_t)w < size - at);
        at += (size_t)w;
    }
    json_decref(rec);
    return out;
}

#define SUBJECTS(body, want)                                                \
    do {                                                                    \
        char got_[512];                                                     \
        assert_string_equal(subjects_of(body, got_, sizeof(got_)), want);   \
    } while (0)

/* A count's subject is the noun phrase before it, without what is left
 * of a date or another figure before that (2023 年 1 月以降に, 156 名),
 * without table pipes, and empty when only a word like 計 or 上記 is
 * there. */
static void test_count_subjects(void **state)
{
    (void)state;
    SUBJECTS("漏えいのおそれがあるのは、2023 年 1 月以降に商品予約をされた方 "
             "3,892 件です。\n", "商品予約をされた方");
    SUBJECTS("対象は2020年4月～2025年3月に在籍していた教職員 7,438 名です。\n",
             "在籍していた教職員");
    SUBJECTS("|国内グループ会社従業員：1,448名|海外グループ会社従業員：45名|\n",
             "国内グループ会社従業員/海外グループ会社従業員");
    SUBJECTS("漏えいのおそれがある個人情報の件数は以下のとおりです。\n"
             "|見積もりをされた方|\t約399,000件|\n", "見積もりをされた方");
    SUBJECTS("流出した可能性のある個人情報は計 542 件です。\n",
             "流出した可能性のある個人情報");
    SUBJECTS("## 流出した可能性のある個人情報の件数\n計 542 件\n", "");
    SUBJECTS("第一中学校 156 名 128 名 28 名の氏名が流出しました。\n",
             "第一中学校//氏名");
}

/* A help desk's figures are no counts, its people as data subjects are. */
static void test_help_desk(void **state)
{
    (void)state;
    COUNTS("専用窓口に寄せられたお客様からのお問い合わせは120件です。\n", "");
    COUNTS("取引先の窓口担当者の氏名、電話番号（1,922人）が閲覧された"
           "可能性があります。\n", "1922 person");
}

/* The number of measures of a kind ("implemented" or "planned"). */
static size_t measures_of(const char *body, const char *kind)
{
    json_t *rec = record_of(body);
    size_t n = json_array_size(json_object_get(
        json_object_get(rec, "response"), kind));

    json_decref(rec);
    return n;
}

/* A measure told in the lead and again in the details is one: police,
 * regulator, forensic investigation, notice to the people affected.  A
 * clause that adds another action stays, and so does a family told again
 * in the other kind. */
static void test_repeated_measures(void **state)
{
    static const char *const body =
        "2025年5月1日、サーバーをネットワークから遮断し、警察に相談いたし"
        "ました。\n対象となるお客様には個別にご連絡しております。\n"
        "## 対応\n- 所轄警察署への被害相談を実施しました。\n"
        "- 該当するお客様には電子メールにて個別にご連絡を申し上げております。"
        "\n- 外部調査会社の調査結果を踏まえ、従業員への教育を実施しました。"
        "\n";

    (void)state;
    assert_int_equal(measures_of(body, "implemented"), 4);
    assert_int_equal(measures_of("外部の専門会社にフォレンジック調査を依頼し"
                                 "ました。\n今後は専門会社による調査結果を"
                                 "踏まえ、警察への相談を行ってまいります。\n",
                                 "planned"), 1);
}

/* A bracketed label sets the kind of the list under it but is no measure;
 * bullets run into one line are one measure each. */
static void test_measure_list_layout(void **state)
{
    (void)state;
    assert_int_equal(measures_of("## 再発防止策\n【対策済み】\n"
                                 "- 全端末にEDRを導入 • 侵入の疑いのある機器を"
                                 "初期化\n- 全ユーザーのパスワードを変更\n",
                                 "implemented"), 3);
    assert_int_equal(measures_of("対象者には、メールまたは電話で連絡を行って"
                                 "おります。\n", "implemented"), 1);
    /* a state denied in a list of measures is no measure (・現在まで、
     * 本件による被害のご連絡はありません), nor a plan that there is none
     * (再開の予定はございません); a deed before such a clause stays
     * (パスワードは既に変更しており、…被害の報告はありません) */
    assert_int_equal(measures_of("## 対応\n- 対象の方すべてに、電話でお詫び"
                                 "しました。\n- 現在まで、本件による被害の"
                                 "ご連絡はありません。\n", "implemented"),
                     1);
    assert_int_equal(measures_of("## 今後の対応\nオンラインショップにつき"
                                 "ましては、現在、再開の予定はございません。"
                                 "\n", "planned"), 0);
    assert_int_equal(measures_of("## 対応\nメールアドレスのパスワードは既に"
                                 "変更しており、現在まで被害の報告はありま"
                                 "せん。\n", "implemented"), 1);
    /* the business told with an action word is no measure */
    assert_int_equal(measures_of("12月1日10時より限定商品の販売を開始いたし"
                                 "ましたが、アクセスが集中しました。\n",
                                 "implemented"), 0);
}

/* An IP address is data when it leaked, not when it is the attacker's or
 * an allow-list's. */
static void test_ip_address(void **state)
{
    (void)state;
    ITEMS("漏えいした可能性のある情報は、氏名、IPアドレスです。\n",
          "name ip_address");
    ITEMS("流出のおそれがあります。不明のIPアドレスが存在し、そのIPアドレス"
          "が侵入経路に使われていました。\n", "");
    ITEMS("漏えいのおそれがあります。\n## 再発防止策\n管理者画面のアクセス"
          "許可IPアドレスを、社内からの接続のみに制限しました。\n", "");
    ITEMS("- 事故発生後の対応については、不正アクセス元となったIPアドレス"
          "からの経路を遮断し、漏えいの可能性がある情報を調査しました。\n",
          "");
}

/* A clause whose planned word belongs to a purpose and that ends in the
 * past is a measure taken; deciding to do something is still planned. */
static void test_purpose_then_past(void **state)
{
    static const char *const done =
        "今後同様の事案が再発しないよう、委託先に対し指導監督を徹底するよう"
        "指示を行いました。\n";
    static const char *const decided =
        "今後は全端末に多要素認証を導入することといたしました。\n";

    (void)state;
    assert_int_equal(measures_of(done, "implemented"), 1);
    assert_int_equal(measures_of(done, "planned"), 0);
    assert_int_equal(measures_of(decided, "planned"), 1);
    assert_int_equal(measures_of(decided, "implemented"), 0);
    /* the same in a response section, where a sentence without an action
     * word is a measure too */
    assert_int_equal(measures_of("## 再発防止策\n今後事案が発生しないよう、"
                                 "委託業者に対し指導監督の徹底を求めました。"
                                 "\n", "implemented"), 1);
    /* the past inside a relative clause does not end the clause */
    assert_int_equal(measures_of("今後新たに判明いたしました事実については、"
                                 "対象のお客様へ個別にご連絡してまいります。"
                                 "\n", "planned"), 1);
}

/* Data shown on a page an intruder logged in to (会員情報ページには…が
 * 掲載されておりますが) is exposed; data the writer does not hold
 * (所持しておりません), data on systems the attack did not touch (影響を
 * 受けておりません) and a scam given as an example (例）…個人番号が漏えい
 * しているなどとして) are not. */
static void test_items_shown_held_example(void **state)
{
    (void)state;
    ITEMS("不正ログインが確認されたお客様には本文書と同内容のメールを送付して"
          "おります。会員情報ページには、お名前、性別、生年月日、郵便番号、"
          "住所、電話番号、バーコード番号が掲載されておりますが、クレジット"
          "カード情報は掲載されておりません。\n",
          "name address postal_code phone birth_date gender other");
    ITEMS("漏えいのおそれがある情報は、氏名、住所です。\n"
          "（注）マイナンバーカードやクレジットカード等の財産的被害が生じる"
          "おそれのある情報は所持しておりません。\n",
          "name address");
    ITEMS("## 1. 流出した可能性のある情報について\n"
          "流出の可能性がある情報には、お名前、ご住所、電話番号、メールアド"
          "レスなどが含まれることが確認されております。ただし、通販系サーバー"
          "につきましては、別のシステムで稼働しており、クレジットカード情報"
          "や銀行口座情報など、本件不正アクセスの影響を受けておりません。\n",
          "name address phone email");
    ITEMS("漏えいのおそれがある情報は、氏名、住所です。\n"
          "例）行政機関を名乗り、個人番号が漏えいしているなどとして金銭の振"
          "り込みに誘導するような詐欺\n",
          "name address");
}

/* A password that protects a file (パスワードにより暗号化) or that a
 * ransom buys (複合鍵（パスワード）の開示と引き換えに) is no data. */
static void test_password_lock_or_key(void **state)
{
    (void)state;
    ITEMS("漏えいのおそれがある情報は次のとおりです。\n"
          "- 学生相談時に要望があった学生の名簿（パスワードにより暗号化）："
          "１２名の氏名及び学生番号\n",
          "name");
    ITEMS("ランサムウェアとは、データを暗号化することで複合鍵（パスワード）の"
          "開示と引き換えに現金を要求するマルウェアを指しますが、第三者の侵入"
          "を受けたという事実から情報漏えいの可能性を否定できない事態となり"
          "ました。\n漏えいのおそれがある情報は、氏名です。\n",
          "name");
}

/* What a logged-in intruder could see (アクセス後に、参照及び、お手続き
 * できる情報は、以下のとおり) is exposed; what the page does not show
 * (…は表示しておりません) is not. */
static void test_items_viewable_not_shown(void **state)
{
    (void)state;
    ITEMS("会員サイトに不正ログインがありました。\n"
          "なお、「My サンプル」にアクセス後に、参照及び、お手続きできる情報"
          "は、以下のとおりです。\n\n"
          "お名前、ご住所、電話番号、お支払い方法（クレジットカード情報等）\n\n"
          "※　クレジットカード情報において、セキュリティコードや有効期限等の"
          "情報は表示しておりません。\n",
          "name address phone credit_card_number");
}

/* The mails themselves (お客様とのメールの内容) are data of their own,
 * other; a document the data was written in (本文に記載された, 見積書に記載
 * されている邸名に含まれる氏名) is only where it was. */
static void test_items_mail_contents_documents(void **state)
{
    (void)state;
    ITEMS("提供元のメールシステムが不正アクセスを受け、お客様とのメールの内容"
          "が流出した可能性があることが分かりました。\n", "other");
    ITEMS("同サービス上で送受信された電子メールの情報が漏えいした可能性が"
          "あります。\n", "other");
    ITEMS("当該アカウントで送受信されたメールの本文に記載された内容を含む"
          "個人情報（氏名、住所等）が漏えいした可能性があります。\n",
          "name address");
    ITEMS("漏えいした可能性がある情報は、取引先の氏名や、見積書に記載されて"
          "いる邸名に含まれる氏名等が考えられます。\n", "name");
}

/* A password is no data of the people affected where it was guessed to
 * get in, is the target of an attack or a measure, is a setting, belongs
 * to one staff member's own account, or was not reached; staff among the
 * people whose data it was still count. */
static void test_items_password_not_data(void **state)
{
    (void)state;
    ITEMS("職員が、他人のパスワードを推測し、不正にアクセスし、人事給与情報を"
          "閲覧、保存していた。\n", "other");
    ITEMS("調査の結果、CMSへのパスワード総当たりの攻撃による不正アクセスが行わ"
          "れ、氏名が漏洩したおそれがあります。\n", "name");
    ITEMS("情報漏洩は確認されませんでした。パスワード漏洩対策の導入等を実施"
          "しました。\n", "");
    ITEMS("不正アクセスは、推測しやすいパスワードを設定したアカウントや複数"
          "のサービスで同一パスワードを利用するアカウントが狙われた可能性が"
          "あります。\n", "");
    ITEMS("当社グループ社員の個人アカウントにおいてパスワードが外部に漏洩して"
          "いることが判明しました。\n", "");
    ITEMS("委託先サーバには、教職員・学生・保護者のユーザーID、パスワードなど"
          "を含む個人情報ファイルが保存されていたことが判明しました。\n",
          "login_id password");
    ITEMS("## 漏えいし得る情報項目\n氏名、住所\n\n※現時点では、マイページの"
          "パスワード情報への不正アクセスは確認されておりません。\n",
          "name address");
}

/* An address the attacker sent mail from, or the school's own, is the
 * organization's, hijacked or spoofed; people's addresses misused are
 * still their data. */
static void test_items_hijacked_address(void **state)
{
    (void)state;
    ITEMS("何者かが当機構のアドレスを不正に使用し、迷惑メールを送信していた"
          "ことが判明しました。\n当該メールアドレスから送信された迷惑メールの"
          "件数や漏洩した個人情報について調査を進めております。\n", "");
    ITEMS("不正に送信されたメールの送信元メールアドレスが漏えいした可能性が"
          "あります。\n", "");
    ITEMS("本校のメールアドレスを詐称したメールが送信され、生徒の氏名が漏え"
          "いした可能性があります。\n", "name");
    ITEMS("サーバー上に保管されていた登録者様のメールアドレス等が不正に使用"
          "されたことが考えられます。\n", "email");
}

/* More ways to say data was not kept or not reached: not stored, not
 * handled, no chance of a leak, a leak that did not happen, and data that
 * is the topic of a finding of nothing; but a finding about something
 * else after the data's exposure denies nothing. */
static void test_items_more_denials(void **state)
{
    (void)state;
    ITEMS("氏名が漏えいした可能性があります。\n備考:クレジットカード番号等、"
          "決済に関する情報は保存されておりません。\n", "name");
    ITEMS("氏名が漏えいした可能性があります。\nなお、クレジットカード情報に"
          "関しては、当事業所のシステムでは取り扱っておりませんので流出の"
          "可能性はありません。\n", "name");
    ITEMS("氏名が漏えいした可能性があります。\n※クレジットカード情報につき"
          "ましては外部決済会社に委託しておりますので、漏洩、流出の可能性は"
          "ないものと判断しております。\n", "name");
    ITEMS("漏えい等の可能性のある情報の項目の中に、クレジットカード情報等の"
          "経済的な二次被害を直接生じさせ得る情報は現時点では確認されており"
          "ません。\n", "");
    ITEMS("漏えいのおそれが生じた個人情報は、氏名、住所等が中心であり、"
          "クレジットカード情報やマイナンバーは確認されておりません。\n",
          "name address");
    ITEMS("氏名が漏えいした可能性があります。\nクレジットカード情報につき"
          "ましては、当社サーバー上で保持・処理は行っておらず、漏洩は発生"
          "しておりません。\n", "name");
    ITEMS("氏名、住所が流出した可能性があり、二次被害は確認されておりません。"
          "\n", "name address");
    /* data never entrusted to the writer (…の委託は受けておりません) */
    ITEMS("## １．外部流出の可能性がある情報\n出荷データの一部\n\n"
          "※データ項目：配送先住所・氏名\n\n（メールアドレスおよびクレジット"
          "カード情報の委託は受けておりません）\n", "name address");
    /* what people entered in a form heads data, not a contact section
     * (お問い合わせフォーム入力データ) */
    ITEMS("## 【対象となる情報】\n### ①お問い合わせフォーム入力データ 約 1,900 "
          "件\n- 氏名、メールアドレス、電話番号\n", "name phone email");
    /* 学部 and 所属 naming people or a place are no department (学部学生
     * （482名）, 外部講師の所属事務所) */
    ITEMS("漏えいの可能性がある情報は、学部学生（482名）：氏名、学籍番号です。"
          "\n", "name other");
    ITEMS("外部講師の所属事務所において、受講者の氏名が漏えいした可能性が"
          "あります。\n", "name");
    /* pictures of things are no photo (損害写真 of a claim) */
    ITEMS("漏えいのおそれがある情報は、お客様の氏名、電話番号、事故受付に関わる"
          "書類（主に損害写真や修理見積など）です。\n", "name phone");
    /* a way of paying is no card number (クレジットカードによるお支払い) */
    ITEMS("流出した可能性のある情報は、氏名、お支払い方法（現金でのお支払いか"
          "クレジットカードによるお支払いかの記載）です。\n", "name");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kangxi_radicals),
        cmocka_unit_test(test_heading_introduces_list),
        cmocka_unit_test(test_note_denial),
        cmocka_unit_test(test_response_section),
        cmocka_unit_test(test_advice),
        cmocka_unit_test(test_credentials_and_contact),
        cmocka_unit_test(test_population_information),
        cmocka_unit_test(test_item_mapping),
        cmocka_unit_test(test_corrected_count),
        cmocka_unit_test(test_count_layout),
        cmocka_unit_test(test_count_subjects),
        cmocka_unit_test(test_help_desk),
        cmocka_unit_test(test_repeated_measures),
        cmocka_unit_test(test_measure_list_layout),
        cmocka_unit_test(test_purpose_then_past),
        cmocka_unit_test(test_ip_address),
        cmocka_unit_test(test_items_shown_held_example),
        cmocka_unit_test(test_password_lock_or_key),
        cmocka_unit_test(test_items_viewable_not_shown),
        cmocka_unit_test(test_items_mail_contents_documents),
        cmocka_unit_test(test_items_password_not_data),
        cmocka_unit_test(test_items_hijacked_address),
        cmocka_unit_test(test_items_more_denials),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}

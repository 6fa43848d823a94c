/* test_incident_title.c: English titles composed from glossary terms
 * (incident_title.c), with a small glossary compiled in memory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "dictsrc.h"
#include "gloss.h"
#include "incident_int.h"

#include "gloss_fixture.h"

static const char source[] =
    "ja\ten\tconcept\tvariants\tpos\tnote\n"
    "不正アクセス\tunauthorized access\tincident_type.unauthorized_access"
    "\t\tnoun\t\n"
    "個人情報\tpersonal information\tdata_item.other\t\tnoun\t\n"
    "漏えい\tleak\tincident_type.data_leak\t漏洩|流出\tnoun\t\n"
    "可能性\tpossibility\tstatus.possible\t\tnoun\t\n"
    "当社\twe\tparty.self\t弊社\tnoun\t\n"
    "サーバー\tserver\tsystem.server\tサーバ\tnoun\t\n"
    "メールシステム\temail system\tsystem.email\t\tnoun\t\n"
    "ランサムウェア\transomware\tincident_type.ransomware\t\tnoun\t\n"
    "攻撃\tattack\tattack.attack\t\tnoun\t\n"
    "被害\tdamage\tdamage.damage\t\tnoun\t\n"
    "発生\toccurrence\tgeneral.occurrence\t\tnoun\t\n"
    "委託先\tcontractor\tparty.contractor\t\tnoun\t\n"
    "電子メール\temail\tsystem.email\t\tnoun\t\n"
    "誤送信\tmisdirected email\tincident_type.misdelivery\t\tnoun\t\n"
    "ウェブサイト\twebsite\tsystem.website\t\tnoun\t\n"
    "アプリ\tapp\tsystem.app\t\tnoun\t\n"
    "接続障害\tconnection failure\tincident_type.system_outage\t\tnoun\t\n"
    "卒業アルバム\tgraduation album\tfield.data\t\tnoun\t\n"
    "情報\tinformation\tfield.information\t\tnoun\t\n"
    "情報漏えい\tinformation leak\tincident_type.data_leak\t\tnoun\t\n"
    "海外子会社\toverseas subsidiary\tparty.subsidiary\t\tnoun\t\n"
    "セキュリティサービス\tsecurity service\tsystem.service\t\tnoun\t\n"
    "サービス提供事業者\tservice provider\tparty.provider\t\tnoun\t\n"
    "一部\tpart\tgeneral.part\t\tnoun\t\n"
    "停止\tsuspension\tresponse.suspension\t\tnoun\t\n"
    "サービス\tservice\tsystem.service\t\tnoun\t\n"
    "店舗\tstore\tparty.store\t\tnoun\t\n";

static struct jaen_gloss *glossary;

static int setup(void **state)
{
    struct jaen_dictsrc *ds = jaen_dictsrc_new();
    struct jaen_err err;
    int rc;

    (void)state;
    jaen_err_clear(&err);
    rc = !ds || jaen_dictsrc_parse(ds, "t.tsv", source, sizeof(source) - 1,
                                   JAEN_DICT_JAEN, 0, &err)
        || gloss_of(ds, "t", &glossary, &err);
    jaen_dictsrc_free(ds);
    return rc ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    jaen_gloss_close(glossary);
    return 0;
}

/* The English of title, or "-" when it has none. */
static void check(const char *title, const char *want)
{
    struct jaen_buf out;
    int ok;

    jaen_buf_init(&out, (size_t)1 << 20);
    ok = jaen_ix_title_en(glossary, title, strlen(title), &out);
    if (!want)
        assert_false(ok);
    else {
        assert_true(ok);
        assert_string_equal(out.ptr, want);
    }
    jaen_buf_free(&out);
}

/* Connectors read right to left, the frame and marks have fixed English. */
static void test_frames_and_connectors(void **state)
{
    (void)state;
    check("不正アクセスによる個人情報漏えいに関するお知らせ",
          "Notice regarding personal information leak due to unauthorized "
          "access");
    check("【重要】弊社サーバへの不正アクセスについてのお詫びとお知らせ"
          "（第2報）",
          "Apology and notice regarding unauthorized access to our server "
          "(report 2)");
    check("ランサムウェア攻撃について（続報）",
          "Regarding ransomware attack (follow-up report)");
    check("ランサムウェア攻撃について（第三報）",
          "Regarding ransomware attack (report 3)");
    check("ランサムウェア攻撃につきましてご報告(初報)",
          "Report regarding ransomware attack (report 1)");
    check("ランサムウェア攻撃について（最終報告）",
          "Regarding ransomware attack (final report)");
    /* marks before the topic, その2 after it, frames with 重要 and
     * 関しまして */
    check("（続報）当社サーバーへの不正アクセスに関する重要なお知らせ",
          "Important notice regarding unauthorized access to our server "
          "(follow-up report)");
    check("［重要］不正アクセスに関するご報告　その２",
          "Report regarding unauthorized access (report 2)");
    check("ランサムウェア被害に関しまして", "Regarding ransomware damage");
    /* a possibility that qualifies what follows; a route */
    check("情報漏えいのおそれのある事案の発生について", NULL);
    check("個人情報漏えいの可能性がある情報について",
          "Regarding information involving possible personal information "
          "leak");
    check("委託先経由での情報漏えいについて",
          "Regarding information leak via contractor");
    /* と between two modified phrases: which it joins is a guess */
    check("不正アクセスによる情報漏えいの可能性と委託先へのランサムウェア"
          "攻撃について", NULL);
    /* an attack is on something */
    check("当社サーバーへのランサムウェア攻撃のお知らせ",
          "Notice of ransomware attack on our server");
    /* 当社が利用する X: our X; 当社における X: X at our company */
    check("当社が利用するメールシステムへの不正アクセスについて",
          "Regarding unauthorized access to our email system");
    check("当社における不正アクセスの発生について",
          "Regarding occurrence of unauthorized access at our company");
    /* with modifiers on both sides, および joins the two noun phrases */
    check("ランサムウェア被害の発生及び個人情報漏えいの可能性について",
          "Regarding occurrence of ransomware damage and possibility of "
          "personal information leak");
    /* but A の B と C への D: B and C are what D is to */
    check("当社のウェブサイトとアプリへの接続障害について",
          "Regarding connection failure to our website and app");
    /* 電子メールの誤送信: the head says it already */
    check("電子メールの誤送信による個人情報の漏えいについて",
          "Regarding leak of personal information due to misdirected email");
    /* a word that ends one term and starts the next is said once */
    check("セキュリティサービスサービス提供事業者への不正アクセスについて",
          "Regarding unauthorized access to security service provider");
    /* no title without a frame or topic, and a bare topic */
    check("委託先への不正アクセス", "Unauthorized access to contractor");
}

/* Participles as connectors; an aside or a confirmed report at the end. */
static void test_participles_and_asides(void **state)
{
    (void)state;
    check("海外子会社が使用するサーバーへの不正アクセスについて（確報）",
          "Regarding unauthorized access to server used by overseas "
          "subsidiary (final report)");
    check("弊社が利用していたメールシステムへの不正アクセスについて",
          "Regarding unauthorized access to our email system");
    check("卒業アルバムに掲載された情報の漏えいの可能性について",
          "Regarding possibility of leak of information published in "
          "graduation album");
    check("個人情報を保存したサーバーへの不正アクセスについて",
          "Regarding unauthorized access to server storing personal "
          "information");
    /* what was published is data, not the leak */
    check("卒業アルバムに掲載された情報漏えいの可能性について", NULL);
    check("卒業アルバムに掲載された不正アクセスについて", NULL);
    /* the frame said again, the readers addressed: nothing of the topic */
    check("個人情報漏えいについて（お知らせとお詫び）",
          "Regarding personal information leak");
    check("当社サーバーへの不正アクセスについて（お客様・お取引先様の皆様へ）",
          "Regarding unauthorized access to our server");
    /* but a bracket with content still leaves the title without English,
     * also before a report mark */
    check("不正アクセスについて（当社サーバー）", NULL);
    check("不正アクセスについて（当社サーバー）（第2報）", NULL);
    /* report marks in lenticular brackets, before or after */
    check("【続報】当社サーバーへの不正アクセスについて",
          "Regarding unauthorized access to our server (follow-up report)");
    check("当社サーバーへの不正アクセスに関するお知らせ【第二報】",
          "Notice regarding unauthorized access to our server (report 2)");
    check("ランサムウェア攻撃について（第3報)",
          "Regarding ransomware attack (report 3)");
    check("ランサムウェア攻撃について(第 2 報)",
          "Regarding ransomware attack (report 2)");
    check("ランサムウェア攻撃について(続報3)",
          "Regarding ransomware attack (follow-up report)");
    check("ランサムウェア攻撃について（中間報告）",
          "Regarding ransomware attack (interim report)");
    check("ランサムウェア攻撃について（1/17更新）",
          "Regarding ransomware attack (update)");
    check("【終報】ランサムウェア攻撃について",
          "Regarding ransomware attack (final report)");
    check("ランサムウェア攻撃について（第 報）", NULL);
    check("ランサムウェア攻撃について（続報について）", NULL);
}

/* More frames, and the marks a title ends or starts with: a bare number,
 * a report number with its date and time, an update date, an
 * investigation's results, a final report inside a report mark.  A
 * bracket before the topic is dropped only when it is a label, the
 * readers or the issuer, not news. */
static void test_more_frames_and_marks(void **state)
{
    (void)state;
    check("ランサムウェア攻撃についてお詫びとお知らせ",
          "Apology and notice regarding ransomware attack");
    check("ランサムウェア攻撃についてご報告とお詫び",
          "Report and apology regarding ransomware attack");
    check("ランサムウェア被害についての続報",
          "Follow-up report regarding ransomware damage");
    check("不正アクセスに関する中間報告",
          "Interim report regarding unauthorized access");
    check("ランサムウェア攻撃について（２）",
          "Regarding ransomware attack (report 2)");
    check("ランサムウェア攻撃について（2025）", NULL);
    check("ランサムウェア攻撃について（第三報 5 月 23 日 16 時）",
          "Regarding ransomware attack (report 3)");
    check("ランサムウェア攻撃について【第一報：令和7年1月27日（月）17時現在】",
          "Regarding ransomware attack (report 1)");
    check("ランサムウェア攻撃について（第2報 委託先）", NULL);
    check("ランサムウェア攻撃について（2025.6.12更新）",
          "Regarding ransomware attack (update)");
    check("ランサムウェア攻撃について（※4/25追記）",
          "Regarding ransomware attack (update)");
    check("ランサムウェア攻撃について（調査結果のご報告）",
          "Regarding ransomware attack (investigation results)");
    check("【第2報（終報）】ランサムウェア攻撃について",
          "Regarding ransomware attack (final report)");
    check("【緊急・重要】ランサムウェア攻撃について",
          "Regarding ransomware attack");
    check("【在学生の方へ】ランサムウェア攻撃について",
          "Regarding ransomware attack");
    check("【附属図書館】ランサムウェア攻撃について",
          "Regarding ransomware attack");
    check("【サーバー復旧】ランサムウェア攻撃について", NULL);
    check("［解消済］ランサムウェア攻撃について", NULL);
}

/* A name in 「」 stands as written, in any script; a glossary term in
 * 「」 is quoted in English; but a title of names alone, or a quoted
 * phrase, has none. */
static void test_quoted_names(void **state)
{
    (void)state;
    check("「Example Shop」への不正アクセスについて",
          "Regarding unauthorized access to \"Example Shop\"");
    check("当社ウェブサイト「ｅｘａｍｐｌｅ．ｊｐ」への不正アクセスについて",
          "Regarding unauthorized access to our website \"example.jp\"");
    check("「サンプル」への不正アクセスについて",
          "Regarding unauthorized access to \"サンプル\"");
    check("「メールシステム」への不正アクセスについて",
          "Regarding unauthorized access to \"email system\"");
    check("「サンプル」について", NULL);
    check("「不正アクセスに関するお知らせ」について", NULL);
    check("「サンプル商店オンラインショップ会員様向けポイント交換サイト"
          "スマートフォン版」への不正アクセスについて", NULL);   /* > 30 */
    check("「example.jp への不正アクセスについて", NULL);  /* unclosed */
    check("「」への不正アクセスについて", NULL);
    /* a bare ASCII name too, and 社 after it; not the writer's name
     * before a comma */
    check("ＪＢＩＣが利用するメールシステムへの不正アクセスについて",
          "Regarding unauthorized access to email system used by JBIC");
    check("IIJ社が利用するメールシステムへの不正アクセスについて",
          "Regarding unauthorized access to email system used by IIJ");
    check("Example Co. Ltdにおける不正アクセスについて",
          "Regarding unauthorized access at Example Co. Ltd");
    check("Sample、不正アクセスについて", NULL);
    check("2025への不正アクセスについて", NULL);
}

/* 一部 ("part") is partial before an action, some before a thing; 発生
 * after an event is left out. */
static void test_part(void **state)
{
    (void)state;
    check("サービスの一部停止について",
          "Regarding partial suspension of service");
    check("一部サービス停止について", "Regarding partial service suspension");
    check("一部店舗への不正アクセスについて",
          "Regarding unauthorized access to some store");
    check("一部個人情報の漏えいについて",
          "Regarding leak of some personal information");
    /* 発生 after the event it follows says nothing more */
    check("当社サーバーへの不正アクセス発生について",
          "Regarding unauthorized access to our server");
    check("不正アクセスの発生について",
          "Regarding occurrence of unauthorized access");
}

/* A title that terms and connectors do not cover has no English. */
static void test_uncovered(void **state)
{
    (void)state;
    check("「サンプル会員」サイトへの不正アクセスについて", NULL);
    check("当社サーバーが不正アクセスを受けた件について", NULL);
    check("について", NULL);
    check("", NULL);
    check("不正アクセスのについて", NULL);    /* a dangling connector */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_frames_and_connectors),
        cmocka_unit_test(test_participles_and_asides),
        cmocka_unit_test(test_more_frames_and_marks),
        cmocka_unit_test(test_quoted_names),
        cmocka_unit_test(test_part),
        cmocka_unit_test(test_uncovered),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

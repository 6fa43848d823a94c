/* incident_items.c: the data items of the impact.
 *
 * Data items are the glossary's data_item.* terms (dict/src/data_items.tsv)
 * and a few words it has no term for, in sentences that say the data was,
 * or may have been, exposed, and in the lists and tables such sentences or
 * headings introduce.  A datum is left out where its clause denies it
 * (「…は含まれておりません」), where it is not data at all (a password that
 * protects, credentials that were the way in, the organization's own
 * address) and in advice to readers.  Conventions: tests/labels/README.md. */
#include "incident_int.h"

#include <string.h>

#define ANY_OF(d, i, list) (jaen_ix_q_any(d, i, list))
#define HAS(d, i, k) (jaen_ix_q_has(d, i, k))

/* The schema's items, in schema order (the record's order). */
static const char *const items[] = {
    "name", "address", "postal_code", "phone", "email", "birth_date", "age",
    "gender", "company_name", "job_title", "department", "login_id",
    "password", "credit_card_number", "card_expiry", "security_code",
    "card_holder_name", "bank_account", "purchase_history", "order_info",
    "shareholding", "employee_id", "my_number", "health_info", "id_document",
    "photo", "ip_address", "other", NULL,
};

/* Words that say the data named was, or may have been, exposed. */
static const char *const exposed[] = {
    "漏えい", "漏洩", "流出", "可能性", "おそれ", "恐れ", "含まれ", "閲覧",
    "窃取", "送信された", "送信されて", "送信されまし", "保存され",
    "保存して", "記載され", "記録され",
    "対象", "項目", "盗まれ", "盗難", "紛失", "持ち出", "抜き取", "詐取",
    "入力された", "公開され", "格納", "保管", "以下の情報", "次の情報",
    "記載", "アクセス可能な状", "アクセス可能であ", "アクセスできる状",
    /* on the page an intruder logged in to (会員情報ページには、お名前、
     * …が掲載されておりますが) */
    "掲載されており", "掲載されている",
    /* what a logged-in intruder could see (「My WOWOW」にアクセス後に、
     * 参照及び、お手続きできる情報は、以下のとおり) */
    "参照及び", "参照できる",
    /* encrypted by the attacker, so within its reach (README); not
     * encrypted to protect it (暗号化して保存, 暗号化されており) */
    "暗号化された情報", "暗号化されておりました", "暗号化されました",
    "暗号化されていた", "暗号化された可能性", NULL,
};
/* Words that deny the data named before them in their clause. */
static const char *const not_exposed[] = {
    "保有しておらず", "保有しておりません", "保持しておりません",
    "含まれておりません", "含まれていません", "含まれておらず",
    "含まれていない", "含まれない", "含まれません", "含みません",
    "含んでいません", "含まない", "対象外", "ございません",
    "保存しておりません", "保存されておらず", "保存されていません",
    "保存されていない", "保持しておらず", "保有していない",
    "保持していない", "取得しておらず", "含んでおりません", "非保持",
    "所持しておりません", "所持しておらず", "所持していません",
    "影響を受けておりません", "影響を受けていません",
    "表示しておりません", "表示されておりません", "表示されません",
    "漏えいはありません", "漏洩はありません", "流出はありません",
    "漏えいはない", "漏洩はない", "流出はない", "漏えいがない",
    "漏洩がない", "流出がない", "漏えいしておりません", "漏洩しておりません",
    "流出しておりません", "掲載されていません", "掲載されておりません",
    "記載されていません", "記載されておりません",
    "漏えいしていない", "漏洩していない", "流出していない",
    "漏えいしていません", "漏洩していません", "流出していません",
    "漏えいしておらず", "漏洩しておらず", "流出しておらず",
    "漏えいはなかった", "漏洩はなかった", "流出はなかった",
    "漏えいは無かった", "漏洩は無かった", "流出は無かった",
    "漏えいは無い", "漏洩は無い", "流出は無い",
    "委託は受けておりません", "委託を受けておりません",
    "お預かりしておりません", "預かっておりません", "お預かりしていません",
    "保存されておりません", "取り扱っておりません", "取り扱っていません",
    "取り扱っておらず", "取扱っておりません", "可能性はありません",
    "可能性はございません", "可能性はない", NULL,
};
/* A finding of no leak (「メールアドレスの漏えいの事実は確認されておりま
 * せん」) denies the data before it too; the leak word must come just
 * before, as 「…が流出した可能性があり、悪用は確認されておりません」 is no
 * denial of the data. */
static const char *const not_found[] = {
    "確認されておりません", "確認されていません", "確認されておらず",
    "確認できておりません", "確認出来ていない", "確認できていない",
    "確認されず", "報告は受けておりません", "報告は受けていません",
    "発生しておりません", "発生していません", "発生しておらず", NULL,
};
/* Right before a finding of nothing, a topic marker: the data before it is
 * what was not found (「クレジットカード情報やマイナンバーは確認されて
 * おりません」「…を直接生じさせ得る情報は現時点では確認されておりません」). */
static const char *const topic_before[] = {
    "は", "は現時点では", "は現時点で", "は現在", "は現在のところ",
    "は現在まで", NULL,
};
/* Between a datum and such a finding, words that make the finding about
 * something else: 「氏名が流出した可能性があり、二次被害は確認されて
 * おりません」. */
static const char *const exposure_between[] = {
    "漏えい", "漏洩", "流出", "可能性", "おそれ", "恐れ", "閲覧", "窃取",
    "含まれ", NULL,
};
static const char *const leak_words[] = {
    "漏えい", "漏洩", "流出", NULL,
};
/* Words for data reached, which a finding after them denies. */
static const char *const reached_words[] = {
    "漏えい", "漏洩", "流出", "不正アクセス", NULL,
};
/* Advice to readers: the data named is not said to be exposed. */
static const char *const advice[] = {
    "入力しないで", "ご確認ください", "ご注意", "変更", "ください",
    "お願いいたします", "お願い申し上げます", "願います",
    /* what-ifs (メールアドレスやパスワード流出があっても) */
    "があっても", "されても", "流出しても", "漏えいしても", "漏洩しても",
    /* a scam told as an example (例）…個人番号が漏えいしているなどとして
     * 金銭の振り込みに誘導する) */
    "例）", "などとして", NULL,
};
/* An introduction to steps, not to data (各項目を以下のように入力し). */
static const char *const instructions[] = {
    "ように入力", "を入力し", "をタップ", "をクリック", NULL,
};
/* A denial after these is about other data (「氏名、住所であり、口座情報は
 *含まれておりません」). */
static const char *const turns[] = {
    "であり、", "ですが、", "ますが、", "したが、", "でしたが", "であり", "※",
    "ものの", NULL,
};
/* Right after a datum, words that use it to reach people rather than say
 * it was exposed (「連絡先が判明している方には」「メールアドレス宛に」). */
static const char *const used_for[] = {
    "が判明している", "が判明して", "が特定でき", "を把握して", "宛に",
    "宛て", "あてに", "へご連絡", "にご連絡", "が確認でき", "の確認が",
    "が不明", "をご登録",
    /* credentials abused to get in: the way in (アカウントのパスワードを
     * 不正利用してログインし) */
    "を不正利用して", "を不正に利用して", "を悪用して", NULL,
};
/* Right after a document, words that make it the place the data was
 * written, not data of its own (メールの本文に記載された内容を含む個人情報). */
static const char *const written_in[] = {
    "に記載", "に記入", "に含まれる", NULL,
};
/* Right after an IP address, words that make it access control, not data
 * (「特定IPアドレスのアクセスを遮断」「アクセス許可IPアドレスを…に制限」
 * 「IPアドレス認証」). */
static const char *const ip_control[] = {
    "のアクセス", "からのアクセス", "からの通信", "からの接続", "許可",
    "制限", "認証", "を遮断", "をブロック", "の遮断", "のブロック",
    "フィルタ", "からの攻撃", "が侵入経路", "を増やす", NULL,
};
/* Right before one, words that make it the attacker's or an allow-list's
 * (「アクセスを許可するIPアドレス」「海外IPアドレス」「不正アクセス元となった
 * IPアドレス」). */
static const char *const ip_whose[] = {
    "許可する", "許可", "アクセス元", "攻撃元", "送信元", "接続元", "国内",
    "海外", "不審な", "攻撃者の", "特定", "となった", NULL,
};
/* A sentence about the attack's route names the attacker's addresses
 * (「そのIPアドレスが侵入経路に使われていました」), unless it says they
 * leaked. */
static const char *const ip_route[] = {
    "侵入経路", "攻撃", "アクセス元", "接続元", "送信元", NULL,
};
/* Right after a password, an attack on passwords or a measure against
 * their leak: no password of the people affected was exposed
 * (「パスワード総当たり（ブルートフォースアタック）の攻撃」「パスワード
 * 漏洩対策の導入」). */
static const char *const pw_attack[] = {
    "総当たり", "リスト攻撃", "リスト型", "スプレー", "漏洩対策", "漏えい対策",
    "漏洩防止", "漏えい防止", NULL,
};
/* Right before a password, what makes it a setting, not data: 「推測
 * しやすいパスワードを設定したアカウント」「複数のサービスで同一パスワード
 * を利用する」. */
static const char *const pw_setting[] = {
    "推測しやすい", "推測されやすい", "脆弱な", "同一", "同じ", "単純な",
    "簡単な", "強固な", "強力な", "複雑な", NULL,
};
/* Right after a password, words that make it a safeguard, not data
 * (「パスワードによる保護を設定」「起動時のパスワード設定」). */
static const char *const safeguard[] = {
    "による保護", "で保護", "保護", "を設定", "設定", "をかけ", "ロック",
    "により暗号化", "で暗号化", NULL,
};
/* Right after 所属, a verb or 者: 「法人等に所属する方」「所属者」 name people,
 * not data. */
static const char *const verb_after[] = {"する", "して", "され", "者",
                                         NULL};
/* Just before a datum, the organization itself: 「弊社の社名が掲載され」
 * 「当社のメールアドレスを詐称」 name its own details, not exposed data. */
static const char *const own_prefix[] = {
    "弊社の", "当社の", "当行の", "当院の", "当庫の", "本学の", "本会の",
    "当会の", "当協会の", "弊所の", "当所の", "当機構の", "当法人の",
    "当団体の", "本校の", "当校の", "当園の", "当財団の", NULL,
};
/* Right before 写真, a thing, not a person: 損害写真 of a claim, a site's
 * ヘッダーの写真 (photo means pictures of people, README; the labels split
 * on a builder's 現場写真, so it stays). */
static const char *const photo_of_things[] = {
    "損害", "事故", "商品", "ヘッダーの", "ヘッダー", NULL,
};
/* Right after 学部 or 所属, a population or a place, not a datum (学部学生
 * （482名）, 在学生（学部・大学院）, 外部講師の所属事務所, 所属部活). */
static const char *const unit_as_people[] = {
    "学生", "生（", "生(", "・大学院", "・研究科", "事務所", "部活", NULL,
};
/* Right after a card, a way of paying, not its number (現金でのお支払い
 * かクレジットカードによるお支払いかの記載). */
static const char *const pay_by[] = {
    "による", "でのお支払", "でお支払", "払い", NULL,
};
/* Around an email address, its abuse to send mail: the organization's
 * own address, hijacked, not data exposed (「当機構の特定のアドレスを…
 * 不正に使用し、迷惑メールを送信」「送信元メールアドレス」).  Not 「登録者様
 * のメールアドレス等が不正に使用された」: people's addresses, misused. */
static const char *const addr_abused[] = {
    "を不正に使用", "を不正に利用", "不正利用", "を悪用し", "から送信",
    "が乗っ取", NULL,
};
static const char *const addr_sender[] = {
    "送信元", "差出人", "送信者", NULL,
};
/* Just before 部署, the organization's own units: 「関係部署が連携して」
 * 「営業担当部署からご説明」. */
static const char *const own_units[] = {
    "担当", "関係", "関連", "所管", "各", NULL,
};
/* Right after credentials, their use by the attacker: the way in
 * (「ログインID、パスワードを使用し、不正にログイン」). */
static const char *const used_to_enter[] = {
    "を使用し", "を使用して", "を使い", "を用いて", "を悪用", "を利用して",
    "を入手し", "を推測し", NULL,
};
/* Exposure wording strong enough to count in a response section, where
 * data is otherwise named as the object of a measure (「パスワードを変更」). */
static const char *const exposed_strong[] = {
    "漏えい", "漏洩", "流出", "閲覧され", "窃取され", "盗まれ", NULL,
};
/* The credentials of the organization's own management tools and network
 * devices: the way in, not data of the people affected (「管理画面のID・
 * パスワードが窃取」「装置の接続パスワードが漏洩し」). */
static const char *const admin_tools[] = {
    "管理システム", "管理画面", "管理者", "管理サイト", "管理ツール",
    "管理用", "VPN", "装置", "機器", "ルーター", "UTM", "リモートデスクトップ",
    NULL,
};

/* Staff, before a credential: one staff member's own account, taken
 * over, is the way in (「社員の個人アカウントにおいてパスワードが外部に漏洩」
 * 「従業員個人のパスワード漏えい」「職員 1 名の Microsoft365 の認証情報が
 * 不正に窃取され」), but not staff among the people whose data it was
 * (「教職員・学生・保護者のユーザーID、パスワード」). */
static const char *const staff[] = {
    "従業員", "社員", "職員", NULL,
};
/* A question about the datum (FAQ: クレジットカードの情報は含まれますか？)
 * is no statement that it was exposed. */
static const char *const asked[] = {
    "ますか？", "ますか?", "ですか？", "ですか?", "でしょうか", NULL,
};

/* Credentials leaked elsewhere and tried here (リスト型攻撃): the way in,
 * not data of the people affected. */
static const char *const tried_here[] = {
    "リスト型", "パスワードリスト", "以外のサービスから", "他社のサービス",
    "他のサービスから", "他社サービスから", NULL,
};

/* Kinds of data the glossary has no term for, named by their words. */
static const char *const text_items[][2] = {
    {"証券番号", "other"}, {"保険料", "other"}, {"契約番号", "other"},
    {"会員番号", "other"}, {"顧客番号", "other"}, {"お客様番号", "other"},
    {"患者ID", "other"}, {"患者番号", "other"}, {"診察券番号", "other"},
    {"学籍番号", "other"}, {"人事情報", "other"}, {"取引内容", "other"},
    {"取引情報", "other"}, {"取引履歴", "other"}, {"カードブランド", "other"},
    {"宛名", "other"}, {"職歴", "other"}, {"経歴", "other"},
    /* the mails themselves (お客様とのメールの内容, 電子メールの情報) */
    {"メールの内容", "other"}, {"メール内容", "other"},
    {"メールの本文", "other"}, {"メールの情報", "other"},
    {"病名", "health_info"}, {"診断名", "health_info"},
    {"診断書", "health_info"}, {"治療内容", "health_info"},
    {"診療情報", "health_info"}, {"検査結果", "health_info"},
    {"病歴", "health_info"}, {"健康診断", "health_info"},
    {"予防接種", "health_info"}, {"カルテ", "health_info"},
    {"身分証", "id_document"}, {"運転免許証", "id_document"},
    {"パスポート", "id_document"}, {"在留カード", "id_document"},
    {"注文内容", "order_info"}, {"注文履歴", "order_info"},
    {"配送先情報", "order_info"}, {"お届け先情報", "order_info"},
    {"予約情報", "order_info"}, {"予約内容", "order_info"},
    {"購入履歴", "purchase_history"}, {"購入商品", "purchase_history"},
    {"商品名", "purchase_history"}, {"口座番号", "bank_account"},
    {"口座情報", "bank_account"},
    /* a bare ID named with its password is a login ID */
    {"IDとパスワード", "login_id"}, {"ID・パスワード", "login_id"},
    {"ID、パスワード", "login_id"}, {"ID／パスワード", "login_id"},
    {"ID/パスワード", "login_id"}, {"ID及びパスワード", "login_id"},
    {"IDおよびパスワード", "login_id"},
    /* a mail account named with its password is its address and its login
     * (電子メールのアカウント、パスワード): the labels read both */
    {"メールのアカウント、パスワード", "email"},
    {"メールのアカウント、パスワード", "login_id"},
    {"メールのアカウント・パスワード", "email"},
    {"メールのアカウント・パスワード", "login_id"},
    {"メールアカウント、パスワード", "email"},
    {"メールアカウント、パスワード", "login_id"},
    {"メールアカウント・パスワード", "email"},
    {"メールアカウント・パスワード", "login_id"},
};

/* "Personal information" and the like name no kind of data: 1.  A
 * population's information (会員情報, 従業員情報) and contact details
 * (連絡先) name none alone either (「従業員情報や取引先情報等」), but as
 * one element among kinds of data (「氏名・住所・会員情報・配送先」) they are
 * a kind of their own, other: 2. */
static int generic_item(const struct jaen_term *term)
{
    static const char *const generic[] = {
        "個人情報", "個人データ", "顧客情報", "お客様情報", "お客さま情報",
        "ユーザー情報", "機密情報", "取引先情報", "企業情報", "利用者情報",
        "情報", "保有個人データ", NULL,
    };
    static const char *const population[] = {
        "従業員情報", "社員情報", "会員情報", "会員登録情報", "登録情報",
        "患者情報", "学生情報", "児童生徒情報", "応募者情報",
        "連絡先",       /* 「連絡先が確認できない方」 names no datum */
        NULL,
    };
    const char *e = term->entry;
    size_t k;

    for (k = 0; e && generic[k]; k++)
        if (strcmp(e, generic[k]) == 0)
            return 1;
    for (k = 0; e && population[k]; k++)
        if (strcmp(e, population[k]) == 0)
            return 2;
    return 0;
}

static int is_item_term(const struct jaen_term *t)
{
    return t->concept && strncmp(t->concept, "data_item.", 10) == 0;
}

/* Does term i of sentence si head a list of its own, a bracket or colon
 * then a kind of data (「会員情報（氏名、住所）」「連絡先：電話番号」)?  Then
 * the list names the kinds, not term i; 「メール情報（一部）」 heads none. */
static int heads_list(const struct ix_doc *d, size_t i, size_t si)
{
    const struct jaen_term *t = &d->terms[i], *next = t + 1;
    size_t e = t->end < (int64_t)d->ncp ? d->cpb[t->end] : d->len;

    if (e >= d->s[si].b
        || !(!memcmp(d->text + e, "（", 3) || d->text[e] == '('
             || !memcmp(d->text + e, "：", 3) || d->text[e] == ':'))
        return 0;
    return i + 1 < d->nterms && is_item_term(next)
           && next->start <= t->end + 2;
}

/* Is term i of sentence si one element of an enumeration of kinds of data:
 * another term of the sentence names a kind, and term i does not head a
 * list of its own? */
static int enumerated(const struct ix_doc *d, size_t i, size_t si)
{
    size_t j;

    if (heads_list(d, i, si))
        return 0;
    for (j = i; j-- > 0 && d->terms[j].start >= d->s[si].start;)
        if (is_item_term(&d->terms[j]) && !generic_item(&d->terms[j]))
            return 1;
    for (j = i + 1; j < d->nterms && d->terms[j].start < d->s[si].end; j++)
        if (is_item_term(&d->terms[j]) && !generic_item(&d->terms[j]))
            return 1;
    return 0;
}

/* Is sentence i a line the view takes for a numbered heading but that has
 * no words (no hiragana): a date or a period that splits one list into
 * sub-lists (「2024年6月25日～2024年7月1日」)? */
static int pseudo_heading(const struct ix_doc *d, size_t i)
{
    const unsigned char *p = (const unsigned char *)IX_S(d, i);
    size_t k, len = IX_L(d, i);

    if (!d->s[i].heading || d->s[i].sec != SEC_NONE)
        return 0;
    for (k = 0; k + 2 < len; k++)   /* hiragana: E3 81 80 - E3 82 9F */
        if (p[k] == 0xE3 && (p[k + 1] == 0x81
                             || (p[k + 1] == 0x82 && p[k + 2] <= 0x9F)))
            return 0;
    return 1;
}

/* Does sentence i end with the people it describes (「…年間パスポートのご
 * 購入履歴のあるお客様」)?  Then the data it names describes them, and is
 * not said to be exposed. */
static int describes_people(const struct ix_doc *d, size_t i)
{
    static const char *const people[] = {
        "お客様", "お客さま", "方", "方々", "皆様", "皆さま", "会員様",
        "利用者", NULL,
    };
    const char *s = IX_S(d, i);
    size_t len = IX_L(d, i);

    while (len >= 3 && (!memcmp(s + len - 3, "。", 3)
                        || !memcmp(s + len - 3, "）", 3)))
        len -= 3;
    return jaen_ix_ends_any(s, len, people);
}

/* Is sentence i a caption over the line below it: short, no full stop,
 * naming data (「上記に含まれる個人情報」, 「【暗号化された情報】」)? */
static int caption(const struct ix_doc *d, size_t i)
{
    static const char *const ends[] = {"情報", "データ", "項目", NULL};
    const char *s = IX_S(d, i);
    size_t len = IX_L(d, i);

    if (d->s[i].end - d->s[i].start > 30 || jaen_ix_has(s, len, "。"))
        return 0;
    if (len >= 6 && !memcmp(s, "【", 3) && !memcmp(s + len - 3, "】", 3))
        len -= 3;
    return jaen_ix_ends_any(s, len, ends);
}

/* Is sentence si a row of a Markdown table? */
static int table_row(const struct ix_doc *d, size_t si)
{
    return IX_L(d, si) > 0 && IX_S(d, si)[0] == '|';
}

/* Is table row si under a heading that speaks of exposure, back over
 * the rows of its tables and the sub-headings that name no section of
 * their own (「### 漏洩のおそれがある個人情報」 over 「#### ①お取引先さま：
 * 74名」 over a table)?  Prose or a heading of another section ends the
 * search. */
static int under_exposure_heading(const struct ix_doc *d, size_t si)
{
    size_t j;

    for (j = si; j-- > 0;) {
        if (!d->s[j].heading) {
            if (!table_row(d, j))
                return 0;
            continue;
        }
        if (ANY_OF(d, j, exposed_strong))
            return 1;
        if (d->s[j].sec != SEC_NONE)
            return 0;
    }
    return 0;
}

/* Does the data named in sentence si count as exposed in that sentence's
 * context (not contact details, not advice, in a sentence about exposure or
 * a list such a sentence or heading introduces)?  In a response section
 * only strong exposure wording counts. */
static int exposed_context(const struct ix_doc *d, size_t si)
{
    const struct ix_sent *s = &d->s[si];
    size_t j, lines;

    if (s->sec == SEC_CONTACT || ANY_OF(d, si, advice))
        return 0;
    if (s->sec == SEC_RESPONSE)
        return ANY_OF(d, si, exposed_strong);
    if (ANY_OF(d, si, exposed) || s->sec == SEC_DATA)
        return 1;
    /* a list item or line after 「以下の情報…」: back over the list's
     * items, then up to three lines before it; a heading right above the
     * list (「漏えいのおそれがある個人データ」) introduces it too */
    j = si;
    while (s->item && j > 0
           && ((d->s[j - 1].item && !d->s[j - 1].heading)
               || pseudo_heading(d, j - 1)))
        j--;            /* 「2021年5月1日～…」 sub-lists under one intro */
    if (s->item && j > 0 && d->s[j - 1].heading)
        return ANY_OF(d, j - 1, exposed_strong)
               && !ANY_OF(d, j - 1, not_exposed);
    if (table_row(d, si) && s->sec == SEC_NONE
        && under_exposure_heading(d, si))
        return 1;
    for (lines = 0; j > 0 && lines < 3 && !d->s[j - 1].heading;
         j--, lines++)
        if (HAS(d, j - 1, "以下") || HAS(d, j - 1, "次の")
            || HAS(d, j - 1, "下記")
            || jaen_ix_has(IX_S(d, j - 1), IX_L(d, j - 1), "：")
            || caption(d, j - 1))     /* 「以下の情報は流出していない」 */
            return ANY_OF(d, j - 1, exposed)
                   && !ANY_OF(d, j - 1, not_exposed)
                   && !ANY_OF(d, j - 1, instructions);
    return 0;
}

/* Does a word of ks end right at byte ta of sentence si (「弊社の」社名,
 * 「送信元」メールアドレス, 「推測しやすい」パスワード)? */
static int word_ends_at(const struct ix_doc *d, size_t si, size_t ta,
                        const char *const *ks)
{
    return ta <= IX_L(d, si) && jaen_ix_ends_any(IX_S(d, si), ta, ks);
}

/* Is the datum starting at byte ta of sentence si the organization's own
 * (an own_prefix word ends right before it)?  Not asked of other: 「当社の
 * メール情報が漏えい」 is the mail the organization held. */
static int own_datum(const struct ix_doc *d, size_t si, size_t ta)
{
    return word_ends_at(d, si, ta, own_prefix);
}

/* Do the data named in sentence si count: exposed in its context, and not
 * describing people? */
static int item_context(const struct ix_doc *d, size_t si)
{
    return exposed_context(d, si) && !describes_people(d, si);
}

/* Is the department named at byte ta of sentence si one of the
 * organization's own units (an own_units word right before it)? */
static int own_unit(const struct ix_doc *d, size_t si, size_t ta)
{
    return word_ends_at(d, si, ta, own_units);
}

/* Is a staff word in bytes [from, to) of sentence si one member's own
 * (「社員の個人アカウント」), not one of a list of populations
 * (「教職員・学生・保護者の」)? */
static int staff_own(const struct ix_doc *d, size_t si, size_t from,
                     size_t to)
{
    static const char *const list_after[] = {"・", "、", "及", "や", NULL};
    const char *t = IX_S(d, si);
    size_t w, kl, k;

    for (w = from; (w = jaen_ix_q_first(d, si, w, to, staff, &kl))
                   != (size_t)-1; w += kl) {
        if (w >= 3 && !memcmp(t + w - 3, "教", 3))
            continue;
        for (k = 0; list_after[k]; k++)
            if (w + kl + 3 <= to && !memcmp(t + w + kl, list_after[k], 3))
                break;
        if (!list_after[k])
            return 1;
    }
    return 0;
}

/* Is item, named at byte ta of sentence si, a login ID or password of the
 * organization's own management tools (named in the 16 code points before
 * it: 「管理システムのログインID・パスワード」) or of one staff member's
 * own account, or one a cause section names (「パスワード漏洩により
 * 侵入」)? */
static int admin_credential(const struct ix_doc *d, size_t si,
                            const char *item, size_t ta)
{
    size_t from = ta > 48 ? ta - 48 : 0, kl;

    if (strcmp(item, "login_id") && strcmp(item, "password"))
        return 0;
    return staff_own(d, si, from, ta)
           || jaen_ix_q_first(d, si, from, ta, admin_tools, &kl) != (size_t)-1
           || d->s[si].sec == SEC_CAUSE || ANY_OF(d, si, tried_here);
}

/* Is byte neg of s inside a bracket opened after byte off (a note about
 * other data than the one ending at off)? */
static int in_later_bracket(const char *s, size_t off, size_t neg)
{
    size_t k, open = (size_t)-1;

    for (k = off; k + 3 <= neg; k++)
        if (!memcmp(s + k, "（", 3) || s[k] == '(')
            open = k;
        else if (!memcmp(s + k, "）", 3) || s[k] == ')')
            open = (size_t)-1;
    return open != (size_t)-1;
}

/* Is the data named at byte off of sentence si denied later in its
 * clause (「…は含まれておりません」)? */
static int denied(const struct ix_doc *d, size_t si, size_t off)
{
    size_t kl, len = IX_L(d, si);
    size_t neg = jaen_ix_q_first(d, si, off, len, not_exposed, &kl);
    size_t nf = jaen_ix_q_first(d, si, off, len, not_found, &kl);

    /* 「漏えいの事実は確認されておりません」「パスワード情報への不正アクセス
     * は確認されておりません」: a leak word in the 8 code points before
     * the finding */
    if (nf != (size_t)-1 && (neg == (size_t)-1 || nf < neg)
        && (jaen_ix_q_first(d, si, nf > off + 24 ? nf - 24 : off, nf,
                            reached_words, &kl) != (size_t)-1
            || (nf - off <= 120 && word_ends_at(d, si, nf, topic_before)
                && jaen_ix_q_first(d, si, off, nf, exposure_between, &kl)
                   == (size_t)-1)))
        neg = nf;
    if (neg == (size_t)-1)
        return 0;
    if (in_later_bracket(IX_S(d, si), off, neg))
        return 0;       /* 「銀行口座番号（暗証番号は含みません）」 */
    return jaen_ix_q_first(d, si, off, neg, turns, &kl) == (size_t)-1;
}

/* Does a word of ks start within `within` bytes after byte off of
 * sentence si? */
static int after_within(const struct ix_doc *d, size_t si, size_t off,
                        const char *const *ks, size_t within)
{
    size_t kl, len = IX_L(d, si);
    size_t to = off + within + 36 < len ? off + within + 36 : len;
    size_t at = jaen_ix_q_first(d, si, off, to, ks, &kl);

    return at != (size_t)-1 && at <= off + within;
}

/* Does a word of ks start within four code points after byte off? */
static int right_after(const struct ix_doc *d, size_t si, size_t off,
                       const char *const *ks)
{
    return after_within(d, si, off, ks, 12);
}

/* Does a verb_after word follow byte off of sentence si at once? */
static int verb_follows(const struct ix_doc *d, size_t si, size_t off)
{
    size_t kl, len = IX_L(d, si);

    return jaen_ix_q_first(d, si, off, off + 6 < len ? off + 6 : len,
                           verb_after, &kl) == off;
}

/* Is item, ending at byte off of sentence si, not data at all there: a
 * datum used to reach people (「連絡先等が特定でき」), a password that is a
 * safeguard (「パスワードによる保護」, 「パスワードにより暗号化」) or a
 * ransom's key (「複合鍵（パスワード）」), credentials the attacker used to
 * enter (「IDとパスワードを使用し」), 所属 as a verb (「所属する方」), an
 * IP address as access control (「許可IPアドレスを…に制限」), a document
 * that holds the data named (「本文に記載された」)? */
static int not_data(const struct ix_doc *d, size_t si, const char *item,
                    size_t ta, size_t off)
{
    int cred = !strcmp(item, "password") || !strcmp(item, "login_id");

    return right_after(d, si, off, used_for)
           /* past the rest of the pair: 「ID、パスワードを使用し」 */
           || (cred && after_within(d, si, off, used_to_enter, 30))
           || (strcmp(item, "password") == 0
               && (right_after(d, si, off, safeguard)
                   || right_after(d, si, off, pw_attack)
                   || word_ends_at(d, si, ta, pw_setting)
                   /* a key (復号鍵（パスワード）の開示と引き換えに) */
                   || (ta >= 6 && memcmp(IX_S(d, si) + ta - 6, "鍵（", 6)
                                      == 0)))
           || (strcmp(item, "ip_address") == 0
               && (after_within(d, si, off, ip_control, 30)
                   || (jaen_ix_q_any(d, si, ip_route)
                       && !jaen_ix_q_any(d, si, leak_words))
                   || word_ends_at(d, si, ta, ip_whose)))
           || (strcmp(item, "department") == 0
               && (verb_follows(d, si, off)
                   || after_within(d, si, off, unit_as_people, 0)))
           || (strcmp(item, "credit_card_number") == 0
               && after_within(d, si, off, pay_by, 0))
           || (strcmp(item, "photo") == 0
               && word_ends_at(d, si, ta, photo_of_things))
           || (strcmp(item, "email") == 0
               && (right_after(d, si, off, addr_abused)
                   || word_ends_at(d, si, ta, addr_sender)))
           || (strcmp(item, "other") == 0
               && right_after(d, si, off, written_in));
}

/* Does item, named at bytes [ta, off) of a sentence si about exposure,
 * count: not denied, not something other than data there, not the
 * organization's own? */
static int datum_counts(const struct ix_doc *d, size_t si, const char *item,
                        size_t ta, size_t off)
{
    return !denied(d, si, off) && !not_data(d, si, item, ta, off)
           && !after_within(d, si, off, asked, 45)
           && !admin_credential(d, si, item, ta)
           && !(strcmp(item, "other") && own_datum(d, si, ta))
           && !(!strcmp(item, "department") && own_unit(d, si, ta));
}

static void set_item(unsigned long *m, const char *name)
{
    int k;

    for (k = 0; items[k]; k++)
        if (strcmp(name, items[k]) == 0)
            *m |= 1ul << k;
}

int jaen_ix_items(const struct ix_doc *d, json_t *out)
{
    size_t i, n = d->nterms, si, k, off, ta;
    unsigned long m = 0;
    size_t last = (size_t)-1;
    int ok = 0;

    for (i = 0; i < n; i++) {
        const struct jaen_term *t = &d->terms[i];
        const char *c = t->concept;
        int g;

        if (!is_item_term(t) || (g = generic_item(t)) == 1)
            continue;
        si = jaen_ix_sent_at(d, t->start);
        if (si >= d->ns || (g == 2 && !enumerated(d, i, si))
            || (!strcmp(c + 10, "other") && heads_list(d, i, si)))
            continue;
        if (si != last) {
            last = si;
            ok = item_context(d, si);
        }
        if (t->end > (int64_t)d->ncp || d->cpb[t->end] < d->s[si].a)
            continue;
        off = d->cpb[t->end] - d->s[si].a;
        if (off > IX_L(d, si))
            off = IX_L(d, si);
        ta = d->cpb[t->start] < d->s[si].a ? 0
                                           : d->cpb[t->start] - d->s[si].a;
        if (ok && datum_counts(d, si, c + 10, ta, off))
            set_item(&m, c + 10);
    }
    for (si = 0; si < d->ns; si++)
        for (k = 0; k < sizeof(text_items) / sizeof(text_items[0]); k++) {
            ta = jaen_ix_q_find(d, si, 0, text_items[k][0]);
            if (ta != (size_t)-1 && item_context(d, si)
                && datum_counts(d, si, text_items[k][1], ta,
                                ta + strlen(text_items[k][0])))
                set_item(&m, text_items[k][1]);
        }
    for (k = 0; items[k]; k++)
        if (m & (1ul << k))
            if (json_array_append_new(out, json_string(items[k])))
                return JAEN_ENOMEM;
    return JAEN_OK;
}

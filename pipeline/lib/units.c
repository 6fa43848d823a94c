/* units.c: the unit table and its longest-match lookup. */
#include "units.h"

#include <uchar.h>

#define W(s) ((const uint32_t *)U##s)

#define Q(w, b, e, nb) {W(w), b, e, JAEN_UNIT_QUANTITY, 0, 1, nb}
#define M(w, b, e) {W(w), b, e, JAEN_UNIT_MONEY, 0, 1, NULL}
#define D(w, b, e, iso) {W(w), b, e, JAEN_UNIT_DURATION, iso, 1, NULL}

/* Longer entries need not come first: the lookup keeps the longest. */
static const struct jaen_unit table[] = {
    Q("件", "件", "record", NULL),
    Q("名", "名", "person", W("義称前簿寄刺")),
    Q("人", "人", "person", W("事材員物間工口気")),
    Q("社", "社", "company", W("員内外会長名屋是")),
    Q("法人", "法人", "organization", NULL),
    Q("団体", "団体", "organization", NULL),
    Q("機関", "機関", "organization", NULL),
    Q("自治体", "自治体", "municipality", NULL),
    Q("台", "台", "device", W("帳湾風所")),
    Q("端末", "端末", "device", NULL),
    Q("通", "通", "item", W("り知報信常販過称")),
    Q("個", "個", "item", W("人別所")),
    Q("点", "点", "item", W("検")),
    Q("枚", "枚", "sheet", NULL),
    Q("冊", "冊", "volume", NULL),
    Q("校", "校", "school", W("舎長正")),
    Q("店", "店", "store", W("頭長")),
    Q("店舗", "店舗", "store", NULL),
    Q("施設", "施設", "facility", NULL),
    Q("病院", "病院", "hospital", NULL),
    Q("世帯", "世帯", "household", NULL),
    Q("拠点", "拠点", "site", NULL),
    Q("箇所", "箇所", "location", NULL),
    Q("か所", "箇所", "location", NULL),
    Q("カ所", "箇所", "location", NULL),
    Q("ヶ所", "箇所", "location", NULL),
    Q("ケ所", "箇所", "location", NULL),
    Q("ヵ所", "箇所", "location", NULL),
    Q("回", "回", "time", W("答復収避覧線転路")),
    Q("回線", "回線", "line", NULL),
    Q("種類", "種類", "kind", NULL),
    Q("項目", "項目", "field", NULL),
    Q("アカウント", "アカウント", "account", NULL),
    Q("口座", "口座", "account", NULL),
    Q("ファイル", "ファイル", "file", NULL),
    Q("フォルダ", "フォルダ", "folder", NULL),
    Q("サイト", "サイト", "site", NULL),
    Q("ドメイン", "ドメイン", "domain", NULL),
    Q("サーバ", "サーバ", "server", NULL),
    Q("サーバー", "サーバ", "server", NULL),
    Q("ページ", "ページ", "page", NULL),
    Q("頁", "ページ", "page", NULL),
    Q("ポイント", "ポイント", "point", NULL),
    Q("桁", "桁", "digit", NULL),
    Q("文字", "文字", "character", NULL),
    Q("歳", "歳", "year_of_age", NULL),
    Q("TB", "TB", "terabyte", NULL),
    Q("GB", "GB", "gigabyte", NULL),
    Q("MB", "MB", "megabyte", NULL),
    Q("KB", "KB", "kilobyte", NULL),
    Q("テラバイト", "TB", "terabyte", NULL),
    Q("ギガバイト", "GB", "gigabyte", NULL),
    Q("メガバイト", "MB", "megabyte", NULL),
    M("円", "円", "yen"),
    M("ドル", "ドル", "dollar"),
    M("米ドル", "ドル", "dollar"),
    M("ユーロ", "ユーロ", "euro"),
    {W("%"), "%", "percent", JAEN_UNIT_PERCENT, 0, 1, NULL},
    {W("パーセント"), "%", "percent", JAEN_UNIT_PERCENT, 0, 1, NULL},
    {W("割"), "割", "percent", JAEN_UNIT_PERCENT, 0, 10, W("引合当愛")},
    D("年間", "年", "year", 'Y'),
    D("か月", "月", "month", 'M'),
    D("ヶ月", "月", "month", 'M'),
    D("カ月", "月", "month", 'M'),
    D("ケ月", "月", "month", 'M'),
    D("ヵ月", "月", "month", 'M'),
    D("箇月", "月", "month", 'M'),
    D("か月間", "月", "month", 'M'),
    D("ヶ月間", "月", "month", 'M'),
    D("カ月間", "月", "month", 'M'),
    D("ヵ月間", "月", "month", 'M'),
    D("週間", "週", "week", 'W'),
    D("日間", "日", "day", 'D'),
    D("時間", "時間", "hour", 'H'),
    D("分間", "分", "minute", 'm'),
    D("秒間", "秒", "second", 'S'),
    D("秒", "秒", "second", 'S'),
    D("営業日", "営業日", "business_day", 0),
};

static size_t prefix(const uint32_t *s, size_t n, size_t i,
                     const uint32_t *w)
{
    size_t k = 0;
    while (w[k]) {
        if (i + k >= n || s[i + k] != w[k])
            return 0;
        k++;
    }
    return k;
}

static int listed(const uint32_t *set, uint32_t c)
{
    for (; set && *set; set++)
        if (*set == c)
            return 1;
    return 0;
}

const struct jaen_unit *jaen_unit_match(const uint32_t *s, size_t n,
                                        size_t i, size_t *len)
{
    const struct jaen_unit *best = NULL;
    size_t k, bl = 0;

    *len = 0;
    if (i >= n || s[i] < 0x25)
        return NULL;
    for (k = 0; k < sizeof table / sizeof table[0]; k++) {
        size_t l;
        if (table[k].written[0] != s[i])
            continue;
        l = prefix(s, n, i, table[k].written);
        if (l <= bl)
            continue;
        if (i + l < n && listed(table[k].not_before, s[i + l]))
            continue;
        /* ASCII units must not run on into a word: "5GBit" */
        if (s[i] < 0x80 && i + l < n &&
            ((s[i + l] | 0x20) >= 'a' && (s[i + l] | 0x20) <= 'z'))
            continue;
        best = &table[k];
        bl = l;
    }
    if (best && best->type == JAEN_UNIT_QUANTITY && i + bl < n &&
        s[i + bl] == 0x5206 &&                      /* 分 */
        !(i + bl + 1 < n && s[i + bl + 1] == 0x9593)) /* not 分間 */
        bl++;
    *len = bl;
    return best;
}

const struct jaen_unit *jaen_unit_table(size_t *count)
{
    *count = sizeof table / sizeof table[0];
    return table;
}

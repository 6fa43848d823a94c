#!/usr/bin/env python3
"""Writes the bad-input cases of tests/bad/ (issue 7, RELIABILITY.md §4).

The case files are committed; this script documents how each was made and
rewrites them all when run (python3 tests/bad/make-cases.py).  A case is
  NAME.md / NAME.txt   raw source bytes (archive Markdown or plain text),
  NAME.jsonl           a document stream,
  NAME.EXT.gen         a case too big to commit: a Python expression whose
                       bytes value tests/e2e/bad_input.sh writes to NAME.EXT.
Every text here is written for the tests; none comes from the corpus."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
cases = {}


def case(name, data):
    assert name not in cases, name
    cases[name] = data.encode() if isinstance(data, str) else data


MD = ("# 公表概要\n\n- 架空データ株式会社\n- 不正アクセスに関するお知らせ\n"
      "- 2025年3月11日\n- https://example.com/n/1\n\n# 本文\n\n"
      "## 1. 経緯\n\n2025年3月1日、当社サーバへの不正アクセスを確認しました。"
      "約1,200件の個人情報が漏えいした可能性があります。\n"
      "- 氏名\n- メールアドレス\n\n現時点で二次被害は確認されておりません。\n")
J = '"jaen":"jaen.stream/1"'


def rec(text, extra="", rid="x"):
    return '{%s,"id":"%s","text":%s%s}' % (J, rid, text, extra)


# ---- ill-formed UTF-8 (Unicode §3.9, Kuhn's UTF-8-test) in raw text
raw = {
    "utf8_lone_continuation": b"\x80",
    "utf8_fe": b"\xfe",
    "utf8_ff": b"\xff",
    "utf8_truncated_before_ascii": b"\xe3\x81A",
    "utf8_overlong_slash_2byte": b"\xc0\xaf",
    "utf8_overlong_slash_3byte": b"\xe0\x80\xaf",
    "utf8_overlong_4byte": b"\xf0\x80\x80\xaf",
    "utf8_modified_nul": b"\xc0\x80",
    "utf8_surrogate": b"\xed\xa0\x80",
    "utf8_cesu_pair": b"\xed\xa0\xbd\xed\xb8\x80",
    "utf8_beyond_10ffff": b"\xf4\x90\x80\x80",
    "utf8_5_and_6_byte": b"\xf8\x88\x80\x80\x80\xfc\x84\x80\x80\x80\x80",
    "utf8_table_3_8": bytes.fromhex("61F18080E180C2628063 80BF64".replace(" ", "")),
}
for name, bad in raw.items():
    case(name + ".txt", "不正".encode() + bad + "アクセス。次の文。\n".encode())
case("utf8_truncated_at_eof.txt", "最後の文字が切れる".encode() + b"\xe3\x81")
case("utf8_noncharacters.txt", "値\uFFFE\uFFFF\U0010FFFFは有効。\n")
case("utf8_shift_jis.txt", "不正アクセスを確認しました。\n".encode("shift_jis"))
case("utf8_euc_jp.txt", "個人情報が漏えいしました。\n".encode("euc_jp"))
case("utf8_latin1.txt", "caf\u00e9 na\u00efve r\u00e9sum\u00e9\n".encode("latin-1"))
case("utf8_in_markdown.md", MD.encode().replace("氏名".encode(), b"\xe6\xb0\x8f\xff\xfe"))
# ... and inside JSON strings, keys and between tokens
case("utf8_in_string.jsonl", b'{"id":"a","text":"\xe3\x81 \xf4\x90\x80\x80 \xc0\xaf end"}\n')
case("utf8_in_key.jsonl", b'{"id":"a","te\xffxt":"x","text":"ok"}\n')
case("utf8_overlong_quote.jsonl", b'{"id":"a","text":"x\xc0\xa2}\n')
case("utf8_surrogate_in_string.jsonl", b'{"id":"a","text":"\xed\xa0\x80\xed\xbf\xbf"}\n')
case("utf8_truncated_at_eof.jsonl", b'{"id":"a","text":"ok"}\n{"id":"b","text":"\xe3\x81')
case("utf8_shift_jis.jsonl", ('{"id":"a","text":"%s"}\n' % "漏えい").encode("shift_jis"))

# ---- byte order marks
case("bom_start.md", b"\xef\xbb\xbf" + MD.encode())
case("bom_only.txt", b"\xef\xbb\xbf")
case("bom_twice.txt", b"\xef\xbb\xbf\xef\xbb\xbf" + "本文。\n".encode())
case("bom_utf16le.txt", b"\xff\xfe" + "本文です。\n".encode("utf-16-le"))
case("bom_start.jsonl", b"\xef\xbb\xbf" + rec('"文。"').encode() + b"\n")
case("bom_later.jsonl", (rec('"一。"', rid="a") + "\n").encode() + b"\xef\xbb\xbf"
     + (rec('"二。"', rid="b") + "\n").encode())
case("bom_only_line.jsonl", b"\xef\xbb\xbf\n" + rec('"文。"').encode() + b"\n")

# ---- NUL bytes
case("nul_in_text.txt", "前\x00後。\x00\x00終わり。\n")
case("nul_in_markdown.md", MD.replace("架空データ株式会社", "架空\x00データ株式会社"))
case("nul_raw_in_string.jsonl", b'{"id":"a","text":"a\x00b"}\n' + rec('"ok"', rid="b").encode() + b"\n")
case("nul_escaped.jsonl", rec('"a\\u0000b。c"') + "\n")
case("nul_between_records.jsonl", rec('"一"', rid="a") + "\n\x00\n" + rec('"二"', rid="b") + "\n")

# ---- line ends
case("crlf.md", MD.replace("\n", "\r\n"))
case("cr_only.md", MD.replace("\n", "\r"))
case("mixed_line_ends.txt", "一行目。\r\n二行目。\r三行目。\n\r\n四行目")
case("crlf.jsonl", rec('"一。"', rid="a") + "\r\n" + rec('"二。"', rid="b") + "\r\n")
case("cr_only.jsonl", rec('"一。"', rid="a") + "\r" + rec('"二。"', rid="b") + "\r")
case("no_final_newline.jsonl", rec('"一。"', rid="a") + "\n" + rec('"二。"', rid="b"))
case("blank_lines.jsonl", "\n \n\t\n" + rec('"一。"', rid="a") + "\n\r\n\n" + rec('"二。"', rid="b") + "\n\n")
case("empty.txt", b"")
case("empty.jsonl", b"")
case("only_newlines.txt", "\n\n\r\n\n")

# ---- combining marks, variation selectors, half-width kana, separators
case("combining_at_start.txt", "\u3099が先頭。\u0301も先頭。\n")
case("combining_at_start.jsonl", rec('"\u3099先頭の濁点。"', rid="a") + "\n" + rec('"\u0301"', rid="b") + "\n")
case("combining_pile.txt", "あ" + "\u0301" * 5000 + "。次。\n")
case("variation_selectors.txt", "葛\U000E0100城市。👍\uFE0F良い。\u263A\uFE0E\n")
case("variation_selectors.jsonl", rec('"葛\U000E0100城市と👍\uFE0F"') + "\n")
case("halfwidth_kana.txt", "ｶﾞｷﾞｸﾞﾊﾟｽﾜｰﾄﾞ。ﾞ単独。ｱﾟ\n")
case("halfwidth_kana.jsonl", rec('"ﾊﾟｽﾜｰﾄﾞが漏えい。ﾞ"') + "\n")
case("separators.txt", "一\u2028二\u2029三\u0085四\x1b[31m五\x0b六\x0c七。\n")
case("separators.jsonl", rec('"一\u2028二\u2029三\u0085四\\u001b五"') + "\n")
case("emoji_zwj_bidi.txt", "👩\u200d💻が\u202eアクセス\u202c。\U0001F1EF\U0001F1F5\n")

# ---- big: long lines, many records, deep and huge JSON (generated)
# The long lines are a little over 1 MiB (they were 10 MB): each is one
# record bigger than a job of the pool (JOB_BYTES), many reads (64 KiB)
# long, and segment cuts it into 17 or 18 of its 64 KiB chunks
# (JAEN_SEG_CHUNK_U16): at a code point, after a 、 or, for the ASCII run
# of exactly 17 chunks, at each chunk's end.  tests/e2e/segment_pipes.sh
# has segment's 50 MB line.
case("line_1mb.txt.gen", "('不正アクセス' * 64000).encode()")
case("line_1mb_commas.txt.gen", "('あ、' * 192000 + '。').encode()")
case("line_1mb_ascii.md.gen",
     "'# 公表概要\\n\\n- x\\n\\n# 本文\\n\\n'.encode() + b'a' * (17 * 65536) + b'\\n'")
case("line_1mb.jsonl.gen",
     "b'{\"id\":\"big\",\"text\":\"' + ('漏えい' * 128000).encode() + b'\"}\\n'")
case("deep_array.jsonl.gen", "b'[' * 100000 + b'\\n'")
case("deep_in_field.jsonl.gen",
     "b'{\"id\":\"d\",\"text\":\"x\",\"deep\":' + b'[' * 3000 + b']' * 3000 + b'}\\n'")
# 80,000 one-letter tokens in one sentence: more than 65,536, on a line of
# a little over 1 MiB
case("many_tokens.jsonl.gen",
     "b'{\"id\":\"t\",\"text\":\"' + b'a' * 80000 + b'\",\"sentences\":[{\"start\":0,\"end\":80000,\"tokens\":['"
     " + b','.join(b'[%d,%d]' % (i, i + 1) for i in range(80000)) + b']}]}\\n'")
case("many_records.jsonl.gen",
     "b''.join(b'{\"id\":\"r%d\",\"text\":\"%d\\xe4\\xbb\\xb6\"}\\n' % (i, i) for i in range(5000))")
# 20,000 meta bullets: one document for segment and run, 20,000 lines for
# --input lines and for the JSONL stages (an error record each).  md.c has
# no cap on bullets; 100,000 cost the CI's bad_input about 9 s.
case("md_many_bullets.md.gen",
     "('# 公表概要\\n\\n' + ''.join('- 項目%d\\n' % i for i in range(20000)) + '\\n# 本文\\n\\n本文。\\n').encode()")
case("deep_ok.jsonl", rec('"x"', ',"deep":' + "[" * 100 + "]" * 100) + "\n")

# ---- 9999京 and other numbers
case("big_9999kei.txt", "損害は9999京円、９９９９京件、無量大数、1億2345万人、"
     "99990000000000000000件、1,000,000,000,000,000,000,000円。\n")
case("big_9999kei.md", MD.replace("約1,200件", "9999京件"))
case("big_number_field.jsonl", rec('"9999京件"', ',"n":99990000000000000000,"m":-1e999999') + "\n")
case("big_offsets.jsonl", rec('"abc"', ',"sentences":[{"start":0,"end":99999999999999999999,"tokens":[]}]') + "\n")
case("negative_offsets.jsonl", rec('"abc"', ',"sentences":[{"start":-3,"end":2,"tokens":[[-3,-1]]}]') + "\n")
case("float_offsets.jsonl", rec('"abc"', ',"sentences":[{"start":0.5,"end":2,"tokens":[[0,1.5]]}]') + "\n")
case("offsets_past_text.jsonl", rec('"abc"', ',"sentences":[{"start":0,"end":50,"tokens":[[0,1],[40,50]]}]') + "\n")
case("offsets_overlap.jsonl", rec('"abcdef"', ',"sentences":[{"start":0,"end":4,"tokens":[[0,3],[2,4]]},'
     '{"start":2,"end":6,"tokens":[]}]') + "\n")

# ---- JSON structure and types
case("dup_key_top.jsonl", '{"id":"a","text":"一","text":"二"}\n')
case("dup_key_nested.jsonl", rec('"一"', ',"meta":{"published":"2025-01-01","published":"x"}') + "\n")
case("wrong_type_text_number.jsonl", '{"id":"a","text":42}\n')
case("wrong_type_text_null.jsonl", '{"id":"a","text":null}\n')
case("wrong_type_sentences_string.jsonl", rec('"文。"', ',"sentences":"文。"') + "\n")
case("wrong_type_tokens.jsonl", rec('"文。"', ',"sentences":[{"start":0,"end":2,"tokens":[{"s":0}]}]') + "\n")
case("wrong_type_id_object.jsonl", '{"id":{"x":1},"text":"文。"}\n')
case("wrong_type_meta.jsonl", rec('"文。"', ',"meta":"2025-03-11"') + "\n")
case("wrong_type_entities.jsonl", rec('"文。"', ',"entities":{"start":0}') + "\n")
case("top_level_array.jsonl", '[{"id":"a","text":"x"}]\n')
case("top_level_scalars.jsonl", '"text"\n42\nnull\ntrue\n')
case("missing_text.jsonl", '{"id":"a"}\n{}\n')
case("lone_surrogate_escape.jsonl", rec('"\\ud800"') + "\n" + rec('"\\udc00x"', rid="y") + "\n")
case("surrogate_pair_escape.jsonl", rec('"\\ud83d\\ude00です。"') + "\n")
case("trailing_data.jsonl", rec('"一"') + ' x\n' + rec('"二"', rid="y") + rec('"三"', rid="z") + "\n")
case("cut_mid_record.jsonl", rec('"一。"', rid="a") + "\n" + rec('"二。"', rid="b") + "\n" + '{"id":"c","text":"三')
case("cut_mid_escape.jsonl", rec('"一。"', rid="a") + "\n" + '{"id":"b","text":"\\u30')
case("cut_after_key.jsonl", rec('"一。"', rid="a") + "\n" + '{"id":"b","text"')
case("garbage_lines.jsonl", b"\x01\x02\x03\n}{\n:::\n" + b"\x89PNG\r\n\x1a\n" + rec('"ok"').encode() + b"\n")
case("json_extensions.jsonl", '{"id":"a",/*c*/"text":"x"}\n{\'id\':\'b\'}\n{"id":"c","text":"x",}\n{"n":NaN,"text":"x"}\n')
case("control_chars_in_string.jsonl", b'{"id":"a","text":"tab\there\x01"}\n')
case("bad_escapes.jsonl", '{"id":"a","text":"\\q\\x41"}\n{"id":"b","text":"\\u12G4"}\n')
case("error_record.jsonl", '{"id":"r:7","raw":"{\\"id\\": ","error":{"stage":"normalize","message":"invalid JSON",'
     '"code":"malformed input","line":7,"column":8}}\n')
case("unknown_fields.jsonl", rec('"文。"', ',"x_custom":{"b":[1,2.50,"\\u00e9\\/"],"a":null},"n":1E+2') + "\n")

# ---- archive Markdown oddities
case("md_heading_only.md", "# 公表概要\n")
case("md_no_body.md", "# 公表概要\n\n- 架空株式会社\n- 2025年3月11日\n")
case("md_body_only.md", "# 本文\n\n本文だけ。\n")
case("md_bad_dates.md", MD.replace("2025年3月11日", "2025年13月45日").replace("2025年3月1日", "令和0年2月30日"))
case("md_deep_lists.md", MD + "".join("  " * i + "- 入れ子%d\n" % i for i in range(300)))
case("md_long_heading.md", "# 公表概要\n\n- " + "長" * 100000 + "\n\n# 本文\n\n#" * 200 + " 見出し\n")
case("md_two_documents.md", MD + "\n" + MD.replace("2025年3月11日", "2025年3月12日"))


def main():
    for name in os.listdir(HERE):
        if name.endswith((".md", ".txt", ".jsonl", ".gen")) and name not in cases:
            os.remove(os.path.join(HERE, name))
    for name, data in sorted(cases.items()):
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
    print(len(cases), "cases")


if __name__ == "__main__":
    main()

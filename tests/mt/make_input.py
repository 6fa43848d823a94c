#!/usr/bin/env python3
"""Writes the translate tests' input: three documents in the jaen stream
form after gloss (sentences, terms, entities, one fixed phrase).  The
sentences are generic and written for these tests; offsets are code points.
"""
import json
import sys

TERMS = {"不正アクセス": ("unauthorized access", "incident_type.unauthorized_access"),
         "個人情報": ("personal information", "data_item.personal_information")}


def doc(doc_id, sentences, entities=(), phrases=None):
    text = "\n".join(sentences)
    sents, terms, ents = [], [], []
    pos = 0
    for i, s in enumerate(sentences):
        o = {"start": pos, "end": pos + len(s)}
        if phrases and i in phrases:
            o["phrase"] = phrases[i]
        sents.append(o)
        for ja, (en, concept) in TERMS.items():
            k = s.find(ja)
            while k >= 0:
                terms.append({"start": pos + k, "end": pos + k + len(ja),
                              "ja": ja, "en": en, "concept": concept})
                k = s.find(ja, k + 1)
        pos += len(s) + 1
    for surface, ent in entities:
        k = text.find(surface)
        assert k >= 0, surface
        e = {"type": ent["type"], "start": k, "end": k + len(surface),
             "surface": surface}
        e.update({x: y for x, y in ent.items() if x != "type"})
        ents.append(e)
    terms.sort(key=lambda t: t["start"])
    ents.sort(key=lambda t: t["start"])
    d = {"jaen": "jaen.stream/1", "id": doc_id, "meta": {"title": "テスト"},
         "text": text, "sentences": sents}
    if ents:
        d["entities"] = ents
    if terms:
        d["terms"] = terms
    return d


a = doc("a.md", [
    "このたび、当社サーバーへの不正アクセスが発生しました。",
    "約16万件の個人情報が流出した可能性があります。",
    "2025年3月11日に外部からの指摘により発覚しました。",
    "お客様には多大なご迷惑をおかけし、深くお詫び申し上げます。",
    "A&B <test> 記号を含む文です。",
], entities=[
    ("約16万件", {"type": "quantity", "value": 160000, "unit": "件",
                "unit_en": "record", "approx": True}),
    ("2025年3月11日", {"type": "date", "value": "2025-03-11"}),
], phrases={3: {"concept": "phrase.apology",
                "en": "We sincerely apologize for the inconvenience."}})

b_sent = ["対象のシステム%d番について調査を継続しています。" % (i + 1)
          for i in range(60)]
b = doc("b dir/ｂ.md", b_sent)

c = doc("c.md", [
    "このたび、当社サーバーへの不正アクセスが発生しました。",
    "このたび、当社サーバーへの不正アクセスが発生しました。",
    "約16万件の個人情報が流出した可能性があります。",
], entities=[
    ("約16万件", {"type": "quantity", "value": 160000, "unit": "件",
                "unit_en": "record", "approx": True}),
])

# --overlap: a term that swallows a value (24時間監視 contains 24時間).
TERMS["24時間監視"] = ("continuous monitoring", "security.monitoring_247")
d = doc("d.md", ["24時間監視の体制を構築しました。"], entities=[
    ("24時間", {"type": "duration", "value": 24, "unit": "時間",
              "unit_en": "hour", "iso": "PT24H"}),
])
docs = [d] if sys.argv[1:] == ["--overlap"] else [a, b, c]
for x in docs:
    sys.stdout.write(json.dumps(x, ensure_ascii=False) + "\n")

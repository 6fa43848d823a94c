#!/usr/bin/env bash
# jaen record --format veris: every record of corpus/ (always) and of
# ../shared/corpus (when present) validates against the VERIS 1.4.1
# required fields, enumerations and cross-field rules
# (tests/veris/verisc-1.4.1-subset.json, scripts/validate-veris.py); ids are
# the UUIDv5 of the record id; a second run gives the same bytes; おそれ gives
# Potentially; a document that failed upstream stays one error line.
set -u
jaen=$1
src=$2
build=$3
export JAEN_DICT=$build/dict/jaen.dict
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
validate=(python3 "$src/scripts/validate-veris.py" --schema
          "$src/tests/veris/verisc-1.4.1-subset.json")

pipeline() {    # FILE... → glossed stream on stdout
    "$jaen" segment "$@" | "$jaen" normalize | "$jaen" gloss
}

check_set() {   # NAME GLOSSED
    local name=$1 in=$2
    "$jaen" record --format veris < "$in" > "$tmp/$name.veris" || {
        echo "FAIL $name: jaen record --format veris exited $?"; fail=1; }
    "$jaen" record --format veris < "$in" > "$tmp/$name.again"
    cmp -s "$tmp/$name.veris" "$tmp/$name.again" || {
        echo "FAIL $name: a second run differs"; fail=1; }
    "$jaen" record < "$in" > "$tmp/$name.rec"
    [ "$(wc -l < "$tmp/$name.veris")" = "$(wc -l < "$in")" ] || {
        echo "FAIL $name: not one line per document"; fail=1; }
    "${validate[@]}" --quiet "$tmp/$name.veris" || {
        "${validate[@]}" "$tmp/$name.veris" | head -20; fail=1; }
    # incident_id = uuid5(NAMESPACE_URL, "jaen:incident:" + id)
    python3 - "$tmp/$name.rec" "$tmp/$name.veris" <<'EOF' || fail=1
import json, sys, uuid, collections
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
ver = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
bad = 0
disc = collections.Counter()
for r, v in zip(recs, ver):
    want = str(uuid.uuid5(uuid.NAMESPACE_URL, "jaen:incident:" + r["id"]))
    if v.get("incident_id") != want:
        print(f"FAIL {r['id']}: incident_id {v.get('incident_id')} != {want}")
        bad += 1
    if "error" in r:
        continue
    conf = v["attribute"]["confidentiality"]
    disc[conf["data_disclosure"]] += 1
    totals = [c["value"] for c in r["impact"]["counts"]
              if c["unit"] in ("person", "record")
              and isinstance(c["value"], int)]
    if totals and conf.get("data_total") != max(totals):
        print(f"FAIL {r['id']}: data_total {conf.get('data_total')} != "
              f"{max(totals)}")
        bad += 1
    pub = r["source"]["published"]
    inc = v["timeline"]["incident"]
    if pub and r["incident"]["detected"] is None \
            and inc["year"] != int(pub[:4]):
        print(f"FAIL {r['id']}: timeline year {inc['year']} vs {pub}")
        bad += 1
print(f"  data_disclosure: {dict(disc)}")
sys.exit(1 if bad else 0)
EOF
}

# corpus/: the samples in the repository, always
mapfile -d '' samples < <(find "$src/corpus" -name '*.md' ! -name README.md \
                          -print0 | sort -z)
pipeline "${samples[@]}" > "$tmp/samples.gl"
check_set samples "$tmp/samples.gl"
echo "corpus/: $(wc -l < "$tmp/samples.veris") records"

# おそれ → Potentially, a denial alone → Unknown, error records pass
printf '%s\n' '個人情報が外部に流出したおそれがあります。' \
    | "$jaen" segment --input lines | "$jaen" normalize | "$jaen" gloss \
    | "$jaen" record --format veris > "$tmp/osore.veris"
grep -q '"data_disclosure":"Potentially"' "$tmp/osore.veris" || {
    echo "FAIL: おそれ did not give Potentially"; fail=1; }
printf '%s\n' '情報が外部に流出した痕跡は確認されておりません。' \
    | "$jaen" segment --input lines | "$jaen" normalize | "$jaen" gloss \
    | "$jaen" record --format veris > "$tmp/denial.veris"
grep -q '"data_disclosure":"Unknown"' "$tmp/denial.veris" || {
    echo "FAIL: a denial did not give Unknown"; fail=1; }
printf '%s\n' '{"id":"x","error":{"stage":"gloss","message":"m"}}' \
    | "$jaen" record --format veris > "$tmp/err.veris"
grep -q '"schema":"jaen.incident/1","id":"x","error"' "$tmp/err.veris" || {
    echo "FAIL: the error record was not passed on"; fail=1; }
"$jaen" record --format nope < /dev/null 2> /dev/null
[ $? = 2 ] || { echo "FAIL: a bad --format is not a usage error"; fail=1; }

# the shared corpus, when it is there
corpus=$src/../shared/corpus
if [ -d "$corpus" ]; then
    mapfile -d '' docs < <(find "$corpus" -name '*.md' -print0 | sort -z)
    pipeline "${docs[@]}" > "$tmp/corpus.gl"
    check_set corpus "$tmp/corpus.gl"
    echo "../shared/corpus: $(wc -l < "$tmp/corpus.veris") records"
else
    echo "../shared/corpus absent: only corpus/ checked"
fi
exit $fail

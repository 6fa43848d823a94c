/* dataset.c: the hf, tmx and moses writers of `jaen dataset` (dataset.h).
 *
 * Terms are aligned per sentence: the k-th occurrence of a glossary English
 * in a sentence's terms is looked for after the (k-1)-th match, so that two
 * 個人情報 map to two "personal information"; when the English has fewer
 * occurrences the first one is used. */
#include "dataset.h"

#include "limits.h"
#include "qa.h"

#include <string.h>

int jaen_dataset_format_parse(const char *name, enum jaen_dataset_format *fmt)
{
    if (strcmp(name, "hf") == 0)
        *fmt = JAEN_DATASET_HF;
    else if (strcmp(name, "tmx") == 0)
        *fmt = JAEN_DATASET_TMX;
    else if (strcmp(name, "moses") == 0)
        *fmt = JAEN_DATASET_MOSES;
    else
        return JAEN_EUSAGE;
    return JAEN_OK;
}

int jaen_dataset_xml_escape(struct jaen_buf *out, const char *s, size_t len)
{
    size_t i, run = 0;
    int rc = JAEN_OK;

    for (i = 0; i < len && !rc; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        if (c == '&')
            rep = "&amp;";
        else if (c == '<')
            rep = "&lt;";
        else if (c == '>')
            rep = "&gt;";
        else if (c == '"')
            rep = "&quot;";
        else if (c == '\'')
            rep = "&apos;";
        else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            rep = "\xEF\xBF\xBD";
        if (!rep)
            continue;
        rc = jaen_buf_add(out, s + run, i - run);
        if (!rc)
            rc = jaen_buf_adds(out, rep);
        run = i + 1;
    }
    if (!rc)
        rc = jaen_buf_add(out, s + run, len - run);
    return rc;
}

int jaen_dataset_moses_escape(struct jaen_buf *out, const char *s, size_t len)
{
    size_t i, run = 0, skip;
    int rc = JAEN_OK;

    for (i = 0; i < len && !rc; i++) {
        const char *rep = NULL;
        skip = 1;
        if (s[i] == '&')
            rep = "&amp;";
        else if (s[i] == '|')
            rep = "&#124;";
        else if (s[i] == '\n')
            rep = "&#10;";
        else if (s[i] == '\r')
            rep = "&#13;";
        else if (i + 2 < len && memcmp(s + i, "\xE2\x80\xA8", 3) == 0)
            rep = "&#8232;", skip = 3;
        else if (i + 2 < len && memcmp(s + i, "\xE2\x80\xA9", 3) == 0)
            rep = "&#8233;", skip = 3;
        if (!rep)
            continue;
        rc = jaen_buf_add(out, s + run, i - run);
        if (!rc)
            rc = jaen_buf_adds(out, rep);
        i += skip - 1;
        run = i + 1;
    }
    if (!rc)
        rc = jaen_buf_add(out, s + run, len - run);
    return rc;
}

int jaen_dataset_tmx_begin(struct jaen_buf *out, const char *version)
{
    int rc = jaen_buf_adds(out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
        "<tmx version=\"1.4\">\n"
        "<header creationtool=\"jaen\" creationtoolversion=\"");

    if (!rc)
        rc = jaen_dataset_xml_escape(out, version, strlen(version));
    if (!rc)
        rc = jaen_buf_adds(out,
            "\" segtype=\"sentence\" o-tmf=\"jaen.stream/1\" "
            "adminlang=\"en\" srclang=\"ja\" datatype=\"plaintext\"/>\n"
            "<body>\n");
    return rc;
}

int jaen_dataset_tmx_end(struct jaen_buf *out)
{
    return jaen_buf_adds(out, "</body>\n</tmx>\n");
}

/* The hf "terms" of sentence s (ja = its text, en = its English). */
static int hf_terms(json_t *terms, const struct jaen_sent *s, const char *en,
                    json_t *out, struct jaen_dataset_stats *st)
{
    json_t *x;
    size_t i, j, a, b, from;

    json_array_foreach(terms, i, x) {
        json_int_t ts = json_integer_value(json_object_get(x, "start"));
        json_int_t te = json_integer_value(json_object_get(x, "end"));
        const char *ten = json_string_value(json_object_get(x, "en"));
        json_t *t, *span = json_null(), *prev;
        int found = 0;
        if (ts < s->start || te > s->end || !ten)
            continue;
        /* the k-th occurrence: after the match of the previous same term */
        from = 0;
        for (j = 0; j < json_array_size(out); j++) {
            prev = json_array_get(out, j);
            if (strcmp(json_string_value(json_object_get(prev, "en")),
                       ten) == 0
                && json_is_array(json_object_get(prev, "en_span")))
                from = (size_t)json_integer_value(json_array_get(
                    json_object_get(prev, "en_span"), 1));
        }
        found = jaen_qa_find_term(en, strlen(en), ten, strlen(ten), from, &a,
                                  &b)
                || jaen_qa_find_term(en, strlen(en), ten, strlen(ten), 0, &a,
                                     &b);
        if (found)
            span = json_pack("[I,I]", (json_int_t)a, (json_int_t)b);
        else
            st->unaligned++;
        t = json_pack("{s:O,s:O,s:O,s:[I,I],s:o}", "ja",
                      json_object_get(x, "ja"), "en",
                      json_object_get(x, "en"), "concept",
                      json_object_get(x, "concept"), "ja_span",
                      (json_int_t)(ts - s->start), (json_int_t)(te - s->start),
                      "en_span", span);
        if (!t || json_array_append_new(out, t))
            return JAEN_ENOMEM;
        st->terms++;
    }
    return JAEN_OK;
}

static int write_pair(struct jaen_doc *doc, size_t i,
                      const struct jaen_sent *s, const char *ja, size_t jalen,
                      const char *en, enum jaen_dataset_format fmt,
                      struct jaen_buf *out, struct jaen_buf *en_out,
                      struct jaen_dataset_stats *st)
{
    json_t *rec, *terms;
    struct jaen_buf id;
    int rc;

    if (fmt == JAEN_DATASET_MOSES) {
        rc = jaen_dataset_moses_escape(out, ja, jalen);
        if (!rc)
            rc = jaen_buf_addc(out, '\n');
        if (!rc)
            rc = jaen_dataset_moses_escape(en_out, en, strlen(en));
        return rc ? rc : jaen_buf_addc(en_out, '\n');
    }
    if (fmt == JAEN_DATASET_TMX) {
        rc = jaen_buf_adds(out, "<tu tuid=\"");
        if (!rc)
            rc = jaen_dataset_xml_escape(out, jaen_doc_id(doc),
                                         strlen(jaen_doc_id(doc)));
        if (!rc)
            rc = jaen_buf_addf(out, "#%zu\"><tuv xml:lang=\"ja\"><seg>", i);
        if (!rc)
            rc = jaen_dataset_xml_escape(out, ja, jalen);
        if (!rc)
            rc = jaen_buf_adds(out, "</seg></tuv><tuv xml:lang=\"en\"><seg>");
        if (!rc)
            rc = jaen_dataset_xml_escape(out, en, strlen(en));
        return rc ? rc : jaen_buf_adds(out, "</seg></tuv></tu>\n");
    }
    jaen_buf_init(&id, JAEN_BUF_DEFAULT_CAP);
    if (jaen_buf_addf(&id, "%s#%zu", jaen_doc_id(doc), i)) {
        jaen_buf_free(&id);
        return JAEN_ENOMEM;
    }
    terms = json_array();
    rec = json_pack("{s:s,s:{s:s%,s:s},s:o}", "id", id.ptr, "translation",
                    "ja", ja, jalen, "en", en, "terms", terms);
    jaen_buf_free(&id);
    if (!rec)
        return JAEN_ENOMEM;
    rc = JAEN_OK;
    if (!rc)
        rc = hf_terms(jaen_doc_get(doc, JAEN_F_TERMS, NULL), s, en, terms,
                      st);
    if (!rc)
        rc = jaen_json_dump(rec, out);
    if (!rc)
        rc = jaen_buf_addc(out, '\n');
    json_decref(rec);
    return rc;
}

int jaen_dataset_write(struct jaen_doc *doc, enum jaen_dataset_format fmt,
                       struct jaen_buf *out, struct jaen_buf *en_out,
                       struct jaen_dataset_stats *st, struct jaen_err *err)
{
    const char *text;
    size_t len, ncp, ns, ntok, i, b0 = 0, jb, je;
    int64_t c0 = 0;
    struct jaen_sent *ss;
    const struct jaen_tok *toks;
    int rc = JAEN_OK;

    rc = jaen_doc_text(doc, &text, &len, &ncp, NULL);
    if (!rc)
        rc = jaen_doc_sentences(doc, &ss, &ns, &toks, &ntok, NULL);
    if (rc == JAEN_ENOMEM)      /* not a document without sentences */
        return jaen_err_set(err, rc, "%s", jaen_strstatus(rc));
    if (rc || ns == 0) {
        st->skipped_docs++;
        return JAEN_OK;
    }
    for (i = 0; i < ns && !rc; i++) {
        const char *en = json_string_value(
            ss[i].extra ? json_object_get(ss[i].extra, "en") : NULL);
        if (ss[i].start < c0 || ss[i].end > (int64_t)ncp)
            break;
        for (jb = b0; c0 < ss[i].start; c0++)
            for (jb++; jb < len && ((unsigned char)text[jb] & 0xC0) == 0x80;
                 jb++)
                ;
        for (je = jb; c0 < ss[i].end; c0++)
            for (je++; je < len && ((unsigned char)text[je] & 0xC0) == 0x80;
                 je++)
                ;
        b0 = je;
        if (!en || !*en) {
            st->skipped++;
            continue;
        }
        rc = write_pair(doc, i, &ss[i], text + jb, je - jb, en, fmt, out,
                        en_out, st);
        if (!rc)
            st->pairs++;
    }
    if (rc)
        return jaen_err_set(err, rc, "%s", jaen_strstatus(rc));
    return JAEN_OK;
}

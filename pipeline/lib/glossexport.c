/* glossexport.c: writing a compiled glossary back out as TSV, DeepL TSV,
 * CSV or TBX (v3 and v2), so that users can take it to their own tools.
 * Every writer's output reads back through dictsrc.c to the same rows. */
#include "gloss.h"

#include "glossfmt.h"

#include <string.h>

int jaen_gloss_export_format(const char *name, enum jaen_gloss_export *fmt)
{
    static const struct { const char *name; enum jaen_gloss_export f; } t[] = {
        {"tsv", JAEN_EXPORT_TSV}, {"deepl-tsv", JAEN_EXPORT_DEEPL_TSV},
        {"csv", JAEN_EXPORT_CSV}, {"tbx", JAEN_EXPORT_TBX},
        {"tbx2", JAEN_EXPORT_TBX2},
    };
    size_t i;

    for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
        if (strcmp(name, t[i].name) == 0) {
            *fmt = t[i].f;
            return JAEN_OK;
        }
    return JAEN_EUSAGE;
}

/* Appends s as XML character data (also safe inside "attributes"). */
static int xml_text(struct jaen_buf *out, const char *s)
{
    int rc = JAEN_OK;

    for (; !rc && *s; s++) {
        switch (*s) {
        case '&': rc = jaen_buf_adds(out, "&amp;"); break;
        case '<': rc = jaen_buf_adds(out, "&lt;"); break;
        case '>': rc = jaen_buf_adds(out, "&gt;"); break;
        case '"': rc = jaen_buf_adds(out, "&quot;"); break;
        default: rc = jaen_buf_addc(out, *s); break;
        }
    }
    return rc;
}

static int csv_field(struct jaen_buf *out, const char *s)
{
    int rc;

    if (!strpbrk(s, ",\"") && s[0] != ' '
        && (!s[0] || s[strlen(s) - 1] != ' '))
        return jaen_buf_adds(out, s);
    rc = jaen_buf_addc(out, '"');
    for (; !rc && *s; s++)
        rc = *s == '"' ? jaen_buf_adds(out, "\"\"") : jaen_buf_addc(out, *s);
    return rc ? rc : jaen_buf_addc(out, '"');
}

/* One line per spelling: the headword, then each variant. */
static int pairs(struct jaen_buf *out, const struct jaen_gloss_entry *e,
                 int csv)
{
    const char *v = e->variants;
    int rc = JAEN_OK;
    size_t n;

    if (csv) {
        rc = csv_field(out, e->ja);
        if (!rc)
            rc = jaen_buf_addc(out, ',');
        if (!rc)
            rc = csv_field(out, e->en);
        if (!rc)
            rc = jaen_buf_addc(out, '\n');
    } else {
        rc = jaen_buf_addf(out, "%s\t%s\n", e->ja, e->en);
    }
    while (!rc && *v) {
        struct jaen_gloss_entry one = *e;
        char tmp[4096];
        n = strcspn(v, "|");
        if (n >= sizeof(tmp))
            n = sizeof(tmp) - 1;
        memcpy(tmp, v, n);
        tmp[n] = '\0';
        one.ja = tmp;
        one.variants = "";
        rc = pairs(out, &one, csv);
        v += n;
        if (*v == '|')
            v++;
    }
    return rc;
}

/* One <termEntry>/<conceptEntry>; v3 selects the TBX v3 element names. */
static int tbx_entry(struct jaen_buf *out, const struct jaen_gloss_entry *e,
                     size_t i, int v3)
{
    const char *entry = v3 ? "conceptEntry" : "termEntry";
    const char *lang = v3 ? "langSec" : "langSet";
    const char *tig = v3 ? "termSec" : "tig";
    const char *v = e->variants;
    int rc, first = 1;

    rc = jaen_buf_addf(out, "<%s id=\"e%zu\">\n<admin type=\"conceptId\">",
                       entry, i + 1);
    if (!rc)
        rc = xml_text(out, e->concept);
    if (!rc)
        rc = jaen_buf_adds(out, "</admin>\n");
    if (!rc && *e->note) {
        rc = jaen_buf_adds(out, "<note>");
        if (!rc)
            rc = xml_text(out, e->note);
        if (!rc)
            rc = jaen_buf_adds(out, "</note>\n");
    }
    if (!rc)
        rc = jaen_buf_addf(out, "<%s xml:lang=\"ja\">\n", lang);
    while (!rc && (first || *v)) {
        char tmp[4096];
        size_t n = first ? strlen(e->ja) : strcspn(v, "|");
        if (n >= sizeof(tmp))
            n = sizeof(tmp) - 1;
        memcpy(tmp, first ? e->ja : v, n);
        tmp[n] = '\0';
        rc = jaen_buf_addf(out, "<%s><term>", tig);
        if (!rc)
            rc = xml_text(out, tmp);
        if (!rc)
            rc = jaen_buf_adds(out, "</term>");
        if (!rc && first && *e->pos) {
            rc = jaen_buf_adds(out, "<termNote type=\"partOfSpeech\">");
            if (!rc)
                rc = xml_text(out, e->pos);
            if (!rc)
                rc = jaen_buf_adds(out, "</termNote>");
        }
        if (!rc)
            rc = jaen_buf_addf(out, "</%s>\n", tig);
        if (!first) {
            v += n;
            if (*v == '|')
                v++;
        }
        first = 0;
    }
    if (!rc)
        rc = jaen_buf_addf(out, "</%s>\n<%s xml:lang=\"en\">\n<%s><term>",
                           lang, lang, tig);
    if (!rc)
        rc = xml_text(out, e->en);
    if (!rc)
        rc = jaen_buf_addf(out, "</term></%s>\n</%s>\n</%s>\n", tig, lang,
                           entry);
    return rc;
}

int jaen_gloss_export(const struct jaen_gloss *g, enum jaen_gloss_export fmt,
                      struct jaen_buf *out, struct jaen_err *err)
{
    size_t i, n = jaen_gloss_count(g);
    int rc = JAEN_OK;

    if (fmt == JAEN_EXPORT_TSV)
        rc = jaen_buf_adds(out, "ja\ten\tconcept\tvariants\tpos\tnote\n");
    else if (fmt == JAEN_EXPORT_TBX)
        rc = jaen_buf_adds(out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<tbx type=\"TBX-Core\" style=\"dca\" xml:lang=\"ja\" "
            "xmlns=\"urn:iso:std:iso:30042:ed-2\">\n"
            "<tbxHeader><fileDesc><sourceDesc><p>jaen glossary</p>"
            "</sourceDesc></fileDesc></tbxHeader>\n<text>\n<body>\n");
    else if (fmt == JAEN_EXPORT_TBX2)
        rc = jaen_buf_adds(out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<martif type=\"TBX\" xml:lang=\"ja\">\n"
            "<martifHeader><fileDesc><sourceDesc><p>jaen glossary</p>"
            "</sourceDesc></fileDesc></martifHeader>\n<text>\n<body>\n");
    for (i = 0; !rc && i < n; i++) {
        struct jaen_gloss_entry e;
        rc = jaen_gloss_entry(g, i, &e, err);
        if (rc)
            break;
        switch (fmt) {
        case JAEN_EXPORT_TSV:
            rc = jaen_buf_addf(out, "%s\t%s\t%s\t%s\t%s\t%s\n", e.ja, e.en,
                               e.concept, e.variants, e.pos, e.note);
            break;
        case JAEN_EXPORT_DEEPL_TSV:
        case JAEN_EXPORT_CSV:
            if (e.kind == JAEN_GLOSSFMT_KIND_TERM)
                rc = pairs(out, &e, fmt == JAEN_EXPORT_CSV);
            break;
        case JAEN_EXPORT_TBX:
        case JAEN_EXPORT_TBX2:
            rc = tbx_entry(out, &e, i, fmt == JAEN_EXPORT_TBX);
            break;
        }
    }
    if (!rc && fmt == JAEN_EXPORT_TBX)
        rc = jaen_buf_adds(out, "</body>\n</text>\n</tbx>\n");
    else if (!rc && fmt == JAEN_EXPORT_TBX2)
        rc = jaen_buf_adds(out, "</body>\n</text>\n</martif>\n");
    return rc;
}

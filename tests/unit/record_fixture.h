/* record_fixture.h: record_of(), the incident record of an archive
 * Markdown document built by the real segmenter and normalizer (no
 * glossary), for the record tests.  Include after cmocka.h, doc.h,
 * incident.h, md.h, norm.h and seg.h. */
#ifndef JAEN_RECORD_FIXTURE_H
#define JAEN_RECORD_FIXTURE_H

/* Segments and normalizes archive Markdown, then builds its record. */
static json_t *record_of(const char *md)
{
    struct jaen_doc *doc = jaen_doc_new();
    struct jaen_seg *seg = NULL;
    struct jaen_incident *ix = NULL;
    struct jaen_err err = {0};
    json_t *rec = NULL;

    assert_non_null(doc);
    assert_int_equal(jaen_md_parse(md, strlen(md), "t.md", doc, &err), 0);
    assert_int_equal(jaen_seg_open(&seg, &err), 0);
    assert_int_equal(jaen_seg_doc(seg, doc, &err), 0);
    assert_int_equal(jaen_normalize_doc(doc, NULL, &err), 0);
    assert_int_equal(jaen_incident_open(NULL, &ix, &err), 0);
    assert_int_equal(jaen_incident_record(ix, doc, &rec, &err), 0);
    jaen_incident_close(ix);
    jaen_seg_close(seg);
    jaen_doc_free(doc);
    return rec;
}

#endif

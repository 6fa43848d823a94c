/* veris.h: a jaen.incident/1 record as a VERIS 1.4.1 incident.
 *
 * `jaen record --format veris` writes one VERIS Community Schema 1.4.1
 * object per document (vz-risk/veris verisc-merged.json): the required
 * top-level fields, victim JP, action/actor/asset from the record's incident
 * types, attribute.confidentiality from its data items and counts, and the
 * cross-field rules of vz-risk/veris bin/checkValidity.py.  Every value is
 * an exact enumeration string of the schema; what the disclosure does not
 * say is "Unknown".  tests/veris/verisc-1.4.1-subset.json lists the values
 * this module can write. */
#ifndef JAEN_VERIS_H
#define JAEN_VERIS_H

#include <jansson.h>
#include <stddef.h>

#include "buf.h"
#include "doc.h"
#include "err.h"

#define JAEN_VERIS_SCHEMA_VERSION "1.4.1"

/* The industry code for an organization the rules cannot place: VCDB
 * writes the NAICS-style "000" for an unknown industry, which the schema's
 * pattern (00|11|...|92)-?\d{0,4} accepts. */
#define JAEN_VERIS_INDUSTRY_UNKNOWN "000"

/* Writes into out (37 bytes: 36 and the NUL) the RFC 4122 version-5 UUID
 * (SHA-1) of name[0..len) in the URL namespace, lower-case hex: the same
 * as Python's uuid.uuid5(uuid.NAMESPACE_URL, name).  Cannot fail. */
void jaen_veris_uuid5(const char *name, size_t len, char out[37]);

/* The SHA-1 digest of p[0..len) (FIPS 180-4) into md.  Cannot fail. */
void jaen_veris_sha1(const void *p, size_t len, unsigned char md[20]);

/* Builds the VERIS object of rec (a jaen.incident/1 record without
 * "error") into *out, a new object the caller owns.  doc (may be NULL) is
 * the document rec came from: its sentences decide data_disclosure (おそれ
 * and 可能性 give "Potentially") and discovery_method; without it only the
 * record's title and cause are read.  incident_id is jaen_veris_uuid5 of
 * "jaen:incident:" and the record's id, so re-runs give the same id.
 * Returns JAEN_OK, JAEN_EDATA (rec is not a record) or JAEN_ENOMEM; *out
 * is NULL on failure. */
int jaen_veris_build(const json_t *rec, struct jaen_doc *doc, json_t **out,
                     struct jaen_err *err);

/* Appends the VERIS object of rec as one compact JSON line to out.  With
 * rec NULL, writes the jaen.incident/1 error record of doc instead, so that
 * the output has one line per input document.  Returns as
 * jaen_veris_build, or JAEN_ELIMIT when out is full. */
int jaen_veris_write(const json_t *rec, struct jaen_doc *doc,
                     struct jaen_buf *out, struct jaen_err *err);

#endif

/* incident.h: the incident record (schema jaen.incident/1) of `jaen record`.
 *
 * From one glossed document (segment | normalize | gloss [| translate]) the
 * extractor builds the bilingual record of issue 5: source, incident,
 * impact and response.  Decisions use the glossary's concepts (terms,
 * fixed phrases), normalize's typed values and rules on the text near them;
 * English comes only from the glossary, fixed phrases, translate's "en" and
 * romanized names, never from guesses (docs/incident.schema.json). */
#ifndef JAEN_INCIDENT_H
#define JAEN_INCIDENT_H

#include <jansson.h>

#include "doc.h"
#include "err.h"
#include "gloss.h"

/* The schema id written in every record. */
#define JAEN_INCIDENT_SCHEMA "jaen.incident/1"

struct jaen_incident;

/* Opens an extractor.  g (may be NULL) provides legal forms, organization
 * names and loanwords for organization.en, and the terms an English title
 * is composed from; it must stay open while the extractor is used.
 * One extractor per thread.  Returns JAEN_OK, JAEN_ENOMEM, JAEN_EFORMAT or
 * JAEN_EUSAGE (see jaen_romaji_open). */
int jaen_incident_open(const struct jaen_gloss *g,
                       struct jaen_incident **out, struct jaen_err *err);

/* Frees ix.  NULL is a no-op. */
void jaen_incident_close(struct jaen_incident *ix);

/* Builds the record of doc into *rec (a new object the caller owns).  doc
 * needs "text"; "meta", "blocks", "sentences", "entities", "terms" and the
 * sentences' "phrase" and "en" are used when present.  Returns JAEN_OK,
 * JAEN_EDATA (no text, malformed sentences), JAEN_ENOMEM or JAEN_ELIMIT;
 * *rec is NULL on failure. */
int jaen_incident_record(struct jaen_incident *ix, struct jaen_doc *doc,
                         json_t **rec, struct jaen_err *err);

/* Builds the record of a failed document: {"schema", "id", "error"} with
 * the doc's "error" object copied.  Returns JAEN_OK or JAEN_ENOMEM. */
int jaen_incident_error_record(struct jaen_doc *doc, json_t **rec);

#endif

/* glossfmt.h: the on-disk format of a compiled glossary (jaen.dict).
 *
 * Shared by the compiler (glossbuild.c, dict/dictc.c) and the loader
 * (gloss.c); described for humans in dict/FORMAT.md.  Every integer is
 * little-endian and every section 8-byte aligned, so that the loader can
 * map the file and use it in place without parsing a single entry. */
#ifndef JAEN_GLOSSFMT_H
#define JAEN_GLOSSFMT_H

#include <stdint.h>

#define JAEN_GLOSSFMT_MAGIC "JAENDICT"     /* 8 bytes, no NUL */
#define JAEN_GLOSSFMT_VERSION 1u

/* Feature flags.  The loader refuses a file with a bit it does not know
 * (lttoolbox's compression.h), and one without JAEN_GLOSSFMT_F_LE. */
#define JAEN_GLOSSFMT_F_LE 0x1u          /* integers are little-endian */
#define JAEN_GLOSSFMT_F_PHRASES 0x2u     /* the phrase trie is present */
#define JAEN_GLOSSFMT_F_KNOWN (JAEN_GLOSSFMT_F_LE | JAEN_GLOSSFMT_F_PHRASES)

/* The header, at offset 0.  96 bytes. */
struct jaen_glossfmt_header {
    char magic[8];          /* JAEN_GLOSSFMT_MAGIC */
    uint32_t version;       /* JAEN_GLOSSFMT_VERSION */
    uint32_t flags;         /* JAEN_GLOSSFMT_F_* */
    uint64_t file_size;     /* the whole file in bytes: catches truncation */
    uint64_t source_hash;   /* FNV-1a 64 of the source bytes, in order */
    uint32_t n_entries;     /* rows in the entry table */
    uint32_t n_terms;       /* of which terms (kind 0) */
    uint32_t n_term_units;  /* units of the term double-array */
    uint32_t n_phrase_units;/* units of the phrase double-array */
    uint64_t off_entries;   /* struct jaen_glossfmt_entry[n_entries] */
    uint64_t off_term_da;   /* struct jaen_glossfmt_unit[n_term_units] */
    uint64_t off_phrase_da; /* struct jaen_glossfmt_unit[n_phrase_units] */
    uint64_t off_strings;   /* the string pool, NUL-terminated strings */
    uint64_t strings_size;  /* bytes in the pool; its last byte is NUL */
    uint32_t n_keys;        /* keys in both tries (headwords + variants) */
    uint32_t header_hash;   /* FNV-1a 32 of the 92 bytes before this field */
};

/* Entry kinds. */
#define JAEN_GLOSSFMT_KIND_TERM 0u
#define JAEN_GLOSSFMT_KIND_PHRASE 1u

/* One glossary row.  Strings are byte offsets into the pool; offset 0 is
 * the empty string.  32 bytes. */
struct jaen_glossfmt_entry {
    uint32_t ja;            /* the headword as written in the source */
    uint32_t en;            /* the English (a template for phrases) */
    uint32_t concept;       /* the concept id */
    uint32_t variants;      /* other spellings, '|'-separated, as written */
    uint32_t pos;           /* part of speech, may be empty */
    uint32_t note;          /* reviewer's note, may be empty */
    uint32_t kind;          /* JAEN_GLOSSFMT_KIND_* */
    uint32_t reserved;      /* 0 */
};

/* One unit of a byte-wise double-array trie.  Node s has the child for
 * byte c at t = base[s] + c + 1 when check[t] == s; the unit at base[s] + 0
 * with check == s is s's terminal, and its base holds the entry index.
 * The root is unit 0; a free unit has check == -1. */
struct jaen_glossfmt_unit {
    int32_t base;
    int32_t check;
};

#endif

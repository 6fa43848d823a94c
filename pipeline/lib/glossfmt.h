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
#define JAEN_GLOSSFMT_F_FILTER 0x4u      /* the start filter is present */
#define JAEN_GLOSSFMT_F_KNOWN (JAEN_GLOSSFMT_F_LE | JAEN_GLOSSFMT_F_PHRASES \
                               | JAEN_GLOSSFMT_F_FILTER)

/* The header, at offset 0.  128 bytes. */
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
    uint64_t off_filter;    /* the start filter: 2^filter_log2 bits */
    uint64_t off_tail;      /* key tails shared by both tries */
    uint64_t tail_size;     /* bytes, a multiple of 4 */
    uint32_t n_keys;        /* keys in both tries (headwords + variants) */
    uint32_t filter_log2;   /* 6..30 */
    uint32_t reserved;      /* 0 */
    uint32_t header_hash;   /* FNV-1a 32 of the 124 bytes before this field */
};

/* The start filter: a bitmap of the first one or two code points of every
 * term key, so that the matcher can skip, with one probe of a small table,
 * the token starts that begin no term (most of them) instead of walking
 * into a trie far bigger than the cache.  Bit jaen_glossfmt_pair(c1, c2)
 * is set for each key of two or more code points c1 c2 ..., and bit
 * jaen_glossfmt_pair(c1, 0) for each key of the one code point c1. */
static inline uint32_t jaen_glossfmt_pair(uint32_t c1, uint32_t c2,
                                          uint32_t log2)
{
    uint32_t h = c1 * 0x9E3779B1u ^ (c2 + 0x7F4A7C15u) * 0x85EBCA77u;
    h ^= h >> 15;
    h *= 0x2C1B3C6Du;
    return h >> (32 - log2);
}

/* Decodes the code point of valid UTF-8 at s[0..left), left > 0; *n gets
 * its byte length.  Bytes past left count as 0 (no reads beyond it). */
static inline uint32_t jaen_glossfmt_cp(const unsigned char *s, size_t left,
                                        size_t *n)
{
    uint32_t c = s[0];
    size_t k, len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

    if (len == 1) {
        *n = 1;
        return c;
    }
    c &= 0x3Fu >> (len - 1);
    for (k = 1; k < len; k++)
        c = (c << 6) | (k < left ? (s[k] & 0x3Fu) : 0);
    *n = len < left ? len : left;
    return c;
}

_Static_assert(sizeof(struct jaen_glossfmt_header) == 128,
               "the header layout is part of the file format");

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
 * The root is unit 0; a free unit has check == -1.  A node below which
 * only one key remains has base < 0 instead: its tail record starts at
 * uint32 index -base - 1 of the tail section, as {uint32 len, uint32 entry
 * index, len bytes of the rest of the key, zero padding to 4}, so that the
 * unique ends of keys cost bytes, not units, and are read from one cache
 * line. */
struct jaen_glossfmt_unit {
    int32_t base;
    int32_t check;
};

#endif

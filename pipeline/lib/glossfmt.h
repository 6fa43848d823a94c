/* glossfmt.h: the on-disk format of a compiled glossary (jaen.dict).
 *
 * Shared by the compiler (glossbuild.c, dict/dictc.c) and the loader
 * (gloss.c); described for humans in dict/FORMAT.md.  Every integer is
 * little-endian and every section 8-byte aligned, so that the loader can
 * map the file and use it in place without parsing a single entry. */
#ifndef JAEN_GLOSSFMT_H
#define JAEN_GLOSSFMT_H

#include <stddef.h>
#include <stdint.h>

#define JAEN_GLOSSFMT_MAGIC "JAENDICT"     /* 8 bytes, no NUL */
#define JAEN_GLOSSFMT_VERSION 2u

/* Feature flags.  The loader refuses a file with a bit it does not know
 * (lttoolbox's compression.h), and one without JAEN_GLOSSFMT_F_LE. */
#define JAEN_GLOSSFMT_F_LE 0x1u          /* integers are little-endian */
#define JAEN_GLOSSFMT_F_PHRASES 0x2u     /* the phrase trie is present */
#define JAEN_GLOSSFMT_F_KNOWN (JAEN_GLOSSFMT_F_LE | JAEN_GLOSSFMT_F_PHRASES)

/* The header, at offset 0.  136 bytes. */
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
    uint64_t off_cmap;      /* the alphabet: page table, then blocks */
    uint64_t off_tail;      /* key tails shared by both tries */
    uint64_t tail_size;     /* bytes, a multiple of 4 */
    uint64_t off_psuf;      /* the phrase suffix filter */
    uint32_t n_keys;        /* keys in both tries (headwords + variants) */
    uint32_t n_pages;       /* entries of the cmap page table, 17408 */
    uint32_t n_blocks;      /* cmap blocks, 1..65535 */
    uint32_t header_hash;   /* FNV-1a 32 of the 132 bytes before this field */
};

_Static_assert(sizeof(struct jaen_glossfmt_header) == 136,
               "the header layout is part of the file format");

/* The alphabet of the term trie ("cmap").  Every code point that occurs
 * in a term key has a code 1..65533, the most frequent in the keys the
 * smallest, so that the children of busy nodes lie close together; any
 * other code point has code JAEN_GLOSSFMT_NOCODE, which no unit has as
 * its label, so a walk ends there without a test of its own.  The section
 * is a page table of n_pages = JAEN_GLOSSFMT_MAX_PAGES uint16 block
 * numbers, one per 64 code points (page = cp >> 6: every code point has
 * one, so no bounds test either), then n_blocks blocks of 64 uint16
 * codes.  Block 0 is all NOCODE, for the pages without a key character.
 * The loader checks every block number, so the matcher looks codes up
 * without bounds checks. */
#define JAEN_GLOSSFMT_PAGE_BITS 6u
#define JAEN_GLOSSFMT_PAGE (1u << JAEN_GLOSSFMT_PAGE_BITS)
#define JAEN_GLOSSFMT_MAX_PAGES (0x110000u >> JAEN_GLOSSFMT_PAGE_BITS)
#define JAEN_GLOSSFMT_MAX_CODES 65533u
#define JAEN_GLOSSFMT_NOCODE 0xFFFEu    /* 0xFFFF is NOCHECK */

/* Bytes of the page table with its padding. */
static inline size_t jaen_glossfmt_pages_size(uint32_t n_pages)
{
    return ((size_t)n_pages * 2 + 7) / 8 * 8;
}

/* The phrase suffix filter ("psuf"): which sentences can a fixed phrase
 * cover at all?  The hashes below run over a key's or sentence's bytes
 * from the last one backwards, so a reader hashes every suffix in one
 * pass; a sentence's bytes are its folded text without whitespace.
 * - A key with slots: its tail is what follows its last '}', t bytes,
 *   L = min(t, PSUF_MAX).  It sets bit L of mask_tail (bit 0 when t = 0,
 *   which turns the filter off) and bit psuf(last L bytes, L, TAIL).  A
 *   sentence it covers ends in the same L bytes, and they cannot hold a
 *   slot token (it would bring its '}'), so they are its own last L
 *   bytes.
 * - A key without slots, t bytes: a sentence it covers has no entity and
 *   is exactly the key.  It sets bit psuf(all t bytes, t, WHOLE) and bit
 *   min(t, PSUF_MAX) of mask_whole; when t >= PSUF_MAX also bit
 *   psuf(last PSUF_MAX bytes, PSUF_MAX, LAST), so that a reader hashes a
 *   long sentence whole only when its end passed.
 * A sentence that finds no bit is covered by no phrase whatever its
 * entities are, and the stage skips both the lookup and reading
 * "entities".  Layout: uint32 log2 (6..24), uint32 0, uint64 mask_tail,
 * uint64 mask_whole, then 2^log2 bits. */
#define JAEN_GLOSSFMT_PSUF_MAX 48u      /* at most 63 */
#define JAEN_GLOSSFMT_PSUF_HEAD 24u
#define JAEN_GLOSSFMT_PSUF_SEED 0x811c9dc5u
#define JAEN_GLOSSFMT_PSUF_TAIL 0x1000000u
#define JAEN_GLOSSFMT_PSUF_LAST 0x2000000u
#define JAEN_GLOSSFMT_PSUF_WHOLE 0x4000000u

static inline uint32_t jaen_glossfmt_psuf_step(uint32_t h, unsigned char c)
{
    return (h ^ c) * 0x01000193u;
}

/* The bit of a hash h over l bytes, for one of the three kinds. */
static inline uint32_t jaen_glossfmt_psuf_bit(uint32_t h, size_t l,
                                              uint32_t kind, uint32_t log2)
{
    h ^= ((uint32_t)l | kind) * 0x9E3779B1u;
    h ^= h >> 15;
    h *= 0x2C1B3C6Du;
    h ^= h >> 13;
    return h >> (32 - log2);
}

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
    uint32_t json;          /* terms only: the end of a "terms" object,
                             * ,"en":...,"concept":...,"entry":...} as JSON
                             * text (jaen_json_add_string's escaping), so
                             * that the gloss stage copies it; its length
                             * is the uint16 before it (0xFFFF: that or
                             * more, use strlen); else 0 */
};

/* One unit of a double-array trie, 8 bytes.
 *
 * Labels: term trie labels are alphabet codes (one per code point), phrase
 * trie labels are key bytes + 1; label 0 is a key's end.  Every node has
 * its own base (no two nodes share one), so a unit is identified by its
 * label alone: node s has the child for label c at t = base[s] + c when
 * check[t] == c.  The root is unit 0; the root and free units have check
 * JAEN_GLOSSFMT_NOCHECK.  The terminal unit (label 0) holds the entry
 * index in its base.
 *
 * hint saves a cache miss on the two most common questions of a walk:
 * - base >= 0: hint is 1 when the node has a terminal, else 0, so a walk
 *   probes base[s] + 0 only when a key does end here;
 * - base < 0: one key is left below the node.  hint is its next label, or
 *   0 when it ends here, and then -base - 1 is its entry index.  Else its
 *   tail record starts at uint32 index -base - 1 of the tail section, as
 *   {uint32 len, uint32 entry index, len bytes of the rest of the key (the
 *   hint's character included), zero padding to 4}: a walk compares the
 *   next character's label with hint before it reads the record, so the
 *   unique ends of keys cost bytes, not units, and are seldom read. */
#define JAEN_GLOSSFMT_NOCHECK 0xFFFFu

struct jaen_glossfmt_unit {
    int32_t base;
    uint16_t check;
    uint16_t hint;
};

_Static_assert(sizeof(struct jaen_glossfmt_unit) == 8,
               "the unit layout is part of the file format");

#endif

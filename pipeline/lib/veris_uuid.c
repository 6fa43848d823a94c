/* veris_uuid.c: SHA-1 (FIPS 180-4) and the version-5 UUID (RFC 4122
 * §4.3) that give VERIS records a stable incident_id (veris.h). */
#include "veris.h"

#include <stdint.h>
#include <string.h>

struct sha1 {
    uint32_t h[5];
    unsigned char blk[64];
    size_t n;               /* bytes in blk */
    uint64_t total;         /* bytes hashed */
};

static uint32_t rol(uint32_t x, int k)
{
    return (x << k) | (x >> (32 - k));
}

static void sha1_block(struct sha1 *s, const unsigned char *p)
{
    uint32_t w[80], a, b, c, d, e, f, k, t;
    int i;

    for (i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16
               | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (i = 16; i < 80; i++)
        w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3], e = s->h[4];
    for (i = 0; i < 80; i++) {
        if (i < 20)
            f = (b & c) | (~b & d), k = 0x5A827999;
        else if (i < 40)
            f = b ^ c ^ d, k = 0x6ED9EBA1;
        else if (i < 60)
            f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDC;
        else
            f = b ^ c ^ d, k = 0xCA62C1D6;
        t = rol(a, 5) + f + e + k + w[i];
        e = d, d = c, c = rol(b, 30), b = a, a = t;
    }
    s->h[0] += a, s->h[1] += b, s->h[2] += c, s->h[3] += d, s->h[4] += e;
}

static void sha1_init(struct sha1 *s)
{
    static const uint32_t iv[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE,
                                   0x10325476, 0xC3D2E1F0};
    memcpy(s->h, iv, sizeof(iv));
    s->n = 0;
    s->total = 0;
}

static void sha1_add(struct sha1 *s, const void *data, size_t len)
{
    const unsigned char *p = data;

    s->total += len;
    while (len > 0) {
        size_t take = 64 - s->n < len ? 64 - s->n : len;
        memcpy(s->blk + s->n, p, take);
        s->n += take, p += take, len -= take;
        if (s->n == 64) {
            sha1_block(s, s->blk);
            s->n = 0;
        }
    }
}

static void sha1_done(struct sha1 *s, unsigned char md[20])
{
    uint64_t bits = s->total * 8;
    unsigned char pad = 0x80, len8[8];
    int i;

    sha1_add(s, &pad, 1);
    pad = 0;
    while (s->n != 56)
        sha1_add(s, &pad, 1);
    for (i = 0; i < 8; i++)
        len8[i] = (unsigned char)(bits >> (56 - 8 * i));
    sha1_add(s, len8, 8);
    for (i = 0; i < 20; i++)
        md[i] = (unsigned char)(s->h[i / 4] >> (24 - 8 * (i % 4)));
}

void jaen_veris_sha1(const void *p, size_t len, unsigned char md[20])
{
    struct sha1 s;

    sha1_init(&s);
    sha1_add(&s, p, len);
    sha1_done(&s, md);
}

void jaen_veris_uuid5(const char *name, size_t len, char out[37])
{
    /* 6ba7b811-9dad-11d1-80b4-00c04fd430c8, RFC 4122 appendix C */
    static const unsigned char ns_url[16] = {
        0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
        0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
    static const char hex[] = "0123456789abcdef";
    unsigned char md[20];
    struct sha1 s;
    size_t i, o = 0;

    sha1_init(&s);
    sha1_add(&s, ns_url, sizeof(ns_url));
    sha1_add(&s, name, len);
    sha1_done(&s, md);
    md[6] = (unsigned char)((md[6] & 0x0F) | 0x50);    /* version 5 */
    md[8] = (unsigned char)((md[8] & 0x3F) | 0x80);    /* RFC 4122 variant */
    for (i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[o++] = '-';
        out[o++] = hex[md[i] >> 4];
        out[o++] = hex[md[i] & 15];
    }
    out[o] = '\0';
}

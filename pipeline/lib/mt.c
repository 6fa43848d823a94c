/* mt.c: the HTTP client of the translation backends, on libcurl.
 *
 * Client practice from RELIABILITY.md: TLS verification stays on, https
 * only (http for loopback test servers), no redirects, timeouts on connect,
 * low speed and the whole request, a cap on the body in the write callback,
 * retries on 429, 5xx and network errors with the DeepL clients' backoff
 * (1 s, x1.6, +-23% jitter, capped, 5 retries), Retry-After honoured and
 * clamped.  Nothing here logs a URL, a header or a body. */
#include "mt.h"

#include <ctype.h>
#include <curl/curl.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"

struct jaen_http {
    CURL *curl;                 /* one easy handle, reused (keep-alive) */
    struct jaen_http_opts o;    /* settings */
    struct jaen_http_stats st;  /* counters */
    uint64_t rng;               /* splitmix64 state for the jitter */
};

/* What the callbacks of one attempt fill in. */
struct attempt {
    struct jaen_http_resp *resp;
    size_t cap;                 /* body cap */
    char retry_after[64];       /* raw Retry-After value, "" if none */
};

void jaen_http_opts_default(struct jaen_http_opts *o)
{
    o->connect_timeout_ms = 10000;
    o->low_speed_limit = 1;
    o->low_speed_time_s = 30;
    o->timeout_ms = 120000;
    o->max_response = JAEN_MT_MAX_RESPONSE;
    o->max_retries = 5;
    o->backoff_scale = 1.0;
    o->backoff_cap_s = 120.0;
    o->retry_after_max_s = 60.0;
}

static int env_num(const char *name, double lo, double hi, double *v,
                   struct jaen_err *err)
{
    const char *s = getenv(name);
    char *end;
    double d;

    if (!s || !*s)
        return 0;
    errno = 0;
    d = strtod(s, &end);
    if (errno || *end || !(d >= lo && d <= hi))
        return jaen_err_set(err, JAEN_EUSAGE,
                            "%s must be a number from %g to %g", name, lo,
                            hi);
    *v = d;
    return 1;
}

int jaen_http_opts_env(struct jaen_http_opts *o, struct jaen_err *err)
{
    double v = 0;       /* set when env_num returns 1 */
    int rc;

    if ((rc = env_num("JAEN_MT_CONNECT_TIMEOUT", 0.001, 3600, &v, err)) < 0)
        return rc;
    if (rc)
        o->connect_timeout_ms = (long)(v * 1000);
    if ((rc = env_num("JAEN_MT_TIMEOUT", 0.001, 86400, &v, err)) < 0)
        return rc;
    if (rc)
        o->timeout_ms = (long)(v * 1000);
    if ((rc = env_num("JAEN_MT_LOW_SPEED_TIME", 1, 3600, &v, err)) < 0)
        return rc;
    if (rc)
        o->low_speed_time_s = (long)v;
    if ((rc = env_num("JAEN_MT_MAX_RESPONSE", 1024, 1e9, &v, err)) < 0)
        return rc;
    if (rc)
        o->max_response = (size_t)v;
    if ((rc = env_num("JAEN_MT_MAX_RETRIES", 0, 20, &v, err)) < 0)
        return rc;
    if (rc)
        o->max_retries = (int)v;
    if ((rc = env_num("JAEN_MT_BACKOFF_SCALE", 0, 10, &v, err)) < 0)
        return rc;
    if (rc)
        o->backoff_scale = v;
    return JAEN_OK;
}

/* Is host[0..len) a loopback name or address? */
static int is_loopback(const char *host, size_t len)
{
    unsigned a, b, c, d;
    char tmp[64], tail;

    if (len == 9 && !strncasecmp(host, "localhost", 9))
        return 1;
    if (len == 5 && !memcmp(host, "[::1]", 5))
        return 1;
    if (len >= sizeof(tmp))
        return 0;
    memcpy(tmp, host, len);
    tmp[len] = '\0';
    if (sscanf(tmp, "%3u.%3u.%3u.%3u%c", &a, &b, &c, &d, &tail) != 4)
        return 0;
    return a == 127 && b < 256 && c < 256 && d < 256;
}

int jaen_mt_url_check(const char *url, struct jaen_err *err)
{
    const char *host, *end;
    int https;

    if (!strncasecmp(url, "https://", 8)) {
        https = 1;
        host = url + 8;
    } else if (!strncasecmp(url, "http://", 7)) {
        https = 0;
        host = url + 7;
    } else {
        return jaen_err_set(err, JAEN_EUSAGE,
                            "endpoint must be an https:// URL");
    }
    end = host + strcspn(host, "/?#");
    if (memchr(host, '@', (size_t)(end - host)))
        return jaen_err_set(err, JAEN_EUSAGE,
                            "endpoint must not carry credentials; "
                            "use the key's environment variable");
    /* Strip a port, minding [v6] brackets. */
    {
        const char *colon = end;
        const char *p;
        for (p = host; p < end; p++)
            if (*p == ':' && !(host[0] == '[' && !memchr(p, ']',
                                                         (size_t)(end - p))))
                colon = p;
        if (host[0] == '[')
            colon = memchr(host, ']', (size_t)(end - host))
                        ? (const char *)memchr(host, ']',
                                               (size_t)(end - host)) + 1
                        : end;
        if (colon == host)
            return jaen_err_set(err, JAEN_EUSAGE, "endpoint has no host");
        if (!https && !is_loopback(host, (size_t)(colon - host)))
            return jaen_err_set(err, JAEN_EUSAGE,
                                "plain http is only allowed to loopback "
                                "(127.0.0.0/8, ::1, localhost); use "
                                "https");
    }
    return JAEN_OK;
}

double jaen_mt_backoff(const struct jaen_http_opts *o, int attempt, double u)
{
    double base = 1.0 * pow(1.6, attempt > 1 ? attempt - 1 : 0);

    if (base > o->backoff_cap_s)
        base = o->backoff_cap_s;
    base *= 1.0 + 0.23 * (2.0 * u - 1.0);
    return base * o->backoff_scale;
}

double jaen_mt_retry_after(const char *value, long long now, double max_s)
{
    const char *p = value;
    double v;

    if (!value)
        return -1;
    while (*p == ' ' || *p == '\t')
        p++;
    if (!*p)
        return -1;
    if (isdigit((unsigned char)*p)) {
        v = 0;
        /* Saturate: a huge value is clamped below, not rejected. */
        for (; isdigit((unsigned char)*p); p++)
            if (v < 1e12)
                v = v * 10 + (*p - '0');
        while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
            p++;
        if (*p)
            return -1;
    } else {
        time_t t = curl_getdate(p, NULL);
        if (t == (time_t)-1)
            return -1;
        v = (double)((long long)t - now);
    }
    if (v < 0)
        v = 0;
    return v > max_s ? max_s : v;
}

int jaen_http_open(struct jaen_http **out, const struct jaen_http_opts *o,
                   struct jaen_err *err)
{
    struct jaen_http *h = jaen_calloc(1, sizeof(*h));

    *out = NULL;
    if (!h)
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    h->curl = curl_easy_init();
    if (!h->curl) {
        jaen_free(h);
        return jaen_err_set(err, JAEN_ENET, "cannot initialize libcurl");
    }
    h->o = *o;
    h->rng = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32)
             ^ (uint64_t)(uintptr_t)h;
    *out = h;
    return JAEN_OK;
}

void jaen_http_close(struct jaen_http *h)
{
    if (!h)
        return;
    curl_easy_cleanup(h->curl);
    jaen_free(h);
}

const struct jaen_http_stats *jaen_http_stats(const struct jaen_http *h)
{
    return &h->st;
}

/* A uniform double in [0, 1) from splitmix64. */
static double next_unit(struct jaen_http *h)
{
    uint64_t z = (h->rng += 0x9E3779B97F4A7C15ull);

    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return (double)(z >> 11) / 9007199254740992.0;
}

static void sleep_s(double s)
{
    struct timespec ts, rem;

    if (!(s > 0))
        return;
    ts.tv_sec = (time_t)s;
    ts.tv_nsec = (long)((s - (double)ts.tv_sec) * 1e9);
    while (nanosleep(&ts, &rem) != 0 && errno == EINTR)
        ts = rem;
}

static size_t on_body(char *ptr, size_t size, size_t nmemb, void *arg)
{
    struct attempt *a = arg;
    size_t n = size * nmemb;

    if (n > a->cap || a->resp->body.len > a->cap - n) {
        a->resp->too_big = 1;
        return 0;       /* makes curl fail with CURLE_WRITE_ERROR */
    }
    if (jaen_buf_add(&a->resp->body, ptr, n))
        return 0;
    return n;
}

static size_t on_header(char *ptr, size_t size, size_t nmemb, void *arg)
{
    struct attempt *a = arg;
    size_t n = size * nmemb, k = 12;

    if (n > k && !strncasecmp(ptr, "retry-after:", k)) {
        size_t m = n - k;
        if (m >= sizeof(a->retry_after))
            m = sizeof(a->retry_after) - 1;
        memcpy(a->retry_after, ptr + k, m);
        a->retry_after[m] = '\0';
    }
    return n;
}

/* Errors worth another attempt: the network, not the configuration. */
static int net_retryable(CURLcode c)
{
    switch (c) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_SSL_CONNECT_ERROR:
        return 1;
    default:
        return 0;
    }
}

static void set_content_type(struct jaen_http *h, struct jaen_http_resp *r)
{
    char *ct = NULL;
    size_t i, n;

    r->content_type[0] = '\0';
    if (curl_easy_getinfo(h->curl, CURLINFO_CONTENT_TYPE, &ct) || !ct)
        return;
    n = strcspn(ct, "; \t");
    if (n >= sizeof(r->content_type))
        n = sizeof(r->content_type) - 1;
    for (i = 0; i < n; i++)
        r->content_type[i] = (char)tolower((unsigned char)ct[i]);
    r->content_type[n] = '\0';
}

/* One attempt.  Returns 1 when another attempt may help, else 0; *wait
 * receives the server's Retry-After in seconds, or -1. */
static int perform(struct jaen_http *h, const char *url,
                   struct curl_slist *hdrs, int https, const char *body,
                   size_t len, struct jaen_http_resp *r, double *wait)
{
    struct attempt a;
    CURLcode c;
    CURL *cu = h->curl;

    memset(&a, 0, sizeof(a));
    a.resp = r;
    a.cap = h->o.max_response;
    jaen_buf_reset(&r->body);
    r->status = 0;
    r->net_failed = 0;
    r->too_big = 0;
    r->content_type[0] = '\0';
    r->net_msg[0] = '\0';
    *wait = -1;

    curl_easy_reset(cu);
    curl_easy_setopt(cu, CURLOPT_URL, url);
    curl_easy_setopt(cu, CURLOPT_PROTOCOLS_STR, https ? "https" : "http");
    curl_easy_setopt(cu, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(cu, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(cu, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(cu, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(cu, CURLOPT_NOPROXY, "127.0.0.1,localhost,::1");
    curl_easy_setopt(cu, CURLOPT_CONNECTTIMEOUT_MS, h->o.connect_timeout_ms);
    curl_easy_setopt(cu, CURLOPT_TIMEOUT_MS, h->o.timeout_ms);
    curl_easy_setopt(cu, CURLOPT_LOW_SPEED_LIMIT, h->o.low_speed_limit);
    curl_easy_setopt(cu, CURLOPT_LOW_SPEED_TIME, h->o.low_speed_time_s);
    curl_easy_setopt(cu, CURLOPT_USERAGENT, "jaen/" JAEN_VERSION);
    curl_easy_setopt(cu, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(cu, CURLOPT_POST, 1L);
    curl_easy_setopt(cu, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(cu, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
    curl_easy_setopt(cu, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(cu, CURLOPT_WRITEDATA, &a);
    curl_easy_setopt(cu, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(cu, CURLOPT_HEADERDATA, &a);

    h->st.requests++;
    h->st.bytes_sent += (long)len;
    if ((long)len > h->st.max_payload)
        h->st.max_payload = (long)len;
    c = curl_easy_perform(cu);
    curl_easy_getinfo(cu, CURLINFO_RESPONSE_CODE, &r->status);
    set_content_type(h, r);
    if (c != CURLE_OK) {
        r->net_failed = 1;
        if (r->too_big)
            jaen_mt_clip("the response is over the size cap", 33,
                         r->net_msg, sizeof(r->net_msg));
        else
            jaen_mt_clip(curl_easy_strerror(c), strlen(curl_easy_strerror(c)),
                         r->net_msg, sizeof(r->net_msg));
        return !r->too_big && net_retryable(c);
    }
    if (a.retry_after[0]) {
        h->st.retry_after_seen++;
        *wait = jaen_mt_retry_after(a.retry_after, (long long)time(NULL),
                                    h->o.retry_after_max_s);
    }
    return r->status == 429 || r->status >= 500;
}

int jaen_http_post(struct jaen_http *h, const char *url,
                   const char *const *headers, const char *body,
                   size_t len, struct jaen_http_resp *resp,
                   struct jaen_err *err)
{
    struct curl_slist *hdrs = NULL, *t;
    int attempt, rc, https = !strncasecmp(url, "https://", 8);
    size_t i;

    rc = jaen_mt_url_check(url, err);
    if (rc)
        return rc;
    /* No "Expect: 100-continue" round trip on big bodies. */
    hdrs = curl_slist_append(NULL, "Expect:");
    for (i = 0; hdrs && headers && headers[i]; i++) {
        t = curl_slist_append(hdrs, headers[i]);
        if (!t) {
            curl_slist_free_all(hdrs);
            hdrs = NULL;
        }
        hdrs = t;
    }
    if (!hdrs)
        return jaen_err_set(err, JAEN_ENOMEM, "out of memory");
    for (attempt = 0;; attempt++) {
        double wait;
        int again = perform(h, url, hdrs, https, body, len, resp, &wait);

        if (!again || attempt >= h->o.max_retries)
            break;
        if (wait >= 0)
            wait *= h->o.backoff_scale;
        else
            wait = jaen_mt_backoff(&h->o, attempt + 1, next_unit(h));
        h->st.retries++;
        h->st.waited_s += wait;
        sleep_s(wait);
    }
    curl_slist_free_all(hdrs);
    return JAEN_OK;
}

/* ---- helpers shared by the backends ---- */

int jaen_mt_join_url(const char *base, const char *path,
                     struct jaen_buf *url)
{
    size_t bl = strlen(base), pl = strlen(path);
    int rc;

    while (bl && base[bl - 1] == '/')
        bl--;
    jaen_buf_reset(url);
    rc = jaen_buf_add(url, base, bl);
    if (!rc && !(bl >= pl && !memcmp(base + bl - pl, path, pl)))
        rc = jaen_buf_add(url, path, pl);
    return rc;
}

void jaen_mt_clip(const char *s, size_t len, char *msg, size_t cap)
{
    size_t i, n = len < cap - 1 ? len : cap - 1;

    /* Back off to a UTF-8 boundary. */
    if (n < len)
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    for (i = 0; i < n; i++)
        msg[i] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? ' ' : s[i];
    msg[n] = '\0';
}

void jaen_mt_errmsg(const char *body, size_t len, char *msg, size_t cap)
{
    json_t *j = len ? jaen_json_load(body, len, NULL) : NULL;
    const json_t *e = json_object_get(j, "error");
    const char *m = NULL, *detail = NULL;
    char code[32] = "";

    if (json_is_object(e)) {
        const json_t *c = json_object_get(e, "code");
        m = json_string_value(json_object_get(e, "message"));
        /* code: an integer (llama.cpp, vLLM), a string (Ollama) or null. */
        if (json_is_integer(c))
            snprintf(code, sizeof(code), " (code %lld)",
                     (long long)json_integer_value(c));
        else if (json_is_string(c))
            snprintf(code, sizeof(code), " (code %.20s)",
                     json_string_value(c));
    } else if (json_is_string(e)) {
        m = json_string_value(e);
    }
    if (!m)
        m = json_string_value(json_object_get(j, "message"));
    detail = json_string_value(json_object_get(j, "detail"));
    if (m) {
        char tmp[512];
        snprintf(tmp, sizeof(tmp), "%s%s%s%s", m, detail ? ": " : "",
                 detail ? detail : "", code);
        jaen_mt_clip(tmp, strlen(tmp), msg, cap);
    } else if (j) {
        jaen_mt_clip("(an error body without a message)", 33, msg, cap);
    } else {
        jaen_mt_clip(body, len, msg, cap);   /* not JSON: show its text */
    }
    json_decref(j);
}

const struct jaen_mt_backend *jaen_mt_backend_find(const char *name)
{
    if (!strcmp(name, "deepl"))
        return &jaen_mt_deepl;
    if (!strcmp(name, "libre") || !strcmp(name, "libretranslate"))
        return &jaen_mt_libre;
    if (!strcmp(name, "openai"))
        return &jaen_mt_openai;
    return NULL;
}

/* test_tm.c: the translation memory: keys, SQLite file, TMX export. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "alloc.h"
#include "buf.h"
#include "err.h"
#include "tm.h"

static void hex(const unsigned char h[32], char out[65])
{
    int i;

    for (i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", h[i]);
}

static void sha256_vectors(void **state)
{
    static const struct { size_t n; char c; const char *text, *want; } v[] = {
        { 0, 0, "",
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
        { 0, 0, "abc",
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
        { 0, 0, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
        { 55, 'a', NULL,
          "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318" },
        { 56, 'a', NULL,
          "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a" },
        { 64, 'a', NULL,
          "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb" },
        { 1000, 'a', NULL,
          "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3" },
    };
    char buf[1000], got[65];
    unsigned char h[32];
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
        if (v[i].text) {
            jaen_sha256(v[i].text, strlen(v[i].text), h);
        } else {
            memset(buf, v[i].c, v[i].n);
            jaen_sha256(buf, v[i].n, h);
        }
        hex(h, got);
        assert_string_equal(got, v[i].want);
    }
}

static void normalize_space(void **state)
{
    struct jaen_buf b;

    (void)state;
    jaen_buf_init(&b, 4096);
    assert_int_equal(jaen_tm_normalize(" \t当社の\u3000\u3000 システム \n",
                                       strlen(" \t当社の\u3000\u3000 システム"
                                              " \n"), &b), JAEN_OK);
    assert_string_equal(b.ptr, "当社の システム");
    jaen_buf_reset(&b);
    assert_int_equal(jaen_tm_normalize("   ", 3, &b), JAEN_OK);
    assert_int_equal(b.len, 0);
    jaen_buf_free(&b);
}

static void keys_cover_every_part(void **state)
{
    struct jaen_tm_keyparts a = { "deepl", "", "ja", "en", "v1", "abc", 3 };
    struct jaen_tm_keyparts b;
    unsigned char k0[32], k1[32];
    int i;

    (void)state;
    jaen_tm_key(&a, k0);
    b = a;
    jaen_tm_key(&b, k1);
    assert_memory_equal(k0, k1, 32);
    for (i = 0; i < 6; i++) {
        b = a;
        switch (i) {
        case 0: b.engine = "libre"; break;
        case 1: b.model = "m"; break;
        case 2: b.source_lang = "zh"; break;
        case 3: b.target_lang = "de"; break;
        case 4: b.glossary = "v2"; break;
        case 5: b.text_len = 2; break;
        }
        jaen_tm_key(&b, k1);
        assert_memory_not_equal(k0, k1, 32);
    }
    /* Field boundaries matter: ("ab","c") differs from ("a","bc"). */
    b = a;
    b.engine = "deep";
    b.model = "l";
    jaen_tm_key(&b, k1);
    assert_memory_not_equal(k0, k1, 32);
    /* The engine-free key ignores engine and model. */
    jaen_tm_skey(&a, "src", 3, k0);
    b = a;
    b.engine = "openai";
    b.model = "x";
    jaen_tm_skey(&b, "src", 3, k1);
    assert_memory_equal(k0, k1, 32);
}

static char dir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof(dir), "%s/test_tm.XXXXXX", JAEN_BINARY_DIR);
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[400];

    (void)state;
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void store_reopen_export(void **state)
{
    struct jaen_tm_keyparts kp = { "deepl", "", "ja", "en", "", "x", 1 };
    unsigned char k1[32], k2[32], s1[32];
    char path[400], tmx[400], *t = NULL, content[4096];
    struct jaen_tm *tm;
    struct jaen_err err;
    struct stat st;
    FILE *f;
    size_t n;

    (void)state;
    snprintf(path, sizeof(path), "%s/a/b/tm.sqlite", dir);
    snprintf(tmx, sizeof(tmx), "%s/out.tmx", dir);
    jaen_err_clear(&err);
    assert_int_equal(jaen_tm_open(&tm, path, &err), JAEN_OK);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    snprintf(content, sizeof(content), "%s/a/b", dir);
    assert_int_equal(stat(content, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);

    jaen_tm_key(&kp, k1);
    kp.text = "y";
    jaen_tm_key(&kp, k2);
    jaen_tm_skey(&kp, "ソース", strlen("ソース"), s1);
    assert_int_equal(jaen_tm_get(tm, k1, &t, &err), 0);
    assert_int_equal(jaen_tm_begin(tm, &err), JAEN_OK);
    assert_int_equal(jaen_tm_put(tm, k1, s1, &kp, "不正<アクセス>&",
                                 "Unauthorized <access> & \x01more", &err),
                     JAEN_OK);
    assert_int_equal(jaen_tm_commit(tm, &err), JAEN_OK);
    assert_int_equal(jaen_tm_count(tm, &err), 1);
    jaen_tm_close(tm);

    assert_int_equal(jaen_tm_open(&tm, path, &err), JAEN_OK);
    assert_int_equal(jaen_tm_get(tm, k1, &t, &err), 1);
    assert_string_equal(t, "Unauthorized <access> & \x01more");
    jaen_free(t);
    assert_int_equal(jaen_tm_get(tm, k2, &t, &err), 0);
    assert_null(t);
    assert_int_equal(jaen_tm_get_skey(tm, s1, &t, &err), 1);
    jaen_free(t);
    assert_int_equal(jaen_tm_export_tmx(tm, tmx, &err), JAEN_OK);
    jaen_tm_close(tm);

    f = fopen(tmx, "r");
    assert_non_null(f);
    n = fread(content, 1, sizeof(content) - 1, f);
    content[n] = '\0';
    fclose(f);
    assert_non_null(strstr(content, "<tmx version=\"1.4\">"));
    assert_non_null(strstr(content, "srclang=\"ja\""));
    assert_non_null(strstr(content, "<tuv xml:lang=\"ja\"><seg>不正&lt;アクセス"
                                    "&gt;&amp;</seg></tuv>"));
    /* The control character is dropped, markup escaped. */
    assert_non_null(strstr(content, "<seg>Unauthorized &lt;access&gt; &amp; "
                                    "more</seg>"));
    assert_non_null(strstr(content, "</body>\n</tmx>\n"));
}

static void refuses_foreign_files(void **state)
{
    char path[400];
    struct jaen_tm *tm = NULL;
    struct jaen_err err;
    sqlite3 *db;
    FILE *f;

    (void)state;
    snprintf(path, sizeof(path), "%s/foreign.sqlite", dir);
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    jaen_err_clear(&err);
    assert_int_equal(jaen_tm_open(&tm, path, &err), JAEN_EFORMAT);
    assert_null(tm);
    assert_non_null(strstr(err.msg, "another format"));

    snprintf(path, sizeof(path), "%s/garbage.sqlite", dir);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("this is not a database, just some text of some length\n", f);
    fclose(f);
    jaen_err_clear(&err);
    assert_int_not_equal(jaen_tm_open(&tm, path, &err), JAEN_OK);
    assert_null(tm);

    snprintf(path, sizeof(path), "/proc/nonexistent/tm.sqlite");
    jaen_err_clear(&err);
    assert_int_equal(jaen_tm_open(&tm, path, &err), JAEN_EIO);
    jaen_tm_close(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sha256_vectors),
        cmocka_unit_test(normalize_space),
        cmocka_unit_test(keys_cover_every_part),
        cmocka_unit_test(store_reopen_export),
        cmocka_unit_test(refuses_foreign_files),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

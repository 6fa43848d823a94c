/* test_buf.c: the capped buffer and the error record. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "err.h"

static void test_cap_and_integrity(void **state)
{
    struct jaen_buf b;

    (void)state;
    jaen_buf_init(&b, 8);
    assert_int_equal(jaen_buf_adds(&b, "abcd"), 0);
    assert_int_equal(jaen_buf_adds(&b, "efghi"), JAEN_ELIMIT);
    assert_string_equal(b.ptr, "abcd");     /* untouched by the failure */
    assert_int_equal(jaen_buf_adds(&b, "efgh"), 0);
    assert_int_equal(jaen_buf_addc(&b, 'x'), JAEN_ELIMIT);
    assert_int_equal(b.len, 8);
    jaen_buf_free(&b);
}

static void test_formatting(void **state)
{
    struct jaen_buf b;
    char big[600];

    (void)state;
    jaen_buf_init(&b, 4096);
    jaen_buf_add_i64(&b, 0);
    jaen_buf_addc(&b, ' ');
    jaen_buf_add_i64(&b, INT64_MIN);
    jaen_buf_addc(&b, ' ');
    jaen_buf_add_i64(&b, INT64_MAX);
    assert_string_equal(b.ptr, "0 -9223372036854775808 9223372036854775807");
    jaen_buf_reset(&b);
    jaen_buf_add_cp(&b, 0x41);
    jaen_buf_add_cp(&b, 0xE9);
    jaen_buf_add_cp(&b, 0x3042);
    jaen_buf_add_cp(&b, 0x1F600);
    assert_string_equal(b.ptr, "A\xC3\xA9\xE3\x81\x82\xF0\x9F\x98\x80");
    jaen_buf_reset(&b);
    memset(big, 'z', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    assert_int_equal(jaen_buf_addf(&b, "%s!", big), 0);   /* > 256 bytes */
    assert_int_equal(b.len, sizeof(big));
    jaen_buf_free(&b);
}

static void test_take_and_oom(void **state)
{
    struct jaen_buf b;
    size_t len;
    char *p;

    (void)state;
    jaen_buf_init(&b, 64);
    p = jaen_buf_take(&b, &len);      /* empty: still a string */
    assert_string_equal(p, "");
    jaen_free(p);
    jaen_alloc_fail_at(1);
    assert_int_equal(jaen_buf_adds(&b, "x"), JAEN_ENOMEM);
    jaen_alloc_fail_at(0);
    assert_null(b.ptr);
    jaen_buf_free(&b);
}

static void test_err_first_wins(void **state)
{
    struct jaen_err e = {0};

    (void)state;
    assert_int_equal(jaen_err_set(&e, JAEN_EDATA, "first %d", 1),
                     JAEN_EDATA);
    assert_int_equal(jaen_err_set(&e, JAEN_EIO, "second"), JAEN_EIO);
    assert_string_equal(e.msg, "first 1");
    assert_int_equal(e.code, JAEN_EDATA);
    jaen_err_at(&e, 3, 4);
    jaen_err_at(&e, 5, 6);
    assert_int_equal(e.line, 3);
    jaen_err_clear(&e);
    errno = ENOENT;
    jaen_err_sys(&e, JAEN_EIO, "open %s", "x");
    assert_string_equal(e.msg, "open x: No such file or directory");
    assert_int_equal(jaen_err_set(NULL, JAEN_ELIMIT, "ignored"),
                     JAEN_ELIMIT);
    assert_string_equal(jaen_strstatus(JAEN_ENOMEM), "out of memory");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cap_and_integrity),
        cmocka_unit_test(test_formatting),
        cmocka_unit_test(test_take_and_oom),
        cmocka_unit_test(test_err_first_wins),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

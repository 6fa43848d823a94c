/* test_io.c: the line reader's cap, CR handling, NULs; the write loop. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>

#include "buf.h"
#include "io.h"

/* A pipe whose read end holds data (written by a child-free small write,
 * or a temp file for big data). */
static int fd_with(const char *data, size_t len)
{
    char path[] = "/tmp/jaen-test-io-XXXXXX";
    int fd = mkstemp(path);

    assert_true(fd >= 0);
    unlink(path);
    assert_int_equal(write(fd, data, len), (ssize_t)len);
    lseek(fd, 0, SEEK_SET);
    return fd;
}

static void test_lines(void **state)
{
    static const char data[] = "one\r\ntwo\n\nfo\0ur\nlast";
    int fd = fd_with(data, sizeof(data) - 1);
    struct jaen_reader *r = jaen_reader_open(fd, 1024);
    const char *line;
    size_t len;
    long no;

    (void)state;
    assert_int_equal(jaen_reader_line(r, &line, &len, &no, NULL), 1);
    assert_int_equal(len, 3);
    assert_memory_equal(line, "one", 3);
    assert_int_equal(jaen_reader_line(r, &line, &len, &no, NULL), 1);
    assert_string_equal(line, "two");
    assert_int_equal(jaen_reader_line(r, &line, &len, &no, NULL), 1);
    assert_int_equal(len, 0);
    assert_int_equal(jaen_reader_line(r, &line, &len, &no, NULL), 1);
    assert_int_equal(len, 5);
    assert_memory_equal(line, "fo\0ur", 5);
    assert_int_equal(jaen_reader_line(r, &line, &len, &no, NULL), 1);
    assert_string_equal(line, "last");     /* no final newline */
    assert_int_equal(no, 5);
    assert_int_equal(jaen_reader_line(r, &line, &len, &no, NULL), 0);
    jaen_reader_close(r);
    close(fd);
}

static void test_over_cap_is_skipped(void **state)
{
    size_t big = 300000, i;
    char *data = malloc(big + 16);
    int fd;
    struct jaen_reader *r;
    struct jaen_err err = {0};
    const char *line;
    size_t len;
    long no;

    (void)state;
    memcpy(data, "ok\n", 3);
    for (i = 3; i < 3 + big; i++)
        data[i] = 'x';
    memcpy(data + 3 + big, "\nafter\n", 7);
    fd = fd_with(data, big + 10);
    r = jaen_reader_open(fd, 1000);
    assert_int_equal(jaen_reader_line(r, &line, &len, &no, &err), 1);
    assert_string_equal(line, "ok");
    assert_int_equal(jaen_reader_line(r, &line, &len, &no, &err),
                     JAEN_ELIMIT);
    assert_int_equal(no, 2);
    assert_int_equal(len, big);
    assert_non_null(strstr(err.msg, "limit"));
    jaen_err_clear(&err);
    assert_int_equal(jaen_reader_line(r, &line, &len, &no, &err), 1);
    assert_string_equal(line, "after");
    assert_int_equal(no, 3);
    assert_int_equal(jaen_reader_line(r, &line, &len, &no, &err), 0);
    jaen_reader_close(r);
    close(fd);
    free(data);
}

static void test_read_all_cap(void **state)
{
    int fd = fd_with("0123456789", 10);
    struct jaen_buf b;
    struct jaen_err err = {0};

    (void)state;
    jaen_buf_init(&b, 1 << 20);
    assert_int_equal(jaen_read_all(fd, 100, &b, &err), 0);
    assert_int_equal(b.len, 10);
    close(fd);
    fd = fd_with("0123456789", 10);
    jaen_buf_reset(&b);
    assert_int_equal(jaen_read_all(fd, 4, &b, &err), JAEN_ELIMIT);
    close(fd);
    jaen_buf_free(&b);
}

static void test_write_errors(void **state)
{
    int p[2];
    struct jaen_err err = {0};
    int fd;

    (void)state;
    assert_int_equal(pipe(p), 0);
    close(p[0]);
    signal(SIGPIPE, SIG_IGN);
    assert_int_equal(jaen_write_all(p[1], "x", 1, &err), JAEN_EPIPE);
    close(p[1]);
    fd = open("/dev/full", O_WRONLY);
    if (fd >= 0) {
        assert_int_equal(jaen_write_all(fd, "x", 1, &err), JAEN_EIO);
        assert_non_null(strstr(err.msg, "No space"));
        close(fd);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lines),
        cmocka_unit_test(test_over_cap_is_skipped),
        cmocka_unit_test(test_read_all_cap),
        cmocka_unit_test(test_write_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

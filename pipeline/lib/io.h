/* io.h: byte-exact input and output for the stream.
 *
 * The reader splits a file descriptor into lines (LF; a CR before it is
 * dropped) with a cap on the line length: an over-long line is skipped to
 * its end and reported, never held in memory.  NUL bytes are data.  The
 * writer loops over short writes and EINTR and reports EPIPE apart from
 * other failures, so that the runner can exit quietly behind `| head`. */
#ifndef JAEN_IO_H
#define JAEN_IO_H

#include <stddef.h>

#include "buf.h"
#include "err.h"

struct jaen_reader;

/* Opens a reader on fd (not closed by the reader).  max_line caps a line.
 * Returns NULL on allocation failure. */
struct jaen_reader *jaen_reader_open(int fd, size_t max_line);
void jaen_reader_close(struct jaen_reader *r);      /* NULL is a no-op */

/* Reads the next line.  Returns 1 and sets *line and *len (borrowed until
 * next call; NUL-terminated, the newline removed) on success; 0 at end of
 * input; JAEN_ELIMIT when the line was over the cap (it has been skipped;
 * *len receives its length in bytes); JAEN_EIO on a read error.
 * *lineno receives the 1-based line number in every case. */
int jaen_reader_line(struct jaen_reader *r, const char **line, size_t *len,
                     long *lineno, struct jaen_err *err);

/* Reads everything left, up to max bytes, into out.  JAEN_ELIMIT when the
 * input is longer (out then holds the first max bytes). */
int jaen_read_all(int fd, size_t max, struct jaen_buf *out,
                  struct jaen_err *err);

/* Writes all of p[0..len) to fd.  Returns JAEN_OK, JAEN_EPIPE when the
 * reader went away, or JAEN_EIO (err set). */
int jaen_write_all(int fd, const char *p, size_t len, struct jaen_err *err);

#endif

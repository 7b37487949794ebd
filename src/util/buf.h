#ifndef OV_UTIL_BUF_H
#define OV_UTIL_BUF_H
/*
 * A growable byte buffer, always NUL-terminated.  Initialise with
 * OV_BUF_INIT or ov_buf_init(); release with ov_buf_release().  The bytes
 * stay owned by the buffer until ov_buf_detach() hands them to the caller.
 */
#include <stdarg.h>
#include <stddef.h>

typedef struct ov_buf {
	char *data;
	size_t len;
	size_t cap;
} ov_buf;

#define OV_BUF_INIT {NULL, 0, 0}

void ov_buf_init(ov_buf *b);
void ov_buf_release(ov_buf *b);
void ov_buf_reset(ov_buf *b);
void ov_buf_add(ov_buf *b, const void *p, size_t n);
void ov_buf_puts(ov_buf *b, const char *s);
void ov_buf_putc(ov_buf *b, char c);
void ov_buf_printf(ov_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void ov_buf_vprintf(ov_buf *b, const char *fmt, va_list ap);
/* The contents, "" for an empty buffer; owned by the buffer. */
const char *ov_buf_str(const ov_buf *b);
/* Hand the string to the caller (free() it) and leave the buffer empty. */
char *ov_buf_detach(ov_buf *b);

#endif

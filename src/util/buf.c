#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

void ov_buf_init(ov_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void ov_buf_release(ov_buf *b)
{
	if (!b)
		return;
	free(b->data);
	ov_buf_init(b);
}

void ov_buf_reset(ov_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

static void reserve(ov_buf *b, size_t extra)
{
	OV_GROW(b->data, b->cap, b->len + extra + 1);
}

void ov_buf_add(ov_buf *b, const void *p, size_t n)
{
	reserve(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void ov_buf_puts(ov_buf *b, const char *s)
{
	ov_buf_add(b, s, strlen(s));
}

void ov_buf_putc(ov_buf *b, char c)
{
	ov_buf_add(b, &c, 1);
}

void ov_buf_vprintf(ov_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n <= 0)
		return;
	reserve(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void ov_buf_printf(ov_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ov_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

const char *ov_buf_str(const ov_buf *b)
{
	return b->data ? b->data : "";
}

char *ov_buf_detach(ov_buf *b)
{
	char *s = b->data ? b->data : ov_xstrdup("");

	ov_buf_init(b);
	return s;
}

/* Declared in util/mem.h with the other allocators, defined here on top of
 * ov_buf, so that mem.c (which buf.c allocates through) needs nothing of
 * this file. */
char *ov_xasprintf(const char *fmt, ...)
{
	ov_buf b = OV_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	ov_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return ov_buf_detach(&b);
}

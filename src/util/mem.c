#include "util/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void die_oom(size_t n)
{
	fprintf(stderr, "oversight: out of memory (%zu bytes)\n", n);
	exit(1);
}

void *ov_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die_oom(n);
	return p;
}

void *ov_xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
	if (!p)
		die_oom(nmemb * size);
	return p;
}

void *ov_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die_oom(n);
	return q;
}

char *ov_xstrdup(const char *s)
{
	return s ? ov_xstrndup(s, strlen(s)) : NULL;
}

char *ov_xstrndup(const char *s, size_t n)
{
	char *p;

	if (!s)
		return NULL;
	p = ov_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void ov_grow(void **arr, size_t sz, size_t *cap, size_t need)
{
	size_t c = *cap;

	if (need <= c)
		return;
	c = c ? c : 8;
	while (c < need)
		c *= 2;
	*arr = ov_xrealloc(*arr, c * sz);
	*cap = c;
}

void ov_memwipe(void *p, size_t n)
{
	volatile unsigned char *v = p;

	while (n--)
		*v++ = 0;
}

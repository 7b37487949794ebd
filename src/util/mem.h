#ifndef OV_UTIL_MEM_H
#define OV_UTIL_MEM_H
/*
 * Allocation that does not return on failure: like git's xmalloc, running out
 * of memory prints a message and exits with status 1, so callers need no
 * NULL checks for allocation.  Everything returned is owned by the caller
 * and released with free().
 */
#include <stddef.h>

void *ov_xmalloc(size_t n);
void *ov_xcalloc(size_t nmemb, size_t size);
void *ov_xrealloc(void *p, size_t n);
/* Duplicate s; NULL in gives NULL out. */
char *ov_xstrdup(const char *s);
char *ov_xstrndup(const char *s, size_t n);
/* printf into a fresh string (defined in util/buf.c, on ov_buf). */
char *ov_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grow *arr (element size sz) so that it holds at least need elements. */
void ov_grow(void **arr, size_t sz, size_t *cap, size_t need);
#define OV_GROW(arr, cap, need) ov_grow((void **)&(arr), sizeof *(arr), &(cap), (need))

/* Overwrite n bytes in a way the compiler may not drop (for secrets). */
void ov_memwipe(void *p, size_t n);

#endif

#ifndef OV_WEB_CACHE_H
#define OV_WEB_CACHE_H
/*
 * Rendered page content, kept until the register changes.  An entry is
 * keyed by the text the caller gives (path and query) and by the day and
 * the register's generation (app: ov_app_generation) it was made for, so
 * it is never served once anything has been written.  Content must not
 * depend on who asks (the chrome, which does, is written around it).
 * Shared by all threads; bounded to OV_WEB_CACHE_N entries of at most
 * OV_WEB_CACHE_MAX bytes.
 */
#include <stdbool.h>

#include "web/http.h"

#define OV_WEB_CACHE_N 64
#define OV_WEB_CACHE_MAX (2 * 1024 * 1024)

/* Append the cached content for key to out and return true, or return
 * false (nothing appended) if there is none for the current state. */
bool ov_web_cache_get(ov_web_req *q, const char *key, ov_buf *out);
/* Keep n bytes of content for key (copied) as of the current state. */
void ov_web_cache_put(ov_web_req *q, const char *key, const char *data,
                      size_t n);
/* Drop everything (at shutdown). */
void ov_web_cache_clear(void);

#endif

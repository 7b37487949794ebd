#ifndef OV_UTIL_HTML_H
#define OV_UTIL_HTML_H
/*
 * THE HTML writer.  Every byte of HTML the program produces goes through
 * here, and every piece of text or attribute value is escaped here; no
 * other code escapes or prints HTML.  Output accumulates in an ov_buf the
 * caller owns, so a caller can write it out (or discard it) whole.
 *
 * Tag and attribute names are program constants: a name that is not
 * [a-z][a-z0-9-]* is refused (the call appends nothing and sets h->bad),
 * so a mistake can never turn data into markup.  Text and attribute values
 * may be any UTF-8 and are escaped (& < > " ').
 */
#include <stdbool.h>

#include "util/buf.h"

typedef struct ov_html {
	ov_buf *out;  /* borrowed; the caller releases it */
	bool bad;     /* a refused name or style was given */
} ov_html;

void ov_html_init(ov_html *h, ov_buf *out);
/* "<!DOCTYPE html>\n" */
void ov_html_doctype(ov_html *h);
/* <tag name="value" ...>: the variadic part is NULL-terminated pairs of
 * const char * (attribute name, value); a NULL value omits that attribute
 * only if it is the last pair, so pass "" for an empty value. */
void ov_html_open(ov_html *h, const char *tag, ...);
/* </tag> */
void ov_html_close(ov_html *h, const char *tag);
/* An element with no content (<meta ...>, <br>); pairs as ov_html_open. */
void ov_html_void(ov_html *h, const char *tag, ...);
/* Escaped text. */
void ov_html_text(ov_html *h, const char *s);
/* <tag>escaped text</tag> with no attributes. */
void ov_html_elem(ov_html *h, const char *tag, const char *text);
/* A newline, for readable source. */
void ov_html_nl(ov_html *h);
/* <style>css</style>.  css is program text (a constant), not data; it is
 * refused if it contains "</" or "<!--". */
void ov_html_style(ov_html *h, const char *css);
/* <script>js</script>: program text, refused (as css is) if it contains
 * "</" or "<!--".  Only for a constant whose hash the page's
 * Content-Security-Policy names. */
void ov_html_script(ov_html *h, const char *js);
/* Escape s into a fresh string (caller frees); for callers that need the
 * escaped form elsewhere, e.g. tests. */
char *ov_html_escape(const char *s);

#endif

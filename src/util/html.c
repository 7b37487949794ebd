#include "util/html.h"

#include <stdarg.h>
#include <string.h>

static bool name_ok(const char *s)
{
	if (!s || !(*s >= 'a' && *s <= 'z'))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '-'))
			return false;
	return true;
}

static void escape_into(ov_buf *b, const char *s)
{
	const char *run = s;

	for (; *s; s++) {
		const char *rep;

		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		ov_buf_add(b, run, (size_t)(s - run));
		ov_buf_puts(b, rep);
		run = s + 1;
	}
	ov_buf_add(b, run, (size_t)(s - run));
}

void ov_html_init(ov_html *h, ov_buf *out)
{
	h->out = out;
	h->bad = false;
}

void ov_html_doctype(ov_html *h)
{
	ov_buf_puts(h->out, "<!DOCTYPE html>\n");
}

/* Writes "<tag a="v"...>" or refuses; shared by open and void. */
static void start_tag(ov_html *h, const char *tag, va_list ap)
{
	ov_buf tmp = OV_BUF_INIT;
	const char *name;

	if (!name_ok(tag)) {
		h->bad = true;
		return;
	}
	ov_buf_putc(&tmp, '<');
	ov_buf_puts(&tmp, tag);
	while ((name = va_arg(ap, const char *)) != NULL) {
		const char *val = va_arg(ap, const char *);

		if (!name_ok(name)) {
			h->bad = true;
			ov_buf_release(&tmp);
			return;
		}
		if (!val)
			break;
		ov_buf_putc(&tmp, ' ');
		ov_buf_puts(&tmp, name);
		ov_buf_puts(&tmp, "=\"");
		escape_into(&tmp, val);
		ov_buf_putc(&tmp, '"');
	}
	ov_buf_putc(&tmp, '>');
	ov_buf_add(h->out, tmp.data, tmp.len);
	ov_buf_release(&tmp);
}

void ov_html_open(ov_html *h, const char *tag, ...)
{
	va_list ap;

	va_start(ap, tag);
	start_tag(h, tag, ap);
	va_end(ap);
}

void ov_html_void(ov_html *h, const char *tag, ...)
{
	va_list ap;

	va_start(ap, tag);
	start_tag(h, tag, ap);
	va_end(ap);
}

void ov_html_close(ov_html *h, const char *tag)
{
	if (!name_ok(tag)) {
		h->bad = true;
		return;
	}
	ov_buf_puts(h->out, "</");
	ov_buf_puts(h->out, tag);
	ov_buf_putc(h->out, '>');
}

void ov_html_text(ov_html *h, const char *s)
{
	if (s)
		escape_into(h->out, s);
}

void ov_html_elem(ov_html *h, const char *tag, const char *text)
{
	ov_html_open(h, tag, NULL);
	ov_html_text(h, text);
	ov_html_close(h, tag);
}

void ov_html_nl(ov_html *h)
{
	ov_buf_putc(h->out, '\n');
}

void ov_html_style(ov_html *h, const char *css)
{
	if (!css || strstr(css, "</") || strstr(css, "<!--")) {
		h->bad = true;
		return;
	}
	ov_buf_puts(h->out, "<style>\n");
	ov_buf_puts(h->out, css);
	ov_buf_puts(h->out, "</style>\n");
}

void ov_html_script(ov_html *h, const char *js)
{
	if (!js || strstr(js, "</") || strstr(js, "<!--")) {
		h->bad = true;
		return;
	}
	ov_buf_puts(h->out, "<script>");
	ov_buf_puts(h->out, js);
	ov_buf_puts(h->out, "</script>");
}

char *ov_html_escape(const char *s)
{
	ov_buf b = OV_BUF_INIT;

	ov_buf_puts(&b, "");
	if (s)
		escape_into(&b, s);
	return ov_buf_detach(&b);
}

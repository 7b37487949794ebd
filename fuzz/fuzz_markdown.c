/*
 * Fuzz target: Markdown written by people, converted into paper blocks
 * (ov_paper_markdown, src/paper/markdown.c) and rendered as HTML
 * (ov_paper_render_html, src/paper/render_html.c) into memory.
 *
 * Properties: the tree is well formed (known block kinds, heading levels
 * 1..4, no NULL run text); rendering succeeds; and the HTML holds only the
 * renderer's own tags - no "<script" in any case and no other tag the
 * renderer does not write - so raw HTML in the input never passes through.
 * The Markdown renderer runs too, for memory errors only.
 */
#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "fuzz.h"
#include "paper/tree.h"

static void check_inline(const ov_inline *in)
{
	for (size_t i = 0; i < in->n; i++)
		if (!in->runs[i].text)
			fuzz_fail("a run with NULL text");
}

static void check_tree(const ov_paper *p)
{
	for (size_t i = 0; i < p->n; i++) {
		const ov_block *b = &p->blocks[i];

		switch (b->kind) {
		case OV_BLOCK_HEADING:
			if (b->level < 1 || b->level > 4)
				fuzz_fail("heading level %d", b->level);
			check_inline(&b->text);
			break;
		case OV_BLOCK_PARA:
			check_inline(&b->text);
			break;
		case OV_BLOCK_LIST:
			for (size_t j = 0; j < b->n_items; j++)
				check_inline(&b->items[j]);
			break;
		default:
			fuzz_fail("block %zu has kind %d", i, (int)b->kind);
		}
	}
}

/* The tags render_html.c writes; anything else came from the input. */
static bool known_tag(const char *name, size_t n)
{
	static const char *const tags[] = {
		"!DOCTYPE", "html",  "head",  "meta",	  "title", "style",
		"body",	    "h1",    "h2",    "h3",	  "h4",	   "p",
		"ul",	    "li",    "strong", "em",	  "table", "colgroup",
		"col",	    "thead", "tbody", "tr",	  "th",	   "td",
	};

	for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
		if (strlen(tags[i]) == n && strncmp(tags[i], name, n) == 0)
			return true;
	return false;
}

static void check_html(const char *html, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		size_t start, n = 0;

		if (html[i] != '<')
			continue;
		if (len - i >= 7 && strncasecmp(html + i, "<script", 7) == 0)
			fuzz_fail("HTML contains <script");
		start = i + 1 + (i + 1 < len && html[i + 1] == '/');
		while (start + n < len && (isalnum((unsigned char)html[start + n]) ||
					   html[start + n] == '!'))
			n++;
		if (!known_tag(html + start, n))
			fuzz_fail("HTML contains a foreign tag: %.40s", html + i);
	}
}

static char *render(const ov_paper *p, size_t *len, bool html)
{
	ov_diag d = OV_DIAG_INIT;
	char *out = NULL;
	FILE *f = open_memstream(&out, len);
	int rc;

	if (!f)
		fuzz_fail("open_memstream failed");
	rc = html ? ov_paper_render_html(p, f, &d) : ov_paper_render_md(p, f, &d);
	if (rc < 0) {
		ov_diag_print(&d, stderr, "render");
		fuzz_fail("rendering %s failed", html ? "HTML" : "Markdown");
	}
	if (fclose(f) != 0)
		fuzz_fail("closing the memory stream failed");
	ov_diag_release(&d);
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *md = fuzz_cstr(data, size);

	/* Base level 1 as for a report's summary, 3 as for a narrative
	 * under a report heading (clamping to 4 is exercised). */
	for (int base = 1; base <= 3; base += 2) {
		ov_paper *p = ov_paper_new();
		size_t len = 0;
		char *out;

		ov_paper_markdown(p, md, base);
		check_tree(p);
		out = render(p, &len, true);
		check_html(out, len);
		free(out);
		free(render(p, &len, false));
		ov_paper_free(p);
	}
	free(md);
	return 0;
}

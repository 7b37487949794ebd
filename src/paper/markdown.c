/*
 * Markdown written by people -> document blocks, through cmark.  Only the
 * structure the paper needs survives: paragraphs, headings, bullet lists
 * (ordered ones keep their numbers as text), bold and italic.  Raw HTML is
 * never passed to any renderer as markup: the paper drops it; a preview
 * (html_shown) keeps it as plain text, which every renderer escapes, so
 * the writer sees it will not be markup.  A link keeps its text only,
 * since a printed paper cannot follow it and an HTML one must make no
 * requests.
 */
#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "paper/tree.h"
#include "util/mem.h"

/* Append the inline content of node n to in. */
static void inlines(ov_inline *in, cmark_node *n, bool bold, bool italic,
		    bool html_shown)
{
	for (cmark_node *c = cmark_node_first_child(n); c;
	     c = cmark_node_next(c)) {
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			ov_inline_add(in, cmark_node_get_literal(c), bold,
				      italic);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			ov_inline_add(in, " ", bold, italic);
			break;
		case CMARK_NODE_EMPH:
			inlines(in, c, bold, true, html_shown);
			break;
		case CMARK_NODE_STRONG:
			inlines(in, c, true, italic, html_shown);
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			inlines(in, c, bold, italic, html_shown);
			break;
		case CMARK_NODE_HTML_INLINE:
			if (html_shown)
				ov_inline_add(in, cmark_node_get_literal(c),
					      bold, italic);
			break;
		default: /* raw HTML and anything unknown: dropped */
			break;
		}
	}
}

/* The text of a list item: its paragraphs joined by spaces; nested lists
 * become further items of the same list. */
static void list_items(ov_block **listp, ov_paper *p, cmark_node *list,
		       bool html_shown);

static void item(ov_block **listp, ov_paper *p, cmark_node *it,
		 const char *prefix, bool html_shown)
{
	ov_inline *in = ov_list_add(*listp, prefix);

	for (cmark_node *c = cmark_node_first_child(it); c;
	     c = cmark_node_next(c)) {
		cmark_node_type t = cmark_node_get_type(c);

		if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING) {
			if (!ov_inline_empty(in))
				ov_inline_add(in, " ", false, false);
			inlines(in, c, false, false, html_shown);
		} else if (t == CMARK_NODE_LIST) {
			list_items(listp, p, c, html_shown);
			in = NULL; /* the list may have moved */
			break;
		}
	}
	(void)in;
}

static void list_items(ov_block **listp, ov_paper *p, cmark_node *list,
		       bool html_shown)
{
	bool ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
	int num = cmark_node_get_list_start(list);

	for (cmark_node *it = cmark_node_first_child(list); it;
	     it = cmark_node_next(it), num++) {
		char *prefix = ordered ? ov_xasprintf("%d. ", num) : NULL;

		item(listp, p, it, prefix, html_shown);
		free(prefix);
	}
}

/* A raw HTML block as a paragraph of its text, without the line end
 * cmark keeps. */
static void html_para(ov_paper *p, const char *literal)
{
	size_t n = literal ? strlen(literal) : 0;
	char *text;

	while (n && (literal[n - 1] == '\n' || literal[n - 1] == '\r'))
		n--;
	if (!n)
		return;
	text = ov_xmalloc(n + 1);
	memcpy(text, literal, n);
	text[n] = '\0';
	ov_paper_para(p, text);
	free(text);
}

static void blocks(ov_paper *p, cmark_node *n, int base, bool html_shown)
{
	for (cmark_node *c = cmark_node_first_child(n); c;
	     c = cmark_node_next(c)) {
		ov_inline in = {NULL, 0};
		ov_block *b;

		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_PARAGRAPH:
			inlines(&in, c, false, false, html_shown);
			if (!ov_inline_empty(&in))
				ov_paper_para_take(p, &in);
			ov_inline_release(&in);
			break;
		case CMARK_NODE_HEADING:
			b = ov_paper_add(p, OV_BLOCK_HEADING);
			b->level = base + cmark_node_get_heading_level(c) - 1;
			if (b->level > 4)
				b->level = 4;
			inlines(&b->text, c, false, false, html_shown);
			break;
		case CMARK_NODE_LIST:
			b = ov_paper_list(p);
			list_items(&b, p, c, html_shown);
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			blocks(p, c, base, html_shown);
			break;
		case CMARK_NODE_HTML_BLOCK:
			if (html_shown)
				html_para(p, cmark_node_get_literal(c));
			break;
		case CMARK_NODE_CODE_BLOCK:
			ov_paper_para(p, cmark_node_get_literal(c));
			break;
		default: /* raw HTML blocks, rules: dropped */
			break;
		}
	}
}

void ov_paper_markdown(ov_paper *p, const char *md, int base_level)
{
	ov_paper_markdown_shown(p, md, base_level, false);
}

void ov_paper_markdown_shown(ov_paper *p, const char *md, int base_level,
			     bool html_shown)
{
	cmark_node *doc;

	if (!md || !*md)
		return;
	/* Default options: cmark >= 0.29 is safe by default (raw HTML is not
	 * rendered); we never render through cmark anyway, and drop HTML
	 * nodes above. */
	doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
	if (!doc)
		return;
	blocks(p, doc, base_level < 1 ? 1 : base_level, html_shown);
	cmark_node_free(doc);
}

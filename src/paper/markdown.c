/*
 * Markdown written by people -> document blocks, through cmark.  Only the
 * structure the paper needs survives: paragraphs, headings, bullet lists
 * (ordered ones keep their numbers as text), bold and italic.  Raw HTML is
 * dropped (never passed to any renderer); a link keeps its text only, since
 * a printed paper cannot follow it and an HTML one must make no requests.
 */
#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "paper/tree.h"
#include "util/mem.h"

/* Append the inline content of node n to in. */
static void inlines(ov_inline *in, cmark_node *n, bool bold, bool italic)
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
			inlines(in, c, bold, true);
			break;
		case CMARK_NODE_STRONG:
			inlines(in, c, true, italic);
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			inlines(in, c, bold, italic);
			break;
		default: /* raw HTML and anything unknown: dropped */
			break;
		}
	}
}

/* The text of a list item: its paragraphs joined by spaces; nested lists
 * become further items of the same list. */
static void list_items(ov_block **listp, ov_paper *p, cmark_node *list);

static void item(ov_block **listp, ov_paper *p, cmark_node *it,
		 const char *prefix)
{
	ov_inline *in = ov_list_add(*listp, prefix);

	for (cmark_node *c = cmark_node_first_child(it); c;
	     c = cmark_node_next(c)) {
		cmark_node_type t = cmark_node_get_type(c);

		if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING) {
			if (!ov_inline_empty(in))
				ov_inline_add(in, " ", false, false);
			inlines(in, c, false, false);
		} else if (t == CMARK_NODE_LIST) {
			list_items(listp, p, c);
			in = NULL; /* the list may have moved */
			break;
		}
	}
	(void)in;
}

static void list_items(ov_block **listp, ov_paper *p, cmark_node *list)
{
	bool ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
	int num = cmark_node_get_list_start(list);

	for (cmark_node *it = cmark_node_first_child(list); it;
	     it = cmark_node_next(it), num++) {
		char *prefix = ordered ? ov_xasprintf("%d. ", num) : NULL;

		item(listp, p, it, prefix);
		free(prefix);
	}
}

static void blocks(ov_paper *p, cmark_node *n, int base)
{
	for (cmark_node *c = cmark_node_first_child(n); c;
	     c = cmark_node_next(c)) {
		ov_inline in = {NULL, 0};
		ov_block *b;

		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_PARAGRAPH:
			inlines(&in, c, false, false);
			if (!ov_inline_empty(&in))
				ov_paper_para_take(p, &in);
			ov_inline_release(&in);
			break;
		case CMARK_NODE_HEADING:
			b = ov_paper_add(p, OV_BLOCK_HEADING);
			b->level = base + cmark_node_get_heading_level(c) - 1;
			if (b->level > 4)
				b->level = 4;
			inlines(&b->text, c, false, false);
			break;
		case CMARK_NODE_LIST:
			b = ov_paper_list(p);
			list_items(&b, p, c);
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			blocks(p, c, base);
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
	cmark_node *doc;

	if (!md || !*md)
		return;
	/* Default options: cmark >= 0.29 is safe by default (raw HTML is not
	 * rendered); we never render through cmark anyway, and drop HTML
	 * nodes above. */
	doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
	if (!doc)
		return;
	blocks(p, doc, base_level < 1 ? 1 : base_level);
	cmark_node_free(doc);
}

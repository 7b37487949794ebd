#ifndef OV_PAPER_CONTEXT_H
#define OV_PAPER_CONTEXT_H
/*
 * What the paper's builders share (paper/build.c, paper/sections.c): the
 * data, the meeting and its window, and the layout entry of the section
 * being built; and the orders and tests they all use.  Private to
 * paper/.  Everything is borrowed from the dataset; nothing here owns.
 */
#include <stdbool.h>
#include <stddef.h>

#include "core/model.h"
#include "paper/doc.h"

typedef struct ov_pctx {
	const ov_dataset *ds;
	const ov_meeting *m;
	ov_day prev; /* previous meeting's date, OV_DAY_NONE if none */
	ov_day next; /* next meeting's date, OV_DAY_NONE if none */
	ov_paper *p;
	const ov_section_spec *sp;
	bool keep_empty; /* the default layout: the seed's empty headings */
} ov_pctx;

/* In (prev, m->date]: after the last meeting, up to this one. */
bool ov_pctx_in_window(const ov_pctx *c, ov_day d);
/* Both given and equal. */
bool ov_pctx_same(const char *a, const char *b);
/* Refs in natural order: "R9" before "R10" (<0, 0, >0). */
int ov_pctx_natural_cmp(const char *a, const char *b);
/* qsort orders: const ov_rec * by natural ref; const ov_activity * by
 * first day, last day, id. */
int ov_pctx_rec_cmp(const void *x, const void *y);
int ov_pctx_act_cmp(const void *x, const void *y);
/* Counts of the kinds of recs[0..n) into k (indexed by ov_rec_kind). */
void ov_pctx_count_kinds(const ov_rec *const *recs, size_t n, size_t k[3]);

#endif

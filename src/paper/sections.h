#ifndef OV_PAPER_SECTIONS_H
#define OV_PAPER_SECTIONS_H
/*
 * The paper's sections on the register as it stood at the meeting
 * (docs/format.md, "layout"), each appending its blocks to c->p and
 * nothing when it has nothing to report (paper/build.c then prints the
 * layout's sentence or leaves the section out).  Private to paper/.
 *
 *   counts       by status overall and per report ("2 in progress, 1
 *                awaiting allocation (no owner yet) and 3 closed")
 *   timeline     the closedown timeline: each live recommendation's
 *                target and, where revised, the revised target and why
 *   overdue      live ones past their target (the revised one if moved)
 *   due_soon     live ones due up to the next meeting (three months when
 *                none is known)
 *   overview     report by report, what happened since the last meeting
 *   forthcoming  activities after the meeting; questions to be inspected
 */
#include "paper/context.h"

void ov_sec_counts(ov_pctx *c);
void ov_sec_timeline(ov_pctx *c);
void ov_sec_overdue(ov_pctx *c);
void ov_sec_due_soon(ov_pctx *c);
void ov_sec_overview(ov_pctx *c);
void ov_sec_forthcoming(ov_pctx *c);

#endif

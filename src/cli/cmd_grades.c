/* oversight grades: a PEEL table with carry-forward (core/peel.h). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli/command.h"
#include "cli/national.h"
#include "cli/opts.h"
#include "cli/table.h"
#include "core/peel.h"
#include "util/mem.h"

static const char usage[] =
	"usage: oversight [--db PATH] grades [--assessment ID] [--force CODE]\n"
	"                                    [--as-at D]\n"
	"       oversight [--db PATH] grades --across-forces [--as-at D]\n"
	"                 [--force CODE] [--format table|json|csv]\n\n"
	"Print a PEEL assessment's table: each question with its grade, or\n"
	"the grade carried forward from the last assessment that inspected\n"
	"it, or when it is to be inspected.  Without --assessment, the\n"
	"force's latest assessment dated on or before --as-at (default\n"
	"today); --force is needed when the register holds several forces.\n\n"
	"With --across-forces, the PEEL grades per question across forces as\n"
	"they stood on --as-at: for each question (by key) of the forces'\n"
	"latest assessments on or before that date, how many forces had each\n"
	"grade, and each force's grade, carried forward as above where its\n"
	"latest assessment did not inspect the question.  A force without an\n"
	"assessment by then, or whose assessment does not list the question,\n"
	"counts as not known.  --force CODE: that force only.\n";

/* What a cell says: "Good", "Good (carried from PEEL 2017)", "To be
 * inspected in November"...  A fresh string. */
static char *grade_text(const ov_assessment *a, const ov_peel_cell *c)
{
	int y, m, d;

	if (c->grade == OV_GRADE_NONE)
		return ov_xstrdup("Not known");
	if (c->grade == OV_GRADE_TBI) {
		if (c->inspect.prec < OV_PREC_MONTH)
			return ov_xstrdup(ov_grade_label(c->grade));
		ov_date_to_ymd(c->inspect.day, &y, &m, &d);
		return ov_xasprintf("%s in %s", ov_grade_label(c->grade),
				    ov_month_name(m));
	}
	if (c->from && c->from != a)
		return ov_xasprintf("%s (carried from %s)",
				    ov_grade_label(c->grade),
				    c->from->label ? c->from->label
						   : c->from->id);
	return ov_xstrdup(ov_grade_label(c->grade));
}

/* The overall grade and the pillars' own grades, when the assessment
 * gives them. */
static void print_overall(const ov_assessment *a)
{
	if (a->overall != OV_GRADE_NONE)
		printf("Overall: %s\n", ov_grade_label(a->overall));
	for (size_t i = 0; i < a->n_pillars; i++) {
		ov_peel_cell c = {a->pillars[i].grade, a->pillars[i].inspect,
				  a};
		char *g = grade_text(a, &c);

		fputs("Pillar: ", stdout);
		ov_term_puts(a->pillars[i].name, stdout);
		printf(": %s\n", g);
		free(g);
	}
	if (a->overall != OV_GRADE_NONE || a->n_pillars)
		putchar('\n');
}

static void print(const ov_assessment *a, const ov_peel_cell *cells)
{
	static const char *const head[] = {"No.", "Pillar", "Question",
					   "Grade"};
	ov_table *t = ov_table_new(4, head);
	const char *last_pillar = NULL;
	char day[11], *head_line;
	bool flagged = false;

	/* Whole words matter more here than one line per question. */
	ov_table_wrap(t, 2);
	ov_table_wrap(t, 3);
	for (size_t i = 0; i < a->n_questions; i++) {
		const ov_question *q = &a->questions[i];
		char *num = ov_xasprintf("%d", q->number);
		char *text = ov_xasprintf("%s%s", q->text ? q->text : "",
					  q->flagged ? "*" : "");
		char *grade = grade_text(a, &cells[i]);
		/* The pillar once per group, as the paper prints it. */
		bool same = last_pillar && q->pillar &&
			    strcmp(last_pillar, q->pillar) == 0;
		const char *row[4] = {num, same ? "" : q->pillar, text, grade};

		ov_table_add(t, row);
		last_pillar = q->pillar;
		flagged |= q->flagged;
		free(num);
		free(text);
		free(grade);
	}
	ov_pdate_format(a->date, day);
	/* Stored text, shown in its visible form (cli/table.h). */
	head_line = ov_xasprintf("PEEL: %s (%s, %s, assessment %s)",
				 a->label ? a->label : a->id,
				 a->force ? a->force : "", day, a->id);
	ov_term_puts(head_line, stdout);
	fputs("\n\n", stdout);
	print_overall(a);
	if (a->n_questions)
		ov_table_print(t, stdout, 80);
	if (flagged && a->flag_note) {
		fputs("\n* ", stdout);
		ov_term_puts(a->flag_note, stdout);
		putchar('\n');
	}
	free(head_line);
	ov_table_free(t);
}

typedef struct req {
	const char *id, *force, *format;
	bool across;
	ov_day as_at;
	enum ov_nat_fmt fmt;
	ov_grades g;
	ov_national_grades ng;
} req;

static const ov_cli_arg args[] = {
	{"assessment", 0, OV_ARG_STR, offsetof(req, id)},
	{"force", 0, OV_ARG_STR, offsetof(req, force)},
	{"as-at", 0, OV_ARG_TODAY, offsetof(req, as_at)},
	{"across-forces", 0, OV_ARG_FLAG, offsetof(req, across)},
	{"format", 0, OV_ARG_STR, offsetof(req, format)},
};

/* --format belongs to --across-forces, which picks no assessment. */
static int check(const ov_cli_ctx *c, void *ctx)
{
	req *r = ctx;
	int f;

	if ((!r->across && r->format) || (r->across && r->id)) {
		ov_cli_err(c->cmd->name, r->id ? "--across-forces takes no "
		                                 "--assessment"
		                               : "--format needs "
		                                 "--across-forces");
		ov_cli_usage_hint(c->cmd->name);
		return OV_EXIT_USAGE;
	}
	f = ov_cli_choice(c->cmd->name, "format", r->format, ov_nat_formats);
	if (f < 0)
		return OV_EXIT_USAGE;
	r->fmt = (enum ov_nat_fmt)f;
	return -1;
}

OV_CLI_CALL(call, req,
            r->across
                ? ov_app_grades_across(a, r->as_at, r->force, &r->ng, d)
                : ov_app_grades(a, r->id, r->force, r->as_at, &r->g, d))

OV_CLI_SHOW(show, req)
{
	if (r->across)
		ov_nat_print_grades(&r->ng, r->fmt);
	else
		print(r->g.a, r->g.cells);
}

OV_CLI_RELEASE(release, req,
               (ov_grades_release(&r->g),
                ov_national_grades_release(&r->ng)))

const ov_cli_command ov_cmd_grades = {
	.name = "grades", .summary = "print a PEEL table with carry-forward",
	.usage = usage, .args = OV_CLI_ARGS(args), .req_size = sizeof(req),
	.check = check, .call = call, .show = show, .release = release,
};

/* oversight extract: a report's causes of concern, recommendations and
 * areas for improvement, to review and import (app/extract.h). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "app/extract.h"
#include "cli/command.h"
#include "cli/opts.h"
#include "cli/table.h"
#include "util/buf.h"
#include "util/mem.h"

static const char usage[] =
    "usage: oversight extract FILE.pdf|FILE.txt [--report ID]\n"
    "                 [--published YYYY-MM-DD] [--force CODE]\n"
    "                 [--format json|table] [-o FILE]\n\n"
    "Find the causes of concern, recommendations and areas for\n"
    "improvement in an inspection report (a PDF, at most 64 MiB, or its\n"
    "text) with their numbers, areas, timescales, due dates, addressees\n"
    "and bullet points.  json (the default) is an oversight/1 document\n"
    "that 'import' takes as it is; table is for a person to review.\n"
    "What could not be determined is said for each item (in the JSON,\n"
    "in its note).  No database is needed.\n\n"
    "  --report ID         the report's id (default: from its title)\n"
    "  --published DATE    when it was published (default: as the text\n"
    "                      says; due dates need the day)\n"
    "  --force CODE        whose register (default: the force the text\n"
    "                      names most)\n"
    "  --format F          json or table\n"
    "  -o, --output FILE   write the JSON to FILE (default: standard "
    "output)\n";

typedef struct req {
	const char *format;
	ov_extract_req x;
	ov_extract_result r;
} req;

static const ov_cli_arg args[] = {
    {"report", 0, OV_ARG_STR, offsetof(req, x.report)},
    {"published", 0, OV_ARG_DATE, offsetof(req, x.published)},
    {"force", 0, OV_ARG_STR, offsetof(req, x.force)},
    {"format", 0, OV_ARG_STR, offsetof(req, format)},
    {"output", 'o', OV_ARG_STR, offsetof(req, x.out)},
};

/* In the order of enum ov_extract_fmt. */
static const char *const formats[] = {"json", "table", NULL};

static int check(const ov_cli_ctx *c, void *ctx)
{
	req *r = ctx;
	int f = ov_cli_choice(c->cmd->name, "format", r->format, formats);

	if (f < 0)
		return OV_EXIT_USAGE;
	r->x.fmt = (enum ov_extract_fmt)f;
	if (r->x.fmt == OV_EXTRACT_TABLE && r->x.out) {
		ov_cli_err(c->cmd->name, "-o applies to json; the table goes "
		                         "to standard output");
		return OV_EXIT_USAGE;
	}
	return -1;
}

OV_CLI_CALL(call, req, ov_app_extract(&r->x, &r->r, d))

static char *notes_of(const ov_extract_row *row)
{
	ov_buf b = OV_BUF_INIT;

	if (row->cause)
		ov_buf_printf(&b, "answers %s", row->cause);
	if (row->answered_by)
		ov_buf_printf(&b, "%sanswered by %s", b.len ? "; " : "",
		              row->answered_by);
	for (size_t k = 0; k < row->n_doubts; k++)
		ov_buf_printf(&b, "%s%s", b.len ? "; " : "", row->doubts[k]);
	return ov_buf_detach(&b);
}

static const char *kind_short(enum ov_rec_kind k)
{
	return k == OV_RK_CAUSE ? "cause" : k == OV_RK_AFI ? "afi" : "rec";
}

/* One row an item, its text cut to fit; then each item's notes whole
 * (the link to its cause of concern, what could not be determined). */
static void show_table(const ov_extract_result *res)
{
	static const char *const head[] = {"Ref", "Kind", "Area", "Timescale",
	                                   "Due", "For",  "Text"};
	const ov_dataset *ds = res->ds;
	ov_table *t = ov_table_new(7, head);

	ov_table_flex(t, 2);
	ov_table_flex(t, 3);
	ov_table_flex(t, 6);
	for (size_t i = 0; i < ds->n_recs; i++) {
		const ov_rec *rec = &ds->recs[i];
		ov_buf text = OV_BUF_INIT;
		char due[11];

		ov_date_format(res->rows[i].due, due);
		if (rec->n_bullets)
			ov_buf_printf(&text, "(%zu bullets) ", rec->n_bullets);
		if (rec->n_events > 1)
			ov_buf_printf(&text, "(%zu history entries) ",
			              rec->n_events - 1);
		if (rec->finding)
			ov_buf_printf(&text, "Finding: %s", rec->finding);
		else
			ov_buf_puts(&text, rec->text ? rec->text : "");
		const char *cells[7] = {rec->ref,
		                        kind_short(rec->kind),
		                        rec->area,
		                        rec->timescale,
		                        due,
		                        ov_addressee_code(rec->addressee),
		                        ov_buf_str(&text)};

		ov_table_add(t, cells);
		ov_buf_release(&text);
	}
	/* wider than a listing: the text is what a reviewer reads */
	ov_table_print(t, stdout, 132);
	printf("%zu %s\n", ov_table_rows(t),
	       ov_table_rows(t) == 1 ? "item" : "items");
	ov_table_free(t);
	for (size_t i = 0; i < ds->n_recs; i++) {
		char *notes = notes_of(&res->rows[i]);

		if (*notes) {
			fputs("\n", stdout);
			ov_term_puts(ds->recs[i].ref, stdout);
			fputs(": ", stdout);
			ov_term_puts(notes, stdout);
		}
		free(notes);
	}
	if (res->n_doubtful)
		fputs("\n", stdout);
}

OV_CLI_SHOW(show, req)
{
	const ov_extract_result *res = &r->r;

	for (size_t i = 0; i < res->n_notes; i++)
		ov_cli_err("extract", "warning: %s", res->notes[i]);
	if (r->x.fmt == OV_EXTRACT_TABLE) {
		show_table(res);
		return;
	}
	if (!res->ds->n_recs)
		ov_cli_err("extract",
		           "warning: no causes of concern, "
		           "recommendations or areas for improvement found");
	else if (res->n_doubtful)
		ov_cli_err("extract",
		           "warning: %zu of %zu items have "
		           "something not determined (see each one's note, or "
		           "--format table)",
		           res->n_doubtful, res->ds->n_recs);
}

OV_CLI_RELEASE(release, req, ov_extract_result_release(&r->r))

const ov_cli_command ov_cmd_extract = {
    .name = "extract",
    .usage = usage,
    .summary = "find a report's recommendations (PDF or text)",
    .args = OV_CLI_ARGS(args),
    .operand = "FILE",
    .operand_off = offsetof(req, x.path),
    .req_size = sizeof(req),
    .check = check,
    .call = call,
    .show = show,
    .release = release,
    .no_open = true,
};

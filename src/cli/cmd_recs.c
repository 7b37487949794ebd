/* oversight recs: the register as at a date, filtered, as a table, JSON
 * or CSV (app/app.h: ov_app_register). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/command.h"
#include "cli/opts.h"
#include "cli/table.h"
#include "io/csv.h"
#include "io/json.h"

static const char usage[] =
	"usage: oversight [--db PATH] recs [OPTIONS]\n\n"
	"List recommendations as they stood on a date.\n\n"
	"  --status S        open, closure-proposed, closed, superseded,\n"
	"                    not-applicable\n"
	"  --rag R           red, amber, green, or none (never rated)\n"
	"  --report ID       from this inspection report\n"
	"  --owner PERSON    owned by this person id\n"
	"  --area TEXT       under this area heading (exact)\n"
	"  --force CODE      in this force's register\n"
	"  --overdue         still open and past their due date\n"
	"  --due-before D    due strictly before D\n"
	"  --q WORDS         whose texts (text, subject, area, bullets,\n"
	"                    progress notes) hold every one of these words\n"
	"  --as-at D         the date the register is read at (default today)\n"
	"  --sort S          report (default: report, then ref), ref, due,\n"
	"                    status\n"
	"  --format F        table (default), json or csv\n"
	"Dates are YYYY-MM-DD.\n";

enum fmt { FMT_TABLE, FMT_JSON, FMT_CSV };
static const char *const formats[] = {"table", "json", "csv", NULL};

/* The options that are the register's filters, by the names the app
 * gives them (app/app.h: ov_rec_filter_set). */
static const char *const filters[] = {"status", "rag", "report", "owner",
				      "area", "force", "due-before", "as-at",
				      "sort", "q"};
#define N_FILTERS (sizeof filters / sizeof filters[0])

typedef struct req {
	const char *value[N_FILTERS];
	const char *format;
	bool overdue;
	enum fmt fmt;
	ov_rec_filter f;
	ov_register reg;
} req;

#define FILTER(i) {filters[i], 0, OV_ARG_STR, offsetof(req, value[i])}
static const ov_cli_arg args[] = {
	FILTER(0), FILTER(1), FILTER(2), FILTER(3), FILTER(4), FILTER(5),
	FILTER(6), FILTER(7), FILTER(8), FILTER(9),
	{"overdue", 0, OV_ARG_FLAG, offsetof(req, overdue)},
	{"format", 0, OV_ARG_STR, offsetof(req, format)},
};

/* The filter from the options given, through the app's own parser,
 * before the register is opened. */
static int check(const ov_cli_ctx *c, void *ctx)
{
	req *r = ctx;
	ov_diag d = OV_DIAG_INIT;
	int bad = 0, f;

	ov_rec_filter_init(&r->f, ov_date_today());
	for (size_t i = 0; i < N_FILTERS; i++)
		if (r->value[i])
			bad |= ov_rec_filter_set(&r->f, filters[i],
						 r->value[i], &d);
	if (r->overdue)
		bad |= ov_rec_filter_set(&r->f, "overdue", NULL, &d);
	f = bad ? 0 : ov_cli_choice(c->cmd->name, "format", r->format, formats);
	bad = bad ? ov_cli_fail(c->cmd, &d) : f < 0 ? OV_EXIT_USAGE : -1;
	r->fmt = (enum fmt)f;
	ov_diag_release(&d);
	return bad;
}

OV_CLI_CALL(call, req, ov_app_register(a, &r->f, &r->reg, d))

static void print_table(const ov_rec_row *rows, size_t n)
{
	static const char *const head[] = {"Ref", "Due", "Status", "RAG",
					   "Owner", "Area"};
	ov_table *t = ov_table_new(6, head);

	ov_table_flex(t, 0);
	ov_table_flex(t, 4);
	ov_table_flex(t, 5);
	for (size_t i = 0; i < n; i++) {
		char due[11];
		const char *owner = rows[i].owner_name ? rows[i].owner_name
						       : rows[i].owner;
		const char *cells[6];

		ov_date_format(rows[i].due, due);
		cells[0] = rows[i].ref;
		cells[1] = due;
		cells[2] = ov_status_code(rows[i].status);
		cells[3] = rows[i].rag == OV_RAG_NONE
				   ? ""
				   : ov_rag_label(rows[i].rag);
		cells[4] = owner;
		cells[5] = rows[i].area;
		ov_table_add(t, cells);
	}
	ov_table_done(t, "recommendation", "recommendations");
}

/* The JSON is written as it goes, byte for byte as jansson's
 * json_dumps(JSON_INDENT(2) | JSON_PRESERVE_ORDER) of an array of
 * objects wrote it before (a tree of every row cost more than the
 * query): two-space indent, ": " after keys, null for absent values.
 * jansson refuses a string that is not valid UTF-8, which left its key
 * out; so does member(). */
typedef struct jobj {
	FILE *f;
	bool first;
} jobj;

static void member(jobj *o, const char *key, const char *v)
{
	if (v && !ov_json_utf8_valid(v))
		return;
	fputs(o->first ? "\n    " : ",\n    ", o->f);
	o->first = false;
	ov_json_put_string(o->f, key);
	fputs(": ", o->f);
	if (v)
		ov_json_put_string(o->f, v);
	else
		fputs("null", o->f);
}

static void row_json(FILE *f, const ov_rec_row *r)
{
	jobj o = {f, true};
	char buf[11];

	fputs("{", f);
	for (size_t c = 0; c < ov_rec_row_ncols; c++)
		member(&o, ov_rec_row_name(c), ov_rec_row_get(r, c, buf));
	fputs(o.first ? "}" : "\n  }", f);
}

static void print_json(FILE *f, const ov_rec_row *rows, size_t n)
{
	if (n == 0) {
		fputs("[]\n", f);
		return;
	}
	fputs("[\n", f);
	for (size_t i = 0; i < n; i++) {
		fputs("  ", f);
		row_json(f, &rows[i]);
		fputs(i + 1 < n ? ",\n" : "\n", f);
	}
	fputs("]\n", f);
}

/* The CSV's columns, a choice of the row's. */
static const char *const csv_cols[] = {
	"ref",	     "report",	  "report_title", "area",
	"kind",	     "addressee", "timescale",	  "due",
	"status",    "rag",	  "owner",	  "last_update_date",
	"last_update", "text"};
#define N_CSV (sizeof csv_cols / sizeof csv_cols[0])

static void print_csv(FILE *f, const ov_rec_row *rows, size_t n)
{
	int col[N_CSV];
	char buf[11];

	for (size_t i = 0; i < N_CSV; i++) {
		col[i] = ov_rec_row_col(csv_cols[i]);
		ov_csv_field(f, csv_cols[i], i == 0);
	}
	ov_csv_end(f);
	for (size_t i = 0; i < n; i++) {
		for (size_t c = 0; c < N_CSV; c++)
			ov_csv_field(f,
				     ov_rec_row_get(&rows[i], (size_t)col[c],
						    buf),
				     c == 0);
		ov_csv_end(f);
	}
}

/* JSON or CSV: the stored bytes to a file or pipe; on a terminal in the
 * visible form (cli/table.h), as every text for people is, so that an
 * escape sequence in a note cannot drive it (JSON escapes C0 controls but
 * not C1; CSV escapes neither). */
static void print_data(enum fmt fmt, const ov_rec_row *rows, size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m;

	if (!isatty(STDOUT_FILENO) || !(m = open_memstream(&buf, &len))) {
		(fmt == FMT_CSV ? print_csv : print_json)(stdout, rows, n);
		return;
	}
	(fmt == FMT_CSV ? print_csv : print_json)(m, rows, n);
	fclose(m);
	ov_term_puts(buf, stdout);
	free(buf);
}

OV_CLI_SHOW(show, req)
{
	/* A register is megabytes: write it in large blocks (before the
	 * first write to stdout, as setvbuf requires). */
	setvbuf(stdout, NULL, _IOFBF, 64 * 1024);
	if (r->fmt == FMT_TABLE)
		print_table(r->reg.rows, r->reg.n);
	else
		print_data(r->fmt, r->reg.rows, r->reg.n);
}

OV_CLI_RELEASE(release, req, ov_register_release(&r->reg))

const ov_cli_command ov_cmd_recs = {
	.name = "recs", .usage = usage,
	.summary = "list recommendations as at a date, filtered",
	.args = OV_CLI_ARGS(args), .req_size = sizeof(req), .check = check,
	.call = call, .show = show, .release = release,
};

/* oversight recs: the register as at a date, filtered, as a table, JSON
 * or CSV (app/app.h: ov_app_register). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

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
				      "sort"};
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
	FILTER(6), FILTER(7), FILTER(8),
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

static int call(const ov_cli_ctx *c, ov_app *a, void *ctx, ov_diag *d)
{
	req *r = ctx;

	(void)c;
	return ov_app_register(a, &r->f, &r->reg, d);
}

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
	ov_table_print(t, stdout, 80);
	printf("%zu recommendation%s\n", n, n == 1 ? "" : "s");
	ov_table_free(t);
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

static void member_day(jobj *o, const char *key, ov_day day)
{
	char buf[11];

	ov_date_format(day, buf);
	member(o, key, day == OV_DAY_NONE ? NULL : buf);
}

static void row_json(FILE *f, const ov_rec_row *r)
{
	jobj o = {f, true};

	fputs("{", f);
	member(&o, "ref", r->ref);
	member(&o, "report", r->report);
	member(&o, "report_title", r->report_title);
	member(&o, "force", r->force);
	member(&o, "area", r->area);
	member(&o, "subject", r->subject);
	member(&o, "kind", ov_rec_kind_code(r->kind));
	member(&o, "addressee", ov_addressee_code(r->addressee));
	member(&o, "timescale", r->timescale);
	member_day(&o, "due", r->due);
	member(&o, "status", ov_status_code(r->status));
	member_day(&o, "status_date", r->status_date);
	member(&o, "rag", r->rag == OV_RAG_NONE ? NULL : ov_rag_code(r->rag));
	member(&o, "owner", r->owner);
	member(&o, "owner_name", r->owner_name);
	member(&o, "closed_by", r->closed_by);
	member(&o, "basis", r->basis);
	member(&o, "last_update", r->last_update);
	member_day(&o, "last_update_date", r->last_update_date);
	member(&o, "plan", r->plan);
	member(&o, "text", r->text);
	fputs(o.first ? "}" : "\n  }", f);
}

static void print_json(const ov_rec_row *rows, size_t n)
{
	if (n == 0) {
		puts("[]");
		return;
	}
	fputs("[\n", stdout);
	for (size_t i = 0; i < n; i++) {
		fputs("  ", stdout);
		row_json(stdout, &rows[i]);
		fputs(i + 1 < n ? ",\n" : "\n", stdout);
	}
	puts("]");
}

static void print_csv(const ov_rec_row *rows, size_t n)
{
	static const char *const head[] = {
		"ref",	 "report", "report_title", "area",  "kind",
		"addressee", "timescale", "due", "status", "rag",
		"owner", "last_update_date", "last_update", "text"};
	const size_t nh = sizeof head / sizeof head[0];

	for (size_t i = 0; i < nh; i++)
		ov_csv_field(stdout, head[i], i == 0);
	ov_csv_end(stdout);
	for (size_t i = 0; i < n; i++) {
		const ov_rec_row *r = &rows[i];
		char due[11], upd[11];

		ov_date_format(r->due, due);
		ov_date_format(r->last_update_date, upd);
		ov_csv_field(stdout, r->ref, true);
		ov_csv_field(stdout, r->report, false);
		ov_csv_field(stdout, r->report_title, false);
		ov_csv_field(stdout, r->area, false);
		ov_csv_field(stdout, ov_rec_kind_code(r->kind), false);
		ov_csv_field(stdout, ov_addressee_code(r->addressee), false);
		ov_csv_field(stdout, r->timescale, false);
		ov_csv_field(stdout, due, false);
		ov_csv_field(stdout, ov_status_code(r->status), false);
		ov_csv_field(stdout,
			     r->rag == OV_RAG_NONE ? NULL : ov_rag_code(r->rag),
			     false);
		ov_csv_field(stdout, r->owner, false);
		ov_csv_field(stdout, upd, false);
		ov_csv_field(stdout, r->last_update, false);
		ov_csv_field(stdout, r->text, false);
		ov_csv_end(stdout);
	}
}

static void show(const ov_cli_ctx *c, void *ctx)
{
	const req *r = ctx;

	(void)c;
	/* A register is megabytes: write it in large blocks (before the
	 * first write to stdout, as setvbuf requires). */
	setvbuf(stdout, NULL, _IOFBF, 64 * 1024);
	if (r->fmt == FMT_TABLE)
		print_table(r->reg.rows, r->reg.n);
	else if (r->fmt == FMT_CSV)
		print_csv(r->reg.rows, r->reg.n);
	else
		print_json(r->reg.rows, r->reg.n);
}

static void release(void *ctx)
{
	ov_register_release(&((req *)ctx)->reg);
}

const ov_cli_command ov_cmd_recs = {
	.name = "recs", .usage = usage,
	.summary = "list recommendations as at a date, filtered",
	.args = OV_CLI_ARGS(args), .req_size = sizeof(req), .check = check,
	.call = call, .show = show, .release = release,
};

/* oversight recs: the register as at a date, filtered, as a table, JSON
 * or CSV.  One query through ov_store_recs(). */
#include <stdlib.h>
#include <string.h>

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
	"  --format F        table (default), json or csv\n"
	"Dates are YYYY-MM-DD.\n";

enum fmt { FMT_TABLE, FMT_JSON, FMT_CSV };

typedef struct recs_args {
	const char *status, *rag, *report, *owner, *area, *force, *due_before,
		*as_at, *format;
	bool overdue;
} recs_args;

/* Fill f from the options; prints the problem and returns -1 on bad
 * input. */
static int build_filter(const recs_args *a, ov_rec_filter *f,
			enum fmt *fmt)
{
	ov_day as_at, due_before;

	if (ov_cli_date("recs", "as-at", a->as_at, ov_date_today(), &as_at) ||
	    ov_cli_date("recs", "due-before", a->due_before, OV_DAY_NONE,
			&due_before))
		return -1;
	ov_rec_filter_init(f, as_at);
	f->due_before = due_before;
	if (a->status) {
		if (ov_status_parse(a->status, &f->status) != 0) {
			ov_cli_err("recs", "--status: '%s' is not one of %s",
				   a->status, ov_status_codes());
			return -1;
		}
		f->status_set = true;
	}
	if (a->rag) {
		f->rag_set = true;
		if (strcmp(a->rag, "none") == 0) {
			f->rag = OV_RAG_NONE;
		} else if (ov_rag_parse(a->rag, &f->rag) != 0) {
			ov_cli_err("recs", "--rag: '%s' is not one of %s, none",
				   a->rag, ov_rag_codes());
			return -1;
		}
	}
	f->report = a->report;
	f->owner = a->owner;
	f->area = a->area;
	f->force = a->force;
	f->overdue = a->overdue;
	if (!a->format || strcmp(a->format, "table") == 0) {
		*fmt = FMT_TABLE;
	} else if (strcmp(a->format, "json") == 0) {
		*fmt = FMT_JSON;
	} else if (strcmp(a->format, "csv") == 0) {
		*fmt = FMT_CSV;
	} else {
		ov_cli_err("recs", "--format: '%s' is not one of table, json, "
			   "csv", a->format);
		return -1;
	}
	return 0;
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

int ov_cmd_recs(ov_cli *cli, int argc, char **argv)
{
	recs_args a = {0};
	const ov_opt spec[] = {
		{"status", 0, true, &a.status, NULL},
		{"rag", 0, true, &a.rag, NULL},
		{"report", 0, true, &a.report, NULL},
		{"owner", 0, true, &a.owner, NULL},
		{"area", 0, true, &a.area, NULL},
		{"force", 0, true, &a.force, NULL},
		{"overdue", 0, false, NULL, &a.overdue},
		{"due-before", 0, true, &a.due_before, NULL},
		{"as-at", 0, true, &a.as_at, NULL},
		{"format", 0, true, &a.format, NULL},
		{0},
	};
	ov_diag d = OV_DIAG_INIT;
	ov_rec_filter f;
	ov_rec_row *rows = NULL;
	ov_store *s = NULL;
	ov_store_rc src;
	enum fmt fmt;
	size_t n = 0, npos;
	int rc;

	rc = ov_cli_parse("recs", usage, argc, argv, spec, NULL, 0, &npos);
	if (rc >= 0)
		return rc;
	if (build_filter(&a, &f, &fmt) != 0)
		return OV_EXIT_USAGE;
	rc = ov_cli_open(cli, "recs", &s);
	if (rc != OV_EXIT_OK)
		goto out;
	src = ov_store_recs(s, &f, &rows, &n, &d);
	if (src != OV_STORE_OK) {
		ov_cli_diag("recs", &d);
		rc = ov_cli_store_exit(src);
		goto out;
	}
	/* A register is megabytes: write it in large blocks (before the
	 * first write to stdout, as setvbuf requires). */
	setvbuf(stdout, NULL, _IOFBF, 64 * 1024);
	if (fmt == FMT_TABLE)
		print_table(rows, n);
	else if (fmt == FMT_CSV)
		print_csv(rows, n);
	else
		print_json(rows, n);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		ov_cli_err("recs", "cannot write to standard output");
		rc = OV_EXIT_RUNTIME;
	}
out:
	ov_rec_rows_free(rows, n);
	ov_store_close(s);
	ov_diag_release(&d);
	return rc;
}

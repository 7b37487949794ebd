/* oversight rec: one recommendation.  `show` prints it with its timeline;
 * the other subcommands record events on its timeline.  Both go through
 * app/app.h, which checks the events against the stored timeline before
 * anything is written. */
#include <stdlib.h>
#include <string.h>

#include "cli/opts.h"
#include "util/mem.h"

static const char usage[] =
	"usage: oversight [--db PATH] rec SUBCOMMAND REF [OPTIONS]\n\n"
	"  show REF [--as-at D]                  the recommendation and its "
	"timeline\n"
	"  update REF [--note TEXT] [--rag R] [--owner PERSON]\n"
	"             [--date D] [--author NAME]  record progress (one event "
	"per field)\n"
	"  propose-closure REF [--note TEXT] [--date D] [--author NAME]\n"
	"  close REF --date D --basis TEXT [--note TEXT] [--author NAME]\n"
	"                                        closed by HMICFRS (author "
	"default HMICFRS)\n"
	"  reopen REF [--note TEXT] [--date D] [--author NAME]\n"
	"  supersede REF --basis TEXT [--note TEXT] [--date D] [--author "
	"NAME]\n"
	"  not-applicable REF --basis TEXT [--note TEXT] [--date D] "
	"[--author NAME]\n\n"
	"Dates are YYYY-MM-DD and default to today; the author defaults to\n"
	"$USER.  R is red, amber or green; PERSON is a person id.\n";

static void field(const char *label, const char *value)
{
	if (value && *value)
		printf("%-14s %s\n", label, value);
}

static void field_day(const char *label, ov_day day)
{
	char buf[11];

	ov_date_format(day, buf);
	field(label, buf);
}

static void show_fields(const ov_rec_view *v)
{
	const ov_rec *rec = &v->rec;
	const ov_rec_state *st = &v->state;
	const char *plan_id = rec->plan ? rec->plan : v->report.plan;
	char day[11];
	char *status;

	ov_date_format(v->as_at, day);
	field("Reference", rec->ref);
	field("Report", v->report.title ? v->report.title : rec->report);
	field("Report id", rec->report);
	field("Force", rec->force);
	field("Area", rec->area);
	field("Subject", rec->subject);
	field("Kind", ov_rec_kind_label(rec->kind));
	field("Addressee", ov_addressee_label(rec->addressee));
	field("Timescale", rec->timescale);
	field_day("Due", v->due);
	field("SME", ov_rec_view_name(v, rec->sme));
	field("Plan", v->plan.name ? v->plan.name : plan_id);
	status = st->status == OV_STATUS_NONE
			 ? ov_xasprintf("not yet created on %s", day)
			 : ov_xasprintf("%s (as at %s)",
					ov_status_label(st->status), day);
	field("Status", status);
	free(status);
	if (st->rag != OV_RAG_NONE)
		field("RAG", ov_rag_label(st->rag));
	field("Owner", ov_rec_view_name(v, st->owner));
	field("Closed by", st->closed_by);
	field("Basis", st->basis);
	if (rec->text)
		printf("\n%s\n", rec->text);
	for (size_t i = 0; i < rec->n_bullets; i++)
		printf("  \xe2\x80\xa2 %s\n", rec->bullets[i]);
	if (rec->finding)
		printf("\nHMICFRS finding:\n%s\n", rec->finding);
	if (rec->response)
		printf("\nForce response:\n%s\n", rec->response);
}

static void show_timeline(const ov_rec_view *v)
{
	printf("\nTimeline:\n");
	for (size_t i = 0; i < v->rec.n_events; i++) {
		const ov_event *e = &v->rec.events[i];
		char day[11];

		if (e->date > v->as_at)
			continue;
		ov_date_format(e->date, day);
		printf("  %s  %s%s%s\n", day, ov_event_kind_label(e->kind),
		       e->author ? "  " : "", e->author ? e->author : "");
		if (e->kind == OV_EV_RAG)
			printf("      RAG: %s\n", ov_rag_label(e->rag));
		if (e->kind == OV_EV_OWNER)
			field("      Owner:", ov_rec_view_name(v, e->owner));
		if (e->basis)
			printf("      Basis: %s\n", e->basis);
		if (e->text)
			printf("      %s\n", e->text);
	}
	if (v->later)
		printf("  (%zu later event%s not shown)\n", v->later,
		       v->later == 1 ? "" : "s");
}

typedef struct show_req {
	const char *ref;
	ov_day as_at;
	ov_rec_view view;
} show_req;

static int call_show(ov_app *a, void *ctx, ov_diag *d)
{
	show_req *r = ctx;

	return ov_app_rec_show(a, r->ref, r->as_at, &r->view, d);
}

static int rec_show(ov_cli *cli, int argc, char **argv)
{
	const char *cmd = "rec show", *as_at_s = NULL;
	const ov_opt spec[] = {{"as-at", 0, true, &as_at_s, NULL}, {0}};
	show_req r = {0};
	size_t npos;
	int rc;

	rc = ov_cli_parse(cmd, usage, argc, argv, spec, &r.ref, 1, &npos);
	if (rc >= 0)
		return rc;
	if (!r.ref) {
		ov_cli_err(cmd, "no REF given");
		return OV_EXIT_USAGE;
	}
	if (ov_cli_date(cmd, "as-at", as_at_s, ov_date_today(), &r.as_at))
		return OV_EXIT_USAGE;
	rc = ov_cli_run(cli, cmd, spec, call_show, &r);
	if (rc == OV_EXIT_OK) {
		show_fields(&r.view);
		show_timeline(&r.view);
		rc = ov_cli_flush(cmd, rc);
	}
	ov_rec_view_release(&r.view);
	return rc;
}

/* A change to record: an update or a transition, for call_record. */
typedef struct change_req {
	const char *ref;
	const ov_rec_update *update;         /* or */
	const ov_rec_transition *transition;
	ov_recorded done;
} change_req;

static int call_record(ov_app *a, void *ctx, ov_diag *d)
{
	change_req *r = ctx;

	return r->update
		       ? ov_app_rec_update(a, r->ref, r->update, &r->done, d)
		       : ov_app_rec_transition(a, r->ref, r->transition,
					       &r->done, d);
}

/* Record the change; on refusal the app's problems are printed, then
 * "REF: nothing recorded". */
static int record(ov_cli *cli, const char *cmd, const ov_opt *spec,
		  change_req *r)
{
	char day[11];
	int rc = ov_cli_run(cli, cmd, spec, call_record, r);

	if (rc == OV_EXIT_USAGE)
		ov_cli_err(cmd, "%s: nothing recorded", r->ref);
	if (rc != OV_EXIT_OK)
		return rc;
	ov_date_format(r->done.date, day);
	for (size_t i = 0; i < r->done.n; i++)
		printf("%s: %s on %s\n", r->ref,
		       ov_event_kind_label(r->done.kinds[i]), day);
	return ov_cli_flush(cmd, OV_EXIT_OK);
}

static const char *default_author(void)
{
	const char *u = getenv("USER");

	return u && *u ? u : "unknown";
}

static int rec_update(ov_cli *cli, int argc, char **argv)
{
	const char *cmd = "rec update", *date_s = NULL;
	ov_rec_update u = {0};
	const ov_opt spec[] = {
		{"note", 0, true, &u.note, NULL},
		{"rag", 0, true, &u.rag, NULL},
		{"owner", 0, true, &u.owner, NULL},
		{"date", 0, true, &date_s, NULL},
		{"author", 0, true, &u.author, NULL},
		{0},
	};
	change_req r = {.update = &u};
	size_t npos;
	int rc;

	rc = ov_cli_parse(cmd, usage, argc, argv, spec, &r.ref, 1, &npos);
	if (rc >= 0)
		return rc;
	if (!r.ref) {
		ov_cli_err(cmd, "no REF given");
		return OV_EXIT_USAGE;
	}
	if (ov_cli_date(cmd, "date", date_s, ov_date_today(), &u.date))
		return OV_EXIT_USAGE;
	if (!u.author)
		u.author = default_author();
	return record(cli, cmd, spec, &r);
}

/* The status changes: one event of kind `kind`. */
typedef struct transition {
	const char *name; /* subcommand */
	enum ov_event_kind kind;
	bool need_basis, need_date;
	const char *author; /* default author, NULL for $USER */
} transition;

static const transition transitions[] = {
	{"propose-closure", OV_EV_PROPOSED, false, false, NULL},
	{"close", OV_EV_CLOSED, true, true, "HMICFRS"},
	{"reopen", OV_EV_REOPENED, false, false, NULL},
	{"supersede", OV_EV_SUPERSEDED, true, false, NULL},
	{"not-applicable", OV_EV_NA, true, false, NULL},
};

static int rec_transition(ov_cli *cli, const transition *t, int argc,
			  char **argv)
{
	char *cmd = ov_xasprintf("rec %s", t->name);
	const char *date_s = NULL;
	ov_rec_transition tr = {.kind = t->kind};
	const ov_opt spec[] = {
		{"note", 0, true, &tr.note, NULL},
		{"basis", 0, true, &tr.basis, NULL},
		{"date", 0, true, &date_s, NULL},
		{"author", 0, true, &tr.author, NULL},
		{0},
	};
	change_req r = {.transition = &tr};
	size_t npos;
	int rc;

	rc = ov_cli_parse(cmd, usage, argc, argv, spec, &r.ref, 1, &npos);
	if (rc >= 0)
		goto out;
	rc = OV_EXIT_USAGE;
	if (!r.ref) {
		ov_cli_err(cmd, "no REF given");
		goto out;
	}
	/* The command line's own requirements; the rules (a basis for an
	 * ending, dates in order) are the app's. */
	if (t->need_date && !date_s) {
		ov_cli_err(cmd, "--date is required (the day HMICFRS decided)");
		goto out;
	}
	if (t->need_basis && (!tr.basis || !*tr.basis)) {
		ov_cli_err(cmd, "--basis is required (why it ends)");
		goto out;
	}
	if (ov_cli_date(cmd, "date", date_s, ov_date_today(), &tr.date))
		goto out;
	if (!tr.author)
		tr.author = t->author ? t->author : default_author();
	rc = record(cli, cmd, spec, &r);
out:
	free(cmd);
	return rc;
}

int ov_cmd_rec(ov_cli *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : NULL;

	if (!sub) {
		ov_cli_err("rec", "no subcommand given");
		ov_cli_usage_hint("rec");
		return OV_EXIT_USAGE;
	}
	if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
		fputs(usage, stdout);
		return OV_EXIT_OK;
	}
	if (sub[0] == '-') {
		ov_cli_err("rec", "unknown option '%s' (give a subcommand "
			   "first)", sub);
		ov_cli_usage_hint("rec");
		return OV_EXIT_USAGE;
	}
	if (strcmp(sub, "show") == 0)
		return rec_show(cli, argc - 1, argv + 1);
	if (strcmp(sub, "update") == 0)
		return rec_update(cli, argc - 1, argv + 1);
	for (size_t i = 0; i < sizeof transitions / sizeof *transitions; i++)
		if (strcmp(sub, transitions[i].name) == 0)
			return rec_transition(cli, &transitions[i], argc - 1,
					      argv + 1);
	ov_cli_err("rec", "unknown subcommand '%s'", sub);
	ov_cli_usage_hint("rec");
	return OV_EXIT_USAGE;
}

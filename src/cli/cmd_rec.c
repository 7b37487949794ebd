/* oversight rec: one recommendation.  `show` prints it with its timeline;
 * the other subcommands record events on its timeline.  Both go through
 * app/app.h, which checks the events against the stored timeline before
 * anything is written. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli/command.h"
#include "cli/opts.h"
#include "cli/table.h"
#include "util/mem.h"
#include "util/utf8.h"

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
	"[--author NAME]\n"
	"  revise-target REF --target D --reason TEXT [--note TEXT] "
	"[--date D]\n"
	"             [--author NAME]             the force moves the target "
	"date\n\n"
	"Dates are YYYY-MM-DD and default to today; the author defaults to\n"
	"$USER.  R is red, amber or green; PERSON is a person id.\n";

/* before, then stored text s in its visible form (cli/table.h: an
 * escape sequence in a note must not drive the terminal), then a
 * newline. */
static void text_line(const char *before, const char *s)
{
	fputs(before, stdout);
	ov_term_puts(s, stdout);
	putchar('\n');
}

static void field(const char *label, const char *value)
{
	if (value && *value) {
		printf("%-14s ", label);
		text_line("", value);
	}
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
	field_day("Revised due", st->target);
	field("Why moved", st->target_reason);
	if (rec->text)
		text_line("\n", rec->text);
	for (size_t i = 0; i < rec->n_bullets; i++)
		text_line("  \xe2\x80\xa2 ", rec->bullets[i]);
	if (rec->finding)
		text_line("\nHMICFRS finding:\n", rec->finding);
	if (rec->response)
		text_line("\nForce response:\n", rec->response);
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
		printf("  %s  %s%s", day, ov_event_kind_label(e->kind),
		       e->author ? "  " : "");
		text_line("", e->author);
		if (e->kind == OV_EV_RAG)
			printf("      RAG: %s\n", ov_rag_label(e->rag));
		if (e->kind == OV_EV_OWNER)
			field("      Owner:", ov_rec_view_name(v, e->owner));
		if (e->basis)
			text_line("      Basis: ", e->basis);
		if (e->kind == OV_EV_TARGET) {
			char t[11];

			ov_date_format(e->target, t);
			printf("      Target: %s\n", t);
			text_line("      Reason: ", e->reason);
		}
		if (e->text)
			text_line("      ", e->text);
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

static const ov_cli_arg show_args[] = {
	{"as-at", 0, OV_ARG_TODAY, offsetof(show_req, as_at)},
};

OV_CLI_CALL(call_show, show_req,
	    ov_app_rec_show(a, r->ref, r->as_at, &r->view, d))

OV_CLI_SHOW(show_view, show_req)
{
	show_fields(&r->view);
	show_timeline(&r->view);
}

OV_CLI_RELEASE(release_view, show_req, ov_rec_view_release(&r->view))

static const ov_cli_command rec_show = {
	.name = "rec show", .usage = usage, .args = OV_CLI_ARGS(show_args),
	.operand = "REF", .operand_off = offsetof(show_req, ref),
	.req_size = sizeof(show_req), .call = call_show, .show = show_view,
	.release = release_view,
};

/* A change to record: a progress update or a change of status (the
 * command's data says which, and with what defaults). */
typedef struct transition {
	enum ov_event_kind kind; /* OV_EV_UPDATE: a progress update */
	bool need_basis, need_date;
	const char *author; /* default author, NULL for $USER */
} transition;

typedef struct change_req {
	const transition *t;
	const char *ref, *note, *rag, *owner, *basis, *author, *reason;
	ov_day date, target;
	bool dated; /* --date was given */
	ov_recorded done;
} change_req;

static const ov_cli_arg update_args[] = {
	{"note", 0, OV_ARG_STR, offsetof(change_req, note)},
	{"rag", 0, OV_ARG_STR, offsetof(change_req, rag)},
	{"owner", 0, OV_ARG_STR, offsetof(change_req, owner)},
	{"date", 0, OV_ARG_DATE, offsetof(change_req, date)},
	{"author", 0, OV_ARG_STR, offsetof(change_req, author)},
};

static const ov_cli_arg transition_args[] = {
	{"note", 0, OV_ARG_STR, offsetof(change_req, note)},
	{"basis", 0, OV_ARG_STR, offsetof(change_req, basis)},
	{"date", 0, OV_ARG_DATE, offsetof(change_req, date)},
	{"author", 0, OV_ARG_STR, offsetof(change_req, author)},
};

static const ov_cli_arg target_args[] = {
	{"target", 0, OV_ARG_DATE, offsetof(change_req, target)},
	{"reason", 0, OV_ARG_STR, offsetof(change_req, reason)},
	{"note", 0, OV_ARG_STR, offsetof(change_req, note)},
	{"date", 0, OV_ARG_DATE, offsetof(change_req, date)},
	{"author", 0, OV_ARG_STR, offsetof(change_req, author)},
};

static const char *default_author(void)
{
	const char *u = getenv("USER");

	return u && *u ? u : "unknown";
}

/* The command line's own requirements and defaults; the rules (a basis
 * for an ending, dates in order, owners that exist) are the app's. */
static int check_change(const ov_cli_ctx *c, void *ctx)
{
	const transition *t = c->cmd->data;
	change_req *r = ctx;

	if (t->need_date && r->date == OV_DAY_NONE) {
		ov_cli_err(c->cmd->name,
			   "--date is required (the day HMICFRS decided)");
		return OV_EXIT_USAGE;
	}
	if (t->kind == OV_EV_TARGET && r->target == OV_DAY_NONE) {
		ov_cli_err(c->cmd->name,
			   "--target is required (the new target date)");
		return OV_EXIT_USAGE;
	}
	if (t->kind == OV_EV_TARGET && ov_text_blank(r->reason)) {
		ov_cli_err(c->cmd->name,
			   "--reason is required (why the target moved)");
		return OV_EXIT_USAGE;
	}
	if (t->need_basis && ov_text_blank(r->basis)) {
		ov_cli_err(c->cmd->name, "--basis is required (why it ends)");
		return OV_EXIT_USAGE;
	}
	if (r->date == OV_DAY_NONE)
		r->date = ov_date_today();
	if (!r->author)
		r->author = t->author ? t->author : default_author();
	r->t = t;
	return -1;
}

static int call_change(ov_app *a, void *ctx, ov_diag *d)
{
	change_req *r = ctx;
	const transition *t = r->t;
	int rc;

	if (t->kind == OV_EV_UPDATE) {
		ov_rec_update u = {r->date, r->author, r->note, r->rag,
				   r->owner};
		rc = ov_app_rec_update(a, r->ref, &u, &r->done, d);
	} else if (t->kind == OV_EV_TARGET) {
		ov_rec_target tg = {r->date, r->author, r->note, r->reason,
				    r->target};
		rc = ov_app_rec_revise_target(a, r->ref, &tg, &r->done, d);
	} else {
		ov_rec_transition tr = {t->kind, r->date, r->author, r->note,
					r->basis};
		rc = ov_app_rec_transition(a, r->ref, &tr, &r->done, d);
	}
	if (rc < 0 && ov_diag_kind(d) != OV_PROB_RUNTIME)
		ov_diag_at(d, ov_diag_kind(d), r->ref, "nothing recorded");
	return rc;
}

OV_CLI_SHOW(show_change, change_req)
{
	char day[11];

	ov_date_format(r->done.date, day);
	for (size_t i = 0; i < r->done.n; i++) {
		ov_term_puts(r->ref, stdout);
		printf(": %s on %s\n", ov_event_kind_label(r->done.kinds[i]),
		       day);
	}
}

#define CHANGE(var, sub, opts, ...)                                           \
	static const transition var##_t = {__VA_ARGS__};                      \
	static const ov_cli_command var = {                                   \
		.name = "rec " sub, .usage = usage, .args = OV_CLI_ARGS(opts), \
		.operand = "REF", .operand_off = offsetof(change_req, ref),   \
		.req_size = sizeof(change_req), .data = &var##_t,             \
		.check = check_change, .call = call_change,                   \
		.show = show_change}

CHANGE(rec_update, "update", update_args, OV_EV_UPDATE, false, false, NULL);
CHANGE(rec_propose, "propose-closure", transition_args, OV_EV_PROPOSED,
       false, false, NULL);
CHANGE(rec_close, "close", transition_args, OV_EV_CLOSED, true, true,
       "HMICFRS");
CHANGE(rec_reopen, "reopen", transition_args, OV_EV_REOPENED, false, false,
       NULL);
CHANGE(rec_supersede, "supersede", transition_args, OV_EV_SUPERSEDED, true,
       false, NULL);
CHANGE(rec_na, "not-applicable", transition_args, OV_EV_NA, true, false,
       NULL);
CHANGE(rec_target, "revise-target", target_args, OV_EV_TARGET, false, false,
       NULL);

static const ov_cli_command *const subs[] = {
	&rec_show, &rec_update, &rec_propose, &rec_close, &rec_reopen,
	&rec_supersede, &rec_na, &rec_target, NULL,
};

const ov_cli_command ov_cmd_rec = {
	.name = "rec", .usage = usage, .subs = subs,
	.summary = "show one recommendation or record an event",
};

/* oversight rec: one recommendation.  `show` prints it with its timeline;
 * the other subcommands append events to the timeline, each checked with
 * ov_validate_event() against the stored timeline before anything is
 * written. */
#include <stdlib.h>
#include <string.h>

#include "cli/opts.h"
#include "core/validate.h"
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

/* The person's display form, or the id if unknown; a fresh string. */
static char *person_name(const ov_dataset *ds, const char *id)
{
	const ov_person *p = ov_dataset_find_person(ds, id);

	return p ? ov_person_display(p) : ov_xstrdup(id);
}

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

static void field_person(const ov_dataset *ds, const char *label,
			 const char *id)
{
	char *name = id ? person_name(ds, id) : NULL;

	field(label, name);
	free(name);
}

static void show_fields(const ov_dataset *ds, const ov_rec *rec,
			const ov_rec_state *st, ov_day as_at)
{
	const ov_report *rep = ov_dataset_find_report(ds, rec->report);
	const char *plan_id = rec->plan ? rec->plan : rep ? rep->plan : NULL;
	const ov_plan *plan = ov_dataset_find_plan(ds, plan_id);
	char day[11];
	char *status;

	ov_date_format(as_at, day);
	field("Reference", rec->ref);
	field("Report", rep ? rep->title : rec->report);
	field("Report id", rec->report);
	field("Force", rec->force);
	field("Area", rec->area);
	field("Subject", rec->subject);
	field("Kind", ov_rec_kind_label(rec->kind));
	field("Addressee", ov_addressee_label(rec->addressee));
	field("Timescale", rec->timescale);
	field_day("Due", ov_rec_due(rec, rep));
	field_person(ds, "SME", rec->sme);
	field("Plan", plan ? plan->name : plan_id);
	status = st->status == OV_STATUS_NONE
			 ? ov_xasprintf("not yet created on %s", day)
			 : ov_xasprintf("%s (as at %s)",
					ov_status_label(st->status), day);
	field("Status", status);
	free(status);
	if (st->rag != OV_RAG_NONE)
		field("RAG", ov_rag_label(st->rag));
	field_person(ds, "Owner", st->owner);
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

static void show_timeline(const ov_dataset *ds, const ov_rec *rec,
			  ov_day as_at)
{
	size_t later = 0;

	printf("\nTimeline:\n");
	for (size_t i = 0; i < rec->n_events; i++) {
		const ov_event *e = &rec->events[i];
		char day[11];

		if (e->date > as_at) {
			later++;
			continue;
		}
		ov_date_format(e->date, day);
		printf("  %s  %s%s%s\n", day, ov_event_kind_label(e->kind),
		       e->author ? "  " : "", e->author ? e->author : "");
		if (e->kind == OV_EV_RAG)
			printf("      RAG: %s\n", ov_rag_label(e->rag));
		if (e->kind == OV_EV_OWNER)
			field_person(ds, "      Owner:", e->owner);
		if (e->basis)
			printf("      Basis: %s\n", e->basis);
		if (e->text)
			printf("      %s\n", e->text);
	}
	if (later)
		printf("  (%zu later event%s not shown)\n", later,
		       later == 1 ? "" : "s");
}

/* Fetch ref; NOTFOUND is bad input (exit 2). */
static int get_rec(ov_store *s, const char *cmd, const char *ref,
		   ov_rec **out)
{
	ov_diag d = OV_DIAG_INIT;
	ov_store_rc src = ov_store_rec_get(s, ref, out, &d);

	if (src != OV_STORE_OK) {
		*out = NULL;
		ov_cli_diag(cmd, &d);
	}
	ov_diag_release(&d);
	return ov_cli_store_exit(src);
}

static int rec_show(ov_cli *cli, int argc, char **argv)
{
	const char *cmd = "rec show", *ref = NULL, *as_at_s = NULL;
	const ov_opt spec[] = {{"as-at", 0, true, &as_at_s, NULL}, {0}};
	ov_dataset *ds = NULL;
	ov_store *s = NULL;
	ov_rec *rec = NULL;
	ov_rec_state st;
	ov_day as_at;
	size_t npos;
	int rc;

	rc = ov_cli_parse(cmd, usage, argc, argv, spec, &ref, 1, &npos);
	if (rc >= 0)
		return rc;
	if (!ref) {
		ov_cli_err(cmd, "no REF given");
		return OV_EXIT_USAGE;
	}
	if (ov_cli_date(cmd, "as-at", as_at_s, ov_date_today(), &as_at))
		return OV_EXIT_USAGE;
	rc = ov_cli_open(cli, cmd, &s);
	if (rc == OV_EXIT_OK)
		rc = get_rec(s, cmd, ref, &rec);
	if (rc == OV_EXIT_OK)
		rc = ov_cli_load(s, cmd, &ds);
	if (rc != OV_EXIT_OK)
		goto out;
	ov_rec_fold(rec, as_at, &st);
	show_fields(ds, rec, &st, as_at);
	show_timeline(ds, rec, as_at);
out:
	ov_rec_free(rec);
	ov_dataset_free(ds);
	ov_store_close(s);
	return rc;
}

/* Check each new event against the stored timeline followed by the
 * events before it.  Returns the number of problems (in d). */
static size_t validate_all(const ov_rec *rec, const ov_event *evs, size_t n,
			   ov_diag *d)
{
	ov_rec tmp = *rec;
	size_t bad = 0;

	tmp.events = ov_xcalloc(rec->n_events + n, sizeof *tmp.events);
	if (rec->n_events)
		memcpy(tmp.events, rec->events,
		       rec->n_events * sizeof *tmp.events);
	for (size_t i = 0; i < n && !bad; i++) {
		bad += ov_validate_event(&tmp, &evs[i], rec->ref, d);
		tmp.events[tmp.n_events++] = evs[i]; /* borrowed copy */
	}
	free(tmp.events);
	return bad;
}

/* An owner must be a known person. */
static int check_owners(ov_store *s, const char *cmd, const ov_event *evs,
			size_t n)
{
	ov_dataset *ds = NULL;
	int rc = OV_EXIT_OK;

	for (size_t i = 0; i < n && rc == OV_EXIT_OK; i++) {
		if (evs[i].kind != OV_EV_OWNER)
			continue;
		if (!ds && (rc = ov_cli_load(s, cmd, &ds)) != OV_EXIT_OK)
			break;
		if (!ov_dataset_find_person(ds, evs[i].owner)) {
			ov_cli_err(cmd, "--owner: no person with id '%s'",
				   evs[i].owner);
			rc = OV_EXIT_USAGE;
		}
	}
	ov_dataset_free(ds);
	return rc;
}

/* The shared append path: validate evs against ref's timeline, then
 * append them in one transaction. */
static int append(ov_cli *cli, const char *cmd, const char *ref,
		  const ov_event *evs, size_t n)
{
	ov_diag d = OV_DIAG_INIT;
	ov_store *s = NULL;
	ov_rec *rec = NULL;
	ov_store_rc src;
	char day[11];
	int rc;

	rc = ov_cli_open(cli, cmd, &s);
	if (rc == OV_EXIT_OK)
		rc = get_rec(s, cmd, ref, &rec);
	if (rc == OV_EXIT_OK)
		rc = check_owners(s, cmd, evs, n);
	if (rc != OV_EXIT_OK)
		goto out;
	if (validate_all(rec, evs, n, &d) != 0) {
		ov_cli_diag(cmd, &d);
		ov_cli_err(cmd, "%s: nothing recorded", ref);
		rc = OV_EXIT_USAGE;
		goto out;
	}
	src = ov_store_rec_append(s, ref, evs, n, &d);
	if (src != OV_STORE_OK) {
		ov_cli_diag(cmd, &d);
		rc = ov_cli_store_exit(src);
		goto out;
	}
	ov_date_format(evs[0].date, day);
	for (size_t i = 0; i < n; i++)
		printf("%s: %s on %s\n", ref, ov_event_kind_label(evs[i].kind),
		       day);
out:
	ov_rec_free(rec);
	ov_store_close(s);
	ov_diag_release(&d);
	return rc;
}

static const char *default_author(void)
{
	const char *u = getenv("USER");

	return u && *u ? u : "unknown";
}

static int rec_update(ov_cli *cli, int argc, char **argv)
{
	const char *cmd = "rec update", *ref = NULL, *note = NULL, *rag = NULL,
		   *owner = NULL, *date_s = NULL, *author = NULL;
	const ov_opt spec[] = {
		{"note", 0, true, &note, NULL},
		{"rag", 0, true, &rag, NULL},
		{"owner", 0, true, &owner, NULL},
		{"date", 0, true, &date_s, NULL},
		{"author", 0, true, &author, NULL},
		{0},
	};
	ov_event evs[3];
	ov_day date;
	size_t n = 0, npos;
	int rc;

	rc = ov_cli_parse(cmd, usage, argc, argv, spec, &ref, 1, &npos);
	if (rc >= 0)
		return rc;
	if (!ref) {
		ov_cli_err(cmd, "no REF given");
		return OV_EXIT_USAGE;
	}
	if (!note && !rag && !owner) {
		ov_cli_err(cmd, "give at least one of --note, --rag, --owner");
		return OV_EXIT_USAGE;
	}
	if (ov_cli_date(cmd, "date", date_s, ov_date_today(), &date))
		return OV_EXIT_USAGE;
	if (!author)
		author = default_author();
	if (note) {
		ov_event_init(&evs[n]);
		evs[n].kind = OV_EV_UPDATE;
		evs[n++].text = (char *)note;
	}
	if (rag) {
		ov_event_init(&evs[n]);
		evs[n].kind = OV_EV_RAG;
		if (ov_rag_parse(rag, &evs[n++].rag) != 0) {
			ov_cli_err(cmd, "--rag: '%s' is not one of %s", rag,
				   ov_rag_codes());
			return OV_EXIT_USAGE;
		}
	}
	if (owner) {
		ov_event_init(&evs[n]);
		evs[n].kind = OV_EV_OWNER;
		evs[n++].owner = (char *)owner;
	}
	for (size_t i = 0; i < n; i++) {
		evs[i].date = date;
		evs[i].author = (char *)author;
	}
	return append(cli, cmd, ref, evs, n);
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
	const char *ref = NULL, *note = NULL, *basis = NULL, *date_s = NULL,
		   *author = NULL;
	const ov_opt spec[] = {
		{"note", 0, true, &note, NULL},
		{"basis", 0, true, &basis, NULL},
		{"date", 0, true, &date_s, NULL},
		{"author", 0, true, &author, NULL},
		{0},
	};
	ov_event ev;
	size_t npos;
	int rc;

	ov_event_init(&ev);
	rc = ov_cli_parse(cmd, usage, argc, argv, spec, &ref, 1, &npos);
	if (rc >= 0)
		goto out;
	rc = OV_EXIT_USAGE;
	if (!ref) {
		ov_cli_err(cmd, "no REF given");
		goto out;
	}
	if (t->need_date && !date_s) {
		ov_cli_err(cmd, "--date is required (the day HMICFRS decided)");
		goto out;
	}
	if (t->need_basis && (!basis || !*basis)) {
		ov_cli_err(cmd, "--basis is required (why it ends)");
		goto out;
	}
	if (ov_cli_date(cmd, "date", date_s, ov_date_today(), &ev.date))
		goto out;
	ev.kind = t->kind;
	ev.text = (char *)note;
	ev.basis = (char *)basis;
	ev.author = (char *)(author ? author
				    : t->author ? t->author : default_author());
	rc = append(cli, cmd, ref, &ev, 1);
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

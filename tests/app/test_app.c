/*
 * The application layer (app/app.h) on a register made from the shared
 * fixture: each request's result, and each refusal as a structured
 * problem (kind, where, message apart) with nothing written.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app.h"
#include "core/validate.h"
#include "fixture/fixture.h"
#include "util/date.h"
#include "tap.h"
#include "util/mem.h"

static char *tmpdir;

static char *write_text(const char *name, const char *text)
{
	char *p = fx_path(tmpdir, name);
	FILE *f = fopen(p, "w");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
	return p;
}

static void test_open(void)
{
	char *p = fx_path(tmpdir, "missing.db");
	ov_diag d = OV_DIAG_INIT;
	ov_app *a = NULL;

	tap_is_int(ov_app_open(p, &a, &d), -1, "open a missing register");
	tap_ok(a == NULL && fx_problem(&d, OV_PROB_RUNTIME, NULL,
				       "run 'oversight init'"),
	       "... a runtime problem that says to run init");
	ov_diag_release(&d);
	tap_is_int(ov_app_open("postgresql://127.0.0.1:1/db", &a, &d), -1,
		   "open a PostgreSQL URI where no server listens");
	tap_ok(fx_problem(&d, OV_PROB_RUNTIME, NULL, "cannot connect"),
	       "... a runtime problem naming the database");
	ov_diag_release(&d);
	free(p);
}

static ov_app *test_init_import(const char *db)
{
	ov_dataset *ds = fx_small();
	char *good = fx_path(tmpdir, "small.json");
	char *bad = write_text("bad.json", "{\"format\": \"oversight/1\", ");
	char *missing = fx_path(tmpdir, "missing.json");
	ov_diag d = OV_DIAG_INIT;
	ov_init_result ir;
	ov_import_stats st;
	ov_app *a = NULL;
	char *before;

	fx_write_json(ds, good);
	tap_is_int(ov_app_init(db, &ir, &d), 0, "init a new register");
	tap_ok(!ir.existed && ir.schema_version >= 1, "... created, versioned");
	tap_is_int(ov_app_init(db, &ir, &d), 0, "init it again");
	tap_ok(ir.existed, "... it was there");
	tap_is_int(ov_app_open(db, &a, &d), 0, "open it");
	if (!a)
		goto out;
	tap_is_int(ov_app_import(a, good, false, NULL, NULL, &st, &d), 0,
		   "import the small dataset");
	tap_ok(st.recs == 4 && st.events == 16 && st.reports == 2 &&
		       st.meetings == 1,
	       "... what it counted");
	before = fx_snapshot(a, tmpdir);
	tap_is_int(ov_app_import(a, good, false, NULL, NULL, &st, &d), -1,
		   "import it again");
	tap_ok(fx_problem(&d, OV_PROB_CONFLICT, NULL,
			  "already in the database"),
	       "... a conflict");
	ov_diag_release(&d);
	tap_is_int(ov_app_import(a, bad, false, NULL, NULL, &st, &d), -1,
		   "import a truncated document");
	tap_ok(fx_problem_in(&d, OV_PROB_INPUT, "bad.json", ""),
	       "... bad input at the file");
	ov_diag_release(&d);
	tap_is_int(ov_app_import(a, missing, true, NULL, NULL, &st, &d), -1,
		   "import a file that is not there, even with replace");
	tap_ok(fx_problem_in(&d, OV_PROB_INPUT, "missing.json",
			     "cannot read"),
	       "... bad input naming the file");
	ov_diag_release(&d);
	{
		char *now = fx_snapshot(a, tmpdir);
		tap_is_str(now, before, "refused imports wrote nothing");
		free(now);
	}
	free(before);
out:
	ov_dataset_free(ds);
	free(good);
	free(bad);
	free(missing);
	ov_diag_release(&d);
	return a;
}

static void test_show(ov_app *a)
{
	ov_diag d = OV_DIAG_INIT;
	ov_rec_view v;

	tap_is_int(ov_app_rec_show(a, "NOPE", fx_day("2018-09-27"), &v, &d),
		   -1, "show a missing ref");
	tap_ok(fx_problem(&d, OV_PROB_NOTFOUND, NULL,
			  "no recommendation 'NOPE'"),
	       "... not found");
	ov_diag_release(&d);
	tap_is_int(ov_app_rec_show(a, "SF-R01", fx_day("2018-04-15"), &v, &d),
		   0, "show SF-R01 as at 2018-04-15");
	tap_ok(v.state.status == OV_STATUS_PROPOSED &&
		       v.state.rag == OV_RAG_AMBER && v.later == 4 &&
		       v.rec.n_events == 9 && v.rec.n_bullets == 2,
	       "... its state then, its whole timeline, 4 events later");
	tap_is_str(ov_rec_view_name(&v, v.state.owner), "Jane Smith, ACC Crime",
		   "... the owner's name");
	tap_is_str(ov_rec_view_name(&v, v.rec.sme), "Sam Example",
		   "... the SME's name");
	tap_is_str(v.plan.name, "Force Vulnerability Improvement Plan",
		   "... the report's plan");
	tap_ok(v.due == ov_date_add_months(fx_day("2017-10-24"), 6),
	       "... due six months after publication");
	ov_rec_view_release(&v);
	ov_rec_view_release(&v);
}

/* The refs the register lists for words q as at `at`, or "ERROR". */
static char *search(ov_app *a, const char *at, const char *q, size_t *total)
{
	ov_diag d = OV_DIAG_INIT;
	ov_rec_filter f;
	ov_register r = {0};
	char *out = ov_xstrdup("");

	ov_rec_filter_init(&f, fx_day(at));
	if (ov_rec_filter_set(&f, "q", q, &d) != 0 ||
	    ov_app_register(a, &f, &r, &d) != 0) {
		free(out);
		out = ov_xstrdup("ERROR");
		ov_diag_print(&d, stdout, "# ");
	}
	for (size_t i = 0; i < r.n; i++) {
		char *next = ov_xasprintf("%s%s%s", out, i ? " " : "",
					  r.rows[i].ref);
		free(out);
		out = next;
	}
	if (total)
		*total = r.total;
	ov_register_release(&r);
	ov_diag_release(&d);
	return out;
}

static void is_search(ov_app *a, const char *at, const char *q,
		      const char *want, const char *name)
{
	char *got = search(a, at, q, NULL);

	tap_is_str(got, want, name);
	free(got);
}

/* Search words, from the stored state (as at 2030) and folding (as at a
 * date before SF-R01's last event); words a user types that mean
 * something to FTS5 or SQL are only words. */
static void test_search(ov_app *a)
{
	static const struct {
		const char *q, *want, *name;
	} cases[] = {
		{"slavery", "SF-R01", "a word of a subject"},
		{"Gövernance", "SF-R01", "any case, accents ignored"},
		{"leadership act", "XYZ-R01", "every word must be there"},
		{"forces", "NCPI-F01 SF-R01",
		 "stemmed: 'forces' finds 'force'"},
		{"restarted gap", "SF-R01",
		 "words of two progress updates of one rec"},
		{"' OR 1=1 --", "", "SQL in the words: no error, no rows"},
		{"\"", "", "a lone quote: no error, no rows"},
		{"*", "", "a star: no error, no rows"},
		{"NEAR(", "", "an FTS5 operator: a word, no error"},
		{"slavery OR children", "",
		 "OR is a word, not an operator"},
		{"slavery*", "SF-R01", "a star is not a prefix query"},
		{"\"modern\" -slavery:", "SF-R01",
		 "quotes, minus and colon are not syntax"},
		{"modern AND slavery", "",
		 "AND is a word (no rec says 'and')"},
		{"<script>alert(1)</script>", "", "markup: no rows"},
		{"  \t", "NCPI-F01 SF-R01 SF-R02 XYZ-R01", "blank: no filter"},
	};
	static const char *const dates[] = {"2030-01-01", "2018-07-15"};
	ov_diag d = OV_DIAG_INIT;
	ov_rec_filter f;
	char *long_q = fx_repeat('x', OV_REC_Q_MAX + 1);

	for (size_t k = 0; k < 2; k++)
		for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
			char *name = ov_xasprintf("search as at %s: %s",
						  dates[k], cases[i].name);
			is_search(a, dates[k], cases[i].q, cases[i].want, name);
			free(name);
		}
	is_search(a, "2017-12-31", "restarted", "SF-R01",
		  "an earlier date searches the texts as they are now");
	ov_rec_filter_init(&f, fx_day("2030-01-01"));
	tap_is_int(ov_rec_filter_set(&f, "q", long_q, &d), -1,
		   "search words too long are refused");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "q", "too long"),
	       "... bad input at q");
	ov_diag_release(&d);
	tap_is_int(ov_rec_filter_set(&f, "q", "caf\xc3", &d), -1,
		   "search words that are not UTF-8 are refused");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "q", "UTF-8"),
	       "... bad input at q");
	ov_diag_release(&d);
	long_q[OV_REC_Q_MAX] = '\0';
	tap_is_int(ov_rec_filter_set(&f, "q", long_q, &d), 0,
		   "... the longest taken");
	ov_diag_release(&d);
	free(long_q);
}

static uint64_t generation(ov_app *a)
{
	ov_diag d = OV_DIAG_INIT;
	uint64_t g = 0;

	if (ov_app_generation(a, &g, &d) != 0)
		ov_diag_print(&d, stdout, "# ");
	ov_diag_release(&d);
	return g;
}

/* The stored state against the fold, a rebuild, and the generation. */
static void test_state(ov_app *a, const char *db)
{
	ov_diag d = OV_DIAG_INIT;
	ov_state_check c;
	ov_rec_update u = {ov_date_today(), "J", "Zebra crossing", NULL,
			   NULL};
	ov_recorded done;
	ov_app *other = NULL;
	uint64_t g0 = generation(a), g1;
	size_t n = 0;
	char *got;

	tap_ok(g0 > 0, "the register has a generation");
	tap_is_int(ov_app_state_check(a, &c, &d), 0, "check the state");
	tap_ok(c.checked == 4 && c.n == 0 && c.index_ok,
	       "... 4 recs, each stored state the fold, the search index "
	       "whole");
	ov_state_check_release(&c);
	ov_state_check_release(&c);
	got = search(a, "2030-01-01", "", NULL);
	free(got);
	tap_ok(generation(a) == g0, "reading leaves the generation");
	u.owner = "ghost";
	tap_is_int(ov_app_rec_update(a, "SF-R02", &u, &done, &d), -1,
		   "a refused update...");
	ov_diag_release(&d);
	tap_ok(generation(a) == g0, "... leaves it too");
	u.owner = NULL;
	tap_is_int(ov_app_rec_update(a, "SF-R02", &u, &done, &d), 0,
		   "a progress update");
	g1 = generation(a);
	tap_ok(g1 != g0, "... changes the generation");
	tap_ok(ov_app_open(db, &other, &d) == 0 && generation(other) == g1,
	       "... which another handle sees the same");
	ov_app_close(other);
	is_search(a, "2030-01-01", "zebra", "SF-R02",
		  "... and its words are found at once");
	is_search(a, "2030-01-01", "zebra later report", "SF-R02",
		  "... with the rec's other words");
	tap_is_int(ov_app_state_check(a, &c, &d), 0, "check again");
	tap_ok(c.checked == 4 && c.n == 0 && c.index_ok,
	       "... the update's transaction kept the state and the index");
	ov_state_check_release(&c);
	tap_is_int(ov_app_state_rebuild(a, &n, &d), 0, "rebuild the state");
	tap_ok(n == 4 && generation(a) != g1, "... 4 recs; a new generation");
	tap_is_int(ov_app_state_check(a, &c, &d), 0, "... and check it");
	tap_ok(c.n == 0 && c.index_ok, "... the same state, the index whole");
	ov_state_check_release(&c);
	ov_diag_release(&d);
}

static void test_record(ov_app *a)
{
	ov_diag d = OV_DIAG_INIT;
	ov_recorded done;
	ov_rec_update u = {fx_day("2018-09-01"), "J", NULL, NULL, NULL};
	ov_rec_transition t = {OV_EV_UPDATE, fx_day("2018-09-01"), "J", NULL,
			       NULL};
	char *before = fx_snapshot(a, tmpdir), *now;

	tap_is_int(ov_app_rec_update(a, "SF-R01", &u, &done, &d), -1,
		   "an update with nothing in it");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, NULL, "at least one of"),
	       "... bad input");
	ov_diag_release(&d);
	u.rag = "purple";
	tap_is_int(ov_app_rec_update(a, "SF-R01", &u, &done, &d), -1,
		   "a RAG that is not one");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "rag", "'purple' is not one of"),
	       "... bad input at rag");
	ov_diag_release(&d);
	u.rag = NULL;
	u.owner = "ghost";
	tap_is_int(ov_app_rec_update(a, "SF-R01", &u, &done, &d), -1,
		   "an owner who is not a person");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "owner",
			  "no person with id 'ghost'"),
	       "... bad input at owner");
	ov_diag_release(&d);
	tap_is_int(ov_app_rec_update(a, "NOPE", &u, &done, &d), -1,
		   "an update of a missing ref");
	tap_is_int(ov_diag_kind(&d), OV_PROB_NOTFOUND, "... not found");
	ov_diag_release(&d);
	tap_is_int(ov_app_rec_transition(a, "SF-R01", &t, &done, &d), -1,
		   "a transition that is no change of status");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "kind", "not a change of status"),
	       "... bad input at kind");
	ov_diag_release(&d);
	t.kind = OV_EV_SUPERSEDED;
	tap_is_int(ov_app_rec_transition(a, "SF-R01", &t, &done, &d), -1,
		   "superseding without a basis");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "SF-R01.basis",
			  "needs a basis"),
	       "... bad input at the event's basis");
	ov_diag_release(&d);
	/* Issue 6: every text is the importer's UTF-8, a required one is
	 * not blank, and an event is dated at most a week ahead. */
	u = (ov_rec_update){fx_day("2018-09-01"), "J", "bad\xff", NULL, NULL};
	tap_is_int(ov_app_rec_update(a, "SF-R01", &u, &done, &d), -1,
		   "a note not in UTF-8");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "SF-R01.text", "not valid UTF-8"),
	       "... bad input at the note");
	ov_diag_release(&d);
	u = (ov_rec_update){fx_day("2018-09-01"), "J\xc0\xaf", "fine", NULL,
			    NULL};
	tap_is_int(ov_app_rec_update(a, "SF-R01", &u, &done, &d), -1,
		   "an author not in UTF-8 (an overlong form)");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "SF-R01.author",
			  "not valid UTF-8"),
	       "... bad input at the author");
	ov_diag_release(&d);
	u = (ov_rec_update){fx_day("2018-09-01"), "J", NULL, NULL, "p-\xff"};
	tap_is_int(ov_app_rec_update(a, "SF-R01", &u, &done, &d), -1,
		   "an owner not in UTF-8");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "SF-R01.owner",
			  "is not a valid id") &&
		       d.n && !strchr(d.msg[0], '\xff'),
	       "... bad input at the owner, its bytes not echoed");
	ov_diag_release(&d);
	u = (ov_rec_update){fx_day("2018-09-01"), "J", " \t\n ", NULL, NULL};
	tap_is_int(ov_app_rec_update(a, "SF-R01", &u, &done, &d), -1,
		   "a blank progress note");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "SF-R01.text", "needs text"),
	       "... bad input at the note");
	ov_diag_release(&d);
	u = (ov_rec_update){ov_date_today() + OV_FUTURE_DAYS + 1, "J", "ahead",
			    NULL, NULL};
	tap_is_int(ov_app_rec_update(a, "SF-R01", &u, &done, &d), -1,
		   "an update dated more than a week ahead");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "SF-R01.date",
			  "more than 7 days after today"),
	       "... bad input at the date");
	ov_diag_release(&d);
	u = (ov_rec_update){fx_day("2199-12-31"), "J", NULL, "red", NULL};
	tap_is_int(ov_app_rec_update(a, "SF-R01", &u, &done, &d), -1,
		   "a RAG dated 2199-12-31");
	ov_diag_release(&d);
	t.basis = "   ";
	tap_is_int(ov_app_rec_transition(a, "SF-R01", &t, &done, &d), -1,
		   "superseding with a blank basis");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "SF-R01.basis", "needs a basis"),
	       "... bad input at the basis");
	ov_diag_release(&d);
	t.basis = "Replaced \xff";
	tap_is_int(ov_app_rec_transition(a, "SF-R01", &t, &done, &d), -1,
		   "a basis not in UTF-8");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "SF-R01.basis",
			  "not valid UTF-8"),
	       "... bad input at the basis");
	ov_diag_release(&d);
	t.basis = "Replaced";
	t.note = "\xe2\x82";
	tap_is_int(ov_app_rec_transition(a, "SF-R01", &t, &done, &d), -1,
		   "a transition's note not in UTF-8");
	ov_diag_release(&d);
	t.note = NULL;
	t.date = fx_day("2199-12-31");
	tap_is_int(ov_app_rec_transition(a, "SF-R01", &t, &done, &d), -1,
		   "a transition dated 2199-12-31");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "SF-R01.date", "after today"),
	       "... bad input at the date");
	ov_diag_release(&d);
	t.date = fx_day("2018-09-01");
	now = fx_snapshot(a, tmpdir);
	tap_is_str(now, before, "refusals wrote nothing");
	free(now);
	t.basis = "Replaced";
	t.note = "  ";
	tap_is_int(ov_app_rec_transition(a, "SF-R01", &t, &done, &d), 0,
		   "superseding with a basis");
	tap_ok(done.n == 1 && done.kinds[0] == OV_EV_SUPERSEDED &&
		       done.date == fx_day("2018-09-01"),
	       "... one event recorded");
	ov_diag_release(&d);
	{
		ov_rec_view v;
		const ov_event *last = NULL;
		int shown = ov_app_rec_show(a, "SF-R01", fx_day("2018-09-01"),
					    &v, &d);

		if (shown == 0 && v.rec.n_events)
			last = &v.rec.events[v.rec.n_events - 1];
		tap_ok(last && last->kind == OV_EV_SUPERSEDED && !last->text &&
			       last->basis && !strcmp(last->basis, "Replaced"),
		       "... with its basis, and a blank note as none");
		if (shown == 0)
			ov_rec_view_release(&v);
		ov_diag_release(&d);
	}
	free(before);
}

static void test_listings(ov_app *a)
{
	ov_diag d = OV_DIAG_INIT;
	ov_report_list rl;
	ov_grades g;
	ov_list l;
	ov_summary s;

	tap_is_int(ov_app_reports(a, &rl, &d), 0, "reports");
	tap_ok(rl.ds->n_reports == 2 && rl.n_recs[0] == 1 && rl.n_recs[1] == 3,
	       "... with their recommendations counted (R-NCPI 1, R-SF 3)");
	ov_report_list_release(&rl);
	tap_is_int(ov_app_grades(a, NULL, NULL, fx_day("2018-09-27"), &g, &d),
		   -1, "grades with two forces and none chosen");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "force", "holds 2 forces"),
	       "... bad input at force saying why");
	ov_diag_release(&d);
	tap_is_int(ov_app_grades(a, "nope", NULL, fx_day("2018-09-27"), &g, &d),
		   -1, "grades of a missing assessment");
	tap_ok(fx_problem(&d, OV_PROB_NOTFOUND, "assessment", "no assessment"),
	       "... not found at assessment");
	ov_diag_release(&d);
	tap_is_int(ov_app_grades(a, NULL, "WMP", fx_day("2018-09-27"), &g, &d),
		   0, "grades of WMP");
	tap_ok(g.a && !strcmp(g.a->id, "A-2018") && g.cells &&
		       g.cells[0].grade == OV_GRADE_GOOD,
	       "... its current assessment, cell by cell");
	ov_grades_release(&g);
	/* --force beside --assessment is checked, not ignored (issue 6). */
	tap_is_int(ov_app_grades(a, "A-2018", "WMP", fx_day("2018-09-27"), &g,
				 &d),
		   0, "grades of an assessment with its own force");
	ov_grades_release(&g);
	tap_is_int(ov_app_grades(a, "A-2018", "XYZ", fx_day("2018-09-27"), &g,
				 &d),
		   -1, "grades of an assessment with another force");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "force", "is not of force 'XYZ'"),
	       "... bad input at force");
	ov_diag_release(&d);
	tap_is_int(ov_app_grades(a, "A-2018", "NOPE", fx_day("2018-09-27"), &g,
				 &d),
		   -1, "grades of an assessment with an unknown force");
	tap_ok(fx_problem(&d, OV_PROB_NOTFOUND, "force", "no force 'NOPE'"),
	       "... not found at force");
	ov_diag_release(&d);
	{
		ov_rec_filter f;
		ov_register r;

		ov_rec_filter_init(&f, fx_day("2018-09-27"));
		ov_rec_filter_set(&f, "force", "NOPE", &d);
		tap_is_int(ov_app_register(a, &f, &r, &d), -1,
			   "the register of an unknown force");
		tap_ok(fx_problem(&d, OV_PROB_NOTFOUND, "force",
				  "no force 'NOPE' in the register"),
		       "... not found at force, not an empty list");
		ov_register_release(&r);
		ov_diag_release(&d);
		tap_is_int(ov_app_paper(a, fx_day("2018-09-27"), NULL, "NOPE",
					OV_PAPER_MD, "-", &d),
			   -1, "the paper of an unknown force");
		tap_ok(fx_problem(&d, OV_PROB_NOTFOUND, "force", "no force"),
		       "... not found at force, not 'no meeting'");
		ov_diag_release(&d);
	}
	tap_is_int(ov_app_activities(a, fx_day("2018-07-01"),
				     fx_day("2018-06-01"), NULL, &l, &d),
		   -1, "activities for a period that ends before it starts");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "to", "before its start"),
	       "... bad input at to");
	ov_diag_release(&d);
	tap_is_int(ov_app_activities(a, OV_DAY_NONE, OV_DAY_NONE, "NOPE", &l,
				     &d),
		   -1, "activities of a missing force");
	tap_ok(fx_problem(&d, OV_PROB_NOTFOUND, "force", "no force"),
	       "... not found at force");
	ov_diag_release(&d);
	tap_is_int(ov_app_activities(a, OV_DAY_NONE, OV_DAY_NONE, NULL, &l, &d),
		   0, "all activities");
	tap_ok(l.n == 2 && !strcmp(((const ov_activity *)l.items[0])->id,
				   "act-1"),
	       "... by date");
	ov_list_release(&l);
	tap_is_int(ov_app_meetings(a, &l, &d), 0, "meetings");
	tap_ok(l.n == 1, "... one");
	ov_list_release(&l);
	tap_is_int(ov_app_summary(a, fx_day("2018-07-15"), &s, &d), 0,
		   "summary as at 2018-07-15");
	tap_ok(s.recs == 4 && s.by_status[OV_STATUS_OPEN] == 3 &&
		       s.by_status[OV_STATUS_SUPERSEDED] == 1 && s.live == 3 &&
		       s.by_rag[OV_RAG_RED] == 1 && s.unrated == 1 &&
		       s.closed_recent == 0 && s.activities == 2,
	       "... its counts");
	ov_summary_release(&s);
	ov_diag_release(&d);
}

static void test_export_paper(ov_app *a)
{
	ov_diag d = OV_DIAG_INIT;
	char *md = fx_path(tmpdir, "paper.md");

	tap_is_int(ov_app_export(a, OV_EXPORT_XLSX, fx_day("2018-09-27"), "-",
				 &d),
		   -1, "an xlsx export to standard output");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "output", "needs a file"),
	       "... bad input at output");
	ov_diag_release(&d);
	tap_is_int(ov_app_paper(a, fx_day("2018-09-28"), NULL, NULL,
				OV_PAPER_MD, md, &d),
		   -1, "a paper for a day with no meeting");
	tap_ok(fx_problem(&d, OV_PROB_NOTFOUND, NULL,
			  "meetings on: 2018-09-27"),
	       "... not found, listing the meetings there are");
	tap_ok(access(md, F_OK) != 0, "... and no file");
	ov_diag_release(&d);
	tap_is_int(ov_app_paper(a, fx_day("2018-09-27"), "joint audit committee",
				"WMP", OV_PAPER_MD, md, &d),
		   0, "the paper for 2018-09-27");
	tap_ok(access(md, F_OK) == 0, "... written");
	ov_diag_release(&d);
	free(md);
}

/* Issue 6: the import's limit on a timeline holds for appends too, so
 * what rec update writes can be exported and imported again. */
static void test_event_limit(void)
{
	ov_dataset *ds = fx_small();
	ov_rec *r = &ds->recs[0];
	char ref[OV_MAX_ID + 1], at[OV_MAX_ID + 16], day[11];
	ov_rec_update u = {OV_DAY_NONE, "J", "one more", NULL, NULL};
	ov_recorded done;
	ov_diag d = OV_DIAG_INIT;
	ov_app *a;

	snprintf(ref, sizeof ref, "%s", r->ref);
	snprintf(at, sizeof at, "%s.timeline", r->ref);
	ov_date_format(r->events[r->n_events - 1].date, day);
	u.date = r->events[r->n_events - 1].date;
	while (r->n_events < OV_MAX_EVENTS - 1)
		fx_event(r, day, OV_EV_UPDATE, "J", "weekly note");
	a = fx_open_register(ds, tmpdir, "limit");
	tap_ok(a != NULL, "a register with a timeline one short of the limit");
	if (!a)
		return;
	tap_is_int(ov_app_rec_update(a, ref, &u, &done, &d), 0,
		   "the last event a timeline may hold is recorded");
	ov_diag_release(&d);
	tap_is_int(ov_app_rec_update(a, ref, &u, &done, &d), -1,
		   "one more is refused");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, at, "already has 10000 events"),
	       "... saying the timeline is full");
	ov_diag_release(&d);
	u.rag = "red";
	tap_is_int(ov_app_rec_update(a, ref, &u, &done, &d), -1,
		   "so is a note with a RAG");
	ov_diag_release(&d);
	ov_app_close(a);
}

int main(void)
{
	char *db;
	ov_app *a;

	tmpdir = fx_tmpdir("app");
	if (!tmpdir)
		return 1;
	db = fx_path(tmpdir, "app.db");
	test_open();
	a = test_init_import(db);
	if (a) {
		test_show(a);
		test_search(a);
		test_state(a, db);
		test_listings(a);
		test_record(a);
		test_export_paper(a);
	}
	test_event_limit();
	ov_app_close(a);
	ov_app_close(NULL);
	free(db);
	fx_tmpdir_remove(tmpdir);
	return tap_done();
}

/*
 * The application functions the web pages need: the dashboard
 * (app/dashboard.h), checked against what the register (ov_app_register,
 * which folds whole timelines) and the PEEL table (ov_app_grades) say on
 * their own; a meeting shown and edited (app/meeting.h), each refusal a
 * problem at its field with nothing written; the paper into memory, the
 * same bytes as ov_app_paper's file; and the Markdown preview.
 */
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paper/doc.h"
#include "app/dashboard.h"
#include "app/meeting.h"
#include "core/validate.h"
#include "fixture/fixture.h"
#include "tap.h"
#include "util/mem.h"

static char *tmpdir;

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *text = NULL;
	size_t n = 0, cap = 0, got;

	if (!f)
		return NULL;
	do {
		OV_GROW(text, cap, n + 4096 + 1);
		got = fread(text + n, 1, 4096, f);
		n += got;
	} while (got > 0);
	fclose(f);
	text[n] = '\0';
	*len = n;
	return text;
}

/* ---- the dashboard against the register ---- */

/* The counts of rows of the register (folded whole, as the register
 * does), by the dashboard's definitions; report NULL: all. */
static void count_rows(const ov_register *r, const char *report,
		       ov_day as_at, ov_dash_counts *c)
{
	memset(c, 0, sizeof *c);
	for (size_t i = 0; i < r->n; i++) {
		const ov_rec_row *row = &r->rows[i];
		bool live = row->status == OV_STATUS_OPEN ||
			    row->status == OV_STATUS_PROPOSED;

		if (report && strcmp(row->report, report))
			continue;
		c->recs++;
		c->by_status[row->status]++;
		if (!live)
			continue;
		c->live++;
		c->overdue += row->due != OV_DAY_NONE && row->due < as_at;
		c->due_soon += row->due != OV_DAY_NONE && row->due >= as_at &&
			       row->due <= as_at + 30;
		if (row->rag == OV_RAG_NONE)
			c->unrated++;
		else
			c->by_rag[row->rag]++;
	}
}

static int same_counts(const ov_dash_counts *x, const ov_dash_counts *y)
{
	return memcmp(x, y, sizeof *x) == 0;
}

/* How many rows the register lists with one filter set. */
static size_t filtered(ov_app *a, ov_day as_at, const char *name,
		       const char *value)
{
	ov_diag d = OV_DIAG_INIT;
	ov_rec_filter f;
	ov_register r;
	size_t n = (size_t)-1;

	ov_rec_filter_init(&f, as_at);
	if (ov_rec_filter_set(&f, name, value, &d) == 0 &&
	    ov_app_register(a, &f, &r, &d) == 0) {
		n = r.total;
		ov_register_release(&r);
	}
	ov_diag_release(&d);
	return n;
}

/* The dashboard as at `day` agrees with the register: its counts with
 * the register's own filters (status, overdue) and with its rows (RAG,
 * due soon, per report), and each point of the series with the register
 * as at that point.  Returns the number of disagreements. */
static int dash_agrees(ov_app *a, ov_day day, bool series)
{
	ov_diag d = OV_DIAG_INIT;
	ov_dashboard db;
	ov_register all;
	ov_rec_filter f;
	ov_dash_counts want;
	int bad = 0;
	char iso[11];

	ov_date_format(day, iso);
	ov_rec_filter_init(&f, day);
	if (ov_app_dashboard(a, day, &db, &d) < 0 ||
	    ov_app_register(a, &f, &all, &d) < 0) {
		ov_diag_print(&d, stdout, "# dash");
		ov_diag_release(&d);
		return 1;
	}
	count_rows(&all, NULL, day, &want);
	if (!same_counts(&db.all, &want)) {
		printf("# %s: the counts differ from the register's rows\n",
		       iso);
		bad++;
	}
	for (int s = 0; s <= OV_STATUS_NA; s++)
		if (db.all.by_status[s] !=
		    filtered(a, day, "status", ov_status_code(s))) {
			printf("# %s: status %s differs from the filter\n", iso,
			       ov_status_code(s));
			bad++;
		}
	if (db.all.overdue != filtered(a, day, "overdue", "true")) {
		printf("# %s: overdue differs from the filter\n", iso);
		bad++;
	}
	for (size_t i = 0; i < db.n_reports; i++) {
		const char *id = db.reports[i].report->id;

		count_rows(&all, id, day, &want);
		if (!same_counts(&db.reports[i].n, &want) ||
		    db.reports[i].n.recs != filtered(a, day, "report", id)) {
			printf("# %s: report %s differs\n", iso, id);
			bad++;
		}
	}
	for (size_t i = 0; series && i < db.n_series; i++) {
		size_t open = filtered(a, db.series[i].day, "status", "open") +
			      filtered(a, db.series[i].day, "status",
				       "closure-proposed");

		if (open != db.series[i].open) {
			ov_date_format(db.series[i].day, iso);
			printf("# point %s: %zu open, the register %zu\n", iso,
			       db.series[i].open, open);
			bad++;
		}
	}
	if (db.n_series && db.series[db.n_series - 1].day != day)
		bad++;
	ov_register_release(&all);
	ov_dashboard_release(&db);
	ov_diag_release(&d);
	return bad;
}

static void test_dashboard_small(ov_app *a)
{
	static const char *const days[] = {
		"2016-04-30", "2016-05-01", "2017-10-24", "2018-03-01",
		"2018-04-15", "2018-05-01", "2018-06-30", "2018-07-01",
		"2018-07-15", "2018-09-27", "2030-01-01"};
	ov_diag d = OV_DIAG_INIT;
	ov_dashboard db;
	int bad = 0;

	for (size_t i = 0; i < sizeof days / sizeof *days; i++)
		bad += dash_agrees(a, fx_day(days[i]), true);
	tap_is_int(bad, 0, "small register: the dashboard's counts, per "
		   "report and over time, are the register's at 11 dates");
	tap_is_int(ov_app_dashboard(a, fx_day("2018-07-15"), &db, &d), 0,
		   "the dashboard as at 2018-07-15");
	tap_ok(db.all.recs == 4 && db.all.by_status[OV_STATUS_OPEN] == 3 &&
		       db.all.by_status[OV_STATUS_SUPERSEDED] == 1 &&
		       db.all.live == 3 && db.all.by_rag[OV_RAG_RED] == 1 &&
		       db.all.by_rag[OV_RAG_GREEN] == 1 &&
		       db.all.unrated == 1 && db.all.overdue == 2 &&
		       db.all.due_soon == 0,
	       "... 3 open (SF-R01 reopened), 1 superseded; red, green, "
	       "unrated; 2 overdue");
	tap_ok(db.n_reports == 2 &&
		       !strcmp(db.reports[1].report->id, "R-SF") &&
		       db.reports[1].n.recs == 3 &&
		       db.reports[1].n.by_status[OV_STATUS_SUPERSEDED] == 1 &&
		       db.reports[0].n.recs == 1 &&
		       db.reports[0].n.unrated == 1,
	       "... per report, in id order");
	tap_ok(db.n_series == 27 && db.series[0].day == fx_day("2016-05-31") &&
		       db.series[0].open == 1 &&
		       db.series[26].day == fx_day("2018-07-15") &&
		       db.series[26].open == 3,
	       "... the series from May 2016 (the first creation) to the "
	       "day");
	tap_ok(db.n_peel == 0, "... no PEEL grid: the one assessment is of "
	       "2018-09-01");
	ov_dashboard_release(&db);
	ov_dashboard_release(&db);
	tap_is_int(ov_app_dashboard(a, fx_day("2018-09-27"), &db, &d), 0,
		   "the dashboard as at 2018-09-27");
	tap_ok(db.n_peel == 1 && !strcmp(db.peel[0].force->code, "WMP") &&
		       db.peel[0].n_assessments == 1 &&
		       db.peel[0].n_questions == 3 &&
		       db.peel[0].grades[0].cell.grade == OV_GRADE_GOOD &&
		       db.peel[0].grades[1].cell.grade == OV_GRADE_TBI &&
		       db.peel[0].grades[2].asked &&
		       db.peel[0].grades[2].cell.grade == OV_GRADE_NONE &&
		       !db.peel[0].grades[2].cell.from,
	       "... a PEEL grid for the one force with an assessment (nothing "
	       "to carry forward into its third question)");
	ov_dashboard_release(&db);
	tap_is_int(ov_app_dashboard(a, OV_DAY_NONE, &db, &d), -1,
		   "a dashboard with no date");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "as-at", "required"),
	       "... bad input at as-at");
	ov_diag_release(&d);
	tap_is_int(ov_app_dashboard(a, fx_day("2015-01-01"), &db, &d), 0,
		   "a dashboard before anything was made");
	tap_ok(db.all.recs == 0 && db.n_series == 0 && db.n_peel == 0 &&
		       db.n_reports == 2 && db.reports[0].n.recs == 0,
	       "... nothing counted, no series, no grid");
	ov_dashboard_release(&db);
	ov_diag_release(&d);
}

static void test_dashboard_random(void)
{
	static const char *const days[] = {"2016-02-15", "2016-09-30",
					   "2017-03-01", "2017-12-31",
					   "2019-01-01"};
	ov_app *a = fx_open_register(fx_random(7, 300), tmpdir, "random");
	int bad = 0;

	if (!a) {
		tap_ok(0, "random register made");
		return;
	}
	for (size_t i = 0; i < sizeof days / sizeof *days; i++)
		bad += dash_agrees(a, fx_day(days[i]), i == 3);
	tap_is_int(bad, 0, "300 random timelines: counts at 5 dates, and the "
		   "series of 2017-12-31 point by point, are the register's");
	ov_app_close(a);
}

/* A hand-made register for the series and the PEEL grid:
 *   TL-A  created 2018-01-15, closed 2018-03-10, reopened 2018-05-20,
 *         proposed 2018-06-05, closed 2018-08-31 (a month's last day)
 *   TL-B  created and superseded on 2018-02-28
 *   TL-C  created 2018-09-05, closed 2018-11-01 (after the day asked)
 * and assessments X (2017-06-01: a good, b inadequate) and Y
 * (2018-06-01: a not inspected, c outstanding). */
static ov_dataset *timeline_set(void)
{
	ov_dataset *ds = ov_dataset_new();
	ov_assessment *as;
	ov_rec *r;
	size_t i;

	fx_add_force(ds, "TF", "Test Force");
	fx_add_person(ds, "p1", "Pat", NULL);
	fx_add_report(ds, "rep", "A report", "2018-01-15", OV_STYLE_RECS);
	i = fx_add_rec(ds, "TL-A", "rep", "TF", "Area", "A.", "2018-01-15");
	r = &ds->recs[i];
	fx_ev_basis(r, "2018-03-10", OV_EV_CLOSED, "HMICFRS", "seen");
	fx_event(r, "2018-05-20", OV_EV_REOPENED, "HMICFRS", "gap");
	fx_event(r, "2018-06-05", OV_EV_PROPOSED, "Pat", "done");
	fx_ev_basis(r, "2018-08-31", OV_EV_CLOSED, "HMICFRS", "seen again");
	i = fx_add_rec(ds, "TL-B", "rep", "TF", "Area", "B.", "2018-02-28");
	r = &ds->recs[i];
	fx_ev_basis(r, "2018-02-28", OV_EV_SUPERSEDED, "HMICFRS", "later");
	i = fx_add_rec(ds, "TL-C", "rep", "TF", "Area", "C.", "2018-09-05");
	r = &ds->recs[i];
	fx_ev_basis(r, "2018-11-01", OV_EV_CLOSED, "HMICFRS", "seen");
	i = fx_add_assessment(ds, "X", "TF", 2017, "2017-06-01", "PEEL 2017",
			      OV_SCALE_PEEL2014);
	as = &ds->assessments[i];
	fx_add_question(as, "a", 1, "Question a", OV_GRADE_GOOD);
	fx_add_question(as, "b", 2, "Question b", OV_GRADE_INADEQUATE);
	i = fx_add_assessment(ds, "Y", "TF", 2018, "2018-06-01", "IPA 2018",
			      OV_SCALE_PEEL2014);
	as = &ds->assessments[i];
	fx_add_question(as, "a", 1, "Question a (new words)", OV_GRADE_NONE);
	fx_add_question(as, "c", 2, "Question c", OV_GRADE_OUTSTANDING);
	ov_dataset_sort(ds);
	return ds;
}

static char *series_text(const ov_dashboard *db)
{
	ov_buf b = OV_BUF_INIT;

	ov_buf_puts(&b, "");
	for (size_t i = 0; i < db->n_series; i++) {
		char iso[11];

		ov_date_format(db->series[i].day, iso);
		ov_buf_printf(&b, "%s%s:%zu", i ? " " : "", iso + 5,
			      db->series[i].open);
	}
	return ov_buf_detach(&b);
}

static const ov_dash_grade *grade_at(const ov_dash_peel *pg, size_t q,
				     size_t as)
{
	return &pg->grades[q * pg->n_assessments + as];
}

static void test_timeline(void)
{
	ov_app *a = fx_open_register(timeline_set(), tmpdir, "timeline");
	ov_diag d = OV_DIAG_INIT;
	ov_dashboard db;
	const ov_dash_peel *pg;
	char *s;

	if (!a) {
		tap_ok(0, "timeline register made");
		return;
	}
	tap_is_int(ov_app_dashboard(a, fx_day("2018-10-10"), &db, &d), 0,
		   "hand-made timelines as at 2018-10-10");
	s = series_text(&db);
	tap_is_str(s, "01-31:1 02-28:1 03-31:0 04-30:0 05-31:1 06-30:1 "
		   "07-31:1 08-31:0 09-30:1 10-10:1",
		   "... live at each month's end: TL-A again once reopened, "
		   "TL-B never, TL-C from September, the day itself last");
	free(s);
	tap_ok(db.all.recs == 3 && db.all.by_status[OV_STATUS_CLOSED] == 1 &&
		       db.all.by_status[OV_STATUS_SUPERSEDED] == 1 &&
		       db.all.by_status[OV_STATUS_OPEN] == 1 &&
		       db.all.live == 1 && db.all.unrated == 1,
	       "... the counts on the day");
	pg = db.n_peel == 1 ? &db.peel[0] : NULL;
	tap_ok(pg && pg->n_assessments == 2 &&
		       !strcmp(pg->assessments[0]->id, "X") &&
		       !strcmp(pg->assessments[1]->id, "Y") &&
		       pg->n_questions == 3 &&
		       !strcmp(pg->questions[0]->key, "a") &&
		       !strcmp(pg->questions[0]->text,
			       "Question a (new words)") &&
		       !strcmp(pg->questions[1]->key, "c") &&
		       !strcmp(pg->questions[2]->key, "b"),
	       "... PEEL: assessments by date; the latest's questions (in its "
	       "words), then the ones only earlier ones asked");
	tap_ok(pg && grade_at(pg, 0, 0)->asked &&
		       grade_at(pg, 0, 0)->cell.grade == OV_GRADE_GOOD &&
		       !grade_at(pg, 0, 0)->cell.from &&
		       grade_at(pg, 0, 1)->asked &&
		       grade_at(pg, 0, 1)->cell.grade == OV_GRADE_GOOD &&
		       grade_at(pg, 0, 1)->cell.from == pg->assessments[0],
	       "... question a carried forward from X into Y, marked");
	tap_ok(pg && !grade_at(pg, 1, 0)->asked &&
		       grade_at(pg, 1, 0)->cell.grade == OV_GRADE_NONE &&
		       grade_at(pg, 1, 1)->cell.grade == OV_GRADE_OUTSTANDING &&
		       grade_at(pg, 2, 0)->cell.grade == OV_GRADE_INADEQUATE &&
		       !grade_at(pg, 2, 1)->asked,
	       "... a question an assessment did not list is an empty cell");
	ov_dashboard_release(&db);
	tap_is_int(ov_app_dashboard(a, fx_day("2018-08-31"), &db, &d), 0,
		   "as at a month's last day");
	s = series_text(&db);
	tap_is_str(s, "01-31:1 02-28:1 03-31:0 04-30:0 05-31:1 06-30:1 "
		   "07-31:1 08-31:0", "... that day is the last point, once");
	free(s);
	tap_ok(db.n_peel == 1 && db.peel[0].n_assessments == 2,
	       "... both assessments");
	ov_dashboard_release(&db);
	tap_is_int(ov_app_dashboard(a, fx_day("2018-01-20"), &db, &d), 0,
		   "as at a day in the first month");
	tap_ok(db.n_series == 1 && db.series[0].open == 1 &&
		       db.series[0].day == fx_day("2018-01-20") &&
		       db.n_peel == 1 && db.peel[0].n_assessments == 1 &&
		       db.peel[0].n_questions == 2,
	       "... one point; only the assessment made by then");
	ov_dashboard_release(&db);
	ov_diag_release(&d);
	ov_app_close(a);
}

/* The dashboard's grids are ov_app_grades' tables, cell by cell. */
static void test_peel_register(void)
{
	ov_app *a = fx_open_register(fx_register(), tmpdir, "register");
	ov_diag d = OV_DIAG_INIT;
	ov_dashboard db;
	int bad = 0;

	if (!a || ov_app_dashboard(a, fx_day(FX_AS_AT), &db, &d) < 0) {
		tap_ok(0, "fx_register's dashboard");
		ov_app_close(a);
		return;
	}
	tap_ok(db.n_peel == 1 && db.peel[0].n_assessments == 2 &&
		       !strcmp(db.peel[0].assessments[0]->id, "wmp-2017") &&
		       !strcmp(db.peel[0].assessments[1]->id, "wmp-2018-ipa"),
	       "fx_register: WMP's two assessments by the day, by date");
	for (size_t k = 0; k < db.n_peel && k < 1; k++) {
		const ov_dash_peel *pg = &db.peel[k];

		for (size_t j = 0; j < pg->n_assessments; j++) {
			ov_grades g;

			if (ov_app_grades(a, pg->assessments[j]->id, NULL,
					  fx_day(FX_AS_AT), &g, &d) < 0) {
				bad++;
				continue;
			}
			for (size_t q = 0; q < g.a->n_questions; q++) {
				const ov_dash_grade *c = grade_at(pg, q, j);

				bad += !c->asked ||
				       c->cell.grade != g.cells[q].grade ||
				       (c->cell.from == NULL) !=
					       (g.cells[q].from == NULL) ||
				       c->cell.inspect.day !=
					       g.cells[q].inspect.day;
			}
			ov_grades_release(&g);
		}
		tap_ok(grade_at(pg, 1, 1)->cell.grade == OV_GRADE_RI &&
			       grade_at(pg, 1, 1)->cell.from ==
				       pg->assessments[0] &&
			       grade_at(pg, 0, 1)->cell.grade == OV_GRADE_TBI,
		       "... Treatment of the Public carried from PEEL 2017 "
		       "into the IPA; Protecting the Vulnerable to be "
		       "inspected");
	}
	tap_is_int(bad, 0, "... every cell as ov_app_grades has it");
	ov_dashboard_release(&db);
	ov_diag_release(&d);
	ov_app_close(a);
}

/* ---- meetings ---- */

#define MEETING "jac-2018-09-27"

static void test_meeting_show(ov_app *a)
{
	ov_diag d = OV_DIAG_INIT;
	ov_meeting_view v;

	tap_is_int(ov_app_meeting_show(a, "nope", &v, &d), -1,
		   "show a meeting that is not there");
	tap_is_int(ov_diag_kind(&d), OV_PROB_NOTFOUND, "... not found");
	ov_diag_release(&d);
	ov_meeting_view_release(&v);
	tap_is_int(ov_app_meeting_show(a, MEETING, &v, &d), 0,
		   "show " MEETING);
	tap_ok(v.m.n_reviews == 2 && !strcmp(v.m.reviews[0].report, "R-SF") &&
		       !strcmp(v.m.reviews[1].intro, "Intro") &&
		       v.m.n_documents == 2 &&
		       !strcmp(v.m.purpose, "To inform the committee."),
	       "... the meeting, its reviews and documents");
	tap_ok(v.ds && v.ds->n_reports == 2 && v.review_of[0] == 1 &&
		       v.review_of[1] == 0 && v.review_report[0] &&
		       !strcmp(v.review_report[0]->title,
			       v.ds->reports[1].title),
	       "... every report, each marked with the review choosing it");
	tap_is_str(v.contact_name, "DCI Public Protection",
		   "... the contact officer's name");
	ov_meeting_view_release(&v);
	ov_meeting_view_release(&v);
	ov_diag_release(&d);
}

static void show(ov_app *a, ov_meeting_view *v)
{
	ov_diag d = OV_DIAG_INIT;

	if (ov_app_meeting_show(a, MEETING, v, &d) < 0)
		ov_diag_print(&d, stdout, "# show");
	ov_diag_release(&d);
}

/* Each block set alone, then read back; the others untouched. */
static void test_meeting_blocks(ov_app *a)
{
	static const char *const names[] = {
		"purpose", "background", "peel_note", "closures_note",
		"activities_note", "activities_after", "recommendations"};
	static const char *const was[] = {
		"To inform the committee.", "Background", NULL, "Closures",
		NULL, NULL, "Note the report."};
	ov_diag d = OV_DIAG_INIT;
	int bad = 0;

	for (size_t i = 0; i < 7; i++) {
		ov_meeting_edit e = {0};
		const char **f[] = {&e.purpose, &e.background, &e.peel_note,
				    &e.closures_note, &e.activities_note,
				    &e.activities_after, &e.recommendations};
		char *text = ov_xasprintf("New *%s* \xe2\x80\x93 block",
					  names[i]);
		ov_meeting_view v;
		const char *got[7];

		*f[i] = text;
		if (ov_app_meeting_edit(a, MEETING, &e, &d) < 0) {
			ov_diag_print(&d, stdout, "# edit");
			bad++;
		}
		show(a, &v);
		got[0] = v.m.purpose, got[1] = v.m.background;
		got[2] = v.m.peel_note, got[3] = v.m.closures_note;
		got[4] = v.m.activities_note, got[5] = v.m.activities_after;
		got[6] = v.m.recommendations;
		for (size_t k = 0; k <= i; k++) {
			char *want = ov_xasprintf("New *%s* \xe2\x80\x93 block",
						  names[k]);
			bad += !got[k] || strcmp(got[k], want) != 0;
			free(want);
		}
		for (size_t k = i + 1; k < 7; k++) /* as fx_small has them */
			bad += !(got[k] == was[k] ||
				 (got[k] && was[k] && !strcmp(got[k], was[k])));
		bad += v.m.n_reviews != 2 || v.m.n_documents != 2;
		ov_meeting_view_release(&v);
		free(text);
	}
	tap_is_int(bad, 0, "each of the seven blocks set alone and read back; "
		   "the rest, reviews and documents untouched");
	{
		ov_meeting_edit e = {.peel_note = "", .purpose = NULL};
		ov_meeting_view v;

		tap_is_int(ov_app_meeting_edit(a, MEETING, &e, &d), 0,
			   "\"\" clears a block");
		show(a, &v);
		tap_ok(v.m.peel_note == NULL && v.m.purpose &&
			       !strcmp(v.m.purpose,
				       "New *purpose* \xe2\x80\x93 block"),
		       "... cleared; NULL left purpose as it was");
		ov_meeting_view_release(&v);
	}
	ov_diag_release(&d);
}

static void test_meeting_reviews(ov_app *a)
{
	ov_diag d = OV_DIAG_INIT;
	ov_meeting_view v;
	ov_review_edit one[] = {{"R-NCPI", NULL, "Now a narrative"}};
	ov_review_edit two[] = {{"R-SF", NULL, NULL},
				{"R-NCPI", "", NULL}};
	ov_meeting_edit e = {.set_reviews = true, .reviews = one,
			     .n_reviews = 1};

	tap_is_int(ov_app_meeting_edit(a, MEETING, &e, &d), 0,
		   "choose R-NCPI alone for review, with a narrative");
	show(a, &v);
	tap_ok(v.m.n_reviews == 1 && !strcmp(v.m.reviews[0].report, "R-NCPI") &&
		       v.m.reviews[0].intro &&
		       !strcmp(v.m.reviews[0].intro, "Intro") &&
		       !strcmp(v.m.reviews[0].narrative, "Now a narrative") &&
		       v.review_of[1] == -1 && v.review_of[0] == 0,
	       "... R-SF dropped; R-NCPI kept its intro, took the narrative");
	ov_meeting_view_release(&v);
	e.reviews = two;
	e.n_reviews = 2;
	tap_is_int(ov_app_meeting_edit(a, MEETING, &e, &d), 0,
		   "choose R-SF then R-NCPI, clearing R-NCPI's intro");
	show(a, &v);
	tap_ok(v.m.n_reviews == 2 && !strcmp(v.m.reviews[0].report, "R-SF") &&
		       !v.m.reviews[0].intro && !v.m.reviews[0].narrative &&
		       !v.m.reviews[1].intro &&
		       !strcmp(v.m.reviews[1].narrative, "Now a narrative"),
	       "... in that order; R-SF new (nothing of its old narrative), "
	       "R-NCPI keeps its narrative");
	ov_meeting_view_release(&v);
	e.n_reviews = 0;
	tap_is_int(ov_app_meeting_edit(a, MEETING, &e, &d), 0,
		   "choose no report");
	show(a, &v);
	tap_ok(v.m.n_reviews == 0 && v.m.n_documents == 2 &&
		       !strcmp(v.m.documents[0],
			       "Stolen freedom (HMICFRS, 2017)"),
	       "... none; the documents kept");
	ov_meeting_view_release(&v);
	ov_diag_release(&d);
}

/* A refused edit: -1, a problem of `kind` at `where` saying `what`, and
 * the register as it was. */
static void refused(ov_app *a, const char *id, const ov_meeting_edit *e,
		    enum ov_problem_kind kind, const char *where,
		    const char *what, const char *name)
{
	ov_diag d = OV_DIAG_INIT;
	char *before = fx_snapshot(a, tmpdir), *after;
	char *label = ov_xasprintf("... %s at %s, nothing written",
				   ov_problem_kind_code(kind),
				   where ? where : "(none)");
	int rc = ov_app_meeting_edit(a, id, e, &d);

	after = fx_snapshot(a, tmpdir);
	tap_is_int(rc, -1, name);
	tap_ok(fx_problem(&d, kind, where, what) && !strcmp(before, after),
	       label);
	free(label);
	free(before);
	free(after);
	ov_diag_release(&d);
}

static void test_meeting_refusals(ov_app *a)
{
	char *big = fx_repeat('x', OV_MAX_TEXT + 1);
	ov_review_edit revs[101];
	ov_review_edit ghost[] = {{"R-SF", NULL, NULL},
				  {"R-GHOST", NULL, NULL}};
	ov_review_edit twice[] = {{"R-SF", NULL, NULL},
				  {"R-SF", NULL, "again"}};
	ov_review_edit broken[] = {{"R-SF", NULL, "caf\xc3 broken"}};
	ov_review_edit long_narr[] = {{"R-NCPI", NULL, NULL},
				      {"R-SF", NULL, big}};
	ov_review_edit no_report[] = {{NULL, NULL, "x"}};
	ov_meeting_edit e = {.purpose = "Fine"};

	refused(a, "nope", &e, OV_PROB_NOTFOUND, NULL, "no meeting 'nope'",
		"edit a meeting that is not there");
	refused(a, NULL, &e, OV_PROB_INPUT, "id", "required",
		"edit with no id");
	e = (ov_meeting_edit){.background = "caf\xc3 broken"};
	refused(a, MEETING, &e, OV_PROB_INPUT, "background",
		"not valid UTF-8", "a block that is not UTF-8");
	e = (ov_meeting_edit){.purpose = "Fine", .recommendations = big};
	refused(a, MEETING, &e, OV_PROB_INPUT, "recommendations",
		"longer than 65536 bytes", "a block that is too long");
	e = (ov_meeting_edit){.set_reviews = true, .reviews = ghost,
			      .n_reviews = 2};
	refused(a, MEETING, &e, OV_PROB_INPUT, "reviews[1].report",
		"no report 'R-GHOST'", "a review of a report not there");
	e.reviews = twice;
	refused(a, MEETING, &e, OV_PROB_INPUT, "reviews[1].report",
		"already reviewed", "the same report chosen twice");
	e.reviews = broken;
	e.n_reviews = 1;
	refused(a, MEETING, &e, OV_PROB_INPUT, "reviews[0].narrative",
		"not valid UTF-8", "a narrative that is not UTF-8");
	e.reviews = long_narr;
	e.n_reviews = 2;
	refused(a, MEETING, &e, OV_PROB_INPUT, "reviews[1].narrative",
		"longer than", "a narrative that is too long");
	e.reviews = no_report;
	e.n_reviews = 1;
	refused(a, MEETING, &e, OV_PROB_INPUT, "reviews[0].report",
		"is required", "a review that names no report");
	for (size_t i = 0; i < 101; i++)
		revs[i] = (ov_review_edit){i % 2 ? "R-SF" : "R-NCPI", NULL,
					   NULL};
	e.reviews = revs;
	e.n_reviews = 101;
	refused(a, MEETING, &e, OV_PROB_INPUT, "reviews", "more than 100",
		"101 reviews");
	e.reviews = NULL;
	e.n_reviews = 2;
	refused(a, MEETING, &e, OV_PROB_INPUT, "reviews", "not given",
		"a count of reviews without them");
	free(big);
}

/* ---- the paper into memory, and the preview ---- */

static void test_paper_meeting(void)
{
	static const char *const fmt_name[] = {"md", "html", "pdf"};
	static const struct {
		const char *id, *date;
	} meetings[] = {{"jac-2018-06", "2018-06-28"},
			{"jac-2018-09", "2018-09-27"}};
	ov_app *a = fx_open_register(fx_paper(), tmpdir, "paper");
	ov_diag d = OV_DIAG_INIT;
	char *path = fx_path(tmpdir, "paper.out");
	ov_buf b = OV_BUF_INIT;
	int same = 0, tries = 0;

	if (!a) {
		tap_ok(0, "fx_paper's register");
		free(path);
		return;
	}
	for (size_t m = 0; m < 2; m++)
		for (int f = OV_PAPER_MD; f <= OV_PAPER_PDF; f++) {
			ov_buf_reset(&b);
			if (ov_app_paper_meeting(a, meetings[m].id, f, &b,
						 &d) < 0)
				b.len = 0;
			for (int force = 0; force < 2; force++) {
				char *file = NULL;
				size_t len = 0;

				tries++;
				if (ov_app_paper(a, fx_day(meetings[m].date),
						 NULL, force ? "WMP" : NULL, f,
						 path, &d) == 0)
					file = read_file(path, &len);
				if (file && len == b.len && len > 100 &&
				    memcmp(file, b.data, len) == 0)
					same++;
				else
					printf("# %s %s (force %d): %zu bytes "
					       "in memory, %zu in the file\n",
					       meetings[m].id, fmt_name[f],
					       force, b.len, len);
				free(file);
			}
		}
	ov_diag_print(&d, stdout, "# paper");
	tap_is_int(same, tries, "both meetings' papers in md, html and pdf: "
		   "in memory the same bytes as ov_app_paper's file (with "
		   "--force and without)");
	ov_buf_reset(&b);
	tap_is_int(ov_app_paper_meeting(a, "nope", OV_PAPER_HTML, &b, &d), -1,
		   "the paper of a meeting not there");
	tap_ok(fx_problem(&d, OV_PROB_NOTFOUND, "meeting",
			  "no meeting 'nope'") &&
		       b.len == 0,
	       "... not found at meeting, nothing made");
	ov_diag_release(&d);
	tap_is_int(ov_app_paper_meeting(a, "jac-2018-09", (enum ov_paper_fmt)7,
					&b, &d),
		   -1, "a format that is none");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "format", "not a paper format"),
	       "... bad input at format");
	ov_diag_release(&d);
	ov_buf_release(&b);
	free(path);
	ov_app_close(a);
}

static char *preview(const char *md, int *rc)
{
	ov_diag d = OV_DIAG_INIT;
	ov_buf b = OV_BUF_INIT;

	ov_buf_puts(&b, "");
	*rc = ov_app_markdown_html(md, &b, &d);
	ov_diag_release(&d);
	return ov_buf_detach(&b);
}

static void test_markdown_html(void)
{
	ov_diag d = OV_DIAG_INIT;
	ov_buf b = OV_BUF_INIT;
	char *big = fx_repeat('x', OV_MAX_TEXT + 1);
	int rc;
	char *h;

	h = preview("# Heading\n\nSome **bold** and *italic*.\n\n"
		    "- one\n- two\n", &rc);
	tap_is_str(h, "<h3>Heading</h3>\n<p>Some <strong>bold</strong> and "
		   "<em>italic</em>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n"
		   "</ul>\n",
		   "Markdown previewed as the paper's HTML writes it");
	free(h);
	h = preview("<script>alert(1)</script>\n\nText \"><img src=x "
		    "onerror=alert(1)> & 'quotes'\n", &rc);
	tap_ok(rc == 0 && !strstr(h, "<script") && !strstr(h, "<img") &&
		       strstr(h, "&lt;script&gt;alert(1)&lt;/script&gt;") &&
		       strstr(h, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt; "
				 "&amp; &#39;quotes&#39;"),
	       "raw HTML comes out escaped, as text, never as markup");
	if (strstr(h, "<script"))
		printf("# %s\n", h);
	free(h);
	h = preview(NULL, &rc);
	tap_ok(rc == 0 && !*h, "NULL: nothing");
	free(h);
	tap_is_int(ov_app_markdown_html("caf\xc3 broken", &b, &d), -1,
		   "a block that is not UTF-8");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "markdown", "not valid UTF-8") &&
		       b.len == 0,
	       "... bad input at markdown, nothing made");
	ov_diag_release(&d);
	tap_is_int(ov_app_markdown_html(big, &b, &d), -1,
		   "a block that is too long");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "markdown", "longer than"),
	       "... bad input at markdown");
	ov_diag_release(&d);
	ov_buf_release(&b);
	free(big);
}

/* A meeting that names its paper's layout can still be edited: the
 * edit's check resolves the layout, and the layout stays named. */
static void test_meeting_layout(void)
{
	ov_dataset *ds = fx_small();
	ov_meeting *m = (ov_meeting *)ov_dataset_find_meeting(ds, MEETING);
	ov_layout *l;
	ov_app *a;
	ov_diag d = OV_DIAG_INIT;
	ov_meeting_edit e = {.purpose = "A new purpose."};
	ov_meeting_view v;

	ds->layouts = ov_xcalloc(1, sizeof *ds->layouts);
	ds->n_layouts = 1;
	l = &ds->layouts[0];
	ov_layout_init(l);
	l->id = ov_xstrdup("own");
	l->force = ov_xstrdup(m->force);
	l->sections = ov_xcalloc(1, sizeof *l->sections);
	l->n_sections = 1;
	l->sections[0].section = OV_SEC_PURPOSE;
	fx_set(&m->layout, "own");
	a = fx_open_register(ds, tmpdir, "layout");
	tap_ok(a != NULL, "a register whose meeting names a layout");
	if (!a)
		return;
	tap_is_int(ov_app_meeting_edit(a, MEETING, &e, &d), 0,
		   "its meeting is edited");
	ov_diag_print(&d, stdout, "# edit");
	show(a, &v);
	tap_ok(v.m.layout && !strcmp(v.m.layout, "own"),
	       "... and still names its layout");
	ov_meeting_view_release(&v);
	ov_diag_release(&d);
	ov_app_close(a);
}

int main(void)
{
	ov_app *a;

	tmpdir = fx_tmpdir("pages");
	if (!tmpdir)
		return 1;
	a = fx_open_register(fx_small(), tmpdir, "small");
	tap_ok(a != NULL, "a register of the small dataset");
	if (a) {
		test_dashboard_small(a);
		test_meeting_show(a);
		test_meeting_blocks(a);
		test_meeting_reviews(a);
		test_meeting_refusals(a);
	}
	ov_app_close(a);
	test_meeting_layout();
	test_dashboard_random();
	test_timeline();
	test_peel_register();
	test_paper_meeting();
	test_markdown_html();
	fx_tmpdir_remove(tmpdir);
	/* Let LeakSanitizer see only our own allocations: release the
	 * process-wide caches the PDF renderer's pango, cairo and
	 * fontconfig keep (as tests/paper/test_pdf.c does). */
	ov_paper_pdf_release();
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	FcFini();
	return tap_done();
}

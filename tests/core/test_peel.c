#include "core/peel.h"
#include "fixture/fixture.h"
#include "tap.h"

static void test_scales(void)
{
	static const enum ov_grade all[] = {
		OV_GRADE_NONE,	     OV_GRADE_OUTSTANDING, OV_GRADE_GOOD,
		OV_GRADE_ADEQUATE,   OV_GRADE_RI,	   OV_GRADE_INADEQUATE,
		OV_GRADE_TBI,	     OV_GRADE_NOT_GRADED,  OV_GRADE_AWAITED,
	};
	/* on peel-2014, on peel-2021, real */
	static const char *const want[] = {
		"110", "111", "111", "011", "111", "111", "110", "110", "110",
	};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		char name[96];
		const char *g = all[i] == OV_GRADE_NONE ? "(none)"
							: ov_grade_code(all[i]);

		snprintf(name, sizeof name, "%s on peel-2014", g);
		tap_is_int(ov_grade_on_scale(all[i], OV_SCALE_PEEL2014),
			   want[i][0] == '1', name);
		snprintf(name, sizeof name, "%s on peel-2021", g);
		tap_is_int(ov_grade_on_scale(all[i], OV_SCALE_PEEL2021),
			   want[i][1] == '1', name);
		snprintf(name, sizeof name, "%s is %sa real grade", g,
			 want[i][2] == '1' ? "" : "not ");
		tap_is_int(ov_grade_is_real(all[i]), want[i][2] == '1', name);
	}
	tap_ok(!ov_grade_on_scale(OV_GRADE_GOOD, (enum ov_scale)7),
	       "no grade is on an unknown scale");
	tap_ok(!ov_grade_on_scale((enum ov_grade)42, OV_SCALE_PEEL2021),
	       "an unknown grade is on no scale");
}

/* Three WMP assessments, loaded out of order, plus a later one and another
 * force's that must not leak into the carry-forward. */
static ov_dataset *three(void)
{
	ov_dataset *ds = ov_dataset_new();
	size_t i;
	ov_assessment *a;

	i = fx_add_assessment(ds, "wmp-2018", "WMP", 2018, "2018-09-01",
			      "IPA November 2018", OV_SCALE_PEEL2014);
	a = &ds->assessments[i];
	fx_add_question(a, "q4", 4, "Four", OV_GRADE_TBI);
	a->questions[0].inspect = fx_pdate("2018-11");
	fx_add_question(a, "q1", 1, "One", OV_GRADE_NONE);
	fx_add_question(a, "q2", 2, "Two", OV_GRADE_NONE);
	fx_add_question(a, "q3", 3, "Three", OV_GRADE_NONE);
	fx_add_question(a, "q5", 5, "Five", OV_GRADE_NONE);
	fx_add_question(a, "q6", 6, "Six", OV_GRADE_GOOD);

	i = fx_add_assessment(ds, "wmp-2016", "WMP", 2016, "2016-12-01",
			      "PEEL 2016", OV_SCALE_PEEL2014);
	a = &ds->assessments[i];
	fx_add_question(a, "q1", 1, "One", OV_GRADE_GOOD);
	fx_add_question(a, "q2", 2, "Two", OV_GRADE_RI);
	fx_add_question(a, "q3", 3, "Three", OV_GRADE_OUTSTANDING);
	fx_add_question(a, "q6", 6, "Six", OV_GRADE_INADEQUATE);

	i = fx_add_assessment(ds, "wmp-2017", "WMP", 2017, "2017-11-01",
			      "PEEL 2017", OV_SCALE_PEEL2014);
	a = &ds->assessments[i];
	fx_add_question(a, "q1", 1, "One", OV_GRADE_INADEQUATE);
	fx_add_question(a, "q2", 2, "Two", OV_GRADE_NONE);
	fx_add_question(a, "q3", 3, "Three", OV_GRADE_NOT_GRADED);
	fx_add_question(a, "q4", 4, "Four", OV_GRADE_TBI);
	a->questions[3].inspect = fx_pdate("2017-05");

	/* Later than wmp-2018: never carried backwards. */
	i = fx_add_assessment(ds, "wmp-2021", "WMP", 2021, "2021-06-01",
			      "PEEL 2021", OV_SCALE_PEEL2021);
	fx_add_question(&ds->assessments[i], "q5", 5, "Five",
			OV_GRADE_ADEQUATE);
	/* Another force, earlier: never carried across forces. */
	i = fx_add_assessment(ds, "swp-2017", "SWP", 2017, "2017-12-01",
			      "PEEL 2017", OV_SCALE_PEEL2014);
	fx_add_question(&ds->assessments[i], "q5", 5, "Five", OV_GRADE_GOOD);
	fx_add_question(&ds->assessments[i], "q1", 1, "One", OV_GRADE_GOOD);
	ov_dataset_sort(ds);
	return ds;
}

static void test_carry(void)
{
	ov_dataset *ds = three();
	const ov_assessment *a18 = ov_dataset_find_assessment(ds, "wmp-2018");
	const ov_assessment *a17 = ov_dataset_find_assessment(ds, "wmp-2017");
	const ov_assessment *a16 = ov_dataset_find_assessment(ds, "wmp-2016");
	ov_peel_cell cells[6];
	char out[11];

	ov_peel_table(ds, a18, cells);
	/* Sorted by number: q1..q6. */
	tap_is_int(cells[0].grade, OV_GRADE_INADEQUATE,
		   "q1 carries the latest earlier grade (2017)");
	tap_ok(cells[0].from == a17, "q1 carried from wmp-2017");
	tap_is_int(cells[1].grade, OV_GRADE_RI,
		   "q2 skips 2017 (not inspected) and carries 2016");
	tap_ok(cells[1].from == a16, "q2 carried from wmp-2016");
	tap_is_int(cells[2].grade, OV_GRADE_OUTSTANDING,
		   "q3 skips 2017 (not graded) and carries 2016");
	tap_ok(cells[2].from == a16, "q3 carried from wmp-2016");
	tap_is_int(cells[3].grade, OV_GRADE_TBI, "q4 to be inspected");
	ov_pdate_format(cells[3].inspect, out);
	tap_is_str(out, "2018-11", "q4 keeps its own inspect date");
	tap_ok(cells[3].from == NULL, "TBI is not carried");
	tap_is_int(cells[4].grade, OV_GRADE_NONE,
		   "q5 has no earlier WMP grade: nothing (not SWP's, not 2021's)");
	tap_ok(cells[4].from == NULL, "q5 from nowhere");
	tap_is_int(cells[5].grade, OV_GRADE_GOOD, "q6 graded now: its own");
	tap_ok(cells[5].from == NULL, "an own grade is not carried");
	tap_is_int(cells[5].inspect.prec, OV_PREC_NONE,
		   "no inspect date on a real grade");

	ov_peel_table(ds, a17, cells);
	tap_is_int(cells[0].grade, OV_GRADE_INADEQUATE, "2017 q1 own grade");
	tap_is_int(cells[1].grade, OV_GRADE_RI, "2017 q2 carried from 2016");
	tap_ok(cells[1].from == a16, "2017 q2 from wmp-2016");
	tap_is_int(cells[2].grade, OV_GRADE_NOT_GRADED,
		   "2017 q3 shows not graded, not a carried grade");
	tap_ok(cells[2].from == NULL, "not graded is not carried");
	tap_is_int(cells[3].grade, OV_GRADE_TBI, "2017 q4 TBI");
	ov_pdate_format(cells[3].inspect, out);
	tap_is_str(out, "2017-05", "2017 q4 inspect date");

	ov_peel_table(ds, a16, cells);
	tap_is_int(cells[1].grade, OV_GRADE_RI, "2016 q2 own grade");
	tap_ok(cells[0].from == NULL && cells[1].from == NULL,
	       "earliest assessment carries nothing");
	ov_dataset_free(ds);
}

/* Two earlier assessments on the same day: the choice does not depend on
 * load order. */
static void test_tie(void)
{
	for (int order = 0; order < 2; order++) {
		ov_dataset *ds = ov_dataset_new();
		const char *ids[2] = {"x-a", "x-b"};
		enum ov_grade g[2] = {OV_GRADE_GOOD, OV_GRADE_RI};
		ov_peel_cell cell;
		size_t i;

		for (int k = 0; k < 2; k++) {
			int j = order ? 1 - k : k;

			i = fx_add_assessment(ds, ids[j], "X", 2017,
					      "2017-01-01", "L",
					      OV_SCALE_PEEL2014);
			fx_add_question(&ds->assessments[i], "q", 1, "Q", g[j]);
		}
		i = fx_add_assessment(ds, "x-z", "X", 2018, "2018-01-01", "L",
				      OV_SCALE_PEEL2014);
		fx_add_question(&ds->assessments[i], "q", 1, "Q",
				OV_GRADE_NONE);
		ov_dataset_sort(ds);
		ov_peel_table(ds, ov_dataset_find_assessment(ds, "x-z"), &cell);
		tap_is_int(cell.grade, OV_GRADE_RI,
			   order ? "same-day tie, reversed load: later id"
				 : "same-day tie: later id wins");
		ov_dataset_free(ds);
	}
}

/* An assessment on the same day is not earlier: nothing carries from it. */
static void test_same_day(void)
{
	ov_dataset *ds = ov_dataset_new();
	ov_peel_cell cell;
	size_t i;

	i = fx_add_assessment(ds, "x-a", "X", 2018, "2018-01-01", "L",
			      OV_SCALE_PEEL2014);
	fx_add_question(&ds->assessments[i], "q", 1, "Q", OV_GRADE_GOOD);
	i = fx_add_assessment(ds, "x-b", "X", 2018, "2018-01-01", "L",
			      OV_SCALE_PEEL2014);
	fx_add_question(&ds->assessments[i], "q", 1, "Q", OV_GRADE_NONE);
	ov_dataset_sort(ds);
	ov_peel_table(ds, ov_dataset_find_assessment(ds, "x-b"), &cell);
	tap_is_int(cell.grade, OV_GRADE_NONE,
		   "same-day assessment is not carried from");
	tap_ok(cell.from == NULL, "same day: from nowhere");
	ov_dataset_free(ds);
}

static void test_current(void)
{
	ov_dataset *ds = three();
	const ov_assessment *a;

	tap_ok(ov_peel_current(ds, "WMP", fx_day("2016-11-30")) == NULL,
	       "no assessment before the first");
	a = ov_peel_current(ds, "WMP", fx_day("2016-12-01"));
	tap_is_str(a ? a->id : NULL, "wmp-2016", "current on its own date");
	a = ov_peel_current(ds, "WMP", fx_day("2018-08-31"));
	tap_is_str(a ? a->id : NULL, "wmp-2017", "current between two");
	a = ov_peel_current(ds, "WMP", fx_day("2019-01-01"));
	tap_is_str(a ? a->id : NULL, "wmp-2018", "current after the IPA");
	a = ov_peel_current(ds, "WMP", fx_day("2030-01-01"));
	tap_is_str(a ? a->id : NULL, "wmp-2021", "latest of all");
	a = ov_peel_current(ds, "SWP", fx_day("2030-01-01"));
	tap_is_str(a ? a->id : NULL, "swp-2017", "per force");
	tap_ok(ov_peel_current(ds, "XYZ", fx_day("2030-01-01")) == NULL,
	       "unknown force: none");
	tap_ok(ov_peel_current(ds, NULL, fx_day("2030-01-01")) == NULL,
	       "NULL force: none");
	ov_dataset_free(ds);
}

/* A 2021-on five-grade assessment never shows a 2014-2019 grade as its
 * own, even for the same question key; a month-only date orders by its
 * first day. */
static void test_scales_apart(void)
{
	ov_dataset *ds = ov_dataset_new();
	ov_peel_cell cells[1];
	size_t i;

	i = fx_add_assessment(ds, "x-2017", "XP", 2017, "2017-11",
			      "PEEL 2017", OV_SCALE_PEEL2014);
	fx_add_question(&ds->assessments[i], "vuln", 1, "Vulnerable",
			OV_GRADE_GOOD);
	i = fx_add_assessment(ds, "x-2021", "XP", 2021, "2021-09",
			      "PEEL 2021/22", OV_SCALE_PEEL2021);
	fx_add_question(&ds->assessments[i], "vuln", 1, "Vulnerable",
			OV_GRADE_NONE);
	i = fx_add_assessment(ds, "x-2019", "XP", 2019, "2019-05",
			      "PEEL 2018/19", OV_SCALE_PEEL2014);
	fx_add_question(&ds->assessments[i], "vuln", 1, "Vulnerable",
			OV_GRADE_NONE);
	ov_dataset_sort(ds);
	ov_peel_table(ds, ov_dataset_find_assessment(ds, "x-2021"), cells);
	tap_is_int(cells[0].grade, OV_GRADE_NONE,
		   "a 2014-2019 grade is not carried into a 2021 assessment");
	tap_ok(cells[0].from == NULL, "... and no source is named");
	ov_peel_table(ds, ov_dataset_find_assessment(ds, "x-2019"), cells);
	tap_is_int(cells[0].grade, OV_GRADE_GOOD,
		   "on the same scale it carries (month-only dates)");
	tap_ok(ov_peel_current(ds, "XP", fx_day("2021-09-01")) ==
		       ov_dataset_find_assessment(ds, "x-2021"),
	       "a month-only assessment is current from its first day");
	ov_dataset_free(ds);
}

int main(void)
{
	test_scales();
	test_carry();
	test_tie();
	test_same_day();
	test_current();
	test_scales_apart();
	return tap_done();
}

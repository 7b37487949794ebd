#include <stdlib.h>
#include <string.h>

#include "core/timescale.h"
#include "fixture/fixture.h"
#include "tap.h"
#include "util/mem.h"

/* phrase, publication day -> want ("YYYY-MM-DD"). */
static void due(const char *phrase, const char *published, const char *want)
{
	ov_day d = OV_DAY_NONE;
	char out[11], name[300];
	int rc = ov_timescale_due(
	    phrase, published ? fx_day(published) : OV_DAY_NONE, &d);

	snprintf(name, sizeof name, "'%s' from %s", phrase,
		 published ? published : "no publication date");
	if (!tap_ok(rc == 0, name))
		return;
	ov_date_format(d, out);
	tap_is_str(out, want, "  gives the right day");
}

static void unknown(const char *phrase, const char *published)
{
	ov_day d = 12345;
	char name[300];
	int rc = ov_timescale_due(
	    phrase, published ? fx_day(published) : OV_DAY_NONE, &d);

	snprintf(name, sizeof name, "refuses '%s'%s", phrase ? phrase : "NULL",
		 published ? "" : " without a publication date");
	tap_ok(rc == -1 && d == 12345, name);
}

static void test_relative(void)
{
	due("Immediately", "2017-10-24", "2017-10-24");
	due("immediately.", "2017-10-24", "2017-10-24");
	due("  IMMEDIATELY ,", "2017-10-24", "2017-10-24");
	due("Within six months", "2017-10-24", "2018-04-24");
	due("within 6 months", "2017-10-24", "2018-04-24");
	due("Within twelve months", "2017-10-24", "2018-10-24");
	due("Within eighteen months", "2017-10-24", "2019-04-24");
	due("Within twenty-four months", "2017-10-24", "2019-10-24");
	due("Within one month", "2018-01-31", "2018-02-28");
	due("Within a month", "2018-01-31", "2018-02-28");
	due("Within three months", "2018-11-30", "2019-02-28");
	due("within six weeks", "2018-01-01", "2018-02-12");
	due("within one week", "2018-12-28", "2019-01-04");
	due("within 30 days", "2018-01-15", "2018-02-14");
	due("within thirty days", "2018-01-15", "2018-02-14");
	due("Within 1 day", "2018-12-31", "2019-01-01");
	due("within a year", "2017-10-24", "2018-10-24");
	due("Within one year", "2016-02-29", "2017-02-28");
	due("Within two years", "2016-02-29", "2018-02-28");
	due("Within four years", "2016-02-29", "2020-02-29");
	due("Within twenty-one days", "2018-01-01", "2018-01-22");
	due("Within twenty days", "2018-01-01", "2018-01-21");
	due("Within nineteen days", "2018-01-01", "2018-01-20");
	due("Within 90 days", "2018-01-01", "2018-04-01");
	due("Within\tsix   months.", "2018-01-01", "2018-07-01");
	/* Month ends clamp, and leap years count. */
	due("Within six months", "2019-08-31", "2020-02-29");
	due("Within six months", "2017-08-31", "2018-02-28");
	due("Within 6 months", "2015-08-31", "2016-02-29");
	due("Within six months", "2099-08-31", "2100-02-28");
	due("Within twelve months", "2016-02-29", "2017-02-28");
	due("Within 12 months", "2019-02-28", "2020-02-28");
	due("Within 1 months", "2018-03-31", "2018-04-30");
}

static void test_number_words(void)
{
	static const char *const words[] = {
		"one",	    "two",	  "three",	 "four",
		"five",	    "six",	  "seven",	 "eight",
		"nine",	    "ten",	  "eleven",	 "twelve",
		"thirteen", "fourteen",	  "fifteen",	 "sixteen",
		"seventeen", "eighteen",  "nineteen",	 "twenty",
		"twenty-one", "twenty-two", "twenty-three", "twenty-four",
	};
	for (int i = 0; i < 24; i++) {
		char phrase[64], name[96];
		ov_day d = OV_DAY_NONE;
		int rc;

		snprintf(phrase, sizeof phrase, "Within %s days", words[i]);
		rc = ov_timescale_due(phrase, fx_day("2018-01-01"), &d);
		snprintf(name, sizeof name, "'%s' is %d days", phrase, i + 1);
		tap_ok(rc == 0 && d == fx_day("2018-01-01") + i + 1, name);
	}
}

static void test_absolute(void)
{
	due("By September 2014", "2014-03-01", "2014-09-30");
	due("by february 2016", "2015-01-01", "2016-02-29");
	due("By February 2017.", NULL, "2017-02-28");
	due("By the end of April 2014", "2014-01-01", "2014-04-30");
	due("By the end of February 2020", NULL, "2020-02-29");
	due("by the end of december 2018,", NULL, "2018-12-31");
	due("By 31 March 2019", "2018-06-01", "2019-03-31");
	due("By 31 March 2019", NULL, "2019-03-31");
	due("By 1st April 2019", NULL, "2019-04-01");
	due("By 29 February 2016", NULL, "2016-02-29");
	due("Not later than 31 March 2015", "2014-01-01", "2015-03-31");
	due("NOT LATER THAN 02 June 2015.", NULL, "2015-06-02");
	due("By the end of 2015", "2014-01-01", "2015-12-31");
	due("by the end of 2015.", NULL, "2015-12-31");
}

static void test_unknown(void)
{
	char *longp;

	unknown(NULL, "2018-01-01");
	unknown("", "2018-01-01");
	unknown("   ", "2018-01-01");
	unknown(".", "2018-01-01");
	unknown("Soon", "2018-01-01");
	unknown("As soon as possible", "2018-01-01");
	unknown("Ongoing", "2018-01-01");
	unknown("Within six", "2018-01-01");
	unknown("Within months", "2018-01-01");
	unknown("Within six fortnights", "2018-01-01");
	unknown("Within sixty months", "2018-01-01");
	unknown("Within twenty-five months", "2018-01-01");
	unknown("Within 0 months", "2018-01-01");
	unknown("Within -6 months", "2018-01-01");
	unknown("Within 6.5 months", "2018-01-01");
	unknown("Within 1000 days", "2018-01-01");
	unknown("Within six months of publication", "2018-01-01");
	unknown("within six months,,", "2018-01-01");
	unknown("Immediately and ongoing", "2018-01-01");
	unknown("Within six months", NULL);
	unknown("Immediately", NULL);
	unknown("By 30 February 2019", NULL);
	unknown("By 29 February 2019", NULL);
	unknown("By 31 April 2019", NULL);
	unknown("By 0 April 2019", NULL);
	unknown("By 32 March 2019", NULL);
	unknown("By 31st Smarch 2019", NULL);
	unknown("By 31x March 2019", NULL);
	unknown("Not later than 31 Mar 2015", NULL);
	unknown("Not later than March 2015 please", NULL);
	unknown("By Sept 2014", NULL);
	unknown("By September 14", NULL);
	unknown("By September 20014", NULL);
	unknown("By September 1899", NULL);
	unknown("By the end of 15", NULL);
	unknown("By the end of the year", "2018-01-01");
	unknown("By end of 2015", NULL);
	unknown("By the start of 2015", NULL);
	unknown("By 2015", NULL);
	unknown("By the end of April 2014 or May", NULL);
	unknown("Within 999 years", "2018-01-01");
	/* Input is bounded at 200 bytes, padding included. */
	longp = ov_xasprintf("Within six months%*s", 183, "");
	tap_is_int((long long)strlen(longp), 200, "a 200-byte phrase...");
	due(longp, "2018-01-01", "2018-07-01");
	free(longp);
	longp = ov_xasprintf("Within six months%*s", 184, "");
	unknown(longp, "2018-01-01");
	free(longp);
}

/* ov_rec_due (core/model.h) is where the phrases meet the data. */
static void test_rec_due(void)
{
	ov_rec r;
	ov_report rep;

	ov_rec_init(&r);
	ov_report_init(&rep);
	rep.published = fx_pdate("2019-08-31");
	tap_is_int(ov_rec_due(&r, &rep), OV_DAY_NONE,
		   "rec due: no timescale, no due date");
	r.timescale = ov_xstrdup("Within six months");
	tap_is_int(ov_rec_due(&r, &rep), fx_day("2020-02-29"),
		   "rec due: from the phrase and publication day");
	tap_is_int(ov_rec_due(&r, NULL), OV_DAY_NONE,
		   "rec due: relative phrase without a report");
	rep.published = fx_pdate("2019-08");
	tap_is_int(ov_rec_due(&r, &rep), OV_DAY_NONE,
		   "rec due: month-precision publication gives none");
	r.due_given = fx_day("2019-12-01");
	tap_is_int(ov_rec_due(&r, &rep), fx_day("2019-12-01"),
		   "rec due: an explicit due date wins");
	r.due_given = OV_DAY_NONE;
	free(r.timescale);
	r.timescale = ov_xstrdup("When resources allow");
	rep.published = fx_pdate("2019-08-31");
	tap_is_int(ov_rec_due(&r, &rep), OV_DAY_NONE,
		   "rec due: unknown phrase gives none");
	ov_rec_release(&r);
	ov_report_release(&rep);
}

int main(void)
{
	test_rec_due();
	test_relative();
	test_number_words();
	test_absolute();
	test_unknown();
	return tap_done();
}

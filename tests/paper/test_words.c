/* Day ranges, ordinals, number words and long dates as the paper writes
 * them; and the HTML writer's escaping. */
#include <stdlib.h>

#include "paper/words.h"
#include "tap.h"
#include "util/html.h"
#include "util/mem.h"

static ov_day day(const char *s)
{
	ov_day d = OV_DAY_NONE;

	if (ov_date_parse(s, &d) < 0)
		tap_diag("bad date in test");
	return d;
}

static void is_take(char *got, const char *want, const char *name)
{
	tap_is_str(got, want, name);
	free(got);
}

static void range(const char *a, const char *b, const char *want)
{
	char name[80];

	snprintf(name, sizeof name, "range %s..%s", a, b);
	is_take(ov_day_range(day(a), day(b)), want, name);
}

static ov_pdate fx_pd(const char *s)
{
	ov_pdate p = OV_PDATE_NONE;

	ov_pdate_parse(s, &p);
	return p;
}

/* Partial dates under a month heading (issue 10: activities known only
 * to the month). */
static void pranges(void)
{
	is_take(ov_pdate_range(fx_pd("2018-07-09"), fx_pd("2018-07-10")),
		"9th & 10th", "pdate range: two days");
	is_take(ov_pdate_range(fx_pd("2018-07-09"), OV_PDATE_NONE), "9th",
		"pdate range: one day, no end");
	is_take(ov_pdate_range(fx_pd("2018-08"), fx_pd("2018-08")),
		"During the month", "pdate range: the month alone");
	is_take(ov_pdate_range(fx_pd("2018-08"), fx_pd("2018-09")),
		"August 2018 \u2013 September 2018",
		"pdate range: across months");
	is_take(ov_pdate_range(fx_pd("2018"), OV_PDATE_NONE), "2018",
		"pdate range: the year");
}

/* Issue 10: naming recommendations and their kinds, dates at their
 * precision. */
static void data_words(void)
{
	ov_rec r;
	size_t afi[3] = {0, 0, 3}, mix[3] = {1, 2, 3}, one[3] = {0, 1, 0};
	size_t none[3] = {0, 0, 0}, cc[3] = {2, 0, 1};

	ov_rec_init(&r);
	r.ref = ov_xstrdup("R1");
	r.area = ov_xstrdup("Leadership");
	r.text = ov_xstrdup("HMIC recommends that the force should "
			    "immediately review how it assesses risk.");
	is_take(ov_rec_name(&r), "HMIC recommends that the force should "
		"immediately review\u2026", "rec name: the text's opening words");
	free(r.text);
	r.text = ov_xstrdup("The force should improve its supervision of "
			    "investigations.");
	is_take(ov_rec_name(&r), "The force should improve its supervision of "
		"investigations", "rec name: no ellipsis when all are there");
	r.subject = ov_xstrdup("risk assessment");
	is_take(ov_rec_name(&r), "risk assessment", "rec name: the subject");
	ov_rec_release(&r);
	is_take(ov_kinds_words(afi), "three areas for improvement",
		"kinds: AFIs named as AFIs");
	is_take(ov_kinds_words(mix), "one cause of concern, two "
		"recommendations and three areas for improvement",
		"kinds: all three");
	is_take(ov_kinds_words(one), "one recommendation", "kinds: one");
	is_take(ov_kinds_words(cc), "two causes of concern and one area for "
		"improvement", "kinds: two of them");
	is_take(ov_kinds_words(none), "no recommendations", "kinds: none");
	is_take(ov_when_words(ov_date_from_ymd(2018, 9, 6), OV_PRECISION_NONE),
		"on 6th September 2018", "when: a day");
	is_take(ov_when_words(ov_date_from_ymd(2018, 9, 1), OV_PRECISION_MONTH),
		"in September 2018", "when: a month");
	is_take(ov_when_words(ov_date_from_ymd(2018, 1, 1), OV_PRECISION_YEAR),
		"in 2018", "when: a year");
}

int main(void)
{
	static const struct { int n; const char *s; } ord[] = {
		{1, "1st"}, {2, "2nd"}, {3, "3rd"}, {4, "4th"}, {10, "10th"},
		{11, "11th"}, {12, "12th"}, {13, "13th"}, {14, "14th"},
		{21, "21st"}, {22, "22nd"}, {23, "23rd"}, {24, "24th"},
		{30, "30th"}, {31, "31st"}, {101, "101st"}, {111, "111th"},
		{112, "112th"},
	};
	static const struct { int n; const char *s; } num[] = {
		{0, "zero"}, {1, "one"}, {4, "four"}, {7, "seven"},
		{10, "ten"}, {11, "eleven"}, {15, "fifteen"}, {20, "twenty"},
		{21, "21"}, {43, "43"},
	};
	char *e;

	for (size_t i = 0; i < sizeof ord / sizeof ord[0]; i++)
		is_take(ov_ordinal(ord[i].n), ord[i].s, ord[i].s);
	for (size_t i = 0; i < sizeof num / sizeof num[0]; i++)
		is_take(ov_number_words(num[i].n), num[i].s, num[i].s);

	range("2018-07-02", "2018-07-02", "2nd");
	range("2018-07-09", "2018-07-10", "9th & 10th");
	range("2018-08-13", "2018-08-17", "13th \u2013 17th");
	range("2018-09-03", "2018-09-21", "3rd \u2013 21st");
	range("2018-06-30", "2018-07-02", "30th June \u2013 2nd July");
	range("2018-07-31", "2018-08-01", "31st July & 1st August");
	range("2018-12-30", "2019-01-02",
	      "30th December 2018 \u2013 2nd January 2019");
	is_take(ov_day_range(day("2018-07-27"), OV_DAY_NONE), "27th",
		"no end day: one day");
	is_take(ov_day_range(day("2018-07-27"), day("2018-07-20")), "27th",
		"end before start: one day");

	is_take(ov_date_long(day("2018-09-27")), "27th September 2018",
		"long date");
	is_take(ov_date_long(day("2021-01-01")), "1st January 2021",
		"long date, 1st");
	is_take(ov_date_long(OV_DAY_NONE), "", "no date");
	{
		ov_pdate p;

		ov_pdate_parse("2017-02", &p);
		is_take(ov_pdate_words(p), "February 2017", "month pdate");
		ov_pdate_parse("2017", &p);
		is_take(ov_pdate_words(p), "2017", "year pdate");
	}

	e = ov_html_escape("<b>\"Tom\" & 'Jerry'</b>");
	tap_is_str(e, "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;",
		   "HTML escaping");
	free(e);
	{
		ov_buf b = OV_BUF_INIT;
		ov_html h;

		ov_html_init(&h, &b);
		ov_html_open(&h, "p", "title", "a\"b<c", NULL);
		ov_html_text(&h, "x<script>");
		ov_html_close(&h, "p");
		tap_is_str(ov_buf_str(&b),
			   "<p title=\"a&quot;b&lt;c\">x&lt;script&gt;</p>",
			   "attributes and text escaped");
		tap_ok(!h.bad, "good names accepted");
		ov_html_open(&h, "p onclick=x", NULL);
		tap_ok(h.bad, "a tag name with markup is refused");
		h.bad = false;
		ov_html_style(&h, "p{}</style><script>");
		tap_ok(h.bad, "a style that closes its element is refused");
		tap_ok(strstr(ov_buf_str(&b), "onclick") == NULL &&
		       strstr(ov_buf_str(&b), "<script") == NULL,
		       "nothing refused reached the output");
		ov_buf_release(&b);
	}
	pranges();
	data_words();
	return tap_done();
}

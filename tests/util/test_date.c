#include "tap.h"
#include "util/date.h"

static void roundtrip(const char *s)
{
	ov_day d;
	char out[11];

	if (!tap_ok(ov_date_parse(s, &d) == 0, s))
		return;
	ov_date_format(d, out);
	tap_is_str(out, s, "formats back the same");
}

static void rejects(const char *s)
{
	ov_day d;
	char name[64];

	snprintf(name, sizeof name, "rejects '%s'", s);
	tap_ok(ov_date_parse(s, &d) < 0, name);
}

static void add_months(const char *from, int n, const char *want)
{
	ov_day d;
	char out[11], name[64];

	ov_date_parse(from, &d);
	ov_date_format(ov_date_add_months(d, n), out);
	snprintf(name, sizeof name, "%s + %d months", from, n);
	tap_is_str(out, want, name);
}

int main(void)
{
	ov_day d;
	ov_pdate p;
	char out[11];

	roundtrip("1970-01-01");
	roundtrip("2018-09-27");
	roundtrip("2016-02-29");
	roundtrip("2000-02-29");
	rejects("2018-02-30");
	rejects("2019-02-29");
	rejects("1900-02-29");
	rejects("2018-13-01");
	rejects("2018-00-10");
	rejects("2018-9-27");
	rejects("2018-09-27x");
	rejects(" 2018-09-27");
	rejects("");
	rejects("20180927");
	rejects("1899-12-31");
	ov_date_parse("1970-01-01", &d);
	tap_is_int(d, 0, "epoch is day 0");
	ov_date_parse("2018-09-27", &d);
	tap_is_int(d, 17801, "2018-09-27 is day 17801");
	add_months("2017-08-31", 6, "2018-02-28");
	add_months("2019-08-31", 6, "2020-02-29");
	add_months("2017-10-24", 12, "2018-10-24");
	add_months("2018-01-31", -2, "2017-11-30");
	ov_date_parse("2020-02-10", &d);
	ov_date_format(ov_date_month_end(d), out);
	tap_is_str(out, "2020-02-29", "month end in a leap year");

	tap_ok(ov_pdate_parse("2017", &p) == 0 && p.prec == OV_PREC_YEAR,
	       "a year is a partial date");
	ov_pdate_format(p, out);
	tap_is_str(out, "2017", "year prints back as a year");
	ov_date_format(ov_pdate_last_day(p), out);
	tap_is_str(out, "2017-12-31", "last day of a year");
	tap_ok(ov_pdate_parse("2017-02", &p) == 0 && p.prec == OV_PREC_MONTH,
	       "a month is a partial date");
	ov_pdate_format(p, out);
	tap_is_str(out, "2017-02", "month prints back as a month");
	ov_date_format(ov_pdate_last_day(p), out);
	tap_is_str(out, "2017-02-28", "last day of a month");
	tap_ok(ov_pdate_parse("2017-2", &p) < 0, "rejects 2017-2");
	tap_ok(ov_pdate_parse("2017-13", &p) < 0, "rejects month 13");
	tap_is_int(ov_month_from_name("november", 8), 11, "month names");
	tap_is_str(ov_month_name(2), "February", "month name");
	return tap_done();
}

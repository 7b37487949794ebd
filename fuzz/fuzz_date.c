/*
 * Fuzz target: ov_date_parse and ov_pdate_parse (src/util/date.c).
 *
 * Properties: a string either parses or is rejected; what parses is a real
 * calendar date within OV_YEAR_MIN..OV_YEAR_MAX, formats back to exactly the
 * input string, and reading that output again gives the same day and
 * precision.  A full date parses the same way through both functions.
 */
#include <string.h>

#include "fuzz.h"
#include "util/date.h"

static void check_day(ov_day day, const char *in)
{
	int y, m, d;

	ov_date_to_ymd(day, &y, &m, &d);
	if (y < OV_YEAR_MIN || y > OV_YEAR_MAX || !ov_date_valid_ymd(y, m, d))
		fuzz_fail("'%s' parsed to %d-%d-%d", in, y, m, d);
	if (ov_date_from_ymd(y, m, d) != day)
		fuzz_fail("'%s': day number %ld does not survive y-m-d", in,
			  (long)day);
}

static void check_date(const char *s)
{
	ov_day day, again;
	char out[11];

	if (ov_date_parse(s, &day) < 0)
		return;
	check_day(day, s);
	ov_date_format(day, out);
	if (strcmp(out, s) != 0)
		fuzz_fail("date '%s' formats back as '%s'", s, out);
	if (ov_date_parse(out, &again) < 0 || again != day)
		fuzz_fail("date '%s' does not parse back", out);
}

static void check_pdate(const char *s)
{
	ov_pdate p, again;
	ov_day full;
	char out[11];

	if (ov_pdate_parse(s, &p) < 0) {
		if (ov_date_parse(s, &full) == 0)
			fuzz_fail("'%s' is a date but not a partial date", s);
		return;
	}
	if (p.prec < OV_PREC_YEAR || p.prec > OV_PREC_DAY)
		fuzz_fail("'%s' parsed with precision %d", s, (int)p.prec);
	check_day(p.day, s);
	if (ov_pdate_last_day(p) < p.day)
		fuzz_fail("'%s' ends before it starts", s);
	check_day(ov_pdate_last_day(p), s);
	ov_pdate_format(p, out);
	if (strcmp(out, s) != 0)
		fuzz_fail("partial date '%s' formats back as '%s'", s, out);
	if (ov_pdate_parse(out, &again) < 0 || again.day != p.day ||
	    again.prec != p.prec)
		fuzz_fail("partial date '%s' does not parse back", out);
	if ((ov_date_parse(s, &full) == 0) != (p.prec == OV_PREC_DAY))
		fuzz_fail("'%s': ov_date_parse disagrees on precision", s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);

	check_date(s);
	check_pdate(s);
	free(s);
	return 0;
}

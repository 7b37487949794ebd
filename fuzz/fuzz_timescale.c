/*
 * Fuzz target: ov_timescale_due (src/core/timescale.c) on arbitrary text,
 * against a few publication days, including the ends of the accepted year
 * range and OV_DAY_NONE.
 *
 * Properties: the result is 0 or -1; a due date is a valid day within
 * OV_YEAR_MIN..OV_YEAR_MAX; the same call twice gives the same answer;
 * a relative phrase (one whose due date moves with the publication day,
 * or that starts "within"/"immediately") is never due before publication
 * and has no due date without a publication day; an absolute phrase gives
 * the same due date whatever the publication day.
 */
#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "core/timescale.h"
#include "fuzz.h"

#define NPUB 5

static ov_day pub_days[NPUB];

static void init_days(void)
{
	if (pub_days[0])
		return;
	pub_days[0] = ov_date_from_ymd(1900, 1, 1);
	pub_days[1] = ov_date_from_ymd(2014, 3, 31);
	pub_days[2] = ov_date_from_ymd(2018, 8, 31);
	pub_days[3] = ov_date_from_ymd(2020, 2, 29);
	pub_days[4] = ov_date_from_ymd(OV_YEAR_MAX, 12, 31);
}

/* Starts (after spaces) with a word that makes the phrase relative. */
static bool says_relative(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return strncasecmp(s, "within", 6) == 0 ||
	       strncasecmp(s, "immediately", 11) == 0;
}

static int due_checked(const char *s, ov_day pub, ov_day *due)
{
	ov_day again = 0;
	int rc = ov_timescale_due(s, pub, due);
	int y, m, d;

	if (rc != 0 && rc != -1)
		fuzz_fail("'%s': returned %d", s, rc);
	if (ov_timescale_due(s, pub, &again) != rc ||
	    (rc == 0 && again != *due))
		fuzz_fail("'%s': two calls disagree", s);
	if (rc < 0)
		return rc;
	if (*due == OV_DAY_NONE)
		fuzz_fail("'%s': success with no date", s);
	ov_date_to_ymd(*due, &y, &m, &d);
	if (y < OV_YEAR_MIN || y > OV_YEAR_MAX || !ov_date_valid_ymd(y, m, d))
		fuzz_fail("'%s': due %d-%d-%d", s, y, m, d);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	ov_day due[NPUB], none_due;
	int rc[NPUB], rc_none;
	bool relative = says_relative(s);

	init_days();
	for (int i = 0; i < NPUB; i++) {
		rc[i] = due_checked(s, pub_days[i], &due[i]);
		for (int j = 0; j < i; j++)
			if (rc[i] == 0 && rc[j] == 0 && due[i] != due[j])
				relative = true;
	}
	rc_none = due_checked(s, OV_DAY_NONE, &none_due);
	if (relative && rc_none == 0)
		fuzz_fail("'%s': relative phrase due without a publication day",
			  s);
	for (int i = 0; i < NPUB; i++) {
		if (rc[i] < 0)
			continue;
		if (relative && due[i] < pub_days[i])
			fuzz_fail("'%s': due before publication", s);
		/* Absolute phrases do not depend on the publication day. */
		if (!relative && (rc_none != 0 || none_due != due[i]))
			fuzz_fail("'%s': absolute phrase depends on publication",
				  s);
	}
	free(s);
	return 0;
}

#include "util/date.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static const char *const month_names[] = {
	"January", "February", "March",     "April",   "May",      "June",
	"July",    "August",   "September", "October", "November", "December",
};

bool ov_date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int ov_date_days_in_month(int y, int m)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30,
				  31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12)
		return 0;
	return dim[m - 1] + (m == 2 && ov_date_is_leap(y));
}

bool ov_date_valid_ymd(int y, int m, int d)
{
	return y >= OV_YEAR_MIN && y <= OV_YEAR_MAX && m >= 1 && m <= 12 &&
	       d >= 1 && d <= ov_date_days_in_month(y, m);
}

/* Howard Hinnant's days_from_civil, for the proleptic Gregorian calendar. */
ov_day ov_date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void ov_date_to_ymd(ov_day z, int *y, int *m, int *d)
{
	int era, doe, yoe, doy, mp, yy;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y = yy + (*m <= 2);
}

/* Reads exactly n digits from s into *v. */
static int digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

int ov_pdate_parse(const char *s, ov_pdate *out)
{
	int y, m = 1, d = 1;
	size_t n = s ? strlen(s) : 0;
	enum ov_prec prec;

	if (n == 4)
		prec = OV_PREC_YEAR;
	else if (n == 7 && s[4] == '-')
		prec = OV_PREC_MONTH;
	else if (n == 10 && s[4] == '-' && s[7] == '-')
		prec = OV_PREC_DAY;
	else
		return -1;
	if (digits(s, 4, &y) < 0)
		return -1;
	if (prec >= OV_PREC_MONTH && digits(s + 5, 2, &m) < 0)
		return -1;
	if (prec == OV_PREC_DAY && digits(s + 8, 2, &d) < 0)
		return -1;
	if (!ov_date_valid_ymd(y, m, d))
		return -1;
	out->day = ov_date_from_ymd(y, m, d);
	out->prec = prec;
	return 0;
}

int ov_date_parse(const char *s, ov_day *out)
{
	ov_pdate p;

	if (ov_pdate_parse(s, &p) < 0 || p.prec != OV_PREC_DAY)
		return -1;
	*out = p.day;
	return 0;
}

void ov_date_format(ov_day day, char out[11])
{
	int y, m, d;

	if (day == OV_DAY_NONE) {
		out[0] = '\0';
		return;
	}
	ov_date_to_ymd(day, &y, &m, &d);
	/* Day numbers come from validated dates, so each part fits. */
	y = ((y % 10000) + 10000) % 10000;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

void ov_pdate_format(ov_pdate p, char out[11])
{
	ov_date_format(p.day, out);
	if (p.prec == OV_PREC_NONE || p.day == OV_DAY_NONE)
		out[0] = '\0';
	else if (p.prec == OV_PREC_YEAR)
		out[4] = '\0';
	else if (p.prec == OV_PREC_MONTH)
		out[7] = '\0';
}

ov_day ov_date_add_months(ov_day day, int months)
{
	int y, m, d, t, dim;

	ov_date_to_ymd(day, &y, &m, &d);
	t = y * 12 + (m - 1) + months;
	y = t / 12;
	m = t % 12 + 1;
	dim = ov_date_days_in_month(y, m);
	return ov_date_from_ymd(y, m, d > dim ? dim : d);
}

ov_day ov_date_month_end(ov_day day)
{
	int y, m, d;

	ov_date_to_ymd(day, &y, &m, &d);
	return ov_date_from_ymd(y, m, ov_date_days_in_month(y, m));
}

ov_day ov_pdate_last_day(ov_pdate p)
{
	int y, m, d;

	if (p.day == OV_DAY_NONE)
		return OV_DAY_NONE;
	ov_date_to_ymd(p.day, &y, &m, &d);
	switch (p.prec) {
	case OV_PREC_YEAR:
		return ov_date_from_ymd(y, 12, 31);
	case OV_PREC_MONTH:
		return ov_date_month_end(p.day);
	default:
		return p.day;
	}
}

ov_day ov_date_today(void)
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	return ov_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

const char *ov_month_name(int m)
{
	return m >= 1 && m <= 12 ? month_names[m - 1] : "";
}

int ov_month_from_name(const char *s, size_t len)
{
	for (int i = 0; i < 12; i++)
		if (strlen(month_names[i]) == len &&
		    strncasecmp(month_names[i], s, len) == 0)
			return i + 1;
	return 0;
}

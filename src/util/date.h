#ifndef OV_UTIL_DATE_H
#define OV_UTIL_DATE_H
/*
 * Calendar dates without time or zone, as day numbers: days since
 * 1970-01-01 in the proleptic Gregorian calendar.  Day numbers compare and
 * subtract as integers.  OV_DAY_NONE means "no date".
 *
 * A partial date (ov_pdate) is what inspection reports often give: a year
 * ("published 2017"), a month ("fieldwork in February 2017") or a day.  It
 * keeps its precision so it prints back exactly as given; its `day` is the
 * first day of the period.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef int32_t ov_day;
#define OV_DAY_NONE INT32_MIN

/* Years accepted anywhere: wide enough for history, narrow enough to
 * catch typos such as 20018. */
#define OV_YEAR_MIN 1900
#define OV_YEAR_MAX 2199

enum ov_prec { OV_PREC_NONE = 0, OV_PREC_YEAR, OV_PREC_MONTH, OV_PREC_DAY };

typedef struct ov_pdate {
	ov_day day;
	enum ov_prec prec;
} ov_pdate;

#define OV_PDATE_NONE ((ov_pdate){OV_DAY_NONE, OV_PREC_NONE})

bool ov_date_valid_ymd(int y, int m, int d);
/* Day number of a valid y-m-d; the caller checks validity first. */
ov_day ov_date_from_ymd(int y, int m, int d);
void ov_date_to_ymd(ov_day day, int *y, int *m, int *d);
int ov_date_days_in_month(int y, int m);
bool ov_date_is_leap(int y);

/* Strict "YYYY-MM-DD" (nothing before or after).  Returns 0 and sets *out,
 * or -1 for anything else, including impossible dates like 2018-02-30. */
int ov_date_parse(const char *s, ov_day *out);
/* Writes "YYYY-MM-DD" and a NUL into out (11 bytes); "" for OV_DAY_NONE. */
void ov_date_format(ov_day day, char out[11]);

/* The same day `months` later (or earlier when negative), clamped to the
 * end of the target month: 31 August + 6 months = 28/29 February. */
ov_day ov_date_add_months(ov_day day, int months);
/* Last day of the month that `day` falls in. */
ov_day ov_date_month_end(ov_day day);
/* Today in the local time zone. */
ov_day ov_date_today(void);

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD".  Returns 0 or -1 as ov_date_parse. */
int ov_pdate_parse(const char *s, ov_pdate *out);
/* Writes the same form it was parsed from (11 bytes). */
void ov_pdate_format(ov_pdate p, char out[11]);
/* Last day of the period (the year, month or day). */
ov_day ov_pdate_last_day(ov_pdate p);

/* English month name, 1..12; "" otherwise. */
const char *ov_month_name(int m);
/* 1..12 for a full English month name (any case), 0 if none. */
int ov_month_from_name(const char *s, size_t len);

#endif

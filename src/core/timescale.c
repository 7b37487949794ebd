#include "core/timescale.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

/* Longer phrases are not timescales; refusing them bounds the work. */
#define MAX_PHRASE 200
/* The longest recognised form, "not later than 31 march 2015", has 6
 * words; one more lets us notice (and refuse) trailing words. */
#define MAX_WORDS 7
/* "within 999 days" is the most any count may say. */
#define MAX_COUNT 999

typedef struct words {
	char *buf; /* lower-cased copy, words NUL-separated */
	const char *w[MAX_WORDS];
	size_t n;
} words;

/* Splits phrase into lower-case words, after dropping surrounding space and
 * one trailing comma or full stop.  Returns -1 if there are too many. */
static int split(const char *phrase, words *out)
{
	size_t len = strlen(phrase);
	const char *s = phrase;
	char *p;

	/* Leading space falls away when splitting; trailing space must go
	 * first so the punctuation is last. */
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	if (len && (s[len - 1] == ',' || s[len - 1] == '.'))
		len--;
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	out->buf = ov_xstrndup(s, len);
	out->n = 0;
	for (p = out->buf; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	p = out->buf;
	for (;;) {
		while (isspace((unsigned char)*p))
			*p++ = '\0';
		if (!*p)
			return 0;
		if (out->n == MAX_WORDS)
			return -1;
		out->w[out->n++] = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
	}
}

static const char *const small[] = {
	"one",	   "two",      "three",	   "four",     "five",
	"six",	   "seven",    "eight",	   "nine",     "ten",
	"eleven",  "twelve",   "thirteen", "fourteen", "fifteen",
	"sixteen", "seventeen", "eighteen", "nineteen",
};

/* A number word (one..twenty-four, thirty), "a"/"an" (1) or 1..MAX_COUNT
 * in digits.  Returns the count, or -1. */
static int count_word(const char *w)
{
	size_t n = strlen(w);

	if (strcmp(w, "a") == 0 || strcmp(w, "an") == 0)
		return 1;
	if (n > 0 && n <= 3 && strspn(w, "0123456789") == n) {
		int v = atoi(w);
		return v >= 1 && v <= MAX_COUNT ? v : -1;
	}
	for (size_t i = 0; i < sizeof small / sizeof small[0]; i++)
		if (strcmp(w, small[i]) == 0)
			return (int)i + 1;
	if (strcmp(w, "twenty") == 0)
		return 20;
	if (strcmp(w, "thirty") == 0)
		return 30;
	if (strncmp(w, "twenty-", 7) == 0) {
		for (int i = 0; i < 4; i++)
			if (strcmp(w + 7, small[i]) == 0)
				return 21 + i;
	}
	return -1;
}

enum unit { U_DAY, U_WEEK, U_MONTH, U_YEAR, U_NONE };

static enum unit unit_word(const char *w)
{
	static const char *const names[] = {"day", "week", "month", "year"};
	size_t n = strlen(w);

	/* Singular or plural: "month" or "months". */
	if (n && w[n - 1] == 's')
		n--;
	for (int i = 0; i < 4; i++)
		if (strlen(names[i]) == n && strncmp(w, names[i], n) == 0)
			return (enum unit)i;
	return U_NONE;
}

/* Exactly four digits naming a year in the accepted range; else -1. */
static int year_word(const char *w)
{
	int y;

	if (strlen(w) != 4 || strspn(w, "0123456789") != 4)
		return -1;
	y = atoi(w);
	return y >= OV_YEAR_MIN && y <= OV_YEAR_MAX ? y : -1;
}

/* A day of the month: one or two digits, optionally "st"/"nd"/"rd"/"th".
 * Returns 1..31 or -1 (the month decides later whether it exists). */
static int mday_word(const char *w)
{
	size_t n = strspn(w, "0123456789");
	int d;

	if (n < 1 || n > 2)
		return -1;
	if (w[n] && strcmp(w + n, "st") && strcmp(w + n, "nd") &&
	    strcmp(w + n, "rd") && strcmp(w + n, "th"))
		return -1;
	d = (w[0] - '0') * (n == 2 ? 10 : 1) + (n == 2 ? w[1] - '0' : 0);
	return d >= 1 && d <= 31 ? d : -1;
}

static int month_word(const char *w)
{
	return ov_month_from_name(w, strlen(w));
}

static bool day_in_range(ov_day day)
{
	int y, m, d;

	ov_date_to_ymd(day, &y, &m, &d);
	return y >= OV_YEAR_MIN && y <= OV_YEAR_MAX;
}

/* "within N unit" */
static int within(const words *ws, ov_day published, ov_day *due)
{
	int n = count_word(ws->w[1]);
	enum unit u = unit_word(ws->w[2]);
	ov_day r;

	if (n < 0 || u == U_NONE || published == OV_DAY_NONE ||
	    !day_in_range(published))
		return -1;
	switch (u) {
	case U_DAY:
		r = published + n;
		break;
	case U_WEEK:
		r = published + 7 * n;
		break;
	case U_MONTH:
		r = ov_date_add_months(published, n);
		break;
	case U_YEAR:
		r = ov_date_add_months(published, 12 * n);
		break;
	default:
		return -1;
	}
	if (!day_in_range(r))
		return -1;
	*due = r;
	return 0;
}

/* "<Month> <YYYY>" at w[i], w[i+1]: the last day of that month. */
static int month_end(const words *ws, size_t i, ov_day *due)
{
	int m = month_word(ws->w[i]), y = year_word(ws->w[i + 1]);

	if (m == 0 || y < 0)
		return -1;
	*due = ov_date_from_ymd(y, m, ov_date_days_in_month(y, m));
	return 0;
}

/* "<D> <Month> <YYYY>" at w[i]..w[i+2]: that day, if it exists. */
static int exact_day(const words *ws, size_t i, ov_day *due)
{
	int d = mday_word(ws->w[i]), m = month_word(ws->w[i + 1]);
	int y = year_word(ws->w[i + 2]);

	if (d < 0 || m == 0 || y < 0 || !ov_date_valid_ymd(y, m, d))
		return -1;
	*due = ov_date_from_ymd(y, m, d);
	return 0;
}

static bool is(const words *ws, size_t i, const char *w)
{
	return i < ws->n && strcmp(ws->w[i], w) == 0;
}

static int match(const words *ws, ov_day published, ov_day *due)
{
	int y;

	if (ws->n == 1 && is(ws, 0, "immediately")) {
		if (published == OV_DAY_NONE)
			return -1;
		*due = published;
		return 0;
	}
	if (ws->n == 3 && is(ws, 0, "within"))
		return within(ws, published, due);
	if (ws->n == 6 && is(ws, 0, "not") && is(ws, 1, "later") &&
	    is(ws, 2, "than"))
		return exact_day(ws, 3, due);
	if (!is(ws, 0, "by"))
		return -1;
	if (ws->n == 3)
		return month_end(ws, 1, due);
	if (ws->n == 4)
		return exact_day(ws, 1, due);
	if (!is(ws, 1, "the") || !is(ws, 2, "end") || !is(ws, 3, "of"))
		return -1;
	if (ws->n == 6)
		return month_end(ws, 4, due);
	if (ws->n == 5 && (y = year_word(ws->w[4])) >= 0) {
		*due = ov_date_from_ymd(y, 12, 31);
		return 0;
	}
	return -1;
}

int ov_timescale_due(const char *phrase, ov_day published, ov_day *due)
{
	words ws;
	int rc = -1;

	if (!phrase || strnlen(phrase, MAX_PHRASE + 1) > MAX_PHRASE)
		return -1;
	if (split(phrase, &ws) == 0)
		rc = match(&ws, published, due);
	free(ws.buf);
	return rc;
}

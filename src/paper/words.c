#include "paper/words.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/mem.h"

static const char *const small[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven",
	"eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
	"fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
};

char *ov_ordinal(int n)
{
	const char *suf = "th";
	int last2 = n % 100, last = n % 10;

	if (last2 < 11 || last2 > 13) {
		if (last == 1)
			suf = "st";
		else if (last == 2)
			suf = "nd";
		else if (last == 3)
			suf = "rd";
	}
	return ov_xasprintf("%d%s", n, suf);
}

char *ov_number_words(int n)
{
	if (n >= 0 && n <= 20)
		return ov_xstrdup(small[n]);
	return ov_xasprintf("%d", n);
}

char *ov_date_long(ov_day d)
{
	int y, m, dd;
	char *o, *s;

	if (d == OV_DAY_NONE)
		return ov_xstrdup("");
	ov_date_to_ymd(d, &y, &m, &dd);
	o = ov_ordinal(dd);
	s = ov_xasprintf("%s %s %d", o, ov_month_name(m), y);
	free(o);
	return s;
}

char *ov_day_range(ov_day from, ov_day to)
{
	int y1, m1, d1, y2, m2, d2;
	char *a, *b, *s;
	const char *sep;

	if (to == OV_DAY_NONE || to <= from)
		to = from;
	ov_date_to_ymd(from, &y1, &m1, &d1);
	ov_date_to_ymd(to, &y2, &m2, &d2);
	a = ov_ordinal(d1);
	if (to == from)
		return a;
	b = ov_ordinal(d2);
	sep = to == from + 1 ? "&" : "\u2013";
	if (y1 == y2 && m1 == m2)
		s = ov_xasprintf("%s %s %s", a, sep, b);
	else if (y1 == y2)
		s = ov_xasprintf("%s %s %s %s %s", a, ov_month_name(m1), sep,
				 b, ov_month_name(m2));
	else
		s = ov_xasprintf("%s %s %d %s %s %s %d", a, ov_month_name(m1),
				 y1, sep, b, ov_month_name(m2), y2);
	free(a);
	free(b);
	return s;
}

char *ov_pdate_words(ov_pdate p)
{
	int y, m, d;

	if (p.day == OV_DAY_NONE || p.prec == OV_PREC_NONE)
		return ov_xstrdup("");
	ov_date_to_ymd(p.day, &y, &m, &d);
	if (p.prec == OV_PREC_YEAR)
		return ov_xasprintf("%d", y);
	if (p.prec == OV_PREC_MONTH)
		return ov_xasprintf("%s %d", ov_month_name(m), y);
	return ov_date_long(p.day);
}

char *ov_pdate_range(ov_pdate from, ov_pdate to)
{
	char *a, *b, *s;

	if (from.prec == OV_PREC_DAY &&
	    (to.prec == OV_PREC_DAY || to.prec == OV_PREC_NONE))
		return ov_day_range(from.day, to.prec == OV_PREC_DAY ? to.day
							       : from.day);
	if (from.prec == OV_PREC_MONTH &&
	    (to.prec == OV_PREC_NONE ||
	     (to.prec == OV_PREC_MONTH && to.day == from.day)))
		return ov_xstrdup("During the month");
	a = ov_pdate_words(from);
	if (to.prec == OV_PREC_NONE ||
	    (to.prec == from.prec && to.day == from.day))
		return a;
	b = ov_pdate_words(to);
	s = ov_xasprintf("%s \u2013 %s", a, b);
	free(a);
	free(b);
	return s;
}

/* The words a line uses to name a recommendation: its subject; else the
 * opening words of its text (up to eight, then an ellipsis), so that
 * recommendations under one area heading are told apart; else its area;
 * else its ref.  A fresh string. */
char *ov_rec_name(const ov_rec *rec)
{
	const char *t = rec->text ? rec->text : rec->finding;
	const char *q, *rest;
	int words = 0;

	if (rec->subject)
		return ov_xstrdup(rec->subject);
	if (!t || !*t)
		return ov_xstrdup(rec->area ? rec->area : rec->ref);
	while (*t == ' ' || *t == '\n')
		t++;
	for (q = t; *q && *q != '\n';) {
		while (*q && *q != ' ' && *q != '\n')
			q++;
		if (++words == 8)
			break;
		while (*q == ' ')
			q++;
	}
	rest = q;
	while (*rest && strchr(" ,;:.\n", *rest))
		rest++;
	while (q > t && strchr(" ,;:.", q[-1]))
		q--;
	return ov_xasprintf("%.*s%s", (int)(q - t), t,
			    *rest ? "\u2026" : "");
}

/* How many there are of each kind, in words: "three areas for
 * improvement", "one cause of concern, two recommendations and three
 * areas for improvement".  A fresh string. */
char *ov_kinds_words(const size_t n[3])
{
	static const char *const one[3] = {"cause of concern",
					   "recommendation",
					   "area for improvement"};
	static const char *const many[3] = {"causes of concern",
					    "recommendations",
					    "areas for improvement"};
	ov_buf b = OV_BUF_INIT;
	size_t parts = 0, done = 0;

	for (int k = 0; k < 3; k++)
		parts += n[k] > 0;
	if (parts == 0)
		return ov_xstrdup("no recommendations");
	for (int k = 0; k < 3; k++) {
		char *w;

		if (n[k] == 0)
			continue;
		w = ov_number_words((int)n[k]);
		ov_buf_printf(&b, "%s%s %s",
			      done == 0 ? "" : done + 1 == parts ? " and " : ", ",
			      w, n[k] == 1 ? one[k] : many[k]);
		free(w);
		done++;
	}
	return ov_buf_detach(&b);
}

/* A date at the precision it is known: "6th September 2018", "September
 * 2018", "2018". */
char *ov_day_words(ov_day d, enum ov_precision prec)
{
	ov_pdate p = {d, prec == OV_PRECISION_MONTH  ? OV_PREC_MONTH
			 : prec == OV_PRECISION_YEAR ? OV_PREC_YEAR
						     : OV_PREC_DAY};

	return ov_pdate_words(p);
}

/* "on 6th September 2018", or "in September 2018" when only the month
 * is known. */
char *ov_when_words(ov_day d, enum ov_precision prec)
{
	char *w = ov_day_words(d, prec);
	char *s = ov_xasprintf("%s %s", prec == OV_PRECISION_NONE ? "on"
						: "in", w);

	free(w);
	return s;
}

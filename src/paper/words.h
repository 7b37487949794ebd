#ifndef OV_PAPER_WORDS_H
#define OV_PAPER_WORDS_H
/*
 * Dates and numbers written the way the committee paper's authors write
 * them.  Every function returns a fresh string the caller frees.
 */
#include <stddef.h>

#include "core/model.h"
#include "util/date.h"

/* "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd"... */
char *ov_ordinal(int n);
/* "one".."twenty" for 1..20, "zero" for 0, digits otherwise. */
char *ov_number_words(int n);
/* "27th September 2018"; "" for OV_DAY_NONE. */
char *ov_date_long(ov_day d);
/* A day range as people write it in a list under a month heading:
 *   one day                 "2nd"
 *   two consecutive days    "9th & 10th"
 *   longer, same month      "13th – 17th" (en dash)
 *   crossing a month        "30th June – 2nd July" / "31st July & 1st August"
 * to < from or to == OV_DAY_NONE is treated as one day. */
char *ov_day_range(ov_day from, ov_day to);
/* The days of something dated by partial dates, under a month heading:
 * ov_day_range when both ends are days (to absent: one day); "During the
 * month" when the start is known only to its month; else the start's
 * words (ov_pdate_words), with " – " and the end's when it differs. */
char *ov_pdate_range(ov_pdate from, ov_pdate to);
/* A partial date in words: "2017", "February 2017", "3rd February 2017". */
char *ov_pdate_words(ov_pdate p);

/* The words a line names a recommendation by: its subject; else the
 * opening words of its text (up to eight, then an ellipsis), so that
 * recommendations under one area heading are told apart; else its area;
 * else its ref. */
char *ov_rec_name(const ov_rec *rec);
/* How many of each kind (indexed by enum ov_rec_kind), named by what they
 * are: "three areas for improvement", "one cause of concern, two
 * recommendations and three areas for improvement"; "no
 * recommendations" when all are 0. */
char *ov_kinds_words(const size_t n[3]);
/* A date at the precision it is known (enum ov_precision): "6th
 * September 2018", "September 2018", "2018". */
char *ov_day_words(ov_day d, enum ov_precision prec);
/* "on 6th September 2018", or "in September 2018" when only the month
 * (or year) is known. */
char *ov_when_words(ov_day d, enum ov_precision prec);

#endif

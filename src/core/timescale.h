#ifndef OV_CORE_TIMESCALE_H
#define OV_CORE_TIMESCALE_H
/*
 * Timescale phrases as HMICFRS writes them, turned into due dates relative
 * to a report's publication day.  Matching ignores case, surrounding
 * spaces and a trailing comma or full stop.
 *
 *   "Immediately"                         the publication day
 *   "Within six months" / "within 6 months" / "Within twelve months" /
 *   "within six weeks" / "within 30 days" / "within a year"
 *                                          publication + N (month ends clamp)
 *   "By September 2014"                   30 September 2014 (end of month)
 *   "By the end of April 2014"            30 April 2014
 *   "By 31 March 2019" / "Not later than 31 March 2015"   that day
 *   "By the end of 2015"                  31 December 2015
 * Number words one..twenty-four, eighteen, thirty, and digits are accepted.
 */
#include "util/date.h"

/* Returns 0 and sets *due, or -1 when the phrase is not recognised or needs
 * a publication day that is OV_DAY_NONE.  Never guesses: an unknown phrase
 * gives -1 and the caller keeps the text with no due date. */
int ov_timescale_due(const char *phrase, ov_day published, ov_day *due);

#endif

#ifndef OV_TESTS_IO_FIXTURE_H
#define OV_TESTS_IO_FIXTURE_H
/*
 * A small register with awkward text (quotes, commas, CRLF and LF,
 * "– ’ é ü", markup characters) for the export tests.  As at FIX_AS_AT
 * (2018-09-27) it holds, in ref order:
 *   CDI-2017-R02  Closed, due 2018-03-31 (given), no owner, report's plan
 *   MS-2017-R01   Open, Amber, due 2018-04-24 (within six months of
 *                 2017-10-24), owned, updated 2018-03-01
 *   MS-2017-R04   Open, no RAG, its own plan, two bullets
 * and MS-2017-R09, created after the date.  Assessments "PEEL 2017"
 * (2017-11-01), "IPA November 2018" (2018-09-01: question 1 to be inspected
 * in November 2018, question 2 carried from PEEL 2017) and one dated after
 * the date; two activities, one after the date.
 */
#include "core/model.h"

#define FIX_AS_AT "2018-09-27"

/* The strings the tests compare against. */
#define FIX_AREA1 "Leadership, \"awkward\" & <area>"
#define FIX_TEXT1 "Forces should \xe2\x80\x93 by \xe2\x80\x99" "design\xe2\x80\x99 \xe2\x80\x93 act.\r\nSecond line, \"quoted\"\nthird"
#define FIX_UPDATE1 "Update \xe2\x80\x93 caf\xc3\xa9, \xc3\xbc \"x\"\nline two"
#define FIX_TITLE2 "Crime data integrity \xe2\x80\x93 \"CDI\", 2017"
#define FIX_PLAN2 "Plan \"B\", revised"
#define FIX_SUBJECT1 "NPU Insight visit, \xe2\x80\x9cWV\xe2\x80\x9d & <b>"

/* A new sorted dataset; free with ov_dataset_free(). */
ov_dataset *fix_dataset(void);
/* "YYYY-MM-DD" to a day number; aborts on a bad date (a test bug). */
ov_day fix_day(const char *s);

#endif

#ifndef OV_TESTS_STORE_FIXTURE_H
#define OV_TESTS_STORE_FIXTURE_H
/* Datasets built in C for the store tests, and a field-by-field compare. */
#include "core/model.h"

/* Day number of "YYYY-MM-DD" (the test's own literals, always valid). */
ov_day fx_day(const char *s);
/* The small hand-made dataset described in test_store.c, sorted. */
ov_dataset *fx_small(void);
/* n recs with random valid timelines (seeded), for the fold check. */
ov_dataset *fx_random(unsigned seed, size_t n);
/* Append an event to a rec's timeline; strings are copied. */
ov_event *fx_event(ov_rec *r, const char *date, enum ov_event_kind k,
		   const char *author, const char *text);
/* Number of differences between a and b, each described as a TAP
 * comment. */
int fx_diff(const ov_dataset *a, const ov_dataset *b);
int fx_diff_rec(const ov_rec *a, const ov_rec *b);

#endif

#ifndef OV_TESTS_TAP_H
#define OV_TESTS_TAP_H
/*
 * A minimal TAP producer for the unit tests (header-only).  Each check
 * prints "ok N - name" or "not ok N - name" with the values that differed;
 * tap_skip() prints "ok N # SKIP reason" for a check that could not run,
 * which TAP readers (meson, scripts/test-summary.py) count as skipped, not
 * passed; tap_done() prints the plan and returns the exit status (1 if any
 * failed).
 */
#include <stdio.h>
#include <string.h>

/* One count per test program, shared by all its files: each file that
 * includes this defines the two weakly, and the linker keeps one. */
__attribute__((weak)) int tap_n, tap_failed;

static inline int tap_ok(int cond, const char *name)
{
	tap_n++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - %s\n", cond ? "" : "not ", tap_n, name);
	fflush(stdout);
	return cond;
}

static inline int tap_is_int(long long got, long long want, const char *name)
{
	int r = tap_ok(got == want, name);
	if (!r)
		printf("#   got: %lld\n#  want: %lld\n", got, want);
	return r;
}

static inline int tap_is_str(const char *got, const char *want,
			     const char *name)
{
	int same = (got == NULL && want == NULL) ||
		   (got && want && strcmp(got, want) == 0);
	int r = tap_ok(same, name);
	if (!r)
		printf("#   got: %s\n#  want: %s\n", got ? got : "(null)",
		       want ? want : "(null)");
	return r;
}

/* One check that could not run here, and why (one line, no '#'). */
static inline void tap_skip(const char *reason)
{
	tap_n++;
	printf("ok %d # SKIP %s\n", tap_n, reason);
	fflush(stdout);
}

static inline void tap_diag(const char *msg)
{
	printf("# %s\n", msg);
}

static inline int tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif

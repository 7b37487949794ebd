/*
 * bench-register DB [REPS]: the time of one ov_app_register call for the
 * web's list page (status open, page 3 of 50 rows: offset 100, limit 50,
 * as at today), on an open register, best / median / 99th percentile of
 * REPS calls (default 2000) after one to warm the cache.  Next to it, in
 * the same run: the same call with search words, the count alone (a page
 * of one row), the data generation, and the same list by folding every
 * timeline (f.fold, a few calls), the way the register was read before
 * the stored state.  Prints Markdown rows; see bench/README.md.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/app.h"

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

typedef struct run {
	size_t n, total;
} run;

/* One call of what; its rows and total into *r.  -1 on failure. */
static int call(ov_app *a, const ov_rec_filter *f, run *r)
{
	ov_diag d = OV_DIAG_INIT;
	ov_register reg = {0};
	int rc = ov_app_register(a, f, &reg, &d);

	if (rc != 0)
		ov_diag_print(&d, stderr, "bench-register: ");
	r->n = reg.n;
	r->total = reg.total;
	ov_register_release(&reg);
	ov_diag_release(&d);
	return rc;
}

static int generation(ov_app *a, run *r)
{
	ov_diag d = OV_DIAG_INIT;
	uint64_t g = 0;
	int rc = ov_app_generation(a, &g, &d);

	r->n = 1;
	r->total = (size_t)g;
	ov_diag_release(&d);
	return rc;
}

/* reps timed calls (f NULL: the generation); one row of the table. */
static int measure(ov_app *a, const char *label, const ov_rec_filter *f,
		   int reps)
{
	double *t = calloc((size_t)reps, sizeof *t);
	run r = {0, 0};
	int bad = t == NULL;

	bad |= f ? call(a, f, &r) : generation(a, &r); /* warm */
	for (int i = 0; i < reps && !bad; i++) {
		double t0 = now_us();

		bad |= f ? call(a, f, &r) : generation(a, &r);
		t[i] = now_us() - t0;
	}
	if (!bad) {
		qsort(t, (size_t)reps, sizeof *t, cmp_double);
		printf("| %s | %zu rows of %zu | %.0f µs | %.0f µs | %.0f µs | "
		       "%d |\n",
		       label, r.n, r.total, t[0], t[reps / 2],
		       t[reps - 1 - reps / 100], reps);
	}
	free(t);
	return bad ? -1 : 0;
}

int main(int argc, char **argv)
{
	ov_diag d = OV_DIAG_INIT;
	ov_app *a = NULL;
	ov_rec_filter f;
	int reps = argc > 2 ? atoi(argv[2]) : 2000, bad = 0;

	if (argc < 2 || reps < 10) {
		fprintf(stderr, "usage: bench-register DB [REPS >= 10]\n");
		return 2;
	}
	if (ov_app_open(argv[1], &a, &d) != 0) {
		ov_diag_print(&d, stderr, "bench-register: ");
		ov_diag_release(&d);
		return 1;
	}
	printf("| what | rows | best | median | p99 | calls |\n");
	printf("|---|---|---|---|---|---|\n");
	ov_rec_filter_init(&f, ov_date_today());
	bad |= ov_rec_filter_set(&f, "status", "open", &d);
	f.offset = 100;
	f.limit = 50;
	bad |= measure(a, "status=open, page 3 (offset 100, limit 50), "
			  "from the stored state", &f, reps);
	f.limit = 1;
	f.offset = 0;
	bad |= measure(a, "... the count alone (a page of one row)", &f,
		       reps);
	f.limit = 50;
	f.offset = 100;
	f.sort = OV_SORT_DUE;
	bad |= measure(a, "... sorted by due date", &f, reps);
	f.sort = OV_SORT_REPORT;
	f.q = "synthetic 4242";
	bad |= measure(a, "... with q=\"synthetic 4242\" (one rec)", &f,
		       reps);
	f.q = "F22";
	bad |= measure(a, "... with q=\"F22\" (one force's refs)", &f, reps);
	f.q = "continues";
	bad |= measure(a, "... with q=\"continues\" (a word of every "
			  "progress note)", &f, reps / 20 > 10 ? reps / 20 : 10);
	f.q = NULL;
	bad |= measure(a, "the data generation (ov_app_generation)", NULL,
		       reps);
	f.fold = true;
	bad |= measure(a, "status=open, page 3, by folding every timeline "
			  "(as before)", &f, 10);
	ov_app_close(a);
	ov_diag_release(&d);
	return bad ? 1 : 0;
}

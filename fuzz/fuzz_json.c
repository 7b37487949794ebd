/*
 * Fuzz target: the "oversight/1" reader (ov_json_read_buf, src/io/json_*.c).
 *
 * Properties: a document is accepted (a dataset, no NULL) or rejected (no
 * dataset and at least one message).  What is accepted is written
 * canonically with ov_json_write; that output must be accepted again, and
 * writing the second dataset must give the same bytes (the writer's
 * promise in src/io/json.h).  The fast reader (json_fast.c) and jansson's
 * path must agree: the same verdict, the same messages, the same dataset.
 * Everything is freed, so LeakSanitizer checks the error paths too.
 */
#include <string.h>

#include "fuzz.h"
#include "io/json.h"
#include "io/json_shape.h"

/* Write ds canonically into a new string; *len gets its length. */
static char *write_json(const ov_dataset *ds, size_t *len, const char *what)
{
	ov_diag d = OV_DIAG_INIT;
	char *out = NULL;
	FILE *f = open_memstream(&out, len);

	if (!f)
		fuzz_fail("open_memstream failed");
	if (ov_json_write(ds, f, &d) < 0) {
		ov_diag_print(&d, stderr, what);
		fuzz_fail("%s: ov_json_write failed", what);
	}
	if (fclose(f) != 0)
		fuzz_fail("%s: closing the memory stream failed", what);
	ov_diag_release(&d);
	return out;
}

static void round_trip(const ov_dataset *ds)
{
	ov_diag d = OV_DIAG_INIT;
	ov_dataset *again = NULL;
	size_t len1 = 0, len2 = 0;
	char *out1 = write_json(ds, &len1, "first write");
	char *out2;

	if (ov_json_read_buf("rewritten", out1, len1, &again, &d) < 0 ||
	    !again) {
		ov_diag_print(&d, stderr, "re-read");
		fprintf(stderr, "%s", out1);
		fuzz_fail("the writer's output is rejected by the reader");
	}
	out2 = write_json(again, &len2, "second write");
	if (len1 != len2 || memcmp(out1, out2, len1) != 0) {
		fprintf(stderr, "--- first\n%s--- second\n%s", out1, out2);
		fuzz_fail("writing the re-read dataset gives other bytes");
	}
	free(out1);
	free(out2);
	ov_dataset_free(again);
	ov_diag_release(&d);
}

/* The same input through jansson alone must give the same result. */
static void same_as_slow(const uint8_t *data, size_t size, int rc,
			 const ov_dataset *ds, const ov_diag *d)
{
	ov_diag d2 = OV_DIAG_INIT;
	ov_dataset *ds2 = NULL;
	int rc2 = ov_json_read_slow("fuzz", (const char *)data, size, &ds2,
				    &d2);

	if (rc2 != rc)
		fuzz_fail("fast path says %d, jansson says %d", rc, rc2);
	if (ov_diag_count(&d2) != ov_diag_count(d))
		fuzz_fail("fast path gives %zu messages, jansson %zu",
			  ov_diag_count(d), ov_diag_count(&d2));
	for (size_t i = 0; i < d->n && i < d2.n; i++)
		if (strcmp(d->msg[i], d2.msg[i]) != 0)
			fuzz_fail("message %zu differs: '%s' / '%s'", i,
				  d->msg[i], d2.msg[i]);
	if (rc == 0) {
		size_t l1 = 0, l2 = 0;
		char *o1 = write_json(ds, &l1, "fast");
		char *o2 = write_json(ds2, &l2, "jansson");

		if (l1 != l2 || memcmp(o1, o2, l1) != 0)
			fuzz_fail("fast path and jansson read other datasets");
		free(o1);
		free(o2);
	}
	ov_dataset_free(ds2);
	ov_diag_release(&d2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ov_diag d = OV_DIAG_INIT;
	ov_dataset *ds = NULL;
	int rc = ov_json_read_buf("fuzz", (const char *)data, size, &ds, &d);

	same_as_slow(data, size, rc, ds, &d);
	if (rc == 0) {
		if (!ds)
			fuzz_fail("accepted without a dataset");
		round_trip(ds);
	} else if (rc != -1 || ds || ov_diag_count(&d) == 0) {
		fuzz_fail("rejected with rc %d, dataset %p, %zu messages", rc,
			  (void *)ds, ov_diag_count(&d));
	}
	ov_dataset_free(ds);
	ov_diag_release(&d);
	return 0;
}

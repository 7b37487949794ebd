/* util/diag.h: values quoted in messages are cut (issue 6, item 10). */
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "util/diag.h"
#include "util/mem.h"

static char *quoted(const char *s)
{
	return ov_xasprintf("'" OV_DIAG_Q "'", OV_DIAG_QV(s));
}

static void check(const char *s, const char *want, const char *name)
{
	char *got = quoted(s);

	tap_is_str(got, want, name);
	free(got);
}

int main(void)
{
	static char big[131073];
	char *want;
	ov_diag d = OV_DIAG_INIT;

	check("", "''", "empty");
	check("short", "'short'", "a short value whole");
	memset(big, 'x', 80);
	big[80] = '\0';
	want = ov_xasprintf("'%s'", big);
	check(big, want, "80 characters: whole");
	free(want);
	memset(big, 'x', 131072);
	big[131072] = '\0';
	want = ov_xasprintf("'%.79s\xe2\x80\xa6'", big);
	check(big, want, "128 KB: 79 characters and an ellipsis");
	free(want);
	/* Cut on a character boundary: 100 two-byte characters. */
	for (int i = 0; i < 100; i++)
		memcpy(big + 2 * i, "\xc3\xa9", 2);
	big[200] = '\0';
	tap_is_int(ov_diag_qlen(big), 158, "UTF-8: 79 whole characters");
	tap_is_str(ov_diag_qtail(big), "\xe2\x80\xa6", "and the ellipsis");
	memset(big, 'y', 131072);
	big[131072] = '\0';
	ov_diag_at(&d, OV_PROB_NOTFOUND, "force",
		   "no force '" OV_DIAG_Q "' in the register", OV_DIAG_QV(big));
	tap_ok(d.n == 1 && strlen(d.msg[0]) < 120,
	       "a problem quoting 128 KB stays short");
	ov_diag_release(&d);
	return tap_done();
}

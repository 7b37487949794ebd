#include "util/file.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/mem.h"

int ov_outfile_open(ov_outfile *o, const char *path, ov_diag *d)
{
	int fd;

	memset(o, 0, sizeof *o);
	if (strcmp(path, "-") == 0) {
		o->f = stdout;
		return 0;
	}
	o->path = ov_xstrdup(path);
	o->tmp = ov_xasprintf("%s.tmp-XXXXXX", path);
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		ov_diag_at(d, OV_PROB_RUNTIME, path, "cannot write: %s",
			   strerror(errno));
		goto fail;
	}
	o->f = fdopen(fd, "w");
	if (!o->f) {
		ov_diag_at(d, OV_PROB_RUNTIME, path, "cannot write: %s",
			   strerror(errno));
		close(fd);
		unlink(o->tmp);
		goto fail;
	}
	return 0;
fail:
	free(o->path);
	free(o->tmp);
	memset(o, 0, sizeof *o);
	return -1;
}

int ov_outfile_commit(ov_outfile *o, ov_diag *d)
{
	int rc = -1;

	if (!o->tmp) {
		rc = fflush(o->f) == 0 && !ferror(o->f) ? 0 : -1;
		if (rc < 0)
			ov_diag_at(d, OV_PROB_RUNTIME, "standard output",
				   "write failed: %s", strerror(errno));
		memset(o, 0, sizeof *o);
		return rc;
	}
	if (fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0) {
		ov_diag_at(d, OV_PROB_RUNTIME, o->path, "write failed: %s",
			   strerror(errno));
		goto out;
	}
	if (fclose(o->f) != 0) {
		o->f = NULL;
		ov_diag_at(d, OV_PROB_RUNTIME, o->path, "write failed: %s",
			   strerror(errno));
		goto out;
	}
	o->f = NULL;
	if (rename(o->tmp, o->path) != 0) {
		ov_diag_at(d, OV_PROB_RUNTIME, o->path, "cannot replace: %s",
			   strerror(errno));
		goto out;
	}
	free(o->tmp);
	o->tmp = NULL;
	rc = 0;
out:
	ov_outfile_abort(o);
	return rc;
}

void ov_outfile_abort(ov_outfile *o)
{
	if (!o)
		return;
	if (o->f && o->f != stdout)
		fclose(o->f);
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof *o);
}

/* The size of a regular file, capped at max, to read it in one go; 0 when
 * unknown (a pipe, a terminal). */
static size_t size_hint(FILE *f, size_t max)
{
	struct stat st;

	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size <= 0)
		return 0;
	return (uint64_t)st.st_size < max ? (size_t)st.st_size : max;
}

int ov_file_read_all(const char *path, size_t max, char **data, size_t *len,
		     ov_diag *d)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	size_t cap, n = 0, hint;
	char *buf = NULL;
	int rc = -1;

	*data = NULL;
	*len = 0;
	/* A file the request names that is not there (or not readable) is
	 * the request's problem; a failure while reading it is not. */
	if (!f) {
		ov_diag_at(d, OV_PROB_INPUT, path, "cannot read: %s",
			   strerror(errno));
		return -1;
	}
	/* Room for the whole file, its NUL, and one byte more so that the
	 * end is seen without growing: one allocation and no copies. */
	hint = size_hint(f, max);
	cap = (hint ? hint : 65536) + 2;
	buf = ov_xmalloc(cap);
	for (;;) {
		n += fread(buf + n, 1, cap - 1 - n, f);
		if (n > max) {
			ov_diag_at(d, OV_PROB_INPUT, path,
				   "larger than the %zu bytes allowed", max);
			goto out;
		}
		if (n < cap - 1)
			break; /* the end, or an error */
		cap *= 2;
		buf = ov_xrealloc(buf, cap);
	}
	if (ferror(f)) {
		ov_diag_at(d, OV_PROB_RUNTIME, path, "read failed: %s",
			   strerror(errno));
		goto out;
	}
	buf[n] = '\0';
	*len = n;
	*data = buf;
	buf = NULL;
	rc = 0;
out:
	if (f != stdin)
		fclose(f);
	free(buf);
	return rc;
}

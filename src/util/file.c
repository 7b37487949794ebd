#include "util/file.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/buf.h"
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
		ov_diag_add(d, "%s: cannot write: %s", path, strerror(errno));
		goto fail;
	}
	o->f = fdopen(fd, "w");
	if (!o->f) {
		ov_diag_add(d, "%s: cannot write: %s", path, strerror(errno));
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
			ov_diag_add(d, "standard output: write failed: %s",
				    strerror(errno));
		memset(o, 0, sizeof *o);
		return rc;
	}
	if (fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0) {
		ov_diag_add(d, "%s: write failed: %s", o->path,
			    strerror(errno));
		goto out;
	}
	if (fclose(o->f) != 0) {
		o->f = NULL;
		ov_diag_add(d, "%s: write failed: %s", o->path,
			    strerror(errno));
		goto out;
	}
	o->f = NULL;
	if (rename(o->tmp, o->path) != 0) {
		ov_diag_add(d, "%s: cannot replace: %s", o->path,
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

int ov_file_read_all(const char *path, size_t max, char **data, size_t *len,
		     ov_diag *d)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	ov_buf b = OV_BUF_INIT;
	char chunk[65536];
	size_t n;
	int rc = -1;

	*data = NULL;
	*len = 0;
	if (!f) {
		ov_diag_add(d, "%s: cannot read: %s", path, strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + n > max) {
			ov_diag_add(d, "%s: larger than the %zu bytes allowed",
				    path, max);
			goto out;
		}
		ov_buf_add(&b, chunk, n);
	}
	if (ferror(f)) {
		ov_diag_add(d, "%s: read failed: %s", path, strerror(errno));
		goto out;
	}
	*len = b.len;
	*data = ov_buf_detach(&b);
	rc = 0;
out:
	if (f != stdin)
		fclose(f);
	ov_buf_release(&b);
	return rc;
}

#ifndef OV_UTIL_FILE_H
#define OV_UTIL_FILE_H
/*
 * Output files that appear whole or not at all: data goes to a temporary
 * file beside the target ("PATH.tmp-XXXXXX"), which ov_outfile_commit()
 * flushes, fsyncs and renames over PATH.  ov_outfile_abort() (or a failed
 * commit) removes the temporary file, so no partial output is ever left.
 * A path of "-" means stdout (no temporary file; commit just flushes).
 */
#include <stdio.h>

#include "util/diag.h"

typedef struct ov_outfile {
	FILE *f;       /* write here */
	char *path;    /* the target */
	char *tmp;     /* the temporary file, NULL for stdout */
} ov_outfile;

/* Returns 0, or -1 with a runtime problem at PATH in d (e.g. directory
 * missing or not writable). */
int ov_outfile_open(ov_outfile *o, const char *path, ov_diag *d);
/* Returns 0, or -1 with a runtime problem at PATH (or "standard output")
 * in d; either way o is released. */
int ov_outfile_commit(ov_outfile *o, ov_diag *d);
/* Discards the output.  Safe on a zeroed or already released o. */
void ov_outfile_abort(ov_outfile *o);

/* Read a whole file ("-": stdin) into a fresh NUL-terminated buffer,
 * refusing more than max bytes.  Returns 0 with *data and *len set (caller
 * frees *data), or -1 with a problem at PATH in d: OV_PROB_INPUT when the
 * file is larger than max, OV_PROB_RUNTIME when it cannot be read. */
int ov_file_read_all(const char *path, size_t max, char **data, size_t *len,
		     ov_diag *d);

#endif

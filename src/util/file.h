#ifndef OV_UTIL_FILE_H
#define OV_UTIL_FILE_H
/*
 * Output files that appear whole or not at all, and that never destroy
 * what the name stands for.  What ov_outfile_open() does with PATH depends
 * on what is there:
 *
 *  - "-": standard output (no temporary file; commit just flushes).
 *  - nothing, or a regular file: data goes to a temporary file beside the
 *    target (".ov-XXXXXX" in the same directory: short, so any name the
 *    file system takes still works), which ov_outfile_commit() flushes,
 *    fsyncs and renames over PATH.  A new file gets the mode 0666 less the
 *    umask (as any program's new file); an existing one keeps its mode.
 *  - a FIFO or a character device (a pipe, /dev/null, a terminal): written
 *    through, never replaced; such output cannot be whole or nothing.
 *  - a symbolic link: what it leads to, as above; a link to a regular file
 *    has that file replaced (the link stays a link), a link to nothing is
 *    refused.
 *  - a directory, a block device, a socket: refused.
 *
 * ov_outfile_abort() (or a failed commit) removes the temporary file, and
 * so does SIGINT, SIGTERM or SIGHUP while one exists (a handler installed
 * on first use where the signal's action is the default; it unlinks, then
 * the signal takes its default course), so no partial output is ever left.
 */
#include <stdbool.h>
#include <stdio.h>

#include "util/diag.h"

typedef struct ov_outfile {
	FILE *f;       /* write here */
	char *path;    /* the name given, for messages */
	char *target;  /* the file replaced: path, or where its link leads */
	char *tmp;     /* the temporary file, NULL for stdout or through */
	char *scratch; /* ov_outfile_scratch()'s file, NULL if none */
	int slot;      /* tmp's place in the signal handler's list, or -1 */
	int scratch_slot;
} ov_outfile;

/* Returns 0, or -1 with a problem at PATH in d: OV_PROB_INPUT for a name
 * that cannot be an output (a directory, a link to nothing, a block
 * device, one of the files in keep), OV_PROB_RUNTIME when it cannot be
 * written (directory missing or not writable). */
int ov_outfile_open(ov_outfile *o, const char *path, ov_diag *d);
/* The same, refusing a PATH that is (or would replace, or would create) one
 * of the files named in keep, a NULL-terminated list (NULL for none).
 * Compared by device and inode, so another name, a hard link or a symbolic
 * link for one of them is refused too; a file of keep that does not exist
 * is compared by its directory's device and inode and its name. */
int ov_outfile_open_except(ov_outfile *o, const char *path,
			   const char *const *keep, ov_diag *d);
/* For a writer that wants a file name rather than o->f (a library writing
 * a zip): a file it may create or truncate and fill, whose content commit
 * then makes the output.  It is the temporary file when there is one,
 * otherwise a private file in $TMPDIR (or /tmp) that commit copies through
 * o->f and removes.  Returns the name (owned by o), or NULL with a runtime
 * problem at PATH in d; not for standard output. */
const char *ov_outfile_scratch(ov_outfile *o, ov_diag *d);
/* Returns 0, or -1 with a runtime problem at PATH (or "standard output")
 * in d; either way o is released. */
int ov_outfile_commit(ov_outfile *o, ov_diag *d);
/* Discards the output.  Safe on a zeroed or already released o. */
void ov_outfile_abort(ov_outfile *o);

/* Read a whole file ("-": stdin) into a fresh NUL-terminated buffer,
 * refusing more than max bytes: a regular file larger than that before
 * reading it, anything else (stdin, a pipe, a device) as soon as byte
 * max + 1 arrives, so never more than max + 1 bytes are read or max + 2
 * held.  Returns 0 with *data and *len set (caller frees *data), or -1 with
 * a problem at PATH in d: OV_PROB_INPUT when the file is larger than max
 * or cannot be opened, OV_PROB_RUNTIME when reading it fails. */
int ov_file_read_all(const char *path, size_t max, char **data, size_t *len,
		     ov_diag *d);
/* The same for a text document: a NUL byte is refused (OV_PROB_INPUT) as
 * soon as it is read, so /dev/zero is refused at once. */
int ov_file_read_text(const char *path, size_t max, char **data,
		      size_t *len, ov_diag *d);

#endif

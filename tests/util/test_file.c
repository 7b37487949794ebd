/* util/file.h: output files removed on a fatal signal, bounded reads,
 * the files an output must not replace.  Everything happens in a fresh
 * temporary directory; nothing here writes to a device. */
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"
#include "util/file.h"
#include "util/mem.h"

static char dir[] = "/tmp/ov-test-file-XXXXXX";

/* Entries in dir other than . and .., or -1. */
static int entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static void clear_dir(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d))) {
		char *p;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		p = ov_xasprintf("%s/%s", dir, e->d_name);
		unlink(p);
		free(p);
	}
	if (d)
		closedir(d);
}

/* A child opens an output, writes, and is sent sig before committing:
 * it dies of sig and leaves no temporary file. */
static void killed_midway(int sig, const char *name)
{
	char *path = ov_xasprintf("%s/out.json", dir);
	pid_t pid = fork();
	int status = 0;

	if (pid == 0) {
		ov_diag d = OV_DIAG_INIT;
		ov_outfile o;

		if (ov_outfile_open(&o, path, &d) < 0)
			_exit(3);
		for (int i = 0; i < 100000; i++)
			fputs("{\"partial\": true}\n", o.f);
		fflush(o.f);
		raise(sig);
		_exit(4); /* not reached when sig kills */
	}
	waitpid(pid, &status, 0);
	tap_ok(WIFSIGNALED(status) && WTERMSIG(status) == sig,
	       "the child died of the signal");
	tap_is_int(entries(), 0, name);
	clear_dir();
	free(path);
}

/* Bytes taken from standard input by reading "-" with a max of 1000 when
 * 200000 are on offer. */
static void bounded_stdin(void)
{
	int p[2], saved = dup(STDIN_FILENO);
	char buf[4096];
	size_t left = 0;
	ssize_t n;
	ov_diag d = OV_DIAG_INIT;
	char *data = NULL;
	size_t len = 0;
	pid_t pid;

	if (pipe(p) != 0)
		return;
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		memset(buf, 'a', sizeof buf);
		for (size_t sent = 0; sent < 200000;) {
			size_t k = 200000 - sent < sizeof buf ? 200000 - sent
							      : sizeof buf;
			n = write(p[1], buf, k);
			if (n <= 0)
				_exit(1);
			sent += (size_t)n;
		}
		_exit(0);
	}
	close(p[1]);
	dup2(p[0], STDIN_FILENO);
	close(p[0]);
	tap_ok(ov_file_read_all("-", 1000, &data, &len, &d) < 0 && !data,
	       "200000 bytes on stdin with a max of 1000: refused");
	tap_ok(d.n == 1 && strstr(d.msg[0], "larger than the 1000 bytes"),
	       "the refusal names the limit");
	while ((n = read(STDIN_FILENO, buf, sizeof buf)) > 0)
		left += (size_t)n;
	tap_is_int((long long)(200000 - left), 1001,
		   "reading stopped at byte max + 1, nothing more was taken");
	waitpid(pid, NULL, 0);
	dup2(saved, STDIN_FILENO);
	close(saved);
	ov_diag_release(&d);
}

static void reads(void)
{
	char *path = ov_xasprintf("%s/doc", dir), *data = NULL;
	ov_diag d = OV_DIAG_INIT;
	size_t len = 0;
	int fd;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	tap_ok(fd >= 0 && write(fd, "{\0}", 3) == 3, "a file with a NUL");
	close(fd);
	tap_ok(ov_file_read_all(path, 100, &data, &len, &d) == 0 && len == 3,
	       "read_all takes a NUL byte");
	free(data);
	tap_ok(ov_file_read_text(path, 100, &data, &len, &d) < 0 && !data,
	       "read_text refuses it");
	tap_ok(d.n == 1 && strstr(d.msg[0], "NUL byte (byte 2)"),
	       "saying where");
	ov_diag_release(&d);
	tap_ok(truncate(path, 1 << 20) == 0, "a sparse 1 MiB file");
	tap_ok(ov_file_read_all(path, 1000, &data, &len, &d) < 0 &&
	           d.n == 1 && strstr(d.msg[0], "larger than the 1000"),
	       "a regular file over max is refused by its size");
	ov_diag_release(&d);
	tap_ok(truncate(path, 1000) == 0 &&
	           ov_file_read_all(path, 1000, &data, &len, &d) == 0 &&
	           len == 1000 && data[1000] == '\0',
	       "exactly max bytes is read, NUL-terminated");
	free(data);
	unlink(path);
	free(path);
}

static void kept(void)
{
	char *db = ov_xasprintf("%s/r.db", dir);
	char *wal = ov_xasprintf("%s/r.db-wal", dir);
	char *hard = ov_xasprintf("%s/other", dir);
	char *wal2 = ov_xasprintf("%s/./r.db-wal", dir);
	char *fine = ov_xasprintf("%s/fine.json", dir);
	const char *const keep[] = {db, wal, NULL};
	ov_diag d = OV_DIAG_INIT;
	ov_outfile o;
	int fd = open(db, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	close(fd);
	tap_ok(link(db, hard) == 0, "a hard link to the database");
	tap_ok(ov_outfile_open_except(&o, hard, keep, &d) < 0 && d.n == 1 &&
	           strstr(d.msg[0], "is the database"),
	       "the hard link is refused");
	ov_diag_release(&d);
	tap_ok(ov_outfile_open_except(&o, wal2, keep, &d) < 0 && d.n == 1,
	       "a -wal that does not exist yet, by another spelling: refused");
	ov_diag_release(&d);
	tap_is_int(entries(), 2, "nothing was made");
	tap_ok(ov_outfile_open_except(&o, fine, keep, &d) == 0,
	       "another name is fine");
	fputs("{}\n", o.f);
	tap_ok(ov_outfile_commit(&o, &d) == 0, "and is written");
	clear_dir();
	free(db);
	free(wal);
	free(hard);
	free(wal2);
	free(fine);
}

/* More outputs open at once than the signal handler has places for:
 * each still works and leaves nothing when aborted. */
static void many(void)
{
	ov_outfile o[40];
	ov_diag d = OV_DIAG_INIT;
	int ok = 1;

	for (int i = 0; i < 40; i++) {
		char *p = ov_xasprintf("%s/f%d", dir, i);

		ok &= ov_outfile_open(&o[i], p, &d) == 0;
		free(p);
	}
	tap_ok(ok, "40 outputs open at once");
	for (int i = 0; i < 40; i++)
		ov_outfile_abort(&o[i]);
	tap_is_int(entries(), 0, "aborted, they leave nothing");
}

int main(void)
{
	if (!mkdtemp(dir)) {
		tap_skip("no temporary directory");
		return tap_done();
	}
	killed_midway(SIGTERM, "SIGTERM before commit leaves no file");
	killed_midway(SIGINT, "SIGINT before commit leaves no file");
	killed_midway(SIGHUP, "SIGHUP before commit leaves no file");
	bounded_stdin();
	reads();
	kept();
	many();
	clear_dir();
	rmdir(dir);
	return tap_done();
}

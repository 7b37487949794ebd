#include "util/file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/mem.h"

/* --- Temporary files removed on a fatal signal --------------------------
 * The handler may only read what a lock-free atomic holds and call
 * unlink(2) and raise(3), both async-signal-safe.  A name is registered
 * before its file exists and cleared before it is freed. */

#define N_SLOTS 16
static _Atomic(char *) slots[N_SLOTS];
static atomic_int handlers_set;
static const int fatal_signals[] = {SIGINT, SIGTERM, SIGHUP};

static void on_fatal(int sig)
{
	int saved = errno;

	for (size_t i = 0; i < N_SLOTS; i++) {
		char *p = atomic_load(&slots[i]);

		if (p)
			unlink(p);
	}
	errno = saved;
	/* SA_RESETHAND made the action the default again: the signal,
	 * blocked while this runs, ends the process once it returns. */
	raise(sig);
}

/* Once per process; a signal someone else handles or ignores is left. */
static void set_handlers(void)
{
	int expected = 0;
	struct sigaction sa, old;

	if (!atomic_compare_exchange_strong(&handlers_set, &expected, 1))
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fatal;
	sa.sa_flags = SA_RESETHAND;
	sigfillset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof fatal_signals / sizeof *fatal_signals;
	     i++)
		if (sigaction(fatal_signals[i], NULL, &old) == 0 &&
		    !(old.sa_flags & SA_SIGINFO) && old.sa_handler == SIG_DFL)
			sigaction(fatal_signals[i], &sa, NULL);
}

/* A free slot for name, or -1 when all are taken (the file is then still
 * removed on every other path, just not on a signal). */
static int slot_claim(char *name)
{
	set_handlers();
	for (int i = 0; i < N_SLOTS; i++) {
		char *expected = NULL;

		if (atomic_compare_exchange_strong(&slots[i], &expected, name))
			return i;
	}
	return -1;
}

static void slot_clear(int *slot)
{
	if (*slot >= 0)
		atomic_store(&slots[*slot], NULL);
	*slot = -1;
}

/* --- Names -------------------------------------------------------------- */

/* The directory part of path with its slash ("" for a bare name, "/" for
 * a name in the root), for a sibling's name. */
static char *dir_prefix(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return ov_xstrdup("");
	return ov_xasprintf("%.*s", (int)(slash - path + 1), path);
}

/* The directory holding path, to stat or open. */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return ov_xstrdup(".");
	if (slash == path)
		return ov_xstrdup("/");
	return ov_xasprintf("%.*s", (int)(slash - path), path);
}

static const char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* Create prefix + ".ov-XXXXXX" exclusively with mode (the umask applies);
 * the fd, with *name set (caller frees), or -1 with errno set.  The name
 * is registered in a signal slot before the file exists. */
static int make_temp(const char *prefix, mode_t mode, char **name, int *slot)
{
	static const char abc[] = "abcdefghijklmnopqrstuvwxyz"
				  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	static atomic_uint counter;
	unsigned char r[6];
	char *n = ov_xasprintf("%s.ov-XXXXXX", prefix);
	char *x = n + strlen(n) - 6;
	int fd = -1;

	*slot = slot_claim(n);
	for (int tries = 0; tries < 100; tries++) {
		if (getrandom(r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
			unsigned v = (unsigned)getpid() * 2654435761u ^
				     (unsigned)time(NULL) ^
				     atomic_fetch_add(&counter, 7919u) ^
				     (unsigned)tries * 40503u;

			for (size_t i = 0; i < sizeof r; i++, v >>= 5)
				r[i] = (unsigned char)v;
		}
		for (size_t i = 0; i < sizeof r; i++)
			x[i] = abc[r[i] % (sizeof abc - 1)];
		fd = open(n, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
		if (fd >= 0 || errno != EEXIST)
			break;
	}
	if (fd < 0) {
		int e = errno;

		slot_clear(slot);
		free(n);
		errno = e;
		return -1;
	}
	*name = n;
	return fd;
}

/* --- Output files ------------------------------------------------------- */

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Whether target (st: what it is, NULL if it does not exist) is one of
 * keep. */
static bool is_kept(const char *target, const struct stat *st,
		    const char *const *keep)
{
	struct stat ks, kd, td;
	bool hit = false, have_td = false;

	for (size_t i = 0; keep && keep[i] && !hit; i++) {
		if (stat(keep[i], &ks) == 0) {
			hit = st && same_file(st, &ks);
			continue;
		}
		/* Not there now (an SQLite -wal between uses): the same name
		 * in the same directory would become it. */
		if (st || strcmp(base_of(keep[i]), base_of(target)) != 0)
			continue;
		char *kdir = dir_of(keep[i]), *tdir = NULL;

		if (!have_td) {
			tdir = dir_of(target);
			have_td = stat(tdir, &td) == 0;
		}
		hit = have_td && stat(kdir, &kd) == 0 && same_file(&kd, &td);
		free(kdir);
		free(tdir);
	}
	return hit;
}

/* Open a FIFO or character device at path to write through it; st is
 * what stat said it was.  The fd, or -1 with errno set (EINVAL: no longer
 * the same file). */
static int open_through(const char *path, const struct stat *st)
{
	struct stat now;
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	if (fstat(fd, &now) != 0 || !same_file(st, &now) ||
	    (!S_ISFIFO(now.st_mode) && !S_ISCHR(now.st_mode))) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	return fd;
}

int ov_outfile_open(ov_outfile *o, const char *path, ov_diag *d)
{
	return ov_outfile_open_except(o, path, NULL, d);
}

int ov_outfile_open_except(ov_outfile *o, const char *path,
			   const char *const *keep, ov_diag *d)
{
	struct stat st;
	bool exists;
	char *prefix = NULL;
	int fd = -1;

	memset(o, 0, sizeof *o);
	o->slot = o->scratch_slot = -1;
	if (strcmp(path, "-") == 0) {
		o->f = stdout;
		return 0;
	}
	o->path = ov_xstrdup(path);
	if (!*path || path[strlen(path) - 1] == '/') {
		ov_diag_at(d, OV_PROB_INPUT, *path ? path : "output",
			   "needs a file name, not a directory");
		goto fail;
	}
	if (lstat(path, &st) != 0) {
		if (errno != ENOENT) {
			ov_diag_at(d, OV_PROB_RUNTIME, path, "cannot write: %s",
				   strerror(errno));
			goto fail;
		}
		exists = false;
	} else if (S_ISLNK(st.st_mode)) {
		/* What the link leads to is the output; the link stays. */
		if (stat(path, &st) != 0) {
			ov_diag_at(d, OV_PROB_INPUT, path,
				   "is a symbolic link to nothing (%s); give "
				   "the file's own name",
				   strerror(errno));
			goto fail;
		}
		if (S_ISREG(st.st_mode)) {
			o->target = realpath(path, NULL);
			if (!o->target) {
				ov_diag_at(d, OV_PROB_RUNTIME, path,
					   "cannot follow the link: %s",
					   strerror(errno));
				goto fail;
			}
		}
		exists = true;
	} else {
		exists = true;
	}
	if (!o->target)
		o->target = ov_xstrdup(path);
	if (is_kept(o->target, exists ? &st : NULL, keep)) {
		ov_diag_at(d, OV_PROB_INPUT, path,
			   "is the database (or one of its files); writing "
			   "there would destroy it, so give another name");
		goto fail;
	}
	if (exists && (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode))) {
		fd = open_through(path, &st);
		if (fd < 0) {
			ov_diag_at(d, OV_PROB_RUNTIME, path, "cannot write: %s",
				   strerror(errno));
			goto fail;
		}
	} else if (exists && !S_ISREG(st.st_mode)) {
		ov_diag_at(d, OV_PROB_INPUT, path,
			   S_ISDIR(st.st_mode)
			       ? "is a directory; give a file name"
			       : "is not a regular file, a FIFO or a character "
				 "device, so it cannot be written");
		goto fail;
	} else {
		prefix = dir_prefix(o->target);
		fd = make_temp(prefix, exists ? 0600 : 0666, &o->tmp,
			       &o->slot);
		if (fd < 0) {
			ov_diag_at(d, OV_PROB_RUNTIME, path, "cannot write: %s",
				   strerror(errno));
			goto fail;
		}
		/* The file replaced keeps its owner (where allowed) and mode,
		 * set-id bits aside. */
		if (exists) {
			if (fchown(fd, st.st_uid, st.st_gid) != 0 &&
			    fchown(fd, (uid_t)-1, st.st_gid) != 0) {
				/* another owner is not ours to give */
			}
			if (fchmod(fd, st.st_mode & 0777) != 0) {
				ov_diag_at(d, OV_PROB_RUNTIME, path,
					   "cannot set the mode: %s",
					   strerror(errno));
				goto fail;
			}
		}
	}
	o->f = fdopen(fd, "w");
	if (!o->f) {
		ov_diag_at(d, OV_PROB_RUNTIME, path, "cannot write: %s",
			   strerror(errno));
		goto fail;
	}
	free(prefix);
	return 0;
fail:
	if (fd >= 0)
		close(fd);
	free(prefix);
	ov_outfile_abort(o);
	return -1;
}

const char *ov_outfile_scratch(ov_outfile *o, ov_diag *d)
{
	const char *tmpdir = getenv("TMPDIR");
	char *prefix;
	int fd;

	if (o->tmp)
		return o->tmp;
	if (o->scratch)
		return o->scratch;
	prefix = ov_xasprintf("%s/", tmpdir && *tmpdir ? tmpdir : "/tmp");
	fd = make_temp(prefix, 0600, &o->scratch, &o->scratch_slot);
	free(prefix);
	if (fd < 0) {
		ov_diag_at(d, OV_PROB_RUNTIME, o->path ? o->path : "output",
			   "cannot make a temporary file: %s", strerror(errno));
		return NULL;
	}
	close(fd);
	return o->scratch;
}

/* Copy the scratch file through o->f; 0 or -1 with errno set. */
static int copy_scratch(ov_outfile *o)
{
	char buf[65536];
	FILE *in = fopen(o->scratch, "rb");
	size_t n;
	int rc = 0;

	if (!in)
		return -1;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, o->f) != n) {
			rc = -1;
			break;
		}
	if (ferror(in))
		rc = -1;
	fclose(in);
	return rc;
}

/* After the rename: the directory's entry on disk too. */
static void sync_dir(const char *target)
{
	char *dir = dir_of(target);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd); /* best effort: the data itself is synced */
		close(fd);
	}
	free(dir);
}

int ov_outfile_commit(ov_outfile *o, ov_diag *d)
{
	const char *where = o->path ? o->path : "standard output";
	int rc = -1, fd;

	if (o->scratch && copy_scratch(o) < 0) {
		ov_diag_at(d, OV_PROB_RUNTIME, where, "write failed: %s",
			   strerror(errno));
		goto out;
	}
	if (o->f == stdout) {
		rc = fflush(o->f) == 0 && !ferror(o->f) ? 0 : -1;
		if (rc < 0)
			ov_diag_at(d, OV_PROB_RUNTIME, where,
				   "write failed: %s", strerror(errno));
		goto out;
	}
	fd = fileno(o->f);
	if (fflush(o->f) != 0 || ferror(o->f) ||
	    (o->tmp && fsync(fd) != 0)) {
		ov_diag_at(d, OV_PROB_RUNTIME, where, "write failed: %s",
			   strerror(errno));
		goto out;
	}
	if (fclose(o->f) != 0) {
		o->f = NULL;
		ov_diag_at(d, OV_PROB_RUNTIME, where, "write failed: %s",
			   strerror(errno));
		goto out;
	}
	o->f = NULL;
	if (o->tmp) {
		if (rename(o->tmp, o->target) != 0) {
			ov_diag_at(d, OV_PROB_RUNTIME, where,
				   "cannot replace: %s", strerror(errno));
			goto out;
		}
		slot_clear(&o->slot);
		free(o->tmp);
		o->tmp = NULL;
		sync_dir(o->target);
	}
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
	if (o->scratch)
		unlink(o->scratch);
	/* A zeroed o has slot 0; only a name that is there was registered. */
	if (o->tmp)
		slot_clear(&o->slot);
	if (o->scratch)
		slot_clear(&o->scratch_slot);
	free(o->tmp);
	free(o->scratch);
	free(o->target);
	free(o->path);
	memset(o, 0, sizeof *o);
	o->slot = o->scratch_slot = -1;
}

/* --- Reading ------------------------------------------------------------ */

static int read_bounded(const char *path, size_t max, bool text, char **data,
			size_t *len, ov_diag *d)
{
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	size_t cap, n = 0, limit = max < SIZE_MAX - 2 ? max + 1 : max;
	struct stat st;
	char *buf = NULL, *nul;
	ssize_t got;
	int rc = -1;

	*data = NULL;
	*len = 0;
	/* A file the request names that is not there (or not readable) is
	 * the request's problem; a failure while reading it is not. */
	if (fd < 0) {
		ov_diag_at(d, OV_PROB_INPUT, path, "cannot read: %s",
			   strerror(errno));
		return -1;
	}
	cap = 65536;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
		if ((uint64_t)st.st_size > max) {
			ov_diag_at(d, OV_PROB_INPUT, path,
				   "larger than the %zu bytes allowed", max);
			goto out;
		}
		/* The whole file and one byte more, to see the end. */
		cap = (size_t)st.st_size + 1;
	}
	if (cap > limit)
		cap = limit;
	buf = ov_xmalloc(cap + 1);
	for (;;) {
		if (n == cap) {
			if (cap == limit) {
				ov_diag_at(d, OV_PROB_INPUT, path,
					   "larger than the %zu bytes allowed",
					   max);
				goto out;
			}
			cap = cap > limit / 2 ? limit : cap * 2;
			buf = ov_xrealloc(buf, cap + 1);
		}
		got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			ov_diag_at(d, OV_PROB_RUNTIME, path, "read failed: %s",
				   strerror(errno));
			goto out;
		}
		if (got == 0)
			break;
		nul = text ? memchr(buf + n, '\0', (size_t)got) : NULL;
		if (nul) {
			ov_diag_at(d, OV_PROB_INPUT, path,
				   "holds a NUL byte (byte %zu), so it is not "
				   "a text document",
				   (size_t)(nul - buf) + 1);
			goto out;
		}
		n += (size_t)got;
	}
	if (n > max) {
		ov_diag_at(d, OV_PROB_INPUT, path,
			   "larger than the %zu bytes allowed", max);
		goto out;
	}
	buf[n] = '\0';
	*len = n;
	*data = buf;
	buf = NULL;
	rc = 0;
out:
	if (!is_stdin)
		close(fd);
	free(buf);
	return rc;
}

int ov_file_read_all(const char *path, size_t max, char **data, size_t *len,
		     ov_diag *d)
{
	return read_bounded(path, max, false, data, len, d);
}

int ov_file_read_text(const char *path, size_t max, char **data,
		      size_t *len, ov_diag *d)
{
	return read_bounded(path, max, true, data, len, d);
}

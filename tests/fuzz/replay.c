/*
 * Replays fuzz inputs through a fuzz target without libFuzzer, so the
 * corpus (seeds and saved crash reproducers) is a regression test in
 * `make check` built with the ordinary compiler.
 *
 *   replay PATH...
 *
 * Each PATH is a file, or a directory whose regular files are replayed in
 * name order.  Every file is run in a child process so one that aborts or
 * leaks is reported as `not ok N - file (why)` and the rest still run.
 * Prints TAP; exits 1 if any file failed or no file was found.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../fuzz/fuzz.h"
#include "tap.h"
#include "util/buf.h"
#include "util/mem.h"

/* Inputs bigger than this are not fuzz inputs; refuse rather than load. */
#define REPLAY_MAX_BYTES ((size_t)16 << 20)

static int slurp(const char *path, ov_buf *b)
{
	FILE *f = fopen(path, "rb");
	char chunk[8192];
	size_t n;
	int rc = 0;

	if (!f) {
		printf("# %s: %s\n", path, strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		ov_buf_add(b, chunk, n);
		if (b->len > REPLAY_MAX_BYTES) {
			printf("# %s: larger than %zu bytes\n", path, REPLAY_MAX_BYTES);
			rc = -1;
			break;
		}
	}
	if (ferror(f)) {
		printf("# %s: %s\n", path, strerror(errno));
		rc = -1;
	}
	fclose(f);
	return rc;
}

/* Run the target on one file in a child; returns its wait status, or -1. */
static int run_one(const char *path)
{
	pid_t pid;
	int status;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		ov_buf b = OV_BUF_INIT;

		if (slurp(path, &b) < 0)
			_exit(2);
		/* An exact-size copy, so ASan catches reads past the end. */
		uint8_t *data = ov_xmalloc(b.len ? b.len : 1);
		if (b.len)
			memcpy(data, b.data, b.len);
		LLVMFuzzerTestOneInput(data, b.len);
		free(data);
		ov_buf_release(&b);
		exit(0); /* through exit(), so LeakSanitizer runs */
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return status;
}

static void replay_file(const char *path)
{
	int st = run_one(path);
	char name[512];

	if (st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0)
		snprintf(name, sizeof name, "%s", path);
	else if (st >= 0 && WIFSIGNALED(st))
		snprintf(name, sizeof name, "%s (signal %d)", path,
			 WTERMSIG(st));
	else if (st >= 0 && WIFEXITED(st))
		snprintf(name, sizeof name, "%s (exit %d)", path,
			 WEXITSTATUS(st));
	else
		snprintf(name, sizeof name, "%s (fork/wait failed)", path);
	tap_ok(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0, name);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static void replay_dir(const char *dir)
{
	struct dirent **ents;
	int n = scandir(dir, &ents, NULL, by_name);

	if (n < 0) {
		tap_ok(0, dir);
		printf("# %s: %s\n", dir, strerror(errno));
		return;
	}
	for (int i = 0; i < n; i++) {
		char *path = ov_xasprintf("%s/%s", dir, ents[i]->d_name);
		struct stat st;

		if (ents[i]->d_name[0] != '.' && stat(path, &st) == 0 &&
		    S_ISREG(st.st_mode))
			replay_file(path);
		free(path);
		free(ents[i]);
	}
	free(ents);
}

int main(int argc, char **argv)
{
	struct stat st;

	for (int i = 1; i < argc; i++) {
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			replay_dir(argv[i]);
		else
			replay_file(argv[i]);
	}
	if (tap_n == 0)
		tap_ok(0, "at least one input to replay");
	return tap_done();
}

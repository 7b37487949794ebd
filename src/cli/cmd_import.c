/* oversight import: an oversight/1 document into the register, all or
 * nothing (app/app.h: ov_app_import). */
#include <stddef.h>
#include <stdio.h>
#include <unistd.h>

#include "cli/command.h"
#include "cli/table.h"

static const char usage[] =
	"usage: oversight [--db PATH] import FILE.json [--replace]\n\n"
	"Add the dataset in FILE.json (\"-\" for standard input) to the\n"
	"database.  The whole document is checked first; on any problem every\n"
	"problem is listed and nothing is written.  Ids already in the\n"
	"database are refused unless --replace, which first deletes\n"
	"everything.  A document may be at most 512 MiB.\n\n"
	"  --replace   replace the whole register with the document\n";

typedef struct req {
	const char *path;
	bool replace;
	ov_import_stats stats;
} req;

static const ov_cli_arg args[] = {
	{"replace", 0, OV_ARG_FLAG, offsetof(req, replace)},
};

/* Progress on a terminal only, so logs and pipes stay clean. */
static void progress(size_t done, size_t total, void *arg)
{
	(void)arg;
	fprintf(stderr, "\rimporting: %zu/%zu recommendations", done, total);
	fflush(stderr);
}

static int call(ov_app *a, void *ctx, ov_diag *d)
{
	req *r = ctx;
	bool tty = isatty(STDERR_FILENO);
	int rc = ov_app_import(a, r->path, r->replace, tty ? progress : NULL,
			       NULL, &r->stats, d);
	size_t n = ov_diag_count(d);

	if (tty)
		fputc('\n', stderr);
	if (rc < 0 && ov_diag_kind(d) == OV_PROB_INPUT)
		ov_diag_at(d, OV_PROB_INPUT, r->path,
			   "%zu problem%s; nothing imported", n,
			   n == 1 ? "" : "s");
	else if (rc < 0)
		ov_diag_at(d, OV_PROB_RUNTIME, NULL, "nothing imported");
	return rc;
}

OV_CLI_SHOW(show, req)
{
	const ov_import_stats *s = &r->stats;

	fputs("imported ", stdout);
	ov_term_puts(r->path, stdout); /* a name may hold anything */
	printf(": %zu reports, %zu recommendations (%zu events), "
	       "%zu people, %zu assessments, %zu activities, %zu meetings%s\n",
	       s->reports, s->recs, s->events, s->people,
	       s->assessments, s->activities, s->meetings,
	       r->replace ? " (register replaced)" : "");
}

const ov_cli_command ov_cmd_import = {
	.name = "import", .usage = usage,
	.summary = "add a dataset from an oversight/1 JSON file",
	.args = OV_CLI_ARGS(args), .operand = "FILE",
	.operand_off = offsetof(req, path), .req_size = sizeof(req),
	.call = call, .show = show,
};

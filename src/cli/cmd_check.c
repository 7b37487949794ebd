/* oversight check: each recommendation's stored state and state intervals
 * against the fold of its timeline, and the search index (app/app.h:
 * ov_app_state_check). */
#include <stddef.h>
#include <stdio.h>

#include "cli/command.h"

static const char usage[] =
    "usage: oversight [--db PATH] check [--rebuild]\n\n"
    "Compare each recommendation's stored state (status, RAG, owner, last\n"
    "update...), now and as at every date (its state intervals), with\n"
    "the fold of its timeline, and check the search index and the counts\n"
    "of states.  Exits 0 when all agree, 1 naming the recommendations\n"
    "that differ.\n\n"
    "  --rebuild         first compute every stored state and interval\n"
    "                    again from the timelines and rebuild the search\n"
    "                    index\n";

/* Refs named in the message; the rest are counted. */
#define SHOWN 10

typedef struct req {
	bool rebuild;
	size_t rebuilt;
	ov_state_check c;
} req;

static const ov_cli_arg args[] = {
    {"rebuild", 0, OV_ARG_FLAG, offsetof(req, rebuild)},
};

/* A difference is a failure of the command (exit 1), said as a problem. */
static int call(ov_app *a, void *req_, ov_diag *d)
{
	req *r = req_;
	const ov_state_check *c = &r->c;

	if (r->rebuild && ov_app_state_rebuild(a, &r->rebuilt, d) < 0)
		return -1;
	if (ov_app_state_check(a, &r->c, d) < 0)
		return -1;
	for (size_t i = 0; i < c->n && i < SHOWN; i++)
		ov_diag_at(d, OV_PROB_RUNTIME, NULL,
		           "%s: the stored state is not the fold of its "
		           "timeline (now, or as at some date)",
		           c->refs[i]);
	if (c->n > SHOWN)
		ov_diag_at(d, OV_PROB_RUNTIME, NULL,
		           "and %zu more recommendations", c->n - SHOWN);
	if (c->n)
		ov_diag_at(d, OV_PROB_RUNTIME, NULL,
		           "%zu of %zu recommendations differ", c->n,
		           c->checked);
	if (!c->index_ok)
		ov_diag_at(d, OV_PROB_RUNTIME, NULL,
		           "the search index or the counts of states do not "
		           "hold what the recommendations say");
	if (c->n || !c->index_ok) {
		ov_diag_at(d, OV_PROB_RUNTIME, NULL,
		           "'oversight check --rebuild' computes them again");
		return -1;
	}
	return 0;
}

OV_CLI_SHOW(show, req)
{
	if (r->rebuild)
		printf("Rebuilt the state of %zu recommendations\n",
		       r->rebuilt);
	printf("%zu recommendations checked: each stored state is the fold "
	       "of its timeline, now and as at every date; the search index "
	       "and counts hold them\n",
	       r->c.checked);
}

OV_CLI_RELEASE(release, req, ov_state_check_release(&r->c))

const ov_cli_command ov_cmd_check = {
    .name = "check",
    .summary = "check the stored state against the timelines",
    .usage = usage,
    .args = OV_CLI_ARGS(args),
    .req_size = sizeof(req),
    .call = call,
    .show = show,
    .release = release,
};

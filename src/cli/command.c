/* The one runner of the subcommands (cli/command.h). */
#include "cli/command.h"

#include <stdlib.h>
#include <string.h>

#include "cli/opts.h"
#include "util/mem.h"

/* The parser's table for c, each value pointing into req (dates into
 * dates[i], converted after parsing).  Ends with a zeroed entry. */
static ov_opt *make_spec(const ov_cli_command *c, char *req,
			 const char **dates)
{
	ov_opt *spec = ov_xcalloc(c->n_args + 1, sizeof *spec);

	for (size_t i = 0; i < c->n_args; i++) {
		const ov_cli_arg *a = &c->args[i];

		spec[i].name = a->name;
		spec[i].alias = a->alias;
		spec[i].has_arg = a->type != OV_ARG_FLAG;
		if (a->type == OV_ARG_FLAG)
			spec[i].flag = (bool *)(req + a->off);
		else if (a->type == OV_ARG_STR)
			spec[i].arg = (const char **)(req + a->off);
		else
			spec[i].arg = &dates[i];
	}
	return spec;
}

static int convert_dates(const ov_cli_command *c, char *req,
			 const char **dates)
{
	for (size_t i = 0; i < c->n_args; i++) {
		const ov_cli_arg *a = &c->args[i];
		ov_day dflt = a->type == OV_ARG_TODAY ? ov_date_today()
						      : OV_DAY_NONE;

		if ((a->type == OV_ARG_DATE || a->type == OV_ARG_TODAY) &&
		    ov_cli_date(c->name, a->name, dates[i], dflt,
				(ov_day *)(req + a->off)) != 0)
			return -1;
	}
	return 0;
}

static bool is_option(const ov_cli_command *c, const char *where)
{
	for (size_t i = 0; where && i < c->n_args; i++)
		if (strcmp(c->args[i].name, where) == 0)
			return true;
	return false;
}

int ov_cli_fail(const ov_cli_command *c, const ov_diag *d)
{
	for (size_t i = 0; i < d->n; i++) {
		const ov_problem *p = &d->p[i];

		if (is_option(c, p->where))
			ov_cli_err(c->name, "--%s: %s", p->where, p->what);
		else
			ov_cli_err(c->name, "%s", d->msg[i]);
	}
	if (d->dropped)
		ov_cli_err(c->name, "(and %zu more problems not shown)",
			   d->dropped);
	return ov_diag_kind(d) == OV_PROB_RUNTIME ? OV_EXIT_RUNTIME
						  : OV_EXIT_USAGE;
}

/* Open the register (unless the command does), call, show. */
static int run(const ov_cli_ctx *ctx, void *req)
{
	const ov_cli_command *c = ctx->cmd;
	ov_diag d = OV_DIAG_INIT;
	ov_app *a = NULL;
	int rc = c->no_open ? OV_EXIT_OK : ov_cli_app(ctx->cli, c->name, &a);

	if (rc == OV_EXIT_OK && c->call(a, req, &d) < 0)
		rc = ov_cli_fail(c, &d);
	ov_app_close(a);
	ov_diag_release(&d);
	/* Whatever reached stdout (the show, or a call that writes there:
	 * export, paper) must have been written: a full disk or a closed
	 * pipe is exit 1, never a silent 0. */
	if (rc == OV_EXIT_OK) {
		if (c->show)
			c->show(req);
		rc = ov_cli_flush(c->name, rc);
	}
	return rc;
}

static int exec_one(const ov_cli *cli, const ov_cli_command *c, int argc,
		    char **argv)
{
	const ov_cli_ctx ctx = {cli, c};
	char *req = ov_xcalloc(1, c->req_size ? c->req_size : 1);
	const char **dates = ov_xcalloc(c->n_args + 1, sizeof *dates);
	ov_opt *spec = make_spec(c, req, dates);
	const char **operand = (const char **)(req + c->operand_off);
	size_t npos;
	int rc = ov_cli_parse(c->name, c->usage, argc, argv, spec,
			      c->operand ? operand : NULL, c->operand ? 1 : 0,
			      &npos);

	if (rc >= 0)
		goto out;
	rc = OV_EXIT_USAGE;
	if (convert_dates(c, req, dates) != 0)
		goto out;
	if (c->operand && !*operand) {
		ov_cli_err(c->name, "no %s given", c->operand);
		ov_cli_usage_hint(c->name);
		goto out;
	}
	rc = c->check ? c->check(&ctx, req) : -1;
	if (rc < 0)
		rc = run(&ctx, req);
out:
	if (c->release)
		c->release(req);
	free(spec);
	free(dates);
	free(req);
	return rc;
}

/* The subcommand argv[1] names. */
static int exec_sub(const ov_cli *cli, const ov_cli_command *c, int argc,
		    char **argv)
{
	const char *sub = argc > 1 ? argv[1] : NULL;

	if (sub && (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0)) {
		fputs(c->usage, stdout);
		return ov_cli_flush(c->name, OV_EXIT_OK);
	}
	if (!sub)
		ov_cli_err(c->name, "no subcommand given");
	else if (sub[0] == '-')
		ov_cli_err(c->name, "unknown option '" OV_DIAG_Q "' (give a "
			   "subcommand first)", OV_DIAG_QV(sub));
	for (const ov_cli_command *const *s = c->subs; sub && *s; s++)
		if (sub[0] != '-' &&
		    strcmp((*s)->name + strlen(c->name) + 1, sub) == 0)
			return exec_one(cli, *s, argc - 1, argv + 1);
	if (sub && sub[0] != '-')
		ov_cli_err(c->name, "unknown subcommand '" OV_DIAG_Q "'",
			   OV_DIAG_QV(sub));
	ov_cli_usage_hint(c->name);
	return OV_EXIT_USAGE;
}

int ov_cli_exec(const ov_cli *cli, const ov_cli_command *c, int argc,
		char **argv)
{
	return c->subs ? exec_sub(cli, c, argc, argv)
		       : exec_one(cli, c, argc, argv);
}

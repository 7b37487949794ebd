/* oversight init: create the database, or say that it is already there. */
#include <stddef.h>
#include <stdio.h>

#include "cli/command.h"

static const char usage[] =
	"usage: oversight [--db PATH] init\n\n"
	"Create the database (./oversight.db unless --db or $OVERSIGHT_DB).\n"
	"Running it on an existing database only brings its schema up to "
	"date.\n";

static int call(const ov_cli_ctx *c, ov_app *a, void *req, ov_diag *d)
{
	(void)a;
	return ov_app_init(c->cli->db_path, req, d);
}

static void show(const ov_cli_ctx *c, void *req)
{
	const ov_init_result *r = req;

	printf("%s database %s (schema version %d)%s\n",
	       r->existed ? "Already have" : "Created", c->cli->db_path,
	       r->schema_version, r->existed ? "; nothing else to do" : "");
}

const ov_cli_command ov_cmd_init = {
	.name = "init", .summary = "create the database", .usage = usage,
	.req_size = sizeof(ov_init_result), .call = call, .show = show,
	.no_open = true,
};

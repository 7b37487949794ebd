/* oversight init: create the database, or say that it is already there. */
#include <stddef.h>
#include <stdio.h>

#include "cli/command.h"
#include "cli/table.h"

static const char usage[] =
	"usage: oversight [--db PATH] init\n\n"
	"Create the database (./oversight.db unless --db or $OVERSIGHT_DB).\n"
	"Running it on an existing database only brings its schema up to "
	"date.\n";

typedef struct req {
	const char *db;
	ov_init_result r;
} req;

static int check(const ov_cli_ctx *c, void *ctx)
{
	((req *)ctx)->db = c->cli->db_path;
	return -1;
}

OV_CLI_CALL(call, req, ov_app_init(r->db, &r->r, d))

OV_CLI_SHOW(show, req)
{
	printf("%s database ", r->r.existed ? "Already have" : "Created");
	ov_term_puts(r->db, stdout); /* a path may hold anything */
	printf(" (schema version %d)%s\n", r->r.schema_version,
	       r->r.existed ? "; nothing else to do" : "");
}

const ov_cli_command ov_cmd_init = {
	.name = "init", .summary = "create the database", .usage = usage,
	.req_size = sizeof(req), .check = check, .call = call, .show = show,
	.no_open = true,
};

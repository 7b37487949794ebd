/* oversight init: create the database, or say that it is already there. */
#include <stdio.h>
#include <unistd.h>

#include "cli/opts.h"

static const char usage[] =
	"usage: oversight [--db PATH] init\n\n"
	"Create the database (./oversight.db unless --db or $OVERSIGHT_DB).\n"
	"Running it on an existing database only brings its schema up to "
	"date.\n";

int ov_cmd_init(ov_cli *cli, int argc, char **argv)
{
	static const ov_opt spec[] = {{0}};
	ov_diag d = OV_DIAG_INIT;
	ov_store *s = NULL;
	size_t npos;
	bool existed;
	int rc;

	rc = ov_cli_parse("init", usage, argc, argv, spec, NULL, 0, &npos);
	if (rc >= 0)
		return rc;

	existed = access(cli->db_path, F_OK) == 0;
	if (ov_store_open(cli->db_path, true, &s, &d) != OV_STORE_OK) {
		ov_cli_diag("init", &d);
		rc = OV_EXIT_RUNTIME;
		goto out;
	}
	printf("%s database %s (schema version %d)%s\n",
	       existed ? "Already have" : "Created", cli->db_path,
	       ov_store_schema_version(s),
	       existed ? "; nothing else to do" : "");
	rc = OV_EXIT_OK;
out:
	ov_store_close(s);
	ov_diag_release(&d);
	return rc;
}

/* oversight init: create the database, or say that it is already there. */
#include <stdio.h>

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
	ov_init_result r;
	size_t npos;
	int rc;

	rc = ov_cli_parse("init", usage, argc, argv, spec, NULL, 0, &npos);
	if (rc >= 0)
		return rc;
	if (ov_app_init(cli->db_path, &r, &d) < 0) {
		rc = ov_cli_fail("init", spec, &d);
	} else {
		printf("%s database %s (schema version %d)%s\n",
		       r.existed ? "Already have" : "Created", cli->db_path,
		       r.schema_version, r.existed ? "; nothing else to do" : "");
		rc = OV_EXIT_OK;
	}
	ov_diag_release(&d);
	return rc;
}

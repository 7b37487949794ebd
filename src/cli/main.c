/*
 * oversight: entry point.  Parses the global options, then hands the rest
 * of the command line to one subcommand (cli/cmd_*.c, run by
 * cli/command.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/command.h"

static const ov_cli_command *const commands[] = {
	&ov_cmd_init, &ov_cmd_import, &ov_cmd_export, &ov_cmd_recs,
	&ov_cmd_rec, &ov_cmd_reports, &ov_cmd_grades, &ov_cmd_activities,
	&ov_cmd_meetings, &ov_cmd_summary, &ov_cmd_paper, &ov_cmd_check,
	&ov_cmd_user, &ov_cmd_serve, NULL,
};

static void usage(FILE *f)
{
	fprintf(f, "usage: oversight [--db PATH] COMMAND [OPTIONS]\n"
		   "       oversight --help | --version\n\n"
		   "Commands:\n");
	for (const ov_cli_command *const *c = commands; *c; c++)
		fprintf(f, "  %-12s %s\n", (*c)->name, (*c)->summary);
	fprintf(f, "\nThe database is --db PATH, else $OVERSIGHT_DB, else "
		   "./oversight.db.\n'oversight COMMAND --help' describes "
		   "each command.\n");
}

int main(int argc, char **argv)
{
	ov_cli cli = {NULL, argv[0]};
	int i = 1;

	cli.db_path = getenv("OVERSIGHT_DB");
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return OV_EXIT_OK;
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("oversight %s\n", OV_VERSION);
			return OV_EXIT_OK;
		} else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			cli.db_path = argv[++i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			cli.db_path = argv[i] + 5;
		} else {
			fprintf(stderr, "oversight: unknown option '%s'\n",
				argv[i]);
			usage(stderr);
			return OV_EXIT_USAGE;
		}
	}
	if (!cli.db_path || !*cli.db_path)
		cli.db_path = "oversight.db";
	if (i >= argc) {
		usage(stderr);
		return OV_EXIT_USAGE;
	}
	for (const ov_cli_command *const *c = commands; *c; c++)
		if (strcmp((*c)->name, argv[i]) == 0)
			return ov_cli_exec(&cli, *c, argc - i, argv + i);
	fprintf(stderr, "oversight: unknown command '%s'\n", argv[i]);
	usage(stderr);
	return OV_EXIT_USAGE;
}

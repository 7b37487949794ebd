/*
 * oversight: entry point.  Parses the global options, then hands the rest
 * of the command line to one subcommand (cli/cmd_*.c, run by
 * cli/command.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/command.h"
#include "cli/opts.h"

static const ov_cli_command *const commands[] = {
	&ov_cmd_init, &ov_cmd_import, &ov_cmd_export, &ov_cmd_recs,
	&ov_cmd_rec, &ov_cmd_reports, &ov_cmd_grades, &ov_cmd_activities,
	&ov_cmd_meetings, &ov_cmd_summary, &ov_cmd_paper, &ov_cmd_check,
	&ov_cmd_user, &ov_cmd_serve, &ov_cmd_extract, NULL,
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

/* The value of the global option --db: "--db PATH" or "--db=PATH", at
 * argv[*i] (advanced past a separate value).  0, or -1 after saying why
 * (no value, an empty one, given twice). */
static int db_option(int argc, char **argv, int *i, const char **out)
{
	const char *v = NULL;

	if (strncmp(argv[*i], "--db=", 5) == 0)
		v = argv[*i] + 5;
	else if (*i + 1 < argc)
		v = argv[++*i];
	if (*out) {
		ov_cli_err(NULL, "--db given twice");
		return -1;
	}
	if (!v || !*v) {
		ov_cli_err(NULL, "--db needs a value: the database's path");
		return -1;
	}
	*out = v;
	return 0;
}

int main(int argc, char **argv)
{
	ov_cli cli = {NULL, argv[0]};
	const char *db = NULL;
	int i = 1;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return ov_cli_flush("--help", OV_EXIT_OK);
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("oversight %s\n", OV_VERSION);
			return ov_cli_flush("--version", OV_EXIT_OK);
		} else if (strcmp(argv[i], "--db") == 0 ||
			   strncmp(argv[i], "--db=", 5) == 0) {
			if (db_option(argc, argv, &i, &db) < 0) {
				fputs("try 'oversight --help'\n", stderr);
				return OV_EXIT_USAGE;
			}
		} else {
			ov_cli_err(NULL, "unknown option '" OV_DIAG_Q "'",
				   OV_DIAG_QV(argv[i]));
			usage(stderr);
			return OV_EXIT_USAGE;
		}
	}
	cli.db_path = db ? db : getenv("OVERSIGHT_DB");
	if (!cli.db_path || !*cli.db_path)
		cli.db_path = "oversight.db";
	if (i >= argc) {
		usage(stderr);
		return OV_EXIT_USAGE;
	}
	for (const ov_cli_command *const *c = commands; *c; c++)
		if (strcmp((*c)->name, argv[i]) == 0)
			return ov_cli_exec(&cli, *c, argc - i, argv + i);
	ov_cli_err(NULL, "unknown command '" OV_DIAG_Q "'",
		   OV_DIAG_QV(argv[i]));
	usage(stderr);
	return OV_EXIT_USAGE;
}

#ifndef OV_CLI_CLI_H
#define OV_CLI_CLI_H
/*
 * Subcommands.  main.c parses the global options and dispatches; each
 * command lives in its own file cmd_<name>.c and has the signature below.
 *
 * Exit status: 0 ok, 1 runtime error (database, I/O), 2 usage or bad input.
 * Errors go to stderr as "oversight COMMAND: message"; data to stdout.
 */
#include <stdio.h>

enum { OV_EXIT_OK = 0, OV_EXIT_RUNTIME = 1, OV_EXIT_USAGE = 2 };

typedef struct ov_cli {
	const char *db_path; /* --db, $OVERSIGHT_DB, or "oversight.db" */
	const char *argv0;
} ov_cli;

/* argv[0] is the command name; options follow. */
typedef int ov_cli_fn(ov_cli *cli, int argc, char **argv);

typedef struct ov_cli_cmd {
	const char *name;
	ov_cli_fn *fn;
	const char *summary; /* one line for `oversight --help` */
} ov_cli_cmd;

/* The subcommands, one file each (cli/cmd_NAME.c), listed in main.c's
 * table.  ov_cmd_paper lives in cli/cmd_paper.c (the paper module). */
ov_cli_fn ov_cmd_init, ov_cmd_import, ov_cmd_export, ov_cmd_recs, ov_cmd_rec,
	ov_cmd_reports, ov_cmd_grades, ov_cmd_activities, ov_cmd_meetings,
	ov_cmd_summary, ov_cmd_paper;

#endif

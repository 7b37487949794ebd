#ifndef OV_CLI_CLI_H
#define OV_CLI_CLI_H
/*
 * The command line.  main.c parses the global options and dispatches; each
 * command lives in its own file cmd_<name>.c as an ov_cli_command
 * (cli/command.h).
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

#endif

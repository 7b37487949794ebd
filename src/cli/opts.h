#ifndef OV_CLI_OPTS_H
#define OV_CLI_OPTS_H
/*
 * Helpers shared by the subcommands: option parsing, error messages in the
 * "oversight COMMAND: message" form, option values that must be dates,
 * and opening the register (app/app.h) with the right exit status.
 */
#include <stdbool.h>
#include <stddef.h>

#include "cli/cli.h"
#include "app/app.h"
#include "util/date.h"
#include "util/diag.h"

/* One option a command accepts.  Long names only, given without the
 * leading dashes ("status"); an optional one-letter alias (e.g. 'o').
 * With has_arg the value ("--x V" or "--x=V") is stored in *arg (borrowed
 * from argv; *arg must be NULL before parsing); without, *flag is set
 * (false before).  An option given twice is refused. */
typedef struct ov_opt {
	const char *name;
	char alias;
	bool has_arg;
	const char **arg;
	bool *flag;
} ov_opt;

enum { OV_OPTS_OK = 0, OV_OPTS_HELP = 1, OV_OPTS_BAD = -1 };

/* Parse argv[1..argc-1] (argv[0] is the command name) against spec, which
 * ends with a zeroed entry.  Arguments that are not options are collected
 * in order into pos[0..max_pos-1] and counted in *n_pos; "--" ends the
 * options.  Returns OV_OPTS_OK; OV_OPTS_HELP when --help or -h was given;
 * OV_OPTS_BAD after printing "oversight CMD: ..." to stderr for an unknown
 * option, an option given twice ("--status given twice"), a missing
 * value, a value given to a flag, or too many arguments. */
int ov_opts_parse(const char *cmd, int argc, char **argv, const ov_opt *spec,
		  const char **pos, size_t max_pos, size_t *n_pos);

/* ov_opts_parse() and its outcome for a command: returns -1 to go on, or
 * the exit status the command should return now (0 after printing usage
 * to stdout for --help, 1 if that write failed; 2 after a usage error,
 * with a hint on stderr). */
int ov_cli_parse(const char *cmd, const char *usage, int argc, char **argv,
		 const ov_opt *spec, const char **pos, size_t max_pos,
		 size_t *n_pos);

/* Print "oversight CMD: message\n" ("oversight: message" when cmd is NULL)
 * to stderr: the message on one line,
 * its control characters in their visible form and cut at 400 characters
 * (cli/table.h: ov_term_text; values quoted in it are best cut at their
 * source with OV_DIAG_Q, util/diag.h). */
void ov_cli_err(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Print every message of d as "oversight CMD: message". */
void ov_cli_diag(const char *cmd, const ov_diag *d);

/* Parse an option's date value.  s NULL: *out = dflt, returns 0.  A bad
 * date prints "oversight CMD: --OPT: 'S' is not a valid date (expected
 * YYYY-MM-DD)" and returns -1. */
int ov_cli_date(const char *cmd, const char *opt, const char *s, ov_day dflt,
		ov_day *out);

/* After a usage error: "try 'oversight CMD --help'" on stderr. */
void ov_cli_usage_hint(const char *cmd);

/* The index in names (NULL-terminated) of value, 0 when value is NULL
 * (the first is the default); otherwise prints "--OPT: 'V' is not one of
 * a, b, c" and returns -1. */
int ov_cli_choice(const char *cmd, const char *opt, const char *value,
		  const char *const *names);

/* Open the register named by cli (not creating it).  Returns OV_EXIT_OK
 * with *out set, or prints why not and returns OV_EXIT_RUNTIME (a missing
 * database is a runtime problem, not bad input). */
int ov_cli_app(const ov_cli *cli, const char *cmd, ov_app **out);

/* stdout flushed and without error, else a message and OV_EXIT_RUNTIME;
 * rc passes through otherwise. */
int ov_cli_flush(const char *cmd, int rc);

#endif

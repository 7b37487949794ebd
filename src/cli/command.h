#ifndef OV_CLI_COMMAND_H
#define OV_CLI_COMMAND_H
/*
 * A subcommand described as data, and the one runner for all of them.
 * Each cli/cmd_NAME.c defines an ov_cli_command: its options (each the
 * place in the command's request struct where its value goes), an
 * optional operand (REF, FILE), and up to four callbacks: check (the
 * command line's own requirements), call (the request to app/app.h),
 * show (print the result) and release.  ov_cli_exec parses, checks, opens
 * the register, calls, prints, and turns problems into messages and an
 * exit status, the same way for every command.
 */
#include <stdbool.h>
#include <stddef.h>

#include "app/app.h"
#include "cli/cli.h"

enum ov_arg_type {
	OV_ARG_STR,   /* const char *, borrowed from argv; NULL if absent */
	OV_ARG_FLAG,  /* bool */
	OV_ARG_DATE,  /* ov_day, OV_DAY_NONE if absent */
	OV_ARG_TODAY, /* ov_day, today if absent */
};

typedef struct ov_cli_arg {
	const char *name; /* "as-at": given as --as-at */
	char alias;       /* 'o' for -o, or 0 */
	enum ov_arg_type type;
	size_t off;       /* of the value in the request */
} ov_cli_arg;

#define OV_CLI_ARGS(a) (a), (sizeof(a) / sizeof((a)[0]))

struct ov_cli_command;
typedef struct ov_cli_ctx {
	const ov_cli *cli;
	const struct ov_cli_command *cmd;
} ov_cli_ctx;

typedef struct ov_cli_command {
	const char *name;    /* "grades", "rec show": for messages */
	const char *summary; /* one line for `oversight --help` */
	const char *usage;   /* --help */
	const ov_cli_arg *args;
	size_t n_args;
	const char *operand; /* "REF": one positional argument, or NULL */
	size_t operand_off;  /* of its const char * in the request */
	size_t req_size;     /* the request struct, zeroed before parsing */
	const void *data;    /* the command's own constants, for callbacks */
	/* After parsing: -1 to go on, else the exit status (after printing
	 * why).  May be NULL. */
	int (*check)(const ov_cli_ctx *c, void *req);
	/* The request: 0, or -1 with problems in d.  a is NULL when no_open
	 * (the command opens the database itself: init). */
	int (*call)(ov_app *a, void *req, ov_diag *d);
	void (*show)(const void *req); /* print the result; may be NULL */
	void (*release)(void *req);    /* may be NULL */
	bool no_open;
	/* A command of subcommands (rec): the first argument picks one.
	 * NULL-terminated; the others fields but name, summary and usage are
	 * then unused. */
	const struct ov_cli_command *const *subs;
} ov_cli_command;

/*
 * Adapters from the runner's untyped request to a command's own type T.
 * Each defines a static function `name` in which `r` is the request:
 *   OV_CLI_CALL(name, T, EXPR)     int name(ov_app *a, void *, ov_diag *d)
 *                                  returning EXPR (which uses a, r and d);
 *   OV_CLI_SHOW(name, T) { ... }   void name(const void *), the body that
 *                                  follows seeing const T *r;
 *   OV_CLI_RELEASE(name, T, STMT)  void name(void *) doing STMT.
 */
#define OV_CLI_CALL(name, T, expr)                                            \
	static int name(ov_app *a, void *req_, ov_diag *d)                    \
	{                                                                     \
		T *r = req_;                                                  \
		return (expr);                                                \
	}
#define OV_CLI_SHOW(name, T)                                                  \
	static void name##_typed(const T *r);                                 \
	static void name(const void *req_)                                    \
	{                                                                     \
		name##_typed(req_);                                           \
	}                                                                     \
	static void name##_typed(const T *r)
#define OV_CLI_RELEASE(name, T, stmt)                                         \
	static void name(void *req_)                                          \
	{                                                                     \
		T *r = req_;                                                  \
		stmt;                                                         \
	}

/* Print every problem of d as "oversight NAME: WHERE: WHAT", where a
 * problem at a request field that is one of c's options (the app names
 * fields as the options are named) shows as "--FIELD: WHAT".  Returns the
 * exit status for d's first problem: 2 for bad input, not found or a
 * conflict; 1 for a runtime failure. */
int ov_cli_fail(const ov_cli_command *c, const ov_diag *d);

/* Run c with argv (argv[0] is the command's name).  Returns the exit
 * status: 0, 1 (runtime) or 2 (usage, bad input). */
int ov_cli_exec(const ov_cli *cli, const ov_cli_command *c, int argc,
		char **argv);

/* The commands, one file each (cli/cmd_NAME.c), listed in main.c. */
extern const ov_cli_command ov_cmd_init, ov_cmd_import, ov_cmd_export,
	ov_cmd_recs, ov_cmd_rec, ov_cmd_reports, ov_cmd_grades,
	ov_cmd_activities, ov_cmd_meetings, ov_cmd_summary, ov_cmd_paper,
	ov_cmd_serve, ov_cmd_user, ov_cmd_check, ov_cmd_extract;

#endif

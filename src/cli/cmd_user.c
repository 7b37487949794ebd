/* oversight user: the accounts that sign in to the web application.
 * Passwords are asked for on the terminal (echo off, twice) or read as
 * one line from standard input; the rules they must meet, and every other
 * rule of an account, are the app's (app/accounts.h). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "app/accounts.h"
#include "cli/command.h"
#include "cli/opts.h"
#include "cli/table.h"
#include "io/json.h"
#include "util/mem.h"

static const char usage[] =
    "usage: oversight [--db PATH] user SUBCOMMAND [OPTIONS]\n\n"
    "  add LOGIN --role ROLE [--person ID] [--force CODE]\n"
    "      [--password-stdin]  add an account\n"
    "  passwd LOGIN [--password-stdin]\n"
    "                          set a new password (ends its sessions)\n"
    "  list [--json]           the accounts\n"
    "  disable LOGIN           the account can no longer sign in (ends "
    "its\n"
    "                          sessions)\n\n"
    "ROLE is viewer, owner, editor or admin; an owner needs --person, the\n"
    "person whose recommendations it records events on.  With --force the\n"
    "account sees only that force of a register holding several (on the\n"
    "web: the dashboard, the register, a recommendation, PEEL grades,\n"
    "activities and the national view; see README).  LOGIN is 1-64 of\n"
    "a-z, 0-9, '.', '_' and '-'.  The password is asked for twice on the\n"
    "terminal, or with --password-stdin read as one line from standard\n"
    "input (at most 1024 bytes).  It must be at least 12 characters and\n"
    "not judged weak by cracklib.\n";

typedef struct user_req {
	const char *login, *role, *person, *force;
	bool password_stdin, json;
	char *password; /* read by check; wiped by release */
	ov_account_list list;
} user_req;

/* ---- reading a password ---- */

/* One line from fd into a fresh buffer: at most OV_PASSWORD_MAX bytes
 * and no NUL; the newline stripped (a last line without one is taken).
 * Read a byte at a time, so nothing after the line is consumed and no
 * copy is left in a stdio buffer.  0, or -1 after printing why. */
static int read_line(int fd, const char *cmd, char **out)
{
	char *buf = ov_xmalloc(OV_PASSWORD_MAX + 1);
	size_t n = 0;
	bool nl = false;
	const char *why = NULL;

	*out = NULL;
	for (;;) {
		char c;
		ssize_t got = read(fd, &c, 1);

		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			why = strerror(errno);
			break;
		}
		if (got == 0 || c == '\n') {
			nl = got == 1;
			break;
		}
		if (c == '\0') {
			why = "it holds a NUL byte";
			break;
		}
		if (n == OV_PASSWORD_MAX) {
			why = "it is longer than 1024 bytes";
			break;
		}
		buf[n++] = c;
	}
	if (!why && n == 0 && !nl)
		why = "nothing to read";
	if (why) {
		ov_cli_err(cmd, "password: %s", why);
		ov_memwipe(buf, OV_PASSWORD_MAX + 1);
		free(buf);
		return -1;
	}
	buf[n] = '\0';
	*out = buf;
	return 0;
}
_Static_assert(OV_PASSWORD_MAX == 1024, "the message above says 1024");

/* The terminal while echo is off, so a signal can turn it back on. */
static int tty_fd = -1;
static struct termios tty_saved;

static void tty_restore_and_die(int sig)
{
	if (tty_fd >= 0)
		tcsetattr(tty_fd, TCSAFLUSH, &tty_saved);
	signal(sig, SIG_DFL);
	raise(sig);
}

static const int tty_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP};
#define N_TTY_SIGNALS (sizeof tty_signals / sizeof *tty_signals)

static void tty_write(int fd, const char *s)
{
	size_t n = strlen(s);

	while (n) {
		ssize_t w = write(fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

/* Ask on the terminal with echo off. */
static int ask(int fd, const char *cmd, const char *prompt, char **out)
{
	struct termios quiet;
	struct sigaction sa, old[N_TTY_SIGNALS];
	int rc;

	if (tcgetattr(fd, &tty_saved) != 0) {
		ov_cli_err(cmd, "password: cannot set up the terminal: %s",
		           strerror(errno));
		return -1;
	}
	quiet = tty_saved;
	quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
	quiet.c_lflag |= ICANON;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = tty_restore_and_die;
	sigemptyset(&sa.sa_mask);
	tty_fd = fd;
	for (size_t i = 0; i < N_TTY_SIGNALS; i++)
		sigaction(tty_signals[i], &sa, &old[i]);
	/* Echo off before the prompt: what is typed once it shows is not
	 * echoed, nor flushed away by TCSAFLUSH. */
	if (tcsetattr(fd, TCSAFLUSH, &quiet) != 0) {
		ov_cli_err(cmd, "password: cannot turn the echo off: %s",
		           strerror(errno));
		rc = -1;
	} else {
		tty_write(fd, prompt);
		rc = read_line(fd, cmd, out);
		tcsetattr(fd, TCSAFLUSH, &tty_saved);
		tty_write(fd, "\n");
	}
	tty_fd = -1;
	for (size_t i = 0; i < N_TTY_SIGNALS; i++)
		sigaction(tty_signals[i], &old[i], NULL);
	return rc;
}

static int ask_twice(const char *cmd, char **out)
{
	int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
	char *again = NULL;
	int rc = -1;

	*out = NULL;
	if (fd < 0) {
		ov_cli_err(cmd,
		           "password: no terminal to ask on (%s); give "
		           "it with --password-stdin",
		           strerror(errno));
		return -1;
	}
	if (ask(fd, cmd, "Password: ", out) < 0 ||
	    ask(fd, cmd, "Password again: ", &again) < 0)
		goto out;
	if (strcmp(*out, again) != 0) {
		ov_cli_err(cmd, "password: the two differ; nothing changed");
		goto out;
	}
	rc = 0;
out:
	close(fd);
	if (again) {
		ov_memwipe(again, strlen(again));
		free(again);
	}
	if (rc && *out) {
		ov_memwipe(*out, strlen(*out));
		free(*out);
		*out = NULL;
	}
	return rc;
}

/* add and passwd: the password, before the register is opened. */
static int check_password(const ov_cli_ctx *c, void *req_)
{
	user_req *r = req_;
	const char *cmd = c->cmd->name;

	const bool *needs_role = c->cmd->data;

	if (needs_role && *needs_role && !r->role) {
		ov_cli_err(cmd, "--role is required");
		ov_cli_usage_hint(cmd);
		return OV_EXIT_USAGE;
	}
	if (r->password_stdin ? read_line(STDIN_FILENO, cmd, &r->password)
	                      : ask_twice(cmd, &r->password))
		return OV_EXIT_USAGE;
	return -1;
}

OV_CLI_RELEASE(release, user_req, {
	if (r->password) {
		ov_memwipe(r->password, strlen(r->password));
		free(r->password);
	}
	ov_account_list_release(&r->list);
})

/* ---- add ---- */

static const ov_cli_arg add_args[] = {
    {"role", 0, OV_ARG_STR, offsetof(user_req, role)},
    {"person", 0, OV_ARG_STR, offsetof(user_req, person)},
    {"force", 0, OV_ARG_STR, offsetof(user_req, force)},
    {"password-stdin", 0, OV_ARG_FLAG, offsetof(user_req, password_stdin)},
};

OV_CLI_CALL(call_add, user_req,
            ov_app_user_add_for(a, r->login, r->role, r->person, r->force,
                                r->password, d))

OV_CLI_SHOW(show_add, user_req)
{
	printf("%s: account added (%s%s%s%s%s)\n", r->login, r->role,
	       r->person ? ", person " : "", r->person ? r->person : "",
	       r->force ? ", force " : "", r->force ? r->force : "");
}

static const bool add_needs_role = true;

static const ov_cli_command user_add = {
    .name = "user add",
    .usage = usage,
    .args = OV_CLI_ARGS(add_args),
    .operand = "LOGIN",
    .operand_off = offsetof(user_req, login),
    .req_size = sizeof(user_req),
    .data = &add_needs_role,
    .check = check_password,
    .call = call_add,
    .show = show_add,
    .release = release,
};

/* ---- passwd ---- */

static const ov_cli_arg passwd_args[] = {
    {"password-stdin", 0, OV_ARG_FLAG, offsetof(user_req, password_stdin)},
};

OV_CLI_CALL(call_passwd, user_req,
            ov_app_user_passwd(a, r->login, r->password, d))

OV_CLI_SHOW(show_passwd, user_req)
{
	printf("%s: password changed; its sessions have ended\n", r->login);
}

static const ov_cli_command user_passwd = {
    .name = "user passwd",
    .usage = usage,
    .args = OV_CLI_ARGS(passwd_args),
    .operand = "LOGIN",
    .operand_off = offsetof(user_req, login),
    .req_size = sizeof(user_req),
    .check = check_password,
    .call = call_passwd,
    .show = show_passwd,
    .release = release,
};

/* ---- disable ---- */

OV_CLI_CALL(call_disable, user_req, ov_app_user_disable(a, r->login, d))

OV_CLI_SHOW(show_disable, user_req)
{
	printf("%s: disabled; its sessions have ended\n", r->login);
}

static const ov_cli_command user_disable = {
    .name = "user disable",
    .usage = usage,
    .operand = "LOGIN",
    .operand_off = offsetof(user_req, login),
    .req_size = sizeof(user_req),
    .call = call_disable,
    .show = show_disable,
    .release = release,
};

/* ---- list ---- */

static const ov_cli_arg list_args[] = {
    {"json", 0, OV_ARG_FLAG, offsetof(user_req, json)},
};

OV_CLI_CALL(call_list, user_req, ov_app_users(a, &r->list, d))

/* ISO 8601 in UTC: "2026-05-01T09:30:00Z". */
static void format_time(int64_t t, char out[21])
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!gmtime_r(&tt, &tm) ||
	    strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		strcpy(out, "?");
}

static void json_member(const char *key, const char *v, bool first)
{
	fputs(first ? "\n    " : ",\n    ", stdout);
	ov_json_put_string(stdout, key);
	fputs(": ", stdout);
	if (v)
		ov_json_put_string(stdout, v);
	else
		fputs("null", stdout);
}

/* Shaped as jansson's JSON_INDENT(2), like the other listings. */
static void print_json(const ov_account_list *l)
{
	if (l->n == 0) {
		puts("[]");
		return;
	}
	fputs("[\n", stdout);
	for (size_t i = 0; i < l->n; i++) {
		const ov_account *acc = &l->items[i];
		char when[21];

		format_time(acc->created, when);
		fputs("  {", stdout);
		json_member("login", acc->login, true);
		json_member("role", ov_role_code(acc->role), false);
		json_member("person", acc->person, false);
		json_member("force", acc->force, false);
		fputs(",\n    \"disabled\": ", stdout);
		fputs(acc->disabled ? "true" : "false", stdout);
		json_member("created", when, false);
		fputs(i + 1 < l->n ? "\n  },\n" : "\n  }\n", stdout);
	}
	puts("]");
}

OV_CLI_SHOW(show_list, user_req)
{
	static const char *const head[] = {"Login",  "Role",
	                                   "Person", "Force",
	                                   "Status", "Created (UTC)"};
	ov_table *t;

	if (r->json) {
		print_json(&r->list);
		return;
	}
	t = ov_table_new(6, head);
	ov_table_flex(t, 0);
	ov_table_flex(t, 2);
	for (size_t i = 0; i < r->list.n; i++) {
		const ov_account *acc = &r->list.items[i];
		char when[21];
		const char *cells[6] = {
		    acc->login, ov_role_code(acc->role), acc->person,
		    acc->force, acc->disabled ? "disabled" : "active", when};

		format_time(acc->created, when);
		when[10] = '\0'; /* the day is enough here */
		ov_table_add(t, cells);
	}
	ov_table_done(t, "account", "accounts");
}

static const ov_cli_command user_list = {
    .name = "user list",
    .usage = usage,
    .args = OV_CLI_ARGS(list_args),
    .req_size = sizeof(user_req),
    .call = call_list,
    .show = show_list,
    .release = release,
};

static const ov_cli_command *const subs[] = {
    &user_add, &user_passwd, &user_list, &user_disable, NULL,
};

const ov_cli_command ov_cmd_user = {
    .name = "user",
    .usage = usage,
    .subs = subs,
    .summary = "add, list and disable the web's accounts",
};

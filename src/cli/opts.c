#include "cli/opts.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/table.h"
#include "util/buf.h"
#include "util/diag.h"
#include "util/mem.h"

/* A message longer than this many characters is cut, whatever it quotes:
 * the values in messages are cut at their source (OV_DIAG_Q, util/diag.h),
 * and this holds for any that is not. */
#define MSG_MAX 400

void ov_cli_err(const char *cmd, const char *fmt, ...)
{
	ov_buf b = OV_BUF_INIT;
	va_list ap;
	char *msg, *vis;

	va_start(ap, fmt);
	ov_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	/* Cut before the visible form so that a cut cannot split one. */
	msg = ov_utf8_truncate(ov_buf_str(&b), MSG_MAX);
	vis = ov_term_text(msg, true);
	fprintf(stderr, "oversight%s%s: %s\n", cmd ? " " : "", cmd ? cmd : "",
		vis);
	free(vis);
	free(msg);
	ov_buf_release(&b);
}

void ov_cli_diag(const char *cmd, const ov_diag *d)
{
	for (size_t i = 0; i < d->n; i++)
		ov_cli_err(cmd, "%s", d->msg[i]);
	if (d->dropped)
		ov_cli_err(cmd, "(and %zu more problems not shown)",
			   d->dropped);
}

void ov_cli_usage_hint(const char *cmd)
{
	fprintf(stderr, "try 'oversight %s --help'\n", cmd);
}

/* The spec entry for "--name" (len bytes of name) or "-c"; NULL if none. */
static const ov_opt *find_long(const ov_opt *spec, const char *name,
			       size_t len)
{
	for (const ov_opt *o = spec; o->name; o++)
		if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
			return o;
	return NULL;
}

static const ov_opt *find_alias(const ov_opt *spec, char c)
{
	for (const ov_opt *o = spec; o->name; o++)
		if (o->alias && o->alias == c)
			return o;
	return NULL;
}

/* Handle one option argv[*i]; advances *i past a separate value. */
static int parse_one(const char *cmd, int argc, char **argv, int *i,
		     const ov_opt *spec)
{
	const char *a = argv[*i], *eq = NULL, *val = NULL;
	const ov_opt *o;

	if (a[1] == '-') {
		eq = strchr(a + 2, '=');
		o = find_long(spec, a + 2, eq ? (size_t)(eq - a - 2)
					      : strlen(a + 2));
	} else {
		o = a[2] == '\0' ? find_alias(spec, a[1]) : NULL;
	}
	if (!o) {
		char *name = ov_xstrndup(a, eq ? (size_t)(eq - a) : strlen(a));

		ov_cli_err(cmd, "unknown option '" OV_DIAG_Q "'",
			   OV_DIAG_QV(name));
		free(name);
		return OV_OPTS_BAD;
	}
	/* Which of two values was meant is not ours to guess. */
	if (o->has_arg ? *o->arg != NULL : *o->flag) {
		ov_cli_err(cmd, "--%s given twice", o->name);
		return OV_OPTS_BAD;
	}
	if (!o->has_arg) {
		if (eq) {
			ov_cli_err(cmd, "option '--%s' takes no value",
				   o->name);
			return OV_OPTS_BAD;
		}
		*o->flag = true;
		return OV_OPTS_OK;
	}
	if (eq) {
		val = eq + 1;
	} else if (*i + 1 < argc) {
		val = argv[++*i];
	} else {
		ov_cli_err(cmd, "option '--%s' needs a value", o->name);
		return OV_OPTS_BAD;
	}
	*o->arg = val;
	return OV_OPTS_OK;
}

int ov_opts_parse(const char *cmd, int argc, char **argv, const ov_opt *spec,
		  const char **pos, size_t max_pos, size_t *n_pos)
{
	bool opts_done = false;

	*n_pos = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!opts_done && (strcmp(a, "--help") == 0 ||
				   strcmp(a, "-h") == 0))
			return OV_OPTS_HELP;
		if (!opts_done && strcmp(a, "--") == 0) {
			opts_done = true;
		} else if (!opts_done && a[0] == '-' && a[1] != '\0') {
			if (parse_one(cmd, argc, argv, &i, spec) != OV_OPTS_OK)
				return OV_OPTS_BAD;
		} else if (*n_pos < max_pos) {
			pos[(*n_pos)++] = a;
		} else {
			ov_cli_err(cmd, "unexpected argument '" OV_DIAG_Q "'",
				   OV_DIAG_QV(a));
			return OV_OPTS_BAD;
		}
	}
	return OV_OPTS_OK;
}

int ov_cli_parse(const char *cmd, const char *usage, int argc, char **argv,
		 const ov_opt *spec, const char **pos, size_t max_pos,
		 size_t *n_pos)
{
	switch (ov_opts_parse(cmd, argc, argv, spec, pos, max_pos, n_pos)) {
	case OV_OPTS_OK:
		return -1;
	case OV_OPTS_HELP:
		fputs(usage, stdout);
		return ov_cli_flush(cmd, OV_EXIT_OK);
	default:
		ov_cli_usage_hint(cmd);
		return OV_EXIT_USAGE;
	}
}

int ov_cli_date(const char *cmd, const char *opt, const char *s, ov_day dflt,
		ov_day *out)
{
	if (!s) {
		*out = dflt;
		return 0;
	}
	if (ov_date_parse(s, out) == 0)
		return 0;
	ov_cli_err(cmd, "--%s: '" OV_DIAG_Q "' is not a valid date (expected "
		   "YYYY-MM-DD)", opt, OV_DIAG_QV(s));
	return -1;
}

int ov_cli_choice(const char *cmd, const char *opt, const char *value,
		  const char *const *names)
{
	char *all = NULL;
	int i;

	if (!value)
		return 0;
	for (i = 0; names[i]; i++)
		if (strcmp(names[i], value) == 0)
			return i;
	for (i = 0; names[i]; i++) {
		char *t = ov_xasprintf("%s%s%s", all ? all : "",
				       all ? ", " : "", names[i]);
		free(all);
		all = t;
	}
	ov_cli_err(cmd, "--%s: '" OV_DIAG_Q "' is not one of %s", opt,
		   OV_DIAG_QV(value), all);
	free(all);
	return -1;
}

int ov_cli_app(const ov_cli *cli, const char *cmd, ov_app **out)
{
	ov_diag d = OV_DIAG_INIT;
	int rc = ov_app_open(cli->db_path, out, &d);

	if (rc < 0)
		ov_cli_diag(cmd, &d);
	ov_diag_release(&d);
	return rc < 0 ? OV_EXIT_RUNTIME : OV_EXIT_OK;
}

int ov_cli_flush(const char *cmd, int rc)
{
	/* ferror first: fflush of an empty buffer succeeds after an
	 * earlier failed write. */
	if (ferror(stdout) || fflush(stdout) != 0) {
		ov_cli_err(cmd, "cannot write to standard output");
		return OV_EXIT_RUNTIME;
	}
	return rc;
}

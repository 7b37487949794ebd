#include "cli/opts.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/diag.h"
#include "util/mem.h"

void ov_cli_err(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "oversight %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void ov_cli_diag(const char *cmd, const ov_diag *d)
{
	char *prefix = ov_xasprintf("oversight %s", cmd);

	ov_diag_print(d, stderr, prefix);
	free(prefix);
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
		ov_cli_err(cmd, "unknown option '%.*s'",
			   eq ? (int)(eq - a) : (int)strlen(a), a);
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
			ov_cli_err(cmd, "unexpected argument '%s'", a);
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
		return OV_EXIT_OK;
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
	ov_cli_err(cmd, "--%s: '%s' is not a valid date (expected YYYY-MM-DD)",
		   opt, s);
	return -1;
}

int ov_cli_store_exit(ov_store_rc rc)
{
	switch (rc) {
	case OV_STORE_OK:
		return OV_EXIT_OK;
	case OV_STORE_NOTFOUND:
	case OV_STORE_CONFLICT:
	case OV_STORE_INVALID:
		return OV_EXIT_USAGE;
	case OV_STORE_ERROR:
	default:
		return OV_EXIT_RUNTIME;
	}
}

int ov_cli_open(const ov_cli *cli, const char *cmd, ov_store **out)
{
	ov_diag d = OV_DIAG_INIT;
	ov_store_rc rc = ov_store_open(cli->db_path, false, out, &d);

	if (rc != OV_STORE_OK) {
		*out = NULL;
		ov_cli_diag(cmd, &d);
	}
	ov_diag_release(&d);
	/* A missing database is a runtime problem, not bad input. */
	return rc == OV_STORE_OK ? OV_EXIT_OK : OV_EXIT_RUNTIME;
}

int ov_cli_load(ov_store *s, const char *cmd, ov_dataset **out)
{
	ov_diag d = OV_DIAG_INIT;
	ov_store_rc rc = ov_store_load(s, NULL, out, &d);

	if (rc != OV_STORE_OK) {
		*out = NULL;
		ov_cli_diag(cmd, &d);
	}
	ov_diag_release(&d);
	return rc == OV_STORE_OK ? OV_EXIT_OK : OV_EXIT_RUNTIME;
}

int ov_cli_force(const char *cmd, const ov_dataset *ds, const char *given,
		 const char **out)
{
	const ov_force *f;

	if (given) {
		f = ov_dataset_find_force(ds, given);
		if (!f) {
			ov_cli_err(cmd, "--force: no force '%s' in the register",
				   given);
			return -1;
		}
		*out = f->code;
		return 0;
	}
	if (ds->n_forces == 1) {
		*out = ds->forces[0].code;
		return 0;
	}
	if (ds->n_forces == 0) {
		ov_cli_err(cmd, "the register holds no force yet");
		return -1;
	}
	ov_cli_err(cmd, "the register holds %zu forces; choose one with "
		   "--force CODE", ds->n_forces);
	return -1;
}

/* The PostgreSQL backend's helpers: parameters and values by field type
 * (core/fields.h), running statements, classifying failures,
 * transactions and COPY (pg/pg.h). */
#include "store/pg/pg.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/date.h"
#include "util/mem.h"

/* ---- parameters ---- */

static void push(pg_params *p, char *v)
{
	OV_GROW(p->v, p->cap, (size_t)p->n + 1);
	p->v[p->n++] = v;
}

void pg_p_str(pg_params *p, const char *v)
{
	push(p, v ? ov_xstrdup(v) : NULL);
}

void pg_p_int(pg_params *p, long long v)
{
	push(p, ov_xasprintf("%lld", v));
}

static char *day_text(ov_day v)
{
	char buf[11];

	if (v == OV_DAY_NONE)
		return NULL;
	ov_date_format(v, buf);
	return ov_xstrdup(buf);
}

void pg_p_day(pg_params *p, ov_day v)
{
	push(p, day_text(v));
}

char *pg_field_text(const ov_field *f, const void *elem)
{
	const void *m = ov_field_cptr(f, elem);
	const char *code;
	char buf[11];

	switch (f->type) {
	case OV_F_STR:
		return *(char *const *)m ? ov_xstrdup(*(char *const *)m) : NULL;
	case OV_F_DATE:
		return day_text(*(const ov_day *)m);
	case OV_F_PDATE: {
		const ov_pdate *pd = m;

		if (pd->prec == OV_PREC_NONE || pd->day == OV_DAY_NONE)
			return NULL;
		ov_date_format(pd->day, buf);
		return ov_xasprintf("(%s,%d)", buf, (int)pd->prec);
	}
	case OV_F_INT:
		if (f->has_none && *(const int *)m == f->none)
			return NULL;
		return ov_xasprintf("%d", *(const int *)m);
	case OV_F_BOOL:
		return ov_xstrdup(*(const bool *)m ? "t" : "f");
	case OV_F_ENUM:
		code = f->en->code(m);
		return *code ? ov_xstrdup(code) : NULL;
	case OV_F_STRV:
	case OV_F_OBJV:
		break;
	}
	return NULL;
}

int pg_p_field(pg_params *p, const ov_field *f, const void *elem)
{
	push(p, pg_field_text(f, elem));
	return 0;
}

int pg_fields_params(pg_params *p, const ov_shape *sh, const void *elem)
{
	for (size_t i = 0; i < sh->n_fields; i++)
		if (ov_store_is_scalar(&sh->fields[i]))
			pg_p_field(p, &sh->fields[i], elem);
	return 0;
}

void pg_params_release(pg_params *p)
{
	if (!p)
		return;
	for (int i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
	memset(p, 0, sizeof *p);
}

/* ---- reading values ---- */

const char *pg_val(const PGresult *res, int r, int i)
{
	return PQgetisnull(res, r, i) ? NULL : PQgetvalue(res, r, i);
}

int pg_day_read(const char *v, ov_day *out)
{
	*out = OV_DAY_NONE;
	if (!v)
		return 0;
	return ov_date_parse(v, out) < 0 ? -1 : 0;
}

/* "(YYYY-MM-DD,P)", the composite pdate's text. */
static int pdate_read(const char *v, ov_pdate *out)
{
	char day[11];
	int prec;
	char end;

	*out = OV_PDATE_NONE;
	if (!v)
		return 0;
	if (strlen(v) != 14 || v[0] != '(' || v[11] != ',' ||
	    sscanf(v + 12, "%d%c", &prec, &end) != 2 || end != ')' ||
	    prec < OV_PREC_YEAR || prec > OV_PREC_DAY)
		return -1;
	memcpy(day, v + 1, 10);
	day[10] = '\0';
	if (ov_date_parse(day, &out->day) < 0)
		return -1;
	out->prec = (enum ov_prec)prec;
	return 0;
}

static int int_read(const ov_field *f, int *m, const char *v)
{
	char *end;
	long n;

	if (!v) {
		*m = f->none;
		return f->has_none ? 0 : -1;
	}
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno || *end || end == v || n < f->min || n > f->max)
		return -1;
	*m = (int)n;
	return 0;
}

int pg_field_read(const ov_field *f, void *elem, const char *v)
{
	void *m = ov_field_ptr(f, elem);

	switch (f->type) {
	case OV_F_STR:
		*(char **)m = v ? ov_xstrdup(v) : NULL;
		return 0;
	case OV_F_DATE:
		return pg_day_read(v, m);
	case OV_F_PDATE:
		return pdate_read(v, m);
	case OV_F_INT:
		return int_read(f, m, v);
	case OV_F_BOOL:
		*(bool *)m = v && v[0] == 't';
		return 0;
	case OV_F_ENUM:
		if (!v)
			return f->required ? -1 : 0;
		return f->en->set(m, v) < 0 ? -1 : 0;
	case OV_F_STRV:
	case OV_F_OBJV:
		break;
	}
	return -1;
}

int pg_fields_read(const PGresult *res, int r, int at, const ov_shape *sh,
                   void *elem)
{
	int bad = 0;

	for (size_t i = 0; i < sh->n_fields; i++) {
		const ov_field *f = &sh->fields[i];

		if (ov_store_is_scalar(f))
			bad |= pg_field_read(f, elem, pg_val(res, r, at++));
	}
	return bad ? -1 : at;
}

/* ---- running statements ---- */

static const char *field(const PGresult *res, int code)
{
	const char *v = res ? PQresultErrorField(res, code) : NULL;

	return v ? v : "";
}

/* The server's message on one line. */
static char *one_line(const char *msg)
{
	char *m = ov_xstrdup(msg && *msg ? msg : "no answer from the server");
	size_t n = strlen(m);

	while (n && (m[n - 1] == '\n' || m[n - 1] == ' '))
		m[--n] = '\0';
	for (char *p = m; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	return m;
}

ov_store_rc pg_failed(pg *s, const PGresult *res, const char *what,
                      const char *noun, const char *id, ov_diag *d)
{
	const char *state = field(res, PG_DIAG_SQLSTATE);
	char *msg = one_line(res ? field(res, PG_DIAG_MESSAGE_PRIMARY)
	                         : PQerrorMessage(s->c));
	ov_store_rc rc = OV_STORE_ERROR;

	if (noun && !strcmp(state, "23505")) {
		ov_diag_at(d, OV_PROB_CONFLICT, NULL,
		           "%s: %s '%s' is already in the database", s->name,
		           noun, id ? id : "?");
		rc = OV_STORE_CONFLICT;
	} else if (noun && !strcmp(state, "23503")) {
		ov_diag_at(d, OV_PROB_INPUT, NULL,
		           "%s: %s '%s' cannot be stored: FOREIGN KEY "
		           "constraint failed (%s)",
		           s->name, noun, id ? id : "?", msg);
		rc = OV_STORE_INVALID;
	} else if (noun &&
	           (!strncmp(state, "23", 2) || !strncmp(state, "22", 2))) {
		ov_diag_at(d, OV_PROB_INPUT, NULL,
		           "%s: %s '%s' cannot be stored: %s", s->name, noun,
		           id ? id : "?", msg);
		rc = OV_STORE_INVALID;
	} else if (!*msg || !strcmp(msg, "no answer from the server") ||
	           PQstatus(s->c) != CONNECTION_OK) {
		char *conn = one_line(PQerrorMessage(s->c));
		ov_diag_add(d, "%s: %s: %s", s->name, what, conn);
		free(conn);
	} else {
		ov_diag_add(d, "%s: %s: %s", s->name, what, msg);
	}
	free(msg);
	return rc;
}

ov_store_rc pg_damaged(pg *s, ov_diag *d, const char *what, const char *id)
{
	ov_diag_add(d,
	            "%s: %s%s%s%s has a stored value that is not valid "
	            "(database damaged?)",
	            s->name, what, id ? " '" : "", id ? id : "", id ? "'" : "");
	return OV_STORE_ERROR;
}

ov_store_rc pg_run(pg *s, const char *sql, const pg_params *p, PGresult **res,
                   const char *what, const char *noun, const char *id,
                   ov_diag *d)
{
	/* Fixed text without values may be several statements. */
	PGresult *r = p ? PQexecParams(s->c, sql, p->n, NULL,
	                               (const char *const *)p->v, NULL, NULL, 0)
	                : PQexec(s->c, sql);
	ExecStatusType st = PQresultStatus(r);
	ov_store_rc rc;

	*res = NULL;
	if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
		*res = r;
		return OV_STORE_OK;
	}
	rc = pg_failed(s, r, what, noun, id, d);
	PQclear(r);
	return rc;
}

ov_store_rc pg_do(pg *s, const char *sql, const pg_params *p, const char *what,
                  const char *noun, const char *id, ov_diag *d)
{
	PGresult *res = NULL;
	ov_store_rc rc = pg_run(s, sql, p, &res, what, noun, id, d);

	PQclear(res);
	return rc;
}

/* ---- transactions ---- */

ov_store_rc pg_begin(pg *s, bool write, ov_diag *d)
{
	ov_store_rc rc =
	    pg_do(s,
	          write ? "BEGIN ISOLATION LEVEL READ COMMITTED"
	                : "BEGIN ISOLATION LEVEL REPEATABLE READ"
	                  " READ ONLY",
	          NULL, "cannot start a transaction", NULL, NULL, d);

	s->in_tx = rc == OV_STORE_OK;
	s->bump = s->in_tx && write;
	return rc;
}

ov_store_rc pg_begin_private(pg *s, ov_diag *d)
{
	ov_store_rc rc = pg_begin(s, true, d);

	s->bump = false;
	return rc;
}

/* The generation is a row written in the transaction it counts: a
 * reader sees it and the data it counts in one snapshot.  Being the last
 * row a writer locks, it also orders every writer's commit. */
ov_store_rc pg_commit(pg *s, ov_diag *d)
{
	ov_store_rc rc = OV_STORE_OK;

	if (s->bump)
		rc = pg_do(s,
		           "UPDATE store_meta SET value = value + 1"
		           " WHERE key = 'generation'",
		           NULL, "cannot count the write", NULL, NULL, d);
	s->bump = false;
	if (!rc)
		rc = pg_do(s, "COMMIT", NULL, "cannot commit", NULL, NULL, d);
	if (rc)
		pg_rollback(s);
	s->in_tx = false;
	return rc;
}

void pg_rollback(pg *s)
{
	s->bump = false;
	if (PQtransactionStatus(s->c) != PQTRANS_IDLE)
		PQclear(PQexec(s->c, "ROLLBACK"));
	s->in_tx = false;
}

/* ---- COPY ---- */

void pg_copy_value(ov_buf *b, const char *v)
{
	if (!v) {
		ov_buf_puts(b, "\\N");
		return;
	}
	for (const char *p = v; *p; p++) {
		switch (*p) {
		case '\\':
			ov_buf_puts(b, "\\\\");
			break;
		case '\t':
			ov_buf_puts(b, "\\t");
			break;
		case '\n':
			ov_buf_puts(b, "\\n");
			break;
		case '\r':
			ov_buf_puts(b, "\\r");
			break;
		default:
			ov_buf_putc(b, *p);
		}
	}
}

/* "COPY t, line N..." in the error's context. */
static long copy_line(const PGresult *res)
{
	const char *ctx = field(res, PG_DIAG_CONTEXT);
	const char *at = strstr(ctx, ", line ");

	return at ? strtol(at + 7, NULL, 10) : 0;
}

void pg_copy_field(ov_buf *b, const ov_field *f, const void *elem)
{
	const void *m = ov_field_cptr(f, elem);
	char buf[11];

	switch (f->type) {
	case OV_F_STR:
		pg_copy_value(b, *(char *const *)m);
		return;
	case OV_F_DATE:
		if (*(const ov_day *)m == OV_DAY_NONE)
			break;
		ov_date_format(*(const ov_day *)m, buf);
		ov_buf_add(b, buf, 10);
		return;
	case OV_F_INT:
		if (f->has_none && *(const int *)m == f->none)
			break;
		ov_buf_printf(b, "%d", *(const int *)m);
		return;
	case OV_F_BOOL:
		ov_buf_putc(b, *(const bool *)m ? 't' : 'f');
		return;
	default: {
		char *t = pg_field_text(f, elem);

		pg_copy_value(b, t);
		free(t);
		return;
	}
	}
	ov_buf_puts(b, "\\N");
}

ov_store_rc pg_copy_begin(pg *s, const char *sql, ov_diag *d)
{
	PGresult *res = PQexec(s->c, sql);
	ov_store_rc rc = OV_STORE_OK;

	if (PQresultStatus(res) != PGRES_COPY_IN)
		rc = pg_failed(s, res, "cannot load rows", NULL, NULL, d);
	PQclear(res);
	return rc;
}

int pg_copy_send(pg *s, ov_buf *b, bool all)
{
	int r = 0;

	if (b->len && (all || b->len >= (1u << 20))) {
		r = PQputCopyData(s->c, ov_buf_str(b), (int)b->len) == 1 ? 0
		                                                         : -1;
		ov_buf_reset(b);
	}
	return r;
}

bool pg_error_key(const PGresult *res, char **col, char **val)
{
	const char *det = field(res, PG_DIAG_MESSAGE_DETAIL);
	const char *c = strstr(det, "Key ("), *ce, *v, *ve;

	*col = *val = NULL;
	if (!c || !(ce = strstr(c + 5, ")=(")))
		return false;
	v = ce + 3;
	ve = strrchr(v, ')');
	if (!ve)
		return false;
	*col = ov_xasprintf("%.*s", (int)(ce - c - 5), c + 5);
	*val = ov_xasprintf("%.*s", (int)(ve - v), v);
	return true;
}

ov_store_rc pg_copy_end(pg *s, ov_buf *b, bool ok, const char *noun,
                        pg_copy_namer *name, void *ctx, ov_diag *d)
{
	PGresult *res;
	ov_store_rc rc = OV_STORE_OK;

	if (ok && pg_copy_send(s, b, true) < 0)
		ok = false;
	ov_buf_reset(b);
	if (PQputCopyEnd(s->c, ok ? NULL : "aborted") != 1)
		ok = false;
	res = PQgetResult(s->c);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		char *col = NULL, *val = NULL;
		const char *id;

		pg_error_key(res, &col, &val);
		id = name(ctx, copy_line(res), col, val);
		rc = pg_failed(s, res, "cannot load rows", noun, id, d);
		free(col);
		free(val);
	} else if (!ok) {
		rc = pg_failed(s, NULL, "cannot load rows", NULL, NULL, d);
	}
	PQclear(res);
	while ((res = PQgetResult(s->c)))
		PQclear(res);
	return rc;
}

/* ---- cursors ---- */

enum { BATCH = 4096 };

ov_store_rc pg_cur_open(pg *s, pg_cursor *c, const char *name,
                        const char *select, const pg_params *p, ov_diag *d)
{
	char *sql =
	    ov_xasprintf("DECLARE %s NO SCROLL CURSOR FOR %s", name, select);
	ov_store_rc rc =
	    pg_do(s, sql, p, "cannot read the register", NULL, NULL, d);

	free(sql);
	c->name = name;
	c->open = rc == OV_STORE_OK;
	c->row = c->n = 0;
	c->done = false;
	return rc;
}

int pg_cur_next(pg *s, pg_cursor *c, ov_diag *d)
{
	char sql[64];

	if (c->done)
		return 0;
	if (c->res && ++c->row < c->n)
		return 1;
	PQclear(c->res);
	c->res = NULL;
	snprintf(sql, sizeof sql, "FETCH FORWARD %d FROM %s", BATCH, c->name);
	if (pg_run(s, sql, NULL, &c->res, "cannot read the register", NULL,
	           NULL, d) != OV_STORE_OK)
		return -1;
	c->row = 0;
	c->n = PQntuples(c->res);
	if (c->n == 0) {
		c->done = true;
		return 0;
	}
	return 1;
}

void pg_cur_close(pg *s, pg_cursor *c)
{
	char sql[64];

	PQclear(c->res);
	c->res = NULL;
	if (c->open && PQtransactionStatus(s->c) == PQTRANS_INTRANS) {
		snprintf(sql, sizeof sql, "CLOSE %s", c->name);
		PQclear(PQexec(s->c, sql));
	}
	c->open = false;
}

long long pg_cur_id(const pg_cursor *c)
{
	return atoll(PQgetvalue(c->res, c->row, 0));
}

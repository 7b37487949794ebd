#ifndef OV_STORE_PG_PG_H
#define OV_STORE_PG_PG_H
/*
 * Private to the PostgreSQL backend (src/store/pg/): its handle and the
 * helpers every file of it uses.  Nothing here leaves src/store/pg.
 *
 * Every statement is fixed text (or text made from the schema's own
 * names, store/tables.h) run with PQexecParams, its values passed as
 * parameters $1.. in text form, never written into the SQL.  Values
 * travel as text: dates as ISO 'YYYY-MM-DD' (the connection sets
 * DateStyle ISO), a partial date as the composite pdate '(day,prec)',
 * booleans as t/f.
 *
 * Helpers that can fail append "NAME: what: the server's message" to d
 * (a runtime problem) and return OV_STORE_ERROR, unless they say
 * otherwise.  NAME is the URI without its password.
 */
#include <libpq-fe.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/fields.h"
#include "store/tables.h"
#include "store/types.h"
#include "util/buf.h"

struct pg_words;

typedef struct pg {
	PGconn *c;
	char *name; /* for messages: the URI without password */
	/* The open transaction is a write whose commit adds one to the
	 * generation (pg_commit). */
	bool bump;
	bool in_tx;
	struct pg_words *words; /* the search tokenizer (pg/search.c) */
} pg;

/* Parameters of one statement, in order, each a NUL-terminated text or
 * NULL (SQL NULL); owned by the list. */
typedef struct pg_params {
	char **v;
	int n;
	size_t cap;
} pg_params;

void pg_p_str(pg_params *p, const char *v);
void pg_p_int(pg_params *p, long long v);
void pg_p_day(pg_params *p, ov_day v); /* OV_DAY_NONE: NULL */
/* Member f of elem, as its type says (a scalar field); -1 for an enum
 * value that has no code (it is then bound as NULL). */
int pg_p_field(pg_params *p, const ov_field *f, const void *elem);
void pg_params_release(pg_params *p);

/* The text of member f of elem as a parameter or COPY value: a new
 * string, or NULL for SQL NULL. */
char *pg_field_text(const ov_field *f, const void *elem);
/* Read a column's text (NULL: SQL NULL) into member f of elem; 0, or -1
 * for a value the field cannot hold (a damaged database). */
int pg_field_read(const ov_field *f, void *elem, const char *v);
/* A date column's text (NULL: OV_DAY_NONE); 0 or -1. */
int pg_day_read(const char *v, ov_day *out);

/* Column i of row r: NULL for SQL NULL, else borrowed text. */
const char *pg_val(const PGresult *res, int r, int i);
/* Read the scalar fields of sh from columns at.. of row r into elem;
 * the next column, or -1 for a value that does not fit. */
int pg_fields_read(const PGresult *res, int r, int at, const ov_shape *sh,
                   void *elem);
/* Bind sh's scalar fields of elem, in field order; -1 if an enum has no
 * code (bound NULL, which the schema refuses). */
int pg_fields_params(pg_params *p, const ov_shape *sh, const void *elem);

/* Run sql with params (may be NULL).  OV_STORE_OK with *res the result
 * (the caller PQclears it), or the failure classified: a unique clash
 * is OV_STORE_CONFLICT ("NOUN 'ID' is already in the database"), a
 * broken link, a NULL in a required column or a value the schema's
 * checks refuse OV_STORE_INVALID ("NOUN 'ID' cannot be stored: ..."),
 * anything else OV_STORE_ERROR ("what"); *res NULL then.  noun and id
 * may be NULL. */
ov_store_rc pg_run(pg *s, const char *sql, const pg_params *p, PGresult **res,
                   const char *what, const char *noun, const char *id,
                   ov_diag *d);
/* pg_run, the result thrown away. */
ov_store_rc pg_do(pg *s, const char *sql, const pg_params *p, const char *what,
                  const char *noun, const char *id, ov_diag *d);
/* Classify a failed result as pg_run does (and add the problem). */
ov_store_rc pg_failed(pg *s, const PGresult *res, const char *what,
                      const char *noun, const char *id, ov_diag *d);
/* "Key (COL)=(VAL) ..." in a failed result's detail: COL and VAL into
 * new strings (the caller frees them), or false and both NULL.  A key of
 * several columns is not split. */
bool pg_error_key(const PGresult *res, char **col, char **val);
/* "the database has a value that is not valid" for a row of `what`. */
ov_store_rc pg_damaged(pg *s, ov_diag *d, const char *what, const char *id);

/* A write transaction (READ COMMITTED: appends lock their rec's row,
 * pg/write.c) whose commit adds one to the generation, or, private, one
 * that leaves it (accounts, sessions, failures).  A read is one snapshot
 * (REPEATABLE READ, READ ONLY). */
ov_store_rc pg_begin(pg *s, bool write, ov_diag *d);
ov_store_rc pg_begin_private(pg *s, ov_diag *d);
ov_store_rc pg_commit(pg *s, ov_diag *d);
/* Roll back if a transaction is open; never fails the caller. */
void pg_rollback(pg *s);

/* Append v to b as one COPY text-format value (NULL: \N), escaped. */
void pg_copy_value(ov_buf *b, const char *v);
/* Append member f of elem as one COPY value. */
void pg_copy_field(ov_buf *b, const ov_field *f, const void *elem);
/* A COPY ... FROM STDIN: begin it, send the rows gathered in b now and
 * then (all: whatever b holds; else only once it is large; b is emptied
 * when sent; -1 if the connection failed), and end it (ok false: abort
 * it).  pg_copy_end's failures are pg_run's, naming noun and the id name
 * gives for the row the server refused: by its 1-based line (0: the
 * server did not say, as for a broken link, checked at the end), or by
 * the key the server names (col and val, NULL if it names none). */
typedef const char *pg_copy_namer(void *ctx, long line, const char *col,
                                  const char *val);
ov_store_rc pg_copy_begin(pg *s, const char *sql, ov_diag *d);
int pg_copy_send(pg *s, ov_buf *b, bool all);
ov_store_rc pg_copy_end(pg *s, ov_buf *b, bool ok, const char *noun,
                        pg_copy_namer *name, void *ctx, ov_diag *d);

/* A server-side cursor over a SELECT, read in batches (a national
 * register streams in bounded memory); only inside a transaction. */
typedef struct pg_cursor {
	const char *name; /* a fixed name, unique among those open */
	PGresult *res;    /* the current batch */
	int row, n;
	bool open, done;
} pg_cursor;

ov_store_rc pg_cur_open(pg *s, pg_cursor *c, const char *name,
                        const char *select, const pg_params *p, ov_diag *d);
/* Move to the next row: 1 there is one (c->res, c->row), 0 the end, -1
 * failed (a problem in d). */
int pg_cur_next(pg *s, pg_cursor *c, ov_diag *d);
/* Column 0 of the current row as an integer. */
long long pg_cur_id(const pg_cursor *c);
void pg_cur_close(pg *s, pg_cursor *c);

/* Migrations (pg/schema.c). */
int pg_schema_latest(void);
int pg_schema_version(pg *s);
/* Whether the database is empty, oversight's, or another program's;
 * then migrate (create: an empty database is given the schema). */
ov_store_rc pg_prepare_schema(pg *s, bool create, ov_diag *d);

#endif

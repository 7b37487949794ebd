/* The PostgreSQL backend: accounts, sessions and failed sign-ins, with
 * the contracts of the ov_store_account_*, _session_* and _failure_*
 * functions (store/store.h), as sqlite/accounts.c.  Every statement is
 * fixed text, every value a parameter; their writes leave the
 * generation alone (pg_begin_private). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg/ops.h"
#include "store/store.h"
#include "util/mem.h"

/* One statement in its own private write transaction, or in the
 * caller's (in_tx).  *changed (may be NULL): the rows it changed. */
static ov_store_rc write_one(pg *s, const char *sql, const pg_params *p,
                             const char *noun, const char *id, long *changed,
                             ov_diag *d)
{
	PGresult *res = NULL;
	ov_store_rc rc = pg_run(s, sql, p, &res, "cannot write", noun, id, d);

	if (!rc && changed)
		*changed = atol(PQcmdTuples(res));
	PQclear(res);
	return rc;
}

static int col_time(const char *v, int64_t *out)
{
	char *end;

	if (!v)
		return -1;
	errno = 0;
	*out = strtoll(v, &end, 10);
	return errno || *end || end == v ? -1 : 0;
}

static char *dup_or_null(const char *v)
{
	return v ? ov_xstrdup(v) : NULL;
}

/* ---- accounts ---- */

#define ACCOUNT_COLS "login, role, person, hash, disabled, created, force"

static int read_account(const PGresult *res, int r, ov_store_account *out)
{
	int bad = col_time(pg_val(res, r, 5), &out->created);
	const char *dis = pg_val(res, r, 4);

	out->login = dup_or_null(pg_val(res, r, 0));
	out->role = dup_or_null(pg_val(res, r, 1));
	out->person = dup_or_null(pg_val(res, r, 2));
	out->hash = dup_or_null(pg_val(res, r, 3));
	out->disabled = dis && dis[0] == 't';
	out->force = dup_or_null(pg_val(res, r, 6));
	return bad || !out->login || !out->role || !out->hash ? -1 : 0;
}

ov_store_rc pg_account_add(void *impl, const ov_store_account *acc, ov_diag *d)
{
	pg_params p = {0};
	ov_store_rc rc;

	pg_p_str(&p, acc->login);
	pg_p_str(&p, acc->role);
	pg_p_str(&p, acc->person);
	pg_p_str(&p, acc->hash);
	pg_p_str(&p, acc->disabled ? "t" : "f");
	pg_p_int(&p, acc->created);
	pg_p_str(&p, acc->force);
	rc = write_one(impl,
	               "INSERT INTO accounts (" ACCOUNT_COLS ")"
	               " VALUES ($1, $2, $3, $4, $5, $6, $7)",
	               &p, "account", acc->login, NULL, d);
	pg_params_release(&p);
	return rc;
}

ov_store_rc pg_account_get(void *impl, const char *login, ov_store_account *out,
                           ov_diag *d)
{
	pg *s = impl;
	pg_params p = {0};
	PGresult *res = NULL;
	ov_store_rc rc;

	memset(out, 0, sizeof *out);
	pg_p_str(&p, login);
	rc = pg_run(s, "SELECT " ACCOUNT_COLS " FROM accounts WHERE login = $1",
	            &p, &res, "cannot read an account", NULL, NULL, d);
	if (!rc && PQntuples(res) == 0) {
		ov_diag_at(d, OV_PROB_NOTFOUND, NULL, "no account '%s' in %s",
		           login, s->name);
		rc = OV_STORE_NOTFOUND;
	} else if (!rc && read_account(res, 0, out) < 0) {
		ov_store_account_release(out);
		rc = pg_damaged(s, d, "account", login);
	}
	PQclear(res);
	pg_params_release(&p);
	return rc;
}

ov_store_rc pg_accounts(void *impl, ov_store_account_list *out, ov_diag *d)
{
	pg *s = impl;
	PGresult *res = NULL;
	ov_store_rc rc =
	    pg_run(s, "SELECT " ACCOUNT_COLS " FROM accounts ORDER BY login",
	           NULL, &res, "cannot read the accounts", NULL, NULL, d);
	int n = rc ? 0 : PQntuples(res);

	memset(out, 0, sizeof *out);
	if (n)
		out->items = ov_xcalloc((size_t)n, sizeof *out->items);
	for (int i = 0; i < n && !rc; i++) {
		ov_store_account *acc = &out->items[out->n++];

		if (read_account(res, i, acc) < 0)
			rc = pg_damaged(s, d, "account", acc->login);
	}
	PQclear(res);
	if (rc)
		ov_store_account_list_release(out);
	return rc;
}

/* Change one account's column ($2) and end its sessions, in one
 * transaction. */
static ov_store_rc account_change(pg *s, const char *login, const char *set_sql,
                                  const char *v, ov_diag *d)
{
	pg_params p = {0};
	long changed = 0;
	ov_store_rc rc = pg_begin_private(s, d);

	pg_p_str(&p, login);
	pg_p_str(&p, v);
	if (!rc)
		rc = write_one(s, set_sql, &p, "account", login, &changed, d);
	if (!rc && changed == 0) {
		ov_diag_at(d, OV_PROB_NOTFOUND, NULL, "no account '%s' in %s",
		           login, s->name);
		rc = OV_STORE_NOTFOUND;
	}
	pg_params_release(&p);
	pg_p_str(&p, login);
	if (!rc)
		rc = write_one(s, "DELETE FROM sessions WHERE login = $1", &p,
		               "session", login, NULL, d);
	if (!rc)
		rc = pg_commit(s, d);
	if (rc)
		pg_rollback(s);
	pg_params_release(&p);
	return rc;
}

ov_store_rc pg_account_set_hash(void *impl, const char *login, const char *hash,
                                ov_diag *d)
{
	return account_change(impl, login,
	                      "UPDATE accounts SET hash = $2 WHERE login = $1",
	                      hash, d);
}

ov_store_rc pg_account_set_disabled(void *impl, const char *login,
                                    bool disabled, ov_diag *d)
{
	return account_change(
	    impl, login, "UPDATE accounts SET disabled = $2 WHERE login = $1",
	    disabled ? "t" : "f", d);
}

/* ---- sessions ---- */

ov_store_rc pg_session_add(void *impl, const ov_store_session *sess,
                           int64_t idle_before, int64_t created_before,
                           ov_diag *d)
{
	pg *s = impl;
	pg_params del = {0}, ins = {0};
	ov_store_rc rc = pg_begin_private(s, d);

	pg_p_int(&del, idle_before);
	pg_p_int(&del, created_before);
	pg_p_str(&ins, sess->token_hash);
	pg_p_str(&ins, sess->login);
	pg_p_int(&ins, sess->created);
	pg_p_int(&ins, sess->last_seen);
	if (!rc)
		rc = write_one(s,
		               "DELETE FROM sessions"
		               " WHERE last_seen < $1 OR created < $2",
		               &del, "session", NULL, NULL, d);
	/* The message names the account, not the token's digest. */
	if (!rc)
		rc = write_one(s,
		               "INSERT INTO sessions (token_hash, login,"
		               " created, last_seen) VALUES ($1, $2, $3, $4)",
		               &ins, "session of", sess->login, NULL, d);
	if (!rc)
		rc = pg_commit(s, d);
	if (rc)
		pg_rollback(s);
	pg_params_release(&del);
	pg_params_release(&ins);
	return rc;
}

ov_store_rc pg_session_get(void *impl, const char *token_hash,
                           ov_store_session *out, ov_diag *d)
{
	pg *s = impl;
	pg_params p = {0};
	PGresult *res = NULL;
	ov_store_rc rc;

	memset(out, 0, sizeof *out);
	pg_p_str(&p, token_hash);
	rc = pg_run(s,
	            "SELECT token_hash, login, created, last_seen"
	            " FROM sessions WHERE token_hash = $1",
	            &p, &res, "cannot read a session", NULL, NULL, d);
	if (!rc && PQntuples(res) == 0) {
		ov_diag_at(d, OV_PROB_NOTFOUND, NULL, "no such session");
		rc = OV_STORE_NOTFOUND;
	} else if (!rc) {
		out->token_hash = dup_or_null(pg_val(res, 0, 0));
		out->login = dup_or_null(pg_val(res, 0, 1));
		if (!out->token_hash || !out->login ||
		    col_time(pg_val(res, 0, 2), &out->created) < 0 ||
		    col_time(pg_val(res, 0, 3), &out->last_seen) < 0) {
			ov_store_session_release(out);
			rc = pg_damaged(s, d, "a session", NULL);
		}
	}
	PQclear(res);
	pg_params_release(&p);
	return rc;
}

ov_store_rc pg_session_touch(void *impl, const char *token_hash,
                             int64_t last_seen, ov_diag *d)
{
	pg_params p = {0};
	long changed = 0;
	ov_store_rc rc;

	pg_p_str(&p, token_hash);
	pg_p_int(&p, last_seen);
	rc = write_one(
	    impl, "UPDATE sessions SET last_seen = $2 WHERE token_hash = $1",
	    &p, "session", NULL, &changed, d);
	if (!rc && !changed) {
		ov_diag_at(d, OV_PROB_NOTFOUND, NULL, "no such session");
		rc = OV_STORE_NOTFOUND;
	}
	pg_params_release(&p);
	return rc;
}

ov_store_rc pg_session_delete(void *impl, const char *token_hash, ov_diag *d)
{
	pg_params p = {0};
	ov_store_rc rc;

	pg_p_str(&p, token_hash);
	rc = write_one(impl, "DELETE FROM sessions WHERE token_hash = $1", &p,
	               "session", NULL, NULL, d);
	pg_params_release(&p);
	return rc;
}

/* ---- failed sign-ins ---- */

ov_store_rc pg_failure_add(void *impl, const char *login, const char *addr,
                           int64_t at, int64_t prune_before, ov_diag *d)
{
	pg *s = impl;
	pg_params del = {0}, ins = {0};
	ov_store_rc rc = pg_begin_private(s, d);

	pg_p_int(&del, prune_before);
	pg_p_str(&ins, login);
	pg_p_str(&ins, addr);
	pg_p_int(&ins, at);
	if (!rc)
		rc = write_one(s, "DELETE FROM login_failures WHERE at < $1",
		               &del, "sign-in failure", NULL, NULL, d);
	if (!rc)
		rc = write_one(s,
		               "INSERT INTO login_failures (login, addr, at)"
		               " VALUES ($1, $2, $3)",
		               &ins, "sign-in failure of", login, NULL, d);
	if (!rc)
		rc = pg_commit(s, d);
	if (rc)
		pg_rollback(s);
	pg_params_release(&del);
	pg_params_release(&ins);
	return rc;
}

ov_store_rc pg_failure_count(void *impl, const char *login, const char *addr,
                             int64_t since, size_t *by_login, size_t *by_addr,
                             ov_diag *d)
{
	pg_params p = {0};
	PGresult *res = NULL;
	ov_store_rc rc;

	*by_login = *by_addr = 0;
	pg_p_str(&p, login);
	pg_p_str(&p, addr);
	pg_p_int(&p, since);
	/* A NULL $1 or $2 matches no row: = NULL is never true. */
	rc = pg_run(impl,
	            "SELECT (SELECT count(*) FROM login_failures"
	            "        WHERE login = $1 AND at >= $3),"
	            "       (SELECT count(*) FROM login_failures"
	            "        WHERE addr = $2 AND at >= $3)",
	            &p, &res, "cannot count failed sign-ins", NULL, NULL, d);
	if (!rc) {
		*by_login = (size_t)atoll(PQgetvalue(res, 0, 0));
		*by_addr = (size_t)atoll(PQgetvalue(res, 0, 1));
	}
	PQclear(res);
	pg_params_release(&p);
	return rc;
}

ov_store_rc pg_failure_clear(void *impl, const char *login, ov_diag *d)
{
	pg_params p = {0};
	ov_store_rc rc;

	pg_p_str(&p, login);
	rc = write_one(impl, "DELETE FROM login_failures WHERE login = $1", &p,
	               "sign-in failure", NULL, NULL, d);
	pg_params_release(&p);
	return rc;
}

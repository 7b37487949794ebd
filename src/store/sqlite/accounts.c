/* The SQLite backend: accounts, sessions and failed sign-ins, with the
 * contracts of the ov_store_account_*, _session_* and _failure_* functions
 * (store/store.h).  Every value is bound; every statement is fixed text. */
#include "store/sqlite/accounts.h"

#include <stdlib.h>
#include <string.h>

#include "store/sqlite/sq.h"
#include "store/store.h"
#include "util/mem.h"

static ov_store_rc bind_failed(sq *s, ov_diag *d)
{
	return sq_fail(s, d, "cannot bind a value");
}

/* Run one statement that writes, ?1 bound to key and ?2 to the int v
 * (when has_v), inside the caller's transaction or on its own.  *changed
 * (may be NULL): the rows it changed. */
static ov_store_rc write_one(sq *s, const char *sql, const char *key,
                             bool has_v, long long v, const char *entity,
                             int *changed, ov_diag *d)
{
	sqlite3_stmt *st = NULL;
	ov_store_rc rc = sq_prepare(s, sql, &st, d);

	if (rc)
		return rc;
	if (sq_bind_str(st, 1, key) != SQLITE_OK ||
	    (has_v && sq_bind_int(st, 2, v) != SQLITE_OK))
		rc = bind_failed(s, d);
	if (!rc)
		rc = sq_step_write(s, st, entity, key, d);
	if (!rc && changed)
		*changed = sqlite3_changes(s->db);
	sqlite3_finalize(st);
	return rc;
}

/* An INTEGER column, or the row is damaged. */
static int col_time(sqlite3_stmt *st, int i, int64_t *out)
{
	if (sqlite3_column_type(st, i) != SQLITE_INTEGER)
		return -1;
	*out = sqlite3_column_int64(st, i);
	return 0;
}

/* ---- accounts ---- */

#define ACCOUNT_COLS "login, role, person, hash, disabled, created, force"

static int read_account(sqlite3_stmt *st, ov_store_account *out)
{
	int bad = col_time(st, 5, &out->created);

	out->login = sq_col_str(st, 0);
	out->role = sq_col_str(st, 1);
	out->person = sq_col_str(st, 2);
	out->hash = sq_col_str(st, 3);
	out->disabled = sqlite3_column_int(st, 4) != 0;
	out->force = sq_col_str(st, 6);
	return bad || !out->login || !out->role || !out->hash ? -1 : 0;
}

ov_store_rc sq_account_add(void *impl, const ov_store_account *acc, ov_diag *d)
{
	sq *s = impl;
	sqlite3_stmt *st = NULL;
	ov_store_rc rc = sq_prepare(s,
	                            "INSERT INTO accounts (" ACCOUNT_COLS ")"
	                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	                            &st, d);

	if (rc)
		return rc;
	if (sq_bind_str(st, 1, acc->login) | sq_bind_str(st, 2, acc->role) |
	    sq_bind_str(st, 3, acc->person) | sq_bind_str(st, 4, acc->hash) |
	    sq_bind_int(st, 5, acc->disabled) |
	    sq_bind_int(st, 6, acc->created) |
	    sq_bind_str(st, 7, acc->force))
		rc = bind_failed(s, d);
	else
		rc = sq_step_write(s, st, "account", acc->login, d);
	sqlite3_finalize(st);
	return rc;
}

ov_store_rc sq_account_get(void *impl, const char *login, ov_store_account *out,
                           ov_diag *d)
{
	sq *s = impl;
	sqlite3_stmt *st = NULL;
	bool found;
	ov_store_rc rc = sq_query_kept(
	    s, SQ_KEPT_ACCOUNT,
	    "SELECT " ACCOUNT_COLS " FROM accounts WHERE login = ?1", login,
	    &st, &found, "cannot read an account", d);

	memset(out, 0, sizeof *out);
	if (!rc && !found) {
		ov_diag_at(d, OV_PROB_NOTFOUND, NULL, "no account '%s' in %s",
		           login, s->path);
		rc = OV_STORE_NOTFOUND;
	} else if (!rc && read_account(st, out) < 0) {
		ov_store_account_release(out);
		rc = sq_damaged(s, d, "account", login);
	}
	sq_done(s, st);
	return rc;
}

ov_store_rc sq_accounts(void *impl, ov_store_account_list *out, ov_diag *d)
{
	sq *s = impl;
	sqlite3_stmt *st = NULL;
	ov_store_rc rc = sq_prepare(
	    s, "SELECT " ACCOUNT_COLS " FROM accounts ORDER BY login", &st, d);
	size_t cap = 0;
	int step;

	memset(out, 0, sizeof *out);
	if (rc)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		ov_store_account *acc;

		OV_GROW(out->items, cap, out->n + 1);
		acc = &out->items[out->n++];
		memset(acc, 0, sizeof *acc);
		if (read_account(st, acc) < 0) {
			rc = sq_damaged(s, d, "account", acc->login);
			break;
		}
	}
	if (!rc && step != SQLITE_DONE)
		rc = sq_fail(s, d, "cannot read the accounts");
	sqlite3_finalize(st);
	if (rc)
		ov_store_account_list_release(out);
	return rc;
}

/* Change one account's column and end its sessions, in one transaction.
 * set_sql binds the login as ?1 and the new value as ?2. */
static ov_store_rc account_change(sq *s, const char *login, const char *set_sql,
                                  const char *str, long long v, ov_diag *d)
{
	sqlite3_stmt *st = NULL;
	ov_store_rc rc = sq_prepare(s, set_sql, &st, d);
	int changed = 0;

	if (!rc)
		rc = sq_begin_private(s, d);
	if (rc)
		goto out;
	if (sq_bind_str(st, 1, login) |
	    (str ? sq_bind_str(st, 2, str) : sq_bind_int(st, 2, v)))
		rc = bind_failed(s, d);
	if (!rc)
		rc = sq_step_write(s, st, "account", login, d);
	if (!rc && (changed = sqlite3_changes(s->db)) == 0) {
		ov_diag_at(d, OV_PROB_NOTFOUND, NULL, "no account '%s' in %s",
		           login, s->path);
		rc = OV_STORE_NOTFOUND;
	}
	if (!rc)
		rc = write_one(s, "DELETE FROM sessions WHERE login = ?1",
		               login, false, 0, "session", NULL, d);
	if (!rc)
		rc = sq_commit(s, d);
out:
	if (rc)
		sq_rollback(s);
	sqlite3_finalize(st);
	return rc;
}

ov_store_rc sq_account_set_hash(void *impl, const char *login, const char *hash,
                                ov_diag *d)
{
	return account_change(impl, login,
	                      "UPDATE accounts SET hash = ?2 WHERE login = ?1",
	                      hash, 0, d);
}

ov_store_rc sq_account_set_disabled(void *impl, const char *login,
                                    bool disabled, ov_diag *d)
{
	return account_change(
	    impl, login, "UPDATE accounts SET disabled = ?2 WHERE login = ?1",
	    NULL, disabled, d);
}

/* ---- sessions ---- */

ov_store_rc sq_session_add(void *impl, const ov_store_session *sess,
                           int64_t idle_before, int64_t created_before,
                           ov_diag *d)
{
	sq *s = impl;
	sqlite3_stmt *del = NULL, *ins = NULL;
	ov_store_rc rc = sq_prepare(s,
	                            "DELETE FROM sessions"
	                            " WHERE last_seen < ?1 OR created < ?2",
	                            &del, d);

	if (!rc)
		rc = sq_prepare(s,
		                "INSERT INTO sessions (token_hash, login,"
		                " created, last_seen) VALUES (?1, ?2, ?3, ?4)",
		                &ins, d);
	if (!rc)
		rc = sq_begin_private(s, d);
	if (rc)
		goto out;
	if (sq_bind_int(del, 1, idle_before) |
	    sq_bind_int(del, 2, created_before))
		rc = bind_failed(s, d);
	if (!rc)
		rc = sq_step_write(s, del, "session", NULL, d);
	if (!rc && (sq_bind_str(ins, 1, sess->token_hash) |
	            sq_bind_str(ins, 2, sess->login) |
	            sq_bind_int(ins, 3, sess->created) |
	            sq_bind_int(ins, 4, sess->last_seen)))
		rc = bind_failed(s, d);
	/* The message names the account, not the token's digest. */
	if (!rc)
		rc = sq_step_write(s, ins, "session of", sess->login, d);
	if (!rc)
		rc = sq_commit(s, d);
out:
	if (rc)
		sq_rollback(s);
	sqlite3_finalize(del);
	sqlite3_finalize(ins);
	return rc;
}

ov_store_rc sq_session_get(void *impl, const char *token_hash,
                           ov_store_session *out, ov_diag *d)
{
	sq *s = impl;
	sqlite3_stmt *st = NULL;
	bool found;
	ov_store_rc rc =
	    sq_query_kept(s, SQ_KEPT_SESSION,
	                  "SELECT token_hash, login, created,"
	                  " last_seen FROM sessions"
	                  " WHERE token_hash = ?1",
	                  token_hash, &st, &found, "cannot read a session", d);

	memset(out, 0, sizeof *out);
	if (!rc && !found) {
		ov_diag_at(d, OV_PROB_NOTFOUND, NULL, "no such session");
		rc = OV_STORE_NOTFOUND;
	} else if (!rc) {
		out->token_hash = sq_col_str(st, 0);
		out->login = sq_col_str(st, 1);
		if (!out->token_hash || !out->login ||
		    col_time(st, 2, &out->created) < 0 ||
		    col_time(st, 3, &out->last_seen) < 0) {
			ov_store_session_release(out);
			rc = sq_damaged(s, d, "a session", NULL);
		}
	}
	sq_done(s, st);
	return rc;
}

ov_store_rc sq_session_touch(void *impl, const char *token_hash,
                             int64_t last_seen, ov_diag *d)
{
	sq *s = impl;
	int changed = 0;
	ov_store_rc rc = write_one(
	    s, "UPDATE sessions SET last_seen = ?2 WHERE token_hash = ?1",
	    token_hash, true, last_seen, "session", &changed, d);

	if (!rc && !changed) {
		ov_diag_at(d, OV_PROB_NOTFOUND, NULL, "no such session");
		rc = OV_STORE_NOTFOUND;
	}
	return rc;
}

ov_store_rc sq_session_delete(void *impl, const char *token_hash, ov_diag *d)
{
	return write_one(impl, "DELETE FROM sessions WHERE token_hash = ?1",
	                 token_hash, false, 0, "session", NULL, d);
}

/* ---- failed sign-ins ---- */

ov_store_rc sq_failure_add(void *impl, const char *login, const char *addr,
                           int64_t at, int64_t prune_before, ov_diag *d)
{
	sq *s = impl;
	sqlite3_stmt *del = NULL, *ins = NULL;
	ov_store_rc rc =
	    sq_prepare(s, "DELETE FROM login_failures WHERE at < ?1", &del, d);

	if (!rc)
		rc = sq_prepare(s,
		                "INSERT INTO login_failures (login, addr, at)"
		                " VALUES (?1, ?2, ?3)",
		                &ins, d);
	if (!rc)
		rc = sq_begin_private(s, d);
	if (rc)
		goto out;
	if (sq_bind_int(del, 1, prune_before))
		rc = bind_failed(s, d);
	if (!rc)
		rc = sq_step_write(s, del, "sign-in failure", NULL, d);
	if (!rc && (sq_bind_str(ins, 1, login) | sq_bind_str(ins, 2, addr) |
	            sq_bind_int(ins, 3, at)))
		rc = bind_failed(s, d);
	if (!rc)
		rc = sq_step_write(s, ins, "sign-in failure of", login, d);
	if (!rc)
		rc = sq_commit(s, d);
out:
	if (rc)
		sq_rollback(s);
	sqlite3_finalize(del);
	sqlite3_finalize(ins);
	return rc;
}

ov_store_rc sq_failure_count(void *impl, const char *login, const char *addr,
                             int64_t since, size_t *by_login, size_t *by_addr,
                             ov_diag *d)
{
	sq *s = impl;
	sqlite3_stmt *st = NULL;
	/* A NULL ?1 or ?2 matches no row: = NULL is never true. */
	ov_store_rc rc =
	    sq_prepare(s,
	               "SELECT (SELECT count(*) FROM login_failures"
	               "        WHERE login = ?1 AND at >= ?3),"
	               "       (SELECT count(*) FROM login_failures"
	               "        WHERE addr = ?2 AND at >= ?3)",
	               &st, d);

	*by_login = *by_addr = 0;
	if (rc)
		return rc;
	if (sq_bind_str(st, 1, login) | sq_bind_str(st, 2, addr) |
	    sq_bind_int(st, 3, since))
		rc = bind_failed(s, d);
	else if (sqlite3_step(st) != SQLITE_ROW)
		rc = sq_fail(s, d, "cannot count failed sign-ins");
	if (!rc) {
		*by_login = (size_t)sqlite3_column_int64(st, 0);
		*by_addr = (size_t)sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc;
}

ov_store_rc sq_failure_clear(void *impl, const char *login, ov_diag *d)
{
	return write_one(impl, "DELETE FROM login_failures WHERE login = ?1",
	                 login, false, 0, "sign-in failure", NULL, d);
}

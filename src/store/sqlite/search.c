/* The SQLite backend's search index (sqlite/search.h). */
#include "store/sqlite/search.h"

#include <string.h>

static ov_store_rc run_id(sq *s, const char *sql, sqlite3_int64 id,
                          const char *what, ov_diag *d)
{
	sqlite3_stmt *st = NULL;
	ov_store_rc rc = sq_prepare(s, sql, &st, d);

	if (!rc && sqlite3_bind_int64(st, 1, id) != SQLITE_OK)
		rc = sq_fail(s, d, "cannot bind a value");
	if (!rc && sqlite3_step(st) != SQLITE_DONE)
		rc = sq_fail(s, d, what);
	sqlite3_finalize(st);
	return rc;
}

ov_store_rc sq_search_add_after(sq *s, sqlite3_int64 after_id, ov_diag *d)
{
	return run_id(s,
	              "INSERT INTO rec_search (rowid, body) SELECT id, body"
	              " FROM rec_search_text WHERE id > ?1",
	              after_id, "cannot index the texts", d);
}

ov_store_rc sq_search_add(sq *s, sqlite3_int64 id, ov_diag *d)
{
	return run_id(s,
	              "INSERT INTO rec_search (rowid, body) SELECT id, body"
	              " FROM rec_search_text WHERE id = ?1",
	              id, "cannot index the texts", d);
}

/* FTS5 takes an entry of an external-content index out by the text it
 * was made from: the view's, read before anything it shows changes. */
ov_store_rc sq_search_drop(sq *s, sqlite3_int64 id, ov_diag *d)
{
	return run_id(s,
	              "INSERT INTO rec_search (rec_search, rowid, body)"
	              " SELECT 'delete', id, body FROM rec_search_text"
	              " WHERE id = ?1",
	              id, "cannot index the texts", d);
}

ov_store_rc sq_search_clear(sq *s, ov_diag *d)
{
	return sq_exec(s,
	               "INSERT INTO rec_search (rec_search)"
	               " VALUES ('delete-all')",
	               d);
}

ov_store_rc sq_search_rebuild(sq *s, ov_diag *d)
{
	return sq_exec(s,
	               "INSERT INTO rec_search (rec_search)"
	               " VALUES ('rebuild')",
	               d);
}

/* rank 1: against the content (the view) too, not only the index's own
 * structure. */
ov_store_rc sq_search_check(sq *s, bool *ok, ov_diag *d)
{
	int rc;

	*ok = false;
	if (s->read_only) {
		ov_diag_add(d, "%s: cannot check the search index: FTS5 "
			    "checks it with a write, and this user may only "
			    "read the database", s->path);
		return OV_STORE_ERROR;
	}
	rc = sqlite3_exec(s->db,
	                      "INSERT INTO rec_search (rec_search, rank)"
	                      " VALUES ('integrity-check', 1)",
	                      NULL, NULL, NULL);

	*ok = rc == SQLITE_OK;
	if (rc == SQLITE_OK || (rc & 0xff) == SQLITE_CORRUPT)
		return OV_STORE_OK;
	return sq_fail(s, d, "cannot check the search index");
}

/* The tokenizer the index is made with, less the stemmer (which MATCH
 * applies to each token again): "unicode61 remove_diacritics 2". */
static int tokenizer(sq *s)
{
	static const char *args[] = {"remove_diacritics", "2"};
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	void *user = NULL;

	if (s->tok_inst)
		return 0;
	if (sqlite3_prepare_v2(s->db, "SELECT fts5(?1)", -1, &st, NULL) !=
	        SQLITE_OK ||
	    sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL) !=
	        SQLITE_OK) {
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!api || api->iVersion < 2 ||
	    api->xFindTokenizer(api, "unicode61", &user, &s->tok) !=
	        SQLITE_OK ||
	    s->tok.xCreate(user, args, 2, &s->tok_inst) != SQLITE_OK) {
		s->tok_inst = NULL;
		return -1;
	}
	return 0;
}

void sq_search_release(sq *s)
{
	if (s && s->tok_inst)
		s->tok.xDelete(s->tok_inst);
	if (s)
		s->tok_inst = NULL;
}

/* Each token as an FTS5 string, space-separated (an implicit AND). */
static int put_token(void *ctx, int flags, const char *tok, int n, int start,
                     int end)
{
	ov_buf *match = ctx;

	(void)start;
	(void)end;
	if (flags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	ov_buf_puts(match, match->len ? " \"" : "\"");
	for (int i = 0; i < n; i++) {
		if (tok[i] == '"')
			ov_buf_putc(match, '"');
		ov_buf_putc(match, tok[i]);
	}
	ov_buf_putc(match, '"');
	return SQLITE_OK;
}

static bool blank(const char *q)
{
	for (; q && *q; q++)
		if (!strchr(" \t\r\n\f\v", *q))
			return false;
	return true;
}

int sq_search_words(sq *s, const char *q, ov_buf *match, ov_diag *d)
{
	size_t len = q ? strlen(q) : 0;

	ov_buf_reset(match);
	if (blank(q))
		return 0;
	if (len > 0x7fffffff || tokenizer(s) < 0 ||
	    s->tok.xTokenize(s->tok_inst, match, FTS5_TOKENIZE_QUERY, q,
	                     (int)len, put_token) != SQLITE_OK) {
		ov_diag_add(d, "%s: cannot read the search words", s->path);
		return -1;
	}
	return match->len ? 1 : 2;
}

/*
 * The PostgreSQL backend's search index (rec_search: each rec's terms,
 * a text[] with a GIN index).  A search must answer exactly what SQLite's
 * FTS5 index answers, and PostgreSQL's own text search stems and splits
 * words otherwise (its English stemmer is Porter's second algorithm,
 * FTS5's the first; its parser keeps e-mail addresses and hyphenated
 * words whole).  So the terms are made here by FTS5's own tokenizer,
 * from an in-memory SQLite connection that never touches a file: the
 * same "porter unicode61 remove_diacritics 2" as sqlite/schema.c's
 * index, over the same texts as its view rec_search_text.  A search is
 * then "terms @> the query's terms", which the GIN index answers, and
 * its terms are those FTS5 makes of the query's words (sqlite/search.c:
 * unicode61 tokens, each stemmed by MATCH).
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg/ops.h"
#include "util/mem.h"

struct pg_words {
	sqlite3 *db;
	fts5_tokenizer tok;
	Fts5Tokenizer *inst;
	char **terms; /* the set being made */
	size_t n, cap;
};

struct pg_words *pg_words_new(void)
{
	return ov_xcalloc(1, sizeof(struct pg_words));
}

static void clear_terms(struct pg_words *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->terms[i]);
	w->n = 0;
}

void pg_words_free(struct pg_words *w)
{
	if (!w)
		return;
	clear_terms(w);
	free(w->terms);
	if (w->inst)
		w->tok.xDelete(w->inst);
	sqlite3_close(w->db);
	free(w);
}

static int start(struct pg_words *w)
{
	static const char *args[] = {"unicode61", "remove_diacritics", "2"};
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	void *user = NULL;

	if (w->inst)
		return 0;
	if (!w->db &&
	    sqlite3_open_v2(":memory:", &w->db,
	                    SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
	                    NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(w->db, "SELECT fts5(?1)", -1, &st, NULL) !=
	        SQLITE_OK ||
	    sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL) !=
	        SQLITE_OK) {
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!api || api->iVersion < 2 ||
	    api->xFindTokenizer(api, "porter", &user, &w->tok) != SQLITE_OK ||
	    w->tok.xCreate(user, args, 3, &w->inst) != SQLITE_OK) {
		w->inst = NULL;
		return -1;
	}
	return 0;
}

static int put_term(void *ctx, int flags, const char *tok, int n, int s, int e)
{
	struct pg_words *w = ctx;

	(void)s;
	(void)e;
	if (flags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	OV_GROW(w->terms, w->cap, w->n + 1);
	w->terms[w->n] = ov_xmalloc((size_t)n + 1);
	memcpy(w->terms[w->n], tok, (size_t)n);
	w->terms[w->n++][n] = '\0';
	return SQLITE_OK;
}

static int tokenize(pg *s, const char *text, int mode, ov_diag *d)
{
	size_t len = text ? strlen(text) : 0;

	if (!len)
		return 0;
	if (len > 0x7fffffff || start(s->words) < 0 ||
	    s->words->tok.xTokenize(s->words->inst, s->words, mode, text,
	                            (int)len, put_term) != SQLITE_OK) {
		ov_diag_add(d, "%s: cannot read the search words", s->name);
		return -1;
	}
	return 0;
}

int pg_words_add(pg *s, const char *text, ov_diag *d)
{
	return tokenize(s, text, FTS5_TOKENIZE_DOCUMENT, d);
}

static int by_bytes(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void pg_words_take(pg *s, ov_buf *out)
{
	struct pg_words *w = s->words;
	size_t k = 0;

	ov_buf_reset(out);
	if (w->n)
		qsort(w->terms, w->n, sizeof *w->terms, by_bytes);
	ov_buf_putc(out, '{');
	for (size_t i = 0; i < w->n; i++) {
		if (i && !strcmp(w->terms[i], w->terms[i - 1]))
			continue;
		ov_buf_puts(out, k++ ? ",\"" : "\"");
		for (const char *p = w->terms[i]; *p; p++) {
			if (*p == '"' || *p == '\\')
				ov_buf_putc(out, '\\');
			ov_buf_putc(out, *p);
		}
		ov_buf_putc(out, '"');
	}
	ov_buf_putc(out, '}');
	clear_terms(w);
}

static bool blank(const char *q)
{
	for (; q && *q; q++)
		if (!strchr(" \t\r\n\f\v", *q))
			return false;
	return true;
}

int pg_search_terms(pg *s, const char *q, ov_buf *out, ov_diag *d)
{
	bool any;

	ov_buf_reset(out);
	if (blank(q))
		return 0;
	clear_terms(s->words);
	if (tokenize(s, q, FTS5_TOKENIZE_QUERY, d) < 0)
		return -1;
	any = s->words->n > 0;
	pg_words_take(s, out);
	return any ? 1 : 2;
}

int pg_words_rec(pg *s, const ov_rec *r, ov_diag *d)
{
	const char *texts[] = {r->ref,  r->subject, r->area,
	                       r->text, r->finding, r->response};
	int bad = 0;

	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
		bad |= pg_words_add(s, texts[i], d);
	for (size_t i = 0; i < r->n_bullets; i++)
		bad |= pg_words_add(s, r->bullets[i], d);
	for (size_t i = 0; i < r->n_events; i++) {
		bad |= pg_words_add(s, r->events[i].text, d);
		bad |= pg_words_add(s, r->events[i].basis, d);
		bad |= pg_words_add(s, r->events[i].reason, d);
	}
	return bad ? -1 : 0;
}

/* One rec's texts from its rows, one per row of the result. */
static const char *const texts_sql =
    "SELECT x.ref FROM recommendations x WHERE x.id = $1"
    " UNION ALL SELECT x.subject FROM recommendations x WHERE x.id = $1"
    " UNION ALL SELECT x.area FROM recommendations x WHERE x.id = $1"
    " UNION ALL SELECT x.text FROM recommendations x WHERE x.id = $1"
    " UNION ALL SELECT x.finding FROM recommendations x WHERE x.id = $1"
    " UNION ALL SELECT x.response FROM recommendations x WHERE x.id = $1"
    " UNION ALL SELECT b.text FROM bullets b WHERE b.rec = $1"
    " UNION ALL SELECT e.text FROM events e WHERE e.rec = $1"
    " UNION ALL SELECT e.basis FROM events e WHERE e.rec = $1"
    " UNION ALL SELECT e.reason FROM events e WHERE e.rec = $1";

/* The terms rec id's rows give now, into out. */
static ov_store_rc terms_of(pg *s, long long id, ov_buf *out, ov_diag *d)
{
	pg_params p = {0};
	PGresult *res = NULL;
	ov_store_rc rc;

	pg_p_int(&p, id);
	rc = pg_run(s, texts_sql, &p, &res, "cannot read the texts", NULL, NULL,
	            d);
	clear_terms(s->words);
	for (int i = 0; !rc && i < PQntuples(res); i++)
		if (pg_words_add(s, pg_val(res, i, 0), d) < 0)
			rc = OV_STORE_ERROR;
	pg_words_take(s, out);
	PQclear(res);
	pg_params_release(&p);
	return rc;
}

ov_store_rc pg_search_reindex(pg *s, long long id, ov_diag *d)
{
	ov_buf terms = OV_BUF_INIT;
	pg_params p = {0};
	ov_store_rc rc = terms_of(s, id, &terms, d);

	pg_p_int(&p, id);
	pg_p_str(&p, ov_buf_str(&terms));
	if (!rc)
		rc = pg_do(s,
		           "INSERT INTO rec_search (rec, terms) VALUES ($1, $2)"
		           " ON CONFLICT (rec) DO UPDATE SET terms ="
		           " excluded.terms",
		           &p, "cannot index the texts", NULL, NULL, d);
	pg_params_release(&p);
	ov_buf_release(&terms);
	return rc;
}

static ov_store_rc rec_ids(pg *s, PGresult **res, ov_diag *d)
{
	return pg_run(s, "SELECT id FROM recommendations ORDER BY id", NULL,
	              res, "cannot read the register", NULL, NULL, d);
}

ov_store_rc pg_search_rebuild(pg *s, ov_diag *d)
{
	PGresult *res = NULL;
	ov_store_rc rc = pg_do(s, "DELETE FROM rec_search", NULL,
	                       "cannot empty the search index", NULL, NULL, d);

	if (!rc)
		rc = rec_ids(s, &res, d);
	for (int i = 0; !rc && i < PQntuples(res); i++)
		rc = pg_search_reindex(s, atoll(PQgetvalue(res, i, 0)), d);
	PQclear(res);
	return rc;
}

ov_store_rc pg_search_check(pg *s, bool *ok, ov_diag *d)
{
	PGresult *ids = NULL, *got = NULL;
	ov_buf want = OV_BUF_INIT;
	pg_params p = {0};
	ov_store_rc rc = rec_ids(s, &ids, d);

	*ok = true;
	/* One entry per rec and none for a rec that is not there. */
	if (!rc)
		rc = pg_run(s,
		            "SELECT (SELECT count(*) FROM rec_search) ="
		            " (SELECT count(*) FROM rec_search m JOIN"
		            " recommendations x ON x.id = m.rec)",
		            NULL, &got, "cannot check the search index", NULL,
		            NULL, d);
	if (!rc && PQgetvalue(got, 0, 0)[0] != 't')
		*ok = false;
	PQclear(got);
	got = NULL;
	for (int i = 0; !rc && *ok && i < PQntuples(ids); i++) {
		long long id = atoll(PQgetvalue(ids, i, 0));

		rc = terms_of(s, id, &want, d);
		pg_params_release(&p);
		pg_p_int(&p, id);
		pg_p_str(&p, ov_buf_str(&want));
		if (!rc)
			rc = pg_run(s,
			            "SELECT EXISTS (SELECT 1 FROM rec_search"
			            " WHERE rec = $1 AND terms = $2::text[])",
			            &p, &got, "cannot check the search index",
			            NULL, NULL, d);
		if (!rc && PQgetvalue(got, 0, 0)[0] != 't')
			*ok = false;
		PQclear(got);
		got = NULL;
	}
	PQclear(ids);
	pg_params_release(&p);
	ov_buf_release(&want);
	return rc;
}

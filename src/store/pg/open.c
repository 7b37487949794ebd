/* The PostgreSQL backend: connecting, closing, and the table of
 * operations store.c dispatches to (store/backend.h). */
#include <stdlib.h>
#include <string.h>

#include "store/backend.h"
#include "store/pg/ops.h"
#include "util/mem.h"

/* The URI without its password, for messages (as store.c shows it). */
static char *display_name(const char *db)
{
	const char *scheme = strstr(db, "://"), *at, *colon;

	if (!scheme)
		return ov_xstrdup(db);
	at = strchr(scheme + 3, '@');
	colon = strchr(scheme + 3, ':');
	if (!at || !colon || colon > at)
		return ov_xstrdup(db);
	return ov_xasprintf("%.*s%s", (int)(colon - db), db, at);
}

/* libpq's message on one line, without its "connection to server ...
 * failed:" preamble repeated per address. */
static char *conn_message(PGconn *c)
{
	char *m = ov_xstrdup(c ? PQerrorMessage(c) : "out of memory");
	size_t n = strlen(m);

	while (n && (m[n - 1] == '\n' || m[n - 1] == ' '))
		m[--n] = '\0';
	for (char *p = m; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	return m;
}

static void pg_close(void *impl)
{
	pg *s = impl;

	if (!s)
		return;
	pg_words_free(s->words);
	PQfinish(s->c);
	free(s->name);
	free(s);
}

/* The URI's own settings first; ours after it win: dates as ISO text,
 * UTF-8, and no NOTICE lines on standard error. */
static ov_store_rc connect(pg *s, const char *uri, ov_diag *d)
{
	const char *const keys[] = {"dbname", "options", "client_encoding",
	                            "fallback_application_name", NULL};
	const char *const vals[] = {
	    uri, "-c DateStyle=ISO,YMD -c client_min_messages=warning", "UTF8",
	    "oversight", NULL};
	char *m;

	s->c = PQconnectdbParams(keys, vals, 1);
	if (s->c && PQstatus(s->c) == CONNECTION_OK)
		return OV_STORE_OK;
	m = conn_message(s->c);
	ov_diag_at(d, OV_PROB_RUNTIME, NULL, "%s: cannot connect: %s", s->name,
	           m);
	free(m);
	return OV_STORE_ERROR;
}

static ov_store_rc pg_open(const char *db, bool create, void **impl, ov_diag *d)
{
	pg *s = ov_xcalloc(1, sizeof *s);
	ov_store_rc rc;

	*impl = NULL;
	s->name = display_name(db);
	s->words = pg_words_new();
	rc = connect(s, db, d);
	if (!rc)
		rc = pg_prepare_schema(s, create, d);
	if (rc) {
		pg_close(s);
		return rc;
	}
	*impl = s;
	return OV_STORE_OK;
}

static bool pg_read_only(void *impl)
{
	(void)impl;
	return false;
}

static int schema_version(void *impl)
{
	return pg_schema_version(impl);
}

static ov_store_rc pg_limit_memory(void *impl, size_t bytes, ov_diag *d)
{
	(void)impl;
	(void)bytes;
	(void)d;
	return OV_STORE_OK;
}

const ov_store_ops ov_pg_ops = {
    .name = "postgresql",
    .open = pg_open,
    .close = pg_close,
    .schema_version = schema_version,
    .read_only = pg_read_only,
    .import = pg_import,
    .load = pg_load,
    .get = pg_get,
    .exists = pg_exists,
    .rec_append = pg_rec_append,
    .meeting_replace = pg_meeting_replace,
    .scan_recs = pg_scan_recs,
    .count = pg_count,
    .account_add = pg_account_add,
    .account_get = pg_account_get,
    .accounts = pg_accounts,
    .account_set_hash = pg_account_set_hash,
    .account_set_disabled = pg_account_set_disabled,
    .session_add = pg_session_add,
    .session_get = pg_session_get,
    .session_touch = pg_session_touch,
    .session_delete = pg_session_delete,
    .failure_add = pg_failure_add,
    .failure_count = pg_failure_count,
    .failure_clear = pg_failure_clear,
    .query_states = pg_query_states,
    .state_stale = pg_state_stale,
    .state_rebuild = pg_state_rebuild,
    .state_each = pg_state_each,
    .index_check = pg_index_check,
    .generation = pg_generation,
    .limit_memory = pg_limit_memory,
};

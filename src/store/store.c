/* The store's front: picks the backend named by the `db` string and
 * forwards each call to it (store/backend.h). */
#include <stdlib.h>
#include <string.h>

#include "store/backend.h"
#include "store/store.h"
#include "util/mem.h"

struct ov_store {
	const ov_store_ops *ops;
	void *impl;
	char *name;
	char *files[5]; /* ov_store_files(), NULL-terminated */
};

static bool is_postgres_uri(const char *db)
{
	return strncmp(db, "postgresql://", 13) == 0 ||
	       strncmp(db, "postgres://", 11) == 0;
}

/* The URI without its password, for messages: "user:secret@" loses
 * ":secret". */
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

ov_store_rc ov_store_open(const char *db, bool create, ov_store **out,
			  ov_diag *d)
{
	ov_store *s;
	void *impl = NULL;
	bool pg = is_postgres_uri(db);
	ov_store_rc rc;

	*out = NULL;
	rc = (pg ? &ov_pg_ops : &ov_sqlite_ops)->open(db, create, &impl, d);
	if (rc != OV_STORE_OK)
		return rc;
	s = ov_xcalloc(1, sizeof *s);
	s->ops = pg ? &ov_pg_ops : &ov_sqlite_ops;
	s->impl = impl;
	s->name = display_name(db);
	/* A server's database is no file an output could replace. */
	if (pg) {
		*out = s;
		return OV_STORE_OK;
	}
	s->files[0] = ov_xstrdup(db);
	s->files[1] = ov_xasprintf("%s-wal", db);
	s->files[2] = ov_xasprintf("%s-shm", db);
	s->files[3] = ov_xasprintf("%s-journal", db);
	*out = s;
	return OV_STORE_OK;
}

void ov_store_close(ov_store *s)
{
	if (!s)
		return;
	s->ops->close(s->impl);
	free(s->name);
	for (size_t i = 0; s->files[i]; i++)
		free(s->files[i]);
	free(s);
}

bool ov_store_read_only(ov_store *s)
{
	return s->ops->read_only(s->impl);
}

int ov_store_schema_version(ov_store *s)
{
	return s->ops->schema_version(s->impl);
}

const char *ov_store_name(const ov_store *s)
{
	return s->name;
}

const char *const *ov_store_files(const ov_store *s)
{
	return (const char *const *)s->files;
}

ov_store_rc ov_store_import(ov_store *s, const ov_dataset *ds,
			    const ov_day *due, const ov_store_derived *derived,
			    bool replace,
			    void (*progress)(size_t done, size_t total, void *),
			    void *arg, ov_diag *d)
{
	return s->ops->import(s->impl, ds, due, derived, replace, progress,
			      arg, d);
}

ov_store_rc ov_store_load(ov_store *s, const char *force, unsigned what,
			  ov_dataset **out, ov_diag *d)
{
	ov_dataset *ds = ov_dataset_new();
	ov_store_rc rc = s->ops->load(s->impl, force, what, ds, d);

	*out = NULL;
	if (rc != OV_STORE_OK) {
		ov_dataset_free(ds);
		return rc;
	}
	ov_dataset_sort(ds);
	*out = ds;
	return OV_STORE_OK;
}

ov_store_rc ov_store_get(ov_store *s, enum ov_entity_id ent, const char *id,
			 void *out, ov_diag *d)
{
	return s->ops->get(s->impl, ent, id, out, d);
}

ov_store_rc ov_store_exists(ov_store *s, enum ov_entity_id ent,
			    const char *id, ov_diag *d)
{
	return s->ops->exists(s->impl, ent, id, d);
}

ov_store_rc ov_store_rec_append(ov_store *s, const char *ref,
				size_t n_before, const ov_event *evs, size_t n,
				const ov_store_derived *derived, ov_diag *d)
{
	return s->ops->rec_append(s->impl, ref, n_before, evs, n, derived, d);
}

ov_store_rc ov_store_meeting_replace(ov_store *s, const ov_meeting *m,
				     ov_diag *d)
{
	return s->ops->meeting_replace(s->impl, m, d);
}

void ov_store_scan_init(ov_store_scan *q)
{
	memset(q, 0, sizeof *q);
	q->due_before = OV_DAY_NONE;
	q->events_upto = OV_DAY_NONE;
}

ov_store_rc ov_store_scan_recs(ov_store *s, const ov_store_scan *q,
			       ov_store_rec_fn *fn, void *ctx, ov_diag *d)
{
	return s->ops->scan_recs(s->impl, q, fn, ctx, d);
}

ov_store_rc ov_store_count(ov_store *s, ov_store_counts *out, ov_diag *d)
{
	return s->ops->count(s->impl, out, d);
}

/* ---- accounts, sessions, sign-in failures ---- */

ov_store_rc ov_store_account_add(ov_store *s, const ov_store_account *acc,
				 ov_diag *d)
{
	return s->ops->account_add(s->impl, acc, d);
}

ov_store_rc ov_store_account_get(ov_store *s, const char *login,
				 ov_store_account *out, ov_diag *d)
{
	memset(out, 0, sizeof *out);
	return s->ops->account_get(s->impl, login, out, d);
}

ov_store_rc ov_store_accounts(ov_store *s, ov_store_account_list *out,
			      ov_diag *d)
{
	memset(out, 0, sizeof *out);
	return s->ops->accounts(s->impl, out, d);
}

ov_store_rc ov_store_account_set_hash(ov_store *s, const char *login,
				      const char *hash, ov_diag *d)
{
	return s->ops->account_set_hash(s->impl, login, hash, d);
}

ov_store_rc ov_store_account_set_disabled(ov_store *s, const char *login,
					  bool disabled, ov_diag *d)
{
	return s->ops->account_set_disabled(s->impl, login, disabled, d);
}

void ov_store_account_release(ov_store_account *acc)
{
	if (!acc)
		return;
	free(acc->login);
	free(acc->role);
	free(acc->person);
	free(acc->hash);
	free(acc->force);
	memset(acc, 0, sizeof *acc);
}

void ov_store_account_list_release(ov_store_account_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		ov_store_account_release(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}

ov_store_rc ov_store_session_add(ov_store *s, const ov_store_session *sess,
				 int64_t idle_before, int64_t created_before,
				 ov_diag *d)
{
	return s->ops->session_add(s->impl, sess, idle_before,
				   created_before, d);
}

ov_store_rc ov_store_session_get(ov_store *s, const char *token_hash,
				 ov_store_session *out, ov_diag *d)
{
	memset(out, 0, sizeof *out);
	return s->ops->session_get(s->impl, token_hash, out, d);
}

ov_store_rc ov_store_session_touch(ov_store *s, const char *token_hash,
				   int64_t last_seen, ov_diag *d)
{
	return s->ops->session_touch(s->impl, token_hash, last_seen, d);
}

ov_store_rc ov_store_session_delete(ov_store *s, const char *token_hash,
				    ov_diag *d)
{
	return s->ops->session_delete(s->impl, token_hash, d);
}

void ov_store_session_release(ov_store_session *sess)
{
	if (!sess)
		return;
	free(sess->token_hash);
	free(sess->login);
	memset(sess, 0, sizeof *sess);
}

ov_store_rc ov_store_failure_add(ov_store *s, const char *login,
				 const char *addr, int64_t at,
				 int64_t prune_before, ov_diag *d)
{
	return s->ops->failure_add(s->impl, login, addr, at, prune_before, d);
}

ov_store_rc ov_store_failure_count(ov_store *s, const char *login,
				   const char *addr, int64_t since,
				   size_t *by_login, size_t *by_addr,
				   ov_diag *d)
{
	*by_login = *by_addr = 0;
	return s->ops->failure_count(s->impl, login, addr, since, by_login,
				     by_addr, d);
}

ov_store_rc ov_store_failure_clear(ov_store *s, const char *login,
				   ov_diag *d)
{
	return s->ops->failure_clear(s->impl, login, d);
}

ov_store_rc ov_store_query_states(ov_store *s, const ov_store_query *q,
				  ov_store_row_fn *fn, void *ctx,
				  size_t *total, bool *answered, ov_diag *d)
{
	return s->ops->query_states(s->impl, q, fn, ctx, total, answered, d);
}

ov_store_rc ov_store_state_stale(ov_store *s, bool *out, ov_diag *d)
{
	return s->ops->state_stale(s->impl, out, d);
}

ov_store_rc ov_store_state_rebuild(ov_store *s, bool only_stale,
				   ov_store_fold_fn *fold, void *ctx,
				   size_t *n, ov_diag *d)
{
	return s->ops->state_rebuild(s->impl, only_stale, fold, ctx, n, d);
}

ov_store_rc ov_store_state_each(ov_store *s, ov_store_each_fn *fn,
				void *ctx, ov_diag *d)
{
	return s->ops->state_each(s->impl, fn, ctx, d);
}

ov_store_rc ov_store_index_check(ov_store *s, bool *ok, ov_diag *d)
{
	return s->ops->index_check(s->impl, ok, d);
}

ov_store_rc ov_store_generation(ov_store *s, uint64_t *out, ov_diag *d)
{
	return s->ops->generation(s->impl, out, d);
}

ov_store_rc ov_store_limit_memory(ov_store *s, size_t bytes, ov_diag *d)
{
	return s->ops->limit_memory(s->impl, bytes, d);
}

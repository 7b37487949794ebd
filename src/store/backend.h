#ifndef OV_STORE_BACKEND_H
#define OV_STORE_BACKEND_H
/*
 * Private to src/store: the table of operations a backend provides.
 * store.c picks a backend from the `db` string and forwards every
 * ov_store_* call to it; each operation has the contract of the
 * ov_store_* function of the same name (store/store.h), with the
 * backend's own handle in place of the ov_store.
 */
#include <stdint.h>

#include "store/types.h"

typedef struct ov_store_ops {
	const char *name; /* "sqlite" */
	ov_store_rc (*open)(const char *db, bool create, void **impl,
			    ov_diag *d);
	void (*close)(void *impl);
	int (*schema_version)(void *impl);
	bool (*read_only)(void *impl);
	ov_store_rc (*import)(void *impl, const ov_dataset *ds,
			      const ov_day *due,
			      const ov_store_derived *derived,
			      bool replace,
			      void (*progress)(size_t, size_t, void *),
			      void *arg, ov_diag *d);
	ov_store_rc (*load)(void *impl, const char *force, unsigned what,
			    ov_dataset *ds, ov_diag *d);
	ov_store_rc (*get)(void *impl, enum ov_entity_id ent, const char *id,
			   void *out, ov_diag *d);
	ov_store_rc (*exists)(void *impl, enum ov_entity_id ent,
			      const char *id, ov_diag *d);
	ov_store_rc (*rec_append)(void *impl, const char *ref,
				  size_t n_before, const ov_event *evs,
				  size_t n, const ov_store_derived *derived,
				  ov_diag *d);
	ov_store_rc (*meeting_replace)(void *impl, const ov_meeting *m,
				       ov_diag *d);
	ov_store_rc (*scan_recs)(void *impl, const ov_store_scan *q,
				 ov_store_rec_fn *fn, void *ctx, ov_diag *d);
	ov_store_rc (*count)(void *impl, ov_store_counts *out, ov_diag *d);
	/* Accounts, sessions and sign-in failures. */
	ov_store_rc (*account_add)(void *impl, const ov_store_account *acc,
				   ov_diag *d);
	ov_store_rc (*account_get)(void *impl, const char *login,
				   ov_store_account *out, ov_diag *d);
	ov_store_rc (*accounts)(void *impl, ov_store_account_list *out,
				ov_diag *d);
	ov_store_rc (*account_set_hash)(void *impl, const char *login,
					const char *hash, ov_diag *d);
	ov_store_rc (*account_set_disabled)(void *impl, const char *login,
					    bool disabled, ov_diag *d);
	ov_store_rc (*session_add)(void *impl, const ov_store_session *sess,
				   int64_t idle_before, int64_t created_before,
				   ov_diag *d);
	ov_store_rc (*session_get)(void *impl, const char *token_hash,
				   ov_store_session *out, ov_diag *d);
	ov_store_rc (*session_touch)(void *impl, const char *token_hash,
				     int64_t last_seen, ov_diag *d);
	ov_store_rc (*session_delete)(void *impl, const char *token_hash,
				      ov_diag *d);
	ov_store_rc (*failure_add)(void *impl, const char *login,
				   const char *addr, int64_t at,
				   int64_t prune_before, ov_diag *d);
	ov_store_rc (*failure_count)(void *impl, const char *login,
				     const char *addr, int64_t since,
				     size_t *by_login, size_t *by_addr,
				     ov_diag *d);
	ov_store_rc (*failure_clear)(void *impl, const char *login,
				     ov_diag *d);
	ov_store_rc (*query_states)(void *impl, const ov_store_query *q,
				    ov_store_row_fn *fn, void *ctx,
				    size_t *total, bool *answered,
				    ov_diag *d);
	ov_store_rc (*state_stale)(void *impl, bool *out, ov_diag *d);
	ov_store_rc (*state_rebuild)(void *impl, bool only_stale,
				     ov_store_fold_fn *fold, void *ctx,
				     size_t *n, ov_diag *d);
	ov_store_rc (*state_each)(void *impl, ov_store_each_fn *fn, void *ctx,
				  ov_diag *d);
	ov_store_rc (*index_check)(void *impl, bool *ok, ov_diag *d);
	ov_store_rc (*generation)(void *impl, uint64_t *out, ov_diag *d);
	ov_store_rc (*limit_memory)(void *impl, size_t bytes, ov_diag *d);
} ov_store_ops;

/* store/sqlite/: the embedded default. */
extern const ov_store_ops ov_sqlite_ops;
/* store/pg/: PostgreSQL, for a postgresql:// or postgres:// URI. */
extern const ov_store_ops ov_pg_ops;

#endif

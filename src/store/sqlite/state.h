#ifndef OV_STORE_SQLITE_STATE_H
#define OV_STORE_SQLITE_STATE_H
/*
 * Private to the SQLite backend: the stored derived state (rec_state,
 * schema.c migration 3), with the contracts of ov_store_query_states,
 * ov_store_state_stale, ov_store_state_rebuild, ov_store_state_each and
 * ov_store_generation (store/store.h), and the writes import and append
 * make in their own transactions.
 */
#include "store/sqlite/sq.h"
#include "store/types.h"

/* The statement writing one rec's state: keyed by the rec's id (?1 an
 * integer) or, by_ref, by its ref (?1 text).  The rec's copied columns
 * come from its row.  The caller finalizes it. */
ov_store_rc sq_state_prepare(sq *s, bool by_ref, sqlite3_stmt **st,
			     ov_diag *d);
/* Store *state for the rec (id, or ref with a by_ref statement). */
ov_store_rc sq_state_put(sq *s, sqlite3_stmt *st, sqlite3_int64 id,
			 const char *ref, const ov_store_state *state,
			 ov_diag *d);
/* The statements writing one rec's state and its intervals (rec_state,
 * rec_interval: schema.c migrations 3 and 4), keyed as sq_state_prepare;
 * with replace, a put first deletes the intervals the rec had. */
typedef struct sq_put {
	sqlite3_stmt *state, *iv, *drop;
} sq_put;
ov_store_rc sq_put_prepare(sq *s, bool by_ref, bool replace, sq_put *p,
			   ov_diag *d);
/* Store v->now and v's intervals for the rec (id, or ref with a by_ref
 * sq_put). */
ov_store_rc sq_put_derived(sq *s, sq_put *p, sqlite3_int64 id,
			   const char *ref, const ov_store_derived *v,
			   ov_diag *d);
void sq_put_release(sq_put *p);
/* Mark the whole stored state stale (a write came without a state). */
ov_store_rc sq_state_mark_stale(sq *s, ov_diag *d);

/* The indexes of rec_state, taken off for a bulk write and put back
 * after: sorting each once beats inserting 100,000 rows in random order
 * into eleven b-trees, which made an import of the national dataset ten
 * times slower (the cache spilled).  Their SQL is read from the schema,
 * so it stays written once, in the migration. */
typedef struct sq_indexes {
	char **name, **sql;
	size_t n;
} sq_indexes;

/* Drop the indexes (rec_state's and rec_interval's) if a write of n_new
 * states is bulk (at least as many as there are); *out says what to put
 * back (nothing if not dropped). */
ov_store_rc sq_state_indexes_off(sq *s, size_t n_new, sq_indexes *out,
				 ov_diag *d);
/* Make them again and free *in (also after a failure: then it only
 * frees). */
ov_store_rc sq_state_indexes_on(sq *s, sq_indexes *in, bool make,
				ov_diag *d);

ov_store_rc sq_query_states(void *impl, const ov_store_query *q,
			    ov_store_row_fn *fn, void *ctx, size_t *total,
			    bool *answered, ov_diag *d);
ov_store_rc sq_state_stale(void *impl, bool *out, ov_diag *d);
ov_store_rc sq_state_rebuild(void *impl, bool only_stale,
			     ov_store_fold_fn *fold, void *ctx, size_t *n,
			     ov_diag *d);
ov_store_rc sq_state_each(void *impl, ov_store_each_fn *fn, void *ctx,
			  ov_diag *d);
ov_store_rc sq_index_check(void *impl, bool *ok, ov_diag *d);
ov_store_rc sq_generation(void *impl, uint64_t *out, ov_diag *d);

#endif

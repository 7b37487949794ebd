#ifndef OV_STORE_PG_OPS_H
#define OV_STORE_PG_OPS_H
/*
 * Private to the PostgreSQL backend: its operations, each with the
 * contract of the ov_store_* function of the same name (store/store.h),
 * gathered into ov_pg_ops (pg/open.c).  The handle is a struct pg
 * (pg/pg.h).
 *
 * What differs from SQLite: the database is a server's, named by a
 * libpq URI; a database with no tables in its current schema is "empty"
 * (init gives it the schema; any other command says to run init), one
 * with tables that are not oversight's is refused and left as it was.
 * A handle is never read-only (a user the server refuses writes to gets
 * the server's message at the write).  limit_memory is a no-op: the
 * server keeps its own cache, shared by every connection, and a handle
 * holds only the rows of the read in hand.
 */
#include "store/pg/pg.h"

/* pg/write.c */
ov_store_rc pg_import(void *impl, const ov_dataset *ds, const ov_day *due,
                      const ov_store_derived *derived, bool replace,
                      void (*progress)(size_t, size_t, void *), void *arg,
                      ov_diag *d);
ov_store_rc pg_rec_append(void *impl, const char *ref, size_t n_before,
                          const ov_event *evs, size_t n,
                          const ov_store_derived *derived, ov_diag *d);
ov_store_rc pg_meeting_replace(void *impl, const ov_meeting *m, ov_diag *d);

/* pg/bulk.c: a bulk import drops the register's links and the derived
 * tables' secondary indexes in its transaction and makes them again after
 * loading (the server checks each link with one join, sorts each index
 * once).  pg_bulk_on names a broken link through name: the entity (noun)
 * and id of the row, from the failed result and its table; either may be
 * left NULL. */
typedef struct pg_bulk_item {
	char *table, *name, *def;
	bool fk;
} pg_bulk_item;
typedef struct pg_bulk {
	pg_bulk_item *item;
	size_t n, cap;
} pg_bulk;
typedef void pg_bulk_namer(void *ctx, const PGresult *res, const char *table,
                           const char **noun, const char **id);
ov_store_rc pg_bulk_off(pg *s, pg_bulk *b, ov_diag *d);
ov_store_rc pg_bulk_on(pg *s, pg_bulk *b, pg_bulk_namer *name, void *ctx,
                       ov_diag *d);
void pg_bulk_release(pg_bulk *b);

/* pg/read.c */
ov_store_rc pg_load(void *impl, const char *force, unsigned what,
                    ov_dataset *ds, ov_diag *d);
ov_store_rc pg_get(void *impl, enum ov_entity_id ent, const char *id, void *out,
                   ov_diag *d);
ov_store_rc pg_exists(void *impl, enum ov_entity_id ent, const char *id,
                      ov_diag *d);
ov_store_rc pg_count(void *impl, ov_store_counts *out, ov_diag *d);

/* pg/scan.c: the scan, and its body inside the caller's transaction. */
ov_store_rc pg_scan_recs(void *impl, const ov_store_scan *q,
                         ov_store_rec_fn *fn, void *ctx, ov_diag *d);
ov_store_rc pg_scan_run(pg *s, const ov_store_scan *q, ov_store_rec_fn *fn,
                        void *ctx, ov_diag *d);

/* pg/accounts.c */
ov_store_rc pg_account_add(void *impl, const ov_store_account *acc, ov_diag *d);
ov_store_rc pg_account_get(void *impl, const char *login, ov_store_account *out,
                           ov_diag *d);
ov_store_rc pg_accounts(void *impl, ov_store_account_list *out, ov_diag *d);
ov_store_rc pg_account_set_hash(void *impl, const char *login, const char *hash,
                                ov_diag *d);
ov_store_rc pg_account_set_disabled(void *impl, const char *login,
                                    bool disabled, ov_diag *d);
ov_store_rc pg_session_add(void *impl, const ov_store_session *sess,
                           int64_t idle_before, int64_t created_before,
                           ov_diag *d);
ov_store_rc pg_session_get(void *impl, const char *token_hash,
                           ov_store_session *out, ov_diag *d);
ov_store_rc pg_session_touch(void *impl, const char *token_hash,
                             int64_t last_seen, ov_diag *d);
ov_store_rc pg_session_delete(void *impl, const char *token_hash, ov_diag *d);
ov_store_rc pg_failure_add(void *impl, const char *login, const char *addr,
                           int64_t at, int64_t prune_before, ov_diag *d);
ov_store_rc pg_failure_count(void *impl, const char *login, const char *addr,
                             int64_t since, size_t *by_login, size_t *by_addr,
                             ov_diag *d);
ov_store_rc pg_failure_clear(void *impl, const char *login, ov_diag *d);

/* pg/state.c, and the state writes import and append make in their own
 * transactions. */
ov_store_rc pg_query_states(void *impl, const ov_store_query *q,
                            ov_store_row_fn *fn, void *ctx, size_t *total,
                            bool *answered, ov_diag *d);
ov_store_rc pg_state_stale(void *impl, bool *out, ov_diag *d);
ov_store_rc pg_state_rebuild(void *impl, bool only_stale,
                             ov_store_fold_fn *fold, void *ctx, size_t *n,
                             ov_diag *d);
ov_store_rc pg_state_each(void *impl, ov_store_each_fn *fn, void *ctx,
                          ov_diag *d);
ov_store_rc pg_index_check(void *impl, bool *ok, ov_diag *d);
ov_store_rc pg_generation(void *impl, uint64_t *out, ov_diag *d);
/* The text of state column values, in STATE_SET order (pg/state.c):
 * status, status_rank, status_date, rag, owner, closed_by, basis,
 * last_update, last_update_date, last_event_date. */
void pg_state_params(pg_params *p, const ov_store_state *v);
/* The text of an interval's columns, in rec_interval's order: from_day,
 * to_day ('infinity' for an open end), then the nine state columns. */
void pg_interval_params(pg_params *p, const ov_store_interval *iv);
/* Store v as the rec's state and intervals, the rec named by id or (ref
 * not NULL) by ref (its copied columns from its row); with replace, the
 * intervals kept for it before are deleted first. */
ov_store_rc pg_put_derived(pg *s, long long id, const char *ref,
                           const ov_store_derived *v, bool replace, ov_diag *d);
ov_store_rc pg_state_mark_stale(pg *s, ov_diag *d);

/* pg/search.c: each rec's search terms, made by SQLite's FTS5 tokenizer
 * ("porter unicode61 remove_diacritics 2", the one sqlite/schema.c's
 * index uses), so that the terms are exactly those SQLite's index holds.
 * pg_words_* return -1 (a problem in d) if the tokenizer failed. */
struct pg_words *pg_words_new(void);
void pg_words_free(struct pg_words *w);
/* Add the document terms of text (may be NULL) to the set being made. */
int pg_words_add(pg *s, const char *text, ov_diag *d);
/* The set made since the last call as a PostgreSQL array literal into
 * out (sorted, no duplicates), and start a new set. */
void pg_words_take(pg *s, ov_buf *out);
/* The terms of a search q as an array literal: 1 (terms in out), 0
 * (q NULL or blank: no filter), 2 (no word: nothing passes), -1. */
int pg_search_terms(pg *s, const char *q, ov_buf *out, ov_diag *d);
/* A rec's texts, as rec_search_text shows them in SQLite: ref, subject,
 * area, text, finding, response, bullets, events' texts and bases. */
int pg_words_rec(pg *s, const ov_rec *r, ov_diag *d);
/* Index again the rec with this id from its stored rows (after an
 * append). */
ov_store_rc pg_search_reindex(pg *s, long long id, ov_diag *d);
/* Whether every rec's stored terms are those its rows give now. */
ov_store_rc pg_search_check(pg *s, bool *ok, ov_diag *d);
/* Index every rec again from its rows (a rebuild). */
ov_store_rc pg_search_rebuild(pg *s, ov_diag *d);

#endif

#ifndef OV_STORE_SQLITE_SEARCH_H
#define OV_STORE_SQLITE_SEARCH_H
/*
 * Private to the SQLite backend: the search index (rec_search, an FTS5
 * table over the view rec_search_text, schema.c migration 3) and the
 * queries on it.  The index is kept in the transaction that changes what
 * it indexes: a rec's entry is taken out with the view's text before its
 * timeline grows and put back after.
 */
#include "store/sqlite/sq.h"
#include "util/buf.h"

/* Index the recs whose id is above after_id (an import's new recs). */
ov_store_rc sq_search_add_after(sq *s, sqlite3_int64 after_id, ov_diag *d);
/* Take rec id's entry out (before its texts change) / put it back. */
ov_store_rc sq_search_drop(sq *s, sqlite3_int64 id, ov_diag *d);
ov_store_rc sq_search_add(sq *s, sqlite3_int64 id, ov_diag *d);
/* Empty the index (a replace deletes every rec) / make it anew from the
 * view (a rebuild). */
ov_store_rc sq_search_clear(sq *s, ov_diag *d);
ov_store_rc sq_search_rebuild(sq *s, ov_diag *d);
/* FTS5's own check of the index against the view: *ok false if they
 * differ. */
ov_store_rc sq_search_check(sq *s, bool *ok, ov_diag *d);

/*
 * The MATCH expression for the recs whose texts hold every word of q,
 * into match, to be bound to "rec_search MATCH ?".  User text never
 * reaches FTS5's query syntax: q is cut into tokens by the index's own
 * tokenizer (unicode61, so the words are those the index holds) and each
 * token is written as an FTS5 string ("tok"), all of them ANDed.  Returns
 * 1 when match holds words, 0 when q is NULL or blank (no filter), 2 when
 * q has no word at all (nothing passes), or -1 (OV_STORE_ERROR in d) if
 * the tokenizer failed.
 */
int sq_search_words(sq *s, const char *q, ov_buf *match, ov_diag *d);

/* Free the tokenizer (on close). */
void sq_search_release(sq *s);

#endif

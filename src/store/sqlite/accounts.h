#ifndef OV_STORE_SQLITE_ACCOUNTS_H
#define OV_STORE_SQLITE_ACCOUNTS_H
/* Private to the SQLite backend: accounts, sessions and failed sign-ins,
 * with the contracts of the store functions of the same names
 * (store/store.h: ov_store_account_add is sq_account_add); impl is the
 * backend's sq handle. */
#include "store/types.h"

ov_store_rc sq_account_add(void *impl, const ov_store_account *acc,
			   ov_diag *d);
ov_store_rc sq_account_get(void *impl, const char *login,
			   ov_store_account *out, ov_diag *d);
ov_store_rc sq_accounts(void *impl, ov_store_account_list *out, ov_diag *d);
ov_store_rc sq_account_set_hash(void *impl, const char *login,
				const char *hash, ov_diag *d);
ov_store_rc sq_account_set_disabled(void *impl, const char *login,
				    bool disabled, ov_diag *d);
ov_store_rc sq_session_add(void *impl, const ov_store_session *sess,
			   int64_t idle_before, int64_t created_before,
			   ov_diag *d);
ov_store_rc sq_session_get(void *impl, const char *token_hash,
			   ov_store_session *out, ov_diag *d);
ov_store_rc sq_session_touch(void *impl, const char *token_hash,
			     int64_t last_seen, ov_diag *d);
ov_store_rc sq_session_delete(void *impl, const char *token_hash,
			      ov_diag *d);
ov_store_rc sq_failure_add(void *impl, const char *login, const char *addr,
			   int64_t at, int64_t prune_before, ov_diag *d);
ov_store_rc sq_failure_count(void *impl, const char *login,
			     const char *addr, int64_t since,
			     size_t *by_login, size_t *by_addr, ov_diag *d);
ov_store_rc sq_failure_clear(void *impl, const char *login, ov_diag *d);

#endif

#ifndef OV_TESTS_STORE_CONTRACT_H
#define OV_TESTS_STORE_CONTRACT_H
/*
 * The store's contract (store/store.h), as TAP tests any backend must
 * pass: import (all or nothing, conflicts, broken links), load (all, one
 * force, some entities), point reads, append (with its concurrency check),
 * the scan's column filters, every enum code, and, at its heart, the
 * register read through the app layer equal to ov_rec_fold over 300
 * random timelines at ~140 dates.
 */

typedef struct contract_backend {
	const char *name; /* "sqlite" */
	/* A fresh, empty database's `db` string for ov_store_open, named
	 * after `what`; the caller frees it. */
	char *(*fresh_db)(const char *what);
} contract_backend;

void contract_run(const contract_backend *b);
/* The accounts' part (contract_accounts.c), on a database of its own. */
void contract_accounts(const contract_backend *b);

#endif

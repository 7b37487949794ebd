/* The store contract (contract.h), accounts, sessions and failed
 * sign-ins: rows in and out, conflicts and broken links, a session's
 * life, the sessions a new password or a disabled account ends, expired
 * sessions deleted, failures counted by login and by address, cleared and
 * pruned. */
#include "contract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture/fixture.h"
#include "store/store.h"
#include "tap.h"

static ov_store_account account(const char *login, const char *role,
				const char *person, const char *hash)
{
	ov_store_account a = {(char *)login, (char *)role, (char *)person,
			      (char *)hash, false, 1700000000, NULL};

	return a;
}

static int has_kind(const ov_diag *d, enum ov_problem_kind k)
{
	return d->n > 0 && d->p[0].kind == k;
}

static ov_store_rc add(ov_store *s, const char *login, const char *role,
		       const char *person, ov_diag *d)
{
	ov_store_account a = account(login, role, person, "$hash$");

	return ov_store_account_add(s, &a, d);
}

static void test_account_rows(ov_store *s)
{
	ov_diag d = OV_DIAG_INIT;
	ov_store_account a = account("amy", "owner", "p-acc", "$argon2id$x");
	ov_store_account got;
	ov_store_account_list l;

	tap_is_int(ov_store_account_add(s, &a, &d), OV_STORE_OK,
		   "add an account");
	tap_is_int(ov_store_account_get(s, "amy", &got, &d), OV_STORE_OK,
		   "... read it back");
	tap_ok(got.login && !strcmp(got.login, "amy") && got.role &&
		       !strcmp(got.role, "owner") && got.person &&
		       !strcmp(got.person, "p-acc") && got.hash &&
		       !strcmp(got.hash, "$argon2id$x") && !got.disabled &&
		       got.created == 1700000000,
	       "... every field as written");
	ov_store_account_release(&got);
	ov_store_account_release(&got);
	tap_is_int(add(s, "amy", "viewer", NULL, &d), OV_STORE_CONFLICT,
		   "a login already taken: CONFLICT");
	tap_ok(has_kind(&d, OV_PROB_CONFLICT) && fx_has_msg(&d, "'amy'"),
	       "... a conflict naming it");
	ov_diag_release(&d);
	tap_is_int(add(s, "ghosted", "owner", "ghost", &d), OV_STORE_INVALID,
		   "a person not in the register: INVALID");
	tap_ok(has_kind(&d, OV_PROB_INPUT), "... bad input");
	ov_diag_release(&d);
	a = account("xyz.viewer", "viewer", NULL, "$h$");
	a.force = "XYZ";
	tap_is_int(ov_store_account_add(s, &a, &d), OV_STORE_OK,
		   "an account bound to a force");
	tap_ok(ov_store_account_get(s, "xyz.viewer", &got, &d) == OV_STORE_OK &&
		       got.force && !strcmp(got.force, "XYZ"),
	       "... its force read back");
	ov_store_account_release(&got);
	a = account("ghost.viewer", "viewer", NULL, "$h$");
	a.force = "NOPE";
	tap_is_int(ov_store_account_add(s, &a, &d), OV_STORE_INVALID,
		   "a force not in the register: INVALID");
	ov_diag_release(&d);
	tap_is_int(add(s, "root", "superuser", NULL, &d), OV_STORE_INVALID,
		   "a role the schema does not know: INVALID");
	ov_diag_release(&d);
	tap_is_int(ov_store_account_get(s, "nobody", &got, &d),
		   OV_STORE_NOTFOUND, "an unknown login: NOTFOUND");
	tap_ok(has_kind(&d, OV_PROB_NOTFOUND) && fx_has_msg(&d, "'nobody'"),
	       "... not found, naming it");
	ov_diag_release(&d);
	add(s, "zed", "admin", NULL, &d);
	add(s, "bob", "viewer", NULL, &d);
	tap_is_int(ov_store_accounts(s, &l, &d), OV_STORE_OK,
		   "list the accounts");
	tap_ok(l.n == 4 && !strcmp(l.items[0].login, "amy") &&
		       !strcmp(l.items[1].login, "bob") &&
		       !strcmp(l.items[2].login, "xyz.viewer") &&
		       !strcmp(l.items[3].login, "zed") &&
		       l.items[1].person == NULL && l.items[1].force == NULL &&
		       l.items[2].force && !strcmp(l.items[2].force, "XYZ"),
	       "... the four written, by login");
	ov_store_account_list_release(&l);
	ov_store_account_list_release(&l);
	ov_store_account_list_release(NULL);
	ov_store_account_release(NULL);
	tap_is_int((long long)d.n, 0, "... no other problem on the way");
	ov_diag_release(&d);
}

static ov_store_rc session(ov_store *s, const char *digest, const char *login,
			   int64_t created, int64_t idle_before,
			   int64_t created_before, ov_diag *d)
{
	ov_store_session ss = {(char *)digest, (char *)login, created,
			       created};

	return ov_store_session_add(s, &ss, idle_before, created_before, d);
}

static bool session_there(ov_store *s, const char *digest)
{
	ov_diag d = OV_DIAG_INIT;
	ov_store_session got;
	ov_store_rc rc = ov_store_session_get(s, digest, &got, &d);

	ov_store_session_release(&got);
	ov_diag_release(&d);
	return rc == OV_STORE_OK;
}

static void test_sessions(ov_store *s)
{
	ov_diag d = OV_DIAG_INIT;
	ov_store_session got;

	tap_is_int(session(s, "d1", "amy", 1000, 0, 0, &d), OV_STORE_OK,
		   "add a session");
	tap_is_int(ov_store_session_get(s, "d1", &got, &d), OV_STORE_OK,
		   "... read it back");
	tap_ok(got.token_hash && !strcmp(got.token_hash, "d1") && got.login &&
		       !strcmp(got.login, "amy") && got.created == 1000 &&
		       got.last_seen == 1000,
	       "... as written");
	ov_store_session_release(&got);
	tap_is_int(ov_store_session_touch(s, "d1", 1500, &d), OV_STORE_OK,
		   "touch it");
	ov_store_session_get(s, "d1", &got, &d);
	tap_ok(got.last_seen == 1500 && got.created == 1000,
	       "... last seen moves, created does not");
	ov_store_session_release(&got);
	tap_is_int(session(s, "d1", "bob", 1000, 0, 0, &d),
		   OV_STORE_CONFLICT, "a digest already there: CONFLICT");
	ov_diag_release(&d);
	tap_is_int(session(s, "dx", "nobody", 1000, 0, 0, &d),
		   OV_STORE_INVALID, "a session of no account: INVALID");
	ov_diag_release(&d);
	tap_is_int(ov_store_session_get(s, "nope", &got, &d),
		   OV_STORE_NOTFOUND, "an unknown digest: NOTFOUND");
	tap_ok(has_kind(&d, OV_PROB_NOTFOUND), "... not found");
	ov_diag_release(&d);
	tap_is_int(ov_store_session_touch(s, "nope", 1, &d), OV_STORE_NOTFOUND,
		   "touching an unknown session: NOTFOUND");
	ov_diag_release(&d);
	tap_is_int(ov_store_session_delete(s, "d1", &d), OV_STORE_OK,
		   "delete the session");
	tap_ok(!session_there(s, "d1"), "... gone");
	tap_is_int(ov_store_session_delete(s, "d1", &d), OV_STORE_OK,
		   "deleting it again is fine");

	/* Expiry: d2 idle since 1000, d3 created at 5000. */
	session(s, "d2", "amy", 1000, 0, 0, &d);
	session(s, "d3", "amy", 5000, 0, 0, &d);
	tap_is_int(session(s, "d4", "bob", 6000, 2000, 0, &d), OV_STORE_OK,
		   "a session added with an idle cutoff");
	tap_ok(!session_there(s, "d2") && session_there(s, "d3") &&
		       session_there(s, "d4"),
	       "... deleted the one last seen before it, only");
	ov_store_session_touch(s, "d3", 9000, &d);
	tap_is_int(session(s, "d5", "bob", 9000, 0, 5001, &d), OV_STORE_OK,
		   "a session added with an age cutoff");
	tap_ok(!session_there(s, "d3") && session_there(s, "d4") &&
		       session_there(s, "d5"),
	       "... deleted the one created before it, seen lately or not");
	tap_is_int((long long)d.n, 0, "... no problem on the way");

	/* A new password, a disabled account: their sessions end. */
	session(s, "a1", "amy", 9000, 0, 0, &d);
	session(s, "a2", "amy", 9000, 0, 0, &d);
	tap_is_int(ov_store_account_set_hash(s, "amy", "$new$", &d),
		   OV_STORE_OK, "a new password hash");
	tap_ok(!session_there(s, "a1") && !session_there(s, "a2"),
	       "... ends the account's sessions");
	tap_ok(session_there(s, "d4") && session_there(s, "d5"),
	       "... not another's");
	tap_is_int(ov_store_account_set_hash(s, "nobody", "$x$", &d),
		   OV_STORE_NOTFOUND, "a new hash for no account: NOTFOUND");
	ov_diag_release(&d);
	tap_is_int(ov_store_account_set_disabled(s, "bob", true, &d),
		   OV_STORE_OK, "disable an account");
	tap_ok(!session_there(s, "d4") && !session_there(s, "d5"),
	       "... ends its sessions");
	tap_is_int(ov_store_account_set_disabled(s, "nobody", true, &d),
		   OV_STORE_NOTFOUND, "disable no account: NOTFOUND");
	ov_diag_release(&d);
	ov_diag_release(&d);
}

static void test_changed_rows(ov_store *s)
{
	ov_diag d = OV_DIAG_INIT;
	ov_store_account got;

	ov_store_account_get(s, "amy", &got, &d);
	tap_ok(got.hash && !strcmp(got.hash, "$new$") && !got.disabled,
	       "the new hash is stored, the account still enabled");
	ov_store_account_release(&got);
	ov_store_account_get(s, "bob", &got, &d);
	tap_ok(got.disabled, "the disabled account reads back disabled");
	ov_store_account_release(&got);
	tap_is_int(ov_store_account_set_disabled(s, "bob", false, &d),
		   OV_STORE_OK, "enable it again");
	ov_store_account_get(s, "bob", &got, &d);
	tap_ok(!got.disabled, "... enabled");
	ov_store_account_release(&got);
	ov_diag_release(&d);
}

static void is_counts(ov_store *s, const char *login, const char *addr,
		      int64_t since, size_t want_login, size_t want_addr,
		      const char *name)
{
	ov_diag d = OV_DIAG_INIT;
	size_t bl = 99, ba = 99;
	ov_store_rc rc =
		ov_store_failure_count(s, login, addr, since, &bl, &ba, &d);

	tap_ok(rc == OV_STORE_OK && bl == want_login && ba == want_addr,
	       name);
	if (bl != want_login || ba != want_addr)
		printf("#   by login %zu (want %zu), by addr %zu (want %zu)\n",
		       bl, want_login, ba, want_addr);
	ov_diag_release(&d);
}

static void test_failures(ov_store *s)
{
	ov_diag d = OV_DIAG_INIT;

	tap_is_int(ov_store_failure_add(s, "amy", "10.0.0.1", 100, 0, &d),
		   OV_STORE_OK, "record a failure");
	ov_store_failure_add(s, "amy", "10.0.0.2", 200, 0, &d);
	ov_store_failure_add(s, NULL, "10.0.0.1", 300, 0, &d);
	ov_store_failure_add(s, "bob", NULL, 300, 0, &d);
	ov_store_failure_add(s, "nobody", "10.0.0.1", 400, 0, &d);
	tap_is_int((long long)d.n, 0, "... four more, some without a login or "
		   "an address");
	is_counts(s, "amy", "10.0.0.1", 0, 2, 3,
		  "counted by login and by address");
	is_counts(s, "amy", "10.0.0.1", 150, 1, 2, "... since a time");
	is_counts(s, "amy", "10.0.0.1", 100, 2, 3, "... the time included");
	is_counts(s, NULL, NULL, 0, 0, 0, "NULL login and address count 0");
	is_counts(s, "bob", "10.9.9.9", 0, 1, 0, "... an unknown address 0");
	tap_is_int(ov_store_failure_clear(s, "amy", &d), OV_STORE_OK,
		   "clear a login's failures");
	is_counts(s, "amy", "10.0.0.1", 0, 0, 2,
		  "... its own gone, others' from the address kept");
	is_counts(s, "bob", NULL, 0, 1, 0, "... another login's kept");
	tap_is_int(ov_store_failure_add(s, "bob", NULL, 500, 350, &d),
		   OV_STORE_OK, "a failure pruning those before 350");
	is_counts(s, "bob", "10.0.0.1", 0, 1, 1,
		  "... the older ones are gone, the newer kept");
	ov_diag_release(&d);
}

/* Accounts survive a replace import, but not one that drops their
 * person or force: that import is refused, naming the account. */
static void test_replace(ov_store *s)
{
	ov_diag d = OV_DIAG_INIT;
	ov_dataset *ds = fx_small();
	ov_store_account got;
	ov_store_rc rc;

	tap_is_int(ov_store_import(s, ds, NULL, NULL, true, NULL, NULL, &d),
		   OV_STORE_OK, "a replace import");
	tap_is_int(ov_store_account_get(s, "amy", &got, &d), OV_STORE_OK,
		   "... keeps the accounts");
	ov_store_account_release(&got);
	ov_dataset_free(ds);
	/* A register of one force, and no people. */
	ds = ov_dataset_new();
	fx_add_force(ds, "WMP", "West Mercia Police");
	rc = ov_store_import(s, ds, NULL, NULL, true, NULL, NULL, &d);
	tap_is_int(rc, OV_STORE_INVALID,
		   "a replace without a person an account names: INVALID");
	tap_ok(fx_has_msg(&d, "account 'amy'"), "... naming the account");
	ov_diag_release(&d);
	tap_is_int(ov_store_account_get(s, "amy", &got, &d), OV_STORE_OK,
		   "... and the account is as it was");
	tap_ok(got.person && !strcmp(got.person, "p-acc"),
	       "... with its person");
	ov_store_account_release(&got);
	/* Its person, but not the force another account is bound to. */
	fx_add_person(ds, "p-acc", "Jane Smith", "ACC Crime");
	rc = ov_store_import(s, ds, NULL, NULL, true, NULL, NULL, &d);
	tap_is_int(rc, OV_STORE_INVALID,
		   "a replace without a force an account is bound to: INVALID");
	tap_ok(fx_has_msg(&d, "account 'xyz.viewer'"),
	       "... naming the account");
	ov_diag_release(&d);
	tap_ok(ov_store_account_get(s, "xyz.viewer", &got, &d) == OV_STORE_OK &&
		       got.force && !strcmp(got.force, "XYZ"),
	       "... and the account is as it was, with its force");
	ov_store_account_release(&got);
	ov_dataset_free(ds);
	ov_diag_release(&d);
}

void contract_accounts(const contract_backend *b)
{
	char *db = b->fresh_db("accounts");
	ov_diag d = OV_DIAG_INIT;
	ov_dataset *ds = fx_small();
	ov_store *s = NULL;

	printf("# the store contract: accounts, backend %s\n", b->name);
	tap_is_int(ov_store_open(db, true, &s, &d), OV_STORE_OK,
		   "create a database for accounts");
	tap_ok(s && ov_store_schema_version(s) >= 2,
	       "... at schema version 2 or later");
	if (s && ov_store_import(s, ds, NULL, NULL, false, NULL, NULL, &d) ==
			 OV_STORE_OK) {
		test_account_rows(s);
		test_sessions(s);
		test_changed_rows(s);
		test_failures(s);
		test_replace(s);
	} else {
		ov_diag_print(&d, stdout, "# ");
		tap_ok(0, "import the small dataset");
	}
	ov_store_close(s);
	ov_dataset_free(ds);
	ov_diag_release(&d);
	free(db);
}

/* Accounts, sessions and rights (app/accounts.h): the rules of signing
 * in, once.  The crypto is auth/'s, the rows the store's. */
#include "app/accounts.h"
#include "app/common.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth/auth.h"
#include "core/fold.h"
#include "core/validate.h"
#include "util/date.h"
#include "util/mem.h"
#include "util/utf8.h"

_Static_assert(OV_TOKEN_LEN == OV_AUTH_TOKEN_LEN,
               "a session's token is auth/'s token");
_Static_assert(OV_PASSWORD_MAX == OV_AUTH_MAX_BYTES,
               "the longest password is auth/'s bound");

#define LOGIN_MAX 64
#define RIGHT(r) (1u << (r))

/* The roles, least to most, and what each may do.  An owner's EVENT
 * right holds only on its person's recommendations (ov_app_authorize).
 * The codes are also the accounts table's CHECK list (store/sqlite/
 * schema.c, migration 2): a new role needs a migration there. */
static const struct role {
	const char *code;
	unsigned rights;
} roles[OV_ROLE_N] = {
    [OV_ROLE_VIEWER] = {"viewer", RIGHT(OV_RIGHT_READ)},
    [OV_ROLE_OWNER] = {"owner", RIGHT(OV_RIGHT_READ) | RIGHT(OV_RIGHT_EVENT)},
    [OV_ROLE_EDITOR] = {"editor", RIGHT(OV_RIGHT_READ) | RIGHT(OV_RIGHT_EVENT) |
                                      RIGHT(OV_RIGHT_EDIT)},
    [OV_ROLE_ADMIN] = {"admin", RIGHT(OV_RIGHT_READ) | RIGHT(OV_RIGHT_EVENT) |
                                    RIGHT(OV_RIGHT_EDIT) |
                                    RIGHT(OV_RIGHT_ACCOUNTS)},
};

const char *ov_role_code(enum ov_role r)
{
	return (unsigned)r < OV_ROLE_N ? roles[r].code : NULL;
}

int ov_role_parse(const char *code)
{
	for (int r = 0; code && r < OV_ROLE_N; r++)
		if (strcmp(roles[r].code, code) == 0)
			return r;
	return -1;
}

static int auth_ready(ov_diag *d)
{
	if (ov_auth_init() == 0)
		return 0;
	ov_diag_add(d, "cannot start libsodium (no secure random source?)");
	return -1;
}

/* ---- accounts ---- */

static bool login_char(char c, bool first)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       (!first && (c == '.' || c == '_' || c == '-'));
}

static bool login_valid(const char *login)
{
	size_t n = 0;

	if (!login)
		return false;
	for (; login[n]; n++)
		if (n >= LOGIN_MAX || !login_char(login[n], n == 0))
			return false;
	return n > 0;
}

/* What a message may echo of a value the user gave: the value if it is
 * UTF-8 of at most max bytes (a message is text, and the web writes it
 * into JSON), else nothing. */
static const char *echo(const char *s, size_t max)
{
	return s && strnlen(s, max + 1) <= max && ov_utf8_valid_str(s) ? s
	                                                                : "";
}

/* The problems of a login, a role, a person and a password, all of them;
 * NULL role and person are not checked.  Returns the number found. */
static size_t check_login(const char *login, ov_diag *d)
{
	if (login_valid(login))
		return 0;
	ov_diag_at(d, OV_PROB_INPUT, "login",
	           "'%s' is not a login: 1 to 64 of a-z, 0-9, '.', '_' "
	           "and '-', starting with a letter or digit",
	           echo(login, 80));
	return 1;
}

/* 0, 1 (bad input, at "password") or -1 (a runtime problem). */
static int check_password(const char *password, ov_diag *d)
{
	const char *why = NULL;
	int weak;

	if (!password || !*password) {
		ov_diag_at(d, OV_PROB_INPUT, "password",
		           "a password is required");
		return 1;
	}
	weak = ov_auth_weak(password, &why);
	if (weak > 0)
		ov_diag_at(d, OV_PROB_INPUT, "password", "not accepted: %s",
		           why);
	else if (weak < 0)
		ov_diag_add(d, "cannot judge the password: %s", why);
	return weak;
}

/* person, if given, must be a person of the register; an owner needs
 * one (role -1: not known, so not checked for that).  0, 1 (bad input)
 * or -1 (the store failed). */
static int check_person(ov_app *a, int role, const char *person, ov_diag *d)
{
	ov_diag nf = OV_DIAG_INIT;
	ov_store_rc rc;

	if (!person) {
		if (role != OV_ROLE_OWNER)
			return 0;
		ov_diag_at(d, OV_PROB_INPUT, "person",
		           "an owner account needs a person: the owner of "
		           "the recommendations it may record events on");
		return 1;
	}
	/* Only an id can name a person (core/validate.h); anything else is
	 * not looked up, nor echoed unless it is text. */
	if (!ov_valid_id(person)) {
		ov_diag_at(d, OV_PROB_INPUT, "person",
		           "'%s' is not a person id (1 to %d of A-Z a-z 0-9 . "
		           "_ -, starting with a letter or digit)",
		           echo(person, OV_MAX_ID), OV_MAX_ID);
		return 1;
	}
	rc = ov_store_exists(a->s, OV_ENT_PERSON, person, &nf);
	if (rc == OV_STORE_NOTFOUND)
		ov_diag_at(d, OV_PROB_INPUT, "person",
		           "no person with id '" OV_DIAG_Q "'",
		           OV_DIAG_QV(person));
	else if (rc != OV_STORE_OK)
		app_take_problems(d, &nf);
	ov_diag_release(&nf);
	return rc == OV_STORE_OK ? 0 : rc == OV_STORE_NOTFOUND ? 1 : -1;
}

/* A stored account as the app's, or -1 with a runtime problem for a role
 * the app does not know (a damaged database). */
static int account_of(const ov_store_account *in, ov_account *out, ov_diag *d)
{
	int role = ov_role_parse(in->role);

	memset(out, 0, sizeof *out);
	if (role < 0) {
		ov_diag_add(d,
		            "account '%s' has a role that is not known "
		            "('%s'; database damaged?)",
		            in->login, in->role);
		return -1;
	}
	out->login = ov_xstrdup(in->login);
	out->role = role;
	out->person = ov_xstrdup(in->person);
	out->disabled = in->disabled;
	out->created = in->created;
	out->force = ov_xstrdup(in->force);
	return 0;
}

static void account_release(ov_account *acc)
{
	free(acc->login);
	free(acc->person);
	free(acc->force);
	memset(acc, 0, sizeof *acc);
}

/* 1 if the account exists, 0 if not, -1 if the store failed. */
static int account_exists(ov_app *a, const char *login, ov_diag *d)
{
	ov_diag nf = OV_DIAG_INIT;
	ov_store_account acc;
	ov_store_rc rc = ov_store_account_get(a->s, login, &acc, &nf);

	ov_store_account_release(&acc);
	if (rc != OV_STORE_OK && rc != OV_STORE_NOTFOUND)
		app_take_problems(d, &nf);
	ov_diag_release(&nf);
	return rc == OV_STORE_OK ? 1 : rc == OV_STORE_NOTFOUND ? 0 : -1;
}

static void login_taken(ov_diag *d, const char *login)
{
	ov_diag_at(d, OV_PROB_CONFLICT, "login",
	           "the login '" OV_DIAG_Q "' is taken", OV_DIAG_QV(login));
}

/* force, if given, must be a force of the register.  0, 1 (bad input)
 * or -1 (the store failed). */
static int check_force(ov_app *a, const char *force, ov_diag *d)
{
	ov_diag nf = OV_DIAG_INIT;
	ov_store_rc rc;

	if (!force)
		return 0;
	if (!ov_valid_id(force)) {
		ov_diag_at(d, OV_PROB_INPUT, "force",
		           "'%s' is not a force code (1 to %d of A-Z a-z 0-9 "
		           ". _ -, starting with a letter or digit)",
		           echo(force, OV_MAX_ID), OV_MAX_ID);
		return 1;
	}
	rc = ov_store_exists(a->s, OV_ENT_FORCE, force, &nf);
	if (rc == OV_STORE_NOTFOUND)
		ov_diag_at(d, OV_PROB_INPUT, "force",
		           "no force '" OV_DIAG_Q "' in the register",
		           OV_DIAG_QV(force));
	else if (rc != OV_STORE_OK)
		app_take_problems(d, &nf);
	ov_diag_release(&nf);
	return rc == OV_STORE_OK ? 0 : rc == OV_STORE_NOTFOUND ? 1 : -1;
}

int ov_app_user_add(ov_app *a, const char *login, const char *role,
                    const char *person, const char *password, ov_diag *d)
{
	return ov_app_user_add_for(a, login, role, person, NULL, password, d);
}

int ov_app_user_add_for(ov_app *a, const char *login, const char *role,
                        const char *person, const char *force,
                        const char *password, ov_diag *d)
{
	ov_store_account acc = {0};
	ov_diag sd = OV_DIAG_INIT;
	char hash[OV_AUTH_HASH_LEN];
	int r = ov_role_parse(role), bad = 0, rc = -1, pc, fc, wc;
	ov_store_rc src;

	if (auth_ready(d) < 0)
		return -1;
	bad += (int)check_login(login, d);
	if (r < 0) {
		ov_diag_at(d, OV_PROB_INPUT, "role",
		           "'%s' is not a role: viewer, owner, editor or "
		           "admin",
		           echo(role, 40));
		bad++;
	}
	/* Each check: 0, 1 (bad input, counted) or -1 (runtime: stop). */
	pc = check_person(a, r, person, d);
	fc = pc < 0 ? -1 : check_force(a, force, d);
	wc = fc < 0 ? -1 : check_password(password, d);
	if (pc < 0 || fc < 0 || wc < 0 || bad + pc + fc + wc)
		return -1;
	/* Before the hash: a taken login costs no hashing.  The insert
	 * checks again. */
	switch (account_exists(a, login, d)) {
	case 0:
		break;
	case 1:
		login_taken(d, login);
		return -1;
	default:
		return -1;
	}
	if (ov_auth_hash(password, hash) < 0) {
		ov_diag_add(d, "cannot hash the password: out of memory");
		return -1;
	}
	acc.login = (char *)login;
	acc.role = (char *)roles[r].code;
	acc.person = (char *)person;
	acc.force = (char *)force;
	acc.hash = hash;
	acc.created = (int64_t)time(NULL);
	src = ov_store_account_add(a->s, &acc, &sd);
	if (src == OV_STORE_CONFLICT)
		login_taken(d, login);
	else if (src != OV_STORE_OK)
		app_take_problems(d, &sd);
	else
		rc = 0;
	ov_diag_release(&sd);
	ov_auth_wipe(hash, sizeof hash);
	return rc;
}

/* A store problem for login, with not found at "login". */
static void take_login_problems(ov_diag *d, ov_store_rc rc, ov_diag *sd,
                                const char *login)
{
	if (rc == OV_STORE_NOTFOUND) {
		ov_diag_at(d, OV_PROB_NOTFOUND, "login",
		           "no account '" OV_DIAG_Q "'", OV_DIAG_QV(login));
		ov_diag_release(sd);
	} else {
		app_take_problems(d, sd);
	}
}

int ov_app_user_passwd(ov_app *a, const char *login, const char *password,
                       ov_diag *d)
{
	ov_diag sd = OV_DIAG_INIT;
	char hash[OV_AUTH_HASH_LEN];
	ov_store_rc rc;
	int have;

	if (auth_ready(d) < 0 || check_login(login, d))
		return -1;
	have = account_exists(a, login, d);
	if (have == 0)
		ov_diag_at(d, OV_PROB_NOTFOUND, "login",
		           "no account '" OV_DIAG_Q "'", OV_DIAG_QV(login));
	if (have <= 0)
		return -1;
	if (check_password(password, d) != 0)
		return -1;
	if (ov_auth_hash(password, hash) < 0) {
		ov_diag_add(d, "cannot hash the password: out of memory");
		return -1;
	}
	rc = ov_store_account_set_hash(a->s, login, hash, &sd);
	ov_auth_wipe(hash, sizeof hash);
	if (rc != OV_STORE_OK) {
		take_login_problems(d, rc, &sd, login);
		return -1;
	}
	return 0;
}

int ov_app_user_disable(ov_app *a, const char *login, ov_diag *d)
{
	ov_diag sd = OV_DIAG_INIT;
	ov_store_rc rc;

	if (check_login(login, d))
		return -1;
	rc = ov_store_account_set_disabled(a->s, login, true, &sd);
	if (rc != OV_STORE_OK) {
		take_login_problems(d, rc, &sd, login);
		return -1;
	}
	return 0;
}

int ov_app_users(ov_app *a, ov_account_list *out, ov_diag *d)
{
	ov_store_account_list l;
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (ov_store_accounts(a->s, &l, d) != OV_STORE_OK)
		return -1;
	out->items = ov_xcalloc(l.n + 1, sizeof *out->items);
	for (size_t i = 0; i < l.n && !rc; i++, out->n++)
		rc = account_of(&l.items[i], &out->items[i], d);
	ov_store_account_list_release(&l);
	if (rc)
		ov_account_list_release(out);
	return rc;
}

void ov_account_list_release(ov_account_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		account_release(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}

/* ---- sessions ---- */

static void unauth(ov_diag *d, const char *what)
{
	ov_diag_at(d, OV_PROB_UNAUTH, NULL, "%s", what);
}

static const char wrong_login[] = "wrong login or password";

/* The account called login: 1 with *out filled, 0 if there is none, -1
 * if the store failed. */
static int find_account(ov_app *a, const char *login, ov_store_account *out,
                        ov_diag *d)
{
	ov_diag nf = OV_DIAG_INIT;
	ov_store_rc rc = ov_store_account_get(a->s, login, out, &nf);

	if (rc != OV_STORE_OK && rc != OV_STORE_NOTFOUND)
		app_take_problems(d, &nf);
	ov_diag_release(&nf);
	return rc == OV_STORE_OK ? 1 : rc == OV_STORE_NOTFOUND ? 0 : -1;
}

/* 0 to go on, or -1 with a LIMIT (or runtime) problem. */
static int throttle(ov_app *a, const char *login, const char *addr, int64_t now,
                    ov_diag *d)
{
	size_t by_login = 0, by_addr = 0;

	if (ov_store_failure_count(a->s, login, addr, now - OV_LOGIN_WINDOW,
	                           &by_login, &by_addr, d) != OV_STORE_OK)
		return -1;
	if (by_login < OV_LOGIN_FAILS && by_addr < OV_LOGIN_FAILS)
		return 0;
	ov_diag_at(d, OV_PROB_LIMIT, NULL,
	           "too many failed sign-ins %s; try again in %d minutes",
	           by_login >= OV_LOGIN_FAILS ? "for this login"
	                                      : "from this address",
	           OV_LOGIN_WINDOW / 60);
	return -1;
}

/* A new session for acc into out, expired ones deleted on the way. */
static int start_session(ov_app *a, const ov_store_account *acc, int64_t now,
                         ov_session *out, ov_diag *d)
{
	char digest[OV_AUTH_DIGEST_LEN];
	ov_store_session sess = {digest, acc->login, now, now};
	int rc = -1;

	ov_auth_token(out->token);
	ov_auth_token_digest(out->token, digest);
	if (ov_auth_csrf(out->token, out->csrf) != 0) {
		ov_diag_add(d, "cannot derive the session's form token");
		goto out;
	}
	if (ov_store_session_add(a->s, &sess, now - OV_SESSION_IDLE,
	                         now - OV_SESSION_MAX, d) != OV_STORE_OK)
		goto out;
	if (account_of(acc, &out->who, d) < 0) {
		ov_store_session_delete(a->s, digest, d);
		goto out;
	}
	out->created = out->last_seen = now;
	rc = 0;
out:
	return rc;
}

int ov_app_login(ov_app *a, const char *login, const char *password,
                 const char *addr, int64_t now, ov_session *out, ov_diag *d)
{
	/* A login that cannot exist is counted under no login (NULL), so
	 * junk does not fill the failures table with names. */
	const char *key = login_valid(login) ? login : NULL;
	ov_store_account acc = {0};
	int found = 0, rc = -1;
	bool ok;

	memset(out, 0, sizeof *out);
	if (auth_ready(d) < 0 || throttle(a, key, addr, now, d) < 0)
		return -1;
	if (key && (found = find_account(a, key, &acc, d)) < 0)
		goto out;
	if (!password)
		password = "";
	/* The same work, found or not: one argon2id check. */
	if (found) {
		ok = ov_auth_verify(acc.hash, password);
	} else {
		ov_auth_verify_none(password);
		ok = false;
	}
	if (!ok) {
		if (ov_store_failure_add(a->s, key, addr, now,
		                         now - OV_LOGIN_WINDOW,
		                         d) == OV_STORE_OK)
			unauth(d, wrong_login);
		goto out;
	}
	if (acc.disabled) {
		unauth(d, "this account is disabled");
		goto out;
	}
	if (ov_store_failure_clear(a->s, key, d) != OV_STORE_OK)
		goto out;
	rc = start_session(a, &acc, now, out, d);
out:
	ov_store_account_release(&acc);
	if (rc)
		ov_session_release(out);
	return rc;
}

/* After a store call on a session: false if it went well; else true,
 * with an unknown session as UNAUTH and a failure as the store said. */
static bool session_gone(ov_diag *d, ov_store_rc rc, ov_diag *sd)
{
	if (rc == OV_STORE_NOTFOUND)
		unauth(d, "not signed in (or the session has ended)");
	else if (rc != OV_STORE_OK)
		app_take_problems(d, sd);
	ov_diag_release(sd);
	return rc != OV_STORE_OK;
}

int ov_app_session(ov_app *a, const char *token, int64_t now, ov_session *out,
                   ov_diag *d)
{
	char digest[OV_AUTH_DIGEST_LEN];
	ov_store_session sess = {0};
	ov_store_account acc = {0};
	ov_diag sd = OV_DIAG_INIT;
	ov_store_rc src;
	int rc = -1, found;

	memset(out, 0, sizeof *out);
	if (auth_ready(d) < 0)
		return -1;
	if (!ov_auth_token_valid(token)) {
		unauth(d, "not signed in");
		return -1;
	}
	ov_auth_token_digest(token, digest);
	src = ov_store_session_get(a->s, digest, &sess, &sd);
	if (session_gone(d, src, &sd))
		goto out;
	if (now - sess.last_seen > OV_SESSION_IDLE ||
	    now - sess.created > OV_SESSION_MAX) {
		if (ov_store_session_delete(a->s, digest, d) == OV_STORE_OK)
			unauth(d, "the session has expired; sign in again");
		goto out;
	}
	found = find_account(a, sess.login, &acc, d);
	if (found < 0)
		goto out;
	if (!found || acc.disabled) {
		if (ov_store_session_delete(a->s, digest, d) == OV_STORE_OK)
			unauth(d, "this account is disabled");
		goto out;
	}
	/* A write per request would serialise every reader behind the
	 * database's one writer; the idle timeout needs last_seen only to
	 * the minute. */
	if (now - sess.last_seen >= OV_SESSION_TOUCH) {
		src = ov_store_session_touch(a->s, digest, now, &sd);
		if (session_gone(d, src, &sd))
			goto out;
	} else {
		now = sess.last_seen;
	}
	if (account_of(&acc, &out->who, d) < 0 ||
	    ov_auth_csrf(token, out->csrf) != 0)
		goto out;
	memcpy(out->token, token, OV_TOKEN_LEN);
	out->created = sess.created;
	out->last_seen = now;
	rc = 0;
out:
	ov_diag_release(&sd);
	ov_store_session_release(&sess);
	ov_store_account_release(&acc);
	if (rc)
		ov_session_release(out);
	return rc;
}

int ov_app_logout(ov_app *a, const char *token, ov_diag *d)
{
	char digest[OV_AUTH_DIGEST_LEN];

	if (auth_ready(d) < 0)
		return -1;
	if (!ov_auth_token_valid(token))
		return 0;
	ov_auth_token_digest(token, digest);
	return ov_store_session_delete(a->s, digest, d) == OV_STORE_OK ? 0 : -1;
}

void ov_session_release(ov_session *s)
{
	if (!s)
		return;
	ov_auth_wipe(s->token, sizeof s->token);
	ov_auth_wipe(s->csrf, sizeof s->csrf);
	account_release(&s->who);
	memset(s, 0, sizeof *s);
}

void ov_form_token(char out[OV_TOKEN_LEN])
{
	ov_auth_init();
	ov_auth_token(out);
}

bool ov_token_equal(const char *a, const char *b)
{
	return a && b && a[0] && ov_auth_equal(a, b);
}

bool ov_session_csrf_ok(const ov_session *s, const char *given)
{
	return s && s->csrf[0] && ov_auth_equal(s->csrf, given);
}

/* ---- rights ---- */

/* Whether ref's owner, by its timeline folded as at today, is person. */
static int owns(ov_app *a, const char *person, const char *ref, ov_diag *d)
{
	ov_diag nf = OV_DIAG_INIT;
	ov_rec rec;
	ov_rec_state st;
	ov_store_rc src;
	int rc = -1;

	ov_rec_init(&rec);
	src = ov_store_get(a->s, OV_ENT_REC, ref, &rec, &nf);
	if (src == OV_STORE_NOTFOUND) {
		ov_diag_at(d, OV_PROB_NOTFOUND, "ref",
		           "no recommendation '" OV_DIAG_Q "'",
		           OV_DIAG_QV(ref));
		goto out;
	}
	if (src != OV_STORE_OK) {
		app_take_problems(d, &nf);
		goto out;
	}
	ov_rec_fold(&rec, ov_date_today(), &st);
	if (person && st.owner && strcmp(person, st.owner) == 0)
		rc = 0;
	else
		ov_diag_at(d, OV_PROB_FORBIDDEN, NULL,
		           "%s is not yours: owner accounts record events "
		           "only on the recommendations their person owns",
		           ref);
out:
	ov_diag_release(&nf);
	ov_rec_release(&rec);
	return rc;
}

int ov_app_authorize(ov_app *a, const ov_account *who, enum ov_right right,
                     const char *ref, ov_diag *d)
{
	static const char *const doing[] = {
	    [OV_RIGHT_READ] = "read the register",
	    [OV_RIGHT_EVENT] = "record events",
	    [OV_RIGHT_EDIT] = "change meetings or the register as a whole",
	    [OV_RIGHT_ACCOUNTS] = "manage accounts",
	};

	if (!who) {
		unauth(d, "not signed in");
		return -1;
	}
	if (who->disabled) {
		ov_diag_at(d, OV_PROB_FORBIDDEN, NULL,
		           "the account '%s' is disabled", who->login);
		return -1;
	}
	if ((unsigned)right >= sizeof doing / sizeof *doing ||
	    (unsigned)who->role >= OV_ROLE_N) {
		ov_diag_at(d, OV_PROB_FORBIDDEN, NULL, "no such right or role");
		return -1;
	}
	if (!(roles[who->role].rights & RIGHT(right))) {
		ov_diag_at(d, OV_PROB_FORBIDDEN, NULL, "%s accounts may not %s",
		           roles[who->role].code, doing[right]);
		return -1;
	}
	if (right == OV_RIGHT_EVENT && ref &&
	    ov_app_rec_visible(a, who, ref, d) < 0)
		return -1;
	if (right != OV_RIGHT_EVENT || who->role != OV_ROLE_OWNER)
		return 0;
	if (!ref) {
		ov_diag_at(d, OV_PROB_FORBIDDEN, NULL,
		           "owner accounts record events only on a "
		           "recommendation their person owns");
		return -1;
	}
	return owns(a, who->person, ref, d);
}

/* ---- scope ---- */

int ov_app_scope_force(const ov_account *who, const char *asked,
                       const char **out, ov_diag *d)
{
	*out = asked;
	if (!who || !who->force)
		return 0;
	if (asked && strcmp(asked, who->force) != 0) {
		ov_diag_at(d, OV_PROB_FORBIDDEN, "force",
		           "the account '%s' sees only force %s", who->login,
		           who->force);
		return -1;
	}
	*out = who->force;
	return 0;
}

bool ov_app_sees_force(const ov_account *who, const char *force)
{
	return !who || !who->force ||
	       (force && strcmp(force, who->force) == 0);
}

int ov_app_rec_visible(ov_app *a, const ov_account *who, const char *ref,
                       ov_diag *d)
{
	ov_diag nf = OV_DIAG_INIT;
	ov_rec rec;
	ov_store_rc src;
	int rc = -1;

	if (!who || !who->force)
		return 0;
	ov_rec_init(&rec);
	src = ref ? ov_store_get(a->s, OV_ENT_REC, ref, &rec, &nf)
	          : OV_STORE_NOTFOUND;
	if (src == OV_STORE_OK && ov_app_sees_force(who, rec.force))
		rc = 0;
	else if (src == OV_STORE_OK || src == OV_STORE_NOTFOUND)
		/* Another force's is as absent as one that is not there. */
		ov_diag_at(d, OV_PROB_NOTFOUND, "ref",
		           "no recommendation '" OV_DIAG_Q "'",
		           OV_DIAG_QV(ref ? ref : ""));
	else
		app_take_problems(d, &nf);
	ov_diag_release(&nf);
	ov_rec_release(&rec);
	return rc;
}

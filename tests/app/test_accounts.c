/*
 * Accounts, sessions and rights (app/accounts.h) on the small fixture:
 * every rule of an account and each refusal (kind, place, nothing
 * written), sign-in with its throttle per account and per address as
 * `now` moves, the idle and absolute lifetimes of a session, a disabled
 * account, logout, CSRF, and the rights of each role (an owner on its own
 * recommendation and on another's).
 *
 * argon2id at the INTERACTIVE limits is slow under valgrind: this hashes
 * three passwords and checks twelve.  Failures the throttle counts are
 * mostly written through the store, so that reaching the limit costs no
 * hashing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/accounts.h"
#include "core/validate.h"
#include "fixture/fixture.h"
#include "store/store.h"
#include "tap.h"
#include "util/date.h"
#include "util/mem.h"

static char *tmpdir;
static ov_store *direct; /* a second handle, to seed failures */

static const char amy_pw[] = "correct horse battery staple";
static const char bob_pw[] = "zebra-quantum-violet-42";
static const char amy_new_pw[] = "oversight-user-2026";

#define T0 ((int64_t)1800000000) /* 2027-01-15, unix seconds */

/* The accounts as one line, "login:role:person:disabled ...", for
 * "nothing was written". */
static char *users(ov_app *a)
{
	ov_account_list l;
	ov_diag d = OV_DIAG_INIT;
	char *s = ov_xstrdup("");

	if (ov_app_users(a, &l, &d) < 0) {
		free(s);
		ov_diag_release(&d);
		return ov_xstrdup("(cannot list)");
	}
	for (size_t i = 0; i < l.n; i++) {
		char *t = ov_xasprintf("%s%s%s:%s:%s:%d", s, i ? " " : "",
				       l.items[i].login,
				       ov_role_code(l.items[i].role),
				       l.items[i].person ? l.items[i].person
							 : "-",
				       l.items[i].disabled);
		free(s);
		s = t;
	}
	ov_account_list_release(&l);
	ov_diag_release(&d);
	return s;
}

static void test_roles(void)
{
	int round = 1;

	for (int r = 0; r < OV_ROLE_N; r++)
		round &= ov_role_parse(ov_role_code(r)) == r;
	tap_ok(round, "every role's code parses back to it");
	tap_is_str(ov_role_code(OV_ROLE_VIEWER), "viewer", "viewer's code");
	tap_is_str(ov_role_code(OV_ROLE_ADMIN), "admin", "admin's code");
	tap_ok(ov_role_parse("superuser") == -1 && ov_role_parse(NULL) == -1 &&
		       ov_role_parse("Admin") == -1,
	       "an unknown code is not a role (nor NULL, nor another case)");
	tap_ok(ov_role_code(OV_ROLE_N) == NULL, "... nor a number past them");
}

/* A refused add: -1, the problem, and nothing written. */
static void refused_add(ov_app *a, const char *login, const char *role,
			const char *person, const char *pw,
			enum ov_problem_kind kind, const char *where,
			const char *what, const char *name)
{
	ov_diag d = OV_DIAG_INIT;
	char *before = users(a), *after;
	char *label = ov_xasprintf("%s: refused", name);

	tap_is_int(ov_app_user_add(a, login, role, person, pw, &d), -1, label);
	free(label);
	label = ov_xasprintf("... %s at %s", ov_problem_kind_code(kind),
			     where ? where : "nowhere");
	tap_ok(fx_problem(&d, kind, where, what), label);
	after = users(a);
	tap_is_str(after, before, "... nothing written");
	free(label);
	free(before);
	free(after);
	ov_diag_release(&d);
}

static void test_user_add(ov_app *a)
{
	ov_diag d = OV_DIAG_INIT;
	char *long_login = fx_repeat('a', 65), *s;

	refused_add(a, "Amy", "viewer", NULL, amy_pw, OV_PROB_INPUT, "login",
		    "is not a login", "an upper-case login");
	refused_add(a, "amy smith", "viewer", NULL, amy_pw, OV_PROB_INPUT,
		    "login", "is not a login", "a login with a space");
	refused_add(a, "-amy", "viewer", NULL, amy_pw, OV_PROB_INPUT, "login",
		    "starting with a letter or digit",
		    "a login starting with '-'");
	refused_add(a, long_login, "viewer", NULL, amy_pw, OV_PROB_INPUT,
		    "login", "1 to 64", "a login of 65 characters");
	refused_add(a, "", "viewer", NULL, amy_pw, OV_PROB_INPUT, "login",
		    "is not a login", "an empty login");
	refused_add(a, "amy", "superuser", NULL, amy_pw, OV_PROB_INPUT,
		    "role", "'superuser' is not a role", "an unknown role");
	refused_add(a, "amy", NULL, NULL, amy_pw, OV_PROB_INPUT, "role",
		    "is not a role", "no role");
	refused_add(a, "amy", "owner", NULL, amy_pw, OV_PROB_INPUT, "person",
		    "an owner account needs a person",
		    "an owner without a person");
	refused_add(a, "amy", "owner", "ghost", amy_pw, OV_PROB_INPUT,
		    "person", "no person with id 'ghost'", "an unknown person");
	refused_add(a, "amy", "owner", "p-\xff", amy_pw, OV_PROB_INPUT,
		    "person", "'' is not a person id",
		    "a person not in UTF-8, not echoed");
	refused_add(a, "amy", "owner", "no such one", amy_pw, OV_PROB_INPUT,
		    "person", "'no such one' is not a person id",
		    "a person that is not an id");
	refused_add(a, "am\xffy", "viewer", NULL, amy_pw, OV_PROB_INPUT,
		    "login", "'' is not a login",
		    "a login not in UTF-8, not echoed");
	refused_add(a, "amy", "view\xff", NULL, amy_pw, OV_PROB_INPUT,
		    "role", "'' is not a role",
		    "a role not in UTF-8, not echoed");
	refused_add(a, "amy", "viewer", NULL, "kX9#mQ2$vL7", OV_PROB_INPUT,
		    "password", "shorter than 12 characters",
		    "a password of 11 characters");
	refused_add(a, "amy", "viewer", NULL, "administrator", OV_PROB_INPUT,
		    "password", "dictionary word",
		    "a weak password, with cracklib's reason");
	refused_add(a, "amy", "viewer", NULL, "abcdefghijkl\xff", OV_PROB_INPUT,
		    "password", "not valid UTF-8", "a password not in UTF-8");
	refused_add(a, "amy", "viewer", NULL, NULL, OV_PROB_INPUT, "password",
		    "required", "no password");
	free(long_login);

	tap_is_int(ov_app_user_add(a, "Bad Login", "root", NULL, "short", &d),
		   -1, "three bad fields");
	tap_ok(d.n == 3 && fx_problem(&d, OV_PROB_INPUT, "login", "") &&
		       fx_problem(&d, OV_PROB_INPUT, "role", "") &&
		       fx_problem(&d, OV_PROB_INPUT, "password", ""),
	       "... three problems, each at its field");
	ov_diag_release(&d);

	tap_is_int(ov_app_user_add(a, "amy", "owner", "p-acc", amy_pw, &d), 0,
		   "add an owner with a person");
	tap_is_int(ov_app_user_add(a, "bob.k-2_x", "viewer", NULL, bob_pw, &d),
		   0, "add a viewer, a login of every kind of character");
	tap_is_int((long long)d.n, 0, "... no problems");
	s = users(a);
	tap_is_str(s, "amy:owner:p-acc:0 bob.k-2_x:viewer:-:0",
		   "both listed, by login");
	free(s);
	refused_add(a, "amy", "viewer", NULL, bob_pw, OV_PROB_CONFLICT,
		    "login", "the login 'amy' is taken", "a login taken");
}

static void test_passwd_disable_refusals(ov_app *a)
{
	ov_diag d = OV_DIAG_INIT;
	char *before = users(a), *after;

	tap_is_int(ov_app_user_passwd(a, "nobody", amy_new_pw, &d), -1,
		   "passwd of an unknown login");
	tap_ok(fx_problem(&d, OV_PROB_NOTFOUND, "login", "no account 'nobody'"),
	       "... not found at login");
	ov_diag_release(&d);
	tap_is_int(ov_app_user_passwd(a, "amy", "administrator", &d), -1,
		   "passwd to a weak password");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "password", "dictionary word"),
	       "... bad input at password");
	ov_diag_release(&d);
	tap_is_int(ov_app_user_passwd(a, "Amy!", amy_new_pw, &d), -1,
		   "passwd of a login that cannot be");
	tap_ok(fx_problem(&d, OV_PROB_INPUT, "login", "is not a login"),
	       "... bad input at login");
	ov_diag_release(&d);
	tap_is_int(ov_app_user_disable(a, "nobody", &d), -1,
		   "disable an unknown login");
	tap_ok(fx_problem(&d, OV_PROB_NOTFOUND, "login", "no account 'nobody'"),
	       "... not found at login");
	ov_diag_release(&d);
	after = users(a);
	tap_is_str(after, before, "... nothing written by any of them");
	free(before);
	free(after);
}

static void seed_failures(const char *login, const char *addr, int n,
			  int64_t at)
{
	ov_diag d = OV_DIAG_INIT;

	for (int i = 0; i < n; i++)
		ov_store_failure_add(direct, login, addr, at, 0, &d);
	if (d.n)
		ov_diag_print(&d, stdout, "# seed: ");
	ov_diag_release(&d);
}

static size_t failures_of(const char *login, int64_t now)
{
	ov_diag d = OV_DIAG_INIT;
	size_t bl = 0, ba = 0;

	ov_store_failure_count(direct, login, NULL, now - OV_LOGIN_WINDOW, &bl,
			       &ba, &d);
	ov_diag_release(&d);
	return bl;
}

static int live(ov_app *a, const char *token, int64_t now)
{
	ov_diag d = OV_DIAG_INIT;
	ov_session s;
	int rc = ov_app_session(a, token, now, &s, &d);

	ov_session_release(&s);
	ov_diag_release(&d);
	return rc == 0;
}

static void test_login(ov_app *a)
{
	ov_diag d = OV_DIAG_INIT;
	ov_session s, s2;
	char *wrong_msg;
	int64_t t;

	/* 1: a good sign-in. */
	tap_is_int(ov_app_login(a, "amy", amy_pw, "10.0.0.1", T0, &s, &d), 0,
		   "sign in");
	tap_ok(strlen(s.token) == 43 && strlen(s.csrf) == 43 &&
		       strcmp(s.token, s.csrf) != 0,
	       "... a token and a different CSRF token");
	tap_ok(s.who.login && !strcmp(s.who.login, "amy") &&
		       s.who.role == OV_ROLE_OWNER && s.who.person &&
		       !strcmp(s.who.person, "p-acc") && !s.who.disabled &&
		       s.created == T0 && s.last_seen == T0,
	       "... whose session it is, since when");
	tap_ok(ov_session_csrf_ok(&s, s.csrf), "... its CSRF token passes");
	tap_ok(!ov_session_csrf_ok(&s, s.token) &&
		       !ov_session_csrf_ok(&s, "") &&
		       !ov_session_csrf_ok(&s, NULL),
	       "... nothing else does");
	tap_is_int(ov_app_session(a, s.token, T0 + 60, &s2, &d), 0,
		   "the session is found by its token");
	tap_ok(s2.who.login && !strcmp(s2.who.login, "amy") &&
		       !strcmp(s2.csrf, s.csrf) && s2.last_seen == T0 + 60 &&
		       s2.created == T0,
	       "... the same account and CSRF token, touched");
	ov_session_release(&s2);
	tap_is_int(ov_app_session(a, s.token, T0 + 60 + OV_SESSION_TOUCH - 1,
				  &s2, &d),
		   0, "found again within the minute");
	tap_ok(s2.last_seen == T0 + 60,
	       "... and not stored again: last_seen is kept to the minute");
	ov_session_release(&s2);
	ov_session_release(&s2);
	ov_session_release(NULL);
	tap_is_int((long long)d.n, 0, "... no problems");

	/* 2, 3: a wrong password and an unknown login, alike. */
	tap_is_int(ov_app_login(a, "amy", "wrong password here", "10.0.0.1",
				T0 + 100, &s2, &d),
		   -1, "a wrong password is refused");
	tap_ok(fx_problem(&d, OV_PROB_UNAUTH, NULL, "wrong login or password"),
	       "... unauthenticated, not saying which");
	tap_ok(s2.token[0] == '\0', "... no token");
	wrong_msg = ov_xstrdup(d.n ? d.p[0].what : "");
	ov_diag_release(&d);
	tap_is_int((long long)failures_of("amy", T0 + 100), 1,
		   "... the failure is recorded");
	tap_is_int(ov_app_login(a, "nobody", amy_pw, "10.0.0.2", T0 + 100,
				&s2, &d),
		   -1, "an unknown login is refused");
	tap_ok(d.n == 1 && d.p[0].kind == OV_PROB_UNAUTH &&
		       !strcmp(d.p[0].what, wrong_msg),
	       "... with the very same problem");
	ov_diag_release(&d);
	tap_is_int(ov_app_login(a, "Not A Login!", amy_pw, "10.0.0.2",
				T0 + 100, &s2, &d),
		   -1, "a login that cannot be is refused");
	tap_ok(d.n == 1 && !strcmp(d.p[0].what, wrong_msg), "... alike");
	ov_diag_release(&d);
	free(wrong_msg);

	/* The throttle per account: amy has 1 failure; 3 more, then a 5th
	 * through the app. */
	seed_failures("amy", "10.0.0.7", 3, T0 + 200);
	tap_is_int(ov_app_login(a, "amy", "still the wrong one", "10.0.0.8",
				T0 + 300, &s2, &d),
		   -1, "a fifth failure for the account");
	tap_ok(fx_problem(&d, OV_PROB_UNAUTH, NULL, "wrong"), "... refused");
	ov_diag_release(&d);
	tap_is_int((long long)failures_of("amy", T0 + 300), 5,
		   "... five failures recorded");
	tap_is_int(ov_app_login(a, "amy", amy_pw, "10.0.0.9", T0 + 400, &s2,
				&d),
		   -1, "then even the right password is refused");
	tap_ok(fx_problem(&d, OV_PROB_LIMIT, NULL, "too many failed sign-ins"),
	       "... a limit, from any address");
	ov_diag_release(&d);
	tap_is_int((long long)failures_of("amy", T0 + 400), 5,
		   "... not checked, not counted");
	tap_ok(live(a, s.token, T0 + 400), "... the open session lives on");
	ov_session_release(&s);
	/* The first failure was at T0 + 100: once the window has passed it
	 * by, four remain; the 4 seeded at T0+200 go after T0+200+window. */
	t = T0 + 200 + OV_LOGIN_WINDOW + 1;
	tap_is_int(ov_app_login(a, "amy", amy_pw, "10.0.0.1", t, &s, &d), 0,
		   "after the window, the right password signs in");
	tap_is_int((long long)failures_of("amy", t), 0,
		   "... and the account's failures are forgotten");
	ov_diag_release(&d);

	/* The throttle per address: five failures from 10.6.6.6, of logins
	 * that cannot be. */
	seed_failures(NULL, "10.6.6.6", 5, t);
	tap_is_int(ov_app_login(a, "bob.k-2_x", bob_pw, "10.6.6.6", t + 10,
				&s2, &d),
		   -1, "an address with five failures is refused");
	tap_ok(fx_problem(&d, OV_PROB_LIMIT, NULL, "from this address"),
	       "... a limit, for the address");
	ov_diag_release(&d);
	tap_is_int(ov_app_login(a, "bob.k-2_x", bob_pw, "10.0.0.5", t + 10,
				&s2, &d),
		   0, "... the same login from elsewhere signs in");
	ov_diag_release(&d);

	/* Logout. */
	tap_is_int(ov_app_logout(a, s.token, &d), 0, "sign out");
	tap_ok(!live(a, s.token, t + 20), "... the session is gone");
	tap_is_int(ov_app_logout(a, s.token, &d), 0, "sign out again: fine");
	tap_is_int(ov_app_logout(a, "garbage", &d), 0,
		   "sign out with no token: fine");
	tap_is_int((long long)d.n, 0, "... no problems");
	ov_session_release(&s);

	/* Disabled: bob's session ends, and bob cannot sign in. */
	tap_ok(live(a, s2.token, t + 20), "bob's session lives");
	tap_is_int(ov_app_user_disable(a, "bob.k-2_x", &d), 0,
		   "disable bob");
	tap_ok(!live(a, s2.token, t + 30), "... his session has ended");
	ov_session_release(&s2);
	tap_is_int(ov_app_login(a, "bob.k-2_x", bob_pw, "10.0.0.5", t + 40,
				&s2, &d),
		   -1, "... he cannot sign in with the right password");
	tap_ok(fx_problem(&d, OV_PROB_UNAUTH, NULL, "disabled"),
	       "... unauthenticated: disabled");
	ov_diag_release(&d);
}

static void test_session_life(ov_app *a)
{
	ov_diag d = OV_DIAG_INIT;
	ov_session s, s2;
	int64_t t = T0 + 86400, at;
	int alive = 1;

	/* A new session for amy, kept busy. */
	tap_is_int(ov_app_login(a, "amy", amy_pw, NULL, t, &s, &d), 0,
		   "sign in without an address");
	for (at = t; at + OV_SESSION_IDLE - 60 <= t + OV_SESSION_MAX;) {
		at += OV_SESSION_IDLE - 60;
		alive &= live(a, s.token, at);
	}
	tap_ok(alive, "used every 29 minutes, a session lives 12 hours");
	tap_is_int(ov_app_session(a, s.token, t + OV_SESSION_MAX + 60, &s2, &d),
		   -1, "... and not a minute more");
	tap_ok(fx_problem(&d, OV_PROB_UNAUTH, NULL, "expired"),
	       "... unauthenticated: expired");
	ov_diag_release(&d);
	tap_is_int(ov_app_session(a, s.token, t + OV_SESSION_MAX + 61, &s2,
				  &d),
		   -1, "... it was deleted");
	tap_ok(fx_problem(&d, OV_PROB_UNAUTH, NULL, "not signed in"),
	       "... so it is unknown now");
	ov_diag_release(&d);
	ov_session_release(&s);

	t += OV_SESSION_MAX + 3600;
	tap_is_int(ov_app_login(a, "amy", amy_pw, NULL, t, &s, &d), 0,
		   "sign in again");
	tap_ok(live(a, s.token, t + OV_SESSION_IDLE),
	       "idle exactly the idle time, the session lives");
	tap_is_int(ov_app_session(a, s.token, t + 2 * OV_SESSION_IDLE + 1, &s2,
				  &d),
		   -1, "idle a second longer, it has ended");
	tap_ok(fx_problem(&d, OV_PROB_UNAUTH, NULL, "expired"), "... expired");
	ov_diag_release(&d);
	tap_is_int(ov_app_session(a, "not-a-token", t, &s2, &d), -1,
		   "a malformed token");
	tap_ok(fx_problem(&d, OV_PROB_UNAUTH, NULL, "not signed in"),
	       "... is not signed in");
	ov_diag_release(&d);
	tap_is_int(ov_app_session(a, NULL, t, &s2, &d), -1, "no token");
	tap_ok(fx_problem(&d, OV_PROB_UNAUTH, NULL, "not signed in"),
	       "... is not signed in");
	ov_diag_release(&d);
	tap_is_int(ov_app_session(a,
				  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", t,
				  &s2, &d),
		   -1, "a well-formed token of no session");
	tap_ok(fx_problem(&d, OV_PROB_UNAUTH, NULL, "not signed in"),
	       "... is not signed in");
	ov_diag_release(&d);
	ov_session_release(&s);

	/* A new password ends the sessions; the new one signs in. */
	t += 3600;
	ov_app_login(a, "amy", amy_pw, NULL, t, &s, &d);
	tap_is_int(ov_app_user_passwd(a, "amy", amy_new_pw, &d), 0,
		   "a new password");
	tap_ok(!live(a, s.token, t + 10), "... ends the account's sessions");
	ov_session_release(&s);
	tap_is_int(ov_app_login(a, "amy", amy_new_pw, NULL, t + 20, &s, &d), 0,
		   "... and signs in");
	tap_is_int((long long)d.n, 0, "... no problems");
	ov_session_release(&s);
	ov_diag_release(&d);
}

static void is_right(ov_app *a, const ov_account *who, enum ov_right r,
		     const char *ref, int want, enum ov_problem_kind kind,
		     const char *name)
{
	ov_diag d = OV_DIAG_INIT;
	int rc = ov_app_authorize(a, who, r, ref, &d);

	bool pass = want == 0 ? rc == 0 && d.n == 0
			      : rc == -1 && d.n == 1 && d.p[0].kind == kind;

	tap_ok(pass, name);
	if (!pass)
		printf("#   rc %d, %s: %s\n", rc,
		       d.n ? ov_problem_kind_code(d.p[0].kind) : "-",
		       d.n ? d.p[0].what : "(no problem)");
	ov_diag_release(&d);
}

static void test_authorize(ov_app *a)
{
	static const char *const right_names[] = {"READ", "EVENT", "EDIT",
						  "ACCOUNTS"};
	/* The table of the header: viewer R; owner R E(own); editor R E D;
	 * admin R E D A. */
	static const int may[OV_ROLE_N][4] = {
		{1, 0, 0, 0}, {1, 1, 0, 0}, {1, 1, 1, 0}, {1, 1, 1, 1}};
	ov_account who[OV_ROLE_N];
	ov_account other = {"dee", OV_ROLE_OWNER, "p-dci", false, 0, NULL};
	ov_account nobody = {"nat", OV_ROLE_OWNER, NULL, false, 0, NULL};
	ov_account off = {"old", OV_ROLE_ADMIN, NULL, true, 0, NULL};
	ov_diag d = OV_DIAG_INIT;
	ov_rec_update u;
	ov_recorded done;
	char today[11];

	for (int r = 0; r < OV_ROLE_N; r++) {
		who[r] = (ov_account){(char *)ov_role_code(r), r,
				      r == OV_ROLE_OWNER ? "p-acc" : NULL,
				      false, 0, NULL};
		for (int right = 0; right < 4; right++) {
			char *name = ov_xasprintf(
				"%s %s %s", ov_role_code(r),
				may[r][right] ? "may" : "may not",
				right == OV_RIGHT_EVENT
					? "record events on its own rec"
					: right_names[right]);

			is_right(a, &who[r], right,
				 right == OV_RIGHT_EVENT ? "SF-R01" : NULL,
				 may[r][right] ? 0 : -1, OV_PROB_FORBIDDEN,
				 name);
			free(name);
		}
	}
	is_right(a, &who[OV_ROLE_OWNER], OV_RIGHT_EVENT, "NCPI-F01", -1,
		 OV_PROB_FORBIDDEN, "an owner may not on another's rec");
	is_right(a, &who[OV_ROLE_OWNER], OV_RIGHT_EVENT, "SF-R02", -1,
		 OV_PROB_FORBIDDEN, "... nor on a rec with no owner");
	is_right(a, &who[OV_ROLE_OWNER], OV_RIGHT_EVENT, NULL, -1,
		 OV_PROB_FORBIDDEN, "... nor on no rec");
	is_right(a, &who[OV_ROLE_OWNER], OV_RIGHT_EVENT, "NOPE-1", -1,
		 OV_PROB_NOTFOUND, "... and an unknown rec is not found");
	is_right(a, &other, OV_RIGHT_EVENT, "NCPI-F01", 0, 0,
		 "the other owner may on that one");
	is_right(a, &nobody, OV_RIGHT_EVENT, "SF-R02", -1, OV_PROB_FORBIDDEN,
		 "an owner account without a person may on none");
	is_right(a, &who[OV_ROLE_EDITOR], OV_RIGHT_EVENT, "NCPI-F01", 0, 0,
		 "an editor may on any rec");
	is_right(a, &who[OV_ROLE_VIEWER], OV_RIGHT_EVENT, "NCPI-F01", -1,
		 OV_PROB_FORBIDDEN, "a viewer on none");
	is_right(a, &off, OV_RIGHT_READ, NULL, -1, OV_PROB_FORBIDDEN,
		 "a disabled admin may do nothing");
	is_right(a, NULL, OV_RIGHT_READ, NULL, -1, OV_PROB_UNAUTH,
		 "no account: unauthenticated");

	/* The current owner, by the fold as at today: SF-R01 passes to
	 * p-dci today, and (recorded ahead, as far as an event may be) to
	 * p-sme in a week. */
	ov_date_format(ov_date_today(), today);
	u = (ov_rec_update){ov_date_today(), "Test", NULL, NULL, "p-dci"};
	tap_is_int(ov_app_rec_update(a, "SF-R01", &u, &done, &d), 0,
		   "SF-R01 passes to p-dci today");
	u = (ov_rec_update){ov_date_today() + OV_FUTURE_DAYS, "Test", NULL,
	                    NULL, "p-sme"};
	tap_is_int(ov_app_rec_update(a, "SF-R01", &u, &done, &d), 0,
		   "... and to p-sme in a week");
	ov_diag_release(&d);
	is_right(a, &who[OV_ROLE_OWNER], OV_RIGHT_EVENT, "SF-R01", -1,
		 OV_PROB_FORBIDDEN, "its old owner may no longer");
	is_right(a, &other, OV_RIGHT_EVENT, "SF-R01", 0, 0,
		 "its owner today may");
}

int main(void)
{
	ov_diag d = OV_DIAG_INIT;
	ov_app *a = NULL;
	char *db;

	tmpdir = fx_tmpdir("accounts");
	if (!tmpdir)
		return 1;
	db = fx_path(tmpdir, "accounts.db");
	test_roles();
	a = fx_open_register(fx_small(), tmpdir, "accounts");
	if (!a || ov_store_open(db, false, &direct, &d) != OV_STORE_OK) {
		ov_diag_print(&d, stdout, "# ");
		tap_ok(0, "a register of the small fixture");
	} else {
		test_user_add(a);
		test_passwd_disable_refusals(a);
		test_login(a);
		test_session_life(a);
		test_authorize(a);
	}
	ov_app_close(a);
	ov_store_close(direct);
	ov_diag_release(&d);
	free(db);
	fx_tmpdir_remove(tmpdir);
	return tap_done();
}

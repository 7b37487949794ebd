#ifndef OV_APP_ACCOUNTS_H
#define OV_APP_ACCOUNTS_H
/*
 * Accounts, sessions and rights: the application layer's side of signing
 * in (app/app.h's conventions hold: 0, or -1 with problems in d).  The
 * crypto is auth/'s; the rows are the store's; the rules (who may do
 * what, how long a session lives, when sign-in is throttled) are here,
 * once, for both faces.
 *
 * Roles, least to most: viewer (reads), owner (reads; records events on
 * the recommendations owned by its person), editor (the whole register
 * and meetings), admin (everything, and accounts).
 *
 * Scope.  An account may be bound to one force (its `force`): in a
 * register holding several forces it then sees that force alone.  What
 * that restricts is listed at ov_app_scope_force; the faces apply it
 * (web/), the rules are here.
 */
#include <stdbool.h>
#include <stdint.h>

#include "app/app.h"

enum ov_role {
	OV_ROLE_VIEWER,
	OV_ROLE_OWNER,
	OV_ROLE_EDITOR,
	OV_ROLE_ADMIN,
	OV_ROLE_N
};
/* "viewer", "owner", "editor", "admin"; and back (-1: not a role). */
const char *ov_role_code(enum ov_role r);
int ov_role_parse(const char *code);

/* ---- accounts ---- */

typedef struct ov_account {
	char *login;
	enum ov_role role;
	char *person; /* person id (required for owner), or NULL */
	bool disabled;
	int64_t created; /* unix seconds */
	char *force;     /* the one force it sees (a code), or NULL: all */
} ov_account;

/* The longest password taken, in bytes (a face may refuse longer input
 * before it reaches here; the app refuses it too). */
#define OV_PASSWORD_MAX 1024

/* login: 1-64 of [a-z0-9._-], starting with a letter or digit.  password:
 * valid UTF-8, at least 12 characters, at most OV_PASSWORD_MAX bytes, not
 * judged weak by cracklib (the problem says why, at "password").  role:
 * a code of ov_role_code (else bad input at "role").  person must exist
 * (bad input at "person"); an owner must have one.  Every bad field is
 * reported at once.  A login already taken is a conflict at "login".
 * cracklib's dictionary missing is a runtime problem. */
int ov_app_user_add(ov_app *a, const char *login, const char *role,
                    const char *person, const char *password, ov_diag *d);
/* The same, bound to force (NULL: none; else a force of the register:
 * bad input at "force" if not). */
int ov_app_user_add_for(ov_app *a, const char *login, const char *role,
                        const char *person, const char *force,
                        const char *password, ov_diag *d);
/* A new password (same rules); ends every session of the account.  An
 * unknown login is not found at "login" (by disable too). */
int ov_app_user_passwd(ov_app *a, const char *login, const char *password,
                       ov_diag *d);
/* The account can no longer sign in; its sessions end. */
int ov_app_user_disable(ov_app *a, const char *login, ov_diag *d);

typedef struct ov_account_list {
	ov_account *items; /* by login */
	size_t n;
} ov_account_list;
int ov_app_users(ov_app *a, ov_account_list *out, ov_diag *d);
void ov_account_list_release(ov_account_list *l);

/* ---- sessions ---- */

/* Idle and absolute lifetimes of a session, in seconds. */
#define OV_SESSION_IDLE (30 * 60)
#define OV_SESSION_MAX (12 * 60 * 60)
/* last_seen is stored again only once it is this many seconds old. */
#define OV_SESSION_TOUCH 60
/* Sign-in throttle: at most this many failures in the window, per
 * account and per address, before attempts are refused unchecked. */
#define OV_LOGIN_FAILS 5
#define OV_LOGIN_WINDOW (15 * 60)

/* Lengths of the texts a session hands out, with the NUL. */
#define OV_TOKEN_LEN 44 /* 32 random bytes, base64url without padding */

typedef struct ov_session {
	char token[OV_TOKEN_LEN]; /* the cookie's value; only its hash is
	                           * stored */
	char csrf[OV_TOKEN_LEN];  /* the forms' token, derived from token */
	ov_account who;
	int64_t created, last_seen;
} ov_session;

/* Check login and password (addr: the client's address, for the
 * throttle; NULL: no address to count by), and start a session.  A wrong
 * login or password is one problem of kind OV_PROB_UNAUTH that does not
 * say which, and takes as long either way; each is recorded as a failure.
 * A throttled attempt (OV_LOGIN_FAILS failures of the login, or from the
 * address, in the last OV_LOGIN_WINDOW seconds) is OV_PROB_LIMIT, refused
 * before the password is checked and not recorded.  A disabled account
 * is OV_PROB_UNAUTH.  Success forgets the login's failures and deletes
 * expired sessions.  *out is the caller's (ov_session_release). */
int ov_app_login(ov_app *a, const char *login, const char *password,
                 const char *addr, int64_t now, ov_session *out, ov_diag *d);
/* The live session with this cookie token (touched: last_seen = now), or
 * -1 with OV_PROB_UNAUTH (unknown, idle too long, too old, account
 * disabled). */
int ov_app_session(ov_app *a, const char *token, int64_t now, ov_session *out,
                   ov_diag *d);
/* End the session (unknown tokens are fine). */
int ov_app_logout(ov_app *a, const char *token, ov_diag *d);
void ov_session_release(ov_session *s); /* wipes the tokens */
/* A fresh random token (OV_TOKEN_LEN with the NUL) for a form used
 * before there is a session: the sign-in form's double-submitted
 * cookie. */
void ov_form_token(char out[OV_TOKEN_LEN]);
/* Constant-time comparison of two tokens (false if either is NULL). */
bool ov_token_equal(const char *a, const char *b);
/* Constant-time check of a form's CSRF token against the session's. */
bool ov_session_csrf_ok(const ov_session *s, const char *given);

/* ---- rights ---- */

enum ov_right {
	OV_RIGHT_READ,     /* any page or listing */
	OV_RIGHT_EVENT,    /* record an event on recommendation `ref` */
	OV_RIGHT_EDIT,     /* meetings, and the register as a whole */
	OV_RIGHT_ACCOUNTS, /* accounts */
};

/* 0 if who may use right (for OV_RIGHT_EVENT, on ref: an owner only on a
 * recommendation whose current owner, by the timeline folded as at today,
 * is its person; with ref NULL an owner is refused), else -1 with one
 * problem of kind OV_PROB_FORBIDDEN (or NOTFOUND at "ref" for an unknown
 * ref, when it had to be read).  viewer: READ; owner: READ, EVENT on its
 * own; editor: READ, EVENT, EDIT; admin: all.  A disabled account may do
 * nothing. */
int ov_app_authorize(ov_app *a, const ov_account *who, enum ov_right right,
                     const char *ref, ov_diag *d);

/* ---- scope ---- */

/* The force a request by who may be about, for a listing that takes a
 * force (a filter, or the national view's scope).  asked: the force the
 * request named, or NULL.  An account bound to a force: asked must be
 * NULL or that force (else a forbidden problem at "force"), and *out is
 * the account's force.  Any other account (and who NULL): *out = asked.
 * 0 or -1.  *out is borrowed from who or asked.
 *
 * What a bound account is restricted to (the web applies it): the
 * national view (summary by force, a report across forces, grades
 * across forces), the dashboard, the register's list and its API, one
 * recommendation
 * (page, API, recording events: another force's is "not found"), the
 * PEEL grades (page, API), the activities and a report's
 * recommendations (page, API).  The report list, meetings, the paper and
 * the export are not restricted by force. */
int ov_app_scope_force(const ov_account *who, const char *asked,
                       const char **out, ov_diag *d);
/* Whether who may see what belongs to force (a rec's force): true
 * unless who is bound to another force. */
bool ov_app_sees_force(const ov_account *who, const char *force);
/* 0 if who may see recommendation ref: always for an account not bound
 * to a force (nothing is read); else ref must be of its force, or -1 with
 * not found at "ref", the same as for a ref that is not there.
 * ov_app_authorize checks it for OV_RIGHT_EVENT on a ref. */
int ov_app_rec_visible(ov_app *a, const ov_account *who, const char *ref,
                       ov_diag *d);

#endif

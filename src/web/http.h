#ifndef OV_WEB_HTTP_H
#define OV_WEB_HTTP_H
/*
 * Private to src/web: a request as the handlers see it, the response
 * they fill in, and the route table.  The server (server.c) turns
 * libmicrohttpd's calls into an ov_web_req, finds the route, checks the
 * session, the role and the CSRF token, calls the handler, and sends its
 * ov_web_resp with the security headers.  Handlers never see
 * libmicrohttpd.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/accounts.h"
#include "app/app.h"
#include "util/buf.h"
#include "util/diag.h"
#include "web/web.h"

/* A decoded name=value pair of a query string or form.  Both are valid
 * UTF-8 without NUL (the parser refuses anything else). */
typedef struct ov_kv {
	char *name, *value;
} ov_kv;

typedef struct ov_kvs {
	ov_kv *v;
	size_t n;
} ov_kvs;

/* Limits of what a query string or form may hold. */
#define OV_WEB_MAX_FIELDS 200
#define OV_WEB_MAX_FIELD (64 * 1024)

/* Parse application/x-www-form-urlencoded text (len bytes) into out: 0,
 * or -1 with a bad-input problem (broken %-escape, invalid UTF-8, a NUL,
 * too many or too long fields) naming the field. */
int ov_kvs_parse(const char *s, size_t len, ov_kvs *out, ov_diag *d);
/* The first value called name, or NULL. */
const char *ov_kvs_get(const ov_kvs *k, const char *name);
void ov_kvs_release(ov_kvs *k);
/* %-decode s[0..n) (no '+' rule: a path) into a fresh *out: 0, or -1 if
 * an escape is broken or the result is not UTF-8 without NUL. */
int ov_web_unescape(const char *s, size_t n, char **out);
/* Append s %-encoded for a path segment or query value. */
void ov_web_urlenc(ov_buf *b, const char *s);
/* Valid UTF-8 (no overlongs, surrogates or NUL) over n bytes. */
bool ov_web_utf8_ok(const char *s, size_t n);

typedef struct ov_web_req {
	const char *method; /* "GET", "POST" */
	const char *path;   /* decoded, without the query */
	const char *param;  /* the route's * segment, decoded; or NULL */
	ov_kvs query;
	ov_kvs form;      /* a POSTed urlencoded body */
	const char *body; /* the raw body (NUL-terminated), or NULL */
	size_t body_len;
	const char *content_type;
	const char *csrf_header;  /* X-CSRF-Token */
	const char *login_cookie; /* ov_login: the sign-in form's token */
	const char *addr;         /* client address, numeric */
	bool tls;
	ov_app *app;            /* this request's own database handle */
	const ov_session *sess; /* signed in as, or NULL */
	int64_t now;
	ov_day today;
	const ov_web_config *cfg;
} ov_web_req;

#define OV_WEB_MAX_HEADERS 6

typedef struct ov_web_resp {
	unsigned status;  /* 200 unless set */
	const char *type; /* Content-Type, a constant */
	ov_buf body;
	struct {
		const char *name; /* a constant */
		char *value;      /* owned */
	} headers[OV_WEB_MAX_HEADERS];
	size_t n_headers;
	char *csp_extra; /* more script-src/style-src sources, owned */
	bool no_store;   /* Cache-Control: no-store (default for pages) */
	bool cache;      /* a static asset: cache it */
} ov_web_resp;

/* Add a header (value copied); quietly ignored past the limit. */
void ov_web_header(ov_web_resp *r, const char *name, const char *value);
/* A redirect after a POST, or to /login: 303 See Other. */
void ov_web_redirect(ov_web_resp *r, const char *location);
/* A JSON body (takes the text, which must be UTF-8). */
void ov_web_json(ov_web_resp *r, unsigned status, char *text);
/* A JSON error body {"errors":[{"kind","where","what"}...]} from d with
 * the status ov_web_status(d). */
void ov_web_json_problems(ov_web_resp *r, const ov_diag *d);
/* The HTTP status for a list of problems: 400 bad input, 404, 409, 401,
 * 403, 429 (413 for a too-big body is the server's), 500 runtime. */
unsigned ov_web_status(const ov_diag *d);
void ov_web_resp_release(ov_web_resp *r);

typedef int ov_web_handler(ov_web_req *q, ov_web_resp *r);

/* Who may use a route. */
enum ov_web_access {
	OV_WEB_PUBLIC, /* anyone, signed in or not */
	OV_WEB_SIGNED, /* any account, with the route's right */
};

enum ov_web_face { OV_WEB_PAGE, OV_WEB_API };

/* Query parameters as the pages and the API read them (form.c). */

/* The value of query parameter name, borrowed from q; NULL when absent
 * or empty: an empty field of a form means "not given". */
const char *ov_web_query(const ov_web_req *q, const char *name);
/* ?name= as a day into *out, dflt when not given: 0, or -1 with a
 * bad-input problem at name worded for the face that asks.  A page says
 * "Enter the NAME date as YYYY-MM-DD, a real date"; the API says what
 * the command line and app say, "'VALUE' is not a valid date (expected
 * YYYY-MM-DD)". */
int ov_web_query_day(const ov_web_req *q, enum ov_web_face face,
                     const char *name, ov_day dflt, ov_day *out, ov_diag *d);

/* The force a request may be about: ?force= as the signed-in account's
 * scope allows it (app/accounts.h, ov_app_scope_force): 0 with *out
 * (NULL: every force), or -1 with a forbidden problem at "force". */
int ov_web_scope_force(const ov_web_req *q, const char **out, ov_diag *d);

typedef struct ov_web_route {
	const char *method;
	const char *pattern; /* "/recommendations/{*}": {*} is a segment */
	enum ov_web_access access;
	enum ov_right right; /* checked for SIGNED routes */
	enum ov_web_face face;
	ov_web_handler *fn;
} ov_web_route;

extern const ov_web_route ov_web_routes[];
extern const size_t ov_web_n_routes;

/* The route for method and raw path (%-escapes as received): the route,
 * with *param set to the decoded * segment (fresh; NULL if none); NULL
 * if none, or if the segment does not decode to UTF-8.  *path_known is
 * set when the path matches a route of another method (405). */
const ov_web_route *ov_web_route_find(const char *method, const char *path,
                                      char **param, bool *path_known);

/* Handlers, one file per page (web/page_*.c, web/api.c). */
ov_web_handler ov_page_login, ov_page_login_post, ov_page_logout;
ov_web_handler ov_page_dashboard;
ov_web_handler ov_page_recs, ov_page_rec, ov_page_rec_event;
ov_web_handler ov_page_reports, ov_page_report;
ov_web_handler ov_page_grades, ov_page_activities;
ov_web_handler ov_page_meetings, ov_page_meeting, ov_page_meeting_post,
    ov_page_meeting_preview, ov_page_meeting_paper;
ov_web_handler ov_page_export;
ov_web_handler ov_page_national, ov_page_national_report,
    ov_page_national_grades;
ov_web_handler ov_page_accounts, ov_page_accounts_post, ov_page_account_disable,
    ov_page_account_password;
ov_web_handler ov_web_asset;
/* Forget the asset files read so far (at shutdown). */
void ov_web_assets_release(void);
ov_web_handler ov_api_recs, ov_api_rec, ov_api_rec_events, ov_api_reports,
    ov_api_report, ov_api_grades, ov_api_activities, ov_api_meetings,
    ov_api_meeting, ov_api_session, ov_api_national_summary,
    ov_api_national_report, ov_api_national_grades;

#endif

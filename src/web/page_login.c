/* /login and /logout: the sign-in form, the session cookie. */
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"
#include "web/layout.h"

/* Where to go after signing in: a path of this site only. */
static const char *safe_next(const char *next)
{
	if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\' ||
	    strpbrk(next, "\r\n"))
		return "/";
	return next;
}

static void set_cookie(ov_web_resp *r, const ov_web_req *q, const char *name,
                       const char *value, long max_age)
{
	char *c = ov_xasprintf("%s=%s; Path=/; HttpOnly; SameSite=Strict%s%s",
	                       name, value, q->tls ? "; Secure" : "",
	                       max_age < 0 ? "; Max-Age=0" : "");

	ov_web_header(r, "Set-Cookie", c);
	free(c);
}

static void form(ov_web_req *q, ov_web_resp *r, const char *login,
                 const char *next, const ov_diag *errors)
{
	ov_page p;
	char token[OV_TOKEN_LEN];

	ov_form_token(token);
	set_cookie(r, q, "ov_login", token, 0);
	ov_page_begin(&p, q, r, "Sign in", NULL, errors);
	ov_html_open(&p.h, "div", "class", "govuk-grid-row", NULL);
	ov_html_open(&p.h, "div", "class", "govuk-grid-column-two-thirds",
	             NULL);
	ov_page_h1(&p, NULL, "Sign in");
	ov_page_para(&p, "Sign in to the register of HMICFRS "
	                 "recommendations.");
	ov_page_form_open(&p, "/login");
	ov_page_hidden(&p, "csrf", token);
	ov_page_hidden(&p, "next", safe_next(next));
	ov_page_input(&p, "login", "Account name", "text", login, NULL);
	ov_page_input(&p, "password", "Password", "password", "", NULL);
	ov_page_form_close(&p, "Sign in", false);
	ov_html_close(&p.h, "div");
	ov_html_close(&p.h, "div");
	ov_page_end(&p);
	ov_memwipe(token, sizeof token);
}

int ov_page_login(ov_web_req *q, ov_web_resp *r)
{
	if (q->sess) {
		ov_web_redirect(r, safe_next(ov_kvs_get(&q->query, "next")));
		return 0;
	}
	form(q, r, "", ov_kvs_get(&q->query, "next"), NULL);
	return 0;
}

int ov_page_login_post(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	ov_session s;
	const char *login = ov_kvs_get(&q->form, "login");
	const char *pw = ov_kvs_get(&q->form, "password");
	const char *next = ov_kvs_get(&q->form, "next");

	memset(&s, 0, sizeof s);
	if (!ov_token_equal(ov_kvs_get(&q->form, "csrf"), q->login_cookie)) {
		ov_diag_at(&d, OV_PROB_FORBIDDEN, "login",
		           "The sign-in form has expired: try again");
	} else if (!login || !*login) {
		ov_diag_at(&d, OV_PROB_INPUT, "login",
		           "Enter your account name");
	} else if (!pw || !*pw) {
		ov_diag_at(&d, OV_PROB_INPUT, "password",
		           "Enter your password");
	} else if (ov_app_login(q->app, login, pw, q->addr, q->now, &s, &d) ==
	           0) {
		set_cookie(r, q, "ov_session", s.token, 0);
		set_cookie(r, q, "ov_login", "", -1);
		ov_web_redirect(r, safe_next(next));
		ov_session_release(&s);
		return 0;
	}
	r->status = ov_web_status(&d);
	form(q, r, login ? login : "", next, &d);
	ov_diag_release(&d);
	return 0;
}

int ov_page_logout(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	int rc = ov_app_logout(q->app, q->sess->token, &d);

	set_cookie(r, q, "ov_session", "", -1);
	ov_web_redirect(r, "/login");
	ov_diag_release(&d);
	return rc;
}

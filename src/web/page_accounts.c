/* /accounts (admin): the accounts, a form to add one, and per account
 * a new password or disabling it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/mem.h"
#include "web/layout.h"

static const char *const role_opts[] = {
    "viewer", "Viewer (reads)",
    "owner",  "Owner (updates its own)",
    "editor", "Editor (the register and meetings)",
    "admin",  "Administrator (accounts)",
    NULL};

static void when(int64_t t, char buf[32])
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!gmtime_r(&tt, &tm) || !strftime(buf, 32, "%Y-%m-%d %H:%M", &tm))
		snprintf(buf, 32, "—");
}

static void account_row(ov_page *p, const ov_account *a)
{
	char buf[32];
	char *dis = ov_page_href("/accounts", a->login, "/disable");
	char *pw = ov_page_href("/accounts", a->login, "/password");
	char *label = ov_xasprintf("Disable %s", a->login);

	ov_page_row_open(p);
	ov_page_cell(p, a->login);
	ov_page_cell(p, ov_role_code(a->role));
	ov_page_cell(p, a->person ? a->person : "—");
	ov_page_cell(p, a->force ? a->force : "All");
	when(a->created, buf);
	ov_page_cell(p, buf);
	ov_page_cell_open(p);
	if (a->disabled) {
		ov_page_tag(p, "Disabled", "grey");
	} else {
		ov_page_form_open(p, dis);
		ov_html_open(&p->h, "button", "type", "submit", "class",
		             "govuk-button govuk-button--warning", "aria-label",
		             label, "data-module", "govuk-button", NULL);
		ov_html_text(&p->h, "Disable");
		ov_html_close(&p->h, "button");
		ov_html_close(&p->h, "form");
	}
	ov_page_cell_close(p);
	ov_page_cell_open(p);
	ov_html_open(&p->h, "details", "class", "govuk-details", NULL);
	ov_html_open(&p->h, "summary", "class", "govuk-details__summary", NULL);
	ov_html_open(&p->h, "span", "class", "govuk-details__summary-text",
	             NULL);
	ov_html_text(&p->h, "New password");
	ov_html_close(&p->h, "span");
	ov_html_close(&p->h, "summary");
	ov_html_open(&p->h, "div", "class", "govuk-details__text", NULL);
	p->id_prefix = a->login;
	ov_page_form_open(p, pw);
	ov_page_input(p, "password", "New password", "password", "", NULL);
	ov_page_input(p, "confirm", "The new password again", "password", "",
	              NULL);
	ov_page_form_close(p, "Set password", true);
	p->id_prefix = NULL;
	ov_html_close(&p->h, "div");
	ov_html_close(&p->h, "details");
	ov_page_cell_close(p);
	ov_page_row_close(p);
	free(label);
	free(dis);
	free(pw);
}

static void render(ov_web_req *q, ov_web_resp *r, const ov_diag *errors,
                   const ov_kvs *kept)
{
	static const char *const heads[] = {
	    "Account",       "Role",  "Person",  "Force",
	    "Created (UTC)", "State", "Password"};
	ov_diag d = OV_DIAG_INIT;
	ov_account_list l = {0};
	ov_page p;
	const char *login = kept ? ov_kvs_get(kept, "login") : NULL;
	const char *role = kept ? ov_kvs_get(kept, "role") : NULL;
	const char *person = kept ? ov_kvs_get(kept, "person") : NULL;
	const char *force = kept ? ov_kvs_get(kept, "force") : NULL;

	if (ov_app_users(q->app, &l, &d) < 0) {
		ov_page_problem(q, r, "The accounts cannot be read", &d);
		goto out;
	}
	ov_page_begin(&p, q, r, "Accounts", "accounts", errors);
	ov_page_h1(&p, NULL, "Accounts");
	ov_html_open(&p.h, "div", "class", "app-table-wrap", NULL);
	ov_page_table_open(&p, NULL, heads, sizeof heads / sizeof heads[0]);
	for (size_t i = 0; i < l.n; i++)
		account_row(&p, &l.items[i]);
	ov_page_table_close(&p);
	ov_html_close(&p.h, "div");
	ov_page_h2(&p, "Add an account");
	ov_page_form_open(&p, "/accounts");
	ov_page_input(&p, "login", "Account name", "text", login,
	              "Lower-case letters, digits, dots, dashes, underscores");
	ov_page_select(&p, "role", "Role", role_opts, role);
	ov_page_input(&p, "person", "Person id (needed for an owner)", "text",
	              person, NULL);
	ov_page_input(&p, "force", "Force code (optional)", "text", force,
	              "The one force whose register the account sees; empty "
	              "for every force");
	ov_page_input(&p, "password", "Password", "password", "",
	              "At least 12 characters, not a dictionary word");
	ov_page_input(&p, "confirm", "The password again", "password", "",
	              NULL);
	ov_page_form_close(&p, "Add account", false);
	ov_page_end(&p);
out:
	ov_account_list_release(&l);
	ov_diag_release(&d);
}

int ov_page_accounts(ov_web_req *q, ov_web_resp *r)
{
	render(q, r, NULL, NULL);
	return 0;
}

/* The two password fields agree: else a problem at confirm. */
static int confirmed(const ov_kvs *f, ov_diag *d)
{
	const char *a = ov_kvs_get(f, "password"),
	           *b = ov_kvs_get(f, "confirm");

	if (a && b && strcmp(a, b) == 0)
		return 0;
	ov_diag_at(d, OV_PROB_INPUT, "confirm",
	           "The two passwords are not the same");
	return -1;
}

static void done(ov_web_req *q, ov_web_resp *r, int rc, ov_diag *d)
{
	if (rc == 0) {
		ov_web_redirect(r, "/accounts");
		return;
	}
	render(q, r, d, NULL);
	r->status = ov_web_status(d);
}

int ov_page_accounts_post(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	const ov_kvs *f = &q->form;
	const char *person = ov_kvs_get(f, "person");
	const char *force = ov_kvs_get(f, "force");
	int rc = confirmed(f, &d);

	if (rc == 0)
		rc = ov_app_user_add_for(q->app, ov_kvs_get(f, "login"),
		                         ov_kvs_get(f, "role"),
		                         person && *person ? person : NULL,
		                         force && *force ? force : NULL,
		                         ov_kvs_get(f, "password"), &d);
	if (rc == 0) {
		ov_web_redirect(r, "/accounts");
	} else {
		render(q, r, &d, f);
		r->status = ov_web_status(&d);
	}
	ov_diag_release(&d);
	return 0;
}

int ov_page_account_disable(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;

	done(q, r, ov_app_user_disable(q->app, q->param, &d), &d);
	ov_diag_release(&d);
	return 0;
}

int ov_page_account_password(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	int rc = confirmed(&q->form, &d);

	if (rc == 0)
		rc = ov_app_user_passwd(q->app, q->param,
		                        ov_kvs_get(&q->form, "password"), &d);
	done(q, r, rc, &d);
	ov_diag_release(&d);
	return 0;
}

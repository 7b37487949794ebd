/* The page chrome (GOV.UK template, service navigation) and components. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/enums.h"
#include "util/date.h"
#include "util/mem.h"
#include "web/layout.h"

/* The GOV.UK template's snippet; server.c's CSP names its hash. */
static const char js_enabled[] =
    "document.body.className += ' js-enabled' + ('noModule' in "
    "HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');";

static const struct {
	const char *id, *label, *href;
	enum ov_right right;
} nav[] = {
    {"dashboard", "Dashboard", "/", OV_RIGHT_READ},
    {"recommendations", "Recommendations", "/recommendations", OV_RIGHT_READ},
    {"reports", "Reports", "/reports", OV_RIGHT_READ},
    {"grades", "PEEL grades", "/grades", OV_RIGHT_READ},
    {"national", "National view", "/national", OV_RIGHT_READ},
    {"activities", "Activities", "/activities", OV_RIGHT_READ},
    {"meetings", "Meetings", "/meetings", OV_RIGHT_READ},
    {"accounts", "Accounts", "/accounts", OV_RIGHT_ACCOUNTS},
};

static bool may(const ov_web_req *q, enum ov_right r)
{
	if (!q->sess)
		return false;
	return r != OV_RIGHT_ACCOUNTS || q->sess->who.role == OV_ROLE_ADMIN;
}

static void service_nav(ov_page *p, const char *current)
{
	ov_html *h = &p->h;

	ov_html_open(h, "section", "class", "govuk-service-navigation",
	             "aria-label", "Service information", "data-module",
	             "govuk-service-navigation", NULL);
	ov_html_open(h, "div", "class", "govuk-width-container", NULL);
	ov_html_open(h, "div", "class", "govuk-service-navigation__container",
	             NULL);
	ov_html_open(h, "span", "class",
	             "govuk-service-navigation__service-name", NULL);
	ov_html_open(h, "a", "href", "/", "class",
	             "govuk-service-navigation__link", NULL);
	ov_html_text(h, "Oversight");
	ov_html_close(h, "a");
	ov_html_close(h, "span");
	if (p->q->sess) {
		ov_html_open(h, "nav", "aria-label", "Menu", "class",
		             "govuk-service-navigation__wrapper", NULL);
		ov_html_open(h, "ul", "class", "govuk-service-navigation__list",
		             "id", "navigation", NULL);
		for (size_t i = 0; i < sizeof nav / sizeof nav[0]; i++) {
			bool on = current && strcmp(current, nav[i].id) == 0;

			if (!may(p->q, nav[i].right))
				continue;
			ov_html_open(
			    h, "li", "class",
			    on ? "govuk-service-navigation__item "
			         "govuk-service-navigation__item--active"
			       : "govuk-service-navigation__item",
			    NULL);
			ov_html_open(h, "a", "class",
			             "govuk-service-navigation__link", "href",
			             nav[i].href, on ? "aria-current" : NULL,
			             "page", NULL);
			ov_html_text(h, nav[i].label);
			ov_html_close(h, "a");
			ov_html_close(h, "li");
		}
		ov_html_close(h, "ul");
		ov_html_close(h, "nav");
	}
	ov_html_close(h, "div");
	ov_html_close(h, "div");
	ov_html_close(h, "section");
	ov_html_nl(h);
}

/* Who is signed in, and the sign-out button. */
static void account_bar(ov_page *p)
{
	ov_html *h = &p->h;
	const ov_session *s = p->q->sess;

	if (!s)
		return;
	ov_html_open(h, "div", "class", "govuk-width-container app-account",
	             NULL);
	ov_html_open(h, "form", "method", "post", "action", "/logout", "class",
	             "app-account__form", NULL);
	ov_html_open(h, "p", "class", "govuk-body-s app-account__who", NULL);
	ov_html_text(h, "Signed in as ");
	ov_html_elem(h, "strong", s->who.login);
	ov_html_text(h, " (");
	ov_html_text(h, ov_role_code(s->who.role));
	ov_html_text(h, ") ");
	ov_html_void(h, "input", "type", "hidden", "name", "csrf", "value",
	             s->csrf, NULL);
	ov_html_open(h, "button", "type", "submit", "class",
	             "govuk-button govuk-button--secondary app-account__button",
	             "data-module", "govuk-button", NULL);
	ov_html_text(h, "Sign out");
	ov_html_close(h, "button");
	ov_html_close(h, "p");
	ov_html_close(h, "form");
	ov_html_close(h, "div");
}

void ov_page_begin(ov_page *p, ov_web_req *q, ov_web_resp *r, const char *title,
                   const char *current, const ov_diag *errors)
{
	ov_html *h = &p->h;
	char *full;

	p->q = q;
	p->r = r;
	p->id_prefix = NULL;
	p->errors = errors && errors->n ? errors : NULL;
	r->type = "text/html; charset=utf-8";
	ov_html_init(h, &r->body);
	ov_html_doctype(h);
	ov_html_open(h, "html", "lang", "en", "class",
	             "govuk-template govuk-template--rebranded", NULL);
	ov_html_open(h, "head", NULL);
	ov_html_void(h, "meta", "charset", "utf-8", NULL);
	full =
	    ov_xasprintf("%s%s – Oversight", p->errors ? "Error: " : "", title);
	ov_html_elem(h, "title", full);
	free(full);
	ov_html_void(h, "meta", "name", "viewport", "content",
	             "width=device-width, initial-scale=1, viewport-fit=cover",
	             NULL);
	ov_html_void(h, "meta", "name", "theme-color", "content", "#1d70b8",
	             NULL);
	ov_html_void(h, "link", "rel", "icon", "href",
	             "/assets/images/favicon.ico", "sizes", "48x48", NULL);
	ov_html_void(h, "link", "rel", "stylesheet", "href",
	             "/assets/govuk-frontend.min.css", NULL);
	ov_html_void(h, "link", "rel", "stylesheet", "href",
	             "/assets/oversight.css", NULL);
	ov_html_close(h, "head");
	ov_html_nl(h);
	ov_html_open(h, "body", "class", "govuk-template__body", NULL);
	ov_html_script(h, js_enabled);
	ov_html_open(h, "a", "href", "#main-content", "class",
	             "govuk-skip-link", "data-module", "govuk-skip-link", NULL);
	ov_html_text(h, "Skip to main content");
	ov_html_close(h, "a");
	ov_html_nl(h);
	service_nav(p, current);
	account_bar(p);
	ov_html_open(h, "div", "class", "govuk-width-container", NULL);
	ov_html_open(h, "main", "class", "govuk-main-wrapper", "id",
	             "main-content", NULL);
	ov_page_error_summary(p);
}

void ov_page_end(ov_page *p)
{
	ov_html *h = &p->h;

	ov_html_close(h, "main");
	ov_html_close(h, "div");
	ov_html_nl(h);
	ov_html_open(h, "footer", "class", "govuk-footer", NULL);
	ov_html_open(h, "div", "class", "govuk-width-container", NULL);
	ov_html_open(h, "p", "class", "govuk-footer__meta-custom", NULL);
	ov_html_text(h, "Oversight: the register of HMICFRS recommendations");
	ov_html_close(h, "p");
	ov_html_close(h, "div");
	ov_html_close(h, "footer");
	ov_html_open(h, "script", "type", "module", "src", "/assets/init.js",
	             NULL);
	ov_html_close(h, "script");
	ov_html_close(h, "body");
	ov_html_close(h, "html");
	ov_html_nl(h);
	if (h->bad) {
		/* A program error (a bad tag name), never data: fail loud. */
		ov_buf_reset(&p->r->body);
		ov_buf_puts(&p->r->body, "internal error: bad markup\n");
		p->r->type = "text/plain; charset=utf-8";
		p->r->status = 500;
	}
}

void ov_page_h1(ov_page *p, const char *caption, const char *text)
{
	if (caption) {
		ov_html_open(&p->h, "span", "class", "govuk-caption-l", NULL);
		ov_html_text(&p->h, caption);
		ov_html_close(&p->h, "span");
	}
	ov_html_open(&p->h, "h1", "class", "govuk-heading-l", NULL);
	ov_html_text(&p->h, text);
	ov_html_close(&p->h, "h1");
}

void ov_page_h2(ov_page *p, const char *text)
{
	ov_html_open(&p->h, "h2", "class", "govuk-heading-m", NULL);
	ov_html_text(&p->h, text);
	ov_html_close(&p->h, "h2");
}

void ov_page_para(ov_page *p, const char *text)
{
	ov_html_open(&p->h, "p", "class", "govuk-body", NULL);
	ov_html_text(&p->h, text);
	ov_html_close(&p->h, "p");
}

void ov_page_link(ov_page *p, const char *href, const char *text)
{
	ov_html_open(&p->h, "a", "class", "govuk-link", "href", href, NULL);
	ov_html_text(&p->h, text);
	ov_html_close(&p->h, "a");
}

char *ov_page_href(const char *base, const char *id, const char *suffix)
{
	ov_buf b = OV_BUF_INIT;

	ov_buf_puts(&b, base);
	ov_buf_putc(&b, '/');
	ov_web_urlenc(&b, id);
	if (suffix)
		ov_buf_puts(&b, suffix);
	return ov_buf_detach(&b);
}

const char *ov_page_field_error(const ov_page *p, const char *name)
{
	if (!p->errors)
		return NULL;
	for (size_t i = 0; i < p->errors->n; i++) {
		const ov_problem *e = &p->errors->p[i];

		if (e->where && strcmp(e->where, name) == 0)
			return e->what;
	}
	return NULL;
}

void ov_page_error_summary(ov_page *p)
{
	ov_html *h = &p->h;

	if (!p->errors)
		return;
	ov_html_open(h, "div", "class", "govuk-error-summary", "data-module",
	             "govuk-error-summary", NULL);
	ov_html_open(h, "div", "role", "alert", NULL);
	ov_html_open(h, "h2", "class", "govuk-error-summary__title", NULL);
	ov_html_text(h, "There is a problem");
	ov_html_close(h, "h2");
	ov_html_open(h, "div", "class", "govuk-error-summary__body", NULL);
	ov_html_open(h, "ul", "class", "govuk-list govuk-error-summary__list",
	             NULL);
	for (size_t i = 0; i < p->errors->n; i++) {
		const ov_problem *e = &p->errors->p[i];

		ov_html_open(h, "li", NULL);
		if (e->where) {
			char *href = ov_xasprintf("#%s", e->where);

			ov_html_open(h, "a", "href", href, NULL);
			free(href);
			ov_html_text(h, e->what);
			ov_html_close(h, "a");
		} else {
			ov_html_text(h, e->what);
		}
		ov_html_close(h, "li");
	}
	ov_html_close(h, "ul");
	ov_html_close(h, "div");
	ov_html_close(h, "div");
	ov_html_close(h, "div");
}

void ov_page_form_open(ov_page *p, const char *action)
{
	ov_html_open(&p->h, "form", "method", "post", "action", action,
	             "novalidate", "", NULL);
	if (p->q->sess)
		ov_page_hidden(p, "csrf", p->q->sess->csrf);
}

void ov_page_form_close(ov_page *p, const char *button, bool secondary)
{
	ov_html_open(&p->h, "button", "type", "submit", "class",
	             secondary ? "govuk-button govuk-button--secondary"
	                       : "govuk-button",
	             "data-module", "govuk-button", NULL);
	ov_html_text(&p->h, button);
	ov_html_close(&p->h, "button");
	ov_html_close(&p->h, "form");
}

static char *control_id(const ov_page *p, const char *name)
{
	return p->id_prefix ? ov_xasprintf("%s-%s", p->id_prefix, name)
	                    : ov_xstrdup(name);
}

/* The group, label, hint and error message around a control. */
static const char *field_start(ov_page *p, const char *name, const char *label,
                               const char *hint)
{
	ov_html *h = &p->h;
	const char *err = p->id_prefix ? NULL : ov_page_field_error(p, name);
	char *id = control_id(p, name);
	char *hint_id = ov_xasprintf("%s-hint", id);

	ov_html_open(h, "div", "class",
	             err ? "govuk-form-group govuk-form-group--error"
	                 : "govuk-form-group",
	             NULL);
	ov_html_open(h, "label", "class", "govuk-label", "for", id, NULL);
	ov_html_text(h, label);
	ov_html_close(h, "label");
	if (hint) {
		ov_html_open(h, "div", "class", "govuk-hint", "id", hint_id,
		             NULL);
		ov_html_text(h, hint);
		ov_html_close(h, "div");
	}
	if (err) {
		ov_html_open(h, "p", "class", "govuk-error-message", NULL);
		ov_html_open(h, "span", "class", "govuk-visually-hidden", NULL);
		ov_html_text(h, "Error: ");
		ov_html_close(h, "span");
		ov_html_text(h, err);
		ov_html_close(h, "p");
	}
	free(hint_id);
	free(id);
	return err;
}

void ov_page_input(ov_page *p, const char *name, const char *label,
                   const char *type, const char *value, const char *hint)
{
	const char *err = field_start(p, name, label, hint);
	char *id = control_id(p, name);
	char *hint_id = ov_xasprintf("%s-hint", id);

	ov_html_void(&p->h, "input", "class",
	             err ? "govuk-input govuk-input--error" : "govuk-input",
	             "id", id, "name", name, "type", type ? type : "text",
	             "value", value ? value : "",
	             hint ? "aria-describedby" : NULL, hint_id, NULL);
	free(hint_id);
	free(id);
	ov_html_close(&p->h, "div");
}

void ov_page_textarea(ov_page *p, const char *name, const char *label,
                      const char *value, const char *hint)
{
	const char *err = field_start(p, name, label, hint);
	char *id = control_id(p, name);
	char *hint_id = ov_xasprintf("%s-hint", id);

	ov_html_open(&p->h, "textarea", "class",
	             err ? "govuk-textarea govuk-textarea--error"
	                 : "govuk-textarea",
	             "id", id, "name", name, "rows", "5",
	             hint ? "aria-describedby" : NULL, hint_id, NULL);
	ov_html_text(&p->h, value);
	ov_html_close(&p->h, "textarea");
	free(hint_id);
	free(id);
	ov_html_close(&p->h, "div");
}

void ov_page_select(ov_page *p, const char *name, const char *label,
                    const char *const *opts, const char *selected)
{
	const char *err = field_start(p, name, label, NULL);
	char *id = control_id(p, name);

	ov_html_open(&p->h, "select", "class",
	             err ? "govuk-select govuk-select--error" : "govuk-select",
	             "id", id, "name", name, NULL);
	free(id);
	for (size_t i = 0; opts[i]; i += 2) {
		bool on = selected && strcmp(selected, opts[i]) == 0;

		ov_html_open(&p->h, "option", "value", opts[i],
		             on ? "selected" : NULL, "", NULL);
		ov_html_text(&p->h, opts[i + 1]);
		ov_html_close(&p->h, "option");
	}
	ov_html_close(&p->h, "select");
	ov_html_close(&p->h, "div");
}

void ov_page_hidden(ov_page *p, const char *name, const char *value)
{
	ov_html_void(&p->h, "input", "type", "hidden", "name", name, "value",
	             value, NULL);
}

static void column_open(ov_page *p, const char *width)
{
	char *cls = ov_xasprintf("govuk-grid-column-%s", width);

	ov_html_open(&p->h, "div", "class", cls, NULL);
	free(cls);
}

void ov_page_column_input(ov_page *p, const char *width, const char *name,
                          const char *label, const char *value)
{
	column_open(p, width);
	ov_page_input(p, name, label, "text", value, NULL);
	ov_html_close(&p->h, "div");
}

void ov_page_column_select(ov_page *p, const char *width, const char *name,
                           const char *label, const char *const *opts,
                           const char *selected)
{
	column_open(p, width);
	ov_page_select(p, name, label, opts, selected);
	ov_html_close(&p->h, "div");
}

void ov_page_tag(ov_page *p, const char *text, const char *colour)
{
	char *cls = colour ? ov_xasprintf("govuk-tag govuk-tag--%s", colour)
	                   : ov_xstrdup("govuk-tag");

	ov_html_open(&p->h, "strong", "class", cls, NULL);
	ov_html_text(&p->h, text);
	ov_html_close(&p->h, "strong");
	free(cls);
}

void ov_page_status_tag(ov_page *p, enum ov_status s)
{
	static const char *const colour[] = {[OV_STATUS_OPEN] = "blue",
	                                     [OV_STATUS_PROPOSED] = "yellow",
	                                     [OV_STATUS_CLOSED] = "green",
	                                     [OV_STATUS_SUPERSEDED] = "grey",
	                                     [OV_STATUS_NA] = "grey"};

	if (s < 0 || s > OV_STATUS_NA) {
		ov_page_tag(p, "Not yet made", "grey");
		return;
	}
	ov_page_tag(p, ov_status_label(s), colour[s]);
}

void ov_page_rag_tag(ov_page *p, enum ov_rag rag)
{
	static const char *const colour[] = {[OV_RAG_RED] = "red",
	                                     [OV_RAG_AMBER] = "orange",
	                                     [OV_RAG_GREEN] = "green"};

	if (rag < 0 || rag > OV_RAG_GREEN) {
		ov_page_tag(p, "Not rated", "grey");
		return;
	}
	ov_page_tag(p, ov_rag_label(rag), colour[rag]);
}

void ov_page_summary_open(ov_page *p)
{
	ov_html_open(&p->h, "dl", "class", "govuk-summary-list", NULL);
}

void ov_page_summary_start(ov_page *p, const char *key)
{
	ov_html_open(&p->h, "div", "class", "govuk-summary-list__row", NULL);
	ov_html_open(&p->h, "dt", "class", "govuk-summary-list__key", NULL);
	ov_html_text(&p->h, key);
	ov_html_close(&p->h, "dt");
	ov_html_open(&p->h, "dd", "class", "govuk-summary-list__value", NULL);
}

void ov_page_summary_end(ov_page *p)
{
	ov_html_close(&p->h, "dd");
	ov_html_close(&p->h, "div");
}

void ov_page_summary_row(ov_page *p, const char *key, const char *value)
{
	ov_page_summary_start(p, key);
	ov_html_text(&p->h, value && *value ? value : "—");
	ov_page_summary_end(p);
}

void ov_page_summary_close(ov_page *p)
{
	ov_html_close(&p->h, "dl");
}

void ov_page_table_open(ov_page *p, const char *caption,
                        const char *const *heads, size_t n)
{
	ov_page_table_open_num(p, caption, heads, n, n);
}

void ov_page_table_open_num(ov_page *p, const char *caption,
                            const char *const *heads, size_t n,
                            size_t first_num)
{
	ov_html *h = &p->h;

	ov_html_open(h, "table", "class", "govuk-table", NULL);
	if (caption) {
		ov_html_open(h, "caption", "class",
		             "govuk-table__caption govuk-table__caption--m",
		             NULL);
		ov_html_text(h, caption);
		ov_html_close(h, "caption");
	}
	ov_html_open(h, "thead", "class", "govuk-table__head", NULL);
	ov_html_open(h, "tr", "class", "govuk-table__row", NULL);
	for (size_t i = 0; i < n; i++) {
		ov_html_open(h, "th", "scope", "col", "class",
		             i >= first_num ? "govuk-table__header "
		                              "govuk-table__header--numeric"
		                            : "govuk-table__header",
		             NULL);
		ov_html_text(h, heads[i]);
		ov_html_close(h, "th");
	}
	ov_html_close(h, "tr");
	ov_html_close(h, "thead");
	ov_html_open(h, "tbody", "class", "govuk-table__body", NULL);
}

void ov_page_row_open(ov_page *p)
{
	ov_html_open(&p->h, "tr", "class", "govuk-table__row", NULL);
}

void ov_page_cell_open(ov_page *p)
{
	ov_html_open(&p->h, "td", "class", "govuk-table__cell", NULL);
}

void ov_page_cell_close(ov_page *p)
{
	ov_html_close(&p->h, "td");
}

void ov_page_cell(ov_page *p, const char *text)
{
	ov_page_cell_open(p);
	ov_html_text(&p->h, text);
	ov_page_cell_close(p);
}

void ov_page_cell_num(ov_page *p, size_t n)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%zu", n);
	ov_html_open(&p->h, "td", "class",
	             "govuk-table__cell govuk-table__cell--numeric", NULL);
	ov_html_text(&p->h, buf);
	ov_html_close(&p->h, "td");
}

void ov_page_row_close(ov_page *p)
{
	ov_html_close(&p->h, "tr");
}

void ov_page_table_close(ov_page *p)
{
	ov_html_close(&p->h, "tbody");
	ov_html_close(&p->h, "table");
}

void ov_page_register_table(ov_page *p, const ov_register *reg,
                            bool with_report)
{
	static const char *const heads[2][7] = {
	    {"Reference", "Area", "Due", "Status", "RAG", "Owner"},
	    {"Reference", "Report", "Area", "Due", "Status", "RAG", "Owner"},
	};
	char buf[11];

	ov_html_open(&p->h, "div", "class", "app-table-wrap", NULL);
	ov_page_table_open(p, NULL, heads[with_report], 6 + with_report);
	for (size_t i = 0; i < reg->n; i++) {
		const ov_rec_row *w = &reg->rows[i];
		char *href = ov_page_href("/recommendations", w->ref, NULL);

		ov_date_format(w->due, buf);
		ov_page_row_open(p);
		ov_page_cell_open(p);
		ov_page_link(p, href, w->ref);
		ov_page_cell_close(p);
		if (with_report)
			ov_page_cell(p, w->report_title ? w->report_title
			                                : w->report);
		ov_page_cell(p, w->area);
		ov_page_cell(p, *buf ? buf : "—");
		ov_page_cell_open(p);
		ov_page_status_tag(p, w->status);
		ov_page_cell_close(p);
		ov_page_cell_open(p);
		ov_page_rag_tag(p, w->rag);
		ov_page_cell_close(p);
		ov_page_cell(p, w->owner_name ? w->owner_name : "—");
		ov_page_row_close(p);
		free(href);
	}
	ov_page_table_close(p);
	ov_html_close(&p->h, "div");
}

void ov_page_problem(ov_web_req *q, ov_web_resp *r, const char *title,
                     const ov_diag *d)
{
	ov_page p;

	ov_buf_reset(&r->body);
	r->status = ov_web_status(d);
	ov_page_begin(&p, q, r, title, NULL, NULL);
	ov_page_h1(&p, NULL, title);
	for (size_t i = 0; i < d->n; i++)
		ov_page_para(&p, d->msg[i]);
	ov_page_end(&p);
}

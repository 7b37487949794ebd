/* /meetings: the list; /meetings/ID: one meeting, its narrative blocks
 * to edit (Markdown, previewed), the reports chosen for review, and the
 * paper to preview and download. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/meeting.h"
#include "util/date.h"
#include "util/mem.h"
#include "web/layout.h"

/* The narrative blocks a meeting's form edits, as the app names them. */
static const struct block {
	const char *name, *label;
	size_t off; /* in ov_meeting and in ov_meeting_edit alike, by name */
} blocks[] = {
    {"purpose", "Purpose of report", 0},
    {"background", "Background (before the PEEL table)", 0},
    {"peel_note", "After the PEEL table", 0},
    {"closures_note", "Before the closures this quarter", 0},
    {"activities_note", "Before the inspections completed", 0},
    {"activities_after", "After the inspections completed", 0},
    {"recommendations", "Recommendations to the committee", 0},
};
#define N_BLOCKS (sizeof blocks / sizeof blocks[0])

static const char *block_of(const ov_meeting *m, size_t i)
{
	const char *const v[N_BLOCKS] = {
	    m->purpose,        m->background,      m->peel_note,
	    m->closures_note,  m->activities_note, m->activities_after,
	    m->recommendations};
	return v[i];
}

static void set_block(ov_meeting_edit *e, size_t i, const char *text)
{
	const char **v[N_BLOCKS] = {&e->purpose,         &e->background,
	                            &e->peel_note,       &e->closures_note,
	                            &e->activities_note, &e->activities_after,
	                            &e->recommendations};
	*v[i] = text;
}

int ov_page_meetings(ov_web_req *q, ov_web_resp *r)
{
	static const char *const heads[] = {"Date", "Committee", "Item",
	                                    "Title", "Force"};
	ov_diag d = OV_DIAG_INIT;
	ov_list l = {0};
	ov_page p;
	char b[11];

	if (ov_app_meetings(q->app, &l, &d) < 0) {
		ov_page_problem(q, r, "The meetings cannot be read", &d);
		goto out;
	}
	ov_page_begin(&p, q, r, "Meetings", "meetings", NULL);
	ov_page_h1(&p, NULL, "Meetings");
	ov_page_table_open(&p, NULL, heads, 5);
	for (size_t i = 0; i < l.n; i++) {
		const ov_meeting *m = l.items[i];
		char *href = ov_page_href("/meetings", m->id, NULL);

		ov_page_row_open(&p);
		ov_page_cell_open(&p);
		ov_date_format(m->date, b);
		ov_page_link(&p, href, b);
		ov_page_cell_close(&p);
		ov_page_cell(&p, m->committee);
		ov_page_cell(&p, m->agenda_item);
		ov_page_cell(&p, m->title);
		ov_page_cell(&p, m->force);
		ov_page_row_close(&p);
		free(href);
	}
	ov_page_table_close(&p);
	ov_page_end(&p);
out:
	ov_list_release(&l);
	ov_diag_release(&d);
	return 0;
}

static void downloads(ov_page *p, const char *id)
{
	static const char *const fmts[][2] = {
	    {"html", "Preview the paper (HTML)"},
	    {"pdf", "Download the paper (PDF)"},
	    {"md", "Download the paper (Markdown)"},
	};

	ov_html_open(&p->h, "ul", "class", "govuk-list", NULL);
	for (size_t i = 0; i < 3; i++) {
		char *suffix = ov_xasprintf("/paper?format=%s", fmts[i][0]);
		char *href = ov_page_href("/meetings", id, suffix);

		ov_html_open(&p->h, "li", NULL);
		ov_page_link(p, href, fmts[i][1]);
		ov_html_close(&p->h, "li");
		free(href);
		free(suffix);
	}
	ov_html_close(&p->h, "ul");
}

/* A block's text: the user's input after a failed save or a preview,
 * else the meeting's. */
static const char *shown(const ov_kvs *kept, const char *name,
                         const char *stored)
{
	const char *v = kept ? ov_kvs_get(kept, name) : NULL;

	return v ? v : stored ? stored : "";
}

static bool chosen(const ov_meeting_view *v, const ov_kvs *kept, size_t i)
{
	if (!kept)
		return v->review_of[i] >= 0;
	for (size_t k = 0; k < kept->n; k++)
		if (strcmp(kept->v[k].name, "review") == 0 &&
		    strcmp(kept->v[k].value, v->ds->reports[i].id) == 0)
			return true;
	return false;
}

static void review_choice(ov_page *p, const ov_meeting_view *v,
                          const ov_kvs *kept)
{
	ov_html *h = &p->h;
	const char *err = ov_page_field_error(p, "reviews");

	ov_html_open(h, "div", "class",
	             err ? "govuk-form-group govuk-form-group--error"
	                 : "govuk-form-group",
	             "id", "reviews", NULL);
	ov_html_open(h, "fieldset", "class", "govuk-fieldset", NULL);
	ov_html_open(h, "legend", "class",
	             "govuk-fieldset__legend "
	             "govuk-fieldset__legend--s",
	             NULL);
	ov_html_text(h, "Reports for review");
	ov_html_close(h, "legend");
	if (err) {
		ov_html_open(h, "p", "class", "govuk-error-message", NULL);
		ov_html_text(h, err);
		ov_html_close(h, "p");
	}
	ov_page_hidden(p, "reviews-set", "1");
	ov_html_open(h, "div", "class",
	             "govuk-checkboxes govuk-checkboxes--small", "data-module",
	             "govuk-checkboxes", NULL);
	for (size_t i = 0; i < v->ds->n_reports; i++) {
		const ov_report *rep = &v->ds->reports[i];
		char *id = ov_xasprintf("review-%zu", i);

		ov_html_open(h, "div", "class", "govuk-checkboxes__item", NULL);
		ov_html_void(h, "input", "class", "govuk-checkboxes__input",
		             "id", id, "name", "review", "type", "checkbox",
		             "value", rep->id,
		             chosen(v, kept, i) ? "checked" : NULL, "", NULL);
		ov_html_open(h, "label", "class",
		             "govuk-label govuk-checkboxes__label", "for", id,
		             NULL);
		ov_html_text(h, rep->title);
		ov_html_close(h, "label");
		ov_html_close(h, "div");
		free(id);
	}
	ov_html_close(h, "div");
	ov_html_close(h, "fieldset");
	ov_html_close(h, "div");
}

static void review_narratives(ov_page *p, const ov_meeting_view *v,
                              const ov_kvs *kept)
{
	for (size_t i = 0; i < v->m.n_reviews; i++) {
		const ov_review *rv = &v->m.reviews[i];
		char *name = ov_xasprintf("narrative:%s", rv->report);
		char *label = ov_xasprintf("Progress narrative: %s",
		                           v->review_report[i]
		                               ? v->review_report[i]->title
		                               : rv->report);

		ov_page_textarea(p, name, label,
		                 shown(kept, name, rv->narrative), NULL);
		free(label);
		free(name);
	}
}

static void edit_form(ov_page *p, const ov_meeting_view *v, const ov_kvs *kept)
{
	char *action = ov_page_href("/meetings", v->m.id, NULL);
	char *preview = ov_page_href("/meetings", v->m.id, "/preview");

	ov_page_h2(p, "Edit the paper's words");
	ov_page_form_open(p, action);
	for (size_t i = 0; i < N_BLOCKS; i++)
		ov_page_textarea(
		    p, blocks[i].name, blocks[i].label,
		    shown(kept, blocks[i].name, block_of(&v->m, i)),
		    i == 0 ? "Markdown: *emphasis*, lists with -, "
		             "blank lines between paragraphs"
		           : NULL);
	review_choice(p, v, kept);
	review_narratives(p, v, kept);
	ov_html_open(&p->h, "div", "class", "govuk-button-group", NULL);
	ov_html_open(&p->h, "button", "type", "submit", "class", "govuk-button",
	             "data-module", "govuk-button", NULL);
	ov_html_text(&p->h, "Save");
	ov_html_close(&p->h, "button");
	ov_html_open(&p->h, "button", "type", "submit", "formaction", preview,
	             "class", "govuk-button govuk-button--secondary",
	             "data-module", "govuk-button", NULL);
	ov_html_text(&p->h, "Preview");
	ov_html_close(&p->h, "button");
	ov_html_close(&p->h, "div");
	ov_html_close(&p->h, "form");
	free(action);
	free(preview);
}

/* The preview of each block given: Markdown as the paper shows it. */
static void previews(ov_page *p, const ov_kvs *form, ov_diag *d)
{
	ov_page_h2(p, "Preview");
	for (size_t i = 0; i < N_BLOCKS; i++) {
		const char *md = ov_kvs_get(form, blocks[i].name);
		ov_buf out = OV_BUF_INIT;

		if (!md || !*md)
			continue;
		ov_html_open(&p->h, "h3", "class", "govuk-heading-s", NULL);
		ov_html_text(&p->h, blocks[i].label);
		ov_html_close(&p->h, "h3");
		if (ov_app_markdown_html(md, &out, d) == 0) {
			/* HTML made by the paper's renderer through the one
			 * HTML writer: already escaped. */
			ov_html_open(&p->h, "div", "class", "govuk-inset-text",
			             NULL);
			ov_buf_add(p->h.out, out.data ? out.data : "", out.len);
			ov_html_close(&p->h, "div");
		}
		ov_buf_release(&out);
	}
}

static void render(ov_web_req *q, ov_web_resp *r, const ov_meeting_view *v,
                   const ov_diag *errors, const ov_kvs *kept, bool preview)
{
	ov_diag d = OV_DIAG_INIT;
	ov_page p;
	char b[11];
	char *title;
	bool may_edit = ov_app_authorize(q->app, &q->sess->who, OV_RIGHT_EDIT,
	                                 NULL, &d) == 0;

	ov_date_format(v->m.date, b);
	title = ov_xasprintf("%s, %s",
	                     v->m.committee ? v->m.committee : "Meeting", b);
	ov_page_begin(&p, q, r, title, "meetings", errors);
	ov_page_h1(&p, v->m.title, title);
	ov_page_summary_open(&p);
	ov_page_summary_row(&p, "Committee", v->m.committee);
	ov_page_summary_row(&p, "Date", b);
	ov_page_summary_row(&p, "Agenda item", v->m.agenda_item);
	ov_page_summary_row(&p, "Title", v->m.title);
	ov_page_summary_row(&p, "Contact officer", v->contact_name);
	ov_page_summary_close(&p);
	downloads(&p, v->m.id);
	if (preview)
		previews(&p, kept, &d);
	if (may_edit)
		edit_form(&p, v, kept);
	ov_page_end(&p);
	free(title);
	ov_diag_release(&d);
}

static int show(ov_web_req *q, ov_web_resp *r, const ov_diag *errors,
                const ov_kvs *kept, bool preview)
{
	ov_diag d = OV_DIAG_INIT;
	ov_meeting_view v;

	memset(&v, 0, sizeof v);
	if (ov_app_meeting_show(q->app, q->param, &v, &d) < 0)
		ov_page_problem(q, r, "Meeting not found", &d);
	else
		render(q, r, &v, errors, kept, preview);
	ov_meeting_view_release(&v);
	ov_diag_release(&d);
	return 0;
}

int ov_page_meeting(ov_web_req *q, ov_web_resp *r)
{
	return show(q, r, NULL, NULL, false);
}

/* The edit the form asks for: each block present in the form (even
 * empty: that clears it); with reviews-set, the ticked reports, each
 * keeping or replacing its narrative. */
static ov_review_edit *read_edit(const ov_kvs *f, ov_meeting_edit *e)
{
	ov_review_edit *rv = ov_xcalloc(f->n ? f->n : 1, sizeof *rv);

	memset(e, 0, sizeof *e);
	for (size_t i = 0; i < N_BLOCKS; i++)
		set_block(e, i, ov_kvs_get(f, blocks[i].name));
	e->set_reviews = ov_kvs_get(f, "reviews-set") != NULL;
	for (size_t k = 0; k < f->n; k++) {
		char *name;

		if (strcmp(f->v[k].name, "review") != 0)
			continue;
		name = ov_xasprintf("narrative:%s", f->v[k].value);
		rv[e->n_reviews].report = f->v[k].value;
		rv[e->n_reviews].narrative = ov_kvs_get(f, name);
		e->n_reviews++;
		free(name);
	}
	e->reviews = rv;
	return rv;
}

int ov_page_meeting_post(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	ov_meeting_edit e;
	ov_review_edit *rv = read_edit(&q->form, &e);

	if (ov_app_meeting_edit(q->app, q->param, &e, &d) == 0) {
		char *to = ov_page_href("/meetings", q->param, NULL);

		ov_web_redirect(r, to);
		free(to);
	} else if (ov_diag_kind(&d) == OV_PROB_NOTFOUND) {
		ov_page_problem(q, r, "Meeting not found", &d);
	} else {
		r->status = ov_web_status(&d);
		show(q, r, &d, &q->form, false);
		r->status = ov_web_status(&d);
	}
	free(rv);
	ov_diag_release(&d);
	return 0;
}

int ov_page_meeting_preview(ov_web_req *q, ov_web_resp *r)
{
	return show(q, r, NULL, &q->form, true);
}

/* The paper's own <style>, allowed by its hash for the inline preview. */
static char *style_hash(const char *html)
{
	const char *s = strstr(html, "<style>"), *e;
	unsigned char h[crypto_hash_sha256_BYTES];
	char b64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES,
	                                   sodium_base64_VARIANT_ORIGINAL)];

	if (!s || !(e = strstr(s, "</style>")))
		return NULL;
	s += strlen("<style>");
	crypto_hash_sha256(h, (const unsigned char *)s, (size_t)(e - s));
	sodium_bin2base64(b64, sizeof b64, h, sizeof h,
	                  sodium_base64_VARIANT_ORIGINAL);
	return ov_xasprintf(" 'sha256-%s'", b64);
}

int ov_page_meeting_paper(ov_web_req *q, ov_web_resp *r)
{
	static const struct {
		const char *code, *type, *ext;
		enum ov_paper_fmt fmt;
	} fmts[] = {
	    {"md", "text/markdown; charset=utf-8", "md", OV_PAPER_MD},
	    {"html", "text/html; charset=utf-8", "html", OV_PAPER_HTML},
	    {"pdf", "application/pdf", "pdf", OV_PAPER_PDF},
	};
	ov_diag d = OV_DIAG_INIT;
	const char *want = ov_kvs_get(&q->query, "format");
	size_t i;

	for (i = 0; i < 3; i++)
		if (want && strcmp(want, fmts[i].code) == 0)
			break;
	if (i == 3) {
		ov_diag_at(&d, OV_PROB_INPUT, "format",
		           "Choose the paper's format: md, html or pdf");
		ov_page_problem(q, r, "No such format", &d);
	} else if (ov_app_paper_meeting(q->app, q->param, fmts[i].fmt, &r->body,
	                                &d) < 0) {
		ov_page_problem(q, r, "The paper cannot be made", &d);
	} else {
		r->type = fmts[i].type;
		if (fmts[i].fmt == OV_PAPER_HTML) {
			r->csp_extra = style_hash(ov_buf_str(&r->body));
		} else {
			char *id = ov_xstrdup(q->param), *cd;

			/* The id is the register's; keep the header plain. */
			for (char *c = id; *c; c++)
				if (*c == '"' || *c == '\\' ||
				    (unsigned char)*c < 0x20 ||
				    (unsigned char)*c >= 0x7f)
					*c = '_';
			cd =
			    ov_xasprintf("attachment; filename=\"paper-%s.%s\"",
			                 id, fmts[i].ext);
			ov_web_header(r, "Content-Disposition", cd);
			free(cd);
			free(id);
		}
	}
	ov_diag_release(&d);
	return 0;
}

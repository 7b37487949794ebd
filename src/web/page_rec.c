/* /recommendations/REF: every field, the timeline, and the forms that
 * add to it (POST /recommendations/REF/events). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/enums.h"
#include "paper/words.h"
#include "util/date.h"
#include "util/mem.h"
#include "web/events.h"
#include "web/layout.h"

/* The forms, one per kind of event, in the order shown. */
static const struct form_def {
	const char *kind, *title, *button;
	bool note, rag, owner, basis, target;
} forms[] = {
    {"update", "Add a progress update", "Add update", true, 0, 0, 0, 0},
    {"rag", "Set the RAG rating", "Set RAG", 0, true, 0, 0, 0},
    {"owner", "Change the owner", "Change owner", 0, 0, true, 0, 0},
    {"target-revised", "Revise target date", "Revise target date", 0, 0, 0, 0,
     true},
    {"closure-proposed", "Propose closure", "Propose closure", true, 0, 0, 0,
     0},
    {"closed", "Record closure by HMICFRS", "Record closure", true, 0, 0, true,
     0},
    {"reopened", "Reopen", "Reopen", true, 0, 0, 0, 0},
    {"superseded", "Mark as superseded", "Mark superseded", true, 0, 0, true,
     0},
    {"not-applicable", "Mark as not applicable", "Mark not applicable", true, 0,
     0, true, 0},
};

static const char *fmt_day(ov_day day, char buf[11])
{
	ov_date_format(day, buf);
	return buf;
}

/* The target in force where the force has moved it (core/fold.h: the
 * last target-revised event as at the view's date): the new date, why,
 * and when it moved; nothing when the original due date stands. */
static void target_rows(ov_page *p, const ov_rec_view *v)
{
	char b[11];

	if (v->state.target == OV_DAY_NONE)
		return;
	ov_page_summary_row(
	    p, "Revised target",
	    fmt_day(ov_rec_effective_due(&v->state, v->due), b));
	ov_page_summary_row(p, "Why the target moved", v->state.target_reason);
	ov_page_summary_row(p, "Target moved on",
	                    fmt_day(v->state.target_date, b));
}

/* An event's date at the precision it is known: YYYY-MM-DD for a day,
 * else the paper's words ("July 2018", "2018"; paper/words.h). */
static void date_cell(ov_page *p, const ov_event *e)
{
	char b[11];
	char *w;

	if (e->precision == OV_PRECISION_NONE) {
		ov_page_cell(p, fmt_day(e->date, b));
		return;
	}
	w = ov_day_words(e->date, e->precision);
	ov_page_cell(p, w);
	free(w);
}

static void fields(ov_page *p, const ov_rec_view *v)
{
	const ov_rec *rec = &v->rec;
	char b[11];
	char *rep = ov_page_href("/reports", rec->report, NULL);

	ov_page_summary_open(p);
	ov_page_summary_row(p, "Reference", rec->ref);
	ov_page_summary_start(p, "Report");
	ov_page_link(p, rep, v->report.title ? v->report.title : rec->report);
	ov_page_summary_end(p);
	ov_page_summary_row(p, "Force", rec->force);
	ov_page_summary_row(p, "Area", rec->area);
	ov_page_summary_row(p, "Subject", rec->subject);
	ov_page_summary_row(p, "Kind", ov_rec_kind_label(rec->kind));
	ov_page_summary_row(p, "Addressee", ov_addressee_label(rec->addressee));
	ov_page_summary_row(p, "Timescale", rec->timescale);
	ov_page_summary_row(p, "Due",
	                    v->due == OV_DAY_NONE ? NULL : fmt_day(v->due, b));
	target_rows(p, v);
	ov_page_summary_start(p, "Status");
	ov_page_status_tag(p, v->state.status);
	ov_page_summary_end(p);
	ov_page_summary_start(p, "RAG");
	ov_page_rag_tag(p, v->state.rag);
	ov_page_summary_end(p);
	ov_page_summary_row(p, "Owner", ov_rec_view_name(v, v->state.owner));
	ov_page_summary_row(p, "Subject-matter expert",
	                    ov_rec_view_name(v, rec->sme));
	ov_page_summary_row(p, "Plan", v->plan.id ? v->plan.name : NULL);
	ov_page_summary_row(p, "Recommendation", rec->text);
	if (rec->n_bullets) {
		ov_page_summary_start(p, "Points");
		ov_html_open(&p->h, "ul", "class",
		             "govuk-list govuk-list--bullet", NULL);
		for (size_t i = 0; i < rec->n_bullets; i++)
			ov_html_elem(&p->h, "li", rec->bullets[i]);
		ov_html_close(&p->h, "ul");
		ov_page_summary_end(p);
	}
	if (rec->finding)
		ov_page_summary_row(p, "HMICFRS finding", rec->finding);
	if (rec->response)
		ov_page_summary_row(p, "Force response", rec->response);
	ov_page_summary_close(p);
	free(rep);
}

/* "New target 2027-03-31. Reason: ..." */
static void target_detail(ov_page *p, const ov_event *e)
{
	char b[11];

	ov_html_text(&p->h, "New target ");
	ov_html_text(&p->h, fmt_day(e->target, b));
	ov_html_text(&p->h, ". ");
	if (e->reason) {
		ov_html_text(&p->h, "Reason: ");
		ov_html_text(&p->h, e->reason);
		ov_html_text(&p->h, " ");
	}
}

static void timeline(ov_page *p, const ov_rec_view *v)
{
	static const char *const heads[] = {"Date", "Event", "By", "Detail"};

	ov_html_open(&p->h, "div", "class", "app-table-wrap", NULL);
	ov_page_table_open(p, "Timeline", heads, 4);
	for (size_t i = 0; i < v->rec.n_events; i++) {
		const ov_event *e = &v->rec.events[i];

		ov_page_row_open(p);
		date_cell(p, e);
		ov_page_cell(p, ov_event_kind_label(e->kind));
		ov_page_cell(p, e->author);
		ov_page_cell_open(p);
		if (e->kind == OV_EV_RAG) {
			ov_page_rag_tag(p, e->rag);
			ov_html_text(&p->h, " ");
		}
		if (e->kind == OV_EV_OWNER) {
			ov_html_text(&p->h, ov_rec_view_name(v, e->owner));
			ov_html_text(&p->h, " ");
		}
		if (e->kind == OV_EV_TARGET)
			target_detail(p, e);
		if (e->basis) {
			ov_html_text(&p->h, "Basis: ");
			ov_html_text(&p->h, e->basis);
			ov_html_text(&p->h, " ");
		}
		ov_html_text(&p->h, e->text);
		ov_page_cell_close(p);
		ov_page_row_close(p);
	}
	ov_page_table_close(p);
	ov_html_close(&p->h, "div");
}

/* One form; with kept, the input of the form that failed (its own). */
static void event_form(ov_page *p, const ov_rec_view *v,
                       const struct form_def *f, const ov_kvs *kept,
                       const char *today)
{
	static const char *const rags[] = {"red",   "Red",   "amber", "Amber",
	                                   "green", "Green", NULL};
	const ov_kvs *mine =
	    kept && ov_kvs_get(kept, "kind") &&
	            strcmp(ov_kvs_get(kept, "kind"), f->kind) == 0
	        ? kept
	        : NULL;
	char *action = ov_page_href("/recommendations", v->rec.ref, "/events");
	const char *date = mine ? ov_kvs_get(mine, "date") : NULL;

	/* Only the failed form shows the problems beside its fields. */
	p->id_prefix = mine ? NULL : f->kind;
	ov_html_open(&p->h, "details", "class", "govuk-details",
	             mine ? "open" : NULL, "", NULL);
	ov_html_open(&p->h, "summary", "class", "govuk-details__summary", NULL);
	ov_html_open(&p->h, "span", "class", "govuk-details__summary-text",
	             NULL);
	ov_html_text(&p->h, f->title);
	ov_html_close(&p->h, "span");
	ov_html_close(&p->h, "summary");
	ov_html_open(&p->h, "div", "class", "govuk-details__text", NULL);
	ov_page_form_open(p, action);
	ov_page_hidden(p, "kind", f->kind);
	ov_page_input(p, "date", "Date (YYYY-MM-DD)", "text",
	              date ? date : today, NULL);
	if (f->rag)
		ov_page_select(p, "rag", "RAG rating", rags,
		               mine ? ov_kvs_get(mine, "rag") : NULL);
	if (f->owner)
		ov_page_input(p, "owner", "New owner (person id)", "text",
		              mine ? ov_kvs_get(mine, "owner") : "", NULL);
	if (f->target) {
		ov_page_input(p, "target", "New target date (YYYY-MM-DD)",
		              "text", mine ? ov_kvs_get(mine, "target") : "",
		              NULL);
		ov_page_textarea(p, "reason", "Why the target moved",
		                 mine ? ov_kvs_get(mine, "reason") : "", NULL);
	}
	if (f->basis)
		ov_page_textarea(p, "basis", "Basis",
		                 mine ? ov_kvs_get(mine, "basis") : "", NULL);
	if (f->note)
		ov_page_textarea(p, "note",
		                 f->basis ? "Note (optional)" : "Note",
		                 mine ? ov_kvs_get(mine, "note") : "", NULL);
	ov_page_form_close(p, f->button, false);
	ov_html_close(&p->h, "div");
	ov_html_close(&p->h, "details");
	p->id_prefix = NULL;
	free(action);
}

static void render(ov_web_req *q, ov_web_resp *r, const ov_rec_view *v,
                   const ov_diag *errors, const ov_kvs *kept)
{
	ov_page p;
	ov_diag d = OV_DIAG_INIT;
	char today[11];
	char *title = ov_xasprintf("Recommendation %s", v->rec.ref);
	bool may_record = ov_app_authorize(q->app, &q->sess->who,
	                                   OV_RIGHT_EVENT, v->rec.ref, &d) == 0;

	ov_date_format(q->today, today);
	ov_page_begin(&p, q, r, title, "recommendations", errors);
	ov_page_h1(
	    &p, v->report.short_name ? v->report.short_name : v->report.title,
	    title);
	fields(&p, v);
	timeline(&p, v);
	if (may_record) {
		ov_page_h2(&p, "Record a change");
		for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
			enum ov_event_kind k;

			/* Only the changes the timeline allows now; a failed
			 * form is shown again whatever it was. */
			if (ov_event_kind_parse(forms[i].kind, &k) == 0 &&
			    !ov_rec_view_allows(v, k) &&
			    !(kept && ov_kvs_get(kept, "kind") &&
			      !strcmp(ov_kvs_get(kept, "kind"), forms[i].kind)))
				continue;
			event_form(&p, v, &forms[i], kept, today);
		}
	}
	ov_page_end(&p);
	free(title);
	ov_diag_release(&d);
}

int ov_page_rec(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	ov_rec_view v;

	memset(&v, 0, sizeof v);
	if (ov_app_rec_visible(q->app, &q->sess->who, q->param, &d) < 0 ||
	    ov_app_rec_show(q->app, q->param, q->today, &v, &d) < 0)
		ov_page_problem(q, r, "Recommendation not found", &d);
	else
		render(q, r, &v, NULL, NULL);
	ov_rec_view_release(&v);
	ov_diag_release(&d);
	return 0;
}

int ov_page_rec_event(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	ov_rec_view v;
	ov_recorded done;
	ov_web_event e = {
	    .kind = ov_kvs_get(&q->form, "kind"),
	    .date = ov_kvs_get(&q->form, "date"),
	    .author = q->sess->who.login,
	    .note = ov_kvs_get(&q->form, "note"),
	    .rag = ov_kvs_get(&q->form, "rag"),
	    .owner = ov_kvs_get(&q->form, "owner"),
	    .basis = ov_kvs_get(&q->form, "basis"),
	    .target = ov_kvs_get(&q->form, "target"),
	    .reason = ov_kvs_get(&q->form, "reason"),
	};

	memset(&v, 0, sizeof v);
	if (ov_web_record(q->app, q->param, &e, &done, &d) == 0) {
		char *to = ov_page_href("/recommendations", q->param, NULL);

		ov_web_redirect(r, to);
		free(to);
		goto out;
	}
	r->status = ov_web_status(&d);
	if (ov_diag_kind(&d) == OV_PROB_NOTFOUND) {
		ov_page_problem(q, r, "Recommendation not found", &d);
		goto out;
	}
	{
		ov_diag d2 = OV_DIAG_INIT;

		if (ov_app_rec_show(q->app, q->param, q->today, &v, &d2) < 0)
			ov_page_problem(q, r, "Recommendation not found", &d2);
		else
			render(q, r, &v, &d, &q->form);
		ov_diag_release(&d2);
	}
out:
	ov_rec_view_release(&v);
	ov_diag_release(&d);
	return 0;
}

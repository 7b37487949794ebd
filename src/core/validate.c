#include "core/validate.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/fields.h"
#include "core/fold.h"
#include "core/peel.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/mem.h"
#include "util/utf8.h"

/* Caps on list lengths, so a hostile file cannot make one entity huge. */
#define MAX_QUESTIONS 100
#define MAX_BULLETS 100
#define MAX_REVIEWS 100
#define MAX_DOCUMENTS 100

/* An id and where it sits in its array, sorted by (id, index). */
typedef struct id_ent {
	const char *id;
	size_t i;
} id_ent;

typedef struct id_index {
	id_ent *e;
	size_t n;
} id_index;

typedef struct vctx {
	const ov_dataset *ds;
	ov_diag *d;
	size_t n; /* problems found */
	ov_day today; /* for the latest date an event may have */
	id_index ix[OV_ENT_N]; /* the ids of each entity (core/fields.h) */
} vctx;

/* Where a value sits: the root ("$", or a caller's name for one event),
 * then ".NAME[I]" for each array element on the way.  It lives on the
 * stack and is spelt out only when a problem is reported, so a clean
 * dataset costs no string work. */
typedef struct vpath {
	const struct vpath *up; /* NULL at the root */
	const char *name;
	size_t i;
} vpath;

static const vpath root = {NULL, "$", 0};

static void path_put(ov_buf *b, const vpath *p)
{
	if (!p->up) {
		ov_buf_puts(b, p->name);
		return;
	}
	path_put(b, p->up);
	/* An empty root (one meeting checked on its own) names its fields
	 * bare: "reviews[2].narrative". */
	ov_buf_printf(b, "%s%s[%zu]", b->len ? "." : "", p->name, p->i);
}

/* Appends a bad-input problem at "PATH[.FIELD]" (joined in d->msg as
 * "PATH[.FIELD]: message"). */
static void problem(vctx *c, const vpath *path, const char *field,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void problem(vctx *c, const vpath *path, const char *field,
		    const char *fmt, ...)
{
	ov_buf where = OV_BUF_INIT;
	va_list ap;

	path_put(&where, path);
	if (field) {
		if (where.len)
			ov_buf_putc(&where, '.');
		ov_buf_puts(&where, field);
	}
	va_start(ap, fmt);
	ov_diag_vat(c->d, OV_PROB_INPUT, ov_buf_str(&where), fmt, ap);
	va_end(ap);
	ov_buf_release(&where);
	c->n++;
}

/* Given: not NULL and not blank (util/utf8.h).  A text of spaces alone
 * says nothing, so it does not stand for a required one (a closure's
 * basis, a progress note, a title). */
static bool given(const char *s)
{
	return !ov_text_blank(s);
}

bool ov_valid_id(const char *s)
{
	size_t n;

	if (!s)
		return false;
	n = strnlen(s, OV_MAX_ID + 1);
	if (n < 1 || n > OV_MAX_ID)
		return false;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		bool alnum = (ch >= 'A' && ch <= 'Z') ||
			     (ch >= 'a' && ch <= 'z') ||
			     (ch >= '0' && ch <= '9');

		if (!alnum && (i == 0 || (ch != '.' && ch != '_' && ch != '-')))
			return false;
	}
	return true;
}

/* ---- field checks ------------------------------------------------------ */

/* What a text may hold: UTF-8 (the importer's rule, util/utf8.h), so a
 * text that came in by any face can be exported and read back.  Control
 * characters are kept (JSON escapes them; showing them safely is the
 * faces' work).  NULL if s[0..n) is fine, else the problem. */
static const char *text_problem(const char *s, size_t n)
{
	return ov_utf8_valid(s, n) ? NULL : "is not valid UTF-8";
}

static void check_len(vctx *c, const vpath *path, const char *field,
		      const char *s, size_t max)
{
	size_t n;
	const char *why;

	if (!s)
		return;
	n = strnlen(s, max + 1);
	if (n > max)
		problem(c, path, field, "longer than %zu bytes", max);
	else if ((why = text_problem(s, n)))
		problem(c, path, field, "%s", why);
}

/* A string of at most max bytes, given unless optional. */
static void check_str(vctx *c, const vpath *path, const char *field,
		      const char *s, bool required, size_t max)
{
	if (required && !s)
		problem(c, path, field, "is required");
	else if (required && !given(s))
		problem(c, path, field, "is required%s",
			*s ? " (it is blank)" : "");
	else
		check_len(c, path, field, s, max);
}

static void check_line(vctx *c, const vpath *path, const char *field,
		       const char *s, bool required)
{
	check_str(c, path, field, s, required, OV_MAX_LINE);
}

static void check_text(vctx *c, const vpath *path, const char *field,
		       const char *s, bool required)
{
	check_str(c, path, field, s, required, OV_MAX_TEXT);
}

/* An id field: optional ids may be NULL, but never malformed. */
static bool check_id(vctx *c, const vpath *path, const char *field,
		     const char *s, bool required)
{
	if (!s) {
		if (required)
			problem(c, path, field, "is required");
		return false;
	}
	if (!ov_valid_id(s) && !ov_utf8_valid_str(s)) {
		/* Not echoed: its bytes would spoil the message. */
		problem(c, path, field,
			"is not a valid id (1 to %d of A-Z a-z 0-9 . _ -,"
			" starting with a letter or digit)",
			OV_MAX_ID);
		return false;
	}
	if (!ov_valid_id(s)) {
		problem(c, path, field,
			"'%.*s' is not a valid id (1 to %d of A-Z a-z 0-9 . _ -,"
			" starting with a letter or digit)",
			OV_MAX_ID, s, OV_MAX_ID);
		return false;
	}
	return true;
}

static void check_day(vctx *c, const vpath *path, const char *field,
		      ov_day day, bool required)
{
	int y, m, dd;

	if (day == OV_DAY_NONE) {
		if (required)
			problem(c, path, field, "is required");
		return;
	}
	ov_date_to_ymd(day, &y, &m, &dd);
	if (y < OV_YEAR_MIN || y > OV_YEAR_MAX)
		problem(c, path, field, "year %d is outside %d..%d", y,
			OV_YEAR_MIN, OV_YEAR_MAX);
}

static void check_pday(vctx *c, const vpath *path, const char *field,
		       ov_pdate pd, bool required)
{
	if (pd.prec == OV_PREC_NONE) {
		if (required)
			problem(c, path, field, "is required");
		return;
	}
	check_day(c, path, field, pd.day, true);
}

/* A grade code that exists and is on scale s. */
static void check_grade(vctx *c, const vpath *path, const char *field,
			enum ov_grade g, enum ov_scale s)
{
	if (g != OV_GRADE_NONE && !*ov_grade_code(g))
		problem(c, path, field, "not a grade (%s)", ov_grade_codes());
	else if (!ov_grade_on_scale(g, s))
		problem(c, path, field, "'%s' is not a grade on the %s scale",
			ov_grade_code(g), ov_scale_code(s));
}

static void check_count(vctx *c, const vpath *path, const char *field,
			size_t n, size_t max, const char *what)
{
	if (n > max)
		problem(c, path, field, "more than %zu %s (%zu)", max, what, n);
}

static void check_prov(vctx *c, const vpath *path, const ov_prov *p)
{
	check_text(c, path, "note", p->note, false);
}

/* ---- id indexes ---------------------------------------------------------- */

static int cmp_ent(const void *a, const void *b)
{
	const id_ent *x = a, *y = b;
	int r = strcmp(x->id, y->id);

	return r ? r : (x->i > y->i) - (x->i < y->i);
}

static int cmp_key(const void *key, const void *ent)
{
	return strcmp(key, ((const id_ent *)ent)->id);
}

/* Every entity struct starts with its id (core/model.c relies on it too),
 * so one builder serves all arrays. */
static void index_build(id_index *ix, const void *arr, size_t n, size_t sz)
{
	ix->e = n ? ov_xmalloc(n * sizeof *ix->e) : NULL;
	ix->n = 0;
	for (size_t i = 0; i < n; i++) {
		const char *id =
			*(const char *const *)(const void *)((const char *)arr +
							     i * sz);
		if (id)
			ix->e[ix->n++] = (id_ent){id, i};
	}
	if (ix->n)
		qsort(ix->e, ix->n, sizeof *ix->e, cmp_ent);
}

/* Reports every id after the first of each run of equal ids. */
static void index_dups(vctx *c, const id_index *ix, const char *array,
		       const char *field)
{
	size_t first = 0;

	for (size_t k = 1; k < ix->n; k++) {
		vpath at = {&root, array, ix->e[k].i};

		if (strcmp(ix->e[first].id, ix->e[k].id) != 0) {
			first = k;
			continue;
		}
		problem(c, &at, field, "duplicate %s '%s' (first at $.%s[%zu])",
			field, ix->e[k].id, array, ix->e[first].i);
	}
}

static const id_ent *index_find(const id_index *ix, const char *id)
{
	if (!id || !ix->n)
		return NULL;
	return bsearch(id, ix->e, ix->n, sizeof *ix->e, cmp_key);
}

/* A link: optional unless required; when given it must name an entity. */
static void check_link(vctx *c, const vpath *path, const char *field,
		       const char *id, const id_index *ix, const char *what,
		       bool required)
{
	if (!id) {
		if (required)
			problem(c, path, field, "is required");
		return;
	}
	if (index_find(ix, id))
		return;
	if (!ov_utf8_valid_str(id))
		problem(c, path, field, "no such %s (the id is not valid "
			"UTF-8)", what);
	else
		problem(c, path, field, "no %s '%.*s'", what, OV_MAX_ID, id);
}

/* ---- entities ------------------------------------------------------------
 *
 * One function per entity checks element i of its array at path p; the
 * ids of each array are checked for duplicates after its elements. */

static void check_force(vctx *c, const vpath *p, size_t i)
{
	const ov_force *f = &c->ds->forces[i];

	check_id(c, p, "code", f->code, true);
	check_line(c, p, "name", f->name, true);
	check_line(c, p, "short_name", f->short_name, false);
	if (f->short_name && !given(f->short_name))
		problem(c, p, "short_name", "is blank");
	check_prov(c, p, &f->prov);
}

static void check_person(vctx *c, const vpath *p, size_t i)
{
	const ov_person *pe = &c->ds->people[i];

	check_id(c, p, "id", pe->id, true);
	if (!given(pe->name) && !given(pe->title))
		problem(c, p, "name", "a person needs a name or a title");
	check_line(c, p, "name", pe->name, false);
	check_line(c, p, "title", pe->title, false);
	if (pe->unit && !given(pe->name))
		problem(c, p, "name", "a team or unit needs its name");
	check_prov(c, p, &pe->prov);
}

static void check_board(vctx *c, const vpath *p, size_t i)
{
	const ov_board *b = &c->ds->boards[i];

	check_id(c, p, "id", b->id, true);
	check_line(c, p, "name", b->name, true);
	check_link(c, p, "chair", b->chair, &c->ix[OV_ENT_PERSON], "person",
		   false);
	check_prov(c, p, &b->prov);
}

static void check_plan(vctx *c, const vpath *p, size_t i)
{
	const ov_plan *pl = &c->ds->plans[i];

	check_id(c, p, "id", pl->id, true);
	check_line(c, p, "name", pl->name, true);
	check_link(c, p, "board", pl->board, &c->ix[OV_ENT_BOARD], "board",
		   false);
	check_prov(c, p, &pl->prov);
}

static void check_question(vctx *c, const vpath *p, const ov_assessment *a,
			   size_t j)
{
	const ov_question *q = &a->questions[j];

	if (check_id(c, p, "key", q->key, true)) {
		for (size_t k = 0; k < j; k++)
			if (a->questions[k].key &&
			    strcmp(a->questions[k].key, q->key) == 0) {
				problem(c, p, "key",
					"duplicate key '%s' (first at "
					"questions[%zu])",
					q->key, k);
				break;
			}
	}
	if (q->number < 1) {
		problem(c, p, "number", "is required (1 or more)");
	} else {
		for (size_t k = 0; k < j; k++)
			if (a->questions[k].number == q->number) {
				problem(c, p, "number",
					"duplicate number %d (first at "
					"questions[%zu])",
					q->number, k);
				break;
			}
	}
	check_line(c, p, "pillar", q->pillar, false);
	check_line(c, p, "text", q->text, true);
	check_link(c, p, "lead", q->lead, &c->ix[OV_ENT_PERSON], "person",
		   false);
	check_grade(c, p, "grade", q->grade, a->scale);
	if (q->inspect.prec != OV_PREC_NONE && q->grade != OV_GRADE_TBI)
		problem(c, p, "inspect",
			"an inspect date goes only with grade '%s'",
			ov_grade_code(OV_GRADE_TBI));
}

#define MAX_PILLARS 20

static void check_pillars(vctx *c, const vpath *p, const ov_assessment *a)
{
	check_count(c, p, "pillars", a->n_pillars, MAX_PILLARS, "pillars");
	for (size_t j = 0; j < a->n_pillars && j < MAX_PILLARS; j++) {
		const ov_pillar *pl = &a->pillars[j];
		const vpath pp_at = {p, "pillars", j}, *pp = &pp_at;

		check_line(c, pp, "name", pl->name, true);
		for (size_t k = 0; pl->name && k < j; k++)
			if (a->pillars[k].name &&
			    strcmp(a->pillars[k].name, pl->name) == 0) {
				problem(c, pp, "name",
					"pillar '%.*s' is already graded "
					"(pillars[%zu])",
					OV_MAX_LINE, pl->name, k);
				break;
			}
		if (pl->grade == OV_GRADE_NONE)
			problem(c, pp, "grade", "is required (%s)",
				ov_grade_codes());
		check_grade(c, pp, "grade", pl->grade, a->scale);
		if (pl->inspect.prec != OV_PREC_NONE &&
		    pl->grade != OV_GRADE_TBI)
			problem(c, pp, "inspect",
				"an inspect date goes only with grade '%s'",
				ov_grade_code(OV_GRADE_TBI));
	}
}

static void check_assessment(vctx *c, const vpath *p, size_t i)
{
	const ov_assessment *a = &c->ds->assessments[i];

	check_id(c, p, "id", a->id, true);
	check_link(c, p, "force", a->force, &c->ix[OV_ENT_FORCE], "force",
		   true);
	if (a->year == 0)
		problem(c, p, "year", "is required");
	else if (a->year < OV_YEAR_MIN || a->year > OV_YEAR_MAX)
		problem(c, p, "year", "%d is outside %d..%d", a->year,
			OV_YEAR_MIN, OV_YEAR_MAX);
	check_pday(c, p, "date", a->date, true);
	check_line(c, p, "label", a->label, true);
	if (!*ov_scale_code(a->scale))
		problem(c, p, "scale", "not a scale (%s)", ov_scale_codes());
	else
		check_grade(c, p, "overall", a->overall, a->scale);
	if (a->overall == OV_GRADE_TBI)
		problem(c, p, "overall", "an overall grade cannot be '%s' (leave "
			"it out until the report grades the force)",
			ov_grade_code(OV_GRADE_TBI));
	check_pillars(c, p, a);
	check_text(c, p, "flag_note", a->flag_note, false);
	/* 2015-2019 papers often give only the pillars' grades. */
	if (a->n_questions == 0 && a->n_pillars == 0)
		problem(c, p, "questions",
			"at least one question (or pillar grade) is needed");
	check_count(c, p, "questions", a->n_questions, MAX_QUESTIONS,
		    "questions");
	for (size_t j = 0; j < a->n_questions && j < MAX_QUESTIONS; j++) {
		const vpath qp_at = {p, "questions", j}, *qp = &qp_at;

		check_question(c, qp, a, j);
	}
	check_prov(c, p, &a->prov);
}

static void check_report(vctx *c, const vpath *p, size_t i)
{
	const ov_report *r = &c->ds->reports[i];

	check_id(c, p, "id", r->id, true);
	check_line(c, p, "title", r->title, true);
	check_line(c, p, "short_name", r->short_name, false);
	if (!*ov_report_kind_code(r->kind))
		problem(c, p, "kind", "not a report kind (%s)",
			ov_report_kind_codes());
	if (!*ov_style_code(r->style))
		problem(c, p, "style", "not a style (%s)", ov_style_codes());
	if (r->published.prec == OV_PREC_NONE)
		problem(c, p, "published", "is required");
	if (r->fieldwork_from.prec != OV_PREC_NONE &&
	    r->fieldwork_to.prec != OV_PREC_NONE &&
	    ov_pdate_last_day(r->fieldwork_to) < r->fieldwork_from.day) {
		char from[11], to[11];

		ov_pdate_format(r->fieldwork_from, from);
		ov_pdate_format(r->fieldwork_to, to);
		problem(c, p, "fieldwork_to",
			"fieldwork ends (%s) before it starts (%s)", to, from);
	}
	if (r->forces_in_scope < -1)
		problem(c, p, "forces_in_scope", "must not be negative");
	if (r->forces_fieldwork < -1)
		problem(c, p, "forces_fieldwork", "must not be negative");
	if (r->forces_in_scope >= 0 && r->forces_fieldwork > r->forces_in_scope)
		problem(c, p, "forces_fieldwork",
			"%d forces visited but only %d in scope",
			r->forces_fieldwork, r->forces_in_scope);
	check_day(c, p, "received", r->received, false);
	check_text(c, p, "summary", r->summary, false);
	check_link(c, p, "plan", r->plan, &c->ix[OV_ENT_PLAN], "plan", false);
	check_prov(c, p, &r->prov);
}

/* ---- timelines ----------------------------------------------------------- */

static const char *basis_why(enum ov_event_kind k)
{
	switch (k) {
	case OV_EV_CLOSED:
		return "why HMICFRS closed it";
	case OV_EV_SUPERSEDED:
		return "what superseded it";
	default:
		return "why it does not apply to this force";
	}
}

static bool uses_basis(enum ov_event_kind k)
{
	return k == OV_EV_CLOSED || k == OV_EV_SUPERSEDED || k == OV_EV_NA;
}

/* A date known to the month or year is that period's first day. */
static void check_precision(vctx *c, const vpath *p, const ov_event *ev)
{
	int y, m, d;

	if (ev->precision == OV_PRECISION_NONE || ev->date == OV_DAY_NONE)
		return;
	if (!*ov_precision_code(ev->precision)) {
		problem(c, p, "precision", "not a precision (%s)",
			ov_precision_codes());
		return;
	}
	ov_date_to_ymd(ev->date, &y, &m, &d);
	if (d != 1 || (ev->precision == OV_PRECISION_YEAR && m != 1))
		problem(c, p, "date",
			"with precision '%s' the date is the first day of the "
			"%s (%04d-%02d-01)",
			ov_precision_code(ev->precision),
			ev->precision == OV_PRECISION_YEAR ? "year" : "month", y,
			ev->precision == OV_PRECISION_YEAR ? 1 : m);
}

/* A target-revised event's new target and reason, and nobody else's. */
static void check_target(vctx *c, const vpath *p, const ov_event *ev,
			 const char *kc)
{
	if (ev->kind == OV_EV_TARGET) {
		if (ev->target == OV_DAY_NONE)
			problem(c, p, "target",
				"a '%s' event needs the new target date", kc);
		else
			check_day(c, p, "target", ev->target, true);
		if (!given(ev->reason))
			problem(c, p, "reason",
				"a '%s' event needs a reason (why the target "
				"moved)", kc);
		return;
	}
	if (ev->target != OV_DAY_NONE)
		problem(c, p, "target",
			"only a '%s' event has a target, not '%s'",
			ov_event_kind_code(OV_EV_TARGET), kc);
	if (ev->reason)
		problem(c, p, "reason",
			"only a '%s' event has a reason, not '%s'",
			ov_event_kind_code(OV_EV_TARGET), kc);
}

/* Checks ev at path given the status and date of the events before it
 * (OV_STATUS_NONE / OV_DAY_NONE for the first).  people may be NULL when
 * there is no dataset to resolve the owner against. */
static void check_event(vctx *c, const vpath *p, const ov_event *ev,
			enum ov_status before, ov_day prev_date,
			const id_index *people)
{
	const char *kc = ov_event_kind_code(ev->kind);

	check_day(c, p, "date", ev->date, true);
	if (ev->date != OV_DAY_NONE && c->today != OV_DAY_NONE &&
	    ev->date > c->today + OV_FUTURE_DAYS) {
		char a[11], b[11];

		ov_date_format(ev->date, a);
		ov_date_format(c->today, b);
		problem(c, p, "date",
			"%s is more than %d days after today (%s): an event "
			"is recorded when it has happened",
			a, OV_FUTURE_DAYS, b);
	}
	if (ev->date != OV_DAY_NONE && prev_date != OV_DAY_NONE &&
	    ev->date < prev_date) {
		char a[11], b[11];

		ov_date_format(ev->date, a);
		ov_date_format(prev_date, b);
		problem(c, p, "date", "%s is before the previous event (%s)", a,
			b);
	}
	check_line(c, p, "author", ev->author, true);
	if (ev->kind == OV_EV_UPDATE && !given(ev->text))
		problem(c, p, "text",
			"an '%s' event needs text (the progress note)", kc);
	check_text(c, p, "text", ev->text, false);
	check_text(c, p, "basis", ev->basis, false);
	check_line(c, p, "reason", ev->reason, false);
	check_precision(c, p, ev);
	if (!*kc) {
		problem(c, p, "kind", "not an event kind (%s)",
			ov_event_kind_codes());
		return;
	}
	if (before == OV_STATUS_NONE && ev->kind != OV_EV_CREATED)
		problem(c, p, "kind", "the first event must be '%s', not '%s'",
			ov_event_kind_code(OV_EV_CREATED), kc);
	else if (!ov_event_allowed(before, ev->kind))
		problem(c, p, "kind", "a '%s' event cannot follow status '%s'",
			kc, before == OV_STATUS_NONE ? "none"
						     : ov_status_code(before));

	if (ev->kind == OV_EV_RAG) {
		if (ev->rag == OV_RAG_NONE)
			problem(c, p, "rag", "a '%s' event needs a rag (%s)", kc,
				ov_rag_codes());
		else if (!*ov_rag_code(ev->rag))
			problem(c, p, "rag", "not a rag (%s)", ov_rag_codes());
	} else if (ev->rag != OV_RAG_NONE) {
		problem(c, p, "rag", "only a '%s' event sets a rag, not '%s'",
			ov_event_kind_code(OV_EV_RAG), kc);
	}
	if (ev->kind == OV_EV_OWNER) {
		if (!ev->owner)
			problem(c, p, "owner",
				"an '%s' event needs an owner (a person id)", kc);
		else if (check_id(c, p, "owner", ev->owner, false) && people)
			check_link(c, p, "owner", ev->owner, people, "person",
				   false);
	} else if (ev->owner) {
		problem(c, p, "owner",
			"only an '%s' event sets an owner, not '%s'",
			ov_event_kind_code(OV_EV_OWNER), kc);
	}
	if (uses_basis(ev->kind)) {
		if (!given(ev->basis))
			problem(c, p, "basis", "a '%s' event needs a basis (%s)",
				kc, basis_why(ev->kind));
	} else if (ev->basis) {
		problem(c, p, "basis",
			"only closed, superseded and not-applicable events have "
			"a basis, not '%s'",
			kc);
	}
	check_target(c, p, ev, kc);
}

/* Status after ev, keeping a broken timeline from cascading: an event that
 * should have been CREATED counts as creating the recommendation. */
static enum ov_status step(enum ov_status s, const ov_event *ev)
{
	if (!*ov_event_kind_code(ev->kind))
		return s == OV_STATUS_NONE ? OV_STATUS_OPEN : s;
	s = ov_event_next_status(s, ev->kind);
	return s == OV_STATUS_NONE ? OV_STATUS_OPEN : s;
}

static void check_timeline(vctx *c, const vpath *p, const ov_rec *r)
{
	enum ov_status s = OV_STATUS_NONE;
	ov_day prev = OV_DAY_NONE;

	if (r->n_events == 0) {
		problem(c, p, "timeline",
			"a timeline needs at least its '%s' event",
			ov_event_kind_code(OV_EV_CREATED));
		return;
	}
	check_count(c, p, "timeline", r->n_events, OV_MAX_EVENTS, "events");
	for (size_t k = 0; k < r->n_events && k < OV_MAX_EVENTS; k++) {
		const ov_event *ev = &r->events[k];
		const vpath ep_at = {p, "timeline", k}, *ep = &ep_at;

		check_event(c, ep, ev, s, prev, &c->ix[OV_ENT_PERSON]);
		s = step(s, ev);
		if (ev->date != OV_DAY_NONE &&
		    (prev == OV_DAY_NONE || ev->date > prev))
			prev = ev->date;
	}
}

/* The cause of concern a recommendation answers: a cause of concern of
 * the same report and force, and only from a rec that is not one. */
static void check_cause(vctx *c, const vpath *p, const ov_rec *r)
{
	const id_ent *e;
	const ov_rec *cc;

	if (!r->cause)
		return;
	if (!check_id(c, p, "cause", r->cause, false))
		return;
	e = index_find(&c->ix[OV_ENT_REC], r->cause);
	if (!e) {
		problem(c, p, "cause", "no recommendation '%s'", r->cause);
		return;
	}
	cc = &c->ds->recs[e->i];
	if (r->kind == OV_RK_CAUSE)
		problem(c, p, "cause",
			"a cause of concern does not answer another one");
	else if (cc->kind != OV_RK_CAUSE)
		problem(c, p, "cause", "'%s' is a %s, not a cause of concern",
			r->cause, ov_rec_kind_code(cc->kind));
	else if (!cc->report || !r->report || strcmp(cc->report, r->report) ||
		 !cc->force || !r->force || strcmp(cc->force, r->force))
		problem(c, p, "cause",
			"cause of concern '%s' is of another report or force",
			r->cause);
}

static void check_rec(vctx *c, const vpath *p, size_t i)
{
	const ov_rec *r = &c->ds->recs[i];
	const id_ent *rep = index_find(&c->ix[OV_ENT_REPORT], r->report);
	bool findings;

	check_id(c, p, "ref", r->ref, true);
	check_link(c, p, "report", r->report, &c->ix[OV_ENT_REPORT], "report",
		   true);
	check_link(c, p, "force", r->force, &c->ix[OV_ENT_FORCE], "force",
		   true);
	check_line(c, p, "area", r->area, false);
	if (r->area && !given(r->area))
		problem(c, p, "area", "is blank (leave it out when the "
			"recommendation sits under no heading)");
	check_line(c, p, "subject", r->subject, false);
	if (!*ov_rec_kind_code(r->kind))
		problem(c, p, "kind", "not a kind (%s)", ov_rec_kind_codes());
	if (!*ov_addressee_code(r->addressee))
		problem(c, p, "addressee", "not an addressee (%s)",
			ov_addressee_codes());
	check_line(c, p, "timescale", r->timescale, false);
	check_day(c, p, "due_given", r->due_given, false);
	/* With an unknown report (reported above) go by what was given. */
	findings = rep ? c->ds->reports[rep->i].style == OV_STYLE_FINDINGS
		       : (r->finding || r->response) && !r->text;
	check_text(c, p, "text", r->text, !findings);
	check_text(c, p, "finding", r->finding, findings);
	check_text(c, p, "response", r->response, findings);
	check_count(c, p, "bullets", r->n_bullets, MAX_BULLETS, "bullets");
	for (size_t k = 0; k < r->n_bullets && k < MAX_BULLETS; k++) {
		const vpath bp_at = {p, "bullets", k}, *bp = &bp_at;

		if (!given(r->bullets[k]))
			problem(c, bp, NULL, "an empty bullet");
		check_len(c, bp, NULL, r->bullets[k], OV_MAX_TEXT);
	}
	check_link(c, p, "sme", r->sme, &c->ix[OV_ENT_PERSON], "person", false);
	check_link(c, p, "plan", r->plan, &c->ix[OV_ENT_PLAN], "plan", false);
	check_cause(c, p, r);
	check_timeline(c, p, r);
	check_prov(c, p, &r->prov);
}

/* ---- activities and meetings --------------------------------------------- */

static bool force_has_question(const ov_dataset *ds, const char *force,
			       const char *key)
{
	for (size_t i = 0; i < ds->n_assessments; i++) {
		const ov_assessment *a = &ds->assessments[i];

		if (!a->force || strcmp(a->force, force) != 0)
			continue;
		for (size_t j = 0; j < a->n_questions; j++)
			if (a->questions[j].key &&
			    strcmp(a->questions[j].key, key) == 0)
				return true;
	}
	return false;
}

static void check_activity(vctx *c, const vpath *p, size_t i)
{
	const ov_activity *a = &c->ds->activities[i];

	check_id(c, p, "id", a->id, true);
	check_link(c, p, "force", a->force, &c->ix[OV_ENT_FORCE], "force",
		   true);
	check_pday(c, p, "from", a->from, true);
	check_pday(c, p, "to", a->to, true);
	if (a->from.prec != OV_PREC_NONE && a->to.prec != OV_PREC_NONE &&
	    ov_pdate_last_day(a->to) < a->from.day) {
		char f[11], t[11];

		ov_pdate_format(a->from, f);
		ov_pdate_format(a->to, t);
		problem(c, p, "to", "ends (%s) before it starts (%s)", t, f);
	}
	if (!*ov_activity_kind_code(a->kind))
		problem(c, p, "kind", "not an activity kind (%s)",
			ov_activity_kind_codes());
	check_line(c, p, "subject", a->subject, true);
	check_line(c, p, "place", a->place, false);
	/* Only with a known force: an unknown one is reported above. */
	if (check_id(c, p, "question", a->question, false) &&
	    index_find(&c->ix[OV_ENT_FORCE], a->force) &&
	    !force_has_question(c->ds, a->force, a->question))
		problem(c, p, "question",
			"no assessment of force '%.*s' has question "
			"'%s'",
			OV_MAX_ID, a->force, a->question);
	check_day(c, p, "feedback_date", a->feedback_date, false);
	check_text(c, p, "feedback", a->feedback, false);
	check_line(c, p, "passed_to", a->passed_to, false);
	check_prov(c, p, &a->prov);
}

static void check_reviews(vctx *c, const vpath *p, const ov_meeting *m)
{
	check_count(c, p, "reviews", m->n_reviews, MAX_REVIEWS, "reviews");
	for (size_t j = 0; j < m->n_reviews && j < MAX_REVIEWS; j++) {
		const ov_review *rv = &m->reviews[j];
		const vpath rp_at = {p, "reviews", j}, *rp = &rp_at;

		check_link(c, rp, "report", rv->report, &c->ix[OV_ENT_REPORT],
			   "report", true);
		for (size_t k = 0; rv->report && k < j; k++)
			if (m->reviews[k].report &&
			    strcmp(m->reviews[k].report, rv->report) == 0) {
				problem(c, rp, "report",
					"report '%.*s' is already reviewed "
					"(reviews[%zu])",
					OV_MAX_ID, rv->report, k);
				break;
			}
		check_text(c, rp, "intro", rv->intro, false);
		check_text(c, rp, "narrative", rv->narrative, false);
	}
}

/* Two papers for the same committee of the same force on the same day
 * would be the same meeting entered twice. */
static void check_meeting_clash(vctx *c, const vpath *p, size_t i)
{
	const ov_meeting *m = &c->ds->meetings[i];

	if (!m->force || !m->committee || m->date == OV_DAY_NONE)
		return;
	for (size_t k = 0; k < i; k++) {
		const ov_meeting *o = &c->ds->meetings[k];
		char day[11];

		if (o->date != m->date || !o->force || !o->committee ||
		    strcmp(o->force, m->force) || strcmp(o->committee, m->committee))
			continue;
		ov_date_format(m->date, day);
		problem(c, p, "date",
			"%.*s's %.*s already meets on %s ($.meetings[%zu])",
			OV_MAX_ID, m->force, OV_MAX_LINE, m->committee, day, k);
		return;
	}
}

static void check_meeting_layout(vctx *c, const vpath *p,
				 const ov_meeting *m)
{
	const id_ent *e;
	const ov_layout *l;

	if (!m->layout)
		return;
	check_link(c, p, "layout", m->layout, &c->ix[OV_ENT_LAYOUT], "layout",
		   false);
	e = index_find(&c->ix[OV_ENT_LAYOUT], m->layout);
	if (!e)
		return;
	l = &c->ds->layouts[e->i];
	if (m->force && l->force && strcmp(m->force, l->force))
		problem(c, p, "layout", "layout '%s' is of force '%.*s'",
			m->layout, OV_MAX_ID, l->force);
}

static void check_meeting(vctx *c, const vpath *p, size_t i)
{
	const ov_meeting *m = &c->ds->meetings[i];
	const id_ent *a;

	check_id(c, p, "id", m->id, true);
	check_link(c, p, "force", m->force, &c->ix[OV_ENT_FORCE], "force",
		   true);
	check_line(c, p, "committee", m->committee, true);
	check_day(c, p, "date", m->date, true);
	check_line(c, p, "agenda_item", m->agenda_item, false);
	check_line(c, p, "title", m->title, true);
	check_text(c, p, "purpose", m->purpose, false);
	check_link(c, p, "assessment", m->assessment, &c->ix[OV_ENT_ASSESSMENT],
		   "assessment", false);
	a = index_find(&c->ix[OV_ENT_ASSESSMENT], m->assessment);
	if (a && index_find(&c->ix[OV_ENT_FORCE], m->force)) {
		const ov_assessment *as = &c->ds->assessments[a->i];

		if (!as->force || strcmp(as->force, m->force) != 0)
			problem(c, p, "assessment",
				"assessment '%s' is not of force '%.*s'",
				m->assessment, OV_MAX_ID, m->force);
	}
	check_text(c, p, "background", m->background, false);
	check_text(c, p, "peel_note", m->peel_note, false);
	check_text(c, p, "closures_note", m->closures_note, false);
	check_text(c, p, "activities_note", m->activities_note, false);
	check_text(c, p, "activities_after", m->activities_after, false);
	check_reviews(c, p, m);
	check_text(c, p, "recommendations", m->recommendations, false);
	check_link(c, p, "contact", m->contact, &c->ix[OV_ENT_PERSON], "person",
		   false);
	check_meeting_layout(c, p, m);
	check_count(c, p, "documents", m->n_documents, MAX_DOCUMENTS,
		    "documents");
	for (size_t k = 0; k < m->n_documents && k < MAX_DOCUMENTS; k++) {
		const vpath dp_at = {p, "documents", k}, *dp = &dp_at;

		check_line(c, dp, NULL, m->documents[k], true);
	}
	check_meeting_clash(c, p, i);
	check_prov(c, p, &m->prov);
}

#define MAX_SECTIONS 60

static void check_layout(vctx *c, const vpath *p, size_t i)
{
	const ov_layout *l = &c->ds->layouts[i];

	check_id(c, p, "id", l->id, true);
	check_link(c, p, "force", l->force, &c->ix[OV_ENT_FORCE], "force",
		   true);
	check_line(c, p, "committee", l->committee, false);
	for (size_t k = 0; l->committee && k < i; k++) {
		const ov_layout *o = &c->ds->layouts[k];

		if (o->committee && o->force && l->force &&
		    !strcmp(o->committee, l->committee) &&
		    !strcmp(o->force, l->force)) {
			problem(c, p, "committee",
				"%.*s's %.*s already has a layout "
				"($.layouts[%zu]); a meeting that differs "
				"names its own",
				OV_MAX_ID, l->force, OV_MAX_LINE, l->committee,
				k);
			break;
		}
	}
	if (l->n_sections == 0)
		problem(c, p, "sections", "at least one section is needed");
	check_count(c, p, "sections", l->n_sections, MAX_SECTIONS, "sections");
	for (size_t j = 0; j < l->n_sections && j < MAX_SECTIONS; j++) {
		const ov_section_spec *sp = &l->sections[j];
		const vpath sp_at = {p, "sections", j}, *spp = &sp_at;

		if (!*ov_section_code(sp->section))
			problem(c, spp, "section", "not a section (%s)",
				ov_section_codes());
		check_line(c, spp, "heading", sp->heading, false);
		if (sp->heading && !given(sp->heading))
			problem(c, spp, "heading", "is blank (leave it out "
				"for the section's default)");
		check_text(c, spp, "none", sp->none, false);
		if (sp->none && !given(sp->none))
			problem(c, spp, "none", "is blank (use omit to leave "
				"an empty section out)");
		if (sp->status && sp->section != OV_SEC_REVIEWS)
			problem(c, spp, "status",
				"only the '%s' section shows each "
				"recommendation's status",
				ov_section_code(OV_SEC_REVIEWS));
		if (sp->omit && sp->none)
			problem(c, spp, "omit",
				"a section left out when empty has no 'none' "
				"sentence");
	}
	check_prov(c, p, &l->prov);
}

/* ---- the dataset -------------------------------------------------------- */

typedef void check_fn(vctx *c, const vpath *p, size_t i);

/* Each entity's check, run in ov_entities order (the document's). */
static check_fn *const checks[OV_ENT_N] = {
	[OV_ENT_FORCE] = check_force,
	[OV_ENT_PERSON] = check_person,
	[OV_ENT_BOARD] = check_board,
	[OV_ENT_PLAN] = check_plan,
	[OV_ENT_ASSESSMENT] = check_assessment,
	[OV_ENT_REPORT] = check_report,
	[OV_ENT_REC] = check_rec,
	[OV_ENT_ACTIVITY] = check_activity,
	[OV_ENT_MEETING] = check_meeting,
	[OV_ENT_LAYOUT] = check_layout,
};

/* Every element of entity e at "$.KEY[i]", then its duplicate ids. */
static void check_entity(vctx *c, enum ov_entity_id e)
{
	const ov_entity *t = &ov_entities[e];
	size_t n = ov_entity_count(t, c->ds);

	for (size_t i = 0; i < n; i++) {
		const vpath at = {&root, t->key, i};

		checks[e](c, &at, i);
	}
	index_dups(c, &c->ix[e], t->key, t->shape->fields[0].key);
}

size_t ov_validate_dataset(const ov_dataset *ds, ov_diag *d)
{
	vctx c = {.ds = ds, .d = d, .today = ov_date_today()};

	/* Links are checked against all ids, so index every array first. */
	for (size_t e = 0; e < OV_ENT_N; e++) {
		const ov_entity *t = &ov_entities[e];

		index_build(&c.ix[e], ov_entity_array(t, ds),
			    ov_entity_count(t, ds), t->shape->size);
	}
	for (size_t e = 0; e < OV_ENT_N; e++)
		check_entity(&c, (enum ov_entity_id)e);
	for (size_t e = 0; e < OV_ENT_N; e++)
		free(c.ix[e].e);
	return c.n;
}

size_t ov_validate_event(const ov_rec *rec, const ov_event *ev,
			 const char *where, ov_diag *d)
{
	vctx c = {.d = d, .today = ov_date_today()};
	const vpath at = {NULL, where ? where : "event", 0};
	enum ov_status s = OV_STATUS_NONE;
	ov_day last = OV_DAY_NONE;

	for (size_t k = 0; rec && k < rec->n_events; k++) {
		s = ov_event_next_status(s, rec->events[k].kind);
		if (rec->events[k].date != OV_DAY_NONE &&
		    (last == OV_DAY_NONE || rec->events[k].date > last))
			last = rec->events[k].date;
	}
	/* The import's limit, so that what is appended can be exported
	 * and read back. */
	if (rec && rec->n_events >= OV_MAX_EVENTS)
		problem(&c, &at, "timeline",
			"already has %zu events, the most a recommendation "
			"may have (%d)",
			rec->n_events, OV_MAX_EVENTS);
	check_event(&c, &at, ev, s, last, NULL);
	return c.n;
}

size_t ov_validate_meeting(const ov_dataset *ds, const ov_meeting *m,
			   ov_diag *d)
{
	/* The meeting stands alone in a copy of ds's table of arrays, so
	 * check_meeting sees it as meetings[0] (no earlier one to clash
	 * with) and its links resolve against ds. */
	ov_dataset one = *ds;
	vctx c = {.ds = &one, .d = d, .today = ov_date_today()};
	const vpath at = {NULL, "", 0};
	static const enum ov_entity_id links[] = {
		OV_ENT_FORCE, OV_ENT_PERSON, OV_ENT_ASSESSMENT, OV_ENT_REPORT,
		OV_ENT_LAYOUT};

	one.meetings = (ov_meeting *)m;
	one.n_meetings = 1;
	for (size_t k = 0; k < sizeof links / sizeof *links; k++) {
		const ov_entity *t = &ov_entities[links[k]];

		index_build(&c.ix[links[k]], ov_entity_array(t, &one),
			    ov_entity_count(t, &one), t->shape->size);
	}
	check_meeting(&c, &at, 0);
	for (size_t e = 0; e < OV_ENT_N; e++)
		free(c.ix[e].e);
	return c.n;
}

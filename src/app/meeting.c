/* Meetings for the web pages (app/meeting.h): showing one, editing its
 * narrative and reviews, and a preview of one Markdown block.  A meeting
 * is read and written whole by id (point reads); only the reports,
 * people, forces and assessments its links need are loaded. */
#include "app/meeting.h"
#include "app/common.h"

#include <stdlib.h>
#include <string.h>

#include "core/validate.h"
#include "io/json.h"
#include "paper/doc.h"
#include "util/mem.h"

/* ---- one meeting ---- */

static void view_links(ov_meeting_view *v)
{
	const ov_dataset *ds = v->ds;
	const ov_person *p = ov_dataset_find_person(ds, v->m.contact);

	v->review_of = ov_xmalloc((ds->n_reports + 1) * sizeof *v->review_of);
	for (size_t i = 0; i < ds->n_reports; i++)
		v->review_of[i] = -1;
	v->review_report =
	    ov_xcalloc(v->m.n_reviews + 1, sizeof *v->review_report);
	for (size_t j = 0; j < v->m.n_reviews; j++) {
		const ov_report *r =
		    ov_dataset_find_report(ds, v->m.reviews[j].report);

		v->review_report[j] = r;
		if (r && v->review_of[r - ds->reports] < 0)
			v->review_of[r - ds->reports] = (int)j;
	}
	v->contact_name = p ? ov_person_display(p) : NULL;
}

int ov_app_meeting_show(ov_app *a, const char *id, ov_meeting_view *out,
                        ov_diag *d)
{
	memset(out, 0, sizeof *out);
	ov_meeting_init(&out->m);
	if (!id) {
		ov_diag_at(d, OV_PROB_INPUT, "id", "is required");
		return -1;
	}
	if (ov_store_get(a->s, OV_ENT_MEETING, id, &out->m, d) != OV_STORE_OK ||
	    app_load(a, NULL, OV_LOAD(OV_ENT_REPORT) | OV_LOAD(OV_ENT_PERSON),
	             &out->ds, d) < 0) {
		ov_meeting_view_release(out);
		return -1;
	}
	view_links(out);
	return 0;
}

void ov_meeting_view_release(ov_meeting_view *v)
{
	if (!v)
		return;
	ov_meeting_release(&v->m);
	ov_dataset_free(v->ds);
	free(v->review_of);
	free(v->review_report);
	free(v->contact_name);
	memset(v, 0, sizeof *v);
}

/* ---- editing ---- */

/* The blocks an edit may set: where each is in the edit and in the
 * meeting, under its field name. */
static const struct block_field {
	const char *name;
	size_t edit_off, meeting_off;
} block_fields[] = {
#define B(f)                                                                   \
	{                                                                      \
#f, offsetof(ov_meeting_edit, f), offsetof(ov_meeting, f)      \
	}
    B(purpose),         B(background),      B(peel_note),
    B(closures_note),   B(activities_note), B(activities_after),
    B(recommendations),
#undef B
};
#define N_BLOCKS (sizeof block_fields / sizeof block_fields[0])

static const char *edit_block(const ov_meeting_edit *e, size_t i)
{
	return *(const char *const *)((const char *)e +
	                              block_fields[i].edit_off);
}

static char **meeting_block(ov_meeting *m, size_t i)
{
	return (char **)((char *)m + block_fields[i].meeting_off);
}

/* A preview's text must be UTF-8 before the renderer looks at it (an
 * edit's texts are checked with the meeting, by ov_validate_meeting). */
static int utf8_at(const char *s, const char *where, ov_diag *d)
{
	if (!s || ov_json_utf8_valid(s))
		return 0;
	ov_diag_at(d, OV_PROB_INPUT, where, "is not valid UTF-8");
	return -1;
}

/* NULL: unchanged; "": cleared; else a copy. */
static void set_text(char **field, const char *v)
{
	if (!v)
		return;
	free(*field);
	*field = *v ? ov_xstrdup(v) : NULL;
}

/* The new list of reviews: each keeps what the old review of the same
 * report said (the first one, moved out of the old list), then takes the
 * edit's texts. */
static void set_reviews(ov_meeting *m, const ov_meeting_edit *e)
{
	ov_review *old = m->reviews, *now;
	size_t n_old = m->n_reviews;

	now = ov_xcalloc(e->n_reviews + 1, sizeof *now);
	for (size_t j = 0; j < e->n_reviews; j++) {
		const ov_review_edit *r = &e->reviews[j];

		now[j].report = r->report ? ov_xstrdup(r->report) : NULL;
		for (size_t k = 0; r->report && k < n_old; k++) {
			if (!old[k].report || strcmp(old[k].report, r->report))
				continue;
			now[j].intro = old[k].intro;
			now[j].narrative = old[k].narrative;
			free(old[k].report);
			old[k] = old[--n_old]; /* taken: not matched again */
			break;
		}
		set_text(&now[j].intro, r->intro);
		set_text(&now[j].narrative, r->narrative);
	}
	for (size_t k = 0; k < n_old; k++) {
		free(old[k].report);
		free(old[k].intro);
		free(old[k].narrative);
	}
	free(old);
	m->reviews = now;
	m->n_reviews = e->n_reviews;
}

static void apply(ov_meeting *m, const ov_meeting_edit *e)
{
	for (size_t i = 0; i < N_BLOCKS; i++)
		set_text(meeting_block(m, i), edit_block(e, i));
	if (e->set_reviews)
		set_reviews(m, e);
}

int ov_app_meeting_edit(ov_app *a, const char *id, const ov_meeting_edit *e,
                        ov_diag *d)
{
	const unsigned links = OV_LOAD(OV_ENT_FORCE) | OV_LOAD(OV_ENT_PERSON) |
	                       OV_LOAD(OV_ENT_ASSESSMENT) |
	                       OV_LOAD(OV_ENT_REPORT) |
	                       OV_LOAD(OV_ENT_LAYOUT);
	ov_dataset *ds = NULL;
	ov_meeting m;
	int rc = -1;

	ov_meeting_init(&m);
	if (!id) {
		ov_diag_at(d, OV_PROB_INPUT, "id", "is required");
		return -1;
	}
	if (e->set_reviews && e->n_reviews && !e->reviews) {
		ov_diag_at(d, OV_PROB_INPUT, "reviews", "are not given");
		return -1;
	}
	if (ov_store_get(a->s, OV_ENT_MEETING, id, &m, d) != OV_STORE_OK)
		goto out;
	apply(&m, e);
	if (app_load(a, NULL, links, &ds, d) < 0 ||
	    ov_validate_meeting(ds, &m, d) != 0) /* UTF-8 too */
		goto out;
	if (ov_store_meeting_replace(a->s, &m, d) != OV_STORE_OK)
		goto out;
	rc = 0;
out:
	ov_meeting_release(&m);
	ov_dataset_free(ds);
	return rc;
}

/* ---- a preview ---- */

int ov_app_markdown_html(const char *md, ov_buf *out, ov_diag *d)
{
	if (md && strnlen(md, OV_MAX_TEXT + 1) > OV_MAX_TEXT) {
		ov_diag_at(d, OV_PROB_INPUT, "markdown", "longer than %d bytes",
		           OV_MAX_TEXT);
		return -1;
	}
	if (utf8_at(md, "markdown", d) < 0)
		return -1;
	/* Level 3: the level the paper gives a meeting's blocks. */
	return ov_paper_markdown_html(md, 3, out, d);
}

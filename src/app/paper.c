/* The committee paper for a meeting: the force's register as it stood,
 * built into a document (paper/) and rendered to a file, or into memory
 * for the web (the same bytes: both build it the same way and render
 * through the same FILE interface). */
#include "app/app.h"
#include "app/common.h"
#include "app/meeting.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "paper/doc.h"
#include "util/buf.h"
#include "util/file.h"

/* The meeting on `date` (of `committee`, `force` if given); when none or
 * several match, a problem at "meeting" listing the meetings there
 * are. */
static const ov_meeting *find_meeting(const ov_dataset *ds, ov_day date,
				      const char *committee, const char *force,
				      ov_diag *d)
{
	const ov_meeting *hit = NULL;
	const char *named = committee;
	size_t n = 0;
	ov_buf list = OV_BUF_INIT;
	char day[11];

	for (size_t i = 0; i < ds->n_meetings; i++) {
		const ov_meeting *m = &ds->meetings[i];
		char iso[11];

		if ((committee && (!m->committee ||
				   strcasecmp(m->committee, committee) != 0)) ||
		    (force && (!m->force || strcmp(m->force, force) != 0)))
			continue;
		if (!named)
			named = m->committee;
		ov_date_format(m->date, iso);
		ov_buf_printf(&list, "%s%s", list.len ? ", " : "", iso);
		if (m->date == date) {
			hit = m;
			n++;
		}
	}
	ov_date_format(date, day);
	if (n == 0)
		ov_diag_at(d, OV_PROB_NOTFOUND, NULL,
			   "no meeting of the %s on %s; meetings on: %s",
			   named ? named : "committee", day,
			   list.len ? ov_buf_str(&list) : "(none)");
	else if (n > 1)
		ov_diag_at(d, OV_PROB_INPUT, "committee",
			   "%zu meetings on %s; choose the committee or the "
			   "force", n, day);
	ov_buf_release(&list);
	return n == 1 ? hit : NULL;
}

typedef int render_fn(const ov_paper *, FILE *, ov_diag *);

static render_fn *renderer(enum ov_paper_fmt fmt)
{
	switch (fmt) {
	case OV_PAPER_MD:
		return ov_paper_render_md;
	case OV_PAPER_HTML:
		return ov_paper_render_html;
	case OV_PAPER_PDF:
		return ov_paper_render_pdf;
	}
	return NULL;
}

static render_fn *renderer_for(enum ov_paper_fmt fmt, ov_diag *d)
{
	render_fn *render = renderer(fmt);

	if (!render)
		ov_diag_at(d, OV_PROB_INPUT, "format", "not a paper format");
	return render;
}

int ov_app_paper(ov_app *a, ov_day date, const char *committee,
		 const char *force, enum ov_paper_fmt fmt, const char *path,
		 ov_diag *d)
{
	render_fn *render = renderer_for(fmt, d);
	ov_dataset *ds = NULL;
	ov_paper *paper = NULL;
	ov_outfile of;
	const ov_meeting *m;
	int rc = -1;

	if (!render || app_force_known(a, force, d) < 0)
		return -1;
	if (app_load(a, force, OV_LOAD_ALL, &ds, d) < 0)
		goto out;
	m = find_meeting(ds, date, committee, force, d);
	if (!m || ov_paper_build(ds, m, &paper, d) < 0)
		goto out;
	if (ov_outfile_open_except(&of, path, ov_store_files(a->s), d) < 0)
		goto out;
	if (render(paper, of.f, d) < 0) {
		ov_outfile_abort(&of);
		goto out;
	}
	rc = ov_outfile_commit(&of, d) < 0 ? -1 : 0;
out:
	ov_paper_free(paper);
	ov_dataset_free(ds);
	return rc;
}

/* Render into memory through a FILE, the renderers' one way out, so the
 * bytes are those ov_app_paper's file gets. */
static int paper_to_buf(const ov_dataset *ds, const ov_meeting *m,
			render_fn *render, ov_buf *out, ov_diag *d)
{
	ov_paper *paper = NULL;
	char *data = NULL;
	size_t len = 0;
	FILE *f;
	int rc;

	if (ov_paper_build(ds, m, &paper, d) < 0)
		return -1;
	f = open_memstream(&data, &len);
	if (!f) {
		ov_diag_add(d, "cannot make the paper in memory: %s",
			    strerror(errno));
		ov_paper_free(paper);
		return -1;
	}
	rc = render(paper, f, d);
	ov_paper_free(paper);
	if (fclose(f) != 0 && rc == 0) {
		ov_diag_add(d, "cannot make the paper in memory: %s",
			    strerror(errno));
		rc = -1;
	}
	if (rc == 0)
		ov_buf_add(out, data, len);
	free(data);
	return rc;
}

int ov_app_paper_meeting(ov_app *a, const char *meeting_id,
			 enum ov_paper_fmt fmt, ov_buf *out, ov_diag *d)
{
	render_fn *render = renderer_for(fmt, d);
	ov_diag nf = OV_DIAG_INIT;
	ov_dataset *ds = NULL;
	const ov_meeting *m;
	ov_meeting head;
	ov_store_rc src;
	int rc = -1;

	ov_meeting_init(&head);
	if (!render)
		return -1;
	if (!meeting_id) {
		ov_diag_at(d, OV_PROB_INPUT, "meeting", "is required");
		return -1;
	}
	/* Its force first: the paper is of one force's register, loaded as
	 * ov_app_paper loads it for --force. */
	src = ov_store_get(a->s, OV_ENT_MEETING, meeting_id, &head, &nf);
	if (src == OV_STORE_NOTFOUND)
		ov_diag_at(d, OV_PROB_NOTFOUND, "meeting",
			   "no meeting '" OV_DIAG_Q "'",
			   OV_DIAG_QV(meeting_id));
	if (src != OV_STORE_OK) {
		if (src != OV_STORE_NOTFOUND)
			app_take_problems(d, &nf);
		goto out;
	}
	if (app_load(a, head.force, OV_LOAD_ALL, &ds, d) < 0)
		goto out;
	m = ov_dataset_find_meeting(ds, meeting_id);
	if (!m) { /* removed between the two reads */
		ov_diag_at(d, OV_PROB_NOTFOUND, "meeting",
			   "no meeting '" OV_DIAG_Q "'",
			   OV_DIAG_QV(meeting_id));
		goto out;
	}
	rc = paper_to_buf(ds, m, render, out, d);
out:
	ov_diag_release(&nf);
	ov_meeting_release(&head);
	ov_dataset_free(ds);
	return rc;
}

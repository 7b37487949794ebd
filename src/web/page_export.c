/* /export?format=xlsx|csv|json[&as-at=YYYY-MM-DD]: the register as a
 * download, written by ov_app_export (the same as `oversight export`). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/date.h"
#include "util/file.h"
#include "util/mem.h"
#include "web/layout.h"

/* The largest export the server will hold in memory to send. */
#define EXPORT_MAX ((size_t)256 << 20)

/* In the order of enum ov_export_fmt. */
static const struct {
	const char *code, *ext, *type;
} formats[] = {
    {"json", "json", "application/json"},
    {"csv", "csv", "text/csv; charset=utf-8"},
    {"xlsx", "xlsx",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
};
#define N_FORMATS (sizeof formats / sizeof formats[0])
_Static_assert(OV_EXPORT_JSON == 0 && OV_EXPORT_CSV == 1 && OV_EXPORT_XLSX == 2,
               "formats[] follows enum ov_export_fmt");

/* Read the request: the format's index and the date, or -1 with every
 * problem (bad input) in d. */
static int read_request(const ov_web_req *q, size_t *fmt, ov_day *as_at,
                        ov_diag *d)
{
	const char *f = ov_web_query(q, "format");
	int rc = 0;

	*fmt = N_FORMATS;
	for (size_t i = 0; f && i < N_FORMATS; i++)
		if (strcmp(f, formats[i].code) == 0)
			*fmt = i;
	if (*fmt == N_FORMATS) {
		if (f)
			ov_diag_at(d, OV_PROB_INPUT, "format",
			           "'%s' is not a format of the download; "
			           "choose xlsx, csv or json",
			           f);
		else
			ov_diag_at(d, OV_PROB_INPUT, "format",
			           "Choose the format: xlsx, csv or json");
		rc = -1;
	}
	if (ov_web_query_day(q, OV_WEB_PAGE, "as-at", q->today, as_at, d) < 0) {
		rc = -1;
	} else if (ov_web_query(q, "as-at") && *fmt == OV_EXPORT_JSON) {
		/* As the command line says: json is the whole dataset. */
		ov_diag_at(d, OV_PROB_INPUT, "as-at",
		           "The as-at date applies to csv and xlsx only; json "
		           "holds the whole timeline");
		rc = -1;
	}
	return rc;
}

/* Export into a private directory of its own (mode 0700, so no other
 * user can see or swap the file), read it back, and remove both. */
static int export_to(ov_web_req *q, size_t fmt, ov_day as_at, char **data,
                     size_t *len, ov_diag *d)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = ov_xasprintf("%s/oversight-export-XXXXXX",
	                         tmp && *tmp ? tmp : "/tmp");
	char *path = NULL;
	ov_diag rd = OV_DIAG_INIT;
	int rc = -1;

	if (!mkdtemp(dir)) {
		ov_diag_add(d,
		            "cannot make a temporary directory for the "
		            "export: %s",
		            strerror(errno));
		goto out_dir;
	}
	path = ov_xasprintf("%s/register.%s", dir, formats[fmt].ext);
	if (ov_app_export(q->app, (enum ov_export_fmt)fmt, as_at, path, d) < 0)
		goto out;
	if (ov_file_read_all(path, EXPORT_MAX, data, len, &rd) < 0) {
		/* Too big is the server's limit, not the user's fault. */
		ov_diag_add(d, "the export cannot be sent: %s",
		            rd.n ? rd.msg[0] : "unreadable");
		goto out;
	}
	rc = 0;
out:
	unlink(path);
	rmdir(dir);
out_dir:
	ov_diag_release(&rd);
	free(path);
	free(dir);
	return rc;
}

/* After a bad request: the download as a form, the user's input kept,
 * with the problems by its fields. */
static void ask(ov_web_req *q, ov_web_resp *r, const ov_diag *d)
{
	static const char *const opts[] = {
	    "xlsx", "Spreadsheet (XLSX)",       "csv", "CSV",
	    "json", "JSON (the whole dataset)", NULL};
	ov_page p;

	r->status = ov_web_status(d);
	ov_page_begin(&p, q, r, "Download the register", "recommendations", d);
	ov_page_h1(&p, NULL, "Download the register");
	ov_html_open(&p.h, "form", "method", "get", "action", "/export", NULL);
	ov_page_select(&p, "format", "Format", opts,
	               ov_kvs_get(&q->query, "format"));
	ov_page_input(&p, "as-at", "As at (YYYY-MM-DD)", "text",
	              ov_kvs_get(&q->query, "as-at"),
	              "For xlsx and csv: the register as it stood on this "
	              "date; empty for today");
	ov_page_form_close(&p, "Download", false);
	ov_page_end(&p);
}

int ov_page_export(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	size_t fmt, len = 0;
	ov_day as_at;
	char *data = NULL, *disp;
	char day[11];

	if (read_request(q, &fmt, &as_at, &d) < 0) {
		ask(q, r, &d);
		goto out;
	}
	if (export_to(q, fmt, as_at, &data, &len, &d) < 0) {
		ov_page_problem(q, r, "The register cannot be exported", &d);
		goto out;
	}
	ov_date_format(as_at, day);
	disp = ov_xasprintf("attachment; filename=\"register-%s.%s\"", day,
	                    formats[fmt].ext);
	ov_web_header(r, "Content-Disposition", disp);
	free(disp);
	r->type = formats[fmt].type;
	ov_buf_reset(&r->body);
	ov_buf_add(&r->body, data, len);
out:
	free(data);
	ov_diag_release(&d);
	return 0;
}

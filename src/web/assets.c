/* /assets/...: GOV.UK Frontend's files from the build (the directory
 * given as assets), and the program's own stylesheet and start-up
 * script. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "util/file.h"
#include "util/mem.h"
#include "web/http.h"

#define MAX_ASSET (8 << 20)

/* Starts GOV.UK Frontend's components once the module has loaded. */
static const char init_js[] =
    "import { initAll } from '/assets/govuk-frontend.min.js';\n"
    "initAll();\n";

/* The few rules GOV.UK Frontend has no class for: the account bar, the
 * charts, wide tables. */
static const char app_css[] =
    ".app-account{display:flex;justify-content:flex-end}\n"
    ".app-account__form{margin:0}\n"
    ".app-account__who{margin:10px 0 0}\n"
    ".app-account__button{margin:0 0 0 10px}\n"
    ".app-chart{max-width:100%;height:auto}\n"
    ".app-chart{font-family:\"GDS Transport\",arial,sans-serif}\n"
    ".app-chart text{font-size:14px}\n"
    ".app-nowrap{white-space:nowrap}\n"
    ".app-table-wrap{overflow-x:auto}\n"
    ".app-counts{display:flex;flex-wrap:wrap;gap:15px;list-style:none;"
    "font-family:\"GDS Transport\",arial,sans-serif;"
    "padding:0}\n"
    ".app-counts li{border-left:5px solid #1d70b8;padding:5px 15px}\n"
    ".app-counts .app-count{display:block;font-size:36px;"
    "font-weight:700}\n"
    ".app-timeline{border-left:3px solid #b1b4b6;padding-left:15px}\n";

static const struct {
	const char *ext, *type;
} types[] = {
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
    {".png", "image/png"},
    {".svg", "image/svg+xml"},
    {".ico", "image/x-icon"},
    {".map", "application/json"},
    {".json", "application/manifest+json"},
};

static const char *type_of(const char *path)
{
	const char *dot = strrchr(path, '.');

	for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	return NULL;
}

/* Only plain relative paths below the directory: no "..", no hidden
 * files, no absolute path. */
static bool path_ok(const char *p)
{
	if (!*p || *p == '/' || strstr(p, "/."))
		return false;
	return p[0] != '.';
}

static void builtin(ov_web_resp *r, const char *type, const char *text)
{
	r->type = type;
	r->cache = true;
	ov_buf_puts(&r->body, text);
}

/* Files read once and kept: the build's assets do not change while the
 * server runs, and every first page view asks for the same few. */
#define MAX_KEPT 64

static struct kept {
	char *name, *data;
	size_t len;
} kept[MAX_KEPT];
static size_t n_kept;
static pthread_rwlock_t kept_lock = PTHREAD_RWLOCK_INITIALIZER;

/* Append asset name (a path_ok name under dir) to out: 0, or -1 if
 * there is no such file. */
static int asset(const char *dir, const char *name, ov_buf *out)
{
	ov_diag d = OV_DIAG_INIT;
	char *full, *data = NULL;
	size_t len = 0;
	int rc = -1;

	pthread_rwlock_rdlock(&kept_lock);
	for (size_t i = 0; i < n_kept; i++) {
		if (strcmp(kept[i].name, name) == 0) {
			ov_buf_add(out, kept[i].data, kept[i].len);
			rc = 0;
			break;
		}
	}
	pthread_rwlock_unlock(&kept_lock);
	if (rc == 0)
		return 0;
	full = ov_xasprintf("%s/%s", dir, name);
	if (ov_file_read_all(full, MAX_ASSET, &data, &len, &d) == 0) {
		ov_buf_add(out, data, len);
		rc = 0;
		pthread_rwlock_wrlock(&kept_lock);
		bool known = false;

		for (size_t i = 0; i < n_kept && !known; i++)
			known = strcmp(kept[i].name, name) == 0;
		if (!known && n_kept < MAX_KEPT) {
			kept[n_kept++] =
			    (struct kept){ov_xstrdup(name), data, len};
			data = NULL;
		}
		pthread_rwlock_unlock(&kept_lock);
	}
	free(data);
	free(full);
	ov_diag_release(&d);
	return rc;
}

void ov_web_assets_release(void)
{
	pthread_rwlock_wrlock(&kept_lock);
	for (size_t i = 0; i < n_kept; i++) {
		free(kept[i].name);
		free(kept[i].data);
	}
	n_kept = 0;
	pthread_rwlock_unlock(&kept_lock);
}

int ov_web_asset(ov_web_req *q, ov_web_resp *r)
{
	const char *type = type_of(q->param);

	if (strcmp(q->param, "init.js") == 0) {
		builtin(r, "text/javascript; charset=utf-8", init_js);
		return 0;
	}
	if (strcmp(q->param, "oversight.css") == 0) {
		builtin(r, "text/css; charset=utf-8", app_css);
		return 0;
	}
	if (path_ok(q->param) && type && q->cfg->assets &&
	    asset(q->cfg->assets, q->param, &r->body) == 0) {
		r->type = type;
		r->cache = true;
		return 0;
	}
	r->type = "text/plain; charset=utf-8";
	r->status = 404;
	ov_buf_puts(&r->body, "404 no such asset\n");
	return 0;
}

/* /assets/...: GOV.UK Frontend's files from the build (the directory
 * given as assets), and the program's own stylesheet and start-up
 * script. */
#include <stdlib.h>
#include <string.h>

#include "util/file.h"
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

int ov_web_asset(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	char *data = NULL, *full = NULL;
	size_t len = 0;
	const char *type = type_of(q->param);

	if (strcmp(q->param, "init.js") == 0) {
		builtin(r, "text/javascript; charset=utf-8", init_js);
		return 0;
	}
	if (strcmp(q->param, "oversight.css") == 0) {
		builtin(r, "text/css; charset=utf-8", app_css);
		return 0;
	}
	r->type = "text/plain; charset=utf-8";
	if (!path_ok(q->param) || !type || !q->cfg->assets) {
		r->status = 404;
		ov_buf_puts(&r->body, "404 no such asset\n");
		return 0;
	}
	full = malloc(strlen(q->cfg->assets) + strlen(q->param) + 2);
	if (!full)
		return -1;
	strcpy(full, q->cfg->assets);
	strcat(full, "/");
	strcat(full, q->param);
	if (ov_file_read_all(full, MAX_ASSET, &data, &len, &d) < 0) {
		r->status = 404;
		ov_buf_puts(&r->body, "404 no such asset\n");
	} else {
		r->type = type;
		r->cache = true;
		ov_buf_add(&r->body, data, len);
	}
	free(data);
	free(full);
	ov_diag_release(&d);
	return 0;
}

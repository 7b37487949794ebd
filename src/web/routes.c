/* The route table: every page and API call, who may use it, and its
 * handler.  The route x role tests walk this table. */
#include <string.h>

#include "util/mem.h"
#include "web/http.h"

#define PAGE(m, p, right, fn)                                                  \
	{                                                                      \
		m, p, OV_WEB_SIGNED, right, OV_WEB_PAGE, fn                    \
	}
#define API(m, p, right, fn)                                                   \
	{                                                                      \
		m, p, OV_WEB_SIGNED, right, OV_WEB_API, fn                     \
	}
#define R OV_RIGHT_READ
#define EV OV_RIGHT_EVENT
#define ED OV_RIGHT_EDIT
#define AC OV_RIGHT_ACCOUNTS

const ov_web_route ov_web_routes[] = {
    {"GET", "/assets/**", OV_WEB_PUBLIC, R, OV_WEB_PAGE, ov_web_asset},
    {"GET", "/login", OV_WEB_PUBLIC, R, OV_WEB_PAGE, ov_page_login},
    {"POST", "/login", OV_WEB_PUBLIC, R, OV_WEB_PAGE, ov_page_login_post},
    PAGE("POST", "/logout", R, ov_page_logout),
    PAGE("GET", "/", R, ov_page_dashboard),
    PAGE("GET", "/recommendations", R, ov_page_recs),
    PAGE("GET", "/recommendations/*", R, ov_page_rec),
    PAGE("POST", "/recommendations/*/events", EV, ov_page_rec_event),
    PAGE("GET", "/reports", R, ov_page_reports),
    PAGE("GET", "/reports/*", R, ov_page_report),
    PAGE("GET", "/grades", R, ov_page_grades),
    PAGE("GET", "/activities", R, ov_page_activities),
    PAGE("GET", "/meetings", R, ov_page_meetings),
    PAGE("GET", "/meetings/*", R, ov_page_meeting),
    PAGE("POST", "/meetings/*", ED, ov_page_meeting_post),
    PAGE("POST", "/meetings/*/preview", ED, ov_page_meeting_preview),
    PAGE("GET", "/meetings/*/paper", R, ov_page_meeting_paper),
    PAGE("GET", "/export", R, ov_page_export),
    PAGE("GET", "/national", R, ov_page_national),
    PAGE("GET", "/national/reports/*", R, ov_page_national_report),
    PAGE("GET", "/national/grades", R, ov_page_national_grades),
    PAGE("GET", "/accounts", AC, ov_page_accounts),
    PAGE("POST", "/accounts", AC, ov_page_accounts_post),
    PAGE("POST", "/accounts/*/disable", AC, ov_page_account_disable),
    PAGE("POST", "/accounts/*/password", AC, ov_page_account_password),
    API("GET", "/api/v1/session", R, ov_api_session),
    API("GET", "/api/v1/recommendations", R, ov_api_recs),
    API("GET", "/api/v1/recommendations/*", R, ov_api_rec),
    API("POST", "/api/v1/recommendations/*/events", EV, ov_api_rec_events),
    API("GET", "/api/v1/reports", R, ov_api_reports),
    API("GET", "/api/v1/reports/*", R, ov_api_report),
    API("GET", "/api/v1/grades", R, ov_api_grades),
    API("GET", "/api/v1/activities", R, ov_api_activities),
    API("GET", "/api/v1/meetings", R, ov_api_meetings),
    API("GET", "/api/v1/meetings/*", R, ov_api_meeting),
    API("GET", "/api/v1/national/summary", R, ov_api_national_summary),
    API("GET", "/api/v1/national/reports/*", R, ov_api_national_report),
    API("GET", "/api/v1/national/grades", R, ov_api_national_grades),
};
const size_t ov_web_n_routes = sizeof ov_web_routes / sizeof ov_web_routes[0];

/* Does the raw (still %-encoded) path match pattern?  A * matches one
 * non-empty segment, a final ** the non-empty rest; its start and length
 * are returned. */
static bool match(const char *pat, const char *path, const char **seg,
                  size_t *seg_len)
{
	while (*pat && *path) {
		if (pat[0] == '*' && pat[1] == '*') {
			*seg = path;
			*seg_len = strlen(path);
			return pat[2] == '\0';
		}
		if (*pat == '*') {
			const char *end = strchr(path, '/');
			size_t n = end ? (size_t)(end - path) : strlen(path);

			if (n == 0)
				return false;
			*seg = path;
			*seg_len = n;
			path += n;
			pat++;
			continue;
		}
		if (*pat != *path)
			return false;
		pat++;
		path++;
	}
	return *pat == '\0' && *path == '\0';
}

const ov_web_route *ov_web_route_find(const char *method, const char *path,
                                      char **param, bool *path_known)
{
	*param = NULL;
	*path_known = false;
	for (size_t i = 0; i < ov_web_n_routes; i++) {
		const ov_web_route *r = &ov_web_routes[i];
		const char *seg = NULL;
		size_t n = 0;

		if (!match(r->pattern, path, &seg, &n))
			continue;
		if (strcmp(r->method, method) != 0) {
			*path_known = true;
			continue;
		}
		if (seg && ov_web_unescape(seg, n, param) < 0)
			return NULL;
		return r;
	}
	return NULL;
}

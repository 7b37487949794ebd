/* Responses: headers, redirects, JSON bodies and problem statuses. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"
#include "web/http.h"

void ov_web_header(ov_web_resp *r, const char *name, const char *value)
{
	if (r->n_headers == OV_WEB_MAX_HEADERS)
		return;
	r->headers[r->n_headers].name = name;
	r->headers[r->n_headers].value = ov_xstrdup(value);
	r->n_headers++;
}

void ov_web_redirect(ov_web_resp *r, const char *location)
{
	r->status = 303;
	ov_web_header(r, "Location", location);
}

void ov_web_json(ov_web_resp *r, unsigned status, char *text)
{
	r->status = status;
	r->type = "application/json";
	ov_buf_reset(&r->body);
	ov_buf_puts(&r->body, text);
	ov_buf_putc(&r->body, '\n');
	free(text);
}

unsigned ov_web_status(const ov_diag *d)
{
	static const unsigned by_kind[OV_PROB_N] = {
	    [OV_PROB_RUNTIME] = 500,  [OV_PROB_INPUT] = 400,
	    [OV_PROB_NOTFOUND] = 404, [OV_PROB_CONFLICT] = 409,
	    [OV_PROB_UNAUTH] = 401,   [OV_PROB_FORBIDDEN] = 403,
	    [OV_PROB_LIMIT] = 429,
	};
	enum ov_problem_kind k = ov_diag_kind(d);

	return k < OV_PROB_N ? by_kind[k] : 500;
}

void ov_web_json_problems(ov_web_resp *r, const ov_diag *d)
{
	json_t *errs = json_array();

	if (d->n == 0)
		json_array_append_new(errs,
		                      json_pack("{s:s, s:s}", "kind", "runtime",
		                                "what", "the request failed"));
	for (size_t i = 0; i < d->n; i++) {
		const ov_problem *p = &d->p[i];

		json_array_append_new(
		    errs, json_pack("{s:s, s:s?, s:s}", "kind",
		                    ov_problem_kind_code(p->kind), "where",
		                    p->where, "what", p->what));
	}
	json_t *doc = json_pack("{s:o}", "errors", errs);

	ov_web_json(r, ov_web_status(d),
	            json_dumps(doc, JSON_COMPACT | JSON_ENSURE_ASCII));
	json_decref(doc);
}

void ov_web_resp_release(ov_web_resp *r)
{
	if (!r)
		return;
	ov_buf_release(&r->body);
	for (size_t i = 0; i < r->n_headers; i++)
		free(r->headers[i].value);
	free(r->csp_extra);
	memset(r, 0, sizeof *r);
}

/*
 * Fuzz target: ov_extract_parse (src/io/extract.c), the report-text
 * parser, on arbitrary bytes.
 *
 * Properties: it returns 0 or -1; -1 exactly when the input is not UTF-8
 * text (or holds only white space), with a message; on 0 the document has
 * at least one report, every item belongs to one of them, every string
 * it holds is valid UTF-8 (so the JSON writer takes it) and not empty
 * where given, a recommendation's cause link names a cause of concern,
 * an item has text or a finding, and a timescale the register's rules know
 * gives a due date from a publication day.
 */
#include <string.h>

#include "core/timescale.h"
#include "fuzz.h"
#include "io/extract.h"
#include "util/utf8.h"

static void check_str(const char *what, const char *s, bool may_be_null)
{
	if (!s) {
		if (!may_be_null)
			fuzz_fail("%s missing", what);
		return;
	}
	if (!ov_utf8_valid_str(s))
		fuzz_fail("%s is not valid UTF-8", what);
	if (!*s)
		fuzz_fail("%s is empty", what);
}

static bool blank_text(const uint8_t *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr(" \t\r\n\v\f", d[i]) || !d[i])
			return false;
	return true;
}

static void check_item(const ov_xdoc *doc, const ov_xitem *it)
{
	ov_day due;

	if (it->report >= doc->n_reports)
		fuzz_fail("item of report %zu of %zu", it->report,
		          doc->n_reports);
	if (!it->text && !it->finding)
		fuzz_fail("item with neither text nor finding");
	check_str("text", it->text, true);
	check_str("finding", it->finding, true);
	check_str("response", it->response, true);
	check_str("area", it->area, true);
	check_str("number", it->number, true);
	check_str("timescale", it->timescale, true);
	for (size_t k = 0; k < it->n_bullets; k++)
		check_str("bullet", it->bullets[k], false);
	for (size_t k = 0; k < it->n_doubts; k++)
		check_str("doubt", it->doubts[k], false);
	for (size_t k = 0; k < it->n_events; k++) {
		check_str("event text", it->events[k].text, true);
		check_str("event status", it->events[k].status, true);
	}
	if (it->cause && (it->cause > doc->n_items ||
	                  doc->items[it->cause - 1].kind != OV_RK_CAUSE))
		fuzz_fail("cause link %zu is not a cause of concern",
		          it->cause);
	if (it->timescale && it->timescale_known &&
	    ov_timescale_due(it->timescale, ov_date_from_ymd(2020, 1, 1),
	                     &due) != 0)
		fuzz_fail("'%s' known but without a due date", it->timescale);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ov_diag d = OV_DIAG_INIT;
	ov_xdoc *doc = NULL;
	int rc = ov_extract_parse("fuzz", (const char *)data, size, &doc, &d);
	bool text =
	    ov_utf8_valid((const char *)data, size) && !blank_text(data, size);

	if (rc != 0 && rc != -1)
		fuzz_fail("returned %d", rc);
	if ((rc == 0) != text)
		fuzz_fail("returned %d for %s", rc,
		          text ? "text" : "what is not text");
	if (rc == -1 && (doc || d.n != 1))
		fuzz_fail("refused without one message, or with a document");
	if (rc == 0) {
		if (!doc || doc->n_reports == 0)
			fuzz_fail("no report");
		for (size_t i = 0; i < doc->n_reports; i++) {
			check_str("title", doc->reports[i].title, true);
			check_str("short name", doc->reports[i].short_name,
			          true);
		}
		for (size_t i = 0; i < doc->n_items; i++)
			check_item(doc, &doc->items[i]);
	}
	ov_extract_doc_free(doc);
	ov_diag_release(&d);
	return 0;
}

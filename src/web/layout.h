#ifndef OV_WEB_LAYOUT_H
#define OV_WEB_LAYOUT_H
/*
 * The page chrome and the GOV.UK Frontend components the pages use, all
 * written through util/html.h (so every piece of data is escaped).  A
 * page begins with ov_page_begin, writes its content with these and
 * ov_html_* on p->h, and ends with ov_page_end.
 */
#include "util/html.h"
#include "web/http.h"

typedef struct ov_page {
	ov_html h;
	ov_web_req *q;
	ov_web_resp *r;
	const ov_diag *errors; /* the form's problems, shown by the fields */
	/* With several forms on a page, the controls of all but the one
	 * that failed get ids "PREFIX-NAME" (names stay NAME); the failed
	 * one keeps the bare names the error summary links to. */
	const char *id_prefix;
} ov_page;

/* nav: the service navigation item to mark current ("recommendations"),
 * or NULL.  The title is prefixed with "Error: " when errors has any. */
void ov_page_begin(ov_page *p, ov_web_req *q, ov_web_resp *r, const char *title,
                   const char *nav, const ov_diag *errors);
void ov_page_end(ov_page *p);

/* <h1 class="govuk-heading-l">text</h1>, with an optional caption. */
void ov_page_h1(ov_page *p, const char *caption, const char *text);
void ov_page_h2(ov_page *p, const char *text);
void ov_page_para(ov_page *p, const char *text);
/* <a class="govuk-link" href=href>text</a> */
void ov_page_link(ov_page *p, const char *href, const char *text);
/* A fresh href "/base/ENC(id)suffix" (caller frees). */
char *ov_page_href(const char *base, const char *id, const char *suffix);

/* The GOV.UK error summary of p->errors (nothing if none).  Each problem
 * at a field links to #field. */
void ov_page_error_summary(ov_page *p);

/* Form controls.  value: what to show (the user's input after an error);
 * hint may be NULL.  The field's problem, if any, is shown above it.
 * ov_page_form_open opens a POST form with the CSRF token;
 * ov_page_form_close ends any form with its submit button. */
void ov_page_form_open(ov_page *p, const char *action);
void ov_page_form_close(ov_page *p, const char *button, bool secondary);
void ov_page_input(ov_page *p, const char *name, const char *label,
                   const char *type, const char *value, const char *hint);
void ov_page_textarea(ov_page *p, const char *name, const char *label,
                      const char *value, const char *hint);
/* opts: NULL-terminated pairs (value, label). */
void ov_page_select(ov_page *p, const char *name, const char *label,
                    const char *const *opts, const char *selected);
void ov_page_hidden(ov_page *p, const char *name, const char *value);
/* A text input or a select alone in a column of a govuk-grid-row, whose
 * width is "one-third", "one-quarter"... (the filter forms). */
void ov_page_column_input(ov_page *p, const char *width, const char *name,
                          const char *label, const char *value);
void ov_page_column_select(ov_page *p, const char *width, const char *name,
                           const char *label, const char *const *opts,
                           const char *selected);

/* A GOV.UK tag; colour is "grey", "green", "red", "yellow", "blue"...
 * or NULL for the default. */
void ov_page_tag(ov_page *p, const char *text, const char *colour);
/* Tags for a status and a RAG rating (their display names from core). */
void ov_page_status_tag(ov_page *p, enum ov_status s);
void ov_page_rag_tag(ov_page *p, enum ov_rag rag);

/* Summary list: open, rows of key and text, close. */
void ov_page_summary_open(ov_page *p);
void ov_page_summary_row(ov_page *p, const char *key, const char *value);
/* A row whose value the caller writes between _start and _end. */
void ov_page_summary_start(ov_page *p, const char *key);
void ov_page_summary_end(ov_page *p);
void ov_page_summary_close(ov_page *p);

/* A table: caption, then header cells, then rows. */
void ov_page_table_open(ov_page *p, const char *caption,
                        const char *const *heads, size_t n);
/* The same, with the columns from first_num on headed as numbers. */
void ov_page_table_open_num(ov_page *p, const char *caption,
                            const char *const *heads, size_t n,
                            size_t first_num);
void ov_page_row_open(ov_page *p);
void ov_page_cell(ov_page *p, const char *text);
void ov_page_cell_num(ov_page *p, size_t n);
void ov_page_cell_open(ov_page *p);
void ov_page_cell_close(ov_page *p);
void ov_page_row_close(ov_page *p);
void ov_page_table_close(ov_page *p);

/* The rows of a register as the list and a report's page show them:
 * the reference (a link to the recommendation), the report's title
 * (when with_report), area, due date, status and RAG tags and owner; a
 * dash where there is none. */
void ov_page_register_table(ov_page *p, const ov_register *reg,
                            bool with_report);

/* The problem at field name in p->errors, or NULL. */
const char *ov_page_field_error(const ov_page *p, const char *name);

/* The response for a failed request on a page: the status of d and a
 * page saying what is wrong. */
void ov_page_problem(ov_web_req *q, ov_web_resp *r, const char *title,
                     const ov_diag *d);

#endif

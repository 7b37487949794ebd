#ifndef OV_IO_PDFTEXT_H
#define OV_IO_PDFTEXT_H
/*
 * The text of a PDF, through poppler-glib, as io/extract.h reads it:
 * pages separated by '\f', each page in reading order (poppler's, which
 * follows columns), a blank line where the gap between two lines says a
 * paragraph ends, and by position on the page: page numbers and running
 * headers and footers (a line in the top or bottom margin that recurs on
 * another page) left out, and footnote markers (digits set small and
 * raised above their line) dropped.
 */
#include <stddef.h>

#include "util/diag.h"

/* Whether buf starts like a PDF ("%PDF-" within its first 1024 bytes). */
int ov_pdftext_is_pdf(const char *buf, size_t len);

/* The text of the PDF buf[0..len), name used in messages.  Returns 0 with
 * a fresh NUL-terminated UTF-8 string in *text (caller frees) and its
 * length in *n, or -1 with an OV_PROB_INPUT problem at name in d: not a
 * PDF poppler can read, protected by a password (POPPLER_ERROR_ENCRYPTED),
 * no pages, no text (a scan). */
int ov_pdftext_read(const char *name, const char *buf, size_t len, char **text,
                    size_t *n, ov_diag *d);

#endif

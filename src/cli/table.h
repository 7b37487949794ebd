#ifndef OV_CLI_TABLE_H
#define OV_CLI_TABLE_H
/*
 * Plain-text tables for the terminal: columns separated by two spaces,
 * a header row and a rule, every line at most `width` display columns.
 * Widths are counted in UTF-8 code points (one column each; combining
 * marks and wide characters are not special-cased).  When the natural
 * widths do not fit, the columns marked flexible are narrowed (widest
 * first) and their cells cut with an ellipsis "…" on a character boundary,
 * or wrapped onto continuation lines for columns marked to wrap.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct ov_table ov_table;

/* A table with ncols columns titled headers[0..ncols-1] (copied). */
ov_table *ov_table_new(size_t ncols, const char *const *headers);
/* Allow column col to be narrowed to fit. */
void ov_table_flex(ov_table *t, size_t col);
/* Allow column col to be narrowed, wrapping its cells onto further lines
 * at spaces (cutting a word only when it is wider than the column). */
void ov_table_wrap(ov_table *t, size_t col);
/* Add a row of ncols cells (copied; NULL prints as empty).  Newlines,
 * tabs and CRs in a cell print as spaces, other control characters in
 * their visible form (ov_term_text). */
void ov_table_add(ov_table *t, const char *const *cells);
size_t ov_table_rows(const ov_table *t);
/* Print to f within width columns (the last column is not padded). */
void ov_table_print(const ov_table *t, FILE *f, size_t width);
void ov_table_free(ov_table *t);
/* A listing's end: print t to stdout at 80 columns, then "N ONE" or
 * "N MANY" (how many rows, named), and free t. */
void ov_table_done(ov_table *t, const char *one, const char *many);

/*
 * Stored text on a terminal.  Text in the register comes from imports,
 * the web and the command line; printed raw, an escape sequence in it
 * would drive the terminal (recolour, retitle, move the cursor, hide what
 * follows).  Every human-readable output (tables, rec show, summary,
 * grades, messages on stderr) therefore shows control characters in a
 * visible form, always, whether or not the output is a terminal (the same
 * bytes in a pipe reach a pager or a log viewed on one later): a C0
 * control (U+0000-U+001F) or DEL as "\xHH" (ESC is "\x1B"), a C1 control
 * (U+0080-U+009F) as "\u00HH", a byte that is not part of valid UTF-8 as
 * "\xHH".  Newline and tab are kept (a CR just before a newline is
 * dropped); with one_line they become spaces, as a CR does.  Data formats
 * (JSON, CSV, XLSX, the paper) keep the stored bytes: their writers escape
 * or quote by their own rules.
 */
/* The visible form of s (NULL as ""); a fresh string. */
char *ov_term_text(const char *s, bool one_line);
/* ov_term_text(s, false) written to f. */
void ov_term_puts(const char *s, FILE *f);

/* Display width of UTF-8 s: code points, not counting continuation bytes. */
size_t ov_utf8_width(const char *s);
/* s cut to at most width columns, ending in "…" when it was cut (width 0:
 * ""); a fresh string. */
char *ov_utf8_truncate(const char *s, size_t width);

#endif

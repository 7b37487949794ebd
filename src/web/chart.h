#ifndef OV_WEB_CHART_H
#define OV_WEB_CHART_H
/*
 * Charts drawn by the server as inline SVG (through util/html.h, so every
 * label is escaped).  Presentation attributes only: the CSP allows no
 * inline styles.  Each chart is role="img" with the title given as its
 * accessible name; the page puts the table behind it next to it.
 */
#include <stddef.h>

#include "util/date.h"
#include "util/html.h"

/* A line chart of n points (x[i] a day, y[i] a count), with a labelled
 * y axis from 0 and the first, middle and last dates on the x axis. */
void ov_chart_line(ov_html *h, const char *title, const ov_day *x,
                   const size_t *y, size_t n);

/* A grid of rows x cols cells, row and column labelled: cell [r * cols +
 * c] has a short text and a shade, 0 (none, white) to 5 (darkest); text
 * is written dark or light to keep its contrast. */
void ov_chart_grid(ov_html *h, const char *title, const char *const *rows,
                   size_t n_rows, const char *const *cols, size_t n_cols,
                   const char *const *text, const int *shade);

#endif

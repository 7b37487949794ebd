#ifndef OV_IO_JSON_SHAPE_H
#define OV_IO_JSON_SHAPE_H
/*
 * Private to src/io/json_*.c.  The document is described as data by the
 * model's field tables (core/fields.h), so the reader and the writer
 * cannot disagree about names, order, types or which values mean "not
 * given".
 */
#include <stdbool.h>
#include <stddef.h>

#include "core/fields.h"

/* json_fast.c: fills the empty ds from the text when it is a well-formed
 * document of the expected shape and returns true; returns false at the
 * first thing it does not expect (ds then holds a part, to be freed), and
 * the caller reads the text through jansson, which reports the problems. */
struct ov_dataset;
bool ov_json_fast_read(const char *buf, size_t len, struct ov_dataset *ds);

/* ov_json_read_buf() without the fast path: jansson alone.  For the
 * differential fuzz target and tests, which check both paths agree. */
struct ov_diag;
int ov_json_read_slow(const char *name, const char *buf, size_t len,
		      struct ov_dataset **out, struct ov_diag *d);

#endif

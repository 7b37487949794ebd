#ifndef OV_IO_JSON_H
#define OV_IO_JSON_H
/*
 * The "oversight/1" interchange format (docs/format.md), through jansson.
 *
 * Reading checks the document's shape (types, required fields, known keys,
 * enum codes, date syntax and validity) and then its meaning
 * (ov_validate_dataset), appending one OV_PROB_INPUT problem per problem
 * to d, at "FILE: $.path" (a syntax error at "FILE:LINE:COLUMN") and saying
 * what was expected; a file that cannot be read is OV_PROB_RUNTIME.  It
 * builds the whole dataset in memory before anything is written anywhere.
 *
 * Writing is canonical: arrays in ov_dataset_sort() order, object keys in
 * the documented order, two-space indent, dates as YYYY-MM-DD, optional
 * fields omitted when empty, a final newline.  So reading a document and
 * writing it again gives the same bytes once the input was canonical.
 */
#include <stdbool.h>
#include <stdio.h>

#include "core/model.h"
#include "util/diag.h"

#define OV_JSON_FORMAT "oversight/1"
/* Largest document read, in bytes (docs/format.md): 512 MiB, near three
 * times the 100,000-recommendation benchmark's 181 MiB, whose import takes
 * about twice the document in memory.  A larger one is refused as soon as
 * its byte 512 MiB + 1 arrives (before reading, for a regular file); a NUL
 * byte, never in a JSON text, at once. */
#define OV_JSON_MAX_BYTES ((size_t)512 << 20)

/* Parse the document at path ("-" for stdin).  On success returns 0 and a
 * new sorted dataset in *out (caller frees); on failure returns -1, *out is
 * NULL, and d holds every problem found (up to OV_DIAG_MAX). */
int ov_json_read_file(const char *path, ov_dataset **out, ov_diag *d);
/* The same from a buffer; name is used in messages. */
int ov_json_read_buf(const char *name, const char *buf, size_t len,
		     ov_dataset **out, ov_diag *d);

/* Write ds (sorted) canonically to f.  Returns 0, or -1 with a message in d
 * when writing fails. */
int ov_json_write(const ov_dataset *ds, FILE *f, ov_diag *d);

/* Write one entity of shape sh (core/fields.h: a top-level one, or a
 * nested one such as a timeline event) to f as one JSON object, exactly
 * as the canonical document writes it (the same keys, order and absent
 * fields left out) but at no indent and without a final newline: for
 * faces that show an entity inside a response of their own.  Returns 0,
 * or -1 with a runtime problem in d (text that is not UTF-8, a write
 * error). */
struct ov_shape;
int ov_json_write_entity(const struct ov_shape *sh, const void *elem,
			 FILE *f, ov_diag *d);

/* Whether s is valid UTF-8 (no overlong forms, surrogates or values past
 * U+10FFFF), as jansson requires of a string. */
bool ov_json_utf8_valid(const char *s);
/* Write s to f as a JSON string literal, byte for byte as jansson's
 * json_dumps() writes it: only '"', '\\' and control characters
 * escaped (\\uXXXX in upper case for those without a short escape),
 * UTF-8 kept.  Returns 0, or -1 without writing anything if s is not
 * valid UTF-8.  Write errors are left on f (ferror). */
int ov_json_put_string(FILE *f, const char *s);

#endif

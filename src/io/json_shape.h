#ifndef OV_IO_JSON_SHAPE_H
#define OV_IO_JSON_SHAPE_H
/*
 * Private to src/io/json_*.c: the "oversight/1" document described as data.
 * One table per entity lists its keys in canonical order with the type and
 * place of each struct member, so the reader and the writer cannot disagree
 * about names, order, types or which values mean "not given".
 */
#include <stdbool.h>
#include <stddef.h>

enum ov_jf_type {
	OV_JF_STR,   /* char *; NULL: absent */
	OV_JF_DATE,  /* ov_day "YYYY-MM-DD"; OV_DAY_NONE: absent */
	OV_JF_PDATE, /* ov_pdate "YYYY[-MM[-DD]]"; OV_PREC_NONE: absent */
	OV_JF_INT,   /* int in [min, max]; `none` (if has_none): absent */
	OV_JF_BOOL,  /* bool; false: absent */
	OV_JF_ENUM,  /* an enum as its code; code "": absent */
	OV_JF_STRV,  /* char ** with a size_t count; empty: absent */
	OV_JF_OBJV,  /* array of structs (sub shape) with a count; empty: absent */
};

/* Access to one enum through void pointers to the struct member. */
typedef struct ov_json_enum {
	int (*set)(void *member, const char *code); /* 0, or -1 if unknown */
	const char *(*code)(const void *member);    /* "" for NONE or invalid */
	const char *(*codes)(void);                 /* "a, b, c" */
} ov_json_enum;

struct ov_json_shape;

typedef struct ov_json_field {
	const char *key;
	enum ov_jf_type type;
	size_t off;       /* of the member (STRV, OBJV: of the pointer) */
	size_t count_off; /* STRV, OBJV: of the size_t count */
	/* Checked by the reader because the struct cannot tell "absent" from
	 * a default: enums without a NONE value, and the integers that are
	 * always given.  Other required fields are ov_validate_dataset's. */
	bool required;
	int min, max;  /* OV_JF_INT */
	bool has_none; /* OV_JF_INT: `none` means absent */
	int none;
	const ov_json_enum *en;         /* OV_JF_ENUM */
	const struct ov_json_shape *sub; /* OV_JF_OBJV */
} ov_json_field;

typedef struct ov_json_shape {
	const char *what; /* "a recommendation", for messages */
	size_t size;
	void (*init)(void *elem); /* NULL: zero-fill is "nothing given" */
	const ov_json_field *fields;
	size_t n_fields;
} ov_json_shape;

/* A top-level array of the document and where it lives in ov_dataset. */
typedef struct ov_json_table {
	const char *key; /* "recommendations" */
	size_t off;      /* of the array pointer in ov_dataset */
	size_t count_off;
	const ov_json_shape *shape;
} ov_json_table;

/* In document order, after "format". */
extern const ov_json_table ov_json_tables[];
extern const size_t ov_json_n_tables;

/* The field called key in sh, or NULL. */
const ov_json_field *ov_json_field_find(const ov_json_shape *sh,
					const char *key);

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

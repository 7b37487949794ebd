#ifndef OV_CORE_FIELDS_H
#define OV_CORE_FIELDS_H
/*
 * The model described as data: one table per entity lists its fields in
 * canonical order, each with its name, type and place in the struct.
 * Everything that walks an entity field by field works from these tables
 * and nothing else: the oversight/1 reader and writer (io/json_*.c), the
 * stores' binds and column reads (store/), the release functions of
 * core/model.h (defined in core/fields.c, so that model.c does not depend
 * on this file) and the tests' comparisons.  A new field is added here
 * and in the struct, and nowhere else (a store also needs a migration).
 *
 * A field's `key` is its name in the interchange format and, unless `col`
 * says otherwise, its column in a store.  The first field of a top-level
 * entity is its id.  No I/O here.
 */
#include <stdbool.h>
#include <stddef.h>

enum ov_ftype {
	OV_F_STR,   /* char *; NULL: absent */
	OV_F_DATE,  /* ov_day; OV_DAY_NONE: absent */
	OV_F_PDATE, /* ov_pdate "YYYY[-MM[-DD]]"; OV_PREC_NONE: absent */
	OV_F_INT,   /* int in [min, max]; `none` (if has_none): absent */
	OV_F_BOOL,  /* bool; false: absent */
	OV_F_ENUM,  /* an enum as its code; code "": absent */
	OV_F_STRV,  /* char ** with a size_t count; empty: absent */
	OV_F_OBJV,  /* array of structs (sub shape) with a count; empty: absent */
};

/* Access to one enum through void pointers to the struct member. */
typedef struct ov_enum_access {
	int (*set)(void *member, const char *code); /* 0, or -1 if unknown */
	const char *(*code)(const void *member);    /* "" for NONE or invalid */
	const char *(*codes)(void);                 /* "a, b, c" */
} ov_enum_access;

struct ov_shape;

typedef struct ov_field {
	const char *key;
	const char *col;  /* a store's column when not `key` (NULL: key) */
	enum ov_ftype type;
	size_t off;       /* of the member (STRV, OBJV: of the pointer) */
	size_t count_off; /* STRV, OBJV: of the size_t count */
	/* Checked by the reader because the struct cannot tell "absent" from
	 * a default: enums without a NONE value, and the integers that are
	 * always given.  Other required fields are ov_validate_dataset's. */
	bool required;
	int min, max;  /* OV_F_INT */
	bool has_none; /* OV_F_INT: `none` means absent */
	/* OV_F_INT with has_none, OV_F_ENUM: the member's value when nothing
	 * is given (an enum's NONE, or a required enum's default). */
	int none;
	const ov_enum_access *en;   /* OV_F_ENUM */
	const struct ov_shape *sub; /* OV_F_OBJV */
} ov_field;

typedef struct ov_shape {
	const char *what; /* "a recommendation", for messages */
	size_t size;
	const ov_field *fields;
	size_t n_fields;
} ov_shape;

/* A top-level array of a dataset: its key in the document and where it
 * lives in ov_dataset. */
typedef struct ov_entity {
	const char *key; /* "recommendations" */
	size_t off;      /* of the array pointer in ov_dataset */
	size_t count_off;
	const ov_shape *shape;
	/* Left out of a written document when empty (an entity added after
	 * the format's first release: older documents round-trip). */
	bool optional;
} ov_entity;

/* The entities in document (and import) order: forces, people, boards,
 * plans, assessments, reports, recommendations, activities, meetings,
 * layouts. */
extern const ov_entity ov_entities[];
extern const size_t ov_n_entities;
enum ov_entity_id {
	OV_ENT_FORCE, OV_ENT_PERSON, OV_ENT_BOARD, OV_ENT_PLAN,
	OV_ENT_ASSESSMENT, OV_ENT_REPORT, OV_ENT_REC, OV_ENT_ACTIVITY,
	OV_ENT_MEETING, OV_ENT_LAYOUT, OV_ENT_N
};

/* The array of entity t in ds (borrowed; elements t->shape->size bytes
 * each) and its number of elements. */
struct ov_dataset;
void *ov_entity_array(const ov_entity *t, const struct ov_dataset *ds);
size_t ov_entity_count(const ov_entity *t, const struct ov_dataset *ds);

/* The shapes, top-level and nested. */
extern const ov_shape ov_shape_force, ov_shape_person, ov_shape_board,
	ov_shape_plan, ov_shape_question, ov_shape_assessment,
	ov_shape_report, ov_shape_event, ov_shape_rec, ov_shape_activity,
	ov_shape_review, ov_shape_meeting, ov_shape_pillar, ov_shape_section,
	ov_shape_layout;

/* The field called key in sh, or NULL. */
const ov_field *ov_field_find(const ov_shape *sh, const char *key);
/* The column name of f in a store. */
const char *ov_field_col(const ov_field *f);
/* The member f describes in elem. */
void *ov_field_ptr(const ov_field *f, void *elem);
const void *ov_field_cptr(const ov_field *f, const void *elem);
/* The id of a top-level entity (its first field, a string), borrowed. */
const char *ov_shape_id(const ov_shape *sh, const void *elem);

/* Set elem to "nothing given": zeroes, then each date OV_DAY_NONE or
 * OV_PDATE_NONE, each optional count and enum its `none`. */
void ov_shape_init(const ov_shape *sh, void *elem);
/* Free every string and array elem owns, recursively; not elem itself.
 * Leaves the members NULL and counts 0.  NULL elem is fine. */
void ov_shape_release(const ov_shape *sh, void *elem);

/* Called once per difference found by ov_shape_diff with the path of the
 * value ("timeline[2].basis") and both values as short text. */
typedef void ov_diff_fn(const char *path, const char *a, const char *b,
			void *ctx);
/* Compare a and b field by field (recursively); returns the number of
 * differences, each passed to say (which may be NULL). */
size_t ov_shape_diff(const ov_shape *sh, const void *a, const void *b,
		     ov_diff_fn *say, void *ctx);

#endif

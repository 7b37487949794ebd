#include "core/enums.h"

#include <stddef.h>
#include <string.h>

#define CODE(name, code, label) code,
#define LABEL(name, code, label) label,
#define JOIN(name, code, label) ", " code

/* Defines the four functions of an enum whose members run from 0 up. */
#define OV_ENUM_DEFINE(E, LIST)                                               \
	static const char *const E##_codes_t[] = {LIST(CODE)};                \
	static const char *const E##_labels_t[] = {LIST(LABEL)};              \
	enum { E##_n = sizeof E##_codes_t / sizeof E##_codes_t[0] };          \
	const char *ov_##E##_code(enum ov_##E v)                              \
	{                                                                     \
		return (int)v >= 0 && (int)v < E##_n ? E##_codes_t[v] : "";   \
	}                                                                     \
	const char *ov_##E##_label(enum ov_##E v)                             \
	{                                                                     \
		return (int)v >= 0 && (int)v < E##_n ? E##_labels_t[v] : "";  \
	}                                                                     \
	int ov_##E##_parse(const char *code, enum ov_##E *out)                \
	{                                                                     \
		for (int i = 0; code && i < E##_n; i++)                       \
			if (strcmp(code, E##_codes_t[i]) == 0) {              \
				*out = (enum ov_##E)i;                        \
				return 0;                                     \
			}                                                     \
		return -1;                                                    \
	}                                                                     \
	const char *ov_##E##_codes(void)                                      \
	{                                                                     \
		return &(LIST(JOIN))[2];                                      \
	}

OV_ENUM_DEFINE(status, OV_STATUS_LIST)
OV_ENUM_DEFINE(rag, OV_RAG_LIST)
OV_ENUM_DEFINE(event_kind, OV_EVENT_LIST)
OV_ENUM_DEFINE(rec_kind, OV_REC_KIND_LIST)
OV_ENUM_DEFINE(addressee, OV_ADDRESSEE_LIST)
OV_ENUM_DEFINE(report_kind, OV_REPORT_KIND_LIST)
OV_ENUM_DEFINE(style, OV_STYLE_LIST)
OV_ENUM_DEFINE(grade, OV_GRADE_LIST)
OV_ENUM_DEFINE(scale, OV_SCALE_LIST)
OV_ENUM_DEFINE(activity_kind, OV_ACTIVITY_KIND_LIST)
OV_ENUM_DEFINE(precision, OV_PRECISION_LIST)
OV_ENUM_DEFINE(section, OV_SECTION_LIST)

int ov_addressee_is_national(enum ov_addressee a)
{
	return a != OV_AD_FORCE && a != OV_AD_ALL_FORCES;
}

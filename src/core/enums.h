#ifndef OV_CORE_ENUMS_H
#define OV_CORE_ENUMS_H
/*
 * The model's enumerations, each with two string tables: a `code` (the
 * stable lower-case word used in JSON, SQL and the command line) and a
 * `label` (the inspectorate's own words, shown to people).
 *
 * For each enum E:
 *   const char *ov_E_code(enum E v);   static string; "" if v is out of range
 *   const char *ov_E_label(enum E v);  static string; "" if v is out of range
 *   int ov_E_parse(const char *code, enum E *out);  0, or -1 if unknown
 *   const char *ov_E_codes(void);      "a, b, c" for error messages
 */

/* Status of a recommendation, in HMICFRS's words.  NONE: as at the date
 * asked, the recommendation did not yet exist. */
#define OV_STATUS_LIST(X)                                                     \
	X(OV_STATUS_OPEN, "open", "Open")                                     \
	X(OV_STATUS_PROPOSED, "closure-proposed", "Closure proposed")         \
	X(OV_STATUS_CLOSED, "closed", "Closed")                               \
	X(OV_STATUS_SUPERSEDED, "superseded", "Superseded")                   \
	X(OV_STATUS_NA, "not-applicable", "Not applicable")

#define OV_RAG_LIST(X)                                                        \
	X(OV_RAG_RED, "red", "Red")                                           \
	X(OV_RAG_AMBER, "amber", "Amber")                                     \
	X(OV_RAG_GREEN, "green", "Green")

/* Timeline events.  Each sets at most one derived field (see core/fold.h). */
#define OV_EVENT_LIST(X)                                                      \
	X(OV_EV_CREATED, "created", "Created")                                \
	X(OV_EV_UPDATE, "update", "Progress update")                          \
	X(OV_EV_RAG, "rag", "RAG set")                                        \
	X(OV_EV_OWNER, "owner", "Owner set")                                  \
	X(OV_EV_PROPOSED, "closure-proposed", "Closure proposed")             \
	X(OV_EV_CLOSED, "closed", "Closed by HMICFRS")                        \
	X(OV_EV_REOPENED, "reopened", "Reopened")                             \
	X(OV_EV_SUPERSEDED, "superseded", "Superseded")                       \
	X(OV_EV_NA, "not-applicable", "Not applicable to this force")         \
	X(OV_EV_TARGET, "target-revised", "Target revised")

#define OV_REC_KIND_LIST(X)                                                   \
	X(OV_RK_CAUSE, "cause-of-concern", "Cause of concern")                \
	X(OV_RK_REC, "recommendation", "Recommendation")                      \
	X(OV_RK_AFI, "afi", "Area for improvement")

/* Who must act.  FORCE: this force alone; ALL_FORCES: every force (held in
 * each force's register); the rest are national bodies. */
#define OV_ADDRESSEE_LIST(X)                                                  \
	X(OV_AD_FORCE, "force", "This force")                                 \
	X(OV_AD_ALL_FORCES, "all-forces", "All forces")                       \
	X(OV_AD_NCA, "nca", "National Crime Agency")                          \
	X(OV_AD_COLLEGE, "college-of-policing", "College of Policing")        \
	X(OV_AD_HOME_OFFICE, "home-office", "Home Office")                    \
	X(OV_AD_NPCC, "npcc", "National Police Chiefs' Council")              \
	X(OV_AD_CPS, "cps", "Crown Prosecution Service")                      \
	X(OV_AD_OTHER, "other-national", "Other national body")

#define OV_REPORT_KIND_LIST(X)                                                \
	X(OV_REP_PEEL, "peel", "PEEL inspection")                             \
	X(OV_REP_THEMATIC, "thematic", "Thematic inspection")                 \
	X(OV_REP_JOINT, "joint", "Joint inspection")                          \
	X(OV_REP_NATIONAL, "national", "National inspection")                 \
	X(OV_REP_FORCE, "force", "Force inspection")                          \
	X(OV_REP_SPOTLIGHT, "spotlight", "Spotlight report")                  \
	X(OV_REP_REVISIT, "revisit", "Re-visit")                              \
	X(OV_REP_OTHER, "other", "Other")

/* How a report is written: numbered recommendations, or per area an
 * HMICFRS finding and the force's response. */
#define OV_STYLE_LIST(X)                                                      \
	X(OV_STYLE_RECS, "recommendations", "Recommendations")                \
	X(OV_STYLE_FINDINGS, "findings", "Findings and response")

/* PEEL grades.  NONE (not in the table, code "") means the assessment did
 * not inspect the question: the last earlier grade is carried forward. */
#define OV_GRADE_LIST(X)                                                      \
	X(OV_GRADE_OUTSTANDING, "outstanding", "Outstanding")                 \
	X(OV_GRADE_GOOD, "good", "Good")                                      \
	X(OV_GRADE_ADEQUATE, "adequate", "Adequate")                          \
	X(OV_GRADE_RI, "requires-improvement", "Requires improvement")        \
	X(OV_GRADE_INADEQUATE, "inadequate", "Inadequate")                    \
	X(OV_GRADE_TBI, "to-be-inspected", "To be inspected")                 \
	X(OV_GRADE_NOT_GRADED, "not-graded", "Not graded")                    \
	X(OV_GRADE_AWAITED, "awaited", "Inspected, grade awaited")

/* PEEL grading scales: four grades 2014-2019, five (with Adequate) from
 * 2021. */
#define OV_SCALE_LIST(X)                                                      \
	X(OV_SCALE_PEEL2014, "peel-2014", "PEEL 2014-2019 (four grades)")     \
	X(OV_SCALE_PEEL2021, "peel-2021", "PEEL 2021 on (five grades)")

#define OV_ACTIVITY_KIND_LIST(X)                                              \
	X(OV_ACT_INSIGHT, "insight-visit", "Insight visit")                   \
	X(OV_ACT_OBSERVATION, "observation", "Observation")                   \
	X(OV_ACT_FILE_REVIEW, "file-review", "File review")                   \
	X(OV_ACT_INTERVIEW, "interview", "Interview")                         \
	X(OV_ACT_AUDIT, "audit", "Audit")                                     \
	X(OV_ACT_FIELDWORK, "fieldwork", "Fieldwork")                         \
	X(OV_ACT_OTHER, "other", "Other")

/* How much of an event's date is known: NONE (code ""), the day; MONTH or
 * YEAR, the date is the first day of that month or year. */
#define OV_PRECISION_LIST(X)                                                  \
	X(OV_PRECISION_MONTH, "month", "Month")                               \
	X(OV_PRECISION_YEAR, "year", "Year")

/* A section of a committee paper (paper/build.c, docs/format.md). */
#define OV_SECTION_LIST(X)                                                    \
	X(OV_SEC_HEADING, "heading", "Heading")                               \
	X(OV_SEC_PURPOSE, "purpose", "Purpose of report")                     \
	X(OV_SEC_BACKGROUND, "background", "Background")                      \
	X(OV_SEC_PEEL, "peel", "PEEL table")                                  \
	X(OV_SEC_CLOSURES, "closures", "Closures since the last meeting")     \
	X(OV_SEC_ACTIVITIES, "activities", "Inspections completed")           \
	X(OV_SEC_FORTHCOMING, "forthcoming", "Forthcoming inspections")       \
	X(OV_SEC_RECEIVED, "received", "Reports received")                    \
	X(OV_SEC_RED, "red", "Recommendations graded Red")                    \
	X(OV_SEC_COUNTS, "status-counts", "Status counts")                    \
	X(OV_SEC_TIMELINE, "timeline", "Closedown timeline")                  \
	X(OV_SEC_OVERDUE, "overdue", "Past their target")                     \
	X(OV_SEC_DUE_SOON, "due-soon", "Due before the next meeting")         \
	X(OV_SEC_OVERVIEW, "overview", "Overview of activity by report")      \
	X(OV_SEC_REVIEWS, "reviews", "Reports for review")                    \
	X(OV_SEC_RECOMMENDATIONS, "recommendations", "Recommendations")       \
	X(OV_SEC_CONTACT, "contact", "Contact officer")                       \
	X(OV_SEC_DOCUMENTS, "documents", "Background documents")

#define OV_ENUM_MEMBER(name, code, label) name,

enum ov_status { OV_STATUS_NONE = -1, OV_STATUS_LIST(OV_ENUM_MEMBER) };
enum ov_rag { OV_RAG_NONE = -1, OV_RAG_LIST(OV_ENUM_MEMBER) };
enum ov_event_kind { OV_EVENT_LIST(OV_ENUM_MEMBER) };
enum ov_rec_kind { OV_REC_KIND_LIST(OV_ENUM_MEMBER) };
enum ov_addressee { OV_ADDRESSEE_LIST(OV_ENUM_MEMBER) };
enum ov_report_kind { OV_REPORT_KIND_LIST(OV_ENUM_MEMBER) };
enum ov_style { OV_STYLE_LIST(OV_ENUM_MEMBER) };
enum ov_grade { OV_GRADE_NONE = -1, OV_GRADE_LIST(OV_ENUM_MEMBER) };
enum ov_scale { OV_SCALE_LIST(OV_ENUM_MEMBER) };
enum ov_activity_kind { OV_ACTIVITY_KIND_LIST(OV_ENUM_MEMBER) };
enum ov_precision { OV_PRECISION_NONE = -1, OV_PRECISION_LIST(OV_ENUM_MEMBER) };
enum ov_section { OV_SECTION_LIST(OV_ENUM_MEMBER) };

#define OV_ENUM_DECL(E)                                                       \
	const char *ov_##E##_code(enum ov_##E v);                             \
	const char *ov_##E##_label(enum ov_##E v);                            \
	int ov_##E##_parse(const char *code, enum ov_##E *out);               \
	const char *ov_##E##_codes(void);

OV_ENUM_DECL(status)
OV_ENUM_DECL(rag)
OV_ENUM_DECL(event_kind)
OV_ENUM_DECL(rec_kind)
OV_ENUM_DECL(addressee)
OV_ENUM_DECL(report_kind)
OV_ENUM_DECL(style)
OV_ENUM_DECL(grade)
OV_ENUM_DECL(scale)
OV_ENUM_DECL(activity_kind)
OV_ENUM_DECL(precision)
OV_ENUM_DECL(section)

/* True for the national bodies (not FORCE or ALL_FORCES). */
int ov_addressee_is_national(enum ov_addressee a);

#endif

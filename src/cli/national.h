#ifndef OV_CLI_NATIONAL_H
#define OV_CLI_NATIONAL_H
/*
 * The national view on the command line (app/national.h): how `summary
 * --by-force`, `reports --across-forces REPORT` and `grades
 * --across-forces` print their results, as a table, JSON or CSV.  Shared
 * by the three commands; each prints to standard output.
 */
#include "app/national.h"

enum ov_nat_fmt { OV_NAT_TABLE, OV_NAT_JSON, OV_NAT_CSV };

/* "table", "json", "csv", NULL: the --format choices, in enum order. */
extern const char *const ov_nat_formats[];

void ov_nat_print_summary(const ov_national_summary *s, enum ov_nat_fmt f);
void ov_nat_print_report(const ov_national_report *r, enum ov_nat_fmt f);
void ov_nat_print_grades(const ov_national_grades *g, enum ov_nat_fmt f);

#endif

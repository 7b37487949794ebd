#ifndef OV_STORE_SQLITE_SCHEMA_H
#define OV_STORE_SQLITE_SCHEMA_H
/* Private to the SQLite backend: the schema as numbered migrations. */
#include "store/sqlite/sq.h"

/* Newest schema version the code knows (number of migrations). */
int sq_schema_latest(void);
/* Apply the migrations the database lacks, each in its own write
 * transaction; refuse a database newer than this program. */
ov_store_rc sq_migrate(sq *s, ov_diag *d);
/* The database's schema version, -1 if it cannot be read. */
int sq_schema_version(sq *s);

#endif

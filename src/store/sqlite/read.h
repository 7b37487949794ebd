#ifndef OV_STORE_SQLITE_READ_H
#define OV_STORE_SQLITE_READ_H
/* Private to the SQLite backend: loads, point reads and counts, with the
 * contracts of ov_store_load, _get, _exists and _count (store/store.h);
 * impl is the backend's sq handle. */
#include "store/types.h"

ov_store_rc sq_load(void *impl, const char *force, unsigned what,
		    ov_dataset *ds, ov_diag *d);
ov_store_rc sq_get(void *impl, enum ov_entity_id ent, const char *id,
		   void *out, ov_diag *d);
ov_store_rc sq_exists(void *impl, enum ov_entity_id ent, const char *id,
		      ov_diag *d);
ov_store_rc sq_count(void *impl, ov_store_counts *out, ov_diag *d);

#endif

#ifndef OV_STORE_SQLITE_WRITE_H
#define OV_STORE_SQLITE_WRITE_H
/* Private to the SQLite backend: import, append and replacing a meeting,
 * with the contracts of ov_store_import, ov_store_rec_append and
 * ov_store_meeting_replace (store/store.h). */
#include "store/types.h"

ov_store_rc sq_import(void *impl, const ov_dataset *ds, const ov_day *due,
		      const ov_store_derived *derived, bool replace,
		      void (*progress)(size_t, size_t, void *), void *arg,
		      ov_diag *d);
ov_store_rc sq_rec_append(void *impl, const char *ref, size_t n_before,
			  const ov_event *evs, size_t n,
			  const ov_store_derived *derived, ov_diag *d);
ov_store_rc sq_meeting_replace(void *impl, const ov_meeting *m,
			       ov_diag *d);

#endif

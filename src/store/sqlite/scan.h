#ifndef OV_STORE_SQLITE_SCAN_H
#define OV_STORE_SQLITE_SCAN_H
/* Private to the SQLite backend: streaming the recommendations, with the
 * contract of ov_store_scan_recs (store/store.h). */
#include "store/sqlite/sq.h"
#include "store/types.h"

/* The scan inside the caller's transaction (a rebuild's write one). */
ov_store_rc sq_scan_run(sq *s, const ov_store_scan *q, ov_store_rec_fn *fn,
			void *ctx, ov_diag *d);
ov_store_rc sq_scan_recs(void *impl, const ov_store_scan *q,
			 ov_store_rec_fn *fn, void *ctx, ov_diag *d);

#endif

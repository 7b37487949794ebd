/* The rendered-content cache: a small table under one read-write lock. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"
#include "web/cache.h"

typedef struct entry {
	char *key;
	uint64_t gen;
	ov_day day;
	char *data;
	size_t n;
	unsigned long used; /* for replacing the least recently used */
} entry;

static pthread_rwlock_t mu = PTHREAD_RWLOCK_INITIALIZER;
static entry table[OV_WEB_CACHE_N];
static unsigned long clock_;

static bool current(ov_web_req *q, uint64_t *gen)
{
	ov_diag d = OV_DIAG_INIT;
	int rc = ov_app_generation(q->app, gen, &d);

	ov_diag_release(&d);
	return rc == 0;
}

bool ov_web_cache_get(ov_web_req *q, const char *key, ov_buf *out)
{
	uint64_t gen;
	bool hit = false;

	if (!current(q, &gen))
		return false;
	/* Readers copy out at the same time; only a put excludes them. */
	pthread_rwlock_rdlock(&mu);
	for (size_t i = 0; i < OV_WEB_CACHE_N; i++) {
		entry *e = &table[i];

		if (e->key && e->gen == gen && e->day == q->today &&
		    strcmp(e->key, key) == 0) {
			ov_buf_add(out, e->data, e->n);
			__atomic_store_n(
			    &e->used,
			    __atomic_add_fetch(&clock_, 1, __ATOMIC_RELAXED),
			    __ATOMIC_RELAXED);
			hit = true;
			break;
		}
	}
	pthread_rwlock_unlock(&mu);
	return hit;
}

void ov_web_cache_put(ov_web_req *q, const char *key, const char *data,
                      size_t n)
{
	uint64_t gen;
	entry *victim = &table[0];

	if (n > OV_WEB_CACHE_MAX || !current(q, &gen))
		return;
	pthread_rwlock_wrlock(&mu);
	for (size_t i = 0; i < OV_WEB_CACHE_N; i++) {
		entry *e = &table[i];

		if (e->key && strcmp(e->key, key) == 0) {
			victim = e;
			break;
		}
		if (!e->key || e->used < victim->used)
			victim = e;
	}
	free(victim->key);
	free(victim->data);
	victim->key = ov_xstrdup(key);
	victim->data = ov_xmalloc(n ? n : 1);
	memcpy(victim->data, data, n);
	victim->n = n;
	victim->gen = gen;
	victim->day = q->today;
	victim->used = __atomic_add_fetch(&clock_, 1, __ATOMIC_RELAXED);
	pthread_rwlock_unlock(&mu);
}

void ov_web_cache_clear(void)
{
	pthread_rwlock_wrlock(&mu);
	for (size_t i = 0; i < OV_WEB_CACHE_N; i++) {
		free(table[i].key);
		free(table[i].data);
		memset(&table[i], 0, sizeof table[i]);
	}
	pthread_rwlock_unlock(&mu);
}

#ifndef OV_WEB_WEB_H
#define OV_WEB_WEB_H
/*
 * The web face: the register as a web application on libmicrohttpd.
 * This header is what the command line needs to start it; the rest of
 * src/web is private (web/http.h).
 */
#include <stddef.h>

#include "util/diag.h"

typedef struct ov_web_config {
	const char *db;       /* the register (as --db) */
	const char *listen;   /* "HOST:PORT"; port 0 picks a free one */
	const char *assets;   /* directory served at /assets/ */
	const char *tls_cert; /* PEM files: both or neither */
	const char *tls_key;
	unsigned max_conns;    /* connections at once */
	unsigned max_per_ip;   /* of them from one address */
	unsigned idle_timeout; /* seconds a quiet connection is kept */
	size_t max_body;       /* bytes of a request body (else 413) */
	size_t conn_memory;    /* bytes libmicrohttpd keeps per connection */
	int access_log;        /* a line per request on stderr */
	unsigned threads;      /* 0: a thread per connection; else a pool
	                        * of that many threads polling them */
} ov_web_config;

/* The defaults (also printed by `serve --help`). */
#define OV_WEB_LISTEN "127.0.0.1:8080"
#define OV_WEB_MAX_CONNS 256
#define OV_WEB_MAX_PER_IP 128
#define OV_WEB_IDLE 30
#define OV_WEB_MAX_BODY 262144
#define OV_WEB_CONN_MEMORY 65536
#define OV_WEB_THREADS 0
/* Database pages a handle of the pool keeps in memory, in bytes. */
#define OV_WEB_HANDLE_MEMORY 1048576

void ov_web_config_init(ov_web_config *c);

/* Serve until SIGINT or SIGTERM, then let requests in flight finish and
 * close every database handle.  Prints "oversight: serving URL" on
 * standard output once listening.  0 after a clean stop, or -1 with a
 * problem in d (cannot listen, bad TLS files, no such database). */
int ov_web_serve(const ov_web_config *c, ov_diag *d);

#endif

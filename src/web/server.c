/*
 * The server: libmicrohttpd in thread-per-connection mode.  Each request
 * borrows a database handle from a pool (one handle is only ever used by
 * one thread at a time), is routed, has its session, role and CSRF token
 * checked here, once, and goes to its handler.  Every response gets the
 * security headers.  SIGINT and SIGTERM stop the daemon, which waits for
 * requests in flight, then the pool is closed.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "util/date.h"
#include "util/file.h"
#include "util/mem.h"
#include "web/cache.h"
#include "web/http.h"
#include "web/web.h"

void ov_web_config_init(ov_web_config *c)
{
	memset(c, 0, sizeof *c);
	c->listen = OV_WEB_LISTEN;
	c->max_conns = OV_WEB_MAX_CONNS;
	c->max_per_ip = OV_WEB_MAX_PER_IP;
	c->idle_timeout = OV_WEB_IDLE;
	c->max_body = OV_WEB_MAX_BODY;
	c->conn_memory = OV_WEB_CONN_MEMORY;
	c->threads = OV_WEB_THREADS;
}

/* ---- the handle pool ---- */

typedef struct pool {
	pthread_mutex_t mu;
	ov_app **free;
	size_t n, cap;
	const char *db;
} pool;

/* A handle with the server's memory budget per handle. */
static int open_handle(const char *db, ov_app **out, ov_diag *d)
{
	if (ov_app_open(db, out, d) < 0)
		return -1;
	if (ov_app_limit_memory(*out, OV_WEB_HANDLE_MEMORY, d) < 0) {
		ov_app_close(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

static ov_app *pool_take(pool *p, ov_diag *d)
{
	ov_app *a = NULL;

	pthread_mutex_lock(&p->mu);
	if (p->n)
		a = p->free[--p->n];
	pthread_mutex_unlock(&p->mu);
	if (!a && open_handle(p->db, &a, d) < 0)
		return NULL;
	return a;
}

static void pool_give(pool *p, ov_app *a)
{
	if (!a)
		return;
	pthread_mutex_lock(&p->mu);
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 16;
		p->free = ov_xrealloc(p->free, p->cap * sizeof *p->free);
	}
	p->free[p->n++] = a;
	pthread_mutex_unlock(&p->mu);
}

static void pool_release(pool *p)
{
	for (size_t i = 0; i < p->n; i++)
		ov_app_close(p->free[i]);
	free(p->free);
	pthread_mutex_destroy(&p->mu);
}

/* ---- one request ---- */

typedef struct server {
	const ov_web_config *cfg;
	pool pool;
	struct MHD_Daemon *mhd;
} server;

typedef struct conn_req {
	ov_buf body;
	bool too_big;
	struct timespec start;
} conn_req;

/* The CSP of every page: scripts from here and the one inline js-enabled
 * snippet of the GOV.UK template (by its hash); no inline styles. */
#define OV_JS_ENABLED_HASH                                                     \
	"'sha256-GUQ5ad8JK5KmEWmROf3LZd9ge94daqNvd8xy9YS1iDw='"
static const char csp_base[] =
    "default-src 'self'; script-src 'self' " OV_JS_ENABLED_HASH
    "%s; style-src 'self'%s; img-src 'self' data:; font-src 'self'; "
    "form-action 'self'; base-uri 'none'; object-src 'none'; "
    "frame-ancestors 'none'";

static void add_security_headers(struct MHD_Response *m, const ov_web_resp *r,
                                 bool tls)
{
	char *csp =
	    ov_xasprintf(csp_base, "", r->csp_extra ? r->csp_extra : "");

	MHD_add_response_header(m, "Content-Security-Policy", csp);
	free(csp);
	MHD_add_response_header(m, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(m, "X-Frame-Options", "DENY");
	MHD_add_response_header(m, "Referrer-Policy", "same-origin");
	MHD_add_response_header(m, "Cross-Origin-Opener-Policy", "same-origin");
	if (tls)
		MHD_add_response_header(m, "Strict-Transport-Security",
		                        "max-age=31536000");
	MHD_add_response_header(m, "Cache-Control",
	                        r->cache ? "public, max-age=3600" : "no-store");
}

static enum MHD_Result send_resp(struct MHD_Connection *con, ov_web_resp *r,
                                 bool tls)
{
	size_t len = r->body.len;
	char *data = ov_buf_detach(&r->body);
	struct MHD_Response *m = MHD_create_response_from_buffer(
	    len, data ? data : ov_xstrdup(""), MHD_RESPMEM_MUST_FREE);
	enum MHD_Result ret;

	if (!m)
		return MHD_NO;
	MHD_add_response_header(m, "Content-Type",
	                        r->type ? r->type : "text/html; charset=utf-8");
	for (size_t i = 0; i < r->n_headers; i++)
		MHD_add_response_header(m, r->headers[i].name,
		                        r->headers[i].value);
	add_security_headers(m, r, tls);
	ret = MHD_queue_response(con, r->status ? r->status : 200, m);
	MHD_destroy_response(m);
	return ret;
}

/* A plain error for what never reaches a handler (413, 405, 400). */
static void plain_error(ov_web_resp *r, enum ov_web_face face, unsigned status,
                        const char *what)
{
	ov_diag d = OV_DIAG_INIT;

	r->status = status;
	if (face == OV_WEB_API) {
		ov_diag_at(&d, OV_PROB_INPUT, NULL, "%s", what);
		ov_web_json_problems(r, &d);
		r->status = status;
		ov_diag_release(&d);
		return;
	}
	r->type = "text/plain; charset=utf-8";
	ov_buf_printf(&r->body, "%u %s\n", status, what);
}

static enum MHD_Result collect_kv(void *cls, enum MHD_ValueKind kind,
                                  const char *key, size_t key_size,
                                  const char *value, size_t value_size)
{
	ov_buf *raw = cls;

	(void)kind;
	/* Rebuild the raw query (the unescape callback left it encoded) so
	 * that one parser decodes and checks query and form alike. */
	if (raw->len)
		ov_buf_putc(raw, '&');
	ov_buf_add(raw, key, key_size);
	if (value) {
		ov_buf_putc(raw, '=');
		ov_buf_add(raw, value, value_size);
	}
	return MHD_YES;
}

static const char *header(struct MHD_Connection *con, enum MHD_ValueKind k,
                          const char *name)
{
	return MHD_lookup_connection_value(con, k, name);
}

static void client_addr(struct MHD_Connection *con, char *buf, size_t n)
{
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(con, MHD_CONNECTION_INFO_CLIENT_ADDRESS);

	snprintf(buf, n, "unknown");
	if (!ci || !ci->client_addr)
		return;
	getnameinfo(ci->client_addr,
	            ci->client_addr->sa_family == AF_INET6
	                ? sizeof(struct sockaddr_in6)
	                : sizeof(struct sockaddr_in),
	            buf, (socklen_t)n, NULL, 0, NI_NUMERICHOST);
}

/* Session, role and CSRF checks for a signed-in route; 0 to go on, or -1
 * with the response filled in. */
static int gate(ov_web_req *q, const ov_web_route *rt, ov_session *sess,
                const char *cookie, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	int rc = -1;

	if (!cookie || ov_app_session(q->app, cookie, q->now, sess, &d) < 0) {
		if (rt->face == OV_WEB_API) {
			ov_diag_release(&d);
			ov_diag_at(&d, OV_PROB_UNAUTH, NULL, "sign in first");
			ov_web_json_problems(r, &d);
		} else {
			ov_buf to = OV_BUF_INIT;

			ov_buf_puts(&to, "/login?next=");
			ov_web_urlenc(&to, q->path);
			ov_web_redirect(r, ov_buf_str(&to));
			ov_buf_release(&to);
		}
		goto out;
	}
	q->sess = sess;
	if (ov_app_authorize(q->app, &sess->who, rt->right, q->param, &d) < 0)
		goto refused;
	if (strcmp(q->method, "POST") == 0) {
		const char *tok = rt->face == OV_WEB_API
		                      ? q->csrf_header
		                      : ov_kvs_get(&q->form, "csrf");

		if (!tok || !ov_session_csrf_ok(sess, tok)) {
			ov_diag_at(&d, OV_PROB_FORBIDDEN, "csrf",
			           "the form's security token is missing or "
			           "wrong; reload the page and try again");
			goto refused;
		}
	}
	rc = 0;
	goto out;
refused:
	if (rt->face == OV_WEB_API) {
		ov_web_json_problems(r, &d);
	} else {
		r->status = ov_web_status(&d);
		r->type = "text/plain; charset=utf-8";
		for (size_t i = 0; i < d.n; i++)
			ov_buf_printf(&r->body, "%s\n", d.msg[i]);
	}
out:
	ov_diag_release(&d);
	return rc;
}

static bool is_form(const char *ct)
{
	return ct && strncmp(ct, "application/x-www-form-urlencoded", 33) == 0;
}

static void dispatch(server *sv, struct MHD_Connection *con, const char *url,
                     const char *method, conn_req *cr, ov_web_resp *r)
{
	ov_web_req q = {0};
	ov_session sess;
	ov_buf raw = OV_BUF_INIT;
	ov_diag d = OV_DIAG_INIT;
	char addr[64], *param = NULL;
	bool known = false;
	const ov_web_route *rt;
	const char *cookie;

	memset(&sess, 0, sizeof sess);
	q.method = method;
	q.cfg = sv->cfg;
	q.tls = sv->cfg->tls_cert != NULL;
	q.now = (int64_t)time(NULL);
	q.today = ov_date_today();
	client_addr(con, addr, sizeof addr);
	q.addr = addr;
	rt = ov_web_route_find(method, url, &param, &known);
	q.param = param;
	if (!rt) {
		enum ov_web_face face =
		    strncmp(url, "/api/", 5) == 0 ? OV_WEB_API : OV_WEB_PAGE;

		if (known)
			ov_web_header(r, "Allow",
			              strcmp(method, "GET") ? "GET" : "POST");
		plain_error(r, face, known ? 405 : 404,
		            known ? "method not allowed" : "no such page");
		goto out;
	}
	if (cr->too_big) {
		plain_error(r, rt->face, 413, "the request body is too large");
		goto out;
	}
	if (ov_web_unescape(url, strlen(url), (char **)&q.path) < 0) {
		plain_error(r, rt->face, 400, "the path is not valid UTF-8");
		goto out;
	}
	MHD_get_connection_values_n(con, MHD_GET_ARGUMENT_KIND, collect_kv,
	                            &raw);
	q.content_type = header(con, MHD_HEADER_KIND, "Content-Type");
	q.body = cr->body.len ? ov_buf_str(&cr->body) : NULL;
	q.body_len = cr->body.len;
	if (ov_kvs_parse(raw.data ? raw.data : "", raw.len, &q.query, &d) < 0 ||
	    (is_form(q.content_type) &&
	     ov_kvs_parse(cr->body.data ? cr->body.data : "", cr->body.len,
	                  &q.form, &d) < 0)) {
		if (rt->face == OV_WEB_API) {
			ov_web_json_problems(r, &d);
		} else {
			plain_error(r, rt->face, 400, d.n ? d.msg[0] : "bad");
		}
		goto out;
	}
	q.csrf_header = header(con, MHD_HEADER_KIND, "X-CSRF-Token");
	q.login_cookie = header(con, MHD_COOKIE_KIND, "ov_login");
	cookie = header(con, MHD_COOKIE_KIND, "ov_session");
	q.app = pool_take(&sv->pool, &d);
	if (!q.app) {
		plain_error(r, rt->face, 503, "the register cannot be opened");
		goto out;
	}
	if (rt->access == OV_WEB_SIGNED && gate(&q, rt, &sess, cookie, r) < 0)
		goto out;
	if (rt->access == OV_WEB_PUBLIC && cookie &&
	    ov_app_session(q.app, cookie, q.now, &sess, &d) == 0)
		q.sess = &sess;
	if (rt->fn(&q, r) < 0 && r->status == 0)
		r->status = 500;
out:
	pool_give(&sv->pool, q.app);
	ov_session_release(&sess);
	ov_kvs_release(&q.query);
	ov_kvs_release(&q.form);
	free((char *)q.path);
	free(param);
	ov_buf_release(&raw);
	ov_diag_release(&d);
}

static void log_line(const server *sv, const char *method, const char *url,
                     const ov_web_resp *r, const conn_req *cr)
{
	struct timespec now;
	double ms;

	if (!sv->cfg->access_log)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (double)(now.tv_sec - cr->start.tv_sec) * 1e3 +
	     (double)(now.tv_nsec - cr->start.tv_nsec) / 1e6;
	fprintf(stderr, "%s %s %u %.1fms\n", method, url,
	        r->status ? r->status : 200, ms);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *con,
                                  const char *url, const char *method,
                                  const char *version, const char *upload,
                                  size_t *upload_size, void **con_cls)
{
	server *sv = cls;
	conn_req *cr = *con_cls;
	ov_web_resp r = {0};
	enum MHD_Result ret;

	(void)version;
	if (!cr) {
		const char *cl = header(con, MHD_HEADER_KIND, "Content-Length");

		cr = ov_xcalloc(1, sizeof *cr);
		clock_gettime(CLOCK_MONOTONIC, &cr->start);
		*con_cls = cr;
		if (!cl || strtoull(cl, NULL, 10) <= sv->cfg->max_body)
			return MHD_YES;
		/* A declared length over the limit is answered (413) at once,
		 * before a byte of the body is read. */
		cr->too_big = true;
	} else if (*upload_size) {
		if (!cr->too_big &&
		    cr->body.len + *upload_size <= sv->cfg->max_body)
			ov_buf_add(&cr->body, upload, *upload_size);
		else
			cr->too_big = true;
		*upload_size = 0;
		return MHD_YES;
	}
	dispatch(sv, con, url, method, cr, &r);
	log_line(sv, method, url, &r, cr);
	ret = send_resp(con, &r, sv->cfg->tls_cert != NULL);
	ov_web_resp_release(&r);
	return ret;
}

static void on_completed(void *cls, struct MHD_Connection *con, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
	conn_req *cr = *con_cls;

	(void)cls, (void)con, (void)toe;
	if (!cr)
		return;
	ov_buf_release(&cr->body);
	free(cr);
	*con_cls = NULL;
}

/* Leave the path encoded: routes match raw segments, which are then
 * decoded one by one, so a "/" inside an id survives as %2F. */
static size_t keep_escaped(void *cls, struct MHD_Connection *c, char *s)
{
	(void)cls, (void)c;
	return strlen(s);
}

static void on_mhd_error(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	fputs("oversight: serve: ", stderr);
	vfprintf(stderr, fmt, ap);
}

/* ---- start and stop ---- */

static int parse_listen(const char *listen, struct sockaddr_storage *ss,
                        socklen_t *len, ov_diag *d)
{
	const char *colon = strrchr(listen, ':');
	struct addrinfo hints = {0}, *res = NULL;
	char *host;
	int rc;

	if (!colon || colon == listen || !colon[1]) {
		ov_diag_at(d, OV_PROB_INPUT, "--listen",
		           "'%s' is not HOST:PORT (e.g. 127.0.0.1:8080)",
		           listen);
		return -1;
	}
	host = ov_xstrndup(listen, (size_t)(colon - listen));
	if (host[0] == '[' && host[strlen(host) - 1] == ']') {
		memmove(host, host + 1, strlen(host));
		host[strlen(host) - 1] = '\0';
	}
	hints.ai_flags = AI_NUMERICSERV | AI_PASSIVE;
	hints.ai_socktype = SOCK_STREAM;
	rc = getaddrinfo(host, colon + 1, &hints, &res);
	free(host);
	if (rc != 0 || !res) {
		ov_diag_at(d, OV_PROB_INPUT, "--listen", "'%s': %s", listen,
		           gai_strerror(rc));
		return -1;
	}
	memcpy(ss, res->ai_addr, res->ai_addrlen);
	*len = res->ai_addrlen;
	freeaddrinfo(res);
	return 0;
}

static int start(server *sv, const struct sockaddr_storage *ss, char *cert,
                 char *key, ov_diag *d)
{
	const ov_web_config *c = sv->cfg;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
	struct MHD_OptionItem extra[4] = {{MHD_OPTION_END, 0, NULL}};
	size_t k = 0;

	/* Either a thread per connection, or a pool of threads each
	 * polling many connections (epoll). */
	if (c->threads == 0) {
		flags |= MHD_USE_THREAD_PER_CONNECTION;
	} else {
		flags |= MHD_USE_EPOLL;
		extra[k++] = (struct MHD_OptionItem){
		    MHD_OPTION_THREAD_POOL_SIZE, (intptr_t)c->threads, NULL};
	}

	if (ss->ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	if (cert) {
		flags |= MHD_USE_TLS;
		extra[k++] =
		    (struct MHD_OptionItem){MHD_OPTION_HTTPS_MEM_CERT, 0, cert};
		extra[k++] =
		    (struct MHD_OptionItem){MHD_OPTION_HTTPS_MEM_KEY, 0, key};
	}
	sv->mhd = MHD_start_daemon(
	    flags, 0, NULL, NULL, on_request, sv, MHD_OPTION_EXTERNAL_LOGGER,
	    on_mhd_error, sv, MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)ss,
	    MHD_OPTION_CONNECTION_LIMIT, c->max_conns,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, c->max_per_ip,
	    MHD_OPTION_CONNECTION_TIMEOUT, c->idle_timeout,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, c->conn_memory,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, sv,
	    MHD_OPTION_UNESCAPE_CALLBACK, keep_escaped, sv, MHD_OPTION_ARRAY,
	    extra, MHD_OPTION_END);
	if (!sv->mhd) {
		ov_diag_at(d, OV_PROB_RUNTIME, "--listen",
		           "cannot listen on %s (in use, or not an address "
		           "of this machine?)",
		           c->listen);
		return -1;
	}
	return 0;
}

static void print_url(const server *sv, const struct sockaddr_storage *ss)
{
	const union MHD_DaemonInfo *di =
	    MHD_get_daemon_info(sv->mhd, MHD_DAEMON_INFO_BIND_PORT);
	char host[64] = "";
	unsigned port = di ? di->port : 0;

	getnameinfo((const struct sockaddr *)ss,
	            ss->ss_family == AF_INET6 ? sizeof(struct sockaddr_in6)
	                                      : sizeof(struct sockaddr_in),
	            host, sizeof host, NULL, 0, NI_NUMERICHOST);
	printf("oversight: serving %s://%s%s%s:%u/\n",
	       sv->cfg->tls_cert ? "https" : "http",
	       ss->ss_family == AF_INET6 ? "[" : "", host,
	       ss->ss_family == AF_INET6 ? "]" : "", port);
	fflush(stdout);
}

static int read_tls(const ov_web_config *c, char **cert, char **key, ov_diag *d)
{
	size_t n;

	*cert = *key = NULL;
	if (!c->tls_cert && !c->tls_key)
		return 0;
	if (!c->tls_cert || !c->tls_key) {
		ov_diag_at(d, OV_PROB_INPUT,
		           c->tls_cert ? "--tls-key" : "--tls-cert",
		           "TLS needs both --tls-cert and --tls-key");
		return -1;
	}
	if (ov_file_read_all(c->tls_cert, 1 << 20, cert, &n, d) < 0 ||
	    ov_file_read_all(c->tls_key, 1 << 20, key, &n, d) < 0)
		return -1;
	return 0;
}

int ov_web_serve(const ov_web_config *c, ov_diag *d)
{
	server sv = {0};
	struct sockaddr_storage ss;
	socklen_t len = 0;
	sigset_t stop;
	char *cert = NULL, *key = NULL;
	ov_app *probe = NULL;
	int sig, rc = -1;

	sv.cfg = c;
	pthread_mutex_init(&sv.pool.mu, NULL);
	sv.pool.db = c->db;
	if (parse_listen(c->listen, &ss, &len, d) < 0 ||
	    read_tls(c, &cert, &key, d) < 0)
		goto out;
	/* Open one handle first, so a missing database is said at once. */
	if (open_handle(c->db, &probe, d) < 0)
		goto out;
	/* Signing in writes (sessions, failed sign-ins), and a read-only
	 * handle of a WAL file may not see its writer's changes. */
	if (ov_app_read_only(probe)) {
		ov_diag_at(d, OV_PROB_RUNTIME, NULL,
		           "%s: serve needs to write the database, and this "
		           "user may only read it",
		           c->db);
		ov_app_close(probe);
		goto out;
	}
	pool_give(&sv.pool, probe);
	/* Threads started from here on inherit the blocked signals; this
	 * thread alone waits for them. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (start(&sv, &ss, cert, key, d) < 0)
		goto out;
	print_url(&sv, &ss);
	while (sigwait(&stop, &sig) != 0)
		;
	fprintf(stderr, "oversight: serve: stopping (signal %d)\n", sig);
	MHD_stop_daemon(sv.mhd);
	ov_web_cache_clear();
	ov_web_assets_release();
	rc = 0;
out:
	pool_release(&sv.pool);
	if (key)
		ov_memwipe(key, strlen(key));
	free(cert);
	free(key);
	(void)len;
	return rc;
}

/* oversight serve: the register as a web application (web/web.h). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/command.h"
#include "cli/opts.h"
#include "web/web.h"

#define STR(x) #x
#define XSTR(x) STR(x)

static const char
    usage
        [] = "usage: oversight [--db PATH] serve [--listen HOST:PORT]\n"
             "                 [--tls-cert FILE --tls-key FILE] [--assets "
             "DIR]\n"
             "                 [--access-log]\n\n"
             "Serve the register as a web application until SIGINT or "
             "SIGTERM.\n"
             "Sign in with an account made by 'oversight user add'.\n\n"
             "  --listen HOST:PORT  address to listen on "
             "(default " OV_WEB_LISTEN "; port 0: any free one)\n"
             "  --tls-cert FILE     PEM certificate: serve HTTPS (with "
             "--tls-key)\n"
             "  --tls-key FILE      PEM private key\n"
             "  --assets DIR        GOV.UK Frontend files (default: the "
             "build's, or "
             "$OVERSIGHT_ASSETS)\n"
             "  --access-log        a line per request on standard error\n"
             "  --threads N         N threads polling the connections (default "
             "0: "
             "a thread per connection)\n\n"
             "Limits: " XSTR(OV_WEB_MAX_CONNS) " connections at once, " XSTR(
                 OV_WEB_MAX_PER_IP) " from one address; a connection idle "
                                    "for " XSTR(OV_WEB_IDLE) " s is "
                                                             "closed;\nrequest "
                                                             "bodies "
                                                             "over " XSTR(OV_WEB_MAX_BODY) " bytes are refused (413); " XSTR(OV_WEB_CONN_MEMORY) " bytes of memory per connection.\n"
                                                                                                                                                 "Sessions end after 30 minutes idle or 12 hours; sign-in is "
                                                                                                                                                 "refused for 15 minutes after 5 failures\n(per account and per "
                                                                                                                                                 "address).\n";

typedef struct req {
	ov_web_config cfg;
	bool log;
	const char *threads;
} req;

static const ov_cli_arg args[] = {
    {"listen", 0, OV_ARG_STR, offsetof(req, cfg.listen)},
    {"tls-cert", 0, OV_ARG_STR, offsetof(req, cfg.tls_cert)},
    {"tls-key", 0, OV_ARG_STR, offsetof(req, cfg.tls_key)},
    {"assets", 0, OV_ARG_STR, offsetof(req, cfg.assets)},
    {"access-log", 0, OV_ARG_FLAG, offsetof(req, log)},
    {"threads", 0, OV_ARG_STR, offsetof(req, threads)},
};

static int check(const ov_cli_ctx *c, void *ctx)
{
	req *r = ctx;
	ov_web_config def;

	ov_web_config_init(&def);
	def.listen = r->cfg.listen ? r->cfg.listen : def.listen;
	def.tls_cert = r->cfg.tls_cert;
	def.tls_key = r->cfg.tls_key;
	def.assets = r->cfg.assets ? r->cfg.assets : getenv("OVERSIGHT_ASSETS");
	if (!def.assets)
		def.assets = OV_ASSETS_DIR;
	def.access_log = r->log;
	if (r->threads) {
		char *end;
		long n = strtol(r->threads, &end, 10);

		if (*end || end == r->threads || n < 0 || n > 256) {
			ov_cli_err(
			    c->cmd->name,
			    "--threads: '" OV_DIAG_Q "' is not a number from 0 "
			    "to 256", OV_DIAG_QV(r->threads));
			return OV_EXIT_USAGE;
		}
		def.threads = (unsigned)n;
	}
	def.db = c->cli->db_path;
	r->cfg = def;
	return -1;
}

OV_CLI_CALL(call, req, ov_web_serve(&r->cfg, d))

const ov_cli_command ov_cmd_serve = {
    .name = "serve",
    .usage = usage,
    .summary = "serve the register as a web application",
    .args = OV_CLI_ARGS(args),
    .req_size = sizeof(req),
    .check = check,
    .call = call,
    .no_open = true,
};

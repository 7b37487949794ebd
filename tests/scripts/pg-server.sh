#!/bin/sh
# A throwaway PostgreSQL server for the tests.
#
#   sh tests/scripts/pg-server.sh run [--] CMD [ARGS...]
#
# Makes a fresh cluster in a temporary directory (initdb), starts it
# (pg_ctl), runs CMD with the variables below in its environment, then
# stops the server and removes the directory, whatever CMD did, and exits
# with CMD's exit status.  Starting takes about a second.
#
# The server listens on a unix socket in the temporary directory, with
# trust for every role there, and on 127.0.0.1 at the same (free) port,
# where only password authentication (scram-sha-256) is accepted.  It runs
# with fsync=off and small buffers: it is for tests only.
#
# CMD gets:
#   OV_PG_URI       maintenance URI, as the cluster's superuser:
#                   postgresql:///postgres?host=SOCKDIR&port=PORT
#                   Tests create their own databases from it
#                   (CREATE DATABASE, or $OV_PG_BINDIR/createdb).
#   OV_PG_HOST      the socket directory     OV_PG_PORT  the port
#   OV_PG_USER      the superuser (the name of the user running this)
#   OV_PG_BINDIR    where initdb, pg_ctl, psql, createdb and pg_dump are
#   OV_PG_PW_USER, OV_PG_PW_PASSWORD
#                   a login role with that password, for connections over
#                   TCP: postgresql://USER:PASSWORD@127.0.0.1:PORT/postgres
#   OV_PG_DATA      the data directory       OV_PG_LOG   the server's log
# and no other PG* variable: the caller's (PGHOST, PGPASSWORD...) are
# removed, and PGPASSFILE names no file, so no ~/.pgpass is read.
#
# The binaries come from Debian's postgresql package: `pg_config --bindir`
# (libpq-dev) if initdb is there, else the newest /usr/lib/postgresql/*/bin;
# OV_PG_BINDIR set beforehand overrides both.  Without them, the wrapper
# prints the TAP plan "1..0 # SKIP ..." and exits 0 without running CMD:
# the test is skipped, visibly.  If the server is there but does not start,
# it prints "Bail out! ..." and the server's log, and exits 1.
#
# The server refuses to run as root: when this runs as root, initdb and
# pg_ctl run as the `postgres` user (runuser, else setpriv), the temporary
# directory is given to it, and the superuser role is named "root" so that
# CMD, still root, connects without naming a user.
#
# Cleanup: a trap stops and removes the server on exit, INT, TERM and HUP;
# and a watchdog in a session of its own does it if this script is killed
# outright (SIGKILL), within about a second.
set -u

die_bail() {
	echo "Bail out! $*"
	echo "pg-server.sh: $*" >&2
	exit 1
}

usage() {
	echo "usage: pg-server.sh run [--] CMD [ARGS...]" >&2
	exit 2
}

[ "${1:-}" = run ] || usage
shift
[ "${1:-}" = -- ] && shift
[ $# -ge 1 ] || usage

# The caller's libpq settings (PGHOST, PGPASSWORD, a ~/.pgpass...) must not
# reach the server's tools or the tests: they would connect elsewhere, or
# with a password a test means to leave out.
for v in $(env | sed -n 's/^\(PG[A-Z_]*\)=.*/\1/p'); do
	unset "$v"
done

# find_bindir: the directory holding initdb and pg_ctl, or nothing.
find_bindir() {
	if [ -n "${OV_PG_BINDIR:-}" ]; then
		echo "$OV_PG_BINDIR"
		return
	fi
	if command -v pg_config >/dev/null 2>&1; then
		d=$(pg_config --bindir 2>/dev/null)
		if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
			echo "$d"
			return
		fi
	fi
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
		if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
			echo "$d"
			return
		fi
	done
}

BINDIR=$(find_bindir)
if [ -z "$BINDIR" ] || [ ! -x "$BINDIR/initdb" ] || [ ! -x "$BINDIR/pg_ctl" ]; then
	echo "1..0 # SKIP PostgreSQL server (initdb, pg_ctl) not installed:" \
		"apt-get install postgresql"
	exit 0
fi

# as_server CMD...: run CMD as the user the server runs as.
if [ "$(id -u)" -eq 0 ]; then
	id postgres >/dev/null 2>&1 ||
		die_bail "running as root and there is no postgres user to run the server"
	if command -v runuser >/dev/null 2>&1; then
		as_server() { runuser -u postgres -- "$@"; }
	else
		as_server() {
			setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"
		}
	fi
else
	as_server() { "$@"; }
fi
SUPERUSER=$(id -un)

# A short path: a unix socket path must fit in about 100 bytes.
T=$(mktemp -d "${TMPDIR:-/tmp}/ov-pg.XXXXXX") || die_bail "mktemp failed"
case "$T" in
????????????????????????????????????????????????????????????????????*)
	rmdir "$T"
	T=$(mktemp -d /tmp/ov-pg.XXXXXX) || die_bail "mktemp failed"
	;;
esac
DATA="$T/data"
LOG="$T/server.log"
# Only the server's user may enter it (root, running the tests, may
# anyway): the socket trusts whoever reaches it.
[ "$(id -u)" -eq 0 ] && chown postgres "$T"
chmod 700 "$T"

# cleanup: stop the server (fast: nothing in it is worth a clean shutdown)
# and remove the directory.  Safe to run twice, and from the watchdog.
cleanup() {
	if [ -f "$DATA/postmaster.pid" ]; then
		as_server "$BINDIR/pg_ctl" -D "$DATA" -m immediate -w stop \
			>/dev/null 2>&1
	fi
	rm -rf "$T"
}
WATCHDOG=
CHILD=
on_exit() {
	rc=$?
	trap - EXIT INT TERM HUP
	# Killed ourselves: CMD goes too (it may be waiting on the server).
	[ -n "$CHILD" ] && kill -TERM "$CHILD" 2>/dev/null
	[ -n "$WATCHDOG" ] && kill "$WATCHDOG" 2>/dev/null
	cleanup
	exit $rc
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# free_port: a TCP port on 127.0.0.1 that nothing listens on now (the
# kernel's pick; the start below retries another if it is taken meanwhile).
free_port() {
	python3 -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

as_server "$BINDIR/initdb" -D "$DATA" -U "$SUPERUSER" -A trust -E UTF8 \
	--locale=C --no-sync >"$T/initdb.log" 2>&1 ||
	{ sed 's/^/# /' "$T/initdb.log"; die_bail "initdb failed"; }

PW_USER=ov_pw
PW_PASSWORD="pw-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
cat >"$DATA/pg_hba.conf" <<EOF
local all all trust
host all all 127.0.0.1/32 scram-sha-256
EOF

started=
for attempt in 1 2 3 4 5; do
	PORT=$(free_port) || die_bail "no free port"
	as_server "$BINDIR/pg_ctl" -D "$DATA" -l "$LOG" -w -t 30 \
		-o "-c listen_addresses=127.0.0.1 -c port=$PORT" \
		-o "-c unix_socket_directories=$T -c fsync=off" \
		-o "-c synchronous_commit=off -c full_page_writes=off" \
		-o "-c shared_buffers=16MB -c max_connections=50" \
		-o "-c password_encryption=scram-sha-256" \
		start >"$T/pg_ctl.log" 2>&1 && { started=1; break; }
	# A port taken meanwhile: try another.  Anything else is fatal.
	grep -q "could not bind\|Address already in use" "$LOG" 2>/dev/null ||
		break
	rm -f "$LOG"
done
if [ -z "$started" ]; then
	sed 's/^/# /' "$T/pg_ctl.log" "$LOG" 2>/dev/null | tail -30
	die_bail "the PostgreSQL server did not start"
fi

# The watchdog: if this script dies without its trap (SIGKILL), stop the
# server anyway.  A session of its own, so a signal to our process group
# does not take it too; no inherited output, so nobody waits on it.
SELF=$$
export BINDIR DATA T SELF
setsid sh -c '
	while kill -0 "$SELF" 2>/dev/null && [ -d "$T" ]; do sleep 1; done
	[ -d "$T" ] || exit 0
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$BINDIR/pg_ctl" -D "$DATA" -m immediate stop
	else
		"$BINDIR/pg_ctl" -D "$DATA" -m immediate stop
	fi
	rm -rf "$T"' </dev/null >/dev/null 2>&1 &
WATCHDOG=$!

OV_PG_URI="postgresql:///postgres?host=$T&port=$PORT"
"$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -d "$OV_PG_URI" \
	-c "CREATE ROLE $PW_USER LOGIN PASSWORD '$PW_PASSWORD'" \
	>"$T/psql.log" 2>&1 ||
	{ sed 's/^/# /' "$T/psql.log"; die_bail "could not create the role $PW_USER"; }

export OV_PG_URI
export PGPASSFILE="$T/no-pgpass"
export OV_PG_HOST="$T" OV_PG_PORT="$PORT" OV_PG_USER="$SUPERUSER"
export OV_PG_BINDIR="$BINDIR" OV_PG_DATA="$DATA" OV_PG_LOG="$LOG"
export OV_PG_PW_USER="$PW_USER" OV_PG_PW_PASSWORD="$PW_PASSWORD"

# CMD runs as a child, not exec'd: this shell must outlive it to clean
# up.  In the background (with our stdin, not /dev/null) so that a signal
# to this shell runs its trap at once instead of after CMD ends.
exec 3<&0
"$@" <&3 3<&- &
CHILD=$!
wait "$CHILD"
rc=$?
CHILD=
exit $rc

#!/bin/sh
# tests/scripts/pg-server.sh itself: the server it starts answers on the
# socket with trust and on 127.0.0.1 only with the right password, CMD's
# exit status comes back, and the server and its directory are gone after,
# also when CMD fails or the wrapper is killed.
set -u
HARNESS="${OV_SRCDIR:?}/tests/scripts/pg-server.sh"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
n=0; failed=0
ok() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else
		failed=1; echo "not ok $n - $2"; fi
}

# The inner check writes its findings and where the server lived.
cat >"$T/inner.sh" <<'IN'
echo "$OV_PG_HOST" >"$1/host"
echo "$OV_PG_DATA" >"$1/data"
psql() { "$OV_PG_BINDIR/psql" -X -q -At "$@"; }
psql -d "$OV_PG_URI" -c 'SHOW fsync' >"$1/fsync" 2>&1
psql -d "$OV_PG_URI" -c 'CREATE DATABASE t1' >"$1/createdb" 2>&1 &&
	echo created >>"$1/createdb"
psql -d "postgresql://$OV_PG_PW_USER:$OV_PG_PW_PASSWORD@127.0.0.1:$OV_PG_PORT/postgres" \
	-c 'SELECT current_user' >"$1/tcp_right" 2>&1
PGCONNECT_TIMEOUT=5 psql -d "postgresql://$OV_PG_PW_USER:not-it@127.0.0.1:$OV_PG_PORT/postgres" \
	-c 'SELECT 1' >"$1/tcp_wrong" 2>&1
echo "rc=$?" >>"$1/tcp_wrong"
exit 7
IN

out=$(sh "$HARNESS" run -- sh "$T/inner.sh" "$T")
rc=$?
case "$out" in
"1..0 # SKIP"*)
	echo "$out"
	exit 0
	;;
esac
[ "$rc" -eq 7 ]; ok $? "CMD's exit status comes back (got $rc)"
grep -qx off "$T/fsync"; ok $? "fsync is off"
grep -qx created "$T/createdb"; ok $? "a test can create a database from OV_PG_URI"
grep -qx ov_pw "$T/tcp_right"; ok $? "the password role logs in over TCP"
grep -q "password authentication failed" "$T/tcp_wrong" &&
	grep -qx "rc=2" "$T/tcp_wrong"
ok $? "a wrong password is refused over TCP"
[ -s "$T/host" ] && [ ! -e "$(cat "$T/host")" ]
ok $? "the server's directory is removed after"
! pgrep -f -- "-D $(cat "$T/data")" >/dev/null
ok $? "the server is stopped after"

# Killed outright (no trap runs): the watchdog cleans up within seconds.
sh "$HARNESS" run -- sh -c 'echo $$ >"$1/pid2"; echo "$OV_PG_DATA" >"$1/data2"
	exec sleep 60' sh "$T" &
w=$!
i=0
while [ ! -s "$T/data2" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
kill -KILL $w
wait $w 2>/dev/null
d=$(cat "$T/data2")
i=0
while [ -e "$d" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
[ -n "$d" ] && [ ! -e "$d" ] && ! pgrep -f -- "-D $d" >/dev/null
ok $? "a wrapper killed with SIGKILL still has its server stopped and removed"
# The orphaned CMD (its wrapper had no chance to stop it).
kill "$(cat "$T/pid2")" 2>/dev/null

echo "1..$n"
exit $failed

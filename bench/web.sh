#!/bin/sh
# The web benchmark of issue 7 (not a test; results in bench/README.md).
# With the national synthetic dataset loaded: wrk at 64 connections for
# 20 s on a signed-in filtered list page (/recommendations?status=open&
# page=3, 50 rows) and on the dashboard; then nginx serving the same list
# page saved as a static file, measured in the same run.  Prints requests/s,
# p50 and p99 latency, errors, and the server's peak resident memory.
# Environment: BIN (build/oversight), OUT (bench/out), RECS / EVENTS,
# DURATION (20s), CONNS (64), SERVE_ARGS (more options for serve, e.g.
# --threads 4).
set -eu
BIN=${BIN:-build/oversight}
OUT=${OUT:-bench/out}
RECS=${RECS:-100000}
EVENTS=${EVENTS:-1000000}
DURATION=${DURATION:-20s}
CONNS=${CONNS:-64}
sh scripts/install-deps.sh scripts/bench-packages.txt
mkdir -p "$OUT"
if [ ! -f "$OUT/national.json" ] || [ "$(cat "$OUT/params" 2>/dev/null)" != "$RECS $EVENTS" ]; then
	python3 bench/gen.py --recs "$RECS" --events "$EVENTS" "$OUT"
	echo "$RECS $EVENTS" > "$OUT/params"
fi
W=$OUT/web
rm -rf "$W" && mkdir -p "$W/www"
DB=$W/web.db
PW="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
"$BIN" --db "$DB" init > /dev/null
"$BIN" --db "$DB" import "$OUT/national.json" > /dev/null
printf '%s\n' "$PW" | "$BIN" --db "$DB" user add bench --role viewer --password-stdin > /dev/null

SRV=; NGX=
cleanup() {
	[ -n "$SRV" ] && kill "$SRV" 2>/dev/null && wait "$SRV" 2>/dev/null
	[ -n "$NGX" ] && kill "$(cat "$W/nginx.pid" 2>/dev/null)" 2>/dev/null
	return 0
}
trap cleanup EXIT INT TERM
"$BIN" --db "$DB" serve --listen 127.0.0.1:0 ${SERVE_ARGS:-} > "$W/serve.out" 2> "$W/serve.err" &
SRV=$!
i=0
until grep -q '^oversight: serving' "$W/serve.out" 2>/dev/null; do
	i=$((i + 1)); [ $i -gt 100 ] && { cat "$W/serve.err" >&2; exit 1; }
	sleep 0.1
done
URL=$(sed -n 's/^oversight: serving //p' "$W/serve.out")
JAR=$W/cookies
curl -s -c "$JAR" -o /dev/null "${URL}login"
TOK=$(awk '$6 == "ov_login" { print $7 }' "$JAR")
curl -s -b "$JAR" -c "$JAR" -o /dev/null \
	--data-urlencode "login=bench" --data-urlencode "password=$PW" \
	--data-urlencode "csrf=$TOK" --data-urlencode "next=/" "${URL}login"
SESSION=$(awk '$6 == "ov_session" { print $7 }' "$JAR")
[ -n "$SESSION" ] || { echo "bench: cannot sign in" >&2; exit 1; }
LIST="recommendations?status=open&page=3"
curl -s -b "ov_session=$SESSION" -o "$W/www/list.html" "${URL}$LIST"
rows=$(grep -o 'govuk-table__row' "$W/www/list.html" | wc -l)
echo "list page: $(stat -c %s "$W/www/list.html") bytes, $((rows - 1)) rows" >&2

# wrk_run NAME URL [HEADER]: one wrk run; prints a table row.
wrk_run() {
	name=$1 url=$2
	if [ $# -gt 2 ]; then
		wrk -t2 -c"$CONNS" -d"$DURATION" --latency -H "$3" "$url" > "$W/wrk.txt"
	else
		wrk -t2 -c"$CONNS" -d"$DURATION" --latency "$url" > "$W/wrk.txt"
	fi
	rps=$(awk '/^Requests\/sec/ { print $2 }' "$W/wrk.txt")
	p50=$(awk '$1 == "50%" { print $2 }' "$W/wrk.txt")
	p99=$(awk '$1 == "99%" { print $2 }' "$W/wrk.txt")
	non2xx=$(awk '/Non-2xx/ { print $NF }' "$W/wrk.txt")
	sockerr=$(awk '/Socket errors/ { print $0 }' "$W/wrk.txt")
	printf '| %s | %s | %s | %s | %s%s |\n' "$name" "$rps" "$p50" "$p99" \
		"${non2xx:-0} non-2xx" "${sockerr:+; $sockerr}"
}

echo "| what | requests/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|"
wrk_run "oversight: $LIST" "${URL}$LIST" "Cookie: ov_session=$SESSION"
wrk_run "oversight: dashboard /" "$URL" "Cookie: ov_session=$SESSION"
peak=$(awk '/^VmHWM/ { print $2 }' "/proc/$SRV/status")
kill "$SRV"; wait "$SRV" || true; SRV=

# nginx serving the same page as a static file, on a free port.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$W/nginx.conf" <<CONF
worker_processes auto;
pid $PWD/$W/nginx.pid;
error_log $PWD/$W/nginx.err;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; }
  server {
    listen 127.0.0.1:$PORT;
    root $PWD/$W/www;
    location / { }
  }
}
CONF
nginx -c "$PWD/$W/nginx.conf" -p "$PWD/$W"
NGX=1
sleep 0.3
wrk_run "nginx: list.html (static)" "http://127.0.0.1:$PORT/list.html"
kill "$(cat "$W/nginx.pid")"; NGX=
echo
echo "oversight serve peak resident memory: $((peak / 1024)) MiB"

#!/bin/sh
# make run: the main job.  Loads the demo register into DB if there is
# none, makes an `admin` account (printing its password once) if there is
# none, and serves the web application on LISTEN until Ctrl-C.
# Usage: sh scripts/run.sh BIN DB LISTEN
set -eu
BIN=$1 DB=$2 LISTEN=$3
if [ ! -f "$DB" ]; then
	"$BIN" --db "$DB" init
	"$BIN" --db "$DB" import examples/wmp-2018-09.json
fi
if "$BIN" --db "$DB" user list | awk 'NR > 1 && $1 == "admin" { f = 1 } END { exit !f }'; then
	echo "oversight: the admin account exists; its password was printed when it was made"
	echo "           ('$BIN --db $DB user passwd admin' sets a new one)"
else
	pw=$(python3 -c 'import secrets; print("ov-" + secrets.token_urlsafe(15))')
	printf '%s\n' "$pw" | "$BIN" --db "$DB" user add admin --role admin --password-stdin
	echo "oversight: sign in as admin with the password $pw"
	echo "           (shown this once; '$BIN --db $DB user passwd admin' sets a new one)"
fi
exec "$BIN" --db "$DB" serve --listen "$LISTEN"

#!/bin/sh
# oversight: version, help, unknown commands and options, init.
. "$OV_SRCDIR/tests/cli/lib.sh"

COMMANDS="init import export recs rec reports grades activities meetings summary"

run --version
is_rc 0 "--version exits 0"
has "$WORK/out" '^oversight [0-9]+\.[0-9]+' "--version prints the version"

run --help
is_rc 0 "--help exits 0"
for c in $COMMANDS; do
	has "$WORK/out" "^  $c " "--help lists $c"
done

run
is_rc 2 "no command exits 2"

run frobnicate
is_rc 2 "unknown command exits 2"
has "$WORK/err" "unknown command 'frobnicate'" "unknown command is named"

run --frob init
is_rc 2 "unknown global option exits 2"
has "$WORK/err" "'--frob'" "unknown global option is named"

for c in $COMMANDS; do
	run "$c" --help
	is_rc 0 "$c --help exits 0"
	has "$WORK/out" "^usage: oversight .*$c" "$c --help prints its usage"
	run "$c" --no-such-option
	is_rc 2 "$c with an unknown option exits 2"
	has "$WORK/err" "^oversight $c: unknown option '--no-such-option'" \
		"$c names the unknown option"
done
for sub in show update close propose-closure reopen supersede not-applicable; do
	run rec "$sub" --help
	is_rc 0 "rec $sub --help exits 0"
	run rec "$sub" X --bogus=1
	is_rc 2 "rec $sub with an unknown option exits 2"
	has "$WORK/err" "unknown option '--bogus'" "rec $sub names the option"
done
run rec frob
is_rc 2 "rec with an unknown subcommand exits 2"

run recs
is_rc 1 "recs with no database exits 1"
has "$WORK/err" "^oversight recs: " "the missing database is reported"
! db_made "$DB"
ok $? "recs does not create a database"

run init
is_rc 0 "init creates the default database"
db_made "$DB"
ok $? "the default database (./oversight.db on SQLite) is made"
has "$WORK/out" "Created" "init says it created it"
snapshot "$DB" before.json
run init
is_rc 0 "a second init is harmless"
has "$WORK/out" "Already" "the second init says the database was there"
snapshot "$DB" after.json
same before.json after.json "the second init changes nothing"

ENV_DB=$(newdb env)
OVERSIGHT_DB="$ENV_DB" "$OV_BIN" init >/dev/null 2>&1
db_made "$ENV_DB"
ok $? "OVERSIGHT_DB names the database"
FLAG_DB=$(newdb flag)
run --db "$FLAG_DB" init
db_made "$FLAG_DB"
ok $? "--db names the database"

run export --format yaml
is_rc 2 "export --format yaml exits 2"
has "$WORK/err" "--format" "the bad format is named"
run recs --as-at 2018-02-30
is_rc 2 "recs --as-at 2018-02-30 exits 2"
has "$WORK/err" "--as-at: '2018-02-30' is not a valid date" \
	"the bad date and option are named"
run recs --status shut
is_rc 2 "recs --status shut exits 2"
has "$WORK/err" "--status: 'shut' is not one of .*closed" \
	"the accepted statuses are listed"
run recs --rag purple
is_rc 2 "recs --rag purple exits 2"
has "$WORK/err" "--rag: 'purple' is not one of .*amber" \
	"the accepted RAG codes are listed"
run recs --format xml
is_rc 2 "recs --format xml exits 2"
run import
is_rc 2 "import without a file exits 2"
run export --status open
is_rc 2 "an option of another command exits 2"

done_testing

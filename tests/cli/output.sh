#!/bin/sh
# -o: an output never destroys what its name stands for.  The database and
# its -wal/-shm/-journal are refused under any name; a FIFO or a character
# device is written through and stays what it is; a link's target is
# replaced, never the link; new files get 0666 less the umask, existing
# ones keep their mode; long names work; an import document is bounded.
# No test writes to the real /dev/null: device nodes are made here.
. "$OV_SRCDIR/tests/cli/lib.sh"
A=$(newdb a)

umask 022
run --db "$A" init
run --db "$A" import "$FIXTURE"
is_rc 0 "the fixture is imported"
run --db "$A" export -o ref.json
run --db "$A" export --format csv -o ref.csv
inode() { ls -di "$1" | cut -d' ' -f1; }
mode() { ls -ld "$1" | cut -c1-10; }
# (On PostgreSQL the database is no file: SQLite only.)
if sqlite_only "the database file, by any name, is refused as an output"; then
	cp a.db a.db.copy
	ino=$(inode a.db)

	# the database, by any name ------------------------------------------
	ln a.db hard.db
	ln -s a.db soft.db
	for t in a.db ./a.db "$WORK/a.db" hard.db soft.db a.db-wal a.db-shm \
		a.db-journal; do
		# every format for two names, json for the rest (each run is slow
		# under valgrind)
		case $t in a.db | hard.db) fmts="json csv xlsx" ;; *) fmts=json ;; esac
		for f in $fmts; do
			run --db "$A" export --format $f -o "$t"
			is_rc 2 "export --format $f -o $t is refused"
		done
		has "$WORK/err" "is the database" "the refusal of $t says why"
		run --db "$A" paper --meeting 2018-09-27 --format md -o "$t"
		is_rc 2 "paper -o $t is refused"
	done
	[ "$(inode a.db)" = "$ino" ] && [ -f a.db ] && [ -L soft.db ]
	ok $? "the database is the same file, the link still a link"
	cmp -s a.db a.db.copy
	ok $? "the database is byte for byte as it was"
fi
ls -a | grep -Eq '^\.ov-|\.tmp-'
ok $((!$?)) "no temporary file is left"
run --db "$A" export -o after.json
same ref.json after.json "the register is intact"

# a FIFO is written through ---------------------------------------------------
mkfifo fifo
timeout 20 cat fifo >from-fifo &
reader=$!
run --db "$A" export -o fifo
is_rc 0 "export -o FIFO succeeds"
wait $reader
same ref.json from-fifo "the reader of the FIFO gets the export"
[ -p fifo ]
ok $? "the FIFO is still a FIFO"
timeout 20 cat fifo >from-fifo.xlsx &
reader=$!
run --db "$A" export --format xlsx -o fifo
is_rc 0 "export --format xlsx -o FIFO succeeds"
wait $reader
python3 -c 'import zipfile,sys; zipfile.ZipFile(sys.argv[1]).testzip()' \
	from-fifo.xlsx 2>/dev/null
ok $? "the workbook through the FIFO is a whole zip"
timeout 20 cat fifo >from-fifo.md &
reader=$!
run --db "$A" paper --meeting 2018-09-27 --format md -o fifo
is_rc 0 "paper -o FIFO succeeds"
wait $reader
[ -s from-fifo.md ] && [ -p fifo ]
ok $? "the paper came through and the FIFO is still a FIFO"

# character devices (made here, as root only) -------------------------------
if [ "$(id -u)" -eq 0 ] && mknod null c 1 3 2>/dev/null &&
	mknod full c 1 7 2>/dev/null; then
	for f in json csv xlsx; do
		run --db "$A" export --format $f -o null
		is_rc 0 "export --format $f -o (a null device) succeeds"
		[ -c null ]
		ok $? "the null device is still a character device ($f)"
	done
	run --db "$A" paper --meeting 2018-09-27 --format md -o null
	[ "$RC" -eq 0 ] && [ -c null ]
	ok $? "paper -o (a null device): written, still a device"
	run --db "$A" export -o full
	is_rc 1 "export -o (a full device) reports the write error"
	has "$WORK/err" "No space left" "the error says what failed"
	[ -c full ]
	ok $? "the full device is still a character device"
else
	skip "device nodes need root (mknod)"
fi

# a block device or a directory is refused, not replaced
mkdir dir
run --db "$A" export -o dir
is_rc 2 "export -o DIRECTORY is refused"
[ -d dir ]
ok $? "the directory is still there"
run --db "$A" export -o dir/
is_rc 2 "export -o NAME/ is refused"

# symbolic links: the target is replaced, the link stays ----------------------
echo old >target.json
chmod 640 target.json
ln -s target.json link.json
run --db "$A" export -o link.json
is_rc 0 "export -o LINK succeeds"
[ -L link.json ] && [ "$(readlink link.json)" = target.json ]
ok $? "the link is still the same link"
same ref.json target.json "the link's target holds the export"
[ "$(mode target.json)" = "-rw-r-----" ]
ok $? "the target keeps its mode"
mkdir sub
ln -s ../ref.csv sub/up.csv
echo old >ref.csv
run --db "$A" export --format csv -o sub/up.csv
[ "$RC" -eq 0 ] && [ -L sub/up.csv ]
ok $? "a relative link into another directory: the link stays"
run --db "$A" export --format csv
same "$WORK/out" ref.csv "and its target, in that directory, holds the export"
ln -s nowhere dangling.json
run --db "$A" export -o dangling.json
is_rc 2 "a link to nothing is refused"
[ -L dangling.json ] && [ ! -e nowhere ]
ok $? "the link to nothing is left as it was"

# modes -------------------------------------------------------------------------
for f in json csv xlsx; do
	rm -f new.$f
	run --db "$A" export --format $f -o new.$f
	[ "$(mode new.$f)" = "-rw-r--r--" ]
	ok $? "a new $f export is 0666 less the umask 022"
done
(umask 077 && "$OV_BIN" --db "$A" export -o private.json)
[ "$(mode private.json)" = "-rw-------" ]
ok $? "with umask 077 a new export is 0600"
echo old >shared.json
chmod 664 shared.json
run --db "$A" export -o shared.json
[ "$(mode shared.json)" = "-rw-rw-r--" ]
ok $? "an existing file keeps its mode 0664"
echo old >shared.xlsx
chmod 604 shared.xlsx
run --db "$A" export --format xlsx -o shared.xlsx
[ "$(mode shared.xlsx)" = "-rw----r--" ]
ok $? "an existing workbook keeps its mode 0604"
run --db "$A" paper --meeting 2018-09-27 --format md -o p.md
[ "$(mode p.md)" = "-rw-r--r--" ]
ok $? "a new paper is 0666 less the umask"

# long names: the temporary name is short ---------------------------------------
for n in 245 250 255; do
	name=$(printf "%${n}s" "" | tr ' ' n)
	run --db "$A" export -o "$name"
	is_rc 0 "export -o (a $n-byte name) succeeds"
	rm -f "$name"
	run --db "$A" export --format xlsx -o "$name"
	is_rc 0 "export --format xlsx -o (a $n-byte name) succeeds"
	rm -f "$name"
done
name=$(printf "%255s" "" | tr ' ' p)
run --db "$A" paper --meeting 2018-09-27 --format md -o "$name"
is_rc 0 "paper -o (a 255-byte name) succeeds"
ls -a | grep -Eq '^\.ov-|\.tmp-'
ok $((!$?)) "still no temporary file left"

# an import document is bounded -------------------------------------------------
run --db "$A" import /dev/zero
is_rc 2 "import /dev/zero is refused"
has "$WORK/err" "NUL byte" "at its first byte, as no JSON text holds a NUL"
head -c 3000000 /dev/zero | "$OV_BIN" --db "$A" import - >"$WORK/out" \
	2>"$WORK/err"
RC=$?
is_rc 2 "zeros on standard input are refused"
has "$WORK/err" "NUL byte \(byte 1\)" "at the first byte"
truncate -s 3G huge.json 2>/dev/null && {
	run --db "$A" import huge.json
	is_rc 2 "a 3 GiB file is refused"
	has "$WORK/err" "larger than the 536870912 bytes allowed" \
		"before it is read, naming the limit"
}
run --db "$A" export -o after2.json
same ref.json after2.json "nothing was imported"

done_testing

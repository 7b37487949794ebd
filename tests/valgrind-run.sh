#!/bin/sh
# Runs a program under valgrind for `meson test --setup valgrind`: a memory
# error or a definite leak makes it exit 99, which fails the test.  Shell,
# Python and Node.js test drivers run as they are (their interpreters' own
# leaks are not ours); the oversight binary they start is wrapped via OV_BIN
# instead.
# A test under the throwaway PostgreSQL server (sh pg-server.sh run --
# PROG ARGS...): the server's wrapper runs as it is, and PROG through this
# script again, so that a C test program behind it is still checked.
if [ "$#" -ge 5 ] && [ "$3" = run ] && [ "$4" = -- ]; then
	case "$2" in
	*/pg-server.sh)
		sh=$1 harness=$2
		shift 4
		exec "$sh" "$harness" run -- "$sh" "$0" "$@"
		;;
	esac
fi
case "$1" in
*/sh | */bash | */dash | *.sh | */python3* | *.py | */node | */nodejs | *.mjs) exec "$@" ;;
esac
exec valgrind -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite --show-leak-kinds=definite \
	--suppressions="$(dirname "$0")/valgrind.supp" "$@"

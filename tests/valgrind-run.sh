#!/bin/sh
# Runs a program under valgrind for `meson test --setup valgrind`: a memory
# error or a definite leak makes it exit 99, which fails the test.  Shell,
# Python and Node.js test drivers run as they are (their interpreters' own
# leaks are not ours); the oversight binary they start is wrapped via OV_BIN
# instead.
case "$1" in
*/sh | */bash | */dash | *.sh | */python3* | *.py | */node | */nodejs | *.mjs) exec "$@" ;;
esac
exec valgrind -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite --show-leak-kinds=definite \
	--suppressions="$(dirname "$0")/valgrind.supp" "$@"

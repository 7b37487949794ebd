#!/bin/sh
# Install the Debian packages in scripts/debian-packages.txt (or the list
# given as the one argument, e.g. scripts/bench-packages.txt) that are
# missing.
# Runs apt-get update only when something has to be installed, so a machine
# that already has everything is not touched (and needs no network).
#
# A line "PACKAGE:COMMAND" names a package wanted only for its command: it
# is installed only when it is not installed and COMMAND is not on the PATH
# either.  So a Node.js from elsewhere (nodesource's nodejs bundles its own
# npm, which Debian's npm package conflicts with) is left alone.
set -eu
here=$(dirname "$0")
list=${1:-$here/debian-packages.txt}
missing=""
for line in $(grep -v '^#' "$list" | grep -v '^$'); do
	p=${line%%:*}
	cmd=""
	[ "$p" != "$line" ] && cmd=${line#*:}
	if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		continue
	fi
	if [ -n "$cmd" ] && command -v "$cmd" >/dev/null 2>&1; then
		continue
	fi
	missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "install-deps: missing packages:$missing (run as root, or install them)" >&2
	exit 1
fi
echo "install-deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing

#!/bin/sh
# oversight user: add, passwd, list, disable.  Passwords come through
# --password-stdin (and once through a pseudo-terminal, echo off); every
# refusal names its field, exits 2 and leaves the accounts as they were.
# Each accepted password costs an argon2id hash (slow under valgrind):
# four in all.
. "$OV_SRCDIR/tests/cli/lib.sh"

PW1='correct horse battery staple'
PW2='zebra-quantum-violet-42'

run init
run import "$FIXTURE"

run user list
is_rc 0 "user list with no accounts succeeds"
has "$WORK/out" "^0 accounts$" "... and lists none"
run user list --json
[ "$(tr -d ' \n' <"$WORK/out")" = "[]" ]
ok $? "user list --json with no accounts is []"

# accounts DB FILE: the accounts as the program lists them.
accounts() {
	if ! "$OV_BIN" --db "$1" user list --json >"$2" 2>"$WORK/accounts.err"
	then
		echo "#   user list failed: $(head -1 "$WORK/accounts.err")"
		echo "user list failed" >"$2"
	fi
}

# refuse DESCRIPTION REGEX STDIN ARGS...: exit 2, the message, nothing
# written: the accounts as before.json has them (made again after each
# change that is accepted).
accounts "$DB" before.json
refuse() {
	desc=$1 re=$2 input=$3
	shift 3
	printf '%s' "$input" | "$OV_BIN" "$@" >"$WORK/out" 2>"$WORK/err"
	RC=$?
	is_rc 2 "$desc exits 2"
	has "$WORK/err" "$re" "$desc: the message says why"
	accounts "$DB" after.json
	same before.json after.json "$desc: no account written"
}

refuse "a login with capitals" "^oversight user add: login: 'Amy' is not a login" \
	"$PW1
" user add Amy --role viewer --password-stdin
refuse "a login with a space" "login: 'a b' is not a login" "$PW1
" user add "a b" --role viewer --password-stdin
refuse "an unknown role" "^oversight user add: --role: 'superuser' is not a role" \
	"$PW1
" user add amy --role superuser --password-stdin
refuse "no role" "^oversight user add: --role is required" "$PW1
" user add amy --password-stdin
refuse "an owner without a person" \
	"^oversight user add: --person: an owner account needs a person" "$PW1
" user add amy --role owner --password-stdin
refuse "an unknown person" "--person: no person with id 'ghost'" "$PW1
" user add amy --role owner --person ghost --password-stdin
refuse "a short password" \
	"^oversight user add: password: .*shorter than 12 characters" \
	"kX9#mQ2\$vL7
" user add amy --role viewer --password-stdin
refuse "a dictionary word" "password: .*based on a dictionary word" \
	"administrator
" user add amy --role viewer --password-stdin
refuse "a repeated character" "password: .*DIFFERENT characters" \
	"aaaaaaaaaaaaaaaa
" user add amy --role viewer --password-stdin
refuse "an empty standard input" "password: nothing to read" "" \
	user add amy --role viewer --password-stdin
refuse "an empty line" "password: a password is required" "
" user add amy --role viewer --password-stdin
LONG=$(python3 -c 'print("x" * 1025, end="")')
refuse "a line of 1025 bytes" "password: it is longer than 1024 bytes" \
	"$LONG
" user add amy --role viewer --password-stdin
printf 'abcdefghijklm\000nop\n' |
	"$OV_BIN" user add amy --role viewer --password-stdin \
	>"$WORK/out" 2>"$WORK/err"
RC=$?
is_rc 2 "a NUL byte in the password exits 2"
has "$WORK/err" "password: it holds a NUL byte" "... saying so"
accounts "$DB" after.json
same before.json after.json "... no account written"
refuse "bad login, role and password at once" \
	"login: 'X' is not a login" "short
" user add X --role root --password-stdin
has "$WORK/err" "--role: 'root' is not a role" "... the role named too"
has "$WORK/err" "password: .*shorter than 12" "... and the password"
refuse "no login" "no LOGIN given" "$PW1
" user add --role viewer --password-stdin
refuse "an unknown option" "unknown option" "$PW1
" user add amy --role viewer --password-stdin --admin
if command -v setsid >/dev/null 2>&1; then
	setsid -w "$OV_BIN" user add amy --role viewer </dev/null \
		>"$WORK/out" 2>"$WORK/err"
	RC=$?
	is_rc 2 "no terminal and no --password-stdin exits 2"
	has "$WORK/err" "password: no terminal to ask on.*--password-stdin" \
		"... and says to use --password-stdin"
	accounts "$DB" after.json
	same before.json after.json "... no account written"
else
	skip "setsid is not installed (no terminal-less run)"
	skip "setsid is not installed"
	skip "setsid is not installed"
fi

# Accepted.
printf '%s\n' "$PW1" | "$OV_BIN" user add amy --role owner --person acc-crime \
	--password-stdin >"$WORK/out" 2>"$WORK/err"
RC=$?
is_rc 0 "user add of an owner with a person"
has "$WORK/out" "^amy: account added \(owner, person acc-crime\)$" \
	"... says what was added"
# The last line may lack its newline; what follows the first is left.
printf '%s' "$PW2" | "$OV_BIN" user add bob.k --role viewer \
	--password-stdin >"$WORK/out" 2>"$WORK/err"
RC=$?
is_rc 0 "user add of a viewer, the password without a newline"
accounts "$DB" before.json
refuse "a login taken" "^oversight user add: login: the login 'amy' is taken" \
	"$PW2
" user add amy --role admin --password-stdin

run user list
is_rc 0 "user list"
has "$WORK/out" "^amy +owner +acc-crime +active +[0-9]{4}-[0-9]{2}-[0-9]{2}$" \
	"... a row: login, role, person, status, day created"
has "$WORK/out" "^bob\.k +viewer +active " "... the viewer, no person"
has "$WORK/out" "^2 accounts$" "... counted"
width_ok "$WORK/out" "... within 80 columns"
run user list --json
is_rc 0 "user list --json"
python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))
assert [x["login"] for x in a] == ["amy", "bob.k"], a
assert a[0] == {"login": "amy", "role": "owner", "person": "acc-crime",
                "force": None, "disabled": False, "created": a[0]["created"]}, a[0]
assert a[1]["person"] is None and a[1]["role"] == "viewer", a[1]
import re
assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", a[0]["created"])
' "$WORK/out"
ok $? "... parses, every field as added"

refuse "passwd of an unknown login" "^oversight user passwd: login: no account 'nobody'" \
	"$PW2
" user passwd nobody --password-stdin
refuse "passwd to a weak password" "password: .*dictionary word" \
	"administrator
" user passwd amy --password-stdin
refuse "passwd with no login" "no LOGIN given" "$PW2
" user passwd --password-stdin
printf '%s\n' "$PW2" | "$OV_BIN" user passwd amy --password-stdin \
	>"$WORK/out" 2>"$WORK/err"
RC=$?
is_rc 0 "user passwd"
has "$WORK/out" "^amy: password changed; its sessions have ended$" \
	"... says so"
accounts "$DB" before.json

refuse "disable of an unknown login" "^oversight user disable: login: no account 'ghost'" \
	"" user disable ghost
run user disable bob.k
is_rc 0 "user disable"
has "$WORK/out" "^bob\.k: disabled; its sessions have ended$" "... says so"
run user list
has "$WORK/out" "^bob\.k +viewer +disabled " "... listed as disabled"
run user disable bob.k
is_rc 0 "disabling it again is fine"

run user
is_rc 2 "user without a subcommand exits 2"
run user frobnicate
is_rc 2 "an unknown subcommand exits 2"
has "$WORK/err" "unknown subcommand 'frobnicate'" "... naming it"
run user --help
is_rc 0 "user --help"
has "$WORK/out" "add LOGIN --role ROLE" "... describes add"
run --help
has "$WORK/out" "^  user +" "oversight --help lists user"
run --db "$(nodb missing)" user list
is_rc 1 "user list on a missing database exits 1"

# The terminal: a pseudo-terminal, the password typed twice with echo off.
# askpass_drive.py ARGS...: runs the program on a new pty, answering each
# "Password" prompt with the next of $TTY_ANSWERS (one a line); prints what
# the terminal showed, exits with the program's status.
cat >"$WORK/askpass_drive.py" <<'EOF'
import os, pty, signal, sys
signal.alarm(600)  # a program that never asks fails rather than hangs
answers = os.environ["TTY_ANSWERS"].split("\n")
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
seen, sent = b"", 0
while True:
    try:
        chunk = os.read(fd, 1024)
    except OSError:
        break
    if not chunk:
        break
    seen += chunk
    # The program turns echo off before it prompts: answer each prompt
    # once it is shown.
    if seen.count(b"Password") > sent and seen.endswith(b": ") and \
            sent < len(answers):
        os.write(fd, answers[sent].encode() + b"\n")
        sent += 1
_, status = os.waitpid(pid, 0)
sys.stdout.write(seen.decode("utf-8", "replace"))
sys.exit(os.waitstatus_to_exitcode(status))
EOF
if python3 -c 'import pty' 2>/dev/null; then
	TTY_ANSWERS="$PW1
$PW1" python3 "$WORK/askpass_drive.py" "$OV_BIN" user add carol --role editor \
		>"$WORK/out" 2>"$WORK/err"
	RC=$?
	is_rc 0 "user add asking on the terminal"
	has "$WORK/out" "Password: " "... asks"
	has "$WORK/out" "Password again: " "... twice"
	hasnt "$WORK/out" "horse" "... without echoing the password"
	has "$WORK/out" "carol: account added \(editor\)" "... and adds it"
	accounts "$DB" before.json
	TTY_ANSWERS="$PW1
$PW2" python3 "$WORK/askpass_drive.py" "$OV_BIN" user passwd carol \
		>"$WORK/out" 2>"$WORK/err"
	RC=$?
	is_rc 2 "two different passwords on the terminal exit 2"
	has "$WORK/out" "password: the two differ" "... saying so"
	accounts "$DB" after.json
	same before.json after.json "... nothing written"
else
	for i in 1 2 3 4 5 6 7 8; do skip "python3 has no pty module"; done
fi

done_testing

#!/usr/bin/env bats
# run.bats: wasm32-wasi-run, Typed Main's external command-line interface (doc/design.md): arguments
# and declared variables with path strings made into UUID preopens, the working
# directory, pipes, exit statuses; for a core module and for a component alike.

load test_helper

# The probe (tests/fixtures/run/probe.c) is built once, as both kinds; every
# test runs it. Components are transpiled into this file's own cache.
setup_file() {
	export XDG_CACHE_HOME=$BATS_FILE_TMPDIR/cache
	export CORE=$BATS_FILE_TMPDIR/core COMPONENT=$BATS_FILE_TMPDIR/component
	local env=--env=PROBE_DATA,PROBE_LIST,PROBE_EMPTY,PROBE_UNSET
	wasm32-wasi-cc --emit=core "$env" -o "$CORE" "$FIXTURES/run/probe.c"
	wasm32-wasi-cc "$env" -o "$COMPONENT" "$FIXTURES/run/probe.c"
}

# Files the probe opens: d/ holds a.txt, e/ holds b.txt.
make_tree() {
	mkdir d e
	echo alpha > d/a.txt
	echo beta > e/b.txt
}

UUID='[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}'

# $output with every version-4 UUID replaced by "UUID".
uuids_hidden() {
	sed -E "s/$UUID/UUID/g" <<<"$output"
}

# The UUID in line $1 of $output.
uuid_of_line() {
	grep -oE "$UUID" <<<"${lines[$1]}"
}

@test "path strings in arguments become UUID preopens: whole, after '=', around ':'; relative ones inside stay" {
	# a string without a '/' is never a path string; a relative one the
	# program reaches through the working directory stays as written
	make_tree
	for prog in "$CORE" "$COMPONENT"; do
		run -0 wasm32-wasi-run "$prog" args d d/ d/a.txt "$PWD/e/b.txt" --out=d/new.txt \
			d/a.txt:e/b.txt --path=d:e/ NAME=e plain "$PWD/d/" "--in=$PWD/d/a.txt:d/a.txt" \
			"../${PWD##*/}/e/b.txt"
		[ "$(uuids_hidden)" = "[d]
[d/]
[d/a.txt]
[UUID/b.txt]
[--out=d/new.txt]
[d/a.txt:e/b.txt]
[--path=d:e/]
[NAME=e]
[plain]
[UUID/]
[--in=UUID/a.txt:d/a.txt]
[UUID/b.txt]" ]
		# one UUID per directory, whichever way it is named
		[ "$(uuid_of_line 3)" = "$(uuid_of_line 11)" ]
		[ "$(uuid_of_line 9)" = "$(uuid_of_line 10)" ]
		[ "$(uuid_of_line 3)" != "$(uuid_of_line 9)" ]
	done
}

@test "each run gets fresh UUIDs" {
	mkdir d
	run -0 wasm32-wasi-run "$CORE" args "$PWD/d/"
	first=$output
	run -0 wasm32-wasi-run "$CORE" args "$PWD/d/"
	[[ "$first" =~ ^\[$UUID/\]$ ]]
	[ "$output" != "$first" ]
}

@test "strings that name nothing on the host stay as they are" {
	make_tree
	for prog in "$CORE" "$COMPONENT"; do
		run -0 wasm32-wasi-run "$prog" args 1/2 missing/x /missing-dir/x /new-in-root \
			http://example.org/x --opt=a/b
		[ "$output" = "[1/2]
[missing/x]
[/missing-dir/x]
[/new-in-root]
[http://example.org/x]
[--opt=a/b]" ]
	done
}

@test "the host's / is never handed over, and sed scripts stay as they are" {
	make_tree
	for prog in "$CORE" "$COMPONENT"; do
		run -0 wasm32-wasi-run "$prog" args 's/=//' 's/-*enable-//;s/=.*//' s/=x// 's/=/\//' \
			/ // /. /.. --root=/ PATH=d/:/ ./new --out=./new.txt "$PWD/new" d/new
		[ "$(uuids_hidden)" = "[s/=//]
[s/-*enable-//;s/=.*//]
[s/=x//]
[s/=/\//]
[/]
[//]
[/.]
[/..]
[--root=/]
[PATH=d/:/]
[./new]
[--out=./new.txt]
[UUID/new]
[d/new]" ]
		# / is the working directory to the program, as any absolute name it makes up
		run -0 wasm32-wasi-run "$prog" open / --in=//
		[ "$output" = "dir:
  d
  e
dir:
  d
  e" ]
	done
	# nor does a name directly in it, existing (if this machine has a file there) or new
	file_in_root=$(find / -maxdepth 1 -type f -print -quit)
	run -0 wasm32-wasi-run "$CORE" args ${file_in_root:+"$file_in_root"} /new-in-root
	[ "$output" = "${file_in_root:+[$file_in_root]
}[/new-in-root]" ]
}

@test "a name holding ':' or '=' that exists on the host is one path" {
	mkdir 'k=v'
	echo colon > 'k=v/x:y.txt'
	for prog in "$CORE" "$COMPONENT"; do
		run -0 wasm32-wasi-run "$prog" args 'k=v/x:y.txt' "$PWD/k=v/x:y.txt"
		[ "$(uuids_hidden)" = "[k=v/x:y.txt]
[UUID/x:y.txt]" ]
	done
}

@test "files and directories named by arguments open, relative and absolute" {
	make_tree
	for prog in "$CORE" "$COMPONENT"; do
		run -0 wasm32-wasi-run "$prog" open d/a.txt "$PWD/e/b.txt" d "$PWD/e/"
		[ "$output" = "file:
alpha
file:
beta
dir:
  a.txt
dir:
  b.txt" ]
	done
}

@test "both parts of a:b open, alone and after an '='" {
	make_tree
	for prog in "$CORE" "$COMPONENT"; do
		run -0 wasm32-wasi-run "$prog" open d/a.txt:e/b.txt --in=e/b.txt:d
		[ "$output" = "file:
alpha
file:
beta
file:
beta
dir:
  a.txt" ]
	done
}

@test "--out=dir/new writes the new file into the host's directory" {
	make_tree
	run -0 wasm32-wasi-run "$CORE" write --out=d/core.txt 'from core'
	run -0 wasm32-wasi-run "$COMPONENT" write --out="$PWD/e/component.txt" 'from component'
	[ "$(cat d/core.txt)" = "from core" ]
	[ "$(cat e/component.txt)" = "from component" ]
	# and only there
	[ "$(ls d e | tr '\n' ' ')" = "d: a.txt core.txt  e: b.txt component.txt " ]
}

@test "a file reached through a symbolic link opens" {
	make_tree
	mkdir links
	ln -s ../d/a.txt links/a.txt
	for prog in "$CORE" "$COMPONENT"; do
		run -0 wasm32-wasi-run "$prog" open links/a.txt
		[ "$output" = "file:
alpha" ]
	done
}

@test "a path in a missing directory fails in the program, as it would natively" {
	for prog in "$CORE" "$COMPONENT"; do
		run --separate-stderr -1 wasm32-wasi-run "$prog" open missing/x
		[ "$stderr" = "probe: missing/x: No such file or directory" ]
	done
}

@test "relative names without a '/' open in the working directory, for reading and writing" {
	mkdir sub
	echo 'in sub' > sub/data.txt
	cd sub
	run -0 wasm32-wasi-run "$CORE" open data.txt
	[ "$output" = "file:
in sub" ]
	run -0 wasm32-wasi-run "$COMPONENT" open data.txt
	[ "$output" = "file:
in sub" ]
	run -0 wasm32-wasi-run "$CORE" write --out=core.txt one
	run -0 wasm32-wasi-run "$COMPONENT" write --out=component.txt two
	[ "$(cat core.txt component.txt)" = "one
two" ]
	# the working directory next to UUID preopens: each name finds its own
	mkdir inner
	echo 'inner data' > inner/data.txt
	run -0 wasm32-wasi-run "$CORE" open data.txt inner/data.txt
	[ "$output" = "file:
in sub
file:
inner data" ]
}

@test "arguments and declared values reach a core module or component byte for byte, UTF-8 or not" {
	mkdir d
	for prog in "$CORE" "$COMPONENT"; do
		# \233\375 as sed's tests write them; a path piece that is not UTF-8 is not rewritten
		run -0 env PROBE_DATA=$'\x9b\xfd/d/' wasm32-wasi-run "$prog" hex \
			$'\x9b\xfd' $'s/^/\\L\x9b\xfd\\\\\x80/' $'d/\xff' $'\xc3\xa9' $'\xe9' $'\xed\xa0\x80' $'\xf0\x9f\x98\x80'
		[ "$output" = "9bfd
732f5e2f5c4c9bfd5c5c802f
642fff
c3a9
e9
eda080
f09f9880
env 50524f42455f444154413d9bfd2f642f" ]
		# the UTF-8 pieces of a value are rewritten, the others kept byte for byte
		run -0 env PROBE_LIST="$PWD/d/:"$'\xff:d/\xfe' wasm32-wasi-run "$prog" environ
		[ "$(uuids_hidden)" = $'PROBE_LIST=UUID/:\xff:d/\xfe' ]
	done
	# jco's shim takes strings: there, what is not UTF-8 is U+FFFD
	run -0 wasm32-wasi-run --jco "$COMPONENT" hex $'\x9b' é
	[ "$output" = "efbfbd
c3a9" ]
}

@test "only declared variables reach the program, with the host's values" {
	for prog in "$CORE" "$COMPONENT"; do
		PROBE_DATA=hello PROBE_EMPTY= PROBE_UNDECLARED=secret \
			run -0 wasm32-wasi-run "$prog" environ
		[ "$output" = "PROBE_DATA=hello
PROBE_EMPTY=" ]
		PROBE_DATA=hello PROBE_UNDECLARED=secret \
			run -0 wasm32-wasi-run "$prog" getenv PROBE_DATA PROBE_UNSET PROBE_UNDECLARED HOME PATH
		[ "$output" = "PROBE_DATA=hello
PROBE_UNSET=(null)
PROBE_UNDECLARED=(null)
HOME=(null)
PATH=(null)" ]
	done
}

@test "a declared variable holding a path is rewritten and opens" {
	make_tree
	for prog in "$CORE" "$COMPONENT"; do
		PROBE_DATA=d/a.txt PROBE_LIST="$PWD/e:d/a.txt" run -0 wasm32-wasi-run "$prog" environ
		[ "$(uuids_hidden)" = "PROBE_DATA=d/a.txt
PROBE_LIST=UUID:d/a.txt" ]
		PROBE_DATA=d/a.txt PROBE_LIST="$PWD/e" run -0 wasm32-wasi-run "$prog" open-env PROBE_DATA PROBE_LIST
		[ "$output" = "file:
alpha
dir:
  b.txt" ]
	done
}

@test "--print-env prints the declared names, one per line" {
	for prog in "$CORE" "$COMPONENT"; do
		run -0 wasm32-wasi-run --print-env "$prog"
		[ "$output" = "PROBE_DATA
PROBE_LIST
PROBE_EMPTY
PROBE_UNSET" ]
	done
	wasm32-wasi-cc --emit=core -o none "$FIXTURES/command/hello.c"
	run -0 wasm32-wasi-run --print-env none
	[ "$output" = "" ]
}

@test "a module without the wasm32-wasi-cc.env section gets no environment at all" {
	llvm-objcopy-19 --remove-section=wasm32-wasi-cc.env "$CORE" bare
	run -0 wasm32-wasi-run --print-env bare
	[ "$output" = "" ]
	PROBE_DATA=hello run -0 wasm32-wasi-run bare environ
	[ "$output" = "" ]
}

@test "a program exits with its own status, core module or component; a component on jco's shim with 0 or 1" {
	run -0 wasm32-wasi-run "$CORE" exit 0
	run -3 wasm32-wasi-run "$CORE" exit 3
	run -255 wasm32-wasi-run "$CORE" exit 255
	run -0 wasm32-wasi-run "$COMPONENT" exit 0
	run -3 wasm32-wasi-run "$COMPONENT" exit 3
	run -255 wasm32-wasi-run "$COMPONENT" exit 255
	# as a component, through jco: wasi:cli/run only says ok or err
	run -0 wasm32-wasi-run --jco "$COMPONENT" exit 0
	run -1 wasm32-wasi-run --jco "$COMPONENT" exit 3
	run -1 wasm32-wasi-run --jco "$COMPONENT" exit 255
}

@test "a component's standard streams are terminals only when they are, and it reads no further than asked" {
	source_file tty.c <<-'EOF'
	#include <stdio.h>
	#include <unistd.h>
	int main(void)
	{
		char c;
		printf("%d %d %d\n", isatty(0), isatty(1), isatty(2));
		fflush(stdout);
		return read(0, &c, 1) == 1 ? c : 0;
	}
	EOF
	wasm32-wasi-cc -o tty tty.c
	printf 'ABC' > in.txt
	# its own byte read, the rest left for cat
	run -65 bash -c '(wasm32-wasi-run ./tty; status=$?; cat; exit $status) < in.txt 2> /dev/null'
	[ "$output" = "0 0 0
BC" ]
}

@test "a trap exits 134 with one line naming the program" {
	run --separate-stderr -134 wasm32-wasi-run "$CORE" trap
	[ "$stderr" = "wasm32-wasi-run: $CORE: wasm trap: unreachable" ]
	run --separate-stderr -134 wasm32-wasi-run "$COMPONENT" trap
	[ "$stderr" = "wasm32-wasi-run: $COMPONENT: wasm trap: unreachable" ]
	run --separate-stderr -134 wasm32-wasi-run --jco "$COMPONENT" trap
	[ "$stderr" = "wasm32-wasi-run: $COMPONENT: wasm trap: wasm \`unreachable\` instruction executed" ]
}

# Sum of the bytes of `yes abcdefgh | head -c N`, mod 65521, as probe count prints it.
yes_sum() {
	local n=$1 line=$((97 + 98 + 99 + 100 + 101 + 102 + 103 + 104 + 10)) rest=0 i
	for ((i = 0; i < n % 9; i++)); do rest=$((rest + 97 + i)); done
	echo "$n $(((n / 9 * line + rest) % 65521))"
}

@test "a standard input that is a file is left where the program stopped, as grep -m leaves it for the next reader" {
	source_file first.c <<-'EOF'
	#include <stdio.h>
	int main(void)
	{
		char line[64];
		if (fgets(line, sizeof line, stdin))
			fputs(line, stdout);
		/* stdio read ahead: the file's offset goes back to after the line */
		return fseek(stdin, ftell(stdin), SEEK_SET) != 0;
	}
	EOF
	wasm32-wasi-cc --emit=core -o first.core first.c
	wasm32-wasi-cc -o first first.c
	printf 'one\ntwo\nthree\n' > in.txt
	for prog in ./first.core ./first; do
		run -0 sh -c '{ wasm32-wasi-run "$1"; sed "s/^/rest: /"; } < in.txt' sh "$prog"
		[ "$output" = "one
rest: two
rest: three" ]
	done
}

@test "standard input comes through a pipe, megabytes of it" {
	for prog in "$CORE" "$COMPONENT"; do
		run -0 bash -c 'printf hello | wasm32-wasi-run "$1" count' _ "$prog"
		[ "$output" = "5 532" ]
		run -0 bash -c 'yes abcdefgh | head -c 3000001 | wasm32-wasi-run "$1" count' _ "$prog"
		[ "$output" = "$(yes_sum 3000001)" ]
		# a writer that is late: the program waits for it
		run -0 bash -c '(sleep 0.5; printf hello) | wasm32-wasi-run "$1" count' _ "$prog"
		[ "$output" = "5 532" ]
	done
}

@test "a pipe that another node process made non-blocking still blocks for the program" {
	# node makes a pipe it touches non-blocking, for every process sharing it;
	# node:wasi would give the program EAGAIN on the inherited descriptor
	for prog in "$CORE" "$COMPONENT"; do
		run -0 bash -c '{ "$NODE" -e "process.stdin; setTimeout(() => {}, 1500)" & sleep 0.3
			wasm32-wasi-run "$1" count; wait; } < <(sleep 0.6; printf hello)' _ "$prog"
		[ "$output" = "5 532" ]
		run -0 bash -c '{ "$NODE" -e "process.stdout; setTimeout(() => {}, 2500)" & sleep 0.3
			wasm32-wasi-run "$1" spew 3000000 2>/dev/null; wait; } | (sleep 1; wc -c)' _ "$prog"
		[ "$output" = "3000000" ]
	done
}

@test "megabytes of output go into a pipe, even a slow one" {
	for prog in "$CORE" "$COMPONENT"; do
		run -0 bash -c 'wasm32-wasi-run "$1" spew 5000000 2>/dev/null | wc -c' _ "$prog"
		[ "$output" = "5000000" ]
		run -0 bash -c 'wasm32-wasi-run "$1" spew 5000000 2>/dev/null | (sleep 1; tail -c 10)' _ "$prog"
		[ "$output" = "000499999" ]
		run -0 bash -c 'set -o pipefail; wasm32-wasi-run "$1" spew 5000000 | cat > got' _ "$prog"
		[ "$output" = "done" ]
		seq -f %09.0f 0 499999 | cmp - got
	done
}

@test "a reader that goes away ends the program quietly with 141, as SIGPIPE does" {
	for prog in "$CORE" "$COMPONENT"; do
		run -0 bash -c 'wasm32-wasi-run "$1" spew 50000000 2>err | head -c 20; echo " ${PIPESTATUS[0]}"' _ "$prog"
		[ "$output" = "000000000
000000001
 141" ]
		[ ! -s err ]
	done
}

@test "standard error is the program's own" {
	for prog in "$CORE" "$COMPONENT"; do
		run --separate-stderr -0 wasm32-wasi-run "$prog" spew 10
		[ "$output" = "000000000" ]
		[ "$stderr" = "done" ]
	done
}

@test "usage errors exit 2" {
	run -2 wasm32-wasi-run
	[ "$output" = "wasm32-wasi-run: usage: wasm32-wasi-run [--print-env] [--jco] [--invoke CALL] [--dir HOST[::GUEST]]... [--env NAME[=VALUE]]... [--] PROGRAM [ARGS...]" ]
	run -2 wasm32-wasi-run --frobnicate prog
	[ "$output" = "wasm32-wasi-run: unknown option '--frobnicate' (usage: wasm32-wasi-run [--print-env] [--jco] [--invoke CALL] [--dir HOST[::GUEST]]... [--env NAME[=VALUE]]... [--] PROGRAM [ARGS...])" ]
	run -2 wasm32-wasi-run --print-env "$CORE" extra
	[ "$output" = "wasm32-wasi-run: --print-env takes no arguments after PROGRAM (usage: wasm32-wasi-run [--print-env] [--jco] [--invoke CALL] [--dir HOST[::GUEST]]... [--env NAME[=VALUE]]... [--] PROGRAM [ARGS...])" ]
	run -0 wasm32-wasi-run --help
	[ "${lines[0]}" = "usage: wasm32-wasi-run [--print-env] [--jco] [--invoke CALL] [--dir HOST[::GUEST]]... [--env NAME[=VALUE]]... [--] PROGRAM [ARGS...]" ]
	run -2 wasm32-wasi-run --dir
	[ "$output" = "wasm32-wasi-run: option '--dir' needs a value (usage: wasm32-wasi-run [--print-env] [--jco] [--invoke CALL] [--dir HOST[::GUEST]]... [--env NAME[=VALUE]]... [--] PROGRAM [ARGS...])" ]
	run -2 wasm32-wasi-run --dir ::/ "$CORE"
	[ "$output" = "wasm32-wasi-run: --dir ::/: HOST[::GUEST] names no directory (usage: wasm32-wasi-run [--print-env] [--jco] [--invoke CALL] [--dir HOST[::GUEST]]... [--env NAME[=VALUE]]... [--] PROGRAM [ARGS...])" ]
	run -2 wasm32-wasi-run --env =x "$CORE"
	[ "$output" = "wasm32-wasi-run: --env =x: NAME[=VALUE] names no variable (usage: wasm32-wasi-run [--print-env] [--jco] [--invoke CALL] [--dir HOST[::GUEST]]... [--env NAME[=VALUE]]... [--] PROGRAM [ARGS...])" ]
	run -1 wasm32-wasi-run --dir missing::/ "$CORE"
	[ "$output" = "wasm32-wasi-run: --dir missing: No such file or directory" ]
}

@test "options end at the program or at --; the program's own options are its own" {
	cp "$CORE" ./-prog
	run -0 wasm32-wasi-run -- -prog args --print-env -- --help
	[ "$output" = "[--print-env]
[--]
[--help]" ]
}

@test "a missing, unreadable or non-wasm program is one line and status 1" {
	run -1 wasm32-wasi-run missing
	[ "$output" = "wasm32-wasi-run: missing: No such file or directory" ]
	mkdir dir
	run -1 wasm32-wasi-run dir
	[ "$output" = "wasm32-wasi-run: dir: Is a directory" ]
	echo 'int main;' > prog.c
	run -1 wasm32-wasi-run prog.c
	[ "$output" = "wasm32-wasi-run: prog.c: not a WebAssembly module or component" ]
	printf '\0asm\1\0\0\0\0\30\22wasm32-wasi-cc.env\1\3ab' > truncated
	run -1 wasm32-wasi-run truncated
	[ "$output" = "wasm32-wasi-run: truncated: malformed program: section runs past the end of the file" ]
	printf '\0asm\1\0\0\0\0\27\22wasm32-wasi-cc.env\1\2a=' > badname
	run -1 wasm32-wasi-run badname
	[ "$output" = "wasm32-wasi-run: badname: malformed program: invalid variable name 'a='" ]
}

@test "a device, a FIFO or a directory as PROGRAM is one line and status 1, at once" {
	mkfifo fifo
	run -1 wasm32-wasi-run /dev/zero
	[ "$output" = "wasm32-wasi-run: /dev/zero: not a regular file" ]
	run -1 wasm32-wasi-run ./fifo
	[ "$output" = "wasm32-wasi-run: ./fifo: not a regular file" ]
	run -1 wasm32-wasi-run .
	[ "$output" = "wasm32-wasi-run: .: Is a directory" ]
}

@test "a component whose command module the runner cannot compile is one line saying so" {
	# V8 takes at most 50000 locals in a function; the wrap takes the module as it is
	{
		echo '(module (import "wasi_snapshot_preview1" "proc_exit" (func (param i32)))'
		echo '(memory (export "memory") 1) (func (export "_start") (local'
		printf ' i32%.0s' $(seq 50001)
		echo ')))'
	} > locals.wat
	wat2wasm locals.wat -o locals.wasm
	wasm32-wasi-cc --specs="$FIXTURES/wrap/wrap-only.yaml" --artifact=wrap-only -o locals locals.wasm
	run -1 wasm32-wasi-run locals
	[ "${#lines[@]}" -eq 1 ]
	[[ "$output" == "wasm32-wasi-run: locals: cannot run its command module: WebAssembly.Module(): "*"local"* ]]
}

@test "a library, a dll or an allocator as PROGRAM is one line and status 1: not a command" {
	echo 'int f(void) { return 1; }' > lib.c
	wasm32-wasi-cc --artifact=library -o lib.wasm lib.c
	wasm32-wasi-cc -shared -o libx.so lib.c
	wasm32-wasi-cc --artifact=allocator -o alloc.so
	cp "$BUILD_DIR/runtime/liballoc.so" .
	for lib in lib.wasm libx.so alloc.so liballoc.so; do
		run -1 wasm32-wasi-run "$lib"
		[ "$output" = "wasm32-wasi-run: $lib: not a command: a library (it exports no _start)" ]
	done
	"$JCO" new lib.wasm --wasi-reactor -o component.wasm
	run -1 wasm32-wasi-run component.wasm
	[ "$output" = "wasm32-wasi-run: component.wasm: not a command: the component exports no wasi:cli/run" ]
}

@test "a component run by jco is transpiled once, into the cache, written whole" {
	export XDG_CACHE_HOME=$PWD/cache
	run -0 wasm32-wasi-run --jco "$COMPONENT" args x
	[ "$output" = "[x]" ]
	cache=cache/wasm32-wasi-cc/wasm32-wasi-run-cache
	entries=$(ls -A -I v8 $cache)
	[[ "$entries" =~ ^[0-9a-f]{64}$ ]]
	[ -s "$cache/$entries/program.js" ]
	[ "$(grep -c '^file [0-9a-f]\{64\} ' "$cache/$entries/MANIFEST")" -ge 3 ]
	touch -d '2000-01-01' "$cache/$entries"
	run -0 wasm32-wasi-run --jco "$COMPONENT" args y
	[ "$output" = "[y]" ]
	# the same entry, untouched, and nothing half-written next to it
	[ "$(ls -A -I v8 $cache)" = "$entries" ]
	[ "$(stat -c %Y "$cache/$entries")" = "$(date -d 2000-01-01 +%s)" ]
}

@test "without a usable cache a component still runs, leaving nothing behind" {
	touch not-a-directory
	XDG_CACHE_HOME=$PWD/not-a-directory run -0 wasm32-wasi-run "$COMPONENT" args z
	[ "$output" = "[z]" ]
	assert_no_temporaries
}

# The code cache of the runner's larger files (runtime/run/codecache.js), in
# cache/: its header line, then V8's data.
code_cache_headers() {
	local f
	for f in cache/wasm32-wasi-cc/wasm32-wasi-run-cache/v8/*; do
		printf '%s %s\n' "${f##*/}" "$(head -n 1 "$f" | sed -E 's/( [0-9]+(\.[0-9]+)?){6}$/ N N N N N N/')"
	done
}

@test "the runner's own code is compiled once, into its cache, and used from then on" {
	export XDG_CACHE_HOME=$PWD/cache
	run -0 wasm32-wasi-run "$CORE" args x
	[ "$output" = "[x]" ]
	run -0 code_cache_headers
	node=$("$NODE" --version)
	[ "$(sed -E 's/\.[0-9a-f]{8} / /' <<<"$output")" = "sandbox.js wasm32-wasi-run code cache 1 $node N N N N N N
wasi.js wasm32-wasi-run code cache 1 $node N N N N N N
wasm.js wasm32-wasi-run code cache 1 $node N N N N N N" ]
	# used, not written again: a cache V8 refused would be
	touch -d 2000-01-01 cache/wasm32-wasi-cc/wasm32-wasi-run-cache/v8/*
	run -0 wasm32-wasi-run "$CORE" args y
	[ "$output" = "[y]" ]
	for f in cache/wasm32-wasi-cc/wasm32-wasi-run-cache/v8/*; do
		[ "$(stat -c %Y "$f")" = "$(date -d 2000-01-01 +%s)" ]
	done
	# a component's run caches the files it loads too
	run -0 wasm32-wasi-run "$COMPONENT" args z
	[ "$output" = "[z]" ]
	[ -f cache/wasm32-wasi-cc/wasm32-wasi-run-cache/v8/component.js.* ]
}

@test "a code cache that is damaged, foreign or no file is not used, and is written again whole" {
	export XDG_CACHE_HOME=$PWD/cache
	run -0 wasm32-wasi-run "$CORE" args x
	code=$(echo cache/wasm32-wasi-cc/wasm32-wasi-run-cache/v8/wasi.js.*)
	header=$(head -n 1 "$code")
	for damage in 'echo garbage > "$code"' 'head -c 200 "$code" > x && mv x "$code"' \
		'python3 -c "import sys; p = sys.argv[1]; b = bytearray(open(p, \"rb\").read()); b[-100] ^= 0x55; open(p, \"wb\").write(b)" "$code"' \
		'{ echo "${header% *} 1"; tail -n +2 "$code"; } > x && mv x "$code"' \
		'sed -i "1s/ v[0-9.]* / v0.0.0 /" "$code"' \
		'rm "$code" && mkfifo "$code"' 'rm "$code" && ln -s /dev/zero "$code"'; do
		eval "$damage"
		damaged=
		if [ -f "$code" ]; then damaged=$(sha256sum < "$code"); fi
		run -0 timeout 60 wasm32-wasi-run "$CORE" args y
		[ "$output" = "[y]" ]
		# written again: a regular file, of this source, whose data is not the damaged one
		[ -f "$code" ] && [ ! -L "$code" ]
		[ "$(head -n 1 "$code")" = "$header" ]
		[ "$(sha256sum < "$code")" != "$damaged" ]
		# V8's data differs from run to run; what it says is checked by the next run using it
		run -0 wasm32-wasi-run "$CORE" args z
		[ "$output" = "[z]" ]
	done
	# a directory in its place stays, unused
	rm "$code" && mkdir "$code"
	run -0 timeout 60 wasm32-wasi-run "$CORE" args d
	[ "$output" = "[d]" ]
	[ -d "$code" ]
	[ -z "$(find cache -name '*.tmp')" ]
}

@test "deep recursion of unoptimized code meets the program's own stack, not node's" {
	source_file rec.c <<-'EOF'
	#include <stdio.h>
	#include <stdlib.h>
	static int depth(int n, int max)
	{
		volatile int pad[PAD];
		pad[0] = n;
		return n >= max ? pad[0] : depth(n + 1, max) + (pad[0] & 0);
	}
	int main(int argc, char **argv) { (void)argc; printf("%d\n", depth(0, atoi(argv[1]))); return 0; }
	EOF
	wasm32-wasi-cc -O0 --emit=core -DPAD=8 -o rec rec.c
	# node's default stack ends this at fewer than 10000 calls
	run -0 wasm32-wasi-run rec 20000
	[ "$output" = 20000 ]
	# 1 KiB a call: the program's 8 MiB stack ends first
	wasm32-wasi-cc -O0 --emit=core -DPAD=256 -o recbig rec.c
	run -0 wasm32-wasi-run recbig 7000
	[ "$output" = 7000 ]
	run -134 --separate-stderr wasm32-wasi-run recbig 20000
	[ "$stderr" = "wasm32-wasi-run: recbig: wasm trap: stack overflow: the program's stack is 8388608 bytes; link with -Wl,-z,stack-size=BYTES for more" ]
	# small frames, unoptimized: node's own stack ends first, and that is said too
	run -134 --separate-stderr wasm32-wasi-run rec 1000000
	[ "$stderr" = "wasm32-wasi-run: rec: wasm trap: stack overflow: node's own stack ran out first (the program's stack is 8388608 bytes)" ]
}

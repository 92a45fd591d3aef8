#!/usr/bin/env bats
# sandbox.bats: a program reaches nothing outside its preopens, by any path, in
# every form the runner runs (core module, component, component on jco's
# preview2 shim (--jco), setjmp program, dynamic executable run by the
# runner's loader, and as a component), and never the runner's cache; dlopen
# likewise.

load test_helper

# tests/fixtures/sandbox/reach.c reads requests from standard input (which the
# runner never rewrites: these are the program's own strings) and tries each.
# It is built once in every form; the setjmp form is a component whose
# command module uses exception handling, so the runner runs that module.
setup_file() {
	export XDG_CACHE_HOME=$BATS_FILE_TMPDIR/cache BIN=$BATS_FILE_TMPDIR
	local src=$FIXTURES/sandbox/reach.c
	wasm32-wasi-cc --emit=core -o "$BIN/core" "$src"
	wasm32-wasi-cc -o "$BIN/component" "$src"
	wasm32-wasi-cc -DWITH_SETJMP -o "$BIN/setjmp" "$src"
	wasm32-wasi-cc -DWITH_SETJMP --emit=core -o "$BIN/setjmp-core" "$src"
	FORMS="core component jco setjmp"
	if [ -f "$BUILD_DIR/runtime/libc.so" ]; then
		WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime wasm32-wasi-cc --emit=core \
			--artifact=dynamic-command -DWITH_DLOPEN -o "$BIN/dynamic" "$src" -ldl
		# the default dynamic executable: a component embedding its dlls
		WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime \
			wasm32-wasi-cc --artifact=dynamic-command -o "$BIN/dynamic-component" "$src"
		FORMS="$FORMS dynamic dynamic-component"
	fi
	export FORMS
}

# Each test: a working directory holding in.txt, and beside it ../outside,
# which no program is given.
setup() {
	setup_workdir || return 1
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	echo inside > in.txt
	mkdir ../outside
	echo secret > ../outside/secret.txt
	OUTSIDE=$(cd ../outside && pwd)
}

UUID='[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}'

# What a program's listing of the runner's /dev shows: fd, the standard
# streams, and those of its devices that this host has.
dev_names() {
	local d
	{
		printf '%s\n' fd stderr stdin stdout
		for d in full null random urandom zero; do
			[ ! -e "/dev/$d" ] || echo "$d"
		done
	} | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'
}

# Runs the requests on standard input in every form, with the arguments given;
# each must exit 0 and print exactly $1, UUIDs shown as "UUID".
each_form_answers() {
	local want=$1 requests form
	shift
	requests=$(cat)
	for form in $FORMS; do
		if [ "$form" = jco ]; then
			run -0 wasm32-wasi-run --jco "$BIN/component" "$@" <<<"$requests"
			# a grant refusing everything is no preopen to jco's shim: wasi-libc
			# then words the refusal as ENOTCAPABLE
			[ -z "$JCO_NO_PREOPEN" ] || output=${output//Capabilities insufficient/Operation not permitted}
		else
			run -0 wasm32-wasi-run "$BIN/$form" "$@" <<<"$requests"
		fi
		output=$(sed -E "s/$UUID/UUID/g" <<<"$output")
		if [ "$output" != "$want" ]; then
			printf '%s answered:\n%s\ninstead of:\n%s\n' "$form" "$output" "$want" >&2
			return 1
		fi
	done
}

# From here on in the test, the runner sees the host's /dev read-only, in a
# mount namespace of its own: were it to let a change through, the host's
# devices stay as they are (skips where there is no such namespace).
with_readonly_dev() {
	unshare --mount sh -c 'mount --bind /dev /dev && mount -o remount,bind,ro /dev' ||
		skip "no mount namespace of its own here (unshare --mount)"
	runner=$(type -P wasm32-wasi-run)
	wasm32-wasi-run() {
		unshare --mount sh -c 'mount --bind /dev /dev && mount -o remount,bind,ro /dev && exec "$@"' sh "$runner" "$@"
	}
}

# The outside directory holds what it held: nothing was made or changed there.
assert_outside_untouched() {
	[ "$(ls -A "$OUTSIDE")" = "secret.txt${1:+
$1}" ]
	[ "$(cat "$OUTSIDE/secret.txt")" = secret ]
}

@test "the setjmp form is a component whose command module uses exception handling" {
	[ "$(od -An -tx1 -j4 -N4 "$BIN/setjmp" | tr -d ' ')" = 0d000100 ]
	wasm-objdump -h "$BIN/setjmp-core" | grep -q '^ *Tag '
	run -1 bash -c 'wasm-objdump -h "$1" | grep "^ *Tag "' _ "$BIN/core"
}

@test "a symbolic link to a directory outside leads nowhere, for reading or writing" {
	ln -s "$OUTSIDE" escape
	each_form_answers "read in.txt: inside
read escape/secret.txt: Operation not permitted
stat escape/secret.txt: Operation not permitted
list escape: Operation not permitted
lstat escape: symlink
create escape/planted: Operation not permitted
append escape/secret.txt: Operation not permitted
mkdir escape/dir: Operation not permitted
symlink escape/link: Operation not permitted
rename in.txt: Operation not permitted
link in.txt: Operation not permitted
touch escape/secret.txt: Operation not permitted
unlink escape/secret.txt: Operation not permitted" <<'EOF'
read in.txt
read escape/secret.txt
stat escape/secret.txt
list escape
lstat escape
create escape/planted
append escape/secret.txt more
mkdir escape/dir
symlink escape/link x
rename in.txt escape/moved.txt
link in.txt escape/linked.txt
touch escape/secret.txt
unlink escape/secret.txt
EOF
	assert_outside_untouched
	[ "$(cat in.txt)" = inside ]
}

@test "a symbolic link inside a granted directory cannot leave it" {
	mkdir -p granted/sub
	echo deep > granted/sub/deep.txt
	ln -s sub/deep.txt granted/down
	ln -s "$OUTSIDE" granted/absolute
	ln -s ../../outside granted/relative
	ln -s ../in.txt granted/up
	ln -s "$PWD/granted/sub/deep.txt" granted/absolute-inside
	ln -s loop granted/loop
	ln -s ../../outside/new.txt granted/dangling-out
	ln -s fresh.txt granted/dangling
	# '@' is the granted directory as the program sees it: UUID/
	each_form_answers "read UUID/down: deep
read UUID/absolute/secret.txt: Operation not permitted
read UUID/relative/secret.txt: Operation not permitted
create UUID/relative/planted: Operation not permitted
append UUID/dangling-out: Operation not permitted
create UUID/dangling: File exists
read UUID/up: Operation not permitted
read UUID/absolute-inside: Operation not permitted
read UUID/loop: Symbolic link loop
read granted/up: inside
read granted/relative/secret.txt: Operation not permitted" "$PWD/granted/" <<'EOF'
read @down
read @absolute/secret.txt
read @relative/secret.txt
create @relative/planted
append @dangling-out text
create @dangling
read @up
read @absolute-inside
read @loop
read granted/up
read granted/relative/secret.txt
EOF
	assert_outside_untouched
	[ ! -e granted/fresh.txt ]
}

@test "'..' never leaves the directory a path starts from" {
	mkdir -p granted/sub
	echo deep > granted/sub/deep.txt
	each_form_answers "read ../outside/secret.txt: Operation not permitted
read granted/sub/../../in.txt: inside
read granted/../../outside/secret.txt: Operation not permitted
read UUID/sub/../sub/deep.txt: deep
read UUID/../in.txt: Operation not permitted
read UUID/sub/../../in.txt: Operation not permitted
create ../outside/planted: Operation not permitted
mkdir ../outside/dir: Operation not permitted
raw-open ../outside/secret.txt: Operation not permitted
read missing/../in.txt: No such file or directory" "$PWD/granted/" <<'EOF'
read ../outside/secret.txt
read granted/sub/../../in.txt
read granted/../../outside/secret.txt
read @sub/../sub/deep.txt
read @../in.txt
read @sub/../../in.txt
create ../outside/planted
mkdir ../outside/dir
raw-open ../outside/secret.txt
read missing/../in.txt
EOF
	assert_outside_untouched
}

@test "an absolute path is the program's own: inside the working directory, or refused" {
	mkdir sub
	echo 'in sub' > sub/f.txt
	each_form_answers "read $OUTSIDE/secret.txt: No such file or directory
read /sub/f.txt: in sub
raw-open $OUTSIDE/secret.txt: Operation not permitted
raw-open /in.txt: Operation not permitted
symlink made: Operation not permitted" <<EOF
read $OUTSIDE/secret.txt
read /sub/f.txt
raw-open $OUTSIDE/secret.txt
raw-open /in.txt
symlink made $OUTSIDE/secret.txt
EOF
	assert_outside_untouched
	[ ! -e made ] && [ ! -L made ]
}

@test "the working directory's own absolute name reaches it, and nothing beside it" {
	mkdir sub
	echo 'in sub' > sub/f.txt
	ln -s "$PWD/in.txt" absolute
	# what sed --follow-symlinks does: read a link, open the path it holds
	each_form_answers "readlink absolute: $PWD/in.txt
read $PWD/in.txt: inside
read $PWD/sub/f.txt: in sub
read $PWD/sub/../in.txt: inside
append $PWD/new.txt: ok
read new.txt: text
unlink $PWD/new.txt: ok
read absolute: Operation not permitted
read $PWD/../outside/secret.txt: Operation not permitted
read $OUTSIDE/secret.txt: No such file or directory" <<EOF
readlink absolute
read $PWD/in.txt
read $PWD/sub/f.txt
read $PWD/sub/../in.txt
append $PWD/new.txt text
read new.txt
unlink $PWD/new.txt
read absolute
read $PWD/../outside/secret.txt
read $OUTSIDE/secret.txt
EOF
	[ ! -e new.txt ]
	# by the shell's name for it too, through a link
	ln -s work ../linked
	cd ../linked
	each_form_answers "read $PWD/in.txt: inside
read $PWD/../outside/secret.txt: Operation not permitted" <<EOF
read $PWD/in.txt
read $PWD/../outside/secret.txt
EOF
	assert_outside_untouched
}

# The entry of the component reach in the cache under $1: the directory of
# its program.js, whatever the cache's layout.
cache_entry() {
	local js
	js=$(find "$1" -name program.js -path '*/wasm32-wasi-cc/*')
	[ -n "$js" ] && echo "${js%/program.js}"
}

@test "no program can read, change, plant or move the runner's cache, even in its working directory" {
	export XDG_CACHE_HOME=$PWD/cache
	run -0 wasm32-wasi-run --jco "$BIN/component" <<<"read in.txt"
	entry=$(cache_entry cache)
	entry=${entry#"$PWD/"}
	sum=$(sha256sum "$entry"/*.js "$entry"/*.wasm)
	# and the runner's own compiled code (codecache.js)
	code=$(echo cache/wasm32-wasi-cc/wasm32-wasi-run-cache/v8/wasi.js.*)
	[ -f "$code" ]
	codesum=$(sha256sum "$code")
	# planted code would leave a file behind when the runner imported it
	each_form_answers "append $entry/program.js: Operation not permitted
append $code: Operation not permitted
read $entry/program.js: Operation not permitted
create $entry/x.js: Operation not permitted
unlink $entry/MANIFEST: Operation not permitted
list cache/wasm32-wasi-cc/wasm32-wasi-run-cache: Operation not permitted
rename cache/wasm32-wasi-cc/wasm32-wasi-run-cache: Operation not permitted
mkdir wasm32-wasi-run-cache: Operation not permitted
mkdir Wasm32-Wasi-Run-Cache: Operation not permitted
symlink wasm32-wasi-run-cache: Operation not permitted
rename in.txt: Operation not permitted
read in.txt: inside" <<EOF
append $entry/program.js ;(await import('node:fs')).writeFileSync('$PWD/planted', '');
append $code x
read $entry/program.js
create $entry/x.js
unlink $entry/MANIFEST
list cache/wasm32-wasi-cc/wasm32-wasi-run-cache
rename cache/wasm32-wasi-cc/wasm32-wasi-run-cache cache/wasm32-wasi-cc/moved
mkdir wasm32-wasi-run-cache
mkdir Wasm32-Wasi-Run-Cache
symlink wasm32-wasi-run-cache cache
rename in.txt cache/wasm32-wasi-cc/wasm32-wasi-run-cache/in.txt
read in.txt
EOF
	run -0 wasm32-wasi-run --jco "$BIN/component" <<<"read in.txt"
	[ "$output" = "read in.txt: inside" ]
	[ "$(sha256sum "$entry"/*.js "$entry"/*.wasm)" = "$sum" ]
	[ "$(sha256sum "$code")" = "$codesum" ]
	[ ! -e planted ]
}

@test "with HOME as the working directory, the default cache is out of reach too" {
	unset XDG_CACHE_HOME
	export HOME=$PWD
	run -0 wasm32-wasi-run --jco "$BIN/component" <<<"read in.txt"
	[ "$output" = "read in.txt: inside" ]
	entry=$(cache_entry .cache)
	# moving the directories above the cache moves it whole, out of reach still
	each_form_answers "append $entry/program.js: Operation not permitted
rename .cache: ok
read ${entry/.cache/.cache2}/program.js: Operation not permitted
rename .cache2: ok" <<EOF
append $entry/program.js throw 1;
rename .cache .cache2
read ${entry/.cache/.cache2}/program.js
rename .cache2 .cache
EOF
	run -0 wasm32-wasi-run --jco "$BIN/component" <<<"read in.txt"
	[ "$output" = "read in.txt: inside" ]
}

@test "a broken cache entry is found, said in one line, transpiled again and replaced" {
	export XDG_CACHE_HOME=$PWD/cache
	run -0 wasm32-wasi-run --jco "$BIN/component" <<<"read in.txt"
	entry=$(cache_entry "$PWD/cache")
	said() {
		echo "wasm32-wasi-run: $BIN/component: the cached transpilation $entry was broken ($1); transpiled again"
	}
	for damage in 'rm program.core.wasm' ': > program.js' 'echo garbage > program.js' \
		'rm -r MANIFEST node_modules package.json' 'rm node_modules/@bytecodealliance/preview2-shim'; do
		(cd "$entry" && eval "$damage")
		run --separate-stderr -0 wasm32-wasi-run --jco "$BIN/component" <<<"read in.txt"
		[ "$output" = "read in.txt: inside" ]
		case $damage in
		rm\ program*) [ "$stderr" = "$(said 'program.core.wasm: No such file or directory')" ] ;;
		*program.js) [ "$stderr" = "$(said 'program.js: changed')" ] ;;
		*MANIFEST*) [ "$stderr" = "$(said 'MANIFEST: No such file or directory')" ] ;;
		*) [ "$stderr" = "$(said 'node_modules/@bytecodealliance/preview2-shim: No such file or directory')" ] ;;
		esac
		# whole again: the next run says nothing, and nothing is left beside it
		run --separate-stderr -0 wasm32-wasi-run --jco "$BIN/component" <<<"read in.txt"
		[ "$output" = "read in.txt: inside" ] && [ "$stderr" = "" ]
		[ "$(ls -A -I v8 "${entry%/*}")" = "${entry##*/}" ]
	done
	# an entry that is not even a directory
	rm -r "$entry"
	echo junk > "$entry"
	run --separate-stderr -0 wasm32-wasi-run --jco "$BIN/component" <<<"read in.txt"
	[ "$stderr" = "$(said 'MANIFEST: Not a directory')" ]
	[ -f "$entry/program.js" ]
}

@test "dlopen reaches what open reaches, and its refusals tell nothing of the host" {
	[[ " $FORMS " == *" dynamic "* ]] || skip "no libc.so: configure found no wasi-libc source"
	wasm32-wasi-cc -shared -o lib.so "$FIXTURES/sandbox/libplug.c"
	mkdir granted
	cp lib.so granted/libplug.so
	cp lib.so "$OUTSIDE/libplug.so"
	ln -s "$OUTSIDE" granted/out
	ln -s ../../outside granted/up
	run -0 wasm32-wasi-run "$BIN/dynamic" "$PWD/granted/" <<EOF
dlopen ./lib.so
dlopen @libplug.so
dlopen ../outside/libplug.so
dlopen ../outside/nothing.so
dlopen granted/out/libplug.so
dlopen granted/out/nothing.so
dlopen @up/libplug.so
dlopen @up/nothing.so
dlopen $OUTSIDE/libplug.so
dlopen granted/nothing.so
EOF
	[ "$(sed -E "s/$UUID/UUID/g" <<<"$output")" = "dlopen ./lib.so: ok
dlopen UUID/libplug.so: ok
dlopen ../outside/libplug.so: ../outside/libplug.so: Operation not permitted
dlopen ../outside/nothing.so: ../outside/nothing.so: Operation not permitted
dlopen granted/out/libplug.so: granted/out/libplug.so: Operation not permitted
dlopen granted/out/nothing.so: granted/out/nothing.so: Operation not permitted
dlopen UUID/up/libplug.so: UUID/up/libplug.so: Operation not permitted
dlopen UUID/up/nothing.so: UUID/up/nothing.so: Operation not permitted
dlopen $OUTSIDE/libplug.so: $OUTSIDE/libplug.so: No such file or directory
dlopen granted/nothing.so: granted/nothing.so: No such file or directory" ]
}

@test "dlopen of a file that is no library returns NULL with dlerror, showing none of its bytes" {
	[[ " $FORMS " == *" dynamic "* ]] || skip "no libc.so: configure found no wasi-libc source"
	echo 'secret words' > text.so
	printf '\0asm\1\0\0\0\1\377' > truncated.so
	cp "$BIN/core" command.so
	mkdir lib
	echo 'secret words' > lib/libtext.so
	export WASM32_WASI_LIBRARY_PATH=$PWD/lib:$WASM32_WASI_LIBRARY_PATH
	run -0 wasm32-wasi-run "$BIN/dynamic" <<'EOF'
dlopen ./text.so
dlopen ./truncated.so
dlopen ./command.so
dlopen libtext.so
dlopen .
dlopen ..
read in.txt
EOF
	[ "$output" = "dlopen ./text.so: ./text.so: not a WebAssembly module
dlopen ./truncated.so: ./truncated.so: malformed library
dlopen ./command.so: ./command.so: not a library: a command
dlopen libtext.so: libtext.so: library not found
dlopen .: .: library not found
dlopen ..: ..: library not found
read in.txt: inside" ]
}

@test "/dev/null, /dev/zero and their kin open, in every form; nothing else of the host's /dev" {
	each_form_answers "append /dev/null: ok
read /dev/null: 
read /dev/zero: 
create /dev/made-up: Operation not permitted
read /dev/no-such-device: No such file or directory
read /dev/../etc/hostname: Operation not permitted
read in.txt: inside" <<'EOF'
append /dev/null gone
read /dev/null
read /dev/zero
create /dev/made-up
read /dev/no-such-device
read /dev/../etc/hostname
read in.txt
EOF
	# named as an argument, /dev stays itself: the runner's own, not the host's
	each_form_answers "read /dev/null: 
read /dev/no-such-device: No such file or directory" /dev <<'EOF'
read @/null
read @/no-such-device
EOF
}

@test "the standard streams open by name, each for its one direction, in every form but --jco; nothing else of the runner's descriptors" {
	# /dev/fd/N is the program's descriptor N, shared, as on the BSDs: the
	# requests file as standard input was read to its end by the program's
	# stdio already, so reading it again by name finds nothing more. Its
	# descriptors: the streams, its preopens (".", /dev, the working
	# directory by its own name) and the listing's own.
	printf '%s\n' 'read /dev/stdin' 'read /dev/fd/0' 'append /dev/stdout to-stdout' 'append /dev/fd/1 to-fd-1' \
		'append /dev/stderr to-stderr' 'append @ to-argument' 'read /dev/stdout' 'append /dev/stdin x' \
		'create /dev/stdout' 'append /dev/fd/9 x' 'list /dev/fd' 'read /dev/fd/../null' 'list /dev' > requests
	local want='read /dev/stdin: 
read /dev/fd/0: 
to-stdout
append /dev/stdout: ok
to-fd-1
append /dev/fd/1: ok
to-stderr
append /dev/stderr: ok
to-argument
append /dev/stdout: ok
read /dev/stdout: Permission denied
append /dev/stdin: Permission denied
create /dev/stdout: File exists
append /dev/fd/9: No such file or directory
list /dev/fd: 0 1 2 3 4 5 6
read /dev/fd/../null: 
list /dev: '"$(dev_names)" form
	for form in $FORMS; do
		[ "$form" != jco ] || continue
		# /dev/stdout as an argument stays itself
		run -0 wasm32-wasi-run "$BIN/$form" /dev/stdout < requests
		[ "$output" = "$want" ] || { printf '%s answered:\n%s\n' "$form" "$output" >&2; false; }
	done
	# jco's preview2 shim has no such files, and shows none of the host's
	run -0 wasm32-wasi-run --jco "$BIN/component" < requests
	[ "${lines[0]}" = "read /dev/stdin: Operation not permitted" ]
	[ "${lines[2]}" = "append /dev/stdout: Operation not permitted" ]
	[ "${lines[-1]}" = "list /dev: Operation not permitted" ]
}

@test "a directory kept open and then replaced by a symbolic link leads nowhere, in every form" {
	# the host's own link out, and one the program makes: the program keeps
	# d open, removes it, puts a link out under its name, and opens through
	# the descriptor it kept; each form in a directory of its own
	local form want="mkdir d: ok
keep d: ok
rmdir d: ok
rename out: ok
read-at secret.txt: No such file or directory
create-at planted: No such file or directory
mkdir e: ok
keep e: ok
rmdir e: ok
symlink e: ok
read-at secret.txt: No such file or directory
list e: Operation not permitted" refused
	# jco's shim resolves its descriptors' path strings again: the runner's
	# walk, checked first, finds the link out and refuses it
	refused=$(sed -E 's/(read-at|create-at) ([a-z.]*): No such file or directory/\1 \2: Operation not permitted/' <<<"$want")
	printf '%s\n' 'mkdir d' 'keep d' 'rmdir d' 'rename out d' 'read-at secret.txt' 'create-at planted' \
		'mkdir e' 'keep e' 'rmdir e' 'symlink e ../../outside' 'read-at secret.txt' 'list e' > requests
	for form in $FORMS; do
		mkdir "$form"
		ln -s "$OUTSIDE" "$form/out"
		if [ "$form" = jco ]; then
			(cd "$form" && run -0 wasm32-wasi-run --jco "$BIN/component" < ../requests && echo "$output") > answer
		else
			(cd "$form" && wasm32-wasi-run "$BIN/$form" < ../requests) > answer
		fi
		if [ "$form" = jco ]; then
			[ "$(cat answer)" = "$refused" ] || { printf '%s answered:\n' "$form"; cat answer; false; } >&2
		else
			[ "$(cat answer)" = "$want" ] || { printf '%s answered:\n' "$form"; cat answer; false; } >&2
		fi
	done
	assert_outside_untouched
}

@test "a file under /proc or /sys named as an argument is granted alone, read-only, in every form" {
	[ -r /proc/self/status ] || skip "no /proc here"
	# the file itself opens; nothing beside or above it does, and it does not
	# open for writing (jco's shim is given no such file at all)
	FORMS=${FORMS/ jco/} each_form_answers "stat UUID/cpuinfo: file
read UUID/cpuinfo/../self/environ: No such file or directory
list UUID/cpuinfo/..: cpuinfo
append UUID/cpuinfo: Permission denied" /proc/cpuinfo <<'EOF2'
stat @
read @/../self/environ
list @/..
append @ x
EOF2
	# a directory there is not handed over, nor /proc itself
	run -0 wasm32-wasi-run "$BIN/core" /proc/self <<<"list @"
	[ "$output" = "list /proc/self: No such file or directory" ]
}

@test "the runner's devices cannot be removed, renamed, retimed or truncated, in every form" {
	# were the runner to let one through, the host's /dev is read-only here:
	# a mount namespace of the test's own
	with_readonly_dev
	each_form_answers "unlink /dev/zero: Operation not permitted
rename /dev/zero: Operation not permitted
touch /dev/zero: Operation not permitted
rmdir /dev/fd: Operation not permitted
mkdir /dev/new: Operation not permitted
symlink /dev/link: Operation not permitted
read /dev/zero: " <<'EOF2'
unlink /dev/zero
rename /dev/zero /dev/other
touch /dev/zero
rmdir /dev/fd
mkdir /dev/new
symlink /dev/link null
read /dev/zero
EOF2
	[ -c /dev/zero ]
}

@test "a working directory under /proc, /sys or /dev grants nothing there, in every form" {
	local JCO_NO_PREOPEN=1
	# a process's own files (the runner's environment) are not reached by cd
	cd /proc/self
	each_form_answers "read environ: Operation not permitted
list .: Operation not permitted" <<'EOF2'
read environ
list .
EOF2
	cd /sys
	each_form_answers "list .: Operation not permitted" <<<"list ."
	with_readonly_dev
	# the host's read-only /dev would say "Read-only file system"
	cd /dev
	each_form_answers "unlink null: Operation not permitted
list .: Operation not permitted" <<'EOF2'
unlink null
list .
EOF2
	[ -c /dev/null ]
}

@test "open(\"/dev/stdin\", O_RDONLY | O_TRUNC) leaves the caller's file as it was, in every form" {
	printf '%s\n' 'truncate-open /dev/stdin' 'truncate-open /dev/fd/0' > requests
	local form
	for form in $FORMS; do
		[ "$form" != jco ] || continue
		cp requests input
		run -0 wasm32-wasi-run "$BIN/$form" < input
		[ "$output" = "truncate-open /dev/stdin: ok
truncate-open /dev/fd/0: ok" ]
		cmp input requests
	done
}

@test "a library dlopen loads from a writable place never has its -rpath searched" {
	[[ " $FORMS " == *" dynamic "* ]] || skip "no libc.so: configure found no wasi-libc source"
	# libsecret.so exists only outside; evil.so needs it and names the outside in its -rpath
	printf 'int secret(void) { return 42; }\n' > secret.c
	wasm32-wasi-cc -shared -o "$OUTSIDE/libsecret.so" secret.c
	printf 'int secret(void);\nint evil(void) { return secret(); }\n' > evil.c
	wasm32-wasi-cc -shared -o evil.so evil.c -L"$OUTSIDE" -lsecret -Wl,-rpath,"$OUTSIDE"
	run -0 wasm32-wasi-run "$BIN/dynamic" <<<"dlopen ./evil.so"
	[ "$output" = "dlopen ./evil.so: libsecret.so: library not found (needed by ./evil.so)" ]
}

@test "a path of 200 KB of d/../ resolves, as every path does, one component at a time" {
	mkdir d
	wasm32-wasi-cc -O2 -o long "$FIXTURES/sandbox/long-path.c"
	run -0 wasm32-wasi-run ./long 40000
	[ "$output" = "200006 bytes: inside" ]
}

@test "dlopen of a device, a FIFO or a directory returns NULL with dlerror" {
	[[ " $FORMS " == *" dynamic "* ]] || skip "no libc.so: configure found no wasi-libc source"
	mkfifo fifo.so
	mkdir dir.so
	run -0 wasm32-wasi-run "$BIN/dynamic" <<'EOF2'
dlopen /dev/zero
dlopen /dev/stdin
dlopen ./fifo.so
dlopen ./dir.so
EOF2
	[ "$output" = "dlopen /dev/zero: /dev/zero: not a regular file
dlopen /dev/stdin: /dev/stdin: not a regular file
dlopen ./fifo.so: ./fifo.so: not a regular file
dlopen ./dir.so: ./dir.so: Is a directory" ]
}

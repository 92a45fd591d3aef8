#!/usr/bin/env bats
# buildsys.bats: wasm32-wasi-cc as a drop-in for Autotools, CMake and make.

load test_helper

setup() {
	setup_with_bindir
}

@test "wasm32-wasi-configure replaces a stale config.sub and configures for wasm32-wasi" {
	cp -r "$FIXTURES/autotools/." .
	autoreconf -fi > /dev/null 2>&1
	cp old-config.sub build-aux/config.sub
	run -0 wasm32-wasi-configure --quiet
	[ "${lines[0]}" = "wasm32-wasi-configure: replacing ./build-aux/config.sub, which does not know wasm32-wasi, with /usr/share/misc/config.sub" ]
	grep -q "loading site script $TOP_SRCDIR/runtime/config.site" config.log
	grep -q "^host='wasm32-unknown-wasi'" config.log
	make > /dev/null
	run -0 wasm32-wasi-run greet
	[ "$output" = "hello from greet 1.0
fork: no
strndup: yes" ]
	run -0 grep -c '^/\* #undef HAVE_FORK \*/$' config.h
}

@test "config.status --recheck keeps the wasm32-wasi tools and site file" {
	cp -r "$FIXTURES/autotools/." .
	autoreconf -fi > /dev/null 2>&1
	wasm32-wasi-configure --quiet
	# the recheck make runs when configure changes, without the wrapper
	env -u WASM32_WASI_CONFIG_SITE ./config.status --recheck > /dev/null
	./config.status > /dev/null
	grep -q "^CC = $WASM32_WASI_BINDIR/wasm32-wasi-cc$" Makefile
	grep -q "^host_alias = wasm32-wasi$" Makefile
	[ "$(grep -c "loading site script $TOP_SRCDIR/runtime/config.site" config.log)" -ge 1 ]
	make > /dev/null
	run -0 wasm32-wasi-run greet
	[ "${lines[0]}" = "hello from greet 1.0" ]
}

# Runs a command with a binfmt_misc of its own (a user and mount namespace):
# none registered, whatever other programs of this machine registered, and
# what it registers seen by nobody else. Needs Linux 6.7 or later.
in_private_binfmt() {
	unshare --user --map-root-user --mount sh -c \
		'mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc 2> /dev/null && exec "$@"' sh "$@"
}

private_binfmt_or_skip() {
	in_private_binfmt true || skip "no binfmt_misc of its own here (unshare, Linux 6.7)"
}

# A prefix where make install would have put the site file: configure
# reads PREFIX/share/config.site when no CONFIG_SITE is set.
site_prefix() {
	mkdir -p "$BATS_TEST_TMPDIR/prefix/share"
	cp "$BUILD_DIR/runtime/site-hook" "$BATS_TEST_TMPDIR/prefix/share/config.site"
	echo "$BATS_TEST_TMPDIR/prefix"
}

@test "CC=wasm32-wasi-cc ./configure without --host is a wasm32-wasi cross build, through the installed site file" {
	local prefix
	private_binfmt_or_skip
	prefix=$(site_prefix)
	cp -r "$FIXTURES/autotools/." .
	autoreconf -fi > /dev/null 2>&1
	cp old-config.sub build-aux/config.sub
	# no binfmt_misc: configure can run no test program, and need not
	run -0 in_private_binfmt env -u CONFIG_SITE CC=wasm32-wasi-cc ./configure --prefix="$prefix"
	[[ "$output" == *"checking whether we are cross compiling... yes"* ]]
	grep -q "loading site script $prefix/share/config.site" config.log
	grep -q "^host='wasm32-unknown-wasi'$" config.log
	grep -q '^RANLIB = wasm32-wasi-ranlib$' Makefile
	make > /dev/null
	run -0 wasm32-wasi-run greet
	[ "$output" = "hello from greet 1.0
fork: no
strndup: yes" ]
	# another host than wasm32-wasi for it is refused before anything else
	make distclean > /dev/null
	run --separate-stderr -1 env -u CONFIG_SITE CC=wasm32-wasi-cc ./configure --prefix="$prefix" --host=x86_64-linux-gnu
	[ "$stderr" = "configure: error: CC=wasm32-wasi-cc compiles for wasm32-wasi, not for --host=x86_64-linux-gnu: use --host=wasm32-wasi, or wasm32-wasi-configure" ]
	# another compiler's configure is left alone
	run -0 env -u CONFIG_SITE CC=cc ./configure --prefix="$prefix"
	[[ "$output" == *"checking whether we are cross compiling... no"* ]]
	run -1 grep -q "^host='wasm32" config.log
}

@test "with binfmt_misc, CC=wasm32-wasi-cc ./configure alone takes GNU hello and libyaml through make check" {
	local prefix
	[ "$(id -u)" -eq 0 ] || skip "registering binfmt_misc needs root"
	private_binfmt_or_skip
	"$TOP_SRCDIR/tests/packages/fetch" "$BUILD_DIR/tests/packages/src" hello libyaml ||
		skip "the sources of hello and libyaml cannot be fetched (apt-get source)"
	prefix=$(site_prefix)
	cp -a "$BUILD_DIR"/tests/packages/src/hello-*/ hello
	cp -a "$BUILD_DIR"/tests/packages/src/libyaml-*/ libyaml
	(cd libyaml && autoreconf -fi > /dev/null 2>&1)
	cat > build.sh <<-EOF
	set -e
	wasm32-wasi-binfmt register wasm32-wasi "$(command -v wasm32-wasi-run)"
	for p in hello libyaml; do
		cd "$PWD/\$p"
		CC=wasm32-wasi-cc ./configure --prefix="$prefix" > configure.log 2>&1
		make > make.log 2>&1
		make check > check.log 2>&1 || { tail -30 check.log; exit 1; }
	done
	EOF
	unset MAKEFLAGS MFLAGS MAKELEVEL
	run -0 in_private_binfmt env -u CONFIG_SITE sh build.sh
	grep -q "^host='wasm32-unknown-wasi'$" hello/config.log
	grep -q "^# PASS:  4$" hello/check.log
	grep -q "^# FAIL:  0$" hello/check.log
	grep -q "^host='wasm32-unknown-wasi'$" libyaml/config.log
	grep -q "^# PASS:  2$" libyaml/check.log
	grep -q "^# FAIL:  0$" libyaml/check.log
	run -0 wasm32-wasi-run hello/hello --greeting=bonjour
	[ "$output" = "bonjour" ]
}

@test "a CMake project configures with try_run, builds, and passes ctest" {
	cmake -S "$FIXTURES/cmake" -B build -DCMAKE_TOOLCHAIN_FILE="$BUILD_DIR/cmake/wasm32-wasi.cmake" \
		-DWASM32_WASI_BINDIR="$WASM32_WASI_BINDIR" > cmake.log
	grep -q -- "-- probe says: pointers are 4 bytes" cmake.log
	cmake --build build > /dev/null
	run -0 wasm32-wasi-run build/squares 9
	[ "$output" = "pointers are 4 bytes; 9 squared is 81" ]
	cd build
	run -0 ctest
	[[ "$output" == *"100% tests passed, 0 tests failed out of 1"* ]]
}

@test "a plain Makefile builds with CC=wasm32-wasi-cc" {
	printf '%s\n' 'all: prog' 'prog: a.o b.o' '	$(CC) $(LDFLAGS) -o $@ a.o b.o' > Makefile
	echo 'int b(void); int main(void) { return b(); }' > a.c
	echo 'int b(void) { return 11; }' > b.c
	make CC=wasm32-wasi-cc LDFLAGS=--emit=core > /dev/null
	run -11 wasm32-wasi-run prog
}

@test "with binfmt_misc registered, a wasm program runs as ./prog" {
	[ "$(id -u)" -eq 0 ] || skip "registering binfmt_misc needs root"
	binfmt_name=wasm32-wasi-test-$$
	wasm32-wasi-binfmt register "$binfmt_name" "$(command -v wasm32-wasi-run)" ||
		skip "binfmt_misc is not available here"
	echo 'int main(int argc, char **argv) { return argc; }' > prog.c
	wasm32-wasi-cc --emit=core -o core prog.c
	wasm32-wasi-cc -o comp prog.c
	run ./core a b
	status_core=$status
	run ./comp
	status_comp=$status
	wasm32-wasi-binfmt unregister "$binfmt_name"
	[ "$status_core" -eq 3 ]
	[ "$status_comp" -eq 1 ] # a component says only ok or err: argc 1 is an error status
	run -1 wasm32-wasi-binfmt status "$binfmt_name"
	[ "$output" = "$binfmt_name: not registered" ]
	binfmt_name=
}

# A PATH of every tool of this machine but the named ones.
path_without() {
	local farm=$BATS_TEST_TMPDIR/path f
	mkdir -p "$farm"
	for f in /usr/local/bin/* /usr/bin/*; do
		case " $* " in *" ${f##*/} "*) continue ;; esac
		[ -e "$farm/${f##*/}" ] || ln -s "$f" "$farm/${f##*/}"
	done
	echo "$farm"
}

@test "this package builds without bats, help2man and wabt; make check says what is missing" {
	local path src=$TOP_SRCDIR
	path=$(path_without bats help2man wasm-objdump wat2wasm wasm2wat)
	# a source tree configured in place takes no other build: configure a copy
	if [ -e "$TOP_SRCDIR/config.status" ]; then
		command -v git > /dev/null && git -C "$TOP_SRCDIR" rev-parse 2> /dev/null ||
			skip "the source tree is configured in place, and is no git checkout to copy"
		src=$PWD/src
		mkdir src
		(cd "$TOP_SRCDIR" && { git ls-files --cached --others --exclude-standard; ls -d configure Makefile.in aclocal.m4 config.h.in build-aux m4 \
			driver/wasm32-wasi-cc.1; } | tar -cf - -T -) | tar -xf - -C "$src"
	fi
	mkdir build && cd build
	run --separate-stderr -0 env PATH="$path" "$src/configure" -q
	[[ "$stderr" == *"configure: WARNING: bats not found: make check cannot run the tests (install the Debian package bats)"* ]]
	[[ "$stderr" == *"configure: WARNING: wasm-objdump not found: make check needs it (install the Debian package wabt)"* ]]
	run --separate-stderr -2 env PATH="$path" make check-needs
	[ "${stderr_lines[0]}" = "make check needs what configure did not find: install the Debian packages bats wabt" ]
	grep -q '^HELP2MAN = $' Makefile
}

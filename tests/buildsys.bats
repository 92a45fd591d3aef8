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
	grep -q "^READELF = $WASM32_WASI_BINDIR/wasm32-wasi-readelf$" Makefile
	# the host's tclConfig.sh is not found (or the test is moot)
	grep -q '^TCL_DIR = $' Makefile
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

@test "a package's own site file in CONFIG_SITE is read after ours, and kept by --recheck" {
	cp -r "$FIXTURES/autotools/." .
	autoreconf -fi > /dev/null 2>&1
	mkdir tools
	# as CPython's Tools/wasm/config.site-wasm32-wasi answers what ours does not, or otherwise
	printf '%s\n' 'ac_cv_func_strndup=no' 'ac_cv_func_fork=yes' > tools/site
	CONFIG_SITE=tools/site wasm32-wasi-configure --quiet
	run -0 grep '^configure.*: loading .*site script' config.log
	[[ "${lines[0]}" =~ ^configure:[0-9]+:\ loading\ site\ script\ $TOP_SRCDIR/runtime/config.site$ ]]
	[ "${lines[1]}" = "configure: loading package site script $PWD/tools/site" ]
	[ "${#lines[@]}" -eq 2 ]
	make > /dev/null
	run -0 wasm32-wasi-run greet
	[ "$output" = "hello from greet 1.0
fork: yes" ]
	# make's recheck, without the wrapper or the variable
	env -u CONFIG_SITE -u WASM32_WASI_CONFIG_SITE ./config.status --recheck > /dev/null
	grep -q "^configure: loading package site script $PWD/tools/site$" config.log
	run -1 env CONFIG_SITE=nothere wasm32-wasi-configure --quiet
	[ "$output" = "wasm32-wasi-configure: CONFIG_SITE names $PWD/nothere, which cannot be read" ]
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
	for t in nm strip objcopy objdump readelf; do
		grep -qi "^CMAKE_$t:FILEPATH=$WASM32_WASI_BINDIR/wasm32-wasi-$t$" build/CMakeCache.txt
	done
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

@test "through binfmt_misc, a program found in PATH gets the argv[0] its caller gave" {
	private_binfmt_or_skip
	mkdir bin
	source_file args.c <<-'EOF'
	#include <stdio.h>
	int main(int argc, char **argv) {
		for (int i = 0; i < argc; i++)
			printf("[%s]", argv[i]);
		printf("\n");
		return argc;
	}
	EOF
	wasm32-wasi-cc -o bin/args args.c
	wasm32-wasi-cc --emit=core -o bin/args-core args.c
	cat > run.sh <<-EOF
	wasm32-wasi-binfmt register wasm32-wasi "$(command -v wasm32-wasi-run)" || exit 9
	PATH=$PWD/bin:\$PATH
	args one two; echo "status \$?"
	args-core one; echo "status \$?"
	./bin/args three; echo "status \$?"
	bash -c 'exec -a other-name args four'; echo "status \$?"
	EOF
	run -0 in_private_binfmt sh run.sh
	[ "$output" = "[args][one][two]
status 3
[args-core][one]
status 2
[./bin/args][three]
status 2
[other-name][four]
status 2" ]
}

@test "wasm32-wasi-binfmt registers the runner's binfmt name with the P flag, over an older registration" {
	private_binfmt_or_skip
	echo 'int main(int argc, char **argv) { return argv[0][0] == 112 /* p */ ? 40 + argc : 1; }' > prog.c
	wasm32-wasi-cc -o prog prog.c
	runner=$(command -v wasm32-wasi-run)
	cat > run.sh <<-EOF
	set -e
	# an older wasm32-wasi-binfmt's registration: the runner itself, no flags
	printf ':wasm32-wasi:M::\\\\x00asm::%s:\\n' "$runner" > /proc/sys/fs/binfmt_misc/register
	wasm32-wasi-binfmt status
	wasm32-wasi-binfmt register wasm32-wasi "$runner"
	wasm32-wasi-binfmt status
	PATH=$PWD:\$PATH prog a || echo "status \$?"
	wasm32-wasi-binfmt unregister
	wasm32-wasi-binfmt status || echo "status \$?"
	EOF
	run -0 in_private_binfmt sh run.sh
	[ "$output" = "enabled
interpreter $runner
flags: 
offset 0
magic 0061736d
enabled
interpreter ${runner%/*}/wasm32-wasi-run-binfmt
flags: P
offset 0
magic 0061736d
status 42
wasm32-wasi: not registered
status 1" ]
}

@test "wasm32-wasi-binfmt register refuses a runner without its binfmt name beside it, or a relative one" {
	binfmt_name=wasm32-wasi-test-$$
	mkdir lonely
	ln -s "$(command -v wasm32-wasi-run)" lonely/wasm32-wasi-run
	run --separate-stderr -1 wasm32-wasi-binfmt register "$binfmt_name" "$PWD/lonely/wasm32-wasi-run"
	[ "$stderr" = "wasm32-wasi-binfmt: $PWD/lonely/wasm32-wasi-run-binfmt: no such program (it is installed beside $PWD/lonely/wasm32-wasi-run)" ]
	run --separate-stderr -2 wasm32-wasi-binfmt register "$binfmt_name" lonely/wasm32-wasi-run
	[ "$stderr" = "wasm32-wasi-binfmt: lonely/wasm32-wasi-run: the runner must be named by an absolute path" ]
	run -1 wasm32-wasi-binfmt status "$binfmt_name"
	[ "$output" = "$binfmt_name: not registered" ]
}

@test "wasm32-wasi-run-binfmt takes binfmt_misc's words: PROGRAM ARGV0 ARGS" {
	echo 'int main(int argc, char **argv) { return argv[0][0] == 120 /* x */ ? 40 + argc : 1; }' > prog.c
	wasm32-wasi-cc -o prog prog.c
	run -42 wasm32-wasi-run-binfmt ./prog xname a
	run --separate-stderr -2 wasm32-wasi-run-binfmt ./prog
	[ "$stderr" = "wasm32-wasi-run: usage: wasm32-wasi-run-binfmt PROGRAM ARGV0 [ARGS...] (binfmt_misc's P flag)" ]
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

# This package's source, to configure elsewhere: a tree configured in place
# takes no other build, so a copy of it then.
source_to_configure() {
	if [ ! -e "$TOP_SRCDIR/config.status" ]; then
		echo "$TOP_SRCDIR"
		return
	fi
	command -v git > /dev/null && git -C "$TOP_SRCDIR" rev-parse > /dev/null 2>&1 || return 1
	mkdir src
	(cd "$TOP_SRCDIR" && { git ls-files --cached --others --exclude-standard; ls -d configure Makefile.in aclocal.m4 config.h.in build-aux m4 \
		driver/wasm32-wasi-cc.1; } | tar -cf - -T -) | tar -xf - -C src
	echo "$PWD/src"
}

@test "configure names the Debian package of a missing LLVM tool" {
	local path src
	src=$(source_to_configure) || skip "the source tree is configured in place, and is no git checkout to copy"
	path=$(path_without llvm-readelf-19 llvm-readelf)
	mkdir build && cd build
	run --separate-stderr -1 env PATH="$path" "$src/configure" -q
	[ "${stderr_lines[-1]}" = "configure: error: llvm-readelf-19 llvm-readelf not found: install the Debian package llvm-19" ]
}

@test "this package builds without bats, help2man and wabt; make check says what is missing" {
	local path src
	path=$(path_without bats help2man wasm-objdump wat2wasm wasm2wat)
	src=$(source_to_configure) || skip "the source tree is configured in place, and is no git checkout to copy"
	mkdir build && cd build
	run --separate-stderr -0 env PATH="$path" "$src/configure" -q
	[[ "$stderr" == *"configure: WARNING: bats not found: make check cannot run the tests (install the Debian package bats)"* ]]
	[[ "$stderr" == *"configure: WARNING: wasm-objdump not found: make check needs it (install the Debian package wabt)"* ]]
	run --separate-stderr -2 env PATH="$path" make check-needs
	[ "${stderr_lines[0]}" = "make check needs what configure did not find: install the Debian packages bats wabt" ]
	grep -q '^HELP2MAN = $' Makefile
}

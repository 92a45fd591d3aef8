#!/usr/bin/env bats
# ports.bats: wasm32-wasi-port (doc/ports.md): zlib and libpng from Debian's
# sources into a prefix of the test's own, found by the driver, configure,
# CMake and --use-port; the tool's messages for bad input. The builds are
# cached in the build tree (tests/cache), so only the first run builds.

load packages/packages_helper

setup() {
	packages_setup || return 1
	# a prefix of the test's own: nothing is written to the machine's. In
	# the build tree, and the same for a test each run, since the cache
	# keys builds by prefix: a second run builds nothing.
	export WASM32_WASI_PORTS=$BUILD_DIR/tests/ports-prefix/$BATS_TEST_NAME
	rm -rf "$WASM32_WASI_PORTS"
	PORT_CACHE=$XDG_CACHE_HOME/wasm32-wasi-cc/ports
}

# The files under the test's prefix, one a line, sorted.
prefix_files() {
	(cd "$WASM32_WASI_PORTS" && find . ! -type d | sed 's|^\./||' | sort)
}

@test "install zlib: one line of progress; headers, archive, dll and .pc in the prefix; a second install costs nothing" {
	run -0 wasm32-wasi-port install zlib
	[[ "$output" =~ ^"zlib 1:1.2.13.dfsg-1: "(fetch\.\.\.\ configure\.\.\.\ build\.\.\.\ test\.\.\.\ install\.\.\.\ |cached\.\.\.\ )"installed (1 of 1)"$ ]]
	[ "$(prefix_files)" = "include/zconf.h
include/zlib.h
lib/libz.a
lib/libz.so
lib/libz.so.1
lib/libz.so.1.2.13
lib/pkgconfig/zlib.pc
share/wasm32-wasi-port/zlib.files
share/wasm32-wasi-port/zlib.pc" ]
	# the .pc file names the real prefix, not the one the cached build used
	grep -qx "prefix=$WASM32_WASI_PORTS" "$WASM32_WASI_PORTS/lib/pkgconfig/zlib.pc"
	run -0 wasm32-wasi-pkg-config --cflags --libs zlib
	[ "$output" = "-I$WASM32_WASI_PORTS/include -L$WASM32_WASI_PORTS/lib -lz " ]
	run -0 wasm32-wasi-port install zlib
	[ "$output" = "zlib 1:1.2.13.dfsg-1: installed already (1 of 1)" ]
	run -0 wasm32-wasi-port list
	[ "$output" = "zlib 1:1.2.13.dfsg-1 $WASM32_WASI_PORTS" ]
	# removed, then installed again from the cache: no fetch, no build
	run -0 wasm32-wasi-port remove zlib
	[ "$output" = "zlib: removed" ]
	[ -z "$(prefix_files)" ]
	run -0 wasm32-wasi-port install zlib
	[ "$output" = "zlib 1:1.2.13.dfsg-1: cached... installed (1 of 1)" ]
	# the build's log, kept with the cached build, shows zlib's own tests passing
	grep -q '^[[:space:]]*\*\*\* zlib test OK \*\*\*' "$PORT_CACHE"/zlib/*/build.log
	grep -q '^[[:space:]]*\*\*\* zlib shared test OK \*\*\*' "$PORT_CACHE"/zlib/*/build.log
}

@test "--use-port=zlib compiles and links a program that calls zlib, which runs" {
	wasm32-wasi-port install zlib > /dev/null
	wasm32-wasi-cc --use-port=zlib -o round "$FIXTURES/ports/use/zlib.c"
	# linked against libz.so, the dll: a component that embeds it
	embeds_library round libz.so.1
	run -0 wasm32-wasi-run ./round
	[ "$output" = "zlib 1.2.13: 27 bytes to 18 and back: hello, hello, hello, hello" ]
	# compiled and linked apart, as a Makefile does; -static links libz.a
	wasm32-wasi-cc --use-port=zlib -c -o round.o "$FIXTURES/ports/use/zlib.c"
	wasm32-wasi-cc --use-port=zlib -static --emit=core -o round-static round.o
	run -0 wasm-objdump -h round-static
	[[ "$output" != *dylink* ]]
	run -0 wasm32-wasi-run ./round-static
	[ "$output" = "zlib 1.2.13: 27 bytes to 18 and back: hello, hello, hello, hello" ]
}

@test "--use-port of a port not installed, or of no port's name: one line saying so" {
	run -1 --separate-stderr wasm32-wasi-cc --use-port=zlib -o round "$FIXTURES/ports/use/zlib.c"
	[ "$stderr" = "wasm32-wasi-cc: --use-port=zlib: zlib is not installed: run 'wasm32-wasi-port install zlib'" ]
	[ -z "$output" ]
	run -2 --separate-stderr wasm32-wasi-cc --use-port=../zlib -c "$FIXTURES/ports/use/zlib.c"
	[ "$stderr" = "wasm32-wasi-cc: --use-port=../zlib: not the name of a port (wasm32-wasi-port known lists them)" ]
	run -2 --separate-stderr wasm32-wasi-cc --use-port= -c "$FIXTURES/ports/use/zlib.c"
	[ "$stderr" = "wasm32-wasi-cc: --use-port=: not the name of a port (wasm32-wasi-port known lists them)" ]
	assert_only_files
}

@test "a CMake project finds the ported zlib with find_package(ZLIB)" {
	wasm32-wasi-port install zlib > /dev/null
	cp -r "$FIXTURES/ports/cmake" .
	cp "$FIXTURES/ports/use/zlib.c" cmake/zround.c
	cmake -S cmake -B build -DCMAKE_TOOLCHAIN_FILE="$BUILD_DIR/cmake/wasm32-wasi.cmake" \
		-DWASM32_WASI_BINDIR="$WASM32_WASI_BINDIR" > cmake.log
	grep -qx -- "-- zlib found: $WASM32_WASI_PORTS/include $WASM32_WASI_PORTS/lib/libz.a" cmake.log
	cmake --build build > /dev/null
	run -0 wasm32-wasi-run build/zround
	[ "$output" = "zlib 1.2.13: 27 bytes to 18 and back: hello, hello, hello, hello" ]
}

@test "libpng's configure stops for want of zlib; after 'wasm32-wasi-port install zlib' its configure, make and make check pass" {
	private_binfmt_or_skip
	copy_source libpng1.6 libpng1.6
	cd src
	run -1 quietly configure.log wasm32-wasi-configure
	[ "$(tail -n 1 configure.log)" = "configure: error: zlib not installed" ]
	run -0 wasm32-wasi-port install zlib
	quietly configure.log wasm32-wasi-configure
	quietly build.log make -j2
	# its tests run the programs it built, through a binfmt_misc of their own
	run in_private_binfmt sh -c 'wasm32-wasi-binfmt register wasm32-wasi "$1" && make check' sh \
		"$(readlink -f "$WASM32_WASI_BINDIR/wasm32-wasi-run")"
	[ "$status" -eq 0 ] || { show_failed_logs tests; echo "$output" | tail -n 20; false; }
	[[ "$output" == *"# PASS:  32"* ]]
	[[ "$output" == *"# FAIL:  0"* ]]
}

@test "install libpng pulls in zlib first, and removing zlib while libpng needs it is refused" {
	private_binfmt_or_skip
	run -0 wasm32-wasi-port install libpng
	[ "${lines[0]%%: *}" = "zlib 1:1.2.13.dfsg-1" ]
	[[ "${lines[0]}" == *"installed (1 of 2)" ]]
	[ "${lines[1]%%: *}" = "libpng 1.6.39-2+deb12u5" ]
	[[ "${lines[1]}" == *"installed (2 of 2)" ]]
	run -1 wasm32-wasi-port remove zlib
	[ "$output" = "wasm32-wasi-port: zlib: libpng needs it: remove libpng too" ]
	# a program using libpng through its .pc file, which requires zlib's
	cat > png.c << 'C'
#include <png.h>
#include <stdio.h>
#include <zlib.h>
int main(void)
{
	printf("libpng %s over zlib %s\n", png_get_libpng_ver(NULL), zlibVersion());
	return 0;
}
C
	wasm32-wasi-cc --use-port=libpng -o png png.c
	run wasm32-wasi-run ./png
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$output" = "libpng 1.6.39 over zlib 1.2.13" ]
	run -0 wasm32-wasi-port remove libpng zlib
	[ -z "$(prefix_files)" ]
}

@test "an unknown name lists the known ones; bad usage says how" {
	run -2 wasm32-wasi-port install zlib nosuch
	[ "$output" = "wasm32-wasi-port: unknown port 'nosuch' (known: $(cd "$TOP_SRCDIR/ports" && ls *.port | sed 's/\.port$//' | paste -sd ' ' | sed 's/ /, /g'))" ]
	[[ "$output" == *"known: "*"libpng, "*"zlib"* ]]
	run -2 wasm32-wasi-port
	[ "$output" = "usage: wasm32-wasi-port install NAME... | list | remove NAME... | known" ]
	run -2 wasm32-wasi-port frobnicate
	[ "$output" = "usage: wasm32-wasi-port install NAME... | list | remove NAME... | known" ]
	run -1 wasm32-wasi-port remove zlib
	[ "$output" = "wasm32-wasi-port: zlib is not installed in $WASM32_WASI_PORTS" ]
	[ ! -e "$WASM32_WASI_PORTS" ]
}

@test "without a deb-src entry, install names the one to add" {
	mkdir -p apt/etc/apt.conf.d apt/etc/sources.list.d apt/lists/partial apt/cache
	echo 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] file:/srv/mirror bookworm main contrib' \
		> apt/etc/sources.list
	printf 'Dir::Etc "%s";\nDir::State::lists "%s";\nDir::Cache "%s";\n' \
		"$PWD/apt/etc" "$PWD/apt/lists" "$PWD/apt/cache" > apt/apt.conf
	APT_CONFIG=$PWD/apt/apt.conf run -1 wasm32-wasi-port install zlib
	[ "$output" = "wasm32-wasi-port: zlib: apt has no deb-src entry for bookworm: add this one to $PWD/apt/etc/sources.list.d/ (install-deps.sh does), then run apt-get update:
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] file:/srv/mirror bookworm main contrib" ]
	[ ! -e "$WASM32_WASI_PORTS" ]
}

@test "a failed build names its log, keeps it, and installs nothing" {
	export WASM32_WASI_PORT_RECIPES=$BATS_TEST_TMPDIR/recipes
	mkdir "$WASM32_WASI_PORT_RECIPES"
	cp "$FIXTURES/ports/recipes/broken.port" "$WASM32_WASI_PORT_RECIPES"
	run -1 --separate-stderr wasm32-wasi-port install broken
	log=$PORT_CACHE/logs/broken-1:1.2.13.dfsg-1.log
	[ "$output" = "broken 1:1.2.13.dfsg-1: fetch... configure... failed" ]
	[[ "$stderr" =~ ^"wasm32-wasi-port: broken: configure failed: the log is $log (the build tree is kept: $PORT_CACHE/broken/.build."[A-Za-z0-9]+")"$ ]]
	grep -qx "configuring for the failure test" "$log"
	[ ! -e "$WASM32_WASI_PORTS" ] || [ -z "$(prefix_files)" ]
	[ ! -e "$PORT_CACHE/broken/"*/tree ]
}

@test "an install that meets a file it does not own leaves nothing of itself behind" {
	mkdir -p "$WASM32_WASI_PORTS/include"
	echo '/* someone else'"'"'s */' > "$WASM32_WASI_PORTS/include/zlib.h"
	run -1 --separate-stderr wasm32-wasi-port install zlib
	[[ "$output" =~ ^"zlib 1:1.2.13.dfsg-1: ".*" failed"$ ]]
	[ "$stderr" = "wasm32-wasi-port: zlib: $WASM32_WASI_PORTS/include/zlib.h is there already, and not from zlib" ]
	[ "$(prefix_files)" = "include/zlib.h" ]
	[ -z "$(ls -A "$WASM32_WASI_PORTS" | grep -v '^include$')" ]
	grep -q "someone else" "$WASM32_WASI_PORTS/include/zlib.h"
}

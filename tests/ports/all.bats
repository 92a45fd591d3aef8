#!/usr/bin/env bats
# all.bats: every port of ports/ (doc/ports.md), installed by wasm32-wasi-port
# into a prefix of this suite's own, its own tests passing in its build; then
# a program that uses it, built with --use-port=NAME and run. Long (the
# builds, cached in tests/cache after the first run): make check-ports.

load ../packages/packages_helper

# One prefix for the suite, emptied first: in the build tree, the same each
# run, since the cache keys builds by prefix.
setup_file() {
	rm -rf "$BUILD_DIR/tests/ports-prefix/all"
}

setup() {
	packages_setup || return 1
	export WASM32_WASI_PORTS=$BUILD_DIR/tests/ports-prefix/all
}

# Installs port $1, whose line must end "installed (N of N)", then builds
# tests/fixtures/ports/use/$1.c with --use-port=$1 and runs it: its output
# must be the rest of the arguments, one a line.
port_works() {
	local name=$1 want
	shift
	run -0 wasm32-wasi-port install "$name"
	[[ "${lines[-1]}" =~ ^"$name "[^\ ]+": ".*"installed "(already )?"("([0-9]+)" of "([0-9]+)")"$ ]] ||
		{ echo "$output"; return 1; }
	[ "${BASH_REMATCH[2]}" = "${BASH_REMATCH[3]}" ]
	wasm32-wasi-cc --use-port="$name" -O2 -o "$name" "$FIXTURES/ports/use/$name.c"
	run -0 wasm32-wasi-run "./$name"
	want=$(printf '%s\n' "$@")
	[ "$output" = "$want" ] || { printf 'expected:\n%s\ngot:\n%s\n' "$want" "$output"; return 1; }
}

@test "zlib" {
	port_works zlib "zlib 1.2.13: 27 bytes to 18 and back: hello, hello, hello, hello"
}

@test "bzip2" {
	port_works bzip2 "bzip2 1.0.8: round trip of 36 bytes"
}

@test "xz (liblzma)" {
	port_works xz "liblzma 5.4.1: round trip of 36 bytes"
}

@test "zstd" {
	port_works zstd "zstd 1.5.4: round trip of 40 bytes"
}

@test "libpng (over zlib)" {
	port_works libpng "libpng 1.6.39: 3x2 gray, 86 bytes of PNG, read back"
}

@test "libjpeg-turbo" {
	port_works libjpeg-turbo "libjpeg 62: 8x8, 1 components, mean 128"
}

@test "freetype (over zlib and libpng)" {
	port_works freetype "FreeType 2.12.1: not a font: error 85"
}

@test "libxml2 (over zlib and xz)" {
	port_works libxml2 "libxml2 2.9.14: <doc><p lang=fr>café"
}

@test "sqlite3" {
	port_works sqlite3 "SQLite 3.40.1" "total=42 bs=xy"
}

@test "oniguruma" {
	port_works oniguruma "Oniguruma 6.9.8: match at 2, group 1 is 'bbb'"
}

@test "expat" {
	port_works expat "expat_2.5.0: 4 elements"
}

@test "openssl (no sockets, no threads)" {
	port_works openssl "OpenSSL 3.0.20 7 Apr 2026" \
		"sha256(abc) = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" \
		"aes-256-gcm: attack at dawn"
}

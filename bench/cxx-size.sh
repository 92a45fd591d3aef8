#!/usr/bin/env bash
# cxx-size.sh: what C++ exceptions cost in size. A hello (std::cout) and a
# program that throws and catches (tests/fixtures/cxx/exceptions.cpp, which
# cannot build without exceptions), as core modules at -O2 and -Os (the
# driver strips optimized links), built:
#   eh      wasm32-wasi-c++, exceptions on: the build's libc++ (wasm EH)
#   noeh    wasm32-wasi-c++ -fno-exceptions: Debian's libc++, without them
#   noeh-eh -fno-exceptions, but against the build's libc++ (a layered spec)
#   clang   plain clang-19 -fno-exceptions with Debian's libc++, stripped,
#           without wasm-opt (which clang runs after an optimized link when
#           it finds one on PATH, as the driver's wasm-opt step does), and
#           with it
# Ratios are against plain clang without wasm-opt, from this one run.
# Usage: bench/cxx-size.sh
# WASM32_WASI_CXX selects the driver (default: wasm32-wasi-c++ on PATH),
# WASM32_WASI_RUN the runner, CLANG plain clang (default: clang-19).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cxx=${WASM32_WASI_CXX:-wasm32-wasi-c++}
clang=${CLANG:-clang-19}
runner=${WASM32_WASI_RUN:-wasm32-wasi-run}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

printf '%s\n' '#include <iostream>' \
	'int main() { std::cout << "hello, world" << std::endl; return 0; }' > hello.cpp
cp "$top/tests/fixtures/cxx/exceptions.cpp" .
# -fno-exceptions, but the libcxx role of exceptions on
printf '%s\n' '# noeh-eh: the libc++ built with exceptions, whatever the flags' 'roles:' '  libcxx:' \
	'    kind: lib' '    after: ["${libcxx-archives}"]' > noeh-eh.yaml

# clang without wasm-opt: a PATH of clang's directory and its linker only
mkdir nowasmopt
for ld in wasm-ld-19 wasm-ld; do
	if command -v "$ld" > /dev/null; then
		ln -s "$(command -v "$ld")" "nowasmopt/$ld"
	fi
done
clang_dir=$(dirname "$(realpath "$(command -v "$clang")")")

size() {
	stat -c %s "$1"
}

for opt in -O2 -Os; do
	o=${opt#-}
	"$cxx" --emit=core "$opt" -o "hello-eh-$o" hello.cpp
	"$cxx" --emit=core "$opt" -fno-exceptions -o "hello-noeh-$o" hello.cpp
	"$cxx" --emit=core "$opt" -fno-exceptions --specs=noeh-eh.yaml -o "hello-noeh-eh-$o" hello.cpp
	PATH=$clang_dir:$work/nowasmopt "$clang" --target=wasm32-wasi "$opt" -fno-exceptions -s \
		-o "hello-clang-$o" hello.cpp -lc++ -lc++abi
	"$clang" --target=wasm32-wasi "$opt" -fno-exceptions -s -o "hello-clang-wasm-opt-$o" hello.cpp -lc++ -lc++abi
	"$cxx" --emit=core "$opt" -o "exceptions-eh-$o" exceptions.cpp
	for p in hello-eh hello-noeh hello-noeh-eh hello-clang hello-clang-wasm-opt exceptions-eh; do
		[ "$("$runner" "$p-$o" | head -n 1)" != "" ] ||
			{ echo "${0##*/}: $p-$o printed nothing" >&2; exit 1; }
	done
done

printf '%-58s %9s %9s %6s\n' "core module (bytes)" -O2 -Os "ratio"
row() {
	local what=$1 f=$2 base=$3
	printf '%-58s %9s %9s %6.3f\n' "$what" "$(size "$f-O2")" "$(size "$f-Os")" \
		"$(awk -v a="$(size "$f-O2")" -v b="$(size "$base-O2")" 'BEGIN { print a / b }')"
}
row "hello, plain clang -fno-exceptions, Debian's libc++" hello-clang hello-clang
row "the same, with wasm-opt" hello-clang-wasm-opt hello-clang
row "hello, wasm32-wasi-c++ -fno-exceptions (Debian's libc++)" hello-noeh hello-clang
row "hello, -fno-exceptions against the libc++ with exceptions" hello-noeh-eh hello-clang
row "hello, wasm32-wasi-c++ (exceptions on)" hello-eh hello-clang
row "exceptions.cpp, wasm32-wasi-c++ (exceptions on)" exceptions-eh hello-clang
echo "(ratio: the -O2 size over plain clang's hello without wasm-opt)"

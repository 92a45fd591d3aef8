#!/usr/bin/env bash
# complink.sh: what the dynamic executable as one command component costs, against the static link
# and wrap. Times, interleaved, for objects and dlls already built: the static command (link and
# builtin wrap, the default), the dynamic executable as a core module (--emit=core: link and
# dylink) and as a component (link, dylink and component-link, the default); prints the best of
# RUNS of each, the ratios of the dynamic links to the static one, and the sizes of the static
# component, the dynamic component and the dynamic core module. Usage: bench/complink.sh [RUNS]
# WASM32_WASI_CC selects the driver (default: the one on PATH); the dynamic links find libc.so and
# liballoc.so in its libdir, or through $WASM32_WASI_LIBRARY_PATH.
set -euo pipefail

runs=${1:-5}
cc=${WASM32_WASI_CC:-wasm32-wasi-cc}
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

source "$top/bench/timing.sh"

# bench NAME SOURCE [DLL...]: the program, static (its dlls' sources linked in) and dynamic;
# each dll is linked against those before it
bench() {
	local name=$1 src=$2 i static= core= comp=
	shift 2
	local -a objs=() dlls=()
	for lib in "$@"; do
		"$cc" -c -o "$lib.o" "$top/tests/fixtures/dynamic/$lib.c"
		"$cc" -shared -o "$lib.so" "$top/tests/fixtures/dynamic/$lib.c" "${dlls[@]}"
		objs+=("$lib.o")
		dlls+=("$lib.so")
	done
	"$cc" -c -o prog.o "$src"
	# each once, failing loudly, before the timing
	"$cc" -o static.wasm prog.o "${objs[@]}"
	"$cc" --artifact=dynamic-command --emit=core -o dynamic.core prog.o "${dlls[@]}"
	"$cc" --artifact=dynamic-command -o dynamic.wasm prog.o "${dlls[@]}"
	for ((i = 0; i < runs; i++)); do
		best static "$cc" -o static.wasm prog.o "${objs[@]}"
		best core "$cc" --artifact=dynamic-command --emit=core -o dynamic.core prog.o "${dlls[@]}"
		best comp "$cc" --artifact=dynamic-command -o dynamic.wasm prog.o "${dlls[@]}"
	done
	awk -v n="$name" -v s="$static" -v c="$core" -v d="$comp" -v ss="$(stat -c %s static.wasm)" \
		-v ds="$(stat -c %s dynamic.wasm)" -v cs="$(stat -c %s dynamic.core)" 'BEGIN {
		printf "%-9s %8.1f %8.1f %5.2f %8.1f %5.2f %9d %9d %9d\n", n, s / 1000, c / 1000, c / s,
			d / 1000, d / s, ss, ds, cs }'
}

printf 'best of %s runs, ms; x = ratio to the static link and wrap; sizes in bytes\n' "$runs"
printf '%-9s %8s %8s %5s %8s %5s %9s %9s %9s\n' program static core x comp x static comp core
bench hello "$top/examples/hello.c"
bench useshare "$top/tests/fixtures/dynamic/useshare.c" libshare
bench usetop "$top/tests/fixtures/dynamic/usetop.c" libbase libtop

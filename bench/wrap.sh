#!/usr/bin/env bash
# wrap.sh: what making a command component costs over the bare link. Times,
# interleaved, for objects already compiled: the bare wasm-ld command the
# driver plans (from -###), the driver's link to a core module (--emit=core),
# its link with the builtin wrap (the default), and with jco's (the wrap-jco
# step); prints the best of RUNS of each, its ratio to the bare link, and the
# sizes of the two components. Usage: bench/wrap.sh [RUNS]
# WASM32_WASI_CC selects the driver (default: the one on PATH).
set -euo pipefail

runs=${1:-15}
cc=${WASM32_WASI_CC:-wasm32-wasi-cc}
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
printf 'vars:\n  wrapper: wrap-jco\n' > jco.yaml

source "$top/bench/timing.sh"

bench() {
	local name=$1 src=$2 line i best_raw= best_core= best_wrap= best_jco=
	local -a raw
	"$cc" -c -o prog.o "$src"
	# the planned wasm-ld command, writing to raw.wasm
	line=$("$cc" -### --emit=core -o raw.wasm prog.o 2>&1 | sed -n 1p)
	eval "raw=($line)"
	for i in "${!raw[@]}"; do
		if [ "${raw[$i]}" = -o ]; then raw[$((i + 1))]=raw.wasm; fi
	done
	# each once, failing loudly, before the timing
	"${raw[@]}"
	"$cc" --emit=core -o core.wasm prog.o
	"$cc" -o builtin.wasm prog.o
	"$cc" --specs=jco.yaml -o jco.wasm prog.o
	for ((i = 0; i < runs; i++)); do
		best best_raw "${raw[@]}"
		best best_core "$cc" --emit=core -o core.wasm prog.o
		best best_wrap "$cc" -o builtin.wasm prog.o
		best best_jco "$cc" --specs=jco.yaml -o jco.wasm prog.o
	done
	awk -v n="$name" -v raw="$best_raw" -v core="$best_core" -v wrap="$best_wrap" -v jco="$best_jco" \
		-v bs="$(stat -c %s builtin.wasm)" -v js="$(stat -c %s jco.wasm)" 'BEGIN {
		printf "%-8s %8.1f %8.1f %5.2f %8.1f %5.2f %8.1f %5.2f %8d %8d %5.2f\n", n, raw / 1000,
			core / 1000, core / raw, wrap / 1000, wrap / raw, jco / 1000, jco / raw, bs, js, bs / js }'
}

printf 'best of %s runs, ms; x = ratio to the bare link; sizes in bytes\n' "$runs"
printf '%-8s %8s %8s %5s %8s %5s %8s %5s %8s %8s %5s\n' program wasm-ld core x builtin x jco x \
	builtin jco size
bench hello "$top/examples/hello.c"
bench args "$top/tests/fixtures/command/hello.c"
bench files "$top/tests/fixtures/wrap/files.c"

#!/usr/bin/env bash
# typed-run.sh: what the runner costs to call a typed command (Typed Main
# level 1) against running a plain main: the wall time from start to exit
# (best of RUNS, interleaved, after one run that fills the transpile cache)
# of the issue's greet (tests/fixtures/typed-main) called by its flags and by
# --invoke, against examples/hello.c's level-0 command run by jco as a
# component (--jco: the same transpile, cache and shim) and run as the
# runner runs it by default (its embedded core module). Usage:
# bench/typed-run.sh [RUNS]. WASM32_WASI_CC and WASM32_WASI_RUN select the
# driver and the runner (default: the ones on PATH).
set -euo pipefail

runs=${1:-10}
cc=${WASM32_WASI_CC:-wasm32-wasi-cc}
runner=${WASM32_WASI_RUN:-wasm32-wasi-run}
top=$(cd "$(dirname "$0")/.." && pwd)
fix=$top/tests/fixtures/typed-main
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export XDG_CACHE_HOME=$work/cache

"$cc" --wit="$fix/greet.wit" --emit=header -o greet.h
"$cc" -O2 -I. --wit="$fix/greet.wit" -o greet "$fix/greet.c"
"$cc" -O2 -o hello "$top/examples/hello.c"

declare -A command=(
	[greet-flags]="./greet --name World --times 1"
	[greet-invoke]="--invoke run(\"World\",1,false,[]) ./greet"
	[hello-jco]="--jco ./hello"
	[hello]="./hello"
)
order=(greet-flags greet-invoke hello-jco hello)
declare -A best
for v in "${order[@]}"; do
	# shellcheck disable=SC2086 # the words of the command
	"$runner" ${command[$v]} > /dev/null
done
for ((i = 0; i < runs; i++)); do
	for v in "${order[@]}"; do
		t0=${EPOCHREALTIME/./}
		# shellcheck disable=SC2086
		"$runner" ${command[$v]} > /dev/null
		t=$((${EPOCHREALTIME/./} - t0))
		if [ -z "${best[$v]:-}" ] || [ "$t" -lt "${best[$v]}" ]; then
			best[$v]=$t
		fi
	done
done
printf '%-56s %10s %8s\n' '' 'ms' 'ratio'
for v in "${order[@]}"; do
	printf '%-56s %10.1f %8.3f\n' "wasm32-wasi-run ${command[$v]}" \
		"$(awk -v t="${best[$v]}" 'BEGIN { print t / 1000 }')" \
		"$(awk -v t="${best[$v]}" -v b="${best[hello-jco]}" 'BEGIN { print t / b }')"
done

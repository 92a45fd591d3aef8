#!/usr/bin/env bash
# stack.sh: what a bigger default stack costs: a printf hello linked with a
# 1 MiB stack (-Wl,-z,stack-size=1048576) and with an 8 MiB one, Linux's
# default, both first in memory as the specs place it, run under
# wasm32-wasi-run RUNS times each, interleaved: its wall time from start to
# exit and the runner's peak resident memory (GNU time's %M), medians, as a
# core module and as the default component. The stack's pages are part of
# the initial memory, which the host maps zeroed and commits only when
# touched; ratios are 8 MiB over 1 MiB.
# Usage: bench/stack.sh [RUNS]
# WASM32_WASI_CC and WASM32_WASI_RUN select the driver and the runner.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
source "$top/bench/heavy.sh"
[ -x /usr/bin/time ] || { echo "${0##*/}: needs GNU time (the Debian package time)" >&2; exit 1; }

sizes=(1048576 8388608)
for s in "${sizes[@]}"; do
	"$cc" --emit=core -O2 -Wl,-z,stack-size="$s" -o "core-$s" printf.c
	"$cc" -O2 -Wl,-z,stack-size="$s" -o "component-$s" printf.c
done

# times[KIND-SIZE] and rss[KIND-SIZE]: one value a run, space-separated
declare -A times rss
for ((i = 0; i < runs; i++)); do
	for kind in core component; do
		for s in "${sizes[@]}"; do
			start=$(date +%s%N)
			/usr/bin/time -f %M -o rss.out "$runner" "./$kind-$s" > out.txt
			t=$((($(date +%s%N) - start) / 1000))
			[ "$(cat out.txt)" = "hello, world" ] || { echo "${0##*/}: $kind-$s printed $(cat out.txt)" >&2; exit 1; }
			times[$kind-$s]+="$t "
			rss[$kind-$s]+="$(tail -n 1 rss.out) "
		done
	done
done

median() { tr ' ' '\n' <<< "$1" | grep . | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
pages() { wasm-objdump -x -j Memory "$1" 2>/dev/null | sed -n 's/.*pages: initial=\([0-9]*\).*/\1/p'; }

printf '%-34s %10s %10s %8s\n' "" "8 MiB" "1 MiB" ratio
for kind in core component; do
	row "$kind: start to exit (ms)" "$(ms "$(median "${times[$kind-8388608]}")")" \
		"$(ms "$(median "${times[$kind-1048576]}")")"
	row "$kind: peak resident (KiB)" "$(median "${rss[$kind-8388608]}")" \
		"$(median "${rss[$kind-1048576]}")"
done
row "initial memory (64 KiB pages)" "$(pages core-8388608)" "$(pages core-1048576)"
row "core module (bytes)" "$(size core-8388608)" "$(size core-1048576)"

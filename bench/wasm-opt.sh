#!/usr/bin/env bash
# wasm-opt.sh: what the wasm-opt step (specs/steps.yaml) gives, against the
# same builds without it (a layered spec: the command's steps of before, and
# the link not keeping target_features), in one run: the core module sizes of
# a puts and a printf hello at -Os, bench/malloc-heavy.c at -O2 and -Os, and
# a std::cout hello (wasm32-wasi-c++, exceptions on as by default) at -O2 and
# -Os; then run times, best of RUNS interleaved runs: malloc-heavy's own
# measure of its work, and the wall time of the C and C++ hellos from start
# to exit under wasm32-wasi-run. Ratios are with over without.
# Usage: bench/wasm-opt.sh [RUNS]
# WASM32_WASI_CC, WASM32_WASI_CXX and WASM32_WASI_RUN select the drivers and
# the runner (default: the ones on PATH).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
source "$top/bench/heavy.sh"
cxx=${WASM32_WASI_CXX:-wasm32-wasi-c++}

printf '%s\n' '# without: the command without the wasm-opt step' 'artifacts:' '  command:' \
	'    steps: [link, check-exports, {unless: core, then: ["${wrapper}"]}, declare-env]' \
	'vars:' '  wasm-opt-link-flags: []' > without.yaml
printf '%s\n' '#include <iostream>' \
	'int main() { std::cout << "hello, world" << std::endl; return 0; }' > hello.cpp

for v in with without; do
	spec=()
	[ "$v" = without ] && spec=(--specs=without.yaml)
	"$cc" "${spec[@]}" --emit=core -Os -o "puts-$v" puts.c
	"$cc" "${spec[@]}" --emit=core -Os -o "printf-$v" printf.c
	"$cc" "${spec[@]}" --emit=core -O2 -o "heavy-$v" "$top/bench/malloc-heavy.c"
	"$cc" "${spec[@]}" --emit=core -Os -o "heavy-Os-$v" "$top/bench/malloc-heavy.c"
	"$cxx" "${spec[@]}" --emit=core -O2 -o "cxx-$v" hello.cpp
	"$cxx" "${spec[@]}" --emit=core -Os -o "cxx-Os-$v" hello.cpp
done

measure_best "$runs" with without

# best[NAME-VARIANT]: the best wall time of RUNS runs, in microseconds.
for ((i = 0; i < runs; i++)); do
	for p in printf cxx; do
		for v in with without; do
			start=$(date +%s%N)
			"$runner" "./$p-$v" > /dev/null
			t=$((($(date +%s%N) - start) / 1000))
			if [ -z "${best[$p-$v]:-}" ] || [ "$t" -lt "${best[$p-$v]}" ]; then
				best[$p-$v]=$t
			fi
		done
	done
done

printf '%-34s %10s %10s %8s\n' "" with without ratio
row "puts hello, -Os (bytes)" "$(size puts-with)" "$(size puts-without)"
row "printf hello, -Os (bytes)" "$(size printf-with)" "$(size printf-without)"
row "malloc-heavy, -O2 (bytes)" "$(size heavy-with)" "$(size heavy-without)"
row "malloc-heavy, -Os (bytes)" "$(size heavy-Os-with)" "$(size heavy-Os-without)"
row "C++ hello, -O2 (bytes)" "$(size cxx-with)" "$(size cxx-without)"
row "C++ hello, -Os (bytes)" "$(size cxx-Os-with)" "$(size cxx-Os-without)"
row "malloc-heavy -O2, best of $runs (ms)" "$(ms "${best[with]}")" "$(ms "${best[without]}")"
row "printf hello, start to exit (ms)" "$(ms "${best[printf-with]}")" "$(ms "${best[printf-without]}")"
row "C++ hello -O2, start to exit (ms)" "$(ms "${best[cxx-with]}")" "$(ms "${best[cxx-without]}")"

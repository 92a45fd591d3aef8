#!/usr/bin/env bash
# dynamic.sh: what dynamic linking costs against the static command, in one
# run: bench/malloc-heavy.c's time (best of RUNS interleaved runs, as the
# program measures itself), where every malloc and free of the dynamic
# build is a call into liballoc.so, another instance; and the wall time of
# a hello from start to exit under wasm32-wasi-run (best and median of RUNS), where the
# dynamic one also loads and links libc.so and liballoc.so. Both are core
# modules built at -O2; ratios are dynamic over static.
# Usage: bench/dynamic.sh [RUNS]
# WASM32_WASI_CC and WASM32_WASI_RUN select the driver and the runner
# (default: the ones on PATH); the runner finds libc.so as usual
# ($WASM32_WASI_LIBRARY_PATH, then its libdir).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
source "$top/bench/heavy.sh"
source "$top/bench/timing.sh"

"$cc" --emit=core -O2 -o heavy-static "$top/bench/malloc-heavy.c"
"$cc" --artifact=dynamic-command --emit=core -O2 -o heavy-dynamic "$top/bench/malloc-heavy.c"
"$cc" --emit=core -O2 -o hello-static printf.c
"$cc" --artifact=dynamic-command --emit=core -O2 -o hello-dynamic printf.c

measure_best "$runs" static dynamic

# hello-VARIANT.times: the wall time of each of RUNS runs, in microseconds
# (the best, and the median, which a machine whose speed wanders moves less
# than the best). VARIANT-cold: the same without
# the runner's code cache (runtime/run/codecache.js), whose directory is
# then a file: node compiles the runner's files at each start, as it did
# before the cache.
: > no-cache
"$runner" ./hello-dynamic > /dev/null # the code cache, written
for ((i = 0; i < runs; i++)); do
	for v in static dynamic static-cold dynamic-cold; do
		if [ "${v%-cold}" != "$v" ]; then
			XDG_CACHE_HOME=$PWD/no-cache time1 t "$runner" "./hello-${v%-cold}"
		else
			time1 t "$runner" "./hello-$v"
		fi
		echo "$t" >> "hello-$v.times"
	done
done

printf '%-34s %10s %10s %8s\n' "" dynamic static ratio
row "malloc-heavy, best of $runs (ms)" "$(ms "${best[dynamic]}")" "$(ms "${best[static]}")"
row "hello, start to exit (ms)" "$(ms "$(least < hello-dynamic.times)")" "$(ms "$(least < hello-static.times)")"
row "hello, start to exit, median (ms)" "$(ms "$(median < hello-dynamic.times)")" "$(ms "$(median < hello-static.times)")"
row "hello, no code cache, best (ms)" "$(ms "$(least < hello-dynamic-cold.times)")" \
	"$(ms "$(least < hello-static-cold.times)")"
row "hello, no code cache, median (ms)" "$(ms "$(median < hello-dynamic-cold.times)")" \
	"$(ms "$(median < hello-static-cold.times)")"
row "hello module (bytes)" "$(size hello-dynamic)" "$(size hello-static)"

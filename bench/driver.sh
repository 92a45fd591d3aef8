#!/usr/bin/env bash
# driver.sh: what the driver costs over the commands it runs. Times
# `wasm32-wasi-cc -c` against the clang command it plans (from -###), and the
# driver's link (--emit=core) against the bare wasm-ld command, interleaved,
# and prints the median of each's times and of their ratios; and the floor
# under the first: a static program that only execs the same clang command. Usage:
# bench/driver.sh [RUNS]
# WASM32_WASI_CC selects the driver (default: the one on PATH).
set -euo pipefail

runs=${1:-25}
cc=${WASM32_WASI_CC:-wasm32-wasi-cc}
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# A source of some size: the example, and a file of many small functions.
cp "$top/examples/hello.c" hello.c
{
	echo '#include <stdio.h>'
	echo '#include <string.h>'
	for i in $(seq 1 300); do
		echo "int f$i(const char *s) { return (int)strlen(s) * $i + printf(\"%d\", $i); }"
	done
	echo 'int main(void) { return f1("x"); }'
} > many.c

# The planned command for an invocation, as words in the array `cmd`,
# with its output (-o) replaced by $2.
planned() {
	local line
	line=$("$cc" -### "${@:3}" 2>&1 | sed -n "${1}p")
	eval "cmd=($line)"
	for i in "${!cmd[@]}"; do
		if [ "${cmd[$i]}" = -o ]; then cmd[$((i + 1))]=$2; fi
	done
}

source "$top/bench/timing.sh"

# compare NAME -- DRIVER-COMMAND... -- RAW-COMMAND...: interleaved runs, in
# pairs whose order alternates; prints the medians of each command's times
# and the median of the pairs' ratios (each pair ran within a few
# milliseconds, so a machine whose speed wanders over the run moves that
# ratio less than it moves the ratio of the medians).
compare() {
	local name=$1 td tr i
	shift
	local -a drv=() raw=()
	while [ "$1" != -- ]; do drv+=("$1"); shift; done
	shift
	raw=("$@")
	: > d.times
	: > r.times
	: > ratios
	"${drv[@]}" > /dev/null 2>&1 # warm the caches
	"${raw[@]}" > /dev/null 2>&1
	for ((i = 0; i < runs; i++)); do
		if ((i % 2)); then
			time1 tr "${raw[@]}"
			time1 td "${drv[@]}"
		else
			time1 td "${drv[@]}"
			time1 tr "${raw[@]}"
		fi
		echo "$td" >> d.times
		echo "$tr" >> r.times
		awk -v d="$td" -v r="$tr" 'BEGIN { printf "%.6f\n", d / r }' >> ratios
	done
	awk -v n="$name" -v d="$(median < d.times)" -v r="$(median < r.times)" -v q="$(median < ratios)" \
		'BEGIN { printf "%-40s %10.1f %10.1f %8.3f\n", n, d / 1000, r / 1000, q }'
}

printf '%-40s %10s %10s %8s\n' "medians of $runs pairs" "driver ms" "raw ms" "ratio"

planned 1 raw.o -c -o drv.o hello.c
compare "compile -c hello.c" "$cc" -c -o drv.o hello.c -- "${cmd[@]}"
planned 1 raw.o -c -O2 -o drv.o many.c
compare "compile -c -O2 many.c (300 functions)" "$cc" -c -O2 -o drv.o many.c -- "${cmd[@]}"

"$cc" -c -o hello.o hello.c
planned 1 raw.wasm --emit=core -o drv.wasm hello.o
compare "link --emit=core hello.o" "$cc" --emit=core -o drv.wasm hello.o -- "${cmd[@]}"

# The floor: any program that runs before clang and then execs it costs one
# more exec, whatever it does; the smallest such C program, static, against
# the same raw command. What the driver costs beyond it is its own work. Two
# floors, as the driver may be built (README, configure): with glibc
# (${HOSTCC:-cc}, -static-pie) and with musl (musl-gcc -static), whose start
# skips glibc's reading of the CPU's cache sizes (dozens of cpuid
# instructions, each a trip to the hypervisor on a virtual machine).
cat > floor.c <<'C'
#include <unistd.h>
int main(int argc, char **argv) { (void)argc; execv(argv[1], argv + 1); return 127; }
C
floors=()
if "${HOSTCC:-cc}" -O2 -static-pie -o floor-glibc floor.c 2> /dev/null || "${HOSTCC:-cc}" -O2 -o floor-glibc floor.c; then
	floors+=(glibc)
fi
if command -v musl-gcc > /dev/null && musl-gcc -O2 -static -o floor-musl floor.c; then
	floors+=(musl)
fi
planned 1 raw.o -c -o drv.o hello.c
for libc in "${floors[@]}"; do
	compare "floor: a static $libc program exec'ing clang" "./floor-$libc" "${cmd[@]}" -- "${cmd[@]}"
done
# The driver's own work, without clang's noise: the driver with clang
# replaced by /bin/true (a layered spec, which it reads as YAML: a little
# more than it reads for a real -c) against each floor program exec'ing
# /bin/true. The ratio here is of two small times; their difference is
# what the driver adds to any -c beyond the exec.
printf 'tools:\n  clang:\n    path: /bin/true\n' > true.yaml
for libc in "${floors[@]}"; do
	compare "own work: clang as /bin/true, vs $libc" env WASM32_WASI_CC_SPECS=true.yaml "$cc" -c -o drv.o hello.c \
		-- env "./floor-$libc" /bin/true
done

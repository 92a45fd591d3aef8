# heavy.sh: what bench/alloc.sh, bench/pic.sh and bench/dynamic.sh share,
# sourced first by each: their settings and a work directory they run in
# (with a printf and a puts hello, printf.c and puts.c), timing
# bench/malloc-heavy.c builds (heavy-VARIANT) under the runner, and printing
# rows of two columns with their ratio.

runs=${1:-10}
cc=${WASM32_WASI_CC:-wasm32-wasi-cc}
runner=${WASM32_WASI_RUN:-wasm32-wasi-run}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
printf '#include <stdio.h>\nint main(void) { printf("hello, %%s\\n", "world"); return 0; }\n' > printf.c
printf '#include <stdio.h>\nint main(void) { puts("hello, world"); return 0; }\n' > puts.c

# microseconds the workload took, from its output; its checksum must not vary
run_once() {
	local out sum
	out=$("$runner" "heavy-$1")
	sum=$(sed -n 's/^checksum //p' <<< "$out")
	if [ -n "${checksum:-}" ] && [ "$sum" != "$checksum" ]; then
		echo "${0##*/}: heavy-$1 computed checksum $sum, not $checksum" >&2
		exit 1
	fi
	checksum=$sum
	sed -n 's/^microseconds //p' <<< "$out"
}

# best[VARIANT]: the best of RUNS runs of each variant, interleaved.
declare -A best
measure_best() {
	local runs=$1 i v t
	shift
	for ((i = 0; i < runs; i++)); do
		for v in "$@"; do
			t=$(run_once "$v")
			if [ -z "${best[$v]:-}" ] || [ "$t" -lt "${best[$v]}" ]; then
				best[$v]=$t
			fi
		done
	done
}

ms() { awk -v t="$1" 'BEGIN { printf "%.1f", t / 1000 }'; }
size() { wc -c < "$1" | tr -d ' '; }
row() {
	awk -v n="$1" -v a="$2" -v d="$3" 'BEGIN { printf "%-34s %10s %10s %8.3f\n", n, a, d, a / d }'
}

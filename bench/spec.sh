#!/usr/bin/env bash
# spec.sh: what reading a large spec costs. Times `-dumpmachine` (which reads,
# merges and expands the specs, and runs nothing) with a user spec of N
# variables layered over the installed specs, and over a second spec of the
# same N keys (every key merged), against the driver alone, interleaved.
# Linear loading keeps the cost per key flat as N grows.
# Usage: bench/spec.sh [RUNS]; WASM32_WASI_CC selects the driver.
set -euo pipefail

runs=${1:-11}
cc=${WASM32_WASI_CC:-wasm32-wasi-cc}
top=$(cd "$(dirname "$0")/.." && pwd)
sizes=(10000 20000 40000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

for n in "${sizes[@]}"; do
	awk -v n="$n" 'BEGIN { print "vars:"; for (i = 0; i < n; i++) printf "  key%d: value%d\n", i, i }' > "keys-$n.yaml"
	awk -v n="$n" 'BEGIN { print "vars:"; for (i = n; i-- > 0;) printf "  key%d: other%d\n", i, i }' > "again-$n.yaml"
done

source "$top/bench/timing.sh"

# time NAME ARGS...: one run of the driver, appended to NAME.times (microseconds)
time_one() {
	local name=$1 t0 t1
	shift
	t0=$(now)
	"$cc" "$@" -dumpmachine > /dev/null
	t1=$(now)
	echo $((t1 - t0)) >> "$name.times"
}

cases=(base)
for n in "${sizes[@]}"; do cases+=("one-$n" "two-$n"); done
for c in "${cases[@]}"; do : > "$c.times"; done
for ((i = 0; i < runs; i++)); do
	time_one base
	for n in "${sizes[@]}"; do
		time_one "one-$n" --specs="keys-$n.yaml"
		time_one "two-$n" --specs="keys-$n.yaml" --specs="again-$n.yaml"
	done
done

base=$(median < base.times)
printf '%-34s %10s %12s %12s\n' "median of $runs runs" "ms" "us per key" "vs 10000"
printf '%-34s %10.1f\n' "installed specs only" "$(awk -v t="$base" 'BEGIN { print t / 1000 }')"
for kind in one two; do
	first=
	for n in "${sizes[@]}"; do
		t=$(median < "$kind-$n.times")
		per=$(awk -v t="$t" -v b="$base" -v n="$n" 'BEGIN { print (t - b) / n }')
		first=${first:-$per}
		label="$n keys"
		[ "$kind" = two ] && label="$n keys, merged over $n more"
		awk -v l="$label" -v t="$t" -v p="$per" -v f="$first" \
			'BEGIN { printf "%-34s %10.1f %12.3f %12.2f\n", l, t / 1000, p, p / f }'
	done
done

#!/usr/bin/env bash
# alloc.sh: liballoc against wasi-libc's dlmalloc. Times bench/malloc-heavy.c
# under node (best of RUNS interleaved runs each, as the program measures
# itself), sums the code the linker took from each allocator's objects (from
# the link map), and sizes the whole module, stripped, and a printf and a
# puts hello (core modules, no -g). Ratios are liballoc over dlmalloc, from
# this one run. Usage: bench/alloc.sh [RUNS]
# WASM32_WASI_CC and WASM32_WASI_RUN select the driver and the runner
# (default: the ones on PATH).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
source "$top/bench/heavy.sh"

allocators=(liballoc dlmalloc)


for a in "${allocators[@]}"; do
	"$cc" --allocator="$a" --emit=core -O2 -Wl,--Map="heavy-$a.map" -o "heavy-$a" "$top/bench/malloc-heavy.c"
	"$cc" --allocator="$a" --emit=core -O2 -s -o "heavy-$a-s" "$top/bench/malloc-heavy.c"
	"$cc" --allocator="$a" --emit=core -Os -o "printf-$a" printf.c
	"$cc" --allocator="$a" --emit=core -Os -o "puts-$a" puts.c
done

measure_best "$runs" "${allocators[@]}"

# bytes of code the link took from the allocator's objects, from the map's
# "ADDR SIZE ARCHIVE(OBJECT):(FUNCTION)" lines (libc's dlmalloc calls sbrk)
hex='function hex(s,  n, i) { n = 0; for (i = 1; i <= length(s); i++) n = n * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1; return n }'
allocator_code() {
	awk "$hex"' $1 == "-" && $4 ~ /\((alloc|atexit|dlmalloc|sbrk)\.o\):\(/ { n += hex($3) } END { print n + 0 }' "$1"
}
code_section() {
	awk "$hex"' $4 == "CODE" { print hex($3) }' "$1"
}
printf '%-34s %10s %10s %8s\n' "bench/malloc-heavy.c, -O2" liballoc dlmalloc ratio
row "time under node, best of $runs (ms)" \
	"$(ms "${best[liballoc]}")" \
	"$(ms "${best[dlmalloc]}")"
row "allocator code (bytes)" "$(allocator_code heavy-liballoc.map)" "$(allocator_code heavy-dlmalloc.map)"
row "code section (bytes)" "$(code_section heavy-liballoc.map)" "$(code_section heavy-dlmalloc.map)"
row "module, -s (bytes)" "$(size heavy-liballoc-s)" "$(size heavy-dlmalloc-s)"
row "printf hello, -Os, no -g (bytes)" "$(size printf-liballoc)" "$(size printf-dlmalloc)"
row "puts hello, -Os, no -g (bytes)" "$(size puts-liballoc)" "$(size puts-dlmalloc)"

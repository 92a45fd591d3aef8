#!/usr/bin/env bash
# pic.sh: what compiling every object position-independent (the compile
# step's codegen-flags: [-fPIC]) costs a statically-linked command. Times
# bench/malloc-heavy.c under node (best of RUNS interleaved runs each, as the
# program measures itself) and sizes it and a printf and a puts hello at -Os
# (core modules, no -g), built as the specs say (PIC) and with codegen-flags
# emptied by a layered spec (not PIC). Ratios are PIC over not, from this one
# run. Only the user's objects change: libc.a is Debian's either way.
# Usage: bench/pic.sh [RUNS]
# WASM32_WASI_CC and WASM32_WASI_RUN select the driver and the runner
# (default: the ones on PATH).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
source "$top/bench/heavy.sh"

printf '%s\n' '# not PIC: the compile step without -fPIC' 'vars:' '  codegen-flags: []' > nopic.yaml

kinds=(pic nopic)
flags_pic=()
flags_nopic=(--specs=nopic.yaml)
for k in "${kinds[@]}"; do
	declare -n f="flags_$k"
	"$cc" "${f[@]}" --emit=core -O2 -o "heavy-$k" "$top/bench/malloc-heavy.c"
	"$cc" "${f[@]}" --emit=core -O2 -s -o "heavy-$k-s" "$top/bench/malloc-heavy.c"
	"$cc" "${f[@]}" --emit=core -Os -o "printf-$k" printf.c
	"$cc" "${f[@]}" --emit=core -Os -o "puts-$k" puts.c
	unset -n f
done

measure_best "$runs" "${kinds[@]}"


printf '%-34s %10s %10s %8s\n' "bench/malloc-heavy.c, -O2" PIC "not PIC" ratio
row "time under node, best of $runs (ms)" \
	"$(ms "${best[pic]}")" \
	"$(ms "${best[nopic]}")"
row "module (bytes)" "$(size heavy-pic)" "$(size heavy-nopic)"
row "module, -s (bytes)" "$(size heavy-pic-s)" "$(size heavy-nopic-s)"
row "printf hello, -Os, no -g (bytes)" "$(size printf-pic)" "$(size printf-nopic)"
row "puts hello, -Os, no -g (bytes)" "$(size puts-pic)" "$(size puts-nopic)"

#!/usr/bin/env bash
# typed-main.sh: what a typed command (Typed Main level 1, --wit=) costs
# against a level-0 command: the link time from objects already compiled
# (best of RUNS, interleaved) and the size of the components, for the
# issue's greet world (tests/fixtures/typed-main) and examples/hello.c. The
# typed link compiles the glue and runs `jco new` (the reactor adapter); the
# level-0 one wraps in-process. Usage: bench/typed-main.sh [RUNS]
# WASM32_WASI_CC selects the driver (default: the one on PATH).
set -euo pipefail

runs=${1:-10}
cc=${WASM32_WASI_CC:-wasm32-wasi-cc}
top=$(cd "$(dirname "$0")/.." && pwd)
fix=$top/tests/fixtures/typed-main
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

source "$top/bench/timing.sh"

"$cc" --wit="$fix/greet.wit" --emit=header -o greet.h
"$cc" -Os -c -I. -o greet.o "$fix/greet.c"
"$cc" -Os -c -o hello.o "$top/examples/hello.c"
"$cc" -Os --wit="$fix/greet.wit" -o greet greet.o
"$cc" -Os -o hello hello.o
best_typed= best_hello=
for ((i = 0; i < runs; i++)); do
	best best_typed "$cc" -Os --wit="$fix/greet.wit" -o greet greet.o
	best best_hello "$cc" -Os -o hello hello.o
done
printf '%-28s %10s %10s\n' '' 'link (ms)' 'size (B)'
printf '%-28s %10.1f %10d\n' 'hello, level 0 (wrap)' "$(awk -v t="$best_hello" 'BEGIN { print t / 1000 }')" \
	"$(stat -c %s hello)"
printf '%-28s %10.1f %10d\n' 'greet, level 1 (--wit=)' "$(awk -v t="$best_typed" 'BEGIN { print t / 1000 }')" \
	"$(stat -c %s greet)"

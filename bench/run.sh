#!/usr/bin/env bash
# run.sh: what wasm32-wasi-run costs over node's WASI alone, in one run: the
# wall time of a hello from start to exit (best of RUNS interleaved runs),
# and the time bench/paths.c's path calls take inside the program (stat and
# open, with ".." and through a symbolic link, 10000 rounds; best of RUNS),
# where the runner resolves every path by its sandbox's rule first. The
# baseline is a 10-line node script giving the same core module node:wasi
# with the working directory preopened, no sandbox. Both -O2 core modules.
# Usage: bench/run.sh [RUNS]
# WASM32_WASI_CC and WASM32_WASI_RUN select the driver and the runner
# (default: the ones on PATH); NODE the node of the baseline.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
source "$top/bench/heavy.sh"
node=${NODE:-node}

"$cc" --emit=core -O2 -o hello printf.c
"$cc" --emit=core -O2 -o paths "$top/bench/paths.c"
cat > bare.cjs <<'JS'
const { WASI } = require('node:wasi');
const fs = require('node:fs');
const [file, ...args] = process.argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: [file, ...args], env: {},
  preopens: { '.': process.cwd() }, returnOnExit: true });
const compiled = new WebAssembly.Module(fs.readFileSync(file));
process.exit(wasi.start(new WebAssembly.Instance(compiled, wasi.getImportObject())));
JS

# best[VARIANT]: the best of RUNS, in microseconds: wall time for hello,
# the program's own measure for paths.
declare -A best
keep() {
	if [ -z "${best[$1]:-}" ] || [ "$2" -lt "${best[$1]}" ]; then
		best[$1]=$2
	fi
}
for ((i = 0; i < runs; i++)); do
	start=$(date +%s%N)
	"$runner" ./hello > /dev/null
	keep hello-runner $((($(date +%s%N) - start) / 1000))
	start=$(date +%s%N)
	"$node" bare.cjs ./hello > /dev/null
	keep hello-bare $((($(date +%s%N) - start) / 1000))
	rm -rf a link
	keep paths-runner "$("$runner" ./paths 10000 | sed -n 's/^microseconds //p')"
	rm -rf a link
	keep paths-bare "$("$node" bare.cjs ./paths 10000 | sed -n 's/^microseconds //p')"
done

printf '%-34s %10s %10s %8s\n' "" runner node:wasi ratio
row "hello, start to exit (ms)" "$(ms "${best[hello-runner]}")" "$(ms "${best[hello-bare]}")"
row "30000 path calls, in-program (ms)" "$(ms "${best[paths-runner]}")" "$(ms "${best[paths-bare]}")"

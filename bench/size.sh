#!/usr/bin/env bash
# size.sh: what a hello costs, core modules at -Os without -g, against the
# goals that tests/size.bats pins (puts 4,096 B, printf("%d") 20,480 B), and
# what each part costs, all built in this one run by the same driver:
#   as built       the driver's default: wasm-opt step, %Lf in printf, the
#                  program's name set only where used
#   no wasm-opt    the command's steps without wasm-opt (a layered spec)
#   no %Lf         the libc role without -lc-printscan-long-double: printf
#                  without long double (wasi-libc's default: %Lf aborts)
#   with the name  the same hello asking for program_invocation_short_name,
#                  which links the setting of the name (args_get, malloc)
# Ratios are against the goal. Usage: bench/size.sh
# WASM32_WASI_CC selects the driver (default: the one on PATH).
set -euo pipefail

cc=${WASM32_WASI_CC:-wasm32-wasi-cc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

printf '#include <stdio.h>\nint main(void) { puts("hello, world"); return 0; }\n' > puts.c
printf '#include <stdio.h>\nint main(void) { printf("hello, %%d\\n", 42); return 0; }\n' > printf.c
printf '#define _GNU_SOURCE\n#include <errno.h>\n#include <stdio.h>\nint main(void) { puts(program_invocation_short_name); return 0; }\n' > puts-name.c
printf '#define _GNU_SOURCE\n#include <errno.h>\n#include <stdio.h>\nint main(void) { printf("%%s %%d\\n", program_invocation_short_name, 42); return 0; }\n' > printf-name.c
printf '%s\n' '# no-wasm-opt: the command without the wasm-opt step' 'artifacts:' '  command:' \
	'    steps: [link, check-exports, {unless: core, then: ["${wrapper}"]}, declare-env]' \
	'vars:' '  wasm-opt-link-flags: []' > no-wasm-opt.yaml
printf '%s\n' '# no-long-double: printf and scanf without long double' 'roles:' '  libc:' '    kind: lib' \
	'    after: [-lc]' > no-long-double.yaml

build() { # NAME SOURCE FLAGS...
	"$cc" --emit=core -Os -o "$1" "${@:3}" "$2"
}
for p in puts printf; do
	build "$p" "$p.c"
	build "$p-no-wasm-opt" "$p.c" --specs=no-wasm-opt.yaml
	build "$p-no-ld" "$p.c" --specs=no-long-double.yaml
	build "$p-no-ld-no-wasm-opt" "$p.c" --specs=no-long-double.yaml --specs=no-wasm-opt.yaml
	build "$p-name" "$p-name.c"
done

size() { stat -c %s "$1"; }
row() { # WHAT FILE GOAL
	awk -v n="$1" -v a="$(size "$2")" -v g="$3" 'BEGIN { printf "%-40s %8d %8d %7.3f\n", n, a, g, a / g }'
}
printf '%-40s %8s %8s %7s\n' "core module, -Os (bytes)" size goal ratio
row "puts hello, as built" puts 4096
row "puts hello, no wasm-opt" puts-no-wasm-opt 4096
row "puts hello with the name" puts-name 4096
row "printf hello, as built" printf 20480
row "printf hello, no wasm-opt" printf-no-wasm-opt 20480
row "printf hello, no %Lf" printf-no-ld 20480
row "printf hello, no %Lf, no wasm-opt" printf-no-ld-no-wasm-opt 20480
row "printf hello with the name" printf-name 20480

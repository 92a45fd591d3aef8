#!/usr/bin/env bats
# wasm.bats: the two readers of binaries, wasm/ (the driver's) and runtime/run/wasm.js (the runner's), read
# one fixture that wasm/ writes (tests/fixtures/wasm) and the driver's binaries alike.

load test_helper

: "${NODE:=node}"
F=$TOP_SRCDIR/tests/fixtures/wasm

summary_c() {
	"$BUILD_DIR/wasm/wasm-summary" "$@"
}

summary_js() {
	"$NODE" "$F/summary.js" "$@"
}

fixture_summary="component, sections: 1 1 2 6 2 6 0 0
env: HOME LANG
libraries: '' module 0 'libx.so' module 1
core module 0:
core module, sections: 1 3 5 6 7 10
env:
libraries: none
tags: no
stack pointer: global 0, 65536 bytes
dylink: none
export index: none
core module 1:
core module, sections: 0 1 2 3 7 10 0 0
env:
libraries: none
tags: no
stack pointer: none
dylink: memory 16 align 2, table 1 align 0
needed: libc.so
runpath: \$ORIGIN/lib
export index: 1 exports in 2 slots, found: get"

@test "wasm/ writes the fixture byte for byte as it is checked in" {
	summary_c --fixture fixture.wasm
	cmp fixture.wasm "$F/fixture.wasm"
}

@test "wasm/ and wasm.js read the fixture alike" {
	run -0 summary_c "$F/fixture.wasm"
	[ "$output" = "$fixture_summary" ]
	run -0 summary_js "$F/fixture.wasm"
	[ "$output" = "$fixture_summary" ]
}

@test "wasm/ and wasm.js read a dll, a dynamic executable and its component alike" {
	D=$TOP_SRCDIR/tests/fixtures/dynamic
	wasm32-wasi-cc -shared -o libcb.so "$D/libcb.c"
	wasm32-wasi-cc --emit=core -o usecb.core "$D/usecb.c" -L. -lcb -Wl,-rpath,/lib
	wasm32-wasi-cc --env=HOME -o usecb "$D/usecb.c" -L. -lcb
	for f in libcb.so usecb.core usecb; do
		run -0 summary_c "$f"
		c=$output
		run -0 summary_js "$f"
		[ "$output" = "$c" ]
	done
	# what they agree on is read: the component's libraries, NEEDED and RUNTIME_PATH
	[[ "$c" == *"env: HOME"* && "$c" == *"libraries: 'liballoc.so' module "*" 'libcb.so' module "*" '' module "* ]]
	run -0 summary_c usecb.core
	[[ "$output" == *"needed: libcb.so"*"runpath: /lib"* ]]
}

@test "wasm.js trims a dll's exports in place to the names asked, found through its index, and nothing else changes" {
	cat > libt.c <<-'C'
	int shared_value = 7;
	int café(void) { return shared_value; }
	int other(void) { return 1; }
	int unused(void) { return 2; }
	C
	wasm32-wasi-cc -shared -o libt.so libt.c
	run -0 "$NODE" -e 'const m = new WebAssembly.Module(require("fs").readFileSync("libt.so"));
		console.log(WebAssembly.Module.exports(m).map(e => e.name).join(" "))'
	[ "$output" = "__wasm_call_ctors __wasm_apply_data_relocs café shared_value other unused" ]
	# wasm/ finds every export through the index the dylink step wrote
	run -0 "$BUILD_DIR/wasm/wasm-summary" libt.so
	[ "${lines[-1]}" = "export index: 6 exports in 16 slots, found: __wasm_call_ctors __wasm_apply_data_relocs café shared_value other unused" ]
	dylink=$("$NODE" "$F/trim.js" libt.so | sed -n 5p)
	# a name in UTF-8, a function and a global kept (twice asked, once kept); the section's size
	# and count keep their widths, and what it freed is an empty-named custom section after it
	run -0 "$NODE" "$F/trim.js" libt.so café shared_value __wasm_call_ctors café
	[ "${lines[0]}" = "index: yes" ]
	[ "${lines[1]}" = "changed: true, size kept: true" ]
	[ "${lines[2]}" = "exports: __wasm_call_ctors (function), café (function), shared_value (global)" ]
	[[ "${lines[3]}" == *" 7 0 "* ]]
	[ "${lines[4]}" = "$dylink" ]
	trimmed=("${lines[@]:1}")
	# without the index, or with one that is not of this export section (its count changed),
	# the entries are read one by one, to the same module
	"$NODE" -e 'const fs = require("fs"), b = fs.readFileSync("libt.so");
		const renamed = Buffer.from(b), name = Buffer.from("wasm32-wasi-cc.exports");
		renamed[renamed.indexOf(name) + name.length - 1] = 0x58; // ...exportX
		fs.writeFileSync("libt-noindex.so", renamed);
		const stale = Buffer.from(b), at = stale.indexOf(name) + name.length;
		stale.writeUInt32LE(stale.readUInt32LE(at + 4) + 1, at + 4);
		fs.writeFileSync("libt-stale.so", stale)'
	for f in libt-noindex.so libt-stale.so; do
		run -0 "$NODE" "$F/trim.js" "$f" café shared_value __wasm_call_ctors
		[ "${lines[0]}" = "index: no" ]
		[ "${lines[*]:1:3}" = "${trimmed[*]:0:3}" ]
	done
	# everything kept: the module as it was
	run -0 "$NODE" "$F/trim.js" libt.so __wasm_call_ctors __wasm_apply_data_relocs café other unused shared_value
	[ "${lines[1]}" = "changed: false, size kept: true" ]
}

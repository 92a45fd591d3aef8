#!/usr/bin/env bats
# errors.bats: bad input gets one clear line, a non-zero exit, no output file and no lost data.

load test_helper

@test "no input files is a usage error" {
	run -2 wasm32-wasi-cc
	[ "$output" = "wasm32-wasi-cc: no input files" ]
}

@test "a missing input is named" {
	run -1 wasm32-wasi-cc -o prog missing.c
	[ "$output" = "wasm32-wasi-cc: missing.c: No such file or directory" ]
	assert_only_files
}

@test "a missing option argument is a usage error" {
	run -2 wasm32-wasi-cc x.c -o
	[ "$output" = "wasm32-wasi-cc: missing argument to '-o'" ]
}

@test "another target is refused" {
	run -2 wasm32-wasi-cc --target=x86_64-linux-gnu x.c
	[ "$output" = "wasm32-wasi-cc: unsupported target 'x86_64-linux-gnu' (this driver targets wasm32-wasi only)" ]
}

@test "an unknown artifact kind lists the known ones" {
	echo 'int main(void){return 0;}' > x.c
	run -2 wasm32-wasi-cc --artifact=plugin x.c
	[[ "$output" == "wasm32-wasi-cc: unknown artifact kind 'plugin' (known: "*"command"*")" ]]
}

@test "a compile error fails the compile step and leaves no output" {
	echo 'int main(void) { return nope; }' > bad.c
	run --separate-stderr -1 wasm32-wasi-cc -o prog bad.c
	[ "${stderr_lines[-1]}" = "wasm32-wasi-cc: compile: clang exited with status 1" ]
	[[ "$stderr" == *"use of undeclared identifier 'nope'"* ]]
	assert_only_files bad.c
	assert_no_temporaries
}

@test "a failed link keeps the previous output as it was" {
	echo 'int f(void); int main(void) { return f(); }' > undef.c
	echo 'previous build' > prog
	run --separate-stderr -1 wasm32-wasi-cc -o prog undef.c
	[ "${stderr_lines[-1]}" = "wasm32-wasi-cc: link: wasm-ld exited with status 1" ]
	[[ "$stderr" == *"undefined symbol: f"* ]]
	[ "$(cat prog)" = "previous build" ]
	assert_only_files undef.c prog
	assert_no_temporaries
}

@test "headers neither wasi-libc nor the porting layer has are not found on the host" {
	for h in sys/ipc.h sys/ptrace.h sys/shm.h; do
		printf '#include <%s>\nint main(void) { return 0; }\n' "$h" > uses.c
		run --separate-stderr -1 wasm32-wasi-cc -c uses.c
		[[ "${stderr_lines[0]}" == "uses.c:1:10: fatal error: '$h' file not found" ]]
		[ ! -e uses.o ]
	done
}

@test "an output that names an input is refused before anything is written" {
	echo 'int main(void) { return 0; }' > prog.c
	cp prog.c expected.c
	run -2 wasm32-wasi-cc -o prog.c prog.c
	[ "$output" = "wasm32-wasi-cc: input file 'prog.c' is the same as output file" ]
	run -2 wasm32-wasi-cc -c -o prog.c prog.c
	cmp prog.c expected.c
}

@test "a missing tool names the package to install" {
	echo 'int main(void) { return 0; }' > prog.c
	printf 'tools:\n  wasm-ld:\n    path: /nonexistent/wasm-ld\n' > no-ld.yaml
	run -1 wasm32-wasi-cc --specs=no-ld.yaml -o prog prog.c
	[ "$output" = "wasm32-wasi-cc: link: cannot run /nonexistent/wasm-ld (install it: apt-get install lld-19)" ]
	assert_only_files prog.c no-ld.yaml
	assert_no_temporaries
}

@test "a failing wrap step leaves no output and no temporaries" {
	echo 'int main(void) { return 0; }' > prog.c
	printf 'tools:\n  jco:\n    path: /bin/false\nvars:\n  wrapper: wrap-jco\n' > bad-wrap.yaml
	run -1 wasm32-wasi-cc --specs=bad-wrap.yaml -o prog prog.c
	[ "$output" = "wasm32-wasi-cc: wrap-jco: jco exited with status 1" ]
	assert_only_files prog.c bad-wrap.yaml
	assert_no_temporaries
}

@test "a step killed by a signal is reported, and its temporaries removed" {
	echo 'int main(void) { return 0; }' > prog.c
	printf '#!/bin/sh\nkill -TERM $$\n' > killed.sh
	chmod +x killed.sh
	printf 'tools:\n  wasm-ld:\n    path: %s/killed.sh\n' "$PWD" > killed.yaml
	run -1 wasm32-wasi-cc --specs=killed.yaml -o prog prog.c
	[ "$output" = "wasm32-wasi-cc: link: wasm-ld killed by signal 15 (Terminated)" ]
	assert_only_files prog.c killed.sh killed.yaml
	assert_no_temporaries
}

@test "SIGTERM to the driver alone: the step gets it and ends first, then nothing is left" {
	echo 'int main(void) { return 0; }' > prog.c
	# a linker that, told to stop, takes a second to remove what it wrote
	cat > slow-ld.sh <<-'EOF'
	#!/bin/sh
	while [ $# -gt 0 ]; do [ "$1" = -o ] && out=$2; shift; done
	echo $$ > ld.pid
	trap 'sleep 1; rm -f "$out.partial"; exit 143' TERM
	: > "$out.partial"
	: > linking
	while :; do sleep 0.1; done
	EOF
	chmod +x slow-ld.sh
	printf 'tools:\n  wasm-ld:\n    path: %s/slow-ld.sh\n' "$PWD" > slow.yaml
	wasm32-wasi-cc --specs=slow.yaml -o prog prog.c &
	driver=$!
	for _ in $(seq 300); do [ -e linking ] && break; sleep 0.1; done
	kill -TERM "$driver"
	status=0
	wait "$driver" || status=$?
	# had the driver not passed the signal on, the linker would still run
	pid=$(cat ld.pid)
	if kill -TERM "$pid" 2> /dev/null; then
		while kill -0 "$pid" 2> /dev/null; do sleep 0.1; done
	fi
	[ "$status" -eq 143 ]
	assert_only_files prog.c slow-ld.sh slow.yaml ld.pid linking
	assert_no_temporaries
}

@test "SIGTERM to the driver alone while wasm-ld writes a large output leaves nothing, every time" {
	printf 'char big[128 << 20] = {1};\nint main(void) { return big[0] - 1; }\n' > big.c
	wasm32-wasi-cc -c big.c
	# SIGTERM to the driver in the background: it dies of it (or had finished), leaving nothing
	terminate() {
		kill -TERM "$driver" 2> /dev/null || true
		status=0
		wait "$driver" || status=$?
		[ "$status" -eq 143 ] || [ "$status" -eq 0 ]
		rm -f prog
		assert_only_files big.c big.o
		assert_no_temporaries
	}
	for delay in 0 0.1 0.3 0.6 1; do
		wasm32-wasi-cc --emit=core -o prog big.o &
		driver=$!
		# until wasm-ld has begun writing its output
		for _ in $(seq 600); do
			compgen -G "$TMPDIR/wasm32-wasi-cc-*/prog.tmp*" > /dev/null && break
			sleep 0.05
		done
		sleep "$delay"
		terminate
	done
	# and the moment the output appears, while the driver removes its
	# temporaries (two of 128 MiB) on the way out
	for _ in 1 2 3 4 5; do
		wasm32-wasi-cc --emit=core -o prog big.o &
		driver=$!
		deadline=$((SECONDS + 60))
		until [ -e prog ] || ! kill -0 "$driver" 2> /dev/null || ((SECONDS > deadline)); do :; done
		terminate
	done
}

@test "writing to a full device fails with a message" {
	[ -w /dev/full ] || skip "no /dev/full"
	run -1 sh -c 'wasm32-wasi-cc --help > /dev/full'
	[ "$output" = "wasm32-wasi-cc: write error on standard output: No space left on device" ]
}

@test "a response file that names itself is stopped" {
	echo '@self.rsp' > self.rsp
	run -1 wasm32-wasi-cc @self.rsp
	[ "$output" = "wasm32-wasi-cc: self.rsp: response files nested too deeply" ]
}

@test "--emit=component of a library or a dll is refused; with -c, what to link is unused" {
	echo 'int f(void) { return 1; }' > f.c
	run -2 wasm32-wasi-cc -shared --emit=component -o libf.so f.c
	[ "$output" = "wasm32-wasi-cc: --emit=component: a dll is a core module, never a component" ]
	run -2 wasm32-wasi-cc -mexec-model=reactor --emit=component -o f.wasm f.c
	[ "$output" = "wasm32-wasi-cc: --emit=component: a library is a core module, never a component" ]
	assert_only_files f.c
	# --emit=core says what a dll is anyway (LDFLAGS=--emit=core links programs and libraries)
	run -0 wasm32-wasi-cc -shared --emit=core -o libf.so f.c
	run --separate-stderr -0 wasm32-wasi-cc -c -shared f.c
	[ "$stderr" = "wasm32-wasi-cc: warning: -shared is unused: -c links nothing" ]
	run --separate-stderr -0 wasm32-wasi-cc -S --emit=core f.c
	[ "$stderr" = "wasm32-wasi-cc: warning: --emit=core is unused: -S links nothing" ]
	[ -f f.o ] && [ -f f.s ]
}

@test "-o naming a FIFO nobody reads fails at once instead of blocking; with a reader it works" {
	echo 'int main(void) { return 6; }' > x.c
	mkfifo fifo
	run -1 timeout 60 wasm32-wasi-cc -o fifo x.c
	[ "$output" = "wasm32-wasi-cc: cannot write fifo: a FIFO that nobody reads" ]
	run -1 timeout 60 wasm32-wasi-cc -c -o fifo x.c
	[ "$output" = "wasm32-wasi-cc: cannot write fifo: a FIFO that nobody reads" ]
	cat fifo > prog &
	reader=$!
	# until the reader waits in open() for a writer
	for _ in $(seq 100); do
		[ "$(cat "/proc/$reader/wchan" 2> /dev/null)" = wait_for_partner ] && break
		sleep 0.1
	done
	run -0 timeout 60 wasm32-wasi-cc --emit=core -o fifo x.c
	wait "$reader"
	run -6 wasm32-wasi-run prog
	assert_no_temporaries
}

@test "a linker option with an empty or missing value is refused before linking" {
	echo 'int f(void) { return 1; }' > f.c
	run -2 wasm32-wasi-cc -shared -o libf.so f.c -Wl,-soname,
	[ "$output" = "wasm32-wasi-cc: linker option '-soname' has an empty value" ]
	run -2 wasm32-wasi-cc -shared -o libf.so f.c -Wl,--soname=
	[ "$output" = "wasm32-wasi-cc: linker option '--soname=' has an empty value" ]
	run -2 wasm32-wasi-cc -shared -o libf.so f.c -Wl,-soname
	[ "$output" = "wasm32-wasi-cc: linker option '-soname' needs a value" ]
	assert_only_files f.c
	assert_no_temporaries
}

@test "response files that fan out are stopped at once, as GCC stops them" {
	# 30 files, each naming the next twice: 2^30 expansions unbounded
	for i in $(seq 0 29); do echo "@r$((i + 1)) @r$((i + 1))" > "r$i"; done
	echo -c > r30
	run -1 wasm32-wasi-cc @r0
	[ "$output" = "wasm32-wasi-cc: r30: too many @-files (more than 2000)" ]
	awk 'BEGIN { for (i = 0; i < 1100000; i++) print "-DW" }' > words
	run -1 wasm32-wasi-cc @words
	[ "$output" = "wasm32-wasi-cc: words: response files give more than 1048576 words" ]
}

@test "--env names are checked" {
	echo 'int main(void) { return 0; }' > x.c
	run -2 wasm32-wasi-cc --env=HOME,,PATH x.c
	[ "$output" = "wasm32-wasi-cc: --env=HOME,,PATH: empty environment variable name" ]
	run -2 wasm32-wasi-cc --env=A=B x.c
	[ "$output" = "wasm32-wasi-cc: --env=A=B: environment variable name 'A=B' contains '='" ]
	assert_only_files x.c
}

@test "--env names that are not UTF-8 or hold a newline are refused when linking" {
	echo 'int main(void) { return 0; }' > x.c
	run -2 wasm32-wasi-cc --env="$(printf 'HOME,A\nB')" -o prog x.c
	[ "$output" = "wasm32-wasi-cc: --env=HOME,A\x0aB: environment variable name 'A\x0aB' contains a control character" ]
	run -2 wasm32-wasi-cc --env="$(printf 'A\377B')" -o prog x.c
	[ "$output" = "wasm32-wasi-cc: --env=A\xffB: environment variable name 'A\xffB' is not UTF-8" ]
	# an overlong encoding of NUL, and a surrogate, are no UTF-8 either
	run -2 wasm32-wasi-cc --env="$(printf 'A\300\200')" -o prog x.c
	[ "$output" = "wasm32-wasi-cc: --env=A\xc0\x80: environment variable name 'A\xc0\x80' is not UTF-8" ]
	run -2 wasm32-wasi-cc --env="$(printf 'A\355\240\200')" -o prog x.c
	[ "$output" = "wasm32-wasi-cc: --env=A\xed\xa0\x80: environment variable name 'A\xed\xa0\x80' is not UTF-8" ]
	assert_only_files x.c
	# UTF-8 names pass, and the runner lists them, one a line
	run -0 wasm32-wasi-cc --env=ÄRGER,HOME --emit=core -o prog x.c
	run -0 wasm32-wasi-run --print-env prog
	[ "$output" = "ÄRGER
HOME" ]
}

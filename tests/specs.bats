#!/usr/bin/env bats
# specs.bats: reading, layering and printing the YAML specs.

load test_helper

@test "-dumpspecs prints the merged spec, which reads back the same" {
	run -0 wasm32-wasi-cc -dumpspecs
	[[ "$output" == *"default-artifact: command"* ]]
	[[ "$output" == *"  compile:"* ]]
	mkdir again
	wasm32-wasi-cc -dumpspecs > again/all.yaml
	WASM32_WASI_CC_SPECDIR=$PWD/again run -0 wasm32-wasi-cc -dumpspecs
	diff -u again/all.yaml <(printf '%s\n' "$output")
}

@test "a user spec layers over the installed ones, key by key" {
	printf 'vars:\n  sysroot: /opt/wasi\n' > mine.yaml
	run -0 wasm32-wasi-cc --specs=mine.yaml -dumpspecs
	[[ "$output" == *"  sysroot: /opt/wasi"* ]]
	# the other variables are still there
	[[ "$output" == *"  target: wasm32-wasi"* ]]
}

@test "\$WASM32_WASI_CC_SPECS layers too, and --specs= over it" {
	printf 'vars:\n  sysroot: /from/env\n' > env.yaml
	printf 'vars:\n  sysroot: /from/flag\n' > flag.yaml
	WASM32_WASI_CC_SPECS=$PWD/env.yaml run -0 wasm32-wasi-cc -dumpspecs
	[[ "$output" == *"  sysroot: /from/env"* ]]
	WASM32_WASI_CC_SPECS=$PWD/env.yaml run -0 wasm32-wasi-cc --specs=flag.yaml -dumpspecs
	[[ "$output" == *"  sysroot: /from/flag"* ]]
}

@test "a user spec changes what runs: extra compile flags from a variable" {
	cat > extra.yaml <<-'EOF'
	vars:
	  hermetic-includes: [-nostdinc, -isystem, "${resource-dir}/include", -isystem, "${sysroot}/include/wasm32-wasi", -DFROM_SPEC=5]
	EOF
	echo 'int main(void) { return FROM_SPEC; }' > prog.c
	wasm32-wasi-cc --specs=extra.yaml --emit=core -o prog prog.c
	run -5 wasm32-wasi-run prog
}

@test "a YAML syntax error points at the file, line and column" {
	printf 'vars:\n  a: [1, 2\n  b: 3\n' > bad.yaml
	run -1 wasm32-wasi-cc --specs=bad.yaml -dumpspecs
	[ "$output" = "wasm32-wasi-cc: bad.yaml:3:4: did not find expected ',' or ']'" ]
}

@test "a duplicate key is an error" {
	printf 'vars:\n  a: 1\n  a: 2\n' > dup.yaml
	run -1 wasm32-wasi-cc --specs=dup.yaml -dumpspecs
	[ "$output" = "wasm32-wasi-cc: dup.yaml:3:3: duplicate key 'a'" ]
}

@test "a spec of 40000 keys loads, merges and is looked up (bench/spec.sh times it)" {
	awk 'BEGIN { print "vars:"; for (i = 0; i < 40000; i++) printf "  key%d: value%d\n", i, i; print "  triple: last-of-many" }' > many.yaml
	awk 'BEGIN { print "vars:"; for (i = 40000; i-- > 0;) printf "  key%d: again%d\n", i, i }' > again.yaml
	run -0 wasm32-wasi-cc --specs=many.yaml --specs=again.yaml -dumpmachine
	[ "$output" = "last-of-many" ]
	run -0 wasm32-wasi-cc --specs=many.yaml --specs=again.yaml -dumpspecs
	[[ "$output" == *"  key0: again0"* ]]
	[[ "$output" == *"  key39999: again39999"* ]]
	# a duplicate far down a large mapping is still found
	printf '  key123: twice\n' >> many.yaml
	run -1 wasm32-wasi-cc --specs=many.yaml -dumpmachine
	[ "$output" = "wasm32-wasi-cc: many.yaml:40003:3: duplicate key 'key123'" ]
}

@test "a spec that is not a mapping is an error" {
	printf -- '- a\n- b\n' > list.yaml
	run -1 wasm32-wasi-cc --specs=list.yaml -dumpspecs
	[ "$output" = "wasm32-wasi-cc: list.yaml:1:1: a spec file must be a mapping" ]
}

@test "an undefined variable in a template points at its use" {
	printf 'steps:\n  link:\n    tool: wasm-ld\n    argv: [-o, "${output}", "${no-such-thing}"]\n' > undef.yaml
	echo 'int main(void) { return 0; }' > prog.c
	run -1 wasm32-wasi-cc --specs=undef.yaml -o prog prog.c
	[ "$output" = "wasm32-wasi-cc: undef.yaml:4:29: undefined variable 'no-such-thing'" ]
	assert_only_files prog.c undef.yaml
	assert_no_temporaries
}

@test "a list variable inside a word is an error" {
	printf 'steps:\n  link:\n    tool: wasm-ld\n    argv: ["-L${link-args}"]\n' > inword.yaml
	echo 'int main(void) { return 0; }' > prog.c
	run -1 wasm32-wasi-cc --specs=inword.yaml -o prog prog.c
	[ "$output" = "wasm32-wasi-cc: inword.yaml:4:12: list variable 'link-args' must stand alone as a word" ]
}

@test "variables that refer to each other in a cycle are an error that names the cycle" {
	printf 'vars:\n  a: "${b}"\n  b: "${a}"\nsteps:\n  link:\n    tool: wasm-ld\n    argv: ["${a}"]\n' > cycle.yaml
	echo 'int main(void) { return 0; }' > prog.c
	run -1 wasm32-wasi-cc --specs=cycle.yaml -o prog prog.c
	[ "$output" = "wasm32-wasi-cc: cycle.yaml:3:6: variables refer to each other in a cycle: a -> b -> a" ]
	assert_only_files prog.c cycle.yaml
	assert_no_temporaries
}

@test "a long chain of variables is no cycle; one too deep says so" {
	{
		echo 'vars:'
		for i in $(seq 0 19); do echo "  c$i: \"\${c$((i + 1))}\""; done
		echo '  c20: -DCHAIN_END=7'
		echo '  codegen-flags: ["${c0}"]'
	} > chain.yaml
	echo 'int main(void) { return CHAIN_END; }' > prog.c
	run -0 wasm32-wasi-cc --specs=chain.yaml --emit=core -o prog prog.c
	run -7 wasm32-wasi-run prog
	{
		echo 'vars:'
		for i in $(seq 0 299); do echo "  d$i: \"\${d$((i + 1))}\""; done
		echo '  d300: -DDEEP'
		echo '  codegen-flags: ["${d0}"]'
	} > deep.yaml
	run -1 wasm32-wasi-cc --specs=deep.yaml -c prog.c
	[ "$output" = "wasm32-wasi-cc: deep.yaml:256:9: variables nest more than 256 deep, here at 'd255'" ]
	[ ! -e prog.o ]
}

@test "variables that repeat one another are stopped before they use up the machine" {
	{
		echo 'vars:'
		echo '  v0: x'
		for i in $(seq 1 12); do p="\"\${v$((i - 1))}\""; echo "  v$i: [$p, $p, $p, $p]"; done
		echo '  codegen-flags: ["${v12}"]'
	} > laughs.yaml
	[ "$(wc -c < laughs.yaml)" -lt 600 ]
	echo 'int main(void) { return 0; }' > prog.c
	run -1 wasm32-wasi-cc --specs=laughs.yaml -c prog.c
	[ "$output" = "wasm32-wasi-cc: laughs.yaml:15:18: variable 'codegen-flags' expands to more than 16 MiB (do variables repeat one another?)" ]
	[ ! -e prog.o ]
}

@test "an unknown key in a spec is refused where it was written" {
	echo 'int main(void) { return 0; }' > prog.c
	printf 'stpes:\n  link:\n    tool: wasm-ld\n' > top.yaml
	run -1 wasm32-wasi-cc --specs=top.yaml -c prog.c
	[ "$output" = "wasm32-wasi-cc: top.yaml:1:1: unknown key 'stpes' in a spec (known: default-artifact, dynamic-artifact, default-allocator, artifacts, allocators, steps, tools, roles, vars, linker, prog-names, loader-libraries, host-dirs)" ]
	printf 'artifacts:\n  command:\n    lifetim: command\n' > artifact.yaml
	run -1 wasm32-wasi-cc --specs=artifact.yaml -o prog prog.c
	[ "$output" = "wasm32-wasi-cc: artifact.yaml:3:5: unknown key 'lifetim' in artifact 'command' (known: summary, flags, state, lifetime, inputs, emit, steps, roles, vars, refused)" ]
	printf 'steps:\n  link:\n    tol: wasm-ld\n' > step.yaml
	run -1 wasm32-wasi-cc --specs=step.yaml -o prog prog.c
	[ "$output" = "wasm32-wasi-cc: step.yaml:3:5: unknown key 'tol' in step 'link' (known: tool, argv, output, on-failure)" ]
	printf 'tools:\n  clang:\n    pth: /usr/bin/clang\n' > tool.yaml
	run -1 wasm32-wasi-cc --specs=tool.yaml -o prog prog.c
	[ "$output" = "wasm32-wasi-cc: tool.yaml:3:5: unknown key 'pth' in tool 'clang' (known: path, install, builtin)" ]
	printf 'roles:\n  libc:\n    afterwards: [-lc]\n' > role.yaml
	run -1 wasm32-wasi-cc --specs=role.yaml -o prog prog.c
	[ "$output" = "wasm32-wasi-cc: role.yaml:3:5: unknown key 'afterwards' in role 'libc' (known: kind, before, after, dylink)" ]
	printf 'vars:\n  codegen-flags: [{if: debug, than: [-g]}]\n' > cond.yaml
	run -1 wasm32-wasi-cc --specs=cond.yaml -o prog prog.c
	[ "$output" = "wasm32-wasi-cc: cond.yaml:2:31: unknown key 'than' in a conditional (known: if, unless, then, else)" ]
	assert_only_files prog.c top.yaml artifact.yaml step.yaml tool.yaml role.yaml cond.yaml
}

@test "state, lifetime and the other closed values are checked" {
	echo 'int main(void) { return 0; }' > prog.c
	printf 'artifacts:\n  command:\n    state: shared\n' > state.yaml
	run -1 wasm32-wasi-cc --specs=state.yaml -o prog prog.c
	[ "$output" = "wasm32-wasi-cc: state.yaml:3:12: 'state' must be defines-state, imports-state, provides-state or shared-nothing, not 'shared'" ]
	printf 'artifacts:\n  library:\n    lifetime: reactor\n' > lifetime.yaml
	run -1 wasm32-wasi-cc --specs=lifetime.yaml -o prog prog.c
	[ "$output" = "wasm32-wasi-cc: lifetime.yaml:3:15: 'lifetime' must be command or library, not 'reactor'" ]
	printf 'roles:\n  libc:\n    kind: library\n' > kind.yaml
	run -1 wasm32-wasi-cc --specs=kind.yaml -o prog prog.c
	[ "$output" = "wasm32-wasi-cc: kind.yaml:3:11: 'kind' must be start or lib, not 'library'" ]
	printf 'steps:\n  wasm-opt:\n    on-failure: ignore\n' > on-failure.yaml
	run -1 wasm32-wasi-cc --specs=on-failure.yaml -o prog prog.c
	[ "$output" = "wasm32-wasi-cc: on-failure.yaml:3:17: 'on-failure' must be skip, not 'ignore'" ]
}

@test "a step that may be skipped cannot be first: it would have no input to pass on" {
	echo 'int main(void) { return 0; }' > prog.c
	printf 'artifacts:\n  command:\n    steps: [wasm-opt, link]\n' > first.yaml
	run -1 wasm32-wasi-cc --specs=first.yaml -o prog prog.c
	[ "$output" = "wasm32-wasi-cc: first.yaml:3:12: step 'wasm-opt' may be skipped, so it cannot be first" ]
	assert_only_files prog.c first.yaml
}

@test "a value of the wrong shape is blamed on the user's file, not an installed one" {
	echo 'int main(void) { return 0; }' > prog.c
	printf 'vars: [a, b]\n' > vars.yaml
	run -1 wasm32-wasi-cc --specs=vars.yaml -o prog prog.c
	[ "$output" = "wasm32-wasi-cc: vars.yaml:1:7: 'vars' must be a mapping of variables" ]
	printf 'artifacts: 3\n' > artifacts.yaml
	run -1 wasm32-wasi-cc --specs=artifacts.yaml -o prog prog.c
	[ "$output" = "wasm32-wasi-cc: artifacts.yaml:1:12: 'artifacts' must be a mapping of artifact kinds" ]
	printf 'steps:\n  link:\n    tool: [wasm-ld]\n' > tool.yaml
	run -1 wasm32-wasi-cc --specs=tool.yaml -o prog prog.c
	[ "$output" = "wasm32-wasi-cc: tool.yaml:3:11: 'tool' must be a string" ]
	assert_only_files prog.c vars.yaml artifacts.yaml tool.yaml
	assert_no_temporaries
}

@test "a step naming an unknown tool is an error" {
	printf 'steps:\n  wrap:\n    tool: wit-component\n    argv: []\n' > tool.yaml
	echo 'int main(void) { return 0; }' > prog.c
	run -1 wasm32-wasi-cc --specs=tool.yaml -o prog prog.c
	[ "$output" = "wasm32-wasi-cc: tool.yaml:3:11: no tool 'wit-component' in 'tools'" ]
}

@test "an unreadable spec file is named" {
	run -1 wasm32-wasi-cc --specs=nowhere.yaml -dumpspecs
	[ "$output" = "wasm32-wasi-cc: nowhere.yaml: No such file or directory" ]
}

# A spec directory of two files, for the cache's tests: the merged installed
# specs, and a small one layered over them.
make_spec_dir() {
	mkdir -p dir
	wasm32-wasi-cc -dumpspecs > dir/all.yaml
	printf 'vars:\n  sysroot: /from/dir\n' > dir/mine.yaml
}

@test "-write-spec-cache parses a directory once: the driver reads the cache, to the same spec" {
	make_spec_dir
	WASM32_WASI_CC_SPECDIR=$PWD/dir run -0 wasm32-wasi-cc -dumpspecs
	yaml=$output
	run -0 wasm32-wasi-cc -write-spec-cache=dir
	[ "$output" = "" ]
	[ -f dir/specs.cache ]
	WASM32_WASI_CC_SPECDIR=$PWD/dir run -0 wasm32-wasi-cc -dumpspecs
	[ "$output" = "$yaml" ]
	[[ "$output" == *"  sysroot: /from/dir"* ]]
	WASM32_WASI_CC_SPECDIR=$PWD/dir run -0 wasm32-wasi-cc -v
	[ "${lines[2]}" = "Reading specs from $PWD/dir/specs.cache" ]
	# and it compiles and links as the YAML does
	echo 'int main(void) { return 3; }' > prog.c
	WASM32_WASI_CC_SPECDIR=$PWD/dir run -0 wasm32-wasi-cc -### -o prog prog.c
	cached=$output
	mv dir/specs.cache specs.cache.kept
	WASM32_WASI_CC_SPECDIR=$PWD/dir run -0 wasm32-wasi-cc -### -o prog prog.c
	[ "$output" = "$cached" ]
	assert_no_temporaries
}

@test "a spec file changed, added or removed after the cache was written: the YAML is read" {
	make_spec_dir
	wasm32-wasi-cc -write-spec-cache=dir
	printf 'vars:\n  sysroot: /changed\n' > dir/mine.yaml
	WASM32_WASI_CC_SPECDIR=$PWD/dir run -0 wasm32-wasi-cc -dumpspecs
	[[ "$output" == *"  sysroot: /changed"* ]]
	WASM32_WASI_CC_SPECDIR=$PWD/dir run -0 wasm32-wasi-cc -v
	[ "${lines[2]}" = "Reading specs from $PWD/dir" ]
	wasm32-wasi-cc -write-spec-cache=dir
	printf 'vars:\n  sysroot: /added\n' > dir/zz.yaml
	WASM32_WASI_CC_SPECDIR=$PWD/dir run -0 wasm32-wasi-cc -dumpspecs
	[[ "$output" == *"  sysroot: /added"* ]]
	wasm32-wasi-cc -write-spec-cache=dir
	rm dir/zz.yaml
	WASM32_WASI_CC_SPECDIR=$PWD/dir run -0 wasm32-wasi-cc -dumpspecs
	[[ "$output" == *"  sysroot: /changed"* ]]
}

@test "a cache that is cut short, garbage, a FIFO or a directory is not read, and nothing else changes" {
	make_spec_dir
	WASM32_WASI_CC_SPECDIR=$PWD/dir wasm32-wasi-cc -dumpspecs > want.yaml
	wasm32-wasi-cc -write-spec-cache=dir
	size=$(stat -c %s dir/specs.cache)
	for cut in 10 100 $((size / 2)) $((size - 1)); do
		wasm32-wasi-cc -write-spec-cache=dir
		truncate -s "$cut" dir/specs.cache
		WASM32_WASI_CC_SPECDIR=$PWD/dir run -0 wasm32-wasi-cc -dumpspecs
		diff -u want.yaml <(printf '%s\n' "$output")
	done
	# the right header, then bytes that claim huge counts and lengths
	wasm32-wasi-cc -write-spec-cache=dir
	{ head -c 40 dir/specs.cache; head -c 4096 /dev/urandom; } > garbage
	mv garbage dir/specs.cache
	WASM32_WASI_CC_SPECDIR=$PWD/dir run -0 wasm32-wasi-cc -dumpspecs
	diff -u want.yaml <(printf '%s\n' "$output")
	rm dir/specs.cache
	mkfifo dir/specs.cache
	WASM32_WASI_CC_SPECDIR=$PWD/dir run -0 timeout 10 wasm32-wasi-cc -dumpspecs
	diff -u want.yaml <(printf '%s\n' "$output")
	rm dir/specs.cache
	mkdir dir/specs.cache
	WASM32_WASI_CC_SPECDIR=$PWD/dir run -0 wasm32-wasi-cc -dumpspecs
	diff -u want.yaml <(printf '%s\n' "$output")
}

@test "a message about a spec read from the cache points where the YAML does" {
	make_spec_dir
	printf 'artifacts:\n  command:\n    state: shared\n' > dir/mine.yaml
	echo 'int main(void) { return 0; }' > prog.c
	msg="wasm32-wasi-cc: $PWD/dir/mine.yaml:3:12: 'state' must be defines-state, imports-state, provides-state or shared-nothing, not 'shared'"
	WASM32_WASI_CC_SPECDIR=$PWD/dir run -1 wasm32-wasi-cc -o prog prog.c
	[ "$output" = "$msg" ]
	wasm32-wasi-cc -write-spec-cache=dir
	WASM32_WASI_CC_SPECDIR=$PWD/dir run -1 wasm32-wasi-cc -v -o prog prog.c
	[ "$output" = "$msg" ]
	WASM32_WASI_CC_SPECDIR=$PWD/dir run -1 wasm32-wasi-cc -o prog prog.c
	[ "$output" = "$msg" ]
}

@test "-write-spec-cache of a directory with a bad spec says where, and writes nothing" {
	make_spec_dir
	printf 'vars:\n  a: [b\n' > dir/mine.yaml
	run -1 wasm32-wasi-cc -write-spec-cache=dir
	[[ "$output" == "wasm32-wasi-cc: dir/mine.yaml:3:1: "* ]]
	run ls -A dir
	[ "$output" = "$(printf 'all.yaml\nmine.yaml')" ]
	run -1 wasm32-wasi-cc -write-spec-cache=nowhere
	[ "$output" = "wasm32-wasi-cc: cannot read the spec directory nowhere: No such file or directory" ]
}

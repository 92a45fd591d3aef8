#!/usr/bin/env bats
# plan.bats: the commands the driver plans for each artifact kind, printed by
# -### and compared with golden files (tests/golden/NAME.args gives the
# arguments, NAME.expected the commands). A spec change shows as a diff here;
# tests/golden/update rewrites the expected files after a deliberate change.

load test_helper

check_plan() {
	local name=$1 args
	read -r -a args < "$TOP_SRCDIR/tests/golden/$name.args"
	run -0 env TMPDIR=/TMP wasm32-wasi-cc --specs="$TOP_SRCDIR/tests/golden/machine.yaml" -### "${args[@]}"
	diff -u "$TOP_SRCDIR/tests/golden/$name.expected" <(printf '%s\n' "$output")
}

@test "plan: a command (the default)" { check_plan command; }
@test "plan: a command kept as a core module, with debug info" { check_plan command-core-debug; }
@test "plan: a stripped command" { check_plan command-strip; }
@test "plan: several inputs, libraries and linker flags in order" { check_plan command-many; }
@test "plan: the dlmalloc allocator" { check_plan command-dlmalloc; }
@test "plan: -nostdlib links no role" { check_plan command-nostdlib; }
@test "plan: compile only" { check_plan compile; }
@test "plan: assembly" { check_plan assembly; }
@test "plan: preprocess" { check_plan preprocess; }
@test "plan: -x before inputs" { check_plan language; }
@test "plan: preprocessed inputs (.i, -x c++-cpp-output) get no include directories" { check_plan preprocessed; }
@test "plan: a preprocessed input beside a source, each compiled with what it needs" { check_plan preprocessed-link; }
@test "plan: a dll (-shared), with -soname" { check_plan dll; }
@test "plan: a dynamic executable" { check_plan dynamic-command; }
@test "plan: -ldl and -rdynamic, a dynamic executable exporting its symbols" { check_plan dynamic-rdynamic; }
@test "plan: -Wl,--dl-openable and --dl-openable= go to the dylink and component-link steps" { check_plan dynamic-dl-openable; }

@test "-### runs nothing and writes nothing" {
	echo 'int main(void) { return 0; }' > x.c
	run -0 wasm32-wasi-cc -### -o prog x.c
	assert_only_files x.c
	assert_no_temporaries
}

# test_helper.bash: what every suite shares. Each test runs in its own
# directory, with its own $TMPDIR so that leftover temporaries show.
bats_require_minimum_version 1.5.0

: "${TOP_SRCDIR:=$BATS_TEST_DIRNAME/..}"
FIXTURES=$TOP_SRCDIR/tests/fixtures

setup() {
	export TMPDIR=$BATS_TEST_TMPDIR/tmp
	mkdir -p "$TMPDIR" "$BATS_TEST_TMPDIR/work"
	cd "$BATS_TEST_TMPDIR/work" || return 1
}

# The driver must leave nothing behind in $TMPDIR, whatever happened.
assert_no_temporaries() {
	local left
	left=$(ls -A "$TMPDIR")
	if [ -n "$left" ]; then
		echo "temporaries left in \$TMPDIR: $left" >&2
		return 1
	fi
}

# Nothing but the named files may be in the test's directory.
assert_only_files() {
	local want have
	want=$(printf '%s\n' "$@" | sort)
	have=$(ls -A | sort)
	if [ "$want" != "$have" ]; then
		printf 'expected files:\n%s\nfound:\n%s\n' "$want" "$have" >&2
		return 1
	fi
}

# Writes a C file from standard input.
source_file() {
	cat > "$1"
}

# A directory holding every wasm32-wasi tool of the build tree, as an
# installed bindir would: for the configure wrapper and the CMake toolchain.
make_bindir() {
	local dir=$BATS_TEST_TMPDIR/bin t
	mkdir -p "$dir"
	for t in cc c++ cpp ar ranlib nm strip ld run pkg-config; do
		ln -sf "$(command -v "wasm32-wasi-$t")" "$dir/wasm32-wasi-$t"
	done
	echo "$dir"
}

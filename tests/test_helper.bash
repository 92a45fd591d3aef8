# test_helper.bash: what every suite shares. Each test runs in its own
# directory, with its own $TMPDIR so that leftover temporaries show.
bats_require_minimum_version 1.5.0

: "${TOP_SRCDIR:=$BATS_TEST_DIRNAME/..}"
FIXTURES=$TOP_SRCDIR/tests/fixtures

setup_workdir() {
	export TMPDIR=$BATS_TEST_TMPDIR/tmp
	mkdir -p "$TMPDIR" "$BATS_TEST_TMPDIR/work"
	cd "$BATS_TEST_TMPDIR/work" || return 1
}

setup() {
	setup_workdir
}

# A binfmt_misc registration made by a test is undone whatever happens.
teardown() {
	if [ -n "${binfmt_name:-}" ]; then
		wasm32-wasi-binfmt unregister "$binfmt_name" || true
	fi
}

# Runs a command with a binfmt_misc of its own (a user and mount namespace):
# none registered, whatever other programs of this machine registered, and
# what it registers seen by nobody else. Needs Linux 6.7 or later.
in_private_binfmt() {
	unshare --user --map-root-user --mount sh -c \
		'mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc 2> /dev/null && exec "$@"' sh "$@"
}

private_binfmt_or_skip() {
	in_private_binfmt true || skip "no binfmt_misc of its own here (unshare, Linux 6.7)"
}

# For the suites that drive the installed-style tools (the configure wrapper,
# the CMake toolchain, real packages): a bindir of the build tree's tools,
# and our config.site.
setup_with_bindir() {
	setup_workdir || return 1
	WASM32_WASI_BINDIR=$(make_bindir)
	export WASM32_WASI_BINDIR WASM32_WASI_CONFIG_SITE=$TOP_SRCDIR/runtime/config.site
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
	for t in cc c++ cpp ar ranlib nm strip ld readelf objdump objcopy size strings run run-binfmt pkg-config configure binfmt port; do
		ln -sf "$(command -v "wasm32-wasi-$t")" "$dir/wasm32-wasi-$t"
	done
	echo "$dir"
}

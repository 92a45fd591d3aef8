# packages_helper.bash: what the real-package suites share: sources fetched
# once from Debian bookworm, a fresh copy per test, the build tree's tools.
load ../test_helper

SOURCES=$BUILD_DIR/tests/packages/src

# Copies the unpacked source of PACKAGE (dir NAME-VERSION) here, as ./src.
copy_source() {
	"$TOP_SRCDIR/tests/packages/fetch" "$SOURCES" "$1"
	local d
	d=$(find "$SOURCES" -maxdepth 1 -type d -name "$2-*" | head -n 1)
	[ -n "$d" ] || { echo "no unpacked source for $1 in $SOURCES" >&2; return 1; }
	cp -a "$d" src # keeping timestamps, or make reruns the autotools
}

setup() {
	setup_with_bindir || return 1
	PATH=$WASM32_WASI_BINDIR:$PATH
	# make check-packages passes TESTS=... down through MAKEFLAGS: keep it
	# away from the packages' own make check.
	unset MAKEFLAGS MFLAGS MAKELEVEL
}

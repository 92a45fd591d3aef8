# packages_helper.bash: what the real-package suites share: sources fetched
# once from Debian bookworm, a fresh copy per test, the build tree's tools.
load "${BASH_SOURCE[0]%/*}/../test_helper" # from tests/packages, tests/ports or tests

SOURCES=$BUILD_DIR/tests/packages/src

# Copies the unpacked source of PACKAGE (dir NAME-VERSION) here, as ./src.
copy_source() {
	"$TOP_SRCDIR/tests/packages/fetch" "$SOURCES" "$1"
	local d
	d=$(find "$SOURCES" -maxdepth 1 -type d -name "$2-*" | head -n 1)
	[ -n "$d" ] || { echo "no unpacked source for $1 in $SOURCES" >&2; return 1; }
	cp -a "$d" src # keeping timestamps, or make reruns the autotools
}

# Runs a build step with its output in LOG; on failure, shows LOG's end.
quietly() {
	local log=$1
	shift
	"$@" > "$log" 2>&1 || { tail -n 40 "$log" >&2; return 1; }
}

# Makes wasm files directly executable for this test (teardown undoes it),
# with the build tree's runner as interpreter, so that a package's own test
# suite runs the programs it built as it would run native ones. binfmt_misc
# is the machine's: with two packages tested at once, the newer registration
# serves both, so it names the runner in the build tree, which outlives
# either test, never the test's own bindir, which goes with its test.
register_binfmt() {
	[ "$(id -u)" -eq 0 ] ||
		{ echo "this test runs wasm programs through binfmt_misc: run it as root" >&2; return 1; }
	binfmt_name=wasm32-wasi-$(basename "$BATS_TEST_FILENAME" .bats)-$$
	wasm32-wasi-binfmt register "$binfmt_name" "$(readlink -f "$WASM32_WASI_BINDIR/wasm32-wasi-run")"
}

# Excludes one test of a package's own suite, which cannot work in WASI: its
# script, or the C source of its program, becomes one that says why and exits
# 77, which test harnesses (Automake's, gnulib's) count as skipped.
exclude_test() {
	[ -f "$1" ] || { echo "exclude_test: no test $1" >&2; return 1; }
	local why
	why="excluded by tests/packages/$(basename "$BATS_TEST_FILENAME"): $2"
	case $1 in
	*.c) printf '#include <stdio.h>\nint main(void) { puts("%s"); return 77; }\n' "$why" > "$1" ;;
	*) printf '#!/bin/sh\necho "%s"\nexit 77\n' "$why" > "$1" ;;
	esac
}

# Excludes the tests that standard input lists as TEST|WHY, those of them
# in DIR, each saying WHY followed by SUFFIX.
exclude_listed() {
	local dir=$1 suffix=$2 t why
	while IFS='|' read -r t why; do
		if [ -f "$dir/$t" ]; then
			exclude_test "$dir/$t" "$why$suffix" || return 1
		fi
	done
}

# Excludes the gnulib tests (in DIR, gnulib-tests) that need what WASI has
# not: a second thread, a process, a pipe between processes, a timer's signal,
# or the whole environment; those of them that the package has.
exclude_gnulib_wasi() {
	exclude_listed "$1" '' << 'EOF'
test-pthread-thread.c|creates threads: WASI preview1 has one
test-thread_create.c|creates threads: WASI preview1 has one
test-pthread_sigmask2.c|creates threads: WASI preview1 has one
test-nl_langinfo-mt.c|creates threads: WASI preview1 has one
test-setlocale_null-mt-one.c|creates threads: WASI preview1 has one
test-setlocale_null-mt-all.c|creates threads: WASI preview1 has one
test-isatty.c|pipe() between processes: WASI has none (pipe fails with ENOSYS)
test-pthread_sigmask1.c|runs a child process (system): WASI has no processes
test-sigprocmask.c|runs a child process (system): WASI has no processes
test-pipe.c|pipe() between processes: WASI has none (pipe fails with ENOSYS)
test-nanosleep.c|waits for the SIGALRM of alarm(): WASI has no timer signals
test-sleep.c|waits for the SIGALRM of alarm(): WASI has no timer signals
test-environ.c|PATH is not in environ: a program sees only the variables it declared at link (by design)
EOF
}

# Excludes the gnulib tests (in DIR, gnulib-tests) that check what the POSIX
# layer does not give yet, those of them that the package has: each with its
# cause, to lift as the layer catches up (the survey's "still open" list).
exclude_gnulib_open() {
	exclude_listed "$1" ' (layer, open)' << 'EOF'
test-dup2.c|dup2 of a file (only directories can be duplicated) fails with ENOSYS
test-getdtablesize.c|dup2 of a file (only directories can be duplicated) fails with ENOSYS
test-perror2.c|dup2 of a file (only directories can be duplicated) fails with ENOSYS
test-getopt-gnu.c|dup2 of a file (only directories can be duplicated) fails with ENOSYS
test-getopt-posix.c|dup2 of a file (only directories can be duplicated) fails with ENOSYS
test-fcntl.c|F_DUPFD of a file (only directories can be duplicated) fails with ENOSYS
test-cloexec.c|dup of a file (only directories can be duplicated) fails with ENOSYS
test-openat-safer.c|dup2 of a file (only directories can be duplicated) fails with ENOSYS
test-dup-safer.c|dup2 of a file (only directories can be duplicated) fails with ENOSYS
test-fchdir.c|fchdir fails with ENOSYS: chdir takes paths only
test-fflush.c|stdio on a closed descriptor fails with an errno other than EBADF
test-ftruncate.sh|ftruncate on a bad descriptor fails with an errno other than EBADF
test-ioctl.c|ioctl on a bad descriptor does not fail
test-fopen-gnu.c|fopen's 'e' flag does not set FD_CLOEXEC
test-stat.c|stat of the empty path does not fail
test-fstatat.c|fstatat of the empty path does not fail
test-openat.c|chdir .. above the preopened directory fails
test-lstat.c|lstat of '..' above the preopened directory fails
test-mkdir.c|the empty path does not fail with ENOENT
test-rmdir.c|the empty path does not fail with ENOENT
test-rename.c|the empty path does not fail with ENOENT
test-symlink.c|the empty path does not fail with ENOENT
test-canonicalize-lgpl.c|symlink to ../NAME, above the preopened directory, fails
test-getcwd-lgpl.c|getcwd after chdir .. differs from the directory's name
test-stat-time.c|st_ctime does not follow a later change of the file
test-hard-locale.c|every locale's LC_CTYPE is equivalent to C
test-localename.c|setlocale does not keep the locale names asked for
test-select-in.sh|select on a file or pipe as standard input fails with EPERM
test-select-out.sh|select on a file or pipe as standard output fails with EPERM
EOF
}

# After a failed make check: the end of the log of every test that failed
# or errored in the Automake test directories DIR...
show_failed_logs() {
	local dir trs
	for dir do
		for trs in "$dir"/*.trs; do
			grep -q '^:test-result: \(FAIL\|ERROR\)' "$trs" || continue
			echo "=== ${trs%.trs}.log"
			grep -v '^+' "${trs%.trs}.log" | tail -n 20
		done
	done
}

# valgrind checks native programs only: the test suites that use it when
# they find it skip those tests, as on a machine without it.
hide_valgrind() {
	mkdir -p no-valgrind
	printf '#!/bin/sh\nexit 1\n' > no-valgrind/valgrind
	chmod +x no-valgrind/valgrind
	PATH=$PWD/no-valgrind:$PATH
}

# The dlls a dll needs (its dylink.0 NEEDED), one a line.
needed_libraries() {
	wasm-objdump -x -j dylink.0 "$1" | sed -n 's/^  - //p'
}

# A dynamic executable is a command component that embeds the dlls it needs,
# its module importing from each by soname: PROG is one, and embeds SONAME.
embeds_library() {
	[ "$(od -An -tx1 -j4 -N4 "$1" | tr -d ' ')" = 0d000100 ] ||
		{ echo "$1 is not a component" >&2; return 1; }
	grep -qaF "$2" "$1" || { echo "$1 does not embed $2" >&2; return 1; }
}

packages_setup() {
	setup_with_bindir || return 1
	PATH=$WASM32_WASI_BINDIR:$PATH
	# Dynamic programs find libc.so and liballoc.so in the build tree, as
	# they find them in the installed libdir.
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	# make check-packages passes TESTS=... down through MAKEFLAGS: keep it
	# away from the packages' own make check.
	unset MAKEFLAGS MFLAGS MAKELEVEL
}

setup() {
	packages_setup
}

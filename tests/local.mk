## tests/local.mk: bats suites, run by `make check` through Automake's TAP driver.
TEST_EXTENSIONS = .bats
BATS_LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
BATS_LOG_COMPILER = $(BATS)
AM_BATS_LOG_FLAGS = --tap

# The tests drive the build tree's driver and specs, not an installed copy:
# tests/specs/build-tree.yaml, layered last, points at the build's runtime.
check_DATA = check-needs tests/specs/build-tree.yaml
CLEANFILES += tests/specs/build-tree.yaml
clean-tests-cache:
	rm -rf tests/cache tests/packages/src tests/ports-prefix
tests/specs/build-tree.yaml: Makefile
	$(AM_V_GEN)$(MKDIR_P) tests/specs && \
	printf '%s\n' '# build-tree.yaml: what make check layers over the specs (generated).' \
	  'vars:' '  libdir: $(abs_top_builddir)/runtime' \
	  '  includedir: $(abs_top_srcdir)/runtime/include' > $@

# What configure did not find and the tests need: said once, before any test.
check-needs:
	@if test -n '$(MISSING_FOR_CHECK)'; then \
	  echo "make check needs what configure did not find: install the Debian packages $(MISSING_FOR_CHECK)" >&2; \
	  exit 1; \
	fi
.PHONY: check-needs

AM_TESTS_ENVIRONMENT = \
	specdir='$(abs_top_srcdir)/specs'; \
	test '$(abs_top_srcdir)' = '$(abs_top_builddir)' || specdir="$$specdir:$(abs_top_builddir)/specs"; \
	specdir="$$specdir:$(abs_top_builddir)/tests/specs"; \
	WASM32_WASI_CC_SPECDIR=$$specdir; \
	PATH='$(abs_top_builddir)/driver:$(abs_top_builddir)/runtime:$(abs_top_builddir)/ports':"$$PATH"; \
	TOP_SRCDIR='$(abs_top_srcdir)'; BUILD_DIR='$(abs_top_builddir)'; \
	NODE='$(NODE)'; JCO='$(JCO)'; \
	XDG_CACHE_HOME='$(abs_top_builddir)/tests/cache'; \
	WASM32_WASI_PORTS='$(abs_top_builddir)/tests/no-ports'; \
	WASM32_WASI_PORT_RECIPES='$(abs_top_srcdir)/ports'; \
	WASM32_WASI_CMAKE_TOOLCHAIN='$(abs_top_builddir)/cmake/wasm32-wasi.cmake'; \
	export WASM32_WASI_CC_SPECDIR PATH TOP_SRCDIR BUILD_DIR NODE JCO XDG_CACHE_HOME \
	  WASM32_WASI_PORTS WASM32_WASI_PORT_RECIPES WASM32_WASI_CMAKE_TOOLCHAIN;

# The suites .ci/run runs again under ASan+UBSan: all but tests/ports.bats,
# whose minutes go to building zlib and libpng with their own tools (the
# driver's part of it, --use-port and .pc files, is in the plain run).
SANITIZER_BATS_TESTS = \
	tests/artifacts.bats \
	tests/buildsys.bats \
	tests/command.bats \
	tests/compile.bats \
	tests/conformance.bats \
	tests/cxx.bats \
	tests/declared.bats \
	tests/dynamic.bats \
	tests/env-source.bats \
	tests/completion.bats \
	tests/errors.bats \
	tests/info.bats \
	tests/libtool.bats \
	tests/plan.bats \
	tests/porting.bats \
	tests/run.bats \
	tests/sandbox.bats \
	tests/specs.bats \
	tests/tools.bats \
	tests/wasm.bats \
	tests/typed-run.bats \
	tests/wrap.bats \
	tests/roles.bats \
	tests/size.bats \
	tests/typed-main.bats
BATS_TESTS = $(SANITIZER_BATS_TESTS) tests/ports.bats
TESTS += $(BATS_TESTS)
SANITIZER_TESTS = wasm/test-wasm $(SANITIZER_BATS_TESTS)

# the bats suites only: wasm/test-wasm is a program built at check time
EXTRA_DIST += $(BATS_TESTS) tests/test_helper.bash tests/fixtures tests/golden

# Real packages from Debian's sources, built and tested with the driver:
# longer, and they download the sources, so apart from make check. Each
# runs mostly one program at a time (configure, a test suite), so two run
# side by side (PACKAGE_JOBS), the longest first; their logs give each
# test's time (bats --timing).
PACKAGE_TESTS = \
	tests/packages/gmp.bats \
	tests/packages/libsodium.bats \
	tests/packages/sed.bats \
	tests/packages/diffutils.bats \
	tests/packages/grep.bats \
	tests/packages/jansson.bats \
	tests/packages/expat.bats \
	tests/packages/libyaml.bats \
	tests/packages/gzip.bats \
	tests/packages/file.bats \
	tests/packages/lz4.bats \
	tests/packages/onig.bats \
	tests/packages/libjpeg-turbo.bats \
	tests/packages/xz-utils.bats \
	tests/packages/brotli.bats \
	tests/packages/hello.bats \
	tests/packages/cjson.bats \
	tests/packages/zlib.bats \
	tests/packages/bzip2.bats \
	tests/packages/lua.bats
EXTRA_DIST += $(PACKAGE_TESTS) tests/packages/packages_helper.bash tests/packages/fetch \
	tests/packages/lua-check.lua
PACKAGE_JOBS = 2
check-packages: all
	$(MAKE) $(AM_MAKEFLAGS) -j$(PACKAGE_JOBS) check TESTS='$(PACKAGE_TESTS)' \
	  AM_BATS_LOG_FLAGS='--tap --timing'
.PHONY: check-packages

# CPython 3.11 from Debian's source, built by CPython's own WASI recipe, and
# its own test suite under the runner (tests/packages/cpython.bats, the
# exclusions with their causes in tests/packages/cpython-exclusions): slow
# (doc/testing.md), so in neither make check nor check-packages.
CPYTHON_TESTS = tests/packages/cpython.bats
EXTRA_DIST += $(CPYTHON_TESTS) tests/packages/cpython-exclusions
check-cpython: all
	$(MAKE) $(AM_MAKEFLAGS) check TESTS='$(CPYTHON_TESTS)' AM_BATS_LOG_FLAGS='--tap --timing'
.PHONY: check-cpython

# WebAssembly/wasi-testsuite's prebuilt wasm32-wasip1 tests (its
# prod/testsuite-base branch), run the way its wasmtime adapter runs them.
# They are another project's binaries, so no copy is kept here: name a
# checkout with WASI_TESTSUITE=DIR (tests/conformance.bats also finds one in
# ../shared/wasi-testsuite beside the source tree).
check-wasi-testsuite: all
	$(MAKE) $(AM_MAKEFLAGS) check TESTS='tests/conformance.bats'
.PHONY: check-wasi-testsuite
EXTRA_DIST += tests/conformance/wasi-testsuite.js

# Every port of ports/ (doc/ports.md) installed by wasm32-wasi-port, its own
# tests passing, and a program using it run: long the first time (the
# builds are cached in tests/cache, the sources downloaded), so apart from
# make check, which runs tests/ports.bats (zlib and libpng).
PORT_TESTS = tests/ports/all.bats
EXTRA_DIST += $(PORT_TESTS)
check-ports: all
	$(MAKE) $(AM_MAKEFLAGS) check TESTS='$(PORT_TESTS)' AM_BATS_LOG_FLAGS='--tap --timing'
.PHONY: check-ports

#!/bin/sh
# build-libcxx.sh: libunwind, libc++abi and libc++ with wasm exception handling, built or taken from the cache.
#
# Usage: build-libcxx.sh OUTDIR WORKDIR PATCH...
# OUTDIR gets include/c++/v1 and lib/{libc++,libc++abi,libunwind}.a; WORKDIR
# holds the patched copy of the source and the CMake build. The environment
# names the tools and inputs (runtime/libcxx.mk sets it): LLVM_RUNTIMES_SOURCE,
# WASM_CLANG, WASM_AR, WASM_RANLIB, CMAKE, PATCH, MAKE, CLANG_RESOURCE_DIR,
# WASI_SYSROOT, WASI_LIBC_VERSION, LIBCXX_CACHE (empty: no cache).
#
# A build takes a few minutes, so its result is kept in LIBCXX_CACHE/KEY,
# where KEY is a hash of everything that goes into it: this script (with the
# CMake settings and flags below), the source's version, the patches,
# clang's version and wasi-libc's. Later builds with the same inputs (make after distclean, an
# ASan build, distcheck) copy it instead. Removing the cache is always safe.
set -eu

out=$1 work=$2
shift 2
patches=$*

src=$LLVM_RUNTIMES_SOURCE
flags="--target=wasm32-wasi -nostdinc -isystem $CLANG_RESOURCE_DIR/include \
-isystem $WASI_SYSROOT/include/wasm32-wasi -fPIC -fwasm-exceptions"
# Position-independent, with wasm exception handling (the encoding clang 19
# emits and node 20 runs), without threads and filesystem as Debian's wasm
# libc++ (whose headers and ABI version 2 these match). Two settings matter
# for dlls: type_info compares names when addresses differ (a type's RTTI is
# hidden, so each module has its own copy), and libunwind's C code has default
# visibility (the landing pads of every module call _Unwind_CallPersonality
# and write __wasm_lpad_context, which libc++.so must export).
set -- \
	-DCMAKE_BUILD_TYPE=Release \
	"-DCMAKE_C_FLAGS=$flags -fvisibility=default" \
	"-DCMAKE_CXX_FLAGS=$flags" \
	"-DCMAKE_C_FLAGS_RELEASE=-O2 -DNDEBUG" \
	"-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" \
	-DCMAKE_C_COMPILER_TARGET=wasm32-wasi \
	-DCMAKE_CXX_COMPILER_TARGET=wasm32-wasi \
	-DCMAKE_ASM_COMPILER_TARGET=wasm32-wasi \
	-DCMAKE_C_COMPILER_WORKS=ON \
	-DCMAKE_CXX_COMPILER_WORKS=ON \
	-DLLVM_COMPILER_CHECKED=ON \
	"-DLLVM_ENABLE_RUNTIMES=libunwind;libcxxabi;libcxx" \
	-DLIBCXX_CXX_ABI=libcxxabi \
	-DLIBCXX_ABI_VERSION=2 \
	-DLIBCXX_HAS_MUSL_LIBC=ON \
	-DLIBCXX_ENABLE_EXCEPTIONS=ON \
	-DLIBCXXABI_ENABLE_EXCEPTIONS=ON \
	-DLIBCXXABI_USE_LLVM_UNWINDER=ON \
	-DLIBCXX_TYPEINFO_COMPARISON_IMPLEMENTATION=2 \
	-DLIBCXX_ENABLE_SHARED=OFF \
	-DLIBCXXABI_ENABLE_SHARED=OFF \
	-DLIBUNWIND_ENABLE_SHARED=OFF \
	-DLIBCXX_ENABLE_STATIC_ABI_LIBRARY=OFF \
	-DLIBCXX_ENABLE_FILESYSTEM=OFF \
	-DLIBCXX_ENABLE_THREADS=OFF \
	-DLIBCXX_HAS_PTHREAD_API=OFF \
	-DLIBCXXABI_ENABLE_THREADS=OFF \
	-DLIBCXXABI_HAS_PTHREAD_API=OFF \
	-DLIBUNWIND_ENABLE_THREADS=OFF \
	-DLIBCXXABI_SILENT_TERMINATE=ON \
	-DLIBCXX_USE_COMPILER_RT=ON \
	-DLIBCXXABI_USE_COMPILER_RT=ON \
	-DLIBUNWIND_USE_COMPILER_RT=ON \
	-DLIBCXXABI_ENABLE_ASSERTIONS=OFF \
	-DLIBUNWIND_ENABLE_ASSERTIONS=OFF \
	-DLIBCXX_INSTALL_MODULES=OFF \
	-DLIBCXX_INCLUDE_TESTS=OFF \
	-DLIBCXX_INCLUDE_BENCHMARKS=OFF \
	-DLIBCXXABI_INCLUDE_TESTS=OFF \
	-DLIBUNWIND_INCLUDE_TESTS=OFF \
	-DLIBUNWIND_INCLUDE_DOCS=OFF \
	-DLLVM_INCLUDE_DOCS=OFF \
	-DLLVM_INCLUDE_TESTS=OFF

key() {
	cat "$0"
	realpath "$src"
	sed -n 's/.*set(LLVM_VERSION_\([A-Z]*\) *\([0-9]*\)).*/\1 \2/p' "$src/cmake/Modules/LLVMVersion.cmake"
	"$WASM_CLANG" --version | head -n 1
	echo "wasi-libc $WASI_LIBC_VERSION"
	for a in "$@"; do
		echo "$a"
	done
	for p in $patches; do
		cat "$p"
	done
}
hash=$(key "$@" | sha256sum | cut -c 1-16)

take() {
	rm -rf "$out"
	mkdir -p "$out/lib" "$out/include/c++"
	cp -R "$1/include/c++/v1" "$out/include/c++/"
	for a in libc++.a libc++abi.a libunwind.a; do
		cp "$1/lib/$a" "$out/lib/"
	done
}

if [ -n "$LIBCXX_CACHE" ] && [ -f "$LIBCXX_CACHE/$hash/done" ]; then
	echo "build-libcxx.sh: from the cache, $LIBCXX_CACHE/$hash"
	take "$LIBCXX_CACHE/$hash"
	exit 0
fi

# A copy of the source, patched: the installed one stays as Debian ships it.
rm -rf "$work"
mkdir -p "$work"
cp -R "$src/." "$work/src"
for p in $patches; do
	"$PATCH" -s -p1 -d "$work/src" < "$p"
done

# Each stage's output goes to a log, shown when the stage fails.
stage() {
	log=$work/$1.log
	shift
	if ! "$@" > "$log" 2>&1; then
		tail -n 40 "$log" >&2
		echo "build-libcxx.sh: failed: $*; the whole log is $log" >&2
		exit 1
	fi
}
start=$(date +%s)
stage cmake "$CMAKE" -S "$work/src/runtimes" -B "$work/build" -G 'Unix Makefiles' -Wno-dev \
	"-DCMAKE_C_COMPILER=$WASM_CLANG" "-DCMAKE_CXX_COMPILER=$WASM_CLANG" \
	"-DCMAKE_AR=$WASM_AR" "-DCMAKE_RANLIB=$WASM_RANLIB" \
	"-DCMAKE_INSTALL_PREFIX=$work/install" "$@"
stage build "$MAKE" -C "$work/build" cxx cxxabi unwind
stage install "$MAKE" -C "$work/build" install
echo "build-libcxx.sh: built in $(($(date +%s) - start)) s"

take "$work/install"
rm -rf "$work"
[ -n "$LIBCXX_CACHE" ] || exit 0
# Complete before it is visible: a copy, marked done, renamed into place. A
# cache that cannot be written costs the next build its time, nothing else.
if ! mkdir -p "$LIBCXX_CACHE" 2> /dev/null || ! tmp=$(mktemp -d "$LIBCXX_CACHE/.$hash.XXXXXX" 2> /dev/null); then
	echo "build-libcxx.sh: cannot write the cache $LIBCXX_CACHE, not caching" >&2
	exit 0
fi
cp -R "$out/." "$tmp"
touch "$tmp/done"
if ! mv -T "$tmp" "$LIBCXX_CACHE/$hash" 2> /dev/null; then
	rm -rf "$tmp" # another build got there first
fi
echo "build-libcxx.sh: cached in $LIBCXX_CACHE/$hash"

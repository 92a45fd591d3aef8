#!/bin/sh
# install-deps.sh: installs everything wasm32-wasi-cc needs to build, test and
# run, on Debian bookworm as root, from Debian's archive and the npm registry.
# Versions are pinned by the Debian release (clang-19, lld-19...) and by
# runtime/jco-version (jco), which configure reads too.
set -eu

JCO_VERSION=$(cat "$(dirname "$0")/runtime/jco-version")

export DEBIAN_FRONTEND=noninteractive
# Debian's source packages, for the real-package tests (make check-packages):
# unless the machine has deb-src entries already, one for each of its deb
# entries of the release's own suite (not -updates, -security or -backports:
# the tests build bookworm's sources), with the same URIs, components and key
# (ports/deb-src-entries, which wasm32-wasi-port shares).
release=$(. /etc/os-release && echo "$VERSION_CODENAME")
apt_dir=/etc/apt
src=$apt_dir/sources.list.d/wasm32-wasi-cc-src

rm -f "$src.sources" "$src.list"
if ! grep -rqsE -e '^Types:.*deb-src' -e '^deb-src' "$apt_dir/sources.list" "$apt_dir/sources.list.d"; then
	sh "$(dirname "$0")/ports/deb-src-entries" sources "$apt_dir" "$release" > "$src.sources"
	sh "$(dirname "$0")/ports/deb-src-entries" list "$apt_dir" "$release" > "$src.list"
	for f in "$src.sources" "$src.list"; do
		[ -s "$f" ] || rm -f "$f"
	done
	[ -e "$src.sources" ] || [ -e "$src.list" ] ||
		{ echo "install-deps.sh: no deb entry for $release in $apt_dir to copy a deb-src entry from" >&2; exit 1; }
fi
apt-get update
apt-get install -y --no-install-recommends \
	ca-certificates make gcc libc6-dev autoconf automake libtool pkg-config \
	libyaml-dev bats help2man \
	clang-19 lld-19 llvm-19 wasi-libc libclang-rt-19-dev-wasm32 \
	binaryen wabt zsh fish man-db libclang-rt-19-dev \
	cmake autotools-dev libc++-19-dev-wasm32 libc++abi-19-dev-wasm32 dpkg-dev \
	python3.11 musl-tools

# node runs what the driver makes; the image's node 20 is kept if present.
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
	apt-get install -y --no-install-recommends nodejs npm
fi

if [ "$(jco --version 2> /dev/null)" != "$JCO_VERSION" ]; then
	npm install -g "@bytecodealliance/jco@$JCO_VERSION"
fi

# wasi-libc's source, which the build compiles position-independent into
# libc.so (runtime/libc-so.mk; configure --with-wasi-libc-source=DIR).
if [ ! -f /usr/local/src/wasi-libc/Makefile ]; then
	mkdir -p /usr/local/src
	(cd /usr/local/src && apt-get source wasi-libc/bookworm)
	ln -sfn "$(cd /usr/local/src && ls -d wasi-libc-*/ | head -n 1)" /usr/local/src/wasi-libc
fi

# libyaml's source, which a build with musl (./configure CC=musl-gcc, as the
# README builds: the driver's start costs less than half of glibc's) compiles
# into the driver (configure --with-libyaml-source=DIR).
if [ ! -f /usr/local/src/libyaml/src/api.c ]; then
	mkdir -p /usr/local/src
	(cd /usr/local/src && apt-get source libyaml/bookworm)
	ln -sfn "$(cd /usr/local/src && ls -d libyaml-*/ | head -n 1)" /usr/local/src/libyaml
fi

# C++: the runtimes' part of LLVM 19's source (libunwind, libc++abi, libc++),
# which the build compiles with exception handling (runtime/libcxx.mk;
# configure --with-llvm-runtimes-source=DIR). The orig tarball is 164 MB: only
# the runtimes' directories and the CMake files they need (19 MB) are kept.
llvm_src=/usr/local/src/llvm-runtimes-19
if [ ! -f "$llvm_src/runtimes/CMakeLists.txt" ]; then
	apt-get install -y --no-install-recommends cmake patch xz-utils
	mkdir -p /usr/local/src
	tmp=$(mktemp -d /usr/local/src/llvm-download.XXXXXX)
	(cd "$tmp" && apt-get source --download-only llvm-toolchain-19/bookworm)
	orig=$(ls "$tmp"/llvm-toolchain-19_*.orig.tar.xz)
	top=$(basename "$orig" .orig.tar.xz)
	rm -rf "/usr/local/src/$top"
	tar -xJf "$orig" -C /usr/local/src \
		--exclude="$top/libcxx/test" --exclude="$top/libcxx/benchmarks" --exclude="$top/libcxx/docs" \
		--exclude="$top/libcxxabi/test" --exclude="$top/libunwind/test" --exclude="$top/libunwind/docs" \
		"$top/cmake" "$top/runtimes" "$top/libcxx" "$top/libcxxabi" "$top/libunwind" "$top/llvm/cmake" \
		"$top/llvm/utils/llvm-lit"
	rm -rf "$tmp"
	ln -sfn "$top" "$llvm_src"
fi

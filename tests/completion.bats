#!/usr/bin/env bats
# completion.bats: shell completions and the man page, all from the option table.

load test_helper

@test "--completion=PREFIX lists the options that start with it, as GCC does" {
	run -0 wasm32-wasi-cc --completion=-print-
	[ "$output" = "-print-search-dirs
-print-file-name=
-print-prog-name=
-print-libgcc-file-name
-print-sysroot
-print-port-dirs" ]
	run -0 wasm32-wasi-cc --completion=--emit=
	[ "$output" = "--emit=component
--emit=core
--emit=header" ]
	run -0 wasm32-wasi-cc --completion=--artifact=c
	[ "$output" = "--artifact=command" ]
	run -0 wasm32-wasi-cc --completion=--no-such
	[ "$output" = "" ]
}

@test "completion lists aliases, and values from the table's values column" {
	run -0 wasm32-wasi-cc --completion=--print-f
	[ "$output" = "--print-file-name=" ]
	run -0 wasm32-wasi-cc --completion=-fno-
	[ "$output" = "-fno-PIC
-fno-pic
-fno-PIE
-fno-pie
-fno-exceptions" ]
	run -0 wasm32-wasi-cc --completion=-mexec-model=r
	[ "$output" = "-mexec-model=reactor" ]
	run -0 wasm32-wasi-cc --completion=--allocator=
	[ "$output" = "--allocator=liballoc
--allocator=dlmalloc" ]
	# a value the values column does not list is refused with them
	run -2 wasm32-wasi-cc --emit=wasm x.c
	[ "$output" = "wasm32-wasi-cc: --emit=wasm: expected component, core or header" ]
}

# Runs the bash completion function on a command line ending in $2.
bash_complete() {
	bash -c '
		source "$1"
		COMP_WORDS=(wasm32-wasi-cc "$2")
		COMP_CWORD=1
		_wasm32_wasi_cc wasm32-wasi-cc "$2" wasm32-wasi-cc
		printf "%s\n" "${COMPREPLY[@]}"
	' bash "$TOP_SRCDIR/completions/wasm32-wasi-cc.bash" "$1"
}

@test "bash completes options from the driver and files otherwise" {
	run -0 bash_complete --spec
	[ "$output" = "--specs=" ]
	run -0 bash_complete -nostd
	[ "$output" = "-nostdinc
-nostdlib" ]
	touch main.c
	run -0 bash_complete ma
	[ "$output" = "main.c" ]
}

@test "the fish and zsh completions parse" {
	if command -v fish > /dev/null; then
		fish --no-execute "$TOP_SRCDIR/completions/wasm32-wasi-cc.fish"
	fi
	if command -v zsh > /dev/null; then
		zsh -n "$TOP_SRCDIR/completions/_wasm32-wasi-cc"
	fi
	command -v fish > /dev/null || command -v zsh > /dev/null || skip "neither fish nor zsh installed"
}

@test "the man page lists the options of the table" {
	man_page=$TOP_SRCDIR/driver/wasm32-wasi-cc.1
	[ -f "$man_page" ]
	run -0 env MANWIDTH=80 man -l "$man_page"
	[[ "$output" == *"       --env=<name>[,<name>...]"* ]]
	[[ "$output" == *"       --emit=component|core"* ]]
	[[ "$output" == *"       -shared"* ]]
}

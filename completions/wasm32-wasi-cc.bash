# wasm32-wasi-cc.bash: bash completion for wasm32-wasi-cc, -c++ and -cpp.
# Options come from the driver's own table through --completion=PREFIX, the
# protocol GCC and bash-completion's gcc completer use, so they never drift.
_wasm32_wasi_cc()
{
	local cur=${COMP_WORDS[COMP_CWORD]}
	local prev=${COMP_WORDS[COMP_CWORD-1]}

	case $prev in
	-o | -MF | -include | -imacros | -I | -isystem | -iquote | -L | --specs | -specs)
		COMPREPLY=($(compgen -f -- "$cur"))
		compopt -o filenames 2>/dev/null
		return
		;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$("$1" --completion="$cur" 2>/dev/null)" -- "$cur"))
		# an option that takes its value after '=' goes on without a space
		[[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null
	else
		COMPREPLY=($(compgen -f -- "$cur"))
		compopt -o filenames 2>/dev/null
	fi
}
complete -F _wasm32_wasi_cc wasm32-wasi-cc wasm32-wasi-c++ wasm32-wasi-cpp

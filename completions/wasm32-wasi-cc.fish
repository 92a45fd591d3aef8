# wasm32-wasi-cc.fish: fish completion. Options come from the driver's own
# table through --completion=PREFIX, so they never drift from what it accepts.
for cmd in wasm32-wasi-cc wasm32-wasi-c++ wasm32-wasi-cpp
	complete -c $cmd -f -n 'string match -q -- "-*" (commandline -ct)' -a "($cmd --completion=(commandline -ct) 2>/dev/null)"
	complete -c $cmd -F -n 'not string match -q -- "-*" (commandline -ct)'
end

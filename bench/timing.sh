# timing.sh: the clock the benchmarks share, sourced by those that time one
# command at a time (bench/wrap.sh, bench/typed-main.sh).

now() { echo "${EPOCHREALTIME/./}"; }

# time1 VAR COMMAND...: microseconds of one run, into VAR
time1() {
	local t0 t1 var=$1
	shift
	t0=$(now)
	"$@" > /dev/null 2>&1
	t1=$(now)
	printf -v "$var" '%s' $((t1 - t0))
}

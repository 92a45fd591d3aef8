# timing.sh: the clock the benchmarks share, sourced by those that time
# commands themselves (bench/driver.sh, bench/spec.sh, bench/wrap.sh,
# bench/complink.sh, bench/typed-main.sh, bench/dynamic.sh).

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

# best VAR COMMAND...: one more run, and the least of its microseconds and VAR's, into VAR
best() {
	local var=$1 t
	shift
	time1 t "$@"
	if [ -z "${!var}" ] || [ "$t" -lt "${!var}" ]; then
		printf -v "$var" '%s' "$t"
	fi
}

# the least of the numbers on stdin
least() { sort -n | head -n 1; }

# median of the numbers on stdin
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

/*
 * tzset.c: local time from a POSIX TZ rule, in place of wasi-libc's
 * __tz.o (removed from libc.so; ahead of libc.a in static links), whose
 * local time is always UTC. localtime, mktime and strftime ask
 * __secs_to_zone, which reads TZ again each time, as POSIX has them do.
 *
 * WASI has no time-zone database: TZ unset or empty, a TZ that names a
 * file (":/etc/localtime", "Europe/Paris") and one that does not parse are
 * UTC. A program sees TZ only if it declared it (--env=TZ) or set it.
 *
 *   TZ     = std offset [dst [offset] [,start[/time],end[/time]]]
 *   std    = three or more letters, or <...> of letters, digits, + and -
 *   offset = [+|-]hh[:mm[:ss]], hours west of Greenwich; dst's defaults to
 *            an hour less than std's
 *   start, end = Jn (1..365, February 29 never counted), n (0..365), or
 *            Mm.w.d (day d, 0 being Sunday, of week w, 5 the last, of
 *            month m); without them, the United States' M3.2.0,M11.1.0
 *   time   = [+|-]hh[:mm[:ss]] of the local time then in effect, 02:00 by
 *            default (RFC 8536 allows -167..167 hours)
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* What wasi-libc's time functions call (its time_impl.h declares them). */
const char __utc[] = "UTC";
void __secs_to_zone(long long t, int local, int *isdst, int *offset, long *oppoff, const char **zonename);
const char *__tm_to_tzname(const struct tm *tm);

enum { NAME_SIZE = 16 };

struct rule {
	char kind;		/* 'J' (Jn), 'n' (n) or 'M' (Mm.w.d) */
	int day, month, week;	/* n for J and n; d, m and w for M */
	long time;		/* seconds after local midnight */
};

struct zone {
	char std[NAME_SIZE], dst[NAME_SIZE];
	long std_west, dst_west;	/* seconds west of Greenwich */
	int has_dst;
	struct rule start, end;
};

static struct zone zone = { .std = "UTC", .dst = "UTC", .dst_west = -3600 };
char *tzname[2] = { zone.std, zone.dst };
int daylight;
long timezone;

/* A decimal number from LO to HI at *S, which it passes. */
static int number(const char **s, long lo, long hi, long *out)
{
	const char *p = *s;
	long n = 0;

	if (!isdigit((unsigned char)*p))
		return -1;
	for (; isdigit((unsigned char)*p); p++)
		if ((n = n * 10 + (*p - '0')) > hi)
			return -1;
	if (n < lo)
		return -1;
	*s = p;
	*out = n;
	return 0;
}

static int name(const char **s, char out[NAME_SIZE])
{
	const char *p = *s;
	size_t n = 0;
	int quoted = *p == '<';

	for (p += quoted; quoted ? isalnum((unsigned char)*p) || *p == '+' || *p == '-' : isalpha((unsigned char)*p); p++) {
		if (n == NAME_SIZE - 1)
			return -1;
		out[n++] = *p;
	}
	if (n < 3 || (quoted && *p++ != '>'))
		return -1;
	out[n] = '\0';
	*s = p;
	return 0;
}

/* [+|-]hh[:mm[:ss]] with hh up to MAX_HOURS, in seconds. */
static int hms(const char **s, long max_hours, long *out)
{
	const char *p = *s;
	long h, m = 0, sec = 0;
	int negative = *p == '-';

	if (*p == '+' || *p == '-')
		p++;
	if (number(&p, 0, max_hours, &h) < 0)
		return -1;
	if (*p == ':' && (p++, number(&p, 0, 59, &m) < 0))
		return -1;
	if (*p == ':' && (p++, number(&p, 0, 59, &sec) < 0))
		return -1;
	*out = (negative ? -1 : 1) * (h * 3600 + m * 60 + sec);
	*s = p;
	return 0;
}

static int rule(const char **s, struct rule *r)
{
	const char *p = *s;
	long day, month = 0, week = 0;

	r->kind = *p == 'J' || *p == 'M' ? *p++ : 'n';
	if (r->kind == 'M') {
		if (number(&p, 1, 12, &month) < 0 || *p++ != '.' || number(&p, 1, 5, &week) < 0 ||
		    *p++ != '.' || number(&p, 0, 6, &day) < 0)
			return -1;
	} else if (number(&p, r->kind == 'J', 365, &day) < 0) {
		return -1;
	}
	r->day = day;
	r->month = month;
	r->week = week;
	r->time = 2 * 3600;
	if (*p == '/' && (p++, hms(&p, 167, &r->time) < 0))
		return -1;
	*s = p;
	return 0;
}

static int parse(const char *s, struct zone *z)
{
	if (name(&s, z->std) < 0 || hms(&s, 24, &z->std_west) < 0)
		return -1;
	/* without daylight time, mktime takes tm_isdst > 0 as an hour ahead, as glibc does */
	z->dst_west = z->std_west - 3600;
	z->has_dst = *s != '\0';
	if (!z->has_dst) {
		strcpy(z->dst, z->std);
		return 0;
	}
	if (name(&s, z->dst) < 0)
		return -1;
	if (*s != '\0' && *s != ',' && hms(&s, 24, &z->dst_west) < 0)
		return -1;
	if (*s == '\0') {
		z->start = (struct rule){ 'M', 0, 3, 2, 2 * 3600 };
		z->end = (struct rule){ 'M', 0, 11, 1, 2 * 3600 };
		return 0;
	}
	if (*s != ',' || (s++, rule(&s, &z->start) < 0) || *s != ',' || (s++, rule(&s, &z->end) < 0))
		return -1;
	return *s == '\0' ? 0 : -1;
}

void tzset(void)
{
	const char *tz = getenv("TZ");
	struct zone z;

	if (!tz || parse(tz, &z) < 0)
		z = (struct zone){ .std = "UTC", .dst = "UTC", .dst_west = -3600 };
	zone = z;
	timezone = zone.std_west;
	daylight = zone.has_dst;
}

static long long floor_div(long long a, long long b)
{
	return a / b - (a % b < 0);
}

static int leap(long long year)
{
	return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

/* Days from 1970-01-01 to January 1 of YEAR, in the proleptic Gregorian calendar. */
static long long year_start(long long year)
{
	long long before = year - 1;

	/* 477 leap years from year 1 to 1969 */
	return 365 * (year - 1970) + floor_div(before, 4) - floor_div(before, 100) + floor_div(before, 400) - 477;
}

static long long year_of(long long days)
{
	long long year = 1970 + floor_div(days * 400, 146097);

	while (year_start(year) > days)
		year--;
	while (year_start(year + 1) <= days)
		year++;
	return year;
}

/* The day of YEAR (from 0) that R names. */
static long long rule_day(const struct rule *r, long long year)
{
	static const short month_start[] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365 };
	long long first, weekday, day;
	int extra;

	if (r->kind == 'J')
		return r->day - 1 + (leap(year) && r->day >= 60);
	if (r->kind == 'n')
		return r->day;
	extra = leap(year) && r->month > 2;
	first = month_start[r->month - 1] + extra;
	/* 1970-01-01 was a Thursday */
	weekday = ((year_start(year) + first + 4) % 7 + 7) % 7;
	day = (r->day - weekday + 7) % 7 + 7 * (r->week - 1);
	if (day >= month_start[r->month] + (leap(year) && r->month >= 2) - first)
		day -= 7;
	return first + day;
}

/* When, in seconds since the epoch, R falls in YEAR while WEST is in effect. */
static long long transition(const struct rule *r, long long year, long west)
{
	return (year_start(year) + rule_day(r, year)) * 86400 + r->time + west;
}

static int in_dst(long long t)
{
	long long year = year_of(floor_div(t - zone.std_west, 86400));
	long long start = transition(&zone.start, year, zone.std_west);
	long long end = transition(&zone.end, year, zone.dst_west);

	if (start < end)
		return t >= start && t < end;
	return t < end || t >= start;
}

/*
 * The zone at T, seconds since the epoch, or with LOCAL, seconds since the
 * epoch of local time (mktime's, taken as daylight time: a time that the
 * change back to standard time repeats is the first, as glibc has it, and
 * one that the change to daylight time skips is standard): its offset east
 * of Greenwich, the other one's (OPPOFF may be null), and its name.
 */
void __secs_to_zone(long long t, int local, int *isdst, int *offset, long *oppoff, const char **zonename)
{
	int dst;

	tzset();
	dst = zone.has_dst && in_dst(local ? t + zone.dst_west : t);
	*isdst = dst;
	*offset = -(dst ? zone.dst_west : zone.std_west);
	if (oppoff)
		*oppoff = -(dst ? zone.std_west : zone.dst_west);
	*zonename = dst ? zone.dst : zone.std;
}

/*
 * strftime's %Z: the name localtime or gmtime put in TM, or for a struct
 * tm made otherwise, the current zone's name for its tm_isdst.
 */
const char *__tm_to_tzname(const struct tm *tm)
{
	const char *name = tm->__tm_zone;

	if (name == __utc || name == zone.std || name == zone.dst)
		return name;
	tzset();
	if (tm->tm_isdst < 0)
		return "";
	return tm->tm_isdst ? zone.dst : zone.std;
}

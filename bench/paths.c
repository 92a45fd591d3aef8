/* paths.c: what bench/run.sh times: path calls, each resolved by the runner's sandbox. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static long long now_us(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000LL + t.tv_nsec / 1000;
}

/* paths N: N rounds of a stat of a plain path, an open of one with "..",
 * and an open through a symbolic link; prints the microseconds they took. */
int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 10000;
	struct stat st;
	long long start;
	FILE *f;

	mkdir("a", 0777);
	mkdir("a/b", 0777);
	mkdir("a/b/c", 0777);
	if (!(f = fopen("a/b/c/f.txt", "w")) || fclose(f) != 0 || (symlink("a/b/c", "link") != 0 && access("link", F_OK) != 0)) {
		perror("paths: setup");
		return 1;
	}
	start = now_us();
	for (long i = 0; i < n; i++) {
		int fd1, fd2;

		if (stat("a/b/c/f.txt", &st) != 0 || (fd1 = open("a/b/../b/c/f.txt", O_RDONLY)) < 0 ||
		    (fd2 = open("link/f.txt", O_RDONLY)) < 0) {
			perror("paths");
			return 1;
		}
		close(fd1);
		close(fd2);
	}
	printf("microseconds %lld\n", now_us() - start);
	return 0;
}

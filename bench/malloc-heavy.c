/* malloc-heavy.c: the allocator bench's workload: trees, mixed-size churn and growing buffers. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint32_t state = 12345; /* fixed seed: the same work for every allocator */

static uint32_t next(void)
{
	state ^= state << 13;
	state ^= state >> 17;
	state ^= state << 5;
	return state;
}

/* 1. many small nodes made and freed as whole trees (the binary-trees game) */
struct node {
	struct node *left, *right;
	int value;
};

static struct node *tree(int depth)
{
	struct node *n = malloc(sizeof *n);

	n->value = depth;
	n->left = depth ? tree(depth - 1) : NULL;
	n->right = depth ? tree(depth - 1) : NULL;
	return n;
}

static long walk_and_free(struct node *n)
{
	long sum;

	if (!n)
		return 0;
	sum = n->value + walk_and_free(n->left) + walk_and_free(n->right);
	free(n);
	return sum;
}

/* 2. objects of mixed sizes living for random spans: mostly small, some large */
#define LIVE 4096

static size_t mixed_size(void)
{
	uint32_t r = next() % 100;

	if (r < 80)
		return 8 + next() % 120;
	if (r < 96)
		return 128 + next() % 1920;
	return 2048 + next() % 63488;
}

static long churn(int rounds)
{
	static unsigned char *live[LIVE];
	long sum = 0;

	for (int i = 0; i < rounds; i++) {
		uint32_t k = next() % LIVE;
		size_t n;

		if (live[k]) {
			sum += live[k][0];
			free(live[k]);
		}
		n = mixed_size();
		live[k] = malloc(n);
		live[k][0] = (unsigned char)n;
		live[k][n - 1] = 1;
	}
	for (int k = 0; k < LIVE; k++) {
		free(live[k]);
		live[k] = NULL;
	}
	return sum;
}

/* 3. buffers grown a piece at a time with realloc, as naive code does */
static long grow(int buffers, int pieces)
{
	char **buf = calloc(buffers, sizeof *buf);
	size_t *len = calloc(buffers, sizeof *len);
	long sum = 0;

	for (int p = 0; p < pieces; p++)
		for (int b = 0; b < buffers; b++) {
			size_t add = 1 + next() % 64;

			buf[b] = realloc(buf[b], len[b] + add);
			memset(buf[b] + len[b], 'a' + b % 26, add);
			len[b] += add;
		}
	for (int b = 0; b < buffers; b++) {
		sum += buf[b][len[b] - 1] + (long)len[b];
		free(buf[b]);
	}
	free(buf);
	free(len);
	return sum;
}

int main(void)
{
	struct timespec t0, t1;
	long sum = 0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < 30; i++)
		sum += walk_and_free(tree(15));
	sum += churn(600000);
	sum += grow(300, 800);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("checksum %ld\n", sum);
	printf("microseconds %lld\n",
	       (long long)(t1.tv_sec - t0.tv_sec) * 1000000 + (t1.tv_nsec - t0.tv_nsec) / 1000);
	return 0;
}

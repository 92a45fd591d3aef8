/* hello.c: the README's first program. */
#include <stdio.h>

int main(void)
{
	printf("hello, world\n");
	return 0;
}

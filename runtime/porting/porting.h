/* porting.h: what the files of the porting layer share, never exported. */
#ifndef PORTING_H
#define PORTING_H

#include <time.h>

#define PORTING_HIDDEN __attribute__((visibility("hidden")))

/*
 * A wait that only another thread could end, given a deadline: the one
 * thread sleeps until the deadline (on clock) passes, and the caller then
 * reports ETIMEDOUT.
 */
PORTING_HIDDEN void porting_sleep_until(clockid_t clock, const struct timespec *deadline);

/*
 * A second descriptor for FD, numbered LOW or above (exactly LOW, with
 * EXACT), as far as the host allows (descriptors.c).
 */
PORTING_HIDDEN int porting_duplicate(int fd, int low, int exact);

/*
 * FD opened again through the runner's /dev/fd, for ACCESS (O_RDONLY,
 * O_WRONLY, O_RDWR): the same open file description (devfd.c). ENOSYS
 * where the host has no such /dev/fd.
 */
PORTING_HIDDEN int porting_open_fd(int fd, int access);

#endif

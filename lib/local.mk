## lib/local.mk: what the project's C programs share: the one error path and allocation that
## cannot fail (util.c), whole files in and out (fileio.c).
noinst_LIBRARIES = lib/libcommon.a
lib_libcommon_a_SOURCES = lib/util.c lib/util.h lib/fileio.c lib/fileio.h

#ifndef OV_FUZZ_FUZZ_H
#define OV_FUZZ_FUZZ_H
/*
 * Shared by the fuzz targets (fuzz/fuzz_*.c).  Each target defines
 * LLVMFuzzerTestOneInput, which libFuzzer calls with arbitrary bytes; the
 * same function is linked into tests/fuzz/replay.c so `make check` replays
 * every file in fuzz/corpus/<target>/ without clang.
 *
 * A target returns 0 for every input.  A broken property is reported with
 * fuzz_fail(), which prints what went wrong and abort()s: libFuzzer saves the
 * input as a crash, and the replay driver reports the file as `not ok`.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

__attribute__((noreturn, format(printf, 1, 2)))
void fuzz_fail(const char *fmt, ...);

/* A NUL-terminated copy of the input (embedded NULs end the string early,
 * as they would for any C caller); the caller frees it. */
char *fuzz_cstr(const uint8_t *data, size_t size);

#endif

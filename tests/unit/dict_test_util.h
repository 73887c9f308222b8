/* dict_test_util.h -- helpers shared by the dictionary unit tests:
 * collecting load warnings, reading the shared reference files, and
 * turning a test sentence into the word ids the coder would pass. */
#ifndef DY_DICT_TEST_UTIL_H
#define DY_DICT_TEST_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/intern.h"

#define DY_TEST_MAX_WARN 256

typedef struct dy_test_warnings {
    long line[DY_TEST_MAX_WARN];
    char text[DY_TEST_MAX_WARN][256];
    size_t n;                 /* all warnings seen, also past the array */
} dy_test_warnings;

/* A dyad_diag_fn: appends to the dy_test_warnings passed as user. */
void dy_test_collect(void *user, const char *file, long line, const char *message);

/* Was a warning containing needle reported at line? */
bool dy_test_warned(const dy_test_warnings *w, long line, const char *needle);

/* Reads a file of the shared reference data, its path relative to the
 * shared folder (getenv("DYAD_SHARED"), else "../shared") formatted with
 * printf rules; NUL-terminated, malloc'ed; NULL when it is absent. */
/* The whole file at path (relative to the repository root, where the tests
 * run), NUL-terminated; fails the test when it cannot be read.  free() it. */
char *dy_test_read_file(const char *path, size_t *len);

char *dy_test_read_shared(size_t *len, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Words of a blank-separated sentence as ASCII-uppercase interned ids, 0
 * for a word in no dictionary; returns how many (at most cap). */
size_t dy_test_sentence(const dy_intern *words, const char *text, uint32_t *ids, size_t cap);

#endif

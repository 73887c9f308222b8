/* diag.h -- small helpers shared by every stage: a fixed-size error message
 * buffer, and text helpers for the ASCII-uppercase matching that the
 * PETRARCH dictionaries use. */
#ifndef DY_DIAG_H
#define DY_DIAG_H

#include <stdarg.h>
#include <stddef.h>

#include "dyad.h"

#define DY_MSG_MAX 512

typedef struct dy_msg {
    char text[DY_MSG_MAX];
} dy_msg;

/* Formats into m and returns status, so callers can `return dy_fail(...)`. */
dyad_status dy_fail(dy_msg *m, dyad_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Copies s[0..n) to dst (cap bytes incl. NUL) in ASCII uppercase; returns length. */
size_t dy_upper_copy(char *dst, size_t cap, const char *s, size_t n);

/* Whitespace test that does not depend on the locale. */
static inline int dy_isspace(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

#endif

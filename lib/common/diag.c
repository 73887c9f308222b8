/* diag.c -- see diag.h. */
#include "diag.h"

#include <stdio.h>

dyad_status dy_fail(dy_msg *m, dyad_status status, const char *fmt, ...)
{
    if (m) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(m->text, sizeof m->text, fmt, ap);
        va_end(ap);
    }
    return status;
}

size_t dy_upper_copy(char *dst, size_t cap, const char *s, size_t n)
{
    if (cap == 0)
        return 0;
    size_t k = n < cap - 1 ? n : cap - 1;
    for (size_t i = 0; i < k; i++) {
        char c = s[i];
        dst[i] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
    }
    dst[k] = '\0';
    return k;
}

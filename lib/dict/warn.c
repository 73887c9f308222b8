/* warn.c -- dy_warn(): the one place dictionary warnings are counted and
 * handed to the builder's diagnostic callback. */
#include "engine.h"
#include "common/diag.h"

#include <stdarg.h>
#include <stdio.h>

void dy_warn(dy_diag_sink *d, const char *file, long line, const char *fmt, ...)
{
    if (!d)
        return;
    if (d->muted) {
        d->muted_count++;
        return;
    }
    /* Counted even without a callback: dyad_builder_warning_count() must
     * report lines that were not used as written. */
    d->count++;
    if (!d->fn)
        return;
    char msg[DY_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    d->fn(d->user, file ? file : "", line, msg);
}

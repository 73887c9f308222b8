/* cameo.c -- CAMEO code lookup over the generated table.
 *
 * Called once per coded event, i.e. hundreds of thousands of times a second,
 * so the code string is packed into one integer and found by binary search
 * over a ~320-entry key array: at most nine integer comparisons, no strcmp,
 * no allocation, no locks (the table is const). */
#include <math.h>
#include <string.h>

#include "dyad.h"
#include "code/cameo.h"

/* Packs a 2-4 character code into its key; 0 (never a valid key) for
 * anything else.  Only the first five bytes are read. */
static uint32_t cameo_key(const char *code)
{
    unsigned char c[4] = {0, 0, 0, 0};
    size_t n = 0;
    while (n < 4 && code[n] != '\0') {
        c[n] = (unsigned char)code[n];
        n++;
    }
    if (n < 2 || (n == 4 && code[4] != '\0'))
        return 0;
    return DY_CAMEO_KEY(c[0], c[1], c[2], c[3]);
}

const dy_cameo_entry *dy_cameo_find(const char *code)
{
    if (code == NULL)
        return NULL;
    uint32_t key = cameo_key(code);
    if (key == 0)
        return NULL;
    size_t lo = 0, hi = dy_cameo_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t k = dy_cameo_keys[mid];
        if (k == key)
            return &dy_cameo_entries[mid];
        if (k < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

int dyad_cameo_lookup(const char *code, dyad_cameo_info *out)
{
    const dy_cameo_entry *e = dy_cameo_find(code);
    if (out != NULL) {
        if (e != NULL) {
            out->code = e->code;
            out->root = e->root;
            out->name = e->name;
            out->quad_class = e->quad_class;
            /* NaN, not 0.0, for a code without a Goldstein value: 0.0 is
             * a real value (a neutral statement). */
            out->goldstein = e->has_goldstein ? e->goldstein10 / 10.0 : NAN;
        } else {
            /* Defined contents even on failure, so a caller that forgets
             * the return value prints nothing misleading. */
            out->code = out->root = out->name = NULL;
            out->quad_class = 0;
            out->goldstein = 0.0;
        }
    }
    return e != NULL ? 0 : -1;
}

int dy_cameo_plover(const char *code, const char **plover)
{
    const dy_cameo_entry *e = dy_cameo_find(code);
    if (plover != NULL)
        *plover = e != NULL ? e->plover : NULL;
    return e != NULL ? 0 : -1;
}

/* defaults.h -- the default dictionaries of data/dict/, compiled into the
 * library by tools/gen_embed.c (build/gen/default_dicts.c). */
#ifndef DY_DEFAULTS_H
#define DY_DEFAULTS_H

#include <stddef.h>

typedef struct dy_default_dict {
    const char *name;   /* base file name, e.g. "people.actors.txt" */
    const char *data;
    size_t len;
} dy_default_dict;

/* In load order; dy_default_dicts[dy_default_dict_count] is all zero. */
extern const dy_default_dict dy_default_dicts[];
extern const size_t dy_default_dict_count;

#endif

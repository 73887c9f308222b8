/* intern.h -- string interning: each distinct string gets a small integer id.
 *
 * Why: dictionaries are matched against sentences millions of times; with
 * every word reduced to an id, matching compares integers, never strings.
 * Ids start at 1; 0 means "not interned".  Lookups on a finished table are
 * read-only and safe from many threads. */
#ifndef DY_INTERN_H
#define DY_INTERN_H

#include <stddef.h>
#include <stdint.h>

typedef struct dy_intern dy_intern;

dy_intern *dy_intern_create(void);
void dy_intern_free(dy_intern *t);

/* Returns the id of s[0..n), adding it if new; 0 on out of memory. */
uint32_t dy_intern_add(dy_intern *t, const char *s, size_t n);
/* Returns the id or 0 when absent; never modifies the table. */
uint32_t dy_intern_find(const dy_intern *t, const char *s, size_t n);
/* NUL-terminated text of an id; "" for 0 or an unknown id. */
const char *dy_intern_str(const dy_intern *t, uint32_t id);
size_t dy_intern_len(const dy_intern *t, uint32_t id);
uint32_t dy_intern_count(const dy_intern *t);

/* FNV-1a, exposed so other hash tables in the library agree on it. */
uint64_t dy_hash_bytes(const void *p, size_t n);

#endif

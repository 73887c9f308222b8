/* intern.c -- open-addressing hash table over strings kept in one arena. */
#include "intern.h"
#include "arena.h"

#include <stdlib.h>
#include <string.h>

typedef struct dy_istr {
    const char *s;
    uint32_t len;
    uint32_t hash32;
} dy_istr;

struct dy_intern {
    dy_arena *arena;
    dy_istr *strs;        /* index = id; strs[0] unused */
    uint32_t n, cap_strs;
    uint64_t *slots;      /* 0 empty, else hash32 << 32 | id: the hash is
                             compared without touching the string table */
    uint32_t mask;        /* slots size - 1 */
};

/* Eight bytes at a time with a multiply-xorshift mix: words are short, and
 * a byte-at-a-time hash was a visible share of coding time. */
uint64_t dy_hash_bytes(const void *p, size_t n)
{
    const unsigned char *b = p;
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xFF51AFD7ED558CCDull);
    while (n >= 8) {
        uint64_t k;
        memcpy(&k, b, 8);
        h = (h ^ k) * 0xC4CEB9FE1A85EC53ull;
        h ^= h >> 29;
        b += 8;
        n -= 8;
    }
    /* The last 0-7 bytes: two overlapping 4-byte loads, or three single
     * bytes, instead of a byte loop or a variable-length memcpy. */
    uint64_t k;
    if (n >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, b, 4);
        memcpy(&hi, b + n - 4, 4);
        k = ((uint64_t)hi << 32) | lo;
    } else if (n > 0) {
        k = ((uint64_t)b[0] << 16) | ((uint64_t)b[n >> 1] << 8) | b[n - 1];
    } else {
        k = 0;
    }
    h = (h ^ k) * 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 32;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 29;
    return h;
}

dy_intern *dy_intern_create(void)
{
    dy_intern *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->arena = dy_arena_create(0);
    t->cap_strs = 256;
    t->strs = calloc(t->cap_strs, sizeof *t->strs);
    t->mask = 511;
    t->slots = calloc(t->mask + 1, sizeof *t->slots);
    if (!t->arena || !t->strs || !t->slots) {
        dy_intern_free(t);
        return NULL;
    }
    t->strs[0].s = "";
    t->n = 1;
    return t;
}

void dy_intern_free(dy_intern *t)
{
    if (!t)
        return;
    dy_arena_free(t->arena);
    free(t->strs);
    free(t->slots);
    free(t);
}

static uint32_t probe(const dy_intern *t, const char *s, size_t n, uint32_t h,
                      uint32_t *slot_out)
{
    uint32_t i = h & t->mask;
    for (;;) {
        uint64_t v = t->slots[i];
        if (v == 0) {
            *slot_out = i;
            return 0;
        }
        if ((uint32_t)(v >> 32) == h) {
            uint32_t id = (uint32_t)v;
            const dy_istr *e = &t->strs[id];
            if (e->len == n && memcmp(e->s, s, n) == 0) {
                *slot_out = i;
                return id;
            }
        }
        i = (i + 1) & t->mask;
    }
}

static int grow_slots(dy_intern *t)
{
    uint32_t nsize = (t->mask + 1) * 2;
    uint64_t *ns = calloc(nsize, sizeof *ns);
    if (!ns)
        return -1;
    for (uint32_t id = 1; id < t->n; id++) {
        uint32_t h = t->strs[id].hash32;
        uint32_t i = h & (nsize - 1);
        while (ns[i])
            i = (i + 1) & (nsize - 1);
        ns[i] = ((uint64_t)h << 32) | id;
    }
    free(t->slots);
    t->slots = ns;
    t->mask = nsize - 1;
    return 0;
}

uint32_t dy_intern_add(dy_intern *t, const char *s, size_t n)
{
    if (n > UINT32_MAX)
        return 0;
    uint32_t h = (uint32_t)dy_hash_bytes(s, n);
    uint32_t slot;
    uint32_t id = probe(t, s, n, h, &slot);
    if (id)
        return id;
    /* at most half full: most lookups from sentences are misses, and a
     * miss under linear probing costs far more in a fuller table */
    if ((uint64_t)(t->n + 1) * 2 > (uint64_t)(t->mask + 1)) {
        if (grow_slots(t) != 0)
            return 0;
        probe(t, s, n, h, &slot);
    }
    if (t->n == t->cap_strs) {
        uint32_t ncap = t->cap_strs * 2;
        dy_istr *ns = realloc(t->strs, (size_t)ncap * sizeof *ns);
        if (!ns)
            return 0;
        t->strs = ns;
        t->cap_strs = ncap;
    }
    char *copy = dy_arena_strndup(t->arena, s, n);
    if (!copy)
        return 0;
    id = t->n++;
    t->strs[id] = (dy_istr){copy, (uint32_t)n, h};
    t->slots[slot] = ((uint64_t)h << 32) | id;
    return id;
}

uint32_t dy_intern_find(const dy_intern *t, const char *s, size_t n)
{
    if (!t || n > UINT32_MAX)
        return 0;
    uint32_t slot;
    return probe(t, s, n, (uint32_t)dy_hash_bytes(s, n), &slot);
}

const char *dy_intern_str(const dy_intern *t, uint32_t id)
{
    return (t && id < t->n) ? t->strs[id].s : "";
}

size_t dy_intern_len(const dy_intern *t, uint32_t id)
{
    return (t && id < t->n) ? t->strs[id].len : 0;
}

uint32_t dy_intern_count(const dy_intern *t)
{
    return t->n - 1;
}

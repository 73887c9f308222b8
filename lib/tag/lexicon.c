/* lexicon.c -- lookups in the generated tagger tables (see lexicon.h). */
#include "tag/lexicon.h"

#include <string.h>

#define INDEX_MASK ((1u << DY_LEX_INDEX_BITS) - 1)

/* memcmp(a, b, n) == 0 for the short strings of a lexicon, inline: 8 bytes
 * at a time, the tail as two overlapping loads */
static inline int same(const char *a, const char *b, size_t n)
{
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    for (; n >= 8; p += 8, q += 8, n -= 8)
        if (dy_lex_load64(p) != dy_lex_load64(q))
            return 0;
    if (n >= 4)
        return dy_lex_load32(p) == dy_lex_load32(q) &&
               dy_lex_load32(p + n - 4) == dy_lex_load32(q + n - 4);
    for (size_t i = 0; i < n; i++)
        if (p[i] != q[i])
            return 0;
    return 1;
}

const dy_lex_word *dy_lex_find(const char *s, size_t n)
{
    uint32_t h = dy_lex_hash(s, n);
    uint32_t mask = dy_lex_slot_mask;
    uint32_t tag = h & ~INDEX_MASK;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t v = dy_lex_slots[i];
        if (v == 0)
            return NULL;
        if ((v & ~INDEX_MASK) != tag)
            continue;
        const dy_lex_word *w = &dy_lex_words[(v & INDEX_MASK) - 1];
        if (dy_lex_len(w) == n && same(dy_lex_pool + w->text, s, n))
            return w;
    }
}

const dy_lex_suffix *dy_lex_find_suffix(const char *key, size_t n)
{
    uint32_t mask = dy_lex_sfx_slot_mask;
    for (uint32_t i = dy_lex_hash(key, n) & mask;; i = (i + 1) & mask) {
        uint32_t v = dy_lex_sfx_slots[i];
        if (v == 0)
            return NULL;
        const dy_lex_suffix *e = &dy_lex_suffixes[v - 1];
        if (e->key_len == n && memcmp(dy_lex_sfx_pool + e->key, key, n) == 0)
            return e;
    }
}

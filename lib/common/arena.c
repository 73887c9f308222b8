/* arena.c -- see arena.h. */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define DY_ARENA_ALIGN 16u

typedef struct dy_chunk {
    struct dy_chunk *next;
    size_t cap, used;
    _Alignas(16) unsigned char data[];
} dy_chunk;

struct dy_arena {
    dy_chunk *head;      /* current chunk (first in list) */
    size_t chunk_size;
    size_t used_total;
};

static dy_chunk *chunk_new(size_t cap)
{
    dy_chunk *c = malloc(sizeof *c + cap);
    if (!c)
        return NULL;
    c->next = NULL;
    c->cap = cap;
    c->used = 0;
    return c;
}

dy_arena *dy_arena_create(size_t chunk_size)
{
    dy_arena *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->chunk_size = chunk_size ? chunk_size : 64u * 1024u;
    a->head = chunk_new(a->chunk_size);
    if (!a->head) {
        free(a);
        return NULL;
    }
    return a;
}

void dy_arena_free(dy_arena *a)
{
    if (!a)
        return;
    dy_chunk *c = a->head;
    while (c) {
        dy_chunk *n = c->next;
        free(c);
        c = n;
    }
    free(a);
}

void *dy_arena_alloc(dy_arena *a, size_t n)
{
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX - DY_ARENA_ALIGN)
        return NULL;
    size_t need = (n + DY_ARENA_ALIGN - 1) & ~(size_t)(DY_ARENA_ALIGN - 1);
    dy_chunk *c = a->head;
    if (!c) {
        c = a->head = chunk_new(a->chunk_size);
        if (!c)
            return NULL;
    }
    if (c->cap - c->used < need) {
        if (need > a->chunk_size / 4) {
            /* Big request: its own chunk, placed behind the current one so
             * the current chunk's free space is not wasted. */
            dy_chunk *big = chunk_new(need);
            if (!big)
                return NULL;
            big->used = need;
            big->next = c->next;
            c->next = big;
            a->used_total += need;
            return big->data;
        }
        dy_chunk *fresh = chunk_new(a->chunk_size);
        if (!fresh)
            return NULL;
        fresh->next = c;
        a->head = fresh;
        c = fresh;
    }
    void *p = c->data + c->used;
    c->used += need;
    a->used_total += need;
    return p;
}

void *dy_arena_calloc(dy_arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *p = dy_arena_alloc(a, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

char *dy_arena_strndup(dy_arena *a, const char *s, size_t n)
{
    char *p = dy_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *dy_arena_strdup(dy_arena *a, const char *s)
{
    return dy_arena_strndup(a, s, strlen(s));
}

void dy_arena_reset(dy_arena *a)
{
    /* Keep one standard-size chunk (the oldest, at the tail), free the rest,
     * so memory stays bounded by what one sentence needs. */
    dy_chunk *keep = NULL, *c = a->head;
    while (c) {
        dy_chunk *n = c->next;
        if (n == NULL && c->cap == a->chunk_size)
            keep = c;
        else
            free(c);
        c = n;
    }
    if (!keep)
        keep = chunk_new(a->chunk_size); /* NULL is handled by alloc */
    if (keep) {
        keep->used = 0;
        keep->next = NULL;
    }
    a->head = keep;
    a->used_total = 0;
}

size_t dy_arena_used(const dy_arena *a)
{
    return a->used_total;
}

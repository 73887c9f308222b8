/* arena.h -- bump allocator for per-article and per-engine memory.
 *
 * Why: a coder handles millions of sentences; allocating each token, node
 * and event with malloc would dominate the run time and fragment memory.
 * Everything about one sentence lives in one arena that is reset, not
 * freed, between sentences. */
#ifndef DY_ARENA_H
#define DY_ARENA_H

#include <stddef.h>

typedef struct dy_arena dy_arena;

/* chunk_size: bytes per chunk (0 = 64 KiB); larger requests get their own chunk. */
dy_arena *dy_arena_create(size_t chunk_size);
void dy_arena_free(dy_arena *a);

/* 16-byte aligned, uninitialised; NULL on out of memory. */
void *dy_arena_alloc(dy_arena *a, size_t n);
void *dy_arena_calloc(dy_arena *a, size_t count, size_t size);
char *dy_arena_strndup(dy_arena *a, const char *s, size_t n);
char *dy_arena_strdup(dy_arena *a, const char *s);

/* Keeps the first chunk, frees the rest: memory stays bounded by the
 * largest sentence seen, not by the corpus. */
void dy_arena_reset(dy_arena *a);

/* Bytes handed out since creation or the last reset. */
size_t dy_arena_used(const dy_arena *a);

#endif

/* input_stream.h -- an input file (or standard input) as a stream of bytes
 * for dyad_reader_open_stream(): plain, gzip or zstd data, recognised by
 * their first bytes, decompressed a chunk at a time.
 *
 * The bytes read from the file (compressed, as on disk) are added to a
 * counter that another thread may read, for progress and throughput. */
#ifndef DYAD_INPUT_STREAM_H
#define DYAD_INPUT_STREAM_H

#include <stdatomic.h>
#include <stddef.h>

typedef struct input_stream input_stream;

/* Opens path ("-": standard input).  NULL on failure with the reason
 * (strerror) in why.  bytes_read (may be NULL) counts the bytes read. */
input_stream *input_stream_open(const char *path, atomic_ullong *bytes_read, char *why,
                                size_t why_size);

/* A dyad_read_fn: user is the input_stream.  Fails with "truncated gzip
 * data", "corrupt zstd data: ...", a read error, or "interrupted" when a
 * stop signal arrived during a read. */
ptrdiff_t input_stream_read(void *user, char *buf, size_t cap, const char **why);

/* "gzip", "zstd" or "" once the first bytes have been seen. */
const char *input_stream_compression(const input_stream *in);

void input_stream_close(input_stream *in);

#endif

/* input_stream.c -- plain, gzip and zstd input as one stream of bytes.
 *
 * Reads go straight to read(2), not stdio, so that a stop signal
 * interrupts a blocked read (EINTR) and the chunk sizes stay ours.  The
 * compression is recognised by its magic number, not by the file name, so
 * standard input may be compressed too; the first chunk is read at open for
 * that and handed on. */
#include "input_stream.h"
#include "stop_signal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#define RAW_CHUNK ((size_t)128 * 1024)

typedef enum { STREAM_PLAIN, STREAM_GZIP, STREAM_ZSTD } stream_kind;

struct input_stream {
    int fd, own_fd;
    stream_kind kind;
    int recognised;              /* kind is known */
    unsigned char *raw;          /* compressed bytes read, raw[raw_pos..raw_len) unused */
    size_t raw_len, raw_pos;
    int raw_eof;
    atomic_ullong *bytes_read;
    z_stream z;
    int z_ready;                 /* inflateInit2() was called */
    int member_ended;            /* the last gzip member ended; another may follow */
    ZSTD_DCtx *zstd;
    size_t zstd_pending;         /* last ZSTD_decompressStream() hint: 0 = frame complete */
    char msg[160];
};

/* Reads the next chunk of raw bytes into raw[]; -1 with s->msg set. */
static int raw_fill(input_stream *s)
{
    s->raw_pos = s->raw_len = 0;
    for (;;) {
        ssize_t got = read(s->fd, s->raw, RAW_CHUNK);
        if (got >= 0) {
            s->raw_len = (size_t)got;
            if (got == 0)
                s->raw_eof = 1;
            else if (s->bytes_read)
                atomic_fetch_add_explicit(s->bytes_read, (unsigned long long)got,
                                          memory_order_relaxed);
            return 0;
        }
        if (errno == EINTR && !stop_signal_received())
            continue;
        snprintf(s->msg, sizeof s->msg, "%s",
                 errno == EINTR ? "interrupted" : strerror(errno));
        return -1;
    }
}

input_stream *input_stream_open(const char *path, atomic_ullong *bytes_read, char *why,
                                size_t why_size)
{
    input_stream *s = calloc(1, sizeof *s);
    unsigned char *raw = malloc(RAW_CHUNK);
    if (!s || !raw) {
        free(s);
        free(raw);
        snprintf(why, why_size, "out of memory");
        return NULL;
    }
    s->raw = raw;
    s->bytes_read = bytes_read;
    s->own_fd = strcmp(path, "-") != 0;
    s->fd = s->own_fd ? open(path, O_RDONLY) : STDIN_FILENO;
    if (s->fd < 0) {
        snprintf(why, why_size, "%s", strerror(errno));
        input_stream_close(s);
        return NULL;
    }
    return s;
}

/* Chooses the kind from the first bytes (read now, if not yet). */
static int recognise(input_stream *s)
{
    if (raw_fill(s) != 0)
        return -1;
    /* Four bytes are needed for zstd's magic; a first read may give fewer
     * from a pipe, so keep reading a little. */
    while (s->raw_len < 4 && !s->raw_eof) {
        ssize_t got = read(s->fd, s->raw + s->raw_len, RAW_CHUNK - s->raw_len);
        if (got < 0 && errno == EINTR && !stop_signal_received())
            continue;
        if (got < 0) {
            snprintf(s->msg, sizeof s->msg, "%s",
                     errno == EINTR ? "interrupted" : strerror(errno));
            return -1;
        }
        if (got == 0)
            s->raw_eof = 1;
        else if (s->bytes_read)
            atomic_fetch_add_explicit(s->bytes_read, (unsigned long long)got,
                                      memory_order_relaxed);
        s->raw_len += (size_t)got;
    }
    const unsigned char *b = s->raw;
    if (s->raw_len >= 2 && b[0] == 0x1f && b[1] == 0x8b) {
        s->kind = STREAM_GZIP;
        /* 15 + 32: a window of 32 KiB, gzip or zlib header recognised */
        if (inflateInit2(&s->z, 15 + 32) != Z_OK) {
            snprintf(s->msg, sizeof s->msg, "out of memory");
            return -1;
        }
        s->z_ready = 1;
    } else if (s->raw_len >= 4 && b[0] == 0x28 && b[1] == 0xb5 && b[2] == 0x2f &&
               b[3] == 0xfd) {
        s->kind = STREAM_ZSTD;
        s->zstd = ZSTD_createDCtx();
        if (!s->zstd) {
            snprintf(s->msg, sizeof s->msg, "out of memory");
            return -1;
        }
        s->zstd_pending = 1;
    } else {
        s->kind = STREAM_PLAIN;
    }
    return 0;
}

static ptrdiff_t read_plain(input_stream *s, char *buf, size_t cap)
{
    if (s->raw_pos < s->raw_len) {   /* what recognise() read first */
        size_t n = s->raw_len - s->raw_pos < cap ? s->raw_len - s->raw_pos : cap;
        memcpy(buf, s->raw + s->raw_pos, n);
        s->raw_pos += n;
        return (ptrdiff_t)n;
    }
    if (s->raw_eof)
        return 0;
    for (;;) {
        ssize_t got = read(s->fd, buf, cap);
        if (got > 0 && s->bytes_read)
            atomic_fetch_add_explicit(s->bytes_read, (unsigned long long)got,
                                      memory_order_relaxed);
        if (got >= 0) {
            if (got == 0)
                s->raw_eof = 1;
            return got;
        }
        if (errno == EINTR && !stop_signal_received())
            continue;
        snprintf(s->msg, sizeof s->msg, "%s",
                 errno == EINTR ? "interrupted" : strerror(errno));
        return -1;
    }
}

/* gzip: members one after another (as `cat a.gz b.gz` makes) are read as
 * one stream, as gzip -d does. */
static ptrdiff_t read_gzip(input_stream *s, char *buf, size_t cap)
{
    for (;;) {
        if (s->raw_pos == s->raw_len && !s->raw_eof && raw_fill(s) != 0)
            return -1;
        size_t avail = s->raw_len - s->raw_pos;
        if (s->member_ended) {
            if (avail == 0)
                return 0;   /* raw_eof: the input ended after a whole member */
            if (inflateReset(&s->z) != Z_OK) {
                snprintf(s->msg, sizeof s->msg, "corrupt gzip data");
                return -1;
            }
            s->member_ended = 0;
        }
        s->z.next_in = s->raw + s->raw_pos;
        s->z.avail_in = (uInt)avail;
        s->z.next_out = (unsigned char *)buf;
        s->z.avail_out = (uInt)(cap < (size_t)1 << 30 ? cap : (size_t)1 << 30);
        uInt out_before = s->z.avail_out;
        int ret = inflate(&s->z, Z_NO_FLUSH);
        s->raw_pos = s->raw_len - s->z.avail_in;
        size_t produced = out_before - s->z.avail_out;
        if (ret == Z_STREAM_END) {
            s->member_ended = 1;
        } else if (ret == Z_BUF_ERROR || (ret == Z_OK && produced == 0)) {
            if (s->raw_eof && s->raw_pos == s->raw_len && produced == 0) {
                snprintf(s->msg, sizeof s->msg, "truncated gzip data");
                return -1;
            }
        } else if (ret != Z_OK) {
            snprintf(s->msg, sizeof s->msg, "corrupt gzip data: %s",
                     s->z.msg ? s->z.msg : "inflate failed");
            return -1;
        }
        if (produced > 0)
            return (ptrdiff_t)produced;
    }
}

/* zstd: frames one after another are read as one stream, as zstd -d does. */
static ptrdiff_t read_zstd(input_stream *s, char *buf, size_t cap)
{
    for (;;) {
        if (s->raw_pos == s->raw_len && !s->raw_eof && raw_fill(s) != 0)
            return -1;
        /* A call after a complete frame would start the next one and ask
         * for its header: at the end of the input, that is the end. */
        if (s->raw_pos == s->raw_len && s->raw_eof && s->zstd_pending == 0)
            return 0;
        ZSTD_inBuffer in = { s->raw, s->raw_len, s->raw_pos };
        ZSTD_outBuffer out = { buf, cap, 0 };
        size_t ret = ZSTD_decompressStream(s->zstd, &out, &in);
        s->raw_pos = in.pos;
        if (ZSTD_isError(ret)) {
            snprintf(s->msg, sizeof s->msg, "corrupt zstd data: %s", ZSTD_getErrorName(ret));
            return -1;
        }
        s->zstd_pending = ret;
        if (out.pos > 0)
            return (ptrdiff_t)out.pos;
        if (s->raw_eof && s->raw_pos == s->raw_len) {
            if (s->zstd_pending != 0) {
                snprintf(s->msg, sizeof s->msg, "truncated zstd data");
                return -1;
            }
            return 0;
        }
    }
}

ptrdiff_t input_stream_read(void *user, char *buf, size_t cap, const char **why)
{
    input_stream *s = user;
    ptrdiff_t got;
    if (!s->recognised) {
        s->recognised = 1;
        if (recognise(s) != 0) {
            *why = s->msg;
            return -1;
        }
    }
    switch (s->kind) {
    case STREAM_GZIP: got = read_gzip(s, buf, cap); break;
    case STREAM_ZSTD: got = read_zstd(s, buf, cap); break;
    default: got = read_plain(s, buf, cap); break;
    }
    if (got < 0)
        *why = s->msg;
    return got;
}

const char *input_stream_compression(const input_stream *in)
{
    return in->kind == STREAM_GZIP ? "gzip" : in->kind == STREAM_ZSTD ? "zstd" : "";
}

void input_stream_close(input_stream *s)
{
    if (!s)
        return;
    if (s->own_fd && s->fd >= 0)
        close(s->fd);
    if (s->z_ready)
        inflateEnd(&s->z);
    ZSTD_freeDCtx(s->zstd);
    free(s->raw);
    free(s);
}

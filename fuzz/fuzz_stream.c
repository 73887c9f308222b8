/* fuzz_stream.c -- libFuzzer target for the streaming readers: the same
 * bytes read through dyad_reader_open_stream() in small chunks and through
 * dyad_reader_open_buffer() must give exactly the same records, messages
 * and line numbers, whatever the chunk sizes.  That is what the XML
 * reader's windows (lib/io/petrxml.c) promise, and it covers the refill
 * paths of every format, which the buffer targets never reach.
 *
 * Input: byte 0 chooses the format (XML, JSON Lines, text, by name),
 * byte 1 the first chunk size and byte 2 how it grows; the rest is the
 * input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct chunks {
    const char *data;
    size_t len, pos, chunk, grow;
    int ended;
} chunks;

static ptrdiff_t chunk_read(void *user, char *buf, size_t cap, const char **why)
{
    chunks *c = user;
    (void)why;
    if (c->ended)
        abort();   /* read again after the end */
    size_t n = c->chunk < cap ? c->chunk : cap;
    c->chunk += c->grow;
    if (n > c->len - c->pos)
        n = c->len - c->pos;
    if (n == 0)
        c->ended = 1;
    memcpy(buf, c->data + c->pos, n);
    c->pos += n;
    return (ptrdiff_t)n;
}

static void put(FILE *f, const char *s)
{
    if (!s)
        abort();
    fputs(s, f);
    fputc('|', f);
}

/* Every record, its status and message, as text. */
static char *dump(dyad_reader *r, size_t *len)
{
    char *out = NULL;
    FILE *f = open_memstream(&out, len);
    if (!f)
        abort();
    const dyad_environment *env = dyad_reader_environment(r);
    if (env)
        fprintf(f, "env %zu %s\n", env->n_config, env->verbfile ? env->verbfile : "-");
    dyad_record rec;
    dyad_status st;
    size_t calls = 0;
    do {
        st = dyad_reader_next(r, &rec);
        if (++calls > 100000)
            abort();   /* no progress */
        fprintf(f, "%d %ld %d %zu %zu|", (int)st, rec.line, rec.is_article, rec.text_len,
                rec.parse_len);
        put(f, st == DYAD_OK ? "" : dyad_reader_error(r));
        put(f, rec.id);
        put(f, rec.article);
        put(f, rec.date);
        put(f, rec.category);
        if (rec.is_article)
            fwrite(rec.text, 1, rec.text_len, f);
        else
            put(f, rec.text);
        put(f, rec.parse);
        for (size_t i = 0; i < rec.n_config; i++) {
            put(f, rec.config[i].name);
            put(f, rec.config[i].value);
        }
        fprintf(f, "%zu\n", rec.n_expected);
    } while (st != DYAD_ERR_EOF);
    env = dyad_reader_environment(r);
    if (env)
        fprintf(f, "env %zu\n", env->n_config);
    fclose(f);
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    static const char *const names[] = { "f.xml", "f.jsonl", "f.txt", "f" };
    static const dyad_input_format formats[] = { DYAD_INPUT_PETRXML, DYAD_INPUT_JSONL,
                                                 DYAD_INPUT_TEXT, DYAD_INPUT_AUTO };
    int which = data[0] % 4;
    size_t first = data[1] % 64 + 1, grow = data[2] % 8;
    const char *input = (const char *)data + 3;
    size_t len = size - 3;

    dyad_reader *r = NULL;
    dyad_status open_buffer = dyad_reader_open_buffer(names[which], input, len,
                                                      formats[which], &r);
    size_t want_len = 0, got_len = 0;
    char *want = dump(r, &want_len);
    dyad_reader_close(r);

    chunks c = { input, len, 0, first, grow, 0 };
    r = NULL;
    dyad_status open_stream = dyad_reader_open_stream(names[which], chunk_read, &c,
                                                      formats[which], &r);
    char *got = dump(r, &got_len);
    dyad_reader_close(r);

    if (open_buffer != open_stream || want_len != got_len || memcmp(want, got, want_len) != 0) {
        fprintf(stderr, "buffer and stream differ (format %d, chunks %zu +%zu):\n"
                "--- buffer\n%s\n--- stream\n%s\n", which, first, grow, want, got);
        abort();
    }
    free(want);
    free(got);
    return 0;
}

/* fuzz_jsonl.c -- libFuzzer target for the JSON Lines reader, through
 * dyad_reader_open_buffer(), with a small line limit so that the overlong
 * line path is reached too. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "io/io_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t touch(const char *s)
{
    if (!s)
        abort();
    return strlen(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dyad_reader *r = NULL;
    if (dyad_reader_open_buffer("fuzz.jsonl", (const char *)data, size, DYAD_INPUT_JSONL,
                                &r) != DYAD_OK)
        abort();
    dy_reader_set_line_limit(r, 512);
    size_t calls = 0;
    long last_line = 0;
    dyad_record rec;
    dyad_status st;
    while ((st = dyad_reader_next(r, &rec)) != DYAD_ERR_EOF) {
        if (++calls > size + 1 || rec.line <= last_line)
            abort();   /* every call reads at least one new line */
        last_line = rec.line;
        touch(rec.article);
        touch(rec.id);
        touch(rec.date);
        touch(rec.category);
        touch(rec.text);
        if (touch(rec.parse) != rec.parse_len)
            abort();
        if (st != DYAD_OK && st != DYAD_ERR_SYNTAX && st != DYAD_ERR_LIMIT)
            abort();
        if (st != DYAD_OK && touch(dyad_reader_error(r)) == 0)
            abort();
    }
    dyad_reader_close(r);
    return 0;
}

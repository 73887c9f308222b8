/* fuzz_petrxml.c -- libFuzzer target for the PETRARCH XML reader, through
 * dyad_reader_open_buffer().
 *
 * Checks, besides memory errors: every call makes progress (a malformed
 * record must never stall the reader), and every record delivered has
 * readable, non-NULL strings as dyad.h promises. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t touch(const char *s)
{
    if (!s)
        abort();
    return strlen(s);
}

static void check_record(const dyad_record *rec)
{
    touch(rec->article);
    touch(rec->id);
    touch(rec->category);
    touch(rec->text);
    touch(rec->file);
    if (touch(rec->date) == 0 || touch(rec->parse) != rec->parse_len || rec->line < 1)
        abort();
    for (size_t i = 0; i < rec->n_expected; i++) {
        const dyad_expected *e = &rec->expected[i];
        const char *optional[] = { e->source, e->target, e->code, e->error };
        for (size_t k = 0; k < 4; k++)
            if (optional[k])
                touch(optional[k]);
    }
    for (size_t i = 0; i < rec->n_config; i++)
        if (touch(rec->config[i].name) == 0)
            abort();
    for (size_t i = 0; i < rec->n_config; i++)
        touch(rec->config[i].value);
}

static void check_environment(const dyad_environment *env)
{
    if (!env)
        return;
    const char *files[] = { env->verbfile, env->actorfile, env->agentfile,
                            env->discardfile, env->issuefile };
    for (size_t k = 0; k < 5; k++)
        if (files[k])
            touch(files[k]);
    for (size_t i = 0; i < env->n_config; i++) {
        touch(env->config[i].name);
        touch(env->config[i].value);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dyad_reader *r = NULL;
    dyad_status st = dyad_reader_open_buffer("fuzz.xml", (const char *)data, size,
                                             DYAD_INPUT_PETRXML, &r);
    if (st != DYAD_OK) {
        dyad_reader_close(r);
        return 0;
    }
    check_environment(dyad_reader_environment(r));
    /* each call consumes at least one byte; one more for a deferred error */
    size_t calls = 0;
    dyad_record rec;
    while ((st = dyad_reader_next(r, &rec)) != DYAD_ERR_EOF) {
        if (++calls > size + 2)
            abort();
        if (st == DYAD_OK)
            check_record(&rec);
        else if (st != DYAD_ERR_SYNTAX || touch(dyad_reader_error(r)) == 0 || !rec.id)
            abort();
        check_environment(dyad_reader_environment(r));
    }
    if (dyad_reader_next(r, &rec) != DYAD_ERR_EOF)
        abort();
    dyad_reader_close(r);
    return 0;
}

/* code_source.c -- inputs to work items, in order. */
#include "code_source.h"
#include "cli_util.h"
#include "input_stream.h"
#include "stop_signal.h"

#include <stdlib.h>
#include <string.h>

struct code_source {
    const code_inputs *inputs;
    size_t next_input;           /* index of the input to open next */
    const code_input *input;     /* the input being read, or NULL */
    input_stream *stream;
    dyad_reader *reader;
    int env_applied;             /* its <Environment> options were applied */
    char *text_id;               /* the article id of a plain-text input */
    dyad_options opts;           /* in force for the next record */
    const char *date, *article_id;
    unsigned long long skip, skipped;
    atomic_ullong *bytes_read;
    int failed, stopped, done;
};

code_source *code_source_create(const code_inputs *inputs, const dyad_options *opts,
                                const char *date, const char *article_id,
                                unsigned long long skip, atomic_ullong *bytes_read)
{
    code_source *s = cli_xmalloc(sizeof *s);
    memset(s, 0, sizeof *s);
    s->inputs = inputs;
    s->opts = *opts;
    s->date = date;
    s->article_id = article_id;
    s->skip = skip;
    s->bytes_read = bytes_read;
    return s;
}

/* The name records and messages give an input: as dyad_reader_open() does. */
static const char *input_name(const code_input *in)
{
    return strcmp(in->path, "-") == 0 ? "<stdin>" : in->path;
}

static void close_input(code_source *s)
{
    dyad_reader_close(s->reader);
    input_stream_close(s->stream);
    free(s->text_id);
    s->reader = NULL;
    s->stream = NULL;
    s->text_id = NULL;
    s->input = NULL;
}

/* Opens the next input; 0, or -1 (a message was printed) to go on with the
 * one after it. */
static int open_next_input(code_source *s)
{
    const code_input *in = &s->inputs->items[s->next_input++];
    const char *shown = strcmp(in->path, "-") == 0 ? "standard input" : in->path;
    char why[256];
    s->stream = input_stream_open(in->path, s->bytes_read, why, sizeof why);
    if (!s->stream) {
        cli_msg("cannot read %s: %s", shown, why);
        return -1;
    }
    dyad_status st = dyad_reader_open_stream(input_name(in), input_stream_read, s->stream,
                                             in->format, &s->reader);
    if (st != DYAD_OK) {
        const char *reason = s->reader ? dyad_reader_error(s->reader) : "";
        cli_msg_path("cannot read", shown, *reason ? reason : dyad_strerror(st));
        close_input(s);
        return -1;
    }
    s->input = in;
    s->env_applied = 0;
    if (in->format == DYAD_INPUT_TEXT)
        s->text_id = code_input_text_id(in->path);
    return 0;
}

/* The next record of the current input as an item; NULL at its end. */
static code_item *next_record(code_source *s)
{
    dyad_record rec;
    memset(&rec, 0, sizeof rec);
    dyad_status st = dyad_reader_next(s->reader, &rec);
    /* A <Validation> file's <Environment> comes before its first record:
     * its <Config> options apply (its dictionaries do not: `code` uses only
     * --dict; `dyad validate` loads them). */
    const dyad_environment *env = s->env_applied ? NULL : dyad_reader_environment(s->reader);
    if (env) {
        cli_apply_config(&s->opts, env->config, env->n_config, s->input->path, 0);
        s->env_applied = 1;
    }
    if (st == DYAD_ERR_EOF || stop_signal_received())
        return NULL;   /* after a signal, what was read may be cut short */
    rec.file = input_name(s->input);   /* outlives the reader, unlike rec.file */
    if (s->input->format == DYAD_INPUT_TEXT) {
        /* a plain-text file brings neither date nor (always) an id */
        rec.date = s->date ? s->date : "";   /* "": dated by its text */
        rec.id = rec.article = s->article_id ? s->article_id : s->text_id;
    }
    if (st != DYAD_OK) {
        const char *why = dyad_reader_error(s->reader);
        code_item *it = code_item_create(&rec, &s->opts, st, why);
        /* The reader skips a bad record and goes on; an I/O failure or out
         * of memory means it cannot. */
        if (st == DYAD_ERR_IO || st == DYAD_ERR_NOMEM) {
            cli_msg_path("stopped reading", s->input->path, *why ? why : dyad_strerror(st));
            s->failed = 1;
            close_input(s);
        }
        return it;
    }
    /* The record's <Config> options stay set for the records after it, as
     * in PETRARCH. */
    if (rec.n_config)
        cli_apply_config(&s->opts, rec.config, rec.n_config, rec.file, rec.line);
    return code_item_create(&rec, &s->opts, DYAD_OK, NULL);
}

code_item *code_source_next(code_source *s)
{
    while (!s->done) {
        if (stop_signal_received()) {
            s->stopped = 1;
            break;
        }
        if (!s->reader) {
            if (s->next_input == s->inputs->n) {
                s->done = 1;
                break;
            }
            if (open_next_input(s) != 0)
                s->failed = 1;
            continue;
        }
        code_item *it = next_record(s);
        if (!it) {
            if (!stop_signal_received())
                close_input(s);   /* its end */
            continue;
        }
        if (s->skipped < s->skip) {
            s->skipped++;
            code_item_free(it);
            continue;
        }
        return it;
    }
    return NULL;
}

int code_source_failed(const code_source *s)
{
    return s->failed;
}

int code_source_complete(const code_source *s)
{
    return s->done && !s->stopped;
}

void code_source_free(code_source *s)
{
    if (!s)
        return;
    close_input(s);
    free(s);
}

/* code_work.c -- records as units of work: copying, coding, formatting. */
#include "code_work.h"
#include "cli_util.h"

#include <stdlib.h>
#include <string.h>

/* Appends s[0..n) and a NUL at *p; returns the copy. */
static const char *put(char **p, const char *s, size_t n)
{
    char *copy = *p;
    if (n)
        memcpy(copy, s, n);
    copy[n] = '\0';
    *p += n + 1;
    return copy;
}

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

code_item *code_item_create(const dyad_record *rec, const dyad_options *opts,
                            dyad_status read_status, const char *read_error)
{
    const char *article = or_empty(rec->article), *id = or_empty(rec->id);
    const char *date = or_empty(rec->date), *category = or_empty(rec->category);
    const char *text = or_empty(rec->text), *parse = or_empty(rec->parse);
    const char *why = or_empty(read_error);
    size_t text_len = rec->text ? (rec->is_article ? rec->text_len : strlen(text)) : 0;
    size_t parse_len = rec->parse ? (rec->parse_len ? rec->parse_len : strlen(parse)) : 0;
    size_t strings = strlen(article) + strlen(id) + strlen(date) + strlen(category) +
                     text_len + parse_len + strlen(why) + 7;
    /* one block: the item, then its strings */
    code_item *it = cli_xmalloc(sizeof *it + strings);
    memset(it, 0, sizeof *it);
    char *p = (char *)(it + 1);
    it->rec.article = put(&p, article, strlen(article));
    it->rec.id = put(&p, id, strlen(id));
    it->rec.date = put(&p, date, strlen(date));
    it->rec.category = put(&p, category, strlen(category));
    it->rec.text = put(&p, text, text_len);
    it->rec.text_len = text_len;
    it->rec.parse = put(&p, parse, parse_len);
    it->rec.parse_len = parse_len;
    it->rec.file = rec->file;
    it->rec.line = rec->line;
    it->rec.is_article = rec->is_article;
    it->read_error = put(&p, why, strlen(why));
    it->read_status = read_status;
    it->opts = *opts;
    it->size = sizeof *it + strings;
    return it;
}

void code_item_free(code_item *it)
{
    if (!it)
        return;
    free(it->events);
    free(it->error);
    free(it);
}

const char *code_read_error_kind(dyad_status st)
{
    switch (st) {
    case DYAD_ERR_LIMIT: return "limit";
    case DYAD_ERR_IO:
    case DYAD_ERR_NOMEM: return "read_error";
    default: return "bad_record";
    }
}

int code_worker_init(code_worker *w, const dyad_engine *e)
{
    memset(w, 0, sizeof *w);
    w->coder = dyad_coder_create(e);
    w->mem = open_memstream(&w->mem_data, &w->mem_len);
    if (!w->coder || !w->mem) {
        code_worker_free(w);
        return -1;
    }
    return 0;
}

void code_worker_free(code_worker *w)
{
    dyad_coder_free(w->coder);
    if (w->mem)
        fclose(w->mem);
    free(w->mem_data);
    memset(w, 0, sizeof *w);
}

/* Moves what was formatted into a new exact-size buffer and empties the
 * stream for the next record. */
static int take_output(code_worker *w, char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    if (fflush(w->mem) != 0)
        return -1;
    if (w->mem_len > 0) {
        *out = malloc(w->mem_len);
        if (!*out)
            return -1;
        memcpy(*out, w->mem_data, w->mem_len);
        *len = w->mem_len;
    }
    rewind(w->mem);
    return 0;
}

static void format_error(code_worker *w, code_item *it, const char *kind, const char *message)
{
    it->outcome = CODE_ERROR;
    snprintf(it->kind, sizeof it->kind, "%s", kind);
    if (dyad_write_error_json(w->mem, it->rec.article, it->rec.id, it->rec.file,
                              it->rec.line, kind, message) != 0 ||
        take_output(w, &it->error, &it->error_len) != 0)
        it->out_of_memory = 1;
}

void code_worker_run(code_worker *w, code_item *it)
{
    if (it->read_status != DYAD_OK) {
        format_error(w, it, code_read_error_kind(it->read_status),
                     *it->read_error ? it->read_error : dyad_strerror(it->read_status));
        return;
    }
    *dyad_coder_options(w->coder) = it->opts;
    dyad_result res;
    dyad_status st = cli_code_record_as_is(w->coder, &it->rec, &res);
    if (st == DYAD_ERR_DISCARD) {
        it->outcome = CODE_DISCARDED;
        return;
    }
    if (st != DYAD_OK) {
        const char *kind = dyad_coder_error_kind(w->coder);
        const char *msg = dyad_coder_error(w->coder);
        format_error(w, it, kind && *kind ? kind : "error",
                     msg && *msg ? msg : dyad_strerror(st));
        return;
    }
    it->outcome = CODE_CODED;
    if (it->rec.is_article) {
        it->is_article = 1;
        it->sentences = res.n_sentences;
        it->sentences_failed = res.n_sentences_failed;
    }
    int failed = 0;
    for (size_t i = 0; i < res.n_events; i++)
        failed |= dyad_write_event_json(w->mem, &it->rec, &res, i) != 0;
    it->n_events = res.n_events;
    if (failed || take_output(w, &it->events, &it->events_len) != 0)
        it->out_of_memory = 1;
}

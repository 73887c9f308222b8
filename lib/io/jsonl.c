/* jsonl.c -- JSON Lines records: one object per line, either a parsed
 * sentence
 *   {"id": "...", "date": "...", "parse": "...",
 *    "text": "...", "article": "...", "category": "..."}   (last three optional)
 * or, without "parse", a raw-text article
 *   {"id": "...", "date": "...", "text": "...",
 *    "title": "...", "source": "...", "url": "..."}        (last three ignored)
 * whose text is kept exactly as given (is_article = 1).
 * Unknown members are ignored.  Every member used must be a string.  A bad
 * line is reported as "FILE:LINE: reason" and the next call goes on with the
 * next line; blank lines are skipped; a last line without '\n' is read. */
#include "io/io_internal.h"

#include <errno.h>
#include <jansson.h>
#include <string.h>

/* Member `key` of obj copied into the record arena.  *out stays untouched
 * when the member is absent and optional. */
static dyad_status string_member(dyad_reader *r, long line, json_t *obj, const char *key,
                                 int required, int normalise, const char **out)
{
    json_t *v = json_object_get(obj, key);
    if (!v) {
        if (!required)
            return DYAD_OK;
        return dy_reader_fail(r, DYAD_ERR_SYNTAX, line, "missing \"%s\"", key);
    }
    if (!json_is_string(v))
        return dy_reader_fail(r, DYAD_ERR_SYNTAX, line, "\"%s\" is not a string", key);
    const char *s = json_string_value(v);
    size_t n = json_string_length(v);
    const char *copy = normalise ? dy_normalise_space(r->record_arena, s, n)
                                 : dy_arena_strndup(r->record_arena, s, n);
    if (!copy)
        return dy_reader_fail(r, DYAD_ERR_NOMEM, line, "out of memory");
    *out = copy;
    return DYAD_OK;
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!dy_isspace((unsigned char)s[i]))
            return 0;
    return 1;
}

/* Fills rec from one parsed object. */
static dyad_status record_from_object(dyad_reader *r, long line, json_t *obj,
                                      dyad_record *rec)
{
    if (!json_is_object(obj))
        return dy_reader_fail(r, DYAD_ERR_SYNTAX, line, "not a JSON object");
    const char *article = NULL;
    dyad_status st = string_member(r, line, obj, "id", 1, 0, &rec->id);
    /* an article may leave its date to its text (a dateline); a parsed
     * sentence must say it (below) */
    rec->date = NULL;
    if (st == DYAD_OK)
        st = string_member(r, line, obj, "date", 0, 0, &rec->date);
    if (st == DYAD_OK && !json_object_get(obj, "parse") && json_object_get(obj, "text")) {
        /* an article: its text as given (line breaks mark paragraphs) */
        json_t *v = json_object_get(obj, "text");
        if (!json_is_string(v))
            return dy_reader_fail(r, DYAD_ERR_SYNTAX, line, "\"text\" is not a string");
        size_t n = json_string_length(v);
        char *copy = dy_arena_alloc(r->record_arena, n + 1);
        if (!copy)
            return dy_reader_fail(r, DYAD_ERR_NOMEM, line, "out of memory");
        memcpy(copy, json_string_value(v), n);
        copy[n] = '\0';
        rec->text = copy;
        rec->text_len = n;
        rec->is_article = 1;
        rec->article = rec->id;
        if (!rec->date)
            rec->date = "";      /* strings are never NULL; "" = from the text */
        return DYAD_OK;
    }
    if (st == DYAD_OK && !json_object_get(obj, "parse"))
        return dy_reader_fail(r, DYAD_ERR_SYNTAX, line,
                              "missing \"parse\" (a sentence) or \"text\" (an article)");
    if (st == DYAD_OK && !rec->date)
        return dy_reader_fail(r, DYAD_ERR_SYNTAX, line, "missing \"date\"");
    if (st == DYAD_OK)
        st = string_member(r, line, obj, "parse", 1, 0, &rec->parse);
    if (st == DYAD_OK)
        st = string_member(r, line, obj, "text", 0, 1, &rec->text);
    if (st == DYAD_OK)
        st = string_member(r, line, obj, "category", 0, 0, &rec->category);
    if (st == DYAD_OK)
        st = string_member(r, line, obj, "article", 0, 0, &article);
    if (st != DYAD_OK)
        return st;
    rec->article = article ? article : dy_article_from_id(r->record_arena, rec->id);
    rec->parse_len = strlen(rec->parse);
    return DYAD_OK;
}

dyad_status dy_jsonl_next(dyad_reader *r, dyad_record *rec)
{
    for (;;) {
        const char *text;
        size_t n;
        int overlong;
        int got = dy_source_next_line(&r->src, r->max_record, &text, &n, &overlong);
        if (got == 0)
            return DYAD_ERR_EOF;
        long line = ++r->lines_read;
        rec->line = line;
        if (got < 0) {
            r->done = 1;
            return dy_reader_fail(r, r->src.failed ? DYAD_ERR_IO : DYAD_ERR_NOMEM, line,
                                  "read error: %s", dy_source_error(&r->src));
        }
        rec->line = line;
        if (overlong)
            return dy_reader_fail(r, DYAD_ERR_LIMIT, line, "line longer than %zu bytes",
                                  r->max_record);
        if (n > 0 && text[n - 1] == '\r')
            n--;
        if (is_blank(text, n))
            continue;

        json_error_t jerr;
        json_t *obj = json_loadb(text, n, JSON_REJECT_DUPLICATES, &jerr);
        if (!obj)
            return dy_reader_fail(r, DYAD_ERR_SYNTAX, line, "invalid JSON at column %d: %s",
                                  jerr.column, jerr.text);
        dyad_status st = record_from_object(r, line, obj, rec);
        json_decref(obj);
        if (st != DYAD_OK) {
            /* keep file and line for the caller's error record, drop the rest */
            const char *id = rec->id;
            rec->article = rec->date = rec->category = rec->text = rec->parse = "";
            rec->id = id;
            rec->parse_len = rec->text_len = 0;
            rec->is_article = 0;
        }
        return st;
    }
}

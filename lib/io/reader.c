/* reader.c -- the public record-reader API (dyad.h section 4), the buffered
 * input shared by every format, and format recognition.
 *
 * Input is read in chunks, from a FILE, from a caller's dyad_read_fn or
 * from memory, and no format holds more than one record (at most
 * max_record bytes) of it at a time: JSON Lines line by line, PETRARCH XML
 * one record window at a time (petrxml.c), plain text as one article.
 * See docs/input-formats.md and docs/limits.md. */
#include "io/io_internal.h"
#include "parse/tree.h"   /* dy_count_byte() */

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define DY_READ_CHUNK ((size_t)64 * 1024)

/* ------------------------------------------------------------------ */
/* Input buffer                                                        */
/* ------------------------------------------------------------------ */

/* Makes room for at least `extra` more bytes plus the trailing NUL. */
static int source_reserve(dy_source *s, size_t extra)
{
    if (s->cap - s->len > extra)
        return 0;
    if (extra > SIZE_MAX / 2 - s->len)
        return -1;
    size_t cap = s->cap ? s->cap : DY_READ_CHUNK;
    while (cap - s->len <= extra)
        cap *= 2;
    char *data = realloc(s->data, cap);
    if (!data)
        return -1;
    s->data = data;
    s->cap = cap;
    return 0;
}

static long count_newlines(const char *p, size_t n)
{
    return (long)dy_count_byte(p, n, '\n');
}

/* The dyad_read_fn behind dyad_reader_open(): stdio, for files and stdin. */
static ptrdiff_t file_read(void *user, char *buf, size_t cap, const char **why)
{
    dy_source *s = user;
    size_t got = fread(buf, 1, cap, s->file);
    if (got == 0 && ferror(s->file)) {
        snprintf(s->read_msg, sizeof s->read_msg, "%s", strerror(errno));
        *why = s->read_msg;
        return -1;
    }
    return (ptrdiff_t)got;
}

/* Drops the bytes already consumed: the line count moves past them first,
 * so line numbers stay right however far the input goes. */
static void source_compact(dy_source *s)
{
    if (s->pos == 0)
        return;
    if (s->track_lines) {
        if (s->line_pos < s->pos) {
            s->line_no += count_newlines(s->data + s->line_pos, s->pos - s->line_pos);
            s->line_pos = 0;
        } else {
            s->line_pos -= s->pos;
        }
    }
    memmove(s->data, s->data + s->pos, s->len - s->pos);
    s->len -= s->pos;
    s->base += s->pos;
    s->pos = 0;
    s->data[s->len] = '\0';
}

int dy_source_refill(dy_source *s)
{
    if (s->eof)
        return 0;
    source_compact(s);
    if (source_reserve(s, DY_READ_CHUNK) != 0) {
        errno = ENOMEM;
        return -1;
    }
    const char *why = NULL;
    ptrdiff_t got = s->read ? s->read(s->read_user, s->data + s->len, s->cap - s->len - 1, &why)
                            : 0;
    if (got < 0 || (size_t)got > s->cap - s->len - 1) {
        s->eof = s->failed = 1;
        s->read_error = why && *why ? why : got < 0 ? "read failed" : "read callback overran";
        s->data[s->len] = '\0';
        return -1;
    }
    s->len += (size_t)got;
    s->data[s->len] = '\0';
    if (got == 0)
        s->eof = 1;
    return 0;
}

const char *dy_source_error(const dy_source *s)
{
    return s->failed ? s->read_error : "out of memory";
}

/* Consumes the rest of an overlong line without keeping it. */
static int source_skip_line(dy_source *s)
{
    for (;;) {
        char *nl = memchr(s->data + s->pos, '\n', s->len - s->pos);
        if (nl) {
            s->pos = (size_t)(nl - s->data) + 1;
            return 0;
        }
        s->pos = s->len;
        if (s->eof)
            return 0;
        if (dy_source_refill(s) != 0)
            return -1;
    }
}

int dy_source_next_line(dy_source *s, size_t max, const char **line, size_t *n,
                        int *overlong)
{
    size_t scanned = s->pos;   /* bytes before this hold no '\n' */
    *overlong = 0;
    for (;;) {
        char *nl = memchr(s->data + scanned, '\n', s->len - scanned);
        size_t end = nl ? (size_t)(nl - s->data) : s->len;
        if (end - s->pos > max) {
            *overlong = 1;
            *line = "";
            *n = 0;
            return source_skip_line(s) == 0 ? 1 : -1;
        }
        if (nl || s->eof) {
            if (!nl && s->pos == s->len)
                return s->failed ? -1 : 0;
            *line = s->data + s->pos;
            *n = end - s->pos;
            s->pos = nl ? end + 1 : end;
            return 1;
        }
        scanned = s->len - s->pos;   /* offsets shift when refill compacts */
        if (dy_source_refill(s) != 0)
            return -1;
        scanned += s->pos;
    }
}

/* First byte that is not whitespace, reading at most max bytes; -1 if none. */
static int source_first_nonspace(dy_source *s, size_t max)
{
    size_t i = s->pos;
    for (;;) {
        while (i < s->len && dy_isspace((unsigned char)s->data[i]))
            i++;
        if (i < s->len)
            return (unsigned char)s->data[i];
        if (s->eof || s->len - s->pos > max)
            return -1;
        i -= s->pos;
        if (dy_source_refill(s) != 0)
            return -1;
        i += s->pos;
    }
}

/* ------------------------------------------------------------------ */
/* Small shared helpers                                                */
/* ------------------------------------------------------------------ */

int dy_vec_push(dy_vec *v, const void *item)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        void *items = realloc(v->items, cap * v->item_size);
        if (!items)
            return -1;
        v->items = items;
        v->cap = cap;
    }
    memcpy((char *)v->items + v->n * v->item_size, item, v->item_size);
    v->n++;
    return 0;
}

int dy_strbuf_append(dy_strbuf *b, const char *s, size_t n)
{
    if (b->cap - b->len <= n) {
        if (n > SIZE_MAX / 2 - b->len)
            return -1;
        size_t cap = b->cap ? b->cap : 256;
        while (cap - b->len <= n)
            cap *= 2;
        char *data = realloc(b->data, cap);
        if (!data)
            return -1;
        b->data = data;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

dyad_status dy_reader_fail(dyad_reader *r, dyad_status status, long line,
                           const char *fmt, ...)
{
    int k = line > 0
                ? snprintf(r->error.text, sizeof r->error.text, "%s:%ld: ", r->name, line)
                : snprintf(r->error.text, sizeof r->error.text, "%s: ", r->name);
    if (k < 0 || (size_t)k >= sizeof r->error.text)
        return status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->error.text + k, sizeof r->error.text - (size_t)k, fmt, ap);
    va_end(ap);
    return status;
}

long dy_reader_line_at(dyad_reader *r, size_t off)
{
    dy_source *s = &r->src;
    if (off > s->len)
        off = s->len;
    if (off >= s->line_pos)
        s->line_no += count_newlines(s->data + s->line_pos, off - s->line_pos);
    else
        s->line_no -= count_newlines(s->data + off, s->line_pos - off);
    s->line_pos = off;
    return s->line_no;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && \
    (defined(__GNUC__) || defined(__clang__))
#define DY_SWAR 1
/* The high bit of each byte of w below 0x21; the lowest one set is exact
 * (bytes above the first such byte may be marked wrongly: a borrow). */
static inline uint64_t bytes_below_0x21(uint64_t w)
{
    return (w - 0x2121212121212121u) & ~w & 0x8080808080808080u;
}
#endif

char *dy_normalise_space(dy_arena *a, const char *s, size_t n)
{
    char *out = dy_arena_alloc(a, n + 1);
    if (!out)
        return NULL;
    char *o = out;   /* o - out <= s - (start of s) throughout */
    const char *end = s + n;
    while (s < end && dy_isspace((unsigned char)*s))
        s++;
    /* Here s is at the end or at a byte that is not a space. */
#ifdef DY_SWAR
    /* Eight bytes a step: every space is below 0x21, so a step without such
     * a byte is copied whole.  The 8-byte store may write past the bytes
     * kept, but not past out + n, as o + 8 <= out + (s + 8 - start). */
    while (end - s >= 8) {
        uint64_t w, low;
        memcpy(&w, s, 8);
        memcpy(o, &w, 8);
        if ((low = bytes_below_0x21(w)) == 0) {
            o += 8;
            s += 8;
            continue;
        }
        size_t k = (size_t)__builtin_ctzll(low) >> 3;
        o += k;
        s += k;
        if (!dy_isspace((unsigned char)*s)) {   /* a control byte, kept */
            *o++ = *s++;
            continue;
        }
        do
            s++;
        while (s < end && dy_isspace((unsigned char)*s));
        if (s == end)
            break;
        *o++ = ' ';
    }
#endif
    /* The rest, a byte at a time.  s may be at a space here, but only after
     * some byte has been kept. */
    while (s < end) {
        /* a run of other bytes (none, or some), then the spaces after it */
        while (s < end && !dy_isspace((unsigned char)*s))
            *o++ = *s++;
        while (s < end && dy_isspace((unsigned char)*s))
            s++;
        if (s < end)
            *o++ = ' ';
    }
    *o = '\0';
    return out;
}

const char *dy_article_from_id(dy_arena *a, const char *id)
{
    size_t n = strlen(id), digits = 0;
    while (digits < n && id[n - 1 - digits] >= '0' && id[n - 1 - digits] <= '9')
        digits++;
    if (digits == 0 || digits + 1 >= n)
        return id;   /* no number, or nothing before the separator */
    char sep = id[n - 1 - digits];
    if (sep != '_' && sep != '-')
        return id;
    const char *article = dy_arena_strndup(a, id, n - 1 - digits);
    return article ? article : id;
}

void dy_reader_set_line_limit(dyad_reader *r, size_t max)
{
    if (r)
        r->max_record = max ? max : DY_MAX_RECORD_BYTES;
}

/* ------------------------------------------------------------------ */
/* Opening and closing                                                 */
/* ------------------------------------------------------------------ */

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    if (k > n)
        return 0;
    for (size_t i = 0; i < k; i++) {
        char c = s[n - k + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != suffix[i])
            return 0;
    }
    return 1;
}

/* By the name first, else by the first byte: '<' is XML, '{' is JSONL. */
static dyad_input_format recognise_format(dyad_reader *r)
{
    if (has_suffix(r->name, ".xml"))
        return DYAD_INPUT_PETRXML;
    if (has_suffix(r->name, ".txt"))
        return DYAD_INPUT_TEXT;
    if (has_suffix(r->name, ".jsonl") || has_suffix(r->name, ".json") ||
        has_suffix(r->name, ".ndjson"))
        return DYAD_INPUT_JSONL;
    return source_first_nonspace(&r->src, r->max_record) == '<' ? DYAD_INPUT_PETRXML
                                                                  : DYAD_INPUT_JSONL;
}

static dyad_reader *reader_new(const char *name)
{
    dyad_reader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->name = strdup(name);
    r->record_arena = dy_arena_create(0);
    r->env_arena = dy_arena_create(4096);
    r->pending_arena = dy_arena_create(4096);
    if (!r->name || !r->record_arena || !r->env_arena || !r->pending_arena) {
        dyad_reader_close(r);
        return NULL;
    }
    r->max_record = DY_MAX_RECORD_BYTES;
    r->src.line_no = 1;
    r->pending_config.item_size = sizeof(dyad_config_opt);
    r->config.item_size = sizeof(dyad_config_opt);
    r->expected.item_size = sizeof(dyad_expected);
    return r;
}

/* A UTF-8 byte order mark is not content. */
static void source_skip_bom(dy_source *s)
{
    while (s->len - s->pos < 3 && !s->eof) {
        if (dy_source_refill(s) != 0)
            return;   /* the error shows again on the next read */
    }
    if (s->len - s->pos >= 3 && memcmp(s->data + s->pos, "\xEF\xBB\xBF", 3) == 0)
        s->pos += 3;
}

/* Recognises the format and prepares it; on failure the reader keeps the
 * reason (dyad_reader_error) and next() repeats the status. */
static dyad_status reader_start(dyad_reader *r, dyad_input_format fmt)
{
    dyad_status st = DYAD_OK;
    if (fmt != DYAD_INPUT_AUTO && fmt != DYAD_INPUT_PETRXML && fmt != DYAD_INPUT_JSONL &&
        fmt != DYAD_INPUT_TEXT) {
        st = dy_reader_fail(r, DYAD_ERR_ARG, 0, "unknown input format %d", (int)fmt);
    } else {
        source_skip_bom(&r->src);
        r->format = fmt == DYAD_INPUT_AUTO ? recognise_format(r) : fmt;
        if (r->format == DYAD_INPUT_PETRXML) {
            r->src.track_lines = 1;
            st = dy_petrxml_start(r);
        }
    }
    r->open_status = st;
    return st;
}

dyad_status dyad_reader_open(const char *path, dyad_input_format fmt, dyad_reader **out)
{
    if (!out)
        return DYAD_ERR_ARG;
    *out = NULL;
    if (!path)
        return DYAD_ERR_ARG;
    int is_stdin = strcmp(path, "-") == 0;
    dyad_reader *r = reader_new(is_stdin ? "<stdin>" : path);
    if (!r)
        return DYAD_ERR_NOMEM;
    *out = r;
    r->src.file = is_stdin ? stdin : fopen(path, "rb");
    r->src.close_file = !is_stdin;
    if (!r->src.file) {
        r->src.eof = 1;
        return r->open_status = dy_reader_fail(r, DYAD_ERR_IO, 0, "cannot open: %s",
                                               strerror(errno));
    }
    r->src.read = file_read;
    r->src.read_user = &r->src;
    if (source_reserve(&r->src, DY_READ_CHUNK) != 0)
        return r->open_status = dy_reader_fail(r, DYAD_ERR_NOMEM, 0, "out of memory");
    r->src.data[0] = '\0';
    return reader_start(r, fmt);
}

dyad_status dyad_reader_open_stream(const char *name, dyad_read_fn read, void *user,
                                    dyad_input_format fmt, dyad_reader **out)
{
    if (!out)
        return DYAD_ERR_ARG;
    *out = NULL;
    if (!read)
        return DYAD_ERR_ARG;
    dyad_reader *r = reader_new(name ? name : "<stream>");
    if (!r)
        return DYAD_ERR_NOMEM;
    *out = r;
    r->src.read = read;
    r->src.read_user = user;
    if (source_reserve(&r->src, DY_READ_CHUNK) != 0)
        return r->open_status = dy_reader_fail(r, DYAD_ERR_NOMEM, 0, "out of memory");
    r->src.data[0] = '\0';
    return reader_start(r, fmt);
}

dyad_status dyad_reader_open_buffer(const char *name, const char *data, size_t len,
                                    dyad_input_format fmt, dyad_reader **out)
{
    if (!out)
        return DYAD_ERR_ARG;
    *out = NULL;
    if (!data && len > 0)
        return DYAD_ERR_ARG;
    dyad_reader *r = reader_new(name ? name : "<buffer>");
    if (!r)
        return DYAD_ERR_NOMEM;
    *out = r;
    r->src.eof = 1;
    if (source_reserve(&r->src, len) != 0)
        return r->open_status = dy_reader_fail(r, DYAD_ERR_NOMEM, 0, "out of memory");
    if (len > 0)
        memcpy(r->src.data, data, len);
    r->src.len = len;
    r->src.data[len] = '\0';
    return reader_start(r, fmt);
}

void dyad_reader_close(dyad_reader *r)
{
    if (!r)
        return;
    if (r->src.file && r->src.close_file)
        fclose(r->src.file);
    free(r->src.data);
    free(r->name);
    dy_arena_free(r->record_arena);
    dy_arena_free(r->env_arena);
    dy_arena_free(r->pending_arena);
    free(r->pending_config.items);
    free(r->config.items);
    free(r->expected.items);
    free(r->scratch.data);
    free(r);
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

static void record_clear(const dyad_reader *r, dyad_record *rec)
{
    memset(rec, 0, sizeof *rec);
    rec->article = rec->id = rec->date = rec->category = rec->text = rec->parse = "";
    rec->file = r->name;
}

dyad_status dyad_reader_next(dyad_reader *r, dyad_record *rec)
{
    if (!r || !rec)
        return DYAD_ERR_ARG;
    record_clear(r, rec);
    if (r->open_status != DYAD_OK)
        return r->open_status;   /* r->error still says why */
    dy_arena_reset(r->record_arena);
    r->error.text[0] = '\0';
    if (r->deferred != DYAD_OK) {
        dyad_status st = r->deferred;
        r->deferred = DYAD_OK;
        r->error = r->deferred_msg;
        return st;
    }
    if (r->done)
        return DYAD_ERR_EOF;
    dyad_status st = r->format == DYAD_INPUT_PETRXML ? dy_petrxml_next_record(r, rec)
                     : r->format == DYAD_INPUT_TEXT  ? dy_text_next(r, rec)
                                                     : dy_jsonl_next(r, rec);
    if (st == DYAD_ERR_EOF)
        r->done = 1;
    if (!rec->is_article)
        rec->text_len = rec->text ? strlen(rec->text) : 0;
    return st;
}

/* The article id of a text input: its file name without the directory and
 * the last extension. */
static const char *text_article_id(dyad_reader *r)
{
    if (r->name[0] == '<')
        return "text";          /* "<stdin>", "<buffer>" */
    const char *base = strrchr(r->name, '/');
    base = base ? base + 1 : r->name;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    const char *id = dy_arena_strndup(r->record_arena, base, n);
    return id && *id ? id : "text";
}

dyad_status dy_text_next(dyad_reader *r, dyad_record *rec)
{
    dy_source *s = &r->src;
    r->done = 1;
    rec->line = 1;
    rec->id = rec->article = text_article_id(r);
    while (!s->eof && s->len - s->pos <= r->max_record) {
        if (dy_source_refill(s) != 0)
            return dy_reader_fail(r, s->failed ? DYAD_ERR_IO : DYAD_ERR_NOMEM, 0,
                                  "read error: %s", dy_source_error(s));
    }
    if (s->failed)
        return dy_reader_fail(r, DYAD_ERR_IO, 0, "read error: %s", dy_source_error(s));
    if (s->len - s->pos > r->max_record)
        return dy_reader_fail(r, DYAD_ERR_LIMIT, 0, "article longer than %zu bytes",
                              r->max_record);
    rec->is_article = 1;
    rec->text = s->data + s->pos;
    rec->text_len = s->len - s->pos;
    s->pos = s->len;
    return DYAD_OK;
}

const char *dyad_reader_error(const dyad_reader *r)
{
    return r ? r->error.text : "";
}

const dyad_environment *dyad_reader_environment(const dyad_reader *r)
{
    return r && r->have_env ? &r->env : NULL;
}

/* json_writer.c -- events and error records as JSON Lines.
 *
 * Hand-written rather than built with jansson: this runs once per event, and
 * building a json_t tree allocates for every key and value only to throw it
 * away.  Here the bytes are escaped into a small stack buffer and passed to
 * stdio with fwrite(), while the stream is locked once per record, which
 * also means records written by several coder threads to one stream never
 * interleave.
 *
 * The record layout (keys and their order) is the contract documented in
 * docs/output.md; change both together. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

#include "dyad.h"
#include "code/cameo.h"
#include "io/json_writer.h"

/* A record in progress.  Bytes are gathered in a small buffer and handed to
 * stdio in one fwrite() per buffer-full (usually once per record): a
 * library call per byte, even putc_unlocked(), costs more than the
 * escaping itself.  Writers keep going after a failure (the output is lost
 * either way) and report it once at the end, which keeps every call site
 * free of error checks. */
#define JW_BUF 1024

typedef struct jw {
    FILE *f;
    bool failed;
    size_t n;
    char buf[JW_BUF];
} jw;

/* Not "jw w = {f}": that would zero the whole buffer on every record. */
static void jw_init(jw *w, FILE *f)
{
    w->f = f;
    w->failed = false;
    w->n = 0;
}

static void jw_flush(jw *w)
{
    if (w->n > 0 && fwrite(w->buf, 1, w->n, w->f) != w->n)
        w->failed = true;
    w->n = 0;
}

static void put_char(jw *w, char c)
{
    if (w->n == JW_BUF)
        jw_flush(w);
    w->buf[w->n++] = c;
}

static void put_bytes(jw *w, const char *s, size_t n)
{
    while (n > 0) {
        if (w->n == JW_BUF)
            jw_flush(w);
        size_t k = JW_BUF - w->n < n ? JW_BUF - w->n : n;
        memcpy(w->buf + w->n, s, k);
        w->n += k;
        s += k;
        n -= k;
    }
}

/* For the fixed parts of a record: keys, punctuation.  Literals go
 * through PUT_LIT, whose length is known at compile time. */
static void put_raw(jw *w, const char *s)
{
    put_bytes(w, s, strlen(s));
}
#define PUT_LIT(w, lit) put_bytes((w), (lit), sizeof(lit) - 1)

static void put_long(jw *w, long v)
{
    char buf[24];
    size_t i = sizeof buf;
    /* Work with the magnitude as unsigned so LONG_MIN does not overflow. */
    unsigned long m = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    do {
        buf[--i] = (char)('0' + m % 10);
        m /= 10;
    } while (m != 0);
    if (v < 0)
        buf[--i] = '-';
    put_bytes(w, buf + i, sizeof buf - i);
}

/* Goldstein values are kept in tenths, so "one decimal" is exact: -58 is
 * printed "-5.8", 40 is "4.0", -5 is "-0.5". */
static void put_tenths(jw *w, int tenths)
{
    if (tenths < 0) {
        put_char(w, '-');
        tenths = -tenths;
    }
    put_long(w, tenths / 10);
    put_char(w, '.');
    put_char(w, (char)('0' + tenths % 10));
}

/* Length of the well-formed UTF-8 sequence at p (2-4), or 0 when there is
 * none; then *skip is the length of the maximal ill-formed subpart, which is
 * replaced by a single U+FFFD (the Unicode-recommended practice, and the one
 * that never swallows a following valid character).  The ranges are those of
 * Unicode table 3-7: no overlong forms, no surrogates, nothing above
 * U+10FFFF.  Stops at a NUL or at end (end - p bytes available). */
static size_t utf8_sequence(const unsigned char *p, const unsigned char *end,
                            size_t *skip)
{
    unsigned char c = p[0], lo = 0x80, hi = 0xBF;
    size_t len;

    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;          /* overlong below U+0800 */
        else if (c == 0xED)
            hi = 0x9F;          /* surrogates U+D800..DFFF */
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;          /* overlong below U+10000 */
        else if (c == 0xF4)
            hi = 0x8F;          /* above U+10FFFF */
    } else {
        *skip = 1;              /* stray continuation byte, C0, C1, F5..FF */
        return 0;
    }
    if (end - p < 2 || p[1] < lo || p[1] > hi) {
        *skip = 1;
        return 0;
    }
    for (size_t i = 2; i < len; i++)
        if ((size_t)(end - p) <= i || p[i] < 0x80 || p[i] > 0xBF) {
            *skip = i;
            return 0;
        }
    return len;
}

static void put_string(jw *w, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)(s != NULL ? s : "");
    const unsigned char *end = p + (s != NULL ? n : 0);

    put_char(w, '"');
    while (p < end && *p != '\0' && !w->failed) {
        /* Most text is printable ASCII: copy such runs in one go. */
        const unsigned char *run = p;
        while (p < end && *p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\')
            p++;
        if (p > run)
            put_bytes(w, (const char *)run, (size_t)(p - run));
        if (p == end || *p == '\0')
            break;
        unsigned char c = *p;
        if (c >= 0x80) {
            size_t skip = 0, len = utf8_sequence(p, end, &skip);
            if (len > 0) {
                put_bytes(w, (const char *)p, len);
                p += len;
            } else {
                PUT_LIT(w, "\xEF\xBF\xBD");     /* U+FFFD */
                p += skip;
            }
            continue;
        }
        p++;
        switch (c) {
        case '"':  PUT_LIT(w, "\\\""); break;
        case '\\': PUT_LIT(w, "\\\\"); break;
        case '\b': PUT_LIT(w, "\\b"); break;
        case '\f': PUT_LIT(w, "\\f"); break;
        case '\n': PUT_LIT(w, "\\n"); break;
        case '\r': PUT_LIT(w, "\\r"); break;
        case '\t': PUT_LIT(w, "\\t"); break;
        default:
            if (c < 0x20) {
                char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                put_bytes(w, esc, sizeof esc);
            } else {
                put_char(w, (char)c);
            }
        }
    }
    put_char(w, '"');
}

static void put_cstring(jw *w, const char *s)
{
    put_string(w, s, s != NULL ? strlen(s) : 0);
}

int dy_json_put_string(FILE *f, const char *s, size_t n)
{
    jw w;
    jw_init(&w, f);
    put_string(&w, s, n);
    jw_flush(&w);
    return w.failed ? -1 : 0;
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* PETRARCH inputs carry dates as YYYYMMDD; the output always says
 * YYYY-MM-DD so that consumers can sort and parse one form.  A date in
 * neither form is passed on unchanged rather than dropped: it is still the
 * best information the record has. */
static void put_date(jw *w, const char *d)
{
    if (d != NULL && strlen(d) == 8 && all_digits(d, 8)) {
        int month = (d[4] - '0') * 10 + (d[5] - '0');
        int day = (d[6] - '0') * 10 + (d[7] - '0');
        if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
            char iso[10] = {d[0], d[1], d[2], d[3], '-', d[4], d[5], '-', d[6], d[7]};
            put_char(w, '"');
            put_bytes(w, iso, sizeof iso);
            put_char(w, '"');
            return;
        }
    }
    put_cstring(w, d);
}

static void put_u32(jw *w, uint32_t v)
{
    char buf[10];
    size_t i = sizeof buf;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    put_bytes(w, buf + i, sizeof buf - i);
}

static void put_span(jw *w, uint32_t start, uint32_t end)
{
    put_char(w, '[');
    put_u32(w, start);
    put_char(w, ',');
    put_u32(w, end);
    put_char(w, ']');
}

static void put_actor(jw *w, const char *key, const dyad_actor *a)
{
    put_raw(w, key);
    PUT_LIT(w, "{\"code\":");
    put_cstring(w, a->code);
    PUT_LIT(w, ",\"text\":");
    put_cstring(w, a->text);
    put_char(w, '}');
}

/* Is sentence s one of those that report the event (its own, or another
 * mention merged into it)? */
static bool event_reported_in(const dyad_event *ev, uint32_t s)
{
    if (ev->mention_sentences == NULL || ev->mentions <= 1)
        return ev->sentence == s;
    for (uint32_t m = 0; m < ev->mentions; m++)
        if (ev->mention_sentences[m] == s)
            return true;
    return false;
}

/* The article-level fields (docs/output.md, docs/resolution.md). */
static void put_resolution(jw *w, const dyad_record *rec, const dyad_event *ev)
{
    put_raw(w, ev->date_explicit ? ",\"date_explicit\":true" : ",\"date_explicit\":false");
    PUT_LIT(w, ",\"date_text\":");
    put_cstring(w, ev->date_text);
    PUT_LIT(w, ",\"attribution\":");
    if (ev->attribution.text != NULL && *ev->attribution.text)
        put_actor(w, "", &ev->attribution);
    else
        PUT_LIT(w, "null");
    PUT_LIT(w, ",\"location\":");
    const dyad_place *pl = &ev->location;
    if (pl->text != NULL && *pl->text) {
        PUT_LIT(w, "{\"text\":");
        put_cstring(w, pl->text);
        if (pl->resolved) {
            char num[64];
            PUT_LIT(w, ",\"name\":");
            put_cstring(w, pl->name);
            PUT_LIT(w, ",\"admin1\":");
            put_cstring(w, pl->admin1);
            PUT_LIT(w, ",\"country\":");
            put_cstring(w, pl->country);
            snprintf(num, sizeof num, ",\"lat\":%.5f,\"lon\":%.5f", pl->latitude,
                     pl->longitude);
            put_raw(w, num);
        }
        put_char(w, '}');
    } else {
        PUT_LIT(w, "null");
    }
    PUT_LIT(w, ",\"mentions\":");
    put_long(w, ev->mentions ? (long)ev->mentions : 1);
    PUT_LIT(w, ",\"sentences\":[");
    if (ev->mention_sentences != NULL && ev->mentions > 0) {
        /* "<article id>-<n>", as the sentence field */
        const char *article = rec->article != NULL ? rec->article : "";
        size_t alen = strlen(article), cap = alen + 16;
        char stack[256], *id = cap <= sizeof stack ? stack : malloc(cap);
        for (uint32_t i = 0; i < ev->mentions && id != NULL; i++) {
            int n = snprintf(id, cap, "%s-%lu", article,
                             (unsigned long)ev->mention_sentences[i] + 1);
            if (i > 0)
                put_char(w, ',');
            put_string(w, id, n > 0 ? (size_t)n : 0);
        }
        if (id == NULL)
            w->failed = true;
        else if (id != stack)
            free(id);
    } else {
        put_cstring(w, ev->sentence_id != NULL ? ev->sentence_id : rec->id);
    }
    put_char(w, ']');
}

int dyad_write_event_json(FILE *f, const dyad_record *rec,
                          const dyad_result *res, size_t event_index)
{
    if (f == NULL || rec == NULL || res == NULL || event_index >= res->n_events) {
        errno = EINVAL;
        return -1;
    }
    const dyad_event *ev = &res->events[event_index];
    const char *code = ev->code != NULL ? ev->code : "";
    const dy_cameo_entry *cameo = dy_cameo_find(code);
    jw w;
    jw_init(&w, f);

    flockfile(f);
    PUT_LIT(&w, "{\"type\":\"event\",\"article\":");
    put_cstring(&w, rec->article);
    PUT_LIT(&w, ",\"sentence\":");
    put_cstring(&w, ev->sentence_id != NULL ? ev->sentence_id : rec->id);
    PUT_LIT(&w, ",\"date\":");
    put_date(&w, ev->date != NULL && *ev->date ? ev->date : rec->date);
    put_actor(&w, ",\"source\":", &ev->source);
    put_actor(&w, ",\"target\":", &ev->target);
    PUT_LIT(&w, ",\"code\":");
    put_cstring(&w, code);
    /* The root comes from the code's first two characters even when the
     * code is not in the CAMEO table (e.g. "075A" from a test dictionary). */
    PUT_LIT(&w, ",\"root\":");
    put_string(&w, code, strlen(code) < 2 ? strlen(code) : 2);
    PUT_LIT(&w, ",\"quad_class\":");
    if (cameo != NULL)
        put_long(&w, cameo->quad_class);
    else
        PUT_LIT(&w, "null");
    PUT_LIT(&w, ",\"goldstein\":");
    if (cameo != NULL && cameo->has_goldstein)
        put_tenths(&w, cameo->goldstein10);
    else
        PUT_LIT(&w, "null");
    PUT_LIT(&w, ",\"plover\":");
    if (cameo != NULL && cameo->plover != NULL)
        put_cstring(&w, cameo->plover);
    else
        PUT_LIT(&w, "null");
    PUT_LIT(&w, ",\"verb\":");
    put_cstring(&w, ev->verb);
    PUT_LIT(&w, ",\"pattern\":");
    put_cstring(&w, ev->pattern);
    put_raw(&w, ev->passive ? ",\"passive\":true" : ",\"passive\":false");
    /* An article's issues are those of all its sentences: the event's own
     * sentence's only. */
    PUT_LIT(&w, ",\"issues\":[");
    bool first = true;
    for (size_t i = 0; i < res->n_issues; i++) {
        if (!event_reported_in(ev, res->issues[i].sentence))
            continue;
        put_raw(&w, first ? "{\"code\":" : ",{\"code\":");
        first = false;
        put_cstring(&w, res->issues[i].code);
        PUT_LIT(&w, ",\"count\":");
        put_long(&w, res->issues[i].count);
        put_char(&w, '}');
    }
    put_char(&w, ']');
    if (rec->is_article) {
        PUT_LIT(&w, ",\"spans\":{\"source\":");
        put_span(&w, ev->source_start, ev->source_end);
        PUT_LIT(&w, ",\"verb\":");
        put_span(&w, ev->verb_start, ev->verb_end);
        PUT_LIT(&w, ",\"target\":");
        put_span(&w, ev->target_start, ev->target_end);
        put_char(&w, '}');
        put_resolution(&w, rec, ev);
    }
    PUT_LIT(&w, ",\"file\":");
    put_cstring(&w, rec->file);
    PUT_LIT(&w, ",\"line\":");
    put_long(&w, rec->line);
    PUT_LIT(&w, "}\n");
    jw_flush(&w);
    funlockfile(f);
    return w.failed ? -1 : 0;
}

int dyad_write_error_json(FILE *f, const char *article, const char *sentence,
                          const char *file, long line, const char *kind,
                          const char *message)
{
    if (f == NULL) {
        errno = EINVAL;
        return -1;
    }
    jw w;
    jw_init(&w, f);

    flockfile(f);
    PUT_LIT(&w, "{\"type\":\"error\",\"article\":");
    put_cstring(&w, article);
    PUT_LIT(&w, ",\"sentence\":");
    put_cstring(&w, sentence);
    PUT_LIT(&w, ",\"file\":");
    put_cstring(&w, file);
    PUT_LIT(&w, ",\"line\":");
    put_long(&w, line);
    PUT_LIT(&w, ",\"error\":");
    put_cstring(&w, kind);
    PUT_LIT(&w, ",\"message\":");
    put_cstring(&w, message);
    PUT_LIT(&w, "}\n");
    jw_flush(&w);
    funlockfile(f);
    return w.failed ? -1 : 0;
}

/* discards.c -- the discard list: sentences (or whole stories, "+PHRASE")
 * that must not be coded, e.g. sports reports.
 *
 * Matching follows PETRARCH's description: the phrase, ASCII case-folded,
 * must begin at the start of a word of the text; a phrase written with a
 * final '_' must also end at the end of a word ("blank or punctuation"),
 * otherwise it is a stem ("BASEBALL" finds "baseballs").  Words of the
 * phrase are separated by one blank or '_'; in the text any run of white
 * space separates them.  Story discards take priority over sentence ones. */
#include "engine.h"
#include "dict/dictfile.h"
#include "dict/phrase.h"

#include <stdlib.h>
#include <string.h>

#define QUOTE_MAX 60

typedef struct discard_rec {
    const char *phrase;      /* normalised: uppercase, single blanks, no '+'/'_' */
    const char *file;
    long line;
    int32_t next;            /* another entry with the same text, or -1 */
    bool story;              /* '+': the whole story is discarded */
    bool whole_word;         /* final '_': must end at a word boundary */
} discard_rec;

struct dy_discards {
    dy_intern *words;        /* unused: discards match raw text */
    dy_texttrie *trie;       /* payload: first discard_rec of that text */
    dy_arena *arena;
    discard_rec *recs;
    size_t n, cap;
};

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static int quote_len(size_t n)
{
    return (int)(n > QUOTE_MAX ? QUOTE_MAX : n);
}

dy_discards *dy_discards_create(dy_intern *words)
{
    dy_discards *ds = calloc(1, sizeof *ds);
    if (!ds)
        return NULL;
    ds->words = words;
    ds->trie = dy_texttrie_create();
    ds->arena = dy_arena_create(0);
    if (!ds->trie || !ds->arena) {
        dy_discards_free(ds);
        return NULL;
    }
    return ds;
}

void dy_discards_free(dy_discards *ds)
{
    if (!ds)
        return;
    dy_texttrie_free(ds->trie);
    dy_arena_free(ds->arena);
    free(ds->recs);
    free(ds);
}

dyad_status dy_discards_finish(dy_discards *ds)
{
    if (!ds)
        return DYAD_ERR_ARG;
    return DYAD_OK;   /* the trie is usable as built */
}

size_t dy_discards_count(const dy_discards *ds)
{
    return ds ? ds->n : 0;
}

/* Returns false only when out of memory. */
static bool discard_line(dy_discards *ds, const char *file, dy_diag_sink *d,
                         const dy_dictline *l, char **scratch, size_t *scratch_cap)
{
    const char *s = l->text;
    size_t n = l->len;
    if (n >= 2 && s[0] == '<' && s[1] == '!')
        return true;   /* PETRARCH skips any line starting "<!" */

    bool story = false, whole_word = false;
    if (s[0] == '+') {
        story = true;
        s++;
        n--;
        while (n && is_blank(*s)) {
            s++;
            n--;
        }
    }
    if (n && s[n - 1] == '_') {
        whole_word = true;
        n--;
        while (n && is_blank(s[n - 1]))
            n--;
    }
    /* '_' joins words in every PETRARCH dictionary: read it as a blank. */
    if (n + 1 > *scratch_cap) {
        char *nb = realloc(*scratch, n + 1);
        if (!nb)
            return false;
        *scratch = nb;
        *scratch_cap = n + 1;
    }
    size_t has_text = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i] == '_' ? ' ' : s[i];
        (*scratch)[i] = c;
        if (!is_blank(c))
            has_text++;
    }
    if (!has_text) {
        dy_warn(d, file, l->lineno, "discard line '%.*s' has no phrase; skipped",
                quote_len(l->len), l->text);
        return true;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)(*scratch)[i];
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
            dy_warn(d, file, l->lineno,
                    "control byte 0x%02X in discard phrase (a letter lost in a conversion?); skipped",
                    c);
            return true;
        }
    }

    int32_t *slot = dy_texttrie_insert(ds->trie, *scratch, n);
    if (!slot)
        return false;
    for (int32_t k = *slot; k >= 0; k = ds->recs[k].next) {
        const discard_rec *r = &ds->recs[k];
        if (r->story == story && r->whole_word == whole_word) {
            dy_warn(d, file, l->lineno, "discard '%.*s' repeats %s:%ld; ignored",
                    quote_len(l->len), l->text, r->file, r->line);
            return true;
        }
    }
    int32_t head = *slot;   /* the slot pointer dies with the next insert */
    if (ds->n >= INT32_MAX)
        return false;
    if (ds->n == ds->cap) {
        size_t ncap = ds->cap ? ds->cap * 2 : 256;
        discard_rec *nr = realloc(ds->recs, ncap * sizeof *nr);
        if (!nr)
            return false;
        ds->recs = nr;
        ds->cap = ncap;
    }
    char *phrase = dy_arena_alloc(ds->arena, n + 1);
    if (!phrase)
        return false;
    dy_text_normalise(phrase, n + 1, *scratch, n);
    ds->recs[ds->n] = (discard_rec){phrase, file, l->lineno, head, story, whole_word};
    *slot = (int32_t)ds->n++;
    return true;
}

dyad_status dy_discards_load(dy_discards *ds, const char *name, const char *data,
                             size_t len, dy_diag_sink *d)
{
    if (!ds || (!data && len))
        return DYAD_ERR_ARG;
    const char *file = dy_arena_strdup(ds->arena, name ? name : "");
    if (!file)
        return DYAD_ERR_NOMEM;
    char *scratch = NULL;
    size_t scratch_cap = 0;
    bool nomem = false;

    dy_dictfile f;
    dy_dictfile_init(&f, data, len);
    dy_dictline l;
    while (!nomem && dy_dictfile_next(&f, &l))
        nomem = !discard_line(ds, file, d, &l, &scratch, &scratch_cap);
    if (f.pos < f.len)
        nomem = true;    /* the reader stopped early: out of memory */
    dy_dictfile_done(&f);
    free(scratch);
    return nomem ? DYAD_ERR_NOMEM : DYAD_OK;
}

typedef struct discard_scan {
    const dy_discards *ds;
    const unsigned char *text;
    size_t len;
    int result;
    const char *phrase;
} discard_scan;

static bool discard_visit(void *ctx, int32_t payload, size_t start, size_t end)
{
    (void)start;
    discard_scan *sc = ctx;
    bool at_word_end = end >= sc->len || !dy_is_word_byte(sc->text[end]) ||
                       !dy_is_word_byte(sc->text[end - 1]);
    for (int32_t k = payload; k >= 0; k = sc->ds->recs[k].next) {
        const discard_rec *r = &sc->ds->recs[k];
        if (r->whole_word && !at_word_end)
            continue;
        if (r->story) {
            sc->result = 2;
            sc->phrase = r->phrase;
            return false;           /* nothing outranks a story discard */
        }
        if (sc->result == 0) {
            sc->result = 1;         /* keep looking for a story discard */
            sc->phrase = r->phrase;
        }
    }
    return true;
}

int dy_discards_check(const dy_discards *ds, const char *text, size_t len,
                      const char **phrase)
{
    if (phrase)
        *phrase = NULL;
    if (!ds || !text || ds->n == 0)
        return 0;
    discard_scan sc = {ds, (const unsigned char *)text, len, 0, NULL};
    dy_texttrie_scan(ds->trie, text, len, false, discard_visit, &sc);
    if (phrase)
        *phrase = sc.phrase;
    return sc.result;
}

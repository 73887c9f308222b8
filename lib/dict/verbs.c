/* verbs.c -- reads PETRARCH 1 (TABARI-style) and PETRARCH 2 verb
 * dictionaries into the compiled form of verbs.h.
 *
 * File structure (both dialects):
 *   &SYNSET[_]          synset header; "+WORD" / "+TWO WORDS" lines follow
 *   --- NAME [CODE] --- start of a verb block; CODE is the block's code
 *   VERB {FORMS} [CODE] a verb of the block; the first one names the block
 *   +VERB_PARTICLE      a multi-word verb ('+' marks the word tagged VB*)
 *   - UPPER * LOWER [CODE]   a pattern of the current block
 *   ~ ...               PETRARCH 2 verb-combination rule (not applied)
 * Growing arrays hold indices while loading; pointers are fixed up in
 * dy_verbs_finish() once nothing moves any more. */
#include "dict/verbs.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/diag.h"
#include "dict/dictfile.h"

#define DY_VERB_MAX_WORDS 64     /* words in one pattern, verb or synset phrase */
#define DY_VERB_MAX_ALTS 64      /* patterns one line may expand into */
#define DY_VERB_MAX_LINE 4096    /* longer lines are rejected with a warning */

/* A growable array of fixed-size items. */
typedef struct vec {
    void *data;
    size_t n, cap, size;
} vec;

static void *vec_push(vec *v, const void *item)
{
    if (v->n == v->cap) {
        size_t ncap = v->cap ? v->cap * 2 : 64;
        void *nd = realloc(v->data, ncap * v->size);
        if (!nd)
            return NULL;
        v->data = nd;
        v->cap = ncap;
    }
    void *slot = (char *)v->data + v->n * v->size;
    memcpy(slot, item, v->size);
    v->n++;
    return slot;
}

#define VEC_AT(v, type, i) (((type *)(v).data)[i])

/* Loading-time records: offsets instead of pointers. */
typedef struct pat_rec {
    uint32_t upper_at, lower_at;   /* into elems */
    uint16_t n_upper, n_lower;
    const char *code, *text;
    long line;
} pat_rec;

typedef struct block_rec {
    const char *name, *code;
    uint32_t first_pat, n_pats;
} block_rec;

typedef struct form_rec {
    uint32_t word, block;
    const char *code;
    uint32_t multi_at;             /* into words */
    uint8_t n_multi, multi_after;
    uint8_t explicit_form;         /* written in the file, not generated */
} form_rec;

typedef struct phrase_rec {
    uint32_t words_at;
    uint16_t n_words;
} phrase_rec;

typedef struct synset_rec {
    const char *name;
    uint32_t first_phrase, n_phrases;
} synset_rec;

struct dy_verbs {
    dy_intern *words;
    dy_arena *arena;
    vec elems, pats, blocks, forms, ids, phrases, synsets;
    /* synset name -> index + 1, over the synset names interned separately */
    dy_intern *synset_names;
    uint32_t *synset_of_name;      /* indexed by synset-name id */
    size_t synset_of_name_cap;
    /* TABARI's "complex sentence" code [+++], counted per file */
    size_t n_complex;
    long first_complex;
    /* finished form */
    bool finished;
    dy_pattern *fpats;
    uint64_t *fscreens;
    dy_verb_block *fblocks;
    uint32_t n_fblocks;
    dy_verb_form *fforms;
    dy_synset *fsynsets;
    dy_synset_phrase *fphrases;
    dy_synset_phrase *fmulti;         /* multi-word members, grouped per synset */
    dy_synset_phrase *fmulti_last;    /* the same, ordered by last word */
    uint32_t *fsingles;               /* one-word members, sorted per synset */
    uint32_t *word_syn_at;            /* by word id: start in word_syn (CSR) */
    uint32_t *word_syn;               /* synsets having the word as a member */
    uint32_t n_word_syn;
    int32_t *first_form;           /* by word id */
    uint32_t n_first_form;
};

/* ------------------------------------------------------------------ */

dy_verbs *dy_verbs_create(dy_intern *words)
{
    dy_verbs *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->words = words;
    v->arena = dy_arena_create(0);
    v->synset_names = dy_intern_create();
    if (!v->arena || !v->synset_names) {
        dy_verbs_free(v);
        return NULL;
    }
    v->elems.size = sizeof(dy_pat_elem);
    v->pats.size = sizeof(pat_rec);
    v->blocks.size = sizeof(block_rec);
    v->forms.size = sizeof(form_rec);
    v->ids.size = sizeof(uint32_t);
    v->phrases.size = sizeof(phrase_rec);
    v->synsets.size = sizeof(synset_rec);
    return v;
}

void dy_verbs_free(dy_verbs *v)
{
    if (!v)
        return;
    free(v->elems.data);
    free(v->pats.data);
    free(v->blocks.data);
    free(v->forms.data);
    free(v->ids.data);
    free(v->phrases.data);
    free(v->synsets.data);
    free(v->synset_of_name);
    free(v->fpats);
    free(v->fscreens);
    free(v->fblocks);
    free(v->fforms);
    free(v->fsynsets);
    free(v->fphrases);
    free(v->fmulti);
    free(v->fmulti_last);
    free(v->fsingles);
    free(v->word_syn_at);
    free(v->word_syn);
    free(v->first_form);
    dy_intern_free(v->synset_names);
    dy_arena_free(v->arena);
    free(v);
}

size_t dy_verbs_count(const dy_verbs *v)
{
    return v->forms.n;
}

size_t dy_verbs_pattern_count(const dy_verbs *v)
{
    return v->pats.n;
}

size_t dy_verbs_synset_count(const dy_verbs *v)
{
    return v->synsets.n;
}

/* ------------------------------------------------------------------ */
/* Small text helpers                                                  */

static uint32_t intern_upper(dy_verbs *v, const char *s, size_t n)
{
    char buf[256];
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    dy_upper_copy(buf, sizeof buf, s, n);
    return dy_intern_add(v->words, buf, n);
}

static const char *arena_upper(dy_verbs *v, const char *s, size_t n)
{
    char *p = dy_arena_alloc(v->arena, n + 1);
    if (p)
        dy_upper_copy(p, n + 1, s, n);
    return p;
}

static bool is_sep(char c)
{
    return c == ' ' || c == '\t';
}

/* Splits "TEXT [CODE]" into the text before '[' and the code inside. */
static void split_code(const char *s, size_t n, size_t *text_len,
                       const char **code, size_t *code_len, bool *has_code,
                       bool *unclosed)
{
    const char *lb = memchr(s, '[', n);
    *has_code = false;
    *unclosed = false;
    *code = NULL;
    *code_len = 0;
    if (!lb) {
        *text_len = n;
    } else {
        *text_len = (size_t)(lb - s);
        const char *rb = memchr(lb, ']', n - (size_t)(lb - s));
        if (!rb) {
            *unclosed = true;
        } else {
            const char *a = lb + 1, *b = rb;
            while (a < b && is_sep(*a))
                a++;
            while (b > a && is_sep(b[-1]))
                b--;
            *code = a;
            *code_len = (size_t)(b - a);
            *has_code = true;
        }
    }
    while (*text_len > 0 && is_sep(s[*text_len - 1]))
        (*text_len)--;
}

/* ------------------------------------------------------------------ */
/* Synsets                                                             */

static int32_t synset_find(const dy_verbs *v, const char *name, size_t n)
{
    uint32_t id = dy_intern_find(v->synset_names, name, n);
    if (id == 0 || id >= v->synset_of_name_cap || v->synset_of_name[id] == 0)
        return -1;
    return (int32_t)v->synset_of_name[id] - 1;
}

static int synset_bind(dy_verbs *v, const char *name, size_t n, uint32_t index)
{
    uint32_t id = dy_intern_add(v->synset_names, name, n);
    if (id == 0)
        return -1;
    if (id >= v->synset_of_name_cap) {
        size_t ncap = v->synset_of_name_cap ? v->synset_of_name_cap : 64;
        while (ncap <= id)
            ncap *= 2;
        uint32_t *nd = realloc(v->synset_of_name, ncap * sizeof *nd);
        if (!nd)
            return -1;
        memset(nd + v->synset_of_name_cap, 0,
               (ncap - v->synset_of_name_cap) * sizeof *nd);
        v->synset_of_name = nd;
        v->synset_of_name_cap = ncap;
    }
    v->synset_of_name[id] = index + 1;
    return 0;
}

/* Adds one phrase (words separated by ' ' or '_') to the synset being
 * read; with `plural`, also the phrase with its last word pluralised the
 * way PETRARCH does (Y -> IES, S -> ES, else S). */
static int synset_add_phrase(dy_verbs *v, synset_rec *ss, const char *s,
                             size_t n, bool plural)
{
    uint32_t ids[DY_VERB_MAX_WORDS];
    size_t nw = 0, i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '_' || s[i] == '\t'))
            i++;
        size_t a = i;
        while (i < n && !(s[i] == ' ' || s[i] == '_' || s[i] == '\t'))
            i++;
        if (i > a) {
            if (nw == DY_VERB_MAX_WORDS)
                return 1;
            ids[nw++] = intern_upper(v, s + a, i - a);
        }
    }
    if (nw == 0)
        return 1;
    for (int form = 0; form < (plural ? 2 : 1); form++) {
        phrase_rec ph = {(uint32_t)v->ids.n, (uint16_t)nw};
        for (size_t k = 0; k < nw; k++) {
            uint32_t id = ids[k];
            if (form == 1 && k == nw - 1) {
                const char *w = dy_intern_str(v->words, id);
                size_t wl = strlen(w);
                char buf[260];
                if (wl == 0 || wl > 250)
                    break;
                memcpy(buf, w, wl);
                if (w[wl - 1] == 'Y') {
                    memcpy(buf + wl - 1, "IES", 3);
                    wl += 2;
                } else if (w[wl - 1] == 'S') {
                    memcpy(buf + wl - 1, "ES", 2);
                    wl += 1;
                } else {
                    buf[wl++] = 'S';
                }
                id = dy_intern_add(v->words, buf, wl);
            }
            if (!vec_push(&v->ids, &id))
                return -1;
        }
        if (!vec_push(&v->phrases, &ph))
            return -1;
        ss->n_phrases++;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Verb forms                                                          */

static int add_form(dy_verbs *v, uint32_t word, uint32_t block,
                    const char *code, const uint32_t *multi, size_t n_multi,
                    bool multi_after, bool explicit_form)
{
    form_rec f = {word, block, code, (uint32_t)v->ids.n, (uint8_t)n_multi,
                  (uint8_t)multi_after, (uint8_t)explicit_form};
    for (size_t i = 0; i < n_multi; i++)
        if (!vec_push(&v->ids, &multi[i]))
            return -1;
    return vec_push(&v->forms, &f) ? 0 : -1;
}

/* Regular English forms of a verb root: what PETRARCH generates (S or ES,
 * ED or D, ING with a final E dropped) plus the spellings it misses for a
 * final consonant+Y (CARRY: CARRIES, CARRIED) and sibilants (PUSH: PUSHES). */
static size_t regular_forms(const char *root, size_t n, char out[][96])
{
    size_t k = 0;
    if (n == 0 || n > 90)
        return 0;
    char last = root[n - 1];
    char prev = n > 1 ? root[n - 2] : 0;
    bool vowel_prev = prev == 'A' || prev == 'E' || prev == 'I' || prev == 'O' || prev == 'U';
#define FORM(fmt_root_len, suffix)                                  \
    do {                                                            \
        memcpy(out[k], root, (fmt_root_len));                       \
        strcpy(out[k] + (fmt_root_len), (suffix));                  \
        k++;                                                        \
    } while (0)
    if (last == 'S' || last == 'X' || last == 'Z' ||
        (last == 'H' && (prev == 'C' || prev == 'S')))
        FORM(n, "ES");
    else
        FORM(n, "S");
    if (last == 'E') {
        FORM(n, "D");
        FORM(n - 1, "ING");
    } else {
        FORM(n, "ED");
        FORM(n, "ING");
    }
    if (last == 'Y' && !vowel_prev && n > 1) {
        FORM(n - 1, "IES");
        FORM(n - 1, "IED");
    }
#undef FORM
    return k;
}

/* Splits a word list on blanks (and the commas some files put between
 * irregular forms) into out (pointers into s). */
static size_t split_blank(const char *s, size_t n, const char **w, size_t *wl,
                          size_t max)
{
    size_t k = 0, i = 0;
    while (i < n && k < max) {
        while (i < n && (is_sep(s[i]) || s[i] == ','))
            i++;
        size_t a = i;
        while (i < n && !is_sep(s[i]) && s[i] != ',')
            i++;
        if (i > a) {
            w[k] = s + a;
            wl[k] = i - a;
            k++;
        }
    }
    return k;
}

/* Stores one spelling of a multi-word verb, e.g. "+CORDON_OFF" or
 * "WIRE_+TAPPED": the '+' word is the one the parser tags as the verb. */
static int store_multi_spelling(dy_verbs *v, const char *s, size_t n,
                                uint32_t block, const char *code,
                                dy_diag_sink *d, const char *file, long line)
{
    const char *parts[DY_VERB_MAX_WORDS];
    size_t lens[DY_VERB_MAX_WORDS], np = 0, i = 0;
    while (i <= n && np < DY_VERB_MAX_WORDS) {
        size_t a = i;
        while (i < n && s[i] != '_')
            i++;
        if (i > a) {
            parts[np] = s + a;
            lens[np] = i - a;
            np++;
        }
        i++;
    }
    size_t verb_at = np;
    for (size_t k = 0; k < np; k++)
        if (parts[k][0] == '+') {
            verb_at = k;
            break;
        }
    if (verb_at == np || (verb_at != 0 && verb_at != np - 1)) {
        dy_warn(d, file, line,
                "multi-word verb '%.*s' needs '+' on its first or last word; skipped",
                (int)n, s);
        return 0;
    }
    uint32_t multi[DY_VERB_MAX_WORDS];
    size_t nm = 0;
    if (verb_at == 0) {
        for (size_t k = 1; k < np; k++)
            multi[nm++] = intern_upper(v, parts[k], lens[k]);
    } else {
        for (size_t k = np - 1; k-- > 0;)      /* nearest the verb first */
            multi[nm++] = intern_upper(v, parts[k], lens[k]);
    }
    uint32_t word = intern_upper(v, parts[verb_at] + 1, lens[verb_at] - 1);
    if (word == 0 || nm == 0) {
        dy_warn(d, file, line, "multi-word verb '%.*s' has no other word; skipped",
                (int)n, s);
        return 0;
    }
    return add_form(v, word, block, code, multi, nm, verb_at == 0, true);
}

/* A verb line of a block: "VERB", "VERB {F1 F2}", "+MULTI_WORD {…}". */
static int read_verb_line(dy_verbs *v, const char *s, size_t n, uint32_t block,
                          const char *code, dy_diag_sink *d, const char *file,
                          long line)
{
    const char *lb = memchr(s, '{', n);
    const char *rb = lb ? memchr(lb, '}', n - (size_t)(lb - s)) : NULL;
    if (lb && !rb) {
        dy_warn(d, file, line, "'{' without '}' in verb forms; line skipped");
        return 0;
    }
    size_t base_len = lb ? (size_t)(lb - s) : n;
    while (base_len > 0 && is_sep(s[base_len - 1]))
        base_len--;
    const char *w[DY_VERB_MAX_WORDS];
    size_t wl[DY_VERB_MAX_WORDS];
    size_t nb = split_blank(s, base_len, w, wl, DY_VERB_MAX_WORDS);
    if (nb == 0) {
        dy_warn(d, file, line, "verb line has no verb; skipped");
        return 0;
    }
    if (nb > 1) {
        dy_warn(d, file, line,
                "verb '%.*s' has several words: join a multi-word verb with '_' "
                "and mark the verb with '+'; using '%.*s'",
                (int)base_len, s, (int)wl[0], w[0]);
    }
    const char *base = w[0];
    size_t blen = wl[0];
    /* "VERB_" is TABARI's no-stemming marker; PETRARCH never stems. */
    if (blen > 1 && base[blen - 1] == '_' && !memchr(base, '+', blen) &&
        !memchr(base, '_', blen - 1))
        blen--;
    bool multi = memchr(base, '_', blen) != NULL || base[0] == '+';

    const char *f[DY_VERB_MAX_WORDS];
    size_t fl[DY_VERB_MAX_WORDS], nf = 0;
    if (lb)
        nf = split_blank(lb + 1, (size_t)(rb - lb - 1), f, fl, DY_VERB_MAX_WORDS);

    if (multi) {
        if (store_multi_spelling(v, base, blen, block, code, d, file, line) != 0)
            return -1;
        if (lb) {
            for (size_t k = 0; k < nf; k++)
                if (store_multi_spelling(v, f[k], fl[k], block, code, d, file, line) != 0)
                    return -1;
            return 0;
        }
        /* Regular forms of the '+' word, spliced back into the phrase. */
        const char *plus = memchr(base, '+', blen);
        if (!plus)
            return 0;   /* already warned by store_multi_spelling */
        size_t ra = (size_t)(plus - base) + 1, rz = ra;
        while (rz < blen && base[rz] != '_')
            rz++;
        char root[96], forms[6][96];
        if (rz - ra >= sizeof root)
            return 0;
        dy_upper_copy(root, sizeof root, base + ra, rz - ra);
        size_t k = regular_forms(root, rz - ra, forms);
        for (size_t j = 0; j < k; j++) {
            char spelled[DY_VERB_MAX_LINE];
            int len = snprintf(spelled, sizeof spelled, "%.*s%s%.*s", (int)ra, base,
                               forms[j], (int)(blen - rz), base + rz);
            if (len > 0 && (size_t)len < sizeof spelled &&
                store_multi_spelling(v, spelled, (size_t)len, block, code, d, file, line) != 0)
                return -1;
        }
        return 0;
    }

    uint32_t word = intern_upper(v, base, blen);
    if (word == 0 || add_form(v, word, block, code, NULL, 0, false, true) != 0)
        return -1;
    if (lb) {
        for (size_t k = 0; k < nf; k++) {
            const char *fw = f[k];
            size_t fwl = fl[k];
            if (fw[0] == '+' || memchr(fw, '_', fwl)) {
                if (store_multi_spelling(v, fw, fwl, block, code, d, file, line) != 0)
                    return -1;
                continue;
            }
            uint32_t id = intern_upper(v, fw, fwl);
            if (id == 0 || add_form(v, id, block, code, NULL, 0, false, true) != 0)
                return -1;
        }
        return 0;
    }
    char root[96], forms[6][96];
    if (blen >= sizeof root)
        return 0;
    dy_upper_copy(root, sizeof root, base, blen);
    size_t k = regular_forms(root, blen, forms);
    for (size_t j = 0; j < k; j++) {
        uint32_t id = dy_intern_add(v->words, forms[j], strlen(forms[j]));
        if (id == 0 || add_form(v, id, block, code, NULL, 0, false, false) != 0)
            return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Patterns                                                            */

typedef struct tok {
    const char *s;
    size_t n;
    bool gap_before;    /* connector before this token was a blank */
} tok;

/* Splits pattern text into tokens on ' ' (gap) and '_' (consecutive). */
static size_t tokenize_pattern(const char *s, size_t n, tok *out, size_t max,
                               bool first_gap)
{
    size_t k = 0, i = 0;
    bool gap = first_gap;
    while (i < n) {
        if (s[i] == ' ' || s[i] == '\t') {
            gap = true;
            i++;
            continue;
        }
        if (s[i] == '_') {
            i++;
            continue;   /* '_' keeps whatever connector came before: none */
        }
        size_t a = i;
        while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '_')
            i++;
        if (k == max)
            return max + 1;
        out[k++] = (tok){s + a, i - a, gap};
        gap = false;
    }
    return k;
}

static int make_elem(dy_verbs *v, const tok *t, dy_pat_elem *e,
                     dy_diag_sink *d, const char *file, long line)
{
    e->gap = t->gap_before ? 1 : 0;
    e->id = 0;
    if (t->n == 1 && strchr("$+^%", t->s[0])) {
        e->kind = t->s[0] == '$' ? DY_PAT_SOURCE
                : t->s[0] == '+' ? DY_PAT_TARGET
                : t->s[0] == '^' ? DY_PAT_SKIPNE : DY_PAT_COMPOUND;
        return 0;
    }
    if (t->s[0] == '&') {
        char name[128];
        size_t nl = dy_upper_copy(name, sizeof name, t->s, t->n);
        int32_t ix = synset_find(v, name, nl);
        if (ix < 0) {
            dy_warn(d, file, line, "synset %s is not defined before this pattern; "
                    "pattern skipped", name);
            return 1;
        }
        e->kind = DY_PAT_SYNSET;
        e->id = (uint32_t)ix;
        return 0;
    }
    e->kind = DY_PAT_WORD;
    e->id = intern_upper(v, t->s, t->n);
    return e->id ? 0 : -1;
}

/* Expands PETRARCH 2 alternatives "A/B" within one token group into up to
 * DY_VERB_MAX_ALTS plain pattern strings written to alts. */
static size_t expand_alternatives(const char *s, size_t n, char alts[][DY_VERB_MAX_LINE],
                                  size_t max)
{
    size_t count = 1;
    memcpy(alts[0], s, n);
    alts[0][n] = '\0';
    for (size_t a = 0; a < count; a++) {
        char *slash = strchr(alts[a], '/');
        while (slash) {
            /* the token containing the slash */
            char *ts = slash, *te = slash;
            while (ts > alts[a] && ts[-1] != ' ' && ts[-1] != '_')
                ts--;
            while (*te && *te != ' ' && *te != '_')
                te++;
            /* pieces of the token */
            char token[DY_VERB_MAX_LINE];
            size_t tl = (size_t)(te - ts);
            memcpy(token, ts, tl);
            token[tl] = '\0';
            char prefix[DY_VERB_MAX_LINE], suffix[DY_VERB_MAX_LINE];
            size_t pl = (size_t)(ts - alts[a]);
            memcpy(prefix, alts[a], pl);
            prefix[pl] = '\0';
            strcpy(suffix, te);
            char *save = NULL, *piece = strtok_r(token, "/", &save);
            bool first = true;
            while (piece) {
                char built[DY_VERB_MAX_LINE];
                int len = snprintf(built, sizeof built, "%s%s%s", prefix, piece, suffix);
                if (len > 0 && (size_t)len < sizeof built) {
                    if (first) {
                        strcpy(alts[a], built);
                        first = false;
                    } else if (count < max) {
                        strcpy(alts[count++], built);
                    }
                }
                piece = strtok_r(NULL, "/", &save);
            }
            slash = strchr(alts[a], '/');
        }
    }
    return count;
}

static int add_pattern_text(dy_verbs *v, const char *body, size_t n,
                            const char *code, const char *text, long line,
                            dy_diag_sink *d, const char *file)
{
    const char *star = memchr(body, '*', n);
    if (!star) {
        dy_warn(d, file, line, "pattern has no '*' marking the verb; skipped");
        return 0;
    }
    tok up[DY_VERB_MAX_WORDS + 1], lo[DY_VERB_MAX_WORDS + 1];
    size_t nu = tokenize_pattern(body, (size_t)(star - body), up, DY_VERB_MAX_WORDS, false);
    /* The connector right after '*' belongs to the first lower element. */
    const char *after = star + 1;
    size_t an = n - (size_t)(after - body);
    bool first_gap = an > 0 && (after[0] == ' ' || after[0] == '\t');
    size_t nl = tokenize_pattern(after, an, lo, DY_VERB_MAX_WORDS, first_gap);
    if (nu > DY_VERB_MAX_WORDS || nl > DY_VERB_MAX_WORDS) {
        dy_warn(d, file, line, "pattern longer than %d words; skipped", DY_VERB_MAX_WORDS);
        return 0;
    }
    /* Upper elements: the connector between an upper word and the next
     * word toward the verb decides whether a gap is allowed there.  In
     * "IN_*" IN must touch the verb; in "SAID *" it need not. */
    dy_pat_elem ue[DY_VERB_MAX_WORDS], le[DY_VERB_MAX_WORDS];
    for (size_t k = 0; k < nu; k++) {
        /* nearest the verb first */
        const tok *t = &up[nu - 1 - k];
        tok tt = *t;
        /* gap between this token and the one after it (toward the verb) */
        if (k == 0) {
            size_t end = (size_t)(t->s + t->n - body);
            tt.gap_before = end < (size_t)(star - body) &&
                            (body[end] == ' ' || body[end] == '\t');
        } else {
            tt.gap_before = up[nu - k].gap_before;
        }
        int r = make_elem(v, &tt, &ue[k], d, file, line);
        if (r)
            return r < 0 ? -1 : 0;
    }
    for (size_t k = 0; k < nl; k++) {
        int r = make_elem(v, &lo[k], &le[k], d, file, line);
        if (r)
            return r < 0 ? -1 : 0;
    }
    pat_rec p = {(uint32_t)v->elems.n, 0, (uint16_t)nu, (uint16_t)nl, code, text, line};
    for (size_t k = 0; k < nu; k++)
        if (!vec_push(&v->elems, &ue[k]))
            return -1;
    p.lower_at = (uint32_t)v->elems.n;
    for (size_t k = 0; k < nl; k++)
        if (!vec_push(&v->elems, &le[k]))
            return -1;
    return vec_push(&v->pats, &p) ? 0 : -1;
}

/* "- UPPER * LOWER [CODE]" in either dialect. */
static int read_pattern_line(dy_verbs *v, const char *s, size_t n, block_rec *blk,
                             dy_diag_sink *d, const char *file, long line)
{
    size_t text_len, code_len;
    const char *code;
    bool has_code, unclosed;
    split_code(s, n, &text_len, &code, &code_len, &has_code, &unclosed);
    if (unclosed || !has_code || code_len == 0) {
        dy_warn(d, file, line, unclosed ? "pattern code '[' is not closed; skipped"
                                        : "pattern has no [code]; skipped");
        return 0;
    }
    if (text_len > DY_VERB_MAX_LINE - 1) {
        dy_warn(d, file, line, "pattern longer than %d bytes; skipped", DY_VERB_MAX_LINE);
        return 0;
    }
    if (memchr(s, '|', text_len)) {
        dy_warn(d, file, line, "TABARI disjunction '|' in a pattern is not supported "
                "(use a synset); skipped");
        return 0;
    }
    if (code_len == 3 && memcmp(code, "+++", 3) == 0) {
        /* TABARI marked "complex" sentences with [+++]; PETRARCH does not
         * implement it, so such patterns never match. */
        if (v->n_complex++ == 0)
            v->first_complex = line;
        return 0;
    }
    const char *codes = arena_upper(v, code, code_len);
    size_t ts = 1;                         /* the pattern as written, after "- " */
    while (ts < text_len && is_sep(s[ts]))
        ts++;
    const char *text = dy_arena_strndup(v->arena, s + ts, text_len - ts);
    if (!codes || !text)
        return -1;

    /* Normalise: drop the leading '-', PETRARCH 2 grouping brackets, a
     * final '_', and the legacy "_ " (an open connector). */
    char body[DY_VERB_MAX_LINE];
    size_t bn = 0;
    for (size_t i = 1; i < text_len; i++) {
        char c = s[i];
        if (c == '{' || c == '}' || c == '(' || c == ')') {
            body[bn++] = ' ';
            continue;
        }
        if (c == '_' && (i + 1 == text_len || is_sep(s[i + 1])))
            continue;
        body[bn++] = c;
    }
    body[bn] = '\0';
    static _Thread_local char alts[DY_VERB_MAX_ALTS][DY_VERB_MAX_LINE];
    size_t na = memchr(body, '/', bn) ? expand_alternatives(body, bn, alts, DY_VERB_MAX_ALTS) : 0;
    if (na == 0) {
        if (add_pattern_text(v, body, bn, codes, text, line, d, file) != 0)
            return -1;
    }
    for (size_t a = 0; a < na; a++)
        if (add_pattern_text(v, alts[a], strlen(alts[a]), codes, text, line, d, file) != 0)
            return -1;
    blk->n_pats = (uint32_t)(v->pats.n - blk->first_pat);
    return 0;
}

/* ------------------------------------------------------------------ */

dyad_status dy_verbs_load(dy_verbs *v, const char *name, const char *data,
                          size_t len, dy_diag_sink *d)
{
    if (v->finished)
        return DYAD_ERR_ARG;
    dy_dictfile f;
    dy_dictline l;
    dy_dictfile_init(&f, data, len);

    int32_t cur_block = -1;        /* index into blocks */
    bool new_block = false;
    int32_t cur_synset = -1;       /* synset whose '+' lines are being read */
    bool synset_plural = true;
    size_t n_tilde = 0;
    long first_tilde = 0;
    const char *block_code = "---";
    dyad_status st = DYAD_OK;

    while (dy_dictfile_next(&f, &l)) {
        const char *s = l.text;
        size_t n = l.len;
        if (n > DY_VERB_MAX_LINE) {
            dy_warn(d, name, l.lineno, "line longer than %d bytes; skipped", DY_VERB_MAX_LINE);
            continue;
        }
        if (s[0] == '+' && cur_synset >= 0) {
            synset_rec *ss = &VEC_AT(v->synsets, synset_rec, cur_synset);
            const char *m = s + 1;
            size_t mn = n - 1;
            while (mn > 0 && is_sep(m[mn - 1]))
                mn--;
            bool plural = synset_plural && !(mn > 0 && m[mn - 1] == '_');
            if (mn > 0 && m[0] == '&') {
                /* A synset inside a synset: copy the members of the named one. */
                char nm[128];
                size_t nl = dy_upper_copy(nm, sizeof nm, m, mn);
                int32_t src = synset_find(v, nm, nl);
                if (src < 0 || src == cur_synset) {
                    dy_warn(d, name, l.lineno, "synset %s used in a synset before it is "
                            "defined; member skipped", nm);
                    continue;
                }
                synset_rec *from = &VEC_AT(v->synsets, synset_rec, src);
                for (uint32_t k = 0; k < from->n_phrases; k++) {
                    phrase_rec ph = VEC_AT(v->phrases, phrase_rec, from->first_phrase + k);
                    phrase_rec copy = {(uint32_t)v->ids.n, ph.n_words};
                    for (uint16_t w = 0; w < ph.n_words; w++) {
                        uint32_t id = VEC_AT(v->ids, uint32_t, ph.words_at + w);
                        if (!vec_push(&v->ids, &id))
                            goto nomem;
                    }
                    if (!vec_push(&v->phrases, &copy))
                        goto nomem;
                    ss = &VEC_AT(v->synsets, synset_rec, cur_synset);
                    ss->n_phrases++;
                }
                continue;
            }
            int r = synset_add_phrase(v, ss, m, mn, plural);
            if (r < 0)
                goto nomem;
            if (r > 0)
                dy_warn(d, name, l.lineno, "empty or overlong synset member; skipped");
            continue;
        }
        cur_synset = -1;

        if (n >= 3 && memcmp(s, "---", 3) == 0) {
            size_t tl, cl;
            const char *code;
            bool has, unclosed;
            split_code(s, n, &tl, &code, &cl, &has, &unclosed);
            block_code = (has && cl > 0 && !(cl == 3 && memcmp(code, "+++", 3) == 0))
                             ? arena_upper(v, code, cl) : "---";
            if (!block_code)
                goto nomem;
            if (unclosed)
                dy_warn(d, name, l.lineno, "block code '[' is not closed; using ---");
            new_block = true;
            continue;
        }
        if (s[0] == '-') {
            if (cur_block < 0) {
                dy_warn(d, name, l.lineno, "pattern before any verb block; skipped");
                continue;
            }
            block_rec *blk = &VEC_AT(v->blocks, block_rec, cur_block);
            if (read_pattern_line(v, s, n, blk, d, name, l.lineno) != 0)
                goto nomem;
            continue;
        }
        if (s[0] == '&') {
            size_t nn = n;
            while (nn > 0 && is_sep(s[nn - 1]))
                nn--;
            synset_plural = !(s[nn - 1] == '_');
            if (!synset_plural)
                nn--;
            char nm[128];
            if (nn >= sizeof nm || nn < 2 || memchr(s, ' ', nn)) {
                dy_warn(d, name, l.lineno, "malformed synset name; its members are skipped");
                cur_synset = -1;
                /* skip the members that follow */
                continue;
            }
            size_t nl = dy_upper_copy(nm, sizeof nm, s, nn);
            synset_rec ss = {dy_arena_strndup(v->arena, nm, nl),
                             (uint32_t)v->phrases.n, 0};
            if (!ss.name || !vec_push(&v->synsets, &ss))
                goto nomem;
            cur_synset = (int32_t)(v->synsets.n - 1);
            if (synset_bind(v, nm, nl, (uint32_t)cur_synset) != 0)
                goto nomem;
            continue;
        }
        if (s[0] == '~') {
            if (n_tilde++ == 0)
                first_tilde = l.lineno;
            continue;
        }
        if (s[0] == '[') {
            dy_warn(d, name, l.lineno, "code without a verb; skipped");
            continue;
        }
        /* A verb of the current block. */
        size_t tl, cl;
        const char *code;
        bool has, unclosed;
        split_code(s, n, &tl, &code, &cl, &has, &unclosed);
        if (unclosed) {
            dy_warn(d, name, l.lineno, "verb code '[' is not closed; skipped");
            continue;
        }
        const char *vcode = (has && cl > 0) ? arena_upper(v, code, cl) : block_code;
        if (!vcode)
            goto nomem;
        if (new_block || cur_block < 0) {
            const char *lb = memchr(s, '{', tl);
            size_t nl = lb ? (size_t)(lb - s) : tl;
            while (nl > 0 && is_sep(s[nl - 1]))
                nl--;
            block_rec b = {arena_upper(v, s, nl), block_code, (uint32_t)v->pats.n, 0};
            if (!b.name || !vec_push(&v->blocks, &b))
                goto nomem;
            cur_block = (int32_t)(v->blocks.n - 1);
            new_block = false;
        }
        if (read_verb_line(v, s, tl, (uint32_t)cur_block, vcode, d, name, l.lineno) != 0)
            goto nomem;
    }
    if (v->n_complex > 0)
        dy_warn(d, name, v->first_complex,
                "%zu patterns with TABARI's complex-sentence code [+++] skipped: "
                "PETRARCH and dyad do not code them", v->n_complex);
    v->n_complex = 0;
    if (n_tilde > 0)
        dy_warn(d, name, first_tilde,
                "%zu PETRARCH 2 verb-combination rules ('~' lines) read but not applied: "
                "dyad codes each verb phrase on its own", n_tilde);
    dy_dictfile_done(&f);
    return st;
nomem:
    dy_dictfile_done(&f);
    return DYAD_ERR_NOMEM;
}

/* ------------------------------------------------------------------ */

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Phrases by a key word, longest first among equal keys (so "UNITED
 * STATES OF AMERICA" is tried before "UNITED STATES"). */
static int cmp_phrase_key(uint32_t ka, uint32_t kb, const dy_synset_phrase *a,
                          const dy_synset_phrase *b)
{
    if (ka != kb)
        return ka < kb ? -1 : 1;
    if (a->n_words != b->n_words)
        return a->n_words > b->n_words ? -1 : 1;
    return (a->words > b->words) - (a->words < b->words);   /* file order */
}

static int cmp_first_word(const void *x, const void *y)
{
    const dy_synset_phrase *a = x, *b = y;
    return cmp_phrase_key(a->words[0], b->words[0], a, b);
}

static int cmp_last_word(const void *x, const void *y)
{
    const dy_synset_phrase *a = x, *b = y;
    return cmp_phrase_key(a->words[a->n_words - 1], b->words[b->n_words - 1], a, b);
}

bool dy_synset_has_word(const dy_synset *s, uint32_t word)
{
    uint32_t lo = 0, hi = s->n_singles;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (s->singles[mid] < word)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->n_singles && s->singles[lo] == word;
}

bool dy_verbs_word_in_synset(const dy_verbs *v, uint32_t word, uint32_t synset)
{
    if (word >= v->n_word_syn)
        return false;
    for (uint32_t k = v->word_syn_at[word]; k < v->word_syn_at[word + 1]; k++)
        if (v->word_syn[k] == synset)
            return true;
    return false;
}

/* The filter bits of every word a synset's phrases contain. */
static uint64_t synset_bits(const dy_verbs *v, uint32_t synset)
{
    const synset_rec *ss = &VEC_AT(v->synsets, synset_rec, synset);
    uint64_t bits = 0;
    for (uint32_t k = 0; k < ss->n_phrases; k++) {
        const phrase_rec *ph = &VEC_AT(v->phrases, phrase_rec, ss->first_phrase + k);
        for (uint16_t w = 0; w < ph->n_words; w++)
            bits |= dy_word_bit(VEC_AT(v->ids, uint32_t, ph->words_at + w));
    }
    return bits;
}

dyad_status dy_verbs_finish(dy_verbs *v)
{
    if (v->finished)
        return DYAD_OK;
    const dy_pat_elem *elems = v->elems.data;
    const uint32_t *ids = v->ids.data;
    v->fpats = calloc(v->pats.n + 1, sizeof *v->fpats);
    v->fblocks = calloc(v->blocks.n + 1, sizeof *v->fblocks);
    v->fforms = calloc(v->forms.n + 1, sizeof *v->fforms);
    v->fsynsets = calloc(v->synsets.n + 1, sizeof *v->fsynsets);
    v->fphrases = calloc(v->phrases.n + 1, sizeof *v->fphrases);
    v->n_first_form = dy_intern_count(v->words) + 1;
    v->first_form = malloc(v->n_first_form * sizeof *v->first_form);
    if (!v->fpats || !v->fblocks || !v->fforms || !v->fsynsets || !v->fphrases ||
        !v->first_form)
        return DYAD_ERR_NOMEM;
    /* Blocks that share a primary verb are one block: PETRARCH keys the
     * pattern lists by that verb, so a later "--- SHOT ---" block adds to
     * (and its codes override) an earlier one. */
    uint32_t *group = calloc(v->blocks.n + 1, sizeof *group);
    dy_intern *names = dy_intern_create();
    if (!group || !names) {
        free(group);
        dy_intern_free(names);
        return DYAD_ERR_NOMEM;
    }
    uint32_t n_groups = 0;
    for (size_t i = 0; i < v->blocks.n; i++) {
        const char *nm = VEC_AT(v->blocks, block_rec, i).name;
        uint32_t before = dy_intern_count(names);
        uint32_t id = dy_intern_add(names, nm, strlen(nm));
        if (id == 0) {
            free(group);
            dy_intern_free(names);
            return DYAD_ERR_NOMEM;
        }
        if (dy_intern_count(names) > before)
            n_groups++;
        group[i] = id - 1;            /* ids are dense, in order of first use */
    }
    dy_intern_free(names);
    size_t np = 0;
    for (uint32_t g = 0; g < n_groups; g++) {
        dy_verb_block *fb = &v->fblocks[g];
        fb->patterns = v->fpats + np;
        fb->n_patterns = 0;
        for (size_t i = 0; i < v->blocks.n; i++) {
            if (group[i] != g)
                continue;
            const block_rec *b = &VEC_AT(v->blocks, block_rec, i);
            if (fb->n_patterns == 0 && !fb->name)
                fb->name = b->name;
            fb->code = b->code;
            for (uint32_t k = 0; k < b->n_pats; k++) {
                const pat_rec *p = &VEC_AT(v->pats, pat_rec, b->first_pat + k);
                dy_pattern *fp = &v->fpats[np++];
                *fp = (dy_pattern){.upper = elems + p->upper_at, .lower = elems + p->lower_at,
                                   .n_upper = p->n_upper, .n_lower = p->n_lower,
                                   .code = p->code, .text = p->text, .line = p->line};
                int nsu = 0, nsl = 0;
                for (uint16_t e = 0; e < p->n_upper; e++) {
                    if (fp->upper[e].kind == DY_PAT_WORD)
                        fp->need_upper |= dy_word_bit(fp->upper[e].id);
                    else if (fp->upper[e].kind == DY_PAT_SYNSET && nsu < 2)
                        fp->any_upper[nsu++] = synset_bits(v, fp->upper[e].id);
                }
                for (uint16_t e = 0; e < p->n_lower; e++) {
                    if (fp->lower[e].kind == DY_PAT_WORD)
                        fp->need_lower |= dy_word_bit(fp->lower[e].id);
                    else if (fp->lower[e].kind == DY_PAT_SYNSET && nsl < 2)
                        fp->any_lower[nsl++] = synset_bits(v, fp->lower[e].id);
                }
                fb->n_patterns++;
            }
        }
    }
    /* Longer patterns first (stable), as TABARI orders them, so the more
     * specific "* {HUMANITARIAN AID}" is tried before "* &AID". */
    for (uint32_t g = 0; g < n_groups; g++) {
        dy_pattern *ps = (dy_pattern *)v->fblocks[g].patterns;
        uint32_t n = v->fblocks[g].n_patterns;
        for (uint32_t i = 1; i < n; i++) {
            dy_pattern x = ps[i];
            uint32_t j = i;
            while (j > 0 && ps[j - 1].n_upper + ps[j - 1].n_lower < x.n_upper + x.n_lower) {
                ps[j] = ps[j - 1];
                j--;
            }
            ps[j] = x;
        }
    }
    /* The packed screens, in the final pattern order. */
    v->fscreens = malloc((v->pats.n + 1) * sizeof *v->fscreens);
    if (!v->fscreens) {
        free(group);
        return DYAD_ERR_NOMEM;
    }
    for (uint32_t g = 0; g < n_groups; g++) {
        dy_verb_block *fb = &v->fblocks[g];
        uint64_t *sc = v->fscreens + (fb->patterns - v->fpats);
        for (uint32_t i = 0; i < fb->n_patterns; i++) {
            const dy_pattern *p = &fb->patterns[i];
            uint64_t m = 0;
            for (uint16_t e = 0; e < p->n_upper; e++)
                if (p->upper[e].kind == DY_PAT_WORD)
                    m |= dy_word_bit(p->upper[e].id);
            for (uint16_t e = 0; e < p->n_lower; e++)
                if (p->lower[e].kind == DY_PAT_WORD)
                    m |= dy_word_bit_lower(p->lower[e].id);
            sc[i] = m;
        }
        fb->screens = sc;
    }
    v->n_fblocks = n_groups;
    for (size_t i = 0; i < v->forms.n; i++) {
        form_rec *f = &VEC_AT(v->forms, form_rec, i);
        f->block = group[f->block];
    }
    free(group);
    for (size_t i = 0; i < v->phrases.n; i++) {
        const phrase_rec *p = &VEC_AT(v->phrases, phrase_rec, i);
        v->fphrases[i] = (dy_synset_phrase){ids + p->words_at, p->n_words};
    }
    for (size_t i = 0; i < v->synsets.n; i++) {
        const synset_rec *s = &VEC_AT(v->synsets, synset_rec, i);
        v->fsynsets[i] = (dy_synset){.name = s->name, .bits = synset_bits(v, (uint32_t)i),
                                     .phrases = v->fphrases + s->first_phrase,
                                     .n_phrases = s->n_phrases};
    }
    /* Split each synset's members into a sorted array of single words
     * (binary search) and the few multi-word phrases. */
    v->fsingles = malloc((v->phrases.n + 1) * sizeof *v->fsingles);
    v->fmulti = malloc((v->phrases.n + 1) * sizeof *v->fmulti);
    v->fmulti_last = malloc((v->phrases.n + 1) * sizeof *v->fmulti_last);
    if (!v->fsingles || !v->fmulti || !v->fmulti_last)
        return DYAD_ERR_NOMEM;
    size_t n_single = 0, n_multi = 0;
    for (size_t i = 0; i < v->synsets.n; i++) {
        dy_synset *fs = &v->fsynsets[i];
        fs->singles = v->fsingles + n_single;
        fs->multi = v->fmulti + n_multi;
        for (uint32_t k = 0; k < fs->n_phrases; k++) {
            if (fs->phrases[k].n_words == 1)
                v->fsingles[n_single++] = fs->phrases[k].words[0];
            else
                v->fmulti[n_multi++] = fs->phrases[k];
        }
        fs->n_singles = (uint32_t)(v->fsingles + n_single - fs->singles);
        fs->n_multi = (uint32_t)(v->fmulti + n_multi - fs->multi);
        dy_synset_phrase *by_first = v->fmulti + (fs->multi - v->fmulti);
        dy_synset_phrase *by_last = v->fmulti_last + (fs->multi - v->fmulti);
        memcpy(by_last, by_first, fs->n_multi * sizeof *by_last);
        qsort(by_first, fs->n_multi, sizeof *by_first, cmp_first_word);
        qsort(by_last, fs->n_multi, sizeof *by_last, cmp_last_word);
        fs->multi_by_last = by_last;
        qsort((uint32_t *)fs->singles, fs->n_singles, sizeof *fs->singles, cmp_u32);
    }
    /* For every word, the synsets it is a one-word member of. */
    uint32_t nw = dy_intern_count(v->words) + 2;
    v->word_syn_at = calloc(nw + 1, sizeof *v->word_syn_at);
    v->word_syn = malloc((n_single + 1) * sizeof *v->word_syn);
    if (!v->word_syn_at || !v->word_syn)
        return DYAD_ERR_NOMEM;
    for (size_t i = 0; i < v->synsets.n; i++)
        for (uint32_t k = 0; k < v->fsynsets[i].n_singles; k++)
            v->word_syn_at[v->fsynsets[i].singles[k] + 1]++;
    for (uint32_t w = 1; w <= nw; w++)
        v->word_syn_at[w] += v->word_syn_at[w - 1];
    v->n_word_syn = nw;
    {
        uint32_t *fill = malloc((nw + 1) * sizeof *fill);
        if (!fill)
            return DYAD_ERR_NOMEM;
        memcpy(fill, v->word_syn_at, (nw + 1) * sizeof *fill);
        for (size_t i = 0; i < v->synsets.n; i++)
            for (uint32_t k = 0; k < v->fsynsets[i].n_singles; k++)
                v->word_syn[fill[v->fsynsets[i].singles[k]]++] = (uint32_t)i;
        free(fill);
    }
    /* Stable order: multi-word forms first (most words first), then file
     * order, so the first single-word form of a word is the file's first. */
    form_rec *fr = malloc((v->forms.n + 1) * sizeof *fr);
    if (!fr)
        return DYAD_ERR_NOMEM;
    size_t start[UINT8_MAX + 2] = {0};   /* counting sort by word count */
    for (size_t i = 0; i < v->forms.n; i++)
        start[UINT8_MAX - VEC_AT(v->forms, form_rec, i).n_multi + 1]++;
    for (size_t k = 1; k <= UINT8_MAX + 1; k++)
        start[k] += start[k - 1];
    for (size_t i = 0; i < v->forms.n; i++) {
        const form_rec *f = &VEC_AT(v->forms, form_rec, i);
        fr[start[UINT8_MAX - f->n_multi]++] = *f;
    }
    if (v->forms.n)
        memcpy(v->forms.data, fr, v->forms.n * sizeof *fr);
    free(fr);
    fr = v->forms.data;
    for (uint32_t w = 0; w < v->n_first_form; w++)
        v->first_form[w] = -1;
    /* Chains in sorted order.  Two single-word forms of one word: the
     * first wins across blocks, the later one within a block (a block that
     * re-lists a verb redefines its code). */
    int32_t *last = malloc(v->n_first_form * sizeof *last);
    if (!last)
        return DYAD_ERR_NOMEM;
    size_t nf = 0;
    for (size_t i = 0; i < v->forms.n; i++) {
        const form_rec *f = &fr[i];
        if (f->word >= v->n_first_form)
            continue;
        if (f->n_multi == 0 && v->first_form[f->word] >= 0) {
            bool replaced = false;
            for (int32_t x = v->first_form[f->word]; x >= 0; x = v->fforms[x].next)
                if (v->fforms[x].n_multi == 0 && v->fforms[x].block == f->block) {
                    v->fforms[x].code = f->code;
                    replaced = true;
                    break;
                }
            if (replaced)
                continue;
        }
        v->fforms[nf] = (dy_verb_form){f->word, f->block, f->code, ids + f->multi_at,
                                       f->n_multi, f->multi_after, -1};
        if (v->first_form[f->word] < 0)
            v->first_form[f->word] = (int32_t)nf;
        else
            v->fforms[last[f->word]].next = (int32_t)nf;
        last[f->word] = (int32_t)nf;
        nf++;
    }
    free(last);
    v->finished = true;
    return DYAD_OK;
}

int32_t dy_verbs_first_form(const dy_verbs *v, uint32_t word)
{
    if (!v || !v->finished || word >= v->n_first_form)
        return -1;
    return v->first_form[word];
}

const dy_verb_form *dy_verbs_form(const dy_verbs *v, int32_t index)
{
    return &v->fforms[index];
}

const dy_verb_block *dy_verbs_block(const dy_verbs *v, uint32_t index)
{
    return &v->fblocks[index];
}

const dy_synset *dy_verbs_synset(const dy_verbs *v, uint32_t index)
{
    return &v->fsynsets[index];
}

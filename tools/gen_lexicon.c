/* gen_lexicon.c -- builds the tagger's tables (build/gen/lexicon.c) from the
 * installed Debian packages liblingua-en-tagger-perl and wordnet-base.
 *
 *   gen_lexicon LINGUA_DIR WORDNET_DIR > lexicon.c
 *   (LINGUA_DIR: /usr/share/perl5/Lingua/EN/Tagger, WORDNET_DIR: /usr/share/wordnet)
 *
 * Run by make at build time; the data itself never enters the repository.
 * The output is deterministic: the same input files give the same bytes.
 * What the tables mean is documented in lib/tag/lexicon.h and
 * docs/tagger.md; a malformed input line stops the build with file:line. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tag/lexicon.h"
#include "tag/tagset.h"

/* ---- tuning constants (see docs/tagger.md) ---------------------------- */

/* A tag is kept as a candidate of a word when it accounts for at least this
 * share of the word's Treebank occurrences: drops annotation noise such as
 * "the" tagged JJ 7 times in 51,000. */
#define KEEP_SHARE 0.002
#define MAX_WORD_TAGS 8
/* Transitions: log((1 - LAMBDA) P(t | p) + LAMBDA P(t)). */
#define LAMBDA 0.001
/* Words seen at most RARE_MAX times train the unknown-word model. */
#define RARE_MAX 10
/* Suffix smoothing: P(t | s) = (N P^(t | s) + K P(t | shorter s)) / (N + K),
 * N the number of words with suffix s. */
#define SUFFIX_K 5.0
/* A suffix is stored when at least this many words end with it. */
#define SUFFIX_MIN_WORDS 2
/* ... and its distribution differs from its parent's by at least this much
 * in some tag (otherwise the parent says the same). */
#define SUFFIX_MIN_DIFF 0.02
#define SUFFIX_MIN_P 0.002
#define MAX_SUFFIX_TAGS 10
#define LOGP_NEVER (-30.0)

/* ---- helpers ---------------------------------------------------------- */

static const char *cur_file;
static long cur_line;

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (cur_file)
        fprintf(stderr, "%s:%ld: ", cur_file, cur_line);
    else
        fprintf(stderr, "gen_lexicon: ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void *xmalloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p)
        die("out of memory");
    return p;
}

static char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    return d;
}

static FILE *open_in(const char *dir, const char *name, char *path, size_t cap)
{
    snprintf(path, cap, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "gen_lexicon: cannot open %s: %s (install the Debian "
                "packages liblingua-en-tagger-perl and wordnet-base: "
                "bash scripts/install-deps.sh)\n", path, strerror(errno));
        exit(1);
    }
    return f;
}

/* ---- Lingua's tag names ----------------------------------------------- */

static const struct {
    const char *name;
    uint8_t tag;
} lingua_tags[] = {
    {"cc", DY_TAG_CC},     {"cd", DY_TAG_CD},       {"det", DY_TAG_DT},
    {"ex", DY_TAG_EX},     {"fw", DY_TAG_FW},       {"in", DY_TAG_IN},
    {"jj", DY_TAG_JJ},     {"jjr", DY_TAG_JJR},     {"jjs", DY_TAG_JJS},
    {"lrb", DY_TAG_LRB},   {"ls", DY_TAG_LS},       {"md", DY_TAG_MD},
    {"nn", DY_TAG_NN},     {"nnp", DY_TAG_NNP},     {"nnps", DY_TAG_NNPS},
    {"nns", DY_TAG_NNS},   {"pdt", DY_TAG_PDT},     {"pos", DY_TAG_POS},
    {"pp", DY_TAG_PERIOD}, {"ppc", DY_TAG_COMMA},   {"ppd", DY_TAG_DOLLAR},
    {"ppl", DY_TAG_LQUOTE},{"ppr", DY_TAG_RQUOTE},  {"pps", DY_TAG_COLON},
    {"prp", DY_TAG_PRP},   {"prps", DY_TAG_PRPS},   {"rb", DY_TAG_RB},
    {"rbr", DY_TAG_RBR},   {"rbs", DY_TAG_RBS},     {"rp", DY_TAG_RP},
    {"rrb", DY_TAG_RRB},   {"sym", DY_TAG_SYM},     {"to", DY_TAG_TO},
    {"uh", DY_TAG_UH},     {"vb", DY_TAG_VB},       {"vbd", DY_TAG_VBD},
    {"vbg", DY_TAG_VBG},   {"vbn", DY_TAG_VBN},     {"vbp", DY_TAG_VBP},
    {"vbz", DY_TAG_VBZ},   {"wdt", DY_TAG_WDT},     {"wp", DY_TAG_WP},
    {"wps", DY_TAG_WPS},   {"wrb", DY_TAG_WRB},
};

static uint8_t lingua_tag(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof lingua_tags / sizeof lingua_tags[0]; i++)
        if (strlen(lingua_tags[i].name) == n && memcmp(lingua_tags[i].name, s, n) == 0)
            return lingua_tags[i].tag;
    die("unknown tag name \"%.*s\"", (int)n, s);
}

/* ---- a growable string -> record map ---------------------------------- */

typedef struct word {
    char *text;
    size_t len;
    uint32_t counts[DY_TAG_COUNT];   /* Treebank counts from words.yml */
    uint32_t total;
    unsigned wn;                     /* DY_WN_* */
    unsigned kind;                   /* DY_KIND_* */
} word;

typedef struct map {
    word **items;
    size_t n, cap;
    uint32_t *slots;                 /* index + 1 */
    size_t mask;
} map;

static void map_grow(map *m)
{
    size_t ns = m->slots ? (m->mask + 1) * 2 : 1024;
    free(m->slots);
    m->slots = xmalloc(ns * sizeof *m->slots);
    m->mask = ns - 1;
    for (size_t i = 0; i < m->n; i++) {
        size_t h = dy_lex_hash(m->items[i]->text, m->items[i]->len) & m->mask;
        while (m->slots[h])
            h = (h + 1) & m->mask;
        m->slots[h] = (uint32_t)(i + 1);
    }
}

static word *map_find(const map *m, const char *s, size_t n)
{
    if (!m->slots)
        return NULL;
    size_t h = dy_lex_hash(s, n) & m->mask;
    while (m->slots[h]) {
        word *w = m->items[m->slots[h] - 1];
        if (w->len == n && memcmp(w->text, s, n) == 0)
            return w;
        h = (h + 1) & m->mask;
    }
    return NULL;
}

static word *map_get(map *m, const char *s, size_t n)
{
    word *w = map_find(m, s, n);
    if (w)
        return w;
    if (!m->slots || (m->n + 1) * 2 > m->mask + 1)
        map_grow(m);
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 1024;
        m->items = xrealloc(m->items, m->cap * sizeof *m->items);
    }
    w = xmalloc(sizeof *w);
    w->text = xstrndup(s, n);
    w->len = n;
    m->items[m->n++] = w;
    size_t h = dy_lex_hash(s, n) & m->mask;
    while (m->slots[h])
        h = (h + 1) & m->mask;
    m->slots[h] = (uint32_t)m->n;
    return w;
}

/* ---- reading Lingua's YAML -------------------------------------------- */

/* Lines look like
 *     "'s": { vbz: 1489, nnp: 11, pos: 10023 }
 *     applause: { nn: 6 }
 * Calls fn(key, key_len, tag, value, ctx) for every pair. */
typedef void (*pair_fn)(const char *key, size_t klen, uint8_t tag, double value,
                        void *ctx);

static void read_yaml(const char *dir, const char *name, pair_fn fn, void *ctx)
{
    char path[4096];
    FILE *f = open_in(dir, name, path, sizeof path);
    cur_file = path;
    cur_line = 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long pairs = 0;
    while ((len = getline(&line, &cap, f)) >= 0) {
        cur_line++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0 || line[0] == '-' || line[0] == '#')
            continue;   /* "--- #YAML:1.0" */
        char *brace = strstr(line, ": {");
        if (!brace)
            die("expected KEY: { tag: count, ... }");
        const char *key = line;
        size_t klen = (size_t)(brace - line);
        if (klen >= 2 && key[0] == '"' && key[klen - 1] == '"') {
            key++;
            klen -= 2;
        }
        if (klen == 0)
            die("empty key");
        char *p = brace + 3;
        char *end = strchr(p, '}');
        if (!end)
            die("missing '}'");
        *end = '\0';
        while (*p) {
            while (*p == ' ' || *p == ',')
                p++;
            if (!*p)
                break;
            char *colon = strchr(p, ':');
            if (!colon)
                die("expected tag: value");
            uint8_t tag = lingua_tag(p, (size_t)(colon - p));
            char *num_end;
            errno = 0;
            double v = strtod(colon + 1, &num_end);
            if (num_end == colon + 1 || errno || v < 0)
                die("bad value after \"%.*s\"", (int)(colon - p), p);
            fn(key, klen, tag, v, ctx);
            pairs++;
            p = num_end;
        }
    }
    if (ferror(f))
        die("read error");
    if (pairs == 0)
        die("no entries");
    free(line);
    fclose(f);
    cur_file = NULL;
}

static void add_word_count(const char *key, size_t klen, uint8_t tag, double v, void *ctx)
{
    map *m = ctx;
    if (v != (double)(uint32_t)v)
        die("count %g is not a whole number", v);
    word *w = map_get(m, key, klen);
    w->counts[tag] += (uint32_t)v;
    w->total += (uint32_t)v;
}

typedef struct trans_in {
    double p[DY_TAG_COUNT][DY_TAG_COUNT];
    int seen[DY_TAG_COUNT];
} trans_in;

static void add_trans(const char *key, size_t klen, uint8_t tag, double v, void *ctx)
{
    trans_in *t = ctx;
    uint8_t prev = lingua_tag(key, klen);
    t->p[prev][tag] += v;
    t->seen[prev] = 1;
}

/* ---- reading WordNet ---------------------------------------------------- */

/* index.POS: "lemma pos synset_cnt ..." for lower-case lemmas; lines that
 * start with a space are the licence. */
static void read_wn_index(map *m, const char *dir, const char *name, unsigned bit)
{
    char path[4096];
    FILE *f = open_in(dir, name, path, sizeof path);
    cur_file = path;
    cur_line = 0;
    char *line = NULL;
    size_t cap = 0;
    long n = 0;
    while (getline(&line, &cap, f) >= 0) {
        cur_line++;
        if (line[0] == ' ' || line[0] == '\n')
            continue;
        size_t len = strcspn(line, " ");
        if (len == 0 || line[len] != ' ')
            die("expected \"lemma pos ...\"");
        if (memchr(line, '_', len))
            continue;   /* multi-word lemma: never one token */
        map_get(m, line, len)->wn |= bit;
        n++;
    }
    if (n == 0)
        die("no lemmas");
    free(line);
    fclose(f);
    cur_file = NULL;
}

/* Particles of phrasal verbs (the Treebank's RP). */
static const char *const particles[] = {
    "up", "out", "off", "down", "in", "on", "over", "away", "around", "back",
    "about", "through", "together", "along", "apart", "forth", "forward",
    "across", "aside", "ahead",
};
#define N_PARTICLES (sizeof particles / sizeof particles[0])

static int is_particle(const char *s, size_t n)
{
    for (size_t i = 0; i < N_PARTICLES; i++)
        if (strlen(particles[i]) == n && memcmp(particles[i], s, n) == 0)
            return 1;
    return 0;
}

/* Phrasal verbs of index.verb ("burn_down", "carry_out") become keys of
 * their own, so the tagger can ask whether "VERB_PARTICLE" exists. */
static void read_wn_phrasal(map *m, const char *dir)
{
    char path[4096];
    FILE *f = open_in(dir, "index.verb", path, sizeof path);
    cur_file = path;
    cur_line = 0;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) >= 0) {
        cur_line++;
        if (line[0] == ' ' || line[0] == '\n')
            continue;
        size_t len = strcspn(line, " ");
        char *us = memchr(line, '_', len);
        if (!us || memchr(us + 1, '_', len - (size_t)(us + 1 - line)))
            continue;
        if (us == line || !is_particle(us + 1, len - (size_t)(us + 1 - line)))
            continue;
        map_get(m, line, len);
    }
    free(line);
    fclose(f);
    cur_file = NULL;
}

/* verb.exc again: "took take" adds "took_over" for "take_over". */
static void read_wn_phrasal_exc(map *m, const char *dir)
{
    char path[4096];
    FILE *f = open_in(dir, "verb.exc", path, sizeof path);
    cur_file = path;
    cur_line = 0;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) >= 0) {
        cur_line++;
        char *save = NULL;
        char *form = strtok_r(line, " \n", &save);
        char *base = strtok_r(NULL, " \n", &save);
        if (!form || !base || strchr(form, '_') || strchr(base, '_'))
            continue;
        for (size_t i = 0; i < N_PARTICLES; i++) {
            char key[256];
            int kn = snprintf(key, sizeof key, "%s_%s", base, particles[i]);
            if (kn <= 0 || (size_t)kn >= sizeof key || !map_find(m, key, (size_t)kn))
                continue;
            kn = snprintf(key, sizeof key, "%s_%s", form, particles[i]);
            if (kn > 0 && (size_t)kn < sizeof key)
                map_get(m, key, (size_t)kn);
        }
    }
    free(line);
    fclose(f);
    cur_file = NULL;
}

/* data.POS: "offset lex_filenum ss_type w_cnt word lex_id [word lex_id]...":
 * words keep their case there, so capitalised ones are proper nouns or
 * proper adjectives.  Adjectives may carry a marker: "Guyanese(a)". */
static void read_wn_data(map *m, const char *dir, const char *name, unsigned bit)
{
    char path[4096];
    FILE *f = open_in(dir, name, path, sizeof path);
    cur_file = path;
    cur_line = 0;
    char *line = NULL;
    size_t cap = 0;
    long n = 0;
    while (getline(&line, &cap, f) >= 0) {
        cur_line++;
        if (line[0] == ' ' || line[0] == '\n')
            continue;
        char *save = NULL;
        char *fld[4];
        char *p = line;
        for (int i = 0; i < 4; i++) {
            fld[i] = strtok_r(p, " ", &save);
            p = NULL;
            if (!fld[i])
                die("short synset line");
        }
        char *e;
        long cnt = strtol(fld[3], &e, 16);
        if (*e || cnt <= 0)
            die("bad word count \"%s\"", fld[3]);
        for (long i = 0; i < cnt; i++) {
            char *w = strtok_r(NULL, " ", &save);
            char *lex_id = strtok_r(NULL, " ", &save);
            if (!w || !lex_id)
                die("synset ends early");
            size_t len = strcspn(w, "(");
            if (len == 0 || memchr(w, '_', len))
                continue;
            if (!dy_lex_is_upper_start(w, len))
                continue;
            map_get(m, w, len)->wn |= bit;
            n++;
        }
    }
    if (n == 0)
        die("no capitalised words");
    free(line);
    fclose(f);
    cur_file = NULL;
}

/* POS.exc: "inflected base ...". */
static void read_wn_exc(map *m, const char *dir, const char *name, unsigned bit)
{
    char path[4096];
    FILE *f = open_in(dir, name, path, sizeof path);
    cur_file = path;
    cur_line = 0;
    char *line = NULL;
    size_t cap = 0;
    long n = 0;
    while (getline(&line, &cap, f) >= 0) {
        cur_line++;
        size_t len = strcspn(line, " \n");
        if (len == 0)
            continue;
        if (memchr(line, '_', len))
            continue;
        map_get(m, line, len)->wn |= bit;
        n++;
    }
    if (n == 0)
        die("no entries");
    free(line);
    fclose(f);
    cur_file = NULL;
}

/* ---- function words the tagger looks through or after ------------------ */

static const struct {
    const char *w;
    unsigned kind;
} kinds[] = {
    {"be", DY_KIND_BE},      {"is", DY_KIND_BE},      {"are", DY_KIND_BE},
    {"was", DY_KIND_BE},     {"were", DY_KIND_BE},    {"been", DY_KIND_BE},
    {"being", DY_KIND_BE},   {"am", DY_KIND_BE},      {"'re", DY_KIND_BE},
    {"'m", DY_KIND_BE},
    {"have", DY_KIND_HAVE},  {"has", DY_KIND_HAVE},   {"had", DY_KIND_HAVE},
    {"having", DY_KIND_HAVE},{"'ve", DY_KIND_HAVE},
    {"do", DY_KIND_DO},      {"does", DY_KIND_DO},    {"did", DY_KIND_DO},
    {"will", DY_KIND_MODAL}, {"would", DY_KIND_MODAL},{"can", DY_KIND_MODAL},
    {"could", DY_KIND_MODAL},{"may", DY_KIND_MODAL},  {"might", DY_KIND_MODAL},
    {"must", DY_KIND_MODAL}, {"shall", DY_KIND_MODAL},{"should", DY_KIND_MODAL},
    {"wo", DY_KIND_MODAL},   {"ca", DY_KIND_MODAL},   {"'ll", DY_KIND_MODAL},
    {"get", DY_KIND_GET},    {"gets", DY_KIND_GET},   {"got", DY_KIND_GET},
    {"gotten", DY_KIND_GET}, {"getting", DY_KIND_GET},
    {"not", DY_KIND_NEGATION}, {"n't", DY_KIND_NEGATION},
};

/* ---- the suffix model --------------------------------------------------- */

typedef struct sfx {
    char *key;               /* class char + suffix */
    size_t len;
    double p[DY_TAG_COUNT];  /* accumulated, then smoothed distribution */
    double n;                /* words */
    struct sfx *parent;
    int keep;
} sfx;

typedef struct sfx_map {
    sfx **items;
    size_t n, cap;
    uint32_t *slots;
    size_t mask;
} sfx_map;

static sfx *sfx_get(sfx_map *m, const char *s, size_t n, int create)
{
    if (m->slots) {
        size_t h = dy_lex_hash(s, n) & m->mask;
        while (m->slots[h]) {
            sfx *e = m->items[m->slots[h] - 1];
            if (e->len == n && memcmp(e->key, s, n) == 0)
                return e;
            h = (h + 1) & m->mask;
        }
    }
    if (!create)
        return NULL;
    if (!m->slots || (m->n + 1) * 2 > m->mask + 1) {
        size_t ns = m->slots ? (m->mask + 1) * 2 : 1024;
        free(m->slots);
        m->slots = xmalloc(ns * sizeof *m->slots);
        m->mask = ns - 1;
        for (size_t i = 0; i < m->n; i++) {
            size_t h = dy_lex_hash(m->items[i]->key, m->items[i]->len) & m->mask;
            while (m->slots[h])
                h = (h + 1) & m->mask;
            m->slots[h] = (uint32_t)(i + 1);
        }
    }
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 1024;
        m->items = xrealloc(m->items, m->cap * sizeof *m->items);
    }
    sfx *e = xmalloc(sizeof *e);
    e->key = xstrndup(s, n);
    e->len = n;
    m->items[m->n++] = e;
    size_t h = dy_lex_hash(s, n) & m->mask;
    while (m->slots[h])
        h = (h + 1) & m->mask;
    m->slots[h] = (uint32_t)m->n;
    return e;
}

static int sfx_by_len(const void *a, const void *b)
{
    const sfx *x = *(const sfx *const *)a, *y = *(const sfx *const *)b;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return strcmp(x->key, y->key);
}

/* Is this Lingua key a word (not "*NUM*", "*LRB*", punctuation)? */
static int is_plain_word(const word *w)
{
    if (w->text[0] == '*' && w->len > 1)
        return 0;
    return dy_lex_shape(w->text, w->len) != DY_SHAPE_OTHER;
}

static void build_suffixes(map *words, sfx_map *sm)
{
    for (size_t i = 0; i < words->n; i++) {
        word *w = words->items[i];
        if (w->total == 0 || w->total > RARE_MAX || !is_plain_word(w))
            continue;
        char key[DY_LEX_SUFFIX_MAX + 2];
        key[0] = dy_lex_shape(w->text, w->len);
        size_t maxl = w->len < DY_LEX_SUFFIX_MAX ? w->len : DY_LEX_SUFFIX_MAX;
        for (size_t l = 0; l <= maxl; l++) {
            memcpy(key + 1, w->text + w->len - l, l);
            sfx *e = sfx_get(sm, key, l + 1, 1);
            /* each word counts once, split over its tags */
            for (int t = 0; t < DY_TAG_COUNT; t++)
                e->p[t] += (double)w->counts[t] / w->total;
            e->n += 1;
        }
    }
    /* parents first */
    qsort(sm->items, sm->n, sizeof *sm->items, sfx_by_len);
    /* the order changed: rebuild the slots */
    memset(sm->slots, 0, (sm->mask + 1) * sizeof *sm->slots);
    for (size_t i = 0; i < sm->n; i++) {
        size_t h = dy_lex_hash(sm->items[i]->key, sm->items[i]->len) & sm->mask;
        while (sm->slots[h])
            h = (h + 1) & sm->mask;
        sm->slots[h] = (uint32_t)(i + 1);
    }
    for (size_t i = 0; i < sm->n; i++) {
        sfx *e = sm->items[i];
        for (int t = 0; t < DY_TAG_COUNT; t++)
            e->p[t] /= e->n;
        if (e->len == 1) {   /* class root: the plain estimate */
            e->keep = 1;
            continue;
        }
        /* parent: one letter shorter, same class */
        char key[DY_LEX_SUFFIX_MAX + 2];
        key[0] = e->key[0];
        memcpy(key + 1, e->key + 2, e->len - 2);
        e->parent = sfx_get(sm, key, e->len - 1, 0);
        if (!e->parent)
            die("suffix model: missing parent of \"%s\"", e->key);
        double diff = 0;
        for (int t = 0; t < DY_TAG_COUNT; t++) {
            e->p[t] = (e->n * e->p[t] + SUFFIX_K * e->parent->p[t]) / (e->n + SUFFIX_K);
            double d = fabs(e->p[t] - e->parent->p[t]);
            if (d > diff)
                diff = d;
        }
        e->keep = e->n >= SUFFIX_MIN_WORDS && diff >= SUFFIX_MIN_DIFF;
    }
}

/* ---- output ------------------------------------------------------------- */

static int word_cmp(const void *a, const void *b)
{
    const word *x = *(const word *const *)a, *y = *(const word *const *)b;
    return strcmp(x->text, y->text);
}

/* A C string literal for s, split over lines. */
static void print_cstr(FILE *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(o, "\\%c", c);
        else if (c < 0x20 || c >= 0x7F)
            fprintf(o, "\\%03o", c);   /* octal: never swallows a following digit */
        else
            fputc(c, o);
    }
}

static void print_float(FILE *o, double v)
{
    if (v < LOGP_NEVER)
        v = LOGP_NEVER;
    char buf[64];
    snprintf(buf, sizeof buf, "%.6g", v);
    /* "0" or "-30" would be integer constants: "0f" does not compile */
    fprintf(o, "%s%sf", buf, strpbrk(buf, ".e") ? "" : ".0");
}

static size_t pow2_at_least(size_t n)
{
    size_t p = 1;
    while (p < n)
        p <<= 1;
    return p;
}

typedef struct tag_share {
    uint8_t tag;
    double p;
} tag_share;

static int share_desc(const void *a, const void *b)
{
    const tag_share *x = a, *y = b;
    if (x->p != y->p)
        return x->p > y->p ? -1 : 1;
    return x->tag - y->tag;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s LINGUA_TAGGER_DIR WORDNET_DIR > lexicon.c\n", argv[0]);
        return 2;
    }
    const char *lingua = argv[1], *wn = argv[2];
    static map words;
    static trans_in trans;

    read_yaml(lingua, "words.yml", add_word_count, &words);
    read_yaml(lingua, "tags.yml", add_trans, &trans);
    read_wn_index(&words, wn, "index.noun", DY_WN_NOUN);
    read_wn_index(&words, wn, "index.verb", DY_WN_VERB);
    read_wn_index(&words, wn, "index.adj", DY_WN_ADJ);
    read_wn_index(&words, wn, "index.adv", DY_WN_ADV);
    read_wn_data(&words, wn, "data.noun", DY_WN_PROPER);
    read_wn_data(&words, wn, "data.adj", DY_WN_PROPER_ADJ);
    read_wn_exc(&words, wn, "noun.exc", DY_WN_PLURAL);
    read_wn_exc(&words, wn, "verb.exc", DY_WN_VERB_FORM);
    read_wn_phrasal(&words, wn);
    read_wn_phrasal_exc(&words, wn);

    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        map_get(&words, kinds[i].w, strlen(kinds[i].w))->kind = kinds[i].kind;

    /* tag priors over every Treebank token */
    double tag_total[DY_TAG_COUNT] = {0}, all = 0;
    for (size_t i = 0; i < words.n; i++)
        for (int t = 0; t < DY_TAG_COUNT; t++) {
            tag_total[t] += words.items[i]->counts[t];
            all += words.items[i]->counts[t];
        }
    double prior[DY_TAG_COUNT];
    for (int t = 0; t < DY_TAG_COUNT; t++)
        prior[t] = tag_total[t] / all;

    static sfx_map sm;
    build_suffixes(&words, &sm);

    qsort(words.items, words.n, sizeof *words.items, word_cmp);
    for (size_t i = 1; i < words.n; i++)
        if (strcmp(words.items[i - 1]->text, words.items[i]->text) == 0)
            die("duplicate word \"%s\"", words.items[i]->text);

    FILE *o = stdout;
    fprintf(o, "/* Generated by tools/gen_lexicon from %s/{words,tags}.yml and\n"
               " * %s (WordNet). Do not edit; see lib/tag/lexicon.h. */\n",
            lingua, wn);
    fprintf(o, "#include \"tag/lexicon.h\"\n\n");
    fprintf(o, "/* The word pool is one long string literal. */\n"
               "#pragma GCC diagnostic ignored \"-Woverlength-strings\"\n\n");
    fprintf(o, "_Static_assert(DY_TAG_COUNT == %d, \"tag set changed: rebuild the lexicon\");\n\n",
            (int)DY_TAG_COUNT);

    /* pool */
    fprintf(o, "const char dy_lex_pool[] =");
    size_t off = 0;
    uint32_t *offsets = xmalloc(words.n * sizeof *offsets);
    for (size_t i = 0; i < words.n; i++) {
        if (i % 8 == 0)
            fprintf(o, "\n    \"");
        print_cstr(o, words.items[i]->text, words.items[i]->len);
        fprintf(o, "\\000");   /* three digits: a following digit is not swallowed */
        offsets[i] = (uint32_t)off;
        off += words.items[i]->len + 1;
        if (i % 8 == 7 || i + 1 == words.n)
            fprintf(o, "\"");
    }
    fprintf(o, ";\nconst uint32_t dy_lex_pool_size = %zu;\n\n", off);

    /* tags of each word */
    fprintf(o, "const dy_lex_tag dy_lex_tags[] = {\n");
    uint32_t *first_tag = xmalloc(words.n * sizeof *first_tag);
    uint8_t *n_tags = xmalloc(words.n);
    uint32_t n_tag_rows = 0;
    size_t with_tags = 0;
    for (size_t i = 0; i < words.n; i++) {
        word *w = words.items[i];
        first_tag[i] = n_tag_rows;
        if (w->total == 0)
            continue;
        with_tags++;
        tag_share sh[DY_TAG_COUNT];
        int k = 0;
        double kept = 0;
        for (int t = 0; t < DY_TAG_COUNT; t++)
            if (w->counts[t] && w->counts[t] >= KEEP_SHARE * w->total) {
                sh[k].tag = (uint8_t)t;
                sh[k].p = w->counts[t];
                k++;
            }
        qsort(sh, (size_t)k, sizeof sh[0], share_desc);
        if (k > MAX_WORD_TAGS)
            k = MAX_WORD_TAGS;
        for (int j = 0; j < k; j++)
            kept += sh[j].p;
        fprintf(o, "   ");
        for (int j = 0; j < k; j++) {
            fprintf(o, " {%d, ", sh[j].tag);
            print_float(o, log(sh[j].p / kept) - log(prior[sh[j].tag]));
            fprintf(o, "},");
        }
        fprintf(o, " /* %zu */\n", i);
        n_tags[i] = (uint8_t)k;
        n_tag_rows += (uint32_t)k;
    }
    fprintf(o, "};\n\n");

    /* the packed fields of dy_lex_word must hold their values */
    if (off >= (1u << 21))
        die("word pool of %zu bytes exceeds dy_lex_word.text (21 bits)", off);
    if (n_tag_rows >= (1u << 16))
        die("%u tag entries exceed dy_lex_word.tags (16 bits)", n_tag_rows);
    if (words.n + 1 >= (1u << DY_LEX_INDEX_BITS))
        die("%zu words exceed DY_LEX_INDEX_BITS", words.n);
    fprintf(o, "const uint32_t dy_lex_word_count = %zu;\n\n", words.n);
    fprintf(o, "/* text, n_tags, kind, tags, wn, lcount */\n");
    fprintf(o, "const dy_lex_word dy_lex_words[] = {\n");
    for (size_t i = 0; i < words.n; i++) {
        word *w = words.items[i];
        long lc = w->total ? lround(16.0 * log2(1.0 + w->total)) : 0;
        if (lc > 255)
            lc = 255;
        fprintf(o, "    {%u, %u, %u, %u, %u, %ld},\n", offsets[i], n_tags[i], w->kind,
                first_tag[i], w->wn, lc);
    }
    fprintf(o, "    {%zu, 0, 0, 0, 0, 0}, /* end marker: dy_lex_len() */\n", off);
    fprintf(o, "};\n\n");

    /* at most two thirds full (half full for most sizes) */
    size_t nslots = pow2_at_least(words.n * 3 / 2);
    if (nslots > (1u << DY_LEX_INDEX_BITS))
        die("hash table of %zu slots: widen DY_LEX_INDEX_BITS", nslots);
    uint32_t *slots = xmalloc(nslots * sizeof *slots);
    const uint32_t index_mask = (1u << DY_LEX_INDEX_BITS) - 1;
    for (size_t i = 0; i < words.n; i++) {
        uint32_t hv = dy_lex_hash(words.items[i]->text, words.items[i]->len);
        size_t h = hv & (nslots - 1);
        while (slots[h])
            h = (h + 1) & (nslots - 1);
        slots[h] = (uint32_t)(i + 1) | (hv & ~index_mask);
    }
    fprintf(o, "const uint32_t dy_lex_slot_mask = %zu;\n", nslots - 1);
    fprintf(o, "const uint32_t dy_lex_slots[] = {");
    for (size_t i = 0; i < nslots; i++)
        fprintf(o, "%s%uu,", i % 12 ? " " : "\n    ", slots[i]);
    fprintf(o, "\n};\n\n");

    /* priors and transitions */
    fprintf(o, "const float dy_lex_tag_logp[DY_TAG_COUNT] = {");
    for (int t = 0; t < DY_TAG_COUNT; t++) {
        fprintf(o, "%s", t % 8 ? " " : "\n    ");
        print_float(o, prior[t] > 0 ? log(prior[t]) : LOGP_NEVER);
        fprintf(o, ",");
    }
    fprintf(o, "\n};\n\n");
    fprintf(o, "const float dy_lex_trans[DY_TAG_COUNT][DY_TAG_COUNT] = {\n");
    for (int p = 0; p < DY_TAG_COUNT; p++) {
        fprintf(o, "    { /* after %s */", dy_tag_name((uint8_t)p)[0] ? dy_tag_name((uint8_t)p) : "none");
        for (int t = 0; t < DY_TAG_COUNT; t++) {
            double v = trans.seen[p] ? (1 - LAMBDA) * trans.p[p][t] + LAMBDA * prior[t] : prior[t];
            fprintf(o, "%s", t % 8 ? " " : "\n        ");
            print_float(o, v > 0 ? log(v) : LOGP_NEVER);
            fprintf(o, ",");
        }
        fprintf(o, "\n    },\n");
    }
    fprintf(o, "};\n\n");

    /* suffix model */
    size_t n_sfx = 0, sfx_rows = 0;
    fprintf(o, "const dy_lex_share dy_lex_sfx_tags[] = {\n");
    uint32_t *sfx_first = xmalloc(sm.n * sizeof *sfx_first);
    uint8_t *sfx_ntags = xmalloc(sm.n);
    for (size_t i = 0; i < sm.n; i++) {
        sfx *e = sm.items[i];
        if (!e->keep)
            continue;
        tag_share sh[DY_TAG_COUNT];
        int k = 0;
        for (int t = 0; t < DY_TAG_COUNT; t++)
            if (e->p[t] >= SUFFIX_MIN_P) {
                sh[k].tag = (uint8_t)t;
                sh[k].p = e->p[t];
                k++;
            }
        qsort(sh, (size_t)k, sizeof sh[0], share_desc);
        if (k > MAX_SUFFIX_TAGS)
            k = MAX_SUFFIX_TAGS;
        sfx_first[i] = (uint32_t)sfx_rows;
        sfx_ntags[i] = (uint8_t)k;
        fprintf(o, "   ");
        for (int j = 0; j < k; j++) {
            fprintf(o, " {%d, ", sh[j].tag);
            print_float(o, sh[j].p);
            fprintf(o, "},");
        }
        fprintf(o, " /* \"");
        print_cstr(o, e->key, e->len);
        fprintf(o, "\" %g words */\n", e->n);
        sfx_rows += (size_t)k;
        n_sfx++;
    }
    fprintf(o, "};\n\n");
    fprintf(o, "const char dy_lex_sfx_pool[] =");
    size_t soff = 0, j = 0;
    uint32_t *sfx_off = xmalloc(sm.n * sizeof *sfx_off);
    for (size_t i = 0; i < sm.n; i++) {
        sfx *e = sm.items[i];
        if (!e->keep)
            continue;
        if (j % 8 == 0)
            fprintf(o, "\n    \"");
        print_cstr(o, e->key, e->len);
        fprintf(o, "\\000");   /* three digits: a following digit is not swallowed */
        sfx_off[i] = (uint32_t)soff;
        soff += e->len + 1;
        j++;
        if (j % 8 == 0 || j == n_sfx)
            fprintf(o, "\"");
    }
    fprintf(o, ";\n\n");
    fprintf(o, "const uint32_t dy_lex_suffix_count = %zu;\n", n_sfx);
    fprintf(o, "const dy_lex_suffix dy_lex_suffixes[] = {\n");
    size_t snslots = pow2_at_least(n_sfx * 2);
    uint32_t *sslots = xmalloc(snslots * sizeof *sslots);
    j = 0;
    for (size_t i = 0; i < sm.n; i++) {
        sfx *e = sm.items[i];
        if (!e->keep)
            continue;
        fprintf(o, "    {%u, %u, %u, %zu},\n", sfx_off[i], sfx_first[i], sfx_ntags[i], e->len);
        size_t h = dy_lex_hash(e->key, e->len) & (snslots - 1);
        while (sslots[h])
            h = (h + 1) & (snslots - 1);
        sslots[h] = (uint32_t)(++j);
    }
    fprintf(o, "};\n\n");
    fprintf(o, "const uint32_t dy_lex_sfx_slot_mask = %zu;\n", snslots - 1);
    fprintf(o, "const uint32_t dy_lex_sfx_slots[] = {");
    for (size_t i = 0; i < snslots; i++)
        fprintf(o, "%s%u,", i % 16 ? " " : "\n    ", sslots[i]);
    fprintf(o, "\n};\n");

    if (fflush(o) || ferror(o))
        die("write error");
    fprintf(stderr, "gen_lexicon: %zu words (%zu with Treebank tags, %u tag entries), "
            "%zu suffixes (%zu tag entries)\n", words.n, with_tags, n_tag_rows, n_sfx, sfx_rows);
    return 0;
}

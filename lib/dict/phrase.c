/* phrase.c -- see phrase.h. */
#include "phrase.h"

#include <stdlib.h>
#include <string.h>

static bool is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Grows *p (of element size `size`) so that it holds at least `need`
 * elements; doubling keeps the number of reallocations logarithmic. */
static bool grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return true;
    size_t ncap = *cap ? *cap : 64;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / size)
            return false;
        ncap *= 2;
    }
    void *np = realloc(*p, ncap * size);
    if (!np)
        return false;
    *p = np;
    *cap = ncap;
    return true;
}

/* ------------------------------------------------------------------ */
/* Parsing                                                             */
/* ------------------------------------------------------------------ */

dy_phrase_status dy_phrase_parse(dy_intern *words, const char *s, size_t n,
                                 dy_phrase_words *out, unsigned *repairs,
                                 unsigned char *bad_byte)
{
    char word[DY_PHRASE_MAX_WORD_BYTES];
    out->n = 0;
    out->no_stem = false;
    *repairs = 0;
    size_t i = 0;
    bool gap_before = false;
    while (i < n) {
        /* A run of separators before the next word. */
        bool run_blank = false, run_underscore = false;
        size_t run_len = 0;
        while (i < n && (s[i] == '_' || is_blank((unsigned char)s[i]))) {
            if (s[i] == '_')
                run_underscore = true;
            else
                run_blank = true;
            run_len++;
            i++;
        }
        if (i == n) {
            /* Trailing separators: '_' is the no-stem marker ("X__" and
             * "X _" occur too and can mean nothing else). */
            out->no_stem = run_underscore;
            break;
        }
        if (run_len > 0) {
            if (out->n == 0 && run_underscore)
                *repairs |= DY_PHRASE_ODD_SEPARATOR;   /* leading '_' */
            else if (run_underscore && (run_blank || run_len > 1))
                *repairs |= DY_PHRASE_ODD_SEPARATOR;   /* "_ ", "__", " _" */
        }
        gap_before = run_blank;

        /* The word itself. */
        size_t w = 0;
        while (i < n && s[i] != '_' && !is_blank((unsigned char)s[i])) {
            unsigned char c = (unsigned char)s[i];
            if (c < 0x20 || c == 0x7f) {
                *bad_byte = c;
                return DY_PHRASE_CONTROL_CHAR;
            }
            if (w == sizeof word)
                return DY_PHRASE_TOO_LONG;
            word[w++] = (char)dy_ascii_upper(c);
            i++;
        }
        if (out->n == DY_PHRASE_MAX_WORDS)
            return DY_PHRASE_TOO_LONG;
        uint32_t id = dy_intern_add(words, word, w);
        if (id == 0)
            return DY_PHRASE_NOMEM;
        out->id[out->n] = id;
        out->gap[out->n] = out->n > 0 && gap_before;
        out->n++;
    }
    return out->n ? DY_PHRASE_OK : DY_PHRASE_EMPTY;
}

/* ------------------------------------------------------------------ */
/* Word phrases                                                        */
/* ------------------------------------------------------------------ */

/* Pool entries are word ids with this bit set when intervening words are
 * allowed before the word; intern ids never come near 2^31. */
#define GAP_BIT 0x80000000u
#define ID_MASK 0x7fffffffu

typedef struct phrase_rec {
    uint32_t words_off;     /* first word in the pool */
    uint32_t payload;
    int32_t line;
    uint8_t n;              /* words */
    bool no_stem;           /* written with a final '_' */
    bool dropped;
} phrase_rec;

typedef struct sort_key {
    uint32_t first;
    uint32_t length;        /* PETRARCH's pattern length: words + no_stem */
    uint32_t index;
} sort_key;

struct dy_wordphrases {
    uint32_t *pool;
    size_t pool_n, pool_cap;
    phrase_rec *rec;
    size_t n, cap;
    size_t live;

    /* Finds the kept copy of an identical phrase: open addressing over
     * phrase index + 1. */
    uint32_t *dup_slots;
    size_t dup_mask;

    /* Built by finish: phrase indices by first word (CSR), longest first. */
    uint32_t *order;
    uint32_t *bucket_start;     /* max_first + 2 entries */
    uint32_t max_first;
    bool finished;
};

dy_wordphrases *dy_wordphrases_create(void)
{
    dy_wordphrases *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->dup_mask = 1023;
    t->dup_slots = calloc(t->dup_mask + 1, sizeof *t->dup_slots);
    if (!t->dup_slots) {
        free(t);
        return NULL;
    }
    return t;
}

void dy_wordphrases_free(dy_wordphrases *t)
{
    if (!t)
        return;
    free(t->pool);
    free(t->rec);
    free(t->dup_slots);
    free(t->order);
    free(t->bucket_start);
    free(t);
}

static uint64_t phrase_hash(const uint32_t *w, size_t n)
{
    return dy_hash_bytes(w, n * sizeof *w);
}

static bool same_words(const dy_wordphrases *t, const phrase_rec *r,
                       const uint32_t *w, size_t n)
{
    return r->n == n && memcmp(t->pool + r->words_off, w, n * sizeof *w) == 0;
}

static bool grow_dup_slots(dy_wordphrases *t)
{
    size_t nsize = (t->dup_mask + 1) * 2;
    uint32_t *ns = calloc(nsize, sizeof *ns);
    if (!ns)
        return false;
    for (size_t k = 0; k <= t->dup_mask; k++) {
        uint32_t v = t->dup_slots[k];
        if (!v)
            continue;
        const phrase_rec *r = &t->rec[v - 1];
        size_t h = (size_t)phrase_hash(t->pool + r->words_off, r->n) & (nsize - 1);
        while (ns[h])
            h = (h + 1) & (nsize - 1);
        ns[h] = v;
    }
    free(t->dup_slots);
    t->dup_slots = ns;
    t->dup_mask = nsize - 1;
    return true;
}

long dy_wordphrases_add(dy_wordphrases *t, const dy_phrase_words *p,
                        uint32_t payload, long line, dy_phrase_clash *clash)
{
    clash->kept = clash->dropped = -1;
    if (p->n == 0 || p->n > DY_PHRASE_MAX_WORDS || t->n >= UINT32_MAX - 1)
        return -1;
    if (!grow((void **)&t->pool, &t->pool_cap, t->pool_n + p->n, sizeof *t->pool) ||
        !grow((void **)&t->rec, &t->cap, t->n + 1, sizeof *t->rec))
        return -1;
    if ((t->n + 1) * 2 > t->dup_mask + 1 && !grow_dup_slots(t))
        return -1;

    uint32_t *w = t->pool + t->pool_n;
    for (size_t i = 0; i < p->n; i++)
        w[i] = (p->id[i] & ID_MASK) | (p->gap[i] ? GAP_BIT : 0);

    size_t h = (size_t)phrase_hash(w, p->n) & t->dup_mask;
    long rival = -1;
    for (;;) {
        uint32_t v = t->dup_slots[h];
        if (v == 0)
            break;
        if (same_words(t, &t->rec[v - 1], w, p->n)) {
            rival = (long)(v - 1);
            break;
        }
        h = (h + 1) & t->dup_mask;
    }

    long index = (long)t->n;
    t->rec[t->n] = (phrase_rec){
        .words_off = (uint32_t)t->pool_n,
        .payload = payload,
        .line = line > INT32_MAX ? INT32_MAX : (int32_t)line,
        .n = (uint8_t)p->n,
        .no_stem = p->no_stem,
        .dropped = false,
    };
    t->n++;
    t->pool_n += p->n;
    t->live++;
    t->finished = false;

    if (rival < 0) {
        t->dup_slots[h] = (uint32_t)index + 1;
    } else {
        /* PETRARCH's sort puts the copy with a final '_' first; between
         * equals its stable sort keeps the older one first. */
        bool newer_wins = p->no_stem && !t->rec[rival].no_stem;
        clash->kept = newer_wins ? index : rival;
        clash->dropped = newer_wins ? rival : index;
        t->rec[clash->dropped].dropped = true;
        t->live--;
        t->dup_slots[h] = (uint32_t)clash->kept + 1;
    }
    return index;
}

uint32_t dy_wordphrases_payload(const dy_wordphrases *t, long index)
{
    return (index >= 0 && (size_t)index < t->n) ? t->rec[index].payload : 0;
}

long dy_wordphrases_line(const dy_wordphrases *t, long index)
{
    return (index >= 0 && (size_t)index < t->n) ? t->rec[index].line : 0;
}

void dy_wordphrases_format(const dy_wordphrases *t, const dy_intern *words,
                           long index, char *buf, size_t cap)
{
    if (cap == 0)
        return;
    buf[0] = '\0';
    if (index < 0 || (size_t)index >= t->n)
        return;
    const phrase_rec *r = &t->rec[index];
    size_t k = 0;
    for (size_t i = 0; i < r->n; i++) {
        uint32_t v = t->pool[r->words_off + i];
        const char *s = dy_intern_str(words, v & ID_MASK);
        size_t len = strlen(s);
        size_t need = len + (i > 0);
        if (k + need + 1 > cap) {
            /* Truncate with an ellipsis when there is room for one. */
            if (cap >= 4) {
                k = k + 4 > cap ? cap - 4 : k;
                memcpy(buf + k, "...", 3);
                k += 3;
            }
            break;
        }
        if (i > 0)
            buf[k++] = (v & GAP_BIT) ? ' ' : '_';
        memcpy(buf + k, s, len);
        k += len;
        if (i + 1 == r->n && r->no_stem && k + 2 <= cap)
            buf[k++] = '_';
    }
    buf[k] = '\0';
}

static int compare_keys(const void *pa, const void *pb)
{
    const sort_key *a = pa, *b = pb;
    if (a->first != b->first)
        return a->first < b->first ? -1 : 1;
    if (a->length != b->length)
        return a->length > b->length ? -1 : 1;  /* longest first */
    return a->index < b->index ? -1 : (a->index > b->index); /* then oldest */
}

int dy_wordphrases_finish(dy_wordphrases *t)
{
    free(t->order);
    free(t->bucket_start);
    t->order = NULL;
    t->bucket_start = NULL;
    t->max_first = 0;
    t->finished = false;

    sort_key *keys = malloc((t->live ? t->live : 1) * sizeof *keys);
    if (!keys)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < t->n; i++) {
        const phrase_rec *r = &t->rec[i];
        if (r->dropped)
            continue;
        uint32_t first = t->pool[r->words_off] & ID_MASK;
        keys[k++] = (sort_key){first, (uint32_t)r->n + r->no_stem, (uint32_t)i};
        if (first > t->max_first)
            t->max_first = first;
    }
    qsort(keys, k, sizeof *keys, compare_keys);

    t->order = malloc((k ? k : 1) * sizeof *t->order);
    t->bucket_start = calloc((size_t)t->max_first + 2, sizeof *t->bucket_start);
    if (!t->order || !t->bucket_start) {
        free(keys);
        return -1;
    }
    /* Counting pass, then prefix sums: bucket_start[w]..bucket_start[w+1]
     * are the positions in `order` of the phrases starting with word w. */
    for (size_t i = 0; i < k; i++) {
        t->order[i] = keys[i].index;
        t->bucket_start[keys[i].first + 1]++;
    }
    for (size_t w = 1; w <= (size_t)t->max_first + 1; w++)
        t->bucket_start[w] += t->bucket_start[w - 1];
    free(keys);
    t->finished = true;
    return 0;
}

size_t dy_wordphrases_count(const dy_wordphrases *t)
{
    return t ? t->live : 0;
}

bool dy_wordphrases_match(const dy_wordphrases *t, const uint32_t *words,
                          size_t n, size_t pos, size_t *len, uint32_t *payload)
{
    if (!t || !t->finished || !words || pos >= n)
        return false;
    uint32_t first = words[pos];
    if (first == 0 || first > t->max_first)
        return false;
    for (uint32_t k = t->bucket_start[first]; k < t->bucket_start[first + 1]; k++) {
        const phrase_rec *r = &t->rec[t->order[k]];
        const uint32_t *pw = t->pool + r->words_off;
        size_t at = pos + 1;
        bool ok = true;
        /* Greedy, like PETRARCH: each word takes its first occurrence; a
         * failure is not retried with a later occurrence of an earlier word. */
        for (size_t i = 1; i < r->n && ok; i++) {
            uint32_t id = pw[i] & ID_MASK;
            if (pw[i] & GAP_BIT) {
                while (at < n && words[at] != id)
                    at++;
            }
            if (at < n && words[at] == id)
                at++;
            else
                ok = false;
        }
        if (ok) {
            *len = at - pos;
            *payload = r->payload;
            return true;
        }
    }
    return false;
}

/* ------------------------------------------------------------------ */
/* Text phrases                                                        */
/* ------------------------------------------------------------------ */

typedef struct trie_node {
    uint32_t first_child, next_sibling;   /* 0: none */
    int32_t payload;                      /* -1: no phrase ends here */
    unsigned char ch;
} trie_node;

struct dy_texttrie {
    trie_node *nodes;          /* nodes[0] is unused so that 0 means "none" */
    size_t n, cap;
    uint32_t root_child[256];  /* the first byte is looked up directly */
};

dy_texttrie *dy_texttrie_create(void)
{
    dy_texttrie *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    if (!grow((void **)&t->nodes, &t->cap, 1, sizeof *t->nodes)) {
        free(t);
        return NULL;
    }
    t->nodes[0] = (trie_node){0, 0, -1, 0};
    t->n = 1;
    return t;
}

void dy_texttrie_free(dy_texttrie *t)
{
    if (!t)
        return;
    free(t->nodes);
    free(t);
}

static uint32_t find_child(const dy_texttrie *t, uint32_t node, unsigned char c)
{
    if (node == 0)
        return t->root_child[c];
    for (uint32_t k = t->nodes[node].first_child; k; k = t->nodes[k].next_sibling)
        if (t->nodes[k].ch == c)
            return k;
    return 0;
}

static uint32_t add_child(dy_texttrie *t, uint32_t node, unsigned char c)
{
    if (t->n >= UINT32_MAX || !grow((void **)&t->nodes, &t->cap, t->n + 1, sizeof *t->nodes))
        return 0;
    uint32_t k = (uint32_t)t->n++;
    t->nodes[k] = (trie_node){0, 0, -1, c};
    if (node == 0) {
        t->root_child[c] = k;
    } else {
        t->nodes[k].next_sibling = t->nodes[node].first_child;
        t->nodes[node].first_child = k;
    }
    return k;
}

int32_t *dy_texttrie_insert(dy_texttrie *t, const char *s, size_t n)
{
    uint32_t node = 0;
    size_t i = 0;
    while (i < n && is_blank((unsigned char)s[i]))
        i++;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (is_blank(c)) {
            while (i < n && is_blank((unsigned char)s[i]))
                i++;
            if (i == n)
                break;              /* trailing blanks */
            c = ' ';
        } else {
            c = dy_ascii_upper(c);
            i++;
        }
        uint32_t next = find_child(t, node, c);
        if (!next && !(next = add_child(t, node, c)))
            return NULL;
        node = next;
    }
    return node ? &t->nodes[node].payload : NULL;
}

void dy_texttrie_scan(const dy_texttrie *t, const char *text, size_t len,
                      dy_texttrie_visit visit, void *ctx)
{
    if (!t || !text)
        return;
    const unsigned char *u = (const unsigned char *)text;
    for (size_t i = 0; i < len; i++) {
        if (is_blank(u[i]))
            continue;
        if (i > 0 && dy_is_word_byte(u[i - 1]) && dy_is_word_byte(u[i]))
            continue;               /* inside a word */
        uint32_t node = t->root_child[dy_ascii_upper(u[i])];
        size_t j = i + 1;
        while (node) {
            if (t->nodes[node].payload >= 0 &&
                !visit(ctx, t->nodes[node].payload, i, j))
                return;
            if (j >= len)
                break;
            unsigned char c = u[j];
            size_t next_j = j + 1;
            if (is_blank(c)) {
                while (next_j < len && is_blank(u[next_j]))
                    next_j++;
                if (next_j >= len)
                    break;          /* phrases never end in a blank */
                c = ' ';
            } else {
                c = dy_ascii_upper(c);
            }
            node = find_child(t, node, c);
            j = next_j;
        }
    }
}

size_t dy_text_normalise(char *dst, size_t cap, const char *s, size_t n)
{
    if (cap == 0)
        return 0;
    size_t k = 0, i = 0;
    while (i < n && is_blank((unsigned char)s[i]))
        i++;
    while (i < n && k + 1 < cap) {
        unsigned char c = (unsigned char)s[i];
        if (is_blank(c)) {
            while (i < n && is_blank((unsigned char)s[i]))
                i++;
            if (i == n)
                break;
            dst[k++] = ' ';
        } else {
            dst[k++] = (char)dy_ascii_upper(c);
            i++;
        }
    }
    dst[k] = '\0';
    return k;
}

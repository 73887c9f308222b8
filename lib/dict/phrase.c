/* phrase.c -- see phrase.h. */
#include "phrase.h"

#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__) && !defined(DY_PHRASE_NO_SIMD)
#include <emmintrin.h>
#endif

static const bool blank_byte[256] = {
    [' '] = true, ['\t'] = true, ['\n'] = true, ['\r'] = true, ['\f'] = true, ['\v'] = true,
};

static inline bool is_blank(unsigned char c)
{
    return blank_byte[c];
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

/* The index finish builds: a trie over the phrases' words.  A node stands
 * for a phrase prefix; an edge is a word together with its connector (the
 * pool entry, GAP_BIT included), so "A_B" and "A B" part after A.  Nodes
 * one word deep are found by word id in first_node[], deeper ones through
 * a hash table of edges (parent, word) -> child.  A node also lists its gap
 * edges, since such an edge is followed by searching the sentence for its
 * word rather than by looking up the next word.
 *
 * Ranks number the phrases by first word, then in the order PETRARCH tries
 * the phrases of a first word (longest first, then oldest).
 * The phrase that PETRARCH's linear scan would pick is the one of smallest
 * rank among those whose greedy match succeeds, which is what the walk
 * finds; sub_min lets it skip subtrees that cannot beat what it has. */
typedef struct wp_node {
    uint64_t consec;        /* a bit (consec_bit()) per edge without a gap; 0: none */
    uint32_t term;          /* rank + 1 of the phrase ending here; 0: none */
    uint32_t sub_min;       /* smallest rank of a phrase ending in the subtree */
    uint32_t gap_first;     /* gap edges: gaps[gap_first .. gap_first + gap_n) */
    uint32_t gap_n;
} wp_node;

static inline uint64_t consec_bit(uint32_t word)
{
    return (uint64_t)1 << ((word * 0x9E3779B97F4A7C15ull) >> 58);
}

typedef struct wp_edge {
    uint32_t parent;        /* 0: empty slot */
    uint32_t word;          /* pool entry: id | GAP_BIT */
    uint32_t child;
} wp_edge;

typedef struct wp_gap {
    uint32_t word;          /* id, without GAP_BIT */
    uint32_t child;
} wp_gap;

struct dy_wordphrases {
    dy_wordphrases_head head;   /* first_node, n_first: see below */
    uint32_t *pool;
    size_t pool_n, pool_cap;
    phrase_rec *rec;
    size_t n, cap;
    size_t live;

    /* Finds the kept copy of an identical phrase: open addressing over
     * phrase index + 1. */
    uint32_t *dup_slots;
    size_t dup_mask;

    /* Built by finish (see wp_node above), with head.first_node (word id ->
     * node, head.n_first entries); n_first is 0 before that, so that a
     * lookup then finds nothing. */
    uint32_t *rank_payload;     /* rank -> payload */
    wp_node *nodes;             /* nodes[0] unused: 0 means "none" */
    size_t n_nodes;
    wp_edge *edges;
    size_t edge_mask;
    unsigned edge_shift;
    wp_gap *gaps;
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
    free(t->rank_payload);
    free(t->head.first_node);
    free(t->nodes);
    free(t->edges);
    free(t->gaps);
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
    t->head.n_first = 0;             /* finish again before matching */

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

static void free_index(dy_wordphrases *t)
{
    free(t->rank_payload);
    free(t->head.first_node);
    free(t->nodes);
    free(t->edges);
    free(t->gaps);
    t->rank_payload = NULL;
    t->head.first_node = NULL;
    t->nodes = NULL;
    t->edges = NULL;
    t->gaps = NULL;
    t->head.n_first = 0;
    t->n_nodes = 0;
}

static inline size_t edge_slot(const dy_wordphrases *t, uint32_t parent, uint32_t word)
{
    uint64_t k = ((uint64_t)parent << 32 | word) * 0x9E3779B97F4A7C15ull;
    return (size_t)(k >> t->edge_shift);
}

static inline uint32_t edge_find(const dy_wordphrases *t, uint32_t parent, uint32_t word)
{
    for (size_t h = edge_slot(t, parent, word);; h = (h + 1) & t->edge_mask) {
        const wp_edge *e = &t->edges[h];
        if (e->parent == parent && e->word == word)
            return e->child;
        if (e->parent == 0)
            return 0;
    }
}

static uint32_t new_node(dy_wordphrases *t, uint32_t rank)
{
    uint32_t k = (uint32_t)t->n_nodes++;
    t->nodes[k] = (wp_node){0, 0, rank, 0, 0};
    return k;
}

int dy_wordphrases_finish(dy_wordphrases *t)
{
    free_index(t);

    size_t n_words = 0;
    uint32_t max_first = 0;
    for (size_t i = 0; i < t->n; i++) {
        const phrase_rec *r = &t->rec[i];
        if (r->dropped)
            continue;
        n_words += r->n;
        uint32_t first = t->pool[r->words_off] & ID_MASK;
        if (first > max_first)
            max_first = first;
    }
    if (n_words >= UINT32_MAX || max_first >= UINT32_MAX - 1)
        return -1;

    /* PETRARCH's order: by first word, then longest first, then oldest --
     * a stable counting sort by length, longest first, then a stable one by
     * first word. */
    size_t k = t->live;
    sort_key *keys = malloc((k ? k : 1) * sizeof *keys);
    sort_key *by_len = malloc((k ? k : 1) * sizeof *by_len);
    uint32_t *count = calloc((size_t)max_first + 2 > DY_PHRASE_MAX_WORDS + 2
                                 ? (size_t)max_first + 2 : DY_PHRASE_MAX_WORDS + 2,
                             sizeof *count);
    if (!keys || !by_len || !count) {
        free(keys);
        free(by_len);
        free(count);
        return -1;
    }
    for (size_t i = 0; i < t->n; i++)
        if (!t->rec[i].dropped)
            count[DY_PHRASE_MAX_WORDS + 1 - (t->rec[i].n + t->rec[i].no_stem)]++;
    for (size_t l = 0, at = 0; l <= DY_PHRASE_MAX_WORDS + 1; l++) {
        uint32_t c = count[l];
        count[l] = (uint32_t)at;
        at += c;
    }
    for (size_t i = 0; i < t->n; i++) {
        const phrase_rec *r = &t->rec[i];
        if (!r->dropped)
            by_len[count[DY_PHRASE_MAX_WORDS + 1 - (r->n + r->no_stem)]++] =
                (sort_key){t->pool[r->words_off] & ID_MASK, (uint32_t)r->n + r->no_stem,
                           (uint32_t)i};
    }
    memset(count, 0, ((size_t)max_first + 2) * sizeof *count);
    for (size_t i = 0; i < k; i++)
        count[by_len[i].first]++;
    for (size_t w = 0, at = 0; w <= (size_t)max_first; w++) {
        uint32_t c = count[w];
        count[w] = (uint32_t)at;
        at += c;
    }
    for (size_t i = 0; i < k; i++)
        keys[count[by_len[i].first]++] = by_len[i];
    free(by_len);
    free(count);

    /* At most one edge per word after the first, at most one node per word. */
    size_t n_edges = n_words - k, edge_cap = 16;
    unsigned bits = 4;
    while (edge_cap / 4 * 3 < n_edges) {        /* at most 3/4 full */
        edge_cap *= 2;
        bits++;
    }
    t->rank_payload = malloc((k ? k : 1) * sizeof *t->rank_payload);
    t->head.first_node = calloc((size_t)max_first + 1, sizeof *t->head.first_node);
    t->nodes = malloc((n_words + 1) * sizeof *t->nodes);
    t->edges = calloc(edge_cap, sizeof *t->edges);
    if (!t->rank_payload || !t->head.first_node || !t->nodes || !t->edges) {
        free(keys);
        free_index(t);
        return -1;
    }
    t->edge_mask = edge_cap - 1;
    t->edge_shift = 64 - bits;
    t->nodes[0] = (wp_node){0, 0, UINT32_MAX, 0, 0};
    t->n_nodes = 1;

    /* Phrases go in by rank, so the phrase that creates a node has the
     * smallest rank in its subtree. */
    size_t n_gaps = 0;
    for (size_t r = 0; r < k; r++) {
        uint32_t rank = (uint32_t)r;
        const phrase_rec *pr = &t->rec[keys[r].index];
        t->rank_payload[r] = pr->payload;
        const uint32_t *pw = t->pool + pr->words_off;
        uint32_t node = t->head.first_node[keys[r].first];
        if (!node)
            node = t->head.first_node[keys[r].first] = new_node(t, rank);
        for (size_t i = 1; i < pr->n; i++) {
            uint32_t child = 0;
            size_t h = edge_slot(t, node, pw[i]);
            for (;; h = (h + 1) & t->edge_mask) {
                wp_edge *e = &t->edges[h];
                if (e->parent == 0) {
                    child = new_node(t, rank);
                    *e = (wp_edge){node, pw[i], child};
                    if (pw[i] & GAP_BIT) {
                        t->nodes[node].gap_n++;
                        n_gaps++;
                    } else {
                        t->nodes[node].consec |= consec_bit(pw[i]);
                    }
                    break;
                }
                if (e->parent == node && e->word == pw[i]) {
                    child = e->child;
                    break;
                }
            }
            node = child;
        }
        if (!t->nodes[node].term)   /* identical phrases were dropped on add */
            t->nodes[node].term = rank + 1;
    }
    free(keys);

    /* Each node's gap edges, side by side. */
    t->gaps = malloc((n_gaps ? n_gaps : 1) * sizeof *t->gaps);
    if (!t->gaps) {
        free_index(t);
        return -1;
    }
    size_t at = 0;
    for (size_t i = 1; i < t->n_nodes; i++) {
        t->nodes[i].gap_first = (uint32_t)at;
        at += t->nodes[i].gap_n;
        t->nodes[i].gap_n = 0;      /* counted again while filling */
    }
    for (size_t h = 0; h <= t->edge_mask; h++) {
        const wp_edge *e = &t->edges[h];
        if (e->parent && (e->word & GAP_BIT)) {
            wp_node *p = &t->nodes[e->parent];
            t->gaps[p->gap_first + p->gap_n++] = (wp_gap){e->word & ID_MASK, e->child};
        }
    }
    t->head.n_first = max_first + 1;
    return 0;
}

size_t dy_wordphrases_count(const dy_wordphrases *t)
{
    return t ? t->live : 0;
}

typedef struct wp_search {
    const dy_wordphrases *t;
    const uint32_t *words;
    size_t n;
    uint32_t best;          /* smallest rank matched so far, or UINT32_MAX */
    size_t best_end;        /* where its match ended */
} wp_search;

static void search(wp_search *s, uint32_t node, size_t at);

/* The gap edges of `nd`, whose words so far matched words[..at): a word
 * after a gap takes its first occurrence. */
static void search_gaps(wp_search *s, const wp_node *nd, size_t at)
{
    for (uint32_t g = 0; g < nd->gap_n; g++) {
        const wp_gap *e = &s->t->gaps[nd->gap_first + g];
        for (size_t k = at; k < s->n; k++) {
            if (s->words[k] == e->word) {
                search(s, e->child, k + 1);
                break;
            }
        }
    }
}

/* The phrases below `node`, whose words so far matched words[..at):
 * PETRARCH's greedy rule, in which a word after a gap takes its first
 * occurrence and a failure is not retried with a later occurrence of an
 * earlier word, makes each phrase's match a single path here.  Consecutive
 * words are followed in a loop, gap edges by recursion. */
static void search(wp_search *s, uint32_t node, size_t at)
{
    const dy_wordphrases *t = s->t;
    for (;;) {
        const wp_node *nd = &t->nodes[node];
        if (nd->sub_min >= s->best)
            return;
        if (nd->term && nd->term - 1 < s->best) {
            s->best = nd->term - 1;
            s->best_end = at;
            if (nd->sub_min >= s->best)
                return;
        }
        if (nd->gap_n)
            search_gaps(s, nd, at);
        if (at >= s->n || !(nd->consec & consec_bit(s->words[at])) ||
            !(node = edge_find(t, node, s->words[at])))
            return;
        at++;
    }
}

static inline dy_phrase_hit hit_of(const dy_wordphrases *t, uint32_t best, size_t best_end,
                                   size_t pos)
{
    if (best == UINT32_MAX)
        return 0;
    return (uint64_t)t->rank_payload[best] << 32 | (uint32_t)(best_end - pos);
}

/* dy_wordphrases_find_from() where a gap edge is on the way. */
__attribute__((noinline)) static dy_phrase_hit find_with_gaps(const dy_wordphrases *t,
                                                              const uint32_t *words, size_t n,
                                                              size_t pos)
{
    wp_search s = {t, words, n, UINT32_MAX, 0};
    search(&s, t->head.first_node[words[pos]], pos + 1);
    return hit_of(t, s.best, s.best_end, pos);
}

/* dy_wordphrases_find_from() past the first word: search() along
 * consecutive words, in registers. */
__attribute__((noinline)) static dy_phrase_hit find_deeper(const dy_wordphrases *t,
                                                           const uint32_t *words, size_t n,
                                                           size_t pos)
{
    uint32_t node = t->head.first_node[words[pos]];
    size_t at = pos + 1;
    uint32_t best = UINT32_MAX;
    size_t best_end = 0;
    for (;;) {
        const wp_node *nd = &t->nodes[node];
        if (nd->gap_n)
            return find_with_gaps(t, words, n, pos);
        if (nd->sub_min >= best)
            break;
        if (nd->term && nd->term - 1 < best) {
            best = nd->term - 1;
            best_end = at;
            if (nd->sub_min >= best)
                break;
        }
        if (at >= n || !(nd->consec & consec_bit(words[at])) ||
            !(node = edge_find(t, node, words[at])))
            break;
        at++;
    }
    return hit_of(t, best, best_end, pos);
}

dy_phrase_hit dy_wordphrases_find_from(const dy_wordphrases *t, const uint32_t *words, size_t n,
                                       size_t pos)
{
    /* Most searches end at the first word's node: look at it here. */
    const wp_node *nd = &t->nodes[t->head.first_node[words[pos]]];
    if (nd->gap_n)
        return find_with_gaps(t, words, n, pos);
    uint32_t best = nd->term - 1;       /* UINT32_MAX when no phrase ends here */
    if (nd->sub_min < best && pos + 1 < n && (nd->consec & consec_bit(words[pos + 1])))
        return find_deeper(t, words, n, pos);
    return hit_of(t, best, pos + 1, pos);
}

dy_phrase_hit dy_wordphrases_find(const dy_wordphrases *t, const uint32_t *words, size_t n,
                                  size_t pos)
{
    if (!t || !words || pos >= n || !dy_wordphrases_starts(t, words[pos]))
        return 0;
    return dy_wordphrases_find_from(t, words, n, pos);
}

bool dy_wordphrases_match(const dy_wordphrases *t, const uint32_t *words,
                          size_t n, size_t pos, size_t *len, uint32_t *payload)
{
    dy_phrase_hit hit = dy_wordphrases_find(t, words, n, pos);
    if (!dy_phrase_hit_len(hit))
        return false;
    *len = dy_phrase_hit_len(hit);
    *payload = dy_phrase_hit_payload(hit);
    return true;
}

/* ------------------------------------------------------------------ */
/* Text phrases                                                        */
/* ------------------------------------------------------------------ */

/* A byte trie: node 0 is the root; its children are found by byte in
 * root_child[], deeper ones in sibling lists.
 *
 * The scan seldom walks it byte by byte.  Most positions where a phrase may
 * begin are word starts, and there the text's word, uppercased and cut to
 * its first k = min(wt, K) bytes (wt: its length; K: see below), is a key:
 * `keys` maps it to the node of that path, from which the walk goes on.
 * Keys are paths of 1 to KEY_MAX word bytes, of two kinds:
 *   - END (the word ends after k = wt bytes): the nodes where a phrase
 *     ends or that go on with a byte that is not a word byte -- no other
 *     node can lead to a match when the text's word ends there;
 *   - PREFIX (the word is longer than k = K): every node 4 to 8 bytes deep.
 * That finds every phrase that can match at a word start:
 *   - a phrase whose first w bytes are word bytes and the next one is not
 *     matches only where the text's word is exactly those w bytes, so its
 *     path passes through the END node when w <= K, or through the PREFIX
 *     node when w > K;
 *   - a phrase of word bytes only (a stem) of L bytes matches where the
 *     word begins with it (L <= wt); its path passes through the key's
 *     node when L >= k.  A scan that wants only phrases ending at a word
 *     end (whole_words) needs no shorter ones, which end inside the word,
 *     so there K = KEY_MAX; otherwise K is the length of the shortest stem
 *     (at least KEY_PREFIX_MIN, at most KEY_MAX), and stems shorter than
 *     that are looked up by their own length (short_lens).
 * A word that follows a blank is looked up the same way by a whole-words
 * scan, with keys rooted at the node before the blank.
 *
 * Bloom bits in front of the keys make most words cost a hash and one
 * memory read (see scan_segment). */
typedef struct tt_node {
    uint32_t first_child, next_sibling;     /* 0: none */
    int32_t payload;                        /* -1: no phrase ends here */
    unsigned char ch;
    /* For a node of a path of 4 to 7 word bytes: bit L set when a phrase
     * of L word bytes (L < KEY_MAX) is below it. */
    unsigned char stems_below;
} tt_node;

typedef struct tt_key {
    uint64_t key;           /* the path's bytes, the first in the low byte, then zeros */
    uint32_t node;          /* 0: empty slot */
    uint32_t meta;          /* key_meta(root, kind) */
} tt_key;

#define KEY_MAX 8               /* bytes in a key: one uint64_t */
#define KEY_PREFIX_MIN 4        /* the shallowest PREFIX key, the least K */
#define KEY_END 1u
#define KEY_PREFIX 2u
#define KEY_ROOT_LIMIT (1u << 30)   /* roots must fit key_meta() */
#define BLOOM_BITS 17           /* 16 KiB a bit set */

struct dy_texttrie {
    tt_node *nodes;             /* nodes[0] is the root */
    size_t n, cap;
    uint32_t root_child[256];
    tt_key *keys;               /* open addressing, at most half full */
    size_t n_keys, key_mask;
    unsigned key_shift;
    /* A bit per key, whatever its kind, at bloom_slot(): [0] for the keys
     * rooted at 0 (and those implied by stems of KEY_PREFIX_MIN - 1 bytes),
     * [1] for the others; [2] for the first KEY_PREFIX_MIN to L bytes of
     * each stem of L < KEY_MAX bytes (see scan_segment). */
    uint64_t key_bloom[3][1u << (BLOOM_BITS - 6)];
    size_t min_stem;            /* the shortest stem; SIZE_MAX: none */
    size_t kmax;                /* K for a scan that wants stems */
    bool tiny_stems;            /* a stem of fewer than KEY_PREFIX_MIN - 1 bytes */
    bool nonword_first;         /* a phrase begins with a byte that is not a word byte */
    unsigned char short_lens[256];  /* by first byte: bit L for a stem of L < KEY_MAX bytes */
};

static const uint64_t HASH_MUL = 0x9E3779B97F4A7C15ull;

dy_texttrie *dy_texttrie_create(void)
{
    dy_texttrie *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->key_mask = 255;
    t->key_shift = 64 - 8;
    t->min_stem = SIZE_MAX;
    t->kmax = KEY_MAX;
    t->keys = calloc(t->key_mask + 1, sizeof *t->keys);
    if (!t->keys || !grow((void **)&t->nodes, &t->cap, 1, sizeof *t->nodes)) {
        dy_texttrie_free(t);
        return NULL;
    }
    t->nodes[0] = (tt_node){0, 0, -1, 0, 0};
    t->n = 1;
    return t;
}

void dy_texttrie_free(dy_texttrie *t)
{
    if (!t)
        return;
    free(t->nodes);
    free(t->keys);
    free(t);
}

static inline uint32_t find_child(const dy_texttrie *t, uint32_t node, unsigned char c)
{
    if (node == 0)
        return t->root_child[c];
    for (uint32_t k = t->nodes[node].first_child; k; k = t->nodes[k].next_sibling)
        if (t->nodes[k].ch == c)
            return k;
    return 0;
}

/* A key is its root (0 for the first word of a phrase, else the node
 * before the blank that precedes the word), its kind and its bytes, which
 * tell its length (word bytes are never 0). */
static inline uint32_t key_meta(uint32_t root, uint32_t kind)
{
    return root << 2 | kind;
}

static const uint64_t key_mask[KEY_MAX + 1] = {
    0, 0xFFull, 0xFFFFull, 0xFFFFFFull, 0xFFFFFFFFull, 0xFFFFFFFFFFull,
    0xFFFFFFFFFFFFull, 0xFFFFFFFFFFFFFFull, ~0ull,
};

/* A key's hash: the table slot is its top bits. */
static inline uint64_t key_hash(uint64_t key, uint32_t meta)
{
    return (key ^ ((uint64_t)(meta - KEY_END) * 0xC2B2AE3D27D4EB4Full)) * HASH_MUL;
}

/* The bloom bit of a key, whatever its kind. */
static inline uint64_t bloom_slot(uint64_t key, uint32_t root)
{
    return ((key ^ (uint64_t)root * 0xC2B2AE3D27D4EB4Full) * HASH_MUL) >> (64 - BLOOM_BITS);
}

/* Bit set `which` (see dy_texttrie) has the key's bit. */
static inline bool bloom_has(const dy_texttrie *t, unsigned which, uint64_t key, uint32_t root)
{
    uint64_t b = bloom_slot(key, root);
    return (t->key_bloom[which][b >> 6] >> (b & 63)) & 1;
}

static inline uint32_t find_key(const dy_texttrie *t, uint64_t key, uint32_t meta, uint64_t hash)
{
    for (size_t h = (size_t)(hash >> t->key_shift);; h = (h + 1) & t->key_mask) {
        const tt_key *e = &t->keys[h];
        if (e->key == key && e->meta == meta)
            return e->node;
        if (e->node == 0)
            return 0;
    }
}

/* The key table doubles when half full. */
static bool grow_keys(dy_texttrie *t)
{
    size_t nsize = (t->key_mask + 1) * 2;
    if (nsize > SIZE_MAX / sizeof *t->keys)
        return false;
    tt_key *nk = calloc(nsize, sizeof *nk);
    if (!nk)
        return false;
    unsigned shift = t->key_shift - 1;
    for (size_t k = 0; k <= t->key_mask; k++) {
        const tt_key *e = &t->keys[k];
        if (!e->node)
            continue;
        size_t h = (size_t)(key_hash(e->key, e->meta) >> shift);
        while (nk[h].node)
            h = (h + 1) & (nsize - 1);
        nk[h] = *e;
    }
    free(t->keys);
    t->keys = nk;
    t->key_mask = nsize - 1;
    t->key_shift = shift;
    return true;
}

/* Makes room for one more key. */
static bool reserve_key(dy_texttrie *t)
{
    return (t->n_keys + 1) * 2 <= t->key_mask + 1 || grow_keys(t);
}

static void set_bloom(dy_texttrie *t, uint64_t key, uint32_t root)
{
    uint64_t b = bloom_slot(key, root);
    t->key_bloom[root != 0][b >> 6] |= (uint64_t)1 << (b & 63);
}

/* Bit set 2 hashes keys apart from set 0 (as if rooted at STEM_ROOT). */
#define STEM_ROOT UINT32_MAX

static void set_stem_bloom(dy_texttrie *t, uint64_t key)
{
    uint64_t b = bloom_slot(key, STEM_ROOT);
    t->key_bloom[2][b >> 6] |= (uint64_t)1 << (b & 63);
}

/* Adds the key (after reserve_key) unless it is there. */
static void put_key(dy_texttrie *t, uint64_t key, uint32_t meta, uint32_t node)
{
    uint64_t hash = key_hash(key, meta);
    size_t h = (size_t)(hash >> t->key_shift);
    for (;; h = (h + 1) & t->key_mask) {
        const tt_key *e = &t->keys[h];
        if (e->node == 0)
            break;
        if (e->key == key && e->meta == meta)
            return;
    }
    t->keys[h] = (tt_key){key, node, meta};
    t->n_keys++;
    set_bloom(t, key, meta >> 2);
}

static uint32_t add_child(dy_texttrie *t, uint32_t node, unsigned char c)
{
    if (t->n >= UINT32_MAX || !grow((void **)&t->nodes, &t->cap, t->n + 1, sizeof *t->nodes))
        return 0;
    uint32_t k = (uint32_t)t->n++;
    t->nodes[k] = (tt_node){0, 0, -1, c, 0};
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
    size_t i = 0, m = 0;        /* m: bytes of the path to `node` */
    /* The path's last word, for the keys: it follows `root` (0: it is the
     * first word; else the node before the blank before it), d bytes so
     * far, the first KEY_MAX of them in `key`, all word bytes or not. */
    uint32_t root = 0;
    size_t d = 0;
    uint64_t key = 0;
    bool words_only = true;
    unsigned char first = 0;
    uint32_t path[KEY_MAX];     /* path[m]: the node m bytes deep */
    path[0] = 0;
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
        bool word_byte = dy_is_word_byte(c);
        if (m == 0) {
            first = c;
            if (!word_byte)
                t->nonword_first = true;
        }
        bool keyed = words_only && root < KEY_ROOT_LIMIT;
        uint32_t next = find_child(t, node, c);
        if (!next) {
            if (!reserve_key(t) || !(next = add_child(t, node, c)))
                return NULL;
            if (keyed && !word_byte && d >= 1 && d <= KEY_MAX)
                put_key(t, key, key_meta(root, KEY_END), node);     /* a word ends here */
            if (keyed && word_byte && d + 1 <= KEY_MAX &&
                (root ? d + 1 == KEY_MAX : d + 1 >= KEY_PREFIX_MIN))
                put_key(t, key | (uint64_t)c << (8 * d), key_meta(root, KEY_PREFIX), next);
        }
        if (c == ' ') {
            root = node;
            d = 0;
            key = 0;
            words_only = true;
        } else {
            if (!word_byte)
                words_only = false;
            if (d < KEY_MAX)
                key |= (uint64_t)c << (8 * d);
            d++;
        }
        m++;
        node = next;
        if (m < KEY_MAX)
            path[m] = node;
    }
    if (!node)
        return NULL;
    if (words_only && root < KEY_ROOT_LIMIT && d >= 1 && d <= KEY_MAX) {
        if (!reserve_key(t))
            return NULL;
        put_key(t, key, key_meta(root, KEY_END), node);             /* a phrase ends here */
    }
    if (words_only && root == 0) {
        /* A stem: word bytes only. */
        for (size_t k = KEY_PREFIX_MIN; k < m && m < KEY_MAX; k++)
            t->nodes[path[k]].stems_below |= (unsigned char)(1u << m);
        if (m < t->min_stem) {
            t->min_stem = m;
            if (m < KEY_MAX)
                t->kmax = m < KEY_PREFIX_MIN ? KEY_PREFIX_MIN : m;
        }
        if (m + 1 == KEY_PREFIX_MIN) {
            /* A stem one byte shorter than the least K, which it makes K:
             * the words it begins have keys of K bytes, one more byte;
             * their bloom bits say so, so that such a word is not passed
             * over (see scan_segment). */
            for (unsigned c = 0x30; c < 0x100; c++) {
                if (!dy_is_word_byte((unsigned char)c) || (c >= 'a' && c <= 'z'))
                    continue;
                set_bloom(t, key | (uint64_t)c << (8 * m), 0);
                set_stem_bloom(t, key | (uint64_t)c << (8 * m));
            }
        } else if (m + 1 < KEY_PREFIX_MIN) {
            t->tiny_stems = true;
        }
        for (size_t k = KEY_PREFIX_MIN; k <= m && m < KEY_MAX; k++)
            set_stem_bloom(t, key & key_mask[k]);
        if (m < KEY_MAX)
            t->short_lens[first] |= (unsigned char)(1u << m);
    }
    return &t->nodes[node].payload;
}

/* ---- scanning ---- */

/* Text is read in segments of SEG bytes: each is copied into a buffer,
 * uppercased, with every byte that is not a word byte zeroed, and followed
 * by at least KEY_MAX + 1 more bytes of the text (or zeros past its end),
 * so that a key and the byte after it can be read at any position of the
 * segment. */
#define SEG 256
#define SEG_CHUNKS (SEG / 16)
#define BUF_BYTES (SEG + 32)

/* Eight bytes of buf as a key: the first in the low byte. */
static inline uint64_t load_key(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

/* Four chunks' bits as one mask: the first chunk's in the low bits. */
static inline uint64_t load_mask(const uint16_t *m)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return (uint64_t)m[0] | (uint64_t)m[1] << 16 | (uint64_t)m[2] << 32 | (uint64_t)m[3] << 48;
#else
    uint64_t v;
    memcpy(&v, m, sizeof v);
    return v;
#endif
}

/* One 16-byte chunk: its key bytes into out, and bits of its word bytes
 * and (if want_blank) of its blanks. */
static inline __attribute__((always_inline)) void
prepare16(const unsigned char *p, unsigned char *out, uint16_t *word, uint16_t *blank,
          bool want_blank)
{
#if defined(__SSE2__) && !defined(DY_PHRASE_NO_SIMD)
    /* x in [lo, lo + n) <=> x + (128 - lo), wrapped, is below -128 + n as a
     * signed byte; bytes of 0x80 and above are negative, hence "< 0". */
    const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
    const __m128i c20 = _mm_set1_epi8(0x20);
    const __m128i letter =
        _mm_cmpgt_epi8(_mm_set1_epi8(-128 + 26),
                       _mm_add_epi8(_mm_or_si128(x, c20), _mm_set1_epi8(128 - 'a')));
    const __m128i digit = _mm_cmpgt_epi8(_mm_set1_epi8(-128 + 10),
                                         _mm_add_epi8(x, _mm_set1_epi8(128 - '0')));
    const __m128i w = _mm_or_si128(_mm_or_si128(letter, digit),
                                   _mm_cmpgt_epi8(_mm_setzero_si128(), x));
    /* Lower-case letters are the letters with 0x20 set. */
    const __m128i up = _mm_sub_epi8(x, _mm_and_si128(_mm_and_si128(letter, x), c20));
    _mm_storeu_si128((__m128i *)(void *)out, _mm_and_si128(up, w));
    *word = (uint16_t)_mm_movemask_epi8(w);
    if (want_blank) {
        const __m128i b = _mm_or_si128(_mm_cmpeq_epi8(x, c20),
                                       _mm_cmpgt_epi8(_mm_set1_epi8(-128 + 5),
                                                      _mm_add_epi8(x, _mm_set1_epi8(128 - '\t'))));
        *blank = (uint16_t)_mm_movemask_epi8(b);
    }
#else
    unsigned w = 0, b = 0;
    for (unsigned k = 0; k < 16; k++) {
        bool is_word = dy_is_word_byte(p[k]);
        out[k] = is_word ? dy_ascii_upper(p[k]) : 0;
        w |= (unsigned)is_word << k;
        b |= (unsigned)is_blank(p[k]) << k;
    }
    *word = (uint16_t)w;
    if (want_blank)
        *blank = (uint16_t)b;
#endif
}

/* Fills buf from text[seg..) (see SEG) and the word (and blank) bits of the
 * segment's chunks, which, read four at a time, are 64-bit masks.  Returns
 * how many bytes of buf are valid. */
static inline __attribute__((always_inline)) size_t
prepare_segment(const unsigned char *u, size_t len, size_t seg, unsigned char *buf,
                uint16_t *wmask, uint16_t *bmask, bool want_blank)
{
    size_t avail = len - seg;
    size_t need = avail < SEG + KEY_MAX + 1 ? avail : SEG + KEY_MAX + 1;
    /* The chunks needed that the text holds whole, two at a time. */
    size_t full = (need + 15) / 16 < avail / 16 ? (need + 15) / 16 : avail / 16;
    size_t c = 0;
    for (; c + 2 <= full; c += 2) {
        prepare16(u + seg + 16 * c, buf + 16 * c, &wmask[c], &bmask[c], want_blank);
        prepare16(u + seg + 16 * c + 16, buf + 16 * c + 16, &wmask[c + 1], &bmask[c + 1],
                  want_blank);
    }
    if (c < full) {
        prepare16(u + seg + 16 * c, buf + 16 * c, &wmask[c], &bmask[c], want_blank);
        c++;
    }
    if (16 * c < need) {
        /* The end of the text is in this chunk. */
        size_t at = seg + 16 * c;
        if (len >= 16 && len - 16 >= seg) {
            /* The 16 bytes that end the text, in place. */
            size_t back = at + 16 - len;
            prepare16(u + len - 16, buf + 16 * c - back, &wmask[c], &bmask[c], want_blank);
            wmask[c] = (uint16_t)(wmask[c] >> back);
            if (want_blank)
                bmask[c] = (uint16_t)(bmask[c] >> back);
        } else {
            unsigned char tail[16] = {0};
            memcpy(tail, u + at, len - at);
            prepare16(tail, buf + 16 * c, &wmask[c], &bmask[c], want_blank);
        }
        c++;
    }
    if (avail <= 16 * c) {
        memset(buf + avail, 0, 16);     /* zeros past the end of the text */
        return avail + 16;
    }
    return 16 * c;
}

typedef struct tt_scan {
    const dy_texttrie *t;
    const unsigned char *u;
    size_t len;
    dy_texttrie_visit visit;
    void *ctx;
    size_t kmax;                    /* K of the comment above */
    unsigned short_mask;            /* bits of short_lens below K */
    const unsigned char *buf;       /* the segment's keys (see SEG) */
    size_t seg, buf_lim;            /* where it begins; its valid bytes */
} tt_scan;

/* Visits the phrase ending at `node` (if any) for text[i..j), then walks on
 * byte by byte.  False when the visitor stops the scan. */
static inline __attribute__((always_inline)) bool walk(const tt_scan *sc, uint32_t node, size_t i,
                                                        size_t j)
{
    const dy_texttrie *t = sc->t;
    const unsigned char *u = sc->u;
    size_t len = sc->len;
    while (node) {
        if (t->nodes[node].payload >= 0 && !sc->visit(sc->ctx, t->nodes[node].payload, i, j))
            return false;
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
    return true;
}

/* The word at buf[off..] as a key for a whole-words scan: its bytes up to
 * its first zero byte, at most KEY_MAX, and its kind. */
static inline uint64_t whole_word_key(const unsigned char *buf, size_t off, uint64_t v,
                                      uint32_t *kind)
{
    /* z: the top bit of v's first zero byte (and maybe of later ones). */
    uint64_t z = (v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull;
    *kind = z || !buf[off + KEY_MAX] ? KEY_END : KEY_PREFIX;
    return v & (z ^ (z - 1));   /* up to that byte; all of v when z == 0 */
}

/* The length of a key that was found. */
static inline size_t key_length(uint64_t key, uint32_t kind, size_t k)
{
    return kind == KEY_END ? (size_t)(71 - __builtin_clzll(key)) / 8 : k;
}

/* The walk of a whole-words scan: as walk, but visits no phrase that ends
 * inside a word, and a word after a blank is looked up whole (as a key
 * rooted at the node before the blank) when the segment's buffer holds it. */
static inline __attribute__((always_inline)) bool walk_words(const tt_scan *sc, uint32_t node,
                                                              size_t i, size_t j)
{
    const dy_texttrie *t = sc->t;
    const unsigned char *u = sc->u;
    size_t len = sc->len;
    while (node) {
        if (t->nodes[node].payload >= 0 &&
            !(j < len && dy_is_word_byte(u[j - 1]) && dy_is_word_byte(u[j])) &&
            !sc->visit(sc->ctx, t->nodes[node].payload, i, j))
            return false;
        if (j >= len)
            break;
        unsigned char c = u[j];
        size_t next_j = j + 1;
        if (is_blank(c)) {
            while (next_j < len && is_blank(u[next_j]))
                next_j++;
            if (next_j >= len)
                break;          /* phrases never end in a blank */
            size_t off = next_j - sc->seg;
            if (node < KEY_ROOT_LIMIT && off + KEY_MAX + 1 <= sc->buf_lim && sc->buf[off]) {
                uint64_t v = load_key(sc->buf + off);
                uint32_t kind;
                uint64_t key = whole_word_key(sc->buf, off, v, &kind);
                if (!bloom_has(t, 1, key, node))
                    break;
                uint32_t meta = key_meta(node, kind);
                node = find_key(t, key, meta, key_hash(key, meta));
                j = next_j + key_length(key, kind, KEY_MAX);
                continue;
            }
            c = ' ';
        } else {
            c = dy_ascii_upper(c);
        }
        node = find_child(t, node, c);
        j = next_j;
    }
    return true;
}

/* The key of the word at buf[off] (v: its first bytes), for the first
 * word of a phrase: see the comment at dy_texttrie. */
static inline __attribute__((always_inline)) uint64_t
start_key(const tt_scan *sc, const unsigned char *buf, size_t off, uint64_t v,
          bool whole_words, uint32_t *kind)
{
    if (whole_words)
        return whole_word_key(buf, off, v, kind);
    /* The word: its bytes up to its first zero byte (z has the top bit of
     * that byte, and maybe of later ones). */
    uint64_t z = (v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull;
    uint64_t word = v & (z ^ (z - 1));      /* all of v when z == 0 */
    uint64_t kmask = key_mask[sc->kmax];
    if (word & ~kmask) {
        *kind = KEY_PREFIX;                 /* longer than the key */
        return v & kmask;
    }
    /* Eight bytes: longer unless the ninth ends it. */
    *kind = z || !buf[off + KEY_MAX] ? KEY_END : KEY_PREFIX;
    return word;
}

/* Everything that can begin at the start buf[off]; false when the visitor
 * stops the scan. */
static inline __attribute__((always_inline)) bool
scan_start(const tt_scan *sc, size_t seg, const unsigned char *buf, size_t off,
           bool whole_words, bool nonword)
{
    const dy_texttrie *t = sc->t;
    size_t i = seg + off;
    uint64_t v = load_key(buf + off);
    if (nonword && (v & 0xFF) == 0) {
        /* Not a word byte: walk from the root. */
        uint32_t node = t->root_child[dy_ascii_upper(sc->u[i])];
        return !node || (whole_words ? walk_words(sc, node, i, i + 1) : walk(sc, node, i, i + 1));
    }
    uint32_t kind;
    uint64_t key = start_key(sc, buf, off, v, whole_words, &kind);
    size_t klen = key_length(key, kind, whole_words ? KEY_MAX : sc->kmax);
    if (!whole_words) {
        unsigned shorter = t->short_lens[v & 0xFF] & sc->short_mask & ((1u << klen) - 1);
        while (shorter) {
            /* Stems shorter than the key. */
            unsigned l = (unsigned)__builtin_ctz(shorter);
            shorter &= shorter - 1;
            uint64_t lkey = v & key_mask[l];
            uint32_t node = find_key(t, lkey, KEY_END, key_hash(lkey, KEY_END));
            if (node && t->nodes[node].payload >= 0 && !sc->visit(sc->ctx, t->nodes[node].payload, i, i + l))
                return false;
        }
    }
    uint32_t node = find_key(t, key, kind, key_hash(key, kind));
    if (!node)
        return true;
    if (!whole_words && kind == KEY_PREFIX && sc->kmax < KEY_MAX) {
        /* The word is longer than the key.  Unless a stem ends between the
         * key and the word's end (or its first KEY_MAX bytes), look up the
         * longer key rather than walk through the word byte by byte. */
        uint64_t z = (v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull;
        size_t wt = z ? (unsigned)__builtin_ctzll(z) / 8 : KEY_MAX + (buf[off + KEY_MAX] != 0);
        size_t e = wt < KEY_MAX ? wt : KEY_MAX;
        unsigned between = ((1u << e) - 1) & ~((2u << sc->kmax) - 1);
        if (!(t->nodes[node].stems_below & between)) {
            if (t->nodes[node].payload >= 0 && !sc->visit(sc->ctx, t->nodes[node].payload, i, i + sc->kmax))
                return false;
            kind = wt <= KEY_MAX ? KEY_END : KEY_PREFIX;
            key = v & key_mask[e];
            klen = e;
            node = find_key(t, key, kind, key_hash(key, kind));
            if (!node)
                return true;
        }
    }
    return whole_words ? walk_words(sc, node, i, i + klen) : walk(sc, node, i, i + klen);
}

/* The scan of one segment, inlined for each constant whole_words, nonword
 * (a phrase begins with a byte that is not a word byte) and tiny (a stem
 * of one or two bytes).  A first pass keeps the starts that can begin a
 * phrase, which are few: it calls nothing, so that it runs in registers.
 * It tests the word's key, cut to K bytes, against the bloom bits of the
 * keys rooted at 0; when the word is longer, a phrase can only match if
 * (a) the word's first KEY_MAX bytes are a key too (a phrase of the
 * word's length or of KEY_MAX bytes or more), or (b) a stem of K to
 * KEY_MAX - 1 bytes begins with its first K bytes (stem bloom bits); and
 * stems shorter than K have their own bits or, when tiny, their own test. */
static inline __attribute__((always_inline)) bool
scan_segment(const tt_scan *sc, size_t seg, const unsigned char *buf, const uint16_t *wmask,
             const uint16_t *bmask, uint64_t *carry, bool whole_words, bool nonword, bool tiny)
{
    const dy_texttrie *t = sc->t;
    size_t seg_n = sc->len - seg < SEG ? sc->len - seg : SEG;
    uint8_t cand[SEG];
    size_t n_cand = 0;
    unsigned short_mask = sc->short_mask;
    uint64_t kmask = key_mask[sc->kmax];
    for (size_t base = 0; base < seg_n; base += 64) {
        uint64_t w = load_mask(wmask + base / 16), b = nonword ? load_mask(bmask + base / 16) : 0;
        /* A phrase may begin at a byte that is not a blank, unless it and
         * the byte before are both word bytes. */
        uint64_t starts = w & ~(w << 1 | *carry);
        if (nonword)
            starts |= ~(w | b);
        *carry = w >> 63;
        if (seg_n - base < 64)
            starts &= ((uint64_t)1 << (seg_n - base)) - 1;
        while (starts) {
            size_t off = base + (size_t)__builtin_ctzll(starts);
            starts &= starts - 1;
            uint64_t v = load_key(buf + off);
            if (nonword && (v & 0xFF) == 0) {
                /* Not a word byte. */
            } else {
                /* The word's bytes up to its first zero byte (z has the
                 * top bit of that byte, and maybe of later ones). */
                uint64_t z = (v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull;
                uint64_t word = v & (z ^ (z - 1));
                uint64_t key = word & kmask;
                bool keep = bloom_has(t, 0, key, 0);
                if (!whole_words && tiny)
                    keep |= (t->short_lens[v & 0xFF] & short_mask) != 0;
                if (__builtin_expect(!keep, 1))
                    continue;
                if (!whole_words && key != word && !(tiny && (t->short_lens[v & 0xFF] & short_mask)) &&
                    !bloom_has(t, 0, word, 0) && !bloom_has(t, 2, key, STEM_ROOT))
                    continue;
            }
            if (whole_words) {
                if (!scan_start(sc, seg, buf, off, whole_words, nonword))
                    return false;
            } else {
                cand[n_cand++] = (uint8_t)off;
            }
        }
    }
    for (size_t k = 0; k < n_cand; k++)
        if (!scan_start(sc, seg, buf, cand[k], whole_words, nonword))
            return false;
    return true;
}

static inline __attribute__((always_inline)) void
scan_text(tt_scan *sc, bool whole_words, bool nonword, bool tiny)
{
    unsigned char buf[BUF_BYTES];
    uint16_t wmask[SEG_CHUNKS + 4] = {0}, bmask[SEG_CHUNKS + 4];
    if (nonword)
        memset(bmask, 0, sizeof bmask);
    uint64_t carry = 0;             /* the byte before the block is a word byte */
    sc->buf = buf;
    for (size_t seg = 0; seg < sc->len; seg += SEG) {
        sc->seg = seg;
        sc->buf_lim = prepare_segment(sc->u, sc->len, seg, buf, wmask, bmask, nonword);
        if (!scan_segment(sc, seg, buf, wmask, bmask, &carry, whole_words, nonword, tiny))
            break;
    }
    sc->buf = NULL;
}

void dy_texttrie_scan(const dy_texttrie *t, const char *text, size_t len, bool whole_words,
                      dy_texttrie_visit visit, void *ctx)
{
    if (!t || !text || t->n <= 1)
        return;
    size_t kmax = whole_words ? KEY_MAX : t->kmax;
    tt_scan sc = {t, (const unsigned char *)text, len, visit, ctx, kmax, (1u << kmax) - 1,
                  NULL, 0, 0};
    if (whole_words) {
        if (t->nonword_first)
            scan_text(&sc, true, true, false);
        else
            scan_text(&sc, true, false, false);
    } else if (t->tiny_stems) {
        if (t->nonword_first)
            scan_text(&sc, false, true, true);
        else
            scan_text(&sc, false, false, true);
    } else {
        if (t->nonword_first)
            scan_text(&sc, false, true, false);
        else
            scan_text(&sc, false, false, false);
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

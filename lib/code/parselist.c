/* parselist.c -- builds PETRARCH's linear sentence form from a tree; see
 * parselist.h for what it is and why.
 *
 * The reduction rules follow PETRARCH 1 (read_TreeBank), restated on the
 * tree instead of on the bracket string:
 *  - a CC marks its parent: a clause-level coordination (the parent holds a
 *    VP or S*) or a parent with several CCs leaves it alone ("CCP"); a noun
 *    phrase with three or more nominal nodes becomes a compound ("NEC");
 *  - an NP with a possessive becomes one entity of all its words (minus
 *    the 's), an NP of the shape "NP PP(IN NP)" becomes one entity of head,
 *    preposition and object, an NP without nested noun phrases becomes one
 *    entity; any other NP stays a phrase and its parts are reduced;
 *  - a relative clause (SBAR) inside a noun phrase keeps only its words;
 *  - a compound holds one entity per conjunct; leading adjectives are
 *    shared by bare-noun conjuncts; an entity that contains a compound is
 *    expanded into a compound of entities, each with the shared words. */
#include "code/parselist.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/diag.h"

#define PL_MAX_PIECES 4096      /* words in one entity before expansion */
#define PL_MAX_EXPANSION 64     /* entities one compound may expand into */

static bool lab_is(const char *l, const char *s)
{
    return strcmp(l, s) == 0;
}

static bool lab_starts(const char *l, const char *p)
{
    return strncmp(l, p, strlen(p)) == 0;
}

static pl_tag tag_of(const char *l)
{
    switch (l[0]) {       /* first letter first: this runs for every item */
    case 'N':
        return lab_is(l, "NE") ? PL_TAG_NE : lab_is(l, "NEC") ? PL_TAG_NEC : PL_TAG_OTHER;
    case 'V':
        if (lab_is(l, "VP"))
            return PL_TAG_VP;
        if (lab_is(l, "VBN"))
            return PL_TAG_VBN;
        return lab_starts(l, "VB") ? PL_TAG_VB : PL_TAG_OTHER;
    case ',':
        return l[1] == '\0' ? PL_TAG_COMMA : PL_TAG_OTHER;
    case 'R':
        return lab_is(l, "ROOT") ? PL_TAG_ROOT : PL_TAG_OTHER;
    default:
        return PL_TAG_OTHER;
    }
}

/* Node classes the reduction rules test, computed once per node so the
 * rules compare small integers instead of label strings. */
typedef enum node_class {
    NC_OTHER = 0, NC_NP, NC_NEC, NC_SBAR, NC_POS, NC_PP, NC_IN, NC_NN, NC_JJ,
} node_class;

static uint8_t class_of(const char *l)
{
    switch (l[0]) {
    case 'N':
        if (lab_is(l, "NP"))
            return NC_NP;
        if (lab_is(l, "NEC"))
            return NC_NEC;
        return lab_starts(l, "NN") ? NC_NN : NC_OTHER;
    case 'S':
        return lab_is(l, "SBAR") ? NC_SBAR : NC_OTHER;
    case 'P':
        return lab_is(l, "POS") ? NC_POS : lab_is(l, "PP") ? NC_PP : NC_OTHER;
    case 'I':
        return lab_is(l, "IN") ? NC_IN : NC_OTHER;
    case 'J':
        return lab_starts(l, "JJ") ? NC_JJ : NC_OTHER;
    default:
        return NC_OTHER;
    }
}

/* ------------------------------------------------------------------ */
/* Building context                                                    */

typedef struct piece {
    int32_t node;        /* a preterminal (word) or an NEC node */
    bool is_nec;
} piece;

typedef struct builder {
    dy_arena *arena;
    const dyad_engine *eng;
    const dy_tree *t;
    const char **lab;    /* current label of each node (after marking) */
    uint8_t *cls;        /* node_class of each current label */
    /* Per node, over its subtree below it, not looking inside SBARs (their
     * words are flat text): the first possessive marker and the first PP
     * in preorder (-1: none), and whether a nested NP or NEC occurs. */
    int32_t *first_pos, *first_pp;
    uint8_t *nested_np;
    int32_t *order;      /* preorder list of nodes */
    int32_t *rank;       /* node -> position in order */
    int32_t *end;        /* node -> position after its last descendant */
    pl_item *items;
    int32_t n, cap;
    int32_t *open;       /* indices of openings not yet closed */
    int32_t n_open, cap_open;
    bool nomem;
} builder;

static bool is_word(const builder *b, int32_t node)
{
    return b->t->nodes[node].word != NULL;
}

static void push(builder *b, pl_item it)
{
    if (b->n == b->cap) {
        int32_t ncap = b->cap ? b->cap * 2 : 256;
        pl_item *ni = dy_arena_alloc(b->arena, (size_t)ncap * sizeof *ni);
        if (!ni) {
            b->nomem = true;
            return;
        }
        if (b->n)
            memcpy(ni, b->items, (size_t)b->n * sizeof *ni);
        b->items = ni;
        b->cap = ncap;
    }
    b->items[b->n++] = it;
}

/* Openings not yet closed, so a closing learns its mate and tag from its
 * opening instead of a second pass over the list. */
static void push_open(builder *b, const char *label, bool from_ne)
{
    if (b->n_open == b->cap_open) {
        int32_t ncap = b->cap_open ? b->cap_open * 2 : 64;
        int32_t *ns = dy_arena_alloc(b->arena, (size_t)ncap * sizeof *ns);
        if (!ns) {
            b->nomem = true;
            return;
        }
        if (b->n_open)
            memcpy(ns, b->open, (size_t)b->n_open * sizeof *ns);
        b->open = ns;
        b->cap_open = ncap;
    }
    b->open[b->n_open++] = b->n;
    pl_tag tg = tag_of(label);
    push(b, (pl_item){.kind = PL_OPEN, .tag = (uint8_t)tg, .from_ne = from_ne,
                      .label = label, .mate = -1, .code = "---", .token = -1});
}

static void push_close(builder *b, const char *label)
{
    if (b->nomem || b->n_open == 0) {
        b->nomem = true;
        return;
    }
    int32_t o = b->open[--b->n_open];
    uint8_t tg = b->items[o].tag;
    b->items[o].mate = b->n;
    push(b, (pl_item){.kind = PL_CLOSE, .tag = tg, .label = label, .mate = o, .token = -1});
}

uint32_t pl_word_id(const dyad_engine *e, const char *w)
{
    char buf[128];
    size_t n = 0;
    for (; w[n]; n++) {
        if (n == sizeof buf)
            return 0;          /* longer than any dictionary word */
        char c = w[n];
        buf[n] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
    }
    return dy_intern_find(e->words, buf, n);
}

static void push_word(builder *b, int32_t node)
{
    const dy_node *nd = &b->t->nodes[node];
    push(b, (pl_item){.kind = PL_WORD, .mate = -1, .wid = pl_word_id(b->eng, nd->word),
                      .text = nd->word, .token = nd->token});
}

/* ---- tree bookkeeping ----------------------------------------------- */

static dyad_status index_tree(builder *b)
{
    const dy_tree *t = b->t;
    int32_t n = t->n_nodes;
    b->lab = dy_arena_alloc(b->arena, (size_t)n * sizeof *b->lab);
    b->cls = dy_arena_alloc(b->arena, (size_t)n + 1);
    b->order = dy_arena_alloc(b->arena, (size_t)n * sizeof *b->order);
    b->rank = dy_arena_alloc(b->arena, (size_t)n * sizeof *b->rank);
    b->end = dy_arena_alloc(b->arena, (size_t)n * sizeof *b->end);
    int32_t *stack = dy_arena_alloc(b->arena, (size_t)(2 * n + 2) * sizeof *stack);
    if (!b->lab || !b->cls || !b->order || !b->rank || !b->end || !stack)
        return DYAD_ERR_NOMEM;
    for (int32_t i = 0; i < n; i++) {
        b->lab[i] = t->nodes[i].label;
        b->cls[i] = class_of(b->lab[i]);
    }
    /* The Treebank reader stores nodes in preorder (each subtree
     * contiguous); then the order is the identity and `end` comes from one
     * backwards pass.  Verify that layout, else walk the tree. */
    bool preorder = t->root == 0;
    for (int32_t i = 0; i < n && preorder; i++) {
        b->order[i] = b->rank[i] = i;
        b->end[i] = i + 1;
    }
    for (int32_t i = n - 1; i > 0 && preorder; i--) {
        int32_t p = t->nodes[i].parent;
        if (p < 0 || p >= i) {
            preorder = false;
            break;
        }
        if (b->end[i] > b->end[p])
            b->end[p] = b->end[i];
    }
    for (int32_t i = 0; i < n && preorder; i++) {
        const dy_node *nd = &t->nodes[i];
        if ((nd->first_child >= 0 && nd->first_child != i + 1) ||
            (nd->next_sibling >= 0 && nd->next_sibling != b->end[i]))
            preorder = false;
    }
    if (preorder)
        return DYAD_OK;
    /* Iterative preorder; `end` is filled when a node's subtree is done. */
    int32_t k = 0, sp = 0;
    if (t->root >= 0)
        stack[sp++] = t->root;
    while (sp > 0) {
        int32_t v = stack[--sp];
        if (v < 0) {                       /* closing marker for ~v */
            b->end[~v] = k;
            continue;
        }
        b->rank[v] = k;
        b->order[k++] = v;
        stack[sp++] = ~v;
        /* push children in reverse so the first child is visited first */
        int32_t c = t->nodes[v].first_child, cnt = 0;
        while (c >= 0) {
            cnt++;
            c = t->nodes[c].next_sibling;
        }
        int32_t base = sp;
        sp += cnt;
        c = t->nodes[v].first_child;
        for (int32_t j = cnt - 1; c >= 0; j--, c = t->nodes[c].next_sibling)
            stack[base + j] = c;
    }
    /* every node is pushed once as itself and once as its closing marker,
     * so 2n + 2 entries always suffice */
    return DYAD_OK;
}

/* ---- compound marking -------------------------------------------------- */

/* The words of a noun phrase whose children are words or adjective
 * phrases of words ("(NP (ADJP (JJ Japanese) (CC and) (JJ Philippine))
 * (NNS warships))"), in order; -1 when it has another shape or more than
 * `cap` words. */
static int32_t flat_words(const builder *b, int32_t np, int32_t *out, int32_t cap)
{
    const dy_tree *t = b->t;
    int32_t n = 0;
    for (int32_t c = t->nodes[np].first_child; c >= 0; c = t->nodes[c].next_sibling) {
        if (t->nodes[c].word) {
            if (n == cap)
                return -1;
            out[n++] = c;
            continue;
        }
        if (strcmp(t->nodes[c].label, "ADJP") != 0)
            return -1;
        for (int32_t g = t->nodes[c].first_child; g >= 0; g = t->nodes[g].next_sibling) {
            if (!t->nodes[g].word || n == cap)
                return -1;
            out[n++] = g;
        }
    }
    return n;
}

/* "Japanese and Philippine warships", "US and Iraqi forces": a noun phrase
 * of an optional determiner, groups of adjectives or names joined by
 * conjunctions or commas, then the nouns they share.  Returns the number of
 * groups (>= 2) with the words in w[0..*nw) and the first shared noun's
 * index in *noun0, or 0 for any other shape. */
static int modifier_coordination(const builder *b, int32_t np, int32_t *w, int32_t *nw,
                                 int32_t *noun0)
{
    const dy_tree *t = b->t;
    int32_t n = flat_words(b, np, w, 64);
    *nw = n;
    *noun0 = -1;
    if (n < 4)
        return 0;
    /* the shared nouns: the run of nouns at the end */
    int32_t k = n;
    while (k > 0 && b->cls[w[k - 1]] == NC_NN)
        k--;
    if (k == n || k == 0)
        return 0;
    int groups = 0;
    bool in_group = false;
    for (int32_t i = 0; i < k; i++) {
        const char *l = t->nodes[w[i]].label;
        if (strcmp(l, "CC") == 0 || strcmp(l, ",") == 0) {
            if (!in_group)
                return 0;
            in_group = false;
        } else if (b->cls[w[i]] == NC_JJ || strcmp(l, "NNP") == 0) {
            /* each group starts with a name or a nationality: "economic
             * and military aid" is one thing, not two actors */
            const char *word = t->nodes[w[i]].word;
            if (!in_group && !(word[0] >= 'A' && word[0] <= 'Z'))
                return 0;
            if (!in_group)
                groups++;
            in_group = true;
        } else if (!(strcmp(l, "DT") == 0 && i == 0)) {
            return 0;
        }
    }
    if (!in_group || groups < 2)
        return 0;
    *noun0 = k;
    return groups;
}

static void mark_compounds(builder *b)
{
    const dy_tree *t = b->t;
    int32_t n = t->n_nodes;
    /* Most sentences have few conjunctions; none at all: nothing to mark. */
    bool any_cc = false;
    for (int32_t v = 0; v < n && !any_cc; v++) {
        const char *l = t->nodes[v].label;
        any_cc = t->nodes[v].word && l[0] == 'C' && l[1] == 'C' && l[2] == '\0';
    }
    if (!any_cc)
        return;
    /* Per node, over its subtree including itself: clause labels (VP*, S*),
     * CC* labels, nominal (N*) labels.  None of these change while marking. */
    typedef struct counts {
        int32_t ncc, nnom;
        uint8_t clause;
    } counts;
    counts *cnt = dy_arena_calloc(b->arena, (size_t)n, sizeof *cnt);
    if (!cnt) {
        b->nomem = true;
        return;
    }
    for (int32_t k = n; k-- > 0;) {
        int32_t v = b->order[k];
        const char *l = t->nodes[v].label;
        counts *c = &cnt[v];
        if (!t->nodes[v].word && (l[0] == 'S' || (l[0] == 'V' && l[1] == 'P')))
            c->clause = 1;
        if (l[0] == 'C' && l[1] == 'C')
            c->ncc++;
        if (l[0] == 'N')
            c->nnom++;
        int32_t p = t->nodes[v].parent;
        /* a relative clause is text inside its noun phrase: its verbs and
         * conjunctions do not make "Israel and [Hamas, which ...]" a
         * coordination of clauses */
        if (p >= 0 && strcmp(l, "SBAR") != 0) {
            cnt[p].clause |= c->clause;
            cnt[p].ncc += c->ncc;
            cnt[p].nnom += c->nnom;
        }
    }
    for (int32_t k = 0; k < n; k++) {
        int32_t v = b->order[k];
        const char *l = t->nodes[v].label;
        if (!t->nodes[v].word || !(l[0] == 'C' && l[1] == 'C' && l[2] == '\0'))
            continue;
        int32_t p = t->nodes[v].parent;
        if (p < 0)
            continue;
        if (cnt[p].clause || cnt[p].ncc > 1) {
            b->lab[v] = "CCP";
        } else if (lab_starts(b->lab[p], "NP") && cnt[p].nnom >= 3) {
            b->lab[p] = "NEC";
            b->cls[p] = NC_NEC;
        } else {
            /* modifiers joined before shared nouns, directly or in an ADJP */
            int32_t q = lab_starts(b->lab[p], "NP") ? p
                        : strcmp(b->lab[p], "ADJP") == 0 ? t->nodes[p].parent : -1;
            int32_t w[64], nw, noun0;
            if (q >= 0 && lab_starts(b->lab[q], "NP") &&
                modifier_coordination(b, q, w, &nw, &noun0)) {
                b->lab[q] = "NEC";
                b->cls[q] = NC_NEC;
            }
        }
    }
}

/* ---- subtree searches (SBARs inside noun phrases are flat text) ---- */

/* First node in order positions [from, to) of class `want`, not looking
 * inside SBAR subtrees; with words_only, preterminals only. */
static int32_t find_in(const builder *b, int32_t from, int32_t to, uint8_t want,
                       bool words_only)
{
    for (int32_t k = from; k < to;) {
        int32_t v = b->order[k];
        uint8_t c = b->cls[v];
        if (c == NC_SBAR) {
            k = b->end[v];
            continue;
        }
        if (c == want && (!words_only || is_word(b, v)))
            return v;
        k++;
    }
    return -1;
}

/* Fills first_pos, first_pp and nested_np bottom-up in one pass, so each
 * noun phrase is classified without scanning its subtree again. */
static void summarise_subtrees(builder *b)
{
    const dy_tree *t = b->t;
    int32_t n = t->n_nodes;
    b->first_pos = dy_arena_alloc(b->arena, (size_t)n * sizeof *b->first_pos);
    b->first_pp = dy_arena_alloc(b->arena, (size_t)n * sizeof *b->first_pp);
    b->nested_np = dy_arena_calloc(b->arena, (size_t)n, 1);
    if (!b->first_pos || !b->first_pp || !b->nested_np) {
        b->nomem = true;
        return;
    }
    for (int32_t i = 0; i < n; i++)
        b->first_pos[i] = b->first_pp[i] = -1;
    /* Reverse preorder: children before parents, and a parent's earlier
     * children after its later ones, so the last write is the first hit. */
    for (int32_t k = n; k-- > 0;) {
        int32_t v = b->order[k];
        int32_t p = t->nodes[v].parent;
        uint8_t c = b->cls[v];
        if (p < 0 || c == NC_SBAR)
            continue;
        int32_t pos = (c == NC_POS && is_word(b, v)) ? v : b->first_pos[v];
        int32_t pp = c == NC_PP ? v : b->first_pp[v];
        if (pos >= 0)
            b->first_pos[p] = pos;
        if (pp >= 0)
            b->first_pp[p] = pp;
        if (c == NC_NP || c == NC_NEC || b->nested_np[v])
            b->nested_np[p] = 1;
    }
}

/* The words of a subtree as pieces: preterminals, and NEC nodes kept whole
 * (outside SBARs, whose compounds are flat text too).  `skip` is left out. */
static void collect(const builder *b, int32_t node, int32_t skip, piece *out,
                    int32_t *n, bool in_sbar)
{
    int32_t to = b->end[node];
    for (int32_t k = b->rank[node]; k < to;) {
        int32_t v = b->order[k];
        if (v == skip) {
            k = b->end[v];
            continue;
        }
        if (is_word(b, v)) {
            if (*n < PL_MAX_PIECES)
                out[(*n)++] = (piece){v, false};
            k++;
            continue;
        }
        if (!in_sbar && b->cls[v] == NC_NEC && v != node) {
            if (*n < PL_MAX_PIECES)
                out[(*n)++] = (piece){v, true};
            k = b->end[v];
            continue;
        }
        if (b->cls[v] == NC_SBAR && !in_sbar) {
            collect(b, v, skip, out, n, true);
            k = b->end[v];
            continue;
        }
        k++;
    }
}

/* ---- entity emission with compound expansion ----------------------- */

/* Room for the pieces of a subtree: never more than its node count. */
static piece *pieces_for(builder *b, int32_t node)
{
    int32_t n = b->end[node] - b->rank[node] + 1;
    piece *p = dy_arena_alloc(b->arena, (size_t)n * sizeof *p);
    if (!p)
        b->nomem = true;
    return p;
}

typedef struct wordlist {
    int32_t *nodes;
    int32_t n;
} wordlist;

static int conjuncts(builder *b, int32_t nec, wordlist *out, int max);

/* All word lists a piece sequence stands for: one per combination of the
 * conjuncts of the compounds in it. */
static int expand_pieces(builder *b, const piece *p, int32_t np, wordlist *out, int max)
{
    int32_t first = -1;
    for (int32_t i = 0; i < np; i++)
        if (p[i].is_nec) {
            first = i;
            break;
        }
    if (first < 0) {
        int32_t *w = dy_arena_alloc(b->arena, (size_t)(np + 1) * sizeof *w);
        if (!w) {
            b->nomem = true;
            return 0;
        }
        for (int32_t i = 0; i < np; i++)
            w[i] = p[i].node;
        out[0] = (wordlist){w, np};
        return 1;
    }
    wordlist conj[PL_MAX_EXPANSION], rest[PL_MAX_EXPANSION];
    int nc = conjuncts(b, p[first].node, conj, PL_MAX_EXPANSION);
    int nr = expand_pieces(b, p + first + 1, np - first - 1, rest, PL_MAX_EXPANSION);
    int k = 0;
    for (int i = 0; i < nc; i++)
        for (int j = 0; j < nr && k < max; j++) {
            int32_t len = first + conj[i].n + rest[j].n;
            int32_t *w = dy_arena_alloc(b->arena, (size_t)(len + 1) * sizeof *w);
            if (!w) {
                b->nomem = true;
                return k;
            }
            int32_t m = 0;
            for (int32_t x = 0; x < first; x++)
                w[m++] = p[x].node;
            for (int32_t x = 0; x < conj[i].n; x++)
                w[m++] = conj[i].nodes[x];
            for (int32_t x = 0; x < rest[j].n; x++)
                w[m++] = rest[j].nodes[x];
            out[k++] = (wordlist){w, len};
        }
    return k;
}

/* The conjuncts of a compound: each nominal child (bare nouns take the
 * adjectives that precede the first noun); nested compounds contribute
 * their own conjuncts. */
static int conjuncts(builder *b, int32_t nec, wordlist *out, int max)
{
    const dy_tree *t = b->t;
    int32_t mw[64], nmw, noun0;
    if (modifier_coordination(b, nec, mw, &nmw, &noun0)) {
        /* each group of modifiers with the shared nouns */
        int k = 0;
        int32_t i = 0;
        while (i < noun0 && k < max) {
            int32_t *w = dy_arena_alloc(b->arena, (size_t)nmw * sizeof *w);
            if (!w) {
                b->nomem = true;
                return k;
            }
            int32_t m = 0;
            for (; i < noun0; i++) {
                const char *l = t->nodes[mw[i]].label;
                if (strcmp(l, "CC") == 0 || strcmp(l, ",") == 0) {
                    i++;
                    break;
                }
                if (strcmp(l, "DT") != 0)
                    w[m++] = mw[i];
            }
            if (m == 0)
                continue;
            for (int32_t x = noun0; x < nmw; x++)
                w[m++] = mw[x];
            out[k++] = (wordlist){w, m};
        }
        return k;
    }
    int32_t adj[64];
    int32_t nadj = 0;
    bool seen_noun = false;
    int k = 0;
    for (int32_t c = t->nodes[nec].first_child; c >= 0 && k < max; c = t->nodes[c].next_sibling) {
        uint8_t cl = b->cls[c];
        bool noun = is_word(b, c) && cl == NC_NN;
        if (!seen_noun && is_word(b, c) && cl == NC_JJ && nadj < 64) {
            adj[nadj++] = c;
            continue;
        }
        if (noun) {
            seen_noun = true;
            int32_t *w = dy_arena_alloc(b->arena, (size_t)(nadj + 1) * sizeof *w);
            if (!w) {
                b->nomem = true;
                return k;
            }
            memcpy(w, adj, (size_t)nadj * sizeof *w);
            w[nadj] = c;
            out[k++] = (wordlist){w, nadj + 1};
        } else if (cl == NC_NP) {
            seen_noun = true;
            piece *p = pieces_for(b, c);
            if (!p)
                return k;
            int32_t np = 0;
            collect(b, c, -1, p, &np, false);
            k += expand_pieces(b, p, np, out + k, max - k);
        } else if (cl == NC_NEC) {
            seen_noun = true;
            k += conjuncts(b, c, out + k, max - k);
        }
    }
    return k;
}

static void emit_wordlist(builder *b, const wordlist *w)
{
    push_open(b, "NE", false);
    for (int32_t i = 0; i < w->n; i++)
        push_word(b, w->nodes[i]);
    push_close(b, "NE");
}

/* Emits an entity for a piece sequence: an NE, or an NEC of NEs when the
 * pieces hold a compound. */
static void emit_entity(builder *b, const piece *p, int32_t np)
{
    bool has_nec = false;
    for (int32_t i = 0; i < np; i++)
        has_nec |= p[i].is_nec;
    wordlist lists[PL_MAX_EXPANSION];
    int n = expand_pieces(b, p, np, lists, PL_MAX_EXPANSION);
    if (!has_nec) {
        if (n == 1)
            emit_wordlist(b, &lists[0]);
        return;
    }
    push_open(b, "NEC", true);
    for (int i = 0; i < n; i++)
        emit_wordlist(b, &lists[i]);
    push_close(b, "NEC");
}

/* "NP(NP|NEC head) PP(IN NP|NEC)" as one entity: head, preposition and
 * object (and the words of a following relative clause).  Returns the
 * number of pieces, 0 when the phrase does not have that shape. */
static int32_t preposition_entity(const builder *b, int32_t pp, piece *out)
{
    const dy_tree *t = b->t;
    int32_t q = t->nodes[pp].parent;
    if (q < 0 || b->cls[q] != NC_NP)
        return 0;
    int32_t head = t->nodes[q].first_child;
    if (head < 0 || !(b->cls[head] == NC_NP || b->cls[head] == NC_NEC))
        return 0;
    int32_t n = 0;
    if (b->cls[head] == NC_NEC)
        out[n++] = (piece){head, true};
    else
        collect(b, head, -1, out, &n, false);
    int32_t prep = find_in(b, b->end[head], b->end[q], NC_IN, true);
    if (prep < 0)
        return 0;
    out[n++] = (piece){prep, false};
    int32_t obj = -1;
    for (int32_t k = b->rank[prep] + 1; k < b->end[q]; k++) {
        int32_t v = b->order[k];
        if (b->cls[v] == NC_NP || b->cls[v] == NC_NEC) {
            obj = v;
            break;
        }
    }
    if (obj < 0)
        return 0;
    if (find_in(b, b->rank[obj] + 1, b->end[obj], NC_PP, false) >= 0)
        return 0;     /* a second level of prepositions: leave it a phrase */
    if (b->cls[obj] == NC_NEC)
        out[n++] = (piece){obj, true};
    else
        collect(b, obj, -1, out, &n, false);
    for (int32_t k = b->end[obj]; k < b->end[q]; k++) {
        int32_t v = b->order[k];
        if (b->cls[v] == NC_SBAR) {
            collect(b, v, -1, out, &n, true);
            break;
        }
    }
    return n;
}

static void emit(builder *b, int32_t node, bool under_np);


static void emit_children(builder *b, int32_t node, bool under_np)
{
    for (int32_t c = b->t->nodes[node].first_child; c >= 0; c = b->t->nodes[c].next_sibling)
        emit(b, c, under_np);
}

/* Tries to reduce an NP to one entity; false leaves it a phrase. */
static bool reduce_np(builder *b, int32_t np)
{
    piece *p = pieces_for(b, np);
    if (!p)
        return true;
    int32_t n = 0;
    bool done = false;
    int32_t pos = b->first_pos[np];
    int32_t pp = pos < 0 ? b->first_pp[np] : -1;
    if (pos >= 0) {
        collect(b, np, pos, p, &n, false);
        done = true;
    } else if (pp >= 0) {
        n = preposition_entity(b, pp, p);
        done = n > 0;
    } else if (!b->nested_np[np]) {
        collect(b, np, -1, p, &n, false);
        done = true;
    }
    if (done)
        emit_entity(b, p, n);
    return done;
}

static void emit(builder *b, int32_t node, bool under_np)
{
    if (b->nomem)
        return;
    const dy_node *nd = &b->t->nodes[node];
    const char *l = b->lab[node];
    if (nd->word) {
        push_open(b, l, false);
        push_word(b, node);
        push_close(b, l);
        return;
    }
    uint8_t cl = b->cls[node];
    if (cl == NC_SBAR && under_np) {
        /* PETRARCH keeps only the words of a clause inside a noun phrase */
        piece *p = pieces_for(b, node);
        if (!p)
            return;
        int32_t n = 0;
        collect(b, node, -1, p, &n, true);
        push_open(b, "SBR", false);
        for (int32_t i = 0; i < n; i++)
            push_word(b, p[i].node);
        push_close(b, "SBR");
        return;
    }
    if (cl == NC_NP) {
        if (reduce_np(b, node))
            return;
        push_open(b, "NP", false);
        emit_children(b, node, true);
        push_close(b, "NP");
        return;
    }
    if (cl == NC_NEC) {
        wordlist lists[PL_MAX_EXPANSION];
        int n = conjuncts(b, node, lists, PL_MAX_EXPANSION);
        push_open(b, "NEC", false);
        for (int i = 0; i < n; i++)
            emit_wordlist(b, &lists[i]);
        push_close(b, "NEC");
        return;
    }
    push_open(b, l, false);
    emit_children(b, node, under_np);
    push_close(b, l);
}

void pl_link(pl_list *pl)
{
    int32_t sp = 0;
    int32_t *stack = malloc((size_t)(pl->n + 1) * sizeof *stack);
    if (!stack)
        return;
    for (int32_t i = 0; i < pl->n; i++) {
        pl_item *it = &pl->items[i];
        if (it->kind == PL_OPEN) {
            stack[sp++] = i;
        } else if (it->kind == PL_CLOSE && sp > 0) {
            int32_t o = stack[--sp];
            it->mate = o;
            pl->items[o].mate = i;
        }
    }
    free(stack);
}

dyad_status pl_build(dy_arena *a, const dyad_engine *e, const dy_tree *t,
                     pl_list *out, dy_msg *err)
{
    builder b = {.arena = a, .eng = e, .t = t};
    memset(out, 0, sizeof *out);
    if (t->root < 0 || t->n_nodes == 0)
        return dy_fail(err, DYAD_ERR_SYNTAX, "empty parse");
    if (index_tree(&b) != DYAD_OK)
        return dy_fail(err, DYAD_ERR_NOMEM, "out of memory");
    mark_compounds(&b);
    summarise_subtrees(&b);
    emit(&b, t->root, false);
    if (b.nomem)
        return dy_fail(err, DYAD_ERR_NOMEM, "out of memory");
    out->items = b.items;
    out->n = b.n;
    out->start = 2 < b.n ? 2 : b.n;    /* mates were linked while building */
    return DYAD_OK;
}

bool pl_is_dateline(const pl_list *pl)
{
    /* PETRARCH: the first three openings are ROOT, NE, NEC -- an entity
     * holding a compound, i.e. one compound noun phrase and no clause. */
    int seen = 0;
    for (int32_t i = 0; i < pl->n && seen < 2; i++) {
        const pl_item *it = &pl->items[i];
        if (it->kind != PL_OPEN)
            continue;
        if (seen == 0 && it->tag != PL_TAG_ROOT)
            return false;
        if (seen == 1)
            return it->tag == PL_TAG_NEC && it->from_ne;
        seen++;
    }
    return false;
}

/* ---- comma clauses --------------------------------------------------- */

static int32_t count_words(const pl_list *pl, int32_t lo, int32_t hi)
{
    int32_t n = 0;
    for (int32_t i = lo; i < hi && i < pl->n; i++)
        if (pl->items[i].kind == PL_WORD && isalpha((unsigned char)pl->items[i].text[0]))
            n++;
    return n;
}

static int32_t find_comma(const pl_list *pl, int32_t from)
{
    for (int32_t i = from; i < pl->n; i++)
        if (pl->items[i].kind == PL_OPEN && pl->items[i].tag == PL_TAG_COMMA)
            return i;
    return -1;
}

/* Removes the complete phrases lying within [lo, hi); other markup stays. */
static void delete_phrases(pl_list *pl, int32_t lo, int32_t hi)
{
    if (lo < 0)
        lo = 0;
    if (hi > pl->n)
        hi = pl->n;
    int32_t w = 0;
    for (int32_t i = 0; i < pl->n;) {
        pl_item *it = &pl->items[i];
        if (i >= lo && it->kind == PL_OPEN && it->mate > i && it->mate < hi) {
            i = it->mate + 1;
            continue;
        }
        pl->items[w++] = pl->items[i++];
    }
    pl->n = w;
    pl_link(pl);
}

/* delete_phrases() for several disjoint ranges [lo, hi), in order, in one
 * pass. */
static void delete_ranges(pl_list *pl, int32_t (*r)[2], int32_t n)
{
    int32_t w = 0, k = 0;
    for (int32_t i = 0; i < pl->n;) {
        while (k < n && i >= r[k][1])
            k++;
        pl_item *it = &pl->items[i];
        if (k < n && i >= r[k][0] && it->kind == PL_OPEN && it->mate > i &&
            it->mate < r[k][1]) {
            i = it->mate + 1;
            continue;
        }
        pl->items[w++] = pl->items[i++];
    }
    pl->n = w;
    pl_link(pl);
}

static int32_t find_end(const pl_list *pl)
{
    int32_t k = pl->n - 1;
    while (k >= 2 && pl->items[k].kind == PL_CLOSE)
        k--;
    return k - 1;
}

static void remove_items(pl_list *pl, int32_t at, int32_t count)
{
    memmove(pl->items + at, pl->items + at + count,
            (size_t)(pl->n - at - count) * sizeof *pl->items);
    pl->n -= count;
    pl_link(pl);
}

dyad_status pl_delete_comma_clauses(dy_arena *a, pl_list *pl, const dyad_options *o)
{
    (void)a;
    int32_t first = find_comma(pl, 0);
    if (first < 0)
        return DYAD_OK;
    if (o->comma_bmax != 0) {          /* initial clause */
        int32_t k = count_words(pl, 2, first);
        if (k >= o->comma_bmin && k <= o->comma_bmax)
            delete_phrases(pl, 2, first);
    }
    if (o->comma_emax != 0) {          /* terminal clause */
        int32_t kend = find_end(pl);
        int32_t k = kend - 1;
        while (k >= 2 && !(pl->items[k].kind == PL_OPEN && pl->items[k].tag == PL_TAG_COMMA))
            k--;
        if (k >= 2 && pl->items[k].kind == PL_OPEN && pl->items[k].tag == PL_TAG_COMMA) {
            int32_t count = count_words(pl, k, pl->n);
            if (count >= o->comma_emin && count <= o->comma_emax)
                delete_phrases(pl, k + 3, kend);
        }
    }
    if (o->comma_max != 0) {           /* interior clauses, left to right */
        /* Each clause runs from one comma to the next; deleting one never
         * changes the words of the next (its own opening comma goes with
         * it), so every range is found on the list as it stands and all are
         * removed in one pass -- linear, however many commas there are. */
        int32_t n_ranges = 0, cap = 0;
        int32_t (*ranges)[2] = NULL;
        int32_t ka = find_comma(pl, 0);
        while (ka >= 0) {
            int32_t kb = find_comma(pl, ka + 1);
            if (kb < 0)
                break;
            int32_t count = count_words(pl, ka + 2, kb);
            if (count >= o->comma_min && count <= o->comma_max) {
                if (n_ranges == cap) {
                    int32_t ncap = cap ? cap * 2 : 8;
                    int32_t (*nr)[2] = realloc(ranges, (size_t)ncap * sizeof *nr);
                    if (!nr)
                        break;               /* out of memory: delete fewer */
                    ranges = nr;
                    cap = ncap;
                }
                ranges[n_ranges][0] = ka;
                ranges[n_ranges++][1] = kb;
            }
            ka = kb;
        }
        if (n_ranges > 0)
            delete_ranges(pl, ranges, n_ranges);
        free(ranges);
    }
    /* A comma left dangling at the start or the end goes too. */
    int32_t ka = find_comma(pl, 0);
    if (ka >= 0 && count_words(pl, 2, ka) == 0 && ka + 2 < pl->n)
        remove_items(pl, ka, 3);
    int32_t kend = find_end(pl);
    ka = kend - 1;
    while (ka >= 2 && !(pl->items[ka].kind == PL_OPEN && pl->items[ka].tag == PL_TAG_COMMA))
        ka--;
    if (ka >= 2 && pl->items[ka].kind == PL_OPEN && pl->items[ka].tag == PL_TAG_COMMA &&
        count_words(pl, ka + 1, kend) == 0 && ka + 2 < pl->n)
        remove_items(pl, ka, 3);
    return DYAD_OK;
}

/* ---- actor and agent codes -------------------------------------------- */

/* Words that begin a prepositional complement inside an entity ("the
 * coalition in Yemen", "the attack on a tanker"). */
static bool is_preposition(const char *t)
{
    static const char *const preps[] = {
        "of", "in", "on", "at", "against", "from", "with", "for", "by", "to",
        "near", "into", "onto", "over", "under", "across", "inside", "outside",
        "along", "around", "between", "among", "toward", "towards", "through",
        "throughout", "within", "behind", "beyond", "after", "before", "during",
        "since", "via", "off", "upon", "amid", "despite", "including",
    };
    size_t n = strlen(t);
    if (n < 2 || n > 10)
        return false;
    for (size_t i = 0; i < sizeof preps / sizeof *preps; i++)
        if (strlen(preps[i]) == n && strncasecmp(t, preps[i], n) == 0)
            return true;
    return false;
}

/* PETRARCH's check_NEphrase: the first actor found in the phrase gives the
 * base code; every agent found outside the actor's words adds its code
 * before ("NGO~") or after ("~GOV") it -- an agent's words are not searched
 * again for shorter agents -- stopping at the first agent whose code is
 * already there.
 *
 * dyad's addition, hyphenated modifiers (docs/dictionaries.md): a word
 * "X-led", "X-based", "X-flagged" ... (DY_HYPHEN_MEMBER) whose X is an
 * actor gives X's code to a phrase whose own words name no actor.  It
 * counts for the words up to the next preposition (its noun group: "the
 * Saudi-led coalition in Yemen" is SAU, not YEM), after any actor among
 * them ("the US-led Iraqi forces" are IRQ, "the Kurdish-led SDF" the SDF);
 * txt holds the words as written (NULL: no modifier is read). */
static const char *code_phrase(const dyad_engine *e, const uint32_t *w,
                               const char *const *txt, size_t n, int32_t date,
                               bool prefer_named, dy_arena *a)
{
    const char *actor = NULL;
    size_t actor_at = 0, actor_len = 0;
    const char *hy = NULL;             /* modifier of the current noun group */
    size_t hy_at = 0, hy_len = 0;
    for (size_t k = 0; k < n && !actor; k++) {
        size_t len, at;
        const char *code;
        if (hy && txt[k] && is_preposition(txt[k]))
            break;                        /* the modifier's noun group ends */
        if (w[k] && dy_actors_match(e->actors, w, n, k, date, &len, &code)) {
            actor = code;
            actor_at = k;
            actor_len = len;
        } else if (!hy && txt && txt[k] && strchr(txt[k], '-') &&
                   dy_actors_match_hyphen(e->actors, w, n, k, txt[k], date, &at, &len,
                                          &code)) {
            hy = code;
            hy_at = at;
            hy_len = len;
        }
    }
    if (!actor && hy) {
        actor = hy;
        actor_at = hy_at;
        actor_len = hy_len;
    }
    /* "his Chinese counterpart Wang Yi": a nationality (a bare country
     * code) followed by a named actor of that country is the named actor
     * (CHNGOV, not CHN).  dyad's refinement of the first-actor rule, for
     * articles only (pl_assign_codes). */
    if (prefer_named && actor && strlen(actor) == 3) {
        for (size_t k = actor_at + actor_len; k < n; k++) {
            size_t len;
            const char *code;
            if (w[k] && dy_actors_match(e->actors, w, n, k, date, &len, &code) &&
                strlen(code) > 3 && strncmp(code, actor, 3) == 0 && !strchr(code, '/')) {
                actor = code;
                actor_at = k;
                actor_len = len;
                break;
            }
        }
    }
    /* A named actor whose code already has its sector ("HUNGOV" for Viktor
     * Orban, "PAKOPP" for Imran Khan) is not recoded by the titles before
     * the name ("former prime minister" would make PAKOPPELI, "Chancellor"
     * DEUELIGOV); agents after it still count ("UN peacekeepers").
     * Articles only. */
    bool skip_titles = prefer_named && actor && strlen(actor) >= 6;
    char buf[256];
    size_t bl = 0;
    bool any_agent = false;
    if (actor) {
        bl = strlen(actor);
        if (bl >= sizeof buf)
            bl = sizeof buf - 1;
        memcpy(buf, actor, bl);
    }
    for (size_t k = 0; k < n; k++) {
        size_t len;
        const char *code;
        bool prefix;
        if (actor && k >= actor_at && k < actor_at + actor_len)
            continue;                     /* the actor's words are not agents */
        if (skip_titles && k < actor_at)
            continue;
        if (!w[k] || !dy_agents_match(e->agents, w, n, k, &len, &code, &prefix))
            continue;
        if (len > 1)
            k += len - 1;                 /* an agent's words are used up */
        if (!any_agent) {
            any_agent = true;
            if (!actor) {
                memcpy(buf, "---", 3);
                bl = 3;
            }
        }
        size_t cl = strlen(code);
        bool dup = false;
        for (size_t x = 0; cl > 0 && x + cl <= bl; x += 3)
            if (memcmp(buf + x, code, cl) == 0) {
                dup = true;
                break;
            }
        if (dup)
            break;
        if (bl + cl >= sizeof buf)
            break;
        if (prefix) {
            memmove(buf + cl, buf, bl);
            memcpy(buf, code, cl);
        } else {
            memcpy(buf + bl, code, cl);
        }
        bl += cl;
    }
    if (!actor && !any_agent)
        return NULL;
    return dy_arena_strndup(a, buf, bl);
}

/* The only word of the entity opened at i besides a leading "the", or -1. */
static int32_t only_word(const pl_list *pl, int32_t i)
{
    int32_t at = -1;
    for (int32_t j = i + 1; j < pl->items[i].mate; j++)
        if (pl->items[j].kind == PL_WORD) {
            if (at < 0 && strcasecmp(pl->items[j].text, "the") == 0)
                continue;
            if (at >= 0)
                return -1;
            at = j;
        }
    return at;
}

static bool is_country_code(const char *code)
{
    return code && strlen(code) == 3 && strcmp(code, "---") != 0;
}

/* "Indian and Pakistani troops", "US and Iraqi forces": nationalities
 * joined before one noun share it.  When the last member of a compound
 * begins with a word that alone is a country and its code adds a sector
 * to that country (PAK + MIL), each earlier member that is one word coded
 * as a bare country takes the same sector.  "Israel and Hamas militants"
 * is left alone: Hamas alone is not a country. */
static void share_head_nouns(pl_list *pl, const dyad_engine *e, int32_t date, dy_arena *a)
{
    for (int32_t i = 0; i < pl->n; i++) {
        const pl_item *nec = &pl->items[i];
        if (nec->kind != PL_OPEN || nec->tag != PL_TAG_NEC || nec->mate <= i)
            continue;
        int32_t last = -1;
        for (int32_t j = i + 1; j < nec->mate; j++)
            if (pl->items[j].kind == PL_OPEN && pl->items[j].tag == PL_TAG_NE)
                last = j;
        if (last < 0 || !pl->items[last].code || only_word(pl, last) >= 0)
            continue;
        int32_t first = last + 1;
        while (first < pl->items[last].mate && pl->items[first].kind != PL_WORD)
            first++;
        if (first >= pl->items[last].mate)
            continue;
        uint32_t w = pl->items[first].wid;
        const char *t = pl->items[first].text;
        const char *alone = code_phrase(e, &w, &t, 1, date, true, a);
        const char *full = pl->items[last].code;
        if (!is_country_code(alone) || strncmp(full, alone, 3) != 0 || strlen(full) <= 3)
            continue;
        const char *sector = full + 3;
        for (int32_t j = i + 1; j < last; j++) {
            pl_item *m = &pl->items[j];
            if (m->kind != PL_OPEN || m->tag != PL_TAG_NE || only_word(pl, j) < 0 ||
                !is_country_code(m->code))
                continue;
            size_t n = strlen(sector);
            char *code = dy_arena_alloc(a, 4 + n);
            if (!code)
                return;
            memcpy(code, m->code, 3);
            memcpy(code + 3, sector, n + 1);
            m->code = code;
        }
        i = nec->mate;
    }
}

void pl_assign_codes(pl_list *pl, const dyad_engine *e, int32_t date, bool prefer_named,
                     dy_arena *a)
{
    uint32_t *w = NULL;
    const char **txt = NULL;
    size_t wcap = 0;
    for (int32_t i = 0; i < pl->n; i++) {
        pl_item *it = &pl->items[i];
        if (it->kind != PL_OPEN || it->tag != PL_TAG_NE || it->mate <= i)
            continue;
        size_t n = 0;
        for (int32_t j = i + 1; j < it->mate; j++) {
            if (pl->items[j].kind != PL_WORD)
                continue;
            if (n == wcap) {
                size_t ncap = wcap ? wcap * 2 : 64;
                uint32_t *nw = realloc(w, ncap * sizeof *nw);
                if (!nw)
                    break;
                w = nw;
                const char **nt = realloc(txt, ncap * sizeof *nt);
                if (!nt)
                    break;
                txt = nt;
                wcap = ncap;
            }
            w[n] = pl->items[j].wid;
            txt[n++] = pl->items[j].text;
        }
        const char *code = code_phrase(e, w, txt, n, date, prefer_named, a);
        if (code)
            it->code = code;
    }
    if (prefer_named)
        share_head_nouns(pl, e, date, a);
    free(w);
    free(txt);
}

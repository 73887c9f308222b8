/* treebank.c -- reads Penn Treebank bracketings into a dy_tree; see tree.h.
 *
 * The reader is one left-to-right pass over the text with an explicit stack
 * of open nodes, so neither deep nesting nor long input can exhaust the C
 * stack, and the work is linear in the input.  All memory comes from the
 * caller's arena in one block, sized up front: the number of '(' bounds the
 * number of nodes and of tokens, the smaller of that and the depth limit
 * bounds the stack (after one entry for the outside of the tree), and the
 * text is copied once (len bytes and 8 of NUL padding, so that words can be
 * scanned several bytes at a time).  Labels and words
 * point into that copy: the delimiter byte after each one is replaced by a
 * NUL once it has been read (it is kept in a variable for the next step),
 * so no label or word is copied or measured on its own.
 *
 * Whitespace is any of the six ASCII space characters, so a parse may be
 * given as written, with newlines and indentation, or on one line.
 *
 * Grammar (whitespace anywhere between tokens):
 *   node  := '(' label? ( word | node+ ) ')'
 *   label, word := a run of bytes other than whitespace, '(', ')' and NUL
 * A node whose label is absent -- the outer "( (S ...) )" of Treebank files
 * -- gets the label "".  A node must hold exactly one word (a preterminal)
 * or one or more child nodes.
 *
 * Repair rule: only the outermost bracket pair is ever repaired.  A parser
 * wraps a sentence in (ROOT ...) or an unlabeled ( ... ) holding exactly one
 * phrase.  When that phrase is complete and balanced, the imbalance is
 * confined to the wrapper's own bracket at the end of the string, and the
 * reading is clear:
 *   1. the wrapper is the only node left open at the end -> it is closed;
 *   2. ')' follow after the wrapper has closed -> they are dropped.
 * (Surplus closers can only appear this way when the wrapper closed after
 * its one phrase: a closer too many inside the tree closes the wrapper
 * early, so it ends up holding more than one child.)  Everything else is an
 * error, as in PETRARCH, which rejects every unbalanced parse; its unit
 * tests ERROR-02 and ERROR-03 must stay errors:
 *   ERROR-02 lacks a "(VP": the root closes one bracket early around S and
 *            "(. .)", and one ')' is left over -> two children, error;
 *   ERROR-03 lacks "))" inside: at the end both the root and its S are
 *            still open -> more than the wrapper is missing, error.
 * One bracket missing inside the tree can look exactly like case 1; no rule
 * over the string can tell those apart, and the result is still a
 * well-formed tree over the same words.
 * Anything else -- text after the root (a second tree), text before the
 * first '(', ')' before any '(' -- is an error. */
#include "parse/tree.h"

#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* A node on the stack of open nodes, with what it holds so far, so that the
 * checks while reading need not look at the node itself:
 *   OPEN_LABEL  nothing: it was just opened, so a word now is its label
 *   OPEN_EMPTY  its label only, so a word now is its word
 *   OPEN_WORD   its word (it is a preterminal)
 *   >= 0        phrases; the value is the index of the last one
 * so a node may be closed exactly when holds >= OPEN_WORD.  The stack's
 * first entry stands for the outside of the tree: OUTSIDE. */
enum { OUTSIDE = -4, OPEN_LABEL = -3, OPEN_EMPTY = -2, OPEN_WORD = -1 };

typedef struct open_node {
    int32_t node;
    int32_t holds;   /* see above */
} open_node;

/* What the scanner does with a byte.  A NUL is the end of the copy, or a NUL
 * byte in the text, which is an error. */
enum { C_WORD = 0, C_SPACE, C_OPEN, C_CLOSE, C_END };

static const unsigned char byte_class[256] = {
    ['\0'] = C_END,
    [' '] = C_SPACE, ['\t'] = C_SPACE, ['\n'] = C_SPACE,
    ['\r'] = C_SPACE, ['\f'] = C_SPACE, ['\v'] = C_SPACE,   /* as dy_isspace() */
    ['('] = C_OPEN, [')'] = C_CLOSE,
};

size_t dy_count_byte(const char *s, size_t n, char c)
{
    size_t count = 0, i = 0;
#if defined(__SSE2__)
    if (n >= 16) {
        /* 16 bytes a step: a matching byte compares to 0xFF (-1), so
         * subtracting the comparison counts matches per byte lane; the
         * lanes are summed before any can pass 255. */
        const __m128i needle = _mm_set1_epi8(c), zero = _mm_setzero_si128();
        while (n - i >= 16) {
            size_t steps = (n - i) / 16;
            if (steps > 254)
                steps = 254;   /* and one more for the tail below */
            __m128i lanes = zero;
            size_t k = 0;
            for (; k + 2 <= steps; k += 2, i += 32) {
                __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
                __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 16));
                lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(v0, needle));
                lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(v1, needle));
            }
            if (k < steps) {
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
                lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(v, needle));
                i += 16;
            }
            if (n - i < 16 && i < n) {
                /* The last n - i bytes: the 16 that end at s + n, with the
                 * lanes already counted masked off. */
                static const unsigned char last_lanes[32] = {
                    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    255, 255, 255, 255, 255, 255, 255, 255,
                    255, 255, 255, 255, 255, 255, 255, 255,
                };
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
                __m128i keep =
                    _mm_loadu_si128((const __m128i *)(const void *)(last_lanes + (n - i)));
                lanes = _mm_sub_epi8(lanes, _mm_and_si128(_mm_cmpeq_epi8(v, needle), keep));
                i = n;
            }
            __m128i sums = _mm_sad_epu8(lanes, zero);   /* two 16-bit sums */
            count += (size_t)_mm_extract_epi16(sums, 0) + (size_t)_mm_extract_epi16(sums, 4);
        }
        return count;
    }
#endif
    for (; i < n; i++)
        count += s[i] == c;
    return count;
}

/* --- errors (the rare path, kept out of the scanning loop) ------------ */

#if defined(__GNUC__) || defined(__clang__)
#define TB_COLD __attribute__((noinline, cold))
#else
#define TB_COLD
#endif

static const char *label_for_message(const dy_node *nodes, int32_t node)
{
    const char *label = nodes[node].label;
    return *label ? label : "(unlabeled)";
}

static int child_count(const dy_tree *t, int32_t node)
{
    int count = 0;
    for (int32_t c = t->nodes[node].first_child; c >= 0; c = t->nodes[c].next_sibling)
        count++;
    return count;
}

/* (ROOT x) or ( x): the shape of a whole parse, so its own closing bracket
 * is the only one whose place is certain. */
static int is_one_phrase_wrapper(const dy_tree *t)
{
    const char *label = t->nodes[t->root].label;
    return (label[0] == '\0' || strcmp(label, "ROOT") == 0) && child_count(t, t->root) == 1;
}

/* Applies the repair rule (see the top of this file) once the text is read:
 * depth nodes are still open, surplus ')' came after the root closed. */
static dyad_status finish_or_repair(dy_tree *t, size_t len, int depth, int surplus,
                                    dy_msg *err)
{
    if (depth > 1)
        return dy_fail(err, DYAD_ERR_SYNTAX,
                       "parse offset %zu: %d closing brackets missing (only the outermost "
                       "one is ever supplied)",
                       len, depth);
    if (depth == 1 || surplus > 0) {
        if (!is_one_phrase_wrapper(t))
            return dy_fail(err, DYAD_ERR_SYNTAX,
                           "parse: %s closing bracket at the end, and the root (%s) is not "
                           "a ROOT wrapper around one phrase (it has %d children)",
                           depth ? "a missing" : "a surplus",
                           label_for_message(t->nodes, t->root), child_count(t, t->root));
        /* depth 1: the wrapper has its child, so closing it cannot fail */
        t->repaired = 1;
    }
    return DYAD_OK;
}

/* A NUL byte in the text is reported before any other problem, but looked
 * for only once there is one (or the scan stopped early at a NUL): returns
 * DYAD_OK when the text holds none, else the error. */
static TB_COLD dyad_status fail_if_nul(const char *text, size_t len, dy_msg *err)
{
    const char *nul = len ? memchr(text, '\0', len) : NULL;
    if (!nul)
        return DYAD_OK;
    return dy_fail(err, DYAD_ERR_SYNTAX, "parse offset %zu: NUL byte", (size_t)(nul - text));
}

/* Checks what can be checked before allocating, and counts the '('. */
static dyad_status prescan(const char *text, size_t len, int32_t *opens, dy_msg *err)
{
    size_t first = 0;
    while (first < len && dy_isspace((unsigned char)text[first]))
        first++;
    if (first == len)   /* all spaces, so no NUL either */
        return dy_fail(err, DYAD_ERR_SYNTAX, "parse: empty");
    size_t count = dy_count_byte(text + first, len - first, '(');
    if (count == 0 || count > DY_TREE_MAX_NODES) {
        dyad_status st = fail_if_nul(text, len, err);
        if (st != DYAD_OK)
            return st;
    }
    if (count == 0)
        return dy_fail(err, DYAD_ERR_SYNTAX, "parse: no '(' in the text");
    if (count > DY_TREE_MAX_NODES)
        return dy_fail(err, DYAD_ERR_LIMIT, "parse: more than %d nodes",
                       DY_TREE_MAX_NODES);
    *opens = (int32_t)count;
    return DYAD_OK;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && \
    (defined(__GNUC__) || defined(__clang__))
#define TB_SWAR 1
#endif

/* Bytes of NUL padding after the copy of the text, so that word_end() may
 * read a few bytes at a time without reading outside it (3 would do). */
#define TB_PAD 8

/* The first delimiter at or after p.  The copy ends with a NUL and TB_PAD
 * bytes in all, so the scan always stops inside it. */
static char *word_end(char *p)
{
#ifdef TB_SWAR
    /* Four bytes a step (most labels and words are short, and 32-bit masks
     * fit in instructions).  Every delimiter is below 0x2A (the NUL, the
     * spaces, '(' and ')'); the lowest byte flagged below 0x2A is exact, and
     * when it is not a delimiter ('$', '&', '"', ...) the scan goes on. */
    for (;;) {
        uint32_t w, low;
        memcpy(&w, p, 4);
        low = (w - 0x2A2A2A2Au) & ~w & 0x80808080u;
        if (low == 0) {
            p += 4;
            continue;
        }
        p += (unsigned)__builtin_ctz(low) >> 3;
        if (byte_class[(unsigned char)*p] != C_WORD)
            return p;
        p++;
    }
#else
    while (byte_class[(unsigned char)*p] == C_WORD)
        p++;
    return p;
#endif
}

/* What the pass needs only when something is wrong or at the end; kept
 * apart so that the hot loop has its registers to itself. */
typedef struct tb_scan {
    dy_tree *tree;
    const char *text;    /* as given */
    char *buf;           /* its copy */
    size_t len;
    open_node *stack;    /* [0] is OUTSIDE; [1..] the open nodes, outermost first */
    open_node *stack_end;   /* 1 + min(number of '(', DY_TREE_MAX_DEPTH) entries */
    dy_msg *err;
    int root_closed;     /* set for scan_fail(): the root has been read */
    int surplus;         /* ')' read after the root closed */
} tb_scan;

enum tb_problem {
    TB_TOO_DEEP, TB_WORD_AND_PHRASE, TB_SECOND_TREE, TB_CLOSE_FIRST, TB_EMPTY_NODE,
    TB_TEXT_OUTSIDE, TB_WORD_AFTER_PHRASE, TB_SECOND_WORD,
};

/* The message for problem `what` at p; top is the innermost open node (or
 * OUTSIDE) and its node's fields are as read so far; n_nodes have been
 * opened. */
static TB_COLD dyad_status scan_fail(tb_scan *x, const char *p, enum tb_problem what,
                                     const open_node *top, int32_t n_nodes)
{
    const dy_node *nodes = x->tree->nodes;
    x->root_closed = n_nodes > 0;
    size_t offset = (size_t)(p - x->buf);
    dyad_status st = fail_if_nul(x->text, x->len, x->err);
    if (st != DYAD_OK)
        return st;
    switch (what) {
    case TB_TOO_DEEP:
        return dy_fail(x->err, DYAD_ERR_LIMIT, "parse offset %zu: brackets nested deeper than %d",
                       offset, DY_TREE_MAX_DEPTH);
    case TB_WORD_AND_PHRASE:
        return dy_fail(x->err, DYAD_ERR_SYNTAX,
                       "parse offset %zu: (%s %s) has both a word and a bracketed phrase",
                       offset, label_for_message(nodes, top->node), nodes[top->node].word);
    case TB_SECOND_TREE:
        return dy_fail(x->err, DYAD_ERR_SYNTAX,
                       "parse offset %zu: a second tree follows the end of the first", offset);
    case TB_CLOSE_FIRST:
        return dy_fail(x->err, DYAD_ERR_SYNTAX, "parse offset %zu: ')' before any '('", offset);
    case TB_EMPTY_NODE:
        return dy_fail(x->err, DYAD_ERR_SYNTAX,
                       "parse offset %zu: (%s) has neither a word nor a phrase", offset,
                       nodes[top->node].label);
    case TB_TEXT_OUTSIDE:
        return dy_fail(x->err, DYAD_ERR_SYNTAX,
                       x->root_closed ? "parse offset %zu: text after the end of the tree"
                                      : "parse offset %zu: text before the first '('",
                       offset);
    case TB_WORD_AFTER_PHRASE:
        return dy_fail(x->err, DYAD_ERR_SYNTAX,
                       "parse offset %zu: word \"%s\" follows a bracketed phrase inside (%s",
                       offset, p, label_for_message(nodes, top->node));
    case TB_SECOND_WORD:
    default:
        return dy_fail(x->err, DYAD_ERR_SYNTAX, "parse offset %zu: (%s %s has a second word \"%s\"",
                       offset, label_for_message(nodes, top->node), nodes[top->node].word, p);
    }
}

/* The single pass over x->buf (a copy of the text, NUL-terminated at len). */
static dyad_status scan(tb_scan *x)
{
    static const dy_node fresh = { "", NULL, -1, -1, -1, -1 };
    dy_node *const nodes = x->tree->nodes;
    int32_t *const token_node = x->tree->token_node;
    int32_t n_nodes = 0, n_tokens = 0;
    open_node *sp = x->stack + 1;   /* the next free entry; sp[-1] is the innermost */
    char *p = x->buf;
    unsigned char c = (unsigned char)*p;   /* the byte at p (p may hold a NUL by now) */

    /* Once the root has closed (n_nodes > 0 with only OUTSIDE on the
     * stack) nothing is opened again, so that needs no flag. */
    for (;;) {
        unsigned char kind = byte_class[c];
        while (kind == C_SPACE) {
            c = (unsigned char)*++p;
            kind = byte_class[c];
        }

        if (kind == C_OPEN) {
            open_node *top = sp - 1;
            int32_t id = n_nodes;   /* in bounds: one node per '(' */
            dy_node *n = &nodes[id];
            if (top->holds != OUTSIDE) {
                if (sp == x->stack_end)
                    return scan_fail(x, p, TB_TOO_DEEP, top, n_nodes);
                if (top->holds == OPEN_WORD)
                    return scan_fail(x, p, TB_WORD_AND_PHRASE, top, n_nodes);
                *n = fresh;
                n->parent = top->node;
                if (top->holds >= 0)
                    nodes[top->holds].next_sibling = id;
                else
                    nodes[top->node].first_child = id;
                top->holds = id;
            } else {
                if (n_nodes > 0)
                    return scan_fail(x, p, TB_SECOND_TREE, top, n_nodes);
                *n = fresh;
                x->tree->root = id;
            }
            n_nodes++;
            sp->node = id;
            c = (unsigned char)*++p;
            if (byte_class[c] != C_WORD) {   /* "( (S", "(\n": the label may come later */
                sp->holds = OPEN_LABEL;
                sp++;
                continue;
            }
            /* the label, as in nearly every node */
            char *end = word_end(p + 1);
            c = (unsigned char)*end;
            *end = '\0';
            n->label = p;
            sp->holds = OPEN_EMPTY;
            sp++;
            p = end;
            continue;
        }

        if (kind == C_CLOSE) {
            open_node *top = sp - 1;
            if (top->holds < OPEN_WORD) {   /* OUTSIDE, or a node with nothing in it */
                if (top->holds != OUTSIDE || n_nodes == 0)
                    return scan_fail(x, p, top->holds == OUTSIDE ? TB_CLOSE_FIRST : TB_EMPTY_NODE,
                                     top, n_nodes);
                x->surplus++;
            } else {
                sp--;
            }
            c = (unsigned char)*++p;
            continue;
        }

        if (kind == C_END) {
            if (p != x->buf + x->len)   /* a NUL byte in the text */
                return fail_if_nul(x->text, x->len, x->err);
            x->tree->n_nodes = n_nodes;
            x->tree->n_tokens = n_tokens;
            return finish_or_repair(x->tree, x->len, (int)(sp - x->stack) - 1, x->surplus,
                                    x->err);
        }

        /* A label or a word, up to the next delimiter, which is replaced by
         * a NUL once its byte is in c. */
        char *end = word_end(p + 1);
        c = (unsigned char)*end;
        *end = '\0';
        open_node *top = sp - 1;
        if (top->holds == OPEN_EMPTY) {
            dy_node *n = &nodes[top->node];
            n->word = p;
            n->token = n_tokens;
            token_node[n_tokens++] = top->node;
            top->holds = OPEN_WORD;
        } else if (top->holds == OPEN_LABEL) {
            nodes[top->node].label = p;
            top->holds = OPEN_EMPTY;
        } else {
            return scan_fail(x, p,
                             top->holds == OUTSIDE     ? TB_TEXT_OUTSIDE
                             : top->holds == OPEN_WORD ? TB_SECOND_WORD
                                                       : TB_WORD_AFTER_PHRASE,
                             top, n_nodes);
        }
        p = end;
    }
}

dyad_status dy_treebank_read(dy_arena *arena, const char *text, size_t len,
                             dy_tree *out, dy_msg *err)
{
    memset(out, 0, sizeof *out);
    out->root = -1;
    if (!arena || (!text && len > 0))
        return dy_fail(err, DYAD_ERR_ARG, "parse: no arena or no text");

    int32_t opens = 0;
    dyad_status st = prescan(text, len, &opens, err);
    if (st != DYAD_OK)
        return st;

    /* One block: nodes, token_node, the stack, then the copy of the text.
     * Every part's size is a multiple of 4 and nodes come first, so each
     * part is suitably aligned.  No overflow: opens <= DY_TREE_MAX_NODES. */
    size_t n_open = (size_t)opens;
    size_t depth_cap = n_open < DY_TREE_MAX_DEPTH ? n_open : DY_TREE_MAX_DEPTH;
    size_t fixed = n_open * sizeof(dy_node) + n_open * sizeof(int32_t) +
                   (1 + depth_cap) * sizeof(open_node);
    char *block = len < SIZE_MAX - fixed - TB_PAD ? dy_arena_alloc(arena, fixed + len + TB_PAD)
                                                  : NULL;
    if (!block)
        return dy_fail(err, DYAD_ERR_NOMEM, "parse: out of memory");
    out->nodes = (dy_node *)(void *)block;
    out->token_node = (int32_t *)(void *)(block + n_open * sizeof(dy_node));
    open_node *stack = (open_node *)(void *)(out->token_node + n_open);
    char *buf = (char *)(stack + 1 + depth_cap);
    memcpy(buf, text, len);
    memset(buf + len, 0, TB_PAD);

    stack[0].node = -1;
    stack[0].holds = OUTSIDE;
    tb_scan x = { .tree = out, .text = text, .buf = buf, .len = len,
                  .stack = stack, .stack_end = stack + 1 + depth_cap, .err = err };
    st = scan(&x);
    if (st != DYAD_OK) {
        /* The arena memory is simply abandoned; the caller resets it. */
        memset(out, 0, sizeof *out);
        out->root = -1;
    }
    return st;
}

/* Appends s[0..n) to buf while it fits, always counting the full length. */
static void emit(char *buf, size_t cap, size_t *used, const char *s, size_t n)
{
    if (*used < cap) {
        size_t room = cap - *used;
        memcpy(buf + *used, s, n < room ? n : room);
    }
    *used += n;
}

size_t dy_tree_format(const dy_tree *t, char *buf, size_t cap)
{
    size_t used = 0;
    if (t && t->root >= 0) {
        int32_t id = t->root;
        for (;;) {
            const dy_node *n = &t->nodes[id];
            emit(buf, cap, &used, "(", 1);
            emit(buf, cap, &used, n->label, strlen(n->label));
            if (n->word) {
                emit(buf, cap, &used, " ", 1);
                emit(buf, cap, &used, n->word, strlen(n->word));
            }
            if (n->first_child >= 0) {   /* descend */
                emit(buf, cap, &used, " ", 1);
                id = n->first_child;
                continue;
            }
            emit(buf, cap, &used, ")", 1);
            /* climb until a node has a next sibling, closing as we go */
            while (id != t->root && t->nodes[id].next_sibling < 0) {
                id = t->nodes[id].parent;
                emit(buf, cap, &used, ")", 1);
            }
            if (id == t->root)
                break;
            emit(buf, cap, &used, " ", 1);
            id = t->nodes[id].next_sibling;
        }
    }
    if (cap > 0)
        buf[used < cap ? used : cap - 1] = '\0';
    return used;
}

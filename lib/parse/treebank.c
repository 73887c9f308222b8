/* treebank.c -- reads Penn Treebank bracketings into a dy_tree; see tree.h.
 *
 * The reader is one left-to-right pass over the text with an explicit stack
 * of open nodes, so neither deep nesting nor long input can exhaust the C
 * stack, and the work is linear in the input.  All memory comes from the
 * caller's arena, sized up front: the number of '(' bounds the number of
 * nodes, and every label or word plus its NUL fits in len + 1 bytes (each
 * word is followed by a distinct delimiter byte, or by the end).
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

#include <string.h>

typedef struct open_node {
    int32_t node;
    int32_t last_child;   /* -1 until the first child is attached */
} open_node;

/* Everything the single pass needs; lives on the C stack of the caller. */
typedef struct tb_reader {
    const char *text;
    size_t len, pos;
    dy_tree *tree;
    char *strings;        /* next free byte of the label/word buffer */
    open_node *stack;     /* open nodes, outermost first */
    int depth;
    int label_pending;    /* the top node was just opened: a word is its label */
    int root_closed;
    int surplus_closers;  /* ')' read after the root closed */
    dy_msg *err;
} tb_reader;

static int is_delimiter(char c)
{
    return c == '(' || c == ')' || c == '\0' || dy_isspace((unsigned char)c);
}

static const char *node_label_for_message(const tb_reader *r, int32_t node)
{
    const char *label = r->tree->nodes[node].label;
    return *label ? label : "(unlabeled)";
}

static dyad_status open_node_at(tb_reader *r, size_t offset)
{
    if (r->root_closed)
        return dy_fail(r->err, DYAD_ERR_SYNTAX,
                       "parse offset %zu: a second tree follows the end of the first",
                       offset);
    if (r->depth >= DY_TREE_MAX_DEPTH)
        return dy_fail(r->err, DYAD_ERR_LIMIT,
                       "parse offset %zu: brackets nested deeper than %d", offset,
                       DY_TREE_MAX_DEPTH);

    dy_tree *t = r->tree;
    int32_t id = t->n_nodes++;   /* in bounds: the arrays hold one node per '(' */
    dy_node *n = &t->nodes[id];
    n->label = "";
    n->word = NULL;
    n->parent = -1;
    n->first_child = -1;
    n->next_sibling = -1;
    n->token = -1;

    if (r->depth > 0) {
        open_node *top = &r->stack[r->depth - 1];
        dy_node *parent = &t->nodes[top->node];
        if (parent->word)
            return dy_fail(r->err, DYAD_ERR_SYNTAX,
                           "parse offset %zu: (%s %s) has both a word and a bracketed phrase",
                           offset, node_label_for_message(r, top->node), parent->word);
        n->parent = top->node;
        if (top->last_child < 0)
            parent->first_child = id;
        else
            t->nodes[top->last_child].next_sibling = id;
        top->last_child = id;
    } else {
        t->root = id;
    }
    r->stack[r->depth].node = id;
    r->stack[r->depth].last_child = -1;
    r->depth++;
    r->label_pending = 1;
    return DYAD_OK;
}

static dyad_status take_word(tb_reader *r, size_t offset, size_t end)
{
    if (r->depth == 0)
        return dy_fail(r->err, DYAD_ERR_SYNTAX,
                       r->root_closed
                           ? "parse offset %zu: text after the end of the tree"
                           : "parse offset %zu: text before the first '('",
                       offset);

    size_t n = end - offset;
    char *s = r->strings;
    memcpy(s, r->text + offset, n);
    s[n] = '\0';
    r->strings += n + 1;

    int32_t id = r->stack[r->depth - 1].node;
    dy_node *node = &r->tree->nodes[id];
    if (r->label_pending) {
        node->label = s;
        r->label_pending = 0;
        return DYAD_OK;
    }
    if (node->first_child >= 0)
        return dy_fail(r->err, DYAD_ERR_SYNTAX,
                       "parse offset %zu: word \"%s\" follows a bracketed phrase inside (%s",
                       offset, s, node_label_for_message(r, id));
    if (node->word)
        return dy_fail(r->err, DYAD_ERR_SYNTAX,
                       "parse offset %zu: (%s %s has a second word \"%s\"", offset,
                       node_label_for_message(r, id), node->word, s);
    node->word = s;
    node->token = r->tree->n_tokens;
    r->tree->token_node[r->tree->n_tokens++] = id;
    return DYAD_OK;
}

/* Pops the innermost open node, which must have a word or children. */
static dyad_status close_top(tb_reader *r, size_t offset)
{
    int32_t id = r->stack[r->depth - 1].node;
    const dy_node *node = &r->tree->nodes[id];
    if (!node->word && node->first_child < 0)
        return dy_fail(r->err, DYAD_ERR_SYNTAX,
                       "parse offset %zu: (%s) has neither a word nor a phrase", offset,
                       node->label);
    r->depth--;
    r->label_pending = 0;
    if (r->depth == 0)
        r->root_closed = 1;
    return DYAD_OK;
}

static dyad_status close_node_at(tb_reader *r, size_t offset)
{
    if (r->depth == 0) {
        if (!r->root_closed)
            return dy_fail(r->err, DYAD_ERR_SYNTAX,
                           "parse offset %zu: ')' before any '('", offset);
        r->surplus_closers++;
        return DYAD_OK;
    }
    return close_top(r, offset);
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

/* Applies the repair rule (see the top of this file) once the text is read. */
static dyad_status finish_or_repair(tb_reader *r)
{
    dy_tree *t = r->tree;
    if (r->depth > 1)
        return dy_fail(r->err, DYAD_ERR_SYNTAX,
                       "parse offset %zu: %d closing brackets missing (only the outermost "
                       "one is ever supplied)",
                       r->len, r->depth);
    if (r->depth == 1 || r->surplus_closers > 0) {
        if (!is_one_phrase_wrapper(t))
            return dy_fail(r->err, DYAD_ERR_SYNTAX,
                           "parse: %s closing bracket at the end, and the root (%s) is not "
                           "a ROOT wrapper around one phrase (it has %d children)",
                           r->depth ? "a missing" : "a surplus",
                           node_label_for_message(r, t->root), child_count(t, t->root));
        if (r->depth == 1)
            r->depth = 0;   /* the wrapper has its child, so closing it cannot fail */
        t->repaired = 1;
    }
    return DYAD_OK;
}

/* Checks what can be checked before allocating, and counts the '('. */
static dyad_status prescan(const char *text, size_t len, int32_t *opens, dy_msg *err)
{
    size_t count = 0, first_nonspace = len;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c == '(')
            count++;
        else if (c == '\0')
            return dy_fail(err, DYAD_ERR_SYNTAX, "parse offset %zu: NUL byte", i);
        if (first_nonspace == len && !dy_isspace((unsigned char)c))
            first_nonspace = i;
    }
    if (first_nonspace == len)
        return dy_fail(err, DYAD_ERR_SYNTAX, "parse: empty");
    if (count == 0)
        return dy_fail(err, DYAD_ERR_SYNTAX, "parse: no '(' in the text");
    if (count > DY_TREE_MAX_NODES)
        return dy_fail(err, DYAD_ERR_LIMIT, "parse: more than %d nodes",
                       DY_TREE_MAX_NODES);
    *opens = (int32_t)count;
    return DYAD_OK;
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

    tb_reader r = { .text = text, .len = len, .tree = out, .err = err };
    out->nodes = dy_arena_alloc(arena, (size_t)opens * sizeof *out->nodes);
    out->token_node = dy_arena_alloc(arena, (size_t)opens * sizeof *out->token_node);
    r.strings = dy_arena_alloc(arena, len + 1);
    r.stack = dy_arena_alloc(arena, DY_TREE_MAX_DEPTH * sizeof *r.stack);
    if (!out->nodes || !out->token_node || !r.strings || !r.stack) {
        memset(out, 0, sizeof *out);
        out->root = -1;
        return dy_fail(err, DYAD_ERR_NOMEM, "parse: out of memory");
    }

    while (st == DYAD_OK && r.pos < len) {
        size_t start = r.pos;
        char c = text[start];
        if (dy_isspace((unsigned char)c)) {
            r.pos++;
        } else if (c == '(') {
            r.pos++;
            st = open_node_at(&r, start);
        } else if (c == ')') {
            r.pos++;
            st = close_node_at(&r, start);
        } else {
            while (r.pos < len && !is_delimiter(text[r.pos]))
                r.pos++;
            st = take_word(&r, start, r.pos);
        }
    }
    if (st == DYAD_OK)
        st = finish_or_repair(&r);
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

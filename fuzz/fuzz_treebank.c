/* fuzz_treebank.c -- libFuzzer target for dy_treebank_read / dy_tree_format.
 *
 * Besides memory errors it checks that every tree read is well linked, and
 * that formatting it and reading the result back gives the same text (the
 * formatter's output is balanced, so it must never need repair). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/tree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_links(const dy_tree *t)
{
    if (t->root != 0 || t->n_nodes <= 0 || t->nodes[0].parent != -1)
        abort();
    int32_t tokens = 0;
    for (int32_t i = 0; i < t->n_nodes; i++) {
        const dy_node *n = &t->nodes[i];
        if (!n->label || (n->word != NULL) == (n->first_child >= 0))
            abort();   /* exactly one of: a word, children */
        if (i > 0 && (n->parent < 0 || n->parent >= i))
            abort();   /* nodes are stored in pre-order */
        for (int32_t c = n->first_child; c >= 0; c = t->nodes[c].next_sibling)
            if (t->nodes[c].parent != i)
                abort();
        if (n->word) {
            if (n->token != tokens || t->token_node[tokens] != i)
                abort();
            tokens++;
        } else if (n->token != -1) {
            abort();
        }
    }
    if (tokens != t->n_tokens)
        abort();
}

static char *format_tree(const dy_tree *t, size_t *len)
{
    *len = dy_tree_format(t, NULL, 0);
    char *buf = malloc(*len + 1);
    if (!buf || dy_tree_format(t, buf, *len + 1) != *len || strlen(buf) != *len)
        abort();
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static dy_arena *arena;
    if (!arena && !(arena = dy_arena_create(0)))
        abort();
    dy_arena_reset(arena);

    dy_tree t;
    dy_msg msg;
    if (dy_treebank_read(arena, (const char *)data, size, &t, &msg) != DYAD_OK) {
        if (t.root != -1 || t.n_nodes != 0 || msg.text[0] == '\0')
            abort();
        return 0;
    }
    check_links(&t);

    size_t len, len2;
    char *text = format_tree(&t, &len);
    dy_tree again;
    if (dy_treebank_read(arena, text, len, &again, &msg) != DYAD_OK || again.repaired ||
        again.n_nodes != t.n_nodes || again.n_tokens != t.n_tokens)
        abort();
    char *text2 = format_tree(&again, &len2);
    if (len2 != len || memcmp(text, text2, len) != 0)
        abort();
    free(text);
    free(text2);
    return 0;
}

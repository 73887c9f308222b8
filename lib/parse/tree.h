/* tree.h -- the phrase-structure tree every coding path consumes.
 *
 * One type for both inputs: a Treebank parse given with the record, and
 * the trees lib/parse/chunk.c builds from raw text.  Nodes live in one
 * array in an arena; links are indices so a tree is cheap to build, copy
 * and walk without recursion. */
#ifndef DY_TREE_H
#define DY_TREE_H

#include <stddef.h>
#include <stdint.h>

#include "common/arena.h"
#include "common/diag.h"

/* Limits on untrusted parses: exceeding one is a per-record error. */
#define DY_TREE_MAX_DEPTH 1000
#define DY_TREE_MAX_NODES 1000000

typedef struct dy_node {
    const char *label;     /* phrase or POS tag: "NP", "VBD", ","; never NULL */
    const char *word;      /* token text for a preterminal, NULL otherwise */
    int32_t parent;        /* -1 for the root */
    int32_t first_child;   /* -1 when none */
    int32_t next_sibling;  /* -1 when none */
    int32_t token;         /* index of the token for a preterminal, else -1 */
} dy_node;

typedef struct dy_tree {
    dy_node *nodes;
    int32_t n_nodes;
    int32_t root;          /* usually the (ROOT node; -1 for an empty tree */
    int32_t n_tokens;
    int32_t *token_node;   /* token index -> preterminal node */
    int repaired;          /* brackets were added or dropped to balance it */
} dy_tree;

/* Reads a Penn Treebank bracketing such as "(ROOT (S (NP (NNP Arnor)) ...))".
 * A missing or surplus closing bracket at the end is repaired (and
 * tree->repaired set); any other malformation, or a limit exceeded, gives
 * DYAD_ERR_SYNTAX / DYAD_ERR_LIMIT with a message naming the offset.
 * Repairs are made only where the intent is clear: the outermost (ROOT ...)
 * or unlabeled wrapper holds exactly one phrase and only its own closing
 * bracket is missing, or surplus ones follow it; the full rule is at the top
 * of treebank.c and in docs/input-formats.md.  An unlabeled node,
 * as in "( (S ...) )", gets the label "".  On failure *out is an empty tree
 * (root -1).  The text may hold newlines, tabs and runs of spaces anywhere
 * between tokens (a parse as written in a file); offsets in messages count
 * bytes of text as given.  Memory comes from arena only, one block of at
 * most 44 bytes per '(' plus len + 16 bytes, so the caller bounds memory by
 * bounding len.  Labels and words point into that block. */
dyad_status dy_treebank_read(dy_arena *arena, const char *text, size_t len,
                             dy_tree *out, dy_msg *err);

/* Number of bytes equal to c in s[0..n), 16 bytes a step where the machine
 * allows.  Sizes the tree before reading it; the record readers count lines
 * with it too. */
size_t dy_count_byte(const char *s, size_t n, char c);

/* Writes the tree back in one-line bracket form (for debugging and tests):
 * "(LABEL word)" or "(LABEL child child ...)", single spaces.  Like snprintf,
 * writes at most cap - 1 bytes plus a NUL (when cap > 0) and returns the
 * length of the whole text; dy_treebank_read() reads it back unchanged. */
size_t dy_tree_format(const dy_tree *t, char *buf, size_t cap);

#endif

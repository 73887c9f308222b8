/* chunk.h -- phrase-structure trees from tagged tokens.
 *
 * The raw-text front end (tokenizer, tagger) gives a sentence as tokens with
 * Penn Treebank part-of-speech tags; the coder wants a Treebank-style
 * phrase-structure tree (lib/code/parselist.c, docs/coding.md).  This
 * builder makes one with a deterministic cascade over the tags and a few
 * function words: base noun phrases first, then a single left-to-right
 * pass that groups them with prepositions, verb groups and clause markers
 * into PP, VP, SBAR and S, with bounded look-ahead and no backtracking.
 * The method, the brackets produced and measured accuracy are described in
 * docs/phrase-structure.md. */
#ifndef DY_CHUNK_H
#define DY_CHUNK_H

#include <stdint.h>

#include "common/arena.h"
#include "common/diag.h"
#include "parse/tree.h"
#include "text/token.h"

/* Longest sentence accepted: the coder's own limit (docs/coding.md, 7). */
#define DY_CHUNK_MAX_TOKENS 5000

/* Builds the tree of one sentence: tok[0..n) with their `tag` set (a tag of
 * 0, "none yet", is guessed from the word).  On success *out holds
 *   (ROOT (S ...))  -- or (ROOT (NP ...)) when the sentence has no verb --
 * with nodes in preorder (every subtree contiguous, root 0), one
 * preterminal "(TAG word)" per token in token order whose `token` is the
 * token index, and token_node filled in.  Words are the token texts; a text
 * holding a bracket, white space or nothing is replaced (-LRB-, -RRB-, '_')
 * so that dy_tree_format() output reads back with dy_treebank_read().
 * Memory: from the arena only, about 200-250 bytes per token; time is
 * linear in n.  Errors: DYAD_ERR_ARG (no tokens, NULL arguments), DYAD_ERR_LIMIT
 * (n > DY_CHUNK_MAX_TOKENS), DYAD_ERR_NOMEM; then *out is an empty tree
 * (root -1) and err says why. */
dyad_status dy_build_tree(dy_arena *a, const dy_token *tok, uint32_t n, dy_tree *out,
                          dy_msg *err);

#endif

/* tagger.h -- Penn Treebank part-of-speech tagger.
 *
 * A first-order hidden Markov model decoded with Viterbi over each word's
 * candidate tags, followed by a few contextual corrections the bigram model
 * cannot see.  Emissions come from the Treebank word counts shipped with
 * Lingua::EN::Tagger (for its rare -ed and -ing forms, smoothed with the
 * unknown-word model); words it lacks are tagged from their shape and last
 * letters (a suffix model trained on the Treebank's rare words) narrowed by
 * what WordNet says the word or its stem can be.  Everything is compiled
 * into the library (lib/tag/lexicon.h); docs/tagger.md has the method,
 * the data sources and the measured accuracy.
 *
 * Thread safety: the tables are static and read-only; the function keeps no
 * state between calls.  Any number of threads may tag at once. */
#ifndef DY_TAGGER_H
#define DY_TAGGER_H

#include <stddef.h>
#include <stdint.h>

#include "common/arena.h"
#include "text/token.h"

/* Tags tokens[0..n) of one sentence in place (token.tag = dy_tag).  Uses
 * only the token text (Treebank conventions: "``", "''", "-LRB-", "n't",
 * "'s") and its position; the shape flags are recomputed from the text, so
 * tokens from any source work.  scratch is used only for sentences of more
 * than 128 tokens (may be NULL: such sentences are then tagged in windows of
 * 128 tokens).  Every token gets a tag other than DY_TAG_NONE. */
void dy_tag_sentence(dy_token *tok, uint32_t n, dy_arena *scratch);

/* The tag candidates the tagger considers for one word out of context, with
 * their emission scores log P(word | tag) (up to a per-word constant), most
 * likely first.  initial: the word starts the sentence.  Returns the number
 * of candidates written (at most max, and at most DY_TAG_MAX_CANDIDATES).
 * For tests and debugging. */
#define DY_TAG_MAX_CANDIDATES 8
unsigned dy_tag_candidates(const char *word, size_t len, int initial,
                           uint8_t *tags, float *scores, unsigned max);

#endif

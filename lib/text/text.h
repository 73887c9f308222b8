/* text.h -- the text front end: raw article bytes -> Penn Treebank tokens
 * -> sentences.  docs/text.md has every rule with examples.
 *
 * Both calls work on one article at a time, allocate only from the arena
 * they are given (plus one temporary heap buffer when an article has more
 * than 65,536 tokens or sentences), never print and never abort.  Each runs
 * in one linear pass; neither keeps state between calls, so any number of
 * threads may call them on different arenas.
 *
 * Token text follows the Treebank conventions the tagger and parser are
 * trained on: ``, '', `, ' for quotes; -LRB- -RRB- -LSB- -RSB- -LCB- -RCB-
 * for brackets; -- for dashes; ... for ellipses; n't 's 'm 're 've 'll 'd
 * split off their words.  The text of a punctuation token may be a static
 * string rather than arena memory; either way it outlives the arena's next
 * reset.  Spans are byte-exact in the original text; the only overlap is
 * the extra "." after a sentence-final abbreviation ("U.S." then "."),
 * whose span is the abbreviation's own final period. */
#ifndef DY_TEXT_H
#define DY_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "common/arena.h"
#include "common/diag.h"
#include "dyad.h"
#include "text/token.h"

/* A token is at most this many bytes of the original text; a longer run
 * (a 5,000-letter "word", a URL of 2,000 bytes) is cut into adjacent pieces
 * at code point boundaries: piece k ends exactly where piece k+1 starts. */
#define DY_TOKEN_MAX_BYTES 1000u

/* A sentence is at most this many tokens; a longer run without a sentence
 * break is cut after the last punctuation token (or before the last line
 * start) in its second half, else at exactly this many tokens. */
#define DY_SENT_MAX_TOKENS 1000u

/* Largest article, in bytes (spans are 32-bit). */
#define DY_TEXT_MAX_BYTES ((size_t)UINT32_MAX)

/*! dy_tokenize() : tokenises text[0..len) (an article) into *tokens
 *  (n_tokens entries, in the arena; NULL when there are none).  Returns
 *  DYAD_OK, DYAD_ERR_LIMIT (len > DY_TEXT_MAX_BYTES), DYAD_ERR_NOMEM, or
 *  DYAD_ERR_ARG (a NULL pointer other than n_invalid or err); on error the
 *  outputs are NULL/0 and err (when given) says why.  Invalid UTF-8 never
 *  stops it: each maximal invalid subsequence becomes U+FFFD in the token
 *  text (spans stay byte-exact) and is counted in *n_invalid (may be NULL).
 *  NUL bytes and control characters are whitespace.  Sets every field of
 *  each token; tag is 0 and lemma NULL. */
dyad_status dy_tokenize(dy_arena *a, const char *text, size_t len,
                        dy_token **tokens, uint32_t *n_tokens,
                        uint32_t *n_invalid, dy_msg *err);

/*! dy_split_sentences() : groups tok[0..n) (normally from dy_tokenize() on
 *  the same text) into sentences: *sents (n_sents spans in order, covering
 *  every token exactly once; NULL when n is 0).  Besides final punctuation
 *  it splits at paragraph breaks, before bullet lines, after an all-caps
 *  headline line and after a dateline ("MOSCOW (Reuters) -"), which becomes
 *  a sentence of its own.  Uses the token texts, flags and spans: line and
 *  paragraph breaks are looked for only before tokens flagged
 *  DY_TOK_LINE_START (as dy_tokenize() sets it); spans outside text[0..len)
 *  are tolerated.  Returns DYAD_OK, DYAD_ERR_NOMEM or DYAD_ERR_ARG. */
dyad_status dy_split_sentences(dy_arena *a, const char *text, size_t len,
                               const dy_token *tok, uint32_t n,
                               dy_span **sents, uint32_t *n_sents,
                               dy_msg *err);

/*! dy_sentence_is_dateline() : 1 when the sentence tok[s.first..) is a
 *  dateline that dy_split_sentences() split off ("KYIV, Ukraine --"), so a
 *  caller can skip it instead of coding it; 0 otherwise. */
int dy_sentence_is_dateline(const dy_token *tok, uint32_t n, dy_span s);

#endif

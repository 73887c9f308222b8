/* coref.h -- actor coreference across the sentences of one article.
 *
 * A dictionary coder codes every sentence alone, so in a wire story most
 * mentions of an actor lose their code: "Chinese President Xi Jinping" is
 * CHNGOV, but the later "Xi", "Mr. Xi", "the president" and "he" are not
 * in any dictionary.  This module keeps, for one article, the actors
 * already seen (their name words and code) and gives a later mention that
 * the dictionaries leave uncoded (or code only by its agent, "---GOV") the
 * code of the earlier, fuller mention -- when the match is unambiguous.
 * The rules (docs/resolution.md):
 *   1. names: every proper-noun word of the mention (titles and
 *      nationalities aside) is a word of the name of exactly one earlier
 *      actor, or of several that share one code.  So "Kim" after "Kim Jong
 *      Un" and "Kim Yo Jong" is left alone, and "Kim Yo Jong" never takes
 *      the code of "Kim Jong Un" ("Yo" is not among his words).
 *   2. definite descriptions: "the president", "the ministry", "the
 *      journalist" (the article "the" and an agent code only) take the code
 *      of the most recent actor with that agent, when it was mentioned in
 *      this or the previous sentence, or when it is the only one.
 *   3. pronouns: "he", "she" (and "him", "her") take the one person named
 *      in this or the previous sentence; "it", "they", "we" right after a
 *      reporting verb ("China said it would ...") take the reporter's code.
 * Runs between actor coding and verb matching (dy_code_tree), on the parse
 * list, so the resolved codes take part in event coding. */
#ifndef DY_COREF_H
#define DY_COREF_H

#include <stdint.h>

#include "code/parselist.h"
#include "common/arena.h"
#include "text/token.h"

typedef struct dy_coref dy_coref;

dy_coref *dy_coref_create(void);
void dy_coref_free(dy_coref *cr);

/* Forgets every actor: call at the start of each article.  `doc` is the
 * article arena (reset by the caller at the same time) that holds names. */
void dy_coref_begin(dy_coref *cr, dy_arena *doc);

/* Resolves and records the NEs of sentence `sentence` (0-based, increasing)
 * whose words are tok[] (the tree's token indices).  Codes it assigns are
 * in the article arena.  Running out of memory only makes it resolve less.
 * reporter: when the list is a clause reported by a speech verb, coded on
 * its own, the speaker's code (its subject pronoun is the speaker: "China
 * said [it would ...]"); NULL otherwise. */
void dy_coref_sentence(dy_coref *cr, pl_list *pl, const dy_token *tok,
                       const dyad_engine *e, int32_t date, uint32_t sentence,
                       const char *reporter);

/* Is `lemma` a verb that reports speech ("say", "tell", "announce", ...)? */
int dy_is_reporting_lemma(const char *lemma);

#endif

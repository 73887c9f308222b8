/* negation.h -- events the text denies, or only intends.
 *
 * "Russia did not attack Ukraine", "he would not help Israel", "Iran has
 * never recognised Israel": PETRARCH-style coding matches the verb and
 * codes an attack, aid, recognition that the sentence says did not happen.
 * For articles (docs/resolution.md) such events are dropped: the verb is
 * negated when "not", "n't" or "never" stands among the auxiliaries and
 * adverbs right before it ("did not immediately attack").  Likewise an
 * event whose verb is the "to" infinitive of a verb of wanting, planning,
 * asking or refusing ("wants to attack", "urged Russia to withdraw"),
 * when that verb did not code the event itself with a pattern: the text
 * does not say it happened. */
#ifndef DY_NEGATION_H
#define DY_NEGATION_H

#include <stddef.h>

#include "dyad.h"
#include "text/token.h"

/* Removes from events[0..*n) (order kept) those whose verb, found by its
 * byte span among tok[0..n_tok), is negated or only intended. */
void dy_drop_negated(dyad_event *events, size_t *n, const dy_token *tok, uint32_t n_tok);

#endif

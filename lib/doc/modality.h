/* modality.h -- events the text denies, has not seen happen yet, or only
 * reports as wanted.
 *
 * PETRARCH-style coding matches a verb and codes what it names, whatever
 * the clause says about it: "Russia did not attack Ukraine" is an attack,
 * "Obama said he will attack Iraq" an attack (dated in the future), "the
 * soldiers killed in Ukraine" killed Ukraine.  For articles
 * (docs/resolution.md) each event of a sentence is checked against the
 * words around its verb:
 *   - denied ("not", "n't", "never" among the auxiliaries and adverbs right
 *     before it: "did not immediately attack"): dropped;
 *   - the participle of a reduced relative ("soldiers killed in Ukraine",
 *     no auxiliary before it and not already coded as a passive): the noun
 *     before it is what was acted on, and the doer is unknown: dropped;
 *   - the "to" infinitive of a verb of asking with its own object ("urged
 *     Russia to withdraw", "wants Putin to attack"): the subject did not
 *     do it and the object has not yet: dropped;
 *   - future ("will attack", "is to meet") or the subject's own intention
 *     ("plans to attack", "vowed to meet", "is scheduled to attend"): a
 *     material event becomes CAMEO's matching intent or threat -- meeting
 *     036, cooperation 031/032, aid 033, yielding 035, protest 133,
 *     sanctions and cuts 131, repression 137, force 138 (conventional
 *     attack 1384, mass violence 1383); verbal events keep their code.
 * An event coded by a pattern on the outer verb ("pledged to begin
 * talks", "refused to meet") has that verb as its verb and is left as the
 * pattern says. */
#ifndef DY_MODALITY_H
#define DY_MODALITY_H

#include <stddef.h>

#include "dyad.h"
#include "text/token.h"

/* Applies the rules above to events[0..*n) (order kept): drops some,
 * recodes others (codes become static strings).  The verbs are found by
 * their byte spans among tok[0..n_tok). */
void dy_apply_modality(dyad_event *events, size_t *n, const dy_token *tok, uint32_t n_tok);

#endif

/* negation.c -- drops the events the text denies (see negation.h). */
#include "doc/negation.h"

#include <stdbool.h>
#include <strings.h>

#include "tag/tagset.h"

/* How far back from the verb a negation may stand: "would not have
 * attacked", "did not immediately attack". */
#define NEG_WINDOW 4

static bool is_negation(const dy_token *t)
{
    return strcasecmp(t->text, "not") == 0 || strcasecmp(t->text, "n't") == 0 ||
           strcasecmp(t->text, "never") == 0;
}

static bool negated(const dy_token *tok, uint32_t verb)
{
    for (uint32_t back = 1; back <= NEG_WINDOW && back <= verb; back++) {
        const dy_token *t = &tok[verb - back];
        if (is_negation(t))
            return true;
        /* only auxiliaries, modals and adverbs may stand in between */
        bool aux = t->tag == DY_TAG_MD || t->tag == DY_TAG_RB || t->tag == DY_TAG_VBD ||
                   t->tag == DY_TAG_VBZ || t->tag == DY_TAG_VBP || t->tag == DY_TAG_VB ||
                   t->tag == DY_TAG_VBN || t->tag == DY_TAG_TO;
        if (!aux)
            return false;
    }
    return false;
}

void dy_drop_negated(dyad_event *events, size_t *n, const dy_token *tok, uint32_t n_tok)
{
    if (!tok || n_tok == 0)
        return;
    size_t out = 0;
    for (size_t i = 0; i < *n; i++) {
        const dyad_event *e = &events[i];
        bool drop = false;
        if (e->verb_end > e->verb_start) {
            /* the verb's first token: binary search on the byte offsets */
            uint32_t lo = 0, hi = n_tok;
            while (lo < hi) {
                uint32_t mid = lo + (hi - lo) / 2;
                if (tok[mid].start < e->verb_start)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            if (lo < n_tok && tok[lo].start == e->verb_start)
                drop = negated(tok, lo);
        }
        if (!drop)
            events[out++] = *e;
    }
    *n = out;
}

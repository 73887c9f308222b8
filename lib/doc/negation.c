/* negation.c -- drops the events the text denies (see negation.h). */
#include "doc/negation.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "tag/lemma.h"
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

/* Verbs whose "to" complement has not happened: "wants to attack", "urged
 * Russia to withdraw", "refused to meet".  (Implicative verbs -- "managed
 * to", "was forced to", "continued to" -- are not here: their complement
 * did happen.) */
static bool is_intent_lemma(const char *l)
{
    static const char *const verbs[] = {
        "want", "plan", "intend", "hope", "seek", "aim", "threaten", "promise", "pledge",
        "vow", "offer", "agree", "decide", "expect", "prepare", "refuse", "try", "attempt",
        "ask", "urge", "call", "demand", "propose", "consider", "wish", "like", "need",
        "order", "request", "invite", "encourage", "press", "pressure", "push", "warn",
        "plot", "conspire", "prefer", "mean", "schedule", "set", "due", "appeal", "beg",
        "decline", "fail", "tell", "advise", "allow", "authorize", "authorise", "permit",
        "approve", "vote", "move", "propose", "announce", "say", "claim",
    };
    for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++)
        if (strcmp(l, verbs[i]) == 0)
            return true;
    return false;
}

/* Is the verb at tok[verb] the infinitive of such a verb's complement? */
static bool intended(const dy_token *tok, uint32_t verb)
{
    uint32_t i = verb;
    while (i > 0 && tok[i - 1].tag == DY_TAG_RB)      /* "to immediately attack" */
        i--;
    if (i == 0 || tok[i - 1].tag != DY_TAG_TO)
        return false;
    i--;
    /* back over the object of "urged Russia to", a few words at most */
    for (uint32_t back = 1; back <= 6 && back <= i; back++) {
        const dy_token *t = &tok[i - back];
        if (t->tag >= DY_TAG_VB && t->tag <= DY_TAG_VBZ) {
            char buf[64];
            const char *lemma = t->lemma ? t->lemma : dy_lemma(t->text, t->tag, buf, sizeof buf);
            return lemma && is_intent_lemma(lemma);
        }
        if (t->tag == DY_TAG_COMMA || t->tag == DY_TAG_CC || t->tag == DY_TAG_PERIOD ||
            t->tag == DY_TAG_COLON || t->tag == DY_TAG_WDT || t->tag == DY_TAG_WP)
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
                drop = negated(tok, lo) || intended(tok, lo);
        }
        if (!drop)
            events[out++] = *e;
    }
    *n = out;
}

/* modality.c -- denied, unreal and future events (see modality.h). */
#include "doc/modality.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "doc/dates.h"
#include "doc/docutil.h"
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
        if (!(t->tag == DY_TAG_MD || t->tag == DY_TAG_RB || t->tag == DY_TAG_TO ||
              dy_is_verb_tag(t->tag)))
            return false;
    }
    return false;
}

/* "would have attacked", "could have struck", "might have been killed":
 * what did not happen, or may not have. */
static bool counterfactual(const dy_token *tok, uint32_t verb)
{
    if (tok[verb].tag != DY_TAG_VBN)
        return false;
    bool have = false;
    for (uint32_t back = 1; back <= NEG_WINDOW && back <= verb; back++) {
        const dy_token *t = &tok[verb - back];
        if (t->tag == DY_TAG_MD)
            return have && strcasecmp(t->text, "will") != 0 && strcasecmp(t->text, "shall") != 0;
        if (strcasecmp(t->text, "have") == 0)
            have = true;
        else if (!(t->tag == DY_TAG_RB || dy_is_verb_tag(t->tag)))
            return false;
    }
    return false;
}

/* "accused Imamoglu of aiding the PKK", "jailed a man for helping
 * militants": the gerund is what the charge says, not an event the text
 * reports as having happened. */
static bool charged_act(const dy_token *tok, uint32_t verb)
{
    static const char *const of_verbs[] = {"accuse", "charge", "suspect", "blame", "convict",
                                           "indict", "acquit", "clear", "allege", "guilty",
                                           "accusation", "suspicion"};
    static const char *const for_verbs[] = {"arrest", "jail", "detain", "sentence", "convict",
                                            "charge", "indict", "imprison", "prosecute",
                                            "try", "fine", "execute", "hang"};
    if (tok[verb].tag != DY_TAG_VBG || verb == 0)
        return false;
    const dy_token *prep = &tok[verb - 1];
    bool of = strcasecmp(prep->text, "of") == 0, forp = strcasecmp(prep->text, "for") == 0;
    if (!of && !forp)
        return false;
    for (uint32_t back = 2; back <= 14 && back <= verb; back++) {
        const dy_token *t = &tok[verb - back];
        char buf[64];
        const char *l = dy_token_lemma(t, buf, sizeof buf);
        if (!l)
            continue;
        const char *const *list = of ? of_verbs : for_verbs;
        size_t n = of ? sizeof of_verbs / sizeof *of_verbs : sizeof for_verbs / sizeof *for_verbs;
        for (size_t i = 0; i < n; i++)
            if (strcmp(l, list[i]) == 0)
                return true;
        if (t->tag == DY_TAG_VBD || t->tag == DY_TAG_VBZ || t->tag == DY_TAG_VBP)
            break;   /* another clause's verb: the gerund is not its charge */
    }
    return false;
}

/* "Three soldiers were wounded in Gaza": a passive with no "by" names
 * who was acted on, not who acted; coded as active it would make the
 * soldiers the attackers of Gaza. */
static bool agentless_passive(const dy_token *tok, uint32_t verb)
{
    static const char *const be[] = {"was", "were", "is", "are", "been", "being", "be",
                                     "get", "got", "gets", "getting", "'s", "'re"};
    if (tok[verb].tag != DY_TAG_VBN)
        return false;
    for (uint32_t back = 1; back <= NEG_WINDOW && back <= verb; back++) {
        const dy_token *t = &tok[verb - back];
        for (size_t i = 0; i < sizeof be / sizeof *be; i++)
            if (strcasecmp(t->text, be[i]) == 0)
                return true;
        if (!(t->tag == DY_TAG_RB || t->tag == DY_TAG_MD || dy_is_verb_tag(t->tag)))
            return false;
    }
    return false;
}

/* "soldiers killed in Ukraine": a past participle with no auxiliary (be,
 * have, get) before it. */
static bool reduced_relative(const dy_token *tok, uint32_t verb)
{
    if (tok[verb].tag != DY_TAG_VBN)
        return false;
    uint32_t i = verb;
    while (i > 0 && tok[i - 1].tag == DY_TAG_RB)
        i--;
    if (i == 0)
        return false;
    const dy_token *t = &tok[i - 1];
    if (dy_is_verb_tag(t->tag) || t->tag == DY_TAG_MD || t->tag == DY_TAG_TO)
        return false;                 /* "was killed", "has killed", "to be killed" */
    /* after a noun: a modifier of that noun */
    return t->tag == DY_TAG_NN || t->tag == DY_TAG_NNS || t->tag == DY_TAG_NNP ||
           t->tag == DY_TAG_NNPS || t->tag == DY_TAG_PRP;
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
        "approve", "vote", "move", "announce", "say", "claim",
    };
    for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++)
        if (strcmp(l, verbs[i]) == 0)
            return true;
    return false;
}

/* Verbs of refusing and failing: their complement is not even intended. */
static bool is_refusal_lemma(const char *l)
{
    return strcmp(l, "refuse") == 0 || strcmp(l, "decline") == 0 || strcmp(l, "fail") == 0 ||
           strcmp(l, "reject") == 0;
}

typedef enum mood { REAL, DROP, INTENT } mood;

/* Is the verb at tok[verb] the infinitive of such a verb's complement?
 * INTENT when the subject's own ("plans to attack"), DROP when someone
 * else is asked ("urged Russia to attack") or it is refused. */
static mood infinitive_mood(const dy_token *tok, uint32_t verb)
{
    uint32_t i = verb;
    while (i > 0 && tok[i - 1].tag == DY_TAG_RB)      /* "to immediately attack" */
        i--;
    if (i == 0 || tok[i - 1].tag != DY_TAG_TO)
        return REAL;
    i--;
    /* back over an object ("urged Russia to"), a few words at most */
    bool object = false;
    for (uint32_t back = 1; back <= 6 && back <= i; back++) {
        const dy_token *t = &tok[i - back];
        if (dy_is_verb_tag(t->tag) || (t->tag == DY_TAG_JJ && strcasecmp(t->text, "due") == 0)) {
            char buf[64];
            const char *lemma = dy_token_lemma(t, buf, sizeof buf);
            if (!lemma || !is_intent_lemma(lemma))
                return REAL;
            if (object || is_refusal_lemma(lemma))
                return DROP;
            return INTENT;
        }
        if (t->tag == DY_TAG_COMMA || t->tag == DY_TAG_CC || t->tag == DY_TAG_PERIOD ||
            t->tag == DY_TAG_COLON || t->tag == DY_TAG_WDT || t->tag == DY_TAG_WP)
            return REAL;
        if (t->tag != DY_TAG_RB)
            object = true;
    }
    return REAL;
}

/* CAMEO's intent or threat for a material event (modality.h); NULL keeps
 * the code (verbal events: saying one will criticise is criticising). */
static const char *intent_code(const char *code)
{
    if (strlen(code) < 2)
        return NULL;
    static const struct { char root[3]; const char *intent; } map[] = {
        {"04", "036"}, {"05", "032"}, {"06", "031"}, {"07", "033"}, {"08", "035"},
        {"14", "133"}, {"15", "138"}, {"16", "131"}, {"17", "137"}, {"18", "1383"},
        {"19", "1384"}, {"20", "1383"},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (memcmp(code, map[i].root, 2) == 0)
            return map[i].intent;
    return NULL;
}

void dy_apply_modality(dyad_event *events, size_t *n, const dy_token *tok, uint32_t n_tok)
{
    if (!tok || n_tok == 0)
        return;
    size_t out = 0;
    for (size_t i = 0; i < *n; i++) {
        dyad_event *e = &events[i];
        uint32_t v = e->verb_end > e->verb_start ? dy_token_at(tok, n_tok, e->verb_start) : n_tok;
        mood m = REAL;
        if (v < n_tok) {
            if (negated(tok, v) || counterfactual(tok, v) || charged_act(tok, v) ||
                (!e->passive && (reduced_relative(tok, v) || agentless_passive(tok, v))))
                m = DROP;
            else if ((m = infinitive_mood(tok, v)) == REAL &&
                     dy_dates_future_clause(tok, n_tok, v))
                m = INTENT;
        }
        if (m == DROP)
            continue;
        if (m == INTENT) {
            const char *code = intent_code(e->code);
            if (code)
                e->code = code;
        }
        events[out++] = *e;
    }
    *n = out;
}

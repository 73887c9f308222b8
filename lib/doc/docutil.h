/* docutil.h -- small token and code tests that the article-level stages
 * (coreference, reporting frames, modality, the article pipeline) share. */
#ifndef DY_DOCUTIL_H
#define DY_DOCUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tag/lemma.h"
#include "tag/tagset.h"
#include "text/token.h"

/* Any VB* part of speech. */
static inline bool dy_is_verb_tag(uint8_t t)
{
    return t >= DY_TAG_VB && t <= DY_TAG_VBZ;
}

/* A code with a country or organisation: not "---", "---GOV", "NGO---",
 * nor the quoted form of an uncoded phrase. */
static inline bool dy_has_full_code(const char *code)
{
    return code && *code && !strstr(code, "---") && code[0] != '"';
}

/* The token's lemma: the lemmatizer's when it ran, else computed into buf
 * (64 bytes suffice for words of up to 56 bytes; see dy_lemma()). */
static inline const char *dy_token_lemma(const dy_token *t, char *buf, size_t cap)
{
    return t->lemma ? t->lemma : dy_lemma(t->text, t->tag, buf, cap);
}

/* The index of the token whose text starts at byte `start` (tokens are in
 * text order), or n: how events, which keep byte spans, find their verb. */
static inline uint32_t dy_token_at(const dy_token *tok, uint32_t n, uint32_t start)
{
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (tok[mid].start < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && tok[lo].start == start ? lo : n;
}

/* Nouns that name an act someone did: "condemned the attack", "rejected
 * the decision", "welcomed the ceasefire".  Such an object stands for the
 * actor of that act, which the article has usually just reported.
 * Returns 2 for a use of force or a threat ("the attack", "the launch"),
 * 3 for a court's act ("the ruling"), 1 for any other act ("the decision",
 * "the sanctions"), 0 otherwise. */
static inline int dy_event_noun(const char *w)
{
    static const char *const force[] = {
        "attack",    "attacks",    "strike",     "strikes",    "airstrike",  "airstrikes",
        "launch",    "launches",   "bombing",    "bombings",   "shelling",   "killing",
        "killings",  "offensive",  "invasion",   "assault",    "raid",       "raids",
        "incursion", "bombardment", "barrage",   "execution",  "executions", "kidnapping",
        "abduction", "test",       "tests",      "provocation", "provocations", "seizure",
        "crackdown", "blockade",   "annexation", "coup",       "threats"};
    static const char *const court[] = {"ruling", "verdict", "judgment", "judgement",
                                        "warrant", "warrants", "indictment"};
    static const char *const other[] = {
        "decision",  "move",       "sanctions",  "deportation",
        "deportations", "arrest",  "arrests",    "detention",  "expulsion",  "expulsions",
        "measures",  "action",     "actions",    "remarks",    "comments",   "accusations",
        "allegations", "incident"};
    const char *const *lists[3] = {force, court, other};
    size_t sizes[3] = {sizeof force / sizeof *force, sizeof court / sizeof *court,
                       sizeof other / sizeof *other};
    static const int kinds[3] = {2, 3, 1};
    for (int l = 0; l < 3; l++)
        for (size_t i = 0; i < sizes[l]; i++) {
            const char *n = lists[l][i];
            size_t k = 0;
            for (; n[k] && w[k]; k++) {
                char ch = w[k];
                if (ch >= 'A' && ch <= 'Z')
                    ch = (char)(ch - 'A' + 'a');
                if (ch != n[k])
                    break;
            }
            if (!n[k] && !w[k])
                return kinds[l];
        }
    return 0;
}

/* The token is the word w (lower case ASCII), in any case. */
static inline bool dy_token_is(const dy_token *t, const char *w)
{
    size_t n = strlen(w);
    if (t->len != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = t->text[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if (ch != w[i])
            return false;
    }
    return true;
}

#endif

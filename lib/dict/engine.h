/* engine.h -- the compiled, immutable dictionary set (struct dyad_engine)
 * and the lookups the coder uses.  Everything here is read-only after
 * dyad_engine_build(), so any number of coders may share one engine. */
#ifndef DY_ENGINE_H
#define DY_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include "dyad.h"
#include "common/arena.h"
#include "common/intern.h"

typedef struct dy_actors dy_actors;
typedef struct dy_agents dy_agents;
typedef struct dy_discards dy_discards;
typedef struct dy_issues dy_issues;
typedef struct dy_verbs dy_verbs;

/* Words are interned in ASCII uppercase, as PETRARCH matches them.  A
 * sentence word that is not in `words` can match nothing in any dictionary. */
struct dy_gazetteer;

struct dyad_engine {
    dy_intern *words;
    dy_verbs *verbs;
    dy_actors *actors;
    dy_agents *agents;
    dy_discards *discards;
    dy_issues *issues;
    dyad_engine_stats stats;
    /* The place gazetteer (lib/doc/places.c) costs ~0.2 s and ~14 MB to
     * build, so it is built on first use by an article that needs it:
     * the one mutable part of the engine, behind its own lock. */
    pthread_mutex_t places_lock;
    struct dy_gazetteer *_Atomic places;
    _Atomic bool places_tried;
};

/* The engine's gazetteer, built on first call (thread-safe); NULL when
 * libgeonames' data cannot be read (events then have no location). */
const struct dy_gazetteer *dy_engine_places(const dyad_engine *e);

/* ---- actors (lib/dict/actors.c) ------------------------------------ */

/* PETRARCH's actor rule: does an actor phrase start at words[pos]?  On a
 * match, *len is the number of words consumed (counting the intervening
 * words that a space connector allows) and *code the code resolved at
 * `date` (YYYYMMDD as an integer); "---" is returned as the code of an
 * entry whose date restrictions all fail and which has no default. The
 * longest/first entry wins in dictionary order, as in PETRARCH. */
bool dy_actors_match(const dy_actors *a, const uint32_t *words, size_t n,
                     size_t pos, int32_t date, size_t *len, const char **code);

/* Hyphenated modifiers ("a US-led coalition", "Russian-backed rebels"):
 * the tokenizer keeps "US-led" as one word, which no dictionary phrase
 * holds.  dy_hyphen_modifier() says what such a word means for actor
 * coding, from a small list of participle suffixes (and the prefixes pro-
 * and anti-); docs/dictionaries.md gives the rule and its reasons.  Only
 * DY_HYPHEN_MEMBER makes X the actor's country; every other kind says why
 * X is not the actor. */
typedef enum dy_hyphen_kind {
    DY_HYPHEN_NONE = 0,    /* not a listed modifier (also "Russia-Ukraine") */
    DY_HYPHEN_MEMBER,      /* X-led, -run, -owned, -operated, -commanded, -headed,
                            * -based, -flagged, -registered: the head is X's */
    DY_HYPHEN_PATRON,      /* X-backed, -funded, -sponsored, -allied, -linked, ...:
                            * a separate party that X supports or sways */
    DY_HYPHEN_ORIGIN,      /* X-made, -built, -supplied, -born, ...: where a
                            * thing or a person comes from */
    DY_HYPHEN_TERRITORY,   /* X-occupied, -held, -controlled, -annexed,
                            * -administered: land that X holds, a place */
    DY_HYPHEN_OBJECT,      /* X-brokered, -imposed, -sanctioned, -designated,
                            * -bound, -hosted: what X does to or for the head */
    DY_HYPHEN_STANCE,      /* pro-X, anti-X: a stance toward X */
} dy_hyphen_kind;

/* The kind of the word (as written; ASCII case does not matter) and, for
 * a listed kind, its X part: the text before the last hyphen ("U.S." of
 * "U.S.-led"), or after "pro-"/"anti-". */
dy_hyphen_kind dy_hyphen_modifier(const char *word, const char **x, size_t *x_len);

/* For a DY_HYPHEN_MEMBER word words[pos] whose text is `text`: is X an
 * actor, alone ("Saudi-led") or as the end of a phrase that begins up to
 * seven words before ("United States-led")?  Then *at and *len are the
 * words that name X, the modifier included, and *code X's code at `date`.
 * An entry with the null code ("---") is no actor here. */
bool dy_actors_match_hyphen(const dy_actors *a, const uint32_t *words, size_t n,
                            size_t pos, const char *text, int32_t date, size_t *at,
                            size_t *len, const char **code);

/* ---- agents (lib/dict/agents.c) ------------------------------------ */

/* Does an agent phrase start at words[pos]?  *code is the agent code
 * without '~'; *prefix is true when the code goes before the actor code
 * (written "NGO~"), false when after ("~GOV"). */
bool dy_agents_match(const dy_agents *a, const uint32_t *words, size_t n,
                     size_t pos, size_t *len, const char **code, bool *prefix);

/* ---- discards (lib/dict/discards.c) -------------------------------- */

/* 0 none, 1 sentence discard, 2 story discard; *phrase = the entry. */
int dy_discards_check(const dy_discards *d, const char *text, size_t len,
                      const char **phrase);

/* ---- issues (lib/dict/issues.c) ------------------------------------ */

/* Fills out[0..cap) with distinct issue codes and counts found in text;
 * returns how many (0 also when an ignore phrase "~..." is found). */
size_t dy_issues_find(const dy_issues *is, const char *text, size_t len,
                      dyad_issue *out, size_t cap);


/* ---- loading (each dictionary module implements this contract) ----- */

/* Where per-line warnings go while dictionaries load. */
typedef struct dy_diag_sink {
    dyad_diag_fn fn;
    void *user;
    size_t count;
    /* While the built-in defaults load after the user's files, clashes with
     * the user's entries are overrides, not defects: warnings are counted
     * here instead of in count and not reported. */
    int muted;
    size_t muted_count;
} dy_diag_sink;

void dy_warn(dy_diag_sink *d, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* For X in actors, agents, discards, issues, verbs:
 *   dy_X *dy_X_create(dy_intern *words);          words is shared, owned by the engine
 *   dyad_status dy_X_load(dy_X *, const char *name, const char *data,
 *                         size_t len, dy_diag_sink *d);   may be called per file
 *   dyad_status dy_X_finish(dy_X *);               after the last load
 *   size_t dy_X_count(const dy_X *);               entries, for the stats
 *   void dy_X_free(dy_X *);
 * A load fails only when nothing usable can come of the file (out of
 * memory); every malformed line is reported through dy_warn and skipped. */
#define DY_DECLARE_DICT(X)                                                    \
    dy_##X *dy_##X##_create(dy_intern *words);                                \
    dyad_status dy_##X##_load(dy_##X *x, const char *name, const char *data,  \
                              size_t len, dy_diag_sink *d);                   \
    dyad_status dy_##X##_finish(dy_##X *x);                                   \
    size_t dy_##X##_count(const dy_##X *x);                                   \
    void dy_##X##_free(dy_##X *x);

DY_DECLARE_DICT(actors)
DY_DECLARE_DICT(agents)
DY_DECLARE_DICT(discards)
DY_DECLARE_DICT(issues)
DY_DECLARE_DICT(verbs)

#endif

/* places.h -- place names: a gazetteer built from Debian's libgeonames
 * (the geonames.org cities of 15,000 people or more and a few smaller
 * capitals, with their first-level admin areas and countries), and the
 * place mentions of one sentence, classified as the event's location or a
 * mere mention.  docs/places.md has every rule with examples.
 *
 * Why not call libgeonames per lookup: its query is a linear scan that
 * tokenises and case-folds all 24,000 city names, about 230 ms a query,
 * and it names places in the language of the process locale.  So
 * dy_gazetteer_create() reads the whole database once (about 0.2 s) into
 * an immutable hash index of English names; after that no call touches
 * libgeonames or any global state.
 *
 * Thread safety: a dy_gazetteer is read-only after dy_gazetteer_create();
 * any number of threads may look up in one at once.  libgeonames itself
 * initialises its database with g_once (thread-safe), so creating two
 * gazetteers on two threads at once is also safe. */
#ifndef DY_PLACES_H
#define DY_PLACES_H

#include <stddef.h>
#include <stdint.h>

#include "common/diag.h"
#include "dyad.h"
#include "text/token.h"

typedef struct dy_gazetteer dy_gazetteer;

typedef enum dy_place_kind {
    DY_PLACE_CITY = 1,      /* a populated place of geonames' city list */
    DY_PLACE_ADMIN1 = 2,    /* a state, province, oblast, governorate ... */
    DY_PLACE_COUNTRY = 3,
} dy_place_kind;

/* One place; owned by the gazetteer, valid until dy_gazetteer_free(). */
typedef struct dy_place {
    const char *name;       /* English name as geonames spells it: "Kyiv", "Khan Yunis" */
    const char *admin1;     /* its state or province ("" for a country) */
    const char *country;    /* English country name: "Ukraine" */
    char cc2[3];            /* ISO 3166-1 alpha-2: "UA" */
    char cc3[4];            /* alpha-3 as CAMEO writes it: "UKR" (Kosovo: "KSV") */
    uint8_t kind;           /* dy_place_kind */
    double lat, lon;        /* degrees; for an admin area or a country the
                             * population-weighted centre of its cities */
    uint32_t population;    /* a city's own figure; for an admin area or a
                             * country the sum over its listed cities (a
                             * lower bound, used for ranking) */
} dy_place;

/*! dy_gazetteer_create() : reads the libgeonames database into a new
 *  gazetteer (*out).  Returns DYAD_OK, DYAD_ERR_NOMEM, or DYAD_ERR_DICT
 *  when the database is empty or unreadable; err (may be NULL) says why. */
dyad_status dy_gazetteer_create(dy_gazetteer **out, dy_msg *err);

/*! dy_gazetteer_free() : frees g and every dy_place it handed out; NULL is
 *  allowed. */
void dy_gazetteer_free(dy_gazetteer *g);

/*! dy_gazetteer_size() : how many places (cities, admin areas, countries)
 *  g holds. */
size_t dy_gazetteer_size(const dy_gazetteer *g);

/*! dy_gazetteer_place() : place i of g (0 <= i < dy_gazetteer_size(g)), in
 *  database order (cities, with each admin area and country after its
 *  first city); NULL past the end.  For tests and listings. */
const dy_place *dy_gazetteer_place(const dy_gazetteer *g, size_t i);

/*! dy_gazetteer_lookup() : the best place named name[0..len) (UTF-8; case,
 *  accents, spaces and punctuation are ignored, so "KHAN YUNIS", "Khan
 *  Yunis" and "khan-yunis" are one name; a few news spellings are aliases:
 *  "Kiev", "Khan Younis", "Gaza City", "Washington", "U.S."), or NULL.
 *  hints: country codes already seen in the article (alpha-2 or alpha-3,
 *  any case; may be NULL when n_hints is 0).  Among homonyms the highest
 *  log10(population) wins, plus 1 for a hinted country (so a hint outweighs
 *  a tenfold population), plus 1 for a country (a country's name means the
 *  country more often than a foreign town of that name); and when an admin
 *  area or a country wins, a city of the same name in the same country goes
 *  first ("New York" is the city, not the state).  docs/places.md. */
const dy_place *dy_gazetteer_lookup(const dy_gazetteer *g, const char *name, size_t len,
                                    const char *const *hints, size_t n_hints);

/*! dy_gazetteer_lookup_tokens() : dy_gazetteer_lookup() of the text of
 *  tok[first..last) ("New" "York"), without joining it first. */
const dy_place *dy_gazetteer_lookup_tokens(const dy_gazetteer *g, const dy_token *tok,
                                           uint32_t first, uint32_t last,
                                           const char *const *hints, size_t n_hints);

/*! dy_gazetteer_candidates() : every place named name[0..len), best first
 *  (the order dy_gazetteer_lookup() ranks them in); writes at most max to
 *  out and returns how many there are in all. */
size_t dy_gazetteer_candidates(const dy_gazetteer *g, const char *name, size_t len,
                               const char *const *hints, size_t n_hints,
                               const dy_place **out, size_t max);

/*! dy_iso_alpha3() : the alpha-3 code CAMEO uses for an ISO 3166-1 alpha-2
 *  code (any case): "UA" -> "UKR", "XK" -> "KSV"; NULL when unknown. */
const char *dy_iso_alpha3(const char *cc2);

/*! dy_iso_alpha2() : the inverse of dy_iso_alpha3(): "UKR" -> "UA"; NULL
 *  when unknown. */
const char *dy_iso_alpha2(const char *cc3);

/* ---- place mentions in a sentence ---------------------------------------- */

typedef enum dy_place_role {
    DY_PLACE_LOCATION = 1,  /* where the event happened */
    DY_PLACE_MENTION = 2,   /* named, but not as the event's location */
} dy_place_role;

/* Why a mention got its role (docs/places.md has one section each). */
typedef enum dy_place_why {
    DY_WHY_PREP = 1,        /* location: a locative preposition ("in", "near",
                             * "outside", "north of", "on the outskirts of") */
    DY_WHY_DATELINE,        /* location: the dateline opening the sentence */
    DY_WHY_ACTOR,           /* mention: inside a source or target actor */
    DY_WHY_POSSESSIVE,      /* mention: "Russia's president" */
    DY_WHY_MODIFIER,        /* mention: before a noun ("the Gaza issue") */
    DY_WHY_TOPIC,           /* mention: "talks on Syria", "a deal about Crimea",
                             * "the war in Syria" */
    DY_WHY_DIRECTION,       /* mention: "to", "from", "into": a destination or origin */
    DY_WHY_OTHER_CLAUSE,    /* mention: the preposition is in another clause */
    DY_WHY_NO_PREP,         /* mention: a subject, an object, a list member */
} dy_place_why;

typedef struct dy_place_mention {
    uint32_t first, last;   /* token range [first, last) */
    const dy_place *place;
    uint8_t role;           /* dy_place_role */
    uint8_t why;            /* dy_place_why */
} dy_place_mention;

/* What dy_places_find() may know besides the tokens; zero it for none. */
typedef struct dy_place_context {
    const char *const *hints;   /* country codes of the article (see lookup) */
    size_t n_hints;
    const dy_span *actors;      /* token ranges of the source and target actors */
    uint32_t n_actors;
} dy_place_context;

/*! dy_places_find() : the place names of one tagged sentence tok[0..n), in
 *  order, each with its role for the event whose verb is tok[verb] (pass
 *  UINT32_MAX when there is no verb: no clause test is made).  A place is
 *  a run of proper nouns (NNP/NNPS; capitalised words when untagged) that
 *  the gazetteer knows, matched longest first from the start of the run.
 *  ctx may be NULL.  Writes at most max entries and returns how many it
 *  wrote. */
uint32_t dy_places_find(const dy_gazetteer *g, const dy_token *tok, uint32_t n, uint32_t verb,
                        const dy_place_context *ctx, dy_place_mention *out, uint32_t max);

/*! dy_places_event_location() : the index in m[0..nm) of the event's
 *  location: the DY_PLACE_LOCATION mention nearest the verb (ties: the one
 *  after it), or -1 when there is none. */
int dy_places_event_location(const dy_place_mention *m, uint32_t nm, uint32_t verb);

/*! dy_places_dateline() : the place of a dateline sentence ("KYIV, Ukraine
 *  (Reuters) -", "WASHINGTON --"), as dy_split_sentences() splits it off:
 *  the first place name of its leading proper nouns, ranked with the
 *  country named after it as a hint ("PARIS, Texas"); NULL when none. */
const dy_place *dy_places_dateline(const dy_gazetteer *g, const dy_token *tok, uint32_t n,
                                   const char *const *hints, size_t n_hints);

#endif

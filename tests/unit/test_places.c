/* Unit tests for lib/doc/places.c: the gazetteer built from libgeonames
 * (keys, aliases, homonyms and hints, kinds, ISO codes, threads, speed),
 * and the place mentions of a sentence: locations against mere mentions,
 * with the counter-examples, datelines and the choice of the event's
 * location. */
#include <criterion/criterion.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "doc/places.h"
#include "tag/tagger.h"
#include "text/text.h"

static dy_gazetteer *gaz;
static dy_arena *arena;

static void setup(void)
{
    dy_msg msg;
    cr_assert_eq(dy_gazetteer_create(&gaz, &msg), DYAD_OK, "%s", msg.text);
    arena = dy_arena_create(0);
}

static void teardown(void)
{
    dy_gazetteer_free(gaz);
    dy_arena_free(arena);
}

TestSuite(places, .init = setup, .fini = teardown);

static const dy_place *L(const char *name)
{
    return dy_gazetteer_lookup(gaz, name, strlen(name), NULL, 0);
}

static const dy_place *LH(const char *name, const char *hint)
{
    const char *h[] = {hint};
    return dy_gazetteer_lookup(gaz, name, strlen(name), h, 1);
}

/* "name|admin1|cc3|kind" of a place, or "-". */
static const char *desc(const dy_place *p)
{
    static const char *const kind[] = {"?", "city", "admin1", "country"};
    if (!p)
        return "-";
    char *out = dy_arena_alloc(arena, 256);
    snprintf(out, 256, "%s|%s|%s|%s", p->name, p->admin1, p->cc3, kind[p->kind]);
    return out;
}

#define LOOK(name, want) cr_expect_str_eq(desc(L(name)), want, "lookup <%s>", name)
#define LOOKH(name, hint, want) \
    cr_expect_str_eq(desc(LH(name, hint)), want, "lookup <%s> hint %s", name, hint)

/* ---- the gazetteer ------------------------------------------------------------ */

Test(places, every_place_is_complete)
{
    size_t n = dy_gazetteer_size(gaz), kinds[4] = {0, 0, 0, 0};
    const dy_place *c[256];
    cr_assert_gt(n, 24000);
    for (size_t i = 0; i < n; i++) {
        const dy_place *p = dy_gazetteer_place(gaz, i);
        cr_assert(p && p->name && p->admin1 && p->country);
        cr_assert(p->kind >= DY_PLACE_CITY && p->kind <= DY_PLACE_COUNTRY);
        kinds[p->kind]++;
        cr_assert(p->name[0], "place %zu has no name", i);
        cr_assert_eq(strlen(p->cc2), 2, "%s", p->name);
        cr_assert_eq(strlen(p->cc3), 3, "%s (%s) has no alpha-3", p->name, p->cc2);
        cr_assert_str_eq(dy_iso_alpha3(p->cc2), p->cc3);
        cr_assert(p->lat >= -90 && p->lat <= 90 && p->lon >= -180 && p->lon <= 180, "%s", p->name);
        /* reachable by its own name */
        size_t nc = dy_gazetteer_candidates(gaz, p->name, strlen(p->name), NULL, 0, c, 256);
        int seen = 0;
        for (size_t k = 0; k < nc && k < 256; k++)
            seen |= c[k] == p;
        cr_assert(seen, "%s (%s) cannot be looked up", p->name, p->cc2);
    }
    cr_expect_null(dy_gazetteer_place(gaz, n));
    cr_expect_null(dy_gazetteer_place(NULL, 0));
    cr_expect_gt(kinds[DY_PLACE_CITY], 24000);
    cr_expect_gt(kinds[DY_PLACE_ADMIN1], 1000);
    cr_expect_gt(kinds[DY_PLACE_COUNTRY], 200);
    cr_expect_str_eq(L("Kosovo")->cc3, "KSV");
}

Test(places, iso_codes)
{
    cr_expect_str_eq(dy_iso_alpha3("UA"), "UKR");
    cr_expect_str_eq(dy_iso_alpha3("ua"), "UKR");
    cr_expect_str_eq(dy_iso_alpha3("PS"), "PSE");
    cr_expect_str_eq(dy_iso_alpha3("XK"), "KSV");
    cr_expect_str_eq(dy_iso_alpha3("AD"), "AND");
    cr_expect_str_eq(dy_iso_alpha3("ZW"), "ZWE");
    cr_expect_null(dy_iso_alpha3("ZZ"));
    cr_expect_null(dy_iso_alpha3("UKR"));
    cr_expect_null(dy_iso_alpha3("U"));
    cr_expect_null(dy_iso_alpha3(""));
    cr_expect_null(dy_iso_alpha3(NULL));
    cr_expect_str_eq(dy_iso_alpha2("UKR"), "UA");
    cr_expect_str_eq(dy_iso_alpha2("ukr"), "UA");
    cr_expect_str_eq(dy_iso_alpha2("KSV"), "XK");
    cr_expect_null(dy_iso_alpha2("UA"));
    cr_expect_null(dy_iso_alpha2("ZZZ"));
    cr_expect_null(dy_iso_alpha2(NULL));
    /* both directions agree on every code (this also checks that the
     * alpha-3 index is sorted: its binary search would miss otherwise) */
    int codes = 0;
    for (char a = 'A'; a <= 'Z'; a++)
        for (char b = 'A'; b <= 'Z'; b++) {
            char cc[3] = {a, b, 0};
            const char *a3 = dy_iso_alpha3(cc);
            if (!a3)
                continue;
            codes++;
            cr_expect_eq(strlen(a3), 3);
            cr_expect_str_eq(dy_iso_alpha2(a3) ? dy_iso_alpha2(a3) : "-", cc, "%s", a3);
        }
    cr_expect_eq(codes, 250);
}

Test(places, lookup_by_name)
{
    const dy_place *ny = L("New York");
    cr_assert(ny);
    cr_expect_str_eq(desc(ny), "New York|New York|USA|city");
    cr_expect_str_eq(ny->cc2, "US");
    cr_expect_str_eq(ny->country, "United States of America");
    cr_expect(fabs(ny->lat - 40.71) < 0.05 && fabs(ny->lon + 74.01) < 0.05);
    cr_expect_gt(ny->population, 8000000);
    LOOK("Kyiv", "Kyiv|Kyiv City|UKR|city");
    LOOK("Donetsk", "Donetsk|Donetsk Oblast|UKR|city");
    LOOK("Damascus", "Damascus|Damascus Governorate|SYR|city");
    LOOK("Nowhereville", "-");
    LOOK("", "-");
    LOOK("---", "-");
    cr_expect_null(dy_gazetteer_lookup(gaz, NULL, 3, NULL, 0));
    cr_expect_null(dy_gazetteer_lookup(NULL, "Kyiv", 4, NULL, 0));
    /* only len bytes are read */
    cr_expect_str_eq(desc(dy_gazetteer_lookup(gaz, "Paris, Texas", 5, NULL, 0)),
                     "Paris|Île-de-France Region|FRA|city");
}

Test(places, keys_ignore_case_accents_and_punctuation)
{
    LOOK("KHAN YUNIS", "Khan Yunis|Gaza Strip|PSE|city");
    LOOK("khan-yunis", "Khan Yunis|Gaza Strip|PSE|city");
    LOOK("Sao Paulo", "São Paulo|São Paulo|BRA|city");
    LOOK("SÃO PAULO", "São Paulo|São Paulo|BRA|city");
    LOOK("Bogota", "Bogotá|Bogota D.C.|COL|city");
    LOOK("Sana'a", "Sanaa|Amanat Alasimah|YEM|city");
    LOOK("Washington, D.C.", "Washington D.C.|District of Columbia|USA|city");
    /* invalid UTF-8 is skipped, not a failure */
    LOOK("Ky\xFFiv", "Kyiv|Kyiv City|UKR|city");
    /* a name longer than any key */
    char longname[600];
    memset(longname, 'a', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    LOOK(longname, "-");
}

Test(places, news_spellings)
{
    LOOK("Kiev", "Kyiv|Kyiv City|UKR|city");
    LOOK("Khan Younis", "Khan Yunis|Gaza Strip|PSE|city");
    LOOK("Gaza City", "Gaza|Gaza Strip|PSE|city");
    LOOK("Washington", "Washington D.C.|District of Columbia|USA|city");
    LOOK("St. Petersburg", "Saint Petersburg|Saint Petersburg|RUS|city");
    LOOK("Odesa", "Odessa|Odes’ka Oblast’|UKR|city");
    LOOK("U.S.", "United States of America||USA|country");
    LOOK("United States", "United States of America||USA|country");
    LOOK("Britain", "United Kingdom||GBR|country");
    LOOK("Jordan", "Hashemite Kingdom of Jordan||JOR|country");
    LOOK("South Korea", "Republic of Korea||KOR|country");
    /* city-states libgeonames has no city of */
    LOOK("Singapore", "Singapore||SGP|city");
    LOOK("Macao", "Macau||MAC|city");
    LOOK("Vatican", "Vatican City||VAT|country");
}

Test(places, kinds_admin_areas_and_countries)
{
    LOOK("Syria", "Syria||SYR|country");
    LOOK("Ukraine", "Ukraine||UKR|country");
    LOOK("Crimea", "Autonomous Republic of Crimea|Autonomous Republic of Crimea|UKR|admin1");
    LOOK("Donetsk Oblast", "Donetsk Oblast|Donetsk Oblast|UKR|admin1");
    LOOK("West Bank", "West Bank|West Bank|PSE|admin1");
    LOOK("Texas", "Texas|Texas|USA|admin1");
    const dy_place *sy = L("Syria");
    cr_expect_gt(sy->population, 1000000);
    cr_expect(sy->lat > 32 && sy->lat < 38 && sy->lon > 35 && sy->lon < 43, "centre of Syria");
    /* a city before an area of its own name in its own country */
    LOOK("New York", "New York|New York|USA|city");
    LOOK("Luxembourg", "Luxembourg|Luxembourg|LUX|city");
    /* a country before a foreign town of its name */
    LOOK("Lebanon", "Lebanon||LBN|country");
    LOOK("Georgia", "Georgia||GEO|country");
}

Test(places, homonyms_population_and_hints)
{
    LOOK("Paris", "Paris|Île-de-France Region|FRA|city");
    LOOK("Tripoli", "Tripoli|Tripoli|LBY|city");
    LOOK("Springfield", "Springfield|Missouri|USA|city");
    LOOK("London", "London|England|GBR|city");
    /* a hinted country is worth a tenfold population */
    LOOKH("Tripoli", "LB", "Tripoli|Liban-Nord|LBN|city");
    LOOKH("Tripoli", "lbn", "Tripoli|Liban-Nord|LBN|city");
    LOOKH("Georgia", "USA", "Georgia|Georgia|USA|admin1");
    /* ... but not more: Donetsk in Ukraine is twenty times the size of the
     * Russian one (a dateline can still say "DONETSK, Russia") */
    LOOKH("Donetsk", "RU", "Donetsk|Donetsk Oblast|UKR|city");
    LOOKH("Paris", "US", "Paris|Île-de-France Region|FRA|city");
    LOOKH("London", "CA", "London|England|GBR|city");
    /* unknown hints are ignored */
    LOOKH("Tripoli", "ZZ", "Tripoli|Tripoli|LBY|city");
    LOOKH("Tripoli", "Lebanon", "Tripoli|Tripoli|LBY|city");
    const char *many[] = {"FR", NULL, "XX", "LBN"};
    cr_expect_str_eq(desc(dy_gazetteer_lookup(gaz, "Tripoli", 7, many, 4)),
                     "Tripoli|Liban-Nord|LBN|city");
}

Test(places, candidates_best_first)
{
    const dy_place *c[64];
    size_t n = dy_gazetteer_candidates(gaz, "Springfield", 11, NULL, 0, c, 64);
    cr_assert_geq(n, 8);
    cr_assert_leq(n, 64);
    for (size_t i = 0; i < n; i++) {
        cr_expect_str_eq(c[i]->name, "Springfield");
        if (i)
            cr_expect_geq(c[i - 1]->population, c[i]->population);
    }
    cr_expect_eq(dy_gazetteer_candidates(gaz, "Springfield", 11, NULL, 0, c, 2), n);
    cr_expect_eq(dy_gazetteer_candidates(gaz, "Springfield", 11, NULL, 0, NULL, 0), n);
    cr_expect_eq(dy_gazetteer_candidates(gaz, "Nowhereville", 12, NULL, 0, c, 64), 0);
    /* the first candidate is the lookup's answer */
    n = dy_gazetteer_candidates(gaz, "Washington", 10, NULL, 0, c, 64);
    cr_assert_geq(n, 4);
    cr_expect_eq(c[0], L("Washington"));
}

typedef struct sent {
    dy_token *t;
    uint32_t n;
} sent;

static sent tokens(const char *text, int raw)
{
    sent s;
    dy_msg msg;
    cr_assert_eq(dy_tokenize(arena, text, strlen(text), &s.t, &s.n, NULL, &msg), DYAD_OK);
    if (!raw)
        dy_tag_sentence(s.t, s.n, arena);
    return s;
}

Test(places, lookup_of_tokens)
{
    sent s = tokens("Troops entered New York and Khan Younis.", 0);
    cr_expect_eq(dy_gazetteer_lookup_tokens(gaz, s.t, 2, 4, NULL, 0), L("New York"));
    cr_expect_eq(dy_gazetteer_lookup_tokens(gaz, s.t, 5, 7, NULL, 0), L("Khan Yunis"));
    cr_expect_null(dy_gazetteer_lookup_tokens(gaz, s.t, 0, 2, NULL, 0));
    cr_expect_null(dy_gazetteer_lookup_tokens(gaz, s.t, 3, 3, NULL, 0));
    cr_expect_null(dy_gazetteer_lookup_tokens(gaz, NULL, 0, 1, NULL, 0));
}

/* Lookups from several threads at once give the answers of one thread. */
static const char *const NAMES[] = {"New York", "Kiev",  "Donetsk", "Tripoli", "Syria",
                                    "Crimea",   "Paris", "Gaza City", "Washington", "Nowhere"};
#define N_NAMES (sizeof NAMES / sizeof *NAMES)

static void *lookups(void *arg)
{
    const dy_place *const *want = arg;
    const char *hint[] = {"LB"};
    for (int r = 0; r < 20000; r++)
        for (size_t i = 0; i < N_NAMES; i++)
            if (dy_gazetteer_lookup(gaz, NAMES[i], strlen(NAMES[i]), hint, 1) != want[i])
                return (void *)1;
    return NULL;
}

Test(places, concurrent_lookups)
{
    const dy_place *want[N_NAMES];
    const char *hint[] = {"LB"};
    for (size_t i = 0; i < N_NAMES; i++)
        want[i] = dy_gazetteer_lookup(gaz, NAMES[i], strlen(NAMES[i]), hint, 1);
    cr_expect_str_eq(want[3]->cc2, "LB");
    pthread_t th[4];
    for (int i = 0; i < 4; i++)
        cr_assert_eq(pthread_create(&th[i], NULL, lookups, want), 0);
    for (int i = 0; i < 4; i++) {
        void *bad = (void *)1;
        pthread_join(th[i], &bad);
        cr_expect_null(bad, "thread %d saw another answer", i);
    }
}

/* Two gazetteers built at once (libgeonames' lazy initialisation) are alike. */
static void *create_one(void *arg)
{
    dy_gazetteer **g = arg;
    return dy_gazetteer_create(g, NULL) == DYAD_OK ? NULL : (void *)1;
}

Test(places, concurrent_creation)
{
    dy_gazetteer *g[2] = {NULL, NULL};
    pthread_t th[2];
    for (int i = 0; i < 2; i++)
        cr_assert_eq(pthread_create(&th[i], NULL, create_one, &g[i]), 0);
    for (int i = 0; i < 2; i++) {
        void *bad = (void *)1;
        pthread_join(th[i], &bad);
        cr_expect_null(bad);
    }
    cr_assert(g[0] && g[1]);
    cr_expect_eq(dy_gazetteer_size(g[0]), dy_gazetteer_size(gaz));
    cr_expect_eq(dy_gazetteer_size(g[1]), dy_gazetteer_size(gaz));
    cr_expect_str_eq(dy_gazetteer_lookup(g[1], "Kiev", 4, NULL, 0)->name, "Kyiv");
    dy_gazetteer_free(g[0]);
    dy_gazetteer_free(g[1]);
    dy_gazetteer_free(NULL);
    cr_expect_eq(dy_gazetteer_size(NULL), 0);
    cr_expect_eq(dy_gazetteer_create(NULL, NULL), DYAD_ERR_ARG);
}

Test(places, lookups_are_fast)
{
    /* about 0.1 us each on one core; the bound leaves room for sanitizers
     * and a loaded machine */
    struct timespec a, b;
    const char *hint[] = {"UA", "RUS"};
    size_t hits = 0;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int r = 0; r < 10000; r++)
        for (size_t i = 0; i < N_NAMES; i++)
            hits += dy_gazetteer_lookup(gaz, NAMES[i], strlen(NAMES[i]), hint, 2) != NULL;
    clock_gettime(CLOCK_MONOTONIC, &b);
    double us = ((double)(b.tv_sec - a.tv_sec) * 1e6 + (double)(b.tv_nsec - a.tv_nsec) / 1e3) /
                (10000.0 * N_NAMES);
    cr_expect_eq(hits, 10000 * (N_NAMES - 1));
    cr_expect_lt(us, 20.0, "%.2f us per lookup", us);
}

/* ---- place mentions ------------------------------------------------------------- */

static uint32_t index_of(sent s, const char *word)
{
    for (uint32_t i = 0; i < s.n; i++)
        if (strcmp(s.t[i].text, word) == 0)
            return i;
    cr_assert_fail("no <%s> in the sentence", word);
    return 0;
}

/* The mentions of text for the event whose verb is the word verb (NULL:
 * none), as "tokens=name/cc3/role/why; ...", the event's location last
 * after " => ". */
static const char *mentions_ctx(const char *text, const char *verb, const dy_place_context *ctx,
                                int raw)
{
    static const char *const why[] = {"?",     "prep",      "dateline",     "actor",
                                      "poss",  "modifier",  "topic",        "direction",
                                      "other-clause", "no-prep"};
    sent s = tokens(text, raw);
    uint32_t v = verb ? index_of(s, verb) : UINT32_MAX;
    dy_place_mention m[16];
    uint32_t nm = dy_places_find(gaz, s.t, s.n, v, ctx, m, 16);
    char *out = dy_arena_alloc(arena, 4096);
    size_t o = 0;
    out[0] = '\0';
    for (uint32_t k = 0; k < nm; k++) {
        cr_assert(m[k].place);
        cr_assert_lt(m[k].first, m[k].last);
        if (k)
            o += (size_t)snprintf(out + o, 4096 - o, "; ");
        for (uint32_t i = m[k].first; i < m[k].last; i++)
            o += (size_t)snprintf(out + o, 4096 - o, "%s%s", i > m[k].first ? " " : "",
                                  s.t[i].text);
        o += (size_t)snprintf(out + o, 4096 - o, "=%s/%s/%s", m[k].place->cc3,
                              m[k].role == DY_PLACE_LOCATION ? "LOC" : "mention", why[m[k].why]);
    }
    int e = dy_places_event_location(m, nm, v);
    o += (size_t)snprintf(out + o, 4096 - o, " => %s", e < 0 ? "-" : m[e].place->name);
    return out;
}

static const char *mentions(const char *text, const char *verb)
{
    return mentions_ctx(text, verb, NULL, 0);
}

#define M(text, verb, want) cr_expect_str_eq(mentions(text, verb), want, "in <%s>", text)

Test(places, locative_prepositions_make_the_location)
{
    M("Talks resumed in Geneva on Monday.", "resumed", "Geneva=CHE/LOC/prep => Geneva");
    M("Shots were fired near Donetsk.", "fired", "Donetsk=UKR/LOC/prep => Donetsk");
    M("Protesters gathered outside Kyiv.", "gathered", "Kyiv=UKR/LOC/prep => Kyiv");
    M("Police clashed with protesters on the outskirts of Kyiv.", "clashed",
      "Kyiv=UKR/LOC/prep => Kyiv");
    M("Shells hit a village 20 km north of Donetsk.", "hit", "Donetsk=UKR/LOC/prep => Donetsk");
    M("Rebels fought in the eastern city of Donetsk.", "fought", "Donetsk=UKR/LOC/prep => Donetsk");
    M("In Kyiv, protesters clashed with police.", "clashed", "Kyiv=UKR/LOC/prep => Kyiv");
    M("Israeli jets struck targets in Gaza City and Khan Younis.", "struck",
      "Gaza City=PSE/LOC/prep; Khan Younis=PSE/LOC/prep => Gaza");
    M("Protesters gathered in Kyiv's Maidan square.", "gathered", "Kyiv=UKR/LOC/prep => Kyiv");
    M("Fighting broke out in the Donetsk region.", "broke", "Donetsk=UKR/LOC/prep => Donetsk");
}

Test(places, a_topic_is_not_the_location)
{
    M("Talks on Syria resumed in Geneva.", "resumed",
      "Syria=SYR/mention/topic; Geneva=CHE/LOC/prep => Geneva");
    M("Officials discussed the Gaza issue in Cairo.", "discussed",
      "Gaza=PSE/mention/modifier; Cairo=EGY/LOC/prep => Cairo");
    M("Officials discussed the Syrian crisis.", "discussed", " => -");
    M("They signed a deal about Crimea in Minsk.", "signed",
      "Crimea=UKR/mention/topic; Minsk=BLR/LOC/prep => Minsk");
    M("He condemned the war in Syria.", "condemned", "Syria=SYR/mention/topic => -");
    M("A dispute over Crimea grew.", "grew", "Crimea=UKR/mention/topic => -");
}

Test(places, possessives_objects_and_directions_are_mentions)
{
    M("Russia's president met Obama in Moscow.", "met",
      "Russia=RUS/mention/poss; Obama=JPN/mention/no-prep; Moscow=RUS/LOC/prep => Moscow");
    M("He met the president of Syria in New York.", "met",
      "Syria=SYR/mention/poss; New York=USA/LOC/prep => New York");
    M("Russian forces shelled Kyiv on Monday.", "shelled", "Kyiv=UKR/mention/no-prep => -");
    M("Putin flew to Beijing from Moscow.", "flew",
      "Beijing=CHN/mention/direction; Moscow=RUS/mention/direction => -");
    M("Kyiv officials said rebels attacked in Luhansk.", "attacked",
      "Kyiv=UKR/mention/modifier; Luhansk=UKR/LOC/prep => Luhansk");
    /* people and papers are not places */
    M("President Barack Obama spoke in Paris.", "spoke", "Paris=FRA/LOC/prep => Paris");
    M("The New York Times reported clashes in Kharkiv.", "reported",
      "New York=USA/mention/modifier; Kharkiv=UKR/LOC/prep => Kharkiv");
    M("They met on March 3 in Kyiv.", "met", "Kyiv=UKR/LOC/prep => Kyiv");
}

Test(places, another_clause_is_not_the_event)
{
    M("The minister said Russia attacked targets in Syria.", "said",
      "Russia=RUS/mention/no-prep; Syria=SYR/mention/other-clause => -");
    M("The minister said Russia attacked targets in Syria.", "attacked",
      "Russia=RUS/mention/no-prep; Syria=SYR/LOC/prep => Syria");
    /* without a verb there is no clause test */
    M("The minister said Russia attacked targets in Syria.", NULL,
      "Russia=RUS/mention/no-prep; Syria=SYR/LOC/prep => Syria");
}

Test(places, actors_are_mentions)
{
    dy_span actors[2] = {{0, 1}, {2, 1}};
    dy_place_context ctx = {NULL, 0, actors, 2};
    cr_expect_str_eq(mentions_ctx("Russia attacked Ukraine in Donetsk.", "attacked", &ctx, 0),
                     "Russia=RUS/mention/actor; Ukraine=UKR/mention/actor; "
                     "Donetsk=UKR/LOC/prep => Donetsk");
    /* hints choose among homonyms in the sentence too */
    const char *hints[] = {"LBN"};
    dy_place_context hinted = {hints, 1, NULL, 0};
    cr_expect_str_eq(mentions_ctx("Shells fell in Tripoli.", "fell", &hinted, 0),
                     "Tripoli=LBN/LOC/prep => Tripoli");
    cr_expect_str_eq(mentions_ctx("Shells fell in Tripoli.", "fell", NULL, 0),
                     "Tripoli=LBY/LOC/prep => Tripoli");
}

Test(places, datelines)
{
    M("KYIV, Ukraine (Reuters) - Rebels attacked Donetsk.", "attacked",
      "KYIV=UKR/LOC/dateline; Ukraine=UKR/mention/no-prep; Donetsk=UKR/mention/no-prep => Kyiv");
    /* a preposition in the sentence beats the dateline */
    M("MOSCOW (Reuters) - Rebels attacked a base in Donetsk.", "attacked",
      "MOSCOW=RUS/LOC/dateline; Donetsk=UKR/LOC/prep => Donetsk");
}

static const char *dateline(const char *text)
{
    sent s = tokens(text, 0);
    return desc(dy_places_dateline(gaz, s.t, s.n, NULL, 0));
}

Test(places, dateline_sentences)
{
    cr_expect_str_eq(dateline("KYIV, Ukraine (Reuters) -"), "Kyiv|Kyiv City|UKR|city");
    cr_expect_str_eq(dateline("PARIS (Reuters) -"), "Paris|Île-de-France Region|FRA|city");
    cr_expect_str_eq(dateline("PARIS, Texas (AP) --"), "Paris|Texas|USA|city");
    cr_expect_str_eq(dateline("LONDON, Ontario (CP) -"), "London|Ontario|CAN|city");
    cr_expect_str_eq(dateline("DONETSK, Russia -"), "Donetsk|Rostov Oblast|RUS|city");
    cr_expect_str_eq(dateline("WASHINGTON (AP) --"),
                     "Washington D.C.|District of Columbia|USA|city");
    cr_expect_str_eq(dateline("NEW YORK, March 3 (Reuters) -"), "New York|New York|USA|city");
    cr_expect_str_eq(dateline("GAZA CITY -"), "Gaza|Gaza Strip|PSE|city");
    cr_expect_str_eq(dateline("(Reuters) -"), "-");
    cr_expect_str_eq(dateline("Nowhereville, Ukraine -"), "-");
    cr_expect_null(dy_places_dateline(gaz, NULL, 0, NULL, 0));
}

Test(places, event_location_prefers_the_nearest)
{
    dy_place_mention m[3] = {
        {0, 1, NULL, DY_PLACE_LOCATION, DY_WHY_PREP},
        {5, 6, NULL, DY_PLACE_MENTION, DY_WHY_TOPIC},
        {8, 9, NULL, DY_PLACE_LOCATION, DY_WHY_PREP},
    };
    cr_expect_eq(dy_places_event_location(m, 3, 7), 2);
    cr_expect_eq(dy_places_event_location(m, 3, 2), 0);
    /* equally near: the one after the verb */
    cr_expect_eq(dy_places_event_location(m, 3, 4), 2);
    cr_expect_eq(dy_places_event_location(m, 3, UINT32_MAX), 0);
    cr_expect_eq(dy_places_event_location(m + 1, 1, 3), -1);
    cr_expect_eq(dy_places_event_location(NULL, 0, 3), -1);
}

Test(places, untagged_tokens_and_limits)
{
    cr_expect_str_eq(mentions_ctx("Talks resumed in Geneva.", NULL, NULL, 1),
                     "Geneva=CHE/LOC/prep => Geneva");
    sent s = tokens("Shells hit Kyiv, Kharkiv, Odesa and Lviv.", 0);
    dy_place_mention m[4];
    cr_expect_eq(dy_places_find(gaz, s.t, s.n, UINT32_MAX, NULL, m, 4), 4);
    cr_expect_eq(dy_places_find(gaz, s.t, s.n, UINT32_MAX, NULL, m, 2), 2);
    cr_expect_eq(m[1].first, 4);
    cr_expect_eq(dy_places_find(gaz, s.t, s.n, UINT32_MAX, NULL, m, 0), 0);
    cr_expect_eq(dy_places_find(NULL, s.t, s.n, UINT32_MAX, NULL, m, 4), 0);
    cr_expect_eq(dy_places_find(gaz, s.t, 0, UINT32_MAX, NULL, m, 4), 0);
    /* a verb index outside the sentence is no verb */
    cr_expect_eq(dy_places_find(gaz, s.t, s.n, 1000, NULL, m, 4), 4);
}

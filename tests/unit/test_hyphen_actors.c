/* Unit tests for hyphenated modifiers in actor coding ("a US-led
 * coalition", "Russian-backed separatists", "a British-flagged tanker"):
 * dy_hyphen_modifier() and dy_actors_match_hyphen() (lib/dict/actors.c),
 * and the coder's use of them (code_phrase in lib/code/parselist.c) with
 * dyad's default actor and agent files.  The rule is documented in
 * docs/dictionaries.md ("Hyphenated modifiers").  Tests run from the
 * repository root. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict/engine.h"
#include "dict_test_util.h"
#include "dyad.h"

#define DATE 20240304

/* ---- what a hyphenated word means ------------------------------------ */

static dy_hyphen_kind kind_of(const char *word, char *x, size_t cap)
{
    const char *xp = NULL;
    size_t xn = 0;
    dy_hyphen_kind k = dy_hyphen_modifier(word, &xp, &xn);
    if (x) {
        snprintf(x, cap, "%.*s", (int)xn, xp ? xp : "");
    }
    return k;
}

Test(hyphen_kinds, member_suffixes_name_x)
{
    char x[64];
    cr_assert_eq(kind_of("US-led", x, sizeof x), DY_HYPHEN_MEMBER);
    cr_assert_str_eq(x, "US");
    cr_assert_eq(kind_of("U.S.-led", x, sizeof x), DY_HYPHEN_MEMBER);
    cr_assert_str_eq(x, "U.S.");
    cr_assert_eq(kind_of("SAUDI-LED", x, sizeof x), DY_HYPHEN_MEMBER);
    cr_assert_str_eq(x, "SAUDI");
    cr_assert_eq(kind_of("British-flagged", x, sizeof x), DY_HYPHEN_MEMBER);
    cr_assert_str_eq(x, "British");
    cr_assert_eq(kind_of("London-based", NULL, 0), DY_HYPHEN_MEMBER);
    cr_assert_eq(kind_of("Hamas-run", NULL, 0), DY_HYPHEN_MEMBER);
    cr_assert_eq(kind_of("Chinese-owned", NULL, 0), DY_HYPHEN_MEMBER);
    cr_assert_eq(kind_of("Panama-registered", NULL, 0), DY_HYPHEN_MEMBER);
}

Test(hyphen_kinds, other_relations_are_not_membership)
{
    char x[64];
    cr_assert_eq(kind_of("Russian-backed", x, sizeof x), DY_HYPHEN_PATRON);
    cr_assert_str_eq(x, "Russian");
    cr_assert_eq(kind_of("al-Qaeda-linked", x, sizeof x), DY_HYPHEN_PATRON);
    cr_assert_str_eq(x, "al-Qaeda");
    cr_assert_eq(kind_of("Iran-funded", NULL, 0), DY_HYPHEN_PATRON);
    cr_assert_eq(kind_of("Kremlin-sponsored", NULL, 0), DY_HYPHEN_PATRON);
    cr_assert_eq(kind_of("Iran-allied", NULL, 0), DY_HYPHEN_PATRON);
    cr_assert_eq(kind_of("Chinese-made", NULL, 0), DY_HYPHEN_ORIGIN);
    cr_assert_eq(kind_of("Syrian-born", NULL, 0), DY_HYPHEN_ORIGIN);
    cr_assert_eq(kind_of("Russian-speaking", NULL, 0), DY_HYPHEN_ORIGIN);
    cr_assert_eq(kind_of("Israeli-occupied", NULL, 0), DY_HYPHEN_TERRITORY);
    cr_assert_eq(kind_of("rebel-held", NULL, 0), DY_HYPHEN_TERRITORY);
    cr_assert_eq(kind_of("Russian-controlled", NULL, 0), DY_HYPHEN_TERRITORY);
    cr_assert_eq(kind_of("Indian-administered", NULL, 0), DY_HYPHEN_TERRITORY);
    cr_assert_eq(kind_of("Qatar-brokered", NULL, 0), DY_HYPHEN_OBJECT);
    cr_assert_eq(kind_of("US-sanctioned", NULL, 0), DY_HYPHEN_OBJECT);
    cr_assert_eq(kind_of("Iran-bound", NULL, 0), DY_HYPHEN_OBJECT);
}

Test(hyphen_kinds, pro_and_anti_are_stances)
{
    char x[64];
    cr_assert_eq(kind_of("pro-Russian", x, sizeof x), DY_HYPHEN_STANCE);
    cr_assert_str_eq(x, "Russian");
    cr_assert_eq(kind_of("Anti-government", x, sizeof x), DY_HYPHEN_STANCE);
    cr_assert_str_eq(x, "government");
    /* the stance comes first: "pro-Western-led" is still a stance */
    cr_assert_eq(kind_of("pro-Iran-backed", NULL, 0), DY_HYPHEN_STANCE);
}

Test(hyphen_kinds, unlisted_and_malformed_words)
{
    cr_assert_eq(kind_of("Russia-Ukraine", NULL, 0), DY_HYPHEN_NONE);
    cr_assert_eq(kind_of("Israeli-Palestinian", NULL, 0), DY_HYPHEN_NONE);
    cr_assert_eq(kind_of("Guinea-Bissau", NULL, 0), DY_HYPHEN_NONE);
    cr_assert_eq(kind_of("well-known", NULL, 0), DY_HYPHEN_NONE);
    cr_assert_eq(kind_of("-led", NULL, 0), DY_HYPHEN_NONE);
    cr_assert_eq(kind_of("led-", NULL, 0), DY_HYPHEN_NONE);
    cr_assert_eq(kind_of("led", NULL, 0), DY_HYPHEN_NONE);
    cr_assert_eq(kind_of("US-leader", NULL, 0), DY_HYPHEN_NONE);
    cr_assert_eq(kind_of("", NULL, 0), DY_HYPHEN_NONE);
    cr_assert_eq(dy_hyphen_modifier(NULL, NULL, NULL), DY_HYPHEN_NONE);
}

/* ---- matching X against a small dictionary --------------------------- */

static dy_intern *words;
static dy_actors *actors;

static void load_small(void)
{
    static const char *txt =
        "GONDOR_ [GON]\n+GONDORIAN_\n\n"
        "UNITED_REALMS_OF_ARNOR_ [ARN]\n+UNITED_REALMS_\n\n"
        "WHITE_COUNCIL_ [IGOWHC]\n\n"
        "GUINEA_PIGS [---]\n";
    words = dy_intern_create();
    actors = dy_actors_create(words);
    cr_assert(words && actors);
    dy_diag_sink sink = {0};
    cr_assert_eq(dy_actors_load(actors, "t.actors", txt, strlen(txt), &sink), DYAD_OK);
    cr_assert_eq(dy_actors_finish(actors), DYAD_OK);
    cr_assert_eq(sink.count, 0);
}

static void free_small(void)
{
    dy_actors_free(actors);
    dy_intern_free(words);
}

TestSuite(hyphen_match, .init = load_small, .fini = free_small);

/* The code of the modifier at word pos of a blank-separated sentence (the
 * words as the tokenizer gives them), or NULL; *at and *len its words. */
static const char *hyphen_at(const char *text, size_t pos, size_t *at, size_t *len)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", text);
    const char *tok[32];
    size_t n = 0;
    for (char *p = strtok(buf, " "); p && n < 32; p = strtok(NULL, " "))
        tok[n++] = p;
    uint32_t ids[32];
    cr_assert_eq(dy_test_sentence(words, text, ids, 32), n);
    const char *code = NULL;
    size_t a = 0, l = 0;
    if (!dy_actors_match_hyphen(actors, ids, n, pos, tok[pos], DATE, &a, &l, &code))
        return NULL;
    if (at)
        *at = a;
    if (len)
        *len = l;
    return code;
}

Test(hyphen_match, single_and_multi_word_x)
{
    size_t at = 9, len = 9;
    cr_assert_str_eq(hyphen_at("a Gondor-led force", 1, &at, &len), "GON");
    cr_assert_eq(at, 1);
    cr_assert_eq(len, 1);
    cr_assert_str_eq(hyphen_at("the GONDORIAN-FLAGGED ship", 1, NULL, NULL), "GON");
    cr_assert_str_eq(hyphen_at("a White Council-run school", 2, &at, &len), "IGOWHC");
    cr_assert_eq(at, 1);
    cr_assert_eq(len, 2);
    /* the longest name that ends at the modifier */
    cr_assert_str_eq(hyphen_at("the United Realms of Arnor-based envoys", 4, &at, &len), "ARN");
    cr_assert_eq(at, 1);
    cr_assert_eq(len, 4);
}

Test(hyphen_match, only_membership_and_only_real_actors)
{
    cr_assert_null(hyphen_at("a Gondor-backed force", 1, NULL, NULL));
    cr_assert_null(hyphen_at("a Gondor-made sword", 1, NULL, NULL));
    cr_assert_null(hyphen_at("the Gondor-occupied hills", 1, NULL, NULL));
    cr_assert_null(hyphen_at("pro-Gondor rebels", 0, NULL, NULL));
    cr_assert_null(hyphen_at("a Rohan-led force", 1, NULL, NULL));      /* no such actor */
    cr_assert_null(hyphen_at("a Gondor-Arnor force", 1, NULL, NULL));   /* unlisted */
    cr_assert_null(hyphen_at("the guinea Pigs-led revolt", 2, NULL, NULL)); /* null code */
    cr_assert_null(hyphen_at("a Gondor-led force", 2, NULL, NULL));     /* not hyphenated */
}

/* ---- the coder, with dyad's default actor and agent files ----------- */

static const char *verbs_txt =
    "--- ATTACK [190] ---\nATTACK\n\n"
    "--- SEIZE [171] ---\nSEIZE\n\n"
    "--- ACCUSE [112] ---\nACCUSE\n";

static dyad_engine *engine;
static dyad_coder *coder;

static void build_engine(void)
{
    static const char *const files[] = {
        "data/dict/people.actors.txt", "data/dict/organizations.actors.txt",
        "data/dict/countries.actors.txt",
    };
    dyad_builder *b = dyad_builder_create();
    cr_assert_not_null(b);
    cr_assert_eq(dyad_builder_add_buffer(b, DYAD_DICT_VERBS, "t.verbs", verbs_txt,
                                         strlen(verbs_txt)), DYAD_OK);
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        cr_assert_eq(dyad_builder_add_file(b, DYAD_DICT_ACTORS, files[i]), DYAD_OK);
    cr_assert_eq(dyad_builder_add_file(b, DYAD_DICT_AGENTS, "data/dict/agents.txt"), DYAD_OK);
    cr_assert_eq(dyad_engine_build(b, &engine), DYAD_OK);
    dyad_builder_free(b);
    coder = dyad_coder_create(engine);
    cr_assert_not_null(coder);
}

static void free_engine(void)
{
    dyad_coder_free(coder);
    dyad_engine_free(engine);
}

TestSuite(hyphen_coder, .init = build_engine, .fini = free_engine);

/* Codes a Treebank parse; "SRC TGT" of every event, ";"-separated. */
static const char *coded(const char *parse)
{
    static char out[512];
    dyad_sentence s = {"H-1", "20240304", NULL, parse, 0};
    dyad_result r;
    dyad_status st = dyad_code_sentence(coder, &s, &r);
    cr_assert_eq(st, DYAD_OK, "%s: %s", dyad_coder_error_kind(coder), dyad_coder_error(coder));
    out[0] = '\0';
    for (size_t i = 0; i < r.n_events; i++) {
        size_t l = strlen(out);
        snprintf(out + l, sizeof out - l, "%s%s %s", i ? ";" : "", r.events[i].source.code,
                 r.events[i].target.code);
    }
    return out;
}

/* The same for raw text, through the tokenizer, tagger and resolution. */
static const char *coded_text(const char *text)
{
    static char out[512];
    dyad_article a = {"H", "2024-03-04", text, strlen(text)};
    dyad_result r;
    dyad_status st = dyad_code_article(coder, &a, &r);
    cr_assert_eq(st, DYAD_OK, "%s: %s", dyad_coder_error_kind(coder), dyad_coder_error(coder));
    out[0] = '\0';
    for (size_t i = 0; i < r.n_events; i++) {
        size_t l = strlen(out);
        snprintf(out + l, sizeof out - l, "%s%s %s", i ? ";" : "", r.events[i].source.code,
                 r.events[i].target.code);
    }
    return out;
}

#define EXPECT(parse, want)                                                   \
    do {                                                                      \
        const char *got_ = coded(parse);                                      \
        cr_expect_str_eq(got_, want, "%s\n  got  \"%s\"\n  want \"%s\"",      \
                         parse, got_, want);                                  \
    } while (0)

#define S(subj, vp) "(ROOT (S " subj " " vp " (. .)))"

/* X-led, -based, -flagged, -owned, -run: the noun is X's. */
Test(hyphen_coder, membership_gives_the_country)
{
    EXPECT(S("(NP (DT A) (JJ US-led) (NN coalition))",
             "(VP (VBD attacked) (NP (JJ Syrian) (NNS troops)))"),
           "USA SYRMIL");
    EXPECT(S("(NP (DT The) (JJ U.S.-led) (NN coalition))",
             "(VP (VBD attacked) (NP (JJ Iraqi) (NNS militias)))"),
           "USA IRQREB");
    EXPECT(S("(NP (JJ Saudi-led) (NNS forces))",
             "(VP (VBD attacked) (NP (NNP Houthi) (NNS rebels)))"),
           "SAUMIL YEMREB");
    EXPECT(S("(NP (NNP Iran))",
             "(VP (VBD seized) (NP (DT a) (JJ British-flagged) (NN tanker)))"),
           "IRN GBR");
    EXPECT(S("(NP (DT A) (JJ London-based) (NNS rights) (NN group))",
             "(VP (VBD accused) (NP (NNP Saudi) (NNP Arabia)))"),
           "NGOGBR SAU");
    EXPECT(S("(NP (DT A) (JJ Chinese-owned) (NN company))",
             "(VP (VBD accused) (NP (DT the) (JJ Indian) (NN government)))"),
           "CHNBUS INDGOV");
    EXPECT(S("(NP (JJ Israeli) (NNS troops))",
             "(VP (VBD attacked) (NP (DT a) (JJ Gaza-based) (JJ militant) (NN group)))"),
           "ISRMIL PSEREB");
}

Test(hyphen_coder, x_may_be_several_words_or_an_organisation)
{
    EXPECT(S("(NP (DT The) (NNP United) (JJ States-led) (NN coalition))",
             "(VP (VBD attacked) (NP (JJ Syrian) (NNS troops)))"),
           "USA SYRMIL");
    EXPECT(S("(NP (DT A) (JJ NATO-led) (NN mission))",
             "(VP (VBD attacked) (NP (JJ Serbian) (NNS troops)))"),
           "IGOWSTNAT SRBMIL");
}

/* The modifier speaks for its own noun group: an actor after a
 * preposition does not beat it, an actor among the head's words does. */
Test(hyphen_coder, noun_group_priority)
{
    EXPECT(S("(NP (NP (DT The) (JJ Saudi-led) (NN coalition)) (PP (IN in) (NP (NNP Yemen))))",
             "(VP (VBD attacked) (NP (NNP Houthi) (NNS rebels)))"),
           "SAU YEMREB");
    EXPECT(S("(NP (JJ Syrian) (NNS troops))",
             "(VP (VBD attacked) (NP (NP (DT a) (JJ US-led) (NN coalition)) "
             "(PP (IN against) (NP (NNP Islamic) (NNP State)))))"),
           "SYRMIL USA");
    EXPECT(S("(NP (DT The) (JJ US-led) (JJ Iraqi) (NNS forces))",
             "(VP (VBD attacked) (NP (NNP Islamic) (NNP State) (NNS fighters)))"),
           "IRQMIL IMGMUSISL");
    /* the dictionary's own phrases come first */
    EXPECT(S("(NP (DT The) (JJ Kurdish-led) (NN SDF))",
             "(VP (VBD attacked) (NP (JJ Turkish-backed) (NNS fighters)))"),
           "SYRUAF ---REB");
}

/* X-backed, -funded ...: a proxy is not its patron (pro-X neither). */
Test(hyphen_coder, patrons_and_stances_give_no_country)
{
    EXPECT(S("(NP (JJ Russian-backed) (NNS fighters))",
             "(VP (VBD attacked) (NP (JJ Ukrainian) (NNS troops)))"),
           "---REB UKRMIL");
    EXPECT(S("(NP (JJ Russian-backed) (NNS separatists))",
             "(VP (VBD attacked) (NP (JJ Ukrainian) (NNS troops)))"),
           "UKRSEP UKRMIL");
    EXPECT(S("(NP (NNP Iranian-backed) (NNP Houthi) (NNS rebels))",
             "(VP (VBD attacked) (NP (DT a) (JJ British-flagged) (NN tanker)))"),
           "YEMREB GBR");
    EXPECT(S("(NP (JJ Turkish-backed) (JJ Syrian) (NNS rebels))",
             "(VP (VBD attacked) (NP (JJ Kurdish) (NNS fighters)))"),
           "SYRREB ---REB");
    EXPECT(S("(NP (JJ Israeli) (NNS forces))",
             "(VP (VBD attacked) (NP (DT the) (JJ UN-backed) (NN government)))"),
           "ISRMIL ---GOV");
    EXPECT(S("(NP (JJ Pro-Russian) (NNS protesters))",
             "(VP (VBD attacked) (NP (JJ Ukrainian) (NNS police)))"),
           "---OPP UKRCOP");
    EXPECT(S("(NP (JJ Anti-government) (NNS protesters))",
             "(VP (VBD attacked) (NP (JJ Iranian) (NNS police)))"),
           "---OPP IRNCOP");
}

/* Origin, territory, and what X did: X is not the actor. */
Test(hyphen_coder, origin_territory_and_objects_give_no_country)
{
    EXPECT(S("(NP (DT A) (JJ Chinese-made) (NN drone))",
             "(VP (VBD attacked) (NP (JJ Ukrainian) (NNS troops)))"),
           "");
    EXPECT(S("(NP (DT A) (JJ Syrian-born) (NN man))",
             "(VP (VBD attacked) (NP (JJ German) (NNS police)))"),
           "---CVL DEUCOP");
    EXPECT(S("(NP (NNP Hezbollah))",
             "(VP (VBD attacked) (NP (DT the) (JJ Israeli-occupied) (NNP Golan)))"),
           "");
    EXPECT(S("(NP (JJ Israeli) (NNS troops))",
             "(VP (VBD attacked) (NP (JJ Syrian-held) (NNS positions)))"),
           "");
    EXPECT(S("(NP (DT A) (JJ US-sanctioned) (JJ Russian) (NN oligarch))",
             "(VP (VBD accused) (NP (DT the) (JJ British) (NN government)))"),
           "RUSBUS GBRGOV");
    EXPECT(S("(NP (JJ Russian) (NNS troops))",
             "(VP (VBD attacked) (NP (JJ Russian-speaking) (NNS civilians)))"),
           "RUSMIL ---CVL");
    EXPECT(S("(NP (JJ Ukrainian) (NNS police))",
             "(VP (VBD attacked) (NP (JJ Russia-Ukraine) (NN peace) (NNS activists)))"),
           "UKRCOP ---OPP");
}

/* Raw text: the tokenizer keeps "U.S.-led" whole, articles code it too. */
Test(hyphen_coder, raw_text_articles)
{
    cr_expect_str_eq(coded_text("The U.S.-led coalition attacked Iraqi militias."),
                     "USA IRQREB");
    cr_expect_str_eq(coded_text("Iran seized a British-flagged tanker."), "IRN GBR");
    cr_expect_str_eq(coded_text("Russian-backed fighters attacked Ukrainian troops."),
                     "---REB UKRMIL");
    cr_expect_str_eq(coded_text("A Chinese-made drone attacked Ukrainian troops."), "");
}

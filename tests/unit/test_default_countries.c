/* Unit tests for dyad's default dictionaries, part 1:
 * data/dict/countries.actors.txt and data/dict/agents.txt.  They load
 * without warnings, single phrases resolve to the codes the files document
 * (and some phrases must not match), and the coder composes actor and agent
 * codes as expected on Treebank parses.  Tests run from the repository
 * root. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict/engine.h"
#include "dict_test_util.h"
#include "dyad.h"

#define COUNTRIES_FILE "data/dict/countries.actors.txt"
#define AGENTS_FILE "data/dict/agents.txt"
#define DATE 20240603

/* ---- the two files, loaded through the dictionary layer ------------- */

static dy_intern *words;
static dy_actors *actors;
static dy_agents *agents;
static dy_test_warnings warn;
static dy_diag_sink sink;

static void load_both(void)
{
    memset(&warn, 0, sizeof warn);
    words = dy_intern_create();
    actors = dy_actors_create(words);
    agents = dy_agents_create(words);
    cr_assert(words && actors && agents);
    sink = (dy_diag_sink){.fn = dy_test_collect, .user = &warn};
    size_t len;
    char *text = dy_test_read_file(COUNTRIES_FILE, &len);
    cr_assert_eq(dy_actors_load(actors, COUNTRIES_FILE, text, len, &sink), DYAD_OK);
    free(text);
    text = dy_test_read_file(AGENTS_FILE, &len);
    cr_assert_eq(dy_agents_load(agents, AGENTS_FILE, text, len, &sink), DYAD_OK);
    free(text);
    cr_assert_eq(dy_actors_finish(actors), DYAD_OK);
    cr_assert_eq(dy_agents_finish(agents), DYAD_OK);
}

static void free_both(void)
{
    dy_agents_free(agents);
    dy_actors_free(actors);
    dy_intern_free(words);
}

TestSuite(default_countries, .init = load_both, .fini = free_both);

/* The actor code of the phrase starting at word `pos` of a blank-separated
 * sentence (words as the tokenizer gives them), or NULL; *len its length. */
static const char *actor_at(const char *text, size_t pos, size_t *len)
{
    uint32_t ids[64];
    size_t n = dy_test_sentence(words, text, ids, 64);
    const char *code = NULL;
    size_t l = 0;
    if (!dy_actors_match(actors, ids, n, pos, DATE, &l, &code))
        return NULL;
    if (len)
        *len = l;
    return code;
}

/* "GOV" for a suffix agent, "NGO~" for a prefix one, NULL for none. */
static const char *agent_at(const char *text, size_t pos, size_t *len)
{
    static char out[80];
    uint32_t ids[64];
    size_t n = dy_test_sentence(words, text, ids, 64);
    const char *code = NULL;
    bool prefix = false;
    size_t l = 0;
    if (!dy_agents_match(agents, ids, n, pos, &l, &code, &prefix))
        return NULL;
    if (len)
        *len = l;
    snprintf(out, sizeof out, "%s%s", code, prefix ? "~" : "");
    return out;
}

Test(default_countries, files_load_without_warnings)
{
    for (size_t i = 0; i < warn.n && i < DY_TEST_MAX_WARN; i++)
        cr_log_error("line %ld: %s", warn.line[i], warn.text[i]);
    cr_assert_eq(warn.n, 0, "%zu warnings", warn.n);
    cr_assert_gt(dy_actors_count(actors), 2000);
    cr_assert_gt(dy_agents_count(agents), 800);
}

Test(default_countries, names_demonyms_and_capitals)
{
    size_t len = 0;
    cr_assert_str_eq(actor_at("the United States of America", 1, &len), "USA");
    cr_assert_eq(len, 4);
    cr_assert_str_eq(actor_at("U.S. troops", 0, NULL), "USA");
    cr_assert_str_eq(actor_at("Russians", 0, NULL), "RUS");
    cr_assert_str_eq(actor_at("Emirati officials", 0, NULL), "ARE");
    cr_assert_str_eq(actor_at("Britons", 0, NULL), "GBR");
    cr_assert_str_eq(actor_at("Israelis", 0, NULL), "ISR");
    cr_assert_str_eq(actor_at("Beijing", 0, NULL), "CHN");
    cr_assert_str_eq(actor_at("Kyiv", 0, NULL), "UKR");
    cr_assert_str_eq(actor_at("Kiev", 0, NULL), "UKR");
    cr_assert_str_eq(actor_at("Gaza", 0, NULL), "PSE");
    cr_assert_str_eq(actor_at("the West Bank", 1, &len), "PSE");
    cr_assert_eq(len, 2);
    cr_assert_str_eq(actor_at("Pristina", 0, NULL), "KSV");
    cr_assert_str_eq(actor_at("Crimea", 0, NULL), "UKR");
    cr_assert_str_eq(actor_at("Taiwan", 0, NULL), "TWN");
    cr_assert_str_eq(actor_at("Hong Kong", 0, NULL), "HKG");
    cr_assert_str_eq(actor_at("Guinea-Bissau", 0, NULL), "GNB");
    cr_assert_str_eq(actor_at("Soviet Union", 0, NULL), "SUN");
    cr_assert_str_eq(actor_at("the Middle East", 1, NULL), "MEA");
}

Test(default_countries, seats_of_power_are_coded_as_institutions)
{
    cr_assert_str_eq(actor_at("the White House", 1, NULL), "USAGOV");
    cr_assert_str_eq(actor_at("the Kremlin", 1, NULL), "RUSGOV");
    cr_assert_str_eq(actor_at("Downing Street", 0, NULL), "GBRGOV");
    cr_assert_str_eq(actor_at("the Elysee", 1, NULL), "FRAGOV");
    cr_assert_str_eq(actor_at("Zhongnanhai", 0, NULL), "CHNGOV");
    cr_assert_str_eq(actor_at("the Pentagon", 1, NULL), "USAMIL");
    cr_assert_str_eq(actor_at("the State Department", 1, NULL), "USAGOV");
    cr_assert_str_eq(actor_at("Quai d'Orsay", 0, NULL), "FRAGOV");
    cr_assert_str_eq(actor_at("the Blue House", 1, NULL), "KORGOV");
    cr_assert_str_eq(actor_at("the Knesset", 1, NULL), "ISRLEG");
}

Test(default_countries, national_forces_and_services_known_by_their_own_name)
{
    size_t len = 0;
    cr_assert_str_eq(actor_at("the IDF", 1, NULL), "ISRMIL");
    cr_assert_str_eq(actor_at("Shin Bet", 0, NULL), "ISRSPY");
    cr_assert_str_eq(actor_at("the IRGC", 1, NULL), "IRNMIL");
    cr_assert_str_eq(actor_at("Quds Force", 0, NULL), "IRNMIL");
    cr_assert_str_eq(actor_at("the SBU", 1, NULL), "UKRSPY");
    cr_assert_str_eq(actor_at("the FSB", 1, NULL), "RUSSPY");
    cr_assert_str_eq(actor_at("the FBI", 1, NULL), "USACOP");
    cr_assert_str_eq(actor_at("ICE agents", 0, &len), "USACOP");
    cr_assert_eq(len, 2);
    cr_assert_str_eq(actor_at("the Kurdistan Regional Government", 1, NULL), "IRQGOV");
    cr_assert_str_eq(actor_at("People 's Liberation Army", 0, &len), "CHNMIL");
    cr_assert_eq(len, 4);
    cr_assert_str_eq(actor_at("the PLA", 1, NULL), "CHNMIL");
    /* North Korea's army, not South Korea's as "Korean" alone would give */
    cr_assert_str_eq(actor_at("Korean People 's Army", 0, &len), "PRKMIL");
    cr_assert_eq(len, 4);
    cr_assert_str_eq(actor_at("Korean troops", 0, NULL), "KOR");
    /* counter-examples: acronyms that are common words or name others */
    cr_assert_null(actor_at("ICE", 0, NULL));
    cr_assert_null(actor_at("MIT", 0, NULL));
    cr_assert_null(actor_at("RAW", 0, NULL));
}

Test(default_countries, shared_words_resolve_to_the_documented_country)
{
    size_t len = 0;
    cr_assert_str_eq(actor_at("North Korea", 0, &len), "PRK");
    cr_assert_eq(len, 2);
    cr_assert_str_eq(actor_at("South Korea", 0, NULL), "KOR");
    cr_assert_str_eq(actor_at("Korea", 0, NULL), "KOR");
    cr_assert_str_eq(actor_at("Democratic People 's Republic of Korea", 0, &len), "PRK");
    cr_assert_eq(len, 6);
    cr_assert_str_eq(actor_at("Congo", 0, NULL), "COD");
    cr_assert_str_eq(actor_at("Republic of Congo", 0, NULL), "COG");
    cr_assert_str_eq(actor_at("Democratic Republic of Congo", 0, &len), "COD");
    cr_assert_eq(len, 4);
    cr_assert_str_eq(actor_at("Equatorial Guinea", 0, NULL), "GNQ");
    cr_assert_str_eq(actor_at("Papua New Guinea", 0, NULL), "PNG");
    cr_assert_str_eq(actor_at("Gulf of Guinea", 0, NULL), "WAF");
    cr_assert_str_eq(actor_at("Guinea", 0, NULL), "GIN");
    /* "People's Republic of China" is China, though its tail is Taiwan's
     * name; with or without the possessive the coder may leave. */
    cr_assert_str_eq(actor_at("People 's Republic of China", 0, NULL), "CHN");
    cr_assert_str_eq(actor_at("People Republic of China", 0, NULL), "CHN");
    cr_assert_str_eq(actor_at("Republic of China", 0, NULL), "TWN");
    /* A tail that is another country's name is listed with the right code. */
    cr_assert_str_eq(actor_at("New Mexico", 0, NULL), "USA");
    cr_assert_str_eq(actor_at("British Columbia", 0, NULL), "CAN");
    cr_assert_str_eq(actor_at("Niger Delta", 0, NULL), "NGA");
    cr_assert_str_eq(actor_at("Niger", 0, NULL), "NER");
    cr_assert_str_eq(actor_at("Turkish Cypriot", 0, NULL), "CYP");
    cr_assert_str_eq(actor_at("South Sudanese", 0, NULL), "SSD");
    cr_assert_str_eq(actor_at("Sudanese", 0, NULL), "SDN");
    cr_assert_str_eq(actor_at("Central African Republic", 0, NULL), "CAF");
}

Test(default_countries, accented_names_match_as_written_in_capitals_and_plain)
{
    cr_assert_str_eq(actor_at("Côte d'Ivoire", 0, NULL), "CIV");
    cr_assert_str_eq(actor_at("CÔTE D'IVOIRE", 0, NULL), "CIV");
    cr_assert_str_eq(actor_at("Cote d'Ivoire", 0, NULL), "CIV");
    cr_assert_str_eq(actor_at("São Tomé", 0, NULL), "STP");
    cr_assert_str_eq(actor_at("Sao Tome", 0, NULL), "STP");
    cr_assert_str_eq(actor_at("Türkiye", 0, NULL), "TUR");
    cr_assert_str_eq(actor_at("St. Lucia", 0, NULL), "LCA");
}

Test(default_countries, counter_examples_do_not_match)
{
    /* Left out on purpose (see the notes in the file). */
    cr_assert_null(actor_at("car bomb", 0, NULL));        /* not the CAR */
    cr_assert_null(actor_at("Male", 0, NULL));            /* not the Maldives */
    cr_assert_null(actor_at("western Ukraine", 0, NULL)); /* "western" alone is no actor */
    cr_assert_str_eq(actor_at("western Ukraine", 1, NULL), "UKR");
    cr_assert_null(actor_at("Poles", 0, NULL));
    cr_assert_null(actor_at("English", 0, NULL));
    cr_assert_null(actor_at("Kurdish", 0, NULL));
    cr_assert_null(actor_at("Arab", 0, NULL));
    cr_assert_null(actor_at("Gulf", 0, NULL));
    cr_assert_null(actor_at("Virgin Islands", 0, NULL));
    /* "Central America" must not fall back to "America" (USA). */
    cr_assert_str_eq(actor_at("Central America", 0, NULL), "LAM");
    /* a blocker: the null code, so "Guinea" inside it is not read */
    cr_assert_str_eq(actor_at("guinea pigs", 0, NULL), "---");
}

Test(default_countries, agents_codes_and_plurals)
{
    size_t len = 0;
    cr_assert_str_eq(agent_at("president", 0, NULL), "GOV");
    cr_assert_str_eq(agent_at("spokeswoman", 0, NULL), "GOV");
    cr_assert_str_eq(agent_at("envoys", 0, NULL), "GOV");
    cr_assert_str_eq(agent_at("lawmakers", 0, NULL), "LEG");
    cr_assert_str_eq(agent_at("troops", 0, NULL), "MIL");
    cr_assert_str_eq(agent_at("defense ministry", 0, NULL), "MIL");
    cr_assert_str_eq(agent_at("police", 0, NULL), "COP");
    cr_assert_str_eq(agent_at("police officers", 0, &len), "COP");
    cr_assert_eq(len, 2);
    cr_assert_str_eq(agent_at("militants", 0, NULL), "REB");
    cr_assert_str_eq(agent_at("gunmen", 0, NULL), "UAF");
    cr_assert_str_eq(agent_at("protesters", 0, NULL), "OPP");
    cr_assert_str_eq(agent_at("rebel leader", 0, &len), "REB");
    cr_assert_eq(len, 2);
    cr_assert_str_eq(agent_at("refugees", 0, NULL), "REF");
    cr_assert_str_eq(agent_at("villagers", 0, NULL), "CVL");
    cr_assert_str_eq(agent_at("journalists", 0, NULL), "MED");
    cr_assert_str_eq(agent_at("state media", 0, NULL), "GOVMED");
    cr_assert_str_eq(agent_at("health ministry", 0, NULL), "GOVHLH");
    cr_assert_str_eq(agent_at("churches", 0, NULL), "REL");
    cr_assert_str_eq(agent_at("fishermen", 0, NULL), "AGR");
    cr_assert_str_eq(agent_at("aid workers", 0, NULL), "NGO~");
    cr_assert_str_eq(agent_at("fighter jets", 0, NULL), "MIL");
    cr_assert_str_eq(agent_at("fighters", 0, NULL), "REB");
    cr_assert_str_eq(agent_at("boys", 0, NULL), "CVL");
    /* "former" with words between it and the office */
    cr_assert_str_eq(agent_at("former Israeli prime minister", 0, &len), "ELI");
    cr_assert_eq(len, 4);
    /* counter-examples */
    cr_assert_null(agent_at("general election", 0, NULL));
    cr_assert_null(agent_at("general", 0, NULL));
    cr_assert_null(agent_at("force", 0, NULL));
    cr_assert_null(agent_at("COP 28", 0, NULL));
    cr_assert_null(agent_at("press conference", 0, NULL));
    cr_assert_null(agent_at("officer", 0, NULL));
}

Test(default_countries, agents_added_for_recent_wire_copy)
{
    size_t len = 0;
    cr_assert_str_eq(agent_at("air defences", 0, &len), "MIL");
    cr_assert_eq(len, 2);
    cr_assert_str_eq(agent_at("Secretary of War", 0, &len), "MIL");
    cr_assert_eq(len, 3);
    cr_assert_str_eq(agent_at("MEPs", 0, NULL), "LEG");
    cr_assert_str_eq(agent_at("deputies", 0, NULL), "LEG");
    cr_assert_str_eq(agent_at("members of parliament", 0, NULL), "LEG");
    cr_assert_str_eq(agent_at("prosecutor-general", 0, NULL), "JUD");
    cr_assert_str_eq(agent_at("military court", 0, &len), "JUD");
    cr_assert_eq(len, 2);
    cr_assert_str_eq(agent_at("paramilitaries", 0, NULL), "UAF");
    cr_assert_str_eq(agent_at("border patrol", 0, NULL), "COP");
    cr_assert_str_eq(agent_at("unions", 0, NULL), "LAB");
    cr_assert_str_eq(agent_at("military junta", 0, NULL), "GOV");
    cr_assert_str_eq(agent_at("election board", 0, NULL), "GOV");
    cr_assert_str_eq(agent_at("state-controlled media", 0, NULL), "GOVMED");
    cr_assert_str_eq(agent_at("intelligence ministry", 0, NULL), "SPY");
    /* already there: the words the wire copy uses most */
    cr_assert_str_eq(agent_at("prosecutors", 0, NULL), "JUD");
    cr_assert_str_eq(agent_at("senators", 0, NULL), "LEG");
    cr_assert_str_eq(agent_at("trade union", 0, NULL), "LAB");
    cr_assert_str_eq(agent_at("settlers", 0, NULL), "CVL");
    cr_assert_str_eq(agent_at("kidnappers", 0, NULL), "CRM");
    cr_assert_str_eq(agent_at("separatists", 0, NULL), "SEP");
    cr_assert_str_eq(agent_at("jihadists", 0, NULL), "REB");
    cr_assert_str_eq(agent_at("peacekeepers", 0, NULL), "MIL");
    cr_assert_str_eq(agent_at("coast guard", 0, NULL), "MIL");
    cr_assert_str_eq(agent_at("spy agency", 0, NULL), "SPY");
    cr_assert_str_eq(agent_at("state broadcaster", 0, NULL), "GOVMED");
    cr_assert_str_eq(agent_at("election commission", 0, NULL), "GOV");
    cr_assert_str_eq(agent_at("central bank", 0, NULL), "GOV");
    /* counter-example: "union" alone is also the European Union */
    cr_assert_null(agent_at("union", 0, NULL));
}

/* ---- the coder with both files --------------------------------------- */

static const char *verbs_txt =
    "--- ATTACK [190] ---\nATTACK\n\n"
    "--- ARREST [173] ---\nARREST\n\n"
    "--- MEET [036] ---\nMEET {MET MEETING MEETS}\n\n"
    "--- ACCUSE [112] ---\nACCUSE\n\n"
    "--- CRITICIZE [111] ---\nCRITICIZE\n";

static dyad_engine *engine;
static dyad_coder *coder;

static void build_engine(void)
{
    dyad_builder *b = dyad_builder_create();
    cr_assert_not_null(b);
    cr_assert_eq(dyad_builder_add_buffer(b, DYAD_DICT_VERBS, "t.verbs", verbs_txt, strlen(verbs_txt)),
                 DYAD_OK);
    cr_assert_eq(dyad_builder_add_file(b, DYAD_DICT_ACTORS, COUNTRIES_FILE), DYAD_OK);
    cr_assert_eq(dyad_builder_add_file(b, DYAD_DICT_AGENTS, AGENTS_FILE), DYAD_OK);
    cr_assert_eq(dyad_builder_warning_count(b), 0, "%s", dyad_builder_last_error(b));
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

TestSuite(default_countries_coder, .init = build_engine, .fini = free_engine);

static bool has_event(const char *text, const char *parse, const char *src, const char *tgt,
                      const char *code)
{
    dyad_sentence s = {"T-1", "20240603", text, parse, 0};
    dyad_result r;
    dyad_status st = dyad_code_sentence(coder, &s, &r);
    cr_assert_eq(st, DYAD_OK, "%s: %s", dyad_coder_error_kind(coder), dyad_coder_error(coder));
    for (size_t i = 0; i < r.n_events; i++) {
        if (!strcmp(r.events[i].source.code, src) && !strcmp(r.events[i].target.code, tgt) &&
            !strcmp(r.events[i].code, code))
            return true;
        cr_log_info("%s: %s -> %s %s", text, r.events[i].source.code, r.events[i].target.code,
                    r.events[i].code);
    }
    return false;
}

Test(default_countries_coder, troops_and_officials)
{
    cr_assert(has_event("Russian troops attacked Ukrainian officials.",
                        "(ROOT (S (NP (JJ Russian) (NNS troops)) (VP (VBD attacked) "
                        "(NP (JJ Ukrainian) (NNS officials))) (. .)))",
                        "RUSMIL", "UKRGOV", "190"));
}

Test(default_countries_coder, seat_of_power_and_president)
{
    cr_assert(has_event("The Kremlin criticized the Chinese President.",
                        "(ROOT (S (NP (DT The) (NNP Kremlin)) (VP (VBD criticized) "
                        "(NP (DT the) (JJ Chinese) (NNP President))) (. .)))",
                        "RUSGOV", "CHNGOV", "111"));
}

Test(default_countries_coder, police_and_militants)
{
    cr_assert(has_event("Israeli police arrested Palestinian militants.",
                        "(ROOT (S (NP (JJ Israeli) (NNS police)) (VP (VBD arrested) "
                        "(NP (JJ Palestinian) (NNS militants))) (. .)))",
                        "ISRCOP", "PSEREB", "173"));
}

Test(default_countries_coder, agent_of_the_same_sector_is_not_added_twice)
{
    /* "Kremlin" is RUSGOV; "spokesman" adds GOV again, so it stops. */
    cr_assert(has_event("The Kremlin spokesman accused Western powers.",
                        "(ROOT (S (NP (DT The) (NNP Kremlin) (NN spokesman)) (VP (VBD accused) "
                        "(NP (NNP Western) (NNS powers))) (. .)))",
                        "RUSGOV", "WST", "112"));
}

Test(default_countries_coder, former_officials_are_elites)
{
    cr_assert(has_event("A former Israeli prime minister criticized Egyptian officials.",
                        "(ROOT (S (NP (DT A) (JJ former) (JJ Israeli) (NN prime) (NN minister)) "
                        "(VP (VBD criticized) (NP (JJ Egyptian) (NNS officials))) (. .)))",
                        "ISRELI", "EGYGOV", "111"));
}

/* Unit tests for the article-level resolution of dyad_code_article()
 * (lib/doc: coreference, reporting frames, duplicates), on a small
 * dictionary of invented actors, with counter-examples for every rule. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"

static const char *verbs_txt =
    "--- SAY [010] ---\n"
    "SAY {SAID SAYS}\n\n"
    "--- ATTACK [190] ---\n"
    "ATTACK\n"
    "KILL\n\n"
    "--- MEET [040] ---\n"
    "MEET {MET MEETING MEETS}\n\n"
    "--- PRAISE [051] ---\n"
    "PRAISE\n\n"
    "--- CRITICIZE [111] ---\n"
    "CRITICIZE\n\n"
    "--- ARREST [173] ---\n"
    "ARREST\n\n"
    "--- VISIT [042] ---\n"
    "VISIT\n\n"
    "--- PROTEST [141] ---\n"
    "PROTEST\n"
    "RALLY {RALLIES RALLIED RALLYING}\n\n"
    "--- IMPROVE [---] ---\n"
    "IMPROVE\n"
    "- * RELATIONS [050]\n\n"
    "--- TRAVEL [---] ---\n"
    "FLY {FLEW FLIES FLYING}\n"
    "- * TO [042]\n";

/* Two invented countries and their leaders; "Kim Tal Sun" is known, his
 * sister "Kim Ara Sun" is not. */
static const char *actors_txt =
    "GONDOR_ [GON]\n+GONDORIAN_\n\n"
    "MORDOR_ [MOR]\n+MORDORIAN_\n\n"
    "ARNOR_ [ARN]\n+ARNORIAN_\n\n"
    "ARAGORN_ELESSAR_ [GONGOV]\n\n"
    "SAURON_GORTHAUR_ [MORGOV]\n\n"
    "KIM_TAL_SUN_ [ARNGOV]\n\n"
    "KING_ELESSAR_\n\t[GONELI <20200101]\n\t[GONGOV >20200101]\n\n"
    "GONDOR_HERALD_ [GONMED]\n\n"
    "BORIN_FELAGUND_ [ARNELI]\n";

static const char *agents_txt =
    "PRESIDENT [~GOV]\nKING [~GOV]\nMINISTRY [~GOV]\nJOURNALIST [~MED]\n"
    "POLICE [~COP]\nTROOPS [~MIL]\nPROTESTERS [~OPP]\n";

static dyad_engine *engine;
static dyad_coder *coder;

static void add(dyad_builder *b, dyad_dict_kind kind, const char *text)
{
    cr_assert_eq(dyad_builder_add_buffer(b, kind, "t", text, strlen(text)), DYAD_OK);
}

static void setup(void)
{
    dyad_builder *b = dyad_builder_create();
    cr_assert_not_null(b);
    add(b, DYAD_DICT_VERBS, verbs_txt);
    add(b, DYAD_DICT_ACTORS, actors_txt);
    add(b, DYAD_DICT_AGENTS, agents_txt);
    cr_assert_eq(dyad_builder_warning_count(b), 0, "%s", dyad_builder_last_error(b));
    cr_assert_eq(dyad_engine_build(b, &engine), DYAD_OK);
    dyad_builder_free(b);
    coder = dyad_coder_create(engine);
    cr_assert_not_null(coder);
}

static void teardown(void)
{
    dyad_coder_free(coder);
    dyad_engine_free(engine);
}

TestSuite(resolution, .init = setup, .fini = teardown);

static dyad_result code(const char *text)
{
    dyad_article a = {"A", "2024-05-15", text, strlen(text)};   /* a Wednesday */
    dyad_result r;
    dyad_status st = dyad_code_article(coder, &a, &r);
    cr_assert_eq(st, DYAD_OK, "%s: %s", dyad_coder_error_kind(coder), dyad_coder_error(coder));
    return r;
}

/* The event of sentence `sentence` (0-based) with this code, or NULL. */
static const dyad_event *find(const dyad_result *r, uint32_t sentence, const char *code)
{
    for (size_t i = 0; i < r->n_events; i++)
        for (uint32_t m = 0; m < r->events[i].mentions; m++) {
            uint32_t s = r->events[i].mention_sentences ? r->events[i].mention_sentences[m]
                                                        : r->events[i].sentence;
            if (s == sentence && strcmp(r->events[i].code, code) == 0)
                return &r->events[i];
        }
    return NULL;
}

/* ---- coreference ------------------------------------------------------ */

Test(resolution, a_surname_takes_the_code_of_the_full_name)
{
    dyad_result r = code("Gondorian King Aragorn Elessar met Sauron Gorthaur on Monday. "
                         "Later Elessar criticized Mordor.");
    const dyad_event *e = find(&r, 1, "111");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->source.code, "GONGOV");
    cr_assert_str_eq(e->source.text, "Elessar");
    cr_assert_str_eq(e->target.code, "MOR");
}

Test(resolution, a_title_and_surname_takes_the_code_too)
{
    dyad_result r = code("Aragorn Elessar visited Arnor. Mr. Elessar praised Arnor.");
    const dyad_event *e = find(&r, 1, "051");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->source.code, "GONGOV");
}

Test(resolution, two_people_with_one_surname_are_not_merged)
{
    /* Kim Ara Sun is not Kim Tal Sun: "Ara" is not among his names */
    dyad_result r = code("Kim Tal Sun met Aragorn Elessar. "
                         "Kim Ara Sun criticized Gondor. "
                         "Kim praised Mordor.");
    const dyad_event *e = find(&r, 1, "111");
    cr_assert(e == NULL || strcmp(e->source.code, "ARNGOV") != 0,
              "Kim Ara Sun was given Kim Tal Sun's code");
    /* and the bare "Kim" is ambiguous after both */
    e = find(&r, 2, "051");
    cr_assert(e == NULL || strcmp(e->source.code, "ARNGOV") != 0,
              "an ambiguous 'Kim' was resolved");
}

Test(resolution, a_bare_surname_with_one_bearer_is_resolved)
{
    dyad_result r = code("Kim Tal Sun met Aragorn Elessar. Kim praised Mordor.");
    const dyad_event *e = find(&r, 1, "051");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->source.code, "ARNGOV");
}

Test(resolution, the_president_is_the_recent_president)
{
    dyad_result r = code("Mordorian President Sauron Gorthaur visited Arnor. "
                         "The president criticized Gondor.");
    const dyad_event *e = find(&r, 1, "111");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->source.code, "MORGOV");
}

Test(resolution, the_president_after_two_presidents_is_left_alone)
{
    dyad_result r = code("Gondorian President Aragorn Elessar met Mordorian President "
                         "Sauron Gorthaur. The president criticized Arnor.");
    const dyad_event *e = find(&r, 1, "111");
    cr_assert(e == NULL || (strcmp(e->source.code, "GONGOV") != 0 &&
                            strcmp(e->source.code, "MORGOV") != 0),
              "an ambiguous 'the president' was resolved to %s", e ? e->source.code : "");
}

Test(resolution, an_unknown_person_keeps_a_code_from_title_and_nationality)
{
    dyad_result r = code("Mordorian police arrested a Gondorian journalist on Monday. "
                         "The journalist criticized Mordor.");
    const dyad_event *e = find(&r, 0, "173");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->target.code, "GONMED");
    e = find(&r, 1, "111");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->source.code, "GONMED");
}

Test(resolution, he_is_the_one_person_of_the_previous_sentence)
{
    dyad_result r = code("Aragorn Elessar arrived in Arnor. He criticized Mordor.");
    const dyad_event *e = find(&r, 1, "111");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->source.code, "GONGOV");
}

Test(resolution, he_after_two_people_is_left_alone)
{
    dyad_result r = code("Aragorn Elessar met Sauron Gorthaur. He criticized Arnor.");
    const dyad_event *e = find(&r, 1, "111");
    cr_assert(e == NULL || strcmp(e->source.code, "") == 0,
              "an ambiguous 'he' was resolved to %s", e ? e->source.code : "");
}

Test(resolution, it_after_a_reporting_verb_is_the_reporter)
{
    dyad_result r = code("Gondor said it had attacked Mordor.");
    cr_assert_eq(r.n_events, 1);
    cr_assert_str_eq(r.events[0].source.code, "GON");
    cr_assert_str_eq(r.events[0].target.code, "MOR");
    cr_assert_str_eq(r.events[0].code, "190");
}

/* ---- reporting frames ------------------------------------------------- */

Test(resolution, said_becomes_the_attribution_not_an_event)
{
    dyad_result r = code("Arnor said Mordorian troops attacked Gondor.");
    cr_assert_eq(r.n_events, 1, "%zu events", r.n_events);
    const dyad_event *e = &r.events[0];
    cr_assert_str_eq(e->code, "190");
    cr_assert_str_eq(e->source.code, "MORMIL");
    cr_assert_str_eq(e->attribution.code, "ARN");
    cr_assert_str_eq(e->attribution.text, "Arnor");
}

Test(resolution, according_to_is_an_attribution_and_never_an_actor)
{
    dyad_result r = code("Mordorian troops attacked Gondor, according to the Gondor Herald.");
    cr_assert_eq(r.n_events, 1);
    const dyad_event *e = &r.events[0];
    cr_assert_str_eq(e->source.code, "MORMIL");
    cr_assert_str_eq(e->target.code, "GON");
    cr_assert_str_eq(e->attribution.code, "GONMED");
}

Test(resolution, quoted_speech_is_attributed_to_its_speaker)
{
    dyad_result r = code("\"We attacked Mordor,\" the Gondorian president said.");
    const dyad_event *e = find(&r, 0, "190");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->source.code, "GONGOV");
    cr_assert_str_eq(e->target.code, "MOR");
    cr_assert_str_eq(e->attribution.code, "GONGOV");
}

Test(resolution, a_statement_with_nothing_reported_is_kept)
{
    /* no other event and no clause after the verb: a statement stays */
    dyad_result r = code("Gondor criticized Mordor.");
    cr_assert_eq(r.n_events, 1);
    cr_assert_str_eq(r.events[0].attribution.text, "");
}

/* ---- duplicates ------------------------------------------------------- */

Test(resolution, the_same_event_twice_is_one_event_with_two_mentions)
{
    dyad_result r = code("Gondor attacked Mordor. Arnor praised Gondor. "
                         "Gondor attacked Mordor, Arnor said.");
    const dyad_event *e = find(&r, 0, "190");
    cr_assert_not_null(e);
    cr_assert_eq(e->mentions, 2);
    cr_assert_eq(e->mention_sentences[0], 0);
    cr_assert_eq(e->mention_sentences[1], 2);
    /* the later report's attribution fills in the first's */
    cr_assert_str_eq(e->attribution.code, "ARN");
    cr_assert_eq(r.n_events, 2);
}

Test(resolution, different_targets_are_different_events)
{
    dyad_result r = code("Gondor attacked Mordor. Gondor attacked Arnor.");
    cr_assert_eq(r.n_events, 2);
    cr_assert_eq(r.events[0].mentions, 1);
    cr_assert_eq(r.events[1].mentions, 1);
}

/* ---- single sentences are untouched ----------------------------------- */

Test(resolution, coded_sentences_get_neutral_fields)
{
    dyad_sentence s = {"S-1", "20240515", NULL,
                       "(ROOT (S (NP (NNP Gondor)) (VP (VBD attacked) (NP (NNP Mordor))) (. .)))",
                       0};
    dyad_result r;
    cr_assert_eq(dyad_code_sentence(coder, &s, &r), DYAD_OK);
    cr_assert_eq(r.n_events, 1);
    cr_assert_eq(r.events[0].mentions, 1);
    cr_assert_null(r.events[0].mention_sentences);
    cr_assert_null(r.events[0].date);
    cr_assert_str_eq(r.events[0].attribution.code, "");
    cr_assert_str_eq(r.events[0].location.text, "");
}

/* ---- negation --------------------------------------------------------- */

Test(resolution, a_denied_event_is_not_coded)
{
    dyad_result r = code("Gondor did not attack Mordor. Arnor would never criticize Gondor. "
                         "Gondor has not yet attacked Arnor.");
    cr_assert_eq(r.n_events, 0, "%zu events, first %s", r.n_events,
                 r.n_events ? r.events[0].code : "");
}

Test(resolution, a_negation_elsewhere_does_not_deny_the_event)
{
    /* the negation belongs to another clause */
    dyad_result r = code("Gondor attacked Mordor and did not stop.");
    const dyad_event *e = find(&r, 0, "190");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->source.code, "GON");
}

Test(resolution, a_reported_clause_is_coded_on_its_own)
{
    /* the inner verb's actors are those of its own clause */
    dyad_result r = code("Arnor said Gondor attacked Mordor.");
    cr_assert_eq(r.n_events, 1);
    cr_assert_str_eq(r.events[0].source.code, "GON");
    cr_assert_str_eq(r.events[0].target.code, "MOR");
    cr_assert_str_eq(r.events[0].attribution.code, "ARN");
}

/* ---- event dates (article date 2024-05-15, a Wednesday) --------------- */

Test(resolution, each_event_gets_its_own_date)
{
    dyad_result r = code("Gondor attacked Mordor on Monday. Arnor criticized Gondor last year. "
                         "Gondor will meet Arnor on Friday. Mordor praised Arnor.");
    const dyad_event *e = find(&r, 0, "190");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->date, "2024-05-13");
    cr_assert(e->date_explicit);
    cr_assert_str_eq(e->date_text, "Monday");
    e = find(&r, 1, "111");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->date, "2023-01-01");
    e = find(&r, 2, "036");
    cr_assert_not_null(e, "a future meeting is an intent to meet (036)");
    cr_assert_str_eq(e->date, "2024-05-17", "a future verb takes the next Friday");
    e = find(&r, 3, "051");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->date, "2024-05-15", "no time expression: the article date");
    cr_assert(!e->date_explicit);
    cr_assert_str_eq(e->date_text, "");
}

Test(resolution, the_same_event_on_two_dates_is_two_events)
{
    dyad_result r = code("Gondor attacked Mordor on Monday. Gondor attacked Mordor on Tuesday.");
    cr_assert_eq(r.n_events, 2);
    cr_assert_str_eq(r.events[0].date, "2024-05-13");
    cr_assert_str_eq(r.events[1].date, "2024-05-14");
}

Test(resolution, actors_are_coded_at_the_event_date)
{
    /* Elessar is king (GONGOV) only from 2020 in this dictionary */
    dyad_result r = code("In 2015, King Elessar of Gondor visited Arnor. "
                         "King Elessar of Gondor visited Mordor.");
    const dyad_event *e = find(&r, 0, "042");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->date, "2015-01-01");
    cr_assert_str_eq(e->source.code, "GONELI");
    e = find(&r, 1, "042");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->source.code, "GONGOV");
}

/* ---- places (libgeonames' city data) ---------------------------------- */

Test(resolution, the_place_an_event_happened_at_is_its_location)
{
    dyad_result r = code("Mordorian troops attacked Gondor near Donetsk on Monday.");
    const dyad_event *e = find(&r, 0, "190");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->location.text, "Donetsk");
    cr_assert(e->location.resolved);
    cr_assert_str_eq(e->location.country, "UKR");
    cr_assert(e->location.latitude > 47.5 && e->location.latitude < 48.5);
}

Test(resolution, a_place_mentioned_as_a_topic_is_not_the_location)
{
    dyad_result r = code("Gondor criticized Mordor over the Donetsk issue.");
    const dyad_event *e = find(&r, 0, "111");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->location.text, "", "topic taken as location: %s", e->location.text);
}

/* ---- the article date ------------------------------------------------- */

Test(resolution, an_article_without_a_date_takes_its_dateline_date)
{
    const char *text = "MINAS TIRITH, March 3, 2025 (Wire) -- Gondor attacked Mordor on Monday.";
    dyad_article a = {"D", NULL, text, 0};
    dyad_result r;
    cr_assert_eq(dyad_code_article(coder, &a, &r), DYAD_OK, "%s", dyad_coder_error(coder));
    const dyad_event *e = find(&r, 1, "190");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->date, "2025-03-03", "Monday of the dateline's week (a Monday)");
}

Test(resolution, an_article_without_any_date_is_an_error)
{
    dyad_article a = {"D", "", "Gondor attacked Mordor in March.", 0};
    dyad_result r;
    cr_assert_eq(dyad_code_article(coder, &a, &r), DYAD_ERR_SYNTAX);
    cr_assert_str_eq(dyad_coder_error_kind(coder), "bad_date");
}

/* ---- reciprocal verbs ------------------------------------------------- */

Test(resolution, a_compound_subject_with_an_object_acts_on_it)
{
    dyad_result r = code("Gondor and Arnor attacked Mordor.");
    cr_assert_eq(r.n_events, 2);
    cr_assert_str_eq(r.events[0].target.code, "MOR");
    cr_assert_str_eq(r.events[1].target.code, "MOR");
}

Test(resolution, an_event_asked_of_someone_else_is_not_coded)
{
    /* the infinitive of a verb of asking, with its own object: nobody did it */
    dyad_result r = code("Arnor wants Gondor to attack Mordor. Gondor urged Arnor to attack Mordor.");
    for (size_t i = 0; i < r.n_events; i++)
        cr_assert_str_neq(r.events[i].code, "190", "asked-for attack coded in sentence %u",
                          r.events[i].sentence);
}

Test(resolution, a_future_or_intended_attack_is_a_threat)
{
    dyad_result r = code("Gondor will attack Mordor. Arnor plans to attack Gondor. "
                         "Gondor said it would meet Arnor.");
    const dyad_event *e = find(&r, 0, "1384");
    cr_assert_not_null(e, "'will attack' is a threat of conventional attack");
    cr_assert_str_eq(e->target.code, "MOR");
    e = find(&r, 1, "1384");
    cr_assert_not_null(e, "'plans to attack' is a threat too");
    cr_assert_null(find(&r, 0, "190"));
    cr_assert_null(find(&r, 1, "190"));
}

Test(resolution, a_reduced_relative_participle_is_not_its_nouns_act)
{
    /* the soldiers were killed; they did not kill Gondor */
    dyad_result r = code("There were ten Mordorian troops killed in Gondor on Monday. "
                         "Mordorian troops killed Gondorian troops on Monday.");
    cr_assert_null(find(&r, 0, "190"));
    cr_assert_not_null(find(&r, 1, "190"), "the active verb still codes");
}

Test(resolution, a_claim_that_someone_attacked_is_an_accusation)
{
    /* the verbs file here has no CLAIM, so only the rule makes the 112 */
    dyad_result r = code("Arnor claimed that Mordorian troops attacked Gondor. "
                         "Arnor said that Mordorian troops attacked Gondor on Monday.");
    const dyad_event *e = find(&r, 0, "112");
    cr_assert_not_null(e, "'claimed that X attacked' accuses X");
    cr_assert_str_eq(e->source.code, "ARN");
    cr_assert_str_eq(e->target.code, "MORMIL");
    cr_assert_not_null(find(&r, 0, "190"), "the attack itself is still coded");
    cr_assert_null(find(&r, 1, "112"), "'said' reports; it does not accuse");
}

Test(resolution, an_adverbial_clause_is_coded_on_its_own)
{
    /* the coded main verb would hide the clause's own event */
    dyad_result r = code("Gondor attacked Mordor after Arnor criticized Gondor.");
    cr_assert_not_null(find(&r, 0, "190"));
    const dyad_event *e = find(&r, 0, "111");
    cr_assert_not_null(e, "the 'after' clause's event");
    cr_assert_str_eq(e->source.code, "ARN");
    cr_assert_str_eq(e->target.code, "GON");
}

Test(resolution, a_named_actor_outranks_the_nationality_before_it)
{
    dyad_result r = code("Arnor criticized his Gondorian counterpart Aragorn Elessar.");
    const dyad_event *e = find(&r, 0, "111");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->target.code, "GONGOV");
}

Test(resolution, an_actor_known_only_by_its_agent_takes_the_country_it_acts_in)
{
    dyad_result r = code("Troops attacked Gondor near Donetsk on Monday.");
    const dyad_event *e = find(&r, 0, "190");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->location.country, "UKR");
    cr_assert_str_eq(e->source.code, "UKRMIL");
}

Test(resolution, titles_before_a_named_actor_do_not_recode_it)
{
    /* Felagund's code has its sector (ARNELI); "King" would make ARNELIGOV */
    dyad_result r = code("King Borin Felagund criticized Gondor.");
    const dyad_event *e = find(&r, 0, "111");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->source.code, "ARNELI");
}

Test(resolution, an_agent_coded_target_comes_before_an_uncoded_phrase)
{
    /* "the troops" (---MIL) is the target, not the uncoded "the town" before it */
    dyad_result r = code("Gondorian police arrested in the town the troops.");
    const dyad_event *e = find(&r, 0, "173");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->target.code, "---MIL");
}

/* ---- clauses: whose verb it is, and what it acts on -------------------- */

static size_t count_code(const dyad_result *r, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n_events; i++)
        n += strcmp(r->events[i].code, code) == 0;
    return n;
}

Test(resolution, a_compound_subject_with_a_shared_uncoded_object_is_reciprocal)
{
    /* the pattern names what they share: their relations */
    dyad_result r = code("Gondor and Arnor improved their relations.");
    cr_assert_eq(count_code(&r, "050"), 2);
    const dyad_event *e = find(&r, 0, "050");
    cr_assert_not_null(e);
    cr_assert(strcmp(e->target.code, "GON") == 0 || strcmp(e->target.code, "ARN") == 0);
    /* counter-examples: each acts on the object, not on the other */
    r = code("Gondor and Arnor criticized the decision. Gondor and Arnor met the delegations.");
    cr_assert_eq(r.n_events, 0);
}

Test(resolution, a_compound_subject_acting_on_an_agent_is_not_reciprocal)
{
    /* the police are a coded (agent-only) target, not a mere phrase */
    dyad_result r = code("Gondor and Arnor criticized the police.");
    cr_assert_eq(count_code(&r, "111"), 2);
    for (size_t i = 0; i < r.n_events; i++)
        cr_assert_str_eq(r.events[i].target.code, "---COP");
}

Test(resolution, the_second_of_two_joined_clauses_has_its_own_subject)
{
    dyad_result r = code("Gondor praised Mordor but Arnor criticized Mordor.");
    const dyad_event *e = find(&r, 0, "111");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->source.code, "ARN");
    cr_assert_str_eq(e->target.code, "MOR");
}

Test(resolution, a_relative_clause_belongs_to_the_noun_it_follows)
{
    /* "which attacked Arnor" is Mordor's act; its main clause is Gondor's */
    dyad_result r = code("Gondor criticized Mordor, which attacked Arnor last week.");
    const dyad_event *e = find(&r, 0, "190");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->source.code, "MOR");
    cr_assert_str_eq(e->target.code, "ARN");
    e = find(&r, 0, "111");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->source.code, "GON");
    /* inside a coded object, with no commas */
    r = code("Gondor praised the troops who attacked Mordor.");
    e = find(&r, 0, "190");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->source.code, "---MIL");
    cr_assert_str_eq(e->target.code, "MOR");
    /* counter-example: in an object relative the noun is not the doer */
    r = code("Gondor criticized Mordor, which Arnor attacked last week.");
    e = find(&r, 0, "190");
    cr_assert(e == NULL || strcmp(e->source.code, "MOR") != 0);
}

Test(resolution, an_inserted_clause_between_subject_and_verb_is_skipped)
{
    dyad_result r = code("Gondor, which has long armed Mordor, criticized Arnor.");
    const dyad_event *e = find(&r, 0, "111");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->source.code, "GON");
    cr_assert_str_eq(e->target.code, "ARN");
}

Test(resolution, an_actor_in_a_clause_inside_a_preposition_is_not_the_target)
{
    /* the police arrested a man (uncoded), not Mordor */
    dyad_result r = code("Gondorian police arrested a man for helping rebels travel to Mordor.");
    cr_assert_null(find(&r, 0, "173"));
    /* counter-example: an actor in a plain prepositional phrase still is */
    r = code("Gondorian police arrested a journalist from Mordor.");
    const dyad_event *e = find(&r, 0, "173");
    cr_assert_not_null(e);
    cr_assert_eq(strncmp(e->target.code, "MOR", 3), 0, "%s", e->target.code);
}

/* ---- the host of a visit ---------------------------------------------- */

Test(resolution, a_visit_with_no_actor_after_it_is_to_the_country_of_its_place)
{
    dyad_result r = code("Aragorn Elessar visited Geneva on Monday. "
                         "Sauron Gorthaur flew to Geneva for talks.");
    const dyad_event *e = find(&r, 0, "042");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->target.code, "CHE");
    cr_assert_str_eq(e->target.text, "Geneva");
    cr_assert_str_eq(e->location.country, "CHE");
    e = find(&r, 1, "042");
    cr_assert_not_null(e, "'flew to Geneva': the destination is the host");
    cr_assert_str_eq(e->source.code, "MORGOV");
    cr_assert_str_eq(e->target.code, "CHE");
}

Test(resolution, a_visit_with_no_place_and_no_target_is_not_coded)
{
    dyad_result r = code("Aragorn Elessar visited a hospital on Monday.");
    cr_assert_null(find(&r, 0, "042"));
    /* a named target is kept whatever the place */
    r = code("Aragorn Elessar visited Arnor on Monday.");
    const dyad_event *e = find(&r, 0, "042");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->target.code, "ARN");
}

/* ---- the country of the story ----------------------------------------- */

static const dyad_event *find_codes(const dyad_result *r, const char *src, const char *tgt)
{
    for (size_t i = 0; i < r->n_events; i++)
        if (strcmp(r->events[i].source.code, src) == 0 &&
            strcmp(r->events[i].target.code, tgt) == 0)
            return &r->events[i];
    return NULL;
}

Test(resolution, domestic_agents_take_the_country_of_the_dateline)
{
    dyad_result r = code("KYIV, May 14, 2024 (Wire) -- The police arrested a journalist on Monday.");
    cr_assert_not_null(find_codes(&r, "UKRCOP", "UKRMED"));
}

Test(resolution, domestic_agents_take_the_country_the_story_names_most)
{
    dyad_result r = code("Gondorian police arrested a journalist. Gondor criticized Mordor.");
    cr_assert_not_null(find_codes(&r, "GONCOP", "GONMED"));
}

Test(resolution, no_story_country_when_two_countries_weigh_the_same)
{
    dyad_result r = code("Gondor criticized Mordor. Mordor criticized Gondor. "
                         "The police arrested a journalist.");
    cr_assert_not_null(find_codes(&r, "---COP", "---MED"));
}

Test(resolution, an_agent_facing_a_foreign_actor_keeps_no_country)
{
    /* the police Sauron praised may be his own: Kyiv's dateline says nothing */
    dyad_result r = code("KYIV, May 14, 2024 (Wire) -- Sauron Gorthaur praised the police.");
    cr_assert_not_null(find_codes(&r, "MORGOV", "---COP"));
}

Test(resolution, nationalities_joined_before_one_noun_share_it)
{
    dyad_result r = code("Gondorian and Mordorian troops attacked Arnor.");
    cr_assert_not_null(find_codes(&r, "GONMIL", "ARN"));
    cr_assert_not_null(find_codes(&r, "MORMIL", "ARN"));
}

Test(resolution, a_subject_before_a_long_relative_clause_keeps_its_verb)
{
    /* the clause is too long for the comma rule to delete it */
    dyad_result r = code("Gondor, which had been attacking Mordor for more than a week, "
                         "praised Arnor.");
    cr_assert_not_null(find_codes(&r, "GON", "ARN"));
    cr_assert_not_null(find_codes(&r, "GON", "MOR"));
}

Test(resolution, actors_of_a_condition_are_not_the_verb_s)
{
    dyad_result r = code("Gondor said it would praise Arnor if Mordor attacked Arnor. "
                         "Gondor criticized the decision as a betrayal of Mordor.");
    cr_assert_null(find_codes(&r, "GON", "MOR"), "the condition's Mordor is no target");
    const dyad_event *e = find(&r, 1, "111");
    cr_assert_null(e, "'as a betrayal of Mordor' names the decision, it is not a target");
}

Test(resolution, would_after_a_reporting_verb_is_the_future)
{
    dyad_result r = code("Gondor said it would attack Mordor.");
    const dyad_event *e = find(&r, 0, "1384");
    cr_assert_not_null(e, "'said it would attack' is a threat");
    /* counter-examples: what would have happened did not; a bare
     * conditional "would" is not a statement of intent either */
    r = code("Gondor would have attacked Mordor. Gondor could have been attacked by Mordor.");
    cr_assert_eq(r.n_events, 0);
}

Test(resolution, a_coordinated_verb_phrase_keeps_the_subject)
{
    /* "in Arnor" is the first verb's; the second is still Gondor's */
    dyad_result r = code("Gondorian troops gathered in Arnor and attacked Mordor.");
    cr_assert_not_null(find_codes(&r, "GONMIL", "MOR"));
}

Test(resolution, an_agent_after_a_possessive_takes_its_owner_s_country)
{
    dyad_result r = code("Mordor said its troops attacked Gondor.");
    cr_assert_not_null(find_codes(&r, "MORMIL", "GON"));
    /* counter-example: the owner is an international body, no country */
    r = code("Gondor praised Arnor. The council said its troops attacked Mordor.");
    cr_assert_null(find_codes(&r, "GONMIL", "MOR"));
}

Test(resolution, the_act_a_charge_names_is_not_an_event)
{
    dyad_result r = code("Gondor accused Mordor of attacking Arnor. "
                         "Gondorian police arrested a journalist for attacking Arnor.");
    cr_assert_null(find(&r, 0, "190"), "the accusation is not the attack");
    cr_assert_null(find(&r, 1, "190"), "the arrest's charge is not the attack");
    /* counter-example: a gerund that reports what happened stays */
    r = code("Mordor kept attacking Arnor.");
    cr_assert_not_null(find_codes(&r, "MOR", "ARN"));
}

Test(resolution, the_two_leaders_are_the_two_actors_just_named)
{
    dyad_result r = code("Aragorn Elessar visited Sauron Gorthaur on Monday. "
                         "The two leaders met for five hours.");
    cr_assert_not_null(find_codes(&r, "GONGOV", "MORGOV"));
    cr_assert_not_null(find_codes(&r, "MORGOV", "GONGOV"), "the meeting is mutual");
    /* counter-example: one country's two actors are no pair */
    r = code("Aragorn Elessar criticized Gondor. The two leaders met for five hours.");
    cr_assert_null(find(&r, 1, "040"));
}

Test(resolution, joined_nationalities_before_a_noun_are_two_actors)
{
    /* "(NP (ADJP Gondorian and Arnorian) troops)": two compound members */
    dyad_result r = code("The Gondorian and Arnorian troops met on Monday.");
    cr_assert_not_null(find_codes(&r, "GONMIL", "ARNMIL"));
    cr_assert_not_null(find_codes(&r, "ARNMIL", "GONMIL"));
}

/* ---- objects that name an act ----------------------------------------- */

Test(resolution, the_attack_stands_for_its_attacker)
{
    dyad_result r = code("Mordor attacked Arnor on Monday. Gondor criticized the attack.");
    const dyad_event *e = find(&r, 1, "111");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->target.code, "MOR");
    cr_assert_str_eq(e->target.text, "the attack");
}

Test(resolution, an_act_with_no_doer_in_the_article_gives_no_event)
{
    dyad_result r = code("Gondor criticized the attack.");
    cr_assert_eq(r.n_events, 0);
    /* nor is one's own attack what one reacts to */
    r = code("Gondor attacked Arnor on Monday. Gondor praised the attack.");
    cr_assert_null(find(&r, 1, "051"));
    /* a reaction is not the act: Arnor criticized Mordor's attack, not Gondor's praise */
    r = code("Mordor attacked Arnor. Gondor praised the attack. Arnor criticized the attack.");
    const dyad_event *e = find(&r, 2, "111");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->target.code, "MOR");
}

Test(resolution, a_passive_with_no_doer_names_no_source)
{
    /* the troops were acted on: they did not attack Arnor */
    dyad_result r = code("Gondorian troops were attacked in Arnor on Monday.");
    cr_assert_eq(r.n_events, 0);
    /* counter-example: with "by" the doer is known */
    r = code("Gondorian troops were attacked by Mordor on Monday.");
    cr_assert_not_null(find_codes(&r, "MOR", "GONMIL"));
}

Test(resolution, a_relative_clause_on_the_last_member_keeps_the_compound)
{
    dyad_result r = code("Arnor criticized Gondor and Mordor which had attacked Arnor.");
    cr_assert_not_null(find_codes(&r, "ARN", "GON"));
    cr_assert_not_null(find_codes(&r, "ARN", "MOR"), "the relative clause's noun is a member");
    cr_assert_not_null(find_codes(&r, "MOR", "ARN"));
}

/* ---- protests without a target ------------------------------------------ */

Test(resolution, a_protest_is_against_the_government_of_its_place)
{
    dyad_result r = code("Thousands of protesters rallied in Geneva on Monday.");
    cr_assert_not_null(find_codes(&r, "CHEOPP", "CHEGOV"));
    /* no place: the protesters' own government */
    r = code("Gondorian protesters rallied on Monday.");
    cr_assert_not_null(find_codes(&r, "GONOPP", "GONGOV"));
    /* counter-example: the state does not protest against itself */
    r = code("Gondorian police rallied on Monday.");
    cr_assert_eq(r.n_events, 0);
}

Test(resolution, force_used_with_no_object_is_against_the_country_of_its_place)
{
    dyad_result r = code("Gondorian troops attacked near Geneva on Monday.");
    cr_assert_not_null(find_codes(&r, "GONMIL", "CHE"));
    /* counter-example: a state's troops at home have some unnamed target */
    r = code("Troops attacked near Geneva on Monday.");
    cr_assert_eq(r.n_events, 0);
}

Test(resolution, the_speaker_of_a_second_joined_verb_is_the_subject)
{
    /* "they" opens the reported clause; the speaker is Mordor */
    dyad_result r = code("Mordor criticized Gondor and said they had attacked Arnor.");
    const dyad_event *e = find(&r, 0, "111");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->attribution.code, "", "the criticism is Mordor's own act");
    for (size_t i = 0; i < r.n_events; i++)
        cr_assert_str_neq(r.events[i].attribution.text, "they");
}

Test(resolution, the_speaker_stands_before_an_inserted_clause)
{
    /* "it" is Gondor, the speaker past ", where ... ," */
    dyad_result r = code("Gondor, where the troops have long stayed, said it would attack Mordor.");
    const dyad_event *e = find(&r, 0, "1384");
    cr_assert_not_null(e);
    cr_assert_str_eq(e->source.code, "GON");
    cr_assert_str_eq(e->attribution.code, "GON");
}

Test(resolution, an_adverbial_clause_lends_no_words_to_the_main_verb)
{
    /* "while Mordor attacked Arnor" is coded on its own; Arnor is not what
     * Gondor praised */
    dyad_result r = code("Gondor praised the decision while Mordor attacked Arnor.");
    cr_assert_null(find_codes(&r, "GON", "ARN"));
    cr_assert_not_null(find_codes(&r, "MOR", "ARN"));
}

Test(resolution, soldiers_who_arrest_are_of_the_story_but_not_those_who_fight)
{
    dyad_result r = code("KYIV, May 14, 2024 (Wire) -- Troops arrested a journalist on Monday.");
    cr_assert_not_null(find_codes(&r, "UKRMIL", "UKRMED"));
    /* counter-example: an attack's troops may be anyone's */
    r = code("KYIV, May 14, 2024 (Wire) -- Troops attacked the police on Monday.");
    cr_assert_null(find_codes(&r, "UKRMIL", "UKRCOP"));
}

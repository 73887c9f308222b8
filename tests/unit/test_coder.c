/* Unit tests for the coder (lib/code), on small dictionaries and parses
 * written for the purpose. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "dyad.h"

static const char *verbs_txt =
    "&WEAPON\n+GUN\n+ROCKET\n\n"
    "--- ATTACK [190] ---\n"
    "ATTACK\n"
    "- * WITH &WEAPON [195]\n\n"
    "--- MEET [036] ---\n"
    "MEET {MET MEETING MEETS}\n"
    "- % * [040:040]\n\n"
    "--- VISIT [042:043] ---\n"
    "VISIT\n\n"
    "--- SAY [---] ---\n"
    "SAY {SAID SAYS SAYING}\n"
    "- * AGREED [057]\n"
    "- * NOTHING [---]\n\n"
    "--- CONDEMN [122] ---\n"
    "CONDEMN\n";

static const char *actors_txt =
    "GONDOR_ [GON]\n+GONDORIAN_\n\n"
    "MORDOR_ [MOR]\n\n"
    "ARNOR_ [ARN]\n\n"
    "ARAGORN_\n"
    "\t[GONELI <19990101]\n"
    "\t[GONGOV 19990101-20101231]\n"
    "\t[GONELI]\n";

static const char *agents_txt =
    "PRESIDENT [~GOV]\n"
    "ARMY [~MIL]\n"
    "AID_AGENCY [NGO~]\n";

static const char *discards_txt = "FOOTBALL\n+WORLD CUP\n";

static dyad_engine *engine;
static dyad_coder *coder;

static void setup(void)
{
    dyad_builder *b = dyad_builder_create();
    cr_assert_not_null(b);
    cr_assert_eq(dyad_builder_add_buffer(b, DYAD_DICT_VERBS, "t.verbs", verbs_txt, strlen(verbs_txt)), DYAD_OK);
    cr_assert_eq(dyad_builder_add_buffer(b, DYAD_DICT_ACTORS, "t.actors", actors_txt, strlen(actors_txt)), DYAD_OK);
    cr_assert_eq(dyad_builder_add_buffer(b, DYAD_DICT_AGENTS, "t.agents", agents_txt, strlen(agents_txt)), DYAD_OK);
    cr_assert_eq(dyad_builder_add_buffer(b, DYAD_DICT_DISCARDS, "t.discards", discards_txt, strlen(discards_txt)), DYAD_OK);
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

TestSuite(coder, .init = setup, .fini = teardown);

static dyad_result code(const char *date, const char *text, const char *parse)
{
    dyad_sentence s = {"T-1", date, text, parse, 0};
    dyad_result r;
    dyad_status st = dyad_code_sentence(coder, &s, &r);
    cr_assert_eq(st, DYAD_OK, "%s: %s", dyad_coder_error_kind(coder), dyad_coder_error(coder));
    return r;
}

static bool has_event(const dyad_result *r, const char *src, const char *tgt, const char *code)
{
    for (size_t i = 0; i < r->n_events; i++)
        if (!strcmp(r->events[i].source.code, src) && !strcmp(r->events[i].target.code, tgt) &&
            !strcmp(r->events[i].code, code))
            return true;
    return false;
}

Test(coder, bare_verb_gives_the_verb_code)
{
    dyad_result r = code("20200101", "Gondor attacked Mordor.",
                         "(ROOT (S (NP (NNP Gondor)) (VP (VBD attacked) (NP (NNP Mordor))) (. .)))");
    cr_assert_eq(r.n_events, 1);
    cr_assert(has_event(&r, "GON", "MOR", "190"));
    cr_assert_str_eq(r.events[0].verb, "attacked");
    cr_assert_str_eq(r.events[0].source.text, "Gondor");
}

Test(coder, pattern_with_synset_wins_over_the_verb_code)
{
    dyad_result r = code("20200101", "Gondor attacked Mordor with rockets.",
                         "(ROOT (S (NP (NNP Gondor)) (VP (VBD attacked) (NP (NNP Mordor)) "
                         "(PP (IN with) (NP (NNS rockets)))) (. .)))");
    cr_assert_eq(r.n_events, 1);
    cr_assert(has_event(&r, "GON", "MOR", "195"));
}

Test(coder, agents_compose_with_actors)
{
    dyad_result r = code("20200101", "The Gondorian army attacked Mordor's president.",
                         "(ROOT (S (NP (DT The) (JJ Gondorian) (NN army)) (VP (VBD attacked) "
                         "(NP (NP (NNP Mordor) (POS 's)) (NN president))) (. .)))");
    cr_assert(has_event(&r, "GONMIL", "MORGOV", "190"));
}

Test(coder, date_restricted_actor_is_resolved_at_the_sentence_date)
{
    const char *parse = "(ROOT (S (NP (NNP Aragorn)) (VP (VBD condemned) (NP (NNP Mordor))) (. .)))";
    dyad_result r = code("20050601", "Aragorn condemned Mordor.", parse);
    cr_assert(has_event(&r, "GONGOV", "MOR", "122"));
    r = code("19980101", "Aragorn condemned Mordor.", parse);
    cr_assert(has_event(&r, "GONELI", "MOR", "122"));
    r = code("20150101", "Aragorn condemned Mordor.", parse);
    cr_assert(has_event(&r, "GONELI", "MOR", "122"));
}

Test(coder, compound_source_gives_one_event_per_member)
{
    dyad_result r = code("20200101", "Gondor and Arnor condemned Mordor.",
                         "(ROOT (S (NP (NNP Gondor) (CC and) (NNP Arnor)) (VP (VBD condemned) "
                         "(NP (NNP Mordor))) (. .)))");
    cr_assert_eq(r.n_events, 2);
    cr_assert(has_event(&r, "GON", "MOR", "122"));
    cr_assert(has_event(&r, "ARN", "MOR", "122"));
}

Test(coder, compound_token_before_the_verb_makes_members_act_on_each_other)
{
    dyad_result r = code("20200101", "Gondor and Arnor met.",
                         "(ROOT (S (NP (NNP Gondor) (CC and) (NNP Arnor)) (VP (VBD met)) (. .)))");
    cr_assert(has_event(&r, "GON", "ARN", "040"));
    cr_assert(has_event(&r, "ARN", "GON", "040"));
    cr_assert_eq(r.n_events, 2);
}

Test(coder, paired_code_gives_an_event_each_way)
{
    dyad_result r = code("20200101", "Gondor visited Arnor.",
                         "(ROOT (S (NP (NNP Gondor)) (VP (VBD visited) (NP (NNP Arnor))) (. .)))");
    cr_assert(has_event(&r, "GON", "ARN", "042"));
    cr_assert(has_event(&r, "ARN", "GON", "043"));
}

Test(coder, passive_swaps_source_and_target)
{
    dyad_result r = code("20200101", "Mordor was attacked by Gondor.",
                         "(ROOT (S (NP (NNP Mordor)) (VP (VBD was) (VP (VBN attacked) "
                         "(PP (IN by) (NP (NNP Gondor))))) (. .)))");
    cr_assert_eq(r.n_events, 1);
    cr_assert(has_event(&r, "GON", "MOR", "190"), "got %s -> %s", r.events[0].source.code,
              r.events[0].target.code);
    cr_assert(r.events[0].passive);
}

Test(coder, null_pattern_suppresses_the_event_and_require_dyad_drops_half_events)
{
    dyad_result r = code("20200101", "Gondor said nothing to Mordor.",
                         "(ROOT (S (NP (NNP Gondor)) (VP (VBD said) (NP (NN nothing)) "
                         "(PP (TO to) (NP (NNP Mordor)))) (. .)))");
    cr_assert_eq(r.n_events, 0);
    r = code("20200101", "Gondor attacked the hills.",
             "(ROOT (S (NP (NNP Gondor)) (VP (VBD attacked) (NP (DT the) (NNS hills))) (. .)))");
    cr_assert_eq(r.n_events, 0, "the target has no code");
    dyad_options_set(dyad_coder_options(coder), "require_dyad", "false");
    r = code("20200101", "Gondor attacked the hills.",
             "(ROOT (S (NP (NNP Gondor)) (VP (VBD attacked) (NP (DT the) (NNS hills))) (. .)))");
    cr_assert_eq(r.n_events, 1);
    cr_assert_str_eq(r.events[0].target.code, "", "an absent actor is the empty code");
    cr_assert_str_eq(r.events[0].target.text, "the hills");
}

Test(coder, new_actor_length_quotes_unknown_short_phrases)
{
    dyad_options_set(dyad_coder_options(coder), "new_actor_length", "3");
    dyad_result r = code("20200101", "Gondor attacked the hill tribes.",
                         "(ROOT (S (NP (NNP Gondor)) (VP (VBD attacked) (NP (DT the) (NN hill) "
                         "(NNS tribes))) (. .)))");
    cr_assert_eq(r.n_events, 1);
    cr_assert_str_eq(r.events[0].target.code, "\"THE HILL TRIBES\"");
}

Test(coder, discards_report_their_kind)
{
    dyad_sentence s = {"T-2", "20200101", "Gondor attacked Mordor in the football final.",
                       "(ROOT (S (NP (NNP Gondor)) (VP (VBD attacked) (NP (NNP Mordor))) (. .)))", 0};
    dyad_result r;
    cr_assert_eq(dyad_code_sentence(coder, &s, &r), DYAD_ERR_DISCARD);
    cr_assert_str_eq(dyad_coder_error_kind(coder), "sentencediscard");
    cr_assert_eq(r.discarded, 1);
    s.text = "Gondor attacked Mordor before the World Cup.";
    cr_assert_eq(dyad_code_sentence(coder, &s, &r), DYAD_ERR_DISCARD);
    cr_assert_str_eq(dyad_coder_error_kind(coder), "storydiscard");
    cr_assert_eq(r.discarded, 2);
}

Test(coder, bad_inputs_give_kinds_not_crashes)
{
    dyad_sentence s = {"T-3", "20200101", "x", "(ROOT (S (NP (NNP Gondor)) (VP (VBD attacked) (NP", 0};
    dyad_result r;
    dyad_status st = dyad_code_sentence(coder, &s, &r);
    cr_assert_neq(st, DYAD_OK);
    s.parse = "(ROOT (S (NP (NNP Gondor)) (VP (VBD attacked) (NP (NNP Mordor))) (. .)))";
    s.date = "yesterday";
    cr_assert_eq(dyad_code_sentence(coder, &s, &r), DYAD_ERR_SYNTAX);
    cr_assert_str_eq(dyad_coder_error_kind(coder), "bad_date");
    s.date = "20200101";
    cr_assert_eq(dyad_code_sentence(coder, &s, &r), DYAD_OK, "the coder recovers");
    cr_assert_eq(r.n_events, 1);
}

Test(coder, options_parse_like_petrarch)
{
    dyad_options o;
    dyad_options_default(&o);
    cr_assert_eq(o.require_dyad, 1);
    cr_assert_eq(dyad_options_set(&o, "require_dyad", "FALSE"), 0);
    cr_assert_eq(o.require_dyad, 0);
    cr_assert_eq(dyad_options_set(&o, "require_dyad", "True"), 0);
    cr_assert_eq(o.require_dyad, 1);
    cr_assert_eq(dyad_options_set(&o, "comma_max", "6"), 0);
    cr_assert_eq(o.comma_max, 6);
    cr_assert_eq(dyad_options_set(&o, "comma_max", "six"), -1);
    cr_assert_eq(dyad_options_set(&o, "no_such_option", "1"), -1);
}

/* One engine, several coders on several threads: the engine is read-only
 * while coding, so every thread must see the same events. */
#include <pthread.h>

typedef struct thread_job {
    const dyad_engine *engine;
    int mismatches;
} thread_job;

static void *code_many(void *arg)
{
    thread_job *job = arg;
    dyad_coder *c = dyad_coder_create(job->engine);
    const char *parses[] = {
        "(ROOT (S (NP (NNP Gondor)) (VP (VBD attacked) (NP (NNP Mordor))) (. .)))",
        "(ROOT (S (NP (NNP Gondor) (CC and) (NNP Arnor)) (VP (VBD condemned) (NP (NNP Mordor))) (. .)))",
        "(ROOT (S (NP (NNP Gondor)) (VP (VBD visited) (NP (NNP Arnor))) (. .)))",
    };
    const size_t expected[] = {1, 2, 2};
    for (int round = 0; round < 2000; round++) {
        size_t k = (size_t)round % 3;
        dyad_sentence s = {"T", "20200101", "", parses[k], 0};
        dyad_result r;
        if (dyad_code_sentence(c, &s, &r) != DYAD_OK || r.n_events != expected[k])
            job->mismatches++;
    }
    dyad_coder_free(c);
    return NULL;
}

Test(coder, one_engine_many_threads)
{
    thread_job jobs[4];
    pthread_t th[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (thread_job){engine, 0};
        cr_assert_eq(pthread_create(&th[i], NULL, code_many, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        cr_assert_eq(jobs[i].mismatches, 0, "thread %d saw %d wrong results", i, jobs[i].mismatches);
    }
}

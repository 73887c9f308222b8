/* Unit tests for dyad_code_article() (lib/code/article.c): raw text in,
 * events with sentence ids and byte spans out, on small dictionaries
 * written for the purpose; and dyad_write_parse(). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"

static const char *verbs_txt =
    "--- ATTACK [190] ---\n"
    "ATTACK\n\n"
    "--- MEET [036] ---\n"
    "MEET {MET MEETING MEETS}\n\n"
    "--- SEEK [020] ---\n"
    "SEEK\n\n"                       /* "sought" only through its lemma */
    "--- CONDEMN [122] ---\n"
    "CONDEMN\n";

static const char *actors_txt =
    "GONDOR_ [GON]\n+GONDORIAN_\n\n"
    "MORDOR_ [MOR]\n\n"
    "ARNOR_ [ARN]\n";

static const char *agents_txt = "PRESIDENT [~GOV]\n";

static const char *discards_txt = "FOOTBALL\n+WORLD CUP\n";

static const char *issues_txt =
    "<ISSUE CATEGORY=\"X\">\n"
    "n:aid [AID]\n"
    "n:border [BORDER]\n"
    "</ISSUE>\n";

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
    add(b, DYAD_DICT_DISCARDS, discards_txt);
    add(b, DYAD_DICT_ISSUES, issues_txt);
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

TestSuite(article, .init = setup, .fini = teardown);

static dyad_result code_len(const char *text, size_t len)
{
    dyad_article a = {"A", "2020-01-02", text, len};
    dyad_result r;
    dyad_status st = dyad_code_article(coder, &a, &r);
    cr_assert_eq(st, DYAD_OK, "%s: %s", dyad_coder_error_kind(coder), dyad_coder_error(coder));
    return r;
}

static dyad_result code(const char *text)
{
    return code_len(text, strlen(text));
}

/* The event (src, tgt, code); fails the test when there is none. */
static const dyad_event *event(const dyad_result *r, const char *src, const char *tgt,
                               const char *code)
{
    for (size_t i = 0; i < r->n_events; i++) {
        const dyad_event *e = &r->events[i];
        if (!strcmp(e->source.code, src) && !strcmp(e->target.code, tgt) &&
            !strcmp(e->code, code))
            return e;
    }
    cr_assert_fail("no event (%s, %s, %s) among %zu", src, tgt, code, r->n_events);
    return NULL;
}

/* The bytes text[start..end) equal want. */
static void expect_span(const char *text, uint32_t start, uint32_t end, const char *want)
{
    cr_assert_leq(start, end);
    size_t n = strlen(want);
    cr_assert(end - start == n && memcmp(text + start, want, n) == 0,
              "span [%u,%u) is \"%.*s\", want \"%s\"", start, end, (int)(end - start),
              text + start, want);
}

static void expect_spans(const char *text, const dyad_event *e, const char *src,
                         const char *verb, const char *tgt)
{
    expect_span(text, e->source_start, e->source_end, src);
    expect_span(text, e->verb_start, e->verb_end, verb);
    expect_span(text, e->target_start, e->target_end, tgt);
}

Test(article, one_sentence_has_spans_and_ids)
{
    const char *text = "Gondor attacked Mordor.";
    dyad_result r = code(text);
    cr_assert_eq(r.n_events, 1);
    const dyad_event *e = event(&r, "GON", "MOR", "190");
    cr_assert_eq(e->source_start, 0);
    cr_assert_eq(e->source_end, 6);
    cr_assert_eq(e->verb_start, 7);
    cr_assert_eq(e->verb_end, 15);
    cr_assert_eq(e->target_start, 16);
    cr_assert_eq(e->target_end, 22);
    cr_assert_str_eq(e->verb, "attacked");
    cr_assert_str_eq(e->source.text, "Gondor");
    cr_assert_eq(e->sentence, 0);
    cr_assert_str_eq(e->sentence_id, "A-1");
    cr_assert_eq(r.n_sentences, 1);
    cr_assert_eq(r.n_sentences_failed, 0);
    cr_assert_eq(r.discarded, 0);
}

Test(article, sentences_in_order_with_their_index)
{
    const char *text =
        "Gondor attacked Mordor. The weather was mild.\n\n"
        "  Arnor met Mordor on Monday.\n";
    dyad_result r = code(text);
    cr_assert_eq(r.n_sentences, 3);
    cr_assert_eq(r.n_events, 2);
    cr_assert_str_eq(r.events[0].code, "190");
    cr_assert_eq(r.events[0].sentence, 0);
    cr_assert_str_eq(r.events[0].sentence_id, "A-1");
    const dyad_event *e = &r.events[1];
    cr_assert_str_eq(e->code, "036");
    cr_assert_eq(e->sentence, 2);
    cr_assert_str_eq(e->sentence_id, "A-3");
    expect_spans(text, e, "Arnor", "met", "Mordor");
}

Test(article, passive_spans_follow_the_actors)
{
    const char *text = "Mordor was attacked by Gondor.";
    dyad_result r = code(text);
    const dyad_event *e = event(&r, "GON", "MOR", "190");
    cr_assert(e->passive);
    expect_spans(text, e, "Gondor", "attacked", "Mordor");
}

Test(article, compound_members_have_their_own_spans)
{
    const char *text = "Gondor and Arnor attacked Mordor.";
    dyad_result r = code(text);
    cr_assert_eq(r.n_events, 2);
    expect_spans(text, event(&r, "GON", "MOR", "190"), "Gondor", "attacked", "Mordor");
    expect_spans(text, event(&r, "ARN", "MOR", "190"), "Arnor", "attacked", "Mordor");
}

Test(article, entity_span_covers_all_its_words)
{
    const char *text = "The Gondorian president met Arnor.";
    dyad_result r = code(text);
    const dyad_event *e = event(&r, "GONGOV", "ARN", "036");
    expect_spans(text, e, "The Gondorian president", "met", "Arnor");
    cr_assert_str_eq(e->source.text, "The Gondorian president");
}

Test(article, irregular_verb_found_through_its_lemma)
{
    /* the dictionary has SEEK and its regular forms, not "sought" */
    const char *text = "Gondor sought help from Arnor.";
    dyad_result r = code(text);
    const dyad_event *e = event(&r, "GON", "ARN", "020");
    cr_assert_str_eq(e->verb, "sought");
    expect_span(text, e->verb_start, e->verb_end, "sought");
}

Test(article, parsed_sentences_do_not_use_lemmas)
{
    dyad_sentence s = {"S-9", "20200102", NULL,
                       "(ROOT (S (NP (NNP Gondor)) (VP (VBD sought) (NP (NN help)) "
                       "(PP (IN from) (NP (NNP Arnor)))) (. .)))", 0};
    dyad_result r;
    cr_assert_eq(dyad_code_sentence(coder, &s, &r), DYAD_OK);
    cr_assert_eq(r.n_events, 0);
    /* and a Treebank event has no spans but the sentence's id */
    s.parse = "(ROOT (S (NP (NNP Gondor)) (VP (VBD attacked) (NP (NNP Mordor))) (. .)))";
    cr_assert_eq(dyad_code_sentence(coder, &s, &r), DYAD_OK);
    cr_assert_eq(r.n_events, 1);
    const dyad_event *e = &r.events[0];
    cr_assert_str_eq(e->sentence_id, "S-9");
    cr_assert_eq(e->sentence, 0);
    cr_assert(e->source_start == 0 && e->source_end == 0 && e->verb_start == 0 &&
              e->verb_end == 0 && e->target_start == 0 && e->target_end == 0);
    cr_assert_eq(r.n_sentences, 1);
}

Test(article, dateline_is_skipped)
{
    const char *text = "MINAS TIRITH, Gondor (Wire) -- Arnor met Mordor on Monday.";
    dyad_result r = code(text);
    cr_assert_eq(r.n_sentences, 2);
    cr_assert_eq(r.n_sentences_failed, 0);
    cr_assert_eq(r.n_events, 1);
    const dyad_event *e = event(&r, "ARN", "MOR", "036");
    cr_assert_eq(e->sentence, 1);
    cr_assert_str_eq(e->sentence_id, "A-2");
    expect_spans(text, e, "Arnor", "met", "Mordor");
}

Test(article, sentence_discard_skips_the_sentence)
{
    const char *text = "Gondor condemned the football match. Arnor met Mordor.";
    dyad_result r = code(text);
    cr_assert_eq(r.n_events, 1);
    event(&r, "ARN", "MOR", "036");
    cr_assert_eq(r.events[0].sentence, 1);
    cr_assert_eq(r.discarded, 1);
    cr_assert_str_eq(r.discard_phrase, "FOOTBALL");
}

Test(article, story_discard_discards_the_article)
{
    const char *text = "Gondor attacked Mordor. Arnor met Mordor at the\nWorld   Cup.";
    dyad_article a = {"A", "2020-01-02", text, 0};
    dyad_result r;
    cr_assert_eq(dyad_code_article(coder, &a, &r), DYAD_ERR_DISCARD);
    cr_assert_eq(r.n_events, 0);
    cr_assert_eq(r.discarded, 2);
    cr_assert_str_eq(r.discard_phrase, "WORLD CUP");
    cr_assert_str_eq(dyad_coder_error_kind(coder), "storydiscard");
}

Test(article, issues_belong_to_their_sentence)
{
    const char *text = "Gondor attacked Mordor at the border. Arnor met Mordor about aid.";
    dyad_result r = code(text);
    cr_assert_eq(r.n_events, 2);
    cr_assert_eq(r.n_issues, 2);
    cr_assert_str_eq(r.issues[0].code, "BORDER");
    cr_assert_eq(r.issues[0].sentence, 0);
    cr_assert_str_eq(r.issues[1].code, "AID");
    cr_assert_eq(r.issues[1].sentence, 1);
}

Test(article, bad_date_and_arguments)
{
    dyad_result r;
    dyad_article a = {"A", "2020-13-01", "Gondor attacked Mordor.", 0};
    cr_assert_eq(dyad_code_article(coder, &a, &r), DYAD_ERR_SYNTAX);
    cr_assert_str_eq(dyad_coder_error_kind(coder), "bad_date");
    a.date = NULL;
    cr_assert_eq(dyad_code_article(coder, &a, &r), DYAD_ERR_SYNTAX);
    cr_assert_eq(dyad_code_article(coder, NULL, &r), DYAD_ERR_ARG);
    cr_assert_eq(dyad_code_article(NULL, &a, &r), DYAD_ERR_ARG);
    a = (dyad_article){"A", "20200102", NULL, 5};
    cr_assert_eq(dyad_code_article(coder, &a, &r), DYAD_ERR_ARG);
    /* YYYYMMDD is accepted too, and a NULL id gives "-<n>" ids */
    a = (dyad_article){NULL, "20200102", "Gondor attacked Mordor.", 0};
    cr_assert_eq(dyad_code_article(coder, &a, &r), DYAD_OK);
    cr_assert_eq(r.n_events, 1);
    cr_assert_str_eq(r.events[0].sentence_id, "-1");
}

Test(article, empty_and_blank_text)
{
    dyad_result r = code("");
    cr_assert_eq(r.n_events, 0);
    cr_assert_eq(r.n_sentences, 0);
    r = code(" \n\n\t ");
    cr_assert_eq(r.n_sentences, 0);
    dyad_article a = {"A", "2020-01-02", NULL, 0};
    cr_assert_eq(dyad_code_article(coder, &a, &r), DYAD_OK);
    cr_assert_eq(r.n_sentences, 0);
}

Test(article, nul_bytes_and_invalid_utf8_keep_spans_exact)
{
    static const char text[] = "\0\0\xff\xfe junk.\0 Gondor \xe2\x80\x94 attacked Mordor.\0";
    dyad_result r = code_len(text, sizeof text - 1);
    const dyad_event *e = event(&r, "GON", "MOR", "190");
    expect_spans(text, e, "Gondor", "attacked", "Mordor");
}

Test(article, multibyte_text_gives_byte_offsets)
{
    const char *text = "Ünïcödé “news”: Gondor attacked Mordor.";
    dyad_result r = code(text);
    const dyad_event *e = event(&r, "GON", "MOR", "190");
    expect_spans(text, e, "Gondor", "attacked", "Mordor");
}

Test(article, results_survive_until_the_next_call)
{
    /* many sentences: the sentence arena is reset between them, so the
     * strings of early events must have been moved out of it */
    size_t n = 300;
    const char *s = "Gondor attacked Mordor. Arnor met the Gondorian president. ";
    size_t sl = strlen(s);
    char *text = malloc(n * sl + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(text + i * sl, s, sl);
    text[n * sl] = '\0';
    dyad_result r = code(text);
    cr_assert_eq(r.n_sentences, 2 * n);
    /* the same two events n times over: one each, with every mention */
    cr_assert_eq(r.n_events, 2);
    for (size_t i = 0; i < r.n_events; i++) {
        const dyad_event *e = &r.events[i];
        cr_assert_eq(e->sentence, i);
        cr_assert_eq(e->mentions, n);
        for (size_t m = 0; m < n; m++)
            cr_assert_eq(e->mention_sentences[m], i + 2 * m);
        char id[32];
        snprintf(id, sizeof id, "A-%zu", i + 1);
        cr_assert_str_eq(e->sentence_id, id);
        if (i % 2 == 0) {
            cr_assert_str_eq(e->source.code, "GON");
            cr_assert_str_eq(e->target.text, "Mordor");
            expect_spans(text, e, "Gondor", "attacked", "Mordor");
        } else {
            cr_assert_str_eq(e->source.code, "ARN");
            cr_assert_str_eq(e->target.code, "GONGOV");
            cr_assert_str_eq(e->target.text, "the Gondorian president");
            cr_assert_str_eq(e->verb, "met");
        }
    }
    /* the coder goes on to sentences and articles as before */
    dyad_sentence one = {"S-1", "20200102", NULL,
                         "(ROOT (S (NP (NNP Arnor)) (VP (VBD met) (NP (NNP Mordor))) (. .)))", 0};
    dyad_result r2;
    cr_assert_eq(dyad_code_sentence(coder, &one, &r2), DYAD_OK);
    cr_assert_eq(r2.n_events, 1);
    cr_assert_str_eq(r2.events[0].sentence_id, "S-1");
    r2 = code("Gondor attacked Mordor.");
    cr_assert_eq(r2.n_events, 1);
    cr_assert_str_eq(r2.events[0].sentence_id, "A-1");
    free(text);
}

Test(article, long_runs_without_punctuation_are_cut_not_failed)
{
    size_t n = 3000;
    char *text = malloc(n * 7 + 32);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        memcpy(text + k, "Gondor ", 7);
        k += 7;
    }
    strcpy(text + k, "attacked Mordor.");
    dyad_result r = code(text);
    cr_assert_geq(r.n_sentences, 3);
    cr_assert_eq(r.n_sentences_failed, 0);
    free(text);
}

/* ---- dyad_write_parse ------------------------------------------------ */

static char *parse_text(const char *text, size_t len)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    cr_assert_not_null(f);
    cr_assert_eq(dyad_write_parse(f, text, len), DYAD_OK);
    fclose(f);
    return buf;
}

Test(write_parse, two_lines_per_sentence)
{
    const char *text = "Gondor attacked Mordor. The armies fled.";
    char *out = parse_text(text, strlen(text));
    cr_assert_str_eq(out,
        "Gondor/NNP/gondor attacked/VBD/attack Mordor/NNP/mordor ././.\n"
        "(ROOT (S (NP (NNP Gondor)) (VP (VBD attacked) (NP (NNP Mordor))) (. .)))\n"
        "The/DT/the armies/NNS/army fled/VBD/flee ././.\n"
        "(ROOT (S (NP (DT The) (NNS armies)) (VP (VBD fled)) (. .)))\n");
    free(out);
    out = parse_text("", 0);
    cr_assert_str_eq(out, "");
    free(out);
    cr_assert_eq(dyad_write_parse(NULL, "x", 1), DYAD_ERR_ARG);
    cr_assert_eq(dyad_write_parse(stdout, NULL, 1), DYAD_ERR_ARG);
}

/* Found by fuzz_article: an event reported again in a later sentence is
 * merged into the first report, and the later sentence's issues must
 * still belong to an event (through its mention list). */
Test(article, issues_of_a_merged_mention_stay_with_the_event)
{
    dyad_result r = code("Gondor attacked Mordor. Gondor attacked Mordor at the border.");
    cr_assert_eq(r.n_events, 1);
    cr_assert_eq(r.events[0].mentions, 2);
    cr_assert_eq(r.n_issues, 1);
    cr_assert_eq(r.issues[0].sentence, 1);
    cr_assert_eq(r.events[0].mention_sentences[1], 1);
}

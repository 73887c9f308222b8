/* fuzz_article.c -- libFuzzer target for dyad_code_article and
 * dyad_write_parse: raw text through the whole front end and the coder.
 *
 * Besides memory errors and undefined behaviour it checks what the API
 * promises: every event's spans lie inside the text in order (start <=
 * end), its sentence index is below n_sentences and its sentence id is
 * "A-<index + 1>"; failed sentences are among those counted; every issue
 * belongs to a sentence that gave an event. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char verbs[] =
    "&AID\n+AID\n+ASSISTANCE_\n\n"
    "--- MEET [040] ---\nMEET {MEETS MET MEETING}\n- * (FOR TALKS) [046]\n\n"
    "--- ATTACK [190] ---\nATTACK\nSHELL [195]\n\n"
    "--- PROMISE [030] ---\nPROMISE\n- * &AID [033]\n\n"
    "--- ACCUSE [112:113] ---\nACCUSE\n\n"
    "--- FLEE [---] ---\nFLEE\n- * TO + [0233]\n";
static const char actors[] =
    "ARVLAND_ [ARV]\n+PORT_CALDER_\n\nBELMORA_ [BEL]\n+BELMORAN_\n\n"
    "CASTRIA_ [CAS]\n\nMAREN_HOLT_\n\t[ARVGOV 20150101-20201231]\n\t[ARVOPP]\n";
static const char agents[] = "PRESIDENT [~GOV]\nTROOP [~MIL]\nREBEL [~REB]\n";
static const char discards[] = "FOOTBALL\n+FILM FESTIVAL\n";
static const char issues[] = "<ISSUE CATEGORY=\"X\">\nn:drought [FOOD]\nfishing [FISH]\n</ISSUE>\n";

static dyad_engine *engine;
static dyad_coder *coder;
static FILE *sink;

static void setup(void)
{
    dyad_builder *b = dyad_builder_create();
    if (!b)
        abort();
    const struct { dyad_dict_kind kind; const char *text; } d[] = {
        {DYAD_DICT_VERBS, verbs}, {DYAD_DICT_ACTORS, actors}, {DYAD_DICT_AGENTS, agents},
        {DYAD_DICT_DISCARDS, discards}, {DYAD_DICT_ISSUES, issues},
    };
    for (size_t i = 0; i < sizeof d / sizeof d[0]; i++)
        if (dyad_builder_add_buffer(b, d[i].kind, "fuzz", d[i].text, strlen(d[i].text)) != DYAD_OK)
            abort();
    if (dyad_engine_build(b, &engine) != DYAD_OK)
        abort();
    dyad_builder_free(b);
    coder = dyad_coder_create(engine);
    sink = fopen("/dev/null", "w");
    if (!coder || !sink)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!engine)
        setup();
    /* text_len 0 means strlen: give the bytes a terminator of their own */
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    dyad_article a = {"A", "2019-06-03", text, size};
    dyad_result r;
    dyad_status st = dyad_code_article(coder, &a, &r);
    if (st != DYAD_OK && st != DYAD_ERR_DISCARD)
        abort();
    if (r.n_sentences_failed > r.n_sentences || (st == DYAD_ERR_DISCARD && r.n_events))
        abort();
    for (size_t i = 0; i < r.n_events; i++) {
        const dyad_event *e = &r.events[i];
        uint32_t s[6] = {e->source_start, e->source_end, e->verb_start, e->verb_end,
                         e->target_start, e->target_end};
        for (int k = 0; k < 6; k += 2)
            if (s[k] > s[k + 1] || s[k + 1] > size)
                abort();
        if (e->verb_start == e->verb_end)
            abort();                   /* a verb is always some word */
        if (e->sentence >= r.n_sentences || !e->sentence_id || !e->code || !e->verb ||
            !e->source.code || !e->target.code || !e->source.text || !e->target.text)
            abort();
        char id[32];
        snprintf(id, sizeof id, "A-%lu", (unsigned long)e->sentence + 1);
        if (strcmp(id, e->sentence_id) != 0)
            abort();
        if (i > 0 && e->sentence < r.events[i - 1].sentence)
            abort();
        /* article resolution: a date, and the sentences that report it */
        if (!e->date || strlen(e->date) != 10 || !e->date_text || !e->attribution.code ||
            !e->attribution.text || !e->location.text || e->mentions < 1 ||
            !e->mention_sentences || e->mention_sentences[0] != e->sentence)
            abort();
        for (uint32_t m = 1; m < e->mentions; m++)
            if (e->mention_sentences[m] <= e->mention_sentences[m - 1] ||
                e->mention_sentences[m] >= r.n_sentences)
                abort();
    }
    /* every issue belongs to a sentence that reports some event */
    for (size_t i = 0; i < r.n_issues; i++) {
        int found = 0;
        for (size_t k = 0; k < r.n_events && !found; k++)
            for (uint32_t m = 0; m < r.events[k].mentions && !found; m++)
                found = r.events[k].mention_sentences[m] == r.issues[i].sentence;
        if (!found)
            abort();
    }
    if (dyad_write_parse(sink, text, size) != DYAD_OK)
        abort();
    free(text);
    return 0;
}

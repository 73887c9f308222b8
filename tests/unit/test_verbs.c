/* Unit tests for the verb dictionary reader (lib/dict/verbs.c). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "dict/engine.h"
#include "dict/verbs.h"
#include "dict_test_util.h"

typedef struct warnings {
    int n;
    long lines[32];
    char last[512];
} warnings;

static void on_warn(void *user, const char *file, long line, const char *msg)
{
    (void)file;
    warnings *w = user;
    if (w->n < 32)
        w->lines[w->n] = line;
    w->n++;
    snprintf(w->last, sizeof w->last, "%s", msg);
}

static dy_intern *words;
static dy_verbs *verbs;
static warnings warned;

static void load(const char *text)
{
    words = dy_intern_create();
    verbs = dy_verbs_create(words);
    memset(&warned, 0, sizeof warned);
    dy_diag_sink sink = {.fn = on_warn, .user = &warned};
    cr_assert_eq(dy_verbs_load(verbs, "test.verbs", text, strlen(text), &sink), DYAD_OK);
    cr_assert_eq(dy_verbs_finish(verbs), DYAD_OK);
}

static void unload(void)
{
    dy_verbs_free(verbs);
    dy_intern_free(words);
}

static const dy_verb_form *form_of(const char *w)
{
    uint32_t id = dy_intern_find(words, w, strlen(w));
    int32_t f = dy_verbs_first_form(verbs, id);
    return f < 0 ? NULL : dy_verbs_form(verbs, f);
}

static const char *word(uint32_t id)
{
    return dy_intern_str(words, id);
}

Test(verbs, regular_and_irregular_forms_share_the_block)
{
    load("--- GRANT [070] ---\n"
         "GRANT\n"
         "GIVE {GAVE GIVEN GIVES GIVING}  # irregular\n"
         "CARRY [071]\n"
         "- * RUPEES [071]\n");
    const dy_verb_form *f = form_of("GRANTED");
    cr_assert_not_null(f);
    const dy_verb_block *b = dy_verbs_block(verbs, f->block);
    cr_assert_str_eq(b->name, "GRANT");
    cr_assert_str_eq(b->code, "070");
    cr_assert_eq(b->n_patterns, 1);
    cr_assert_not_null(form_of("GRANTS"));
    cr_assert_not_null(form_of("GRANTING"));
    cr_assert_not_null(form_of("GAVE"));
    cr_assert_null(form_of("GIVED"), "irregular forms replace the regular ones");
    cr_assert_str_eq(form_of("CARRIED")->code, "071");
    cr_assert_not_null(form_of("CARRIES"));
    cr_assert_str_eq(form_of("GAVE")->code, "070");
    cr_assert_eq(warned.n, 0);
    unload();
}

Test(verbs, pattern_connectors_and_tokens)
{
    load("--- ACCORD [---] ---\n"
         "ACCORD\n"
         "- SO IN_AND_*_OUT AGAIN [074]\n"
         "- $ SAID * TO + [082]\n");
    const dy_verb_block *b = dy_verbs_block(verbs, form_of("ACCORD")->block);
    cr_assert_eq(b->n_patterns, 2);
    const dy_pattern *p = &b->patterns[0];
    cr_assert_eq(p->n_upper, 3);
    /* nearest the verb first: AND (touching), IN (touching AND), SO (gap) */
    cr_assert_str_eq(word(p->upper[0].id), "AND");
    cr_assert_eq(p->upper[0].gap, 0);
    cr_assert_str_eq(word(p->upper[1].id), "IN");
    cr_assert_eq(p->upper[1].gap, 0);
    cr_assert_str_eq(word(p->upper[2].id), "SO");
    cr_assert_eq(p->upper[2].gap, 1);
    cr_assert_eq(p->n_lower, 2);
    cr_assert_str_eq(word(p->lower[0].id), "OUT");
    cr_assert_eq(p->lower[0].gap, 0);
    cr_assert_eq(p->lower[1].gap, 1);
    cr_assert_str_eq(p->code, "074");
    const dy_pattern *q = &b->patterns[1];
    cr_assert_eq(q->n_upper, 2);
    cr_assert_eq(q->upper[1].kind, DY_PAT_SOURCE);
    cr_assert_eq(q->n_lower, 2);
    cr_assert_eq(q->lower[1].kind, DY_PAT_TARGET);
    unload();
}

Test(verbs, synsets_plurals_and_nesting)
{
    load("&TIE\n+MILITARY\n+TRADE_\n\n"
         "&CURR\n+SWISS FRANC\n+&TIE\n\n"
         "--- GIVE [070] ---\nGIVE {GAVE}\n- * &CURR [071]\n- * &NOPE [072]\n");
    const dy_verb_block *b = dy_verbs_block(verbs, form_of("GIVE")->block);
    cr_assert_eq(b->n_patterns, 1, "the pattern with an undefined synset is skipped");
    cr_assert_eq(warned.n, 1);
    cr_assert(strstr(warned.last, "&NOPE") != NULL);
    const dy_synset *s = dy_verbs_synset(verbs, b->patterns[0].lower[0].id);
    /* SWISS FRANC, SWISS FRANCS, MILITARY, MILITARYS->MILITARIES, TRADE */
    cr_assert_eq(s->n_phrases, 5);
    cr_assert_eq(s->phrases[1].n_words, 2);
    cr_assert_str_eq(word(s->phrases[1].words[1]), "FRANCS");
    unload();
}

Test(verbs, multi_word_verbs)
{
    load("--- CORDON [---] ---\n"
         "+CORDON_OFF [172]\n"
         "WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPS}\n");
    const dy_verb_form *f = form_of("CORDONED");
    cr_assert_not_null(f);
    cr_assert_eq(f->n_multi, 1);
    cr_assert(f->multi_after);
    cr_assert_str_eq(word(f->multi[0]), "OFF");
    cr_assert_str_eq(f->code, "172");
    f = form_of("TAPPED");
    cr_assert_not_null(f);
    cr_assert_not(f->multi_after);
    cr_assert_str_eq(word(f->multi[0]), "WIRE");
    cr_assert_eq(warned.n, 0);
    unload();
}

Test(verbs, petrarch2_groups_and_alternatives)
{
    load("--- GATHER [---] ---\nGATHER\n"
         "- * (TO/FOR PROTEST)            [141]\n"
         "- * {DIPLOMATIC LINK}           [161]\n"
         "~ a (_ b ATTACK) WANT = a b 138\n");
    const dy_verb_block *b = dy_verbs_block(verbs, form_of("GATHER")->block);
    cr_assert_eq(b->n_patterns, 3);
    cr_assert_str_eq(word(b->patterns[0].lower[0].id), "TO");
    cr_assert_str_eq(word(b->patterns[1].lower[0].id), "FOR");
    cr_assert_str_eq(word(b->patterns[2].lower[1].id), "LINK");
    cr_assert_eq(warned.n, 1, "the '~' rules are reported once");
    unload();
}

Test(verbs, malformed_lines_warn_with_line_numbers)
{
    load("- * ORPHAN [010]\n"
         "--- SAY [010] ---\n"
         "SAY {SAID\n"
         "- * NO CODE\n"
         "- NO STAR [010]\n"
         "- * OK [011]\n");
    cr_assert_eq(warned.n, 4);
    cr_assert_eq(warned.lines[0], 1);
    cr_assert_eq(warned.lines[1], 3);
    cr_assert_eq(warned.lines[2], 4);
    cr_assert_eq(warned.lines[3], 5);
    unload();
}

Test(verbs, real_dictionaries_load)
{
    size_t n1, n2;
    char *p1 = dy_test_read_shared(&n1, "petrarch2/dictionaries/PETR.Validate.verbs.txt");
    char *p2 = dy_test_read_shared(&n2, "petrarch2/dictionaries/CAMEO.2.0.txt");
    if (!p1 || !p2) {
        free(p1);
        free(p2);
        cr_skip("../shared/petrarch2 is absent (set DYAD_SHARED): real dictionaries not tested");
    }
    words = dy_intern_create();
    verbs = dy_verbs_create(words);
    warnings w = {0};
    dy_diag_sink sink = {.fn = on_warn, .user = &w};
    cr_assert_eq(dy_verbs_load(verbs, "PETR.Validate.verbs.txt", p1, n1, &sink), DYAD_OK);
    int after_validate = w.n;
    cr_assert_eq(dy_verbs_load(verbs, "CAMEO.2.0.txt", p2, n2, &sink), DYAD_OK);
    cr_assert_eq(dy_verbs_finish(verbs), DYAD_OK);
    cr_assert_gt(dy_verbs_pattern_count(verbs), 5000);
    cr_assert_not_null(form_of("RESTORE"));
    cr_assert_lt(after_validate, 5, "validate verbs: %d warnings (last: %s)", after_validate, w.last);
    free(p1);
    free(p2);
    unload();
}

/* Unit tests for lib/parse/chunk.c: trees built from tagged tokens.
 *
 * Four kinds of test:
 *   - shapes: small sentences whose brackets the coder depends on, and a
 *     few coded end to end through dyad_code_sentence();
 *   - limits: empty, oversized, pathological and random input;
 *   - speed (CPU time; bounds loose enough to catch only lost linearity);
 *   - evaluation on the PETRARCH sample files (skipped without them): the
 *     gold parse's words and tags are the input, and the built tree is
 *     compared with the gold tree (evalb-style labeled brackets) and, more
 *     to the point, coded: the events from our tree against the expected
 *     <EventCoding>s (unit-test records) and against the events from the
 *     gold parse (GigaWord sample).
 * DYAD_CHUNK_VERBOSE=1 prints every sentence whose brackets or events
 * differ, with both trees. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dyad.h"
#include "parse/chunk.h"
#include "parse/tree.h"
#include "tag/tagset.h"

static dy_arena *arena;
static dy_msg msg;

static void setup(void)
{
    arena = dy_arena_create(0);
    memset(&msg, 0, sizeof msg);
}

static void teardown(void)
{
    dy_arena_free(arena);
}

TestSuite(chunk, .init = setup, .fini = teardown);

/* CPU time of this process in microseconds (not disturbed by other
 * processes on the machine, as wall time is). */
static double cpu_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

/* Timings are printed, never asserted: speed goals are checked by bench/,
 * not by unit tests that a busy machine could fail.  Set to 1 locally to
 * guard against lost linearity while working on the builder. */
#define TIMING_CHECKED 0

static int verbose(void)
{
    const char *v = getenv("DYAD_CHUNK_VERBOSE");
    return v && *v && *v != '0';
}

/* ---- helpers -------------------------------------------------------- */

/* Penn tags as the Treebank files write them, including the AUX* tags of
 * some parsers, which are verbs to the tagger. */
static uint8_t tag_of_label(const char *l)
{
    if (strncmp(l, "AUX", 3) == 0) {
        switch (l[3]) {
        case 'D': return DY_TAG_VBD;
        case 'P': return DY_TAG_VBP;
        case 'Z': return DY_TAG_VBZ;
        case 'B': return DY_TAG_VB;
        case 'N': return DY_TAG_VBN;
        case 'G': return DY_TAG_VBG;
        default: return DY_TAG_VB;
        }
    }
    return dy_tag_parse(l);
}

/* Tokens from "word/TAG word/TAG ..." (in the arena). */
static dy_token *tokens_of(const char *s, uint32_t *n)
{
    size_t len = strlen(s);
    char *copy = dy_arena_strndup(arena, s, len);
    dy_token *tok = dy_arena_calloc(arena, len / 2 + 1, sizeof *tok);
    cr_assert(copy && tok);
    uint32_t k = 0;
    for (char *save = NULL, *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        char *slash = strrchr(w, '/');
        cr_assert_not_null(slash, "token without a tag: %s", w);
        *slash = '\0';
        tok[k].text = w;
        tok[k].len = (uint16_t)strlen(w);
        tok[k].tag = tag_of_label(slash + 1);
        cr_assert_neq(tok[k].tag, DY_TAG_NONE, "unknown tag %s", slash + 1);
        k++;
    }
    *n = k;
    return tok;
}

static char *format_tree(const dy_tree *t)
{
    size_t n = dy_tree_format(t, NULL, 0);
    char *buf = dy_arena_alloc(arena, n + 1);
    cr_assert_not_null(buf);
    dy_tree_format(t, buf, n + 1);
    return buf;
}

/* Checks what every built tree must be: preorder, contiguous subtrees,
 * one preterminal per token in order, readable back. */
static void check_tree(const dy_tree *t, const dy_token *tok, uint32_t n)
{
    cr_assert_eq(t->root, 0);
    cr_assert_eq(t->n_tokens, (int32_t)n);
    cr_assert_str_eq(t->nodes[0].label, "ROOT");
    int32_t next_tok = 0;
    for (int32_t i = 0; i < t->n_nodes; i++) {
        const dy_node *nd = &t->nodes[i];
        if (i > 0)
            cr_assert(nd->parent >= 0 && nd->parent < i, "node %d: parent %d", i, nd->parent);
        if (nd->first_child >= 0)
            cr_assert_eq(nd->first_child, i + 1);
        if (nd->word) {
            cr_assert_eq(nd->first_child, -1);
            cr_assert_eq(nd->token, next_tok);
            cr_assert_eq(t->token_node[next_tok], i);
            cr_assert_str_eq(nd->label, dy_tag_name(tok[next_tok].tag));
            next_tok++;
        } else {
            cr_assert_geq(nd->first_child, 0, "phrase %s without children", nd->label);
            cr_assert_eq(nd->token, -1);
        }
    }
    cr_assert_eq(next_tok, (int32_t)n);
    dy_tree back;
    const char *s = format_tree(t);
    cr_assert_eq(dy_treebank_read(arena, s, strlen(s), &back, &msg), DYAD_OK, "%s: %s", s,
                 msg.text);
    cr_assert_eq(back.n_nodes, t->n_nodes);
}

/* The one-line tree of a tagged sentence. */
static const char *build(const char *tagged)
{
    uint32_t n;
    dy_token *tok = tokens_of(tagged, &n);
    dy_tree t;
    cr_assert_eq(dy_build_tree(arena, tok, n, &t, &msg), DYAD_OK, "%s", msg.text);
    check_tree(&t, tok, n);
    return format_tree(&t);
}

static void expect_has(const char *tagged, const char *part)
{
    const char *tree = build(tagged);
    cr_expect(strstr(tree, part) != NULL, "in %s\nexpected %s", tree, part);
}

/* ---- shapes ----------------------------------------------------------- */

Test(chunk, simple_clause)
{
    cr_assert_str_eq(build("Arnor/NNP attacked/VBD Gondor/NNP ./."),
                     "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))");
}

Test(chunk, noun_phrases)
{
    expect_has("Brazilian/JJ President/NNP Luiz/NNP Inacio/NNP Lula/NNP da/NNP Silva/NNP "
               "arrived/VBD ./.",
               "(NP (JJ Brazilian) (NNP President) (NNP Luiz) (NNP Inacio) (NNP Lula) "
               "(NNP da) (NNP Silva))");
    expect_has("Russia/NNP 's/POS foreign/JJ minister/NN met/VBD Wang/NNP ./.",
               "(NP (NP (NNP Russia) (POS 's)) (JJ foreign) (NN minister))");
    expect_has("The/DT ambassadors/NNS of/IN Arnor/NNP met/VBD ./.",
               "(NP (NP (DT The) (NNS ambassadors)) (PP (IN of) (NP (NNP Arnor))))");
    expect_has("Arnor/NNP and/CC Gondor/NNP met/VBD ./.",
               "(NP (NNP Arnor) (CC and) (NNP Gondor))");
    expect_has("Brazil/NNP and/CC the/DT United/NNP States/NNPS met/VBD ./.",
               "(NP (NP (NNP Brazil)) (CC and) (NP (DT the) (NNP United) (NNPS States)))");
    expect_has("Wang/NNP Yi/NNP ,/, China/NNP 's/POS foreign/JJ minister/NN ,/, "
               "met/VBD Lavrov/NNP ./.",
               "(NP (NP (NNP Wang) (NNP Yi)) (, ,) (NP (NP (NNP China) (POS 's)) (JJ foreign) "
               "(NN minister)) (, ,))");
    expect_has("He/PRP met/VBD the/DT envoy/NN who/WP visited/VBD Gondor/NNP ./.",
               "(NP (NP (DT the) (NN envoy)) (SBAR (WHNP (WP who)) (S (VP (VBD visited) "
               "(NP (NNP Gondor))))))");
}

Test(chunk, verb_groups)
{
    expect_has("Arnor/NNP will/MD meet/VB Gondor/NNP ./.",
               "(VP (MD will) (VP (VB meet) (NP (NNP Gondor))))");
    expect_has("Arnor/NNP has/VBZ signed/VBN a/DT treaty/NN ./.",
               "(VP (VBZ has) (VP (VBN signed) (NP (DT a) (NN treaty))))");
    expect_has("Gondor/NNP was/VBD attacked/VBN by/IN Mordor/NNP ./.",
               "(VP (VBD was) (VP (VBN attacked) (PP (IN by) (NP (NNP Mordor)))))");
    expect_has("Arnor/NNP will/MD not/RB meet/VB Gondor/NNP ./.",
               "(VP (MD will) (RB not) (VP (VB meet)");
    expect_has("Soldiers/NNS cordoned/VBD off/RP the/DT roads/NNS ./.",
               "(VP (VBD cordoned) (PRT (RP off)) (NP (DT the) (NNS roads)))");
    expect_has("Arnor/NNP pledged/VBD to/TO begin/VB talks/NNS ./.",
               "(VP (VBD pledged) (S (VP (TO to) (VP (VB begin) (NP (NNS talks))))))");
    expect_has("Arnor/NNP condemned/VBD the/DT attack/NN and/CC promised/VBD aid/NN ./.",
               "(VP (VP (VBD condemned) (NP (DT the) (NN attack))) (CC and) "
               "(VP (VBD promised) (NP (NN aid))))");
}

Test(chunk, clauses)
{
    expect_has("Arnor/NNP said/VBD that/IN Gondor/NNP attacked/VBD Rohan/NNP ./.",
               "(VP (VBD said) (SBAR (IN that) (S (NP (NNP Gondor)) (VP (VBD attacked) "
               "(NP (NNP Rohan))))))");
    expect_has("Arnor/NNP said/VBD Gondor/NNP attacked/VBD Rohan/NNP ./.",
               "(VP (VBD said) (SBAR (S (NP (NNP Gondor)) (VP (VBD attacked)");
    expect_has("Arnor/NNP left/VBD after/IN Gondor/NNP attacked/VBD ./.",
               "(SBAR (IN after) (S (NP (NNP Gondor)) (VP (VBD attacked))))");
    cr_expect_str_eq(build("Arnor/NNP attacked/VBD Gondor/NNP ,/, officials/NNS said/VBD ./."),
                     "(ROOT (S (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor)))) (, ,) "
                     "(NP (NNS officials)) (VP (VBD said)) (. .)))");
    expect_has("According/VBG to/TO officials/NNS ,/, Arnor/NNP attacked/VBD Gondor/NNP ./.",
               "(PP (VBG According) (PP (TO to) (NP (NNS officials))))");
    expect_has("Arnor/NNP attacked/VBD Gondor/NNP and/CC Rohan/NNP retreated/VBD ./.",
               "(S (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor)))) (CC and) "
               "(S (NP (NNP Rohan)) (VP (VBD retreated))) (. .))");
    /* a time phrase between subject and verb modifies the clause */
    expect_has("France/NNP on/IN Wednesday/NNP accused/VBD Rwanda/NNP ./.",
               "(S (NP (NNP France)) (PP (IN on) (NP (NNP Wednesday))) (VP (VBD accused) "
               "(NP (NNP Rwanda))) (. .))");
    expect_has("Soldiers/NNS from/IN Gondor/NNP attacked/VBD ./.",
               "(NP (NP (NNS Soldiers)) (PP (IN from) (NP (NNP Gondor))))");
    /* a subject's reduced relative holding a relative clause: the clause's
     * verb is found past the relative clause's own */
    expect_has("A/DT woman/NN believed/VBN linked/VBN to/TO Arnor/NNP who/WP shot/VBD at/IN "
               "officers/NNS while/IN in/IN detention/NN was/VBD extradited/VBN ./.",
               "(S (NP (NP (DT A) (NN woman)) (VP (VBN believed) (VP (VBN linked) (PP (TO to) "
               "(NP (NP (NNP Arnor)) (SBAR (WHNP (WP who)) (S (VP (VBD shot) (PP (IN at) "
               "(NP (NNS officers))) (PP (IN while) (PP (IN in) (NP (NN detention)))))))))))) "
               "(VP (VBD was) (VP (VBN extradited))) (. .))");
}

Test(chunk, more_shapes)
{
    expect_has("Arnor/NNP attacked/VBD Gondor/NNP on/IN Monday/NNP and/CC met/VBD "
               "Rohan/NNP Tuesday/NNP ./.",
               "(NP-TMP (NNP Tuesday))");
    cr_expect_str_eq(build("Arnor/NNP attacked/VBD Gondor/NNP ,/, said/VBD the/DT "
                           "minister/NN ./."),
                     "(ROOT (SINV (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor)))) "
                     "(, ,) (VP (VBD said)) (NP (DT the) (NN minister)) (. .)))");
    expect_has("Arnor/NNP attacked/VBD Gondor/NNP ,/, officials/NNS said/VBD ,/, "
               "killing/VBG ten/CD ./.",
               "(PRN (, ,) (S (NP (NNS officials)) (VP (VBD said))) (, ,))");
    expect_has("Arnor/NNP killed/VBD at/IN least/JJS 20/CD people/NNS ./.",
               "(NP (QP (IN at) (JJS least) (CD 20)) (NNS people))");
    expect_has("Arnor/NNP and/CC Gondor/NNP leaders/NNS met/VBD ./.",
               "(NP (NP (NNP Arnor) (CC and) (NNP Gondor)) (NNS leaders))");
    expect_has("Lawmakers/NNS and/CC officials/NNS in/IN Arnor/NNP met/VBD ./.",
               "(NP (NP (NNS Lawmakers) (CC and) (NNS officials)) (PP (IN in) "
               "(NP (NNP Arnor))))");
    expect_has("Arnor/NNP urged/VBD Gondor/NNP to/TO respond/VB ./.",
               "(S (NP (NNP Gondor)) (VP (TO to) (VP (VB respond))))");
    expect_has("A/DT report/NN released/VBN Tuesday/NNP alleged/VBD that/IN Arnor/NNP "
               "lied/VBD ./.",
               "(NP (NP (DT A) (NN report)) (VP (VBN released) (NP-TMP (NNP Tuesday))))");
    expect_has("Soldiers/NNS from/IN Gondor/NNP attacked/VBD ./.",
               "(NP (NP (NNS Soldiers)) (PP (IN from) (NP (NNP Gondor))))");
    expect_has("Arnor/NNP met/VBD Gondor/NNP in/IN Rohan/NNP ./.",
               "(VP (VBD met) (NP (NNP Gondor)) (PP (IN in) (NP (NNP Rohan))))");
}

/* The tree is what the coder needs: formatted, it codes like a parse. */
Test(chunk, codes)
{
    static const char verbs[] = "--- ATTACK [190] ---\nATTACK {ATTACKED}\n\n"
                                "--- MEET [036] ---\nMEET {MET}\n- * WITH + [040]\n";
    static const char actors[] = "ARNOR_ [ARN]\n\nGONDOR_ [GON]\n\nROHAN_ [ROH]\n";
    dyad_builder *b = dyad_builder_create();
    cr_assert_not_null(b);
    cr_assert_eq(dyad_builder_add_buffer(b, DYAD_DICT_VERBS, "v", verbs, strlen(verbs)), DYAD_OK);
    cr_assert_eq(dyad_builder_add_buffer(b, DYAD_DICT_ACTORS, "a", actors, strlen(actors)),
                 DYAD_OK);
    dyad_engine *e = NULL;
    cr_assert_eq(dyad_engine_build(b, &e), DYAD_OK);
    dyad_builder_free(b);
    dyad_coder *c = dyad_coder_create(e);
    cr_assert_not_null(c);
    static const char *const cases[][4] = {
        {"Arnor/NNP attacked/VBD Gondor/NNP ./.", "ARN", "GON", "190"},
        {"Gondor/NNP was/VBD attacked/VBN by/IN Arnor/NNP ./.", "ARN", "GON", "190"},
        {"Arnor/NNP met/VBD with/IN Gondor/NNP in/IN Rohan/NNP ./.", "ARN", "GON", "040"},
        {"Arnor/NNP will/MD attack/VB Gondor/NNP 's/POS army/NN ,/, officials/NNS said/VBD ./.",
         "ARN", "GON", "190"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        dy_arena_reset(arena);
        const char *tree = build(cases[k][0]);
        dyad_sentence s = {.id = "t", .date = "20150101", .parse = tree};
        dyad_result r;
        cr_assert_eq(dyad_code_sentence(c, &s, &r), DYAD_OK, "%s", dyad_coder_error(c));
        cr_assert_eq(r.n_events, 1, "%s: %zu events", tree, r.n_events);
        cr_expect_str_eq(r.events[0].source.code, cases[k][1], "%s", tree);
        cr_expect_str_eq(r.events[0].target.code, cases[k][2], "%s", tree);
        cr_expect_str_eq(r.events[0].code, cases[k][3], "%s", tree);
    }
    dyad_coder_free(c);
    dyad_engine_free(e);
}

/* ---- limits ------------------------------------------------------------ */

Test(chunk, errors_and_limits)
{
    dy_tree t;
    cr_assert_eq(dy_build_tree(arena, NULL, 0, &t, &msg), DYAD_ERR_ARG);
    cr_assert_eq(t.root, -1);
    uint32_t big = 200000;
    dy_token *tok = calloc(big, sizeof *tok);
    cr_assert_not_null(tok);
    for (uint32_t k = 0; k < big; k++) {
        tok[k].text = "of";
        tok[k].len = 2;
        tok[k].tag = DY_TAG_IN;
    }
    cr_assert_eq(dy_build_tree(arena, tok, big, &t, &msg), DYAD_ERR_LIMIT);
    cr_assert_eq(t.root, -1);
    cr_assert(strstr(msg.text, "5000") != NULL, "%s", msg.text);

    /* The longest sentence accepted, in shapes that nest as deep as they
     * can: the tree stays within the reader's depth limit. */
    static const char *const shapes[][2] = {
        {"the", "DT"}, {"minister", "NN"}, {"of", "IN"},
        {"said", "VBD"}, {"that", "IN"}, {"Arnor", "NNP"},
        {"to", "TO"}, {"go", "VB"}, {",", ","}, {"and", "CC"}, {"'s", "POS"},
        {"which", "WDT"}, {"has", "VBZ"}, {"been", "VBN"}, {"big", "JJ"},
    };
    size_t nshapes = sizeof shapes / sizeof shapes[0];
    uint32_t n = DY_CHUNK_MAX_TOKENS;
    double worst_us = 0;
    for (size_t pattern = 0; pattern < 9; pattern++) {
        for (uint32_t k = 0; k < n; k++) {
            size_t s;
            switch (pattern) {
            case 0: s = k % 3; break;                    /* the minister of the minister of */
            case 1: s = 3 + k % 3; break;                /* said that Arnor said that */
            case 2: s = k % 2 ? 7 : 6; break;            /* to go to go */
            case 3: s = (k * 7919u) % nshapes; break;    /* a scramble */
            case 4: s = k % 4 == 3 ? 11 : k % 4; break;  /* the minister of which */
            case 5: s = k % 2 ? 8 : 14; break;           /* big , big , big */
            case 6: s = k % 2 ? 9 : 14; break;           /* big and big and big */
            case 7: s = k % 2 ? 8 : 5; break;            /* Arnor , Arnor , Arnor */
            default: s = 5; break;                       /* Arnor Arnor Arnor */
            }
            tok[k].text = shapes[s][0];
            tok[k].len = (uint16_t)strlen(shapes[s][0]);
            tok[k].tag = dy_tag_parse(shapes[s][1]);
        }
        dy_arena_reset(arena);
        double t0 = cpu_us();
        cr_assert_eq(dy_build_tree(arena, tok, n, &t, &msg), DYAD_OK, "%s", msg.text);
        double us = cpu_us() - t0;
        if (us > worst_us)
            worst_us = us;
        check_tree(&t, tok, n);
    }
    printf("chunk limits: the slowest of nine %u-token inputs took %.0f us\n", n, worst_us);
    fflush(stdout);
    if (TIMING_CHECKED)     /* linear: about a millisecond; quadratic would be far more */
        cr_expect_leq(worst_us, 20000.0, "%.0f us for %u tokens", worst_us, n);
    /* untagged tokens get a guessed tag */
    tok[0] = (dy_token){.text = "Arnor", .len = 5};
    tok[1] = (dy_token){.text = "attacked", .len = 8, .tag = DY_TAG_VBD};
    tok[2] = (dy_token){.text = "(", .len = 1};
    tok[3] = (dy_token){.text = "Gondor", .len = 6};
    tok[4] = (dy_token){.text = ")", .len = 1};
    cr_assert_eq(dy_build_tree(arena, tok, 5, &t, &msg), DYAD_OK);
    cr_expect_str_eq(format_tree(&t), "(ROOT (S (S (NP (NNP Arnor)) (VP (VBD attacked))) "
                                      "(-LRB- -LRB-) (NP (NNP Gondor)) (-RRB- -RRB-)))");
    free(tok);
}

/* Random tag sequences: every tree is well formed. */
Test(chunk, random_tags)
{
    static const char *const words[] = {"the", "of", "that", "said", "has", "been", "to",
                                        "not", "Monday", "'s", "which", "at", "least", ","};
    unsigned seed = 12345;
    dy_token tok[300];
    for (int round = 0; round < 3000; round++) {
        uint32_t n = 1 + (seed = seed * 1103515245u + 12345u) % 120;
        for (uint32_t k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            uint8_t tag = (uint8_t)(1 + (seed >> 8) % (DY_TAG_COUNT - 1));
            const char *w = words[(seed >> 20) % (sizeof words / sizeof words[0])];
            tok[k] = (dy_token){.text = w, .len = (uint16_t)strlen(w), .tag = tag};
        }
        dy_arena_reset(arena);
        dy_tree t;
        cr_assert_eq(dy_build_tree(arena, tok, n, &t, &msg), DYAD_OK, "%s", msg.text);
        check_tree(&t, tok, n);
    }
}

/* ---- evaluation on the PETRARCH sample files -------------------------- */

static const char *shared_dir(void)
{
    const char *d = getenv("DYAD_SHARED");
    return d && *d ? d : "../shared";
}

/* DYAD_SHARED/petrarch2/REL; valid for the next 15 calls (a test uses 7). */
static const char *shared_path(const char *rel)
{
    static char buf[16][1024];
    static int k;
    k = (k + 1) % 16;
    snprintf(buf[k], sizeof buf[k], "%s/petrarch2/%s", shared_dir(), rel);
    return buf[k];
}

static int readable(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    fclose(f);
    return 1;
}

/* A token is punctuation for evalb (COLLINS.prm) by its gold tag. */
static int is_punct_label(const char *l)
{
    return !strcmp(l, ",") || !strcmp(l, ".") || !strcmp(l, ":") || !strcmp(l, "``") ||
           !strcmp(l, "''");
}

typedef struct bracket {
    char label[16];
    int32_t lo, hi;
} bracket;

static int cmp_bracket(const void *a, const void *b)
{
    const bracket *x = a, *y = b;
    int c = strcmp(x->label, y->label);
    if (c)
        return c;
    if (x->lo != y->lo)
        return x->lo < y->lo ? -1 : 1;
    return (x->hi > y->hi) - (x->hi < y->hi);
}

/* The labeled brackets of a tree over non-punctuation positions; the root
 * (ROOT or unlabeled) and preterminals are not brackets; function tags are
 * stripped (NP-TMP is NP). */
static size_t brackets_of(const dy_tree *t, const int32_t *pos, bracket *out)
{
    int32_t n = t->n_nodes;
    int32_t *lo = malloc((size_t)n * sizeof *lo), *hi = malloc((size_t)n * sizeof *hi);
    cr_assert(lo && hi);
    for (int32_t i = 0; i < n; i++) {
        lo[i] = INT32_MAX;
        hi[i] = -1;
        if (t->nodes[i].word && pos[t->nodes[i].token] >= 0)
            lo[i] = hi[i] = pos[t->nodes[i].token];
    }
    for (int32_t i = n - 1; i > 0; i--) {
        int32_t p = t->nodes[i].parent;
        if (lo[i] < lo[p])
            lo[p] = lo[i];
        if (hi[i] > hi[p])
            hi[p] = hi[i];
    }
    size_t m = 0;
    for (int32_t i = 0; i < n; i++) {
        const dy_node *nd = &t->nodes[i];
        if (nd->word || i == t->root || hi[i] < 0)
            continue;
        size_t l = strcspn(nd->label, "-=");
        if (l == 0)
            l = strlen(nd->label);
        if (l > 15)
            l = 15;
        memcpy(out[m].label, nd->label, l);
        out[m].label[l] = '\0';
        out[m].lo = lo[i];
        out[m].hi = hi[i] + 1;
        m++;
    }
    free(lo);
    free(hi);
    qsort(out, m, sizeof *out, cmp_bracket);
    return m;
}

typedef struct prf {
    long match, gold, test;
} prf;

static void prf_add(prf *s, const bracket *g, size_t ng, const bracket *t, size_t nt,
                    const char *only)
{
    size_t a = 0, b = 0;
    while (a < ng || b < nt) {
        if (a < ng && only && strcmp(g[a].label, only) != 0) {
            a++;
            continue;
        }
        if (b < nt && only && strcmp(t[b].label, only) != 0) {
            b++;
            continue;
        }
        if (a < ng && b < nt) {
            int c = cmp_bracket(&g[a], &t[b]);
            if (c == 0) {
                s->match++;
                s->gold++;
                s->test++;
                a++;
                b++;
            } else if (c < 0) {
                s->gold++;
                a++;
            } else {
                s->test++;
                b++;
            }
        } else if (a < ng) {
            s->gold++;
            a++;
        } else {
            s->test++;
            b++;
        }
    }
}

static double f1_of(const prf *s, double *p, double *r)
{
    *p = s->test ? (double)s->match / (double)s->test : 0;
    *r = s->gold ? (double)s->match / (double)s->gold : 0;
    return *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

/* The gold tree's words and tags as tokens. */
static dy_token *gold_tokens(const dy_tree *g)
{
    dy_token *tok = dy_arena_calloc(arena, (size_t)g->n_tokens + 1, sizeof *tok);
    cr_assert_not_null(tok);
    for (int32_t k = 0; k < g->n_tokens; k++) {
        const dy_node *nd = &g->nodes[g->token_node[k]];
        tok[k].text = nd->word;
        tok[k].len = (uint16_t)strlen(nd->word);
        tok[k].tag = tag_of_label(nd->label);
    }
    return tok;
}

/* Reads the gold parse of a record and builds ours; 0 when the gold parse
 * is unreadable.  *ours is the one-line form of our tree; *us (when not
 * NULL) gets the CPU time of the build. */
static int build_for_record(const dyad_record *rec, dy_tree *gold, dy_tree *mine,
                            const char **ours, double *us)
{
    if (dy_treebank_read(arena, rec->parse, rec->parse_len, gold, &msg) != DYAD_OK ||
        gold->n_tokens == 0)
        return 0;
    dy_token *tok = gold_tokens(gold);
    double t0 = cpu_us();
    dyad_status st = dy_build_tree(arena, tok, (uint32_t)gold->n_tokens, mine, &msg);
    if (us)
        *us = cpu_us() - t0;
    cr_assert_eq(st, DYAD_OK, "%s: %s", rec->id, msg.text);
    check_tree(mine, tok, (uint32_t)gold->n_tokens);
    *ours = format_tree(mine);
    return 1;
}

/* Labels reported one by one. */
static const char *const main_labels[] = {"NP", "VP", "PP", "S", "SBAR", "ADJP", "ADVP"};
#define N_MAIN_LABELS (sizeof main_labels / sizeof main_labels[0])

typedef struct bracket_eval {
    prf all, np;
    prf by_label[N_MAIN_LABELS];
    long sentences, unreadable, tokens;
    double build_us;     /* CPU time spent in dy_build_tree */
} bracket_eval;

static void eval_brackets(const char *file, bracket_eval *ev)
{
    dyad_reader *r = NULL;
    cr_assert_eq(dyad_reader_open(file, DYAD_INPUT_PETRXML, &r), DYAD_OK, "%s", file);
    dyad_record rec;
    dyad_status st;
    while ((st = dyad_reader_next(r, &rec)) != DYAD_ERR_EOF) {
        if (st != DYAD_OK || !rec.parse || !*rec.parse)
            continue;
        dy_arena_reset(arena);
        dy_tree gold, mine;
        const char *ours;
        double us;
        if (!build_for_record(&rec, &gold, &mine, &ours, &us)) {
            ev->unreadable++;
            continue;
        }
        ev->sentences++;
        ev->tokens += gold.n_tokens;
        ev->build_us += us;
        int32_t *pos = dy_arena_alloc(arena, (size_t)gold.n_tokens * sizeof *pos);
        int32_t np = 0;
        for (int32_t k = 0; k < gold.n_tokens; k++)
            pos[k] = is_punct_label(gold.nodes[gold.token_node[k]].label) ? -1 : np++;
        bracket *gb = malloc((size_t)gold.n_nodes * sizeof *gb);
        bracket *tb = malloc((size_t)mine.n_nodes * sizeof *tb);
        cr_assert(gb && tb);
        size_t ng = brackets_of(&gold, pos, gb), nt = brackets_of(&mine, pos, tb);
        prf one = {0, 0, 0};
        prf_add(&one, gb, ng, tb, nt, NULL);
        prf_add(&ev->all, gb, ng, tb, nt, NULL);
        prf_add(&ev->np, gb, ng, tb, nt, "NP");
        for (size_t l = 0; l < N_MAIN_LABELS; l++)
            prf_add(&ev->by_label[l], gb, ng, tb, nt, main_labels[l]);
        if (verbose() && (one.match != one.gold || one.match != one.test)) {
            printf("BRACKETS %s %ld/%ld/%ld\n  gold %s\n  ours %s\n", rec.id, one.match,
                   one.gold, one.test, format_tree(&gold), ours);
        }
        free(gb);
        free(tb);
    }
    dyad_reader_close(r);
}

Test(chunk, brackets_against_gold)
{
    const char *files[2] = {shared_path("text/GigaWord.sample.PETR.xml"),
                            shared_path("text/PETR.UnitTest.records.xml")};
    if (!readable(files[0]) || !readable(files[1]))
        cr_skip("%s/petrarch2 is absent (set DYAD_SHARED): bracket evaluation skipped",
                shared_dir());
    bracket_eval per[2];
    memset(per, 0, sizeof per);
    prf all = {0, 0, 0}, np = {0, 0, 0};
    long sentences = 0, tokens = 0;
    double build_us = 0;
    for (int f = 0; f < 2; f++) {
        eval_brackets(files[f], &per[f]);
        double p, r, f1 = f1_of(&per[f].all, &p, &r), np_p, np_r,
                     np_f1 = f1_of(&per[f].np, &np_p, &np_r);
        printf("chunk brackets %s: %ld sentences (%ld unreadable gold parses): "
               "all P %.1f R %.1f F1 %.1f; NP P %.1f R %.1f F1 %.1f\n",
               strrchr(files[f], '/') + 1, per[f].sentences, per[f].unreadable, 100 * p,
               100 * r, 100 * f1, 100 * np_p, 100 * np_r, 100 * np_f1);
        all.match += per[f].all.match;
        all.gold += per[f].all.gold;
        all.test += per[f].all.test;
        np.match += per[f].np.match;
        np.gold += per[f].np.gold;
        np.test += per[f].np.test;
        sentences += per[f].sentences;
        tokens += per[f].tokens;
        build_us += per[f].build_us;
    }
    double p, r, f1 = f1_of(&all, &p, &r), np_p, np_r, np_f1 = f1_of(&np, &np_p, &np_r);
    printf("chunk brackets both files: all P %.1f R %.1f F1 %.1f; NP P %.1f R %.1f F1 %.1f\n",
           100 * p, 100 * r, 100 * f1, 100 * np_p, 100 * np_r, 100 * np_f1);
    printf("chunk brackets by label (both files):");
    for (size_t l = 0; l < N_MAIN_LABELS; l++) {
        prf sum = per[0].by_label[l];
        sum.match += per[1].by_label[l].match;
        sum.gold += per[1].by_label[l].gold;
        sum.test += per[1].by_label[l].test;
        double lp, lr, lf = f1_of(&sum, &lp, &lr);
        printf(" %s %.1f (%ld gold)", main_labels[l], 100 * lf, sum.gold);
    }
    printf("\n");
    printf("chunk brackets: %ld sentences of %.1f tokens on average built in %.2f us "
           "each (%.0f ns per token)\n",
           sentences, sentences ? (double)tokens / (double)sentences : 0,
           sentences ? build_us / (double)sentences : 0,
           tokens ? 1e3 * build_us / (double)tokens : 0);
    fflush(stdout);
    /* floors just below what the builder reaches (docs/phrase-structure.md) */
    cr_expect_geq(np_f1, 0.91, "NP bracket F1 %.3f fell below 0.91", np_f1);
    cr_expect_geq(f1, 0.88, "bracket F1 %.3f fell below 0.88", f1);
}

/* ---- coding with our trees -------------------------------------------- */

typedef struct evset {
    char items[64][96];
    int n;
} evset;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(a, b);
}

static void set_add(evset *s, const char *src, const char *tgt, const char *code)
{
    if (s->n == 64)
        return;
    snprintf(s->items[s->n], sizeof s->items[0], "(%s,%s,%s)", src && *src ? src : "---",
             tgt && *tgt ? tgt : "---", code ? code : "");
    for (int k = 0; k < s->n; k++)
        if (strcmp(s->items[k], s->items[s->n]) == 0)
            return;
    s->n++;
}

static void set_sort(evset *s)
{
    qsort(s->items, (size_t)s->n, sizeof s->items[0], cmp_str);
}

static int set_has(const evset *s, const char *item)
{
    for (int k = 0; k < s->n; k++)
        if (strcmp(s->items[k], item) == 0)
            return 1;
    return 0;
}

static int set_equal(const evset *a, const evset *b)
{
    if (a->n != b->n)
        return 0;
    for (int k = 0; k < a->n; k++)
        if (strcmp(a->items[k], b->items[k]) != 0)
            return 0;
    return 1;
}

static void set_print(const char *what, const evset *s)
{
    printf(" %s {", what);
    for (int k = 0; k < s->n; k++)
        printf("%s%s", k ? " " : "", s->items[k]);
    printf("}");
}

static dyad_engine *engine_of(const char *const *files, const dyad_dict_kind *kinds, size_t n)
{
    dyad_builder *b = dyad_builder_create();
    cr_assert_not_null(b);
    for (size_t k = 0; k < n; k++)
        cr_assert_eq(dyad_builder_add_file(b, kinds[k], files[k]), DYAD_OK, "%s: %s", files[k],
                     dyad_builder_last_error(b));
    dyad_engine *e = NULL;
    cr_assert_eq(dyad_engine_build(b, &e), DYAD_OK);
    dyad_builder_free(b);
    return e;
}

/* Codes a record with the given parse; fills the event set, returns the
 * status and sets *kind to the error kind on failure. */
static dyad_status code_with(dyad_coder *c, const dyad_record *rec, const char *parse,
                             evset *out, const char **kind)
{
    for (size_t k = 0; k < rec->n_config; k++)
        dyad_options_set(dyad_coder_options(c), rec->config[k].name, rec->config[k].value);
    dyad_sentence s = {.id = rec->id, .date = rec->date, .text = rec->text, .parse = parse};
    dyad_result res;
    dyad_status st = dyad_code_sentence(c, &s, &res);
    out->n = 0;
    *kind = "";
    if (st == DYAD_OK) {
        for (size_t k = 0; k < res.n_events; k++)
            set_add(out, res.events[k].source.code, res.events[k].target.code,
                    res.events[k].code);
    } else {
        *kind = dyad_coder_error_kind(c);
        if ((!*kind) && st == DYAD_ERR_DISCARD)
            *kind = res.discarded == 2 ? "storydiscard" : "sentencediscard";
    }
    set_sort(out);
    return st;
}

/* The validate command's verdict for one record. */
static int record_passes(const dyad_record *rec, dyad_status st, const char *kind,
                         const evset *got)
{
    evset want = {.n = 0};
    const char *want_error = NULL;
    int want_none = 0;
    for (size_t k = 0; k < rec->n_expected; k++) {
        const dyad_expected *e = &rec->expected[k];
        if (e->error)
            want_error = e->error;
        else if (e->noevents)
            want_none = 1;
        else if (e->code)
            set_add(&want, e->source, e->target, e->code);
    }
    set_sort(&want);
    if (!want_error && !want_none && want.n == 0)
        want_none = 1;
    if (want_error)
        return st != DYAD_OK && strcmp(kind, want_error) == 0;
    if (want_none)
        return (st == DYAD_OK || st == DYAD_ERR_DISCARD) && got->n == 0;
    return st == DYAD_OK && set_equal(&want, got);
}

Test(chunk, coding_unit_test_records)
{
    const char *records = shared_path("text/PETR.UnitTest.records.xml");
    const char *dicts[4] = {shared_path("dictionaries/PETR.Validate.verbs.txt"),
                            shared_path("dictionaries/PETR.Validate.actors.txt"),
                            shared_path("dictionaries/PETR.Validate.agents.txt"),
                            shared_path("dictionaries/PETR.Validate.discards.txt")};
    const char *const *paths = dicts;
    if (!readable(records) || !readable(paths[0]))
        cr_skip("%s/petrarch2 is absent (set DYAD_SHARED): coding evaluation skipped",
                shared_dir());
    static const dyad_dict_kind kinds[4] = {DYAD_DICT_VERBS, DYAD_DICT_ACTORS,
                                            DYAD_DICT_AGENTS, DYAD_DICT_DISCARDS};
    dyad_engine *e = engine_of(paths, kinds, 4);
    dyad_coder *cg = dyad_coder_create(e), *cm = dyad_coder_create(e);
    cr_assert(cg && cm);
    dyad_reader *r = NULL;
    cr_assert_eq(dyad_reader_open(records, DYAD_INPUT_PETRXML, &r), DYAD_OK);
    dyad_record rec;
    dyad_status st;
    long total = 0, gold_pass = 0, mine_pass = 0, both_pass = 0, unreadable = 0;
    while ((st = dyad_reader_next(r, &rec)) != DYAD_ERR_EOF) {
        if (st != DYAD_OK)
            continue;
        total++;
        dy_arena_reset(arena);
        evset g, m = {.n = 0};
        const char *gk, *mk = "";
        dyad_status gs = code_with(cg, &rec, rec.parse ? rec.parse : "", &g, &gk);
        int gp = record_passes(&rec, gs, gk, &g);
        gold_pass += gp;
        dy_tree gold, mine;
        const char *ours = NULL;
        int mp = 0;
        if (rec.parse && build_for_record(&rec, &gold, &mine, &ours, NULL)) {
            dyad_status ms = code_with(cm, &rec, ours, &m, &mk);
            mp = record_passes(&rec, ms, mk, &m);
        } else {
            unreadable++;
            for (size_t k = 0; k < rec.n_config; k++)   /* keep the options in step */
                dyad_options_set(dyad_coder_options(cm), rec.config[k].name,
                                 rec.config[k].value);
        }
        mine_pass += mp;
        both_pass += mp && gp;
        if (verbose() && gp != mp && !(gp && !mp))
            printf("CODING %s: passes with our tree, not with the gold parse\n", rec.id);
        if (verbose() && gp && !mp) {
            printf("CODING %s:", rec.id);
            set_print("gold-parse", &g);
            set_print("ours", &m);
            printf(" %s\n  ours %s\n", mk, ours ? ours : "(gold parse unreadable: no tokens)");
        }
    }
    dyad_reader_close(r);
    printf("chunk coding PETR.UnitTest.records.xml: %ld records; gold parses pass %ld; "
           "our trees (gold tags) pass %ld (%.1f%%), %ld of them among the gold parses' "
           "passes; %ld gold parses unreadable (no tokens: counted as failures)\n",
           total, gold_pass, mine_pass, total ? 100.0 * (double)mine_pass / (double)total : 0,
           both_pass, unreadable);
    fflush(stdout);
    dyad_coder_free(cg);
    dyad_coder_free(cm);
    dyad_engine_free(e);
    cr_expect_eq(gold_pass, 277, "the coder itself changed: gold parses pass %ld", gold_pass);
    cr_expect_geq(mine_pass, 268, "our trees pass %ld records, fewer than 268", mine_pass);
}

Test(chunk, coding_gigaword_sample)
{
    const char *records = shared_path("text/GigaWord.sample.PETR.xml");
    const char *rel[6] = {"dictionaries/CAMEO.2.0.txt",
                          "dictionaries/Phoenix.Countries.actors.txt",
                          "dictionaries/Phoenix.International.actors.txt",
                          "dictionaries/Phoenix.MilNonState.actors.txt",
                          "dictionaries/Phoenix.agents.txt",
                          "dictionaries/Phoenix.discards.txt"};
    static const dyad_dict_kind kinds[6] = {DYAD_DICT_VERBS, DYAD_DICT_ACTORS,
                                            DYAD_DICT_ACTORS, DYAD_DICT_ACTORS,
                                            DYAD_DICT_AGENTS, DYAD_DICT_DISCARDS};
    const char *paths[6];
    for (int k = 0; k < 6; k++)
        paths[k] = shared_path(rel[k]);
    if (!readable(records) || !readable(paths[0])) {
        cr_skip("%s/petrarch2 is absent (set DYAD_SHARED): coding evaluation skipped",
                shared_dir());
    }
    dyad_engine *e = engine_of(paths, kinds, 6);
    dyad_coder *cg = dyad_coder_create(e), *cm = dyad_coder_create(e);
    cr_assert(cg && cm);
    dyad_reader *r = NULL;
    cr_assert_eq(dyad_reader_open(records, DYAD_INPUT_PETRXML, &r), DYAD_OK);
    dyad_record rec;
    dyad_status st;
    long gold_events = 0, found = 0, extra = 0, ours_events = 0, same_records = 0, n_records = 0;
    long extra_unwrapped = 0;   /* extras on gold parses without a ROOT wrapper */
    while ((st = dyad_reader_next(r, &rec)) != DYAD_ERR_EOF) {
        if (st != DYAD_OK || !rec.parse || !*rec.parse)
            continue;
        dy_arena_reset(arena);
        dy_tree gold, mine;
        const char *ours;
        if (!build_for_record(&rec, &gold, &mine, &ours, NULL))
            continue;
        n_records++;
        evset g, m;
        const char *gk, *mk;
        code_with(cg, &rec, rec.parse, &g, &gk);
        code_with(cm, &rec, ours, &m, &mk);
        gold_events += g.n;
        ours_events += m.n;
        for (int k = 0; k < g.n; k++)
            found += set_has(&m, g.items[k]);
        /* a gold parse that is a bare "(S ...)" loses its first phrase in
         * the coder (it expects ROOT around the sentence) */
        const char *q = rec.parse;
        while (*q == ' ' || *q == '\n' || *q == '\t' || *q == '\r')
            q++;
        int unwrapped = q[0] == '(' && q[1] != '(' && q[1] != ' ' && strncmp(q, "(ROOT", 5) != 0;
        for (int k = 0; k < m.n; k++) {
            int x = !set_has(&g, m.items[k]);
            extra += x;
            extra_unwrapped += x && unwrapped;
        }
        same_records += set_equal(&g, &m);
        if (verbose() && !set_equal(&g, &m)) {
            printf("GIGAWORD %s:", rec.id);
            set_print("gold-parse", &g);
            set_print("ours", &m);
            printf("\n  ours %s\n", ours);
        }
    }
    dyad_reader_close(r);
    double recall = gold_events ? (double)found / (double)gold_events : 1;
    double extra_rate = gold_events ? (double)extra / (double)gold_events : 0;
    printf("chunk coding GigaWord.sample.PETR.xml (Phoenix dictionaries): %ld records, "
           "%ld events from gold parses, %ld from our trees; gold-parse events found %ld "
           "(%.1f%%), extra %ld (%.1f%% of gold-parse events); records with identical "
           "events %ld; %ld of the extra events come from gold parses without a ROOT "
           "wrapper, which the coder misreads\n",
           n_records, gold_events, ours_events, found, 100 * recall, extra, 100 * extra_rate,
           same_records, extra_unwrapped);
    fflush(stdout);
    dyad_coder_free(cg);
    dyad_coder_free(cm);
    dyad_engine_free(e);
    cr_expect_geq(recall, 0.92, "gold-parse events found %.3f, below 0.92", recall);
    cr_expect_leq(extra_rate, 0.12, "extra events %.3f, above 0.12", extra_rate);
}

/* ---- speed --------------------------------------------------------------- */

Test(chunk, speed)
{
    const char *s =
        "The/DT foreign/JJ ministers/NNS of/IN Arnor/NNP and/CC Gondor/NNP ,/, who/WP "
        "met/VBD in/IN Minas/NNP Tirith/NNP on/IN Monday/NNP ,/, said/VBD that/IN they/PRP "
        "would/MD not/RB sign/VB the/DT treaty/NN proposed/VBN by/IN Mordor/NNP 's/POS "
        "envoy/NN ,/, officials/NNS said/VBD ./.";
    uint32_t n;
    dy_token *tok = tokens_of(s, &n);
    dy_arena *a = dy_arena_create(0);
    cr_assert_not_null(a);
    int reps = 20000;
    double t0 = cpu_us();
    for (int k = 0; k < reps; k++) {
        dy_arena_reset(a);
        dy_tree t;
        cr_assert_eq(dy_build_tree(a, tok, n, &t, &msg), DYAD_OK);
    }
    double us = (cpu_us() - t0) / reps;

    /* the longest input accepted: the sentence above again and again */
    uint32_t big = DY_CHUNK_MAX_TOKENS / n * n;
    dy_token *many = malloc(big * sizeof *many);
    cr_assert_not_null(many);
    for (uint32_t k = 0; k < big; k++)
        many[k] = tok[k % n];
    dy_arena_reset(a);
    t0 = cpu_us();
    dy_tree t;
    cr_assert_eq(dy_build_tree(a, many, big, &t, &msg), DYAD_OK);
    double big_us = cpu_us() - t0;
    printf("chunk speed: %.2f us per sentence of %u tokens (CPU time); %u tokens in one "
           "input: %.0f us, %.0f ns per token\n",
           us, n, big, big_us, 1e3 * big_us / big);
    fflush(stdout);
    free(many);
    dy_arena_free(a);
    if (TIMING_CHECKED) {
        /* generous bounds: a guard against lost linearity, not a benchmark */
        cr_expect_leq(us, 20.0, "%.2f us per sentence", us);
        cr_expect_leq(big_us / big, 10 * us / n + 1.0, "long input: %.0f us", big_us);
    }
}

/* Unit tests for lib/dict/discards.c (and the text trie in phrase.c). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict/engine.h"
#include "dict_test_util.h"

typedef struct fixture {
    dy_intern *words;
    dy_discards *discards;
    dy_test_warnings warn;
    dy_diag_sink sink;
} fixture;

static fixture *load(const char *text)
{
    fixture *f = calloc(1, sizeof *f);
    cr_assert_not_null(f);
    f->words = dy_intern_create();
    f->discards = dy_discards_create(f->words);
    cr_assert_not_null(f->discards);
    f->sink = (dy_diag_sink){.fn = dy_test_collect, .user = &f->warn};
    if (text) {
        cr_assert_eq(dy_discards_load(f->discards, "test.discards", text, strlen(text), &f->sink),
                     DYAD_OK);
        cr_assert_eq(dy_discards_finish(f->discards), DYAD_OK);
    }
    return f;
}

static void release(fixture *f)
{
    dy_discards_free(f->discards);
    dy_intern_free(f->words);
    free(f);
}

/* 0, 1 or 2, and the phrase found ("" for none). */
static int check(const fixture *f, const char *text, const char **phrase)
{
    const char *p = NULL;
    int r = dy_discards_check(f->discards, text, strlen(text), &p);
    if (phrase)
        *phrase = p ? p : "";
    return r;
}

/* The <Text> of the record with this id in PETR.UnitTest.records.xml,
 * copied into out; false when absent. */
static bool record_text(const char *records, const char *id, char *out, size_t cap)
{
    char key[64];
    snprintf(key, sizeof key, "id=\"%s\"", id);
    const char *rec = strstr(records, key);
    const char *open = rec ? strstr(rec, "<Text>") : NULL;
    const char *close = open ? strstr(open, "</Text>") : NULL;
    if (!close)
        return false;
    open += strlen("<Text>");
    size_t n = (size_t)(close - open);
    if (n >= cap)
        n = cap - 1;
    memcpy(out, open, n);
    out[n] = '\0';
    return true;
}

Test(discards, sentence_and_story_discards_any_case)
{
    fixture *f = load("# sports\nCRICKET MATCH\n+HURRICANE   # whole story\n+ World Chess Finals\n");
    const char *phrase;
    cr_assert_eq(check(f, "The cricket match was rained off.", &phrase), 1);
    cr_assert_str_eq(phrase, "CRICKET MATCH");
    cr_assert_eq(check(f, "A HURRICANE hit the coast", &phrase), 2);
    cr_assert_str_eq(phrase, "HURRICANE");
    cr_assert_eq(check(f, "the world\n  chess\tfinals opened", &phrase), 2, "any white space between words");
    cr_assert_str_eq(phrase, "WORLD CHESS FINALS");
    cr_assert_eq(check(f, "Gondor and Arnor signed a treaty.", &phrase), 0);
    cr_assert_str_eq(phrase, "");
    cr_assert_eq(dy_discards_count(f->discards), 3);
    cr_assert_eq(f->sink.count, 0);
    release(f);
}

Test(discards, story_discards_have_priority)
{
    fixture *f = load("CRICKET\n+HURRICANE\n");
    const char *phrase;
    cr_assert_eq(check(f, "cricket was stopped by a hurricane", &phrase), 2);
    cr_assert_str_eq(phrase, "HURRICANE");
    release(f);
}

Test(discards, stems_and_word_ends)
{
    fixture *f = load("BASEBALL\nGROUP A_\nASIAN CUP\n");
    cr_assert_eq(check(f, "a baseball competition", NULL), 1);
    cr_assert_eq(check(f, "the baseballs", NULL), 1, "no '_': a stem");
    cr_assert_eq(check(f, "Baseball.", NULL), 1);
    cr_assert_eq(check(f, "nonbaseball", NULL), 0, "must start a word");
    cr_assert_eq(check(f, "(baseball)", NULL), 1);
    cr_assert_eq(check(f, "in Group A, Gondor", NULL), 1);
    cr_assert_eq(check(f, "in group a", NULL), 1);
    cr_assert_eq(check(f, "Group A's winner", NULL), 1, "punctuation ends a word");
    cr_assert_eq(check(f, "in group ab", NULL), 0, "'_': must end a word");
    cr_assert_eq(check(f, "the Asian Cupola", NULL), 1);
    release(f);
}

Test(discards, underscores_join_words)
{
    fixture *f = load("WORLD_CUP\nSEMI-FINAL\n");
    cr_assert_eq(check(f, "the World Cup", NULL), 1);
    cr_assert_eq(check(f, "the semi-finals", NULL), 1);
    cr_assert_eq(check(f, "the semi finals", NULL), 0);
    release(f);
}

Test(discards, malformed_lines_warn_and_the_rest_loads)
{
    fixture *f = load("+\n"                 /* 1 no phrase */
                      "_\n"                 /* 2 no phrase */
                      "TENNIS\n"            /* 3 */
                      "tennis\n"            /* 4 repeats line 3 */
                      "+TENNIS\n"           /* 5 a story discard: not a repeat */
                      "BAD\x01WORD\n"       /* 6 control byte */
                      "GOLF\n");
    cr_assert(dy_test_warned(&f->warn, 1, "no phrase"));
    cr_assert(dy_test_warned(&f->warn, 2, "no phrase"));
    cr_assert(dy_test_warned(&f->warn, 4, "repeats test.discards:3"));
    cr_assert(dy_test_warned(&f->warn, 6, "0x01"));
    cr_assert_eq(f->sink.count, 4);
    cr_assert_eq(dy_discards_count(f->discards), 3);
    cr_assert_eq(check(f, "tennis", NULL), 2);
    cr_assert_eq(check(f, "golf", NULL), 1);
    release(f);
}

Test(discards, empty_dictionary_and_null_arguments)
{
    fixture *f = load("");
    const char *phrase = "x";
    cr_assert_eq(dy_discards_check(f->discards, "anything", 8, &phrase), 0);
    cr_assert_null(phrase);
    cr_assert_eq(dy_discards_check(NULL, "anything", 8, &phrase), 0);
    release(f);
    f = load("TYPHOON\n");
    cr_assert_eq(dy_discards_check(f->discards, "typhoon", 3, NULL), 0, "only len bytes are read");
    cr_assert_eq(dy_discards_check(f->discards, "", 0, NULL), 0);
    release(f);
}

Test(discards, petrarch_unit_test_records)
{
    size_t len, rlen;
    char *dict = dy_test_read_shared(&len, "petrarch2/dictionaries/PETR.Validate.discards.txt");
    char *records = dy_test_read_shared(&rlen, "petrarch2/text/PETR.UnitTest.records.xml");
    if (!dict || !records) {
        free(dict);
        free(records);
        cr_skip("shared PETRARCH files absent");
    }
    fixture *f = load(NULL);
    cr_assert_eq(dy_discards_load(f->discards, "PETR.Validate.discards.txt", dict, len, &f->sink),
                 DYAD_OK);
    cr_assert_eq(f->sink.count, 0);
    static const struct {
        const char *id;
        int expect;
        const char *phrase;
    } cases[] = {
        {"DISCARD-01", 2, "TYPHOON"},
        {"DISCARD-02", 2, "WORLD GOLF CHAMPIONSHIPS"},
        {"DISCARD-03", 1, "BASEBALL"},
        {"DISCARD-04", 1, "AFRICAN NATIONS CUP"},
        {"ERROR-02", 0, ""},
    };
    char text[4096];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cr_assert(record_text(records, cases[i].id, text, sizeof text), "record %s", cases[i].id);
        const char *phrase;
        cr_assert_eq(check(f, text, &phrase), cases[i].expect, "record %s", cases[i].id);
        cr_assert_str_eq(phrase, cases[i].phrase, "record %s", cases[i].id);
    }
    free(dict);
    free(records);
    release(f);
}

Test(discards, phoenix_list)
{
    size_t len;
    char *dict = dy_test_read_shared(&len, "petrarch2/dictionaries/Phoenix.discards.txt");
    if (!dict)
        cr_skip("shared Phoenix dictionaries absent");
    fixture *f = load(NULL);
    cr_assert_eq(dy_discards_load(f->discards, "Phoenix.discards.txt", dict, len, &f->sink), DYAD_OK);
    cr_assert_eq(f->sink.count, 0);
    cr_assert_eq(dy_discards_count(f->discards), 506);
    cr_assert_eq(check(f, "In 1914 the old kingdom fell.", NULL), 1);
    cr_assert_eq(check(f, "Gondor beat Arnor in the World Golf Championships", NULL), 2);
    cr_assert_eq(check(f, "Gondor and Arnor agreed to talks.", NULL), 0);
    free(dict);
    release(f);
}

Test(discards, phrases_anywhere_in_long_texts)
{
    /* The scan reads the text in pieces: put the phrase everywhere. */
    fixture *f = load("WORLD CHESS FINAL\n+GRAND PRIX\nCRICKET_\n");
    char text[1200];
    for (size_t at = 0; at < 700; at++) {
        size_t n = 0;
        for (size_t i = 0; i < at; i++)
            text[n++] = i % 6 == 5 ? ' ' : (char)('m' + i % 7);
        if (at)
            text[n - 1] = ' ';
        const char *phrase = (at % 3 == 0) ? "World  Chess\nfinals" : (at % 3 == 1) ? "grand prix" : "cricket";
        n += (size_t)sprintf(text + n, "%s", phrase);
        if (at % 2)
            n += (size_t)sprintf(text + n, " and more words after it");
        text[n] = '\0';
        const char *found;
        int want = at % 3 == 1 ? 2 : 1;
        cr_assert_eq(check(f, text, &found), want, "phrase at %zu", at);
        text[n - (at % 2 ? 24 : 0) - 1] = 'q';      /* spoil its last letter */
        if (at % 3 != 0)
            cr_assert_eq(check(f, text, NULL), 0, "spoilt phrase at %zu", at);
    }
    release(f);
}

Test(discards, stems_of_every_length)
{
    fixture *f = load("F1\nNBA\nJUDO\nCHAMP\nSNOOKERS\nMARATHONER\n(AFP SPORT\nWORLD WAR 2\n");
    cr_assert_eq(check(f, "the f1 race", NULL), 1);
    cr_assert_eq(check(f, "F1s", NULL), 1);
    cr_assert_eq(check(f, "af1", NULL), 0);
    cr_assert_eq(check(f, "NBA", NULL), 1);
    cr_assert_eq(check(f, "nbafinals", NULL), 1, "a stem");
    cr_assert_eq(check(f, "the nb a", NULL), 0);
    cr_assert_eq(check(f, "judoka", NULL), 1);
    cr_assert_eq(check(f, "Championships", NULL), 1, "a stem of 5 in a long word");
    cr_assert_eq(check(f, "champ", NULL), 1);
    cr_assert_eq(check(f, "chimp", NULL), 0);
    cr_assert_eq(check(f, "snookers", NULL), 1);
    cr_assert_eq(check(f, "snooker", NULL), 0);
    cr_assert_eq(check(f, "marathoners", NULL), 1);
    cr_assert_eq(check(f, "marathon", NULL), 0);
    cr_assert_eq(check(f, "said (AFP Sport)", NULL), 1, "a phrase beginning with punctuation");
    cr_assert_eq(check(f, "AFP sport", NULL), 0);
    cr_assert_eq(check(f, "after world war 2", NULL), 1);
    cr_assert_eq(check(f, "after world war 20", NULL), 1, "a stem");
    cr_assert_eq(check(f, "after world war", NULL), 0);
    release(f);
}

/* PETRARCH's rule read plainly, for random texts: 2 when a story discard
 * matches, else 1 when a sentence discard does, else 0. */
typedef struct ref_discard {
    char phrase[32];         /* normalised: uppercase, single blanks */
    bool story, whole_word;
} ref_discard;

static bool is_word(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int reference_check(const ref_discard *d, size_t nd, const char *text, size_t len)
{
    const unsigned char *u = (const unsigned char *)text;
    int result = 0;
    for (size_t i = 0; i < len; i++) {
        if (is_space(u[i]) || (i > 0 && is_word(u[i - 1]) && is_word(u[i])))
            continue;
        for (size_t k = 0; k < nd; k++) {
            const char *p = d[k].phrase;
            size_t j = i;
            bool ok = true;
            for (; *p && ok; p++) {
                if (*p == ' ') {
                    ok = j < len && is_space(u[j]);
                    while (j < len && is_space(u[j]))
                        j++;
                } else {
                    unsigned char c = u[j] >= 'a' && u[j] <= 'z' ? (unsigned char)(u[j] - 32) : u[j];
                    ok = j < len && c == (unsigned char)*p;
                    j++;
                }
            }
            if (!ok)
                continue;
            if (d[k].whole_word && j < len && is_word(u[j]) && is_word(u[j - 1]))
                continue;
            if (d[k].story)
                return 2;
            result = 1;
        }
    }
    return result;
}

Test(discards, agrees_with_a_plain_reading_on_random_texts)
{
    static const char alphabet[] = "AB1 -";
    uint64_t state = 88172645463325252ull;
#define NEXT(n) (state ^= state << 13, state ^= state >> 7, state ^= state << 17, (unsigned)(state % (n)))
    for (int round = 0; round < 60; round++) {
        ref_discard d[30];
        size_t nd = 0;
        char dict[30 * 48];
        size_t dl = 0;
        size_t want = 1 + NEXT(30);
        while (nd < want) {
            ref_discard r = {.story = NEXT(4) == 0, .whole_word = NEXT(3) == 0};
            size_t n = 1 + NEXT(round % 2 ? 3 : 11), k = 0;
            for (size_t i = 0; i < n; i++) {
                char c = alphabet[NEXT(sizeof alphabet - 1)];
                if (c == ' ' && (k == 0 || r.phrase[k - 1] == ' '))
                    continue;
                r.phrase[k++] = c;
            }
            while (k && r.phrase[k - 1] == ' ')
                k--;
            if (k == 0)
                continue;
            r.phrase[k] = '\0';
            bool dup = false;
            for (size_t i = 0; i < nd && !dup; i++)
                dup = strcmp(d[i].phrase, r.phrase) == 0 && d[i].story == r.story &&
                      d[i].whole_word == r.whole_word;
            if (dup)
                continue;
            d[nd++] = r;
            dl += (size_t)sprintf(dict + dl, "%s%s%s\n", r.story ? "+" : "", r.phrase,
                                  r.whole_word ? "_" : "");
        }
        fixture *f = load(dict);
        for (int s = 0; s < 200; s++) {
            char text[700];
            size_t n = NEXT(8) == 0 ? 256 + NEXT(400) : NEXT(60);
            for (size_t i = 0; i < n; i++)
                text[i] = "ab1AB -\t\n,x"[NEXT(11)];
            text[n] = '\0';
            cr_assert_eq(check(f, text, NULL), reference_check(d, nd, text, n),
                         "round %d text '%s'", round, text);
        }
        release(f);
    }
#undef NEXT
}

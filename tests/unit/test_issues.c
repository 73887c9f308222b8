/* Unit tests for lib/dict/issues.c. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict/engine.h"
#include "dict_test_util.h"

typedef struct fixture {
    dy_intern *words;
    dy_issues *issues;
    dy_test_warnings warn;
    dy_diag_sink sink;
} fixture;

static fixture *load(const char *text)
{
    fixture *f = calloc(1, sizeof *f);
    cr_assert_not_null(f);
    f->words = dy_intern_create();
    f->issues = dy_issues_create(f->words);
    cr_assert_not_null(f->issues);
    f->sink = (dy_diag_sink){.fn = dy_test_collect, .user = &f->warn};
    if (text) {
        cr_assert_eq(dy_issues_load(f->issues, "test.issues", text, strlen(text), &f->sink), DYAD_OK);
        cr_assert_eq(dy_issues_finish(f->issues), DYAD_OK);
    }
    return f;
}

static void release(fixture *f)
{
    dy_issues_free(f->issues);
    dy_intern_free(f->words);
    free(f);
}

/* "CODE n, CODE n" as PETRARCH writes them ("" for none). */
static const char *issues_of(const fixture *f, const char *text)
{
    static char out[512];
    dyad_issue found[16];
    size_t n = dy_issues_find(f->issues, text, strlen(text), found, 16);
    size_t k = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n; i++)
        k += (size_t)snprintf(out + k, sizeof out - k, "%s%s %d", i ? ", " : "", found[i].code,
                              found[i].count);
    return out;
}

static const char *ATROCITIES =
    "<ISSUE CATEGORY=\"ID_ATROCITY\" TYPE=\"ALL\">\n"
    "n:atrocity [ID_ATROCITY]\n"
    "ethnic v:purge [ID_ATROCITY]\n"
    "v:massacre [ID_ATROCITY]\n"
    "war n:crime [WAR_CRIME]\n"
    "al+zarqawi network [NAMED_TERROR_GROUP]\n"
    "pre+n:school [EARLY_EDUCATION]\n"
    "~Saturday Night massacre\n"
    "~~Armenian genocide  # not coding historical cases\n"
    "</ISSUE>\n";

Test(issues, noun_forms)
{
    fixture *f = load(ATROCITIES);
    cr_assert_eq(f->sink.count, 0);
    cr_assert_str_eq(issues_of(f, "An atrocity was reported."), "ID_ATROCITY 1");
    cr_assert_str_eq(issues_of(f, "Atrocities were reported."), "ID_ATROCITY 1");
    cr_assert_str_eq(issues_of(f, "He denied war crimes."), "WAR_CRIME 1");
    cr_assert_str_eq(issues_of(f, "A war crime, they said."), "WAR_CRIME 1");
    release(f);
}

Test(issues, verb_forms)
{
    fixture *f = load(ATROCITIES);
    cr_assert_str_eq(issues_of(f, "They massacre"), "ID_ATROCITY 1");
    cr_assert_str_eq(issues_of(f, "It massacres"), "ID_ATROCITY 1");
    cr_assert_str_eq(issues_of(f, "They massacred villagers"), "ID_ATROCITY 1");
    cr_assert_str_eq(issues_of(f, "massacring villagers"), "ID_ATROCITY 1");
    cr_assert_str_eq(issues_of(f, "an ethnic purging"), "ID_ATROCITY 1");
    cr_assert_str_eq(issues_of(f, "ethnic purged"), "ID_ATROCITY 1");
    cr_assert_str_eq(issues_of(f, "massacreing"), "");
    release(f);
}

Test(issues, joins_with_blank_or_hyphen)
{
    fixture *f = load(ATROCITIES);
    cr_assert_str_eq(issues_of(f, "the al zarqawi network"), "NAMED_TERROR_GROUP 1");
    cr_assert_str_eq(issues_of(f, "the Al-Zarqawi network"), "NAMED_TERROR_GROUP 1");
    cr_assert_str_eq(issues_of(f, "the alzarqawi network"), "");
    cr_assert_str_eq(issues_of(f, "two pre-schools"), "EARLY_EDUCATION 1");
    cr_assert_str_eq(issues_of(f, "a pre school"), "EARLY_EDUCATION 1");
    release(f);
}

Test(issues, whole_words_only)
{
    fixture *f = load("oil [OIL]\nn:tourist [TOURISM]\n");
    cr_assert_str_eq(issues_of(f, "Oil prices rose."), "OIL 1");
    cr_assert_str_eq(issues_of(f, "prices of oil."), "OIL 1");
    cr_assert_str_eq(issues_of(f, "the soil"), "");
    cr_assert_str_eq(issues_of(f, "oilfields"), "");
    cr_assert_str_eq(issues_of(f, "touristy"), "");
    release(f);
}

Test(issues, counts_distinct_forms_in_dictionary_order)
{
    fixture *f = load("n:school [SCHOOLS]\nn:teacher [TEACHERS]\noil [OIL]\npetroleum [OIL]\n");
    /* Each distinct form counts once, as in PETRARCH's get_issues. */
    cr_assert_str_eq(issues_of(f, "oil, oil and more oil"), "OIL 1");
    cr_assert_str_eq(issues_of(f, "petroleum and oil"), "OIL 2");
    cr_assert_str_eq(issues_of(f, "school and schools"), "SCHOOLS 2");
    cr_assert_str_eq(issues_of(f, "oil for teachers at a school"), "SCHOOLS 1, TEACHERS 1, OIL 1");
    release(f);
}

Test(issues, any_ignore_phrase_cancels_all_issues)
{
    fixture *f = load(ATROCITIES);
    cr_assert_str_eq(issues_of(f, "the Saturday Night Massacre and an atrocity"), "");
    cr_assert_str_eq(issues_of(f, "an atrocity: the Armenian genocide"), "");
    cr_assert_str_eq(issues_of(f, "a massacre on a Saturday night"), "ID_ATROCITY 1");
    release(f);
}

Test(issues, semicolon_is_not_a_comment)
{
    fixture *f = load("oil;gas [ENERGY]\n");
    cr_assert_eq(f->sink.count, 0);
    cr_assert_str_eq(issues_of(f, "oil;gas"), "ENERGY 1");
    cr_assert_str_eq(issues_of(f, "oil"), "");
    release(f);
}

Test(issues, output_is_capped)
{
    fixture *f = load("a1 [A]\nb1 [B]\nc1 [C]\n");
    dyad_issue out[2];
    cr_assert_eq(dy_issues_find(f->issues, "a1 b1 c1", 8, out, 2), 2);
    cr_assert_str_eq(out[0].code, "A");
    cr_assert_str_eq(out[1].code, "B");
    cr_assert_eq(dy_issues_find(f->issues, "a1 b1 c1", 8, out, 0), 0);
    cr_assert_eq(dy_issues_find(NULL, "a1", 2, out, 2), 0);
    release(f);
}

Test(issues, malformed_lines_warn_and_the_rest_loads)
{
    fixture *f = load("<ISSUE CATEGORY=\"X\" TYPE=\"ALL\">\n"                 /* 1 */
                      "european central bank\n"                           /* 2 no code */
                      "inflation [ECONOMY\n"                              /* 3 missing ] */
                      "press freedom [MEDIA]intimidation of press [MEDIA]\n" /* 4 two entries */
                      "press freedom [MEDIA]\n"                           /* 5 repeat of 4 */
                      "aqim [TERROR] [TERROR]\n"                          /* 6 two codes */
                      "n: [BAD]\n"                                        /* 7 n: alone */
                      "~a head start [EDU]\n"                             /* 8 code on ignore */
                      "lra [TERROR] *******\n"                            /* 9 junk */
                      "[NOPHRASE]\n"                                      /* 10 */
                      "deflation [ECONOMY]\n"                             /* 11 */
                      "</ISSUE>\n");
    cr_assert(dy_test_warned(&f->warn, 2, "no [CODE]"));
    cr_assert(dy_test_warned(&f->warn, 3, "missing ']'"));
    cr_assert(dy_test_warned(&f->warn, 4, "second issue entry"));
    cr_assert(dy_test_warned(&f->warn, 5, "repeats line 4"));
    cr_assert(dy_test_warned(&f->warn, 6, "more than one code"));
    cr_assert(dy_test_warned(&f->warn, 7, "not followed by a word"));
    cr_assert(dy_test_warned(&f->warn, 8, "code on ignore phrase"));
    cr_assert(dy_test_warned(&f->warn, 9, "*******"));
    cr_assert(dy_test_warned(&f->warn, 10, "no phrase"));
    cr_assert_eq(f->sink.count, 9);
    cr_assert_str_eq(issues_of(f, "intimidation of press and press freedom"), "MEDIA 2");
    cr_assert_str_eq(issues_of(f, "AQIM and the LRA"), "TERROR 2");
    cr_assert_str_eq(issues_of(f, "deflation"), "ECONOMY 1");
    cr_assert_str_eq(issues_of(f, "deflation gives a head start"), "");
    release(f);
}

Test(issues, phoenix_list)
{
    size_t len;
    char *data = dy_test_read_shared(&len, "petrarch2/dictionaries/%s", "Phoenix.IssueCoding.txt");
    if (!data)
        cr_skip("shared Phoenix dictionaries absent");
    fixture *f = load(NULL);
    cr_assert_eq(dy_issues_load(f->issues, "Phoenix.IssueCoding.txt", data, len, &f->sink), DYAD_OK);
    cr_assert_eq(dy_issues_finish(f->issues), DYAD_OK);
    cr_assert_eq(dy_issues_count(f->issues), 4745);
    /* Genuine defects only: lines without a code, repeated lines, two
     * entries on one line; see docs/dictionaries.md. */
    cr_assert_eq(f->sink.count, 54);
    cr_assert(dy_test_warned(&f->warn, 141, "no [CODE]"));
    cr_assert(dy_test_warned(&f->warn, 1198, "second issue entry"));
    cr_assert_str_eq(issues_of(f, "Teachers and students protested."), "TEACHERS 1, STUDENTS 1");
    free(data);
    release(f);
}

Test(issues, long_words_and_texts)
{
    fixture *f = load("peacekeeping force [PEACEKEEPING]\npeacekeepers [PEACEKEEPING]\n"
                      "the taliban [TALIBAN]\nun [UN]\nceasefire [CEASEFIRE]\n"
                      "to the un [UN]\n");
    cr_assert_str_eq(issues_of(f, "a peacekeeping  force"), "PEACEKEEPING 1");
    cr_assert_str_eq(issues_of(f, "a peacekeeping forces"), "");
    cr_assert_str_eq(issues_of(f, "peacekeepers."), "PEACEKEEPING 1");
    cr_assert_str_eq(issues_of(f, "peacekeeper"), "");
    cr_assert_str_eq(issues_of(f, "ceasefires"), "", "eight letters, then more");
    cr_assert_str_eq(issues_of(f, "a ceasefire"), "CEASEFIRE 1");
    cr_assert_str_eq(issues_of(f, "The\n Taliban said"), "TALIBAN 1");
    cr_assert_str_eq(issues_of(f, "the talibans"), "");
    cr_assert_str_eq(issues_of(f, "went to the UN."), "UN 2");
    cr_assert_str_eq(issues_of(f, "the unit"), "");
    /* The scan reads the text in pieces: put the phrase everywhere. */
    char text[1200];
    for (size_t at = 0; at < 700; at += 7) {
        size_t n = 0;
        for (size_t i = 0; i < at; i++)
            text[n++] = i % 6 == 5 ? ' ' : 'x';
        if (at)
            text[n - 1] = ' ';
        n += (size_t)sprintf(text + n, "the peacekeeping   force, as before");
        text[n] = '\0';
        cr_assert_str_eq(issues_of(f, text), "PEACEKEEPING 1", "phrase at %zu", at);
    }
    release(f);
}

/* The issue rule read plainly, for random dictionaries of plain phrases
 * (no n:, v: or +) and random texts. */
typedef struct ref_form {
    char phrase[32];         /* uppercase, single blanks */
    int code;                /* -1: an ignore phrase */
} ref_form;

static bool is_word(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool form_found(const char *p, const char *text, size_t len)
{
    const unsigned char *u = (const unsigned char *)text;
    for (size_t i = 0; i < len; i++) {
        if (is_space(u[i]) || (i > 0 && is_word(u[i - 1]) && is_word(u[i])))
            continue;
        size_t j = i;
        bool ok = true;
        for (const char *q = p; *q && ok; q++) {
            if (*q == ' ') {
                ok = j < len && is_space(u[j]);
                while (j < len && is_space(u[j]))
                    j++;
            } else {
                unsigned char c = u[j] >= 'a' && u[j] <= 'z' ? (unsigned char)(u[j] - 32) : u[j];
                ok = j < len && c == (unsigned char)*q;
                j++;
            }
        }
        if (ok && !(j < len && is_word(u[j]) && is_word(u[j - 1])))
            return true;
    }
    return false;
}

static void reference_issues(const ref_form *forms, size_t nf, const char *text, char *out,
                             size_t cap)
{
    int count[32] = {0}, order[32];
    size_t n_codes = 0;
    out[0] = '\0';
    for (size_t k = 0; k < nf; k++) {
        if (!form_found(forms[k].phrase, text, strlen(text)))
            continue;
        if (forms[k].code < 0)
            return;
        if (count[forms[k].code]++ == 0)
            order[n_codes++] = forms[k].code;
    }
    size_t o = 0;
    for (size_t i = 0; i < n_codes; i++)
        o += (size_t)snprintf(out + o, cap - o, "%sC%d %d", i ? ", " : "", order[i], count[order[i]]);
}

Test(issues, agree_with_a_plain_reading_on_random_texts)
{
    static const char alphabet[] = "AB1 -";
    uint64_t state = 88172645463325252ull;
#define NEXT(n) (state ^= state << 13, state ^= state >> 7, state ^= state << 17, (unsigned)(state % (n)))
    for (int round = 0; round < 60; round++) {
        ref_form forms[30];
        size_t nf = 0;
        char dict[30 * 48];
        size_t dl = 0;
        size_t want = 1 + NEXT(30);
        while (nf < want) {
            ref_form r = {.code = NEXT(10) == 0 ? -1 : (int)NEXT(8)};
            size_t n = 1 + NEXT(round % 2 ? 4 : 12), k = 0;
            for (size_t i = 0; i < n; i++) {
                char c = alphabet[NEXT(sizeof alphabet - 1)];
                if (c == ' ' && (k == 0 || r.phrase[k - 1] == ' '))
                    continue;
                r.phrase[k++] = c;
            }
            while (k && r.phrase[k - 1] == ' ')
                k--;
            if (k == 0 || (k == 1 && r.phrase[0] == '-'))
                continue;
            r.phrase[k] = '\0';
            bool dup = false;
            for (size_t i = 0; i < nf && !dup; i++)
                dup = strcmp(forms[i].phrase, r.phrase) == 0 && forms[i].code == r.code;
            if (dup)
                continue;
            forms[nf++] = r;
            if (r.code < 0)
                dl += (size_t)sprintf(dict + dl, "~%s\n", r.phrase);
            else
                dl += (size_t)sprintf(dict + dl, "%s [C%d]\n", r.phrase, r.code);
        }
        fixture *f = load(dict);
        cr_assert_eq(f->sink.count, 0, "round %d:\n%s", round, dict);
        for (int s = 0; s < 200; s++) {
            char text[700], want_out[512];
            size_t n = NEXT(8) == 0 ? 256 + NEXT(400) : NEXT(60);
            for (size_t i = 0; i < n; i++)
                text[i] = "ab1AB -\t\n,x"[NEXT(11)];
            text[n] = '\0';
            reference_issues(forms, nf, text, want_out, sizeof want_out);
            cr_assert_str_eq(issues_of(f, text), want_out, "round %d text '%s'", round, text);
        }
        release(f);
    }
#undef NEXT
}

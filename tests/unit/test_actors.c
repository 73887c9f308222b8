/* Unit tests for lib/dict/actors.c (and the word-phrase store in phrase.c). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict/engine.h"
#include "dict_test_util.h"

/* ---- helpers --------------------------------------------------------- */

typedef struct fixture {
    dy_intern *words;
    dy_actors *actors;
    dy_test_warnings warn;
    dy_diag_sink sink;
} fixture;

static fixture *load(const char *text)
{
    fixture *f = calloc(1, sizeof *f);
    cr_assert_not_null(f);
    f->words = dy_intern_create();
    f->actors = dy_actors_create(f->words);
    cr_assert_not_null(f->actors);
    f->sink = (dy_diag_sink){.fn = dy_test_collect, .user = &f->warn};
    if (text) {
        cr_assert_eq(dy_actors_load(f->actors, "test.actors", text, strlen(text), &f->sink), DYAD_OK);
        cr_assert_eq(dy_actors_finish(f->actors), DYAD_OK);
    }
    return f;
}

static void release(fixture *f)
{
    dy_actors_free(f->actors);
    dy_intern_free(f->words);
    free(f);
}

/* The code of the actor starting at word `pos`, or NULL; *len its length. */
static const char *code_at(const fixture *f, const char *text, size_t pos, int32_t date, size_t *len)
{
    uint32_t ids[64];
    size_t n = dy_test_sentence(f->words, text, ids, 64);
    const char *code = NULL;
    size_t l = 0;
    if (!dy_actors_match(f->actors, ids, n, pos, date, &l, &code))
        return NULL;
    if (len)
        *len = l;
    return code;
}

/* ---- phrases --------------------------------------------------------- */

Test(actors, primary_phrase_and_synonyms_share_the_code)
{
    fixture *f = load("ARNOR_  [ARN]\n+ARNORIAN_\n+FORNOST\nGONDOR [GON]\n");
    size_t len = 0;
    cr_assert_str_eq(code_at(f, "ARNOR", 0, 20000101, &len), "ARN");
    cr_assert_eq(len, 1);
    cr_assert_str_eq(code_at(f, "the arnorian envoy", 1, 20000101, &len), "ARN");
    cr_assert_str_eq(code_at(f, "Fornost", 0, 20000101, NULL), "ARN");
    cr_assert_str_eq(code_at(f, "GONDOR", 0, 20000101, NULL), "GON");
    cr_assert_null(code_at(f, "ROHAN", 0, 20000101, NULL));
    cr_assert_null(code_at(f, "the arnorian", 0, 20000101, NULL));
    cr_assert_eq(dy_actors_count(f->actors), 4);
    cr_assert_eq(f->sink.count, 0);
    release(f);
}

Test(actors, underscore_needs_consecutive_words_and_blank_allows_a_gap)
{
    fixture *f = load("SAM_GAMGEE [HOB]\nHAMFAST GAMGEE [HBF]\n");
    size_t len = 0;
    cr_assert_str_eq(code_at(f, "SAM GAMGEE said", 0, 20000101, &len), "HOB");
    cr_assert_eq(len, 2);
    cr_assert_null(code_at(f, "SAM THE GAMGEE", 0, 20000101, NULL));
    cr_assert_str_eq(code_at(f, "HAMFAST THE OLD GAMGEE said", 0, 20000101, &len), "HBF");
    cr_assert_eq(len, 4, "intervening words count in the length");
    cr_assert_null(code_at(f, "HAMFAST said", 0, 20000101, NULL));
    release(f);
}

Test(actors, longest_pattern_wins_whatever_the_file_order)
{
    fixture *f = load("UNITED_STATES [USA]\nUNITED_STATES_SENATE [USALEG]\n"
                      "UNITED_NATIONS_SECURITY_COUNCIL [UNOSC]\nUNITED_NATIONS [UNO]\n");
    size_t len = 0;
    cr_assert_str_eq(code_at(f, "UNITED STATES SENATE", 0, 20000101, &len), "USALEG");
    cr_assert_eq(len, 3);
    cr_assert_str_eq(code_at(f, "UNITED STATES ARMY", 0, 20000101, &len), "USA");
    cr_assert_eq(len, 2);
    cr_assert_str_eq(code_at(f, "UNITED NATIONS SECURITY COUNCIL", 0, 20000101, &len), "UNOSC");
    cr_assert_str_eq(code_at(f, "UNITED NATIONS SECURITY", 0, 20000101, &len), "UNO");
    cr_assert_eq(len, 2);
    release(f);
}

Test(actors, equal_lengths_keep_file_order)
{
    /* Different connectors, same words: not duplicates, the first listed is tried first. */
    fixture *f = load("GONDOR ARMY [G1]\nGONDOR_ARMY [G2]\n");
    cr_assert_str_eq(code_at(f, "GONDOR ARMY", 0, 20000101, NULL), "G1");
    release(f);
    f = load("GONDOR_ARMY [G2]\nGONDOR ARMY [G1]\n");
    cr_assert_str_eq(code_at(f, "GONDOR ARMY", 0, 20000101, NULL), "G2");
    cr_assert_str_eq(code_at(f, "GONDOR CITY ARMY", 0, 20000101, NULL), "G1");
    release(f);
}

Test(actors, final_underscore_sorts_first_as_in_petrarch)
{
    /* PETRARCH stores the no-stem marker as an extra empty word, so its
     * length sort puts "CHAN_SARUN_" before "CHAN_SARUN". */
    fixture *f = load("CHAN_SARUN [KHMA]\nCHAN_SARUN_ [KHMB]\n");
    cr_assert_str_eq(code_at(f, "CHAN SARUN", 0, 20000101, NULL), "KHMB");
    cr_assert_eq(f->sink.count, 1);
    cr_assert(dy_test_warned(&f->warn, 2, "final '_'"));
    cr_assert_eq(dy_actors_count(f->actors), 1);
    release(f);
}

Test(actors, duplicate_phrases_keep_the_first_and_warn_only_on_conflict)
{
    fixture *f = load("JOSEPH_LUNS_ [IGO]\nJOSEPH_LUNS_ [IGO]\nMORDOR [MOR]\n+GORGOROTH\nGORGOROTH [ORC]\n");
    cr_assert_str_eq(code_at(f, "JOSEPH LUNS", 0, 20000101, NULL), "IGO");
    cr_assert_str_eq(code_at(f, "GORGOROTH", 0, 20000101, NULL), "MOR");
    cr_assert_eq(f->sink.count, 1, "only the conflicting duplicate is reported");
    cr_assert(dy_test_warned(&f->warn, 5, "already defined at test.actors:4"));
    release(f);
}

Test(actors, many_files_in_one_dictionary)
{
    fixture *f = load(NULL);
    const char *one = "ROHAN [ROH]\nEDORAS [ROH]\n";
    const char *two = "ROHAN [RHN]\nISENGARD [ISG]\n";
    cr_assert_eq(dy_actors_load(f->actors, "one", one, strlen(one), &f->sink), DYAD_OK);
    cr_assert_eq(dy_actors_load(f->actors, "two", two, strlen(two), &f->sink), DYAD_OK);
    cr_assert_eq(dy_actors_finish(f->actors), DYAD_OK);
    cr_assert_str_eq(code_at(f, "ROHAN", 0, 20000101, NULL), "ROH");
    cr_assert_str_eq(code_at(f, "ISENGARD", 0, 20000101, NULL), "ISG");
    cr_assert_eq(f->warn.n, 1);
    cr_assert(strstr(f->warn.text[0], "already defined at one:1"));
    cr_assert_eq(dy_actors_count(f->actors), 3);
    release(f);
}

Test(actors, matches_anywhere_and_respects_bounds)
{
    fixture *f = load("MINAS_TIRITH [GON]\n");
    uint32_t ids[8];
    size_t n = dy_test_sentence(f->words, "IN MINAS TIRITH", ids, 8);
    size_t len;
    const char *code;
    cr_assert_not(dy_actors_match(f->actors, ids, n, 0, 0, &len, &code));
    cr_assert(dy_actors_match(f->actors, ids, n, 1, 0, &len, &code));
    cr_assert_eq(len, 2);
    cr_assert_not(dy_actors_match(f->actors, ids, n, 3, 0, &len, &code));
    cr_assert_not(dy_actors_match(f->actors, ids, 2, 1, 0, &len, &code), "phrase cut by n");
    cr_assert_not(dy_actors_match(NULL, ids, n, 1, 0, &len, &code));
    release(f);
}

/* ---- codes and dates --------------------------------------------------- */

static const char *GAMGEES =
    "SAM_GAMGEE [HOB]  # default that never applies\n"
    "\t[HOBCIV <20080120]\n"
    "\t[ORCHOB 20100109-20100112]\n"
    "\t[HOBMIL 20080120-20121109]\n"
    "\t[HOBGOV 20121109-20130119]\n"
    "\t[HOBELI >20130119]\n"
    "HAMFAST GAMGEE [HOB]\n"
    "\t[HOBGOV 20121109-20130119]\n";

Test(actors, date_restrictions_in_order_with_inclusive_limits)
{
    fixture *f = load(GAMGEES);
    cr_assert_eq(f->sink.count, 0);
    cr_assert_str_eq(code_at(f, "SAM GAMGEE", 0, 19950104, NULL), "HOBCIV");
    cr_assert_str_eq(code_at(f, "SAM GAMGEE", 0, 20080119, NULL), "HOBCIV");
    cr_assert_str_eq(code_at(f, "SAM GAMGEE", 0, 20080120, NULL), "HOBCIV", "'<' is or-equal");
    cr_assert_str_eq(code_at(f, "SAM GAMGEE", 0, 20080121, NULL), "HOBMIL");
    cr_assert_str_eq(code_at(f, "SAM GAMGEE", 0, 20100106, NULL), "HOBMIL");
    cr_assert_str_eq(code_at(f, "SAM GAMGEE", 0, 20100109, NULL), "ORCHOB", "an earlier line wins");
    cr_assert_str_eq(code_at(f, "SAM GAMGEE", 0, 20100112, NULL), "ORCHOB");
    cr_assert_str_eq(code_at(f, "SAM GAMGEE", 0, 20100113, NULL), "HOBMIL");
    cr_assert_str_eq(code_at(f, "SAM GAMGEE", 0, 20121109, NULL), "HOBMIL");
    cr_assert_str_eq(code_at(f, "SAM GAMGEE", 0, 20121110, NULL), "HOBGOV");
    cr_assert_str_eq(code_at(f, "SAM GAMGEE", 0, 20130119, NULL), "HOBGOV");
    cr_assert_str_eq(code_at(f, "SAM GAMGEE", 0, 20130120, NULL), "HOBELI");
    cr_assert_str_eq(code_at(f, "HAMFAST GAMGEE", 0, 20121108, NULL), "HOB");
    cr_assert_str_eq(code_at(f, "HAMFAST GAMGEE", 0, 20121109, NULL), "HOBGOV");
    cr_assert_str_eq(code_at(f, "HAMFAST GAMGEE", 0, 20130119, NULL), "HOBGOV");
    cr_assert_str_eq(code_at(f, "HAMFAST GAMGEE", 0, 20140104, NULL), "HOB");
    release(f);
}

Test(actors, two_digit_years_follow_petrarch_century_rule)
{
    /* 00-30 are 20YY, 31-99 are 19YY; YYMMDD and YYYYMMDD may be mixed. */
    fixture *f = load("GOLLUM\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\n"
                      "TOM_BOMBADIL\n\t[OLD <300101]\n\t[NEW >300102]\n"
                      "GOLDBERRY\n\t[OLD <310101]\n\t[NEW >310102]\n");
    cr_assert_eq(f->sink.count, 0);
    cr_assert_str_eq(code_at(f, "GOLLUM", 0, 19950601, NULL), "HOB");
    cr_assert_str_eq(code_at(f, "GOLLUM", 0, 19950602, NULL), "HOBGOV");
    cr_assert_str_eq(code_at(f, "GOLLUM", 0, 19990816, NULL), "HOBREB");
    cr_assert_str_eq(code_at(f, "GOLLUM", 0, 20140101, NULL), "HOBREB");
    cr_assert_str_eq(code_at(f, "GOLLUM", 0, 19990815, NULL), "HOBGOV");
    cr_assert_str_eq(code_at(f, "TOM BOMBADIL", 0, 20291231, NULL), "OLD");
    cr_assert_str_eq(code_at(f, "TOM BOMBADIL", 0, 20300102, NULL), "NEW");
    cr_assert_str_eq(code_at(f, "GOLDBERRY", 0, 19301231, NULL), "OLD");
    cr_assert_str_eq(code_at(f, "GOLDBERRY", 0, 19310102, NULL), "NEW");
    release(f);
}

Test(actors, defaults_on_their_own_line_and_the_null_code)
{
    fixture *f = load("ENT  \n\t[ENT]\n"
                      "ZIMBABWE\n\t[RHO <790606]\n\t[ZBW]#jw 9/30/91\n"
                      "ONODOHER  \n\t[ONO <911226] \n"
                      "PRINCE OF DOL AMROTH\n\t[--- <950630]\n\t[DOL]\n"
                      "BOROMIR  [---]\n"
                      "GANDALF [WIZ]\n\t[MAIAR]\n");
    cr_assert_eq(f->sink.count, 0);
    cr_assert_str_eq(code_at(f, "ENT", 0, 20000101, NULL), "ENT");
    cr_assert_str_eq(code_at(f, "ZIMBABWE", 0, 19790606, NULL), "RHO");
    cr_assert_str_eq(code_at(f, "ZIMBABWE", 0, 19790607, NULL), "ZBW");
    cr_assert_str_eq(code_at(f, "ONODOHER", 0, 19911226, NULL), "ONO");
    cr_assert_str_eq(code_at(f, "ONODOHER", 0, 19911227, NULL), "---");
    cr_assert_str_eq(code_at(f, "PRINCE OF DOL AMROTH", 0, 19940101, NULL), "---");
    cr_assert_str_eq(code_at(f, "PRINCE OF DOL AMROTH", 0, 19960101, NULL), "DOL");
    cr_assert_str_eq(code_at(f, "BOROMIR", 0, 19960101, NULL), "---");
    cr_assert_str_eq(code_at(f, "GANDALF", 0, 19960101, NULL), "MAIAR", "a later default replaces");
    release(f);
}

Test(actors, tabari_restrictions_on_the_primary_line)
{
    fixture *f = load("JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]# IGOrulers.txt\n"
                      "SERGIO_BALANZINO_\t[IGOWSTNAT 940813-941017][IGOWSTNAT 951020-951205]\n"
                      "MICHELE_MONTAS_\t[HTIOPPMED <061231] [IGOUNOMED]\t[---] #MleH\n");
    cr_assert_eq(f->sink.count, 0);
    cr_assert_str_eq(code_at(f, "JAVIER DE CUELLAR", 0, 19850101, NULL), "IGOUNO");
    cr_assert_str_eq(code_at(f, "JAVIER DE CUELLAR", 0, 19950101, NULL), "ELI");
    cr_assert_str_eq(code_at(f, "SERGIO BALANZINO", 0, 19951101, NULL), "IGOWSTNAT");
    cr_assert_str_eq(code_at(f, "SERGIO BALANZINO", 0, 19960101, NULL), "---");
    cr_assert_str_eq(code_at(f, "MICHELE MONTAS", 0, 20050101, NULL), "HTIOPPMED");
    cr_assert_str_eq(code_at(f, "MICHELE MONTAS", 0, 20070101, NULL), "---", "the last default wins");
    release(f);
}

Test(actors, codeless_primary_lines_share_the_codes_that_follow)
{
    /* As in PETRARCH (and relied on by Phoenix.Countries.actors.txt). */
    fixture *f = load("IVO_JOSIPOVIC_\nPRESIDENT_JOSIPOVIC_\nJOSIPOVIC_\n"
                      "\t[HRVGOV >20120219]\n\t[HRVGOVLEG 20031222-20100218]\n"
                      "ZORAN_MILANOVIC_ [HRVGOV]\n"
                      "U.N._\n\nUN_SECRETARY_GENERAL\n+UNSG\n\t[IGOUNO]\n");
    cr_assert_eq(f->sink.count, 0);
    cr_assert_str_eq(code_at(f, "IVO JOSIPOVIC", 0, 20130101, NULL), "HRVGOV");
    cr_assert_str_eq(code_at(f, "PRESIDENT JOSIPOVIC", 0, 20050101, NULL), "HRVGOVLEG");
    cr_assert_str_eq(code_at(f, "ZORAN MILANOVIC", 0, 20050101, NULL), "HRVGOV");
    cr_assert_str_eq(code_at(f, "U.N.", 0, 20050101, NULL), "IGOUNO");
    release(f);
}

Test(actors, an_entry_without_any_code_warns)
{
    fixture *f = load("ORPHAN_\n");
    cr_assert_str_eq(code_at(f, "ORPHAN", 0, 20050101, NULL), "---");
    cr_assert_eq(f->sink.count, 1);
    cr_assert(dy_test_warned(&f->warn, 1, "no code"));
    release(f);
}

Test(actors, words_and_codes_are_ascii_uppercased)
{
    fixture *f = load("PALESTINIAN [pse]\nUN_Secy_Gen [igouno]\n");
    cr_assert_str_eq(code_at(f, "Palestinian", 0, 20000101, NULL), "PSE");
    cr_assert_str_eq(code_at(f, "UN SECY GEN", 0, 20000101, NULL), "IGOUNO");
    cr_assert_neq(dy_intern_find(f->words, "SECY", 4), 0);
    cr_assert_eq(dy_intern_find(f->words, "Secy", 4), 0);
    release(f);
}

Test(actors, comments_and_petrarch_comment_lines)
{
    fixture *f = load("<!-- header -->\n<! -- NEW ACTORS -->\n# note\nMORIA [MOR] ; legacy comment\n");
    cr_assert_eq(f->sink.count, 0);
    cr_assert_str_eq(code_at(f, "MORIA", 0, 20000101, NULL), "MOR");
    cr_assert_eq(dy_actors_count(f->actors), 1);
    release(f);
}

/* ---- malformed lines ---------------------------------------------------- */

Test(actors, malformed_lines_warn_with_their_line_and_the_rest_loads)
{
    fixture *f = load("GOOD_ONE [G1]\n"                       /* 1 */
                      "\t[X 20121207-20120802]\n"            /* 2 ends before it starts */
                      "\t[Y <2012]\n"                        /* 3 not a date */
                      "\t[Z 20100101]\n"                     /* 4 lone date: from then on */
                      "\t[Q 20100231-20100301]\n"            /* 5 no 31 February */
                      "\t[R 9008223-911221]\n"               /* 6 7-digit date */
                      "\t[S 19200303201-20060520]\n"         /* 7 long date */
                      "\t[T 20100101\n"                      /* 8 missing ] */
                      "+\n"                                  /* 9 empty synonym */
                      "BAD_\x1a_WORD [B]\n"                  /* 10 control byte */
                      "OTHER [O1] Antilles $1,000\n"         /* 11 text after the code */
                      "\tJOHN_MCCLOY_\t[J]\n"                /* 12 indented phrase */
                      "+TAIOAN_ +TAWIAN_\n"                  /* 13 two synonyms */
                      "VIRGILIO_ FONTES_\n"                  /* 14 odd separator */
                      "LAST [L]\n");                         /* 15 */
    cr_assert(dy_test_warned(&f->warn, 2, "ends"));
    cr_assert(dy_test_warned(&f->warn, 3, "no valid"));
    cr_assert(dy_test_warned(&f->warn, 4, "read as '>20100101'"));
    cr_assert(dy_test_warned(&f->warn, 5, "no valid"));
    cr_assert(dy_test_warned(&f->warn, 6, "7-digit"));
    cr_assert(dy_test_warned(&f->warn, 7, "11-digit"));
    cr_assert(dy_test_warned(&f->warn, 8, "missing ']'"));
    cr_assert(dy_test_warned(&f->warn, 9, "empty"));
    cr_assert(dy_test_warned(&f->warn, 10, "0x1A"));
    cr_assert(dy_test_warned(&f->warn, 11, "Antilles"));
    cr_assert(dy_test_warned(&f->warn, 12, "synonym"));
    cr_assert(dy_test_warned(&f->warn, 13, "separate synonyms"));
    cr_assert(dy_test_warned(&f->warn, 14, "odd separators"));
    cr_assert_eq(f->sink.count, 13);

    /* What could be read was: Z, R (900822-911221) and S (19200303-20060520). */
    cr_assert_str_eq(code_at(f, "GOOD ONE", 0, 20100102, NULL), "Z");
    cr_assert_str_eq(code_at(f, "GOOD ONE", 0, 19900822, NULL), "R");
    cr_assert_str_eq(code_at(f, "GOOD ONE", 0, 19900821, NULL), "S");
    cr_assert_str_eq(code_at(f, "GOOD ONE", 0, 20080101, NULL), "G1");
    /* The indented phrase joins OTHER's entry and its [J] becomes the default. */
    cr_assert_str_eq(code_at(f, "JOHN MCCLOY", 0, 20000101, NULL), "J");
    cr_assert_str_eq(code_at(f, "OTHER", 0, 20000101, NULL), "J");
    cr_assert_str_eq(code_at(f, "TAWIAN", 0, 20000101, NULL), "J");
    cr_assert_str_eq(code_at(f, "TAIOAN", 0, 20000101, NULL), "J");
    /* A codeless primary shares the codes of the next entry. */
    cr_assert_str_eq(code_at(f, "VIRGILIO X FONTES", 0, 20000101, NULL), "L");
    cr_assert_str_eq(code_at(f, "LAST", 0, 20000101, NULL), "L");
    cr_assert_null(code_at(f, "BAD WORD", 0, 20000101, NULL));
    release(f);
}

Test(actors, empty_and_blank_inputs)
{
    fixture *f = load("");
    cr_assert_eq(dy_actors_count(f->actors), 0);
    cr_assert_null(code_at(f, "ANYTHING", 0, 0, NULL));
    release(f);
    f = load("\n\n   \n# only comments\n");
    cr_assert_eq(f->sink.count, 0);
    release(f);
    cr_assert_null(dy_actors_create(NULL));
    dy_actors_free(NULL);
    cr_assert_eq(dy_actors_count(NULL), 0);
}

/* ---- the shared PETRARCH and Phoenix files ------------------------------ */

Test(actors, validation_dictionary)
{
    size_t len;
    char *data = dy_test_read_shared(&len, "petrarch2/dictionaries/%s", "PETR.Validate.actors.txt");
    if (!data)
        cr_skip("shared PETRARCH dictionaries absent");
    fixture *f = load(NULL);
    cr_assert_eq(dy_actors_load(f->actors, "PETR.Validate.actors.txt", data, len, &f->sink), DYAD_OK);
    cr_assert_eq(dy_actors_finish(f->actors), DYAD_OK);
    cr_assert_eq(dy_actors_count(f->actors), 160);
    /* A genuine conflict: +PALESTINIAN [PAL] repeats PALESTINIAN [pse]. */
    cr_assert_eq(f->sink.count, 1);
    cr_assert(dy_test_warned(&f->warn, 159, "PALESTINIAN"));
    cr_assert_str_eq(code_at(f, "SAM GAMGEE", 0, 20121231, NULL), "HOBGOV");
    cr_assert_str_eq(code_at(f, "SMEAGOL", 0, 19951101, NULL), "HOBGOV");
    cr_assert_str_eq(code_at(f, "ARNOR", 0, 19951101, NULL), "ARN");
    cr_assert_str_eq(code_at(f, "INTERPOL", 0, 19951101, NULL), "IGOCOPITP");
    cr_assert_str_eq(code_at(f, "RADAGAST THE BROWN", 0, 19951101, NULL), "RAD");
    free(data);
    release(f);
}

Test(actors, phoenix_dictionaries)
{
    static const char *const files[] = {"Phoenix.Countries.actors.txt",
                                        "Phoenix.International.actors.txt",
                                        "Phoenix.MilNonState.actors.txt"};
    fixture *f = load(NULL);
    for (size_t i = 0; i < 3; i++) {
        size_t len;
        char *data = dy_test_read_shared(&len, "petrarch2/dictionaries/%s", files[i]);
        if (!data) {
            release(f);
            cr_skip("shared Phoenix dictionaries absent");
        }
        cr_assert_eq(dy_actors_load(f->actors, files[i], data, len, &f->sink), DYAD_OK);
        free(data);
    }
    cr_assert_eq(dy_actors_finish(f->actors), DYAD_OK);
    cr_assert_eq(dy_actors_count(f->actors), 34383);
    /* Every one a defect of the files; see docs/dictionaries.md. */
    cr_assert_eq(f->sink.count, 77);
    cr_assert_str_eq(code_at(f, "AFGHANISTAN", 0, 20100101, NULL), "AFG");
    cr_assert_str_eq(code_at(f, "UNITED STATES", 0, 20100101, NULL), "USA");
    cr_assert_str_eq(code_at(f, "IVO JOSIPOVIC", 0, 20130101, NULL), "HRVGOV");
    cr_assert_str_eq(code_at(f, "KOFI ANNAN", 0, 20000101, NULL), "IGOUNO");
    cr_assert_str_eq(code_at(f, "KOFI ANNAN", 0, 20080101, NULL), "ELI");
    release(f);
}

/* ---- the matcher against a plain reading of PETRARCH's rule ------------ */

/* A small deterministic generator, so that failures repeat. */
static uint64_t rng_state;

static unsigned rng(unsigned n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (unsigned)(rng_state % n);
}

typedef struct ref_phrase {
    char text[128];          /* as written in the dictionary */
    int words[8];            /* word numbers, 0-based */
    bool gap[8];             /* intervening words allowed before word i */
    int n;
    bool no_stem;
    int code;
} ref_phrase;

/* PETRARCH's actor_phrase_match, literally: the phrases of the first word,
 * longest pattern first (words + the final '_'), then in file order; the
 * first whose words occur greedily wins.  Returns the phrase or -1. */
static int reference_match(const ref_phrase *ph, int n_ph, const int *sent, int n, int pos,
                           int *len)
{
    int best = -1, best_len = 0;
    for (int k = 0; k < n_ph; k++) {
        const ref_phrase *p = &ph[k];
        if (p->words[0] != sent[pos])
            continue;
        int at = pos + 1;
        bool ok = true;
        for (int i = 1; i < p->n && ok; i++) {
            if (p->gap[i])
                while (at < n && sent[at] != p->words[i])
                    at++;
            if (at < n && sent[at] == p->words[i])
                at++;
            else
                ok = false;
        }
        if (!ok)
            continue;
        int plen = p->n + p->no_stem;
        if (best < 0 || plen > ph[best].n + ph[best].no_stem) {
            best = k;
            best_len = at - pos;
        }
    }
    *len = best_len;
    return best;
}

Test(actors, matches_as_petrarch_on_random_phrases)
{
    static const char *const vocab[] = {"ANDUIN", "BREE", "CAIR", "DOL", "EDORAS", "FORNOST"};
    rng_state = 0x9E3779B97F4A7C15ull;
    for (int round = 0; round < 40; round++) {
        /* Distinct phrases (words and connectors), with and without a final '_'. */
        ref_phrase ph[60];
        int n_ph = 0;
        char dict[60 * 160];
        size_t dl = 0;
        int want = 5 + rng(55);
        for (int tries = 0; n_ph < want && tries < 1000; tries++) {
            ref_phrase p = {.n = 1 + (int)rng(rng(3) ? 3 : 7), .no_stem = rng(4) == 0,
                            .code = n_ph};
            size_t tl = 0;
            for (int i = 0; i < p.n; i++) {
                p.words[i] = (int)rng(6);
                p.gap[i] = i > 0 && rng(3) == 0;
                if (i > 0)
                    p.text[tl++] = p.gap[i] ? ' ' : '_';
                tl += (size_t)sprintf(p.text + tl, "%s", vocab[p.words[i]]);
            }
            if (p.no_stem)
                p.text[tl++] = '_';
            p.text[tl] = '\0';
            bool dup = false;
            for (int k = 0; k < n_ph && !dup; k++) {
                dup = ph[k].n == p.n;
                for (int i = 0; i < p.n && dup; i++)
                    dup = ph[k].words[i] == p.words[i] && ph[k].gap[i] == p.gap[i];
            }
            if (dup)
                continue;
            ph[n_ph++] = p;
            dl += (size_t)sprintf(dict + dl, "%s [C%d]\n", p.text, p.code);
        }
        fixture *f = load(dict);
        cr_assert_eq(f->sink.count, 0, "round %d", round);
        for (int s = 0; s < 40; s++) {
            int sent[24];
            uint32_t ids[24];
            int n = 1 + (int)rng(24);
            for (int i = 0; i < n; i++) {
                sent[i] = (int)rng(7);      /* 6: a word in no dictionary */
                ids[i] = sent[i] < 6 ? dy_intern_find(f->words, vocab[sent[i]], strlen(vocab[sent[i]]))
                                     : 0;
            }
            for (int pos = 0; pos < n; pos++) {
                int rlen;
                int r = reference_match(ph, n_ph, sent, n, pos, &rlen);
                size_t len = 0;
                const char *code = NULL;
                bool found = dy_actors_match(f->actors, ids, (size_t)n, (size_t)pos, 20000101, &len,
                                             &code);
                cr_assert_eq(found, r >= 0, "round %d sentence %d pos %d", round, s, pos);
                if (r >= 0) {
                    char want_code[16];
                    snprintf(want_code, sizeof want_code, "C%d", ph[r].code);
                    cr_assert_str_eq(code, want_code, "round %d sentence %d pos %d", round, s, pos);
                    cr_assert_eq(len, (size_t)rlen, "round %d sentence %d pos %d", round, s, pos);
                }
            }
        }
        release(f);
    }
}

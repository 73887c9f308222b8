/* Unit tests for dyad's default dictionaries: data/dict/people.actors.txt,
 * people with date-restricted roles.  The file loads without warnings; a
 * name resolves to the role its holder had on the sentence date (office,
 * former office-holder, opposition, armed group); people who share a
 * surname are not confused; and the coder, given raw text and an article
 * date, codes the same sentence differently at different dates.  Tests run
 * from the repository root. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict/engine.h"
#include "dict_test_util.h"
#include "dyad.h"

#define PEOPLE_FILE "data/dict/people.actors.txt"

/* ---- the file, loaded through the dictionary layer ------------------- */

static dy_intern *words;
static dy_actors *actors;
static dy_test_warnings warn;
static dy_diag_sink sink;

static void load_people(void)
{
    memset(&warn, 0, sizeof warn);
    words = dy_intern_create();
    actors = dy_actors_create(words);
    cr_assert(words && actors);
    sink = (dy_diag_sink){.fn = dy_test_collect, .user = &warn};
    size_t len;
    char *text = dy_test_read_file(PEOPLE_FILE, &len);
    cr_assert_eq(dy_actors_load(actors, PEOPLE_FILE, text, len, &sink), DYAD_OK);
    free(text);
    cr_assert_eq(dy_actors_finish(actors), DYAD_OK);
}

static void free_people(void)
{
    dy_actors_free(actors);
    dy_intern_free(words);
}

TestSuite(default_people, .init = load_people, .fini = free_people);

/* The actor code of the phrase starting at word `pos` of a blank-separated
 * sentence (words as the tokenizer gives them) on `date` (YYYYMMDD), or
 * NULL; *len its length in words. */
static const char *code_on(const char *text, size_t pos, int32_t date, size_t *len)
{
    uint32_t ids[64];
    size_t n = dy_test_sentence(words, text, ids, 64);
    const char *code = NULL;
    size_t l = 0;
    if (!dy_actors_match(actors, ids, n, pos, date, &l, &code))
        return NULL;
    if (len)
        *len = l;
    return code;
}

/* Asserts the code of the whole of `name` on `date`. */
static void expect(const char *name, int32_t date, const char *code)
{
    size_t len = 0, n_words = 1;
    for (const char *p = name; *p; p++)
        n_words += *p == ' ';
    const char *got = code_on(name, 0, date, &len);
    cr_assert_not_null(got, "'%s' on %d: no match", name, (int)date);
    cr_expect_str_eq(got, code, "'%s' on %d: %s, expected %s", name, (int)date, got, code);
    cr_expect_eq(len, n_words, "'%s' on %d: matched %zu words", name, (int)date, len);
}

Test(default_people, file_loads_without_warnings)
{
    for (size_t i = 0; i < warn.n && i < DY_TEST_MAX_WARN; i++)
        cr_log_error("%s:%ld: %s", PEOPLE_FILE, warn.line[i], warn.text[i]);
    cr_assert_eq(warn.n, 0, "%zu warnings", warn.n);
    cr_assert_geq(dy_actors_count(actors), 3000, "only %zu phrases", dy_actors_count(actors));
}

Test(default_people, office_holders_become_elites_when_they_leave)
{
    expect("Barack Obama", 20060601, "USALEG");   /* senator */
    expect("Barack Obama", 20160501, "USAGOV");
    expect("Barack Obama", 20170120, "USAGOV");   /* the last day counts */
    expect("Barack Obama", 20170121, "USAELI");
    expect("Obama", 20190501, "USAELI");
    expect("Angela Merkel", 20160501, "DEUGOV");
    expect("Merkel", 20230601, "DEUELI");
    expect("Tony Blair", 20050101, "GBRGOV");
    expect("Tony Blair", 20100101, "GBRELI");
    expect("Hosni Mubarak", 20100101, "EGYGOV");
    expect("Mubarak", 20120101, "EGYELI");
}

Test(default_people, several_terms_and_roles)
{
    /* Putin: president, prime minister (still government), president. */
    expect("Vladimir Putin", 20050101, "RUSGOV");
    expect("Putin", 20100101, "RUSGOV");
    expect("Putin", 20240101, "RUSGOV");
    /* Trump: two terms, elite in between. */
    expect("Donald Trump", 20180101, "USAGOV");
    expect("Donald Trump", 20220101, "USAELI");
    expect("Trump", 20250601, "USAGOV");
    /* Netanyahu: prime minister, opposition, prime minister again. */
    expect("Benjamin Netanyahu", 20150101, "ISRGOV");
    expect("Netanyahu", 20220101, "ISROPP");
    expect("Netanyahu", 20240101, "ISRGOV");
    /* von der Leyen: German minister, then EU Commission president. */
    expect("Ursula von der Leyen", 20150101, "DEUGOV");
    expect("von der Leyen", 20200101, "IGOEUREEC");
    /* Lula: opposition, president, elite, president again. */
    expect("Lula", 20000101, "BRAOPP");
    expect("Lula da Silva", 20080101, "BRAGOV");
    expect("Lula", 20150101, "BRAELI");
    expect("Luiz Inacio Lula da Silva", 20240101, "BRAGOV");
}

Test(default_people, people_sharing_a_surname_are_not_confused)
{
    expect("Hillary Clinton", 20100101, "USAGOV");
    expect("Bill Clinton", 20100101, "USAELI");
    cr_assert_null(code_on("Clinton", 0, 20100101, NULL), "bare CLINTON is ambiguous");
    expect("Condoleezza Rice", 20060101, "USAGOV");
    expect("Susan Rice", 20060101, "USAELI");
    expect("Susan Rice", 20100101, "USAGOV");
    expect("Nawaz Sharif", 20150101, "PAKGOV");
    expect("Raheel Sharif", 20150101, "PAKMIL");
    cr_assert_null(code_on("Sharif", 0, 20150101, NULL), "bare SHARIF is ambiguous");
    expect("Kim Jong Il", 20050101, "PRKGOV");
    expect("Kim Jong-un", 20050101, "PRKELI");
    expect("Kim Jong Un", 20200101, "PRKGOV");
    expect("Rafik Hariri", 20120101, "LBNELI");
    expect("Saad Hariri", 20100101, "LBNGOV");
    expect("Mohamed Hamdan Dagalo", 20240101, "SDNREB");
    expect("Abdelrahim Dagalo", 20220101, "SDNMIL");
    /* A longer phrase wins over a shorter one with the same first word. */
    expect("Hamza bin Laden", 20150101, "IMGMUSALQ");
    expect("Abbas Araghchi", 20250101, "IRNGOV");
    expect("Abbas", 20250101, "PSEGOV");
    /* A surname shared over time follows whom it meant. */
    expect("Farouk al-Sharaa", 20100101, "SYRGOV");
    expect("al-Sharaa", 20100101, "SYRGOV");
    expect("al-Sharaa", 20200101, "SYRELI");
    expect("al-Sharaa", 20250301, "SYRGOV");
    expect("Kabila", 20000101, "CODGOV");
    expect("Kabila", 20100101, "CODGOV");
    expect("Kabila", 20200101, "CODELI");
}

Test(default_people, armed_groups_and_changes_of_side)
{
    /* Hemedti: RSF commander, Sovereign Council deputy, then at war. */
    expect("Hemedti", 20150101, "SDNMIL");
    expect("Hemedti", 20220101, "SDNGOV");
    expect("Hemedti", 20230415, "SDNREB");
    /* Ahmed al-Sharaa, as Jolani: al-Nusra, HTS, then Syria's leader. */
    expect("Abu Mohammad al-Jolani", 20150101, "SYRINS");
    expect("Jolani", 20200101, "SYRREB");
    expect("Ahmed al-Sharaa", 20250301, "SYRGOV");
    /* Taliban: insurgents until August 2021, then the government. */
    expect("Mullah Baradar", 20100101, "AFGINS");
    expect("Abdul Ghani Baradar", 20220101, "AFGGOV");
    /* Prigozhin: the Wagner mutiny of 23-24 June 2023. */
    expect("Yevgeny Prigozhin", 20230622, "RUSUAF");
    expect("Prigozhin", 20230624, "RUSREB");
    expect("Prigozhin", 20230701, "RUSUAF");
    /* FARC: rebels, party after the 2017 disarmament. */
    expect("Timochenko", 20100101, "COLREB");
    expect("Rodrigo Londono", 20200101, "COLOPP");
    expect("Ismail Haniyeh", 20060601, "PSEGOV");
    expect("Haniyeh", 20200101, "PSEREB");
    expect("Osama bin Laden", 20050101, "IMGMUSALQ");
    expect("Abu Bakr al-Baghdadi", 20150101, "IMGMUSISL");
}

Test(default_people, spelling_variants)
{
    expect("Volodymyr Zelenskyy", 20220301, "UKRGOV");
    expect("Zelensky", 20220301, "UKRGOV");
    expect("Zelenskiy", 20220301, "UKRGOV");
    expect("Zelensky", 20190401, "UKROPP");   /* candidate */
    expect("Gaddafi", 20100101, "LBYGOV");
    expect("Qaddafi", 20100101, "LBYGOV");
    expect("Moammar Kadhafi", 20100101, "LBYGOV");
    expect("Gadhafi", 20120101, "LBYELI");
    expect("Saif al-Islam Gaddafi", 20100101, "LBYELI");
    expect("Recep Tayyip Erdogan", 20100101, "TURGOV");
    expect("Erdo\xc4\x9f" "an", 20200101, "TURGOV");   /* Erdogan with g-breve */
    expect("Lopez Obrador", 20200101, "MEXGOV");
    expect("AMLO", 20250101, "MEXELI");
    expect("Bashar al-Assad", 20100101, "SYRGOV");
    expect("Bashar Assad", 20250101, "SYRELI");
    cr_assert_null(code_on("May", 0, 20180101, NULL), "bare MAY is a month");
}

Test(default_people, office_holders_added_for_2024_2025)
{
    /* France: Retailleau at the interior ministry, then Nunez. */
    expect("Bruno Retailleau", 20250101, "FRAGOV");
    expect("Retailleau", 20251101, "FRAELI");
    expect("Laurent Nunez", 20230101, "FRACOP");   /* Paris police prefect */
    expect("Laurent Nu\xc3\xb1" "ez", 20251101, "FRAGOV");
    /* Georgia's and Serbia's defence ministers */
    expect("Irakli Chikovani", 20250101, "GEOGOV");
    expect("Juansher Burchuladze", 20230101, "GEOGOV");
    expect("Juansher Burchuladze", 20250101, "GEOELI");
    expect("Bratislav Gasic", 20150101, "SRBGOV");
    expect("Bratislav Gasic", 20180101, "SRBELI");
    expect("Bratislav Gasic", 20250101, "SRBGOV");
    /* Myanmar's prime minister from the dissolution of the junta's council */
    expect("Nyo Saw", 20250801, "MMRGOV");
    expect("Nyo Saw", 20240101, "MMRELI");
    /* India's vice presidents of 2025 */
    expect("Jagdeep Dhankhar", 20240101, "INDGOV");
    expect("Dhankhar", 20250801, "INDELI");
    expect("C.P. Radhakrishnan", 20251001, "INDGOV");
    /* the Houthis' prime ministers keep the group's code */
    expect("Ahmed al-Rahawi", 20250101, "YEMREB");
    expect("Abdulaziz bin Habtour", 20200101, "YEMREB");
    expect("Abdulaziz bin Habtour", 20250101, "YEMELI");
    /* Burkina Faso, Chad, the Palestinians, Yemen */
    expect("Apollinaire Kyelem de Tambela", 20230101, "BFAGOV");
    expect("Rimtalba Jean Emmanuel Ouedraogo", 20250101, "BFAGOV");
    expect("Celestin Simpore", 20250101, "BFAMIL");
    expect("Allamaye Halina", 20250101, "TCDGOV");
    expect("Varsen Aghabekian", 20250101, "PSEGOV");
    expect("Shaya al-Zindani", 20250101, "YEMGOV");
    expect("Andrii Hnatov", 20250301, "UKRMIL");
}

/* ---- the coder on raw text at two dates ----------------------------- */

static const char *verbs_txt = "--- MEET [036] ---\nMEET {MET MEETING MEETS}\n";

static dyad_engine *engine;
static dyad_coder *coder;

static void build_engine(void)
{
    dyad_builder *b = dyad_builder_create();
    cr_assert_not_null(b);
    cr_assert_eq(dyad_builder_add_buffer(b, DYAD_DICT_VERBS, "t.verbs", verbs_txt, strlen(verbs_txt)),
                 DYAD_OK);
    cr_assert_eq(dyad_builder_add_file(b, DYAD_DICT_ACTORS, PEOPLE_FILE), DYAD_OK);
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

TestSuite(default_people_coder, .init = build_engine, .fini = free_engine);

/* Does coding `text` as an article of `date` give the event src -> tgt? */
static bool has_event(const char *text, const char *date, const char *src, const char *tgt)
{
    dyad_article a = {"P", date, text, 0};
    dyad_result r;
    dyad_status st = dyad_code_article(coder, &a, &r);
    cr_assert_eq(st, DYAD_OK, "%s: %s", dyad_coder_error_kind(coder), dyad_coder_error(coder));
    for (size_t i = 0; i < r.n_events; i++) {
        if (!strcmp(r.events[i].source.code, src) && !strcmp(r.events[i].target.code, tgt))
            return true;
        cr_log_info("%s (%s): %s -> %s", text, date, r.events[i].source.code,
                    r.events[i].target.code);
    }
    return false;
}

Test(default_people_coder, the_article_date_picks_the_role)
{
    const char *s = "Barack Obama met Angela Merkel in Berlin.";
    cr_assert(has_event(s, "2016-05-01", "USAGOV", "DEUGOV"));
    cr_assert(has_event(s, "2019-05-01", "USAELI", "DEUGOV"));
    cr_assert(has_event(s, "2024-05-01", "USAELI", "DEUELI"));
    const char *t = "Hemedti met Abdel Fattah al-Burhan.";
    cr_assert(has_event(t, "2024-01-10", "SDNREB", "SDNGOV"));
}

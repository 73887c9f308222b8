/* Unit tests for lib/dict/agents.c. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict/engine.h"
#include "dict_test_util.h"

typedef struct fixture {
    dy_intern *words;
    dy_agents *agents;
    dy_test_warnings warn;
    dy_diag_sink sink;
} fixture;

static fixture *load(const char *text)
{
    fixture *f = calloc(1, sizeof *f);
    cr_assert_not_null(f);
    f->words = dy_intern_create();
    f->agents = dy_agents_create(f->words);
    cr_assert_not_null(f->agents);
    f->sink = (dy_diag_sink){.fn = dy_test_collect, .user = &f->warn};
    if (text) {
        cr_assert_eq(dy_agents_load(f->agents, "test.agents", text, strlen(text), &f->sink), DYAD_OK);
        cr_assert_eq(dy_agents_finish(f->agents), DYAD_OK);
    }
    return f;
}

static void release(fixture *f)
{
    dy_agents_free(f->agents);
    dy_intern_free(f->words);
    free(f);
}

/* "GOV" for a suffix agent, "NGO~" for a prefix one, NULL for no match. */
static const char *agent_at(const fixture *f, const char *text, size_t pos, size_t *len)
{
    static char out[80];
    uint32_t ids[64];
    size_t n = dy_test_sentence(f->words, text, ids, 64);
    const char *code = NULL;
    bool prefix = false;
    size_t l = 0;
    if (!dy_agents_match(f->agents, ids, n, pos, &l, &code, &prefix))
        return NULL;
    if (len)
        *len = l;
    snprintf(out, sizeof out, "%s%s", code, prefix ? "~" : "");
    return out;
}

Test(agents, suffix_and_prefix_codes)
{
    fixture *f = load("PRESIDENT [~GOVPRS] # ns 6/26/01\n"
                      "HUMAN_RIGHTS_BODY  [NGO~]\n"
                      "HUMAN_RIGHTS_ORGANIZATION  [  NGO~]\n"
                      "POLICE {} [ ~COP]\n");
    cr_assert_eq(f->sink.count, 0);
    size_t len;
    cr_assert_str_eq(agent_at(f, "PRESIDENT", 0, &len), "GOVPRS");
    cr_assert_eq(len, 1);
    cr_assert_str_eq(agent_at(f, "human rights body", 0, &len), "NGO~");
    cr_assert_eq(len, 3);
    cr_assert_str_eq(agent_at(f, "HUMAN RIGHTS ORGANIZATIONS", 0, NULL), "NGO~");
    cr_assert_str_eq(agent_at(f, "POLICE", 0, NULL), "COP");
    cr_assert_null(agent_at(f, "HUMAN RIGHTS", 0, NULL));
    release(f);
}

Test(agents, regular_plurals_as_petrarch_makes_them)
{
    fixture *f = load("PRESIDENT [~GOV]\nAUTHORITY [~GOV]\nCONGRESS [~LEG]\nBUS [~TRN]\n"
                      "ATTORNEY [~JUD]\nFOREIGN_MINISTER [~GOVFRM]\nSECURITY SERVICE [~SPY]\n");
    cr_assert_str_eq(agent_at(f, "PRESIDENTS", 0, NULL), "GOV");
    cr_assert_str_eq(agent_at(f, "AUTHORITIES", 0, NULL), "GOV");
    cr_assert_str_eq(agent_at(f, "CONGRESSES", 0, NULL), "LEG");
    cr_assert_str_eq(agent_at(f, "BUSES", 0, NULL), "TRN");
    /* PETRARCH replaces any final Y by IES, even after a vowel, so the
     * plural of ATTORNEY is the useless ATTORNEIES: kept for fidelity. */
    cr_assert_str_eq(agent_at(f, "ATTORNEIES", 0, NULL), "JUD");
    cr_assert_null(agent_at(f, "ATTORNEYS", 0, NULL));
    cr_assert_str_eq(agent_at(f, "FOREIGN MINISTERS", 0, NULL), "GOVFRM");
    cr_assert_str_eq(agent_at(f, "SECURITY AND INTELLIGENCE SERVICES", 0, NULL), "SPY");
    cr_assert_eq(dy_agents_count(f->agents), 14);
    release(f);
}

Test(agents, explicit_and_suppressed_plurals)
{
    fixture *f = load("ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\n"
                      "GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\n"
                      "TROOPS {}  [~MIL]\n"
                      "MINISTRY_  [~GOV]\n");
    cr_assert_eq(f->sink.count, 0);
    cr_assert_str_eq(agent_at(f, "ATTORNEYS GENERAL", 0, NULL), "GOVATG");
    cr_assert_null(agent_at(f, "ATTORNEY GENERALS", 0, NULL));
    cr_assert_str_eq(agent_at(f, "GOLDEN GEESE", 0, NULL), "GGS");
    cr_assert_null(agent_at(f, "GOLDEN GOOSES", 0, NULL));
    cr_assert_str_eq(agent_at(f, "TROOPS", 0, NULL), "MIL");
    cr_assert_null(agent_at(f, "TROOPSES", 0, NULL));
    /* A final '_' (no stem) takes the phrase as written: no plural. */
    cr_assert_str_eq(agent_at(f, "MINISTRY", 0, NULL), "GOV");
    cr_assert_null(agent_at(f, "MINISTRIES", 0, NULL));
    cr_assert_eq(dy_agents_count(f->agents), 6);
    release(f);
}

Test(agents, substitution_markers)
{
    fixture *f = load("!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n"
                      "!MINST! = MINISTER , MINISTERS,MINISTRY, MINISTRIES\n"
                      "CONGRESS!PERSON! [~LEG]\n"
                      "!MINST!_OF_SILLY_WALKS [~GOV]\n"
                      "!MINST! FOR_!PERSON!POWER [~LAB]\n"
                      "FIRE!PERSON! {} [~GOV]\n");
    cr_assert_eq(f->sink.count, 0);
    cr_assert_str_eq(agent_at(f, "CONGRESSMAN", 0, NULL), "LEG");
    cr_assert_str_eq(agent_at(f, "CONGRESSWOMEN", 0, NULL), "LEG");
    cr_assert_str_eq(agent_at(f, "congressperson", 0, NULL), "LEG");
    cr_assert_null(agent_at(f, "CONGRESSMANS", 0, NULL), "no plural for substituted forms");
    cr_assert_str_eq(agent_at(f, "MINISTRY OF SILLY WALKS", 0, NULL), "GOV");
    cr_assert_str_eq(agent_at(f, "MINISTERS OF SILLY WALKS", 0, NULL), "GOV");
    cr_assert_str_eq(agent_at(f, "MINISTER FOR MANPOWER", 0, NULL), "LAB");
    cr_assert_str_eq(agent_at(f, "MINISTRIES OF STATE FOR WOMENPOWER", 0, NULL), "LAB");
    cr_assert_str_eq(agent_at(f, "FIREWOMAN", 0, NULL), "GOV");
    /* 5 + 4 + 4*5 + 5 */
    cr_assert_eq(dy_agents_count(f->agents), 34);
    release(f);
}

Test(agents, longest_first_then_file_order)
{
    fixture *f = load("OPPOSITION [~OPP]\nOPPOSITION_GROUP [~OPPGRP]\n"
                      "REBEL [~REB]\nREBEL OPPOSITION GROUP {} [~ROP]\n");
    size_t len;
    cr_assert_str_eq(agent_at(f, "OPPOSITION GROUP", 0, &len), "OPPGRP");
    cr_assert_eq(len, 2);
    cr_assert_str_eq(agent_at(f, "OPPOSITION LEADER", 0, &len), "OPP");
    cr_assert_eq(len, 1);
    cr_assert_str_eq(agent_at(f, "REBEL ARMED OPPOSITION GROUP", 0, &len), "ROP");
    cr_assert_eq(len, 4);
    cr_assert_str_eq(agent_at(f, "REBEL GROUP", 0, &len), "REB");
    release(f);
}

Test(agents, conflicting_duplicates_warn_once_per_line)
{
    fixture *f = load("!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES\n"
                      "!MINIST! OF_ENVIRONMENT [~ENV]\n"
                      "!MINIST! OF_ENVIRONMENT [~GOVENV]\n"
                      "SOLDIER [~MIL]\nSOLDIER [~MIL]\n");
    cr_assert_eq(f->sink.count, 1);
    cr_assert(dy_test_warned(&f->warn, 3, "and 3 more forms"));
    cr_assert_str_eq(agent_at(f, "MINISTRY OF ENVIRONMENT", 0, NULL), "ENV");
    cr_assert_str_eq(agent_at(f, "SOLDIERS", 0, NULL), "MIL");
    release(f);
}

Test(agents, malformed_lines_warn_with_their_line_and_the_rest_loads)
{
    fixture *f = load("ISLAMIC_EXTREMIST\n"                 /* 1 no code */
                      "DEPARMENT_OF_ENVIRONMENT [~ENV}\n"    /* 2 missing ] */
                      "SHERIFF [COP]\n"                      /* 3 no ~: read as ~COP */
                      "WARDEN [~]\n"                         /* 4 empty code */
                      "HEAD_OF_POLICE {HEADS_OF_POLICE [~COP]\n" /* 5 missing } */
                      "!UNKNOWN!_GUARD [~MIL]\n"             /* 6 undefined marker */
                      "!BROKEN = A, B\n"                     /* 7 bad definition */
                      "JAILER [~COP] extra words\n"          /* 8 text after code */
                      "RANGER [~X Y]\n"                      /* 9 two codes */
                      "SUPREME_PEOPLE _COURT  [~JUD]\n"      /* 10 odd separator */
                      "ELF [~ELF~]\n"                        /* 11 ~ on both sides */
                      "HOBBIT [~HOB]\n");                    /* 12 */
    cr_assert(dy_test_warned(&f->warn, 1, "no [CODE]"));
    cr_assert(dy_test_warned(&f->warn, 2, "missing ']'"));
    cr_assert(dy_test_warned(&f->warn, 3, "no '~'"));
    cr_assert(dy_test_warned(&f->warn, 4, "empty"));
    cr_assert(dy_test_warned(&f->warn, 5, "missing '}'"));
    cr_assert(dy_test_warned(&f->warn, 6, "!UNKNOWN! is not defined"));
    cr_assert(dy_test_warned(&f->warn, 7, "not of the form"));
    cr_assert(dy_test_warned(&f->warn, 8, "extra words"));
    cr_assert(dy_test_warned(&f->warn, 9, "not a single code"));
    cr_assert(dy_test_warned(&f->warn, 10, "odd separators"));
    cr_assert(dy_test_warned(&f->warn, 11, "both sides"));
    cr_assert_eq(f->sink.count, 11);
    cr_assert_str_eq(agent_at(f, "SHERIFFS", 0, NULL), "COP");
    cr_assert_str_eq(agent_at(f, "JAILER", 0, NULL), "COP");
    cr_assert_str_eq(agent_at(f, "SUPREME PEOPLE 'S COURT", 0, NULL), "JUD");
    cr_assert_null(agent_at(f, "ELVES", 0, NULL));
    cr_assert_str_eq(agent_at(f, "ELF", 0, NULL), "ELF");
    cr_assert_str_eq(agent_at(f, "HOBBITS", 0, NULL), "HOB");
    cr_assert_null(agent_at(f, "WARDEN", 0, NULL));
    cr_assert_null(agent_at(f, "HEAD OF POLICE", 0, NULL));
    release(f);
}

Test(agents, markers_belong_to_their_file)
{
    fixture *f = load(NULL);
    const char *one = "!PERSON! = MAN, WOMAN\nCHAIR!PERSON! [~GOV]\n";
    const char *two = "SPOKES!PERSON! [~GOV]\n";
    cr_assert_eq(dy_agents_load(f->agents, "one", one, strlen(one), &f->sink), DYAD_OK);
    cr_assert_eq(dy_agents_load(f->agents, "two", two, strlen(two), &f->sink), DYAD_OK);
    cr_assert_eq(dy_agents_finish(f->agents), DYAD_OK);
    cr_assert_str_eq(agent_at(f, "CHAIRWOMAN", 0, NULL), "GOV");
    cr_assert_null(agent_at(f, "SPOKESMAN", 0, NULL));
    cr_assert_eq(f->warn.n, 1);
    cr_assert(strstr(f->warn.text[0], "not defined"));
    release(f);
}

Test(agents, validation_dictionary)
{
    size_t len;
    char *data = dy_test_read_shared(&len, "petrarch2/dictionaries/%s", "PETR.Validate.agents.txt");
    if (!data)
        cr_skip("shared PETRARCH dictionaries absent");
    fixture *f = load(NULL);
    cr_assert_eq(dy_agents_load(f->agents, "PETR.Validate.agents.txt", data, len, &f->sink), DYAD_OK);
    cr_assert_eq(dy_agents_finish(f->agents), DYAD_OK);
    cr_assert_eq(f->sink.count, 0);
    cr_assert_eq(dy_agents_count(f->agents), 165);
    cr_assert_str_eq(agent_at(f, "CONGRESSWOMEN", 0, NULL), "LEG");
    cr_assert_str_eq(agent_at(f, "MINISTRIES OF SILLY WALKS", 0, NULL), "GOV");
    cr_assert_str_eq(agent_at(f, "HUMAN RIGHTS ORGANIZATION", 0, NULL), "NGO~");
    free(data);
    release(f);
}

Test(agents, phoenix_dictionary)
{
    size_t len;
    char *data = dy_test_read_shared(&len, "petrarch2/dictionaries/%s", "Phoenix.agents.txt");
    if (!data)
        cr_skip("shared Phoenix dictionaries absent");
    fixture *f = load(NULL);
    cr_assert_eq(dy_agents_load(f->agents, "Phoenix.agents.txt", data, len, &f->sink), DYAD_OK);
    cr_assert_eq(dy_agents_finish(f->agents), DYAD_OK);
    cr_assert_eq(dy_agents_count(f->agents), 5170);
    /* All genuine defects: conflicting duplicates, a missing code, a '}'
     * for ']' and "PEOPLE _COURT"; see docs/dictionaries.md. */
    cr_assert_eq(f->sink.count, 12);
    cr_assert(dy_test_warned(&f->warn, 544, "missing ']'"));
    cr_assert(dy_test_warned(&f->warn, 1927, "no [CODE]"));
    cr_assert_str_eq(agent_at(f, "FOREIGN MINISTER", 0, NULL), "GOV");
    cr_assert_str_eq(agent_at(f, "POLICEWOMEN", 0, NULL), "COP");
    free(data);
    release(f);
}

Test(agents, gaps_take_the_first_occurrence)
{
    /* As the !MINIST! lines of the Phoenix file: a gap after the first word. */
    fixture *f = load("MINISTER [~GOV]\nMINISTER FOR_DEFENCE {} [~MIL]\nMINISTER FOR_TRADE {} [~ECO]\n"
                      "MINISTER OF_STATE_FOR_DEFENCE {} [~GOVMIL]\n");
    size_t len;
    cr_assert_str_eq(agent_at(f, "MINISTER FOR DEFENCE", 0, &len), "MIL");
    cr_assert_eq(len, 3);
    cr_assert_str_eq(agent_at(f, "MINISTER OF STATE FOR DEFENCE", 0, &len), "GOVMIL");
    cr_assert_eq(len, 5);
    cr_assert_str_eq(agent_at(f, "MINISTER AND HEAD FOR TRADE", 0, &len), "ECO");
    cr_assert_eq(len, 5);
    /* FOR takes its first occurrence, which is not followed by DEFENCE. */
    cr_assert_str_eq(agent_at(f, "MINISTER FOR SPORT FOR DEFENCE", 0, &len), "GOV");
    cr_assert_eq(len, 1);
    cr_assert_str_eq(agent_at(f, "MINISTERS", 0, &len), "GOV");
    release(f);
}

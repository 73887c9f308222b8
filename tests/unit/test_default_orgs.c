/* Unit tests for three of the default dictionaries in data/dict/:
 * organizations.actors.txt, discards.txt and issues.txt.  They are read
 * from the repository root, where the tests run, so a change to one of the
 * files is tested without rebuilding anything. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict/engine.h"
#include "dict_test_util.h"

#define ORGS_FILE "data/dict/organizations.actors.txt"
#define DISCARDS_FILE "data/dict/discards.txt"
#define ISSUES_FILE "data/dict/issues.txt"

/* ---- helpers --------------------------------------------------------- */

/* The whole file, NUL-terminated and malloc'ed; fails the test if absent. */
static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    cr_assert_not_null(fp, "%s: cannot open (tests run from the repository root)", path);
    fseek(fp, 0, SEEK_END);
    long size = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    cr_assert_gt(size, 0, "%s is empty", path);
    char *buf = malloc((size_t)size + 1);
    cr_assert_not_null(buf);
    *len = fread(buf, 1, (size_t)size, fp);
    buf[*len] = '\0';
    fclose(fp);
    return buf;
}

/* Prints the warnings collected, so that a failing zero-warning check
 * says which lines are at fault. */
static void show_warnings(const char *file, const dy_test_warnings *w)
{
    for (size_t i = 0; i < w->n && i < DY_TEST_MAX_WARN; i++)
        fprintf(stderr, "%s:%ld: %s\n", file, w->line[i], w->text[i]);
}

typedef struct fixture {
    dy_intern *words;
    dy_actors *actors;
    dy_discards *discards;
    dy_issues *issues;
    dy_test_warnings warn;
    dy_diag_sink sink;
} fixture;

static fixture *load_all(void)
{
    fixture *f = calloc(1, sizeof *f);
    cr_assert_not_null(f);
    f->words = dy_intern_create();
    f->actors = dy_actors_create(f->words);
    f->discards = dy_discards_create(f->words);
    f->issues = dy_issues_create(f->words);
    cr_assert(f->actors && f->discards && f->issues);
    f->sink = (dy_diag_sink){.fn = dy_test_collect, .user = &f->warn};

    size_t len;
    char *text = slurp(ORGS_FILE, &len);
    cr_assert_eq(dy_actors_load(f->actors, ORGS_FILE, text, len, &f->sink), DYAD_OK);
    cr_assert_eq(dy_actors_finish(f->actors), DYAD_OK);
    free(text);
    if (f->sink.count)
        show_warnings(ORGS_FILE, &f->warn);
    cr_assert_eq(f->sink.count, 0, "%s loads without warnings", ORGS_FILE);

    text = slurp(DISCARDS_FILE, &len);
    cr_assert_eq(dy_discards_load(f->discards, DISCARDS_FILE, text, len, &f->sink), DYAD_OK);
    cr_assert_eq(dy_discards_finish(f->discards), DYAD_OK);
    free(text);
    if (f->sink.count)
        show_warnings(DISCARDS_FILE, &f->warn);
    cr_assert_eq(f->sink.count, 0, "%s loads without warnings", DISCARDS_FILE);

    text = slurp(ISSUES_FILE, &len);
    cr_assert_eq(dy_issues_load(f->issues, ISSUES_FILE, text, len, &f->sink), DYAD_OK);
    cr_assert_eq(dy_issues_finish(f->issues), DYAD_OK);
    free(text);
    if (f->sink.count)
        show_warnings(ISSUES_FILE, &f->warn);
    cr_assert_eq(f->sink.count, 0, "%s loads without warnings", ISSUES_FILE);
    return f;
}

static void release(fixture *f)
{
    dy_actors_free(f->actors);
    dy_discards_free(f->discards);
    dy_issues_free(f->issues);
    dy_intern_free(f->words);
    free(f);
}

/* The code of the actor starting at word `pos` of a blank-separated
 * sentence (tokens as the tokenizer makes them), or NULL; *len its length. */
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

static int discard(const fixture *f, const char *text, const char **phrase)
{
    const char *p = NULL;
    int r = dy_discards_check(f->discards, text, strlen(text), &p);
    if (phrase)
        *phrase = p ? p : "";
    return r;
}

/* "CODE n, CODE n" for the issues of a text ("" for none). */
static const char *issues_of(const fixture *f, const char *text)
{
    static char out[512];
    dyad_issue found[16];
    size_t n = dy_issues_find(f->issues, text, strlen(text), found, 16);
    size_t k = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && k < sizeof out; i++)
        k += (size_t)snprintf(out + k, sizeof out - k, "%s%s %d", i ? ", " : "", found[i].code,
                              found[i].count);
    return out;
}

/* ---- actors ---------------------------------------------------------- */

Test(default_orgs, files_load_without_warnings_and_are_large)
{
    fixture *f = load_all();
    cr_assert_gt(dy_actors_count(f->actors), 3000, "actor phrases: %zu", dy_actors_count(f->actors));
    cr_assert_gt(dy_discards_count(f->discards), 400, "discards: %zu", dy_discards_count(f->discards));
    cr_assert_gt(dy_issues_count(f->issues), 1000, "issue forms: %zu", dy_issues_count(f->issues));
    release(f);
}

Test(default_orgs, intergovernmental_bodies)
{
    fixture *f = load_all();
    const int32_t d = 20240110;
    size_t len = 0;
    cr_assert_str_eq(code_at(f, "THE UN SECURITY COUNCIL CONDEMNED THE ATTACK", 1, d, &len), "IGOUNO");
    cr_assert_eq(len, 3, "the longest phrase wins over UN alone");
    cr_assert_str_eq(code_at(f, "U.N. CHIEF", 0, d, NULL), "IGOUNO");
    cr_assert_str_eq(code_at(f, "THE UN REFUGEE AGENCY SAID", 1, d, NULL), "IGOUNOREFHCR");
    cr_assert_str_eq(code_at(f, "UNICEF WARNED", 0, d, NULL), "IGOUNOKID");
    cr_assert_str_eq(code_at(f, "MONUSCO PEACEKEEPERS", 0, d, NULL), "IGOUNOMIL");
    cr_assert_str_eq(code_at(f, "THE UN NUCLEAR WATCHDOG", 1, d, NULL), "IGOUNOIAE");
    cr_assert_str_eq(code_at(f, "NATO ALLIES", 0, d, NULL), "IGOWSTNAT");
    cr_assert_str_eq(code_at(f, "THE EUROPEAN COMMISSION", 1, d, NULL), "IGOEUREEC");
    cr_assert_str_eq(code_at(f, "THE EUROPEAN CENTRAL BANK", 1, d, NULL), "IGOEUREECBUS");
    cr_assert_str_eq(code_at(f, "COUNCIL OF EUROPE", 0, d, NULL), "IGOEURCOE");
    cr_assert_str_eq(code_at(f, "THE AFRICAN UNION", 1, d, NULL), "IGOAFRAFU");
    cr_assert_str_eq(code_at(f, "OPEC + AGREED", 0, d, &len), "IGOBUSOPP");
    cr_assert_eq(len, 2, "OPEC+ is tokenised OPEC +");
    cr_assert_str_eq(code_at(f, "OPEC AGREED", 0, d, NULL), "IGOBUSOPC");
    cr_assert_str_eq(code_at(f, "THE INTERNATIONAL CRIMINAL COURT", 1, d, NULL), "IGOJUDICC");
    cr_assert_str_eq(code_at(f, "ECOWAS", 0, d, NULL), "IGOWAFWAS");
    release(f);
}

Test(default_orgs, ngos_and_media)
{
    fixture *f = load_all();
    const int32_t d = 20240110;
    cr_assert_str_eq(code_at(f, "AMNESTY INTERNATIONAL SAID", 0, d, NULL), "NGOHRIAMN");
    cr_assert_str_eq(code_at(f, "HUMAN RIGHTS WATCH", 0, d, NULL), "NGOHRIHRW");
    cr_assert_str_eq(code_at(f, "THE INTERNATIONAL COMMITTEE OF THE RED CROSS", 1, d, NULL), "NGOHLHIRC");
    cr_assert_str_eq(code_at(f, "MéDECINS SANS FRONTIèRES", 0, d, NULL), "NGOHLHMSF");
    cr_assert_str_eq(code_at(f, "XINHUA REPORTED", 0, d, NULL), "CHNGOVMED");
    cr_assert_str_eq(code_at(f, "KCNA SAID", 0, d, NULL), "PRKGOVMED");
    cr_assert_str_eq(code_at(f, "REUTERS", 0, d, NULL), "GBRMED");
    cr_assert_str_eq(code_at(f, "AL JAZEERA", 0, d, NULL), "QATMED");
    cr_assert_null(code_at(f, "FARS PROVINCE", 0, d, NULL), "bare Fars is the province");
    cr_assert_str_eq(code_at(f, "FARS NEWS AGENCY", 0, d, NULL), "IRNGOVMED");
    cr_assert_null(code_at(f, "THE AMNESTY LAW", 1, d, NULL), "a bare amnesty is no NGO");
    release(f);
}

Test(default_orgs, armed_groups)
{
    fixture *f = load_all();
    const int32_t d = 20240110;
    size_t len = 0;
    cr_assert_str_eq(code_at(f, "HAMAS FIGHTERS FIRED ROCKETS", 0, d, NULL), "PSEREB");
    cr_assert_str_eq(code_at(f, "HAMAS 'S ARMED WING", 0, d, &len), "PSEREB");
    cr_assert_eq(len, 4);
    cr_assert_str_eq(code_at(f, "THE HAMAS-RUN HEALTH MINISTRY", 1, d, NULL), "PSEGOV");
    cr_assert_str_eq(code_at(f, "AL-QAEDA", 0, d, NULL), "IMGMUSALQ");
    cr_assert_str_eq(code_at(f, "AL QAEDA IN THE ARABIAN PENINSULA", 0, d, NULL), "YEMINS");
    cr_assert_str_eq(code_at(f, "ISLAMIC STATE", 0, d, NULL), "IMGMUSISL");
    cr_assert_str_eq(code_at(f, "FOR A STRICT ISLAMIC STATE IN NIGERIA", 1, d, &len), "---",
                     "a form of government, not the group");
    cr_assert_eq(len, 4);
    cr_assert_str_eq(code_at(f, "ISWAP", 0, d, NULL), "NGAINS");
    cr_assert_str_eq(code_at(f, "HEZBOLLAH", 0, d, NULL), "LBNUAF");
    cr_assert_str_eq(code_at(f, "THE HOUTHIS", 1, d, NULL), "YEMREB");
    cr_assert_str_eq(code_at(f, "AL-SHABAAB MILITANTS", 0, d, NULL), "SOMINS");
    cr_assert_str_eq(code_at(f, "KURDISTAN WORKERS ' PARTY", 0, d, &len), "TURSEP");
    cr_assert_eq(len, 4);
    cr_assert_str_eq(code_at(f, "PAKISTANI TALIBAN", 0, d, NULL), "PAKINS");
    cr_assert_str_eq(code_at(f, "WAGNER GROUP", 0, d, NULL), "RUSUAF");
    cr_assert_str_eq(code_at(f, "M23 REBELS", 0, d, NULL), "CODREB");
    cr_assert_null(code_at(f, "ADF", 0, d, NULL), "ADF is also the Australian Defence Force");
    cr_assert_null(code_at(f, "IS", 0, d, NULL));
    release(f);
}

Test(default_orgs, date_restrictions)
{
    fixture *f = load_all();
    /* The Taliban: rebels, government, insurgents, government again. */
    cr_assert_str_eq(code_at(f, "TALIBAN", 0, 19950601, NULL), "AFGREB");
    cr_assert_str_eq(code_at(f, "TALIBAN", 0, 19980601, NULL), "AFGGOV");
    cr_assert_str_eq(code_at(f, "TALIBAN", 0, 20011113, NULL), "AFGGOV");
    cr_assert_str_eq(code_at(f, "TALIBAN", 0, 20011114, NULL), "AFGINS");
    cr_assert_str_eq(code_at(f, "TALIBAN", 0, 20210814, NULL), "AFGINS");
    cr_assert_str_eq(code_at(f, "TALIBAN", 0, 20210815, NULL), "AFGGOV");
    /* Hay'at Tahrir al-Sham before and after Assad's fall. */
    cr_assert_str_eq(code_at(f, "HAY'AT TAHRIR AL-SHAM", 0, 20200101, NULL), "SYRREB");
    cr_assert_str_eq(code_at(f, "HTS", 0, 20250101, NULL), "SYRGOV");
    /* The TPLF and the Muslim Brotherhood. */
    cr_assert_str_eq(code_at(f, "TPLF", 0, 20000101, NULL), "ETHGOV");
    cr_assert_str_eq(code_at(f, "TPLF", 0, 20210601, NULL), "ETHREB");
    cr_assert_str_eq(code_at(f, "TPLF", 0, 20240601, NULL), "ETHOPP");
    cr_assert_str_eq(code_at(f, "MUSLIM BROTHERHOOD", 0, 20121201, NULL), "EGYGOV");
    cr_assert_str_eq(code_at(f, "MUSLIM BROTHERHOOD", 0, 20140101, NULL), "EGYOPP");
    /* RSF: the press freedom group, then Sudan's paramilitary. */
    cr_assert_str_eq(code_at(f, "RSF", 0, 20100101, NULL), "NGOHRIMED");
    cr_assert_str_eq(code_at(f, "RSF", 0, 20200101, NULL), "SDNMIL");
    cr_assert_str_eq(code_at(f, "RAPID SUPPORT FORCES", 0, 20230415, NULL), "SDNREB");
    /* A bare IRA after 2005 resolves to the null code. */
    cr_assert_str_eq(code_at(f, "IRA", 0, 19900101, NULL), "GBRSEP");
    cr_assert_str_eq(code_at(f, "IRA", 0, 20230101, NULL), "---");
    release(f);
}

/* ---- political parties and groups added for 2023-2026 news ------------ */

/* The code of the whole of `text` (blank-separated words) on `date`:
 * fails unless the phrase covers every word. */
static void expect_party(const fixture *f, const char *text, int32_t date, const char *code)
{
    size_t len = 0, n_words = 1;
    for (const char *p = text; *p; p++)
        n_words += *p == ' ';
    const char *got = code_at(f, text, 0, date, &len);
    cr_assert_not_null(got, "'%s' on %d: no match", text, (int)date);
    cr_expect_str_eq(got, code, "'%s' on %d: %s, expected %s", text, (int)date, got, code);
    cr_expect_eq(len, n_words, "'%s' on %d: matched %zu of %zu words", text, (int)date, len, n_words);
}

Test(default_orgs, ruling_and_opposition_parties)
{
    fixture *f = load_all();
    /* Turkey: the opposition CHP, with its leader not recoded as GOV. */
    expect_party(f, "CHP", 20250324, "TUROPP");
    expect_party(f, "CHP LEADER", 20250324, "TUROPP");
    expect_party(f, "REPUBLICAN PEOPLE 'S PARTY", 20250324, "TUROPP");
    expect_party(f, "REPUBLICAN PEOPLE PARTY", 20250324, "TUROPP");   /* the coder drops 's */
    expect_party(f, "AKP", 20250324, "TURGOV");
    expect_party(f, "MHP", 20200101, "TURPTY");                      /* People's Alliance */
    expect_party(f, "DEM PARTY", 20250101, "TUROPP");
    /* Serbia, Georgia, Armenia */
    expect_party(f, "SERBIAN PROGRESSIVE PARTY", 20250101, "SRBGOV");
    expect_party(f, "SNS", 20100101, "SRBOPP");
    expect_party(f, "GEORGIAN DREAM", 20241201, "GEOGOV");
    expect_party(f, "UNITED NATIONAL MOVEMENT", 20100101, "GEOGOV");
    expect_party(f, "UNITED NATIONAL MOVEMENT", 20241201, "GEOOPP");
    expect_party(f, "CIVIL CONTRACT PARTY", 20250101, "ARMGOV");
    /* Israel and the Palestinians */
    expect_party(f, "LIKUD", 20220101, "ISROPP");
    expect_party(f, "LIKUD", 20240101, "ISRGOV");
    expect_party(f, "OTZMA YEHUDIT", 20250201, "ISROPP");             /* out over the ceasefire */
    expect_party(f, "OTZMA YEHUDIT", 20250401, "ISRGOV");
    expect_party(f, "FATAH", 20240101, "PSEGOV");
    expect_party(f, "FATAH", 20060601, "PSEOPP");                     /* Hamas's cabinet */
    expect_party(f, "PLO", 19900101, "PSEREB");
    expect_party(f, "PLO", 20240101, "PSEGOV");
    /* Pakistan and India */
    expect_party(f, "PAKISTAN TEHREEK-E-INSAF", 20200101, "PAKGOV");
    expect_party(f, "PAKISTAN TEHREEK-E-INSAF", 20240101, "PAKOPP");
    expect_party(f, "PTI SUPPORTERS", 20240101, "PAKOPP");
    expect_party(f, "PML-N", 20240601, "PAKGOV");
    expect_party(f, "BJP", 20100101, "INDOPP");
    expect_party(f, "BJP", 20200101, "INDGOV");
    expect_party(f, "CONGRESS PARTY", 20100101, "INDGOV");
    expect_party(f, "CONGRESS PARTY", 20200101, "INDOPP");
    /* Poland, December 2023: PiS out, Civic Coalition in (limits inclusive). */
    expect_party(f, "PIS", 20231212, "POLGOV");
    expect_party(f, "PIS", 20231213, "POLOPP");
    expect_party(f, "CIVIC COALITION", 20231212, "POLOPP");
    expect_party(f, "CIVIC COALITION", 20231213, "POLGOV");
    /* Britain, July 2024 */
    expect_party(f, "LABOUR PARTY", 20240704, "GBROPP");
    expect_party(f, "LABOUR PARTY", 20240705, "GBRGOV");
    expect_party(f, "TORIES", 20240101, "GBRGOV");
    expect_party(f, "TORIES", 20250101, "GBROPP");
    expect_party(f, "REFORM UK LEADER", 20250101, "GBROPP");
    /* United States */
    expect_party(f, "REPUBLICANS", 20240101, "USAOPP");
    expect_party(f, "REPUBLICANS", 20250601, "USAGOV");
    expect_party(f, "DEMOCRATS", 20240101, "USAGOV");
    expect_party(f, "GOP", 20180101, "USAGOV");
    /* Germany, Hungary, Sweden, the Netherlands */
    expect_party(f, "AFD", 20250101, "DEUOPP");
    expect_party(f, "CDU", 20240101, "DEUOPP");
    expect_party(f, "CDU", 20250601, "DEUGOV");
    expect_party(f, "SOCIAL DEMOCRATS", 20240101, "DEUGOV");
    expect_party(f, "FDP", 20241201, "DEUOPP");                        /* left in November 2024 */
    expect_party(f, "FIDESZ", 20050101, "HUNOPP");
    expect_party(f, "FIDESZ", 20200101, "HUNGOV");
    expect_party(f, "TISZA", 20250101, "HUNOPP");
    expect_party(f, "SWEDEN DEMOCRATS", 20230101, "SWEPTY");
    expect_party(f, "SWEDEN DEMOCRATS", 20200101, "SWEOPP");
    expect_party(f, "PVV", 20250101, "NLDGOV");
    expect_party(f, "PVV", 20250701, "NLDOPP");
    /* Asia and Africa */
    expect_party(f, "COMMUNIST PARTY", 20240101, "CHNGOV");
    expect_party(f, "COMMUNIST PARTY OF VIETNAM", 20240101, "VNMGOV");
    expect_party(f, "LDP", 20100101, "JPNOPP");
    expect_party(f, "KOMEITO", 20240101, "JPNGOV");
    expect_party(f, "KOMEITO", 20251101, "JPNOPP");
    expect_party(f, "PEOPLE POWER PARTY", 20230101, "KORGOV");
    expect_party(f, "PEOPLE POWER PARTY", 20250701, "KOROPP");
    expect_party(f, "AWAMI LEAGUE", 20200101, "BGDGOV");
    expect_party(f, "AWAMI LEAGUE", 20250101, "BGDOPP");
    expect_party(f, "NATIONAL LEAGUE FOR DEMOCRACY", 20180101, "MMRGOV");
    expect_party(f, "ANC", 20240101, "ZAFGOV");
    expect_party(f, "DEMOCRATIC ALLIANCE", 20230101, "ZAFOPP");
    expect_party(f, "DEMOCRATIC ALLIANCE", 20241001, "ZAFGOV");
    expect_party(f, "ALL PROGRESSIVES CONGRESS", 20200101, "NGAGOV");
    expect_party(f, "ZANU-PF", 20240101, "ZWEGOV");
    expect_party(f, "BAATH PARTY", 20000101, "IRQGOV");
    expect_party(f, "BAATH PARTY", 20100101, "SYRGOV");
    expect_party(f, "BAATH PARTY", 20250301, "SYROPP");
    expect_party(f, "AMAL MOVEMENT", 20240101, "LBNGOV");
    expect_party(f, "LEBANESE FORCES PARTY", 20250301, "LBNGOV");
    release(f);
}

Test(default_orgs, ambiguous_party_names_are_left_out_or_resolved)
{
    fixture *f = load_all();
    const int32_t d = 20250101;
    /* "PTI" alone stays the Press Trust of India. */
    cr_assert_str_eq(code_at(f, "PTI REPORTED", 0, d, NULL), "INDMED");
    /* Nigeria's PDP without the apostrophe, Turkey's HDP with it. */
    expect_party(f, "PEOPLES DEMOCRATIC PARTY", 20100101, "NGAGOV");
    expect_party(f, "PEOPLES ' DEMOCRATIC PARTY", 20100101, "TUROPP");
    /* a longer name wins over a party inside it */
    expect_party(f, "FATAH AL-ISLAM", d, "LBNINS");
    expect_party(f, "COMMUNIST PARTY OF THE PHILIPPINES", d, "PHLREB");
    expect_party(f, "KURDISTAN DEMOCRATIC PARTY OF IRAN", d, "IRNSEP");
    expect_party(f, "KURDISTAN DEMOCRATIC PARTY", d, "IRQGOV");
    /* a river and a bank are not parties */
    expect_party(f, "TISZA RIVER", d, "---");
    expect_party(f, "BNP PARIBAS", d, "---");
    /* left out: an armoured personnel carrier, a rally, Lebanon's army,
     * a modem, a common verb phrase, the People's Party of two countries */
    cr_assert_null(code_at(f, "AN APC", 1, d, NULL));
    cr_assert_null(code_at(f, "A NATIONAL RALLY", 1, d, NULL));
    cr_assert_null(code_at(f, "LEBANESE FORCES FIRED", 0, d, NULL));
    cr_assert_null(code_at(f, "A MODEM", 1, d, NULL));
    cr_assert_null(code_at(f, "TO MOVE FORWARD", 1, d, NULL));
    cr_assert_null(code_at(f, "PPP LEADERS", 0, d, NULL));
    release(f);
}

Test(default_orgs, groups_added_for_recent_conflicts)
{
    fixture *f = load_all();
    const int32_t d = 20250601;
    expect_party(f, "LAKURAWA", d, "NGAINS");
    expect_party(f, "AL-BARAA BIN MALIK BRIGADE", d, "SDNUAF");
    expect_party(f, "MEN OF DIGNITY", d, "SYRUAF");
    expect_party(f, "KALINOUSKI REGIMENT", d, "BLRREB");
    expect_party(f, "AKHMAT SPECIAL FORCES", d, "RUSMIL");
    expect_party(f, "G-PEP", d, "HTICRM");
    expect_party(f, "LOS CHONEROS", d, "ECUCRM");
    expect_party(f, "DISSIDENT REPUBLICANS", d, "GBRSEP");
    expect_party(f, "MULTINATIONAL SECURITY SUPPORT MISSION", d, "KENCOP");
    expect_party(f, "ANTI-CORRUPTION FOUNDATION", d, "RUSOPP");
    expect_party(f, "MYANMAR NATIONAL UNITY GOVERNMENT", d, "MMROPP");
    expect_party(f, "BELARUSIAN COORDINATION COUNCIL", d, "BLROPP");
    expect_party(f, "UNITARY PLATFORM", d, "VENOPP");
    release(f);
}

/* ---- discards and issues --------------------------------------------- */

Test(default_orgs, discards)
{
    fixture *f = load_all();
    const char *phrase;
    cr_assert_eq(discard(f, "Chelsea won 2-1 in the Premier League on Sunday.", &phrase), 1);
    cr_assert_eq(discard(f, "Brazil beat Argentina 3-0 in a World Cup qualifier.", &phrase), 1);
    cr_assert_eq(discard(f, "The Nikkei share average closed higher.", &phrase), 1);
    cr_assert_eq(discard(f, "Your horoscope for Tuesday.", &phrase), 2);
    cr_assert_str_eq(phrase, "HOROSCOPE");
    cr_assert_eq(discard(f, "Add two tablespoons of olive oil.", &phrase), 2);
    cr_assert_str_eq(phrase, "TABLESPOON");
    /* Political text that shares words with sports or markets. */
    cr_assert_eq(discard(f, "The rebels agreed to a ceasefire to match the army's offer.", &phrase), 0);
    cr_assert_eq(discard(f, "Russia scored a diplomatic victory at the final session of the summit.", &phrase), 0);
    cr_assert_eq(discard(f, "The court ruled 2-1 that the election law was valid.", &phrase), 0);
    cr_assert_eq(discard(f, "Amnesty criticised Qatar over World Cup workers.", &phrase), 0);
    release(f);
}

Test(default_orgs, issues)
{
    fixture *f = load_all();
    cr_assert_str_eq(issues_of(f, "Iran expanded its nuclear programme and enriched uranium."), "NUCLEAR 2");
    cr_assert_str_eq(issues_of(f, "The EU imposed sanctions on Iran."), "SANCTIONS 1");
    cr_assert_str_eq(issues_of(f, "Both sides agreed to a cease-fire."), "CEASEFIRE 1");
    cr_assert_str_eq(issues_of(f, "Refugees fled the fighting as the famine spread."),
                     "REFUGEES 1, FOOD_SECURITY 1");
    cr_assert_str_eq(issues_of(f, "The minister was charged with bribery and money laundering."),
                     "CORRUPTION 2");
    cr_assert_str_eq(issues_of(f, "The government met the rebels."), "");
    cr_assert_str_eq(issues_of(f, "He flew economy class to the trade talks."), "", "ignore phrase");
    release(f);
}

/* Unit tests for lib/doc/dates.c: calendar arithmetic, date parsing and
 * formatting, the temporal expressions of a sentence (explicit, relative,
 * inferred years, future clauses) with their false positives, and the
 * choice of the expression that dates an event. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "doc/dates.h"
#include "tag/tagger.h"
#include "text/text.h"

static dy_arena *arena;

static void setup(void)
{
    arena = dy_arena_create(0);
}

static void teardown(void)
{
    dy_arena_free(arena);
}

TestSuite(dates, .init = setup, .fini = teardown);

static dy_date D(const char *s)
{
    dy_date d;
    cr_assert(dy_date_parse(s, strlen(s), &d), "bad test date %s", s);
    return d;
}

typedef struct sent {
    dy_token *t;
    uint32_t n;
} sent;

/* Tokens of text, tagged unless raw. */
static sent tokens(const char *text, int raw)
{
    sent s;
    dy_msg msg;
    cr_assert_eq(dy_tokenize(arena, text, strlen(text), &s.t, &s.n, NULL, &msg), DYAD_OK);
    if (!raw)
        dy_tag_sentence(s.t, s.n, arena);
    return s;
}

/* The expressions of text as "tokens=YYYY-MM-DD/prec/E|R" joined by "; ",
 * with +y (year inferred), +b (bound), +f (future). */
static const char *found(const char *art, unsigned flags, const char *text, int raw)
{
    static const char *const prec[] = {"day", "week", "month", "year"};
    sent s = tokens(text, raw);
    dy_timex x[DY_TIMEX_MAX];
    uint32_t nx = dy_dates_find(s.t, s.n, D(art), flags, x, DY_TIMEX_MAX);
    char *out = dy_arena_alloc(arena, 4096);
    size_t o = 0;
    out[0] = '\0';
    for (uint32_t k = 0; k < nx; k++) {
        char buf[DY_DATE_BUF];
        cr_assert_lt(x[k].first, x[k].last);
        cr_assert_leq(x[k].last, s.n);
        if (k)
            cr_assert_geq(x[k].first, x[k - 1].last, "expressions overlap");
        if (k)
            o += (size_t)snprintf(out + o, 4096 - o, "; ");
        for (uint32_t i = x[k].first; i < x[k].last; i++)
            o += (size_t)snprintf(out + o, 4096 - o, "%s%s", i > x[k].first ? " " : "",
                                  s.t[i].text);
        o += (size_t)snprintf(out + o, 4096 - o, "=%s/%s/%s%s%s%s",
                              dy_date_format(x[k].date, buf), prec[x[k].prec],
                              x[k].kind == DY_TIMEX_EXPLICIT ? "E" : "R",
                              x[k].flags & DY_TIMEX_YEAR_INFERRED ? "+y" : "",
                              x[k].flags & DY_TIMEX_BOUND ? "+b" : "",
                              x[k].flags & DY_TIMEX_FUTURE ? "+f" : "");
    }
    return out;
}

/* Article dates used below: 2014-03-05 is a Wednesday. */
#define WED "2014-03-05"
#define T(text, want) cr_expect_str_eq(found(WED, 0, text, 0), want, "in <%s>", text)
#define TF(text, want) \
    cr_expect_str_eq(found(WED, DY_DATES_PREFER_FUTURE, text, 0), want, "in <%s> (future)", text)
#define TA(art, text, want) cr_expect_str_eq(found(art, 0, text, 0), want, "in <%s> on %s", text, art)

/* ---- calendar --------------------------------------------------------------- */

Test(dates, days_from_civil_and_back)
{
    dy_date epoch = {1970, 1, 1};
    cr_expect_eq(dy_days_from_civil(epoch), 0);
    cr_expect_eq(dy_days_from_civil(D("2000-03-01")), 11017);
    cr_expect_eq(dy_days_from_civil(D("1969-12-31")), -1);
    cr_expect_eq(dy_days_from_civil(D("2014-03-05")) - dy_days_from_civil(D("2013-03-05")), 365);
    cr_expect_eq(dy_days_from_civil(D("2013-03-05")) - dy_days_from_civil(D("2012-03-05")), 365);
    cr_expect_eq(dy_days_from_civil(D("2012-03-05")) - dy_days_from_civil(D("2011-03-05")), 366);
    dy_date bc = {-1, 12, 31};
    /* year 0 (1 BC) is a leap year */
    cr_expect_eq(dy_days_from_civil(bc) + 1, dy_days_from_civil((dy_date){0, 1, 1}));
    cr_expect_eq(dy_days_from_civil((dy_date){0, 1, 1}) + 366, dy_days_from_civil((dy_date){1, 1, 1}));
    /* every day of more than 4,000 years goes there and back, in order */
    dy_date prev = dy_civil_from_days(-800001);
    for (int64_t z = -800000; z <= 800000; z++) {
        dy_date d = dy_civil_from_days(z);
        if (z >= -719162 && z <= 2932896)   /* 0001-01-01 .. 9999-12-31 */
            cr_assert(dy_date_valid(d), "day %lld", (long long)z);
        cr_assert_eq(dy_days_from_civil(d), z);
        cr_assert_gt(dy_date_cmp(d, prev), 0);
        prev = d;
    }
}

Test(dates, weekdays_leap_years_and_month_lengths)
{
    cr_expect_eq(dy_weekday(D("1970-01-01")), 4);   /* Thursday */
    cr_expect_eq(dy_weekday(D("2014-03-03")), 1);   /* Monday */
    cr_expect_eq(dy_weekday(D("2014-03-05")), 3);
    cr_expect_eq(dy_weekday(D("2000-02-29")), 2);
    cr_expect_eq(dy_weekday((dy_date){1969, 12, 28}), 0);   /* Sunday, before the epoch */
    cr_expect_eq(dy_days_in_month(2000, 2), 29);
    cr_expect_eq(dy_days_in_month(1900, 2), 28);
    cr_expect_eq(dy_days_in_month(2012, 2), 29);
    cr_expect_eq(dy_days_in_month(2014, 2), 28);
    cr_expect_eq(dy_days_in_month(2014, 4), 30);
    cr_expect_eq(dy_days_in_month(2014, 12), 31);
    cr_expect_eq(dy_days_in_month(2014, 13), 0);
    cr_expect_eq(dy_days_in_month(2014, 0), 0);
    cr_expect(!dy_date_valid((dy_date){2014, 2, 29}));
    cr_expect(!dy_date_valid((dy_date){0, 1, 1}));
    cr_expect(!dy_date_valid((dy_date){2014, 0, 1}));
    cr_expect(dy_date_valid((dy_date){2016, 2, 29}));
}

Test(dates, day_and_month_arithmetic)
{
    char b[DY_DATE_BUF];
    cr_expect_str_eq(dy_date_format(dy_date_add_days(D("2014-03-01"), -1), b), "2014-02-28");
    cr_expect_str_eq(dy_date_format(dy_date_add_days(D("2012-02-28"), 1), b), "2012-02-29");
    cr_expect_str_eq(dy_date_format(dy_date_add_days(D("2013-12-31"), 1), b), "2014-01-01");
    cr_expect_str_eq(dy_date_format(dy_date_add_months(D("2014-01-31"), 1), b), "2014-02-01");
    cr_expect_str_eq(dy_date_format(dy_date_add_months(D("2014-12-15"), 1), b), "2015-01-01");
    cr_expect_str_eq(dy_date_format(dy_date_add_months(D("2014-01-15"), -1), b), "2013-12-01");
    cr_expect_str_eq(dy_date_format(dy_date_add_months(D("2014-03-05"), -27), b), "2011-12-01");
    cr_expect_lt(dy_date_cmp(D("2014-03-04"), D("2014-03-05")), 0);
    cr_expect_gt(dy_date_cmp(D("2014-04-01"), D("2014-03-31")), 0);
    cr_expect_eq(dy_date_cmp(D("2014-03-05"), D("2014-03-05")), 0);
}

Test(dates, parse_and_format)
{
    dy_date d = {0, 0, 0};
    char b[DY_DATE_BUF];
    cr_expect(dy_date_parse("20140303", 8, &d));
    cr_expect_str_eq(dy_date_format(d, b), "2014-03-03");
    cr_expect(dy_date_parse("2016-02-29", 10, &d));
    cr_expect_str_eq(dy_date_format(d, b), "2016-02-29");
    /* only a prefix of the buffer is read */
    cr_expect(dy_date_parse("2014-03-03T12:00", 10, &d));
    const char *bad[] = {"2014-02-29", "2014/03/03", "201403031", "2014-3-3", "abcd-ef-gh",
                         "20141301", "20140000", "", "2014-03-3x", "0000-01-01"};
    d = (dy_date){1, 2, 3};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        cr_expect(!dy_date_parse(bad[i], strlen(bad[i]), &d), "accepted <%s>", bad[i]);
    cr_expect(d.year == 1 && d.month == 2 && d.day == 3, "output touched on failure");
    cr_expect(!dy_date_parse(NULL, 8, &d));
    cr_expect_str_eq(dy_date_format((dy_date){33, 1, 2}, b), "0033-01-02");
    cr_expect_str_eq(dy_date_format((dy_date){12345, 1, 2}, b), "9999-01-02");
    cr_expect_eq(strlen(dy_date_format((dy_date){-5, 1, 2}, b)), 10);
}

/* ---- explicit dates --------------------------------------------------------- */

Test(dates, explicit_dates)
{
    T("Russian forces shelled Kyiv on March 3, 2014.", "March 3 , 2014=2014-03-03/day/E");
    T("The deal was signed on 3 March 2014.", "3 March 2014=2014-03-03/day/E");
    T("The deal was signed on 3rd of March 2014.", "3rd of March 2014=2014-03-03/day/E");
    T("It was agreed on 2014-03-03 in Minsk.", "2014-03-03=2014-03-03/day/E");
    T("Russia annexed Crimea in March 2014.", "March 2014=2014-03-01/month/E");
    T("He was elected in 2009.", "2009=2009-01-01/year/E");
    T("The attacks of Sept. 11, 2001 changed that.", "Sept. 11 , 2001=2001-09-11/day/E");
    T("It happened on Jan. 5, 1998 and Dec. 24, 2013.",
      "Jan. 5 , 1998=1998-01-05/day/E; Dec. 24 , 2013=2013-12-24/day/E");
    T("They met in May 2010.", "May 2010=2010-05-01/month/E");
    T("They met in March of 2010.", "March of 2010=2010-03-01/month/E");
    /* a day that does not exist is not a date */
    T("It was signed on February 30, 2014.", "");
}

Test(dates, years_need_a_context)
{
    T("In 2009 people died.", "2009=2009-01-01/year/E");
    T("2009 people died.", "");
    T("Many died in the 2009 election.", "");
    T("A total of 2009 votes were cast.", "");
    T("It has grown since 2009.", "2009=2009-01-01/year/E+b");
    T("The troops will leave by 2030.", "2030=2030-01-01/year/E+b");
    T("It ran from 2009 to 2012.", "2009=2009-01-01/year/E+b; 2012=2012-01-01/year/E");
    T("It ran between 2009 and 2012.", "2009=2009-01-01/year/E; 2012=2012-01-01/year/E");
    T("It rained in the summer of 2009.", "2009=2009-01-01/year/E");
    T("Talks began in early 2009.", "early 2009=2009-01-01/year/E");
    T("Talks began in mid-2009.", "mid-2009=2009-01-01/year/E");
    T("Prices rose 5 percent in 2013.", "2013=2013-01-01/year/E");
    /* out of the range of years a bare number is read as */
    T("Sales fell in 1500 shops.", "");
    T("The 1990s were calm.", "");
}

/* ---- relative dates --------------------------------------------------------- */

Test(dates, days_around_the_article_date)
{
    T("Yesterday, rebels attacked.", "Yesterday=2014-03-04/day/R");
    T("He will speak today and tonight.", "today=2014-03-05/day/R; tonight=2014-03-05/day/R");
    T("He will speak tomorrow.", "tomorrow=2014-03-06/day/R+f");
    T("Shots were heard last night.", "last night=2014-03-04/day/R");
    T("He spoke this morning.", "this morning=2014-03-05/day/R");
    T("They met the day before yesterday.", "day before yesterday=2014-03-03/day/R");
    T("They meet the day after tomorrow.", "day after tomorrow=2014-03-07/day/R+f");
}

Test(dates, weekdays_in_a_past_story)
{
    /* the most recent such day on or before the article date */
    T("Rebels attacked on Monday.", "Monday=2014-03-03/day/R");
    T("Rebels attacked Monday.", "Monday=2014-03-03/day/R");
    T("Rebels attacked on Wednesday.", "Wednesday=2014-03-05/day/R");
    T("Rebels attacked on Thursday.", "Thursday=2014-02-27/day/R");
    T("The march on Sunday was peaceful.", "Sunday=2014-03-02/day/R");
    T("They met on Tuesday morning.", "Tuesday morning=2014-03-04/day/R");
    T("Shelling resumed on Friday night.", "Friday night=2014-02-28/day/R");
    T("Shelling resumed early Saturday.", "early Saturday=2014-03-01/day/R");
    T("They met last Wednesday.", "last Wednesday=2014-02-26/day/R");
    T("They met last Monday.", "last Monday=2014-03-03/day/R");
    T("He met Obama this Monday.", "this Monday=2014-03-03/day/R");
    /* a written date after the weekday wins */
    T("They met on Monday, March 3.", "Monday , March 3=2014-03-03/day/E+y");
}

Test(dates, weekdays_in_the_future)
{
    TF("He will meet Obama on Monday.", "Monday=2014-03-10/day/R+f");
    TF("He will meet Obama on Wednesday.", "Wednesday=2014-03-05/day/R+f");
    TF("He will meet Obama on Thursday.", "Thursday=2014-03-06/day/R+f");
    /* "next" is after the article date whatever the clause */
    T("He will meet Obama next Tuesday.", "next Tuesday=2014-03-11/day/R+f");
    T("He will meet Obama next Wednesday.", "next Wednesday=2014-03-12/day/R+f");
    /* ... and "last" before it */
    TF("He said he met Obama last Thursday.", "last Thursday=2014-02-27/day/R");
}

Test(dates, weeks_months_and_years)
{
    T("Talks collapsed last week.", "last week=2014-02-24/week/R");
    T("Talks resume this week.", "this week=2014-03-03/week/R");
    T("Talks resume next week.", "next week=2014-03-10/week/R+f");
    T("Talks collapsed earlier this week.", "earlier this week=2014-03-03/week/R");
    T("Talks collapsed last month.", "last month=2014-02-01/month/R");
    T("Talks collapsed earlier this month.", "earlier this month=2014-03-01/month/R");
    T("Talks resume next month.", "next month=2014-04-01/month/R+f");
    T("Talks collapsed last year.", "last year=2013-01-01/year/R");
    T("Talks collapsed earlier this year.", "earlier this year=2014-01-01/year/R");
    T("Talks resume next year.", "next year=2015-01-01/year/R+f");
    /* across the new year */
    TA("2014-01-01", "Talks collapsed last week.", "last week=2013-12-23/week/R");
    TA("2014-01-15", "Talks collapsed last month.", "last month=2013-12-01/month/R");
    /* a span is not a date */
    T("Over the last two weeks prices rose.", "");
    T("Talks went on over the weekend.", "the weekend=2014-03-01/day/R");
    T("Talks went on last weekend.", "last weekend=2014-03-01/day/R");
}

Test(dates, counted_offsets)
{
    T("He left two years ago.", "two years ago=2012-01-01/year/R");
    T("He left three days ago.", "three days ago=2014-03-02/day/R");
    T("He left 10 days ago.", "10 days ago=2014-02-23/day/R");
    T("He left a week ago.", "a week ago=2014-02-24/week/R");
    T("He left six months ago.", "six months ago=2013-09-01/month/R");
    T("He left a year ago.", "a year ago=2013-01-01/year/R");
    /* vague or ungrammatical counts are not resolved */
    T("He left a few days ago.", "");
    T("He left two week ago.", "");
    /* "in three days" is a date only in a future clause */
    T("They were killed in three days of fighting.", "");
    TF("Talks will resume in three days.", "three days=2014-03-08/day/R+f");
}

Test(dates, months_without_a_year)
{
    T("Prices rose in March.", "March=2014-03-01/month/E+y");
    T("Prices rose in April.", "April=2013-04-01/month/E+y");
    TF("Elections will be held in April.", "April=2014-04-01/month/E+y+f");
    TF("Elections will be held in February.", "February=2015-02-01/month/E+y+f");
    T("Prices rose last March.", "last March=2013-03-01/month/E+y");
    T("Prices rose last February.", "last February=2014-02-01/month/E+y");
    T("Prices will rise next March.", "next March=2015-03-01/month/E+y+f");
    T("Prices rose this March.", "this March=2014-03-01/month/E+y");
    T("Prices rose in early March.", "early March=2014-03-01/month/E+y");
    T("Prices rose in mid-March.", "mid-March=2014-03-01/month/E+y");
    T("Prices have risen since May.", "May=2013-05-01/month/E+y+b");
    /* a day without a year: the most recent one, or the next one */
    T("They met on March 10.", "March 10=2013-03-10/day/E+y");
    T("They met on March 5.", "March 5=2014-03-05/day/E+y");
    TF("They will meet on March 10.", "March 10=2014-03-10/day/E+y+f");
    T("They met on Feb. 29.", "Feb. 29=2012-02-29/day/E+y");
    T("They met on 3 March.", "3 March=2014-03-03/day/E+y");
}

/* ---- what is not a date ----------------------------------------------------- */

Test(dates, false_positives)
{
    T("May I go? He may go.", "");
    T("March organizers said the march on Monday was peaceful.", "Monday=2014-03-03/day/R");
    T("The Sunday Times reported it.", "");
    T("He spoke to the Sunday Telegraph.", "");
    T("Pilgrims marked Good Friday.", "");
    T("USA Today reported it.", "");
    T("Crowds celebrated Independence Day.", "");
    T("Trump and May met in London.", "");
    T("It was a speech by May.", "");
    T("Prime Minister Theresa May spoke.", "");
    T("Families remembered the Sept. 11 attacks.", "");
    T("He rejected the March 2014 referendum.", "");
    T("They march on the capital.", "");
    T("He works on Mondays.", "");
}

Test(dates, works_without_tags)
{
    cr_expect_str_eq(found(WED, 0, "Rebels attacked on Monday.", 1), "Monday=2014-03-03/day/R");
    cr_expect_str_eq(found(WED, 0, "They met on May 3.", 1), "May 3=2013-05-03/day/E+y");
    cr_expect_str_eq(found(WED, 0, "He left two years ago.", 1),
                     "two years ago=2012-01-01/year/R");
}

Test(dates, limits_and_bad_arguments)
{
    sent s = tokens("Rebels attacked on Monday and Tuesday and Friday.", 0);
    dy_timex x[DY_TIMEX_MAX];
    cr_expect_eq(dy_dates_find(s.t, s.n, D(WED), 0, x, DY_TIMEX_MAX), 3);
    cr_expect_eq(dy_dates_find(s.t, s.n, D(WED), 0, x, 1), 1);
    cr_expect_eq(x[0].first, 3);
    cr_expect_eq(dy_dates_find(s.t, s.n, D(WED), 0, x, 0), 0);
    cr_expect_eq(dy_dates_find(s.t, s.n, (dy_date){2014, 2, 30}, 0, x, DY_TIMEX_MAX), 0);
    cr_expect_eq(dy_dates_find(NULL, 3, D(WED), 0, x, DY_TIMEX_MAX), 0);
    cr_expect_eq(dy_dates_find(s.t, s.n, D(WED), 0, NULL, DY_TIMEX_MAX), 0);
    cr_expect_eq(dy_dates_find(s.t, 0, D(WED), 0, x, DY_TIMEX_MAX), 0);
    /* an expression cut by the end of the sentence */
    cr_expect_eq(dy_dates_find(s.t, 4, D(WED), 0, x, DY_TIMEX_MAX), 1);
    cr_expect_eq(dy_dates_find(s.t, 3, D(WED), 0, x, DY_TIMEX_MAX), 0);
}

/* ---- future clauses and picking --------------------------------------------- */

static uint32_t index_of(sent s, const char *word)
{
    for (uint32_t i = 0; i < s.n; i++)
        if (strcmp(s.t[i].text, word) == 0)
            return i;
    cr_assert_fail("no <%s> in the sentence", word);
    return 0;
}

static int future(const char *text, const char *verb)
{
    sent s = tokens(text, 0);
    return dy_dates_future_clause(s.t, s.n, index_of(s, verb));
}

Test(dates, future_clauses)
{
    cr_expect(future("Putin will meet Obama on Monday.", "meet"));
    cr_expect(future("He'll meet Obama on Monday.", "meet"));
    cr_expect(future("Putin will not attend the summit.", "attend"));
    cr_expect(future("The vote will be held on Sunday.", "held"));
    cr_expect(future("Putin is to visit Paris on Monday.", "visit"));
    cr_expect(future("Putin is expected to visit Paris.", "visit"));
    cr_expect(future("Putin plans to visit Paris.", "visit"));
    cr_expect(future("Putin is going to visit Paris.", "visit"));
    cr_expect(!future("Putin met Obama on Monday.", "met"));
    /* "would" is the future of reported speech, not of a condition or of
     * what did not happen */
    cr_expect(future("Putin said he would meet Obama.", "meet"));
    cr_expect(!future("Putin would meet Obama if asked.", "meet"));
    cr_expect(!future("Putin said he would have met Obama.", "met"));
    cr_expect(!future("Putin wants to meet Obama.", "meet"));
    sent s = tokens("Putin will meet Obama.", 0);
    cr_expect(!dy_dates_future_clause(s.t, s.n, s.n));
    cr_expect(!dy_dates_future_clause(s.t, s.n, 0));
}

/* The text of the expression picked for the verb, or "-". */
static const char *picked(const char *text, const char *verb)
{
    sent s = tokens(text, 0);
    dy_timex x[DY_TIMEX_MAX];
    uint32_t nx = dy_dates_find(s.t, s.n, D(WED), 0, x, DY_TIMEX_MAX);
    int k = dy_dates_pick(x, nx, s.t, s.n, index_of(s, verb));
    return k < 0 ? "-" : s.t[x[k].first].text;
}

Test(dates, picking_the_expression_of_an_event)
{
    /* after the verb, in its clause */
    cr_expect_str_eq(picked("Putin met Obama in Geneva on Monday.", "met"), "Monday");
    cr_expect_str_eq(picked("Rebels shelled the town on Saturday, officials said Monday.",
                            "shelled"), "Saturday");
    cr_expect_str_eq(picked("Rebels shelled the town on Saturday, officials said Monday.", "said"),
                     "Monday");
    /* before the verb, in its clause */
    cr_expect_str_eq(picked("On Monday, Russian troops entered Crimea.", "entered"), "Monday");
    cr_expect_str_eq(picked("Russia on Tuesday has accused Ukraine.", "accused"), "Tuesday");
    /* nothing better: the nearest anywhere */
    cr_expect_str_eq(picked("Officials said on Tuesday that rebels had attacked the town.",
                            "attacked"), "Tuesday");
    /* a bound is not the time of the event */
    cr_expect_str_eq(picked("Fighting has raged since March.", "raged"), "-");
    cr_expect_str_eq(picked("Rebels attacked the town.", "attacked"), "-");
    sent s = tokens("Rebels attacked on Monday.", 0);
    dy_timex x[DY_TIMEX_MAX];
    uint32_t nx = dy_dates_find(s.t, s.n, D(WED), 0, x, DY_TIMEX_MAX);
    cr_expect_eq(dy_dates_pick(x, nx, s.t, s.n, s.n), -1);
    cr_expect_eq(dy_dates_pick(NULL, 0, s.t, s.n, 1), -1);
}

/* A time after an infinitive dates the infinitive's event, not the verb
 * that governs it. */
Test(dates, an_infinitive_keeps_its_own_time)
{
    cr_expect_str_eq(picked("Putin invited Xi to visit Russia next year.", "invited"), "-");
    cr_expect_str_eq(picked("Putin invited Xi to visit Russia next year.", "visit"), "next");
    cr_expect_str_eq(picked("Putin on Monday invited Xi to visit Russia next year.", "invited"),
                     "Monday");
}

/* dates.h -- calendar dates, and the temporal expressions of one sentence
 * resolved against the article's date ("on Monday", "last month",
 * "March 3, 2014", "two years ago").  docs/dates.md has every rule with
 * examples.
 *
 * Why a module of its own: an event's date is usually not the article's
 * date ("Rebels shelled the town on Saturday" in a Monday story happened two
 * days earlier), and wire stories say so in a small, regular vocabulary that
 * can be resolved exactly without a parser.
 *
 * Everything here is a pure function of its arguments: no allocation, no
 * global state, no locale.  Any number of threads may call it at once. */
#ifndef DY_DATES_H
#define DY_DATES_H

#include <stddef.h>
#include <stdint.h>

#include "text/token.h"

/* A proleptic Gregorian calendar date.  For a coarser precision the finer
 * fields are 1 (the first day of the month or year, see dy_timex). */
typedef struct dy_date {
    int32_t year;               /* 1 .. 9999 for dates read from text */
    uint8_t month;              /* 1 .. 12 */
    uint8_t day;                /* 1 .. 31 */
} dy_date;

/* "YYYY-MM-DD" plus NUL. */
#define DY_DATE_BUF 11

/* ---- calendar utilities -------------------------------------------------- */

/*! dy_date_valid() : 1 when d is a real calendar date with year 1..9999. */
int dy_date_valid(dy_date d);

/*! dy_days_in_month() : 28..31 (Gregorian leap years); 0 for a month
 *  outside 1..12. */
int dy_days_in_month(int32_t year, int month);

/*! dy_days_from_civil() : days since 1970-01-01 (negative before it); the
 *  inverse of dy_civil_from_days().  Exact for any year an int32_t holds;
 *  the fields need not form a valid date (month 1..12, day 1..31 assumed). */
int64_t dy_days_from_civil(dy_date d);

/*! dy_civil_from_days() : the date that is `days` days after 1970-01-01. */
dy_date dy_civil_from_days(int64_t days);

/*! dy_date_add_days() : d moved by n days (n may be negative). */
dy_date dy_date_add_days(dy_date d, int64_t n);

/*! dy_date_add_months() : the first day of the month n months after d's
 *  month (n may be negative): 2014-03-31 + 1 month -> 2014-04-01. */
dy_date dy_date_add_months(dy_date d, int n);

/*! dy_weekday() : 0 = Sunday .. 6 = Saturday (as struct tm's tm_wday). */
int dy_weekday(dy_date d);

/*! dy_date_cmp() : <0, 0, >0 as a is before, on, after b. */
int dy_date_cmp(dy_date a, dy_date b);

/*! dy_date_parse() : reads s[0..len) as "YYYYMMDD" or "YYYY-MM-DD" (exactly
 *  8 or 10 bytes, digits only apart from the two hyphens) into *out.
 *  Returns 1, or 0 when it is not one of those forms or not a valid date
 *  (*out is then untouched). */
int dy_date_parse(const char *s, size_t len, dy_date *out);

/*! dy_date_format() : writes "YYYY-MM-DD" (always 10 bytes plus NUL, year
 *  zero-padded; a year outside 0..9999 is clamped) into buf and returns
 *  buf.  For month or year precision print only the first 7 or 4 bytes. */
char *dy_date_format(dy_date d, char buf[DY_DATE_BUF]);

/* ---- temporal expressions --------------------------------------------- */

/* How much of a resolved date is meant.  For DY_PREC_WEEK the date is the
 * Monday starting that week (ISO weeks); for DY_PREC_MONTH the first of the
 * month; for DY_PREC_YEAR January 1. */
typedef enum dy_date_prec {
    DY_PREC_DAY = 0,
    DY_PREC_WEEK = 1,
    DY_PREC_MONTH = 2,
    DY_PREC_YEAR = 3,
} dy_date_prec;

/* Explicit: the calendar date is written out ("March 3, 2014", "in 2009",
 * "2014-03-03", also "March 3" whose year is inferred: see
 * DY_TIMEX_YEAR_INFERRED).  Relative: it is counted from the article date
 * ("Monday", "yesterday", "last month", "two years ago"). */
typedef enum dy_timex_kind {
    DY_TIMEX_EXPLICIT = 1,
    DY_TIMEX_RELATIVE = 2,
} dy_timex_kind;

/* dy_timex.flags */
enum {
    /* a month or day written without its year ("in March", "on March 3");
     * the year comes from the article date (docs/dates.md) */
    DY_TIMEX_YEAR_INFERRED = 1u << 0,
    /* introduced by "since", "until", "till", "by", "before", "after" or
     * "from": a bound of a period, not the moment of the event, so
     * dy_dates_pick() passes it over */
    DY_TIMEX_BOUND = 1u << 1,
    /* resolved forward from the article date (prefer_future, "next ...",
     * "tomorrow", "in three days") */
    DY_TIMEX_FUTURE = 1u << 2,
};

/* One temporal expression of a sentence.  The range covers the expression
 * and its modifiers ("last", "early", "this", "ago", "night") but not a
 * preposition before it ("on", "in", "since"). */
typedef struct dy_timex {
    uint32_t first, last;       /* token range [first, last) */
    dy_date date;               /* resolved; see dy_date_prec for the fields */
    uint8_t prec;               /* dy_date_prec */
    uint8_t kind;               /* dy_timex_kind */
    uint8_t flags;              /* DY_TIMEX_* */
} dy_timex;

/* A sentence rarely has more than three; more are dropped. */
#define DY_TIMEX_MAX 16

/* dy_dates_find() flags */
enum {
    /* the clause is in the future ("will meet on Monday"): a bare weekday
     * or month is the next one on or after the article date instead of the
     * most recent one on or before it */
    DY_DATES_PREFER_FUTURE = 1u << 0,
};

/*! dy_dates_find() : the temporal expressions of one sentence tok[0..n),
 *  in token order, resolved against the article date `article` (which
 *  must be valid, else nothing is found).  Uses the token text (any case),
 *  the DY_TOK_CAPITAL flag (or the first letter) for month and weekday
 *  names, and the tag when set (a "May" tagged MD is the modal verb).
 *  Writes at most max entries to out and returns how many it wrote;
 *  expressions never overlap.  flags: DY_DATES_*. */
uint32_t dy_dates_find(const dy_token *tok, uint32_t n, dy_date article,
                       unsigned flags, dy_timex *out, uint32_t max);

/*! dy_dates_future_clause() : 1 when the verb at tok[verb] is in the
 *  future or is planned: "will"/"'ll"/"shall" before it, or "is to",
 *  "going to", "plans to", "expects to", "scheduled to", "set to", "due to"
 *  right before it.  A caller can pass the result as
 *  DY_DATES_PREFER_FUTURE.  0 for a verb index outside the sentence. */
int dy_dates_future_clause(const dy_token *tok, uint32_t n, uint32_t verb);

/*! dy_dates_pick() : the expression of x[0..nx) that dates the event whose
 *  verb is tok[verb] (the sentence tok[0..n) the expressions were found in),
 *  or -1 when there is none.  In order of preference: the nearest one after
 *  the verb within 10 tokens with no other finite verb or relative pronoun
 *  between them; the nearest one before the verb in the same clause; the
 *  nearest one anywhere else in the sentence.  Expressions flagged
 *  DY_TIMEX_BOUND are never picked.  The caller falls back to the article
 *  date on -1. */
int dy_dates_pick(const dy_timex *x, uint32_t nx, const dy_token *tok, uint32_t n,
                  uint32_t verb);

#endif

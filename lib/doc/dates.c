/* dates.c -- calendar arithmetic and the temporal expressions of a sentence
 * (see dates.h; docs/dates.md has every rule with examples).
 *
 * The recogniser is a left-to-right scan: at each token it tries the
 * patterns below, longest first, and skips past whatever matched, so
 * expressions never overlap.  Every word list is small and closed; the
 * patterns that could fire on ordinary words (month names such as "May"
 * and "March", bare four-digit numbers) need a context that only a date
 * has, so "May" the modal, "the March 2009 march" of protesters and
 * "2009 people" are not dates. */
#include "doc/dates.h"

#include <stdbool.h>
#include <string.h>

#include "tag/tagset.h"

/* ---- calendar ------------------------------------------------------------ */

static int is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int dy_days_in_month(int32_t year, int month)
{
    static const uint8_t len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return len[month - 1] + (month == 2 && is_leap(year));
}

int dy_date_valid(dy_date d)
{
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= dy_days_in_month(d.year, d.month);
}

/* Days from civil and back, in 400-year eras of 146,097 days.  Counting
 * years from March 1 puts the leap day at the end of the year, so the day
 * of the year follows from the month by one linear formula (153 days per
 * five months from March on).  The epoch 1970-01-01 is day 719,468 of the
 * era count that starts at 0000-03-01. */
int64_t dy_days_from_civil(dy_date d)
{
    int64_t y = (int64_t)d.year - (d.month <= 2);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;                                /* 0..399 */
    int64_t mp = d.month > 2 ? d.month - 3 : d.month + 9;       /* March = 0 */
    int64_t doy = (153 * mp + 2) / 5 + d.day - 1;               /* 0..365 */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;        /* 0..146096 */
    return era * 146097 + doe - 719468;
}

dy_date dy_civil_from_days(int64_t days)
{
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    dy_date d;
    d.day = (uint8_t)(doy - (153 * mp + 2) / 5 + 1);
    d.month = (uint8_t)(mp < 10 ? mp + 3 : mp - 9);
    d.year = (int32_t)(yoe + era * 400 + (d.month <= 2));
    return d;
}

dy_date dy_date_add_days(dy_date d, int64_t n)
{
    return dy_civil_from_days(dy_days_from_civil(d) + n);
}

dy_date dy_date_add_months(dy_date d, int n)
{
    int64_t m = (int64_t)d.year * 12 + (d.month - 1) + n;
    int64_t y = m >= 0 ? m / 12 : (m - 11) / 12;
    dy_date r = {(int32_t)y, (uint8_t)(m - y * 12 + 1), 1};
    return r;
}

int dy_weekday(dy_date d)
{
    /* 1970-01-01 was a Thursday */
    int64_t w = (dy_days_from_civil(d) + 4) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

int dy_date_cmp(dy_date a, dy_date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    return (a.day > b.day) - (a.day < b.day);
}

static int digits(const char *s, size_t n, int *v)
{
    int x = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return 1;
}

int dy_date_parse(const char *s, size_t len, dy_date *out)
{
    int y, m, d;
    if (!s || !out)
        return 0;
    if (len == 8) {
        if (!digits(s, 4, &y) || !digits(s + 4, 2, &m) || !digits(s + 6, 2, &d))
            return 0;
    } else if (len == 10 && s[4] == '-' && s[7] == '-') {
        if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
            return 0;
    } else {
        return 0;
    }
    dy_date r = {y, (uint8_t)m, (uint8_t)d};
    if (!dy_date_valid(r))
        return 0;
    *out = r;
    return 1;
}

char *dy_date_format(dy_date d, char buf[DY_DATE_BUF])
{
    int y = d.year < 0 ? 0 : d.year > 9999 ? 9999 : d.year;
    int v[3] = {y, d.month % 100, d.day % 100};
    int w[3] = {4, 2, 2};
    char *o = buf;
    for (int k = 0; k < 3; k++) {
        if (k)
            *o++ = '-';
        for (int i = w[k] - 1, x = v[k]; i >= 0; i--, x /= 10)
            o[i] = (char)('0' + x % 10);
        o += w[k];
    }
    *o = '\0';
    return buf;
}

/* ---- token words ---------------------------------------------------------- */

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Token text equals the lower-case ASCII word w, in any case. */
static int is(const dy_token *t, const char *w)
{
    /* most words differ at once: spare the strlen (this runs for every
     * token against every word list) */
    if (t->len == 0 || lower((unsigned char)t->text[0]) != w[0])
        return 0;
    size_t n = strlen(w);
    if (t->len != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (lower((unsigned char)t->text[i]) != w[i])
            return 0;
    return 1;
}

static int is_any(const dy_token *t, const char *const *words)
{
    for (; *words; words++)
        if (is(t, *words))
            return 1;
    return 0;
}

/* Month and weekday names count only with a capital: "march", "may" and
 * "sunday best" in lower case are other words. */
static int capital(const dy_token *t)
{
    return (t->flags & DY_TOK_CAPITAL) || (t->len && t->text[0] >= 'A' && t->text[0] <= 'Z');
}

/* Lower-case text s[0..n) against w. */
static int word_eq(const char *s, size_t n, const char *w)
{
    if (n == 0 || lower((unsigned char)s[0]) != w[0] || strlen(w) != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (lower((unsigned char)s[i]) != w[i])
            return 0;
    return 1;
}

/* 1..12 for a month name or its abbreviation in s[0..n) ("Sept."), else 0. */
static int month_word(const char *s, size_t n)
{
    static const char *const full[12] = {"january", "february", "march",     "april",
                                         "may",     "june",     "july",      "august",
                                         "september", "october", "november", "december"};
    static const char *const abbr[12] = {"jan.", "feb.", "mar.", "apr.", NULL,   "jun.",
                                         "jul.", "aug.", "sep.", "oct.", "nov.", "dec."};
    for (int m = 0; m < 12; m++)
        if (word_eq(s, n, full[m]) || (abbr[m] && word_eq(s, n, abbr[m])))
            return m + 1;
    if (word_eq(s, n, "sept."))
        return 9;
    return 0;
}

/* Month of a token; a "May" the tagger calls a modal is not one. */
static int month_of(const dy_token *t)
{
    if (!capital(t) || t->tag == DY_TAG_MD)
        return 0;
    return month_word(t->text, t->len);
}

/* 0 = Sunday .. 6 = Saturday for a weekday name, else -1. */
static int weekday_of(const dy_token *t)
{
    static const char *const names[7] = {"sunday",   "monday", "tuesday", "wednesday",
                                         "thursday", "friday", "saturday"};
    if (!capital(t))
        return -1;
    for (int w = 0; w < 7; w++)
        if (is(t, names[w]))
            return w;
    return -1;
}

/* Day of the month: "3", "03", "3rd", "21st"; 0 when not 1..31. */
static int day_of(const dy_token *t)
{
    int v = 0;
    size_t i = 0;
    while (i < t->len && i < 2 && t->text[i] >= '0' && t->text[i] <= '9')
        v = v * 10 + (t->text[i++] - '0');
    if (i == 0 || v < 1 || v > 31)
        return 0;
    if (i == t->len)
        return v;
    static const char *const suffix[] = {"st", "nd", "rd", "th", NULL};
    for (int k = 0; suffix[k]; k++)
        if (word_eq(t->text + i, t->len - i, suffix[k]))
            return v;
    return 0;
}

/* A year written in four digits within [lo, hi]; 0 otherwise. */
static int year_of(const dy_token *t, int lo, int hi)
{
    int v;
    if (t->len != 4 || !digits(t->text, 4, &v) || v < lo || v > hi)
        return 0;
    return v;
}

/* A small count: 1..999 in digits, "one".."twelve", "a"/"an" (= 1). */
static int count_of(const dy_token *t)
{
    static const char *const words[] = {"one", "two",   "three", "four",   "five",
                                        "six", "seven", "eight", "nine",   "ten",
                                        "eleven", "twelve", NULL};
    int v;
    if (t->len >= 1 && t->len <= 3 && digits(t->text, t->len, &v))
        return v;
    if (is(t, "a") || is(t, "an"))
        return 1;
    for (int k = 0; words[k]; k++)
        if (is(t, words[k]))
            return k + 1;
    return 0;
}

/* Units of "two days ago". */
enum { U_NONE, U_DAY, U_WEEK, U_MONTH, U_YEAR };

static int unit_of(const dy_token *t)
{
    if (is(t, "day") || is(t, "days"))
        return U_DAY;
    if (is(t, "week") || is(t, "weeks"))
        return U_WEEK;
    if (is(t, "month") || is(t, "months"))
        return U_MONTH;
    if (is(t, "year") || is(t, "years"))
        return U_YEAR;
    return U_NONE;
}

static const char *const TIME_OF_DAY[] = {"morning", "afternoon", "evening", "night",
                                          "overnight", NULL};
/* Words before a month or a bare year that make it a date: prepositions
 * of time and the modifiers that a date takes. */
static const char *const DATE_PREP[] = {"in",      "since", "until",  "till",   "by",
                                        "during",  "from",  "through", "before", "after",
                                        "of",      "to",    "between", "last",
                                        "next",    "this",  "early",  "late",   "mid",
                                        "throughout", "around", NULL};
/* "May" is also a name (Theresa May): "a speech by May", "Trump and May";
 * it is a month after these words only, or with a day or a year. */
static const char *const MAY_PREP[] = {"in", "since", "until", "till", "during", "through",
                                       "throughout", "early", "late", "mid", "last", "next",
                                       "this", NULL};
/* Period words before "of" that make a bare year a date: "the summer of
 * 2009", not "a total of 2009". */
static const char *const PERIOD_OF[] = {"summer", "winter", "spring", "autumn", "fall", "end",
                                        "beginning", "start", "middle", "half", "quarter",
                                        NULL};
/* Words before an expression that make it a bound of a period. */
static const char *const BOUND_PREP[] = {"since", "until", "till", "by", "before", "after",
                                         "from", NULL};
/* Capitalised words before a weekday that name a day of their own. */
static const char *const HOLIDAY_MOD[] = {"good", "black", "super", "bloody", "ash", "cyber",
                                          "holy", "palm", "easter", "maundy", "shrove",
                                          "giving", NULL};
/* Capitalised words after a weekday that make it a newspaper ("the Sunday
 * Times") or a programme rather than a day. */
static const char *const PAPER_WORD[] = {"times", "telegraph", "mirror", "express", "herald",
                                         "post", "independent", "observer", "mail",
                                         "tribune", "star", "people", "sport", "standard",
                                         "age", "nation", "edition", "show", NULL};

/* ---- resolution ------------------------------------------------------------ */

static dy_date ymd(int32_t y, int m, int d)
{
    dy_date r = {y, (uint8_t)m, (uint8_t)d};
    return r;
}

/* Monday starting the ISO week of d. */
static dy_date week_start(dy_date d)
{
    return dy_date_add_days(d, -((dy_weekday(d) + 6) % 7));
}

/* Month m (1..12) without a year: the most recent one not after the
 * article's month, or with future the next one not before it; strict
 * excludes the article's own month ("last March" in March is a year ago). */
static dy_date infer_month(dy_date art, int m, int future, int strict)
{
    int32_t y = art.year;
    if (future) {
        if (m < art.month || (strict && m == art.month))
            y++;
    } else if (m > art.month || (strict && m == art.month)) {
        y--;
    }
    return ymd(y, m, 1);
}

/* Month m, day d without a year: the most recent such date on or before
 * the article date, or the next on or after it with future.  Feb. 29 moves
 * on to a leap year.  Returns 0 when no year makes it a date. */
static int infer_day(dy_date art, int m, int d, int future, dy_date *out)
{
    int32_t y = art.year;
    dy_date r = ymd(y, m, d);
    if (future ? dy_date_cmp(r, art) < 0 : dy_date_cmp(r, art) > 0)
        y += future ? 1 : -1;
    for (int k = 0; k < 8; k++, y += future ? 1 : -1) {
        r = ymd(y, m, d);
        if (dy_date_valid(r)) {
            *out = r;
            return 1;
        }
    }
    return 0;
}

/* Weekday wd relative to the article date: mode 0 bare ("Monday", "on
 * Monday", "this Monday": the most recent on or before, or with future the
 * next on or after), 'l' last (strictly before), 'n' next (strictly
 * after). */
static dy_date resolve_weekday(dy_date art, int wd, int future, int mode)
{
    int awd = dy_weekday(art);
    int back = (awd - wd + 7) % 7, fwd = (wd - awd + 7) % 7;
    if (mode == 'l')
        return dy_date_add_days(art, -(back ? back : 7));
    if (mode == 'n')
        return dy_date_add_days(art, fwd ? fwd : 7);
    return dy_date_add_days(art, future ? fwd : -back);
}

/* ---- the scanner ------------------------------------------------------------ */

typedef struct scan {
    const dy_token *t;
    uint32_t n;
    dy_date art;
    int future;
} scan;

/* Token i when it exists, else NULL: the patterns look ahead freely. */
static const dy_token *at(const scan *s, uint32_t i)
{
    return i < s->n ? &s->t[i] : NULL;
}

static int at_is(const scan *s, uint32_t i, const char *w)
{
    const dy_token *t = at(s, i);
    return t && is(t, w);
}

static int at_any(const scan *s, uint32_t i, const char *const *words)
{
    const dy_token *t = at(s, i);
    return t && is_any(t, words);
}

static void set(dy_timex *x, uint32_t first, uint32_t last, dy_date d, int prec, int kind,
                int flags)
{
    x->first = first;
    x->last = last;
    x->date = d;
    x->prec = (uint8_t)prec;
    x->kind = (uint8_t)kind;
    x->flags = (uint8_t)flags;
}

/* "2014-03-03" as one token. */
static uint32_t p_iso(const scan *s, uint32_t i, dy_timex *x)
{
    dy_date d;
    if (s->t[i].len != 10 || !dy_date_parse(s->t[i].text, 10, &d))
        return 0;
    set(x, i, i + 1, d, DY_PREC_DAY, DY_TIMEX_EXPLICIT, 0);
    return 1;
}

/* A year after a month or day at j: "2014" or ", 2014".  Returns the
 * tokens used (0, 1 or 2) and the year in *y. */
static uint32_t year_after(const scan *s, uint32_t j, int *y)
{
    const dy_token *t = at(s, j);
    if (t && (*y = year_of(t, 1000, 2999)))
        return 1;
    if (t && is(t, ",") && at(s, j + 1) && (*y = year_of(at(s, j + 1), 1000, 2999)))
        return 2;
    return 0;
}

/* A day with an optional year: month m and day d at [i, j), year after. */
static uint32_t day_date(const scan *s, uint32_t i, uint32_t j, int m, int d, dy_timex *x)
{
    int y;
    uint32_t ny = year_after(s, j, &y);
    dy_date r = ymd(y, m, d);
    if (ny) {
        if (!dy_date_valid(r))
            return 0;
        set(x, i, j + ny, r, DY_PREC_DAY, DY_TIMEX_EXPLICIT, 0);
        return j + ny - i;
    }
    if (!infer_day(s->art, m, d, s->future, &r))
        return 0;
    set(x, i, j, r, DY_PREC_DAY, DY_TIMEX_EXPLICIT,
        DY_TIMEX_YEAR_INFERRED | (s->future ? DY_TIMEX_FUTURE : 0));
    return j - i;
}

/* "3 March 2014", "3rd of March", "3 March". */
static uint32_t p_day_month(const scan *s, uint32_t i, dy_timex *x)
{
    int d = day_of(&s->t[i]), m;
    uint32_t j = i + 1;
    if (!d)
        return 0;
    if (at_is(s, j, "of"))
        j++;
    if (!at(s, j) || !(m = month_of(at(s, j))))
        return 0;
    return day_date(s, i, j + 1, m, d, x);
}

/* Modifiers of a month ("early", "mid", "late", "last", "next", "this") at
 * i; returns how many and the direction word in *mode. */
static uint32_t month_mods(const scan *s, uint32_t i, int *mode)
{
    uint32_t j = i;
    *mode = 0;
    for (; j < s->n && j < i + 2; j++) {
        const dy_token *t = &s->t[j];
        if (is(t, "last"))
            *mode = 'l';
        else if (is(t, "next"))
            *mode = 'n';
        else if (is(t, "this"))
            *mode = 't';
        else if (!is(t, "early") && !is(t, "late") && !is(t, "mid"))
            break;
    }
    return j - i;
}

/* "mid-March", "mid-2009": the month or year after "mid-" in a token. */
static const char *after_mid(const dy_token *t, size_t *n)
{
    if (t->len > 4 && word_eq(t->text, 4, "mid-")) {
        *n = t->len - 4u;
        return t->text + 4;
    }
    return NULL;
}

/* Months: "March 3, 2014", "March 3", "March 2014", "in March", "last
 * March", "early March", "mid-March". */
static uint32_t p_month(const scan *s, uint32_t i, dy_timex *x)
{
    int mode, m, d, y;
    uint32_t k = month_mods(s, i, &mode), j = i + k;
    const dy_token *t = at(s, j);
    size_t mn;
    const char *mid;
    if (!t)
        return 0;
    /* the month first: it is what fails at almost every token */
    int context = 0;
    if ((mid = after_mid(t, &mn)) != NULL) {
        if (!(m = month_word(mid, mn)) || mid[0] < 'A' || mid[0] > 'Z')
            return 0;
        context = 1;
    } else if (!(m = month_of(t))) {
        return 0;
    }
    context = context || k > 0 ||
              (i > 0 && is_any(&s->t[i - 1], month_word(t->text, t->len) == 5 ? MAY_PREP
                                                                             : DATE_PREP));
    j++;
    if (!mid && at(s, j) && (d = day_of(at(s, j))) && !year_of(at(s, j), 1000, 2999)) {
        uint32_t used = day_date(s, j - 1, j + 1, m, d, x);
        if (used) {
            x->first = i;
            return x->last - i;
        }
    }
    if (at_is(s, j, "of") && at(s, j + 1) && (y = year_of(at(s, j + 1), 1000, 2999))) {
        set(x, i, j + 2, ymd(y, m, 1), DY_PREC_MONTH, DY_TIMEX_EXPLICIT, 0);
        return j + 2 - i;
    }
    if (at(s, j) && (y = year_of(at(s, j), 1000, 2999))) {
        set(x, i, j + 1, ymd(y, m, 1), DY_PREC_MONTH, DY_TIMEX_EXPLICIT, 0);
        return j + 1 - i;
    }
    if (!context)
        return 0;
    int future = mode == 'n' || (mode != 'l' && mode != 't' && s->future);
    dy_date r = mode == 't' ? ymd(s->art.year, m, 1)
                            : infer_month(s->art, m, future, mode == 'l' || mode == 'n');
    set(x, i, j, r, DY_PREC_MONTH, DY_TIMEX_EXPLICIT,
        DY_TIMEX_YEAR_INFERRED | (future ? DY_TIMEX_FUTURE : 0));
    return j - i;
}

/* A bare year after a preposition of time: "in 2009", "since 2009", "in
 * early 2009", "mid-2009".  Not "2009 people" nor "the 2009 election":
 * a year that names a thing is not the time of the event. */
static uint32_t p_year(const scan *s, uint32_t i, dy_timex *x)
{
    int mode, y;
    uint32_t k = month_mods(s, i, &mode), j = i + k;
    const dy_token *t = at(s, j);
    size_t mn;
    const char *mid;
    if (!t || mode == 'l' || mode == 'n' || mode == 't')
        return 0;
    if ((mid = after_mid(t, &mn)) != NULL) {
        dy_token tmp = *t;
        tmp.text = mid;
        tmp.len = (uint16_t)mn;
        if (!(y = year_of(&tmp, 1900, 2100)))
            return 0;
    } else {
        if (!(y = year_of(t, 1900, 2100)))
            return 0;
        if (k == 0) {
            /* "in 2009", "since 2009"; "from 2009 to 2012"; "the summer of
             * 2009" -- but not "a total of 2009" nor "2009 people" */
            const dy_token *p = i > 0 ? &s->t[i - 1] : NULL;
            if (!p || !(is_any(p, DATE_PREP) || is(p, "and")))
                return 0;
            if ((is(p, "to") || is(p, "and")) && !(i > 1 && year_of(&s->t[i - 2], 1000, 2999)))
                return 0;
            if (is(p, "of") && !(i > 1 && is_any(&s->t[i - 2], PERIOD_OF)))
                return 0;
        }
        if (at_is(s, j + 1, "percent") || at_is(s, j + 1, "%"))
            return 0;
    }
    set(x, i, j + 1, ymd(y, 1, 1), DY_PREC_YEAR, DY_TIMEX_EXPLICIT, 0);
    return j + 1 - i;
}

/* Weekdays: "Monday", "last Monday", "next Tuesday", "this Friday",
 * "early Monday", "Tuesday morning", "Friday night", "Monday, March 3". */
static uint32_t p_weekday(const scan *s, uint32_t i, dy_timex *x)
{
    int mode = 0, wd;
    uint32_t j = i;
    for (; j < s->n && j < i + 2; j++) {
        const dy_token *t = &s->t[j];
        if (is(t, "last"))
            mode = 'l';
        else if (is(t, "next"))
            mode = 'n';
        else if (!is(t, "this") && !is(t, "early") && !is(t, "late"))
            break;
    }
    if (j >= s->n || (wd = weekday_of(&s->t[j])) < 0)
        return 0;
    /* "Good Friday", "Super Tuesday"; "the Sunday Times" */
    if (j == i && i > 0 && capital(&s->t[i - 1]) && is_any(&s->t[i - 1], HOLIDAY_MOD))
        return 0;
    if (at(s, j + 1) && capital(at(s, j + 1)) && at_any(s, j + 1, PAPER_WORD))
        return 0;
    /* a calendar date written after the weekday wins: "Monday, March 3" */
    uint32_t k = j + 1 + (at_is(s, j + 1, ",") ? 1 : 0);
    if (at(s, k) && month_of(at(s, k)) && at(s, k + 1) && day_of(at(s, k + 1)) &&
        p_month(s, k, x) && x->prec == DY_PREC_DAY) {
        x->first = i;
        return x->last - i;
    }
    j++;
    if (at_any(s, j, TIME_OF_DAY))
        j++;
    int future = mode == 'n' || (mode == 0 && s->future);
    set(x, i, j, resolve_weekday(s->art, wd, s->future, mode), DY_PREC_DAY, DY_TIMEX_RELATIVE,
        future ? DY_TIMEX_FUTURE : 0);
    return j - i;
}

/* Fixed words: "today", "tonight", "yesterday", "tomorrow", "last night",
 * "this morning", "the day before yesterday", "last/this/next
 * week|month|year", "earlier this month", "the weekend". */
static uint32_t p_words(const scan *s, uint32_t i, dy_timex *x)
{
    const dy_token *t = &s->t[i];
    dy_date a = s->art;
    if (is(t, "today") || is(t, "tonight")) {
        /* "USA Today" is a newspaper */
        if (is(t, "today") && capital(t) && i > 0 && is(&s->t[i - 1], "usa"))
            return 0;
        set(x, i, i + 1, a, DY_PREC_DAY, DY_TIMEX_RELATIVE, 0);
        return 1;
    }
    if (is(t, "yesterday")) {
        set(x, i, i + 1, dy_date_add_days(a, -1), DY_PREC_DAY, DY_TIMEX_RELATIVE, 0);
        return 1;
    }
    if (is(t, "tomorrow")) {
        set(x, i, i + 1, dy_date_add_days(a, 1), DY_PREC_DAY, DY_TIMEX_RELATIVE,
            DY_TIMEX_FUTURE);
        return 1;
    }
    /* "the day before yesterday", "the day after tomorrow" */
    if (is(t, "day") && at(s, i + 2) &&
        ((at_is(s, i + 1, "before") && at_is(s, i + 2, "yesterday")) ||
         (at_is(s, i + 1, "after") && at_is(s, i + 2, "tomorrow")))) {
        int fut = at_is(s, i + 2, "tomorrow");
        set(x, i, i + 3, dy_date_add_days(a, fut ? 2 : -2), DY_PREC_DAY, DY_TIMEX_RELATIVE,
            fut ? DY_TIMEX_FUTURE : 0);
        return 3;
    }
    /* last / this / next, after "earlier" or "later" for "this" */
    uint32_t j = i;
    if ((is(t, "earlier") || is(t, "later")) && at_is(s, i + 1, "this"))
        j++;
    const dy_token *m = at(s, j), *u = at(s, j + 1);
    if (!m || !u)
        return 0;
    int mode = is(m, "last") ? 'l' : is(m, "next") ? 'n' : is(m, "this") ? 't' : 0;
    if (!mode || (j > i && mode != 't'))
        return 0;
    int step = mode == 'l' ? -1 : mode == 'n' ? 1 : 0;
    int fl = mode == 'n' ? DY_TIMEX_FUTURE : 0;
    if (mode == 'l' && is(u, "night")) {
        set(x, i, j + 2, dy_date_add_days(a, -1), DY_PREC_DAY, DY_TIMEX_RELATIVE, 0);
        return j + 2 - i;
    }
    if (mode == 't' && (is(u, "morning") || is(u, "afternoon") || is(u, "evening"))) {
        set(x, i, j + 2, a, DY_PREC_DAY, DY_TIMEX_RELATIVE, 0);
        return j + 2 - i;
    }
    if (is(u, "weekend") && mode != 'n') {
        /* the Saturday of this weekend (the latest one on or before the
         * article date, or the next one with future) or of last weekend
         * (the one before this ISO week) */
        dy_date r = mode == 'l' ? dy_date_add_days(week_start(a), -2)
                                : resolve_weekday(a, 6, s->future, 0);
        set(x, i, j + 2, r, DY_PREC_DAY, DY_TIMEX_RELATIVE, 0);
        return j + 2 - i;
    }
    /* "last two weeks" is a span, not a date; "last days" is not one */
    if (u->text[u->len - 1] == 's' || u->text[u->len - 1] == 'S')
        return 0;
    switch (unit_of(u)) {
    case U_WEEK:
        set(x, i, j + 2, dy_date_add_days(week_start(a), 7 * step), DY_PREC_WEEK,
            DY_TIMEX_RELATIVE, fl);
        break;
    case U_MONTH:
        set(x, i, j + 2, dy_date_add_months(a, step), DY_PREC_MONTH, DY_TIMEX_RELATIVE, fl);
        break;
    case U_YEAR:
        set(x, i, j + 2, ymd(a.year + step, 1, 1), DY_PREC_YEAR, DY_TIMEX_RELATIVE, fl);
        break;
    default:
        return 0;
    }
    return j + 2 - i;
}

/* "over the weekend" / "the weekend": this weekend's Saturday. */
static uint32_t p_weekend(const scan *s, uint32_t i, dy_timex *x)
{
    if (!is(&s->t[i], "the") || !at_is(s, i + 1, "weekend") || i == 0 ||
        !(is(&s->t[i - 1], "over") || is(&s->t[i - 1], "at") || is(&s->t[i - 1], "during")))
        return 0;
    set(x, i, i + 2, resolve_weekday(s->art, 6, s->future, 0), DY_PREC_DAY, DY_TIMEX_RELATIVE,
        s->future ? DY_TIMEX_FUTURE : 0);
    return 2;
}

/* Counted offsets: "three days ago", "two years ago", "a week ago"; with
 * prefer_future also "in three days". */
static dy_date offset(dy_date a, int unit, int n, int *prec)
{
    switch (unit) {
    case U_DAY:
        *prec = DY_PREC_DAY;
        return dy_date_add_days(a, n);
    case U_WEEK:
        *prec = DY_PREC_WEEK;
        return week_start(dy_date_add_days(a, 7 * (int64_t)n));
    case U_MONTH:
        *prec = DY_PREC_MONTH;
        return dy_date_add_months(a, n);
    default:
        *prec = DY_PREC_YEAR;
        return ymd(a.year + n, 1, 1);
    }
}

static uint32_t p_ago(const scan *s, uint32_t i, dy_timex *x)
{
    /* the unit first: a day/week/month/year word after the token is rare */
    int c, unit, prec;
    if (!at(s, i + 1) || (unit = unit_of(at(s, i + 1))) == U_NONE || !(c = count_of(&s->t[i])))
        return 0;
    /* the unit agrees with the count: "a week", "two weeks" */
    const dy_token *u = at(s, i + 1);
    int plural = u->text[u->len - 1] == 's' || u->text[u->len - 1] == 'S';
    if (plural != (c > 1))
        return 0;
    if (at_is(s, i + 2, "ago")) {
        dy_date r = offset(s->art, unit, -c, &prec);
        set(x, i, i + 3, r, prec, DY_TIMEX_RELATIVE, 0);
        return 3;
    }
    if (s->future && i > 0 && is(&s->t[i - 1], "in") && !at_is(s, i + 2, "of")) {
        dy_date r = offset(s->art, unit, c, &prec);
        set(x, i, i + 2, r, prec, DY_TIMEX_RELATIVE, DY_TIMEX_FUTURE);
        return 2;
    }
    return 0;
}

/* "the Sept. 11 attacks", "the March 2014 referendum": a written date
 * between an article and a noun names a thing (an anniversary, a vote), not
 * the time of the sentence's event. */
static int names_a_thing(const scan *s, const dy_timex *x)
{
    const dy_token *next = at(s, x->last);
    if (x->kind != DY_TIMEX_EXPLICIT || x->first == 0 || !next)
        return 0;
    const dy_token *p = &s->t[x->first - 1];
    return (is(p, "the") || is(p, "a") || is(p, "an")) &&
           (next->tag == DY_TAG_NN || next->tag == DY_TAG_NNS);
}

uint32_t dy_dates_find(const dy_token *tok, uint32_t n, dy_date article, unsigned flags,
                       dy_timex *out, uint32_t max)
{
    typedef uint32_t (*pattern)(const scan *, uint32_t, dy_timex *);
    /* Longer patterns first: a weekday may start "Monday, March 3", a month
     * pattern may start with the "last" of "last week" but fails there. */
    static const pattern patterns[] = {p_iso,   p_day_month, p_weekday, p_month,
                                       p_year,  p_ago,       p_words,   p_weekend};
    scan s = {tok, n, article, (flags & DY_DATES_PREFER_FUTURE) != 0};
    uint32_t found = 0;
    if (!tok || !out || !dy_date_valid(article))
        return 0;
    for (uint32_t i = 0; i < n && found < max;) {
        uint32_t used = 0;
        for (size_t p = 0; p < sizeof patterns / sizeof *patterns && !used; p++)
            used = patterns[p](&s, i, &out[found]);
        if (!used) {
            i++;
            continue;
        }
        dy_timex *x = &out[found];
        i = x->last;
        if (names_a_thing(&s, x))
            continue;
        if (x->first > 0 && is_any(&tok[x->first - 1], BOUND_PREP))
            x->flags |= DY_TIMEX_BOUND;
        found++;
    }
    return found;
}

/* ---- tense and picking ------------------------------------------------------ */

static int is_adverb(const dy_token *t)
{
    return t->tag == DY_TAG_RB || is(t, "not") || is(t, "n't");
}

int dy_dates_future_clause(const dy_token *tok, uint32_t n, uint32_t verb)
{
    static const char *const AUX[] = {"be", "been", "being", "have", NULL};
    static const char *const BEFORE_TO[] = {
        "is",       "are",       "am",       "'s",        "'re",     "going",
        "plans",    "plan",      "planned",  "planning",  "expects", "expected",
        "expect",   "scheduled", "set",      "due",       "intends", "intend",
        "intended", "aims",      "aim",      "prepares",  "prepared", "preparing",
        NULL};
    /* past forms of verbs that report or announce: after one, "would"
     * is the future of reported speech ("said Israel would strike") */
    static const char *const REPORTED[] = {
        "said",      "told",     "warned",     "vowed",     "threatened", "promised",
        "pledged",   "announced", "added",     "insisted",  "stated",     "declared",
        "confirmed", "indicated", "signalled", "signaled",  "hinted",     "predicted",
        "claimed",   "stressed", "reiterated", "agreed",    "decided",    "assured",
        NULL};
    if (!tok || verb >= n)
        return 0;
    uint32_t k = verb;
    bool have = false;
    for (int steps = 0; k > 0 && steps < 5; steps++) {
        const dy_token *t = &tok[--k];
        if (is(t, "will") || is(t, "'ll") || is(t, "shall") || is(t, "wo"))
            return 1;
        if ((is(t, "would") || is(t, "'d")) && !have) {
            /* not "would have attacked" (what did not happen), nor a
             * condition ("would attack if ...") said by nobody */
            for (uint32_t j = k, back = 0; j > 0 && back < 25; back++) {
                const dy_token *r = &tok[--j];
                if (r->tag == DY_TAG_VBD && is_any(r, REPORTED))
                    return 1;
                if (is(r, "if") || is(r, "unless"))
                    return 0;
            }
            return 0;
        }
        have |= is(t, "have");
        if (is(t, "to"))
            return k > 0 && is_any(&tok[k - 1], BEFORE_TO);
        if (!is_adverb(t) && !is_any(t, AUX))
            return 0;
    }
    return 0;
}

/* A token that starts or ends a clause: another finite verb, a relative
 * pronoun, a semicolon. */
static int clause_break(const dy_token *t)
{
    switch (t->tag) {
    case DY_TAG_VBD: case DY_TAG_VBZ: case DY_TAG_VBP: case DY_TAG_MD:
    case DY_TAG_WDT: case DY_TAG_WP: case DY_TAG_WPS:
        return 1;
    default:
        return t->len == 1 && t->text[0] == ';';
    }
}

static int breaks_between(const dy_token *tok, uint32_t from, uint32_t to)
{
    for (uint32_t k = from; k < to; k++)
        if (clause_break(&tok[k]))
            return 1;
    return 0;
}

/* An infinitive between the verb and the expression: "invited Xi to visit
 * Russia next year" -- the time is the visit's, never the invitation's. */
static int infinitive_between(const dy_token *tok, uint32_t from, uint32_t to)
{
    for (uint32_t k = from; k + 1 < to; k++)
        if (tok[k].tag == DY_TAG_TO && tok[k + 1].tag == DY_TAG_VB)
            return 1;
    return 0;
}

int dy_dates_pick(const dy_timex *x, uint32_t nx, const dy_token *tok, uint32_t n, uint32_t verb)
{
    int after = -1, before = -1, other = -1;
    uint32_t d_after = UINT32_MAX, d_before = UINT32_MAX, d_other = UINT32_MAX;
    if (!x || !tok || verb >= n)
        return -1;
    /* the verb's auxiliaries and adverbs ("has been", "will not") belong to it */
    uint32_t vstart = verb;
    while (vstart > 0 && (is_adverb(&tok[vstart - 1]) || tok[vstart - 1].tag == DY_TAG_MD ||
                          (tok[vstart - 1].tag >= DY_TAG_VB && tok[vstart - 1].tag <= DY_TAG_VBZ)))
        vstart--;
    for (uint32_t k = 0; k < nx; k++) {
        if (x[k].flags & DY_TIMEX_BOUND || x[k].last > n)
            continue;
        if (x[k].first > verb) {
            if (infinitive_between(tok, verb + 1, x[k].first))
                continue;
            uint32_t d = x[k].first - verb;
            if (d <= 10 && !breaks_between(tok, verb + 1, x[k].first) && d < d_after) {
                after = (int)k, d_after = d;
                continue;
            }
            if (d < d_other)
                other = (int)k, d_other = d;
        } else if (x[k].last <= vstart) {
            uint32_t d = vstart - x[k].last;
            if (!breaks_between(tok, x[k].last, vstart) && d < d_before) {
                before = (int)k, d_before = d;
                continue;
            }
            if (d < d_other)
                other = (int)k, d_other = d;
        } else if (d_after) {
            /* among the verb's own adverbs: "Russia yesterday attacked" */
            after = (int)k, d_after = 0;
        }
    }
    return after >= 0 ? after : before >= 0 ? before : other;
}

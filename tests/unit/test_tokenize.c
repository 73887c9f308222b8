/* Unit tests for lib/text/tokenize.c: every rule of docs/text.md with
 * examples, byte spans, flags, invalid UTF-8, NUL bytes, limits, a 10 MB
 * article, random bytes, and agreement with the Treebank parses of the
 * shared PETRARCH texts. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "text/text.h"

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

TestSuite(tokenize, .init = setup, .fini = teardown);

static dy_token *toks_n(const char *s, size_t len, uint32_t *n, uint32_t *bad)
{
    dy_token *t = NULL;
    uint32_t inv = 0;
    dyad_status st = dy_tokenize(arena, s, len, &t, n, &inv, &msg);
    cr_assert_eq(st, DYAD_OK, "dy_tokenize: %s", msg.text);
    if (bad)
        *bad = inv;
    return t;
}

static dy_token *toks(const char *s, uint32_t *n)
{
    return toks_n(s, strlen(s), n, NULL);
}

/* The token texts of s joined by '|' (in the arena). */
static const char *tk(const char *s)
{
    uint32_t n;
    dy_token *t = toks(s, &n);
    size_t cap = 1;
    for (uint32_t i = 0; i < n; i++)
        cap += t[i].len + 1;
    char *out = dy_arena_alloc(arena, cap), *o = out;
    for (uint32_t i = 0; i < n; i++) {
        if (i)
            *o++ = '|';
        memcpy(o, t[i].text, t[i].len);
        o += t[i].len;
    }
    *o = '\0';
    return out;
}

#define TK(src, want) cr_expect_str_eq(tk(src), want, "tokens of <%s>", src)

/* The token whose text is w (first one), or NULL. */
static const dy_token *find(const dy_token *t, uint32_t n, const char *w)
{
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(t[i].text, w) == 0)
            return &t[i];
    return NULL;
}

/* Every token: text consistent with len, spans inside the text, in order. */
static void check_invariants(const char *s, size_t len, const dy_token *t, uint32_t n)
{
    uint32_t prev_start = 0;
    for (uint32_t i = 0; i < n; i++) {
        cr_assert_not_null(t[i].text);
        cr_assert_eq(strlen(t[i].text), t[i].len);
        cr_assert_gt(t[i].len, 0);
        cr_assert_leq(t[i].start, t[i].end);
        cr_assert_lt(t[i].start, t[i].end, "empty span at token %u", i);
        cr_assert_leq(t[i].end, len);
        cr_assert_leq(t[i].end - t[i].start, DY_TOKEN_MAX_BYTES);
        cr_assert_geq(t[i].start, prev_start);
        prev_start = t[i].start;
        (void)s;
    }
}

/* ---- words, clitics, contractions ----------------------------------- */

Test(tokenize, possessives)
{
    TK("Russia's army", "Russia|'s|army");
    TK("the protesters' demands", "the|protesters|'|demands");
    TK("James's car", "James|'s|car");
    TK("RUSSIA'S", "RUSSIA|'S");
    TK("the 1990's", "the|1990|'s");
    TK("the U.S.'s role", "the|U.S.|'s|role");
    TK("al-Assad's forces", "al-Assad|'s|forces");
}

Test(tokenize, contractions)
{
    TK("didn't", "did|n't");
    TK("can't", "ca|n't");
    TK("won't", "wo|n't");
    TK("isn't", "is|n't");
    TK("DON'T", "DO|N'T");
    TK("I'm here", "I|'m|here");
    TK("they're", "they|'re");
    TK("we've", "we|'ve");
    TK("he'll", "he|'ll");
    TK("she'd", "she|'d");
    TK("cannot", "can|not");
    TK("gonna gotta wanna", "gon|na|got|ta|wan|na");
    /* not contractions */
    TK("O'Brien o'clock rock'n'roll y'all", "O'Brien|o'clock|rock'n'roll|y'all");
    TK("n't", "n't");
}

Test(tokenize, curly_apostrophes_are_normalised)
{
    uint32_t n;
    const char *s = "Russia\xE2\x80\x99s nations\xE2\x80\x99 don\xE2\x80\x99t";
    dy_token *t = toks(s, &n);
    cr_assert_str_eq(tk(s), "Russia|'s|nations|'|do|n't");
    /* spans stay in the original bytes: U+2019 is three bytes */
    cr_assert_eq(t[0].start, 0);
    cr_assert_eq(t[0].end, 6);
    cr_assert_eq(t[1].start, 6);
    cr_assert_eq(t[1].end, 10);
    cr_assert_eq(t[3].start, 18);
    cr_assert_eq(t[3].end, 21);
    cr_assert_eq(t[5].end, strlen(s));
}

Test(tokenize, hyphenated_words_stay_whole)
{
    TK("al-Assad Israeli-Palestinian anti-government", "al-Assad|Israeli-Palestinian|anti-government");
    TK("a 50-year-old man", "a|50-year-old|man");
    TK("U.S.-led forces", "U.S.-led|forces");
    TK("an anti- Gondor parade", "an|anti-|Gondor|parade");
    TK("pro- and anti-war", "pro-|and|anti-war");
    /* U+2010 hyphen and an en dash between letters are hyphens */
    TK("Israeli\xE2\x80\x90Palestinian 2014\xE2\x80\x93" "15", "Israeli-Palestinian|2014-15");
}

Test(tokenize, punctuation_splits_off_words)
{
    TK("Hello, world; fine: yes! no? (maybe)", "Hello|,|world|;|fine|:|yes|!|no|?|-LRB-|maybe|-RRB-");
    TK("end.", "end|.");
    TK("Beijing--which", "Beijing|--|which");
    TK("word...and", "word|...|and");
    TK("a/b and/or 1/2", "a/b|and/or|1/2");
    TK("AT&T S&P &TIETYPE", "AT&T|S&P|&|TIETYPE");
    /* an underscore between words is a space (PETRARCH's multiword names) */
    TK("Dol_Amroth", "Dol|Amroth");
    TK("Prince_of_Dol_Amroth.", "Prince|of|Dol|Amroth|.");
    TK("_x x_ __init__ a__b", "_|x|x|_|_|_|init|_|_|a|_|_|b");
}

/* ---- numbers and money ------------------------------------------------ */

Test(tokenize, numbers)
{
    TK("1,000 50,000 1,000,000 3.5 .5 10:30 2014-15 1990s 21st", "1,000|50,000|1,000,000|3.5|.5|10:30|2014-15|1990s|21st");
    TK("1,00 and 1,0000", "1|,|00|and|1|,|0000");
    TK("in 2014.", "in|2014|.");
    TK("the '90s", "the|'90s");
    uint32_t n;
    dy_token *t = toks("1,000 3.5 1990s 21st 2014-15 50-year-old x1 '90s", &n);
    for (int i = 0; i < 5; i++)
        cr_expect(t[i].flags & DY_TOK_NUMBER, "%s is a number", t[i].text);
    cr_expect_not(t[5].flags & DY_TOK_NUMBER);
    cr_expect_not(t[6].flags & DY_TOK_NUMBER);
    cr_expect(t[7].flags & DY_TOK_NUMBER);
    cr_expect(t[4].flags & DY_TOK_HYPHEN);
}

Test(tokenize, money_and_percent)
{
    TK("$50 and 50% and $1,000.50", "$|50|and|50|%|and|$|1,000.50");
    TK("US$900 HK$5", "US$|900|HK$|5");
    TK("\xE2\x82\xAC" "20 \xC2\xA3" "5", "\xE2\x82\xAC|20|\xC2\xA3|5");
    TK("12.5%.", "12.5|%|.");
}

/* ---- abbreviations ---------------------------------------------------- */

Test(tokenize, abbreviations_keep_their_period)
{
    TK("Mr. Putin and Gen. Petraeus met Feb. 3 at St. Paul's",
       "Mr.|Putin|and|Gen.|Petraeus|met|Feb.|3|at|St.|Paul|'s");
    TK("U.S. and U.N. officials", "U.S.|and|U.N.|officials");
    TK("Apple Inc. and IBM Corp. said", "Apple|Inc.|and|IBM|Corp.|said");
    TK("e.g. this, i.e. that", "e.g.|this|,|i.e.|that");
    TK("at 3 p.m. Monday", "at|3|p.m.|Monday");
    TK("Smith et al. found", "Smith|et|al.|found");
    TK("No. 5 but not no.", "No.|5|but|not|no|.");
    TK("the No. One", "the|No|.|One");
    TK("MR. PUTIN", "MR.|PUTIN");
    TK("Sen. Chris Murphy, D-Conn., said", "Sen.|Chris|Murphy|,|D-Conn.|,|said");
    TK("Rep. Smith, R-Ky. He said", "Rep.|Smith|,|R-Ky.|.|He|said");
    TK("a well-known. Then", "a|well-known|.|Then");
}

Test(tokenize, initials)
{
    TK("George W. Bush", "George|W.|Bush");
    TK("J.K. Rowling", "J.K.|Rowling");
    TK("John F. Kennedy said", "John|F.|Kennedy|said");
    uint32_t n;
    dy_token *t = toks("George W. Bush", &n);
    cr_expect(t[1].flags & DY_TOK_ABBREV);
    cr_expect(t[1].flags & DY_TOK_CAPITAL);
}

Test(tokenize, sentence_final_abbreviation_gets_an_extra_period)
{
    TK("He lives in the U.S.", "He|lives|in|the|U.S.|.");
    TK("in the U.S. The next day", "in|the|U.S.|.|The|next|day");
    TK("in the U.S. Army", "in|the|U.S.|Army");
    TK("in the U.S. officials said", "in|the|U.S.|officials|said");
    TK("Apple Inc. He said", "Apple|Inc.|.|He|said");
    TK("\"I live in the U.S.\" He smiled.", "``|I|live|in|the|U.S.|.|''|He|smiled|.");
    TK("in the U.S.\n\nNext paragraph", "in|the|U.S.|.|Next|paragraph");
    /* a title never ends a sentence before a capital */
    TK("Mr. The", "Mr.|The");
    /* the extra period points at the abbreviation's own period */
    uint32_t n;
    dy_token *t = toks("in the U.S.", &n);
    cr_assert_eq(n, 4);
    cr_assert_eq(t[2].start, 7);
    cr_assert_eq(t[2].end, 11);
    cr_assert_eq(t[3].start, 10);
    cr_assert_eq(t[3].end, 11);
    cr_expect(t[3].flags & DY_TOK_PUNCT);
}

/* ---- quotes, brackets, dashes, ellipses --------------------------------- */

Test(tokenize, double_quotes_by_context)
{
    TK("\"We will win,\" he said.", "``|We|will|win|,|''|he|said|.");
    TK("He said \"no\".", "He|said|``|no|''|.");
    TK("(\"quoted\")", "-LRB-|``|quoted|''|-RRB-");
    TK("as`` unacceptable''", "as|``|unacceptable|''");
    TK("said:``A lot", "said|:|``|A|lot");
    /* curly quotes: context first, the glyph breaks ties */
    TK("\xE2\x80\x9CWe will win,\xE2\x80\x9D he said", "``|We|will|win|,|''|he|said");
    TK("\xE2\x80\x9DWrong\xE2\x80\x9D", "``|Wrong|''");
    TK("\xC2\xABOui\xC2\xBB", "``|Oui|''");
    /* a quote between words: the open/closed state decides */
    TK("\"a\"b\"c\"", "``|a|''|b|``|c|''");
}

Test(tokenize, single_quotes)
{
    TK("'Really' she said", "`|Really|'|she|said");
    TK("\xE2\x80\x98Hello,\xE2\x80\x99 he said", "`|Hello|,|'|he|said");
    TK("`single' and ``double''", "`|single|'|and|``|double|''");
}

Test(tokenize, brackets)
{
    TK("(a) [b] {c}", "-LRB-|a|-RRB-|-LSB-|b|-RSB-|-LCB-|c|-RCB-");
    uint32_t n;
    dy_token *t = toks("(EU)", &n);
    cr_assert_eq(n, 3);
    cr_expect_eq(t[0].start, 0);
    cr_expect_eq(t[0].end, 1);
    cr_expect_eq(t[2].start, 3);
    cr_expect(t[0].flags & DY_TOK_PUNCT);
    cr_expect_not(t[1].flags & DY_TOK_PUNCT);
}

Test(tokenize, dashes_and_ellipses)
{
    TK("Moscow -- which", "Moscow|--|which");
    TK("a \xE2\x80\x94 b \xE2\x80\x93 c", "a|--|b|--|c");
    TK("a\xE2\x80\x94" "b", "a|--|b");
    TK("a - b", "a|-|b");
    TK("a --- b", "a|--|b");
    TK("wait\xE2\x80\xA6 what", "wait|...|what");
    TK("wait . . . what", "wait|...|what");
    TK("wait.... what", "wait|...|what");
    uint32_t n;
    dy_token *t = toks("a\xE2\x80\x94" "b", &n);
    cr_assert_eq(t[1].start, 1);
    cr_assert_eq(t[1].end, 4);
}

/* ---- web things --------------------------------------------------------- */

Test(tokenize, urls_emails_handles_hashtags)
{
    TK("see http://example.com/a?b=1&c=2.", "see|http://example.com/a?b=1&c=2|.");
    TK("(https://en.wikipedia.org/wiki/A_(b))", "-LRB-|https://en.wikipedia.org/wiki/A_(b)|-RRB-");
    TK("www.reuters.com, or", "www.reuters.com|,|or");
    TK("mail john.doe@example.org.", "mail|john.doe@example.org|.");
    TK("@putin and #Ukraine2014 but #1", "@putin|and|#Ukraine2014|but|#|1");
    TK("Amazon.com said", "Amazon.com|said");
    uint32_t n;
    dy_token *t = toks("http://x.org john@x.com @handle Amazon.com #tag", &n);
    for (int i = 0; i < 4; i++)
        cr_expect(t[i].flags & DY_TOK_URL, "%s has DY_TOK_URL", t[i].text);
    cr_expect_not(t[4].flags & DY_TOK_URL);
}

/* ---- flags ------------------------------------------------------------- */

Test(tokenize, shape_flags)
{
    uint32_t n;
    dy_token *t = toks("Russia NATO iPhone a U.S. , 3M I", &n);
    cr_assert_eq(n, 8);
    cr_expect_eq(t[0].flags & (DY_TOK_CAPITAL | DY_TOK_ALLCAPS), DY_TOK_CAPITAL);
    cr_expect_eq(t[1].flags & (DY_TOK_CAPITAL | DY_TOK_ALLCAPS), DY_TOK_CAPITAL | DY_TOK_ALLCAPS);
    cr_expect_eq(t[2].flags & (DY_TOK_CAPITAL | DY_TOK_ALLCAPS), 0);
    cr_expect_eq(t[3].flags, 0);
    cr_expect(t[4].flags & DY_TOK_ALLCAPS);
    cr_expect(t[4].flags & DY_TOK_ABBREV);
    cr_expect_eq(t[5].flags, DY_TOK_PUNCT);
    cr_expect(t[6].flags & DY_TOK_CAPITAL);
    cr_expect_eq(t[7].flags & (DY_TOK_CAPITAL | DY_TOK_ALLCAPS), DY_TOK_CAPITAL);
    /* Unicode case */
    t = toks("\xC3\x89tat \xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90", &n);
    cr_expect(t[0].flags & DY_TOK_CAPITAL);
    cr_expect_not(t[0].flags & DY_TOK_ALLCAPS);
    cr_expect(t[1].flags & DY_TOK_ALLCAPS);
}

Test(tokenize, line_start_flag)
{
    uint32_t n;
    dy_token *t = toks("First line\nsecond line\r\nthird\xE2\x80\xA8" "fourth", &n);
    cr_assert_eq(n, 6);
    cr_expect(t[0].flags & DY_TOK_LINE_START);
    cr_expect_not(t[1].flags & DY_TOK_LINE_START);
    cr_expect(t[2].flags & DY_TOK_LINE_START);
    cr_expect_not(t[3].flags & DY_TOK_LINE_START);
    cr_expect(t[4].flags & DY_TOK_LINE_START);
    cr_expect(t[5].flags & DY_TOK_LINE_START);
}

Test(tokenize, every_token_has_exact_spans)
{
    const char *s = "  \"Mr. Smith's car,\" he said\xE2\x80\x94" "at 10:30 (U.S. time)\xE2\x80\xA6  ";
    uint32_t n;
    dy_token *t = toks(s, &n);
    check_invariants(s, strlen(s), t, n);
    /* plain tokens: the text is exactly the span */
    const char *plain[] = { "Mr.", "Smith", "car", ",", "he", "said", "at", "10:30", "U.S.", "time" };
    for (size_t i = 0; i < sizeof plain / sizeof *plain; i++) {
        const dy_token *x = find(t, n, plain[i]);
        cr_assert_not_null(x, "%s", plain[i]);
        cr_expect_eq(x->end - x->start, strlen(plain[i]));
        cr_expect(memcmp(s + x->start, plain[i], strlen(plain[i])) == 0, "%s", plain[i]);
    }
    /* normalised tokens keep the span of what they came from */
    const dy_token *q = find(t, n, "``");
    cr_expect_eq(q->start, 2);
    cr_expect_eq(q->end, 3);
    const dy_token *d = find(t, n, "--");
    cr_expect(memcmp(s + d->start, "\xE2\x80\x94", 3) == 0 && d->end - d->start == 3);
    const dy_token *e = find(t, n, "...");
    cr_expect(memcmp(s + e->start, "\xE2\x80\xA6", 3) == 0 && e->end - e->start == 3);
    const dy_token *l = find(t, n, "-LRB-");
    cr_expect_eq(s[l->start], '(');
}

/* ---- whitespace, encodings, odd input ---------------------------------- */

Test(tokenize, unicode_spaces_are_whitespace)
{
    TK("a\xC2\xA0" "b\xE2\x80\x83" "c\xE3\x80\x80" "d\xE2\x80\x8B" "e\xEF\xBB\xBF" "f\xE2\x80\xAF" "g",
       "a|b|c|d|e|f|g");
    TK("\xEF\xBB\xBFStart", "Start");
}

Test(tokenize, nul_and_control_bytes_are_whitespace)
{
    uint32_t n;
    const char s[] = "a\0b\0\0c\x01\x7F" "d";
    dy_token *t = toks_n(s, sizeof s - 1, &n, NULL);
    cr_assert_eq(n, 4);
    cr_expect_str_eq(t[0].text, "a");
    cr_expect_str_eq(t[3].text, "d");
    cr_expect_eq(t[2].start, 5);
    cr_expect_eq(t[3].start, 8);
}

Test(tokenize, empty_and_blank_input)
{
    uint32_t n = 99, bad = 99;
    dy_token *t = toks_n("", 0, &n, &bad);
    cr_expect_eq(n, 0);
    cr_expect_null(t);
    cr_expect_eq(bad, 0);
    t = toks_n(NULL, 0, &n, NULL);
    cr_expect_eq(n, 0);
    t = toks(" \n\t\r\n  ", &n);
    cr_expect_eq(n, 0);
}

Test(tokenize, bad_arguments)
{
    dy_token *t;
    uint32_t n;
    cr_expect_eq(dy_tokenize(NULL, "a", 1, &t, &n, NULL, &msg), DYAD_ERR_ARG);
    cr_expect_eq(dy_tokenize(arena, NULL, 1, &t, &n, NULL, &msg), DYAD_ERR_ARG);
    cr_expect_eq(dy_tokenize(arena, "a", 1, NULL, &n, NULL, NULL), DYAD_ERR_ARG);
    cr_expect_eq(dy_tokenize(arena, "a", 1, &t, NULL, NULL, NULL), DYAD_ERR_ARG);
    cr_expect_eq(dy_tokenize(arena, "a", (size_t)UINT32_MAX + 1, &t, &n, NULL, &msg),
                 DYAD_ERR_LIMIT);
    cr_expect(strstr(msg.text, "limit") != NULL, "%s", msg.text);
}

Test(tokenize, invalid_utf8_becomes_replacement_characters)
{
    uint32_t n, bad;
    /* Latin-1 e-acute; a lone continuation byte; a truncated 3-byte sequence
     * (one maximal subpart = one U+FFFD); an overlong; a surrogate; FF. */
    const char s[] = "caf\xE9 \x80x \xE2\x80 \xC0\xAF \xED\xA0\x80 \xFF";
    dy_token *t = toks_n(s, sizeof s - 1, &n, &bad);
    check_invariants(s, sizeof s - 1, t, n);
    cr_assert_eq(n, 6);
    cr_expect_str_eq(t[0].text, "caf\xEF\xBF\xBD");
    cr_expect_eq(t[0].start, 0);
    cr_expect_eq(t[0].end, 4);
    cr_expect_str_eq(t[1].text, "\xEF\xBF\xBDx");
    cr_expect_str_eq(t[2].text, "\xEF\xBF\xBD");
    cr_expect_eq(t[2].end - t[2].start, 2);
    cr_expect_str_eq(t[3].text, "\xEF\xBF\xBD\xEF\xBF\xBD");
    cr_expect_str_eq(t[4].text, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    cr_expect_str_eq(t[5].text, "\xEF\xBF\xBD");
    cr_expect_eq(bad, 1 + 1 + 1 + 2 + 3 + 1);
    /* a truncated sequence at the very end */
    t = toks_n("ab\xE2\x82", 4, &n, &bad);
    cr_assert_eq(n, 1);
    cr_expect_str_eq(t[0].text, "ab\xEF\xBF\xBD");
    cr_expect_eq(bad, 1);
}

Test(tokenize, nfc_and_format_characters)
{
    /* e + combining acute -> precomposed; soft hyphen and LRM disappear
     * inside a word */
    TK("Cafe\xCC\x81 na\xC3\xAFve", "Caf\xC3\xA9|na\xC3\xAFve");
    TK("Ukra\xC2\xADine", "Ukraine");
    TK("ab\xE2\x80\x8E" "cd", "abcd");
    TK("\xC2\xAD" "x", "x");
}

Test(tokenize, non_latin_scripts)
{
    TK("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0, \xE5\x8C\x97\xE4\xBA\xAC.",
       "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0|,|\xE5\x8C\x97\xE4\xBA\xAC|.");
    TK("\xD8\xA7\xD9\x84\xD9\x82\xD8\xAF\xD8\xB3 \xD8\x9F", "\xD8\xA7\xD9\x84\xD9\x82\xD8\xAF\xD8\xB3|\xD8\x9F");
}

/* ---- limits ------------------------------------------------------------ */

Test(tokenize, long_words_are_cut_into_adjacent_pieces)
{
    size_t len = 5 * DY_TOKEN_MAX_BYTES + 123;
    char *s = malloc(len + 3);
    memset(s, 'a', len);
    memcpy(s + len, " b", 3);
    uint32_t n;
    dy_token *t = toks_n(s, len + 2, &n, NULL);
    cr_assert_eq(n, 7);
    for (uint32_t i = 0; i < 6; i++) {
        cr_expect_leq(t[i].end - t[i].start, DY_TOKEN_MAX_BYTES);
        if (i)
            cr_expect_eq(t[i].start, t[i - 1].end, "pieces are adjacent");
    }
    cr_expect_eq(t[5].end, len);
    cr_expect_str_eq(t[6].text, "b");
    free(s);
}

Test(tokenize, long_multibyte_words_are_cut_at_code_points)
{
    size_t count = 2001, len = count * 2;     /* U+00E9 is two bytes */
    char *s = malloc(len);
    for (size_t i = 0; i < count; i++)
        memcpy(s + 2 * i, "\xC3\xA9", 2);
    uint32_t n, bad;
    dy_token *t = toks_n(s, len, &n, &bad);
    cr_expect_eq(bad, 0);
    cr_assert_geq(n, 5);
    for (uint32_t i = 0; i < n; i++) {
        cr_expect_eq(t[i].start % 2, 0);
        cr_expect_eq(t[i].end % 2, 0);
        cr_expect_leq(t[i].end - t[i].start, DY_TOKEN_MAX_BYTES);
    }
    free(s);
}

Test(tokenize, long_runs_of_punctuation_and_urls)
{
    size_t len = 4500;
    char *s = malloc(len + 8);
    memset(s, '-', len);
    uint32_t n;
    dy_token *t = toks_n(s, len, &n, NULL);
    cr_expect_eq(n, 5);
    cr_expect_str_eq(t[0].text, "--");
    check_invariants(s, len, t, n);
    memset(s, '.', len);
    t = toks_n(s, len, &n, NULL);
    cr_expect_eq(n, 5);
    check_invariants(s, len, t, n);
    memcpy(s, "http://", 7);
    memset(s + 7, 'x', len - 7);
    t = toks_n(s, len, &n, NULL);
    check_invariants(s, len, t, n);
    cr_expect(t[0].flags & DY_TOK_URL);
    free(s);
}

/* A 10 MB article without a single sentence break: linear time (the test
 * has a timeout) and bounded memory. */
Test(tokenize, ten_megabytes_without_a_break, .timeout = 120)
{
    const char *unit = "the rebels, who came from Donetsk, attacked 12 positions and ";
    size_t ul = strlen(unit), len = 10u << 20;
    char *s = malloc(len);
    for (size_t i = 0; i < len; i++)
        s[i] = unit[i % ul];
    struct rusage r0, r1;
    getrusage(RUSAGE_SELF, &r0);
    uint32_t n;
    dy_token *t = toks_n(s, len, &n, NULL);
    cr_assert_gt(n, len / 8);
    cr_assert_lt(n, len / 3);
    /* every token was kept, in order */
    cr_expect_str_eq(t[0].text, "the");
    cr_expect_leq(t[n - 1].end, len);
    size_t used = dy_arena_used(arena);
    cr_expect_leq(used, 10 * len, "arena holds %zu bytes for %zu of text", used, len);
    dy_span *sp;
    uint32_t ns;
    cr_assert_eq(dy_split_sentences(arena, s, len, t, n, &sp, &ns, &msg), DYAD_OK);
    cr_expect_geq(ns, n / DY_SENT_MAX_TOKENS);
    for (uint32_t i = 0; i < ns; i++)
        cr_assert_leq(sp[i].count, DY_SENT_MAX_TOKENS);
    getrusage(RUSAGE_SELF, &r1);
#ifndef __SANITIZE_ADDRESS__
    long grew_kb = r1.ru_maxrss - r0.ru_maxrss;
    cr_expect_leq((size_t)grew_kb * 1024, 14 * len, "peak memory grew by %ld KiB", grew_kb);
#endif
    free(s);
}

/* Articles over 1 MiB are counted first, then tokenised into an array of
 * exactly the right size: the tokens must be those of the one-pass path. */
Test(tokenize, huge_articles_match_small_ones, .timeout = 120)
{
    const char *unit = "12. Item \xE2\x80\x9Cone\xE2\x80\x9D in the U.S. The caf\xE9 didn't\n"
                       "- MOSCOW (Reuters) - 1,000 U.N. officials, e.g. Mr. Putin's... in 15. Then\n\n";
    size_t ul = strlen(unit), reps = ((size_t)1 << 20) / ul + 10, len = ul * reps;
    uint32_t n1, bad1;
    dy_token *one = toks_n(unit, ul, &n1, &bad1);
    dy_token *first = malloc(n1 * sizeof *first);
    memcpy(first, one, n1 * sizeof *first);
    char *s = malloc(len);
    for (size_t i = 0; i < reps; i++)
        memcpy(s + i * ul, unit, ul);
    size_t before = dy_arena_used(arena);
    uint32_t n, bad;
    dy_token *t = toks_n(s, len, &n, &bad);
    cr_assert_eq(n, n1 * reps);
    cr_assert_eq(bad, bad1 * reps);
    for (size_t r = 0; r < reps; r += reps / 7) {
        for (uint32_t i = 0; i < n1; i++) {
            const dy_token *x = &t[r * n1 + i];
            cr_assert_str_eq(x->text, first[i].text);
            cr_assert_eq(x->flags, first[i].flags, "flags of %s", x->text);
            cr_assert_eq(x->start, first[i].start + r * ul);
            cr_assert_eq(x->end, first[i].end + r * ul);
        }
    }
    /* one exact token array plus the text */
    cr_expect_leq(dy_arena_used(arena) - before, n * sizeof(dy_token) + 2 * len + (256u << 10));
    free(first);
    free(s);
}

/* Random bytes: never a crash, always sane tokens. */
Test(tokenize, random_bytes)
{
    unsigned long x = 12345;
    for (int round = 0; round < 200; round++) {
        size_t len = 1 + (size_t)(round * 37 % 3000);
        char *s = malloc(len);
        for (size_t i = 0; i < len; i++) {
            x = x * 6364136223846793005ul + 1442695040888963407ul;
            unsigned v = (unsigned)(x >> 33);
            /* mostly text-like, some high bytes, some NULs */
            s[i] = round % 3 == 0 ? (char)(v & 0xFF) : " .,'\"-aZ9(\xE2\x80\x9C\xC3\xFF\0"[v % 17];
        }
        uint32_t n, bad;
        dy_token *t = toks_n(s, len, &n, &bad);
        check_invariants(s, len, t, n);
        dy_span *sp;
        uint32_t ns;
        cr_assert_eq(dy_split_sentences(arena, s, len, t, n, &sp, &ns, &msg), DYAD_OK);
        uint32_t next = 0;
        for (uint32_t i = 0; i < ns; i++) {
            cr_assert_eq(sp[i].first, next);
            cr_assert_gt(sp[i].count, 0);
            next += sp[i].count;
        }
        cr_assert_eq(next, n);
        free(s);
        dy_arena_reset(arena);
    }
}

/* Inputs that end inside a construct (an abbreviation, a URL prefix, a
 * clitic, a multi-byte sequence ...).  fuzz/fuzz_text.c found no crash in
 * its runs so far; inputs it finds go here. */
Test(tokenize, inputs_ending_inside_a_construct)
{
    static const struct { const char *s; size_t len; } cases[] = {
        { "U.S.", 4 },
        { "'", 1 },
        { "a\xE2", 2 },
        { "http://", 7 },
        { "www.)", 5 },
        { "x@", 2 },
        { "x@1.", 4 },
        { "#", 1 },
        { "No.", 3 },
        { "1.", 2 },
        { "1. ", 3 },
        { "\n1. \n", 5 },
        { ".", 1 },
        { ". .", 3 },
        { "$", 1 },
        { "A$", 2 },
        { "e\xCC\x81", 3 },
        { "\xCC\x81", 2 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        uint32_t n;
        dy_token *t = toks_n(cases[i].s, cases[i].len, &n, NULL);
        check_invariants(cases[i].s, cases[i].len, t, n);
        dy_span *sp;
        uint32_t ns;
        cr_assert_eq(dy_split_sentences(arena, cases[i].s, cases[i].len, t, n, &sp, &ns, &msg),
                     DYAD_OK);
    }
}

/* ---- the shared PETRARCH texts against their Treebank parses ------------ */

static char *read_shared(const char *rel, size_t *len)
{
    const char *root = getenv("DYAD_SHARED");
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", root ? root : "../shared", rel);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    *len = fread(buf, 1, (size_t)n, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

/* Decodes the XML entities of s[0..n) into a new NUL-terminated string. */
static char *xml_text(const char *s, size_t n, size_t *out_len)
{
    static const char *const ent[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&apos;" };
    static const char rep[] = "&<>\"'";
    char *o = malloc(n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        size_t e = 0;
        for (; e < 5; e++)
            if (strncmp(s + i, ent[e], strlen(ent[e])) == 0)
                break;
        if (e < 5) {
            o[k++] = rep[e];
            i += strlen(ent[e]);
        } else {
            o[k++] = s[i++];
        }
    }
    o[k] = '\0';
    *out_len = k;
    return o;
}

/* Quote tokens compare equal whatever their direction or form: ASCII " and
 * the Treebank `` '' are one class, ` and ' another. */
static const char *canon(const char *w)
{
    if (!strcmp(w, "``") || !strcmp(w, "''") || !strcmp(w, "\""))
        return "\"";
    if (!strcmp(w, "`") || !strcmp(w, "'"))
        return "'";
    return w;
}

typedef struct agreement {
    int records, empty, same_chars, exact, exact_same, one_sentence;
} agreement;

static void compare_file(const char *rel, agreement *ag)
{
    size_t n;
    char *d = read_shared(rel, &n);
    if (!d)
        cr_skip("../shared/petrarch2 is absent (set DYAD_SHARED): real texts not compared");
    /* comments hold example markup: blank them out */
    for (char *c = strstr(d, "<!--"); c; c = strstr(c, "<!--")) {
        char *e = strstr(c, "-->");
        e = e ? e + 3 : d + n;
        memset(c, ' ', (size_t)(e - c));
        c = e;
    }
    for (char *p = d; (p = strstr(p, "<Text>"));) {
        p += 6;
        char *te = strstr(p, "</Text>");
        char *ps = te ? strstr(te, "<Parse>") : NULL;
        char *pe = ps ? strstr(ps, "</Parse>") : NULL;
        if (!pe)
            break;
        size_t tl, pl;
        char *text = xml_text(p, (size_t)(te - p), &tl);
        char *parse = xml_text(ps + 7, (size_t)(pe - ps - 7), &pl);
        /* the leaves: "(TAG word)" */
        const char *leaf[2000];
        size_t leaf_len[2000];
        int nl = 0;
        for (char *q = parse; *q && nl < 2000; q++) {
            if (*q != '(')
                continue;
            char *sp = q + 1;
            while (*sp && !strchr(" ()\n\t", *sp))
                sp++;
            if (*sp != ' ')
                continue;
            char *w = sp;
            while (*w == ' ')
                w++;
            char *we = w;
            while (*we && !strchr(" ()\n\t", *we))
                we++;
            if (*we == ')' && we > w) {
                leaf[nl] = w;
                leaf_len[nl++] = (size_t)(we - w);
            }
        }
        dy_token *t;
        uint32_t nt;
        cr_assert_eq(dy_tokenize(arena, text, tl, &t, &nt, NULL, &msg), DYAD_OK);
        dy_span *sp;
        uint32_t ns;
        cr_assert_eq(dy_split_sentences(arena, text, tl, t, nt, &sp, &ns, &msg), DYAD_OK);
        ag->records++;
        if (nt == 0)
            ag->empty++;
        else if (ns == 1)
            ag->one_sentence++;
        /* same characters: both sides joined, quotes canonical */
        char a[20000] = "", b[20000] = "";
        size_t al = 0, bl = 0;
        int exact = (int)nt == nl;
        for (int i = 0; i < nl; i++) {
            char w[256];
            size_t wl = leaf_len[i] < 255 ? leaf_len[i] : 255;
            memcpy(w, leaf[i], wl);
            w[wl] = '\0';
            const char *cw = canon(w);
            if (bl + strlen(cw) < sizeof b - 1)
                bl += (size_t)sprintf(b + bl, "%s", cw);
            if (exact && strcmp(canon(t[i].text), cw) != 0)
                exact = 0;
        }
        for (uint32_t i = 0; i < nt; i++) {
            const char *cw = canon(t[i].text);
            if (al + strlen(cw) < sizeof a - 1)
                al += (size_t)sprintf(a + al, "%s", cw);
        }
        int same = strcmp(a, b) == 0;
        ag->same_chars += same;
        ag->exact += exact;
        ag->exact_same += exact && same;
        if (same && !exact) {
            cr_log_warn("%s: tokenised differently from its parse: %.*s", rel, (int)tl, text);
        }
        free(text);
        free(parse);
        dy_arena_reset(arena);
        p = pe;
    }
    free(d);
}

Test(tokenize, agrees_with_petrarch_parses)
{
    agreement ag;
    memset(&ag, 0, sizeof ag);
    compare_file("petrarch2/text/GigaWord.sample.PETR.xml", &ag);
    compare_file("petrarch2/text/PETR.UnitTest.records.xml", &ag);
    cr_assert_gt(ag.records, 300);
    int nonempty = ag.records - ag.empty;
    cr_log_info("shared texts: %d records (%d empty); %d tokenised exactly like their parse "
                "(%.1f%%); %d whose text and parse have the same characters, of which %d exact "
                "(%.1f%%); one sentence: %d of %d non-empty (%.1f%%)",
                ag.records, ag.empty, ag.exact, 100.0 * ag.exact / ag.records, ag.same_chars,
                ag.exact_same, 100.0 * ag.exact_same / ag.same_chars, ag.one_sentence, nonempty,
                100.0 * ag.one_sentence / nonempty);
    /* Where text and parse have the same characters, the tokens must match
     * the leaves (quotes compared without direction). */
    cr_expect_geq(ag.exact_same * 100, ag.same_chars * 98, "%d of %d", ag.exact_same,
                  ag.same_chars);
    /* Each <Text> is one sentence (the one dateline, "CEBU CITY: --", is split off). */
    cr_expect_geq(ag.one_sentence * 100, nonempty * 98, "%d of %d", ag.one_sentence, nonempty);
}

/* Unit tests for lib/text/split.c: sentence ends, abbreviations, quotes,
 * paragraphs, headlines, datelines, bullets and the length limit. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

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

TestSuite(split, .init = setup, .fini = teardown);

typedef struct doc {
    dy_token *t;
    uint32_t n;
    dy_span *s;
    uint32_t ns;
} doc;

static doc split_n(const char *text, size_t len)
{
    doc d;
    cr_assert_eq(dy_tokenize(arena, text, len, &d.t, &d.n, NULL, &msg), DYAD_OK, "%s", msg.text);
    cr_assert_eq(dy_split_sentences(arena, text, len, d.t, d.n, &d.s, &d.ns, &msg), DYAD_OK,
                 "%s", msg.text);
    /* the sentences cover every token once, in order, within the limit */
    uint32_t next = 0;
    for (uint32_t i = 0; i < d.ns; i++) {
        cr_assert_eq(d.s[i].first, next);
        cr_assert_gt(d.s[i].count, 0);
        cr_assert_leq(d.s[i].count, DY_SENT_MAX_TOKENS);
        next += d.s[i].count;
    }
    cr_assert_eq(next, d.n);
    return d;
}

/* Sentences of text: tokens joined by ' ', sentences by " | ". */
static const char *sp(const char *text)
{
    doc d = split_n(text, strlen(text));
    size_t cap = 1;
    for (uint32_t i = 0; i < d.n; i++)
        cap += d.t[i].len + 3;
    char *out = dy_arena_alloc(arena, cap), *o = out;
    for (uint32_t k = 0; k < d.ns; k++) {
        if (k) {
            memcpy(o, " | ", 3);
            o += 3;
        }
        for (uint32_t i = d.s[k].first; i < d.s[k].first + d.s[k].count; i++) {
            if (i > d.s[k].first)
                *o++ = ' ';
            memcpy(o, d.t[i].text, d.t[i].len);
            o += d.t[i].len;
        }
    }
    *o = '\0';
    return out;
}

#define SP(src, want) cr_expect_str_eq(sp(src), want, "sentences of <%s>", src)

static uint32_t count(const char *text)
{
    return split_n(text, strlen(text)).ns;
}

Test(split, final_punctuation)
{
    SP("It rained. Then it stopped! Why? Nobody knows.",
       "It rained . | Then it stopped ! | Why ? | Nobody knows .");
    SP("No final punctuation", "No final punctuation");
    SP("Prices rose 3.5 percent. Stocks fell.", "Prices rose 3.5 percent . | Stocks fell .");
    SP("It ended in 2014. 15 people died.", "It ended in 2014 . | 15 people died .");
    SP("Really?! Yes.", "Really ? ! | Yes .");
    /* a period before a lower-case word is not an end */
    SP("He went to Yahoo. com and left.", "He went to Yahoo . com and left .");
}

Test(split, not_after_abbreviations_initials_and_numbers)
{
    cr_expect_eq(count("Mr. Putin met U.S. officials on Jan. 5 with Gen. Petraeus."), 1);
    cr_expect_eq(count("President George W. Bush and J.K. Rowling met at 3 p.m. Monday."), 1);
    cr_expect_eq(count("The index rose 3.5 points to 1,234.56 on Friday."), 1);
    cr_expect_eq(count("Apple Inc. and Google Inc. agreed, e.g. on prices, etc. and more."), 1);
    cr_expect_eq(count("The No. 2 official at St. Paul's spoke."), 1);
    /* ... but an abbreviation can end a sentence */
    SP("She lives in the U.S. The others do not.",
       "She lives in the U.S. . | The others do not .");
    SP("He works for Acme Inc. He likes it.", "He works for Acme Inc. . | He likes it .");
}

Test(split, closing_quotes_and_brackets_stay_with_their_sentence)
{
    SP("\"We will win,\" he said.", "`` We will win , '' he said .");
    SP("\"We will win.\" He left.", "`` We will win . '' | He left .");
    SP("\"Why?\" he asked. \"Why not?\" she said.",
       "`` Why ? '' he asked . | `` Why not ? '' she said .");
    SP("(He left.) Then she came.", "-LRB- He left . -RRB- | Then she came .");
    SP("\xE2\x80\x9CIt is over.\xE2\x80\x9D They left.", "`` It is over . '' | They left .");
    SP("He said 'no.' Then he left.", "He said ` no . ' | Then he left .");
    SP("\"I live in the U.S.\" He smiled.", "`` I live in the U.S. . '' | He smiled .");
}

Test(split, ellipsis_before_a_capital)
{
    SP("Wait... What happened? I do not know... maybe nothing.",
       "Wait ... | What happened ? | I do not know ... maybe nothing .");
    SP("He said\xE2\x80\xA6 \"Go.\"", "He said ... | `` Go . ''");
}

Test(split, paragraph_breaks_always_end_a_sentence)
{
    SP("first part without end\n\nsecond part", "first part without end | second part");
    SP("first part\r\n\r\nsecond", "first part | second");
    SP("first part\n  \t \nsecond", "first part | second");
    SP("first\xE2\x80\xA9second", "first | second");
    SP("first\fsecond", "first | second");
    /* a single line break (wrapped text) does not */
    SP("The stopover came as the US leader prepared to attend the Beijing Olympics, an \n"
       "event which will test his vow.",
       "The stopover came as the US leader prepared to attend the Beijing Olympics , an "
       "event which will test his vow .");
    /* closers after a paragraph break belong to the next paragraph */
    SP("It ended.\n\n\"Next", "It ended . | `` Next");
}

Test(split, headlines)
{
    SP("Russia and China sign gas deal\n\nMOSCOW - Russia signed a deal.",
       "Russia and China sign gas deal | MOSCOW - | Russia signed a deal .");
    SP("PUTIN VISITS CHINA\nMoscow and Beijing signed a deal.",
       "PUTIN VISITS CHINA | Moscow and Beijing signed a deal .");
    /* an all-caps article is not cut at every line */
    cr_expect_eq(count("THE RUSSIAN ARMY\nENTERED THE TOWN\nON MONDAY."), 1);
    /* all caps inside a paragraph: not a headline */
    cr_expect_eq(count("He said\nTHE END IS NEAR\nand left."), 1);
}

Test(split, datelines_are_split_off)
{
    SP("MOSCOW (Reuters) - Russia said on Monday it would respond.",
       "MOSCOW -LRB- Reuters -RRB- - | Russia said on Monday it would respond .");
    SP("KYIV, Ukraine \xE2\x80\x94 Ukrainian forces shelled the city.",
       "KYIV , Ukraine -- | Ukrainian forces shelled the city .");
    SP("WASHINGTON, Feb. 3 (AP) -- The Senate voted.",
       "WASHINGTON , Feb. 3 -LRB- AP -RRB- -- | The Senate voted .");
    SP("NEW YORK (AP) _ Stocks fell.", "NEW YORK -LRB- AP -RRB- _ | Stocks fell .");
    SP("CEBU CITY: -- Cordova Mayor Adelino Sitoy filed a suit.",
       "CEBU CITY : -- | Cordova Mayor Adelino Sitoy filed a suit .");
    SP("Moscow (Reuters) - Russia said so.", "Moscow -LRB- Reuters -RRB- - | Russia said so .");
    SP("NEW DELHI: India said so.", "NEW DELHI : | India said so .");
    SP("ST. PETERSBURG, Russia - It snowed.", "ST. PETERSBURG , Russia - | It snowed .");
    /* at the start of later paragraphs too */
    SP("Headline here\n\nBEIJING (Xinhua) -- China said so.",
       "Headline here | BEIJING -LRB- Xinhua -RRB- -- | China said so .");
    doc d = split_n("BEIJING (Xinhua) -- China said so.", 34);
    cr_assert_eq(d.ns, 2);
    cr_expect(dy_sentence_is_dateline(d.t, d.n, d.s[0]));
    cr_expect_not(dy_sentence_is_dateline(d.t, d.n, d.s[1]));
}

Test(split, things_that_are_not_datelines)
{
    cr_expect_eq(count("US - China talks resume on Monday."), 1);
    cr_expect_eq(count("UN officials said on Monday they would go."), 1);
    cr_expect_eq(count("Mr. Putin - the president - spoke."), 1);
    cr_expect_eq(count("Russia said - again - that it would go."), 1);
    cr_expect_eq(count("NATO said so."), 1);
    cr_expect_eq(count("He said MOSCOW (Reuters) - was wrong."), 1);
    cr_expect_eq(count("MOSCOW (Reuters) -"), 1);      /* nothing after it */
    cr_expect_eq(count("MOSCOW\n(Reuters) - Russia said."), 1);
}

Test(split, bullet_lines_start_sentences)
{
    SP("The plan has three parts:\n- more troops\n- more money\n* fewer losses",
       "The plan has three parts : | - more troops | - more money | * fewer losses");
    SP("Steps:\n1. talk\n2. act\n3) wait", "Steps : | 1. talk | 2. act | 3 -RRB- wait");
    SP("Points\n\xE2\x80\xA2 one\n\xE2\x80\xA2 two", "Points | \xE2\x80\xA2 one | \xE2\x80\xA2 two");
    /* a dash inside a line is not a bullet */
    cr_expect_eq(count("Moscow - which denies it - said so."), 1);
    /* a lone marker at the end of a line is not a bullet */
    cr_expect_eq(count("Prices rose by\n5\npercent."), 1);
}

Test(split, empty_input_and_bad_arguments)
{
    dy_span *s = (dy_span *)1;
    uint32_t ns = 7;
    cr_expect_eq(dy_split_sentences(arena, "", 0, NULL, 0, &s, &ns, &msg), DYAD_OK);
    cr_expect_eq(ns, 0);
    cr_expect_null(s);
    cr_expect_eq(dy_split_sentences(NULL, "", 0, NULL, 0, &s, &ns, &msg), DYAD_ERR_ARG);
    cr_expect_eq(dy_split_sentences(arena, "a", 1, NULL, 1, &s, &ns, &msg), DYAD_ERR_ARG);
    cr_expect_eq(dy_split_sentences(arena, "a", 1, NULL, 0, NULL, &ns, &msg), DYAD_ERR_ARG);
    cr_expect_eq(dy_split_sentences(arena, NULL, 5, NULL, 0, &s, &ns, &msg), DYAD_ERR_ARG);
}

Test(split, tokens_from_elsewhere)
{
    /* spans past the text, overlapping, NULL text: tolerated */
    dy_token t[4];
    memset(t, 0, sizeof t);
    const char *w[] = { "Hello", ".", "World", "." };
    for (int i = 0; i < 4; i++) {
        t[i].text = w[i];
        t[i].len = (uint16_t)strlen(w[i]);
        t[i].start = (uint32_t)(i * 100);
        t[i].end = (uint32_t)(i * 100 + 50);
    }
    t[2].text = NULL;
    t[2].len = 0;
    dy_span *s;
    uint32_t ns;
    cr_assert_eq(dy_split_sentences(arena, "Hello. World.", 13, t, 4, &s, &ns, &msg), DYAD_OK);
    cr_expect_eq(ns, 2);
    cr_expect_eq(s[1].first, 2);
}

/* A 200,000-token sentence is cut into pieces of at most 1,000 tokens, at
 * punctuation when there is some. */
Test(split, two_hundred_thousand_tokens, .timeout = 120)
{
    size_t words = 200000, len = words * 2;
    char *text = malloc(len);
    for (size_t i = 0; i < words; i++) {
        text[2 * i] = 'a';
        text[2 * i + 1] = ' ';
    }
    doc d = split_n(text, len);
    cr_assert_eq(d.n, words);
    cr_expect_eq(d.ns, words / DY_SENT_MAX_TOKENS);
    /* with a comma every 37 words, every cut follows a comma */
    for (size_t i = 36; i < words; i += 37)
        text[2 * i + 1] = ',';
    d = split_n(text, len);
    cr_assert_gt(d.ns, words / DY_SENT_MAX_TOKENS);
    for (uint32_t k = 0; k + 1 < d.ns; k++) {
        const dy_token *last = &d.t[d.s[k].first + d.s[k].count - 1];
        cr_assert_str_eq(last->text, ",", "sentence %u ends with <%s>", k, last->text);
        cr_assert_geq(d.s[k].count, DY_SENT_MAX_TOKENS / 2);
    }
    free(text);
}

Test(split, long_runs_of_final_punctuation)
{
    size_t len = 30000;
    char *text = malloc(len);
    for (size_t i = 0; i < len; i++)
        text[i] = i % 2 ? ' ' : '!';
    doc d = split_n(text, len);
    cr_expect_eq(d.n, len / 2);
    free(text);
}

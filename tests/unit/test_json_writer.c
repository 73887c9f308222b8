/* Unit tests for lib/io/json_writer.c: every line written is parsed back
 * with jansson (which rejects invalid UTF-8 and raw control characters, so a
 * successful parse is itself a validity check) and compared field by field
 * with the contract in docs/output.md. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "io/json_writer.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

typedef struct capture {
    char *buf;
    size_t len;
    FILE *f;
} capture;

static void cap_open(capture *c)
{
    c->buf = NULL;
    c->len = 0;
    c->f = open_memstream(&c->buf, &c->len);
    cr_assert_not_null(c->f);
}

/* Closes the stream; the text stays in c->buf (free it). */
static char *cap_close(capture *c)
{
    cr_assert_eq(fclose(c->f), 0);
    return c->buf;
}

/* Exactly one line, ending in '\n', parsed; the caller json_decref()s it. */
static json_t *parse_line(const char *text)
{
    size_t n = strlen(text);
    cr_assert_gt(n, 0);
    cr_assert_eq(text[n - 1], '\n', "record does not end with a newline: %s", text);
    cr_assert_eq(strchr(text, '\n'), text + n - 1, "more than one line: %s", text);
    json_error_t err;
    json_t *j = json_loadb(text, n, 0, &err);
    cr_assert_not_null(j, "invalid JSON (%s at %d): %s", err.text, err.position, text);
    cr_assert(json_is_object(j));
    return j;
}

static const char *str_of(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    cr_assert(json_is_string(v), "\"%s\" is not a string", key);
    return json_string_value(v);
}

static void assert_keys(json_t *obj, const char *const *keys, size_t n)
{
    size_t i = 0;
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        (void)v;
        cr_assert_lt(i, n, "unexpected extra key \"%s\"", key);
        cr_assert_str_eq(key, keys[i], "key %zu", i);
        i++;
    }
    cr_assert_eq(i, n, "expected %zu keys, got %zu", n, i);
}

static dyad_record make_record(void)
{
    dyad_record r;
    memset(&r, 0, sizeof r);
    r.article = "AFP_ENG_20150812.0001";
    r.id = "AFP_ENG_20150812.0001-3";
    r.date = "20150812";
    r.file = "input/stories.xml";
    r.line = 123;
    return r;
}

static dyad_event make_event(const char *code)
{
    dyad_event e;
    memset(&e, 0, sizeof e);
    e.source.code = "RUSGOV";
    e.source.text = "the Russian government";
    e.target.code = "USAGOV";
    e.target.text = "Washington";
    e.code = code;
    e.verb = "MEET";
    e.pattern = "- * WITH +";
    e.passive = 0;
    return e;
}

static dyad_result make_result(const dyad_event *events, size_t n)
{
    dyad_result r;
    memset(&r, 0, sizeof r);
    r.events = events;
    r.n_events = n;
    return r;
}

/* Writes event i and returns the raw line (free it). */
static char *event_line(const dyad_record *rec, const dyad_result *res, size_t i)
{
    capture c;
    cap_open(&c);
    cr_assert_eq(dyad_write_event_json(c.f, rec, res, i), 0);
    return cap_close(&c);
}

static json_t *event_json(const dyad_record *rec, const dyad_event *ev)
{
    dyad_result res = make_result(ev, 1);
    char *text = event_line(rec, &res, 0);
    json_t *j = parse_line(text);
    free(text);
    return j;
}

/* Round trip of one string through the "verb" field. */
static char *round_trip(const char *in)
{
    dyad_record rec = make_record();
    dyad_event ev = make_event("036");
    ev.verb = in;
    json_t *j = event_json(&rec, &ev);
    char *out = strdup(str_of(j, "verb"));
    json_decref(j);
    return out;
}

/* ------------------------------------------------------------------ */
/* Event records                                                       */
/* ------------------------------------------------------------------ */

Test(json_event, every_field_in_order)
{
    static const char *const keys[] = {
        "type", "article", "sentence", "date", "source", "target", "code",
        "root", "quad_class", "goldstein", "plover", "verb", "pattern",
        "passive", "issues", "file", "line",
    };
    dyad_record rec = make_record();
    dyad_event ev = make_event("036");
    dyad_issue issues[] = {{"ELECTIONS", 2, 0}, {"NUCLEAR", 1, 0}};
    dyad_result res = make_result(&ev, 1);
    res.issues = issues;
    res.n_issues = 2;

    char *text = event_line(&rec, &res, 0);
    json_t *j = parse_line(text);
    assert_keys(j, keys, sizeof keys / sizeof keys[0]);

    cr_assert_str_eq(str_of(j, "type"), "event");
    cr_assert_str_eq(str_of(j, "article"), "AFP_ENG_20150812.0001");
    cr_assert_str_eq(str_of(j, "sentence"), "AFP_ENG_20150812.0001-3");
    cr_assert_str_eq(str_of(j, "date"), "2015-08-12");
    json_t *src = json_object_get(j, "source"), *tgt = json_object_get(j, "target");
    static const char *const actor_keys[] = {"code", "text"};
    assert_keys(src, actor_keys, 2);
    assert_keys(tgt, actor_keys, 2);
    cr_assert_str_eq(str_of(src, "code"), "RUSGOV");
    cr_assert_str_eq(str_of(src, "text"), "the Russian government");
    cr_assert_str_eq(str_of(tgt, "code"), "USAGOV");
    cr_assert_str_eq(str_of(tgt, "text"), "Washington");
    cr_assert_str_eq(str_of(j, "code"), "036");
    cr_assert_str_eq(str_of(j, "root"), "03");
    cr_assert_eq(json_integer_value(json_object_get(j, "quad_class")), 1);
    cr_assert(json_is_integer(json_object_get(j, "quad_class")));
    cr_assert(json_is_real(json_object_get(j, "goldstein")));
    cr_assert_float_eq(json_real_value(json_object_get(j, "goldstein")), 4.0, 1e-9);
    cr_assert_str_eq(str_of(j, "plover"), "AGREE");
    cr_assert_str_eq(str_of(j, "verb"), "MEET");
    cr_assert_str_eq(str_of(j, "pattern"), "- * WITH +");
    cr_assert(json_is_false(json_object_get(j, "passive")));
    json_t *is = json_object_get(j, "issues");
    cr_assert(json_is_array(is));
    cr_assert_eq(json_array_size(is), 2);
    static const char *const issue_keys[] = {"code", "count"};
    assert_keys(json_array_get(is, 0), issue_keys, 2);
    cr_assert_str_eq(str_of(json_array_get(is, 0), "code"), "ELECTIONS");
    cr_assert_eq(json_integer_value(json_object_get(json_array_get(is, 0), "count")), 2);
    cr_assert_str_eq(str_of(json_array_get(is, 1), "code"), "NUCLEAR");
    cr_assert_eq(json_integer_value(json_object_get(json_array_get(is, 1), "count")), 1);
    cr_assert_str_eq(str_of(j, "file"), "input/stories.xml");
    cr_assert_eq(json_integer_value(json_object_get(j, "line")), 123);

    /* The exact bytes of the numeric fields (jansson would accept 4 or 4.00). */
    cr_assert_not_null(strstr(text, "\"quad_class\":1,\"goldstein\":4.0,"), "%s", text);
    json_decref(j);
    free(text);
}

Test(json_event, article_events_have_spans_and_their_sentence)
{
    static const char *const keys[] = {
        "type", "article", "sentence", "date", "source", "target", "code",
        "root", "quad_class", "goldstein", "plover", "verb", "pattern",
        "passive", "issues", "spans", "date_explicit", "date_text", "attribution",
        "location", "mentions", "sentences", "file", "line",
    };
    dyad_record rec = make_record();
    rec.article = rec.id = "NYT-7";
    rec.date = "2015-08-12";
    rec.is_article = 1;
    dyad_event ev[2] = {make_event("036"), make_event("190")};
    ev[0].sentence_id = "NYT-7-1";
    ev[0].sentence = 0;
    ev[0].source_start = 0, ev[0].source_end = 22;
    ev[0].verb_start = 23, ev[0].verb_end = 27;
    ev[0].target_start = 4000000000u, ev[0].target_end = 4294967295u;
    ev[1].sentence_id = "NYT-7-3";
    ev[1].sentence = 2;
    /* issues of sentences 0 and 2: each event shows its own sentence's */
    dyad_issue issues[] = {{"ELECTIONS", 2, 0}, {"NUCLEAR", 1, 2}, {"TRADE", 1, 0}};
    dyad_result res = make_result(ev, 2);
    res.issues = issues;
    res.n_issues = 3;

    char *text = event_line(&rec, &res, 0);
    json_t *j = parse_line(text);
    assert_keys(j, keys, sizeof keys / sizeof keys[0]);
    cr_assert_str_eq(str_of(j, "article"), "NYT-7");
    cr_assert_str_eq(str_of(j, "sentence"), "NYT-7-1");
    json_t *is = json_object_get(j, "issues");
    cr_assert_eq(json_array_size(is), 2);
    cr_assert_str_eq(str_of(json_array_get(is, 0), "code"), "ELECTIONS");
    cr_assert_str_eq(str_of(json_array_get(is, 1), "code"), "TRADE");
    cr_assert_not_null(strstr(text, ",\"spans\":{\"source\":[0,22],\"verb\":[23,27],"
                                    "\"target\":[4000000000,4294967295]},"),
                       "%s", text);
    json_decref(j);
    free(text);

    text = event_line(&rec, &res, 1);
    j = parse_line(text);
    cr_assert_str_eq(str_of(j, "sentence"), "NYT-7-3");
    is = json_object_get(j, "issues");
    cr_assert_eq(json_array_size(is), 1);
    cr_assert_str_eq(str_of(json_array_get(is, 0), "code"), "NUCLEAR");
    cr_assert_not_null(strstr(text, "\"spans\":{\"source\":[0,0],\"verb\":[0,0],"
                                    "\"target\":[0,0]}"), "%s", text);
    json_decref(j);
    free(text);

    /* not an article: no spans, whatever the event holds */
    rec.is_article = 0;
    text = event_line(&rec, &res, 0);
    cr_assert_null(strstr(text, "spans"), "%s", text);
    free(text);
}

Test(json_event, goldstein_has_one_decimal)
{
    static const struct { const char *code, *want; } cases[] = {
        {"036", "\"goldstein\":4.0,"},
        {"190", "\"goldstein\":-10.0,"},
        {"0214", "\"goldstein\":3.4,"},
        {"024", "\"goldstein\":-0.3,"},
        {"011", "\"goldstein\":-0.1,"},
        {"010", "\"goldstein\":0.0,"},
        {"131", "\"goldstein\":-5.8,"},
        {"0873", "\"goldstein\":9.0,"},
    };
    dyad_record rec = make_record();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        dyad_event ev = make_event(cases[i].code);
        dyad_result res = make_result(&ev, 1);
        char *text = event_line(&rec, &res, 0);
        cr_expect_not_null(strstr(text, cases[i].want), "%s: %s", cases[i].code, text);
        json_decref(parse_line(text));
        free(text);
    }
}

Test(json_event, unknown_codes_give_nulls_but_keep_the_root)
{
    static const struct { const char *code, *root; } cases[] = {
        {"075A", "07"}, {"---", "--"}, {"999", "99"}, {"", ""}, {"1", "1"},
    };
    dyad_record rec = make_record();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        dyad_event ev = make_event(cases[i].code);
        json_t *j = event_json(&rec, &ev);
        cr_expect_str_eq(str_of(j, "code"), cases[i].code);
        cr_expect_str_eq(str_of(j, "root"), cases[i].root);
        cr_expect(json_is_null(json_object_get(j, "quad_class")), "%s", cases[i].code);
        cr_expect(json_is_null(json_object_get(j, "goldstein")), "%s", cases[i].code);
        cr_expect(json_is_null(json_object_get(j, "plover")), "%s", cases[i].code);
        json_decref(j);
    }
    /* A NULL code is written as "". */
    dyad_event ev = make_event(NULL);
    json_t *j = event_json(&rec, &ev);
    cr_assert_str_eq(str_of(j, "code"), "");
    cr_assert_str_eq(str_of(j, "root"), "");
    json_decref(j);
}

Test(json_event, known_code_without_plover_or_goldstein)
{
    dyad_record rec = make_record();
    dyad_event ev = make_event("010");          /* a plain statement */
    json_t *j = event_json(&rec, &ev);
    cr_assert_eq(json_integer_value(json_object_get(j, "quad_class")), 1);
    cr_assert(json_is_real(json_object_get(j, "goldstein")));
    cr_assert(json_is_null(json_object_get(j, "plover")));
    json_decref(j);

    ev = make_event("1834");                    /* GDELT gives no Goldstein value */
    j = event_json(&rec, &ev);
    cr_assert_eq(json_integer_value(json_object_get(j, "quad_class")), 4);
    cr_assert(json_is_null(json_object_get(j, "goldstein")));
    cr_assert_str_eq(str_of(j, "plover"), "ASSAULT");
    json_decref(j);
}

Test(json_event, dates)
{
    static const struct { const char *in, *out; } cases[] = {
        {"20150812", "2015-08-12"},
        {"2015-08-12", "2015-08-12"},
        {"19791231", "1979-12-31"},
        {"20151312", "20151312"},       /* month 13: not a date, left alone */
        {"20150800", "20150800"},
        {"2015081", "2015081"},
        {"201508123", "201508123"},
        {"2015O812", "2015O812"},
        {"12 Aug 2015", "12 Aug 2015"},
        {"", ""},
    };
    dyad_record rec = make_record();
    dyad_event ev = make_event("036");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rec.date = cases[i].in;
        json_t *j = event_json(&rec, &ev);
        cr_expect_str_eq(str_of(j, "date"), cases[i].out, "input \"%s\"", cases[i].in);
        json_decref(j);
    }
    rec.date = NULL;
    json_t *j = event_json(&rec, &ev);
    cr_assert_str_eq(str_of(j, "date"), "");
    json_decref(j);
}

Test(json_event, absent_strings_are_empty)
{
    dyad_record rec;
    memset(&rec, 0, sizeof rec);
    dyad_event ev;
    memset(&ev, 0, sizeof ev);
    ev.code = "190";
    json_t *j = event_json(&rec, &ev);
    cr_assert_str_eq(str_of(j, "article"), "");
    cr_assert_str_eq(str_of(j, "sentence"), "");
    cr_assert_str_eq(str_of(j, "file"), "");
    cr_assert_str_eq(str_of(json_object_get(j, "source"), "code"), "");
    cr_assert_str_eq(str_of(json_object_get(j, "source"), "text"), "");
    cr_assert_str_eq(str_of(json_object_get(j, "target"), "code"), "");
    cr_assert_str_eq(str_of(j, "verb"), "");
    cr_assert_str_eq(str_of(j, "pattern"), "");
    cr_assert_eq(json_array_size(json_object_get(j, "issues")), 0);
    cr_assert_eq(json_integer_value(json_object_get(j, "line")), 0);
    json_decref(j);
}

Test(json_event, picks_the_event_by_index_and_passive)
{
    dyad_record rec = make_record();
    dyad_event evs[3] = {make_event("036"), make_event("190"), make_event("1724")};
    evs[2].passive = 1;
    evs[2].source.code = "GOVREB";
    dyad_result res = make_result(evs, 3);
    char *text = event_line(&rec, &res, 2);
    json_t *j = parse_line(text);
    cr_assert_str_eq(str_of(j, "code"), "1724");
    cr_assert_str_eq(str_of(j, "root"), "17");
    cr_assert_str_eq(str_of(json_object_get(j, "source"), "code"), "GOVREB");
    cr_assert(json_is_true(json_object_get(j, "passive")));
    cr_assert_float_eq(json_real_value(json_object_get(j, "goldstein")), -5.0, 1e-9);
    json_decref(j);
    free(text);
}

Test(json_event, bad_arguments)
{
    dyad_record rec = make_record();
    dyad_event ev = make_event("036");
    dyad_result res = make_result(&ev, 1);
    capture c;
    cap_open(&c);
    cr_assert_eq(dyad_write_event_json(c.f, &rec, &res, 1), -1);
    cr_assert_eq(dyad_write_event_json(c.f, NULL, &res, 0), -1);
    cr_assert_eq(dyad_write_event_json(c.f, &rec, NULL, 0), -1);
    cr_assert_eq(dyad_write_event_json(NULL, &rec, &res, 0), -1);
    char *text = cap_close(&c);
    cr_assert_eq(c.len, 0, "nothing is written on a bad argument: %s", text);
    free(text);
}

Test(json_event, write_error_returns_minus_one)
{
    FILE *f = fopen("/dev/full", "w");
    if (f == NULL)
        cr_skip_test("/dev/full is not available");
    setvbuf(f, NULL, _IONBF, 0);    /* every byte reaches the device at once */
    dyad_record rec = make_record();
    dyad_event ev = make_event("036");
    dyad_result res = make_result(&ev, 1);
    cr_assert_eq(dyad_write_event_json(f, &rec, &res, 0), -1);
    cr_assert_eq(dyad_write_error_json(f, "a", "s", "f", 1, "dateline", "m"), -1);
    fclose(f);
}

/* ------------------------------------------------------------------ */
/* String escaping                                                     */
/* ------------------------------------------------------------------ */

Test(json_escape, quotes_backslashes_and_controls)
{
    static const struct { const char *in, *out; } cases[] = {
        {"say \"hi\"", "say \"hi\""},
        {"C:\\path\\", "C:\\path\\"},
        {"a\nb\tc\rd\be\ff", "a\nb\tc\rd\be\ff"},
        {"\x01\x02\x1f", "\x01\x02\x1f"},
        {"del\x7f", "del\x7f"},
        {"</script>", "</script>"},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = round_trip(cases[i].in);
        cr_expect_str_eq(out, cases[i].out, "case %zu", i);
        free(out);
    }
    /* And the exact escapes chosen. */
    dyad_record rec = make_record();
    dyad_event ev = make_event("036");
    ev.verb = "\"\\\n\t\x01\x1f";
    dyad_result res = make_result(&ev, 1);
    char *text = event_line(&rec, &res, 0);
    cr_assert_not_null(strstr(text, "\"verb\":\"\\\"\\\\\\n\\t\\u0001\\u001f\""), "%s", text);
    free(text);
}

Test(json_escape, valid_utf8_passes_through)
{
    static const char *const cases[] = {
        "caf\xc3\xa9",                         /* é */
        "\xe5\x8c\x97\xe4\xba\xac",            /* 北京 */
        "\xf0\x9f\x98\x80 grin",               /* U+1F600 emoji */
        "\xf0\x9f\x87\xba\xf0\x9f\x87\xa6",    /* flag: two regional indicators */
        "e\xcc\x81",                           /* e + combining acute */
        "\xef\xbb\xbf" "bom",                  /* U+FEFF */
        "\xe2\x80\xa8line sep",                /* U+2028 */
        "\xf4\x8f\xbf\xbf",                    /* U+10FFFF, the last code point */
        "\xed\x9f\xbf",                        /* U+D7FF, just below surrogates */
        "\xee\x80\x80",                        /* U+E000, just above */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = round_trip(cases[i]);
        cr_expect_str_eq(out, cases[i], "case %zu", i);
        free(out);
    }
}

#define FFFD "\xef\xbf\xbd"

Test(json_escape, invalid_utf8_becomes_replacement_characters)
{
    static const struct { const char *in, *out; } cases[] = {
        {"a\x80" "b", "a" FFFD "b"},                      /* stray continuation */
        {"\xff", FFFD},
        {"\xfe\xfe", FFFD FFFD},
        {"\xc0\xaf", FFFD FFFD},                          /* overlong '/' */
        {"\xc1\xbf", FFFD FFFD},
        {"\xe0\x80\xaf", FFFD FFFD FFFD},                 /* overlong, 3 bytes */
        {"\xed\xa0\x80", FFFD FFFD FFFD},                 /* surrogate U+D800 */
        {"\xf4\x90\x80\x80", FFFD FFFD FFFD FFFD},        /* above U+10FFFF */
        {"\xf5\x80", FFFD FFFD},
        {"\xe2\x82", FFFD},                               /* truncated at the end */
        {"\xe2\x82x", FFFD "x"},                          /* truncated mid-string */
        {"\xf0\x9f\x98", FFFD},                           /* emoji cut short */
        {"\xf0\x9f\x98\xf0\x9f\x98\x80", FFFD "\xf0\x9f\x98\x80"},
        {"\xc3", FFFD},
        {"\xc3\"", FFFD "\""},                            /* a quote is never swallowed */
        {"ok\xc3\xa9\x80ok", "ok\xc3\xa9" FFFD "ok"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = round_trip(cases[i].in);
        cr_expect_str_eq(out, cases[i].out, "case %zu", i);
        free(out);
    }
}

Test(json_escape, every_byte_value_gives_valid_json)
{
    /* All 255 non-NUL bytes, then every two-byte combination starting with a
     * byte >= 0x80: the line must always parse. */
    char all[256];
    for (int i = 1; i < 256; i++)
        all[i - 1] = (char)i;
    all[255] = '\0';
    free(round_trip(all));
    for (int a = 0x80; a < 256; a++)
        for (int b = 1; b < 256; b++) {
            char s[3] = {(char)a, (char)b, '\0'};
            free(round_trip(s));
        }
}

Test(json_escape, long_strings)
{
    size_t n = 100000;
    char *big = malloc(n + 1);
    cr_assert_not_null(big);
    for (size_t i = 0; i < n; i++)
        big[i] = (char)('a' + i % 26);
    big[n] = '\0';
    char *out = round_trip(big);
    cr_assert_str_eq(out, big);
    free(out);
    free(big);
}

Test(json_escape, long_mixed_strings_cross_buffer_boundaries)
{
    /* Escapes and multibyte characters land on every offset of the writer's
     * internal buffer. */
    static const char unit[] = "\xc3\xa9\"\n\xf0\x9f\x98\x80x\\\x01";
    size_t reps = 3000, ulen = sizeof unit - 1;
    char *big = malloc(reps * ulen + 1);
    cr_assert_not_null(big);
    for (size_t i = 0; i < reps; i++)
        memcpy(big + i * ulen, unit, ulen);
    big[reps * ulen] = '\0';
    char *out = round_trip(big);
    cr_assert_str_eq(out, big);
    free(out);
    free(big);
}

Test(json_escape, put_string_helper_honours_length)
{
    capture c;
    cap_open(&c);
    flockfile(c.f);
    cr_assert_eq(dy_json_put_string(c.f, "abcdef", 3), 0);
    cr_assert_eq(dy_json_put_string(c.f, NULL, 5), 0);
    cr_assert_eq(dy_json_put_string(c.f, "x\0y", 3), 0);    /* stops at NUL */
    funlockfile(c.f);
    char *text = cap_close(&c);
    cr_assert_str_eq(text, "\"abc\"\"\"\"x\"");
    free(text);
}

/* ------------------------------------------------------------------ */
/* Error records                                                       */
/* ------------------------------------------------------------------ */

Test(json_error, every_field_in_order)
{
    static const char *const keys[] = {
        "type", "article", "sentence", "file", "line", "error", "message",
    };
    capture c;
    cap_open(&c);
    cr_assert_eq(dyad_write_error_json(c.f, "NYT_1", "NYT_1-2", "in.xml", 42,
                                       "bad_input_parse",
                                       "unbalanced \"(\" at byte 7\n"), 0);
    char *text = cap_close(&c);
    json_t *j = parse_line(text);
    assert_keys(j, keys, sizeof keys / sizeof keys[0]);
    cr_assert_str_eq(str_of(j, "type"), "error");
    cr_assert_str_eq(str_of(j, "article"), "NYT_1");
    cr_assert_str_eq(str_of(j, "sentence"), "NYT_1-2");
    cr_assert_str_eq(str_of(j, "file"), "in.xml");
    cr_assert(json_is_integer(json_object_get(j, "line")));
    cr_assert_eq(json_integer_value(json_object_get(j, "line")), 42);
    cr_assert_str_eq(str_of(j, "error"), "bad_input_parse");
    cr_assert_str_eq(str_of(j, "message"), "unbalanced \"(\" at byte 7\n");
    json_decref(j);
    free(text);
}

Test(json_error, nulls_and_nasty_text)
{
    capture c;
    cap_open(&c);
    cr_assert_eq(dyad_write_error_json(c.f, NULL, NULL, NULL, -1, NULL, NULL), 0);
    cr_assert_eq(dyad_write_error_json(c.f, "a\xff", "s", "f", LONG_MIN,
                                       "limit", "\x01\\\xe2\x82"), 0);
    char *text = cap_close(&c);
    char *second = strchr(text, '\n');
    cr_assert_not_null(second);
    second++;
    char *first = strndup(text, (size_t)(second - text));

    json_t *j = parse_line(first);
    cr_assert_str_eq(str_of(j, "article"), "");
    cr_assert_str_eq(str_of(j, "sentence"), "");
    cr_assert_str_eq(str_of(j, "file"), "");
    cr_assert_eq(json_integer_value(json_object_get(j, "line")), -1);
    cr_assert_str_eq(str_of(j, "error"), "");
    cr_assert_str_eq(str_of(j, "message"), "");
    json_decref(j);

    j = parse_line(second);
    cr_assert_str_eq(str_of(j, "article"), "a" FFFD);
    cr_assert_eq(json_integer_value(json_object_get(j, "line")), LONG_MIN);
    cr_assert_str_eq(str_of(j, "message"), "\x01\\" FFFD);
    json_decref(j);
    free(first);
    free(text);
}

Test(json_error, null_stream)
{
    cr_assert_eq(dyad_write_error_json(NULL, "a", "s", "f", 1, "k", "m"), -1);
}

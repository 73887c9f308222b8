/* Unit tests for lib/io: the PETRARCH XML and JSON Lines record readers. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dyad.h"
#include "io/io_internal.h"

static dyad_reader *open_xml(const char *xml)
{
    dyad_reader *r = NULL;
    dyad_status st = dyad_reader_open_buffer("t.xml", xml, strlen(xml), DYAD_INPUT_PETRXML, &r);
    cr_assert_eq(st, DYAD_OK, "open: %s", dyad_reader_error(r));
    return r;
}

static dyad_reader *open_jsonl(const char *text, size_t len)
{
    dyad_reader *r = NULL;
    dyad_status st = dyad_reader_open_buffer("t.jsonl", text, len, DYAD_INPUT_JSONL, &r);
    cr_assert_eq(st, DYAD_OK, "open: %s", dyad_reader_error(r));
    return r;
}

static void expect_ok(dyad_reader *r, dyad_record *rec, const char *id)
{
    dyad_status st = dyad_reader_next(r, rec);
    cr_assert_eq(st, DYAD_OK, "want %s, got status %d: %s", id, st, dyad_reader_error(r));
    cr_assert_str_eq(rec->id, id);
}

/* Expects a failed record whose message starts with prefix ("t.xml:12:"). */
static void expect_fail(dyad_reader *r, dyad_status want, const char *prefix)
{
    dyad_record rec;
    dyad_status st = dyad_reader_next(r, &rec);
    cr_assert_eq(st, want, "status %d (want %d): %s", st, want, dyad_reader_error(r));
    const char *why = dyad_reader_error(r);
    cr_assert(strncmp(why, prefix, strlen(prefix)) == 0, "message \"%s\" should start \"%s\"",
              why, prefix);
    cr_assert_not_null(rec.id);
    cr_assert_not_null(rec.parse);
    cr_assert_not_null(rec.file);
}

static void expect_eof(dyad_reader *r)
{
    dyad_record rec;
    cr_assert_eq(dyad_reader_next(r, &rec), DYAD_ERR_EOF, "%s", dyad_reader_error(r));
    cr_assert_eq(dyad_reader_next(r, &rec), DYAD_ERR_EOF);
}

/* ------------------------------------------------------------------ */
/* PETRARCH XML                                                        */
/* ------------------------------------------------------------------ */

Test(petrxml, reads_a_record_with_all_parts)
{
    const char *xml =
        "<Sentences>\n"
        "<Sentence date=\"19950101\" id=\"AFP_ENG_20080801.0001_12\" category=\"DEMO\" "
        "sentence=\"true\">\n"
        "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n"
        "<EventCoding noevents = \"True\"/>\n"
        "<EventCoding error=\"dateline\"></EventCoding>\n"
        "<Text>\n  Arnor is about\n\tto restore   ties.\n</Text>\n"
        "<Parse>\n(ROOT (S (NP (NNP Arnor))\n  (VP (VBZ is)) (. .)))\n</Parse>\n"
        "</Sentence>\n"
        "</Sentences>\n";
    dyad_reader *r = open_xml(xml);
    dyad_record rec;
    expect_ok(r, &rec, "AFP_ENG_20080801.0001_12");
    cr_assert_str_eq(rec.article, "AFP_ENG_20080801.0001");
    cr_assert_str_eq(rec.date, "19950101");
    cr_assert_str_eq(rec.category, "DEMO");
    cr_assert_str_eq(rec.text, "Arnor is about to restore ties.");
    /* the parse is given as written (the tree reader skips the spaces) */
    cr_assert_str_eq(rec.parse, "\n(ROOT (S (NP (NNP Arnor))\n  (VP (VBZ is)) (. .)))\n");
    cr_assert_eq(rec.parse_len, strlen(rec.parse));
    cr_assert_str_eq(rec.file, "t.xml");
    cr_assert_eq(rec.line, 2);
    cr_assert_eq(rec.n_expected, 3);
    cr_assert_str_eq(rec.expected[0].source, "ARN");
    cr_assert_str_eq(rec.expected[0].target, "GON");
    cr_assert_str_eq(rec.expected[0].code, "064");
    cr_assert_eq(rec.expected[0].noevents, 0);
    cr_assert_null(rec.expected[0].error);
    cr_assert_eq(rec.expected[1].noevents, 1);
    cr_assert_null(rec.expected[1].source);
    cr_assert_str_eq(rec.expected[2].error, "dateline");
    cr_assert_eq(rec.n_config, 0);
    cr_assert_null(dyad_reader_environment(r));
    expect_eof(r);
    dyad_reader_close(r);
}

Test(petrxml, absent_parts_are_empty_strings)
{
    dyad_reader *r = open_xml("<Sentence date='20080801' id='X'></Sentence>"
                              "<Sentence date='20080802'/>");
    dyad_record rec;
    expect_ok(r, &rec, "X");
    cr_assert_str_eq(rec.text, "");
    cr_assert_str_eq(rec.parse, "");
    cr_assert_str_eq(rec.category, "");
    cr_assert_str_eq(rec.article, "X");
    cr_assert_eq(rec.parse_len, 0);
    expect_ok(r, &rec, "");
    cr_assert_str_eq(rec.date, "20080802");
    cr_assert_str_eq(rec.article, "");
    expect_eof(r);
    dyad_reader_close(r);
}

Test(petrxml, comments_may_contain_double_dashes_and_tags)
{
    const char *xml =
        "<Sentences>\n"
        "<!--\n## a -- comment -- with dashes\n<Sentence date=\"1\" id=\"HIDDEN\">\n-->\n"
        "<!--Stop></Stop-->\n"
        "<!--Stop-->\n"
        "<Sentence date=\"19950101\" id=\"A-1\">\n"
        "<!-- inner -- comment <Text>not this</Text> -->\n"
        "<Text>kept <!-- dropped --> text</Text>\n"
        "</Sentence>\n"
        "<!-- trailing --- comment --->\n"
        "<Sentence date=\"19950101\" id=\"A-2\"></Sentence>\n";
    dyad_reader *r = open_xml(xml);
    dyad_record rec;
    expect_ok(r, &rec, "A-1");
    cr_assert_str_eq(rec.text, "kept text");
    cr_assert_eq(rec.line, 8);
    expect_ok(r, &rec, "A-2");
    cr_assert_eq(rec.line, 13);
    expect_eof(r);
    dyad_reader_close(r);
}

Test(petrxml, attribute_spacing_and_quotes_vary)
{
    const char *xml =
        "<Sentence date = \"20080804\" id =\"AFP0808020625_4\" source = \"AFP\" sentence = "
        "\"True\"></Sentence>\n"
        "<Sentence\n\tid='B-7'\n\tdate=\t'20080805'\n\tcategory=DEMO ></Sentence>\n"
        "<SENTENCE DATE=\"20080806\" ID=\"C\"></sentence>\n";
    dyad_reader *r = open_xml(xml);
    dyad_record rec;
    expect_ok(r, &rec, "AFP0808020625_4");
    cr_assert_str_eq(rec.date, "20080804");
    cr_assert_str_eq(rec.article, "AFP0808020625");
    expect_ok(r, &rec, "B-7");
    cr_assert_str_eq(rec.date, "20080805");
    cr_assert_str_eq(rec.category, "DEMO");
    cr_assert_str_eq(rec.article, "B");
    cr_assert_eq(rec.line, 2);
    expect_ok(r, &rec, "C");
    expect_eof(r);
    dyad_reader_close(r);
}

Test(petrxml, entities_are_decoded)
{
    const char *xml =
        "<Sentence date=\"1\" id=\"a&amp;b\">\n"
        "<Text>Arnor &amp;TIETYPE &lt;x&gt; &quot;q&quot; &apos;a&apos; &#65;&#x42; "
        "&#x263A; &#233; &unknown; &#0; &#xD800; &#99999999; &amp</Text>\n"
        "<Parse>(ROOT (S (NP (NNP Arnor)) (CC &amp;) (. .)))</Parse>\n"
        "</Sentence>";
    dyad_reader *r = open_xml(xml);
    dyad_record rec;
    expect_ok(r, &rec, "a&b");
    cr_assert_str_eq(rec.text, "Arnor &TIETYPE <x> \"q\" 'a' AB \xE2\x98\xBA \xC3\xA9 "
                               "&unknown; &#0; &#xD800; &#99999999; &amp");
    cr_assert_str_eq(rec.parse, "(ROOT (S (NP (NNP Arnor)) (CC &) (. .)))");
    dyad_reader_close(r);
}

Test(petrxml, parse_keeps_its_whitespace_text_and_attributes_do_not)
{
    const char *xml =
        "<Sentence date=\" 2008\t0801 \" id=\"it's\" category='say \"hi\"'>\n"
        "<Text>\r\n\t Arnor\f\vis &#10;  here&#32;. \n</Text>\n"
        "<Parse>\r\n(ROOT\t(S (NP (NNP Arnor))\n\t(CC &amp;)&#10;(. .)))  \n</Parse>\n"
        "</Sentence>\n"
        "<Sentence date=\"1\" id=\"B\"><Text>a  b</TEXT ><Parse>(X <!-- c -->\n"
        "<![CDATA[(Y y)]]>)  </PARSE></Sentence>\n"
        "<Sentence date=\"1\" id=\"C\"><Text/><Parse/></Sentence>\n"
        "<Sentence date=\"1\" id=\"D\"><Text></Text><Parse></Parse></Sentence>\n";
    dyad_reader *r = open_xml(xml);
    dyad_record rec;
    expect_ok(r, &rec, "it's");
    cr_assert_str_eq(rec.date, "2008 0801");
    cr_assert_str_eq(rec.category, "say \"hi\"");
    cr_assert_str_eq(rec.text, "Arnor is here .");
    cr_assert_str_eq(rec.parse, "\r\n(ROOT\t(S (NP (NNP Arnor))\n\t(CC &)\n(. .)))  \n");
    cr_assert_eq(rec.parse_len, strlen(rec.parse));
    expect_ok(r, &rec, "B");   /* end tags in other cases, comments and CDATA */
    cr_assert_str_eq(rec.text, "a b");
    cr_assert_str_eq(rec.parse, "(X \n(Y y))  ");
    cr_assert_eq(rec.parse_len, strlen(rec.parse));
    expect_ok(r, &rec, "C");
    cr_assert_str_eq(rec.text, "");
    cr_assert_str_eq(rec.parse, "");
    cr_assert_eq(rec.parse_len, 0);
    expect_ok(r, &rec, "D");
    cr_assert_str_eq(rec.text, "");
    cr_assert_str_eq(rec.parse, "");
    cr_assert_eq(rec.parse_len, 0);
    expect_eof(r);
    dyad_reader_close(r);
}

/* The rule dy_normalise_space() implements, one byte at a time. */
static size_t normalise_reference(const char *s, size_t n, char *out)
{
    size_t k = 0;
    int pending = 0;
    for (size_t i = 0; i < n; i++) {
        if (dy_isspace((unsigned char)s[i])) {
            pending = k > 0;
            continue;
        }
        if (pending)
            out[k++] = ' ';
        pending = 0;
        out[k++] = s[i];
    }
    out[k] = '\0';
    return k;
}

Test(reader, normalise_space_collapses_runs_and_trims)
{
    static const char bytes[] = " \t\n\r\f\vab\x01\x1f\x20\x21\x7f\x80\xff&<";
    dy_arena *a = dy_arena_create(0);
    char s[80], want[81];
    unsigned long x = 12345;
    for (int round = 0; round < 20000; round++) {
        x = x * 6364136223846793005ul + 1442695040888963407ul;
        size_t n = (x >> 33) % sizeof s;
        int spaces_rare = (x >> 20) & 1;
        for (size_t i = 0; i < n; i++) {
            x = x * 6364136223846793005ul + 1442695040888963407ul;
            unsigned pick = (unsigned)(x >> 33);
            s[i] = spaces_rare && pick % 8 ? (char)('a' + pick % 26)
                                           : bytes[pick % (sizeof bytes - 1)];
        }
        if (round % 7 == 0 && n > 0)
            s[(x >> 40) % n] = '\0';   /* NULs are kept like any other byte */
        size_t k = normalise_reference(s, n, want);
        dy_arena_reset(a);
        const char *got = dy_normalise_space(a, s, n);
        cr_assert_not_null(got);
        cr_assert(memcmp(got, want, k + 1) == 0, "round %d, %zu bytes", round, n);
    }
    /* every string of up to 9 bytes over a word byte, two spaces and a
     * control byte: the runs meet the 8-byte steps in every way */
    static const char alphabet[4] = { 'a', ' ', '\x01', '\n' };
    for (size_t n = 0; n <= 9; n++)
        for (unsigned long code = 0; code < 1ul << (2 * n); code++) {
            unsigned long c = code;
            for (size_t i = 0; i < n; i++, c >>= 2)
                s[i] = alphabet[c & 3];
            size_t k = normalise_reference(s, n, want);
            dy_arena_reset(a);
            const char *got = dy_normalise_space(a, s, n);
            cr_assert(memcmp(got, want, k + 1) == 0, "string %lu of %zu bytes", code, n);
        }
    dy_arena_reset(a);
    cr_assert_str_eq(dy_normalise_space(a, "", 0), "");
    cr_assert_str_eq(dy_normalise_space(a, "  \n\t ", 6), "");
    const char *text = "\n  Arnor   is\tabout\n\nto restore ties. \n";
    cr_assert_str_eq(dy_normalise_space(a, text, strlen(text)), "Arnor is about to restore ties.");
    dy_arena_free(a);
}

Test(petrxml, cdata_is_kept_as_written)
{
    dyad_reader *r = open_xml("<Sentence date=\"1\" id=\"c\"><Text>a <![CDATA[<b> &amp;]]> c"
                              "</Text></Sentence>");
    dyad_record rec;
    expect_ok(r, &rec, "c");
    cr_assert_str_eq(rec.text, "a <b> &amp; c");
    dyad_reader_close(r);
}

Test(petrxml, config_before_and_inside_records)
{
    const char *xml =
        "<Sentences>\n"
        "<Config option=\"new_actor_length\" value=\"4\"></Config>\n"
        "<Config option=\"require_dyad\" value=\"false\"/>\n"
        "<Sentence date=\"1\" id=\"R-1\">\n"
        "<Config option=\"comma_min\" value=\"2\"></Config>\n"
        "</Sentence>\n"
        "<Sentence date=\"1\" id=\"R-2\"></Sentence>\n"
        "<Config option=\"comma_max\" value=\"8\"></Config>\n"
        "<Sentence date=\"1\" id=\"R-3\"></Sentence>\n"
        "</Sentences>\n";
    dyad_reader *r = open_xml(xml);
    dyad_record rec;
    expect_ok(r, &rec, "R-1");
    cr_assert_eq(rec.n_config, 3);
    cr_assert_str_eq(rec.config[0].name, "new_actor_length");
    cr_assert_str_eq(rec.config[0].value, "4");
    cr_assert_str_eq(rec.config[1].name, "require_dyad");
    cr_assert_str_eq(rec.config[1].value, "false");
    cr_assert_str_eq(rec.config[2].name, "comma_min");
    expect_ok(r, &rec, "R-2");
    cr_assert_eq(rec.n_config, 0);
    expect_ok(r, &rec, "R-3");
    cr_assert_eq(rec.n_config, 1);
    cr_assert_str_eq(rec.config[0].name, "comma_max");
    cr_assert_str_eq(rec.config[0].value, "8");
    expect_eof(r);
    dyad_reader_close(r);
}

Test(petrxml, environment_is_known_right_after_open)
{
    const char *xml =
        "<?xml version=\"1.0\"?>\n"
        "<Validation>\n"
        "<!-- header -- with dashes -->\n"
        "<Environment>\n"
        "  <Verbfile>PETR.Validate.verbs.txt</Verbfile>\n"
        "  <Actorfile> actors.txt </Actorfile>\n"
        "  <Errorfile>Errors.txt</Errorfile>\n"
        "  <Include>valid DEMO</Include>\n"
        "  <Pause>Stop</Pause>\n"
        "  <Config option=\"stop_on_error\" value=\"True\"></Config>\n"
        "</Environment>\n"
        "<Sentences>\n"
        "<Sentence date=\"19950101\" id=\"DEMO-00\"></Sentence>\n"
        "</Sentences></Validation>\n";
    dyad_reader *r = open_xml(xml);
    const dyad_environment *env = dyad_reader_environment(r);
    cr_assert_not_null(env);
    cr_assert_str_eq(env->verbfile, "PETR.Validate.verbs.txt");
    cr_assert_str_eq(env->actorfile, "actors.txt");
    cr_assert_null(env->agentfile);
    cr_assert_null(env->discardfile);
    cr_assert_null(env->issuefile);
    cr_assert_eq(env->n_config, 1);
    cr_assert_str_eq(env->config[0].name, "stop_on_error");
    cr_assert_str_eq(env->config[0].value, "True");
    dyad_record rec;
    expect_ok(r, &rec, "DEMO-00");
    /* in a <Validation> file every record is its own story */
    cr_assert_str_eq(rec.article, "DEMO-00");
    cr_assert_eq(rec.n_config, 0);
    cr_assert_eq(dyad_reader_environment(r), env);
    expect_eof(r);
    dyad_reader_close(r);
}

Test(petrxml, unclosed_environment_is_reported_once)
{
    dyad_reader *r = open_xml("<Validation><Environment><Verbfile>v.txt</Verbfile>\n"
                              "<Sentence date=\"1\" id=\"A\"></Sentence>");
    const dyad_environment *env = dyad_reader_environment(r);
    cr_assert_not_null(env);
    cr_assert_str_eq(env->verbfile, "v.txt");
    expect_fail(r, DYAD_ERR_SYNTAX, "t.xml:1: <Environment> is not closed");
    dyad_record rec;
    expect_ok(r, &rec, "A");
    expect_eof(r);
    dyad_reader_close(r);
}

Test(petrxml, bad_records_are_skipped_and_the_rest_read)
{
    const char *xml =
        "<Sentences>\n"                                            /* 1 */
        "<Sentence date=\"1\" id=\"GOOD-1\"><Text>one</Text></Sentence>\n"
        "<Sentence id=\"NODATE-1\">\n"                              /* 3 */
        "<Config option=\"lost\" value=\"1\"/>\n"
        "<Text>no date</Text>\n"
        "</Sentence>\n"
        "<Sentence date=\"1\" id=\"GOOD-2\"><Text>two</Text></Sentence>\n"
        "<Sentence date=\"1\" id=\"OPEN-1\">\n"                     /* 8 */
        "<Text>never closed</Text>\n"
        "<Sentence date=\"1\" id=\"GOOD-3\"><Text>three</Text></Sentence>\n"
        "<Sentence date=\"1\" id=\"BADTAG-1\">\n"                   /* 11 */
        "<Text never closed\n"                                      /* 12 */
        "</Sentence>\n"
        "<Sentence date=\"1\" id=\"NOTEXTEND-1\">\n"
        "<Text>runs on\n"
        "<Parse>(ROOT (NN x))</Parse>\n"                            /* 16 */
        "</Sentence>\n"
        "<Sentence date=\"1\" id=\"TWOTEXT-1\"><Text>a</Text>\n"
        "<Text>b</Text></Sentence>\n"                               /* 19 */
        "<Sentence date=\"1\" id=\"BADCONFIG-1\"><Config value=\"x\"/></Sentence>\n"
        "<Sentence date=\"1\" id=\"GOOD-4\"><Text>four</Text></Sentence>\n"
        "</Sentences>\n";
    dyad_reader *r = open_xml(xml);
    dyad_record rec;
    expect_ok(r, &rec, "GOOD-1");
    expect_fail(r, DYAD_ERR_SYNTAX, "t.xml:3: <Sentence id=\"NODATE-1\"> has no date");
    expect_ok(r, &rec, "GOOD-2");
    cr_assert_str_eq(rec.text, "two");
    cr_assert_eq(rec.n_config, 0, "a bad record's <Config> must not leak");
    expect_fail(r, DYAD_ERR_SYNTAX, "t.xml:8: <Sentence> is not closed");
    expect_ok(r, &rec, "GOOD-3");
    cr_assert_str_eq(rec.text, "three");
    cr_assert_eq(rec.line, 10);
    expect_fail(r, DYAD_ERR_SYNTAX, "t.xml:12: tag without its closing '>'");
    expect_fail(r, DYAD_ERR_SYNTAX, "t.xml:16: <Parse> inside <Text>");
    expect_fail(r, DYAD_ERR_SYNTAX, "t.xml:19: a second <Text>");
    expect_fail(r, DYAD_ERR_SYNTAX, "t.xml:20: <Config> without an option name");
    expect_ok(r, &rec, "GOOD-4");
    cr_assert_str_eq(rec.text, "four");
    expect_eof(r);
    dyad_reader_close(r);
}

Test(petrxml, failed_record_keeps_its_id_and_line)
{
    dyad_reader *r = open_xml("\n<Sentence date=\"1\" id=\"ART-3\" category=\"X\">\n<Text>x");
    dyad_record rec;
    cr_assert_eq(dyad_reader_next(r, &rec), DYAD_ERR_SYNTAX);
    cr_assert_str_eq(rec.id, "ART-3");
    cr_assert_str_eq(rec.article, "ART");
    cr_assert_str_eq(rec.category, "X");
    cr_assert_eq(rec.line, 2);
    cr_assert_str_eq(rec.file, "t.xml");
    cr_assert_str_eq(dyad_reader_error(r), "t.xml:3: <Text> is not closed");
    expect_eof(r);
    dyad_reader_close(r);
}

Test(petrxml, top_level_config_without_option_is_an_error_then_reading_goes_on)
{
    dyad_reader *r = open_xml("<Config value=\"1\"/>\n<Sentence date=\"1\" id=\"A\"/>");
    expect_fail(r, DYAD_ERR_SYNTAX, "t.xml:1: <Config> without an option name");
    dyad_record rec;
    expect_ok(r, &rec, "A");
    expect_eof(r);
    dyad_reader_close(r);
}

Test(petrxml, pending_config_survives_a_bad_record)
{
    dyad_reader *r = open_xml("<Config option=\"comma_min\" value=\"3\"/>\n"
                              "<Sentence id=\"BAD\"></Sentence>\n"
                              "<Sentence date=\"1\" id=\"A\"/>");
    expect_fail(r, DYAD_ERR_SYNTAX, "t.xml:2:");
    dyad_record rec;
    expect_ok(r, &rec, "A");
    cr_assert_eq(rec.n_config, 1);
    cr_assert_str_eq(rec.config[0].name, "comma_min");
    dyad_reader_close(r);
}

Test(petrxml, stop_marker_ends_the_input)
{
    dyad_reader *r = open_xml("<Sentence date=\"1\" id=\"A\"/>\n<!--Stop-->\n"
                              "<Sentence date=\"1\" id=\"B\"/>\n<Stop></Stop>\n"
                              "<Sentence date=\"1\" id=\"C\"/>\n");
    dyad_record rec;
    expect_ok(r, &rec, "A");
    expect_ok(r, &rec, "B");
    expect_eof(r);
    dyad_reader_close(r);
}

Test(petrxml, unterminated_comment_is_reported_then_eof)
{
    dyad_reader *r = open_xml("<Sentence date=\"1\" id=\"A\"/>\n<!-- open\n"
                              "<Sentence date=\"1\" id=\"B\"/>\n");
    dyad_record rec;
    expect_ok(r, &rec, "A");
    expect_fail(r, DYAD_ERR_SYNTAX, "t.xml:2: unterminated comment");
    expect_eof(r);
    dyad_reader_close(r);
}

Test(petrxml, empty_and_stray_inputs)
{
    dyad_reader *r = open_xml("");
    expect_eof(r);
    dyad_reader_close(r);
    r = open_xml("  \n plain text < 3 > 2 & so on </Sentences>\n");
    expect_eof(r);
    dyad_reader_close(r);
    r = open_xml("\xEF\xBB\xBF<Sentence date=\"1\" id=\"BOM\"/>");
    dyad_record rec;
    expect_ok(r, &rec, "BOM");
    dyad_reader_close(r);
}

/* ------------------------------------------------------------------ */
/* JSON Lines                                                          */
/* ------------------------------------------------------------------ */

Test(jsonl, reads_records_and_skips_blank_lines)
{
    const char *text =
        "{\"id\":\"AFP_1-3\",\"date\":\"20080801\",\"parse\":\"(ROOT (S (NN x)))\","
        "\"text\":\" a \\n b \",\"category\":\"C\",\"extra\":[1,2]}\n"
        "\n"
        "   \r\n"
        "{\"id\":\"B\",\"date\":\"2008-08-02\",\"parse\":\"\",\"article\":\"story9\"}\r\n";
    dyad_reader *r = open_jsonl(text, strlen(text));
    dyad_record rec;
    expect_ok(r, &rec, "AFP_1-3");
    cr_assert_str_eq(rec.article, "AFP_1");
    cr_assert_str_eq(rec.date, "20080801");
    cr_assert_str_eq(rec.parse, "(ROOT (S (NN x)))");
    cr_assert_eq(rec.parse_len, 17);
    cr_assert_str_eq(rec.text, "a b");
    cr_assert_str_eq(rec.category, "C");
    cr_assert_eq(rec.line, 1);
    cr_assert_str_eq(rec.file, "t.jsonl");
    cr_assert_eq(rec.n_expected, 0);
    cr_assert_eq(rec.n_config, 0);
    expect_ok(r, &rec, "B");
    cr_assert_str_eq(rec.article, "story9");
    cr_assert_str_eq(rec.text, "");
    cr_assert_str_eq(rec.category, "");
    cr_assert_eq(rec.line, 4);
    expect_eof(r);
    dyad_reader_close(r);
}

Test(jsonl, bad_lines_are_reported_and_skipped)
{
    const char *text =
        "{\"id\":\"A\",\"date\":\"1\",\"parse\":\"p\"}\n"     /* 1 */
        "{\"id\":\"B\",\"date\":\"1\",\"parse\":\"p\"\n"      /* 2 broken */
        "[1,2,3]\n"                                           /* 3 not an object */
        "{\"id\":\"D\",\"parse\":\"p\"}\n"                    /* 4 no date */
        "{\"id\":\"E\",\"date\":20080801,\"parse\":\"p\"}\n"  /* 5 wrong type */
        "{\"id\":\"F\",\"date\":\"1\",\"parse\":\"p\",\"text\":null}\n"   /* 6 */
        "{\"id\":\"G\",\"id\":\"G\",\"date\":\"1\",\"parse\":\"p\"}\n"  /* 7 duplicate */
        "{\"id\":\"H\",\"date\":\"1\",\"parse\":\"p\"} trailing\n"    /* 8 */
        "{\"id\":\"I\",\"date\":\"1\",\"parse\":\"\xff\"}\n"          /* 9 bad UTF-8 */
        "{\"id\":\"J\",\"date\":\"1\",\"parse\":\"p\"}\n";           /* 10 */
    dyad_reader *r = open_jsonl(text, strlen(text));
    dyad_record rec;
    expect_ok(r, &rec, "A");
    expect_fail(r, DYAD_ERR_SYNTAX, "t.jsonl:2: invalid JSON");
    expect_fail(r, DYAD_ERR_SYNTAX, "t.jsonl:3: not a JSON object");
    expect_fail(r, DYAD_ERR_SYNTAX, "t.jsonl:4: missing \"date\"");
    expect_fail(r, DYAD_ERR_SYNTAX, "t.jsonl:5: \"date\" is not a string");
    expect_fail(r, DYAD_ERR_SYNTAX, "t.jsonl:6: \"text\" is not a string");
    expect_fail(r, DYAD_ERR_SYNTAX, "t.jsonl:7: invalid JSON");
    expect_fail(r, DYAD_ERR_SYNTAX, "t.jsonl:8: invalid JSON");
    expect_fail(r, DYAD_ERR_SYNTAX, "t.jsonl:9: invalid JSON");
    expect_ok(r, &rec, "J");
    cr_assert_eq(rec.line, 10);
    expect_eof(r);
    dyad_reader_close(r);
}

Test(jsonl, failed_line_keeps_its_id_and_line)
{
    const char *text = "{\"id\":\"K-2\",\"date\":3,\"parse\":\"p\"}";
    dyad_reader *r = open_jsonl(text, strlen(text));
    dyad_record rec;
    cr_assert_eq(dyad_reader_next(r, &rec), DYAD_ERR_SYNTAX);
    cr_assert_str_eq(rec.id, "K-2");
    cr_assert_eq(rec.line, 1);
    cr_assert_str_eq(rec.date, "");
    dyad_reader_close(r);
}

Test(jsonl, last_line_without_newline_is_read)
{
    const char *text = "{\"id\":\"A\",\"date\":\"1\",\"parse\":\"p\"}\n"
                       "{\"id\":\"B\",\"date\":\"1\",\"parse\":\"p\"}";
    dyad_reader *r = open_jsonl(text, strlen(text));
    dyad_record rec;
    expect_ok(r, &rec, "A");
    expect_ok(r, &rec, "B");
    cr_assert_eq(rec.line, 2);
    expect_eof(r);
    dyad_reader_close(r);
}

Test(jsonl, truncated_last_line_is_an_error_then_eof)
{
    const char *text = "{\"id\":\"A\",\"date\":\"1\",\"parse\":\"p\"}\n{\"id\":\"B\",\"da";
    dyad_reader *r = open_jsonl(text, strlen(text));
    dyad_record rec;
    expect_ok(r, &rec, "A");
    expect_fail(r, DYAD_ERR_SYNTAX, "t.jsonl:2: invalid JSON");
    expect_eof(r);
    dyad_reader_close(r);
}

Test(jsonl, nul_bytes_are_rejected)
{
    const char text[] = "{\"id\":\"A\",\"date\":\"1\",\"parse\":\"a\\u0000b\"}\n"
                        "{\"id\":\"B\",\0\"date\":\"1\",\"parse\":\"p\"}\n"
                        "{\"id\":\"C\",\"date\":\"1\",\"parse\":\"p\"}\n";
    dyad_reader *r = open_jsonl(text, sizeof text - 1);
    dyad_record rec;
    expect_fail(r, DYAD_ERR_SYNTAX, "t.jsonl:1: invalid JSON");
    expect_fail(r, DYAD_ERR_SYNTAX, "t.jsonl:2: invalid JSON");
    expect_ok(r, &rec, "C");
    dyad_reader_close(r);
}

static const char *good_line = "{\"id\":\"OK\",\"date\":\"1\",\"parse\":\"(NN x)\"}\n";

/* A long line between two good ones, limit lowered for the test. */
static char *with_long_line(size_t long_len, size_t *len)
{
    size_t g = strlen(good_line);
    char *text = malloc(2 * g + long_len + 2);
    cr_assert_not_null(text);
    memcpy(text, good_line, g);
    memset(text + g, ' ', long_len);
    memcpy(text + g, "{\"id\":\"LONG\"", 12);
    text[g + long_len] = '\n';
    memcpy(text + g + long_len + 1, good_line, g);
    *len = 2 * g + long_len + 1;
    return text;
}

Test(jsonl, overlong_line_is_a_limit_error_and_reading_goes_on)
{
    size_t len;
    char *text = with_long_line(5000, &len);
    dyad_reader *r = open_jsonl(text, len);
    dy_reader_set_line_limit(r, 1000);
    dyad_record rec;
    expect_ok(r, &rec, "OK");
    expect_fail(r, DYAD_ERR_LIMIT, "t.jsonl:2: line longer than 1000 bytes");
    expect_ok(r, &rec, "OK");
    cr_assert_eq(rec.line, 3);
    expect_eof(r);
    dyad_reader_close(r);
    free(text);
}

/* Writes data to a new file named "input<suffix>" in a fresh directory. */
static char *temp_file(const char *suffix, const char *data, size_t len)
{
    char dir[] = "/tmp/dyad-test-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    char *path = malloc(256);
    cr_assert_not_null(path);
    snprintf(path, 256, "%s/input%s", dir, suffix);
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f);
    cr_assert_eq(fwrite(data, 1, len, f), len);
    cr_assert_eq(fclose(f), 0);
    return path;
}

static void remove_temp_file(char *path)
{
    unlink(path);
    *strrchr(path, '/') = '\0';
    rmdir(path);
    free(path);
}

Test(jsonl, file_is_streamed_with_bounded_memory_for_long_lines)
{
    /* the long line spans many read chunks; the limit still applies */
    size_t len;
    char *text = with_long_line(1000000, &len);
    char *path = temp_file(".jsonl", text, len);
    dyad_reader *r = NULL;
    cr_assert_eq(dyad_reader_open(path, DYAD_INPUT_AUTO, &r), DYAD_OK, "%s",
                 dyad_reader_error(r));
    dy_reader_set_line_limit(r, 100000);
    dyad_record rec;
    expect_ok(r, &rec, "OK");
    expect_fail(r, DYAD_ERR_LIMIT, path);
    expect_ok(r, &rec, "OK");
    cr_assert_eq(rec.line, 3);
    cr_assert_str_eq(rec.file, path);
    expect_eof(r);
    dyad_reader_close(r);

    /* with the default limit the same line is read, and fails as JSON */
    cr_assert_eq(dyad_reader_open(path, DYAD_INPUT_JSONL, &r), DYAD_OK);
    expect_ok(r, &rec, "OK");
    expect_fail(r, DYAD_ERR_SYNTAX, path);
    expect_ok(r, &rec, "OK");
    dyad_reader_close(r);
    remove_temp_file(path);
    free(text);
}

/* ------------------------------------------------------------------ */
/* Opening, format recognition                                         */
/* ------------------------------------------------------------------ */

Test(reader, format_is_recognised_by_name_then_content)
{
    const char *xml = "  <Sentences><Sentence date=\"1\" id=\"X-1\"/></Sentences>";
    const char *json = "\n{\"id\":\"J-1\",\"date\":\"1\",\"parse\":\"p\"}\n";
    struct { const char *name, *data, *id; } cases[] = {
        { "a.XML", xml, "X-1" }, { "a.jsonl", json, "J-1" }, { "a.ndjson", json, "J-1" },
        { "a.json", json, "J-1" }, { "noext", xml, "X-1" }, { "noext", json, "J-1" },
        { "a.dat", xml, "X-1" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        dyad_reader *r = NULL;
        cr_assert_eq(dyad_reader_open_buffer(cases[i].name, cases[i].data,
                                             strlen(cases[i].data), DYAD_INPUT_AUTO, &r),
                     DYAD_OK);
        dyad_record rec;
        expect_ok(r, &rec, cases[i].id);
        dyad_reader_close(r);
    }
    /* the name wins over the content */
    dyad_reader *r = NULL;
    cr_assert_eq(dyad_reader_open_buffer("x.jsonl", xml, strlen(xml), DYAD_INPUT_AUTO, &r),
                 DYAD_OK);
    expect_fail(r, DYAD_ERR_SYNTAX, "x.jsonl:1: invalid JSON");
    dyad_reader_close(r);
    /* .txt is a raw-text article, whatever it holds */
    cr_assert_eq(dyad_reader_open_buffer("dir/a.b.TXT", xml, strlen(xml), DYAD_INPUT_AUTO, &r),
                 DYAD_OK);
    dyad_record rec;
    expect_ok(r, &rec, "a.b");
    cr_assert_eq(rec.is_article, 1);
    cr_assert_str_eq(rec.text, xml);
    expect_eof(r);
    dyad_reader_close(r);
}

Test(reader, text_input_is_one_article)
{
    /* kept byte for byte (NULs, line breaks, bad UTF-8) less a byte order mark */
    const char data[] = "\xEF\xBB\xBF" "Arnor met Gondor.\n\n\0Bad \xff byte.\r\n";
    size_t len = sizeof data - 1;
    dyad_reader *r = NULL;
    cr_assert_eq(dyad_reader_open_buffer("news/story-7.txt", data, len, DYAD_INPUT_AUTO, &r),
                 DYAD_OK);
    dyad_record rec;
    expect_ok(r, &rec, "story-7");
    cr_assert_str_eq(rec.article, "story-7");
    cr_assert_eq(rec.is_article, 1);
    cr_assert_str_eq(rec.date, "");
    cr_assert_str_eq(rec.parse, "");
    cr_assert_eq(rec.text_len, len - 3);
    cr_assert(memcmp(rec.text, data + 3, len - 3) == 0);
    cr_assert_eq(rec.line, 1);
    expect_eof(r);
    dyad_reader_close(r);

    /* an empty text is one empty article; an unnamed buffer is "text" */
    cr_assert_eq(dyad_reader_open_buffer(NULL, "", 0, DYAD_INPUT_TEXT, &r), DYAD_OK);
    expect_ok(r, &rec, "text");
    cr_assert_eq(rec.text_len, 0);
    cr_assert_str_eq(rec.text, "");
    expect_eof(r);
    dyad_reader_close(r);
}

Test(jsonl, records_without_parse_are_articles)
{
    const char *text =
        "{\"id\":\"S-1\",\"date\":\"20080801\",\"parse\":\"(NN x)\",\"text\":\" a \\n b \"}\n"
        "{\"id\":\"NYT-9\",\"date\":\"2008-08-02\",\"text\":\"One.\\n\\n  Two.\",\"title\":\"T\","
        "\"source\":\"NYT\",\"url\":\"http://x\"}\n"
        "{\"id\":\"A\",\"date\":\"1\"}\n"
        "{\"id\":\"B\",\"date\":\"1\",\"text\":7}\n";
    dyad_reader *r = open_jsonl(text, strlen(text));
    dyad_record rec;
    expect_ok(r, &rec, "S-1");
    cr_assert_eq(rec.is_article, 0);
    cr_assert_str_eq(rec.text, "a b");            /* a sentence's text is normalised */
    cr_assert_eq(rec.text_len, 3);
    expect_ok(r, &rec, "NYT-9");
    cr_assert_eq(rec.is_article, 1);
    cr_assert_str_eq(rec.article, "NYT-9");
    cr_assert_str_eq(rec.date, "2008-08-02");
    cr_assert_str_eq(rec.text, "One.\n\n  Two.");  /* an article's is kept */
    cr_assert_eq(rec.text_len, 12);
    cr_assert_str_eq(rec.parse, "");
    expect_fail(r, DYAD_ERR_SYNTAX, "t.jsonl:3: missing \"parse\"");
    expect_fail(r, DYAD_ERR_SYNTAX, "t.jsonl:4: \"text\" is not a string");
    expect_eof(r);
    dyad_reader_close(r);
}

Test(reader, xml_file_and_stdin)
{
    const char *xml = "<Sentences>\n<Sentence date=\"1\" id=\"F-1\">"
                      "<Parse>(NN x)</Parse></Sentence>\n</Sentences>\n";
    char *path = temp_file(".data", xml, strlen(xml));
    dyad_reader *r = NULL;
    cr_assert_eq(dyad_reader_open(path, DYAD_INPUT_AUTO, &r), DYAD_OK);
    dyad_record rec;
    expect_ok(r, &rec, "F-1");
    cr_assert_str_eq(rec.parse, "(NN x)");
    cr_assert_eq(rec.line, 2);
    expect_eof(r);
    dyad_reader_close(r);

    /* this test runs in its own process, so stdin may be redirected */
    cr_assert_not_null(freopen(path, "rb", stdin));
    cr_assert_eq(dyad_reader_open("-", DYAD_INPUT_AUTO, &r), DYAD_OK);
    expect_ok(r, &rec, "F-1");
    cr_assert_str_eq(rec.file, "<stdin>");
    expect_eof(r);
    dyad_reader_close(r);
    remove_temp_file(path);
}

Test(reader, missing_file_is_an_io_error_with_a_reason)
{
    dyad_reader *r = NULL;
    cr_assert_eq(dyad_reader_open("/nonexistent/dir/x.xml", DYAD_INPUT_AUTO, &r), DYAD_ERR_IO);
    cr_assert_not_null(r);
    cr_assert(strstr(dyad_reader_error(r), "/nonexistent/dir/x.xml: cannot open") != NULL,
              "%s", dyad_reader_error(r));
    dyad_record rec;
    cr_assert_eq(dyad_reader_next(r, &rec), DYAD_ERR_IO);
    dyad_reader_close(r);
    dyad_reader_close(NULL);
}

Test(reader, bad_arguments)
{
    dyad_reader *r = NULL;
    cr_assert_eq(dyad_reader_open(NULL, DYAD_INPUT_AUTO, &r), DYAD_ERR_ARG);
    cr_assert_null(r);
    cr_assert_eq(dyad_reader_open_buffer("b", NULL, 5, DYAD_INPUT_AUTO, &r), DYAD_ERR_ARG);
    cr_assert_eq(dyad_reader_open_buffer("b", "", 0, (dyad_input_format)42, &r), DYAD_ERR_ARG);
    dyad_reader_close(r);
    cr_assert_eq(dyad_reader_open_buffer(NULL, NULL, 0, DYAD_INPUT_AUTO, &r), DYAD_OK);
    dyad_record rec;
    cr_assert_eq(dyad_reader_next(r, NULL), DYAD_ERR_ARG);
    cr_assert_eq(dyad_reader_next(NULL, &rec), DYAD_ERR_ARG);
    expect_eof(r);
    cr_assert_str_eq(dyad_reader_error(NULL), "");
    cr_assert_null(dyad_reader_environment(NULL));
    dyad_reader_close(r);
}

Test(reader, article_from_id)
{
    dy_arena *a = dy_arena_create(0);
    struct { const char *id, *article; } cases[] = {
        { "AFP_ENG_20080801.0001_1", "AFP_ENG_20080801.0001" },
        { "ABC-01", "ABC" }, { "AFP0808010092-5", "AFP0808010092" },
        { "abc12_3", "abc12" }, { "VERB-05a", "VERB-05a" }, { "plain", "plain" },
        { "_5", "_5" }, { "-", "-" }, { "x-", "x-" }, { "12", "12" }, { "", "" },
        { "a_b-7", "a_b" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        cr_assert_str_eq(dy_article_from_id(a, cases[i].id), cases[i].article, "id %s",
                         cases[i].id);
    dy_arena_free(a);
}

/* ------------------------------------------------------------------ */
/* The real PETRARCH files                                             */
/* ------------------------------------------------------------------ */

static char *shared_file(const char *name)
{
    const char *dir = getenv("DYAD_SHARED");
    if (!dir || !*dir)
        dir = "../shared";
    char *path = malloc(1024);
    cr_assert_not_null(path);
    snprintf(path, 1024, "%s/petrarch2/text/%s", dir, name);
    if (access(path, R_OK) != 0) {
        free(path);
        return NULL;
    }
    return path;
}

Test(shared, petrarch_unit_test_records)
{
    char *path = shared_file("PETR.UnitTest.records.xml");
    if (!path)
        cr_skip_test("PETR.UnitTest.records.xml not found (set DYAD_SHARED)");
    dyad_reader *r = NULL;
    cr_assert_eq(dyad_reader_open(path, DYAD_INPUT_AUTO, &r), DYAD_OK);
    const dyad_environment *env = dyad_reader_environment(r);
    cr_assert_not_null(env);
    cr_assert_str_eq(env->verbfile, "PETR.Validate.verbs.txt");
    cr_assert_str_eq(env->actorfile, "PETR.Validate.actors.txt");
    cr_assert_str_eq(env->agentfile, "PETR.Validate.agents.txt");
    cr_assert_str_eq(env->discardfile, "PETR.Validate.discards.txt");
    cr_assert_null(env->issuefile);
    cr_assert_eq(env->n_config, 1);

    size_t records = 0, expected = 0, config = 0, noevents = 0, errors = 0, with_parse = 0;
    dyad_record rec;
    dyad_status st;
    while ((st = dyad_reader_next(r, &rec)) == DYAD_OK) {
        records++;
        expected += rec.n_expected;
        config += rec.n_config;
        with_parse += rec.parse_len > 0;
        cr_assert_str_eq(rec.article, rec.id);
        cr_assert_gt(strlen(rec.date), 0);
        for (size_t i = 0; i < rec.n_expected; i++) {
            noevents += rec.expected[i].noevents;
            errors += rec.expected[i].error != NULL;
        }
        if (strcmp(rec.id, "DEMO-00") == 0) {
            cr_assert_eq(rec.line, 61);
            cr_assert_str_eq(rec.expected[0].code, "064");
        }
        if (strcmp(rec.id, "DEMO-22") == 0) {
            cr_assert_eq(rec.n_config, 1);
            cr_assert_str_eq(rec.config[0].name, "new_actor_length");
            cr_assert_str_eq(rec.config[0].value, "4");
        }
    }
    cr_assert_eq(st, DYAD_ERR_EOF, "%s", dyad_reader_error(r));
    cr_assert_eq(records, 284);
    cr_assert_eq(with_parse, 284);
    cr_assert_eq(expected, 385);
    cr_assert_eq(config, 28);   /* 29 <Config> outside comments, 1 in <Environment> */
    cr_assert_gt(noevents, 0);
    cr_assert_gt(errors, 0);
    dyad_reader_close(r);
    free(path);
}

Test(shared, gigaword_sample)
{
    char *path = shared_file("GigaWord.sample.PETR.xml");
    if (!path)
        cr_skip_test("GigaWord.sample.PETR.xml not found (set DYAD_SHARED)");
    dyad_reader *r = NULL;
    cr_assert_eq(dyad_reader_open(path, DYAD_INPUT_AUTO, &r), DYAD_OK);
    cr_assert_null(dyad_reader_environment(r));
    size_t records = 0, with_story_id = 0;
    dyad_record rec;
    dyad_status st;
    while ((st = dyad_reader_next(r, &rec)) == DYAD_OK) {
        records++;
        cr_assert_gt(rec.parse_len, 0);
        cr_assert_eq(rec.n_expected, 0);
        with_story_id += strcmp(rec.article, rec.id) != 0;
        if (records == 1) {
            cr_assert_str_eq(rec.id, "AFP0808020625_4");
            cr_assert_str_eq(rec.article, "AFP0808020625");
            cr_assert_str_eq(rec.date, "20080804");
            cr_assert_eq(rec.line, 13);
        }
    }
    cr_assert_eq(st, DYAD_ERR_EOF, "%s", dyad_reader_error(r));
    cr_assert_eq(records, 76);
    cr_assert_eq(with_story_id, 75);   /* all but "NEST_2.75" end in _N or -N */
    dyad_reader_close(r);
    free(path);
}

Test(reader, directory_is_an_io_error)
{
    dyad_reader *r = NULL;
    cr_assert_eq(dyad_reader_open("/tmp", DYAD_INPUT_PETRXML, &r), DYAD_ERR_IO);
    cr_assert(strstr(dyad_reader_error(r), "/tmp: read error") != NULL, "%s",
              dyad_reader_error(r));
    dyad_reader_close(r);
    cr_assert_eq(dyad_reader_open("/tmp", DYAD_INPUT_JSONL, &r), DYAD_OK);
    dyad_record rec;
    cr_assert_eq(dyad_reader_next(r, &rec), DYAD_ERR_IO);
    cr_assert(strstr(dyad_reader_error(r), "read error") != NULL, "%s", dyad_reader_error(r));
    cr_assert_eq(dyad_reader_next(r, &rec), DYAD_ERR_EOF);
    dyad_reader_close(r);
}

/* An article may leave its date to its text (a dateline); a parsed
 * sentence may not. */
Test(jsonl, an_article_may_omit_its_date)
{
    const char *text =
        "{\"id\":\"A\",\"text\":\"GENEVA, March 3, 2025 -- Talks began.\"}\n"
        "{\"id\":\"B\",\"parse\":\"p\"}\n";
    dyad_reader *r = open_jsonl(text, strlen(text));
    dyad_record rec;
    expect_ok(r, &rec, "A");
    cr_assert(rec.is_article);
    cr_assert_str_eq(rec.date, "");
    expect_fail(r, DYAD_ERR_SYNTAX, "t.jsonl:2: missing \"date\"");
    expect_eof(r);
    dyad_reader_close(r);
}

/* Unit tests for lib/io's streaming: dyad_reader_open_stream(), reading in
 * chunks of any size, read failures, and the record limit of every format.
 *
 * The reference is dyad_reader_open_buffer() on the same bytes: a reader
 * fed one byte at a time (or in odd chunks) must deliver exactly the same
 * records, messages and line numbers. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dyad.h"
#include "io/io_internal.h"

/* A dyad_read_fn over memory: at most `chunk` bytes a call (growing by
 * `grow` each time), failing with "disk on fire" after `fail_at` bytes
 * when fail_at is not 0. */
typedef struct chunks {
    const char *data;
    size_t len, pos, chunk, grow, fail_at;
    int calls_after_end;   /* calls after it returned 0 or -1 */
    int ended;
} chunks;

static ptrdiff_t chunk_read(void *user, char *buf, size_t cap, const char **why)
{
    chunks *c = user;
    if (c->ended)
        c->calls_after_end++;
    size_t n = c->chunk < cap ? c->chunk : cap;
    c->chunk += c->grow;
    size_t end = c->fail_at ? c->fail_at : c->len;
    if (c->pos >= end) {
        c->ended = 1;
        if (c->fail_at) {
            *why = "disk on fire";
            return -1;
        }
        return 0;
    }
    if (n > end - c->pos)
        n = end - c->pos;
    memcpy(buf, c->data + c->pos, n);
    c->pos += n;
    return (ptrdiff_t)n;
}

static ptrdiff_t always_fail(void *user, char *buf, size_t cap, const char **why)
{
    (void)user;
    (void)buf;
    (void)cap;
    *why = "no medium";
    return -1;
}

/* Every record of r as text, one line each, for comparing readers. */
static char *dump(dyad_reader *r)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    cr_assert_not_null(f);
    const dyad_environment *env = dyad_reader_environment(r);
    if (env)
        fprintf(f, "env %s %s %zu\n", env->verbfile ? env->verbfile : "-",
                env->actorfile ? env->actorfile : "-", env->n_config);
    dyad_record rec;
    dyad_status st;
    int guard = 0;
    do {
        st = dyad_reader_next(r, &rec);
        fprintf(f, "%d [%s] %ld id=%s art=%s date=%s cat=%s text=%s parse=%zu:%s art=%d tl=%zu",
                (int)st, st == DYAD_OK ? "" : dyad_reader_error(r), rec.line, rec.id,
                rec.article, rec.date, rec.category, rec.text, rec.parse_len, rec.parse,
                rec.is_article, rec.text_len);
        for (size_t i = 0; i < rec.n_config; i++)
            fprintf(f, " cfg %s=%s", rec.config[i].name, rec.config[i].value);
        for (size_t i = 0; i < rec.n_expected; i++)
            fprintf(f, " exp %s/%s/%s", rec.expected[i].source ? rec.expected[i].source : "",
                    rec.expected[i].target ? rec.expected[i].target : "",
                    rec.expected[i].code ? rec.expected[i].code : "");
        fputc('\n', f);
    } while (st != DYAD_ERR_EOF && ++guard < 100000);
    fclose(f);
    return out;
}

static char *dump_buffer(const char *name, const char *data, size_t len,
                         dyad_input_format fmt, size_t limit)
{
    dyad_reader *r = NULL;
    cr_assert_eq(dyad_reader_open_buffer(name, data, len, fmt, &r), DYAD_OK, "%s",
                 dyad_reader_error(r));
    if (limit)
        dy_reader_set_line_limit(r, limit);
    char *out = dump(r);
    dyad_reader_close(r);
    return out;
}

static char *dump_stream(const char *name, const char *data, size_t len,
                         dyad_input_format fmt, size_t chunk, size_t grow, size_t limit)
{
    chunks c = { data, len, 0, chunk, grow, 0, 0, 0 };
    dyad_reader *r = NULL;
    cr_assert_eq(dyad_reader_open_stream(name, chunk_read, &c, fmt, &r), DYAD_OK, "%s",
                 dyad_reader_error(r));
    if (limit)
        dy_reader_set_line_limit(r, limit);
    char *out = dump(r);
    dyad_reader_close(r);
    cr_assert_eq(c.calls_after_end, 0, "read was called after the end");
    return out;
}

/* The buffer's records equal the stream's for several chunk sizes. */
static void expect_same_as_buffer(const char *name, const char *data, size_t len,
                                  dyad_input_format fmt, size_t limit)
{
    char *want = dump_buffer(name, data, len, fmt, limit);
    static const size_t sizes[][2] = { { 1, 0 }, { 2, 1 }, { 7, 0 }, { 100, 37 }, { 65536, 0 } };
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        if (len > 400000 && sizes[i][0] < 100)
            continue;   /* a byte at a time would take long on big files */
        char *got = dump_stream(name, data, len, fmt, sizes[i][0], sizes[i][1], limit);
        cr_assert(strcmp(want, got) == 0, "%s, chunks of %zu (+%zu): records differ:\n"
                  "--- buffer\n%.2000s\n--- stream\n%.2000s", name, sizes[i][0], sizes[i][1],
                  want, got);
        free(got);
    }
    free(want);
}

static const char xml_doc[] =
    "<?xml version=\"1.0\"?>\n<!-- </Sentence> in a comment -->\n<Validation>\n"
    "<Environment>\n<Verbfile>v.txt</Verbfile>\n<Config option=\"a\" value=\"1\"/>\n"
    "</Environment>\n<Sentences>\n"
    "<Config option=\"new_actor_length\" value=\"4\"></Config>\n"
    "<Sentence date=\"20200101\" id=\"A-1\" category=\"C\">\n"
    "<EventCoding sourcecode=\"X\" targetcode=\"Y\" eventcode=\"010\"/>\n"
    "<Text>Arvland &amp; Belmora <![CDATA[<raw>]]> met.</Text>\n"
    "<Parse>(ROOT (S (NP (NNP Arvland)) (VP (VBD met))))</Parse>\n</Sentence>\n"
    "<Sentence date=\"20200102\" id=\"B-1\"><Text>no end tag\n"
    "<Sentence id=\"C-1\"><Text>no date</Text></Sentence>\n"
    "<Sentence date=\"20200103\" id=\"D-1\"><Text>unclosed text</Sentence>\n"
    "</Sentence></Sentence>\n"
    "<Sentence date=\"20200104\" id=\"E-1\" <Text>bad tag</Text></Sentence>\n"
    "<Sentence date=\"20200105\" id=\"F-1\"/>\n"
    "<Sentence date=\"20200106\" id=\"G-1\"><!-- a </Sentence> comment --><Text>x</Text>"
    "</Sentence>\n<Stop>\n<Sentence date=\"20200107\" id=\"AFTER-STOP\"></Sentence>\n"
    "</Sentences>\n</Validation>\n";

Test(stream, xml_in_any_chunks_reads_as_from_memory)
{
    expect_same_as_buffer("t.xml", xml_doc, strlen(xml_doc), DYAD_INPUT_PETRXML, 0);
    /* every prefix: a file cut anywhere reads the same either way */
    for (size_t n = 0; n <= strlen(xml_doc); n += 13)
        expect_same_as_buffer("t.xml", xml_doc, n, DYAD_INPUT_AUTO, 0);
}

Test(stream, jsonl_and_text_in_any_chunks_read_as_from_memory)
{
    const char *jsonl =
        "\xEF\xBB\xBF{\"id\":\"A-1\",\"date\":\"1\",\"parse\":\"(ROOT (NN x))\"}\n\n"
        "{\"id\":\"T-1\",\"date\":\"2021-01-01\",\"text\":\"Arvland\\nmet.\"}\r\n"
        "not json\n{\"id\":\"X\"}\n{\"id\":\"L\",\"date\":\"1\",\"text\":\"" 
        "a long line a long line a long line a long line\"}\n{\"id\":\"cut";
    expect_same_as_buffer("t.jsonl", jsonl, strlen(jsonl), DYAD_INPUT_JSONL, 0);
    expect_same_as_buffer("t.jsonl", jsonl, strlen(jsonl), DYAD_INPUT_JSONL, 60);
    expect_same_as_buffer("t", jsonl, strlen(jsonl), DYAD_INPUT_AUTO, 0);
    const char *text = "\xEF\xBB\xBFMOSCOW (Reuters) - Arvland met Belmora.\n\nMore.";
    expect_same_as_buffer("story.txt", text, strlen(text), DYAD_INPUT_AUTO, 0);
}

static char *read_shared(const char *name, size_t *len)
{
    const char *dir = getenv("DYAD_SHARED");
    char path[4096];
    snprintf(path, sizeof path, "%s/petrarch2/text/%s", dir ? dir : "../shared", name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *data = malloc(1 << 22);
    cr_assert_not_null(data);
    *len = fread(data, 1, 1 << 22, f);
    fclose(f);
    return data;
}

Test(stream, petrarch_files_in_chunks_read_as_from_memory)
{
    static const char *const files[] = { "PETR.UnitTest.records.xml",
                                         "GigaWord.sample.PETR.xml" };
    int found = 0;
    for (size_t i = 0; i < 2; i++) {
        size_t len;
        char *data = read_shared(files[i], &len);
        if (!data)
            continue;
        found++;
        expect_same_as_buffer(files[i], data, len, DYAD_INPUT_AUTO, 0);
        free(data);
    }
    if (!found)
        cr_skip_test("the PETRARCH text files were not found (set DYAD_SHARED)");
}

Test(stream, read_failure_ends_the_input_with_an_io_error)
{
    const char *jsonl = "{\"id\":\"A\",\"date\":\"1\",\"text\":\"x\"}\n"
                        "{\"id\":\"B\",\"date\":\"1\",\"text\":\"y\"}\n";
    chunks c = { jsonl, strlen(jsonl), 0, 10, 0, strlen(jsonl) - 5, 0, 0 };
    dyad_reader *r = NULL;
    cr_assert_eq(dyad_reader_open_stream("f.jsonl", chunk_read, &c, DYAD_INPUT_AUTO, &r),
                 DYAD_OK);
    dyad_record rec;
    cr_assert_eq(dyad_reader_next(r, &rec), DYAD_OK);
    cr_assert_str_eq(rec.id, "A");
    cr_assert_eq(dyad_reader_next(r, &rec), DYAD_ERR_IO);
    cr_assert_str_eq(dyad_reader_error(r), "f.jsonl:2: read error: disk on fire");
    cr_assert_eq(rec.line, 2);
    cr_assert_eq(dyad_reader_next(r, &rec), DYAD_ERR_EOF);
    cr_assert_eq(c.calls_after_end, 0);
    dyad_reader_close(r);

    /* XML: the records before the failure, then the error */
    const char *xml = "<Sentences>\n<Sentence date=\"1\" id=\"A-1\"></Sentence>\n"
                      "<Sentence date=\"1\" id=\"B-1\"></Sentence>\n</Sentences>\n";
    c = (chunks){ xml, strlen(xml), 0, 3, 0, strlen(xml) - 20, 0, 0 };
    cr_assert_eq(dyad_reader_open_stream("f.xml", chunk_read, &c, DYAD_INPUT_AUTO, &r),
                 DYAD_OK);
    cr_assert_eq(dyad_reader_next(r, &rec), DYAD_OK);
    cr_assert_str_eq(rec.id, "A-1");
    cr_assert_eq(dyad_reader_next(r, &rec), DYAD_ERR_IO);
    cr_assert(strstr(dyad_reader_error(r), "f.xml:3: read error: disk on fire"), "%s",
              dyad_reader_error(r));
    cr_assert_eq(dyad_reader_next(r, &rec), DYAD_ERR_EOF);
    dyad_reader_close(r);

    /* failing at once: XML's open fails (it reads the prologue), JSON
     * Lines fails at its first record */
    cr_assert_eq(dyad_reader_open_stream("g.xml", always_fail, NULL, DYAD_INPUT_PETRXML, &r),
                 DYAD_ERR_IO);
    cr_assert_str_eq(dyad_reader_error(r), "g.xml: read error: no medium");
    dyad_reader_close(r);
    cr_assert_eq(dyad_reader_open_stream("g", always_fail, NULL, DYAD_INPUT_AUTO, &r), DYAD_OK);
    cr_assert_eq(dyad_reader_next(r, &rec), DYAD_ERR_IO);
    cr_assert_str_eq(dyad_reader_error(r), "g:1: read error: no medium");
    cr_assert_eq(dyad_reader_next(r, &rec), DYAD_ERR_EOF);
    dyad_reader_close(r);
}

Test(stream, text_article_over_the_limit_is_a_limit_error)
{
    char text[5000];
    memset(text, 'a', sizeof text);
    chunks c = { text, sizeof text, 0, 512, 0, 0, 0, 0 };
    dyad_reader *r = NULL;
    cr_assert_eq(dyad_reader_open_stream("big.txt", chunk_read, &c, DYAD_INPUT_AUTO, &r),
                 DYAD_OK);
    dy_reader_set_line_limit(r, 4000);
    dyad_record rec;
    cr_assert_eq(dyad_reader_next(r, &rec), DYAD_ERR_LIMIT);
    cr_assert_str_eq(dyad_reader_error(r), "big.txt: article longer than 4000 bytes");
    cr_assert_str_eq(rec.id, "big");
    cr_assert_eq(dyad_reader_next(r, &rec), DYAD_ERR_EOF);
    dyad_reader_close(r);
    char *ok = dump_buffer("ok.txt", text, 4000, DYAD_INPUT_TEXT, 4000);
    cr_assert_eq(ok[0], '0', "an article of exactly the limit is read: %.100s", ok);
    free(ok);
}

Test(stream, xml_record_over_the_limit_is_skipped_and_the_next_read)
{
    char *xml = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&xml, &len);
    fputs("<Sentences>\n<Sentence date=\"1\" id=\"BIG-1\">\n<Text>", f);
    for (int i = 0; i < 500; i++)
        fputs("Arvland praised Dunmark.\n", f);
    fputs("</Text>\n</Sentence>\n<Sentence date=\"2\" id=\"OK-1\"><Text>x</Text></Sentence>\n"
          "<Sentence date=\"3\" id=\"BIG-2\">\n<Text>", f);
    for (int i = 0; i < 500; i++)
        fputs("no end tag\n", f);
    fputs("<Sentence date=\"4\" id=\"OK-2\"><Text>y</Text></Sentence>\n<!--", f);
    for (int i = 0; i < 500; i++)
        fputs("an unterminated comment\n", f);
    fclose(f);
    for (int pass = 0; pass < 2; pass++) {
        chunks c = { xml, len, 0, 100, 0, 0, 0, 0 };
        dyad_reader *r = NULL;
        if (pass == 0)
            cr_assert_eq(dyad_reader_open_stream("s.xml", chunk_read, &c, DYAD_INPUT_AUTO, &r),
                         DYAD_OK);
        else
            cr_assert_eq(dyad_reader_open_buffer("s.xml", xml, len, DYAD_INPUT_AUTO, &r),
                         DYAD_OK);
        dy_reader_set_line_limit(r, 4096);
        dyad_record rec;
        cr_assert_eq(dyad_reader_next(r, &rec), DYAD_ERR_LIMIT, "%s", dyad_reader_error(r));
        cr_assert_str_eq(dyad_reader_error(r), "s.xml:2: record longer than 4096 bytes");
        cr_assert_str_eq(rec.id, "BIG-1");
        cr_assert_eq(rec.line, 2);
        cr_assert_eq(dyad_reader_next(r, &rec), DYAD_OK, "%s", dyad_reader_error(r));
        cr_assert_str_eq(rec.id, "OK-1");
        cr_assert_eq(rec.line, 505);
        cr_assert_eq(dyad_reader_next(r, &rec), DYAD_ERR_LIMIT);
        cr_assert_str_eq(rec.id, "BIG-2");
        cr_assert_eq(dyad_reader_next(r, &rec), DYAD_OK, "%s", dyad_reader_error(r));
        cr_assert_str_eq(rec.id, "OK-2");
        cr_assert_eq(rec.line, 1007);
        cr_assert_eq(dyad_reader_next(r, &rec), DYAD_ERR_LIMIT);
        /* the comment runs to the end: from memory, a window to the end
         * that is too long; streamed, no end within the limit */
        cr_assert(strncmp(dyad_reader_error(r), "s.xml:1007: ", 12) == 0, "%s",
                  dyad_reader_error(r));
        dyad_status st;
        int guard = 0;
        while ((st = dyad_reader_next(r, &rec)) != DYAD_ERR_EOF && ++guard < 100)
            ;
        cr_assert_eq(st, DYAD_ERR_EOF);
        dyad_reader_close(r);
    }
    free(xml);
}

Test(stream, bad_arguments)
{
    dyad_reader *r = NULL;
    cr_assert_eq(dyad_reader_open_stream("x", NULL, NULL, DYAD_INPUT_AUTO, &r), DYAD_ERR_ARG);
    cr_assert_null(r);
    cr_assert_eq(dyad_reader_open_stream("x", chunk_read, NULL, DYAD_INPUT_AUTO, NULL),
                 DYAD_ERR_ARG);
    chunks c = { "", 0, 0, 1, 0, 0, 0, 0 };
    cr_assert_eq(dyad_reader_open_stream(NULL, chunk_read, &c, (dyad_input_format)42, &r),
                 DYAD_ERR_ARG);
    dyad_reader_close(r);
}

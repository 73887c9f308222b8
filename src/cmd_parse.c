/* cmd_parse.c -- `dyad parse`: shows what the coder sees of raw text.
 *
 * For every record of every input (a .txt article, a JSON Lines article or
 * sentence record, a PETRARCH XML sentence) the record's text goes through
 * the text front end -- tokenizer, sentence splitter, tagger, lemmatizer,
 * phrase builder -- and each sentence comes out as two lines: its tokens as
 * word/TAG/lemma, then its tree in one-line bracket form.  A parse that
 * comes with a record is not used: this shows our own. */
#include "cli_util.h"

#include <stdlib.h>
#include <string.h>

static const char parse_usage[] =
    "usage: dyad parse [OPTION]... [FILE]...\n"
    "Run the raw-text front end (tokenizer, sentence splitter, tagger, lemmatizer,\n"
    "phrase builder) on the text of every record -- .txt articles, JSON Lines\n"
    "articles or sentences, PETRARCH XML sentences; '-' or no FILE: standard\n"
    "input -- and print two lines per sentence: its tokens as word/TAG/lemma,\n"
    "then its phrase-structure tree in one-line Penn Treebank form.\n"
    "\n"
    "  -o, --output FILE   write to FILE (default: standard output)\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 all records shown; 1 some records could not be read;\n"
    "2 fatal (bad usage, unreadable input, unwritable output).\n";

enum { OPT_OUTPUT = 1, OPT_HELP };

static const cli_opt parse_opts[] = {
    { "output", 'o', 1, OPT_OUTPUT },
    { "help", 'h', 0, OPT_HELP },
    { NULL, 0, 0, 0 },
};

/* Shows every record of one input.  Returns 0, 1 (some records unreadable)
 * or 2 (the input or the output failed). */
static int parse_input(FILE *out, const char *path)
{
    dyad_reader *r = NULL;
    dyad_status st = dyad_reader_open(path, DYAD_INPUT_AUTO, &r);
    if (st != DYAD_OK) {
        const char *why = r ? dyad_reader_error(r) : NULL;
        cli_msg_path("cannot read", strcmp(path, "-") == 0 ? "standard input" : path,
                     why && *why ? why : dyad_strerror(st));
        dyad_reader_close(r);
        return CLI_EXIT_FATAL;
    }
    int rc = CLI_EXIT_OK;
    for (;;) {
        dyad_record rec;
        memset(&rec, 0, sizeof rec);
        st = dyad_reader_next(r, &rec);
        if (st == DYAD_ERR_EOF)
            break;
        if (st != DYAD_OK) {
            const char *why = dyad_reader_error(r);
            cli_msg("%s", why && *why ? why : dyad_strerror(st));
            if (st == DYAD_ERR_IO || st == DYAD_ERR_NOMEM) {
                rc = CLI_EXIT_FATAL;
                break;
            }
            rc = CLI_EXIT_RECORDS;
            continue;
        }
        st = dyad_write_parse(out, rec.text, rec.text ? rec.text_len : 0);
        if (st == DYAD_ERR_IO) {
            rc = CLI_EXIT_FATAL;
            break;
        }
        if (st != DYAD_OK) {
            cli_msg("%s:%ld: %s: %s", rec.file ? rec.file : path, rec.line,
                    rec.id && *rec.id ? rec.id : "record", dyad_strerror(st));
            rc = CLI_EXIT_RECORDS;
        }
    }
    dyad_reader_close(r);
    return rc;
}

int cmd_parse(int argc, char **argv)
{
    cli_parser p;
    cli_parser_init(&p, argc, argv, 2, "parse");
    const char **inputs = cli_xmalloc(sizeof *inputs * (size_t)argc);
    size_t n_inputs = 0;
    const char *out_path = NULL;
    int status = CLI_EXIT_OK;
    const char *val;
    int id;
    while ((id = cli_getopt(&p, parse_opts, &val)) != CLI_END) {
        switch (id) {
        case CLI_OPERAND: inputs[n_inputs++] = val; break;
        case OPT_OUTPUT: out_path = val; break;
        case OPT_HELP:
            fputs(parse_usage, stdout);
            free(inputs);
            return CLI_EXIT_OK;
        default:
            free(inputs);
            return CLI_EXIT_FATAL;
        }
    }
    FILE *out = cli_open_output(out_path, stdout);
    if (!out) {
        free(inputs);
        return CLI_EXIT_FATAL;
    }
    if (n_inputs == 0)
        inputs[n_inputs++] = "-";
    for (size_t i = 0; i < n_inputs; i++) {
        int rc = parse_input(out, inputs[i]);
        if (rc > status)
            status = rc;
        if (ferror(out))
            break;
    }
    if (cli_close_output(out, out_path ? out_path : "standard output") != 0)
        status = CLI_EXIT_FATAL;
    free(inputs);
    return status;
}

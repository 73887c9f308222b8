/* dyad.c -- the dyad command: dispatches to its subcommands. */
#include <stdio.h>
#include <string.h>

#include "cli_util.h"

static const char main_usage[] =
    "usage: dyad COMMAND [OPTION]... [FILE]...\n"
    "Event-data coder: turns news text into who-did-what-to-whom\n"
    "events (CAMEO codes) with PETRARCH-format dictionaries.\n"
    "\n"
    "Commands:\n"
    "  code       code parsed sentences (PETRARCH XML or JSON Lines) or raw-text\n"
    "             articles (.txt, JSON Lines) into JSON-line events\n"
    "  validate   check coding against a PETRARCH <Validation> file\n"
    "  parse      show the tokens, tags, lemmas and trees dyad makes of raw text\n"
    "\n"
    "Options:\n"
    "  -h, --help      show this help ('dyad COMMAND --help' for a command)\n"
    "  -V, --version   show the version\n"
    "\n"
    "Example:\n"
    "  dyad code --no-default-dict --dict examples/dict/verbs.txt \\\n"
    "      --dict examples/dict/actors.txt examples/sentences.xml\n";

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(main_usage, stderr);
        return CLI_EXIT_FATAL;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("dyad %s\n", dyad_version());
        return CLI_EXIT_OK;
    }
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(main_usage, stdout);
        return CLI_EXIT_OK;
    }
    if (strcmp(cmd, "code") == 0)
        return cmd_code(argc, argv);
    if (strcmp(cmd, "validate") == 0)
        return cmd_validate(argc, argv);
    if (strcmp(cmd, "parse") == 0)
        return cmd_parse(argc, argv);
    return cli_usage_error(NULL, "unknown command '%s'", cmd);
}

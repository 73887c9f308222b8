/* cli_util.h -- helpers shared by the dyad subcommands: argument parsing,
 * dictionary loading, <Config> options, output files and timing.
 *
 * The CLI sees only include/dyad.h; everything here is built on it.  Exit
 * statuses are the same for every subcommand (see docs/cli.md). */
#ifndef DYAD_CLI_UTIL_H
#define DYAD_CLI_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "dyad.h"

enum {
    CLI_EXIT_OK = 0,        /* everything worked */
    CLI_EXIT_RECORDS = 1,   /* finished, but some records failed (or validation failed) */
    CLI_EXIT_FATAL = 2,     /* bad usage, unreadable dictionary or input, unwritable output */
};

/* ---- subcommands (one file each) --------------------------------- */
int cmd_code(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_parse(int argc, char **argv);

/* ---- messages and memory ------------------------------------------ */

/* Prints "dyad: <message>\n" to stderr. */
void cli_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "dyad: WHAT PATH: WHY", or "dyad: WHAT: WHY" when WHY already
 * names PATH (the library's messages usually do). */
void cli_msg_path(const char *what, const char *path, const char *why);

/* Allocation that never returns NULL: the CLI exits on out of memory. */
void *cli_xmalloc(size_t n);
void *cli_xrealloc(void *p, size_t n);
char *cli_xstrdup(const char *s);
char *cli_xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- argument parsing -------------------------------------------- */

/* One accepted option.  `id` is returned by cli_getopt; it must be > 0. */
typedef struct cli_opt {
    const char *long_name;   /* without "--"; NULL for none */
    char short_name;         /* 0 for none */
    int has_arg;             /* 1: takes a value ("--x V", "--x=V", "-xV", "-x V") */
    int id;
} cli_opt;

typedef struct cli_parser {
    int argc;
    char **argv;
    int i;                   /* next argument to look at */
    int only_operands;       /* "--" seen */
    const char *cmd;         /* for messages: "code", "validate" or NULL */
} cli_parser;

#define CLI_END 0       /* no more arguments */
#define CLI_OPERAND (-1) /* *val is an operand (a file name, or "-") */
#define CLI_BAD (-2)    /* unknown option or missing value; a message was printed */

/* Options and operands may be mixed; "--" ends the options. */
void cli_parser_init(cli_parser *p, int argc, char **argv, int first, const char *cmd);
int cli_getopt(cli_parser *p, const cli_opt *opts, const char **val);

/* Prints "dyad: <message>; try 'dyad [cmd] --help'" and returns CLI_EXIT_FATAL. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- dictionaries -------------------------------------------------- */

typedef struct cli_dict {
    dyad_dict_kind kind;     /* DYAD_DICT_AUTO unless given as KIND:PATH */
    const char *path;
} cli_dict;

/* Parses "PATH" or "KIND:PATH" (KIND one of verbs, actors, agents, discards,
 * issues).  A prefix that is not a kind name is part of the path. */
cli_dict cli_dict_spec(const char *spec);

/* Loads every dictionary in order into a new engine, then, when
 * with_defaults is set, the built-in default dictionaries (which the given
 * files override).  Per-line warnings go to stderr as "FILE:LINE: message".
 * On failure prints why (naming the file) and returns non-zero; *warnings
 * (may be NULL) gets the count. */
int cli_build_engine(const cli_dict *dicts, size_t n, int with_defaults,
                     dyad_engine **out, size_t *warnings);

/* ---- options ------------------------------------------------------- */

/* Applies <Config> options in order.  PETRARCH options that do not change
 * coding (stop_on_error, write_actor_text, ...) are accepted silently; other
 * unknown names and bad values are reported on stderr, prefixed by
 * "FILE:LINE: " when file is not NULL, and skipped.  Returns how many were
 * rejected. */
size_t cli_apply_config(dyad_options *o, const dyad_config_opt *cfg, size_t n,
                        const char *file, long line);

/* Applies the record's <Config> options to the coder's options (they stay
 * set for later records, as in PETRARCH), then codes the record: a parsed
 * sentence with dyad_code_sentence(), an article (rec->is_article) with
 * dyad_code_article().  `file` names the input when the record does not. */
dyad_status cli_code_record(dyad_coder *c, const dyad_record *rec, const char *file,
                            dyad_result *res);

/* The same without the record's <Config>: for callers that applied it
 * already, to a copy of the options the coder is then given. */
dyad_status cli_code_record_as_is(dyad_coder *c, const dyad_record *rec, dyad_result *res);

/* Does s end in suffix (given in lower case), ignoring ASCII case? */
int cli_has_suffix(const char *s, const char *suffix);

/* Is s a date written YYYY-MM-DD (month 1-12, day 1-31)? */
int cli_valid_date(const char *s);

/* Applies "NAME=VALUE" from the command line; 0 ok, -1 bad (message printed). */
int cli_apply_option_arg(dyad_options *o, const char *arg);

/* ---- output -------------------------------------------------------- */

/* Opens path for writing ("-" or NULL: `dflt`).  NULL with a message on failure. */
FILE *cli_open_output(const char *path, FILE *dflt);

/* Flushes and (unless it is stdout/stderr) closes f; 0 ok, -1 with a
 * message naming `name` when anything written to it was lost. */
int cli_close_output(FILE *f, const char *name);

/* ---- time ---------------------------------------------------------- */

/* Seconds on a monotonic clock. */
double cli_now(void);

#endif

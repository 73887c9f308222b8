/* cmd_code.c -- `dyad code`: parsed sentences or raw-text articles in,
 * events out as JSON lines.
 *
 * Every record (a parsed sentence, or a whole article) ends in exactly one
 * of: coded (zero or more events written), discarded (a discard-list
 * match; counted, nothing written), or an error (one error record
 * written).  So the summary always adds up:
 *     records read = coded + errors + discarded.
 *
 * This file reads the arguments, expands the inputs, builds the engine and
 * opens the outputs (resuming them with --resume), then hands the batch to
 * the pipeline (code_pipeline.h: reading, coding on -j threads, writing in
 * input order) and reports how it went. */
#include "cli_util.h"
#include "code_inputs.h"
#include "code_pipeline.h"
#include "resume_journal.h"
#include "stop_signal.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char code_usage[] =
    "usage: dyad code [OPTION]... [FILE|DIR]...\n"
    "Code parsed sentences (PETRARCH XML or JSON Lines) and raw-text articles\n"
    "(.txt files, or JSON Lines records with \"text\" and no \"parse\") into\n"
    "events, one JSON object per line.  '-' or no FILE: standard input.  A DIR\n"
    "gives its .jsonl, .ndjson, .json, .xml and .txt files, recursively, in\n"
    "sorted order; a quoted glob pattern is expanded; any input may be gzip or\n"
    "zstd compressed (.gz, .zst, or recognised by its content).\n"
    "\n"
    "  -d, --dict [KIND:]PATH  load a dictionary file (repeatable); KIND is one of\n"
    "                          verbs, actors, agents, discards, issues; without it\n"
    "                          the kind is recognised from the file\n"
    "      --no-default-dict   do not load the built-in dictionaries\n"
    "  -o, --output FILE       write events to FILE (default: standard output)\n"
    "      --errors FILE       write error records to FILE (default: standard error)\n"
    "      --option NAME=VALUE set a coding option before the first record\n"
    "                          (require_dyad, new_actor_length, comma_min, ...)\n"
    "      --date YYYY-MM-DD   the date of the .txt articles (default: the first date\n"
    "                          written in full at the start of the text, e.g. its\n"
    "                          dateline \"GENEVA, March 3, 2025 -\")\n"
    "      --id ID             the article id of a single .txt input (default:\n"
    "                          the file name without its extension)\n"
    "      --format FORMAT     what standard input and files without a known\n"
    "                          extension hold: jsonl, xml or txt (default: '<'\n"
    "                          first means xml, anything else jsonl)\n"
    "  -j, --jobs N            code on N threads (default: one per CPU); the output\n"
    "                          is in input order and the same for every N\n"
    "  -q, --quiet             no progress line (shown only when standard error\n"
    "                          is a terminal)\n"
    "      --stats FILE        write the counts, errors by kind, time and rates\n"
    "                          as one JSON object to FILE\n"
    "      --resume            with -o FILE: continue an interrupted run of the\n"
    "                          same command where its committed output ends\n"
    "                          (progress is kept in FILE.dyad-resume)\n"
    "  -h, --help              show this help\n"
    "\n"
    "Ends with one line on standard error:\n"
    "  dyad: records read N, coded N, events N, errors N, discarded N\n"
    "Exit status: 0 all records coded or discarded; 1 some records failed;\n"
    "2 fatal (bad usage, unreadable dictionary or input, unwritable output,\n"
    "or interrupted by SIGINT/SIGTERM).\n";

enum { OPT_DICT = 1, OPT_NO_DEFAULT, OPT_OUTPUT, OPT_ERRORS, OPT_OPTION,
       OPT_TIMING, OPT_HELP, OPT_DATE, OPT_ID, OPT_FORMAT, OPT_JOBS, OPT_QUIET,
       OPT_STATS, OPT_RESUME };

static const cli_opt code_opts[] = {
    { "dict", 'd', 1, OPT_DICT },
    { "no-default-dict", 0, 0, OPT_NO_DEFAULT },
    { "output", 'o', 1, OPT_OUTPUT },
    { "errors", 0, 1, OPT_ERRORS },
    { "option", 0, 1, OPT_OPTION },
    { "timing", 0, 0, OPT_TIMING },    /* undocumented in --help: for bench/ */
    { "date", 0, 1, OPT_DATE },
    { "id", 0, 1, OPT_ID },
    { "format", 0, 1, OPT_FORMAT },
    { "jobs", 'j', 1, OPT_JOBS },
    { "quiet", 'q', 0, OPT_QUIET },
    { "stats", 0, 1, OPT_STATS },
    { "resume", 0, 0, OPT_RESUME },
    { "help", 'h', 0, OPT_HELP },
    { NULL, 0, 0, 0 },
};

/* More threads than this gain nothing and only cost memory. */
#define MAX_JOBS 256
/* With --resume, how often the output is synced and the journal replaced:
 * at most this much work is redone after a crash, and syncing twice a
 * second costs little next to coding. */
#define COMMIT_INTERVAL_S 0.5

typedef struct code_args {
    cli_dict *dicts;
    size_t n_dicts;
    const char **operands;
    size_t n_operands;
    const char **option_args;
    size_t n_option_args;
    const char *out_path, *err_path, *date, *article_id, *stats_path;
    dyad_input_format format;    /* --format; AUTO when not given */
    unsigned jobs;               /* 0: one per CPU */
    int timing, no_defaults, quiet, resume;
} code_args;

static unsigned default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (unsigned)n;
}

static int parse_format(const char *s, dyad_input_format *out)
{
    if (strcmp(s, "jsonl") == 0)
        *out = DYAD_INPUT_JSONL;
    else if (strcmp(s, "xml") == 0)
        *out = DYAD_INPUT_PETRXML;
    else if (strcmp(s, "txt") == 0)
        *out = DYAD_INPUT_TEXT;
    else
        return -1;
    return 0;
}

/* Reads the options.  -1: stop with exit status *status (help or a usage
 * error, already reported). */
static int parse_args(int argc, char **argv, code_args *a, int *status)
{
    cli_parser p;
    cli_parser_init(&p, argc, argv, 2, "code");
    const char *val;
    int id;
    while ((id = cli_getopt(&p, code_opts, &val)) != CLI_END) {
        switch (id) {
        case CLI_OPERAND: a->operands[a->n_operands++] = val; break;
        case OPT_DICT: a->dicts[a->n_dicts++] = cli_dict_spec(val); break;
        case OPT_NO_DEFAULT: a->no_defaults = 1; break;
        case OPT_OUTPUT: a->out_path = val; break;
        case OPT_ERRORS: a->err_path = val; break;
        case OPT_OPTION: a->option_args[a->n_option_args++] = val; break;
        case OPT_TIMING: a->timing = 1; break;
        case OPT_DATE: a->date = val; break;
        case OPT_ID: a->article_id = val; break;
        case OPT_QUIET: a->quiet = 1; break;
        case OPT_STATS: a->stats_path = val; break;
        case OPT_RESUME: a->resume = 1; break;
        case OPT_FORMAT:
            if (parse_format(val, &a->format) != 0) {
                *status = cli_usage_error("code", "--format '%s': want jsonl, xml or txt", val);
                return -1;
            }
            break;
        case OPT_JOBS: {
            char *end;
            errno = 0;
            long n = strtol(val, &end, 10);
            if (errno || end == val || *end || n < 1 || n > MAX_JOBS) {
                *status = cli_usage_error("code", "--jobs '%s': want a number of threads "
                                          "from 1 to %d", val, MAX_JOBS);
                return -1;
            }
            a->jobs = (unsigned)n;
            break;
        }
        case OPT_HELP:
            fputs(code_usage, stdout);
            *status = CLI_EXIT_OK;
            return -1;
        default:
            *status = CLI_EXIT_FATAL;
            return -1;
        }
    }
    return 0;
}

/* The checks that need the expanded inputs.  0, or a usage error's status. */
static int check_args(const code_args *a, const code_inputs *in)
{
    size_t n_txt = 0;
    for (size_t i = 0; i < in->n; i++)
        n_txt += in->items[i].format == DYAD_INPUT_TEXT;
    if (a->date && !cli_valid_date(a->date))
        return cli_usage_error("code", "--date '%s': want a date written YYYY-MM-DD", a->date);

    if (a->article_id && n_txt != 1)
        return cli_usage_error("code", "--id names the article of one .txt input (%zu given)",
                               n_txt);
    if (a->article_id && !*a->article_id)
        return cli_usage_error("code", "--id needs a non-empty id");
    if (a->n_dicts == 0 && a->no_defaults) {
        cli_msg("--no-default-dict without --dict leaves nothing to code with: pass "
                "--dict PATH (repeatable) with the verbs, actors, agents, discards and "
                "issues files");
        return CLI_EXIT_FATAL;
    }
    if (a->resume && (!a->out_path || strcmp(a->out_path, "-") == 0))
        return cli_usage_error("code", "--resume needs -o FILE: the output must be a file "
                               "that the next run can continue");
    return 0;
}

/* Everything that decides what the output holds, for the --resume journal:
 * a run may continue another only when these are the same.  The number of
 * threads, -q and --stats do not change the output and are left out. */
static uint64_t args_hash(const code_args *a, const code_inputs *in)
{
    uint64_t h = RESUME_HASH_INIT;
    char num[64];
    resume_hash_field(&h, "dyad code " DYAD_VERSION_STRING);
    for (size_t i = 0; i < a->n_dicts; i++) {
        resume_hash_field(&h, dyad_dict_kind_name(a->dicts[i].kind));
        resume_hash_field(&h, a->dicts[i].path);
    }
    resume_hash_field(&h, a->no_defaults ? "no-default-dict" : "default-dict");
    resume_hash_field(&h, a->err_path ? a->err_path : "-");
    for (size_t i = 0; i < a->n_option_args; i++)
        resume_hash_field(&h, a->option_args[i]);
    resume_hash_field(&h, a->date ? a->date : "");
    resume_hash_field(&h, a->article_id ? a->article_id : "");
    snprintf(num, sizeof num, "%d", (int)a->format);
    resume_hash_field(&h, num);
    for (size_t i = 0; i < in->n; i++) {
        resume_hash_field(&h, in->items[i].path);
        snprintf(num, sizeof num, "%lld", in->items[i].size);
        resume_hash_field(&h, num);
    }
    return h;
}

/* Opens path to continue it: truncated to the committed size, positioned
 * at its end.  NULL with a message on failure. */
static FILE *reopen_committed(const char *path, long long committed, const char *journal)
{
    int fd = open(path, O_WRONLY | O_CREAT, 0666);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        cli_msg("cannot write %s: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    if (st.st_size < committed) {
        cli_msg("cannot resume: %s has %lld bytes, fewer than the %lld that %s says were "
                "committed (was it changed?); remove %s to start over", path,
                (long long)st.st_size, committed, journal, journal);
        close(fd);
        return NULL;
    }
    if (ftruncate(fd, (off_t)committed) != 0 || lseek(fd, 0, SEEK_END) < 0) {
        cli_msg("cannot resume %s: %s", path, strerror(errno));
        close(fd);
        return NULL;
    }
    FILE *f = fdopen(fd, "w");
    if (!f) {
        cli_msg("cannot write %s: %s", path, strerror(errno));
        close(fd);
        return NULL;
    }
    setvbuf(f, NULL, _IOFBF, (size_t)1 << 16);
    return f;
}

/* Opens the outputs, fresh or (with --resume and a journal) continued.
 * Fills sink's streams and, when resuming, its journal state; *skip gets
 * the number of records already committed.  0, or -1 (message printed). */
static int open_outputs(const code_args *a, uint64_t hash, const char *journal,
                        code_sink *sink, unsigned long long *skip)
{
    resume_state st;
    int have = 0;
    *skip = 0;
    if (journal) {
        char why[512];
        have = resume_journal_read(journal, &st, why, sizeof why);
        if (have < 0) {
            cli_msg("cannot resume from %s: %s; remove it to start over", journal, why);
            return -1;
        }
        if (have && st.args_hash != hash) {
            cli_msg("cannot resume: %s was written by a run with other arguments or "
                    "inputs; rerun that command, or remove %s to start over", journal, journal);
            return -1;
        }
        int err_is_file = a->err_path && strcmp(a->err_path, "-") != 0;
        if (have && (st.errors_bytes >= 0) != err_is_file) {
            cli_msg("cannot resume: %s does not match --errors; remove it to start over",
                    journal);
            return -1;
        }
    }
    if (have) {
        sink->out = reopen_committed(a->out_path, st.output_bytes, journal);
        sink->err = !sink->out ? NULL
                    : st.errors_bytes >= 0 ? reopen_committed(a->err_path, st.errors_bytes,
                                                              journal)
                                           : stderr;
        sink->stats = st.stats;
        *skip = st.records;
    } else {
        sink->out = cli_open_output(a->out_path, stdout);
        sink->err = sink->out ? cli_open_output(a->err_path, stderr) : NULL;
    }
    if (sink->out && !sink->err && sink->out != stdout)
        fclose(sink->out);
    if (!sink->out || !sink->err)
        return -1;
    sink->state.args_hash = hash;
    return 0;
}

static const char *signal_name(int sig)
{
    return sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "a signal";
}

/* Everything after the arguments were read and checked. */
static int run_batch(const code_args *a, const code_inputs *in, const dyad_options *opts)
{
    int status = CLI_EXIT_OK;
    double t0 = cli_now();
    dyad_engine *engine = NULL;
    size_t warnings = 0;
    if (cli_build_engine(a->dicts, a->n_dicts, !a->no_defaults, &engine, &warnings) != 0)
        return CLI_EXIT_FATAL;
    double t1 = cli_now();

    code_sink sink;
    memset(&sink, 0, sizeof sink);
    sink.out_name = a->out_path && strcmp(a->out_path, "-") ? a->out_path : "standard output";
    sink.err_name = a->err_path && strcmp(a->err_path, "-") ? a->err_path : "standard error";
    char *journal = a->resume ? resume_journal_path(a->out_path) : NULL;
    unsigned long long skip = 0;
    if (open_outputs(a, args_hash(a, in), journal, &sink, &skip) != 0) {
        free(journal);
        dyad_engine_free(engine);
        return CLI_EXIT_FATAL;
    }
    atomic_ullong bytes_read = 0;
    unsigned threads = a->jobs ? a->jobs : default_jobs();
    sink.journal = journal;
    sink.commit_interval_s = COMMIT_INTERVAL_S;
    sink.progress = !a->quiet && isatty(STDERR_FILENO);
    sink.started = sink.last_commit = t1;
    sink.bytes_read = &bytes_read;
    sink.total_bytes = in->total_size;

    code_source *src = code_source_create(in, opts, a->date, a->article_id, skip, &bytes_read);
    stop_signal_install();
    int setup_failed = code_pipeline_run(src, engine, threads, &sink) != 0;
    double t2 = cli_now();
    int stopped_by = stop_signal_received();
    int complete = code_source_complete(src) && !sink.failed && !setup_failed;
    int input_failed = code_source_failed(src);
    code_source_free(src);

    /* With --resume the last commit records where this run got to; a batch
     * that is complete needs no journal any more. */
    if (journal && !sink.failed && code_sink_commit(&sink) == 0 && complete) {
        char why[512];
        if (resume_journal_remove(journal, why, sizeof why) != 0)
            cli_msg("%s", why);
    }
    code_sink_clear_progress(&sink);
    if (cli_close_output(sink.out, sink.out_name) != 0)
        sink.failed = 1;
    if (sink.err != stderr && cli_close_output(sink.err, sink.err_name) != 0)
        sink.failed = 1;

    const code_stats *n = &sink.stats;
    if (a->timing) {
        dyad_engine_stats es;
        dyad_engine_get_stats(engine, &es);
        fprintf(stderr, "dyad: timing: engine: %zu verb forms, %zu verb patterns, %zu synsets, "
                "%zu actor phrases, %zu agent phrases, %zu discard phrases, %zu issue phrases\n",
                es.verb_forms, es.verb_patterns, es.synsets, es.actor_phrases,
                es.agent_phrases, es.discard_phrases, es.issue_phrases);
        double code_s = t2 - t1;
        fprintf(stderr, "dyad: timing: dictionaries %.3f s (%zu warnings), coding %.3f s, "
                "%.0f records/s\n", t1 - t0, warnings, code_s,
                code_s > 0 ? (double)(n->read - skip) / code_s : 0.0);
        if (n->articles > 0)
            fprintf(stderr, "dyad: timing: articles %llu, sentences %llu (%llu failed), "
                    "%.0f sentences/s\n", n->articles, n->sentences, n->sentences_failed,
                    code_s > 0 ? (double)n->sentences / code_s : 0.0);
    }
    dyad_engine_free(engine);

    if (sink.failed || input_failed || setup_failed || stopped_by)
        status = CLI_EXIT_FATAL;
    else if (n->errors)
        status = CLI_EXIT_RECORDS;
    code_run_info run = {
        .wall_s = t2 - t1, .input_bytes = atomic_load(&bytes_read), .resumed = skip,
        .threads = threads, .interrupted = stopped_by, .complete = complete,
        .exit_status = status,
    };
    if (n->sentences_failed > 0)
        cli_msg("%llu of the %llu sentences of the articles could not be coded "
                "(size limits or out of memory) and were skipped",
                n->sentences_failed, n->sentences);
    if (skip > 0)
        cli_msg("resumed after the %llu records committed by an earlier run", skip);
    if (stopped_by && journal)
        cli_msg("interrupted by %s: the output holds the events of the first %llu records; "
                "run the same command again to continue (%s)", signal_name(stopped_by),
                n->read, journal);
    else if (stopped_by)
        cli_msg("interrupted by %s: the output holds the events of the first %llu records",
                signal_name(stopped_by), n->read);
    code_stats_print_kinds(n, stderr);
    if (sink.progress)
        code_stats_print_rates(n, &run, stderr);
    if (a->stats_path && code_stats_write_json(n, &run, a->stats_path) != 0) {
        status = CLI_EXIT_FATAL;
    }
    code_stats_print_summary(n, stderr);
    free(journal);
    return status;
}

int cmd_code(int argc, char **argv)
{
    code_args a;
    memset(&a, 0, sizeof a);
    a.dicts = cli_xmalloc(sizeof *a.dicts * (size_t)argc);
    a.operands = cli_xmalloc(sizeof *a.operands * (size_t)argc);
    a.option_args = cli_xmalloc(sizeof *a.option_args * (size_t)argc);
    code_inputs in;
    memset(&in, 0, sizeof in);
    int status = CLI_EXIT_OK;

    if (parse_args(argc, argv, &a, &status) != 0)
        goto done;
    code_inputs_expand(&in, a.operands, a.n_operands, a.format);
    if ((status = check_args(&a, &in)) != 0)
        goto done;
    dyad_options opts;
    dyad_options_default(&opts);
    for (size_t i = 0; i < a.n_option_args; i++)
        if (cli_apply_option_arg(&opts, a.option_args[i]) != 0) {
            status = CLI_EXIT_FATAL;
            goto done;
        }
    status = run_batch(&a, &in, &opts);
    if (in.failed && status != CLI_EXIT_FATAL)
        status = CLI_EXIT_FATAL;
done:
    code_inputs_free(&in);
    free(a.dicts);
    free(a.operands);
    free(a.option_args);
    return status;
}

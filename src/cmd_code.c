/* cmd_code.c -- `dyad code`: parsed sentences or raw-text articles in,
 * events out as JSON lines.
 *
 * Every record (a parsed sentence, or a whole article) ends in exactly one
 * of: coded (zero or more events written), discarded (a discard-list
 * match; counted, nothing written), or an error (one error record
 * written).  So the summary always adds up:
 *     records read = coded + errors + discarded. */
#include "cli_util.h"

#include <stdlib.h>
#include <string.h>

static const char code_usage[] =
    "usage: dyad code [OPTION]... [FILE]...\n"
    "Code parsed sentences (PETRARCH XML or JSON Lines) and raw-text articles\n"
    "(.txt files, or JSON Lines records with \"text\" and no \"parse\") into\n"
    "events, one JSON object per line.  '-' or no FILE: standard input.\n"
    "\n"
    "  -d, --dict [KIND:]PATH  load a dictionary file (repeatable); KIND is one of\n"
    "                          verbs, actors, agents, discards, issues; without it\n"
    "                          the kind is recognised from the file\n"
    "      --no-default-dict   do not load the built-in dictionaries\n"
    "  -o, --output FILE       write events to FILE (default: standard output)\n"
    "      --errors FILE       write error records to FILE (default: standard error)\n"
    "      --option NAME=VALUE set a coding option before the first record\n"
    "                          (require_dyad, new_actor_length, comma_min, ...)\n"
    "      --date YYYY-MM-DD   the date of the .txt articles (required with them)\n"
    "      --id ID             the article id of a single .txt input (default:\n"
    "                          the file name without its extension)\n"
    "  -h, --help              show this help\n"
    "\n"
    "Ends with one line on standard error:\n"
    "  dyad: records read N, coded N, events N, errors N, discarded N\n"
    "Exit status: 0 all records coded or discarded; 1 some records failed;\n"
    "2 fatal (bad usage, unreadable dictionary or input, unwritable output).\n";

enum { OPT_DICT = 1, OPT_NO_DEFAULT, OPT_OUTPUT, OPT_ERRORS, OPT_OPTION,
       OPT_TIMING, OPT_HELP, OPT_DATE, OPT_ID };

static const cli_opt code_opts[] = {
    { "dict", 'd', 1, OPT_DICT },
    { "no-default-dict", 0, 0, OPT_NO_DEFAULT },
    { "output", 'o', 1, OPT_OUTPUT },
    { "errors", 0, 1, OPT_ERRORS },
    { "option", 0, 1, OPT_OPTION },
    { "timing", 0, 0, OPT_TIMING },    /* undocumented in --help: for bench/ */
    { "date", 0, 1, OPT_DATE },
    { "id", 0, 1, OPT_ID },
    { "help", 'h', 0, OPT_HELP },
    { NULL, 0, 0, 0 },
};

typedef struct code_counts {
    unsigned long long read, coded, events, errors, discarded;
    unsigned long long articles, sentences, sentences_failed;   /* raw text */
} code_counts;

typedef struct code_run {
    dyad_coder *coder;
    const char *date, *id;       /* --date, --id: for .txt articles */
    FILE *out, *err;
    const char *out_name, *err_name;
    code_counts n;
    int write_failed;
} code_run;

static const char *nz(const char *s)
{
    return s ? s : "";
}

static void write_error(code_run *run, const dyad_record *rec, const char *file,
                        const char *kind, const char *message)
{
    if (dyad_write_error_json(run->err, nz(rec->article), nz(rec->id),
                              rec->file ? rec->file : file, rec->line, kind,
                              nz(message)) != 0)
        run->write_failed = 1;
}

/* Codes one record that the reader delivered. */
static void code_record(code_run *run, const dyad_record *rec, const char *file)
{
    dyad_result res;
    dyad_status st = cli_code_record(run->coder, rec, file, &res);
    if (st == DYAD_ERR_DISCARD) {
        run->n.discarded++;
        return;
    }
    if (st != DYAD_OK) {
        const char *kind = dyad_coder_error_kind(run->coder);
        const char *msg = dyad_coder_error(run->coder);
        write_error(run, rec, file, kind && *kind ? kind : "error",
                    msg && *msg ? msg : dyad_strerror(st));
        run->n.errors++;
        return;
    }
    run->n.coded++;
    if (rec->is_article) {
        run->n.articles++;
        run->n.sentences += res.n_sentences;
        run->n.sentences_failed += res.n_sentences_failed;
    }
    for (size_t i = 0; i < res.n_events; i++) {
        if (dyad_write_event_json(run->out, rec, &res, i) != 0)
            run->write_failed = 1;
        run->n.events++;
    }
}

/* Reads and codes every record of one input; -1 when the input could not be
 * read at all (or stopped being readable). */
static int code_input(code_run *run, const char *path)
{
    dyad_reader *r = NULL;
    dyad_status st = dyad_reader_open(path, DYAD_INPUT_AUTO, &r);
    if (st != DYAD_OK) {
        const char *why = r ? dyad_reader_error(r) : NULL;
        cli_msg_path("cannot read", strcmp(path, "-") == 0 ? "standard input" : path,
                     why && *why ? why : dyad_strerror(st));
        dyad_reader_close(r);
        return -1;
    }
    int rc = 0, env_applied = 0;
    for (;;) {
        dyad_record rec;
        memset(&rec, 0, sizeof rec);
        st = dyad_reader_next(r, &rec);
        /* A <Validation> file's <Environment> comes before its first record:
         * its <Config> options apply (its dictionaries do not: `code` uses
         * only what --dict names; `dyad validate` loads them). */
        const dyad_environment *env = env_applied ? NULL : dyad_reader_environment(r);
        if (env) {
            cli_apply_config(dyad_coder_options(run->coder), env->config, env->n_config,
                             path, 0);
            env_applied = 1;
        }
        if (st == DYAD_ERR_EOF)
            break;
        run->n.read++;
        if (st == DYAD_OK) {
            if (rec.is_article && cli_has_suffix(path, ".txt")) {
                /* a .txt file brings neither date nor (always) an id */
                rec.date = run->date;
                if (run->id)
                    rec.id = rec.article = run->id;
            }
            code_record(run, &rec, path);
        } else {
            const char *why = dyad_reader_error(r);
            write_error(run, &rec, path, "bad_record",
                        why && *why ? why : dyad_strerror(st));
            run->n.errors++;
            /* The reader skips a bad record and goes on; an I/O failure or
             * out of memory means it cannot. */
            if (st == DYAD_ERR_IO || st == DYAD_ERR_NOMEM) {
                cli_msg_path("stopped reading", path, why && *why ? why : dyad_strerror(st));
                rc = -1;
                break;
            }
        }
        if (run->write_failed)
            break;
    }
    dyad_reader_close(r);
    return rc;
}

int cmd_code(int argc, char **argv)
{
    cli_parser p;
    cli_parser_init(&p, argc, argv, 2, "code");

    cli_dict *dicts = cli_xmalloc(sizeof *dicts * (size_t)argc);
    size_t n_dicts = 0;
    const char **inputs = cli_xmalloc(sizeof *inputs * (size_t)argc);
    size_t n_inputs = 0;
    const char **option_args = cli_xmalloc(sizeof *option_args * (size_t)argc);
    size_t n_option_args = 0;
    const char *out_path = NULL, *err_path = NULL;
    const char *date = NULL, *article_id = NULL;
    int timing = 0, no_defaults = 0;
    int status = CLI_EXIT_OK;

    const char *val;
    int id;
    while ((id = cli_getopt(&p, code_opts, &val)) != CLI_END) {
        switch (id) {
        case CLI_OPERAND: inputs[n_inputs++] = val; break;
        case OPT_DICT: dicts[n_dicts++] = cli_dict_spec(val); break;
        case OPT_NO_DEFAULT: no_defaults = 1; break;
        case OPT_OUTPUT: out_path = val; break;
        case OPT_ERRORS: err_path = val; break;
        case OPT_OPTION: option_args[n_option_args++] = val; break;
        case OPT_TIMING: timing = 1; break;
        case OPT_DATE: date = val; break;
        case OPT_ID: article_id = val; break;
        case OPT_HELP:
            fputs(code_usage, stdout);
            status = CLI_EXIT_OK;
            goto done_args;
        default:
            status = CLI_EXIT_FATAL;
            goto done_args;
        }
    }
    size_t n_txt = 0;
    for (size_t i = 0; i < n_inputs; i++)
        n_txt += cli_has_suffix(inputs[i], ".txt");
    if (date && !cli_valid_date(date)) {
        status = cli_usage_error("code", "--date '%s': want a date written YYYY-MM-DD", date);
        goto done_args;
    }
    if (n_txt > 0 && !date) {
        for (size_t i = 0; i < n_inputs; i++)
            if (cli_has_suffix(inputs[i], ".txt")) {
                status = cli_usage_error("code", "%s is a plain-text article: its date must "
                                         "be given with --date YYYY-MM-DD", inputs[i]);
                goto done_args;
            }
    }
    if (article_id && n_txt != 1) {
        status = cli_usage_error("code", "--id names the article of one .txt input (%zu given)",
                                 n_txt);
        goto done_args;
    }
    if (article_id && !*article_id) {
        status = cli_usage_error("code", "--id needs a non-empty id");
        goto done_args;
    }
    if (n_dicts == 0 && no_defaults) {
        cli_msg("--no-default-dict without --dict leaves nothing to code with: pass "
                "--dict PATH (repeatable) with the verbs, actors, agents, discards and "
                "issues files");
        status = CLI_EXIT_FATAL;
        goto done_args;
    }

    dyad_options opts;
    dyad_options_default(&opts);
    for (size_t i = 0; i < n_option_args; i++)
        if (cli_apply_option_arg(&opts, option_args[i]) != 0) {
            status = CLI_EXIT_FATAL;
            goto done_args;
        }

    double t0 = cli_now();
    dyad_engine *engine = NULL;
    size_t warnings = 0;
    if (cli_build_engine(dicts, n_dicts, !no_defaults, &engine, &warnings) != 0) {
        status = CLI_EXIT_FATAL;
        goto done_args;
    }
    double t1 = cli_now();

    code_run run;
    memset(&run, 0, sizeof run);
    run.out_name = out_path ? out_path : "standard output";
    run.err_name = err_path ? err_path : "standard error";
    run.out = cli_open_output(out_path, stdout);
    run.err = run.out ? cli_open_output(err_path, stderr) : NULL;
    run.coder = dyad_coder_create(engine);
    if (!run.out || !run.err || !run.coder) {
        if (!run.coder && run.out && run.err)
            cli_msg("out of memory");
        status = CLI_EXIT_FATAL;
        goto done_engine;
    }
    *dyad_coder_options(run.coder) = opts;
    run.date = date;
    run.id = article_id;

    if (n_inputs == 0)
        inputs[n_inputs++] = "-";
    int input_failed = 0;
    for (size_t i = 0; i < n_inputs && !run.write_failed; i++)
        if (code_input(&run, inputs[i]) != 0)
            input_failed = 1;
    double t2 = cli_now();

    if (cli_close_output(run.out, run.out_name) != 0)
        run.write_failed = 1;
    run.out = NULL;
    if (run.err != stderr && cli_close_output(run.err, run.err_name) != 0)
        run.write_failed = 1;
    run.err = NULL;

    if (timing) {
        dyad_engine_stats es;
        dyad_engine_get_stats(engine, &es);
        fprintf(stderr, "dyad: timing: engine: %zu verb forms, %zu verb patterns, %zu synsets, "
                "%zu actor phrases, %zu agent phrases, %zu discard phrases, %zu issue phrases\n",
                es.verb_forms, es.verb_patterns, es.synsets, es.actor_phrases,
                es.agent_phrases, es.discard_phrases, es.issue_phrases);
        double code_s = t2 - t1;
        fprintf(stderr, "dyad: timing: dictionaries %.3f s (%zu warnings), coding %.3f s, "
                "%.0f records/s\n", t1 - t0, warnings, code_s,
                code_s > 0 ? (double)run.n.read / code_s : 0.0);
        if (run.n.articles > 0)
            fprintf(stderr, "dyad: timing: articles %llu, sentences %llu (%llu failed), "
                    "%.0f sentences/s\n", run.n.articles, run.n.sentences,
                    run.n.sentences_failed,
                    code_s > 0 ? (double)run.n.sentences / code_s : 0.0);
    }
    if (run.n.sentences_failed > 0)
        cli_msg("%llu of the %llu sentences of the articles could not be coded "
                "(size limits or out of memory) and were skipped",
                run.n.sentences_failed, run.n.sentences);
    fprintf(stderr, "dyad: records read %llu, coded %llu, events %llu, errors %llu, "
            "discarded %llu\n", run.n.read, run.n.coded, run.n.events, run.n.errors,
            run.n.discarded);
    if (run.write_failed || input_failed)
        status = CLI_EXIT_FATAL;
    else if (run.n.errors)
        status = CLI_EXIT_RECORDS;

done_engine:
    if (run.out)
        cli_close_output(run.out, run.out_name);
    if (run.err && run.err != stderr)
        cli_close_output(run.err, run.err_name);
    dyad_coder_free(run.coder);
    dyad_engine_free(engine);
done_args:
    free(dicts);
    free(inputs);
    free(option_args);
    return status;
}

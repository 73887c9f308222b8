/* cli_util.c -- helpers shared by the dyad subcommands. */
#include "cli_util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- messages and memory ------------------------------------------ */

void cli_msg(const char *fmt, ...)
{
    va_list ap;
    fputs("dyad: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void cli_msg_path(const char *what, const char *path, const char *why)
{
    if (why && path && *path && strstr(why, path))
        cli_msg("%s: %s", what, why);
    else
        cli_msg("%s %s: %s", what, path ? path : "", why ? why : "");
}

static void cli_nomem(void)
{
    fputs("dyad: out of memory\n", stderr);
    exit(CLI_EXIT_FATAL);
}

void *cli_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        cli_nomem();
    return p;
}

void *cli_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        cli_nomem();
    return q;
}

char *cli_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = cli_xmalloc(n);
    memcpy(d, s, n);
    return d;
}

char *cli_xprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        cli_nomem();
    char *s = cli_xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

/* ---- argument parsing -------------------------------------------- */

void cli_parser_init(cli_parser *p, int argc, char **argv, int first, const char *cmd)
{
    p->argc = argc;
    p->argv = argv;
    p->i = first;
    p->only_operands = 0;
    p->cmd = cmd;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fputs("dyad: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\ntry 'dyad%s%s --help'\n", cmd ? " " : "", cmd ? cmd : "");
    return CLI_EXIT_FATAL;
}

static const cli_opt *find_long(const cli_opt *opts, const char *name, size_t len)
{
    for (; opts->id; opts++)
        if (opts->long_name && strlen(opts->long_name) == len &&
            memcmp(opts->long_name, name, len) == 0)
            return opts;
    return NULL;
}

static const cli_opt *find_short(const cli_opt *opts, char c)
{
    for (; opts->id; opts++)
        if (opts->short_name && opts->short_name == c)
            return opts;
    return NULL;
}

int cli_getopt(cli_parser *p, const cli_opt *opts, const char **val)
{
    *val = NULL;
    if (p->i >= p->argc)
        return CLI_END;
    const char *a = p->argv[p->i++];
    if (p->only_operands || a[0] != '-' || a[1] == '\0') {
        *val = a;                           /* a file name, or "-" */
        return CLI_OPERAND;
    }
    if (a[1] == '-') {
        if (a[2] == '\0') {                 /* "--" */
            p->only_operands = 1;
            return cli_getopt(p, opts, val);
        }
        const char *name = a + 2;
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        const cli_opt *o = find_long(opts, name, len);
        if (!o) {
            cli_usage_error(p->cmd, "unknown option '--%.*s'", (int)len, name);
            return CLI_BAD;
        }
        if (!o->has_arg) {
            if (eq) {
                cli_usage_error(p->cmd, "option '--%s' takes no value", o->long_name);
                return CLI_BAD;
            }
            return o->id;
        }
        if (eq) {
            *val = eq + 1;
        } else if (p->i < p->argc) {
            *val = p->argv[p->i++];
        } else {
            cli_usage_error(p->cmd, "option '--%s' needs a value", o->long_name);
            return CLI_BAD;
        }
        return o->id;
    }
    /* One short option per argument: "-o FILE" or "-oFILE"; "-v". */
    const cli_opt *o = find_short(opts, a[1]);
    if (!o) {
        cli_usage_error(p->cmd, "unknown option '%s'", a);
        return CLI_BAD;
    }
    if (!o->has_arg) {
        if (a[2] != '\0') {
            cli_usage_error(p->cmd, "unknown option '%s'", a);
            return CLI_BAD;
        }
        return o->id;
    }
    if (a[2] != '\0') {
        *val = a + 2;
    } else if (p->i < p->argc) {
        *val = p->argv[p->i++];
    } else {
        cli_usage_error(p->cmd, "option '-%c' needs a value", a[1]);
        return CLI_BAD;
    }
    return o->id;
}

/* ---- dictionaries -------------------------------------------------- */

cli_dict cli_dict_spec(const char *spec)
{
    cli_dict d = { DYAD_DICT_AUTO, spec };
    const char *colon = strchr(spec, ':');
    if (colon && colon != spec && (size_t)(colon - spec) < 16) {
        char kind[16];
        memcpy(kind, spec, (size_t)(colon - spec));
        kind[colon - spec] = '\0';
        dyad_dict_kind k;
        if (dyad_dict_kind_parse(kind, &k) == 0) {
            d.kind = k;
            d.path = colon + 1;
        }
    }
    return d;
}

static void print_diag(void *user, const char *file, long line, const char *message)
{
    (void)user;
    if (line > 0)
        fprintf(stderr, "%s:%ld: %s\n", file ? file : "?", line, message);
    else
        fprintf(stderr, "%s: %s\n", file ? file : "?", message);
}

int cli_build_engine(const cli_dict *dicts, size_t n, int with_defaults,
                     dyad_engine **out, size_t *warnings)
{
    *out = NULL;
    if (warnings)
        *warnings = 0;
    dyad_builder *b = dyad_builder_create();
    if (!b) {
        cli_msg("out of memory");
        return -1;
    }
    dyad_builder_set_diag(b, print_diag, NULL);
    for (size_t i = 0; i < n; i++) {
        dyad_status st = dyad_builder_add_file(b, dicts[i].kind, dicts[i].path);
        if (st != DYAD_OK) {
            const char *why = dyad_builder_last_error(b);
            cli_msg_path("cannot load dictionary", dicts[i].path,
                         why && *why ? why : dyad_strerror(st));
            dyad_builder_free(b);
            return -1;
        }
    }
    if (with_defaults) {
        dyad_status st = dyad_builder_add_defaults(b);
        if (st != DYAD_OK) {
            const char *why = dyad_builder_last_error(b);
            cli_msg("cannot load the built-in dictionaries: %s",
                    why && *why ? why : dyad_strerror(st));
            dyad_builder_free(b);
            return -1;
        }
    }
    if (warnings)
        *warnings = dyad_builder_warning_count(b);
    dyad_status st = dyad_engine_build(b, out);
    if (st != DYAD_OK) {
        const char *why = dyad_builder_last_error(b);
        cli_msg("cannot build the dictionaries: %s", why && *why ? why : dyad_strerror(st));
        dyad_builder_free(b);
        *out = NULL;
        return -1;
    }
    dyad_builder_free(b);
    return 0;
}

/* ---- options ------------------------------------------------------- */

/* PETRARCH options that only concern its own output or interface: accepted
 * in <Config> so that PETRARCH files load without noise. */
static const char *const petrarch_only[] = {
    "stop_on_error", "write_actor_root", "write_actor_text", "write_event_text",
    "null_verbs", "null_actors", "code_by_sentence", "pause_by_sentence",
    "pause_by_story", NULL,
};

static int is_petrarch_only(const char *name)
{
    for (size_t i = 0; petrarch_only[i]; i++)
        if (strcmp(name, petrarch_only[i]) == 0)
            return 1;
    return 0;
}

size_t cli_apply_config(dyad_options *o, const dyad_config_opt *cfg, size_t n,
                        const char *file, long line)
{
    size_t bad = 0;
    for (size_t i = 0; i < n; i++) {
        const char *name = cfg[i].name ? cfg[i].name : "";
        const char *value = cfg[i].value ? cfg[i].value : "";
        if (dyad_options_set(o, name, value) == 0 || is_petrarch_only(name))
            continue;
        bad++;
        if (file && line > 0)
            fprintf(stderr, "%s:%ld: ", file, line);
        else if (file)
            fprintf(stderr, "%s: ", file);
        else
            fputs("dyad: ", stderr);
        fprintf(stderr, "ignored <Config> option \"%s\" = \"%s\" (unknown option or bad value)\n",
                name, value);
    }
    return bad;
}

dyad_status cli_code_record(dyad_coder *c, const dyad_record *rec, const char *file,
                            dyad_result *res)
{
    if (rec->n_config)
        cli_apply_config(dyad_coder_options(c), rec->config, rec->n_config,
                         rec->file ? rec->file : file, rec->line);
    return cli_code_record_as_is(c, rec, res);
}

dyad_status cli_code_record_as_is(dyad_coder *c, const dyad_record *rec, dyad_result *res)
{
    memset(res, 0, sizeof *res);
    if (rec->is_article) {
        const dyad_article a = {
            .id = rec->id ? rec->id : "",
            .date = rec->date ? rec->date : "",
            .text = rec->text ? rec->text : "",
            .text_len = rec->text ? rec->text_len : 0,
        };
        return dyad_code_article(c, &a, res);
    }
    const dyad_sentence s = {
        .id = rec->id ? rec->id : "",
        .date = rec->date ? rec->date : "",
        .text = rec->text,
        .parse = rec->parse ? rec->parse : "",
        .parse_len = rec->parse ? rec->parse_len : 0,
    };
    return dyad_code_sentence(c, &s, res);
}

int cli_apply_option_arg(dyad_options *o, const char *arg)
{
    const char *eq = strchr(arg, '=');
    if (!eq || eq == arg) {
        cli_msg("--option needs NAME=VALUE, got '%s'", arg);
        return -1;
    }
    char *name = cli_xstrdup(arg);
    name[eq - arg] = '\0';
    int rc = dyad_options_set(o, name, eq + 1);
    if (rc != 0)
        cli_msg("--option %s: unknown option or bad value", arg);
    free(name);
    return rc == 0 ? 0 : -1;
}

int cli_has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    if (k > n)
        return 0;
    for (size_t i = 0; i < k; i++) {
        char c = s[n - k + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != suffix[i])
            return 0;
    }
    return 1;
}

int cli_valid_date(const char *s)
{
    static const char shape[] = "dddd-dd-dd";
    if (strlen(s) != sizeof shape - 1)
        return 0;
    for (size_t i = 0; shape[i]; i++)
        if (shape[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != shape[i])
            return 0;
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    int day = (s[8] - '0') * 10 + (s[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/* ---- output -------------------------------------------------------- */

FILE *cli_open_output(const char *path, FILE *dflt)
{
    if (!path || strcmp(path, "-") == 0)
        return dflt;
    FILE *f = fopen(path, "w");
    if (!f) {
        cli_msg("cannot write %s: %s", path, strerror(errno));
        return NULL;
    }
    setvbuf(f, NULL, _IOFBF, (size_t)1 << 16);   /* fewer write calls */
    return f;
}

int cli_close_output(FILE *f, const char *name)
{
    if (!f)
        return 0;
    int bad = fflush(f) != 0 || ferror(f);
    int err = errno;
    if (f != stdout && f != stderr) {
        if (fclose(f) != 0 && !bad) {
            bad = 1;
            err = errno;
        }
    }
    if (bad) {
        cli_msg("error writing %s: %s", name ? name : "output", strerror(err));
        return -1;
    }
    return 0;
}

/* ---- time ---------------------------------------------------------- */

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

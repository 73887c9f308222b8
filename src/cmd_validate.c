/* cmd_validate.c -- `dyad validate`: codes a PETRARCH <Validation> file
 * with the dictionaries its <Environment> names and compares every record
 * with its expected <EventCoding>s.
 *
 * A record passes when
 *   - it expects events: coding succeeds and the set of (source, target,
 *     code) produced equals the expected set (order and duplicates ignored;
 *     an empty actor code compares equal to PETRARCH's null code "---");
 *   - it expects noevents: coding produces no event (a discard counts);
 *   - it expects error="X": coding fails or discards with kind X.
 * A record without any <EventCoding> expects no events, as PETRARCH's
 * validation format defines ("equivalent to noevents"). */
#include "cli_util.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char validate_usage[] =
    "usage: dyad validate [OPTION]... RECORDS.xml\n"
    "Code a PETRARCH validation file with the dictionaries named in its\n"
    "<Environment> and compare each record with its expected <EventCoding>s.\n"
    "\n"
    "      --dict-dir DIR   where the dictionaries are (default: the directory of\n"
    "                       RECORDS.xml, then ../dictionaries beside it)\n"
    "      --events FILE    also write every event produced as JSON lines to FILE\n"
    "      --from-text      code each record from its <Text> alone, as a raw-text\n"
    "                       article (its <Parse> is ignored)\n"
    "  -v, --verbose        print passing records too\n"
    "  -h, --help           show this help\n"
    "\n"
    "Prints 'FAIL <id> [<category>]: expected {...} got {...}' per failure, then\n"
    "'CATEGORY: passed/total' per category and finally 'N passed, N failed'.\n"
    "Exit status: 0 none failed; 1 some failed; 2 fatal (bad usage, no\n"
    "<Environment>, missing or unreadable dictionary).\n";

enum { OPT_DICT_DIR = 1, OPT_EVENTS, OPT_VERBOSE, OPT_HELP, OPT_FROM_TEXT };

static const cli_opt validate_opts[] = {
    { "dict-dir", 0, 1, OPT_DICT_DIR },
    { "events", 0, 1, OPT_EVENTS },
    { "verbose", 'v', 0, OPT_VERBOSE },
    { "from-text", 0, 0, OPT_FROM_TEXT },
    { "help", 'h', 0, OPT_HELP },
    { NULL, 0, 0, 0 },
};

/* ---- sets of (source, target, code) -------------------------------- */

typedef struct triple_set {
    char **items;
    size_t n, cap;
} triple_set;

static const char *actor_code(const char *c)
{
    return c && *c ? c : "---";
}

static void set_add(triple_set *s, const char *src, const char *tgt, const char *code)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 8;
        s->items = cli_xrealloc(s->items, s->cap * sizeof *s->items);
    }
    s->items[s->n++] = cli_xprintf("(%s,%s,%s)", actor_code(src), actor_code(tgt),
                                   code ? code : "");
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts and removes duplicates. */
static void set_finish(triple_set *s)
{
    if (s->n < 2)
        return;
    qsort(s->items, s->n, sizeof *s->items, cmp_str);
    size_t w = 1;
    for (size_t i = 1; i < s->n; i++) {
        if (strcmp(s->items[i], s->items[w - 1]) == 0)
            free(s->items[i]);
        else
            s->items[w++] = s->items[i];
    }
    s->n = w;
}

static int set_equal(const triple_set *a, const triple_set *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->items[i], b->items[i]) != 0)
            return 0;
    return 1;
}

static void set_print(FILE *f, const triple_set *s)
{
    fputc('{', f);
    for (size_t i = 0; i < s->n; i++)
        fprintf(f, "%s%s", i ? " " : "", s->items[i]);
    fputc('}', f);
}

static void set_clear(triple_set *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->items[i]);
    s->n = 0;
}

/* ---- per-category counts ------------------------------------------ */

typedef struct category {
    char *name;
    unsigned long passed, total;
} category;

typedef struct tally {
    category *cats;
    size_t n, cap;
    unsigned long passed, failed;
} tally;

static void tally_add(tally *t, const char *name, int pass)
{
    size_t i;
    for (i = 0; i < t->n; i++)
        if (strcmp(t->cats[i].name, name) == 0)
            break;
    if (i == t->n) {
        if (t->n == t->cap) {
            t->cap = t->cap ? 2 * t->cap : 16;
            t->cats = cli_xrealloc(t->cats, t->cap * sizeof *t->cats);
        }
        t->cats[t->n].name = cli_xstrdup(name);
        t->cats[t->n].passed = t->cats[t->n].total = 0;
        t->n++;
    }
    t->cats[i].total++;
    t->cats[i].passed += pass ? 1 : 0;
    if (pass)
        t->passed++;
    else
        t->failed++;
}

/* ---- finding the dictionaries -------------------------------------- */

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return cli_xstrdup(".");
    if (slash == path)
        return cli_xstrdup("/");
    char *d = cli_xstrdup(path);
    d[slash - path] = '\0';
    return d;
}

/* DIR/NAME, without a leading "./". */
static char *path_join(const char *dir, const char *name)
{
    return strcmp(dir, ".") == 0 ? cli_xstrdup(name) : cli_xprintf("%s/%s", dir, name);
}

/* The directory above dir, spelled without "..", when that is safe. */
static char *parent_of(const char *dir)
{
    const char *base = strrchr(dir, '/');
    base = base ? base + 1 : dir;
    if (strcmp(base, "..") == 0 || strcmp(base, ".") == 0 || *base == '\0')
        return path_join(dir, "..");
    return dir_of(dir);
}

/* Resolves a file name from the <Environment>; NULL (with a message) when
 * it is in none of the places looked at. */
static char *find_dict(const char *name, const char *dict_dir, const char *records)
{
    if (name[0] == '/')
        return cli_xstrdup(name);
    char *tried[2] = { NULL, NULL };
    size_t n_tried = 0;
    if (dict_dir) {
        tried[n_tried++] = path_join(dict_dir, name);
    } else {
        char *dir = dir_of(records);
        char *up = parent_of(dir);
        char *dicts = path_join(up, "dictionaries");
        tried[n_tried++] = path_join(dir, name);
        tried[n_tried++] = path_join(dicts, name);
        free(dicts);
        free(up);
        free(dir);
    }
    for (size_t i = 0; i < n_tried; i++) {
        if (access(tried[i], R_OK) == 0) {
            char *found = tried[i];
            for (size_t j = 0; j < n_tried; j++)
                if (j != i)
                    free(tried[j]);
            return found;
        }
    }
    if (n_tried == 1)
        cli_msg("dictionary %s named in the <Environment> of %s: cannot read %s",
                name, records, tried[0]);
    else
        cli_msg("dictionary %s named in the <Environment> of %s: not found as %s or %s "
                "(use --dict-dir)", name, records, tried[0], tried[1]);
    for (size_t j = 0; j < n_tried; j++)
        free(tried[j]);
    return NULL;
}

/* Adds the files of one <Environment> entry (a comma-separated list is
 * accepted, as PETRARCH's actorfile_list). */
static int add_env_files(cli_dict **dicts, size_t *n, size_t *cap, dyad_dict_kind kind,
                         const char *list, const char *dict_dir, const char *records)
{
    if (!list)
        return 0;
    char *copy = cli_xstrdup(list);
    char *save = NULL;
    int rc = 0;
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        while (*tok == ' ' || *tok == '\t' || *tok == '\n' || *tok == '\r')
            tok++;
        size_t len = strlen(tok);
        while (len && (tok[len - 1] == ' ' || tok[len - 1] == '\t' ||
                       tok[len - 1] == '\n' || tok[len - 1] == '\r'))
            tok[--len] = '\0';
        if (!*tok)
            continue;
        char *path = find_dict(tok, dict_dir, records);
        if (!path) {
            rc = -1;
            break;
        }
        if (*n == *cap) {
            *cap = *cap ? 2 * *cap : 8;
            *dicts = cli_xrealloc(*dicts, *cap * sizeof **dicts);
        }
        (*dicts)[(*n)++] = (cli_dict){ kind, path };
    }
    free(copy);
    return rc;
}

static int build_from_environment(const dyad_environment *env, const char *dict_dir,
                                  const char *records, dyad_engine **engine)
{
    cli_dict *dicts = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    if (add_env_files(&dicts, &n, &cap, DYAD_DICT_VERBS, env->verbfile, dict_dir, records) ||
        add_env_files(&dicts, &n, &cap, DYAD_DICT_ACTORS, env->actorfile, dict_dir, records) ||
        add_env_files(&dicts, &n, &cap, DYAD_DICT_AGENTS, env->agentfile, dict_dir, records) ||
        add_env_files(&dicts, &n, &cap, DYAD_DICT_DISCARDS, env->discardfile, dict_dir,
                      records) ||
        add_env_files(&dicts, &n, &cap, DYAD_DICT_ISSUES, env->issuefile, dict_dir, records))
        rc = -1;
    else if (n == 0) {
        cli_msg("the <Environment> of %s names no dictionaries", records);
        rc = -1;
    } else if (cli_build_engine(dicts, n, 0, engine, NULL) != 0)
        rc = -1;
    for (size_t i = 0; i < n; i++)
        free((char *)dicts[i].path);
    free(dicts);
    return rc;
}

/* ---- scoring one record -------------------------------------------- */

typedef struct validate_run {
    dyad_coder *coder;
    FILE *events;
    int verbose;
    int from_text;               /* code <Text> as an article, not <Parse> */
    int write_failed;
    tally t;
    triple_set want, got;
} validate_run;

static void validate_record(validate_run *v, const dyad_record *given, const char *file)
{
    dyad_record as_article;
    const dyad_record *rec = given;
    if (v->from_text) {
        as_article = *given;
        as_article.is_article = 1;
        as_article.parse = "";
        as_article.parse_len = 0;
        rec = &as_article;
    }
    dyad_result res;
    dyad_status st = cli_code_record(v->coder, rec, file, &res);
    /* From text, a discarded sentence leaves the article coded without it;
     * a one-sentence record whose sentence was discarded compares as
     * PETRARCH's sentencediscard. */
    int sentence_discard = v->from_text && st == DYAD_OK && res.discarded == 1 &&
                           res.n_events == 0;

    const char *kind = "";
    const char *msg = "";
    if (sentence_discard) {
        st = DYAD_ERR_DISCARD;
        kind = "sentencediscard";
        msg = "a sentence was discarded";
    } else if (st != DYAD_OK) {
        kind = dyad_coder_error_kind(v->coder);
        msg = dyad_coder_error(v->coder);
        if (!kind || !*kind) {
            if (st == DYAD_ERR_DISCARD)
                kind = res.discarded == 2 ? "storydiscard" : "sentencediscard";
            else
                kind = "error";
        }
        if (!msg || !*msg)
            msg = dyad_strerror(st);
    }

    set_clear(&v->want);
    set_clear(&v->got);
    const char *want_error = NULL;
    int want_none = 0;
    for (size_t i = 0; i < rec->n_expected; i++) {
        const dyad_expected *e = &rec->expected[i];
        if (e->error)
            want_error = e->error;
        else if (e->noevents)
            want_none = 1;
        else if (e->code)
            set_add(&v->want, e->source, e->target, e->code);
    }
    if (st == DYAD_OK) {
        for (size_t i = 0; i < res.n_events; i++) {
            const dyad_event *ev = &res.events[i];
            set_add(&v->got, ev->source.code, ev->target.code, ev->code);
            if (v->events && dyad_write_event_json(v->events, rec, &res, i) != 0)
                v->write_failed = 1;
        }
    }
    set_finish(&v->want);
    set_finish(&v->got);

    const char *id = rec->id && *rec->id ? rec->id : "?";
    const char *cat = rec->category && *rec->category ? rec->category : "(none)";
    if (!want_error && !want_none && v->want.n == 0)
        want_none = 1;          /* no <EventCoding> at all: no events expected */

    int pass;
    if (want_error)
        pass = st != DYAD_OK && strcmp(kind, want_error) == 0;
    else if (want_none)
        pass = (st == DYAD_OK || st == DYAD_ERR_DISCARD) && v->got.n == 0;
    else
        pass = st == DYAD_OK && set_equal(&v->want, &v->got);
    tally_add(&v->t, cat, pass);
    if (pass && !v->verbose)
        return;

    printf("%s %s [%s]: expected ", pass ? "PASS" : "FAIL", id, cat);
    if (want_error)
        printf("error %s", want_error);
    else if (want_none)
        fputs("noevents", stdout);
    else
        set_print(stdout, &v->want);
    fputs(" got ", stdout);
    if (st != DYAD_OK)
        printf("error %s: %s", kind, msg);
    else if (v->got.n == 0)
        fputs("{}", stdout);
    else
        set_print(stdout, &v->got);
    fputc('\n', stdout);
}

/* ---- the command --------------------------------------------------- */

int cmd_validate(int argc, char **argv)
{
    cli_parser p;
    cli_parser_init(&p, argc, argv, 2, "validate");
    const char *records = NULL, *dict_dir = NULL, *events_path = NULL;
    int verbose = 0, from_text = 0;
    const char *val;
    int id;
    while ((id = cli_getopt(&p, validate_opts, &val)) != CLI_END) {
        switch (id) {
        case CLI_OPERAND:
            if (records)
                return cli_usage_error("validate", "one RECORDS file only (got '%s' and '%s')",
                                       records, val);
            records = val;
            break;
        case OPT_DICT_DIR: dict_dir = val; break;
        case OPT_EVENTS: events_path = val; break;
        case OPT_VERBOSE: verbose = 1; break;
        case OPT_FROM_TEXT: from_text = 1; break;
        case OPT_HELP: fputs(validate_usage, stdout); return CLI_EXIT_OK;
        default: return CLI_EXIT_FATAL;
        }
    }
    if (!records)
        return cli_usage_error("validate", "missing RECORDS file");
    if (strcmp(records, "-") == 0)
        return cli_usage_error("validate", "RECORDS must be a file (its directory locates "
                               "the dictionaries)");

    dyad_reader *r = NULL;
    dyad_status st = dyad_reader_open(records, DYAD_INPUT_PETRXML, &r);
    if (st != DYAD_OK) {
        const char *why = r ? dyad_reader_error(r) : NULL;
        cli_msg_path("cannot read", records, why && *why ? why : dyad_strerror(st));
        dyad_reader_close(r);
        return CLI_EXIT_FATAL;
    }

    validate_run v;
    memset(&v, 0, sizeof v);
    v.verbose = verbose;
    v.from_text = from_text;
    dyad_engine *engine = NULL;
    int status = CLI_EXIT_FATAL;

    /* The <Environment> comes before the first record, so the reader knows
     * it once the first record has been asked for. */
    dyad_record rec;
    memset(&rec, 0, sizeof rec);
    st = dyad_reader_next(r, &rec);
    const dyad_environment *env = dyad_reader_environment(r);
    if (!env) {
        cli_msg("%s has no <Environment> block: not a PETRARCH validation file "
                "(use 'dyad code' for plain records)", records);
        goto done;
    }
    if (build_from_environment(env, dict_dir, records, &engine) != 0)
        goto done;
    v.coder = dyad_coder_create(engine);
    if (!v.coder) {
        cli_msg("out of memory");
        goto done;
    }
    if (events_path) {
        v.events = cli_open_output(events_path, stdout);
        if (!v.events)
            goto done;
    }
    cli_apply_config(dyad_coder_options(v.coder), env->config, env->n_config, records, 0);
    /* The expected codings are PETRARCH's, sentence by sentence: the
     * article-level resolution of --from-text coding (negation, reporting
     * frames, coreference; docs/resolution.md) is not part of them. */
    dyad_coder_options(v.coder)->resolve = 0;

    while (st != DYAD_ERR_EOF) {
        if (st == DYAD_OK) {
            validate_record(&v, &rec, records);
        } else {
            const char *why = dyad_reader_error(r);
            printf("FAIL %s [%s]: unreadable record: %s\n",
                   rec.id && *rec.id ? rec.id : "?",
                   rec.category && *rec.category ? rec.category : "(none)",
                   why && *why ? why : dyad_strerror(st));
            tally_add(&v.t, rec.category && *rec.category ? rec.category : "(none)", 0);
            if (st == DYAD_ERR_IO || st == DYAD_ERR_NOMEM) {
                cli_msg("stopped reading %s", records);
                break;
            }
        }
        if (v.write_failed)
            break;
        memset(&rec, 0, sizeof rec);
        st = dyad_reader_next(r, &rec);
    }

    for (size_t i = 0; i < v.t.n; i++)
        printf("%s: %lu/%lu\n", v.t.cats[i].name, v.t.cats[i].passed, v.t.cats[i].total);
    printf("%lu passed, %lu failed\n", v.t.passed, v.t.failed);
    if (fflush(stdout) != 0)
        v.write_failed = 1;
    if (v.events && cli_close_output(v.events, events_path) != 0)
        v.write_failed = 1;
    v.events = NULL;
    if (v.write_failed)
        status = CLI_EXIT_FATAL;
    else
        status = v.t.failed ? CLI_EXIT_RECORDS : CLI_EXIT_OK;

done:
    if (v.events)
        cli_close_output(v.events, events_path);
    set_clear(&v.want);
    set_clear(&v.got);
    free(v.want.items);
    free(v.got.items);
    for (size_t i = 0; i < v.t.n; i++)
        free(v.t.cats[i].name);
    free(v.t.cats);
    dyad_coder_free(v.coder);
    dyad_engine_free(engine);
    dyad_reader_close(r);
    return status;
}

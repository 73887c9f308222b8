/* builder.c -- collects dictionary files and compiles them into the
 * immutable engine (public API: dyad_builder_*, dyad_engine_*).
 *
 * Files are parsed as they are added, so a bad path or an unrecognisable
 * file is reported at the call that names it; dyad_engine_build() only
 * finishes the tables and hands them over. */
#define _GNU_SOURCE /* memmem */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/diag.h"
#include "dict/engine.h"
#include "dict/defaults.h"
#include "doc/places.h"
#include "dict/verbs.h"

/* Largest dictionary file accepted (the Phoenix actors file is ~1.5 MB). */
#define DY_DICT_MAX_FILE (512u * 1024u * 1024u)

struct dyad_builder {
    dy_intern *words;
    dy_verbs *verbs;
    dy_actors *actors;
    dy_agents *agents;
    dy_discards *discards;
    dy_issues *issues;
    dy_diag_sink sink;
    dy_msg err;
    bool failed;               /* out of memory while building: unusable */
};

static const char *const kind_names[] = {
    [DYAD_DICT_AUTO] = "auto",         [DYAD_DICT_VERBS] = "verbs",
    [DYAD_DICT_ACTORS] = "actors",     [DYAD_DICT_AGENTS] = "agents",
    [DYAD_DICT_DISCARDS] = "discards", [DYAD_DICT_ISSUES] = "issues",
};

const char *dyad_dict_kind_name(dyad_dict_kind kind)
{
    if ((unsigned)kind < sizeof kind_names / sizeof kind_names[0])
        return kind_names[kind];
    return "unknown";
}

int dyad_dict_kind_parse(const char *name, dyad_dict_kind *out)
{
    for (size_t k = 0; k < sizeof kind_names / sizeof kind_names[0]; k++) {
        size_t n = strlen(kind_names[k]);
        /* accept the singular too: "verb", "actor" */
        if (strcasecmp(name, kind_names[k]) == 0 ||
            (strlen(name) == n - 1 && strncasecmp(name, kind_names[k], n - 1) == 0)) {
            *out = (dyad_dict_kind)k;
            return 0;
        }
    }
    return -1;
}

dyad_builder *dyad_builder_create(void)
{
    dyad_builder *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    b->words = dy_intern_create();
    if (!b->words) {
        free(b);
        return NULL;
    }
    b->verbs = dy_verbs_create(b->words);
    b->actors = dy_actors_create(b->words);
    b->agents = dy_agents_create(b->words);
    b->discards = dy_discards_create(b->words);
    b->issues = dy_issues_create(b->words);
    if (!b->verbs || !b->actors || !b->agents || !b->discards || !b->issues) {
        dyad_builder_free(b);
        return NULL;
    }
    return b;
}

void dyad_builder_free(dyad_builder *b)
{
    if (!b)
        return;
    dy_verbs_free(b->verbs);
    dy_actors_free(b->actors);
    dy_agents_free(b->agents);
    dy_discards_free(b->discards);
    dy_issues_free(b->issues);
    dy_intern_free(b->words);
    free(b);
}

void dyad_builder_set_diag(dyad_builder *b, dyad_diag_fn fn, void *user)
{
    b->sink.fn = fn;
    b->sink.user = user;
}

size_t dyad_builder_warning_count(const dyad_builder *b)
{
    return b->sink.count;
}

const char *dyad_builder_last_error(const dyad_builder *b)
{
    return b->err.text;
}

/* ---- recognising a file's kind ---------------------------------- */

static bool name_has(const char *path, const char *needle)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(needle);
    for (const char *p = base; *p; p++)
        if (strncasecmp(p, needle, n) == 0)
            return true;
    return false;
}

static dyad_dict_kind kind_from_name(const char *path)
{
    if (name_has(path, "verb"))
        return DYAD_DICT_VERBS;
    if (name_has(path, "actor"))
        return DYAD_DICT_ACTORS;
    if (name_has(path, "agent"))
        return DYAD_DICT_AGENTS;
    if (name_has(path, "discard"))
        return DYAD_DICT_DISCARDS;
    if (name_has(path, "issue"))
        return DYAD_DICT_ISSUES;
    return DYAD_DICT_AUTO;
}

/* Looks at the first content lines: each format has a tell-tale shape. */
static dyad_dict_kind kind_from_content(const char *data, size_t len)
{
    int verbs = 0, issues = 0, agents = 0, actors = 0, plain = 0;
    size_t pos = 0;
    bool in_comment = false, in_synset = false;
    for (int lines = 0; pos < len && lines < 2000; lines++) {
        const char *l = data + pos;
        const char *nl = memchr(l, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - l) : len - pos;
        pos += n + 1;
        if (in_comment) {
            if (n >= 3 && memmem(l, n, "-->", 3))
                in_comment = false;
            continue;
        }
        if (n >= 4 && memcmp(l, "<!--", 4) == 0) {
            in_comment = !memmem(l, n, "-->", 3);
            continue;
        }
        if (n == 0 || l[0] == '#' || l[0] == '\r')
            continue;
        if (l[0] == '&') {                 /* synsets exist only in verb files */
            verbs += 2;
            in_synset = true;
            continue;
        }
        if (l[0] == '+' && in_synset) {
            verbs += 1;
            continue;
        }
        in_synset = false;
        if (n >= 3 && memcmp(l, "---", 3) == 0)
            verbs += 3;
        else if (l[0] == '-' && memchr(l, '*', n))
            verbs += 2;
        else if ((n >= 6 && strncasecmp(l, "<ISSUE", 6) == 0) ||
                 (n >= 2 && (strncasecmp(l, "n:", 2) == 0 || strncasecmp(l, "v:", 2) == 0)))
            issues += 2;
        else if (memmem(l, n, "[~", 2) || memmem(l, n, "~]", 2) || (l[0] == '!' && memchr(l, '=', n)))
            agents += 2;
        else if (l[0] == '\t' && memchr(l, '[', n))
            actors += 2;
        else if (l[0] == '+' || memchr(l, '[', n))
            actors += 1;
        else
            plain += 1;
    }
    int best = verbs;
    dyad_dict_kind kind = verbs ? DYAD_DICT_VERBS : DYAD_DICT_AUTO;
    if (issues > best) best = issues, kind = DYAD_DICT_ISSUES;
    if (agents > best) best = agents, kind = DYAD_DICT_AGENTS;
    if (actors > best) best = actors, kind = DYAD_DICT_ACTORS;
    if (best == 0 && plain > 0)
        kind = DYAD_DICT_DISCARDS;
    return kind;
}

dyad_status dyad_builder_add_buffer(dyad_builder *b, dyad_dict_kind kind,
                                    const char *name, const char *data,
                                    size_t len)
{
    if (!b || (!data && len) || (unsigned)kind > DYAD_DICT_ISSUES)
        return dy_fail(b ? &b->err : NULL, DYAD_ERR_ARG, "invalid argument");
    if (b->failed)
        return dy_fail(&b->err, DYAD_ERR_NOMEM, "builder is unusable after running out of memory");
    if (!name)
        name = "(buffer)";
    if (kind == DYAD_DICT_AUTO)
        kind = kind_from_name(name);
    if (kind == DYAD_DICT_AUTO)
        kind = kind_from_content(data, len);
    if (kind == DYAD_DICT_AUTO)
        return dy_fail(&b->err, DYAD_ERR_DICT,
                       "%s: cannot tell which kind of dictionary this is; "
                       "give it as KIND:PATH (verbs, actors, agents, discards, issues)",
                       name);
    dyad_status st;
    switch (kind) {
    case DYAD_DICT_VERBS: st = dy_verbs_load(b->verbs, name, data, len, &b->sink); break;
    case DYAD_DICT_ACTORS: st = dy_actors_load(b->actors, name, data, len, &b->sink); break;
    case DYAD_DICT_AGENTS: st = dy_agents_load(b->agents, name, data, len, &b->sink); break;
    case DYAD_DICT_DISCARDS: st = dy_discards_load(b->discards, name, data, len, &b->sink); break;
    case DYAD_DICT_ISSUES: st = dy_issues_load(b->issues, name, data, len, &b->sink); break;
    default: st = DYAD_ERR_ARG; break;
    }
    if (st == DYAD_ERR_NOMEM)
        b->failed = true;
    if (st != DYAD_OK)
        return dy_fail(&b->err, st, "%s: %s", name, dyad_strerror(st));
    return DYAD_OK;
}

dyad_status dyad_builder_add_defaults(dyad_builder *b)
{
    if (!b)
        return DYAD_ERR_ARG;
    b->sink.muted = 1;
    dyad_status st = DYAD_OK;
    for (size_t i = 0; i < dy_default_dict_count && st == DYAD_OK; i++) {
        const dy_default_dict *d = &dy_default_dicts[i];
        char name[128];
        snprintf(name, sizeof name, "(default)/%s", d->name);
        st = dyad_builder_add_buffer(b, kind_from_name(d->name), name, d->data, d->len);
    }
    b->sink.muted = 0;
    return st;
}

dyad_status dyad_builder_add_file(dyad_builder *b, dyad_dict_kind kind,
                                  const char *path)
{
    if (!b || !path)
        return dy_fail(b ? &b->err : NULL, DYAD_ERR_ARG, "invalid argument");
    FILE *f = fopen(path, "rb");
    if (!f)
        return dy_fail(&b->err, DYAD_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    char *data = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len == cap) {
            if (cap >= DY_DICT_MAX_FILE) {
                fclose(f);
                free(data);
                return dy_fail(&b->err, DYAD_ERR_LIMIT, "%s: larger than %u bytes", path,
                               DY_DICT_MAX_FILE);
            }
            size_t ncap = cap ? cap * 2 : 1u << 16;
            char *nd = realloc(data, ncap);
            if (!nd) {
                fclose(f);
                free(data);
                return dy_fail(&b->err, DYAD_ERR_NOMEM, "%s: out of memory", path);
            }
            data = nd;
            cap = ncap;
        }
        size_t got = fread(data + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    bool read_error = ferror(f);
    fclose(f);
    if (read_error) {
        free(data);
        return dy_fail(&b->err, DYAD_ERR_IO, "%s: read error", path);
    }
    dyad_status st = dyad_builder_add_buffer(b, kind, path, data, len);
    free(data);
    return st;
}

dyad_status dyad_engine_build(dyad_builder *b, dyad_engine **out)
{
    *out = NULL;
    if (b->failed)
        return dy_fail(&b->err, DYAD_ERR_NOMEM, "out of memory while loading dictionaries");
    dyad_status st;
    if ((st = dy_verbs_finish(b->verbs)) != DYAD_OK ||
        (st = dy_actors_finish(b->actors)) != DYAD_OK ||
        (st = dy_agents_finish(b->agents)) != DYAD_OK ||
        (st = dy_discards_finish(b->discards)) != DYAD_OK ||
        (st = dy_issues_finish(b->issues)) != DYAD_OK)
        return dy_fail(&b->err, st, "finishing dictionaries: %s", dyad_strerror(st));
    dyad_engine *e = calloc(1, sizeof *e);
    if (!e)
        return dy_fail(&b->err, DYAD_ERR_NOMEM, "out of memory");
    if (pthread_mutex_init(&e->places_lock, NULL) != 0) {
        free(e);
        return dy_fail(&b->err, DYAD_ERR_NOMEM, "cannot create a lock");
    }
    atomic_init(&e->places, NULL);
    atomic_init(&e->places_tried, false);
    e->words = b->words;
    e->verbs = b->verbs;
    e->actors = b->actors;
    e->agents = b->agents;
    e->discards = b->discards;
    e->issues = b->issues;
    e->stats = (dyad_engine_stats){
        .verb_forms = dy_verbs_count(e->verbs),
        .verb_patterns = dy_verbs_pattern_count(e->verbs),
        .synsets = dy_verbs_synset_count(e->verbs),
        .actor_phrases = dy_actors_count(e->actors),
        .agent_phrases = dy_agents_count(e->agents),
        .discard_phrases = dy_discards_count(e->discards),
        .issue_phrases = dy_issues_count(e->issues),
        .warnings = b->sink.count,
    };
    /* The engine owns the tables now; leave the builder empty but usable
     * for freeing. */
    b->words = NULL;
    b->verbs = NULL;
    b->actors = NULL;
    b->agents = NULL;
    b->discards = NULL;
    b->issues = NULL;
    b->failed = true;
    *out = e;
    return DYAD_OK;
}

const struct dy_gazetteer *dy_engine_places(const dyad_engine *ce)
{
    dyad_engine *e = (dyad_engine *)ce;   /* the lazily built part only */
    if (atomic_load_explicit(&e->places_tried, memory_order_acquire))
        return atomic_load_explicit(&e->places, memory_order_acquire);
    pthread_mutex_lock(&e->places_lock);
    if (!atomic_load_explicit(&e->places_tried, memory_order_relaxed)) {
        dy_gazetteer *g = NULL;
        dy_msg err;
        if (dy_gazetteer_create(&g, &err) != DYAD_OK)
            g = NULL;
        atomic_store_explicit(&e->places, g, memory_order_release);
        atomic_store_explicit(&e->places_tried, true, memory_order_release);
    }
    pthread_mutex_unlock(&e->places_lock);
    return atomic_load_explicit(&e->places, memory_order_acquire);
}

void dyad_engine_free(dyad_engine *e)
{
    if (!e)
        return;
    dy_gazetteer_free(atomic_load(&e->places));
    pthread_mutex_destroy(&e->places_lock);
    dy_verbs_free(e->verbs);
    dy_actors_free(e->actors);
    dy_agents_free(e->agents);
    dy_discards_free(e->discards);
    dy_issues_free(e->issues);
    dy_intern_free(e->words);
    free(e);
}

void dyad_engine_get_stats(const dyad_engine *e, dyad_engine_stats *out)
{
    *out = e->stats;
}

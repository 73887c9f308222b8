/* agents.c -- the agent dictionary: PETRARCH ".agents" files.
 *
 *   PHRASE [~CODE]            code goes after the actor code ("~GOV")
 *   PHRASE [CODE~]            code goes before it ("NGO~")
 *   PHRASE {PLURAL} [~CODE]   explicit plural; "{}" means none
 *   !MARKER! = A, B, C        substitution set, used as "CONGRESS!MARKER!"
 *
 * Without {...} the regular plural is generated the way PETRARCH's
 * read_agent_dictionary does: a final Y becomes IES, a final S takes ES,
 * anything else takes S; phrases using a marker get no plural.  See
 * docs/dictionaries.md. */
#include "engine.h"
#include "dict/dictfile.h"
#include "dict/phrase.h"
#include "common/diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CODE_MAX 64
#define QUOTE_MAX 60
#define FORM_MAX 512            /* longest phrase after substitution, bytes */
#define FORMS_PER_LINE_MAX 256  /* substitution forms one line may produce */

struct dy_agents {
    dy_intern *words;           /* shared with the engine */
    dy_intern *codes;           /* code strings without '~' */
    dy_wordphrases *phrases;    /* payload: code id << 1 | prefix */
    dy_arena *arena;            /* file names */
    const char **phrase_file;   /* file of each phrase, for messages */
    size_t cap_phrase_file;
};

typedef struct marker {
    char name[64];
    char **items;               /* uppercased, blanks removed */
    size_t n_items;
} marker;

typedef struct agent_loader {
    dy_agents *g;
    dy_diag_sink *d;
    const char *file;
    marker *markers;            /* PETRARCH scopes them to one file */
    size_t n_markers, cap_markers;
    bool nomem;
} agent_loader;

static bool grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return true;
    size_t ncap = *cap ? *cap * 2 : 64;
    while (ncap < need)
        ncap *= 2;
    if (ncap > SIZE_MAX / size)
        return false;
    void *np = realloc(*p, ncap * size);
    if (!np)
        return false;
    *p = np;
    *cap = ncap;
    return true;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static void trim(const char **s, size_t *n)
{
    while (*n && is_blank(**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && is_blank((*s)[*n - 1]))
        (*n)--;
}

static int quote_len(size_t n)
{
    return (int)(n > QUOTE_MAX ? QUOTE_MAX : n);
}

static char upper(char c)
{
    return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

/* ------------------------------------------------------------------ */
/* Lifetime                                                            */
/* ------------------------------------------------------------------ */

dy_agents *dy_agents_create(dy_intern *words)
{
    if (!words)
        return NULL;
    dy_agents *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->words = words;
    g->codes = dy_intern_create();
    g->phrases = dy_wordphrases_create();
    g->arena = dy_arena_create(0);
    if (!g->codes || !g->phrases || !g->arena) {
        dy_agents_free(g);
        return NULL;
    }
    return g;
}

void dy_agents_free(dy_agents *g)
{
    if (!g)
        return;
    dy_intern_free(g->codes);
    dy_wordphrases_free(g->phrases);
    dy_arena_free(g->arena);
    free(g->phrase_file);
    free(g);
}

dyad_status dy_agents_finish(dy_agents *g)
{
    if (!g)
        return DYAD_ERR_ARG;
    return dy_wordphrases_finish(g->phrases) == 0 ? DYAD_OK : DYAD_ERR_NOMEM;
}

size_t dy_agents_count(const dy_agents *g)
{
    return g ? dy_wordphrases_count(g->phrases) : 0;
}

static void free_markers(agent_loader *L)
{
    for (size_t i = 0; i < L->n_markers; i++) {
        for (size_t k = 0; k < L->markers[i].n_items; k++)
            free(L->markers[i].items[k]);
        free(L->markers[i].items);
    }
    free(L->markers);
    L->markers = NULL;
    L->n_markers = L->cap_markers = 0;
}

/* ------------------------------------------------------------------ */
/* Substitution markers                                                */
/* ------------------------------------------------------------------ */

static marker *find_marker(agent_loader *L, const char *name, size_t n)
{
    for (size_t i = 0; i < L->n_markers; i++)
        if (strlen(L->markers[i].name) == n && memcmp(L->markers[i].name, name, n) == 0)
            return &L->markers[i];
    return NULL;
}

/* "!NAME! = A, B, C": a later definition of the same name replaces it. */
static void define_marker(agent_loader *L, long lineno, const char *s, size_t n)
{
    const char *bang1 = memchr(s, '!', n);
    const char *bang2 = bang1 ? memchr(bang1 + 1, '!', n - (size_t)(bang1 + 1 - s)) : NULL;
    const char *eq = bang2 ? memchr(bang2, '=', n - (size_t)(bang2 - s)) : NULL;
    if (!bang2 || !eq) {
        dy_warn(L->d, L->file, lineno,
                "substitution marker definition '%.*s' is not of the form !NAME! = A, B, ...; skipped",
                quote_len(n), s);
        return;
    }
    const char *name = bang1 + 1;
    size_t name_n = (size_t)(bang2 - name);
    const char *between = bang2 + 1;
    size_t between_n = (size_t)(eq - between);
    trim(&between, &between_n);
    if (name_n == 0 || name_n >= sizeof ((marker *)0)->name || between_n) {
        dy_warn(L->d, L->file, lineno,
                "substitution marker definition '%.*s' is not of the form !NAME! = A, B, ...; skipped",
                quote_len(n), s);
        return;
    }

    marker fresh = {0};
    memcpy(fresh.name, name, name_n);
    size_t cap_items = 0;
    const char *p = eq + 1, *end = s + n;
    while (p <= end) {
        const char *comma = memchr(p, ',', (size_t)(end - p));
        const char *stop = comma ? comma : end;
        /* "spaces are stripped from the elements of the list" */
        char item[FORM_MAX];
        size_t k = 0;
        for (const char *q = p; q < stop && k + 1 < sizeof item; q++)
            if (!is_blank(*q))
                item[k++] = upper(*q);
        if (k == 0) {
            dy_warn(L->d, L->file, lineno, "empty item in substitution set !%.*s!; ignored",
                    (int)name_n, name);
        } else {
            char *copy = malloc(k + 1);
            if (!copy || !grow((void **)&fresh.items, &cap_items, fresh.n_items + 1,
                               sizeof *fresh.items)) {
                free(copy);
                L->nomem = true;
                break;
            }
            memcpy(copy, item, k);
            copy[k] = '\0';
            fresh.items[fresh.n_items++] = copy;
        }
        if (!comma)
            break;
        p = comma + 1;
    }

    marker *old = find_marker(L, name, name_n);
    if (old) {
        for (size_t k = 0; k < old->n_items; k++)
            free(old->items[k]);
        free(old->items);
        *old = fresh;
        return;
    }
    if (!grow((void **)&L->markers, &L->cap_markers, L->n_markers + 1, sizeof *L->markers)) {
        for (size_t k = 0; k < fresh.n_items; k++)
            free(fresh.items[k]);
        free(fresh.items);
        L->nomem = true;
        return;
    }
    L->markers[L->n_markers++] = fresh;
}

/* ------------------------------------------------------------------ */
/* Phrases                                                             */
/* ------------------------------------------------------------------ */

typedef struct agent_line {
    long lineno;
    uint32_t payload;
    const char *source;         /* the line's phrase, for messages */
    size_t source_n;
    size_t forms;               /* forms produced so far */
    size_t clashes;             /* forms shadowed by or shadowing another code */
    char clash_msg[DY_MSG_MAX];        /* the first of them, reported once per line */
} agent_line;

static void store_phrase(agent_loader *L, agent_line *al, const char *s, size_t n,
                         bool generated)
{
    trim(&s, &n);
    dy_phrase_words p;
    unsigned repairs;
    unsigned char bad = 0;
    switch (dy_phrase_parse(L->g->words, s, n, &p, &repairs, &bad)) {
    case DY_PHRASE_OK:
        break;
    case DY_PHRASE_EMPTY:
        dy_warn(L->d, L->file, al->lineno, "empty agent phrase; skipped");
        return;
    case DY_PHRASE_TOO_LONG:
        dy_warn(L->d, L->file, al->lineno,
                "agent phrase '%.*s' has more than %d words or a word over %d bytes; skipped",
                quote_len(n), s, DY_PHRASE_MAX_WORDS, DY_PHRASE_MAX_WORD_BYTES);
        return;
    case DY_PHRASE_CONTROL_CHAR:
        dy_warn(L->d, L->file, al->lineno,
                "control byte 0x%02X in agent phrase (a letter lost in a conversion?); skipped",
                bad);
        return;
    case DY_PHRASE_NOMEM:
    default:
        L->nomem = true;
        return;
    }
    dy_agents *g = L->g;
    dy_phrase_clash clash;
    long index = dy_wordphrases_add(g->phrases, &p, al->payload, al->lineno, &clash);
    if (index < 0 || !grow((void **)&g->phrase_file, &g->cap_phrase_file, (size_t)index + 1,
                           sizeof *g->phrase_file)) {
        L->nomem = true;
        return;
    }
    g->phrase_file[index] = L->file;
    char text[160];
    if ((repairs & DY_PHRASE_ODD_SEPARATOR) && !generated) {
        dy_wordphrases_format(g->phrases, g->words, index, text, sizeof text);
        dy_warn(L->d, L->file, al->lineno,
                "odd separators ('_ ', '__', ' _' or a leading '_') in '%.*s'; read as '%s'",
                quote_len(n), s, text);
    }
    if (clash.dropped < 0)
        return;
    /* Of two identical phrases PETRARCH always tries the same one first
     * (the one with a final '_', else the older): the other was dropped. */
    long other = clash.kept == index ? clash.dropped : clash.kept;
    uint32_t other_payload = dy_wordphrases_payload(g->phrases, other);
    if (other_payload == al->payload)
        return;
    uint32_t kept_payload = dy_wordphrases_payload(g->phrases, clash.kept);
    const char *code = dy_intern_str(g->codes, kept_payload >> 1);
    bool prefix = kept_payload & 1;
    if (al->clashes++)
        return;   /* one message per line: the forms of a line share their fate */
    dy_wordphrases_format(g->phrases, g->words, index, text, sizeof text);
    if (clash.dropped == index)
        snprintf(al->clash_msg, sizeof al->clash_msg,
                 "agent '%s'%s is already defined at %s:%ld with code [%s%s%s]; the first definition is used",
                 text, generated ? " (a generated form)" : "", g->phrase_file[other],
                 dy_wordphrases_line(g->phrases, other), prefix ? "" : "~", code, prefix ? "~" : "");
    else
        snprintf(al->clash_msg, sizeof al->clash_msg,
                 "agent '%s'%s has a different code from the same phrase without the final '_' at %s:%ld; "
                 "this one is used (PETRARCH tries phrases written with a final '_' first)",
                 text, generated ? " (a generated form)" : "", g->phrase_file[other],
                 dy_wordphrases_line(g->phrases, other));
}

static void report_clashes(agent_loader *L, const agent_line *al)
{
    if (al->clashes == 1)
        dy_warn(L->d, L->file, al->lineno, "%s", al->clash_msg);
    else if (al->clashes > 1)
        dy_warn(L->d, L->file, al->lineno, "%s (and %zu more forms of this line)",
                al->clash_msg, al->clashes - 1);
}

/* Stores s with every !MARKER! replaced by each item of its set, in turn
 * (all combinations when there are several markers).  `prefix` holds what
 * was already expanded. */
static bool expand_markers(agent_loader *L, agent_line *al, char *prefix, size_t prefix_n,
                           const char *s, size_t n)
{
    const char *bang1 = memchr(s, '!', n);
    if (!bang1) {
        if (prefix_n + n >= FORM_MAX) {
            dy_warn(L->d, L->file, al->lineno, "agent phrase '%.*s' is too long after substitution; skipped",
                    quote_len(al->source_n), al->source);
            return false;
        }
        if (++al->forms > FORMS_PER_LINE_MAX) {
            dy_warn(L->d, L->file, al->lineno,
                    "agent phrase '%.*s' makes more than %d forms; the rest are skipped",
                    quote_len(al->source_n), al->source, FORMS_PER_LINE_MAX);
            return false;
        }
        memcpy(prefix + prefix_n, s, n);
        store_phrase(L, al, prefix, prefix_n + n, true);
        return !L->nomem;
    }
    size_t before = (size_t)(bang1 - s);
    const char *bang2 = memchr(bang1 + 1, '!', n - before - 1);
    if (!bang2) {
        dy_warn(L->d, L->file, al->lineno,
                "substitution marker in '%.*s' has no closing '!'; line skipped",
                quote_len(al->source_n), al->source);
        return false;
    }
    marker *m = find_marker(L, bang1 + 1, (size_t)(bang2 - bang1 - 1));
    if (!m) {
        dy_warn(L->d, L->file, al->lineno,
                "substitution marker !%.*s! is not defined (before this line, in this file); line skipped",
                (int)(bang2 - bang1 - 1), bang1 + 1);
        return false;
    }
    if (prefix_n + before >= FORM_MAX) {
        dy_warn(L->d, L->file, al->lineno, "agent phrase '%.*s' is too long after substitution; skipped",
                quote_len(al->source_n), al->source);
        return false;
    }
    memcpy(prefix + prefix_n, s, before);
    const char *rest = bang2 + 1;
    size_t rest_n = n - (size_t)(rest - s);
    for (size_t i = 0; i < m->n_items; i++) {
        size_t item_n = strlen(m->items[i]);
        if (prefix_n + before + item_n >= FORM_MAX) {
            dy_warn(L->d, L->file, al->lineno, "agent phrase '%.*s' is too long after substitution; skipped",
                    quote_len(al->source_n), al->source);
            return false;
        }
        memcpy(prefix + prefix_n + before, m->items[i], item_n);
        if (!expand_markers(L, al, prefix, prefix_n + before + item_n, rest, rest_n))
            return false;
    }
    return true;
}

/* The regular plural, as PETRARCH's read_agent_dictionary makes it. */
static size_t make_plural(const char *s, size_t n, char *out, size_t cap)
{
    if (n == 0 || n + 3 >= cap)
        return 0;
    memcpy(out, s, n);
    char last = upper(s[n - 1]);
    if (last == 'Y') {
        memcpy(out + n - 1, "IES", 3);
        return n + 2;
    }
    if (last == 'S') {
        memcpy(out + n, "ES", 2);
        return n + 2;
    }
    out[n] = 'S';
    return n + 1;
}

/* "[~CODE]" or "[CODE~]" contents: false (after a warning) when unusable. */
static bool parse_agent_code(agent_loader *L, long lineno, const char *s, size_t n,
                             uint32_t *payload)
{
    const char *whole = s;
    size_t whole_n = n;
    trim(&s, &n);
    bool lead = n && s[0] == '~', tail = n && s[n - 1] == '~';
    bool prefix = false;
    if (lead && tail && n >= 2) {
        dy_warn(L->d, L->file, lineno, "agent code '[%.*s]' has '~' on both sides; read as '~' before",
                quote_len(whole_n), whole);
        s++;
        n -= 2;
    } else if (lead) {
        s++;
        n--;
    } else if (tail) {
        prefix = true;
        n--;
    } else if (n) {
        dy_warn(L->d, L->file, lineno,
                "agent code '[%.*s]' has no '~'; read as '[~%.*s]' (added after the actor code)",
                quote_len(whole_n), whole, quote_len(n), s);
    }
    trim(&s, &n);
    if (n == 0) {
        dy_warn(L->d, L->file, lineno, "agent code '[%.*s]' is empty; line skipped",
                quote_len(whole_n), whole);
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (is_blank(s[i]) || s[i] == '~') {
            dy_warn(L->d, L->file, lineno, "agent code '[%.*s]' is not a single code; line skipped",
                    quote_len(whole_n), whole);
            return false;
        }
    }
    if (n > CODE_MAX) {
        dy_warn(L->d, L->file, lineno, "agent code longer than %d bytes; line skipped", CODE_MAX);
        return false;
    }
    char buf[CODE_MAX];
    for (size_t i = 0; i < n; i++)
        buf[i] = upper(s[i]);
    uint32_t id = dy_intern_add(L->g->codes, buf, n);
    if (!id) {
        L->nomem = true;
        return false;
    }
    *payload = id << 1 | (prefix ? 1u : 0u);
    return true;
}

static void agent_entry(agent_loader *L, agent_line *al, const dy_dictline *l)
{
    const char *s = l->text;
    size_t n = l->len;
    long lineno = l->lineno;

    const char *open = memchr(s, '[', n);
    if (!open) {
        dy_warn(L->d, L->file, lineno, "agent '%.*s' has no [CODE]; line skipped",
                quote_len(n), s);
        return;
    }
    size_t head_n = (size_t)(open - s);
    const char *close = memchr(open, ']', n - head_n);
    if (!close) {
        dy_warn(L->d, L->file, lineno, "missing ']' after the agent code in '%.*s'; line skipped",
                quote_len(n - head_n), open);
        return;
    }
    if (!parse_agent_code(L, lineno, open + 1, (size_t)(close - open - 1), &al->payload))
        return;
    const char *after = close + 1;
    size_t after_n = n - (size_t)(after - s);
    trim(&after, &after_n);
    if (after_n)
        dy_warn(L->d, L->file, lineno, "text after the agent code ignored: '%.*s'",
                quote_len(after_n), after);

    const char *head = s;
    trim(&head, &head_n);
    al->source = head;
    al->source_n = head_n;

    /* Split off an explicit plural "{...}". */
    const char *plural = NULL;
    size_t plural_n = 0;
    bool has_braces = false;
    const char *brace = memchr(head, '{', head_n);
    if (brace) {
        const char *rbrace = memchr(brace, '}', head_n - (size_t)(brace - head));
        if (!rbrace) {
            dy_warn(L->d, L->file, lineno, "missing '}' in agent '%.*s'; line skipped",
                    quote_len(head_n), head);
            return;
        }
        const char *tail = rbrace + 1;
        size_t tail_n = head_n - (size_t)(tail - head);
        trim(&tail, &tail_n);
        if (tail_n)
            dy_warn(L->d, L->file, lineno, "text between '}' and '[' ignored: '%.*s'",
                    quote_len(tail_n), tail);
        has_braces = true;
        plural = brace + 1;
        plural_n = (size_t)(rbrace - plural);
        trim(&plural, &plural_n);
        head_n = (size_t)(brace - head);
        trim(&head, &head_n);
        al->source_n = head_n;
    }
    if (head_n == 0) {
        dy_warn(L->d, L->file, lineno, "agent line has a code but no phrase; skipped");
        return;
    }

    char form[FORM_MAX];
    if (memchr(head, '!', head_n)) {
        /* Substituted forms get no generated plural (PETRARCH). */
        if (!expand_markers(L, al, form, 0, head, head_n) || !plural_n)
            return;
        if (memchr(plural, '!', plural_n))
            expand_markers(L, al, form, 0, plural, plural_n);
        else
            store_phrase(L, al, plural, plural_n, false);
        return;
    }
    store_phrase(L, al, head, head_n, false);
    if (has_braces) {
        if (plural_n)
            store_phrase(L, al, plural, plural_n, false);
        return;
    }
    /* A final '_' is the "no stem" marker: the phrase is taken as written. */
    if (head[head_n - 1] == '_')
        return;
    size_t k = make_plural(head, head_n, form, sizeof form);
    if (k)
        store_phrase(L, al, form, k, true);
}

static void agent_entry_line(agent_loader *L, const dy_dictline *l)
{
    agent_line al = {.lineno = l->lineno};
    agent_entry(L, &al, l);
    report_clashes(L, &al);
}

dyad_status dy_agents_load(dy_agents *g, const char *name, const char *data,
                           size_t len, dy_diag_sink *d)
{
    if (!g || (!data && len))
        return DYAD_ERR_ARG;
    agent_loader L = {.g = g, .d = d};
    L.file = dy_arena_strdup(g->arena, name ? name : "");
    if (!L.file)
        return DYAD_ERR_NOMEM;

    dy_dictfile f;
    dy_dictfile_init(&f, data, len);
    dy_dictline l;
    while (!L.nomem && dy_dictfile_next(&f, &l)) {
        if (l.len >= 2 && l.text[0] == '<' && l.text[1] == '!')
            continue;   /* PETRARCH skips any line starting "<!" */
        if (memchr(l.text, '!', l.len) && memchr(l.text, '=', l.len))
            define_marker(&L, l.lineno, l.text, l.len);
        else
            agent_entry_line(&L, &l);
    }
    if (f.pos < f.len)
        L.nomem = true;   /* the reader stopped early: out of memory */
    dy_dictfile_done(&f);
    free_markers(&L);
    return L.nomem ? DYAD_ERR_NOMEM : DYAD_OK;
}

/* dy_agents_match() for a word that starts some phrase. */
__attribute__((noinline)) static bool match_started(const dy_agents *g, const uint32_t *words,
                                                    size_t n, size_t pos, size_t *len,
                                                    const char **code, bool *prefix)
{
    dy_phrase_hit hit = dy_wordphrases_find_from(g->phrases, words, n, pos);
    if (!dy_phrase_hit_len(hit))
        return false;
    uint32_t payload = dy_phrase_hit_payload(hit);
    if (len)
        *len = dy_phrase_hit_len(hit);
    if (code)
        *code = dy_intern_str(g->codes, payload >> 1);
    if (prefix)
        *prefix = payload & 1;
    return true;
}

bool dy_agents_match(const dy_agents *g, const uint32_t *words, size_t n,
                     size_t pos, size_t *len, const char **code, bool *prefix)
{
    /* Most words start no phrase: say so without a stack frame. */
    if (!g || !words || pos >= n || !dy_wordphrases_starts(g->phrases, words[pos]))
        return false;
    return match_started(g, words, n, pos, len, code, prefix);
}

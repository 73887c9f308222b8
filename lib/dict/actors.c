/* actors.c -- the actor dictionary: PETRARCH/TABARI ".actors" files.
 *
 * An entry is a primary phrase, optional "+synonym" lines and optional
 * indented "[CODE restriction]" lines; every phrase of an entry shares its
 * codes.  See docs/dictionaries.md for the accepted syntax and the warnings.
 *
 * Codes are resolved when a phrase matches, from the sentence date, in
 * PETRARCH's order (get_actor_code): the first date restriction that holds,
 * else the entry's default code (the last one given), else the null code
 * "---".  Dates are compared as YYYYMMDD integers, which orders them like
 * calendar dates, with both limits inclusive ("or equal"). */
#include "engine.h"
#include "dict/dictfile.h"
#include "dict/phrase.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define NULL_CODE "---"
#define CODE_MAX 64          /* longest code accepted, in bytes */
#define QUOTE_MAX 60         /* longest piece of a line quoted in a warning */

typedef struct actor_restriction {
    int32_t from, to;        /* inclusive YYYYMMDD limits */
    uint32_t code;           /* id in dy_actors.codes */
} actor_restriction;

typedef struct actor_entry {
    uint32_t first_restriction, n_restrictions;
    uint32_t default_code;   /* 0 when none was given */
    long line;               /* line of the primary phrase */
    const char *file;
} actor_entry;

struct dy_actors {
    dy_intern *words;        /* shared with the engine */
    dy_intern *codes;        /* code strings, one copy each */
    dy_wordphrases *phrases; /* payload: entry index */
    dy_arena *arena;         /* file names */
    actor_entry *entries;
    size_t n_entries, cap_entries;
    actor_restriction *restrictions;
    size_t n_restrictions, cap_restrictions;
};

typedef struct actor_loader {
    dy_actors *a;
    dy_diag_sink *d;
    const char *file;
    long entry;              /* open entry, -1 when none */
    /* Phrases of the open entry that repeat another phrase: judged when the
     * entry is complete, because only then are its codes known. */
    dy_phrase_clash *clashes;
    size_t n_clashes, cap_clashes;
    bool nomem;
} actor_loader;

static bool grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return true;
    size_t ncap = *cap ? *cap * 2 : 256;
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

static bool contains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, needle, k) == 0)
            return true;
    return false;
}

static int quote_len(size_t n)
{
    return (int)(n > QUOTE_MAX ? QUOTE_MAX : n);
}

/* ------------------------------------------------------------------ */
/* Public lifetime                                                     */
/* ------------------------------------------------------------------ */

dy_actors *dy_actors_create(dy_intern *words)
{
    if (!words)
        return NULL;
    dy_actors *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->words = words;
    a->codes = dy_intern_create();
    a->phrases = dy_wordphrases_create();
    a->arena = dy_arena_create(0);
    if (!a->codes || !a->phrases || !a->arena) {
        dy_actors_free(a);
        return NULL;
    }
    return a;
}

void dy_actors_free(dy_actors *a)
{
    if (!a)
        return;
    dy_intern_free(a->codes);
    dy_wordphrases_free(a->phrases);
    dy_arena_free(a->arena);
    free(a->entries);
    free(a->restrictions);
    free(a);
}

dyad_status dy_actors_finish(dy_actors *a)
{
    if (!a)
        return DYAD_ERR_ARG;
    return dy_wordphrases_finish(a->phrases) == 0 ? DYAD_OK : DYAD_ERR_NOMEM;
}

size_t dy_actors_count(const dy_actors *a)
{
    return a ? dy_wordphrases_count(a->phrases) : 0;
}

/* ------------------------------------------------------------------ */
/* Codes and dates                                                     */
/* ------------------------------------------------------------------ */

/* Interns an actor code in ASCII uppercase: CAMEO codes are uppercase, and
 * a stray lower-case code ("[pse]") is the same code. */
static uint32_t intern_code(actor_loader *L, const char *s, size_t n)
{
    char buf[CODE_MAX];
    size_t k = 0;
    for (; k < n && k < sizeof buf; k++) {
        char c = s[k];
        buf[k] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
    }
    uint32_t id = dy_intern_add(L->a->codes, buf, k);
    if (!id)
        L->nomem = true;
    return id;
}

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

typedef enum date_status {
    DATE_OK,
    DATE_SEVEN_DIGITS,      /* read as YYMMDD from the first six digits */
    DATE_LONG,              /* read as YYYYMMDD from the first eight digits */
    DATE_BAD,
} date_status;

/* Reads a run of digits at s as a date, the way PETRARCH's dstr_to_ordate
 * does: fewer than 8 digits is YYMMDD (00-30 -> 20YY, 31-99 -> 19YY), 8 or
 * more is YYYYMMDD; extra digits are ignored.  *used = digits consumed. */
static date_status parse_date(const char *s, size_t n, size_t *used, int32_t *out)
{
    size_t k = 0;
    while (k < n && s[k] >= '0' && s[k] <= '9')
        k++;
    *used = k;
    if (k < 6)
        return DATE_BAD;
    int v[8];
    for (size_t i = 0; i < 8 && i < k; i++)
        v[i] = s[i] - '0';
    int year, month, day;
    if (k <= 7) {
        year = v[0] * 10 + v[1];
        year += year <= 30 ? 2000 : 1900;
        month = v[2] * 10 + v[3];
        day = v[4] * 10 + v[5];
    } else {
        year = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
        month = v[4] * 10 + v[5];
        day = v[6] * 10 + v[7];
    }
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1)
        return DATE_BAD;
    int last = mdays[month - 1] + (month == 2 && is_leap(year));
    if (day > last)
        return DATE_BAD;
    *out = (int32_t)(year * 10000 + month * 100 + day);
    return k == 7 ? DATE_SEVEN_DIGITS : k > 8 ? DATE_LONG : DATE_OK;
}

/* Reads one date for a restriction, warning about PETRARCH's lenient
 * readings; false (after a warning) when it is not a date. */
static bool read_date(actor_loader *L, long lineno, const char *s, size_t n,
                      size_t *used, int32_t *out)
{
    date_status st = parse_date(s, n, used, out);
    switch (st) {
    case DATE_OK:
        return true;
    case DATE_SEVEN_DIGITS:
        dy_warn(L->d, L->file, lineno,
                "7-digit date '%.*s' read as YYMMDD %.6s (its first six digits, as PETRARCH does)",
                (int)*used, s, s);
        return true;
    case DATE_LONG:
        dy_warn(L->d, L->file, lineno,
                "%d-digit date '%.*s' read as YYYYMMDD %.8s (its first eight digits, as PETRARCH does)",
                (int)*used, (int)*used, s, s);
        return true;
    case DATE_BAD:
    default:
        return false;
    }
}

static void add_restriction(actor_loader *L, int32_t from, int32_t to, uint32_t code)
{
    dy_actors *a = L->a;
    if (!grow((void **)&a->restrictions, &a->cap_restrictions, a->n_restrictions + 1,
              sizeof *a->restrictions)) {
        L->nomem = true;
        return;
    }
    actor_entry *e = &a->entries[L->entry];
    /* An entry's restrictions are contiguous: they are only ever added to
     * the open entry, which is the last one. */
    if (e->n_restrictions == 0)
        e->first_restriction = (uint32_t)a->n_restrictions;
    a->restrictions[a->n_restrictions++] = (actor_restriction){from, to, code};
    e->n_restrictions++;
}

/* One "[CODE restriction]" group, without its brackets. */
static void parse_restriction(actor_loader *L, long lineno, const char *s, size_t n)
{
    const char *whole = s;
    size_t whole_n = n;
    trim(&s, &n);
    if (n == 0) {
        dy_warn(L->d, L->file, lineno, "empty '[]' ignored");
        return;
    }
    size_t c = 0;
    while (c < n && !is_blank(s[c]) && s[c] != '<' && s[c] != '>')
        c++;
    if (c == 0) {
        dy_warn(L->d, L->file, lineno, "no code in '[%.*s]'; ignored",
                quote_len(whole_n), whole);
        return;
    }
    if (c > CODE_MAX) {
        dy_warn(L->d, L->file, lineno, "code '%.*s...' longer than %d bytes; ignored",
                QUOTE_MAX / 2, s, CODE_MAX);
        return;
    }
    uint32_t code = intern_code(L, s, c);
    if (!code)
        return;
    const char *r = s + c;
    size_t rn = n - c;
    trim(&r, &rn);
    actor_entry *e = &L->a->entries[L->entry];
    if (rn == 0) {
        /* "[CODE]" on any line is the default; a later one replaces it. */
        e->default_code = code;
        return;
    }

    int32_t d1, d2;
    size_t used;
    if (r[0] == '<' || r[0] == '>') {
        const char *p = r + 1;
        size_t pn = rn - 1;
        trim(&p, &pn);
        if (!read_date(L, lineno, p, pn, &used, &d1)) {
            dy_warn(L->d, L->file, lineno,
                    "date restriction '[%.*s]' has no valid YYMMDD or YYYYMMDD date; ignored",
                    quote_len(whole_n), whole);
            return;
        }
        if (used != pn) {
            dy_warn(L->d, L->file, lineno,
                    "date restriction '[%.*s]' has text after the date; ignored",
                    quote_len(whole_n), whole);
            return;
        }
        if (r[0] == '<')
            add_restriction(L, INT32_MIN, d1, code);
        else
            add_restriction(L, d1, INT32_MAX, code);
        return;
    }
    if (r[0] >= '0' && r[0] <= '9') {
        if (!read_date(L, lineno, r, rn, &used, &d1)) {
            dy_warn(L->d, L->file, lineno,
                    "date restriction '[%.*s]' has no valid YYMMDD or YYYYMMDD date; ignored",
                    quote_len(whole_n), whole);
            return;
        }
        const char *p = r + used;
        size_t pn = rn - used;
        trim(&p, &pn);
        if (pn == 0) {
            /* A lone date: in the Phoenix files it marks when a term began. */
            dy_warn(L->d, L->file, lineno,
                    "date restriction '[%.*s]' has no '<', '>' or '-'; read as '>%.*s' (from that date on)",
                    quote_len(whole_n), whole, (int)used, r);
            add_restriction(L, d1, INT32_MAX, code);
            return;
        }
        if (p[0] == '-') {
            p++;
            pn--;
            trim(&p, &pn);
            if (!read_date(L, lineno, p, pn, &used, &d2) || used != pn) {
                dy_warn(L->d, L->file, lineno,
                        "interval '[%.*s]' has no valid end date; ignored",
                        quote_len(whole_n), whole);
                return;
            }
            if (d2 < d1) {
                dy_warn(L->d, L->file, lineno,
                        "interval '[%.*s]' ends (%ld) before it starts (%ld); ignored",
                        quote_len(whole_n), whole, (long)d2, (long)d1);
                return;
            }
            add_restriction(L, d1, d2, code);
            return;
        }
    }
    dy_warn(L->d, L->file, lineno,
            "cannot read restriction '[%.*s]' (expected [CODE], [CODE <DATE], [CODE >DATE] or [CODE DATE-DATE]); ignored",
            quote_len(whole_n), whole);
}

/* All "[...]" groups of s[0..n), which starts at the first '['. */
static void parse_brackets(actor_loader *L, long lineno, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        while (i < n && is_blank(s[i]))
            i++;
        if (i == n)
            break;
        if (s[i] != '[') {
            const char *open = memchr(s + i, '[', n - i);
            size_t stray = open ? (size_t)(open - (s + i)) : n - i;
            const char *t = s + i;
            size_t tn = stray;
            trim(&t, &tn);
            dy_warn(L->d, L->file, lineno, "text outside '[...]' ignored: '%.*s'",
                    quote_len(tn), t);
            i += stray;
            continue;
        }
        const char *close = memchr(s + i + 1, ']', n - i - 1);
        const char *next_open = memchr(s + i + 1, '[', n - i - 1);
        if (!close || (next_open && next_open < close)) {
            dy_warn(L->d, L->file, lineno, "missing ']' in '%.*s'; ignored",
                    quote_len(n - i), s + i);
            if (!next_open)
                break;
            i = (size_t)(next_open - s);
            continue;
        }
        parse_restriction(L, lineno, s + i + 1, (size_t)(close - (s + i + 1)));
        i = (size_t)(close - s) + 1;
    }
}

/* ------------------------------------------------------------------ */
/* Entries and phrases                                                 */
/* ------------------------------------------------------------------ */

static bool same_codes(const dy_actors *a, uint32_t x, uint32_t y)
{
    const actor_entry *ex = &a->entries[x], *ey = &a->entries[y];
    if (ex->default_code != ey->default_code || ex->n_restrictions != ey->n_restrictions)
        return false;
    for (uint32_t i = 0; i < ex->n_restrictions; i++) {
        const actor_restriction *rx = &a->restrictions[ex->first_restriction + i];
        const actor_restriction *ry = &a->restrictions[ey->first_restriction + i];
        if (rx->from != ry->from || rx->to != ry->to || rx->code != ry->code)
            return false;
    }
    return true;
}

/* Completes the open entry.  Of two identical phrases PETRARCH always
 * tries the same one first, so the other was dropped when it was added;
 * that only deserves a warning when the two have different codes. */
static void close_entry(actor_loader *L)
{
    if (L->entry < 0)
        return;
    dy_actors *a = L->a;
    char text[160];

    for (size_t i = 0; i < L->n_clashes; i++) {
        long kept = L->clashes[i].kept, dropped = L->clashes[i].dropped;
        uint32_t ek = dy_wordphrases_payload(a->phrases, kept);
        uint32_t ed = dy_wordphrases_payload(a->phrases, dropped);
        if (ek == ed || same_codes(a, ek, ed))
            continue;
        if (dropped > kept) {
            dy_wordphrases_format(a->phrases, a->words, dropped, text, sizeof text);
            dy_warn(L->d, L->file, dy_wordphrases_line(a->phrases, dropped),
                    "actor '%s' is already defined at %s:%ld with different codes; the first definition is used",
                    text, a->entries[ek].file, dy_wordphrases_line(a->phrases, kept));
        } else {
            dy_wordphrases_format(a->phrases, a->words, kept, text, sizeof text);
            dy_warn(L->d, L->file, dy_wordphrases_line(a->phrases, kept),
                    "actor '%s' has different codes from the same phrase without the final '_' at %s:%ld; "
                    "this one is used (PETRARCH tries phrases written with a final '_' first)",
                    text, a->entries[ed].file, dy_wordphrases_line(a->phrases, dropped));
        }
    }
    L->n_clashes = 0;
    L->entry = -1;
}

static bool open_entry(actor_loader *L, long lineno)
{
    close_entry(L);
    dy_actors *a = L->a;
    if (!grow((void **)&a->entries, &a->cap_entries, a->n_entries + 1, sizeof *a->entries)) {
        L->nomem = true;
        return false;
    }
    a->entries[a->n_entries] = (actor_entry){0, 0, 0, lineno, L->file};
    L->entry = (long)a->n_entries++;
    return true;
}

/* After the entry is complete: an entry with neither a default code nor a
 * restriction matches with the null code, which is rarely what was meant. */
static void check_entry_has_code(actor_loader *L, long first_phrase)
{
    if (L->entry < 0 || first_phrase < 0)
        return;
    const actor_entry *e = &L->a->entries[L->entry];
    if (e->n_restrictions || e->default_code)
        return;
    char text[160];
    dy_wordphrases_format(L->a->phrases, L->a->words, first_phrase, text, sizeof text);
    dy_warn(L->d, L->file, e->line,
            "actor '%s' has no code (no [CODE] and no restriction lines); it matches with the null code ---",
            text);
}

/* Parses and stores one phrase of the open entry; returns its index or -1. */
static long add_phrase(actor_loader *L, long lineno, const char *s, size_t n)
{
    trim(&s, &n);
    dy_phrase_words p;
    unsigned repairs;
    unsigned char bad = 0;
    switch (dy_phrase_parse(L->a->words, s, n, &p, &repairs, &bad)) {
    case DY_PHRASE_OK:
        break;
    case DY_PHRASE_EMPTY:
        dy_warn(L->d, L->file, lineno, "empty actor phrase; skipped");
        return -1;
    case DY_PHRASE_TOO_LONG:
        dy_warn(L->d, L->file, lineno,
                "actor phrase '%.*s' has more than %d words or a word over %d bytes; skipped",
                quote_len(n), s, DY_PHRASE_MAX_WORDS, DY_PHRASE_MAX_WORD_BYTES);
        return -1;
    case DY_PHRASE_CONTROL_CHAR:
        dy_warn(L->d, L->file, lineno,
                "control byte 0x%02X in actor phrase (a letter lost in a conversion?); phrase skipped",
                bad);
        return -1;
    case DY_PHRASE_NOMEM:
    default:
        L->nomem = true;
        return -1;
    }
    dy_phrase_clash clash;
    long index = dy_wordphrases_add(L->a->phrases, &p, (uint32_t)L->entry, lineno, &clash);
    if (index < 0) {
        L->nomem = true;
        return -1;
    }
    if (repairs & DY_PHRASE_ODD_SEPARATOR) {
        char text[160];
        dy_wordphrases_format(L->a->phrases, L->a->words, index, text, sizeof text);
        dy_warn(L->d, L->file, lineno,
                "odd separators ('_ ', '__', ' _' or a leading '_') in '%.*s'; read as '%s'",
                quote_len(n), s, text);
    }
    if (clash.dropped >= 0) {
        if (!grow((void **)&L->clashes, &L->cap_clashes, L->n_clashes + 1, sizeof *L->clashes)) {
            L->nomem = true;
            return index;
        }
        L->clashes[L->n_clashes++] = clash;
    }
    return index;
}

/* ------------------------------------------------------------------ */
/* Lines                                                               */
/* ------------------------------------------------------------------ */

typedef struct entry_state {
    long first_phrase;       /* first stored phrase of the open entry */
} entry_state;

static void finish_open_entry(actor_loader *L, entry_state *st)
{
    check_entry_has_code(L, st->first_phrase);
    close_entry(L);
    st->first_phrase = -1;
}

/* Index of the next " +" in s[0..n) (a second synonym run onto the line),
 * or n. */
static size_t next_synonym(const char *s, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (s[i] == '+' && is_blank(s[i - 1]))
            return i;
    return n;
}

/* A synonym ("+PHRASE") or an indented phrase line; any "[...]" on it
 * belong to the whole entry. */
static void synonym_line(actor_loader *L, entry_state *st, long lineno,
                         const char *s, size_t n, bool indented_phrase)
{
    const char *open = memchr(s, '[', n);
    size_t pn = open ? (size_t)(open - s) : n;
    const char *q = s;
    size_t qn = pn;
    trim(&q, &qn);
    if (L->entry < 0) {
        dy_warn(L->d, L->file, lineno, "synonym '%.*s' before any actor entry; skipped",
                quote_len(qn), q);
        return;
    }
    if (indented_phrase) {
        dy_warn(L->d, L->file, lineno,
                "indented line holds a phrase, not a restriction: '%.*s' read as a synonym of the entry above%s",
                quote_len(qn), q, open ? ", its codes as the entry's" : "");
    } else if (open) {
        dy_warn(L->d, L->file, lineno,
                "codes on synonym line '%.*s' apply to the whole entry", quote_len(qn), q);
    }
    if (qn == 0)
        dy_warn(L->d, L->file, lineno, "empty synonym; skipped");
    size_t cut = next_synonym(s, pn);
    if (cut < pn)
        dy_warn(L->d, L->file, lineno, "'+' inside '%.*s': read as separate synonyms",
                quote_len(qn), q);
    for (size_t from = 0; qn && from < pn;) {
        long index = add_phrase(L, lineno, s + from, cut - from);
        if (st->first_phrase < 0)
            st->first_phrase = index;
        from = cut + 1;
        if (from < pn)
            cut = from + next_synonym(s + from, pn - from);
    }
    if (open)
        parse_brackets(L, lineno, open, n - pn);
}

static void actor_line(actor_loader *L, entry_state *st, const dy_dictline *l)
{
    const char *s = l->text;
    size_t n = l->len;
    long lineno = l->lineno;

    if (n >= 2 && s[0] == '<' && s[1] == '!')
        return;  /* PETRARCH skips any line starting "<!", e.g. "<! -- ... -->" */

    if (s[0] == '[') {
        /* Date restrictions (normally indented) for the open entry. */
        if (L->entry < 0) {
            dy_warn(L->d, L->file, lineno, "restriction '%.*s' before any actor entry; skipped",
                    quote_len(n), s);
            return;
        }
        if (!l->indented)
            dy_warn(L->d, L->file, lineno,
                    "line starts with '[' but is not indented; read as restrictions of the entry above");
        parse_brackets(L, lineno, s, n);
        return;
    }
    if (s[0] == '+') {
        synonym_line(L, st, lineno, s + 1, n - 1, false);
        return;
    }
    if (l->indented) {
        synonym_line(L, st, lineno, s, n, true);
        return;
    }

    /* A primary phrase: "PHRASE", "PHRASE [CODE]" or TABARI's
     * "PHRASE [CODE date] [CODE date] [CODE]" on one line.
     *
     * PETRARCH stores an entry's codes only once the entry has some, so a
     * primary phrase whose entry got none yet shares the codes that follow
     * (the Phoenix files list a person's names as consecutive primary
     * lines above one set of restrictions): keep the entry open. */
    bool share = L->entry >= 0 && st->first_phrase >= 0 &&
                 L->a->entries[L->entry].n_restrictions == 0 &&
                 L->a->entries[L->entry].default_code == 0;
    if (!share) {
        finish_open_entry(L, st);
        if (!open_entry(L, lineno))
            return;
    }
    const char *open = memchr(s, '[', n);
    size_t pn = open ? (size_t)(open - s) : n;
    long index = add_phrase(L, lineno, s, pn);
    if (st->first_phrase < 0)
        st->first_phrase = index;
    if (open)
        parse_brackets(L, lineno, open, n - pn);
}

dyad_status dy_actors_load(dy_actors *a, const char *name, const char *data,
                           size_t len, dy_diag_sink *d)
{
    if (!a || (!data && len))
        return DYAD_ERR_ARG;
    actor_loader L = {.a = a, .d = d, .entry = -1};
    L.file = dy_arena_strdup(a->arena, name ? name : "");
    if (!L.file)
        return DYAD_ERR_NOMEM;
    entry_state st = {.first_phrase = -1};

    dy_dictfile f;
    dy_dictfile_init(&f, data, len);
    dy_dictline l;
    bool stopped = false;
    while (!L.nomem && dy_dictfile_next(&f, &l)) {
        if (contains(l.text, l.len, "---STOP---")) {
            dy_warn(d, L.file, l.lineno, "---STOP--- line: the rest of the file is ignored");
            stopped = true;
            break;
        }
        actor_line(&L, &st, &l);
    }
    /* dy_dictfile_next() also returns false when it runs out of memory,
     * which leaves unread input behind. */
    if (!stopped && f.pos < f.len)
        L.nomem = true;
    dy_dictfile_done(&f);
    if (!L.nomem)
        finish_open_entry(&L, &st);
    free(L.clashes);
    return L.nomem ? DYAD_ERR_NOMEM : DYAD_OK;
}

/* ------------------------------------------------------------------ */
/* Matching                                                            */
/* ------------------------------------------------------------------ */

static const char *resolve_code(const dy_actors *a, uint32_t entry, int32_t date)
{
    const actor_entry *e = &a->entries[entry];
    for (uint32_t i = 0; i < e->n_restrictions; i++) {
        const actor_restriction *r = &a->restrictions[e->first_restriction + i];
        if (date >= r->from && date <= r->to)
            return dy_intern_str(a->codes, r->code);
    }
    if (e->default_code)
        return dy_intern_str(a->codes, e->default_code);
    return NULL_CODE;
}

/* dy_actors_match() for a word that starts some phrase. */
__attribute__((noinline)) static bool match_started(const dy_actors *a, const uint32_t *words,
                                                    size_t n, size_t pos, int32_t date,
                                                    size_t *len, const char **code)
{
    dy_phrase_hit hit = dy_wordphrases_find_from(a->phrases, words, n, pos);
    if (!dy_phrase_hit_len(hit))
        return false;
    if (len)
        *len = dy_phrase_hit_len(hit);
    if (code)
        *code = resolve_code(a, dy_phrase_hit_payload(hit), date);
    return true;
}

bool dy_actors_match(const dy_actors *a, const uint32_t *words, size_t n,
                     size_t pos, int32_t date, size_t *len, const char **code)
{
    /* Most words start no phrase: say so without a stack frame. */
    if (!a || !words || pos >= n || !dy_wordphrases_starts(a->phrases, words[pos]))
        return false;
    return match_started(a, words, n, pos, date, len, code);
}

/* ------------------------------------------------------------------ */
/* Hyphenated modifiers ("US-led", "Russian-backed", "pro-Russian")    */
/* ------------------------------------------------------------------ */

/* What "X-suffix" says of the noun it modifies (docs/dictionaries.md,
 * "Hyphenated modifiers").  Only the MEMBER suffixes make X the actor's
 * country: the noun is X's own (led, run or owned by X, based in X, a ship
 * under X's flag).  The others name a relation in which X stays a different
 * party: a patron ("Iranian-backed Houthis" are Yemeni rebels, as the
 * dictionary codes them), a place of origin ("a Chinese-made drone", "a
 * Syrian-born German"), land X holds ("Israeli-occupied Golan"), or
 * something X did to or for the noun ("a Qatar-brokered truce", "a
 * US-sanctioned oligarch").  They are listed so that the decision is
 * written down and tested; they give no code, as an unlisted suffix does. */
static const struct hyphen_suffix {
    const char *suffix;
    dy_hyphen_kind kind;
} hyphen_suffixes[] = {
    {"led", DY_HYPHEN_MEMBER},         {"run", DY_HYPHEN_MEMBER},
    {"owned", DY_HYPHEN_MEMBER},       {"operated", DY_HYPHEN_MEMBER},
    {"commanded", DY_HYPHEN_MEMBER},   {"headed", DY_HYPHEN_MEMBER},
    {"based", DY_HYPHEN_MEMBER},       {"flagged", DY_HYPHEN_MEMBER},
    {"registered", DY_HYPHEN_MEMBER},

    {"backed", DY_HYPHEN_PATRON},      {"funded", DY_HYPHEN_PATRON},
    {"financed", DY_HYPHEN_PATRON},    {"sponsored", DY_HYPHEN_PATRON},
    {"supported", DY_HYPHEN_PATRON},   {"armed", DY_HYPHEN_PATRON},
    {"trained", DY_HYPHEN_PATRON},     {"equipped", DY_HYPHEN_PATRON},
    {"allied", DY_HYPHEN_PATRON},      {"aligned", DY_HYPHEN_PATRON},
    {"affiliated", DY_HYPHEN_PATRON},  {"linked", DY_HYPHEN_PATRON},
    {"inspired", DY_HYPHEN_PATRON},    {"installed", DY_HYPHEN_PATRON},
    {"dominated", DY_HYPHEN_PATRON},   {"friendly", DY_HYPHEN_PATRON},

    {"made", DY_HYPHEN_ORIGIN},        {"built", DY_HYPHEN_ORIGIN},
    {"manufactured", DY_HYPHEN_ORIGIN}, {"produced", DY_HYPHEN_ORIGIN},
    {"designed", DY_HYPHEN_ORIGIN},    {"supplied", DY_HYPHEN_ORIGIN},
    {"born", DY_HYPHEN_ORIGIN},        {"educated", DY_HYPHEN_ORIGIN},
    {"speaking", DY_HYPHEN_ORIGIN},

    {"occupied", DY_HYPHEN_TERRITORY}, {"held", DY_HYPHEN_TERRITORY},
    {"controlled", DY_HYPHEN_TERRITORY}, {"annexed", DY_HYPHEN_TERRITORY},
    {"administered", DY_HYPHEN_TERRITORY},

    {"brokered", DY_HYPHEN_OBJECT},    {"mediated", DY_HYPHEN_OBJECT},
    {"imposed", DY_HYPHEN_OBJECT},     {"sanctioned", DY_HYPHEN_OBJECT},
    {"designated", DY_HYPHEN_OBJECT},  {"bound", DY_HYPHEN_OBJECT},
    {"hosted", DY_HYPHEN_OBJECT},
};

static bool ascii_ieq(const char *s, size_t n, const char *lower)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != lower[i] || lower[i] == '\0')
            return false;
    }
    return lower[n] == '\0';
}

dy_hyphen_kind dy_hyphen_modifier(const char *word, const char **x, size_t *x_len)
{
    if (x)
        *x = NULL;
    if (x_len)
        *x_len = 0;
    if (!word)
        return DY_HYPHEN_NONE;
    size_t n = strlen(word);
    const char *last = NULL;
    for (const char *p = word; *p; p++)
        if (*p == '-')
            last = p;
    if (!last || last == word || last + 1 == word + n)
        return DY_HYPHEN_NONE;         /* no hyphen inside the word */
    /* pro-X, anti-X: X is what follows the first hyphen */
    const char *first = memchr(word, '-', n);
    size_t head = (size_t)(first - word);
    if (ascii_ieq(word, head, "pro") || ascii_ieq(word, head, "anti")) {
        if (x)
            *x = first + 1;
        if (x_len)
            *x_len = n - head - 1;
        return DY_HYPHEN_STANCE;
    }
    const char *suf = last + 1;
    size_t suf_len = n - (size_t)(suf - word);
    for (size_t i = 0; i < sizeof hyphen_suffixes / sizeof *hyphen_suffixes; i++) {
        if (ascii_ieq(suf, suf_len, hyphen_suffixes[i].suffix)) {
            if (x)
                *x = word;
            if (x_len)
                *x_len = (size_t)(last - word);
            return hyphen_suffixes[i].kind;
        }
    }
    return DY_HYPHEN_NONE;
}

#define HYPHEN_MAX_WORDS 8     /* words of X, the modifier's included */

bool dy_actors_match_hyphen(const dy_actors *a, const uint32_t *words, size_t n,
                            size_t pos, const char *text, int32_t date, size_t *at,
                            size_t *len, const char **code)
{
    const char *x;
    size_t xn;
    if (!a || !words || pos >= n ||
        dy_hyphen_modifier(text, &x, &xn) != DY_HYPHEN_MEMBER)
        return false;
    char buf[256];
    if (xn == 0 || xn >= sizeof buf)
        return false;
    for (size_t i = 0; i < xn; i++) {
        char c = x[i];
        buf[i] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
    }
    uint32_t id = dy_intern_find(a->words, buf, xn);
    if (!id)
        return false;
    /* The words that may name X, with the modifier read as X: a phrase
     * must end exactly there.  The earliest start is the longest name. */
    size_t from = pos + 1 > HYPHEN_MAX_WORDS ? pos + 1 - HYPHEN_MAX_WORDS : 0;
    uint32_t w[HYPHEN_MAX_WORDS];
    size_t m = pos + 1 - from;
    memcpy(w, words + from, m * sizeof *w);
    w[m - 1] = id;
    for (size_t j = 0; j < m; j++) {
        size_t l;
        const char *c;
        if (w[j] && dy_actors_match(a, w, m, j, date, &l, &c) && j + l == m &&
            strcmp(c, NULL_CODE) != 0) {
            if (at)
                *at = from + j;
            if (len)
                *len = l;
            if (code)
                *code = c;
            return true;
        }
    }
    return false;
}

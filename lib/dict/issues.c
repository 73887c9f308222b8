/* issues.c -- the issue list (Phoenix.IssueCoding.txt format).
 *
 *   <ISSUE CATEGORY="..." TYPE="...">   block markers, skipped
 *   phrase [CODE]                       an issue phrase
 *   ~phrase  /  ~~phrase                ignore phrases (sentence / story)
 *
 * In a phrase, "n:word" stands for the word and its plural, "v:word" for
 * the word and its S, ED and ING forms, and "a+b" for "a b" and "a-b".
 * Matching is ASCII-case-insensitive on whole words of the text.  As in
 * PETRARCH's get_issues, an issue's count is the number of its distinct
 * phrase forms found in the text, codes come out in dictionary order, and
 * any ignore phrase found cancels all issues of the text.  ';' is not a
 * comment in this format. */
#include "engine.h"
#include "dict/dictfile.h"
#include "dict/phrase.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QUOTE_MAX 60
#define CODE_MAX 64
#define FORM_MAX 512            /* longest expanded phrase, bytes */
#define FORMS_PER_LINE_MAX 256  /* expansions one line may produce */
#define MATCHES_MAX 256         /* distinct forms counted in one text */

typedef struct issue_form {
    uint32_t code;           /* id in dy_issues.codes; 0: an ignore phrase */
    int32_t next;            /* another form with the same text, or -1 */
    int32_t line;
} issue_form;

struct dy_issues {
    dy_intern *words;        /* unused: issues match raw text */
    dy_intern *codes;
    dy_texttrie *trie;       /* payload: first issue_form of that text */
    dy_intern *entries;      /* "CODE|PHRASE" as written, to spot repeated lines */
    int32_t *entry_line;     /* by id in `entries`: where it was first given */
    size_t cap_entry_line;
    issue_form *forms;       /* in dictionary order */
    size_t n, cap;
};

typedef struct issue_loader {
    dy_issues *is;
    dy_diag_sink *d;
    const char *file;
    long lineno;
    size_t forms_made;       /* by the current line */
    bool stop;               /* the rest of the line's forms are skipped */
    bool nomem;
} issue_loader;

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

dy_issues *dy_issues_create(dy_intern *words)
{
    dy_issues *is = calloc(1, sizeof *is);
    if (!is)
        return NULL;
    is->words = words;
    is->codes = dy_intern_create();
    is->trie = dy_texttrie_create();
    is->entries = dy_intern_create();
    if (!is->codes || !is->trie || !is->entries) {
        dy_issues_free(is);
        return NULL;
    }
    return is;
}

void dy_issues_free(dy_issues *is)
{
    if (!is)
        return;
    dy_intern_free(is->codes);
    dy_texttrie_free(is->trie);
    dy_intern_free(is->entries);
    free(is->entry_line);
    free(is->forms);
    free(is);
}

dyad_status dy_issues_finish(dy_issues *is)
{
    return is ? DYAD_OK : DYAD_ERR_ARG;
}

size_t dy_issues_count(const dy_issues *is)
{
    return is ? is->n : 0;
}

/* ------------------------------------------------------------------ */
/* Expansion of n:, v: and +                                           */
/* ------------------------------------------------------------------ */

static void store_form(issue_loader *L, uint32_t code, const char *s, size_t n)
{
    if (L->stop || L->nomem)
        return;
    if (++L->forms_made > FORMS_PER_LINE_MAX) {
        dy_warn(L->d, L->file, L->lineno,
                "issue phrase makes more than %d forms; the rest are skipped", FORMS_PER_LINE_MAX);
        L->stop = true;
        return;
    }
    bool blank = true;
    for (size_t i = 0; i < n && blank; i++)
        blank = is_blank(s[i]);
    if (blank)
        return;   /* "+" alone: its blank version is no phrase; the "-" one is kept */
    dy_issues *is = L->is;
    int32_t *slot = dy_texttrie_insert(is->trie, s, n);
    if (!slot) {
        L->nomem = true;
        return;
    }
    for (int32_t k = *slot; k >= 0; k = is->forms[k].next)
        if (is->forms[k].code == code)
            return;   /* already listed for this code (e.g. "n:voter" then "voters"):
                       * counting it twice would double-count */
    int32_t head = *slot;
    if (is->n >= INT32_MAX) {
        L->nomem = true;
        return;
    }
    if (is->n == is->cap) {
        size_t ncap = is->cap ? is->cap * 2 : 1024;
        issue_form *nf = realloc(is->forms, ncap * sizeof *nf);
        if (!nf) {
            L->nomem = true;
            return;
        }
        is->forms = nf;
        is->cap = ncap;
    }
    is->forms[is->n] = (issue_form){code, head, L->lineno > INT32_MAX ? INT32_MAX : (int32_t)L->lineno};
    *slot = (int32_t)is->n++;
}

/* Finds "N:" or "V:" (already uppercased) at the start of a word. */
static const char *find_prefix(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if ((s[i] == 'N' || s[i] == 'V') && s[i + 1] == ':' &&
            (i == 0 || is_blank(s[i - 1]) || s[i - 1] == '-'))
            return s + i;
    }
    return NULL;
}

/* Expands the leftmost "n:"/"v:" of s and recurses on each form. */
static void expand_word_forms(issue_loader *L, uint32_t code, const char *s, size_t n)
{
    if (L->stop || L->nomem)
        return;   /* stops the recursion too: "v:v:v:...x" would explode */
    const char *p = find_prefix(s, n);
    if (!p) {
        store_form(L, code, s, n);
        return;
    }
    size_t before = (size_t)(p - s);
    const char *word = p + 2;
    size_t word_n = 0;
    while (word + word_n < s + n && !is_blank(word[word_n]))
        word_n++;
    const char *after = word + word_n;
    size_t after_n = n - (size_t)(after - s);
    if (word_n == 0) {
        dy_warn(L->d, L->file, L->lineno, "'%c:' is not followed by a word; line skipped",
                p[0] == 'N' ? 'n' : 'v');
        L->stop = true;
        return;
    }

    /* Endings as in PETRARCH's read_issue_list. */
    static const char *const noun_endings[] = {"", "S"};
    const char *endings[4];
    size_t n_endings = 0;
    bool drop_last = false, y_plural = false;
    if (p[0] == 'N') {
        endings[n_endings++] = noun_endings[0];
        if (word[word_n - 1] == 'Y')
            y_plural = true;        /* ...Y -> ...IES */
        else
            endings[n_endings++] = noun_endings[1];
    } else {
        endings[n_endings++] = "";
        endings[n_endings++] = "S";
        if (word[word_n - 1] == 'E') {
            endings[n_endings++] = "D";
            drop_last = true;       /* ...E -> ...ING */
        } else {
            endings[n_endings++] = "ED";
            endings[n_endings++] = "ING";
        }
    }

    char buf[FORM_MAX];
    for (size_t e = 0; e < n_endings + (y_plural || drop_last); e++) {
        const char *ending;
        size_t stem_n = word_n;
        if (e < n_endings) {
            ending = endings[e];
        } else if (y_plural) {
            ending = "IES";
            stem_n--;
        } else {
            ending = "ING";
            stem_n--;
        }
        size_t end_n = strlen(ending);
        size_t total = before + stem_n + end_n + after_n;
        if (total >= sizeof buf) {
            dy_warn(L->d, L->file, L->lineno, "issue phrase longer than %d bytes; skipped",
                    FORM_MAX - 1);
            L->stop = true;
            return;
        }
        memcpy(buf, s, before);
        memcpy(buf + before, word, stem_n);
        memcpy(buf + before + stem_n, ending, end_n);
        memcpy(buf + before + stem_n + end_n, after, after_n);
        expand_word_forms(L, code, buf, total);
    }
}

/* Expands every '+' into ' ' and '-', then the word forms. */
static void expand_joins(issue_loader *L, uint32_t code, char *s, size_t n, size_t from)
{
    if (L->stop || L->nomem)
        return;
    char *plus = from < n ? memchr(s + from, '+', n - from) : NULL;
    if (!plus) {
        expand_word_forms(L, code, s, n);
        return;
    }
    size_t at = (size_t)(plus - s);
    s[at] = ' ';
    expand_joins(L, code, s, n, at + 1);
    s[at] = '-';
    expand_joins(L, code, s, n, at + 1);
    s[at] = '+';
}

static bool grow_lines(dy_issues *is, size_t need)
{
    size_t ncap = is->cap_entry_line ? is->cap_entry_line : 1024;
    while (ncap < need)
        ncap *= 2;
    int32_t *nl = realloc(is->entry_line, ncap * sizeof *nl);
    if (!nl)
        return false;
    is->entry_line = nl;
    is->cap_entry_line = ncap;
    return true;
}

/* True (after a warning) when the same phrase, as written, was already
 * given for the same code: the line adds nothing. */
static bool repeated_entry(issue_loader *L, uint32_t code, const char *s, size_t n)
{
    char key[FORM_MAX + 16];
    int k = snprintf(key, sizeof key, "%u|", (unsigned)code);
    if (k < 0 || (size_t)k + n >= sizeof key)
        return false;
    size_t len = (size_t)k + dy_text_normalise(key + k, sizeof key - (size_t)k, s, n);
    dy_issues *is = L->is;
    uint32_t id = dy_intern_find(is->entries, key, len);
    if (id) {
        dy_warn(L->d, L->file, L->lineno,
                "issue entry '%.*s' repeats line %ld (same phrase, same code); ignored",
                quote_len(n), s, (long)is->entry_line[id]);
        return true;
    }
    id = dy_intern_add(is->entries, key, len);
    if (!id || (id >= is->cap_entry_line && !grow_lines(is, id + 1))) {
        L->nomem = true;
        return false;
    }
    is->entry_line[id] = L->lineno > INT32_MAX ? INT32_MAX : (int32_t)L->lineno;
    return false;
}

static void add_phrase(issue_loader *L, uint32_t code, const char *s, size_t n)
{
    trim(&s, &n);
    if (n == 0) {
        dy_warn(L->d, L->file, L->lineno, "issue line has no phrase; skipped");
        return;
    }
    if (n >= FORM_MAX) {
        dy_warn(L->d, L->file, L->lineno, "issue phrase longer than %d bytes; skipped", FORM_MAX - 1);
        return;
    }
    if (repeated_entry(L, code, s, n))
        return;
    char buf[FORM_MAX];
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
            dy_warn(L->d, L->file, L->lineno,
                    "control byte 0x%02X in issue phrase (a letter lost in a conversion?); skipped", c);
            return;
        }
        buf[i] = upper(s[i]);
    }
    L->forms_made = 0;
    L->stop = false;
    expand_joins(L, code, buf, n, 0);
}

/* ------------------------------------------------------------------ */
/* Lines                                                               */
/* ------------------------------------------------------------------ */

static bool starts_with(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && memcmp(s, prefix, k) == 0;
}

/* "phrase [CODE]" and whatever follows it on the line. */
static void entry(issue_loader *L, const char *s, size_t n)
{
    const char *open = memchr(s, '[', n);
    if (!open) {
        dy_warn(L->d, L->file, L->lineno, "issue phrase '%.*s' has no [CODE]; line skipped",
                quote_len(n), s);
        return;
    }
    size_t head_n = (size_t)(open - s);
    const char *close = memchr(open, ']', n - head_n);
    if (!close) {
        dy_warn(L->d, L->file, L->lineno, "missing ']' after the issue code; line skipped");
        return;
    }
    const char *code = open + 1;
    size_t code_n = (size_t)(close - code);
    trim(&code, &code_n);
    bool one_word = code_n > 0;
    for (size_t i = 0; i < code_n; i++)
        if (is_blank(code[i]))
            one_word = false;
    if (!one_word || code_n > CODE_MAX) {
        dy_warn(L->d, L->file, L->lineno, "issue code '[%.*s]' is not a single code; line skipped",
                quote_len((size_t)(close - open - 1)), open + 1);
        return;
    }
    char up[CODE_MAX];
    for (size_t i = 0; i < code_n; i++)
        up[i] = upper(code[i]);
    uint32_t id = dy_intern_add(L->is->codes, up, code_n);
    if (!id) {
        L->nomem = true;
        return;
    }

    add_phrase(L, id, s, head_n);

    const char *after = close + 1;
    size_t after_n = n - (size_t)(after - s);
    trim(&after, &after_n);
    if (!after_n)
        return;
    if (after[0] == '[') {
        dy_warn(L->d, L->file, L->lineno, "more than one code; '%.*s' ignored",
                quote_len(after_n), after);
    } else if (memchr(after, '[', after_n)) {
        dy_warn(L->d, L->file, L->lineno,
                "a second issue entry on the same line ('%.*s'); read as its own entry",
                quote_len(after_n), after);
        entry(L, after, after_n);
    } else {
        dy_warn(L->d, L->file, L->lineno, "text after the issue code ignored: '%.*s'",
                quote_len(after_n), after);
    }
}

static void issue_line(issue_loader *L, const dy_dictline *l)
{
    const char *s = l->text;
    size_t n = l->len;
    L->lineno = l->lineno;
    if (starts_with(s, n, "<ISSUE") || starts_with(s, n, "</ISSUE") ||
        starts_with(s, n, "<!"))
        return;   /* block markers carry nothing the matching uses */
    if (s[0] == '~') {
        /* "~" ignores for the sentence, "~~" for the story; PETRARCH lets
         * either cancel the sentence's issues. */
        size_t skip = (n > 1 && s[1] == '~') ? 2 : 1;
        const char *p = s + skip;
        size_t pn = n - skip;
        const char *open = memchr(p, '[', pn);
        if (open) {
            dy_warn(L->d, L->file, L->lineno, "code on ignore phrase '%.*s' ignored",
                    quote_len(n), s);
            pn = (size_t)(open - p);
        }
        add_phrase(L, 0, p, pn);
        return;
    }
    entry(L, s, n);
}

dyad_status dy_issues_load(dy_issues *is, const char *name, const char *data,
                           size_t len, dy_diag_sink *d)
{
    if (!is || (!data && len))
        return DYAD_ERR_ARG;
    issue_loader L = {.is = is, .d = d, .file = name ? name : ""};

    dy_dictfile f;
    dy_dictfile_init(&f, data, len);
    f.semicolon_comments = false;
    dy_dictline l;
    while (!L.nomem && dy_dictfile_next(&f, &l))
        issue_line(&L, &l);
    if (f.pos < f.len)
        L.nomem = true;   /* the reader stopped early: out of memory */
    dy_dictfile_done(&f);
    return L.nomem ? DYAD_ERR_NOMEM : DYAD_OK;
}

/* ------------------------------------------------------------------ */
/* Matching                                                            */
/* ------------------------------------------------------------------ */

typedef struct issue_scan {
    const dy_issues *is;
    const unsigned char *text;
    size_t len;
    int32_t found[MATCHES_MAX];   /* distinct forms, unsorted */
    size_t n_found;
    bool ignored;
} issue_scan;

static bool issue_visit(void *ctx, int32_t payload, size_t start, size_t end)
{
    (void)start;
    issue_scan *sc = ctx;
    if (end < sc->len && dy_is_word_byte(sc->text[end]) && dy_is_word_byte(sc->text[end - 1]))
        return true;              /* ends inside a word */
    for (int32_t k = payload; k >= 0; k = sc->is->forms[k].next) {
        if (sc->is->forms[k].code == 0) {
            sc->ignored = true;
            return false;
        }
        bool seen = false;
        for (size_t i = 0; i < sc->n_found && !seen; i++)
            seen = sc->found[i] == k;
        if (!seen && sc->n_found < MATCHES_MAX)
            sc->found[sc->n_found++] = k;
    }
    return true;
}

size_t dy_issues_find(const dy_issues *is, const char *text, size_t len,
                      dyad_issue *out, size_t cap)
{
    if (!is || !text || is->n == 0)
        return 0;
    issue_scan sc;
    sc.is = is;
    sc.text = (const unsigned char *)text;
    sc.len = len;
    sc.n_found = 0;
    sc.ignored = false;
    dy_texttrie_scan(is->trie, text, len, true, issue_visit, &sc);
    if (sc.ignored)
        return 0;

    /* Dictionary order (insertion sort: the list is short). */
    for (size_t i = 1; i < sc.n_found; i++) {
        int32_t v = sc.found[i];
        size_t j = i;
        for (; j > 0 && sc.found[j - 1] > v; j--)
            sc.found[j] = sc.found[j - 1];
        sc.found[j] = v;
    }
    size_t k = 0;
    for (size_t i = 0; i < sc.n_found; i++) {
        const char *code = dy_intern_str(is->codes, is->forms[sc.found[i]].code);
        size_t j = 0;
        while (j < k && out[j].code != code)
            j++;
        if (j < k) {
            out[j].count++;
        } else if (k < cap) {
            out[k].code = code;
            out[k].count = 1;
            k++;
        }
    }
    return k;
}

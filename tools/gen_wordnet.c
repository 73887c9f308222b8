/* gen_wordnet.c -- build-time generator of build/gen/wordnet_lemma.c, the
 * WordNet tables that lib/tag/lemma.c looks words up in.
 *
 *   gen_wordnet /usr/share/wordnet > build/gen/wordnet_lemma.c
 *
 * Reads, from the WordNet 3.0 database directory (Debian's wordnet-base):
 *   index.noun index.verb index.adj index.adv   the base forms (first field)
 *   noun.exc verb.exc adj.exc adv.exc           irregular form -> lemma(s)
 *   cntlist.rev (optional)                      sense frequencies, used only to
 *                                               choose among several lemmas
 * and writes C source holding, per part of speech, one block of strings in
 * byte order and an open-addressing hash table of offsets into it (see dy_wn_set in
 * lib/tag/lemma.h, whose hash this program shares).  Everything generated is
 * const, so it lands in .rodata.
 *
 * What is kept:
 *   - base forms: every single-word lemma; multi-word lemmas ("carry_out")
 *     for verbs only, since a token never holds '_' but the coder may ask
 *     dy_is_verb_lemma() about a phrasal verb;
 *     and every lemma of the exception lists, which WordNet's index does
 *     not always hold (verb.exc: "airdropped airdrop");
 *   - exceptions: single-word forms and lemmas.  Where a form has several
 *     lemmas ("singing sing singe") the one kept is a base form of that part of
 *     speech with the highest count in cntlist.rev, the first listed on a
 *     tie or when no counts are known.
 * The input is checked, not trusted: a malformed line stops the generator
 * with file:line, so a broken installation fails the build instead of
 * silently lemmatising worse. */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tag/lemma.h"

static const char *const pos_name[DY_WN_POS_COUNT] = {"noun", "verb", "adj", "adv"};
/* The pos field of index.* lines. */
static const char pos_letter[DY_WN_POS_COUNT] = {'n', 'v', 'a', 'r'};

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("gen_wordnet: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = xrealloc(NULL, n);
    memcpy(d, s, n);
    return d;
}

/* ------------------------------------------------------------------ */
/* Entries                                                              */
/* ------------------------------------------------------------------ */

typedef struct entry {
    char *key;       /* base form, or inflected form */
    char *lemma;     /* exceptions only */
} entry;

typedef struct entry_list {
    entry *v;
    size_t n, cap;
} entry_list;

static void push(entry_list *l, char *key, char *lemma)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 1024;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n].key = key;
    l->v[l->n].lemma = lemma;
    l->n++;
}

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->key, ((const entry *)b)->key);
}

static bool sorted_has(const entry_list *l, const char *key)
{
    entry k = {(char *)key, NULL};
    return bsearch(&k, l->v, l->n, sizeof *l->v, cmp_entry) != NULL;
}

/* A word as WordNet writes it: printable ASCII, no space, no upper case. */
static bool plausible_word(const char *s)
{
    if (!*s)
        return false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p <= ' ' || *p > '~' || (*p >= 'A' && *p <= 'Z'))
            return false;
    return true;
}

/* ------------------------------------------------------------------ */
/* Reading the database                                                 */
/* ------------------------------------------------------------------ */

typedef struct reader {
    FILE *f;
    char path[4096];
    long line;
    char *buf;
    size_t cap;
} reader;

static bool open_file(reader *r, const char *dir, const char *name, bool required)
{
    snprintf(r->path, sizeof r->path, "%s/%s", dir, name);
    r->f = fopen(r->path, "r");
    r->line = 0;
    if (!r->f && required)
        die("%s: %s (install Debian's wordnet-base: scripts/install-deps.sh)",
            r->path, strerror(errno));
    return r->f != NULL;
}

/* Next line without its newline, NULL at the end. */
static char *next_line(reader *r)
{
    ssize_t len = getline(&r->buf, &r->cap, r->f);
    if (len < 0) {
        if (ferror(r->f))
            die("%s: read error", r->path);
        return NULL;
    }
    r->line++;
    while (len > 0 && (r->buf[len - 1] == '\n' || r->buf[len - 1] == '\r'))
        r->buf[--len] = '\0';
    return r->buf;
}

static void close_file(reader *r)
{
    if (r->f)
        fclose(r->f);
    r->f = NULL;
}

/* Frequencies from cntlist.rev: "lemma%ss_type:... sense_number tag_cnt",
 * summed per (part of speech, lemma).  Kept sorted for bsearch. */
typedef struct count_entry {
    char *key;       /* "<pos digit><lemma>" */
    long count;
} count_entry;

static count_entry *counts;
static size_t n_counts;

static int cmp_count(const void *a, const void *b)
{
    return strcmp(((const count_entry *)a)->key, ((const count_entry *)b)->key);
}

static void read_counts(const char *dir)
{
    reader r = {0};
    if (!open_file(&r, dir, "cntlist.rev", false)) {
        fprintf(stderr, "gen_wordnet: warning: %s absent: several-lemma exceptions "
                "keep the first lemma\n", r.path);
        return;
    }
    size_t cap = 0;
    char *s;
    while ((s = next_line(&r)) != NULL) {
        char *pct = strchr(s, '%');
        char *sp = strchr(s, ' ');
        if (!pct || !sp || pct > sp || pct[1] < '1' || pct[1] > '5')
            die("%s:%ld: not \"lemma%%ss_type:... sense_number tag_cnt\"", r.path, r.line);
        char *end;
        strtol(sp + 1, &end, 10);              /* sense number */
        long cnt = strtol(end, &end, 10);
        if (*end != '\0' || cnt < 0)
            die("%s:%ld: bad tag count", r.path, r.line);
        /* ss_type 1 noun, 2 verb, 3 adjective, 4 adverb, 5 adjective satellite */
        int pos = pct[1] == '1' ? DY_WN_NOUN : pct[1] == '2' ? DY_WN_VERB
                : pct[1] == '4' ? DY_WN_ADV : DY_WN_ADJ;
        *pct = '\0';
        if (n_counts == cap) {
            cap = cap ? cap * 2 : 4096;
            counts = xrealloc(counts, cap * sizeof *counts);
        }
        size_t len = strlen(s);
        char *key = xrealloc(NULL, len + 2);
        key[0] = (char)('0' + pos);
        memcpy(key + 1, s, len + 1);
        counts[n_counts].key = key;
        counts[n_counts].count = cnt;
        n_counts++;
    }
    close_file(&r);
    free(r.buf);
    qsort(counts, n_counts, sizeof *counts, cmp_count);
    size_t w = 0;                               /* merge the senses of a lemma */
    for (size_t i = 0; i < n_counts; i++) {
        if (w > 0 && strcmp(counts[w - 1].key, counts[i].key) == 0) {
            counts[w - 1].count += counts[i].count;
            free(counts[i].key);
        } else {
            counts[w++] = counts[i];
        }
    }
    n_counts = w;
}

static long count_of(int pos, const char *lemma)
{
    char key[512];
    if (snprintf(key, sizeof key, "%c%s", '0' + pos, lemma) >= (int)sizeof key)
        return 0;
    count_entry k = {key, 0};
    count_entry *e = bsearch(&k, counts, n_counts, sizeof *counts, cmp_count);
    return e ? e->count : 0;
}

/* index.<pos>: the lemma is the first field; the header lines (the licence)
 * start with a space. */
static void read_index(const char *dir, int pos, entry_list *out)
{
    reader r = {0};
    char name[32];
    snprintf(name, sizeof name, "index.%s", pos_name[pos]);
    open_file(&r, dir, name, true);
    char *s;
    while ((s = next_line(&r)) != NULL) {
        if (s[0] == ' ' || s[0] == '\0')
            continue;
        char *sp = strchr(s, ' ');
        if (!sp || sp[1] != pos_letter[pos] || sp[2] != ' ')
            die("%s:%ld: not \"lemma %c ...\"", r.path, r.line, pos_letter[pos]);
        *sp = '\0';
        if (!plausible_word(s))
            die("%s:%ld: unexpected lemma \"%s\"", r.path, r.line, s);
        if (pos != DY_WN_VERB && strchr(s, '_'))
            continue;
        push(out, xstrdup(s), NULL);
    }
    close_file(&r);
    free(r.buf);
    if (out->n == 0)
        die("%s: no lemmas", r.path);
    qsort(out->v, out->n, sizeof *out->v, cmp_entry);
    size_t w = 0;
    for (size_t i = 0; i < out->n; i++) {
        if (w > 0 && strcmp(out->v[w - 1].key, out->v[i].key) == 0)
            free(out->v[i].key);
        else
            out->v[w++] = out->v[i];
    }
    out->n = w;
}

static size_t n_several, n_several_changed;

/* One (form, lemma) pair of an exception file, in file order. */
typedef struct exc_pair {
    char *form, *lemma;
    size_t seq;
} exc_pair;

static int cmp_pair(const void *a, const void *b)
{
    const exc_pair *x = a, *y = b;
    int c = strcmp(x->form, y->form);
    return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

/* <pos>.exc: "form lemma [lemma ...]".  A form may also come back on a
 * later line ("aurar eyir", "aurar eyrir"): its lemmas are pooled. */
static void read_exceptions(const char *dir, int pos, const entry_list *base,
                            entry_list *out)
{
    reader r = {0};
    char name[32];
    snprintf(name, sizeof name, "%s.exc", pos_name[pos]);
    open_file(&r, dir, name, true);
    exc_pair *pairs = NULL;
    size_t n = 0, cap = 0;
    char *s;
    while ((s = next_line(&r)) != NULL) {
        if (s[0] == '\0')
            continue;
        char *field[16];
        int nf = 0;
        for (char *tok = strtok(s, " "); tok; tok = strtok(NULL, " ")) {
            if (nf == 16)
                die("%s:%ld: more than 15 lemmas", r.path, r.line);
            field[nf++] = tok;
        }
        if (nf < 2)
            die("%s:%ld: not \"form lemma ...\"", r.path, r.line);
        for (int i = 0; i < nf; i++)
            if (!plausible_word(field[i]))
                die("%s:%ld: unexpected word \"%s\"", r.path, r.line, field[i]);
        if (strchr(field[0], '_'))
            continue;                           /* never one token */
        for (int i = 1; i < nf; i++) {
            if (strchr(field[i], '_'))
                continue;                       /* "comics comic_strip comic" */
            if (n == cap) {
                cap = cap ? cap * 2 : 1024;
                pairs = xrealloc(pairs, cap * sizeof *pairs);
            }
            pairs[n].form = xstrdup(field[0]);
            pairs[n].lemma = xstrdup(field[i]);
            pairs[n].seq = n;
            n++;
        }
    }
    close_file(&r);
    free(r.buf);
    if (n == 0)
        die("%s: no exceptions", r.path);
    qsort(pairs, n, sizeof *pairs, cmp_pair);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && strcmp(pairs[j].form, pairs[i].form) == 0)
            j++;
        /* The most frequent lemma that is a base form; the first on a tie. */
        size_t best = i;
        bool best_known = sorted_has(base, pairs[i].lemma);
        long best_count = count_of(pos, pairs[i].lemma);
        for (size_t k = i + 1; k < j; k++) {
            if (strcmp(pairs[k].lemma, pairs[best].lemma) == 0)
                continue;
            bool known = sorted_has(base, pairs[k].lemma);
            long c = count_of(pos, pairs[k].lemma);
            if ((known && !best_known) || (known == best_known && c > best_count)) {
                best = k;
                best_known = known;
                best_count = c;
            }
        }
        if (j - i > 1) {
            n_several++;
            n_several_changed += best != i;
        }
        push(out, pairs[i].form, pairs[best].lemma);
        for (size_t k = i; k < j; k++) {
            if (k != i)
                free(pairs[k].form);
            if (k != best)
                free(pairs[k].lemma);
        }
        i = j;
    }
    free(pairs);
}

/* ------------------------------------------------------------------ */
/* Writing C                                                            */
/* ------------------------------------------------------------------ */

/* A string literal piece; '?' is escaped against trigraphs (-std=c17),
 * and a NUL is always written as three octal digits so that a following
 * digit cannot extend it. */
static void put_bytes(const char *s, size_t n, size_t *col)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\0') {
            fputs("\\000", stdout);
            *col += 4;
        } else if (c == '"' || c == '\\' || c == '?') {
            printf("\\%c", c);
            *col += 2;
        } else {
            putchar(c);
            *col += 1;
        }
    }
}

typedef struct table_stats {
    size_t count, bytes, slots, max_probe;
    double miss_probe;
} table_stats;

static table_stats emit_set(const char *name, const entry_list *l, bool pairs)
{
    table_stats st = {0};
    st.count = l->n;
    size_t pos = 1, max_len = 0;
    uint32_t *off = xrealloc(NULL, (l->n ? l->n : 1) * sizeof *off);
    for (size_t i = 0; i < l->n; i++) {
        size_t len = strlen(l->v[i].key);
        off[i] = (uint32_t)pos;
        if (len > max_len)
            max_len = len;
        pos += len + 1;
        if (pairs)
            pos += strlen(l->v[i].lemma) + 1;
    }
    size_t pad = max_len + 1;                /* see dy_wn_set */
    if (pos + pad > DY_WN_OFF_MASK)
        die("%s: %zu bytes of strings, more than the %u a slot can address", name,
            pos + pad, DY_WN_OFF_MASK);
    st.bytes = pos + pad;

    /* About 60% full, never completely: every probe sequence ends. */
    uint32_t n_slots = (uint32_t)(l->n * 5 / 3 + 1);
    uint32_t *slot = calloc(n_slots, sizeof *slot);
    if (!slot)
        die("out of memory");
    for (size_t i = 0; i < l->n; i++) {
        const char *k = l->v[i].key;
        uint32_t h = dy_wn_hash(k, strlen(k));
        uint32_t at = dy_wn_home(h, n_slots);
        size_t p = 1;
        while (slot[at] != 0) {
            at = at + 1 == n_slots ? 0 : at + 1;
            p++;
        }
        slot[at] = (h << DY_WN_OFF_BITS) | off[i];
        if (p > st.max_probe)
            st.max_probe = p;
    }
    /* Mean slots read by a miss, over all home slots. */
    size_t run_total = 0;
    for (uint32_t i = 0; i < n_slots; i++) {
        uint32_t at = i;
        size_t p = 1;
        while (slot[at] != 0) {
            at = at + 1 == n_slots ? 0 : at + 1;
            p++;
        }
        run_total += p;
    }
    st.slots = n_slots;
    st.miss_probe = (double)run_total / n_slots;

    printf("/* %s: %zu entries, %zu bytes of strings, %u slots; slots read by a hit:"
           " at most %zu, by a miss: %.2f on average */\n", name, st.count, st.bytes,
           n_slots, st.max_probe, st.miss_probe);
    printf("static const char %s_str[%zu] =\n    \"\\000\"", name, st.bytes);
    size_t col = 10;
    for (size_t i = 0; i < l->n; i++) {
        if (col > 72) {
            fputs("\n    ", stdout);
            col = 4;
        }
        putchar('"');
        put_bytes(l->v[i].key, strlen(l->v[i].key) + 1, &col);
        if (pairs)
            put_bytes(l->v[i].lemma, strlen(l->v[i].lemma) + 1, &col);
        putchar('"');
        col += 2;
    }
    /* The padding; the literal's own NUL is the last byte. */
    fputs("\n    \"", stdout);
    for (size_t i = 0; i + 1 < pad; i++)
        fputs("\\000", stdout);
    fputs("\";\n", stdout);
    printf("static const uint32_t %s_slot[%u] = {", name, n_slots);
    for (uint32_t i = 0; i < n_slots; i++)
        printf("%s%u,", i % 8 == 0 ? "\n    " : " ", slot[i]);
    fputs("\n};\n", stdout);
    printf("#define %s_SET {%s_str, %s_slot, %uu, %zuu, %zuu}\n\n", name, name, name,
           n_slots, st.count, max_len);
    free(slot);
    free(off);
    return st;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s WORDNET_DIR > wordnet_lemma.c\n", argv[0]);
        return 2;
    }
    const char *dir = argv[1];
    read_counts(dir);
    entry_list base[DY_WN_POS_COUNT] = {{0}}, exc[DY_WN_POS_COUNT] = {{0}};
    for (int p = 0; p < DY_WN_POS_COUNT; p++)
        read_index(dir, p, &base[p]);
    size_t added[DY_WN_POS_COUNT] = {0};
    for (int p = 0; p < DY_WN_POS_COUNT; p++) {
        read_exceptions(dir, p, &base[p], &exc[p]);
        /* A lemma of the exception list is a base form even where the
         * index lacks it (verb.exc has airdropped -> airdrop, index.verb no
         * airdrop): WordNet's own morphology says so. */
        size_t n_index = base[p].n;
        for (size_t i = 0; i < exc[p].n; i++) {
            entry k = {exc[p].v[i].lemma, NULL};
            if (!bsearch(&k, base[p].v, n_index, sizeof k, cmp_entry))
                push(&base[p], xstrdup(exc[p].v[i].lemma), NULL);
        }
        qsort(base[p].v, base[p].n, sizeof *base[p].v, cmp_entry);
        size_t w = 0;
        for (size_t i = 0; i < base[p].n; i++) {
            if (w > 0 && strcmp(base[p].v[w - 1].key, base[p].v[i].key) == 0)
                free(base[p].v[i].key);
            else
                base[p].v[w++] = base[p].v[i];
        }
        base[p].n = w;
        added[p] = w - n_index;
    }

    printf("/* Generated by tools/gen_wordnet.c from %s (WordNet 3.0: index.*,\n"
           " * *.exc, cntlist.rev).  Do not edit; see lib/tag/lemma.h and docs/lemma.md.\n"
           " * %zu exception lines give several lemmas; for %zu of them cntlist.rev\n"
           " * chose one other than the first.  Exception lemmas missing from the\n"
           " * index, added to the base forms: %zu nouns, %zu verbs, %zu adjectives,\n"
           " * %zu adverbs. */\n",
           dir, n_several, n_several_changed, added[0], added[1], added[2], added[3]);
    puts("#include <stdint.h>\n\n#include \"tag/lemma.h\"\n");
    puts("/* One literal per table, far beyond the 4095 bytes ISO C promises;");
    puts(" * gcc and clang take them. */");
    puts("#pragma GCC diagnostic ignored \"-Woverlength-strings\"\n");

    static const char *const upper[DY_WN_POS_COUNT] = {"NOUN", "VERB", "ADJ", "ADV"};
    char name[32];
    size_t total = 0;
    for (int p = 0; p < DY_WN_POS_COUNT; p++) {
        snprintf(name, sizeof name, "%s_BASE", upper[p]);
        table_stats st = emit_set(name, &base[p], false);
        total += st.bytes + st.slots * 4;
        snprintf(name, sizeof name, "%s_EXC", upper[p]);
        st = emit_set(name, &exc[p], true);
        total += st.bytes + st.slots * 4;
    }
    puts("const dy_wn_set dy_wn_base[DY_WN_POS_COUNT] = {");
    for (int p = 0; p < DY_WN_POS_COUNT; p++)
        printf("    [DY_WN_%s] = %s_BASE_SET,\n", upper[p], upper[p]);
    puts("};\n");
    puts("const dy_wn_set dy_wn_exc[DY_WN_POS_COUNT] = {");
    for (int p = 0; p < DY_WN_POS_COUNT; p++)
        printf("    [DY_WN_%s] = %s_EXC_SET,\n", upper[p], upper[p]);
    puts("};");
    printf("\n/* %zu bytes of tables in all. */\n", total);

    if (fflush(stdout) != 0 || ferror(stdout))
        die("write error on standard output");
    fprintf(stderr, "gen_wordnet: %zu bytes of tables (%zu+%zu nouns, %zu+%zu verbs, "
            "%zu+%zu adjectives, %zu+%zu adverbs: base forms+exceptions)\n", total,
            base[0].n, exc[0].n, base[1].n, exc[1].n, base[2].n, exc[2].n,
            base[3].n, exc[3].n);
    return 0;
}

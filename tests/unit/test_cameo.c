/* Unit tests for lib/code/cameo.c and the table generated from
 * data/cameo.tsv.
 *
 * Two groups:
 *  - cameo_lookup: the lookup functions on their own (no external files).
 *  - cameo_reference: our hand-written table against the reference tables
 *    under shared/ (cameo/cameo_codes.tsv for codes, roots, GDELT Goldstein
 *    values and quad classes; plover/CAMEO2PLOVER-2021.txt for the PLOVER
 *    event type).  They are read in place, never copied into the repository;
 *    when they are not there the tests are skipped, saying so.  Each test
 *    lists every disagreement at once rather than stopping at the first. */
#include <criterion/criterion.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "code/cameo.h"

/* ------------------------------------------------------------------ */
/* Lookup without reference files                                      */
/* ------------------------------------------------------------------ */

Test(cameo_lookup, known_event_codes)
{
    dyad_cameo_info info;
    cr_assert_eq(dyad_cameo_lookup("036", &info), 0);
    cr_assert_str_eq(info.code, "036");
    cr_assert_str_eq(info.root, "03");
    cr_assert_eq(info.quad_class, 1);
    cr_assert_float_eq(info.goldstein, 4.0, 1e-9);
    cr_assert(strlen(info.name) > 0);

    cr_assert_eq(dyad_cameo_lookup("1724", &info), 0);
    cr_assert_str_eq(info.root, "17");
    cr_assert_eq(info.quad_class, 4);
    cr_assert_float_eq(info.goldstein, -5.0, 1e-9);

    cr_assert_eq(dyad_cameo_lookup("0214", &info), 0);
    cr_assert_str_eq(info.root, "02");
    cr_assert_eq(info.quad_class, 1);
    cr_assert_float_eq(info.goldstein, 3.4, 1e-9);

    cr_assert_eq(dyad_cameo_lookup("2042", &info), 0);
    cr_assert_eq(info.quad_class, 4);
    cr_assert_float_eq(info.goldstein, -10.0, 1e-9);

    cr_assert_eq(dyad_cameo_lookup("131", &info), 0);
    cr_assert_eq(info.quad_class, 3);
    cr_assert_float_eq(info.goldstein, -5.8, 1e-9);

    cr_assert_eq(dyad_cameo_lookup("061", &info), 0);
    cr_assert_eq(info.quad_class, 2);
    cr_assert_float_eq(info.goldstein, 6.4, 1e-9);
}

Test(cameo_lookup, root_code)
{
    dyad_cameo_info info;
    cr_assert_eq(dyad_cameo_lookup("19", &info), 0);
    cr_assert_str_eq(info.code, "19");
    cr_assert_str_eq(info.root, "19");
    cr_assert_eq(info.quad_class, 4);
    cr_assert_float_eq(info.goldstein, -10.0, 1e-9);
    cr_assert_str_eq(info.name, "Fight");
}

Test(cameo_lookup, code_without_goldstein_value)
{
    /* GDELT's Goldstein table has no value for 1834 (and the later additions
     * such as 1951): the code is known, its Goldstein value is NaN. */
    dyad_cameo_info info;
    cr_assert_eq(dyad_cameo_lookup("1834", &info), 0);
    cr_assert_eq(info.quad_class, 4);
    cr_assert(isnan(info.goldstein));
    cr_assert_eq(dyad_cameo_lookup("1951", &info), 0);
    cr_assert(isnan(info.goldstein));
}

Test(cameo_lookup, unknown_codes_return_minus_one)
{
    /* What PETRARCH dictionaries and inputs can hand us besides real codes. */
    static const char *const bad[] = {
        "---", "075A", "999", "21", "00", "0", "", "01234", "0360",
        "03 ", " 036", "1724X", "ABC", "\xff\xfe",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        dyad_cameo_info info = {"x", "x", "x", 9, 9.0};
        cr_expect_eq(dyad_cameo_lookup(bad[i], &info), -1, "code \"%s\"", bad[i]);
        cr_expect_null(info.code, "code \"%s\"", bad[i]);
        cr_expect_null(info.root);
        cr_expect_null(info.name);
        cr_expect_eq(info.quad_class, 0);
    }
    cr_assert_eq(dyad_cameo_lookup(NULL, NULL), -1);
    /* out may be NULL: a membership test. */
    cr_assert_eq(dyad_cameo_lookup("010", NULL), 0);
}

Test(cameo_lookup, unknown_code_root_is_derived_by_caller)
{
    /* Documented convention: for "075A" the caller takes the root from the
     * first two characters and may look that up. */
    dyad_cameo_info info;
    const char *odd = "075A";
    cr_assert_eq(dyad_cameo_lookup(odd, &info), -1);
    char root[3] = {odd[0], odd[1], '\0'};
    cr_assert_eq(dyad_cameo_lookup(root, &info), 0);
    cr_assert_eq(info.quad_class, 2);
}

Test(cameo_lookup, plover)
{
    const char *p = "x";
    cr_assert_eq(dy_cameo_plover("036", &p), 0);
    cr_assert_str_eq(p, "AGREE");
    cr_assert_eq(dy_cameo_plover("190", &p), 0);
    cr_assert_str_eq(p, "ASSAULT");
    cr_assert_eq(dy_cameo_plover("010", &p), 0); /* a plain statement: no type */
    cr_assert_null(p);
    p = "x";
    cr_assert_eq(dy_cameo_plover("075A", &p), -1);
    cr_assert_null(p);
    cr_assert_eq(dy_cameo_plover("141", NULL), 0);
}

Test(cameo_lookup, table_is_consistent)
{
    /* The generator checks this too; this guards the C side (key packing). */
    size_t roots = 0;
    cr_assert_gt(dy_cameo_count, 300);
    for (size_t i = 0; i < dy_cameo_count; i++) {
        const dy_cameo_entry *e = &dy_cameo_entries[i];
        size_t len = strlen(e->code);
        cr_assert(len >= 2 && len <= 4, "%s", e->code);
        if (i > 0) {
            cr_assert_lt(dy_cameo_keys[i - 1], dy_cameo_keys[i], "%s", e->code);
            cr_assert_lt(strcmp(dy_cameo_entries[i - 1].code, e->code), 0);
        }
        cr_assert_eq(dy_cameo_find(e->code), e, "%s", e->code);
        cr_assert_eq(strncmp(e->code, e->root, 2), 0);
        cr_assert_not_null(dy_cameo_find(e->root), "root of %s", e->code);
        int r = atoi(e->root);
        int want = r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
        cr_assert_eq(e->quad_class, want, "%s", e->code);
        cr_assert(e->goldstein10 >= -100 && e->goldstein10 <= 100, "%s", e->code);
        if (!e->has_goldstein)
            cr_assert_eq(e->goldstein10, 0, "%s", e->code);
        if (len == 2)
            roots++;
    }
    cr_assert_eq(roots, 20);
}

/* ------------------------------------------------------------------ */
/* Against the shared reference tables                                 */
/* ------------------------------------------------------------------ */

#define MAX_REF 512
#define REPORT_MAX 16384

typedef struct ref_row {
    char code[8];
    char root[8];
    int quad;            /* quad_class_gdelt; 0 when empty */
    int has_goldstein;
    int goldstein10;     /* goldstein_gdelt in tenths */
} ref_row;

/* Where the shared folder is: $DYAD_SHARED, else ../shared from the repo
 * root (where `make unit` runs the tests). */
static const char *shared_dir(void)
{
    const char *d = getenv("DYAD_SHARED");
    return d != NULL && *d != '\0' ? d : "../shared";
}

static FILE *open_shared(const char *rel)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", shared_dir(), rel);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        cr_skip_test("reference %s not found (set DYAD_SHARED to the shared "
                     "folder to compare the CAMEO table against it)", path);
    return f;
}

static void chomp(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
}

/* Splits a TSV line in place; returns the number of fields. */
static int split_tabs(char *line, char **fields, int max)
{
    int n = 0;
    char *p = line;
    while (n < max) {
        fields[n++] = p;
        char *tab = strchr(p, '\t');
        if (tab == NULL)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    return n;
}

static int tenths(const char *s)
{
    double v = strtod(s, NULL);
    return (int)(v < 0 ? v * 10 - 0.5 : v * 10 + 0.5);
}

/* Reads cameo/cameo_codes.tsv, finding its columns by header name. */
static size_t load_reference(ref_row *rows)
{
    FILE *f = open_shared("cameo/cameo_codes.tsv");
    char *line = NULL;
    size_t cap = 0, n = 0;
    int c_code = -1, c_root = -1, c_quad = -1, c_gold = -1;
    char *fld[64];
    cr_assert(getline(&line, &cap, f) > 0, "empty reference table");
    chomp(line);
    int nf = split_tabs(line, fld, 64);
    for (int i = 0; i < nf; i++) {
        if (strcmp(fld[i], "code") == 0) c_code = i;
        else if (strcmp(fld[i], "root_code") == 0) c_root = i;
        else if (strcmp(fld[i], "quad_class_gdelt") == 0) c_quad = i;
        else if (strcmp(fld[i], "goldstein_gdelt") == 0) c_gold = i;
    }
    cr_assert(c_code >= 0 && c_root >= 0 && c_quad >= 0 && c_gold >= 0,
              "reference header lacks code/root_code/quad_class_gdelt/goldstein_gdelt");
    while (getline(&line, &cap, f) > 0) {
        chomp(line);
        if (line[0] == '\0')
            continue;
        nf = split_tabs(line, fld, 64);
        cr_assert(nf > c_gold && nf > c_quad && nf > c_root, "short reference row");
        cr_assert_lt(n, MAX_REF);
        ref_row *r = &rows[n++];
        snprintf(r->code, sizeof r->code, "%s", fld[c_code]);
        snprintf(r->root, sizeof r->root, "%s", fld[c_root]);
        r->quad = atoi(fld[c_quad]);
        r->has_goldstein = fld[c_gold][0] != '\0';
        r->goldstein10 = r->has_goldstein ? tenths(fld[c_gold]) : 0;
    }
    free(line);
    fclose(f);
    return n;
}

static const ref_row *ref_find(const ref_row *rows, size_t n, const char *code)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(rows[i].code, code) == 0)
            return &rows[i];
    return NULL;
}

/* Appends to a bounded report buffer. */
static void report(char *buf, const char *fmt, const char *a, const char *b, const char *c)
{
    size_t used = strlen(buf);
    if (used + 1 < REPORT_MAX)
        snprintf(buf + used, REPORT_MAX - used, fmt, a, b, c);
}

Test(cameo_reference, same_codes)
{
    static ref_row rows[MAX_REF];
    static char msg[REPORT_MAX];
    size_t n = load_reference(rows);
    int bad = 0;
    msg[0] = '\0';
    for (size_t i = 0; i < n; i++)
        if (dy_cameo_find(rows[i].code) == NULL) {
            report(msg, " missing %s%s%s;", rows[i].code, "", "");
            bad++;
        }
    for (size_t i = 0; i < dy_cameo_count; i++)
        if (ref_find(rows, n, dy_cameo_entries[i].code) == NULL) {
            report(msg, " extra %s%s%s;", dy_cameo_entries[i].code, "", "");
            bad++;
        }
    cr_expect_eq(bad, 0, "%d code(s) differ from the reference:%s", bad, msg);
    cr_expect_eq(n, dy_cameo_count);
}

Test(cameo_reference, roots_quad_classes_and_goldstein)
{
    static ref_row rows[MAX_REF];
    static char msg[REPORT_MAX];
    size_t n = load_reference(rows);
    int bad = 0;
    msg[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        const ref_row *r = &rows[i];
        const dy_cameo_entry *e = dy_cameo_find(r->code);
        if (e == NULL)
            continue;   /* reported by same_codes */
        char ours[16], theirs[16];
        if (strcmp(e->root, r->root) != 0) {
            report(msg, " %s: root %s, reference %s;", r->code, e->root, r->root);
            bad++;
        }
        if (r->quad != 0 && e->quad_class != r->quad) {
            snprintf(ours, sizeof ours, "%d", e->quad_class);
            snprintf(theirs, sizeof theirs, "%d", r->quad);
            report(msg, " %s: quad %s, reference %s;", r->code, ours, theirs);
            bad++;
        }
        if (r->has_goldstein != e->has_goldstein) {
            report(msg, " %s: goldstein %s, reference %s;", r->code,
                   e->has_goldstein ? "set" : "empty", r->has_goldstein ? "set" : "empty");
            bad++;
        } else if (r->has_goldstein && e->goldstein10 != r->goldstein10) {
            snprintf(ours, sizeof ours, "%.1f", e->goldstein10 / 10.0);
            snprintf(theirs, sizeof theirs, "%.1f", r->goldstein10 / 10.0);
            report(msg, " %s: goldstein %s, reference %s;", r->code, ours, theirs);
            bad++;
        }
    }
    cr_expect_eq(bad, 0, "%d disagreement(s) with the reference:%s", bad, msg);
}

/* CAMEO2PLOVER lines look like "0311: AGREE,  ,   economic # comment" or,
 * for roots, "03: AGREE".  A code may be listed more than once (root 08 is
 * both CONCEDE and RETREAT); ours must then be one of the listed types. */
Test(cameo_reference, plover_event_types)
{
    static char msg[REPORT_MAX];
    FILE *f = open_shared("plover/CAMEO2PLOVER-2021.txt");
    char *line = NULL;
    size_t cap = 0;
    int listed = 0, bad = 0;
    /* code -> all event types listed for it, space-separated */
    static char codes[MAX_REF][8];
    static char types[MAX_REF][64];
    size_t nc = 0;
    msg[0] = '\0';
    while (getline(&line, &cap, f) > 0) {
        chomp(line);
        char *p = line;
        size_t digits = 0;
        while (isdigit((unsigned char)p[digits]))
            digits++;
        if (digits < 2 || digits > 4 || p[digits] != ':')
            continue;   /* comments, blank lines */
        p[digits] = '\0';
        char *ev = p + digits + 1;
        while (*ev == ' ' || *ev == '\t')
            ev++;
        size_t len = strspn(ev, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        ev[len] = '\0';
        if (len == 0)
            continue;
        size_t k = 0;
        while (k < nc && strcmp(codes[k], p) != 0)
            k++;
        if (k == nc) {
            cr_assert_lt(nc, MAX_REF);
            snprintf(codes[nc], sizeof codes[nc], "%s", p);
            types[nc][0] = '\0';
            nc++;
        }
        size_t used = strlen(types[k]);
        snprintf(types[k] + used, sizeof types[k] - used, " %s ", ev);
    }
    free(line);
    fclose(f);
    cr_assert_gt(nc, 100, "no mappings parsed from CAMEO2PLOVER-2021.txt");

    for (size_t k = 0; k < nc; k++) {
        const char *ours = NULL;
        listed++;
        if (dy_cameo_plover(codes[k], &ours) != 0) {
            report(msg, " %s: not in our table (PLOVER:%s)%s;", codes[k], types[k], "");
            bad++;
            continue;
        }
        char needle[32];
        snprintf(needle, sizeof needle, " %s ", ours != NULL ? ours : "(none)");
        if (strstr(types[k], needle) == NULL) {
            report(msg, " %s: ours %s, PLOVER:%s;", codes[k],
                   ours != NULL ? ours : "(none)", types[k]);
            bad++;
        }
    }
    cr_expect_eq(bad, 0, "%d of %d PLOVER mappings disagree:%s", bad, listed, msg);
}

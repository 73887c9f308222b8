/* code_inputs.c -- operands to a list of input files. */
#include "code_inputs.h"
#include "cli_util.h"

#include <dirent.h>
#include <errno.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Deeper nesting is reported and not walked: it guards against a loop of
 * symbolic links as much as anything. */
#define MAX_DIR_DEPTH 64

static const char *const compression_suffixes[] = { ".gz", ".zst" };

/* Length of path without a trailing .gz or .zst. */
static size_t without_compression(const char *path)
{
    size_t n = strlen(path);
    for (size_t i = 0; i < sizeof compression_suffixes / sizeof *compression_suffixes; i++)
        if (cli_has_suffix(path, compression_suffixes[i]))
            return n - strlen(compression_suffixes[i]);
    return n;
}

static int stem_has_suffix(const char *path, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    if (k > n)
        return 0;
    for (size_t i = 0; i < k; i++) {
        char c = path[n - k + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != suffix[i])
            return 0;
    }
    return 1;
}

dyad_input_format code_input_format_of(const char *path)
{
    size_t n = without_compression(path);
    if (stem_has_suffix(path, n, ".xml"))
        return DYAD_INPUT_PETRXML;
    if (stem_has_suffix(path, n, ".txt"))
        return DYAD_INPUT_TEXT;
    if (stem_has_suffix(path, n, ".jsonl") || stem_has_suffix(path, n, ".ndjson") ||
        stem_has_suffix(path, n, ".json"))
        return DYAD_INPUT_JSONL;
    return DYAD_INPUT_AUTO;
}

char *code_input_text_id(const char *path)
{
    if (strcmp(path, "-") == 0)
        return cli_xstrdup("text");
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = without_compression(base);
    const char *dot = NULL;
    for (size_t i = 0; i < n; i++)
        if (base[i] == '.')
            dot = base + i;
    if (dot && dot != base)
        n = (size_t)(dot - base);
    if (n == 0)
        return cli_xstrdup("text");
    char *id = cli_xmalloc(n + 1);
    memcpy(id, base, n);
    id[n] = '\0';
    return id;
}

static void add_input(code_inputs *in, const char *path, dyad_input_format fallback)
{
    if (in->n == in->cap) {
        in->cap = in->cap ? in->cap * 2 : 16;
        in->items = cli_xrealloc(in->items, in->cap * sizeof *in->items);
    }
    code_input *it = &in->items[in->n++];
    it->path = cli_xstrdup(path);
    it->format = code_input_format_of(path);
    if (it->format == DYAD_INPUT_AUTO)
        it->format = fallback;
    struct stat st;
    int known = strcmp(path, "-") == 0 ? fstat(0, &st) == 0 : stat(path, &st) == 0;
    it->size = known && S_ISREG(st.st_mode) ? (long long)st.st_size : -1;
    if (it->size < 0)
        in->total_size = -1;
    else if (in->total_size >= 0)
        in->total_size += it->size;
}

static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the files of directory dir with a known extension, recursively;
 * entries are taken in sorted order, dot files skipped. */
static void add_directory(code_inputs *in, const char *dir, dyad_input_format fallback,
                          int depth)
{
    if (depth > MAX_DIR_DEPTH) {
        cli_msg("cannot read %s: directories nested deeper than %d", dir, MAX_DIR_DEPTH);
        in->failed = 1;
        return;
    }
    DIR *d = opendir(dir);
    if (!d) {
        cli_msg("cannot read %s: %s", dir, strerror(errno));
        in->failed = 1;
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((errno = 0, e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            names = cli_xrealloc(names, cap * sizeof *names);
        }
        names[n++] = cli_xprintf("%s%s%s", dir,
                                 dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
    }
    if (errno != 0) {
        cli_msg("cannot read %s: %s", dir, strerror(errno));
        in->failed = 1;
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, compare_paths);
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(names[i], &st) == 0 && S_ISDIR(st.st_mode))
            add_directory(in, names[i], fallback, depth + 1);
        else if (code_input_format_of(names[i]) != DYAD_INPUT_AUTO)
            add_input(in, names[i], fallback);
        free(names[i]);
    }
    free(names);
}

static void add_operand(code_inputs *in, const char *op, dyad_input_format fallback)
{
    struct stat st;
    if (strcmp(op, "-") != 0 && stat(op, &st) == 0 && S_ISDIR(st.st_mode)) {
        add_directory(in, op, fallback, 0);
        return;
    }
    if (strcmp(op, "-") == 0 || stat(op, &st) == 0 || !strpbrk(op, "*?[")) {
        add_input(in, op, fallback);
        return;
    }
    glob_t g;
    int rc = glob(op, 0, NULL, &g);
    if (rc != 0) {
        if (rc != GLOB_NOMATCH) {
            cli_msg("cannot expand %s: %s", op,
                    rc == GLOB_NOSPACE ? "out of memory" : "a directory could not be read");
            in->failed = 1;
        }
        add_input(in, op, fallback);   /* reading it says "No such file" */
        globfree(&g);
        return;
    }
    for (size_t i = 0; i < g.gl_pathc; i++) {   /* glob() sorts them */
        if (stat(g.gl_pathv[i], &st) == 0 && S_ISDIR(st.st_mode))
            add_directory(in, g.gl_pathv[i], fallback, 0);
        else
            add_input(in, g.gl_pathv[i], fallback);
    }
    globfree(&g);
}

void code_inputs_expand(code_inputs *in, const char *const *operands, size_t n,
                        dyad_input_format fallback)
{
    memset(in, 0, sizeof *in);
    if (n == 0)
        add_input(in, "-", fallback);
    for (size_t i = 0; i < n; i++)
        add_operand(in, operands[i], fallback);
}

void code_inputs_free(code_inputs *in)
{
    for (size_t i = 0; i < in->n; i++)
        free(in->items[i].path);
    free(in->items);
    memset(in, 0, sizeof *in);
}

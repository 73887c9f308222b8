/* dict_test_util.c -- see dict_test_util.h. */
#include "dict_test_util.h"

#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dy_test_collect(void *user, const char *file, long line, const char *message)
{
    (void)file;
    dy_test_warnings *w = user;
    if (w->n < DY_TEST_MAX_WARN) {
        w->line[w->n] = line;
        snprintf(w->text[w->n], sizeof w->text[w->n], "%s", message);
    }
    w->n++;
}

bool dy_test_warned(const dy_test_warnings *w, long line, const char *needle)
{
    for (size_t i = 0; i < w->n && i < DY_TEST_MAX_WARN; i++)
        if (w->line[i] == line && strstr(w->text[i], needle))
            return true;
    return false;
}

char *dy_test_read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    cr_assert_not_null(fp, "cannot open %s (tests run from the repository root)", path);
    fseek(fp, 0, SEEK_END);
    long size = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    cr_assert(size > 0, "%s is empty", path);
    char *buf = malloc((size_t)size + 1);
    cr_assert_not_null(buf);
    *len = fread(buf, 1, (size_t)size, fp);
    buf[*len] = '\0';
    fclose(fp);
    return buf;
}

char *dy_test_read_shared(size_t *len, const char *fmt, ...)
{
    const char *dir = getenv("DYAD_SHARED");
    char relative[512], path[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(relative, sizeof relative, fmt, ap);
    va_end(ap);
    snprintf(path, sizeof path, "%s/%s", dir ? dir : "../shared", relative);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    long size = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *buf = malloc((size_t)(size > 0 ? size : 0) + 1);
    if (!buf) {
        fclose(fp);
        return NULL;
    }
    *len = fread(buf, 1, (size_t)(size > 0 ? size : 0), fp);
    buf[*len] = '\0';
    fclose(fp);
    return buf;
}

size_t dy_test_sentence(const dy_intern *words, const char *text, uint32_t *ids, size_t cap)
{
    size_t n = 0;
    const char *p = text;
    while (*p && n < cap) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        char buf[128];
        size_t k = 0;
        while (*p && *p != ' ' && k + 1 < sizeof buf) {
            char c = *p++;
            buf[k++] = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
        }
        ids[n++] = dy_intern_find(words, buf, k);
    }
    return n;
}

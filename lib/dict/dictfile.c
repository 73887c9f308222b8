/* dictfile.c -- see dictfile.h. */
#include "dictfile.h"

#include <stdlib.h>
#include <string.h>

void dy_dictfile_init(dy_dictfile *f, const char *data, size_t len)
{
    memset(f, 0, sizeof *f);
    f->data = data;
    f->len = len;
    f->semicolon_comments = true;
}

void dy_dictfile_done(dy_dictfile *f)
{
    free(f->buf);
    f->buf = NULL;
    f->cap = 0;
}

static bool ensure(dy_dictfile *f, size_t n)
{
    if (n <= f->cap)
        return true;
    size_t ncap = f->cap ? f->cap : 256;
    while (ncap < n)
        ncap *= 2;
    char *nb = realloc(f->buf, ncap);
    if (!nb)
        return false;
    f->buf = nb;
    f->cap = ncap;
    return true;
}

bool dy_dictfile_next(dy_dictfile *f, dy_dictline *out)
{
    while (f->pos < f->len) {
        const char *line = f->data + f->pos;
        const char *nl = memchr(line, '\n', f->len - f->pos);
        size_t n = nl ? (size_t)(nl - line) : f->len - f->pos;
        f->pos += n + (nl ? 1 : 0);
        f->lineno++;
        if (!ensure(f, n + 1))
            return false;

        /* Copy the line, dropping comments. */
        size_t k = 0;
        for (size_t i = 0; i < n;) {
            if (f->in_comment) {
                /* Only "-->" ends a comment; "--" alone is allowed inside. */
                if (i + 2 < n && line[i] == '-' && line[i + 1] == '-' && line[i + 2] == '>') {
                    f->in_comment = false;
                    i += 3;
                } else {
                    i++;
                }
                continue;
            }
            char c = line[i];
            if (c == '<' && n - i >= 4 && memcmp(line + i, "<!--", 4) == 0) {
                f->in_comment = true;
                i += 4;
                continue;
            }
            if (c == '#' || (c == ';' && f->semicolon_comments))
                break;
            if (c == '\r' || c == '\0') {
                i++;
                continue;
            }
            f->buf[k++] = c;
            i++;
        }
        bool indented = n > 0 && (line[0] == '\t' || line[0] == ' ');
        size_t a = 0, b = k;
        while (a < b && (f->buf[a] == ' ' || f->buf[a] == '\t'))
            a++;
        while (b > a && (f->buf[b - 1] == ' ' || f->buf[b - 1] == '\t'))
            b--;
        if (a == b)
            continue;
        f->buf[b] = '\0';
        out->text = f->buf + a;
        out->len = b - a;
        out->lineno = f->lineno;
        out->indented = indented;
        return true;
    }
    return false;
}

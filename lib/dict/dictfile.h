/* dictfile.h -- line reader shared by every dictionary format.
 *
 * PETRARCH/TABARI comment rules, applied once here so each format parser
 * sees only content: "<!-- ... -->" (also across lines; "--" inside is
 * allowed, only "-->" ends it), "#" to end of line, and the legacy ";" to end
 * of line.  Blank lines are skipped.  A tab at the start of a line is
 * significant in actor files (date restrictions), so `indented` reports it. */
#ifndef DY_DICTFILE_H
#define DY_DICTFILE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct dy_dictline {
    const char *text;   /* content without comments, trimmed; not NUL-terminated */
    size_t len;
    long lineno;        /* 1-based line in the file */
    bool indented;      /* the raw line began with a tab or space */
} dy_dictline;

typedef struct dy_dictfile {
    const char *data;
    size_t len, pos;
    long lineno;
    bool in_comment;
    bool semicolon_comments;   /* ';' starts a comment (not in issues files) */
    char *buf;                 /* content of the current line */
    size_t cap;
} dy_dictfile;

void dy_dictfile_init(dy_dictfile *f, const char *data, size_t len);
/* Next non-empty content line; false at the end (or out of memory). */
bool dy_dictfile_next(dy_dictfile *f, dy_dictline *out);
void dy_dictfile_done(dy_dictfile *f);

#endif

/* code_inputs.h -- the inputs of `dyad code`: operands expanded into a list
 * of files, each with the format its name says.
 *
 * An operand is "-" (standard input), a file, a directory (its files with
 * a known extension, recursively, in sorted order) or, when no file has
 * that name, a glob pattern (quoted, so the shell left it alone).  A name
 * that is none of these is kept: reading it fails later with a message
 * that names it, like any unreadable input. */
#ifndef DYAD_CODE_INPUTS_H
#define DYAD_CODE_INPUTS_H

#include <stddef.h>

#include "dyad.h"

typedef struct code_input {
    char *path;                 /* "-" for standard input */
    dyad_input_format format;   /* from the name or --format; AUTO: from the content */
    long long size;             /* bytes on disk; -1 when unknown (a pipe, a missing file) */
} code_input;

typedef struct code_inputs {
    code_input *items;
    size_t n, cap;
    long long total_size;       /* sum of the sizes; -1 when any is unknown */
    int failed;                 /* a directory could not be read (a message was printed) */
} code_inputs;

/* Expands the operands in order (none: standard input).  `fallback` is the
 * format (--format) of inputs whose name has no known extension, after any
 * .gz or .zst; DYAD_INPUT_AUTO recognises them by their first byte. */
void code_inputs_expand(code_inputs *in, const char *const *operands, size_t n,
                        dyad_input_format fallback);
void code_inputs_free(code_inputs *in);

/* The format a name says: .xml, .jsonl/.ndjson/.json, .txt, each also with
 * .gz or .zst after it; DYAD_INPUT_AUTO for anything else. */
dyad_input_format code_input_format_of(const char *path);

/* The article id of a plain-text input: its file name without directory,
 * compression suffix and extension ("news/story-7.txt.gz" -> "story-7");
 * "text" for standard input.  Returns a new string. */
char *code_input_text_id(const char *path);

#endif

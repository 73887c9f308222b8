/* json_writer.h -- JSON Lines output (internal helpers).
 *
 * The public writers are dyad_write_event_json() and dyad_write_error_json()
 * in dyad.h; docs/output.md is the contract for what they print.  The string
 * encoder is exposed here so other writers (the CLI's summaries, a future
 * server mode) escape text exactly the same way. */
#ifndef DY_JSON_WRITER_H
#define DY_JSON_WRITER_H

#include <stddef.h>
#include <stdio.h>

/*! dy_json_put_string() : writes s[0..n) as a quoted JSON string: '"' and
 *  '\\' escaped, control bytes as \b \f \n \r \t or \u00XX, valid UTF-8
 *  passed through, each maximal invalid UTF-8 subsequence replaced by one
 *  U+FFFD, so the output is always valid JSON.  s == NULL writes "".
 *  Stops early at a NUL byte.  0 on success, -1 on a write error. */
int dy_json_put_string(FILE *f, const char *s, size_t n);

#endif

/* code_source.h -- the reading side of `dyad code`: every record of every
 * input, in order, as work items (code_work.h).
 *
 * It opens each input as a stream (input_stream.h: plain, gzip, zstd),
 * reads it with the library's streaming reader, and keeps the coding
 * options as records and <Environment> blocks change them, giving each
 * item the options in force for it; so items can be coded on any thread,
 * in any order, exactly as one coder reading them in turn would. */
#ifndef DYAD_CODE_SOURCE_H
#define DYAD_CODE_SOURCE_H

#include <stdatomic.h>

#include "code_inputs.h"
#include "code_work.h"

typedef struct code_source code_source;

/* Reads inputs (which must outlive the source) with opts as the options
 * before the first record.  Plain-text inputs get date and, when it is not
 * NULL, article_id.  The first `skip` records are read and dropped (a
 * resumed run).  Bytes read are added to *bytes_read. */
code_source *code_source_create(const code_inputs *inputs, const dyad_options *opts,
                                const char *date, const char *article_id,
                                unsigned long long skip, atomic_ullong *bytes_read);
void code_source_free(code_source *s);

/* The next record as a work item, or NULL when there are no more, or when
 * a stop signal arrived (a record being read then is dropped: it was not
 * read whole).  A record the reader could not read is an item too. */
code_item *code_source_next(code_source *s);

/* Some input could not be opened, or stopped being readable (a message
 * named it): the run must end with exit status 2. */
int code_source_failed(const code_source *s);

/* Every input was read to its end (no stop signal cut it short). */
int code_source_complete(const code_source *s);

#endif

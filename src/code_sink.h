/* code_sink.h -- the writing side of `dyad code`: items, in input order, to
 * the output and error streams; the counts; with --resume, the commits
 * (flush, fsync, journal) between whole records; the progress line.
 *
 * Only the writing thread calls these. */
#ifndef DYAD_CODE_SINK_H
#define DYAD_CODE_SINK_H

#include <stdatomic.h>
#include <stdio.h>

#include "code_stats.h"
#include "code_work.h"
#include "resume_journal.h"

typedef struct code_sink {
    FILE *out, *err;               /* err may be stderr */
    const char *out_name, *err_name;
    code_stats stats;              /* of the whole batch (a resumed run starts from the journal's) */
    unsigned long long written;    /* items written by this run */
    int failed;                    /* a write or commit failed (a message was printed): stop */

    /* --resume: journal is NULL without it.  state.args_hash must be set;
     * the rest is filled at each commit. */
    const char *journal;
    resume_state state;
    double commit_interval_s, last_commit;
    int names_synced;              /* the output files' directories were synced */

    /* Progress line (on a terminal, without -q). */
    int progress;
    int progress_shown;            /* a line is on the screen: clear it before other output */
    double started, last_progress;
    atomic_ullong *bytes_read;     /* may be NULL */
    long long total_bytes;         /* -1 when unknown */
} code_sink;

/* Writes the item's output, counts it, frees it; commits or shows progress
 * when it is time. */
void code_sink_write(code_sink *k, code_item *it);

/* For a writer that is waiting: progress and timed commits. */
void code_sink_tick(code_sink *k);

/* With --resume: flushes and syncs the output and error files, then
 * replaces the journal.  0, or -1 (message printed, k->failed set). */
int code_sink_commit(code_sink *k);

/* Clears the progress line, if one is shown. */
void code_sink_clear_progress(code_sink *k);

#endif

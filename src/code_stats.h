/* code_stats.h -- what a `dyad code` run did, counted the same way whether
 * it ran on one thread or many, in one go or resumed: every record read is
 * exactly one of coded, error or discarded.
 *
 * Also the reports made from the counts: the summary lines on standard
 * error, the --stats JSON file and the progress line. */
#ifndef DYAD_CODE_STATS_H
#define DYAD_CODE_STATS_H

#include <stdio.h>

#include "code_work.h"

#define CODE_STATS_MAX_KINDS 24   /* error kinds counted apart; the rest as "other" */

typedef struct code_kind_count {
    char name[32];
    unsigned long long n;
} code_kind_count;

typedef struct code_stats {
    unsigned long long read, coded, events, errors, discarded;
    unsigned long long articles, sentences, sentences_failed;
    code_kind_count kinds[CODE_STATS_MAX_KINDS];
    size_t n_kinds;
} code_stats;

/* Counts one written item. */
void code_stats_add_item(code_stats *s, const code_item *it);

/* Adds n errors of kind (to the per-kind counts only). */
void code_stats_add_kind(code_stats *s, const char *kind, unsigned long long n);

/* How a run went, for the reports. */
typedef struct code_run_info {
    double wall_s;                   /* since the coding step started */
    unsigned long long input_bytes;  /* read by this run (as on disk) */
    unsigned long long resumed;      /* records skipped because an earlier run committed them */
    unsigned threads;
    int interrupted;                 /* the signal that stopped the run, or 0 */
    int complete;                    /* every input was read to its end */
    int exit_status;
} code_run_info;

/* "dyad: errors by kind: bad_record 3, limit 1" (nothing without errors). */
void code_stats_print_kinds(const code_stats *s, FILE *f);

/* The last line of `dyad code`, exactly:
 * "dyad: records read N, coded N, events N, errors N, discarded N". */
void code_stats_print_summary(const code_stats *s, FILE *f);

/* "dyad: N records in S s: N records/s, N sentences/s, N MB/s, T threads". */
void code_stats_print_rates(const code_stats *s, const code_run_info *run, FILE *f);

/* Writes the counts and the run as one JSON object (docs/cli.md, --stats);
 * 0, or -1 with a message naming path. */
int code_stats_write_json(const code_stats *s, const code_run_info *run, const char *path);

/* The progress line: "\r" + counts, rates, ETA when total_bytes > 0 +
 * clear-to-end-of-line.  `records` is how many this run has written. */
void code_stats_print_progress(const code_stats *s, unsigned long long records,
                               unsigned long long input_bytes, long long total_bytes,
                               double elapsed_s, FILE *f);

#endif

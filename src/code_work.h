/* code_work.h -- one record as a unit of work for `dyad code`: a copy of
 * what the reader gave (so that reading may go on meanwhile), the options
 * in force for it, and, once a worker has coded it, its output already
 * formatted as JSON lines and its counts.
 *
 * Formatting in the worker keeps the writer's share of the work to
 * fwrite(), so that it never becomes the bottleneck of a parallel run. */
#ifndef DYAD_CODE_WORK_H
#define DYAD_CODE_WORK_H

#include <stddef.h>
#include <stdio.h>

#include "dyad.h"

typedef enum code_outcome {
    CODE_CODED,       /* zero or more events */
    CODE_DISCARDED,   /* a discard-list match: nothing written */
    CODE_ERROR,       /* one error record */
} code_outcome;

typedef struct code_item {
    /* In: set by code_item_create(). */
    dyad_record rec;            /* its strings live in the item; rec.file is borrowed */
    dyad_options opts;          /* the options in force for this record */
    dyad_status read_status;    /* DYAD_OK, or why the reader could not read it */
    const char *read_error;     /* the reader's "FILE:LINE: reason", when it failed */
    size_t size;                /* bytes the item holds, for the pipeline's memory budget */

    /* Out: set by code_worker_run(). */
    code_outcome outcome;
    char kind[32];              /* the error kind when outcome is CODE_ERROR */
    size_t n_events;
    int is_article;
    unsigned long sentences, sentences_failed;   /* articles only */
    char *events;               /* the event lines, events_len bytes (NULL when none) */
    size_t events_len;
    char *error;                /* the error record line */
    size_t error_len;
    int out_of_memory;          /* the output could not be formatted */
} code_item;

/* A copy of rec (file borrowed: it must outlive the item) for coding with
 * opts.  read_status and read_error describe a record the reader could not
 * read: the item then becomes an error record.  Never NULL (exits on out
 * of memory, like every CLI allocation). */
code_item *code_item_create(const dyad_record *rec, const dyad_options *opts,
                            dyad_status read_status, const char *read_error);
void code_item_free(code_item *it);

/* The error kind of a record the reader could not read: "limit" (a size
 * limit), "read_error" (the input stopped being readable) or "bad_record". */
const char *code_read_error_kind(dyad_status st);

/* What one coding thread owns: its coder and the buffer its output is
 * formatted in. */
typedef struct code_worker {
    dyad_coder *coder;
    FILE *mem;
    char *mem_data;
    size_t mem_len;
} code_worker;

/* 0, or -1 when out of memory. */
int code_worker_init(code_worker *w, const dyad_engine *e);
void code_worker_free(code_worker *w);

/* Codes the item (or turns a read failure into its error record) and
 * formats its output into it. */
void code_worker_run(code_worker *w, code_item *it);

#endif

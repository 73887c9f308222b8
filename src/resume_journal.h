/* resume_journal.h -- the --resume journal of `dyad code`: a small text
 * file beside the output (OUTPUT.dyad-resume) saying how far the committed
 * output goes.
 *
 * After each batch the output (and the error file) are flushed and synced,
 * then the journal is replaced atomically (temporary file, fsync, rename,
 * fsync of the directory), so at any instant, even after kill -9 or a
 * power loss, it names a prefix of the input whose output is entirely on
 * disk.  A restarted run truncates the output to the sizes recorded, skips
 * that many input records and goes on; the counts recorded make its
 * summary that of the whole batch. */
#ifndef DYAD_RESUME_JOURNAL_H
#define DYAD_RESUME_JOURNAL_H

#include <stddef.h>
#include <stdint.h>

#include "code_stats.h"

typedef struct resume_state {
    uint64_t args_hash;           /* of everything that decides the output */
    unsigned long long records;   /* input records whose output is committed */
    long long output_bytes;       /* committed size of the output file */
    long long errors_bytes;       /* ... of the error file; -1 when errors go to stderr */
    code_stats stats;             /* the counts of those records */
} resume_state;

/* The journal's name for an output file: OUTPUT.dyad-resume (new string). */
char *resume_journal_path(const char *output);

/* Reads a journal: 1 when read, 0 when there is none, -1 when it cannot be
 * used (why says why). */
int resume_journal_read(const char *path, resume_state *st, char *why, size_t why_size);

/* Replaces the journal atomically; 0, or -1 with why set. */
int resume_journal_write(const char *path, const resume_state *st, char *why,
                         size_t why_size);

/* Removes the journal once the batch is complete; 0, or -1 with why set. */
int resume_journal_remove(const char *path, char *why, size_t why_size);

/* fsync of the directory holding path, so that the file's name (a new
 * file, a rename) survives a power loss; 0, or -1 with errno set. */
int resume_sync_directory_of(const char *path);

/* FNV-1a, 64 bits, over a sequence of fields: resume_hash_field(&h, ...)
 * for each, starting from RESUME_HASH_INIT.  Each field is followed by a
 * separator, so ("ab","c") and ("a","bc") differ. */
#define RESUME_HASH_INIT UINT64_C(0xcbf29ce484222325)
void resume_hash_field(uint64_t *h, const char *field);

#endif

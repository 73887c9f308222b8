/* code_sink.c -- writing items in order, committing, progress. */
#include "code_sink.h"
#include "cli_util.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#define PROGRESS_INTERVAL_S 0.5

void code_sink_clear_progress(code_sink *k)
{
    if (k->progress_shown) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        k->progress_shown = 0;
    }
}

static int flush_and_sync(FILE *f, const char *name)
{
    if (fflush(f) != 0 || fsync(fileno(f)) != 0) {
        cli_msg("error writing %s: %s", name, strerror(errno));
        return -1;
    }
    return 0;
}

int code_sink_commit(code_sink *k)
{
    if (!k->journal || k->failed)
        return k->failed ? -1 : 0;
    k->last_commit = cli_now();
    int err_is_file = k->err != stderr;
    if (flush_and_sync(k->out, k->out_name) != 0 ||
        (err_is_file && flush_and_sync(k->err, k->err_name) != 0)) {
        k->failed = 1;
        return -1;
    }
    /* Once: the directory entries of the output files, which a fresh run
     * has just created, must be on disk before a journal names them. */
    if (!k->names_synced) {
        if (resume_sync_directory_of(k->out_name) != 0 ||
            (err_is_file && resume_sync_directory_of(k->err_name) != 0)) {
            cli_msg("cannot sync the directory of %s: %s", k->out_name, strerror(errno));
            k->failed = 1;
            return -1;
        }
        k->names_synced = 1;
    }
    k->state.records = k->stats.read;
    k->state.output_bytes = (long long)ftello(k->out);
    k->state.errors_bytes = err_is_file ? (long long)ftello(k->err) : -1;
    k->state.stats = k->stats;
    char why[512];
    if (k->state.output_bytes < 0 || (err_is_file && k->state.errors_bytes < 0)) {
        cli_msg("cannot tell the size of %s: %s", k->out_name, strerror(errno));
        k->failed = 1;
        return -1;
    }
    if (resume_journal_write(k->journal, &k->state, why, sizeof why) != 0) {
        cli_msg("%s", why);
        k->failed = 1;
        return -1;
    }
    return 0;
}

void code_sink_tick(code_sink *k)
{
    if (!k->progress && !k->journal)
        return;
    double now = cli_now();
    if (k->journal && now - k->last_commit >= k->commit_interval_s)
        code_sink_commit(k);
    if (k->progress && now - k->last_progress >= PROGRESS_INTERVAL_S) {
        k->last_progress = now;
        unsigned long long bytes = k->bytes_read ? atomic_load(k->bytes_read) : 0;
        code_stats_print_progress(&k->stats, k->written, bytes, k->total_bytes,
                                  now - k->started, stderr);
        k->progress_shown = 1;
    }
}

void code_sink_write(code_sink *k, code_item *it)
{
    if (it->out_of_memory && !k->failed) {
        cli_msg("out of memory formatting the output of %s:%ld", it->rec.file, it->rec.line);
        k->failed = 1;
    }
    if (!k->failed) {
        const char *failed_name = NULL;
        if (it->events_len && fwrite(it->events, 1, it->events_len, k->out) != it->events_len)
            failed_name = k->out_name;
        if (it->error_len && !failed_name) {
            if (k->err == stderr)
                code_sink_clear_progress(k);
            if (fwrite(it->error, 1, it->error_len, k->err) != it->error_len)
                failed_name = k->err_name;
        }
        if (failed_name) {
            cli_msg("error writing %s: %s", failed_name, strerror(errno));
            k->failed = 1;
        }
    }
    code_stats_add_item(&k->stats, it);
    k->written++;
    code_item_free(it);
    code_sink_tick(k);
}

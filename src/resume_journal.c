/* resume_journal.c -- the --resume journal: format, atomic replacement. */
#include "resume_journal.h"
#include "cli_util.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The format, one "key value..." per line, the first line a version:
 *     dyad-resume 1
 *     args 3f2a9c0e1b4d5a67
 *     records 12000
 *     output_bytes 4593312
 *     errors_bytes 5120
 *     counts READ CODED EVENTS ERRORS DISCARDED ARTICLES SENTENCES SENTENCES_FAILED
 *     kind bad_record 2          (one line per error kind)
 *     end
 * "end" makes a journal cut short (which rename() should never let
 * happen) detectably incomplete. */
#define JOURNAL_MAGIC "dyad-resume 1"

char *resume_journal_path(const char *output)
{
    return cli_xprintf("%s.dyad-resume", output);
}

void resume_hash_field(uint64_t *h, const char *field)
{
    for (const unsigned char *p = (const unsigned char *)field; ; p++) {
        *h ^= *p;   /* the NUL too: the separator */
        *h *= UINT64_C(0x100000001b3);
        if (!*p)
            break;
    }
}

int resume_journal_read(const char *path, resume_state *st, char *why, size_t why_size)
{
    memset(st, 0, sizeof *st);
    FILE *f = fopen(path, "r");
    if (!f) {
        if (errno == ENOENT)
            return 0;
        snprintf(why, why_size, "%s", strerror(errno));
        return -1;
    }
    char line[256];
    int have_magic = 0, have_end = 0, fields = 0;
    long lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        code_stats *c = &st->stats;
        char name[64];
        unsigned long long n;
        line[strcspn(line, "\n")] = '\0';
        if (lineno == 1) {
            have_magic = strcmp(line, JOURNAL_MAGIC) == 0;
            if (!have_magic)
                break;
        } else if (sscanf(line, "args %" SCNx64, &st->args_hash) == 1 ||
                   sscanf(line, "records %llu", &st->records) == 1 ||
                   sscanf(line, "output_bytes %lld", &st->output_bytes) == 1 ||
                   sscanf(line, "errors_bytes %lld", &st->errors_bytes) == 1) {
            fields++;
        } else if (sscanf(line, "counts %llu %llu %llu %llu %llu %llu %llu %llu", &c->read,
                          &c->coded, &c->events, &c->errors, &c->discarded, &c->articles,
                          &c->sentences, &c->sentences_failed) == 8) {
            fields++;
        } else if (sscanf(line, "kind %63s %llu", name, &n) == 2) {
            code_stats_add_kind(c, name, n);
        } else if (strcmp(line, "end") == 0) {
            have_end = 1;
            break;
        } else {
            snprintf(why, why_size, "line %ld is not understood: \"%.60s\"", lineno, line);
            fclose(f);
            return -1;
        }
    }
    fclose(f);
    if (!have_magic) {
        snprintf(why, why_size, "not a dyad resume journal (no \"%s\" first line)",
                 JOURNAL_MAGIC);
        return -1;
    }
    if (!have_end || fields != 5) {
        snprintf(why, why_size, "incomplete (%s)", have_end ? "fields missing" : "no \"end\"");
        return -1;
    }
    if (st->output_bytes < 0 || st->records != st->stats.read) {
        snprintf(why, why_size, "inconsistent (records %llu, records read %llu)",
                 st->records, st->stats.read);
        return -1;
    }
    return 1;
}

int resume_sync_directory_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? cli_xprintf("%.*s", (int)(slash - path + 1), path) : cli_xstrdup(".");
    int fd = open(dir, O_RDONLY);
    free(dir);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

int resume_journal_write(const char *path, const resume_state *st, char *why, size_t why_size)
{
    char *tmp = cli_xprintf("%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f) {
        snprintf(why, why_size, "cannot write %s: %s", tmp, strerror(errno));
        free(tmp);
        return -1;
    }
    const code_stats *c = &st->stats;
    fprintf(f, "%s\nargs %016" PRIx64 "\nrecords %llu\noutput_bytes %lld\nerrors_bytes %lld\n"
            "counts %llu %llu %llu %llu %llu %llu %llu %llu\n", JOURNAL_MAGIC, st->args_hash,
            st->records, st->output_bytes, st->errors_bytes, c->read, c->coded, c->events,
            c->errors, c->discarded, c->articles, c->sentences, c->sentences_failed);
    for (size_t i = 0; i < c->n_kinds; i++)
        fprintf(f, "kind %s %llu\n", c->kinds[i].name, c->kinds[i].n);
    fputs("end\n", f);
    int bad = fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0;
    int err = errno;
    if (fclose(f) != 0 && !bad) {
        bad = 1;
        err = errno;
    }
    if (!bad && rename(tmp, path) != 0) {
        bad = 1;
        err = errno;
    }
    if (bad) {
        snprintf(why, why_size, "cannot write %s: %s", tmp, strerror(err));
        unlink(tmp);
        free(tmp);
        return -1;
    }
    free(tmp);
    if (resume_sync_directory_of(path) != 0) {
        snprintf(why, why_size, "cannot sync the directory of %s: %s", path, strerror(errno));
        return -1;
    }
    return 0;
}

int resume_journal_remove(const char *path, char *why, size_t why_size)
{
    if (unlink(path) != 0 && errno != ENOENT) {
        snprintf(why, why_size, "cannot remove %s: %s", path, strerror(errno));
        return -1;
    }
    resume_sync_directory_of(path);
    return 0;
}

/* code_stats.c -- counting a run, and reporting the counts. */
#include "code_stats.h"
#include "cli_util.h"

#include <errno.h>
#include <string.h>

void code_stats_add_kind(code_stats *s, const char *kind, unsigned long long n)
{
    for (size_t i = 0; i < s->n_kinds; i++)
        if (strcmp(s->kinds[i].name, kind) == 0) {
            s->kinds[i].n += n;
            return;
        }
    /* The last slot collects every kind that did not get one of its own. */
    if (s->n_kinds == CODE_STATS_MAX_KINDS - 1)
        kind = "other";
    if (s->n_kinds == CODE_STATS_MAX_KINDS) {
        s->kinds[CODE_STATS_MAX_KINDS - 1].n += n;
        return;
    }
    code_kind_count *k = &s->kinds[s->n_kinds++];
    snprintf(k->name, sizeof k->name, "%s", kind);
    k->n = n;
}

void code_stats_add_item(code_stats *s, const code_item *it)
{
    s->read++;
    switch (it->outcome) {
    case CODE_CODED:
        s->coded++;
        s->events += it->n_events;
        if (it->is_article) {
            s->articles++;
            s->sentences += it->sentences;
            s->sentences_failed += it->sentences_failed;
        }
        break;
    case CODE_DISCARDED:
        s->discarded++;
        break;
    case CODE_ERROR:
        s->errors++;
        code_stats_add_kind(s, it->kind, 1);
        break;
    }
}

void code_stats_print_kinds(const code_stats *s, FILE *f)
{
    if (s->n_kinds == 0)
        return;
    fputs("dyad: errors by kind:", f);
    for (size_t i = 0; i < s->n_kinds; i++)
        fprintf(f, "%s %s %llu", i ? "," : "", s->kinds[i].name, s->kinds[i].n);
    fputc('\n', f);
}

void code_stats_print_summary(const code_stats *s, FILE *f)
{
    fprintf(f, "dyad: records read %llu, coded %llu, events %llu, errors %llu, discarded %llu\n",
            s->read, s->coded, s->events, s->errors, s->discarded);
}

static double per_second(double n, double seconds)
{
    return seconds > 0 ? n / seconds : 0.0;
}

void code_stats_print_rates(const code_stats *s, const code_run_info *run, FILE *f)
{
    double records = (double)(s->read - run->resumed);
    fprintf(f, "dyad: %.0f records in %.1f s: %.0f records/s, %.0f sentences/s, %.1f MB/s, "
            "%u thread%s\n", records, run->wall_s, per_second(records, run->wall_s),
            per_second((double)s->sentences, run->wall_s),
            per_second((double)run->input_bytes / 1e6, run->wall_s), run->threads,
            run->threads == 1 ? "" : "s");
}

/* JSON keys and kinds are plain identifiers, but are escaped anyway. */
static void put_json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

int code_stats_write_json(const code_stats *s, const code_run_info *run, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        cli_msg("cannot write %s: %s", path, strerror(errno));
        return -1;
    }
    double records = (double)(s->read - run->resumed);
    fprintf(f, "{\"records_read\":%llu,\"coded\":%llu,\"events\":%llu,\"errors\":%llu,"
            "\"discarded\":%llu,\"errors_by_kind\":{", s->read, s->coded, s->events,
            s->errors, s->discarded);
    for (size_t i = 0; i < s->n_kinds; i++) {
        if (i)
            fputc(',', f);
        put_json_string(f, s->kinds[i].name);
        fprintf(f, ":%llu", s->kinds[i].n);
    }
    fprintf(f, "},\"articles\":%llu,\"sentences\":%llu,\"sentences_failed\":%llu,"
            "\"resumed_records\":%llu,\"input_bytes\":%llu,\"threads\":%u,\"wall_s\":%.3f,"
            "\"records_per_s\":%.1f,\"sentences_per_s\":%.1f,\"mb_per_s\":%.3f,"
            "\"complete\":%s,\"interrupted\":%s,\"exit_status\":%d}\n",
            s->articles, s->sentences, s->sentences_failed, run->resumed, run->input_bytes,
            run->threads, run->wall_s, per_second(records, run->wall_s),
            per_second((double)s->sentences, run->wall_s),
            per_second((double)run->input_bytes / 1e6, run->wall_s),
            run->complete ? "true" : "false", run->interrupted ? "true" : "false",
            run->exit_status);
    return cli_close_output(f, path);
}

void code_stats_print_progress(const code_stats *s, unsigned long long records,
                               unsigned long long input_bytes, long long total_bytes,
                               double elapsed_s, FILE *f)
{
    double byte_rate = per_second((double)input_bytes, elapsed_s);
    fprintf(f, "\rdyad: %llu records, %.0f/s, %.1f MB/s, %llu events, %llu errors",
            s->read, per_second((double)records, elapsed_s), byte_rate / 1e6, s->events,
            s->errors);
    if (total_bytes > 0 && byte_rate > 0) {
        double left = (double)total_bytes - (double)input_bytes;
        long eta = left > 0 ? (long)(left / byte_rate + 0.5) : 0;
        fprintf(f, ", %.0f%%, ETA %ld:%02ld:%02ld",
                100.0 * (double)input_bytes / (double)total_bytes, eta / 3600, eta / 60 % 60,
                eta % 60);
    }
    fputs("\033[K", f);
    fflush(f);
}

/* fuzz_dicts.c -- libFuzzer target for the actor, agent, discard and issue
 * dictionary loaders and their lookups.
 *
 * The first input byte chooses the loader (mod 4: actors, agents,
 * discards, issues); the rest is the dictionary file.  It is loaded twice
 * into one dictionary (which exercises the duplicate handling), finished,
 * and then looked up: phrase dictionaries with the file's own words at
 * every position and a few dates, text dictionaries with the file's own
 * text.  Besides memory errors it checks that every warning has a line
 * number inside the file and a terminated message, and that matches stay
 * inside the sentence. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dict/engine.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_WORDS 512

typedef struct check_ctx {
    long lines;              /* lines in the input, + 1 */
} check_ctx;

static void on_warning(void *user, const char *file, long line, const char *message)
{
    const check_ctx *ctx = user;
    if (!file || !message || line < 1 || line > ctx->lines)
        abort();
    if (strlen(message) >= 4096)
        abort();
}

/* The input's words, split as dictionary phrases are ('_' and blanks),
 * ASCII-uppercased and looked up; 0 for words no phrase uses. */
static size_t words_of(const dy_intern *words, const char *text, size_t len, uint32_t *ids)
{
    size_t n = 0, i = 0;
    char buf[256];
    while (i < len && n < MAX_WORDS) {
        while (i < len && (text[i] == '_' || text[i] == ' ' || text[i] == '\t' || text[i] == '\n'))
            i++;
        size_t k = 0;
        while (i < len && text[i] != '_' && text[i] != ' ' && text[i] != '\t' && text[i] != '\n') {
            char c = text[i++];
            if (k < sizeof buf)
                buf[k++] = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
        }
        if (k)
            ids[n++] = dy_intern_find(words, buf, k);
    }
    return n;
}

static void probe_phrases(const dy_intern *words, const dy_actors *actors,
                          const dy_agents *agents, const char *text, size_t len)
{
    static uint32_t ids[MAX_WORDS];
    static const int32_t dates[] = {INT32_MIN, 0, 19950101, 20121109, INT32_MAX};
    size_t n = words_of(words, text, len, ids);
    for (size_t pos = 0; pos <= n; pos++) {
        size_t got = 0;
        const char *code = NULL;
        bool prefix;
        for (size_t d = 0; actors && d < sizeof dates / sizeof dates[0]; d++) {
            if (dy_actors_match(actors, ids, n, pos, dates[d], &got, &code) &&
                (got == 0 || pos + got > n || !code))
                abort();
        }
        if (agents && dy_agents_match(agents, ids, n, pos, &got, &code, &prefix) &&
            (got == 0 || pos + got > n || !code || !*code))
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int kind = data[0] % 4;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;

    check_ctx ctx = {1};
    for (size_t i = 0; i < len; i++)
        ctx.lines += text[i] == '\n';
    dy_diag_sink sink = {.fn = on_warning, .user = &ctx};

    dy_intern *words = dy_intern_create();
    if (!words)
        return 0;
    switch (kind) {
    case 0: {
        dy_actors *a = dy_actors_create(words);
        if (a && dy_actors_load(a, "fuzz", text, len, &sink) == DYAD_OK &&
            dy_actors_load(a, "fuzz", text, len, &sink) == DYAD_OK &&
            dy_actors_finish(a) == DYAD_OK) {
            (void)dy_actors_count(a);
            probe_phrases(words, a, NULL, text, len);
        }
        dy_actors_free(a);
        break;
    }
    case 1: {
        dy_agents *g = dy_agents_create(words);
        if (g && dy_agents_load(g, "fuzz", text, len, &sink) == DYAD_OK &&
            dy_agents_load(g, "fuzz", text, len, &sink) == DYAD_OK &&
            dy_agents_finish(g) == DYAD_OK) {
            (void)dy_agents_count(g);
            probe_phrases(words, NULL, g, text, len);
        }
        dy_agents_free(g);
        break;
    }
    case 2: {
        dy_discards *ds = dy_discards_create(words);
        if (ds && dy_discards_load(ds, "fuzz", text, len, &sink) == DYAD_OK &&
            dy_discards_load(ds, "fuzz", text, len, &sink) == DYAD_OK &&
            dy_discards_finish(ds) == DYAD_OK) {
            const char *phrase = NULL;
            int r = dy_discards_check(ds, text, len, &phrase);
            if (r < 0 || r > 2 || (r > 0) != (phrase != NULL))
                abort();
        }
        dy_discards_free(ds);
        break;
    }
    default: {
        dy_issues *is = dy_issues_create(words);
        if (is && dy_issues_load(is, "fuzz", text, len, &sink) == DYAD_OK &&
            dy_issues_load(is, "fuzz", text, len, &sink) == DYAD_OK &&
            dy_issues_finish(is) == DYAD_OK) {
            dyad_issue out[8];
            size_t n = dy_issues_find(is, text, len, out, 8);
            if (n > 8)
                abort();
            for (size_t i = 0; i < n; i++)
                if (!out[i].code || out[i].count < 1)
                    abort();
        }
        dy_issues_free(is);
        break;
    }
    }
    dy_intern_free(words);
    return 0;
}

/* fuzz_text.c -- libFuzzer target for dy_tokenize / dy_split_sentences.
 *
 * Besides memory errors and undefined behaviour it checks what the API
 * promises: every token has a non-empty span inside the input, no longer
 * than DY_TOKEN_MAX_BYTES, in order; its text is valid UTF-8 of the length
 * given; a token spanning only ASCII letters and digits is its own text; the
 * sentences cover every token once, in order, none longer than
 * DY_SENT_MAX_TOKENS.  Some inputs that start with 01 7F are also repeated
 * past 1 MiB, which takes the tokenizer's two-pass path for huge articles. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int valid_utf8(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char b = s[i];
        size_t k;
        unsigned lo = 0x80, hi = 0xBF;
        if (b < 0x80) {
            i++;
            continue;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            k = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            k = 2;
            if (b == 0xE0) lo = 0xA0;
            if (b == 0xED) hi = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            k = 3;
            if (b == 0xF0) lo = 0x90;
            if (b == 0xF4) hi = 0x8F;
        } else {
            return 0;
        }
        if (i + k >= n)
            return 0;
        for (size_t j = 1; j <= k; j++) {
            unsigned c = s[i + j];
            unsigned l = j == 1 ? lo : 0x80, h = j == 1 ? hi : 0xBF;
            if (c < l || c > h)
                return 0;
        }
        i += k + 1;
    }
    return 1;
}

static int ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static void check(const char *text, size_t size)
{
    dy_arena *a = dy_arena_create(0);
    if (!a)
        return;
    dy_msg m;
    dy_token *t;
    uint32_t n, bad;
    if (dy_tokenize(a, text, size, &t, &n, &bad, &m) != DYAD_OK)
        abort();
    if (bad > size || (n && !t))
        abort();
    uint32_t prev = 0;
    for (uint32_t i = 0; i < n; i++) {
        const dy_token *x = &t[i];
        if (!x->text || x->len == 0 || strlen(x->text) != x->len)
            abort();
        if (x->start >= x->end || x->end > size || x->start < prev)
            abort();
        if (x->end - x->start > DY_TOKEN_MAX_BYTES || x->len > 3 * DY_TOKEN_MAX_BYTES)
            abort();
        if (!valid_utf8((const unsigned char *)x->text, x->len))
            abort();
        if (x->tag != 0 || x->lemma != NULL)
            abort();
        prev = x->start;
        int plain = 1;
        for (uint32_t k = x->start; k < x->end && plain; k++)
            plain = ascii_alnum((unsigned char)text[k]);
        if (plain && (x->end - x->start != x->len ||
                      memcmp(x->text, text + x->start, x->len) != 0))
            abort();                    /* plain words are their own text */
    }
    dy_span *s;
    uint32_t ns;
    if (dy_split_sentences(a, text, size, t, n, &s, &ns, &m) != DYAD_OK)
        abort();
    uint32_t next = 0;
    for (uint32_t i = 0; i < ns; i++) {
        if (s[i].first != next || s[i].count == 0 || s[i].count > DY_SENT_MAX_TOKENS)
            abort();
        next += s[i].count;
        (void)dy_sentence_is_dateline(t, n, s[i]);
    }
    if (next != n)
        abort();
    dy_arena_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The big check costs a thousand small ones: libFuzzer soon learns the
     * marker, so only every 256th marked input (and the first input of a
     * run, so a saved crash reproduces) takes it. */
    static unsigned long marked;
    check((const char *)data, size);
    if (size > 2 && data[0] == 0x01 && data[1] == 0x7F && marked++ % 256 == 0) {
        size_t big = ((size_t)1 << 20) + 4096, k = 0;
        char *b = malloc(big);
        if (!b)
            return 0;
        while (k < big) {
            size_t c = big - k < size ? big - k : size;
            memcpy(b + k, data, c);
            k += c;
        }
        check(b, big);
        free(b);
    }
    return 0;
}

/* text_internal.h -- character classes, a UTF-8 decoder and a growable
 * array shared by the tokenizer (tokenize.c) and the splitter (split.c).
 *
 * Why a decoder of our own: the tokenizer must turn every maximal invalid
 * subsequence into exactly one U+FFFD and know how many bytes it covered
 * (the Unicode "substitution of maximal subparts" practice); utf8proc only
 * says "invalid".  utf8proc is used for what it is good at: the general
 * category of a non-ASCII code point, and NFC. */
#ifndef DY_TEXT_INTERNAL_H
#define DY_TEXT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "common/arena.h"

/* Character classes.  Word characters are the contiguous range
 * K_UPPER..K_MARK, so is_word() is one comparison. */
enum {
    K_SPACE = 0,   /* whitespace, NUL, controls, Zs, most format characters */
    K_NL,          /* \n \r \v, NEL, U+2028 */
    K_PARA,        /* \f, U+2029: a paragraph break by itself */
    K_UPPER,       /* Lu, Lt */
    K_LOWER,       /* Ll */
    K_LETTER,      /* other letters, Nl/No, private use, unassigned, invalid bytes */
    K_DIGIT,       /* Nd */
    K_MARK,        /* combining marks */
    K_JOIN,        /* ZWJ, ZWNJ: word-internal only */
    K_SHY,         /* soft hyphen: dropped inside words, else ignored */
    K_APOS,        /* ' and the single curly quotes */
    K_DQUOTE,      /* " and the double curly quotes, guillemets */
    K_BTICK,       /* ` */
    K_HYPHEN,      /* - U+2010 U+2011 U+2212 */
    K_ENDASH,      /* U+2012 U+2013: a hyphen between word characters, else -- */
    K_DASH,        /* em dash and other long dashes: -- */
    K_DOT,
    K_ELLIPSIS,    /* U+2026 */
    K_COMMA,
    K_COLON,
    K_SEMI,
    K_EXCL,
    K_QUEST,
    K_SLASH,
    K_AMP,
    K_AT,
    K_HASH,
    K_CURRENCY,    /* $ and every Sc */
    K_PERCENT,
    K_UNDERSCORE,
    K_OPEN,        /* ( [ { and Ps */
    K_CLOSE,       /* ) ] } and Pe */
    K_SYM,         /* every other punctuation or symbol */
    K_EOF          /* past the end (never stored in the table) */
};

#define DY_CP_BAD 0x110000u /* an invalid sequence; shown as U+FFFD */

extern const uint8_t dy_ascii_class[128];

static inline int dy_is_word(int k) { return k >= K_UPPER && k <= K_MARK; }
static inline int dy_is_alnum(int k) { return k >= K_UPPER && k <= K_DIGIT; }
static inline int dy_is_letter(int k) { return k >= K_UPPER && k <= K_LETTER; }
static inline int dy_is_blank(int k) { return k <= K_PARA; }

/* One decoded code point: value (DY_CP_BAD when invalid), byte length
 * (>= 1), class. */
typedef struct dy_ch {
    uint32_t cp;
    uint8_t n;
    uint8_t k;
} dy_ch;

/* Class of a non-ASCII code point (or DY_CP_BAD). */
int dy_cp_class(uint32_t cp);

/* Decodes the code point at s[0..avail), avail >= 1, s[0] >= 0x80. */
dy_ch dy_decode_slow(const uint8_t *s, size_t avail);

static inline dy_ch dy_ch_at(const uint8_t *s, size_t len, size_t p)
{
    if (p >= len) {
        dy_ch e = { 0, 0, K_EOF };
        return e;
    }
    if (s[p] < 0x80) {
        dy_ch c = { s[p], 1, dy_ascii_class[s[p]] };
        return c;
    }
    return dy_decode_slow(s + p, len - p);
}

/* 1 when the code point starting t (NUL-terminated) is a lower-case letter
 * (Ll), 2 when upper or title case (Lu/Lt), 0 otherwise. */
int dy_first_case(const char *t);

/* A growable array: starts in the arena (up to a cap), moves to one heap
 * block when that is full, and is copied back into the arena, exactly
 * sized, by dy_vec_finish().  No allocation per element. */
typedef struct dy_vec {
    dy_arena *a;
    unsigned char *p;
    size_t n, cap, esz;
    int heap;
} dy_vec;

/* 0 ok, -1 out of memory. */
int dy_vec_init(dy_vec *v, dy_arena *a, size_t esz, size_t cap_hint);
int dy_vec_grow(dy_vec *v);
/* The final array in the arena (NULL when empty or out of memory: *ok says). */
void *dy_vec_finish(dy_vec *v, int *ok);
void dy_vec_drop(dy_vec *v);

#endif

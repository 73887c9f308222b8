/* textutil.c -- character classes, UTF-8 decoding and the growable array
 * of the text front end (see text_internal.h). */
#include "text/text_internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Class of each ASCII byte.  NUL, the C0 controls and DEL are whitespace. */
const uint8_t dy_ascii_class[128] = {
    K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE,
    K_SPACE, K_SPACE, K_NL, K_NL, K_PARA, K_NL, K_SPACE, K_SPACE,
    K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE,
    K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE,
    K_SPACE, K_EXCL, K_DQUOTE, K_HASH, K_CURRENCY, K_PERCENT, K_AMP, K_APOS,
    K_OPEN, K_CLOSE, K_SYM, K_SYM, K_COMMA, K_HYPHEN, K_DOT, K_SLASH,
    K_DIGIT, K_DIGIT, K_DIGIT, K_DIGIT, K_DIGIT, K_DIGIT, K_DIGIT, K_DIGIT,
    K_DIGIT, K_DIGIT, K_COLON, K_SEMI, K_SYM, K_SYM, K_SYM, K_QUEST,
    K_AT, K_UPPER, K_UPPER, K_UPPER, K_UPPER, K_UPPER, K_UPPER, K_UPPER,
    K_UPPER, K_UPPER, K_UPPER, K_UPPER, K_UPPER, K_UPPER, K_UPPER, K_UPPER,
    K_UPPER, K_UPPER, K_UPPER, K_UPPER, K_UPPER, K_UPPER, K_UPPER, K_UPPER,
    K_UPPER, K_UPPER, K_UPPER, K_OPEN, K_SYM, K_CLOSE, K_SYM, K_UNDERSCORE,
    K_BTICK, K_LOWER, K_LOWER, K_LOWER, K_LOWER, K_LOWER, K_LOWER, K_LOWER,
    K_LOWER, K_LOWER, K_LOWER, K_LOWER, K_LOWER, K_LOWER, K_LOWER, K_LOWER,
    K_LOWER, K_LOWER, K_LOWER, K_LOWER, K_LOWER, K_LOWER, K_LOWER, K_LOWER,
    K_LOWER, K_LOWER, K_LOWER, K_OPEN, K_SYM, K_CLOSE, K_SYM, K_SPACE,
};

int dy_cp_class(uint32_t cp)
{
    if (cp == DY_CP_BAD)
        return K_LETTER;   /* invalid bytes stay inside their word */
    switch (cp) {
    case 0x85: case 0x2028:
        return K_NL;
    case 0x2029:
        return K_PARA;
    case 0x200B: case 0xFEFF:   /* zero-width space, BOM */
        return K_SPACE;
    case 0xAD:
        return K_SHY;
    case 0x200C: case 0x200D:
        return K_JOIN;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x2039: case 0x203A: case 0x02BC:
        return K_APOS;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0xAB: case 0xBB:
        return K_DQUOTE;
    case 0x2010: case 0x2011: case 0x2212: case 0xFE63: case 0xFF0D:
        return K_HYPHEN;
    case 0x2012: case 0x2013:
        return K_ENDASH;
    case 0x2026:
        return K_ELLIPSIS;
    default:
        break;
    }
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
        return K_UPPER;
    case UTF8PROC_CATEGORY_LL:
        return K_LOWER;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return K_MARK;
    case UTF8PROC_CATEGORY_ND:
        return K_DIGIT;
    case UTF8PROC_CATEGORY_PD:
        return K_DASH;
    case UTF8PROC_CATEGORY_PS:
        return K_OPEN;
    case UTF8PROC_CATEGORY_PE:
        return K_CLOSE;
    case UTF8PROC_CATEGORY_SC:
        return K_CURRENCY;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
        return K_SYM;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_CC:
        return K_SPACE;
    case UTF8PROC_CATEGORY_ZL:
        return K_NL;
    case UTF8PROC_CATEGORY_ZP:
        return K_PARA;
    case UTF8PROC_CATEGORY_CF:
        return K_SHY;      /* bidi marks, word joiner ...: ignorable */
    default:
        return K_LETTER;   /* Lm Lo Nl No Co Cn */
    }
}

/* Well-formed UTF-8 (Unicode table 3-7).  An invalid sequence is the
 * longest prefix of a well-formed one (at least one byte): the unit that
 * becomes one U+FFFD. */
dy_ch dy_decode_slow(const uint8_t *s, size_t avail)
{
    dy_ch c = { DY_CP_BAD, 1, K_LETTER };
    uint8_t b = s[0], lo = 0x80, hi = 0xBF;
    unsigned need;
    uint32_t cp;
    if (b >= 0xC2 && b <= 0xDF) {
        need = 1; cp = b & 0x1Fu;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2; cp = b & 0x0Fu;
        if (b == 0xE0) lo = 0xA0;
        if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3; cp = b & 0x07u;
        if (b == 0xF0) lo = 0x90;
        if (b == 0xF4) hi = 0x8F;
    } else {
        return c;
    }
    for (unsigned i = 1; i <= need; i++) {
        if (i >= avail) {
            c.n = (uint8_t)i;
            return c;
        }
        uint8_t t = s[i];
        uint8_t l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
        if (t < l || t > h) {
            c.n = (uint8_t)i;
            return c;
        }
        cp = (cp << 6) | (t & 0x3Fu);
    }
    c.cp = cp;
    c.n = (uint8_t)(need + 1);
    c.k = (uint8_t)dy_cp_class(cp);
    return c;
}

int dy_first_case(const char *t)
{
    const uint8_t *s = (const uint8_t *)t;
    if (!s || !s[0])
        return 0;
    int k;
    if (s[0] < 0x80) {
        k = dy_ascii_class[s[0]];
    } else {
        /* A NUL ends the string and is never a continuation byte, so the
         * decoder never reads past it. */
        k = dy_decode_slow(s, 4).k;
    }
    return k == K_LOWER ? 1 : k == K_UPPER ? 2 : 0;
}

/* The arena part of a vector is capped so a huge article does not leave a
 * huge estimate behind in the arena; beyond it one heap block grows (glibc
 * moves large blocks with mremap, without copying) and is copied back once. */
#define DY_VEC_ARENA_MAX (2u << 20)

int dy_vec_init(dy_vec *v, dy_arena *a, size_t esz, size_t cap_hint)
{
    v->a = a;
    v->esz = esz;
    v->n = 0;
    v->heap = 0;
    size_t cap = cap_hint < 8 ? 8 : cap_hint;
    if (cap > DY_VEC_ARENA_MAX / esz)
        cap = DY_VEC_ARENA_MAX / esz;
    v->p = dy_arena_alloc(a, cap * esz);
    v->cap = v->p ? cap : 0;
    return v->p ? 0 : -1;
}

int dy_vec_grow(dy_vec *v)
{
    size_t nc = v->cap * 2 + 64;
    if (nc < v->cap || nc > SIZE_MAX / v->esz)
        return -1;
    unsigned char *p;
    if (!v->heap) {
        p = malloc(nc * v->esz);
        if (!p)
            return -1;
        if (v->n)
            memcpy(p, v->p, v->n * v->esz);
        v->heap = 1;
    } else {
        p = realloc(v->p, nc * v->esz);
        if (!p)
            return -1;
    }
    v->p = p;
    v->cap = nc;
    return 0;
}

void *dy_vec_finish(dy_vec *v, int *ok)
{
    *ok = 1;
    if (!v->heap)
        return v->n ? v->p : NULL;
    void *q = NULL;
    if (v->n) {
        q = dy_arena_alloc(v->a, v->n * v->esz);
        if (q)
            memcpy(q, v->p, v->n * v->esz);
        else
            *ok = 0;
    }
    free(v->p);
    v->p = NULL;
    v->heap = 0;
    return q;
}

void dy_vec_drop(dy_vec *v)
{
    if (v->heap)
        free(v->p);
    v->p = NULL;
    v->heap = 0;
    v->n = v->cap = 0;
}

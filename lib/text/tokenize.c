/* tokenize.c -- raw article text -> Penn Treebank tokens (text.h).
 *
 * One left-to-right pass over the bytes.  ASCII bytes are classified by a
 * table (dy_ascii_class); a non-ASCII byte is decoded here and classified
 * with utf8proc.  At each token start the class picks a small lexer: words
 * (with their inner connectors: hyphens, decimal points, thousands commas,
 * apostrophes ...), quotes, dashes, dots, brackets, URLs and the rest.
 * Every decision looks at most a few code points around the current one,
 * except two bounded look-aheads after an abbreviation (over the following
 * whitespace and one word), so the pass is linear in the input.
 *
 * Memory: tokens go to a dy_vec (arena, then one heap block for huge
 * articles), token text to blocks of the arena; punctuation tokens point to
 * static strings.  No allocation per token. */
#include "text/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/text_internal.h"

/* What came just before the current position, for quote direction. */
enum { P_SPACE, P_OPEN, P_WORD, P_CLOSE, P_PUNCT };

/* Abbreviation classes: a title never ends a sentence unless the text or
 * paragraph ends; other abbreviations end one when a sentence-starting word
 * follows; AB_NUM words ("No.") are abbreviations only before a number. */
enum { AB_NONE, AB_TITLE, AB_END, AB_NUM };

typedef struct lx {
    const uint8_t *s;
    size_t len;
    dy_arena *a;
    dy_vec tv;            /* dy_token */
    char *tb;             /* free token-text space */
    size_t tb_left;
    size_t tb_block;      /* size of the next text block */
    uint32_t n_invalid;
    int line_start;       /* the next token is the first on its line */
    int prev;             /* P_* */
    int dq_open;          /* a double quote is open (tie-breaker only) */
    dyad_status fail;
    int count_only;       /* first pass over a huge article: count tokens */
    dy_token scratch_tok; /* where tokens go when counting */
    char *scratch_text;   /* and their text */
} lx;

/* Articles longer than this are tokenised in two passes (see dy_tokenize). */
#define DY_TEXT_TWO_PASS_BYTES ((size_t)1 << 20)

/* Token text space of the counting pass (one token's worth, reused). */
#define COUNT_SCRATCH (DY_TOKEN_MAX_BYTES * 3 + 1)

/* Static text of one-character punctuation tokens. */
static const char one_char[128][2] = {
    [33] = "!", [34] = "\"", [35] = "#", [36] = "$", [37] = "%", [38] = "&",
    [39] = "'", [40] = "(", [41] = ")", [42] = "*", [43] = "+", [44] = ",",
    [45] = "-", [46] = ".", [47] = "/", [58] = ":", [59] = ";", [60] = "<",
    [61] = "=", [62] = ">", [63] = "?", [64] = "@", [91] = "[", [92] = "\\",
    [93] = "]", [94] = "^", [95] = "_", [96] = "`", [123] = "{", [124] = "|",
    [125] = "}", [126] = "~",
};

/* ------------------------------------------------------------------ */
/* Emitting tokens                                                      */
/* ------------------------------------------------------------------ */

static inline __attribute__((always_inline))
dy_token *new_tok(lx *L, size_t s, size_t e, const char *text, size_t tlen, unsigned flags)
{
    dy_vec *v = &L->tv;
    if (L->count_only) {
        /* same state changes as below: the two passes must agree */
        if (v->n >= UINT32_MAX - 1)
            L->fail = DYAD_ERR_LIMIT;
        v->n++;
        L->line_start = 0;
        return &L->scratch_tok;
    }
    if (v->n == v->cap) {
        if (v->n >= UINT32_MAX - 1) {
            L->fail = DYAD_ERR_LIMIT;
            return NULL;
        }
        if (dy_vec_grow(v)) {
            L->fail = DYAD_ERR_NOMEM;
            return NULL;
        }
    }
    dy_token *t = (dy_token *)(void *)v->p + v->n++;
    t->start = (uint32_t)s;
    t->end = (uint32_t)e;
    t->text = text;
    t->len = (uint16_t)tlen;
    if (L->line_start) {
        flags |= DY_TOK_LINE_START;
        L->line_start = 0;
    }
    t->flags = (uint16_t)flags;
    t->tag = 0;
    t->lemma = NULL;
    return t;
}

/* A new block of token text space with room for need bytes; 0 when out of
 * memory.  The counting pass reuses one scratch block. */
static int more_text(lx *L, size_t need)
{
    if (L->count_only) {
        L->tb = L->scratch_text;
        L->tb_left = COUNT_SCRATCH;
        return 1;
    }
    size_t bs = need > L->tb_block ? need : L->tb_block;
    char *b = dy_arena_alloc(L->a, bs);
    if (!b) {
        L->fail = DYAD_ERR_NOMEM;
        return 0;
    }
    L->tb = b;
    L->tb_left = bs;
    L->tb_block = 65536;
    return 1;
}

static void emit_static(lx *L, size_t s, size_t e, const char *text)
{
    new_tok(L, s, e, text, strlen(text), DY_TOK_PUNCT);
}

/* NFC in place for text with combining marks; keeps the text as it is when
 * it is too long for the scratch buffer or would not fit in cap bytes. */
static size_t nfc(char *buf, size_t n, size_t cap)
{
    utf8proc_int32_t cps[512];
    const utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
    utf8proc_ssize_t r = utf8proc_decompose((const utf8proc_uint8_t *)buf,
                                            (utf8proc_ssize_t)n, cps, 512, opt);
    if (r < 0 || r > 512)
        return n;
    r = utf8proc_reencode(cps, r, opt);
    if (r < 0 || (size_t)r > cap)
        return n;
    memcpy(buf, cps, (size_t)r);
    buf[r] = '\0';
    return (size_t)r;
}

/* A number: 12, 3.5, 1,000, 2014-15, 10:30, .5, '90s, 1990s, 21st. */
static int is_number(const uint8_t *s, size_t a, size_t e)
{
    int digit = 0, sep_last = 0;
    size_t suffix = 0;
    char suf[3] = { 0, 0, 0 };
    size_t p = a;
    if (p < e && (s[p] == '.' || s[p] == '\''))
        p++;
    while (p < e) {
        uint8_t b = s[p];
        size_t n = 1;
        int sep = 0;
        if (b >= '0' && b <= '9') {
            if (suffix)
                return 0;
            digit = 1;
        } else if (b == '.' || b == ',' || b == ':' || b == '/' || b == '-') {
            sep = 1;
        } else if (b >= 'a' && b <= 'z') {
            if (!digit || sep_last || suffix >= 2)
                return 0;
            suf[suffix++] = (char)b;
        } else if (b >= 0x80) {
            dy_ch c = dy_decode_slow(s + p, e - p);
            if (c.k != K_HYPHEN && c.k != K_ENDASH)
                return 0;
            sep = 1;
            n = c.n;
        } else {
            return 0;
        }
        if (sep && (!digit || suffix))
            return 0;
        sep_last = sep;
        p += n;
    }
    if (!digit || sep_last)
        return 0;
    return suffix == 0 || strcmp(suf, "s") == 0 || strcmp(suf, "st") == 0 ||
           strcmp(suf, "nd") == 0 || strcmp(suf, "rd") == 0 || strcmp(suf, "th") == 0;
}

/* Emits s[a..e) as a token, in one pass that copies the text and works out
 * the shape flags.  Token text is normalised: invalid sequences become
 * U+FFFD (and are counted), curly apostrophes ', Unicode hyphens -, soft
 * hyphens and other format characters disappear; NFC when combining marks
 * are present. */
/* Shape bits of ASCII bytes, for emit_word(). */
enum { SH_UP = 1, SH_LO = 2, SH_DIGIT = 4, SH_HYPHEN = 8 };
#define SH4(x) x, x, x, x
#define SH8(x) SH4(x), SH4(x)
static const uint8_t ascii_shape[256] = {   /* bytes >= 0x80: 0 */
    SH8(0), SH8(0), SH8(0), SH8(0),
    SH8(0), 0, 0, 0, 0, 0, SH_HYPHEN, 0, 0,
    SH8(SH_DIGIT), SH_DIGIT, SH_DIGIT, 0, 0, 0, 0, 0, 0,
    0, SH8(SH_UP), SH8(SH_UP), SH8(SH_UP), SH_UP, SH_UP, 0, 0, 0, 0, 0,
    0, SH8(SH_LO), SH8(SH_LO), SH8(SH_LO), SH_LO, SH_LO, 0, 0, 0, 0, 0,
};

static void emit_word(lx *L, size_t a, size_t e, unsigned extra)
{
    L->prev = P_WORD;
    size_t need = (e - a) * 3 + 1;
    if (L->tb_left < need && !more_text(L, need))
        return;
    const uint8_t *restrict s = L->s;
    char *restrict out = L->tb;
    size_t n;
    unsigned up = 0, lo = 0, first = 0, other = 0, hyphen = 0;

    /* ASCII, the common case: copy and classify in one go.  The loop
     * leaves at the first non-ASCII byte (which also keeps it scalar: it
     * is short, and vector set-up would cost more than it saves). */
    unsigned m = 0;
    size_t p = a;
    for (; p < e; p++) {
        uint8_t b = s[p];
        if (b & 0x80)
            break;
        out[p - a] = (char)b;
        m |= ascii_shape[b];
        up += ascii_shape[b] & SH_UP;
    }
    if (p == e) {
        n = e - a;
        out[n] = '\0';
        lo = m & SH_LO;
        other = m & SH_DIGIT;
        if (m & (SH_UP | SH_LO)) {
            size_t q = a;
            while (!(ascii_shape[s[q]] & (SH_UP | SH_LO)))
                q++;
            first = ascii_shape[s[q]] & SH_UP ? 2 : 1;
        }
        if ((m & SH_HYPHEN) && e - a > 2 && memchr(s + a + 1, '-', e - a - 2))
            hyphen = 1;
    } else {
        char *o = out;
        int mark = 0;
        up = 0;
        p = a;
        while (p < e) {
            uint8_t b = s[p];
            if (b < 0x80) {
                int k = dy_ascii_class[b];
                *o++ = (char)b;
                up += k == K_UPPER;
                lo += k == K_LOWER;
                other |= k == K_DIGIT;
                if (!first && (k == K_UPPER || k == K_LOWER))
                    first = k == K_UPPER ? 2 : 1;
                if (k == K_HYPHEN && p > a && p + 1 < e)
                    hyphen = 1;
                p++;
                continue;
            }
            dy_ch c = dy_decode_slow(s + p, e - p);
            switch (c.k) {
            case K_UPPER:
                up++;
                if (!first)
                    first = 2;
                goto copy;
            case K_LOWER:
                lo++;
                if (!first)
                    first = 1;
                goto copy;
            case K_MARK:
                mark = 1;
                /* fall through */
            case K_LETTER: case K_DIGIT:
                other = 1;
                if (c.cp == DY_CP_BAD) {
                    *o++ = (char)0xEF;
                    *o++ = (char)0xBF;
                    *o++ = (char)0xBD;
                    L->n_invalid++;
                    break;
                }
                goto copy;
            case K_APOS:
                *o++ = '\'';
                break;
            case K_HYPHEN: case K_ENDASH:
                if (p > a && p + c.n < e)
                    hyphen = 1;
                *o++ = '-';
                break;
            case K_SHY:
                break;
            default:
            copy:
                memcpy(o, s + p, c.n);
                o += c.n;
                break;
            }
            p += c.n;
        }
        *o = '\0';
        n = (size_t)(o - out);
        if (mark)
            n = nfc(out, n, need - 1);
    }
    L->tb += n + 1;
    L->tb_left -= n + 1;

    unsigned f = extra;
    if (first == 2)
        f |= DY_TOK_CAPITAL;
    if (up >= 2 && lo == 0)
        f |= DY_TOK_ALLCAPS;
    if (!(up | lo | other))
        f |= DY_TOK_PUNCT;
    if (hyphen)
        f |= DY_TOK_HYPHEN;
    uint8_t b0 = s[a];
    if ((b0 <= '9' && b0 >= '0') || b0 == '.' || b0 == '\'')
        if (is_number(s, a, e))
            f |= DY_TOK_NUMBER;
    new_tok(L, a, e, out, n, f);
}

/* ------------------------------------------------------------------ */
/* Abbreviations                                                        */
/* ------------------------------------------------------------------ */

typedef struct abbr {
    const char *w;     /* lower case; sorted */
    uint8_t cls;
    uint8_t cap;       /* written capitalised ("Mr."), else lower case ("etc.") */
} abbr;

static const abbr abbrevs[] = {
    {"adm", AB_TITLE, 1}, {"al", AB_END, 0}, {"ala", AB_END, 1}, {"amb", AB_TITLE, 1},
    {"approx", AB_TITLE, 0}, {"apr", AB_TITLE, 1}, {"ariz", AB_END, 1},
    {"ark", AB_END, 1}, {"art", AB_NUM, 1}, {"assn", AB_END, 1}, {"aug", AB_TITLE, 1},
    {"ave", AB_END, 1}, {"blvd", AB_END, 1}, {"brig", AB_TITLE, 1},
    {"bros", AB_END, 1}, {"ca", AB_TITLE, 0}, {"calif", AB_END, 1},
    {"capt", AB_TITLE, 1}, {"cdr", AB_TITLE, 1}, {"cf", AB_TITLE, 0},
    {"ch", AB_NUM, 1}, {"cmdr", AB_TITLE, 1}, {"co", AB_END, 1}, {"col", AB_TITLE, 1},
    {"colo", AB_END, 1}, {"comdr", AB_TITLE, 1}, {"conn", AB_END, 1},
    {"corp", AB_END, 1}, {"cos", AB_END, 1}, {"cpl", AB_TITLE, 1},
    {"dec", AB_TITLE, 1}, {"del", AB_END, 1}, {"dept", AB_END, 1},
    {"det", AB_TITLE, 1}, {"dr", AB_TITLE, 1}, {"esp", AB_END, 0}, {"etc", AB_END, 0},
    {"feb", AB_TITLE, 1}, {"fig", AB_NUM, 1}, {"figs", AB_NUM, 1}, {"fla", AB_END, 1},
    {"fr", AB_TITLE, 1}, {"fri", AB_END, 1}, {"ft", AB_END, 1}, {"ga", AB_END, 1},
    {"gen", AB_TITLE, 1}, {"gens", AB_TITLE, 1}, {"gov", AB_TITLE, 1},
    {"govt", AB_END, 1}, {"hon", AB_TITLE, 1}, {"hwy", AB_END, 1}, {"ill", AB_END, 1},
    {"inc", AB_END, 1}, {"incl", AB_TITLE, 0}, {"ind", AB_END, 1},
    {"insp", AB_TITLE, 1}, {"jan", AB_TITLE, 1}, {"jr", AB_END, 1},
    {"jul", AB_TITLE, 1}, {"jun", AB_TITLE, 1}, {"kan", AB_END, 1},
    {"kans", AB_END, 1}, {"ky", AB_END, 1}, {"la", AB_END, 1}, {"lt", AB_TITLE, 1},
    {"ltd", AB_END, 1}, {"maj", AB_TITLE, 1}, {"mar", AB_TITLE, 1},
    {"mass", AB_END, 1}, {"md", AB_END, 1}, {"messrs", AB_TITLE, 1},
    {"mich", AB_END, 1}, {"minn", AB_END, 1}, {"miss", AB_END, 1},
    {"mme", AB_TITLE, 1}, {"mmes", AB_TITLE, 1}, {"mo", AB_END, 1}, {"mon", AB_END, 1},
    {"mont", AB_END, 1}, {"mr", AB_TITLE, 1}, {"mrs", AB_TITLE, 1},
    {"ms", AB_TITLE, 1}, {"msgr", AB_TITLE, 1}, {"mt", AB_END, 1}, {"neb", AB_END, 1},
    {"nev", AB_END, 1}, {"no", AB_NUM, 1}, {"nos", AB_NUM, 1}, {"nov", AB_TITLE, 1},
    {"oct", AB_TITLE, 1}, {"okla", AB_END, 1}, {"ore", AB_END, 1}, {"pa", AB_END, 1},
    {"penn", AB_END, 1}, {"pfc", AB_TITLE, 1}, {"pp", AB_NUM, 0},
    {"pres", AB_TITLE, 1}, {"prof", AB_TITLE, 1}, {"pvt", AB_TITLE, 1},
    {"rd", AB_END, 1}, {"rep", AB_TITLE, 1}, {"reps", AB_TITLE, 1},
    {"rev", AB_TITLE, 1}, {"sec", AB_TITLE, 1}, {"sen", AB_TITLE, 1},
    {"sens", AB_TITLE, 1}, {"sep", AB_TITLE, 1}, {"sept", AB_TITLE, 1},
    {"sgt", AB_TITLE, 1}, {"sr", AB_END, 1}, {"st", AB_END, 1}, {"ste", AB_END, 1},
    {"supt", AB_TITLE, 1}, {"tenn", AB_END, 1}, {"tex", AB_END, 1}, {"thu", AB_END, 1},
    {"thur", AB_END, 1}, {"thurs", AB_END, 1}, {"tue", AB_END, 1}, {"tues", AB_END, 1},
    {"univ", AB_END, 1}, {"va", AB_END, 1}, {"viz", AB_TITLE, 0}, {"vol", AB_NUM, 1},
    {"vols", AB_NUM, 1}, {"vs", AB_TITLE, 0}, {"vt", AB_END, 1}, {"wash", AB_END, 1},
    {"wed", AB_END, 1}, {"wis", AB_END, 1}, {"wyo", AB_END, 1},
};

/* Capitalised words that usually begin a sentence: after "U.S." or "Inc."
 * they mean the abbreviation ended one.  Sorted. */
static const char *const starters[] = {
    "A", "About", "According", "After", "Again", "Against", "All", "Also", "Although",
    "Among", "An", "And", "Another", "Any", "As", "At", "Because", "Before", "Both",
    "But", "By", "Despite", "During", "Each", "Earlier", "Even", "Every", "Few", "For",
    "From", "He", "Her", "Here", "His", "How", "However", "I", "If", "In", "Instead",
    "It", "Its", "Last", "Later", "Many", "Meanwhile", "More", "Moreover", "Most",
    "Much", "My", "Neither", "Never", "No", "Nor", "Not", "Now", "On", "One", "Only",
    "Or", "Other", "Our", "Over", "Several", "She", "Since", "So", "Some", "Still",
    "Such", "That", "The", "Their", "Then", "There", "These", "They", "This", "Those",
    "Though", "Thus", "To", "Today", "Under", "Until", "We", "What", "When", "Where",
    "Whether", "Which", "While", "Who", "Why", "With", "Without", "Yesterday", "Yet",
    "You", "Your",
};

static int cmp_abbr(const void *k, const void *e)
{
    return strcmp((const char *)k, ((const abbr *)e)->w);
}

static int cmp_str(const void *k, const void *e)
{
    return strcmp((const char *)k, *(const char *const *)e);
}

static int is_ascii_alpha(uint8_t b)
{
    return (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
}

/* Is the word at s[r..) (ASCII letters, then no word character) a
 * sentence starter? */
static int is_starter(const uint8_t *s, size_t len, size_t r)
{
    char w[12];
    size_t n = 0;
    while (r + n < len && is_ascii_alpha(s[r + n])) {
        if (n >= sizeof w - 1)
            return 0;
        w[n] = (char)s[r + n];
        n++;
    }
    if (n == 0 || dy_is_word(dy_ch_at(s, len, r + n).k))
        return 0;
    w[n] = '\0';
    return bsearch(w, starters, sizeof starters / sizeof *starters,
                   sizeof *starters, cmp_str) != NULL;
}

/* Class of the word s[a..e) when a '.' follows it at e. */
static int abbrev_class(const lx *L, size_t a, size_t e, int inner_dot)
{
    const uint8_t *s = L->s;
    size_t n = e - a;
    if (inner_dot) {
        /* U.S, e.g, Ph.D, a.m: letter groups of one or two, single dots. */
        size_t seg = 0;
        for (size_t i = a; i < e; i++) {
            if (is_ascii_alpha(s[i])) {
                if (++seg > 2)
                    return AB_NONE;
            } else if (s[i] == '.' && seg) {
                seg = 0;
            } else {
                return AB_NONE;
            }
        }
        return AB_END;
    }
    if (n == 1 && s[a] >= 'A' && s[a] <= 'Z')
        return AB_END;              /* an initial: George W. Bush */
    /* party and state: D-Conn., R-Ky. -- the part after the last hyphen */
    for (size_t h = e; h > a + 1; h--) {
        if (s[h - 1] == '-') {
            if (e - h >= 2 && e - h <= 6 && abbrev_class(L, h, e, 0) == AB_END)
                return AB_END;
            return AB_NONE;
        }
    }
    if (n > 6)
        return AB_NONE;
    char w[8];
    for (size_t i = 0; i < n; i++) {
        if (!is_ascii_alpha(s[a + i]))
            return AB_NONE;
        w[i] = (char)(s[a + i] | 0x20);
    }
    w[n] = '\0';
    const abbr *ab = bsearch(w, abbrevs, sizeof abbrevs / sizeof *abbrevs,
                             sizeof *abbrevs, cmp_abbr);
    if (!ab)
        return AB_NONE;
    int upper = s[a] >= 'A' && s[a] <= 'Z';
    if (upper != ab->cap)
        return AB_NONE;
    if (ab->cls == AB_NUM) {
        size_t r = e + 1;
        while (r < L->len && (s[r] == ' ' || s[r] == '\t'))
            r++;
        return r < L->len && s[r] >= '0' && s[r] <= '9' ? AB_NUM : AB_NONE;
    }
    return ab->cls;
}

/* Does the abbreviation whose '.' ends just before q end the sentence?
 * Yes at the end of the text or of a paragraph; otherwise only when, after
 * any closing quotes or brackets and some whitespace, a capitalised
 * sentence starter follows (or anything capitalised after a closing quote). */
static int abbrev_ends(const lx *L, size_t q, int cls)
{
    const uint8_t *s = L->s;
    size_t len = L->len, r = q;
    int closed = 0;
    for (int i = 0; i < 4; i++) {
        dy_ch c = dy_ch_at(s, len, r);
        if (c.k == K_CLOSE || c.k == K_DQUOTE ||
            (c.k == K_APOS && !dy_is_letter(dy_ch_at(s, len, r + c.n).k))) {
            r += c.n;
            closed = 1;
        } else {
            break;
        }
    }
    size_t ws = r;
    int nl = 0;
    while (r < len) {
        dy_ch c = dy_ch_at(s, len, r);
        if (c.k == K_PARA)
            return 1;
        if (c.k == K_NL) {
            if (!(c.cp == '\r' && r + 1 < len && s[r + 1] == '\n') && ++nl >= 2)
                return 1;
        } else if (c.k != K_SPACE && c.k != K_SHY) {
            break;
        }
        r += c.n;
    }
    if (r >= len)
        return 1;
    if (r == ws || cls == AB_TITLE)
        return 0;
    dy_ch c = dy_ch_at(s, len, r);
    if (c.k == K_UPPER)
        return closed || is_starter(s, len, r);
    if (c.k == K_DQUOTE || c.k == K_APOS || c.k == K_BTICK || c.k == K_OPEN) {
        size_t r2 = r + c.n;
        if (c.k == K_BTICK && r2 < len && s[r2] == '`')
            r2++;
        return dy_ch_at(s, len, r2).k == K_UPPER;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Words                                                                */
/* ------------------------------------------------------------------ */

static int ci_eq(const uint8_t *s, const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((s[i] | 0x20) != (uint8_t)w[i])
            return 0;
    return 1;
}

/* 'http://', 'https://', 'ftp://', 'www.' followed by more. */
static int url_start(const uint8_t *s, size_t len, size_t p)
{
    static const char *const pre[] = { "http://", "https://", "ftp://", "www." };
    for (size_t i = 0; i < 4; i++) {
        size_t n = strlen(pre[i]);
        if (p + n < len && ci_eq(s + p, pre[i], n) && !dy_is_blank(dy_ch_at(s, len, p + n).k))
            return 1;
    }
    return 0;
}

static size_t lex_url(lx *L, size_t p0)
{
    const uint8_t *s = L->s;
    size_t len = L->len, p = p0;
    long paren = 0, brack = 0;
    int cut = 0;
    while (p < len) {
        dy_ch c = dy_ch_at(s, len, p);
        if (c.cp < 0x80) {
            if (c.k <= K_PARA || c.cp == '"' || c.cp == '<' || c.cp == '>' || c.cp == '`')
                break;
        } else if (!dy_is_word(c.k)) {
            break;
        }
        if (p + c.n - p0 > DY_TOKEN_MAX_BYTES) {
            cut = 1;
            break;
        }
        paren += c.cp == '(' ? 1 : c.cp == ')' ? -1 : 0;
        brack += c.cp == '[' ? 1 : c.cp == ']' ? -1 : 0;
        p += c.n;
    }
    while (!cut && p > p0 + 4) {
        uint8_t b = s[p - 1];
        if (b == '.' || b == ',' || b == ';' || b == ':' || b == '!' || b == '?' ||
            b == '\'' || b == '*') {
            p--;
        } else if (b == ')' && paren < 0) {
            paren++;
            p--;
        } else if (b == ']' && brack < 0) {
            brack++;
            p--;
        } else {
            break;
        }
    }
    emit_word(L, p0, p, DY_TOK_URL);
    return p;
}

static int is_email_byte(uint8_t b)
{
    return (b >= '0' && b <= '9') || is_ascii_alpha(b) || b == '.' || b == '-' || b == '_';
}

/* The word s[p0..at) is followed by '@' and a letter or digit. */
static size_t lex_email(lx *L, size_t p0, size_t at)
{
    const uint8_t *s = L->s;
    size_t q = at + 1;
    while (q < L->len && q + 1 - p0 <= DY_TOKEN_MAX_BYTES && is_email_byte(s[q]))
        q++;
    while (q > at + 2 && (s[q - 1] == '.' || s[q - 1] == '-' || s[q - 1] == '_'))
        q--;
    emit_word(L, p0, q, DY_TOK_URL);
    return q;
}

/* A web domain: the last dot-separated part is a common top-level domain. */
static int is_domain(const uint8_t *s, size_t a, size_t e)
{
    static const char *const tld[] = { "biz", "com", "edu", "gov", "info", "int", "io",
                                       "mil", "net", "org", "uk" };
    size_t d = e;
    while (d > a && s[d - 1] != '.')
        d--;
    if (d < a + 3 || e - d < 2 || e - d > 4)
        return 0;
    char w[5];
    for (size_t i = 0; i < e - d; i++) {
        if (!is_ascii_alpha(s[d + i]))
            return 0;
        w[i] = (char)(s[d + i] | 0x20);
    }
    w[e - d] = '\0';
    return bsearch(w, tld, sizeof tld / sizeof *tld, sizeof *tld, cmp_str) != NULL;
}

/* 's 'S 'm 'd 'll 're 've (case-insensitive), s points after the apostrophe. */
static int is_clitic(const uint8_t *s, size_t n)
{
    if (n == 1)
        return (s[0] | 0x20) == 's' || (s[0] | 0x20) == 'm' || (s[0] | 0x20) == 'd';
    if (n == 2)
        return ci_eq(s, "ll", 2) || ci_eq(s, "re", 2) || ci_eq(s, "ve", 2);
    return 0;
}

/* Length of a clitic after an apostrophe at q (0 when none follows). */
static size_t clitic_at(const uint8_t *s, size_t len, size_t q)
{
    size_t n = 0;
    while (q + n < len && n < 3 && is_ascii_alpha(s[q + n]))
        n++;
    if (n == 0 || n > 2 || dy_is_word(dy_ch_at(s, len, q + n).k))
        return 0;
    return is_clitic(s + q, n) ? n : 0;
}

/* A word from p0; scanning starts at pstart (p0 + 1 for ".5").  Returns the
 * position after everything emitted. */
static size_t lex_word(lx *L, size_t p0, size_t pstart)
{
    const uint8_t *s = L->s;
    size_t len = L->len, p = pstart;
    size_t apos = SIZE_MAX, apos_n = 0;
    int inner_dot = 0, lastk = pstart > p0 ? K_DOT : K_EOF, cut = 0, plain = 0;

    uint8_t f = s[p0] | 0x20;
    if (pstart == p0 && (f == 'h' || f == 'f' || f == 'w') && url_start(s, len, p0))
        return lex_url(L, p0);

    /* Nothing past lim belongs to this token. */
    size_t lim = len - p0 > DY_TOKEN_MAX_BYTES ? p0 + DY_TOKEN_MAX_BYTES : len;
    for (;;) {
        size_t run = p;
        while (p < lim && (ascii_shape[s[p]] & (SH_UP | SH_LO | SH_DIGIT)))
            p++;
        if (p > run)
            lastk = dy_ascii_class[s[p - 1]];
        if (p >= lim) {
            cut = lim < len;
            break;
        }
        dy_ch c = dy_ch_at(s, len, p);
        if (dy_is_word(c.k)) {
            if (p + c.n - p0 > DY_TOKEN_MAX_BYTES) {
                cut = 1;
                break;
            }
            p += c.n;
            lastk = c.k;
            continue;
        }
        size_t q = p + c.n;
        dy_ch d = dy_ch_at(s, len, q);
        int ok = 0;
        switch (c.k) {
        case K_HYPHEN: case K_ENDASH:
            if (dy_is_word(d.k)) {
                ok = 1;
            } else if (c.k == K_HYPHEN && dy_is_letter(lastk) &&
                       (d.k == K_EOF || dy_is_blank(d.k)) && q - p0 <= DY_TOKEN_MAX_BYTES) {
                p = q;         /* "anti- government": the hyphen stays */
                plain = 1;
            }
            break;
        case K_DOT:
            if (dy_is_word(d.k)) {
                ok = 1;
                inner_dot = 1;
            } else if (inner_dot && d.k == K_HYPHEN &&
                       dy_is_word(dy_ch_at(s, len, q + d.n).k)) {
                ok = 1;        /* U.S.-led */
            }
            break;
        case K_COMMA:          /* 1,000 but not 1,00 or 1,0000 */
            if (lastk == K_DIGIT && q + 3 <= len && s[q] >= '0' && s[q] <= '9' &&
                s[q + 1] >= '0' && s[q + 1] <= '9' && s[q + 2] >= '0' && s[q + 2] <= '9' &&
                dy_ch_at(s, len, q + 3).k != K_DIGIT)
                ok = 1;
            break;
        case K_COLON:
            ok = lastk == K_DIGIT && d.k == K_DIGIT;
            break;
        case K_SLASH:
            ok = dy_is_alnum(lastk) && dy_is_alnum(d.k);
            break;
        case K_AMP:
            ok = lastk == K_UPPER && d.k == K_UPPER;
            break;
        case K_APOS:
            if (dy_is_alnum(lastk) && dy_is_letter(d.k) && c.cp != 0x201A &&
                c.cp != 0x2039 && c.cp != 0x203A) {
                ok = 1;
                apos = p;
                apos_n = c.n;
            }
            break;
        case K_SHY: case K_JOIN:
            ok = dy_is_word(d.k);
            break;
        case K_AT:
            if (d.cp < 0x80 && dy_is_alnum(d.k))
                return lex_email(L, p0, p);
            break;
        case K_CURRENCY:       /* US$, HK$: one token before a number */
            if (c.cp == '$' && d.k == K_DIGIT && p - p0 <= 3 && pstart == p0) {
                int caps = 1;
                for (size_t i = p0; i < p; i++)
                    caps &= s[i] >= 'A' && s[i] <= 'Z';
                if (caps) {
                    emit_word(L, p0, q, 0);
                    return q;
                }
            }
            break;
        default:
            break;
        }
        if (plain || !ok)
            break;
        if (q - p0 > DY_TOKEN_MAX_BYTES) {
            cut = 1;
            break;
        }
        p = q;
        lastk = c.k;
    }

    size_t we = p;
    if (cut || plain) {
        emit_word(L, p0, we, 0);
        return we;
    }
    if (we < len && s[we] == '.') {
        /* "1. " at the start of a line: a list label, not a sentence. */
        if (L->line_start && we - p0 <= 2 && s[p0] >= '0' && s[p0] <= '9' &&
            s[we - 1] >= '0' && s[we - 1] <= '9' && we + 1 < len &&
            (s[we + 1] == ' ' || s[we + 1] == '\t')) {
            emit_word(L, p0, we + 1, 0);
            return we + 1;
        }
        if (!(we + 1 < len && s[we + 1] == '.')) {
            int cls = abbrev_class(L, p0, we, inner_dot);
            if (cls != AB_NONE) {
                emit_word(L, p0, we + 1, DY_TOK_ABBREV);
                if (cls != AB_NUM && abbrev_ends(L, we + 1, cls))
                    emit_static(L, we, we + 1, ".");
                L->prev = P_WORD;
                return we + 1;
            }
        }
    }
    /* Contractions and possessives: did|n't ca|n't Russia|'s I|'m we|'ve */
    if (apos != SIZE_MAX) {
        size_t sa = apos + apos_n, split = SIZE_MAX;
        if (is_clitic(s + sa, we - sa))
            split = apos;
        else if (we - sa == 1 && (s[sa] | 0x20) == 't' && apos >= p0 + 2 &&
                 (s[apos - 1] | 0x20) == 'n')
            split = apos - 1;
        if (split != SIZE_MAX) {
            emit_word(L, p0, split, 0);
            emit_word(L, split, we, 0);
            return we;
        }
    }
    /* cannot -> can not; gonna, gotta, wanna -> gon na, got ta, wan na */
    if ((we - p0 == 6 && ci_eq(s + p0, "cannot", 6)) ||
        (we - p0 == 5 && (ci_eq(s + p0, "gonna", 5) || ci_eq(s + p0, "gotta", 5) ||
                          ci_eq(s + p0, "wanna", 5)))) {
        emit_word(L, p0, p0 + 3, 0);
        emit_word(L, p0 + 3, we, 0);
        return we;
    }
    emit_word(L, p0, we, inner_dot && is_domain(s, p0, we) ? DY_TOK_URL : 0);
    return we;
}

/* ------------------------------------------------------------------ */
/* Punctuation                                                          */
/* ------------------------------------------------------------------ */

static int next_is_boundary(int k)
{
    switch (k) {
    case K_EOF: case K_SPACE: case K_NL: case K_PARA: case K_CLOSE: case K_COMMA:
    case K_DOT: case K_SEMI: case K_COLON: case K_EXCL: case K_QUEST: case K_ELLIPSIS:
    case K_DASH: case K_DQUOTE: case K_APOS:
        return 1;
    default:
        return 0;
    }
}

static size_t lex_dquote(lx *L, size_t p, dy_ch c)
{
    int pb = L->prev == P_SPACE || L->prev == P_OPEN;
    int nb = next_is_boundary(dy_ch_at(L->s, L->len, p + c.n).k);
    int open;
    if (pb != nb)
        open = pb;
    else if (c.cp == 0x201C || c.cp == 0x201E || c.cp == 0x201F || c.cp == 0xAB)
        open = 1;
    else if (c.cp == 0x201D || c.cp == 0xBB)
        open = 0;
    else
        open = !L->dq_open;
    emit_static(L, p, p + c.n, open ? "``" : "''");
    L->dq_open = open;
    L->prev = open ? P_OPEN : P_CLOSE;
    return p + c.n;
}

static size_t lex_apos(lx *L, size_t p, dy_ch c)
{
    const uint8_t *s = L->s;
    size_t len = L->len, q = p + c.n;
    dy_ch d = dy_ch_at(s, len, q);
    if (c.cp == '\'' && d.cp == '\'') {             /* '' */
        emit_static(L, p, q + 1, "''");
        L->dq_open = 0;
        L->prev = P_CLOSE;
        return q + 1;
    }
    if (L->prev == P_WORD) {
        size_t n = clitic_at(s, len, q);            /* U.S.'s */
        if (n) {
            emit_word(L, p, q + n, 0);
            return q + n;
        }
        emit_static(L, p, q, "'");                  /* protesters' */
        L->prev = P_CLOSE;
        return q;
    }
    if (L->prev == P_SPACE || L->prev == P_OPEN) {
        /* '90s, '08 */
        if (d.k == K_DIGIT && q + 1 < len && s[q + 1] >= '0' && s[q + 1] <= '9') {
            size_t e = q + 2;
            if (e < len && s[e] == 's')
                e++;
            if (!dy_is_word(dy_ch_at(s, len, e).k)) {
                emit_word(L, p, e, 0);
                return e;
            }
        }
        int open = dy_is_word(d.k) || c.cp == 0x2018 || c.cp == 0x201A || c.cp == 0x2039;
        emit_static(L, p, q, open ? "`" : "'");
        L->prev = open ? P_OPEN : P_CLOSE;
        return q;
    }
    int open = dy_is_word(d.k);
    emit_static(L, p, q, open ? "`" : "'");
    L->prev = open ? P_OPEN : P_CLOSE;
    return q;
}

/* A run of hyphens and dashes: "-" for one hyphen, "--" for anything else. */
static size_t lex_dash(lx *L, size_t p, dy_ch c)
{
    size_t q = p + c.n;
    int count = 1;
    for (;;) {
        dy_ch d = dy_ch_at(L->s, L->len, q);
        if (d.k != K_HYPHEN && d.k != K_ENDASH && d.k != K_DASH)
            break;
        if (q + d.n - p > DY_TOKEN_MAX_BYTES)
            break;
        q += d.n;
        count++;
    }
    emit_static(L, p, q, count == 1 && c.k == K_HYPHEN ? "-" : "--");
    L->prev = P_OPEN;
    return q;
}

static size_t lex_dot(lx *L, size_t p)
{
    const uint8_t *s = L->s;
    size_t len = L->len, q = p + 1;
    if (q < len && s[q] == '.') {
        while (q < len && s[q] == '.' && q + 1 - p <= DY_TOKEN_MAX_BYTES)
            q++;
        emit_static(L, p, q, "...");
    } else if (p + 5 <= len && memcmp(s + p, ". . .", 5) == 0) {
        q = p + 5;
        emit_static(L, p, q, "...");
    } else if (q < len && s[q] >= '0' && s[q] <= '9' &&
               (L->prev == P_SPACE || L->prev == P_OPEN)) {
        return lex_word(L, p, q);                  /* .5 */
    } else {
        emit_static(L, p, q, ".");
    }
    L->prev = P_PUNCT;
    return q;
}

static size_t lex_other(lx *L, size_t p, dy_ch c)
{
    const uint8_t *s = L->s;
    size_t len = L->len, q = p + c.n;
    switch (c.k) {
    case K_BTICK:
        if (q < len && s[q] == '`') {
            emit_static(L, p, q + 1, "``");
            L->dq_open = 1;
            q++;
        } else {
            emit_static(L, p, q, "`");
        }
        L->prev = P_OPEN;
        return q;
    case K_ELLIPSIS:
        emit_static(L, p, q, "...");
        L->prev = P_PUNCT;
        return q;
    case K_OPEN:
    case K_CLOSE: {
        const char *t = NULL;
        switch (c.cp) {
        case '(': case 0xFF08: t = "-LRB-"; break;
        case ')': case 0xFF09: t = "-RRB-"; break;
        case '[': t = "-LSB-"; break;
        case ']': t = "-RSB-"; break;
        case '{': t = "-LCB-"; break;
        case '}': t = "-RCB-"; break;
        default: break;
        }
        if (t)
            emit_static(L, p, q, t);
        else
            emit_word(L, p, q, 0);
        L->prev = c.k == K_OPEN ? P_OPEN : P_CLOSE;
        return q;
    }
    case K_AT:
    case K_HASH: {
        /* @handle: letters, digits, _; #hashtag: word characters with a letter */
        size_t e = q;
        int letter = 0;
        while (e < len) {
            dy_ch d = dy_ch_at(s, len, e);
            int ok = c.k == K_AT ? (d.cp < 0x80 && (dy_is_alnum(d.k) || d.cp == '_'))
                                 : (dy_is_word(d.k) || d.cp == '_');
            if (!ok || e + d.n - p > DY_TOKEN_MAX_BYTES)
                break;
            letter |= dy_is_letter(d.k);
            e += d.n;
        }
        if (e > q && (c.k == K_AT || letter)) {
            emit_word(L, p, e, c.k == K_AT ? DY_TOK_URL : 0);
            return e;
        }
        break;
    }
    default:
        break;
    }
    if (c.cp < 0x80)
        emit_static(L, p, q, one_char[c.cp]);
    else
        emit_word(L, p, q, 0);
    L->prev = P_PUNCT;
    return q;
}

/* Bytes after which a plain ASCII word needs none of lex_word()'s rules:
 * whitespace, and punctuation that never joins a word or starts a clitic.
 * ('.', '-', '\'', ':', '/', '&', '@', '$', '_' and ',' after a digit do.) */
static const uint8_t plain_end[128] = {
    [0] = 1, [1] = 1, [2] = 1, [3] = 1, [4] = 1, [5] = 1, [6] = 1, [7] = 1, [8] = 1,
    ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [14] = 1, [15] = 1,
    [16] = 1, [17] = 1, [18] = 1, [19] = 1, [20] = 1, [21] = 1, [22] = 1, [23] = 1,
    [24] = 1, [25] = 1, [26] = 1, [27] = 1, [28] = 1, [29] = 1, [30] = 1, [31] = 1,
    [' '] = 1, ['!'] = 1, ['"'] = 1, ['('] = 1, [')'] = 1, [';'] = 1, ['?'] = 1,
    ['['] = 1, [']'] = 1, ['{'] = 1, ['}'] = 1, [127] = 1,
};

/* The common case: an ASCII letter/digit run ending in whitespace or plain
 * punctuation.  Returns the end of the word, or 0 to leave it to
 * lex_word().  Same result as lex_word(), in a fraction of the time. */
static size_t lex_plain(lx *L, size_t p0)
{
    const uint8_t *restrict s = L->s;
    size_t len = L->len;
    size_t lim = len - p0 > DY_TOKEN_MAX_BYTES ? p0 + DY_TOKEN_MAX_BYTES : len;
    /* Copy while scanning: room for the longest token first. */
    if (L->tb_left < DY_TOKEN_MAX_BYTES + 1 && !more_text(L, DY_TOKEN_MAX_BYTES + 1))
        return len;
    char *restrict out = L->tb;
    size_t q = p0;
    unsigned m = 0, sh;
    while (q < lim && ((sh = ascii_shape[s[q]]) & (SH_UP | SH_LO | SH_DIGIT))) {
        out[q - p0] = (char)s[q];
        m |= sh;
        q++;
    }
    if (q == lim) {
        if (q < len)
            return 0;
    } else {
        uint8_t b = s[q];
        if (b >= 0x80)
            return 0;
        if (!plain_end[b] && !(b == ',' && !(ascii_shape[s[q - 1]] & SH_DIGIT)))
            return 0;
    }
    size_t n = q - p0;
    uint8_t f0 = s[p0] | 0x20;       /* cannot, gonna, gotta, wanna */
    if ((n == 6 && f0 == 'c') || (n == 5 && (f0 == 'g' || f0 == 'w')))
        return 0;
    out[n] = '\0';
    L->tb += n + 1;
    L->tb_left -= n + 1;
    unsigned f = 0;
    if (m & (SH_UP | SH_LO)) {
        size_t k = p0;
        while (!(ascii_shape[s[k]] & (SH_UP | SH_LO)))
            k++;
        if (ascii_shape[s[k]] & SH_UP) {
            f |= DY_TOK_CAPITAL;
            if (!(m & SH_LO)) {            /* ALLCAPS needs two capitals */
                while (++k < q && !(ascii_shape[s[k]] & SH_UP))
                    ;
                if (k < q)
                    f |= DY_TOK_ALLCAPS;
            }
        }
    }
    if ((ascii_shape[s[p0]] & SH_DIGIT) && is_number(s, p0, q))
        f |= DY_TOK_NUMBER;
    new_tok(L, p0, q, out, n, f);
    L->prev = P_WORD;
    return q;
}

static void lex_all(lx *L)
{
    const uint8_t *s = L->s;
    size_t len = L->len, p = 0;
    while (p < len && !L->fail) {
        uint8_t b = s[p];
        dy_ch c;
        if (b < 0x80) {
            int k = dy_ascii_class[b];
            if (k == K_SPACE) {
                p++;
                L->prev = P_SPACE;
                continue;
            }
            if (k >= K_UPPER && k <= K_DIGIT) {
                size_t q = lex_plain(L, p);
                p = q ? q : lex_word(L, p, p);
                continue;
            }
            c.cp = b;
            c.n = 1;
            c.k = (uint8_t)k;
        } else {
            c = dy_decode_slow(s + p, len - p);
        }
        switch (c.k) {
        case K_SPACE:
            L->prev = P_SPACE;
            p += c.n;
            break;
        case K_NL: case K_PARA:
            L->prev = P_SPACE;
            L->line_start = 1;
            p += c.n;
            break;
        case K_SHY: case K_JOIN:
            p += c.n;          /* invisible outside a word */
            break;
        case K_UPPER: case K_LOWER: case K_LETTER: case K_DIGIT: case K_MARK:
            p = lex_word(L, p, p);
            break;
        case K_DQUOTE:
            p = lex_dquote(L, p, c);
            break;
        case K_APOS:
            p = lex_apos(L, p, c);
            break;
        case K_HYPHEN: case K_ENDASH: case K_DASH:
            p = lex_dash(L, p, c);
            break;
        case K_DOT:
            p = lex_dot(L, p);
            break;
        case K_UNDERSCORE:
            /* "Dol_Amroth": an underscore between words joins the words of
             * a name, as in PETRARCH's dictionaries; it reads as a space */
            if (L->prev == P_WORD && p + 1 < len && dy_is_word(dy_ch_at(s, len, p + 1).k)) {
                L->prev = P_SPACE;
                p++;
                break;
            }
            p = lex_other(L, p, c);
            break;
        default:
            p = lex_other(L, p, c);
            break;
        }
    }
}

dyad_status dy_tokenize(dy_arena *a, const char *text, size_t len,
                        dy_token **tokens, uint32_t *n_tokens,
                        uint32_t *n_invalid, dy_msg *err)
{
    if (tokens)
        *tokens = NULL;
    if (n_tokens)
        *n_tokens = 0;
    if (n_invalid)
        *n_invalid = 0;
    if (!a || !tokens || !n_tokens || (!text && len))
        return dy_fail(err, DYAD_ERR_ARG, "dy_tokenize: NULL argument");
    if (len > DY_TEXT_MAX_BYTES)
        return dy_fail(err, DYAD_ERR_LIMIT, "article of %zu bytes: the limit is %zu bytes",
                       len, DY_TEXT_MAX_BYTES);
    lx L;
    memset(&L, 0, sizeof L);
    L.s = (const uint8_t *)text;
    L.len = len;
    L.a = a;
    L.tb_block = len + len / 4 + 64;
    if (L.tb_block > 65536)
        L.tb_block = 65536;
    if (len > DY_TEXT_TWO_PASS_BYTES) {
        /* A huge article: count first, so the token array is allocated
         * once, exactly, instead of growing (and being copied) -- twice
         * the time, but memory stays at one array plus the text. */
        L.count_only = 1;
        L.scratch_text = dy_arena_alloc(a, COUNT_SCRATCH);
        L.line_start = 1;
        L.prev = P_SPACE;
        if (L.scratch_text)
            lex_all(&L);
        if (!L.scratch_text || L.fail) {
            if (L.fail == DYAD_ERR_LIMIT)
                return dy_fail(err, DYAD_ERR_LIMIT, "tokenizer: more than %u tokens",
                               UINT32_MAX - 1);
            return dy_fail(err, DYAD_ERR_NOMEM, "tokenizer: out of memory");
        }
        size_t count = L.tv.n;
        memset(&L.tv, 0, sizeof L.tv);
        L.tv.a = a;
        L.tv.esz = sizeof(dy_token);
        L.tv.cap = count ? count : 1;
        L.tv.p = dy_arena_alloc(a, L.tv.cap * sizeof(dy_token));
        if (!L.tv.p)
            return dy_fail(err, DYAD_ERR_NOMEM, "tokenizer: out of memory");
        L.count_only = 0;
        L.tb_left = 0;
        L.n_invalid = 0;
        L.dq_open = 0;
    } else if (dy_vec_init(&L.tv, a, sizeof(dy_token), len / 5 + 16)) {
        return dy_fail(err, DYAD_ERR_NOMEM, "tokenizer: out of memory");
    }
    L.line_start = 1;
    L.prev = P_SPACE;
    lex_all(&L);
    if (L.fail) {
        dy_vec_drop(&L.tv);
        if (L.fail == DYAD_ERR_LIMIT)
            return dy_fail(err, DYAD_ERR_LIMIT, "tokenizer: more than %u tokens", UINT32_MAX - 1);
        return dy_fail(err, DYAD_ERR_NOMEM, "tokenizer: out of memory");
    }
    size_t n = L.tv.n;
    int ok;
    dy_token *t = dy_vec_finish(&L.tv, &ok);
    if (!ok)
        return dy_fail(err, DYAD_ERR_NOMEM, "tokenizer: out of memory");
    *tokens = t;
    *n_tokens = (uint32_t)n;
    if (n_invalid)
        *n_invalid = L.n_invalid;
    return DYAD_OK;
}

/* split.c -- tokens -> sentences (text.h).
 *
 * One pass over the tokens.  A sentence ends:
 *   - after final punctuation (. ? ! and ... before a capital), together
 *     with the closing quotes and brackets that follow it, unless the next
 *     word starts in lower case (or is , ; : -- -);
 *   - at a paragraph break (a blank line, U+2029 or a form feed);
 *   - before a bullet line ("- ", "* ", "• ", "1. ", "1) ");
 *   - after a dateline at the start of a paragraph ("MOSCOW (Reuters) -"),
 *     and after an all-caps headline line at the start of a paragraph;
 *   - after DY_SENT_MAX_TOKENS tokens at the latest.
 * Abbreviations are the tokenizer's business: it keeps "Mr." whole and adds
 * a separate "." after "U.S." only when the abbreviation ends a sentence,
 * so here every "." token is a candidate.
 *
 * Line and paragraph breaks are read from the text between a token flagged
 * DY_TOK_LINE_START and the one before it (a break always starts a line),
 * so the text is looked at only once per line. */
#include "text/text.h"

#include <string.h>

#include "text/text_internal.h"

static const char *ttext(const dy_token *t)
{
    return t->text ? t->text : "";
}

static int teq(const dy_token *t, const char *s)
{
    return strcmp(ttext(t), s) == 0;
}

static int in_list(const char *x, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(x, *list) == 0)
            return 1;
    return 0;
}

static const char *const strong_final[] = { ".", "?", "!", "\xE3\x80\x82" /* 。 */,
    "\xEF\xBC\x9F" /* ？ */, "\xEF\xBC\x81" /* ！ */, "\xD8\x9F" /* ؟ */, NULL };
static const char *const closers[] = { "''", "'", "-RRB-", "-RSB-", "-RCB-", ")", "]", "}",
    "\xE2\x80\x9D" /* ” */, "\xE2\x80\x99" /* ’ */, "\xC2\xBB" /* » */, NULL };
static const char *const no_break_after[] = { ",", ";", ":", "--", "-", "...", NULL };
static const char *const bullets[] = { "-", "*", "\xE2\x80\xA2" /* • */,
    "\xC2\xB7" /* · */, "\xE2\x80\xA3" /* ‣ */, "\xE2\x97\xA6" /* ◦ */,
    "\xE2\x96\xAA" /* ▪ */, "\xE2\x97\x8F" /* ● */, "\xE2\x96\xA0" /* ■ */,
    "\xE2\x96\xBA" /* ► */, "\xE2\x96\xB6" /* ▶ */, NULL };
static const char *const dateline_seps[] = { "--", "-", "_", ":", NULL };

/* What the splitter sees in a token. */
enum { T_OTHER, T_STRONG, T_ELLIPSIS, T_CLOSER };

/* Kind of a token, from its text; most tokens are decided by the first
 * byte. */
static inline __attribute__((always_inline)) int tkind(const dy_token *t)
{
    const char *x = ttext(t);
    switch (x[0]) {
    case '.':
        if (x[1] == '\0')
            return T_STRONG;
        return strcmp(x, "...") == 0 ? T_ELLIPSIS : T_OTHER;
    case '?': case '!':
        return x[1] == '\0' ? T_STRONG : T_OTHER;
    case '\'':
        return x[1] == '\0' || (x[1] == '\'' && x[2] == '\0') ? T_CLOSER : T_OTHER;
    case ')': case ']': case '}':
        return x[1] == '\0' ? T_CLOSER : T_OTHER;
    case '-':
        return strcmp(x, "-RRB-") == 0 || strcmp(x, "-RSB-") == 0 ||
               strcmp(x, "-RCB-") == 0 ? T_CLOSER : T_OTHER;
    default:
        if ((unsigned char)x[0] < 0x80)
            return T_OTHER;
        if (in_list(x, strong_final))
            return T_STRONG;
        return in_list(x, closers) ? T_CLOSER : T_OTHER;
    }
}

static int is_final(const dy_token *t)
{
    int k = tkind(t);
    return k == T_STRONG || k == T_ELLIPSIS;
}

static int has_lower(const char *t)
{
    const uint8_t *s = (const uint8_t *)t;
    for (size_t p = 0; s[p];) {
        if (s[p] < 0x80) {
            if (s[p] >= 'a' && s[p] <= 'z')
                return 1;
            p++;
        } else {
            dy_ch c = dy_decode_slow(s + p, 4);
            if (c.k == K_LOWER)
                return 1;
            p += c.n;
        }
    }
    return 0;
}

/* What lies between two tokens: 0 nothing special, 1 a line break,
 * 2 a paragraph break (two line breaks, or U+2029 or a form feed). */
static int gap_kind(const uint8_t *s, size_t len, size_t a, size_t b)
{
    if (b > len)
        b = len;
    int nl = 0;
    for (size_t p = a; p < b; p++) {
        uint8_t c = s[p];
        if (c == '\n' || c == '\v') {
            nl++;
        } else if (c == '\r') {
            if (!(p + 1 < b && s[p + 1] == '\n'))
                nl++;
        } else if (c == '\f') {
            return 2;
        } else if (c == 0xC2 && p + 1 < b && s[p + 1] == 0x85) {
            nl++;
            p++;
        } else if (c == 0xE2 && p + 2 < b && s[p + 1] == 0x80 &&
                   (s[p + 2] == 0xA8 || s[p + 2] == 0xA9)) {
            if (s[p + 2] == 0xA9)
                return 2;
            nl++;
            p += 2;
        }
        if (nl >= 2)
            return 2;
    }
    return nl ? 1 : 0;
}

/* Token i (first on its line) begins a bullet item with text after it. */
static int is_bullet(const dy_token *t, uint32_t n, uint32_t i)
{
    if (i + 1 >= n || (t[i + 1].flags & DY_TOK_LINE_START))
        return 0;
    const char *x = ttext(&t[i]);
    unsigned char c0 = (unsigned char)x[0];
    if (c0 != '-' && c0 != '*' && c0 < 0x80 && !(c0 >= '0' && c0 <= '9'))
        return 0;
    if (in_list(x, bullets))
        return 1;
    size_t k = 0;
    while (x[k] >= '0' && x[k] <= '9')
        k++;
    if (k >= 1 && k <= 2 && x[k] == '.' && x[k + 1] == '\0')
        return 1;                                   /* "1." */
    if (k >= 1 && k <= 2 && x[k] == '\0' && teq(&t[i + 1], "-RRB-") &&
        t[i].end == t[i + 1].start && i + 2 < n && !(t[i + 2].flags & DY_TOK_LINE_START))
        return 1;                                   /* "1)" */
    return 0;
}

static int is_caps_word(const dy_token *t)
{
    return (t->flags & DY_TOK_ALLCAPS) && !(t->flags & (DY_TOK_PUNCT | DY_TOK_NUMBER));
}

static int is_name_or_number(const dy_token *t)
{
    return !(t->flags & DY_TOK_PUNCT) &&
           (t->flags & (DY_TOK_CAPITAL | DY_TOK_ALLCAPS | DY_TOK_NUMBER));
}

/* Length of a dateline starting at token i, 0 when there is none:
 *   PLACE [, Region|Date]{0,3} [(Agency)] SEP  followed by more text
 * PLACE is one to six all-caps words (the first of at least three bytes
 * unless another follows) -- or a capitalised word when an agency follows;
 * SEP is - -- _ : (": --" too).  All of it on one line. */
static uint32_t dateline_len(const dy_token *t, uint32_t n, uint32_t i)
{
    uint32_t j = i, caps = 0, agency = 0;
    while (j < n && j - i < 6 && is_caps_word(&t[j]))
        j++, caps++;
    if (caps == 1 && t[i].len < 3)
        return 0;                                   /* "US - China" */
    if (!caps) {
        if (j + 1 < n && (t[j].flags & DY_TOK_CAPITAL) && !(t[j].flags & DY_TOK_PUNCT) &&
            teq(&t[j + 1], "-LRB-"))
            j++;
        else
            return 0;
    }
    for (int g = 0; g < 3 && j + 1 < n && teq(&t[j], ","); g++) {
        uint32_t k = j + 1, m = 0;
        while (k < n && m < 4 && is_name_or_number(&t[k]))
            k++, m++;
        if (!m)
            break;
        j = k;
    }
    if (j < n && teq(&t[j], "-LRB-")) {
        uint32_t k = j + 1, m = 0;
        while (k < n && m < 5 && (is_name_or_number(&t[k]) || teq(&t[k], "/") ||
                                  teq(&t[k], "-") || teq(&t[k], "&")))
            k++, m++;
        if (!m || k >= n || !teq(&t[k], "-RRB-"))
            return 0;
        j = k + 1;
        agency = 1;
    }
    if (j >= n || !in_list(ttext(&t[j]), dateline_seps))
        return 0;
    int colon = teq(&t[j], ":");
    j++;
    if (colon && j < n && (teq(&t[j], "--") || teq(&t[j], "-")))
        j++;
    else if (colon && !caps)
        return 0;
    if (j >= n || (!caps && !agency))
        return 0;
    for (uint32_t k = i + 1; k < j; k++)
        if (t[k].flags & DY_TOK_LINE_START)
            return 0;
    return j - i;
}

/* Length of an all-caps headline line starting at token i (at least two
 * all-caps words, no lower-case letter, no final punctuation, and followed
 * by a line with lower-case text), 0 when there is none. */
static uint32_t headline_len(const dy_token *t, uint32_t n, uint32_t i)
{
    if (!(t[i].flags & DY_TOK_LINE_START))
        return 0;
    uint32_t j = i, words = 0;
    do {
        if (has_lower(ttext(&t[j])))
            return 0;
        if (t[j].flags & DY_TOK_ALLCAPS)
            words++;
        if (++j - i > 64)
            return 0;
    } while (j < n && !(t[j].flags & DY_TOK_LINE_START));
    if (j >= n || words < 2 || is_final(&t[j - 1]))
        return 0;
    for (uint32_t k = j; k < n && k < j + 8; k++)
        if (has_lower(ttext(&t[k])))
            return j - i;
    return 0;
}

int dy_sentence_is_dateline(const dy_token *tok, uint32_t n, dy_span s)
{
    if (!tok || s.count == 0 || s.first >= n || s.count > n - s.first)
        return 0;
    return dateline_len(tok, n, s.first) == s.count;
}

/* An opening bracket or quote, or a sign that belongs to what follows:
 * `` ` -LRB- -LSB- -LCB- $ # */
static int is_opener(const dy_token *t)
{
    const char *x = ttext(t);
    return x[0] == '`' || x[0] == '$' || x[0] == '#' || (x[0] == '-' && x[1] == 'L');
}

/* Where to cut a sentence that is too long: after the punctuation token
 * (not an opening one) nearest to the limit, or before a line start, in the
 * second half of the window; else exactly at the limit. */
static uint32_t cut_point(const dy_token *t, uint32_t s)
{
    for (uint32_t j = s + DY_SENT_MAX_TOKENS - 1; j >= s + DY_SENT_MAX_TOKENS / 2; j--) {
        if ((t[j].flags & DY_TOK_PUNCT) && !is_opener(&t[j]))
            return j + 1;
        if (t[j].flags & DY_TOK_LINE_START)
            return j;
    }
    return s + DY_SENT_MAX_TOKENS;
}

static int add_span(dy_vec *v, uint32_t first, uint32_t count)
{
    if (v->n == v->cap && dy_vec_grow(v))
        return -1;
    dy_span *sp = (dy_span *)(void *)v->p + v->n++;
    sp->first = first;
    sp->count = count;
    return 0;
}

static int push(dy_vec *v, const dy_token *t, uint32_t s, uint32_t e)
{
    while (e - s > DY_SENT_MAX_TOKENS) {
        uint32_t c = cut_point(t, s);
        if (add_span(v, s, c - s))
            return -1;
        s = c;
    }
    return e > s ? add_span(v, s, e - s) : 0;
}

/* After final punctuation (strong: . ? !; else only ...), does a sentence
 * begin at token j? */
static int breaks_before(const dy_token *t, uint32_t n, uint32_t j, int strong)
{
    const char *x = ttext(&t[j]);
    int fc = (unsigned char)x[0] < 0x80 ? (x[0] >= 'a' && x[0] <= 'z' ? 1 : x[0] >= 'A' && x[0] <= 'Z' ? 2 : 0)
                                        : dy_first_case(x);
    if (strong)
        return fc != 1 && !(strchr(",;:-.", x[0]) && x[0] && in_list(x, no_break_after));
    if (fc == 2)
        return 1;
    if ((teq(&t[j], "``") || teq(&t[j], "`")) && j + 1 < n)
        return dy_first_case(ttext(&t[j + 1])) == 2;
    return 0;
}

dyad_status dy_split_sentences(dy_arena *a, const char *text, size_t len,
                               const dy_token *tok, uint32_t n,
                               dy_span **sents, uint32_t *n_sents, dy_msg *err)
{
    if (sents)
        *sents = NULL;
    if (n_sents)
        *n_sents = 0;
    if (!a || !sents || !n_sents || (!tok && n) || (!text && len))
        return dy_fail(err, DYAD_ERR_ARG, "dy_split_sentences: NULL argument");
    if (n == 0)
        return DYAD_OK;
    const uint8_t *s8 = (const uint8_t *)text;
    dy_vec v;
    if (dy_vec_init(&v, a, sizeof(dy_span), n / 16 + 8))
        return dy_fail(err, DYAD_ERR_NOMEM, "sentence splitter: out of memory");

    uint32_t s = 0, i = 0;
    size_t maxend = 0;
    int para = 1, pending = 0;
    while (i < n) {
        const dy_token *t = &tok[i];
        /* A paragraph break always puts the next token at a line start. */
        int g = i && (t->flags & DY_TOK_LINE_START) ? gap_kind(s8, len, maxend, t->start) : 0;
        if (i > s) {
            if (g == 2 || pending ||
                ((t->flags & DY_TOK_LINE_START) && is_bullet(tok, n, i))) {
                if (push(&v, tok, s, i))
                    goto nomem;
                s = i;
                para = g == 2;
            }
        } else if (g == 2) {
            para = 1;
        }
        pending = 0;
        if (t->end > maxend)
            maxend = t->end;
        if (i == s && para) {
            para = 0;
            uint32_t k = dateline_len(tok, n, i);
            if (!k)
                k = headline_len(tok, n, i);
            if (k) {
                for (uint32_t j = i; j < i + k; j++)
                    if (tok[j].end > maxend)
                        maxend = tok[j].end;
                if (push(&v, tok, i, i + k))
                    goto nomem;
                s = i = i + k;
                continue;
            }
        }
        int kind = tkind(t);
        if (kind == T_STRONG || kind == T_ELLIPSIS) {
            int strong = kind == T_STRONG, kj;
            uint32_t j = i + 1;
            while (j < n && (kj = tkind(&tok[j])) != T_OTHER &&
                   !((tok[j].flags & DY_TOK_LINE_START) &&
                     gap_kind(s8, len, maxend, tok[j].start) == 2)) {
                strong |= kj == T_STRONG;
                if (tok[j].end > maxend)
                    maxend = tok[j].end;
                j++;
            }
            if (j < n)
                pending = breaks_before(tok, n, j, strong);
            i = j;
            continue;
        }
        i++;
    }
    if (push(&v, tok, s, n))
        goto nomem;
    int ok;
    size_t count = v.n;
    dy_span *out = dy_vec_finish(&v, &ok);
    if (!ok)
        return dy_fail(err, DYAD_ERR_NOMEM, "sentence splitter: out of memory");
    *sents = out;
    *n_sents = (uint32_t)count;
    return DYAD_OK;
nomem:
    dy_vec_drop(&v);
    return dy_fail(err, DYAD_ERR_NOMEM, "sentence splitter: out of memory");
}

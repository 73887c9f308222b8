/* token.h -- tokens and sentences of raw text, shared by the tokenizer,
 * the sentence splitter, the tagger, the lemmatizer and the phrase
 * builder.
 *
 * Every token keeps the byte span it came from in the original article
 * text, so events can point back into it; `text` is the token as the later
 * stages should see it (Treebank conventions: "n't", "'s", "``", "''",
 * "-LRB-" ...), NUL-terminated, in the article's arena or, for fixed
 * punctuation tokens, in static storage (valid at least as long). */
#ifndef DY_TOKEN_H
#define DY_TOKEN_H

#include <stdint.h>

/* Token shape flags, set by the tokenizer. */
enum {
    DY_TOK_CAPITAL = 1u << 0,   /* first letter upper case */
    DY_TOK_ALLCAPS = 1u << 1,   /* every letter upper case (at least two) */
    DY_TOK_NUMBER = 1u << 2,    /* a number: 12, 3.5, 1,000, 1990s */
    DY_TOK_PUNCT = 1u << 3,     /* punctuation only */
    DY_TOK_ABBREV = 1u << 4,    /* abbreviation or initial ending in '.' */
    DY_TOK_HYPHEN = 1u << 5,    /* contains an inner hyphen */
    DY_TOK_URL = 1u << 6,       /* URL, e-mail address or @handle */
    DY_TOK_LINE_START = 1u << 7,/* first token on its line of the input */
};

typedef struct dy_token {
    uint32_t start, end;        /* byte span in the original text */
    const char *text;           /* normalised token text (see above) */
    uint16_t len;               /* strlen(text) */
    uint16_t flags;             /* DY_TOK_* */
    uint8_t tag;                /* dy_tag, set by the tagger (0 = none yet) */
    const char *lemma;          /* lower-case lemma, set by the lemmatizer */
} dy_token;

/* A sentence is a run of tokens. */
typedef struct dy_span {
    uint32_t first, count;      /* token indices */
} dy_span;

#endif

/* lexicon.h -- the tagger's word list and probability tables (internal).
 *
 * The tables are generated at build time by tools/gen_lexicon.c from two
 * Debian packages, never from files in this repository:
 *   - liblingua-en-tagger-perl: words.yml (about 44,000 words with their
 *     Penn Treebank tag counts) and tags.yml (tag-to-tag transition
 *     probabilities), both derived from the Penn Treebank;
 *   - wordnet-base: index.{noun,verb,adj,adv} (which open classes a lower
 *     case lemma belongs to), data.{noun,adj} (capitalised lemmas: proper
 *     nouns and adjectives such as "Guyana", "Guyanese") and
 *     {noun,verb}.exc (irregular plurals and verb forms).
 * Phrasal verbs of WordNet are keys of their own, verb and particle joined
 * by '_' ("burn_down", and "burnt_down" for the irregular forms of
 * verb.exc), with no tags: dy_lex_find("carry_out", 9) says whether "carry"
 * takes the particle "out".
 * The generated file build/gen/lexicon.c defines everything declared
 * `extern` below; it is compiled into libdyad, so tagging reads no file.
 * All tables are const: any number of threads may use them.
 *
 * Scores are natural logarithms stored as float.  A word's emission score
 * for a tag is log P(tag | word) - log P(tag): log P(word | tag) up to a
 * constant of the word, which is all Viterbi needs; adding back the prior
 * log P(tag) (dy_lex_tag_logp) gives P(tag | word), so evidence for one word
 * from different sources can be mixed as probability distributions. */
#ifndef DY_LEXICON_H
#define DY_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "tag/tagset.h"

/* WordNet facts about a word (dy_lex_word.wn). */
enum {
    DY_WN_NOUN = 1u << 0,      /* lower-case form is a noun lemma */
    DY_WN_VERB = 1u << 1,      /* ... a verb lemma */
    DY_WN_ADJ = 1u << 2,       /* ... an adjective lemma */
    DY_WN_ADV = 1u << 3,       /* ... an adverb lemma */
    DY_WN_PROPER = 1u << 4,    /* this exact capitalised form is a noun in
                                  WordNet ("Guyana", "Taliban", "Monday") */
    DY_WN_PROPER_ADJ = 1u << 5,/* ... an adjective ("Guyanese", "Iraqi") */
    DY_WN_PLURAL = 1u << 6,    /* irregular noun plural (noun.exc: "geese") */
    DY_WN_VERB_FORM = 1u << 7, /* irregular verb form (verb.exc: "went", "shot") */
};

/* What a word is to the verb after it (dy_lex_word.kind). */
enum {
    DY_KIND_OTHER = 0,
    DY_KIND_BE,       /* be, is, was, 're ...: participles and gerunds follow */
    DY_KIND_HAVE,     /* have, has, had, 've ...: participles follow */
    DY_KIND_DO,       /* do, does, did: base forms follow */
    DY_KIND_MODAL,    /* will, can, wo, 'll ...: base forms follow */
    DY_KIND_GET,      /* get, got ...: the passive "got arrested" */
    DY_KIND_NEGATION, /* not, n't: looked through */
};

/* 8 bytes a word: 131,000 words with WordNet's lemmas. */
typedef struct dy_lex_word {
    unsigned text : 21;   /* offset of the NUL-terminated word in dy_lex_pool */
    unsigned n_tags : 4;  /* number of tags, most frequent first; 0 when none */
    unsigned kind : 3;    /* DY_KIND_* (lower-case words only) */
    unsigned : 4;
    unsigned tags : 16;   /* index of its first tag in dy_lex_tags */
    unsigned wn : 8;      /* DY_WN_* */
    unsigned lcount : 8;  /* Treebank occurrences n, as round(16 log2(1 + n)):
                             see dy_lex_count(); 0 for a word known only to
                             WordNet */
} dy_lex_word;

typedef struct dy_lex_tag {
    uint8_t tag;       /* dy_tag */
    float emit;        /* log P(tag | word) - log P(tag), P(tag | word) over
                          the tags kept: log P(word | tag) up to a constant
                          of the word, the HMM's emission score */
} dy_lex_tag;

/* Words in byte order (strcmp); their texts lie in dy_lex_pool in the same
 * order, so the pool is sorted too.  dy_lex_words[dy_lex_word_count] is an
 * end marker (text = dy_lex_pool_size, nothing else). */
extern const uint32_t dy_lex_word_count;
extern const char dy_lex_pool[];
extern const uint32_t dy_lex_pool_size;   /* bytes, the last NUL included */
extern const dy_lex_word dy_lex_words[];
extern const dy_lex_tag dy_lex_tags[];
/* Open addressing with linear probing over a table at most half full: the
 * first slot tried is h & dy_lex_slot_mask (h = dy_lex_hash(word)); a slot
 * is 0 when empty, else (word index + 1) in its low DY_LEX_INDEX_BITS bits
 * and the top bits of h above them, so most mismatches are rejected without
 * reading the word. */
#define DY_LEX_INDEX_BITS 18
extern const uint32_t dy_lex_slot_mask;
extern const uint32_t dy_lex_slots[];

/* log P(tag), the tag priors of the Treebank counts; -30 for tags never
 * seen. */
extern const float dy_lex_tag_logp[DY_TAG_COUNT];
/* log P(tag | previous tag), smoothed so that no pair is impossible.  The
 * state before the first word is DY_TAG_PERIOD (the end of the sentence
 * before it). */
extern const float dy_lex_trans[DY_TAG_COUNT][DY_TAG_COUNT];

/* ---- unknown words: suffix model --------------------------------------
 *
 * For words missing from the lexicon, P(tag | shape class, last letters) is
 * estimated from the Treebank's rare words (seen at most 10 times), which
 * behave like unseen ones, and smoothed from shorter suffixes to longer
 * ones (Brants 2000, "TnT").  A key is the class character followed by the
 * suffix ("l" + "ing", or "c" alone for the class as a whole). */
#define DY_LEX_SUFFIX_MAX 5

/* One tag of a suffix's distribution. */
typedef struct dy_lex_share {
    uint8_t tag;       /* dy_tag */
    float p;           /* P(tag | shape, suffix) */
} dy_lex_share;

typedef struct dy_lex_suffix {
    uint32_t key;      /* offset of the NUL-terminated key in dy_lex_sfx_pool */
    uint32_t tags;     /* first entry in dy_lex_sfx_tags */
    uint8_t n_tags;    /* most probable first */
    uint8_t key_len;
} dy_lex_suffix;

extern const uint32_t dy_lex_suffix_count;
extern const char dy_lex_sfx_pool[];
extern const dy_lex_suffix dy_lex_suffixes[];
extern const dy_lex_share dy_lex_sfx_tags[];
extern const uint32_t dy_lex_sfx_slot_mask;
extern const uint32_t dy_lex_sfx_slots[];

/* ---- shared by the generator and the library -------------------------- */

/* Little-endian loads, whatever the machine (compilers make each one
 * plain load on little-endian ones). */
static inline uint64_t dy_lex_load32(const unsigned char *p)
{
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
}

static inline uint64_t dy_lex_load64(const unsigned char *p)
{
    return dy_lex_load32(p) | dy_lex_load32(p + 4) << 32;
}

/* The hash both sides agree on: multiply-xorshift over the bytes read as
 * little-endian words (the generator may in principle run on another
 * machine than the library).  A tail of 1 to 7 bytes is read as two
 * overlapping 4- or 2-byte loads, never past the end. */
static inline uint32_t dy_lex_hash(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    uint64_t h = 0x9E3779B97F4A7C15ull ^ ((uint64_t)n * 0xFF51AFD7ED558CCDull);
    size_t left = n;
    while (left >= 8) {
        h = (h ^ dy_lex_load64(p)) * 0xC4CEB9FE1A85EC53ull;
        h ^= h >> 29;
        p += 8;
        left -= 8;
    }
    uint64_t k;
    if (left >= 4)
        k = dy_lex_load32(p) | dy_lex_load32(p + left - 4) << 32;
    else if (left >= 2)
        k = ((uint64_t)p[0] | (uint64_t)p[1] << 8) |
            ((uint64_t)p[left - 2] | (uint64_t)p[left - 1] << 8) << 16;
    else
        k = left ? p[0] : 0;
    h = (h ^ k) * 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 32;
    return (uint32_t)h;
}

/* Shape classes of the suffix model. */
enum {
    DY_SHAPE_LOWER = 'l',     /* "biofuels" */
    DY_SHAPE_LOWER_HYPHEN = 'h', /* "pro-restoration" */
    DY_SHAPE_CAP = 'c',       /* "Kupfer" */
    DY_SHAPE_CAP_HYPHEN = 'H',/* "Franco-German" */
    DY_SHAPE_ALLCAPS = 'a',   /* "MSF", "U.N." */
    DY_SHAPE_DIGIT = 'd',     /* "12-year", "1990s", "F-16" */
    DY_SHAPE_OTHER = 'o',     /* symbols */
};

/* Does the UTF-8 text start with an upper-case letter?  ASCII, plus the
 * Latin-1 capitals (U+00C0..U+00DE but U+00D7). */
static inline int dy_lex_is_upper_start(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    if (n == 0)
        return 0;
    if (p[0] >= 'A' && p[0] <= 'Z')
        return 1;
    return n >= 2 && p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0x9E && p[1] != 0x97;
}

/* The shape class of a word (see above). */
static inline char dy_lex_shape(const char *s, size_t n)
{
    size_t upper = 0, lower = 0, digit = 0, hyphen = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= '0' && c <= '9')
            digit++;
        else if (c >= 'A' && c <= 'Z')
            upper++;
        else if ((c >= 'a' && c <= 'z') || c >= 0x80)
            lower++;
        else if (c == '-' && i > 0 && i + 1 < n)
            hyphen++;
    }
    if (digit)
        return DY_SHAPE_DIGIT;
    if (dy_lex_is_upper_start(s, n)) {
        if (lower == 0)
            return DY_SHAPE_ALLCAPS;
        return hyphen ? DY_SHAPE_CAP_HYPHEN : DY_SHAPE_CAP;
    }
    if (lower == 0 && upper == 0)
        return DY_SHAPE_OTHER;
    return hyphen ? DY_SHAPE_LOWER_HYPHEN : DY_SHAPE_LOWER;
}

/* ---- lookups (lexicon.c) ---------------------------------------------- */

/* The entry of exactly s[0..n) (which holds no NUL byte), or NULL. */
const dy_lex_word *dy_lex_find(const char *s, size_t n);

/* The suffix-model entry of key[0..n) (class character + suffix), or NULL. */
const dy_lex_suffix *dy_lex_find_suffix(const char *key, size_t n);

/* The word's text. */
static inline const char *dy_lex_text(const dy_lex_word *w)
{
    return dy_lex_pool + w->text;
}

/* Its length: the next word's text follows it in the pool (after the last
 * word, dy_lex_words has an entry whose text is dy_lex_pool_size). */
static inline size_t dy_lex_len(const dy_lex_word *w)
{
    return (size_t)w[1].text - w->text - 1;
}

/* How often the Treebank has the word, to within 5%. */
static inline float dy_lex_count(const dy_lex_word *w)
{
    /* 2^(lcount / 16) - 1, without libm */
    float v = 1.0f;
    unsigned e = w->lcount;
    for (unsigned i = 0; i < e / 16; i++)
        v *= 2.0f;
    static const float frac[16] = {
        1.00000f, 1.04427f, 1.09051f, 1.13879f, 1.18921f, 1.24186f, 1.29684f, 1.35426f,
        1.41421f, 1.47683f, 1.54221f, 1.61049f, 1.68179f, 1.75625f, 1.83401f, 1.91521f,
    };
    return v * frac[e % 16] - 1.0f;
}

#endif

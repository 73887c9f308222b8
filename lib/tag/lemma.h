/* lemma.h -- lemmatisation of English words from their Penn tags, with
 * WordNet 3.0's lexicon and exception lists compiled into the library.
 *
 * The tables are generated at build time by tools/gen_wordnet.c from
 * Debian's wordnet-base (/usr/share/wordnet) into build/gen/wordnet_lemma.c;
 * nothing is read from disk at run time and no WordNet data lives in the
 * repository.  The method (WordNet's "morphy": exception lists, then suffix
 * rules checked against the lexicon, then regular rules for words WordNet
 * lacks) is described in docs/lemma.md.
 *
 * Every function here is pure: no allocation except from the arena given to
 * dy_lemmatize(), no global state, safe from any number of threads. */
#ifndef DY_LEMMA_H
#define DY_LEMMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/arena.h"
#include "text/token.h"

/* Lower-case lemma of word given its Penn tag (dy_tag); returns a pointer to
 * static data or writes into buf (cap bytes) and returns buf.  Never NULL.
 *
 *   VB*            verb rules:     went -> go, stopped -> stop, 's -> be
 *   NN, NNS        noun rules:     children -> child, countries -> country
 *   NNP, NNPS      the word, lower-cased
 *   JJ, JJR, JJS   adjective rules: better -> good, bigger -> big
 *   RB, RBR, RBS   WordNet's adverb exceptions: better -> well; n't -> not
 *   MD             'd -> would, 'll -> will, ca -> can, wo -> will
 *   anything else  the word, lower-cased
 *
 * Upper case is folded (ASCII, and the Latin-1 letters of UTF-8); other
 * bytes are kept.  For a hyphenated word WordNet lacks, the part after the
 * last hyphen is lemmatised ("re-elected" -> "re-elect").  A lemma that must
 * be written into buf but does not fit is cut to cap - 1 bytes (at a UTF-8
 * character boundary); with cap 0 (or buf NULL) such a lemma comes back as
 * "".  64 bytes always suffice for a word of up to 56 bytes; a longer word
 * needs strlen(word) + 8. */
const char *dy_lemma(const char *word, uint8_t tag, char *buf, size_t cap);

/* Fills token.lemma for tokens[0..n) (arena-allocated strings where needed).
 * A lemma equal to the token's text points at that text; a static lemma
 * ("go", "be") is not copied.  If the arena runs out of memory the token's
 * own text is used as its lemma. */
void dy_lemmatize(dy_token *tok, uint32_t n, dy_arena *a);

/* Is `lemma` (lower case) a verb base form in WordNet?  (The coder uses this
 * to match verb dictionary entries from any inflection.)  ASCII upper case
 * is folded first, so "GO" is accepted too.  WordNet's multi-word verbs are
 * included with '_' between the words ("carry_out"). */
bool dy_is_verb_lemma(const char *lemma);

/* ------------------------------------------------------------------ */
/* Internal: the generated tables (build/gen/wordnet_lemma.c)          */
/* ------------------------------------------------------------------ */

/* WordNet's four parts of speech, in the order of the table arrays. */
enum { DY_WN_NOUN, DY_WN_VERB, DY_WN_ADJ, DY_WN_ADV, DY_WN_POS_COUNT };

/* A set of strings (or of string pairs) in one read-only block.
 *
 * str holds the entries, each NUL-terminated, in byte order; offset 0 is a
 * lone NUL and never an entry, and max_len + 1 NULs follow the last entry,
 * so that comparing max_len bytes at any entry stays inside the block.  In
 * an exception table each entry is the inflected form immediately followed
 * by its lemma ("went\0go\0").
 *
 * slot is an open-addressing hash table (linear probing, about 60% full)
 * of n_slots words: 0 for an empty slot, else the entry's offset in the low
 * DY_WN_OFF_BITS bits and, above them, the low bits of its hash as a
 * fingerprint.  A lookup starts at dy_wn_home() and reads on until an
 * empty slot; it touches the string block only when a fingerprint matches,
 * so a miss costs about one cache line and a hit two. */
typedef struct dy_wn_set {
    const char *str;
    const uint32_t *slot;
    uint32_t n_slots;
    uint32_t count;            /* entries */
    uint32_t max_len;          /* longest key, in bytes */
} dy_wn_set;

#define DY_WN_OFF_BITS 21u     /* string blocks up to 2 MiB */
#define DY_WN_OFF_MASK ((1u << DY_WN_OFF_BITS) - 1u)

/* Base forms per part of speech (index.noun, ... plus the lemmas of the
 * exception lists; entries of more than one word are kept for verbs only,
 * where '_' separates the words), and inflected form -> lemma (noun.exc,
 * ...). */
extern const dy_wn_set dy_wn_base[DY_WN_POS_COUNT];
extern const dy_wn_set dy_wn_exc[DY_WN_POS_COUNT];

/* The hash shared by the generator and the lookups: eight bytes a step,
 * read as a little-endian number whatever the machine (so a generator run
 * on another machine agrees), with multiply-xorshift mixing. */
static inline uint32_t dy_wn_hash(const char *s, size_t n)
{
    const unsigned char *b = (const unsigned char *)s;
    uint64_t h = 0x9E3779B97F4A7C15ull ^ ((uint64_t)n * 0xFF51AFD7ED558CCDull);
    while (n >= 8) {
        uint64_t k = (uint64_t)b[0] | (uint64_t)b[1] << 8 | (uint64_t)b[2] << 16 |
                     (uint64_t)b[3] << 24 | (uint64_t)b[4] << 32 | (uint64_t)b[5] << 40 |
                     (uint64_t)b[6] << 48 | (uint64_t)b[7] << 56;
        h = (h ^ k) * 0xC4CEB9FE1A85EC53ull;
        h ^= h >> 29;
        b += 8;
        n -= 8;
    }
    uint64_t k = 0;
    for (size_t i = 0; i < n; i++)
        k |= (uint64_t)b[i] << (8 * i);
    h = (h ^ k) * 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 32;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 29;
    return (uint32_t)h;
}

/* Home slot of a hash among n slots (multiply-shift: no division, n need
 * not be a power of two; it uses the high bits, the fingerprint the low). */
static inline uint32_t dy_wn_home(uint32_t hash, uint32_t n)
{
    return (uint32_t)(((uint64_t)hash * n) >> 32);
}

/* Offset in set->str of the entry equal to s[0..n), or 0 when absent. */
uint32_t dy_wn_find(const dy_wn_set *set, const char *s, size_t n);

/* Is s[0..n) (lower case) a base form of part of speech pos? */
bool dy_wn_is_base(int pos, const char *s, size_t n);

/* WordNet's lemma for the irregular form s[0..n) (lower case) of part of
 * speech pos ("went" -> "go" for DY_WN_VERB), or NULL when it has none.
 * Where the exception list gives several lemmas the generator kept the one
 * most frequent in WordNet's sense-tagged corpus (cntlist). */
const char *dy_wn_exception(int pos, const char *s, size_t n);

#endif

/* phrase.h -- the two phrase stores the actor, agent, discard and issue
 * dictionaries are built on.
 *
 * 1. Word phrases (actors, agents): a phrase is a sequence of interned word
 *    ids.  Each word after the first says how it joins the previous one: '_'
 *    in the dictionary means "the next sentence word", a space means "some
 *    later word" (intervening words allowed).  A match is the one PETRARCH
 *    finds by trying the phrases of the first word in its order: it sorts
 *    each first-word list by the length of its stored pattern, longest
 *    first, with a stable sort; that length is the number of words plus one
 *    when the phrase was written with a final '_' (the no-stem marker is
 *    stored as an empty last word).  The phrases are kept in a word trie, so
 *    that a match costs a few lookups whatever the number of phrases.
 *
 * 2. Text phrases (discards, issues): ASCII-case-insensitive phrases looked
 *    up in raw sentence text, at every position where a word can begin; runs
 *    of white space in the text match one space in the phrase.  A byte trie
 *    holds them, entered by the text's words looked up whole.
 *
 * Both stores are immutable after their finish call and then safe to read
 * from many threads; matching never allocates. */
#ifndef DY_PHRASE_H
#define DY_PHRASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/intern.h"

/* Longest phrase accepted, in words (the Phoenix files need 12), and the
 * longest word, in bytes. */
#define DY_PHRASE_MAX_WORDS 48
#define DY_PHRASE_MAX_WORD_BYTES 256

/* Bytes that can be part of a word when phrases are looked up in text:
 * ASCII letters and digits, and every non-ASCII byte (UTF-8 letters). */
static inline bool dy_is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c >= 0x80;
}

static inline unsigned char dy_ascii_upper(unsigned char c)
{
    return (c >= 'a' && c <= 'z') ? (unsigned char)(c - 'a' + 'A') : c;
}

/* ------------------------------------------------------------------ */
/* Parsing a dictionary phrase into words                              */
/* ------------------------------------------------------------------ */

typedef struct dy_phrase_words {
    uint32_t id[DY_PHRASE_MAX_WORDS];
    bool gap[DY_PHRASE_MAX_WORDS];   /* gap[i]: intervening words allowed before word i */
    size_t n;
    bool no_stem;                    /* written with a final '_' */
} dy_phrase_words;

typedef enum dy_phrase_status {
    DY_PHRASE_OK = 0,
    DY_PHRASE_EMPTY,          /* no word at all */
    DY_PHRASE_TOO_LONG,       /* too many words, or a word too long */
    DY_PHRASE_CONTROL_CHAR,   /* a control byte inside a word (a lost letter) */
    DY_PHRASE_NOMEM,
} dy_phrase_status;

/* Repairs dy_phrase_parse made that the caller should report. */
#define DY_PHRASE_ODD_SEPARATOR 1u  /* "_ ", "__" or " _" between words, or a leading '_' */

/* Splits s[0..n) on '_' (consecutive) and blanks (gap), ASCII-uppercases
 * each word and interns it in `words`.  A final '_' (or any final run of
 * '_' and blanks) is the PETRARCH/TABARI "no stem" marker: it is dropped
 * and recorded in no_stem.  Runs of separators between words count as
 * one: a run containing a blank allows a gap, otherwise the words are
 * consecutive.  *repairs gets DY_PHRASE_* flags; *bad_byte the offending
 * byte on DY_PHRASE_CONTROL_CHAR. */
dy_phrase_status dy_phrase_parse(dy_intern *words, const char *s, size_t n,
                                 dy_phrase_words *out, unsigned *repairs,
                                 unsigned char *bad_byte);

/* ------------------------------------------------------------------ */
/* Word phrases                                                        */
/* ------------------------------------------------------------------ */

typedef struct dy_wordphrases dy_wordphrases;

/* The first member of struct dy_wordphrases, so that the test most words
 * fail, dy_wordphrases_starts(), costs no call.  Read-only outside phrase.c. */
typedef struct dy_wordphrases_head {
    uint32_t *first_node;           /* by word id: 0 when no phrase starts with it */
    uint32_t n_first;               /* entries; 0 before dy_wordphrases_finish() */
} dy_wordphrases_head;

dy_wordphrases *dy_wordphrases_create(void);
void dy_wordphrases_free(dy_wordphrases *t);

/* Two phrases with the same words and connectors: PETRARCH always tries
 * one of them first (the one written with a final '_', else the older), so
 * the other can never match.  dy_wordphrases_add() drops it and says so. */
typedef struct dy_phrase_clash {
    long kept, dropped;      /* phrase indices; dropped is -1 when no clash */
} dy_phrase_clash;

/* Adds a phrase carrying `payload` (the caller's entry or code); returns its
 * index, or -1 when out of memory.  *clash reports an identical phrase. */
long dy_wordphrases_add(dy_wordphrases *t, const dy_phrase_words *p,
                        uint32_t payload, long line, dy_phrase_clash *clash);

uint32_t dy_wordphrases_payload(const dy_wordphrases *t, long index);
long dy_wordphrases_line(const dy_wordphrases *t, long index);

/* Writes the phrase as the dictionary would spell it ("A_B C_") into buf
 * (always NUL-terminated, truncated with "..." if needed). */
void dy_wordphrases_format(const dy_wordphrases *t, const dy_intern *words,
                           long index, char *buf, size_t cap);

/* Sorts and indexes the phrases; call after the last add (adding again
 * afterwards is allowed and requires another finish).  -1 on out of memory. */
int dy_wordphrases_finish(dy_wordphrases *t);

/* Phrases that can match (added and not dropped). */
size_t dy_wordphrases_count(const dy_wordphrases *t);

/* PETRARCH's actor_phrase_match over the first-word bucket of words[pos]:
 * the first phrase (longest first, then oldest) whose words occur in order
 * from words[pos], each either right after the previous one ('_') or after
 * some intervening words (blank); each word takes its first occurrence,
 * and a failure is not retried with a later occurrence of an earlier word.
 * *len = words consumed from pos, counting intervening ones.  False before
 * dy_wordphrases_finish(). */
bool dy_wordphrases_match(const dy_wordphrases *t, const uint32_t *words,
                          size_t n, size_t pos, size_t *len, uint32_t *payload);

/* The same, returned in a register: dy_phrase_hit_len() is 0 when nothing
 * matches (a sentence has fewer than 2^32 words), else *len, with the
 * payload in dy_phrase_hit_payload(). */
typedef uint64_t dy_phrase_hit;

static inline uint32_t dy_phrase_hit_len(dy_phrase_hit h)
{
    return (uint32_t)h;
}

static inline uint32_t dy_phrase_hit_payload(dy_phrase_hit h)
{
    return (uint32_t)(h >> 32);
}

dy_phrase_hit dy_wordphrases_find(const dy_wordphrases *t, const uint32_t *words, size_t n,
                                  size_t pos);

/* dy_wordphrases_find() for a caller that has checked that words is not
 * NULL, pos < n and dy_wordphrases_starts(t, words[pos]). */
dy_phrase_hit dy_wordphrases_find_from(const dy_wordphrases *t, const uint32_t *words, size_t n,
                                       size_t pos);

/* Whether some phrase starts with `word` (after dy_wordphrases_finish()):
 * when not, there is no need to call the above. */
static inline bool dy_wordphrases_starts(const dy_wordphrases *t, uint32_t word)
{
    const dy_wordphrases_head *h = (const dy_wordphrases_head *)(const void *)t;
    return word < h->n_first && h->first_node[word] != 0;
}

/* ------------------------------------------------------------------ */
/* Text phrases                                                        */
/* ------------------------------------------------------------------ */

typedef struct dy_texttrie dy_texttrie;

dy_texttrie *dy_texttrie_create(void);
void dy_texttrie_free(dy_texttrie *t);

/* Inserts s[0..n) (ASCII-uppercased, each run of blanks as one space, outer
 * blanks dropped) and returns the payload slot of its last node: -1 when
 * the phrase is new, else what the caller stored there before.  The pointer
 * is valid until the next insert.  NULL when out of memory or when s has no
 * non-blank byte. */
int32_t *dy_texttrie_insert(dy_texttrie *t, const char *s, size_t n);

/* Called for each phrase found: payload from its slot, text[start..end) the
 * text it covered.  Return false to stop the scan. */
typedef bool (*dy_texttrie_visit)(void *ctx, int32_t payload, size_t start,
                                  size_t end);

/* Looks for every phrase at every position of text where a word may begin
 * (start of text, after a non-word byte, or at a non-word byte), in order
 * of position, then of length; phrases may end anywhere: the visitor
 * checks any end boundary it needs.  With whole_words, phrases that end
 * inside a word (a word byte on both sides of the end) are left out, which
 * makes the scan cheaper.  Nothing is allocated; safe from many threads
 * once the inserts are done. */
void dy_texttrie_scan(const dy_texttrie *t, const char *text, size_t len,
                      bool whole_words, dy_texttrie_visit visit, void *ctx);

/* The form dy_texttrie_insert stores: s[0..n) ASCII-uppercased, blank runs
 * as one space, outer blanks dropped, into dst (NUL-terminated, truncated
 * to cap - 1 bytes); returns the length written. */
size_t dy_text_normalise(char *dst, size_t cap, const char *s, size_t n);

#endif

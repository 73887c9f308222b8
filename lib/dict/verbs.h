/* verbs.h -- the compiled verb dictionary: verb forms, blocks of patterns,
 * and synsets, as the coder consumes them.
 *
 * Both dialects compile to this one shape:
 *  - PETRARCH 1 / TABARI patterns ("- SAID * TO ATTEND [082]") are linear
 *    word sequences before and after the verb, joined by connectors: '_'
 *    means the next word must follow at once, ' ' allows words between.
 *  - PETRARCH 2 patterns ("- * (AS &CRIME) [1121]", "{NOUN PHRASE}") group
 *    words into prepositional/noun phrases; dyad reads the groups as
 *    consecutive words and expands "A/B" alternatives into one pattern each.
 * Everything is interned word ids; matching never compares strings. */
#ifndef DY_VERBS_H
#define DY_VERBS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dict/engine.h"

/* One element of a pattern. */
typedef enum dy_pat_kind {
    DY_PAT_WORD = 0,   /* id = word id */
    DY_PAT_SYNSET,     /* id = synset index */
    DY_PAT_SOURCE,     /* '$': the source is the noun phrase here */
    DY_PAT_TARGET,     /* '+': the target is the noun phrase here */
    DY_PAT_SKIPNE,     /* '^': skip to the end of this noun phrase */
    DY_PAT_COMPOUND,   /* '%': a compound actor (recognised, not used) */
} dy_pat_kind;

typedef struct dy_pat_elem {
    uint8_t kind;       /* dy_pat_kind */
    uint8_t gap;        /* 1: words may come between this element and the
                           previous one (connector ' '); 0: consecutive ('_') */
    uint32_t id;
} dy_pat_elem;

/* A pattern; `upper` is stored nearest-to-the-verb first, so it can be
 * matched walking backwards from the verb. */
typedef struct dy_pattern {
    const dy_pat_elem *upper;
    const dy_pat_elem *lower;
    uint64_t need_upper, need_lower;  /* dy_word_bit() of the literal words */
    uint64_t any_upper[2], any_lower[2]; /* of the first two synsets: one of
                                            these bits must be set (0: none) */
    uint16_t n_upper, n_lower;
    const char *code;         /* "064", "032:033" (paired), or "---" (null) */
    const char *text;         /* the pattern as written, for output */
    long line;
} dy_pattern;

/* A verb block: the verbs that share one list of patterns. */
typedef struct dy_verb_block {
    const char *name;         /* primary verb, e.g. "RESTORE" */
    const char *code;         /* block's primary code, "---" when none */
    const dy_pattern *patterns;
    /* per pattern: dy_word_bit() of its upper literal words OR
     * dy_word_bit_lower() of its lower ones, packed so a verb's hundreds of
     * patterns are screened with one AND-NOT each */
    const uint64_t *screens;
    uint32_t n_patterns;
} dy_verb_block;

/* One inflected form of a verb, keyed by the word the parser tags as VB*.
 * A multi-word verb ("CORDON OFF", "WIRE TAP") also names the words that
 * must follow (after != 0) or precede it, nearest first. */
typedef struct dy_verb_form {
    uint32_t word;
    uint32_t block;
    const char *code;         /* the verb's own code, or the block's */
    const uint32_t *multi;    /* other words of a multi-word verb */
    uint8_t n_multi;
    uint8_t multi_after;      /* 1: the words follow the verb */
    int32_t next;             /* next form with the same word, -1 at the end */
} dy_verb_form;

/* A synset member: a word or a phrase of consecutive words. */
typedef struct dy_synset_phrase {
    const uint32_t *words;
    uint16_t n_words;
} dy_synset_phrase;

typedef struct dy_synset {
    const char *name;         /* "&CURRENCY" */
    uint64_t bits;            /* dy_word_bit() of every word of its phrases */
    const uint32_t *singles;  /* one-word members, sorted by id */
    uint32_t n_singles;
    const dy_synset_phrase *multi;         /* members of two or more words,
                                              by first word, longest first */
    const dy_synset_phrase *multi_by_last; /* the same, by last word (for
                                              matching backwards) */
    uint32_t n_multi;
    const dy_synset_phrase *phrases;
    uint32_t n_phrases;
} dy_synset;

/* One bit of a 64-bit filter per word id: a pattern whose literal words
 * bits are not all set in a sequence's filter cannot match it, which
 * spares trying most of the hundreds of patterns a common verb has. */
static inline uint64_t dy_word_bit(uint32_t word)
{
    return 1ull << ((word * 2654435761u) >> 26);
}

/* The same for a word on the lower side (after the verb), hashed
 * differently so one 64-bit word can screen both sides of a pattern. */
static inline uint64_t dy_word_bit_lower(uint32_t word)
{
    return 1ull << (((word ^ 0x5bd1e995u) * 2246822519u) >> 26);
}

/* Is `word` a one-word member of the synset? */
bool dy_synset_has_word(const dy_synset *s, uint32_t word);

/* Is `word` a one-word member of synset number `synset`?  Answered from a
 * per-word list of synsets, which is short for nearly every word. */
bool dy_verbs_word_in_synset(const dy_verbs *v, uint32_t word, uint32_t synset);

/* Forms of the verb whose word id is `word`: returns the first, or -1;
 * walk on with form->next.  Multi-word forms come before single ones. */
int32_t dy_verbs_first_form(const dy_verbs *v, uint32_t word);
const dy_verb_form *dy_verbs_form(const dy_verbs *v, int32_t index);
const dy_verb_block *dy_verbs_block(const dy_verbs *v, uint32_t index);
const dy_synset *dy_verbs_synset(const dy_verbs *v, uint32_t index);

/* Counts for the engine statistics. */
size_t dy_verbs_pattern_count(const dy_verbs *v);
size_t dy_verbs_synset_count(const dy_verbs *v);

#endif

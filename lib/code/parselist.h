/* parselist.h -- the linear form of a parsed sentence that PETRARCH-style
 * coding works on.
 *
 * PETRARCH's dictionaries were written for TABARI's shallow parser, so its
 * coder does not walk the tree: it flattens it into a sequence of phrase
 * openings, words and phrase closings ("(VP (VBD attacked ~VBD (NE GONDOR
 * ~NE ~VP"), in which every simple noun phrase has become one "NE" (named
 * entity) that actors and agents are matched in, and every coordinated noun
 * phrase an "NEC" holding one NE per conjunct.  Verb patterns then match
 * the words before and after a verb.  This module builds that sequence from
 * a dy_tree and applies the sentence-level steps that precede verb
 * matching: comma-clause deletion and actor/agent coding of each NE. */
#ifndef DY_PARSELIST_H
#define DY_PARSELIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dyad.h"
#include "common/arena.h"
#include "parse/tree.h"
#include "dict/engine.h"

typedef enum pl_kind { PL_OPEN = 1, PL_CLOSE = 2, PL_WORD = 3 } pl_kind;

/* Tags the coder needs to recognise; everything else is PL_TAG_OTHER. */
typedef enum pl_tag {
    PL_TAG_OTHER = 0,
    PL_TAG_NE,       /* noun phrase reduced to an entity */
    PL_TAG_NEC,      /* compound of entities */
    PL_TAG_VP,
    PL_TAG_VB,       /* any VB* part of speech */
    PL_TAG_VBN,
    PL_TAG_COMMA,
    PL_TAG_ROOT,
} pl_tag;

typedef struct pl_item {
    uint8_t kind;          /* pl_kind */
    uint8_t tag;           /* pl_tag (OPEN and CLOSE) */
    uint8_t from_ne;       /* NEC made by expanding an NE that held a compound */
    const char *label;     /* OPEN/CLOSE: the phrase label */
    int32_t mate;          /* OPEN: index of its CLOSE; CLOSE: of its OPEN */
    uint32_t wid;          /* WORD: engine word id (0: not in any dictionary) */
    const char *text;      /* WORD: the word as written */
    const char *code;      /* NE OPEN: actor code, "---" when none */
    int32_t token;         /* WORD: token index in the tree */
} pl_item;

typedef struct pl_list {
    pl_item *items;
    int32_t n;
    int32_t start;         /* first item coding looks at (skips ROOT and S) */
} pl_list;

/* Builds the list: compound marking, NP -> NE reduction, SBAR flattening.
 * Fails (DYAD_ERR_LIMIT/NOMEM) only on resource limits. */
dyad_status pl_build(dy_arena *a, const dyad_engine *e, const dy_tree *t,
                     pl_list *out, dy_msg *err);

/* PETRARCH's dateline test: the sentence is one compound noun phrase
 * ("CEBU CITY: -- Cordova Mayor ... and ..."), not a clause. */
bool pl_is_dateline(const pl_list *pl);

/* Deletes comma-delimited clauses whose length (in words) falls in the
 * option ranges: initial, terminal, then interior clauses. */
dyad_status pl_delete_comma_clauses(dy_arena *a, pl_list *pl, const dyad_options *o);

/* Gives every NE its actor(+agent) code at the sentence date (YYYYMMDD).
 * PETRARCH's rule: the first actor of the phrase is its base code.  With
 * prefer_named (articles), a bare nationality followed by a named actor of
 * the same country yields to it ("his Chinese counterpart Wang Yi" is
 * CHNGOV, not CHN), and a named actor whose code has its sector already
 * ("PAKOPP") is not recoded by the titles around it ("former prime
 * minister Imran Khan" stays PAKOPP). */
void pl_assign_codes(pl_list *pl, const dyad_engine *e, int32_t date, bool prefer_named,
                     dy_arena *a);

/* The engine's id of word w (ASCII case-folded), 0 when no dictionary has
 * it.  Interns nothing. */
uint32_t pl_word_id(const dyad_engine *e, const char *w);

/* Recomputes the mate links after items were removed or inserted. */
void pl_link(pl_list *pl);

#endif

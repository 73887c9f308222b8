/* coder_internal.h -- what the two coding entry points share.
 *
 * coder.c codes one tree (code_tree) and holds dyad_code_sentence(), whose
 * tree comes from the Treebank reader; article.c holds dyad_code_article(),
 * whose trees come from the raw-text front end (tokenizer, splitter,
 * tagger, lemmatizer, phrase builder).  Both go through dy_code_tree(), so
 * the coding procedure exists once. */
#ifndef DY_CODER_INTERNAL_H
#define DY_CODER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dyad.h"
#include "common/arena.h"
#include "common/diag.h"
#include "doc/attrib.h"
#include "parse/tree.h"
#include "text/token.h"

#define DY_CODE_MAX_TOKENS 5000     /* longer sentences are refused as "limit" */
#define DY_CODE_MAX_EVENTS 4096     /* per sentence */
#define DY_CODE_MAX_ISSUES 64       /* per sentence */

struct dyad_coder {
    const dyad_engine *eng;
    dy_arena *arena;         /* one sentence: tree, parse list, event strings */
    dy_arena *doc;           /* one article: tokens, sentence ids, copies of
                                the event strings (dyad_code_article only) */
    dyad_options opt;
    dy_msg err;
    const char *kind;
    dyad_event *events;
    size_t n_events, cap_events;
    size_t first_event;      /* events before it belong to earlier sentences */
    dyad_issue issue_buf[DY_CODE_MAX_ISSUES];   /* one sentence's issues */
    dyad_issue *issues;      /* an article's issues, all sentences */
    size_t n_issues, cap_issues;
    const dy_token *tok;     /* while coding a sentence from text: its tokens */
    /* dyad_code_article() only: article-level resolution (lib/doc) */
    bool in_article;
    uint32_t sentence_index;
    struct dy_coref *coref;  /* actors seen so far in the article */
    dy_frame frames[DY_MAX_FRAMES];   /* the sentence's reporting frames */
    size_t n_frames;
    bool inner_pass;         /* coding a reported clause of the sentence */
    bool open_target;        /* push_event keeps a visit with no target yet: the
                                article may take its host from its place */
    const char *reporter_code;        /* then: the frame's speaker code */
};

/* Clears the result and the coder's error state for a new call. */
void dy_coder_begin(dyad_coder *c, dyad_result *out);

/* Sets the error kind and message; returns st. */
dyad_status dy_coder_fail(dyad_coder *c, dyad_status st, const char *kind, const char *fmt,
                          const char *detail);

/* "19950101", "1995-01-01" (and PETRARCH's YYMMDD) to YYYYMMDD. */
bool dy_parse_date(const char *s, int32_t *out);

/* Codes one sentence's tree at `date` (YYYYMMDD): appends its events to
 * c->events from c->first_event on (memory from c->arena), with "---"
 * actor codes already turned into "".  tok: the sentence's tokens, where
 * the tree's preterminals point (`token`), when it was built from raw text
 * -- then verbs are also looked up by their lemma and every event gets the
 * byte spans of its source, verb and target; NULL for a Treebank parse
 * (spans 0).  The sentence fields of the events are left for the caller.
 * On failure sets the coder's error and kind ("limit", "nomem",
 * "bad_input_parse", "dateline") and the events appended are dropped. */
dyad_status dy_code_tree(dyad_coder *c, const dy_tree *tree, int32_t date,
                         const dy_token *tok);

#endif

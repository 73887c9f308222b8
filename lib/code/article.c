/* article.c -- codes raw article text (public: dyad_code_article).
 *
 * The text front end turns the article into sentences of tagged tokens
 * (lib/text: tokenizer and splitter; lib/tag: tagger and lemmatizer) and
 * each sentence into a phrase-structure tree (lib/parse/chunk.c); every
 * tree is then coded by dy_code_tree(), exactly as a Treebank parse is.
 *
 * Memory: the tokens, the sentence ids and a copy of every event's strings
 * live in the coder's article arena (c->doc), reset at each call; each
 * sentence's tree, parse list and scratch strings live in the sentence
 * arena (c->arena), reset after every sentence, so memory grows with the
 * article's tokens and events, not with its trees. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "code/coder_internal.h"
#include "dict/engine.h"
#include "doc/coref.h"
#include "doc/dates.h"
#include "doc/docutil.h"
#include "doc/places.h"
#include "parse/chunk.h"
#include "tag/lemma.h"
#include "tag/tagset.h"
#include "tag/tagger.h"
#include "text/text.h"

/* The text of one sentence for the discard and issue lists, which were
 * written for one-line sentence text: every run of white space, control
 * characters and NUL bytes becomes one space, the ends are trimmed. */
static char *sentence_text(dy_arena *a, const char *text, size_t len, size_t *out_len)
{
    char *out = dy_arena_alloc(a, len + 1), *o = out;
    if (!out)
        return NULL;
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    while (p < end) {
        while (p < end && *p <= 0x20)
            p++;
        if (p == end)
            break;
        if (o != out)
            *o++ = ' ';
        while (p < end && *p > 0x20)
            *o++ = (char)*p++;
    }
    *o = '\0';
    *out_len = (size_t)(o - out);
    return out;
}

static const char *doc_copy(dyad_coder *c, const char *s)
{
    if (!s || !*s)
        return "";
    const char *copy = dy_arena_strdup(c->doc, s);
    return copy ? copy : "";
}

static int push_issues(dyad_coder *c, const dyad_issue *found, size_t n, uint32_t sentence)
{
    if (c->cap_issues - c->n_issues < n) {
        size_t cap = c->cap_issues ? c->cap_issues : 16;
        while (cap - c->n_issues < n)
            cap *= 2;
        dyad_issue *ni = realloc(c->issues, cap * sizeof *ni);
        if (!ni)
            return -1;
        c->issues = ni;
        c->cap_issues = cap;
    }
    for (size_t i = 0; i < n; i++) {
        c->issues[c->n_issues] = found[i];
        c->issues[c->n_issues++].sentence = sentence;
    }
    return 0;
}

/* The events a sentence added from c->first_event on: tie them to the
 * sentence and move their strings out of the sentence arena. */
static dyad_status finish_events(dyad_coder *c, const char *article_id, uint32_t sentence)
{
    if (c->n_events == c->first_event)
        return DYAD_OK;
    size_t idlen = strlen(article_id);
    char *sid = dy_arena_alloc(c->doc, idlen + 12);
    if (!sid)
        return DYAD_ERR_NOMEM;
    snprintf(sid, idlen + 12, "%s-%lu", article_id, (unsigned long)sentence + 1);
    for (size_t i = c->first_event; i < c->n_events; i++) {
        dyad_event *e = &c->events[i];
        e->sentence_id = sid;
        e->sentence = sentence;
        e->source.code = doc_copy(c, e->source.code);
        e->source.text = doc_copy(c, e->source.text);
        e->target.code = doc_copy(c, e->target.code);
        e->target.text = doc_copy(c, e->target.text);
        e->code = doc_copy(c, e->code);
        e->verb = doc_copy(c, e->verb);
        e->attribution.code = doc_copy(c, e->attribution.code);
        e->attribution.text = doc_copy(c, e->attribution.text);
        /* e->pattern is dictionary text: it lives as long as the engine */
    }
    return DYAD_OK;
}

/* Story discard found in a sentence: the whole article goes. */
static dyad_status discard_story(dyad_coder *c, dyad_result *out, const char *phrase)
{
    c->n_events = c->first_event = 0;
    c->n_issues = 0;
    uint32_t n = out->n_sentences;
    memset(out, 0, sizeof *out);
    out->n_sentences = n;
    out->discarded = 2;
    out->discard_phrase = phrase ? phrase : "";
    return dy_coder_fail(c, DYAD_ERR_DISCARD, "storydiscard", "discarded by '%s'",
                         out->discard_phrase);
}

/* ---- reported clauses ------------------------------------------------- */

#define MAX_REPORTED 8     /* reported clauses coded on their own, per sentence */

/* The clause a speech verb reports: for a VP whose first word is a
 * reporting verb, its S child, or the S of its SBAR child ("said [that] S").
 * -1 when the node is not such a VP. */
static int32_t reported_clause(const dy_tree *t, int32_t vp, const dy_token *tok)
{
    const dy_node *n = &t->nodes[vp];
    if (strcmp(n->label, "VP") != 0)
        return -1;
    int32_t head = n->first_child;
    if (head < 0 || t->nodes[head].token < 0)
        return -1;
    const dy_token *v = &tok[t->nodes[head].token];
    if (!dy_is_verb_tag(v->tag))
        return -1;
    char buf[64];
    const char *lemma = dy_token_lemma(v, buf, sizeof buf);
    if (!lemma || !dy_is_reporting_lemma(lemma))
        return -1;
    for (int32_t ch = t->nodes[head].next_sibling; ch >= 0; ch = t->nodes[ch].next_sibling) {
        const char *l = t->nodes[ch].label;
        if (strcmp(l, "S") == 0)
            return ch;
        if (strcmp(l, "SBAR") == 0)
            for (int32_t g = t->nodes[ch].first_child; g >= 0; g = t->nodes[g].next_sibling)
                if (strcmp(t->nodes[g].label, "S") == 0)
                    return g;
    }
    return -1;
}

/* An adverbial clause with its own subject: "(SBAR (IN after) (S (NP Hamas)
 * (VP freed ...)))".  PETRARCH-style coding stops at the first coded verb
 * phrase, so the events of such clauses inside a coded clause are lost
 * unless they are coded on their own.  Returns the S, or -1.  Conditional
 * and purpose clauses ("if", "unless", "so that") report nothing that
 * happened and are left alone. */
static int32_t adverbial_clause(const dy_tree *t, int32_t sbar)
{
    static const char *const subordinators[] = {
        "after", "before", "while", "as", "because", "since", "when", "although",
        "though", "whereas", "until", "once", "whilst",
    };
    const dy_node *n = &t->nodes[sbar];
    if (strcmp(n->label, "SBAR") != 0 || n->first_child < 0)
        return -1;
    const dy_node *first = &t->nodes[n->first_child];
    if (!first->word || (strcmp(first->label, "IN") != 0 && strcmp(first->label, "WRB") != 0))
        return -1;
    bool known = false;
    for (size_t i = 0; i < sizeof subordinators / sizeof *subordinators && !known; i++)
        known = strcasecmp(first->word, subordinators[i]) == 0;
    if (!known)
        return -1;
    for (int32_t g = first->next_sibling; g >= 0; g = t->nodes[g].next_sibling)
        if (strcmp(t->nodes[g].label, "S") == 0) {
            int32_t subj = t->nodes[g].first_child;
            return subj >= 0 && strcmp(t->nodes[subj].label, "NP") == 0 ? g : -1;
        }
    return -1;
}

/* A subject relative clause: "(NP (NP Iran) (, ,) (SBAR (WHNP (WDT which))
 * (S (VP has armed Russia))))".  Its verb belongs to the noun phrase it
 * follows, which the sentence-level pass cannot see (the clause sits inside
 * the coded object, or between commas that are deleted).  Returns the S,
 * with the antecedent NP in *np, or -1.  An object relative ("the deal
 * which Gondor signed") has a subject of its own and is left alone. */
static int32_t relative_clause(const dy_tree *t, int32_t sbar, int32_t *np)
{
    const dy_node *n = &t->nodes[sbar];
    if (strcmp(n->label, "SBAR") != 0 || n->first_child < 0 || n->parent < 0)
        return -1;
    const dy_node *wh = &t->nodes[n->first_child];
    if (strcmp(wh->label, "WHNP") != 0 || wh->first_child < 0)
        return -1;
    const char *w = t->nodes[wh->first_child].word;
    if (!w || (strcasecmp(w, "which") != 0 && strcasecmp(w, "who") != 0 &&
               strcasecmp(w, "that") != 0))
        return -1;
    int32_t s = wh->next_sibling;
    if (s < 0 || strcmp(t->nodes[s].label, "S") != 0 || t->nodes[s].first_child < 0 ||
        strcmp(t->nodes[t->nodes[s].first_child].label, "VP") != 0)
        return -1;
    const dy_node *parent = &t->nodes[n->parent];
    int32_t ante = parent->first_child;
    if (strcmp(parent->label, "NP") != 0 || ante < 0 || ante == sbar ||
        strcmp(t->nodes[ante].label, "NP") != 0)
        return -1;
    *np = ante;
    return s;
}

/* Byte span of the words under node `at`. */
static void node_span(const dy_tree *t, int32_t at, const dy_token *tok, uint32_t *from,
                      uint32_t *to)
{
    *from = UINT32_MAX;
    *to = 0;
    int32_t stop = t->nodes[at].next_sibling, up = at;
    (void)stop;
    /* preorder walk of the subtree */
    int32_t k = at;
    for (;;) {
        const dy_node *n = &t->nodes[k];
        if (n->token >= 0) {
            if (tok[n->token].start < *from)
                *from = tok[n->token].start;
            if (tok[n->token].end > *to)
                *to = tok[n->token].end;
        }
        if (n->first_child >= 0) {
            k = n->first_child;
            continue;
        }
        while (k != up && t->nodes[k].next_sibling < 0)
            k = t->nodes[k].parent;
        if (k == up)
            break;
        k = t->nodes[k].next_sibling;
    }
}

/* The clause as a tree of its own: the subtree at s copied (preorder,
 * renumbered) under a new ROOT, so the coder sees a whole tree; its
 * preterminals keep their sentence token indices.  With subject >= 0 (a
 * relative clause), that noun phrase's subtree is copied in too, as the
 * clause's first child: "(S (VP armed Russia))" becomes "(S (NP Iran) (VP
 * armed Russia))". */
static bool clause_tree(dy_arena *a, const dy_tree *t, int32_t s, int32_t subject, dy_tree *out)
{
    int32_t *map = dy_arena_alloc(a, (size_t)t->n_nodes * sizeof *map);
    dy_node *nodes = dy_arena_alloc(a, ((size_t)t->n_nodes + 1) * sizeof *nodes);
    int32_t *tn = dy_arena_alloc(a, ((size_t)t->n_tokens + 1) * sizeof *tn);
    if (!map || !nodes || !tn)
        return false;
    for (int32_t i = 0; i <= t->n_tokens; i++)
        tn[i] = -1;
    nodes[0] = (dy_node){"ROOT", NULL, -1, -1, -1, -1};
    int32_t m = 1;
    /* preorder walks of the subtrees: number the nodes (the subject's
     * nodes follow the clause's, their words keep their token order) */
    int32_t roots[2] = {s, subject};
    for (int r = 0; r < 2 && roots[r] >= 0; r++)
        for (int32_t top = roots[r], k = top;;) {
            map[k] = m;
            nodes[m++] = t->nodes[k];
            if (t->nodes[k].first_child >= 0) {
                k = t->nodes[k].first_child;
                continue;
            }
            while (k != top && t->nodes[k].next_sibling < 0)
                k = t->nodes[k].parent;
            if (k == top)
                break;
            k = t->nodes[k].next_sibling;
        }
    /* relink with the new numbers */
    int32_t subject_at = subject >= 0 ? map[subject] : -1;
    for (int32_t i = 1; i < m; i++) {
        dy_node *n = &nodes[i];
        bool top = i == 1 || i == subject_at;
        n->parent = top ? (i == 1 ? 0 : 1) : map[n->parent];
        n->first_child = n->first_child >= 0 ? map[n->first_child] : -1;
        n->next_sibling = top || n->next_sibling < 0 ? -1 : map[n->next_sibling];
        if (n->token >= 0 && n->token < t->n_tokens)
            tn[n->token] = i;
    }
    if (subject_at > 0) {
        nodes[subject_at].next_sibling = nodes[1].first_child;
        nodes[1].first_child = subject_at;
    }
    nodes[0].first_child = 1;
    *out = *t;
    out->nodes = nodes;
    out->n_nodes = m;
    out->root = 0;
    out->token_node = tn;
    return true;
}

/* "claimed", "alleged", "charged", "accused", "blamed" (not "said"): the
 * speaker puts the reported act on its doer. */
static bool is_claim_verb(const dy_token *v)
{
    char buf[64];
    const char *l = dy_token_lemma(v, buf, sizeof buf);
    return l && (strcmp(l, "claim") == 0 || strcmp(l, "allege") == 0 ||
                 strcmp(l, "charge") == 0 || strcmp(l, "accuse") == 0 ||
                 strcmp(l, "blame") == 0 || strcmp(l, "contend") == 0);
}

/* "The US claimed that ISIL had attacked Iraq": besides the attack
 * (attributed to the US), the US accuses ISIL (CAMEO 112) -- for each
 * conflict event (root 14 and up) of the clause whose doer is coded and is
 * not the speaker. */
static dyad_status add_accusations(dyad_coder *c, const dy_frame *f, const dy_token *verb,
                                   size_t inner_first)
{
    if (!*f->code)
        return DYAD_OK;
    size_t end = c->n_events;
    for (size_t i = inner_first; i < end; i++) {
        const dyad_event e = c->events[i];
        if (strcmp(e.code, "14") < 0 || !*e.source.code || strstr(e.source.code, "---") ||
            strncmp(e.source.code, f->code, 3) == 0)
            continue;
        bool dup = false;
        for (size_t j = inner_first; j < c->n_events && !dup; j++)
            dup = strcmp(c->events[j].code, "112") == 0 &&
                  strcmp(c->events[j].target.code, e.source.code) == 0;
        if (dup)
            continue;
        if (c->n_events == c->cap_events) {
            size_t ncap = c->cap_events ? c->cap_events * 2 : 16;
            dyad_event *ne = realloc(c->events, ncap * sizeof *ne);
            if (!ne)
                return DYAD_ERR_NOMEM;
            c->events = ne;
            c->cap_events = ncap;
        }
        dyad_event *a = &c->events[c->n_events++];
        *a = e;
        a->source = (dyad_actor){f->code, f->text};
        a->target = e.source;
        a->code = "112";
        a->verb = verb->text;
        a->pattern = "";
        a->passive = 0;
        a->source_start = f->sp_start, a->source_end = f->sp_end;
        a->verb_start = verb->start, a->verb_end = verb->end;
        a->target_start = e.source_start, a->target_end = e.source_end;
        a->attribution = (dyad_actor){"", ""};
        a->location = (dyad_place){"", "", "", "", 0, 0, 0};
    }
    return DYAD_OK;
}

/* "Arnor said Mordorian troops attacked Gondor": PETRARCH-style coding of
 * the whole sentence looks for the inner verb's actors across the frame, so
 * every clause a speech verb reports is coded again on its own (its events
 * replace the whole-sentence events whose verb lies inside it), with the
 * sentence's frames for attribution and the speaker for its subject
 * pronoun.  c->first_event is the sentence's first event on return. */
static dyad_status code_reported_clauses(dyad_coder *c, const dy_tree *t, int32_t date,
                                         const dy_token *tok, size_t sentence_first)
{
    int32_t clauses[MAX_REPORTED];
    int32_t verbs[MAX_REPORTED];
    int32_t subjects[MAX_REPORTED];
    size_t n = 0;
    for (int32_t i = 0; i < t->n_nodes && n < MAX_REPORTED; i++) {
        int32_t s = reported_clause(t, i, tok), np = -1;
        subjects[n] = -1;
        if (s >= 0) {
            clauses[n] = s;
            verbs[n++] = t->nodes[i].first_child;
        } else if ((s = adverbial_clause(t, i)) >= 0) {
            clauses[n] = s;
            verbs[n++] = -1;           /* no speech verb: no frame, no reporter */
        } else if ((s = relative_clause(t, i, &np)) >= 0) {
            clauses[n] = s;
            subjects[n] = np;
            verbs[n++] = -1;
        }
    }
    dyad_status st = DYAD_OK;
    for (size_t k = 0; k < n && st == DYAD_OK; k++) {
        uint32_t from, to;
        node_span(t, clauses[k], tok, &from, &to);
        if (from >= to)
            continue;
        /* drop whole-sentence events whose verb is inside the clause */
        size_t out = sentence_first;
        for (size_t i = sentence_first; i < c->n_events; i++) {
            const dyad_event *e = &c->events[i];
            if (e->verb_end > e->verb_start && e->verb_start >= from && e->verb_end <= to)
                continue;
            c->events[out++] = *e;
        }
        c->n_events = out;
        dy_tree sub;
        if (!clause_tree(c->arena, t, clauses[k], subjects[k], &sub))
            return DYAD_ERR_NOMEM;
        /* the speaker of the frame on this verb */
        const char *reporter = NULL;
        const dy_frame *frame = NULL;
        const dy_token *vt = verbs[k] >= 0 ? &tok[t->nodes[verbs[k]].token] : NULL;
        for (size_t f = 0; f < c->n_frames && vt; f++)
            if (c->frames[f].verb_token >= 0 && c->frames[f].verb_start == vt->start) {
                reporter = c->frames[f].code;
                frame = &c->frames[f];
            }
        c->inner_pass = true;
        c->reporter_code = reporter;
        size_t inner_first = c->n_events;
        st = dy_code_tree(c, &sub, date, tok);
        c->inner_pass = false;
        c->reporter_code = NULL;
        if (st != DYAD_OK && strcmp(c->kind, "dateline") == 0)
            st = DYAD_OK;   /* a clause that reads as a dateline codes nothing */
        if (st == DYAD_OK && frame && is_claim_verb(vt))
            st = add_accusations(c, frame, vt, inner_first);
    }
    c->first_event = sentence_first;
    return st;
}

/* ---- event dates ------------------------------------------------------ */

static dy_date date_of(int32_t yyyymmdd)
{
    return (dy_date){yyyymmdd / 10000, (uint8_t)(yyyymmdd / 100 % 100), (uint8_t)(yyyymmdd % 100)};
}

/* The date to code a sentence's actors at: that of its first time
 * expression that is not a bound ("in 2009, Obama ..."), else the
 * article's.  Date-restricted actors ("[USAGOV 20090120-20170120]") are so
 * resolved at the time of the events, not of the story. */
static int32_t sentence_date(const dy_timex *x, uint32_t nx, int32_t article)
{
    for (uint32_t i = 0; i < nx; i++)
        if (!(x[i].flags & DY_TIMEX_BOUND))
            return x[i].date.year * 10000 + x[i].date.month * 100 + x[i].date.day;
    return article;
}

/* Gives the events of one sentence (from `first` on) their own dates:
 * the time expression that governs each verb (docs/dates.md), resolved
 * forward when the verb is future ("will meet on Monday"). */
static void date_events(dyad_coder *c, size_t first, const char *text, const dy_token *tok,
                        uint32_t n, int32_t article, const char *article_date,
                        const dy_timex *past, uint32_t n_past)
{
    dy_timex future[DY_TIMEX_MAX];
    uint32_t n_future = 0;
    bool have_future = false;
    for (size_t i = first; i < c->n_events; i++) {
        dyad_event *e = &c->events[i];
        e->date = article_date;
        uint32_t v = dy_token_at(tok, n, e->verb_start);
        if (v == n)
            continue;
        bool fut = dy_dates_future_clause(tok, n, v) != 0;
        const dy_timex *x;
        uint32_t nx;
        if (fut) {
            if (!have_future) {
                n_future = dy_dates_find(tok, n, date_of(article), DY_DATES_PREFER_FUTURE, future,
                                         DY_TIMEX_MAX);
                have_future = true;
            }
            x = future, nx = n_future;
        } else {
            x = past, nx = n_past;
        }
        int k = nx ? dy_dates_pick(x, nx, tok, n, v) : -1;
        if (k < 0)
            continue;
        char buf[DY_DATE_BUF];
        const char *d = dy_arena_strdup(c->doc, dy_date_format(x[k].date, buf));
        uint32_t from = tok[x[k].first].start, to = tok[x[k].last - 1].end;
        const char *written = to > from ? dy_arena_strndup(c->doc, text + from, to - from) : NULL;
        if (!d || !written)
            continue;
        e->date = d;
        e->date_explicit = 1;
        e->date_text = written;
    }
}

/* An article given without its date: the first date written in full (day,
 * month and year) in its first sentences -- the dateline ("GENEVA, March 3,
 * 2025 (Wire) -") or a first line holding the date. */
#define DATE_SEARCH_SENTENCES 3

static bool date_in_text(const dy_token *tok, const dy_span *sents, uint32_t n_sents,
                         int32_t *out)
{
    /* explicit full dates do not depend on the reference date */
    dy_date any = {2000, 1, 1};
    for (uint32_t k = 0; k < n_sents && k < DATE_SEARCH_SENTENCES; k++) {
        dy_timex x[DY_TIMEX_MAX];
        uint32_t nx = dy_dates_find(tok + sents[k].first, sents[k].count, any, 0, x, DY_TIMEX_MAX);
        for (uint32_t i = 0; i < nx; i++)
            if (x[i].kind == DY_TIMEX_EXPLICIT && x[i].prec == DY_PREC_DAY &&
                !(x[i].flags & DY_TIMEX_YEAR_INFERRED)) {
                *out = x[i].date.year * 10000 + x[i].date.month * 100 + x[i].date.day;
                return true;
            }
    }
    return false;
}

/* ---- event locations -------------------------------------------------- */

#define MAX_HINTS 16

/* Country codes of the article's actors so far, to rank homonymous places
 * ("Tripoli" in Libya or Lebanon). */
typedef struct place_hints {
    char codes[MAX_HINTS][4];
    const char *ptr[MAX_HINTS];
    size_t n;
} place_hints;

static void add_hint(place_hints *h, const char *code)
{
    if (!code || strlen(code) < 3 || h->n == MAX_HINTS)
        return;
    for (int i = 0; i < 3; i++)
        if (code[i] < 'A' || code[i] > 'Z')
            return;
    for (size_t i = 0; i < h->n; i++)
        if (memcmp(h->codes[i], code, 3) == 0)
            return;
    memcpy(h->codes[h->n], code, 3);
    h->codes[h->n][3] = '\0';
    h->ptr[h->n] = h->codes[h->n];
    h->n++;
}

static dy_span token_range(const dy_token *tok, uint32_t n, uint32_t start, uint32_t end)
{
    uint32_t first = dy_token_at(tok, n, start), last = first;
    if (first == n || end <= start)
        return (dy_span){0, 0};
    while (last < n && tok[last].end <= end)
        last++;
    return (dy_span){first, last - first};
}

/* "---OPP" in country "KEN" (the first three letters of cc) is "KENOPP";
 * other codes are returned as they are (also when memory runs out). */
static const char *with_country(dy_arena *a, const char *code, const char *cc)
{
    if (strncmp(code, "---", 3) != 0 || !code[3] || strlen(cc) < 3)
        return code;
    size_t n = strlen(code);
    char *out = dy_arena_alloc(a, n + 1);
    if (!out)
        return code;
    memcpy(out, cc, 3);
    memcpy(out + 3, code + 3, n - 2);
    return out;
}

/* The event's target becomes what its place gives: a country or its
 * government, written as the place is. */
static void place_target(dyad_event *e, const char *code, const char *written, uint32_t from,
                         uint32_t to)
{
    if (!code)
        return;
    e->target = (dyad_actor){code, written};
    e->target_start = from;
    e->target_end = to;
}

/* Gives the events of one sentence (from `first` on) the place the text
 * says they happened at (docs/places.md): a place after a locative
 * preposition of the event's clause, not one inside its actors or a topic. */
static bool is_country_prefix(const char *code);

/* Rebels, insurgents, militants, gangs: their force in their own country
 * is used against it ("Boko Haram launched attacks in Nigeria"); a state's
 * force at home has some other target the text does not name. */
static bool is_armed_nonstate(const char *code)
{
    static const char *const armed[] = {"REB", "UAF", "CRM", "SEP", "INS", "RAD", "IMG"};
    if (strlen(code) < 6)
        return false;
    for (size_t i = 0; i < sizeof armed / sizeof *armed; i++)
        if (strstr(code + 3, armed[i]))
            return true;
    return false;
}

/* Who protests against its own government: society, not the state
 * ("the security service blocked ..." is no protest against itself). */
static bool is_civil_sector(const char *sector)
{
    static const char *const civil[] = {"OPP", "LAB", "CVL", "EDU", "BUS", "MED", "HLH",
                                        "AGR", "REF", "REL", "ELI", "NGO"};
    for (size_t i = 0; i < sizeof civil / sizeof *civil; i++)
        if (strncmp(sector, civil[i], 3) == 0)
            return true;
    return false;
}

static void locate_events(dyad_coder *c, size_t first, const char *text, const dy_token *tok,
                          uint32_t n, place_hints *hints)
{
    if (first == c->n_events)
        return;
    const dy_gazetteer *g = dy_engine_places(c->eng);
    if (!g)
        return;
    for (size_t i = first; i < c->n_events; i++) {
        add_hint(hints, c->events[i].source.code);
        add_hint(hints, c->events[i].target.code);
    }
    for (size_t i = first; i < c->n_events; i++) {
        dyad_event *e = &c->events[i];
        uint32_t v = dy_token_at(tok, n, e->verb_start);
        if (v == n)
            continue;
        dy_span actors[2] = {token_range(tok, n, e->source_start, e->source_end),
                             token_range(tok, n, e->target_start, e->target_end)};
        dy_place_context ctx = {hints->ptr, hints->n, actors, 2};
        dy_place_mention m[16];
        uint32_t nm = dy_places_find(g, tok, n, v, &ctx, m, 16);
        int k = dy_places_event_location(m, nm, v);
        bool force = !e->target.code[0] && !(e->target.text && e->target.text[0]) &&
                     (strncmp(e->code, "18", 2) == 0 || strncmp(e->code, "19", 2) == 0 ||
                      strncmp(e->code, "20", 2) == 0);
        bool visit = !e->target.code[0] && strncmp(e->code, "14", 2) != 0 && !force &&
                     !(e->target.text && e->target.text[0]);   /* a visit waiting for its host */
        bool protest = !e->target.code[0] && strncmp(e->code, "14", 2) == 0;
        if (protest && k < 0 && is_country_prefix(e->source.code) &&
            strncmp(e->source.code, "---", 3) != 0 && is_civil_sector(e->source.code + 3)) {
            /* "Argentina's unions staged a general strike": with no place,
             * against their own government */
            e->target = (dyad_actor){with_country(c->doc, "---GOV", e->source.code), ""};
            continue;
        }
        for (uint32_t j = 0; visit && k < 0 && j < nm; j++)
            if ((m[j].why == DY_WHY_DIRECTION && m[j].first > v &&
                 (dy_token_is(&tok[m[j].first - 1], "to") ||
                  dy_token_is(&tok[m[j].first - 1], "into"))) ||
                (m[j].why == DY_WHY_NO_PREP && m[j].first > v && m[j].first <= v + 2))
                k = (int)j;   /* "flew to Geneva", "visited Geneva": where the visit is */
        if (k < 0)
            continue;
        const dy_place *p = m[k].place;
        uint32_t from = tok[m[k].first].start, to = tok[m[k].last - 1].end;
        const char *written = to > from ? dy_arena_strndup(c->doc, text + from, to - from) : NULL;
        if (!written)
            continue;
        e->location = (dyad_place){written, p->name, p->admin1, p->cc3, p->lat, p->lon, 1};
        /* "Thousands of protesters rallied ... in Nairobi": an actor known
         * only by its agent ("---OPP") is of the country it acts in */
        if (p->cc3[0]) {
            e->source.code = with_country(c->arena, e->source.code, p->cc3);
            e->target.code = with_country(c->arena, e->target.code, p->cc3);
        }
        if (strlen(p->cc3) != 3)
            continue;
        /* the host of a visit is the country of its place, unless it is
         * the visitor's own ("attended a summit in Washington"); force
         * with no object is used against the country it is used in
         * ("Boko Haram launched attacks in northeastern Nigeria"); a
         * protest is against the government of its place */
        bool own = strncmp(e->source.code, p->cc3, 3) == 0;
        if ((visit && !own) || (force && (!own || is_armed_nonstate(e->source.code))))
            place_target(e, dy_arena_strdup(c->doc, p->cc3), written, from, to);
        else if (protest)
            place_target(e, with_country(c->doc, "---GOV", p->cc3), written, from, to);
    }
}

/* "Iran launched drones at Israel.  Biden condemned the attack": an
 * object that names an act (lib/doc/docutil.h) stands for the doer of the
 * last act the article reported, in this sentence or the three before,
 * by an actor of another country than the one reacting (one does not
 * condemn one's own attack).  With none, the event is dropped with the
 * visits below. */
static void resolve_named_acts(dyad_coder *c, size_t first, uint32_t sentence)
{
    for (size_t i = first; i < c->n_events; i++) {
        dyad_event *e = &c->events[i];
        if (e->target.code[0] || !e->target.text || !e->target.text[0])
            continue;
        const char *noun = strrchr(e->target.text, ' ');
        noun = noun ? noun + 1 : e->target.text;
        int kind = dy_event_noun(noun);
        for (size_t j = i; j-- > 0;) {
            const dyad_event *d = &c->events[j];
            if (j < first && d->sentence + 3 < sentence)
                break;
            if (!dy_has_full_code(d->source.code) || !d->target.code[0] ||
                strncmp(d->source.code, e->source.code, 3) == 0)
                continue;
            /* a reaction to an act is not the act: "Hamas called the
             * decision blackmail.  Egypt condemned the move." */
            const char *dn = d->target.text ? strrchr(d->target.text, ' ') : NULL;
            dn = dn ? dn + 1 : d->target.text;
            if (dn && dy_event_noun(dn))
                continue;
            /* "the ruling" is a court's */
            if (kind == 3 && !strstr(d->source.code, "JUD"))
                continue;
            bool force = kind == 2;
            /* "the attack" is a use of force or a threat, roots 13 to 20 */
            if (force && !(d->code[0] == '1' && d->code[1] >= '3') && d->code[0] != '2')
                continue;
            e->target.code = d->source.code;
            break;
        }
    }
}

/* Visits whose host no place gave, and named acts with no doer, are
 * dropped, as an event with no target is when require_dyad is on (the
 * default). */
static void drop_open_visits(dyad_coder *c, size_t first)
{
    if (!c->opt.require_dyad)
        return;
    size_t out = first;
    for (size_t i = first; i < c->n_events; i++)
        if (c->events[i].target.code[0])
            c->events[out++] = c->events[i];
    c->n_events = out;
}

/* ---- the country of the story --------------------------------------- */

/* Codes whose first three letters are not one country: international and
 * non-governmental bodies, militant networks, regions. */
static bool is_country_prefix(const char *code)
{
    static const char *const not_country[] = {
        "IGO", "NGO", "NGM", "IMG", "MNC", "UIS", "UAF", "NAF", "WAF", "SAS", "WST",
        "SEA", "SCN", "SAM", "SAF", "NMR", "MEA", "MDT", "LAM", "EUR", "EIN", "EEU",
        "EAF", "CRB", "CFR", "CEU", "CAU", "CAS", "BLK", "ASA", "AFR", "PGS"};
    if (!code || strlen(code) < 3)
        return false;
    for (int i = 0; i < 3; i++)
        if (code[i] < 'A' || code[i] > 'Z')
            return false;
    for (size_t i = 0; i < sizeof not_country / sizeof *not_country; i++)
        if (strncmp(code, not_country[i], 3) == 0)
            return false;
    return true;
}

/* Sectors an actor almost always belongs to the country where it acts:
 * "prosecutors", "the police", "protesters", "the government", criminal
 * gangs.  Soldiers and gunmen are of the story's country too when they
 * arrest, abduct or deploy, but not when they fight (root 19 or 20): an
 * attack is as often by foreign forces. */
static bool is_domestic_agent(const char *code, const char *event)
{
    static const char *const domestic[] = {"GOV", "COP", "JUD", "LEG", "OPP", "CVL", "EDU",
                                           "MED", "BUS", "LAB", "ELI", "HLH", "AGR", "ENV",
                                           "CRM"};
    static const char *const armed[] = {"MIL", "UAF"};
    if (strncmp(code, "---", 3) != 0 || strlen(code) < 6)
        return false;
    for (size_t i = 0; i < sizeof domestic / sizeof *domestic; i++)
        if (strncmp(code + 3, domestic[i], 3) == 0)
            return true;
    bool fighting = strncmp(event, "19", 2) == 0 || strncmp(event, "20", 2) == 0;
    for (size_t i = 0; i < sizeof armed / sizeof *armed && !fighting; i++)
        if (strncmp(code + 3, armed[i], 3) == 0)
            return true;
    return false;
}

typedef struct country_count {
    char cc[4];
    uint32_t n;
} country_count;

static void count_country(country_count *t, size_t *n, size_t cap, const char *code)
{
    if (!is_country_prefix(code))
        return;
    for (size_t i = 0; i < *n; i++)
        if (strncmp(t[i].cc, code, 3) == 0) {
            t[i].n++;
            return;
        }
    if (*n < cap) {
        memcpy(t[*n].cc, code, 3);
        t[*n].cc[3] = '\0';
        t[(*n)++].n = 1;
    }
}

/* "Prosecutors accused Imamoglu of corruption" in a story from Istanbul:
 * an actor known only by a domestic sector, with no place of its own, is
 * of the country the story is about -- that of its dateline, or the one
 * its events name clearly most often (at least twice as often as any
 * other) -- when the other side of its event is of that country too or
 * has none.  A story with no clear country leaves such actors alone. */
static void give_story_country(dyad_coder *c, const char *dateline_cc)
{
    country_count t[32];
    size_t n = 0;
    for (size_t i = 0; i < c->n_events; i++) {
        const dyad_event *e = &c->events[i];
        count_country(t, &n, 32, e->source.code);
        count_country(t, &n, 32, e->target.code);
        count_country(t, &n, 32, e->location.country);
    }
    size_t best = n;
    uint32_t second = 0;
    for (size_t i = 0; i < n; i++)
        if (best == n || t[i].n > t[best].n)
            best = i;
    for (size_t i = 0; i < n; i++)
        if (i != best && t[i].n > second)
            second = t[i].n;
    const char *cc = NULL;
    if (dateline_cc && is_country_prefix(dateline_cc))
        cc = dateline_cc;
    else if (best < n && t[best].n >= 2 * second && t[best].n >= 1)
        cc = t[best].cc;
    if (!cc)
        return;
    for (size_t i = 0; i < c->n_events; i++) {
        dyad_event *e = &c->events[i];
        if (e->location.country && e->location.country[0])
            continue;   /* the place it happened at said already */
        /* the story's country must be named outside this event too: "The
         * government thanked China" alone says nothing of whose government */
        if (!dateline_cc) {
            uint32_t own = (strncmp(e->source.code, cc, 3) == 0) +
                           (strncmp(e->target.code, cc, 3) == 0) +
                           (e->location.country && strncmp(e->location.country, cc, 3) == 0);
            if (t[best].n <= own)
                continue;
        }
        dyad_actor *sides[2] = {&e->source, &e->target};
        for (int s = 0; s < 2; s++) {
            if (!is_domestic_agent(sides[s]->code, e->code))
                continue;
            /* "Macron spoke with the freed hostages" in a story from Mali:
             * facing a foreign actor, the agent may be of either country */
            const char *other = sides[1 - s]->code;
            if (is_country_prefix(other) && strncmp(other, cc, 3) != 0)
                continue;
            sides[s]->code = with_country(c->doc, sides[s]->code, cc);
        }
    }
}

/* ---- duplicates ----------------------------------------------------- */

static uint64_t mix(uint64_t h, const char *s)
{
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (h ^ 0xff) * 1099511628211u;
}

static bool same_event(const dyad_event *a, const dyad_event *b)
{
    return strcmp(a->source.code, b->source.code) == 0 &&
           strcmp(a->target.code, b->target.code) == 0 && strcmp(a->code, b->code) == 0 &&
           strcmp(a->date ? a->date : "", b->date ? b->date : "") == 0;
}

/* The same (source, target, code, date) reported by several sentences is
 * one event: the first report, with `mentions` and every sentence index
 * (docs/resolution.md).  A later report fills in what the first lacks
 * (attribution, location, an explicit date). */
static dyad_status merge_duplicates(dyad_coder *c)
{
    size_t n = c->n_events;
    if (n == 0)
        return DYAD_OK;
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    uint32_t *slot = dy_arena_alloc(c->doc, cap * sizeof *slot);    /* kept index + 1 */
    uint32_t *group = dy_arena_alloc(c->doc, n * sizeof *group);    /* event -> kept */
    uint32_t *sent = dy_arena_alloc(c->doc, n * sizeof *sent);      /* event -> sentence */
    uint32_t *last = dy_arena_alloc(c->doc, n * sizeof *last);      /* kept -> last sentence */
    if (!slot || !group || !sent || !last)
        return DYAD_ERR_NOMEM;
    memset(slot, 0, cap * sizeof *slot);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        dyad_event e = c->events[i];
        sent[i] = e.sentence;
        uint64_t h = mix(mix(mix(mix(14695981039346656037u, e.source.code), e.target.code),
                             e.code), e.date);
        size_t at = (size_t)h & (cap - 1);
        while (slot[at] && !same_event(&c->events[slot[at] - 1], &e))
            at = (at + 1) & (cap - 1);
        if (!slot[at]) {
            e.mentions = 1;
            c->events[kept] = e;
            last[kept] = e.sentence;
            group[i] = (uint32_t)kept;
            slot[at] = (uint32_t)++kept;
            continue;
        }
        uint32_t ki = slot[at] - 1;
        dyad_event *k = &c->events[ki];
        group[i] = ki;
        if (last[ki] != e.sentence) {     /* counted once per sentence */
            k->mentions++;
            last[ki] = e.sentence;
        }
        if (!*k->attribution.text && *e.attribution.text)
            k->attribution = e.attribution;
        if (!*k->location.text && *e.location.text)
            k->location = e.location;
        if (!k->date_explicit && e.date_explicit) {
            k->date_explicit = 1;
            k->date_text = e.date_text;
        }
    }
    /* each kept event's sentences, ascending (events come in sentence order) */
    uint32_t *fill = last;                /* reused: entries written so far */
    for (size_t k = 0; k < kept; k++) {
        uint32_t *list = dy_arena_alloc(c->doc, c->events[k].mentions * sizeof *list);
        if (!list)
            return DYAD_ERR_NOMEM;
        c->events[k].mention_sentences = list;
        fill[k] = 0;
    }
    for (size_t i = 0; i < n; i++) {
        dyad_event *k = &c->events[group[i]];
        uint32_t *list = (uint32_t *)k->mention_sentences;
        uint32_t m = fill[group[i]];
        if (m > 0 && list[m - 1] == sent[i])
            continue;
        if (m < k->mentions)
            list[fill[group[i]]++] = sent[i];
    }
    c->n_events = kept;
    return DYAD_OK;
}

dyad_status dyad_code_article(dyad_coder *c, const dyad_article *a, dyad_result *out)
{
    if (!c || !out)
        return DYAD_ERR_ARG;
    dy_coder_begin(c, out);
    dy_arena_reset(c->doc);
    dy_coref_begin(c->coref, c->doc);
    if (!a || (!a->text && a->text_len > 0))
        return dy_coder_fail(c, DYAD_ERR_ARG, "bad_article", "%s", "no article text given");
    const char *text = a->text ? a->text : "";
    size_t len = a->text_len ? a->text_len : strlen(text);
    const char *id = a->id ? a->id : "";

    int32_t date = 0;
    bool date_given = a->date && *a->date;
    if (date_given && !dy_parse_date(a->date, &date))
        return dy_coder_fail(c, DYAD_ERR_SYNTAX, "bad_date",
                             "invalid date '%s' (want YYYY-MM-DD)", a->date);

    dy_token *tok = NULL;
    uint32_t n_tok = 0;
    dyad_status st = dy_tokenize(c->doc, text, len, &tok, &n_tok, NULL, &c->err);
    dy_span *sents = NULL;
    uint32_t n_sents = 0;
    if (st == DYAD_OK)
        st = dy_split_sentences(c->doc, text, len, tok, n_tok, &sents, &n_sents, &c->err);
    if (st != DYAD_OK) {
        c->kind = st == DYAD_ERR_LIMIT ? "limit" : st == DYAD_ERR_NOMEM ? "nomem" : "bad_article";
        return st;
    }
    if (!date_given && !date_in_text(tok, sents, n_sents, &date))
        return dy_coder_fail(c, DYAD_ERR_SYNTAX, "bad_date", "%s",
                             "no date given, and none written in full at the start of the "
                             "text (a dateline such as 'GENEVA, March 3, 2025' or a first "
                             "line '2025-03-03')");

    /* the article date as written in the output, YYYY-MM-DD */
    char date_buf[DY_DATE_BUF];
    const char *article_date = dy_arena_strdup(c->doc, dy_date_format(date_of(date), date_buf));
    if (!article_date)
        return dy_coder_fail(c, DYAD_ERR_NOMEM, "nomem", "%s", "out of memory");

    place_hints hints = {.n = 0};
    char dateline_cc[4] = "";      /* the country of the story's dateline */
    const dy_discards *discards = c->eng->discards;
    const dy_issues *issues = c->eng->issues;
    for (uint32_t k = 0; k < n_sents; k++) {
        dy_span sp = sents[k];
        dy_token *st_tok = tok + sp.first;
        out->n_sentences++;
        dy_arena_reset(c->arena);
        if (dy_sentence_is_dateline(tok, n_tok, sp)) {
            const dy_gazetteer *g = c->opt.resolve && !dateline_cc[0] ? dy_engine_places(c->eng)
                                                                     : NULL;
            const dy_place *p = g ? dy_places_dateline(g, st_tok, sp.count, NULL, 0) : NULL;
            if (p && strlen(p->cc3) == 3)
                memcpy(dateline_cc, p->cc3, 4);
            continue;
        }

        size_t slen = 0;
        const char *stext = NULL;
        if (discards || issues) {
            uint32_t from = st_tok[0].start, to = st_tok[sp.count - 1].end;
            if (from > len)
                from = (uint32_t)len;
            if (to > len || to < from)
                to = (uint32_t)len;
            stext = sentence_text(c->arena, text + from, to - from, &slen);
            if (!stext) {
                out->n_sentences_failed++;
                continue;
            }
        }
        if (discards && slen > 0) {
            const char *phrase = NULL;
            int d = dy_discards_check(discards, stext, slen, &phrase);
            if (d == 2)
                return discard_story(c, out, phrase);
            if (d == 1) {
                if (!out->discarded) {
                    out->discarded = 1;
                    out->discard_phrase = phrase ? phrase : "";
                }
                continue;
            }
        }

        /* Lemmas are left to the coder, which needs them only for the
         * verbs it does not find as written (lemma NULL until then). */
        dy_tag_sentence(st_tok, sp.count, c->arena);
        dy_tree tree;
        st = dy_build_tree(c->arena, st_tok, sp.count, &tree, &c->err);
        c->in_article = c->opt.resolve != 0;
        c->sentence_index = k;
        c->n_frames = 0;
        size_t sentence_first = c->n_events;
        /* the sentence's time expressions (resolved backwards), once: they
         * date its actors and its events */
        dy_timex past[DY_TIMEX_MAX];
        uint32_t n_past = c->in_article ? dy_dates_find(st_tok, sp.count, date_of(date), 0,
                                                        past, DY_TIMEX_MAX)
                                        : 0;
        int32_t when = c->in_article ? sentence_date(past, n_past, date) : date;
        if (st == DYAD_OK)
            st = dy_code_tree(c, &tree, when, st_tok);
        if (st == DYAD_OK && c->in_article)
            st = code_reported_clauses(c, &tree, when, st_tok, sentence_first);
        if (st == DYAD_OK && c->in_article) {
            date_events(c, sentence_first, text, st_tok, sp.count, date, article_date, past,
                        n_past);
            locate_events(c, sentence_first, text, st_tok, sp.count, &hints);
            resolve_named_acts(c, sentence_first, k);
            drop_open_visits(c, sentence_first);
        }
        c->in_article = false;
        if (st == DYAD_OK)
            st = finish_events(c, id, k);
        if (st != DYAD_OK) {
            c->n_events = c->first_event;
            /* PETRARCH's dateline test on the parse list: not a failure */
            if (strcmp(c->kind, "dateline") != 0)
                out->n_sentences_failed++;
            continue;
        }
        if (c->n_events > c->first_event && issues && slen > 0) {
            size_t n = dy_issues_find(issues, stext, slen, c->issue_buf, DY_CODE_MAX_ISSUES);
            if (push_issues(c, c->issue_buf, n, k) != 0)
                out->n_sentences_failed++;
        }
    }
    dy_arena_reset(c->arena);
    if (c->opt.resolve)
        give_story_country(c, dateline_cc[0] ? dateline_cc : NULL);
    if (c->opt.resolve && merge_duplicates(c) != DYAD_OK)
        return dy_coder_fail(c, DYAD_ERR_NOMEM, "nomem", "%s", "out of memory");
    c->kind = "";
    c->err.text[0] = '\0';
    out->events = c->events;
    out->n_events = c->n_events;
    out->issues = c->issues;
    out->n_issues = c->n_issues;
    return DYAD_OK;
}

/* ------------------------------------------------------------------ */
/* dyad_write_parse: the front end's view of an article                */

static dyad_status write_sentence(FILE *f, dy_arena *a, dy_token *tok, uint32_t n)
{
    dy_tag_sentence(tok, n, a);
    dy_lemmatize(tok, n, a);
    for (uint32_t i = 0; i < n; i++) {
        if (i > 0)
            putc(' ', f);
        fputs(tok[i].text, f);
        putc('/', f);
        fputs(dy_tag_name(tok[i].tag), f);
        putc('/', f);
        fputs(tok[i].lemma ? tok[i].lemma : tok[i].text, f);
    }
    putc('\n', f);
    dy_tree tree;
    dy_msg err;
    dyad_status st = dy_build_tree(a, tok, n, &tree, &err);
    if (st != DYAD_OK)
        return st;
    size_t need = dy_tree_format(&tree, NULL, 0);
    char *buf = dy_arena_alloc(a, need + 1);
    if (!buf)
        return DYAD_ERR_NOMEM;
    dy_tree_format(&tree, buf, need + 1);
    fwrite(buf, 1, need, f);
    putc('\n', f);
    return ferror(f) ? DYAD_ERR_IO : DYAD_OK;
}

dyad_status dyad_write_parse(FILE *f, const char *text, size_t len)
{
    if (!f || (!text && len > 0))
        return DYAD_ERR_ARG;
    if (!text)
        text = "";
    dy_arena *doc = dy_arena_create(0), *sent = dy_arena_create(0);
    dyad_status st = doc && sent ? DYAD_OK : DYAD_ERR_NOMEM;
    dy_token *tok = NULL;
    uint32_t n_tok = 0, n_sents = 0;
    dy_span *sents = NULL;
    dy_msg err;
    if (st == DYAD_OK)
        st = dy_tokenize(doc, text, len, &tok, &n_tok, NULL, &err);
    if (st == DYAD_OK)
        st = dy_split_sentences(doc, text, len, tok, n_tok, &sents, &n_sents, &err);
    flockfile(f);
    for (uint32_t k = 0; k < n_sents && st == DYAD_OK; k++) {
        dy_arena_reset(sent);
        st = write_sentence(f, sent, tok + sents[k].first, sents[k].count);
    }
    funlockfile(f);
    dy_arena_free(doc);
    dy_arena_free(sent);
    return st;
}

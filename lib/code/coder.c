/* coder.c -- codes one parsed sentence into events (public: dyad_coder_*,
 * dyad_code_sentence).
 *
 * The procedure is PETRARCH 1's, on the linear form of parselist.h:
 *  1. for each verb phrase whose first child is a verb in the dictionary
 *     (or, when the phrase is passive -- "was attacked by" -- its
 *     participle), take the words before the verb back to the previous
 *     comma ("upper" sequence, nearest first) and the words of the verb
 *     phrase after it ("lower" sequence);
 *  2. the first pattern of the verb's block whose upper and lower parts
 *     both match gives the event code (and may name the source '$' and
 *     target '+'); without a matching pattern the verb's own code applies;
 *  3. the source is the first coded entity of the upper sequence (in
 *     sentence order), the target the first coded entity after the verb
 *     with a code other than the source's, then an uncoded one, then the
 *     same search before the verb;
 *  4. compounds give one event per member pair; paired codes "032:033"
 *     give an event each way; a passive verb swaps source and target.
 * A matched verb phrase is not searched further for nested verbs. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "code/coder_internal.h"
#include "doc/attrib.h"
#include "doc/coref.h"
#include "doc/docutil.h"
#include "doc/modality.h"
#include "code/parselist.h"
#include "common/diag.h"
#include "dict/verbs.h"
#include "tag/lemma.h"

typedef enum seq_kind { S_WORD, S_NE_OPEN, S_NE_CLOSE, S_NEC_OPEN, S_NEC_CLOSE } seq_kind;

typedef struct seq_item {
    uint8_t kind;
    uint32_t wid;
    int32_t pl;        /* index of the item in the parse list */
} seq_item;

typedef struct seq {
    seq_item *v;
    int32_t n;
    bool upper;        /* stored walking away from the verb, backwards */
    uint64_t words;    /* dy_word_bit() of every word in it */
    uint64_t screen;   /* dy_word_bit() (upper) or dy_word_bit_lower() (lower) */
} seq;

/* A located entity: index in the upper or the lower sequence. */
typedef struct loc {
    int32_t at;        /* -1: none */
    bool upper;
} loc;

typedef struct ev_actor {
    const char *code, *text;
    int32_t open;      /* parse-list index of the entity it came from */
} ev_actor;

/* ------------------------------------------------------------------ */

void dyad_options_default(dyad_options *o)
{
    *o = (dyad_options){.require_dyad = 1, .new_actor_length = 0,
                        .comma_min = 2, .comma_max = 8,
                        .comma_bmin = 0, .comma_bmax = 0,
                        .comma_emin = 2, .comma_emax = 8, .resolve = 1};
}

static bool parse_int(const char *s, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    while (*end == ' ')
        end++;
    if (end == s || *end || v < 0 || v > 1000000)
        return false;
    *out = (int)v;
    return true;
}

int dyad_options_set(dyad_options *o, const char *name, const char *value)
{
    if (!o || !name || !value)
        return -1;
    if (strcmp(name, "require_dyad") == 0 || strcmp(name, "stop_on_error") == 0) {
        /* PETRARCH: anything but a value containing "false" means true */
        bool is_false = false;
        for (const char *p = value; *p && !is_false; p++)
            is_false = strncasecmp(p, "false", 5) == 0;
        if (strcmp(name, "require_dyad") == 0)
            o->require_dyad = !is_false;
        return 0;
    }
    struct { const char *name; int *field; } ints[] = {
        {"new_actor_length", &o->new_actor_length},
        {"comma_min", &o->comma_min},   {"comma_max", &o->comma_max},
        {"comma_bmin", &o->comma_bmin}, {"comma_bmax", &o->comma_bmax},
        {"comma_emin", &o->comma_emin}, {"comma_emax", &o->comma_emax},
        {"resolve", &o->resolve},
    };
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
        if (strcmp(name, ints[i].name) == 0)
            return parse_int(value, ints[i].field) ? 0 : -1;
    return -1;
}

dyad_coder *dyad_coder_create(const dyad_engine *e)
{
    if (!e)
        return NULL;
    dyad_coder *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->eng = e;
    c->arena = dy_arena_create(256u * 1024u);
    c->doc = dy_arena_create(0);
    c->coref = dy_coref_create();
    if (!c->arena || !c->doc || !c->coref) {
        dy_arena_free(c->arena);
        dy_arena_free(c->doc);
        dy_coref_free(c->coref);
        free(c);
        return NULL;
    }
    dyad_options_default(&c->opt);
    c->kind = "";
    return c;
}

void dyad_coder_free(dyad_coder *c)
{
    if (!c)
        return;
    dy_arena_free(c->arena);
    dy_arena_free(c->doc);
    dy_coref_free(c->coref);
    free(c->events);
    free(c->issues);
    free(c);
}

dyad_options *dyad_coder_options(dyad_coder *c)
{
    return &c->opt;
}

const char *dyad_coder_error(const dyad_coder *c)
{
    return c->err.text;
}

const char *dyad_coder_error_kind(const dyad_coder *c)
{
    return c->kind;
}

dyad_status dy_coder_fail(dyad_coder *c, dyad_status st, const char *kind, const char *fmt,
                          const char *detail)
{
    c->kind = kind;
    return dy_fail(&c->err, st, fmt, detail);
}

/* ------------------------------------------------------------------ */
/* Sequences                                                           */

static bool word_is(const pl_item *it, const char *w)
{
    return it->kind == PL_WORD && strcasecmp(it->text, w) == 0;
}

static void seq_push(seq *s, uint8_t kind, uint32_t wid, int32_t pl)
{
    s->v[s->n++] = (seq_item){kind, wid, pl};
    if (kind == S_WORD && wid) {
        s->words |= dy_word_bit(wid);
        s->screen |= s->upper ? dy_word_bit(wid) : dy_word_bit_lower(wid);
    }
}

static void seq_add(seq *s, const pl_item *it, int32_t i)
{
    if (it->kind == PL_WORD)
        seq_push(s, S_WORD, it->wid, i);
    else if (it->tag == PL_TAG_NE)
        seq_push(s, it->kind == PL_OPEN ? S_NE_OPEN : S_NE_CLOSE, 0, i);
    else if (it->tag == PL_TAG_NEC)
        seq_push(s, it->kind == PL_OPEN ? S_NEC_OPEN : S_NEC_CLOSE, 0, i);
}

/* Words before `from` (inclusive), walking back to the previous comma.
 * With `clause` (articles), also to the opening of the clause that holds
 * the verb, once the walk has passed an entity, its subject: in "X said
 * ... but China remained mum", "remained" belongs to China, not to X.  A
 * clause with no subject of its own ("to attack", "which have resisted")
 * takes the one before it, as PETRARCH does. */
static void upper_seq(const pl_list *pl, int32_t from, bool clause, seq *s)
{
    s->n = 0;
    s->words = s->screen = 0;
    s->upper = true;
    int nec = 0;   /* inside a compound: its commas separate members */
    bool subject = false, relative = false;
    for (int32_t i = from; i >= pl->start; i--) {
        const pl_item *it = &pl->items[i];
        if (it->tag == PL_TAG_NEC)
            nec += it->kind == PL_CLOSE ? 1 : -1;
        if (it->kind == PL_CLOSE && it->tag == PL_TAG_COMMA && nec <= 0 && !relative)
            break;   /* past the relative pronoun, the comma before it leads on */
        if (clause && !relative && it->kind == PL_CLOSE && it->tag == PL_TAG_VP && it->mate < i) {
            /* "rallied in Niamey and [attacked] the embassy": a whole verb
             * phrase before this one is its coordinated sibling, and its
             * objects are not the subject */
            i = it->mate;
            continue;
        }
        if (clause && subject && it->kind == PL_OPEN && it->label[0] == 'S' &&
            it->label[1] == '\0' && it->mate > from)
            break;
        /* "Moscow and Beijing, which have resisted ...": a relative
         * pronoun met before any subject makes the entity just before it
         * the subject */
        if (clause && !subject && it->kind == PL_WORD &&
            (word_is(it, "which") || word_is(it, "who")))
            relative = true;
        if (it->kind == PL_OPEN && (it->tag == PL_TAG_NE || it->tag == PL_TAG_NEC) && nec <= 0) {
            subject = true;
            if (relative) {
                seq_add(s, it, i);
                break;
            }
        }
        seq_add(s, it, i);
    }
}

/* Words from `from` to the end of the verb phrase (exclusive `end`). */
static void lower_seq(const pl_list *pl, int32_t from, int32_t end, seq *s)
{
    s->n = 0;
    s->words = s->screen = 0;
    s->upper = false;
    for (int32_t i = from; i < end && i < pl->n; i++)
        seq_add(s, &pl->items[i], i);
}

/* Where a conditional or adverbial clause in [from, end) begins, else
 * end: "would resume fighting [if Hamas violated the truce]", "pulled back
 * from Gaza [while aid trucks entered]" -- the truce, Hamas and the aid are
 * the other clause's, not the verb's (articles; adverbial clauses are
 * coded on their own). */
static int32_t before_condition(const pl_list *pl, int32_t from, int32_t end)
{
    static const char *const subordinators[] = {
        "if", "unless", "whether", "while", "whilst", "whereas", "although", "though",
        "because", "since", "until", "before", "after", "once", "when", "as"};
    for (int32_t i = from; i + 2 < end; i++) {
        const pl_item *it = &pl->items[i];
        if (it->kind != PL_OPEN || it->label[0] != 'S' || it->label[1] != 'B')
            continue;   /* SBAR, or the flattened SBR */
        for (int32_t w = i + 1; w < it->mate; w++)
            if (pl->items[w].kind == PL_WORD) {
                for (size_t k = 0; k < sizeof subordinators / sizeof *subordinators; k++)
                    if (word_is(&pl->items[w], subordinators[k]))
                        return i;
                break;
            }
    }
    return end;
}

static bool is_ne_marker(const seq_item *x)
{
    return x->kind != S_WORD;
}

static bool is_entity_open(const seq_item *x)
{
    return x->kind == S_NE_OPEN || x->kind == S_NEC_OPEN;
}

/* ------------------------------------------------------------------ */
/* Pattern matching                                                    */

typedef struct match_state {
    const dy_verbs *verbs;
    const seq *s;
    loc source, target;
} match_state;

/* The entity opening that the element at k is inside of: for the upper
 * sequence it lies further from the verb, for the lower one before k. */
static int32_t find_entity(const seq *s, int32_t k)
{
    while (k >= 0 && k < s->n) {
        if (is_entity_open(&s->v[k]))
            return k;
        k += s->upper ? 1 : -1;
    }
    return -1;
}

static bool synset_match(const match_state *m, uint32_t synset, int32_t *ks)
{
    const dy_synset *ss = dy_verbs_synset(m->verbs, synset);
    const seq *s = m->s;
    uint32_t w = s->v[*ks].wid;
    if (!w || !(ss->bits & dy_word_bit(w)))
        return false;       /* no phrase of the synset has this word at all */
    if (dy_verbs_word_in_synset(m->verbs, w, synset))
        return true;
    /* multi-word members that start (walking backwards: end) with w */
    const dy_synset_phrase *list = s->upper ? ss->multi_by_last : ss->multi;
    uint32_t lo = 0, hi = ss->n_multi;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        const dy_synset_phrase *ph = &list[mid];
        uint32_t key = s->upper ? ph->words[ph->n_words - 1] : ph->words[0];
        if (key < w)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (uint32_t p = lo; p < ss->n_multi; p++) {
        const dy_synset_phrase *ph = &list[p];
        if ((s->upper ? ph->words[ph->n_words - 1] : ph->words[0]) != w)
            break;
        int32_t n = ph->n_words, j = 0;
        /* the upper sequence runs backwards, so a phrase is read from its end */
        while (j < n && *ks + j < s->n && s->v[*ks + j].kind == S_WORD &&
               s->v[*ks + j].wid == ph->words[s->upper ? n - 1 - j : j] && s->v[*ks + j].wid)
            j++;
        if (j == n) {
            *ks += n - 1;
            return true;
        }
    }
    return false;
}

/* Walking a sequence, an entity is entered at its opening in the lower
 * sequence and at its closing in the (backwards) upper one. */
static bool enters(const seq *s, const seq_item *x)
{
    bool open = x->kind == S_NE_OPEN || x->kind == S_NEC_OPEN;
    return s->upper ? !open : open;
}

/* The other end of the compound whose marker is at k, in walking order. */
static int32_t compound_far_end(const seq *s, int32_t k)
{
    int32_t depth = 0;
    for (int32_t i = k; i < s->n; i++) {
        if (s->v[i].kind == S_NEC_OPEN || s->v[i].kind == S_NEC_CLOSE)
            depth += enters(s, &s->v[i]) ? 1 : -1;
        if (depth == 0)
            return i;
    }
    return s->n - 1;
}

/* The opening of the compound that contains k. */
static int32_t compound_open(const seq *s, int32_t k)
{
    for (int32_t i = k; i >= 0 && i < s->n; i += s->upper ? 1 : -1)
        if (s->v[i].kind == S_NEC_OPEN)
            return i;
    return -1;
}

/* PETRARCH's verb_pattern_match over one side of the verb: pattern words
 * must match in order, with words skipped only where the connector allows
 * a gap; '$' and '+' name the entity they fall in, '^' skips the rest of
 * an entity, '%' takes a whole compound as both source and target. */
static bool match_side(match_state *m, const dy_pat_elem *pat, int32_t np)
{
    const seq *s = m->s;
    if (np == 0)
        return true;
    if (s->n == 0)
        return false;
    int in_ne = 0, in_nec = 0;
    int32_t kp = 0, ks = 0;
    while (kp < np) {
        const seq_item *x = &s->v[ks];
        const dy_pat_elem *e = &pat[kp];
        if (e->kind == DY_PAT_COMPOUND &&
            ((x->kind == S_NEC_OPEN || x->kind == S_NEC_CLOSE) ? enters(s, x) : in_nec > 0)) {
            /* the compound's opening, and where walking leaves it */
            int32_t open, leave;
            if (in_nec == 0) {
                leave = compound_far_end(s, ks);
                open = s->upper ? leave : ks;
            } else {
                open = compound_open(s, ks);
                leave = ks;
                while (leave < s->n && !((s->v[leave].kind == S_NEC_OPEN ||
                                          s->v[leave].kind == S_NEC_CLOSE) &&
                                         !enters(s, &s->v[leave])))
                    leave++;
            }
            if (open < 0 || leave >= s->n)
                return false;
            /* before the verb a compound acts on itself ("A and B agreed");
             * after it, it is the target ("agreed with A and B") */
            m->target = (loc){open, s->upper};
            if (s->upper)
                m->source = m->target;
            ks = leave;
            in_ne = in_nec = 0;
            if (++kp >= np)
                return true;
            if (++ks >= s->n)
                return false;
            continue;
        }
        if (is_ne_marker(x)) {
            int delta = enters(s, x) ? 1 : -1;
            if (x->kind == S_NE_OPEN || x->kind == S_NE_CLOSE)
                in_ne += delta;
            else
                in_nec += delta;
            if (in_ne < 0)
                in_ne = 0;
            if (in_nec < 0)
                in_nec = 0;
            if (++ks >= s->n)
                return false;
            continue;
        }
        bool matched;
        switch (e->kind) {
        case DY_PAT_SOURCE:
        case DY_PAT_TARGET:
        case DY_PAT_SKIPNE:
        case DY_PAT_COMPOUND:
            if (!in_ne || e->kind == DY_PAT_COMPOUND) {
                if (!e->gap || ++ks >= s->n)
                    return false;
                continue;
            }
            if (e->kind == DY_PAT_SOURCE) {
                m->source = (loc){find_entity(s, ks), s->upper};
                if (m->source.at < 0)
                    return false;
            } else if (e->kind == DY_PAT_TARGET) {
                m->target = (loc){find_entity(s, ks), s->upper};
                if (m->target.at < 0)
                    return false;
            } else {
                /* skip to the end of this entity, in walking order */
                while (!(is_ne_marker(&s->v[ks]) && !enters(s, &s->v[ks]) &&
                         (s->v[ks].kind == S_NE_OPEN || s->v[ks].kind == S_NE_CLOSE))) {
                    if (++ks >= s->n)
                        return false;
                }
                in_ne = 0;
            }
            if (++kp >= np)
                return true;
            if (++ks >= s->n)
                return false;
            continue;
        case DY_PAT_SYNSET:
            matched = synset_match(m, e->id, &ks);
            break;
        default:
            matched = x->wid != 0 && x->wid == e->id;
            break;
        }
        if (matched) {
            if (++kp >= np)
                return true;
            if (++ks >= s->n)
                return false;
        } else {
            if (!e->gap || ++ks >= s->n)
                return false;
        }
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Sources, targets, events                                            */

static const pl_item *entity_item(const pl_list *pl, const seq *up, const seq *lo, loc l)
{
    const seq *s = l.upper ? up : lo;
    return &pl->items[s->v[l.at].pl];
}

static bool is_coded(const pl_item *it)
{
    /* an NEC counts as coded, as in PETRARCH; "---GOV" does not */
    return it->tag == PL_TAG_NEC || strncmp(it->code, "---", 3) != 0;
}

static loc find_source(const pl_list *pl, const seq *up)
{
    for (int32_t k = up->n - 1; k >= 0; k--) {
        if (up->v[k].kind == S_NEC_OPEN)
            return (loc){k, true};
        if (up->v[k].kind == S_NE_OPEN && is_coded(&pl->items[up->v[k].pl]))
            return (loc){k, true};
    }
    for (int32_t k = up->n - 1; k >= 0; k--)
        if (up->v[k].kind == S_NE_OPEN)
            return (loc){k, true};
    return (loc){-1, true};
}

/* ---- prepositional phrases around an entity after the verb ----------- */

/* Where the phrases after the verb begin: `from` is the first item after
 * the verb word, and phrases that open right before it count too. */
static int32_t after_verb(const pl_list *pl, int32_t from)
{
    while (from > 0 && pl->items[from - 1].kind == PL_OPEN)
        from--;
    return from;
}

/* The first prepositional phrase opening in [from, at) that encloses
 * `at`, or -1. */
static int32_t pp_from(const pl_list *pl, int32_t from, int32_t at)
{
    for (int32_t j = from; j < at; j++)
        if (pl->items[j].kind == PL_OPEN && pl->items[j].mate > at &&
            strcmp(pl->items[j].label, "PP") == 0)
            return j;
    return -1;
}

/* The preposition of the phrase opened at pp: its first word before `at`. */
static const pl_item *pp_word(const pl_list *pl, int32_t pp, int32_t at)
{
    for (int32_t w = pp + 1; w < at; w++)
        if (pl->items[w].kind == PL_WORD)
            return &pl->items[w];
    return NULL;
}

/* Whether the entity at parse-list index `at`, after the verb, lies in a
 * verb phrase inside a prepositional phrase: "jailed a man for [helping
 * militants join a group in Lebanon]", "arrested him after [he met
 * diplomats from France]".  Such a clause has its own verb; its objects are
 * not what the outer verb acted on.  So is an "as" phrase: "condemned the
 * launch as [a violation of UN resolutions]" names the object. */
static bool in_clause_of_pp(const pl_list *pl, int32_t from, int32_t at)
{
    for (int32_t j = pp_from(pl, after_verb(pl, from), at); j >= 0; j = pp_from(pl, j + 1, at)) {
        const pl_item *w = pp_word(pl, j, at);
        if (w && word_is(w, "as"))
            return true;
        for (int32_t v = j + 1; v < at; v++)
            if (pl->items[v].kind == PL_OPEN && pl->items[v].tag == PL_TAG_VP &&
                pl->items[v].mate > at)
                return true;
    }
    return false;
}

/* A compound, or an entity that stands for several actors ("the two
 * leaders", coded "RUSGOV/CHNGOV" by coreference). */
static bool is_group(const pl_item *it)
{
    return it->tag == PL_TAG_NEC || (it->tag == PL_TAG_NE && it->code && strchr(it->code, '/'));
}

/* Whether parse-list index `at` lies inside a prepositional phrase after
 * the verb: "met [for five hours]" has no object.  "(nearly all) of them"
 * is a partitive object, not a phrase of time or place. */
static bool in_pp(const pl_list *pl, int32_t from, int32_t at)
{
    int32_t pp = pp_from(pl, after_verb(pl, from), at);
    const pl_item *w = pp >= 0 ? pp_word(pl, pp, at) : NULL;
    return pp >= 0 && !(w && word_is(w, "of"));
}

/* Whether `at` lies inside any prepositional phrase after the verb:
 * "killed in [the assault]" is no object that names an act. */
static bool in_any_pp(const pl_list *pl, int32_t from, int32_t at)
{
    return pp_from(pl, after_verb(pl, from), at) >= 0;
}

static int32_t entity_item_at(const seq *up, const seq *lo, loc l)
{
    return (l.upper ? up : lo)->v[l.at].pl;
}

/* Whether `at` lies in a phrase of place after the verb ("in Novi Sad",
 * "near Kharkiv"). */
static bool in_locative_pp(const pl_list *pl, int32_t from, int32_t at)
{
    static const char *const locative[] = {"in", "at", "near", "outside", "inside", "across",
                                           "throughout", "around", "along"};
    for (int32_t j = pp_from(pl, after_verb(pl, from), at); j >= 0; j = pp_from(pl, j + 1, at)) {
        const pl_item *w = pp_word(pl, j, at);
        for (size_t i = 0; w && i < sizeof locative / sizeof *locative; i++)
            if (word_is(w, locative[i]))
                return true;
    }
    return false;
}

/* Whether an entity known by its agent comes before item k of s. */
static bool agent_before(const pl_list *pl, const seq *s, int32_t k)
{
    for (int32_t j = 0; j < k; j++)
        if (s->v[j].kind == S_NE_OPEN && strncmp(pl->items[s->v[j].pl].code, "---", 3) == 0 &&
            pl->items[s->v[j].pl].code[3])
            return true;
    return false;
}

/* Whether the verb phrase has a noun phrase right after the verb: its
 * direct object ("intercepted [nearly all] of them"). */
static bool has_direct_object(const pl_list *pl, int32_t after_verb, int32_t end)
{
    for (int32_t i = after_verb; i < end; i++) {
        const pl_item *it = &pl->items[i];
        if (it->kind == PL_CLOSE)
            continue;
        if (it->kind == PL_WORD)
            return false;
        if (it->tag == PL_TAG_NE || it->tag == PL_TAG_NEC || strncmp(it->label, "NP", 2) == 0)
            return true;
        if (strcmp(it->label, "ADVP") != 0 && strcmp(it->label, "PRT") != 0)
            return false;
        i = it->mate;   /* "met again with", "held up": past the adverb */
    }
    return false;
}

/* Whether the entity opened at `open` ends in a noun that names an act. */
static bool names_an_act(const pl_list *pl, int32_t open)
{
    for (int32_t j = pl->items[open].mate - 1; j > open; j--)
        if (pl->items[j].kind == PL_WORD)
            return dy_event_noun(pl->items[j].text) != 0;
    return false;
}

/* Whether a compound has a member with any code, an agent's included. */
static bool any_member_coded(const pl_list *pl, int32_t open)
{
    for (int32_t i = open + 1; i < pl->items[open].mate; i++)
        if (pl->items[i].kind == PL_OPEN && pl->items[i].tag == PL_TAG_NE &&
            strcmp(pl->items[i].code, "---") != 0)
            return true;
    return false;
}

static loc find_target(const pl_list *pl, const seq *up, const seq *lo, loc src,
                       bool agents_first)
{
    /* The source's code, when it is a single entity: a target whose code
     * starts with it is the same actor and is passed over. */
    const char *sc = NULL;
    const pl_item *si = entity_item(pl, up, lo, src);
    if (si->tag == PL_TAG_NE)
        sc = si->code;
    size_t scl = sc ? strlen(sc) : 0;
    const seq *sides[2] = {lo, up};
    for (int side = 0; side < 2; side++) {
        const seq *s = sides[side];
        for (int32_t k = 0; k < s->n; k++) {
            if (!is_entity_open(&s->v[k]))
                continue;
            const pl_item *it = &pl->items[s->v[k].pl];
            if (!is_coded(it))
                continue;
            if (agents_first && !s->upper && in_clause_of_pp(pl, s->v[0].pl, s->v[k].pl))
                continue;
            if (agents_first && it->tag == PL_TAG_NEC && !any_member_coded(pl, s->v[k].pl))
                continue;   /* "fired tear gas and water cannon at protesters" */
            if (agents_first && !s->upper && in_locative_pp(pl, s->v[0].pl, s->v[k].pl) &&
                agent_before(pl, s, k))
                continue;   /* "attacked students in Novi Sad": the students */
            if (sc && it->tag == PL_TAG_NE && strncmp(it->code, sc, scl) == 0)
                continue;
            return (loc){k, s->upper};
        }
        /* articles: an actor known by its agent ("the protesters", ---OPP)
         * before a phrase with no code at all ("tear gas") */
        for (int32_t k = 0; agents_first && k < s->n; k++) {
            if (s->v[k].kind != S_NE_OPEN)
                continue;
            const pl_item *it = &pl->items[s->v[k].pl];
            if (strcmp(it->code, "---") == 0 || is_coded(it))
                continue;
            if (s->upper && src.upper && k == src.at)
                continue;
            return (loc){k, s->upper};
        }
        for (int32_t k = 0; k < s->n; k++) {
            if (s->v[k].kind != S_NE_OPEN || is_coded(&pl->items[s->v[k].pl]))
                continue;
            if (s->upper && src.upper && k == src.at)
                continue;
            return (loc){k, s->upper};
        }
    }
    return (loc){-1, false};
}

/* The words of the entity opened at parse-list index `open`. */
static const char *entity_text(dy_arena *a, const pl_list *pl, int32_t open)
{
    size_t len = 0;
    int32_t close = pl->items[open].mate;
    for (int32_t i = open + 1; i < close; i++)
        if (pl->items[i].kind == PL_WORD)
            len += strlen(pl->items[i].text) + 1;
    char *s = dy_arena_alloc(a, len + 1), *p = s;
    if (!s)
        return "";
    for (int32_t i = open + 1; i < close; i++)
        if (pl->items[i].kind == PL_WORD) {
            if (p != s)
                *p++ = ' ';
            size_t n = strlen(pl->items[i].text);
            memcpy(p, pl->items[i].text, n);
            p += n;
        }
    *p = '\0';
    return s;
}

static size_t count_words_between(const pl_list *pl, int32_t open)
{
    size_t n = 0;
    for (int32_t i = open + 1; i < pl->items[open].mate; i++)
        n += pl->items[i].kind == PL_WORD;
    return n;
}

/* One actor per entity; the "quoted" form for an uncoded short phrase when
 * new_actor_length asks for it. */
static void add_actor(dyad_coder *c, const pl_list *pl, int32_t open,
                      ev_actor *out, size_t *n, size_t cap)
{
    const pl_item *it = &pl->items[open];
    const char *text = entity_text(c->arena, pl, open);
    const char *code = it->code;
    if (strcmp(code, "---") == 0 && c->opt.new_actor_length > 0) {
        size_t words = count_words_between(pl, open);
        if (words > 0 && words - 1 < (size_t)c->opt.new_actor_length) {
            size_t tl = strlen(text);
            char *q = dy_arena_alloc(c->arena, tl + 3);
            if (q) {
                q[0] = '"';
                dy_upper_copy(q + 1, tl + 1, text, tl);   /* PETRARCH's form */
                q[tl + 1] = '"';
                q[tl + 2] = '\0';
                code = q;
            }
        }
    }
    /* "ABC/DEF" stands for two actors */
    const char *p = code;
    for (;;) {
        const char *slash = strchr(p, '/');
        size_t len = slash ? (size_t)(slash - p) : strlen(p);
        if (*n < cap && len > 0)
            out[(*n)++] = (ev_actor){dy_arena_strndup(c->arena, p, len), text, open};
        if (!slash)
            break;
        p = slash + 1;
    }
}

static size_t loc_actors(dyad_coder *c, const pl_list *pl, const seq *up,
                         const seq *lo, loc l, ev_actor *out, size_t cap)
{
    const seq *s = l.upper ? up : lo;
    int32_t open = s->v[l.at].pl;
    size_t n = 0;
    if (pl->items[open].tag == PL_TAG_NEC) {
        /* uncoded members of a compound are left out ("the lions and
         * Gondor" is Gondor), unless none is coded */
        for (int32_t i = open + 1; i < pl->items[open].mate; i++)
            if (pl->items[i].kind == PL_OPEN && pl->items[i].tag == PL_TAG_NE &&
                (strcmp(pl->items[i].code, "---") != 0 || c->opt.new_actor_length > 0))
                add_actor(c, pl, i, out, &n, cap);
    } else {
        add_actor(c, pl, open, out, &n, cap);
    }
    if (n == 0 && cap > 0)
        out[n++] = (ev_actor){"---", entity_text(c->arena, pl, open), open};
    return n;
}

/* Byte span in the article text of the words of parse-list items
 * [first, last] (0/0 without tokens, or without words). */
static void span_of(const dyad_coder *c, const pl_list *pl, int32_t first, int32_t last,
                    uint32_t *start, uint32_t *end)
{
    *start = *end = 0;
    if (!c->tok)
        return;
    bool any = false;
    for (int32_t i = first; i <= last; i++) {
        const pl_item *it = &pl->items[i];
        if (it->kind != PL_WORD || it->token < 0)
            continue;
        const dy_token *t = &c->tok[it->token];
        if (!any || t->start < *start)
            *start = t->start;
        if (!any || t->end > *end)
            *end = t->end;
        any = true;
    }
}

/* The verb of an event: its text and its parse-list items. */
typedef struct ev_verb {
    const char *text;
    int32_t first, last;
} ev_verb;

/* A name and nothing else ("Damascus", "North Darfur", "the Donbas"):
 * every word but a leading "the" is capitalised ("a British tanker" is
 * not). */
static bool is_place_name(const char *text)
{
    if (!text || !*text)
        return false;
    if (strncasecmp(text, "the ", 4) == 0)
        text += 4;
    for (const char *w = text; *w;) {
        if (!isupper((unsigned char)*w))
            return false;
        while (*w && *w != ' ')
            w++;
        while (*w == ' ')
            w++;
    }
    return true;
}

static bool push_event(dyad_coder *c, const pl_list *pl, const ev_actor *src,
                       const ev_actor *tgt, const char *code, const ev_verb *verb,
                       const char *pattern, bool passive)
{
    if (!*code)
        return true;                       /* ":050": no event this way */
    if (strcmp(src->code, tgt->code) == 0)
        return true;                       /* no self-reference */
    if (passive) {
        const ev_actor *t = src;
        src = tgt;
        tgt = t;
    }
    /* "seized Damascus", "captured Bakhmut": what is seized is a place
     * coded as its country, so territory is occupied (192), not property
     * taken (171) -- articles only, PETRARCH's tests expect 171 */
    if (c->in_article && strcmp(code, "171") == 0 && strlen(tgt->code) == 3 &&
        strcmp(tgt->code, "---") != 0 && is_place_name(tgt->text))
        code = "192";
    if (c->opt.require_dyad && (strcmp(src->code, "---") == 0 ||
                                (strcmp(tgt->code, "---") == 0 && !c->open_target)))
        return true;
    for (size_t i = c->first_event; i < c->n_events; i++) {
        const dyad_event *e = &c->events[i];
        if (strcmp(e->source.code, src->code) == 0 && strcmp(e->target.code, tgt->code) == 0 &&
            strcmp(e->code, code) == 0)
            return true;                   /* duplicate within the sentence */
    }
    if (c->n_events - c->first_event == DY_CODE_MAX_EVENTS)
        return false;
    if (c->n_events == c->cap_events) {
        size_t ncap = c->cap_events ? c->cap_events * 2 : 16;
        dyad_event *ne = realloc(c->events, ncap * sizeof *ne);
        if (!ne)
            return false;
        c->events = ne;
        c->cap_events = ncap;
    }
    dyad_event *e = &c->events[c->n_events++];
    *e = (dyad_event){
        .source = {src->code, src->text}, .target = {tgt->code, tgt->text},
        .code = code, .verb = verb->text, .pattern = pattern, .passive = passive,
        .date_text = "", .attribution = {"", ""}, .location = {"", "", "", "", 0, 0, 0},
        .mentions = 1};
    if (c->tok) {
        span_of(c, pl, src->open, pl->items[src->open].mate, &e->source_start, &e->source_end);
        span_of(c, pl, verb->first, verb->last, &e->verb_start, &e->verb_end);
        if (tgt->open >= 0)
            span_of(c, pl, tgt->open, pl->items[tgt->open].mate, &e->target_start,
                    &e->target_end);
    }
    return true;
}

static void make_events(dyad_coder *c, const pl_list *pl, const seq *up, const seq *lo,
                        loc src, loc tgt, const char *code, const ev_verb *verb,
                        const char *pattern, bool passive)
{
    ev_actor s[64], t[64];
    size_t ns = loc_actors(c, pl, up, lo, src, s, 64);
    size_t nt = loc_actors(c, pl, up, lo, tgt, t, 64);
    if (ns == 0 || nt == 0)
        return;
    const char *colon = strchr(code, ':');
    if (!colon) {
        for (size_t i = 0; i < ns; i++)
            for (size_t j = 0; j < nt; j++)
                push_event(c, pl, &s[i], &t[j], code, verb, pattern, passive);
        return;
    }
    /* A paired code: one event each way; an uncoded side takes the other. */
    const char *c1 = dy_arena_strndup(c->arena, code, (size_t)(colon - code));
    const char *c2 = dy_arena_strdup(c->arena, colon + 1);
    const ev_actor *sa = s, *ta = t;
    size_t nsa = ns, nta = nt;
    if (strcmp(s[0].code, "---") == 0 || strcmp(t[0].code, "---") == 0) {
        if (strcmp(t[0].code, "---") == 0)
            ta = s, nta = ns;
        else
            sa = t, nsa = nt;
    }
    for (size_t i = 0; i < nsa; i++)
        for (size_t j = 0; j < nta; j++)
            push_event(c, pl, &sa[i], &ta[j], c1, verb, pattern, passive);
    for (size_t i = 0; i < nta; i++)
        for (size_t j = 0; j < nsa; j++)
            push_event(c, pl, &ta[i], &sa[j], c2, verb, pattern, passive);
}

/* Whether a compound subject's uncoded object is something its members
 * share with each other: the code is mutual by nature (negotiation, a
 * signed agreement), or a pattern named the object ("improved relations") and the
 * code is one of cooperation or consultation between them.  "Israel, the US and Jordan
 * intercepted the drones" or "Egypt and Qatar condemned the move" are
 * each member acting on the object, not on each other. */
static bool shared_object(const char *code, const char *pattern)
{
    /* codes that are mutual whatever their object: negotiating, signing,
     * exercising together ("met the delegations" is not: whom they met) */
    static const char *const mutual[] = {"046", "057", "062"};
    for (size_t i = 0; i < sizeof mutual / sizeof *mutual; i++)
        if (strcmp(code, mutual[i]) == 0)
            return true;
    if (!pattern[0] || code[0] != '0' || code[1] < '3' || code[1] > '6')
        return false;
    return strncmp(code, "042", 3) != 0 && strncmp(code, "043", 3) != 0 &&
           strncmp(code, "045", 3) != 0;
}

/* "The US, Russia and Switzerland met", "Israel and Hamas agreed to a
 * ceasefire": a compound source with no target did the thing with each
 * other, so each ordered pair of its coded members is an event (articles
 * only; PETRARCH codes nothing here). */
static void reciprocal_events(dyad_coder *c, const pl_list *pl, const seq *up, const seq *lo,
                              loc src, const char *code, const ev_verb *verb,
                              const char *pattern)
{
    const seq *s = src.upper ? up : lo;
    if (!is_group(&pl->items[s->v[src.at].pl]) || strchr(code, ':'))
        return;
    ev_actor a[64];
    size_t n = loc_actors(c, pl, up, lo, src, a, 64);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            if (i != j && strcmp(a[i].code, "---") != 0 && strcmp(a[j].code, "---") != 0)
                push_event(c, pl, &a[i], &a[j], code, verb, pattern, false);
}

/* ------------------------------------------------------------------ */
/* Verbs                                                               */

/* Forms of BE that make "X was/were attacked by Y" passive.  PETRARCH
 * checks WAS, IS and BEEN, missing plural subjects; infinitive "to be
 * allowed ... by" stays active, as its unit tests expect. */
static bool is_passive_aux(const pl_item *it)
{
    static const char *const be[] = {"WAS", "WERE", "IS", "ARE", "BEEN"};
    for (size_t i = 0; i < sizeof be / sizeof be[0]; i++)
        if (word_is(it, be[i]))
            return true;
    return false;
}

/* PETRARCH's check_passive: a VBN inside the phrase, "BY" after it, and an
 * auxiliary form of BE before it.  Returns the participle's word index. */
static int32_t passive_verb(const pl_list *pl, int32_t vp)
{
    int32_t end = pl->items[vp].mate;
    int32_t vbn = -1;
    for (int32_t i = vp + 3; i < end; i++)
        if (pl->items[i].kind == PL_OPEN && pl->items[i].tag == PL_TAG_VBN) {
            vbn = i;
            break;
        }
    if (vbn < 0)
        return -1;
    int32_t close = pl->items[vbn].mate;
    bool by = false;
    for (int32_t i = close + 3; i < end && !by; i++)
        by = word_is(&pl->items[i], "BY");
    if (!by)
        return -1;
    for (int32_t k = close - 3; k > vp; k--) {
        const pl_item *it = &pl->items[k];
        if (it->kind == PL_CLOSE && (it->tag == PL_TAG_VB || it->tag == PL_TAG_VBN) &&
            is_passive_aux(&pl->items[k - 1]))
            return close - 1;
    }
    return -1;
}

/* Checks the other words of a multi-word verb around the verb at `at`;
 * on success sets the first and last parse-list index the verb covers. */
static bool multi_word_fits(const pl_list *pl, const dy_verb_form *f, int32_t at,
                            int32_t *first, int32_t *last)
{
    int32_t k = at;
    for (uint8_t j = 0; j < f->n_multi; j++) {
        do
            k += f->multi_after ? 1 : -1;
        while (k >= pl->start && k < pl->n && pl->items[k].kind != PL_WORD);
        if (k < pl->start || k >= pl->n || pl->items[k].wid != f->multi[j])
            return false;
    }
    *first = f->multi_after ? at : k;
    *last = f->multi_after ? k : at;
    return true;
}

static const char *verb_text(dyad_coder *c, const pl_list *pl, int32_t first, int32_t last)
{
    if (first == last)
        return pl->items[first].text;
    size_t len = 0;
    for (int32_t i = first; i <= last; i++)
        if (pl->items[i].kind == PL_WORD)
            len += strlen(pl->items[i].text) + 1;
    char *s = dy_arena_alloc(c->arena, len + 1), *p = s;
    if (!s)
        return pl->items[first].text;
    for (int32_t i = first; i <= last; i++)
        if (pl->items[i].kind == PL_WORD) {
            if (p != s)
                *p++ = ' ';
            size_t n = strlen(pl->items[i].text);
            memcpy(p, pl->items[i].text, n);
            p += n;
        }
    *p = '\0';
    return s;
}

/* Can the pattern match sequences holding these words at all? */
static bool filter_passes(const dy_pattern *p, uint64_t upper, uint64_t lower)
{
    if ((p->need_upper & ~upper) || (p->need_lower & ~lower))
        return false;
    for (int i = 0; i < 2; i++)
        if ((p->any_upper[i] && !(p->any_upper[i] & upper)) ||
            (p->any_lower[i] && !(p->any_lower[i] & lower)))
            return false;
    return true;
}

/* From raw text: the first verb form of the word's lemma ("fled" -> FLEE),
 * for an inflection the verb dictionary lacks; -1 when none.  The lemma is
 * the token's own when the lemmatizer has run, else worked out here: only
 * the few verbs not found as written need one. */
static int32_t lemma_form(const dyad_coder *c, const pl_item *it)
{
    if (it->token < 0)
        return -1;
    const dy_token *t = &c->tok[it->token];
    char buf[128];
    const char *lemma = t->lemma;
    if (!lemma && (size_t)t->len + 8 <= sizeof buf)
        lemma = dy_lemma(t->text, t->tag, buf, sizeof buf);
    if (!lemma || strcasecmp(lemma, it->text) == 0)
        return -1;
    uint32_t w = pl_word_id(c->eng, lemma);
    return w ? dy_verbs_first_form(c->eng->verbs, w) : -1;
}

static void code_verbs(dyad_coder *c, const pl_list *pl)
{
    const dy_verbs *verbs = c->eng->verbs;
    seq up = {0}, lo = {0};
    up.v = dy_arena_alloc(c->arena, (size_t)(pl->n + 1) * sizeof *up.v);
    lo.v = dy_arena_alloc(c->arena, (size_t)(pl->n + 1) * sizeof *lo.v);
    if (!up.v || !lo.v)
        return;
    for (int32_t k = pl->start; k + 2 < pl->n; k++) {
        const pl_item *it = &pl->items[k];
        if (!(it->kind == PL_OPEN && it->tag == PL_TAG_VP))
            continue;
        const pl_item *next = &pl->items[k + 1];
        if (!(next->kind == PL_OPEN && (next->tag == PL_TAG_VB || next->tag == PL_TAG_VBN)))
            continue;
        int32_t vp_end = it->mate;
        int32_t pv = passive_verb(pl, k);
        bool passive = pv > 0;
        int32_t at = passive ? pv : k + 2;
        if (pl->items[at].kind != PL_WORD)
            continue;
        int32_t fi = pl->items[at].wid ? dy_verbs_first_form(verbs, pl->items[at].wid) : -1;
        if (fi < 0 && c->tok)
            fi = lemma_form(c, &pl->items[at]);
        if (fi < 0)
            continue;
        /* a multi-word verb whose other words are there, else the first
         * single-word form */
        const dy_verb_form *form = NULL;
        int32_t first = at, last = at;
        for (int32_t x = fi; x >= 0; x = dy_verbs_form(verbs, x)->next) {
            const dy_verb_form *f = dy_verbs_form(verbs, x);
            if (f->n_multi == 0) {
                if (!form)
                    form = f;
                break;
            }
            if (multi_word_fits(pl, f, at, &first, &last)) {
                form = f;
                break;
            }
            first = last = at;
        }
        if (!form)
            continue;
        const dy_verb_block *blk = dy_verbs_block(verbs, form->block);
        upper_seq(pl, first - 1, c->in_article, &up);
        lower_seq(pl, last + 1, c->in_article ? before_condition(pl, last + 1, vp_end) : vp_end,
                  &lo);

        match_state m = {.verbs = verbs};
        const char *code = NULL, *pattern = "";
        bool null_pattern = false;
        uint64_t present = up.screen | lo.screen;
        for (uint32_t p = 0; p < blk->n_patterns; p++) {
            if (blk->screens[p] & ~present)
                continue;                 /* a literal word is missing */
            const dy_pattern *pat = &blk->patterns[p];
            if (!filter_passes(pat, up.words, lo.words))
                continue;                 /* a word the pattern needs is missing */
            m.source = m.target = (loc){-1, true};
            m.s = &up;
            if (!match_side(&m, pat->upper, pat->n_upper))
                continue;
            m.s = &lo;
            if (!match_side(&m, pat->lower, pat->n_lower))
                continue;
            if (strcmp(pat->code, "---") == 0) {
                null_pattern = true;   /* the pattern says: no event here */
            } else {
                code = pat->code;
                pattern = pat->text;
            }
            break;
        }
        if (!code && !null_pattern && strcmp(form->code, "---") != 0) {
            code = form->code;
            m.source = m.target = (loc){-1, true};
        }
        if (!code)
            continue;
        loc src = m.source.at >= 0 ? m.source : find_source(pl, &up);
        if (src.at >= 0) {
            loc tgt = m.target.at >= 0 ? m.target : find_target(pl, &up, &lo, src, c->in_article);
            /* for articles, a compound subject whose only target is before
             * the verb ("the US, Russia and Switzerland met") or has no code
             * at all ("Brazil and Chile improved their relations") is
             * reciprocal */
            const pl_item *ti = tgt.at >= 0 ? entity_item(pl, &up, &lo, tgt) : NULL;
            bool no_target = !ti || (ti->tag == PL_TAG_NEC
                                         ? !any_member_coded(pl, entity_item_at(&up, &lo, tgt))
                                         : strcmp(ti->code, "---") == 0);
            bool mutual = c->in_article && m.target.at < 0 &&
                          (tgt.at < 0 || tgt.upper ||
                           (no_target && (shared_object(code, pattern) ||
                                          (!has_direct_object(pl, last + 1, vp_end) &&
                                           in_pp(pl, last + 1,
                                                 entity_item_at(&up, &lo, tgt)))))) &&
                          is_group(&pl->items[(src.upper ? &up : &lo)->v[src.at].pl]);
            /* a visit's target is its host, a protest's the government it
             * is held against, an attack's with no object the country it
             * strikes in: the article may find them from the place */
            bool visit = c->in_article && no_target &&
                         (strcmp(code, "042") == 0 || strncmp(code, "14", 2) == 0 ||
                          strncmp(code, "18", 2) == 0 || strncmp(code, "19", 2) == 0 ||
                          strncmp(code, "20", 2) == 0);
            /* "condemned the attack": the actor of the act named, found
             * among the article's events afterwards (else dropped) */
            bool act = c->in_article && !mutual && !visit && !passive && tgt.at >= 0 && !tgt.upper &&
                       strcmp(entity_item(pl, &up, &lo, tgt)->code, "---") == 0 &&
                       names_an_act(pl, entity_item_at(&up, &lo, tgt)) &&
                       !in_any_pp(pl, last + 1, entity_item_at(&up, &lo, tgt)) &&
                       strcmp(code, "041") != 0;   /* "called the decision blackmail" */
            if (act) {
                ev_verb v = {verb_text(c, pl, first, last), first, last};
                ev_actor s[64];
                size_t ns = loc_actors(c, pl, &up, &lo, src, s, 64);
                int32_t open = entity_item_at(&up, &lo, tgt);
                ev_actor named = {"---", entity_text(c->arena, pl, open), open};
                c->open_target = true;
                for (size_t i = 0; i < ns; i++)
                    push_event(c, pl, &s[i], &named, code, &v, pattern, passive);
                c->open_target = false;
            } else if (tgt.at >= 0 && !mutual && !visit) {
                ev_verb v = {verb_text(c, pl, first, last), first, last};
                make_events(c, pl, &up, &lo, src, tgt, code, &v, pattern, passive);
            } else if (mutual) {
                ev_verb v = {verb_text(c, pl, first, last), first, last};
                reciprocal_events(c, pl, &up, &lo, src, code, &v, pattern);
            } else if (visit) {
                /* "the president arrived in Sochi", "attended a summit in
                 * Geneva": a visit's target is its host, which the
                 * article's place resolution may find (else it is dropped) */
                ev_verb v = {verb_text(c, pl, first, last), first, last};
                ev_actor s[64];
                size_t ns = loc_actors(c, pl, &up, &lo, src, s, 64);
                ev_actor host = {"---", "", -1};
                c->open_target = true;
                for (size_t i = 0; i < ns; i++)
                    push_event(c, pl, &s[i], &host, code, &v, pattern, false);
                c->open_target = false;
            }
        }
        k = vp_end;                       /* a coded phrase is not searched further */
    }
}

/* ------------------------------------------------------------------ */

bool dy_parse_date(const char *s, int32_t *out)
{
    char d[9];
    size_t k = 0;
    for (const char *p = s; *p && k < 9; p++) {
        if (isdigit((unsigned char)*p))
            d[k++] = *p;
        else if (*p != '-' && *p != '/' && *p != ' ')
            return false;
    }
    if (k == 6) {          /* YYMMDD: 00-30 are 20YY, as in KEDS and TABARI */
        int yy = (d[0] - '0') * 10 + (d[1] - '0');
        memmove(d + 2, d, 6);
        d[0] = yy <= 30 ? '2' : '1';
        d[1] = yy <= 30 ? '0' : '9';
        k = 8;
    }
    if (k != 8)
        return false;
    int32_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v * 10 + (d[i] - '0');
    int month = (v / 100) % 100, day = v % 100;
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return false;
    *out = v;
    return true;
}

void dy_coder_begin(dyad_coder *c, dyad_result *out)
{
    c->in_article = false;
    memset(out, 0, sizeof *out);
    c->n_events = c->first_event = 0;
    c->n_issues = 0;
    c->tok = NULL;
    c->kind = "";
    c->err.text[0] = '\0';
    dy_arena_reset(c->arena);
}

/* Removes a comma left between a phrase and the verb phrase after it,
 * once the clause it closed is gone: "Iran, which armed Russia, condemned
 * Israel" leaves "Iran , condemned Israel", and the comma would end the
 * search for the subject.  Articles only: PETRARCH keeps it. */
static void drop_commas_before_verbs(pl_list *pl)
{
    for (int32_t i = pl->start; i + 3 < pl->n; i++) {
        const pl_item *it = &pl->items[i];
        if (!(it->kind == PL_OPEN && it->tag == PL_TAG_COMMA && it->mate == i + 2 && i > 0 &&
              pl->items[i - 1].kind == PL_CLOSE))
            continue;
        int32_t j = i + 3;
        while (j < pl->n && pl->items[j].kind == PL_CLOSE)
            j++;
        /* "(S (VP offered ...": a clause that is only a verb phrase */
        while (j < pl->n && pl->items[j].kind == PL_OPEN && strcmp(pl->items[j].label, "S") == 0)
            j++;
        if (j < pl->n && pl->items[j].kind == PL_OPEN && pl->items[j].tag == PL_TAG_VP) {
            memmove(pl->items + i, pl->items + i + 3, (size_t)(pl->n - i - 3) * sizeof *pl->items);
            pl->n -= 3;
            pl_link(pl);
            i--;
        }
    }
}

static bool has_verb_phrase(const pl_list *pl)
{
    for (int32_t i = pl->start; i < pl->n; i++)
        if (pl->items[i].kind == PL_OPEN && pl->items[i].tag == PL_TAG_VP)
            return true;
    return false;
}

dyad_status dy_code_tree(dyad_coder *c, const dy_tree *tree, int32_t date, const dy_token *tok)
{
    c->first_event = c->n_events;
    if (tree->n_tokens > DY_CODE_MAX_TOKENS)
        return dy_coder_fail(c, DYAD_ERR_LIMIT, "limit", "sentence has more than %s tokens",
                             "5000");

    pl_list pl;
    dyad_status st = pl_build(c->arena, c->eng, tree, &pl, &c->err);
    if (st != DYAD_OK) {
        c->kind = st == DYAD_ERR_NOMEM ? "nomem" : "bad_input_parse";
        return st;
    }
    if (pl_is_dateline(&pl))
        return dy_coder_fail(c, DYAD_ERR_SYNTAX, "dateline", "%s",
                             "the parse is a dateline (one compound noun phrase), not a sentence");
    /* For articles the codes are assigned before the comma clauses go: the
     * resolution of the article sees every mention, and the reporting
     * frames those clauses often hold ("..., the minister said."). */
    if (c->in_article) {
        pl_assign_codes(&pl, c->eng, date, true, c->arena);
        dy_coref_sentence(c->coref, &pl, tok, c->eng, date, c->sentence_index,
                          c->inner_pass ? c->reporter_code : NULL);
        /* an inner pass (a reported clause) keeps the frames of its sentence */
        if (!c->inner_pass)
            c->n_frames = dy_find_frames(&pl, tok, c->frames, DY_MAX_FRAMES, c->arena);
        /* PETRARCH deletes a short terminal comma clause (", officials
         * said."), which in "On Monday, Gondor visited Arnor." is the main
         * clause: for articles a deletion that leaves no verb phrase is
         * undone. */
        pl_list whole = pl;
        pl_item *copy = dy_arena_alloc(c->arena, (size_t)pl.n * sizeof *copy);
        if (copy) {
            memcpy(copy, pl.items, (size_t)pl.n * sizeof *copy);
            whole.items = copy;
        }
        pl_delete_comma_clauses(c->arena, &pl, &c->opt);
        if (copy && !has_verb_phrase(&pl) && has_verb_phrase(&whole)) {
            /* "Iran, which armed Russia, condemned Israel": the terminal
             * clause was the main one; the interior clauses may still go */
            dyad_options keep_end = c->opt;
            keep_end.comma_emax = 0;
            pl_item *again = dy_arena_alloc(c->arena, (size_t)whole.n * sizeof *again);
            pl = whole;
            if (again) {
                memcpy(again, whole.items, (size_t)whole.n * sizeof *again);
                pl.items = again;
                pl_delete_comma_clauses(c->arena, &pl, &keep_end);
                if (!has_verb_phrase(&pl))
                    pl = whole;
            }
        }
        drop_commas_before_verbs(&pl);
    } else {
        pl_delete_comma_clauses(c->arena, &pl, &c->opt);
        pl_assign_codes(&pl, c->eng, date, false, c->arena);
    }
    c->tok = tok;
    code_verbs(c, &pl);
    c->tok = NULL;
    if (c->in_article && c->n_events > c->first_event) {
        size_t n = c->n_events - c->first_event;
        dy_apply_modality(c->events + c->first_event, &n, tok, (uint32_t)tree->n_tokens);
        dy_attribute_events(c->frames, c->n_frames, c->events + c->first_event, &n);
        c->n_events = c->first_event + n;
    }

    /* An absent actor is "" in results, "---" only inside the coder. */
    for (size_t i = c->first_event; i < c->n_events; i++) {
        dyad_event *e = &c->events[i];
        if (strcmp(e->source.code, "---") == 0)
            e->source.code = "";
        if (strcmp(e->target.code, "---") == 0)
            e->target.code = "";
    }
    return DYAD_OK;
}

dyad_status dyad_code_sentence(dyad_coder *c, const dyad_sentence *s, dyad_result *out)
{
    dy_coder_begin(c, out);
    if (!s || !s->parse)
        return dy_coder_fail(c, DYAD_ERR_ARG, "bad_input_parse", "%s", "no parse given");

    int32_t date;
    if (!s->date || !dy_parse_date(s->date, &date))
        return dy_coder_fail(c, DYAD_ERR_SYNTAX, "bad_date",
                             "invalid or missing date '%s' (want YYYYMMDD)",
                             s->date ? s->date : "");

    const char *text = s->text ? s->text : "";
    if (*text && c->eng->discards) {
        const char *phrase = NULL;
        int d = dy_discards_check(c->eng->discards, text, strlen(text), &phrase);
        if (d > 0) {
            out->discarded = d;
            out->discard_phrase = phrase ? phrase : "";
            return dy_coder_fail(c, DYAD_ERR_DISCARD, d == 2 ? "storydiscard" : "sentencediscard",
                                 "discarded by '%s'", out->discard_phrase);
        }
    }

    dy_tree tree;
    size_t plen = s->parse_len ? s->parse_len : strlen(s->parse);
    dyad_status st = dy_treebank_read(c->arena, s->parse, plen, &tree, &c->err);
    if (st != DYAD_OK) {
        c->kind = st == DYAD_ERR_LIMIT ? "limit" : st == DYAD_ERR_NOMEM ? "nomem" : "bad_input_parse";
        return st;
    }
    out->parse_repaired = tree.repaired;
    st = dy_code_tree(c, &tree, date, NULL);
    if (st != DYAD_OK) {
        c->n_events = 0;
        return st;
    }
    out->n_sentences = 1;
    for (size_t i = 0; i < c->n_events; i++)
        c->events[i].sentence_id = s->id ? s->id : "";
    out->events = c->events;
    out->n_events = c->n_events;
    if (c->n_events > 0 && *text && c->eng->issues) {
        out->n_issues = dy_issues_find(c->eng->issues, text, strlen(text), c->issue_buf,
                                       DY_CODE_MAX_ISSUES);
        for (size_t i = 0; i < out->n_issues; i++)
            c->issue_buf[i].sentence = 0;
        out->issues = c->issue_buf;
    }
    return DYAD_OK;
}

/* coref.c -- actor coreference across an article (see coref.h for the
 * rules and why they are this conservative). */
#include "doc/coref.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dict/engine.h"
#include "doc/docutil.h"
#include "tag/lemma.h"
#include "tag/tagset.h"

#define MAX_NE_WORDS 64      /* longer noun phrases are not resolved or recorded */
#define MAX_NAMES 8          /* name words kept per actor */

/* An actor seen earlier in the article. */
typedef struct entity {
    const char *code;        /* full code ("CHNGOV"); NULL: a named person the
                                dictionaries do not know (kept so that it can
                                make a later short name ambiguous) */
    const char *names[MAX_NAMES];   /* proper-noun words */
    uint32_t name_hash[MAX_NAMES];  /* their case-folded hashes (name_hash()) */
    uint32_t n_names;
    uint32_t last_sentence;
    bool person;
} entity;

struct dy_coref {
    dy_arena *doc;
    entity *v;
    size_t n, cap;
};

dy_coref *dy_coref_create(void)
{
    return calloc(1, sizeof(dy_coref));
}

void dy_coref_free(dy_coref *cr)
{
    if (!cr)
        return;
    free(cr->v);
    free(cr);
}

void dy_coref_begin(dy_coref *cr, dy_arena *doc)
{
    cr->doc = doc;
    cr->n = 0;
}

/* ---- words -------------------------------------------------------- */

int dy_is_reporting_lemma(const char *lemma)
{
    static const char *const verbs[] = {
        "say", "tell", "state", "add", "announce", "claim", "report", "note", "stress",
        "insist", "reiterate", "explain", "write", "declare", "assert", "confirm",
        "quote", "allege", "acknowledge", "remark", "comment", "argue", "emphasize",
        "emphasise", "indicate", "maintain", "contend", "predict", "believe", "think",
    };
    for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++)
        if (strcmp(lemma, verbs[i]) == 0)
            return 1;
    return 0;
}

static bool is_honorific(const char *w)
{
    static const char *const h[] = {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr",
                                    "sir", "madam", "dame", "lord"};
    for (size_t i = 0; i < sizeof h / sizeof *h; i++)
        if (strcasecmp(w, h[i]) == 0)
            return true;
    return false;
}

static bool word_in(const char *w, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(w, list[i]) == 0)
            return true;
    return false;
}

static const char *const person_pronouns[] = {"he", "she", "him", "her"};
static const char *const reported_pronouns[] = {"he", "she", "it", "they", "we", "i"};

/* FNV-1a of the ASCII-case-folded word: names are compared by hash
 * first, since every mention is checked against every remembered actor. */
static uint32_t name_hash(const char *w)
{
    uint32_t h = 2166136261u;
    for (; *w; w++) {
        unsigned char ch = (unsigned char)*w;
        if (ch >= 'A' && ch <= 'Z')
            ch = (unsigned char)(ch - 'A' + 'a');
        h = (h ^ ch) * 16777619u;
    }
    return h;
}

/* ---- one noun phrase ------------------------------------------------ */

typedef struct mention {
    int32_t open;                 /* parse-list index of the NE */
    const char *code;             /* as coded by the dictionaries */
    const char *names[MAX_NAMES]; /* proper-noun words, in the sentence arena */
    uint32_t name_hash[MAX_NAMES];
    uint32_t n_names;
    uint32_t n_words;
    const char *first_word;
    bool titled;                  /* an agent word or honorific precedes a name */
} mention;

static void read_mention(const pl_list *pl, int32_t open, const dy_token *tok,
                         const dyad_engine *e, int32_t date, mention *m)
{
    memset(m, 0, sizeof *m);
    m->open = open;
    m->code = pl->items[open].code;
    uint32_t w[MAX_NE_WORDS];
    const pl_item *words[MAX_NE_WORDS];
    size_t n = 0;
    for (int32_t j = open + 1; j < pl->items[open].mate; j++) {
        const pl_item *it = &pl->items[j];
        if (it->kind != PL_WORD)
            continue;
        if (n == MAX_NE_WORDS) {
            m->n_words = MAX_NE_WORDS + 1;   /* too long: not a name */
            return;
        }
        words[n] = it;
        w[n++] = it->wid;
    }
    m->n_words = (uint32_t)n;
    if (n == 0)
        return;
    m->first_word = words[0]->text;
    /* Words that are titles (agents) or nationalities (country-level
     * actors) are not part of a name. */
    bool seen_title = false;
    for (size_t k = 0; k < n; k++) {
        size_t len;
        const char *code;
        bool prefix;
        if (w[k] && dy_agents_match(e->agents, w, n, k, &len, &code, &prefix)) {
            seen_title = true;
            k += len - 1;
            continue;
        }
        if (w[k] && dy_actors_match(e->actors, w, n, k, date, &len, &code) &&
            strlen(code) == 3) {
            k += len - 1;
            continue;
        }
        const char *text = words[k]->text;
        if (is_honorific(text)) {
            seen_title = true;
            continue;
        }
        int32_t t = words[k]->token;
        if (t < 0 || (tok[t].tag != DY_TAG_NNP && tok[t].tag != DY_TAG_NNPS))
            continue;
        if (!(tok[t].flags & DY_TOK_CAPITAL))
            continue;
        if (m->n_names < MAX_NAMES) {
            if (seen_title && m->n_names == 0)
                m->titled = true;
            m->name_hash[m->n_names] = name_hash(text);
            m->names[m->n_names++] = text;
        }
    }
}

/* ---- the article's actors --------------------------------------------- */

static bool names_subset(const mention *m, const entity *en)
{
    for (uint32_t i = 0; i < m->n_names; i++) {
        bool found = false;
        for (uint32_t j = 0; j < en->n_names && !found; j++)
            found = m->name_hash[i] == en->name_hash[j] &&
                    strcasecmp(m->names[i], en->names[j]) == 0;
        if (!found)
            return false;
    }
    return true;
}

static bool same_code(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

/* The actors remembered per article: enough for any news story, and a
 * bound on the cost of each lookup (every rule scans them all), so a
 * multi-megabyte "article" stays linear.  When full, the actor mentioned
 * least recently makes room. */
#define MAX_ENTITIES 256

static entity *new_entity(dy_coref *cr)
{
    if (cr->n == MAX_ENTITIES) {
        size_t old = 0;
        for (size_t i = 1; i < cr->n; i++)
            if (cr->v[i].last_sentence < cr->v[old].last_sentence)
                old = i;
        memset(&cr->v[old], 0, sizeof cr->v[old]);
        return &cr->v[old];
    }
    if (cr->n == cr->cap) {
        size_t ncap = cr->cap ? cr->cap * 2 : 32;
        entity *nv = realloc(cr->v, ncap * sizeof *nv);
        if (!nv)
            return NULL;
        cr->v = nv;
        cr->cap = ncap;
    }
    entity *en = &cr->v[cr->n++];
    memset(en, 0, sizeof *en);
    return en;
}

/* Records a mention after resolution: the same actor again (its words
 * among an earlier one's, with the same code) or a new one. */
static void record(dy_coref *cr, const mention *m, const char *code, uint32_t sentence)
{
    const char *full = dy_has_full_code(code) ? code : NULL;
    if (!full && m->n_names == 0)
        return;
    for (size_t i = cr->n; i-- > 0;) {
        entity *en = &cr->v[i];
        if (m->n_names == 0 ? en->n_names != 0 : !names_subset(m, en))
            continue;
        if (same_code(en->code, full)) {
            en->last_sentence = sentence;
            return;
        }
    }
    entity *en = new_entity(cr);
    if (!en)
        return;
    en->code = full ? dy_arena_strdup(cr->doc, full) : NULL;
    if (full && !en->code) {
        en->n_names = 0;     /* out of memory: an empty slot matches nothing */
        return;
    }
    for (uint32_t i = 0; i < m->n_names; i++) {
        const char *copy = dy_arena_strdup(cr->doc, m->names[i]);
        if (copy) {
            en->name_hash[en->n_names] = m->name_hash[i];
            en->names[en->n_names++] = copy;
        }
    }
    en->last_sentence = sentence;
    en->person = m->n_names >= 2 || (m->n_names >= 1 && m->titled);
}

/* Rule 1: the mention's name words all belong to earlier actors of one code. */
static const char *by_name(const dy_coref *cr, const mention *m)
{
    if (m->n_names == 0)
        return NULL;
    const char *found = NULL;
    bool any = false;
    for (size_t i = 0; i < cr->n; i++) {
        const entity *en = &cr->v[i];
        if (en->n_names == 0 || !names_subset(m, en))
            continue;
        if (any && !same_code(found, en->code))
            return NULL;               /* two different actors: ambiguous */
        found = en->code;
        any = true;
    }
    return found;
}

/* Rule 2: "the president" -> the latest actor coded with that agent. */
/* Does a full code hold every agent group of an incomplete one?  "---GOV"
 * fits "CHNGOV", "NGO---" fits "NGOFRA", "---JUD" fits "IGOJUDICC": codes
 * are runs of 3-letter groups, the country (or IGO) first or after a
 * prefix agent. */
static bool fits_agents(const char *full, const char *partial, size_t pl)
{
    size_t fl = strlen(full);
    if (fl < 6 || fl % 3 != 0 || pl % 3 != 0)
        return false;
    bool any = false;
    for (size_t i = 0; i < pl; i += 3) {
        if (memcmp(partial + i, "---", 3) == 0)
            continue;
        bool found = false;
        for (size_t j = 0; j < fl && !found; j += 3)
            found = memcmp(full + j, partial + i, 3) == 0;
        if (!found)
            return false;
        any = true;
    }
    return any;
}

/* Rule 2: "the president" -> the latest actor coded with that agent. */
static const char *by_agent(const dy_coref *cr, const mention *m, uint32_t sentence)
{
    if (m->n_names > 0 || !m->first_word || strcasecmp(m->first_word, "the") != 0)
        return NULL;
    const entity *latest = NULL;
    const char *only = NULL;
    bool several = false;
    size_t pl = strlen(m->code);
    for (size_t i = 0; i < cr->n; i++) {
        const entity *en = &cr->v[i];
        if (!en->code || !fits_agents(en->code, m->code, pl))
            continue;
        if (!latest || en->last_sentence >= latest->last_sentence)
            latest = en;
        if (only && strcmp(only, en->code) != 0)
            several = true;
        only = en->code;
    }
    if (!latest)
        return NULL;
    if (latest->last_sentence + 1 >= sentence) {
        /* recent: it must be the only such actor of that sentence ("Xi met
         * Putin. The president ..." is left alone) */
        for (size_t i = 0; i < cr->n; i++) {
            const entity *en = &cr->v[i];
            if (en->code && en->last_sentence == latest->last_sentence &&
                fits_agents(en->code, m->code, pl) && strcmp(en->code, latest->code) != 0)
                return NULL;
        }
        return latest->code;
    }
    return several ? NULL : only;
}

/* Rule 3a: "he"/"she" -> the one person of this or the previous sentence. */
static const char *by_person_pronoun(const dy_coref *cr, uint32_t sentence)
{
    const char *found = NULL;
    bool any = false;
    for (size_t i = 0; i < cr->n; i++) {
        const entity *en = &cr->v[i];
        if (!en->person || en->last_sentence + 1 < sentence)
            continue;
        if (any && !same_code(found, en->code))
            return NULL;
        found = en->code;
        any = true;
    }
    return found;
}

/* A description or pronoun that was resolved keeps its actor current
 * ("he" in three sentences in a row). */
static void touch(dy_coref *cr, const char *code, uint32_t sentence)
{
    for (size_t i = cr->n; i-- > 0;)
        if (cr->v[i].code && strcmp(cr->v[i].code, code) == 0) {
            cr->v[i].last_sentence = sentence;
            return;
        }
}

/* Rule 3b: the pronoun opens the clause reported by a speech verb ("China
 * said it would ...", "Putin told reporters he ...", "said that they");
 * returns the parse-list index of the reporter's NE, or -1. */
static int32_t reporter_of(const pl_list *pl, int32_t open, const dy_token *tok)
{
    int32_t k = open - 1;
    bool skipped_ne = false, skipped_that = false;
    /* back over brackets, "that" and at most one addressee NE to the verb */
    for (; k >= pl->start; k--) {
        const pl_item *it = &pl->items[k];
        if (it->kind == PL_CLOSE && it->tag == PL_TAG_NE && !skipped_ne) {
            skipped_ne = true;
            k = it->mate;
            continue;
        }
        if (it->kind != PL_WORD)
            continue;
        if (!skipped_that && strcasecmp(it->text, "that") == 0) {
            skipped_that = true;
            continue;
        }
        break;
    }
    if (k < pl->start || pl->items[k].kind != PL_WORD || pl->items[k].token < 0)
        return -1;
    const dy_token *v = &tok[pl->items[k].token];
    if (!dy_is_verb_tag(v->tag))
        return -1;
    char buf[64];
    const char *lemma = dy_token_lemma(v, buf, sizeof buf);
    if (!lemma || !dy_is_reporting_lemma(lemma))
        return -1;
    if (skipped_ne && strcmp(lemma, "tell") != 0)
        return -1;                     /* only "tell" takes an addressee */
    /* back from the verb over auxiliaries and adverbs to the subject */
    for (k--; k >= pl->start; k--) {
        const pl_item *it = &pl->items[k];
        if (it->kind == PL_CLOSE && it->tag == PL_TAG_NE)
            return it->mate;
        if (it->kind != PL_WORD)
            continue;
        if (it->token < 0)
            return -1;
        uint8_t t = tok[it->token].tag;
        if (t == DY_TAG_MD || t == DY_TAG_RB || dy_is_verb_tag(t))
            continue;
        return -1;
    }
    return -1;
}

/* "We will ...," the minister said: a first-person pronoun inside quotes
 * is the speaker of the reporting verb after the closing quote. */
static int32_t quoted_speaker(const pl_list *pl, int32_t open, const dy_token *tok)
{
    bool in_quote = false;
    for (int32_t k = open - 1; k >= pl->start; k--)
        if (pl->items[k].kind == PL_WORD && pl->items[k].token >= 0 &&
            tok[pl->items[k].token].tag == DY_TAG_LQUOTE) {
            in_quote = true;
            break;
        }
    if (!in_quote)
        return -1;
    bool closed = false;
    for (int32_t k = open + 1; k < pl->n; k++) {
        const pl_item *it = &pl->items[k];
        if (it->kind != PL_WORD || it->token < 0)
            continue;
        const dy_token *t = &tok[it->token];
        if (t->tag == DY_TAG_RQUOTE) {
            closed = true;
            continue;
        }
        if (!closed || !dy_is_verb_tag(t->tag))
            continue;
        char buf[64];
        const char *lemma = dy_token_lemma(t, buf, sizeof buf);
        if (!lemma || !dy_is_reporting_lemma(lemma))
            return -1;
        /* the speaker: the NE just before the verb, or just after it */
        for (int32_t j = k - 1; j > open; j--) {
            if (pl->items[j].kind == PL_CLOSE && pl->items[j].tag == PL_TAG_NE)
                return pl->items[j].mate;
            if (pl->items[j].kind == PL_WORD)
                break;
        }
        for (int32_t j = k + 1; j < pl->n; j++) {
            if (pl->items[j].kind == PL_OPEN && pl->items[j].tag == PL_TAG_NE)
                return j;
            if (pl->items[j].kind == PL_WORD)
                break;
        }
        return -1;
    }
    return -1;
}

static const char *const possessives[] = {"its", "their", "his", "her"};

/* "The Taliban said their forces had killed ...", "Russia said its troops
 * ...": an agent after a possessive pronoun belongs to the pronoun's
 * referent -- the speaker of a reported clause, the person last named for
 * his/her, else the nearest fully coded actor before it in the sentence --
 * and takes that actor's country with its own sector (AFG + MIL).  A
 * referent that is not one country (an international body) gives none. */
static const char *by_possessor(const pl_list *pl, int32_t at, const char *code,
                                const char *reporter, bool first, const dy_coref *cr,
                                uint32_t sentence, const char *pronoun)
{
    const char *owner = NULL;
    if (reporter && dy_has_full_code(reporter) && (first || strcasecmp(pronoun, "its") == 0 ||
                                                   strcasecmp(pronoun, "their") == 0))
        owner = reporter;
    if (!owner && (strcasecmp(pronoun, "his") == 0 || strcasecmp(pronoun, "her") == 0))
        owner = by_person_pronoun(cr, sentence);
    for (int32_t j = at - 1; !owner && j >= pl->start; j--)
        if (pl->items[j].kind == PL_OPEN && pl->items[j].tag == PL_TAG_NE &&
            strcmp(pl->items[j].code, "---") != 0) {
            owner = pl->items[j].code;
            /* "accused the opposition ... the arrest of its leaders": an
             * owner known only by its sector lends that sector */
            if (!dy_has_full_code(owner))
                return strncmp(owner, "---", 3) == 0 ? owner : NULL;
        }
    if (!owner || strlen(owner) < 3 || strncmp(owner, "IGO", 3) == 0 ||
        strncmp(owner, "NGO", 3) == 0 || strncmp(owner, "IMG", 3) == 0)
        return NULL;
    for (int k = 0; k < 3; k++)
        if (owner[k] < 'A' || owner[k] > 'Z')
            return NULL;
    size_t n = strlen(code + 3);
    char *out = dy_arena_alloc(cr->doc, 4 + n);
    if (!out)
        return NULL;
    memcpy(out, owner, 3);
    memcpy(out + 3, code + 3, n + 1);
    return out;
}

/* "the two leaders", "both sides", "the two countries": a plural that
 * counts two stands for the two actors the article has named last (in this
 * sentence or the two before), when they are of different countries:
 * coded "A/B", which the coder reads as two actors. */
static const char *by_pair(dy_coref *cr, const pl_list *pl, int32_t open, uint32_t sentence)
{
    static const char *const nouns[] = {
        "leaders", "presidents", "ministers", "countries", "nations", "sides", "governments",
        "armies", "delegations", "parties", "neighbours", "neighbors", "rivals", "allies",
        "men", "heads", "premiers", "states"};
    const char *w[4];
    int n = 0;
    for (int32_t j = open + 1; j < pl->items[open].mate; j++)
        if (pl->items[j].kind == PL_WORD) {
            if (n == 4)
                return NULL;
            w[n++] = pl->items[j].text;
        }
    int k = 0;
    if (k < n && strcasecmp(w[k], "the") == 0)
        k++;
    if (!(k < n && (strcasecmp(w[k], "two") == 0 || strcasecmp(w[k], "both") == 0)))
        return NULL;
    k++;
    if (k + 1 != n || !word_in(w[k], nouns, sizeof nouns / sizeof *nouns))
        return NULL;
    /* "the two leaders" are people; "the two countries" their states */
    static const char *const people[] = {"leaders", "presidents", "ministers", "men",
                                         "heads", "premiers"};
    static const char *const states[] = {"countries", "nations", "states", "neighbours",
                                         "neighbors"};
    bool persons = word_in(w[k], people, sizeof people / sizeof *people);
    bool countries = word_in(w[k], states, sizeof states / sizeof *states);
    const entity *a = NULL, *b = NULL;
    for (size_t i = cr->n; i-- > 0;) {
        const entity *en = &cr->v[i];
        if (!en->code || en->last_sentence + 2 < sentence || strchr(en->code, '/') ||
            (persons && !en->person))
            continue;
        if (!a || en->last_sentence > a->last_sentence) {
            if (a && strncmp(a->code, en->code, 3) != 0)
                b = a;
            a = en;
        } else if (strncmp(a->code, en->code, 3) != 0 &&
                   (!b || en->last_sentence > b->last_sentence)) {
            b = en;
        }
    }
    if (!a || !b || strncmp(a->code, b->code, 3) == 0)
        return NULL;
    size_t la = countries ? 3 : strlen(a->code), lb = countries ? 3 : strlen(b->code);
    char *out = dy_arena_alloc(cr->doc, la + lb + 2);
    if (!out)
        return NULL;
    memcpy(out, b->code, lb);
    out[lb] = '/';
    memcpy(out + lb + 1, a->code, la);
    out[la + lb + 1] = '\0';
    return out;
}

void dy_coref_sentence(dy_coref *cr, pl_list *pl, const dy_token *tok,
                       const dyad_engine *e, int32_t date, uint32_t sentence,
                       const char *reporter)
{
    if (!cr || !tok)
        return;
    bool first_ne = true;
    for (int32_t i = pl->start; i < pl->n; i++) {
        pl_item *it = &pl->items[i];
        if (it->kind != PL_OPEN || it->tag != PL_TAG_NE || it->mate <= i)
            continue;
        mention m;
        read_mention(pl, i, tok, e, date, &m);
        bool was_first = first_ne;
        first_ne = false;
        if (m.n_words > MAX_NE_WORDS)
            continue;
        const char *code = it->code;
        if (!dy_has_full_code(code)) {
            const char *found = by_pair(cr, pl, i, sentence);
            if (found) {
                it->code = found;   /* two actors: no entity of its own */
                continue;
            }
            if (m.n_words == 1 && word_in(m.first_word, reported_pronouns,
                                          sizeof reported_pronouns / sizeof *reported_pronouns)) {
                int32_t rep = reporter_of(pl, i, tok);
                if (was_first && reporter && dy_has_full_code(reporter))
                    found = reporter;
                if (rep < 0 && (strcasecmp(m.first_word, "we") == 0 ||
                                strcasecmp(m.first_word, "i") == 0))
                    rep = quoted_speaker(pl, i, tok);
                if (!found && rep >= 0 && dy_has_full_code(pl->items[rep].code))
                    found = pl->items[rep].code;
                else if (!found && word_in(m.first_word, person_pronouns,
                                 sizeof person_pronouns / sizeof *person_pronouns))
                    found = by_person_pronoun(cr, sentence);
            } else if (m.n_names > 0) {
                found = by_name(cr, &m);
            } else if (strncmp(code, "---", 3) == 0 && code[3] &&
                       word_in(m.first_word, possessives, sizeof possessives / sizeof *possessives)) {
                found = by_possessor(pl, i, code, reporter, was_first, cr, sentence, m.first_word);
            } else if (strstr(code, "---") && strcmp(code, "---") != 0) {
                found = by_agent(cr, &m, sentence);
            }
            if (found) {
                it->code = found;
                code = found;
                if (m.n_names == 0)
                    touch(cr, found, sentence);
            }
        }
        if (m.n_words == 1 && word_in(m.first_word, reported_pronouns,
                                      sizeof reported_pronouns / sizeof *reported_pronouns))
            continue;                  /* a pronoun names nobody new */
        record(cr, &m, code, sentence);
    }
}

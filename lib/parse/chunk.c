/* chunk.c -- phrase-structure trees from tagged tokens; see chunk.h and
 * docs/phrase-structure.md.
 *
 * The cascade, in the order the stages apply:
 *   1. token classes: each tag becomes a set of class bits (noun, adjective,
 *      finite verb ...) and a few function words get a lexical cue (forms of
 *      BE/HAVE/DO, "of", "that", subordinators, weekday names ...);
 *   2. base noun phrases: [PDT] [DT|PRP$] modifiers* head, a finite-state
 *      scan over the classes (base_end), with the head trimmed back to a
 *      noun, number or pronoun;
 *   3. one left-to-right pass, without backtracking, that groups base noun
 *      phrases with what follows them (possessives, "of" and other
 *      prepositional phrases, relative clauses, reduced relatives,
 *      appositions, coordination) and builds verb groups the Treebank way
 *      (one VP per auxiliary), their complements (objects, PP, PRT, ADJP,
 *      to-infinitives, complement and subordinate clauses) and clauses.
 *      Decisions look ahead over a bounded window of classes only
 *      (clause_at, finite_ahead, coord_ahead), so the pass is linear.
 *   4. sentence assembly: clauses, commas and conjunctions at the top, with
 *      the reporting frame "S , NP said ." flattened as the Treebank does.
 * Every phrase lives in a node pool (pn) linked by child lists; the result
 * is written out once in preorder as a dy_tree.  Nesting is bounded
 * (MAX_NEST): past it no phrase function recurses, and the sentence loop
 * attaches what is left flat, so the C stack and the tree depth stay
 * bounded whatever the input. */
#include "parse/chunk.h"

#include <stdbool.h>
#include <string.h>
#ifdef DY_CHUNK_DEBUG
#include <stdlib.h>
#endif

#include "tag/tagset.h"

/* ------------------------------------------------------------------ */
/* 1. Token classes                                                    */

enum {
    T_NOUN = 1u << 0,   /* NN NNS NNP NNPS */
    T_ADJ = 1u << 1,    /* JJ JJR JJS */
    T_VERB = 1u << 2,   /* VB VBD VBG VBN VBP VBZ */
    T_FIN = 1u << 3,    /* VBD VBP VBZ MD: a finite verb */
    T_PUNCT = 1u << 4,  /* , . : `` '' -LRB- -RRB- */
    T_ADV = 1u << 5,    /* RB RBR RBS */
    T_NMOD = 1u << 6,   /* may stand inside a base noun phrase */
    T_DET = 1u << 7,    /* DT PRP$ WP$ */
    T_WH = 1u << 8,     /* WDT WP WP$ WRB */
    T_HEAD = 1u << 9,   /* may end a base noun phrase */
};

#define NOUN_BITS (T_NOUN | T_NMOD | T_HEAD)
static const uint16_t tag_bits[DY_TAG_COUNT] = {
    [DY_TAG_NN] = NOUN_BITS, [DY_TAG_NNS] = NOUN_BITS,
    [DY_TAG_NNP] = NOUN_BITS, [DY_TAG_NNPS] = NOUN_BITS,
    [DY_TAG_JJ] = T_ADJ | T_NMOD, [DY_TAG_JJR] = T_ADJ | T_NMOD, [DY_TAG_JJS] = T_ADJ | T_NMOD,
    [DY_TAG_CD] = T_NMOD | T_HEAD, [DY_TAG_FW] = T_NMOD | T_HEAD,
    [DY_TAG_DOLLAR] = T_NMOD, [DY_TAG_HASH] = T_NMOD,
    [DY_TAG_VB] = T_VERB, [DY_TAG_VBG] = T_VERB, [DY_TAG_VBN] = T_VERB,
    [DY_TAG_VBD] = T_VERB | T_FIN, [DY_TAG_VBP] = T_VERB | T_FIN, [DY_TAG_VBZ] = T_VERB | T_FIN,
    [DY_TAG_MD] = T_FIN,
    [DY_TAG_COMMA] = T_PUNCT, [DY_TAG_PERIOD] = T_PUNCT, [DY_TAG_COLON] = T_PUNCT,
    [DY_TAG_LQUOTE] = T_PUNCT, [DY_TAG_RQUOTE] = T_PUNCT,
    [DY_TAG_LRB] = T_PUNCT, [DY_TAG_RRB] = T_PUNCT,
    [DY_TAG_RB] = T_ADV, [DY_TAG_RBR] = T_ADV, [DY_TAG_RBS] = T_ADV,
    [DY_TAG_DT] = T_DET, [DY_TAG_PRPS] = T_DET, [DY_TAG_WPS] = T_DET | T_WH,
    [DY_TAG_WDT] = T_WH, [DY_TAG_WP] = T_WH, [DY_TAG_WRB] = T_WH,
};

/* Lexical cues: the few function words whose tag alone does not say
 * enough. */
enum {
    L_NONE = 0,
    L_OF,        /* of */
    L_BE,        /* be is are was were been being am 's 're 'm */
    L_HAVE,      /* have has had having 've */
    L_DO,        /* do does did */
    L_THAT,      /* that */
    L_SUB,       /* subordinators: after before while as because since ... */
    L_TIME,      /* weekday names, today, yesterday, tomorrow, tonight */
    L_NOT,       /* not n't never */
    L_ACCORDING, /* according (to) */
    L_AGO,       /* ago */
    L_TNOUN,     /* week month year night morning evening afternoon weekend */
    L_TMOD,      /* this next last past coming previous early late */
    L_NPREP,     /* in between: prepositions that mostly modify nouns */
    L_QPW,       /* at about around up more less fewer: may open a quantifier */
};

static uint8_t lex_class(const char *w, size_t len)
{
    char b[12];
    if (len == 0 || len > 9)
        return L_NONE;
    for (size_t k = 0; k < len; k++) {
        char c = w[k];
        b[k] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
#define IS(s) (len == sizeof(s) - 1 && memcmp(b, s, sizeof(s) - 1) == 0)
    switch (b[0]) {
    case '\'':
        if (IS("'s") || IS("'re") || IS("'m"))
            return L_BE;
        if (IS("'ve"))
            return L_HAVE;
        break;
    case 'a':
        if (IS("at") || IS("about") || IS("around"))
            return L_QPW;
        if (IS("are") || IS("am"))
            return L_BE;
        if (IS("after") || IS("although") || IS("as"))
            return L_SUB;
        if (IS("according"))
            return L_ACCORDING;
        if (IS("ago"))
            return L_AGO;
        if (IS("afternoon"))
            return L_TNOUN;
        break;
    case 'b':
        if (IS("be") || IS("been") || IS("being"))
            return L_BE;
        if (IS("because") || IS("before"))
            return L_SUB;
        if (IS("between"))
            return L_NPREP;
        break;
    case 'c':
        if (IS("coming"))
            return L_TMOD;
        break;
    case 'e':
        if (IS("evening"))
            return L_TNOUN;
        if (IS("early") || IS("earlier"))
            return L_TMOD;
        break;
    case 'd':
        if (IS("do") || IS("does") || IS("did"))
            return L_DO;
        if (IS("day") || IS("days") || IS("decade") || IS("decades"))
            return L_TNOUN;
        break;
    case 'f':
        if (IS("friday"))
            return L_TIME;
        if (IS("fewer"))
            return L_QPW;
        break;
    case 'h':
        if (IS("have") || IS("has") || IS("had") || IS("having"))
            return L_HAVE;
        if (IS("hour") || IS("hours"))
            return L_TNOUN;
        break;
    case 'i':
        if (IS("is"))
            return L_BE;
        if (IS("if"))
            return L_SUB;
        if (IS("in"))
            return L_NPREP;
        break;
    case 'l':
        if (IS("last") || IS("late") || IS("later"))
            return L_TMOD;
        if (IS("less"))
            return L_QPW;
        break;
    case 'm':
        if (IS("monday"))
            return L_TIME;
        if (IS("more"))
            return L_QPW;
        if (IS("month") || IS("months") || IS("morning") || IS("minutes"))
            return L_TNOUN;
        break;
    case 'n':
        if (IS("not") || IS("n't") || IS("never"))
            return L_NOT;
        if (IS("next"))
            return L_TMOD;
        if (IS("night"))
            return L_TNOUN;
        break;
    case 'o':
        if (IS("of"))
            return L_OF;
        if (IS("once"))
            return L_SUB;
        break;
    case 'p':
        if (IS("past") || IS("previous"))
            return L_TMOD;
        break;
    case 's':
        if (IS("since"))
            return L_SUB;
        if (IS("saturday") || IS("sunday"))
            return L_TIME;
        break;
    case 't':
        if (IS("that"))
            return L_THAT;
        if (IS("though"))
            return L_SUB;
        if (IS("thursday") || IS("tuesday") || IS("today") || IS("tomorrow") || IS("tonight"))
            return L_TIME;
        if (IS("this"))
            return L_TMOD;
        break;
    case 'u':
        if (IS("until") || IS("unless"))
            return L_SUB;
        if (IS("up"))
            return L_QPW;
        break;
    case 'w':
        if (IS("was") || IS("were"))
            return L_BE;
        if (IS("while") || IS("whereas") || IS("whether"))
            return L_SUB;
        if (IS("wednesday"))
            return L_TIME;
        if (IS("week") || IS("weeks") || IS("weekend"))
            return L_TNOUN;
        break;
    case 'y':
        if (IS("yesterday"))
            return L_TIME;
        if (IS("year") || IS("years"))
            return L_TNOUN;
        break;
    default:
        break;
    }
#undef IS
    return L_NONE;
}

/* Verbs that take a complement clause without "that" ("said Arnor and
 * Gondor met"), by the start of the word: say, believe, think, hope ... */
static bool takes_bare_clause(const char *w, size_t len)
{
    static const char *const stems[] = {
        "said", "say", "believ", "think", "thought", "hope", "hoping", "expect", "know",
        "knew", "claim", "warn", "fear", "announc", "report", "insist", "den", "feel",
        "felt", "suggest", "admit", "acknowledg", "agree", "argu", "estimat", "indicat",
        "confirm", "add", "note", "noting", "recall", "told", "tell", "assert", "state",
        "stating", "reveal", "ensur", "predict", "show", "prov", "allege", "alleging",
        "contend", "explain", "assum", "conclud", "decid", "declar", "emphasi", "guess",
        "imply", "implie", "learn", "mean", "meant", "realiz", "realis", "recogni",
        "repl", "stress", "suspect", "understood", "understand", "wish", "worr", "pledg",
        "promis", "vow", "threaten", "urg", "demand", "accept", "complain", "concede",
        "conced", "doubt", "figur", "find", "found", "guarantee", "hear", "heard",
        "maintain", "mention", "notic", "observ", "pray", "remember", "seem", "signal",
        "swear", "swore", "sworn", "testif", "writ", "wrote", "ask",
    };
    char b[16];
    if (len == 0 || len >= sizeof b)
        return false;
    for (size_t k = 0; k < len; k++) {
        char c = w[k];
        b[k] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    for (size_t k = 0; k < sizeof stems / sizeof stems[0]; k++) {
        size_t l = strlen(stems[k]);
        if (l <= len && memcmp(b, stems[k], l) == 0)
            return true;
    }
    return false;
}

/* A tag for a token the tagger left untagged: enough for the cascade. */
static uint8_t guess_tag(const char *w, size_t len, uint8_t lex)
{
    if (len == 0)
        return DY_TAG_SYM;
    unsigned char c = (unsigned char)w[0];
    if (len == 1) {
        switch (c) {
        case ',': return DY_TAG_COMMA;
        case '.': case '!': case '?': return DY_TAG_PERIOD;
        case ':': case ';': case '-': return DY_TAG_COLON;
        case '(': case '[': case '{': return DY_TAG_LRB;
        case ')': case ']': case '}': return DY_TAG_RRB;
        case '"': return DY_TAG_LQUOTE;
        case '$': return DY_TAG_DOLLAR;
        case '#': return DY_TAG_HASH;
        default: break;
        }
    }
    switch (lex) {
    case L_BE: case L_HAVE: case L_DO: return DY_TAG_VBZ;
    case L_OF: case L_SUB: return DY_TAG_IN;
    case L_NOT: case L_AGO: return DY_TAG_RB;
    case L_TIME: return DY_TAG_NNP;
    default: break;
    }
    if (c >= '0' && c <= '9')
        return DY_TAG_CD;
    if (c >= 'A' && c <= 'Z')
        return DY_TAG_NNP;
    if ((c >= 'a' && c <= 'z') || c >= 0x80)
        return DY_TAG_NN;
    return DY_TAG_SYM;
}

/* ------------------------------------------------------------------ */
/* The node pool and the parser state                                  */

/* Phrase labels: one copy each, so that labels compare as pointers. */
static const char LB_ADJP[] = "ADJP";
static const char LB_ADVP[] = "ADVP";
static const char LB_NP[] = "NP";
static const char LB_NP_TMP[] = "NP-TMP";
static const char LB_PP[] = "PP";
static const char LB_PRN[] = "PRN";
static const char LB_PRT[] = "PRT";
static const char LB_QP[] = "QP";
static const char LB_ROOT[] = "ROOT";
static const char LB_S[] = "S";
static const char LB_SBAR[] = "SBAR";
static const char LB_SINV[] = "SINV";
static const char LB_VP[] = "VP";
static const char LB_WHADVP[] = "WHADVP";
static const char LB_WHNP[] = "WHNP";
static const char LB_WHPP[] = "WHPP";

typedef struct pn {
    const char *label;
    int32_t first, last, next;   /* child list; -1 when none */
} pn;

enum { CTX_SUBJ, CTX_OBJ, CTX_POBJ };   /* where a noun phrase stands */
enum { MAX_NEST = 96 };                 /* recursion (and so tree depth) bound */
enum { PAD = 8 };                       /* look-ahead slots past the end */
enum { WINDOW = 24 };                   /* tokens any look-ahead scans */
enum { MAX_BASE = 64 };                 /* tokens in one base noun phrase */

typedef struct ps {
    const dy_token *tok;
    int32_t n;
    uint8_t *tag;   /* n + PAD, DY_TAG_NONE past the end */
    uint8_t *lex;   /* n + PAD */
    int32_t *bcache;/* 4 n: base_end() answers, -1 unknown */
    pn *nd;         /* 0..n-1: the preterminals; then phrases; nd[cap] is
                       a scratch node used only after running out of memory */
    int32_t nn, cap;
    dy_arena *arena;
    int32_t i;      /* the next token */
    int depth;
    bool in_subj;   /* parsing a subject, before its verb */
    bool no_bare;   /* in a reduced relative of a subject: the next finite
                       verb is the clause's, not a complement clause's */
    bool nomem;     /* the pool could not grow: the build fails */
} ps;

static size_t tok_len(const dy_token *t)
{
    return t->text ? (t->len ? t->len : strlen(t->text)) : 0;
}

static inline uint8_t T(const ps *p, int32_t i)
{
    return p->tag[i];
}

static inline unsigned B(const ps *p, int32_t i)
{
    return tag_bits[p->tag[i]];
}

static inline uint8_t LX(const ps *p, int32_t i)
{
    return p->lex[i];
}

/* A new phrase node.  The pool doubles (a new block from the arena, the
 * old one copied) when full, so memory stays linear in the phrases made. */
static int32_t mk(ps *p, const char *label)
{
    if (p->nn >= p->cap && !p->nomem) {
        int32_t ncap = 2 * p->cap;
        pn *nd = dy_arena_alloc(p->arena, ((size_t)ncap + 1) * sizeof *nd);
        if (nd) {
            memcpy(nd, p->nd, (size_t)p->nn * sizeof *nd);
            p->nd = nd;
            p->cap = ncap;
        } else {
            p->nomem = true;
        }
    }
    if (p->nomem) {
        p->nd[p->cap] = (pn){label, -1, -1, -1};
        return p->cap;              /* scratch: never linked, never written */
    }
    int32_t k = p->nn++;
    p->nd[k] = (pn){label, -1, -1, -1};
    return k;
}

static void add(ps *p, int32_t parent, int32_t child)
{
    if (child < 0 || child == parent || parent == p->cap || child == p->cap)
        return;
    pn *q = &p->nd[parent];
    p->nd[child].next = -1;
    if (q->last < 0)
        q->first = child;
    else
        p->nd[q->last].next = child;
    q->last = child;
}

/* Consumes the next token: its preterminal node has the token's index. */
static int32_t leaf(ps *p)
{
    return p->i < p->n ? p->i++ : -1;
}

static int32_t wrap(ps *p, const char *label, int32_t child)
{
    if (child < 0)
        return -1;
    int32_t k = mk(p, label);
    add(p, k, child);
    return k;
}

/* ------------------------------------------------------------------ */
/* 2. Base noun phrases                                                */

static bool is_verb(const ps *p, int32_t k)
{
    return (B(p, k) & T_VERB) != 0;
}

static bool is_aux(const ps *p, int32_t k)
{
    uint8_t l = LX(p, k);
    return T(p, k) == DY_TAG_MD ||
           ((B(p, k) & T_VERB) && (l == L_BE || l == L_HAVE || l == L_DO));
}

/* Is token k the word w (lower case, ASCII case-insensitively)? */
static bool word_is(const ps *p, int32_t k, const char *w)
{
    if (k >= p->n || !p->tok[k].text)
        return false;
    const char *t = p->tok[k].text;
    for (; *w; w++, t++) {
        char c = *t;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != *w)
            return false;
    }
    return *t == '\0';
}

/* The words of a quantifier before a number -- "at least", "more than",
 * "as many as", "up to", "about" -- or 0. */
static int32_t qp_len(const ps *p, int32_t k)
{
    uint8_t t = T(p, k), l = LX(p, k);
    int32_t q = 0;
    if (l != L_QPW && l != L_SUB)     /* "as" (many as) is a subordinator */
        return 0;
    switch (t) {
    case DY_TAG_IN:
        if (word_is(p, k, "at") && (word_is(p, k + 1, "least") || word_is(p, k + 1, "most")))
            q = 2;
        else if (word_is(p, k, "about") || word_is(p, k, "around"))
            q = 1;
        /* fall through */
    case DY_TAG_RB:
    case DY_TAG_RP:
        if (q == 0 && word_is(p, k, "as") && (word_is(p, k + 1, "many") || word_is(p, k + 1, "much")) &&
            word_is(p, k + 2, "as"))
            q = 3;
        else if (q == 0 && T(p, k + 1) == DY_TAG_TO && word_is(p, k, "up"))
            q = 2;
        break;
    case DY_TAG_JJR:
    case DY_TAG_RBR:
        if (word_is(p, k + 1, "than"))
            q = 2;
        break;
    default:
        return 0;
    }
    return q > 0 && T(p, k + q) == DY_TAG_CD ? q : 0;
}

/* End of the base noun phrase that starts at i, or i when none starts
 * there: [PDT] [DT|PRP$|WP$] modifiers* head.  `det` allows the
 * determiner (not after a possessive); `vmod` lets a participle open the
 * phrase ("exiled dissidents").  A weekday name after a noun is left out
 * ("lawmakers Tuesday endorsed"). */
static int32_t base_end_(const ps *p, int32_t i, bool det, bool vmod);

/* base_end() is asked again and again at the same places by the
 * look-aheads: its answers are kept per (position, det, vmod). */
static int32_t base_end(const ps *p, int32_t i, bool det, bool vmod)
{
    if (i >= p->n)
        return i;
    int32_t *slot = &p->bcache[4 * i + 2 * det + vmod];
    if (*slot < 0)
        *slot = base_end_(p, i, det, vmod);
    return *slot;
}

static int32_t base_end_(const ps *p, int32_t i, bool det, bool vmod)
{
    /* n here bounds the scan: a longer run is cut into several phrases,
     * and every call stays O(MAX_BASE) */
    int32_t n = i + MAX_BASE < p->n ? i + MAX_BASE : p->n, j = i;
    if (j >= n)
        return i;
    uint8_t t = T(p, j);
    if (t == DY_TAG_PRP || t == DY_TAG_EX)
        return det ? j + 1 : i;
    if (det) {
        if (t == DY_TAG_PDT)
            j++;
        if (j < n && (B(p, j) & T_DET))
            j++;
        if (j == i)
            j += qp_len(p, j);
    }
    int32_t mods = j;
    while (j < n) {
        unsigned b = B(p, j);
        uint8_t tj = T(p, j);
        if (b & T_NMOD) {
            if (LX(p, j) == L_TMOD && j > mods && (B(p, j - 1) & T_NOUN) &&
                (LX(p, j + 1) == L_TIME || LX(p, j + 1) == L_TNOUN))
                break;          /* "the shooting | last Wednesday" */
            j++;
            continue;
        }
        if ((tj == DY_TAG_VBN || tj == DY_TAG_VBG) && (B(p, j + 1) & (T_NOUN | T_ADJ)) &&
            (j > mods || mods > i || (vmod && tj == DY_TAG_VBN)) &&
            !(j > mods && (B(p, j - 1) & T_NOUN))) {
            j++;
            continue;
        }
        if ((b & T_ADV) && j == mods && j + 1 < n &&
            ((B(p, j + 1) & T_ADJ) || T(p, j + 1) == DY_TAG_CD || T(p, j + 1) == DY_TAG_VBN) &&
            (B(p, j + 2) & (T_NMOD))) {     /* "almost five years", "a clearly inebriated" */
            j++;
            continue;
        }
        if ((tj == DY_TAG_CC || tj == DY_TAG_COMMA) && j > mods && (B(p, j - 1) & T_ADJ) &&
            ((B(p, j + 1) & T_ADJ) ||
             (tj == DY_TAG_CC && (B(p, j + 1) & T_NOUN) && (B(p, j + 2) & T_NOUN)))) {
            j++;
            continue;
        }
        if (tj == DY_TAG_LQUOTE && j > mods && (B(p, j + 1) & T_NMOD)) {
            /* giant `` Free Tibet '' banners */
            int32_t q = j + 1;
            while (q < n && q < j + 8 && (B(p, q) & T_NMOD))
                q++;
            if (T(p, q) == DY_TAG_RQUOTE && (B(p, q + 1) & T_NOUN)) {
                j = q + 1;
                continue;
            }
        }
        break;
    }
    /* back to a head: a noun, a number; an adjective after a determiner
     * ("the Syrian") or right before a finite verb ("Fornost welcomed") */
    while (j > mods) {
        unsigned b = B(p, j - 1);
        if (b & T_HEAD)
            break;
        if ((b & T_ADJ) && (mods > i || (B(p, j) & T_FIN)))
            break;
        j--;
    }
    if (j == mods)
        return (mods > i && T(p, mods - 1) == DY_TAG_DT) ? mods : i;  /* "those", "all" */
    if (j - mods >= 2 && LX(p, j - 1) == L_TIME && (B(p, j - 2) & T_NOUN) &&
        LX(p, j - 2) != L_TIME)
        j--;
    return j;
}

static bool np_start(const ps *p, int32_t k, bool vmod)
{
    return k < p->n && base_end(p, k, true, vmod) > k;
}

/* The leaves of a base run [from, to), with "RB JJ" and "JJ CC JJ" as
 * ADJP and runs of numbers before the head as QP. */
static void add_run(ps *p, int32_t parent, int32_t from, int32_t to)
{
    int32_t k = from;
    p->i = from;
    while (k < to) {
        int32_t e = k;
        const char *label = NULL;
        if ((B(p, k) & T_ADV) && k + 1 < to && (B(p, k + 1) & T_ADJ)) {
            e = k + 2;
            label = LB_ADJP;
        } else if ((B(p, k) & T_ADJ) && k + 2 < to && T(p, k + 1) == DY_TAG_CC &&
                   (B(p, k + 2) & (T_ADJ | T_NOUN))) {
            e = k + 3;
            label = LB_ADJP;
        } else if (k == from && qp_len(p, k) > 0) {
            e = k + qp_len(p, k);
            while (e < to && T(p, e) == DY_TAG_CD)
                e++;
            label = LB_QP;
            if (e == to) {       /* "(NP (QP at least eight))" */
                int32_t g = mk(p, label);
                while (p->i < e)
                    add(p, g, leaf(p));
                add(p, parent, g);
                return;
            }
        } else if (T(p, k) == DY_TAG_CD && k + 1 < to && T(p, k + 1) == DY_TAG_CD) {
            e = k + 2;
            while (e < to && T(p, e) == DY_TAG_CD)
                e++;
            label = LB_QP;
        }
        if (label && e < to) {
            int32_t g = mk(p, label);
            while (p->i < e)
                add(p, g, leaf(p));
            add(p, parent, g);
            k = e;
        } else {
            add(p, parent, leaf(p));
            k++;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Look-ahead over a bounded window                                    */

/* Past the adverbs at j -- at most four, so that no look-ahead runs far. */
static int32_t skip_adv(const ps *p, int32_t j)
{
    for (int m = 0; m < 4 && j < p->n && (B(p, j) & T_ADV); m++)
        j++;
    return j;
}

static bool is_sub(const ps *p, int32_t k)
{
    return T(p, k) == DY_TAG_IN && LX(p, k) == L_SUB;
}

/* End of a noun phrase for look-ahead: base phrases joined by
 * possessives and prepositions (and, with cc, by conjunctions), within
 * WINDOW tokens. */
static int32_t skip_np(const ps *p, int32_t k, bool cc)
{
    int32_t j = base_end(p, k, true, true);
    if (j == k)
        return k;
    int32_t stop = k + WINDOW < p->n ? k + WINDOW : p->n;
    while (j < stop) {
        uint8_t t = T(p, j);
        if (t == DY_TAG_POS) {
            int32_t e = base_end(p, j + 1, false, true);
            j = e > j + 1 ? e : j + 1;
            continue;
        }
        if ((t == DY_TAG_IN && LX(p, j) != L_THAT && LX(p, j) != L_SUB) ||
            (cc && t == DY_TAG_CC)) {
            int32_t e = base_end(p, j + 1, true, true);
            if (e > j + 1) {
                j = e;
                continue;
            }
        }
        break;
    }
    return j;
}

/* Does a clause -- a subject and then a finite verb -- start at k?  With
 * cc, the subject may be a coordination. */
static bool clause_at_cc(const ps *p, int32_t k, bool cc)
{
    if (k >= p->n)
        return false;
    int32_t j = skip_np(p, k, cc);
    if (j == k)
        return false;
    if (T(p, j) == DY_TAG_COMMA) {          /* "Osgiliath, the state's foe, could" */
        int32_t e = skip_np(p, j + 1, false);
        if (e > j + 1 && T(p, e) == DY_TAG_COMMA)
            j = e + 1;
    }
    j = skip_adv(p, j);
    return j < p->n && (B(p, j) & T_FIN);
}

static bool clause_at(const ps *p, int32_t k)
{
    return clause_at_cc(p, k, true);
}

/* Is there a finite verb ahead, before the end of the sentence or a
 * subordinate clause?  One relative clause is looked through: its own
 * finite verb comes first, and a subordinator inside it that opens no
 * clause ("who shot at officers while in detention in Afghanistan was
 * extradited") is passed. */
static bool finite_ahead(const ps *p, int32_t k)
{
    int32_t stop = k + WINDOW < p->n ? k + WINDOW : p->n;
    int rel = 0;    /* 1: in a relative clause before its verb; 2: after it */
    for (int32_t j = k; j < stop; j++) {
        unsigned b = B(p, j);
        if (b & T_FIN) {
            if (rel != 1)
                return true;
            rel = 2;
            continue;
        }
        uint8_t t = T(p, j), l = LX(p, j);
        if (t == DY_TAG_PERIOD || t == DY_TAG_COLON || (t == DY_TAG_COMMA && rel))
            return false;
        if (b & T_WH) {
            if (rel || t == DY_TAG_WRB || j == k)
                return false;
            rel = 1;
            continue;
        }
        if (t == DY_TAG_IN && (l == L_SUB || l == L_THAT)) {
            uint8_t nt = T(p, j + 1);
            if (rel == 2 && l == L_SUB && (nt == DY_TAG_IN || nt == DY_TAG_JJ ||
                                           nt == DY_TAG_VBN || nt == DY_TAG_VBG))
                continue;
            return false;
        }
    }
    return false;
}

/* Does a coordination or list of noun phrases continue at k (a comma or
 * CC)?  Pattern: (, NP)* ,? CC NP.  Outside the subject, a last conjunct
 * followed by a finite verb is the subject of a new clause instead. */
static bool coord_ahead(const ps *p, int32_t k, int ctx)
{
    int32_t j = k, stop = k + 3 * WINDOW < p->n ? k + 3 * WINDOW : p->n;
    bool saw_cc = false;
    while (j < stop && !saw_cc) {
        if (T(p, j) == DY_TAG_COMMA) {
            j++;
            if (T(p, j) == DY_TAG_CC) {
                j++;
                saw_cc = true;
            }
        } else if (T(p, j) == DY_TAG_CC) {
            j++;
            saw_cc = true;
        } else {
            return false;
        }
        int32_t e = skip_np(p, j, false);
        if (e == j)
            return false;
        j = e;
    }
    if (!saw_cc)
        return false;
    if (ctx != CTX_SUBJ && !p->in_subj) {
        j = skip_adv(p, j);
        if (B(p, j) & T_FIN)
            return false;
    }
    return true;
}

/* An apposition after the comma at k: ", NP" closed by a comma, the end,
 * or a relative clause -- not ", NP said". */
static bool appos_ahead(const ps *p, int32_t k, int ctx)
{
    if (p->in_subj)
        ctx = CTX_SUBJ;
    if (!np_start(p, k + 1, false) || T(p, k + 1) == DY_TAG_PRP)
        return false;
    int32_t e = skip_np(p, k + 1, false);
    if (e == k + 1)
        return false;
    uint8_t t = T(p, e);
    unsigned b = B(p, e);
    if (e >= p->n || t == DY_TAG_PERIOD || t == DY_TAG_COLON || t == DY_TAG_RQUOTE ||
        t == DY_TAG_RRB || (b & T_WH))
        return ctx != CTX_SUBJ || (b & T_WH);
    if (t == DY_TAG_COMMA) {
        int32_t f = e + 1;
        f = skip_adv(p, f);
        if (B(p, f) & (T_FIN | T_VERB))
            return true;          /* "X, the leader, said" */
        return ctx != CTX_SUBJ;
    }
    return ctx != CTX_SUBJ && (t == DY_TAG_VBN || t == DY_TAG_VBG);
}

/* ------------------------------------------------------------------ */
/* 3. Phrases                                                          */

static int32_t np_full(ps *p, int ctx);
static int32_t np_head(ps *p, int ctx, bool mods);
static int32_t pp_phrase(ps *p);
static int32_t vp_coord(ps *p, bool finite);
static int32_t clause(ps *p);
static int32_t clause_body(ps *p);
static int32_t clause_coord(ps *p);

/* "15 months ago": an NP followed by "ago" is an ADVP. */
static int32_t maybe_ago(ps *p, int32_t np)
{
    if (np >= 0 && p->i < p->n && LX(p, p->i) == L_AGO && (B(p, p->i) & T_ADV)) {
        int32_t a = wrap(p, LB_ADVP, np);
        add(p, a, leaf(p));
        return a;
    }
    return np;
}

/* A preposition and a bare time expression: "on Wednesday", "on Monday
 * night", "in late August" is not one (no cue for months), nor "over the
 * weekend".  Its length in tokens, 0 when none. */
static int32_t time_pp_len(const ps *p, int32_t k)
{
    if (T(p, k) != DY_TAG_IN || LX(p, k) == L_OF || LX(p, k) == L_SUB || LX(p, k) == L_THAT)
        return 0;
    if (LX(p, k + 1) == L_TIME && (B(p, k + 1) & T_NOUN))
        return LX(p, k + 2) == L_TNOUN ? 3 : 2;
    if (LX(p, k + 1) == L_TMOD && LX(p, k + 2) == L_TNOUN)
        return 3;
    return 0;
}

/* A time phrase between a subject and its verb ("France on Wednesday
 * accused"): it modifies the clause, not the subject. */
static bool time_pp_before_verb(const ps *p, int32_t k)
{
    int32_t l = time_pp_len(p, k);
    if (l == 0)
        return false;
    int32_t v = skip_adv(p, k + l);
    return v < p->n && (B(p, v) & T_FIN);
}

/* Should a prepositional phrase at k attach to the noun phrase before
 * it?  "of" always; in the subject every preposition (the verb is still to
 * come); after the object of a preposition "in" and "between" ("the
 * dispute in X", "ties between X and Y"); after an object of the verb no
 * other: the PP belongs to the VP ("met Arnor in Minas Tirith"). */
static bool np_takes_pp(const ps *p, int32_t k, int ctx)
{
    uint8_t t = T(p, k), l = LX(p, k);
    if (t != DY_TAG_IN && t != DY_TAG_TO)
        return false;
    if (l == L_THAT || (l == L_SUB && clause_at(p, k + 1)))
        return false;
    if (!np_start(p, k + 1, true))
        return false;
    if (l == L_OF && ctx == CTX_OBJ && k > 0 &&
        (T(p, k - 1) == DY_TAG_NNP || T(p, k - 1) == DY_TAG_NNPS)) {
        /* "accused Iran of meddling", "convicted Smith of fraud": after a
         * name that is the verb's object, "of" and a common noun phrase
         * belong to the verb; "the Republic of Korea", "Xi of China" stay
         * one name */
        int32_t e = base_end(p, k + 1, true, false);
        for (int32_t j = k + 1; j < e; j++)
            if (T(p, j) == DY_TAG_NNP || T(p, j) == DY_TAG_NNPS)
                return true;
        return false;
    }
    if (l == L_OF)
        return true;
    if (ctx == CTX_SUBJ || p->in_subj)
        return !time_pp_before_verb(p, k);
    return ctx == CTX_POBJ && l == L_NPREP;
}

/* Is a noun phrase at this place inside a subject (before its verb)? */
static bool in_subject(const ps *p, int ctx)
{
    return ctx == CTX_SUBJ || p->in_subj;
}

/* A relative clause: (SBAR (WHNP which) (S ...)), (SBAR (WHADVP where) (S ...)). */
static int32_t relative(ps *p)
{
    int32_t sb = mk(p, LB_SBAR);
    int32_t k = p->i;
    int32_t wh;
    if (T(p, k) == DY_TAG_IN) {
        wh = mk(p, LB_WHPP);
        add(p, wh, leaf(p));
        add(p, wh, wrap(p, LB_WHNP, leaf(p)));
    } else if (T(p, k) == DY_TAG_WRB) {
        wh = wrap(p, LB_WHADVP, leaf(p));
    } else {
        wh = wrap(p, LB_WHNP, leaf(p));
        if (T(p, k) == DY_TAG_WPS) {
            int32_t e = base_end(p, p->i, false, true);
            while (p->i < e)
                add(p, wh, leaf(p));
        }
    }
    add(p, sb, wh);
    add(p, sb, clause_coord(p));
    return sb;
}

static int32_t vp_phrase(ps *p);

/* A participle after a noun phrase that modifies it ("a report released
 * Tuesday", "roads leading into Mordor").  In the subject, only when the
 * clause's own finite verb comes later. */
static bool reduced_ok(const ps *p, int32_t k, int ctx)
{
    uint8_t t = T(p, k);
    if (t == DY_TAG_VBD && ctx == CTX_POBJ && !p->in_subj && !p->no_bare &&
        (T(p, k + 1) == DY_TAG_TO || T(p, k + 1) == DY_TAG_IN))
        return true;    /* "a missile believed to be": a participle tagged VBD */
    if (t != DY_TAG_VBN && t != DY_TAG_VBG)
        return false;
    if (LX(p, k) == L_ACCORDING)
        return false;
    if (in_subject(p, ctx))
        return finite_ahead(p, k + 1);
    return true;
}

/* The comma that closes a parenthesis opened by the comma at k and is
 * followed by the clause's verb ("X, in remarks published Monday, urged");
 * -1 when none. */
static int32_t paren_close(const ps *p, int32_t k)
{
    int32_t stop = k + WINDOW < p->n ? k + WINDOW : p->n;
    for (int32_t j = k + 1; j < stop; j++) {
        uint8_t t = T(p, j);
        if (t == DY_TAG_PERIOD || t == DY_TAG_COLON)
            return -1;
        if (t == DY_TAG_COMMA) {
            int32_t f = j + 1;
            f = skip_adv(p, f);
            return (B(p, f) & T_FIN) && j > k + 1 ? j : -1;
        }
    }
    return -1;
}

/* ", officials said ,": a short reporting clause between commas; returns
 * the closing comma or -1. */
static int32_t prn_ahead(const ps *p, int32_t k)
{
    if (T(p, k) != DY_TAG_COMMA)
        return -1;
    int32_t e = base_end(p, k + 1, true, false);
    if (e == k + 1 || e > k + 5)
        return -1;
    e = skip_adv(p, e);
    if (!(B(p, e) & T_FIN) || T(p, e + 1) != DY_TAG_COMMA)
        return -1;
    return e + 1;
}

static int32_t prn(ps *p)
{
    if (p->depth >= MAX_NEST)
        return -1;
    int32_t r = mk(p, LB_PRN);
    add(p, r, leaf(p));
    int32_t s = mk(p, LB_S);
    add(p, s, np_head(p, CTX_SUBJ, true));
    int32_t vp = mk(p, LB_VP);
    while (B(p, p->i) & T_ADV)
        add(p, s, wrap(p, LB_ADVP, leaf(p)));
    add(p, vp, leaf(p));
    add(p, s, vp);
    add(p, r, s);
    add(p, r, leaf(p));
    return r;
}

/* A bare time expression standing for an adverb -- "today", "Monday",
 * "last year", "this week" -- is NP-TMP, as the Treebank has it; PETRARCH
 * does not take it for an actor. */
static int32_t time_np(ps *p, int32_t np)
{
    if (np < p->n || p->nd[np].label != LB_NP)
        return np;
    bool timeword = false, tmod = false;
    for (int32_t c = p->nd[np].first; c >= 0; c = p->nd[c].next) {
        if (c >= p->n)
            return np;
        uint8_t l = LX(p, c);
        if (l == L_TIME || (l == L_TNOUN && tmod))
            timeword = true;
        else if (l == L_TMOD && !timeword)
            tmod = true;
        else
            return np;
    }
    if (timeword)
        p->nd[np].label = LB_NP_TMP;
    return np;
}

/* What follows a noun phrase and belongs to it: the rest of a phrase after
 * a possessive, prepositional phrases, relative clauses, reduced
 * relatives, a parenthesis.  `post`: np already wraps a phrase with its
 * modifiers, so more are added to it. */
static int32_t np_post(ps *p, int32_t np, int ctx, bool post)
{
    for (;;) {
        int32_t k = p->i;
        if (k >= p->n)
            break;
        uint8_t t = T(p, k);
        if (t == DY_TAG_POS) {
            add(p, np, leaf(p));
            int32_t e = base_end(p, p->i, false, true);
            if (e > p->i) {
                int32_t outer = wrap(p, LB_NP, np);
                add_run(p, outer, p->i, e);
                np = outer;
                post = false;
            }
            continue;
        }
        int32_t mod = -1;
        if (np_takes_pp(p, k, ctx)) {
            mod = pp_phrase(p);
        } else if (t == DY_TAG_IN && (T(p, k + 1) == DY_TAG_WDT || T(p, k + 1) == DY_TAG_WP)) {
            mod = relative(p);  /* "raids in which ..." */
        } else if (t == DY_TAG_WDT && LX(p, k) == L_THAT && clause_at(p, k + 1)) {
            break;              /* "hopes that X could": a complement, not a relative */
        } else if ((t == DY_TAG_WDT || t == DY_TAG_WP || t == DY_TAG_WPS) ||
                   (t == DY_TAG_WRB && !in_subject(p, ctx) && clause_at(p, k + 1))) {
            mod = relative(p);
        } else if (reduced_ok(p, k, ctx)) {
            bool save = p->no_bare;
            p->no_bare = in_subject(p, ctx);
            mod = vp_phrase(p);
            p->no_bare = save;
        } else if (t == DY_TAG_LRB && np_start(p, k + 1, true)) {
            mod = mk(p, LB_PRN);
            add(p, mod, leaf(p));
            add(p, mod, np_full(p, CTX_POBJ));
            if (T(p, p->i) == DY_TAG_RRB)
                add(p, mod, leaf(p));
        }
        if (mod < 0 || p->i == k)
            break;
        if (!post) {
            np = wrap(p, LB_NP, np);
            post = true;
        }
        add(p, np, mod);
    }
    return np;
}

static int32_t np_head_(ps *p, int ctx, bool mods)
{
    int32_t i = p->i;
    int32_t j = base_end(p, i, true, !in_subject(p, ctx));
    if (j == i)
        return -1;
    int32_t np = mk(p, LB_NP);
    add_run(p, np, i, j);
    return mods ? np_post(p, np, ctx, false) : np;
}

static int32_t np_head(ps *p, int ctx, bool mods)
{
    if (p->depth >= MAX_NEST)
        return -1;
    p->depth++;
    int32_t r = np_head_(p, ctx, mods);
    p->depth--;
    return r;
}

/* A single preterminal noun phrase "(NP (NNP X))"? */
static bool single_leaf(const ps *p, int32_t np)
{
    if (np < p->n)
        return false;
    const pn *q = &p->nd[np];
    return q->first >= 0 && q->first == q->last && q->first < p->n &&
           (B(p, q->first) & T_NOUN);
}

/* A first conjunct that may share its words with bare nouns after it:
 * one bare noun ("Arnor"), or [DT] adjectives and one common noun ("the
 * Danish media" and government). */
static bool flat_first(const ps *p, int32_t np)
{
    if (np < p->n)
        return false;
    int32_t nouns = 0, mods = 0, last = -1;
    for (int32_t c = p->nd[np].first; c >= 0; c = p->nd[c].next) {
        if (c >= p->n)
            return false;
        unsigned b = B(p, c);
        if (b & T_NOUN)
            nouns++;
        else if (b & (T_ADJ | T_DET))
            mods++;
        else
            return false;
        last = c;
    }
    if (nouns != 1 || last < 0 || !(B(p, last) & T_NOUN))
        return false;
    return mods == 0 || T(p, last) == DY_TAG_NN || T(p, last) == DY_TAG_NNS;
}

/* All leaves, all proper nouns ("Minas Tirith")? */
static bool proper_only(const ps *p, int32_t np)
{
    if (np < p->n || p->nd[np].first < 0)
        return false;
    for (int32_t c = p->nd[np].first; c >= 0; c = p->nd[c].next)
        if (c >= p->n || (T(p, c) != DY_TAG_NNP && T(p, c) != DY_TAG_NNPS))
            return false;
    return true;
}

static int32_t np_full_(ps *p, int ctx)
{
    int32_t head = np_head(p, ctx, true);
    if (head < 0)
        return -1;
    int32_t k = p->i;
    if (k < p->n && (T(p, k) == DY_TAG_CC || T(p, k) == DY_TAG_COMMA) && coord_ahead(p, k, ctx)) {
        /* Coordination: X and Y; X, Y and Z.  Flat when the conjuncts after
         * the first are bare nouns ("Danish media and government"; the
         * coder shares the adjectives), and then a prepositional phrase
         * after the last one modifies them all ("lawmakers and officials
         * in X"); else NP CC NP. */
        int32_t items[64];
        int nitems = 0;
        items[nitems++] = head;
        bool flat = flat_first(p, head), distribute = false;
        while (nitems < 60 && p->i < p->n) {
            int32_t at = p->i;
            bool cc = false;
            if (T(p, at) == DY_TAG_COMMA && (T(p, at + 1) == DY_TAG_CC || np_start(p, at + 1, true))) {
                items[nitems++] = leaf(p);
                if (T(p, p->i) == DY_TAG_CC) {
                    items[nitems++] = leaf(p);
                    cc = true;
                }
            } else if (T(p, at) == DY_TAG_CC && np_start(p, at + 1, true)) {
                items[nitems++] = leaf(p);
                cc = true;
            } else {
                break;
            }
            int32_t c;
            int32_t b = p->i, e = base_end(p, b, true, true);
            int32_t names = b;
            while (names < e && (T(p, names) == DY_TAG_NNP || T(p, names) == DY_TAG_NNPS))
                names++;
            if (cc && nitems == 2 && proper_only(p, head) && names > b && names < e &&
                (T(p, e - 1) == DY_TAG_NN || T(p, e - 1) == DY_TAG_NNS)) {
                /* "Arnor and Gondor leaders": (NP (NP Arnor and Gondor) leaders),
                 * flat inside when each name is one word */
                int32_t names_np = mk(p, LB_NP);
                int32_t hl = p->nd[head].first;
                if (p->nd[head].first == p->nd[head].last && names == b + 1) {
                    add(p, names_np, hl);
                    add(p, names_np, items[1]);
                    add(p, names_np, leaf(p));
                } else {
                    add(p, names_np, head);
                    add(p, names_np, items[1]);
                    int32_t second = mk(p, LB_NP);
                    add_run(p, second, b, names);
                    add(p, names_np, second);
                }
                int32_t whole = wrap(p, LB_NP, names_np);
                add_run(p, whole, names, e);
                return np_post(p, whole, ctx, false);
            }
            if (cc && flat && e == b + 1 && (B(p, b) & T_NOUN) && np_takes_pp(p, b + 1, ctx)) {
                c = np_head(p, ctx, false);
                distribute = true;
            } else {
                c = np_head(p, ctx, true);
            }
            if (c < 0)
                break;
            items[nitems++] = c;
            if (!single_leaf(p, c))
                flat = false;
            if (cc)
                break;
        }
        int32_t np = mk(p, LB_NP);
        for (int x = 0; x < nitems; x++) {
            int32_t c = items[x];
            if (flat && c >= p->n) {
                int32_t g = p->nd[c].first;
                while (g >= 0) {
                    int32_t nx = p->nd[g].next;
                    add(p, np, g);
                    g = nx;
                }
            } else {
                add(p, np, c);
            }
        }
        head = distribute && flat ? np_post(p, np, ctx, false) : np;
        k = p->i;
    }
    if (k < p->n && T(p, k) == DY_TAG_COMMA) {
        int32_t mod = -1, shut;
        uint8_t t1 = T(p, k + 1);
        if (t1 == DY_TAG_WDT || t1 == DY_TAG_WP || t1 == DY_TAG_WPS) {
            mod = wrap(p, LB_NP, head);
            add(p, mod, leaf(p));
            add(p, mod, relative(p));
        } else if (!(ctx == CTX_POBJ && p->in_subj) && appos_ahead(p, k, ctx)) {
            mod = wrap(p, LB_NP, head);
            add(p, mod, leaf(p));
            add(p, mod, np_head(p, CTX_POBJ, true));
        } else if (in_subject(p, ctx) && prn_ahead(p, k) < 0 && (shut = paren_close(p, k)) > 0 &&
                   (t1 == DY_TAG_IN || t1 == DY_TAG_TO || t1 == DY_TAG_VBN ||
                    t1 == DY_TAG_VBG)) {
            mod = wrap(p, LB_NP, head);
            add(p, mod, leaf(p));
            add(p, mod, (t1 == DY_TAG_IN || t1 == DY_TAG_TO) ? pp_phrase(p) : vp_phrase(p));
        }
        if (mod >= 0) {
            head = mod;
            /* the closing comma of a parenthesis before the verb */
            k = p->i;
            if (T(p, k) == DY_TAG_COMMA) {
                int32_t f = k + 1;
                f = skip_adv(p, f);
                if (B(p, f) & T_FIN)
                    add(p, head, leaf(p));
            }
        }
    }
    return head;
}

static int32_t np_full(ps *p, int ctx)
{
    if (p->depth >= MAX_NEST)
        return -1;
    p->depth++;
    int32_t r = np_full_(p, ctx);
    p->depth--;
    return r;
}

static int32_t pp_phrase_(ps *p)
{
    int32_t pp = mk(p, LB_PP);
    int32_t k = p->i;
    if (LX(p, k) == L_ACCORDING && T(p, k + 1) == DY_TAG_TO) {
        add(p, pp, leaf(p));
        add(p, pp, pp_phrase(p));
        return pp;
    }
    add(p, pp, leaf(p));
    k = p->i;
    if (k >= p->n)
        return pp;
    uint8_t t = T(p, k);
    int32_t obj = -1;
    if (t == DY_TAG_VBG) {
        obj = wrap(p, LB_S, vp_coord(p, false));   /* "by promoting biofuels" */
    } else if (np_start(p, k, true)) {
        obj = maybe_ago(p, np_full(p, CTX_POBJ));
    } else if ((t == DY_TAG_IN || t == DY_TAG_TO) && LX(p, k) != L_THAT &&
               (np_start(p, k + 1, true) || T(p, k + 1) == DY_TAG_IN)) {
        obj = pp_phrase(p);
    } else if ((B(p, k) & T_ADV) && !is_verb(p, k + 1)) {
        obj = wrap(p, LB_ADVP, leaf(p));
    } else if (t == DY_TAG_WP || t == DY_TAG_WRB) {
        obj = relative(p);      /* "after what happened" */
    }
    add(p, pp, obj);
    return pp;
}

static int32_t pp_phrase(ps *p)
{
    if (p->depth >= MAX_NEST)
        return -1;
    p->depth++;
    int32_t r = pp_phrase_(p);
    p->depth--;
    return r;
}

/* (S (VP (TO to) (VP ...))) */
static int32_t to_clause(ps *p)
{
    int32_t vp = mk(p, LB_VP);
    add(p, vp, leaf(p));
    while (p->i < p->n && (B(p, p->i) & T_ADV) && is_verb(p, p->i + 1))
        add(p, vp, LX(p, p->i) == L_NOT ? leaf(p) : wrap(p, LB_ADVP, leaf(p)));
    if (p->i < p->n && is_verb(p, p->i))
        add(p, vp, vp_coord(p, false));
    return wrap(p, LB_S, vp);
}

/* (SBAR (IN that) (S ...)), (SBAR (IN after) (S ...)) */
static int32_t sbar_sub(ps *p)
{
    int32_t sb = mk(p, LB_SBAR);
    add(p, sb, leaf(p));
    add(p, sb, clause_coord(p));
    return sb;
}

/* An adjective phrase: "aware of X", "determined to Y", "mum". */
static int32_t adjp(ps *p)
{
    int32_t a = mk(p, LB_ADJP);
    if (B(p, p->i) & T_ADV)
        add(p, a, leaf(p));
    add(p, a, leaf(p));
    while (T(p, p->i) == DY_TAG_CC && (B(p, p->i + 1) & T_ADJ)) {
        add(p, a, leaf(p));
        add(p, a, leaf(p));
    }
    int32_t k = p->i;
    if (T(p, k) == DY_TAG_TO && is_verb(p, k + 1))
        add(p, a, to_clause(p));
    else if (T(p, k) == DY_TAG_IN && LX(p, k) != L_THAT && LX(p, k) != L_SUB &&
             np_start(p, k + 1, true))
        add(p, a, pp_phrase(p));
    return a;
}

static bool is_label(const ps *p, int32_t k, const char *l)
{
    return k >= p->n && p->nd[k].label == l;
}

/* A measure of time: "almost five years", "a day". */
static bool measure_np(const ps *p, int32_t np)
{
    if (np < p->n || p->nd[np].first < 0)
        return false;
    int32_t last = p->nd[np].last;
    return last < p->n && LX(p, last) == L_TNOUN;
}

/* The complements of the main verb v, appended to vp. */
static void complements(ps *p, int32_t vp, int32_t v)
{
    int nobj = 0;
    while (p->i < p->n) {
        int32_t k = p->i;
        uint8_t t = T(p, k);
        unsigned b = B(p, k);
        int32_t c = -1;
        if (t == DY_TAG_RP) {
            c = wrap(p, LB_PRT, leaf(p));
        } else if (t == DY_TAG_TO) {
            if (is_verb(p, k + 1) || ((B(p, k + 1) & T_ADV) && is_verb(p, k + 2)))
                c = to_clause(p);
            else if (np_start(p, k + 1, true))
                c = pp_phrase(p);
        } else if (t == DY_TAG_IN && qp_len(p, k) == 0) {
            if (LX(p, k) == L_THAT || (is_sub(p, k) && clause_at(p, k + 1)))
                c = sbar_sub(p);
            else
                c = pp_phrase(p);
        } else if (t == DY_TAG_VBG) {
            if (LX(p, k) == L_ACCORDING)
                c = pp_phrase(p);
            else
                c = wrap(p, LB_S, vp_coord(p, false));
        } else if (t == DY_TAG_VB || t == DY_TAG_VBN) {
            c = vp_coord(p, false);
        } else if (b & T_WH) {
            c = relative(p);
        } else if (np_start(p, k, true)) {
            if (nobj >= 3)
                break;
            if (!p->no_bare && (clause_at_cc(p, k, false) ||
                                (clause_at(p, k) &&
                                 takes_bare_clause(p->tok[v].text, tok_len(&p->tok[v]))))) {
                /* a complement clause without "that": after verbs of saying
                 * and thinking, and wherever a finite verb follows the
                 * object at once (else "attacked X and Y retreated" is two
                 * clauses) */
                c = wrap(p, LB_SBAR, clause_coord(p));
            } else {
                c = time_np(p, maybe_ago(p, np_full(p, CTX_OBJ)));
                nobj++;
                if (c >= p->n && T(p, p->i) == DY_TAG_TO && is_verb(p, p->i + 1) &&
                    p->nd[c].label == LB_NP) {
                    /* "urged Eriador to respond": (S (NP Eriador) (VP to ...)) */
                    int32_t sc = wrap(p, LB_S, c);
                    int32_t tc = to_clause(p);
                    add(p, sc, p->nd[tc].first);
                    c = sc;
                }
                if (measure_np(p, c) && is_sub(p, p->i) && clause_at(p, p->i + 1)) {
                    /* (SBAR (NP five years) (IN after) (S ...)) */
                    c = wrap(p, LB_SBAR, c);
                    add(p, c, leaf(p));
                    add(p, c, clause_coord(p));
                }
            }
        } else if ((b & T_ADJ) || ((b & T_ADV) && (B(p, k + 1) & T_ADJ))) {
            c = adjp(p);
        } else if (b & T_ADV) {
            c = LX(p, k) == L_NOT ? leaf(p) : wrap(p, LB_ADVP, leaf(p));
        } else if (t == DY_TAG_LQUOTE || (t == DY_TAG_RQUOTE &&
                                          !(B(p, k + 1) & T_PUNCT) && k + 1 < p->n)) {
            c = leaf(p);
        } else if (t == DY_TAG_COMMA && prn_ahead(p, k) > 0) {
            c = prn(p);
        } else if (t == DY_TAG_COMMA) {
            int32_t k1 = k + 1;
            int32_t e = skip_np(p, k1, false);
            if ((T(p, k1) == DY_TAG_VBG) || (is_sub(p, k1) && clause_at(p, k1 + 1)) ||
                (e > k1 && LX(p, e - 1) == L_TNOUN && is_sub(p, e) && clause_at(p, e + 1))) {
                add(p, vp, leaf(p));
                continue;
            }
            break;
        }
        if (c < 0 || p->i == k)
            break;
        if (is_label(p, c, LB_SBAR) && p->nd[c].first < p->n) {
            /* "that X, and that Y": (SBAR (SBAR ...) , CC (SBAR ...)) */
            int32_t j = p->i;
            if (T(p, j) == DY_TAG_COMMA)
                j++;
            if (T(p, j) == DY_TAG_CC && T(p, j + 1) == DY_TAG_IN &&
                p->tok[j + 1].text && p->tok[p->nd[c].first].text &&
                strcmp(p->tok[j + 1].text, p->tok[p->nd[c].first].text) == 0 &&
                clause_at(p, j + 2)) {
                c = wrap(p, LB_SBAR, c);
                while (p->i <= j)
                    add(p, c, leaf(p));
                add(p, c, sbar_sub(p));
            }
        }
        add(p, vp, c);
    }
}

static bool aux_takes(const ps *p, int32_t aux, int32_t v)
{
    uint8_t t = T(p, v);
    if (T(p, aux) == DY_TAG_MD)
        return t == DY_TAG_VB || t == DY_TAG_VBP || LX(p, v) == L_BE || LX(p, v) == L_HAVE;
    switch (LX(p, aux)) {
    case L_DO: return t == DY_TAG_VB || t == DY_TAG_VBP;
    case L_HAVE: return t == DY_TAG_VBN || t == DY_TAG_VBD;
    case L_BE: return t == DY_TAG_VBN || t == DY_TAG_VBG || t == DY_TAG_VBD;
    default: return false;
    }
}

/* A verb phrase at a verb: one VP per auxiliary, Treebank style. */
static int32_t vp_phrase_(ps *p)
{
    int32_t vp = mk(p, LB_VP);
    int32_t v = p->i;
    add(p, vp, leaf(p));
    bool save = p->in_subj;
    p->in_subj = false;
    if (is_aux(p, v)) {
        int32_t k = p->i;
        k = skip_adv(p, k);
        if (k < p->n && is_verb(p, k) && aux_takes(p, v, k)) {
            while (p->i < k)
                add(p, vp, LX(p, p->i) == L_NOT ? leaf(p) : wrap(p, LB_ADVP, leaf(p)));
            add(p, vp, vp_coord(p, false));
            p->in_subj = save;
            return vp;
        }
    }
    complements(p, vp, v);
    p->in_subj = save;
    return vp;
}

static int32_t vp_phrase(ps *p)
{
    if (p->depth >= MAX_NEST)
        return -1;
    p->depth++;
    int32_t r = vp_phrase_(p);
    p->depth--;
    return r;
}

/* VP coordination: "condemned X and promised Y".  At clause level a
 * finite verb may follow the conjunction; inside a verb group, a verb of
 * the same form. */
static int32_t vp_coord(ps *p, bool finite)
{
    int32_t v0 = p->i;
    int32_t first = vp_phrase(p);
    if (first < 0)
        return -1;
    int32_t coord = -1;
    for (;;) {
        int32_t k = p->i, c = k;
        if (T(p, c) == DY_TAG_COMMA && T(p, c + 1) == DY_TAG_CC)
            c++;
        if (T(p, c) != DY_TAG_CC)
            break;
        int32_t v = c + 1;
        v = skip_adv(p, v);
        bool ok = finite ? (B(p, v) & T_FIN) != 0 : (is_verb(p, v) && T(p, v) == T(p, v0));
        if (!ok || v >= p->n)
            break;
        if (coord < 0) {
            coord = wrap(p, LB_VP, first);
        }
        while (p->i <= c)
            add(p, coord, leaf(p));
        while (p->i < v)
            add(p, coord, wrap(p, LB_ADVP, leaf(p)));
        int32_t next = vp_phrase(p);
        if (next < 0)
            break;
        add(p, coord, next);
    }
    return coord >= 0 ? coord : first;
}

/* One clause: fronted modifiers, a subject, a verb phrase. */
static int32_t clause_(ps *p)
{
    bool save_bare = p->no_bare;
    p->no_bare = false;
    int32_t s = clause_body(p);
    p->no_bare = save_bare;
    return s;
}

static int32_t clause_body(ps *p)
{
    int32_t s = mk(p, LB_S);
    int32_t start = p->i;
    bool subj = false, verb = false;
    for (;;) {
        int32_t k = p->i;
        if (k >= p->n)
            break;
        uint8_t t = T(p, k);
        unsigned b = B(p, k);
        int32_t c = -1;
        if (t == DY_TAG_CC && k == start) {
            c = leaf(p);
        } else if (t == DY_TAG_LQUOTE) {
            c = leaf(p);
        } else if (is_sub(p, k) && clause_at(p, k + 1)) {
            c = sbar_sub(p);
        } else if (t == DY_TAG_WRB && clause_at(p, k + 1)) {
            c = relative(p);
        } else if ((t == DY_TAG_IN || t == DY_TAG_TO) && LX(p, k) != L_THAT &&
                   !is_verb(p, k + 1) && qp_len(p, k) == 0) {
            c = pp_phrase(p);
        } else if ((b & T_ADV) && T(p, k + 1) == DY_TAG_COMMA) {
            c = wrap(p, LB_ADVP, leaf(p));
        } else if (LX(p, k) == L_ACCORDING && T(p, k + 1) == DY_TAG_TO) {
            c = pp_phrase(p);
        } else if (t == DY_TAG_VBG && !np_start(p, k, false)) {
            int32_t v = vp_coord(p, false);
            if (T(p, p->i) == DY_TAG_COMMA) {
                c = wrap(p, LB_S, v);
            } else {
                add(p, s, v);
                verb = true;
                break;
            }
        }
        if (c < 0 || p->i == k)
            break;
        add(p, s, c);
        if (T(p, p->i) == DY_TAG_COMMA)
            add(p, s, leaf(p));
    }
    if (!verb && np_start(p, p->i, false)) {
        bool save = p->in_subj;
        p->in_subj = true;
        add(p, s, np_full(p, CTX_SUBJ));
        p->in_subj = save;
        subj = true;
        while (p->i < p->n) {
            int32_t k = p->i;
            if ((B(p, k) & T_ADV) && (is_aux(p, k + 1) || (B(p, k + 1) & (T_VERB | T_FIN))))
                add(p, s, wrap(p, LB_ADVP, leaf(p)));
            else if (LX(p, k) == L_TIME && (B(p, k) & T_NOUN))
                add(p, s, time_np(p, np_head(p, CTX_OBJ, false)));
            else if (time_pp_before_verb(p, k))
                add(p, s, pp_phrase(p));
            else if (prn_ahead(p, k) > 0)
                add(p, s, prn(p));
            else
                break;
            if (p->i == k)
                break;
        }
    }
    int32_t k = p->i;
    if (!verb && !subj) {
        int32_t v = k;
        v = skip_adv(p, v);
        if (v > k && (B(p, v) & (T_VERB | T_FIN)))
            while (p->i < v)
                add(p, s, wrap(p, LB_ADVP, leaf(p)));
        k = p->i;
    }
    if (!verb && k < p->n && ((B(p, k) & (T_VERB | T_FIN)))) {
        add(p, s, vp_coord(p, true));
        verb = true;
    } else if (!verb && subj && T(p, k) == DY_TAG_TO && is_verb(p, k + 1)) {
        int32_t tc = to_clause(p);    /* headline "X to visit Y": keep the VP */
        add(p, s, p->nd[tc].first);
        verb = true;
    }
    if (p->i == start)
        return -1;
    if (!verb && p->nd[s].first >= 0 && p->nd[s].first == p->nd[s].last)
        return p->nd[s].first;   /* a lone noun phrase or PP is no clause */
    return s;
}

static int32_t clause(ps *p)
{
    if (p->depth >= MAX_NEST)
        return -1;
    p->depth++;
    int32_t r = clause_(p);
    p->depth--;
    return r;
}

/* Clause coordination inside a complement: "that X did and Y did". */
static int32_t clause_coord(ps *p)
{
    int32_t first = clause(p);
    if (first < 0)
        return -1;
    int32_t coord = -1;
    for (;;) {
        int32_t k = p->i, c = k;
        if (T(p, c) == DY_TAG_COMMA && T(p, c + 1) == DY_TAG_CC)
            c++;
        if (T(p, c) != DY_TAG_CC || !clause_at(p, c + 1))
            break;
        if (coord < 0)
            coord = wrap(p, LB_S, first);
        while (p->i <= c)
            add(p, coord, leaf(p));
        int32_t next = clause(p);
        if (next < 0)
            break;
        add(p, coord, next);
    }
    return coord >= 0 ? coord : first;
}

/* ------------------------------------------------------------------ */
/* 4. The sentence                                                     */


/* A clause that only reports: "(S (NP officials) (VP (VBD said) ...))"
 * or "(S (VP said) ...)" whose VP holds no clause. */
static bool is_report(const ps *p, int32_t s)
{
    if (!is_label(p, s, LB_S))
        return false;
    int32_t vp = -1;
    for (int32_t c = p->nd[s].first; c >= 0; c = p->nd[c].next) {
        if (is_label(p, c, LB_VP))
            vp = c;
        else if (!(is_label(p, c, LB_NP) || is_label(p, c, LB_ADVP)))
            return false;
    }
    if (vp < 0)
        return false;
    for (int32_t c = p->nd[vp].first; c >= 0; c = p->nd[c].next)
        if (is_label(p, c, LB_SBAR) || is_label(p, c, LB_S) || is_label(p, c, LB_VP))
            return false;
    return true;
}

static void splice(ps *p, int32_t parent, int32_t s)
{
    int32_t c = p->nd[s].first;
    while (c >= 0) {
        int32_t nx = p->nd[c].next;
        add(p, parent, c);
        c = nx;
    }
}

static int32_t sentence(ps *p, int32_t *items)
{
    int32_t m = 0;
    bool any_verb = false;
    while (p->i < p->n) {
        int32_t k = p->i;
        uint8_t t = T(p, k);
        unsigned b = B(p, k);
        int32_t c = -1;
        if ((b & T_PUNCT) || t == DY_TAG_CC || t == DY_TAG_NONE) {
            c = leaf(p);
        } else {
            c = clause(p);
            if (c < 0 || p->i == k) {
                if (np_start(p, k, true))
                    c = np_full(p, CTX_SUBJ);
                else if (t == DY_TAG_IN && (LX(p, k) == L_THAT || LX(p, k) == L_SUB) &&
                         clause_at(p, k + 1))
                    c = sbar_sub(p);
                else if (t == DY_TAG_IN || t == DY_TAG_TO)
                    c = pp_phrase(p);
                else if (b & T_ADJ)
                    c = adjp(p);
                else if (b & T_ADV)
                    c = wrap(p, LB_ADVP, leaf(p));
                if (c < 0 || p->i == k)
                    c = leaf(p);
            }
        }
        if (is_label(p, c, LB_S) || is_label(p, c, LB_VP))
            any_verb = true;
        items[m++] = c;
    }
    /* the clauses among the items, and the last one */
    int32_t n_s = 0, last_s = -1, n_other = 0;
    for (int32_t x = 0; x < m; x++) {
        if (is_label(p, items[x], LB_S)) {
            n_s++;
            last_s = x;
        } else if (items[x] >= p->n) {
            n_other++;
        }
    }
    int32_t top = mk(p, any_verb ? LB_S : LB_NP);
    /* "S , NP said ." and "`` S , '' NP said ." */
    int32_t before = last_s - 1;
    if (before >= 1 && items[before] < p->n && T(p, items[before]) == DY_TAG_RQUOTE)
        before--;
    bool report = n_s >= 2 && before >= 1 && items[before] < p->n &&
                  T(p, items[before]) == DY_TAG_COMMA && is_report(p, items[last_s]);
    for (int32_t x = 0; x < m; x++) {
        int32_t c = items[x];
        bool flatten = (n_s == 1 && n_other == 0 && x == last_s) || (report && x == last_s);
        if (!any_verb && m > 1 && is_label(p, c, LB_NP) && n_other == 1)
            flatten = true;       /* "(NP (NNP X) (. .))" */
        if (flatten && report && x == last_s && p->nd[c].first == p->nd[c].last &&
            is_label(p, p->nd[c].first, LB_VP)) {
            /* "..., said the minister": (SINV S , (VP said) (NP the minister) .) */
            int32_t vp = p->nd[c].first, verb = p->nd[vp].first;
            int32_t rest = p->nd[verb].next;
            p->nd[vp].last = verb;
            p->nd[verb].next = -1;
            add(p, top, vp);
            while (rest >= 0) {
                int32_t nx = p->nd[rest].next;
                add(p, top, rest);
                rest = nx;
            }
            p->nd[top].label = LB_SINV;
        } else if (flatten) {
            splice(p, top, c);
        } else {
            add(p, top, c);
        }
    }
    return wrap(p, LB_ROOT, top);
}

/* ------------------------------------------------------------------ */
/* Writing the tree                                                    */

/* The word of a preterminal: the token text, unless the bracket reader
 * could not read it back. */
static const char *word_of(dy_arena *a, const dy_token *t)
{
    const char *w = t->text ? t->text : "";
    size_t len = 0;
    bool bad = false;
    for (; w[len]; len++) {
        unsigned char c = (unsigned char)w[len];
        if (c == '(' || c == ')' || dy_isspace(c))
            bad = true;
    }
    if (len == 0)
        return "_";
    if (!bad)
        return w;
    if (strcmp(w, "(") == 0)
        return "-LRB-";
    if (strcmp(w, ")") == 0)
        return "-RRB-";
    char *s = dy_arena_strndup(a, w, len);
    if (!s)
        return "_";
    for (size_t k = 0; k < len; k++) {
        if (s[k] == '(')
            s[k] = '{';
        else if (s[k] == ')')
            s[k] = '}';
        else if (dy_isspace((unsigned char)s[k]))
            s[k] = '_';
    }
    return s;
}

/* Writes the pool tree under `root` in preorder.  Returns false when the
 * tree is not a clean one over all tokens in order (a safeguard: the
 * caller then writes the flat tree). */
static bool emit_tree(dy_arena *a, ps *p, int32_t root, dy_tree *out)
{
    int32_t cap = p->nn + 1;
    dy_node *nodes = dy_arena_alloc(a, (size_t)cap * sizeof *nodes);
    int32_t *tn = dy_arena_alloc(a, (size_t)(p->n + 1) * sizeof *tn);
    int32_t *cur = dy_arena_alloc(a, (size_t)cap * sizeof *cur);
    int32_t *outid = dy_arena_alloc(a, (size_t)cap * sizeof *outid);
    int32_t *lastc = dy_arena_alloc(a, (size_t)cap * sizeof *lastc);
    if (!nodes || !tn || !cur || !outid || !lastc)
        return false;
    int32_t m = 0, sp = 0, next_tok = 0;
    nodes[0] = (dy_node){p->nd[root].label, NULL, -1, -1, -1, -1};
    lastc[0] = -1;
    m = 1;
    cur[sp] = p->nd[root].first;
    outid[sp] = 0;
    sp++;
    while (sp > 0) {
        int32_t c = cur[sp - 1];
        if (c < 0) {
            sp--;
            continue;
        }
        cur[sp - 1] = p->nd[c].next;
        int32_t par = outid[sp - 1];
        if (m >= cap)
            return false;
        int32_t o = m++;
        if (c < p->n) {
            if (c != next_tok)
                return false;
            tn[next_tok++] = o;
            nodes[o] = (dy_node){dy_tag_name(p->tag[c]), word_of(a, &p->tok[c]), par, -1, -1, c};
        } else {
            if (p->nd[c].first < 0 || sp >= cap)
                return false;
            nodes[o] = (dy_node){p->nd[c].label, NULL, par, -1, -1, -1};
        }
        lastc[o] = -1;
        if (lastc[par] < 0)
            nodes[par].first_child = o;
        else
            nodes[lastc[par]].next_sibling = o;
        lastc[par] = o;
        if (c >= p->n) {
            cur[sp] = p->nd[c].first;
            outid[sp] = o;
            sp++;
        }
    }
    if (next_tok != p->n)
        return false;
    out->nodes = nodes;
    out->n_nodes = m;
    out->root = 0;
    out->n_tokens = p->n;
    out->token_node = tn;
    out->repaired = 0;
    return true;
}

/* (ROOT (S (TAG w) ...)): a safeguard should the tree built ever fail
 * emit_tree's checks (the unit tests build with DY_CHUNK_DEBUG, which
 * aborts instead). */
static dyad_status emit_flat(dy_arena *a, ps *p, dy_tree *out, dy_msg *err)
{
    int32_t n = p->n;
    dy_node *nodes = dy_arena_alloc(a, (size_t)(n + 2) * sizeof *nodes);
    int32_t *tn = dy_arena_alloc(a, (size_t)(n + 1) * sizeof *tn);
    if (!nodes || !tn)
        return dy_fail(err, DYAD_ERR_NOMEM, "out of memory building a tree");
    nodes[0] = (dy_node){LB_ROOT, NULL, -1, 1, -1, -1};
    nodes[1] = (dy_node){LB_S, NULL, 0, 2, -1, -1};
    for (int32_t k = 0; k < n; k++) {
        nodes[k + 2] = (dy_node){dy_tag_name(p->tag[k]), word_of(a, &p->tok[k]), 1, -1,
                                 k + 1 < n ? k + 3 : -1, k};
        tn[k] = k + 2;
    }
    out->nodes = nodes;
    out->n_nodes = n + 2;
    out->root = 0;
    out->n_tokens = n;
    out->token_node = tn;
    out->repaired = 0;
    return DYAD_OK;
}

dyad_status dy_build_tree(dy_arena *a, const dy_token *tok, uint32_t n, dy_tree *out,
                          dy_msg *err)
{
    dy_msg scratch;
    if (!err)
        err = &scratch;
    if (!out)
        return dy_fail(err, DYAD_ERR_ARG, "no output tree");
    memset(out, 0, sizeof *out);
    out->root = -1;
    if (!a || (!tok && n > 0))
        return dy_fail(err, DYAD_ERR_ARG, "no arena or no tokens");
    if (n == 0)
        return dy_fail(err, DYAD_ERR_ARG, "empty sentence: no tokens");
    if (n > DY_CHUNK_MAX_TOKENS)
        return dy_fail(err, DYAD_ERR_LIMIT, "sentence has %u tokens, more than %d",
                       (unsigned)n, DY_CHUNK_MAX_TOKENS);
    ps p = {.tok = tok, .n = (int32_t)n, .arena = a};
    p.cap = 3 * p.n + 64;
    p.tag = dy_arena_alloc(a, 2 * ((size_t)n + PAD));
    p.nd = dy_arena_alloc(a, ((size_t)p.cap + 1) * sizeof *p.nd);
    int32_t *items = dy_arena_alloc(a, ((size_t)n + 1) * sizeof *items);
    p.bcache = dy_arena_alloc(a, 4 * (size_t)n * sizeof *p.bcache);
    if (!p.tag || !p.nd || !items || !p.bcache)
        return dy_fail(err, DYAD_ERR_NOMEM, "out of memory building a tree");
    p.lex = p.tag + n + PAD;
    memset(p.bcache, 0xff, 4 * (size_t)n * sizeof *p.bcache);
    for (uint32_t k = 0; k < n; k++) {
        const char *w = tok[k].text ? tok[k].text : "";
        size_t len = tok_len(&tok[k]);
        p.lex[k] = lex_class(w, len);
        uint8_t t = tok[k].tag;
        p.tag[k] = (t > DY_TAG_NONE && t < DY_TAG_COUNT) ? t : guess_tag(w, len, p.lex[k]);
        p.nd[k] = (pn){NULL, -1, -1, -1};
    }
    for (uint32_t k = n; k < n + PAD; k++) {
        p.tag[k] = DY_TAG_NONE;
        p.lex[k] = L_NONE;
    }
    p.nn = p.n;
    int32_t root = sentence(&p, items);
    if (p.nomem)
        return dy_fail(err, DYAD_ERR_NOMEM, "out of memory building a tree");
    if (emit_tree(a, &p, root, out))
        return DYAD_OK;
#ifdef DY_CHUNK_DEBUG
    abort();        /* a development check: the fallback should never be needed */
#endif
    memset(out, 0, sizeof *out);
    out->root = -1;
    return emit_flat(a, &p, out, err);
}

/* tagger.c -- HMM part-of-speech tagger (see tagger.h, docs/tagger.md).
 *
 * Per sentence: (1) each token gets up to MAXC candidate tags with emission
 * scores (word_cands); (2) the context pass adjusts them for what a bigram
 * model cannot see (context); (3) Viterbi picks the best tag sequence under
 * the Treebank's tag bigrams; (4) -ing forms that a wider context decides
 * (noun after "the", verb after a plural noun) are fixed and Viterbi runs
 * again (ing_forms); (5) clause-level corrections of past forms
 * (finite_clause, reduced_subject ...).  Nothing is allocated per token:
 * the work arrays live on the stack, or in the caller's arena for sentences
 * over WINDOW tokens. */
#include "tag/tagger.h"

#include <math.h>
#include <string.h>
#include <strings.h>

#include "tag/lexicon.h"
#include "tag/tagset.h"

#define MAXC DY_TAG_MAX_CANDIDATES
#define WINDOW 128          /* tokens tagged on the stack at once */
#define MAX_FOLD 64         /* longest word looked up case-folded */

typedef struct cands {
    uint64_t mask;          /* TAGBIT() of each tag[] */
    uint8_t n;
    uint8_t kind;           /* DY_KIND_* of the word */
    uint8_t tag[MAXC];
    float emit[MAXC];       /* log P(word | tag) + a per-word constant */
} cands;

#define TAGBIT(t) (1ull << (t))

/* A sparse distribution over tags, for words whose evidence is mixed:
 * suffix lists have at most 10 tags, words 8, WordNet's masks 14. */
#define DIST_MAX 32
typedef struct dist {
    unsigned n;
    uint8_t tag[DIST_MAX];
    float p[DIST_MAX];
} dist;

/* s[0..n) equals / ends with a string literal. */
#define EQ(s, n, lit) ((n) == sizeof(lit) - 1 && memcmp((s), (lit), sizeof(lit) - 1) == 0)
#define ENDS(s, n, lit) \
    ((n) >= sizeof(lit) - 1 && memcmp((s) + (n) - (sizeof(lit) - 1), (lit), sizeof(lit) - 1) == 0)

/* ---- tuning (see docs/tagger.md) ------------------------------------------ */

/* Unknown words: the weight left to tags WordNet rules out, and the least
 * share of a tag it allows. */
#define WN_LEAK 0.1f
#define WN_FLOOR 0.05f
/* A capitalised word inside a sentence known only in lower case: the share
 * of the lower-case reading ("Silly" is more likely part of a name)... */
#define LOWER_SHARE_INSIDE 0.3f
/* ... and at the start of a sentence ("Soldiers" is the plural noun). */
#define LOWER_SHARE_INITIAL 0.9f
/* A regular past form the Treebank saw only as VBD (or VBN) gets the other
 * tag at this log share of the seen one ("celebrated"). */
#define TWIN_LOGP (-2.3f)
/* An -ed or -ing form the Treebank has seen only a few times has tag
 * counts too sparse to show the readings every such form has ("abducted":
 * NN twice, never VBD; "shelling": VBG once, never NN).  Its counts are
 * smoothed with what the unknown-word model (suffix and WordNet) says of
 * the word, as RARE_PRIOR pseudo-occurrences: P(t | w) = (c(w, t) +
 * K P_unknown(t | w)) / (c(w) + K).  This applies to words seen at most 10
 * times, the words the suffix model is trained on; RARE_LCOUNT is their
 * dy_lex_word.lcount, round(16 log2(1 + 10)).  K = 0.5 lies in the middle
 * of the range, 0.25 to 1, over which the evaluation files change by at
 * most two tokens.  Other rare words keep their counts: their readings
 * follow no inflection the suffix model could predict, and smoothing them
 * too lowered the agreement with the evaluation files ("boycott", seen
 * twice as NN, became VB after "to"). */
#define RARE_PRIOR 0.5f
#define RARE_LCOUNT 55
/* log factors of the context pass */
#define AUX_WRONG_FORM (-3.0f)    /* "has" + VB/VBP/VBZ, "will" + VBN ... */
#define AUX_NO_PAST (-4.0f)       /* "has" + VBD, "was" + VBD, "did" + VBD */
#define HAVE_NOT_ADJ (-2.5f)      /* "has celebrated": VBN, not JJ */
#define NO_PARTICLE (-3.0f)       /* RP without a verb that takes it */
#define PASSIVE_BY (-2.0f)        /* "sent by": VBD */
#define FIXED_PHRASE (-5.0f)      /* "about to", "out of", "as many as" */
/* Transitions: VBN and VBG right after a verb that is no auxiliary
 * ("crowds/VBZ burned/VBN" is rare; "is burned" is not).  The Treebank's
 * VBZ -> VBN comes almost all from "is" and "has". */
#define NONAUX_VBN (-3.0f)
#define NONAUX_VBG (-1.6f)

/* ---- small text helpers ---------------------------------------------- */

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* 12, -3.5, .5, 1,000, 1/2, 10:30, 1990-91 */
static int is_number(const char *s, size_t n)
{
    size_t i = 0;
    if (i < n && (s[i] == '-' || s[i] == '+'))
        i++;
    if (i < n && s[i] == '.')
        i++;
    if (i >= n || !is_digit((unsigned char)s[i]))
        return 0;
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_digit(c))
            continue;
        if ((c == '.' || c == ',' || c == '/' || c == ':' || c == '-') &&
            i + 1 < n && is_digit((unsigned char)s[i + 1]))
            continue;
        return 0;
    }
    return 1;
}

/* ASCII lower case of s into buf (cap >= n + 1); 0 when too long. */
static size_t fold(const char *s, size_t n, char *buf, size_t cap)
{
    if (n + 1 > cap)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    buf[n] = '\0';
    return n;
}

static int lrb_text(const char *s, size_t n)
{
    return EQ(s, n, "-LRB-") || EQ(s, n, "-LSB-") || EQ(s, n, "-LCB-") ||
           EQ(s, n, "(") || EQ(s, n, "[") || EQ(s, n, "{");
}

static int rrb_text(const char *s, size_t n)
{
    return EQ(s, n, "-RRB-") || EQ(s, n, "-RSB-") || EQ(s, n, "-RCB-") ||
           EQ(s, n, ")") || EQ(s, n, "]") || EQ(s, n, "}");
}

/* Token text, never NULL. */
static const char *text_of(const dy_token *t, size_t *n)
{
    *n = t->text ? t->len : 0;
    return t->text ? t->text : "";
}

static int tok_is(const dy_token *t, const char *lit, size_t litn)
{
    return t->text && t->len == litn && memcmp(t->text, lit, litn) == 0;
}
#define TOK_IS(t, lit) tok_is((t), (lit), sizeof(lit) - 1)

/* ---- candidate lists and distributions -------------------------------- */

static int has_tag(const cands *c, uint8_t tag)
{
    return (c->mask & TAGBIT(tag)) != 0;
}

static void scale(cands *c, uint8_t tag, float log_factor)
{
    if (!has_tag(c, tag))
        return;
    for (unsigned k = 0; k < c->n; k++)
        if (c->tag[k] == tag)
            c->emit[k] += log_factor;
}

static void cands_one(cands *c, uint8_t tag)
{
    c->tag[0] = tag;
    c->emit[0] = 0;
    c->n = 1;
    c->mask = TAGBIT(tag);
}

static void cands_from_word(const dy_lex_word *w, cands *c)
{
    const dy_lex_tag *t = &dy_lex_tags[w->tags];
    unsigned k = w->n_tags < MAXC ? w->n_tags : MAXC;
    uint64_t mask = 0;
    for (unsigned i = 0; i < k; i++) {
        c->tag[i] = t[i].tag;
        c->emit[i] = t[i].emit;
        mask |= TAGBIT(t[i].tag);
    }
    c->n = (uint8_t)k;
    c->mask = mask;
    /* A regular verb's past tense and past participle are one word, and a
     * lexicon drawn from one corpus may have seen only one of them
     * ("celebrated": VBD and JJ, never VBN). */
    uint64_t past = mask & (TAGBIT(DY_TAG_VBD) | TAGBIT(DY_TAG_VBN));
    if (past && past != (TAGBIT(DY_TAG_VBD) | TAGBIT(DY_TAG_VBN)) && k < MAXC) {
        const char *s = dy_lex_text(w);
        size_t n = dy_lex_len(w);
        if (ENDS(s, n, "ed")) {
            uint8_t seen = past & TAGBIT(DY_TAG_VBD) ? DY_TAG_VBD : DY_TAG_VBN;
            uint8_t twin = seen == DY_TAG_VBD ? DY_TAG_VBN : DY_TAG_VBD;
            unsigned i = 0;
            while (t[i].tag != seen)
                i++;
            c->tag[k] = twin;
            c->emit[k] = t[i].emit + dy_lex_tag_logp[seen] + TWIN_LOGP - dy_lex_tag_logp[twin];
            c->n++;
            c->mask |= TAGBIT(twin);
        }
    }
}

static void dist_add(dist *d, uint8_t tag, float p)
{
    for (unsigned i = 0; i < d->n; i++)
        if (d->tag[i] == tag) {
            d->p[i] += p;
            return;
        }
    if (d->n < DIST_MAX) {
        d->tag[d->n] = tag;
        d->p[d->n++] = p;
    }
}

static float dist_sum(const dist *d)
{
    float sum = 0;
    for (unsigned i = 0; i < d->n; i++)
        sum += d->p[i];
    return sum;
}

static float dist_get(const dist *d, uint8_t tag)
{
    for (unsigned i = 0; i < d->n; i++)
        if (d->tag[i] == tag)
            return d->p[i];
    return 0;
}

static void dist_add_word(dist *d, const dy_lex_word *w, float weight)
{
    const dy_lex_tag *t = &dy_lex_tags[w->tags];
    for (unsigned k = 0; k < w->n_tags; k++)
        dist_add(d, t[k].tag, weight * expf(t[k].emit + dy_lex_tag_logp[t[k].tag]));
}

/* P(tag | shape, suffix) of an unknown word: its longest stored suffix. */
static void dist_add_suffix(dist *d, const char *s, size_t n, char shape, float weight)
{
    char key[DY_LEX_SUFFIX_MAX + 1];
    size_t maxl = n < DY_LEX_SUFFIX_MAX ? n : DY_LEX_SUFFIX_MAX;
    key[0] = shape;
    for (size_t l = maxl + 1; l-- > 0;) {
        memcpy(key + 1, s + n - l, l);
        const dy_lex_suffix *e = dy_lex_find_suffix(key, l + 1);
        if (!e)
            continue;
        const dy_lex_share *t = &dy_lex_sfx_tags[e->tags];
        for (unsigned k = 0; k < e->n_tags; k++)
            dist_add(d, t[k].tag, weight * t[k].p);
        return;
    }
    /* every class has a root entry; this is only a safety net */
    dist_add(d, shape == DY_SHAPE_LOWER ? DY_TAG_NN : DY_TAG_NNP, weight);
}

/* Narrows d to the tags in mask: they get the share 1 - leak of the mass,
 * split as d splits it but with at least `floor` each (the suffix model may
 * find a tag WordNet allows unlikely); d as it was keeps the share leak. */
static void dist_restrict(dist *d, uint64_t mask, float leak, float floor)
{
    float sum = dist_sum(d), allowed = 0, q[DY_TAG_COUNT];
    uint8_t tags[DY_TAG_COUNT];
    unsigned nq = 0;
    if (sum <= 0)
        sum = 1;
    for (uint64_t m = mask; m && nq < DY_TAG_COUNT; m &= m - 1) {
        uint8_t t = (uint8_t)__builtin_ctzll(m);
        float v = dist_get(d, t) / sum;
        tags[nq] = t;
        q[nq] = v > floor ? v : floor;
        allowed += q[nq++];
    }
    for (unsigned i = 0; i < d->n; i++)
        d->p[i] *= leak / sum;
    for (unsigned i = 0; i < nq; i++)
        dist_add(d, tags[i], (1 - leak) * q[i] / allowed);
}

/* d += weight * src / |src| */
static void dist_mix(dist *d, const dist *src, float weight)
{
    float sum = dist_sum(src);
    if (sum <= 0)
        return;
    for (unsigned i = 0; i < src->n; i++)
        dist_add(d, src->tag[i], weight * src->p[i] / sum);
}

static void dist_to_cands(dist *d, cands *c)
{
    float sum = 0, max = 0;
    for (unsigned i = 0; i < d->n; i++) {
        sum += d->p[i];
        max = d->p[i] > max ? d->p[i] : max;
    }
    if (sum <= 0) {
        cands_one(c, DY_TAG_NN);
        return;
    }
    /* most probable first, dropping tags far below the best */
    unsigned k = 0;
    for (unsigned i = 0; i < d->n; i++)
        if (d->p[i] >= max * 1e-3f && d->tag[i] != DY_TAG_NONE) {
            d->tag[k] = d->tag[i];
            d->p[k++] = d->p[i];
        }
    for (unsigned i = 1; i < k; i++) {
        uint8_t xt = d->tag[i];
        float xp = d->p[i];
        unsigned j = i;
        while (j > 0 && d->p[j - 1] < xp) {
            d->tag[j] = d->tag[j - 1];
            d->p[j] = d->p[j - 1];
            j--;
        }
        d->tag[j] = xt;
        d->p[j] = xp;
    }
    if (k > MAXC)
        k = MAXC;
    c->mask = 0;
    for (unsigned i = 0; i < k; i++) {
        c->tag[i] = d->tag[i];
        c->emit[i] = logf(d->p[i] / sum) - dy_lex_tag_logp[d->tag[i]];
        c->mask |= TAGBIT(d->tag[i]);
    }
    c->n = (uint8_t)k;
}

/* ---- WordNet morphology ------------------------------------------------ */

static unsigned wn_bits(const char *s, size_t n)
{
    const dy_lex_word *w = dy_lex_find(s, n);
    return w ? w->wn : 0;
}

/* Has s[0..n), less `cut` letters plus `add`, the WordNet bits `want`? */
static int wn_base(const char *s, size_t n, size_t cut, const char *add, unsigned want)
{
    char buf[MAX_FOLD + 4];
    size_t m = strlen(add);
    if (n <= cut || n - cut + m >= sizeof buf || n - cut < 2)
        return 0;
    memcpy(buf, s, n - cut);
    memcpy(buf + (n - cut), add, m);   /* not buf + n: past the array */
    return (wn_bits(buf, n - cut + m) & want) != 0;
}

/* Open-class tags WordNet allows for a lower-case word: from the word as a
 * lemma, its regular inflections, and the exception lists.  0: WordNet
 * knows nothing of it. */
static uint64_t wn_tags(const char *s, size_t n)
{
    uint64_t m = 0;
    unsigned b = wn_bits(s, n);
    if (b & DY_WN_NOUN)
        m |= TAGBIT(DY_TAG_NN);
    if (b & DY_WN_VERB)
        m |= TAGBIT(DY_TAG_VB) | TAGBIT(DY_TAG_VBP);
    if (b & DY_WN_ADJ)
        m |= TAGBIT(DY_TAG_JJ);
    if (b & DY_WN_ADV)
        m |= TAGBIT(DY_TAG_RB);
    if (b & DY_WN_PLURAL)
        m |= TAGBIT(DY_TAG_NNS);
    if (b & DY_WN_VERB_FORM)
        m |= TAGBIT(DY_TAG_VBD) | TAGBIT(DY_TAG_VBN) | TAGBIT(DY_TAG_JJ);
    if (n < 4)
        return m;
    /* -s, -es, -ies: plural noun or third person verb */
    if (ENDS(s, n, "s") && !ENDS(s, n, "ss")) {
        unsigned nb = wn_base(s, n, 1, "", DY_WN_NOUN) ? DY_WN_NOUN : 0;
        nb |= wn_base(s, n, 1, "", DY_WN_VERB) ? DY_WN_VERB : 0;
        if (ENDS(s, n, "es")) {
            nb |= wn_base(s, n, 2, "", DY_WN_NOUN) ? DY_WN_NOUN : 0;
            nb |= wn_base(s, n, 2, "", DY_WN_VERB) ? DY_WN_VERB : 0;
        }
        if (ENDS(s, n, "ies")) {
            nb |= wn_base(s, n, 3, "y", DY_WN_NOUN) ? DY_WN_NOUN : 0;
            nb |= wn_base(s, n, 3, "y", DY_WN_VERB) ? DY_WN_VERB : 0;
        }
        if (nb & DY_WN_NOUN)
            m |= TAGBIT(DY_TAG_NNS);
        if (nb & DY_WN_VERB)
            m |= TAGBIT(DY_TAG_VBZ);
    }
    /* -ed: past tense or participle (and participial adjective) */
    if (ENDS(s, n, "ed") &&
        (wn_base(s, n, 2, "", DY_WN_VERB) || wn_base(s, n, 1, "", DY_WN_VERB) ||
         (ENDS(s, n, "ied") && wn_base(s, n, 3, "y", DY_WN_VERB)) ||
         (n >= 5 && s[n - 3] == s[n - 4] && wn_base(s, n, 3, "", DY_WN_VERB))))
        m |= TAGBIT(DY_TAG_VBD) | TAGBIT(DY_TAG_VBN) | TAGBIT(DY_TAG_JJ);
    /* -ing: gerund or participle (and noun or adjective) */
    if (ENDS(s, n, "ing") &&
        (wn_base(s, n, 3, "", DY_WN_VERB) || wn_base(s, n, 3, "e", DY_WN_VERB) ||
         (n >= 6 && s[n - 4] == s[n - 5] && wn_base(s, n, 4, "", DY_WN_VERB)) ||
         (ENDS(s, n, "ying") && wn_base(s, n, 4, "ie", DY_WN_VERB))))
        m |= TAGBIT(DY_TAG_VBG) | TAGBIT(DY_TAG_NN) | TAGBIT(DY_TAG_JJ);
    /* -er, -est: comparative and superlative adjectives */
    if (ENDS(s, n, "er") &&
        (wn_base(s, n, 2, "", DY_WN_ADJ) || wn_base(s, n, 1, "", DY_WN_ADJ) ||
         (ENDS(s, n, "ier") && wn_base(s, n, 3, "y", DY_WN_ADJ))))
        m |= TAGBIT(DY_TAG_JJR);
    if (ENDS(s, n, "est") &&
        (wn_base(s, n, 3, "", DY_WN_ADJ) || wn_base(s, n, 2, "", DY_WN_ADJ) ||
         (ENDS(s, n, "iest") && wn_base(s, n, 4, "y", DY_WN_ADJ))))
        m |= TAGBIT(DY_TAG_JJS);
    /* -ly: adverb from an adjective */
    if (ENDS(s, n, "ly") &&
        (wn_base(s, n, 2, "", DY_WN_ADJ) ||
         (ENDS(s, n, "ily") && wn_base(s, n, 3, "y", DY_WN_ADJ)) ||
         (ENDS(s, n, "ally") && wn_base(s, n, 4, "", DY_WN_ADJ)) ||
         (ENDS(s, n, "bly") && wn_base(s, n, 1, "e", DY_WN_ADJ))))
        m |= TAGBIT(DY_TAG_RB);
    return m;
}

/* ---- one word out of context -------------------------------------------- */

/* Unknown word of a lower-case shape (l, h, d). */
static void unknown_lower(const char *s, size_t n, char shape, dist *d)
{
    dist_add_suffix(d, s, n, shape, 1.0f);
    uint64_t m = 0;
    if (shape == DY_SHAPE_LOWER) {
        m = wn_tags(s, n);
    } else if (shape == DY_SHAPE_LOWER_HYPHEN) {
        /* a compound's head is its last part: "pro-restoration" */
        const char *last = s;
        for (const char *h = memchr(s, '-', n); h; h = memchr(last, '-', n - (size_t)(last - s)))
            last = h + 1;
        size_t ln = n - (size_t)(last - s);
        if (ln > 0)
            m = wn_tags(last, ln);
        if (m)
            m |= TAGBIT(DY_TAG_JJ);   /* compounds often modify a noun */
    }
    if (m)
        dist_restrict(d, m, WN_LEAK, WN_FLOOR);
}

/* Is the word s[0..n) (its entry w) a rare -ed or -ing form, whose few
 * Treebank tags may well miss readings its form always has? */
static int sparse_verb_form(const dy_lex_word *w, const char *s, size_t n)
{
    return w->lcount <= RARE_LCOUNT && (ENDS(s, n, "ed") || ENDS(s, n, "ing"));
}

/* P(tag | word) of a word the Treebank knows, into d with the given total
 * weight; a rare -ed or -ing form smoothed with the unknown-word model of
 * its text s[0..n), whose shape is lower case (l, h, d). */
static void dist_add_known(dist *d, const dy_lex_word *w, const char *s, size_t n, char shape,
                           float weight)
{
    if (!sparse_verb_form(w, s, n) || shape == DY_SHAPE_OTHER) {
        dist_add_word(d, w, weight);
        return;
    }
    dist k, u;
    k.n = 0;
    u.n = 0;
    dist_add_word(&k, w, dy_lex_count(w));
    /* the other past form, as cands_from_word() adds it ("celebrated") */
    float vbd = dist_get(&k, DY_TAG_VBD), vbn = dist_get(&k, DY_TAG_VBN);
    if ((vbd > 0) != (vbn > 0) && ENDS(s, n, "ed"))
        dist_add(&k, vbd > 0 ? DY_TAG_VBN : DY_TAG_VBD, expf(TWIN_LOGP) * (vbd + vbn));
    unknown_lower(s, n, shape, &u);
    dist_mix(&k, &u, RARE_PRIOR);
    dist_mix(d, &k, weight);
}

/* Unknown capitalised word (c, H, a): mostly a proper noun.  WordNet tells
 * the plural of a nationality ("Palestinians") from a singular name. */
static void unknown_cap(const char *s, size_t n, char shape, const dy_lex_word *e, dist *d)
{
    dist_add_suffix(d, s, n, shape, 1.0f);
    uint64_t m = 0;
    unsigned b = e ? e->wn : 0;   /* e: the word's entry, if any (no tags) */
    if (b & (DY_WN_PROPER | DY_WN_PROPER_ADJ))
        m |= TAGBIT(DY_TAG_NNP);
    if (n > 3 && s[n - 1] == 's' && s[n - 2] != 's') {
        const dy_lex_word *w = dy_lex_find(s, n - 1);
        if (w && (w->wn & (DY_WN_PROPER | DY_WN_PROPER_ADJ)))
            m |= TAGBIT(DY_TAG_NNPS);
        if (w) {
            const dy_lex_tag *t = &dy_lex_tags[w->tags];
            for (unsigned k = 0; k < w->n_tags; k++)
                if (t[k].tag == DY_TAG_NNP || t[k].tag == DY_TAG_JJ)
                    m |= TAGBIT(DY_TAG_NNPS);
        }
    }
    if (m)
        dist_restrict(d, m, 2 * WN_LEAK, WN_FLOOR);
}

/* "al-Shabab", "el-Sisi", "bin-Laden": an Arabic article or kinship word
 * before a capitalised name. */
static int arabic_name(const char *s, size_t n)
{
    static const char *const pre[] = {
        "al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ul", "ud",
        "bin", "ibn", "abu", "abd",
    };
    const char *h = memchr(s, '-', n);
    if (!h || h + 1 >= s + n || !dy_lex_is_upper_start(h + 1, (size_t)(s + n - h - 1)))
        return 0;
    size_t pn = (size_t)(h - s);
    for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++)
        if (strlen(pre[i]) == pn && memcmp(s, pre[i], pn) == 0)
            return 1;
    return 0;
}

static void word_cands_rare(const char *s, size_t n, int initial, const dy_lex_word *e,
                            cands *c);

/* Is the capitalised word s[0..n) (its entry e, if any; low: its lower
 * case, NUL-terminated) the plural of a common noun of WordNet rather than
 * a name: the lower-case form is a noun plural there, and neither the word
 * nor its singular is a WordNet name ("Palestinians", "Kurds" are) or
 * known to the Treebank?  Only plurals: a bare singular noun seldom starts
 * a sentence, so a capitalised one is more likely a name ("Stinker is"). */
static int low_common(const char *s, size_t n, const dy_lex_word *e, const char *low)
{
    const unsigned names = DY_WN_PROPER | DY_WN_PROPER_ADJ;
    if (!low || (e && (e->wn & names)))
        return 0;
    if (n > 3 && s[n - 1] == 's') {
        const dy_lex_word *sg = dy_lex_find(s, n - 1);
        if (sg && ((sg->wn & names) || sg->n_tags))
            return 0;
    }
    return (wn_tags(low, n) & TAGBIT(DY_TAG_NNS)) != 0;
}

/* Candidates of one word; initial: it starts the sentence. */
static void word_cands(const char *s, size_t n, int initial, cands *c)
{
    const dy_lex_word *e = dy_lex_find(s, n);   /* may be WordNet's only */
    /* the common cases: a known word in lower case, but for a rare verb
     * form, or a capitalised one inside the sentence (no bracket or "#" is
     * in the lexicon) */
    if (e && e->n_tags && (!initial || !dy_lex_is_upper_start(s, n)) &&
        (!sparse_verb_form(e, s, n) || dy_lex_is_upper_start(s, n))) {
        c->kind = (uint8_t)e->kind;
        cands_from_word(e, c);
        return;
    }
    word_cands_rare(s, n, initial, e, c);
}

/* word_cands() for unknown words and capitalised first words: kept apart so
 * the common path stays small. */
static __attribute__((noinline)) void word_cands_rare(const char *s, size_t n, int initial,
                                                      const dy_lex_word *e, cands *c)
{
    c->kind = DY_KIND_OTHER;
    if (n == 0) {
        cands_one(c, DY_TAG_SYM);
        return;
    }
    unsigned char c0 = (unsigned char)s[0];
    if (c0 == '-' || c0 == '(' || c0 == ')' || c0 == '[' || c0 == ']' || c0 == '{' ||
        c0 == '}' || c0 == '#') {
        if (lrb_text(s, n)) {
            cands_one(c, DY_TAG_LRB);
            return;
        }
        if (rrb_text(s, n)) {
            cands_one(c, DY_TAG_RRB);
            return;
        }
        if (EQ(s, n, "#")) {
            cands_one(c, DY_TAG_HASH);
            return;
        }
    }
    const dy_lex_word *w = e && e->n_tags ? e : NULL;
    char shape = dy_lex_shape(s, n);
    int cap = shape == DY_SHAPE_CAP || shape == DY_SHAPE_CAP_HYPHEN || shape == DY_SHAPE_ALLCAPS;
    if (w && !cap) {
        c->kind = (uint8_t)w->kind;
        if (sparse_verb_form(w, s, n) && shape != DY_SHAPE_OTHER) {
            dist d;
            d.n = 0;
            dist_add_known(&d, w, s, n, shape, 1.0f);
            dist_to_cands(&d, c);
        } else {
            cands_from_word(w, c);
        }
        return;
    }
    const dy_lex_word *lw = NULL;
    char low[MAX_FOLD];
    size_t lown = cap ? fold(s, n, low, sizeof low) : 0;
    if (lown) {
        lw = dy_lex_find(low, n);
        if (lw && !lw->n_tags)
            lw = NULL;
        if (lw)
            c->kind = (uint8_t)lw->kind;
    }
    if (w && !(initial && lw)) {
        cands_from_word(w, c);
        return;
    }
    if (!w && is_number(s, n)) {
        w = dy_lex_find("*NUM*", 5);
        if (w && w->n_tags)
            cands_from_word(w, c);
        else
            cands_one(c, DY_TAG_CD);
        return;
    }
    dist d;
    d.n = 0;
    if (w) {
        /* sentence-initial word known in both cases ("The", "Old"): as
         * often as the Treebank has each */
        dist_add_word(&d, w, dy_lex_count(w));
        dist_add_word(&d, lw, dy_lex_count(lw));
    } else if (lw) {
        /* capitalised, known only in lower case */
        dist capd, lowd;
        capd.n = 0;
        lowd.n = 0;
        unknown_cap(s, n, shape, e, &capd);
        dist_add_known(&lowd, lw, low, n, dy_lex_shape(low, n), 1.0f);
        float share = initial ? LOWER_SHARE_INITIAL : LOWER_SHARE_INSIDE;
        dist_mix(&d, &lowd, share);
        dist_mix(&d, &capd, 1.0f - share);
    } else if (cap) {
        unknown_cap(s, n, shape, e, &d);
        /* The first word may owe its capital to its place alone: a plural
         * noun the Treebank lacks in either case ("Militants",
         * "Kidnappers") would otherwise be read as a name (NNPS), since
         * the suffix model of capitalised words is trained on names.  When
         * WordNet knows the lower-case form as a plural noun and the word
         * as no name, that reading gets the share a known lower-case word
         * gets there. */
        if (initial && shape == DY_SHAPE_CAP && low_common(s, n, e, lown ? low : NULL)) {
            dist capd = d, lowd;
            lowd.n = 0;
            d.n = 0;
            unknown_lower(low, n, DY_SHAPE_LOWER, &lowd);
            dist_mix(&d, &lowd, LOWER_SHARE_INITIAL);
            dist_mix(&d, &capd, 1.0f - LOWER_SHARE_INITIAL);
        }
    } else if (shape == DY_SHAPE_OTHER) {
        cands_one(c, DY_TAG_SYM);
        return;
    } else if (shape == DY_SHAPE_LOWER_HYPHEN && arabic_name(s, n)) {
        unknown_cap(s, n, DY_SHAPE_CAP, e, &d);
    } else {
        /* careless case: "wednesday", "obama".  The capitalised word's tags
         * apply when WordNet knows it as a proper noun ("Wednesday"; its
         * lower-case index lists "wednesday" as a noun too) or does not know
         * the word at all; not to "advisor", capitalised only in titles. */
        char title[MAX_FOLD];
        if (shape == DY_SHAPE_LOWER && n < sizeof title && c0 >= 'a' && c0 <= 'z') {
            memcpy(title, s, n);
            title[0] = (char)(c0 - 32);
            const dy_lex_word *tw = dy_lex_find(title, n);
            if (tw && tw->n_tags && ((tw->wn & DY_WN_PROPER) || !(e && e->wn))) {
                cands_from_word(tw, c);
                return;
            }
        }
        unknown_lower(s, n, shape, &d);
    }
    dist_to_cands(&d, c);
}

unsigned dy_tag_candidates(const char *word, size_t len, int initial,
                           uint8_t *tags, float *scores, unsigned max)
{
    cands c;
    word_cands(word ? word : "", word ? len : 0, initial, &c);
    unsigned k = c.n < max ? c.n : max;
    for (unsigned i = 0; i < k; i++) {
        tags[i] = c.tag[i];
        scores[i] = c.emit[i];
    }
    return k;
}

/* ---- context ------------------------------------------------------------- */

static int is_verb_tag(uint8_t t)
{
    return t >= DY_TAG_VB && t <= DY_TAG_VBZ;
}

#define VERB_TAGS (TAGBIT(DY_TAG_VB) | TAGBIT(DY_TAG_VBD) | TAGBIT(DY_TAG_VBG) | \
                   TAGBIT(DY_TAG_VBN) | TAGBIT(DY_TAG_VBP) | TAGBIT(DY_TAG_VBZ))

static int has_verb_tag(const cands *c)
{
    return (c->mask & VERB_TAGS) != 0;
}

static int is_punct_tag(uint8_t t)
{
    return t >= DY_TAG_COMMA;
}

/* Is "verb particle" a phrasal verb of WordNet ("burned down": burn_down),
 * for some base form of the verb? */
static int phrasal(const char *v, size_t vn, const char *p, size_t pn)
{
    char low[MAX_FOLD], key[MAX_FOLD + 24];
    if (!fold(v, vn, low, sizeof low) || pn > 16)
        return 0;
    /* (letters cut, letters added) for the regular inflections */
    const struct {
        uint8_t cut;
        const char *add;
        int ok;
    } stems[] = {
        {0, "", 1},
        {1, "", ENDS(low, vn, "s") || ENDS(low, vn, "ed")},
        {2, "", ENDS(low, vn, "es") || ENDS(low, vn, "ed")},
        {3, "y", ENDS(low, vn, "ies") || ENDS(low, vn, "ied")},
        {3, "", ENDS(low, vn, "ing") ||
                (ENDS(low, vn, "ed") && vn > 4 && low[vn - 3] == low[vn - 4])},
        {3, "e", ENDS(low, vn, "ing")},
        {4, "", ENDS(low, vn, "ing") && vn > 5 && low[vn - 4] == low[vn - 5]},
    };
    for (size_t i = 0; i < sizeof stems / sizeof stems[0]; i++) {
        if (!stems[i].ok || (size_t)stems[i].cut + 2 > vn)
            continue;
        size_t m = vn - stems[i].cut, am = strlen(stems[i].add);
        memcpy(key, low, m);
        memcpy(key + m, stems[i].add, am);
        m += am;
        key[m++] = '_';
        for (size_t k = 0; k < pn; k++)
            key[m + k] = (char)(p[k] >= 'A' && p[k] <= 'Z' ? p[k] + 32 : p[k]);
        if (dy_lex_find(key, m + pn))
            return 1;
    }
    return 0;
}

/* A particle (RP) needs a verb that takes it, at most four words back. */
static int particle_ok(const dy_token *tok, uint32_t i, const cands *c)
{
    size_t pn;
    const char *p = text_of(&tok[i], &pn);
    for (uint32_t j = i; j-- > 0 && i - j <= 4;) {
        if (c[j].n && is_punct_tag(c[j].tag[0]))
            break;
        size_t vn;
        const char *v = text_of(&tok[j], &vn);
        if (has_verb_tag(&c[j]) && phrasal(v, vn, p, pn))
            return 1;
    }
    return 0;
}

/* Is RP a candidate with at least 5% of the word's mass?  ("up", "out",
 * not the rare RP of "in") */
static int rp_matters(const cands *c)
{
    if (!has_tag(c, DY_TAG_RP))
        return 0;
    for (unsigned k = 0; k < c->n; k++)
        if (c->tag[k] == DY_TAG_RP)
            return c->emit[k] + dy_lex_tag_logp[DY_TAG_RP] > -3.0f;
    return 0;
}

/* What the bigram model cannot see: the auxiliary or modal before a verb,
 * possibly across adverbs ("has again appealed", "did n't clash"); whether a
 * verb takes a particle; a few fixed phrases.  tok and c start at the
 * window; n tokens. */
static void context(const dy_token *tok, uint32_t n, cands *c)
{
    int ctx = DY_KIND_OTHER;   /* kind of the last word that is no adverb */
    for (uint32_t i = 0; i < n; i++) {
        cands *ci = &c[i];
        const dy_token *t = &tok[i];
        const dy_token *next = i + 1 < n ? &tok[i + 1] : NULL;
        if (ci->n < 2)
            goto next_word;   /* nothing to choose between */
        switch (ctx) {
        case DY_KIND_HAVE:
            if (has_tag(ci, DY_TAG_VBN))
                scale(ci, DY_TAG_JJ, HAVE_NOT_ADJ);
            /* fall through */
        case DY_KIND_BE:
            scale(ci, DY_TAG_VBD, AUX_NO_PAST);
            scale(ci, DY_TAG_VB, AUX_WRONG_FORM);
            scale(ci, DY_TAG_VBP, AUX_WRONG_FORM);
            scale(ci, DY_TAG_VBZ, AUX_WRONG_FORM);
            break;
        case DY_KIND_DO:
        case DY_KIND_MODAL:
            scale(ci, DY_TAG_VBD, AUX_NO_PAST);
            scale(ci, DY_TAG_VBN, AUX_WRONG_FORM);
            scale(ci, DY_TAG_VBP, AUX_WRONG_FORM);
            scale(ci, DY_TAG_VBZ, AUX_WRONG_FORM);
            break;
        default:
            break;
        }
        if (t->text && t->len <= 5) {
            /* "about to" + verb: IN, as the Treebank tags it */
            if (next && TOK_IS(t, "about") && TOK_IS(next, "to"))
                scale(ci, DY_TAG_RB, FIXED_PHRASE);
            /* "as many as", "as well as": the first "as" is an adverb */
            if (i + 2 < n && TOK_IS(t, "as") && TOK_IS(&tok[i + 2], "as") &&
                (has_tag(&c[i + 1], DY_TAG_JJ) || has_tag(&c[i + 1], DY_TAG_RB)))
                scale(ci, DY_TAG_IN, FIXED_PHRASE);
        }
        if (rp_matters(ci)) {
            if (next && TOK_IS(t, "out") && TOK_IS(next, "of")) {
                /* "out of" is IN IN, as "because of" */
                scale(ci, DY_TAG_RP, FIXED_PHRASE);
                scale(ci, DY_TAG_RB, FIXED_PHRASE);
            } else if (!particle_ok(tok, i, c)) {
                scale(ci, DY_TAG_RP, NO_PARTICLE);
            }
        }
        /* "sent by": the passive participle */
        if (next && has_tag(ci, DY_TAG_VBN) && TOK_IS(next, "by"))
            scale(ci, DY_TAG_VBD, PASSIVE_BY);
    next_word:
        /* adverbs are looked through: "never", "also", "again" */
        if (ci->kind == DY_KIND_NEGATION)
            continue;
        if (ci->kind == DY_KIND_OTHER && ci->n > 0 && ci->tag[0] == DY_TAG_RB)
            continue;
        ctx = ci->kind;
    }
}

/* ---- clause-level correction --------------------------------------------- */

/* log P(tag | word) of a candidate list, up to the word's constant; -inf
 * when the tag is no candidate. */
static float cand_logp(const cands *c, uint8_t tag)
{
    for (unsigned k = 0; k < c->n; k++)
        if (c->tag[k] == tag)
            return c->emit[k] + dy_lex_tag_logp[tag];
    return -INFINITY;
}

/* Is a past form at least as often a verb (VBD, VBN) as an adjective? */
static int mostly_verb(const cands *c)
{
    return logf(expf(cand_logp(c, DY_TAG_VBD)) + expf(cand_logp(c, DY_TAG_VBN))) >=
           cand_logp(c, DY_TAG_JJ);
}

static int is_finite(uint8_t t)
{
    return t == DY_TAG_VBD || t == DY_TAG_VBZ || t == DY_TAG_VBP || t == DY_TAG_MD;
}

static int is_nominal(uint8_t t)
{
    return t == DY_TAG_NN || t == DY_TAG_NNS || t == DY_TAG_NNP || t == DY_TAG_NNPS ||
           t == DY_TAG_PRP || t == DY_TAG_CD || t == DY_TAG_WP;
}

static int is_noun(uint8_t t)
{
    return t == DY_TAG_NN || t == DY_TAG_NNS || t == DY_TAG_NNP || t == DY_TAG_NNPS;
}

static int is_adverb(uint8_t t)
{
    return t == DY_TAG_RB || t == DY_TAG_RBR || t == DY_TAG_RBS;
}

/* Tags inside a noun phrase before its head. */
static int np_inner(uint8_t t)
{
    return t == DY_TAG_DT || t == DY_TAG_PDT || t == DY_TAG_JJ || t == DY_TAG_JJR ||
           t == DY_TAG_JJS || t == DY_TAG_CD || t == DY_TAG_NN || t == DY_TAG_NNS ||
           t == DY_TAG_NNP || t == DY_TAG_NNPS || t == DY_TAG_PRPS || t == DY_TAG_POS;
}

/* Does the token open a clause: "as", "since", "after", "that", "who"...? */
static int clause_opener(const dy_token *t)
{
    if (t->tag == DY_TAG_WDT || t->tag == DY_TAG_WP || t->tag == DY_TAG_WPS ||
        t->tag == DY_TAG_WRB || t->tag == DY_TAG_COLON)
        return 1;
    char w[12];
    if (t->tag != DY_TAG_IN || !t->text || !fold(t->text, t->len, w, sizeof w))
        return 0;
    size_t n = t->len;
    return EQ(w, n, "as") || EQ(w, n, "since") || EQ(w, n, "after") || EQ(w, n, "before") ||
           EQ(w, n, "because") || EQ(w, n, "while") || EQ(w, n, "although") ||
           EQ(w, n, "though") || EQ(w, n, "if") || EQ(w, n, "until") || EQ(w, n, "unless") ||
           EQ(w, n, "once") || EQ(w, n, "whereas") || EQ(w, n, "that") ||
           EQ(w, n, "whether") || EQ(w, n, "when");
}

/* May a subject follow this token? */
static int subject_left(const dy_token *t)
{
    return clause_opener(t) || t->tag == DY_TAG_CC || t->tag == DY_TAG_COMMA ||
           t->tag == DY_TAG_LQUOTE || is_adverb(t->tag);
}

static int is_aux_kind(uint8_t k)
{
    return k == DY_KIND_BE || k == DY_KIND_HAVE || k == DY_KIND_GET;
}

/* Every scan over a clause looks at most SCAN tokens away, so that a
 * sentence of any length is tagged in linear time. */
#define SCAN 48u

static uint32_t lo_bound(uint32_t i)
{
    return i > SCAN ? i - SCAN : 0;
}

static uint32_t hi_bound(uint32_t i, uint32_t n)
{
    return n - i > SCAN ? i + SCAN : n;
}

static int says(const dy_token *t);

/* Does the noun phrase starting at tok[s0] follow a verb of saying, as
 * the subject of a clause without "that" ("said the troops sent there
 * arrived", "he said government proposed to")? */
static int after_say(const dy_token *tok, uint32_t s0)
{
    return s0 > 0 && (tok[s0 - 1].tag == DY_TAG_VBD || tok[s0 - 1].tag == DY_TAG_VBZ ||
                      tok[s0 - 1].tag == DY_TAG_VBP) && says(&tok[s0 - 1]);
}

/* A clause needs a finite verb: a past participle right after its subject,
 * with no auxiliary before it and no other finite verb in the clause, is
 * the past tense ("after crowds burned down its embassy", "as the leader
 * prepared to attend").  tok and c start at the window; n tokens. */
static void finite_clause(dy_token *tok, uint32_t n, const cands *c)
{
    /* a sentence without any finite verb */
    int verbless = 1;
    for (uint32_t i = 0; i < n && verbless; i++)
        verbless = !is_finite(tok[i].tag);
    for (uint32_t i = 1; i < n; i++) {
        dy_token *t = &tok[i];
        /* a past form read as an adjective too, when it is more often a
         * verb, or when the sentence has no verb otherwise: "the two
         * countries normalized/JJ relations", "North Korea test-fired/JJ
         * missiles" */
        if (!(t->tag == DY_TAG_VBN || t->tag == DY_TAG_JJ) || !has_tag(&c[i], DY_TAG_VBD) ||
            (t->tag == DY_TAG_JJ && !verbless && !mostly_verb(&c[i])))
            continue;
        const dy_token *next = i + 1 < n ? &tok[i + 1] : NULL;
        if (next && TOK_IS(next, "by"))
            continue;
        /* the subject right before it, across adverbs and one comma */
        uint32_t j = i;
        while (j > 0 && (is_adverb(tok[j - 1].tag) || c[j - 1].kind == DY_KIND_NEGATION))
            j--;
        int comma = j > 0 && tok[j - 1].tag == DY_TAG_COMMA;
        if (comma)
            j--;
        if (j == 0 || !is_nominal(tok[j - 1].tag))
            continue;
        /* after a comma, only with an object after it: "Petraeus , held
         * talks", not "The civilians , imprisoned for ..." */
        if (comma && !(next && (is_nominal(next->tag) || next->tag == DY_TAG_DT ||
                                next->tag == DY_TAG_PRPS)))
            continue;
        /* the noun phrase stands where a subject stands, not after a
         * preposition or a verb: "conditions of an agreement forced on" */
        uint32_t s0 = j - 1;
        while (s0 > 0 && np_inner(tok[s0 - 1].tag))
            s0--;
        /* "Refugees fleeing the fighting crossed": the noun phrase is the
         * object of an -ing form that modifies the subject */
        if (s0 > 1 && tok[s0 - 1].tag == DY_TAG_VBG && is_noun(tok[s0 - 2].tag)) {
            s0 -= 2;
            while (s0 > 0 && np_inner(tok[s0 - 1].tag))
                s0--;
        }
        /* "Thousands of protesters demonstrated", "members of the group
         * attacked": the subject is the whole "NP of NP" */
        while (s0 > 1 && TOK_IS(&tok[s0 - 1], "of") && is_nominal(tok[s0 - 2].tag)) {
            s0 -= 2;
            while (s0 > 0 && np_inner(tok[s0 - 1].tag))
                s0--;
        }
        int bare = after_say(tok, s0);
        if (s0 > 0 && !subject_left(&tok[s0 - 1]) && !bare)
            continue;
        /* no auxiliary or finite verb back to the clause's start ... */
        int ok = 1;
        for (uint32_t k = i; ok && k-- > (bare ? s0 : lo_bound(i));) {
            if (is_aux_kind(c[k].kind) || is_finite(tok[k].tag))
                ok = 0;
            else if (clause_opener(&tok[k]))
                break;
        }
        /* ... nor after it, up to the next comma or clause; a past tense
         * after a conjunction is a second verb of the same subject
         * ("whose vessels collided off Talisay City and caused") */
        for (uint32_t k = i + 1; ok && k < hi_bound(i, n); k++) {
            if (tok[k].tag == DY_TAG_COMMA || clause_opener(&tok[k]))
                break;
            if (tok[k].tag == DY_TAG_CC && k + 1 < n && tok[k + 1].tag == DY_TAG_VBD)
                break;
            if (is_finite(tok[k].tag))
                ok = 0;
        }
        if (ok)
            t->tag = DY_TAG_VBD;
    }
}

/* A base form right after a finite lexical verb is a noun that can also
 * be a verb: "used tear/NN gas", "fired warning/NN shots".  Auxiliaries
 * ("did attack"), causatives and perception verbs ("let them go", "helped
 * build", "saw them fall") take a base form and are left alone, as is a
 * base form before a determiner or pronoun (its own object). */
static void base_after_finite(dy_token *tok, uint32_t n, const cands *c)
{
    static const char *const takes_base[] = {
        "let", "lets", "make", "makes", "made", "help", "helps", "helped", "see", "saw",
        "sees", "hear", "heard", "hears", "watch", "watched", "had", "have", "has",
        "dare", "dared", "need", "go", "come", "went", "came", NULL};
    for (uint32_t i = 1; i + 1 < n; i++) {
        dy_token *t = &tok[i];
        const dy_token *v = &tok[i - 1];
        if (t->tag != DY_TAG_VB)
            continue;
        if (!(v->tag == DY_TAG_VBD || v->tag == DY_TAG_VBZ || v->tag == DY_TAG_VBP))
            continue;
        if (c[i - 1].kind != DY_KIND_OTHER)
            continue;                         /* be, have, do, modals */
        int base_taker = 0;
        for (int k = 0; takes_base[k] && !base_taker; k++)
            base_taker = strcasecmp(v->text, takes_base[k]) == 0;
        uint8_t nt = tok[i + 1].tag;
        if (base_taker || nt == DY_TAG_DT || nt == DY_TAG_PRP || nt == DY_TAG_PRPS)
            continue;
        /* the noun of a compound ("tear gas"), even when the lexicon knows
         * the word only as a verb */
        if (nt == DY_TAG_NN || nt == DY_TAG_NNS)
            t->tag = DY_TAG_NN;
    }
}

/* ---- participles and past tenses after decoding --------------------------- */

/* A lower-case word of at most 15 bytes into w (NUL-terminated); 0 when it
 * does not fit. */
static size_t word_lower(const dy_token *t, char w[16])
{
    if (!t->text || t->len == 0 || t->len >= 16)
        return 0;
    return fold(t->text, t->len, w, 16);
}

/* Verbs that take a clause without "that" ("said the army attacked"), by
 * the start of the word.  After them a noun and a verb may open a new
 * clause, so a verb there is no participle. */
static int says(const dy_token *t)
{
    /* by first letter: stems ending in '|' */
    static const char *const stems[26] = {
        [0] = "acknowledg|add|admit|agree|alleg|announc|argu|ask|assert|",  /* a */
        [1] = "believ|",  /* b */
        [2] = "claim|complain|conced|conclud|confirm|contend|",  /* c */
        [3] = "decid|declar|demand|denied|deny|doubt|",  /* d */
        [4] = "estimat|expect|explain|",  /* e */
        [5] = "fear|feel|felt|found|",  /* f */
        [7] = "heard|hope|",  /* h */
        [8] = "indicat|insist|",  /* i */
        [10] = "knew|know|",  /* k */
        [11] = "learn|",  /* l */
        [12] = "maintain|mention|",  /* m */
        [13] = "note|notic|",  /* n */
        [14] = "observ|",  /* o */
        [15] = "pledg|predict|promis|prove|",  /* p */
        [17] = "realiz|recogni|remember|repl|report|reveal|",  /* r */
        [18] = "said|say|show|signal|state|stress|suggest|suspect|swore|sworn|",  /* s */
        [19] = "tell|testif|think|thought|threaten|told|",  /* t */
        [20] = "understood|urg|",  /* u */
        [21] = "vow|",  /* v */
        [22] = "warn|wish|wrote|",  /* w */
    };
    char w[16];
    size_t n = word_lower(t, w);
    if (!n || w[0] < 'a' || w[0] > 'z')
        return 0;
    for (const char *s = stems[w[0] - 'a']; s && *s;) {
        const char *e = strchr(s, '|');
        size_t l = (size_t)(e - s);
        if (l <= n && memcmp(w, s, l) == 0)
            return 1;
        s = e + 1;
    }
    return 0;
}

/* A bare time expression starting at tok[i] ("Tuesday", "yesterday", "last
 * week"): its length in tokens, 0 when none. */
static uint32_t time_words(const dy_token *tok, uint32_t n, uint32_t i)
{
    static const char *const days[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "today", "yesterday", "tomorrow", "tonight", "overnight",
    };
    char w[16];
    size_t len = i < n ? word_lower(&tok[i], w) : 0;
    if (!len)
        return 0;
    for (size_t k = 0; k < sizeof days / sizeof days[0]; k++)
        if (strcmp(w, days[k]) == 0)
            return 1 + (i + 1 < n && time_words(tok, n, i + 1) == 1);   /* "Tuesday night" */
    if ((EQ(w, len, "last") || EQ(w, len, "this") || EQ(w, len, "next") ||
         EQ(w, len, "late") || EQ(w, len, "early")) &&
        i + 1 < n && is_noun(tok[i + 1].tag)) {
        static const char *const units[] = {
            "week", "month", "year", "night", "morning", "afternoon", "evening",
            "weekend", "day", "spring", "summer", "autumn", "fall", "winter", "monday",
            "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        };
        char u[16];
        size_t ul = word_lower(&tok[i + 1], u);
        for (size_t k = 0; ul && k < sizeof units / sizeof units[0]; k++)
            if (strcmp(u, units[k]) == 0 || (ul == strlen(units[k]) + 1 && u[ul - 1] == 's' &&
                                             memcmp(u, units[k], ul - 1) == 0))
                return 2;
    }
    return 0;
}

/* The end of a noun phrase starting at tok[i]: [PDT] [DT|PRP$] modifiers
 * and nouns, with possessives ("the Rwandan capital", "Russia 's arms
 * makers"), or a pronoun.  i when there is none. */
static uint32_t np_end(const dy_token *tok, uint32_t n, uint32_t i)
{
    uint32_t q = i, head = i;
    n = hi_bound(i, n);
    if (q < n && (tok[q].tag == DY_TAG_PRP || tok[q].tag == DY_TAG_EX))
        return q + 1;
    if (q < n && tok[q].tag == DY_TAG_PDT)
        q++;
    if (q < n && (tok[q].tag == DY_TAG_DT || tok[q].tag == DY_TAG_PRPS))
        q++;
    for (; q < n; q++) {
        uint8_t t = tok[q].tag;
        if (is_noun(t) || t == DY_TAG_CD)
            head = q + 1;
        else if (t == DY_TAG_POS && head == q)
            continue;
        else if (!(t == DY_TAG_JJ || t == DY_TAG_JJR || t == DY_TAG_JJS || t == DY_TAG_VBN ||
                   t == DY_TAG_VBG || t == DY_TAG_HASH || t == DY_TAG_DOLLAR))
            break;
    }
    return head;
}

/* Subordinators that open a clause rather than a prepositional phrase. */
static int subordinator(const dy_token *t)
{
    char w[16];
    size_t n = word_lower(t, w);
    return EQ(w, n, "that") || EQ(w, n, "whether") || EQ(w, n, "if") ||
           EQ(w, n, "because") || EQ(w, n, "although") || EQ(w, n, "though") ||
           EQ(w, n, "unless") || EQ(w, n, "whereas") || EQ(w, n, "while") ||
           EQ(w, n, "as") || EQ(w, n, "once") || EQ(w, n, "since") || EQ(w, n, "until");
}

/* Does a word that may take an object have one right after it: a noun
 * phrase that is no bare time expression, or "that"? */
static int object_follows(const dy_token *tok, uint32_t n, uint32_t i)
{
    if (i >= n)
        return 0;
    uint8_t t = tok[i].tag;
    if (time_words(tok, n, i))
        return 0;
    return t == DY_TAG_DT || t == DY_TAG_PDT || t == DY_TAG_PRPS || t == DY_TAG_PRP ||
           t == DY_TAG_CD || t == DY_TAG_JJ || t == DY_TAG_JJR || t == DY_TAG_JJS ||
           is_noun(t) || (t == DY_TAG_IN && TOK_IS(&tok[i], "that")) || t == DY_TAG_WDT ||
           t == DY_TAG_LQUOTE || t == DY_TAG_DOLLAR;
}

/* The start of the noun phrase that ends with tok[j]: back over nouns,
 * modifiers and possessives to a determiner, which is the start. */
static uint32_t np_start_back(const dy_token *tok, uint32_t j)
{
    uint32_t s0 = j;
    while (s0 > lo_bound(j)) {
        uint8_t t = tok[s0 - 1].tag;
        if (t == DY_TAG_DT || t == DY_TAG_PRPS || t == DY_TAG_PDT) {
            s0--;
            if (s0 > 0 && tok[s0 - 1].tag == DY_TAG_PDT)
                s0--;
            break;
        }
        if (!(is_noun(t) || t == DY_TAG_JJ || t == DY_TAG_JJR || t == DY_TAG_JJS ||
              t == DY_TAG_CD || t == DY_TAG_POS))
            break;
        s0--;
    }
    return s0;
}

/* A verb in the subject's noun phrase and another one after it, with
 * nothing between but a time expression and prepositional phrases: one of
 * them is the clause's verb, the other a participle modifying the subject.
 * When the first has no object and the second is finite, or could be the
 * past tense, the first is the participle ("a report released Tuesday in
 * the Rwandan capital alleged that ...", "the man arrested yesterday is").
 * Verbs of saying are left alone ("officials said in Geneva talks were"). */
static void reduced_subject(dy_token *tok, uint32_t n, const cands *c)
{
    for (uint32_t i = 1; i + 1 < n; i++) {
        dy_token *t = &tok[i];
        if (t->tag != DY_TAG_VBD || !has_tag(&c[i], DY_TAG_VBN) || !is_noun(tok[i - 1].tag))
            continue;
        /* a verb of saying only in its passive uses: "believed linked",
         * "said to be" */
        uint8_t nt = tok[i + 1].tag;
        if (says(t) && !(nt == DY_TAG_VBN || nt == DY_TAG_JJ ||
                         (nt == DY_TAG_TO && i + 2 < n && tok[i + 2].tag == DY_TAG_VB)))
            continue;
        uint32_t s0 = np_start_back(tok, i - 1);
        int bare = after_say(tok, s0);
        if (s0 > 0 && !(clause_opener(&tok[s0 - 1]) || tok[s0 - 1].tag == DY_TAG_CC ||
                        tok[s0 - 1].tag == DY_TAG_LQUOTE || bare))
            continue;
        /* nothing finite before it in the clause */
        int ok = !bare || !says(t);
        for (uint32_t k = s0; ok && !bare && k-- > lo_bound(s0);) {
            if (clause_opener(&tok[k]) || tok[k].tag == DY_TAG_CC)
                break;
            if (is_aux_kind(c[k].kind) || is_finite(tok[k].tag) || tok[k].tag == DY_TAG_VBN)
                ok = 0;
        }
        uint32_t q = i + 1;
        if (q < n && tok[q].tag == DY_TAG_RP)
            q++;
        if (!ok || object_follows(tok, n, q))
            continue;
        while (q < n && is_adverb(tok[q].tag))
            q++;
        /* "believed linked to", "reported missing in" */
        if (q < n && (tok[q].tag == DY_TAG_VBN || tok[q].tag == DY_TAG_JJ) &&
            q + 1 < n && (tok[q + 1].tag == DY_TAG_IN || tok[q + 1].tag == DY_TAG_TO))
            q++;
        q += time_words(tok, n, q);
        int pps = 0, opener = 0;
        for (;;) {
            if (q > i + SCAN)
                break;
            while (q < n && is_adverb(tok[q].tag))
                q++;
            if (q < n && (tok[q].tag == DY_TAG_IN || tok[q].tag == DY_TAG_TO) &&
                !subordinator(&tok[q])) {
                uint32_t e = np_end(tok, n, q + 1);
                if (e == q + 1)
                    break;
                opener = clause_opener(&tok[q]);
                q = e;
                pps++;
                continue;
            }
            break;
        }
        if (q >= n || (pps == 0 && q == i + 1))
            continue;
        /* "after", "before" may also open a clause whose subject the noun
         * phrase is, and the verb after it is then that clause's: the
         * first verb keeps its finite reading when the word is more often
         * a past tense than a participle ("Violence erupted after the
         * president died", but "the man arrested after the attack
         * confessed") */
        if (opener && is_finite(tok[q].tag) &&
            cand_logp(&c[i], DY_TAG_VBD) >= cand_logp(&c[i], DY_TAG_VBN))
            continue;
        /* a relative clause on the last noun ("linked to Al-Qaeda who
         * shot at US officers ... was extradited"): its own finite verb
         * first, then the clause's, before any comma or conjunction */
        if (pps && (tok[q].tag == DY_TAG_WP || tok[q].tag == DY_TAG_WDT)) {
            uint32_t e = q + 1, seen = 0, stop = q + 40 < n ? q + 40 : n;
            for (; e < stop; e++) {
                uint8_t et = tok[e].tag;
                if (et == DY_TAG_COMMA || et == DY_TAG_CC || et == DY_TAG_COLON ||
                    et == DY_TAG_WP || et == DY_TAG_WDT)
                    break;
                if (is_finite(et) && seen++)
                    break;
            }
            if (e >= stop || !is_finite(tok[e].tag) || seen < 2)
                continue;
            t->tag = DY_TAG_VBN;
            continue;
        }
        dy_token *v = &tok[q];
        if (v->tag == DY_TAG_VBN && has_tag(&c[q], DY_TAG_VBD) &&
            !(q + 1 < n && TOK_IS(&tok[q + 1], "by"))) {
            v->tag = DY_TAG_VBD;
            t->tag = DY_TAG_VBN;
        } else if (is_finite(v->tag)) {
            t->tag = DY_TAG_VBN;
        }
    }
}

/* A past form right after the object of a preposition, in a clause whose
 * verb came before, with no object of its own: a participle modifying that
 * object ("welcomed assurances on cultural issues sent from Bree", "blown
 * up by a missile believed to be fired").  Not after a verb of saying,
 * whose object may be a clause of its own ("said the fighting in the city
 * ended"). */
static void participle_after_pp(dy_token *tok, uint32_t n, const cands *c)
{
    for (uint32_t i = 2; i < n; i++) {
        dy_token *t = &tok[i];
        if (t->tag != DY_TAG_VBD || !has_tag(&c[i], DY_TAG_VBN) || !is_noun(tok[i - 1].tag))
            continue;
        uint32_t s0 = np_start_back(tok, i - 1);
        if (s0 == 0 || !(tok[s0 - 1].tag == DY_TAG_IN || tok[s0 - 1].tag == DY_TAG_TO) ||
            clause_opener(&tok[s0 - 1]) || subordinator(&tok[s0 - 1]))
            continue;
        uint32_t q = i + 1;
        if (q < n && tok[q].tag == DY_TAG_RP)
            q++;
        if (object_follows(tok, n, q))
            continue;
        /* not a reporting verb at the end: ", one of the girls said ." */
        if (says(t) && (q >= n || tok[q].tag == DY_TAG_PERIOD || tok[q].tag == DY_TAG_COMMA))
            continue;
        int verb = 0;
        for (uint32_t k = s0; !verb && k-- > lo_bound(s0);) {
            if (clause_opener(&tok[k]) || tok[k].tag == DY_TAG_CC || tok[k].tag == DY_TAG_COMMA)
                break;
            if (is_verb_tag(tok[k].tag) && says(&tok[k]))
                break;
            if (is_aux_kind(c[k].kind) || is_finite(tok[k].tag))
                verb = 1;
        }
        if (verb)
            t->tag = DY_TAG_VBN;
    }
}

/* A sentence that opens with a name and has no finite verb before its
 * first subordinate clause or comma: a word right after the name that may
 * be a present-tense verb, and is followed by a preposition or a noun
 * phrase, is that verb ("Ethiopia act on a resolution ... after crowds
 * trashed its embassy"), not a compound noun. */
static void verbless_start(dy_token *tok, uint32_t n, const cands *c)
{
    uint32_t k = 0;
    while (k < n && k < 4 && (tok[k].tag == DY_TAG_NNP || tok[k].tag == DY_TAG_NNPS))
        k++;
    if (k == 0 || k + 1 >= n || !(tok[k].tag == DY_TAG_NN || tok[k].tag == DY_TAG_NNS))
        return;
    uint8_t want = tok[k].tag == DY_TAG_NN ? DY_TAG_VBP : DY_TAG_VBZ;
    if (!has_tag(&c[k], want))
        return;
    uint8_t nt = tok[k + 1].tag;
    if (!(nt == DY_TAG_IN || nt == DY_TAG_TO || nt == DY_TAG_DT || nt == DY_TAG_PRPS) ||
        subordinator(&tok[k + 1]))
        return;
    for (uint32_t i = k + 1; i < hi_bound(k, n); i++) {
        if (tok[i].tag == DY_TAG_COMMA || tok[i].tag == DY_TAG_COLON || clause_opener(&tok[i]) ||
            tok[i].tag == DY_TAG_CC)
            break;
        if (is_verb_tag(tok[i].tag) || tok[i].tag == DY_TAG_MD)
            return;
    }
    tok[k].tag = want;
}

/* A past form right after a conjunction, when the clause's verb before the
 * conjunction is a past tense too: the second verb of a coordination
 * ("condemned the attack and promised aid"), not an adjective, when the
 * word is at least as often a past tense as an adjective. */
static void coordinated_past(dy_token *tok, uint32_t n, const cands *c)
{
    for (uint32_t i = 2; i + 1 < n; i++) {
        dy_token *t = &tok[i];
        if ((t->tag != DY_TAG_JJ && t->tag != DY_TAG_VBN) || tok[i - 1].tag != DY_TAG_CC ||
            !has_tag(&c[i], DY_TAG_VBD) || !mostly_verb(&c[i]))
            continue;
        uint8_t nt = tok[i + 1].tag;
        if (!(object_follows(tok, n, i + 1) || nt == DY_TAG_IN || nt == DY_TAG_TO ||
              nt == DY_TAG_RP))
            continue;
        /* not the modifier of a subject: "and affected areas were flooded" */
        int later = 0;
        for (uint32_t k = i + 1; !later && k < hi_bound(i, n); k++) {
            if (tok[k].tag == DY_TAG_COMMA || clause_opener(&tok[k]) || tok[k].tag == DY_TAG_CC)
                break;
            later = is_finite(tok[k].tag);
        }
        if (later)
            continue;
        /* the last verb before the conjunction, in the same clause */
        for (uint32_t k = i - 1; k-- > lo_bound(i);) {
            if (clause_opener(&tok[k]))
                break;
            if (is_verb_tag(tok[k].tag) || tok[k].tag == DY_TAG_MD) {
                int aux = 0;
                for (uint32_t a = k; a-- > 0 && (is_adverb(tok[a].tag) ||
                                                 is_aux_kind(c[a].kind) ||
                                                 c[a].kind == DY_KIND_NEGATION);)
                    aux |= is_aux_kind(c[a].kind) || c[a].kind == DY_KIND_MODAL;
                if (tok[k].tag == DY_TAG_VBD && !aux)
                    t->tag = DY_TAG_VBD;
                break;
            }
        }
    }
}

/* A month name ("March"): a time expression in "in March". */
static int month_word(const dy_token *t)
{
    static const char *const months[] = {
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
    };
    char w[16];
    if (t->tag != DY_TAG_NNP || !word_lower(t, w))
        return 0;
    for (size_t k = 0; k < sizeof months / sizeof months[0]; k++)
        if (strcmp(w, months[k]) == 0)
            return 1;
    return 0;
}

/* Does a time expression start at tok[q], bare or as the object of a
 * preposition: "last week", "on Friday", "in March", "in 2015"? */
static int time_follows(const dy_token *tok, uint32_t n, uint32_t q)
{
    if (q >= n)
        return 0;
    if (time_words(tok, n, q))
        return 1;
    if (tok[q].tag != DY_TAG_IN || q + 1 >= n)
        return 0;
    size_t len;
    const char *y = text_of(&tok[q + 1], &len);
    return time_words(tok, n, q + 1) || month_word(&tok[q + 1]) ||
           (tok[q + 1].tag == DY_TAG_CD && len == 4 && y[0] >= '1' && y[0] <= '2');
}

/* Is a capitalised -ing word read as a name only for its capital: the
 * Treebank does not know it mainly as a name, and its lower-case form is a
 * noun there or in WordNet ("Shelling", "Fighting"; not "Manning", whose
 * lower-case form is a verb only, nor "Beijing")? */
static int lower_ing(const dy_token *t)
{
    char w[16];
    size_t n = word_lower(t, w), len;
    const char *s = text_of(t, &len);
    const dy_lex_word *e = dy_lex_find(s, len);
    if (!n || (e && e->n_tags && dy_lex_tags[e->tags].tag == DY_TAG_NNP))
        return 0;
    const dy_lex_word *lw = dy_lex_find(w, n);
    if (!lw)
        return 0;
    for (unsigned k = 0; k < lw->n_tags; k++)
        if (dy_lex_tags[lw->tags + k].tag == DY_TAG_NN)
            return 1;
    return (lw->wn & DY_WN_NOUN) != 0;
}

/* -ing forms whose reading depends on more than the word before them.
 * Each one found becomes a candidate list of its one tag, and the window
 * is decoded again so its neighbours follow; returns whether any did.
 * first: the window's first token in the sentence.
 *
 * An -ing word that heads a noun phrase is a noun, as the Treebank tags
 * gerunds without an object.  After a determiner or possessive and its
 * adjectives it is one unless an object or a noun follows ("the shelling
 * killed", "a meeting with", "the killing of"; not "the ruling party").
 * After a noun the bigram model reads a reduced relative ("the museum/NN
 * shooting/VBG"), which is right when the noun is its subject ("a man
 * holding a gun", "a man shooting at police"); so there, and with no
 * determiner at all (after a preposition or adjectives, or starting the
 * sentence), only a continuation no verb would have makes it the head: the
 * end of the clause, a finite verb, "of", or a time expression ("the museum
 * shooting last week", "the school shooting on Friday", "days of fighting
 * .", "reported heavy shelling overnight", "Shelling resumed").  A
 * capitalised first word may have been read as a name ("Shelling/NNP").
 *
 * The other way round, an -ing word read as a noun is a verb right after
 * a plural noun, with an object or a preposition after it: compounds take
 * singular modifiers, so the plural is the head and the -ing word its
 * reduced relative ("troops firing on protesters", "the rebels holding the
 * town"); and after "and", with an object, when the clause's last verb
 * before it is an -ing form too ("scaling a pole and unfurling banners"). */
static int ing_forms(const dy_token *tok, uint32_t n, uint32_t first, cands *c)
{
    int changed = 0;
    for (uint32_t i = 0; i < n; i++) {
        /* every case below is an -ing word that may be VBG */
        if (!has_tag(&c[i], DY_TAG_VBG))
            continue;
        uint8_t tag = tok[i].tag;
        size_t len;
        const char *s = text_of(&tok[i], &len);
        if (len < 5 || !ENDS(s, len, "ing"))
            continue;
        /* right after a plural noun, with an object or a preposition
         * after it: that noun's reduced relative ("troops firing on
         * protesters", "militias controlling the port") */
        if (tag == DY_TAG_NN && i > 0 && i + 1 < n &&
            (tok[i - 1].tag == DY_TAG_NNS || tok[i - 1].tag == DY_TAG_NNPS) &&
            (object_follows(tok, n, i + 1) ||
             ((tok[i + 1].tag == DY_TAG_IN || tok[i + 1].tag == DY_TAG_TO) &&
              !TOK_IS(&tok[i + 1], "of")))) {
            cands_one(&c[i], DY_TAG_VBG);
            changed = 1;
            continue;
        }
        /* the second of two -ing forms joined by "and", with an object:
         * a verb like the first ("scaling a pole and unfurling banners") */
        if ((tag == DY_TAG_NN || tag == DY_TAG_JJ) && i > 1 && tok[i - 1].tag == DY_TAG_CC &&
            object_follows(tok, n, i + 1)) {
            uint32_t k = i - 1;   /* back to the last verb of the clause */
            while (k > lo_bound(i)) {
                k--;
                if (is_verb_tag(tok[k].tag) || clause_opener(&tok[k]) || tok[k].tag == DY_TAG_CC)
                    break;
            }
            if (tok[k].tag == DY_TAG_VBG) {
                cands_one(&c[i], DY_TAG_VBG);
                changed = 1;
                continue;
            }
        }
        if (!has_tag(&c[i], DY_TAG_NN) ||
            !(tag == DY_TAG_VBG ||
              (tag == DY_TAG_NNP && i == 0 && first == 0 && lower_ing(&tok[i]))))
            continue;
        /* back over adjectives and singular nouns to what opens the
         * phrase */
        uint32_t j = i, nouns = 0;
        while (j > lo_bound(i)) {
            uint8_t t = tok[j - 1].tag;
            if (t == DY_TAG_NN || t == DY_TAG_NNP)
                nouns++;
            else if (!(t == DY_TAG_JJ || t == DY_TAG_JJR || t == DY_TAG_JJS))
                break;
            j--;
        }
        int det = j > 0 && (tok[j - 1].tag == DY_TAG_DT || tok[j - 1].tag == DY_TAG_PRPS ||
                            tok[j - 1].tag == DY_TAG_POS);
        /* no determiner: after a preposition, at the start, or after
         * adjectives alone, which a verb form would not take ("reported
         * heavy shelling overnight") */
        int bare = (j == 0 && first == 0) || (j > 0 && tok[j - 1].tag == DY_TAG_IN) ||
                   (j < i && !nouns);
        if (!det && !bare)
            continue;
        uint32_t q = i + 1;
        /* an object, or a noun it modifies ("the ruling party") */
        if (object_follows(tok, n, q))
            continue;
        /* what no verb would have after it */
        if (!det || nouns) {
            uint8_t nt = q < n ? tok[q].tag : DY_TAG_PERIOD;
            if (!(q >= n || is_punct_tag(nt) || is_finite(nt) || TOK_IS(&tok[q], "of") ||
                  time_follows(tok, n, q)))
                continue;
        }
        cands_one(&c[i], DY_TAG_NN);
        changed = 1;
    }
    return changed;
}

/* ---- decoding ----------------------------------------------------------- */

static int opening_punct(const dy_token *t)
{
    size_t n;
    const char *s = text_of(t, &n);
    return EQ(s, n, "``") || EQ(s, n, "`") || EQ(s, n, "\"") || lrb_text(s, n);
}

/* Viterbi over tok[0..n) (a window of the sentence starting at token
 * `first`), given the tag before it. */
/* Candidates of a word in an all-capitals sentence ("SYRIAN FORCES CLASH
 * WITH RIOTERS"): read as if written "Syrian", at the start of a sentence,
 * except short words the Treebank knows in capitals ("US", "UN"). */
static void shouted_cands(const char *s, size_t n, cands *c)
{
    char title[MAX_FOLD];
    const dy_lex_word *w;
    if (dy_lex_shape(s, n) != DY_SHAPE_ALLCAPS || !fold(s, n, title, sizeof title) ||
        (n <= 4 && (w = dy_lex_find(s, n)) && w->n_tags)) {
        word_cands(s, n, 0, c);
        return;
    }
    title[0] = s[0];
    word_cands(title, n, 1, c);
}

/* Is the sentence written in capitals: at least three words of two or more
 * letters, nearly all without a lower-case letter? */
static int shouting(const dy_token *tok, uint32_t n)
{
    uint32_t words = 0, caps = 0, quiet = 0;
    for (uint32_t i = 0; i < n; i++) {
        size_t len;
        const char *s = text_of(&tok[i], &len);
        unsigned upper = 0, lower = 0;
        for (size_t k = 0; k < len && !lower; k++) {
            unsigned char ch = (unsigned char)s[k];
            upper += ch >= 'A' && ch <= 'Z';
            lower += ch >= 'a' && ch <= 'z';
        }
        if (lower) {
            /* most sentences end here, after a word or two */
            if (++quiet * 10 > n)
                return 0;
            words++;
        } else if (upper >= 2) {
            words++;
            caps++;
        }
    }
    return words >= 3 && caps * 10 >= words * 9;
}

static void decode(dy_token *tok, uint32_t n, uint8_t prev, const cands *c,
                   float (*delta)[MAXC], uint8_t (*back)[MAXC]);

static void viterbi(dy_token *tok, uint32_t n, uint32_t first, uint8_t prev, int shout,
                    cands *c, float (*delta)[MAXC], uint8_t (*back)[MAXC])
{
    char p0 = 0;   /* first letter of the previous token */
    for (uint32_t i = 0; i < n; i++) {
        uint32_t g = first + i;
        size_t len;
        const char *s = text_of(&tok[i], &len);
        /* the first word, also after opening quotes or brackets */
        int initial = g == 0;
        if (!initial && (p0 == '`' || p0 == '"' || p0 == '(' || p0 == '-' || p0 == '[' ||
                         p0 == '{'))
            initial = opening_punct(&tok[i - 1]) && (g == 1 || TOK_IS(&tok[i - 1], "``"));
        p0 = len ? s[0] : 0;
        if (shout)
            shouted_cands(s, len, &c[i]);
        else
            word_cands(s, len, initial, &c[i]);
    }
    context(tok, n, c);
    decode(tok, n, prev, c, delta, back);
    /* an -ing form settled by its wider context settles its neighbours
     * too ("the shelling/NN continued/VBD"): decode again */
    if (ing_forms(tok, n, first, c))
        decode(tok, n, prev, c, delta, back);
    finite_clause(tok, n, c);
    base_after_finite(tok, n, c);
    reduced_subject(tok, n, c);
    participle_after_pp(tok, n, c);
    coordinated_past(tok, n, c);
    if (first == 0)
        verbless_start(tok, n, c);
}

/* The best tag sequence of tok[0..n) under the bigram model, given the
 * candidates and the tag before the window. */
static void decode(dy_token *tok, uint32_t n, uint8_t prev, const cands *c,
                   float (*delta)[MAXC], uint8_t (*back)[MAXC])
{
    for (unsigned k = 0; k < c[0].n; k++) {
        delta[0][k] = dy_lex_trans[prev][c[0].tag[k]] + c[0].emit[k];
        back[0][k] = 0;
    }
    for (uint32_t i = 1; i < n; i++) {
        uint8_t pk = c[i - 1].kind;
        int nonaux = !is_aux_kind(pk);
        for (unsigned k = 0; k < c[i].n; k++) {
            uint8_t tk = c[i].tag[k];
            float pen = 0;
            if (nonaux)
                pen = tk == DY_TAG_VBN ? NONAUX_VBN : tk == DY_TAG_VBG ? NONAUX_VBG : 0;
            const float *col = &dy_lex_trans[0][tk];
            float best = -INFINITY;
            unsigned arg = 0;
            if (pen == 0) {
                for (unsigned j = 0; j < c[i - 1].n; j++) {
                    float v = delta[i - 1][j] + col[(size_t)c[i - 1].tag[j] * DY_TAG_COUNT];
                    if (v > best) {
                        best = v;
                        arg = j;
                    }
                }
            } else {
                for (unsigned j = 0; j < c[i - 1].n; j++) {
                    uint8_t tj = c[i - 1].tag[j];
                    float v = delta[i - 1][j] + col[(size_t)tj * DY_TAG_COUNT] +
                              (is_verb_tag(tj) ? pen : 0);
                    if (v > best) {
                        best = v;
                        arg = j;
                    }
                }
            }
            delta[i][k] = best + c[i].emit[k];
            back[i][k] = (uint8_t)arg;
        }
    }
    unsigned arg = 0;
    for (unsigned k = 1; k < c[n - 1].n; k++)
        if (delta[n - 1][k] > delta[n - 1][arg])
            arg = k;
    for (uint32_t i = n; i-- > 0;) {
        tok[i].tag = c[i].tag[arg];
        arg = back[i][arg];
    }
}

void dy_tag_sentence(dy_token *tok, uint32_t n, dy_arena *scratch)
{
    if (!tok || n == 0)
        return;
    cands sc[WINDOW];
    float sdelta[WINDOW][MAXC];
    uint8_t sback[WINDOW][MAXC];
    cands *c = sc;
    float (*delta)[MAXC] = sdelta;
    uint8_t (*back)[MAXC] = sback;
    uint32_t window = WINDOW;
    if (n > WINDOW && scratch) {
        cands *ac = dy_arena_alloc(scratch, (size_t)n * sizeof *ac);
        float (*ad)[MAXC] = dy_arena_alloc(scratch, (size_t)n * sizeof *ad);
        uint8_t (*ab)[MAXC] = dy_arena_alloc(scratch, (size_t)n * sizeof *ab);
        if (ac && ad && ab) {
            c = ac;
            delta = ad;
            back = ab;
            window = n;
        }
    }
    int shout = shouting(tok, n);
    for (uint32_t from = 0; from < n; from += window) {
        uint32_t m = n - from > window ? window : n - from;
        uint8_t prev = from == 0 ? DY_TAG_PERIOD : tok[from - 1].tag;
        viterbi(tok + from, m, from, prev, shout, c, delta, back);
    }
}

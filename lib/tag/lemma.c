/* lemma.c -- lemmatisation over the generated WordNet tables.
 *
 * For each word: fold case, handle the tokenizer's contractions, then, by
 * the tag's part of speech, WordNet's morphy procedure -- the exception list,
 * then suffix rules whose results count only when WordNet lists them as base
 * forms -- and, for words WordNet lacks, regular English rules guided by the
 * tag.  docs/lemma.md explains the choices.
 *
 * Cost: a handful of hash lookups per word, each a hash of a short string,
 * a cache line of slots and about one string comparison; no allocation
 * (dy_lemma() writes into the caller's buffer, dy_lemmatize() copies into
 * the arena only lemmas that are neither static nor the token's own text). */
#include "tag/lemma.h"

#include <string.h>

#include "tag/tagset.h"

/* Words longer than this are only lower-cased: no English word in WordNet
 * comes near it (the longest single word has 33 bytes). */
#define LEMMA_WORD_MAX 127
/* Room for a word plus what a rule may add to it. */
#define LEMMA_SCRATCH (LEMMA_WORD_MAX + 16)

/* ------------------------------------------------------------------ */
/* Table lookups                                                        */
/* ------------------------------------------------------------------ */

uint32_t dy_wn_find(const dy_wn_set *set, const char *s, size_t n)
{
    if (n == 0 || n > set->max_len)
        return 0;
    uint32_t h = dy_wn_hash(s, n);
    uint32_t fp = h << DY_WN_OFF_BITS;       /* the low hash bits, moved up */
    uint32_t i = dy_wn_home(h, set->n_slots);
    for (;;) {
        uint32_t v = set->slot[i];
        if (v == 0)
            return 0;
        if ((v & ~DY_WN_OFF_MASK) == fp) {
            /* The block is padded with max_len NULs, so n bytes can be
             * compared at any entry. */
            const char *k = set->str + (v & DY_WN_OFF_MASK);
            if (memcmp(k, s, n) == 0 && k[n] == '\0')
                return v & DY_WN_OFF_MASK;
        }
        if (++i == set->n_slots)
            i = 0;
    }
}

bool dy_wn_is_base(int pos, const char *s, size_t n)
{
    return pos >= 0 && pos < DY_WN_POS_COUNT && dy_wn_find(&dy_wn_base[pos], s, n) != 0;
}

const char *dy_wn_exception(int pos, const char *s, size_t n)
{
    if (pos < 0 || pos >= DY_WN_POS_COUNT)
        return NULL;
    uint32_t off = dy_wn_find(&dy_wn_exc[pos], s, n);
    return off ? dy_wn_exc[pos].str + off + n + 1 : NULL;
}

/* The table's own copy of s[0..n) when it is a base form of pos. */
static const char *base(int pos, const char *s, size_t n)
{
    uint32_t off = dy_wn_find(&dy_wn_base[pos], s, n);
    return off ? dy_wn_base[pos].str + off : NULL;
}

bool dy_is_verb_lemma(const char *lemma)
{
    if (!lemma)
        return false;
    size_t n = strlen(lemma);
    char low[LEMMA_WORD_MAX + 1];
    if (n > LEMMA_WORD_MAX)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = lemma[i];
        low[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    return dy_wn_find(&dy_wn_base[DY_WN_VERB], low, n) != 0;
}

/* ------------------------------------------------------------------ */
/* Spelling                                                             */
/* ------------------------------------------------------------------ */

static bool is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static bool is_consonant(char c)
{
    return c >= 'a' && c <= 'z' && !is_vowel(c);
}

static bool ends_with(const char *w, size_t n, const char *suffix, size_t k)
{
    return n >= k && memcmp(w + n - k, suffix, k) == 0;
}
#define ENDS(w, n, lit) ends_with((w), (n), lit, sizeof lit - 1)

/* Lower-cases s[0..n) into out (n + 1 bytes): ASCII, the Latin-1 capitals
 * of UTF-8 (U+00C0-U+00DE but U+00D7), and the right single quotation mark
 * U+2019 becomes an apostrophe (so "’s" and "n’t" read as "'s", "n't").
 * Returns the new length. */
static size_t fold(char *out, const char *s, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') {
            out[o++] = (char)(c + 32);
        } else if (c == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                   (unsigned char)s[i + 1] <= 0x9E && (unsigned char)s[i + 1] != 0x97) {
            out[o++] = (char)c;
            out[o++] = (char)(s[++i] + 0x20);
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                   (unsigned char)s[i + 2] == 0x99) {
            out[o++] = '\'';
            i += 2;
        } else {
            out[o++] = (char)c;
        }
    }
    out[o] = '\0';
    return o;
}

/* Does a stem want its silent e back when both it and stem+"e" are words?
 * English doubles the final consonant of a short stressed syllable before
 * -ed/-ing/-er (hop -> hopping), so a single consonant after a single vowel
 * points to a dropped e (hoping -> hope, not hop); so does "th" (bathed ->
 * bathe), and "ng" before a suffix in e: the verbs in -ng whose past ends
 * in -nged are few (tinged -> tinge, singed -> singe; sing has sang). */
static bool wants_e_before(const char *stem, size_t n, bool suffix_e)
{
    if (n < 2)
        return false;
    char c = stem[n - 1], v = stem[n - 2];
    if ((c == 'h' && v == 't') || (suffix_e && c == 'g' && v == 'n'))
        return true;
    if (!is_consonant(c) || c == 'w' || c == 'x' || c == 'y' || !is_vowel(v))
        return false;
    return n == 2 || !is_vowel(stem[n - 3]);
}

static bool wants_e(const char *stem, size_t n)
{
    return wants_e_before(stem, n, false);
}

/* ------------------------------------------------------------------ */
/* WordNet: morphy                                                      */
/* ------------------------------------------------------------------ */

typedef struct rule {
    const char *suffix, *repl;
    uint8_t slen, rlen;
} rule;
#define R(s, r) {s, r, sizeof s - 1, sizeof r - 1}

/* WordNet's detachment rules, in its order.  Its verb rule es -> e gives
 * the same string as s -> "", so it is left out; the -ed and -ing rules
 * are in try_e_suffix(). */
static const rule noun_rules[] = {
    R("s", ""), R("ses", "s"), R("xes", "x"), R("zes", "z"), R("ches", "ch"),
    R("shes", "sh"), R("men", "man"), R("ies", "y"),
};
static const rule verb_s_rules[] = {
    R("s", ""), R("ies", "y"), R("es", ""),
};

/* stem[0..n - slen) + repl when that is a base form of pos. */
static const char *try_rule(int pos, const char *w, size_t n, const rule *r, size_t min_stem)
{
    if (n < r->slen + min_stem || memcmp(w + n - r->slen, r->suffix, r->slen) != 0)
        return NULL;
    char cand[LEMMA_SCRATCH];
    size_t k = n - r->slen;
    memcpy(cand, w, k);
    memcpy(cand + k, r->repl, r->rlen);
    return base(pos, cand, k + r->rlen);
}

static const char *try_rules(int pos, const char *w, size_t n, const rule *rules,
                             size_t count, size_t min_stem)
{
    for (size_t i = 0; i < count; i++) {
        const char *r = try_rule(pos, w, n, &rules[i], min_stem);
        if (r)
            return r;
    }
    return NULL;
}

/* A suffix that may have eaten a silent e ("ed", "ing", "er", "est"): the
 * stem and stem+"e", in the order wants_e_before() gives, then the stem with a
 * doubled final consonant undone (stopped -> stop) and, for the suffixes
 * starting with e, a final i back to y (applied -> apply, happier ->
 * happy).  min_stem keeps "bed" from becoming "be". */
static const char *try_e_suffix(int pos, const char *w, size_t n, const char *suffix,
                                size_t slen, size_t min_stem)
{
    if (n < slen + min_stem || memcmp(w + n - slen, suffix, slen) != 0)
        return NULL;
    char cand[LEMMA_SCRATCH];
    size_t k = n - slen;
    memcpy(cand, w, k);
    const char *r;
    cand[k] = 'e';
    bool e_first = wants_e_before(cand, k, suffix[0] == 'e');
    if (e_first && (r = base(pos, cand, k + 1)))
        return r;
    if ((r = base(pos, cand, k)))
        return r;
    if (!e_first && (r = base(pos, cand, k + 1)))
        return r;
    if (k >= 3 && cand[k - 1] == cand[k - 2] && is_consonant(cand[k - 1]) &&
        (r = base(pos, cand, k - 1)))
        return r;
    if (suffix[0] == 'e' && k >= 2 && cand[k - 1] == 'i') {
        cand[k - 1] = 'y';
        if ((r = base(pos, cand, k)))
            return r;
    }
    return NULL;
}

/* WordNet's es -> "" rule only where English spells the -s form with
 * "es": after s, x, z, ch, sh and o ("passes", "fixes", "watches",
 * "goes"), so that a misspelt "departes" is no form of "depart". */
static const char *verb_s(const char *w, size_t n)
{
    const char *r = try_rules(DY_WN_VERB, w, n, verb_s_rules, 2, 2);
    if (r || n < 4 || !ENDS(w, n, "es"))
        return r;
    char c = w[n - 3], b = w[n - 4];
    if (c == 's' || c == 'x' || c == 'z' || c == 'o' || (c == 'h' && (b == 'c' || b == 's')))
        return try_rule(DY_WN_VERB, w, n, &verb_s_rules[2], 2);
    return NULL;
}

static const char *verb_ed(const char *w, size_t n)
{
    return try_e_suffix(DY_WN_VERB, w, n, "ed", 2, 2);
}

static const char *verb_ing(const char *w, size_t n)
{
    return try_e_suffix(DY_WN_VERB, w, n, "ing", 3, 2);
}

/* WordNet's verb lemma of w, or NULL.  The tag decides what is tried
 * first: a base-form tag the word itself, a past tag the -ed rules, and so
 * on; everything else follows, for words the tagger got wrong. */
static const char *verb_wordnet(const char *w, size_t n, uint8_t tag)
{
    const char *r;
    bool base_tag = tag == DY_TAG_VB || tag == DY_TAG_VBP;
    if (base_tag && (r = base(DY_WN_VERB, w, n)))
        return r;
    if ((r = dy_wn_exception(DY_WN_VERB, w, n)))
        return r;
    switch (tag) {
    case DY_TAG_VBD:
    case DY_TAG_VBN:
        r = verb_ed(w, n);
        break;
    case DY_TAG_VBG:
        r = verb_ing(w, n);
        break;
    case DY_TAG_VBZ:
        r = verb_s(w, n);
        break;
    default:
        break;
    }
    if (r)
        return r;
    if (!base_tag && (r = base(DY_WN_VERB, w, n)))
        return r;
    if ((r = verb_s(w, n)) || (r = verb_ed(w, n)) || (r = verb_ing(w, n)))
        return r;
    return NULL;
}

static const char *noun_wordnet(const char *w, size_t n, uint8_t tag)
{
    const char *r;
    if (tag != DY_TAG_NNS && (r = base(DY_WN_NOUN, w, n)))
        return r;
    if ((r = dy_wn_exception(DY_WN_NOUN, w, n)))
        return r;
    if ((r = try_rules(DY_WN_NOUN, w, n, noun_rules, sizeof noun_rules / sizeof *noun_rules, 1)))
        return r;
    if (tag == DY_TAG_NNS && (r = base(DY_WN_NOUN, w, n)))
        return r;
    return NULL;
}

/* WordNet's adjective rules are er -> "", est -> "", er -> e, est -> e;
 * here the e is put back first where the spelling asks for it (cuter ->
 * cute, not cut). */
static const char *adj_wordnet(const char *w, size_t n, uint8_t tag)
{
    const char *r;
    bool plain = tag != DY_TAG_JJR && tag != DY_TAG_JJS;
    if (plain && (r = base(DY_WN_ADJ, w, n)))
        return r;
    if ((r = dy_wn_exception(DY_WN_ADJ, w, n)))
        return r;
    if (tag != DY_TAG_JJS && (r = try_e_suffix(DY_WN_ADJ, w, n, "er", 2, 2)))
        return r;
    if (tag != DY_TAG_JJR && (r = try_e_suffix(DY_WN_ADJ, w, n, "est", 3, 2)))
        return r;
    if (!plain && (r = base(DY_WN_ADJ, w, n)))
        return r;
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Words WordNet lacks                                                  */
/* ------------------------------------------------------------------ */

/* Does a stem left by -ed/-ing of an unknown verb end in a way English
 * words ending in e do (googl-ed, privatiz-ed, negotiat-ed), or is it one
 * syllable ending in a single consonant after a single vowel (vap-ed,
 * skyp-ed), which would have doubled had there been no e? */
static bool unknown_wants_e(const char *s, size_t n)
{
    if (n < 2)
        return false;
    char a = s[n - 2], b = s[n - 1];
    if (b == 'v' || b == 'u' || (b == 'c' && a != 'n') || (a == 'd' && b == 'g'))
        return true;
    if ((a == 'i' || a == 'y') && (b == 'z' || b == 's'))
        return true;
    if (b == 'l' && is_consonant(a) && a != 'l' && a != 'r' && a != 'w')
        return true;
    if (a == 'a' && b == 't' && n >= 5)
        return true;
    if (n <= 4 && wants_e(s, n))
        return true;                    /* one syllable: it would have doubled */
    return n == 4 && a == 'y' && is_consonant(s[n - 3]) && is_consonant(b);   /* skyp-ed */
}

/* Regular -ed / -ing stripping into out: "ied" -> "y", a doubled final
 * consonant undone unless English keeps it (called, passed, buzzed,
 * stuffed), and an e put back where unknown_wants_e() says.  Returns the
 * length, or 0 when w has no such suffix. */
static size_t strip_e_suffix(const char *w, size_t n, const char *suffix, size_t slen,
                             char *out)
{
    if (n < slen + 2 || memcmp(w + n - slen, suffix, slen) != 0)
        return 0;
    size_t k = n - slen;
    memcpy(out, w, k);
    if (slen == 2 && out[k - 1] == 'i' && k >= 3) {    /* "ied" */
        out[k - 1] = 'y';
        return k;
    }
    char c = out[k - 1];
    if (k >= 3 && c == out[k - 2] && is_consonant(c) && c != 'l' && c != 's' &&
        c != 'z' && c != 'f')
        return k - 1;
    if (unknown_wants_e(out, k))
        out[k++] = 'e';
    return k;
}

/* Regular -s / -es stripping (verbs and nouns): "ies" -> "y", "sses" ->
 * "ss", "ches", "shes", "xes", "zzes" lose "es"; "ss" and "us" are not
 * plurals (an unknown plural in "is" is one of "i": emojis).  0 when w
 * does not look inflected. */
static size_t strip_s(const char *w, size_t n, char *out)
{
    if (n < 3 || w[n - 1] != 's')
        return 0;
    memcpy(out, w, n);
    if (ENDS(w, n, "ies") && n > 4) {
        out[n - 3] = 'y';
        return n - 2;
    }
    if (ENDS(w, n, "sses") || ENDS(w, n, "ches") || ENDS(w, n, "shes") ||
        ENDS(w, n, "xes") || ENDS(w, n, "zzes"))
        return n - 2;
    if (ENDS(w, n, "ss") || ENDS(w, n, "us") || w[n - 2] == '\'')
        return 0;
    return n - 1;
}

/* An unknown word, by its tag; returns the length written into out, or 0
 * to keep the word. */
static size_t unknown(const char *w, size_t n, uint8_t tag, char *out)
{
    switch (tag) {
    case DY_TAG_VBD:
    case DY_TAG_VBN:
        return strip_e_suffix(w, n, "ed", 2, out);
    case DY_TAG_VBG:
        return strip_e_suffix(w, n, "ing", 3, out);
    case DY_TAG_VBZ:
    case DY_TAG_NNS:
        return strip_s(w, n, out);
    case DY_TAG_JJR:
    case DY_TAG_JJS: {
        size_t k = tag == DY_TAG_JJR ? 2 : 3;
        if (n < k + 3 || memcmp(w + n - k, tag == DY_TAG_JJR ? "er" : "est", k) != 0)
            return 0;
        k = n - k;
        memcpy(out, w, k);
        if (out[k - 1] == 'i') {                          /* happier */
            out[k - 1] = 'y';
        } else if (out[k - 1] == out[k - 2] && is_consonant(out[k - 1]) &&
                   out[k - 1] != 'l' && out[k - 1] != 's') {
            k--;                                          /* fitter */
        }
        return k;
    }
    default:
        return 0;
    }
}

/* ------------------------------------------------------------------ */
/* The tokenizer's pieces                                               */
/* ------------------------------------------------------------------ */

/* Contractions and the pieces Treebank tokenisation cuts off ("ca n't",
 * "gon na"); w is folded.  NULL when w is none of them. */
static const char *contraction(const char *w, size_t n, uint8_t tag)
{
    bool verb = tag >= DY_TAG_VB && tag <= DY_TAG_VBZ;
    if (n > 4)
        return NULL;
    if (w[0] == '\'') {
        if (strcmp(w, "'s") == 0)
            return tag == DY_TAG_VBZ ? "be" : tag == DY_TAG_PRP ? "us" : NULL;
        if (strcmp(w, "'d") == 0)
            return tag == DY_TAG_VBD || tag == DY_TAG_VBN ? "have" : "would";
        if (strcmp(w, "'ll") == 0)
            return "will";
        if (strcmp(w, "'re") == 0 || strcmp(w, "'m") == 0)
            return "be";
        if (strcmp(w, "'ve") == 0)
            return "have";
        if (strcmp(w, "'em") == 0)
            return "them";
        return NULL;
    }
    if (strcmp(w, "n't") == 0)
        return "not";
    if (tag == DY_TAG_MD) {
        if (strcmp(w, "ca") == 0)
            return "can";
        if (strcmp(w, "wo") == 0)
            return "will";
        if (strcmp(w, "sha") == 0)
            return "shall";
    } else if (verb) {
        if (strcmp(w, "ai") == 0)
            return "be";
        if (strcmp(w, "gon") == 0)
            return "go";
        if (strcmp(w, "wan") == 0)
            return "want";
    } else if (tag == DY_TAG_TO && (strcmp(w, "na") == 0 || strcmp(w, "ta") == 0)) {
        return "to";
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* The lemma                                                            */
/* ------------------------------------------------------------------ */

enum { CLASS_OTHER, CLASS_VERB, CLASS_NOUN, CLASS_PROPER, CLASS_ADJ, CLASS_ADV };

static int tag_class(uint8_t tag)
{
    switch (tag) {
    case DY_TAG_VB: case DY_TAG_VBD: case DY_TAG_VBG:
    case DY_TAG_VBN: case DY_TAG_VBP: case DY_TAG_VBZ:
        return CLASS_VERB;
    case DY_TAG_NN: case DY_TAG_NNS:
        return CLASS_NOUN;
    case DY_TAG_NNP: case DY_TAG_NNPS:
        return CLASS_PROPER;
    case DY_TAG_JJ: case DY_TAG_JJR: case DY_TAG_JJS:
        return CLASS_ADJ;
    case DY_TAG_RB: case DY_TAG_RBR: case DY_TAG_RBS:
        return CLASS_ADV;
    default:
        return CLASS_OTHER;
    }
}

/* The lemma of the folded word w[0..n): a static string, or w itself, or
 * out (LEMMA_SCRATCH bytes, NUL-terminated). */
static const char *lemma_folded(const char *w, size_t n, uint8_t tag, char *out)
{
    const char *r = contraction(w, n, tag);
    if (r)
        return r;
    int cls = tag_class(tag);
    switch (cls) {
    case CLASS_VERB:
        r = verb_wordnet(w, n, tag);
        break;
    case CLASS_NOUN:
        r = noun_wordnet(w, n, tag);
        break;
    case CLASS_ADJ:
        r = adj_wordnet(w, n, tag);
        break;
    case CLASS_ADV:
        r = dy_wn_exception(DY_WN_ADV, w, n);
        return r ? r : w;
    default:
        return w;
    }
    if (r)
        return r;

    /* A hyphenated word WordNet lacks: the last part carries the inflection
     * (cease-fires, re-elected, U.S.-backed). */
    size_t head = n;
    while (head > 0 && w[head - 1] != '-')
        head--;
    if (head > 1 && head < n) {
        size_t tail_n = n - head;
        char tail_out[LEMMA_SCRATCH];
        const char *t = lemma_folded(w + head, tail_n, tag, tail_out);
        size_t t_n = strlen(t);
        if (t == w + head)
            return w;
        memcpy(out, w, head);
        memcpy(out + head, t, t_n + 1);
        return out;
    }

    size_t k = unknown(w, n, tag, out);
    if (k == 0)
        return w;
    out[k] = '\0';
    return out;
}

/* Copies s into buf (cap bytes), cut at a UTF-8 character boundary when
 * too long; "" when there is no room at all. */
static const char *copy_out(const char *s, size_t n, char *buf, size_t cap)
{
    if (!buf || cap == 0)
        return "";
    if (n >= cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memmove(buf, s, n);
    buf[n] = '\0';
    return buf;
}

const char *dy_lemma(const char *word, uint8_t tag, char *buf, size_t cap)
{
    if (!word || !*word)
        return "";
    size_t n = strlen(word);
    if (n > LEMMA_WORD_MAX) {
        /* Only lower-cased, straight into buf (folding never lengthens). */
        if (!buf || cap == 0)
            return "";
        size_t m = n < cap ? n : cap - 1;
        while (m > 0 && m < n && ((unsigned char)word[m] & 0xC0) == 0x80)
            m--;
        fold(buf, word, m);
        return buf;
    }
    char w[LEMMA_WORD_MAX + 1];
    n = fold(w, word, n);
    if (n == 0)
        return "";
    char out[LEMMA_SCRATCH];
    const char *r = lemma_folded(w, n, tag, out);
    if (r == w)
        return copy_out(w, n, buf, cap);
    if (r == out)
        return copy_out(out, strlen(out), buf, cap);
    return r;
}

void dy_lemmatize(dy_token *tok, uint32_t n, dy_arena *a)
{
    char small[LEMMA_SCRATCH];
    for (uint32_t i = 0; i < n; i++) {
        const char *text = tok[i].text ? tok[i].text : "";
        size_t len = strlen(text);
        char *buf = small;
        size_t cap = sizeof small;
        if (len + 8 > cap) {
            buf = a ? dy_arena_alloc(a, len + 8) : NULL;
            cap = len + 8;
            if (!buf) {
                tok[i].lemma = text;
                continue;
            }
        }
        const char *r = dy_lemma(text, tok[i].tag, buf, cap);
        if (r != buf) {
            tok[i].lemma = r;
        } else if (strcmp(r, text) == 0) {
            tok[i].lemma = text;
        } else if (buf != small) {
            tok[i].lemma = buf;
        } else {
            char *copy = a ? dy_arena_strdup(a, r) : NULL;
            tok[i].lemma = copy ? copy : text;
        }
    }
}

/* attrib.c -- reporting frames and event attribution (see attrib.h). */
#include "doc/attrib.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "doc/coref.h"
#include "doc/docutil.h"
#include "tag/lemma.h"
#include "tag/tagset.h"

static void ne_span(const pl_list *pl, int32_t open, const dy_token *tok,
                    uint32_t *start, uint32_t *end)
{
    bool any = false;
    *start = *end = 0;
    for (int32_t j = open + 1; j < pl->items[open].mate; j++) {
        const pl_item *it = &pl->items[j];
        if (it->kind != PL_WORD || it->token < 0)
            continue;
        const dy_token *t = &tok[it->token];
        if (!any || t->start < *start)
            *start = t->start;
        if (!any || t->end > *end)
            *end = t->end;
        any = true;
    }
}

static const char *ne_text(const pl_list *pl, int32_t open, dy_arena *a)
{
    size_t len = 0;
    for (int32_t j = open + 1; j < pl->items[open].mate; j++)
        if (pl->items[j].kind == PL_WORD)
            len += strlen(pl->items[j].text) + 1;
    char *s = dy_arena_alloc(a, len + 1), *p = s;
    if (!s)
        return "";
    for (int32_t j = open + 1; j < pl->items[open].mate; j++)
        if (pl->items[j].kind == PL_WORD) {
            if (p != s)
                *p++ = ' ';
            size_t n = strlen(pl->items[j].text);
            memcpy(p, pl->items[j].text, n);
            p += n;
        }
    *p = '\0';
    return s;
}

/* The speaker of the reporting verb at parse-list index k: the nearest NE
 * before it (over auxiliaries and adverbs), or, for the inverted order of
 * quotes ("..., said the minister"), the NE right after it. */
static int32_t speaker_of(const pl_list *pl, int32_t k, const dy_token *tok)
{
    bool skipped_insert = false;
    for (int32_t j = k - 1; j >= pl->start; j--) {
        const pl_item *it = &pl->items[j];
        if (it->kind == PL_CLOSE && it->tag == PL_TAG_NE)
            return it->mate;
        if (it->kind != PL_WORD)
            continue;
        if (it->token < 0)
            break;
        uint8_t t = tok[it->token].tag;
        if (t == DY_TAG_MD || t == DY_TAG_RB || dy_is_verb_tag(t))
            continue;
        /* "Venezuela, where the guerrillas sheltered, said ...": past an
         * inserted clause or apposition between commas to the speaker */
        if (t == DY_TAG_COMMA && !skipped_insert) {
            int32_t c = j - 1;
            for (; c >= pl->start && j - c < 60; c--)
                if (pl->items[c].kind == PL_WORD && pl->items[c].token >= 0 &&
                    tok[pl->items[c].token].tag == DY_TAG_COMMA)
                    break;
            if (c >= pl->start && j - c < 60) {
                skipped_insert = true;
                j = c;
                continue;
            }
        }
        /* "The Houthis vowed to retaliate and said ...": the speaker is the
         * subject of the verb phrase joined before */
        if (t == DY_TAG_CC && j - 1 >= pl->start && pl->items[j - 1].kind == PL_CLOSE &&
            pl->items[j - 1].tag == PL_TAG_VP) {
            j = pl->items[j - 1].mate;
            continue;
        }
        break;
    }
    for (int32_t j = k + 1; j < pl->n; j++) {
        const pl_item *it = &pl->items[j];
        if (it->kind == PL_OPEN && it->tag == PL_TAG_NE) {
            /* "said they had fired": a pronoun after the verb opens the
             * reported clause; it is not an inverted speaker */
            int32_t w = j + 1;
            if (w + 1 == it->mate && pl->items[w].kind == PL_WORD && pl->items[w].token >= 0 &&
                tok[pl->items[w].token].tag == DY_TAG_PRP)
                return -1;
            return j;
        }
        if (it->kind == PL_WORD)
            break;
    }
    return -1;
}

size_t dy_find_frames(const pl_list *pl, const dy_token *tok, dy_frame *f, size_t max,
                      dy_arena *a)
{
    size_t n = 0;
    if (!tok)
        return 0;
    int32_t speakers[DY_MAX_FRAMES];
    for (int32_t k = pl->start; k < pl->n && n < max && n < DY_MAX_FRAMES; k++) {
        const pl_item *it = &pl->items[k];
        if (it->kind != PL_WORD || it->token < 0)
            continue;
        const dy_token *t = &tok[it->token];
        /* "according to NE" */
        if (strcasecmp(t->text, "according") == 0 && k + 1 < pl->n) {
            int32_t j = k + 1;
            while (j < pl->n && pl->items[j].kind != PL_WORD)
                j++;
            if (j < pl->n && strcasecmp(pl->items[j].text, "to") == 0) {
                for (j++; j < pl->n && pl->items[j].kind != PL_WORD; j++)
                    if (pl->items[j].kind == PL_OPEN && pl->items[j].tag == PL_TAG_NE) {
                        f[n] = (dy_frame){-1, 0, "", "", 0, 0, 0};
                        speakers[n++] = j;
                        break;
                    }
            }
            continue;
        }
        if (!dy_is_verb_tag(t->tag))
            continue;
        char buf[64];
        const char *lemma = dy_token_lemma(t, buf, sizeof buf);
        if (!lemma || !dy_is_reporting_lemma(lemma))
            continue;
        int32_t sp = speaker_of(pl, k, tok);
        if (sp >= 0) {
            f[n] = (dy_frame){it->token, t->start, "", "", 0, 0, 0};
            /* a finite or infinitive verb later in the sentence: a clause */
            for (int32_t j = k + 1; j < pl->n && !f[n].reports_clause; j++)
                if (pl->items[j].kind == PL_WORD && pl->items[j].token >= 0) {
                    uint8_t tj = tok[pl->items[j].token].tag;
                    f[n].reports_clause = tj == DY_TAG_VBD || tj == DY_TAG_VBZ ||
                                          tj == DY_TAG_VBP || tj == DY_TAG_MD ||
                                          tj == DY_TAG_VB;
                }
            speakers[n++] = sp;
        }
    }
    for (size_t i = 0; i < n; i++) {
        const char *code = pl->items[speakers[i]].code;
        f[i].code = dy_has_full_code(code) ? dy_arena_strdup(a, code) : "";
        if (!f[i].code)
            f[i].code = "";
        f[i].text = ne_text(pl, speakers[i], a);
        ne_span(pl, speakers[i], tok, &f[i].sp_start, &f[i].sp_end);
    }
    return n;
}

static bool span_inside(uint32_t s, uint32_t e, uint32_t fs, uint32_t fe)
{
    return e > s && s >= fs && e <= fe;
}

/* The frame whose reporting verb is the event's verb, or -1. */
static int32_t own_frame(const dy_frame *f, size_t nf, const dyad_event *ev)
{
    if (ev->verb_end <= ev->verb_start)
        return -1;
    for (size_t k = 0; k < nf; k++)
        if (f[k].verb_token >= 0 && f[k].verb_start == ev->verb_start)
            return (int32_t)k;
    return -1;
}

void dy_attribute_events(const dy_frame *f, size_t nf, dyad_event *events, size_t *n)
{
    if (*n == 0 || nf == 0)
        return;
    /* which events are a frame's own, and does anything else happen? */
    bool other = false;
    for (size_t i = 0; i < *n; i++)
        if (own_frame(f, nf, &events[i]) < 0)
            other = true;
    size_t out = 0;
    for (size_t i = 0; i < *n; i++) {
        dyad_event *ev = &events[i];
        int32_t own = own_frame(f, nf, ev);
        /* "X said Y attacked Z": the saying is not an event of its own */
        if (own >= 0 && (other || f[own].reports_clause) && strncmp(ev->code, "01", 2) == 0)
            continue;
        const dy_frame *best = own >= 0 ? &f[own] : NULL;
        bool drop = false;
        for (size_t k = 0; k < nf && !drop && own < 0; k++) {
            if (f[k].verb_token < 0) {
                /* the "according to" source reports; it does not act */
                if (span_inside(ev->source_start, ev->source_end, f[k].sp_start, f[k].sp_end) ||
                    span_inside(ev->target_start, ev->target_end, f[k].sp_start, f[k].sp_end))
                    drop = true;
                else if (!best)
                    best = &f[k];
                continue;
            }
            if (!best || best->verb_token < 0) {
                best = &f[k];
                continue;
            }
            /* the nearest frame verb, one before the event's verb preferred */
            bool kb = f[k].verb_start <= ev->verb_start, bb = best->verb_start <= ev->verb_start;
            uint32_t dk = kb ? ev->verb_start - f[k].verb_start : f[k].verb_start - ev->verb_start;
            uint32_t db = bb ? ev->verb_start - best->verb_start : best->verb_start - ev->verb_start;
            if ((kb && !bb) || (kb == bb && dk < db))
                best = &f[k];
        }
        if (drop)
            continue;
        if (best) {
            ev->attribution.code = best->code;
            ev->attribution.text = best->text;
        }
        events[out++] = *ev;
    }
    *n = out;
}

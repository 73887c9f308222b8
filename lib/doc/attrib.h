/* attrib.h -- reporting frames: who says that an event happened.
 *
 * Wire stories report most events through someone: "the ministry said",
 * "X told reporters", "according to Xinhua", "..., he said."  A dictionary
 * coder turns the frame itself into a "make statement" (01) event between
 * the speaker and whatever noun phrase follows, and leaves the reported
 * event without its source.  This module finds the frames of one sentence
 * on its parse list and, for the events coded in it:
 *   - gives every event that is not the frame itself the frame's speaker as
 *     its attribution (the frame whose verb is nearest, preferring one
 *     before the event's verb; "according to X" covers the whole sentence);
 *   - drops the frame's own event when it is a plain statement (root 01)
 *     and the sentence reports another event, or the verb reports a clause
 *     ("Ukraine said Russian troops shelled Kharkiv": not Ukraine 010
 *     Russia);
 *   - drops events whose source or target is the "according to" source
 *     (it reports; it does not act).
 * docs/resolution.md has the examples. */
#ifndef DY_ATTRIB_H
#define DY_ATTRIB_H

#include <stddef.h>

#include "code/parselist.h"
#include "common/arena.h"
#include "text/token.h"

#define DY_MAX_FRAMES 16

/* One reporting frame of a sentence. */
typedef struct dy_frame {
    int32_t verb_token;          /* the reporting verb's token; -1 for "according to" */
    uint32_t verb_start;         /* its byte offset (recognises its own event) */
    const char *code;            /* the speaker's full code, "" if none */
    const char *text;            /* the speaker's words */
    uint32_t sp_start, sp_end;   /* the speaker's byte span */
    int reports_clause;          /* a clause follows the verb ("said [troops
                                    shelled ...]"): the saying is a frame,
                                    not an event of its own */
} dy_frame;

/* Finds the frames of a sentence, on its parse list with actor codes
 * assigned but before comma clauses are deleted (they often hold the frame:
 * "..., the minister said.").  Strings are allocated in `a`. */
size_t dy_find_frames(const pl_list *pl, const dy_token *tok, dy_frame *out, size_t max,
                      dy_arena *a);

/* events[0..*n) are the sentence's events (spans filled in); removes the
 * dropped ones in place (order kept) and fills `attribution`. */
void dy_attribute_events(const dy_frame *f, size_t nf, dyad_event *events, size_t *n);

#endif

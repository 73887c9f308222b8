/* cameo.h -- the CAMEO 1.1b3 event-code table (internal).
 *
 * The table itself is generated from data/cameo.tsv by scripts/gen-cameo.sh
 * into build/gen/cameo_table.c and linked into libdyad, so looking a code up
 * never touches the file system.  The public face is dyad_cameo_lookup() in
 * dyad.h; this header adds what dyad.h has no room for (the PLOVER type) and
 * a pointer-returning lookup for hot paths such as the JSON writer. */
#ifndef DY_CAMEO_H
#define DY_CAMEO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A code of 2 to 4 characters packed big-endian, zero-padded.  Because no
 * code contains a NUL byte, comparing keys as integers orders them exactly as
 * strcmp() orders the strings, so the generated table, written in byte order,
 * is sorted by key. */
#define DY_CAMEO_KEY(a, b, c, d) \
    (((uint32_t)(unsigned char)(a) << 24) | ((uint32_t)(unsigned char)(b) << 16) | \
     ((uint32_t)(unsigned char)(c) << 8) | (uint32_t)(unsigned char)(d))

typedef struct dy_cameo_entry {
    const char *code;       /* "19", "190", "1724" */
    const char *root;       /* first two digits: "19" */
    const char *name;       /* short English name */
    const char *plover;     /* PLOVER event type, NULL where PLOVER has none */
    int quad_class;         /* 1..4, GDELT/ICEWS convention */
    int goldstein10;        /* Goldstein value in tenths: -58 is -5.8 */
    bool has_goldstein;     /* false for the few codes GDELT gives no value
                             * (goldstein10 is then 0) */
} dy_cameo_entry;

/* Generated (build/gen/cameo_table.c): dy_cameo_count rows, keys ascending. */
extern const size_t dy_cameo_count;
extern const uint32_t dy_cameo_keys[];
extern const dy_cameo_entry dy_cameo_entries[];

/* The entry for code, or NULL when code is not a CAMEO root or event code
 * (NULL, "", "---", "075A", anything longer than four characters). */
const dy_cameo_entry *dy_cameo_find(const char *code);

/* PLOVER event type of a code: 0 with *plover set ("AGREE", ..., or NULL
 * where PLOVER maps the code to no event type), -1 for an unknown code
 * (*plover is then set to NULL).  plover may be NULL to test membership. */
int dy_cameo_plover(const char *code, const char **plover);

#endif

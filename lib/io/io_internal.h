/* io_internal.h -- what the record readers share: the reader object, the
 * buffered input it reads from, and text helpers.
 *
 * reader.c holds the public entry points, the input buffer and format
 * recognition; petrxml.c and jsonl.c each turn the buffered bytes into
 * dyad_record values.  Record memory comes from an arena that is reset at
 * every dyad_reader_next(), so it is bounded by the largest record. */
#ifndef DY_IO_INTERNAL_H
#define DY_IO_INTERNAL_H

#include <stdio.h>

#include "common/arena.h"
#include "common/diag.h"
#include "dyad.h"

/* Largest record accepted, in bytes: a JSON Lines line, the text between
 * two PETRARCH XML record boundaries, a whole plain-text article.  A larger
 * one is reported with DYAD_ERR_LIMIT and skipped without being held in
 * memory whole, so memory stays bounded by this whatever the input holds
 * (docs/limits.md). */
#define DY_MAX_RECORD_BYTES ((size_t)16 << 20)

/* Bytes from a file, a stream callback or memory, read in chunks.  The
 * unread bytes are data[pos..len); data[len] is always a NUL so scanners may
 * peek one past.  Bytes before pos are dropped when more are read, so an
 * offset into data is valid only until the next refill. */
typedef struct dy_source {
    dyad_read_fn read;   /* where more bytes come from; NULL: none (memory) */
    void *read_user;
    FILE *file;          /* the file dyad_reader_open() opened, read by file_read() */
    int close_file;      /* 0 for stdin */
    char *data;
    size_t len, cap, pos;
    int eof;             /* no more bytes will come (end, or a read failed) */
    int failed;          /* a read failed: read_error says why */
    const char *read_error;
    char read_msg[128];  /* read_error for file reads */
    size_t base;         /* stream offset of data[0]: grows as bytes are dropped */
    /* Line bookkeeping, kept across refills when track_lines is set
     * (PETRARCH XML): line_no is the 1-based line of offset line_pos. */
    int track_lines;
    size_t line_pos;
    long line_no;
} dy_source;

/* A growable array of fixed-size items on the heap, reused across records. */
typedef struct dy_vec {
    void *items;
    size_t n, cap, item_size;
} dy_vec;

/* A growable byte buffer on the heap. */
typedef struct dy_strbuf {
    char *data;
    size_t len, cap;
} dy_strbuf;

struct dyad_reader {
    dyad_input_format format;
    char *name;                  /* used in messages and rec->file */
    dy_source src;
    dy_arena *record_arena;      /* reset at each dyad_reader_next() */
    dy_msg error;                /* "" or the reason for the last failure */
    dyad_status open_status;     /* != DYAD_OK: the open failed; next repeats it */
    int done;                    /* EOF reached (or a <Stop>) */
    size_t max_record;           /* DY_MAX_RECORD_BYTES unless a test set less */
    long lines_read;             /* JSONL: the line number of the last line */

    int stop_seen;               /* a <Stop> ended the input */
    /* PETRARCH XML state */
    int is_validation;           /* root element <Validation> */
    int have_env;
    dyad_environment env;
    dy_arena *env_arena;
    dyad_status deferred;        /* an error found at open, given by the next call */
    dy_msg deferred_msg;
    dy_arena *pending_arena;     /* <Config> seen since the previous record */
    dy_vec pending_config;       /* of dyad_config_opt */
    dy_vec config;               /* of dyad_config_opt, the current record */
    dy_vec expected;             /* of dyad_expected, the current record */
    dy_strbuf scratch;           /* element text being decoded */
};

/* --- input buffer (reader.c) --- */

/* Drops the bytes before pos, then reads one more chunk (none once eof is
 * set).  0, or -1 on a read failure (then eof and failed are set and
 * read_error says why) or out of memory (errno ENOMEM, nothing else set). */
int dy_source_refill(dy_source *s);

/* Why reading stopped: the read error, or "out of memory". */
const char *dy_source_error(const dy_source *s);

/* Next line without its '\n' (a final line without one counts).  Returns 1
 * with a line, 0 at the end, -1 on a read error or out of memory.  A line
 * longer than max is consumed and reported with *overlong set (and *line
 * empty), so memory stays bounded by max. */
int dy_source_next_line(dy_source *s, size_t max, const char **line, size_t *n,
                        int *overlong);

/* --- helpers (reader.c) --- */

int dy_vec_push(dy_vec *v, const void *item);   /* 0 ok, -1 out of memory */
int dy_strbuf_append(dy_strbuf *b, const char *s, size_t n);

/* Formats "NAME:LINE: reason" (or "NAME: reason" when line <= 0) into
 * r->error and returns status. */
dyad_status dy_reader_fail(dyad_reader *r, dyad_status status, long line,
                           const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* 1-based line number of byte offset off in r->src.data. */
long dy_reader_line_at(dyad_reader *r, size_t off);

/* Copies s[0..n) into the arena with runs of whitespace collapsed to one
 * space and the ends trimmed; NULL on out of memory. */
char *dy_normalise_space(dy_arena *a, const char *s, size_t n);

/* The story id of a sentence id: "AFP_ENG_20080801.0001_1" -> the part
 * before the last '_' or '-' when what follows is all digits, else the id. */
const char *dy_article_from_id(dy_arena *a, const char *id);

/* For tests and fuzzing: a smaller record limit than DY_MAX_RECORD_BYTES
 * (it bounds JSON Lines lines, XML record windows and text articles). */
void dy_reader_set_line_limit(dyad_reader *r, size_t max);

/* --- formats --- */

/* PETRARCH XML (petrxml.c): start reads the prologue, so the <Environment>
 * is known as soon as the reader is open.  Both read the input one window
 * at a time (see petrxml.c), never more than max_record bytes past pos.  rec->parse is the
 * <Parse> text with references decoded but its whitespace as written
 * (newlines, indentation): dy_treebank_read() skips any whitespace, and
 * normalising it would cost more than reading the tree.  JSON Lines gives
 * "parse" as written too. */
dyad_status dy_petrxml_start(dyad_reader *r);
dyad_status dy_petrxml_next_record(dyad_reader *r, dyad_record *rec);

/* JSON Lines (jsonl.c). */
dyad_status dy_jsonl_next(dyad_reader *r, dyad_record *rec);

/* Plain text (reader.c): the whole input is one article record, of at most
 * max_record bytes. */
dyad_status dy_text_next(dyad_reader *r, dyad_record *rec);

#endif

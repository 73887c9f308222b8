/* dyad.h -- public interface of libdyad, the event-data engine.
 *
 * Tiers, in the order a user meets them:
 *   1. Errors and version.
 *   2. The engine: dictionaries (PETRARCH/TABARI formats) loaded once into an
 *      immutable object that any number of threads may share.
 *   3. The coder: one per thread; codes one parsed sentence, or one raw-text
 *      article, at a time and owns the memory of what it returns until the
 *      next call.
 *   4. Records: readers for PETRARCH XML, JSON Lines and plain-text inputs,
 *      and the JSON writer for events and error records.
 *
 * Ownership: every create or open call has its free or close, and each free
 * accepts NULL.  Strings inside returned structs are borrowed: they stay valid
 * until the next call on the same object or its free.
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION_MAJOR 0
#define DYAD_VERSION_MINOR 1
#define DYAD_VERSION_PATCH 0
#define DYAD_VERSION_STRING "0.1.0"

/*! dyad_version() : the runtime version string, e.g. "0.1.0". */
const char *dyad_version(void);

/* ------------------------------------------------------------------ */
/* 1. Errors                                                           */
/* ------------------------------------------------------------------ */

/* Fixed numbers: never renumber, only append. */
typedef enum dyad_status {
    DYAD_OK = 0,
    DYAD_ERR_NOMEM = 1,      /* out of memory */
    DYAD_ERR_IO = 2,         /* a file could not be opened, read or written */
    DYAD_ERR_SYNTAX = 3,     /* malformed input record (XML, JSON, parse tree) */
    DYAD_ERR_DICT = 4,       /* a dictionary could not be used at all */
    DYAD_ERR_ARG = 5,        /* invalid argument from the caller */
    DYAD_ERR_LIMIT = 6,      /* an input exceeded a documented size limit */
    DYAD_ERR_ENCODING = 7,   /* invalid UTF-8 that could not be repaired */
    DYAD_ERR_EOF = 8,        /* a reader has no more records (not a failure) */
    DYAD_ERR_DISCARD = 9,    /* the sentence or story matched a discard entry */
} dyad_status;

/*! dyad_strerror() : a short, static description of a status. */
const char *dyad_strerror(dyad_status status);

/* ------------------------------------------------------------------ */
/* 2. Dictionaries and the engine                                      */
/* ------------------------------------------------------------------ */

typedef enum dyad_dict_kind {
    DYAD_DICT_AUTO = 0,   /* recognise from the file name, then the content */
    DYAD_DICT_VERBS,
    DYAD_DICT_ACTORS,
    DYAD_DICT_AGENTS,
    DYAD_DICT_DISCARDS,
    DYAD_DICT_ISSUES,
} dyad_dict_kind;

/*! dyad_dict_kind_name() / dyad_dict_kind_parse() : "verbs", "actors", ... */
const char *dyad_dict_kind_name(dyad_dict_kind kind);
int dyad_dict_kind_parse(const char *name, dyad_dict_kind *out); /* 0 ok, -1 unknown */

/* Called for every line of a dictionary that is not used as written: the
 * line is skipped (or repaired, as the message says) and loading goes on. */
typedef void (*dyad_diag_fn)(void *user, const char *file, long line,
                             const char *message);

typedef struct dyad_builder dyad_builder;
typedef struct dyad_engine dyad_engine;

/*! dyad_builder_create() : collects dictionary files before the engine is built. */
dyad_builder *dyad_builder_create(void);
void dyad_builder_free(dyad_builder *b);

/*! dyad_builder_set_diag() : where per-line warnings go (default: dropped
 *  after being counted; see dyad_builder_warning_count()). */
void dyad_builder_set_diag(dyad_builder *b, dyad_diag_fn fn, void *user);

/*! dyad_builder_add_file() : reads one dictionary file now.  With
 *  DYAD_DICT_AUTO the kind is recognised from the name or the content.
 *  Returns DYAD_ERR_IO for an unreadable file, DYAD_ERR_DICT when the kind
 *  cannot be recognised; malformed lines only produce warnings. */
dyad_status dyad_builder_add_file(dyad_builder *b, dyad_dict_kind kind,
                                  const char *path);

/*! dyad_builder_add_buffer() : as add_file, from memory; name is used in messages. */
dyad_status dyad_builder_add_buffer(dyad_builder *b, dyad_dict_kind kind,
                                    const char *name, const char *data,
                                    size_t len);

/*! dyad_builder_add_defaults() : adds dyad's own default dictionaries
 *  (data/dict/ in the source tree, compiled into the library: countries,
 *  people with dated roles, organisations, agents, verbs, discards, issues;
 *  docs/dictionaries.md).  Call it after adding your own files: the first
 *  definition of a phrase wins, so your entries take precedence, and a
 *  default entry you redefine is skipped without a warning (the defaults
 *  themselves load without warnings; tests check it). */
dyad_status dyad_builder_add_defaults(dyad_builder *b);

/*! dyad_builder_warning_count() : malformed or unusable lines seen so far. */
size_t dyad_builder_warning_count(const dyad_builder *b);

/*! dyad_builder_last_error() : message for the last failing call. */
const char *dyad_builder_last_error(const dyad_builder *b);

/*! dyad_engine_build() : compiles everything added into an immutable engine.
 *  The builder may be freed afterwards. */
dyad_status dyad_engine_build(dyad_builder *b, dyad_engine **out);
void dyad_engine_free(dyad_engine *e);

typedef struct dyad_engine_stats {
    size_t verb_forms, verb_patterns, synsets;
    size_t actor_phrases, agent_phrases, discard_phrases, issue_phrases;
    size_t warnings;
} dyad_engine_stats;
void dyad_engine_get_stats(const dyad_engine *e, dyad_engine_stats *out);

/* ------------------------------------------------------------------ */
/* 3. Coding                                                           */
/* ------------------------------------------------------------------ */

/* Options a record or a run may set; mirrors PETRARCH's <Config> options. */
typedef struct dyad_options {
    int require_dyad;        /* drop events whose source or target is empty (default 1) */
    int new_actor_length;    /* >0: uncoded noun phrases of fewer words become "quoted" actors */
    int comma_min, comma_max;   /* delete interior comma clauses of this many words */
    int comma_bmin, comma_bmax; /* ... initial clauses */
    int comma_emin, comma_emax; /* ... terminal clauses */
    int resolve;             /* articles: whole-article resolution (coreference,
                                reporting frames, dates, places, duplicates;
                                docs/resolution.md); default 1, 0 codes each
                                sentence alone as from a parse */
} dyad_options;

/*! dyad_options_default() : PETRARCH's defaults. */
void dyad_options_default(dyad_options *o);

/*! dyad_options_set() : sets one option by its PETRARCH name ("require_dyad",
 *  "new_actor_length", "comma_min", ...).  0 on success, -1 for an unknown
 *  name or a bad value. */
int dyad_options_set(dyad_options *o, const char *name, const char *value);

typedef struct dyad_actor {
    const char *code;   /* e.g. "RUSGOV"; "" when none */
    const char *text;   /* the words of the noun phrase it came from */
} dyad_actor;

typedef struct dyad_issue {
    const char *code;
    int count;
    uint32_t sentence;       /* index of the sentence it was found in (0 for
                                dyad_code_sentence(); see dyad_code_article()) */
} dyad_issue;

/* A place (docs/places.md): resolved with the GeoNames city data. */
typedef struct dyad_place {
    const char *text;        /* as written in the article */
    const char *name;        /* GeoNames name, "" when not found */
    const char *admin1;      /* state / province, "" if unknown */
    const char *country;     /* ISO 3166 alpha-3 (CAMEO) code, "" if unknown */
    double latitude, longitude;
    int resolved;            /* 1: name, country and coordinates are known */
} dyad_place;

/* Fields are only ever appended. */
typedef struct dyad_event {
    dyad_actor source, target;
    const char *code;        /* CAMEO event code, e.g. "036" */
    const char *verb;        /* the verb (and particle) as written */
    const char *pattern;     /* the dictionary pattern that matched, "" for the bare verb */
    int passive;             /* source and target were swapped for a passive verb */
    const char *sentence_id; /* id of the sentence it came from: the sentence's
                                own id, or "<article id>-<n>" for articles */
    uint32_t sentence;       /* index of that sentence in the article, 0-based
                                (0 for dyad_code_sentence()) */
    /* Byte spans [start, end) in the article text of the words of the
     * source, the verb and the target (after a passive swap, the source's
     * are the source's).  0/0 when unknown: always for a Treebank parse. */
    uint32_t source_start, source_end;
    uint32_t verb_start, verb_end;
    uint32_t target_start, target_end;

    /* Article-level resolution (dyad_code_article() only; docs/resolution.md).
     * For dyad_code_sentence() date is NULL (the sentence's date applies),
     * the strings are "", mentions is 1 and mention_sentences NULL. */
    const char *date;        /* the event's own date, YYYY-MM-DD: from a time
                                expression of its sentence ("on Monday", "in
                                March 2014") resolved against the article
                                date, else the article date */
    int date_explicit;       /* 1: the text says when (date_text) */
    const char *date_text;   /* the time expression as written, "" if none */
    dyad_actor attribution;  /* who reports it ("according to Xinhua", "the
                                ministry said"); code and text "" if none */
    dyad_place location;     /* where it happened; name "" if the text does not say */
    uint32_t mentions;       /* sentences reporting this same event (>= 1) */
    const uint32_t *mention_sentences; /* their indices, ascending (mentions
                                of them; NULL for dyad_code_sentence()) */
} dyad_event;

typedef struct dyad_sentence {
    const char *id;          /* sentence id */
    const char *date;        /* YYYYMMDD or YYYY-MM-DD */
    const char *text;        /* may be NULL: used for discards and issues */
    const char *parse;       /* Penn Treebank bracketing */
    size_t parse_len;        /* 0: strlen(parse) */
} dyad_sentence;

typedef struct dyad_result {
    const dyad_event *events;
    size_t n_events;
    const dyad_issue *issues;
    size_t n_issues;
    int discarded;           /* 1 sentence discard, 2 story discard (for an
                                article, 1 means some sentence was skipped
                                and the status is still DYAD_OK) */
    const char *discard_phrase;
    int parse_repaired;      /* unbalanced brackets were repaired */
    uint32_t n_sentences;        /* sentences coded or tried (1 for a coded
                                    dyad_code_sentence()) */
    uint32_t n_sentences_failed; /* of them, skipped for an error (limit, ...) */
} dyad_result;

typedef struct dyad_coder dyad_coder;

/*! dyad_coder_create() : a per-thread coder over a shared engine. */
dyad_coder *dyad_coder_create(const dyad_engine *e);
void dyad_coder_free(dyad_coder *c);

/*! dyad_coder_options() : the coder's options; change them between calls. */
dyad_options *dyad_coder_options(dyad_coder *c);

/*! dyad_code_sentence() : codes one parsed sentence.  On failure the result
 *  is empty and dyad_coder_error() says why (with DYAD_ERR_DISCARD the
 *  result says which phrase discarded it).  The result is valid until the
 *  next call on this coder. */
dyad_status dyad_code_sentence(dyad_coder *c, const dyad_sentence *s,
                               dyad_result *out);

/* A news article as raw text. */
typedef struct dyad_article {
    const char *id;          /* article id (NULL: ""); sentence ids are "<id>-<n>" */
    const char *date;        /* YYYY-MM-DD (or YYYYMMDD); NULL or "": the first
                                full date written at the start of the text (a
                                dateline "GENEVA, March 3, 2025 -"), else the
                                article fails with kind "bad_date" */
    const char *text;        /* UTF-8 text; invalid bytes and NULs are tolerated */
    size_t text_len;         /* bytes of text; 0: strlen(text) */
} dyad_article;

/*! dyad_code_article() : codes raw article text: tokenises it, splits it
 *  into sentences, tags, lemmatises, builds a phrase-structure tree per
 *  sentence and codes each tree as dyad_code_sentence() codes a parse
 *  (docs/coding.md); verbs the dictionary lacks in the inflected form are
 *  also looked up by their lemma ("fled" -> FLEE).
 *
 *  The events of all sentences come back in sentence order.  Each event
 *  has `sentence` (the sentence's index, 0-based, counting every sentence
 *  the splitter found), `sentence_id` ("<article id>-<index + 1>") and the
 *  byte spans in a->text of the words of its source, verb and target.  The
 *  issues are those of the sentences that gave events, each with its
 *  sentence's index.  n_sentences counts the sentences found;
 *  n_sentences_failed those skipped for an error (a size limit, out of
 *  memory), which do not fail the article.  Dateline sentences ("MOSCOW
 *  (Reuters) -") are skipped.  A sentence-discard match skips that sentence
 *  (then `discarded` is 1 and `discard_phrase` names the first match, and
 *  the status is still DYAD_OK); a story-discard match discards the whole
 *  article: DYAD_ERR_DISCARD, no events, `discarded` 2.
 *  Errors: DYAD_ERR_SYNTAX (kind "bad_date"), DYAD_ERR_LIMIT (text over
 *  4 GiB), DYAD_ERR_NOMEM, DYAD_ERR_ARG.  The result is valid until the
 *  next call on this coder.  About 50 bytes of memory per token of the
 *  article are held until then, besides the events. */
dyad_status dyad_code_article(dyad_coder *c, const dyad_article *a, dyad_result *out);

/*! dyad_write_parse() : what the coder sees of raw text, for inspection:
 *  runs the text front end of dyad_code_article() on text[0..len) (no
 *  dictionaries, no coding) and writes two lines per sentence to f: its
 *  tokens as "word/TAG/lemma" separated by single spaces, then its tree in
 *  one-line Penn Treebank bracket form.  Dateline sentences are included.
 *  Returns DYAD_OK, DYAD_ERR_IO (a write failed), DYAD_ERR_NOMEM,
 *  DYAD_ERR_LIMIT (text over 4 GiB) or DYAD_ERR_ARG. */
dyad_status dyad_write_parse(FILE *f, const char *text, size_t len);

/*! dyad_coder_error() : detail message of the last failing call. */
const char *dyad_coder_error(const dyad_coder *c);

/*! dyad_coder_error_kind() : machine-readable kind of the last failure, using
 *  PETRARCH's names where they exist: "bad_input_parse" (unbalanced or
 *  malformed parse), "dateline" (the parse is a dateline, not a sentence),
 *  "sentencediscard", "storydiscard", "limit" (a size limit), "bad_date",
 *  "nomem", "bad_article" (dyad_code_article() without text); "" after
 *  success. */
const char *dyad_coder_error_kind(const dyad_coder *c);

/* ------------------------------------------------------------------ */
/* 4. Records in, JSON out                                             */
/* ------------------------------------------------------------------ */

/* One expected coding of a validation record. */
typedef struct dyad_expected {
    const char *source, *target, *code;   /* NULL when absent */
    int noevents;                          /* <EventCoding noevents="True"> */
    const char *error;                     /* <EventCoding error="..."> */
} dyad_expected;

typedef struct dyad_config_opt {
    const char *name, *value;
} dyad_config_opt;

typedef struct dyad_record {
    const char *article;     /* story id ("" when the input has none) */
    const char *id;          /* sentence id */
    const char *date;        /* as given */
    const char *category;    /* may be "" */
    const char *text;        /* may be "" */
    const char *parse;       /* Penn Treebank bracketing as written: entities
                                decoded, whitespace and newlines kept; may be "" */
    size_t parse_len;
    const dyad_expected *expected; size_t n_expected;
    const dyad_config_opt *config; size_t n_config; /* <Config> inside/before the record */
    const char *file;        /* input name */
    long line;               /* line where the record starts (1-based) */
    /* Appended fields. */
    int is_article;          /* 1: raw article text to code with
                                dyad_code_article() (a .txt file, or a JSON
                                Lines record with "text" and no "parse"): then
                                `id` and `article` are the article id, `text`
                                is the article exactly as given (not
                                whitespace-normalised) and `parse` is "".
                                0: a parsed sentence for dyad_code_sentence() */
    size_t text_len;         /* bytes of text (it may hold NUL bytes) */
} dyad_record;

/* Whole-file settings of a PETRARCH <Validation> file. */
typedef struct dyad_environment {
    const char *verbfile, *actorfile, *agentfile, *discardfile, *issuefile;
    const dyad_config_opt *config; size_t n_config;
} dyad_environment;

typedef struct dyad_reader dyad_reader;

typedef enum dyad_input_format {
    DYAD_INPUT_AUTO = 0,
    DYAD_INPUT_PETRXML,
    DYAD_INPUT_JSONL,
    DYAD_INPUT_TEXT,         /* the whole input is one article (.txt) */
} dyad_input_format;

/*! dyad_reader_open() : path "-" is standard input.  With DYAD_INPUT_AUTO
 *  the format comes from the name (.xml; .jsonl, .ndjson, .json; .txt),
 *  else from the first byte ('<' XML, anything else JSON Lines).  A text
 *  input gives one record: is_article 1, id and article the file name
 *  without directory and extension ("text" for standard input or a
 *  buffer without a name), date "" (the caller supplies it), text the
 *  whole input less a UTF-8 byte order mark. */
dyad_status dyad_reader_open(const char *path, dyad_input_format fmt,
                             dyad_reader **out);
/*! dyad_reader_open_buffer() : reads records from memory (copied). */
dyad_status dyad_reader_open_buffer(const char *name, const char *data,
                                    size_t len, dyad_input_format fmt,
                                    dyad_reader **out);
void dyad_reader_close(dyad_reader *r);

/*! dyad_reader_next() : DYAD_OK with a record, DYAD_ERR_EOF at the end, or
 *  an error for a record that could not be read (the reader has skipped it;
 *  dyad_reader_error() names the place and reason; call again to go on).
 *  The record is valid until the next call. */
dyad_status dyad_reader_next(dyad_reader *r, dyad_record *rec);
const char *dyad_reader_error(const dyad_reader *r);

/*! dyad_reader_environment() : the <Environment> block, once seen (else NULL). */
const dyad_environment *dyad_reader_environment(const dyad_reader *r);

/* --- Streaming input (added with issue 5, corpus scale) --- */

/*! dyad_read_fn : supplies the bytes of a stream reader: copies up to cap
 *  (> 0) bytes into buf and returns how many, 0 at the end of the input, or
 *  -1 on a failure, with *why set to a message that stays valid until the
 *  next call (e.g. "truncated gzip data").  It may return fewer bytes than
 *  asked for at any time. */
typedef ptrdiff_t (*dyad_read_fn)(void *user, char *buf, size_t cap, const char **why);

/*! dyad_reader_open_stream() : as dyad_reader_open(), but the bytes come
 *  from read(user, ...) a chunk at a time (a decompressor, a pipe, ...);
 *  name is used in messages, in rec->file and, with DYAD_INPUT_AUTO, to
 *  recognise the format.  Every format is read in memory bounded by its
 *  largest record (docs/limits.md), never whole.  read is not called again
 *  after it returned 0 or -1; a failure ends the input with DYAD_ERR_IO
 *  ("NAME:LINE: read error: WHY").  Nothing is closed by the reader. */
dyad_status dyad_reader_open_stream(const char *name, dyad_read_fn read, void *user,
                                    dyad_input_format fmt, dyad_reader **out);

/*! dyad_write_event_json() : one event as one JSON line. */
int dyad_write_event_json(FILE *f, const dyad_record *rec,
                          const dyad_result *res, size_t event_index);
/*! dyad_write_error_json() : one error record as one JSON line. */
int dyad_write_error_json(FILE *f, const char *article, const char *sentence,
                          const char *file, long line, const char *kind,
                          const char *message);

/* CAMEO facts for an event code; 0 on success, -1 for an unknown code. */
typedef struct dyad_cameo_info {
    const char *code, *root, *name;
    int quad_class;          /* 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict */
    double goldstein;
} dyad_cameo_info;
int dyad_cameo_lookup(const char *code, dyad_cameo_info *out);

#ifdef __cplusplus
}
#endif
#endif /* DYAD_H */

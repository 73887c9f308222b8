/* petrxml.c -- a tolerant reader for PETRARCH XML record files.
 *
 * PETRARCH's files are XML-like, not XML: comments contain "--", attribute
 * spacing varies ("date = \"...\""), and the unit-test file is hand-edited.
 * A strict parser rejects them, and one broken record must never stop the
 * rest, so this is a hand-written scanner over the input buffer that knows
 * only the elements PETRARCH uses and skips everything else:
 *
 *   <Validation> / <Sentences>      containers, otherwise ignored
 *   <Environment> ... </Environment>  <Verbfile> <Actorfile> <Agentfile>
 *                                   <Discardfile> <Issuefile> <Config>
 *   <Config option=".." value="..">  between records: applies to the next
 *                                   record; inside one: to that record
 *   <Sentence date=".." id=".." category="..">  one record, holding
 *       <EventCoding .../>  <Text>..</Text>  <Parse>..</Parse>  <Config>
 *   <Stop>                          ends the input (PETRARCH's marker)
 *   <!-- ... -->                    ended only by "-->"
 *
 * Tag and attribute names match without regard to case.  Text and attribute
 * values have the five named entities and numeric character references
 * decoded (anything else that looks like an entity is kept as written) and
 * their whitespace collapsed -- except <Parse>, whose whitespace is kept as
 * written (dyad_record.parse is raw: the tree reader skips any whitespace,
 * and collapsing it would cost more than reading the tree).
 *
 * When a record is malformed the reader reports "FILE:LINE: reason" and
 * resynchronises: it goes on after the record's </Sentence> or at the next
 * <Sentence, whichever comes first, so the next record is read normally.
 *
 * The input is streamed: the scanner works on a window of the buffered
 * bytes that holds the next record and nothing after it (see "Windows"
 * at the end), so a file of any size is read in memory bounded by its
 * largest record. */
#include "io/io_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define XML_MAX_ATTRS 16
#define NOT_FOUND ((size_t)-1)

typedef struct xml_attr {
    const char *name, *value;
    size_t name_len, value_len;
    int plain;   /* the value holds no space and no '&': decoding leaves it as it is */
} xml_attr;

typedef struct xml_tag {
    size_t start, end;          /* offset of '<' and one past '>' */
    const char *name;
    size_t name_len;
    int is_end, self_closing;
    xml_attr attrs[XML_MAX_ATTRS];   /* further attributes are ignored */
    int n_attrs;
} xml_tag;

typedef enum markup_kind {
    MARKUP_NONE,      /* a '<' that starts no markup: literal text */
    MARKUP_COMMENT,   /* <!-- ... --> */
    MARKUP_CDATA,     /* <![CDATA[ ... ]]> */
    MARKUP_OTHER,     /* <? ... ?>, <!DOCTYPE ...> */
    MARKUP_TAG,       /* <name ...> or </name> */
} markup_kind;

/* ------------------------------------------------------------------ */
/* Scanning primitives                                                 */
/* ------------------------------------------------------------------ */

/* Byte classes for names and spaces, looked up once per byte. */
enum {
    CH_NAME_START = 1, CH_NAME = 2, CH_SPACE = 4,
    CH_AMP = 8,          /* '&' */
    CH_VALUE_STOP = 16,  /* where a quoted attribute value may end: a quote, '<', NUL */
};

#define NAME_START_AND_CHAR (CH_NAME_START | CH_NAME)
static const unsigned char char_class[256] = {
    ['A'] = NAME_START_AND_CHAR, ['B'] = NAME_START_AND_CHAR, ['C'] = NAME_START_AND_CHAR,
    ['D'] = NAME_START_AND_CHAR, ['E'] = NAME_START_AND_CHAR, ['F'] = NAME_START_AND_CHAR,
    ['G'] = NAME_START_AND_CHAR, ['H'] = NAME_START_AND_CHAR, ['I'] = NAME_START_AND_CHAR,
    ['J'] = NAME_START_AND_CHAR, ['K'] = NAME_START_AND_CHAR, ['L'] = NAME_START_AND_CHAR,
    ['M'] = NAME_START_AND_CHAR, ['N'] = NAME_START_AND_CHAR, ['O'] = NAME_START_AND_CHAR,
    ['P'] = NAME_START_AND_CHAR, ['Q'] = NAME_START_AND_CHAR, ['R'] = NAME_START_AND_CHAR,
    ['S'] = NAME_START_AND_CHAR, ['T'] = NAME_START_AND_CHAR, ['U'] = NAME_START_AND_CHAR,
    ['V'] = NAME_START_AND_CHAR, ['W'] = NAME_START_AND_CHAR, ['X'] = NAME_START_AND_CHAR,
    ['Y'] = NAME_START_AND_CHAR, ['Z'] = NAME_START_AND_CHAR,
    ['a'] = NAME_START_AND_CHAR, ['b'] = NAME_START_AND_CHAR, ['c'] = NAME_START_AND_CHAR,
    ['d'] = NAME_START_AND_CHAR, ['e'] = NAME_START_AND_CHAR, ['f'] = NAME_START_AND_CHAR,
    ['g'] = NAME_START_AND_CHAR, ['h'] = NAME_START_AND_CHAR, ['i'] = NAME_START_AND_CHAR,
    ['j'] = NAME_START_AND_CHAR, ['k'] = NAME_START_AND_CHAR, ['l'] = NAME_START_AND_CHAR,
    ['m'] = NAME_START_AND_CHAR, ['n'] = NAME_START_AND_CHAR, ['o'] = NAME_START_AND_CHAR,
    ['p'] = NAME_START_AND_CHAR, ['q'] = NAME_START_AND_CHAR, ['r'] = NAME_START_AND_CHAR,
    ['s'] = NAME_START_AND_CHAR, ['t'] = NAME_START_AND_CHAR, ['u'] = NAME_START_AND_CHAR,
    ['v'] = NAME_START_AND_CHAR, ['w'] = NAME_START_AND_CHAR, ['x'] = NAME_START_AND_CHAR,
    ['y'] = NAME_START_AND_CHAR, ['z'] = NAME_START_AND_CHAR,
    ['_'] = NAME_START_AND_CHAR, [':'] = NAME_START_AND_CHAR,
    ['0'] = CH_NAME, ['1'] = CH_NAME, ['2'] = CH_NAME, ['3'] = CH_NAME, ['4'] = CH_NAME,
    ['5'] = CH_NAME, ['6'] = CH_NAME, ['7'] = CH_NAME, ['8'] = CH_NAME, ['9'] = CH_NAME,
    ['-'] = CH_NAME, ['.'] = CH_NAME,
    ['&'] = CH_AMP,
    ['"'] = CH_VALUE_STOP, ['\''] = CH_VALUE_STOP, ['<'] = CH_VALUE_STOP, ['\0'] = CH_VALUE_STOP,
    [' '] = CH_SPACE, ['\t'] = CH_SPACE, ['\n'] = CH_SPACE,
    ['\r'] = CH_SPACE, ['\f'] = CH_SPACE, ['\v'] = CH_SPACE,   /* as dy_isspace() */
};

static int is_name_start(int c)
{
    return char_class[c & 0xFF] & CH_NAME_START;
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static inline int names_match(const char *a, size_t a_len, const char *b, size_t b_len)
{
    if (a_len != b_len)
        return 0;
    for (size_t i = 0; i < a_len; i++)
        if (a[i] != b[i] && lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
            return 0;
    return 1;
}

/* Macros, so that the length of a literal name is a constant and most
 * comparisons end at the length test without a call. */
#define name_equals(name, n, want) \
    ((n) == strlen(want) && names_match((name), (n), (want), strlen(want)))

/* Length to print a name with "%.*s": long garbage names are cut short. */
static int shown(size_t name_len)
{
    return name_len > 64 ? 64 : (int)name_len;
}

#define tag_is(t, want) name_equals((t)->name, (t)->name_len, (want))

static int starts_with(const dyad_reader *r, size_t pos, const char *lit)
{
    size_t k = strlen(lit);
    return r->src.len - pos >= k && memcmp(r->src.data + pos, lit, k) == 0;
}

static size_t find_byte(const dyad_reader *r, size_t from, char c)
{
    if (from >= r->src.len)
        return NOT_FOUND;
    const char *p = memchr(r->src.data + from, c, r->src.len - from);
    return p ? (size_t)(p - r->src.data) : NOT_FOUND;
}

static size_t find_text(const dyad_reader *r, size_t from, const char *lit)
{
    for (size_t p = find_byte(r, from, lit[0]); p != NOT_FOUND;
         p = find_byte(r, p + 1, lit[0])) {
        if (starts_with(r, p, lit))
            return p;
    }
    return NOT_FOUND;
}

static markup_kind classify(const dyad_reader *r, size_t lt)
{
    int next = (unsigned char)r->src.data[lt + 1];   /* data[len] is NUL */
    if (is_name_start(next))
        return MARKUP_TAG;
    if (next == '/')   /* data[lt + 2] is in bounds: at worst the NUL */
        return is_name_start((unsigned char)r->src.data[lt + 2]) ? MARKUP_TAG : MARKUP_NONE;
    if (next == '!') {
        if (starts_with(r, lt, "<!--"))
            return MARKUP_COMMENT;
        if (starts_with(r, lt, "<![CDATA["))
            return MARKUP_CDATA;
        return MARKUP_OTHER;
    }
    return next == '?' ? MARKUP_OTHER : MARKUP_NONE;
}

static const char *markup_name(markup_kind kind)
{
    switch (kind) {
    case MARKUP_COMMENT: return "comment <!--";
    case MARKUP_CDATA: return "<![CDATA[ section";
    default: return "markup";
    }
}

/* Offset just after a comment, CDATA or declaration at lt; NOT_FOUND when
 * it is never closed.  For CDATA, *content and *content_len give its text. */
static size_t skip_markup(const dyad_reader *r, size_t lt, markup_kind kind,
                          size_t *content, size_t *content_len)
{
    size_t end;
    switch (kind) {
    case MARKUP_COMMENT:
        end = find_text(r, lt + 4, "-->");
        return end == NOT_FOUND ? NOT_FOUND : end + 3;
    case MARKUP_CDATA:
        end = find_text(r, lt + 9, "]]>");
        if (end == NOT_FOUND)
            return NOT_FOUND;
        *content = lt + 9;
        *content_len = end - (lt + 9);
        return end + 3;
    default:
        end = r->src.data[lt + 1] == '?' ? find_text(r, lt + 2, "?>")
                                         : find_byte(r, lt + 2, '>');
        return end == NOT_FOUND ? NOT_FOUND : end + (r->src.data[end] == '>' ? 1 : 2);
    }
}

/* Both stop at the latest at src.len, where the NUL is neither. */
static size_t skip_space(const dyad_reader *r, size_t p)
{
    while (char_class[(unsigned char)r->src.data[p]] & CH_SPACE)
        p++;
    return p;
}

static size_t skip_name(const dyad_reader *r, size_t p)
{
    while (char_class[(unsigned char)r->src.data[p]] & CH_NAME)
        p++;
    return p;
}

/* One attribute at p (a name character); returns the offset after it, or
 * NOT_FOUND with *why set. */
static size_t parse_attr(const dyad_reader *r, size_t p, xml_tag *t, const char **why)
{
    const char *d = r->src.data;
    xml_attr a = { .name = d + p, .value = "", .plain = 1 };
    size_t name_end = skip_name(r, p);
    a.name_len = name_end - p;
    p = skip_space(r, name_end);
    if (d[p] == '=') {
        p = skip_space(r, p + 1);
        if (d[p] == '"' || d[p] == '\'') {
            /* values are short: one pass looks for the quote and for a '<'
             * before it (which means the quote is missing) */
            char quote = d[p];
            size_t close = p + 1;
            for (;;) {   /* stops at the latest at the NUL at src.len */
                while (!(char_class[(unsigned char)d[close]] &
                         (CH_VALUE_STOP | CH_SPACE | CH_AMP)))
                    close++;
                if (d[close] == quote || d[close] == '<' || close >= r->src.len)
                    break;
                if (char_class[(unsigned char)d[close]] & (CH_SPACE | CH_AMP))
                    a.plain = 0;
                close++;   /* that, the other quote, or a NUL byte in the input */
            }
            if (close >= r->src.len || d[close] != quote) {
                *why = "attribute value without its closing quote";
                return NOT_FOUND;
            }
            a.value = d + p + 1;
            a.value_len = close - (p + 1);
            p = close + 1;
        } else {   /* unquoted: tolerated up to a space or the tag's end */
            size_t start = p;
            while (p < r->src.len && !dy_isspace((unsigned char)d[p]) && d[p] != '>' &&
                   d[p] != '<' && !(d[p] == '/' && d[p + 1] == '>'))
                p++;
            a.value = d + start;
            a.value_len = p - start;
            a.plain = 0;   /* not worth knowing: decoded_copy() copes */
        }
    } else {
        p = name_end;   /* an attribute without a value: value "" */
    }
    if (t->n_attrs < XML_MAX_ATTRS)
        t->attrs[t->n_attrs++] = a;
    return p;
}

/* Parses the start or end tag at lt.  0, or -1 with *why set. */
static int parse_tag(const dyad_reader *r, size_t lt, xml_tag *t, const char **why)
{
    const char *d = r->src.data;
    t->start = lt;
    t->end = 0;
    t->is_end = 0;
    t->self_closing = 0;
    t->n_attrs = 0;   /* attrs[] beyond n_attrs are never read */
    size_t p = lt + 1;
    if (d[p] == '/') {
        t->is_end = 1;
        p++;
    }
    t->name = d + p;
    p = skip_name(r, p);
    t->name_len = (size_t)(d + p - t->name);
    for (;;) {
        p = skip_space(r, p);
        if (p >= r->src.len || d[p] == '<') {
            *why = "tag without its closing '>'";
            return -1;
        }
        if (d[p] == '>') {
            t->end = p + 1;
            return 0;
        }
        if (d[p] == '/' && d[p + 1] == '>') {
            t->self_closing = 1;
            t->end = p + 2;
            return 0;
        }
        if (is_name_start((unsigned char)d[p])) {
            p = parse_attr(r, p, t, why);
            if (p == NOT_FOUND)
                return -1;
        } else {
            p++;   /* a stray byte such as a lone quote: tolerated */
        }
    }
}

/* ------------------------------------------------------------------ */
/* Decoding                                                            */
/* ------------------------------------------------------------------ */

static size_t utf8_encode(unsigned long cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static int digit_value(int c, int base)
{
    int v = c >= '0' && c <= '9' ? c - '0'
          : lower(c) >= 'a' && lower(c) <= 'f' ? lower(c) - 'a' + 10 : 99;
    return v < base ? v : -1;
}

/* If s[0..n) (s[0] == '&') starts with a character reference, writes its
 * UTF-8 to out and returns the reference's length; else 0. */
static size_t decode_entity(const char *s, size_t n, char *out, size_t *out_len)
{
    static const struct { const char *name; char c; } named[] = {
        { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
    };
    size_t semi = 1;
    while (semi < n && semi < 16 && s[semi] != ';')
        semi++;
    if (semi >= n || s[semi] != ';')
        return 0;
    const char *name = s + 1;
    size_t len = semi - 1;
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
        if (len == strlen(named[i].name) && memcmp(name, named[i].name, len) == 0) {
            out[0] = named[i].c;
            *out_len = 1;
            return semi + 1;
        }
    }
    if (len < 2 || name[0] != '#')
        return 0;
    int base = lower((unsigned char)name[1]) == 'x' ? 16 : 10;
    size_t i = base == 16 ? 2 : 1;
    if (i >= len)
        return 0;
    unsigned long cp = 0;
    for (; i < len; i++) {
        int v = digit_value((unsigned char)name[i], base);
        if (v < 0)
            return 0;
        cp = cp * (unsigned long)base + (unsigned long)v;
        if (cp > 0x10FFFF)
            return 0;
    }
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    *out_len = utf8_encode(cp, out);
    return semi + 1;
}

static int append_decoded(dy_strbuf *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        const char *amp = memchr(s + i, '&', n - i);
        size_t plain = amp ? (size_t)(amp - (s + i)) : n - i;
        if (dy_strbuf_append(b, s + i, plain) != 0)
            return -1;
        i += plain;
        if (i == n)
            break;
        char utf8[4];
        size_t out_len = 0;
        size_t used = decode_entity(s + i, n - i, utf8, &out_len);
        if (used == 0) {   /* not a reference: keep the '&' as written */
            utf8[0] = '&';
            out_len = 1;
            used = 1;
        }
        if (dy_strbuf_append(b, utf8, out_len) != 0)
            return -1;
        i += used;
    }
    return 0;
}

/* s[0..n) with character references decoded, then whitespace-normalised
 * when `normalise` is set, as a string in arena a; NULL when out of memory.
 * Text without a '&' (nearly all) goes to the arena in one copy. */
static const char *decoded_copy(dyad_reader *r, dy_arena *a, const char *s, size_t n,
                                int normalise)
{
    if (n > 0 && memchr(s, '&', n)) {
        r->scratch.len = 0;
        if (append_decoded(&r->scratch, s, n) != 0)
            return NULL;
        s = r->scratch.data;
        n = r->scratch.len;
    }
    return normalise ? dy_normalise_space(a, s, n) : dy_arena_strndup(a, s, n);
}

/* The decoded, whitespace-normalised value of attribute `name` (of length
 * name_len) in arena a; *out is NULL when the tag lacks it.  DYAD_OK or
 * DYAD_ERR_NOMEM. */
static dyad_status attr_value_n(dyad_reader *r, dy_arena *a, const xml_tag *t,
                                const char *name, size_t name_len, const char **out)
{
    *out = NULL;
    for (int i = 0; i < t->n_attrs; i++) {
        const xml_attr *at = &t->attrs[i];
        if (at->name_len != name_len || !names_match(at->name, at->name_len, name, name_len))
            continue;
        /* most values hold neither a space nor a '&': then they are copied */
        *out = at->plain ? dy_arena_strndup(a, at->value, at->value_len)
                         : decoded_copy(r, a, at->value, at->value_len, 1);
        if (!*out)
            return dy_reader_fail(r, DYAD_ERR_NOMEM, 0, "out of memory");
        return DYAD_OK;
    }
    return DYAD_OK;
}

#define attr_value(r, a, t, name, out) attr_value_n((r), (a), (t), (name), strlen(name), (out))

static int is_true(const char *s)
{
    return s && (name_equals(s, strlen(s), "true") || name_equals(s, strlen(s), "yes") ||
                 strcmp(s, "1") == 0);
}

/* ------------------------------------------------------------------ */
/* Elements                                                            */
/* ------------------------------------------------------------------ */

/* Collects into r->scratch the decoded content of the element whose start
 * tag is t, up to its end tag.  Comments are dropped, CDATA kept as written,
 * a '<' that starts no markup kept; any other tag inside is an error (most
 * likely the end tag is missing).  Leaves src.pos after the end tag, or at
 * the offending markup on failure. */
static dyad_status collect_element_text(dyad_reader *r, const xml_tag *t)
{
    dy_strbuf *b = &r->scratch;
    size_t p = t->end;
    for (;;) {
        size_t lt = find_byte(r, p, '<');
        if (lt == NOT_FOUND) {
            r->src.pos = r->src.len;
            return dy_reader_fail(r, DYAD_ERR_SYNTAX, dy_reader_line_at(r, t->start),
                                  "<%.*s> is not closed", shown(t->name_len), t->name);
        }
        if (append_decoded(b, r->src.data + p, lt - p) != 0)
            return dy_reader_fail(r, DYAD_ERR_NOMEM, 0, "out of memory");
        markup_kind kind = classify(r, lt);
        if (kind == MARKUP_NONE) {
            if (dy_strbuf_append(b, "<", 1) != 0)
                return dy_reader_fail(r, DYAD_ERR_NOMEM, 0, "out of memory");
            p = lt + 1;
            continue;
        }
        if (kind != MARKUP_TAG) {
            size_t cdata = 0, cdata_len = 0;
            p = skip_markup(r, lt, kind, &cdata, &cdata_len);
            if (p == NOT_FOUND) {
                r->src.pos = r->src.len;
                return dy_reader_fail(r, DYAD_ERR_SYNTAX, dy_reader_line_at(r, lt),
                                      "unterminated %s", markup_name(kind));
            }
            if (cdata_len && dy_strbuf_append(b, r->src.data + cdata, cdata_len) != 0)
                return dy_reader_fail(r, DYAD_ERR_NOMEM, 0, "out of memory");
            continue;
        }
        xml_tag end;
        const char *why = NULL;
        int parsed = parse_tag(r, lt, &end, &why) == 0;
        if (parsed && end.is_end && names_match(end.name, end.name_len, t->name, t->name_len)) {
            r->src.pos = end.end;
            return DYAD_OK;
        }
        r->src.pos = lt;
        if (!parsed)
            return dy_reader_fail(r, DYAD_ERR_SYNTAX, dy_reader_line_at(r, lt),
                                  "inside <%.*s>: %s", shown(t->name_len), t->name, why);
        return dy_reader_fail(r, DYAD_ERR_SYNTAX, dy_reader_line_at(r, lt),
                              "<%s%.*s> inside <%.*s> (is </%.*s> missing?)",
                              end.is_end ? "/" : "", shown(end.name_len), end.name,
                              shown(t->name_len), t->name, shown(t->name_len), t->name);
    }
}

/* The text of the element whose start tag is t, decoded into arena a and,
 * when `normalise` is set, whitespace-normalised (see collect_element_text);
 * without it, whitespace is kept as written. */
static dyad_status element_text(dyad_reader *r, dy_arena *a, const xml_tag *t,
                                int normalise, const char **out)
{
    if (t->self_closing) {
        r->src.pos = t->end;
        *out = "";
        return DYAD_OK;
    }
    /* The usual case, read straight from the input: plain text up to the
     * element's own end tag.  Anything else takes the general path, which
     * reads the same bytes again and reports what is wrong, if anything. */
    size_t lt = find_byte(r, t->end, '<');
    if (lt != NOT_FOUND && r->src.data[lt + 1] == '/') {
        const char *d = r->src.data + lt;
        size_t after = NOT_FOUND;   /* offset after the end tag */
        xml_tag end;
        const char *why = NULL;
        if (r->src.len - lt >= t->name_len + 3 && memcmp(d + 2, t->name, t->name_len) == 0 &&
            d[2 + t->name_len] == '>')
            after = lt + t->name_len + 3;   /* spelled as the start tag: parse_tag agrees */
        else if (classify(r, lt) == MARKUP_TAG && parse_tag(r, lt, &end, &why) == 0 &&
                 names_match(end.name, end.name_len, t->name, t->name_len))
            after = end.end;
        if (after != NOT_FOUND) {
            *out = decoded_copy(r, a, r->src.data + t->end, lt - t->end, normalise);
            if (!*out)
                return dy_reader_fail(r, DYAD_ERR_NOMEM, 0, "out of memory");
            r->src.pos = after;
            return DYAD_OK;
        }
    }
    r->scratch.len = 0;
    dyad_status st = collect_element_text(r, t);
    if (st != DYAD_OK)
        return st;
    const char *text = r->scratch.data ? r->scratch.data : "";
    *out = normalise ? dy_normalise_space(a, text, r->scratch.len)
                     : dy_arena_strndup(a, text, r->scratch.len);
    return *out ? DYAD_OK : dy_reader_fail(r, DYAD_ERR_NOMEM, 0, "out of memory");
}

/* <Config option=".." value=".."> appended to list v, strings in arena a. */
static dyad_status add_config(dyad_reader *r, dy_arena *a, dy_vec *v, const xml_tag *t)
{
    dyad_config_opt opt;
    dyad_status st = attr_value(r, a, t, "option", &opt.name);
    if (st == DYAD_OK)
        st = attr_value(r, a, t, "value", &opt.value);
    if (st != DYAD_OK)
        return st;
    if (!opt.name || !*opt.name)
        return dy_reader_fail(r, DYAD_ERR_SYNTAX, dy_reader_line_at(r, t->start),
                              "<Config> without an option name");
    if (!opt.value)
        opt.value = "";
    if (dy_vec_push(v, &opt) != 0)
        return dy_reader_fail(r, DYAD_ERR_NOMEM, 0, "out of memory");
    return DYAD_OK;
}

static dyad_status add_expected(dyad_reader *r, const xml_tag *t)
{
    dy_arena *a = r->record_arena;
    dyad_expected e;
    const char *noevents = NULL;
    memset(&e, 0, sizeof e);
    dyad_status st = attr_value(r, a, t, "sourcecode", &e.source);
    if (st == DYAD_OK)
        st = attr_value(r, a, t, "targetcode", &e.target);
    if (st == DYAD_OK)
        st = attr_value(r, a, t, "eventcode", &e.code);
    if (st == DYAD_OK)
        st = attr_value(r, a, t, "error", &e.error);
    if (st == DYAD_OK)
        st = attr_value(r, a, t, "noevents", &noevents);
    if (st != DYAD_OK)
        return st;
    e.noevents = is_true(noevents);
    if (dy_vec_push(&r->expected, &e) != 0)
        return dy_reader_fail(r, DYAD_ERR_NOMEM, 0, "out of memory");
    return DYAD_OK;
}

/* After a malformed record: continue after the record's </Sentence> or at
 * the next <Sentence, whichever comes first (comments are skipped, so one
 * inside a comment does not count). */
static void resync(dyad_reader *r, size_t from)
{
    size_t p = from;
    for (;;) {
        size_t lt = find_byte(r, p, '<');
        if (lt == NOT_FOUND)
            break;
        markup_kind kind = classify(r, lt);
        p = lt + 1;
        if (kind == MARKUP_COMMENT || kind == MARKUP_CDATA || kind == MARKUP_OTHER) {
            size_t ignored_start, ignored_len;
            p = skip_markup(r, lt, kind, &ignored_start, &ignored_len);
            if (p == NOT_FOUND)
                break;
            continue;
        }
        if (kind != MARKUP_TAG)
            continue;
        int is_end = r->src.data[lt + 1] == '/';
        size_t name = lt + 1 + (size_t)is_end;
        size_t name_end = skip_name(r, name);
        if (!name_equals(r->src.data + name, name_end - name, "Sentence"))
            continue;
        if (!is_end) {
            r->src.pos = lt;
            return;
        }
        size_t gt = find_byte(r, name_end, '>');
        r->src.pos = gt == NOT_FOUND ? r->src.len : gt + 1;
        return;
    }
    r->src.pos = r->src.len;
}

/* Copies the record's lists into the record arena: the <Config> elements
 * seen since the previous record first, then those inside it. */
static dyad_status finish_record(dyad_reader *r, dyad_record *rec)
{
    static const dyad_config_opt no_config[1];
    static const dyad_expected no_expected[1];
    dy_arena *a = r->record_arena;
    size_t n_config = r->pending_config.n + r->config.n;
    dyad_config_opt *config = n_config ? dy_arena_calloc(a, n_config, sizeof *config) : NULL;
    dyad_expected *expected =
        r->expected.n ? dy_arena_calloc(a, r->expected.n, sizeof *expected) : NULL;
    if ((n_config && !config) || (r->expected.n && !expected))
        return dy_reader_fail(r, DYAD_ERR_NOMEM, 0, "out of memory");
    const dyad_config_opt *pending = r->pending_config.items;
    for (size_t i = 0; i < r->pending_config.n; i++) {
        config[i].name = dy_arena_strdup(a, pending[i].name);
        config[i].value = dy_arena_strdup(a, pending[i].value);
        if (!config[i].name || !config[i].value)
            return dy_reader_fail(r, DYAD_ERR_NOMEM, 0, "out of memory");
    }
    if (r->config.n)
        memcpy(config + r->pending_config.n, r->config.items, r->config.n * sizeof *config);
    if (r->expected.n)
        memcpy(expected, r->expected.items, r->expected.n * sizeof *expected);
    rec->config = config ? config : no_config;   /* empty lists are not NULL */
    rec->n_config = n_config;
    rec->expected = expected ? expected : no_expected;
    rec->n_expected = r->expected.n;
    rec->parse_len = strlen(rec->parse);
    r->pending_config.n = 0;
    dy_arena_reset(r->pending_arena);
    return DYAD_OK;
}

/* The elements between <Sentence ...> and </Sentence>.  On failure the
 * message is set and src.pos is where resynchronisation starts. */
static dyad_status read_record_body(dyad_reader *r, dyad_record *rec)
{
    int have_text = 0, have_parse = 0;
    for (;;) {
        size_t lt = find_byte(r, r->src.pos, '<');
        if (lt == NOT_FOUND) {
            r->src.pos = r->src.len;
            return dy_reader_fail(r, DYAD_ERR_SYNTAX, rec->line,
                                  "<Sentence> is not closed by </Sentence>");
        }
        markup_kind kind = classify(r, lt);
        if (kind == MARKUP_NONE) {
            r->src.pos = lt + 1;
            continue;
        }
        if (kind != MARKUP_TAG) {
            size_t ignored_start, ignored_len;
            size_t end = skip_markup(r, lt, kind, &ignored_start, &ignored_len);
            if (end == NOT_FOUND) {
                r->src.pos = r->src.len;
                return dy_reader_fail(r, DYAD_ERR_SYNTAX, dy_reader_line_at(r, lt),
                                      "unterminated %s", markup_name(kind));
            }
            r->src.pos = end;
            continue;
        }
        xml_tag t;
        const char *why = NULL;
        if (parse_tag(r, lt, &t, &why) != 0) {
            r->src.pos = lt + 1;
            return dy_reader_fail(r, DYAD_ERR_SYNTAX, dy_reader_line_at(r, lt), "%s", why);
        }
        if (tag_is(&t, "Sentence")) {
            if (t.is_end) {
                r->src.pos = t.end;
                return DYAD_OK;
            }
            r->src.pos = lt;   /* the next record starts here */
            return dy_reader_fail(r, DYAD_ERR_SYNTAX, rec->line,
                                  "<Sentence> is not closed by </Sentence> before the next "
                                  "<Sentence> (line %ld)", dy_reader_line_at(r, lt));
        }
        r->src.pos = t.end;
        if (t.is_end)
            continue;   /* </EventCoding>, </Config>, ...: nothing to do */

        dyad_status st = DYAD_OK;
        if (tag_is(&t, "EventCoding")) {
            st = add_expected(r, &t);
        } else if (tag_is(&t, "Config")) {
            st = add_config(r, r->record_arena, &r->config, &t);
        } else if (tag_is(&t, "Text") || tag_is(&t, "Parse")) {
            int is_text = tag_is(&t, "Text");
            int *seen = is_text ? &have_text : &have_parse;
            if (*seen) {
                st = dy_reader_fail(r, DYAD_ERR_SYNTAX, dy_reader_line_at(r, lt),
                                    "a second <%s> in one record", is_text ? "Text" : "Parse");
            } else {
                *seen = 1;
                /* the parse keeps its newlines: the tree reader skips them */
                st = element_text(r, r->record_arena, &t, is_text,
                                  is_text ? &rec->text : &rec->parse);
            }
        }
        if (st != DYAD_OK)
            return st;
    }
}

/* One record from its start tag t; on failure, resynchronises. */
static dyad_status read_record(dyad_reader *r, const xml_tag *t, dyad_record *rec)
{
    dy_arena *a = r->record_arena;
    const char *id = NULL, *date = NULL, *category = NULL;
    rec->line = dy_reader_line_at(r, t->start);
    r->config.n = 0;
    r->expected.n = 0;

    dyad_status st = attr_value(r, a, t, "id", &id);
    if (st == DYAD_OK)
        st = attr_value(r, a, t, "date", &date);
    if (st == DYAD_OK)
        st = attr_value(r, a, t, "category", &category);
    if (st != DYAD_OK)
        return st;
    if (id) {
        rec->id = id;
        rec->article = r->is_validation ? id : dy_article_from_id(a, id);
    }
    if (category)
        rec->category = category;
    if (!date || !*date) {
        st = dy_reader_fail(r, DYAD_ERR_SYNTAX, rec->line, "<Sentence%s%s%s> has no date",
                            id ? " id=\"" : "", id ? id : "", id ? "\"" : "");
        resync(r, t->end);
        return st;
    }
    rec->date = date;
    r->src.pos = t->end;
    if (!t->self_closing) {
        st = read_record_body(r, rec);
        if (st != DYAD_OK) {
            if (st != DYAD_ERR_NOMEM)
                resync(r, r->src.pos);
            return st;
        }
    }
    return finish_record(r, rec);
}

/* <Environment>: the dictionary files and run-wide <Config>.  Only the
 * first one counts; a later one is read past and ignored. */
static dyad_status read_environment(dyad_reader *r, const xml_tag *start)
{
    static const char *const file_tags[] = {
        "Verbfile", "Actorfile", "Agentfile", "Discardfile", "Issuefile",
    };
    dyad_environment *env = &r->env;
    const char **file_fields[] = {
        &env->verbfile, &env->actorfile, &env->agentfile, &env->discardfile, &env->issuefile,
    };
    int keep = !r->have_env;
    dy_vec config = { .item_size = sizeof(dyad_config_opt) };
    dyad_status st = DYAD_OK;
    r->src.pos = start->end;
    while (st == DYAD_OK) {
        size_t lt = find_byte(r, r->src.pos, '<');
        if (lt == NOT_FOUND) {
            r->src.pos = r->src.len;
            st = dy_reader_fail(r, DYAD_ERR_SYNTAX, dy_reader_line_at(r, start->start),
                                "<Environment> is not closed");
            break;
        }
        markup_kind kind = classify(r, lt);
        if (kind != MARKUP_TAG) {
            size_t ignored_start, ignored_len;
            size_t end = kind == MARKUP_NONE
                             ? lt + 1 : skip_markup(r, lt, kind, &ignored_start, &ignored_len);
            r->src.pos = end == NOT_FOUND ? r->src.len : end;
            if (end == NOT_FOUND)
                st = dy_reader_fail(r, DYAD_ERR_SYNTAX, dy_reader_line_at(r, lt),
                                    "unterminated %s", markup_name(kind));
            continue;
        }
        xml_tag t;
        const char *why = NULL;
        if (parse_tag(r, lt, &t, &why) != 0) {
            r->src.pos = lt + 1;
            st = dy_reader_fail(r, DYAD_ERR_SYNTAX, dy_reader_line_at(r, lt), "%s", why);
            break;
        }
        if (tag_is(&t, "Sentence")) {
            r->src.pos = lt;
            st = dy_reader_fail(r, DYAD_ERR_SYNTAX, dy_reader_line_at(r, start->start),
                                "<Environment> is not closed before the first <Sentence>");
            break;
        }
        r->src.pos = t.end;
        if (t.is_end) {
            if (tag_is(&t, "Environment"))
                break;
            continue;
        }
        if (!keep)
            continue;
        if (tag_is(&t, "Config")) {
            st = add_config(r, r->env_arena, &config, &t);
            continue;
        }
        for (size_t i = 0; i < sizeof file_tags / sizeof file_tags[0]; i++) {
            if (tag_is(&t, file_tags[i]))
                st = element_text(r, r->env_arena, &t, 1, file_fields[i]);
        }
    }
    /* What was read is kept even when the block is malformed. */
    if (keep) {
        r->have_env = 1;
        dyad_config_opt *copy = dy_arena_calloc(r->env_arena, config.n, sizeof *copy);
        if (copy && config.n)
            memcpy(copy, config.items, config.n * sizeof *copy);
        env->config = copy;
        env->n_config = copy ? config.n : 0;
    }
    free(config.items);
    return st;
}

/* The prologue of the current window. */
static dyad_status prologue_in_window(dyad_reader *r)
{
    dyad_status st;
    /* Read the prologue now, so the <Environment> is known before the first
     * record is asked for.  Stop, without consuming it, at anything next()
     * must report or deliver: a record, a <Config>, a <Stop>, an error. */
    for (;;) {
        size_t lt = find_byte(r, r->src.pos, '<');
        if (lt == NOT_FOUND)
            return DYAD_OK;
        markup_kind kind = classify(r, lt);
        if (kind != MARKUP_TAG) {
            size_t ignored_start, ignored_len;
            size_t end = kind == MARKUP_NONE
                             ? lt + 1 : skip_markup(r, lt, kind, &ignored_start, &ignored_len);
            if (end == NOT_FOUND)
                return DYAD_OK;
            r->src.pos = end;
            continue;
        }
        xml_tag t;
        const char *why = NULL;
        if (parse_tag(r, lt, &t, &why) != 0 || tag_is(&t, "Sentence") ||
            tag_is(&t, "Config") || tag_is(&t, "Stop"))
            return DYAD_OK;
        if (tag_is(&t, "Validation") && !t.is_end)
            r->is_validation = 1;
        r->src.pos = t.end;
        if (tag_is(&t, "Environment") && !t.is_end) {
            st = read_environment(r, &t);
            if (st != DYAD_OK) {   /* given by the first next() */
                r->deferred = st;
                r->deferred_msg = r->error;
                r->error.text[0] = '\0';
            }
            return st == DYAD_ERR_NOMEM ? st : DYAD_OK;
        }
    }
}

/* The next record of the current window (EOF at the window's end). */
static dyad_status next_in_window(dyad_reader *r, dyad_record *rec)
{
    for (;;) {
        size_t lt = find_byte(r, r->src.pos, '<');
        if (lt == NOT_FOUND) {
            r->src.pos = r->src.len;
            return DYAD_ERR_EOF;
        }
        markup_kind kind = classify(r, lt);
        if (kind != MARKUP_TAG) {
            size_t ignored_start, ignored_len;
            size_t end = kind == MARKUP_NONE
                             ? lt + 1 : skip_markup(r, lt, kind, &ignored_start, &ignored_len);
            if (end == NOT_FOUND) {
                r->src.pos = r->src.len;
                return dy_reader_fail(r, DYAD_ERR_SYNTAX, dy_reader_line_at(r, lt),
                                      "unterminated %s", markup_name(kind));
            }
            r->src.pos = end;
            continue;
        }
        xml_tag t;
        const char *why = NULL;
        if (parse_tag(r, lt, &t, &why) != 0) {
            dyad_status st = dy_reader_fail(r, DYAD_ERR_SYNTAX, dy_reader_line_at(r, lt),
                                            "%s", why);
            if (tag_is(&t, "Sentence") && !t.is_end)
                resync(r, lt + 1);   /* the record's body is not top-level content */
            else
                r->src.pos = lt + 1;
            return st;
        }
        r->src.pos = t.end;
        if (t.is_end)
            continue;
        if (tag_is(&t, "Sentence"))
            return read_record(r, &t, rec);
        if (tag_is(&t, "Stop")) {
            r->stop_seen = 1;
            return DYAD_ERR_EOF;
        }
        if (tag_is(&t, "Validation"))
            r->is_validation = 1;
        dyad_status st = DYAD_OK;
        if (tag_is(&t, "Config"))
            st = add_config(r, r->pending_arena, &r->pending_config, &t);
        else if (tag_is(&t, "Environment"))
            st = read_environment(r, &t);
        if (st != DYAD_OK)
            return st;
    }
}

/* ------------------------------------------------------------------ */
/* Windows                                                             */
/* ------------------------------------------------------------------ */

/* The scanner above treats src.len as the end of the input.  To stream,
 * each call gets a window, src.len moved back to a "boundary" (and a NUL
 * put there for the time of the call), chosen so that every path of the
 * scanner, resynchronisation included, stops at or before it in top-level
 * state, exactly as it would in the whole input:
 *
 *   - just after the first well-formed </Sentence ...> end tag, or
 *   - just after the second well-formed <Sentence ...> start tag
 *     (the first record then lacks its end tag, and the scanner reports
 *     that on meeting the second start: it never reads past it),
 *
 * whichever comes first, with comments, CDATA and declarations skipped as
 * units, the scanner's own way (classify(), skip_markup(), parse_tag()).  A
 * well-formed tag holds no '<', and after a tag that does not parse the
 * scanner always goes on at the next '<', so both read the same markup.
 * Before the window is cut the buffer is filled until such a boundary is
 * in it, or the input ends, or more than max_record bytes lie past pos
 * (then the bytes so far are skipped with DYAD_ERR_LIMIT). */

typedef struct xml_frame {
    size_t scan;      /* stream offset (src.base + offset) where scanning goes on */
    int starts;       /* well-formed <Sentence> start tags passed */
    size_t next;      /* once found: where the next record may start (the
                         boundary's end, or the start of a second <Sentence>) */
} xml_frame;

/* 1 with *end set when the buffer holds a boundary (or the input ended:
 * then *end is src.len); 0 when more bytes are needed to tell. */
static int frame_scan(dyad_reader *r, xml_frame *f, size_t *end)
{
    const dy_source *s = &r->src;
    size_t p = f->scan - s->base;
    for (;;) {
        size_t lt = find_byte(r, p, '<');
        if (lt == NOT_FOUND) {
            f->scan = s->base + s->len;
            break;
        }
        f->scan = s->base + lt;   /* where to go on if this markup is cut off */
        if (!s->eof && s->len - lt < sizeof "<![CDATA[" - 1)
            return 0;   /* classify() looks at up to nine bytes */
        markup_kind kind = classify(r, lt);
        if (kind == MARKUP_NONE) {
            p = lt + 1;
            continue;
        }
        if (kind != MARKUP_TAG) {
            size_t ignored_start, ignored_len;
            p = skip_markup(r, lt, kind, &ignored_start, &ignored_len);
            if (p == NOT_FOUND)
                break;   /* never closed: it runs to the end of the input */
            continue;
        }
        int is_end = s->data[lt + 1] == '/';
        size_t name = lt + 1 + (size_t)is_end, name_end = skip_name(r, name);
        if (!s->eof && name_end == s->len)
            return 0;
        if (!name_equals(s->data + name, name_end - name, "Sentence")) {
            p = lt + 1;
            continue;
        }
        /* What parse_tag() makes of a tag depends only on the bytes before
         * the next '<'. */
        if (!s->eof && find_byte(r, name_end, '<') == NOT_FOUND)
            return 0;
        xml_tag t;
        const char *why = NULL;
        if (parse_tag(r, lt, &t, &why) != 0) {
            p = lt + 1;
            continue;
        }
        if (t.is_end || ++f->starts == 2) {
            *end = t.end;
            f->next = t.is_end ? t.end : lt;
            return 1;
        }
        p = t.end;
    }
    if (!s->eof)
        return 0;
    *end = f->next = s->len;
    return 1;
}

/* Fills the buffer until it holds the next window, or more than
 * max_record bytes past pos.  DYAD_OK with *found, *end (the window's end)
 * and *next (where the record after it may start) set when a window was
 * found; a window larger than max_record is still "found".  DYAD_ERR_IO (or NOMEM) on a read failure: the input ends
 * there. */
static dyad_status frame_fill(dyad_reader *r, size_t *end, size_t *next, int *found)
{
    dy_source *s = &r->src;
    xml_frame f = { s->base + s->pos, 0, 0 };
    while (!(*found = frame_scan(r, &f, end)) || (s->failed && *end == s->len)) {
        if (!*found && s->len - s->pos > r->max_record)
            return DYAD_OK;
        if (s->failed || dy_source_refill(s) != 0) {
            r->done = 1;
            /* a line number only once there is something to count in */
            return dy_reader_fail(r, s->failed ? DYAD_ERR_IO : DYAD_ERR_NOMEM,
                                  s->base + s->len > 0 ? dy_reader_line_at(r, s->len) : 0,
                                  "read error: %s", dy_source_error(s));
        }
    }
    *next = f.next;
    return DYAD_OK;
}

/* Skips what frame_fill() found too large: up to where the next record may
 * start, when a boundary was found, else all that was read (the scanner
 * resynchronises after it), and reports it as a record, with the id of its
 * <Sentence> if it has one. */
static dyad_status skip_too_large(dyad_reader *r, dyad_record *rec, size_t next, int found)
{
    dy_source *s = &r->src;
    size_t skip_to = found ? next : s->len;
    size_t start = s->pos, lt;
    for (lt = find_byte(r, start, '<'); lt != NOT_FOUND && lt < skip_to;
         lt = find_byte(r, lt + 1, '<')) {
        size_t name = lt + 1;
        if (name_equals(s->data + name, skip_name(r, name) - name, "Sentence"))
            break;
    }
    if (lt == NOT_FOUND || lt >= skip_to)
        lt = start;
    long line = dy_reader_line_at(r, lt);
    xml_tag t;
    const char *why = NULL, *id = NULL;
    if (parse_tag(r, lt, &t, &why) == 0 && tag_is(&t, "Sentence") && !t.is_end &&
        attr_value(r, r->record_arena, &t, "id", &id) == DYAD_OK && id) {
        rec->id = id;
        rec->article = r->is_validation ? id : dy_article_from_id(r->record_arena, id);
    }
    rec->line = line;
    s->pos = skip_to;
    if (found)
        return dy_reader_fail(r, DYAD_ERR_LIMIT, line, "record longer than %zu bytes",
                              r->max_record);
    return dy_reader_fail(r, DYAD_ERR_LIMIT, line,
                          "no record end (</Sentence>) within %zu bytes: skipped to line %ld",
                          r->max_record, dy_reader_line_at(r, skip_to));
}

/* Moves the end of the input to `end` for one scanner call; the byte there
 * is kept in *saved and the NUL the scanner relies on put in its place. */
static void window_open(dyad_reader *r, size_t end, size_t *real_len, char *saved)
{
    *real_len = r->src.len;
    *saved = r->src.data[end];
    r->src.data[end] = '\0';
    r->src.len = end;
}

static void window_close(dyad_reader *r, size_t real_len, char saved)
{
    r->src.data[r->src.len] = saved;
    r->src.len = real_len;
}

dyad_status dy_petrxml_start(dyad_reader *r)
{
    size_t end, next, real_len;
    char saved;
    int found;
    dyad_status st = frame_fill(r, &end, &next, &found);
    if (st != DYAD_OK)
        return st;
    if (!found || end - r->src.pos > r->max_record)
        return DYAD_OK;   /* the first next() reports it, as a record */
    window_open(r, end, &real_len, &saved);
    st = prologue_in_window(r);
    window_close(r, real_len, saved);
    return st;
}

dyad_status dy_petrxml_next_record(dyad_reader *r, dyad_record *rec)
{
    for (;;) {
        size_t end, next, real_len;
        char saved;
        int found;
        dyad_status st = frame_fill(r, &end, &next, &found);
        if (st != DYAD_OK)
            return st;
        if (!found || end - r->src.pos > r->max_record)
            return skip_too_large(r, rec, next, found);
        int more = end < r->src.len || !r->src.eof;
        window_open(r, end, &real_len, &saved);
        st = next_in_window(r, rec);
        window_close(r, real_len, saved);
        if (st != DYAD_ERR_EOF || !more || r->stop_seen)
            return st;
        /* the window held no record, only what comes between records */
    }
}

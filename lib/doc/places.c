/* places.c -- the gazetteer (libgeonames read once into a hash index of
 * English names) and the place mentions of a sentence (see places.h;
 * docs/places.md has every rule with examples). */
#include "doc/places.h"

#include <geonames.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "common/arena.h"
#include "tag/tagset.h"

/* ---- name keys -------------------------------------------------------------- */

/* A key is a name case-folded, stripped of accents, with only its letters
 * and digits kept: "Khan Yunis", "KHAN-YUNIS" and "khanyunis" are one key,
 * "São Paulo" is "saopaulo", "St. John's" is "stjohns".  Dropping the
 * spaces lets a run of tokens be keyed without joining it, whatever the
 * tokenizer did with hyphens and apostrophes. */
#define KEY_MAX 256

/* Appends the key of s[0..n) to key[0..k); returns the new length, or
 * SIZE_MAX when it would pass KEY_MAX (no place name is that long). */
static size_t key_add(char *key, size_t k, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && k != SIZE_MAX) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            if (c >= 'A' && c <= 'Z')
                c = (unsigned char)(c + ('a' - 'A'));
            else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
                continue;
            if (k + 1 > KEY_MAX)
                return SIZE_MAX;
            key[k++] = (char)c;
            continue;
        }
        utf8proc_int32_t cp, parts[8];
        utf8proc_ssize_t m = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(n - i), &cp);
        if (m <= 0) {
            i++;   /* an invalid byte is not part of any name */
            continue;
        }
        i += (size_t)m;
        int bound = 0;
        utf8proc_ssize_t np = utf8proc_decompose_char(
            cp, parts, 8, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK, &bound);
        for (utf8proc_ssize_t p = 0; p >= 0 && p < np && p < 8; p++) {
            utf8proc_category_t cat = utf8proc_category(parts[p]);
            if (!((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                  (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO)))
                continue;
            if (k + 4 > KEY_MAX)
                return SIZE_MAX;
            k += (size_t)utf8proc_encode_char(parts[p], (utf8proc_uint8_t *)key + k);
        }
    }
    return k;
}

static uint64_t key_hash(const char *k, size_t n)
{
    uint64_t h = 1469598103934665603u;   /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)k[i]) * 1099511628211u;
    return h;
}

/* ---- ISO 3166-1 ---------------------------------------------------------------- */

/* alpha-2 and alpha-3, sorted by alpha-2; the user-assigned XK (Kosovo) is
 * KSV as in CAMEO and the PETRARCH/Phoenix dictionaries. */
static const struct iso {
    char a2[3], a3[4];
} ISO[] = {
    {"AD", "AND"}, {"AE", "ARE"}, {"AF", "AFG"}, {"AG", "ATG"}, {"AI", "AIA"}, {"AL", "ALB"},
    {"AM", "ARM"}, {"AO", "AGO"}, {"AQ", "ATA"}, {"AR", "ARG"}, {"AS", "ASM"}, {"AT", "AUT"},
    {"AU", "AUS"}, {"AW", "ABW"}, {"AX", "ALA"}, {"AZ", "AZE"}, {"BA", "BIH"}, {"BB", "BRB"},
    {"BD", "BGD"}, {"BE", "BEL"}, {"BF", "BFA"}, {"BG", "BGR"}, {"BH", "BHR"}, {"BI", "BDI"},
    {"BJ", "BEN"}, {"BL", "BLM"}, {"BM", "BMU"}, {"BN", "BRN"}, {"BO", "BOL"}, {"BQ", "BES"},
    {"BR", "BRA"}, {"BS", "BHS"}, {"BT", "BTN"}, {"BV", "BVT"}, {"BW", "BWA"}, {"BY", "BLR"},
    {"BZ", "BLZ"}, {"CA", "CAN"}, {"CC", "CCK"}, {"CD", "COD"}, {"CF", "CAF"}, {"CG", "COG"},
    {"CH", "CHE"}, {"CI", "CIV"}, {"CK", "COK"}, {"CL", "CHL"}, {"CM", "CMR"}, {"CN", "CHN"},
    {"CO", "COL"}, {"CR", "CRI"}, {"CU", "CUB"}, {"CV", "CPV"}, {"CW", "CUW"}, {"CX", "CXR"},
    {"CY", "CYP"}, {"CZ", "CZE"}, {"DE", "DEU"}, {"DJ", "DJI"}, {"DK", "DNK"}, {"DM", "DMA"},
    {"DO", "DOM"}, {"DZ", "DZA"}, {"EC", "ECU"}, {"EE", "EST"}, {"EG", "EGY"}, {"EH", "ESH"},
    {"ER", "ERI"}, {"ES", "ESP"}, {"ET", "ETH"}, {"FI", "FIN"}, {"FJ", "FJI"}, {"FK", "FLK"},
    {"FM", "FSM"}, {"FO", "FRO"}, {"FR", "FRA"}, {"GA", "GAB"}, {"GB", "GBR"}, {"GD", "GRD"},
    {"GE", "GEO"}, {"GF", "GUF"}, {"GG", "GGY"}, {"GH", "GHA"}, {"GI", "GIB"}, {"GL", "GRL"},
    {"GM", "GMB"}, {"GN", "GIN"}, {"GP", "GLP"}, {"GQ", "GNQ"}, {"GR", "GRC"}, {"GS", "SGS"},
    {"GT", "GTM"}, {"GU", "GUM"}, {"GW", "GNB"}, {"GY", "GUY"}, {"HK", "HKG"}, {"HM", "HMD"},
    {"HN", "HND"}, {"HR", "HRV"}, {"HT", "HTI"}, {"HU", "HUN"}, {"ID", "IDN"}, {"IE", "IRL"},
    {"IL", "ISR"}, {"IM", "IMN"}, {"IN", "IND"}, {"IO", "IOT"}, {"IQ", "IRQ"}, {"IR", "IRN"},
    {"IS", "ISL"}, {"IT", "ITA"}, {"JE", "JEY"}, {"JM", "JAM"}, {"JO", "JOR"}, {"JP", "JPN"},
    {"KE", "KEN"}, {"KG", "KGZ"}, {"KH", "KHM"}, {"KI", "KIR"}, {"KM", "COM"}, {"KN", "KNA"},
    {"KP", "PRK"}, {"KR", "KOR"}, {"KW", "KWT"}, {"KY", "CYM"}, {"KZ", "KAZ"}, {"LA", "LAO"},
    {"LB", "LBN"}, {"LC", "LCA"}, {"LI", "LIE"}, {"LK", "LKA"}, {"LR", "LBR"}, {"LS", "LSO"},
    {"LT", "LTU"}, {"LU", "LUX"}, {"LV", "LVA"}, {"LY", "LBY"}, {"MA", "MAR"}, {"MC", "MCO"},
    {"MD", "MDA"}, {"ME", "MNE"}, {"MF", "MAF"}, {"MG", "MDG"}, {"MH", "MHL"}, {"MK", "MKD"},
    {"ML", "MLI"}, {"MM", "MMR"}, {"MN", "MNG"}, {"MO", "MAC"}, {"MP", "MNP"}, {"MQ", "MTQ"},
    {"MR", "MRT"}, {"MS", "MSR"}, {"MT", "MLT"}, {"MU", "MUS"}, {"MV", "MDV"}, {"MW", "MWI"},
    {"MX", "MEX"}, {"MY", "MYS"}, {"MZ", "MOZ"}, {"NA", "NAM"}, {"NC", "NCL"}, {"NE", "NER"},
    {"NF", "NFK"}, {"NG", "NGA"}, {"NI", "NIC"}, {"NL", "NLD"}, {"NO", "NOR"}, {"NP", "NPL"},
    {"NR", "NRU"}, {"NU", "NIU"}, {"NZ", "NZL"}, {"OM", "OMN"}, {"PA", "PAN"}, {"PE", "PER"},
    {"PF", "PYF"}, {"PG", "PNG"}, {"PH", "PHL"}, {"PK", "PAK"}, {"PL", "POL"}, {"PM", "SPM"},
    {"PN", "PCN"}, {"PR", "PRI"}, {"PS", "PSE"}, {"PT", "PRT"}, {"PW", "PLW"}, {"PY", "PRY"},
    {"QA", "QAT"}, {"RE", "REU"}, {"RO", "ROU"}, {"RS", "SRB"}, {"RU", "RUS"}, {"RW", "RWA"},
    {"SA", "SAU"}, {"SB", "SLB"}, {"SC", "SYC"}, {"SD", "SDN"}, {"SE", "SWE"}, {"SG", "SGP"},
    {"SH", "SHN"}, {"SI", "SVN"}, {"SJ", "SJM"}, {"SK", "SVK"}, {"SL", "SLE"}, {"SM", "SMR"},
    {"SN", "SEN"}, {"SO", "SOM"}, {"SR", "SUR"}, {"SS", "SSD"}, {"ST", "STP"}, {"SV", "SLV"},
    {"SX", "SXM"}, {"SY", "SYR"}, {"SZ", "SWZ"}, {"TC", "TCA"}, {"TD", "TCD"}, {"TF", "ATF"},
    {"TG", "TGO"}, {"TH", "THA"}, {"TJ", "TJK"}, {"TK", "TKL"}, {"TL", "TLS"}, {"TM", "TKM"},
    {"TN", "TUN"}, {"TO", "TON"}, {"TR", "TUR"}, {"TT", "TTO"}, {"TV", "TUV"}, {"TW", "TWN"},
    {"TZ", "TZA"}, {"UA", "UKR"}, {"UG", "UGA"}, {"UM", "UMI"}, {"US", "USA"}, {"UY", "URY"},
    {"UZ", "UZB"}, {"VA", "VAT"}, {"VC", "VCT"}, {"VE", "VEN"}, {"VG", "VGB"}, {"VI", "VIR"},
    {"VN", "VNM"}, {"VU", "VUT"}, {"WF", "WLF"}, {"WS", "WSM"}, {"XK", "KSV"}, {"YE", "YEM"},
    {"YT", "MYT"}, {"ZA", "ZAF"}, {"ZM", "ZMB"}, {"ZW", "ZWE"},
};
#define N_ISO (sizeof ISO / sizeof *ISO)

static int up(int c)
{
    return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
}

const char *dy_iso_alpha3(const char *cc2)
{
    if (!cc2 || !cc2[0] || !cc2[1] || cc2[2])
        return NULL;
    char k[3] = {(char)up((unsigned char)cc2[0]), (char)up((unsigned char)cc2[1]), 0};
    size_t lo = 0, hi = N_ISO;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(ISO[mid].a2, k);
        if (c == 0)
            return ISO[mid].a3;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* ISO rows in alpha-3 order, for dy_iso_alpha2()'s binary search (the
 * unit tests check the order). */
static const uint8_t ISO_BY_A3[] = {
    13, 2, 7, 4, 14, 5, 0, 1, 9, 6, 10, 8, 215, 3, 12, 11, 15, 23, 19, 24, 29, 20, 18, 21, 22,
    31, 16, 25, 35, 36, 26, 28, 30, 17, 27, 32, 33, 34, 40, 37, 38, 42, 45, 47, 43, 46, 39, 41,
    44, 48, 118, 51, 49, 50, 52, 53, 123, 54, 55, 56, 57, 59, 58, 60, 61, 62, 64, 66, 65, 67,
    63, 68, 69, 70, 71, 74, 73, 72, 75, 76, 78, 80, 81, 82, 85, 86, 84, 92, 87, 88, 77, 83, 90,
    79, 91, 93, 94, 95, 96, 97, 98, 99, 100, 103, 104, 105, 101, 107, 106, 108, 102, 109, 111,
    110, 112, 113, 124, 114, 115, 116, 117, 119, 121, 244, 122, 125, 126, 130, 135, 127, 128,
    129, 131, 132, 133, 134, 147, 140, 136, 137, 138, 141, 154, 156, 142, 143, 144, 152, 145,
    139, 146, 148, 158, 150, 151, 149, 153, 155, 157, 246, 159, 160, 161, 162, 163, 164, 169,
    165, 166, 167, 168, 170, 171, 177, 172, 180, 173, 176, 184, 175, 178, 181, 120, 183, 185,
    182, 174, 186, 187, 188, 190, 191, 192, 195, 204, 197, 89, 198, 200, 193, 202, 209, 203,
    205, 179, 189, 207, 208, 206, 201, 199, 196, 212, 210, 194, 211, 213, 214, 216, 217, 218,
    219, 221, 220, 223, 225, 222, 224, 226, 227, 228, 230, 229, 231, 233, 232, 234, 235, 236,
    237, 238, 239, 240, 241, 242, 243, 245, 247, 248, 249,
};

const char *dy_iso_alpha2(const char *cc3)
{
    if (!cc3 || !cc3[0] || !cc3[1] || !cc3[2] || cc3[3])
        return NULL;
    char k[4] = {(char)up((unsigned char)cc3[0]), (char)up((unsigned char)cc3[1]),
                 (char)up((unsigned char)cc3[2]), 0};
    size_t lo = 0, hi = sizeof ISO_BY_A3;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(ISO[ISO_BY_A3[mid]].a3, k);
        if (c == 0)
            return ISO[ISO_BY_A3[mid]].a2;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* ---- the gazetteer ---------------------------------------------------------- */

/* One key of the index: its bytes, and its places in postings[off..off+n). */
typedef struct slot {
    const char *key;            /* NULL: empty slot */
    uint32_t klen;
    uint32_t off, n;
} slot;

struct dy_gazetteer {
    dy_arena *strings;          /* names and keys */
    dy_place *places;
    float *weight;              /* per place: log10(population) + kind bonus */
    size_t n_places;
    slot *slots;                /* open addressing, power-of-two size */
    size_t mask;
    uint32_t *postings;
};

/* A name key and one place it names, while building. */
typedef struct pair {
    const char *key;
    uint32_t klen;
    uint32_t place;
} pair;

typedef struct build {
    dy_gazetteer *g;
    size_t cap_places;
    pair *pairs;
    size_t n_pairs, cap_pairs;
} build;

/* Spellings the news uses that geonames does not (or that should also find
 * a second place).  Each adds the places named `target` (in country cc when
 * given, of kind when nonzero) under the key of `alias`. */
static const struct alias {
    const char *alias, *target, *cc;
    uint8_t kind;
} ALIASES[] = {
    {"Kiev", "Kyiv", "UA", DY_PLACE_CITY},
    {"Kharkov", "Kharkiv", "UA", DY_PLACE_CITY},
    {"Odesa", "Odessa", "UA", DY_PLACE_CITY},
    {"Lugansk", "Luhansk", "UA", DY_PLACE_CITY},
    {"Zaporizhzhia", "Zaporizhzhya", "UA", DY_PLACE_CITY},
    {"Zaporozhye", "Zaporizhzhya", "UA", DY_PLACE_CITY},
    {"Mykolaiv", "Mykolayiv", "UA", DY_PLACE_CITY},
    {"Nikolaev", "Mykolayiv", "UA", DY_PLACE_CITY},
    {"Artemivsk", "Bakhmut", "UA", DY_PLACE_CITY},
    {"Khan Younis", "Khan Yunis", "PS", DY_PLACE_CITY},
    {"Gaza City", "Gaza", "PS", DY_PLACE_CITY},
    {"Washington", "Washington D.C.", "US", DY_PLACE_CITY},
    {"St. Petersburg", "Saint Petersburg", "RU", DY_PLACE_CITY},
    {"Tel Aviv-Yafo", "Tel Aviv", "IL", DY_PLACE_CITY},
    {"Bombay", "Mumbai", "IN", DY_PLACE_CITY},
    {"Calcutta", "Kolkata", "IN", DY_PLACE_CITY},
    {"Madras", "Chennai", "IN", DY_PLACE_CITY},
    {"Rangoon", "Yangon", "MM", DY_PLACE_CITY},
    {"Saigon", "Ho Chi Minh City", "VN", DY_PLACE_CITY},
    {"Peking", "Beijing", "CN", DY_PLACE_CITY},
    {"United States", "United States of America", "US", DY_PLACE_COUNTRY},
    {"U.S.", "United States of America", "US", DY_PLACE_COUNTRY},
    {"U.S.A.", "United States of America", "US", DY_PLACE_COUNTRY},
    {"America", "United States of America", "US", DY_PLACE_COUNTRY},
    {"Britain", "United Kingdom", "GB", DY_PLACE_COUNTRY},
    {"Great Britain", "United Kingdom", "GB", DY_PLACE_COUNTRY},
    {"U.K.", "United Kingdom", "GB", DY_PLACE_COUNTRY},
    {"Jordan", "Hashemite Kingdom of Jordan", "JO", DY_PLACE_COUNTRY},
    {"South Korea", "Republic of Korea", "KR", DY_PLACE_COUNTRY},
    {"Lithuania", "Republic of Lithuania", "LT", DY_PLACE_COUNTRY},
    {"Moldova", "Republic of Moldova", "MD", DY_PLACE_COUNTRY},
    {"Monaco", "Principality of Monaco", "MC", DY_PLACE_COUNTRY},
    {"Democratic Republic of Congo", "DR Congo", "CD", DY_PLACE_COUNTRY},
    {"Democratic Republic of the Congo", "DR Congo", "CD", DY_PLACE_COUNTRY},
    {"DRC", "DR Congo", "CD", DY_PLACE_COUNTRY},
    {"Congo", "Congo Republic", "CG", DY_PLACE_COUNTRY},
    {"Republic of Congo", "Congo Republic", "CG", DY_PLACE_COUNTRY},
    {"Cote d'Ivoire", "Ivory Coast", "CI", DY_PLACE_COUNTRY},
    {"Czechia", "Czech Republic", "CZ", DY_PLACE_COUNTRY},
    {"Cape Verde", "Cabo Verde", "CV", DY_PLACE_COUNTRY},
    {"Swaziland", "Eswatini", "SZ", DY_PLACE_COUNTRY},
    {"Macedonia", "North Macedonia", "MK", DY_PLACE_COUNTRY},
    {"East Timor", "Timor-Leste", "TL", DY_PLACE_COUNTRY},
    {"Burma", "Myanmar", "MM", DY_PLACE_COUNTRY},
    {"UAE", "United Arab Emirates", "AE", DY_PLACE_COUNTRY},
    {"Gambia", "The Gambia", "GM", DY_PLACE_COUNTRY},
    {"Russian Federation", "Russia", "RU", DY_PLACE_COUNTRY},
    {"Palestinian Territories", "Palestine", "PS", DY_PLACE_COUNTRY},
    {"Holland", "Netherlands", "NL", DY_PLACE_COUNTRY},
    {"Viet Nam", "Vietnam", "VN", DY_PLACE_COUNTRY},
    {"DPRK", "North Korea", "KP", DY_PLACE_COUNTRY},
    {"Vatican", "Vatican City", "VA", DY_PLACE_COUNTRY},
    {"Holy See", "Vatican City", "VA", DY_PLACE_COUNTRY},
    {"Macao", "Macau", "MO", 0},
};

/* Words around an admin area's name that news leaves out: "Donetsk
 * Oblast" is also "Donetsk", "Autonomous Republic of Crimea" also
 * "Crimea".  Compared on keys. */
static const char *const ADMIN_PREFIX[] = {"autonomousrepublicof", "republicof", "stateof",
                                           "provinceof", "cantonof", "regionof", "cityof", NULL};
static const char *const ADMIN_SUFFIX[] = {"oblast", "province", "governorate", "region",
                                           "prefecture", "district", "department", "krai",
                                           "county", "municipality", "city", "emirate",
                                           "state", "territory", NULL};

static int add_pair(build *b, const char *key, size_t klen, uint32_t place)
{
    if (b->n_pairs == b->cap_pairs) {
        size_t cap = b->cap_pairs ? 2 * b->cap_pairs : 65536;
        pair *p = realloc(b->pairs, cap * sizeof *p);
        if (!p)
            return 0;
        b->pairs = p;
        b->cap_pairs = cap;
    }
    b->pairs[b->n_pairs++] = (pair){key, (uint32_t)klen, place};
    return 1;
}

/* Keys name (and, for an admin area, name without its "Oblast" or
 * "Republic of") to place. */
static int add_name(build *b, const char *name, uint32_t place, int kind)
{
    char k[KEY_MAX];
    size_t n = key_add(k, 0, name, strlen(name));
    if (n == SIZE_MAX || n == 0)
        return 1;
    const char *key = dy_arena_strndup(b->g->strings, k, n);
    if (!key || !add_pair(b, key, n, place))
        return 0;
    if (kind != DY_PLACE_ADMIN1)
        return 1;
    size_t from = 0, to = n;
    for (int i = 0; ADMIN_PREFIX[i]; i++) {
        size_t pl = strlen(ADMIN_PREFIX[i]);
        if (n > pl && memcmp(k, ADMIN_PREFIX[i], pl) == 0) {
            from = pl;
            break;
        }
    }
    for (int i = 0; ADMIN_SUFFIX[i]; i++) {
        size_t sl = strlen(ADMIN_SUFFIX[i]);
        if (to - from > sl && memcmp(k + to - sl, ADMIN_SUFFIX[i], sl) == 0) {
            to -= sl;
            break;
        }
    }
    if ((from == 0 && to == n) || to - from < 3)
        return 1;
    return add_pair(b, key + from, to - from, place);
}

static dy_place *new_place(build *b)
{
    dy_gazetteer *g = b->g;
    if (g->n_places == b->cap_places) {
        size_t cap = b->cap_places ? 2 * b->cap_places : 32768;
        dy_place *p = realloc(g->places, cap * sizeof *p);
        if (!p)
            return NULL;
        g->places = p;
        b->cap_places = cap;
    }
    dy_place *p = &g->places[g->n_places++];
    memset(p, 0, sizeof *p);
    return p;
}

static int cmp_pair(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    uint32_t n = x->klen < y->klen ? x->klen : y->klen;
    int c = memcmp(x->key, y->key, n);
    if (c)
        return c;
    if (x->klen != y->klen)
        return x->klen < y->klen ? -1 : 1;
    return (x->place > y->place) - (x->place < y->place);
}

/* The range of sorted pairs with key k[0..n). */
static size_t pairs_find(const build *b, const char *k, size_t n, size_t *count)
{
    pair probe = {k, (uint32_t)n, 0};
    size_t lo = 0, hi = b->n_pairs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cmp_pair(&b->pairs[mid], &probe) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < b->n_pairs && b->pairs[end].klen == n && memcmp(b->pairs[end].key, k, n) == 0)
        end++;
    *count = end - lo;
    return lo;
}

static int add_aliases(build *b)
{
    size_t base = b->n_pairs;
    for (size_t a = 0; a < sizeof ALIASES / sizeof *ALIASES; a++) {
        const struct alias *al = &ALIASES[a];
        char k[KEY_MAX], t[KEY_MAX];
        size_t kn = key_add(k, 0, al->alias, strlen(al->alias));
        size_t tn = key_add(t, 0, al->target, strlen(al->target));
        size_t count, at = pairs_find(b, t, tn, &count);
        const char *key = dy_arena_strndup(b->g->strings, k, kn);
        if (!key)
            return 0;
        for (size_t i = at; i < at + count && i < base; i++) {
            const dy_place *p = &b->g->places[b->pairs[i].place];
            if ((al->cc && strcmp(p->cc2, al->cc) != 0) || (al->kind && p->kind != al->kind))
                continue;
            if (!add_pair(b, key, kn, b->pairs[i].place))
                return 0;
        }
    }
    return 1;
}

/* The index: one slot per distinct key, its places sorted and unique. */
static int index_pairs(build *b)
{
    dy_gazetteer *g = b->g;
    size_t keys = 0;
    qsort(b->pairs, b->n_pairs, sizeof *b->pairs, cmp_pair);
    for (size_t i = 0; i < b->n_pairs; i++)
        keys += i == 0 || b->pairs[i].klen != b->pairs[i - 1].klen ||
                memcmp(b->pairs[i].key, b->pairs[i - 1].key, b->pairs[i].klen) != 0;
    size_t size = 1024;
    while (size < 2 * keys)
        size *= 2;
    g->slots = calloc(size, sizeof *g->slots);
    g->postings = malloc((b->n_pairs ? b->n_pairs : 1) * sizeof *g->postings);
    if (!g->slots || !g->postings)
        return 0;
    g->mask = size - 1;
    uint32_t np = 0;
    for (size_t i = 0; i < b->n_pairs;) {
        const pair *p = &b->pairs[i];
        uint64_t h = key_hash(p->key, p->klen);
        slot *s = &g->slots[h & g->mask];
        while (s->key)
            s = &g->slots[(size_t)(++h) & g->mask];
        s->key = p->key;
        s->klen = p->klen;
        s->off = np;
        for (; i < b->n_pairs && b->pairs[i].klen == p->klen &&
               memcmp(b->pairs[i].key, p->key, p->klen) == 0;
             i++)
            if (np == s->off || g->postings[np - 1] != b->pairs[i].place)
                g->postings[np++] = b->pairs[i].place;
        s->n = np - s->off;
    }
    return 1;
}

/* The English fields of one city.  The record is a GVariant of type
 * (sssssssudd): id, name, state code, state, country code, country, time
 * zone, population, latitude, longitude.  Reading it directly gives the
 * English names whatever the process locale (the getters translate through
 * gettext); any other type falls back to the public getters. */
typedef struct city {
    const char *name, *state, *cc, *country;
    uint32_t pop;
    double lat, lon;
} city;

static void read_city(GeonamesCity *c, city *out)
{
    if (g_variant_is_of_type(c, G_VARIANT_TYPE("(sssssssudd)"))) {
        const char *id, *state_code, *tz;
        guint32 pop;
        g_variant_get(c, "(&s&s&s&s&s&s&sudd)", &id, &out->name, &state_code, &out->state,
                      &out->cc, &out->country, &tz, &pop, &out->lat, &out->lon);
        out->pop = pop;
        return;
    }
    out->name = geonames_city_get_name(c);
    out->state = geonames_city_get_state(c);
    out->cc = geonames_city_get_country_code(c);
    out->country = geonames_city_get_country(c);
    out->pop = geonames_city_get_population(c);
    out->lat = geonames_city_get_latitude(c);
    out->lon = geonames_city_get_longitude(c);
}

/* Running sums of an admin area or a country: its population and its
 * population-weighted centre (a city of no recorded population weighs 1). */
typedef struct agg {
    uint32_t place;
    double pop, w, lat, lon;
} agg;

static void agg_add(agg *a, const dy_place *c)
{
    double w = c->population ? c->population : 1;
    a->pop += c->population;
    a->w += w;
    a->lat += w * c->lat;
    a->lon += w * c->lon;
}

static int fill_place(dy_gazetteer *g, dy_place *p, int kind, const char *name,
                      const char *admin1, const char *country, const char *cc)
{
    p->kind = (uint8_t)kind;
    p->name = dy_arena_strdup(g->strings, name ? name : "");
    p->admin1 = dy_arena_strdup(g->strings, admin1 ? admin1 : "");
    p->country = dy_arena_strdup(g->strings, country ? country : "");
    if (!p->name || !p->admin1 || !p->country)
        return 0;
    if (cc && strlen(cc) == 2) {
        p->cc2[0] = (char)up((unsigned char)cc[0]);
        p->cc2[1] = (char)up((unsigned char)cc[1]);
    }
    const char *a3 = dy_iso_alpha3(p->cc2);
    if (a3)
        memcpy(p->cc3, a3, 4);
    return 1;
}

/* Everything the build needs besides the gazetteer itself: the aggregates
 * of admin areas and countries and the tables that find them. */
typedef struct aggs {
    agg *a;
    size_t n;
    int32_t country[26 * 26];   /* alpha-2 -> aggregate, -1 when none yet */
    uint32_t *admin;            /* open addressing: aggregate + 1, 0 empty */
    size_t admin_mask;
} aggs;

static int country_slot(const char *cc)
{
    if (cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z')
        return -1;
    return (cc[0] - 'A') * 26 + (cc[1] - 'A');
}

/* The aggregate of kind for city cid (its country, or its admin area within
 * its country), made when new; NULL when the city has no such area, or on
 * out of memory (*fail set). */
static agg *area_of(build *b, aggs *ag, size_t cid, int kind, int *fail)
{
    dy_gazetteer *g = b->g;
    const dy_place *c = &g->places[cid];
    int cs = country_slot(c->cc2);
    uint32_t *cell = NULL;
    if (cs < 0 || (kind == DY_PLACE_ADMIN1 && !c->admin1[0]))
        return NULL;
    if (kind == DY_PLACE_COUNTRY) {
        if (ag->country[cs] >= 0)
            return &ag->a[ag->country[cs]];
    } else {
        uint64_t h = key_hash(c->admin1, strlen(c->admin1)) ^ (uint64_t)cs;
        for (;; h++) {
            cell = &ag->admin[h & ag->admin_mask];
            if (!*cell)
                break;
            const dy_place *p = &g->places[ag->a[*cell - 1].place];
            if (strcmp(p->cc2, c->cc2) == 0 && strcmp(p->name, c->admin1) == 0)
                return &ag->a[*cell - 1];
        }
    }
    /* a new area: a place of its own, named under its keys (new_place()
     * may move the array, so c is read before) */
    const char *name = kind == DY_PLACE_COUNTRY ? c->country : c->admin1;
    const char *admin1 = kind == DY_PLACE_COUNTRY ? "" : c->admin1, *country = c->country;
    char cc[3] = {c->cc2[0], c->cc2[1], 0};
    dy_place *p = new_place(b);
    if (!p) {
        *fail = 1;
        return NULL;
    }
    p->kind = (uint8_t)kind;
    p->name = name;
    p->admin1 = admin1;
    p->country = country;
    memcpy(p->cc2, cc, 3);
    memcpy(p->cc3, dy_iso_alpha3(cc) ? dy_iso_alpha3(cc) : "", dy_iso_alpha3(cc) ? 4 : 1);
    uint32_t id = (uint32_t)(g->n_places - 1);
    if (!add_name(b, p->name, id, kind)) {
        *fail = 1;
        return NULL;
    }
    agg *a = &ag->a[ag->n];
    memset(a, 0, sizeof *a);
    a->place = id;
    if (kind == DY_PLACE_COUNTRY)
        ag->country[cs] = (int32_t)ag->n;
    else
        *cell = (uint32_t)ag->n + 1;
    ag->n++;
    return a;
}

/* Adds city c, and its admin area and country when new; 0 on out of
 * memory. */
static int add_city(build *b, aggs *ag, const city *c)
{
    dy_gazetteer *g = b->g;
    dy_place *p = new_place(b);
    if (!p || !fill_place(g, p, DY_PLACE_CITY, c->name, c->state, c->country, c->cc))
        return 0;
    p->lat = c->lat;
    p->lon = c->lon;
    p->population = c->pop;
    size_t cid = g->n_places - 1;
    if (!add_name(b, p->name, (uint32_t)cid, DY_PLACE_CITY))
        return 0;
    /* areas are new places too: the array may move, so go by index */
    for (int kind = DY_PLACE_ADMIN1, fail = 0; kind <= DY_PLACE_COUNTRY; kind++) {
        agg *a = area_of(b, ag, cid, kind, &fail);
        if (fail)
            return 0;
        if (a)
            agg_add(a, &g->places[cid]);
    }
    return 1;
}

/* City-states and territories that libgeonames' city list leaves out
 * (it has no city in them), with their country: news names Singapore,
 * Macau and the Vatican often enough to miss them. */
static const city SUPPLEMENT[] = {
    {"Singapore", "", "SG", "Singapore", 5600000, 1.2897, 103.8501},
    {"Macau", "", "MO", "Macau", 680000, 22.2006, 113.5461},
    {"Vatican City", "", "VA", "Vatican City", 800, 41.9024, 12.4533},
    {"Gibraltar", "", "GI", "Gibraltar", 33000, 36.1441, -5.3526},
};

static void build_free(build *b, aggs *ag)
{
    free(b->pairs);
    free(ag->a);
    free(ag->admin);
}

dyad_status dy_gazetteer_create(dy_gazetteer **out, dy_msg *err)
{
    dy_msg scratch;
    if (!err)
        err = &scratch;
    if (!out)
        return dy_fail(err, DYAD_ERR_ARG, "dy_gazetteer_create: no output pointer");
    *out = NULL;
    gint n = geonames_get_n_cities();
    if (n <= 0)
        return dy_fail(err, DYAD_ERR_DICT, "libgeonames: the city database is empty");

    dy_gazetteer *g = calloc(1, sizeof *g);
    build b = {g, 0, NULL, 0, 0};
    aggs ag;
    memset(&ag, 0, sizeof ag);
    memset(ag.country, 0xff, sizeof ag.country);
    size_t asize = 1024;
    while (asize < 2 * (size_t)n)
        asize *= 2;
    if (!g || !(g->strings = dy_arena_create(1u << 20)) ||
        !(ag.a = malloc(((size_t)n * 2 + 26 * 26) * sizeof *ag.a)) ||
        !(ag.admin = calloc(asize, sizeof *ag.admin)))
        goto nomem;
    ag.admin_mask = asize - 1;

    for (gint i = 0; i < n; i++) {
        GeonamesCity *gc = geonames_get_city(i);
        if (!gc)
            continue;
        city c;
        read_city(gc, &c);
        /* add_city() copies what it keeps: c points into gc */
        int ok = add_city(&b, &ag, &c);
        geonames_city_free(gc);
        if (!ok)
            goto nomem;
    }
    for (size_t i = 0; i < sizeof SUPPLEMENT / sizeof *SUPPLEMENT; i++)
        if (!add_city(&b, &ag, &SUPPLEMENT[i]))
            goto nomem;
    if (g->n_places == 0) {
        build_free(&b, &ag);
        dy_gazetteer_free(g);
        return dy_fail(err, DYAD_ERR_DICT, "libgeonames: no city could be read");
    }
    for (size_t i = 0; i < ag.n; i++) {
        dy_place *p = &g->places[ag.a[i].place];
        p->population = ag.a[i].pop > UINT32_MAX ? UINT32_MAX : (uint32_t)ag.a[i].pop;
        p->lat = ag.a[i].lat / ag.a[i].w;
        p->lon = ag.a[i].lon / ag.a[i].w;
    }
    if (!(g->weight = malloc(g->n_places * sizeof *g->weight)))
        goto nomem;
    for (size_t i = 0; i < g->n_places; i++) {
        const dy_place *p = &g->places[i];
        /* a country's name means the country far more often than a
         * homonymous town: a bonus worth a tenfold population */
        g->weight[i] = (float)(log10(p->population > 1 ? p->population : 1) +
                               (p->kind == DY_PLACE_COUNTRY ? 1.0 : 0.0));
    }
    qsort(b.pairs, b.n_pairs, sizeof *b.pairs, cmp_pair);
    if (!add_aliases(&b) || !index_pairs(&b))
        goto nomem;
    build_free(&b, &ag);
    *out = g;
    return DYAD_OK;

nomem:
    build_free(&b, &ag);
    dy_gazetteer_free(g);
    return dy_fail(err, DYAD_ERR_NOMEM, "out of memory building the gazetteer");
}

void dy_gazetteer_free(dy_gazetteer *g)
{
    if (!g)
        return;
    dy_arena_free(g->strings);
    free(g->places);
    free(g->weight);
    free(g->slots);
    free(g->postings);
    free(g);
}

size_t dy_gazetteer_size(const dy_gazetteer *g)
{
    return g ? g->n_places : 0;
}

const dy_place *dy_gazetteer_place(const dy_gazetteer *g, size_t i)
{
    return g && i < g->n_places ? &g->places[i] : NULL;
}

/* ---- lookup ------------------------------------------------------------------ */

static const slot *find_key(const dy_gazetteer *g, const char *k, size_t n)
{
    if (!g || !g->slots || n == 0 || n == SIZE_MAX)
        return NULL;
    uint64_t h = key_hash(k, n);
    for (;; h++) {
        const slot *s = &g->slots[h & g->mask];
        if (!s->key)
            return NULL;
        if (s->klen == n && memcmp(s->key, k, n) == 0)
            return s;
    }
}

/* Hints as upper-case alpha-2 codes; unknown ones are dropped. */
#define MAX_HINTS 32

static size_t read_hints(const char *const *hints, size_t n, char out[][3])
{
    size_t k = 0;
    for (size_t i = 0; hints && i < n && k < MAX_HINTS; i++) {
        const char *h = hints[i], *a2 = NULL;
        if (!h)
            continue;
        size_t len = strlen(h);
        if (len == 2)
            a2 = dy_iso_alpha3(h) ? h : NULL;
        else if (len == 3)
            a2 = dy_iso_alpha2(h);
        if (a2) {
            out[k][0] = (char)up((unsigned char)a2[0]);
            out[k][1] = (char)up((unsigned char)a2[1]);
            out[k][2] = '\0';
            k++;
        }
    }
    return k;
}

/* Homonyms ranked: by weight plus 1 for a hinted country (stable, so equal
 * scores keep the database order); then a city goes before an admin area
 * or a country that won in its own country ("New York" the city, not the
 * state).  Writes at most max places; returns how many there are. */
#define MAX_HOMONYMS 256

static size_t rank(const dy_gazetteer *g, const slot *s, const char *const *hints,
                   size_t n_hints, const dy_place **out, size_t max)
{
    char hint[MAX_HINTS][3];
    size_t nh = read_hints(hints, n_hints, hint);
    uint32_t id[MAX_HOMONYMS];
    float score[MAX_HOMONYMS];
    size_t n = s->n < MAX_HOMONYMS ? s->n : MAX_HOMONYMS;
    for (size_t i = 0; i < n; i++) {
        uint32_t p = g->postings[s->off + i];
        float sc = g->weight[p];
        for (size_t h = 0; h < nh; h++)
            if (memcmp(g->places[p].cc2, hint[h], 2) == 0) {
                sc += 1.0f;
                break;
            }
        size_t j = i;
        for (; j > 0 && score[j - 1] < sc; j--) {
            id[j] = id[j - 1];
            score[j] = score[j - 1];
        }
        id[j] = p;
        score[j] = sc;
    }
    if (n > 1 && g->places[id[0]].kind != DY_PLACE_CITY) {
        for (size_t j = 1; j < n; j++) {
            const dy_place *c = &g->places[id[j]];
            if (c->kind == DY_PLACE_CITY && memcmp(c->cc2, g->places[id[0]].cc2, 2) == 0) {
                uint32_t keep = id[j];
                memmove(id + 1, id, j * sizeof *id);
                id[0] = keep;
                break;
            }
        }
    }
    for (size_t i = 0; i < n && i < max; i++)
        out[i] = &g->places[id[i]];
    return n;
}

size_t dy_gazetteer_candidates(const dy_gazetteer *g, const char *name, size_t len,
                               const char *const *hints, size_t n_hints,
                               const dy_place **out, size_t max)
{
    char k[KEY_MAX];
    if (!name)
        return 0;
    const slot *s = find_key(g, k, key_add(k, 0, name, len));
    return s ? rank(g, s, hints, n_hints, out, out ? max : 0) : 0;
}

const dy_place *dy_gazetteer_lookup(const dy_gazetteer *g, const char *name, size_t len,
                                    const char *const *hints, size_t n_hints)
{
    const dy_place *best = NULL;
    return dy_gazetteer_candidates(g, name, len, hints, n_hints, &best, 1) ? best : NULL;
}

const dy_place *dy_gazetteer_lookup_tokens(const dy_gazetteer *g, const dy_token *tok,
                                           uint32_t first, uint32_t last,
                                           const char *const *hints, size_t n_hints)
{
    char k[KEY_MAX];
    size_t n = 0;
    const dy_place *best = NULL;
    if (!tok)
        return NULL;
    for (uint32_t i = first; i < last && n != SIZE_MAX; i++)
        n = key_add(k, n, tok[i].text, tok[i].len);
    const slot *s = find_key(g, k, n);
    return s && rank(g, s, hints, n_hints, &best, 1) ? best : NULL;
}

/* ---- place mentions in a sentence ------------------------------------------- */

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Token text equals the lower-case ASCII word w, in any case. */
static int is(const dy_token *t, const char *w)
{
    size_t n = strlen(w);
    if (t->len != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (lower((unsigned char)t->text[i]) != w[i])
            return 0;
    return 1;
}

static int is_any(const dy_token *t, const char *const *words)
{
    for (; *words; words++)
        if (is(t, *words))
            return 1;
    return 0;
}

static int capital(const dy_token *t)
{
    return (t->flags & DY_TOK_CAPITAL) || (t->len && t->text[0] >= 'A' && t->text[0] <= 'Z');
}

static int is_noun(const dy_token *t)
{
    return t->tag == DY_TAG_NN || t->tag == DY_TAG_NNS;
}

/* A word of a place name: a proper noun, or when the sentence is not
 * tagged, a capitalised word. */
static int proper(const dy_token *t)
{
    if (t->tag == DY_TAG_NNP || t->tag == DY_TAG_NNPS)
        return 1;
    return t->tag == DY_TAG_NONE && capital(t) && !(t->flags & DY_TOK_PUNCT);
}

/* Small words inside multi-word names: "Bosnia and Herzegovina", "Isle of
 * Man", "Rio de Janeiro". */
static const char *const CONNECTOR[] = {"of", "the", "and", "de", "del", "da", "do", "dos",
                                        "das", "la", "le", "el", "al", "upon", "on", "sur",
                                        "am", "an", "der", "di", "du", NULL};
/* Month and weekday names are capitalised but never places here ("March"
 * in Cambridgeshire would take every "on March 3"). */
static const char *const CALENDAR[] = {
    "january", "february", "march",  "april",    "may",      "june",     "july",
    "august",  "september", "october", "november", "december", "monday",  "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday",   "jan.",     "feb.",
    "mar.",    "apr.",     "jun.",   "jul.",     "aug.",     "sep.",     "sept.",
    "oct.",    "nov.",     "dec.",   NULL};
/* Prepositions that put an event at a place. */
static const char *const LOCATIVE[] = {"in", "at", "near", "outside", "inside", "across",
                                       "throughout", "around", "within", "off", "along",
                                       "beyond", "nearby", NULL};
/* "north of Kyiv", "outside of Gaza". */
static const char *const COMPASS[] = {"north", "south", "east", "west", "northeast",
                                      "northwest", "southeast", "southwest", "north-east",
                                      "north-west", "south-east", "south-west", "outside",
                                      "inside", NULL};
/* Prepositions that make a place the topic. */
static const char *const TOPIC_PREP[] = {"on", "about", "over", "regarding", "concerning",
                                         "for", "with", "against", "between", "among",
                                         "amid", "like", "than", NULL};
/* Prepositions of movement: the place is an origin or a destination. */
static const char *const DIRECTION[] = {"to", "from", "into", "toward", "towards", "via",
                                        "onto", "through", NULL};
/* Nouns that stand for a place: "the city of Aleppo", "the outskirts of
 * Kyiv", "the Donetsk region", "Kyiv's Maidan square". */
static const char *const PLACE_NOUN[] = {
    "city",     "cities",    "town",     "towns",    "village",      "villages",
    "capital",  "province",  "provinces", "region",  "regions",      "district",
    "districts", "area",     "areas",    "outskirts", "outskirt",    "suburb",
    "suburbs",  "centre",    "center",   "heart",    "streets",      "street",
    "coast",    "port",      "border",   "borders",  "countryside",  "neighbourhood",
    "neighborhood", "quarter", "governorate", "oblast", "state",      "county",
    "municipality", "airport", "square", "camp",     "enclave",      "territory",
    "part",     "parts",     "side",     "north",    "south",        "east",
    "west",     "downtown",  NULL};
/* Nouns of situations: a place after "the war in" is what the war is
 * about, not where the sentence's event happens. */
static const char *const TOPIC_NOUN[] = {
    "war",       "wars",      "conflict",  "conflicts",   "crisis",     "situation",
    "violence",  "unrest",    "tension",   "tensions",    "turmoil",    "bloodshed",
    "involvement", "intervention", "presence", "role",     "policy",     "policies",
    "interests", "developments", "events", "election",    "elections",  "affairs",
    "future",    "peace",     "stability", "rights",      "democracy",  "reform",
    "reforms",   "investment", "investments", "interference", "meddling", "aggression",
    "occupation", NULL};

static int clause_break(const dy_token *t)
{
    switch (t->tag) {
    case DY_TAG_VBD: case DY_TAG_VBZ: case DY_TAG_VBP: case DY_TAG_MD:
    case DY_TAG_WDT: case DY_TAG_WP: case DY_TAG_WPS:
        return 1;
    default:
        return t->len == 1 && t->text[0] == ';';
    }
}

static int breaks_between(const dy_token *tok, uint32_t from, uint32_t to)
{
    for (uint32_t k = from; k < to; k++)
        if (clause_break(&tok[k]))
            return 1;
    return 0;
}

/* First token of the verb group whose head is tok[verb]: its auxiliaries,
 * modals and adverbs ("has not been attacked"). */
static uint32_t verb_start(const dy_token *tok, uint32_t verb)
{
    while (verb > 0) {
        const dy_token *t = &tok[verb - 1];
        if (!(t->tag == DY_TAG_MD || t->tag == DY_TAG_RB ||
              (t->tag >= DY_TAG_VB && t->tag <= DY_TAG_VBZ)))
            break;
        verb--;
    }
    return verb;
}

/* The longest place name starting at tok[i]: its end, or 0. */
#define MAX_SPAN 7

static uint32_t match_at(const dy_gazetteer *g, const dy_token *tok, uint32_t n, uint32_t i,
                         const dy_place_context *ctx, const dy_place **place)
{
    uint32_t end = i;
    while (end < n && end < i + MAX_SPAN && (proper(&tok[end]) || is_any(&tok[end], CONNECTOR)))
        end++;
    for (uint32_t j = end; j > i; j--) {
        if (!proper(&tok[j - 1]))
            continue;
        if (j == i + 1 && is_any(&tok[i], CALENDAR))
            return 0;
        *place = dy_gazetteer_lookup_tokens(g, tok, i, j, ctx ? ctx->hints : NULL,
                                            ctx ? ctx->n_hints : 0);
        if (*place)
            return j;
    }
    return 0;
}

/* The word that governs the name at tok[f..): walking back over articles,
 * adjectives, numbers and "the city of"-like chains.  Returns its index or
 * UINT32_MAX; *chain says a place noun was crossed ("on the outskirts of"
 * makes "on" locative). */
static uint32_t governor(const dy_token *tok, uint32_t f, int *chain)
{
    uint32_t k = f;
    *chain = 0;
    for (int steps = 0; k > 0 && steps < 8; steps++) {
        const dy_token *t = &tok[k - 1];
        switch (t->tag) {
        case DY_TAG_DT: case DY_TAG_JJ: case DY_TAG_JJR: case DY_TAG_JJS: case DY_TAG_CD:
        case DY_TAG_VBN: case DY_TAG_PRPS:
            k--;
            continue;
        case DY_TAG_NNP: case DY_TAG_NNPS:
            if (*chain) {   /* "the Ukrainian city of" tagged NNP */
                k--;
                continue;
            }
            break;
        default:
            break;
        }
        if (is(t, "of") && k >= 2) {
            const dy_token *h = &tok[k - 2];
            if (is_any(h, COMPASS))
                return k - 2;
            if (is_any(h, PLACE_NOUN)) {
                *chain = 1;
                k -= 2;
                continue;
            }
        }
        return k - 1;
    }
    return UINT32_MAX;
}

static int overlaps_actor(const dy_place_context *ctx, uint32_t f, uint32_t l)
{
    for (uint32_t a = 0; ctx && ctx->actors && a < ctx->n_actors; a++) {
        uint32_t af = ctx->actors[a].first, al = af + ctx->actors[a].count;
        if (f < al && af < l)
            return 1;
    }
    return 0;
}

static int dateline_punct(const dy_token *t)
{
    return is(t, ",") || is(t, "-lrb-") || is(t, "--") || is(t, "-") || is(t, ":");
}

/* Role of the place at tok[f..l); prev is the mention before it (or NULL). */
static void classify(const dy_token *tok, uint32_t n, uint32_t verb, const dy_place_context *ctx,
                     const dy_place_mention *prev, dy_place_mention *m)
{
    uint32_t f = m->first, l = m->last;
    const dy_token *next = l < n ? &tok[l] : NULL;
    int chain;
    m->role = DY_PLACE_MENTION;
    if (overlaps_actor(ctx, f, l)) {
        m->why = DY_WHY_ACTOR;
        return;
    }
    if (f == 0 && (tok[0].flags & DY_TOK_ALLCAPS) && next && dateline_punct(next)) {
        m->role = DY_PLACE_LOCATION;
        m->why = DY_WHY_DATELINE;
        return;
    }
    uint32_t p = governor(tok, f, &chain);
    const dy_token *gov = p < n ? &tok[p] : NULL;
    int locative = gov && (is_any(gov, LOCATIVE) || is_any(gov, COMPASS) ||
                           (chain && is(gov, "on")));
    if (next && next->tag == DY_TAG_POS) {
        /* "Russia's president" is a mention; "in Kyiv's Maidan square" is
         * still a location */
        int place_head = 0;
        for (uint32_t k = l + 1; k < n && k <= l + 3; k++)
            place_head |= is_any(&tok[k], PLACE_NOUN);
        if (!(locative && place_head)) {
            m->why = DY_WHY_POSSESSIVE;
            return;
        }
    } else if (next && (is_noun(next) || ((next->tag == DY_TAG_NNP || next->tag == DY_TAG_NNPS) &&
                                          !is_any(next, CALENDAR))) &&
               !is_any(next, PLACE_NOUN)) {
        m->why = DY_WHY_MODIFIER;   /* "the Gaza issue", "Kyiv officials" */
        return;
    }
    if (!gov) {
        m->why = DY_WHY_NO_PREP;
        return;
    }
    if (!locative) {
        /* a list member takes the role of the name before it: "in Kyiv
         * and Kharkiv" */
        if ((is(gov, "and") || is(gov, "or") || is(gov, ",")) && prev && prev->last == p &&
            prev->why != DY_WHY_DATELINE) {
            m->role = prev->role;
            m->why = prev->why;
            return;
        }
        m->why = is_any(gov, TOPIC_PREP) ? DY_WHY_TOPIC
                 : is_any(gov, DIRECTION) ? DY_WHY_DIRECTION
                 : is(gov, "of")          ? DY_WHY_POSSESSIVE   /* "the president of Syria" */
                                          : DY_WHY_NO_PREP;
        return;
    }
    if (p > 0 && is_any(&tok[p - 1], TOPIC_NOUN)) {
        m->why = DY_WHY_TOPIC;   /* "the war in Syria" */
        return;
    }
    if (verb < n && ((p > verb && breaks_between(tok, verb + 1, p)) ||
                     (p < verb && breaks_between(tok, l, verb_start(tok, verb))))) {
        m->why = DY_WHY_OTHER_CLAUSE;
        return;
    }
    m->role = DY_PLACE_LOCATION;
    m->why = DY_WHY_PREP;
}

uint32_t dy_places_find(const dy_gazetteer *g, const dy_token *tok, uint32_t n, uint32_t verb,
                        const dy_place_context *ctx, dy_place_mention *out, uint32_t max)
{
    uint32_t found = 0;
    if (!g || !tok || !out)
        return 0;
    for (uint32_t i = 0; i < n && found < max;) {
        const dy_place *place = NULL;
        uint32_t j = proper(&tok[i]) ? match_at(g, tok, n, i, ctx, &place) : 0;
        if (!j) {
            /* a run of proper nouns that does not start with a place is a
             * name of something else: "Barack Obama", "President Assad" */
            if (!proper(&tok[i]))
                i++;
            else
                while (i < n && proper(&tok[i]))
                    i++;
            continue;
        }
        dy_place_mention *m = &out[found];
        m->first = i;
        m->last = j;
        m->place = place;
        classify(tok, n, verb, ctx, found ? &out[found - 1] : NULL, m);
        found++;
        i = j;
    }
    return found;
}

int dy_places_event_location(const dy_place_mention *m, uint32_t nm, uint32_t verb)
{
    int best = -1, dateline = -1;
    uint64_t best_d = UINT64_MAX;
    for (uint32_t k = 0; m && k < nm; k++) {
        if (m[k].role != DY_PLACE_LOCATION)
            continue;
        /* where the reporter files from is weaker evidence than a
         * preposition in the sentence */
        if (m[k].why == DY_WHY_DATELINE) {
            if (dateline < 0)
                dateline = (int)k;
            continue;
        }
        if (verb == UINT32_MAX)
            return (int)k;
        /* distance in tokens, doubled, plus one for a place before the
         * verb, so that a tie goes to the one after it */
        uint64_t d = m[k].first > verb ? 2 * (uint64_t)(m[k].first - verb)
                                       : 2 * (uint64_t)(verb - m[k].last + 1) + 1;
        if (d < best_d) {
            best = (int)k;
            best_d = d;
        }
    }
    return best >= 0 ? best : dateline;
}

/* The leading words of a dateline segment starting at i: capitalised
 * words (and name connectors) up to punctuation. */
static uint32_t segment_end(const dy_token *tok, uint32_t n, uint32_t i)
{
    uint32_t j = i;
    while (j < n && (capital(&tok[j]) || (j > i && is_any(&tok[j], CONNECTOR))) &&
           !(tok[j].flags & DY_TOK_PUNCT) && !dateline_punct(&tok[j]))
        j++;
    while (j > i && !capital(&tok[j - 1]))
        j--;
    return j;
}

const dy_place *dy_places_dateline(const dy_gazetteer *g, const dy_token *tok, uint32_t n,
                                   const char *const *hints, size_t n_hints)
{
    if (!g || !tok || n == 0)
        return NULL;
    uint32_t e1 = segment_end(tok, n, 0);
    if (e1 == 0)
        return NULL;
    /* "PARIS, Texas": the second part narrows the first */
    const dy_place *area = NULL;
    if (e1 < n && is(&tok[e1], ",")) {
        uint32_t e2 = segment_end(tok, n, e1 + 1);
        if (e2 > e1 + 1)
            area = dy_gazetteer_lookup_tokens(g, tok, e1 + 1, e2, hints, n_hints);
    }
    const char *hint2[MAX_HINTS + 1];
    size_t nh = 0;
    if (area)
        hint2[nh++] = area->cc2;
    for (size_t h = 0; hints && h < n_hints && nh < MAX_HINTS + 1; h++)
        hint2[nh++] = hints[h];
    for (uint32_t j = e1; j > 0; j--) {
        char k[KEY_MAX];
        size_t kl = 0;
        for (uint32_t i = 0; i < j && kl != SIZE_MAX; i++)
            kl = key_add(k, kl, tok[i].text, tok[i].len);
        const slot *s = find_key(g, k, kl);
        if (!s)
            continue;
        const dy_place *cand[MAX_HOMONYMS];
        size_t nc = rank(g, s, hint2, nh, cand, MAX_HOMONYMS);
        if (nc > MAX_HOMONYMS)
            nc = MAX_HOMONYMS;
        for (size_t c = 0; area && c < nc; c++)
            if (memcmp(cand[c]->cc2, area->cc2, 2) == 0 &&
                (area->kind != DY_PLACE_ADMIN1 || strcmp(cand[c]->admin1, area->name) == 0))
                return cand[c];
        return nc ? cand[0] : NULL;
    }
    return NULL;
}

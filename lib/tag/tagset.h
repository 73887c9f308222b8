/* tagset.h -- the Penn Treebank part-of-speech tags, as small integers. */
#ifndef DY_TAGSET_H
#define DY_TAGSET_H

#include <stdint.h>

#define DY_TAGS(X) \
    X(NONE, "")      X(CC, "CC")     X(CD, "CD")     X(DT, "DT")     X(EX, "EX")     \
    X(FW, "FW")      X(IN, "IN")     X(JJ, "JJ")     X(JJR, "JJR")   X(JJS, "JJS")   \
    X(LS, "LS")      X(MD, "MD")     X(NN, "NN")     X(NNS, "NNS")   X(NNP, "NNP")   \
    X(NNPS, "NNPS")  X(PDT, "PDT")   X(POS, "POS")   X(PRP, "PRP")   X(PRPS, "PRP$") \
    X(RB, "RB")      X(RBR, "RBR")   X(RBS, "RBS")   X(RP, "RP")     X(SYM, "SYM")   \
    X(TO, "TO")      X(UH, "UH")     X(VB, "VB")     X(VBD, "VBD")   X(VBG, "VBG")   \
    X(VBN, "VBN")    X(VBP, "VBP")   X(VBZ, "VBZ")   X(WDT, "WDT")   X(WP, "WP")     \
    X(WPS, "WP$")    X(WRB, "WRB")   X(COMMA, ",")   X(PERIOD, ".")  X(COLON, ":")   \
    X(LQUOTE, "``")  X(RQUOTE, "''") X(LRB, "-LRB-") X(RRB, "-RRB-") X(HASH, "#")    \
    X(DOLLAR, "$")

#define DY_TAG_ENUM(name, str) DY_TAG_##name,
typedef enum dy_tag { DY_TAGS(DY_TAG_ENUM) DY_TAG_COUNT } dy_tag;
#undef DY_TAG_ENUM

/* "NNP" for DY_TAG_NNP; "" for an unknown value. */
const char *dy_tag_name(uint8_t tag);
/* DY_TAG_NONE when the name is not a Penn tag ("-LRB-" and "(" both map to LRB). */
uint8_t dy_tag_parse(const char *name);

#endif

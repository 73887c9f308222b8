/* tagset.c -- names of the Penn Treebank tags. */
#include "tag/tagset.h"

#include <string.h>

#define DY_TAG_NAME(name, str) str,
static const char *const tag_names[DY_TAG_COUNT] = {DY_TAGS(DY_TAG_NAME)};
#undef DY_TAG_NAME

const char *dy_tag_name(uint8_t tag)
{
    return tag < DY_TAG_COUNT ? tag_names[tag] : "";
}

uint8_t dy_tag_parse(const char *name)
{
    if (!name || !*name)
        return DY_TAG_NONE;
    if (strcmp(name, "(") == 0)
        return DY_TAG_LRB;
    if (strcmp(name, ")") == 0)
        return DY_TAG_RRB;
    for (uint8_t t = 1; t < DY_TAG_COUNT; t++)
        if (strcmp(name, tag_names[t]) == 0)
            return t;
    return DY_TAG_NONE;
}

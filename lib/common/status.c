/* status.c -- names of the public status codes and the version. */
#include "dyad.h"

const char *dyad_version(void)
{
    return DYAD_VERSION_STRING;
}

const char *dyad_strerror(dyad_status status)
{
    switch (status) {
    case DYAD_OK: return "success";
    case DYAD_ERR_NOMEM: return "out of memory";
    case DYAD_ERR_IO: return "input/output error";
    case DYAD_ERR_SYNTAX: return "malformed input";
    case DYAD_ERR_DICT: return "unusable dictionary";
    case DYAD_ERR_ARG: return "invalid argument";
    case DYAD_ERR_LIMIT: return "input exceeds a size limit";
    case DYAD_ERR_ENCODING: return "invalid text encoding";
    case DYAD_ERR_EOF: return "end of input";
    case DYAD_ERR_DISCARD: return "discarded by the discard list";
    }
    return "unknown status";
}

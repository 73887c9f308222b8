/* dyad.c -- the dyad command: dispatches to subcommands. */
#include <stdio.h>
#include <string.h>

#include "dyad.h"

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        printf("dyad %s\n", dyad_version());
        return 0;
    }
    fprintf(stderr, "usage: dyad code|validate ...\n");
    return 2;
}

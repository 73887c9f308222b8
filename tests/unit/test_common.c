/* Unit tests for lib/common: arena, intern table, dictionary line reader. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "common/arena.h"
#include "common/intern.h"
#include "dict/dictfile.h"

Test(arena, alloc_is_aligned_and_reset_keeps_memory_bounded)
{
    dy_arena *a = dy_arena_create(1024);
    cr_assert_not_null(a);
    for (int i = 0; i < 1000; i++) {
        char *p = dy_arena_alloc(a, 17);
        cr_assert_not_null(p);
        cr_assert_eq(((uintptr_t)p) % 16, 0);
        memset(p, 'x', 17);
    }
    void *big = dy_arena_alloc(a, 100000);
    cr_assert_not_null(big);
    cr_assert_geq(dy_arena_used(a), 100000);
    dy_arena_reset(a);
    cr_assert_eq(dy_arena_used(a), 0);
    cr_assert_str_eq(dy_arena_strdup(a, "hello"), "hello");
    dy_arena_free(a);
    dy_arena_free(NULL);
}

Test(intern, ids_are_stable_and_dense)
{
    dy_intern *t = dy_intern_create();
    uint32_t a = dy_intern_add(t, "GONDOR", 6);
    uint32_t b = dy_intern_add(t, "ARNOR", 5);
    cr_assert_neq(a, 0);
    cr_assert_neq(a, b);
    cr_assert_eq(dy_intern_add(t, "GONDOR", 6), a);
    cr_assert_eq(dy_intern_find(t, "ARNOR", 5), b);
    cr_assert_eq(dy_intern_find(t, "MORDOR", 6), 0);
    cr_assert_str_eq(dy_intern_str(t, a), "GONDOR");
    char buf[32];
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(buf, sizeof buf, "W%d", i);
        cr_assert_neq(dy_intern_add(t, buf, (size_t)n), 0);
    }
    cr_assert_eq(dy_intern_count(t), 5002);
    cr_assert_eq(dy_intern_find(t, "W4999", 5), dy_intern_add(t, "W4999", 5));
    dy_intern_free(t);
}

Test(dictfile, strips_all_comment_styles)
{
    const char *src =
        "<!-- header -->\n"
        "ARNOR [ARN] # trailing\n"
        "<!-- multi -- line\n"
        "still comment -->\n"
        "\tGONDOR ; legacy\n"
        "   \n"
        "A <!-- inner --> B\n";
    dy_dictfile f;
    dy_dictline l;
    dy_dictfile_init(&f, src, strlen(src));
    cr_assert(dy_dictfile_next(&f, &l));
    cr_assert_eq(l.len, strlen("ARNOR [ARN]"));
    cr_assert_eq(strncmp(l.text, "ARNOR [ARN]", l.len), 0);
    cr_assert_eq(l.lineno, 2);
    cr_assert(dy_dictfile_next(&f, &l));
    cr_assert_eq(strncmp(l.text, "GONDOR", l.len), 0);
    cr_assert(l.indented);
    cr_assert_eq(l.lineno, 5);
    cr_assert(dy_dictfile_next(&f, &l));
    cr_assert_eq(strncmp(l.text, "A  B", l.len), 0);
    cr_assert_not(dy_dictfile_next(&f, &l));
    dy_dictfile_done(&f);
}

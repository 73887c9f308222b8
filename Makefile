# dyad -- GNU Make build.
#   make            build build/libdyad.a and build/dyad
#   make test       unit tests (Criterion) + end-to-end tests of the binary
#   make asan       the same tests under AddressSanitizer + UBSan (build-asan/)
#   make fuzz       libFuzzer targets (clang) in build-fuzz/
#   make bench      benchmarks (print numbers; never pass/fail)
#   make golden     rewrite the golden files examples/*.events.jsonl (review the diff)
# Variables: WERROR=1 adds -Werror; BUILD=dir changes the output folder;
# SANITIZE=1 builds with ASan+UBSan.

BUILD   ?= build
CC      ?= gcc
PKGS    := jansson libutf8proc
# Deferred (=, not :=): expanded in the recipes, after the deps stamp has
# installed pkg-config and jansson on a fresh machine.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)

WARN    := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
ifeq ($(WERROR),1)
WARN    += -Werror
endif
OPT     ?= -O2 -g
ifeq ($(SANITIZE),1)
OPT     := -O1 -g -fno-omit-frame-pointer
SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined
endif
CFLAGS_ALL := -std=c17 -D_POSIX_C_SOURCE=200809L $(OPT) $(WARN) $(SAN) $(CFLAGS)
LDFLAGS_ALL := $(SAN) $(LDFLAGS)

LIB_SRC  := $(sort $(wildcard lib/*/*.c))
CLI_SRC  := $(sort $(wildcard src/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/*.c))

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)

# The CAMEO code table is generated from data/cameo.tsv and compiled into the
# library, so nothing is read from disk at run time (lib/code/cameo.h).
CAMEO_GEN := $(BUILD)/gen/cameo_table.c
LIB_OBJ   += $(BUILD)/obj/gen/cameo_table.o
# The WordNet tables of the lemmatizer are generated from Debian's
# wordnet-base by tools/gen_wordnet.c (built for the build machine) and
# compiled in the same way (lib/tag/lemma.h, docs/lemma.md).
WORDNET_DIR   ?= /usr/share/wordnet
WORDNET_GEN   := $(BUILD)/gen/wordnet_lemma.c
WORDNET_TOOL  := $(BUILD)/tools/gen_wordnet
WORDNET_FILES  = $(wildcard $(addprefix $(WORDNET_DIR)/,index.noun index.verb \
                   index.adj index.adv noun.exc verb.exc adj.exc adv.exc cntlist.rev))
LIB_OBJ       += $(BUILD)/obj/gen/wordnet_lemma.o
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/obj/%.o)

LIBDYAD  := $(BUILD)/libdyad.a
DYAD     := $(BUILD)/dyad
UNIT     := $(BUILD)/unit-tests
DEPS_STAMP := $(BUILD)/.deps-ok

.PHONY: all deps test unit e2e asan fuzz bench golden clean
all: $(DYAD)

# Install missing Debian packages once (no-op when present).
$(DEPS_STAMP): scripts/install-deps.sh
	@mkdir -p $(@D)
	bash scripts/install-deps.sh
	@touch $@
deps: $(DEPS_STAMP)

# The library sees its own tree; the CLI sees only the public header.
$(BUILD)/obj/lib/%.o: lib/%.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -Iinclude -Ilib $(PKG_CFLAGS) -MMD -MP -c $< -o $@

# Generated CAMEO table (see CAMEO_GEN above).
$(CAMEO_GEN): data/cameo.tsv scripts/gen-cameo.sh
	@mkdir -p $(@D)
	sh scripts/gen-cameo.sh data/cameo.tsv > $@.tmp && mv $@.tmp $@ || { rm -f $@.tmp; exit 1; }
$(BUILD)/obj/gen/cameo_table.o: $(CAMEO_GEN) lib/code/cameo.h | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -Iinclude -Ilib -c $< -o $@

# Generated WordNet tables (see WORDNET_GEN above).  The tool is a build
# machine program: no sanitizers, whatever SANITIZE says.
$(WORDNET_TOOL): tools/gen_wordnet.c lib/tag/lemma.h | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) -std=c17 -D_POSIX_C_SOURCE=200809L -O2 $(WARN) -Ilib -o $@ $<
$(WORDNET_GEN): $(WORDNET_TOOL) $(WORDNET_FILES) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(WORDNET_TOOL) $(WORDNET_DIR) > $@.tmp && mv $@.tmp $@ || { rm -f $@.tmp; exit 1; }
$(BUILD)/obj/gen/wordnet_lemma.o: $(WORDNET_GEN) lib/tag/lemma.h | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -Iinclude -Ilib -c $< -o $@

$(BUILD)/obj/src/%.o: src/%.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -Iinclude -MMD -MP -c $< -o $@

$(BUILD)/obj/tests/%.o: tests/%.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -Iinclude -Ilib $(PKG_CFLAGS) $(shell pkg-config --cflags criterion) -MMD -MP -c $< -o $@

$(LIBDYAD): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $^

$(DYAD): $(CLI_OBJ) $(LIBDYAD)
	$(CC) $(LDFLAGS_ALL) -o $@ $(CLI_OBJ) $(LIBDYAD) $(PKG_LIBS) -lpthread

$(UNIT): $(TEST_OBJ) $(LIBDYAD)
	$(CC) $(LDFLAGS_ALL) -o $@ $(TEST_OBJ) $(LIBDYAD) $(PKG_LIBS) $(shell pkg-config --libs criterion) -lpthread

unit: $(UNIT)
	$(UNIT) --jobs 2

e2e: $(DYAD)
	DYAD=$(abspath $(DYAD)) bash tests/e2e/run.sh

test: unit e2e

asan:
	$(MAKE) BUILD=build-asan SANITIZE=1 test

fuzz:
	$(MAKE) -f fuzz/Makefile

bench: $(DYAD)
	DYAD=$(abspath $(DYAD)) bash bench/run.sh

golden: $(DYAD)
	DYAD=$(abspath $(DYAD)) bash tests/e2e/lib.sh golden

clean:
	rm -rf build build-asan build-fuzz

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)

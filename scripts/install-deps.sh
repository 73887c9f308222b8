#!/usr/bin/env bash
# install-deps.sh -- the one place that lists and installs what dyad needs
# from Debian 12.  Called by `make` (via the deps stamp) and by .ci/run.
# Does nothing when everything is already installed; otherwise installs with
# apt-get as root, or prints the command to run when not root.
set -euo pipefail

PACKAGES=(
  build-essential     # gcc, make
  pkg-config
  libjansson-dev      # JSON Lines input
  libutf8proc-dev     # Unicode categories and NFC in the tokenizer (lib/text)
  libgeonames-dev     # built-in city database for place names (lib/doc/places.c)
  zlib1g-dev          # .gz input
  libzstd-dev         # .zst input
  zstd                # the zstd command, to make .zst test inputs
  libcriterion-dev    # unit tests
  clang               # fuzz targets (libFuzzer ships with clang 14)
  python3             # e2e test helpers and bench corpus builder
  wordnet-base        # WordNet 3.0 data: build/gen/wordnet_lemma.c is generated from it
  liblingua-en-tagger-perl  # Treebank word/tag counts: build/gen/lexicon.c (the tagger) is generated from it
)
# `time` gives /usr/bin/time -v for peak RSS in bench/.
PACKAGES+=(time)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: missing Debian packages: ${missing[*]}" >&2
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"

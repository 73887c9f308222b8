#!/usr/bin/env bash
# End-to-end tests: run the real dyad binary on real files.
# Prints "N passed, N failed" and exits non-zero on any failure.
set -u
here=$(cd "$(dirname "$0")" && pwd)
DYAD=${DYAD:-$here/../../build/dyad}
pass=0; fail=0; skip=0
for t in "$here"/t_*.sh; do
  [ -e "$t" ] || continue
  name=$(basename "$t" .sh)
  out=$(DYAD="$DYAD" bash "$t" 2>&1); rc=$?
  if [ $rc -eq 0 ]; then pass=$((pass+1)); echo "ok   $name"
  elif [ $rc -eq 77 ]; then skip=$((skip+1)); echo "skip $name: ${out##*$'\n'}"
  else fail=$((fail+1)); echo "FAIL $name"; echo "$out" | sed 's/^/    /' | tail -n 30; fi
done
echo "e2e: $pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]

#!/usr/bin/env bash
# bench_smoke.sh BINARY — runs scripts/bench on a 200-file archive (the
# quick CI run of issue 6) and checks that it measured everything: every
# line of figures is there, with numbers. It asserts no speed: the figures
# are for people to read.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(./scripts/bench --files 200 --bin "$1")
echo "$out"
fail() { echo "bench_smoke: $*" >&2; exit 1; }
echo "$out" | grep -q '^archive: 200 PDFs, [0-9]* pages' || fail "no archive line"
for row in '(a)  pdftotext' "(a') pdftotext" '(b)  import --jobs 1' "(b') import" '(c)  import' '(d)  re-import' \
           '(e)  Poppler words alone' '(f)  OCR: '; do
  echo "$out" | grep -F -- "$row" | grep -Eq '[0-9]+\.[0-9]{2}' || fail "no figure for $row"
done
echo "$out" | grep -Eq '^ratio \(b\)/\(a\): [0-9]+\.[0-9]+' || fail "no ratio (b)/(a)"
echo "$out" | grep -Eq '^ratio \(c\)/\(b\): [0-9]+\.[0-9]+' || fail "no ratio (c)/(b)"
echo "$out" | grep -Eq '^ratio \(b\)/\(e\): [0-9]+\.[0-9]+' || fail "no ratio (b)/(e)"
echo "$out" | grep -Eq '^peak RSS \(b\): [1-9][0-9]* MB   \(c\): [1-9][0-9]* MB' || fail "no peak RSS"
echo "$out" | grep -Eq '^database: [0-9.]+ MB for 200 files' || fail "no database size"

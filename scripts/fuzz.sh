#!/usr/bin/env bash
# Runs every Fuzz target in the module for the given time each. New inputs
# are minimised for at most 5 s (the default, 60 s, stalls the targets whose
# seeds are real photos and videos).
set -euo pipefail
time=${1:-30s}
for pkg in $(go list ./...); do
  for f in $(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' || true); do
    echo "== $pkg $f"
    go test -run '^$' -fuzz "^$f\$" -fuzztime "$time" -fuzzminimizetime 5s "$pkg"
  done
done

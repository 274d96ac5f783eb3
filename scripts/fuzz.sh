#!/usr/bin/env bash
# Runs every Fuzz target in the module for the given time each.
set -euo pipefail
time=${1:-30s}
for pkg in $(go list ./...); do
  for f in $(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' || true); do
    echo "== $pkg $f"
    go test -run '^$' -fuzz "^$f\$" -fuzztime "$time" "$pkg"
  done
done

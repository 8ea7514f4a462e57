#!/usr/bin/env bash
# Formats the Swift sources with the toolchain's swift-format and the repository's .swift-format.
#   scripts/format.sh          rewrite the files in place
#   scripts/format.sh --lint   change nothing; fail (exit 1) on any file that differs or breaks a rule
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Package.swift Sources Tests)
if [ "${1:-}" = "--lint" ]; then
  swift format lint --strict --parallel --recursive "${paths[@]}"
else
  swift format format --in-place --parallel --recursive "${paths[@]}"
fi

#!/usr/bin/env bash
# The test command: installs what the tests need, builds, and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

# HiGHS (highspy) solves the exported LP in one test and in the benchmark; never a runtime dependency.
if ! python3 -c "import highspy" 2>/dev/null; then
  echo "== installing highspy (HiGHS) from PyPI"
  python3 -m pip install --quiet --disable-pip-version-check "highspy==1.15.1"
fi

echo "== building (debug) with tests"
swift build --build-tests
echo "== running the benchmark tools' own tests (independent plan checker, LP bound)"
python3 -m unittest bench/test_bench.py
echo "== running tests"
swift test --skip-build

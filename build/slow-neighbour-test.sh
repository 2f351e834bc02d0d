#!/usr/bin/env bash
# Issue 17 fault 1, the by-hand figure as a program: a tok_visa order placed right after 50 tok_timeout orders (a
# provider that never answers) is Confirmed within 250 ms (median of the rounds), as on a quiet system; then every order
# is final and the invariants hold. Prints one line per round, a "figures:" line and, last, "N passed, M failed".
# Usage: build/slow-neighbour-test.sh [--quick] [--no-build] [benchmark options]; --help lists them. --quick: 3 rounds
# (full: 10). A timing figure: run it on a quiet machine (see docs/benchmarks.md).
set -euo pipefail
. "$(dirname "$0")/lib/bench.sh"
bench_main slow-neighbour slow-neighbour-test.sh "$@"

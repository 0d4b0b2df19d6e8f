#!/bin/sh
# The long fuzz run of docs/hostile-input.md: 5,000 mutated tips, 1,000 mutated handbook.yml
# files and 1,000 mutated theme templates through the whole pipeline. Pass a seed to vary it.
# Prints one line per kind: how many cases, crashes, hangs and diagnostics without file:line:col.
set -e
cd "$(dirname "$0")/../.."
swift build --build-tests
HANDBOOK_FUZZ_TIPS=${HANDBOOK_FUZZ_TIPS:-5000} \
HANDBOOK_FUZZ_CONFIGS=${HANDBOOK_FUZZ_CONFIGS:-1000} \
HANDBOOK_FUZZ_TEMPLATES=${HANDBOOK_FUZZ_TEMPLATES:-1000} \
HANDBOOK_FUZZ_SEED=${1:-20261207} \
swift test --skip-build --filter FuzzRunTests 2>&1 | grep -E '^fuzz:|✘|✔ Suite|Test run'

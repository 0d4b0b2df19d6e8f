#!/usr/bin/env bash
# Builds the real handbook and a generated one of 1,000 tips with two `handbook` programs and
# compares the sites byte for byte. For refactorings that must not change what Handbook writes.
#
#   Tests/Scripts/same-output.sh OLD_HANDBOOK NEW_HANDBOOK [CONTENT...]
#
# Without CONTENT it compares content/, Tests/Fixtures/handbook and 1,000 generated tips
# (../shared/bench/gen_content.py). Exits 1 and lists the files that differ.
set -euo pipefail
old=$1 new=$2
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
contents=("$@")
if [ ${#contents[@]} -eq 0 ]; then
  contents=("$root/content" "$root/Tests/Fixtures/handbook")
  python3 "$root/../shared/bench/gen_content.py" 1000 "$work/generated-1000" > /dev/null 2>&1
  contents+=("$work/generated-1000")
fi
status=0
for content in "${contents[@]}"; do
  for side in old new; do
    program=$old
    [ "$side" = new ] && program=$new
    "$program" build --content "$content" --theme "$root/themes/default" --output "$work/$side" > /dev/null
  done
  if diff -r -q "$work/old" "$work/new" > "$work/diff"; then
    echo "same: $content ($(find "$work/new" -type f | wc -l) files)"
  else
    echo "DIFFERENT: $content"
    head -20 "$work/diff"
    status=1
  fi
  rm -rf "$work/old" "$work/new"
done
exit $status

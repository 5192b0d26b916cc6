#!/bin/sh
# Every C++ file of the repository matches .clang-format (issue 23): CI fails on one that does
# not, as a reviewer would. Usage: check_format.sh CLANG_FORMAT SOURCE_DIR. Exit 77 (skipped)
# where clang-format is not installed; .ci/run installs it.
clang_format=$1
root=$2
if [ -z "$clang_format" ] || ! command -v "$clang_format" >/dev/null 2>&1; then
  echo "clang-format is not installed (apt-get install clang-format)" >&2
  exit 77
fi
cd "$root" || exit 1
# The files git tracks; a source tree without git (a release tarball) has them all under these.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  files=$(git ls-files '*.cpp' '*.hpp' '*.h')
else
  files=$(find src include tests bench -name '*.cpp' -o -name '*.hpp' -o -name '*.h')
fi
# shellcheck disable=SC2086 # one word per file: no path in the tree has a space
"$clang_format" --dry-run --Werror $files

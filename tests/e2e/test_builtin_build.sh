#!/usr/bin/env bash
# The built-in checklists are validated and compiled when llmchecklist is built
# (src/tools/compile_builtins.cpp): a broken one must stop the build, saying where.
. "$(dirname "$0")/lib.sh"
: "${COMPILE_BUILTINS_BIN:?set COMPILE_BUILTINS_BIN to llmchecklist-compile-builtins}"

# The definitions the build embeds: checklists/*.toml and checklists/released/*.toml.
shipped() { find "$1" -name '*.toml' | LC_ALL=C sort; }

test_the_shipped_checklists_compile() {
  # shellcheck disable=SC2046 # paths without spaces, one per word
  "$COMPILE_BUILTINS_BIN" out.cpp $(shipped "$SOURCE_DIR/checklists")
  assert_file_contains out.cpp "k_builtin_compiled[]"
  assert_file_contains out.cpp '{"llm-deployment", "2026.1",'
  assert_match 'k_build_fingerprint = "[0-9a-f]{32}"' "$(cat out.cpp)"
  # The same input gives the same bytes, wherever the checkout is.
  cp -r "$SOURCE_DIR/checklists" copy
  # shellcheck disable=SC2046
  "$COMPILE_BUILTINS_BIN" again.cpp $(shipped copy)
  assert_same_bytes out.cpp again.cpp
}

test_a_broken_checklist_stops_the_build_with_its_location() {
  local fixture
  for fixture in syntax-error duplicate-id short-details missing-done-when; do
    cp "$FIXTURES/lint/$fixture.toml" "$fixture.toml"
    status=0
    "$COMPILE_BUILTINS_BIN" out.cpp "$fixture.toml" 2>err || status=$?
    assert_eq 1 "$status" "exit status for $fixture"
    assert_match "^$fixture\\.toml:[0-9]+:[0-9]+: error: " "$(cat err)"
    assert_contains "$(cat err)" "the build stops here"
    assert_no_file out.cpp
  done
}

test_it_needs_an_output_and_a_checklist() {
  status=0
  "$COMPILE_BUILTINS_BIN" out.cpp 2>err || status=$?
  assert_eq 2 "$status"
  assert_contains "$(cat err)" "usage:"
}

run_tests "$@"

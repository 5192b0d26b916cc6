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
  assert_file_contains out.cpp '{"llm-deployment", "2026.2",'
  assert_file_contains out.cpp '{"llm-agents", "2027.1",'
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

# A small built-in checklist NAME at VERSION, extending EXTENDS when given.
builtin_file() { # path name version [extends]
  {
    printf '[checklist]\nid = "%s"\ntitle = "T"\nversion = "%s"\n' "$2" "$3"
    [ -z "${4:-}" ] || printf 'extends = "%s"\n' "$4"
    printf '\n[[phases]]\nid = "p-%s"\ntitle = "P"\n\n[[phases.items]]\nid = "i-%s-%s"\n' "$2" "$2" "${3//./-}"
    printf 'title = "Do it"\ndone_when = "The evidence that it is done exists"\nlinks = ["https://example.org/a"]\n'
    printf 'details = """\n%s\n"""\n' "$(printf 'word %.0s' $(seq 90))"
  } >"$1"
}

test_a_built_in_checklist_may_extend_another_built_in_given_beside_it() {
  mkdir -p released
  builtin_file released/base@1.toml base 1
  builtin_file base.toml base 2
  builtin_file pinned.toml pinned 1 "builtin:base@1"
  builtin_file latest.toml latest 1 "builtin:base"
  "$COMPILE_BUILTINS_BIN" out.cpp pinned.toml latest.toml base.toml released/base@1.toml
  assert_eq 0 "$?"
  assert_file_contains out.cpp '{"pinned", "1",'
  assert_file_contains out.cpp '{"latest", "1",'
}

test_extending_a_built_in_the_build_was_not_given_stops_it_at_the_extends() {
  builtin_file child.toml child 1 "builtin:base@7"
  builtin_file base.toml base 1
  status=0
  "$COMPILE_BUILTINS_BIN" out.cpp child.toml base.toml 2>err || status=$?
  assert_eq 1 "$status"
  assert_contains "$(cat err)" "child.toml:5:11: error: no built-in checklist file gives builtin:base@7"
  assert_no_file out.cpp
}

test_built_ins_that_extend_each_other_stop_the_build_naming_the_cycle() {
  builtin_file a.toml a 1 "builtin:b"
  builtin_file b.toml b 1 "builtin:a"
  status=0
  "$COMPILE_BUILTINS_BIN" out.cpp a.toml b.toml 2>err || status=$?
  assert_eq 1 "$status"
  assert_contains "$(cat err)" "'extends' makes a cycle"
  assert_no_file out.cpp
}

test_it_needs_an_output_and_a_checklist() {
  status=0
  "$COMPILE_BUILTINS_BIN" out.cpp 2>err || status=$?
  assert_eq 2 "$status"
  assert_contains "$(cat err)" "usage:"
}

run_tests "$@"

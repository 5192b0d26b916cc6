#!/usr/bin/env bash
# llmchecklist init: create the state file explicitly, naming its checklist.
. "$(dirname "$0")/lib.sh"

test_init_creates_a_todo_state_file_for_the_built_in_checklist() {
  git_repo
  lc init
  assert_status 0
  assert_contains "$out" ".llmchecklist"
  assert_contains "$out" "40 items"
  [ -f .llmchecklist ] || fail "no .llmchecklist"
  assert_eq 'format = 1
checklist = "builtin:llm-deployment@2027.1"' "$(grep -v '^#' .llmchecklist | head -2)"
  assert_eq 40 "$(grep -c '^\[items\.' .llmchecklist)" "item tables"
  assert_eq 40 "$(grep -c '^status = "todo"$' .llmchecklist)" "todo entries"
}

test_init_gives_the_same_bytes_as_a_check_and_uncheck() {
  mkdir a b
  (cd a && git_repo && lc_ok init)
  (cd b && git_repo && lc_ok check 1 && lc_ok uncheck 1)
  assert_same_bytes a/.llmchecklist b/.llmchecklist
}

test_init_in_a_subdirectory_of_a_git_repository_writes_at_the_top() {
  git_repo
  mkdir -p x/y
  cd x/y
  lc init
  assert_status 0
  assert_no_file .llmchecklist
  [ -f ../../.llmchecklist ] || fail "no .llmchecklist at the top"
}

test_init_outside_git_writes_in_the_current_directory() {
  mkdir here
  cd here
  lc init
  assert_status 0
  [ -f .llmchecklist ] || fail "no .llmchecklist here"
  assert_no_file ../.llmchecklist
}

test_init_refuses_to_overwrite_without_force() {
  git_repo
  lc_ok init
  lc_ok check 3 --note "kept"
  cp .llmchecklist before
  lc init
  assert_status 2
  assert_contains "$err" "--force"
  assert_same_bytes before .llmchecklist
  cp "$FIXTURES/checklists/small.toml" .
  lc init --checklist small.toml
  assert_status 2
  assert_same_bytes before .llmchecklist
}

test_init_force_reinitialises_keeping_recorded_entries() {
  git_repo
  lc_ok check 3 --note "kept"
  cp .llmchecklist before
  lc init --force
  assert_status 0
  assert_same_bytes before .llmchecklist
}

test_init_force_with_another_checklist_keeps_recorded_entries_as_orphans() {
  git_repo
  lc_ok check 3 --note "kept"
  cp "$FIXTURES/checklists/small.toml" .
  lc init --force --checklist small.toml
  assert_status 0
  assert_contains "$(cat .llmchecklist)" 'checklist = "small.toml"'
  assert_contains "$(cat .llmchecklist)" '[items.context-length]
status = "done"
revision = 1
by = "Ada Lovelace <ada@example.org>"
at = 2026-11-28T12:00:00Z
note = "kept"'
  lc list --json
  # What was recorded is kept and reported; the old checklist's never-checked todo entries
  # record nothing and are not carried over.
  assert_eq '["context-length"]' "$(json '.orphaned | tostring')" "orphaned entries"
  assert_eq "5 0" "$(json '"\(.total) \(.done)"')"
}

test_init_stores_a_custom_checklist_path_relative_to_the_state_file() {
  mkdir proj
  cd proj
  git_repo
  mkdir -p docs/lists sub
  cp "$FIXTURES/checklists/small.toml" docs/lists/ours.toml
  cd sub
  lc init --checklist ../docs/lists/ours.toml
  assert_status 0
  assert_contains "$out" "5 items"
  cd ..
  assert_contains "$(cat .llmchecklist)" 'checklist = "docs/lists/ours.toml"'
  assert_eq 5 "$(grep -c '^\[items\.' .llmchecklist)" "item tables"
  # The repository can move: nothing absolute is stored.
  assert_not_contains "$(cat .llmchecklist)" "$PWD"
  cd ..
  mv proj moved
  cd moved/sub
  lc list --json
  assert_status 0
  assert_eq small "$(json .checklist.id)"
}

test_init_accepts_an_explicit_built_in_reference() {
  git_repo
  lc init --checklist builtin:llm-deployment
  assert_status 0
  assert_contains "$(cat .llmchecklist)" 'checklist = "builtin:llm-deployment@2027.1"'
}

test_init_with_an_unknown_built_in_is_an_error_that_writes_nothing() {
  git_repo
  lc init --checklist builtin:nope
  [ "$status" -ne 0 ] || fail "init accepted builtin:nope"
  assert_contains "$err" "nope"
  assert_no_file .llmchecklist
}

test_init_with_a_missing_checklist_file_is_an_io_error_that_writes_nothing() {
  git_repo
  lc init --checklist no-such.toml
  assert_status 4
  assert_no_file .llmchecklist
  assert_no_file .llmchecklist.lock
}

test_init_with_an_invalid_checklist_is_a_data_error_that_writes_nothing() {
  git_repo
  cp "$FIXTURES/lint/schema-error.toml" .
  lc init --checklist schema-error.toml
  assert_status 3
  assert_contains "$err" "schema-error.toml:18:12: error:"
  assert_no_file .llmchecklist
}

test_init_file_option_chooses_the_path() {
  git_repo
  lc --file states/progress.toml init
  assert_status 4
  mkdir states
  lc --file states/progress.toml init
  assert_status 0
  [ -f states/progress.toml ] || fail "states/progress.toml not written"
  assert_no_file .llmchecklist
}

test_init_then_check_uses_the_custom_checklist() {
  git_repo
  use_checklist small.toml
  lc check gamma
  assert_status 0
  assert_contains "$out" "checked 4 gamma"
  lc list --json
  assert_eq "small 1" "$(json '"\(.checklist.id) \(.done)"')"
}

run_tests "$@"

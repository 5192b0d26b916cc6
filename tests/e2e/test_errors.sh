#!/usr/bin/env bash
# Exit codes and error messages: 0 ok, 1 gate failed, 2 usage, 3 data, 4 I/O. On every error
# nothing is written.
. "$(dirname "$0")/lib.sh"

# Writes $1 as the state file, runs a writing command on it, and asserts a data error at
# "$PWD/.llmchecklist:$2: error:" (LINE:COL) whose message contains $3, with the file unchanged.
expect_state_error() { # content line:col message
  printf '%s' "$1" >.llmchecklist
  cp .llmchecklist before
  local args
  for args in "list" "check 2" "uncheck 1" "progress" "export -o out.md" "show 1"; do
    # shellcheck disable=SC2086
    lc $args
    assert_status 3
    assert_contains "$err" "$PWD/.llmchecklist:$2: error: " "stderr of '$args'"
    assert_contains "$err" "$3" "stderr of '$args'"
    assert_same_bytes before .llmchecklist
    assert_no_file out.md
  done
  assert_eq "./.llmchecklist
./before" "$(tree_listing)" "files"
}

state_head='format = 1
checklist = "builtin:llm-deployment"
'

# --- 2: usage errors ---

test_an_unknown_option_is_a_usage_error() {
  lc list --bogus
  assert_status 2
  assert_contains "$err" "--bogus"
  lc --bogus list
  assert_status 2
  lc check 3 --not-an-option
  assert_status 2
  assert_eq "" "$(tree_listing)"
}

test_a_bad_option_value_is_a_usage_error() {
  lc --color sometimes list
  assert_status 2
  lc export --format docx
  assert_status 2
  lc progress --min high
  assert_status 2
}

test_an_unknown_command_is_a_usage_error_with_did_you_mean() {
  lc lsit
  assert_status 2
  assert_contains "$err" "lsit"
  assert_contains "$err" "did you mean 'list'"
  lc progres
  assert_status 2
  assert_contains "$err" "did you mean 'progress'"
  lc chekc 3
  assert_status 2
  assert_contains "$err" "did you mean 'check'"
  assert_no_file .llmchecklist
}

test_an_unknown_command_far_from_any_is_a_usage_error_pointing_at_help() {
  lc frobnicate
  assert_status 2
  assert_contains "$err" "frobnicate"
  assert_contains "$err" "--help"
}

test_an_unknown_command_after_a_global_option_with_a_value_names_the_command() {
  # Regression: the first word not starting with '-' was taken for the command, even when it
  # was the value of --file or -C.
  mkdir sub
  lc --file sub/state lsit
  assert_status 2
  assert_contains "$err" "did you mean 'list'"
  assert_not_contains "$err" "'sub/state'"
  lc -C sub lsit
  assert_status 2
  assert_contains "$err" "did you mean 'list'"
}

test_no_command_is_a_usage_error_that_prints_the_usage() {
  lc
  assert_status 2
  assert_contains "$out$err" "Usage"
}

test_an_unknown_or_ambiguous_item_is_a_usage_error() {
  git_repo
  lc check no-such-item
  assert_status 2
  lc uncheck co
  assert_status 2
  lc show 99
  assert_status 2
  assert_no_file .llmchecklist
}

# --- 1: gates ---

test_a_failed_gate_exits_1_and_a_passed_one_exits_0() {
  git_repo
  lc progress --min 1
  assert_status 1
  lc progress --all-required
  assert_status 1
  lc progress --min 0
  assert_status 0
}

# --- 3: data errors in the state file, with line and column ---
# One case runs every command; the readers' unit tests (tests/unit/test_state_reader.cpp,
# test_checklist.cpp) cover every kind of problem and its line and column.

test_an_unknown_key_in_an_entry_is_a_data_error_at_the_key() {
  expect_state_error "${state_head}
[items.quality-bar]
status = \"done\"
  colour = \"red\"
" "6:3" "unknown key 'colour'"
}

test_a_state_file_naming_an_unknown_built_in_checklist_is_a_data_error() {
  # The state file is what is wrong here, not the command line: exit 3 at the value.
  expect_state_error 'format = 1
checklist = "builtin:no-such-list"
' "2:13" "no-such-list"
}

# --- 3: data errors in a custom checklist ---

# Points the state file at fixture $1 (copied here) and asserts a data error at
# "$PWD/$1:$2: error:" containing $3, for reading and writing commands, with nothing written.
expect_checklist_error() { # fixture line:col message
  cp "$FIXTURES/checklists/$1" .
  printf 'format = 1\nchecklist = "%s"\n' "$1" >.llmchecklist
  cp .llmchecklist before
  local args
  for args in "list" "check 1" "progress"; do
    # shellcheck disable=SC2086
    lc $args
    assert_status 3
    assert_contains "$err" "$PWD/$1:$2: error: $3" "stderr of '$args'"
    assert_same_bytes before .llmchecklist
  done
  # init refuses it too, before writing anything.
  rm .llmchecklist before
  lc init --checklist "$1"
  assert_status 3
  assert_contains "$err" "$1:$2: error: $3"
  assert_no_file .llmchecklist
}

test_a_custom_checklist_with_a_duplicate_id_is_a_data_error_at_the_second_id() {
  expect_checklist_error e2e-duplicate-id.toml 20:6 "duplicate item id 'alpha'"
}

test_a_data_error_shows_the_source_line_and_a_caret_under_the_column() {
  printf '%s\n[items.quality-bar]\nstatus = "finished"\n' "$state_head" >.llmchecklist
  lc list
  assert_status 3
  assert_eq "$PWD/.llmchecklist:5:10: error: status must be \"todo\", \"done\" or \"na\", got \"finished\"
status = \"finished\"
         ^" "$err"
}

# --- 4: I/O errors ---

test_a_state_file_path_that_is_a_directory_is_an_io_error() {
  mkdir state.d
  lc --file state.d list
  assert_status 4
  lc --file state.d check 3
  assert_status 4
  assert_eq "./state.d" "$(tree_listing)"
}

test_a_missing_checklist_file_is_an_io_error_that_writes_nothing() {
  printf 'format = 1\nchecklist = "missing.toml"\n' >.llmchecklist
  cp .llmchecklist before
  lc check 1
  assert_status 4
  assert_contains "$err" "missing.toml"
  assert_same_bytes before .llmchecklist
}

test_lint_of_a_missing_file_is_an_io_error() {
  lc lint no-such-checklist.toml
  assert_status 4
  assert_contains "$err" "no-such-checklist.toml"
}

test_a_held_lock_makes_check_wait_and_then_fail_with_an_io_error() {
  command -v flock >/dev/null || skip "no flock(1)"
  git_repo
  lc_ok check 1
  cp .llmchecklist before
  # This shell holds the lock, as another llmchecklist process would.
  exec 9>.llmchecklist.lock
  flock 9
  lc check 2
  exec 9>&-
  assert_status 4
  assert_contains "$err" "lock"
  assert_same_bytes before .llmchecklist
}

test_the_caret_lines_up_under_the_column_when_the_line_has_tabs() {
  printf 'format = 1\n[items.quality-bar]\n\tstatus = "finished"\n' >.llmchecklist
  lc list
  assert_status 3
  assert_contains "$err" ".llmchecklist:3:11: error:"
  # Line 3 shown with its tab as a space, the caret under the value's opening quote.
  assert_contains "$err" $' status = "finished"\n          ^'
}

run_tests "$@"

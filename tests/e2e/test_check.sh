#!/usr/bin/env bash
# llmchecklist check and uncheck: recording done, n/a and todo, and where the state file lives.
. "$(dirname "$0")/lib.sh"

# The status of item $1 (a number) in the state the tool reads from here.
status_of() {
  lc list --json
  json ".phases[].items[] | select(.number == $1) | .status"
}

# The lines of the [items.$1] table in file $2, up to the next blank line.
entry_of() { # id file
  awk -v header="[items.$1]" '$0 == header {on = 1} on && /^$/ {exit} on' "$2"
}

test_check_marks_several_items_done_at_once() {
  git_repo
  lc check 2 4 cost-controls
  assert_status 0
  assert_contains "$out" "checked 2 cost-at-scale"
  assert_contains "$out" "checked 4 structured-output"
  assert_contains "$out" "checked 27 cost-controls"
  lc list --json
  assert_eq "2 4 27" "$(json '[.phases[].items[] | select(.status == "done") | .number | tostring] | join(" ")')"
}

test_check_note_is_recorded_with_the_checker_and_the_time() {
  git_repo
  lc_ok check 3 4 --note "docs/model-choice.md"
  assert_eq '[items.context-length]
status = "done"
revision = 1
by = "Ada Lovelace <ada@example.org>"
at = 2026-11-28T12:00:00Z
note = "docs/model-choice.md"' "$(entry_of context-length .llmchecklist)"
  assert_contains "$(entry_of structured-output .llmchecklist)" 'note = "docs/model-choice.md"'
}

test_check_na_records_not_applicable_with_the_reason() {
  git_repo
  lc check fine-tune-break-even --na "prompting meets the bar; no fine-tuning"
  assert_status 0
  assert_eq '[items.fine-tune-break-even]
status = "na"
revision = 1
by = "Ada Lovelace <ada@example.org>"
at = 2026-11-28T12:00:00Z
note = "prompting meets the bar; no fine-tuning"' "$(entry_of fine-tune-break-even .llmchecklist)"
  assert_eq na "$(status_of 10)"
}

test_check_na_without_a_reason_is_a_usage_error_that_writes_nothing() {
  git_repo
  lc check 7 --na ""
  assert_status 2
  assert_contains "$err" "reason"
  assert_no_file .llmchecklist
  lc check 7 --na
  assert_status 2
  assert_no_file .llmchecklist
  lc_ok check 3
  cp .llmchecklist before
  lc check 8 --na ""
  assert_status 2
  assert_same_bytes before .llmchecklist
}

test_check_na_and_note_together_are_a_usage_error() {
  git_repo
  lc check 7 --na "reason" --note "note"
  assert_status 2
  assert_no_file .llmchecklist
}

test_check_a_note_must_be_one_line() {
  git_repo
  lc check 3 --note "line one
line two"
  assert_status 2
  assert_no_file .llmchecklist
  lc check 3 --na "reason
with a second line"
  assert_status 2
  assert_no_file .llmchecklist
}

test_check_phase_marks_every_item_of_the_phase() {
  git_repo
  lc check --phase evaluation
  assert_status 0
  lc list --json
  assert_eq "11 12 13 14 15 16 17" "$(json '[.phases[].items[] | select(.status == "done") | .number | tostring] | join(" ")')"
  lc_ok check --phase 2 --na "no fine-tuning"
  lc list --json
  assert_eq "5 5" "$(json '.phases[1] | "\(.na) \(.total)"')"
  assert_eq "no fine-tuning" "$(json '.phases[1].items[2].note')"
}

test_check_phase_and_items_together_mark_the_union() {
  git_repo
  lc_ok check 1 10 --phase compliance
  lc list --json
  assert_eq "1 10 34 35 36 37 38 39 40" \
    "$(json '[.phases[].items[] | select(.status == "done") | .number | tostring] | join(" ")')"
}

test_check_an_unknown_phase_is_a_usage_error() {
  git_repo
  lc check --phase nope
  assert_status 2
  assert_no_file .llmchecklist
}

test_check_needs_an_item_or_a_phase() {
  git_repo
  lc check
  assert_status 2
  assert_no_file .llmchecklist
  lc uncheck
  assert_status 2
}

test_check_with_one_unknown_item_among_good_ones_writes_nothing() {
  git_repo
  lc check 3 no-such-item 5
  assert_status 2
  assert_contains "$err" "no-such-item"
  assert_no_file .llmchecklist
  lc_ok check 1
  cp .llmchecklist before
  lc check 2 99
  assert_status 2
  lc check 2 co
  assert_status 2
  assert_same_bytes before .llmchecklist
  assert_no_file .llmchecklist.lock
}

test_recheck_updates_by_at_and_note() {
  git_repo
  lc_ok check 3 --note "first draft"
  git config user.name "Grace Hopper"
  git config user.email "grace@example.org"
  LLMCHECKLIST_NOW=2026-12-01T09:30:00Z lc check 3 --note "reviewed version"
  assert_status 0
  assert_eq '[items.context-length]
status = "done"
revision = 1
by = "Grace Hopper <grace@example.org>"
at = 2026-12-01T09:30:00Z
note = "reviewed version"' "$(entry_of context-length .llmchecklist)"
}

test_check_turns_na_into_done_dropping_the_reason() {
  git_repo
  lc_ok check 3 --na "not relevant"
  lc_ok check 3
  assert_eq '[items.context-length]
status = "done"
revision = 1
by = "Ada Lovelace <ada@example.org>"
at = 2026-11-28T12:00:00Z' "$(entry_of context-length .llmchecklist)"
}

test_uncheck_returns_items_to_todo_without_by_at_or_note() {
  git_repo
  lc_ok check 2 4 --note "evidence"
  lc_ok check 6 --na "reason"
  lc uncheck 2 fine-tuning-baseline
  assert_status 0
  assert_contains "$out" "unchecked 2 cost-at-scale"
  assert_contains "$out" "unchecked 6 fine-tuning-baseline"
  assert_eq '[items.cost-at-scale]
status = "todo"' "$(entry_of cost-at-scale .llmchecklist)"
  assert_eq '[items.fine-tuning-baseline]
status = "todo"' "$(entry_of fine-tuning-baseline .llmchecklist)"
  assert_eq done "$(status_of 4)"
}

test_uncheck_phase_returns_every_item_of_the_phase_to_todo() {
  git_repo
  lc_ok check --phase 1
  lc_ok check 10
  lc uncheck --phase model-selection
  assert_status 0
  lc list --json
  assert_eq "10" "$(json '[.phases[].items[] | select(.status != "todo") | .number | tostring] | join(" ")')"
}

test_check_records_the_item_revision() {
  git_repo
  use_checklist small.toml
  lc_ok check alpha beta
  assert_contains "$(entry_of alpha .llmchecklist)" "revision = 1"
  assert_contains "$(entry_of beta .llmchecklist)" "revision = 2"
}

test_check_in_a_subdirectory_of_a_git_repository_writes_at_the_top() {
  git_repo
  mkdir -p src/deep/er
  cd src/deep/er
  lc check 3
  assert_status 0
  assert_no_file .llmchecklist
  assert_no_file ../.llmchecklist
  [ -f ../../../.llmchecklist ] || fail "no .llmchecklist at the top of the work tree"
  # A later command from another subdirectory finds the same file.
  cd ../..
  lc_ok check 4
  lc list --json
  assert_eq 2 "$(json .done)"
}

test_check_outside_git_writes_in_the_current_directory() {
  mkdir -p here
  cd here
  lc check 3
  assert_status 0
  [ -f .llmchecklist ] || fail "no .llmchecklist in the current directory"
  assert_no_file ../.llmchecklist
}

test_check_outside_git_records_the_login_name() {
  lc_ok check 2
  local entry
  entry=$(entry_of cost-at-scale .llmchecklist)
  assert_contains "$entry" "by = \"$(id -un)\""
}

test_check_finds_the_state_file_by_walking_up() {
  lc_ok check 1
  mkdir -p a/b/c
  cd a/b/c
  lc check 2
  assert_status 0
  assert_no_file .llmchecklist
  cd ../../..
  assert_eq "" "$(find a -name .llmchecklist)" "state files below"
  lc list --json
  assert_eq 2 "$(json .done)"
}

test_check_walking_up_stops_at_the_nearest_state_file() {
  git_repo
  lc_ok check 1
  mkdir sub
  printf 'format = 1\nchecklist = "builtin:llm-deployment"\n' >sub/.llmchecklist
  cd sub
  lc_ok check 2
  lc list --json
  assert_eq "2" "$(json '[.phases[].items[] | select(.status == "done") | .number | tostring] | join(" ")')"
  cd ..
  lc list --json
  assert_eq "1" "$(json '[.phases[].items[] | select(.status == "done") | .number | tostring] | join(" ")')"
}

test_check_file_option_names_the_state_file() {
  git_repo
  mkdir sub
  lc check --file sub/progress.toml 3
  assert_status 0
  [ -f sub/progress.toml ] || fail "sub/progress.toml not written"
  assert_no_file .llmchecklist
  lc --file sub/progress.toml list --json
  assert_eq 1 "$(json .done)"
  lc list --json
  assert_eq 0 "$(json .done)" "the default state is untouched"
}

test_check_llmchecklist_file_variable_names_the_state_file() {
  git_repo
  LLMCHECKLIST_FILE="$PWD/env.state" lc check 3
  assert_status 0
  [ -f env.state ] || fail "env.state not written"
  assert_no_file .llmchecklist
  LLMCHECKLIST_FILE=env.state lc list --json
  assert_eq 1 "$(json .done)"
}

test_check_file_option_wins_over_the_variable() {
  LLMCHECKLIST_FILE=env.state lc check --file opt.state 3
  assert_status 0
  [ -f opt.state ] || fail "opt.state not written"
  assert_no_file env.state
}

test_check_dash_c_runs_as_if_started_in_the_directory() {
  mkdir -p repo/sub other
  (cd repo && git_repo)
  lc -C repo/sub check 3
  assert_status 0
  [ -f repo/.llmchecklist ] || fail "no state at the top of repo"
  assert_no_file .llmchecklist
  lc -C repo list --json
  assert_eq 1 "$(json .done)"
  # --file is relative to the -C directory, as with git.
  lc -C other check --file mine.state 4
  assert_status 0
  [ -f other/mine.state ] || fail "other/mine.state not written"
}

test_check_dash_c_to_a_missing_directory_is_an_io_error() {
  lc -C does-not-exist check 3
  assert_status 4
  assert_eq "" "$(tree_listing)" "files"
}

test_check_into_a_missing_directory_is_an_io_error_that_writes_nothing() {
  lc check --file no/such/dir/state 3
  assert_status 4
  assert_contains "$err" "no/such/dir"
  assert_eq "" "$(tree_listing)" "files"
}

test_check_prints_nothing_with_quiet() {
  git_repo
  lc -q check 3
  assert_status 0
  assert_eq "" "$out"
  assert_eq done "$(status_of 3)"
}

test_check_leaves_no_lock_or_temporary_file_behind() {
  git_repo
  lc_ok check 3
  lc_ok uncheck 3
  assert_eq "./.llmchecklist" "$(tree_listing)" "files"
}

test_check_run_concurrently_loses_no_update() {
  git_repo
  lc_ok init
  local n pids=""
  for n in $(seq 1 12); do
    "$LLMCHECKLIST_BIN" -q check "$n" --note "parallel $n" 2>>errors.log &
    pids="$pids $!"
  done
  for n in $pids; do
    wait "$n" || fail "a parallel check failed: $(cat errors.log)"
  done
  lc list --json
  assert_eq "$(seq 1 12 | xargs)" "$(json '[.phases[].items[] | select(.status == "done") | .number | tostring] | join(" ")')"
  assert_eq "parallel 7" "$(json '.phases[].items[] | select(.number == 7) | .note')"
  assert_eq "./.gitignore
./.llmchecklist
./errors.log" "$(tree_listing)" "files"
}

test_check_na_with_a_blank_reason_is_refused_and_writes_nothing() {
  git_repo
  lc check 3 --na "   "
  assert_status 2
  assert_contains "$err" "--na needs a reason"
  assert_no_file .llmchecklist
}

run_tests "$@"

#!/usr/bin/env bash
# The command line itself: --help everywhere, --version, --color and NO_COLOR.
. "$(dirname "$0")/lib.sh"

commands="list show check uncheck progress export init lint"

test_help_on_the_main_command_exits_0_and_lists_every_subcommand() {
  lc --help
  assert_status 0
  assert_contains "$out" "Usage"
  local command
  for command in $commands; do
    assert_match "^  $command " "$out" "subcommand $command in --help"
  done
  lc -h
  assert_status 0
}

test_help_on_every_subcommand_exits_0_and_writes_nothing() {
  local command
  for command in $commands; do
    lc "$command" --help
    assert_status 0
    assert_contains "$out" "Usage: llmchecklist $command"
    lc "$command" -h
    assert_status 0
  done
  assert_eq "" "$(tree_listing)" "files"
}

test_help_of_each_subcommand_lists_its_options() {
  lc check --help
  assert_contains "$out" "--note"
  assert_contains "$out" "--na"
  assert_contains "$out" "--phase"
  lc progress --help
  assert_contains "$out" "--min"
  assert_contains "$out" "--all-required"
  lc export --help
  assert_contains "$out" "--format"
  assert_contains "$out" "--output"
  lc init --help
  assert_contains "$out" "--checklist"
  assert_contains "$out" "--force"
  lc lint --help
  assert_contains "$out" "--min-words"
  lc --help
  assert_contains "$out" "--file"
  assert_contains "$out" "-C"
  assert_contains "$out" "--color"
  assert_contains "$out" "--version"
}

test_version_prints_the_project_version() {
  lc --version
  assert_status 0
  local version
  version=$(sed -nE 's/^ *VERSION +([0-9]+\.[0-9]+\.[0-9]+).*/\1/p' "$TESTS_DIR/../CMakeLists.txt" | head -1)
  [ -n "$version" ] || fail "no VERSION in CMakeLists.txt"
  assert_match "^llmchecklist $version( |$)" "$out"
  assert_eq "" "$err" "stderr"
}

test_color_always_paints_and_never_does_not() {
  git_repo
  lc_ok check 1
  lc --color always list
  assert_status 0
  assert_contains "$out" $'\e['
  lc --color never list
  assert_status 0
  assert_not_contains "$out" $'\e['
  # Not a terminal: auto means no colour.
  lc list
  assert_not_contains "$out" $'\e['
}

test_color_auto_paints_on_a_terminal_unless_no_color_is_set() {
  command -v script >/dev/null || skip "no script(1)"
  script -qec "'$LLMCHECKLIST_BIN' list" /dev/null >tty.txt
  grep -q $'\e\\[' tty.txt || fail "no colour on a terminal: $(head -3 tty.txt)"
  NO_COLOR=1 script -qec "'$LLMCHECKLIST_BIN' list" /dev/null >tty-no-color.txt
  ! grep -q $'\e\\[' tty-no-color.txt || fail "colour despite NO_COLOR"
  grep -q "LLM Deployment Checklist" tty-no-color.txt || fail "no output: $(head -3 tty-no-color.txt)"
}

test_global_options_work_after_the_subcommand_too() {
  mkdir sub
  lc check 3 --file sub/state.toml
  assert_status 0
  [ -f sub/state.toml ] || fail "--file after the subcommand was ignored"
  lc list --color always
  assert_status 0
  assert_contains "$out" $'\e['
}

# A state with many kinds of row: done, n/a, verify commands passing and failing.
varied_state() {
  git_repo
  lc_ok check 1 2 3 -q
  lc_ok check 5 --na "We call no tool and parse no structured output in this product" -q
  lc_ok verify 4 --set true -q
  lc_ok verify 1 --set false -q
  lc verify --update -q
}

# No line of $screen is longer than $1 and the terminal wrapped none.
test_output_fits_terminals_of_80_and_40_columns() {
  require_tmux
  varied_state
  local width cmd
  for width in 80 40; do
    for cmd in "list" "progress" "progress --phase 1" "show 1" "show 5" "show 4" "verify --dry-run" \
      "verify" "check 3" "uncheck 3" "upgrade --dry-run"; do
      tmux_screen "$width" 120 "cd '$PWD' && '$LLMCHECKLIST_BIN' $cmd 2>&1"
      assert_fits "$width" "$cmd at $width columns"
      assert_not_contains "$screen" "error:" "$cmd at $width columns"
    done
  done
  # The rows say what they should at 40 columns too.
  tmux_screen 40 120 "cd '$PWD' && '$LLMCHECKLIST_BIN' list"
  assert_match '^  \[x\]  1  quality-bar +.*' "$screen"
  tmux_screen 40 120 "cd '$PWD' && '$LLMCHECKLIST_BIN' progress"
  assert_match '^Overall .* [0-9]+ %  [0-9]+/[0-9]+$' "$screen"
}

test_error_messages_wrap_to_the_terminal_with_a_hanging_indent() {
  require_tmux
  git_repo
  local cmd
  for cmd in "show no-such-item-anywhere-in-this-checklist" "check 1 --na ''" \
    "uncheck --phase no-such-phase" "progress --since no-such-revision-in-this-repository" \
    "fleet /no/such/repository/anywhere/on/this/machine"; do
    tmux_screen 40 60 "cd '$PWD' && '$LLMCHECKLIST_BIN' $cmd 2>&1 >/dev/null"
    assert_contains "$screen" "error:" "$cmd"
    assert_fits 40 "$cmd at 40 columns"
  done
  # Continuation lines are indented under the first.
  tmux_screen 40 60 "cd '$PWD' && '$LLMCHECKLIST_BIN' show no-such-item-anywhere-in-this-checklist 2>&1"
  assert_match '^    [^ ]' "$screen"
}

test_output_that_is_not_a_terminal_fits_80_columns() {
  varied_state
  local cmd longest
  for cmd in "list" "progress" "show 1" "show 5"; do
    # shellcheck disable=SC2086
    lc $cmd
    longest=$(printf '%s\n' "$out" | wc -L)
    [ "$longest" -le 80 ] || fail "$cmd: a line of $longest columns"
  done
}

run_tests "$@"

#!/usr/bin/env bash
# llmchecklist ui: the full-screen interface, driven inside tmux. Every wait polls the screen
# (or the file) with a deadline, never a fixed sleep.
. "$(dirname "$0")/lib.sh"

# A repository whose state has item 1 done.
project() {
  git_repo
  lc_ok check 1 -q
}

test_the_first_screen_shows_header_phases_items_and_keys_at_80x24() {
  project
  ui_start 80 24
  assert_contains "$screen" "LLM Deployment Checklist 2026.2"
  assert_contains "$screen" "2 %  1 done, 0 n/a, 39 todo"
  assert_contains "$screen" "Model Selection"
  assert_match '^  \[x\]  1 Set a measurable quality bar' "$screen"
  assert_match '^  \[ \]  2 Forecast cost per request.* recommended *$' "$screen"
  # The cursor starts on the first phase's header, where Space and Enter fold.
  assert_contains "$screen" "Space/Enter fold"
  # Nothing runs past the right edge, and nothing is written by looking.
  [ "$(printf '%s\n' "$screen" | wc -L)" -le 80 ] || fail "a line wider than 80 columns"
  assert_eq 24 "$(printf '%s\n' "$screen" | wc -l)" "rows"
}

test_the_first_screen_is_usable_at_40x15() {
  project
  ui_start 40 15
  assert_contains "$screen" "LLM Deployment Checklist"
  assert_match '^  \[x\]  1 Set a .* req$' "$screen"
  assert_contains "$screen" "q quit"
  [ "$(printf '%s\n' "$screen" | wc -L)" -le 40 ] || fail "a line wider than 40 columns"
}

test_moving_and_checking_writes_exactly_that_item() {
  project
  cp .llmchecklist before
  ui_start 80 24
  ui_keys j j j Space
  ui_wait_for "checked 3 context-length"
  ui_wait_for "[x]  3 Check that worst-case"
  # One item changed in the file: its status, revision, who and when.
  diff before .llmchecklist | grep '^[<>]' >changed || true
  assert_eq '< status = "todo"
> status = "done"
> revision = 1
> by = "Ada Lovelace <ada@example.org>"
> at = 2026-11-28T12:00:00Z' "$(cat changed)"
  assert_contains "$(cat .llmchecklist)" $'[items.context-length]\nstatus = "done"'
  # Again: unchecked, after a question.
  ui_keys x
  ui_wait_for "uncheck 3 context-length (checked by Ada Lovelace at 12:00 UTC)? y/N"
  ui_keys y
  ui_wait_for "unchecked 3 context-length"
  assert_same_bytes before .llmchecklist
}

test_not_applicable_asks_for_a_reason_and_escape_cancels() {
  project
  cp .llmchecklist before
  ui_start 80 24
  ui_keys j j n
  ui_wait_for "Not applicable because (Esc cancels):"
  ui_keys -l "no costs"
  ui_keys Escape
  ui_wait_for "cancelled: nothing written"
  assert_same_bytes before .llmchecklist
  # An empty reason is refused, as on the command line.
  ui_keys n Enter
  ui_wait_for "needs a reason: nothing written"
  assert_same_bytes before .llmchecklist
  ui_keys n
  ui_wait_for "Not applicable because"
  ui_keys -l "the free tier covers us"
  ui_keys Enter
  ui_wait_for "Until (YYYY-MM-DD, empty: no expiry"
  ui_keys Enter
  ui_wait_for "n/a 2 cost-at-scale"
  assert_contains "$(cat .llmchecklist)" $'[items.cost-at-scale]\nstatus = "na"'
  assert_contains "$(cat .llmchecklist)" 'note = "the free tier covers us"'
  ui_wait_for "[-]  2 Forecast"
}

test_expanding_an_item_shows_its_details_and_done_when() {
  project
  ui_start 100 40
  ui_keys j j Enter
  ui_wait_for "Done when:"
  assert_contains "$screen" "Links:"
  lc show 2 --json
  local first_words
  first_words=$(json '.details' | tr -s ' \n' '  ' | cut -d' ' -f1-4)
  assert_contains "$(printf '%s' "$screen" | tr -s ' \n' '  ')" "$first_words"
  # Folded again.
  ui_keys Left
  ui_wait_for_not "Done when:"
}

test_search_moves_between_matches_and_the_filter_cycles() {
  project
  ui_start 100 30
  ui_keys /
  ui_keys -l "hallucination"
  ui_wait_for "/hallucination"
  ui_keys Enter
  ui_wait_for "n next"
  assert_contains "$screen" "/hallucination  1 of "
  # The filter: done items only, then todo.
  ui_keys Escape f f
  ui_wait_for "showing done items"
  assert_contains "$screen" "[x]  1 Set a measurable"
  assert_not_contains "$screen" "[ ]  2 "
  ui_keys f
  ui_wait_for "showing n/a items"
  ui_wait_for "no n/a items"
}

test_a_mouse_click_on_a_mark_toggles_the_item() {
  project
  ui_start 80 24
  # Row 6 of the screen (1-based, in SGR mouse coordinates) is item 3; its mark is at column 3.
  ui_keys -l $'\e[<0;4;6M'
  ui_keys -l $'\e[<0;4;6m'
  wait_for_file .llmchecklist $'[items.context-length]\nstatus = "done"'
  ui_wait_for "[x]  3 Check that worst-case"
}

test_a_check_made_elsewhere_shows_on_screen() {
  project
  ui_start 80 24
  lc_ok check 4 -q
  ui_wait_for "[x]  4 Confirm the model"
  ui_wait_for "5 %  2 done"
}

test_a_git_checkout_that_changes_the_file_shows_on_screen() {
  project
  git add .llmchecklist && git commit -qm "Check 1"
  ui_start 80 24
  ui_keys j j Space
  ui_wait_for "checked 2 cost-at-scale"
  git checkout -q -- .llmchecklist
  ui_wait_for "[ ]  2 Forecast"
  assert_contains "$screen" "[x]  1 Set a measurable"
}

test_a_state_file_that_turns_invalid_is_reported_and_never_overwritten() {
  project
  ui_start 80 24
  printf 'format = 1\nchecklist = "builtin:llm-deployment@2026.2"\n[items.quality-bar\n' >.llmchecklist
  cp .llmchecklist broken
  ui_wait_for "nothing is written until .llmchecklist is fixed"
  ui_keys j j Space
  ui_wait_for "nothing is written until .llmchecklist is fixed"
  assert_same_bytes broken .llmchecklist
}

test_a_resize_lays_the_screen_out_again() {
  project
  ui_start 80 24
  tmux_ resize-window -x 50 -y 20
  ui_wait_for_not "recommended"
  assert_match '^  \[ \]  2 Forecast.* rec$' "$screen"
  [ "$(printf '%s\n' "$screen" | wc -L)" -le 50 ] || fail "a line wider than 50 columns"
}

test_q_restores_the_terminal_and_exits_0() {
  project
  ui_start 80 24
  ui_keys q
  ui_wait_for "ui exited 0"
  # The interface's screen is gone: the shell's own screen is back, with nothing of ours.
  assert_not_contains "$screen" "Space check"
  assert_not_contains "$screen" "Model Selection"
}

test_ctrl_c_restores_the_terminal() {
  project
  ui_start 80 24
  ui_keys C-c
  ui_wait_for "ui exited 130"
  assert_not_contains "$screen" "Model Selection"
}

test_help_lists_every_key() {
  project
  ui_start 100 40
  ui_keys '?'
  ui_wait_for "Keys of llmchecklist ui"
  local key
  for key in "j, Down" "Space, x" "Enter" "Tab" "PgDn" "/" "E" "q"; do
    assert_contains "$screen" "$key"
  done
  ui_keys q
  ui_wait_for "q quit"
}

test_export_writes_the_report_with_the_rules_of_export_o() {
  project
  ui_start 100 30
  ui_keys E
  ui_wait_for "Export format"
  ui_keys C-u
  ui_keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
  ui_keys -l "csv"
  ui_keys Enter
  ui_wait_for "Export to file"
  ui_keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
  ui_keys -l ".llmchecklist"
  ui_keys Enter
  ui_wait_for "the state file in use"
  ui_keys E
  ui_wait_for "Export format"
  ui_keys Enter
  ui_wait_for "Export to file"
  ui_keys Enter
  ui_wait_for "wrote checklist.md"
  assert_file_contains checklist.md "# LLM Deployment Checklist"
}

test_ui_without_a_terminal_is_a_usage_error_pointing_to_list_and_check() {
  project
  lc ui </dev/null
  assert_status 2
  assert_contains "$err" "ui needs a terminal"
  assert_contains "$err" "llmchecklist list"
  assert_contains "$err" "llmchecklist check"
}

run_tests "$@"

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
  assert_contains "$screen" "LLM Deployment Checklist 2027.1"
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
  ui_wait_for "needs a reason: why the item does not apply"
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

# --- Nothing lost: keys act on what the screen showed ---

test_space_right_after_an_outside_check_keeps_the_check_and_its_note() {
  project
  ui_start 100 30
  ui_keys j j
  ui_wait_for "Space check"
  # Another shell checks item 2, and Space follows at once: whether or not the screen caught up,
  # the check with its who, when and note survives.
  lc_ok check 2 --note "load test #12"
  ui_keys Space
  ui_wait_for "2 cost-at-scale"
  case "$screen" in
  *"was checked by Ada Lovelace at 12:00 UTC; press again to uncheck"*) ;;
  *"uncheck 2 cost-at-scale (checked by Ada Lovelace at 12:00 UTC, note: load test #12)? y/N"*)
    ui_keys n
    ui_wait_for "kept 2 cost-at-scale: nothing written"
    ;;
  *) fail "neither the refusal nor the question: $screen" ;;
  esac
  assert_contains "$(cat .llmchecklist)" $'[items.cost-at-scale]\nstatus = "done"'
  assert_contains "$(cat .llmchecklist)" 'note = "load test #12"'
  ui_wait_for "[x]  2 Forecast"
}

test_space_while_another_writer_checks_the_item_writes_nothing_and_says_who_and_when() {
  project
  lc_ok check 2 --note "load test #12"
  cp .llmchecklist checked
  lc_ok uncheck 2
  ui_start 100 30
  ui_keys j j
  ui_wait_for "Space check"
  # Space on item 2, shown todo, while another writer holds the lock and checks it.
  hold_lock_then_write checked
  ui_keys Space
  ui_wait_for_lock_wait
  touch release
  ui_wait_for "2 cost-at-scale was checked by Ada Lovelace at 12:00 UTC; press again to uncheck"
  assert_same_bytes checked .llmchecklist
  ui_wait_for "[x]  2 Forecast"
  # The next press acts on the status now shown: it asks before unchecking.
  ui_keys Space
  ui_wait_for "uncheck 2 cost-at-scale (checked by Ada Lovelace at 12:00 UTC, note: load test #12)? y/N"
  ui_keys Escape
  ui_wait_for "kept 2 cost-at-scale: nothing written"
  assert_same_bytes checked .llmchecklist
}

test_an_answer_given_after_the_item_changed_elsewhere_writes_nothing() {
  project
  ui_start 100 30
  ui_keys j j n
  ui_wait_for "Not applicable because"
  # While the reason is typed, another shell checks the item.
  lc_ok check 2 --note "measured"
  cp .llmchecklist checked
  ui_keys -l "no costs"
  ui_keys Enter
  ui_wait_for "Until (YYYY-MM-DD"
  ui_keys Enter
  ui_wait_for "2 cost-at-scale was checked by Ada Lovelace at 12:00 UTC; nothing written; press n again"
  assert_same_bytes checked .llmchecklist
  # The question before an uncheck, answered after the note changed elsewhere: nothing written.
  ui_keys Space
  ui_wait_for "uncheck 2 cost-at-scale (checked by Ada Lovelace at 12:00 UTC, note: measured)? y/N"
  lc_ok check 2 --note "measured again"
  cp .llmchecklist checked
  ui_keys y
  ui_wait_for "2 cost-at-scale changed elsewhere (its note); press again to uncheck"
  assert_same_bytes checked .llmchecklist
}

test_twenty_parallel_checks_while_the_interface_is_open_all_land_and_show() {
  project
  ui_start 100 30
  local n pids=""
  for n in $(seq 2 21); do
    "$LLMCHECKLIST_BIN" -q check "$n" --note "parallel $n" 2>>errors.log &
    pids="$pids $!"
  done
  for n in $pids; do
    wait "$n" || fail "a parallel check failed: $(cat errors.log)"
  done
  ui_wait_for "52 %  21 done, 0 n/a, 19 todo"
  lc list --json
  assert_eq "$(seq 1 21 | xargs)" "$(json '[.phases[].items[] | select(.status == "done") | .number | tostring] | join(" ")')"
  assert_eq "parallel 17" "$(json '.phases[].items[] | select(.number == 17) | .note')"
  # The interface writes on top of them, losing none.
  ui_keys G
  ui_keys Space
  ui_wait_for "checked 40 "
  lc list --json
  assert_eq 22 "$(json '[.phases[].items[] | select(.status == "done")] | length')"
}

# --- Undoing a sign-off takes a deliberate step ---

test_space_on_a_checked_item_asks_first_and_only_y_unchecks() {
  project
  lc_ok check 3 --note "fits 128k with the longest contract"
  cp .llmchecklist checked
  ui_start 120 30
  ui_keys j j j Space
  ui_wait_for "uncheck 3 context-length (checked by Ada Lovelace at 12:00 UTC, note: fits 128k with the longest contract)? y/N"
  # Anything but y keeps the record.
  ui_keys n
  ui_wait_for "kept 3 context-length: nothing written"
  assert_same_bytes checked .llmchecklist
  ui_keys x
  ui_wait_for "? y/N"
  ui_keys Enter
  ui_wait_for "kept 3 context-length: nothing written"
  assert_same_bytes checked .llmchecklist
  ui_keys Space
  ui_wait_for "? y/N"
  ui_keys y
  ui_wait_for "unchecked 3 context-length (u undoes it)"
  ui_wait_for "[ ]  3 Check that worst-case"
  # u brings the record back exactly: status, who, when, note, revision.
  ui_keys u
  ui_wait_for "undone: 3 context-length is checked by Ada Lovelace at 12:00 UTC again"
  assert_same_bytes checked .llmchecklist
}

test_space_on_a_not_applicable_item_asks_and_shows_the_reason() {
  project
  lc_ok check 2 --na "the free tier covers us" --until 2027-03-31
  cp .llmchecklist marked
  ui_start 120 30
  ui_keys j j Space
  ui_wait_for "uncheck 2 cost-at-scale (marked n/a by Ada Lovelace at 12:00 UTC, reason: the free tier covers us)? y/N"
  ui_keys q
  ui_wait_for "kept 2 cost-at-scale: nothing written"
  assert_same_bytes marked .llmchecklist
  ui_keys Space
  ui_wait_for "? y/N"
  ui_keys y
  ui_wait_for "unchecked 2 cost-at-scale"
  ui_keys u
  ui_wait_for "undone: 2 cost-at-scale is marked n/a by Ada Lovelace at 12:00 UTC again"
  assert_same_bytes marked .llmchecklist
}

test_u_undoes_this_sessions_changes_one_after_another() {
  project
  cp .llmchecklist before
  ui_start 100 30
  ui_keys u
  ui_wait_for "nothing to undo: no change made in this session"
  ui_keys j j Space
  ui_wait_for "checked 2 cost-at-scale"
  ui_keys j e
  ui_wait_for "Note (Esc cancels):"
  ui_keys -l "128k"
  ui_keys Enter
  ui_wait_for "note of 3 context-length saved"
  ui_keys u
  ui_wait_for "undone: 3 context-length is unchecked again"
  assert_not_contains "$(cat .llmchecklist)" "128k"
  ui_keys u
  ui_wait_for "undone: 2 cost-at-scale is unchecked again"
  assert_same_bytes before .llmchecklist
  ui_keys u
  ui_wait_for "nothing to undo"
}

test_u_does_not_undo_what_changed_elsewhere_since() {
  project
  ui_start 100 30
  ui_keys j j Space
  ui_wait_for "checked 2 cost-at-scale"
  # Another shell re-checks it with a note: the session's change is no longer what the file holds.
  lc_ok check 2 --note "signed off by finance"
  cp .llmchecklist after
  ui_keys u
  ui_wait_for "2 cost-at-scale changed elsewhere (its note); not undone"
  assert_same_bytes after .llmchecklist
}

test_checking_an_item_keeps_the_note_written_before() {
  project
  ui_start 100 30
  ui_keys j j e
  ui_wait_for "Note (Esc cancels):"
  ui_keys -l "see the budget sheet"
  ui_keys Enter
  ui_wait_for "note of 2 cost-at-scale saved"
  ui_keys Space
  ui_wait_for "checked 2 cost-at-scale"
  assert_contains "$(cat .llmchecklist)" $'[items.cost-at-scale]\nstatus = "done"'
  assert_contains "$(cat .llmchecklist)" 'note = "see the budget sheet"'
}

# --- A removed state file ---

test_a_removed_state_file_shows_no_state_file_and_writes_nothing_until_it_is_back() {
  git_repo
  use_checklist small.toml
  lc_ok check alpha -q
  git add small.toml .llmchecklist && git commit -qm "Check alpha"
  ui_start 110 20
  ui_wait_for "Small test checklist"
  rm .llmchecklist
  ui_wait_for "no state file: .llmchecklist was removed; nothing is written until it is back"
  # The last checklist read stays on screen, never the built-in one.
  assert_contains "$screen" "Small test checklist"
  assert_contains "$screen" "[x] 1 Do the alpha thing"
  assert_not_contains "$screen" "LLM Deployment"
  ui_keys j j Space
  ui_wait_for "nothing written: no state file; git checkout -- .llmchecklist (or llmchecklist init) brings it back"
  ui_keys u
  ui_wait_for "nothing to undo"
  # Refused before a question is asked in vain.
  ui_keys n
  ui_wait_for "nothing written: no state file"
  assert_not_contains "$screen" "Not applicable because"
  ui_keys e
  ui_wait_for "nothing written: no state file"
  assert_no_file .llmchecklist
  assert_contains "$screen" "Small test checklist"
  # Back: read again, and keys write again.
  git checkout -q -- .llmchecklist
  ui_wait_for ".llmchecklist is back: read again"
  ui_keys Space
  ui_wait_for "checked 2 alpine"
  assert_contains "$(cat .llmchecklist)" $'[items.alpine]\nstatus = "done"'
}

# --- Messages ---

test_help_scrolls_to_every_key_at_80x24() {
  project
  ui_start 80 24
  ui_keys '?'
  ui_wait_for "Keys of llmchecklist ui"
  assert_contains "$screen" "q, Esc or ? closes"
  # Page down to the end, gathering every screen.
  local seen="$screen" i
  for i in $(seq 1 20); do
    case "$screen" in *"Mouse: a click"*) break ;; esac
    ui_keys PgDn
    ui_wait_for_not "$(printf '%s\n' "$screen" | tail -1)"
    seen="$seen
$screen"
  done
  assert_contains "$screen" "Mouse: a click on a mark checks"
  assert_contains "$screen" "Keys of llmchecklist ui"
  local key
  for key in "j, Down" "k, Up" "PgDn" "PgUp" "g, Home" "G, End" "Space, x" " n " " e " " u " \
    "Enter" "Right" "Left" "Tab" " 1 " " 6 " " / " " N " " f " " E " " ? " " q "; do
    assert_contains "$seen" "$key" "the help screens"
  done
  # Back to the top with g, then closed with q: the list is back.
  ui_keys g
  ui_wait_for "move down"
  ui_keys q
  ui_wait_for "q quit"
  assert_not_contains "$screen" "Keys of llmchecklist ui"
}

test_n_after_a_search_with_no_match_only_says_so() {
  project
  cp .llmchecklist before
  ui_start 100 30
  ui_keys j j /
  ui_keys -l "zebra"
  ui_keys Enter
  ui_wait_for "no item matches 'zebra' (Esc ends the search)"
  ui_keys n
  ui_wait_for "no item matches 'zebra': nothing to move to (Esc ends the search)"
  assert_not_contains "$screen" "Not applicable because"
  ui_keys N
  ui_wait_for "no item matches 'zebra': nothing to move to"
  assert_same_bytes before .llmchecklist
  ui_keys Escape
  ui_wait_for "n n/a"
}

test_a_status_message_keeps_the_line_and_column() {
  project
  ui_start 100 30
  printf 'format = 1\nchecklist = "builtin:llm-deployment@2026.2"\n[items.quality-bar\n' >.llmchecklist
  ui_wait_for "nothing is written until .llmchecklist is fixed: .llmchecklist:3:19: not valid TOML"
  ui_keys j Space
  ui_wait_for ".llmchecklist:3:19: not valid TOML"
}

test_keys_on_a_phase_header_say_what_they_do() {
  project
  ui_start 100 30
  ui_wait_for "Space/Enter fold"
  assert_not_contains "$screen" "n n/a"
  ui_keys n
  ui_wait_for "n: mark the item not applicable: a reason, then an expiry date (or none); move to an item first"
  ui_keys e
  ui_wait_for "e: edit the item's note (one with control characters is offered cleaned); move to an item first"
  ui_keys Space
  ui_wait_for "folded phase 1 Model Selection: Space or Enter unfolds it"
  assert_not_contains "$screen" "[x]  1 Set a measurable"
  # The message goes with the next key (k, on the first row, stays there).
  ui_keys k
  ui_wait_for "Space/Enter unfold"
  ui_keys Space
  ui_wait_for "unfolded phase 1 Model Selection: Space or Enter folds it"
  ui_wait_for "[x]  1 Set a measurable"
  ui_keys j
  ui_wait_for "Space check"
  assert_contains "$screen" "n n/a"
}

test_search_shows_the_term_and_which_match_of_how_many() {
  project
  lc list --json
  local count
  count=$(json '[.phases[].items[] | select(((.title + " " + .details) | ascii_downcase | contains("rollback")) or (.id | contains("rollback")))] | length')
  [ "$count" -ge 2 ] || fail "the test needs two matches of rollback, found $count"
  ui_start 120 30
  ui_keys /
  ui_keys -l "rollback"
  ui_keys Enter
  ui_wait_for "/rollback  1 of $count"
  ui_keys n
  ui_wait_for "/rollback  2 of $count"
  ui_keys N
  ui_wait_for "/rollback  1 of $count"
}

test_e_on_a_note_with_a_control_character_offers_it_cleaned() {
  project
  lc_ok check 2 --note "hello"
  sed -i 's/note = "hello"/note = "hel\\u0007lo\\tworld"/' .llmchecklist
  assert_file_contains .llmchecklist 'note = "hel\u0007lo\tworld"'
  ui_start 100 30
  ui_keys j j e
  ui_wait_for "Note (control characters removed; Esc cancels): hello world"
  ui_keys Enter
  ui_wait_for "note of 2 cost-at-scale saved"
  assert_file_contains .llmchecklist 'note = "hello world"'
}

test_the_na_prompt_sets_an_expiry_date() {
  project
  cp .llmchecklist before
  ui_start 100 30
  ui_keys j j n
  ui_keys -l "no costs this quarter"
  ui_keys Enter
  ui_wait_for "Until (YYYY-MM-DD, empty: no expiry; Esc cancels):"
  ui_keys -l "next spring"
  ui_keys Enter
  ui_wait_for "the expiry date needs a date like 2027-03-31, got \"next spring\": nothing written"
  ui_keys n
  ui_keys -l "no costs this quarter"
  ui_keys Enter
  ui_wait_for "Until (YYYY-MM-DD"
  ui_keys -l "2026-01-31"
  ui_keys Enter
  ui_wait_for "the expiry date 2026-01-31 is already past (today is 2026-11-28)"
  assert_same_bytes before .llmchecklist
  ui_keys n
  ui_keys -l "no costs this quarter"
  ui_keys Enter
  ui_wait_for "Until (YYYY-MM-DD"
  ui_keys -l "2027-03-31"
  ui_keys Enter
  ui_wait_for "n/a 2 cost-at-scale until 2027-03-31"
  assert_contains "$(cat .llmchecklist)" $'[items.cost-at-scale]\nstatus = "na"'
  assert_contains "$(cat .llmchecklist)" 'until = 2027-03-31'
  ui_wait_for "[n/a until 2027-03-31]"
}

test_the_expanded_item_shows_its_full_title() {
  project
  lc show 2 --json
  local title
  title=$(json '.title')
  ui_start 80 24
  ui_wait_for "[ ]  2 Forecast cost per request"
  assert_not_contains "$screen" "$title"
  ui_keys j j Enter
  # The title's lines, wrapped below the row, joined again.
  local deadline=$((SECONDS + 10))
  until printf '%s\n' "$(ui_screen)" | sed -E 's/^ +//' | tr '\n' ' ' | grep -qF -- "$title"; do
    [ "$SECONDS" -lt "$deadline" ] || fail "the full title [$title] never showed: $(ui_screen)"
    sleep 0.05
  done
}

run_tests "$@"

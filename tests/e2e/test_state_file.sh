#!/usr/bin/env bash
# The state file .llmchecklist: its exact layout, determinism, orphans and hand edits.
. "$(dirname "$0")/lib.sh"

# The state file the tool should write for the built-in checklist with every item todo, built
# from list --json so that it follows the checklist's content.
expected_todo_state() {
  lc list --json
  printf 'format = 1\nchecklist = "builtin:llm-deployment@2027.1"\n'
  json '.phases[].items[] | "\n# \(.number). \(.title)\n[items.\(.id)]\nstatus = \"todo\""'
}

test_state_file_has_one_todo_table_per_item_in_checklist_order() {
  git_repo
  lc_ok check 1
  lc_ok uncheck 1
  expected_todo_state >expected
  # The tool may put comment lines before `format`; everything from `format` on is the contract.
  sed -n '/^format = /,$p' .llmchecklist >actual
  assert_same_bytes expected actual
  assert_eq "" "$(sed '/^format = /,$d' .llmchecklist | grep -v '^#')" "lines before format = 1"
}

test_state_file_top_names_format_1_and_the_built_in_checklist() {
  git_repo
  lc_ok check 3
  assert_eq 'format = 1
checklist = "builtin:llm-deployment@2027.1"' "$(grep -v '^#' .llmchecklist | head -2)"
}

test_state_file_matches_the_golden_file_after_a_known_sequence_of_commands() {
  git_repo
  use_checklist small.toml
  lc_ok check alpha --note 'docs/"alpha".md, section 2'
  lc_ok check beta --na "not needed here"
  lc_ok check gamma
  LLMCHECKLIST_NOW=2026-12-24T18:30:00Z lc_ok check delta --note "temporary"
  lc_ok uncheck delta
  git config user.name "Grace Hopper"
  git config user.email "grace@example.org"
  LLMCHECKLIST_NOW=2027-01-02T03:04:05Z lc_ok check gamma --note "re-checked"
  assert_golden state-small.toml .llmchecklist
}

test_state_file_done_and_na_entries_carry_revision_by_at_and_note() {
  git_repo
  use_checklist small.toml
  lc_ok check beta --note "evidence"
  lc_ok check gamma --na "reason"
  assert_contains "$(cat .llmchecklist)" '
# 3. Do the beta thing
[items.beta]
status = "done"
revision = 2
by = "Ada Lovelace <ada@example.org>"
at = 2026-11-28T12:00:00Z
note = "evidence"

# 4. Do the gamma thing
[items.gamma]
status = "na"
revision = 1
by = "Ada Lovelace <ada@example.org>"
at = 2026-11-28T12:00:00Z
note = "reason"
'
}

test_state_file_same_state_gives_the_same_bytes_whatever_the_order_of_commands() {
  mkdir one two
  (cd one && git_repo && lc_ok check 1 && lc_ok check 30 --note n && lc_ok check 7 --na r && lc_ok check 12)
  (cd two && git_repo && lc_ok check 7 --na r && lc_ok check 30 1 && lc_ok check 12 && lc_ok check 30 --note n)
  assert_same_bytes one/.llmchecklist two/.llmchecklist
}

test_state_file_check_then_uncheck_returns_to_the_bytes_of_a_fresh_file() {
  git_repo
  lc_ok init
  cp .llmchecklist fresh
  lc_ok check 3 5 --note "x"
  lc_ok check 7 --na "y"
  lc_ok uncheck 3 5 7
  assert_same_bytes fresh .llmchecklist
}

test_state_file_a_check_changes_only_the_lines_of_that_item() {
  git_repo
  lc_ok init
  cp .llmchecklist before
  lc_ok show 20 --json
  local id
  id=$(json .id)
  lc_ok check 20 --note "runbook"
  # One hunk: item 20's status line replaced, four lines added after it; nothing else.
  assert_eq 1 "$(diff before .llmchecklist | grep -c '^[0-9]')" "diff hunks"
  assert_eq "$(grep -nF "[items.$id]" before | cut -d: -f1)" \
    "$(($(diff before .llmchecklist | grep '^[0-9]' | cut -dc -f1) - 1))" "the changed line follows item 20's header"
  assert_eq '> status = "done"
> revision = 1
> by = "Ada Lovelace <ada@example.org>"
> at = 2026-11-28T12:00:00Z
> note = "runbook"' "$(diff before .llmchecklist | grep '^>')" "added lines"
  assert_eq 5 "$(diff before .llmchecklist | grep -c '^>')" "added lines"
  assert_eq 1 "$(diff before .llmchecklist | grep -c '^<')" "removed lines"
  assert_eq '< status = "todo"' "$(diff before .llmchecklist | grep '^<')"
}

test_state_file_is_replaced_atomically_by_renaming() {
  git_repo
  lc_ok check 1
  cp .llmchecklist before
  ln .llmchecklist old-link
  lc_ok check 2
  # A rename leaves the old inode (and its other name) as it was; an in-place rewrite would not.
  assert_same_bytes before old-link
  assert_contains "$(cat .llmchecklist)" '[items.cost-at-scale]
status = "done"'
  assert_eq "./.llmchecklist
./before
./old-link" "$(tree_listing)" "files (no temporary or lock file left)"
}

test_state_file_rechecking_with_the_same_values_rewrites_the_same_bytes() {
  git_repo
  lc_ok check 3 --note "same"
  cp .llmchecklist before
  lc_ok check 3 --note "same"
  assert_same_bytes before .llmchecklist
}

# An entry for an id the checklist does not have, as a user or an older checklist left it.
orphan_block='
# Orphaned: the checklist no longer has this item; kept as recorded.
[items.retired-item]
status = "done"
revision = 3
by = "Bob <bob@example.org>"
at = 2025-06-01T08:00:00Z
note = "kept, \"quoted\" and all"'

test_state_file_orphaned_entries_are_kept_unchanged_on_rewrite() {
  git_repo
  use_checklist small.toml
  printf '%s\n' "$orphan_block" >>.llmchecklist
  lc_ok check alpha
  lc_ok uncheck alpha
  lc_ok check beta --na "n/a"
  assert_contains "$(cat .llmchecklist)" "$orphan_block"
  assert_eq 1 "$(grep -c '^\[items.retired-item\]$' .llmchecklist)" "orphan tables"
  lc show retired-item
  assert_status 2
}

test_state_file_orphaned_entries_in_the_middle_are_kept_after_the_items() {
  git_repo
  use_checklist small.toml
  cat >.llmchecklist <<'EOF'
format = 1
checklist = "small.toml"

[items.alpha]
status = "done"
by = "Bob <bob@example.org>"
at = 2025-06-01T08:00:00Z

[items.zeta]
status = "na"
note = "gone"

[items.beta]
status = "todo"

[items.eta]
status = "todo"
EOF
  lc_ok check gamma
  assert_contains "$(cat .llmchecklist)" '
# Orphaned: the checklist no longer has this item; kept as recorded.
[items.zeta]
status = "na"
note = "gone"

# Orphaned: the checklist no longer has this item; kept as recorded.
[items.eta]
status = "todo"'
  assert_contains "$(cat .llmchecklist)" '[items.alpha]
status = "done"
by = "Bob <bob@example.org>"
at = 2025-06-01T08:00:00Z
'
}

test_state_file_orphaned_entries_are_reported_by_list_and_progress() {
  git_repo
  use_checklist small.toml
  printf '%s\n' "$orphan_block" >>.llmchecklist
  lc list
  assert_status 0
  assert_contains "$err" "orphaned"
  assert_contains "$err" "retired-item"
  lc progress
  assert_status 0
  assert_contains "$err" "orphaned"
  assert_contains "$err" "retired-item"
  lc list --json
  assert_eq '["retired-item"]' "$(json '.orphaned | tojson')"
  lc progress --json
  assert_eq '["retired-item"]' "$(json '.orphaned | tojson')"
  # They do not count.
  assert_eq "0 5" "$(json '"\(.done) \(.total)"')"
}

test_state_file_written_by_hand_in_another_layout_is_read_and_normalised() {
  git_repo
  cp "$FIXTURES/checklists/small.toml" .
  # Keys out of order, tables out of order, no comments, a non-UTC offset, an orphan.
  cat >.llmchecklist <<'EOF'
checklist = "small.toml"
  format=1
[items.gamma]
note="why, \"exactly\""
status="na"
[items.old]
status = "done"
at = 2025-01-01T00:00:00Z
[items.alpha]
at=2026-11-28T14:00:00+02:00
by='Bob <bob@example.org>'
status="done"
revision=1
EOF
  lc list --json
  assert_status 0
  assert_eq "done|Bob <bob@example.org>|2026-11-28T12:00:00Z" \
    "$(json '.phases[0].items[0] | "\(.status)|\(.by)|\(.at)"')"
  assert_eq 'na|why, "exactly"' "$(json '.phases[1].items[0] | "\(.status)|\(.note)"')"
  lc_ok check delta
  assert_golden state-small-normalised.toml .llmchecklist
  # And the normalised file reads back to the same state.
  cp .llmchecklist once
  lc_ok uncheck alpine
  assert_same_bytes once .llmchecklist
}

test_state_file_a_canonical_file_round_trips_byte_for_byte() {
  git_repo
  cp "$FIXTURES/checklists/small.toml" .
  cp "$GOLDEN/state-small.toml" .llmchecklist
  cp .llmchecklist before
  # Re-recording what the file already says changes nothing.
  lc_ok check beta --na "not needed here"
  lc_ok uncheck delta
  assert_same_bytes before .llmchecklist
}

test_state_file_keeps_crlf_line_ends_of_a_hand_edited_file() {
  git_repo
  use_checklist small.toml
  sed 's/$/\r/' .llmchecklist >crlf && mv crlf .llmchecklist
  lc_ok check alpha
  assert_eq 0 "$(grep -vc $'\r$' .llmchecklist)" "lines without CR"
  assert_contains "$(cat .llmchecklist)" $'status = "done"\r\nrevision = 1\r\n'
}

test_state_file_is_plain_toml_that_jq_free_tools_can_read() {
  git_repo
  lc_ok check 3 --note 'a "quoted" note \ with backslash'
  lc show 3 --json
  assert_eq 'a "quoted" note \ with backslash' "$(json .note)"
  assert_contains "$(cat .llmchecklist)" 'note = "a \"quoted\" note \\ with backslash"'
}

test_state_file_a_custom_checklist_path_is_relative_to_the_state_file() {
  git_repo
  mkdir -p lists deep/er
  cp "$FIXTURES/checklists/small.toml" lists/
  printf 'format = 1\nchecklist = "lists/small.toml"\n' >.llmchecklist
  cd deep/er
  lc list --json
  assert_status 0
  assert_eq small "$(json .checklist.id)"
  lc_ok check gamma
  cd ../..
  assert_contains "$(cat .llmchecklist)" 'checklist = "lists/small.toml"'
}

run_tests "$@"

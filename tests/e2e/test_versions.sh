#!/usr/bin/env bash
# Versioned checklists, with a binary that knows versions 2026.1 and 2026.2 of the built-in
# checklist (the second is test-only) beside the real one, which knows 2026.1 alone.
. "$(dirname "$0")/lib.sh"
: "${LLMCHECKLIST_VERSIONS_BIN:?}"

old() { lc "$@"; }
new() { local saved=$LLMCHECKLIST_BIN; LLMCHECKLIST_BIN=$LLMCHECKLIST_VERSIONS_BIN; lc "$@"; LLMCHECKLIST_BIN=$saved; }

test_a_new_state_pins_the_version_it_was_written_against() {
  git_repo
  old check 3 -q
  assert_contains "$(cat .llmchecklist)" 'checklist = "builtin:llm-deployment@2026.1"'
  new list --json
  assert_eq "2026.1 2026.2" "$(json '"\(.checklist.pinned_version) \(.checklist.latest_version)"')"
}

test_binaries_that_know_more_versions_write_the_same_bytes_for_the_same_change() {
  git_repo
  old check 3 -q
  cp .llmchecklist start
  old check 5 --note "same" -q
  cp .llmchecklist by_old
  cp start .llmchecklist
  new check 5 --note "same" -q
  cmp -s by_old .llmchecklist || { diff by_old .llmchecklist >&2; fail "the two binaries wrote different bytes"; }
  # The newer binary follows the pin: 40 items of 2026.1, not 41 of 2026.2.
  new list --json
  assert_eq 40 "$(json .total)"
}

test_a_newer_version_is_mentioned_once_on_stderr_never_in_json() {
  git_repo
  old check 1 -q
  new list
  assert_eq 1 "$(printf '%s\n' "$err" | grep -c 'version 2026.2 of the checklist is available')"
  new progress --json
  assert_contains "$err" "2026.2"
  printf '%s' "$out" | jq -e . >/dev/null || fail "JSON polluted"
  old list
  assert_not_contains "$err" "available"
}

test_upgrade_dry_run_changes_nothing_and_says_what_would() {
  git_repo
  old check fine-tune-break-even retry-backoff -q
  cp .llmchecklist before
  new upgrade --dry-run
  assert_status 0
  cmp -s before .llmchecklist || fail "--dry-run wrote the state file"
  assert_contains "$out" "2026.1 -> 2026.2"
  assert_contains "$out" "added, as todo (1):"
  assert_contains "$out" "eval-refresh"
  assert_contains "$out" "changed, their checks now stale (1):"
  assert_contains "$out" "retry-backoff"
  assert_contains "$out" "dropped, kept as orphaned entries (1):"
  assert_contains "$out" "fine-tune-break-even"
}

test_upgrade_adds_items_as_todo_marks_changed_ones_stale_and_keeps_dropped_ones() {
  git_repo
  old check fine-tune-break-even retry-backoff --note kept -q
  new upgrade
  assert_status 0
  assert_contains "$(cat .llmchecklist)" 'checklist = "builtin:llm-deployment@2026.2"'
  new show eval-refresh --json
  assert_eq "todo" "$(json .status)"
  new show retry-backoff --json
  assert_eq "done true 1 2" "$(json '"\(.status) \(.stale) \(.checked_revision) \(.revision)"')"
  new list --json
  assert_eq '["fine-tune-break-even"]' "$(json '.orphaned | tostring')"
  assert_contains "$(cat .llmchecklist)" $'[items.fine-tune-break-even]\nstatus = "done"'
  new upgrade
  assert_contains "$out" "already follows builtin:llm-deployment@2026.2"
}

test_a_binary_that_does_not_know_the_pinned_version_refuses_and_writes_nothing() {
  git_repo
  new check 1 -q
  new upgrade -q
  cp .llmchecklist before
  old list
  assert_status 3
  assert_contains "$err" ".llmchecklist:4:13: error:"
  assert_contains "$err" "builtin:llm-deployment@2026.2"
  assert_contains "$err" "needs a newer llmchecklist"
  old check 2
  assert_status 3
  cmp -s before .llmchecklist || fail "the state file changed"
}

test_a_custom_checklist_whose_version_moved_is_noted_and_upgrade_re_pins_it() {
  cp "$FIXTURES/checklists/small.toml" ours.toml
  old init --checklist ours.toml -q
  old check beta -q
  assert_contains "$(cat .llmchecklist)" 'checklist_version = "1"'
  python3 - <<'PY'
text = open("ours.toml").read().replace('version = "1"', 'version = "2"', 1)
text = text.replace('id = "beta"', 'id = "beta"', 1).replace("revision = 2", "revision = 3", 1)
text += '\n[[phases.items]]\nid = "zeta"\ntitle = "Do zeta"\n'
open("ours.toml", "w").write(text)
PY
  old progress --json
  assert_contains "$err" "ours.toml is now version 2"
  assert_contains "$err" "llmchecklist upgrade"
  old upgrade --dry-run
  assert_contains "$out" "zeta"
  assert_contains "$out" "beta"
  old upgrade -q
  assert_contains "$(cat .llmchecklist)" 'checklist_version = "2"'
  old list
  assert_not_contains "$err" "is now version"
}

run_tests "$@"

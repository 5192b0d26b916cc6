#!/usr/bin/env bash
# Versioned checklists, with a binary that knows a test-only version 2027.2 of the built-in
# checklist beside the real one, whose newest is 2027.1.
. "$(dirname "$0")/lib.sh"
: "${LLMCHECKLIST_VERSIONS_BIN:?}"

old() { lc "$@"; }
new() { local saved=$LLMCHECKLIST_BIN; LLMCHECKLIST_BIN=$LLMCHECKLIST_VERSIONS_BIN; lc "$@"; LLMCHECKLIST_BIN=$saved; }

test_a_new_state_pins_the_version_it_was_written_against() {
  git_repo
  old check 3 -q
  assert_contains "$(cat .llmchecklist)" 'checklist = "builtin:llm-deployment@2027.1"'
  new list --json
  assert_eq "2027.1 2027.2" "$(json '"\(.checklist.pinned_version) \(.checklist.latest_version)"')"
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
  # The newer binary follows the pin: 40 items of 2027.1, not 41 of 2027.2.
  new list --json
  assert_eq 40 "$(json .total)"
}

test_a_newer_version_is_mentioned_once_on_stderr_never_in_json() {
  git_repo
  old check 1 -q
  new list
  assert_eq 1 "$(printf '%s\n' "$err" | grep -c 'version 2027.2 of the checklist is available')"
  new progress --json
  assert_contains "$err" "2027.2"
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
  assert_contains "$out" "2027.1 -> 2027.2"
  assert_contains "$out" "added, as todo (2):"
  assert_contains "$out" "eval-refresh"
  assert_contains "$out" "eval-drift-review"
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
  assert_contains "$(cat .llmchecklist)" 'checklist = "builtin:llm-deployment@2027.2"'
  new show eval-refresh --json
  assert_eq "todo" "$(json .status)"
  new show retry-backoff --json
  assert_eq "done true 3 4" "$(json '"\(.status) \(.stale) \(.checked_revision) \(.revision)"')"
  new list --json
  assert_eq '["fine-tune-break-even"]' "$(json '.orphaned | tostring')"
  assert_contains "$(cat .llmchecklist)" $'[items.fine-tune-break-even]\nstatus = "done"'
  new upgrade
  assert_contains "$out" "already follows builtin:llm-deployment@2027.2"
}

test_a_binary_that_does_not_know_the_pinned_version_refuses_and_writes_nothing() {
  git_repo
  new check 1 -q
  new upgrade -q
  cp .llmchecklist before
  old list
  assert_status 3
  assert_contains "$err" ".llmchecklist:4:13: error:"
  assert_contains "$err" "builtin:llm-deployment@2027.2"
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

# --- Release 2026.2 of the built-in checklist: merged items carry their checks over ---

# A state pinned to 2026.1 with every item signed off: most done, some with notes, some n/a.
every_2026_1_item_checked() {
  git_repo
  old init --checklist builtin:llm-deployment@2026.1 -q
  old check --phase 1 --phase 3 --phase 4 --phase 5 --phase 6 -q
  old check smaller-model-check --note "small tier compared in docs/models.md" -q
  old check red-teaming --note "red team report 2026-10" -q
  old check tool-permissions --na "the feature calls no tools" -q
  old check --phase 2 --na "we do not fine-tune" -q
  old check prompt-logging --na "nothing is logged" -q
  git add .llmchecklist .gitignore && git commit -qm "Sign off every item of 2026.1"
  cp .llmchecklist before
}

# Every id the state records a check for (done or n/a), sorted.
recorded() { sed -n '/^\[items\./{s/^\[items\.\(.*\)\]$/\1/;h};/^status = "\(done\|na\)"/{x;p}' .llmchecklist | sort; }

test_upgrading_to_2026_2_keeps_every_sign_off_carried_over_or_as_an_orphan() {
  every_2026_1_item_checked
  assert_eq 40 "$(recorded | wc -l)" "checks recorded under 2026.1"
  # 2026.2 is no longer the newest: name it.
  old upgrade --to 2026.2 --dry-run
  assert_status 0
  assert_contains "$out" "builtin:llm-deployment 2026.1 -> 2026.2"
  assert_contains "$out" "added, as todo ("
  assert_contains "$out" "staged-rollout"
  assert_contains "$out" "system-card"
  assert_contains "$out" "changed, their checks now stale ("
  assert_contains "$out" "merged into other items (7):"
  # A merged item whose keeper has no check of its own hands its check over.
  assert_contains "$(unwrapped "$out")" "regulated-domain-review -> 33 compliance-scope: Record a compliance scope decision for every deployment, with an owner and launch-halting criteria (its check carried over, stale until re-checked)"
  # One whose keeper has its own check stays as it was, as an orphan: nothing is dropped.
  assert_contains "$(unwrapped "$out")" "smaller-model-check -> 1 quality-bar"
  assert_contains "$(unwrapped "$out")" "(kept as an orphaned entry: the item has a check of its own)"
  assert_not_contains "$out" "dropped"
  assert_contains "$out" "(dry run: nothing written)"
  assert_same_bytes before .llmchecklist

  old upgrade --to 2026.2 -q
  assert_status 0
  assert_contains "$(cat .llmchecklist)" 'checklist = "builtin:llm-deployment@2026.2"'
  # Every check is still there: carried over to the item that took it, or as an orphan.
  old list --json
  assert_eq 0 "$(json '[.phases[].items[] | select(.id == "compliance-scope") | select(.status != "done" or .stale != true)] | length')" "compliance-scope carried, stale"
  local orphans
  orphans=$(json '.orphaned | join(" ")')
  for id in smaller-model-check red-teaming tool-permissions prompt-logging eval-tracking output-validation; do
    assert_contains " $orphans " " $id " "orphans"
    assert_contains "$(cat .llmchecklist)" "[items.$id]"
  done
  assert_not_contains " $orphans " " regulated-domain-review " "orphans"
  # The n/a reasons and notes are kept word for word.
  assert_contains "$(cat .llmchecklist)" 'note = "the feature calls no tools"'
  assert_contains "$(cat .llmchecklist)" 'note = "red team report 2026-10"'
  # Items whose requirement changed show as stale; unchanged ones stay fresh.
  old show quality-bar --json
  assert_eq "done true" "$(json '"\(.status) \(.stale)"')"
  old show timeouts-and-streaming --json
  assert_eq "done false" "$(json '"\(.status) \(.stale)"')"
  # Nothing recorded was lost: 40 checks before, the same 40 ids or their keepers after.
  local after
  after=$(recorded | wc -l)
  [ "$after" -ge 40 ] || fail "only $after checks recorded after the upgrade"
  # The change is one reviewable commit of the state file alone, and diff names the carried
  # check as what changed.
  assert_eq " M .llmchecklist" "$(git status --porcelain | grep -v '^??')"
  lc diff
  assert_contains "$out" "33 compliance-scope"
}

test_a_fresh_2026_1_state_upgrades_without_leaving_orphans() {
  git_repo
  old init --checklist builtin:llm-deployment@2026.1 -q
  old upgrade -q
  old list
  assert_status 0
  assert_not_contains "$err" "orphaned"
}

test_a_merged_n_a_decision_is_carried_as_n_a_with_its_reason() {
  git_repo
  old init --checklist builtin:llm-deployment@2026.1 -q
  old check regulated-domain-review --na "not a regulated domain" --until 2027-06-30 -q
  old upgrade -q
  old show compliance-scope --json
  assert_eq "na not a regulated domain 2027-06-30 true" \
    "$(json '"\(.status) \(.note) \(.until) \(.stale)"')"
  old list --json
  assert_eq "" "$(json '.orphaned | join(" ")')"
}

# --- Release 2027.1 of the built-in checklist: a split, two merges, changed requirements ---

# A state pinned to 2026.2 with every item signed off: most done, some with notes, some n/a
# with reasons.
every_2026_2_item_checked() {
  git_repo
  old init --checklist builtin:llm-deployment@2026.2 -q
  old check --phase 1 --phase 3 --phase 4 --phase 5 --phase 6 -q
  old check timeouts-and-streaming --note "deadlines in docs/timeouts.md" -q
  old check latency-and-errors --note "dashboard llm-calls" -q
  old check token-cost-tracking --na "billing exports cover it" -q
  old check personal-data --note "DPIA 2026-09 approved" -q
  old check --phase 2 --na "we do not fine-tune" -q
  git add .llmchecklist .gitignore && git commit -qm "Sign off every item of 2026.2"
  cp .llmchecklist before
}

test_upgrading_2026_2_to_2027_1_carries_or_keeps_every_sign_off() {
  every_2026_2_item_checked
  assert_eq 40 "$(recorded | wc -l)" "checks recorded under 2026.2"
  old upgrade --dry-run
  assert_status 0
  assert_contains "$out" "builtin:llm-deployment 2026.2 -> 2027.1"
  # New ids: the two that take over merged checks, and two new practices.
  assert_contains "$out" "added, as todo (4):"
  assert_contains "$out" "streaming-ux"
  assert_contains "$out" "subgroup-evaluation"
  assert_contains "$out" "changed, their checks now stale (8):"
  assert_contains "$out" "merged into other items (4):"
  # The split: the timeout half keeps the check, stale until someone re-confirms it.
  assert_contains "$(unwrapped "$out")" "timeouts-and-streaming -> 18 timeout-budget"
  assert_contains "$(unwrapped "$out")" "latency-and-errors -> 28 call-telemetry"
  # The second item merged into call-telemetry, and personal-data, whose keeper has a check of
  # its own, stay as orphans: nothing is dropped.
  assert_contains "$(unwrapped "$out")" "token-cost-tracking -> 28 call-telemetry"
  assert_contains "$(unwrapped "$out")" "personal-data -> 36 data-handling-policy"
  assert_contains "$(unwrapped "$out")" "(kept as an orphaned entry: the item has a check of its own)"
  assert_not_contains "$out" "dropped"
  assert_same_bytes before .llmchecklist

  old upgrade -q
  assert_status 0
  assert_contains "$(cat .llmchecklist)" 'checklist = "builtin:llm-deployment@2027.1"'
  old show timeout-budget --json
  assert_eq "done true deadlines in docs/timeouts.md" "$(json '"\(.status) \(.stale) \(.note)"')"
  old show call-telemetry --json
  assert_eq "done true dashboard llm-calls" "$(json '"\(.status) \(.stale) \(.note)"')"
  old list --json
  assert_eq "personal-data token-cost-tracking" "$(json '.orphaned | sort | join(" ")')"
  assert_contains "$(cat .llmchecklist)" 'note = "billing exports cover it"'
  assert_contains "$(cat .llmchecklist)" 'note = "DPIA 2026-09 approved"'
  # The n/a of the optional phase is kept on every fine-tuning item, changed ones as stale.
  old list --phase fine-tuning --json
  assert_eq 0 "$(json '[.phases[].items[] | select(.status != "na")] | length')" "fine-tuning n/a"
  # Requirements that changed are stale; unchanged ones stay fresh; new ones are todo.
  for id in quality-scoring retry-backoff provider-fallback untrusted-output user-feedback data-handling-policy; do
    old show "$id" --json
    assert_eq "done true" "$(json '"\(.status) \(.stale)"')" "$id"
  done
  old show quality-bar --json
  assert_eq "done false" "$(json '"\(.status) \(.stale)"')"
  old show streaming-ux --json
  assert_eq "todo" "$(json .status)"
  # Every check is still recorded: on its item, on the item that took it over, or as an orphan.
  assert_eq 40 "$(recorded | wc -l)" "checks recorded under 2027.1"
  assert_eq " M .llmchecklist" "$(git status --porcelain | grep -v '^??')"
}

test_a_2026_1_state_upgrades_straight_to_2027_1_without_losing_a_check() {
  every_2026_1_item_checked
  old upgrade -q
  assert_status 0
  assert_contains "$(cat .llmchecklist)" 'checklist = "builtin:llm-deployment@2027.1"'
  local after
  after=$(recorded | wc -l)
  [ "$after" -ge 40 ] || fail "only $after checks recorded after the upgrade"
  old show compliance-scope --json
  assert_eq "done true" "$(json '"\(.status) \(.stale)"')"
}

run_tests "$@"
